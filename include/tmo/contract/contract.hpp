// tmo/contract/contract.hpp: the service contract model, the payment due for a period and invoice timeliness.
//
// Two layers (contracts.md §2.1): the council's management agreement with the TMO, and the TMO's works and
// services contracts with contractors. Both are the same shape here: parties, a term, a price schedule whose lines
// each carry a VAT treatment, KPIs with their credit terms, and payment terms. VAT rates are dated data supplied
// by the caller; VAT is rounded by a named HMRC-permitted policy (contracts.md §7.2).
#pragma once

#include <tmo/contract/credits.hpp>
#include <tmo/contract/kpi.hpp>
#include <tmo/core/date.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// What a party does in the contract (OCDS partyRole names in brackets).
enum class party_role {
    buyer,     ///< the TMO buying a service, or the council under a management agreement (buyer)
    supplier,  ///< the contractor, or the TMO under a management agreement (supplier)
    payer,     ///< (payer)
    payee,     ///< (payee)
    funder,    ///< the council when it funds a TMO contract (funder)
};

/// An organisation taking part.
struct party {
    std::string id;                 ///< "<scheme>-<id>", e.g. "GB-COH-01234567"
    std::string name;
    std::string identifier_scheme;  ///< org-id register prefix ("GB-COH"); may be empty
    std::string identifier;         ///< the id in that register
    std::vector<party_role> roles;

    friend bool operator==(const party&, const party&) = default;
};

/// What kind of contract it is.
enum class contract_kind {
    management_agreement,  ///< council -> TMO under s.27 Housing Act 1985
    works,                 ///< repairs and building works
    services,              ///< cleaning, caretaking, grounds
};

/// The contract's term. The contract ends on `end` unless extended; each extension adds `extension_months`.
struct contract_term {
    date start{};
    date end{};                  ///< last day of the initial term
    std::int64_t extensions = 0; ///< options available ("up to 2 × 12 months": 2)
    std::int64_t extension_months = 0;
    std::vector<date> break_dates;
    std::int64_t notice_days = 0;  ///< notice needed to break or end

    friend bool operator==(const contract_term&, const contract_term&) = default;
};

/// The last day of the term if every extension is taken (OCDS maxExtentDate): `end` moved by
/// extensions × extension_months, clamped to month ends (add_months).
[[nodiscard]] date max_extent(const contract_term& term);

/// How a price line is charged.
enum class price_basis {
    periodic_fee,       ///< a fixed fee each period (£4,800.00 a month)
    schedule_of_rates,  ///< a price per schedule-of-rates code, times the quantity done
    per_job,            ///< a price per unit of work (per block clean, per void)
};

/// The VAT treatment of a line (contracts.md §7.2, §7.4).
enum class vat_treatment {
    standard,       ///< standard rate, from the dated rate table
    zero_rated,     ///< 0%, a taxable supply
    exempt,         ///< no VAT, an exempt supply
    outside_scope,  ///< no VAT, not a supply (compensation, grants)
    reduced,        ///< the reduced rate, from the dated rate table
};

/// "standard", "zero-rated", "exempt", "outside the scope", "reduced".
[[nodiscard]] const char* vat_treatment_name(vat_treatment t) noexcept;

/// A VAT rate and the day it took effect. Rates are data: the caller supplies them with their source.
struct vat_rate {
    vat_treatment treatment = vat_treatment::standard;  ///< standard or reduced
    date from{};
    rational percent;    ///< 20 for 20%
    std::string source;

    friend bool operator==(const vat_rate&, const vat_rate&) = default;
};

/// The VAT % for `treatment` on `tax_point`: 0 for zero-rated, exempt and outside the scope; otherwise the
/// latest entry of that treatment from on or before tax_point. @return errc::not_found when none applies.
[[nodiscard]] result<rational> vat_percent(vat_treatment treatment, std::span<const vat_rate> rates, date tax_point);

/// A line of the price schedule.
struct price_line {
    std::string code;         ///< schedule-of-rates or local code; opaque text
    std::string description;
    price_basis basis = price_basis::periodic_fee;
    money unit_price;         ///< net of VAT: the fee per period, or the price per unit
    std::string unit;         ///< "month", "job", "m2", "hour"
    vat_treatment vat = vat_treatment::standard;

    friend bool operator==(const price_line&, const price_line&) = default;
};

/// Payment terms: an invoice is due `due_days` after it is received, or after its own due date if later
/// (Procurement Act 2023 s.68(2): 30 days).
struct payment_terms {
    std::int64_t due_days = 30;
    std::string invoice_cycle = "monthly";

    friend bool operator==(const payment_terms&, const payment_terms&) = default;
};

