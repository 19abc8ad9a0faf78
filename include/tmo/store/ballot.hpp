// tmo/store/ballot.hpp: conducting a secret ballot in the store — a roll, one single-use code per voter, votes cast
// by code, turnout by class while open, close, count, and the published digest of the cast ballots.
//
// The life of a ballot: open_ballot (from a voters' roll) -> issue_codes (once; the only time codes exist in clear)
// -> cast (once per code) and turnout -> close_ballot (appends the ballot and its digest to the journal) ->
// count_ballot (appends the result to the journal).
//
// Codes. A code is 16 characters from the 31 of code_alphabet (no 0/O, 1/I/L) in four groups of four
// ("7KQX-M3RT-..."): about 79 bits from libsodium's randombytes. Case, spaces and hyphens are ignored when a code
// is typed. The database keeps only a keyed BLAKE2b hash of each code (crypto_generichash, 32 bytes) and compares
// the full hash in constant time (sodium_memcmp); the lookup uses the hash's first 8 bytes, which says nothing about
// the code to anyone without the key.
//
// Threat model. The hash key is 32 random bytes created with the database and kept in it (table `secret`).
// - Someone who reads the database file cannot recover or use codes: a code has 79 bits of entropy, so even with the
//   key a brute-force search is out of reach; the key makes each database's hashes its own (no precomputed tables,
//   no matching of hashes across databases).
// - Secrecy of the vote. Who voted (the `voter` table's used flag: the ledger for turnout and chasing) is kept apart
//   from what was voted (the `cast_ballot` table). A cast ballot holds only its ballot, a random 16-byte id, the
//   voting unit's tenure class (the law counts ballots by class, governance.md §3.3) and the paper: no voter
//   reference, no code, no time (the ballot's only date is its day). The table is WITHOUT ROWID and keyed by the
//   random id, so neither row order nor storage order reveals the order of voting.
// - Residual risks, outside what the store can prevent: the list of codes printed by issue_codes links voters to
//   codes (print and post it, then destroy it); in a class with one voter who voted the class tally shows the vote
//   (as a paper count by class would); someone who copies the WAL file while voting is under way sees recent
//   changes in commit order; someone with write access can change anything, which the journal (journal.hpp)
//   exposes for closed ballots.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/decision/class_ballot.hpp>
#include <tmo/decision/register.hpp>
#include <tmo/store/database.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/rules.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace store {

/// The characters of a voter code: digits and capitals without 0, 1, I, L and O.
inline constexpr std::string_view code_alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// What a ballot asks.
enum class ballot_kind {
    question,  ///< for / against (blank and spoilt papers allowed), counted by class under a ballot rule
    election,  ///< candidates ranked or marked, counted by a rule of the counting engine (tmo/vote/rules.hpp)
};

/// "question", "election". Never null.
[[nodiscard]] const char* name(ballot_kind k) noexcept;

/// A ballot to open.
struct ballot_spec {
    std::string name;   ///< unique in the database: letters, digits, '-' and '_' ("continuation-2026")
    std::string title;  ///< what is balloted
    date day;           ///< the close of poll: the only date stored with the ballot
    ballot_kind kind = ballot_kind::question;
    /// question: the ballot rule's name (a constitution's [ballots.<name>] or a preset, decision::ballot_preset);
    /// election: a counting rule (vote::rule_names(): "plurality", "scottish-stv", ...)
    std::string rule;
    std::vector<vote::setting> settings;  ///< election: the rule's options (vote/rules.hpp)
    std::vector<std::string> candidates;  ///< election: the candidates, in ballot-paper order
    std::uint32_t seats = 1;              ///< election: seats to fill
};

/// A ballot as stored.
struct ballot_info {
    ballot_spec spec;
    bool closed = false;
    bool codes_issued = false;
    std::uint64_t voters = 0;  ///< voting units on the roll
    std::string digest;        ///< closed: the published digest of the cast ballots (64 hex digits); else empty
};

/// One voter's code, as issued.
struct voter_code {
    std::string unit;    ///< the voting unit (member id or household reference) of the roll
    tenure_class tenure = tenure_class::secure_tenant;
    std::string code;    ///< "7KQX-M3RT-9CHW-2DFN"
};

/// Turnout in one class while a ballot is open (or after).
struct class_turnout {
    std::uint64_t eligible = 0;  ///< voting units of the class on the roll
    std::uint64_t voted = 0;     ///< of them, those whose code has been used
};

/// The count of a closed ballot.
struct ballot_count {
    std::string ballot;
    ballot_kind kind = ballot_kind::question;
    std::uint64_t papers = 0;
    std::optional<decision::ballot_outcome> question;  ///< a question: the class-ballot outcome
    std::optional<vote::count_result> election;        ///< an election: the count
    bool carried = false;   ///< a question carried; an election always true (someone was elected)
    std::string sentence;   ///< one plain sentence: the decision's, or the count's summary
    std::string digest;     ///< the digest of the ballots counted (ballot_digest)
};

