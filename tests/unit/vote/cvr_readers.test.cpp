// The cast-vote-record readers: generic CSV (a column per candidate), rank columns, NIST CDF JSON, and the format
// told from the content; each with its errors located by line and column.
#include <tmo/vote/ballot_file.hpp>
#include <tmo/vote/cdf.hpp>
#include <tmo/vote/generic_csv.hpp>
#include <tmo/vote/rank_columns.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace tmo::vote;
using tmo::errc;

namespace {

std::string where(const tmo::error& e) {
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column);
}

// A CDF report with candidates A, B, C (selections sa, sb, sc) and the given CVR array.
std::string cdf(const std::string& cvrs) {
    return R"({"Election": [{"@id": "e", "Candidate": [{"@id": "a", "Name": "Ann"}, {"@id": "b", "Name": "Bob"},
  {"@id": "c", "Name": "Cy"}],
  "Contest": [{"@id": "k", "Name": "Chair", "ContestSelection": [{"@id": "sa", "CandidateIds": ["a"]},
    {"@id": "sb", "CandidateIds": ["b"]}, {"@id": "sc", "CandidateIds": ["c"]},
    {"@id": "sw", "IsWriteIn": true}]}]}],
 "CVR": )" + cvrs + "}";
}

std::string record(const std::string& id, const std::string& selections) {
    return R"({"BallotPrePrintedId": ")" + id + R"(", "CurrentSnapshotId": "s1", "CVRSnapshot": [{"@id": "s0",
  "CVRContest": [{"ContestId": "k", "CVRContestSelection": []}]}, {"@id": "s1", "CVRContest": [
  {"ContestId": "k", "CVRContestSelection": [)" + selections + "]}]}]}";
}

std::string mark_at(const std::string& selection, int rank, const std::string& extra = {}) {
    return R"({"ContestSelectionId": ")" + selection + R"(", "SelectionPosition": [{"Rank": )" +
           std::to_string(rank) + extra + "}]}";
}

}  // namespace

TEST_CASE("generic csv: candidate columns found from the content, ranks, overvotes, skipped ranks and write-ins") {
    const std::string text = "\xEF\xBB\xBFResponse ID,precinct,Lettuce,Broccoli,Write-In\r\n"
                             "r1,p1,,2,1\r\n"
                             "r2,p1,1,1,\r\n"
                             "r3,,3,1,\r\n"
                             "r4,p2,,,\r\n";
    auto f = read_generic_csv(text, "g.csv");
    REQUIRE(f.has_value());
    CHECK(f->first_vote_column == 3);
    CHECK(f->id_column == 1u);
    const profile& p = f->profile;
    REQUIRE(p.candidate_count() == 3);
    CHECK(p.candidates()[0].name == "Lettuce");
    CHECK(p.candidates()[2].name == "Undeclared Write-ins");
    CHECK(p.candidates()[2].write_in);
    CHECK_FALSE(p.candidates()[1].write_in);
    CHECK(p.papers() == 4);
    REQUIRE(p.ballots().size() == 4);
    CHECK(p.ballots()[0].marks == std::vector<mark>{{2, false}, {1, false}});
    CHECK(p.ballots()[0].ids == std::vector<std::string>{"r1"});
    CHECK(p.ballots()[1].marks == std::vector<mark>{{0, false}, {1, true}});  // an overvote at rank 1
    CHECK(p.ballots()[2].marks == std::vector<mark>{{1, false}, {no_candidate, false}, {0, false}});  // rank 2 skipped
    CHECK(p.ballots()[3].marks.empty());

    SUBCASE("the columns given by the caller") {
        generic_csv_options o;
        o.first_vote_column = 4;
        o.id_column = 2;
        o.write_in_label = "";
        auto g = read_generic_csv("id,x,Lettuce,Broccoli,Write-In\nr1,p1,,2,1\n", "g.csv", o);
        REQUIRE(g.has_value());
        REQUIRE(g->profile.candidate_count() == 2);
        CHECK(g->profile.candidates()[1].name == "Write-In");
        CHECK_FALSE(g->profile.candidates()[1].write_in);
        CHECK(g->profile.ballots()[0].ids == std::vector<std::string>{"p1"});
        CHECK(g->profile.ballots()[0].marks == std::vector<mark>{{1, false}, {0, false}});
    }
}

