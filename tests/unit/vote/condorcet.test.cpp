// Schulze and ranked pairs: Schulze's own worked example, the Tennessee example, a cycle worked by hand where winning
// votes and margins disagree, a tie between majorities of equal strength, and Burlington 2009, where both elect
// Montroll (the Condorcet winner) while instant-runoff elects Kiss; and the limits on candidates.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/condorcet.hpp>
#include <tmo/vote/long_format.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

const fs::path small = fs::path(TMO_TEST_DATA_DIR) / "elections" / "small";

profile load(const std::string& name) {
    auto r = load_blt(small / name);
    REQUIRE(r.has_value());
    return std::move(r->profile);
}

profile blt(const std::string& ballots, std::uint32_t candidates, std::uint32_t seats = 1) {
    std::string text = std::to_string(candidates) + " " + std::to_string(seats) + "\n" + ballots + "0\n";
    for (std::uint32_t c = 0; c < candidates; ++c) text += "\"" + std::string(1, static_cast<char>('A' + c)) + "\"\n";
    auto r = read_blt(text + "\"t\"\n");
    REQUIRE(r.has_value());
    return std::move(r->profile);
}

std::vector<std::vector<rational>> table(std::initializer_list<std::initializer_list<int>> rows) {
    std::vector<std::vector<rational>> out;
    for (auto row : rows) {
        out.emplace_back();
        for (int v : row) out.back().emplace_back(v);
    }
    return out;
}

condorcet_options with_seats(condorcet_options o, std::uint32_t seats) {
    o.seats = seats;
    return o;
}

}  // namespace

TEST_CASE("schulze: Schulze's example 1 gives his published matrices and the order E > A > C > B > D") {
    const profile p = load("schulze_example1.blt");
    // Published by Schulze (tests/data/elections/small/README.md); the diagonal is 0.
    const auto d = table({{0, 20, 26, 30, 22}, {25, 0, 16, 33, 18}, {19, 29, 0, 17, 24}, {15, 12, 28, 0, 14},
                          {23, 27, 21, 31, 0}});
    const auto paths = table({{0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24}, {25, 28, 28, 0, 24},
                              {25, 28, 28, 31, 0}});
    CHECK(pairwise_matrix(p) == d);

    auto r = count_schulze(p, condorcet_options::schulze());
    REQUIRE(r.has_value());
    CHECK(r->pairwise == d);
    CHECK(r->strongest_paths == paths);
    CHECK(r->majorities.empty());
    CHECK(r->elected == std::vector<candidate_id>{4});
    REQUIRE(r->stages.size() == 1);
    const stage& s = r->stages[0];
    // First preferences: A 5 + 5, B 8, C 3 + 7 + 2, D 7, E 8.
    CHECK(s.votes == std::vector<rational>{10, 8, 12, 7, 8});
    CHECK(r->valid_vote == rational(45));
    CHECK(s.non_transferable_total == rational());
    CHECK(s.ties.empty());
    CHECK(s.explanation.find("No candidate is ranked above every other by a majority.") != std::string::npos);
    CHECK(s.explanation.find("the order is E > A > C > B > D; E is elected.") != std::string::npos);

    auto all = count_schulze(p, with_seats(condorcet_options::schulze(), 5));
    REQUIRE(all.has_value());
    CHECK(all->elected == std::vector<candidate_id>{4, 0, 2, 1, 3});
    auto three = count_schulze(p, with_seats(condorcet_options::schulze(), 3));
    REQUIRE(three.has_value());
    CHECK(three->elected == std::vector<candidate_id>{4, 0, 2});
}

TEST_CASE("ranked pairs: Schulze's example 1 locks 7 of 10 majorities and elects A") {
    // Worked by hand from the published matrix: B>D 33, E>D 31, A>D 30, C>B 29 locked; D>C 28 passed over
    // (C>B>D); E>B 27, A>C 26 locked; B>A 25 passed over (A>C>B); C>E 24 locked; E>A 23 passed over (A>C>E).
    // Order A > C > E > B > D.
    auto r = count_ranked_pairs(load("schulze_example1.blt"), with_seats(condorcet_options::ranked_pairs(), 5));
    REQUIRE(r.has_value());
    const std::vector<majority> expected{
        {1, 3, 33, 12, true},  {4, 3, 31, 14, true},  {0, 3, 30, 15, true}, {2, 1, 29, 16, true},
        {3, 2, 28, 17, false}, {4, 1, 27, 18, true},  {0, 2, 26, 19, true}, {1, 0, 25, 20, false},
        {2, 4, 24, 21, true},  {4, 0, 23, 22, false}};
    CHECK(r->majorities == expected);
    CHECK(r->elected == std::vector<candidate_id>{0, 2, 4, 1, 3});
    CHECK(r->strongest_paths.empty());
    CHECK(r->stages[0].explanation.find("7 of 10 majorities were locked") != std::string::npos);
}

