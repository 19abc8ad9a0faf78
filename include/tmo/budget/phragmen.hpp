// tmo/budget/phragmen.hpp: sequential Phragmén (budgeting.md §4.5), a standard proportional comparison rule.
//
// Every voter carries a load, the money spent on her behalf, initially 0. Buying a project spreads its cost over
// its supporters so that they all end with the same load; the rule repeatedly buys the project that gives the
// smallest such load. Each supporter counts once per ballot (points are ignored: a supporter is anyone who
// approves, ranks or gives positive points to the project).
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>
#include <tmo/budget/ties.hpp>

namespace tmo {
inline namespace v1 {
namespace budget {

struct phragmen_options {
    /// false (the reference's convention): end as soon as the project with the smallest load does not fit.
    /// true: drop it and continue with the others.
    bool skip = false;
    tie_breaking ties = tie_breaking::equal_shares_net();
};

/// Runs sequential Phragmén. Rule name "phragmen" (or "phragmen-skip"). Each purchase records the new load as
/// its measure and, per group of supporters, their load before and the load added.
/// @return the outcome, or errc::invalid_value for an unresolved tie or an invalid instance.
[[nodiscard]] result<outcome> phragmen(const instance& inst, const phragmen_options& options = {});

}  // namespace budget
}  // namespace v1
}  // namespace tmo
