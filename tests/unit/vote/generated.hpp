// Helpers for the STV property tests: random elections and the accounting identity.
#pragma once

#include <tmo/vote/count.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace gen {

using tmo::rational;
using namespace tmo::vote;

/// Checks at every stage: Σ votes + non-transferable (running total) + rounding loss (running total) = the valid
/// vote, and the stage's transfers + non-transferable + loss add up to what the stage moved (the valid vote at
/// stage 1, else 0).
inline void check_conservation(const count_result& r) {
    for (const stage& s : r.stages) {
        rational sum = s.non_transferable_total + s.rounding_loss_total;
        for (const rational& v : s.votes) sum += v;
        INFO("stage " << s.number);
        CHECK(sum == r.valid_vote);
        rational moved;
        for (const rational& t : s.transfers) moved += t;
        CHECK(moved + s.non_transferable + s.rounding_loss == rational(s.number == 1 ? r.valid_vote : rational()));
    }
}

/// A random election: `cands` candidates, `seats` seats, `distinct` ballots of random length with random counts
/// (1 to 40). With `equal_ranks`, about one mark in four after the first shares the rank of the mark before it.
inline profile generated(std::mt19937_64& rng, std::uint32_t cands, std::uint32_t seats, int distinct,
                         bool equal_ranks = false) {
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
        (void)p.add(marks, std::uniform_int_distribution<std::uint64_t>(1, 40)(rng));
    }
    return p;
}

/// The same ballots added in a random order.
inline profile shuffled(const profile& p, std::mt19937_64& rng) {
    std::vector<ballot> ballots = p.ballots();
    std::shuffle(ballots.begin(), ballots.end(), rng);
    profile q(p.candidates(), p.seats(), p.title());
    for (const ballot& b : ballots) (void)q.add(b.marks, b.count);
    return q;
}

}  // namespace gen
