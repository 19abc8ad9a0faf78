// fuzz_decision_ballot: a decision ballot TOML file (tmo::decision::parse_ballot_file). Invariants: parsing is
// deterministic (twice gives equal errors, or equal results where the type has ==) and an error names the source, line
// and column.
#include "fuzz.hpp"

#include <tmo/decision/files.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = tmo_fuzz::text(data, size);
    const auto first = tmo::decision::parse_ballot_file(input, tmo_fuzz::source);
    const auto second = tmo::decision::parse_ballot_file(input, tmo_fuzz::source);
    tmo_fuzz::check_same_outcome(first, second);
    return 0;
}
