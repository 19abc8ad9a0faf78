// Plurality and block vote on a small worked example: marks counted, spoilt papers set aside, ties for a seat.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/plurality.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

// Ann, Bob, Cat, Dan; 2 seats.
//   3 papers: Ann, Bob      2 papers: Ann, Cat      2 papers: Bob      1 paper: Ann, Bob, Cat      1 paper: Dan, Dan
profile example() {
    auto r = read_blt("4 2\n3 1 2 0\n2 1 3 0\n2 2 0\n1 1 2 3 0\n1 4 4 0\n0\n\"Ann\"\n\"Bob\"\n\"Cat\"\n\"Dan\"\n\"AGM\"\n");
    REQUIRE(r.has_value());
    return std::move(r->profile);
}

}  // namespace

TEST_CASE("block vote: two seats, up to two marks") {
    auto r = count_block(example(), block_options::block());
    REQUIRE(r.has_value());
    REQUIRE(r->stages.size() == 1);
    const stage& s = r->stages[0];
    // The three-mark paper is spoilt; Dan marked twice counts once.
    CHECK(s.votes == std::vector<rational>{5, 5, 2, 1});
    CHECK(r->papers == 9);
    CHECK(r->invalid_papers == 1);
    CHECK(r->valid_vote == rational(13));
    CHECK(s.non_transferable_total == rational());
    CHECK(r->elected == std::vector<candidate_id>{0, 1});
    CHECK(s.states == std::vector<candidate_state>{candidate_state::elected, candidate_state::elected,
                                                   candidate_state::continuing, candidate_state::continuing});
    CHECK(s.explanation == "8 valid papers cast 13 votes (at most 2 per paper); 1 spoilt (more marks than allowed) and "
                           "0 blank papers were set aside. Ann and Bob have the most votes and are elected.");
}

TEST_CASE("plurality: one mark, one seat") {
    auto r = count_block(example(), block_options::plurality());
    REQUIRE(r.has_value());
    CHECK(r->seats == 1);
    CHECK(r->stages[0].votes == std::vector<rational>{0, 2, 0, 1});
    CHECK(r->invalid_papers == 6);
    CHECK(r->valid_vote == rational(3));
    CHECK(r->elected == std::vector<candidate_id>{1});
    CHECK(r->summary == "Bob was elected by plurality with the most votes.");
}

TEST_CASE("block vote: a tie for the last seat goes through the tie chain") {
    block_options o;
    o.max_marks = 3;  // the three-mark paper counts: Ann 6, Bob 6, Cat 3
    o.seats = 1;
    auto e = count_block(example(), o);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::invalid_value);  // backwards finds no earlier stage; lot has no seed

    o.ties.methods = {tie_method::candidate_order};
    o.ties.order = {1, 0, 2, 3};
    auto r = count_block(example(), o);
    REQUIRE(r.has_value());
    CHECK(r->elected == std::vector<candidate_id>{1});
    REQUIRE(r->stages[0].ties.size() == 1);
    CHECK(r->stages[0].ties[0].kind == tie_kind::election);
    CHECK(r->stages[0].ties[0].tied == std::vector<candidate_id>{0, 1});
    CHECK(r->stages[0].ties[0].value == rational(6));

    o.seats = 0;
    CHECK(count_block(example(), o).error().code() == errc::invalid_value);
}

TEST_CASE("approval: every mark approves, with no limit unless one is set") {
    auto f = load_blt(std::filesystem::path(TMO_TEST_DATA_DIR) / "elections" / "small" / "committee_approval.blt");
    REQUIRE(f.has_value());
    auto r = count_block(f->profile, block_options::approval());
    REQUIRE(r.has_value());
    // By hand (tests/data/elections/small/README.md): Ann 12, Bob 13, Cat 9, Dan 5; one blank paper.
    CHECK(r->stages[0].votes == std::vector<rational>{12, 13, 9, 5});
    CHECK(r->invalid_papers == 1);
    CHECK(r->valid_vote == rational(39));
    CHECK(r->elected == std::vector<candidate_id>{1, 0});
    CHECK(r->parameters == "seats=file max-marks=any ties=backwards(a),lot");
    CHECK(r->stages[0].explanation == "20 valid papers cast 39 votes; 0 spoilt (an overvote) and 1 blank papers were "
                                      "set aside. Bob and Ann have the most votes and are elected.");

    // At most two approvals: the 2 papers approving all four are spoilt.
    block_options two = block_options::approval();
    two.max_marks = 2;
    auto limited = count_block(f->profile, two);
    REQUIRE(limited.has_value());
    CHECK(limited->stages[0].votes == std::vector<rational>{10, 11, 7, 3});
    CHECK(limited->invalid_papers == 3);

    // Shared ranks are read as marks like any other: 1=3 approves Ann and Cat.
    auto equal = read_blt("3 1\n2 1=3 0\n1 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Cat\"\n\"t\"\n");
    REQUIRE(equal.has_value());
    block_options one = block_options::approval();
    one.ties.methods = {tie_method::candidate_order};
    one.ties.order = {0, 1, 2};
    auto e = count_block(equal->profile, one);
    REQUIRE(e.has_value());
    CHECK(e->stages[0].votes == std::vector<rational>{2, 1, 2});
    CHECK(e->elected == std::vector<candidate_id>{0});  // Ann and Cat tie; the order favours Ann
}
