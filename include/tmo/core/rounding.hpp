// tmo/core/rounding.hpp: the rounding modes every exact-to-discrete conversion must name.
#pragma once

#include <tmo/core/result.hpp>

#include <string_view>

namespace tmo {
inline namespace v1 {

/// How an exact value is brought to a whole number of units (pence, people, decimal places).
/// There is no default: every conversion names one.
enum class rounding {
    floor,      ///< towards minus infinity
    ceil,       ///< towards plus infinity
    truncate,   ///< towards zero
    half_up,    ///< to the nearest; an exact half goes away from zero (-2.5 -> -3)
    half_even,  ///< to the nearest; an exact half goes to the even neighbour (2.5 -> 2, 3.5 -> 4)
    never,      ///< no rounding allowed: the conversion fails with errc::inexact if the value is not exact
};

/// The mode's name as used in TOML and on the command line ("half_up"). Never returns null.
[[nodiscard]] const char* rounding_name(rounding mode) noexcept;

/// Parses a mode name ("floor", "ceil", "truncate", "half_up", "half_even", "never").
/// @return the mode, or errc::invalid_value naming the accepted names.
[[nodiscard]] result<rounding> parse_rounding(std::string_view name);

}  // namespace v1
}  // namespace tmo
