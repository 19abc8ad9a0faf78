// fuzz_long_format: a long-format ballot CSV (tmo::vote::read_long_format). Invariants: reading is deterministic; the
// profile read, written as BLT and read back (strict), is equal; a count of it conserves the vote at every stage
// (fuzz.hpp, check_profile).
#include "fuzz.hpp"

#include <tmo/vote/long_format.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = tmo_fuzz::text(data, size);
    const auto first = tmo::vote::read_long_format(input, tmo_fuzz::source);
    const auto second = tmo::vote::read_long_format(input, tmo_fuzz::source);
    tmo_fuzz::check_same_outcome(first, second);
    if (first) tmo_fuzz::check_profile(*first, size == 0 ? 0 : data[0]);
    return 0;
}
