#include "cvr.hpp"
#include "text.hpp"

#include <algorithm>
#include <charconv>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<std::uint32_t> rank_column(std::string_view header) {
    const std::string h = lower(trim(header));
    if (!h.starts_with("rank")) return std::nullopt;
    std::string_view number = std::string_view(h).substr(4);
    if (number.starts_with(' ') || number.starts_with('_')) number.remove_prefix(1);
    std::uint32_t n = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
    if (number.empty() || ec != std::errc{} || end != number.data() + number.size() || n == 0) return std::nullopt;
    return n;
}

std::vector<mark> marks_from_ranks(std::vector<std::pair<std::uint32_t, candidate_id>> ranked) {
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<mark> marks;
    std::uint32_t rank = 0;
    for (const auto& [r, c] : ranked) {
        if (r == rank) {
            marks.push_back({c, true});
            continue;
        }
        for (++rank; rank < r; ++rank) marks.push_back({no_candidate, false});
        marks.push_back({c, false});
    }
    return marks;
}

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
