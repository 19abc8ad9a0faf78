// Greedy selection: the worked example, tie handling, and the cities' own outcomes (the `selected` column).
#include "pb_data.hpp"

#include <tmo/budget/greedy.hpp>

#include <doctest/doctest.h>

using namespace tmo;
using namespace tmo::budget;

namespace {

greedy_options with_ties(tie_breaking ties) {
    greedy_options options;
    options.ties = std::move(ties);
    return options;
}

instance small_instance(std::vector<int> costs, const std::vector<std::vector<std::size_t>>& votes, int budget) {
    instance inst;
    inst.budget = budget;
    for (std::size_t i = 0; i < costs.size(); ++i) inst.projects.push_back({std::to_string(i + 1), costs[i], "", {}, {}, {}, {}});
    ballot_merger merger(inst);
    for (const auto& v : votes) merger.add({v, {}, 1, {}});
    return inst;
}

}  // namespace

TEST_CASE("greedy worked example of budgeting.md 4.9") {
    // Riverside: projects 1 (6000), 2 (2500), 3 (1500), 4 (3000); votes 3, 2, 3, 1; budget 10000.
    const instance inst = small_instance({6000, 2500, 1500, 3000}, {{0, 2}, {0, 1}, {0, 2}, {1, 2}, {3}}, 10000);
    const outcome out = greedy(inst).value();
    // 1 v 3 tie at 3 votes: min-cost puts 3 first; both fit, then 2; 4 does not fit.
    CHECK(out.selected == std::vector<std::size_t>{2, 0, 1});
    CHECK(out.cost == rational(10000));
    REQUIRE(out.rejected.size() == 1);
    CHECK(out.rejected[0].project == 3);
    CHECK(out.rejected[0].reason == rejection_reason::did_not_fit);
    CHECK(out.rejected[0].figure == rational(0));
    CHECK_FALSE(out.rounds[0].tie.has_value());  // both tied projects fit: the tie did not matter
    CHECK(out.rule == "greedy");
    CHECK(*out.option("ties") == "min-cost, max-votes, file");
}

TEST_CASE("greedy skip stop threshold and votes per cost") {
    // Costs 50, 60, 30, 10 with 4, 3, 2, 1 votes; budget 100.
    const instance inst = small_instance({50, 60, 30, 10}, {{0, 1, 2, 3}, {0, 1, 2}, {0, 1}, {0}}, 100);
    CHECK(greedy(inst).value().selected == std::vector<std::size_t>{0, 2, 3});
    greedy_options stop;
    stop.skip = false;
    const outcome stopped = greedy(inst, stop).value();
    CHECK(stopped.selected == std::vector<std::size_t>{0});
    CHECK(stopped.rule == "greedy-no-skip");
    CHECK(stopped.rejected.size() == 3);
    CHECK(stopped.rejected[1].reason == rejection_reason::stopped);
    greedy_options threshold;
    threshold.threshold = rational(3);
    CHECK(greedy(inst, threshold).value().selected == std::vector<std::size_t>{0});
    greedy_options density;
    density.order = greedy_order::votes_per_cost;  // 4/50, 3/60, 2/30, 1/10: 10 first
    CHECK(greedy(inst, density).value().selected == std::vector<std::size_t>{3, 0, 2});
}

TEST_CASE("greedy reports an unresolved tie and records a resolved one") {
    // Two projects of 60 with one vote each, budget 100: only one fits.
    const instance inst = small_instance({60, 60}, {{0}, {1}}, 100);
    greedy_options weak;
    weak.ties.criteria = {tie_criterion::min_cost, tie_criterion::max_votes};
    const auto failed = greedy(inst, weak);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().code() == errc::invalid_value);
    CHECK(failed.error().message().find("unresolved tie between projects 1 and 2") != std::string::npos);
    greedy_options drawn;
    drawn.ties.criteria = {tie_criterion::min_cost, tie_criterion::drawn_order};
    drawn.ties.drawn = parse_drawn_order(inst, "2, 1").value();
    const outcome out = greedy(inst, drawn).value();
    CHECK(out.selected == std::vector<std::size_t>{1});
    REQUIRE(out.rounds[0].tie.has_value());
    CHECK(out.rounds[0].tie->criterion == tie_criterion::drawn_order);
    CHECK(out.rounds[0].tie->tied == std::vector<std::size_t>{0, 1});
}

