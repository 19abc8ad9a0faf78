"""tmo/contract.h: service contracts — a contract file with its performance data, one month's KPIs, ratings,
service credit and payment due, the month as text, JSON or an OCDS release package, tender evaluation, a
management agreement's allowance, the Section 20 consultation check, and the Tenant Satisfaction Measures.

Money is whole pence (int); KPI values are exact Fractions parsed from the library's exact text.
"""

import decimal
import enum
import fractions
import json
from ctypes import POINTER, byref, c_char_p, c_int, c_int64, c_size_t, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["Contract", "ContractMonth", "Rating", "ServiceCharges", "evaluate_tender", "section20_required", "tsm_sample_size",
           "tsm_margin_of_error", "tsm_measures"]

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

_S = c_void_p  # tmo_service_charges *
_sc_load = bind("tmo_service_charges_load", c_int, POINTER(c_void_p), c_char_p)
_sc_parse = bind("tmo_service_charges_parse", c_int, POINTER(c_void_p), c_char_p, c_size_t, c_char_p)
_sc_free = bind("tmo_service_charges_free", None, _S)
_sc_counts = bind("tmo_service_charges_counts", c_int, POINTER(c_size_t), POINTER(c_size_t), _S)
_sc_dwelling = bind("tmo_service_charges_dwelling", c_int, POINTER(c_char_p), POINTER(c_int64), _S, c_size_t)
_sc_section20 = bind("tmo_service_charges_section20", c_int, POINTER(c_int), POINTER(c_int64), _S, c_size_t)
_sc_render = bind("tmo_service_charges_render", c_int, POINTER(Buf), _S, c_int)

_allowance = bind("tmo_contract_allowance", c_int, POINTER(Buf), POINTER(c_int64), _C)
_section20 = bind("tmo_section20_check", c_int, POINTER(c_int), POINTER(c_int64), POINTER(c_int64), c_size_t, c_int)
_sample_size = bind("tmo_tsm_sample_size", c_int, POINTER(c_int64), POINTER(Buf), c_int64, c_char_p, c_int, c_char_p)
_margin = bind("tmo_tsm_margin_of_error", c_int, POINTER(Buf), c_int64, c_int64, c_int64)
_measures = bind("tmo_tsm_measures", c_int, POINTER(Buf), c_char_p, c_size_t, c_char_p, c_size_t, c_int64, c_int64,
                 c_int)

_CONSULT = {"works": 1, "long_term": 2}  # enum tmo_consultation_kind
_CORRECTIONS = {"minus_one": 1, "plain": 2}  # enum tmo_sample_correction
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
        return cls._create(_parse, raw, len(raw), _lib.encode_source_name(source_name))

    @property
    def reference(self):
        """The contract's reference ("RTMO-CLN-2025")."""
        return _lib.text(_reference(self._h))

    def allowance(self):
        """The review of the management agreement's [allowance]: (text, payable in pence this year)."""
        payable = c_int64()
        text = _lib.take_text(_allowance, byref(payable), self._h)
        return text, payable.value

    def month(self, month):
        """One month ("2025-04") evaluated: KPIs, ratings, credit and payment due."""
        return ContractMonth._create(_evaluate, self._h, _lib.encode(month, "the month"))


class ContractMonth(_lib.Handle):
    """One month of a contract. `kpis` maps each KPI id to (value, rating), the value an exact Fraction or None
    when the month has no figure; `credit`, `net`, `vat` and `gross` are pence, `credit` the service credit plus
    any performance-points deduction."""

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


