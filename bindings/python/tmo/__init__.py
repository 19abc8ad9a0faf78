"""tmo: exact, explained collective decisions for Tenant Management Organisations, from Python.

A pure-ctypes binding of the C API (libtmo_c, tmo/tmo.h): constitutions, money and notice dates, vote counting.
Failures raise a subclass of tmo.Error carrying the code, message, file, line, column and key path; exact numbers
are Fractions, Decimals or whole pence, never floats. See bindings/python/README.md.
"""

import importlib

from . import _lib
from ._lib import LoadError
from .errors import *  # noqa: F401,F403 -- the exception classes
from . import errors as _errors

# The modules of the binding, one per header of bindings/c/include/tmo; each lists its public names in __all__.
# Adding a module: write tmo/<module>.py and add its name here (README.md, "Adding a module").
MODULES = ("core", "constitution", "vote", "budget", "contract", "committee", "decision", "store")

__all__ = ["LoadError", "ABI_VERSION", "library_path", *_errors.__all__]
ABI_VERSION = _lib.ABI_VERSION
library_path = _lib.library._name  # the file (or name) libtmo_c was loaded from

for _name in MODULES:
    _module = importlib.import_module(f".{_name}", __name__)
    globals().update({name: getattr(_module, name) for name in _module.__all__})
    __all__ += _module.__all__
del _name, _module
