// Private: candidate names for the counting engines' results and sentences, and the sentences STV counts share.
#pragma once

#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>

#include <algorithm>
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

/// " A and B were elected without reaching the quota, as the only continuing candidates for the remaining seats."
/// (with a leading space), or "" when `ids` is empty.
inline std::string deemed_sentence(const std::vector<std::string>& names, const std::vector<candidate_id>& ids) {
    if (ids.empty()) return {};
    const bool one = ids.size() == 1;
    return " " + join_names(names, ids) + (one ? " was" : " were") +
           " elected without reaching the quota, as the only continuing candidate" + (one ? "" : "s") +
           " for the remaining " + (one ? "seat." : "seats.");
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