TEST_CASE("condorcet: Tennessee elects the Condorcet winner Nashville, ranked pairs orders the rest") {
    const profile p = load("tennessee.blt");
    const auto d = table({{0, 42, 42, 42}, {58, 0, 68, 68}, {58, 32, 0, 83}, {58, 32, 17, 0}});
    for (auto counter : {count_schulze, count_ranked_pairs}) {
        auto r = counter(p, with_seats(condorcet_options::schulze(), 4));
        REQUIRE(r.has_value());
        CHECK(r->pairwise == d);
        // Published: Nashville > Chattanooga > Knoxville > Memphis.
        CHECK(r->elected == std::vector<candidate_id>{1, 2, 3, 0});
        CHECK(r->stages[0].explanation.find("Nashville is the Condorcet winner") != std::string::npos);
        CHECK(r->stages[0].votes == std::vector<rational>{42, 26, 15, 17});
    }
}

TEST_CASE("condorcet: winning votes and margins break a cycle differently") {
    // Worked by hand. 6 A>B>C, 5 B>C>A, 2 A only, 4 C only. A over B 8-5, B over C 11-4, C over A 9-8.
    // Winning votes: the weakest defeat is A over B (8), so B wins; margins: C over A (+1) is weakest, so A wins.
    const profile p = blt("6 1 2 3 0\n5 2 3 1 0\n2 1 0\n4 3 0\n", 3);
    CHECK(pairwise_matrix(p) == table({{0, 8, 8}, {5, 0, 11}, {9, 4, 0}}));
    condorcet_options wv = with_seats(condorcet_options::schulze(), 3);
    condorcet_options margins = wv;
    margins.strength = condorcet_strength::margins;

    auto s = count_schulze(p, wv);
    REQUIRE(s.has_value());
    // Links 8 (A>B), 11 (B>C), 9 (C>A): p[B][A] = min(11, 9) = 9 > 8; p[C][A] = 9 > p[A][C] = min(8, 11) = 8.
    CHECK(s->strongest_paths == table({{0, 8, 8}, {9, 0, 11}, {9, 8, 0}}));
    CHECK(s->elected == std::vector<candidate_id>{1, 2, 0});
    auto sm = count_schulze(p, margins);
    REQUIRE(sm.has_value());
    // Margins A>B +3, B>C +7, C>A +1 (and their negatives): p[A][B] = 3, p[A][C] = min(3, 7) = 3, p[B][A] =
    // min(7, 1) = 1, p[B][C] = 7, p[C][A] = 1, p[C][B] = min(1, 3) = 1.
    CHECK(sm->strongest_paths == table({{0, 3, 3}, {1, 0, 7}, {1, 1, 0}}));
    CHECK(sm->elected == std::vector<candidate_id>{0, 1, 2});

    auto rp = count_ranked_pairs(p, wv);
    REQUIRE(rp.has_value());
    CHECK(rp->majorities == std::vector<majority>{{1, 2, 11, 4, true}, {2, 0, 9, 8, true}, {0, 1, 8, 5, false}});
    CHECK(rp->elected == std::vector<candidate_id>{1, 2, 0});
    auto rpm = count_ranked_pairs(p, margins);
    REQUIRE(rpm.has_value());
    CHECK(rpm->majorities == std::vector<majority>{{1, 2, 11, 4, true}, {0, 1, 8, 5, true}, {2, 0, 9, 8, false}});
    CHECK(rpm->elected == std::vector<candidate_id>{0, 1, 2});
}

