#include <tmo/core/rounding.hpp>

#include <array>
#include <string>

namespace tmo {
inline namespace v1 {

namespace {
constexpr std::array all_modes{rounding::floor,    rounding::ceil,      rounding::truncate,
                               rounding::half_up,  rounding::half_even, rounding::never};
}

const char* rounding_name(rounding mode) noexcept {
    switch (mode) {
        case rounding::floor: return "floor";
        case rounding::ceil: return "ceil";
        case rounding::truncate: return "truncate";
        case rounding::half_up: return "half_up";
        case rounding::half_even: return "half_even";
        case rounding::never: return "never";
    }
    return "?";
}

result<rounding> parse_rounding(std::string_view name) {
    for (rounding mode : all_modes)
        if (name == rounding_name(mode)) return mode;
    return unexpected(errc::invalid_value, "unknown rounding mode \"" + std::string(name) +
                                               "\": expected floor, ceil, truncate, half_up, half_even or never");
}

}  // namespace v1
}  // namespace tmo
