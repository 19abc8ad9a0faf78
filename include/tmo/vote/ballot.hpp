// tmo/vote/ballot.hpp: candidates, ranked ballots and the ballot profile every counting rule reads.
//
// A ballot is kept exactly as the voter marked it (the *raw* ballot): preferences in order, equal rankings and
// ranks left blank included. How a rule reads those marks (skip a blank rank, reject an equal ranking, ignore a
// candidate ranked twice) is decided by the rule when it counts, never when the ballot is stored, so the same
// profile can be counted under several rules. Identical ballots are merged into one entry with a count, so the
// work of counting grows with the number of *different* ballots, not with the number of papers.
//
// The same marks serve the other kinds of paper: a single-mark (plurality) paper is a ballot with one mark, and an
// approval paper is a ballot whose marks are the approved candidates, in any order, sharing a rank or not (BLT
// `1 3 4 0` and `1=3=4 0` approve the same three); the rules that read marks and not ranks (plurality.hpp) say how.
// Score (range) ballots are not represented: no rule of the library reads scores.
#pragma once

#include <tmo/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// A candidate's number: its 0-based position in the candidate list (the order of the ballot file).
/// Files and printed results number candidates from 1; the library converts at the edges.
using candidate_id = std::uint32_t;

/// Stands for "no candidate": a rank the voter left blank (`-` in a BLT ballot).
inline constexpr candidate_id no_candidate = 0xFFFFFFFFu;

/// Stands for an overvoted rank whose candidates the source does not name (`$OVERVOTE` in a long-format file).
/// Rules read it as a rank marked for more than one candidate.
inline constexpr candidate_id overvote_mark = 0xFFFFFFFEu;

/// One mark on a ranked ballot, read from the most preferred to the least preferred.
struct mark {
    /// the candidate ranked here, no_candidate for a blank rank, or overvote_mark for an unnamed overvote
    candidate_id candidate = no_candidate;
    bool shares_rank = false;  ///< true if this candidate has the same rank as the previous mark ("1=3")

    friend bool operator==(const mark&, const mark&) = default;
};

/// A ranked ballot as marked, and how many identical papers carry it.
struct ballot {
    std::vector<mark> marks;       ///< the preferences in order (may be empty: a paper with no valid preference)
    std::uint64_t count = 1;       ///< the number of identical papers (at least 1)
    std::vector<std::string> ids;  ///< the ids of those papers when the source gives them (BLT "(id)"), else empty

    /// True if two marks share a rank (an equal ranking or, in US terms, an overvote) or a mark is overvote_mark.
    [[nodiscard]] bool has_equal_ranks() const noexcept;
    /// The preferences as rank groups: one group per rank, most preferred first; a blank rank is an empty group, and
    /// so is an unnamed overvote (overvote_mark): has_equal_ranks() tells the two apart.
    [[nodiscard]] std::vector<std::vector<candidate_id>> rank_groups() const;
};

/// A candidate standing in the election.
struct candidate {
    std::string name;
    bool withdrawn = false;  ///< a withdrawn candidate is treated as absent from every ballot
    /// Stands for all write-ins the source does not name (RCTab's "undeclared write-ins": a cell `UWI`, a `Write-In`
    /// column). Instant-runoff excludes such a candidate before any other; the other rules count it as a candidate.
    bool write_in = false;

    friend bool operator==(const candidate&, const candidate&) = default;
};

/// An election's ballots: the candidates, the number of seats, and every different ballot with its count.
///
/// Ballots keep the order in which each different ballot was first added. Thread safety: a const profile may be
/// read (and counted) from several threads at once.
class profile {
public:
    /// An empty profile. @throws nothing; an invalid combination is reported by validate().
    profile() = default;
    profile(std::vector<candidate> candidates, std::uint32_t seats, std::string title = {});

    [[nodiscard]] const std::vector<candidate>& candidates() const noexcept { return candidates_; }
    [[nodiscard]] std::uint32_t candidate_count() const noexcept {
        return static_cast<std::uint32_t>(candidates_.size());
    }
    [[nodiscard]] std::uint32_t seats() const noexcept { return seats_; }
    [[nodiscard]] const std::string& title() const noexcept { return title_; }
    /// The different ballots with their counts, in order of first appearance.
    [[nodiscard]] const std::vector<ballot>& ballots() const noexcept { return ballots_; }
    /// The number of papers (the sum of all counts).
    [[nodiscard]] std::uint64_t papers() const noexcept { return papers_; }

    void set_seats(std::uint32_t seats) noexcept { seats_ = seats; }
    void set_title(std::string title) { title_ = std::move(title); }
    /// Renames candidate `c`. @return errc::invalid_argument if c is not a candidate.
    result<void> set_name(candidate_id c, std::string name);
    /// Marks candidate `c` as withdrawn. @return errc::invalid_argument if c is not a candidate.
    result<void> withdraw(candidate_id c);

    /// Adds `count` papers marked `marks`, merging them with an identical ballot already present; `id`, when not
    /// empty, is recorded as the id of this paper.
    /// @return errc::invalid_argument if count is 0, a mark names no candidate of this profile (no_candidate and
    ///         overvote_mark are accepted), or the first mark
    ///         claims to share a rank; errc::overflow if the number of papers would exceed 2^63.
    result<void> add(std::span<const mark> marks, std::uint64_t count = 1, std::string id = {});

    /// A tie-break order given with the ballots (a BLT `[tie ...]` line), first = favoured; empty if none.
    [[nodiscard]] const std::vector<candidate_id>& tie_order() const noexcept { return tie_order_; }
    void set_tie_order(std::vector<candidate_id> order) { tie_order_ = std::move(order); }

    /// Checks the election as a whole: at least one candidate, 1 <= seats <= candidates, names UTF-8 and not empty or
    /// blank (only spaces, tabs and line breaks).
    /// @return errc::invalid_value describing the first problem.
    [[nodiscard]] result<void> validate() const;

private:
    std::vector<candidate> candidates_;
    std::uint32_t seats_ = 0;
    std::string title_;
    std::vector<ballot> ballots_;
    std::uint64_t papers_ = 0;
    std::vector<candidate_id> tie_order_;
    // An open-addressing index of ballots_ by the hash of their marks (linear probing, a power-of-two size, at most
    // half full): slot_hash_[i] is the hash and slot_ballot_[i] the position in ballots_ + 1 (0 = empty slot).
    std::vector<std::uint64_t> slot_hash_;
    std::vector<std::size_t> slot_ballot_;
};

}  // namespace vote
}  // namespace v1
}  // namespace tmo
