"""Money in whole pence, apportionment, exact fractions and notice dates (tmo.h), with the worked examples of the C
API's tests and docs/c-api.md."""

import datetime
import decimal
import fractions
import unittest

import tmo

INT64_MAX = 2**63 - 1
INT64_MIN = -2**63


class Money(unittest.TestCase):
    def test_parse(self):
        for text, pence in [("1234.56", 123456), ("1,234.56", 123456), ("£1,234.56", 123456), ("-0.05", -5),
                            ("-£5", -500), ("5.5", 550), ("  13,595.71 ", 1359571),
                            ("92233720368547758.07", INT64_MAX), ("-92233720368547758.08", INT64_MIN)]:
            with self.subTest(text=text):
                self.assertEqual(tmo.parse_money(text), pence)

    def test_parse_failures_carry_code_and_column(self):
        for text, cls in [("", tmo.ParseError), ("12,34.00", tmo.ParseError), ("1.2.3", tmo.ParseError),
                          ("0.125", tmo.InexactError), ("92233720368547758.08", tmo.NumberOverflowError)]:
            with self.subTest(text=text), self.assertRaises(cls):
                tmo.parse_money(text)
        with self.assertRaises(tmo.ParseError) as caught:
            tmo.parse_money("12.3x")
        e = caught.exception
        self.assertEqual((e.code, e.line, e.column), (-2, 1, 5))
        self.assertTrue(e.message)
        self.assertIsInstance(e, tmo.Error)
        with self.assertRaises(TypeError):
            tmo.parse_money(12.5)

    def test_format(self):
        self.assertEqual(tmo.format_money(123456, symbol=True, thousands=True), "£1,234.56")
        self.assertEqual(tmo.format_money(123456, thousands=True), "1,234.56")
        self.assertEqual(tmo.format_money(123456, symbol=True), "£1234.56")
        self.assertEqual(tmo.format_money(-5), "-0.05")
        self.assertEqual(tmo.format_money(-5, symbol=True), "-£0.05")
        self.assertEqual(tmo.format_money(0), "0.00")
        self.assertEqual(tmo.format_money(INT64_MIN, symbol=True, thousands=True), "-£92,233,720,368,547,758.08")

    def test_round_trips(self):
        for pence in [0, 1, -1, 99, 100, 123456, -987654321, INT64_MAX, INT64_MIN]:
            for symbol in (False, True):
                for thousands in (False, True):
                    text = tmo.format_money(pence, symbol=symbol, thousands=thousands)
                    self.assertEqual(tmo.parse_money(text), pence, text)
            self.assertEqual(tmo.decimal_to_pence(tmo.pence_to_decimal(pence)), pence)

    def test_decimal_helpers(self):
        self.assertEqual(tmo.pence_to_decimal(123456), decimal.Decimal("1234.56"))
        self.assertEqual(str(tmo.pence_to_decimal(-5)), "-0.05")
        self.assertEqual(tmo.decimal_to_pence(decimal.Decimal("12.5")), 1250)
        self.assertEqual(tmo.decimal_to_pence(decimal.Decimal("1E+3")), 100000)
        self.assertEqual(tmo.decimal_to_pence(7), 700)
        with self.assertRaises(tmo.InexactError):
            tmo.decimal_to_pence(decimal.Decimal("0.125"))


class Apportion(unittest.TestCase):
    def test_shares_add_up_to_the_total(self):
        # docs/c-api.md: 13,595.71 over rateable values 213, 180 and 250.
        self.assertEqual(tmo.apportion(1359571, ["213", "180", "250"]), [450371, 380595, 528605])
        self.assertEqual(tmo.apportion(100000, [1, 1, 1]), [33334, 33333, 33333])
        self.assertEqual(tmo.apportion(-100000, [1, 1, 1]), [-33334, -33333, -33333])
        for total in (1, 7, 1359571, 10**15 + 3):
            shares = tmo.apportion(total, ["1/3", "12.5", "5%", fractions.Fraction(2, 7), decimal.Decimal("0.25")])
            self.assertEqual(sum(shares), total)

    def test_bad_weights(self):
        with self.assertRaises(tmo.ParseError) as caught:
            tmo.apportion(100, ["1", "one", "1"])
        self.assertIn("one", caught.exception.message)
        with self.assertRaises(tmo.InvalidValueError):
            tmo.apportion(100, ["1", "-1"])
        with self.assertRaises(tmo.DomainError):
            tmo.apportion(100, ["0", "0"])
        with self.assertRaises(tmo.InvalidArgumentError):
            tmo.apportion(100, [])
        with self.assertRaises(TypeError):
            tmo.apportion(100, [0.5, 0.5])


class Fractions(unittest.TestCase):
    def test_normalise(self):
        self.assertEqual(tmo.fraction("4/6"), fractions.Fraction(2, 3))
        self.assertEqual(tmo.fraction("12.5"), fractions.Fraction(25, 2))
        self.assertEqual(tmo.fraction("75%"), fractions.Fraction(3, 4))
        self.assertEqual(tmo.fraction("-10/5"), -2)
        self.assertEqual(tmo.fraction(decimal.Decimal("0.1")), fractions.Fraction(1, 10))
        with self.assertRaises(tmo.DomainError):
            tmo.fraction("1/0")
        with self.assertRaises(tmo.ParseError):
            tmo.fraction("2//3")


class Dates(unittest.TestCase):
    def test_clear_days(self):
        # Notice on Wednesday 11 June 2025 for a meeting on Thursday 26 June: 14 clear days.
        self.assertEqual(tmo.clear_days("2025-06-11", "2025-06-26"), 14)
        self.assertEqual(tmo.clear_days(datetime.date(2024, 12, 31), datetime.date(2025, 3, 1)), 59)
        self.assertEqual(tmo.clear_days("2025-06-26", "2025-06-11"), 0)

    def test_latest_notice_and_months(self):
        self.assertEqual(tmo.latest_notice("2025-06-26", 14), datetime.date(2025, 6, 11))
        self.assertEqual(tmo.latest_notice("2025-03-01", 21), datetime.date(2025, 2, 7))
        self.assertEqual(tmo.add_months("2024-11-30", 3), datetime.date(2025, 2, 28))
        self.assertEqual(tmo.add_months(datetime.date(2024, 1, 31), 1), datetime.date(2024, 2, 29))

    def test_bad_dates_name_the_argument(self):
        with self.assertRaises(tmo.InvalidValueError) as caught:
            tmo.clear_days("2025-02-29", "2025-06-26")
        self.assertEqual(caught.exception.key_path, "notice")
        with self.assertRaises(tmo.ParseError) as caught:
            tmo.clear_days("2025-06-11", "26/06/2025")
        self.assertEqual(caught.exception.key_path, "meeting")
        with self.assertRaises(tmo.InvalidArgumentError):
            tmo.latest_notice("2025-06-26", -1)
        with self.assertRaises(tmo.NumberOverflowError):
            tmo.add_months("9999-12-01", 1)


if __name__ == "__main__":
    unittest.main()
