// tmo/budget/input.hpp: elections a TMO secretary writes by hand, in TOML or as a CSV ballot sheet, and choosing a
// reader by a file's extension.
//
// Both formats give the same instance as the `.pb` reader (pabulib.hpp), so every rule and report works on them.
// Amounts are money as people write it ("£12,500", "12500", "12,500.00", or a TOML integer), read exactly in
// pounds and pence; a TOML float is refused because it is not exact. docs/budgeting.md describes both formats and
// examples/data/riverside_fund.toml is a complete example.
//
// TOML (every key but those marked optional is required; unknown keys are errors):
//
//     description = "Riverside TMO residents' improvement fund 2025"   # optional, as are unit, instance,
//     unit = "Riverside TMO"                                            # currency, date_begin, date_end
//     budget = "£25,000"
//     vote_type = "approval"        # approval, choose-1, cumulative, scoring or ordinal
//     rule = "mes-add1"             # optional: the rule the TMO agreed (a name of run.hpp's rule_names())
//     max_length = 3                # optional ballot constraints, as Pabulib's META: min_length, max_length,
//                                   # min_sum_cost, max_sum_cost (money), min_points, max_points, min_sum_points,
//                                   # max_sum_points, default_score, min_project_score_threshold, and
//                                   # scoring_fn (ordinal: an array of points per rank; Borda when absent)
//     [[projects]]                  # one table per project, in the order residents saw them
//     id = "play"                   # any text, unique
//     name = "New play area"        # optional
//     cost = "£12,500"
//
//     [ballots]                     # one key per voter: the voter's id
//     "1 Anchor House" = ["play", "garden"]          # approval, choose-1: the projects; ordinal: best first
//     "2 Anchor House" = { play = 3, garden = 2 }    # cumulative, scoring: points per project
//
// CSV ballot sheet (comma-separated, with the quoting rules of RFC 4180; a `.csv` file on its own):
//
//     budget,"£25,000"              # rows "key,value" first: budget (required), vote_type (default approval),
//     vote_type,approval            # and the other TOML top-level keys (scoring_fn written "3,2,1")
//     voter,play,cctv,garden        # the header: "voter", then one column per project id
//     name,New play area,CCTV,Community garden      # optional, right after the header
//     cost,"£12,500","£2,500","£1,500"               # required, after the header (and name row)
//     1 Anchor House,x,,x           # one row per voter; a row without an id is named "line N".
//     2 Anchor House,,x,x           # approval, choose-1: x, X, 1 or yes marks a supported project (blank or 0:
//                                   # not); cumulative, scoring: whole points (blank: none); ordinal: ranks 1, 2, ...
//
// Errors name the file, line and column, the TOML key path ("projects[2].cost", "ballots.\"1 Anchor House\"") or
// the CSV column, and what was expected.
#pragma once

#include <tmo/budget/pabulib.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// The largest TOML election accepted (1 MiB, some 30,000 ballots): larger elections belong in a `.pb` file or a
/// CSV sheet. The TOML reader pre-scans the text for what toml++ mishandles, as the constitution reader does.
inline constexpr std::size_t max_election_toml_bytes = 1024 * 1024;

/// The largest CSV ballot sheet or `.pb` file accepted by the loaders: 512 MiB.
inline constexpr std::size_t max_election_file_bytes = 512ULL * 1024 * 1024;

/// Parses an election written in TOML (see the top of this header). `source_name` is used in error locations.
/// Warnings: ballots that break the announced constraints (with the voter's key).
/// @return the election, or errc::too_large (over max_election_toml_bytes), errc::syntax (malformed TOML, an amount
///         that is not money), errc::unknown_key, errc::missing_key, errc::wrong_type (e.g. a TOML float),
///         errc::invalid_value (a duplicate project id, a ballot naming an unknown project, a non-positive amount),
///         errc::inexact (an amount with more than two decimal places); always with line, column and key path.
[[nodiscard]] result<pabulib_file> parse_election_toml(std::string_view text, std::string_view source_name = {});

