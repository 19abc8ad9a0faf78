// Service-charge apportionment and the Section 20 check: the worked examples of contracts.md §7.2 (Greenwich) and
// §7.3 (largest remainder, Hyde pools, floor area, bed spaces), and a property test of the largest-remainder rule.
#include <tmo/contract/service_charge.hpp>

#include "../expected_error.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::contract;

namespace {

money gbp(const char* text) { return money::parse(text).value(); }

template <class T>
void fails(const result<T>& r, errc code, std::string_view part) {
    REQUIRE_FALSE(r.has_value());
    CAPTURE(r.error().to_string());
    CHECK(r.error().code() == code);
    CHECK(r.error().message().find(part) != std::string::npos);
}

dwelling flat(std::string ref, std::string block, std::int64_t rv, bool leaseholder = true) {
    dwelling d;
    d.reference = std::move(ref);
    d.block = std::move(block);
    d.rateable_value = rational(rv);
    d.leaseholder = leaseholder;
    return d;
}

service_cost cost(const char* heading, const char* amount, std::string block, apportion_method m,
                  share_rounding shares = share_rounding::largest_remainder) {
    return {heading, gbp(amount), std::move(block), m, shares, rounding::half_up};
}

}  // namespace

TEST_CASE("service charge: Greenwich per-dwelling rounding, estate and block pools (contracts.md §7.2)") {
    // The flat has RV 213; the estate's RV is 121,318 and its block's 3,384.
    const std::vector<dwelling> estate{flat("Flat 1", "Block A", 213), flat("Flat 2", "Block A", 3384 - 213),
                                       flat("Flat 3", "Block B", 121318 - 3384)};
    const cost_apportionment caretaking =
        apportion_service_cost(cost("Estate caretaking", "13595.71", "", apportion_method::rateable_value,
                                    share_rounding::each_dwelling),
                               estate)
            .value();
    CHECK(caretaking.total_weight == 121318);
    CHECK(caretaking.parts[0].amount == gbp("23.87"));  // 23.8702...
    CHECK(caretaking.parts[0].exact == rational(integer(1359571) * 213, integer(100) * 121318));
    CHECK(caretaking.pool == "the estate");

    const cost_apportionment repair =
        apportion_service_cost(cost("Block repair", "813.62", "Block A", apportion_method::rateable_value,
                                    share_rounding::each_dwelling),
                               estate)
            .value();
    REQUIRE(repair.parts.size() == 2);  // only block A
    CHECK(repair.total_weight == 3384);
    CHECK(repair.parts[0].amount == gbp("51.21"));  // 51.2118...
    CHECK(repair.pool == "block Block A");
    CHECK(repair.rule == "rateable value over 2 dwellings of block Block A (total weight 3,384); each share rounded half_up");
}

TEST_CASE("service charge: largest remainder (contracts.md §7.3)") {
    std::vector<dwelling> abc{flat("A", "X", 1), flat("B", "X", 1), flat("C", "X", 1)};
    const cost_apportionment equal =
        apportion_service_cost(cost("Cleaning", "1000.00", "X", apportion_method::equal), abc).value();
    CHECK(equal.parts[0].amount == gbp("333.34"));
    CHECK(equal.parts[1].amount == gbp("333.33"));
    CHECK(equal.parts[2].amount == gbp("333.33"));
    CHECK(equal.sum == gbp("1000.00"));

    const std::vector<dwelling> rv{flat("A", "X", 213), flat("B", "X", 180), flat("C", "X", 250)};
    const cost_apportionment split =
        apportion_service_cost(cost("Caretaking", "13595.71", "", apportion_method::rateable_value), rv).value();
    CHECK(split.parts[0].amount == gbp("4503.71"));
    CHECK(split.parts[1].amount == gbp("3805.95"));
    CHECK(split.parts[2].amount == gbp("5286.05"));
    CHECK(split.sum == gbp("13595.71"));
    CHECK(split.sentence ==
          "Caretaking of £13,595.71 is shared over 3 dwellings of the estate by rateable value; the shares sum to the "
          "cost.");
}

