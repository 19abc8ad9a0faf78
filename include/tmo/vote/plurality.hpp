// tmo/vote/plurality.hpp: plurality (first past the post), block vote (multi-seat plurality) and approval voting,
// counting.md §3.9.
//
// Ranks are not read: a paper votes once for every standing candidate marked on it (a candidate marked twice counts
// once; blank ranks and withdrawn candidates are passed over). An approval ballot is therefore an ordinary ballot
// whose marks are the approved candidates, in any order and with or without shared ranks (BLT `1 3 4 0` and
// `1=3=4 0` approve the same three). A paper marking more candidates than allowed, or carrying an overvote_mark (its
// candidates are unknown), is spoilt; a paper marking none is blank; both are counted as invalid papers. The seats
// go to the candidates with the most votes; a tie for the last seat(s) is settled by the tie chain (tie_kind::election;
// with a single stage, backwards and forwards cannot separate the candidates, so the chain needs a later method).
//
// The result has one stage (first_preferences) with each candidate's votes; its quota is 0. The valid vote is the
// number of votes cast on valid papers (for plurality, the valid papers), so Σ votes = valid vote.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/ties.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace tmo {
inline namespace v1 {
namespace vote {

/// A max_marks that sets no limit (approval voting).
inline constexpr std::uint32_t no_mark_limit = std::numeric_limits<std::uint32_t>::max();

/// The parameters of a plurality, block-vote or approval count.
struct block_options {
    std::string name = "block";              ///< recorded in the result
    std::optional<std::uint32_t> seats;      ///< overrides the profile's number of seats
    /// the most candidates a paper may mark; nullopt = the number of seats; no_mark_limit = any number
    std::optional<std::uint32_t> max_marks;
    tie_chain ties;

    /// The `plurality` preset: one seat, one mark.
    [[nodiscard]] static block_options plurality();
    /// The `block` preset: the profile's seats, up to that many marks.
    [[nodiscard]] static block_options block() { return block_options{}; }
    /// The `approval` preset: the profile's seats, any number of marks.
    [[nodiscard]] static block_options approval();

    friend bool operator==(const block_options&, const block_options&) = default;
};

/// The parameters as one line of text ("seats=1 max-marks=1 ties=backwards(a),lot"; "max-marks=any" for no limit).
[[nodiscard]] std::string to_string(const block_options& options);

/// Counts `p` by plurality, block vote or approval under `options`.
/// @return the result, or errc::invalid_value if the profile is not a valid election (see profile::validate), the
///         seats override or max_marks is 0, the seats exceed the candidates standing, or a tie cannot be settled by
///         the chain; errc::invalid_argument for manual decisions that are wrong or left unused (as count_stv).
///         Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count_block(const profile& p, const block_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
