// tmo/decision/files.hpp: the TOML files a TMO secretary writes by hand — a meeting (attendance, proxies, agenda
// items and their votes) and a ballot (tallies by class, or the papers of a roll). The formats are documented in
// docs/decisions.md; examples/data/riverside/agm_2026.toml and continuation_ballot_2026.toml beside it are
// complete samples.
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/decision/class_ballot.hpp>
#include <tmo/decision/meeting.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace decision {

/// The largest meeting or ballot file accepted (256 KiB), checked before parsing as for constitutions.
inline constexpr std::size_t max_decision_file_bytes = 256 * 1024;

/// Parses a meeting file. `source_name` (a file name) is used in error locations and in the locations kept in
/// member_ref and agenda_item for later checks.
/// @return the meeting, or the first error with file, line, column and key path: errc::too_large, errc::syntax
///   (as for constitutions), errc::unknown_key, errc::missing_key, errc::wrong_type, errc::invalid_value (no such
///   day, an item with both show_of_hands and poll, a casting vote other than "in_favour"/"against", a minute of
///   day out of range, election.seats of 0).
/// Thread safety: may be called concurrently. Exceptions: only std::bad_alloc.
[[nodiscard]] result<meeting> parse_meeting(std::string_view toml_text, std::string_view source_name = {});

/// Reads a meeting file; a relative `register` path is taken relative to the file's folder, and so are the
/// [election]'s `ballots` and `committee` files, which are read here (committee_election::ballots, ::sitting).
/// @return as parse_meeting, or errc::io (the meeting file unreadable; a ballot or committee file that cannot be
///   read, located at its key in the meeting file), the errors of vote::load_ballots and load_committee (located in
///   those files), or errc::invalid_value at election.seats when the ballot file declares another number of seats.
[[nodiscard]] result<meeting> load_meeting(const std::filesystem::path& file);

/// A ballot as its returning officer reports it: tallies by class, or a register with the papers.
struct ballot_file {
    std::string title;
    date closed;                       ///< the close of poll: the cut-off date of the roll
    std::optional<tally> tallies;      ///< counted by class (set when the file has [tallies])
    std::string register_file;         ///< otherwise the register (load_ballot_file makes it absolute) ...
    ballot_papers papers;              ///< ... and the papers
};

/// Parses a ballot file. @return as parse_meeting (errc::invalid_value also for a file with both [tallies] and
///   papers or with neither, an unknown or repeated tenure class, more papers than eligible in a class).
[[nodiscard]] result<ballot_file> parse_ballot_file(std::string_view toml_text, std::string_view source_name = {});

/// Reads a ballot file; a relative `register` path is taken relative to the file's folder.
[[nodiscard]] result<ballot_file> load_ballot_file(const std::filesystem::path& file);

/// Evaluates a ballot file under `rules`: the tallies as given, or a roll at the close of poll made from `reg` under
/// `membership` (narrowed to the rule's electorate) and the papers counted against it (count_papers).
/// @return as evaluate_ballot and count_papers, or errc::invalid_argument when the file has papers but `reg` or
///   `membership` is null.
[[nodiscard]] result<ballot_outcome> run_ballot(const ballot_rules& rules, std::string_view rule_name,
                                                const ballot_file& file, const member_register* reg,
                                                const membership_rules* membership);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
