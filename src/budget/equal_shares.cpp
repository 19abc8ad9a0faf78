// The Method of Equal Shares, exact and fast.
//
// Money is held as integers: costs and the budget are first scaled to whole numbers (by the common denominator L of
// their decimals), and every voter's remaining money is a numerator over one common denominator D shared by all
// voters. Buying a project at price τ per point gives the uncapped supporters a payment τ·points; D is multiplied
// by the part of τ's denominator it lacks, and every amount is rescaled, so that all comparisons are comparisons
// of integers. Voters with the same ballot always hold the same money, and ballots whose voters hold the same
// money and have the same points on a project are one group for that project: each ballot carries the id of its
// money class, and a class's value is stored once.
//
// ρ (the price per unit of utility) never decreases from round to round, so each round re-evaluates projects in
// order of their last ρ and stops once the last ρ of the next one exceeds the best ρ found (a lazy priority queue).
#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/greedy.hpp>

#include "detail.hpp"

#include <algorithm>
#include <map>
#include <queue>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

// What stays the same across the runs of one call (the Add1 scan makes many runs).
struct mes_model {
    const instance& inst;
    utility util;
    integer scale;                   // L: costs × L and budget × L are integers
    std::vector<integer> cost;       // C_p = cost × L
    integer budget;                  // B × L
    std::vector<integer> factor;     // ρ = τ / factor: C_p for cost utilities, L for cardinality
    std::vector<std::uint64_t> weight;  // ballot multiplicities
    struct supporter {
        std::uint32_t ballot;
        std::uint32_t point_index;   // into points[p]
    };
    std::vector<std::vector<supporter>> supporters;
    std::vector<std::vector<std::int64_t>> points;  // per project: the distinct positive point values
    std::vector<bool> eligible;
    std::vector<rational> scores;

    mes_model(const instance& i, utility u, std::vector<bool> eligible_projects)
        : inst(i), util(u), eligible(std::move(eligible_projects)), scores(ballot_scores(i)) {
        scale = 1;
        scale = detail::lcm(scale, inst.budget.denominator());
        for (const project& p : inst.projects) scale = detail::lcm(scale, p.cost.denominator());
        budget = inst.budget.numerator() * (scale / inst.budget.denominator());
        for (const project& p : inst.projects) {
            cost.push_back(p.cost.numerator() * (scale / p.cost.denominator()));
            factor.push_back(util == utility::cost ? cost.back() : scale);
        }
        const std::size_t n = inst.projects.size();
        supporters.resize(n);
        points.resize(n);
        weight.reserve(inst.ballots.size());
        for (std::size_t b = 0; b < inst.ballots.size(); ++b) {
            const ballot& bal = inst.ballots[b];
            weight.push_back(bal.multiplicity);
            for (std::size_t k = 0; k < bal.projects.size(); ++k) {
                const std::int64_t pts = bal.points.empty() ? 1 : bal.points[k];
                if (pts <= 0) continue;
                const std::size_t p = bal.projects[k];
                auto& values = points[p];
                auto at = std::find(values.begin(), values.end(), pts);
                if (at == values.end()) at = values.insert(values.end(), pts);
                supporters[p].push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(at - values.begin())});
            }
        }
    }
};

// One supporter group of a project during evaluation: voters of one money class with the same points.
struct group {
    std::size_t slot;
    std::uint32_t money_class;
    std::int64_t points;
    std::uint64_t voters;
};

// The price found for a project: τ = numerator / (denominator × D) money units (scaled) per point.
struct price {
    integer numerator;
    integer denominator;
    rational rho;
};

class mes_run {
public:
    mes_run(const mes_model& m, const detail::tie_ranker& ranker, const rational& endowment, bool trace)
        : m_(m), ranker_(ranker), trace_(trace) {
        const rational scaled = endowment * rational(m.scale);
        denominator_ = scaled.denominator();
        value_ = {integer(0), scaled.numerator()};
        voters_ = {0, 0};
        ballot_class_.assign(m.inst.ballots.size(), 1);
        for (std::uint64_t w : m.weight) voters_[1] += w;
    }

