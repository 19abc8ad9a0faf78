// tmo/vote/meek.hpp: the single transferable vote by Meek's method (counting.md §3.3).
//
// Meek's method (Hill, Wichmann & Woodall, Algorithm 123, 1987; Hill's 2006 revision, the basis of the New Zealand
// rules) transfers surpluses by giving every candidate a *keep value*: the fraction of each vote reaching them that
// they keep. A hopeful (continuing, not elected) candidate keeps everything (1), an excluded or withdrawn candidate
// nothing (0), an elected candidate just enough to hold the quota. The preset `meek` is the PR Foundation's Meek
// reference rule as counting.md §3.3 states it:
//
//   1. Distribution. Every valid paper starts with weight 1 and goes down its preferences: each candidate met keeps
//      weight x keep value (rounded UP to 9 decimals) and passes on the rest, until the weight is 0 or the
//      preferences end (what is left is non-transferable: the *excess*). Blank ranks, excluded and withdrawn
//      candidates and a candidate marked again are passed over. Candidates ranked equally share the weight equally
//      (each share truncated to 9 decimals; what truncation drops is lost to rounding), and each share goes on from
//      its candidate separately.
//   2. Quota: the votes held by all candidates / (seats + 1), truncated to 9 decimals, plus 0.000000001; it falls as
//      papers become non-transferable.
//   3. Every hopeful candidate with votes >= quota is elected.
//   4. Iteration: the total surplus is the sum over elected candidates of (votes - quota). While it is at least
//      omega (0.000001) and still falling, each elected candidate's keep value becomes keep value x quota (rounded
//      up) / votes (rounded up), never more than 1, and the papers are distributed again (1-3). An election ends
//      the iteration.
//   5. When the iteration has settled without electing anyone, the hopeful candidate with the fewest votes is
//      excluded (keep value 0). Every hopeful whose votes are within the total surplus of the lowest counts as tied
//      with it; the tie chain settles the tie (the reference rule uses a predetermined order: `ties=order`).
//   6. The count ends when all seats are filled (the other hopefuls are not elected), or when the hopeful
//      candidates are no more than the seats left (they are all deemed elected).
//
// Batch defeat (option `batch_defeat`, text option batch=on; off by default). Droop's parametric Meek (Droop's
// `meek` rule, defeat_batch=safe) also stops an iteration, after the omega and stable tests, as soon as there are
// sure losers, and excludes them all together in the next stage:
//   - the hopefuls are put in order of votes and grouped: a group holds every hopeful whose votes are within the
//     total surplus of its lowest member (the first group: every hopeful with no more votes than the total surplus),
//     so that candidates the surplus could still reorder are never separated;
//   - the sure losers are the largest run of lowest groups (never the last group, and leaving at least as many
//     hopefuls as seats to fill) whose combined votes plus the total surplus are less than the votes of the lowest
//     member of the next group: no transfer of the surplus could lift any of them above that candidate. A single
//     candidate can be a sure loser.
// When an iteration ends on omega or a stable surplus, one candidate is excluded as in step 5. With exact
// arithmetic this follows Droop's rational Meek count (meek-o10-rational-d12) step by step, with far fewer
// iterations than excluding one candidate at a time.
//
// Excluding the remaining hopefuls (option `exclude_remaining`, text option exclude-remaining=on; off by default).
// When the seats are filled while hopefuls remain, one more exclusion stage excludes them all (keep value 0) and
// distributes the papers once under the final keep values, without iterating or electing, the quota unchanged: the
// final votes Droop reports. With batch_defeat and exact arithmetic this gives Droop's final votes (SC.blt: Steve
// Kramer 24.872970757406).
//
// Arithmetic (counting.md §5), option `arithmetic`:
//   fixed-N    (default fixed-9) every value is a whole number of 10^-N: keep amounts and keep values rounded up,
//              the quota truncated then raised by 10^-N, elected on votes >= quota; exact comparisons.
//   guarded-N  "guarded" (quasi-exact) arithmetic as in Droop and OpenTally (Voting matters 24): values keep 2N
//              decimals (all rounding truncates), and two values within half of 10^-N of each other compare equal;
//              quota = votes / (seats + 1) with no addition, elected on votes greater than the quota.
//   exact      exact fractions; quota = votes / (seats + 1), elected on votes greater than the quota. The fractions
//              grow with every iteration (counting.md §3.3), so this suits small elections only.
// omega defaults to 10^-6 for fixed-9 (10^-(2N/3) for fixed-N), 10^-N for guarded-N and 10^-10 for exact (the
// defaults of Droop's meek-prf and meek rules).
//
// Stages (as count.hpp describes; the iterations of each stage are counted in stage::iterations):
//   stage 1      first preferences (every keep value 1); candidates at the quota are elected;
//   surplus      after an election, the keep values are iterated until the total surplus is below omega or stops
//                falling, or a hopeful reaches the quota (subject: none, as all the surpluses move together); no
//                stage is spent when the total surplus is already below omega;
//   exclusion    the lowest hopeful's keep value becomes 0 and the papers are distributed again, iterating the
//                keep values as above; when the hopefuls left are no more than the seats, the remaining candidates
//                are deemed elected after one distribution, without iterating. With batch_defeat, the sure
//                losers found by the last iteration are excluded together (stage::excluded lists them; subject: the
//                first); with exclude_remaining, a last exclusion stage excludes the hopefuls left once the seats
//                are filled.
// Votes at each stage are those of the last distribution; the non-transferable total is that distribution's excess
// and the rounding loss what the equal shares dropped, so votes + non-transferable + loss = valid papers exactly.
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/ties.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace vote {

/// How a Meek count computes (see the header comment).
enum class meek_arithmetic { fixed, guarded, exact };

/// The parameters of a Meek count.
struct meek_options {
    std::string name = "meek";  ///< recorded in the result
    meek_arithmetic arithmetic = meek_arithmetic::fixed;
    /// fixed: the decimals of every value; guarded: the precision N (2N decimals are kept). 1 to 9; unused when
    /// exact.
    unsigned decimals = 9;
    /// The iteration stops when the total surplus is below omega (> 0). nullopt = the arithmetic's default. In
    /// fixed and guarded arithmetic omega is rounded up to the smallest value the arithmetic holds.
    std::optional<rational> omega;
    /// Batch defeat of sure losers (Hill, Wichmann & Woodall; Droop's meek `defeat_batch=safe`); off in the preset,
    /// as the PR Foundation reference rule excludes one candidate at a time. See "Batch defeat" above.
    bool batch_defeat = false;
    /// When the seats are filled while hopefuls remain, a last stage excludes them and distributes the papers once
    /// more under the final keep values, as Droop's final count does; off in the preset (the count ends at the
    /// election). See "Excluding the remaining hopefuls" above.
    bool exclude_remaining = false;
    tie_chain ties;
    std::optional<std::uint32_t> seats;  ///< overrides the profile's number of seats

    /// The `meek` preset: the PR Foundation Meek reference rule, fixed-9, omega 0.000001.
    [[nodiscard]] static meek_options reference();

    /// omega, or the default for the arithmetic and decimals.
    [[nodiscard]] rational omega_or_default() const;

    friend bool operator==(const meek_options&, const meek_options&) = default;
};

/// The parameters as one line of text ("arithmetic=fixed-9 omega=0.000001 ties=backwards(a),lot").
[[nodiscard]] std::string to_string(const meek_options& options);

/// Parses an arithmetic option: "fixed-N" or "guarded-N" with N from 1 to 9, "fixed" (fixed-9), "guarded"
/// (guarded-9) or "exact"; on success sets options.arithmetic and options.decimals.
/// @return errc::invalid_value saying what was expected.
[[nodiscard]] result<void> parse_meek_arithmetic(std::string_view text, meek_options& options);

/// Counts `p` by Meek's method under `options`.
/// @return the result; errc::invalid_value if the profile is not a valid election (see profile::validate), a
///         ballot has an overvote naming no candidates (overvote_mark), the seats override is 0 or exceeds the
///         candidates standing, decimals is not 1 to 9, omega is not positive, or a tie cannot be settled by the
///         chain (the message lists the tie); errc::invalid_argument for manual decisions that name a candidate
///         not in the tie or are left unused; errc::overflow if the papers exceed what 64-bit fixed point holds
///         (about 2 x 10^9 papers at 9 decimals). Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count_meek(const profile& p, const meek_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