/// A contract.
struct service_contract {
    std::string reference;
    std::string title;
    contract_kind kind = contract_kind::services;
    std::vector<std::string> scope;  ///< the functions delegated (management agreement) or the services bought
    std::vector<party> parties;
    contract_term term;
    std::vector<price_line> prices;
    std::vector<priority> priorities;
    std::vector<kpi_definition> kpis;
    std::vector<credit_term> credits;
    credit_caps caps;
    /// A performance-points payment mechanism: evaluate_month scores each month's failures with score_points
    /// (the failures come from the file that a contract file's [data] failures names).
    std::optional<points_regime> points;
    payment_terms payment;

    friend bool operator==(const service_contract&, const service_contract&) = default;
};

// ---- the payment due for a period -----------------------------------------------------------------------------

/// Quantity done against a price line in the period (periodic fees: usually 1).
struct work_done {
    std::string code;
    rational quantity{1};

    friend bool operator==(const work_done&, const work_done&) = default;
};

/// An adjustment line: a service credit (negative), a credit note, an agreed extra.
struct adjustment {
    std::string description;
    money amount;  ///< net of VAT; a service credit is negative
    vat_treatment vat = vat_treatment::standard;

    friend bool operator==(const adjustment&, const adjustment&) = default;
};

/// How VAT is rounded to the penny (HMRC VAT Notice 700 §17.5; contracts.md §7.2).
enum class vat_rounding {
    line_half_up,        ///< each line's VAT to the nearer penny, a half penny up ("vat_line_half_up")
    invoice_round_down,  ///< the invoice's total exact VAT rounded down to a whole penny ("vat_invoice_round_down")
};

/// "vat_line_half_up", "vat_invoice_round_down".
[[nodiscard]] const char* vat_rounding_name(vat_rounding r) noexcept;

/// One line of the payment.
struct payment_line {
    std::string code;
    std::string description;
    rational quantity;
    money unit_price;
    money net;                   ///< unit price × quantity, to the penny by the line rounding mode
    vat_treatment vat = vat_treatment::standard;
    rational vat_percent;
    rational vat_exact;          ///< net × rate, in pounds, unrounded
    std::optional<money> vat_amount;  ///< line_half_up only

    friend bool operator==(const payment_line&, const payment_line&) = default;
};

/// The payment due for a period.
struct payment_due {
    std::vector<payment_line> lines;  ///< work lines, then adjustments
    money net;
    money vat;
    money gross;
    vat_rounding policy = vat_rounding::line_half_up;
    std::string sentence;  ///< "Due for the period: £4,704.00 net after a service credit of £96.00, VAT £940.80
                           ///< (vat_line_half_up), £5,644.80 in all."

    friend bool operator==(const payment_due&, const payment_due&) = default;
};

/// The payment due: each work line priced from the contract's schedule (`line_rounding` brings price × quantity to
/// the penny), each adjustment added as a line, VAT per line treatment at `tax_point` and rounded by `policy`.
/// @return errc::not_found for a code not in the schedule or a VAT rate that does not apply; errc::invalid_value
///         for a negative quantity; errc::inexact when line_rounding is never and a line is not whole pence.
[[nodiscard]] result<payment_due> payment_for_period(const service_contract& contract,
                                                     std::span<const work_done> work,
                                                     std::span<const adjustment> adjustments,
                                                     std::span<const vat_rate> rates, date tax_point,
                                                     vat_rounding policy, rounding line_rounding);

// ---- invoice timeliness -----------------------------------------------------------------------------------------

/// An invoice as the ledger holds it.
struct invoice {
    std::string reference;
    money amount;
    date received{};
    std::optional<date> stated_due;  ///< a due date on the invoice, if later than receipt
    std::optional<date> paid;
    bool disputed = false;           ///< disputed or invalid: outside the days-to-pay figures

    friend bool operator==(const invoice&, const invoice&) = default;
};

/// When an undisputed invoice must be paid: due_days after receipt, or after its stated due date if later.
[[nodiscard]] date payment_deadline(const invoice& inv, const payment_terms& terms);

/// How an invoice was paid.
struct payment_timeliness {
    date deadline{};
    std::optional<std::int64_t> days_to_pay;  ///< from receipt to payment; absent while unpaid
    bool within_terms = false;                ///< paid on or before the deadline; unpaid: not yet overdue
    std::string sentence;  ///< "INV-7: received 2026-05-01, paid 2026-05-28 after 27 days — within 30 days."

    friend bool operator==(const payment_timeliness&, const payment_timeliness&) = default;
};

/// Days to pay and whether within terms, as at `as_of` for unpaid invoices.
/// @return errc::invalid_value for a disputed invoice (it is outside the measure) or a payment before receipt.
[[nodiscard]] result<payment_timeliness> timeliness(const invoice& inv, const payment_terms& terms, date as_of);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
