// The Method of Equal Shares: the worked example of budgeting.md 4.9 and the official results of the three real
// MES elections (budgeting.md 6.1).
#include "pb_data.hpp"

#include <tmo/budget/equal_shares.hpp>

#include <doctest/doctest.h>

using namespace tmo;
using namespace tmo::budget;

namespace {

equal_shares_options add1(add1_stop stop, add1_start start = add1_start::exact) {
    equal_shares_options options;
    options.complete = completion::add1;
    options.stop = stop;
    options.start = start;
    return options;
}

}  // namespace

TEST_CASE("mes worked example with cost-first ties") {
    const instance inst = pb_test::riverside();
    const outcome out = equal_shares(inst).value();
    // Round 1: 1 and 3 tie at rho 1/3; 3 is cheaper. Round 2: 2 at 1250 each (rho 1/2).
    REQUIRE(out.selected == std::vector<std::size_t>{2, 1});
    CHECK(out.cost == rational(4000));
    CHECK(*out.endowment == rational(2000));
    REQUIRE(out.rounds.size() == 2);
    CHECK(out.rounds[0].measure == rational(1, 3));
    CHECK(out.rounds[0].effective_votes == rational(3));
    REQUIRE(out.rounds[0].tie.has_value());
    CHECK(out.rounds[0].tie->tied == std::vector<std::size_t>{0, 2});
    CHECK(out.rounds[0].tie->criterion == tie_criterion::min_cost);
    CHECK(out.rounds[1].measure == rational(1, 2));
    // Round 2: v2 had 2000 and v4 1500 (after paying 500 for project 3); both paid the full share of 1250.
    REQUIRE(out.rounds[1].payments.size() == 1);
    CHECK(out.rounds[1].payments[0] == payment_group{2, 1250, std::nullopt, false});
    // Every voter's money at the end: v1, v3 1500 (paid 500), v2 750, v4 0 (500 + 1250 from 2000 leaves 250).
    CHECK(out.left_over == std::vector<std::pair<std::uint64_t, rational>>{{1, 250}, {1, 750}, {2, 1500}, {1, 2000}});
    // Project 1's supporters hold 1500 + 750 + 1500 = 3750 at the end < 6000.
    REQUIRE(out.rejected.size() == 2);
    CHECK(out.rejected[0].project == 0);
    CHECK(out.rejected[0].reason == rejection_reason::unaffordable);
    CHECK(out.rejected[0].figure == rational(3750));
}

TEST_CASE("mes worked example with id ties and add1") {
    const instance inst = pb_test::riverside();
    equal_shares_options by_id;
    by_id.ties = {{tie_criterion::id_natural}, {}};
    const outcome out = equal_shares(inst, by_id).value();
    CHECK(out.selected == std::vector<std::size_t>{0, 2});
    CHECK(out.cost == rational(7500));

    const outcome exhaustive = equal_shares(inst, add1(add1_stop::exhaustive)).value();
    CHECK(pb_test::ids(inst, exhaustive.selected) == "1 2 3");
    CHECK(exhaustive.cost == rational(10000));
    CHECK(*exhaustive.endowment == rational(2500));
    CHECK(exhaustive.runs == 501);
    const outcome scan = equal_shares(inst, add1(add1_stop::over_budget)).value();
    CHECK(pb_test::ids(inst, scan.selected) == "1 2 3");
    CHECK(*scan.endowment == rational(2999));
    CHECK(scan.runs == 1001);
}

TEST_CASE("mes add1 progress hook: told of every run, the outcome unchanged") {
    // The worked example's Add1 scan above: 501 runs from 2,000 to 2,500 per voter (5 voters, a budget of 10,000), so
    // the hook hears of runs 2 to 501, endowments 2,001 to 2,500 and virtual budgets 10,005 to 12,500.
    const instance inst = pb_test::riverside();
    std::vector<add1_progress> heard;
    const outcome with_hook =
        equal_shares(inst, add1(add1_stop::exhaustive), [&heard](const add1_progress& p) { heard.push_back(p); })
            .value();
    REQUIRE(heard.size() == 500);
    CHECK(heard.front().run == 2);
    CHECK(heard.front().endowment == rational(2001));
    CHECK(heard.front().budget == rational(10005));
    CHECK(heard.back().run == 501);
    CHECK(heard.back().endowment == rational(2500));
    CHECK(heard.back().budget == rational(12500));
    CHECK(with_hook == equal_shares(inst, add1(add1_stop::exhaustive)).value());
}