TEST_CASE("greedy id orders natural and string") {
    // Ids "9" and "10" tie; natural order prefers 9, string order prefers 10.
    instance inst = small_instance({60, 60}, {{0}, {1}}, 100);
    inst.projects[0].id = "9";
    inst.projects[1].id = "10";
    greedy_options natural;
    natural.ties = {{tie_criterion::id_natural}, {}};
    CHECK(greedy(inst, natural).value().selected == std::vector<std::size_t>{0});
    CHECK(greedy(inst, with_ties(tie_breaking::reference())).value().selected == std::vector<std::size_t>{1});
    CHECK(natural_compare("L9", "L10") < 0);
    CHECK(natural_compare("KAG/0002", "KAG/0010") < 0);
    CHECK(natural_compare("10", "9") > 0);
    CHECK(natural_compare("a", "a") == 0);
}

// Every file whose README row says the city's rule is reproduced by a plain re-implementation: greedy by score
// (approvals, total points, or for ordinal ballots the PROJECTS score column), ties in file order.
TEST_CASE("greedy reproduces the cities' selected projects") {
    struct city {
        const char* file;
        bool skip;
        bool threshold;
    };
    const city cities[] = {
        {"Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb", true, false},
        {"Poland_Warszawa_2019_Brodno-Podgrodzie.pb", true, false},
        {"Poland_Warszawa_2017_Falenica.pb", true, false},
        {"Poland_Warszawa_2019_Targowek_Mieszkaniowy.pb", true, false},
        {"Poland_Warszawa_2022_Ursynow.pb", true, false},
        {"Poland_Warszawa_2026.pb", true, true},
        {"Poland_Lodz_2022.pb", true, true},
        {"Poland_Lodz_2020_Nr_33.pb", true, true},
        {"Poland_Lodz_2025_Nad_Nerem.pb", true, true},
        {"Poland_Gdynia_2021_Kamienna_Gora__small.pb", false, false},
        {"Poland_Gdynia_2020_Orlowo__small.pb", false, true},
        {"Poland_Wroclaw_2024.pb", false, false},
        {"Poland_Czestochowa_2024_Podjasnogorska.pb", true, false},
        {"Poland_Czestochowa_2024_Dzbow.pb", true, false},
        {"Poland_Czestochowa_2025_Ostatni_Grosz.pb", true, true},
        {"Poland_Katowice_2024.pb", true, true},
        {"Poland_Krakow_2019_Bienczyce.pb", true, false},
        {"Poland_Krakow_2020_Mistrzejowice.pb", true, false},
        {"Poland_Krakow_2022.pb", true, false},
        {"Poland_Poznan_2024_9_-_Stare_Miasto__large.pb", true, false},
        {"Poland_Warszawa_2024_Wilanow.pb", true, false},
        {"Poland_Warszawa_2017_Grochow_Poludniowy.pb", true, false},
    };
    for (const city& c : cities) {
        CAPTURE(std::string(c.file));
        const instance inst = pb_test::load(c.file);
        greedy_options options;
        options.skip = c.skip;
        if (c.threshold) {
            REQUIRE(inst.min_project_score_threshold.has_value());
            options.threshold = inst.min_project_score_threshold;
        }
        if (inst.type == vote_type::ordinal) options.source = score_source::score_column;
        options.ties = {{tie_criterion::file_order}, {}};
        const outcome out = greedy(inst, options).value();
        CHECK(pb_test::ids(inst, out.selected) == pb_test::ids(inst, pb_test::officially_selected(inst)));
        CHECK(out.cost <= inst.budget);
    }
}

TEST_CASE("greedy Targowek tie goes to file order and the reference convention differs") {
    const instance inst = pb_test::load("Poland_Warszawa_2019_Targowek_Mieszkaniowy.pb");
    const outcome city = greedy(inst, with_ties({{tie_criterion::file_order}, {}})).value();
    CHECK(pb_test::ids(inst, city.selected) == "84 269 792 797 824 1023 1192 1515 1952");
    CHECK(city.cost == rational(394733));
    bool tie_seen = false;
    for (const purchase& p : city.rounds)
        if (p.tie && inst.projects[p.project].id == "797") {
            tie_seen = true;
            CHECK(p.measure == rational(173));
            CHECK(pb_test::ids(inst, p.tie->tied) == "797 845 1159");
        }
    CHECK(tie_seen);
    const outcome reference = greedy(inst, with_ties(tie_breaking::reference())).value();
    const std::string ids = pb_test::ids(inst, reference.selected);
    CHECK(ids.find("1159") != std::string::npos);
    CHECK(ids.find("797") == std::string::npos);
}
