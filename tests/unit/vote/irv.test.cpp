// IRV: the Burlington 2009 mayoral election (official figures), the ballot options on small examples, and the
// accounting identity at every round.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/irv.hpp>
#include <tmo/vote/long_format.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

const fs::path burlington = fs::path(TMO_TEST_DATA_DIR) / "elections" / "irv_misc" /
                            "us_vt_btv_2009_03_mayor.normalized.csv";

// Σ votes + exhausted (running) = valid papers at every round; the changes of a round add up to nothing.
void check_conservation(const count_result& r) {
    for (const stage& s : r.stages) {
        INFO("stage " << s.number);
        rational sum = s.non_transferable_total;
        for (const rational& v : s.votes) sum += v;
        CHECK(sum == r.valid_vote);
        CHECK(s.rounding_loss_total == rational());
        rational moved = s.non_transferable;
        for (const rational& t : s.transfers) moved += t;
        CHECK(moved == (s.number == 1 ? r.valid_vote : rational()));
    }
}

profile blt(const std::string& ballots, std::uint32_t candidates = 3) {
    std::string text = std::to_string(candidates) + " 1\n" + ballots + "0\n";
    for (std::uint32_t c = 0; c < candidates; ++c) text += "\"" + std::string(1, static_cast<char>('A' + c)) + "\"\n";
    auto r = read_blt(text + "\"t\"\n");
    REQUIRE(r.has_value());
    return std::move(r->profile);
}

candidate_id winner(const profile& p, const irv_options& o) {
    auto r = count_irv(p, o);
    REQUIRE(r.has_value());
    check_conservation(*r);
    REQUIRE(r->elected.size() == 1);
    return r->elected[0];
}

}  // namespace

TEST_CASE("irv: Burlington 2009 mayor elects Bob Kiss with the official round 1 and the final round of the file") {
    auto p = load_long_format(burlington);
    REQUIRE(p.has_value());
    REQUIRE(p->papers() == 8980);
    const std::vector<std::string> names{"Bob Kiss",    "Andy Montroll", "Dan Smith",
                                         "Kurt Wright", "James Simpson", "Write-in"};
    REQUIRE(p->candidate_count() == names.size());
    for (candidate_id c = 0; c < names.size(); ++c) CHECK(p->candidates()[c].name == names[c]);

    auto r = count_irv(*p, irv_options{});
    REQUIRE(r.has_value());
    check_conservation(*r);
    CHECK(r->elected == std::vector<candidate_id>{0});
    CHECK(r->invalid_papers == 0);
    CHECK(r->valid_vote == rational(8980));
    REQUIRE(r->stages.size() == 5);
    // Official round 1 (certified): Kiss 2,585, Montroll 2,063, Smith 1,306, Wright 2,951, Simpson 35, write-ins 36.
    const stage& first = r->stages.front();
    CHECK(first.votes == std::vector<rational>{2585, 2063, 1306, 2951, 35, 36});
    CHECK(first.non_transferable == rational(4));  // the overvoted first ranks
    CHECK(first.quota == rational(4489));
    CHECK(first.elected.empty());
    // Exclusions: Simpson, the write-ins, Smith, Montroll.
    CHECK(r->stages[1].excluded == std::vector<candidate_id>{4});
    CHECK(r->stages[2].excluded == std::vector<candidate_id>{5});
    CHECK(r->stages[3].excluded == std::vector<candidate_id>{2});
    CHECK(r->stages[4].excluded == std::vector<candidate_id>{1});
    // Final round in this file: Kiss 4,313, Wright 4,060, 607 exhausted (certified: 4,313 - 4,061).
    const stage& last = r->stages.back();
    CHECK(last.votes[0] == rational(4313));
    CHECK(last.votes[3] == rational(4060));
    CHECK(last.non_transferable_total == rational(607));
    CHECK(last.quota == rational(4187));
    CHECK(last.elected == std::vector<candidate_id>{0});
    CHECK(last.explanation.find("Bob Kiss has 4313, a majority, and is elected.") != std::string::npos);
    for (const stage& s : r->stages) CHECK(s.ties.empty());

    SUBCASE("batch elimination excludes Simpson, the write-ins and Smith together, to the same result") {
        irv_options o;
        o.batch_elimination = true;
        auto b = count_irv(*p, o);
        REQUIRE(b.has_value());
        check_conservation(*b);
        REQUIRE(b->stages.size() == 3);
        CHECK(b->stages[1].excluded == std::vector<candidate_id>{2, 4, 5});
        CHECK(b->stages[1].votes == r->stages[3].votes);
        CHECK(b->stages[2].votes == last.votes);
        CHECK(b->elected == std::vector<candidate_id>{0});
    }
}

TEST_CASE("irv: overvote rules") {
    // 4 A; 3 B; 2 papers C, then A and B at the same rank, then B.
    const profile p = blt("4 1 0\n3 2 0\n2 3 1=2 2 0\n");
    irv_options o;
    CHECK(winner(p, o) == 0);  // exhausted at the overvote: A 4 of 7
    o.overvote = overvote_rule::skip_to_next_rank;
    CHECK(winner(p, o) == 1);  // on to B: B 5 of 9
    o.overvote = overvote_rule::exhaust_if_multiple_continuing;
    CHECK(winner(p, o) == 0);  // A and B both continuing: exhausted

    // Only one of the overvoted candidates is continuing: the paper counts for it.
    const profile q = blt("4 1 0\n3 2 0\n1 3 0\n2 4 3=2 0\n", 4);
    CHECK(winner(q, o) == 1);  // C excluded, then D, whose papers go to B (C is out): B 5 of 9
    o.overvote = overvote_rule::exhaust_immediately;
    CHECK(winner(q, o) == 0);
}

