#include <tmo/contract/statutory.hpp>

#include <doctest/doctest.h>

#include <vector>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

TEST_CASE("Right to Repair compensation: 12 days is £34.00 and 25 days is capped at £50.00") {
    const compensation_scale scale = right_to_repair_england_1994();
    CHECK(scale.base == money::from_pounds(10));
    CHECK(scale.per_day == money::from_pounds(2));
    CHECK(scale.maximum == money::from_pounds(50));
    CHECK(scale.source.find("SI 1994/133") != std::string::npos);

    const auto twelve = compensation_due(scale, 12).value();
    CHECK(twelve.amount == money::from_pounds(34));
    CHECK_FALSE(twelve.capped);
    CHECK(twelve.sentence == "Compensation £34.00: £10.00 plus £2.00 for each of 12 days outstanding.");

    const auto twenty_five = compensation_due(scale, 25).value();
    CHECK(twenty_five.uncapped == money::from_pounds(60));
    CHECK(twenty_five.amount == money::from_pounds(50));
    CHECK(twenty_five.sentence == "Compensation £50.00: £10.00 plus £2.00 for each of 25 days outstanding (£60.00), "
                                  "limited to the maximum of £50.00.");
    CHECK(compensation_due(scale, 0).value().amount == money::from_pounds(10));
    CHECK(compensation_due(scale, -1).error().code() == errc::invalid_value);
}

TEST_CASE("Awaab's Law clocks given as data: met - breached - running") {
    // The timescales are test data from contracts.md §3.4 (secondary sources), as a caller would load them.
    const std::string source = "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 [V2]";
    const date in_force = 2025y / 10 / 27;
    const std::vector<statutory_clock> clocks{
        {"awaab.emergency", "investigate and make safe an emergency hazard", "emergency_reported", "made_safe",
         {24, time_unit::hours, day_one::day_after}, source, in_force},
        {"awaab.investigate", "investigate a significant damp and mould hazard", "reported", "investigated",
         {10, time_unit::working_days, day_one::day_after}, source, in_force},
        {"awaab.summary", "send the tenant a written summary", "investigated", "summary_sent",
         {3, time_unit::working_days, day_one::day_after}, source, in_force},
        {"awaab.safety", "complete safety work", "investigated", "safety_work_done",
         {5, time_unit::working_days, day_one::day_after}, source, in_force},
    };
    const std::vector<case_record> cases{
        {"H-0", {{"reported", at(2025y / 10 / 20, 9)}}},  // before the law: not checked
        {"H-1",
         {{"reported", at(2025y / 11 / 3, 9)},
          {"investigated", at(2025y / 11 / 12, 10)},
          {"summary_sent", at(2025y / 11 / 18, 9)}}},
        {"H-2", {{"emergency_reported", at(2025y / 11 / 20, 22)}, {"made_safe", at(2025y / 11 / 21, 21)}}},
        {"H-3", {{"reported", at(2025y / 11 / 19, 9)}}},
    };
    const auto checks = check_clocks(cases, clocks, working_calendar{}, at(2025y / 11 / 20, 9));
    REQUIRE(checks.size() == 5);
    CHECK(checks[0].clock_id == "awaab.investigate");
    CHECK(checks[0].status == clock_status::met);
    CHECK(checks[0].latest == at(2025y / 11 / 17, 23, 59));
    CHECK(checks[1].status == clock_status::breached);  // summary 18 Nov, due by 17 Nov
    CHECK(checks[1].sentence == "H-1: send the tenant a written summary within 3 working days of investigated — "
                                "breached: due by 2025-11-17 23:59, done 2025-11-18 09:00.");
    CHECK(checks[2].status == clock_status::breached);  // safety work not done, due by 19 Nov
    CHECK(checks[2].sentence == "H-1: complete safety work within 5 working days of investigated — breached: due by "
                                "2025-11-19 23:59, not yet done.");
    CHECK(checks[3].case_reference == "H-2");
    CHECK(checks[3].status == clock_status::met);
    CHECK(checks[4].case_reference == "H-3");
    CHECK(checks[4].status == clock_status::running);
}
