// Properties every counting rule must have, on generated elections (issue 3): the result does not depend on the
// order of the ballots; votes are conserved at every stage; and WIGM in exact arithmetic agrees with WIGM in 5-decimal
// fixed point whenever the fixed-point count truncated nothing.
#include <tmo/vote/rules.hpp>
#include <tmo/vote/stv.hpp>

#include <doctest/doctest.h>

#include "generated.hpp"

#include <algorithm>
#include <array>
#include <random>
#include <string>

using namespace tmo::vote;
using tmo::rational;

namespace {

// The rules whose votes are papers (or their values), so that the valid vote is the number of valid papers. Block,
// approval (votes cast) and Borda (points) define their valid vote as the sum of what the papers gave.
bool counts_papers(std::string_view rule) {
    return rule != "block" && rule != "approval" && rule != "borda";
}

// Σ candidates + non-transferable + loss to rounding = the valid vote, at every stage.
void check_conservation(const count_result& r) {
    for (const stage& s : r.stages) {
        INFO("stage " << s.number);
        rational sum = s.non_transferable_total + s.rounding_loss_total;
        for (const rational& v : s.votes) sum += v;
        CHECK(sum == r.valid_vote);
    }
    if (counts_papers(r.rule)) CHECK(r.valid_vote == rational(r.papers - r.invalid_papers));
}

void check_same(const count_result& a, const count_result& b) {
    CHECK(a.elected == b.elected);
    CHECK(a.valid_vote == b.valid_vote);
    CHECK(a.invalid_papers == b.invalid_papers);
    CHECK(a.pairwise == b.pairwise);
    REQUIRE(a.stages.size() == b.stages.size());
    for (std::size_t i = 0; i < a.stages.size(); ++i) {
        INFO("stage " << i + 1);
        const stage& x = a.stages[i];
        const stage& y = b.stages[i];
        CHECK(x.action == y.action);
        CHECK(x.subject == y.subject);
        CHECK(x.excluded == y.excluded);
        CHECK(x.quota == y.quota);
        CHECK(x.votes == y.votes);
        CHECK(x.non_transferable_total == y.non_transferable_total);
        CHECK(x.rounding_loss_total == y.rounding_loss_total);
        CHECK(x.elected == y.elected);
        REQUIRE(x.ties.size() == y.ties.size());
        for (std::size_t t = 0; t < x.ties.size(); ++t) CHECK(x.ties[t].chosen == y.ties[t].chosen);
    }
}

}  // namespace

TEST_CASE("properties: every rule gives the same result whatever the order of the ballots, and conserves votes") {
    std::mt19937_64 rng(20260502);
    const std::vector<setting> settings{{"seed", "property"}};
    for (int round = 0; round < 40; ++round) {
        const auto cands = std::uniform_int_distribution<std::uint32_t>(3, 7)(rng);
        const auto seats = std::uniform_int_distribution<std::uint32_t>(1, cands - 1)(rng);
        const bool equal_ranks = round % 4 == 3;
        profile p = tmo_test::generated(rng, cands, seats, 25, equal_ranks, 12);
        if (round % 5 == 4 && seats < cands - 1) REQUIRE(p.withdraw(cands - 1).has_value());
        const profile q = tmo_test::reordered(p, rng);
        for (std::string_view rule : rule_names()) {
            INFO("round " << round << ", rule " << rule << (equal_ranks ? ", equal ranks" : ""));
            auto r = count(p, rule, settings);
            auto rq = count(q, rule, settings);
            REQUIRE(r.has_value() == rq.has_value());
            if (!r) {
                // Only the STV rules refuse, and only equal rankings.
                CHECK(equal_ranks);
                CHECK(r.error().code() == rq.error().code());
                CHECK(r.error().message() == rq.error().message());
                continue;
            }
            check_conservation(*r);
            check_same(*r, *rq);
        }
    }
}

TEST_CASE("properties: exact and 5-decimal WIGM agree when the fixed-point count truncates nothing") {
    // Counts in multiples of 5 and 1, 3 or 4 seats keep many quotas and transfer values on the 5-decimal grid.
    std::mt19937_64 rng(20260503);
    int agreements = 0, with_surplus = 0;
    for (int round = 0; round < 300; ++round) {
        const std::uint32_t seats = std::array<std::uint32_t, 3>{1, 3, 4}[static_cast<std::size_t>(round % 3)];
        const auto cands = std::uniform_int_distribution<std::uint32_t>(seats + 1, seats + 4)(rng);
        profile p = tmo_test::generated(rng, cands, seats, 8, false, 6);
        profile fives(p.candidates(), seats, "fives");
        for (const ballot& b : p.ballots()) REQUIRE(fives.add(b.marks, b.count * 5).has_value());
        for (stv_options fixed : {stv_options::wigm_exact(), stv_options::scottish()}) {
            INFO("round " << round << ", quota " << (fixed.quota == quota_rule::droop_exact ? "exact" : "whole"));
            fixed.decimals = 5;
            fixed.ties.seed = "property";
            stv_options exact = fixed;
            exact.decimals = std::nullopt;
            auto f = count_stv(fives, fixed);
            auto e = count_stv(fives, exact);
            REQUIRE(f.has_value());
            REQUIRE(e.has_value());
            check_conservation(*f);
            check_conservation(*e);
            for (const stage& s : e->stages) CHECK(s.rounding_loss == rational());
            // Nothing truncated: the quota is on the grid and no transfer lost anything to rounding.
            if (f->stages.back().rounding_loss_total != rational() || f->stages[0].quota != e->stages[0].quota)
                continue;
            ++agreements;
            if (std::any_of(f->stages.begin(), f->stages.end(),
                            [](const stage& s) { return s.action == stage_action::surplus; }))
                ++with_surplus;
            CHECK(f->elected == e->elected);
            REQUIRE(f->stages.size() == e->stages.size());
            for (std::size_t i = 0; i < f->stages.size(); ++i) {
                CHECK(f->stages[i].votes == e->stages[i].votes);
                CHECK(f->stages[i].non_transferable_total == e->stages[i].non_transferable_total);
                CHECK(f->stages[i].subject == e->stages[i].subject);
            }
        }
    }
    MESSAGE(agreements << " agreements, " << with_surplus << " with a surplus transferred");
    CHECK(with_surplus >= 20);  // the property was exercised on real surplus transfers, not only on exclusions
}
