"""The Python examples (examples/python) run and print exactly their expected output (<name>.expected beside each)."""

import os
import subprocess
import sys
import unittest

import tmo

from .support import ABERDEEN, EXAMPLES, RIVERSIDE

# The arguments each example runs with; every example must have an entry.
ARGUMENTS = {
    "count_election.py": [str(ABERDEEN.with_suffix(".blt"))],
    "resolution.py": [str(RIVERSIDE)],
    "contract.py": [str(EXAMPLES / "data" / "contracts" / "riverside_cleaning.toml"), "2025-04"],
}


def run(script, *arguments):
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(tmo.__file__)))
    return subprocess.run([sys.executable, str(script), *arguments], env=env, capture_output=True, text=True,
                          check=False)


class Examples(unittest.TestCase):
    def test_every_example_prints_its_expected_output(self):
        scripts = sorted((EXAMPLES / "python").glob("*.py"))
        self.assertEqual([s.name for s in scripts], sorted(ARGUMENTS))
        for script in scripts:
            with self.subTest(example=script.name):
                result = run(script, *ARGUMENTS[script.name])
                self.assertEqual(result.returncode, 0, result.stderr)
                expected = script.with_suffix(".expected").read_text(encoding="utf-8")
                self.assertEqual(result.stdout, expected)

    def test_count_election_reports_bad_input_with_its_location(self):
        result = run(EXAMPLES / "python" / "count_election.py", str(EXAMPLES / "data" / "riverside_tmo.toml"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("riverside_tmo.toml:2:1: expected 2 fields as in the header, found 1", result.stderr)


if __name__ == "__main__":
    unittest.main()
