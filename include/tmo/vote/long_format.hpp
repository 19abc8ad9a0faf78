// tmo/vote/long_format.hpp: reading ranked ballots in the long format, one row per ballot and rank (counting.md §2.4).
//
//     ballot_id,rank,choice
//     000001-00-0001,1,Bob Kiss
//     000001-00-0001,2,Andy Montroll
//     000001-00-0726,1,$OVERVOTE
//     000001-00-0726,2,$UNDERVOTE
//
// This is the normalised form published by ranked.vote. Candidates are numbered in order of first appearance; each
// ballot is one paper carrying its id. `$UNDERVOTE` is a blank rank and `$OVERVOTE` an overvoted rank whose
// candidates are not named (overvote_mark); any other choice is a candidate's name. Ranks missing between two rows of
// a ballot are blank ranks. A candidate ranked twice is kept as marked: the counting rule decides what it means.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <filesystem>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace vote {

/// Reads a long-format file from memory into a one-seat profile (untitled; set the seats and title as needed).
/// `source_name` names the input in error locations. Fields may be quoted as RFC 4180 allows (on one line);
/// surrounding spaces are trimmed; blank lines are skipped.
/// @return the profile, or an error whose location gives the line and column (in Unicode code points, 1-based) of the
///         offending field: errc::syntax for a missing or different header line, a row without exactly three fields,
///         an unterminated quote or text that is not UTF-8; errc::invalid_value for an empty ballot id or choice, a
///         rank that is not a whole number from 1 to 1000, a rank not greater than the previous rank of the same
///         ballot, or rows of one ballot not on consecutive lines. Never throws except std::bad_alloc.
[[nodiscard]] result<profile> read_long_format(std::string_view text, std::string_view source_name = {});

/// Reads a long-format file from disk; errors are located in `path`. @return as read_long_format, or errc::io if the
/// file cannot be read.
[[nodiscard]] result<profile> load_long_format(const std::filesystem::path& path);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
