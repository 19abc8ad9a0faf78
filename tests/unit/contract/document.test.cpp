// Contract and tender files: the Riverside examples load with their values, and every error of the readers names
// its file, line, column and key path.
#include <tmo/contract/document.hpp>

#include "../expected_error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

namespace {

const std::string examples = std::string(TMO_SOURCE_DIR) + "/examples/data/contracts/";

// A small valid contract; the tests below break one thing in it. Lines 1-27.
constexpr std::string_view valid = R"([contract]
reference = "C-1"
title = "Cleaning"
kind = "services"

[[parties]]
id = "GB-COH-1"
name = "Buyer"
roles = ["buyer"]

[term]
start = 2025-04-01
end = 2026-03-31

[[prices]]
code = "FEE"
basis = "periodic_fee"
unit_price = "100.00"
vat = "standard"

[[priorities]]
code = "P1"
target = { amount = 24, unit = "hours" }

[[kpis]]
id = "K1"
title = "On time"
measure = "on_time_share"
targets = [{ from = 2025-04-01, value = "95" }]
)";

std::string with(std::string_view from, std::string_view to) { return tmo_test::replaced(valid, from, to); }

std::string plus(std::string_view extra) { return std::string(valid) + std::string(extra); }

using tmo_test::check_error;
using tmo_test::expected_error;

void contract_error(const std::string& text, const expected_error& want) {
    CAPTURE(text);
    check_error(parse_contract(text, "c.toml"), want, "c.toml");
}

}  // namespace

TEST_CASE("the Riverside cleaning contract loads with its values") {
    const auto d = load_contract(examples + "riverside_cleaning.toml").value();
    const service_contract& c = d.contract;
    CHECK(c.reference == "RTMO-CLN-2025");
    CHECK(c.kind == contract_kind::services);
    CHECK(c.scope.size() == 2);
    REQUIRE(c.parties.size() == 2);
    CHECK(c.parties[1].roles == std::vector<party_role>{party_role::supplier, party_role::payee});
    CHECK(c.term.start == 2025y / 4 / 1);
    CHECK(max_extent(c.term) == 2030y / 3 / 31);
    CHECK(c.term.break_dates == std::vector<date>{2026y / 9 / 30});
    REQUIRE(c.prices.size() == 1);
    CHECK(c.prices[0].unit_price == money::from_pence(480000));
    CHECK(d.vat_rates.at(0).percent == rational(20));
    CHECK(d.bank_holidays.size() == 10);
    REQUIRE(c.kpis.size() == 2);
    CHECK(c.kpis[0].grades->acceptable == std::vector<std::string>{"A", "B"});
    CHECK(std::get<tiered_rule>(c.credits[0].rule).tiers[1].credit_percent == rational(3));
    CHECK(std::get<shortfall_rule>(c.credits[1].rule).percent_per_point == rational(1));
    CHECK(*c.caps.monthly_percent == rational(10));
    CHECK(d.history.state == contract_state::active);
    CHECK(d.inspections.size() == 2224);
    CHECK(d.ocds->ocid == "ocds-xxxxxx-RTMO-CLN-2025");
}

TEST_CASE("the management agreement links to its continuation ballot") {
    const auto d = load_contract(examples + "riverside_management_agreement.toml").value();
    CHECK(d.contract.kind == contract_kind::management_agreement);
    CHECK(d.continuation->ballot == "continuation");
    CHECK(continuation_due(*d.continuation) == 2031y / 2 / 12);
    CHECK(d.history.state == contract_state::renewed);
    CHECK(d.history.current_end == 2031y / 3 / 31);
    CHECK(state_on(d.history, 2023y / 9 / 1) == contract_state::under_supervision);
    CHECK(d.readings.size() == 24);
    CHECK(d.jobs.size() == 592);
}

