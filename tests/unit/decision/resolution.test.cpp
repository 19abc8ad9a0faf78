// Resolutions: exact thresholds at their edges, bases, casting votes and confirmation windows
// (governance.md §5.4 worked examples 2, 4 and 5; §8.1, §8.4, §8.9).
#include "helpers.hpp"

#include <tmo/decision/record.hpp>
#include <tmo/decision/resolution.hpp>

using namespace tmo;
using namespace tmo::decision;
using namespace decision_test;

namespace {

tally shown(std::uint64_t eligible, std::uint64_t present, std::uint64_t yes, std::uint64_t no, std::uint64_t abstain) {
    tally t;
    t.all = {eligible, present, yes, no, abstain};
    return t;
}

resolution_outcome vote_on(const resolution_rules& rules, const tally& t, bool casting_allowed = false,
                           casting_use casting = casting_use::not_used, std::optional<date> confirming = {},
                           date held = day("2026-06-25")) {
    return ok(evaluate_resolution(rules, "test", {t, casting_allowed, casting, held, confirming}));
}

resolution_rules kind(std::string_view base, std::string_view fraction, comparison compare) {
    resolution_rules r;
    threshold_test t;
    t.base = base == "eligible" ? vote_base::eligible_members : vote_base::votes_cast;
    t.fraction = rational::parse(fraction).value();
    t.compare = compare;
    r.tests.push_back(t);
    return r;
}

}  // namespace

TEST_CASE("special resolution at exactly 75 percent") {
    // governance.md §5.4 example 2: 30 for, 10 against, 2 abstain: 30/40 = 75%, "not less than 75%" passes;
    // 29 for and 11 against (72.5%) fails.
    const resolution_rules special = *preset("companies_act_2006").resolution("special");
    resolution_outcome r = vote_on(special, shown(60, 42, 30, 10, 2));
    CHECK(r.carried);
    CHECK(r.decision.tests[0].base == 40);
    CHECK(r.sentence == "Carried: 30 of 40 votes cast (75.0%) against a required 3/4.");
    r = vote_on(special, shown(60, 42, 29, 11, 2));
    CHECK_FALSE(r.carried);
    CHECK(r.sentence == "Not carried: 29 of 40 votes cast (72.5%) against a required 3/4.");
}

TEST_CASE("exactly two thirds passes at least and fails more than") {
    // 34 of 51 is exactly 2/3: "at least two-thirds" (CCBS s.111) carries it; "more than two-thirds" does not.
    resolution_outcome r = vote_on(kind("cast", "2/3", comparison::greater_or_equal), shown(80, 60, 34, 17, 0));
    CHECK(r.carried);
    CHECK(r.sentence == "Carried: 34 of 51 votes cast (66.7%) against a required 2/3.");
    r = vote_on(kind("cast", "2/3", comparison::greater), shown(80, 60, 34, 17, 0));
    CHECK_FALSE(r.carried);
    // 66.67% is not two-thirds: 34 of 51 is 66.666...% and fails "at least 66.67%".
    CHECK_FALSE(vote_on(kind("cast", "66.67%", comparison::greater_or_equal), shown(80, 60, 34, 17, 0)).carried);
    // The example sentence: 34 of 48 votes cast against a required 2/3.
    CHECK(vote_on(kind("cast", "2/3", comparison::greater_or_equal), shown(96, 50, 34, 14, 2)).sentence ==
          "Carried: 34 of 48 votes cast (70.8%) against a required 2/3.");
}

TEST_CASE("a majority of votes cast against a majority of eligible members") {
    // 40 for and 10 against among 100 eligible: 80% of votes cast, but only 40 of 100 eligible members.
    const tally t = shown(100, 55, 40, 10, 5);
    resolution_outcome cast = vote_on(kind("cast", "1/2", comparison::greater), t);
    CHECK(cast.carried);
    resolution_outcome eligible = vote_on(kind("eligible", "1/2", comparison::greater), t);
    CHECK_FALSE(eligible.carried);
    CHECK(eligible.sentence == "Not carried: 40 of 100 eligible members (40.0%) against a required more than 1/2.");
    // 51 of 100 eligible carries; 50 of 100 is not more than half.
    CHECK(vote_on(kind("eligible", "1/2", comparison::greater), shown(100, 60, 51, 0, 9)).carried);
    CHECK_FALSE(vote_on(kind("eligible", "1/2", comparison::greater), shown(100, 60, 50, 1, 9)).carried);
}

TEST_CASE("ordinary resolution of members present counts abstentions") {
    // ccbs_act_2014 preset: ordinary resolution "> 50% of members present" (Equal Care bylaws): 20 for, 15 against
    // and 6 abstaining of 41 present is 48.8% of those present, though 57% of votes cast.
    const resolution_rules ordinary = *preset("ccbs_act_2014").resolution("ordinary");
    resolution_outcome r = vote_on(ordinary, shown(120, 41, 20, 15, 6));
    CHECK_FALSE(r.carried);
    CHECK(r.sentence == "Not carried: 20 of 41 members present (48.8%) against a required more than 1/2.");
}

