#include "cvr.hpp"
#include "text.hpp"

#include <algorithm>
#include <charconv>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

csv_lines::csv_lines(std::string_view text, std::string_view source) : text_(text), source_(source) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

unexpected csv_lines::fail(errc code, std::string message, std::uint32_t column) const {
    return fail_at(code, std::move(message), line_, column);
}

unexpected csv_lines::fail_at(errc code, std::string message, std::uint32_t line, std::uint32_t column) const {
    return unexpected(code, std::move(message), source_location{std::string(source_), line, column, {}});
}

result<std::optional<std::vector<csv_field>>> csv_lines::next() {
    while (!text_.empty()) {
        const std::size_t end = text_.find('\n');
        std::string_view line = text_.substr(0, end);
        text_ = end == std::string_view::npos ? std::string_view() : text_.substr(end + 1);
        ++line_;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (const std::size_t bad = invalid_utf8_at(line); bad != std::string_view::npos)
            return fail(errc::syntax, "the text is not UTF-8", code_points(line.substr(0, bad)) + 1);
        if (trim(line).empty()) continue;

        std::vector<csv_field> out;
        std::size_t pos = 0;
        for (;;) {
            csv_field f;
            f.column = code_points(line.substr(0, pos)) + 1;
            std::size_t start = pos;
            while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
            if (start < line.size() && line[start] == '"') {
                std::size_t i = start + 1;
                for (;;) {
                    if (i >= line.size()) return fail(errc::syntax, "unterminated quoted field", f.column);
                    if (line[i] == '"') {
                        if (i + 1 < line.size() && line[i + 1] == '"') {
                            f.text += '"';
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    f.text += line[i++];
                }
                pos = line.find(',', i + 1);
                if (!trim(line.substr(i + 1, pos == std::string_view::npos ? pos : pos - i - 1)).empty())
                    return fail(errc::syntax, "text after a closing quote", f.column);
            } else {
                pos = line.find(',', pos);
                f.text = std::string(trim(line.substr(start, pos == std::string_view::npos ? pos : pos - start)));
            }
            out.push_back(std::move(f));
            if (pos == std::string_view::npos) return std::optional<std::vector<csv_field>>(std::move(out));
            ++pos;
        }
    }
    return std::optional<std::vector<csv_field>>();
}

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
