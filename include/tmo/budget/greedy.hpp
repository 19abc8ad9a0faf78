// tmo/budget/greedy.hpp: greedy selection, the rule nearly every city uses (budgeting.md §4.3).
//
// Projects are taken in order of their score, highest first; each one is funded if its cost fits in what is left
// of the budget. Variants: stop at the first project that does not fit instead of skipping it; ignore projects
// whose score is below a minimum; order by score per unit of cost instead of score.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>
#include <tmo/budget/ties.hpp>

#include <optional>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// What greedy sorts by.
enum class greedy_order {
    votes,           ///< the score: approvals, or total points (cost utilities: the city rule)
    votes_per_cost,  ///< the score divided by the cost (cardinality utilities)
};

/// Where the score comes from.
enum class score_source {
    ballots,       ///< counted from the ballots (ballot_scores)
    score_column,  ///< the file's PROJECTS `score` column (ordinal elections, where the city's own points per rank
                   ///< are not in the file); every project must have one
};

struct greedy_options {
    greedy_order order = greedy_order::votes;
    bool skip = true;                  ///< false: stop at the first project that does not fit (greedy-no-skip)
    std::optional<rational> threshold; ///< projects scoring below it are left out (greedy-threshold)
    score_source source = score_source::ballots;
    tie_breaking ties = tie_breaking::equal_shares_net();
    /// Projects to consider (index -> true); empty means all. Used by the comparison step and the eligibility
    /// filter; excluded projects are reported as ineligible.
    std::vector<bool> eligible;
};

/// Runs greedy selection. The rule name recorded is "greedy", "greedy-no-skip", "greedy-threshold" or
/// "greedy-cost" (combinations join the parts: "greedy-cost-no-skip").
/// @return the outcome, or errc::invalid_value when a tie is left unresolved by the criteria (the message names the
///         projects), when a project lacks a score column value that `source` needs, or the instance is invalid.
[[nodiscard]] result<outcome> greedy(const instance& inst, const greedy_options& options = {});

}  // namespace budget
}  // namespace v1
}  // namespace tmo
