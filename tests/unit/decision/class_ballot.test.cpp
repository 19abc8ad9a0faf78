// Class ballots and every shipped ballot preset, from the numbers stated in governance.md (§3.3, §4.6, §5.2, §5.4).
#include "helpers.hpp"

#include <tmo/decision/class_ballot.hpp>
#include <tmo/decision/files.hpp>
#include <tmo/decision/record.hpp>

using namespace tmo;
using namespace tmo::decision;
using namespace decision_test;

namespace {

ballot_rules rules(std::string_view name) { return ok(ballot_preset(name)); }

ballot_outcome run(std::string_view name, std::map<tenure_class, class_count> by_class) {
    return ok(evaluate_ballot(rules(name), name, tally::from_classes(std::move(by_class))));
}

constexpr tenure_class secure = tenure_class::secure_tenant;
constexpr tenure_class leaseholder = tenure_class::long_leaseholder;

}  // namespace

TEST_CASE("ballot presets are the ones documented") {
    CHECK(ballot_preset_names() == std::vector<std::string>{"ccbs_amalgamation", "ccbs_amalgamation_confirmation",
                                                            "ccbs_conversion", "continuation_ballot", "rtm_ballot",
                                                            "rtm_ballot_double_majority", "rtm_member_authorisation"});
    result<ballot_rules> missing = ballot_preset("rtm");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code() == errc::not_found);
    CHECK(contains(missing.error().message(), "continuation_ballot"));
    CHECK(rules("continuation_ballot").every_months == 60u);
}

TEST_CASE("double majority passes overall and fails among secure tenants") {
    // governance.md §3.3: 60 yes and 40 no among all who vote passes "a majority of those voting" and fails the
    // double-majority reading when secure tenants vote against. (The section's secure-tenant figures, 45 yes and
    // 50 no, cannot be a part of 60 yes and 40 no — 50 no is more than 40 — so the secure tenants here vote 25 yes,
    // 30 no, and the other 35 yes, 10 no are leaseholders'.)
    const std::map<tenure_class, class_count> votes{{secure, {70, 0, 25, 30, 0}}, {leaseholder, {60, 0, 35, 10, 0}}};
    ballot_outcome single = run("rtm_ballot", votes);
    CHECK(single.decision.carried);
    CHECK(single.decision.sentence == "Carried: 60 of 100 votes cast (60.0%) against a required more than 1/2.");

    ballot_outcome twice = run("rtm_ballot_double_majority", votes);
    CHECK_FALSE(twice.decision.carried);
    CHECK(twice.decision.tests[0].passed);
    CHECK_FALSE(twice.decision.tests[1].passed);
    CHECK(twice.decision.sentence ==
          "Not carried: 25 of 55 votes cast by secure tenants (45.5%) against a required more than 1/2.");
    const std::string md = to_markdown(twice);
    CHECK(contains(md, "| Secure tenants | 70 | 25 | 30 | 0 | 55 (78.6%) |"));
    CHECK(contains(md, "| All | 130 | 60 | 40 | 0 | 100 (76.9%) |"));
    CHECK(contains(to_json(twice), "\"carried\": false"));
}

TEST_CASE("conversion preset has 75 percent but not 50 percent turnout") {
    // governance.md §5.4 example 3 (CCBS s.113): 200 eligible, 90 vote, 80 in favour: fails on turnout.
    ballot_outcome b = run("ccbs_conversion", {{secure, {200, 0, 80, 10, 0}}});
    CHECK_FALSE(b.decision.carried);
    CHECK(b.decision.tests[0].passed);
    CHECK(b.decision.sentence == "Not carried: a turnout of 90 of 200 eligible (45.0%) against a required 1/2.");
    // Spoilt papers count towards turnout: 10 spoilt make 100 of 200, exactly half.
    b = run("ccbs_conversion", {{secure, {200, 0, 80, 10, 10}}});
    CHECK(b.decision.carried);
    // Exactly 75%: 75 for, 25 against.
    CHECK(run("ccbs_conversion", {{secure, {200, 0, 75, 25, 0}}}).decision.carried);
    CHECK_FALSE(run("ccbs_conversion", {{secure, {200, 0, 74, 26, 0}}}).decision.carried);
}

