// tmo/vote/ties.hpp: how a count settles a tie, and the record it keeps of every tie (counting.md §4).
//
// A tie is settled by a chain of methods tried left to right until one of them picks a single candidate, e.g. the
// Scottish statutory chain "backwards, lot". Every tie met during a count is recorded in the result with the
// candidates, their equal value, the method that settled it and the candidate chosen, so that the count can be
// audited and re-run by hand.
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// One way of settling a tie.
enum class tie_method {
    /// Look back from the most recent earlier stage to stage 1 for a stage at which the tied candidates differed;
    /// a surplus goes to the one higher there, an exclusion to the one lower (Scottish rules 49(2), 51(2)).
    backwards,
    /// The same, looking from stage 1 forwards.
    forwards,
    /// A fixed order (tie_chain::order, else the ballot file's `[tie ...]` line): the earliest listed candidate is
    /// favoured (its surplus goes first, it is elected) and the latest listed is excluded.
    candidate_order,
    /// The seeded SHA-256 draw of counting.md §4.2 (tie_chain::seed).
    lot,
    /// The returning officer's decisions, used in order (tie_chain::manual): each names the candidate the rule
    /// acts on (excluded, transferred first or elected). A missing decision, one naming a candidate not in the tie,
    /// and decisions left over at the end of the count are errors.
    manual,
    /// Stop the count with an error listing the tie.
    error,
};

/// The command-line name: "backwards", "forwards", "order", "lot", "manual", "error". Never null.
[[nodiscard]] const char* name(tie_method m) noexcept;

/// Readings of "the most recent stage at which they had unequal votes" when three or more candidates tie
/// (counting.md §3.1 note). For two candidates both readings agree.
enum class look_back_reading {
    one_extreme,   ///< (a) a stage at which exactly one of them was highest (surplus) or lowest (exclusion); default
    all_unequal,   ///< (b) a stage at which all of them had different votes
};

/// An ordered chain of tie-breaking methods and the data they need.
struct tie_chain {
    std::vector<tie_method> methods{tie_method::backwards, tie_method::lot};
    look_back_reading reading = look_back_reading::one_extreme;
    std::optional<std::string> seed;         ///< the published seed for `lot`; lot fails without one
    std::vector<candidate_id> order;         ///< for candidate_order; empty = the profile's tie order
    std::vector<candidate_id> manual;        ///< for manual: the chosen candidate of each manual decision, in order

    friend bool operator==(const tie_chain&, const tie_chain&) = default;
};

/// Parses a comma-separated chain ("backwards,lot"). @return the methods, or errc::invalid_value naming the unknown
/// method and the accepted names.
[[nodiscard]] result<std::vector<tie_method>> parse_tie_methods(std::string_view list);

/// What a tie was about.
enum class tie_kind {
    surplus,    ///< equal largest surpluses: whose surplus is transferred first
    exclusion,  ///< equal lowest votes: who is excluded
    election,   ///< equal votes for the last seat(s): who is elected
};

/// A tie met during a count and how it was settled.
struct tie_record {
    std::size_t stage = 0;              ///< the stage the decision leads to (the stage that transfers or excludes)
    tie_kind kind = tie_kind::exclusion;
    std::vector<candidate_id> tied;     ///< the tied candidates, ascending
    rational value;                     ///< their equal votes (or surpluses)
    tie_method method = tie_method::lot;  ///< the method that settled it
    std::size_t decisive_stage = 0;     ///< backwards/forwards: the earlier stage that separated them, else 0
    std::vector<std::uint64_t> draws;   ///< lot: the counters hashed (more than one if a draw was rejected)
    candidate_id chosen = no_candidate;  ///< the candidate the rule acted on
    std::string explanation;            ///< one plain sentence
};

/// The SHA-256 digest of `text` (libsodium).
[[nodiscard]] std::array<unsigned char, 32> sha256(std::string_view text);

/// One step of the draw by lot: reads `digest` as a 256-bit big-endian number k and returns k mod n, or nothing if
/// k >= floor(2^256 / n) * n (the draw is rejected to avoid bias and the caller hashes the next counter).
/// Precondition: n >= 1.
[[nodiscard]] std::optional<std::size_t> lot_index(const std::array<unsigned char, 32>& digest, std::size_t n);

/// The deterministic draw by lot of counting.md §4.2: hashes "seed,counter" with SHA-256, counter from 0.
class lot_generator {
public:
    explicit lot_generator(std::string seed) : seed_(std::move(seed)) {}
    /// An integer in [0, n), n >= 1. `counters`, if given, receives every counter value hashed for this draw.
    [[nodiscard]] std::size_t draw(std::size_t n, std::vector<std::uint64_t>* counters = nullptr);
    /// The next counter value to be hashed.
    [[nodiscard]] std::uint64_t counter() const noexcept { return counter_; }
    [[nodiscard]] const std::string& seed() const noexcept { return seed_; }

private:
    std::string seed_;
    std::uint64_t counter_ = 0;
};

}  // namespace vote
}  // namespace v1
}  // namespace tmo
