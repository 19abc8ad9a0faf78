// src/store/records.hpp: what the store's modules share privately — appending to the journal, and the canonical
// bodies of journal entries, recomputed from the stored rows both when an entry is appended and when it is verified.
#pragma once

#include "store/sqlite.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace tmo::inline v1::store::detail {

/// Appends an entry to the journal (inside the caller's write transaction) and returns its seq.
std::int64_t append_entry(const database::impl& c, std::string_view kind, std::string_view subject,
                          std::string_view body);

/// Lower-case hex of `bytes`.
[[nodiscard]] std::string to_hex(std::span<const unsigned char> bytes);

/// The body of a "ballot" entry for the stored ballot named `name`: its spec, turnout by class and the digest of
/// its cast ballots, recomputed now (ballot.cpp).
[[nodiscard]] std::string ballot_body(const database::impl& c, std::string_view name);
/// The body of a "result" entry: the stored result of ballot `name` (ballot.cpp).
[[nodiscard]] std::string result_body(const database::impl& c, std::string_view name);
/// The body of a "decision" entry: the stored decision `id` (database.cpp).
[[nodiscard]] std::string decision_body(const database::impl& c, std::int64_t id);

}  // namespace tmo::store::detail