TEST_CASE("amalgamation presets two thirds then more than half") {
    // governance.md §5.4 example 4: 70 for, 30 against at meeting 1; 41 for, 40 against at meeting 2.
    CHECK(run("ccbs_amalgamation", {{secure, {150, 0, 70, 30, 0}}}).decision.carried);
    CHECK_FALSE(run("ccbs_amalgamation", {{secure, {150, 0, 66, 34, 0}}}).decision.carried);  // 66% < 2/3
    CHECK(run("ccbs_amalgamation", {{secure, {150, 0, 66, 33, 0}}}).decision.carried);        // exactly 2/3
    ballot_outcome confirm = run("ccbs_amalgamation_confirmation", {{secure, {150, 0, 41, 40, 0}}});
    CHECK(confirm.decision.carried);
    CHECK(confirm.decision.sentence == "Carried: 41 of 81 votes cast (50.6%) against a required more than 1/2.");
    CHECK_FALSE(run("ccbs_amalgamation_confirmation", {{secure, {150, 0, 40, 40, 0}}}).decision.carried);
}

TEST_CASE("continuation preset majority of tenants and leaseholders who vote") {
    // governance.md §4.6: Glebe Court TMO continued with 94% yes on an 89% turnout. With 100 eligible: 89 papers,
    // 84 yes and 5 no (94.4%).
    ballot_outcome b = run("continuation_ballot", {{secure, {70, 0, 60, 3, 0}}, {leaseholder, {30, 0, 24, 2, 0}}});
    CHECK(b.decision.carried);
    CHECK(b.votes.all.turned_out() == 89);
    CHECK(b.decision.sentence == "Carried: 84 of 89 votes cast (94.4%) against a required more than 1/2.");
    // An equal vote is not a majority answer.
    CHECK_FALSE(run("continuation_ballot", {{secure, {70, 0, 20, 20, 0}}}).decision.carried);
}

TEST_CASE("member authorisation needs a majority of all members") {
    // SI 2012/1821 reg 10(b)(i): a majority of members at a ballot of all members. 100 members: 40 for and 10
    // against is 80% of votes cast but not a majority of members; 51 for is.
    ballot_outcome b = run("rtm_member_authorisation", {{secure, {100, 0, 40, 10, 0}}});
    CHECK_FALSE(b.decision.carried);
    CHECK(b.decision.sentence == "Not carried: 40 of 100 eligible members (40.0%) against a required more than 1/2.");
    CHECK(run("rtm_member_authorisation", {{secure, {100, 0, 51, 0, 0}}}).decision.carried);
    CHECK_FALSE(run("rtm_member_authorisation", {{secure, {100, 0, 50, 0, 0}}}).decision.carried);
}

TEST_CASE("ballot tallies are checked against the electorate") {
    result<ballot_outcome> r =
        evaluate_ballot(rules("rtm_ballot"), "rtm_ballot",
                        tally::from_classes({{tenure_class::other_resident, {10, 0, 5, 1, 0}}}));
    REQUIRE_FALSE(r.has_value());
    CHECK(contains(r.error().message(), "does not ballot other_resident members"));
    r = evaluate_ballot(rules("rtm_ballot"), "rtm_ballot", tally::from_classes({{secure, {10, 0, 8, 3, 0}}}));
    CHECK(contains(r.error().message(), "11 papers but only 10 eligible voters"));
    tally hands;
    hands.all = {10, 0, 6, 4, 0};
    CHECK_FALSE(evaluate_ballot(rules("rtm_ballot"), "rtm_ballot", hands).has_value());
}

