// tmo/contract/report.hpp: a contract's month — KPIs, ratings, service credits and the payment due — and the
// ways of writing it: plain text, JSON and an OCDS 1.1.5 release package; a tender evaluation as text and JSON.
#pragma once

#include <tmo/contract/credits.hpp>
#include <tmo/contract/document.hpp>
#include <tmo/contract/kpi.hpp>
#include <tmo/contract/lifecycle.hpp>
#include <tmo/contract/tender.hpp>
#include <tmo/contract/tsm.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/result.hpp>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// One month of a contract.
struct period_report {
    period month;
    contract_state state = contract_state::draft;  ///< on the month's last day
    std::vector<kpi_assessment> kpis;              ///< in the contract's KPI order
    money fee;                                     ///< the month's periodic fees (the base of credits and caps)
    credit_history history;                        ///< the 11 months before, within the term
    credit_outcome credits;
    /// The performance points of the failures reported in the month, when the contract has a [points] regime.
    std::optional<points_outcome> points;
    payment_due payment;
    std::string sentence;  ///< "April 2025: 1 of 2 KPIs met; service credit £96.00; due £5,644.80 (£4,704.00 net)."

    friend bool operator==(const period_report&, const period_report&) = default;
};

/// Evaluates `month` of the contract: each KPI from the loaded performance data (jobs completed in the month,
/// inspections dated in it, the month's reading; per_thousand_homes counts jobs of the KPI's priorities raised in
/// the month), rated against the target in force on the first day; service credits under the contract's terms
/// and caps, with the rolling-annual cap fed by every earlier month of the term evaluated the same way; the
/// performance points of a [points] regime (score_points over the failures reported in the month, with the
/// month's fee, the contract's working calendar and its credit rounding); and the payment due: each periodic fee
/// once, each completed job with a price code at its price, the service credit and the points deduction each as a
/// negative line at the standard VAT treatment, VAT at the month's last day by the contract's policy.
///
/// The two regimes are separate price adjustments (contracts.md §4.4 writes them apart): [credit_caps] cap the
/// KPI credits and the rolling-annual cap counts KPI credits only; the points deduction is capped by the [points]
/// cap_percent of the month's fee alone. Both lower the net, the VAT and the total due.
///
/// A contract with a [points] regime must name its failures file ([data] failures) and have it read
/// (contract_document::failures, filled by load_contract): a month is never scored from data that was not given. A
/// file with no rows is a month without failures.
/// @return errc::invalid_value for a month outside the term (start to the end as renewed); errc::not_found for a
///         [points] regime whose failures are not there (no failures file, or a parsed contract whose file was not
///         read); the errors of the KPI, credit, points and payment functions (a
///         missing VAT rate is errc::not_found).
[[nodiscard]] result<period_report> evaluate_month(const contract_document& document, std::chrono::year_month month);

/// Parses "YYYY-MM". @return errc::syntax otherwise.
[[nodiscard]] result<std::chrono::year_month> parse_month(std::string_view text);

/// The report as plain text for residents and committee members: a KPI table with ratings, the credits, the
/// performance points (each failure's sentence and the deduction) and the payment due, each with its sentence.
[[nodiscard]] std::string to_text(const contract_document& document, const period_report& report);

/// The report as JSON (exact figures: money as decimal strings, KPI values as exact text and as numerator and
/// denominator); "points" holds each failure's points and sentence and the deduction, or null for a contract
/// without a [points] regime.
[[nodiscard]] std::string to_json(const contract_document& document, const period_report& report);

/// An OCDS 1.1.5 release package with one `implementation` release for the month (contracts.md §8.6): the parties,
/// the contract with its period (maxExtentDate from the extensions), status and agreed KPIs (metrics extension:
/// target observations), the month's KPI observations, a performanceFailures entry per KPI that earned a credit
/// and per failure category with counted failures (performance_failures extension: one entry per period and
/// category, `events` the failures counted), and the net payment as a transaction. Money is written from pence as exact
/// decimals. Dates: the release is dated the day after the month at 00:00:00Z (so the output is reproducible).
/// @return errc::missing_key if the contract has no [ocds] section.
[[nodiscard]] result<std::string> to_ocds(const contract_document& document, const period_report& report);

/// A tender evaluation as plain text: the ranking table and each bid's sentence, then the notes.
[[nodiscard]] std::string to_text(const tender_document& tender, const tender_result& result);

/// A tender evaluation as JSON (scores as exact text and to two decimals).
[[nodiscard]] std::string to_json(const tender_document& tender, const tender_result& result);

/// An allowance review as plain text: the overall sentence, then each line's sentence and rule, the indexation and
/// the phasing, one to a line.
[[nodiscard]] std::string to_text(const allowance_review& review);

/// TSM figures as plain text: a heading and one sentence a line for each group that has figures.
[[nodiscard]] std::string tsm_to_text(std::span<const tsm_figure> perception, std::span<const tsm_figure> management);

/// TSM figures as JSON: {"perception": [...], "management": [...]}, each figure an object with code, part, title,
/// numerator and denominator (integers), value (exact text, or null for an empty base), unit ("%" or
/// "per 1,000 homes"), margin_points (exact text, perception figures with a margin), excluded and sentence.
[[nodiscard]] std::string tsm_to_json(std::span<const tsm_figure> perception, std::span<const tsm_figure> management);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
