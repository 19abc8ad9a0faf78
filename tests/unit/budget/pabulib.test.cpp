// The .pb reader: every real file parses, each quirk of budgeting.md §3.5 is handled, and bad input gets an error
// with line and column.
#include "pb_data.hpp"

#include <tmo/budget/pabulib.hpp>

#include <doctest/doctest.h>

using namespace tmo;
using namespace tmo::budget;

namespace {

// The Riverside example of budgeting.md §3.6.
constexpr std::string_view riverside = R"(META
key;value
description;Riverside TMO estate improvement fund
country;UK
unit;Riverside TMO
instance;2025
num_projects;4
num_votes;5
budget;10000
vote_type;approval
rule;equalshares/add1
min_length;1
max_length;3
date_begin;01.03.2025
date_end;15.03.2025
currency;GBP
PROJECTS
project_id;cost;votes;name;selected
1;6000;3;New play area;1
2;2500;2;CCTV at car park;1
3;1500;3;Community garden;1
4;3000;1;"Bike store; block C";0
VOTES
voter_id;vote
v1;1,3
v2;1,2
v3;1,3
v4;2,3
v5;4
)";

std::string replace(std::string_view text, std::string_view from, std::string_view to) {
    std::string s(text);
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

error parse_error(const std::string& text) {
    auto r = parse_pabulib(text, "t.pb");
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace

TEST_CASE("pabulib reads the Riverside example with merged ballots") {
    auto file = parse_pabulib(riverside, "riverside.pb");
    REQUIRE(file.has_value());
    const instance& inst = file->election;
    CHECK(inst.budget == rational(10000));
    CHECK(inst.type == vote_type::approval);
    REQUIRE(inst.projects.size() == 4);
    CHECK(inst.projects[3].name == "Bike store; block C");
    CHECK(inst.projects[3].selected == 0);
    CHECK(inst.voter_count() == 5);
    CHECK(inst.ballots.size() == 4);  // v1 and v3 both approve {1, 3}
    CHECK(inst.ballots[0].multiplicity == 2);
    CHECK(inst.ballots[0].voter_ids == std::vector<std::string>{"v1", "v3"});
    CHECK(inst.constraints.max_length == 3u);
    CHECK(file->warnings.empty());
    CHECK(ballot_scores(inst) == std::vector<rational>{3, 2, 3, 1});
}

TEST_CASE("pabulib accepts CRLF a BOM spaces around fields and section names in any case") {
    std::string text = "\xEF\xBB\xBF" + replace(riverside, "PROJECTS", "projects");
    text = replace(text, "budget;10000", "budget ; 10000.00 ");
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    auto file = parse_pabulib(crlf, "crlf.pb");
    REQUIRE(file.has_value());
    CHECK(file->election.budget == rational(10000));
    CHECK(file->election.projects[3].name == "Bike store; block C");
    CHECK(file->election.voter_count() == 5);
}

TEST_CASE("pabulib reads decimal budgets and costs exactly and keeps string ids") {
    std::string text = replace(riverside, "budget;10000", "budget;776314.03");
    text = replace(text, "1;6000;3;New", "A/1;6000.50;3;New");
    text = replace(text, "v1;1,3", "v1;A/1,3");
    text = replace(text, "v2;1,2", "v2;A/1,2");
    text = replace(text, "v3;1,3", "v3;A/1,3");
    auto file = parse_pabulib(text);
    REQUIRE(file.has_value());
    CHECK(file->election.budget == rational(integer(77631403), integer(100)));
    CHECK(file->election.projects[0].id == "A/1");
    CHECK(file->election.projects[0].cost == rational(12001, 2));
}

TEST_CASE("pabulib doubled quotes and None cells") {
    std::string text = replace(riverside, "1;6000;3;New play area;1", R"(1;6000;None;"""Konikowo"" - play area";None)");
    auto file = parse_pabulib(text);
    REQUIRE(file.has_value());
    CHECK(file->election.projects[0].name == "\"Konikowo\" - play area");
    CHECK_FALSE(file->election.projects[0].votes_column.has_value());
    CHECK_FALSE(file->election.projects[0].selected.has_value());
}

TEST_CASE("pabulib tolerates the specification example's key colon value line with a warning") {
    auto file = parse_pabulib(replace(riverside, "rule;equalshares/add1", "rule: greedy"), "t.pb");
    REQUIRE(file.has_value());
    CHECK(file->election.rule == "greedy");
    REQUIRE(file->warnings.size() == 1);
    CHECK(file->warnings[0].where.line == 11);
}

TEST_CASE("pabulib reports votes column mismatches and constraint violations as warnings") {
    std::string text = replace(riverside, "4;3000;1;", "4;3000;7;");
    text = replace(text, "v5;4", "v5;4,1,2,3");
    auto file = parse_pabulib(text, "t.pb");
    REQUIRE(file.has_value());
    REQUIRE(file->warnings.size() == 5);  // the votes column of all four projects, and v5's length
    bool length_reported = false;
    for (const auto& w : file->warnings)
        if (w.message == "voter v5 lists 4 projects; max_length is 3") length_reported = true;
    CHECK(length_reported);
}

TEST_CASE("pabulib reads cumulative and ordinal ballots") {
    std::string cumulative = replace(riverside, "vote_type;approval", "vote_type;cumulative\nmax_sum_points;10");
    cumulative = replace(cumulative, "voter_id;vote\nv1;1,3\nv2;1,2\nv3;1,3\nv4;2,3\nv5;4",
                         "voter_id;vote;points\nv1;1,3;7,3\nv2;1,2;5,5\nv3;3,1;7,0\nv4;2,3;1,1\nv5;4;10");
    auto file = parse_pabulib(replace(cumulative, "num_projects;4", "num_projects;4"));
    REQUIRE(file.has_value());
    CHECK(ballot_scores(file->election) == std::vector<rational>{12, 6, 11, 10});
    CHECK(supporter_counts(file->election) == std::vector<std::uint64_t>{2, 2, 3, 1});
    CHECK(listing_counts(file->election) == std::vector<std::uint64_t>{3, 2, 3, 1});

    std::string ordinal = replace(riverside, "vote_type;approval", "vote_type;ordinal");
    auto ranked = parse_pabulib(ordinal);
    REQUIRE(ranked.has_value());
    // Borda: a ranking of two gives 1 and 0 points.
    CHECK(ballot_scores(ranked->election) == std::vector<rational>{3, 1, 0, 0});
    auto custom = parse_pabulib(replace(ordinal, "vote_type;ordinal", "vote_type;ordinal\nscoring_fn;3,2,1"));
    REQUIRE(custom.has_value());
    CHECK(ballot_scores(custom->election) == std::vector<rational>{9, 5, 6, 3});
}

TEST_CASE("pabulib errors name the line the column and what was expected") {
    struct case_t {
        std::string text;
        errc code;
        std::uint32_t line, column;
        std::string message_part;
    };
    const case_t cases[] = {
        {replace(riverside, "budget;10000", "budget;10k"), errc::syntax, 9, 8, "budget \"10k\" is not a number"},
        {replace(riverside, "budget;10000\n", ""), errc::missing_key, 1, 0, "no 'budget' key"},
        {replace(riverside, "vote_type;approval", "vote_type;ranked"), errc::invalid_value, 10, 11, "unknown vote_type"},
        {replace(riverside, "2;2500;2;", "2;25x0;2;"), errc::syntax, 20, 3, "cost \"25x0\""},
        {replace(riverside, "2;2500;2;", "2;-5;2;"), errc::invalid_value, 20, 3, "cost must be positive"},
        {replace(riverside, "v4;2,3", "v4;2,9"), errc::invalid_value, 28, 6, "project \"9\", which is not in PROJECTS"},
        {replace(riverside, "v4;2,3", "v4;2,2"), errc::invalid_value, 28, 6, "names project \"2\" twice"},
        {replace(riverside, "num_votes;5", "num_votes;6"), errc::invalid_value, 8, 11, "num_votes says 6"},
        {replace(riverside, "\"Bike store; block C\"", "Bike store; block C"), errc::syntax, 22, 30, "expected 5 fields"},
        {replace(riverside, "\"Bike store; block C\"", "\"Bike store"), errc::syntax, 22, 10, "unterminated quoted field"},
        {replace(riverside, "project_id;cost", "project;cost"), errc::missing_key, 18, 1, "no 'project_id' column"},
        {replace(riverside, "PROJECTS\n", "VOTES\n"), errc::syntax, 17, 1, "out of order"},
        {std::string(riverside.substr(0, riverside.find("VOTES"))), errc::missing_key, 22, 0, "unexpected end of file"},
        {replace(riverside, "1;6000;3;", "1;6000;3;1;"), errc::syntax, 19, 26, "expected 5 fields"},
        {"", errc::missing_key, 1, 0, "unexpected end of file"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message_part);
        const error e = parse_error(c.text);
        CHECK(e.code() == c.code);
        CHECK(e.where().file == "t.pb");
        CHECK(e.where().line == c.line);
        CHECK(e.where().column == c.column);
        CHECK(e.message().find(c.message_part) != std::string::npos);
    }
}

TEST_CASE("pabulib error lines count from the file start with CRLF") {
    std::string text = replace(riverside, "v4;2,3", "v4;2,9");
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const error e = parse_error(crlf);
    CHECK(e.where().line == 28);
    CHECK(e.to_string() == "t.pb:28:6: error: the vote names project \"9\", which is not in PROJECTS");
}

TEST_CASE("pabulib every shipped Pabulib file parses with consistent counts") {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(pb_test::data_dir())) {
        if (entry.path().extension() != ".pb") continue;
        ++files;
        CAPTURE(entry.path().filename().string());
        auto file = load_pabulib(entry.path());
        REQUIRE_MESSAGE(file.has_value(), file.error().to_string());
        const instance& inst = file->election;
        CHECK(inst.projects.size() == std::stoull(*inst.meta_value("num_projects")));
        CHECK(inst.voter_count() == std::stoull(*inst.meta_value("num_votes")));
        CHECK(inst.ballots.size() <= inst.voter_count());
        CHECK(validate(inst).has_value());
        // The votes column matched the ballots in every surveyed file (budgeting.md §3.5).
        for (const auto& w : file->warnings) CHECK(w.message.find("the votes column says") == std::string::npos);
    }
    CHECK(files == 45);
}

TEST_CASE("pabulib quirks of the real files") {
    const instance grochow = pb_test::load("Poland_Warszawa_2017_Grochow_Poludniowy.pb");
    CHECK(grochow.budget == rational::parse("776314.03").value());
    const instance toulouse =
        pb_test::load("France_Toulouse_2022_13_-_Rangueil_Sauzelong_Jules-Julien_Pech-David_Pouvourville.pb");
    CHECK(toulouse.budget == rational(400000));
    const instance gdansk = pb_test::load("Poland_Gdansk_2020_Stogi.pb");
    bool semicolon_in_name = false;
    for (const auto& p : gdansk.projects) semicolon_in_name |= p.name.find(';') != std::string::npos;
    CHECK(semicolon_in_name);
    const instance katowice = pb_test::load("Poland_Katowice_2024.pb");
    CHECK(katowice.find_project("M/04/XI").has_value());
    const instance lodz = pb_test::load("Poland_Lodz_2022.pb");
    CHECK(lodz.voter_count() == 90494);
    CHECK(lodz.ballots.size() < 30000);  // identical ballots merged
}

TEST_CASE("pabulib writer round trips real files") {
    for (const char* name : {"Poland_Gdansk_2020_Stogi.pb", "Poland_Warszawa_2017_Grochow_Poludniowy.pb",
                             "Poland_Krakow_2019_Bienczyce.pb", "Switzerland_Zurich_S5D10.pb",
                             "France_Toulouse_2022_13_-_Rangueil_Sauzelong_Jules-Julien_Pech-David_Pouvourville.pb"}) {
        CAPTURE(std::string(name));
        const instance original = pb_test::load(name);
        const std::string text = to_pabulib(original);
        auto again = parse_pabulib(text, "written.pb");
        REQUIRE_MESSAGE(again.has_value(), again.error().to_string());
        const instance& copy = again->election;
        CHECK(copy.budget == original.budget);
        CHECK(copy.type == original.type);
        CHECK(copy.constraints == original.constraints);
        REQUIRE(copy.projects.size() == original.projects.size());
        for (std::size_t p = 0; p < copy.projects.size(); ++p) CHECK(copy.projects[p] == original.projects[p]);
        CHECK(copy.ballots == original.ballots);
        CHECK(to_pabulib(copy) == text);
    }
}

// Found by fuzzing: a name read from a CRLF ballot sheet holds "\r\n"; parse_pabulib reads any line break inside a
// quoted field as "\n", so the writer writes it so and a second round trip gives the same text.
TEST_CASE("pabulib writer writes a CR LF inside a name as LF") {
    instance inst = pb_test::riverside();
    inst.projects[0].name = "New play area,\r\nWharf Road";
    const std::string text = to_pabulib(inst);
    CHECK(text.find("\"New play area,\nWharf Road\"") != std::string::npos);
    const instance copy = parse_pabulib(text).value().election;
    CHECK(copy.projects[0].name == "New play area,\nWharf Road");
    CHECK(to_pabulib(copy) == text);
}
