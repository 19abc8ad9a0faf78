"""Participatory budgeting: the Riverside improvement fund (examples/data/budget) under the rules whose outcomes
the tool tests check against a separate exact implementation (tests/tool/CMakeLists.txt), an election built project
by project, and bad input."""

import fractions
import unittest

import tmo

from .support import EXAMPLES

FUND = EXAMPLES / "data" / "budget" / "riverside_fund"


class RiversideFund(unittest.TestCase):
    def test_the_file_rule_and_others(self):
        for suffix in (".toml", ".csv"):
            with tmo.BudgetElection.load(FUND.with_suffix(suffix)) as election:
                self.assertEqual((election.project_count, election.voter_count), (8, 60))
                with election.run() as outcome:  # the file's rule, mes-add1
                    self.assertEqual(outcome.selected, ("play", "benches", "lights", "garden", "bins"))
                    self.assertEqual(outcome.cost, fractions.Fraction("22300.5"))
                    self.assertEqual(outcome.to_dict()["endowment"], "1355/3")
                    self.assertEqual(len(outcome.rounds()), 5)
                    self.assertIn("Funded", outcome.explain("play"))
                with election.run("greedy") as outcome:
                    self.assertEqual(outcome.selected, ("play", "hall", "cctv", "garden"))
                    self.assertEqual(outcome.cost, 24250)
                with election.run("mes-add1", add1_stop="over-budget") as outcome:
                    self.assertEqual(outcome.selected, ("play", "hall", "cctv", "benches"))

    def test_built_by_hand(self):
        # Budget 100: a (60) approved by 3 voters, b (50) by 2, c (40) by 1. Greedy by votes funds a, then c fits
        # in the 40 left but b does not.
        with tmo.BudgetElection(budget="100") as election:
            election.add_project("a", "60")
            election.add_project("b", "50")
            election.add_project("c", "40")
            for ballot in (["a", "b"], ["a", "b"], ["a"], ["c"]):
                election.add_ballot(ballot)
            election.finish()
            with election.run("greedy") as outcome:
                self.assertEqual(outcome.selected, ("a", "c"))
                self.assertEqual(outcome.cost, 100)

    def test_bad_input(self):
        with self.assertRaises(tmo.Error) as caught:
            tmo.BudgetElection.parse('budget = "25,000"\nprojects = 3\n', "toml", "fund.toml")
        self.assertEqual(caught.exception.file, "fund.toml")
        self.assertEqual(caught.exception.line, 2)
        with tmo.BudgetElection.load(FUND.with_suffix(".toml")) as election:
            with self.assertRaises(tmo.Error):
                election.run("lottery")
        with self.assertRaises(TypeError):
            tmo.BudgetElection(budget=2.5)


if __name__ == "__main__":
    unittest.main()
