// tmo/contract/credits.hpp: service credits — the price adjustments a contract makes when KPIs are missed.
//
// Three regimes (contracts.md §4): a percentage-point shortfall (Crown Commercial Service style), tiered bands with
// a monthly and a rolling-annual cap (the Accord Project SLA template), and performance points with rectification
// periods, repeat multipliers and a threshold (PFI payment mechanisms). Everything is computed as exact fractions
// of a pound and rounded once, to the penny, by the rounding mode the caller names.
//
// Service credits are a price adjustment, not a penalty; the sentences produced here never call them penalties.
#pragma once

#include <tmo/contract/kpi.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// Credit % of the fee = shortfall in points × percent_per_point (CCS: target 98%, actual 75% -> 23%).
struct shortfall_rule {
    rational percent_per_point{1};

    friend bool operator==(const shortfall_rule&, const shortfall_rule&) = default;
};

/// One band of a tiered rule: when the KPI value is worse than `threshold` (below it for higher-is-better KPIs,
/// above it for lower-is-better ones), the credit is `credit_percent` of the fee.
struct credit_tier {
    rational threshold;
    rational credit_percent;

    friend bool operator==(const credit_tier&, const credit_tier&) = default;
};

/// The most severe band the value falls in applies; none: no credit. Accord SLA: below 99.8% -> 2%, below
/// 98.0% -> 3%.
struct tiered_rule {
    std::vector<credit_tier> tiers;

    friend bool operator==(const tiered_rule&, const tiered_rule&) = default;
};

using credit_rule = std::variant<shortfall_rule, tiered_rule>;

/// How a KPI feeds the credit engine.
struct credit_term {
    std::string kpi_id;
    credit_rule rule;
    std::optional<money> fee_basis;  ///< the fee the % applies to; absent: the period's fee

    friend bool operator==(const credit_term&, const credit_term&) = default;
};

/// Caps on the period's total credit, as % of fees.
struct credit_caps {
    std::optional<rational> monthly_percent;  ///< of this period's fee
    std::optional<rational> annual_percent;   ///< of the fees of this and the previous 11 periods, less the credits
                                              ///< of the previous 11

    friend bool operator==(const credit_caps&, const credit_caps&) = default;
};

/// The previous 11 periods, for the rolling-annual cap.
struct credit_history {
    money charges_previous_11;
    money credits_previous_11;

    friend bool operator==(const credit_history&, const credit_history&) = default;
};

/// The credit one KPI earned.
struct kpi_credit {
    std::string kpi_id;
    rational percent;  ///< of fee_basis
    money fee_basis;
    rational amount;   ///< exact, in pounds
    std::string rule;  ///< "shortfall of 3.5 points × 1% per point", "tier: worse than 95% -> 2%"
    std::string sentence;  ///< "Block inspections graded A or B: 91.5% against a target of 95% — requires
                           ///< improvement; service credit £96.00."

    friend bool operator==(const kpi_credit&, const kpi_credit&) = default;
};

/// The period's credit.
struct credit_outcome {
    std::vector<kpi_credit> kpis;   ///< one per credit term, in the order given
    rational uncapped;              ///< Σ amounts, exact
    std::optional<rational> monthly_cap;  ///< the cap in pounds, when there is one
    std::optional<rational> annual_cap;   ///< what the rolling-annual cap still allows (may be negative)
    money credit;                   ///< max(0, min(uncapped, caps)) rounded once
    rounding mode = rounding::half_up;
    std::string sentence;           ///< "Service credit £96.00 (2% of £4,800.00); within the monthly cap of £480.00."

    friend bool operator==(const credit_outcome&, const credit_outcome&) = default;
};

/// Computes the period's service credit (contracts.md §4.4): each term's credit from its KPI assessment, the sum
/// capped by the monthly cap and then by the rolling-annual cap, floored at zero and rounded to the penny by
/// `mode`. A KPI rated `other` (no value) earns no credit.
/// @return errc::not_found naming a term whose KPI has no assessment; errc::invalid_value for an empty tiered rule
///         or a negative percentage; errc::inexact when mode is never and the credit is not whole pence.
[[nodiscard]] result<credit_outcome> service_credits(std::span<const kpi_assessment> assessments,
                                                     std::span<const credit_term> terms, money period_fee,
                                                     const credit_caps& caps, const credit_history& history,
                                                     rounding mode);

// ---- performance points -------------------------------------------------------------------------------------------

/// A kind of failure with its points and the time allowed to put it right.
struct failure_category {
    std::string code;         ///< "missed_clean"
    std::string description;  ///< "Scheduled block clean not done"
    rational points;
    timescale rectification;

    friend bool operator==(const failure_category&, const failure_category&) = default;
};

/// A reported failure.
struct failure_event {
    std::string reference;
    std::string category;      ///< a failure_category code
    std::string location;      ///< repeats are counted per category and location
    rational location_weight{1};  ///< seriousness of the place (a missed clean by a school entrance may weigh 2)
    moment reported{};
    std::optional<moment> rectified;
    std::optional<std::string> excluded_because;  ///< force majeure, client default, ...: removed before scoring

    friend bool operator==(const failure_event&, const failure_event&) = default;
};

/// A performance-points payment mechanism.
struct points_regime {
    std::vector<failure_category> categories;
    /// The multiplier for the 1st, 2nd, 3rd ... counted failure of one category at one location in the period;
    /// the last entry applies to all later ones. Empty: 1 throughout.
    std::vector<rational> repeat_multipliers;
    rational threshold;           ///< points up to this are free
    money value_per_point;        ///< each point above the threshold costs this
    std::optional<rational> cap_percent;  ///< of the fee

    friend bool operator==(const points_regime&, const points_regime&) = default;
};

/// How one failure was scored.
struct scored_failure {
    std::string reference;
    std::string category;   ///< the failure_category code
    bool counted = false;
    rational base_points;   ///< category points × location weight
    rational multiplier{1};
    rational points;        ///< 0 when not counted
    std::string sentence;   ///< "F3 (missed_clean at Block A): not put right within 1 working day; 2nd repeat × 1.5 = 3 points."

    friend bool operator==(const scored_failure&, const scored_failure&) = default;
};

/// The period's points and deduction.
struct points_outcome {
    std::vector<scored_failure> failures;  ///< in the order given
    rational points;
    rational chargeable;  ///< max(0, points − threshold)
    std::optional<rational> cap;
    money deduction;
    std::string sentence;

    friend bool operator==(const points_outcome&, const points_outcome&) = default;
};

/// Scores `events` under `regime`: excluded events and events put right within their category's rectification
/// period do not count; the others earn points × location weight × repeat multiplier (repeats counted in order of
/// report). Deduction = (points − threshold) × value per point, capped at cap_percent of `fee`, rounded by `mode`.
/// Events without a rectification are treated as not put right.
/// @return errc::not_found naming an event's unknown category; errc::invalid_value for a rectification before
///         the report or a negative weight.
[[nodiscard]] result<points_outcome> score_points(std::span<const failure_event> events, const points_regime& regime,
                                                  money fee, const working_calendar& calendar, rounding mode);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
