// RCTab's test sets (tests/data/elections/rctab/README.md): each contest's configuration is read into IRV options,
// its ballots counted, and every round of RCTab's expected report compared: each candidate's tally, the threshold,
// the inactive (exhausted) ballots, who was eliminated and who elected. Also the open-rcv-tests IRV vectors.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/irv.hpp>
#include <tmo/vote/rank_columns.hpp>
#include <tmo/vote/rctab.hpp>
#include <tmo/vote/stv.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

const fs::path rctab_dir = fs::path(TMO_TEST_DATA_DIR) / "elections" / "rctab";

nlohmann::json load_json(const fs::path& path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

// A figure of RCTab's report: a whole number or a decimal ("7.2501"), exactly.
rational figure(const std::string& s) {
    auto r = rational::parse(s);
    REQUIRE(r.has_value());
    return *r;
}

// `name` as RCTab's Minneapolis configuration writes it: without the quotes of the VoteKit file's nicknames.
std::string unquoted(std::string name) {
    std::erase(name, '"');
    return name;
}

// Compares the count with RCTab's expected report round by round.
void check_rounds(const count_result& r, const fs::path& expected_file) {
    const nlohmann::json expected = load_json(expected_file);
    const auto& rounds = expected.at("results");
    REQUIRE(r.stages.size() == rounds.size());
    std::map<std::string, candidate_id> number;
    for (candidate_id c = 0; c < r.candidates.size(); ++c) number[unquoted(r.candidates[c])] = c;

    for (std::size_t i = 0; i < rounds.size(); ++i) {
        const auto& round = rounds[i];
        const stage& s = r.stages[i];
        INFO("round " << i + 1);
        CHECK(s.quota == figure(round.at("threshold").get<std::string>()));
        std::vector<bool> tallied(r.candidates.size(), false);
        for (const auto& entry : round.at("tally").items()) {
            const std::string name = entry.key();
            const auto& votes = entry.value();
            INFO(name);
            REQUIRE(number.count(name) == 1);
            tallied[number[name]] = true;
            CHECK(s.votes[number[name]] == figure(votes.get<std::string>()));
        }
        for (candidate_id c = 0; c < r.candidates.size(); ++c)
            if (!tallied[c]) CHECK(s.votes[c] == rational());  // eliminated earlier
        // RCTab's final round of a multi-winner count reports the last surpluses that found no one apart.
        rational inactive;
        for (const auto& entry : round.at("inactiveBallots").items())
            inactive += figure(entry.value().get<std::string>());
        CHECK(s.non_transferable_total == inactive);

        // What moves in the next round: to each candidate, to no one ("exhausted") and lost to truncation
        // ("residual surplus" of a multi-winner count), summed over the round's results.
        std::vector<candidate_id> eliminated, elected;
        std::map<std::string, rational> moved;
        for (const auto& result : round.at("tallyResults")) {
            if (result.contains("eliminated")) eliminated.push_back(number.at(result["eliminated"].get<std::string>()));
            if (result.contains("elected")) elected.push_back(number.at(result["elected"].get<std::string>()));
            for (const auto& entry : result.at("transfers").items())
                moved[entry.key()] += figure(entry.value().get<std::string>());
        }
        if (!moved.empty()) {
            REQUIRE(i + 1 < r.stages.size());
            const stage& next = r.stages[i + 1];
            for (const auto& entry : moved) {
                const std::string& to = entry.first;
                const rational& amount = entry.second;
                INFO("transfer to " << to);
                if (to == "exhausted")
                    CHECK(next.non_transferable == amount);
                else if (to == "residual surplus")
                    CHECK(next.rounding_loss == amount);
                else
                    CHECK(next.transfers[number.at(to)] == amount);
            }
            if (!elected.empty()) {
                CHECK(next.action == stage_action::surplus);
                CHECK(next.subject == elected.front());
            }
        }
        std::sort(eliminated.begin(), eliminated.end());
        if (!eliminated.empty()) {
            REQUIRE(i + 1 < r.stages.size());
            CHECK(r.stages[i + 1].excluded == eliminated);  // RCTab reports them in the round before they move
        }
        CHECK(s.elected == elected);
    }
    const auto& summary = expected.at("summary");
    CHECK(r.papers == static_cast<std::uint64_t>(std::stoll(summary.at("totalNumBallots").get<std::string>())));
    CHECK(r.invalid_papers == summary.at("undervotes").get<std::uint64_t>());
}

void check_set(const std::string& set) {
    INFO(set);
    const fs::path dir = rctab_dir / set;
    auto config = load_rctab_config(dir / (set + "_config.json"));
    REQUIRE(config.has_value());
    auto p = rctab_load_ballots(*config, dir);
    if (!p) FAIL(p.error().to_string());
    auto r = count_irv(*p, rctab_irv_options(*config, *p));
    REQUIRE(r.has_value());
    check_rounds(*r, dir / (set + "_expected_detailed_report.json"));
}

}  // namespace