TEST_CASE("mes completions and the utilitarian fill") {
    const instance inst = pb_test::riverside();
    equal_shares_options fill;
    fill.complete = completion::utilitarian;
    const outcome out = equal_shares(inst, fill).value();
    // MES buys 3 and 2 (4000); greedy by votes then adds 1 (3 votes, 6000 fits exactly).
    CHECK(out.selected == std::vector<std::size_t>{2, 1, 0});
    CHECK(out.rounds[2].completion);
    CHECK(out.cost == rational(10000));
    CHECK(out.rejected.size() == 1);
}

TEST_CASE("mes official results of Assen 2024") {
    const instance inst = pb_test::load("Netherlands_Assen_2024.pb");
    const std::string official = "2 3 5 6 9 11 12 13 14";
    CHECK(pb_test::ids(inst, pb_test::officially_selected(inst)) == official);
    const outcome plain = equal_shares(inst).value();
    CHECK(plain.selected.size() == 7);
    CHECK(plain.cost == rational(60700));
    for (add1_stop stop : {add1_stop::exhaustive, add1_stop::over_budget}) {
        const outcome out = equal_shares(inst, add1(stop)).value();
        CHECK(pb_test::ids(inst, out.selected) == official);
        CHECK(out.cost == rational(76700));
    }
    // The final endowment 2,033.48 per voter: B/n + 843.
    CHECK(*equal_shares(inst, add1(add1_stop::exhaustive)).value().endowment == rational(100000, 84) + rational(843));
}

TEST_CASE("mes official results of Swiecie 2023") {
    const instance inst = pb_test::load("Poland_Swiecie_2023.pb");
    const std::string official = "c1 c2 c3 c4 c5 c7 c9 c10 c11 c12 c13 c14 c17 c18 c19 c20 c21";
    const outcome plain = equal_shares(inst).value();
    CHECK(plain.selected.size() == 13);
    CHECK(plain.cost == rational(647787));
    const outcome exhaustive = equal_shares(inst, add1(add1_stop::exhaustive)).value();
    CHECK(pb_test::ids(inst, exhaustive.selected) == official);
    CHECK(exhaustive.cost == rational(1040337));
    CHECK(*exhaustive.endowment == rational(1070000, 2553) + rational(226));  // 645.11
    const outcome scan = equal_shares(inst, add1(add1_stop::over_budget)).value();
    CHECK(pb_test::ids(inst, scan.selected) == official);
    CHECK(*scan.endowment == rational(1070000, 2553) + rational(242));  // 661.11
}

TEST_CASE("mes official results of Wieliczka 2023 need add1 without the exhaustive stop") {
    const instance inst = pb_test::load("Poland_Wieliczka_2023_Green_Budget.pb");
    const std::string official = "6 7 9 17 19 20 24 25 26 29 32 33 34 36 39 40 41 42 43 46 56 58 60 61 62 69 70 71 74 88";
    CHECK(pb_test::ids(inst, pb_test::officially_selected(inst)) == official);
    const outcome plain = equal_shares(inst).value();
    CHECK(plain.selected.size() == 21);
    CHECK(plain.cost == rational(450548));
    const outcome scan = equal_shares(inst, add1(add1_stop::over_budget)).value();
    CHECK(pb_test::ids(inst, scan.selected) == official);
    CHECK(scan.cost == rational(995079));
    CHECK(*scan.endowment == rational(1000000, 6586) + rational(164));  // 315.84
    const outcome exhaustive = equal_shares(inst, add1(add1_stop::exhaustive)).value();
    CHECK(exhaustive.selected.size() == 31);
    CHECK(exhaustive.cost == rational(984579));
    const std::string ids = " " + pb_test::ids(inst, exhaustive.selected) + " ";
    CHECK(ids.find(" 66 ") != std::string::npos);
    CHECK(ids.find(" 67 ") != std::string::npos);
    CHECK(ids.find(" 46 ") == std::string::npos);
    CHECK(*exhaustive.endowment == rational(1000000, 6586) + rational(150));  // 301.84
    // Starting from floor(B/n) = 151 gives the same winners, ending at 315 per voter.
    const outcome floor_start = equal_shares(inst, add1(add1_stop::over_budget, add1_start::floor)).value();
    CHECK(pb_test::ids(inst, floor_start.selected) == official);
    CHECK(*floor_start.endowment == rational(315));
}

