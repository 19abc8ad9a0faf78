"""tmo.h: the library's version, status texts, money in whole pence, apportionment, exact fractions and notice
dates."""

import ctypes
import datetime
import decimal
import fractions
from ctypes import POINTER, byref, c_char_p, c_int, c_int64, c_size_t, c_uint

from . import _lib
from ._lib import Buf, bind

__all__ = [
    "version", "version_number", "strerror", "clear_error",
    "parse_money", "format_money", "pence_to_decimal", "decimal_to_pence", "apportion", "apportion_each", "fraction",
    "clear_days", "latest_notice", "add_months",
]

_version_string = bind("tmo_version_string", c_char_p)
_version_number = bind("tmo_version_number", c_int)
_strerror = bind("tmo_strerror", c_char_p, c_int)
_error_clear = bind("tmo_error_clear", None)
_money_parse = bind("tmo_money_parse", c_int, POINTER(c_int64), c_char_p)
_money_format = bind("tmo_money_format", c_int, c_char_p, c_size_t, c_int64, c_uint)
_apportion = bind("tmo_apportion", c_int, POINTER(c_int64), c_int64, POINTER(c_char_p), c_size_t)
_apportion_each = bind("tmo_apportion_each", c_int, POINTER(c_int64), c_int64, POINTER(c_char_p), c_size_t, c_char_p)
_fraction_normalise = bind("tmo_fraction_normalise", c_int, POINTER(Buf), c_char_p)
_date_clear_days = bind("tmo_date_clear_days", c_int, POINTER(c_int64), c_char_p, c_char_p)
_date_latest_notice = bind("tmo_date_latest_notice", c_int, c_char_p, c_size_t, c_char_p, c_int64)
_date_add_months = bind("tmo_date_add_months", c_int, c_char_p, c_size_t, c_char_p, c_int64)

_MONEY_SYMBOL = 0x1  # TMO_MONEY_SYMBOL
_MONEY_THOUSANDS = 0x2  # TMO_MONEY_THOUSANDS
_DATE_SIZE = 11  # TMO_DATE_SIZE


def version():
    """The version of the loaded library, "0.1.0"."""
    return _version_string().decode("ascii")


def version_number():
    """The loaded library's version as major * 10000 + minor * 100 + patch."""
    return _version_number()


def strerror(code):
    """The short English description of a status code ("syntax error"; "unknown error" for an unknown code)."""
    return _strerror(code).decode("utf-8")


def clear_error():
    """Resets the calling thread's last error in the library (tmo_error_clear); rarely needed from Python, where
    every failure is raised at once."""
    _error_clear()


def parse_money(text):
    """An amount of pounds sterling as whole pence, exactly: "1,234.56" and "£1,234.56" give 123456.

    Raises ParseError (not an amount), InexactError (more than two decimal places), NumberOverflowError."""
    pence = c_int64()
    _lib.check(_money_parse(byref(pence), _lib.encode(text, "an amount")))
    return pence.value


def format_money(pence, symbol=False, thousands=False):
    """Pence as text: format_money(123456, symbol=True, thousands=True) gives "£1,234.56"; -5 gives "-0.05"."""
    flags = (_MONEY_SYMBOL if symbol else 0) | (_MONEY_THOUSANDS if thousands else 0)
    length = _lib.check(_money_format(None, 0, pence, flags))
    out = ctypes.create_string_buffer(length + 1)
    _lib.check(_money_format(out, len(out), pence, flags))
    return out.value.decode("utf-8")


def pence_to_decimal(pence):
    """Pence as an exact Decimal of pounds: 123456 gives Decimal("1234.56")."""
    return decimal.Decimal(pence).scaleb(-2)


def decimal_to_pence(pounds):
    """An exact amount of pounds (Decimal, int or text) as pence; InexactError if it has fractions of a penny."""
    return parse_money(_lib.exact_text(pounds))


def apportion(total_pence, weights):
    """Splits `total_pence` in proportion to exact `weights` (text such as "1/3", "12.5", "5%", or int, Fraction,
    Decimal) into whole pence that always add up to the total, by largest remainder; equal remainders favour the
    earlier weight. apportion(100000, [1, 1, 1]) gives [33334, 33333, 33333].

    Raises ParseError, InvalidValueError (a negative weight), DomainError (all weights zero), InvalidArgumentError
    (no weights)."""
    return _split(_apportion, total_pence, weights)


def apportion_each(total_pence, weights, rounding="half_up"):
    """Like apportion, but each share of `total_pence` × w / Σw is rounded on its own by `rounding` ("half_up",
    "half_even", "floor", "ceil", "truncate", "never"), as councils charge each dwelling its share; the shares need
    not add up to the total. apportion_each(1359571, [213, 121105])[0] gives 2387 (£23.87).

    Raises as apportion, InvalidArgumentError for an unknown rounding, InexactError ("never" and a share not
    whole pence)."""
    return _split(_apportion_each, total_pence, weights, _lib.encode(rounding, "the rounding mode"))


def _split(function, total_pence, weights, *extra):
    texts = [_lib.encode(_lib.exact_text(w)) for w in weights]
    shares = (c_int64 * max(len(texts), 1))()
    _lib.check(function(shares, total_pence, (c_char_p * max(len(texts), 1))(*texts), len(texts), *extra))
    return list(shares[:len(texts)])


def fraction(value):
    """The exact value of a number written as text ("4/6", "12.5", "75%"), as a Fraction in lowest terms."""
    return fractions.Fraction(_lib.take_text(_fraction_normalise, _lib.encode(_lib.exact_text(value), "a number")))


def _date_text(value, what):
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    return _lib.encode(value, what)


def clear_days(notice, meeting):
    """The clear days between giving notice on `notice` and a meeting on `meeting` (datetime.date or
    "YYYY-MM-DD"): whole days strictly between them, 0 if none. Raises ParseError or InvalidValueError."""
    days = c_int64()
    _lib.check(_date_clear_days(byref(days), _date_text(notice, "notice"), _date_text(meeting, "meeting")))
    return days.value


def _date_call(function, date, amount, what):
    out = ctypes.create_string_buffer(_DATE_SIZE)
    _lib.check(function(out, len(out), _date_text(date, what), amount))
    return datetime.date.fromisoformat(out.value.decode("ascii"))


def latest_notice(meeting, clear_days):
    """The last day notice can be given for a meeting on `meeting` so that `clear_days` clear days separate them:
    latest_notice("2025-06-26", 14) gives date(2025, 6, 11)."""
    return _date_call(_date_latest_notice, meeting, clear_days, "meeting")


def add_months(date, months):
    """`date` moved by whole calendar months, the day clamped to a shorter month's end:
    add_months("2024-11-30", 3) gives date(2025, 2, 28)."""
    return _date_call(_date_add_months, date, months, "date")
