// Membership registers: CSV reading with precise errors, eligibility at a date, one vote per member or household.
#include "helpers.hpp"

#include <tmo/decision/record.hpp>
#include <tmo/decision/register.hpp>

using namespace tmo;
using namespace tmo::decision;
using namespace decision_test;

namespace {

const char* const sample = R"(id,name,household,tenure,born,age,joined,left
R1,Ada Obi,H1,secure_tenant,1960-03-02,,2019-05-01,
R2,Ben Obi,H1,secure_tenant,2009-07-01,,2024-01-10,
R3,Cara Lee,H2,long_leaseholder,,34,2026-05-30,
R4,Dev Rao,H3,introductory_tenant,1990-12-31,,2021-02-01,2026-01-01
R5,Eve Tan,H4,non_voting,1980-01-01,,2020-01-01,
R6,Fay Kim,H5,other_resident,1999-09-09,,2020-01-01,
)";

error parse_error(std::string_view csv) {
    result<member_register> r = parse_register_csv(csv, "register.csv");
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace

TEST_CASE("register csv is read with its columns in any order") {
    const member_register reg = ok(parse_register_csv(sample, "register.csv"));
    REQUIRE(reg.members().size() == 6);
    CHECK(reg.find("R3")->age == 34u);
    CHECK_FALSE(reg.find("R3")->born.has_value());
    CHECK(reg.find("R4")->left == day("2026-01-01"));
    CHECK(reg.find("R9") == nullptr);
    const member_register swapped = ok(parse_register_csv("joined,tenure,id,household,name,age\n"
                                                          "2020-01-01,secure_tenant,X1,H9,Zed,40\n"));
    CHECK(swapped.find("X1")->tenure == tenure_class::secure_tenant);
}

TEST_CASE("register csv errors name line and column") {
    error e = parse_error("id,name,household,tenure,born,joined\nR1,A,H1,secure_tenant,1970-01-01,2020-01-01\n"
                          "R1,B,H2,secure_tenant,1970-01-01,2020-01-01\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK(e.to_string() == "register.csv:3:1: error: member id \"R1\" is already on the register (line 2)");

    e = parse_error("id,name,household,tenure,born,joined\nR1,A,H1,council_tenant,1970-01-01,2020-01-01\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 9);
    CHECK(contains(e.message(), "unknown tenure class \"council_tenant\""));

    e = parse_error("id,name,household,tenure,born,joined\nR1,A,H1,secure_tenant,1970-02-30,2020-01-01\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK(e.where().column == 23);
    CHECK(contains(e.message(), "the born date \"1970-02-30\""));

    e = parse_error("id,name,household,tenure,born,joined,left\nR1,A,H1,secure_tenant,1970-01-01,2020-01-01,2019-12-31\n");
    CHECK(e.where().column == 45);
    CHECK(e.message() == "left on 2019-12-31, not after joining on 2020-01-01");

    e = parse_error("id,name,household,tenure,born,joined\nR1,A,H1,secure_tenant,2021-01-01,2020-01-01\n");
    CHECK(e.message() == "born on 2021-01-01, after joining on 2020-01-01");

    e = parse_error("id,name,household,tenure,born,joined\nR1,A,H1,secure_tenant,1970-1-1,2020-01-01\n");
    CHECK(e.code() == errc::syntax);

    e = parse_error("id,name,household,tenure,born,joined,flat\n");
    CHECK(e.code() == errc::unknown_key);
    CHECK(e.where().column == 38);

    e = parse_error("id,name,tenure,born,joined\n");
    CHECK(e.code() == errc::missing_key);
    CHECK(contains(e.message(), "\"household\""));

    e = parse_error("id,name,household,tenure,born,joined\nR1,A,H1,secure_tenant,1970-01-01\n");
    CHECK(e.code() == errc::syntax);
    CHECK(e.message() == "expected 6 fields, as in the header, found 5");
}

TEST_CASE("eligibility at a date under the constitution") {
    const member_register reg = ok(parse_register_csv(sample, "register.csv"));
    membership_rules rules = riverside().membership;  // tenants and leaseholders, 16+, 28 qualifying days
    const date agm = day("2026-06-25");

    CHECK(eligible_at(*reg.find("R1"), rules, agm).eligible);
    // Born 2009-07-01: 16 from 2025-07-01, so 16 at the AGM and 15 the day before that birthday.
    CHECK(eligible_at(*reg.find("R2"), rules, agm).eligible);
    eligibility young = eligible_at(*reg.find("R2"), rules, day("2025-06-30"));
    CHECK_FALSE(young.eligible);
    CHECK(young.reason == "aged 15, under the minimum age of 16");
    // Joined 2026-05-30: 26 days before the AGM, 28 needed.
    eligibility recent = eligible_at(*reg.find("R3"), rules, agm);
    CHECK(recent.reason == "a member for 26 days; 28 needed before voting");
    CHECK(eligible_at(*reg.find("R3"), rules, day("2026-06-27")).eligible);
    CHECK(eligible_at(*reg.find("R4"), rules, agm).reason == "left on 2026-01-01");
    CHECK(eligible_at(*reg.find("R4"), rules, day("2025-12-31")).eligible);
    CHECK(eligible_at(*reg.find("R5"), rules, agm).reason == "a non_voting is not a voting member under the constitution");
    CHECK(eligible_at(*reg.find("R6"), rules, agm).reason ==
          "an other_resident is not a voting member under the constitution");

    // An age known only on joining: 15 on joining in 2020 is at least 21 six years later.
    member m{"A", "Age only", "H", tenure_class::secure_tenant, std::nullopt, 15u, day("2020-01-01"), std::nullopt};
    CHECK(eligible_at(m, rules, day("2021-01-01")).eligible);
    CHECK(eligible_at(m, rules, day("2020-12-31")).reason == "not shown to be over 15, under the minimum age of 16");
}

TEST_CASE("roll one vote per member or per household") {
    const member_register reg = ok(parse_register_csv(sample, "register.csv"));
    membership_rules rules = riverside().membership;
    const voters_roll by_member = make_roll(reg, rules, day("2026-06-25"));
    REQUIRE(by_member.units.size() == 2);  // R1 and R2 (R3 too recent, R4 left, R5 and R6 do not vote)
    CHECK(by_member.by_class().at(tenure_class::secure_tenant) == 2);
    CHECK(by_member.excluded.size() == 4);

    rules.unit = vote_unit::household;
    const voters_roll by_household = make_roll(reg, rules, day("2026-06-27"));
    REQUIRE(by_household.units.size() == 2);  // H1 (R1 and R2) and H2 (R3)
    CHECK(by_household.units[0].id == "H1");
    CHECK(by_household.units[0].members == std::vector<std::string>{"R1", "R2"});
    CHECK(by_household.units[1].tenure == tenure_class::long_leaseholder);
    CHECK(by_household.unit_of("R2")->id == "H1");

    const std::vector<tenure_class> secure{tenure_class::secure_tenant};
    const voters_roll narrowed = make_roll(reg, rules, day("2026-06-27"), secure);
    CHECK(narrowed.units.size() == 1);
    CHECK(narrowed.excluded[0].reason == "a long_leaseholder is not in this ballot's electorate");

    const std::string md = to_markdown(by_member);
    CHECK(contains(md, "2 members may vote"));
    CHECK(contains(md, "- R3: a member for 26 days; 28 needed before voting"));
    CHECK(contains(to_json(by_household), "\"unit\": \"household\""));
}

TEST_CASE("riverside register loads with every class and plausible households") {
    const member_register reg =
        ok(load_register_csv(std::string(TMO_SOURCE_DIR) + "/examples/data/riverside/register.csv"));
    CHECK(reg.members().size() >= 60);
    CHECK(reg.members().size() <= 120);
}

TEST_CASE("register: an empty file is an error at its line 1, column 1 (found by fuzz_register)") {
    const auto r = tmo::decision::parse_register_csv("", "empty.csv");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == tmo::errc::syntax);
    CHECK(r.error().where().line == 1);
    CHECK(r.error().where().column == 1);
    CHECK(r.error().where().file == "empty.csv");
}
