// Helpers of the store's tests: a fresh database file per test, and direct SQL on it (to inspect or tamper with
// what the store wrote, as someone with the file could).
#pragma once

#include <tmo/decision/register.hpp>
#include <tmo/store/ballot.hpp>

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace store_test {

/// A database path that does not exist yet, removed (with its -wal and -shm files) at the end of the scope. The
/// files live in /dev/shm when there is one, so that tests do not wait on a disk's fsync.
class temp_db {
public:
    explicit temp_db(const std::string& stem) {
        std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                                         : std::filesystem::temp_directory_path();
        path_ = dir / ("tmo-store-" + stem + "-" + std::to_string(::getpid()) + ".db");
        remove();
    }
    ~temp_db() { remove(); }
    temp_db(const temp_db&) = delete;
    temp_db& operator=(const temp_db&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    void remove() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path_.string() + suffix, ec);
    }
    std::filesystem::path path_;
};

/// Runs SQL on the file through a connection of its own; returns the first column of the first row ("" if none).
inline std::string sql(const std::filesystem::path& file, const std::string& text) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* s = nullptr;
    std::string out;
    const char* rest = text.c_str();
    while (*rest != '\0') {
        REQUIRE_MESSAGE(sqlite3_prepare_v2(db, rest, -1, &s, &rest) == SQLITE_OK, sqlite3_errmsg(db));
        if (s == nullptr) break;
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW && out.empty() && sqlite3_column_text(s, 0) != nullptr)
            out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        while (rc == SQLITE_ROW) rc = sqlite3_step(s);
        CHECK_MESSAGE(rc == SQLITE_DONE, sqlite3_errmsg(db));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

/// A roll of `n` voting units "V1" ... "Vn", all secure tenants.
inline tmo::decision::voters_roll synthetic_roll(std::size_t n) {
    tmo::decision::voters_roll roll;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::string id = "V" + std::to_string(i);
        roll.units.push_back({id, tmo::tenure_class::secure_tenant, {id}});
    }
    return roll;
}

/// A question ballot `name` closing on 2026-03-20, decided by the continuation_ballot preset.
inline tmo::store::ballot_spec question(std::string name) {
    tmo::store::ballot_spec s;
    s.name = std::move(name);
    s.title = "Should the TMO continue?";
    s.day = *tmo::parse_date("2026-03-20");
    s.rule = "continuation_ballot";
    return s;
}

/// A one-seat plurality election `name` among `candidates`, closing on 2026-03-20.
inline tmo::store::ballot_spec plurality_election(std::string name, std::vector<std::string> candidates) {
    tmo::store::ballot_spec s = question(std::move(name));
    s.kind = tmo::store::ballot_kind::election;
    s.title = "Committee 2026";
    s.rule = "plurality";
    s.candidates = std::move(candidates);
    return s;
}

}  // namespace store_test
