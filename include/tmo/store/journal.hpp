// tmo/store/journal.hpp: the tamper-evident journal of a store — every closed ballot, ballot result and decision,
// appended in one chain of SHA-256 hashes.
//
// An entry is (seq, kind, subject, body, hash). kind is "ballot" (a closed ballot: its spec, turnout by class and
// digest), "result" (a ballot's counted result) or "decision" (a decision with its record); subject names the
// thing (the ballot's name, or "decision <id>"); body is a canonical text of it: lines "key: value\n" in a fixed
// order, written by the store from the stored rows.
//
// Canonical encoding of an entry: each of seq (decimal), kind, subject and body as a netstring
// "<byte length in decimal>:<bytes>,". The hash of entry n is
//     SHA-256( hash of entry n-1 (32 zero bytes for the first) || "tmo-journal-1" || the four netstrings ).
//
// verify() checks two things, entry by entry in order: that each stored hash equals the recomputed one (the chain:
// a changed, removed or reordered entry breaks it), and that each entry's body equals the body recomputed now from
// the stored ballot, cast ballots, result or decision (a changed vote, result or decision no longer matches the
// entry that recorded it). It names the first entry that fails.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace store {

/// One entry of the journal.
struct journal_entry {
    std::int64_t seq = 0;  ///< 1, 2, 3 ... in order of appending
    std::string kind;      ///< "ballot", "result" or "decision"
    std::string subject;
    std::string body;
    std::string hash;      ///< 64 lower-case hex digits
};

/// The entries in order. @return them, or errc::busy / errc::io.
[[nodiscard]] result<std::vector<journal_entry>> journal(const database& db);

/// What verify found.
struct verification {
    std::uint64_t entries = 0;              ///< entries checked
    bool intact = false;
    std::optional<std::int64_t> first_bad;  ///< the seq of the first entry that no longer matches
    std::string sentence;  ///< "All 4 journal entries match the stored records." or "Entry 3 (result of
                           ///< continuation-2026) no longer matches: the stored result differs from the one recorded."
};

/// Recomputes the chain and every entry's body from the stored records. A failed check is an outcome, not an
/// error. @return the verification, or errc::busy / errc::io.
[[nodiscard]] result<verification> verify(const database& db);

/// The journal as text: per entry a line "#<seq> <kind> <subject>  sha256 <hash>" and its body indented by two
/// spaces.
[[nodiscard]] std::string to_text(const std::vector<journal_entry>& entries);

}  // namespace store
}  // namespace v1
}  // namespace tmo
