// tmo/budget/welfare.hpp: maximum utilitarian welfare (budgeting.md §4.4), a comparison rule.
//
// Funds the affordable set of projects with the largest total utility: with cost utilities, the sum over funded
// projects of score × cost ("money times supporters"); with cardinality utilities, the sum of scores. This is a
// 0/1 knapsack, solved exactly by branch and bound on integers.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>
#include <tmo/budget/ties.hpp>

namespace tmo {
inline namespace v1 {
namespace budget {

struct welfare_options {
    utility util = utility::cost;
    /// Orders the search; among several optimal sets the one found first in this order is returned (each set is
    /// compared by its projects taken in tie-breaking order, best first).
    tie_breaking ties = tie_breaking::equal_shares_net();
};

/// Runs maximum utilitarian welfare. Rule name "max-welfare". The rounds list the chosen projects with their
/// welfare (score × cost or score) as the measure. Scores come from the ballots (ballot_scores).
/// @return the outcome, or errc::invalid_value for an invalid instance.
[[nodiscard]] result<outcome> max_welfare(const instance& inst, const welfare_options& options = {});

}  // namespace budget
}  // namespace v1
}  // namespace tmo
