// tmo/contract/allowance.hpp: the management and maintenance allowance a council pays a TMO (governance.md §4.4,
// contracts.md §2.3).
//
// The allowance is what the delegated services would have cost the council: for each heading of council spend
// (supervision and management, responsive repairs, ...), the spend divided by the council's relevant stock and
// multiplied by the TMO's homes; plus committee administration and training by a set formula (a fixed sum a year
// and a sum per home); reviewed each year by a named index; and a change of more than a set percentage phased in
// over several years. Every figure here is data the caller passes (the sources label the formula, the 5% and the
// three years [V2] or [U]); nothing is a constant in code. Sums are exact and each line is rounded once, to the
// penny, by the named mode.
#pragma once

#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/core/rounding.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// One heading of council spend, apportioned to the TMO by homes.
struct allowance_heading {
    std::string name;        ///< "Responsive repairs"
    std::string basis;       ///< how the council's figure was found: "actual", "historic (5 years)", "estimated"; may be empty
    money council_spend;     ///< the council's spend on the heading for its whole relevant stock
    std::optional<std::int64_t> stock;  ///< the council's stock this heading serves; absent: allowance_terms::council_stock
    std::optional<std::int64_t> homes;  ///< the TMO's homes among them; absent: allowance_terms::tmo_homes

    friend bool operator==(const allowance_heading&, const allowance_heading&) = default;
};

/// Committee administration and training by formula: `fixed` a year plus `per_home` for each of the TMO's homes
/// (one workshop quotes £5,000 + £10 per property [V2]).
struct committee_formula {
    money fixed;
    money per_home;
    std::string source;  ///< where the formula comes from; may be empty

    friend bool operator==(const committee_formula&, const committee_formula&) = default;
};

/// The annual review: the allowance moves by `percent` of a named index (e.g. CPI, 12 months to September: 1.7).
struct allowance_index {
    std::string name;
    rational percent;  ///< the index's change in percent; may be negative

    friend bool operator==(const allowance_index&, const allowance_index&) = default;
};

/// When and how a change is phased in (governance.md §4.4: "variations over 5% are phased in over 3 years").
struct phasing_rule {
    rational threshold_percent;   ///< a change of more than this (see inclusive) is phased
    bool inclusive = false;       ///< true: a change of exactly the threshold is phased too
    std::int64_t years = 1;       ///< years over which a phased change is made, at least 1
    /// The share of the change reached by the end of each year, cumulative, ending at 1 ({1/3, 2/3, 1} for equal
    /// thirds). Empty: equal steps (k / years).
    std::vector<rational> steps;

    friend bool operator==(const phasing_rule&, const phasing_rule&) = default;
};

/// Everything the allowance of one year depends on, as written in the [allowance] table of a management agreement
/// (docs/contracts.md).
struct allowance_terms {
    std::string year;                     ///< the year it is for, as people write it ("2026/27"); may be empty
    std::int64_t council_stock = 0;       ///< the council's rented stock (13,058 in the published example)
    std::int64_t tmo_homes = 0;           ///< the TMO's homes (39)
    std::vector<allowance_heading> headings;
    std::optional<committee_formula> committee;
    std::optional<money> current;         ///< the allowance paid now, for the review
    std::optional<allowance_index> index; ///< applied to `current`
    std::optional<phasing_rule> phasing;  ///< applied to a change from `current` (indexed) to the recomputed total
    rounding mode = rounding::half_up;    ///< each line to the penny

    friend bool operator==(const allowance_terms&, const allowance_terms&) = default;
};

/// One line of the allowance.
struct allowance_line {
    std::string heading;   ///< the heading's name, or "Committee administration and training"
    bool formula = false;  ///< true for the committee formula, false for a heading apportioned by homes
    rational exact;        ///< the line in pounds before rounding
    money amount;          ///< rounded once by the terms' mode
    std::string rule;      ///< "£1,000,000.00 ÷ 13,058 homes × 39 homes = £2,986.674835…, rounded half_up"
    std::string sentence;  ///< "Responsive repairs: the council spends £1,000,000.00 on 13,058 homes; the TMO's 39 homes get £2,986.67."

