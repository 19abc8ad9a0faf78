#include "contract/text.hpp"

#include <cstddef>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace detail {

std::string figure(const rational& value, unsigned places) {
    std::string text = value.to_decimal(places, rounding::half_up).value();
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

std::string percent(const rational& value, unsigned places) { return figure(value, places) + "%"; }

std::string pounds(money amount) { return amount.format(); }

std::string pounds(const rational& amount) {
    const money rounded = money::from_rational(amount, rounding::half_up).value();
    return (rounded.to_rational() == amount ? "" : "about ") + rounded.format();
}

std::string ordinal(std::size_t n) {
    const std::size_t last_two = n % 100;
    const std::size_t last = n % 10;
    const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                         : last == 1                        ? "st"
                         : last == 2                        ? "nd"
                         : last == 3                        ? "rd"
                                                            : "th";
    return std::to_string(n) + suffix;
}

}  // namespace detail
}  // namespace contract
}  // namespace v1
}  // namespace tmo
