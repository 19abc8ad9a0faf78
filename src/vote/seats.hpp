// Private: the counts done in a single stage (plurality, block, approval, Condorcet, Borda): their common start and
// end, and how they fill the seats from candidates put in order, with the tie chain where the order cannot decide.
#pragma once

#include "names.hpp"
#include "tie_breaker.hpp"

#include <tmo/vote/count.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// A single-stage count under way: the result so far, its one stage, the standing candidates and the seats.
struct single_stage {
    count_result res;
    stage s;
    std::vector<candidate_id> standing;
    std::uint32_t seats = 0;
};

/// Checks `p` and the seats, and starts the result (rule `name` with `parameters`) and its stage 1, whose states
/// mark withdrawn candidates. `seats` overrides the profile's.
/// @return errc::invalid_value if the profile is not valid or the seats are 0 or more than the standing candidates.
inline result<single_stage> start_single_stage(const profile& p, std::string name, std::string parameters,
                                               std::optional<std::uint32_t> seats) {
    if (auto r = p.validate(); !r) return unexpected(r.error());
    single_stage c;
    c.res.rule = std::move(name);
    c.res.parameters = std::move(parameters);
    c.res.candidates = candidate_names(p);
    c.res.papers = p.papers();
    c.s.number = 1;
    c.s.action = stage_action::first_preferences;
    c.s.states.assign(p.candidate_count(), candidate_state::continuing);
    for (candidate_id x = 0; x < p.candidate_count(); ++x) {
        if (p.candidates()[x].withdrawn)
            c.s.states[x] = candidate_state::withdrawn;
        else
            c.standing.push_back(x);
    }
    c.seats = seats.value_or(p.seats());
    if (c.seats == 0 || c.seats > c.standing.size())
        return unexpected(errc::invalid_value, "cannot fill " + std::to_string(c.seats) + " seat(s) from " +
                                                   std::to_string(c.standing.size()) + " standing candidate(s)");
    c.res.seats = c.seats;
    return c;
}

/// Ends the count: `elected` (in order) marked in the stage and the result, the stage added, unused manual
/// decisions refused. The caller has written the explanation and the summary.
inline result<count_result> finish_single_stage(single_stage& c, const std::vector<candidate_id>& elected,
                                                const tie_breaker& ties) {
    if (auto r = ties.finish(); !r) return unexpected(r.error());
    for (candidate_id x : elected) c.s.states[x] = candidate_state::elected;
    c.s.elected = elected;
    c.res.elected = elected;
    c.res.stages.push_back(std::move(c.s));
    return std::move(c.res);
}

/// Elects `seats` candidates from `tiers`: groups of candidates the rule ranks equal, best group first. Whole tiers
/// are elected while they fit (a tier's candidates in candidate order); from the first tier that does not fit, the
/// tie chain picks one candidate at a time until the seats are filled. Each pick is recorded in `s.ties` as a
/// tie_kind::election tie with `value` (the tier's common value) and `words` (default: equal votes). `s` is the
/// count's only stage; the look-back methods see no earlier stage.
/// Precondition: the tiers hold at least `seats` candidates.
/// @return the elected candidates in order, or the tie chain's error.
inline result<std::vector<candidate_id>> fill_seats(const std::vector<std::vector<candidate_id>>& tiers,
                                                    std::uint32_t seats, tie_breaker& ties,
                                                    const std::vector<rational>& values, stage& s,
                                                    const std::optional<tie_words>& words = std::nullopt) {
    std::vector<candidate_id> elected;
    for (std::size_t t = 0; t < tiers.size() && elected.size() < seats; ++t) {
        std::vector<candidate_id> tier = tiers[t];
        if (elected.size() + tier.size() <= seats) {
            elected.insert(elected.end(), tier.begin(), tier.end());
            continue;
        }
        const std::vector<stage> history{s};
        while (elected.size() < seats) {
            auto rec = ties.settle(tie_kind::election, tier, values[t], history, s.number, words);
            if (!rec) return unexpected(rec.error());
            elected.push_back(rec->chosen);
            std::erase(tier, rec->chosen);
            s.ties.push_back(std::move(*rec));
        }
    }
    return elected;
}

/// Candidates put in tiers of equal value, highest value first: each tier's candidates in candidate order, and the
/// tiers' values beside them.
struct value_tiers {
    std::vector<std::vector<candidate_id>> tiers;
    std::vector<rational> values;
};

/// The `candidates` in tiers of equal `value[c]`, highest first.
inline value_tiers tiers_by_value(std::vector<candidate_id> candidates, const std::vector<rational>& value) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](candidate_id x, candidate_id y) { return value[x] > value[y]; });
    value_tiers out;
    for (candidate_id c : candidates) {
        if (out.tiers.empty() || out.values.back() != value[c]) {
            out.tiers.emplace_back();
            out.values.push_back(value[c]);
        }
        out.tiers.back().push_back(c);
    }
    return out;
}

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