TEST_CASE("ranked pairs: majorities of equal strength that conflict are ordered by the tie-breaking ranking") {
    // 5 ABCD, 4 BDAC, 3 CDAB, 1 DBCA (a published example): B>C 10-3; A>C and B>D 9-4; A>B, D>A and C>D all 8-5,
    // which cannot all be locked. With the ranking A, B, C, D: A>B and C>D are locked, D>A passed over: A wins.
    // With D, C, B, A: D>A is locked first, then C>D and A>B close cycles: B > D > A > C.
    const profile p = blt("5 1 2 3 4 0\n4 2 4 1 3 0\n3 3 4 1 2 0\n1 4 2 3 1 0\n", 4);
    condorcet_options o = condorcet_options::ranked_pairs();
    auto tied = count_ranked_pairs(p, o);  // backwards cannot help and lot has no seed
    REQUIRE_FALSE(tied.has_value());
    CHECK(tied.error().code() == errc::invalid_value);

    o.ties.methods = {tie_method::candidate_order};
    o.ties.order = {0, 1, 2, 3};
    o.seats = 4;
    auto r = count_ranked_pairs(p, o);
    REQUIRE(r.has_value());
    CHECK(r->elected == std::vector<candidate_id>{0, 1, 2, 3});
    REQUIRE(r->majorities.size() == 6);
    CHECK(r->majorities[3] == majority{0, 1, 8, 5, true});
    CHECK(r->majorities[4] == majority{2, 3, 8, 5, true});
    CHECK(r->majorities[5] == majority{3, 0, 8, 5, false});
    // The tie-breaking ranking is drawn once, one candidate at a time: three tie records.
    const auto& ties = r->stages[0].ties;
    REQUIRE(ties.size() == 3);
    CHECK(ties[0].tied == std::vector<candidate_id>{0, 1, 2, 3});
    CHECK(ties[0].chosen == 0);
    CHECK(ties[0].value == rational(8));
    CHECK(ties[0].method == tie_method::candidate_order);
    CHECK(ties[2].tied == std::vector<candidate_id>{2, 3});
    CHECK(ties[0].explanation.find("Tideman's tie-breaking ranking") != std::string::npos);

    o.ties.order = {3, 2, 1, 0};
    auto reversed = count_ranked_pairs(p, o);
    REQUIRE(reversed.has_value());
    CHECK(reversed->elected == std::vector<candidate_id>{1, 3, 0, 2});

    // Schulze: A and B are level (p[A][B] = 8 = p[B][A], by B>D>A), and so are A and D; B and A are unbeaten.
    condorcet_options s = condorcet_options::schulze();
    s.ties.methods = {tie_method::candidate_order};
    s.ties.order = {1, 0, 2, 3};
    auto schulze = count_schulze(p, s);
    REQUIRE(schulze.has_value());
    CHECK(schulze->elected == std::vector<candidate_id>{1});
    REQUIRE(schulze->stages[0].ties.size() == 1);
    CHECK(schulze->stages[0].ties[0].tied == std::vector<candidate_id>{0, 1});
}

TEST_CASE("condorcet: equal rankings, unranked candidates, withdrawals and invalid papers") {
    // 3 papers A=B>C, 2 papers C, 1 paper B>A, 1 paper with only withdrawn D, 1 blank paper.
    profile p = blt("3 1=2 3 0\n2 3 0\n1 2 1 0\n1 4 0\n1 0\n", 4);
    REQUIRE(p.withdraw(3).has_value());
    // A=B: neither side. Unranked candidates are below the ranked ones and level among themselves.
    // A over C: 3 (A=B>C) + 1 (B>A, C unranked).
    CHECK(pairwise_matrix(p) == table({{0, 0, 4, 0}, {1, 0, 4, 0}, {2, 2, 0, 0}, {0, 0, 0, 0}}));
    auto r = count_schulze(p, condorcet_options::schulze());
    REQUIRE(r.has_value());
    CHECK(r->invalid_papers == 2);
    CHECK(r->valid_vote == rational(6));
    // First preferences: A and B share 3 papers ranked first together.
    CHECK(r->stages[0].votes == std::vector<rational>{rational(3, 2), rational(5, 2), 2, 0});
    CHECK(r->stages[0].states[3] == candidate_state::withdrawn);
    CHECK(r->elected == std::vector<candidate_id>{1});  // B over A 1-0, B over C 4-2: the Condorcet winner

    auto too_many = count_schulze(p, with_seats(condorcet_options::schulze(), 4));
    REQUIRE_FALSE(too_many.has_value());
    CHECK(too_many.error().code() == errc::invalid_value);
}

