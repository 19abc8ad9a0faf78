// Private helpers of the cast-vote-record readers (long format, generic CSV, rank columns, CDF JSON): CSV lines with
// located fields, and ballots built from "candidate c has rank r" marks.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include "core/csv.hpp"

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

/// CSV lines with located fields: the library's one CSV reader (src/core/csv.hpp).
using csv_lines = tmo::detail::csv_reader;
using tmo::detail::csv_field;

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
