// tmo/core/text.hpp: small text helpers shared by the modules' reports.
#pragma once

#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {

/// `decimal` with the digits of its whole part grouped by three with commas, as people write amounts:
/// "1234567.89" -> "1,234,567.89", "-1234" -> "-1,234", "999.5" -> "999.5". Anything before the first digit (a
/// sign, a currency symbol) and from the first non-digit after it (the decimal point and fraction) is kept as it is.
[[nodiscard]] std::string group_thousands(std::string_view decimal);

}  // namespace v1
}  // namespace tmo