TEST_CASE("condorcet: Burlington 2009 elects Andy Montroll, the Condorcet winner") {
    auto p = load_long_format(fs::path(TMO_TEST_DATA_DIR) / "elections" / "irv_misc" /
                              "us_vt_btv_2009_03_mayor.normalized.csv");
    REQUIRE(p.has_value());
    // Candidates in order of first appearance: Kiss, Montroll, Smith, Wright, Simpson, write-ins.
    for (auto counter : {count_schulze, count_ranked_pairs}) {
        auto r = counter(*p, condorcet_options::schulze());
        REQUIRE(r.has_value());
        CHECK(r->elected == std::vector<candidate_id>{1});
        const auto& d = r->pairwise;
        // counting.md §3.7: Montroll beats Kiss 4,064 to 3,476 and Wright 4,597 to 3,664.
        CHECK(d[1][0] == rational(4064));
        CHECK(d[0][1] == rational(3476));
        CHECK(d[1][3] == rational(4597));
        CHECK(d[3][1] == rational(3664));
        // Kiss v Wright is the final instant-runoff round of this file: 4,313 to 4,060.
        CHECK(d[0][3] == rational(4313));
        CHECK(d[3][0] == rational(4060));
        CHECK(r->stages[0].explanation.find("Andy Montroll is the Condorcet winner") != std::string::npos);
        // The 4 papers overvoted at the first rank (non-transferable in round 1 of the IRV count) place no one.
        CHECK(r->invalid_papers == 4);
        CHECK(r->valid_vote == rational(8976));
    }
}

TEST_CASE("condorcet: the text and JSON renderings carry the matrices and the majorities") {
    const profile p = blt("6 1 2 3 0\n5 2 3 1 0\n2 1 0\n4 3 0\n", 3);
    auto rp = count_ranked_pairs(p, condorcet_options::ranked_pairs());
    REQUIRE(rp.has_value());
    const std::string text = to_text(*rp);
    CHECK(text.find("Pairwise: papers ranking the row's candidate above the column's") != std::string::npos);
    CHECK(text.find("  B over C 11 to 4: locked\n  C over A 9 to 8: locked\n  A over B 8 to 5: passed over") !=
          std::string::npos);
    const std::string json = to_json(*rp);
    CHECK(json.find("\"majorities\"") != std::string::npos);
    CHECK(json.find("\"strongest_paths\"") == std::string::npos);
    auto s = count_schulze(p, condorcet_options::schulze());
    REQUIRE(s.has_value());
    CHECK(to_text(*s).find("Strongest paths:") != std::string::npos);
    CHECK(to_json(*s).find("\"strongest_paths\"") != std::string::npos);
}

TEST_CASE("condorcet: more candidates than condorcet_max_candidates is errc::too_large, before any table is made") {
    std::vector<candidate> many(condorcet_max_candidates + 1);
    for (std::size_t i = 0; i < many.size(); ++i) many[i].name = "C" + std::to_string(i + 1);
    profile p(std::move(many), 1);
    const mark first{0, false};
    REQUIRE(p.add(std::span<const mark>(&first, 1), 3).has_value());
    const auto schulze = count_schulze(p, condorcet_options::schulze());
    REQUIRE_FALSE(schulze.has_value());
    CHECK(schulze.error().code() == errc::too_large);
    CHECK(schulze.error().message() == "1001 candidates: the Condorcet rules count at most 1000");
    const auto pairs = count_ranked_pairs(p, condorcet_options::ranked_pairs());
    REQUIRE_FALSE(pairs.has_value());
    CHECK(pairs.error().code() == errc::too_large);
}

TEST_CASE("blt: a header declaring more than blt_max_candidates candidates is refused at the header") {
    const auto r = read_blt("100001 1\n1 1 0\n0\n", blt_mode::lenient, "big.blt");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == errc::invalid_value);
    CHECK(r.error().to_string() == "big.blt:1:1: error: the number of candidates must be between 1 and 100000");
}
