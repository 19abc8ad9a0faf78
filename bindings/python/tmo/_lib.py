"""Loading libtmo_c and the machinery every module of the package shares.

- `load()` finds the library (TMO_LIBRARY, then beside the package, then the system) and checks its ABI.
- `bind(name, restype, *argtypes)` declares one C function; `BOUND` records every declaration, so a test can
  compare them with the headers.
- `check(status)` and `text(result)` turn failures into the `tmo.Error` subclass of tmo_error_last().
- `Buf` mirrors tmo_buf and `take_text()` reads text the library hands out; `Handle` owns an opaque handle and
  frees it exactly once.
"""

import ctypes
import ctypes.util
import fractions
import decimal
import os
import sys
from ctypes import POINTER, Structure, byref, c_char_p, c_int, c_size_t, c_uint32, c_void_p

from . import errors

# The C ABI this package mirrors: TMO_ABI_VERSION of tmo.h.
ABI_VERSION = 0


class LoadError(ImportError):
    """libtmo_c could not be found or loaded, or its ABI is not the one this package mirrors."""


class ErrorStruct(Structure):
    """tmo_error (tmo.h): the details of the calling thread's last failure."""
    _fields_ = [
        ("code", c_int),
        ("message", c_char_p),
        ("file", c_char_p),
        ("line", c_uint32),
        ("column", c_uint32),
        ("key_path", c_char_p),
    ]


class Buf(Structure):
    """tmo_buf (tmo.h): text owned by the library, released with tmo_buf_dispose."""
    _fields_ = [("ptr", c_void_p), ("size", c_size_t)]


def _candidates():
    """The places to look for the library, in order, as (description, path or name)."""
    names = {"darwin": ["libtmo_c.dylib"], "win32": ["tmo_c.dll"]}.get(
        sys.platform, [f"libtmo_c.so.{ABI_VERSION}", "libtmo_c.so"])
    package = os.path.dirname(os.path.abspath(__file__))
    for folder in (package, os.path.dirname(package)):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.exists(path):
                yield "beside the package", path
    found = ctypes.util.find_library("tmo_c")
    if found:
        yield "the system's library path", found
    for name in names:
        yield "the dynamic loader's search path", name


def _open():
    """The loaded library and the path or name it was loaded from."""
    explicit = os.environ.get("TMO_LIBRARY")
    if explicit:
        try:
            return ctypes.CDLL(explicit), explicit
        except OSError as e:
            raise LoadError(f"TMO_LIBRARY={explicit} cannot be loaded: {e}") from None
    tried = []
    for where, path in _candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append(f"{path} ({where}): {e}")
    raise LoadError("libtmo_c was not found; build the target tmo_c and set TMO_LIBRARY to the file "
                    "(e.g. build/bindings/c/libtmo_c.so), or install tmo. Tried:\n  " + "\n  ".join(tried))


def check_abi(library, abi_version=ABI_VERSION, error_size=ctypes.sizeof(ErrorStruct),
              buf_size=ctypes.sizeof(Buf)):
    """TMO_CHECK_ABI(): raises LoadError unless `library` has this package's ABI and struct sizes."""
    abi_check = library.tmo_abi_check
    abi_check.restype = c_int
    abi_check.argtypes = [c_int, c_size_t, c_size_t]
    if abi_check(abi_version, error_size, buf_size) != 0:
        last = library.tmo_error_last
        last.restype = POINTER(ErrorStruct)
        last.argtypes = []
        detail = last().contents.message.decode("utf-8")
        raise LoadError(f"the tmo library {library._name} does not match the Python package tmo (ABI "
                        f"{abi_version}): {detail}")


def load():
    """Opens libtmo_c and checks its ABI; the result is `library`."""
    library, path = _open()
    try:
        library.tmo_abi_check
    except AttributeError:
        raise LoadError(f"{path} is not libtmo_c: it has no tmo_abi_check") from None
    check_abi(library)
    return library


library = load()

# Every function declared by bind(): name -> (restype, argtypes). Compared with the headers by the tests.
BOUND = {}


def bind(name, restype, *argtypes):
    """Declares the C function `name` (restype, then the argument types) and returns it."""
    function = getattr(library, name)
    function.restype = restype
    function.argtypes = list(argtypes)
    BOUND[name] = (restype, tuple(argtypes))
    return function


# The functions of tmo.h that the machinery itself needs.
_error_last = bind("tmo_error_last", POINTER(ErrorStruct))
_buf_dispose = bind("tmo_buf_dispose", None, POINTER(Buf))
bind("tmo_abi_check", c_int, c_int, c_size_t, c_size_t)


