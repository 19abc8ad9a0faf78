// The Droop test files (tests/data/elections/droop/): elected sets and final votes against Droop's own reference
// reports (Droop's output, not official results).
#include "scotland_data.hpp"

#include <tmo/vote/meek.hpp>
#include <tmo/vote/rules.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

namespace fs = std::filesystem;
using namespace tmo::vote;

namespace {

const fs::path droop_dir = fs::path(TMO_TEST_DATA_DIR) / "elections" / "droop";

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

// Droop breaks ties by earlier stages and then by its tie order (the [tie] line, else file order), in which the
// candidate listed *later* is favoured: the reverse of tie_method::candidate_order's convention.
tie_chain droop_ties(const profile& p, bool backwards) {
    tie_chain chain;
    chain.methods = {tie_method::candidate_order};
    if (backwards) chain.methods.insert(chain.methods.begin(), tie_method::backwards);
    chain.order = p.tie_order();
    if (chain.order.empty())
        for (candidate_id c = 0; c < p.candidate_count(); ++c) chain.order.push_back(c);
    std::reverse(chain.order.begin(), chain.order.end());
    return chain;
}

// Droop's reports print names with runs of spaces collapsed.
std::string collapsed(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' || out.empty() || out.back() != ' ') out += c;
    return out;
}

// Counts a profile with the given tie chain.
using counter = std::function<tmo::result<count_result>(const profile&, const tie_chain&)>;

counter stv(stv_options options) {
    return [options](const profile& p, const tie_chain& ties) mutable {
        options.ties = ties;
        return count_stv(p, options);
    };
}

counter meek(meek_options options) {
    return [options](const profile& p, const tie_chain& ties) mutable {
        options.ties = ties;
        return count_meek(p, options);
    };
}

// Every file Droop counted under `droop_rule`: the same elected set, and with `final_votes` the same votes for them
// at the end of the count, at Droop's precision. Returns the number of files. `skip` names a file left out.
std::size_t check_rule(const std::string& droop_rule, const counter& count, bool backwards, bool final_votes = true,
                       const std::string& skip = {}) {
    std::size_t files = 0;
    for (const auto& row : scot::csv_rows(droop_dir / "expected_elected_droop.csv")) {
        if (row.at(1) != droop_rule || row.at(0) == skip) continue;
        INFO(row.at(0));
        auto file = load_blt(droop_dir / row.at(0), blt_mode::strict);
        REQUIRE_MESSAGE(file.has_value(), (file ? std::string() : file.error().to_string()));
        auto r = count(file->profile, droop_ties(file->profile, backwards));
        REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().to_string()));
        const auto names = split(row.at(2), ';');
        const auto votes = split(row.at(3), ';');
        std::vector<std::string> ours, theirs;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto it = std::find_if(r->candidates.begin(), r->candidates.end(),
                                         [&](const std::string& n) { return collapsed(n) == names[i]; });
            REQUIRE(it != r->candidates.end());
            const auto c = static_cast<std::size_t>(it - r->candidates.begin());
            theirs.push_back(names[i] + " " + votes[i]);
            const unsigned places = static_cast<unsigned>(votes[i].size() - votes[i].find('.') - 1);
            ours.push_back(names[i] + " " + r->stages.back().votes[c].to_decimal(places, tmo::rounding::half_up).value());
        }
        std::vector<std::string> elected;
        for (candidate_id e : r->elected) elected.push_back(collapsed(r->candidates[e]));
        std::vector<std::string> expected_names = names;
        std::sort(elected.begin(), elected.end());
        std::sort(expected_names.begin(), expected_names.end());
        auto joined = [](const std::vector<std::string>& v) {
            std::string out;
            for (const std::string& x : v) out += (out.empty() ? "" : "; ") + x;
            return out;
        };
        CHECK(joined(elected) == joined(expected_names));
        if (final_votes) CHECK(joined(ours) == joined(theirs));
        ++files;
    }
    return files;
}

}  // namespace

TEST_CASE("scottish-stv elects Droop's scotland sets with the same final votes on 32 files") {
    CHECK(check_rule("scotland-fixed-p5-d5", stv(stv_options::scottish()), true) == 32);
}

TEST_CASE("wigm elects Droop's rational wigm sets with the same final votes on 5 files") {
    CHECK(check_rule("wigm-rational-d12", stv(stv_options::wigm_exact()), false) == 5);
}

// Droop's meek-prf is the PR Foundation reference rule, which the meek preset follows to the last digit.
TEST_CASE("meek elects Droop's meek-prf sets with the same final votes to 9 decimals on 9 files") {
    CHECK(check_rule("meek-prf-o6-fixed-p9-d9", meek(meek_options::reference()), false) == 9);
}

// Droop's parametric meek defeats sure losers in batches (meek_options::batch_defeat); without it the count reaches
// its figures by other steps and only the elected sets agree. Droop's defaults: omega 10^-10 for rational
// arithmetic, 10^-9 for guarded.
TEST_CASE("meek with exact arithmetic elects Droop's rational meek sets on 4 small files") {
    meek_options exact;
    exact.arithmetic = meek_arithmetic::exact;
    CHECK(check_rule("meek-o10-rational-d12", meek(exact), false, false, "SC.blt") == 4);
}