TEST_CASE("rctab: the configurations' rules map onto irv options") {
    auto c = load_rctab_config(rctab_dir / "test_set_7_duplicate_skip_to_next" /
                               "test_set_7_duplicate_skip_to_next_config.json");
    REQUIRE(c.has_value());
    CHECK(c->irv.overvote == overvote_rule::skip_to_next_rank);
    CHECK(c->irv.max_skipped_ranks == 4u);
    CHECK(c->irv.duplicates == duplicate_rule::skip);
    CHECK_FALSE(c->irv.batch_elimination);
    CHECK(c->irv.ties.methods == std::vector<tie_method>{tie_method::lot});
    CHECK(c->max_rankings == 4u);
    REQUIRE(c->sources.size() == 1);
    CHECK(c->sources[0].provider == "cdf");
    CHECK(c->candidates.size() == 4);

    auto m = load_rctab_config(rctab_dir / "2013_minneapolis_mayor" / "2013_minneapolis_mayor_config.json");
    REQUIRE(m.has_value());
    CHECK(m->irv.overvote == overvote_rule::exhaust_immediately);
    CHECK(m->irv.max_skipped_ranks == 1u);
    CHECK(m->irv.batch_elimination);
    CHECK(m->candidates.size() == 35);
    CHECK(m->sources[0].markers == rank_columns_options{"overvote", "undervote", "UWI"});

    auto g = load_rctab_config(rctab_dir / "generic_csv_test" / "generic_csv_test_config.json");
    REQUIRE(g.has_value());
    CHECK(g->sources[0].csv.first_vote_column == 4u);
    CHECK(g->sources[0].csv.id_column == 1u);
    CHECK(g->sources[0].csv.write_in_label == "Write-In");
    CHECK(g->irv.ties.methods == std::vector<tie_method>{tie_method::candidate_order});

    auto bad = read_rctab_config(R"({"candidates": [], "cvrFileSources": [],
  "rules": {"winnerElectionMode": "singleWinnerMajority", "overvoteRule": "sometimes"}})",
                                 "c.json");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == errc::invalid_value);
    CHECK(bad.error().where().line == 2);
    CHECK(bad.error().where().column == 75);  // the string "sometimes"
    CHECK(bad.error().where().key_path == "rules.overvoteRule");
}

TEST_CASE("rctab: ballots made ready for a configuration: ranks beyond the maximum dropped, excluded withdrawn") {
    auto c = read_rctab_config(R"({"outputSettings": {"contestName": "Chair"},
  "candidates": [{"name": "A"}, {"name": "B", "excluded": true}, {"name": "C"}], "cvrFileSources": [],
  "rules": {"winnerElectionMode": "singleWinnerMajority", "overvoteRule": "alwaysSkipToNextRank",
            "tiebreakMode": "useCandidateOrder", "maxRankingsAllowed": "2", "maxSkippedRanksAllowed": "unlimited"}})",
                               "c.json");
    REQUIRE(c.has_value());
    CHECK_FALSE(c->irv.max_skipped_ranks.has_value());
    auto read = read_blt("3 1\n2 1=2 3 2 0\n1 3 - 1 0\n0\n\"C\"\n\"B\"\n\"A\"\n\"t\"\n");
    REQUIRE(read.has_value());
    auto p = rctab_ballots(*c, read->profile);
    REQUIRE(p.has_value());
    CHECK(p->title() == "Chair");
    CHECK(p->papers() == 3);
    CHECK(p->candidates()[1].withdrawn);
    REQUIRE(p->ballots().size() == 2);
    CHECK(p->ballots()[0].marks == std::vector<mark>{{0, false}, {1, true}, {2, false}});  // two ranks kept
    CHECK(p->ballots()[1].marks == std::vector<mark>{{2, false}, {no_candidate, false}});
    // The configuration's order, found by name in the ballots: A (3rd), C (1st); B is there too.
    CHECK(rctab_irv_options(*c, *p).ties.order == std::vector<candidate_id>{2, 1, 0});

    auto missing = read_rctab_config(R"({"candidates": [{"name": "Z", "excluded": true}], "cvrFileSources": [],
  "rules": {"winnerElectionMode": "singleWinnerMajority", "overvoteRule": "exhaustImmediately",
            "tiebreakMode": "random"}})");
    REQUIRE(missing.has_value());
    CHECK(rctab_ballots(*missing, read->profile).error().code() == errc::not_found);
}

