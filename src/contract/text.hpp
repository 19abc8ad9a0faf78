// Private text helpers of the contract module: exact figures written for people.
#pragma once

#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>

#include <cstddef>
#include <string>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace detail {

/// `value` to at most `places` decimals, half up, trailing zeros dropped: 91.25 -> "91.3" (1 place), 95 -> "95".
[[nodiscard]] std::string figure(const rational& value, unsigned places = 1);
/// figure(value, places) + "%".
[[nodiscard]] std::string percent(const rational& value, unsigned places = 1);
/// "£1,234.56".
[[nodiscard]] std::string pounds(money amount);
/// An exact amount of pounds shown to the penny, marked "about" when not whole pence: "£168.00", "about £0.33".
[[nodiscard]] std::string pounds(const rational& amount);
/// "1st", "2nd", "3rd", "4th", "11th", "21st".
[[nodiscard]] std::string ordinal(std::size_t n);

}  // namespace detail
}  // namespace contract
}  // namespace v1
}  // namespace tmo
