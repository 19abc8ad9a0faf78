#include <tmo/contract/tender.hpp>

#include "contract/text.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

rational clamp(const rational& v, const rational& lo, const rational& hi) {
    return v < lo ? lo : hi < v ? hi : v;
}

template <class Seq, class Pred>
bool contains_if(const Seq& seq, Pred pred) {
    return std::any_of(seq.begin(), seq.end(), pred);
}

result<void> check_score(const tender_evaluation_model& model, const std::vector<bid>& bids,
                         const std::string& criterion, const std::string& bidder, const rational& score,
                         const std::string& what) {
    const auto c = std::find_if(model.criteria.begin(), model.criteria.end(),
                                [&](const quality_criterion& q) { return q.id == criterion; });
    if (c == model.criteria.end())
        return unexpected(errc::not_found, what + " names criterion '" + criterion + "', which is not defined");
    if (!contains_if(bids, [&](const bid& b) { return b.bidder == bidder; }))
        return unexpected(errc::not_found, what + " names bidder '" + bidder + "', who has no bid");
    if (score.sign() < 0 || c->max_score < score)
        return unexpected(errc::invalid_value, what + " gives " + bidder + " " + score.to_string() + " on " +
                                                   criterion + "; scores run from 0 to " + c->max_score.to_string());
    return {};
}

// Price scores of the qualifying bids (indices into results).
result<void> score_prices(const tender_evaluation_model& model, std::vector<bid_result>& results,
                          const std::vector<std::size_t>& qualifying) {
    if (qualifying.empty()) return {};
    const rational w = model.price_weight;
    rational lo = results[qualifying.front()].price.to_rational();
    rational hi = lo;
    rational sum;
    for (const std::size_t i : qualifying) {
        const rational p = results[i].price.to_rational();
        lo = std::min(lo, p);
        hi = std::max(hi, p);
        sum += p;
    }
    const rational mean = sum / static_cast<std::int64_t>(qualifying.size());
    for (const std::size_t i : qualifying) {
        bid_result& r = results[i];
        const rational p = r.price.to_rational();
        switch (model.formula) {
        case price_formula::relative_to_lowest: r.price_score = w * lo / p; break;
        case price_formula::linear_interpolation: r.price_score = hi == lo ? w : w * (hi - p) / (hi - lo); break;
        case price_formula::mean_based:
            r.price_raw = 50 + 100 * (mean - p) / mean;
            r.price_score = w * clamp(*r.price_raw, 0, 100) / 100;
            break;
        case price_formula::benchmark: {
            if (!model.benchmark_price)
                return unexpected(errc::invalid_value, "the benchmark price formula needs a benchmark price");
            const rational opt = model.benchmark_price->to_rational();
            r.price_score = hi <= opt ? w : clamp(w * (hi - p) / (hi - opt), 0, w);
            break;
        }
        case price_formula::price_per_quality_point:
            if (r.quality.sign() > 0) r.price_per_quality_point = p / r.quality;
            break;
        }
        r.total = r.quality + r.price_score;
    }
    return {};
}

}  // namespace

const char* price_formula_name(price_formula f) noexcept {
    switch (f) {
    case price_formula::relative_to_lowest: return "relative to lowest";
    case price_formula::linear_interpolation: return "linear interpolation";
    case price_formula::mean_based: return "mean-based";
    case price_formula::benchmark: return "benchmark price";
    case price_formula::price_per_quality_point: return "price per quality point";
    }
    return "relative to lowest";
}

