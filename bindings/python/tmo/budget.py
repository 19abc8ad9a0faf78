"""tmo/budget.h: participatory budgeting — elections from Pabulib, TOML or CSV files or built project by project,
any rule by name with text options, and outcomes that explain themselves.

Costs and the budget are money as text ("25,000", "1,250.50"); the outcome's cost and each round's measure are
exact Fractions parsed from the exact text the library gives.
"""

import decimal
import fractions
import json
import os
from ctypes import POINTER, byref, c_char_p, c_int, c_int64, c_size_t, c_uint64, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["BudgetElection", "BudgetOutcome"]

_E = c_void_p  # tmo_budget_election *
_O = c_void_p  # tmo_budget_options *
_R = c_void_p  # tmo_budget_outcome *
_parse = bind("tmo_budget_election_parse", c_int, POINTER(c_void_p), c_char_p, c_size_t, c_int, c_char_p)
_load = bind("tmo_budget_election_load", c_int, POINTER(c_void_p), c_char_p)
_new = bind("tmo_budget_election_new", c_int, POINTER(c_void_p))
_set = bind("tmo_budget_election_set", c_int, _E, c_char_p, c_char_p)
_add_project = bind("tmo_budget_election_add_project", c_int, _E, c_char_p, c_char_p, c_char_p)
_add_ballot = bind("tmo_budget_election_add_ballot", c_int, _E, c_char_p, POINTER(c_char_p), POINTER(c_int64),
                   c_size_t)
_finish = bind("tmo_budget_election_finish", c_int, _E)
_free = bind("tmo_budget_election_free", None, _E)
_project_count = bind("tmo_budget_election_project_count", c_int, POINTER(c_size_t), _E)
_voter_count = bind("tmo_budget_election_voter_count", c_int, POINTER(c_uint64), _E)
_options_new = bind("tmo_budget_options_new", c_int, POINTER(c_void_p))
_options_set = bind("tmo_budget_options_set", c_int, _O, c_char_p, c_char_p)
_options_free = bind("tmo_budget_options_free", None, _O)
_run = bind("tmo_budget_run", c_int, POINTER(c_void_p), _E, c_char_p, _O)
_outcome_free = bind("tmo_budget_outcome_free", None, _R)
_selected_count = bind("tmo_budget_outcome_selected_count", c_int, POINTER(c_size_t), _R)
_selected_id = bind("tmo_budget_outcome_selected_id", c_char_p, _R, c_size_t)
_cost = bind("tmo_budget_outcome_cost", c_char_p, _R)
_round_measure = bind("tmo_budget_outcome_round_measure", c_char_p, _R, c_size_t)
_round_explanation = bind("tmo_budget_outcome_round_explanation", c_char_p, _R, c_size_t)
_project_explanation = bind("tmo_budget_outcome_project_explanation", c_char_p, _R, c_char_p)
_to_json = bind("tmo_budget_outcome_to_json", c_int, POINTER(Buf), _R)
_to_text = bind("tmo_budget_outcome_to_text", c_int, POINTER(Buf), _R)

_FORMATS = {".pb": 1, ".toml": 2, ".csv": 3}  # enum tmo_budget_format, by file extension


def _fraction(text):
    """Exact text from the library ("22300.5", "1355/3") as a Fraction."""
    return fractions.Fraction(text)


class _Options(_lib.Options):
    """tmo_budget_options: a rule's key/value options ("ties", "add1-stop", ...): sequences joined by commas,
    numbers exact (floats refused)."""
    _new, _set, _free = _options_new, _options_set, _options_free

    @staticmethod
    def _text(value):
        return ",".join(value) if isinstance(value, (list, tuple)) else _lib.exact_text(value)


