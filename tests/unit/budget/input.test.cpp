// Elections written by hand (TOML, CSV ballot sheets), the loader that picks a reader by extension, and rules run
// by name with text settings.
#include <tmo/budget/input.hpp>
#include <tmo/budget/run.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::budget;

namespace {

const std::string examples = std::string(TMO_SOURCE_DIR) + "/examples/data/budget/";

// The example of budgeting.md §3.6, as a secretary would write it in TOML.
constexpr std::string_view riverside_toml = R"(budget = "£10,000"
vote_type = "approval"
max_length = 3

[[projects]]
id = "1"
name = "New play area"
cost = "£6,000"

[[projects]]
id = "2"
name = "CCTV at car park"
cost = "2500.00"

[[projects]]
id = "3"
name = "Community garden"
cost = 1500

[[projects]]
id = "4"
name = "Bike store; block C"
cost = "£3,000"

[ballots]
v1 = ["1", "3"]
v2 = ["1", "2"]
v3 = ["3", "1"]
v4 = ["2", "3"]
v5 = ["4"]
)";

// The same election as a CSV ballot sheet.
constexpr std::string_view riverside_csv =
    "budget,\"£10,000\"\r\n"
    "max_length,3\r\n"
    "voter,1,2,3,4\r\n"
    "name,New play area,CCTV at car park,Community garden,Bike store; block C\r\n"
    "cost,\"£6,000\",2500.00,1500,\"£3,000\"\r\n"
    "v1,x,,x,\r\n"
    "v2,X,1,,\r\n"
    "v3,yes,,x,\r\n"
    "v4,,x,x,\r\n"
    "v5,,,,x\r\n";

