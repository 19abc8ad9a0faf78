#include <tmo/vote/ballot.hpp>

#include "text.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

// FNV-1a over the candidate numbers and rank-sharing flags.
std::uint64_t hash_marks(std::span<const mark> marks) noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const mark& m : marks) {
        const std::uint64_t word = (std::uint64_t{m.candidate} << 1) | (m.shares_rank ? 1u : 0u);
        for (int shift = 0; shift < 40; shift += 8) {
            h ^= (word >> shift) & 0xFFu;
            h *= 1099511628211ull;
        }
    }
    return h;
}

}  // namespace

bool ballot::has_equal_ranks() const noexcept {
    return std::any_of(marks.begin(), marks.end(), [](const mark& m) { return m.shares_rank || m.candidate == overvote_mark; });
}

std::vector<std::vector<candidate_id>> ballot::rank_groups() const {
    std::vector<std::vector<candidate_id>> groups;
    for (const mark& m : marks) {
        if (!m.shares_rank || groups.empty()) groups.emplace_back();
        if (m.candidate != no_candidate && m.candidate != overvote_mark) groups.back().push_back(m.candidate);
    }
    return groups;
}

profile::profile(std::vector<candidate> candidates, std::uint32_t seats, std::string title)
    : candidates_(std::move(candidates)), seats_(seats), title_(std::move(title)) {}

result<void> profile::set_name(candidate_id c, std::string name) {
    if (c >= candidates_.size())
        return unexpected(errc::invalid_argument, "candidate " + std::to_string(c + 1ull) + " does not exist");
    candidates_[c].name = std::move(name);
    return {};
}

result<void> profile::withdraw(candidate_id c) {
    if (c >= candidates_.size())
        return unexpected(errc::invalid_argument, "candidate " + std::to_string(c + 1ull) + " does not exist");
    candidates_[c].withdrawn = true;
    return {};
}

result<void> profile::add(std::span<const mark> marks, std::uint64_t count, std::string id) {
    if (count == 0) return unexpected(errc::invalid_argument, "a ballot must stand for at least one paper");
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const mark& m = marks[i];
        if (m.candidate != no_candidate && m.candidate != overvote_mark && m.candidate >= candidates_.size())
            return unexpected(errc::invalid_argument,
                              "candidate " + std::to_string(m.candidate + 1ull) + " does not exist (there are " +
                                  std::to_string(candidates_.size()) + " candidates)");
        if (i == 0 && m.shares_rank)
            return unexpected(errc::invalid_argument, "the first preference cannot share a rank with an earlier one");
    }
    constexpr std::uint64_t limit = std::uint64_t{1} << 63;
    if (count > limit - papers_) return unexpected(errc::overflow, "more than 2^63 papers");

    const std::uint64_t h = hash_marks(marks);
    if (2 * (ballots_.size() + 1) > slot_ballot_.size()) {
        // Grow to keep the index at most half full, re-placing every ballot.
        const std::size_t size = std::max<std::size_t>(64, 2 * slot_ballot_.size());
        std::vector<std::uint64_t> hashes(size);
        std::vector<std::size_t> places(size, 0);
        for (std::size_t i = 0; i < slot_ballot_.size(); ++i) {
            if (slot_ballot_[i] == 0) continue;
            std::size_t j = slot_hash_[i] & (size - 1);
            while (places[j] != 0) j = (j + 1) & (size - 1);
            hashes[j] = slot_hash_[i];
            places[j] = slot_ballot_[i];
        }
        slot_hash_ = std::move(hashes);
        slot_ballot_ = std::move(places);
    }
    const std::size_t mask = slot_ballot_.size() - 1;
    std::size_t slot = h & mask;
    std::size_t at = ballots_.size();
    for (; slot_ballot_[slot] != 0; slot = (slot + 1) & mask) {
        if (slot_hash_[slot] != h) continue;
        const auto& existing = ballots_[slot_ballot_[slot] - 1].marks;
        if (std::equal(existing.begin(), existing.end(), marks.begin(), marks.end())) {
            at = slot_ballot_[slot] - 1;
            break;
        }
    }
    if (at == ballots_.size()) {
        ballots_.push_back(ballot{{marks.begin(), marks.end()}, count, {}});
        slot_hash_[slot] = h;
        slot_ballot_[slot] = at + 1;
    } else {
        ballots_[at].count += count;
    }
    if (!id.empty()) ballots_[at].ids.push_back(std::move(id));
    papers_ += count;
    return {};
}

result<void> profile::validate() const {
    if (candidates_.empty()) return unexpected(errc::invalid_value, "the election has no candidates");
    if (seats_ == 0) return unexpected(errc::invalid_value, "the number of seats must be at least 1");
    if (seats_ > candidates_.size())
        return unexpected(errc::invalid_value, std::to_string(seats_) + " seats but only " +
                                                   std::to_string(candidates_.size()) + " candidates");
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        if (detail::trim(candidates_[i].name).empty())
            return unexpected(errc::invalid_value, "candidate " + std::to_string(i + 1) + " has no name");
        if (const std::size_t bad = detail::invalid_utf8_at(candidates_[i].name); bad != std::string::npos)
            return unexpected(errc::invalid_value, "the name of candidate " + std::to_string(i + 1) +
                                                       " is not UTF-8 text (byte " + std::to_string(bad + 1) + ")");
    }
    return {};
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
