// Private to the hand-written election readers (input.cpp: CSV and the loader; input_toml.cpp: TOML): what both
// formats mean by their keys, projects and ballots, so that the two readers differ only in syntax.
#pragma once

#include <tmo/budget/input.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {
namespace detail {

/// One top-level setting as text ("budget" = "£25,000"; a TOML integer as its digits, a TOML array of whole points
/// as "3,2,1"), with where it was written.
struct setting_entry {
    std::string key;
    std::string value;
    source_location where;
};

/// True for the keys election_builder::settings() knows (budget, vote_type, max_length, description, ...).
[[nodiscard]] bool is_setting_key(std::string_view key);

/// One project entry of a ballot: the project's id and, for cumulative and scoring ballots, its points.
struct ballot_entry {
    std::string project_id;
    std::int64_t points = 0;
    source_location where;
};

/// Builds an instance from the parts both formats share and checks them as it goes. Errors carry the location
/// of the part in error.
class election_builder {
public:
    explicit election_builder(source_location file_start);
    election_builder(const election_builder&) = delete;
    election_builder& operator=(const election_builder&) = delete;
    ~election_builder();

    /// The top-level settings, all at once (before any project). budget is required; vote_type defaults to
    /// approval. @return errc::unknown_key, errc::missing_key, errc::syntax, errc::inexact, errc::invalid_value.
    result<void> settings(std::vector<setting_entry> entries);
    /// The vote type the settings gave.
    [[nodiscard]] vote_type type() const;

    /// One project; `cost` as written ("£12,500"). @return errc::syntax, errc::inexact, errc::invalid_value
    /// (an empty or repeated id, a cost that is not positive).
    result<void> add_project(std::string id, std::string name, std::string_view cost, const source_location& id_at,
                             const source_location& cost_at);

    /// One voter's ballot: approval, choose-1 and ordinal entries in the voter's order (ordinal: best first),
    /// cumulative and scoring entries with their points. @return errc::invalid_value (an unknown or repeated
    /// project, a choose-1 ballot of other than one project, negative cumulative points).
    result<void> add_voter(std::string voter_id, const std::vector<ballot_entry>& entries,
                           const source_location& voter_at);

    /// Ends the election: checks it (validate) and lists the ballots that break the announced constraints as
    /// warnings at their voter. @return the file, or errc::missing_key when there is no project.
    result<pabulib_file> finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace detail
}  // namespace budget
}  // namespace v1
}  // namespace tmo
