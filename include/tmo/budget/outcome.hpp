// tmo/budget/outcome.hpp: what a budgeting rule returns: the funded projects, and why.
//
// Every outcome explains itself: the rule and the options it ran with, each round's purchase with the figures
// behind it (votes, ρ or load, who paid what and what they had left), every tie and how it was settled, and for
// each project left out the reason. explain.hpp turns an outcome into text and JSON for residents.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/ties.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// Voters who paid the same amount for a project.
///
/// Method of Equal Shares: the supporters who could afford the full price per unit of benefit form one group per
/// amount (`all_they_had` false); each group of supporters who could not, and paid everything they had left, is
/// listed separately (`all_they_had` true). Phragmén: `paid` is the load each took on and `before` the load each
/// carried before.
struct payment_group {
    std::uint64_t voters = 0;
    rational paid;                  ///< each voter's payment (or added load)
    std::optional<rational> before; ///< what each had (MES, when all_they_had) or carried (Phragmén) before
    bool all_they_had = false;

    friend bool operator==(const payment_group&, const payment_group&) = default;
};

/// A tie settled by the tie-breaking criteria.
struct tie_record {
    std::vector<std::size_t> tied;  ///< the projects that the rule's own measure could not separate (indices)
    std::size_t chosen = 0;         ///< the one taken
    tie_criterion criterion{};      ///< the criterion that settled it

    friend bool operator==(const tie_record&, const tie_record&) = default;
};

/// One project funded, in the order the rule funded them.
struct purchase {
    std::size_t project = 0;  ///< index into instance::projects
    /// The rule's measure when the project was chosen: the score (greedy by votes), the score per unit of cost
    /// (greedy by votes per cost), ρ — the price per unit of utility (Method of Equal Shares), or the new load
    /// of its supporters (Phragmén). For maximum welfare, the project's welfare.
    rational measure;
    /// Method of Equal Shares with cost utilities: the effective vote count 1/ρ (equal to the number of supporters
    /// when all of them can pay an equal share).
    std::optional<rational> effective_votes;
    std::vector<payment_group> payments;  ///< Method of Equal Shares and Phragmén; empty for the other rules
    rational budget_left;                 ///< what was left of the budget after this purchase
    std::optional<tie_record> tie;        ///< set when the project won a tie
    /// True when a completion step bought it (greedy by score after the Method of Equal Shares), not the rule.
    bool completion = false;

    friend bool operator==(const purchase&, const purchase&) = default;
};

/// Why a project was not funded.
enum class rejection_reason {
    did_not_fit,        ///< its cost exceeded what was left of the budget when its turn came
    stopped,            ///< greedy without skipping stopped at an earlier project that did not fit
    below_threshold,    ///< its score was below the minimum score
    ineligible,         ///< removed by the eligibility filter (too few votes for its share of the budget)
    unaffordable,       ///< Method of Equal Shares: its supporters' remaining money did not cover its cost
    not_in_optimum,     ///< maximum welfare: a better-valued combination of projects left it out
    over_budget,        ///< Phragmén (stop variant): it came next but would exceed the budget, so the rule ended
    not_reached,        ///< the rule ended (Phragmén stop) before its turn
    replaced,           ///< the comparison step chose the other outcome, which does not contain it
};

/// The name used in JSON ("did_not_fit", ...). Never null.
[[nodiscard]] const char* name(rejection_reason r) noexcept;

/// A project left out, with the figure that decided it.
struct rejection {
    std::size_t project = 0;
    rejection_reason reason{};
    /// did_not_fit / over_budget: the budget left at its turn; unaffordable: its supporters' money in the end;
    /// below_threshold / ineligible: its score; not_in_optimum, stopped, not_reached, replaced: its cost.
    rational figure;

    friend bool operator==(const rejection&, const rejection&) = default;
};

/// The comparison step (budgeting.md §4.8): how many voters preferred each outcome.
struct comparison_record {
    std::string baseline;            ///< the rule of the other outcome, e.g. "greedy"
    std::string measure;             ///< "satisfaction" or "exclusion"
    std::uint64_t prefer_rule = 0;   ///< voters who strictly prefer the rule's own outcome
    std::uint64_t prefer_baseline = 0;
    bool switched = false;           ///< true when the baseline outcome was taken instead
    std::vector<std::size_t> rule_selected;  ///< the outcome before the comparison

    friend bool operator==(const comparison_record&, const comparison_record&) = default;
};

/// The result of a rule.
struct outcome {
    std::string rule;  ///< the command-line name of the rule ("greedy", "mes-add1", ...)
    /// Every option that shaped the result, as (name, value) in a fixed order, e.g. ("utility", "cost"),
    /// ("ties", "min-cost, max-votes, file"), ("add1_stop", "exhaustive").
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::size_t> selected;  ///< funded projects in the order they were funded
    rational cost;                      ///< their total cost, never above the budget
    std::vector<purchase> rounds;       ///< one per funded project, same order as `selected`
    std::vector<rejection> rejected;    ///< one per project not funded, in file order
    /// Method of Equal Shares: the per-voter endowment of the final run, and how many runs Add1 made.
    std::optional<rational> endowment;
    std::uint64_t runs = 0;
    std::optional<comparison_record> comparison;
    /// Per-voter money left at the end (Method of Equal Shares): groups of voters with the same amount.
    std::vector<std::pair<std::uint64_t, rational>> left_over;

    /// The option's value, or nullptr.
    [[nodiscard]] const std::string* option(std::string_view name) const;

    friend bool operator==(const outcome&, const outcome&) = default;
};

/// True when no unselected project would still fit in the budget (budgeting.md §2).
[[nodiscard]] bool is_exhaustive(const instance& inst, const std::vector<std::size_t>& chosen);

}  // namespace budget
}  // namespace v1
}  // namespace tmo
