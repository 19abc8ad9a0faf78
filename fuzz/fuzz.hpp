// fuzz/fuzz.hpp: what the fuzz targets share: the libFuzzer entry point's declaration, an invariant check that
// aborts (so libFuzzer and the replay driver both report it), and the checks every reader's result must pass.
//
// A target is one file fuzz/<input>.cpp defining LLVMFuzzerTestOneInput; it is linked with libFuzzer as
// fuzz_<input> (TMO_BUILD_FUZZERS, clang) and with replay_main.cpp as fuzz_<input>_replay (every build with tests),
// which feeds it every file of fuzz/corpus/<input>/ and fuzz/crashes/<input>/.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/core/error.hpp>
#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace tmo_fuzz {

/// Prints the broken invariant and aborts.
[[noreturn]] void fail(const char* what, const char* file, int line);

/// The input as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// The source name every target passes to the reader under test.
inline constexpr std::string_view source = "fuzz-input";

/// An error as every reader must report it: a code other than ok, a message, and a location that is either
/// unknown or names `expected_source` (the source name the reader was given) with a line, and a column only with a
/// line.
void check_error(const tmo::error& e, std::string_view expected_source = source);

/// Reading the same text twice gives the same error, or two equal values when the type has == (`a` and `b` are the
/// two results).
template <typename T>
void check_same_outcome(const tmo::result<T>& a, const tmo::result<T>& b);

/// The profile invariants: write_blt of the profile reads back with the same candidates, seats and papers, and, when
/// BLT can hold the profile exactly (no unnamed overvote, write-in, line break in a name, or id BLT cannot write),
/// into an equal profile (strict; lenient if a ballot ranks a candidate twice), and a count of it by a rule chosen by `selector` conserves the vote at
/// every stage, elects at most `seats` different candidates, and counts every paper.
void check_profile(const tmo::vote::profile& p, std::uint8_t selector);

/// The participatory-budgeting invariants: the election written as `.pb` (to_pabulib) reads back and writes the
/// same text again; a small valid election run by a rule chosen by `selector` funds different projects whose
/// total cost is the outcome's cost and within the budget, and accounts for every project (funded or rejected).
void check_budget(const tmo::budget::instance& election, std::uint8_t selector);

/// Two profiles hold the same candidates, seats, title, ballots (marks, counts, ids) and tie order.
[[nodiscard]] bool same_profile(const tmo::vote::profile& a, const tmo::vote::profile& b);

}  // namespace tmo_fuzz

#define TMO_FUZZ_CHECK(condition) \
    ((condition) ? static_cast<void>(0) : ::tmo_fuzz::fail(#condition, __FILE__, __LINE__))

namespace tmo_fuzz {
template <typename T>
void check_same_outcome(const tmo::result<T>& a, const tmo::result<T>& b) {
    TMO_FUZZ_CHECK(a.has_value() == b.has_value());
    if (!a) {
        check_error(a.error());
        TMO_FUZZ_CHECK(a.error() == b.error());
    } else if constexpr (std::equality_comparable<T>) {
        TMO_FUZZ_CHECK(*a == *b);
    }
}
}  // namespace tmo_fuzz
