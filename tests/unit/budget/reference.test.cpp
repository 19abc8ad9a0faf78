// Cross-check against reference_outcomes.tsv (computed with pabutools 1.2.3; see tests/data/pb/README.md): every
// row of a rule tmo implements must agree on the winners and the exact total cost when tmo runs with the
// reference's tie-breaking convention (project id as plain text) and its options. The Add1 rows of the files
// larger than pb_test::small_file run in the `slow` executable (slow/reference_large.test.cpp), as they take
// tens of seconds in a Debug build.
#include "pb_data.hpp"

#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/greedy.hpp>
#include <tmo/budget/phragmen.hpp>
#include <tmo/budget/welfare.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <map>

using namespace tmo;
using namespace tmo::budget;


TEST_CASE("reference greedy by votes") {
    greedy_options options;
    options.ties = tie_breaking::reference();
    CHECK(pb_test::check_rows("greedy", pb_test::any_size, [&](const instance& inst) { return greedy(inst, options); }) == 39);
}

TEST_CASE("reference greedy by votes per cost") {
    greedy_options options;
    options.ties = tie_breaking::reference();
    options.order = greedy_order::votes_per_cost;
    CHECK(pb_test::check_rows("greedy_density", pb_test::any_size, [&](const instance& inst) { return greedy(inst, options); }) == 29);
}

TEST_CASE("reference mes") {
    const auto options = pb_test::reference_mes_options(completion::none);
    CHECK(pb_test::check_rows("mes", pb_test::any_size, [&](const instance& inst) { return equal_shares(inst, options); }) == 39);
}

TEST_CASE("reference mes add1 exhaustive stop") {
    const auto options = pb_test::reference_mes_options(completion::add1);
    CHECK(pb_test::check_rows("mes_add1", pb_test::small, [&](const instance& inst) { return equal_shares(inst, options); }) == 19);
}

TEST_CASE("reference mes add1 without exhaustive stop") {
    const auto options = pb_test::reference_mes_options(completion::add1, add1_stop::over_budget);
    CHECK(pb_test::check_rows("mes_add1_noexh", pb_test::small, [&](const instance& inst) { return equal_shares(inst, options); }) == 14);
}

TEST_CASE("reference mes add1 then utilitarian") {
    const auto options = pb_test::reference_mes_options(completion::add1_utilitarian);
    CHECK(pb_test::check_rows("mes_add1_greedy", pb_test::small, [&](const instance& inst) { return equal_shares(inst, options); }) == 19);
}

TEST_CASE("reference sequential phragmen") {
    phragmen_options options;
    options.ties = tie_breaking::reference();
    CHECK(pb_test::check_rows("phragmen", pb_test::any_size, [&](const instance& inst) { return phragmen(inst, options); }) == 29);
}

TEST_CASE("reference maximum welfare") {
    welfare_options options;
    options.ties = tie_breaking::reference();
    CHECK(pb_test::check_rows("maxwelfare", pb_test::any_size, [&](const instance& inst) { return max_welfare(inst, options); }) == 39);
}
