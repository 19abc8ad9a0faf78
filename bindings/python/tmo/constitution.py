"""tmo/constitution.h: an organisation's rules (its constitution), loaded from TOML or a preset."""

import dataclasses
import decimal
import enum
import tomllib
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint32, c_uint64, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["Constitution", "Resolution", "LegalForm", "VoteUnit", "Meeting", "Combine"]

_H = c_void_p  # const tmo_constitution *
_parse = bind("tmo_constitution_parse", c_int, POINTER(c_void_p), c_char_p, c_size_t, c_char_p)
_load = bind("tmo_constitution_load", c_int, POINTER(c_void_p), c_char_p)
_preset = bind("tmo_constitution_preset", c_int, POINTER(c_void_p), c_char_p)
_constitution_free = bind("tmo_constitution_free", None, _H)
_to_toml = bind("tmo_constitution_to_toml", c_int, POINTER(Buf), _H)
_summary = bind("tmo_constitution_summary", c_int, POINTER(Buf), _H)
_name = bind("tmo_constitution_name", c_char_p, _H)
_area = bind("tmo_constitution_area", c_char_p, _H)
_legal_form = bind("tmo_constitution_legal_form", c_int, POINTER(c_int), _H)
_minimum_age = bind("tmo_constitution_minimum_age", c_int, POINTER(c_uint32), _H)
_vote_unit = bind("tmo_constitution_vote_unit", c_int, POINTER(c_int), _H)
_notice_days = bind("tmo_constitution_notice_days", c_int, POINTER(c_uint32), _H, c_int)
_quorum = bind("tmo_constitution_quorum", c_int, POINTER(c_uint64), _H, c_int, c_uint64, c_int)
_resolution_count = bind("tmo_constitution_resolution_count", c_int, POINTER(c_size_t), _H)
_resolution_name = bind("tmo_constitution_resolution_name", c_char_p, _H, c_size_t)
_resolution_combine = bind("tmo_constitution_resolution_combine", c_int, POINTER(c_int), _H, c_char_p)
_resolution_test_count = bind("tmo_constitution_resolution_test_count", c_int, POINTER(c_size_t), _H, c_char_p)
_resolution_test = bind("tmo_constitution_resolution_test", c_char_p, _H, c_char_p, c_size_t)
_committee_size = bind("tmo_constitution_committee_size", c_int, POINTER(c_uint32), POINTER(c_uint32), _H)
_ballot_count = bind("tmo_constitution_ballot_count", c_int, POINTER(c_size_t), _H)
_ballot_name = bind("tmo_constitution_ballot_name", c_char_p, _H, c_size_t)


class LegalForm(enum.IntEnum):
    """enum tmo_legal_form."""
    CO_OPERATIVE_SOCIETY = 1
    COMMUNITY_BENEFIT_SOCIETY = 2
    COMPANY_LIMITED_BY_GUARANTEE = 3


class VoteUnit(enum.IntEnum):
    """enum tmo_vote_unit: each member votes, or each household casts one vote."""
    MEMBER = 1
    HOUSEHOLD = 2


class Meeting(enum.IntEnum):
    """enum tmo_meeting_kind."""
    AGM = 1
    GENERAL = 2
    SPECIAL = 3
    COMMITTEE = 4


class Combine(enum.IntEnum):
    """enum tmo_combine: a resolution needs all of its threshold tests, or any one."""
    ALL = 1
    ANY = 2


@dataclasses.dataclass(frozen=True)
class Resolution:
    """A kind of resolution: its name, how its tests combine, and each test as English text with its exact
    fraction ("at least 3/4 of votes cast")."""
    name: str
    combine: Combine
    tests: tuple



def _indexed(count_function, name_function, handle):
    """The names a count/name pair of getters lists, in order."""
    return tuple(_lib.text(name_function(handle, i)) for i in range(_lib.get(count_function, c_size_t, handle)))


