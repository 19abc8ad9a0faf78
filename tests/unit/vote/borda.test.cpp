// The Borda count: the published Tennessee scores, Dowdall's fractions, truncated ballots and equal rankings under
// each variant (worked by hand), and a tie for the last seat.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/borda.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

borda_options variant(borda_variant v, std::uint32_t seats = 1) {
    borda_options o;
    o.variant = v;
    o.seats = seats;
    return o;
}

}  // namespace

TEST_CASE("borda: Tennessee, classic scores as published and Dowdall's exact fractions") {
    auto f = load_blt(fs::path(TMO_TEST_DATA_DIR) / "elections" / "small" / "tennessee.blt");
    REQUIRE(f.has_value());
    const profile& p = f->profile;

    auto r = count_borda(p, variant(borda_variant::classic, 4));
    REQUIRE(r.has_value());
    // Published: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107.
    CHECK(r->stages[0].votes == std::vector<rational>{126, 194, 173, 107});
    CHECK(r->elected == std::vector<candidate_id>{1, 2, 0, 3});
    CHECK(r->valid_vote == rational(600));  // 100 papers x (3 + 2 + 1 + 0)
    CHECK(r->invalid_papers == 0);
    CHECK(r->summary == "Nashville, Chattanooga, Memphis and Knoxville were elected by the Borda count (classic).");

    // Dowdall, by hand: Memphis 42 + 58/4 = 113/2; Nashville 42/2 + 26 + 32/3 = 173/3; Chattanooga 42/3 + 26/2 +
    // 15 + 17/2 = 101/2; Knoxville 42/4 + 26/3 + 15/2 + 17 = 131/3. Total 100 x 25/12 = 625/3.
    auto d = count_borda(p, variant(borda_variant::dowdall));
    REQUIRE(d.has_value());
    CHECK(d->stages[0].votes ==
          std::vector<rational>{rational(113, 2), rational(173, 3), rational(101, 2), rational(131, 3)});
    CHECK(d->valid_vote == rational(625, 3));
    CHECK(d->elected == std::vector<candidate_id>{1});
    CHECK(format_value(d->stages[0].votes[0], d->decimals) == "56.5");
    CHECK(format_value(d->stages[0].votes[1], d->decimals) == "173/3");
}

TEST_CASE("borda: truncated ballots and equal rankings under each variant") {
    // 2 papers A > B, 1 paper B = C > A, 1 paper D only; 4 candidates, positions score 3, 2, 1, 0 (classic).
    auto f = read_blt("4 2\n2 1 2 0\n1 2=3 1 0\n1 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"t\"\n");
    REQUIRE(f.has_value());
    const profile& p = f->profile;

    // Classic, unranked 0: A 2x3 + 1 = 7; B 2x2 + (3+2)/2 = 13/2; C 5/2; D 3.
    auto classic = count_borda(p, variant(borda_variant::classic, 2));
    REQUIRE(classic.has_value());
    CHECK(classic->stages[0].votes == std::vector<rational>{7, rational(13, 2), rational(5, 2), 3});
    CHECK(classic->valid_vote == rational(19));
    CHECK(classic->elected == std::vector<candidate_id>{0, 1});

    // Classic, unranked share the positions left: A > B leaves (1+0)/2 to C and D; B = C > A leaves 0 to D; D
    // leaves (2+1+0)/3 = 1 to each of A, B, C. A 6+1+1 = 8; B 4 + 5/2 + 1 = 15/2; C 1 + 5/2 + 1 = 9/2; D 1 + 0 + 3.
    borda_options share = variant(borda_variant::classic, 2);
    share.unranked = borda_unranked::share;
    auto shared = count_borda(p, share);
    REQUIRE(shared.has_value());
    CHECK(shared->stages[0].votes == std::vector<rational>{8, rational(15, 2), rational(9, 2), 4});
    CHECK(shared->valid_vote == rational(24));  // every paper gives 3 + 2 + 1 + 0

    // Modified (m ranked: m, m-1, ...): A 2x2 + 1 = 5; B 2x1 + (3+2)/2 = 9/2; C 5/2; D 1.
    auto modified = count_borda(p, variant(borda_variant::modified, 2));
    REQUIRE(modified.has_value());
    CHECK(modified->stages[0].votes == std::vector<rational>{5, rational(9, 2), rational(5, 2), 1});

    // Dowdall: A 2 + 1/3 = 7/3; B 2 x 1/2 + (1 + 1/2)/2 = 7/4; C 3/4; D 1.
    auto dowdall = count_borda(p, variant(borda_variant::dowdall, 2));
    REQUIRE(dowdall.has_value());
    CHECK(dowdall->stages[0].votes == std::vector<rational>{rational(7, 3), rational(7, 4), rational(3, 4), 1});
    CHECK(dowdall->elected == std::vector<candidate_id>{0, 1});

    borda_options bad = variant(borda_variant::dowdall);
    bad.unranked = borda_unranked::share;
    auto refused = count_borda(p, bad);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code() == errc::invalid_value);
}

TEST_CASE("borda: a tie for the last seat is settled by the chain and recorded") {
    // 2 A > B > C, 2 B > A > C: A and B 6 points each, C 0.
    auto f = read_blt("3 1\n2 1 2 3 0\n2 2 1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
    REQUIRE(f.has_value());
    borda_options o;
    auto tied = count_borda(f->profile, o);
    REQUIRE_FALSE(tied.has_value());
    CHECK(tied.error().code() == errc::invalid_value);

    o.ties.methods = {tie_method::candidate_order};
    o.ties.order = {1, 0, 2};
    auto r = count_borda(f->profile, o);
    REQUIRE(r.has_value());
    CHECK(r->elected == std::vector<candidate_id>{1});
    REQUIRE(r->stages[0].ties.size() == 1);
    const tie_record& t = r->stages[0].ties[0];
    CHECK(t.kind == tie_kind::election);
    CHECK(t.tied == std::vector<candidate_id>{0, 1});
    CHECK(t.value == rational(6));
    CHECK(t.chosen == 1);
}
