#include <tmo/decision/record.hpp>
#include <tmo/store/database.hpp>

#include "store/records.hpp"
#include "store/sqlite.hpp"
#include "toml/text.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <cstdio>

namespace tmo {
inline namespace v1 {
namespace store {

using detail::fail;
using detail::statement;

namespace {

// The schema, one entry per version: migration i takes user_version i to i + 1. Never edit a released entry; add
// one instead.
constexpr std::string_view migrations[] = {
    R"sql(
CREATE TABLE secret(id INTEGER PRIMARY KEY CHECK (id = 1), code_key BLOB NOT NULL);
CREATE TABLE member(
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, household TEXT NOT NULL,
  tenure TEXT NOT NULL, born TEXT, age INTEGER, joined TEXT NOT NULL, left_on TEXT);
CREATE TABLE meeting(
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, held TEXT NOT NULL, valid INTEGER NOT NULL,
  sentence TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE decision(
  id INTEGER PRIMARY KEY, meeting INTEGER REFERENCES meeting(id), title TEXT NOT NULL, kind TEXT NOT NULL,
  held TEXT NOT NULL, carried INTEGER NOT NULL CHECK (carried IN (0, 1)), sentence TEXT NOT NULL,
  record TEXT NOT NULL);
CREATE TABLE ballot(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT NOT NULL, day TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'election')), rule TEXT NOT NULL, settings TEXT NOT NULL,
  candidates TEXT NOT NULL, seats INTEGER NOT NULL, closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  codes_issued INTEGER NOT NULL DEFAULT 0 CHECK (codes_issued IN (0, 1)), digest TEXT);
CREATE TABLE voter(
  ballot INTEGER NOT NULL REFERENCES ballot(id), unit TEXT NOT NULL, position INTEGER NOT NULL,
  tenure TEXT NOT NULL, lookup BLOB, code_hash BLOB, used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
  PRIMARY KEY (ballot, unit)) WITHOUT ROWID;
CREATE INDEX voter_lookup ON voter(ballot, lookup);
CREATE TABLE cast_ballot(
  ballot INTEGER NOT NULL REFERENCES ballot(id), id BLOB NOT NULL, tenure TEXT NOT NULL, paper TEXT NOT NULL,
  PRIMARY KEY (ballot, id)) WITHOUT ROWID;
CREATE TABLE ballot_result(
  ballot INTEGER PRIMARY KEY REFERENCES ballot(id), carried INTEGER NOT NULL, sentence TEXT NOT NULL,
  digest TEXT NOT NULL);
CREATE TABLE contract(id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE, contractor TEXT NOT NULL,
  title TEXT NOT NULL);
CREATE TABLE reading(
  contract INTEGER NOT NULL REFERENCES contract(id), kpi TEXT NOT NULL, month TEXT NOT NULL, value TEXT NOT NULL,
  basis TEXT NOT NULL, PRIMARY KEY (contract, kpi, month)) WITHOUT ROWID;
CREATE TABLE journal(seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
  hash BLOB NOT NULL);
)sql",
};
static_assert(std::size(migrations) == schema_version);

int user_version(const database::impl& c) {
    statement s(c.db, "PRAGMA user_version");
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

// PRAGMA quick_check: every page and index entry readable and well-formed.
void check_integrity(const database::impl& c) {
    std::string problems;
    try {
        statement s(c.db, "PRAGMA quick_check(5)");
        while (s.step()) {
            const std::string row = s.text(0);
            if (row != "ok") problems += (problems.empty() ? "" : "; ") + row;
        }
    } catch (const detail::store_failure& f) {
        if (f.error.code() == errc::busy) throw;
        problems = f.error.message();
    }
    if (!problems.empty())
        fail(errc::corrupt, c.file + ": the database is damaged or is not a tmo database (" + problems +
                                "); restore it from a backup");
}

void migrate(database::impl& c) {
    const int found = user_version(c);
    if (found > schema_version)
        fail(errc::corrupt, c.file + ": the database has schema version " + std::to_string(found) +
                                ", newer than this library's " + std::to_string(schema_version));
    if (found == schema_version) return;
    c.write([&] {
        // Another process may have migrated while this one waited for the lock.
        for (int v = user_version(c); v < schema_version; ++v) {
            c.exec(migrations[v]);
            if (v == 0) {
                std::array<unsigned char, 32> key{};
                randombytes_buf(key.data(), key.size());
                statement(c.db, "INSERT INTO secret(id, code_key) VALUES (1, ?)").bind_blob(1, key).run();
            }
            c.exec("PRAGMA user_version = " + std::to_string(v + 1));
        }
    });
}

void set_wal(database::impl& c) {
    for (std::uint32_t attempt = 0;; ++attempt) {
        try {
            {
                statement mode(c.db, "PRAGMA journal_mode");
                if (mode.step() && mode.text(0) == "wal") return;
            }
            statement set(c.db, "PRAGMA journal_mode = WAL");
            set.run();
            return;
        } catch (const detail::store_failure& f) {
            if (f.error.code() != errc::busy || attempt >= c.options.retries) throw;
        }
    }
}

date stored_date(const database::impl& c, const std::string& text) {
    auto d = parse_date(text);
    if (!d) fail(errc::corrupt, c.file + ": a stored date \"" + text + "\" is not YYYY-MM-DD");
    return *d;
}

// Escapes a value for one line of an entry body: backslash and newline.
std::string escaped(std::string_view value) {
    std::string out;
    for (char ch : value) {
        if (ch == '\\') out += "\\\\";
        else if (ch == '\n') out += "\\n";
        else out += ch;
    }
    return out;
}

std::string sha256_hex(std::string_view text) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> h{};
    crypto_hash_sha256(h.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return detail::to_hex(h);
}

std::int64_t insert_decision(const database::impl& c, std::optional<std::int64_t> meeting, std::string_view title,
                             const decision::resolution_outcome& r) {
    statement s(c.db, "INSERT INTO decision(meeting, title, kind, held, carried, sentence, record) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (meeting) s.bind(1, *meeting);
    else s.bind_null(1);
    s.bind(2, title).bind(3, r.kind).bind(4, to_string(r.held)).bind(5, std::int64_t{r.carried ? 1 : 0});
    s.bind(6, r.sentence).bind(7, decision::to_json(r)).run();
    const std::int64_t id = sqlite3_last_insert_rowid(c.db);
    detail::append_entry(c, "decision", "decision " + std::to_string(id), detail::decision_body(c, id));
    return id;
}

}  // namespace

namespace detail {

std::string decision_body(const database::impl& c, std::int64_t id) {
    statement s(c.db, "SELECT d.meeting, m.title, m.held, d.title, d.kind, d.held, d.carried, d.sentence, d.record "
                      "FROM decision d LEFT JOIN meeting m ON m.id = d.meeting WHERE d.id = ?");
    s.bind(1, id);
    if (!s.step()) return "missing: the decision is no longer stored\n";
    std::string body = "decision: " + std::to_string(id) + "\n";
    body += "meeting: " + (s.is_null(0) ? std::string("none") : escaped(s.text(1)) + " (" + s.text(2) + ")") + "\n";
    body += "title: " + escaped(s.text(3)) + "\n";
    body += "kind: " + escaped(s.text(4)) + "\n";
    body += "held: " + s.text(5) + "\n";
    body += std::string("carried: ") + (s.integer(6) != 0 ? "yes" : "no") + "\n";
    body += "sentence: " + escaped(s.text(7)) + "\n";
    body += "record-sha256: " + sha256_hex(s.text(8)) + "\n";
    return body;
}

}  // namespace detail

database::database(std::unique_ptr<impl> i) noexcept : impl_(std::move(i)) {}
database::database(database&&) noexcept = default;
database& database::operator=(database&&) noexcept = default;
database::~database() = default;

result<database> database::open(const std::filesystem::path& file, const open_options& options) {
    return detail::guarded([&] {
        if (sodium_init() < 0) fail(errc::internal, "libsodium could not be initialised");
        auto c = std::make_unique<impl>();
        c->file = file.string();
        c->options = options;
        const int flags = SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
        const int rc = sqlite3_open_v2(c->file.c_str(), &c->db, flags, nullptr);
        if (rc != SQLITE_OK) {
            fail(errc::io, c->file + ": cannot open the database: " +
                               (c->db != nullptr ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc)));
        }
        sqlite3_extended_result_codes(c->db, 1);
        sqlite3_busy_timeout(c->db, static_cast<int>(options.busy_timeout.count()));
        check_integrity(*c);
        set_wal(*c);
        c->exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
        migrate(*c);
        return database(std::move(c));
    });
}

int database::version() const {
    auto v = detail::guarded([&] { return user_version(*impl_); });
    return v ? *v : 0;
}

result<std::size_t> database::import_register(const decision::member_register& reg) {
    return detail::guarded([&] {
        return impl_->write([&] {
            impl_->exec("DELETE FROM member");
            statement s(impl_->db, "INSERT INTO member(id, position, name, household, tenure, born, age, joined, "
                                   "left_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            std::int64_t position = 0;
            for (const decision::member& m : reg.members()) {
                s.reset();
                s.bind(1, m.id).bind(2, ++position).bind(3, m.name).bind(4, m.household).bind(5, name(m.tenure));
                if (m.born) s.bind(6, to_string(*m.born));
                else s.bind_null(6);
                if (m.age) s.bind(7, std::int64_t{*m.age});
                else s.bind_null(7);
                s.bind(8, to_string(m.joined));
                if (m.left) s.bind(9, to_string(*m.left));
                else s.bind_null(9);
                s.run();
            }
            return reg.members().size();
        });
    });
}

result<decision::member_register> database::load_register() const {
    return detail::guarded([&] {
        return impl_->read([&] {
            decision::member_register reg;
            statement s(impl_->db, "SELECT id, name, household, tenure, born, age, joined, left_on FROM member "
                                   "ORDER BY position");
            while (s.step()) {
                decision::member m;
                m.id = s.text(0);
                m.name = s.text(1);
                m.household = s.text(2);
                const auto tenure = tmo::detail::from_name<tenure_class>(s.text(3));
                if (!tenure) fail(errc::corrupt, impl_->file + ": member " + m.id + " has an unknown tenure class");
                m.tenure = *tenure;
                if (!s.is_null(4)) m.born = stored_date(*impl_, s.text(4));
                if (!s.is_null(5)) m.age = static_cast<std::uint32_t>(s.integer(5));
                m.joined = stored_date(*impl_, s.text(6));
                if (!s.is_null(7)) m.left = stored_date(*impl_, s.text(7));
                if (auto added = reg.add(std::move(m)); !added)
                    fail(errc::corrupt, impl_->file + ": a stored member is invalid: " + added.error().message());
            }
            return reg;
        });
    });
}

result<std::int64_t> database::record_meeting(const decision::meeting_outcome& m) {
    return detail::guarded([&] {
        return impl_->write([&] {
            statement s(impl_->db, "INSERT INTO meeting(title, kind, held, valid, sentence, record) "
                                   "VALUES (?, ?, ?, ?, ?, ?)");
            s.bind(1, m.title).bind(2, name(m.kind)).bind(3, to_string(m.held)).bind(4, std::int64_t{m.valid ? 1 : 0});
            s.bind(5, m.sentence).bind(6, decision::to_json(m)).run();
            const std::int64_t id = sqlite3_last_insert_rowid(impl_->db);
            for (const decision::item_result& item : m.items) {
                if (item.resolution) insert_decision(*impl_, id, item.title, *item.resolution);
            }
            return id;
        });
    });
}

result<std::int64_t> database::record_decision(std::optional<std::int64_t> meeting, std::string_view title,
                                               const decision::resolution_outcome& outcome) {
    return detail::guarded([&] {
        if (title.empty()) fail(errc::invalid_value, "a decision needs a title");
        return impl_->write([&] {
            if (meeting) {
                statement s(impl_->db, "SELECT 1 FROM meeting WHERE id = ?");
                s.bind(1, *meeting);
                if (!s.step()) fail(errc::invalid_value, "no meeting " + std::to_string(*meeting) + " is stored");
            }
            return insert_decision(*impl_, meeting, title, outcome);
        });
    });
}

result<std::vector<stored_decision>> database::decisions() const {
    return detail::guarded([&] {
        return impl_->read([&] {
            std::vector<stored_decision> out;
            statement s(impl_->db, "SELECT id, meeting, title, kind, held, carried, sentence, record FROM decision "
                                   "ORDER BY id");
            while (s.step()) {
                stored_decision d;
                d.id = s.integer(0);
                if (!s.is_null(1)) d.meeting = s.integer(1);
                d.title = s.text(2);
                d.kind = s.text(3);
                d.held = stored_date(*impl_, s.text(4));
                d.carried = s.integer(5) != 0;
                d.sentence = s.text(6);
                d.record = s.text(7);
                out.push_back(std::move(d));
            }
            return out;
        });
    });
}

result<std::int64_t> database::add_contract(std::string_view reference, std::string_view contractor,
                                            std::string_view title) {
    return detail::guarded([&] {
        if (reference.empty()) fail(errc::invalid_value, "a contract needs a reference");
        return impl_->write([&] {
            statement found(impl_->db, "SELECT 1 FROM contract WHERE reference = ?");
            found.bind(1, reference);
            if (found.step()) fail(errc::invalid_value, "a contract " + std::string(reference) + " is already stored");
            statement s(impl_->db, "INSERT INTO contract(reference, contractor, title) VALUES (?, ?, ?)");
            s.bind(1, reference).bind(2, contractor).bind(3, title).run();
            return static_cast<std::int64_t>(sqlite3_last_insert_rowid(impl_->db));
        });
    });
}

result<std::vector<stored_contract>> database::contracts() const {
    return detail::guarded([&] {
        return impl_->read([&] {
            std::vector<stored_contract> out;
            statement s(impl_->db, "SELECT id, reference, contractor, title FROM contract ORDER BY id");
            while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3)});
            return out;
        });
    });
}