TEST_CASE("service charge: Hyde pools — estate surplus £10 each over 100 homes, block deficit £100 each over 10") {
    std::vector<dwelling> homes;
    for (int i = 0; i < 100; ++i) homes.push_back(flat("H" + std::to_string(100 + i), i < 10 ? "Oak" : "Elm", 1));
    const cost_apportionment surplus =
        apportion_service_cost(cost("Estate surplus", "-1000.00", "", apportion_method::equal), homes).value();
    REQUIRE(surplus.parts.size() == 100);
    for (const dwelling_share& s : surplus.parts) CHECK(s.amount == gbp("-10.00"));
    const cost_apportionment deficit =
        apportion_service_cost(cost("Block deficit", "1000.00", "Oak", apportion_method::equal), homes).value();
    REQUIRE(deficit.parts.size() == 10);
    for (const dwelling_share& s : deficit.parts) CHECK(s.amount == gbp("100.00"));
}

TEST_CASE("service charge: floor area 50 of 1,000 m² and bed spaces 2 of 40 are 5%; fixed percentages") {
    dwelling a, b;
    a.reference = "A";
    b.reference = "B";
    a.floor_area = rational(50);
    b.floor_area = rational(950);
    a.bed_spaces = rational(2);
    b.bed_spaces = rational(38);
    a.fixed_percent = rational::parse("12.5").value();
    b.fixed_percent = rational::parse("87.5").value();
    const std::vector<dwelling> two{a, b};
    CHECK(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::floor_area), two)->parts[0].amount ==
          gbp("100.00"));
    CHECK(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::bed_spaces), two)->parts[0].amount ==
          gbp("100.00"));
    CHECK(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::fixed_share), two)->parts[0].amount ==
          gbp("250.00"));

    std::vector<dwelling> bad = two;
    bad[1].fixed_percent = rational(80);
    fails(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::fixed_share), bad),
                errc::invalid_value, "sum to 92.5%, not 100%");
    bad = two;
    bad[1].floor_area.reset();
    fails(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::floor_area), bad),
                errc::missing_key, "dwelling 'B' has no floor area");
    bad = two;
    bad[1].floor_area = rational(-1);
    fails(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::floor_area), bad),
                errc::invalid_value, "negative floor area");
    bad = two;
    bad[1].reference = "A";
    fails(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::equal), bad), errc::invalid_value,
                "given twice");
    fails(apportion_service_cost(cost("Roof", "2000.00", "Nowhere", apportion_method::equal), two),
                errc::not_found, "no dwelling is in block Nowhere");
    bad = two;
    bad[0].floor_area = rational(0);
    bad[1].floor_area = rational(0);
    fails(apportion_service_cost(cost("Roof", "2000.00", "", apportion_method::floor_area), bad), errc::domain,
                "weight of 0");
}

