// fuzz_budget_csv: a budget ballot-sheet CSV (tmo::budget::parse_election_csv). Invariants: reading is deterministic;
// the election written as `.pb` reads back and writes the same text; a rule run on it funds distinct projects within
// the budget (fuzz.hpp, check_budget).
#include "fuzz.hpp"

#include <tmo/budget/input.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = tmo_fuzz::text(data, size);
    const auto first = tmo::budget::parse_election_csv(input, tmo_fuzz::source);
    const auto second = tmo::budget::parse_election_csv(input, tmo_fuzz::source);
    tmo_fuzz::check_same_outcome(first, second);
    if (first) tmo_fuzz::check_budget(first->election, size == 0 ? 0 : data[0]);
    return 0;
}