/// Opens a ballot with `roll`'s voting units (decision::make_roll) as its electorate.
/// @return the ballot's id, or errc::invalid_value (a bad or duplicate name, an empty roll or title; an election
///   without candidates, with seats outside 1..candidates), errc::not_found (an election's unknown counting rule),
///   errc::invalid_argument (an election's setting whose key its rule does not have: the message lists the rule's
///   keys; the values are checked when the ballot is counted), errc::busy.
[[nodiscard]] result<std::int64_t> open_ballot(database& db, const ballot_spec& spec, const decision::voters_roll& roll);

/// Opens a ballot whose roll is made from the stored register (database::import_register) at spec.day under
/// `membership`, narrowed to `electorate` (a ballot rule's electorate; empty: every voting class).
/// @return as the other open_ballot, or errc::invalid_value when nobody on the register may vote in it.
[[nodiscard]] result<std::int64_t> open_ballot(database& db, const ballot_spec& spec,
                                               const membership_rules& membership,
                                               std::span<const tenure_class> electorate);

/// The ballot rule named `rule_name`: the constitution's [ballots.<name>] when `rules` is not null and has it,
/// else the preset of that name. @return it, or errc::not_found naming the presets.
[[nodiscard]] result<ballot_rules> find_ballot_rule(const constitution* rules, std::string_view rule_name);

/// Issues one new random code to every voting unit of the ballot, storing only their keyed hashes. Codes can be
/// issued once: they are never stored in clear and cannot be shown again.
/// @return the codes in roll order, or errc::not_found (no such ballot), errc::invalid_value (codes already
///   issued), errc::closed (the ballot is closed), errc::busy.
[[nodiscard]] result<std::vector<voter_code>> issue_codes(database& db, std::string_view ballot);

/// Casts one vote with `code`. `paper` is, for a question, "for", "against" or "spoilt" (a blank or spoilt paper);
/// for an election, the preferences as 1-based candidate numbers, most preferred first, separated by ',' (a
/// preference shared with the previous one by '=': "2,1=3", refused when the counting rule does not take equal ranks,
/// vote::rule_takes_equal_ranks); "" is a blank paper.
/// The code is marked used and the paper stored in one transaction, so either both happen or neither.
/// @return nothing, or (each message says why) errc::code_unknown (no voter of this ballot holds the code, or it
///   is not a code), errc::code_used (the code has already voted), errc::closed (the ballot is closed),
///   errc::invalid_value (a paper the ballot cannot take), errc::not_found (no such ballot), errc::busy.
[[nodiscard]] result<void> cast(database& db, std::string_view ballot, std::string_view code, std::string_view paper);

/// Turnout by class: eligible units and those whose code has been used. @return errc::not_found (no such ballot).
[[nodiscard]] result<std::map<tenure_class, class_turnout>> turnout(const database& db, std::string_view ballot);

/// The stored ballot. @return errc::not_found.
[[nodiscard]] result<ballot_info> find_ballot(const database& db, std::string_view ballot);
/// Every ballot, in the order opened.
[[nodiscard]] result<std::vector<ballot_info>> ballots(const database& db);

/// Closes the ballot: no more votes. Appends to the journal an entry for the ballot with its turnout by class and
/// its digest. @return the digest (64 hex digits), or errc::closed (already closed), errc::not_found, errc::busy.
[[nodiscard]] result<std::string> close_ballot(database& db, std::string_view ballot);

/// The digest of the ballot's cast ballots as stored now: SHA-256 over "tmo-ballot-digest-1\n", the ballot's name
/// and "\n", then each cast ballot's line "<tenure class>\t<paper>\n", the lines sorted bytewise. A scrutineer
/// recomputes it from cast_papers() and compares it with the published one.
/// @return 64 lower-case hex digits, or errc::not_found.
[[nodiscard]] result<std::string> ballot_digest(const database& db, std::string_view ballot);
/// The cast ballots as the digest's lines ("secure_tenant\tfor"), sorted. @return errc::not_found.
[[nodiscard]] result<std::vector<std::string>> cast_papers(const database& db, std::string_view ballot);

/// Counts a closed ballot. A question is evaluated by class under `rules` (a constitution's ballot rule; when
/// null, the preset named by the ballot's rule); an election is counted by vote::count with its rule and settings.
/// The first count stores the result and appends it to the journal; later counts recompute and return the same.
/// @return the count, or errc::closed (the ballot is still open), errc::not_found (no such ballot or preset), the
///   errors of decision::evaluate_ballot or vote::count, errc::busy.
[[nodiscard]] result<ballot_count> count_ballot(database& db, std::string_view ballot,
                                                const ballot_rules* rules = nullptr);

/// The codes as CSV for a mail merge: the header "unit,tenure,code", then one line per voter in roll order.
[[nodiscard]] std::string codes_csv(const std::vector<voter_code>& codes);
/// Turnout as text, one line per class and one for all: "secure_tenant: 31 of 48 voted (64.6%)".
[[nodiscard]] std::string to_text(const std::map<tenure_class, class_turnout>& t);
/// A count as text: a question's record (decision::to_markdown) or an election's (vote::to_text), then the line
/// "Digest of the 59 ballots counted: <64 hex digits>".
[[nodiscard]] std::string to_text(const ballot_count& c);

}  // namespace store
}  // namespace v1
}  // namespace tmo
