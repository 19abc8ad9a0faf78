#include <tmo/contract/credits.hpp>

#include "contract/text.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

// The credit percentage and the rule in words for one KPI.
result<std::pair<rational, std::string>> credit_percent(const kpi_assessment& a, const credit_rule& rule) {
    const rational& value = *a.value.value;
    if (const auto* linear = std::get_if<shortfall_rule>(&rule)) {
        if (linear->percent_per_point.sign() < 0)
            return unexpected(errc::invalid_value, "KPI " + a.kpi_id + ": a credit per point cannot be negative");
        const rational shortfall = a.shortfall.value_or(rational(0));
        return std::pair{shortfall * linear->percent_per_point,
                         "shortfall of " + detail::figure(shortfall, 2) + " points × " +
                             detail::percent(linear->percent_per_point, 2) + " per point"};
    }
    const auto& tiers = std::get<tiered_rule>(rule).tiers;
    if (tiers.empty()) return unexpected(errc::invalid_value, "KPI " + a.kpi_id + ": a tiered rule needs a tier");
    const credit_tier* worst = nullptr;
    for (const credit_tier& t : tiers) {
        if (t.credit_percent.sign() < 0)
            return unexpected(errc::invalid_value, "KPI " + a.kpi_id + ": a tier's credit cannot be negative");
        const bool triggered = a.better == direction::higher_is_better ? value < t.threshold : value > t.threshold;
        if (triggered && (worst == nullptr || worst->credit_percent < t.credit_percent)) worst = &t;
    }
    if (worst == nullptr) return std::pair{rational(0), std::string("no tier reached")};
    return std::pair{worst->credit_percent,
                     std::string(a.better == direction::higher_is_better ? "tier: below " : "tier: above ") +
                         detail::figure(worst->threshold, 2) + " -> " + detail::percent(worst->credit_percent, 2)};
}

rational percent_of(const rational& percent, money fee) { return percent * fee.to_rational() / 100; }

// "1 point", "1.5 points", "3 points".
std::string points_text(const rational& n) { return detail::figure(n, 2) + (n == rational(1) ? " point" : " points"); }

}  // namespace

result<credit_outcome> service_credits(std::span<const kpi_assessment> assessments, std::span<const credit_term> terms,
                                       money period_fee, const credit_caps& caps, const credit_history& history,
                                       rounding mode) {
    credit_outcome out;
    out.mode = mode;
    for (const credit_term& term : terms) {
        const auto found = std::find_if(assessments.begin(), assessments.end(),
                                        [&](const kpi_assessment& a) { return a.kpi_id == term.kpi_id; });
        if (found == assessments.end())
            return unexpected(errc::not_found, "no assessment of KPI " + term.kpi_id + " for its credit term");
        kpi_credit line{term.kpi_id, rational(0), term.fee_basis.value_or(period_fee), rational(0), {}, {}};
        if (!found->value.value) {
            line.rule = "no figure, no credit";
        } else {
            auto pct = credit_percent(*found, term.rule);
            if (!pct) return unexpected(pct.error());
            line.percent = pct->first;
            line.rule = std::move(pct->second);
        }
        line.amount = percent_of(line.percent, line.fee_basis);
        std::string sentence = found->sentence;
        if (!sentence.empty() && sentence.back() == '.') sentence.pop_back();
        line.sentence = sentence + "; service credit " + detail::pounds(line.amount) + ".";
        out.uncapped += line.amount;
        out.kpis.push_back(std::move(line));
    }

    rational credit = out.uncapped;
    std::string cap_text;
    if (caps.monthly_percent) {
        out.monthly_cap = percent_of(*caps.monthly_percent, period_fee);
        if (credit > *out.monthly_cap) {
            credit = *out.monthly_cap;
            cap_text = "; capped at the monthly cap of " + detail::pounds(*out.monthly_cap);
        } else {
            cap_text = "; within the monthly cap of " + detail::pounds(*out.monthly_cap);
        }
    }
    if (caps.annual_percent) {
        out.annual_cap = percent_of(*caps.annual_percent, history.charges_previous_11 + period_fee) -
                         history.credits_previous_11.to_rational();
        if (credit > *out.annual_cap) {
            credit = *out.annual_cap;
            cap_text += "; limited by the 12-month cap, which leaves " +
                        detail::pounds(out.annual_cap->sign() > 0 ? *out.annual_cap : rational(0));
        }
    }
    if (credit.sign() < 0) credit = 0;
    auto rounded = money::from_rational(credit, mode);
    if (!rounded) return unexpected(rounded.error());
    out.credit = *rounded;
    out.sentence = "Service credit " + detail::pounds(out.credit) + " on a fee of " + detail::pounds(period_fee) +
                   (out.uncapped == credit || out.kpis.empty() ? "" : " (" + detail::pounds(out.uncapped) +
                                                                          " before caps)") +
                   cap_text + ".";
    return out;
}

