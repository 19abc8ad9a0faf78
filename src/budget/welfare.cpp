// Maximum utilitarian welfare: a 0/1 knapsack solved by depth-first branch and bound on integers. Costs are scaled
// to integers; items are sorted by welfare per unit of cost; the bound of a node is its welfare plus the fractional
// (linear relaxation) welfare of the items still open, compared without division.
#include <tmo/budget/welfare.hpp>

#include "detail.hpp"

#include <algorithm>
#include <numeric>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

struct knapsack {
    std::vector<integer> weight, value;  // in search order
    integer capacity;
    std::vector<bool> take, best_take;
    integer best = -1;

    // Welfare bound for items i.. with `room` left: whole items while they fit, then a fraction of the next.
    // Returns true when the bound (plus `value_so_far`) cannot beat the best found.
    bool hopeless(std::size_t i, const integer& room, const integer& value_so_far) const {
        integer whole = value_so_far, left = room;
        for (; i < weight.size(); ++i) {
            if (weight[i] <= left) {
                left -= weight[i];
                whole += value[i];
                continue;
            }
            // whole + left * value[i] / weight[i] <= best
            return whole * weight[i] + left * value[i] <= best * weight[i];
        }
        return whole <= best;
    }

    void search(std::size_t i, const integer& room, const integer& value_so_far) {
        if (i == weight.size()) {
            if (value_so_far > best) {
                best = value_so_far;
                best_take = take;
            }
            return;
        }
        if (hopeless(i, room, value_so_far)) return;
        if (weight[i] <= room) {
            take[i] = true;
            search(i + 1, room - weight[i], value_so_far + value[i]);
            take[i] = false;
        }
        search(i + 1, room, value_so_far);
    }
};

}  // namespace

result<outcome> max_welfare(const instance& inst, const welfare_options& options) {
    if (auto valid = validate(inst); !valid) return unexpected(valid.error());
    const std::size_t n = inst.projects.size();
    const std::vector<rational> scores = ballot_scores(inst);
    const detail::tie_ranker ranker(inst, options.ties, scores);

    integer scale = inst.budget.denominator();
    for (const project& p : inst.projects) scale = detail::lcm(scale, p.cost.denominator());
    std::vector<integer> cost(n), welfare(n);
    for (std::size_t p = 0; p < n; ++p) {
        cost[p] = inst.projects[p].cost.numerator() * (scale / inst.projects[p].cost.denominator());
        // Scores are whole (approvals or points); cost utilities weigh them by the cost.
        welfare[p] = options.util == utility::cost ? scores[p].numerator() * cost[p] : scores[p].numerator();
    }
    std::vector<std::size_t> order;
    for (std::size_t p = 0; p < n; ++p)
        if (welfare[p] > 0) order.push_back(p);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const integer lhs = welfare[a] * cost[b], rhs = welfare[b] * cost[a];
        if (lhs != rhs) return lhs > rhs;
        return ranker.rank(a) < ranker.rank(b);
    });
    knapsack k;
    for (std::size_t p : order) {
        k.weight.push_back(cost[p]);
        k.value.push_back(welfare[p]);
    }
    k.capacity = inst.budget.numerator() * (scale / inst.budget.denominator());
    k.take.assign(order.size(), false);
    k.best_take.assign(order.size(), false);
    k.search(0, k.capacity, integer(0));

    outcome out;
    out.rule = "max-welfare";
    out.options = {{"utility", name(options.util)}, {"ties", to_string(options.ties)}};
    rational left = inst.budget;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (!k.best_take[i]) continue;
        const std::size_t p = order[i];
        left -= inst.projects[p].cost;
        out.selected.push_back(p);
        out.rounds.push_back({p, options.util == utility::cost ? rational(welfare[p], scale) : rational(welfare[p]), std::nullopt, {}, left, std::nullopt, false});
    }
    out.cost = inst.budget - left;
    out.rejected = detail::default_rejections(inst, out.selected, rejection_reason::not_in_optimum);
    return out;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