error toml_error(std::string_view text) {
    auto r = parse_election_toml(text, "f.toml");
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

error csv_error(std::string_view text) {
    auto r = parse_election_csv(text, "f.csv");
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

void check_error(const error& e, errc code, std::uint32_t line, std::uint32_t column, std::string_view key_path,
                 std::string_view message_part) {
    CAPTURE(e.to_string());
    CHECK(e.code() == code);
    CHECK(e.where().line == line);
    CHECK(e.where().column == column);
    CHECK(e.where().key_path == key_path);
    CHECK(e.message().find(message_part) != std::string::npos);
}

// The ballots as (sorted project ids, multiplicity), sorted: equal for the same election whatever the ballot order.
std::vector<std::pair<std::vector<std::string>, std::uint64_t>> ballot_set(const instance& inst) {
    std::vector<std::pair<std::vector<std::string>, std::uint64_t>> out;
    for (const ballot& b : inst.ballots) {
        std::vector<std::string> ids;
        for (std::size_t p : b.projects) ids.push_back(inst.projects[p].id);
        std::sort(ids.begin(), ids.end());
        out.emplace_back(std::move(ids), b.multiplicity);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> selected_ids(const instance& inst, const outcome& out) {
    std::vector<std::string> ids;
    for (std::size_t p : out.selected) ids.push_back(inst.projects[p].id);
    return ids;
}

}  // namespace

TEST_CASE("input the worked example in TOML and CSV reads as the pb file does") {
    const pabulib_file t = parse_election_toml(riverside_toml, "r.toml").value();
    const pabulib_file c = parse_election_csv(riverside_csv, "r.csv").value();
    for (const instance* inst : {&t.election, &c.election}) {
        CHECK(inst->budget == rational(10000));
        CHECK(inst->type == vote_type::approval);
        REQUIRE(inst->projects.size() == 4);
        CHECK(inst->projects[0].id == "1");
        CHECK(inst->projects[1].cost == rational(2500));
        CHECK(inst->projects[2].cost == rational(1500));
        CHECK(inst->projects[3].name == "Bike store; block C");
        CHECK(inst->voter_count() == 5);
        CHECK(inst->constraints.max_length == 3u);
        // v1 and v3 cast the same ballot (v3 in another order): merged.
        CHECK(inst->ballots.size() == 4);
        CHECK(ballot_set(*inst) == ballot_set(parse_pabulib(to_pabulib(*inst)).value().election));
    }
    CHECK(ballot_set(t.election) == ballot_set(c.election));
    CHECK(t.warnings.empty());

    // budgeting.md §4.9: MES with cost-first ties funds 3 and 2 (4,000); Add1 funds 1, 2 and 3 (10,000).
    rule_settings mes_settings;
    const outcome m = run(t.election, "mes", mes_settings).value();
    CHECK(selected_ids(t.election, m) == std::vector<std::string>{"3", "2"});
    CHECK(m.cost == rational(4000));
    REQUIRE(mes_settings.set("ties", "id").has_value());
    CHECK(selected_ids(t.election, run(t.election, "mes", mes_settings).value()) == std::vector<std::string>{"1", "3"});
    const outcome a = run(c.election, "mes-add1").value();
    CHECK(a.cost == rational(10000));
    CHECK(*a.endowment == rational(2500));
}

TEST_CASE("input the Riverside fund example in TOML and CSV") {
    const pabulib_file t = load_election(examples + "riverside_fund.toml").value();
    const pabulib_file c = load_election(examples + "riverside_fund.csv").value();
    const instance& inst = t.election;
    CHECK(inst.budget == rational(25000));
    CHECK(inst.rule == "mes-add1");
    CHECK(default_rule(inst) == "mes-add1");
    REQUIRE(inst.projects.size() == 8);
    CHECK(inst.projects[5].id == "benches");
    CHECK(inst.projects[5].cost == rational(125050, 100));  // "£1,250.50", exactly
    CHECK(inst.voter_count() == 60);
    // The ticks per project, counted from the ballot lines of the file.
    const std::vector<std::uint64_t> ticks = {27, 18, 16, 15, 15, 15, 23, 14};
    CHECK(supporter_counts(inst) == ticks);
    CHECK(ballot_set(inst) == ballot_set(c.election));
    CHECK(c.election.projects == inst.projects);
    CHECK(c.election.budget == inst.budget);
    CHECK(t.warnings.empty());
    CHECK(c.warnings.empty());
}

TEST_CASE("input cumulative scoring and ordinal ballots") {
    const std::string projects = "[[projects]]\nid = \"a\"\ncost = 100\n[[projects]]\nid = \"b\"\ncost = 200\n"
                                 "[[projects]]\nid = \"c\"\ncost = 300\n";
    const instance cum = parse_election_toml("budget = 400\nvote_type = \"cumulative\"\nmax_sum_points = 5\n" + projects +
                                             "[ballots]\nv1 = { c = 2, a = 3 }\nv2 = { b = 6 }\n")
                             .value()
                             .election;
    REQUIRE(cum.ballots.size() == 2);
    CHECK(cum.ballots[0].projects == std::vector<std::size_t>{0, 2});
    CHECK(cum.ballots[0].points == std::vector<std::int64_t>{3, 2});
    CHECK(ballot_scores(cum) == std::vector<rational>{3, 6, 2});

    // Ordinal: the ranking best first; Borda by default, or the scoring_fn given.
    const auto ordinal = [&](std::string_view extra) {
        return parse_election_toml("budget = 400\nvote_type = \"ordinal\"\n" + std::string(extra) + projects +
                                   "[ballots]\nv1 = [\"c\", \"a\", \"b\"]\nv2 = [\"b\"]\n")
            .value()
            .election;
    };
    CHECK(ballot_scores(ordinal("")) == std::vector<rational>{1, 0, 2});
    CHECK(ballot_scores(ordinal("scoring_fn = [3, 2, 1]\n")) == std::vector<rational>{2, 4, 3});

    // The CSV sheet: points in the cells; ranks 1, 2, ... for ordinal ballots.
    const std::string sheet_projects = "voter,a,b,c\ncost,100,200,300\n";
    const instance cum_csv = parse_election_csv("budget,400\nvote_type,cumulative\n" + sheet_projects +
                                                "v1,3,,2\nv2,,6,\n")
                                 .value()
                                 .election;
    CHECK(ballot_scores(cum_csv) == std::vector<rational>{3, 6, 2});
    const instance ord_csv = parse_election_csv("budget,400\nvote_type,ordinal\nscoring_fn,\"3,2,1\"\n" +
                                                sheet_projects + "v1,2,3,1\nv2,,1,\n")
                                 .value()
                                 .election;
    CHECK(ord_csv.ballots[0].projects == std::vector<std::size_t>{2, 0, 1});
    CHECK(ballot_scores(ord_csv) == std::vector<rational>{2, 4, 3});
}

TEST_CASE("input constraint violations are warnings at the voter") {
    const pabulib_file f = parse_election_toml(std::string(riverside_toml).replace(0, 0, "min_length = 2\n"), "r.toml").value();
    REQUIRE(f.warnings.size() == 1);
    CHECK(f.warnings[0].where.line == 31);
    CHECK(f.warnings[0].where.key_path == "ballots.v5");
    CHECK(f.warnings[0].message.find("voter v5") == 0);
}

TEST_CASE("input TOML errors name the line the column the key and what was expected") {
    const std::string head = "budget = \"£25,000\"\n[[projects]]\nid = \"a\"\n";
    check_error(toml_error(head + "cost = 12500.5\n"), errc::wrong_type, 4, 8, "projects[0].cost", "a TOML float is not exact");
    check_error(toml_error(head + "cost = \"£12,50\"\n"), errc::syntax, 4, 8, "projects[0].cost",
                "thousands separators must group digits by three");
    check_error(toml_error(head + "cost = \"12.505\"\n"), errc::inexact, 4, 8, "projects[0].cost",
                "more than two decimal places");
    check_error(toml_error(head + "cost = \"-5\"\n"), errc::invalid_value, 4, 8, "projects[0].cost", "must be positive");
    check_error(toml_error(head + "colour = \"red\"\ncost = 1\n"), errc::unknown_key, 4, 1, "projects[0].colour",
                "expected id, name, cost");
    check_error(toml_error(head), errc::missing_key, 2, 1, "projects[0].cost", "has no cost");
    check_error(toml_error(head + "cost = 1\n[[projects]]\nid = \"a\"\ncost = 2\n"), errc::invalid_value, 6, 6,
                "projects[1].id", "project id \"a\" is used twice");
    check_error(toml_error(head + "cost = 1\n[ballots]\n\"Flat 1\" = [\"a\", \"b\"]\n"), errc::invalid_value, 6, 18,
                "ballots.\"Flat 1\"[1]", "project \"b\", which is not among the projects");
    check_error(toml_error(head + "cost = 1\n[ballots]\nv1 = [\"a\", \"a\"]\n"), errc::invalid_value, 6, 12,
                "ballots.v1[1]", "names project \"a\" twice");
    check_error(toml_error(head + "cost = 1\n[ballots]\nv1 = \"a\"\n"), errc::wrong_type, 6, 6, "ballots.v1",
                "lists project ids");
    check_error(toml_error("vote_type = \"choose-1\"\n" + head + "cost = 1\n[ballots]\nv1 = []\n"), errc::invalid_value,
                7, 6, "ballots.v1", "exactly one project");
    check_error(toml_error("votetype = \"approval\"\n" + head + "cost = 1\n"), errc::unknown_key, 1, 1, "votetype",
                "unknown key \"votetype\"");
    check_error(toml_error("vote_type = \"knapsack\"\n" + head + "cost = 1\n"), errc::invalid_value, 1, 13, "vote_type",
                "expected approval, choose-1, cumulative, scoring or ordinal");
    check_error(toml_error("rule = \"mes-add2\"\n" + head + "cost = 1\n"), errc::invalid_value, 1, 8, "rule",
                "expected one of greedy, greedy-no-skip");
    check_error(toml_error("[[projects]]\nid = \"a\"\ncost = 1\n"), errc::missing_key, 1, 1, "", "has no budget");
    check_error(toml_error("budget = 100\n"), errc::missing_key, 1, 1, "projects", "has no projects");
    check_error(toml_error("budget = \"£25,000\n"), errc::syntax, 1, 18, "", "malformed TOML");
    // The pre-scan of the constitution reader guards toml++ here too.
    check_error(toml_error("budget = 1\n[\x01]\n"), errc::syntax, 2, 2, "", "control character U+0001");
    check_error(toml_error(std::string(max_election_toml_bytes + 1, '#')), errc::too_large, 1,
                static_cast<std::uint32_t>(max_election_toml_bytes + 1), "", "the election is larger than 1048576 bytes");
}

TEST_CASE("input CSV errors name the line the column and what was expected") {
    const std::string head = "budget,\"£25,000\"\nvoter,a,b\ncost,100,200\n";
    check_error(csv_error(head + "v1,x,maybe\n"), errc::syntax, 4, 6, "", "expected x, 1 or yes");
    check_error(csv_error(head + "v1,x,,x\n"), errc::syntax, 4, 7, "", "this row has 4 cells but the header has 3");
    check_error(csv_error(head + "v1,x,\nv1,,x\n"), errc::invalid_value, 5, 1, "", "voter \"v1\" has two ballots");
    // Rows without a voter id are anonymous ballots, named after their line.
    const pabulib_file anonymous = parse_election_csv(head + ",x,\n,x,x\n,,x\n").value();
    CHECK(anonymous.election.voter_count() == 3);
    CHECK(anonymous.election.ballots[1].voter_ids == std::vector<std::string>{"line 5"});
    check_error(csv_error("budget,\"£25,000\"\nvoter,a,b\nv1,x,\n"), errc::missing_key, 3, 1, "", "expected the cost row");
    check_error(csv_error("budget,\"£25,000\"\nvoter,a,b\ncost,100,\"£2,00\"\n"), errc::syntax, 3, 10, "",
                "thousands separators");
    check_error(csv_error("budget,\"£25,000\nvoter,a\n"), errc::syntax, 1, 8, "", "unterminated quoted cell");
    check_error(csv_error("budget,25\"000\nvoter,a\n"), errc::syntax, 1, 10, "", "a quote inside an unquoted cell");
    check_error(csv_error("budget,100\nwho,a\n"), errc::unknown_key, 2, 5, "", "unknown key \"who\"");
    check_error(csv_error("budget,100\n"), errc::missing_key, 1, 1, "", "no header row");
    check_error(csv_error("voter,a\ncost,1\n"), errc::missing_key, 1, 1, "", "has no budget");
    check_error(csv_error("budget,100\nvote_type,ordinal\nvoter,a,b,c\ncost,1,2,3\nv1,1,3,\n"), errc::invalid_value, 5,
                6, "", "ranks must be 1, 2, 3");
    check_error(csv_error("budget,100\nvote_type,cumulative\nvoter,a\ncost,1\nv1,1.5\n"), errc::syntax, 5, 4, "",
                "points \"1.5\" is not a whole number");
    // A vote in a .pb file lists ids between commas, so an id cannot hold one (found by fuzzing).
    check_error(csv_error("budget,100\nvoter,a,\"b, c\"\ncost,1,2\n"), errc::invalid_value, 2, 9, "",
                "project id \"b, c\" holds a ','");
}

TEST_CASE("input load_election picks the reader by extension") {
    CHECK(load_election(std::string(TMO_PB_DATA_DIR) + "/Netherlands_Assen_2024.pb").value().election.voter_count() == 84);
    const error unknown = load_election(examples + "riverside_fund.json").error();
    CHECK(unknown.code() == errc::invalid_value);
    CHECK(unknown.message().find("expected a .pb, .toml or .csv file") != std::string::npos);
    CHECK(load_election(examples + "no_such_file.toml").error().code() == errc::io);
    // A constitution is not an election: the TOML reader says which key it did not expect.
    const error constitution = load_election(std::string(TMO_SOURCE_DIR) + "/examples/data/riverside_tmo.toml").error();
    CHECK(constitution.code() == errc::unknown_key);
    CHECK(constitution.message().find("unknown key \"organisation\"") == 0);
    CHECK(constitution.where().file.ends_with("riverside_tmo.toml"));
}

TEST_CASE("run rules by name with text settings") {
    const instance inst = parse_election_toml(riverside_toml).value().election;
    CHECK(rule_names().size() == 9);
    for (std::string_view rule : rule_names()) {
        if (rule == "greedy-threshold") continue;
        CAPTURE(rule);
        const outcome out = run(inst, rule).value();
        CHECK(out.rule == rule);
        CHECK(out.cost <= inst.budget);
    }
    const error threshold = run(inst, "greedy-threshold").error();
    CHECK(threshold.message().find("needs a minimum score") != std::string::npos);
    const error unknown = run(inst, "mes-add2").error();
    CHECK(unknown.code() == errc::invalid_value);
    CHECK(unknown.message().find("expected one of greedy, greedy-no-skip, greedy-threshold, greedy-cost, max-welfare, "
                                 "phragmen, mes, mes-add1, mes-add1u") != std::string::npos);

    rule_settings s;
    CHECK(s.set("add1-steps", "1").error().code() == errc::unknown_key);
    CHECK(s.set("add1-stop", "never").error().message() == "add1-stop \"never\": expected exhaustive or over-budget");
    CHECK(s.set("add1-step", "0").error().code() == errc::invalid_value);
    CHECK(s.set("add1-max-runs", "1/2").error().message() ==
          "add1-max-runs \"1/2\": expected a whole number of runs from 1 to 1000000000");
    CHECK(s.set("add1-max-runs", "0").error().code() == errc::invalid_value);
    CHECK(s.set("add1-max-runs", "1000000001").error().code() == errc::invalid_value);
    CHECK(s.set("add1-max-runs", "500").has_value());
    CHECK(s.set("add1-start", "round").error().code() == errc::invalid_value);
    CHECK(s.set("ties", "cheapest").error().code() == errc::invalid_value);
    CHECK(s.set("utility", "joy").error().code() == errc::invalid_value);
    CHECK(s.set("score", "column").has_value());
    CHECK(s.set("eligibility", "1/3").has_value());
    CHECK(s.set("eligibility", "none").has_value());
    CHECK(s.set("compare", "satisfaction").has_value());
    CHECK(s.values().size() == 4);  // add1-max-runs, score, eligibility (set twice, kept once), compare

    // Projects 1 and 3 tie on 3 votes; a drawn order that puts 3 first decides greedy's order.
    rule_settings drawn;
    REQUIRE(drawn.set("ties", "max-votes,order").has_value());
    REQUIRE(drawn.set("drawn-order", "3 1 2 4").has_value());
    const outcome g = run(inst, "greedy", drawn).value();
    CHECK(selected_ids(inst, g) == std::vector<std::string>{"3", "1", "2"});
    REQUIRE(drawn.set("drawn-order", "3, 9").has_value());
    CHECK(run(inst, "greedy", drawn).error().message().find("unknown project \"9\"") != std::string::npos);
}
