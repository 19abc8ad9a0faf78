"""Collective decisions, with governance.md's worked numbers: a special resolution at exactly 75% of votes cast
(30 for, 10 against) carries and 29 to 11 does not (§5.4 example 2); a CCBS Act conversion with 80 of 90 votes in
favour but 90 of 200 turning out fails on turnout (§5.4 example 3); and the Riverside register and AGM examples."""

import unittest

import tmo

from .support import EXAMPLES, RIVERSIDE

RIVERSIDE_DIR = EXAMPLES / "data" / "riverside"


class Resolutions(unittest.TestCase):
    def test_exactly_three_quarters(self):
        with tmo.Constitution.load(RIVERSIDE) as rules:
            with tmo.evaluate_resolution(rules, "special", "2026-06-20", 30, 10, abstained=2, present=42,
                                         eligible=88) as d:
                self.assertTrue(d.carried)
                self.assertIn("30 of 40", d.sentence)
            with tmo.evaluate_resolution(rules, "special", "2026-06-20", 29, 11, present=40, eligible=88) as d:
                self.assertFalse(d.carried)
            with self.assertRaises(tmo.Error):
                tmo.evaluate_resolution(rules, "no_such_kind", "2026-06-20", 1, 0)


class Ballots(unittest.TestCase):
    def test_conversion_fails_on_turnout(self):
        tallies = {tmo.TenureClass.SECURE_TENANT: (200, 80, 10, 0)}
        with tmo.evaluate_ballot("ccbs_conversion", tallies) as d:
            self.assertFalse(d.carried)
            self.assertIn("turnout", d.sentence)
            self.assertIn("# ", d.record("markdown"))


class Register(unittest.TestCase):
    def test_riverside(self):
        with tmo.Register.load(RIVERSIDE_DIR / "register.csv") as register, tmo.Constitution.load(RIVERSIDE) as rules:
            self.assertEqual(len(register), 88)
            self.assertEqual(register.roll_count(rules, "2026-06-25"), 72)
            # The [election] names a ballot file, which a meeting checked from its text cannot read: refused.
            text = (RIVERSIDE_DIR / "agm_2026.toml").read_text(encoding="utf-8")
            with self.assertRaises(tmo.Error):
                tmo.check_meeting(rules, text, register, "agm_2026.toml")
            with tmo.check_meeting(rules, text[:text.index("\n[election]") + 1], register, "agm_2026.toml") as d:
                self.assertTrue(d.sentence)
        with self.assertRaises(tmo.Error) as caught:
            tmo.Register.parse("id,name\nA1,Ann\nA1,Ann\n", "r.csv")
        self.assertEqual(caught.exception.file, "r.csv")


if __name__ == "__main__":
    unittest.main()