    friend bool operator==(const allowance_line&, const allowance_line&) = default;
};

/// The recomputed allowance: each heading's share, the committee formula, and their total.
struct allowance_outcome {
    std::vector<allowance_line> lines;  ///< the headings in order, then the committee line
    money total;                        ///< Σ lines
    rounding mode = rounding::half_up;
    std::string sentence;

    friend bool operator==(const allowance_outcome&, const allowance_outcome&) = default;
};

/// Computes each heading's share (spend × homes ÷ stock) and the committee formula (fixed + per_home × homes),
/// each rounded once by terms.mode, and their total.
/// @return errc::invalid_value if a stock is below 1, homes are below 0 or more than the stock, or a spend is
///         negative; errc::inexact when the mode is never and a line is not whole pence; errc::overflow.
[[nodiscard]] result<allowance_outcome> apportion_allowance(const allowance_terms& terms);

/// The current allowance moved by the index.
struct indexed_allowance {
    money before;
    allowance_index index;
    rational exact;   ///< before × (1 + percent / 100)
    money after;      ///< rounded once
    std::string rule;
    std::string sentence;  ///< "Indexed by CPI (+1.7%): £100,000.00 becomes £101,700.00."

    friend bool operator==(const indexed_allowance&, const indexed_allowance&) = default;
};

/// Applies the annual index to `current`, rounding once by `mode`.
/// @return errc::invalid_value if the index falls by 100% or more; errc::inexact (mode never); errc::overflow.
[[nodiscard]] result<indexed_allowance> index_allowance(money current, const allowance_index& index, rounding mode);

/// A change of allowance, phased or not.
struct phased_allowance {
    money current;
    money target;
    rational change_percent;    ///< (target − current) ÷ current × 100, exact
    bool phased = false;        ///< the change passed the threshold
    std::vector<money> years;   ///< what each year pays: `years` entries when phased, else the target alone
    std::string rule;           ///< "+15% is more than 5%: phased over 3 years in equal steps"
    std::string sentence;       ///< "The allowance rises from £100,000.00 to £115,000.00 (+15%), more than 5%, so it is phased in over 3 years: £105,000.00, £110,000.00, £115,000.00."

    friend bool operator==(const phased_allowance&, const phased_allowance&) = default;
};

/// Phases the change from `current` to `target` under `rule`: when |change| ÷ current exceeds the threshold (or
/// equals it, if inclusive), year k pays current + (target − current) × step_k, rounded by `mode`; the last year
/// pays the target. Otherwise the target is paid at once.
/// @return errc::invalid_value if current is not above zero, years is below 1, the threshold is negative, or the
///         steps are not `years` increasing fractions ending at 1; errc::inexact (mode never); errc::overflow.
[[nodiscard]] result<phased_allowance> phase_allowance(money current, money target, const phasing_rule& rule,
                                                       rounding mode);

/// The year's review: the recomputed allowance, the current one indexed, and the change between them phased.
struct allowance_review {
    allowance_outcome computed;
    std::optional<indexed_allowance> indexed;  ///< when terms have current and index
    std::optional<phased_allowance> phased;    ///< when terms have current and phasing
    money payable;          ///< this year: the first phased year; else the computed total; with no lines, the
                            ///< indexed current allowance
    std::string sentence;

    friend bool operator==(const allowance_review&, const allowance_review&) = default;
};

/// Reviews the allowance: apportion_allowance; the current allowance indexed when an index is given; and, when a
/// phasing rule, a current allowance and at least one line are given, the change from the (indexed) current
/// allowance to the recomputed total phased. Example (governance.md §4.4): current £100,000.00, recomputed
/// £115,000.00, 5% over 3 years in equal steps: payable £105,000.00.
/// @return the errors of apportion_allowance, index_allowance and phase_allowance.
[[nodiscard]] result<allowance_review> review_allowance(const allowance_terms& terms);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
