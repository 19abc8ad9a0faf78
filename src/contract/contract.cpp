#include <tmo/contract/contract.hpp>

#include "contract/text.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace contract {

date max_extent(const contract_term& term) { return add_months(term.end, term.extensions * term.extension_months); }

const char* vat_treatment_name(vat_treatment t) noexcept {
    switch (t) {
    case vat_treatment::standard: return "standard";
    case vat_treatment::zero_rated: return "zero-rated";
    case vat_treatment::exempt: return "exempt";
    case vat_treatment::outside_scope: return "outside the scope";
    case vat_treatment::reduced: return "reduced";
    }
    return "standard";
}

const char* vat_rounding_name(vat_rounding r) noexcept {
    return r == vat_rounding::line_half_up ? "vat_line_half_up" : "vat_invoice_round_down";
}

result<rational> vat_percent(vat_treatment treatment, std::span<const vat_rate> rates, date tax_point) {
    if (treatment != vat_treatment::standard && treatment != vat_treatment::reduced) return rational(0);
    const vat_rate* best = nullptr;
    for (const vat_rate& r : rates)
        if (r.treatment == treatment && r.from <= tax_point && (best == nullptr || best->from <= r.from)) best = &r;
    if (best == nullptr)
        return unexpected(errc::not_found, std::string("no ") + vat_treatment_name(treatment) +
                                               " VAT rate is in force on " + to_string(tax_point));
    return best->percent;
}

result<payment_due> payment_for_period(const service_contract& contract, std::span<const work_done> work,
                                       std::span<const adjustment> adjustments, std::span<const vat_rate> rates,
                                       date tax_point, vat_rounding policy, rounding line_rounding) {
    payment_due out;
    out.policy = policy;
    rational vat_exact_total;
    money credits;
    const auto add_line = [&](payment_line line) -> result<void> {
        auto pct = vat_percent(line.vat, rates, tax_point);
        if (!pct) return unexpected(pct.error());
        line.vat_percent = *pct;
        line.vat_exact = line.net.to_rational() * *pct / 100;
        if (policy == vat_rounding::line_half_up) {
            line.vat_amount = money::from_rational(line.vat_exact, rounding::half_up).value();
            out.vat += *line.vat_amount;
        }
        vat_exact_total += line.vat_exact;
        out.net += line.net;
        out.lines.push_back(std::move(line));
        return {};
    };

    for (const work_done& w : work) {
        const auto price = std::find_if(contract.prices.begin(), contract.prices.end(),
                                        [&](const price_line& p) { return p.code == w.code; });
        if (price == contract.prices.end())
            return unexpected(errc::not_found, "'" + w.code + "' is not in the price schedule of " + contract.reference);
        if (w.quantity.sign() < 0)
            return unexpected(errc::invalid_value, "the quantity of '" + w.code + "' cannot be negative");
        auto net = money::from_rational(price->unit_price.to_rational() * w.quantity, line_rounding);
        if (!net) return unexpected(net.error());
        if (auto r = add_line({price->code, price->description, w.quantity, price->unit_price, *net, price->vat,
                               rational(0), rational(0), std::nullopt});
            !r)
            return unexpected(r.error());
    }
    for (const adjustment& a : adjustments) {
        if (a.amount.pence() < 0) credits -= a.amount;
        if (auto r = add_line({"", a.description, rational(1), a.amount, a.amount, a.vat, rational(0), rational(0),
                               std::nullopt});
            !r)
            return unexpected(r.error());
    }
    if (policy == vat_rounding::invoice_round_down)
        out.vat = money::from_rational(vat_exact_total, rounding::floor).value();
    out.gross = out.net + out.vat;
    out.sentence = "Due for the period: " + detail::pounds(out.net) + " net" +
                   (credits.pence() != 0 ? " after credits of " + detail::pounds(credits) : std::string()) +
                   ", VAT " + detail::pounds(out.vat) + " (" + vat_rounding_name(policy) + "), " +
                   detail::pounds(out.gross) + " in all.";
    return out;
}

date payment_deadline(const invoice& inv, const payment_terms& terms) {
    const date start = inv.stated_due && inv.received < *inv.stated_due ? *inv.stated_due : inv.received;
    return add_days(start, terms.due_days);
}

result<payment_timeliness> timeliness(const invoice& inv, const payment_terms& terms, date as_of) {
    if (inv.disputed)
        return unexpected(errc::invalid_value,
                          "invoice " + inv.reference + " is disputed, so it is outside the days-to-pay measure");
    if (inv.paid && *inv.paid < inv.received)
        return unexpected(errc::invalid_value, "invoice " + inv.reference + " is paid before it was received");
    payment_timeliness t;
    t.deadline = payment_deadline(inv, terms);
    const std::string head = inv.reference + ": received " + to_string(inv.received) + ", ";
    const std::string terms_text = std::to_string(terms.due_days) + " days";
    if (inv.paid) {
        t.days_to_pay = days_between(inv.received, *inv.paid);
        t.within_terms = *inv.paid <= t.deadline;
        t.sentence = head + "paid " + to_string(*inv.paid) + " after " + std::to_string(*t.days_to_pay) + " days — " +
                     (t.within_terms ? "within " + terms_text : "late; it was due by " + to_string(t.deadline)) + ".";
    } else {
        t.within_terms = as_of <= t.deadline;
        t.sentence = head + "unpaid on " + to_string(as_of) + " — " +
                     (t.within_terms ? "due by " + to_string(t.deadline) : "overdue since " + to_string(t.deadline)) +
                     ".";
    }
    return t;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
