// tmo/vote/plurality.hpp: plurality (first past the post) and block vote (multi-seat plurality), counting.md §3.9.
//
// Ranks are not read: a paper votes once for every standing candidate marked on it (a candidate marked twice counts
// once; blank ranks and withdrawn candidates are passed over). A paper marking more candidates than allowed, or
// carrying an overvote_mark, is spoilt; a paper marking none is blank; both are counted as invalid papers. The seats
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
#include <optional>
#include <string>

namespace tmo {
inline namespace v1 {
namespace vote {

/// The parameters of a plurality or block-vote count.
struct block_options {
    std::string name = "block";              ///< recorded in the result
    std::optional<std::uint32_t> seats;      ///< overrides the profile's number of seats
    std::optional<std::uint32_t> max_marks;  ///< the most candidates a paper may mark; nullopt = the number of seats
    tie_chain ties;

    /// The `plurality` preset: one seat, one mark.
    [[nodiscard]] static block_options plurality();
    /// The `block` preset: the profile's seats, up to that many marks.
    [[nodiscard]] static block_options block() { return block_options{}; }

    friend bool operator==(const block_options&, const block_options&) = default;
};

/// The parameters as one line of text ("seats=1 max-marks=1 ties=backwards(a),lot").
[[nodiscard]] std::string to_string(const block_options& options);

/// Counts `p` by plurality or block vote under `options`.
/// @return the result, or errc::invalid_value if the profile is not a valid election (see profile::validate), the
///         seats override or max_marks is 0, the seats exceed the candidates standing, or a tie cannot be settled by
///         the chain; errc::invalid_argument for manual decisions that are wrong or left unused (as count_stv).
///         Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count_block(const profile& p, const block_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
