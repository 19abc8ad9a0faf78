// The STV engine: special cases of the Scottish corpus, the accounting identity, and properties on generated
// elections.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/stv.hpp>

#include <doctest/doctest.h>

#include "generated.hpp"

#include <algorithm>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;
using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

const fs::path selection_dir = fs::path(TMO_TEST_DATA_DIR) / "elections" / "scotland";

count_result scottish(const std::string& year, const std::string& id) {
    auto file = load_blt(selection_dir / year / (id + ".blt"), blt_mode::strict);
    REQUIRE(file.has_value());
    auto r = count_stv(file->profile, stv_options::scottish());
    REQUIRE(r.has_value());
    return std::move(*r);
}

}  // namespace

TEST_CASE("scottish-stv: equal surpluses settled by the most recent stage at which they differed (Renfrewshire 3)") {
    const count_result r = scottish("2017", "renfrewshire_2017_ward3");
    REQUIRE(r.stages.size() == 9);
    const stage& s7 = r.stages[6];
    CHECK(s7.action == stage_action::surplus);
    CHECK(s7.subject == 7);  // JIM SHARKEY
    REQUIRE(s7.ties.size() == 1);
    const tie_record& t = s7.ties[0];
    CHECK(t.kind == tie_kind::surplus);
    CHECK(t.tied == std::vector<candidate_id>{5, 7});
    CHECK(t.value == rational(109));
    CHECK(t.method == tie_method::backwards);
    CHECK(t.decisive_stage == 5);
    CHECK(r.stages[4].votes[7] == rational(1167));
    CHECK(r.stages[4].votes[5] == rational(1103));
    CHECK(r.stages[7].subject == 5);  // Neill GRAHAM's surplus next
}

TEST_CASE("scottish-stv: a candidate with exactly the quota has no surplus stage (Scottish Borders 3)") {
    const count_result r = scottish("2017", "sc_borders_2017_ward3");
    const stage& first = r.stages[0];
    std::vector<candidate_id> at_quota;
    for (candidate_id c = 0; c < first.votes.size(); ++c)
        if (first.votes[c] == first.quota) at_quota.push_back(c);
    REQUIRE(at_quota.size() == 1);
    CHECK(first.quota == rational(907));
    for (const stage& s : r.stages) CHECK_FALSE((s.action == stage_action::surplus && s.subject == at_quota[0]));
    CHECK(r.stages.size() == 7);
}

TEST_CASE("scottish-stv: every seat filled at stage 1 ends the count there (Aberdeenshire 1, Dundee 2022 6)") {
    CHECK(scottish("2017", "aberdeenshire_2017_ward1").stages.size() == 1);
    const count_result r = scottish("2022", "dundee_2022_ward6");
    CHECK(r.stages.size() == 1);
    CHECK(r.stages[0].elected.size() == 3);
}

TEST_CASE("scottish-stv: the last candidates are deemed elected below the quota (Aberdeen 1)") {
    const count_result r = scottish("2017", "aberdeen_2017_ward1");
    REQUIRE(r.stages.size() == 6);
    const stage& last = r.stages.back();
    REQUIRE(last.elected.size() == 2);  // one at the quota, one (1,317.9) deemed elected below it
    REQUIRE(last.deemed_elected.size() == 1);
    CHECK(last.votes[last.deemed_elected[0]] < last.quota);
    CHECK(last.votes[last.deemed_elected[0]].floor() == 1317);
    CHECK(r.elected.size() == 4);
    CHECK(last.explanation.find("without reaching the quota") != std::string::npos);
}

TEST_CASE("scottish-stv: the final exclusion is still a stage (Shetland 7)") {
    const count_result r = scottish("2017", "shetland_2017_ward7");
    CHECK(r.stages[0].elected.size() == 3);
    CHECK(r.stages.back().action == stage_action::exclusion);
    CHECK(r.stages.back().elected.size() == 1);
    CHECK(r.elected.size() == 4);
}