result<points_outcome> score_points(std::span<const failure_event> events, const points_regime& regime, money fee,
                                    const working_calendar& calendar, rounding mode) {
    // Validate first, then count repeats in order of report.
    std::vector<std::size_t> order(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        order[i] = i;
        const failure_event& e = events[i];
        if (std::none_of(regime.categories.begin(), regime.categories.end(),
                         [&](const failure_category& c) { return c.code == e.category; }))
            return unexpected(errc::not_found,
                              "failure " + e.reference + " has category '" + e.category + "', which is not defined");
        if (e.location_weight.sign() < 0)
            return unexpected(errc::invalid_value, "failure " + e.reference + " has a negative location weight");
        if (e.rectified && *e.rectified < e.reported)
            return unexpected(errc::invalid_value,
                              "failure " + e.reference + " is put right before it was reported");
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return events[a].reported < events[b].reported; });

    points_outcome out;
    out.failures.resize(events.size());
    std::map<std::pair<std::string, std::string>, std::size_t> repeats;
    for (const std::size_t i : order) {
        const failure_event& e = events[i];
        const failure_category& cat = *std::find_if(regime.categories.begin(), regime.categories.end(),
                                                    [&](const failure_category& c) { return c.code == e.category; });
        scored_failure& s = out.failures[i];
        s.reference = e.reference;
        s.category = e.category;
        s.base_points = cat.points * e.location_weight;
        const std::string head = e.reference + " (" + cat.description + " at " + e.location + "): ";
        if (e.excluded_because) {
            s.sentence = head + "not counted — " + *e.excluded_because + ".";
            continue;
        }
        const moment latest = latest_within(e.reported, cat.rectification, calendar);
        if (e.rectified && *e.rectified <= latest) {
            s.sentence = head + "put right within " + to_string(cat.rectification) + ", not counted.";
            continue;
        }
        const std::size_t nth = ++repeats[{e.category, e.location}];
        if (!regime.repeat_multipliers.empty())
            s.multiplier = regime.repeat_multipliers[std::min(nth, regime.repeat_multipliers.size()) - 1];
        s.counted = true;
        s.points = s.base_points * s.multiplier;
        out.points += s.points;
        s.sentence = head + "not put right within " + to_string(cat.rectification) + "; " + detail::ordinal(nth) +
                     " at this location, " + points_text(s.base_points) + " × " + detail::figure(s.multiplier, 2) +
                     " = " + points_text(s.points) + ".";
    }

    out.chargeable = out.points > regime.threshold ? out.points - regime.threshold : rational(0);
    rational amount = out.chargeable * regime.value_per_point.to_rational();
    std::string cap_text;
    if (regime.cap_percent) {
        out.cap = percent_of(*regime.cap_percent, fee);
        if (amount > *out.cap) {
            amount = *out.cap;
            cap_text = ", capped at " + detail::percent(*regime.cap_percent, 2) + " of the fee";
        }
    }
    auto rounded = money::from_rational(amount, mode);
    if (!rounded) return unexpected(rounded.error());
    out.deduction = *rounded;
    out.sentence = detail::figure(out.points, 2) + " performance points against a threshold of " +
                   detail::figure(regime.threshold, 2) + ": " + detail::figure(out.chargeable, 2) +
                   " chargeable at " + detail::pounds(regime.value_per_point) + " a point, deduction " +
                   detail::pounds(out.deduction) + cap_text + ".";
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