result<tender_result> evaluate_tender(const tender_evaluation_model& model, const std::vector<bid>& bids,
                                      const std::vector<mark>& marks, const std::vector<consensus>& moderation) {
    if (bids.empty()) return unexpected(errc::invalid_argument, "there are no bids to evaluate");
    for (std::size_t i = 0; i < bids.size(); ++i) {
        if (bids[i].price.pence() <= 0)
            return unexpected(errc::invalid_value,
                              "the bid of " + bids[i].bidder + " has price " + bids[i].price.format() +
                                  "; a price must be more than zero");
        for (std::size_t j = 0; j < i; ++j)
            if (bids[j].bidder == bids[i].bidder)
                return unexpected(errc::invalid_argument, "bidder " + bids[i].bidder + " has two bids");
    }
    for (const mark& m : marks)
        if (auto r = check_score(model, bids, m.criterion, m.bidder, m.score, "a mark by " + m.evaluator); !r)
            return unexpected(r.error());
    for (const consensus& c : moderation)
        if (auto r = check_score(model, bids, c.criterion, c.bidder, c.score, "a moderated score"); !r)
            return unexpected(r.error());

    tender_result out;
    std::vector<bid_result> results;
    std::vector<std::size_t> qualifying;
    for (const bid& b : bids) {
        bid_result r;
        r.bidder = b.bidder;
        r.price = b.price;
        std::string failed;
        for (const quality_criterion& q : model.criteria) {
            criterion_result cr;
            cr.criterion = q.id;
            for (const mark& m : marks)
                if (m.criterion == q.id && m.bidder == b.bidder) cr.marks.push_back(m);
            const auto agreed = std::find_if(moderation.begin(), moderation.end(), [&](const consensus& c) {
                return c.criterion == q.id && c.bidder == b.bidder;
            });
            if (agreed != moderation.end()) {
                cr.score = agreed->score;
                cr.moderated = true;
                cr.rationale = agreed->rationale;
            } else if (!cr.marks.empty()) {
                for (const mark& m : cr.marks) cr.score += m.score;
                cr.score /= static_cast<std::int64_t>(cr.marks.size());
            } else {
                return unexpected(errc::missing_key,
                                  "criterion " + q.id + " has neither marks nor a moderated score for " + b.bidder);
            }
            cr.weighted = q.weight * cr.score / q.max_score;
            r.quality += cr.weighted;
            if (q.resident_panel) r.resident_quality += cr.weighted;
            if (q.minimum_score && cr.score < *q.minimum_score) {
                cr.below_minimum = true;
                const std::string why = "scored " + detail::figure(cr.score, 2) + " on " + q.title +
                                        ", below the minimum of " + detail::figure(*q.minimum_score, 2);
                if (q.failing_disqualifies) {
                    r.disqualified = true;
                    if (failed.empty()) failed = why;
                } else {
                    out.notes.push_back(b.bidder + " " + why + " (this criterion does not disqualify)");
                }
            }
            r.criteria.push_back(std::move(cr));
        }
        if (r.disqualified) r.sentence = b.bidder + ": not ranked — " + failed + ".";
        else qualifying.push_back(results.size());
        results.push_back(std::move(r));
    }
    if (auto s = score_prices(model, results, qualifying); !s) return unexpected(s.error());

    if (model.abnormally_low) {
        const abnormally_low_rule& rule = *model.abnormally_low;
        rational sum;
        for (const bid& b : bids) sum += b.price.to_rational();
        const rational reference = rule.estimate ? rule.estimate->to_rational()
                                                 : sum / static_cast<std::int64_t>(bids.size());
        const rational floor_price = reference * (100 - rule.percent_below) / 100;
        for (bid_result& r : results)
            r.abnormally_low = r.price.to_rational() < floor_price;
        for (const bid_result& r : results)
            if (r.abnormally_low)
                out.notes.push_back(r.bidder + "'s price of " + detail::pounds(r.price) + " is more than " +
                                    detail::percent(rule.percent_below, 2) + " below " +
                                    (rule.estimate ? "the estimate" : "the mean of all bids") + " (" +
                                    detail::pounds(reference) +
                                    "): the bidder must be told and given the chance to show it can deliver for "
                                    "that price before any decision to disregard the bid");
    }

    const bool per_point = model.formula == price_formula::price_per_quality_point;
    if (!per_point) {
        rational weights = model.price_weight;
        for (const quality_criterion& q : model.criteria) weights += q.weight;
        if (weights != 100) out.notes.push_back("the weights sum to " + detail::figure(weights, 2) + ", not 100");
    }
    // Ranking: higher total (or lower price per quality point) first; then higher quality, lower price, order given.
    const auto primary = [&](const bid_result& a, const bid_result& b) -> int {
        if (per_point) {
            if (a.price_per_quality_point.has_value() != b.price_per_quality_point.has_value())
                return a.price_per_quality_point ? -1 : 1;
            if (!a.price_per_quality_point || *a.price_per_quality_point == *b.price_per_quality_point) return 0;
            return *a.price_per_quality_point < *b.price_per_quality_point ? -1 : 1;
        }
        return a.total == b.total ? 0 : b.total < a.total ? -1 : 1;
    };
    std::vector<std::size_t> order = qualifying;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const bid_result& a = results[x];
        const bid_result& b = results[y];
        if (const int c = primary(a, b); c != 0) return c < 0;
        if (a.quality != b.quality) return b.quality < a.quality;
        return a.price < b.price;
    });
    for (std::size_t k = 0; k < order.size(); ++k) {
        bid_result& r = results[order[k]];
        r.rank = k + 1;
        if (k > 0) {
            const bid_result& above = results[order[k - 1]];
            if (primary(above, r) == 0) {
                const std::string how = above.quality != r.quality ? "the higher quality score"
                                        : above.price != r.price   ? "the lower price"
                                                                   : "the order the bids were listed (no published "
                                                                     "tie-break separated them)";
                out.notes.push_back(above.bidder + " and " + r.bidder + " tied; " + above.bidder +
                                    " ranks higher by " + how);
            }
        }
        const std::string quality_text = "quality " + detail::figure(r.quality, 2);
        if (per_point) {
            r.sentence = r.bidder + ": " + detail::pounds(r.price) + ", " + quality_text +
                         (r.price_per_quality_point
                              ? ", " + detail::pounds(*r.price_per_quality_point) + " per quality point"
                              : std::string(", no quality points")) +
                         " — ranked " + detail::ordinal(k + 1) + ".";
        } else {
            r.sentence = r.bidder + ": " + quality_text + " plus price " + detail::figure(r.price_score, 2) + " of " +
                         detail::figure(model.price_weight, 2) + " for " + detail::pounds(r.price) + " = " +
                         detail::figure(r.total, 2) + " points — ranked " + detail::ordinal(k + 1) + ".";
        }
    }
    for (const std::size_t i : order) out.bids.push_back(results[i]);
    for (const bid_result& r : results)
        if (r.disqualified) out.bids.push_back(r);

    if (order.empty()) {
        out.sentence = "No tender can be ranked: every bid failed a minimum quality score.";
    } else {
        const bid_result& best = results[order.front()];
        out.sentence = "Most advantageous tender (" + std::string(price_formula_name(model.formula)) + "): " +
                       best.bidder + ", " +
                       (per_point ? (best.price_per_quality_point
                                         ? detail::pounds(*best.price_per_quality_point) + " per quality point"
                                         : std::string("no quality points"))
                                  : detail::figure(best.total, 2) + " points (quality " +
                                        detail::figure(best.quality, 2) + ", price " +
                                        detail::figure(best.price_score, 2) + ")") +
                       ".";
    }
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
