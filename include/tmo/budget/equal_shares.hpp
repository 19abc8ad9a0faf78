// tmo/budget/equal_shares.hpp: the Method of Equal Shares (MES), its completions, the comparison step and the
// eligibility filter (budgeting.md §4.6–4.8).
//
// Each voter receives an equal share of the budget (the endowment). A project can be bought only with its own
// supporters' money; each supporter pays the same price ρ per unit of utility, or everything she has left if that
// is less. The rule repeatedly buys the project with the smallest ρ — the one that the most voters, counted by the
// money they can still give, want — until no project's supporters can pay for it. MES alone usually leaves money
// unspent, so a completion raises the endowment (Add1) and/or fills up greedily (utilitarian).
//
// Everything is exact. Internally voters with the same ballot and the same remaining money form one group and all
// money is held as integers over one common denominator, so the largest city elections take well under a second.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>
#include <tmo/budget/ties.hpp>

#include <cstdint>
#include <functional>
#include <optional>

namespace tmo {
inline namespace v1 {
namespace budget {

/// What to do with the money MES leaves unspent.
enum class completion {
    none,
    add1,              ///< raise the endowment step by step while the outcome still fits (§4.7)
    add1_utilitarian,  ///< Add1, then fund remaining projects by score while they fit ("Add1U")
    utilitarian,       ///< MES once, then fund remaining projects by score while they fit
};

/// When the Add1 scan stops.
enum class add1_stop {
    exhaustive,   ///< at the first exhaustive outcome, or when the next outcome would exceed the budget
    over_budget,  ///< only when the next outcome would exceed the budget (reproduces Wieliczka 2023)
};

/// Where the Add1 scan starts.
enum class add1_start {
    exact,  ///< budget / voters, exactly
    floor,  ///< budget / voters rounded down to a whole amount
};

/// The comparison step's measure of which outcome a voter prefers.
enum class comparison_measure {
    none,          ///< no comparison step
    satisfaction,  ///< the outcome with more of her supported projects
    exclusion,     ///< an outcome with at least one of her supported projects over one with none
};

/// The outcome MES is compared with.
enum class comparison_baseline {
    greedy,       ///< greedy by votes, skipping misfits (equalshares.net, Wieliczka, Świecie)
    greedy_cost,  ///< greedy by votes per cost (pabutools' documented recipe)
};

struct equal_shares_options {
    utility util = utility::cost;
    tie_breaking ties = tie_breaking::equal_shares_net();
    /// The per-voter endowment of a plain run; std::nullopt means budget / voters. Ignored by Add1 (which uses
    /// add1_start).
    std::optional<rational> endowment;

    completion complete = completion::none;
    add1_stop stop = add1_stop::exhaustive;
    add1_start start = add1_start::exact;
    rational step = 1;  ///< the Add1 increment per voter; must be positive
    /// The most MES runs Add1 may make (the first included). Each step may change nothing, so a small step on an
    /// election with few voters and a large budget could take millions of runs; the real elections of the tests
    /// take at most 166 (bench/README.md).
    std::uint64_t max_runs = 10'000;
    /// true: when every eligible project fits in the budget, Add1 is skipped and the plain MES outcome kept (what
    /// the reference outcomes did for the scan without the exhaustive stop). false: Add1 runs as usual and stops at
    /// the latest once every eligible project is funded.
    bool skip_add1_when_all_fit = false;

    /// The eligibility filter: a project is left out beforehand when votes/voters < cost/budget × factor, i.e.
    /// votes × budget < cost × voters × factor (Świecie 2023 used 1/3). std::nullopt: no filter.
    std::optional<rational> min_share_factor;

    comparison_measure compare = comparison_measure::none;
    comparison_baseline baseline = comparison_baseline::greedy;

    friend bool operator==(const equal_shares_options&, const equal_shares_options&) = default;
};

/// How far an Add1 completion has come: given to the progress hook before each MES run after the first.
struct add1_progress {
    std::uint64_t run = 0;  ///< the number of the run about to be made: 2, 3, ...
    rational endowment;     ///< the per-voter endowment it tries
    rational budget;        ///< endowment × voters: the (virtual) budget that run shares out
};

/// A progress hook for long computations, e.g. to print a line on a terminal. It is called on the thread running
/// the rule, must not throw, and changes nothing in the outcome; an empty hook is never called.
using add1_progress_hook = std::function<void(const add1_progress&)>;

/// Runs the Method of Equal Shares with the given completion, filter and comparison step.
///
/// Rule names: "mes", "mes-add1", "mes-add1u", "mes-utilitarian". The options are recorded in the outcome; the
/// outcome's `endowment` is the final run's per-voter endowment and `runs` the number of MES runs (Add1). Each
/// purchase records ρ as its measure, the effective vote count (cost utilities), and per group of supporters the
/// money they had and paid. Unfunded projects are `unaffordable` with the money their supporters had left.
/// Ties in ρ are settled by options.ties, the same way in every Add1 run. `progress`, when not empty, is told of
/// each Add1 run before it is made.
///
/// Cost: one run is roughly (ballot entries of the projects it examines) integer steps plus a few exact
/// divisions per round; Add1 makes one run per step, and stops at the latest when every project with a supporter
/// is funded (a project nobody supports is never funded, however large the endowment).
/// @return the outcome, or errc::invalid_value for an unresolved tie, a non-positive step, endowment or run limit,
///         or an invalid instance; errc::too_large when Add1 reaches options.max_runs without stopping (the message
///         gives the endowment reached and suggests a larger step).
[[nodiscard]] result<outcome> equal_shares(const instance& inst, const equal_shares_options& options = {},
                                           const add1_progress_hook& progress = {});

}  // namespace budget
}  // namespace v1
}  // namespace tmo
