#include "core/csv.hpp"

#include "toml/text.hpp"

#include <utility>

namespace tmo {
namespace detail {

std::uint32_t code_points(std::string_view s) noexcept {
    std::uint32_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
    return n;
}

std::string_view trim(std::string_view s) noexcept {
    constexpr std::string_view spaces = " \t\r\n\f\v";
    const std::size_t first = s.find_first_not_of(spaces);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(spaces) - first + 1);
}

csv_reader::csv_reader(std::string_view text, std::string_view source) : text_(text), source_(source) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

unexpected csv_reader::fail(errc code, std::string message, std::uint32_t column) const {
    return fail_at(code, std::move(message), line_, column);
}

unexpected csv_reader::fail_at(errc code, std::string message, std::uint32_t line, std::uint32_t column) const {
    return unexpected(code, std::move(message), source_location{source_, line, column, {}});
}

result<std::optional<std::vector<csv_field>>> csv_reader::next() {
    while (!text_.empty()) {
        const std::size_t end = text_.find('\n');
        std::string_view line = text_.substr(0, end);
        text_ = end == std::string_view::npos ? std::string_view() : text_.substr(end + 1);
        ++line_;
        if (line.ends_with('\r')) line.remove_suffix(1);
        for (std::size_t i = 0; i < line.size();) {
            const std::size_t n = decode_utf8(line, i).length;
            if (n == 0) return fail(errc::syntax, "the text is not UTF-8", code_points(line.substr(0, i)) + 1);
            i += n;
        }
        if (trim(line).empty()) continue;
        auto fields = split(line);
        if (!fields) return unexpected(fields.error());
        return std::optional<std::vector<csv_field>>(std::move(*fields));
    }
    return std::optional<std::vector<csv_field>>();
}

// The fields of one line, with RFC 4180 quotes undone and unquoted fields trimmed.
result<std::vector<csv_field>> csv_reader::split(std::string_view line) const {
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
        if (pos == std::string_view::npos) return out;
        ++pos;
    }
}

}  // namespace detail
}  // namespace tmo
