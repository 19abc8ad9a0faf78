#include <tmo/core/rational.hpp>

#include <doctest/doctest.h>

#include <array>
#include <type_traits>

using tmo::errc;
using tmo::integer;
using tmo::rational;
using tmo::rounding;

// Floating point must never become an exact number by accident.
static_assert(!std::is_constructible_v<rational, double>);
static_assert(!std::is_constructible_v<rational, float>);
static_assert(!std::is_constructible_v<rational, long double>);
static_assert(!std::is_convertible_v<double, rational>);
static_assert(std::is_constructible_v<rational, int>);
static_assert(std::is_same_v<decltype(rational(1) + rational(2)), rational>);

namespace {

rational parsed(std::string_view text) { return rational::parse(text).value(); }

// The reference rounding, by definition: search the whole numbers near n/d (d > 0 here) and pick by exact
// comparisons of distances, without divide_qr.
integer reference_round(long n, long d, rounding mode) {
    long lower = -1000;
    while ((lower + 1) * d <= n) ++lower;  // lower = floor(n/d)
    const long upper = lower * d == n ? lower : lower + 1;
    if (lower == upper) return lower;
    const long below = n - lower * d, above = upper * d - n;  // distances times d
    switch (mode) {
        case rounding::floor: return lower;
        case rounding::ceil: return upper;
        case rounding::truncate: return n < 0 ? upper : lower;
        case rounding::half_up:
            if (below != above) return below < above ? lower : upper;
            return n < 0 ? lower : upper;
        case rounding::half_even:
            if (below != above) return below < above ? lower : upper;
            return lower % 2 == 0 ? lower : upper;
        case rounding::never: break;
    }
    return 9999;
}

constexpr std::array modes{rounding::floor, rounding::ceil, rounding::truncate, rounding::half_up,
                           rounding::half_even};

}  // namespace

TEST_CASE("rational parses integers fractions decimals and percentages exactly") {
    CHECK(parsed("3") == rational(3));
    CHECK(parsed("-12") == rational(-12));
    CHECK(parsed("2/3") == rational(2, 3));
    CHECK(parsed("-4/6") == rational(-2, 3));
    CHECK(parsed("0.1") == rational(1, 10));
    CHECK(parsed("66.67") == rational(6667, 100));
    CHECK(parsed("75%") == rational(3, 4));
    CHECK(parsed("12.5%") == rational(1, 8));
    CHECK(parsed("1/3%") == rational(1, 300));
    CHECK(parsed(" 1/2 ") == rational(1, 2));
    CHECK(parsed("+5") == rational(5));
    CHECK(parsed("0.000") == rational(0));
    CHECK(parsed("123456789012345678901234567890") * 10 == parsed("1234567890123456789012345678900"));
}

TEST_CASE("rational rejects what is not an exact number") {
    for (const char* bad : {"", "abc", "1e3", "2//3", "1/", "/2", ".5", "5.", "1.2.3", "1,000", "--1", "0x10", "½"}) {
        CAPTURE(bad);
        auto r = rational::parse(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code() == errc::syntax);
    }
    CHECK(rational::parse("1/0").error().code() == errc::domain);
    CHECK(rational::parse(std::string(5000, '1')).error().code() == errc::too_large);
}

TEST_CASE("rational arithmetic is exact") {
    CHECK(rational(1, 3) + rational(1, 6) == rational(1, 2));
    CHECK(rational(1, 10) * 3 == rational(3, 10));
    CHECK(rational(2, 3) - 1 == rational(-1, 3));
    CHECK(rational(3, 4) / rational(3, 8) == 2);
    CHECK(rational(1, 3) < rational(34, 100));
    CHECK(abs(rational(-5, 7)) == rational(5, 7));
    CHECK(rational(6, -4) == rational(-3, 2));
    CHECK(rational(-3, 2).denominator() == 2);
    CHECK(rational(-3, 2).numerator() == -3);
    CHECK_THROWS_AS(rational(1) / rational(0), tmo::error_exception);
    CHECK_THROWS_AS(rational(1, 0), tmo::error_exception);
}

TEST_CASE("rational rounding agrees with a brute-force reference") {
    for (long n = -60; n <= 60; ++n)
        for (long d = 1; d <= 13; ++d)
            for (rounding mode : modes) {
                CAPTURE(n);
                CAPTURE(d);
                CAPTURE(tmo::rounding_name(mode));
                const integer expected = reference_round(n, d, mode);
                CHECK(rational(n, d).round(mode).value() == expected);
                CHECK(tmo::divide_rounded(n, d, mode).value() == expected);
                CHECK(tmo::divide_rounded(-n, -d, mode).value() == expected);  // negative denominators
            }
}

TEST_CASE("rational rounding never fails only when inexact") {
    CHECK(rational(6, 3).round(rounding::never).value() == 2);
    CHECK(rational(7, 3).round(rounding::never).error().code() == errc::inexact);
    CHECK(rational(-1, 2).floor() == -1);  // zero truncated quotient, negative value
    CHECK(rational(-1, 2).ceil() == 0);
    CHECK(rational(1, 2).round(rounding::half_even).value() == 0);
    CHECK(rational(-5, 2).round(rounding::half_up).value() == -3);
    CHECK(tmo::divide_rounded(1, 0, rounding::floor).error().code() == errc::domain);
}

TEST_CASE("rational text forms") {
    CHECK(rational(2, 3).to_string() == "2/3");
    CHECK(rational(-10, 2).to_string() == "-5");
    CHECK(rational(0).to_string() == "0");
    CHECK(rational(2, 3).to_decimal(2, rounding::half_up).value() == "0.67");
    CHECK(rational(-2, 3).to_decimal(2, rounding::half_up).value() == "-0.67");
    CHECK(rational(1, 8).to_decimal(2, rounding::half_even).value() == "0.12");
    CHECK(rational(1, 8).to_decimal(2, rounding::half_up).value() == "0.13");
    CHECK(rational(-1, 8).to_decimal(2, rounding::half_up).value() == "-0.13");
    CHECK(rational(7).to_decimal(0, rounding::never).value() == "7");
    CHECK(rational(1, 3).to_decimal(2, rounding::never).error().code() == errc::inexact);
    CHECK(rational(34, 48).to_percent(1, rounding::half_up).value() == "70.8%");
    CHECK(rational(1, 2000).to_decimal(3, rounding::half_up).value() == "0.001");
    CHECK(rational(1, 8).to_exact_text() == "0.125");
    CHECK(rational(-75, 2).to_exact_text() == "-37.5");
    CHECK(rational(12).to_exact_text() == "12");
    CHECK(rational(1, 80).to_exact_text() == "0.0125");
    CHECK(rational(37, 3).to_exact_text() == "37/3");
    CHECK(rational::parse("776314.03").value().to_exact_text() == "776314.03");
}

TEST_CASE("rounding mode names round-trip") {
    for (rounding mode : {rounding::floor, rounding::ceil, rounding::truncate, rounding::half_up, rounding::half_even,
                          rounding::never})
        CHECK(tmo::parse_rounding(tmo::rounding_name(mode)).value() == mode);
    CHECK(tmo::parse_rounding("up").error().code() == errc::invalid_value);
}