class ServiceCharges(_lib.Handle):
    """A service-charge file with every cost shared out. ServiceCharges.load(path) or .parse(text); `charges` maps
    each dwelling id to its total in pence (file order); `section20` lists, per cost, None (not checked) or
    (required, threshold in pence); render() is the explanation as text."""

    _free = _sc_free

    @classmethod
    def load(cls, path):
        return cls._create(_sc_load, _lib.encode_path(path))

    @classmethod
    def parse(cls, data, source_name=None):
        raw = _lib.encode(data, "the service-charge file")
        return cls._create(_sc_parse, raw, len(raw), _lib.encode_source_name(source_name))

    def _counts(self):
        dwellings, costs = c_size_t(), c_size_t()
        _lib.check(_sc_counts(byref(dwellings), byref(costs), self._h))
        return dwellings.value, costs.value

    @property
    def charges(self):
        result = {}
        for i in range(self._counts()[0]):
            id_, pence = c_char_p(), c_int64()
            _lib.check(_sc_dwelling(byref(id_), byref(pence), self._h, i))
            result[_lib.decode(id_.value)] = pence.value
        return result

    @property
    def section20(self):
        result = []
        for i in range(self._counts()[1]):
            required, threshold = c_int(), c_int64()
            _lib.check(_sc_section20(byref(required), byref(threshold), self._h, i))
            result.append(None if required.value < 0 else (required.value == 1, threshold.value))
        return result

    def render(self):
        return _lib.take_text(_sc_render, self._h, 1)  # TMO_RECORD_TEXT


def evaluate_tender(data, source_name=None, format="text"):
    """Scores and ranks the bids of a tender file's TOML text; returns the "text" or "json" evaluation."""
    if format not in ("text", "json"):
        raise ValueError(f"format must be text or json, not {format!r}")
    raw = _lib.encode(data, "the tender")
    return _lib.take_text(_tender, raw, len(raw), _lib.encode_source_name(source_name),
                          _FORMATS[format])


def section20_required(contributions, kind="works"):
    """Whether Section 20 consultation is required: (required, threshold in pence) for leaseholders'
    `contributions` in pence, with kind "works" (more than £250) or "long_term" (more than £100 a year)."""
    if kind not in _CONSULT:
        raise ValueError(f"kind must be works or long_term, not {kind!r}")
    values = (c_int64 * max(len(contributions), 1))(*contributions)
    required, threshold = c_int(), c_int64()
    _lib.check(_section20(byref(required), byref(threshold), values, len(contributions), _CONSULT[kind]))
    return bool(required.value), threshold.value


def tsm_sample_size(population, margin, correction="minus_one", rounding="truncate"):
    """The responses a survey of `population` needs for ±`margin` ("4%", Fraction) at 95% confidence:
    (required, the corrected value as an exact Fraction). tsm_sample_size(7271, "4%")[0] is 554."""
    if correction not in _CORRECTIONS:
        raise ValueError(f"correction must be minus_one or plain, not {correction!r}")
    required = c_int64()
    corrected = _lib.take_text(lambda buf, *args: _sample_size(byref(required), buf, *args), population,
                               _lib.encode(_lib.exact_text(margin)), _CORRECTIONS[correction],
                               _lib.encode(rounding, "the rounding mode"))
    return required.value, fractions.Fraction(corrected)


def tsm_margin_of_error(satisfied, respondents, population=None):
    """The 95% margin of error of satisfied / respondents in percentage points, rounded up to 0.01, as a
    Fraction; with the finite-population correction when `population` is given."""
    return fractions.Fraction(_lib.take_text(_margin, satisfied, respondents, population or 0))


def tsm_measures(survey="", records="", lcra_homes=None, lcho_homes=None, format="text"):
    """The perception measures of a survey CSV and the management-information measures of a records CSV (text),
    as "text" or "json" (a dict when "dict")."""
    if format not in ("text", "json", "dict"):
        raise ValueError(f"format must be text, json or dict, not {format!r}")
    raw_survey = _lib.encode(survey, "the survey")
    raw_records = _lib.encode(records, "the records")
    text = _lib.take_text(_measures, raw_survey, len(raw_survey), raw_records, len(raw_records), lcra_homes or 0,
                          lcho_homes or 0, _FORMATS["text" if format == "text" else "json"])
    return json.loads(text) if format == "dict" else text
