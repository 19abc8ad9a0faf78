// The service-charge file: the example file shared out by hand (contracts.md §7.3: £13,595.71 by rateable values
// 213 / 180 / 250 gives £4,503.71 / £3,805.95 / £5,286.05), and located errors for bad input.
#include <tmo/contract/service_charge.hpp>

#include "../expected_error.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tmo;
using namespace tmo::contract;
using tmo_test::check_error;
using tmo_test::replaced;

namespace {

money gbp(const char* text) { return money::parse(text).value(); }

const std::string example = std::string(TMO_SOURCE_DIR) + "/examples/data/contracts/service_charges_2026.toml";

const char* const small = R"(title = "Test"

[[dwellings]]
id = "A"
block = "Ash"
floor_area = 50
leaseholder = true

[[dwellings]]
id = "B"
block = "Ash"
floor_area = 30

[[costs]]
name = "Lift"
amount = "10.00"
pool = "block"
block = "Ash"
method = "floor_area"
section20 = "works"
)";

}  // namespace

TEST_CASE("the example service-charge file is shared to the penny as worked by hand") {
    const result<service_charge_file> f = load_service_charges(example);
    REQUIRE(f.has_value());
    REQUIRE(f->dwellings.size() == 5);
    REQUIRE(f->costs.size() == 4);
    CHECK(f->dwellings[0].floor_area == rational(105, 2));
    const result<service_charge_statement> s = charge_services(*f, section20_england().value());
    REQUIRE(s.has_value());
    // The roof: contracts.md §7.3's worked example.
    const cost_apportionment& roof = s->costs[0];
    REQUIRE(roof.parts.size() == 3);
    CHECK(roof.parts[0].amount == gbp("4503.71"));
    CHECK(roof.parts[1].amount == gbp("3805.95"));
    CHECK(roof.parts[2].amount == gbp("5286.05"));
    CHECK(roof.sum == gbp("13595.71"));
    REQUIRE(s->checks[0].has_value());
    CHECK(s->checks[0]->required);
    CHECK(s->checks[0]->over == std::vector<std::string>{"Flat 1", "Flat 3"});  // Flat 2 is not a leaseholder
    // Barge House cleaning by floor area 60 : 40 of £1,000.00; Flat 4's £600.00 is over £100 a year.
    CHECK(s->costs[2].parts[0].amount == gbp("600.00"));
    CHECK(s->costs[2].parts[1].amount == gbp("400.00"));
    CHECK(s->checks[2]->required);
    CHECK(s->checks[2]->over == std::vector<std::string>{"Flat 4"});
    CHECK_FALSE(s->checks[1].has_value());
    // Grounds: £100.00 by bed spaces 2,2,4,3,3 (of 14): floors 14.28, 14.28, 28.57, 21.42, 21.42 leave 3p, which go
    // to the largest remainders: Flats 4 and 5 (.0086), then Flat 1 before Flat 2 (.0057 each, file order).
    const cost_apportionment& grounds = s->costs[3];
    CHECK(grounds.parts[0].amount == gbp("14.29"));
    CHECK(grounds.parts[1].amount == gbp("14.28"));
    CHECK(grounds.parts[2].amount == gbp("28.57"));
    CHECK(grounds.parts[3].amount == gbp("21.43"));
    CHECK(grounds.parts[4].amount == gbp("21.43"));
    // Per dwelling: roof + £200.00 caretaking (£1,000.00 equally over 5) + cleaning + grounds.
    CHECK(s->totals[0].amount == gbp("4718.00"));
    CHECK(s->totals[1].amount == gbp("4020.23"));
    CHECK(s->totals[2].amount == gbp("5514.62"));
    CHECK(s->totals[3].amount == gbp("821.43"));
    CHECK(s->totals[4].amount == gbp("621.43"));
    CHECK(s->total == gbp("15695.71"));
    CHECK(s->charged == gbp("15695.71"));
    CHECK(s->sentence ==
          "4 costs totalling £15,695.71 are charged to 5 dwellings for £15,695.71; 2 of them need Section 20 "
          "consultation.");
}

