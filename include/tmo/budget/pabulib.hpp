// tmo/budget/pabulib.hpp: reading and writing Pabulib `.pb` files (budgeting.md §3, https://pabulib.org/format).
//
// A `.pb` file has three sections, META, PROJECTS and VOTES, each a `;`-separated table with CSV quoting. The
// reader accepts what real files contain: LF or CRLF line ends, an optional UTF-8 byte-order mark, quoted fields
// with `;` and doubled quotes inside, decimal budgets and costs ("776314.03", "50000.0") read exactly, any text as a
// project or voter id, "None" or empty cells meaning unknown, spaces around unquoted fields, and the section names
// in any case. Anything it cannot make sense of is an error naming the file, line and column and what was expected.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/core/error.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// Something odd but readable in a file (a META line written `key: value`, a `votes` column that disagrees with
/// the ballots, a ballot breaking an announced constraint).
struct read_warning {
    source_location where;
    std::string message;
};

/// A parsed file: the election and the warnings.
struct pabulib_file {
    instance election;
    std::vector<read_warning> warnings;
};

/// Parses the text of a `.pb` file. `source_name` is used in error locations (usually the file name).
///
/// Checks: the three sections in order; the required META keys budget and vote_type (the others are kept if
/// present); `num_projects` and `num_votes`, when given, equal the rows; PROJECTS has `project_id` and `cost`,
/// VOTES has `vote` (and `points` for cumulative and scoring ballots); ids unique; every voted id exists; no id
/// twice in one vote; points are whole numbers aligned with the vote. Ordinal ballots are given points by META
/// `scoring_fn`: "Borda" (the default: a ranking of k projects gives k-1, k-2, ..., 0) or a comma list of whole
/// points for ranks 1, 2, ... (ranks beyond the list get 0).
/// @return the file, or errc::syntax (malformed line, bad quoting, bad number), errc::missing_key (a required key
///         or column is missing), errc::invalid_value (an unknown project, a duplicate id, a count mismatch,
///         a non-positive cost), always with line and column.
[[nodiscard]] result<pabulib_file> parse_pabulib(std::string_view text, std::string_view source_name = {});

/// Reads and parses a `.pb` file. @return as parse_pabulib, or errc::io if the file cannot be read,
/// errc::too_large beyond 512 MiB.
[[nodiscard]] result<pabulib_file> load_pabulib(const std::filesystem::path& file);

/// Writes an instance as `.pb` text (LF line ends, fields quoted only when needed). META is written from
/// instance::meta with num_projects, num_votes, budget and vote_type brought up to date; projects keep their
/// columns; one VOTES row per voter, using the stored voter ids (or "1", "2", ... when unknown). Voter columns
/// other than the vote and points are not kept by the reader and so are not written. A CR LF inside a name or
/// other text is written as LF. parse_pabulib of the text gives back an equal instance (up to ballot order,
/// generated voter ids and those CRs).
[[nodiscard]] std::string to_pabulib(const instance& inst);

}  // namespace budget
}  // namespace v1
}  // namespace tmo
