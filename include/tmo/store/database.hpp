// tmo/store/database.hpp: an organisation's records in one SQLite database file — the members register, meetings
// and their decisions, contracts and their performance readings — and the handle that ballots (ballot.hpp) and the
// journal (journal.hpp) work through.
//
// The store is the library tmo::store, separate from tmo::tmo so that the core keeps no database dependency.
// Durability: the file is in WAL mode with synchronous=FULL, so a write that returned success survives a crash of
// the process (or of the machine); every write is one transaction (BEGIN IMMEDIATE), so readers never see half a
// change. Foreign keys are enforced. The schema is versioned by PRAGMA user_version and migrated on open, one
// transaction per version. Opening runs PRAGMA quick_check, so a file with a damaged page is reported
// (errc::corrupt), never silently used.
//
// Concurrency: several processes may open the same file at once. A writer that finds the database locked waits up
// to busy_timeout, then retries the whole transaction up to `retries` times before giving errc::busy.
// Thread safety: a database handle may be used by one thread at a time; open one handle per thread.
#pragma once

#include <tmo/contract/performance.hpp>
#include <tmo/core/date.hpp>
#include <tmo/core/result.hpp>
#include <tmo/decision/meeting.hpp>
#include <tmo/decision/register.hpp>
#include <tmo/decision/resolution.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace store {

/// How a database is opened.
struct open_options {
    bool create = true;  ///< create the file when it does not exist (else errc::io)
    std::chrono::milliseconds busy_timeout{5000};  ///< how long one attempt waits for another writer
    std::uint32_t retries = 20;  ///< further attempts of a write that timed out, before errc::busy
};

/// The schema version this library writes (PRAGMA user_version after migration).
inline constexpr int schema_version = 1;

/// A decision stored with its record.
struct stored_decision {
    std::int64_t id = 0;
    std::optional<std::int64_t> meeting;  ///< the meeting it was taken at, if any
    std::string title;                    ///< what was decided ("Adopt the 2026 budget")
    std::string kind;                     ///< the resolution kind ("ordinary", "special")
    date held;
    bool carried = false;
    std::string sentence;                 ///< the outcome's one plain sentence
    std::string record;                   ///< the decision module's JSON record of the vote (record.hpp to_json)
};

/// A contract on file.
struct stored_contract {
    std::int64_t id = 0;
    std::string reference;   ///< unique ("RM-2026-01")
    std::string contractor;
    std::string title;
};

/// An open database file. Move-only; closing releases the file.
class database {
public:
    /// Opens (or creates) `file`, migrates its schema to schema_version and checks it with PRAGMA quick_check.
    /// @return the handle, or errc::io (cannot open or create the file; create = false and no file), errc::corrupt
    ///   (not an SQLite database, a damaged page, or a schema newer than this library's), errc::busy (another
    ///   process kept the database locked during the migration).
    [[nodiscard]] static result<database> open(const std::filesystem::path& file, const open_options& options = {});

    database(database&&) noexcept;
    database& operator=(database&&) noexcept;
    ~database();

    /// The file's schema version (PRAGMA user_version).
    [[nodiscard]] int version() const;

    /// Replaces the stored register with `reg`, in register order, in one transaction.
    /// @return the number of members stored, or errc::busy / errc::io.
    [[nodiscard]] result<std::size_t> import_register(const decision::member_register& reg);
    /// The stored register, in register order. @return it, or errc::corrupt if a stored member is invalid.
    [[nodiscard]] result<decision::member_register> load_register() const;

    /// Stores a checked meeting (its title, day, validity, sentence and JSON record) and, as a decision of that
    /// meeting, each item that came to a vote; each decision is appended to the journal. One transaction.
    /// @return the meeting's id, or errc::busy / errc::io.
    [[nodiscard]] result<std::int64_t> record_meeting(const decision::meeting_outcome& m);
    /// Stores one decision (taken at `meeting`, or outside a meeting when absent) and appends it to the journal.
    /// @return the decision's id, or errc::invalid_value (no such meeting, an empty title), errc::busy / errc::io.
    [[nodiscard]] result<std::int64_t> record_decision(std::optional<std::int64_t> meeting, std::string_view title,
                                                       const decision::resolution_outcome& outcome);
    /// Every stored decision, in the order recorded.
    [[nodiscard]] result<std::vector<stored_decision>> decisions() const;

    /// Stores a contract. @return its id, or errc::invalid_value (an empty or duplicate reference).
    [[nodiscard]] result<std::int64_t> add_contract(std::string_view reference, std::string_view contractor,
                                                    std::string_view title);
    /// The stored contracts, in the order added.
    [[nodiscard]] result<std::vector<stored_contract>> contracts() const;
    /// Stores KPI readings of contract `contract_id` (a reading for the same KPI and month replaces the earlier).
    /// @return errc::invalid_value (no such contract), errc::busy / errc::io.
    [[nodiscard]] result<void> add_readings(std::int64_t contract_id, std::span<const contract::kpi_reading> readings);
    /// The readings of a contract, by KPI then month (`where` names the database file).
    [[nodiscard]] result<std::vector<contract::kpi_reading>> readings(std::int64_t contract_id) const;

    struct impl;
    /// The connection, for the store's own modules (ballot.cpp, journal.cpp); not part of the public interface.
    [[nodiscard]] impl& connection() const noexcept { return *impl_; }

private:
    explicit database(std::unique_ptr<impl> i) noexcept;
    std::unique_ptr<impl> impl_;
};

}  // namespace store
}  // namespace v1
}  // namespace tmo
