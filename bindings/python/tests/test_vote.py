"""Counting: Aberdeen 2017 ward 1 against every figure of its official result sheet
(tests/data/elections/scotland/2017/aberdeen_2017_ward1.expected.csv), a small election built ballot by ballot and
counted by hand (as in tests/c_api/vote.c), options, renderings, and bad input."""

import csv
import fractions
import gc
import unittest

import tmo

from .support import ABERDEEN

F = fractions.Fraction


class Aberdeen(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with tmo.Profile.load(ABERDEEN.with_suffix(".blt"), strict=True) as profile:
            cls.profile_facts = (profile.format, profile.title, profile.candidates, profile.seats, profile.papers)
            cls.count = profile.count("scottish-stv")
        with open(ABERDEEN.with_suffix(".expected.csv"), newline="", encoding="utf-8") as f:
            cls.sheet = list(csv.DictReader(f))

    @classmethod
    def tearDownClass(cls):
        cls.count.close()

    def test_profile(self):
        fmt, title, candidates, seats, papers = self.profile_facts
        self.assertEqual((fmt, title, seats, papers), ("blt", "Dyce/Bucksburn/Danestone Ward", 4, 6608))
        self.assertEqual(len(candidates), 7)
        self.assertEqual(candidates[4], "Avril MACKENZIE (Con)")

    def test_every_figure_of_the_result_sheet(self):
        count = self.count
        self.assertEqual(len(count), 6)
        self.assertEqual(len(self.sheet), 6 * 7)
        for row in self.sheet:
            stage, candidate = int(row["stage"]), int(row["candidate_index"])
            with self.subTest(stage=stage, candidate=row["candidate"]):
                self.assertEqual(count.candidates[candidate - 1], row["candidate"])
                self.assertEqual(count[stage - 1].votes_text[candidate - 1], row["votes"])
                self.assertEqual(count[stage - 1].votes[candidate - 1], F(row["votes"]))
        # The ones the brief names: Mackenzie's first preferences and Crockett after her surplus.
        self.assertEqual(count[0].votes[4], F(2012))
        self.assertEqual(count[1].votes[0], F("806.07214"))
        self.assertEqual(count[1].votes_text[0], "806.07214")

    def test_elected(self):
        last = max(int(row["stage"]) for row in self.sheet)
        official = {int(row["candidate_index"]) for row in self.sheet
                    if int(row["stage"]) == last and row["status_after_stage"] == "elected"}
        self.assertEqual(set(self.count.elected), official)
        # In order: Mackenzie and MacGregor at stage 1, then Crockett and Samarai at stage 6.
        self.assertEqual(self.count.elected, (5, 4, 1, 7))
        self.assertEqual(self.count.elected_names,
                         ("Avril MACKENZIE (Con)", "Neil MACGREGOR (SNP)", "Barney CROCKETT (Lab)",
                          "Gill SAMARAI (SNP)"))

    def test_stages_explain_themselves(self):
        first, surplus, _, exclusion = self.count.stages[:4]
        self.assertEqual((first.number, first.action, first.subject), (1, tmo.StageAction.FIRST_PREFERENCES, 0))
        self.assertEqual((surplus.action, surplus.subject), (tmo.StageAction.SURPLUS, 5))
        self.assertEqual((exclusion.action, exclusion.subject), (tmo.StageAction.EXCLUSION, 3))
        self.assertIs(self.count[2].states[2], tmo.CandidateState.CONTINUING)
        self.assertIs(exclusion.states[2], tmo.CandidateState.EXCLUDED)
        # The quota floor(6608 / 5) + 1 = 1322; the valid vote is the same at every stage.
        self.assertEqual(first.quota, 1322)
        self.assertEqual(surplus.non_transferable, F("233.54214"))
        self.assertEqual(surplus.rounding_loss, F("0.00472"))
        for stage in self.count:
            self.assertEqual(sum(stage.votes) + stage.non_transferable_total + stage.rounding_loss_total, 6608)
        self.assertIn("surplus", surplus.explanation)
        self.assertEqual(self.count.ties, ())

    def test_renderings(self):
        data = self.count.to_dict()
        self.assertEqual(data["rule"], "scottish-stv")
        self.assertEqual(data["elected"], [5, 4, 1, 7])
        self.assertEqual(data["quota"], "1322.00000")
        self.assertEqual(data["stages"][1]["votes"][0], "806.07214")
        self.assertIn("Avril MACKENZIE (Con) was elected at stage 1", self.count.summary)
        self.assertIn("1483.79014", self.count.render("text"))
        self.assertIn("806.07214", self.count.render("csv"))
        with self.assertRaises(ValueError):
            self.count.render("html")


class ByHand(unittest.TestCase):
    """Ann, Bob, Cat for 2 seats: 6 papers Ann > Bob, 2 Bob, 3 Cat, 1 Cat > Ann. The Scottish quota is
    floor(12 / 3) + 1 = 5; Ann's surplus of 1 moves on her 6 papers at 1/6 each, truncated to 0.16666, to Bob:
    2.99996, and 0.00004 is lost to rounding; Cat wins the second seat. Under exact WIGM Ann's surplus is 2 and
    Bob and Cat tie on 4, settled by the order Cat, Bob."""

    def setUp(self):
        self.profile = tmo.Profile(["Ann", "Bob", "Cat"], seats=2)
        self.profile.add_ballot([1, 2], count=6)
        self.profile.add_ballot([2], count=2)
        self.profile.add_ballot([3], count=3)
        self.profile.add_ballot([3, 1])

    def tearDown(self):
        self.profile.close()

    def test_scottish_stv(self):
        self.assertEqual((self.profile.papers, self.profile.format), (12, ""))
        with self.profile.count() as count:
            self.assertEqual(count[0].votes_text[0], "6.00000")
            self.assertEqual(count[1].votes[1], F("2.99996"))
            self.assertEqual(count[1].rounding_loss, F("0.00004"))
            self.assertEqual(count.elected, (1, 3))

    def test_wigm_with_a_tie_settled_by_order(self):
        with self.profile.count("wigm", ties="order", order=[3, 2]) as count:
            self.assertEqual(count[1].votes_text[1], "4")
            self.assertEqual(len(count.ties), 1)
            tie = count.ties[0]
            self.assertEqual((tie.chosen, tie.method), (2, "order"))  # Bob, last in the order, is excluded
            self.assertIn("Bob", tie.explanation)
            self.assertEqual(count.elected, (1, 3))

    def test_options_and_rules_are_checked(self):
        self.assertEqual(tmo.count_rules()[:2], ("scottish-stv", "wigm"))
        with self.assertRaises(tmo.InvalidArgumentError) as caught:
            self.profile.count("wigm", sets=2)
        self.assertIn("no option 'sets'", caught.exception.message)
        with self.assertRaises(tmo.NotFoundError):
            self.profile.count("stv")
        with self.profile.count("wigm", {"seats": "1"}) as count:
            self.assertEqual(count.elected, (1,))

    def test_ballots_and_seats(self):
        with self.assertRaises(tmo.InvalidArgumentError):
            self.profile.add_ballot([4])
        with self.assertRaises(tmo.InvalidArgumentError):
            self.profile.add_ballot([2], count=0)
        with self.assertRaises(ValueError):
            self.profile.add_ballot([1], count=-1)  # not wrapped round to 2**64 - 1
        with self.assertRaises(ValueError):
            self.profile.add_ballot([-1])
        self.assertEqual(self.profile.papers, 12)  # unchanged by the failures
        self.profile.add_ballot([1, tmo.equal(2)])
        self.assertIn("1 1=2 0", self.profile.to_blt())
        self.profile.add_ballot([tmo.BLANK, 3])
        self.profile.seats = 1
        self.assertEqual(self.profile.seats, 1)
        with self.assertRaises(tmo.InvalidValueError):
            self.profile.seats = 4
        self.profile.withdraw(2)
        with self.assertRaises(tmo.InvalidArgumentError):
            self.profile.withdraw(9)


class BadInput(unittest.TestCase):
    def test_errors_carry_the_location(self):
        broken = '3 1\n1 1 9 0\n0\n"A"\n"B"\n"C"\n"T"\n'
        with self.assertRaises(tmo.InvalidValueError) as caught:
            tmo.Profile.parse(broken, "broken.blt")
        self.assertEqual((caught.exception.file, caught.exception.line), ("broken.blt", 2))
        self.assertTrue(str(caught.exception).startswith("broken.blt:2:"))
        with self.assertRaises(tmo.ParseError):
            tmo.Profile.parse("hello", "notes.txt")
        with self.assertRaises(tmo.InputOutputError):
            tmo.Profile.load("/nonexistent/ward.blt")
        with self.assertRaises(tmo.InvalidValueError):
            tmo.Profile(["Ann"], seats=2)

    def test_closed_handles(self):
        profile = tmo.Profile(["Ann", "Bob"], seats=1)
        profile.add_ballot([1])
        count = profile.count()
        profile.close()
        self.assertEqual(count.elected_names, ("Ann",))  # a result does not depend on its profile
        count.close()
        count.close()
        with self.assertRaises(ValueError):
            count.summary
        with self.assertRaises(ValueError):
            profile.add_ballot([1])
        self.assertEqual(repr(profile), "<tmo.Profile closed>")
        del profile, count
        gc.collect()


if __name__ == "__main__":
    unittest.main()