TEST_CASE("service charge: Section 20 — more than £250 for works, more than £100 a year for a long-term agreement") {
    const consultation_thresholds england = section20_england().value();
    CHECK(england.works == gbp("250.00"));
    CHECK(england.long_term_per_year == gbp("100.00"));

    // £1,000.02 over four equal flats: 250.01 to the first two (largest remainder), 250.00 to the others.
    std::vector<dwelling> four{flat("Flat 1", "A", 1), flat("Flat 2", "A", 1), flat("Flat 3", "A", 1),
                               flat("Flat 4", "A", 1)};
    const cost_apportionment works =
        apportion_service_cost(cost("Roof renewal", "1000.02", "A", apportion_method::equal), four).value();
    consultation_check check = section20_check(works, four, consultation_kind::qualifying_works, england).value();
    CHECK(check.required);
    CHECK(check.over == std::vector<std::string>{"Flat 1", "Flat 2"});
    CHECK(check.sentence ==
          "Consultation is required: Flat 1 would pay £250.01, more than £250.00 for qualifying works (2 leaseholders "
          "are over); without it, each can be charged at most £250.00.");

    // The flats over the threshold are let to secure tenants: only leaseholders count, and £250.00 is not more.
    four[0].leaseholder = false;
    four[1].leaseholder = false;
    check = section20_check(works, four, consultation_kind::qualifying_works, england).value();
    CHECK_FALSE(check.required);
    CHECK(check.largest->amount == gbp("250.00"));

    // A cleaning contract of £400.01 a year over the same four: £100.01 to the first, over the £100 a year.
    const cost_apportionment cleaning =
        apportion_service_cost(cost("Cleaning contract", "400.01", "A", apportion_method::equal), four).value();
    check = section20_check(cleaning, four, consultation_kind::long_term_agreement, england).value();
    CHECK_FALSE(check.required);  // Flat 1 (100.01) is not a leaseholder; Flats 2-4 pay 100.00
    four[0].leaseholder = true;
    check = section20_check(cleaning, four, consultation_kind::long_term_agreement, england).value();
    CHECK(check.required);
    CHECK(check.threshold == gbp("100.00"));

    fails(section20_check(cleaning, std::vector<dwelling>{}, consultation_kind::qualifying_works, england),
                errc::not_found, "Flat 1");
}

TEST_CASE("service charge: consultation thresholds from TOML, with precise errors") {
    const consultation_thresholds t =
        parse_consultation_thresholds("works = \"300.00\"\nlong_term_per_year = \"120\"\nsource = \"test\"\n", "s20.toml")
            .value();
    CHECK(t.works == gbp("300.00"));
    CHECK(t.long_term_per_year == gbp("120.00"));
    using tmo_test::check_error;
    const std::string tail = "\nsource = \"x\"\n";
    check_error(parse_consultation_thresholds("works = \"250.001\"\nlong_term_per_year = \"1\"" + tail, "s.toml"),
                {errc::inexact, 1, 9, "works", ""}, "s.toml");
    check_error(parse_consultation_thresholds("works = 250.0\nlong_term_per_year = \"1\"" + tail, "s.toml"),
                {errc::wrong_type, 1, 9, "works", ""}, "s.toml");
    check_error(parse_consultation_thresholds("works = \"1\"\nlong_term_per_year = \"-1\"" + tail, "s.toml"),
                {errc::invalid_value, 2, 22, "long_term_per_year", "a threshold cannot be negative"}, "s.toml");
    fails(parse_consultation_thresholds("works = \"1\"" + tail, "s.toml"), errc::missing_key, "long_term_per_year");
    check_error(parse_consultation_thresholds("works = \"1\"\nlong_term_per_year = \"1\"" + tail + "vat = 1\n", "s.toml"),
                {errc::unknown_key, 4, 1, "vat", ""}, "s.toml");
}

TEST_CASE("service charge: property — random weights and totals sum exactly, each part within a penny of exact") {
    std::mt19937_64 gen(20261122);
    std::uniform_int_distribution<int> units(1, 40);
    std::uniform_int_distribution<std::int64_t> weight(0, 100'000);
    std::uniform_int_distribution<std::int64_t> pence(-5'000'000'00, 5'000'000'00);
    for (int round = 0; round < 300; ++round) {
        std::vector<dwelling> pool;
        const int n = units(gen);
        for (int i = 0; i < n; ++i) pool.push_back(flat("D" + std::to_string(i), "P", weight(gen)));
        pool[0].rateable_value = rational(weight(gen) + 1);  // never all zero
        service_cost c{"Random", money::from_pence(pence(gen)), "", apportion_method::rateable_value,
                       share_rounding::largest_remainder, rounding::half_up};
        const cost_apportionment out = apportion_service_cost(c, pool).value();
        CHECK(out.sum == c.amount);
        for (const dwelling_share& s : out.parts) CHECK(abs(s.amount.to_rational() - s.exact) < rational(1, 100));
    }
}