TEST_CASE("scottish-stv: votes, non-transferable papers and rounding loss add up at every stage of 65 wards") {
    for (const char* year : {"2017", "2022"})
        for (const auto& entry : fs::directory_iterator(selection_dir / year)) {
            if (entry.path().extension() != ".blt") continue;
            INFO(entry.path().stem().string());
            const count_result r = scottish(year, entry.path().stem().string());
            tmo_test::check_conservation(r);
            // Truncation only ever loses value, never creates it.
            for (const stage& s : r.stages) CHECK(s.rounding_loss >= rational());
        }
}

TEST_CASE("stv properties on generated elections") {
    std::mt19937_64 rng(20260501);
    int exact_agreements = 0;
    for (int round = 0; round < 60; ++round) {
        const auto cands = std::uniform_int_distribution<std::uint32_t>(3, 9)(rng);
        const auto seats = std::uniform_int_distribution<std::uint32_t>(1, cands - 1)(rng);
        const profile p = tmo_test::generated(rng, cands, seats, 40);
        INFO("round " << round);
        stv_options fixed = stv_options::scottish();
        fixed.ties.seed = "property";
        auto r = count_stv(p, fixed);
        REQUIRE(r.has_value());
        tmo_test::check_conservation(*r);
        CHECK(r->elected.size() == seats);

        // The order in which ballots are added changes nothing.
        auto rq = count_stv(tmo_test::reordered(p, rng), fixed);
        REQUIRE(rq.has_value());
        CHECK(rq->elected == r->elected);
        REQUIRE(rq->stages.size() == r->stages.size());
        for (std::size_t i = 0; i < r->stages.size(); ++i) CHECK(rq->stages[i].votes == r->stages[i].votes);

        // Exact arithmetic agrees with fixed point whenever truncation lost nothing.
        stv_options exact = fixed;
        exact.decimals = std::nullopt;
        auto re = count_stv(p, exact);
        REQUIRE(re.has_value());
        tmo_test::check_conservation(*re);
        for (const stage& s : re->stages) CHECK(s.rounding_loss == rational());
        if (r->stages.back().rounding_loss_total == rational()) {
            ++exact_agreements;
            CHECK(re->elected == r->elected);
            REQUIRE(re->stages.size() == r->stages.size());
            for (std::size_t i = 0; i < r->stages.size(); ++i) CHECK(re->stages[i].votes == r->stages[i].votes);
        }
    }
    CHECK(exact_agreements > 5);
}

TEST_CASE("stv: bad parameters and ballots are errors") {
    profile p({{"A"}, {"B"}}, 1, "t");
    const std::vector<mark> equal{{0, false}, {1, true}};
    (void)p.add(equal, 1);
    auto r = count_stv(p, stv_options::scottish());
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == errc::invalid_value);

    profile q({{"A"}, {"B"}}, 1, "t");
    stv_options o = stv_options::scottish();
    o.seats = 3;
    CHECK(count_stv(q, o).error().code() == errc::invalid_value);
    o.seats = std::nullopt;
    o.decimals = 12;
    CHECK(count_stv(q, o).error().code() == errc::invalid_value);
}

TEST_CASE("wigm: exact surplus transfer by hand") {
    // 2 seats, 9 papers: exact quota 3, elected on exceeding it. A has 6 (surplus 3, half of each paper moves).
    profile p({{"A"}, {"B"}, {"C"}}, 2, "t");
    const std::vector<mark> ab{{0, false}, {1, false}}, ac{{0, false}, {2, false}}, b{{1, false}}, c{{2, false}};
    (void)p.add(ab, 4);
    (void)p.add(ac, 2);
    (void)p.add(b, 1);
    (void)p.add(c, 2);
    auto r = count_stv(p, stv_options::wigm_exact());
    REQUIRE(r.has_value());
    REQUIRE(r->stages.size() >= 2);
    CHECK(r->stages[0].quota == rational(3));
    CHECK(r->stages[1].subject == 0);
    CHECK(r->stages[1].votes[1] == rational(3));  // 1 + 4 x 1/2
    CHECK(r->stages[1].votes[2] == rational(3));  // 2 + 2 x 1/2
    CHECK(r->elected.front() == 0);
}