// With batch defeat, exact Meek also counts SC.blt (13 candidates, 4 seats) quickly, and with Droop's final count
// (the hopefuls left excluded once the seats are filled) every file of Droop's rational Meek has the same elected
// set and the same final votes to 12 decimals (SC.blt: Pat LaMarche 23.901089126074, Rebecca Rotzler
// 20.340297031488, Kristen Olsen 19.603630194068, Steve Kramer 24.872970757406).
TEST_CASE("meek with exact arithmetic and batch defeat gives Droop's rational meek final votes on 5 files") {
    meek_options exact;
    exact.arithmetic = meek_arithmetic::exact;
    exact.batch_defeat = true;
    exact.exclude_remaining = true;
    CHECK(check_rule("meek-o10-rational-d12", meek(exact), false) == 5);
}

TEST_CASE("meek with guarded arithmetic elects Droop's guarded meek sets on 11 files") {
    meek_options guarded;
    guarded.arithmetic = meek_arithmetic::guarded;
    CHECK(check_rule("meek-o9-guarded-p18-g9-d18", meek(guarded), false, false) == 11);
}


// SC.blt stage by stage against Droop's report SC-meek-o10-rational-d12 (Droop v0.11), counted by name with text
// options as the tool and the C API do. Droop's rounds: 1 elects Pat LaMarche and Rebecca Rotzler; 2 iterates once
// and finds five sure losers (total surplus 0.533443526171); 3 finds two more; 4 elects Steve Kramer; 5 iterates
// until Budd Dickinson is a sure loser (quota 18.794015522283, total surplus 1.123679532231); 6 elects Kristen
// Olsen (quota 18.591521682196); then Tom Sevigny, the last hopeful, is defeated and the final count distributed.
TEST_CASE("meek batch=on exclude-remaining=on by name: Droop's rational SC.blt count, every round's figures") {
    auto file = load_blt(droop_dir / "SC.blt", blt_mode::strict);
    REQUIRE(file.has_value());
    const std::vector<setting> settings{{"arithmetic", "exact"}, {"batch", "on"}, {"exclude-remaining", "on"}};
    auto r = count(file->profile, "meek", settings);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().to_string()));
    CHECK(r->parameters.find("batch=on exclude-remaining=on") != std::string::npos);
    REQUIRE(r->stages.size() == 7);
    const auto d12 = [](const tmo::rational& v) { return v.to_decimal(12, tmo::rounding::half_up).value(); };
    const auto surplus = [&](const stage& s) {
        tmo::rational total;
        for (candidate_id c = 0; c < s.votes.size(); ++c)
            if (s.states[c] == candidate_state::elected) total += s.votes[c] - s.quota;
        return d12(total);
    };
    // Candidates in file order: 0 Budd Dickinson, 1 Kirit Mookerjee, 2 Tom Sevigny, 3 Pat LaMarche, 4 Michael
    // Piacsek, 5 Write-In 2, 6 Rebecca Rotzler, 7 Kristen Olsen, 8 Jason Jones, 9 Write-In 1, 10 Steve Greenfield,
    // 11 Jimmy Leas, 12 Steve Kramer.
    CHECK(r->stages[0].elected == std::vector<candidate_id>{6, 3});
    const stage& s2 = r->stages[1];
    CHECK(s2.action == stage_action::surplus);
    CHECK(s2.iterations == 1);
    CHECK(surplus(s2) == "0.533443526171");
    CHECK(d12(s2.votes[3]) == "19.167713498623");
    CHECK(d12(s2.votes[6]) == "18.965730027548");
    CHECK(d12(s2.votes[7]) == "12.826225895317");
    CHECK(d12(s2.votes[12]) == "18.498953168044");
    CHECK(r->stages[2].excluded == std::vector<candidate_id>{5, 8, 9, 10, 11});
    CHECK(r->stages[3].excluded == std::vector<candidate_id>{1, 4});
    CHECK(r->stages[3].elected == std::vector<candidate_id>{12});
    const stage& s5 = r->stages[4];
    CHECK(d12(s5.quota) == "18.794015522283");
    CHECK(surplus(s5) == "1.123679532231");
    CHECK(d12(s5.votes[0]) == "9.779859534492");
    CHECK(d12(s5.votes[2]) == "11.174296377603");
    CHECK(d12(s5.votes[7]) == "15.510195600239");
    CHECK(d12(s5.non_transferable_total) == "0.029922388586");
    const stage& s6 = r->stages[5];
    CHECK(s6.excluded == std::vector<candidate_id>{0});
    CHECK(s6.elected == std::vector<candidate_id>{7});
    CHECK(d12(s6.quota) == "18.591521682196");
    CHECK(surplus(s6) == "2.208665638913");
    CHECK(d12(s6.votes[3]) == "19.169509130428");
    CHECK(d12(s6.votes[6]) == "19.150381530598");
    CHECK(d12(s6.votes[7]) == "18.981163611635");
    CHECK(d12(s6.votes[12]) == "19.273698095036");
    CHECK(d12(s6.votes[2]) == "16.382856043283");
    const stage& last = r->stages[6];
    CHECK(last.excluded == std::vector<candidate_id>{2});
    CHECK(d12(last.quota) == "18.591521682196");
    CHECK(d12(last.votes[3]) == "23.901089126074");
    CHECK(d12(last.votes[6]) == "20.340297031488");
    CHECK(d12(last.votes[7]) == "19.603630194068");
    CHECK(d12(last.votes[12]) == "24.872970757406");
    CHECK(d12(last.non_transferable_total) == "5.282012890964");
    CHECK(r->elected == std::vector<candidate_id>{6, 3, 12, 7});

    // The option's value is checked like every boolean option.
    const std::vector<setting> off{{"arithmetic", "exact"}, {"batch", "maybe"}};
    auto bad = count(file->profile, "meek", off);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code() == tmo::errc::invalid_value);
}
