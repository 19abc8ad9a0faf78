"""The exceptions of tmo: one base class, `Error`, and one subclass per status code of the C API (tmo.h).

Every failure of a C function becomes the subclass of its code, carrying what tmo_error_last() recorded: the code,
the message, and for input text the file, line, column and key path. ``str(error)`` reads
"file:line:column: message" when the location is known, as the tmo tool prints it.
"""

__all__ = [
    "Error", "InvalidArgumentError", "ParseError", "UnknownKeyError", "MissingKeyError", "WrongTypeError",
    "InvalidValueError", "InputOutputError", "TooLargeError", "NumberOverflowError", "DomainError",
    "InexactError", "OutOfMemoryError", "NotFoundError", "InternalError", "UnknownCodeError", "UsedCodeError",
    "BallotClosedError", "BusyError", "CorruptDatabaseError",
]


class Error(Exception):
    """A failure reported by the tmo library.

    Attributes: ``code`` (the negative TMO_E... status), ``message`` (what went wrong and what was expected),
    ``file`` ("" if none), ``line`` and ``column`` (1-based; 0 if unknown; the column counts code points),
    ``key_path`` (a constitution's dotted key or the argument in error; "" if none).
    """

    code = None  # the status code of the subclass; None on the base class
    status = "TMO_E?"

    def __init__(self, message, code=None, file="", line=0, column=0, key_path=""):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key_path = key_path

    def __str__(self):
        where = [part for part in (self.file, self.line, self.column) if part]
        prefix = ":".join(str(part) for part in where)
        return f"{prefix}: {self.message}" if prefix else self.message

    def __repr__(self):
        return (f"{type(self).__name__}({self.message!r}, code={self.code}, file={self.file!r}, line={self.line}, "
                f"column={self.column}, key_path={self.key_path!r})")


def _status(code, status, doc):
    """Defines the subclass of Error for one status code."""
    def define(cls):
        cls.code = code
        cls.status = status
        cls.__doc__ = f"{status} ({code}): {doc}"
        _BY_CODE[code] = cls
        return cls
    return define


_BY_CODE = {}


@_status(-1, "TMO_EINVAL", "an argument breaks the function's contract (NULL, unknown enum value, bad index).")
class InvalidArgumentError(Error): pass


@_status(-2, "TMO_ESYNTAX", "the input text is not well-formed (TOML, a number, an amount, a date).")
class ParseError(Error): pass


@_status(-3, "TMO_EUNKNOWNKEY", "a constitution key that the schema does not define.")
class UnknownKeyError(Error): pass


@_status(-4, "TMO_EMISSINGKEY", "a required constitution key is absent.")
class MissingKeyError(Error): pass


@_status(-5, "TMO_EWRONGTYPE", "a value has the wrong type (a TOML float where an exact fraction is needed).")
class WrongTypeError(Error): pass


@_status(-6, "TMO_EVALUE", "a value of the right type that is not allowed (a fraction above 1, weight -1).")
class InvalidValueError(Error): pass


@_status(-7, "TMO_EIO", "a file could not be opened or read.")
class InputOutputError(Error): pass


@_status(-8, "TMO_ETOOLARGE", "an input exceeds a documented limit (a constitution over 64 KiB).")
class TooLargeError(Error): pass


@_status(-9, "TMO_EOVERFLOW", "an exact result does not fit its representation (money beyond int64 pence).")
class NumberOverflowError(Error): pass


@_status(-10, "TMO_EDOMAIN", "a mathematically undefined operation (division by zero, all weights zero).")
class DomainError(Error): pass


@_status(-11, "TMO_EINEXACT", "rounding would be needed but is not allowed (an amount with 3 decimals).")
class InexactError(Error): pass


@_status(-12, "TMO_ENOMEM", "memory allocation failed.")
class OutOfMemoryError(Error): pass


@_status(-13, "TMO_ENOTFOUND", "a named item (preset, resolution kind, meeting rules, rule) does not exist.")
class NotFoundError(Error): pass


@_status(-14, "TMO_EINTERNAL", "a bug in tmo: please report it with the message.")
class InternalError(Error): pass


@_status(-15, "TMO_ECODEUNKNOWN", "a voter code that no voter of the ballot holds.")
class UnknownCodeError(Error): pass


@_status(-16, "TMO_ECODEUSED", "a voter code that has already been used to vote.")
class UsedCodeError(Error): pass


@_status(-17, "TMO_ECLOSED", "the ballot is closed (or not yet closed, for a count).")
class BallotClosedError(Error): pass


@_status(-18, "TMO_EBUSY", "the database stayed locked by other writers beyond the timeout and retries.")
class BusyError(Error): pass


@_status(-19, "TMO_ECORRUPT", "a database file that fails its integrity check, or is not a tmo database.")
class CorruptDatabaseError(Error): pass


def error_class(code):
    """The subclass of Error for a status code; Error itself for a code this package does not know."""
    return _BY_CODE.get(code, Error)
