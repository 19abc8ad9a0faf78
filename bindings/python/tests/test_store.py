"""The store: a ballot conducted with voter codes on the Riverside register (a used code is refused, a closed ballot
takes no vote), counted and verified; a committee election conducted the same way and counted by STV; Riverside's
continuation ballot loaded by the example loader carries by 41 of 57 votes cast, as continuation_ballot_2026.toml
reports."""

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

    def test_election_by_codes(self):
        """A committee election, 2 seats among 4 candidates under scottish-stv, worked by hand (as in
        tests/c_api/store.c, which derives the digest): papers 6 x "1,3", 4 x "1,2", "3,2,4", "4,3" and a blank, by
        the voters of roll lines 1-13 ("3,2=4" is refused first: scottish-stv takes no equal ranks); 12 valid, quota
        floor(12/3) + 1 = 5. Stage 1: Ada 10, elected with a surplus of 5; stage 2: the surplus at 5/10 = 0.5 a paper
        takes Cara from 1 to 4 and Ben from 0 to 2; stage 3: Dev (1) excluded, his paper takes Cara to 5, the quota.
        Elected Ada Lovelace and Cara Dillon."""
        papers = ["1,3"] * 6 + ["1,2"] * 4 + ["3,2,4", "4,3", ""]
        with tmo.Store.open(self.path) as store, tmo.Constitution.load(RIVERSIDE) as rules:
            store.import_register(DATA / "riverside" / "register.csv")
            candidates = ["Ada Lovelace", "Ben Okri", "Cara Dillon", "Dev Patel"]
            with self.assertRaises(tmo.InvalidArgumentError):
                store.open_election(rules, "e1", "Committee 2026", "2026-06-30", candidates, seats=2, colour="blue")
            with self.assertRaises(tmo.NotFoundError):
                store.open_election(rules, "e1", "Committee 2026", "2026-06-30", candidates, rule="no-such-rule")
            with self.assertRaises(tmo.InvalidValueError):
                store.open_election(rules, "e1", "Committee 2026", "2026-06-30", candidates, seats=5)
            store.open_election(rules, "e1", "Committee 2026", "2026-06-30", candidates, seats=2,
                                rule="scottish-stv", ties="backwards,lot", seed="AGM 2026")
            codes = store.issue_codes("e1")
            with self.assertRaisesRegex(tmo.InvalidValueError, "does not allow candidates ranked equal"):
                store.cast("e1", codes[10][2], "3,2=4")
            for (_, _, code), paper in zip(codes, papers):
                store.cast("e1", code, paper)
            with self.assertRaises(tmo.UsedCodeError):
                store.cast("e1", codes[0][2], "1,3")
            with self.assertRaises(tmo.InvalidValueError):
                store.cast("e1", codes[13][2], "9")
            self.assertIn("all: 13 of ", store.turnout("e1"))
            digest = store.close_ballot("e1")
            self.assertEqual(digest, "d2777428c478545f8cdc35c02326ef9303530e16fdea5844c2858a1279aa4354")
            carried, text = store.count("e1")
            self.assertTrue(carried)
            self.assertIn("Seats: 2   Papers: 13   Invalid: 1   Valid vote: 12.00000   Quota: 5.00000\n", text)
            self.assertIn("Cara Dillon                1.00000   4.00000   5.00000  elected\n", text)
            self.assertIn("Elected, in order: Ada Lovelace; Cara Dillon\n", text)
            self.assertIn(f"Digest of the 13 ballots counted: {digest}", text)
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
