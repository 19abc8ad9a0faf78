// tmo/vote/generic_csv.hpp: reading RCTab's "generic CSV" cast vote records: one column per candidate, the cell
// holding the rank the voter gave that candidate (counting.md §2.2).
//
//     Response ID,precinct_id,batch_id,Lettuce,Broccoli,Cucumber,Cauliflower,Write-In
//     R_3QEQ85E7gV2DuyG,p1,b1,,2,1,,
//     R_22G3akvxq7ggl01,p1,b1,3,5,2,1,4
//
// The first non-blank line is the header: column names, the candidates' names in the candidate columns. Each later
// line is one paper. Columns before the candidate columns hold information about the paper (an id, a precinct, a
// batch); the candidate columns run to the end of the line. A cell of a candidate column is blank (not ranked) or a
// whole rank number from 1 to the number of candidates. Two candidates given the same rank on one paper are an overvote at that rank (a
// shared rank); a rank number missing below the highest one given is a skipped (blank) rank; the counting rule
// decides what they mean. A candidate column whose header is the write-in label stands for undeclared write-ins: it
// becomes the candidate "Undeclared Write-ins" flagged candidate::write_in.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace vote {

/// The layout of a generic CSV file (RCTab's `cvrFileSources` settings of the same names).
struct generic_csv_options {
    /// The 1-based column of the first candidate (RCTab `firstVoteColumnIndex`). nullopt: found from the content,
    /// as the first column of the longest run of columns, ending at the last column, in which every cell below the
    /// header is blank or a whole number from 1 to the number of columns.
    std::optional<std::uint32_t> first_vote_column;
    /// The 1-based column holding each paper's id (RCTab `idColumnIndex`). nullopt: column 1 if it is before the
    /// candidate columns and its header has the word "id" in any case ("Response ID", "ballot_id"), else none.
    std::optional<std::uint32_t> id_column;
    /// The header of the column that collects undeclared write-ins (RCTab `undeclaredWriteInLabel`), compared
    /// without regard to ASCII case; empty: none.
    std::string write_in_label = "Write-In";

    friend bool operator==(const generic_csv_options&, const generic_csv_options&) = default;
};

/// A generic CSV file read into a profile, and the layout found.
struct generic_csv_file {
    tmo::vote::profile profile;
    std::uint32_t first_vote_column = 1;     ///< 1-based
    std::optional<std::uint32_t> id_column;  ///< 1-based, when ids were read
};

/// Reads a generic CSV file from memory into a one-seat profile (untitled; candidates in column order).
/// `source_name` names the input in errors. Fields may be quoted as RFC 4180 allows (on one line); blank lines are
/// skipped. A paper with no rank is kept (it is an undervote: invalid for every rule).
/// @return the file, or an error whose location gives the line and column (in code points, 1-based):
///         errc::syntax for text that is not UTF-8, a bad quoted field, no header, a line whose number of fields
///         differs from the header's, or no candidate column found; errc::invalid_value for a rank cell that is not a
///         whole number from 1 to the number of candidates, an empty candidate name, a column option beyond the header, an id column
///         inside the candidate columns, or an empty id. Never throws except std::bad_alloc.
[[nodiscard]] result<generic_csv_file> read_generic_csv(std::string_view text, std::string_view source_name = {},
                                                        const generic_csv_options& options = {});

/// Reads a generic CSV file from disk; errors are located in `path`. @return as read_generic_csv, or errc::io if the
/// file cannot be read.
[[nodiscard]] result<generic_csv_file> load_generic_csv(const std::filesystem::path& path,
                                                        const generic_csv_options& options = {});

}  // namespace vote
}  // namespace v1
}  // namespace tmo