    result<outcome> run();

private:
    std::optional<price> evaluate(std::size_t p);
    void collect(std::size_t p);
    void buy(std::size_t p, const price& pr, purchase* record);
    rational money(const integer& numerator) const { return rational(numerator, denominator_ * m_.scale); }

    const mes_model& m_;
    const detail::tie_ranker& ranker_;
    bool trace_;
    integer denominator_;                   // D
    std::vector<integer> value_;            // money of one voter of each class, over D (class 0: nothing left)
    std::vector<std::uint64_t> voters_;     // voters in each class
    std::vector<std::uint32_t> ballot_class_;
    // Scratch for grouping a project's supporters: slot = class × (number of point values) + point index.
    std::vector<std::uint64_t> slot_voters_;
    std::vector<std::uint32_t> slot_next_;  // buy(): the class a group moves to
    std::vector<std::size_t> touched_;
    std::vector<group> groups_;
};

// Groups project p's supporters who still have money into groups_, sorted by money per point.
void mes_run::collect(std::size_t p) {
    const std::size_t kinds = m_.points[p].size();
    const std::size_t needed = value_.size() * kinds;
    if (slot_voters_.size() < needed) {
        slot_voters_.resize(needed, 0);
        slot_next_.resize(needed, 0);
    }
    touched_.clear();
    for (const auto& s : m_.supporters[p]) {
        const std::uint32_t c = ballot_class_[s.ballot];
        if (c == 0) continue;
        const std::size_t slot = c * kinds + s.point_index;
        if (slot_voters_[slot] == 0) touched_.push_back(slot);
        slot_voters_[slot] += m_.weight[s.ballot];
    }
    groups_.clear();
    for (std::size_t slot : touched_) {
        groups_.push_back({slot, static_cast<std::uint32_t>(slot / kinds), m_.points[p][slot % kinds], slot_voters_[slot]});
        slot_voters_[slot] = 0;
    }
    if (kinds == 1) {
        std::sort(groups_.begin(), groups_.end(),
                  [this](const group& a, const group& b) { return value_[a.money_class] < value_[b.money_class]; });
    } else {
        std::sort(groups_.begin(), groups_.end(), [this](const group& a, const group& b) {
            return value_[a.money_class] * b.points < value_[b.money_class] * a.points;
        });
    }
}

// The smallest τ at which p's supporters, each paying τ·points or all she has, cover its cost; nullopt when their
// money falls short.
std::optional<price> mes_run::evaluate(std::size_t p) {
    collect(p);
    const integer target = m_.cost[p] * denominator_;
    integer paid = 0;    // by capped supporters
    integer weight = 0;  // Σ voters × points of the uncapped
    for (const group& g : groups_) weight += integer(g.voters) * g.points;
    for (const group& g : groups_) {
        const integer& v = value_[g.money_class];
        // Capped when v / points < (target - paid) / weight.
        if (v * weight < (target - paid) * g.points) {
            paid += v * g.voters;
            weight -= integer(g.voters) * g.points;
            continue;
        }
        price pr{target - paid, weight, rational()};
        pr.rho = rational(pr.numerator, pr.denominator * denominator_ * m_.factor[p]);
        return pr;
    }
    return std::nullopt;
}

// Charges p's supporters: each pays τ·points or everything she has.
void mes_run::buy(std::size_t p, const price& pr, purchase* record) {
    collect(p);
    // Put τ on the common denominator: D' = D × k with k = denominator / gcd(numerator, denominator).
    const integer g = detail::gcd(pr.numerator, pr.denominator);
    const integer k = pr.denominator / g;
    const integer per_point = pr.numerator / g;  // τ over D'
    if (k != 1) {
        for (std::size_t c = 1; c < value_.size(); ++c)
            if (voters_[c] != 0) value_[c] *= k;
        denominator_ *= k;
    }
    // One new class per group, remembered by slot for the reassignment below.
    const std::size_t kinds = m_.points[p].size();
    std::map<std::int64_t, std::uint64_t> full_share;  // trace: voters paying the full price, by points
    for (const group& gr : groups_) {
        const integer due = per_point * gr.points;
        const integer& before = value_[gr.money_class];
        std::uint32_t next = 0;
        if (trace_) {
            if (before > due) full_share[gr.points] += gr.voters;
            else record->payments.push_back({gr.voters, money(before), money(before), true});
        }
        if (before > due) {
            next = static_cast<std::uint32_t>(value_.size());
            value_.push_back(before - due);
            voters_.push_back(0);
        }
        voters_[next] += gr.voters;
        voters_[gr.money_class] -= gr.voters;
        slot_next_[gr.slot] = next;
    }
    for (const auto& [points, voters] : full_share)
        record->payments.push_back({voters, money(per_point * points), std::nullopt, false});
    for (const auto& s : m_.supporters[p]) {
        const std::uint32_t c = ballot_class_[s.ballot];
        if (c != 0) ballot_class_[s.ballot] = slot_next_[c * kinds + s.point_index];
    }
}

