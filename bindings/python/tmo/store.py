"""tmo/store.h: an organisation's SQLite store — its register, secret ballots conducted with single-use voter codes
(open a question or an election, issue codes, cast, turnout, close, count) and the tamper-evident journal with its
verification."""

from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint32, c_void_p

from . import _lib
from ._lib import Buf, bind
from .vote import _count_options

__all__ = ["Store"]

_S = c_void_p  # tmo_store *
_K = c_void_p  # tmo_constitution *
_open = bind("tmo_store_open", c_int, POINTER(c_void_p), c_char_p)
_free = bind("tmo_store_free", None, _S)
_import_register = bind("tmo_store_import_register", c_int, POINTER(c_size_t), _S, c_char_p)
_load_example = bind("tmo_store_load_example", c_int, _S, c_char_p)
_ballot_open = bind("tmo_ballot_open", c_int, _S, _K, c_char_p, c_char_p, c_char_p, c_char_p)
_election_open = bind("tmo_ballot_open_election", c_int, _S, _K, c_char_p, c_char_p, c_char_p, c_char_p,
                      POINTER(c_char_p), c_size_t, c_uint32, c_void_p)
_issue_codes = bind("tmo_ballot_issue_codes", c_int, POINTER(Buf), _S, c_char_p)
_cast = bind("tmo_ballot_cast", c_int, _S, c_char_p, c_char_p, c_char_p)
_turnout = bind("tmo_ballot_turnout", c_int, POINTER(Buf), _S, c_char_p)
_close = bind("tmo_ballot_close", c_int, POINTER(Buf), _S, c_char_p)
_count = bind("tmo_ballot_count", c_int, POINTER(Buf), POINTER(c_int), _S, _K, c_char_p)
_journal = bind("tmo_store_journal", c_int, POINTER(Buf), _S)
_verify = bind("tmo_store_verify", c_int, POINTER(Buf), POINTER(c_int), _S)


class Store(_lib.Handle):
    """A database file, opened (and created when missing) with Store.open(path). Refusals of a vote raise
    tmo.UnknownCodeError, tmo.UsedCodeError or tmo.BallotClosedError with a sentence fit for the voter."""

    _free = _free

    @classmethod
    def open(cls, path):
        return cls._create(_open, _lib.encode_path(path))

    def import_register(self, path):
        """Replaces the stored register with a register CSV file; returns the number of members."""
        return _lib.get(_import_register, c_size_t, self._h, _lib.encode_path(path))

    def load_example(self, data_dir):
        """Loads the example TMO (examples/data) into a fresh store: register and counted continuation ballot."""
        _lib.check(_load_example(self._h, _lib.encode_path(data_dir)))

    def open_ballot(self, constitution, name, title, day, rule):
        """Opens a question ballot on the stored register at `day` under the constitution and ballot rule `rule`."""
        _lib.check(_ballot_open(self._h, constitution._h, _lib.encode(name), _lib.encode(title),
                                _lib.encode(str(day)), _lib.encode(rule)))

    def open_election(self, constitution, name, title, day, candidates, seats=1, rule="scottish-stv", options=None,
                      **settings):
        """Opens an election on the stored register at `day` under the constitution's membership rules (every voting
        class): `seats` places filled from `candidates` (names in ballot-paper order: papers number them from 1),
        counted when closed by the counting rule `rule` (tmo.count_rules()) with options given as for
        Profile.count (a dict, and keywords with "_" for "-": `ties="backwards,lot"`, `seed="AGM 2026"`).

        Raises NotFoundError (no such rule), InvalidArgumentError (an option the rule does not have),
        InvalidValueError (a bad or taken name, no candidates, seats out of range, nobody may vote)."""
        names = [_lib.encode(candidate, "a candidate's name") for candidate in candidates]
        array = (c_char_p * max(len(names), 1))(*names)
        with _count_options(options, settings) as handle:
            _lib.check(_election_open(self._h, constitution._h, _lib.encode(name), _lib.encode(title),
                                      _lib.encode(str(day)), _lib.encode(rule, "the rule's name"), array, len(names),
                                      _lib.unsigned(seats, 32, "seats"), handle._h))

    def issue_codes(self, ballot):
        """The codes, issued once: a list of (unit, tenure class name, code)."""
        text = _lib.take_text(_issue_codes, self._h, _lib.encode(ballot))
        return [tuple(line.rsplit(",", 2)) for line in text.splitlines()[1:]]

    def cast(self, ballot, code, paper):
        """Casts one vote: a question's paper is "for", "against" or "spoilt"; an election's the candidate numbers
        (from 1) most preferred first, "2,1,3" ("2,1=3": 1 and 3 ranked equal, where the counting rule allows it;
        "": a blank paper). A refused paper raises InvalidValueError and leaves the code unused."""
        _lib.check(_cast(self._h, _lib.encode(ballot), _lib.encode(code), _lib.encode(paper)))

    def turnout(self, ballot):
        return _lib.take_text(_turnout, self._h, _lib.encode(ballot))

    def close_ballot(self, ballot):
        """Closes the ballot; returns the published digest of its cast ballots (64 hex digits)."""
        return _lib.take_text(_close, self._h, _lib.encode(ballot))

    def count(self, ballot, constitution=None):
        """(carried, the result) of a closed ballot: a question's as Markdown; an election's count as text (stage by
        stage), with carried True. Either ends with the digest of the ballots counted."""
        carried = c_int()
        text = _lib.take_text(lambda buf: _count(buf, byref(carried), self._h,
                                                 None if constitution is None else constitution._h,
                                                 _lib.encode(ballot)))
        return bool(carried.value), text

    def journal(self):
        return _lib.take_text(_journal, self._h)

    def verify(self):
        """(intact, one sentence naming the first entry that no longer matches, if any)."""
        intact = c_int()
        sentence = _lib.take_text(lambda buf: _verify(buf, byref(intact), self._h))
        return bool(intact.value), sentence