TEST_CASE("rctab: generic CSV test set, every round") { check_set("generic_csv_test"); }

TEST_CASE("rctab: CDF test sets 0 to 7, every round") {
    for (const char* set : {"test_set_0_skipped_first_choice", "test_set_1_exhaust_at_overvote",
                            "test_set_2_overvote_skip_to_next", "test_set_3_skipped_choice_exhaust",
                            "test_set_4_skipped_choice_next", "test_set_5_two_skipped_choice_exhaust",
                            "test_set_6_duplicate_exhaust", "test_set_7_duplicate_skip_to_next"})
        check_set(set);
}

TEST_CASE("rctab: Minneapolis 2013 mayor, 80,101 ballots, 35 candidates, every one of 33 rounds") {
    const fs::path dir = rctab_dir / "2013_minneapolis_mayor";
    auto config = load_rctab_config(dir / "2013_minneapolis_mayor_config.json");
    REQUIRE(config.has_value());
    // RCTab read an ES&S spreadsheet; the same ballots are here as a rank-column CSV, read with the same markers.
    auto read = load_rank_columns(TMO_MPLS_CSV, config->sources.front().markers);
    REQUIRE(read.has_value());
    auto p = rctab_ballots(*config, *read);
    REQUIRE(p.has_value());
    CHECK(p->title() == "2013 Minneapolis Mayor");
    CHECK(p->papers() == 80101);
    CHECK(p->candidate_count() == 36);  // 35 candidates and the undeclared write-ins
    auto r = count_irv(*p, rctab_irv_options(*config, *p));
    REQUIRE(r.has_value());
    check_rounds(*r, dir / "2013_minneapolis_mayor_expected_detailed_report.json");
    REQUIRE(r->elected.size() == 1);
    CHECK(r->candidates[r->elected[0]] == "BETSY HODGES");
    // Batch elimination: Bob Fine and Jackie Cherryhomes together, then Cam Winton and Don Samuels.
    CHECK(r->stages[31].excluded.size() == 2);
    CHECK(r->stages[32].excluded.size() == 2);
}

TEST_CASE("rctab: multi-winner sets, several winners per round, fractional and whole thresholds, every round") {
    const fs::path frac = rctab_dir / "test_set_multi_winner_fractional_threshold" /
                          "test_set_multi_winner_fractional_threshold_config.json";
    auto c = load_rctab_config(frac);
    REQUIRE(c.has_value());
    REQUIRE(c->irv.multi_winner.has_value());
    CHECK(*c->irv.multi_winner == irv_multi_winner{3, irv_threshold::fractional, 4});
    auto w = load_rctab_config(rctab_dir / "test_set_multi_winner_whole_threshold" /
                               "test_set_multi_winner_whole_threshold_config.json");
    REQUIRE(w.has_value());
    CHECK(w->irv.multi_winner == irv_multi_winner{3, irv_threshold::whole, 4});

    for (const char* set : {"test_set_multi_winner_fractional_threshold", "test_set_multi_winner_whole_threshold"})
        check_set(set);

    // The figures behind the rounds, from RCTab's report. Fractional: 29 votes in round 1 (one ballot skips five
    // ranks), threshold 29/4 + 0.0001 = 7.2501; Candidate C's 8 votes in round 2 leave a surplus of 0.7499, a
    // fraction 0.7499/8 = 0.0937 (truncated): 7 ballots give 0.6559 to E, 1 gives 0.0937 to F, 0.0003 is lost.
    auto p = rctab_load_ballots(*c, frac.parent_path());
    REQUIRE(p.has_value());
    auto r = count_irv(*p, rctab_irv_options(*c, *p));
    REQUIRE(r.has_value());
    CHECK(r->seats == 3);
    CHECK(r->decimals == 4);
    CHECK(r->stages[0].quota == rational(72501, 10000));
    CHECK(r->stages[2].transfers[4] == rational(6559, 10000));
    CHECK(r->stages[2].rounding_loss == rational(3, 10000));
    // A (10.2811) and B (10.0937) are elected together in round 5; round 6 moves both surpluses at once.
    CHECK(r->stages[4].elected == std::vector<candidate_id>{0, 1});
    CHECK(r->stages[5].non_transferable == rational(58741, 10000));  // RCTab's finalRoundSurplus
    CHECK(r->elected == std::vector<candidate_id>{2, 0, 1});
    // Every stage accounts for all 30 papers: votes + inactive + residual surpluses.
    for (const stage& s : r->stages) {
        rational sum = s.non_transferable_total + s.rounding_loss_total;
        for (const rational& v : s.votes) sum += v;
        CHECK(sum == rational(30));
    }
}

