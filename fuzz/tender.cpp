// fuzz_tender: a tender TOML file (tmo::contract::parse_tender). Invariants: parsing is deterministic (twice gives
// equal errors, or equal results where the type has ==) and an error names the source, line and column.
#include "fuzz.hpp"

#include <tmo/contract/document.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = tmo_fuzz::text(data, size);
    const auto first = tmo::contract::parse_tender(input, tmo_fuzz::source);
    const auto second = tmo::contract::parse_tender(input, tmo_fuzz::source);
    tmo_fuzz::check_same_outcome(first, second);
    return 0;
}
