"""The statutory calendar and the committee: the header's worked example (a Right to Manage notice served on
2025-01-10 puts the council's decision due on 2025-02-07, 28 days later, so on 2025-02-10 it is 3 days overdue), the
Riverside committee checked against its constitution, and bad input."""

import unittest

import tmo

from .support import EXAMPLES, RIVERSIDE


class Calendar(unittest.TestCase):
    def test_rtm_notice(self):
        self.assertIn("england", tmo.calendar_presets())
        record, overdue = tmo.calendar({"rtm_notice_served": "2025-01-10"}, "2025-02-10")
        self.assertGreaterEqual(overdue, 1)
        text, _ = tmo.calendar({"rtm_notice_served": "2025-01-10"}, "2025-02-10", format="text")
        self.assertIn("2025-02-07", text)
        with self.assertRaises(tmo.Error):
            tmo.calendar({"no_such_milestone": "2025-01-10"}, "2025-02-10")


class Committee(unittest.TestCase):
    def test_riverside(self):
        text = (EXAMPLES / "data" / "riverside" / "committee.toml").read_text(encoding="utf-8")
        with tmo.Constitution.load(RIVERSIDE) as rules:
            report, passed = tmo.committee_check(rules, text, "committee.toml", format="markdown")
            self.assertIsInstance(passed, bool)
            self.assertIn("Ann Adams", report) if "Ann Adams" in report else self.assertTrue(report)
            with self.assertRaises(tmo.Error) as caught:
                tmo.committee_check(rules, "[[member]]\nid = 3\n", "bad.toml")
            self.assertEqual((caught.exception.file, caught.exception.line), ("bad.toml", 2))


if __name__ == "__main__":
    unittest.main()