TEST_CASE("the cleaning tender loads with its sheets and moderation") {
    const auto t = load_tender(examples + "riverside_cleaning_tender.toml").value();
    CHECK(t.model.criteria.size() == 3);
    CHECK(t.model.criteria[2].resident_panel);
    CHECK(t.bids.size() == 3);
    CHECK(t.marks.size() == 15);
    CHECK(t.marks[4].comment == "clear schedule, little on checks");
    REQUIRE(t.moderation.size() == 1);
    CHECK(t.moderation[0].score == rational(3));
}

TEST_CASE("contract syntax, size and unknown keys are located") {
    contract_error(with("kind = \"services\"", "kind = "),
                   {errc::syntax, 4, 8, "", ""});
    contract_error(with("[contract]", "[contract]\nnote = \"\x01\""), {errc::syntax, 2, 9, "", "control character U+0001 is not allowed in TOML"});
    contract_error(std::string(max_contract_bytes + 1, '#'),
                   {errc::too_large, 1, 262145, "",
                    "the contract file is larger than 262144 bytes, the most accepted; the text from here on is over "
                    "the limit"});
    contract_error(with("[term]", "[.term]"), {errc::syntax, 11, 2, "", "expected a table name after '[', such as [contract]"});
    contract_error(with("title = \"Cleaning\"", "title = \"Cleaning\"\ncolour = \"red\""),
                   {errc::unknown_key, 4, 1, "contract.colour",
                    "unknown key 'colour' in [contract]; expected one of: reference, title, kind, scope"});
}

TEST_CASE("contract values of the wrong type or not allowed are located") {
    contract_error(with("reference = \"C-1\"\n", ""),
                   {errc::missing_key, 1, 1, "contract.reference", "missing key 'reference' in [contract]"});
    contract_error(with("kind = \"services\"", "kind = \"cleaning\""),
                   {errc::invalid_value, 4, 8, "contract.kind",
                    "unknown contract kind \"cleaning\"; expected one of: \"management_agreement\", \"works\", \"services\""});
    contract_error(with("unit_price = \"100.00\"", "unit_price = 100"),
                   {errc::wrong_type, 18, 14, "prices[0].unit_price",
                    "write an amount of money as a string with pence, such as \"4800.00\", so that it is exact"});
    contract_error(with("unit_price = \"100.00\"", "unit_price = \"100.001\""),
                   {errc::inexact, 18, 14, "prices[0].unit_price", ""});
    contract_error(with("value = \"95\"", "value = 95.5"),
                   {errc::wrong_type, 29, 41, "kpis[0].targets[0].value",
                    "a TOML float is not exact: write the fraction as a string such as \"2/3\" or \"66.67%\""});
    contract_error(with("end = 2026-03-31", "end = \"31/03/2026\""), {errc::syntax, 13, 7, "term.end", ""});
    contract_error(with("end = 2026-03-31", "end = 2025-03-31"),
                   {errc::invalid_value, 13, 7, "term.end", "the term ends before it starts (2025-04-01)"});
    contract_error(with("amount = 24", "amount = -1"),
                   {errc::invalid_value, 23, 21, "priorities[0].target.amount",
                    "expected a whole number from 0 to 100000, found -1"});
    contract_error(with("roles = [\"buyer\"]", "roles = []"),
                   {errc::invalid_value, 9, 9, "parties[0].roles", "a party needs at least one role"});
    contract_error(with("[[prices]]", "[prices]"),
                   {errc::wrong_type, 15, 1, "prices", "expected an array of tables, written [[prices]], found a table"});
}

