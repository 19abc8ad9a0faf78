"""Every function the C headers declare is bound, with the argument and result types the header gives it."""

import re
import unittest
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint, c_uint32, c_uint64, c_void_p

import tmo  # noqa: F401 -- binds every module
from tmo import _lib

from .support import HEADERS

# A declaration: TMO_API <result> TMO_CALL <name>(<parameters>) TMO_NOEXCEPT;
DECLARATION = re.compile(r"TMO_API\s+(.+?)\s*TMO_CALL\s+(\w+)\s*\((.*?)\)\s*TMO_NOEXCEPT\s*;", re.S)
SCALARS = {"void": None, "int": c_int, "unsigned": c_uint, "size_t": c_size_t, "int64_t": c_int64,
           "uint32_t": c_uint32, "uint64_t": c_uint64}


def ctype(declaration):
    """The ctypes type that binds a C parameter or result type (its name, if any, removed)."""
    words = declaration.replace("*", " * ").split()
    stars = words.count("*")
    names = [w for w in words if w not in ("const", "*")]
    base = names[0]
    if stars == 0:
        return SCALARS[base]
    pointee = {"char": c_char_p, "tmo_buf": POINTER(_lib.Buf), "tmo_error": POINTER(_lib.ErrorStruct)}.get(base)
    if pointee is None and base.startswith("tmo_"):
        pointee = c_void_p  # an opaque handle
    if stars == 1:
        return pointee if pointee is not None else POINTER(SCALARS[base])
    if stars == 2 and (base == "char" or base.startswith("tmo_")):
        return POINTER(pointee)
    raise AssertionError(f"no ctypes mapping for {declaration!r}")


def declarations():
    """name -> (header, result type, parameter types) for every TMO_API function of the headers."""
    found = {}
    for header in sorted(HEADERS.glob("*.h")):
        text = re.sub(r"/\*.*?\*/", " ", header.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"^\s*#.*$", " ", text, flags=re.M)  # preprocessor lines
        for result, name, parameters in DECLARATION.findall(text):
            params = [] if parameters.strip() == "void" else [p.strip() for p in parameters.split(",")]
            found[name] = (header.name, ctype(result), tuple(ctype(p) for p in params))
    return found


class Binding(unittest.TestCase):
    def test_every_header_function_is_bound_with_its_types(self):
        expected = declarations()
        self.assertGreater(len(expected), 60)
        missing = sorted(f"{name} ({header})" for name, (header, _, _) in expected.items() if name not in _lib.BOUND)
        self.assertEqual(missing, [], "functions of the C headers without a Python binding: add them to the "
                                      "module of their header (bindings/python/README.md, 'Adding a module')")
        for name, (header, result, params) in expected.items():
            with self.subTest(function=name):
                self.assertEqual(_lib.BOUND[name], (result, params), f"{name} in {header}")

    def test_nothing_is_bound_that_the_headers_do_not_declare(self):
        self.assertEqual(sorted(set(_lib.BOUND) - set(declarations())), [])


if __name__ == "__main__":
    unittest.main()
