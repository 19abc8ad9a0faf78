// The long-format reader (ballot_id,rank,choice): markers, gaps, quoting, and errors with line and column.
#include <tmo/vote/long_format.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace tmo::vote;
using tmo::errc;

namespace {

tmo::error read_error(const std::string& text) {
    auto r = read_long_format(text, "in.csv");
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace

TEST_CASE("long format: candidates in order of appearance, markers, rank gaps, quotes and merged ballots") {
    auto r = read_long_format("ballot_id,rank,choice\r\n"
                              "a,1,Kiss\r\n"
                              "a,3,\"Smith, Dan\"\r\n"
                              "b,1,$OVERVOTE\r\n"
                              "b,2,$UNDERVOTE\r\n"
                              "\r\n"
                              "c,1,Kiss\r\n"
                              "c,3,\"Smith, Dan\"\r\n");
    REQUIRE(r.has_value());
    REQUIRE(r->candidate_count() == 2);
    CHECK(r->candidates()[0].name == "Kiss");
    CHECK(r->candidates()[1].name == "Smith, Dan");
    CHECK(r->seats() == 1);
    CHECK(r->papers() == 3);
    REQUIRE(r->ballots().size() == 2);
    CHECK(r->ballots()[0].marks == std::vector<mark>{{0, false}, {no_candidate, false}, {1, false}});
    CHECK(r->ballots()[0].count == 2);
    CHECK(r->ballots()[0].ids == std::vector<std::string>{"a", "c"});
    CHECK(r->ballots()[1].marks == std::vector<mark>{{overvote_mark, false}, {no_candidate, false}});
    CHECK(r->ballots()[1].has_equal_ranks());
}

TEST_CASE("long format errors give the line and column of the offending field") {
    auto e = read_error("id,rank,choice\n");
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 1 && e.where().column == 1));

    e = read_error("ballot_id,rank,choice\na,1,X\na,x,Y\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK(e.to_string() == "in.csv:3:3: error: the rank must be a whole number from 1 to 1000, found \"x\"");

    e = read_error("ballot_id,rank,choice\na,2,X\na,1,Y\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK((e.where().line == 3 && e.where().column == 3));

    e = read_error("ballot_id,rank,choice\na,1,X\nb,1,Y\na,2,Z\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK(e.to_string() == "in.csv:4:1: error: rows of ballot \"a\" are not together (its first row is on line 2)");

    e = read_error("ballot_id,rank,choice\nä,1,X,extra\n");
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 2 && e.where().column == 7));

    e = read_error("ballot_id,rank,choice\na,1,\"X\n");
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 2 && e.where().column == 5));

    e = read_error("ballot_id,rank,choice\na,1,\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK((e.where().line == 2 && e.where().column == 5));

    e = read_error("ballot_id,rank,choice\na,1,\xff\n");
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 2 && e.where().column == 5));
}

// Found by fuzzing: a quoted choice of blanks is read as a candidate, whose name a BLT file could not hold.
TEST_CASE("long format: a candidate whose name is blank fails validation") {
    const auto r = read_long_format("ballot_id,rank,choice\na,1,\"\t\v \"\nb,1,X\n", "in.csv");
    REQUIRE(r.has_value());
    const auto valid = r->validate();
    REQUIRE_FALSE(valid.has_value());
    CHECK(valid.error().code() == errc::invalid_value);
    CHECK(valid.error().message() == "candidate 1 has no name");
}
