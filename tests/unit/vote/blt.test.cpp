// The BLT reader (strict and lenient) and writer.
#include <tmo/vote/blt.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace tmo::vote;
using tmo::errc;

namespace {

tmo::error read_error(std::string_view text, blt_mode mode = blt_mode::strict) {
    auto r = read_blt(text, mode, "in.blt");
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace

TEST_CASE("BLT: a standard file with merged ballots, withdrawn candidates, blanks, equal ranks and ids") {
    const std::string text =
        "4 2\n-4\n# comment\n3 1 2 0\n2 1 2 0\n1 3 - 2 0 1 2=3 0\n(p7) 1 4 1 0\n0\n"
        "\"Ann\"\n\"Bo \"\"B\"\"\"\n\"Cy\"\n\"Di\"\n\"Title\"\n\"source\"\n";
    auto r = read_blt(text, blt_mode::strict, "x.blt");
    REQUIRE(r.has_value());
    const profile& p = r->profile;
    CHECK(p.candidate_count() == 4);
    CHECK(p.seats() == 2);
    CHECK(p.candidates()[3].withdrawn);
    CHECK(p.candidates()[1].name == "Bo \"B\"");
    CHECK(p.title() == "Title");
    CHECK(r->extra_strings == std::vector<std::string>{"source"});
    CHECK(p.papers() == 8);
    REQUIRE(p.ballots().size() == 4);  // "1 2" twice merged
    CHECK(p.ballots()[0].count == 5);
    CHECK(p.ballots()[1].marks == std::vector<mark>{{2, false}, {no_candidate, false}, {1, false}});
    CHECK(p.ballots()[2].has_equal_ranks());
    CHECK(p.ballots()[2].rank_groups() == std::vector<std::vector<candidate_id>>{{1, 2}});
    CHECK(p.ballots()[3].ids == std::vector<std::string>{"p7"});
    for (const char* e : {"withdrawn", "comment", "blank rank", "equal ranking", "ballot id"}) {
        INFO(std::string(e));
        CHECK(std::find(r->extensions.begin(), r->extensions.end(), e) != r->extensions.end());
    }
}

TEST_CASE("BLT: written files read back into an equal profile") {
    const std::string text = "3 1\n[tie 3 1 2]\n2 2 1 0\n1 1 3=2 0\n(a) 1 3 0\n(b) 1 3 0\n4 3 0\n0\n"
                             "\"A\"\n\"B \"\"q\"\"\"\n\"C\"\n\"T\"\n";
    auto first = read_blt(text, blt_mode::strict);
    REQUIRE(first.has_value());
    const std::string written = write_blt(first->profile);
    auto second = read_blt(written, blt_mode::strict);
    REQUIRE(second.has_value());
    CHECK(second->profile.candidates() == first->profile.candidates());
    CHECK(second->profile.tie_order() == std::vector<candidate_id>{2, 0, 1});
    REQUIRE(second->profile.ballots().size() == first->profile.ballots().size());
    for (std::size_t i = 0; i < first->profile.ballots().size(); ++i) {
        CHECK(second->profile.ballots()[i].marks == first->profile.ballots()[i].marks);
        CHECK(second->profile.ballots()[i].count == first->profile.ballots()[i].count);
        CHECK(second->profile.ballots()[i].ids == first->profile.ballots()[i].ids);
    }
    CHECK(write_blt(second->profile) == written);
}

TEST_CASE("BLT: nicknames, [withdrawn] and other option lines") {
    auto r = read_blt("3 2\n[nick a b c]\n[withdrawn 2]\n[droop precision=5]\n5 a b 0\n1 b=c 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n",
                      blt_mode::strict);
    REQUIRE(r.has_value());
    CHECK(r->profile.candidates()[1].withdrawn);
    CHECK(r->profile.ballots()[0].marks == std::vector<mark>{{0, false}, {1, false}});
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].where.line == 4);
}

