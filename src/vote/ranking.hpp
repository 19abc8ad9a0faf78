// Private: a ballot read as a ranking, for the rules that compare positions (Condorcet, Borda).
#pragma once

#include <tmo/vote/ballot.hpp>

#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// Reads `b` as rank groups of standing candidates, most preferred first (a group of several = an equal ranking).
/// Blank ranks are passed over, candidates not `standing` (withdrawn) are left out, a candidate marked again later
/// is passed over, and the ranking ends at an unnamed overvote (overvote_mark), whose candidates cannot be placed.
/// `seen` is scratch space of one flag per candidate, all false on entry and on return.
/// @return the groups; empty if the ballot ranks no standing candidate (an invalid paper).
inline std::vector<std::vector<candidate_id>> read_ranking(const ballot& b, const std::vector<bool>& standing,
                                                           std::vector<bool>& seen) {
    std::vector<std::vector<candidate_id>> groups;
    bool open = false;  // the last group may take a mark that shares its rank
    for (const mark& m : b.marks) {
        if (m.candidate == overvote_mark) break;
        if (!m.shares_rank) open = false;
        if (m.candidate == no_candidate || !standing[m.candidate] || seen[m.candidate]) continue;
        seen[m.candidate] = true;
        if (!open) groups.emplace_back();
        groups.back().push_back(m.candidate);
        open = true;
    }
    for (const auto& g : groups)
        for (candidate_id c : g) seen[c] = false;
    return groups;
}

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
