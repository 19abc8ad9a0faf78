// Private CSV reading shared by the readers of CSV files (the vote module's cast-vote records, membership registers): lines, RFC 4180
// quotes, and positions in code points for error messages.
#pragma once

#include <tmo/core/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
namespace detail {

/// The number of Unicode code points in `s` (bytes that do not continue a UTF-8 sequence): a column for messages.
[[nodiscard]] std::uint32_t code_points(std::string_view s) noexcept;
/// `s` without leading and trailing ASCII white space.
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

/// One field of a CSV line: its text (quotes undone; unquoted fields trimmed of spaces and tabs) and its 1-based
/// column in code points.
struct csv_field {
    std::string text;
    std::uint32_t column = 0;
};

/// Reads CSV text one non-blank line at a time. A UTF-8 byte order mark and the CR of CRLF line ends are skipped.
class csv_reader {
public:
    csv_reader(std::string_view text, std::string_view source);

    /// The fields of the next non-blank line, or nullopt at the end of the text.
    /// @return errc::syntax (invalid UTF-8, an unterminated quoted field, text after a closing quote) at the
    ///   line and column concerned.
    [[nodiscard]] result<std::optional<std::vector<csv_field>>> next();

    /// The 1-based number of the line last read.
    [[nodiscard]] std::uint32_t line() const noexcept { return line_; }

    /// An error at `column` of the line last read.
    [[nodiscard]] unexpected fail(errc code, std::string message, std::uint32_t column) const;
    /// An error at `column` of line `line`.
    [[nodiscard]] unexpected fail_at(errc code, std::string message, std::uint32_t line, std::uint32_t column) const;

private:
    result<std::vector<csv_field>> split(std::string_view line) const;

    std::string_view text_;
    std::string source_;
    std::uint32_t line_ = 0;
};

}  // namespace detail
}  // namespace tmo
