"""tmo/contract.h: service contracts — a contract file with its performance data, one month's KPIs, ratings,
service credit and payment due, the month as text, JSON or an OCDS release package, and tender evaluation.

Money is whole pence (int); KPI values are exact Fractions parsed from the library's exact text.
"""

import decimal
import enum
import fractions
import json
from ctypes import POINTER, byref, c_char_p, c_int, c_int64, c_size_t, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["Contract", "ContractMonth", "Rating", "evaluate_tender"]

_C = c_void_p  # tmo_contract *
_M = c_void_p  # tmo_contract_month *
_load = bind("tmo_contract_load", c_int, POINTER(c_void_p), c_char_p)
_parse = bind("tmo_contract_parse", c_int, POINTER(c_void_p), c_char_p, c_size_t, c_char_p)
_free = bind("tmo_contract_free", None, _C)
_reference = bind("tmo_contract_reference", c_char_p, _C)
_evaluate = bind("tmo_contract_evaluate", c_int, POINTER(c_void_p), _C, c_char_p)
_month_free = bind("tmo_contract_month_free", None, _M)
_kpi_count = bind("tmo_contract_month_kpi_count", c_int, POINTER(c_size_t), _M)
_kpi = bind("tmo_contract_month_kpi", c_int, POINTER(c_char_p), POINTER(c_char_p), POINTER(c_int), _M, c_size_t)
_money = bind("tmo_contract_month_money", c_int, POINTER(c_int64), POINTER(c_int64), POINTER(c_int64),
              POINTER(c_int64), _M)
_write = bind("tmo_contract_month_write", c_int, POINTER(Buf), _M, c_int)
_tender = bind("tmo_tender_evaluate", c_int, POINTER(Buf), c_char_p, c_size_t, c_char_p, c_int)

_FORMATS = {"text": 1, "json": 2, "ocds": 3}  # enum tmo_report_format


class Rating(enum.IntEnum):
    """enum tmo_rating: a KPI's rating for the month."""
    GOOD = 1
    APPROACHING_TARGET = 2
    REQUIRES_IMPROVEMENT = 3
    INADEQUATE = 4
    OTHER = 5


class Contract(_lib.Handle):
    """A contract and its performance data. Contract.load(path) reads the file and the CSV files it names;
    Contract.parse(text) reads a contract without data files."""

    _free = _free

    @classmethod
    def load(cls, path):
        return cls._create(_load, _lib.encode_path(path))

    @classmethod
    def parse(cls, data, source_name=None):
        raw = _lib.encode(data, "the contract")
        return cls._create(_parse, raw, len(raw), None if source_name is None else _lib.encode(source_name))

    @property
    def reference(self):
        """The contract's reference ("RTMO-CLN-2025")."""
        return _lib.text(_reference(self._h))

    def month(self, month):
        """One month ("2025-04") evaluated: KPIs, ratings, credit and payment due."""
        return ContractMonth._create(_evaluate, self._h, _lib.encode(month, "the month"))


class ContractMonth(_lib.Handle):
    """One month of a contract. `kpis` maps each KPI id to (value, rating), the value an exact Fraction or None
    when the month has no figure; `credit`, `net`, `vat` and `gross` are pence."""

    _free = _month_free

    @property
    def kpis(self):
        result = {}
        for i in range(_lib.get(_kpi_count, c_size_t, self._h)):
            id_, value, rating = c_char_p(), c_char_p(), c_int()
            _lib.check(_kpi(byref(id_), byref(value), byref(rating), self._h, i))
            text = _lib.decode(value.value)
            result[_lib.decode(id_.value)] = (fractions.Fraction(text) if text else None, Rating(rating.value))
        return result

    def _money(self):
        credit, net, vat, gross = c_int64(), c_int64(), c_int64(), c_int64()
        _lib.check(_money(byref(credit), byref(net), byref(vat), byref(gross), self._h))
        return credit.value, net.value, vat.value, gross.value

    @property
    def credit(self):
        return self._money()[0]

    @property
    def net(self):
        return self._money()[1]

    @property
    def vat(self):
        return self._money()[2]

    @property
    def gross(self):
        return self._money()[3]

    def render(self, format="text"):
        """The month as "text", "json" or "ocds" (an OCDS 1.1.5 release package, JSON text)."""
        if format not in _FORMATS:
            raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
        return _lib.take_text(_write, self._h, _FORMATS[format])

    def to_dict(self):
        """The JSON rendering as a dict; amounts stay exact text."""
        return json.loads(self.render("json"), parse_float=decimal.Decimal)


def evaluate_tender(data, source_name=None, format="text"):
    """Scores and ranks the bids of a tender file's TOML text; returns the "text" or "json" evaluation."""
    if format not in ("text", "json"):
        raise ValueError(f"format must be text or json, not {format!r}")
    raw = _lib.encode(data, "the tender")
    return _lib.take_text(_tender, raw, len(raw), None if source_name is None else _lib.encode(source_name),
                          _FORMATS[format])
