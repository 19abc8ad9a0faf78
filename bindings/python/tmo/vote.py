"""tmo/vote.h: ballot profiles, counting by any rule by name with text options, and results stage by stage.

Candidates are numbered from 1 in the order of the ballot file, as on result sheets; stages are numbered from 1 in
`Stage.number`, and `Count.stages[k]` is stage k + 1. Every vote and figure is an exact Fraction parsed from the
exact decimal text the library gives ("806.07214"; "37/3" where an exact decimal would not end); the text itself
is kept beside it for display.
"""

import dataclasses
import decimal
import enum
import fractions
import json
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint, c_uint32, c_uint64, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = [
    "Profile", "Count", "Stage", "Tie", "StageAction", "CandidateState", "count_rules",
    "BLANK", "OVERVOTE", "equal",
]

_P = c_void_p  # tmo_profile *
_C = c_void_p  # tmo_count *
_O = c_void_p  # tmo_count_options *
_profile_parse = bind("tmo_profile_parse", c_int, POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_uint)
_profile_load = bind("tmo_profile_load", c_int, POINTER(c_void_p), c_char_p, c_uint)
_profile_new = bind("tmo_profile_new", c_int, POINTER(c_void_p), POINTER(c_char_p), c_size_t, c_uint32)
_profile_free = bind("tmo_profile_free", None, _P)
_profile_add_ballot = bind("tmo_profile_add_ballot", c_int, _P, POINTER(c_uint32), c_size_t, c_uint64)
_profile_withdraw = bind("tmo_profile_withdraw", c_int, _P, c_uint32)
_profile_set_seats = bind("tmo_profile_set_seats", c_int, _P, c_uint32)
_profile_size = bind("tmo_profile_size", c_int, POINTER(c_uint32), POINTER(c_uint32), POINTER(c_uint64), _P)
_profile_candidate_name = bind("tmo_profile_candidate_name", c_char_p, _P, c_uint32)
_profile_title = bind("tmo_profile_title", c_char_p, _P)
_profile_format = bind("tmo_profile_format", c_char_p, _P)
_profile_warnings = bind("tmo_profile_warnings", c_int, POINTER(Buf), _P)
_profile_to_blt = bind("tmo_profile_to_blt", c_int, POINTER(Buf), _P)
_rule_name = bind("tmo_count_rule_name", c_char_p, c_size_t)
_options_new = bind("tmo_count_options_new", c_int, POINTER(c_void_p))
_options_free = bind("tmo_count_options_free", None, _O)
_options_set = bind("tmo_count_options_set", c_int, _O, c_char_p, c_char_p)
_count_run = bind("tmo_count_run", c_int, POINTER(c_void_p), _P, c_char_p, _O)
_count_free = bind("tmo_count_free", None, _C)
_count_render = bind("tmo_count_render", c_int, POINTER(Buf), _C, c_int)
_count_summary = bind("tmo_count_summary", c_char_p, _C)
_count_elected_count = bind("tmo_count_elected_count", c_int, POINTER(c_size_t), _C)
_count_elected = bind("tmo_count_elected", c_int, POINTER(c_uint32), _C, c_size_t)
_count_stage_count = bind("tmo_count_stage_count", c_int, POINTER(c_size_t), _C)
_count_stage_action = bind("tmo_count_stage_action", c_int, POINTER(c_int), POINTER(c_uint32), _C, c_size_t)
_count_stage_votes = bind("tmo_count_stage_votes", c_char_p, _C, c_size_t, c_uint32)
_count_stage_state = bind("tmo_count_stage_state", c_int, POINTER(c_int), _C, c_size_t, c_uint32)
_count_stage_figure = bind("tmo_count_stage_figure", c_char_p, _C, c_size_t, c_int)
_count_stage_explanation = bind("tmo_count_stage_explanation", c_char_p, _C, c_size_t)
_count_tie_count = bind("tmo_count_tie_count", c_int, POINTER(c_size_t), _C)
_count_tie = bind("tmo_count_tie", c_int, POINTER(c_size_t), POINTER(c_uint32), _C, c_size_t)
_count_tie_method = bind("tmo_count_tie_method", c_char_p, _C, c_size_t)
_count_tie_explanation = bind("tmo_count_tie_explanation", c_char_p, _C, c_size_t)

_BALLOTS_STRICT = 0x1  # TMO_BALLOTS_STRICT
BLANK = 0  # TMO_MARK_BLANK: a rank the voter left blank
OVERVOTE = 0x7FFFFFFF  # TMO_MARK_OVERVOTE: a rank marked for several candidates the source does not name
_MARK_EQUAL = 0x80000000  # TMO_MARK_EQUAL
_FORMATS = {"text": 1, "json": 2, "csv": 3}  # enum tmo_count_format


def equal(candidate):
    """A mark for `candidate` at the same rank as the previous mark ("1=3" in BLT)."""
    return candidate | _MARK_EQUAL


class StageAction(enum.IntEnum):
    """enum tmo_stage_action."""
    FIRST_PREFERENCES = 1
    SURPLUS = 2
    EXCLUSION = 3


