"""Finding and checking the library: TMO_LIBRARY, the ABI check at load, versions and status texts."""

import ctypes
import os
import shutil
import subprocess
import tempfile
import sys
import threading
import unittest

import tmo
from tmo import _lib


def run_python(code, **environment):
    """Runs `code` in a fresh interpreter with the package on its path and `environment` added."""
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(tmo.__file__)), **environment)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)


class Loading(unittest.TestCase):
    def test_version_matches_the_header(self):
        # tmo.h: TMO_VERSION_STRING "0.1.0", TMO_VERSION_NUMBER = major * 10000 + minor * 100 + patch.
        self.assertEqual(tmo.version(), "0.1.0")
        self.assertEqual(tmo.version_number(), 100)
        self.assertEqual(tmo.ABI_VERSION, 0)

    def test_abi_check_refuses_a_mismatch(self):
        _lib.check_abi(_lib.library)  # the real sizes pass
        with self.assertRaises(tmo.LoadError) as caught:
            _lib.check_abi(_lib.library, abi_version=1)
        self.assertIn("does not match the Python package tmo", str(caught.exception))
        with self.assertRaises(tmo.LoadError) as caught:
            _lib.check_abi(_lib.library, error_size=ctypes.sizeof(_lib.ErrorStruct) + 8)
        self.assertIn("tmo_error", str(caught.exception))

    def test_mirrored_structs_have_the_c_layout(self):
        pointer = ctypes.sizeof(ctypes.c_void_p)
        self.assertEqual(ctypes.sizeof(_lib.Buf), 2 * pointer)
        self.assertEqual(_lib.ErrorStruct.line.offset, 3 * pointer)
        self.assertEqual(_lib.ErrorStruct.key_path.offset, 4 * pointer)

    def test_tmo_library_naming_a_missing_file_is_refused_clearly(self):
        result = run_python("import tmo", TMO_LIBRARY="/nonexistent/libtmo_c.so")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("tmo._lib.LoadError: TMO_LIBRARY=/nonexistent/libtmo_c.so cannot be loaded", result.stderr)

    def test_tmo_library_naming_another_library_is_refused(self):
        result = run_python("import tmo", TMO_LIBRARY="libc.so.6")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("libc.so.6 is not libtmo_c: it has no tmo_abi_check", result.stderr)

    def test_library_beside_the_package_is_found(self):
        with tempfile.TemporaryDirectory() as folder:
            package = os.path.join(folder, "tmo")
            shutil.copytree(os.path.dirname(tmo.__file__), package,
                            ignore=shutil.ignore_patterns("__pycache__"))
            os.symlink(os.path.realpath(tmo.library_path), os.path.join(package, "libtmo_c.so.0"))
            env = {k: v for k, v in os.environ.items() if k != "TMO_LIBRARY"}
            env["PYTHONPATH"] = folder
            result = subprocess.run([sys.executable, "-c", "import tmo; print(tmo.library_path, tmo.version())"],
                                    env=env, cwd=folder, capture_output=True, text=True, check=False)
            self.assertEqual(result.stdout, f"{os.path.join(package, 'libtmo_c.so.0')} 0.1.0\n", result.stderr)

    def test_library_path_is_where_it_was_loaded_from(self):
        if "TMO_LIBRARY" in os.environ:
            self.assertEqual(tmo.library_path, os.environ["TMO_LIBRARY"])

    def test_status_texts(self):
        # docs/c-api.md, "Status codes": every code, its class and tmo_strerror's text.
        table = [
            (-1, tmo.InvalidArgumentError, "invalid argument"), (-2, tmo.ParseError, "syntax error"),
            (-3, tmo.UnknownKeyError, "unknown key"), (-4, tmo.MissingKeyError, "missing key"),
            (-5, tmo.WrongTypeError, "wrong type"), (-6, tmo.InvalidValueError, "invalid value"),
            (-7, tmo.InputOutputError, "input/output error"), (-8, tmo.TooLargeError, "input too large"),
            (-9, tmo.NumberOverflowError, "overflow"), (-10, tmo.DomainError, "undefined operation"),
            (-11, tmo.InexactError, "inexact result"), (-12, tmo.OutOfMemoryError, "out of memory"),
            (-13, tmo.NotFoundError, "not found"), (-14, tmo.InternalError, "internal error"),
            (-15, tmo.UnknownCodeError, "unknown voter code"), (-16, tmo.UsedCodeError, "voter code already used"),
            (-17, tmo.BallotClosedError, "ballot closed"), (-18, tmo.BusyError, "database busy"),
            (-19, tmo.CorruptDatabaseError, "database corrupt"),
        ]
        for code, cls, text in table:
            self.assertEqual(cls.code, code)
            self.assertTrue(issubclass(cls, tmo.Error))
            self.assertIs(tmo.errors.error_class(code), cls)
            self.assertEqual(tmo.strerror(code), text)
        self.assertEqual(tmo.strerror(0), "no error")
        self.assertEqual(tmo.strerror(-20), "unknown error")
        self.assertIs(tmo.errors.error_class(-20), tmo.Error)

    def test_last_error_is_reset_by_success_and_by_clear(self):
        with self.assertRaises(tmo.ParseError):
            tmo.parse_money("12.3x")
        self.assertEqual(_lib.last_error().code, -2)
        tmo.clear_error()
        self.assertEqual(_lib.last_error().code, 0)
        self.assertEqual(_lib.last_error().message, "")

    def test_each_thread_raises_its_own_error(self):
        # The library keeps the last error per thread: threads failing differently at once each see their own.
        cases = [("12.3x", tmo.ParseError), ("0.125", tmo.InexactError), ("92233720368547758.08",
                 tmo.NumberOverflowError), ("1,234.56", None)]
        wrong = []

        def work(text, expected):
            for _ in range(300):
                try:
                    tmo.parse_money(text)
                    outcome = None
                except tmo.Error as e:
                    outcome = type(e)
                if outcome is not expected:
                    wrong.append((text, outcome))

        threads = [threading.Thread(target=work, args=case) for case in cases]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(wrong, [])


if __name__ == "__main__":
    unittest.main()
