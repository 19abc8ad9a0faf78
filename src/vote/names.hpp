// Private: candidate names for the counting engines' results and sentences.
#pragma once

#include <tmo/vote/ballot.hpp>

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

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