TEST_CASE("BLT errors give the line and column of the offending token") {
    auto e = read_error("3 2\n1 1 4 0\n0\n\"a\"\n\"b\"\n\"c\"\n\"t\"\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 5);
    CHECK(e.to_string() == "in.blt:2:5: error: candidate 4 does not exist: candidates are numbered 1 to 3");

    e = read_error("three 2\n");
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 1 && e.where().column == 1));

    e = read_error("3 4\n0\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK((e.where().line == 1 && e.where().column == 3));

    e = read_error("2 1\n 1 1 2\n");  // no 0 at the end of the ballot, none at the end of the ballots
    CHECK(e.code() == errc::syntax);
    CHECK(e.where().line == 2);

    e = read_error("2 1\n1 1 1 0\n0\n\"a\"\n\"b\"\n\"t\"\n");  // ranked twice
    CHECK(e.code() == errc::invalid_value);
    CHECK((e.where().line == 2 && e.where().column == 5));

    e = read_error("2 1\n1 1 0\n0\n\"a\"\nb\n\"t\"\n");  // unquoted in strict mode
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 5 && e.where().column == 1));

    e = read_error("2 1\n1 1 0\n0\n\"a\"\n\"\xC3\xA9\xFF\"\n\"t\"\n");  // invalid UTF-8 after one accented letter
    CHECK(e.code() == errc::syntax);
    CHECK((e.where().line == 5 && e.where().column == 3));

    e = read_error("2 1\n1 1 0\n0\n\"a\"\n");
    CHECK(e.code() == errc::syntax);
    CHECK(e.message().find("expected 2 candidate names") != std::string::npos);

    e = read_error("2 1\n0 1 0\n/* open\n");
    CHECK(e.code() == errc::syntax);

    e = read_error("2 1\n(x) 2 1 0\n0\n");
    CHECK(e.code() == errc::invalid_value);
    CHECK((e.where().line == 2 && e.where().column == 5));

    e = read_error("");
    CHECK(e.code() == errc::syntax);
}

TEST_CASE("BLT lenient mode reads the published Scottish quirks") {
    // Unquoted names and title, CSV-style doubled quotes, two quoted strings on a line, Windows-1252 bytes, a
    // candidate ranked twice.
    const std::string text = "4 2\n2 1 2 1 0\n1 3 0\n0\nBarney CROCKETT (Lab)\n"
                             "\"Gill AL-SAMARAI \"\"Scottish National Party (SNP)\"\"\"\n"
                             "\"Helen MACKENZIE\" \"Scottish Liberal Democrats\"\n"
                             "Ciar\xE1n MCRAE (SNP)\n"
                             "Wa rd 1 - B an ff\n";
    auto r = read_blt(text, blt_mode::lenient, "w.blt");
    REQUIRE(r.has_value());
    const auto& c = r->profile.candidates();
    CHECK(c[0].name == "Barney CROCKETT (Lab)");
    CHECK(c[1].name == "Gill AL-SAMARAI Scottish National Party (SNP)");
    CHECK(c[2].name == "Helen MACKENZIE Scottish Liberal Democrats");
    CHECK(c[3].name == "Ciar\xC3\xA1n MCRAE (SNP)");
    CHECK(r->profile.title() == "Wa rd 1 - B an ff");
    REQUIRE(r->warnings.size() == 2);
    CHECK(r->warnings[0].where.line == 8);  // the Windows-1252 name
    CHECK(r->warnings[1].where.line == 2);  // the duplicate
    CHECK(r->profile.ballots()[0].marks.size() == 3);  // kept as marked
    // The same text is not standard BLT.
    CHECK_FALSE(read_blt(text, blt_mode::strict).has_value());
}

TEST_CASE("BLT: a file that cannot be opened is an io error naming it") {
    auto r = load_blt("/nonexistent/x.blt");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == errc::io);
    CHECK(r.error().where().file == "/nonexistent/x.blt");
}

TEST_CASE("blt: write_blt writes what BLT cannot hold as near as it can, and the text reads back") {
    // Found by fuzz_long_format and fuzz_rank_columns (fuzz/crashes/): a ballot id holding ')' made the written file
    // unreadable. A name with a line break did the same.
    profile p({{"Ann\nSmith", false, false}, {"Bob", false, false}}, 1, "Two\r\nlines");
    const std::vector<mark> first{{0, false}, {1, false}};
    REQUIRE(p.add(first, 1, "a)b").has_value());
    REQUIRE(p.add(first, 1, "c").has_value());
    REQUIRE(p.add(first, 1).has_value());
    const std::string text = write_blt(p);
    CHECK(text == "2 1\n(c) 1 1 2 0\n2 1 2 0\n0\n\"Ann Smith\"\n\"Bob\"\n\"Two  lines\"\n");
    const auto back = read_blt(text, blt_mode::strict, "w.blt");
    REQUIRE(back.has_value());
    CHECK(back->profile.papers() == 3);
    CHECK(back->profile.candidates()[0].name == "Ann Smith");
    CHECK(back->profile.ballots()[0].ids == std::vector<std::string>{"c"});
}
