// Private: candidate names for the counting engines' results and sentences, and the sentences STV counts share.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// The candidates' names in file order.
inline std::vector<std::string> candidate_names(const profile& p) {
    std::vector<std::string> out;
    for (const candidate& c : p.candidates()) out.push_back(c.name);
    return out;
}

/// "A", "A and B", "A, B and C".
inline std::string join_names(const std::vector<std::string>& names, const std::vector<candidate_id>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
        out += names[ids[i]];
    }
    return out;
}

/// Starts the result of an STV count (rule, parameters, names, papers, display decimals) and its seats: `seats`, else
/// the profile's. `states` receives each candidate's starting state (withdrawn or continuing).
/// @return the seats, or errc::invalid_value if they are 0 or more than the candidates standing.
inline result<std::uint32_t> start_count(count_result& r, std::vector<candidate_state>& states, const profile& p,
                                         std::string rule, std::string parameters, unsigned decimals,
                                         std::optional<std::uint32_t> seats) {
    r.rule = std::move(rule);
    r.parameters = std::move(parameters);
    r.candidates = candidate_names(p);
    r.papers = p.papers();
    r.decimals = decimals;
    states.assign(p.candidate_count(), candidate_state::continuing);
    std::uint32_t standing = 0;
    for (std::uint32_t c = 0; c < p.candidate_count(); ++c) {
        if (p.candidates()[c].withdrawn)
            states[c] = candidate_state::withdrawn;
        else
            ++standing;
    }
    r.seats = seats.value_or(p.seats());
    if (r.seats == 0 || r.seats > standing)
        return unexpected(errc::invalid_value, "cannot fill " + std::to_string(r.seats) + " seat(s) from " +
                                                   std::to_string(standing) + " standing candidate(s)");
    return r.seats;
}

/// " A and B were elected without reaching the quota, as the only continuing candidates for the remaining seats."
/// (with a leading space), or "" when `ids` is empty.
inline std::string deemed_sentence(const std::vector<std::string>& names, const std::vector<candidate_id>& ids) {
    if (ids.empty()) return {};
    const bool one = ids.size() == 1;
    return " " + join_names(names, ids) + (one ? " was" : " were") +
           " elected without reaching the quota, as the only continuing candidate" + (one ? "" : "s") +
           " for the remaining " + (one ? "seat." : "seats.");
}

/// Elects every continuing candidate, most votes first (`more` orders two candidates), as deemed elected: their
/// states, the result's and the stage's lists of the elected, and the sentence added to the stage's explanation.
template <class More>
void elect_remaining(std::vector<candidate_state>& states, count_result& r, stage& s, More more) {
    std::vector<candidate_id> rest;
    for (candidate_id c = 0; c < states.size(); ++c)
        if (states[c] == candidate_state::continuing) rest.push_back(c);
    std::stable_sort(rest.begin(), rest.end(), more);
    for (candidate_id c : rest) {
        states[c] = candidate_state::elected;
        r.elected.push_back(c);
        s.elected.push_back(c);
        s.deemed_elected.push_back(c);
    }
    s.explanation += deemed_sentence(r.candidates, rest);
}

/// The number of continuing candidates.
inline std::size_t continuing_count(const std::vector<candidate_state>& states) {
    return static_cast<std::size_t>(std::count(states.begin(), states.end(), candidate_state::continuing));
}

/// The summary of an STV count: for each elected candidate, the stage and whether by the quota or as a remaining
/// candidate; then the number of stages.
inline std::string elected_summary(const count_result& r) {
    std::string out;
    for (candidate_id c : r.elected) {
        std::size_t at = 0;
        bool deemed = false;
        for (const stage& s : r.stages)
            if (std::find(s.elected.begin(), s.elected.end(), c) != s.elected.end()) {
                at = s.number;
                deemed = std::find(s.deemed_elected.begin(), s.deemed_elected.end(), c) != s.deemed_elected.end();
            }
        out += r.candidates[c] + " was elected at stage " + std::to_string(at) +
               (deemed ? " as a remaining candidate for a remaining seat. " : " by reaching the quota. ");
    }
    return out + "The count took " + std::to_string(r.stages.size()) + (r.stages.size() == 1 ? " stage." : " stages.");
}

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
