#include <tmo/budget/greedy.hpp>

#include "detail.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace budget {

result<outcome> greedy(const instance& inst, const greedy_options& options) {
    if (auto valid = validate(inst); !valid) return unexpected(valid.error());
    const std::size_t n = inst.projects.size();
    std::vector<rational> scores;
    if (options.source == score_source::score_column) {
        for (const project& p : inst.projects) {
            if (!p.score_column)
                return unexpected(errc::invalid_value, "project " + p.id + " has no score column value to rank by");
            scores.push_back(*p.score_column);
        }
    } else {
        scores = ballot_scores(inst);
    }
    const detail::tie_ranker ranker(inst, options.ties, scores);

    outcome out;
    out.rule = options.order == greedy_order::votes_per_cost ? "greedy-cost" : "greedy";
    if (!options.skip) out.rule += "-no-skip";
    if (options.threshold) out.rule += "-threshold";
    out.options = {{"order", options.order == greedy_order::votes ? "votes" : "votes per cost"},
                   {"skip", options.skip ? "yes" : "no"},
                   {"threshold", options.threshold ? options.threshold->to_string() : "none"},
                   {"score", options.source == score_source::ballots ? "ballots" : "score column"},
                   {"ties", to_string(options.ties)}};

    std::vector<rational> measure(n);
    for (std::size_t p = 0; p < n; ++p)
        measure[p] = options.order == greedy_order::votes ? scores[p] : scores[p] / inst.projects[p].cost;

    std::vector<std::optional<rejection>> rejected(n);
    std::vector<std::size_t> order;
    for (std::size_t p = 0; p < n; ++p) {
        if (!options.eligible.empty() && !options.eligible[p])
            rejected[p] = rejection{p, rejection_reason::ineligible, scores[p]};
        else if (options.threshold && scores[p] < *options.threshold)
            rejected[p] = rejection{p, rejection_reason::below_threshold, scores[p]};
        else
            order.push_back(p);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (measure[a] != measure[b]) return measure[a] > measure[b];
        if (ranker.rank(a) != ranker.rank(b)) return ranker.rank(a) < ranker.rank(b);
        return a < b;
    });

    rational left = inst.budget;
    bool stopped = false;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::size_t p = order[i];
        if (stopped) {
            rejected[p] = rejection{p, rejection_reason::stopped, inst.projects[p].cost};
            continue;
        }
        // Projects still waiting with the same measure: the tie matters only if they do not all fit.
        std::vector<std::size_t> tied{p};
        rational tied_cost = inst.projects[p].cost;
        for (std::size_t j = i + 1; j < order.size() && measure[order[j]] == measure[p]; ++j) {
            tied.push_back(order[j]);
            tied_cost += inst.projects[order[j]].cost;
        }
        std::optional<tie_record> tie;
        if (tied.size() > 1 && tied_cost > left) {
            auto settled = ranker.settle(tied);
            if (!settled) return unexpected(settled.error());
            tie = *settled;
        }
        if (inst.projects[p].cost <= left) {
            left -= inst.projects[p].cost;
            out.selected.push_back(p);
            out.rounds.push_back({p, measure[p], std::nullopt, {}, left, tie, false});
        } else {
            rejected[p] = rejection{p, rejection_reason::did_not_fit, left};
            if (!options.skip) stopped = true;
        }
    }
    out.cost = inst.budget - left;
    for (auto& r : rejected)
        if (r) out.rejected.push_back(std::move(*r));
    return out;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
