// tmo/vote/borda.hpp: the Borda count and its variants, counting.md §3.8.
//
// A paper is read as a ranking exactly as the Condorcet rules read it (see condorcet.hpp): rank groups of standing
// candidates, most preferred first; blank ranks and later repeats passed over; the ranking ends at an unnamed
// overvote; a paper ranking no standing candidate is invalid. Each ranked candidate gets points by position
// (position i = 0 for the top; C = the number of standing candidates, m = the number the paper ranks):
//   classic   C − 1 − i (the top gets C − 1, the last of all C gets 0); candidates left unranked get 0, or with
//             unranked = share, the points of the positions left over shared equally among them
//   modified  m − i (the top gets m, the last ranked gets 1); unranked get 0
//   dowdall   1 / (i + 1), exact (the Nauru rule); unranked get 0
// Candidates ranked equal share equally the points of the positions they occupy together. A candidate's score is the
// sum over papers of the points times the number of papers; the seats go to the highest scores, and a tie for the
// last seat(s) is settled by the tie chain (tie_kind::election; as for block vote, only order, lot or manual can
// separate candidates in a single stage).
//
// The result has one stage (first_preferences) whose votes are the scores, exact (Dowdall scores are fractions,
// shown as exact decimals where they end and as "p/q" otherwise); its quota is 0. The valid vote is the total of
// the points awarded, so Σ votes = valid vote.
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

/// The points of a position.
enum class borda_variant {
    classic,   ///< C − 1 − i
    modified,  ///< m − i, m = the candidates the paper ranks
    dowdall,   ///< 1 / (i + 1)
};

/// What candidates a paper leaves unranked get under the classic variant.
enum class borda_unranked {
    zero,   ///< nothing (default)
    share,  ///< the points of the positions below the ranked candidates, shared equally
};

/// The parameters of a Borda count.
struct borda_options {
    std::string name = "borda";          ///< recorded in the result
    std::optional<std::uint32_t> seats;  ///< overrides the profile's number of seats
    borda_variant variant = borda_variant::classic;
    borda_unranked unranked = borda_unranked::zero;  ///< classic only
    tie_chain ties;

    friend bool operator==(const borda_options&, const borda_options&) = default;
};

/// The parameters as one line of text ("seats=file variant=classic unranked=zero ties=backwards(a),lot").
[[nodiscard]] std::string to_string(const borda_options& options);

/// Counts `p` by the Borda count under `options`.
/// @return the result, or errc::invalid_value if the profile is not a valid election (see profile::validate), the
///         seats override is 0 or exceeds the candidates standing, unranked = share is asked for with a variant other
///         than classic, or a tie cannot be settled by the chain; errc::invalid_argument for manual decisions that
///         are wrong or left unused (as count_stv). Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count_borda(const profile& p, const borda_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
