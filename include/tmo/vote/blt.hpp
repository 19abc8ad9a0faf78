// tmo/vote/blt.hpp: reading and writing BLT ballot files (the standard STV ballot file, counting.md §2.1).
//
// A BLT file holds the number of candidates and seats, optional withdrawn candidates, one line per ballot
// (`weight c1 c2 ... 0`), a lone 0, the candidate names and the election title:
//
//     3 2
//     4 1 2 0
//     2 3 0
//     0
//     "Castor"
//     "Pollux"
//     "Helen"
//     "Committee election"
//
// Accepted extensions: withdrawn candidates as negative numbers after the header (`-2`) or `[withdrawn 2]`;
// equal rankings `1=3`; blank ranks `-`; ballot ids `(id)` before a weight of 1; nicknames `[nick a b c]` used in
// place of numbers; a tie-break order `[tie 3 2 1]`; comments `#` to the end of the line and `/* ... */`; ballots
// spanning or sharing lines. Other `[...]` option lines (e.g. Droop's `[droop precision=5]`) are skipped with a
// warning: counting options come from the caller, never from the ballot file.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// How strictly the names and title are read.
enum class blt_mode {
    /// Real files as published: a name or title line may be unquoted, may use CSV-style doubled quotes
    /// (`"Gill AL-SAMARAI ""SNP"""`) and may hold bytes that are not UTF-8 (read as Windows-1252, with a warning).
    /// Each line after the ballots holds one string: it is trimmed and every `"` on it is removed (so the published
    /// `"Name" "Party"` and `"Name ""Party"""` both read as `Name Party`).
    /// A missing title gives a warning. A candidate ranked twice on one ballot is kept as marked (rules ignore the
    /// later mark), with one warning for the file.
    lenient,
    /// The standard: names and title are double-quoted strings (a doubled `""` inside stands for one `"`), the
    /// text is UTF-8, the title is present and no ballot ranks a candidate twice.
    strict,
};

/// A problem worth telling the user about that did not stop the file being read.
struct warning {
    source_location where;
    std::string message;
};

/// What a BLT file holds besides the profile.
struct blt_file {
    tmo::vote::profile profile;
    std::vector<std::string> extra_strings;  ///< quoted strings after the title (Wichmann's source and comment)
    std::vector<std::string> extensions;     ///< the extensions used, e.g. "equal ranking", "ballot id", "nick"
    std::vector<warning> warnings;
};

/// The most candidates a BLT header may declare (the reader makes room for each before reading the names).
inline constexpr std::uint64_t blt_max_candidates = 100000;

/// Reads a BLT file from memory. `source_name` names the input in error locations (usually the file name).
///
/// @return the file's contents, or an error whose location gives the line and column (counted in Unicode code
///         points, 1-based) of the offending token: errc::syntax for text that is not BLT (a missing or non-numeric
///         header, an unterminated string or comment, a ballot not ended by 0, fewer names than candidates, in
///         strict mode an unquoted name or text that is not UTF-8), errc::invalid_value for numbers out of range (no
///         candidates or more than blt_max_candidates, seats not in 1..candidates, a candidate number outside 1..C,
///         a weight of 0, an id with a weight other than 1, a candidate ranked twice in strict mode),
///         errc::overflow for more than 2^63 papers. Never throws except std::bad_alloc.
[[nodiscard]] result<blt_file> read_blt(std::string_view text, blt_mode mode = blt_mode::lenient,
                                        std::string_view source_name = {});

/// Reads a BLT file from disk; errors are located in `path`. @return as read_blt, or errc::io if the file cannot
/// be read.
[[nodiscard]] result<blt_file> load_blt(const std::filesystem::path& path, blt_mode mode = blt_mode::lenient);

/// Writes a profile as a standard BLT file that read_blt reads back (in strict mode) into an equal profile:
/// header, withdrawn candidates as negative numbers, a `[tie ...]` line if the profile has a tie order, one line per
/// different ballot (ballots with ids as one `(id) 1 ...` line per id), `0`, the quoted names and the title. A `"`
/// inside a name is written doubled. What BLT cannot hold is written as near as it can, so the text always reads back
/// with the same candidates, seats and papers but not into an equal profile: an overvote_mark is written as a blank
/// rank `-`; a write-in candidate as an ordinary one; a line break in a name or the title as a space; a paper whose
/// id is empty or holds `)` or a line break without its id. A ballot ranking a candidate twice (which lenient reading
/// keeps as marked) is written as marked, so such a file reads back equal in lenient mode only.
[[nodiscard]] std::string write_blt(const profile& p);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
