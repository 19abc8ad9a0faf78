// tmo/vote/condorcet.hpp: the Condorcet rules, Schulze and ranked pairs (Tideman), counting.md §3.7.
//
// Both compare the candidates two at a time. A paper is read as a ranking: its rank groups of standing candidates,
// most preferred first. Candidates sharing a rank are preferred to neither side; candidates the paper does not rank
// are ranked below every candidate it ranks, and equal among themselves. Blank ranks are passed over, a candidate
// marked again later is passed over, withdrawn candidates are left out, and the ranking ends at an overvote whose
// candidates are not named (overvote_mark). A paper ranking no standing candidate is invalid.
//
// The pairwise matrix d[x][y] is the number of papers ranking x above y. x has a majority over y when
// d[x][y] > d[y][x]; a candidate with a majority over every other is the Condorcet winner, and both rules elect it.
//
// Schulze: the link x→y has strength d[x][y] if x has a majority over y, else 0 (winning votes, the default), or
// d[x][y] − d[y][x] (margins). The strongest path p[x][y] is the largest, over all paths from x to y, of the weakest
// link on the path. x beats y when p[x][y] > p[y][x]; this relation is transitive, so the candidates beaten by no
// other remaining candidate come next in the order.
//
// Ranked pairs: the majorities are sorted strongest first — by winning votes d[x][y], then by the smaller
// opposition d[y][x] (or by the margin d[x][y] − d[y][x]) — and each is locked unless it would close a cycle with the
// majorities already locked. The order is then read from the locked majorities: the candidates no remaining
// candidate is locked over come next. Majorities of equal strength whose order matters (locking them all would
// close a cycle) are taken in the order of a tie-breaking ranking of the candidates (Tideman's): the majority whose
// winner ranks higher first, and for the same winner the one whose loser ranks lower. That ranking is drawn once per
// count by the tie chain, one candidate at a time (order, lot or manual: each candidate placed is a tie record), and
// also orders candidates the locked majorities leave level when the seats cannot take them all.
//
// Several seats go to the first candidates of the order. Where the order leaves more candidates level than seats
// remain, Schulze settles it by the tie chain (tie_kind::election; each choice recorded). The result has one stage
// (first_preferences): each valid paper counts for its first-ranked candidate, shared equally among candidates
// ranked first together, so Σ votes = valid papers; the quota is 0. The result carries the pairwise matrix, the
// strongest paths (Schulze) and the majorities in the order considered (ranked pairs).
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/ties.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// How the strength of a pairwise win is measured.
enum class condorcet_strength {
    winning_votes,  ///< the papers ranking the winner above the loser (ranked pairs: ties by the smaller opposition)
    margins,        ///< the papers ranking the winner above the loser minus those ranking the loser above the winner
};

/// The parameters of a Schulze or ranked-pairs count.
struct condorcet_options {
    std::string name;                    ///< recorded in the result ("schulze", "ranked-pairs")
    std::optional<std::uint32_t> seats;  ///< overrides the profile's number of seats
    condorcet_strength strength = condorcet_strength::winning_votes;
    tie_chain ties;

    /// The `schulze` preset (winning votes).
    [[nodiscard]] static condorcet_options schulze();
    /// The `ranked-pairs` preset (winning votes).
    [[nodiscard]] static condorcet_options ranked_pairs();

    friend bool operator==(const condorcet_options&, const condorcet_options&) = default;
};

/// The parameters as one line of text ("seats=file strength=winning ties=backwards(a),lot"), as the rule options
/// name them.
[[nodiscard]] std::string to_string(const condorcet_options& options);

/// The pairwise matrix of `p`: [x][y] = the papers ranking x above y, read as described above (diagonal 0; rows and
/// columns of withdrawn candidates 0). Throws only std::bad_alloc.
[[nodiscard]] std::vector<std::vector<rational>> pairwise_matrix(const profile& p);

/// The most candidates count_schulze and count_ranked_pairs accept: their pairwise tables grow as the square of the
/// candidates (a million entries at this limit), so a file claiming more is refused rather than allocated.
inline constexpr std::uint32_t condorcet_max_candidates = 1000;

/// Counts `p` by the Schulze method under `options`.
/// @return the result, or errc::invalid_value if the profile is not a valid election (see profile::validate), the
///         seats override is 0 or exceeds the candidates standing, or a tie cannot be settled by the chain;
///         errc::invalid_argument for manual decisions that are wrong or left unused (as count_stv);
///         errc::too_large for more than condorcet_max_candidates candidates. Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count_schulze(const profile& p, const condorcet_options& options);

/// Counts `p` by ranked pairs under `options`. Errors as count_schulze.
[[nodiscard]] result<count_result> count_ranked_pairs(const profile& p, const condorcet_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
