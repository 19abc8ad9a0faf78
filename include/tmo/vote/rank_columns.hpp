// tmo/vote/rank_columns.hpp: reading ranked ballots with one column per rank, the cell naming the candidate
// (counting.md §2.3).
//
//     rank1,Rank2,rank3
//     BETSY HODGES,MARK ANDREW,undervote
//     "ABDUL M RAHAMAN ""THE ROCK""",overvote,UWI
//
// The first non-blank line is the header. The rank columns are named `rank1`, `rank2`, ... in this order (ASCII case,
// and a space or `_` before the number, do not matter); they need not be adjacent. A column named `id`, `ballot_id`
// or `ballot id` gives each paper's id; any other column (a precinct, a batch) is passed over. Each later line is
// one paper. A cell names the candidate at that rank, or holds a marker: the overvote marker (an overvoted rank
// whose candidates are not named: overvote_mark), the undervote marker or a blank cell (a skipped rank), or the
// write-in marker (undeclared write-ins: the candidate "Undeclared Write-ins" flagged candidate::write_in).
// Candidates are numbered in order of first appearance. A candidate named at several ranks is kept as marked: the
// counting rule decides what it means.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace vote {

/// The marker cells of a rank-column file (RCTab `overvoteLabel`, `skippedRankLabel`, `undeclaredWriteInLabel`;
/// the defaults are the markers of the Minneapolis files). Compared exactly; an empty marker is not used.
struct rank_columns_options {
    std::string overvote = "overvote";
    std::string undervote = "undervote";
    std::string write_in = "UWI";

    friend bool operator==(const rank_columns_options&, const rank_columns_options&) = default;
};

/// Reads a rank-column file from memory into a one-seat profile (untitled). `source_name` names the input in errors.
/// Fields may be quoted as RFC 4180 allows (on one line); unquoted fields are trimmed; blank lines are skipped.
/// @return the profile, or an error whose location gives the line and column (in code points, 1-based):
///         errc::syntax for text that is not UTF-8, a bad quoted field, a header without the columns rank1..rankN in
///         order, or a line whose number of fields differs from the header's; errc::invalid_value for an empty id.
///         Never throws except std::bad_alloc.
[[nodiscard]] result<profile> read_rank_columns(std::string_view text, std::string_view source_name = {},
                                                const rank_columns_options& options = {});

/// Reads a rank-column file from disk; errors are located in `path`. @return as read_rank_columns, or errc::io if
/// the file cannot be read.
[[nodiscard]] result<profile> load_rank_columns(const std::filesystem::path& path,
                                                const rank_columns_options& options = {});

}  // namespace vote
}  // namespace v1
}  // namespace tmo