class Constitution(_lib.Handle):
    """An organisation's rules. Create with Constitution.load(path), .parse(text) or .preset(name); use as a
    context manager or call close() to release it at once (it is released when collected otherwise).

    Raises the tmo.Error subclass of the C API's status, carrying file, line, column and key path of the first
    error in the input."""

    _free = _constitution_free

    @classmethod
    def load(cls, path):
        """Reads and parses a constitution file (InputOutputError if it cannot be read)."""
        return cls._create(_load, _lib.encode_path(path))

    @classmethod
    def parse(cls, text, source_name=None):
        """Parses TOML text (str or bytes); `source_name` names it in error locations."""
        data = _lib.encode(text, "the constitution text")
        return cls._create(_parse, data, len(data), _lib.encode_source_name(source_name))

    @classmethod
    def preset(cls, name):
        """A constitution shipped with the library: "ccbs_act_2014" or "companies_act_2006" (NotFoundError
        otherwise)."""
        return cls._create(_preset, _lib.encode(name, "the preset's name"))

    @property
    def name(self):
        return _lib.text(_name(self._h))

    @property
    def area(self):
        """The area of homes the organisation manages or seeks to manage."""
        return _lib.text(_area(self._h))

    @property
    def legal_form(self):
        return LegalForm(_lib.get(_legal_form, c_int, self._h))

    @property
    def minimum_age(self):
        """The minimum age of a member, in years."""
        return _lib.get(_minimum_age, c_uint32, self._h)

    @property
    def vote_unit(self):
        return VoteUnit(_lib.get(_vote_unit, c_int, self._h))

    @property
    def committee_size(self):
        """(least, greatest) number of committee members; NotFoundError without committee rules."""
        least, greatest = c_uint32(), c_uint32()
        _lib.check(_committee_size(byref(least), byref(greatest), self._h))
        return least.value, greatest.value

    @property
    def resolution_kinds(self):
        """The names of the kinds of resolution, in ascending byte order ("ordinary", "special", ...)."""
        return _indexed(_resolution_count, _resolution_name, self._h)

    def resolution(self, kind):
        """The kind of resolution named `kind` (NotFoundError, naming the kinds there are, if none)."""
        key = _lib.encode(kind, "the resolution kind")
        combine = Combine(_lib.get(_resolution_combine, c_int, self._h, key))
        count = _lib.get(_resolution_test_count, c_size_t, self._h, key)
        tests = tuple(_lib.text(_resolution_test(self._h, key, i)) for i in range(count))
        return Resolution(kind, combine, tests)

    @property
    def resolutions(self):
        """Every kind of resolution, by name."""
        return {kind: self.resolution(kind) for kind in self.resolution_kinds}

    @property
    def ballots(self):
        """The names of the named ballots ("continuation", "rtm"), in ascending byte order; may be empty."""
        return _indexed(_ballot_count, _ballot_name, self._h)

    def notice_days(self, meeting):
        """The clear days of notice a meeting of kind `meeting` (a Meeting) needs."""
        return _lib.get(_notice_days, c_uint32, self._h, Meeting(meeting))

    def quorum(self, meeting, members, adjourned=False):
        """How many persons make a quorum at a meeting of kind `meeting` when the body has `members` members;
        `adjourned` for a meeting adjourned for want of a quorum (NotFoundError if it has no such rule)."""
        return _lib.get(_quorum, c_uint64, self._h, Meeting(meeting), _lib.unsigned(members, 64, "members"),
                        1 if adjourned else 0)

    def to_toml(self):
        """The canonical TOML text (fixed key order, fractions as "p/q" strings); parsing it gives an equal
        constitution."""
        return _lib.take_text(_to_toml, self._h)

    def to_dict(self):
        """The canonical TOML as a dict (read with the standard tomllib; fractions stay "p/q" text)."""
        return tomllib.loads(self.to_toml(), parse_float=decimal.Decimal)

    def summary(self):
        """A plain-English summary of the rules for committee members."""
        return _lib.take_text(_summary, self._h)

    def __repr__(self):
        return f"<tmo.Constitution {'closed' if self.closed else repr(self.name)}>"
