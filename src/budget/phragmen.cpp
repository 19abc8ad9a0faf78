// Sequential Phragmén. After each purchase all of the project's supporters carry the same load, so the distinct
// loads are at most one more than the rounds: each ballot carries the id of its load class and a class's load is
// stored once, as an exact rational over the scaled (integer) costs. Loads never decrease, so a project's new load
// ℓ(p) never decreases either and each round re-evaluates projects lazily in order of their last ℓ.
#include <tmo/budget/phragmen.hpp>

#include "detail.hpp"

#include <queue>

namespace tmo {
inline namespace v1 {
namespace budget {

result<outcome> phragmen(const instance& inst, const phragmen_options& options) {
    if (auto valid = validate(inst); !valid) return unexpected(valid.error());
    const std::size_t n = inst.projects.size();
    const std::vector<rational> scores = ballot_scores(inst);
    const detail::tie_ranker ranker(inst, options.ties, scores);

    // Supporters of each project (ballot indices) and their number.
    std::vector<std::vector<std::uint32_t>> supporters(n);
    std::vector<std::uint64_t> support(n, 0);
    for (std::size_t b = 0; b < inst.ballots.size(); ++b) {
        const ballot& bal = inst.ballots[b];
        for (std::size_t k = 0; k < bal.projects.size(); ++k) {
            if (!bal.points.empty() && bal.points[k] <= 0 && inst.type != vote_type::ordinal) continue;
            supporters[bal.projects[k]].push_back(static_cast<std::uint32_t>(b));
            support[bal.projects[k]] += bal.multiplicity;
        }
    }

    std::vector<rational> load{rational(0)};       // per class
    std::vector<std::uint32_t> ballot_class(inst.ballots.size(), 0);
    std::vector<std::uint64_t> scratch;
    std::vector<std::uint32_t> touched;
    // Supporters of p grouped by load class: (class, voters).
    const auto groups_of = [&](std::size_t p) {
        scratch.resize(load.size(), 0);
        touched.clear();
        for (std::uint32_t b : supporters[p]) {
            const std::uint32_t c = ballot_class[b];
            if (scratch[c] == 0) touched.push_back(c);
            scratch[c] += inst.ballots[b].multiplicity;
        }
        std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
        for (std::uint32_t c : touched) {
            out.emplace_back(c, scratch[c]);
            scratch[c] = 0;
        }
        return out;
    };
    const auto new_load = [&](std::size_t p) {
        rational total = inst.projects[p].cost;
        for (const auto& [c, voters] : groups_of(p)) total += load[c] * rational(voters);
        return total / rational(support[p]);
    };

    struct entry {
        rational load;
        std::size_t project;
        std::size_t round;
    };
    const auto later = [](const entry& a, const entry& b) { return b.load < a.load; };
    std::priority_queue<entry, std::vector<entry>, decltype(later)> queue(later);
    for (std::size_t p = 0; p < n; ++p)
        if (support[p] > 0) queue.push({rational(), p, 0});

    outcome out;
    out.rule = options.skip ? "phragmen-skip" : "phragmen";
    out.options = {{"stop", options.skip ? "skip misfits" : "at the first misfit"}, {"ties", to_string(options.ties)}};
    std::vector<std::optional<rejection>> rejected(n);
    rational left = inst.budget;
    bool ended = false;
    for (std::size_t round = 1; !ended; ++round) {
        std::optional<rational> best;
        std::vector<std::size_t> tied;
        while (!queue.empty()) {
            const entry top = queue.top();
            if (best && *best < top.load) break;
            queue.pop();
            if (top.round != round) {
                queue.push({new_load(top.project), top.project, round});
                continue;
            }
            if (!best) best = top.load;
            tied.push_back(top.project);
        }
        if (tied.empty()) break;
        std::size_t p = tied.front();
        std::optional<tie_record> tie;
        if (tied.size() > 1) {
            auto settled = ranker.settle(tied);
            if (!settled) return unexpected(settled.error());
            tie = *settled;
            p = settled->chosen;
        }
        for (std::size_t q : tied)
            if (q != p) queue.push({*best, q, 0});
        if (inst.projects[p].cost > left) {
            if (options.skip) {
                rejected[p] = rejection{p, rejection_reason::did_not_fit, left};
                continue;
            }
            rejected[p] = rejection{p, rejection_reason::over_budget, left};
            ended = true;
            break;
        }
        purchase record;
        record.project = p;
        record.measure = *best;
        const std::uint32_t next = static_cast<std::uint32_t>(load.size());
        load.push_back(*best);
        for (const auto& [c, voters] : groups_of(p)) record.payments.push_back({voters, *best - load[c], load[c], false});
        for (std::uint32_t b : supporters[p]) ballot_class[b] = next;
        left -= inst.projects[p].cost;
        record.budget_left = left;
        record.tie = tie;
        out.selected.push_back(p);
        out.rounds.push_back(std::move(record));
    }
    out.cost = inst.budget - left;
    std::vector<bool> chosen(n, false);
    for (std::size_t p : out.selected) chosen[p] = true;
    for (std::size_t p = 0; p < n; ++p) {
        if (chosen[p]) continue;
        out.rejected.push_back(rejected[p] ? *rejected[p] : rejection{p, rejection_reason::not_reached, inst.projects[p].cost});
    }
    return out;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