TEST_CASE("contract references and duplicates are checked") {
    contract_error(plus("priorities = [\"P9\"]\n"),
                   {errc::not_found, 30, 15, "kpis[0].priorities[0]", "priority 'P9' is not defined in [[priorities]]"});
    contract_error(plus("\n[[credits]]\nkpi = \"K9\"\npercent_per_point = \"1\"\n"),
                   {errc::not_found, 32, 7, "credits[0].kpi", "KPI 'K9' is not defined in [[kpis]]"});
    contract_error(plus("\n[[credits]]\nkpi = \"K1\"\n"),
                   {errc::invalid_value, 31, 1, "credits[0]",
                    "a credit term has either percent_per_point (a shortfall rule) or tiers (a tiered rule)"});
    contract_error(plus("\n[[kpis]]\nid = \"K1\"\ntitle = \"Again\"\nmeasure = \"reading\"\ntargets = [{ from = 2025-04-01, value = \"1\" }]\n"),
                   {errc::invalid_value, 32, 6, "kpis[1].id", "id 'K1' is defined twice"});
    contract_error(plus("\n[[kpis]]\nid = \"K2\"\ntitle = \"Per home\"\nmeasure = \"per_thousand_homes\"\ntargets = [{ from = 2025-04-01, value = \"1\" }]\n"),
                   {errc::missing_key, 34, 11, "kpis[1].measure", "KPI K2 is per 1,000 homes: set homes in [settings]"});
    contract_error(plus("\n[[kpis]]\nid = \"K2\"\ntitle = \"Clean\"\nmeasure = \"acceptable_share\"\ntargets = [{ from = 2025-04-01, value = \"1\" }]\n"),
                   {errc::missing_key, 31, 1, "kpis[1].grades", ""});
    contract_error(plus("\n[continuation]\nballot = \"continuation\"\nlast_held = 2026-02-12\nevery_months = 60\n"),
                   {errc::invalid_value, 31, 1, "continuation", "only a management agreement has a continuation ballot"});
}

TEST_CASE("lifecycle events that their guards refuse are located") {
    contract_error(plus("\n[[events]]\non = 2025-03-01\naction = \"start\"\n"),
                   {errc::invalid_value, 31, 1, "events[0]",
                    "event 1 (start on 2025-03-01): a contract cannot start when it is draft"});
    contract_error(plus("\n[[events]]\non = 2025-01-01\naction = \"award\"\n\n[[events]]\non = 2025-03-01\naction = \"start\"\n"),
                   {errc::invalid_value, 35, 1, "events[1]",
                    "event 2 (start on 2025-03-01): the term starts on 2025-04-01, after this date"});
}

TEST_CASE("tender files: errors are located") {
    constexpr std::string_view tender = R"([tender]
reference = "T-1"
title = "Cleaning"
formula = "relative_to_lowest"

[[criteria]]
id = "Q1"
title = "Method"
weight = "60"

[[bids]]
bidder = "A Ltd"
price = "100.00"
)";
    const auto ok = parse_tender(tender, "c.toml");
    REQUIRE(ok.has_value());
    CHECK(ok->model.price_weight == rational(40));
    const auto tender_error = [&](std::string_view extra, const expected_error& want) {
        check_error(parse_tender(std::string(tender) + std::string(extra), "c.toml"), want, "c.toml");
    };
    tender_error("\n[[sheets]]\nevaluator = \"E\"\nbidder = \"B Ltd\"\nscores = { Q1 = 3 }\n",
                 {errc::not_found, 17, 10, "sheets[0].bidder", "bidder 'B Ltd' has no bid in [[bids]]"});
    tender_error("\n[[sheets]]\nevaluator = \"E\"\nbidder = \"A Ltd\"\nscores = { Q9 = 3 }\n",
                 {errc::not_found, 18, 12, "sheets[0].scores.Q9", "criterion 'Q9' is not defined in [[criteria]]"});
    tender_error("\n[[sheets]]\nevaluator = \"E\"\nbidder = \"A Ltd\"\nscores = { Q1 = 3 }\ncomments = { Q2 = \"x\" }\n",
                 {errc::unknown_key, 19, 14, "sheets[0].comments.Q2",
                  "a comment on 'Q2', which this sheet does not score"});
    tender_error("\n[[moderation]]\ncriterion = \"Q1\"\nbidder = \"A Ltd\"\nscore = 3\n",
                 {errc::missing_key, 15, 1, "moderation[0].rationale",
                  "missing key 'rationale' in [moderation[0]]; record why the panel agreed this score"});
    tender_error("\n[[bids]]\nbidder = \"A Ltd\"\nprice = \"90.00\"\n",
                 {errc::invalid_value, 16, 10, "bids[1].bidder", "bidder 'A Ltd' has two bids"});
    check_error(parse_tender(tmo_test::replaced(tender, "relative_to_lowest", "benchmark"), "c.toml"),
                {errc::missing_key, 1, 1, "tender.benchmark_price",
                 "missing key 'benchmark_price' in [tender]: the benchmark formula needs it"},
                "c.toml");
}