class CandidateState(enum.IntEnum):
    """enum tmo_candidate_state: a candidate's standing at the end of a stage."""
    CONTINUING = 1
    ELECTED = 2
    EXCLUDED = 3
    WITHDRAWN = 4


# enum tmo_stage_figure, in the order of Stage's figure fields.
_FIGURES = ("quota", "non_transferable", "non_transferable_total", "rounding_loss", "rounding_loss_total")


def count_rules():
    """The names of the counting rules, in the documentation's order ("scottish-stv", "wigm", "irv", ...)."""
    names = []
    while (name := _rule_name(len(names))) is not None:
        names.append(name.decode("utf-8"))
    return tuple(names)



def _option_text(value):
    """An option's value as the library reads it: bools as on/off, sequences joined by commas."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


class _Options(_lib.Options):
    """tmo_count_options: a count's key/value options."""
    _new, _set, _free = _options_new, _options_set, _options_free
    _text = staticmethod(_option_text)


def _count_options(options, settings):
    """The options handle of a dict of options and keyword settings (later ones win), "_" in a keyword standing for
    "-" (`until_two=True` is "until-two")."""
    merged = dict(options or {})
    merged.update({key.replace("_", "-"): value for key, value in settings.items()})
    return _Options(merged)


class Profile(_lib.Handle):
    """An election's ballots: the candidates, the seats and every different ballot with its count.

    Profile(["Ann", "Bob", "Cat"], seats=2) starts one with no ballots (add them with add_ballot);
    Profile.load(path) and Profile.parse(data) read a ballot file (BLT, or CSV `ballot_id,rank,choice`), telling
    the format from the content. Use as a context manager or call close() to release it at once."""

    _free = _profile_free

    def __init__(self, candidates, seats):
        names = [_lib.encode(name, "a candidate's name") for name in candidates]
        array = (c_char_p * max(len(names), 1))(*names)
        slot = _lib.out_ptr()
        _lib.check(_profile_new(byref(slot), array, len(names), _lib.unsigned(seats, 32, "seats")))
        self._ptr = slot.value

    @classmethod
    def load(cls, path, strict=False):
        """Reads a ballot file; `strict` reads BLT as the standard defines it (quoted UTF-8 names)."""
        return cls._create(_profile_load, _lib.encode_path(path), _BALLOTS_STRICT if strict else 0)

    @classmethod
    def parse(cls, data, source_name=None, strict=False):
        """Reads a ballot file's contents (str or bytes); `source_name` names it in error locations."""
        raw = _lib.encode(data, "the ballot data")
        return cls._create(_profile_parse, raw, len(raw), _lib.encode_source_name(source_name),
                           _BALLOTS_STRICT if strict else 0)

    def add_ballot(self, marks, count=1):
        """Adds `count` identical papers marked `marks`, most preferred first: candidate numbers, BLANK,
        OVERVOTE, or equal(c) for a candidate ranked with the previous mark. InvalidArgumentError for a candidate
        out of range; the profile is then unchanged."""
        array = (c_uint32 * max(len(marks), 1))(*(_lib.unsigned(m, 32, "a mark") for m in marks))
        _lib.check(_profile_add_ballot(self._h, array, len(marks), _lib.unsigned(count, 64, "count")))

    def withdraw(self, candidate):
        """Withdraws candidate number `candidate`: every rule treats it as absent from every ballot."""
        _lib.check(_profile_withdraw(self._h, _lib.unsigned(candidate, 32, "candidate")))

    def _size(self):
        candidates, seats, papers = c_uint32(), c_uint32(), c_uint64()
        _lib.check(_profile_size(byref(candidates), byref(seats), byref(papers), self._h))
        return candidates.value, seats.value, papers.value

    @property
    def seats(self):
        """The number of seats (settable; a count's "seats" option still overrides it)."""
        return self._size()[1]

    @seats.setter
    def seats(self, seats):
        _lib.check(_profile_set_seats(self._h, _lib.unsigned(seats, 32, "seats")))

    @property
    def papers(self):
        """The number of papers: every ballot's count added."""
        return self._size()[2]

    @property
    def candidates(self):
        """The candidates' names; candidate number n is candidates[n - 1]."""
        return tuple(_lib.text(_profile_candidate_name(self._h, n)) for n in range(1, self._size()[0] + 1))

    @property
    def title(self):
        """The election's title ("" if none)."""
        return _lib.text(_profile_title(self._h))

    @property
    def format(self):
        """The format read: "blt", "long-format", ...; "" for a profile built ballot by ballot."""
        return _lib.text(_profile_format(self._h))

    @property
    def warnings(self):
        """The repairs of a lenient read, one "file:line:column: warning: message" each."""
        return tuple(_lib.take_text(_profile_warnings, self._h).splitlines())

    def to_blt(self):
        """The profile as a standard BLT file."""
        return _lib.take_text(_profile_to_blt, self._h)

    def count(self, rule="scottish-stv", options=None, **settings):
        """Counts the ballots by the rule named `rule` (count_rules()). Options come as a dict of key to text
        (`{"look-back": "b"}`) and as keywords, with "_" standing for "-" (`ties="backwards,lot"`,
        `seed="AGM 2026"`, `seats=3`, `until_two=True`); a key the rule does not have is refused.

        Raises NotFoundError (no such rule), InvalidArgumentError (an option the rule does not have),
        InvalidValueError (a value not allowed, or a tie the chain cannot settle)."""
        with _count_options(options, settings) as handle:
            slot = _lib.out_ptr()
            _lib.check(_count_run(byref(slot), self._h, _lib.encode(rule, "the rule's name"), handle._h))
        result = Count._adopt(slot)
        result._setup(rule, self.candidates)
        return result

    def __repr__(self):
        if self.closed:
            return "<tmo.Profile closed>"
        candidates, seats, papers = self._size()
        return f"<tmo.Profile {candidates} candidates, {seats} seats, {papers} papers>"