TEST_CASE("generic csv errors give the line and column") {
    auto e = read_generic_csv("id,A,B\nr1,1\n", "g.csv");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "g.csv:2:1: error: expected 3 fields as in the header, found 2");

    generic_csv_options o;
    o.first_vote_column = 2;
    e = read_generic_csv("id,A,B\nr1,1,2\nr2,x,1\n", "g.csv", o);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::invalid_value);
    CHECK(e.error().to_string() == "g.csv:3:4: error: expected a blank or a rank from 1 to 2 for A, found \"x\"");

    e = read_generic_csv("id,A,B\nr1,1,3\n", "g.csv", o);  // a rank above the number of candidates
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "g.csv:2:6: error: expected a blank or a rank from 1 to 2 for B, found \"3\"");

    e = read_generic_csv("id,A,B\nr1,1,x\n", "g.csv");  // no column of ranks at the end
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::syntax);
    CHECK(where(e.error()) == "1:6");

    e = read_generic_csv("id,A\nr1,\"1\n", "g.csv");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "g.csv:2:4: error: unterminated quoted field");

    e = read_generic_csv("id,A\nr\xFF,1\n", "g.csv");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "g.csv:2:2: error: the text is not UTF-8");

    CHECK(read_generic_csv("", "g.csv").error().code() == errc::syntax);
}

TEST_CASE("rank columns: names, markers, quotes, ids and a write-in") {
    auto p = read_rank_columns("ballot_id,precinct,rank1,Rank2,RANK 3\r\n"
                               "1,p,\"ABDUL M RAHAMAN \"\"THE ROCK\"\"\",overvote,UWI\r\n"
                               "2,p,undervote,BETSY HODGES,\r\n"
                               "3,p,BETSY HODGES,BETSY HODGES,undervote\r\n",
                               "mn.csv");
    REQUIRE(p.has_value());
    REQUIRE(p->candidate_count() == 3);
    CHECK(p->candidates()[0].name == "ABDUL M RAHAMAN \"THE ROCK\"");
    CHECK(p->candidates()[1].name == "Undeclared Write-ins");
    CHECK(p->candidates()[1].write_in);
    CHECK(p->candidates()[2].name == "BETSY HODGES");
    REQUIRE(p->ballots().size() == 3);
    CHECK(p->ballots()[0].marks == std::vector<mark>{{0, false}, {overvote_mark, false}, {1, false}});
    CHECK(p->ballots()[0].ids == std::vector<std::string>{"1"});
    CHECK(p->ballots()[1].marks == std::vector<mark>{{no_candidate, false}, {2, false}});  // trailing blanks dropped
    CHECK(p->ballots()[2].marks == std::vector<mark>{{2, false}, {2, false}});              // a duplicate, as marked

    rank_columns_options o;
    o.overvote = "OV";
    o.undervote = "";
    o.write_in = "";
    auto q = read_rank_columns("rank1,rank2\nOV,undervote\n", "x.csv", o);
    REQUIRE(q.has_value());
    REQUIRE(q->candidate_count() == 1);
    CHECK(q->candidates()[0].name == "undervote");
    CHECK(q->ballots()[0].marks == std::vector<mark>{{overvote_mark, false}, {0, false}});
}

TEST_CASE("rank columns errors give the line and column") {
    auto e = read_rank_columns("rank1,rank3\nA,B\n", "r.csv");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "r.csv:1:7: error: expected the column rank2, found \"rank3\"");
    e = read_rank_columns("rank1,rank2\nA,B,C\n", "r.csv");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "r.csv:2:5: error: expected 2 fields as in the header, found 3");
    e = read_rank_columns("id,rank1\n,A\n", "r.csv");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "r.csv:2:1: error: the paper's id is empty");
}

