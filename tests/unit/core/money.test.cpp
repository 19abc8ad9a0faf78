#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <type_traits>

using tmo::errc;
using tmo::money;
using tmo::rational;
using tmo::rounding;

static_assert(!std::is_constructible_v<money, double>);
static_assert(!std::is_convertible_v<double, money>);
static_assert(!std::is_constructible_v<money, int>);  // pence or pounds must be said: from_pence / from_pounds

namespace {
std::int64_t pence_of(std::string_view text) { return money::parse(text).value().pence(); }
constexpr std::int64_t max_pence = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min_pence = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_CASE("money parses the forms people write") {
    CHECK(pence_of("1234.56") == 123456);
    CHECK(pence_of("£1,234.56") == 123456);
    CHECK(pence_of("1,234,567.00") == 123456700);
    CHECK(pence_of("-0.05") == -5);
    CHECK(pence_of("-£5") == -500);
    CHECK(pence_of("£-5.00") == -500);
    CHECK(pence_of("5.5") == 550);
    CHECK(pence_of("0") == 0);
    CHECK(pence_of(" 12.00 ") == 1200);
    CHECK(pence_of("92233720368547758.07") == max_pence);
    CHECK(pence_of("-92233720368547758.08") == min_pence);
}

TEST_CASE("money rejects malformed amounts with a column") {
    auto bad_grouping = money::parse("1,23.00");
    REQUIRE_FALSE(bad_grouping);
    CHECK(bad_grouping.error().code() == errc::syntax);
    CHECK(bad_grouping.error().where().column == 5);
    auto letters = money::parse("£12x");
    CHECK(letters.error().code() == errc::syntax);
    CHECK(letters.error().where().column == 4);  // "£" is one column
    for (const char* bad : {"", "£", "1.", ".50", "1,2345", "12,34", "1e5", "£ 5", "5 5", "--5", "0x10"}) {
        CAPTURE(bad);
        CHECK(money::parse(bad).error().code() == errc::syntax);
    }
    CHECK(money::parse("92233720368547758.08").error().code() == errc::overflow);
    CHECK(money::parse(std::string(60, '9')).error().code() == errc::overflow);
}

TEST_CASE("money needs a rounding mode for extra decimals") {
    CHECK(money::parse("12.345").error().code() == errc::inexact);
    CHECK(money::parse("12.340").value().pence() == 1234);  // exact: no mode needed
    CHECK(money::parse("0.125", rounding::half_even).value().pence() == 12);
    CHECK(money::parse("0.135", rounding::half_even).value().pence() == 14);
    CHECK(money::parse("0.125", rounding::half_up).value().pence() == 13);
    CHECK(money::parse("-0.125", rounding::half_up).value().pence() == -13);
    CHECK(money::parse("-0.121", rounding::floor).value().pence() == -13);
    CHECK(money::parse("0.129", rounding::truncate).value().pence() == 12);
}

TEST_CASE("money from a rational agrees with a brute-force reference") {
    // Reference: the candidates k pence around q = n/d pounds, chosen by exact comparison of distances.
    for (long n = -250; n <= 250; n += 7)
        for (long d = 1; d <= 40; d += 3) {
            const rational pounds(n, d);
            const rational pence_exact = pounds * 100;
            const tmo::integer lower = pence_exact.floor();
            const tmo::integer upper = pence_exact.ceil();
            const rational below = pence_exact - rational(lower), above = rational(upper) - pence_exact;
            const bool exact = lower == upper;
            CAPTURE(n);
            CAPTURE(d);
            CHECK(money::from_rational(pounds, rounding::floor).value().pence() == lower);
            CHECK(money::from_rational(pounds, rounding::ceil).value().pence() == upper);
            CHECK(money::from_rational(pounds, rounding::truncate).value().pence() == (n < 0 ? upper : lower));
            const tmo::integer nearest_up = below < above ? lower : above < below ? upper : (n < 0 ? lower : upper);
            CHECK(money::from_rational(pounds, rounding::half_up).value().pence() == nearest_up);
            const tmo::integer nearest_even =
                below < above ? lower : above < below ? upper : (lower % 2 == 0 ? lower : upper);
            CHECK(money::from_rational(pounds, rounding::half_even).value().pence() == nearest_even);
            CHECK(money::from_rational(pounds, rounding::never).has_value() == exact);
        }
}

TEST_CASE("money allowance apportioned by stock rounds once at the end") {
    // governance.md §4.4: £1,000,000.00 x 39 / 13,058 = £2,986.674835... -> £2,986.67 half-up.
    const rational exact = money::from_pounds(1'000'000).to_rational() * 39 / 13'058;
    CHECK(exact == rational(19'500'000, 6'529));
    CHECK(money::from_rational(exact, rounding::half_up).value().to_string() == "2986.67");
}

TEST_CASE("money formats for files and for people") {
    CHECK(money::from_pence(123456).to_string() == "1234.56");
    CHECK(money::from_pence(-5).to_string() == "-0.05");
    CHECK(money::from_pence(0).to_string() == "0.00");
    CHECK(money::from_pence(123456).format() == "£1,234.56");
    CHECK(money::from_pence(-123456789).format() == "-£1,234,567.89");
    CHECK(money::from_pence(99).format({false, true}) == "0.99");
    CHECK(money::from_pence(min_pence).to_string() == "-92233720368547758.08");
    CHECK(money::from_pence(max_pence).format() == "£92,233,720,368,547,758.07");
    CHECK(money::from_pence(123456).to_rational() == rational(123456, 100));
}

TEST_CASE("money arithmetic is checked") {
    CHECK(money::from_pence(150) + money::from_pence(-200) == money::from_pence(-50));
    CHECK(money::from_pounds(3) * 4 == money::from_pence(1200));
    CHECK(money::from_pence(5) < money::from_pence(6));
    CHECK_THROWS_AS(money::from_pence(max_pence) + money::from_pence(1), tmo::error_exception);
    CHECK_THROWS_AS(money::from_pence(min_pence) - money::from_pence(1), tmo::error_exception);
    CHECK_THROWS_AS(-money::from_pence(min_pence), tmo::error_exception);
    CHECK_THROWS_AS(money::from_pence(max_pence / 2 + 1) * 2, tmo::error_exception);
    CHECK_THROWS_AS((void)money::from_pounds(max_pence / 10), tmo::error_exception);
    money m = money::from_pence(max_pence);
    CHECK_THROWS_AS(m += money::from_pence(1), tmo::error_exception);
    CHECK(m.pence() == max_pence);  // unchanged after the failed addition
    try {
        (void)(money::from_pence(max_pence) + money::from_pence(1));
    } catch (const tmo::error_exception& e) {
        CHECK(e.error().code() == errc::overflow);
    }
}
