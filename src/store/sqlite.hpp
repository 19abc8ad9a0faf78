// src/store/sqlite.hpp: a small RAII layer over SQLite, private to the store. Failures inside the store are thrown
// as store_failure (carrying a tmo::error) and turned into a result at each public function by guarded().
#pragma once

#include <tmo/core/error.hpp>
#include <tmo/core/result.hpp>
#include <tmo/store/database.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tmo::inline v1::store::detail {

/// A failure inside the store, thrown to the public function that catches it in guarded().
struct store_failure {
    tmo::error error;
};

/// Throws store_failure with `code` and `message`.
[[noreturn]] void fail(errc code, std::string message);

/// Runs `body` and returns its value as a result; a store_failure becomes its error.
template <class Body>
auto guarded(Body&& body) -> result<decltype(body())> {
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            return {};
        } else {
            return body();
        }
    } catch (const store_failure& f) {
        return tmo::unexpected(f.error);
    }
}

/// A prepared statement. Bind parameters are 1-based, columns 0-based.
class statement {
public:
    statement(sqlite3* db, std::string_view sql);
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    ~statement();

    statement& bind(int index, std::int64_t value);
    statement& bind(int index, std::string_view value);
    statement& bind_blob(int index, std::span<const unsigned char> value);
    statement& bind_null(int index);
    /// Steps once: true when a row is ready, false when done. Throws store_failure (busy, corrupt, constraint...).
    bool step();
    /// Steps to the end.
    void run();
    /// Resets for another run (bindings kept).
    void reset();

    [[nodiscard]] bool is_null(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// The error of SQLite result code `rc` on `db` for `what`: busy -> errc::busy, corrupt / not a database ->
/// errc::corrupt, a constraint -> errc::invalid_value, anything else -> errc::io.
[[nodiscard]] tmo::error sqlite_error(sqlite3* db, int rc, std::string_view what);

}  // namespace tmo::store::detail

namespace tmo::inline v1::store {

/// The connection behind a database handle.
struct database::impl {
    sqlite3* db = nullptr;
    std::string file;
    open_options options;

    impl() = default;
    impl(const impl&) = delete;
    impl& operator=(const impl&) = delete;
    ~impl();

    /// Executes SQL text without results (may hold several statements).
    void exec(std::string_view sql) const;
    /// Runs `body` in a write transaction (BEGIN IMMEDIATE ... COMMIT). A transaction that meets a busy database
    /// (after the busy timeout) is rolled back and run again, up to options.retries times, then errc::busy. Any
    /// other failure rolls back and propagates.
    template <class Body>
    auto write(Body&& body) -> decltype(body()) {
        for (std::uint32_t attempt = 0;; ++attempt) {
            try {
                begin_immediate();
                if constexpr (std::is_void_v<decltype(body())>) {
                    body();
                    commit();
                    return;
                } else {
                    auto value = body();
                    commit();
                    return value;
                }
            } catch (const detail::store_failure& f) {
                rollback();
                if (f.error.code() != errc::busy || attempt >= options.retries) throw;
                pause(attempt);
            }
        }
    }
    /// Runs `body` in a read transaction (BEGIN DEFERRED ... COMMIT): one consistent snapshot.
    template <class Body>
    auto read(Body&& body) const -> decltype(body()) {
        exec("BEGIN");
        try {
            auto value = body();
            exec("COMMIT");
            return value;
        } catch (...) {
            rollback();
            throw;
        }
    }

    /// The per-database key of the voter codes' hashes (table `secret`).
    [[nodiscard]] std::array<unsigned char, 32> code_key() const;

private:
    void begin_immediate() const;
    void commit() const;
    void rollback() const noexcept;
    static void pause(std::uint32_t attempt);
};

}  // namespace tmo::store
