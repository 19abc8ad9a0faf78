#include <tmo/contract/kpi.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

namespace {

// England and Wales bank holidays around Easter 2026 (test data, as a caller would supply them).
working_calendar easter_2026() {
    working_calendar c;
    c.add_holiday(2026y / 4 / 3);  // Good Friday
    c.add_holiday(2026y / 4 / 6);  // Easter Monday
    return c;
}

const std::vector<priority> priorities{
    {"P1", "Emergency", {24, time_unit::hours, day_one::day_after}},
    {"P2", "Urgent", {3, time_unit::working_days, day_one::day_after}},
    {"P3", "Routine", {20, time_unit::working_days, day_one::day_after}},
};

kpi_definition on_time_kpi() {
    kpi_definition k;
    k.id = "KPI1";
    k.title = "Repairs completed on time";
    k.measure = kpi_measure::on_time_share;
    k.targets = {{2025y / 4 / 1, rational(92)}, {2026y / 4 / 1, rational(95)}};
    return k;
}

const period april_2026{2026y / 4 / 1, 2026y / 4 / 30};

}  // namespace

TEST_CASE("timescales count hours - working days after the report - inclusive days") {
    const working_calendar cal = easter_2026();
    // Friday + 1 working day (day after) = Monday.
    CHECK(latest_within(at(2026y / 4 / 10, 16), {1, time_unit::working_days, day_one::day_after}, cal) ==
          at(2026y / 4 / 13, 23, 59));
    // Thursday before Easter + 3 working days: Good Friday and Easter Monday are skipped.
    CHECK(latest_within(at(2026y / 4 / 2, 15), {3, time_unit::working_days, day_one::day_after}, cal) ==
          at(2026y / 4 / 9, 23, 59));
    // Inclusive counting: the report day is day 1; a Saturday report starts on Monday.
    CHECK(latest_within(at(2026y / 4 / 13, 9), {3, time_unit::working_days, day_one::same_day}, cal) ==
          at(2026y / 4 / 15, 23, 59));
    CHECK(latest_within(at(2026y / 4 / 11, 9), {3, time_unit::working_days, day_one::same_day}, cal) ==
          at(2026y / 4 / 15, 23, 59));
    CHECK(latest_within(at(2026y / 4 / 1, 9), {28, time_unit::calendar_days, day_one::same_day}, cal) ==
          at(2026y / 4 / 28, 23, 59));
    CHECK(latest_within(at(2026y / 4 / 1, 9), {28, time_unit::calendar_days, day_one::day_after}, cal) ==
          at(2026y / 4 / 29, 23, 59));
    CHECK(latest_within(at(2026y / 4 / 1, 10), {24, time_unit::hours, day_one::day_after}, cal) ==
          at(2026y / 4 / 2, 10));
    CHECK(to_string(timescale{1, time_unit::working_days, day_one::day_after}) == "1 working day");
    CHECK(to_string(at(2026y / 4 / 2, 7, 5)) == "2026-04-02 07:05");
    CHECK_THROWS_AS(
        static_cast<void>(latest_within(at(2026y / 4 / 1), {-1, time_unit::hours, day_one::day_after}, cal)),
        error_exception);
}

TEST_CASE("on-time share counts jobs completed in the period against their priority") {
    const std::vector<repair_job> jobs{
        {"J1", "P1", at(2026y / 4 / 1, 10), at(2026y / 4 / 2, 9)},    // 23 hours: on time
        {"J2", "P1", at(2026y / 4 / 1, 10), at(2026y / 4 / 2, 11)},   // 25 hours: late
        {"J3", "P2", at(2026y / 4 / 2, 15), at(2026y / 4 / 9, 16)},   // on the last working day: on time
        {"J4", "P2", at(2026y / 4 / 2, 15), at(2026y / 4 / 10, 8)},   // late
        {"J5", "P3", at(2026y / 3 / 20, 9), at(2026y / 4 / 15, 12)},  // due 21 April: on time
        {"J6", "P3", at(2026y / 3 / 1, 9), at(2026y / 5 / 2, 12)},    // completed in May: not in April
        {"J7", "P3", at(2026y / 4 / 20, 9), std::nullopt},            // open
    };
    const auto v = on_time_share(jobs, priorities, on_time_kpi(), april_2026, easter_2026()).value();
    CHECK(v.numerator == 3);
    CHECK(v.denominator == 5);
    CHECK(*v.value == rational(60));
    CHECK(v.basis == "3 of 5 jobs completed on time");

    kpi_definition emergencies = on_time_kpi();
    emergencies.priorities = {"P1"};
    CHECK(*on_time_share(jobs, priorities, emergencies, april_2026, easter_2026()).value().value == rational(50));

    const std::vector<repair_job> unknown{{"J9", "P9", at(2026y / 4 / 1), at(2026y / 4 / 2)}};
    const auto bad = on_time_share(unknown, priorities, on_time_kpi(), april_2026, easter_2026());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == errc::not_found);
    CHECK(bad.error().message() == "job J9 has priority 'P9', which the contract does not define");
}

