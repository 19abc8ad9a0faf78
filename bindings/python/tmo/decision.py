"""tmo/decision.h: collective decisions — the membership register, eligibility and voters' rolls, meetings checked
(notice, proxies, quorum, interests, each resolution), resolutions and class ballots decided exactly; every outcome
with its plain sentence and its record for the minutes (Markdown or JSON)."""

import ctypes
import enum
import json
from ctypes import POINTER, Structure, byref, c_char_p, c_int, c_size_t, c_uint, c_uint64, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["Register", "Decision", "TenureClass", "Casting", "check_meeting", "evaluate_resolution",
           "evaluate_ballot"]

_R = c_void_p  # tmo_register *
_D = c_void_p  # tmo_decision *
_K = c_void_p  # tmo_constitution *
_parse = bind("tmo_register_parse", c_int, POINTER(c_void_p), c_char_p, c_size_t, c_char_p)
_load = bind("tmo_register_load", c_int, POINTER(c_void_p), c_char_p)
_free = bind("tmo_register_free", None, _R)
_count = bind("tmo_register_count", c_int, POINTER(c_size_t), _R)
_eligible = bind("tmo_register_eligible", c_int, POINTER(c_int), POINTER(Buf), _R, _K, c_char_p, c_char_p)
_roll_count = bind("tmo_register_roll_count", c_int, POINTER(c_uint64), _R, _K, c_char_p, c_int)
_roll_record = bind("tmo_register_roll_record", c_int, POINTER(Buf), _R, _K, c_char_p, c_int)
_meeting = bind("tmo_meeting_check", c_int, POINTER(c_void_p), _K, _R, c_char_p, c_size_t, c_char_p)
_votes_init = bind("tmo_resolution_votes_init", None, c_void_p)
_resolution = bind("tmo_resolution_evaluate", c_int, POINTER(c_void_p), _K, c_char_p, c_void_p)
_ballot = bind("tmo_ballot_evaluate", c_int, POINTER(c_void_p), c_char_p, _K, c_void_p, c_size_t)
_carried = bind("tmo_decision_carried", c_int, POINTER(c_int), _D)
_sentence = bind("tmo_decision_sentence", c_char_p, _D)
_record = bind("tmo_decision_record", c_int, POINTER(Buf), _D, c_int)
_decision_free = bind("tmo_decision_free", None, _D)

_FORMATS = {"text": 1, "markdown": 2, "json": 3}  # enum tmo_record_format


class TenureClass(enum.IntEnum):
    """enum tmo_tenure_class."""
    SECURE_TENANT = 1
    INTRODUCTORY_TENANT = 2
    OTHER_TENANT = 3
    LONG_LEASEHOLDER = 4
    OTHER_RESIDENT = 5
    NON_VOTING = 6


class Casting(enum.IntEnum):
    """enum tmo_casting: how the chair used a casting vote on an equality."""
    NOT_USED = 0
    IN_FAVOUR = 1
    AGAINST = 2


class _Votes(Structure):
    """tmo_resolution_votes (version 1)."""
    _fields_ = [("version", c_uint), ("eligible", c_uint64), ("present", c_uint64), ("in_favour", c_uint64),
                ("against", c_uint64), ("abstained", c_uint64), ("casting", c_int), ("meeting_kind", c_int),
                ("held", c_char_p), ("confirming", c_char_p)]


class _Tally(Structure):
    """tmo_class_tally."""
    _fields_ = [("tenure_class", c_int), ("eligible", c_uint64), ("in_favour", c_uint64), ("against", c_uint64),
                ("spoilt", c_uint64)]


def _format(format):
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
    return _FORMATS[format]


class Register(_lib.Handle):
    """The membership register. Register.load(path) or Register.parse(csv_text) read the CSV format of
    docs/decisions.md."""

    _free = _free

    @classmethod
    def load(cls, path):
        return cls._create(_load, _lib.encode_path(path))

    @classmethod
    def parse(cls, data, source_name=None):
        raw = _lib.encode(data, "the register")
        return cls._create(_parse, raw, len(raw), _lib.encode_source_name(source_name))

    def __len__(self):
        return _lib.get(_count, c_size_t, self._h)

    def eligible(self, constitution, member_id, date):
        """(True, "") if the member may vote on `date`, else (False, the reason)."""
        ok = c_int()
        reason = _lib.take_text(lambda buf: _eligible(byref(ok), buf, self._h, constitution._h,
                                                      _lib.encode(member_id), _lib.encode(str(date))))
        return bool(ok.value), reason

    def roll_count(self, constitution, date, tenure_class=0):
        """The votes on the roll on `date`: all, or one TenureClass's."""
        return _lib.get(_roll_count, c_uint64, self._h, constitution._h, _lib.encode(str(date)), int(tenure_class))

    def roll_record(self, constitution, date, format="json"):
        text = _lib.take_text(_roll_record, self._h, constitution._h, _lib.encode(str(date)), _format(format))
        return json.loads(text) if format == "json" else text


class Decision(_lib.Handle):
    """An outcome: `carried`, `sentence` and `record(format)`."""

    _free = _decision_free

    @property
    def carried(self):
        return bool(_lib.get(_carried, c_int, self._h))

    @property
    def sentence(self):
        return _lib.text(_sentence(self._h))

    def record(self, format="markdown"):
        text = _lib.take_text(_record, self._h, _format(format))
        return json.loads(text) if format == "json" else text


def check_meeting(constitution, meeting_toml, register=None, source_name=None):
    """Checks a meeting file (notice, proxies, quorum, interests, each resolution) against the constitution."""
    raw = _lib.encode(meeting_toml, "the meeting file")
    return Decision._create(_meeting, constitution._h, None if register is None else register._h, raw, len(raw),
                            _lib.encode_source_name(source_name))


def evaluate_resolution(constitution, kind, held, in_favour, against, abstained=0, eligible=0, present=0,
                        casting=Casting.NOT_USED, meeting_kind=2, confirming=None):
    """A vote on resolution kind `kind` decided exactly (meeting_kind: a TMO_MEETING_... value, 2 = general)."""
    votes = _Votes()
    _votes_init(ctypes.cast(ctypes.pointer(votes), c_void_p))
    votes.eligible, votes.present, votes.in_favour, votes.against, votes.abstained = (
        eligible, present, in_favour, against, abstained)
    votes.casting, votes.meeting_kind = int(casting), int(meeting_kind)
    votes.held = _lib.encode(str(held))
    votes.confirming = None if confirming is None else _lib.encode(str(confirming))
    return Decision._create(_resolution, constitution._h, _lib.encode(kind, "a resolution kind"),
                            ctypes.cast(ctypes.pointer(votes), c_void_p))


def evaluate_ballot(rule, tallies, constitution=None):
    """A class ballot under `rule` (a constitution's ballot or a preset): `tallies` maps a TenureClass to
    (eligible, in_favour, against, spoilt)."""
    array = (_Tally * max(len(tallies), 1))(*(_Tally(int(c), *t) for c, t in tallies.items()))
    return Decision._create(_ballot, _lib.encode(rule, "a ballot rule"),
                            None if constitution is None else constitution._h,
                            ctypes.cast(array, c_void_p), len(tallies))