TEST_CASE("ballot counted from a roll and its papers") {
    // One vote per household: H1 has two members; the second paper from H1 is refused, as is a paper from a member
    // who left and one from a member not in the secure-tenant electorate.
    const char* csv = "id,name,household,tenure,born,joined,left\n"
                      "R1,A,H1,secure_tenant,1970-01-01,2020-01-01,\n"
                      "R2,B,H1,secure_tenant,1972-01-01,2020-01-01,\n"
                      "R3,C,H2,secure_tenant,1980-01-01,2020-01-01,\n"
                      "R4,D,H3,secure_tenant,1980-01-01,2020-01-01,2025-01-01\n"
                      "R5,E,H4,long_leaseholder,1980-01-01,2020-01-01,\n"
                      "R6,F,H5,secure_tenant,1980-01-01,2020-01-01,\n";
    const member_register reg = ok(parse_register_csv(csv));
    membership_rules m = riverside().membership;
    m.unit = vote_unit::household;
    ballot_rules secure_only = rules("rtm_ballot");
    secure_only.electorate = {secure};
    const ballot_file file = ok(parse_ballot_file(R"(
[ballot]
title = "Test"
closed = 2026-03-20
register = "r.csv"

[papers]
for = ["R1", "R2", "R3"]
against = ["R4", "R5"]
spoilt = ["R6"]
)", "test.toml"));
    ballot_outcome b = ok(run_ballot(secure_only, "rtm_ballot", file, &reg, &m));
    CHECK(b.votes.all.eligible == 3);  // H1, H2, H5
    CHECK(b.votes.all.in_favour == 2);
    CHECK(b.votes.all.against == 0);
    CHECK(b.votes.all.abstained == 1);
    REQUIRE(b.refused.size() == 3);
    CHECK(b.refused[0].member == "R2");
    CHECK(b.refused[0].reason == "household H1 has already voted (R1)");
    CHECK(b.refused[1].reason == "not on the roll: left on 2025-01-01");
    CHECK(b.refused[2].reason == "not on the roll: a long_leaseholder is not in this ballot's electorate");
    CHECK(b.decision.carried);

    const ballot_file unknown = ok(parse_ballot_file("[ballot]\nclosed = 2026-03-20\nregister = \"r.csv\"\n"
                                                     "[papers]\nfor = [\"R1\", \"R77\"]\n", "test.toml"));
    result<ballot_outcome> e = run_ballot(secure_only, "rtm_ballot", unknown, &reg, &m);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "test.toml:5:14: error: no member \"R77\" is on the register (at papers.for[1])");
}

TEST_CASE("ballot file errors are precise") {
    const auto error_of = [](std::string_view text) {
        result<ballot_file> r = parse_ballot_file(text, "b.toml");
        REQUIRE_FALSE(r.has_value());
        return r.error().to_string();
    };
    CHECK(error_of("[ballot]\nclosed = 2026-03-20\n[tallies.tenant]\neligible = 3\nfor = 1\nagainst = 1\n") ==
          "b.toml:3:10: error: unknown tenure class 'tenant'; expected one of: \"secure_tenant\", "
          "\"introductory_tenant\", \"other_tenant\", \"long_leaseholder\", \"other_resident\", \"non_voting\" (not "
          "non_voting) (at tallies.tenant)");
    CHECK(error_of("[ballot]\nclosed = 2026-02-30\n[tallies.secure_tenant]\neligible = 3\nfor = 1\nagainst = 1\n") ==
          "b.toml:2:20: error: malformed TOML while parsing date: expected day between 1 and 28 (inclusive), saw 30");
    CHECK(error_of("[ballot]\nclosed = 2026-03-20\n[tallies.secure_tenant]\neligible = 3\nfor = 2\nagainst = 2\n") ==
          "b.toml:3:1: error: 4 papers (for, against and spoilt) but only 3 eligible (at tallies.secure_tenant)");
    CHECK(error_of("[ballot]\nclosed = 2026-03-20\n") ==
          "b.toml:1:1: error: a ballot file needs [tallies] (counts by class) or [papers] with a register (at tallies)");
    CHECK(error_of("[ballot]\nclosed = 2026-03-20\n[tallies.secure_tenant]\neligible = 3\nfor = 1.5\nagainst = 1\n") ==
          "b.toml:5:7: error: expected a whole number, found a TOML float (at tallies.secure_tenant.for)");
}

TEST_CASE("riverside continuation ballot evaluates") {
    const std::string dir = std::string(TMO_SOURCE_DIR) + "/examples/data/";
    const ballot_file file = ok(load_ballot_file(dir + "riverside/continuation_ballot_2026.toml"));
    const constitution c = riverside();
    ballot_outcome b = ok(run_ballot(*c.ballot("continuation"), "continuation", file, nullptr, nullptr));
    CHECK(b.decision.carried);
}
