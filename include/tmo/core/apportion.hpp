// tmo/core/apportion.hpp: splitting a sum of money over weights, to the penny.
#pragma once

#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>

#include <span>
#include <vector>

namespace tmo {
inline namespace v1 {

/// Splits `total` over units in proportion to `weights` so that the parts are whole pence and always sum to
/// `total` exactly (the largest-remainder method, contracts.md §7.3):
///   1. each unit's exact share is total × w_i / Σw, rounded down to the penny;
///   2. the pence left over go one each to the units with the largest remainders;
///   3. equal remainders are settled by position: the unit earlier in `weights` comes first, so pass units in
///      their reference order (e.g. flat number ascending) to make the tie-break the documented one.
/// A negative total (a refund) is apportioned as its magnitude and each part negated.
/// Example: £1,000.00 over weights 1, 1, 1 gives £333.34, £333.33, £333.33.
/// @return one share per weight, in the same order; errc::invalid_argument (no weights),
///         errc::invalid_value (a negative weight), errc::domain (all weights zero).
[[nodiscard]] result<std::vector<money>> apportion(money total, std::span<const rational> weights);

/// Rounds each unit's exact share total × w_i / Σw separately by `mode`, as councils do when they charge each
/// dwelling its own share of a cost (Greenwich style). The parts need not sum to `total`.
/// @return one share per weight; the same errors as apportion, and errc::inexact when mode is never and a share
///         is not a whole number of pence.
[[nodiscard]] result<std::vector<money>> apportion_each(money total, std::span<const rational> weights,
                                                        rounding mode);

}  // namespace v1
}  // namespace tmo
