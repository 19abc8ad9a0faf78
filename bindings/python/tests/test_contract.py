"""Contracts: the Riverside cleaning contract's April 2025, the worked example of contracts.md §4.4 (183 of 200
inspections graded A or B = 91.5% against 95%, a 2% credit of £96.00, net £4,704.00, VAT £940.80, £5,644.80), the
cleaning tender, and bad input."""

import fractions
import unittest

import tmo

from .support import EXAMPLES

CONTRACTS = EXAMPLES / "data" / "contracts"


class Cleaning(unittest.TestCase):
    def test_april_2025(self):
        with tmo.Contract.load(CONTRACTS / "riverside_cleaning.toml") as contract:
            self.assertEqual(contract.reference, "RTMO-CLN-2025")
            with contract.month("2025-04") as month:
                value, rating = month.kpis["CLN1"]
                self.assertEqual(value, fractions.Fraction("91.5"))
                self.assertEqual(rating, tmo.Rating.REQUIRES_IMPROVEMENT)
                self.assertEqual((month.credit, month.net, month.vat, month.gross), (9600, 470400, 94080, 564480))
                self.assertIn('"ocid"', month.render("ocds"))
            with self.assertRaises(tmo.Error):
                contract.month("2024-12")  # outside the term

    def test_tender(self):
        text = (CONTRACTS / "riverside_cleaning_tender.toml").read_text(encoding="utf-8")
        self.assertIn("Sparkle", tmo.evaluate_tender(text, "riverside_cleaning_tender.toml").split("\n", 3)[-1])

    def test_bad_input(self):
        with self.assertRaises(tmo.Error) as caught:
            tmo.Contract.parse("reference = 1\n", "c.toml")
        self.assertEqual(caught.exception.file, "c.toml")
        self.assertEqual(caught.exception.line, 1)


if __name__ == "__main__":
    unittest.main()