TEST_CASE("cdf: candidates from the manifest, ranks from the current snapshot, overvotes and write-ins") {
    const std::string text =
        cdf("[" + record("1", mark_at("sb", 1) + "," + mark_at("sa", 3)) + ",\n" +
            record("2", mark_at("sa", 1) + "," + mark_at("sc", 1) + "," + mark_at("sw", 2)) + ",\n" +
            record("3", mark_at("sa", 1, R"(, "HasIndication": "no")") + "," + mark_at("sc", 2)) + "]");
    auto p = read_cdf(text, "c.json");
    REQUIRE(p.has_value());
    CHECK(p->title() == "Chair");
    REQUIRE(p->candidate_count() == 4);
    CHECK(p->candidates()[1].name == "Bob");
    CHECK(p->candidates()[3].name == "Undeclared Write-ins");
    CHECK(p->candidates()[3].write_in);
    REQUIRE(p->ballots().size() == 3);
    CHECK(p->ballots()[0].marks == std::vector<mark>{{1, false}, {no_candidate, false}, {0, false}});
    CHECK(p->ballots()[0].ids == std::vector<std::string>{"1"});
    CHECK(p->ballots()[1].marks == std::vector<mark>{{0, false}, {2, true}, {3, false}});
    CHECK(p->ballots()[2].marks == std::vector<mark>{{no_candidate, false}, {2, false}});

    auto other = read_cdf(text, "c.json", cdf_options{"nope"});
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().code() == tmo::errc::invalid_value);
}

TEST_CASE("cdf errors give the line and column of the JSON value, and hostile input is refused") {
    auto e = read_cdf(cdf("[" + record("1", mark_at("sb", 0)) + "]"), "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::invalid_value);
    CHECK(e.error().message() == "a Rank must be a whole number from 1 to 4 (the number of selections)");
    CHECK(where(e.error()) == "8:106");  // the 0 after "Rank": 
    CHECK(e.error().where().key_path ==
          "CVR[0].CVRSnapshot[1].CVRContest[0].CVRContestSelection[0].SelectionPosition[0].Rank");

    e = read_cdf(cdf("[" + record("1", mark_at("sx", 1)) + "]"), "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().message() == "the contest has no selection \"sx\"");
    CHECK(where(e.error()) == "8:69");  // the string "sx"

    e = read_cdf(cdf("[" + record("1", R"({"ContestSelectionId": "sa", "SelectionPosition": [{"Rank": "1"}]})") + "]"),
                 "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::wrong_type);
    CHECK(e.error().message() == "Rank must be a number, found a string");

    e = read_cdf(R"({"CVR": []})", "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::missing_key);
    CHECK(e.error().to_string() == "c.json:1:1: error: expected the member \"Election\"");

    e = read_cdf("{\n  \"Election\": [,]}", "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::syntax);
    CHECK(where(e.error()) == "2:16");

    e = read_cdf(std::string(100, '[') + std::string(100, ']'), "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code() == errc::too_large);
    CHECK(where(e.error()) == "1:65");

    e = read_cdf("{\"a\": \"\xC3\"}", "c.json");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().to_string() == "c.json:1:8: error: the text is not UTF-8");
}

TEST_CASE("ballot files: the format told from the content") {
    CHECK(detect_format("3 1\n1 1 0\n0\n").value() == ballot_format::blt);
    CHECK(detect_format("\xEF\xBB\xBF{\"CVR\": []}").value() == ballot_format::cdf_json);
    CHECK(detect_format("\n\nballot_id, rank, choice\n").value() == ballot_format::long_format);
    CHECK(detect_format("precinct,Rank 1,Rank 2\n").value() == ballot_format::rank_columns);
    CHECK(detect_format("id,Ann,Bob\nr1,1,2\n").value() == ballot_format::generic_csv);
    CHECK(detect_format("rank10,rank11\n").value() == ballot_format::generic_csv);
    auto none = detect_format("hello\n", "x.txt");
    REQUIRE_FALSE(none.has_value());
    CHECK(where(none.error()) == "1:1");
    CHECK(std::string(name(ballot_format::rank_columns)) == "rank-columns");

    auto valid = read_generic_csv("Valid,Ann,Bob\nyes,1,2\n", "g.csv");  // "Valid" is not an id column
    REQUIRE(valid.has_value());
    CHECK_FALSE(valid->id_column.has_value());
    CHECK(valid->profile.ballots()[0].ids.empty());

    auto f = read_ballots("Response ID,Ann,Bob\nr1,1,2\nr2,,1\n", "g.csv");
    REQUIRE(f.has_value());
    CHECK(f->format == ballot_format::generic_csv);
    CHECK(f->profile.candidate_count() == 2);
    REQUIRE(f->warnings.size() == 1);
    CHECK(f->warnings[0].message.find("column 1 holds no ranks") != std::string::npos);
}