TEST_CASE("tie with and without the chair's casting vote") {
    // governance.md §5.4 example 5: committee vote 4-4. With a casting vote the chair's side carries; without one
    // an equality is not a majority.
    const resolution_rules ordinary = *riverside().resolution("ordinary");
    const tally four_all = shown(9, 8, 4, 4, 0);
    resolution_outcome with = vote_on(ordinary, four_all, true, casting_use::in_favour);
    CHECK(with.equality);
    CHECK(with.casting_counted);
    CHECK(with.carried);
    CHECK(with.sentence == "Carried on the chair's casting vote: 5 of 9 votes cast (55.6%) against a required more than 1/2.");
    CHECK(with.votes.all.in_favour == 4);

    resolution_outcome against = vote_on(ordinary, four_all, true, casting_use::against);
    CHECK_FALSE(against.carried);

    resolution_outcome none = vote_on(ordinary, four_all, false);
    CHECK_FALSE(none.carried);
    CHECK(none.sentence == "Not carried: 4 of 8 votes cast (50.0%) against a required more than 1/2; the votes were "
                           "equal (4 to 4) and the constitution gives the chair no casting vote.");
    resolution_outcome unused = vote_on(ordinary, four_all, true);
    CHECK(contains(unused.sentence, "the chair gave no casting vote"));
    resolution_outcome refused = vote_on(ordinary, four_all, false, casting_use::in_favour);
    CHECK_FALSE(refused.carried);
    CHECK_FALSE(refused.casting_counted);

    result<resolution_outcome> unequal =
        evaluate_resolution(ordinary, "ordinary", {shown(9, 8, 5, 3, 0), true, casting_use::in_favour, day("2026-01-01"), {}});
    REQUIRE_FALSE(unequal.has_value());
    CHECK(unequal.error().code() == errc::invalid_value);
}

TEST_CASE("conversion with 75 percent but not 50 percent turnout") {
    // governance.md §5.4 example 3: 200 eligible, 90 vote, 80 in favour: 88.9% >= 75% but turnout 45% < 50%.
    const resolution_rules conversion = *preset("ccbs_act_2014").resolution("conversion");
    resolution_outcome r = vote_on(conversion, shown(200, 90, 80, 10, 0));
    CHECK_FALSE(r.carried);
    CHECK(r.decision.tests[0].passed);
    CHECK_FALSE(r.decision.turnout->passed);
    CHECK(r.sentence == "Not carried: a turnout of 90 of 200 eligible (45.0%) against a required 1/2.");
    // Exactly 100 of 200 turning out, 75 of 100 in favour: both exactly at their floors, so carried.
    r = vote_on(conversion, shown(200, 100, 75, 25, 0));
    CHECK(r.carried);
    CHECK(r.sentence == "Carried: 75 of 100 votes cast (75.0%) against a required 3/4; a turnout of 100 of 200 "
                        "eligible (50.0%) against a required 1/2.");
}

TEST_CASE("amalgamation confirmed inside and outside its window") {
    // governance.md §5.4 example 4: meeting 1 70 for 30 against (70% >= 2/3); meeting 2 twenty days later 41 for
    // 40 against (> 1/2) confirms; forty days later falls outside the 14-day to 1-month window ([U]).
    const resolution_rules amalgamation = *preset("ccbs_act_2014").resolution("amalgamation");
    const date first = day("2026-03-02");
    resolution_outcome one = vote_on(amalgamation, shown(150, 100, 70, 30, 0), false, casting_use::not_used, {}, first);
    CHECK(one.stage == resolution_stage::first);
    CHECK(one.carried);
    CHECK(one.window_from == day("2026-03-16"));
    CHECK(one.window_to == day("2026-04-02"));
    CHECK(one.sentence == "Carried at the first meeting: 70 of 100 votes cast (70.0%) against a required 2/3; it takes "
                          "effect only when confirmed at a meeting held from 2026-03-16 to 2026-04-02.");

    resolution_outcome two = vote_on(amalgamation, shown(150, 85, 41, 40, 4), false, casting_use::not_used, first,
                                     day("2026-03-22"));
    CHECK(two.stage == resolution_stage::confirmation);
    CHECK(two.carried);
    CHECK(two.sentence == "Confirmed: 41 of 81 votes cast (50.6%) against a required more than 1/2.");

    resolution_outcome late = vote_on(amalgamation, shown(150, 85, 41, 40, 4), false, casting_use::not_used, first,
                                      day("2026-04-11"));
    CHECK_FALSE(late.carried);
    CHECK(late.decision.carried);
    CHECK(late.sentence == "Not confirmed: the confirming meeting on 2026-04-11 is 40 days after the first "
                           "(2026-03-02), outside the window of 14 days to 1 month (2026-03-16 to 2026-04-02); the "
                           "vote was 41 of 81 votes cast (50.6%) against a required more than 1/2.");
    CHECK(contains(to_markdown(late), "Confirming vote; the window was 2026-03-16 to 2026-04-02."));
    CHECK(contains(to_json(late), "\"stage\": \"confirmation\""));

    const resolution_rules special = *riverside().resolution("special");
    result<resolution_outcome> no_confirmation =
        evaluate_resolution(special, "special", {shown(10, 10, 9, 1, 0), false, casting_use::not_used, day("2026-04-11"), first});
    CHECK(no_confirmation.error().code() == errc::invalid_value);
}

TEST_CASE("a class test needs votes counted by class") {
    resolution_rules r = kind("cast", "1/2", comparison::greater);
    r.tests[0].classes = {tenure_class::secure_tenant};
    result<resolution_outcome> out = evaluate_resolution(r, "x", {shown(10, 10, 6, 4, 0), false, casting_use::not_used,
                                                                  day("2026-01-01"), {}});
    REQUIRE_FALSE(out.has_value());
    CHECK(contains(out.error().message(), "not a show of hands"));
}