TEST_CASE("a service-charge file reads each key") {
    const result<service_charge_file> f = parse_service_charges(small, "s.toml");
    REQUIRE(f.has_value());
    CHECK(f->title == "Test");
    CHECK(f->dwellings[0].leaseholder);
    CHECK_FALSE(f->dwellings[1].leaseholder);
    CHECK_FALSE(f->dwellings[1].bed_spaces.has_value());
    CHECK(f->costs[0].cost.block == "Ash");
    CHECK(f->costs[0].cost.shares == share_rounding::largest_remainder);
    CHECK(f->costs[0].section20 == consultation_kind::qualifying_works);
    const result<service_charge_file> g =
        parse_service_charges(replaced(small, "section20 = \"works\"", "rounding = \"half_even\""), "s.toml");
    REQUIRE(g.has_value());
    CHECK(g->costs[0].cost.shares == share_rounding::each_dwelling);
    CHECK(g->costs[0].cost.mode == rounding::half_even);
    CHECK_FALSE(g->costs[0].section20.has_value());
    // £10.00 by 50 : 30 rounded half_even on its own: 6.25 → 6.25 and 3.75 → 3.75, summing to the cost.
    const result<service_charge_statement> s = charge_services(*g, section20_england().value());
    REQUIRE(s.has_value());
    CHECK(s->costs[0].parts[0].amount == gbp("6.25"));
    CHECK(s->costs[0].parts[1].amount == gbp("3.75"));
}

TEST_CASE("a bad service-charge file is refused with its place") {
    check_error(parse_service_charges(replaced(small, "floor_area = 30", "floor_area = 30.5"), "s.toml"),
                {errc::wrong_type, 12, 14, "dwellings[1].floor_area", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "floor_area = 30", "floor_area = \"-3\""), "s.toml"),
                {errc::invalid_value, 12, 14, "dwellings[1].floor_area", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "id = \"B\"", "id = \"A\""), "s.toml"),
                {errc::invalid_value, 10, 6, "dwellings[1].id", "dwelling 'A' is given twice"}, "s.toml");
    check_error(parse_service_charges(replaced(small, "block = \"Ash\"\nmethod", "block = \"Oak\"\nmethod"), "s.toml"),
                {errc::not_found, 18, 9, "costs[0].block", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "pool = \"block\"", "pool = \"estate\""), "s.toml"),
                {errc::invalid_value, 18, 9, "costs[0].block", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "method = \"floor_area\"", "method = \"area\""), "s.toml"),
                {errc::invalid_value, 19, 10, "costs[0].method", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "section20 = \"works\"", "section20 = \"minor\""), "s.toml"),
                {errc::invalid_value, 20, 13, "costs[0].section20", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "amount = \"10.00\"", "amount = \"10.001\""), "s.toml"),
                {errc::inexact, 16, 10, "costs[0].amount", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "leaseholder = true", "tenant = true"), "s.toml"),
                {errc::unknown_key, 7, 1, "dwellings[0].tenant", ""}, "s.toml");
    check_error(parse_service_charges(replaced(small, "name = \"Lift\"\n", ""), "s.toml"),
                {errc::missing_key, 14, 1, "costs[0].name", ""}, "s.toml");
    CHECK(load_service_charges(std::string(TMO_SOURCE_DIR) + "/no/such.toml").error().code() == errc::io);
    // A file that reads but cannot be shared: the percentages of a pool must sum to 100.
    const result<service_charge_file> f = parse_service_charges(
        replaced(replaced(small, "floor_area = 50", "fixed_share = 60"), "method = \"floor_area\"",
                 "method = \"fixed_share\""),
        "s.toml");
    REQUIRE(f.has_value());
    const result<service_charge_statement> s = charge_services(*f, section20_england().value());
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code() == errc::missing_key);  // B has no fixed share
}