@dataclasses.dataclass(frozen=True)
class Stage:
    """One stage of a count. `votes` and `votes_text` are per candidate in file order (candidate n at n - 1);
    `subject` is the candidate whose surplus or papers moved (0 for none); the figures (quota, ...) are exact
    Fractions, and `figures_text` has each as the library wrote it ({"quota": "1322.00000", ...})."""
    number: int
    action: StageAction
    subject: int
    votes: tuple
    votes_text: tuple
    states: tuple
    quota: fractions.Fraction
    non_transferable: fractions.Fraction
    non_transferable_total: fractions.Fraction
    rounding_loss: fractions.Fraction
    rounding_loss_total: fractions.Fraction
    figures_text: dict
    explanation: str


@dataclasses.dataclass(frozen=True)
class Tie:
    """A tie met during a count: the stage the decision leads to, the candidate acted on, the method that settled
    it ("backwards", "forwards", "order", "lot", "manual") and a plain sentence."""
    stage: int
    chosen: int
    method: str
    explanation: str


class Count(_lib.Handle):
    """The result of a count (from Profile.count): the elected in order, every stage, the ties, and renderings.
    A sequence of its stages: len(count), count[0] (stage 1), iteration."""

    _free = _count_free

    def _setup(self, rule, candidates):
        self.rule = rule
        self.candidates = candidates
        self._stages = None

    @property
    def summary(self):
        """Plain sentences: who was elected and how."""
        return _lib.text(_count_summary(self._h))

    @property
    def elected(self):
        """The candidate numbers elected, in order of election."""
        n = _lib.get(_count_elected_count, c_size_t, self._h)
        return tuple(_lib.get(_count_elected, c_uint32, self._h, i) for i in range(n))

    @property
    def elected_names(self):
        return tuple(self.candidates[n - 1] for n in self.elected)

    def _stage(self, index):
        action, subject = c_int(), c_uint32()
        _lib.check(_count_stage_action(byref(action), byref(subject), self._h, index))
        texts = tuple(_lib.text(_count_stage_votes(self._h, index, n)) for n in range(1, len(self.candidates) + 1))
        states = tuple(CandidateState(_lib.get(_count_stage_state, c_int, self._h, index, n))
                       for n in range(1, len(self.candidates) + 1))
        figures = {name: _lib.text(_count_stage_figure(self._h, index, code))
                   for code, name in enumerate(_FIGURES, start=1)}
        return Stage(number=index + 1, action=StageAction(action.value), subject=subject.value,
                     votes=tuple(fractions.Fraction(t) for t in texts), votes_text=texts, states=states,
                     figures_text=figures, explanation=_lib.text(_count_stage_explanation(self._h, index)),
                     **{name: fractions.Fraction(text) for name, text in figures.items()})

    @property
    def stages(self):
        """Every stage, in order (read once, then kept)."""
        if self._stages is None:
            self._stages = tuple(self._stage(i) for i in range(_lib.get(_count_stage_count, c_size_t, self._h)))
        return self._stages

    def __len__(self):
        return len(self.stages)

    def __getitem__(self, index):
        return self.stages[index]

    def __iter__(self):
        return iter(self.stages)

    @property
    def ties(self):
        """Every tie met, in the order they were settled."""
        ties = []
        for i in range(_lib.get(_count_tie_count, c_size_t, self._h)):
            stage, chosen = c_size_t(), c_uint32()
            _lib.check(_count_tie(byref(stage), byref(chosen), self._h, i))
            ties.append(Tie(stage.value, chosen.value, _lib.text(_count_tie_method(self._h, i)),
                            _lib.text(_count_tie_explanation(self._h, i))))
        return tuple(ties)

    def render(self, format="text"):
        """The result as "text" (a report with a table of votes by stage), "json" or "csv"."""
        if format not in _FORMATS:
            raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
        return _lib.take_text(_count_render, self._h, _FORMATS[format])

    def to_dict(self):
        """The JSON rendering as a dict (docs/counting.md, "JSON"): votes stay exact decimal text."""
        return json.loads(self.render("json"), parse_float=decimal.Decimal)

    def __repr__(self):
        if self.closed:
            return "<tmo.Count closed>"
        return f"<tmo.Count {self.rule}: elected {', '.join(self.elected_names)}>"
