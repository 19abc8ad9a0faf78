"""The store: a ballot conducted with voter codes on the Riverside register (a used code is refused, a closed ballot
takes no vote), counted and verified; Riverside's continuation ballot loaded by the example loader carries by 41 of
57 votes cast, as continuation_ballot_2026.toml reports."""

import os
import tempfile
import unittest

import tmo

from .support import EXAMPLES, RIVERSIDE

DATA = EXAMPLES / "data"


class StoreBallots(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "tmo.db")

    def tearDown(self):
        self.dir.cleanup()

    def test_ballot_by_codes(self):
        with tmo.Store.open(self.path) as store, tmo.Constitution.load(RIVERSIDE) as rules:
            self.assertEqual(store.import_register(DATA / "riverside" / "register.csv"), 88)
            store.open_ballot(rules, "c1", "Should the TMO continue?", "2026-03-20", "continuation")
            codes = store.issue_codes("c1")
            self.assertRegex(codes[0][2], r"^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$")
            store.cast("c1", codes[0][2], "for")
            with self.assertRaises(tmo.UsedCodeError):
                store.cast("c1", codes[0][2], "for")
            with self.assertRaises(tmo.UnknownCodeError):
                store.cast("c1", "2222-3333-4444-5555", "for")
            store.cast("c1", codes[1][2].lower(), "for")
            self.assertIn("all: 2 of ", store.turnout("c1"))
            digest = store.close_ballot("c1")
            self.assertEqual(len(digest), 64)
            with self.assertRaises(tmo.BallotClosedError):
                store.cast("c1", codes[2][2], "for")
            carried, text = store.count("c1", rules)
            self.assertTrue(carried)
            self.assertIn("Carried: 2 of 2 votes cast (100.0%)", text)
            self.assertIn(digest, text)
            self.assertIn("#2 result c1", store.journal())
            self.assertEqual(store.verify(), (True, "All 2 journal entries match the stored records."))

    def test_example(self):
        with tmo.Store.open(self.path) as store, tmo.Constitution.load(RIVERSIDE) as rules:
            store.load_example(DATA)
            carried, text = store.count("continuation-2026", rules)
            self.assertTrue(carried)
            self.assertIn("Carried: 41 of 57 votes cast (71.9%) against a required more than 1/2.", text)

    def test_not_a_database(self):
        with open(self.path, "w") as f:
            f.write("not a database " * 1000)
        with self.assertRaises(tmo.CorruptDatabaseError):
            tmo.Store.open(self.path)


if __name__ == "__main__":
    unittest.main()