TEST_CASE("irv: skipped ranks, duplicate rankings and an unnamed overvote") {
    const profile skipped = blt("4 1 0\n3 2 0\n2 3 - - 2 0\n");
    irv_options o;
    CHECK(winner(skipped, o) == 1);
    o.max_skipped_ranks = 1;
    CHECK(winner(skipped, o) == 0);
    o.max_skipped_ranks = 2;
    CHECK(winner(skipped, o) == 1);

    const profile duplicate = blt("4 1 0\n3 2 0\n2 3 3 2 0\n");
    irv_options d;
    CHECK(winner(duplicate, d) == 1);
    d.duplicates = duplicate_rule::exhaust;
    CHECK(winner(duplicate, d) == 0);

    auto unnamed = read_long_format("ballot_id,rank,choice\n1,1,A\n2,1,A\n3,1,B\n4,1,$OVERVOTE\n4,2,B\n5,1,B\n6,1,A\n");
    REQUIRE(unnamed.has_value());
    irv_options m;
    m.overvote = overvote_rule::exhaust_if_multiple_continuing;
    auto r = count_irv(*unnamed, m);
    REQUIRE(r.has_value());
    check_conservation(*r);
    CHECK(r->invalid_papers == 0);
    CHECK(r->stages[0].non_transferable == rational(1));
    CHECK(r->stages[0].quota == rational(3));
    CHECK(r->elected == std::vector<candidate_id>{0});
}

TEST_CASE("irv: a majority in round 1, and going on until two remain") {
    const profile p = blt("6 1 0\n2 2 0\n1 3 2 0\n");
    auto r = count_irv(p, irv_options{});
    REQUIRE(r.has_value());
    CHECK(r->stages.size() == 1);
    CHECK(r->elected == std::vector<candidate_id>{0});
    CHECK(r->summary == "A was elected in round 1. The count took 1 round.");

    irv_options o;
    o.continue_until_two = true;
    r = count_irv(p, o);
    REQUIRE(r.has_value());
    check_conservation(*r);
    REQUIRE(r->stages.size() == 2);
    CHECK(r->stages[0].elected == std::vector<candidate_id>{0});
    CHECK(r->stages[1].excluded == std::vector<candidate_id>{2});
    CHECK(r->stages[1].votes == std::vector<rational>{6, 3, 0});
    CHECK(r->stages[1].states[0] == candidate_state::elected);
    CHECK(r->elected == std::vector<candidate_id>{0});
}

TEST_CASE("irv: ties for exclusion go through the tie chain") {
    const profile p = blt("2 1 0\n2 2 0\n3 3 0\n");
    irv_options o;
    auto e = count_irv(p, o);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::invalid_value);

    o.ties.methods = {tie_method::candidate_order};
    o.ties.order = {0, 2, 1};  // B listed last: excluded
    auto r = count_irv(p, o);
    REQUIRE(r.has_value());
    check_conservation(*r);
    REQUIRE(r->stages[1].ties.size() == 1);
    CHECK(r->stages[1].ties[0].kind == tie_kind::exclusion);
    CHECK(r->stages[1].ties[0].tied == std::vector<candidate_id>{0, 1});
    CHECK(r->stages[1].ties[0].chosen == 1);
    CHECK(r->stages[1].excluded == std::vector<candidate_id>{1});
}

TEST_CASE("irv: several winners per round (RCTab), a surplus and a candidate elected as the last continuing one") {
    // A 5, B 3, C 3, D 2 (D's papers go to B); 3 seats, 13 votes: threshold floor(13/4) + 1 = 4, 4 decimals.
    auto file = read_blt("4 3\n5 1 0\n3 2 0\n3 3 0\n2 4 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"t\"\n");
    REQUIRE(file.has_value());
    irv_options o;
    o.multi_winner = irv_multi_winner{3, irv_threshold::whole, 4};
    auto r = count_irv(file->profile, o);
    REQUIRE(r.has_value());
    REQUIRE(r->stages.size() == 4);
    // Round 1: A is elected with 5; round 2 moves A's surplus 1 (fraction 1/5 = 0.2 of each paper), which finds no
    // one: 1 exhausted.
    CHECK(r->stages[0].quota == tmo::rational(4));
    CHECK(r->stages[0].elected == std::vector<candidate_id>{0});
    CHECK(r->stages[1].action == stage_action::surplus);
    CHECK(r->stages[1].non_transferable == tmo::rational(1));
    // Round 3: D is excluded, B reaches 5 and is elected; C, the last continuing candidate, takes the last seat.
    CHECK(r->stages[2].excluded == std::vector<candidate_id>{3});
    CHECK(r->stages[2].elected == std::vector<candidate_id>{1, 2});
    CHECK(r->stages[2].deemed_elected == std::vector<candidate_id>{2});
    // Final round: B's surplus 1 is exhausted; C keeps its 3 papers, takes none and is not raised to the threshold.
    const stage& last = r->stages[3];
    CHECK(last.votes == std::vector<tmo::rational>{4, 4, 3, 0});
    CHECK(last.non_transferable_total == tmo::rational(2));
    CHECK(last.rounding_loss_total == tmo::rational(0));
    CHECK(r->elected == std::vector<candidate_id>{0, 1, 2});
    CHECK(r->parameters.find("winners=3 threshold=whole arithmetic=fixed-4") != std::string::npos);

    o.continue_until_two = true;
    CHECK(count_irv(file->profile, o).error().code() == tmo::errc::invalid_value);
    o.continue_until_two = false;
    o.multi_winner->seats = 5;
    CHECK(count_irv(file->profile, o).error().code() == tmo::errc::invalid_value);
}