TEST_CASE("rctab: multi-winner settings tmo does not count are refused, naming the setting") {
    const auto config = [](const std::string& extra) {
        return read_rctab_config(R"({"candidates": [{"name": "A"}], "cvrFileSources": [],
  "rules": {"winnerElectionMode": "multiWinnerAllowMultipleWinnersPerRound", "overvoteRule": "exhaustImmediately",
            "tiebreakMode": "useCandidateOrder", "numberOfWinners": "2")" + extra + "}}",
                                 "c.json");
    };
    REQUIRE(config("").has_value());
    CHECK(config("")->irv.multi_winner == irv_multi_winner{2, irv_threshold::whole, 4});
    for (const auto& [extra, key] : std::vector<std::pair<std::string, std::string>>{
             {R"(, "hareQuota": true)", "rules.hareQuota"},
             {R"(, "decimalPlacesForVoteArithmetic": "12")", "rules.decimalPlacesForVoteArithmetic"},
             {R"(, "continueUntilTwoCandidatesRemain": true)", "rules.continueUntilTwoCandidatesRemain"}}) {
        auto bad = config(extra);
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().code() == errc::invalid_value);
        CHECK(bad.error().where().key_path == key);
    }
    auto other = read_rctab_config(R"({"candidates": [], "cvrFileSources": [],
  "rules": {"winnerElectionMode": "multiWinnerAllowOnlyOneWinnerPerRound", "numberOfWinners": "2"}})");
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().where().key_path == "rules.winnerElectionMode");
}

TEST_CASE("open-rcv-tests: every IRV vector's rounds and winners") {
    const nlohmann::json tests = load_json(fs::path(TMO_TEST_DATA_DIR) / "elections" / "irv_misc" /
                                           "open-rcv-tests_irv.json");
    const std::vector<std::string> names{"Ann", "Bob", "Carol", "Dave", "Ellen", "Fred"};
    REQUIRE(tests.at("test_cases").size() == 12);
    for (const auto& test : tests.at("test_cases")) {
        const auto& input = test.at("input");
        INFO("case " << input.at("_meta").at("index").get<int>());
        const auto count = input.at("candidate_count").get<std::uint32_t>();
        std::string text = std::to_string(count) + " 1\n";
        for (const auto& b : input.at("ballots")) text += b.get<std::string>() + " 0\n";
        text += "0\n";
        for (std::uint32_t c = 0; c < count; ++c) text += '"' + names.at(c) + "\"\n";
        auto file = read_blt(text + "\"open-rcv-tests\"\n");
        REQUIRE(file.has_value());

        irv_options o;
        o.ties.methods = {tie_method::lot};  // the vectors stop before any tie they leave open
        o.ties.seed = "open-rcv-tests";
        if (input.contains("tie_elimination_order")) {
            // The vector lists who is eliminated first; tmo's candidate order excludes the one listed last, so the
            // list is reversed, after the candidates it leaves out.
            std::vector<candidate_id> first_out;
            for (const auto& c : input["tie_elimination_order"]) first_out.push_back(c.get<candidate_id>() - 1);
            o.ties.methods = {tie_method::candidate_order};
            for (candidate_id c = 0; c < count; ++c)
                if (std::find(first_out.begin(), first_out.end(), c) == first_out.end()) o.ties.order.push_back(c);
            o.ties.order.insert(o.ties.order.end(), first_out.rbegin(), first_out.rend());
        }
        auto r = count_irv(file->profile, o);
        REQUIRE(r.has_value());
        const auto& rounds = test.at("output").at("rounds");
        REQUIRE(r->stages.size() >= rounds.size());
        for (std::size_t i = 0; i < rounds.size(); ++i) {
            INFO("round " << i + 1);
            const stage& s = r->stages[i];
            std::vector<rational> expected(count);
            for (const auto& [name, votes] : rounds[i].at("totals").items())
                expected[static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin())] =
                    rational(votes.get<std::int64_t>());
            CHECK(s.votes == expected);
            if (rounds[i].contains("elected")) {
                REQUIRE(s.elected.size() == 1);
                CHECK(names[s.elected[0]] == rounds[i]["elected"][0].get<std::string>());
            } else {
                CHECK(s.elected.empty());
            }
        }
    }
}
