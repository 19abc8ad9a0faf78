// Generated elections for the property tests: seeded, so every run counts the same elections.
#pragma once

#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace tmo_test {

/// Checks at every stage: Σ votes + non-transferable (running total) + rounding loss (running total) = the valid
/// vote, and the stage's transfers + non-transferable + loss add up to what the stage moved (the valid vote at
/// stage 1, else 0).
inline void check_conservation(const tmo::vote::count_result& r) {
    using tmo::rational;
    for (const tmo::vote::stage& s : r.stages) {
        rational sum = s.non_transferable_total + s.rounding_loss_total;
        for (const rational& v : s.votes) sum += v;
        INFO("stage " << s.number);
        CHECK(sum == r.valid_vote);
        rational moved;
        for (const rational& t : s.transfers) moved += t;
        CHECK(moved + s.non_transferable + s.rounding_loss == rational(s.number == 1 ? r.valid_vote : rational()));
    }
}

/// A random election: `cands` candidates, `seats` seats, `distinct` ballots ranking a random number (1 to all) of
/// candidates in random order, each with a random count from 1 to `max_count`. With `equal_ranks`, each mark after
/// the first shares the previous mark's rank with probability 1/4.
inline tmo::vote::profile generated(std::mt19937_64& rng, std::uint32_t cands, std::uint32_t seats, int distinct,
                                    bool equal_ranks = false, std::uint64_t max_count = 40) {
    using namespace tmo::vote;
    std::vector<candidate> list;
    for (std::uint32_t c = 0; c < cands; ++c) list.push_back({"C" + std::to_string(c + 1)});
    profile p(std::move(list), seats, "generated");
    std::vector<candidate_id> order(cands);
    for (int b = 0; b < distinct; ++b) {
        for (candidate_id c = 0; c < cands; ++c) order[c] = c;
        std::shuffle(order.begin(), order.end(), rng);
        const auto length = std::uniform_int_distribution<std::uint32_t>(1, cands)(rng);
        std::vector<mark> marks;
        for (std::uint32_t i = 0; i < length; ++i)
            marks.push_back({order[i], equal_ranks && i > 0 && std::uniform_int_distribution<int>(0, 3)(rng) == 0});
        REQUIRE(p.add(marks, std::uniform_int_distribution<std::uint64_t>(1, max_count)(rng)).has_value());
    }
    return p;
}

/// The same election with its papers added one at a time in a random order (identical papers merge again).
inline tmo::vote::profile reordered(const tmo::vote::profile& p, std::mt19937_64& rng) {
    using namespace tmo::vote;
    std::vector<const ballot*> papers;
    for (const ballot& b : p.ballots())
        for (std::uint64_t i = 0; i < b.count; ++i) papers.push_back(&b);
    std::shuffle(papers.begin(), papers.end(), rng);
    profile q(p.candidates(), p.seats(), p.title());
    for (const ballot* b : papers) REQUIRE(q.add(b->marks, 1).has_value());
    return q;
}

}  // namespace tmo_test
