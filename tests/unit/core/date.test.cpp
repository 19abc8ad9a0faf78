#include <tmo/core/date.hpp>

#include <doctest/doctest.h>

#include <vector>

using tmo::date;
using tmo::errc;
using namespace std::chrono;

namespace {
date d(std::string_view text) { return tmo::parse_date(text).value(); }
}  // namespace

TEST_CASE("dates parse and print as ISO 8601") {
    CHECK(d("2025-06-26") == date{2025y, June, 26d});
    CHECK(tmo::to_string(date{2025y, June, 1d}) == "2025-06-01");
    CHECK(tmo::parse_date("2025-02-29").error().code() == errc::invalid_value);
    CHECK(tmo::parse_date("2024-02-29").has_value());
    CHECK(tmo::parse_date("2025-13-01").error().code() == errc::invalid_value);
    CHECK(tmo::parse_date("0000-01-01").error().code() == errc::invalid_value);
    for (const char* bad : {"", "2025-6-26", "26/06/2025", "2025-06-26T00:00", "2025_06_26", "２０２５-06-26"}) {
        CAPTURE(bad);
        CHECK(tmo::parse_date(bad).error().code() == errc::syntax);
    }
}

TEST_CASE("clear days exclude the day of notice and the day of the meeting") {
    // governance.md §8.5: a meeting on Thursday 26 June 2025 with 14 clear days' notice needs notice by
    // Wednesday 11 June 2025.
    CHECK(tmo::latest_notice_date(d("2025-06-26"), 14) == d("2025-06-11"));
    CHECK(tmo::clear_days_between(d("2025-06-11"), d("2025-06-26")) == 14);
    CHECK(tmo::clear_days_between(d("2025-06-12"), d("2025-06-26")) == 13);
    CHECK(tmo::clear_days_between(d("2025-06-26"), d("2025-06-26")) == 0);
    CHECK(tmo::clear_days_between(d("2025-06-27"), d("2025-06-26")) == 0);
    CHECK(tmo::days_between(d("2024-12-31"), d("2025-01-01")) == 1);
    CHECK(tmo::days_between(d("2025-03-01"), d("2024-03-01")) == -365);
}

TEST_CASE("adding months clamps to the end of a shorter month") {
    CHECK(tmo::add_months(d("2024-11-30"), 3) == d("2025-02-28"));
    CHECK(tmo::add_months(d("2023-11-30"), 3) == d("2024-02-29"));
    CHECK(tmo::add_months(d("2024-01-31"), 1) == d("2024-02-29"));
    CHECK(tmo::add_months(d("2024-03-31"), -1) == d("2024-02-29"));
    CHECK(tmo::add_months(d("2025-01-15"), 15) == d("2026-04-15"));
    CHECK(tmo::add_years(d("2024-02-29"), 1) == d("2025-02-28"));
    CHECK(tmo::add_years(d("2020-08-06"), 5) == d("2025-08-06"));
    CHECK(tmo::add_days(d("2025-12-31"), 1) == d("2026-01-01"));
}

TEST_CASE("working days skip weekends and listed holidays") {
    tmo::working_calendar plain;
    CHECK(plain.add_working_days(d("2025-06-27"), 1) == d("2025-06-30"));  // Friday + 1 = Monday
    CHECK(plain.add_working_days(d("2025-06-30"), -1) == d("2025-06-27"));
    CHECK(plain.add_working_days(d("2025-06-28"), 0) == d("2025-06-28"));
    CHECK(plain.working_days_between(d("2025-06-27"), d("2025-07-04")) == 5);
    // Summer bank holiday in England, Monday 25 August 2025.
    const std::vector<date> holidays{d("2025-08-25")};
    tmo::working_calendar england(holidays);
    CHECK_FALSE(england.is_working_day(d("2025-08-25")));
    CHECK(england.add_working_days(d("2025-08-22"), 1) == d("2025-08-26"));
    CHECK(england.working_days_between(d("2025-08-22"), d("2025-08-29")) == 4);
    CHECK(england.working_days_between(d("2025-08-29"), d("2025-08-22")) == 0);
}
