#include <tmo/contract/credits.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

namespace {

const period april_2026{2026y / 4 / 1, 2026y / 4 / 30};

money pounds(const char* text) { return money::parse(text).value(); }
rational exact(const char* text) { return rational::parse(text).value(); }

kpi_definition percent_kpi(std::string id, std::string title, const char* target) {
    kpi_definition k;
    k.id = std::move(id);
    k.title = std::move(title);
    k.measure = kpi_measure::acceptable_share;
    k.targets = {{2025y / 4 / 1, exact(target)}};
    return k;
}

kpi_assessment assessed(const kpi_definition& k, const char* value) {
    return assess(k, kpi_value{0, 1, exact(value), ""}, april_2026).value();
}

}  // namespace

TEST_CASE("CCS percentage-point shortfall: target 98% and actual 75% give a 23% credit") {
    const auto k = percent_kpi("SL1", "Service availability", "98");
    const std::vector<kpi_assessment> a{assessed(k, "75")};
    const std::vector<credit_term> terms{{"SL1", shortfall_rule{}, std::nullopt}};
    const auto out = service_credits(a, terms, pounds("10000.00"), {}, {}, rounding::half_up).value();
    CHECK(out.kpis.at(0).percent == rational(23));
    CHECK(out.credit == pounds("2300.00"));
}

TEST_CASE("cleaning contract worked example: £168.00 linear - £96.00 tiered - cap £480.00 - net £4704.00") {
    const auto k = percent_kpi("KPI3", "Block inspections graded A or B", "95");
    const std::vector<kpi_assessment> a{assessed(k, "91.5")};
    CHECK(a[0].outcome == rating::requires_improvement);
    const money fee = pounds("4800.00");
    const credit_caps caps{rational(10), std::nullopt};

    const std::vector<credit_term> linear{{"KPI3", shortfall_rule{}, std::nullopt}};
    const auto ccs = service_credits(a, linear, fee, caps, {}, rounding::half_up).value();
    CHECK(ccs.credit == pounds("168.00"));
    CHECK(ccs.kpis[0].rule == "shortfall of 3.5 points × 1% per point");

    const std::vector<credit_term> tiered{
        {"KPI3", tiered_rule{{{rational(95), rational(2)}, {rational(90), rational(3)}}}, std::nullopt}};
    const auto accord = service_credits(a, tiered, fee, caps, {}, rounding::half_up).value();
    CHECK(accord.credit == pounds("96.00"));
    CHECK(*accord.monthly_cap == rational(480));
    CHECK(accord.kpis[0].rule == "tier: below 95 -> 2%");
    CHECK(accord.kpis[0].sentence ==
          "Block inspections graded A or B: 91.5% against a target of 95% — requires improvement; service credit "
          "£96.00.");
    CHECK(accord.sentence == "Service credit £96.00 on a fee of £4,800.00; within the monthly cap of £480.00.");
    CHECK(fee - accord.credit == pounds("4704.00"));
}

TEST_CASE("the issue's sentence: 91.2% against 95% with a £1250.00 credit") {
    auto k = percent_kpi("KPI1", "Repairs completed on time", "95");
    k.measure = kpi_measure::on_time_share;
    const std::vector<kpi_assessment> a{assessed(k, "91.2")};
    const std::vector<credit_term> terms{{"KPI1", tiered_rule{{{rational(95), rational(5)}}}, std::nullopt}};
    const auto out = service_credits(a, terms, pounds("25000.00"), {}, {}, rounding::half_up).value();
    CHECK(out.kpis[0].sentence ==
          "Repairs completed on time: 91.2% against a target of 95% — requires improvement; service credit "
          "£1,250.00.");
}

TEST_CASE("Accord SLA test vectors: charge 10 at service levels 100 / 99.7 / 97 gives 0 / 0.20 / 0.30") {
    const auto k = percent_kpi("AV", "Availability", "99.8");
    const std::vector<credit_term> terms{
        {"AV", tiered_rule{{{exact("99.8"), rational(2)}, {exact("98.0"), rational(3)}}}, std::nullopt}};
    const credit_caps caps{rational(10), rational(10)};
    const auto credit_at = [&](const char* level, credit_history history = {}) {
        const std::vector<kpi_assessment> a{assessed(k, level)};
        return service_credits(a, terms, pounds("10"), caps, history, rounding::half_up).value();
    };
    CHECK(credit_at("100").credit == pounds("0"));
    CHECK(credit_at("99.7").credit == pounds("0.20"));
    CHECK(credit_at("97").credit == pounds("0.30"));
    // Rolling-annual cap: 10% of (110.00 + 10.00) less 11.85 already credited leaves 0.15.
    const auto capped = credit_at("97", {pounds("110.00"), pounds("11.85")});
    CHECK(capped.credit == pounds("0.15"));
    CHECK(*capped.annual_cap == exact("0.15"));
    CHECK(capped.sentence == "Service credit £0.15 on a fee of £10.00 (£0.30 before caps); within the monthly cap of "
                             "£1.00; limited by the 12-month cap, which leaves £0.15.");
    // Already over the annual cap: never a negative credit.
    CHECK(credit_at("97", {pounds("110.00"), pounds("12.50")}).credit == pounds("0"));
}