class BudgetElection(_lib.Handle):
    """A participatory-budgeting election: the budget, the projects and the ballots.

    BudgetElection.load(path) reads a .pb, .toml or .csv file; BudgetElection.parse(data, format) reads text; or
    BudgetElection(budget="25,000", vote_type="approval") then add_project(...), add_ballot(...) and finish()."""

    _free = _free

    def __init__(self, **settings):
        slot = _lib.out_ptr()
        _lib.check(_new(byref(slot)))
        self._ptr = slot.value
        try:
            for key, value in settings.items():
                _lib.check(_set(self._h, _lib.encode(key), _lib.encode(_lib.exact_text(value))))
        except BaseException:
            self.close()
            raise

    @classmethod
    def load(cls, path):
        """Reads an election file; the format follows the extension (.pb, .toml, .csv)."""
        return cls._create(_load, _lib.encode_path(path))

    @classmethod
    def parse(cls, data, format, source_name=None):
        """Reads an election from text (str or bytes) in `format`: "pb", "toml" or "csv"."""
        key = "." + format
        if key not in _FORMATS:
            raise ValueError(f"format must be pb, toml or csv, not {format!r}")
        raw = _lib.encode(data, "the election data")
        return cls._create(_parse, raw, len(raw), _FORMATS[key],
                           _lib.encode_source_name(source_name))

    def add_project(self, id, cost, name=None):
        """Adds a project with its cost as money text ("9,800") or an exact number."""
        _lib.check(_add_project(self._h, _lib.encode(id, "a project id"), None if name is None else _lib.encode(name),
                                _lib.encode(_lib.exact_text(cost))))

    def add_ballot(self, projects, voter_id=None):
        """Adds one voter's ballot: a list of project ids (approval, choose-1, ordinal best first), or a dict of
        project id to points (cumulative, scoring)."""
        ids = list(projects.keys()) if isinstance(projects, dict) else list(projects)
        array = (c_char_p * max(len(ids), 1))(*(_lib.encode(i, "a project id") for i in ids))
        points = None
        if isinstance(projects, dict):
            points = (c_int64 * max(len(ids), 1))(*(int(projects[i]) for i in ids))
        _lib.check(_add_ballot(self._h, None if voter_id is None else _lib.encode(voter_id), array, points, len(ids)))

    def finish(self):
        """Completes an election built by hand: checks it as a whole (ballot constraints, at least one project)."""
        _lib.check(_finish(self._h))

    @property
    def project_count(self):
        return _lib.get(_project_count, c_size_t, self._h)

    @property
    def voter_count(self):
        return _lib.get(_voter_count, c_uint64, self._h)

    def run(self, rule=None, **options):
        """Decides the budget by `rule` ("greedy", "mes", "mes-add1", ...; None: the rule the election names) with
        options as keywords, underscores for hyphens (add1_stop="exhaustive", ties=["min-cost", "file"])."""
        with _Options({k.replace("_", "-"): v for k, v in options.items()}) as opts:
            return BudgetOutcome._create(_run, self._h, None if rule is None else _lib.encode(rule), opts._h)


class BudgetOutcome(_lib.Handle):
    """The funded projects and why: selected ids in funding order, the exact total cost, each round's measure and
    explanation, and for any project the sentence saying why it was or was not funded."""

    _free = _outcome_free

    @property
    def selected(self):
        """The funded projects' ids, in the order they were funded."""
        count = _lib.get(_selected_count, c_size_t, self._h)
        return tuple(_lib.text(_selected_id(self._h, i)) for i in range(count))

    @property
    def cost(self):
        """The total cost of the funded projects, exact."""
        return _fraction(_lib.text(_cost(self._h)))

    def rounds(self):
        """Each round as (measure, explanation): the rule's measure as a Fraction and one plain sentence."""
        return tuple((_fraction(_lib.text(_round_measure(self._h, i))), _lib.text(_round_explanation(self._h, i)))
                     for i in range(len(self.selected)))

    def explain(self, project_id):
        """One sentence on why the project was or was not funded."""
        return _lib.text(_project_explanation(self._h, _lib.encode(project_id, "a project id")))

    def render(self, format="text"):
        """The outcome as "text" or "json"."""
        if format == "text":
            return _lib.take_text(_to_text, self._h)
        if format == "json":
            return _lib.take_text(_to_json, self._h)
        raise ValueError(f"format must be text or json, not {format!r}")

    def to_dict(self):
        """The JSON rendering as a dict; amounts stay exact text."""
        return json.loads(self.render("json"), parse_float=decimal.Decimal)

    def __repr__(self):
        if self.closed:
            return "<tmo.BudgetOutcome closed>"
        return f"<tmo.BudgetOutcome {', '.join(self.selected)} for {self.cost}>"