TEST_CASE("a management agreement's [allowance] is read and reviewed (governance.md §4.4)") {
    const auto d = load_contract(std::string(TMO_SOURCE_DIR) + "/tests/data/contracts/allowance_agreement.toml").value();
    REQUIRE(d.allowance);
    const allowance_terms& a = *d.allowance;
    CHECK(a.year == "2026/27");
    CHECK(a.council_stock == 13058);
    CHECK(a.tmo_homes == 39);
    CHECK(a.current == money::from_pence(250000));
    CHECK(a.index->percent == rational(2));
    CHECK(a.phasing->threshold_percent == rational(5));
    CHECK_FALSE(a.phasing->inclusive);
    CHECK(a.phasing->years == 3);
    CHECK(a.committee->per_home == money::from_pence(1000));
    REQUIRE(a.headings.size() == 1);
    CHECK(a.headings[0].council_spend == money::from_pence(100000000));

    const allowance_review review = review_allowance(a).value();
    CHECK(review.computed.lines[0].amount == money::from_pence(298667));  // 1,000,000 × 39 / 13,058
    CHECK(review.computed.lines[1].amount == money::from_pence(539000));  // 5,000 + 10 × 39
    CHECK(review.computed.total == money::from_pence(837667));
    CHECK(review.indexed->after == money::from_pence(255000));  // 2,500 × 1.02
    // From 2,550.00 to 8,376.67 in thirds of 5,826.67: 4,492.22 (4,492.223...), 6,434.45 (6,434.446...), 8,376.67.
    CHECK(review.phased->years ==
          std::vector<money>{money::from_pence(449222), money::from_pence(643445), money::from_pence(837667)});
    CHECK(review.payable == money::from_pence(449222));
}

TEST_CASE("[allowance] errors are located") {
    const std::string ma = with("kind = \"services\"", "kind = \"management_agreement\"");
    const auto allowance = [&](std::string_view body) { return ma + "[allowance]\n" + std::string(body); };
    // The valid contract is 29 lines: [allowance] is line 30, its first key line 31.
    contract_error(plus("[allowance]\ncouncil_stock = 100\ntmo_homes = 10\ncurrent = \"1.00\"\n"),
                   {errc::invalid_value, 30, 1, "allowance", "only a management agreement has an [allowance]"});
    contract_error(allowance("council_stock = 100\ntmo_homes = 200\n"),
                   {errc::invalid_value, 32, 13, "allowance.tmo_homes",
                    "the TMO's 200 homes are more than the stock of 100"});
    contract_error(allowance("council_stock = 0\ntmo_homes = 0\n"),
                   {errc::invalid_value, 31, 17, "allowance.council_stock", ""});
    contract_error(allowance("council_stock = 100\ntmo_homes = 10\n"),
                   {errc::missing_key, 30, 1, "allowance",
                    "an [allowance] needs [[allowance.headings]], a committee formula or a current allowance"});
    contract_error(allowance("council_stock = 100\ntmo_homes = 10\nphasing = { threshold_percent = \"5\", years = 3 }\n"),
                   {errc::missing_key, 30, 1, "allowance.current",
                    "missing key 'current' in [allowance]: phasing starts from the current allowance"});
    contract_error(allowance("council_stock = 100\ntmo_homes = 10\ncurrent = \"1.00\"\n"
                             "phasing = { threshold_percent = \"5\", years = 3, steps = [\"1/2\", \"1/4\", \"1\"] }\n"),
                   {errc::invalid_value, 34, 65, "allowance.phasing.steps[1]", ""});
    contract_error(allowance("council_stock = 100\ntmo_homes = 10\n[[allowance.headings]]\nname = \"Repairs\"\n"
                             "spend = \"100.005\"\n"),
                   {errc::inexact, 35, 9, "allowance.headings[0].spend", ""});
    contract_error(allowance("council_stock = 100\ntmo_homes = 10\n[[allowance.headings]]\nname = \"Repairs\"\n"
                             "spend = \"100.00\"\nhomes = 101\n"),
                   {errc::invalid_value, 36, 9, "allowance.headings[0].homes",
                    "the TMO's 101 homes are more than the stock of 100"});
    contract_error(allowance("council_stock = 100\ntmo_homes = 10\ncommittee = { fixed = 5000 }\n"),
                   {errc::wrong_type, 33, 23, "allowance.committee.fixed", ""});
}

