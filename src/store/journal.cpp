#include <tmo/store/journal.hpp>

#include "store/records.hpp"
#include "store/sqlite.hpp"

#include <sodium.h>

namespace tmo {
inline namespace v1 {
namespace store {

using detail::statement;

namespace {

using digest = std::array<unsigned char, crypto_hash_sha256_BYTES>;

// SHA-256(previous || "tmo-journal-1" || netstring(seq) || netstring(kind) || netstring(subject) || netstring(body)).
digest entry_hash(const digest& previous, std::int64_t seq, std::string_view kind, std::string_view subject,
                  std::string_view body) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const auto feed = [&](std::string_view text) {
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    };
    const auto netstring = [&](std::string_view text) {
        feed(std::to_string(text.size()) + ":");
        feed(text);
        feed(",");
    };
    crypto_hash_sha256_update(&state, previous.data(), previous.size());
    feed("tmo-journal-1");
    netstring(std::to_string(seq));
    netstring(kind);
    netstring(subject);
    netstring(body);
    digest out{};
    crypto_hash_sha256_final(&state, out.data());
    return out;
}

// The body of an entry recomputed now from the stored records.
std::string recomputed_body(const database::impl& c, const journal_entry& e) {
    if (e.kind == "ballot") return detail::ballot_body(c, e.subject);
    if (e.kind == "result") return detail::result_body(c, e.subject);
    if (e.kind == "decision" && e.subject.starts_with("decision ")) {
        try {
            return detail::decision_body(c, std::stoll(e.subject.substr(9)));
        } catch (const std::logic_error&) {
        }
    }
    return "unknown entry kind\n";
}

std::vector<std::pair<journal_entry, std::vector<unsigned char>>> stored_entries(const database::impl& c) {
    std::vector<std::pair<journal_entry, std::vector<unsigned char>>> out;
    statement s(c.db, "SELECT seq, kind, subject, body, hash FROM journal ORDER BY seq");
    while (s.step()) {
        journal_entry e{s.integer(0), s.text(1), s.text(2), s.text(3), {}};
        std::vector<unsigned char> hash = s.blob(4);
        e.hash = detail::to_hex(hash);
        out.emplace_back(std::move(e), std::move(hash));
    }
    return out;
}

// What an entry records, for sentences: "the result of continuation-2026".
std::string described(const journal_entry& e) {
    if (e.kind == "ballot") return "ballot " + e.subject;
    if (e.kind == "result") return "result of " + e.subject;
    return e.subject;
}

}  // namespace

namespace detail {

std::string to_hex(std::span<const unsigned char> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::int64_t append_entry(const database::impl& c, std::string_view kind, std::string_view subject,
                          std::string_view body) {
    digest previous{};
    std::int64_t seq = 1;
    statement last(c.db, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (last.step()) {
        seq = last.integer(0) + 1;
        const std::vector<unsigned char> h = last.blob(1);
        if (h.size() != previous.size()) fail(errc::corrupt, c.file + ": journal entry " + last.text(0) + " has no hash");
        std::copy(h.begin(), h.end(), previous.begin());
    }
    const digest hash = entry_hash(previous, seq, kind, subject, body);
    statement(c.db, "INSERT INTO journal(seq, kind, subject, body, hash) VALUES (?, ?, ?, ?, ?)")
        .bind(1, seq).bind(2, kind).bind(3, subject).bind(4, body).bind_blob(5, hash).run();
    return seq;
}

}  // namespace detail

result<std::vector<journal_entry>> journal(const database& db) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] {
            std::vector<journal_entry> out;
            for (auto& [e, hash] : stored_entries(c)) out.push_back(std::move(e));
            return out;
        });
    });
}

std::string to_text(const std::vector<journal_entry>& entries) {
    std::string out;
    for (const journal_entry& e : entries) {
        out += "#" + std::to_string(e.seq) + " " + e.kind + " " + e.subject + "  sha256 " + e.hash + "\n";
        std::string_view body = e.body;
        while (!body.empty()) {
            const std::size_t end = body.find('\n');
            out += "  " + std::string(body.substr(0, end)) + "\n";
            body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
        }
    }
    return out;
}

result<verification> verify(const database& db) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] {
            verification v;
            digest previous{};
            std::int64_t expected_seq = 1;
            for (const auto& [e, stored] : stored_entries(c)) {
                ++v.entries;
                const digest recomputed = entry_hash(previous, e.seq, e.kind, e.subject, e.body);
                std::string why;
                if (e.seq != expected_seq) {
                    why = "entry " + std::to_string(expected_seq) + " is missing before it";
                } else if (stored.size() != recomputed.size() ||
                           sodium_memcmp(stored.data(), recomputed.data(), recomputed.size()) != 0) {
                    why = "its hash does not match its contents and the entry before it (the journal was edited)";
                } else if (recomputed_body(c, e) != e.body) {
                    why = e.kind == "ballot" ? "the stored ballot, its turnout or its cast ballots differ from "
                                               "what was recorded"
                                             : "the stored " + e.kind + " differs from the one recorded";
                }
                if (!why.empty()) {
                    v.first_bad = e.seq;
                    v.sentence = "Entry " + std::to_string(e.seq) + " (" + described(e) + ") no longer matches: " +
                                 why + ".";
                    return v;
                }
                previous = recomputed;
                ++expected_seq;
            }
            v.intact = true;
            v.sentence = "All " + std::to_string(v.entries) + " journal entries match the stored records.";
            return v;
        });
    });
}

}  // namespace store
}  // namespace v1
}  // namespace tmo
