// The Add1 rows of reference_outcomes.tsv for the files larger than pb_test::small_file: a few seconds in a
// Release build, tens of seconds in a Debug one, so they run under the CTest label `slow` (budget-slow:*).
#include "../pb_data.hpp"

#include <tmo/budget/equal_shares.hpp>

#include <doctest/doctest.h>

using namespace tmo;
using namespace tmo::budget;

TEST_CASE("reference mes add1 exhaustive stop on the larger files") {
    const auto options = pb_test::reference_mes_options(completion::add1);
    CHECK(pb_test::check_rows("mes_add1", pb_test::large, [&](const instance& inst) { return equal_shares(inst, options); }) == 16);
}

TEST_CASE("reference mes add1 without exhaustive stop on the larger files") {
    const auto options = pb_test::reference_mes_options(completion::add1, add1_stop::over_budget);
    CHECK(pb_test::check_rows("mes_add1_noexh", pb_test::large, [&](const instance& inst) { return equal_shares(inst, options); }) == 10);
}

TEST_CASE("reference mes add1 then utilitarian on the larger files") {
    const auto options = pb_test::reference_mes_options(completion::add1_utilitarian);
    CHECK(pb_test::check_rows("mes_add1_greedy", pb_test::large, [&](const instance& inst) { return equal_shares(inst, options); }) == 16);
}