result<outcome> mes_run::run() {
    const std::size_t n = m_.inst.projects.size();
    struct entry {
        rational rho;
        std::size_t project;
        std::size_t round;  // the round in which rho was computed
    };
    const auto later = [](const entry& a, const entry& b) { return b.rho < a.rho; };
    std::priority_queue<entry, std::vector<entry>, decltype(later)> queue(later);
    outcome out;
    std::vector<bool> chosen(n, false);
    std::vector<price> last_price(n);
    for (std::size_t p = 0; p < n; ++p)
        if (m_.eligible[p]) queue.push({rational(), p, 0});
    integer spent = 0;
    for (std::size_t round = 1;; ++round) {
        std::optional<rational> best;
        std::vector<std::size_t> tied;
        std::vector<price> tied_prices;
        while (!queue.empty()) {
            const entry top = queue.top();
            if (best && *best < top.rho) break;
            queue.pop();
            if (top.round != round) {
                auto pr = evaluate(top.project);
                if (pr) {
                    queue.push({pr->rho, top.project, round});
                    last_price[top.project] = std::move(*pr);
                }
                continue;  // unaffordable projects leave for good
            }
            if (!best) best = top.rho;
            tied.push_back(top.project);
            tied_prices.push_back(last_price[top.project]);
        }
        if (tied.empty()) break;
        std::size_t winner = 0;
        std::optional<tie_record> tie;
        if (tied.size() > 1) {
            auto settled = ranker_.settle(tied);
            if (!settled) return unexpected(settled.error());
            tie = *settled;
            winner = static_cast<std::size_t>(std::find(tied.begin(), tied.end(), settled->chosen) - tied.begin());
        }
        const std::size_t p = tied[winner];
        for (std::size_t i = 0; i < tied.size(); ++i)
            if (i != winner) queue.push({*best, tied[i], 0});
        purchase record;
        buy(p, tied_prices[winner], &record);
        std::sort(record.payments.begin(), record.payments.end(),
                  [](const payment_group& a, const payment_group& b) { return a.paid < b.paid; });
        chosen[p] = true;
        spent += m_.cost[p];
        out.selected.push_back(p);
        if (trace_) {
            record.project = p;
            record.measure = *best;
            if (m_.util == utility::cost) record.effective_votes = rational(1) / *best;
            record.budget_left = rational(m_.budget - spent, m_.scale);
            record.tie = tie;
            out.rounds.push_back(std::move(record));
        }
    }
    out.cost = rational(spent, m_.scale);
    if (trace_) {
        // What each unfunded project's supporters had left, and what every voter has left.
        for (std::size_t p = 0; p < n; ++p) {
            if (chosen[p]) continue;
            if (!m_.eligible[p]) {
                out.rejected.push_back({p, rejection_reason::ineligible, m_.scores[p]});
                continue;
            }
            integer behind = 0;
            for (const auto& s : m_.supporters[p]) behind += value_[ballot_class_[s.ballot]] * m_.weight[s.ballot];
            out.rejected.push_back({p, rejection_reason::unaffordable, money(behind)});
        }
        std::vector<std::pair<rational, std::uint64_t>> left;
        for (std::size_t c = 0; c < value_.size(); ++c)
            if (voters_[c] != 0) left.emplace_back(money(value_[c]), voters_[c]);
        std::sort(left.begin(), left.end());
        for (const auto& [amount, voters] : left) {
            if (!out.left_over.empty() && out.left_over.back().second == amount)
                out.left_over.back().first += voters;
            else
                out.left_over.emplace_back(voters, amount);
        }
    }
    return out;
}

