#include <tmo/contract/contract.hpp>

#include <doctest/doctest.h>

#include <vector>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

namespace {

money pounds(const char* text) { return money::parse(text).value(); }

// Dated rates as a caller supplies them (contracts.md §7.2 marks the current rate for re-checking).
const std::vector<vat_rate> rates{
    {vat_treatment::standard, 2010y / 1 / 1, rational::parse("17.5").value(), "test data: historical rate"},
    {vat_treatment::standard, 2011y / 1 / 4, rational(20), "test data: current rate"},
};

service_contract cleaning() {
    service_contract c;
    c.reference = "CLN-2025-007";
    c.title = "Communal cleaning";
    c.kind = contract_kind::services;
    c.parties = {{"GB-COH-00000001", "Example TMO", "GB-COH", "00000001", {party_role::buyer, party_role::payer}},
                 {"GB-COH-00000002", "Sparkle Ltd", "GB-COH", "00000002", {party_role::supplier, party_role::payee}}};
    c.term = {2026y / 4 / 1, 2029y / 3 / 31, 2, 12, {}, 90};
    c.prices = {
        {"CLN-M", "Monthly communal cleaning", price_basis::periodic_fee, pounds("4800.00"), "month",
         vat_treatment::standard},
        {"SOR-101", "Deep clean", price_basis::schedule_of_rates, pounds("12.34"), "m2", vat_treatment::standard},
        {"SOR-202", "Bulk item removal", price_basis::per_job, pounds("7.78"), "job", vat_treatment::standard},
        {"SOR-303", "Sharps removal", price_basis::per_job, pounds("2.33"), "job", vat_treatment::standard},
        {"INS", "Insurance recharge", price_basis::per_job, pounds("50.00"), "job", vat_treatment::exempt},
        {"RED", "Energy-saving materials", price_basis::per_job, pounds("10.00"), "job", vat_treatment::reduced},
    };
    return c;
}

}  // namespace

TEST_CASE("the term's maximum extent adds every extension") {
    CHECK(max_extent(cleaning().term) == 2031y / 3 / 31);
}

TEST_CASE("April payment after the £96.00 credit: £4704.00 net and VAT £940.80") {
    const std::vector<work_done> work{{"CLN-M", rational(1)}};
    const std::vector<adjustment> adj{{"Service credit, April 2026 (KPI3)", -pounds("96.00"), vat_treatment::standard}};
    const auto p = payment_for_period(cleaning(), work, adj, rates, 2026y / 4 / 30, vat_rounding::line_half_up,
                                      rounding::half_up)
                       .value();
    CHECK(p.net == pounds("4704.00"));
    CHECK(p.vat == pounds("940.80"));
    CHECK(p.gross == pounds("5644.80"));
    CHECK(p.lines.size() == 2);
    CHECK(p.sentence ==
          "Due for the period: £4,704.00 net after credits of £96.00, VAT £940.80 (vat_line_half_up), £5,644.80 in all.");
}

TEST_CASE("VAT rounding policies: per line to the nearer penny or the invoice total rounded down") {
    const std::vector<work_done> work{{"SOR-202", rational(1)}, {"SOR-303", rational(1)}, {"INS", rational(1)}};
    // 7.78 × 20% = 1.556 -> 1.56; 2.33 × 20% = 0.466 -> 0.47; exempt 0. Exactly 2.022 in all -> 2.02.
    const auto lines = payment_for_period(cleaning(), work, {}, rates, 2026y / 5 / 1, vat_rounding::line_half_up,
                                          rounding::half_up)
                           .value();
    CHECK(lines.vat == pounds("2.03"));
    CHECK(*lines.lines[0].vat_amount == pounds("1.56"));
    CHECK(lines.lines[2].vat_percent == rational(0));
    const auto invoice_level = payment_for_period(cleaning(), work, {}, rates, 2026y / 5 / 1,
                                                  vat_rounding::invoice_round_down, rounding::half_up)
                                   .value();
    CHECK(invoice_level.vat == pounds("2.02"));
    CHECK(invoice_level.net == pounds("60.11"));
    CHECK(invoice_level.gross == pounds("62.13"));
    CHECK_FALSE(invoice_level.lines[0].vat_amount.has_value());
}

TEST_CASE("quantities are priced exactly and VAT rates are date-effective") {
    const std::vector<work_done> half{{"SOR-101", rational(7, 2)}};  // 12.34 × 3.5 = 43.19
    const auto then = payment_for_period(cleaning(), half, {}, rates, 2010y / 6 / 1, vat_rounding::line_half_up,
                                         rounding::never)
                          .value();
    CHECK(then.net == pounds("43.19"));
    CHECK(then.lines[0].vat_percent == rational::parse("17.5").value());
    CHECK(then.vat == pounds("7.56"));  // 7.55825

    const std::vector<work_done> third{{"SOR-101", rational(1, 3)}};  // 4.1133...
    CHECK(payment_for_period(cleaning(), third, {}, rates, 2026y / 5 / 1, vat_rounding::line_half_up, rounding::never)
              .error()
              .code() == errc::inexact);
    const std::vector<work_done> reduced{{"RED", rational(1)}};
    const auto no_rate =
        payment_for_period(cleaning(), reduced, {}, rates, 2026y / 5 / 1, vat_rounding::line_half_up, rounding::half_up);
    CHECK(no_rate.error().message() == "no reduced VAT rate is in force on 2026-05-01");
    const std::vector<work_done> unknown{{"XYZ", rational(1)}};
    CHECK(payment_for_period(cleaning(), unknown, {}, rates, 2026y / 5 / 1, vat_rounding::line_half_up,
                             rounding::half_up)
              .error()
              .message() == "'XYZ' is not in the price schedule of CLN-2025-007");
}

TEST_CASE("invoices are due 30 days after receipt or a later stated due date") {
    const payment_terms terms;
    invoice inv{"INV-7", pounds("5644.80"), 2026y / 5 / 1, std::nullopt, 2026y / 5 / 28, false};
    const auto ok = timeliness(inv, terms, 2026y / 6 / 30).value();
    CHECK(ok.deadline == 2026y / 5 / 31);
    CHECK(*ok.days_to_pay == 27);
    CHECK(ok.within_terms);
    CHECK(ok.sentence == "INV-7: received 2026-05-01, paid 2026-05-28 after 27 days — within 30 days.");

    inv.paid = 2026y / 6 / 5;
    const auto late = timeliness(inv, terms, 2026y / 6 / 30).value();
    CHECK_FALSE(late.within_terms);
    CHECK(late.sentence == "INV-7: received 2026-05-01, paid 2026-06-05 after 35 days — late; it was due by 2026-05-31.");

    inv.stated_due = 2026y / 5 / 10;
    CHECK(payment_deadline(inv, terms) == 2026y / 6 / 9);
    CHECK(timeliness(inv, terms, 2026y / 6 / 30).value().within_terms);

    inv.paid.reset();
    CHECK(timeliness(inv, terms, 2026y / 6 / 10).value().sentence ==
          "INV-7: received 2026-05-01, unpaid on 2026-06-10 — overdue since 2026-06-09.");
    inv.disputed = true;
    CHECK(timeliness(inv, terms, 2026y / 6 / 10).error().code() == errc::invalid_value);
}