TEST_CASE("credits are summed exactly and rounded once") {
    const auto k1 = percent_kpi("A", "First", "95");
    const auto k2 = percent_kpi("B", "Second", "95");
    const std::vector<kpi_assessment> a{assessed(k1, "94.5"), assessed(k2, "94.5")};
    const std::vector<credit_term> terms{{"A", shortfall_rule{}, std::nullopt}, {"B", shortfall_rule{}, std::nullopt}};
    // Each is half a penny (0.5% of £1.00); rounded separately they would make 2p.
    const auto out = service_credits(a, terms, pounds("1.00"), {}, {}, rounding::half_up).value();
    CHECK(out.uncapped == exact("0.01"));
    CHECK(out.credit == pounds("0.01"));
    CHECK(out.kpis[0].sentence.ends_with("service credit about £0.01."));

    const auto inexact = service_credits(std::vector<kpi_assessment>{a[0]},
                                         std::vector<credit_term>{terms[0]}, pounds("1.00"), {}, {}, rounding::never);
    CHECK(inexact.error().code() == errc::inexact);
    const auto missing = service_credits({}, terms, pounds("1.00"), {}, {}, rounding::half_up);
    CHECK(missing.error().message() == "no assessment of KPI A for its credit term");
    const std::vector<credit_term> empty_tiers{{"A", tiered_rule{}, std::nullopt}};
    CHECK(service_credits(a, empty_tiers, pounds("1.00"), {}, {}, rounding::half_up).error().code() ==
          errc::invalid_value);
}

TEST_CASE("performance points with rectification - location weight - repeat multipliers - threshold and cap") {
    const points_regime regime{
        {{"missed_clean", "Scheduled block clean not done", rational(2),
          {1, time_unit::working_days, day_one::day_after}},
         {"graffiti", "Offensive graffiti not removed", rational(5), {24, time_unit::hours, day_one::day_after}}},
        {rational(1), exact("1.5"), rational(2)},
        rational(10),
        pounds("20.00"),
        rational(20)};
    const std::vector<failure_event> events{
        {"F1", "missed_clean", "Block A", rational(1), at(2026y / 4 / 13, 9), at(2026y / 4 / 14, 10), std::nullopt},
        {"F2", "missed_clean", "Block A", rational(1), at(2026y / 4 / 15, 9), std::nullopt, std::nullopt},
        {"F4", "missed_clean", "Block A", rational(1), at(2026y / 4 / 17, 9), std::nullopt, std::nullopt},
        {"F3", "missed_clean", "Block A", rational(1), at(2026y / 4 / 16, 9), at(2026y / 4 / 20, 10), std::nullopt},
        {"F5", "graffiti", "Block B", rational(2), at(2026y / 4 / 13, 10), at(2026y / 4 / 14, 11), std::nullopt},
        {"F6", "graffiti", "Block C", rational(1), at(2026y / 4 / 13, 10), std::nullopt,
         "client default: the council refused access"},
        {"F7", "missed_clean", "Block B", rational(1), at(2026y / 4 / 15, 9), std::nullopt, std::nullopt},
    };
    const working_calendar cal;
    const auto out = score_points(events, regime, pounds("4800.00"), cal, rounding::half_up).value();
    CHECK_FALSE(out.failures[0].counted);
    CHECK(out.failures[0].sentence ==
          "F1 (Scheduled block clean not done at Block A): put right within 1 working day, not counted.");
    CHECK(out.failures[1].points == rational(2));
    CHECK(out.failures[2].points == rational(4));  // F4: 3rd at Block A
    CHECK(out.failures[3].sentence ==
          "F3 (Scheduled block clean not done at Block A): not put right within 1 working day; 2nd at this location, "
          "2 points × 1.5 = 3 points.");
    CHECK(out.failures[4].points == rational(10));  // 5 × weight 2, 25 hours
    CHECK_FALSE(out.failures[5].counted);
    CHECK(out.failures[5].sentence ==
          "F6 (Offensive graffiti not removed at Block C): not counted — client default: the council refused access.");
    CHECK(out.failures[6].points == rational(2));  // 1st at Block B
    CHECK(out.points == rational(21));
    CHECK(out.chargeable == rational(11));
    CHECK(out.deduction == pounds("220.00"));
    CHECK(out.sentence == "21 performance points against a threshold of 10: 11 chargeable at £20.00 a point, "
                          "deduction £220.00.");

    points_regime tight = regime;
    tight.cap_percent = rational(4);
    const auto capped = score_points(events, tight, pounds("4800.00"), cal, rounding::half_up).value();
    CHECK(capped.deduction == pounds("192.00"));

    std::vector<failure_event> unknown{events[0]};
    unknown[0].category = "litter";
    CHECK(score_points(unknown, regime, pounds("1"), cal, rounding::half_up).error().code() == errc::not_found);
}
