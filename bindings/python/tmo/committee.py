"""tmo/committee.h: the statutory calendar (due dates from milestones, flagged overdue or due soon) and the
committee (its make-up checked against the constitution, and who retires at the AGM)."""

import json
from ctypes import POINTER, byref, c_char_p, c_int, c_int64, c_size_t, c_uint32, c_void_p

from . import _lib
from ._lib import Buf, bind

__all__ = ["calendar", "calendar_presets", "committee_check", "committee_rotation"]

_calendar = bind("tmo_calendar", c_int, POINTER(Buf), POINTER(c_size_t), c_char_p, POINTER(c_char_p),
                 POINTER(c_char_p), c_size_t, c_char_p, c_int64, c_int)
_preset_name = bind("tmo_calendar_preset_name", c_char_p, c_size_t)
_check = bind("tmo_committee_check", c_int, POINTER(Buf), POINTER(c_int), c_void_p, c_char_p, c_char_p, c_int)
_rotation = bind("tmo_committee_rotation", c_int, POINTER(Buf), POINTER(c_uint32), c_void_p, c_char_p, c_char_p,
                 c_char_p, c_char_p, c_int)

_FORMATS = {"text": 1, "markdown": 2, "json": 3}  # enum tmo_record_format


def _format(format):
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
    return _FORMATS[format]


def _render(text, format):
    return json.loads(text) if format == "json" else text


def calendar_presets():
    """The calendar presets' names ("england", ...)."""
    names = []
    while (name := _preset_name(len(names))) is not None:
        names.append(name.decode("utf-8"))
    return tuple(names)


def calendar(milestones, on, preset=None, due_soon_days=-1, format="json"):
    """The deadlines that run from `milestones` (a dict of milestone name to "YYYY-MM-DD" or date), as seen on the
    day `on`. Returns (rendering, number overdue); the JSON rendering is returned as a dict."""
    names = [_lib.encode(name, "a milestone's name") for name in milestones]
    dates = [_lib.encode(str(day), "a milestone's date") for day in milestones.values()]
    name_array = (c_char_p * max(len(names), 1))(*names)
    date_array = (c_char_p * max(len(dates), 1))(*dates)
    overdue = c_size_t()
    text = _lib.take_text(_calendar, byref(overdue), None if preset is None else _lib.encode(preset), name_array,
                          date_array, len(names), _lib.encode(str(on)), due_soon_days, _format(format))
    return _render(text, format), overdue.value


def committee_check(constitution, committee_toml, source_name=None, format="json"):
    """Checks a committee file's members against the constitution's [committee] rules. Returns (report, passed)."""
    passed = c_int()
    text = _lib.take_text(_check, byref(passed), constitution._h, _lib.encode(committee_toml, "the committee file"),
                          _lib.encode_source_name(source_name), _format(format))
    return _render(text, format), bool(passed.value)


def committee_rotation(constitution, committee_toml, agm, seed=None, source_name=None, format="json"):
    """Who retires at the AGM on `agm`, ties drawn by lot with the published `seed`. Returns (record, seats to
    fill)."""
    seats = c_uint32()
    text = _lib.take_text(_rotation, byref(seats), constitution._h, _lib.encode(committee_toml, "the committee file"),
                          _lib.encode_source_name(source_name), _lib.encode(str(agm)),
                          None if seed is None else _lib.encode(seed), _format(format))
    return _render(text, format), seats.value