/// Parses a CSV ballot sheet (see the top of this header). `source_name` is used in error locations.
/// @return the election, or errc::syntax (bad quoting, a malformed amount or mark), errc::missing_key (no budget
///         row, no cost row, no "voter" header), errc::unknown_key (an unknown key row), errc::invalid_value (a
///         duplicate project id, a ballot that is not one of vote_type's), errc::inexact; always with line and
///         column.
[[nodiscard]] result<pabulib_file> parse_election_csv(std::string_view text, std::string_view source_name = {});

/// One project on a ballot, as election_builder::add_ballot takes it.
struct ballot_entry {
    std::string project_id;
    std::int64_t points = 0;  ///< cumulative and scoring ballots: the points given; ignored otherwise
    source_location where;    ///< where it was written, for errors; may be empty
};

/// Builds an election part by part with the checks of the TOML and CSV readers (which use it): first the settings
/// (the TOML top-level keys), then the projects, then the ballots, one voter at a time; finish() ends it.
class election_builder {
public:
    /// `start` is where errors about the whole election (no budget, no projects) point, e.g. {file, 1, 1, {}}.
    explicit election_builder(source_location start = {});
    election_builder(const election_builder&) = delete;
    election_builder& operator=(const election_builder&) = delete;
    ~election_builder();

    /// True for the setting keys set() knows: the TOML top-level keys listed at the top of this header.
    [[nodiscard]] static bool is_setting(std::string_view key);

    /// One setting, with its value as text: amounts as money ("£25,000"), whole numbers as digits, scoring_fn as
    /// "3,2,1". Settings come before the first project.
    /// @return errc::unknown_key, errc::syntax, errc::inexact (an amount with more than two decimals),
    ///         errc::invalid_value (an unknown vote_type or rule, a setting given twice, a non-positive budget),
    ///         errc::invalid_argument (after the first project); with `where` as the location.
    result<void> set(std::string_view key, std::string_view value, const source_location& where = {});
    /// The vote type set so far (approval by default).
    [[nodiscard]] vote_type type() const;

    /// One project; `cost` as money ("£12,500"). The first project ends the settings.
    /// @return errc::missing_key (no budget was set), errc::syntax, errc::inexact, errc::invalid_value (an empty or
    ///         repeated id, an id holding a comma, a cost that is not positive, scoring_fn without
    ///         ordinal ballots).
    result<void> add_project(std::string id, std::string name, std::string_view cost, const source_location& id_at = {},
                             const source_location& cost_at = {});

    /// One voter's ballot: for approval, choose-1 and ordinal ballots the projects in the voter's order (ordinal:
    /// best first, given points by scoring_fn or Borda); for cumulative and scoring ballots each with its points.
    /// @return errc::invalid_value (an unknown or repeated project, a voter id used before, a choose-1 ballot of
    ///         other than one project, negative cumulative points), or as add_project for the end of the settings.
    result<void> add_ballot(std::string voter_id, const std::vector<ballot_entry>& entries,
                            const source_location& voter_at = {});

    /// Ends the election: checks it (validate) and lists the ballots that break the announced constraints as
    /// warnings at their voter. Call once; the builder is empty afterwards.
    /// @return the election, or errc::missing_key (no budget, no project), or what validate() reports.
    [[nodiscard]] result<pabulib_file> finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// Reads an election file, choosing the reader by the extension (in any case): `.pb` (parse_pabulib), `.toml`
/// (parse_election_toml), `.csv` (parse_election_csv). The file's path is the source name in errors.
/// @return as the reader, or errc::io (unreadable file), errc::too_large (over max_election_file_bytes), or
///         errc::invalid_value for another extension.
[[nodiscard]] result<pabulib_file> load_election(const std::filesystem::path& file);

}  // namespace budget
}  // namespace v1
}  // namespace tmo
