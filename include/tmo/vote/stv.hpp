// tmo/vote/stv.hpp: the single transferable vote by the weighted inclusive Gregory method (WIGM).
//
// Presets (counting.md §3.1, §3.2, §9):
//   scottish-stv  the Scottish Local Government Elections Order 2007 (rules 45-52): quota floor(V/(S+1))+1,
//                 elected on reaching it, one surplus per stage largest first, each paper's new value
//                 surplus x value / total truncated to 5 decimals, ties backwards then by lot. Reproduces the
//                 official stage figures of Scottish council elections.
//   wigm          the same method in exact rational arithmetic with the exact Droop quota V/(S+1), elected on
//                 exceeding it (OpenTally's WIGM).
//
// The count (both presets):
//   1. Papers go to their first preference for a standing candidate; papers with none are invalid.
//   2. At the end of every stage: candidates at the quota are elected (largest vote first); if all seats are
//      filled the count ends; if continuing candidates <= vacancies they are all deemed elected and the count ends;
//      otherwise the largest untransferred surplus is transferred (all the candidate's papers, each at
//      surplus x its value / total, to its next continuing preference; the candidate keeps exactly the quota), or,
//      when no surplus is waiting, the continuing candidate with the fewest votes is excluded and all their papers
//      move at their current value. A zero surplus takes no stage.
//   3. Blank ranks are passed over; a candidate marked again later on a ballot is passed over; withdrawn candidates
//      are treated as absent. Equal rankings are not allowed by these rules (the count fails with
//      errc::invalid_value).
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/ties.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// How the quota is computed from the valid vote V and the number of seats S.
enum class quota_rule {
    droop_whole,  ///< floor(V / (S + 1)) + 1 (the statutory UK Droop quota)
    droop_exact,  ///< V / (S + 1), exact
    hare,         ///< V / S, exact
};

/// The parameters of a WIGM count.
struct stv_options {
    std::string name = "scottish-stv";  ///< recorded in the result
    quota_rule quota = quota_rule::droop_whole;
    bool elect_at_quota = true;  ///< true: elected on reaching the quota (>=); false: on exceeding it (>)
    /// Fixed-point decimals: every transferred paper value is truncated to this many decimals. nullopt = exact
    /// rational arithmetic. At most 9.
    std::optional<unsigned> decimals = 5;
    tie_chain ties;
    std::optional<std::uint32_t> seats;  ///< overrides the profile's number of seats

    /// The `scottish-stv` preset.
    [[nodiscard]] static stv_options scottish();
    /// The `wigm` preset.
    [[nodiscard]] static stv_options wigm_exact();

    friend bool operator==(const stv_options&, const stv_options&) = default;
};

/// The parameters as one line of text ("quota=droop-whole elect>=quota arithmetic=fixed-5 ties=backwards(a),lot").
[[nodiscard]] std::string to_string(const stv_options& options);

/// Counts `p` by WIGM under `options`.
/// @return the result, or errc::invalid_value if the profile is not a valid election (see profile::validate), a
///         ballot ranks candidates equally, the seats override is 0 or exceeds the candidates standing, more than 9
///         decimals are asked for, or a tie cannot be settled by the chain (the message lists the tie; add `lot`
///         with a seed or a manual decision); errc::invalid_argument for a manual decision naming a candidate not in
///         the tie or a candidate_order that does not list every tied candidate, and for manual decisions left
///         unused; errc::overflow if the papers exceed what 64-bit fixed point holds (about 9 x 10^13 papers at 5
///         decimals). Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count_stv(const profile& p, const stv_options& options);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