const char* name(completion c) {
    switch (c) {
        case completion::none: return "none";
        case completion::add1: return "add1";
        case completion::add1_utilitarian: return "add1 then utilitarian";
        case completion::utilitarian: return "utilitarian";
    }
    return "unknown";
}

// The supported projects of each ballot (positive utility), for the comparison step.
std::uint64_t count_preferring(const instance& inst, const std::vector<std::size_t>& a, const std::vector<std::size_t>& b,
                               comparison_measure measure) {
    std::vector<bool> in_a(inst.projects.size(), false), in_b(inst.projects.size(), false);
    for (std::size_t p : a) in_a[p] = true;
    for (std::size_t p : b) in_b[p] = true;
    std::uint64_t count = 0;
    for (const ballot& bal : inst.ballots) {
        std::size_t sat_a = 0, sat_b = 0;
        for (std::size_t k = 0; k < bal.projects.size(); ++k) {
            if (!bal.points.empty() && bal.points[k] <= 0) continue;
            if (in_a[bal.projects[k]]) ++sat_a;
            if (in_b[bal.projects[k]]) ++sat_b;
        }
        const bool prefers = measure == comparison_measure::satisfaction ? sat_a > sat_b : (sat_a > 0 && sat_b == 0);
        if (prefers) count += bal.multiplicity;
    }
    return count;
}

}  // namespace

