// fuzz_constitution: tmo::parse_constitution. Invariants: parsing is deterministic (twice gives equal constitutions or
// equal errors); a parsed constitution written back (to_toml) and reparsed is equal, and its canonical text is a fixed
// point; an error names the source, line and column.
#include "fuzz.hpp"

#include <tmo/rules/constitution.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = tmo_fuzz::text(data, size);
    const tmo::result<tmo::constitution> first = tmo::parse_constitution(input, tmo_fuzz::source);
    const tmo::result<tmo::constitution> second = tmo::parse_constitution(input, tmo_fuzz::source);
    tmo_fuzz::check_same_outcome(first, second);
    if (!first) return 0;
    const std::string canonical = tmo::to_toml(*first);
    const tmo::result<tmo::constitution> back = tmo::parse_constitution(canonical, tmo_fuzz::source);
    TMO_FUZZ_CHECK(back.has_value());
    TMO_FUZZ_CHECK(*back == *first);
    TMO_FUZZ_CHECK(tmo::to_toml(*back) == canonical);
    TMO_FUZZ_CHECK(!tmo::summary(*first).empty());
    return 0;
}