def decode(raw):
    """Text from the library (UTF-8 bytes, or None for NULL) as str ("" for NULL)."""
    return raw.decode("utf-8") if raw else ""


def last_error():
    """The calling thread's last error as the tmo.Error subclass of its code (not raised)."""
    e = _error_last().contents
    return errors.error_class(e.code)(decode(e.message), code=e.code, file=decode(e.file), line=e.line,
                                      column=e.column, key_path=decode(e.key_path))


def check(status):
    """Raises the last error if `status` (an int result) is a negative TMO_E... code; returns it otherwise."""
    if status < 0:
        raise last_error()
    return status


def text(raw):
    """A borrowed `const char *` result as str, raising the last error for NULL."""
    if raw is None:
        raise last_error()
    return raw.decode("utf-8")


def get(function, out_type, *args):
    """Calls `function(&out, *args)`, which writes one value of ctypes type `out_type`, and returns the value."""
    out = out_type()
    check(function(byref(out), *args))
    return out.value


def take_text(function, *args):
    """Calls `function(&buf, *args)`, which fills a tmo_buf, and returns its text; the buffer is always disposed."""
    buf = Buf()
    try:
        check(function(byref(buf), *args))
        return ctypes.string_at(buf.ptr, buf.size).decode("utf-8") if buf.ptr else ""
    finally:
        _buf_dispose(byref(buf))


def encode(value, what="text"):
    """A str (or bytes) argument as UTF-8 bytes for a `const char *` parameter."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError(f"{what} must be str, not {type(value).__name__}")


def encode_source_name(source_name):
    """The optional name of an input in messages: None (the C API then names no file) or its UTF-8 bytes."""
    return None if source_name is None else encode(source_name, "source_name")


def encode_path(path):
    """A path (str, bytes or os.PathLike) in the platform's narrow encoding."""
    return os.fsencode(path)


def exact_text(value):
    """An exact number as the text the C API reads: str as given, int, Fraction as "p/q", Decimal in plain
    notation. Floating point is refused: it is never exact."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"{value!r} is not an exact number: pass text such as '0.1', an int, a Fraction or a Decimal")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, fractions.Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not a finite number")
        return format(value, "f")
    raise TypeError(f"{type(value).__name__} is not an exact number: pass str, int, Fraction or Decimal")


def unsigned(value, bits, what):
    """`value` checked to fit a C unsigned parameter of `bits` bits (ctypes itself would wrap a negative number)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    if not 0 <= value < 2**bits:
        raise ValueError(f"{what} must be from 0 to {2**bits - 1}, not {value}")
    return value


def out_ptr():
    """An output slot for a handle (`tmo_x **out`)."""
    return c_void_p()


class Handle:
    """An opaque handle owned by this object and released exactly once: by close(), by leaving a `with` block, or
    when the object is collected. A subclass sets `_free` to its tmo_<noun>_free function and passes `self._h` to
    the C functions; a closed handle raises ValueError there."""

    _free = None
    _ptr = None

    @classmethod
    def _adopt(cls, slot):
        """The object owning the handle a successful call wrote into `slot` (from out_ptr())."""
        obj = cls.__new__(cls)
        obj._ptr = slot.value
        return obj

    @classmethod
    def _create(cls, function, *args):
        """Calls `function(&out, *args)`, which creates a handle, and returns the object owning it."""
        slot = out_ptr()
        check(function(byref(slot), *args))
        return cls._adopt(slot)

    @property
    def _h(self):
        """The handle, to pass to the C functions; ValueError once closed."""
        if not self._ptr:
            raise ValueError(f"this {type(self).__name__} is closed")
        return c_void_p(self._ptr)

    @property
    def closed(self):
        """True once the handle has been released."""
        return not self._ptr

    def close(self):
        """Releases the handle; further calls do nothing."""
        ptr, self._ptr = self._ptr, None
        if ptr:
            type(self)._free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


class Options(Handle):
    """A key/value options handle (tmo_count_options, tmo_budget_options): a subclass sets `_new`, `_set` and `_free`
    to the bound functions and `_text` to how a value becomes the text the library reads. Built from a dict; every
    value is set before the handle is used, and the handle is released if one is refused."""

    _new = _set = None

    @staticmethod
    def _text(value):
        return str(value)

    def __init__(self, options):
        slot = out_ptr()
        check(type(self)._new(byref(slot)))
        self._ptr = slot.value
        try:
            for key, value in options.items():
                check(type(self)._set(self._h, encode(key, "an option's key"),
                                      encode(self._text(value), "an option's value")))
        except BaseException:
            self.close()
            raise