TEST_CASE("mes Swiecie 2023 with its eligibility filter and comparison step") {
    // Świecie excluded one project beforehand (14.7% of voters for 48.2% of the budget: below 1/3 of its share)
    // and compared with greedy; the official winners are still those of MES + Add1 (budgeting.md 4.8, 6.1).
    const instance inst = pb_test::load("Poland_Swiecie_2023.pb");
    equal_shares_options options = add1(add1_stop::exhaustive);
    options.min_share_factor = rational(1, 3);
    options.compare = comparison_measure::satisfaction;
    const outcome out = equal_shares(inst, options).value();
    CHECK(pb_test::ids(inst, out.selected) == "c1 c2 c3 c4 c5 c7 c9 c10 c11 c12 c13 c14 c17 c18 c19 c20 c21");
    std::vector<std::size_t> ineligible;
    for (const rejection& r : out.rejected)
        if (r.reason == rejection_reason::ineligible) ineligible.push_back(r.project);
    REQUIRE(ineligible.size() == 1);
    const project& excluded = inst.projects[ineligible[0]];
    const rational share = rational(supporter_counts(inst)[ineligible[0]]) / rational(inst.voter_count());
    CHECK(share * rational(3) * inst.budget < excluded.cost);
    REQUIRE(out.comparison.has_value());
    CHECK_FALSE(out.comparison->switched);
    CHECK(out.comparison->prefer_rule > out.comparison->prefer_baseline);
    CHECK(*out.option("eligibility") == "1/3");
}

namespace {

// Budget 30 and three voters (10 each): v1 and v3 support a (cost 10), v2 supports b (cost 12); nobody supports z
// (cost 5), which fits in whatever is left but can never be funded.
instance unsupported_project() {
    instance inst;
    inst.budget = 30;
    const int costs[] = {10, 12, 5};
    const char* ids[] = {"a", "b", "z"};
    for (int i = 0; i < 3; ++i) inst.projects.push_back({ids[i], costs[i], ids[i], {}, {}, {}, {}});
    ballot_merger merger(inst);
    const std::vector<std::vector<std::size_t>> votes = {{0}, {1}, {0}};
    for (std::size_t v = 0; v < votes.size(); ++v) merger.add({votes[v], {}, 1, {"v" + std::to_string(v + 1)}});
    return inst;
}

}  // namespace

// Found by fuzzing (fuzz/crashes/budget_csv): the outcome is never exhaustive while z fits, so Add1 used to raise
// the endowment for ever. Endowment 10: a funded (5 each from v1 and v3); b needs 12 from v2 alone. 11: the same.
// 12: b funded too, cost 22 <= 30, and every project with a supporter is funded: stop after 3 runs.
TEST_CASE("mes add1 stops once every project with a supporter is funded") {
    const instance inst = unsupported_project();
    const outcome out = equal_shares(inst, add1(add1_stop::exhaustive)).value();
    CHECK(pb_test::ids(inst, out.selected) == "a b");
    CHECK(out.cost == rational(22));
    CHECK(*out.endowment == rational(12));
    CHECK(out.runs == 3);
}

TEST_CASE("mes add1 gives up with an error at its run limit") {
    const instance inst = unsupported_project();
    equal_shares_options options = add1(add1_stop::exhaustive);
    options.max_runs = 3;
    CHECK(equal_shares(inst, options).value().runs == 3);
    options.max_runs = 2;
    const result<outcome> stopped = equal_shares(inst, options);
    REQUIRE_FALSE(stopped.has_value());
    CHECK(stopped.error().code() == errc::too_large);
    CHECK(stopped.error().message() ==
          "Add1 made 2 runs, the most allowed (add1-max-runs), without reaching its stop: the endowment rose to 11 "
          "per voter in steps of 1; a larger add1-step reaches it in fewer runs");
    options.max_runs = 0;
    CHECK(equal_shares(inst, options).error().code() == errc::invalid_value);
}
