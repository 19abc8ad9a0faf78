#include <tmo/core/text.hpp>

namespace tmo {
inline namespace v1 {

std::string group_thousands(std::string_view decimal) {
    const std::size_t first = decimal.find_first_of("0123456789");
    if (first == std::string_view::npos) return std::string(decimal);
    std::size_t end = decimal.find_first_not_of("0123456789", first);
    if (end == std::string_view::npos) end = decimal.size();
    std::string out(decimal);
    for (std::size_t i = end; i > first + 3; i -= 3) out.insert(i - 3, 1, ',');
    return out;
}

}  // namespace v1
}  // namespace tmo
