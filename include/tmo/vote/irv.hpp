// tmo/vote/irv.hpp: single-winner instant-runoff voting (IRV, "ranked-choice voting"), counting.md §3.6.
//
// Each round, every ballot counts for its highest-ranked continuing candidate, read under the ballot options below.
// A candidate with a majority of the votes on continuing ballots, at least floor(V/2) + 1 where V is the sum of the
// candidates' votes in that round, wins (RCTab's threshold). Otherwise the candidate with the fewest votes is
// excluded (ties by the tie chain) and the next round counts again. The last continuing candidate wins. A candidate
// that stands for undeclared write-ins (candidate::write_in) is excluded before any other, whatever its votes, as
// RCTab does.
//
// The result uses the STV stage records: stage 1 is round 1 (first choices); each later stage excludes one candidate
// (or a batch) and its votes are the next round's count. The stage's quota is that round's majority threshold.
// Ballots that no longer count for anyone are non-transferable ("exhausted"): Σ votes + exhausted = valid papers at
// every stage, with no loss to rounding. Papers with no mark for a standing candidate and no overvote are invalid.
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

/// What a rank marked for several candidates (an overvote, an equal ranking, or overvote_mark) does to a ballot.
enum class overvote_rule {
    exhaust_immediately,  ///< the ballot stops counting at the overvote (RCTab exhaustImmediately); default
    skip_to_next_rank,    ///< the overvoted rank is passed over (RCTab alwaysSkipToNextRank)
    /// if more than one of its candidates is continuing the ballot stops; if exactly one, it counts for that one; if
    /// none, the rank is passed over (RCTab exhaustIfMultipleContinuing). An overvote_mark, whose candidates are not
    /// known, always stops the ballot.
    exhaust_if_multiple_continuing,
};

/// What a candidate ranked again on the same ballot does.
enum class duplicate_rule {
    skip,     ///< the later mark is passed over; default
    exhaust,  ///< the ballot stops counting there (RCTab exhaustOnDuplicateCandidate)
};

/// The parameters of an IRV count.
struct irv_options {
    std::string name = "irv";  ///< recorded in the result
    overvote_rule overvote = overvote_rule::exhaust_immediately;
    /// A ballot stops counting when more than this many consecutive blank ranks come before its next marked rank
    /// (0: any skipped rank stops it). nullopt (default): blank ranks are always passed over.
    std::optional<std::uint32_t> max_skipped_ranks;
    duplicate_rule duplicates = duplicate_rule::skip;
    /// Exclude at once the largest set of lowest candidates whose combined votes are fewer than the votes of the
    /// next-lowest candidate (they could not overtake). Off by default.
    bool batch_elimination = false;
    /// Keep excluding after the winner is found until two candidates remain (for the final-round report). The
    /// winner does not change. Off by default.
    bool continue_until_two = false;
    tie_chain ties;

    friend bool operator==(const irv_options&, const irv_options&) = default;
};

/// The parameters as one line of text ("overvote=exhaust-immediately skipped-ranks=unlimited duplicates=skip
/// batch=off until-two=off ties=backwards(a),lot").
[[nodiscard]] std::string to_string(const irv_options& options);

/// Counts `p` by IRV under `options`; the profile's number of seats is ignored (one winner).
/// @return the result (votes are whole numbers), or errc::invalid_value if the profile is not a valid election (see
///         profile::validate), no candidate is standing, or a tie cannot be settled by the chain;
///         errc::invalid_argument for manual decisions that are wrong or left unused (as count_stv). Throws only
///         std::bad_alloc.
[[nodiscard]] result<count_result> count_irv(const profile& p, const irv_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