result<outcome> equal_shares(const instance& inst, const equal_shares_options& options,
                             const add1_progress_hook& progress) {
    if (auto valid = validate(inst); !valid) return unexpected(valid.error());
    if (options.step.sign() <= 0) return unexpected(errc::invalid_value, "the Add1 step must be positive");
    if (options.max_runs == 0) return unexpected(errc::invalid_value, "the most Add1 runs must be at least 1");
    if (options.endowment && options.endowment->sign() <= 0)
        return unexpected(errc::invalid_value, "the endowment must be positive");
    const std::uint64_t voters = inst.voter_count();
    if (voters == 0) return unexpected(errc::invalid_value, "the election has no ballots");
    const std::size_t n = inst.projects.size();

    // The eligibility filter.
    std::vector<bool> eligible(n, true);
    const std::vector<std::uint64_t> support = supporter_counts(inst);
    if (options.min_share_factor)
        for (std::size_t p = 0; p < n; ++p)
            eligible[p] = !(rational(support[p]) * inst.budget <
                            inst.projects[p].cost * rational(voters) * *options.min_share_factor);

    const mes_model model(inst, options.util, eligible);
    const detail::tie_ranker ranker(inst, options.ties, model.scores);
    const auto run = [&](const rational& e, bool trace) { return mes_run(model, ranker, e, trace).run(); };

    const bool add1 = options.complete == completion::add1 || options.complete == completion::add1_utilitarian;
    rational eligible_total;
    for (std::size_t p = 0; p < n; ++p)
        if (eligible[p]) eligible_total += inst.projects[p].cost;
    const bool everything_fits = eligible_total <= inst.budget;

    rational endowment = options.endowment ? *options.endowment : inst.budget / rational(voters);
    if (add1 && options.start == add1_start::floor) endowment = rational(endowment.floor());
    std::uint64_t runs = 1;
    auto current = run(endowment, false);
    if (!current) return current;
    if (add1 && !(everything_fits && options.skip_add1_when_all_fit)) {
        // A project nobody supports is never funded, so the scan ends once every other eligible one is.
        std::size_t fundable = 0;
        for (std::size_t p = 0; p < n; ++p) fundable += eligible[p] && support[p] > 0;
        for (;;) {
            if (current->selected.size() >= fundable) break;
            if (options.stop == add1_stop::exhaustive) {
                rational left = inst.budget - current->cost;
                bool exhaustive = true;
                std::vector<bool> in(n, false);
                for (std::size_t p : current->selected) in[p] = true;
                for (std::size_t p = 0; p < n && exhaustive; ++p)
                    if (eligible[p] && !in[p] && inst.projects[p].cost <= left) exhaustive = false;
                if (exhaustive) break;
            }
            if (runs == options.max_runs)
                return unexpected(errc::too_large,
                                  "Add1 made " + std::to_string(runs) + " runs, the most allowed (add1-max-runs), " +
                                      "without reaching its stop: the endowment rose to " + endowment.to_string() +
                                      " per voter in steps of " + options.step.to_string() +
                                      "; a larger add1-step reaches it in fewer runs");
            ++runs;
            if (progress)
                progress({runs, endowment + options.step, (endowment + options.step) * rational(voters)});
            auto next = run(endowment + options.step, false);
            if (!next) return next;
            if (next->cost > inst.budget) break;
            endowment += options.step;
            current = std::move(next);
        }
    }
    auto traced = run(endowment, true);
    if (!traced) return traced;
    outcome out = std::move(*traced);
    out.endowment = endowment;
    out.runs = runs;
    out.rule = options.complete == completion::none          ? "mes"
               : options.complete == completion::add1        ? "mes-add1"
               : options.complete == completion::utilitarian ? "mes-utilitarian"
                                                             : "mes-add1u";
    out.options = {{"utility", name(options.util)},
                   {"ties", to_string(options.ties)},
                   {"endowment", options.endowment ? options.endowment->to_string() : "budget / voters"},
                   {"completion", name(options.complete)}};
    if (add1) {
        out.options.emplace_back("add1_stop", options.stop == add1_stop::exhaustive ? "exhaustive" : "over-budget");
        out.options.emplace_back("add1_start", options.start == add1_start::exact ? "exact" : "floor");
        out.options.emplace_back("add1_step", options.step.to_string());
    }
    out.options.emplace_back("eligibility", options.min_share_factor ? options.min_share_factor->to_string() : "none");
    out.options.emplace_back("comparison", options.compare == comparison_measure::none           ? "none"
                                           : options.compare == comparison_measure::satisfaction ? "satisfaction"
                                                                                                 : "exclusion");

    // The utilitarian completion: remaining eligible projects by score while they fit.
    if (options.complete == completion::utilitarian || options.complete == completion::add1_utilitarian) {
        greedy_options fill;
        fill.ties = options.ties;
        fill.eligible = eligible;
        for (std::size_t p : out.selected) fill.eligible[p] = false;
        instance rest = inst;
        rest.budget = inst.budget - out.cost;
        if (rest.budget.sign() > 0) {
            auto filled = greedy(rest, fill);
            if (!filled) return unexpected(filled.error());
            for (purchase r : filled->rounds) {
                out.cost += inst.projects[r.project].cost;
                out.selected.push_back(r.project);
                r.completion = true;
                r.budget_left = inst.budget - out.cost;
                out.rounds.push_back(std::move(r));
            }
            std::erase_if(out.rejected, [&](const rejection& r) {
                return std::find(out.selected.begin(), out.selected.end(), r.project) != out.selected.end();
            });
        }
    }

    if (options.compare != comparison_measure::none) {
        greedy_options base;
        base.ties = options.ties;
        base.eligible = eligible;
        if (options.baseline == comparison_baseline::greedy_cost) base.order = greedy_order::votes_per_cost;
        auto other = greedy(inst, base);
        if (!other) return unexpected(other.error());
        comparison_record cmp;
        cmp.baseline = other->rule;
        cmp.measure = options.compare == comparison_measure::satisfaction ? "satisfaction" : "exclusion";
        cmp.prefer_rule = count_preferring(inst, out.selected, other->selected, options.compare);
        cmp.prefer_baseline = count_preferring(inst, other->selected, out.selected, options.compare);
        cmp.rule_selected = out.selected;
        cmp.switched = cmp.prefer_baseline > cmp.prefer_rule;
        if (cmp.switched) {
            out.selected = other->selected;
            out.cost = other->cost;
            out.rounds = other->rounds;
            out.rejected = other->rejected;
        }
        out.comparison = std::move(cmp);
    }
    return out;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
