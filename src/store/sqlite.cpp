#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace tmo::inline v1::store::detail {

void fail(errc code, std::string message) { throw store_failure{tmo::error(code, std::move(message))}; }

tmo::error sqlite_error(sqlite3* db, int rc, std::string_view what) {
    const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string message = std::string(what) + ": " + detail;
    switch (rc & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return {errc::busy, message + " (the database is locked by another writer)"};
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return {errc::corrupt, message};
        case SQLITE_CONSTRAINT: return {errc::invalid_value, message};
        case SQLITE_NOMEM: throw std::bad_alloc();
        default: return {errc::io, message};
    }
}

statement::statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throw store_failure{sqlite_error(db, rc, "preparing a statement")};
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement& statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

statement& statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

statement& statement::bind_blob(int index, std::span<const unsigned char> value) {
    sqlite3_bind_blob(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

statement& statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    throw store_failure{sqlite_error(db_, rc, "writing or reading the database")};
}

void statement::run() {
    while (step()) {
    }
}

void statement::reset() { sqlite3_reset(stmt_); }

bool statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p == nullptr ? std::string() : std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::vector<unsigned char> statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return p == nullptr ? std::vector<unsigned char>() : std::vector<unsigned char>(p, p + n);
}

}  // namespace tmo::store::detail

namespace tmo::inline v1::store {

database::impl::~impl() { sqlite3_close_v2(db); }

void database::impl::exec(std::string_view sql) const {
    const std::string text(sql);
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw detail::store_failure{detail::sqlite_error(db, rc, "executing " + text.substr(0, 40))};
}

void database::impl::begin_immediate() const { exec("BEGIN IMMEDIATE"); }

void database::impl::commit() const { exec("COMMIT"); }

void database::impl::rollback() const noexcept {
    if (sqlite3_get_autocommit(db) == 0) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void database::impl::pause(std::uint32_t attempt) {
    // A short, growing pause so that retrying writers do not wake in step: 1 ms, 2 ms, ... capped at 50 ms.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min<std::uint32_t>(attempt + 1, 50)));
}

std::array<unsigned char, 32> database::impl::code_key() const {
    detail::statement s(db, "SELECT code_key FROM secret WHERE id = 1");
    std::array<unsigned char, 32> key{};
    if (!s.step()) detail::fail(errc::corrupt, file + ": the database has no code key (table secret is empty)");
    const std::vector<unsigned char> stored = s.blob(0);
    if (stored.size() != key.size()) detail::fail(errc::corrupt, file + ": the code key is not 32 bytes");
    std::copy(stored.begin(), stored.end(), key.begin());
    return key;
}

}  // namespace tmo::store
