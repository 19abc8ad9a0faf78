"""Contracts: the allowance, Section 20 and TSM worked examples of governance.md §4.4 and §7.4 and contracts.md §6.7
and §7.2; the Riverside cleaning contract's April 2025, the worked example of contracts.md §4.4 (183 of 200
inspections graded A or B = 91.5% against 95%, a 2% credit of £96.00, net £4,704.00, VAT £940.80, £5,644.80), the
cleaning tender, and bad input."""

import fractions
import unittest

import tmo

from .support import DATA, EXAMPLES

CONTRACTS = EXAMPLES / "data" / "contracts"
TEST_CONTRACTS = DATA / "contracts"


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


class ServiceCharges(unittest.TestCase):
    """examples/data/contracts/service_charges_2026.toml: the roof is contracts.md §7.3's £13,595.71 by rateable
    values 213 / 180 / 250 (£4,503.71 / £3,805.95 / £5,286.05); every dwelling also pays £200.00 caretaking."""

    def test_example(self):
        with tmo.ServiceCharges.load(CONTRACTS / "service_charges_2026.toml") as s:
            charges = s.charges
            self.assertEqual(charges, {"Flat 1": 471800, "Flat 2": 402023, "Flat 3": 551462, "Flat 4": 82143,
                                       "Flat 5": 62143})
            self.assertEqual(sum(charges.values()), 1569571)
            self.assertEqual(s.section20, [(True, 25000), None, (True, 10000), None])
            self.assertIn("Flat 3 would pay £5,286.05", s.render())

    def test_bad_input(self):
        with self.assertRaises(tmo.Error) as caught:
            tmo.ServiceCharges.parse('title = "x"\n[[dwellings]]\nid = 3\n', "s.toml")
        self.assertEqual(caught.exception.file, "s.toml")
        self.assertEqual(caught.exception.line, 3)


class Allowance(unittest.TestCase):
    def test_review(self):
        # 1,000,000.00 × 39 / 13,058 = 2,986.67, plus 5,000 + 10 × 39 = 5,390.00; from 2,500.00 indexed by 2%
        # (2,550.00) the change is phased in thirds: 4,492.22 in the first year.
        with tmo.Contract.load(TEST_CONTRACTS / "allowance_agreement.toml") as contract:
            text, payable = contract.allowance()
        self.assertEqual(payable, 449222)
        self.assertIn("the TMO's 39 homes get £2,986.67.", text)

    def test_points_deduction(self):
        # The grounds contract's April 2026 (worked in tests/unit/contract/report.test.cpp): 16 points, 11 above the
        # threshold at £25.00 = £275.00 off the £2,000.00 fee; VAT £400.00 - £55.00 = £345.00.
        with tmo.Contract.load(TEST_CONTRACTS / "points_grounds.toml") as contract:
            with contract.month("2026-04") as month:
                self.assertEqual((month.credit, month.net, month.vat, month.gross), (27500, 172500, 34500, 207000))
                self.assertIn("deduction £275.00", month.render())

    def test_no_allowance(self):
        with tmo.Contract.load(TEST_CONTRACTS / "points_grounds.toml") as contract:
            with self.assertRaises(tmo.MissingKeyError):
                contract.allowance()


class ServiceCharges(unittest.TestCase):
    def test_greenwich_rounding(self):
        # £13,595.71 × 213 / 121,318 = 23.8702... -> £23.87, each dwelling rounded on its own.
        self.assertEqual(tmo.apportion_each(1359571, [213, 121318 - 213])[0], 2387)
        self.assertEqual(tmo.apportion(1359571, [213, 180, 250]), [450371, 380595, 528605])

    def test_section20(self):
        self.assertEqual(tmo.section20_required([25000, 25001]), (True, 25000))
        self.assertEqual(tmo.section20_required([25000]), (False, 25000))
        self.assertEqual(tmo.section20_required([10001], "long_term"), (True, 10000))
        with self.assertRaises(ValueError):
            tmo.section20_required([1], "repairs")


class TenantSatisfaction(unittest.TestCase):
    def test_golding_homes(self):
        # governance.md §7.4: 2401 × 7271 / 31481 = 554.546..., published 554; 555 rounded up.
        self.assertEqual(tmo.tsm_sample_size(7271, "4%"), (554, fractions.Fraction(17457671, 31481)))
        self.assertEqual(tmo.tsm_sample_size(7271, "4%", rounding="ceil")[0], 555)
        self.assertEqual(tmo.tsm_sample_size(7271, "4%", "plain")[1], fractions.Fraction(17457671, 31485))
        with self.assertRaises(tmo.InvalidValueError):
            tmo.tsm_sample_size(0, "4%")

    def test_margin_and_measures(self):
        self.assertEqual(tmo.tsm_margin_of_error(150, 300), fractions.Fraction("5.66"))
        records = "kind,reference,status\nemergency-repair,J1,on-time\nemergency-repair,J2,late\n"
        figures = tmo.tsm_measures(records=records, format="dict")
        self.assertEqual(figures["perception"], [])
        rp02 = [f for f in figures["management"] if f["code"] == "RP02"][0]
        self.assertEqual((rp02["numerator"], rp02["denominator"], rp02["value"]), (1, 2, "50"))
        with self.assertRaises(tmo.Error) as caught:
            tmo.tsm_measures(records="kind,reference\n")
        self.assertEqual(caught.exception.line, 1)


if __name__ == "__main__":
    unittest.main()
