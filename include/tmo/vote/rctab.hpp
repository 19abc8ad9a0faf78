// tmo/vote/rctab.hpp: an RCTab contest configuration (the `_config.json` RCTab tabulates from) read into tmo's
// ballot readers and instant-runoff options, so that a contest set up for RCTab is counted by tmo with the same
// rules (counting.md §3.6).
//
// Rules mapped onto irv_options:
//   winnerElectionMode             singleWinnerMajority (one winner), or multiWinnerAllowMultipleWinnersPerRound
//                                  (irv_options::multi_winner: several candidates can reach the threshold in one
//                                  round and their surpluses are transferred together in the next; see irv.hpp)
//   numberOfWinners                1 for singleWinnerMajority; the seats of a multi-winner count
//   decimalPlacesForVoteArithmetic multi-winner: the decimals of ballot values and surplus fractions (at most 9;
//                                  4 when absent)
//   nonIntegerWinningThreshold     multi-winner: true: threshold V/(S+1) truncated to the decimals plus 10^-decimals;
//                                  false: floor(V/(S+1)) + 1 (V = the votes of round 1, S = numberOfWinners)
//   overvoteRule                   alwaysSkipToNextRank, exhaustImmediately, exhaustIfMultipleContinuing
//   maxSkippedRanksAllowed         a whole number, or "unlimited"
//   exhaustOnDuplicateCandidate    true: duplicate_rule::exhaust
//   batchElimination               batch_elimination
//   continueUntilTwoCandidatesRemain  continue_until_two (single winner only)
//   tiebreakMode                   useCandidateOrder: the configuration's candidate order; random: the draw by lot
//                                  seeded with randomSeed (tmo's SHA-256 draw, not RCTab's Java generator);
//                                  stopCountingAndAsk: the count stops with an error at a tie
//   maxRankingsAllowed             ranks beyond it are dropped (rctab_ballots, rctab_load_ballots)
//   candidates[].excluded          the candidate is withdrawn
// Refused (errc::invalid_value naming the setting): RCTab's other multi-winner modes (multiWinnerAllowOnlyOneWinner
// PerRound, bottoms-up, sequential), numberOfWinners other than 1 for one winner or 0 for several, hareQuota true
// with several winners, more than 9 decimals, continueUntilTwoCandidatesRemain with several winners, a
// minimumVoteThreshold above 0, a stopTabulationEarlyAfterRound, other tie-break modes. Settings that do not change
// the count (decimalPlacesForVoteArithmetic, nonIntegerWinningThreshold and hareQuota for one winner,
// doesFirstRoundDetermineThreshold — a multi-winner threshold is always set in round 1 —, output settings) are
// ignored.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/generic_csv.hpp>
#include <tmo/vote/irv.hpp>
#include <tmo/vote/rank_columns.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// One cast vote record file of a configuration (`cvrFileSources[]`).
struct rctab_source {
    std::filesystem::path path;  ///< `filePath`, as written (relative paths are relative to the configuration)
    /// `provider`: "genericCsv" and "cdf" are read; others (ES&S "ess", Dominion, Hart, Clear Ballot) are not
    std::string provider;
    std::string contest_id;            ///< `contestId` (CDF)
    generic_csv_options csv;           ///< firstVoteColumnIndex, idColumnIndex, undeclaredWriteInLabel
    rank_columns_options markers;      ///< overvoteLabel, skippedRankLabel, undeclaredWriteInLabel
};

/// What tmo reads of an RCTab configuration.
struct rctab_config {
    std::string contest;                      ///< outputSettings.contestName
    std::vector<std::string> candidates;      ///< candidates[].name, in the configuration's order
    std::vector<std::string> excluded;        ///< the candidates marked "excluded": true
    std::vector<rctab_source> sources;
    std::optional<std::uint32_t> max_rankings;  ///< maxRankingsAllowed; nullopt = "max" (no limit)
    /// The rules as IRV options (multi_winner set for multiWinnerAllowMultipleWinnersPerRound). A useCandidateOrder
    /// chain has an empty order here: rctab_irv_options fills it for a given profile.
    irv_options irv;
};

/// Reads an RCTab configuration from memory. `source_name` names it in errors.
/// @return the configuration, or an error located at the offending JSON value (line, column and key path):
///         errc::syntax for text that is not UTF-8 or not JSON; errc::missing_key for a missing `rules`,
///         `candidates` or rule this mapping needs; errc::wrong_type for a member of the wrong JSON type;
///         errc::invalid_value for a rule value tmo does not know or refuses (see above). Never throws except
///         std::bad_alloc.
[[nodiscard]] result<rctab_config> read_rctab_config(std::string_view text, std::string_view source_name = {});

/// Reads an RCTab configuration from disk. @return as read_rctab_config, or errc::io if it cannot be read.
[[nodiscard]] result<rctab_config> load_rctab_config(const std::filesystem::path& path);

/// The IRV options for counting `p` under `config`: config.irv, with a useCandidateOrder tie order made of the
/// configuration's candidates found by name in `p` (in the configuration's order; names not in `p` are skipped).
[[nodiscard]] irv_options rctab_irv_options(const rctab_config& config, const profile& p);

/// Ballots read from another source made ready to count under `config`: a copy of `read` with the configuration's
/// seats (1, or multi_winner->seats), titled with the contest name, ranks beyond max_rankings dropped, the excluded candidates withdrawn.
/// @return the profile, or errc::not_found for an excluded candidate that is not in `read`.
[[nodiscard]] result<profile> rctab_ballots(const rctab_config& config, const profile& read);

/// Reads the ballots of a configuration: its one source (relative to `folder`) by its provider, then as
/// rctab_ballots.
/// @return the profile, or the reader's error; errc::invalid_value if the configuration has no source or several
///         (tmo reads one), or its provider is one tmo cannot read; errc::not_found as rctab_ballots.
[[nodiscard]] result<profile> rctab_load_ballots(const rctab_config& config, const std::filesystem::path& folder);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
