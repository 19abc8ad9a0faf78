// Private helpers of the cast-vote-record readers (long format, generic CSV, rank columns, CDF JSON): CSV lines with
// located fields, and ballots built from "candidate c has rank r" marks.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// One field of a CSV line: its text (RFC 4180 quotes undone; an unquoted field trimmed) and where it starts.
struct csv_field {
    std::string text;
    std::uint32_t column = 0;  ///< 1-based, in code points
};

/// The lines of a CSV text, one at a time: a UTF-8 byte order mark is skipped, CRLF is accepted, blank lines are
/// passed over, every line must be UTF-8, and a quoted field must end on its own line.
class csv_lines {
public:
    csv_lines(std::string_view text, std::string_view source);

    /// The fields of the next non-blank line, or nullopt after the last one. @return errc::syntax (located) for text
    /// that is not UTF-8, an unterminated quoted field or text after a closing quote.
    [[nodiscard]] result<std::optional<std::vector<csv_field>>> next();
    /// The 1-based number of the line last read.
    [[nodiscard]] std::uint32_t line() const noexcept { return line_; }
    /// An error located at `column` of the line last read.
    [[nodiscard]] unexpected fail(errc code, std::string message, std::uint32_t column) const;
    /// An error located at `column` of line `line`.
    [[nodiscard]] unexpected fail_at(errc code, std::string message, std::uint32_t line, std::uint32_t column) const;

private:
    std::string_view text_;
    std::string_view source_;
    std::uint32_t line_ = 0;
};

/// `s` in ASCII lower case.
[[nodiscard]] std::string lower(std::string_view s);

/// The marks of a ballot whose source gives each marked candidate a rank number (a generic CSV row, a CDF record):
/// ranks in increasing order, a blank rank for each rank number missing below the highest, and candidates given the
/// same rank as one shared rank (an overvote) in the order given. `ranked` holds (rank >= 1, candidate) pairs.
[[nodiscard]] std::vector<mark> marks_from_ranks(std::vector<std::pair<std::uint32_t, candidate_id>> ranked);

/// The rank a rank-column header names: `rank7`, `Rank 7`, `RANK_7` give 7; anything else gives nullopt.
[[nodiscard]] std::optional<std::uint32_t> rank_column(std::string_view header);

/// The name given to the candidate that stands for undeclared write-ins ("Undeclared Write-ins", as RCTab reports it).
inline constexpr std::string_view write_in_name = "Undeclared Write-ins";

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
