"""Constitutions: the Riverside sample's rules (values of tests/c_api/constitution.c), canonical TOML round trips,
the presets, every broken file of tests/data/constitutions/broken with the error its README documents, and handles
released exactly once."""

import gc
import re
import unittest

import tmo

from .support import BROKEN, EXAMPLES, RIVERSIDE

# tmo::errc names in the order of their codes (errc value n is status -n).
ERRC = ["ok", "invalid_argument", "syntax", "unknown_key", "missing_key", "wrong_type", "invalid_value", "io",
        "too_large", "overflow", "domain", "inexact", "no_memory", "not_found", "internal"]


class Riverside(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = tmo.Constitution.load(RIVERSIDE)

    @classmethod
    def tearDownClass(cls):
        cls.rules.close()

    def test_organisation(self):
        r = self.rules
        self.assertEqual(r.name, "Riverside Tenant Management Organisation Limited")
        self.assertEqual(r.area, "The Riverside estate: Anchor House, Barge House, Cooper Court and 1-48 Wharf Road")
        self.assertIs(r.legal_form, tmo.LegalForm.COMMUNITY_BENEFIT_SOCIETY)
        self.assertEqual(r.minimum_age, 16)
        self.assertIs(r.vote_unit, tmo.VoteUnit.MEMBER)
        self.assertEqual(r.committee_size, (5, 15))
        self.assertEqual(r.ballots, ("continuation", "rtm"))

    def test_meetings(self):
        r = self.rules
        for meeting, days in [(tmo.Meeting.GENERAL, 14), (tmo.Meeting.AGM, 14), (tmo.Meeting.SPECIAL, 14),
                              (tmo.Meeting.COMMITTEE, 7)]:
            self.assertEqual(r.notice_days(meeting), days)
        # The lesser of 25 and one third of the members, rounded up; "those present" when adjourned.
        self.assertEqual(r.quorum(tmo.Meeting.GENERAL, 120), 25)
        self.assertEqual(r.quorum(tmo.Meeting.GENERAL, 50), 17)
        self.assertEqual(r.quorum(tmo.Meeting.AGM, 51), 17)
        self.assertEqual(r.quorum(tmo.Meeting.GENERAL, 120, adjourned=True), 1)
        self.assertEqual(r.quorum(tmo.Meeting.COMMITTEE, 15), 5)
        self.assertEqual(r.quorum(tmo.Meeting.GENERAL, 2**64 - 1), 25)
        with self.assertRaises(tmo.NotFoundError):
            r.quorum(tmo.Meeting.COMMITTEE, 15, adjourned=True)
        with self.assertRaises(ValueError):
            r.notice_days(5)  # not a Meeting

    def test_resolutions(self):
        r = self.rules
        self.assertEqual(r.resolution_kinds, ("amalgamation", "conversion", "ordinary", "special"))
        self.assertEqual(r.resolution("ordinary"),
                         tmo.Resolution("ordinary", tmo.Combine.ALL, ("more than 1/2 of votes cast",)))
        self.assertEqual(r.resolutions["special"].tests, ("at least 3/4 of votes cast",))
        self.assertEqual(r.resolutions["amalgamation"].tests, ("at least 2/3 of votes cast",))
        with self.assertRaises(tmo.NotFoundError) as caught:
            r.resolution("extraordinary")
        self.assertIn("ordinary, special", caught.exception.message)

    def test_text_and_dict(self):
        summary = self.rules.summary()
        self.assertTrue(summary.endswith("\n"))
        self.assertIn("Riverside", summary)
        data = self.rules.to_dict()
        self.assertEqual(data["organisation"]["name"], "Riverside Tenant Management Organisation Limited")
        self.assertEqual(data["membership"]["minimum_age"], 16)


class Files(unittest.TestCase):
    def test_every_example_round_trips(self):
        for path in sorted((EXAMPLES / "data").glob("*.toml")):
            with self.subTest(file=path.name), tmo.Constitution.load(path) as rules:
                toml = rules.to_toml()
                with tmo.Constitution.parse(toml, "canonical.toml") as again:
                    self.assertEqual(again.to_toml(), toml)
                    self.assertEqual(again.name, rules.name)

    def test_presets(self):
        for name, form in [("ccbs_act_2014", tmo.LegalForm.COMMUNITY_BENEFIT_SOCIETY),
                           ("companies_act_2006", tmo.LegalForm.COMPANY_LIMITED_BY_GUARANTEE)]:
            with tmo.Constitution.preset(name) as rules:
                self.assertIs(rules.legal_form, form)
        with self.assertRaises(tmo.NotFoundError):
            tmo.Constitution.preset("model_rules_1999")

    def test_broken_files_give_the_documented_error(self):
        # Each row of the README: file, code, file:line:column, key path, what is wrong, message.
        rows = [[cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
                for line in (BROKEN / "README.md").read_text(encoding="utf-8").splitlines()
                if re.match(r"\|\s*`[\w.-]+\.toml`", line)]
        files = sorted(p.name for p in BROKEN.glob("*.toml"))
        self.assertEqual(sorted(row[0] for row in rows), files)
        for name, code, location, key_path, _, message in rows:
            with self.subTest(file=name):
                with self.assertRaises(tmo.Error) as caught:
                    tmo.Constitution.load(BROKEN / name)
                e = caught.exception
                _, line, column = location.split(":")
                self.assertEqual(e.code, -ERRC.index(code.removeprefix("errc::")))
                self.assertIs(type(e), tmo.errors.error_class(e.code))
                self.assertEqual((e.file, e.line, e.column, e.key_path),
                                 (str(BROKEN / name), int(line), int(column), key_path))
                self.assertEqual(e.message, message)
                self.assertEqual(str(e), f"{BROKEN / name}:{line}:{column}: {message}")

    def test_bad_input(self):
        with self.assertRaises(tmo.ParseError) as caught:
            tmo.Constitution.parse('[organisation]\nname = "x"\narea =\n', "inline.toml")
        self.assertEqual((caught.exception.file, caught.exception.line), ("inline.toml", 3))
        self.assertGreater(caught.exception.column, 0)
        with self.assertRaises(tmo.MissingKeyError):
            tmo.Constitution.parse("", "empty.toml")
        with self.assertRaises(tmo.TooLargeError):
            tmo.Constitution.parse("#" * 70000, "big.toml")
        with self.assertRaises(tmo.InputOutputError):
            tmo.Constitution.load("/nonexistent/rules.toml")


class Handles(unittest.TestCase):
    def test_closed_exactly_once(self):
        rules = tmo.Constitution.load(RIVERSIDE)
        with rules:
            self.assertFalse(rules.closed)
        self.assertTrue(rules.closed)
        rules.close()  # a second release does nothing
        del rules
        gc.collect()  # nor does collection after close
        with tmo.Constitution.preset("ccbs_act_2014") as rules:
            pass
        with self.assertRaises(ValueError):
            rules.name
        self.assertEqual(repr(rules), "<tmo.Constitution closed>")

    def test_released_when_collected(self):
        for _ in range(200):
            tmo.Constitution.load(RIVERSIDE).name  # each is freed by __del__ at once


if __name__ == "__main__":
    unittest.main()