TEST_CASE("average end-to-end time counts both days (HMPI 90: 4500 days over 500 repairs is 9 days)") {
    std::vector<repair_job> jobs;
    for (int i = 0; i < 250; ++i) {
        jobs.push_back({"S" + std::to_string(i), "P3", at(2026y / 4 / 1, 9), at(2026y / 4 / 5, 15)});   // 5 days
        jobs.push_back({"L" + std::to_string(i), "P3", at(2026y / 4 / 1, 9), at(2026y / 4 / 13, 15)});  // 13 days
    }
    kpi_definition k = on_time_kpi();
    k.measure = kpi_measure::average_time;
    k.better = direction::lower_is_better;
    k.counting = duration_count::calendar_days_inclusive;
    const auto v = average_time(jobs, k, april_2026, easter_2026()).value();
    CHECK(v.numerator == 4500);
    CHECK(v.denominator == 500);
    CHECK(*v.value == rational(9));
    CHECK(display_value(k.measure, k.counting, *v.value) == "9 days");

    k.counting = duration_count::calendar_days;
    CHECK(*average_time(jobs, k, april_2026, easter_2026()).value().value == rational(8));
    k.counting = duration_count::working_days;  // 1 Apr -> 5 Apr: 2 Apr only (1); -> 13 Apr: 2, 7-10, 13 (6)
    CHECK(*average_time(jobs, k, april_2026, easter_2026()).value().value == rational(7, 2));

    const std::vector<repair_job> emergencies{{"E1", "P1", at(2026y / 4 / 1, 9), at(2026y / 4 / 1, 13)},
                                              {"E2", "P1", at(2026y / 4 / 1, 9), at(2026y / 4 / 1, 14, 24)}};
    k.counting = duration_count::hours;
    const auto h = average_time(emergencies, k, april_2026, easter_2026()).value();
    CHECK(*h.value == rational::parse("4.7").value());
    CHECK(display_value(k.measure, k.counting, *h.value) == "4.7 hours");

    const std::vector<repair_job> backwards{{"B1", "P1", at(2026y / 4 / 2, 9), at(2026y / 4 / 1, 9)}};
    const auto bad = average_time(backwards, k, april_2026, easter_2026());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == errc::invalid_value);
}

TEST_CASE("counts per 1000 homes and grade-based inspection shares") {
    const auto ch01 = per_thousand_homes(5, 400).value();
    CHECK(*ch01.value == rational(25, 2));
    CHECK(display_value(kpi_measure::per_thousand_homes, duration_count::hours, *ch01.value) == "12.5 per 1,000 homes");
    CHECK_FALSE(per_thousand_homes(0, 0).value().value.has_value());
    CHECK(per_thousand_homes(-1, 10).error().code() == errc::invalid_value);

    kpi_definition k;
    k.id = "KPI3";
    k.title = "Block inspections graded A or B";
    k.measure = kpi_measure::acceptable_share;
    k.grades = grade_scheme{"EPA litter grades", {"A", "B", "C", "D"}, {"A", "B"}};
    const std::vector<std::string> grades{"A", "B", "B", "C"};
    const auto v = acceptable_share(grades, k).value();
    CHECK(*v.value == rational(75));
    CHECK(v.basis == "3 of 4 inspections graded acceptable");
    const std::vector<std::string> wrong{"A", "E"};
    CHECK(acceptable_share(wrong, k).error().message() == "grade 'E' is not a grade of the EPA litter grades scheme");
    k.grades.reset();
    CHECK(acceptable_share(grades, k).error().code() == errc::missing_key);
}

TEST_CASE("ratings use the bands and the target in force at the start of the period") {
    const kpi_definition k = on_time_kpi();
    CHECK(target_on(k, 2026y / 3 / 31).value() == rational(92));
    CHECK(target_on(k, 2026y / 4 / 1).value() == rational(95));
    CHECK(target_on(k, 2025y / 3 / 31).error().code() == errc::not_found);

    const auto rate = [&](std::int64_t on_time) {
        return assess(k, kpi_value{on_time, 500, rational(on_time * 100, 500), ""}, april_2026).value();
    };
    const auto a = rate(456);  // 91.2%
    CHECK(a.outcome == rating::requires_improvement);
    CHECK(*a.shortfall == rational::parse("3.8").value());
    CHECK(a.sentence == "Repairs completed on time: 91.2% against a target of 95% — requires improvement.");
    CHECK(rate(475).outcome == rating::good);
    CHECK(rate(490).outcome == rating::good);
    CHECK(*rate(490).shortfall == rational(0));
    CHECK(rate(460).outcome == rating::approaching_target);  // 92%: exactly 3 points short
    CHECK(rate(425).outcome == rating::requires_improvement);  // 85%: exactly 10 short
    CHECK(rate(424).outcome == rating::inadequate);

    const auto none = assess(k, kpi_value{0, 0, std::nullopt, "0 of 0 jobs completed on time"}, april_2026).value();
    CHECK(none.outcome == rating::other);
    CHECK(none.sentence ==
          "Repairs completed on time: no figure for the period (0 of 0 jobs completed on time) against a target of "
          "95% — not rated.");

    kpi_definition voids = k;
    voids.title = "Standard void turnaround";
    voids.measure = kpi_measure::average_time;
    voids.better = direction::lower_is_better;
    voids.targets = {{2025y / 4 / 1, rational(10)}};
    const auto slow = assess(voids, kpi_value{120, 10, rational(12), ""}, april_2026).value();
    CHECK(slow.outcome == rating::approaching_target);
    CHECK(slow.sentence == "Standard void turnaround: 12 days against a target of 10 days — approaching target.");
}
