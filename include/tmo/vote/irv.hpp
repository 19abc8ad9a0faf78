// tmo/vote/irv.hpp: instant-runoff voting (IRV, "ranked-choice voting"), counting.md §3.6, and RCTab's
// multi-winner variant of it.
//
// Single winner (the default). Each round, every ballot counts for its highest-ranked continuing candidate, read under
// the ballot options below. A candidate with a majority of the votes on continuing ballots, at least floor(V/2) + 1
// where V is the sum of the candidates' votes in that round, wins (RCTab's threshold). Otherwise the candidate with
// the fewest votes is excluded (ties by the tie chain) and the next round counts again. The last continuing candidate
// wins. A candidate that stands for undeclared write-ins (candidate::write_in) is excluded before any other, whatever
// its votes, as RCTab does.
//
// Several winners (irv_options::multi_winner; RCTab's winnerElectionMode multiWinnerAllowMultipleWinnersPerRound).
// Every ballot carries a value, 1 at the start, in fixed point with `decimals` decimals; each round it counts at
// that value for its highest-ranked continuing candidate (elected and excluded candidates are passed over).
//   1. The threshold T is set once, from the votes V of round 1 and the seats S: floor(V/(S+1)) + 1 (whole), or
//      V/(S+1) truncated to the decimals plus 10^-decimals (fractional: 29 votes, 3 seats, 4 decimals: 7.2501).
//   2. At the end of a round, every continuing candidate with at least T votes is elected, most votes first (all in
//      the same round; if more reach T than seats remain, the tie chain settles the last seats). If the continuing
//      candidates are no more than the seats left, they are all elected; those keep the ballots they hold (a
//      final round moves none of them) and take no transfers. If no one was elected, the candidate with the fewest
//      votes is excluded, as for one winner.
//   3. The round after an election transfers the surpluses of all the candidates elected in it: for each, the
//      surplus fraction f = (votes - T) / votes truncated to the decimals, and every ballot counting for them takes
//      the value (its value x f) truncated to the decimals, and moves on. An elected candidate keeps exactly T.
//      What the truncation leaves over ("residual surplus") is the round's loss to rounding.
//   4. The count ends when all seats are filled; if the round that filled them elected candidates with a surplus,
//      one final round transfers those surpluses (RCTab's final round; what finds no continuing candidate there is
//      RCTab's "finalRoundSurplus", counted here as non-transferable).
// As in RCTab's reports, a round either transfers surpluses or excludes, never both. A zero surplus still takes a
// round when seats remain (tmo's reading; RCTab's two multi-winner test sets, which this reproduces round by round,
// have no zero surplus).
//
// The result uses the STV stage records: stage 1 is round 1 (first choices); each later stage excludes one candidate
// (or a batch), or transfers the surpluses of the candidates elected in the round before (subject: the first of them),
// and its votes are the next round's count. The stage's quota is that round's threshold. Ballots that no longer count
// for anyone are non-transferable ("exhausted"): Σ votes + exhausted + loss to rounding = valid papers at every
// stage (no loss for one winner). Papers with no mark for a standing candidate and no overvote are invalid.
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

/// How the multi-winner threshold is computed from the votes V of round 1 and the number of seats S.
enum class irv_threshold {
    whole,       ///< floor(V / (S + 1)) + 1 (RCTab nonIntegerWinningThreshold false)
    fractional,  ///< V / (S + 1) truncated to the decimals, plus 10^-decimals (nonIntegerWinningThreshold true)
};

/// RCTab's multi-winner count (winnerElectionMode multiWinnerAllowMultipleWinnersPerRound), described above.
struct irv_multi_winner {
    std::uint32_t seats = 2;  ///< RCTab numberOfWinners; the profile's number of seats is ignored
    irv_threshold threshold = irv_threshold::whole;
    unsigned decimals = 4;  ///< RCTab decimalPlacesForVoteArithmetic: ballot values and fractions, at most 9

    friend bool operator==(const irv_multi_winner&, const irv_multi_winner&) = default;
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
    /// Several winners by RCTab's multi-winner rule; nullopt (default): one winner.
    std::optional<irv_multi_winner> multi_winner;
    tie_chain ties;

    friend bool operator==(const irv_options&, const irv_options&) = default;
};

/// The parameters as one line of text ("overvote=exhaust-immediately skipped-ranks=unlimited duplicates=skip
/// batch=off until-two=off ties=backwards(a),lot"; with several winners also "winners=3 threshold=fractional
/// arithmetic=fixed-4").
[[nodiscard]] std::string to_string(const irv_options& options);

/// Counts `p` by IRV under `options`; the profile's number of seats is ignored (one winner, or multi_winner->seats).
/// @return the result (votes are whole numbers for one winner; fixed point for several, with result::decimals set),
///         or errc::invalid_value if the profile is not a valid election (see profile::validate), no candidate is
///         standing, or a tie cannot be settled by the chain; with several winners also if the seats are 0 or more
///         than the candidates standing, more than 9 decimals are asked for, or continue_until_two is set;
///         errc::overflow if the papers exceed what 64-bit fixed point holds;
///         errc::invalid_argument for manual decisions that are wrong or left unused (as count_stv). Throws only
///         std::bad_alloc.
[[nodiscard]] result<count_result> count_irv(const profile& p, const irv_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