result<void> database::add_readings(std::int64_t contract_id, std::span<const contract::kpi_reading> readings) {
    return detail::guarded([&] {
        impl_->write([&] {
            statement found(impl_->db, "SELECT 1 FROM contract WHERE id = ?");
            found.bind(1, contract_id);
            if (!found.step()) fail(errc::invalid_value, "no contract " + std::to_string(contract_id) + " is stored");
            statement s(impl_->db, "INSERT OR REPLACE INTO reading(contract, kpi, month, value, basis) "
                                   "VALUES (?, ?, ?, ?, ?)");
            for (const contract::kpi_reading& r : readings) {
                char month[16];
                std::snprintf(month, sizeof month, "%04d-%02u", static_cast<int>(r.month.year()),
                              static_cast<unsigned>(r.month.month()));
                s.reset();
                s.bind(1, contract_id).bind(2, r.kpi_id).bind(3, std::string_view(month));
                s.bind(4, r.value.to_string()).bind(5, r.basis).run();
            }
        });
    });
}

result<std::vector<contract::kpi_reading>> database::readings(std::int64_t contract_id) const {
    return detail::guarded([&] {
        return impl_->read([&] {
            std::vector<contract::kpi_reading> out;
            statement s(impl_->db, "SELECT kpi, month, value, basis FROM reading WHERE contract = ? "
                                   "ORDER BY kpi, month");
            s.bind(1, contract_id);
            while (s.step()) {
                contract::kpi_reading r;
                r.kpi_id = s.text(0);
                const date first = stored_date(*impl_, s.text(1) + "-01");
                r.month = first.year() / first.month();
                auto value = rational::parse(s.text(2));
                if (!value) fail(errc::corrupt, impl_->file + ": a stored reading of " + r.kpi_id + " is not a number");
                r.value = *value;
                r.basis = s.text(3);
                r.where.file = impl_->file;
                out.push_back(std::move(r));
            }
            return out;
        });
    });
}

}  // namespace store
}  // namespace v1
}  // namespace tmo
