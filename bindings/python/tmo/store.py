"""tmo/store.h: an organisation's SQLite store — its register, secret ballots conducted with single-use voter codes
(open, issue codes, cast, turnout, close, count) and the tamper-evident journal with its verification."""

from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["Store"]

_S = c_void_p  # tmo_store *
_K = c_void_p  # tmo_constitution *
_open = bind("tmo_store_open", c_int, POINTER(c_void_p), c_char_p)
_free = bind("tmo_store_free", None, _S)
_import_register = bind("tmo_store_import_register", c_int, POINTER(c_size_t), _S, c_char_p)
_load_example = bind("tmo_store_load_example", c_int, _S, c_char_p)
_ballot_open = bind("tmo_ballot_open", c_int, _S, _K, c_char_p, c_char_p, c_char_p, c_char_p)
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

    def issue_codes(self, ballot):
        """The codes, issued once: a list of (unit, tenure class name, code)."""
        text = _lib.take_text(_issue_codes, self._h, _lib.encode(ballot))
        return [tuple(line.rsplit(",", 2)) for line in text.splitlines()[1:]]

    def cast(self, ballot, code, paper):
        """Casts one vote: paper is "for", "against" or "spoilt"."""
        _lib.check(_cast(self._h, _lib.encode(ballot), _lib.encode(code), _lib.encode(paper)))

    def turnout(self, ballot):
        return _lib.take_text(_turnout, self._h, _lib.encode(ballot))

    def close_ballot(self, ballot):
        """Closes the ballot; returns the published digest of its cast ballots (64 hex digits)."""
        return _lib.take_text(_close, self._h, _lib.encode(ballot))

    def count(self, ballot, constitution=None):
        """(carried, the result as Markdown) of a closed ballot."""
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
