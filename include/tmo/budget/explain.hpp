// tmo/budget/explain.hpp: outcomes explained to residents, as text and as JSON.
//
// Each report gives the rule and every option it ran with, the funded projects round by round with the figures
// behind each decision (votes, ρ and effective votes, payments per group of voters, loads, ties and how they were
// settled), and for every project left out one plain sentence saying why.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>

#include <cstddef>
#include <string>

namespace tmo {
inline namespace v1 {
namespace budget {

/// One sentence saying why the project was or was not funded, e.g. "Funded in round 2: its 2 supporters could pay
/// its cost of 2,500.00 at 1,250.00 each, the lowest price per unit of benefit of any project still affordable."
/// Precondition: which < inst.projects.size() and `out` was computed on `inst`.
[[nodiscard]] std::string explain_project(const instance& inst, const outcome& out, std::size_t which);

/// A plain-text report (several lines, ending with a newline); amounts shown to two decimals, marked "≈" when
/// rounded. Precondition: `out` was computed on `inst`.
[[nodiscard]] std::string to_text(const instance& inst, const outcome& out);

/// A JSON object (one line): "rule", "options" (object), "budget", "selected" (project ids as written in the
/// file, in funding order), "cost" (the exact total as a decimal string), "rounds", "rejected", and when present
/// "endowment", "runs", "comparison" and "left_over". Every amount is an exact string (rational::to_exact_text).
/// Precondition: `out` was computed on `inst`.
[[nodiscard]] std::string to_json(const instance& inst, const outcome& out);

}  // namespace budget
}  // namespace v1
}  // namespace tmo