TEST_CASE("a performance-points regime is read from [points] (contracts.md §4.3)") {
    const auto d = load_contract(std::string(TMO_SOURCE_DIR) + "/tests/data/contracts/points_grounds.toml").value();
    REQUIRE(d.contract.points);
    const points_regime& p = *d.contract.points;
    CHECK(p.threshold == rational(5));
    CHECK(p.value_per_point == money::from_pence(2500));
    CHECK(p.cap_percent == rational(20));
    CHECK(p.repeat_multipliers == std::vector<rational>{rational(1), rational(3, 2), rational(2)});
    REQUIRE(p.categories.size() == 2);
    CHECK(p.categories[0].code == "missed_cut");
    CHECK(p.categories[0].points == rational(2));
    CHECK(p.categories[0].rectification.amount == 2);
    CHECK(p.categories[0].rectification.unit == time_unit::working_days);
    CHECK(p.categories[1].rectification.unit == time_unit::hours);
}

TEST_CASE("[points] errors are located") {
    const std::string head = "[points]\nthreshold = \"5\"\nvalue_per_point = \"25.00\"\n";
    const std::string cut = "[[points.categories]]\ncode = \"cut\"\npoints = \"2\"\n"
                            "rectification = { amount = 2, unit = \"working_days\" }\n";
    contract_error(plus(head), {errc::missing_key, 30, 1, "points.categories",
                                "missing key 'categories' in [points]; add the failure kinds as [[points.categories]] tables"});
    contract_error(plus(head + "repeat_multipliers = [\"1\", \"-2\"]\n" + cut),
                   {errc::invalid_value, 33, 28, "points.repeat_multipliers[1]", "a multiplier cannot be negative"});
    contract_error(plus(head + "cap_percent = \"120\"\n" + cut),
                   {errc::invalid_value, 33, 15, "points.cap_percent", "a cap is a percentage from 0 to 100"});
    contract_error(plus(head + "[[points.categories]]\ncode = \"cut\"\npoints = \"2\"\n"),
                   {errc::missing_key, 33, 1, "points.categories[0].rectification", ""});
    contract_error(plus(head + cut + cut), {errc::invalid_value, 38, 8, "points.categories[1].code",
                                            "code 'cut' is defined twice"});
    contract_error(plus(head + "[[points.categories]]\ncode = \"cut\"\npoints = \"2\"\nrectification = { amount = 2, unit = \"weeks\" }\n"),
                   {errc::invalid_value, 36, 38, "points.categories[0].rectification.unit", ""});
    // A failures file is data for a points regime only.
    contract_error(plus("[data]\nfailures = \"f.csv\"\n"),
                   {errc::invalid_value, 31, 12, "data.failures",
                    "a failures file is scored by a performance-points regime: add [points]"});
}
