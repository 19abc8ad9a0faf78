// A contract's month (tmo/contract/report.hpp): evaluation and plain text. JSON and OCDS are in report_json.cpp.
#include <tmo/contract/report.hpp>

#include "contract/report_detail.hpp"
#include "contract/text.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

using namespace std::chrono;

// What one month gives before its payment: KPIs, fee and credits.
struct month_core {
    std::vector<kpi_assessment> kpis;
    money fee;
    credit_outcome credits;
};

result<kpi_value> value_of(const contract_document& d, const kpi_definition& k, std::span<const repair_job> jobs,
                           const working_calendar& calendar, const period& p, year_month m) {
    switch (k.measure) {
    case kpi_measure::on_time_share: return on_time_share(jobs, d.contract.priorities, k, p, calendar);
    case kpi_measure::average_time: return average_time(jobs, k, p, calendar);
    case kpi_measure::per_thousand_homes: {
        const auto raised = std::count_if(d.jobs.begin(), d.jobs.end(), [&](const job_record& j) {
            return p.contains(day_of(j.job.reported)) &&
                   (k.priorities.empty() ||
                    std::find(k.priorities.begin(), k.priorities.end(), j.job.priority) != k.priorities.end());
        });
        return per_thousand_homes(raised, d.homes.value_or(0));
    }
    case kpi_measure::acceptable_share: return inspections_share(d.inspections, k, p);
    case kpi_measure::right_first_time: return right_first_time_share(d.jobs, k, p);
    case kpi_measure::satisfied_share: return satisfied_share(d.jobs, k, p);
    case kpi_measure::reading: return reading_value(d.readings, k, m);
    }
    return unexpected(errc::internal, "unknown KPI measure");
}

result<month_core> evaluate_core(const contract_document& d, std::span<const repair_job> jobs,
                                 const working_calendar& calendar, year_month m, const credit_history& history) {
    month_core out;
    const period p = detail::month_period(m);
    for (const kpi_definition& k : d.contract.kpis) {
        auto value = value_of(d, k, jobs, calendar, p, m);
        if (!value) return unexpected(value.error());
        auto rated = assess(k, *value, p);
        if (!rated) return unexpected(rated.error());
        out.kpis.push_back(std::move(*rated));
    }
    for (const price_line& line : d.contract.prices)
        if (line.basis == price_basis::periodic_fee) out.fee += line.unit_price;
    auto credits = service_credits(out.kpis, d.contract.credits, out.fee, d.contract.caps, history, d.credit_rounding);
    if (!credits) return unexpected(credits.error());
    out.credits = std::move(*credits);
    return out;
}

std::string pad(std::string s, std::size_t width) {
    std::size_t shown = 0;  // code points
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++shown;
    s.append(shown + 2 <= width ? width - shown : 2, ' ');
    return s;
}

}  // namespace

namespace detail {

period month_period(year_month m) { return {date{m / 1}, date{m / last}}; }

std::string month_name(year_month m) {
    static constexpr std::array<const char*, 12> names{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};
    return std::string(names[static_cast<unsigned>(m.month()) - 1]) + " " + std::to_string(static_cast<int>(m.year()));
}

std::string month_code(year_month m) { return to_string(date{m / 1}).substr(0, 7); }

}  // namespace detail

result<year_month> parse_month(std::string_view text) {
    result<date> d = text.size() == 7 ? parse_date(std::string(text) + "-01")
                                      : result<date>(unexpected(errc::syntax, "wrong shape"));
    if (!d) return unexpected(errc::syntax, "'" + std::string(text) + "' is not a month: write it as 2025-04");
    return d->year() / d->month();
}

result<period_report> evaluate_month(const contract_document& d, year_month month) {
    const year_month first = d.contract.term.start.year() / d.contract.term.start.month();
    const year_month last = d.history.current_end.year() / d.history.current_end.month();
    if (month < first || month > last)
        return unexpected(errc::invalid_value, "the term of " + d.contract.reference + " runs from " +
                                                   detail::month_code(first) + " to " + detail::month_code(last) + "; " +
                                                   detail::month_code(month) + " is outside it");
    std::vector<repair_job> jobs;
    jobs.reserve(d.jobs.size());
    for (const job_record& j : d.jobs) jobs.push_back(j.job);
    const working_calendar calendar = d.calendar();

    // Every month of the term up to this one, for the rolling-annual cap: (fee, credit) per month.
    std::vector<std::pair<money, money>> earlier;
    period_report out;
    for (year_month m = first;; m += months{1}) {
        credit_history history;
        const std::size_t n = earlier.size();
        for (std::size_t i = n > 11 ? n - 11 : 0; i < n; ++i) {
            history.charges_previous_11 += earlier[i].first;
            history.credits_previous_11 += earlier[i].second;
        }
        auto core = evaluate_core(d, jobs, calendar, m, history);
        if (!core) return unexpected(core.error());
        if (m == month) {
            out.kpis = std::move(core->kpis);
            out.fee = core->fee;
            out.history = history;
            out.credits = std::move(core->credits);
            break;
        }
        earlier.emplace_back(core->fee, core->credits.credit);
    }
    out.month = detail::month_period(month);
    out.state = state_on(d.history, out.month.last);

    std::map<std::string, std::int64_t> per_job;
    for (const job_record& j : d.jobs)
        if (!j.price_code.empty() && j.job.completed && out.month.contains(day_of(*j.job.completed)))
            ++per_job[j.price_code];
    std::vector<work_done> work;
    for (const price_line& line : d.contract.prices) {
        if (line.basis == price_basis::periodic_fee) work.push_back({line.code, rational(1)});
        else if (const auto it = per_job.find(line.code); it != per_job.end())
            work.push_back({line.code, rational(it->second)});
    }
    if (const auto& regime = d.contract.points) {
        if (!d.failures)
            return unexpected(errc::not_found,
                              d.files.failures.empty()
                                  ? d.contract.reference +
                                        " has a performance-points regime but no failures file: name it as [data] "
                                        "failures = \"failures.csv\" (a header row alone means no failures)"
                                  : "the failures file " + d.files.failures + " of " + d.contract.reference +
                                        " has not been read: load the contract with its data files",
                              source_location{{}, 0, 0, "data.failures"});
        std::vector<failure_event> reported;
        for (const failure_event& f : *d.failures)
            if (out.month.contains(day_of(f.reported))) reported.push_back(f);
        auto points = score_points(reported, *regime, out.fee, calendar, d.credit_rounding);
        if (!points) return unexpected(points.error());
        out.points = std::move(*points);
    }

    std::vector<adjustment> adjustments;
    if (out.credits.credit.pence() != 0)
        adjustments.push_back({"Service credit, " + detail::month_name(month), -out.credits.credit,
                               vat_treatment::standard});
    if (out.points && out.points->deduction.pence() != 0)
        adjustments.push_back({"Performance-points deduction, " + detail::month_name(month), -out.points->deduction,
                               vat_treatment::standard});
    auto payment = payment_for_period(d.contract, work, adjustments, d.vat_rates, out.month.last, d.vat_policy,
                                      d.line_rounding);
    if (!payment) return unexpected(payment.error());
    out.payment = std::move(*payment);

    const auto met = std::count_if(out.kpis.begin(), out.kpis.end(),
                                   [](const kpi_assessment& a) { return a.outcome == rating::good; });
    // A contract with points and no KPIs says nothing of KPIs.
    const bool kpis = !out.kpis.empty() || !out.points;
    out.sentence = detail::month_name(month) + ": " +
                   (kpis ? std::to_string(met) + " of " + std::to_string(out.kpis.size()) + " KPIs met; service credit " +
                               contract::detail::pounds(out.credits.credit) + (out.points ? "; " : "")
                         : std::string()) +
                   (out.points ? contract::detail::figure(out.points->points, 2) + " performance points, deduction " +
                                     contract::detail::pounds(out.points->deduction)
                               : std::string()) +
                   "; due " +
                   contract::detail::pounds(out.payment.gross) + " (" + contract::detail::pounds(out.payment.net) +
                   " net).";
    return out;
}

std::string to_text(const contract_document& d, const period_report& r) {
    const service_contract& c = d.contract;
    const year_month m = r.month.first.year() / r.month.first.month();
    std::string out = c.reference + " — " + c.title + "\n" + detail::month_name(m) + " (" + to_string(r.month.first) +
                      " to " + to_string(r.month.last) + "); the contract is " + state_name(r.state) + ".\n\n";
    if (r.kpis.empty()) out += "The contract has no KPIs.\n";
    else out += pad("KPI", 8) + pad("Title", 48) + pad("Value", 16) + pad("Target", 16) + "Rating\n";
    for (std::size_t i = 0; i < r.kpis.size(); ++i) {
        const kpi_assessment& a = r.kpis[i];
        const kpi_definition& k = c.kpis[i];
        out += pad(a.kpi_id, 8) + pad(a.title, 48) +
               pad(a.value.value ? display_value(k, *a.value.value) : std::string("—"), 16) +
               pad(display_value(k, a.target), 16) + rating_name(a.outcome) + "\n";
    }
    out += "\n";
    for (const kpi_assessment& a : r.kpis) out += "  " + a.kpi_id + ": " + a.value.basis + ".\n";
    out += "\nService credits\n";
    if (r.credits.kpis.empty()) out += "  The contract has no service credits.\n";
    for (const kpi_credit& k : r.credits.kpis)
        out += "  " + k.kpi_id + ": " + k.rule + " of " + contract::detail::pounds(k.fee_basis) + " = " +
               contract::detail::pounds(k.amount) + "\n";
    out += "  " + r.credits.sentence + "\n";
    if (r.points) {
        out += "\nPerformance points\n";
        if (r.points->failures.empty()) out += "  No failure was reported in the month.\n";
        for (const scored_failure& f : r.points->failures) out += "  " + f.sentence + "\n";
        out += "  " + r.points->sentence + "\n";
    }
    out += "\nPayment due\n";
    for (const payment_line& l : r.payment.lines) {
        out += "  " + pad(l.code.empty() ? std::string("-") : l.code, 10) + pad(l.description, 44) +
               pad(contract::detail::figure(l.quantity, 2) + " × " + contract::detail::pounds(l.unit_price), 20) +
               pad(contract::detail::pounds(l.net), 14) + "VAT " + contract::detail::percent(l.vat_percent, 2) +
               (l.vat_amount ? " " + contract::detail::pounds(*l.vat_amount) : std::string()) + "\n";
    }
    out += "  Net " + contract::detail::pounds(r.payment.net) + ", VAT " + contract::detail::pounds(r.payment.vat) +
           ", total " + contract::detail::pounds(r.payment.gross) + ".\n  " + r.payment.sentence + "\n\n" + r.sentence +
           "\n";
    return out;
}

std::string to_text(const tender_document& t, const tender_result& r) {
    std::string out = t.reference + " — " + t.title + "\nPrice formula: " + price_formula_name(t.model.formula) +
                      ", price weight " + contract::detail::figure(t.model.price_weight, 2) + ".\n\n";
    out += pad("Rank", 6) + pad("Bidder", 32) + pad("Price", 16) + pad("Quality", 10) + pad("Price score", 13) +
           "Total\n";
    for (const bid_result& b : r.bids) {
        out += pad(b.rank ? std::to_string(*b.rank) : std::string("—"), 6) + pad(b.bidder, 32) +
               pad(contract::detail::pounds(b.price), 16) + pad(contract::detail::figure(b.quality, 2), 10) +
               pad(contract::detail::figure(b.price_score, 2), 13) + contract::detail::figure(b.total, 2) +
               (b.abnormally_low ? "  (abnormally low: ask the bidder to explain)" : "") + "\n";
    }
    out += "\n";
    for (const bid_result& b : r.bids) out += "  " + b.sentence + "\n";
    for (const std::string& note : r.notes) out += "  Note: " + note + "\n";
    out += "\n" + r.sentence + "\n";
    return out;
}

std::string to_text(const allowance_review& review) {
    std::string out = review.sentence + "\n";
    for (const allowance_line& l : review.computed.lines) out += "  " + l.sentence + " (" + l.rule + ")\n";
    if (review.indexed) out += "  " + review.indexed->sentence + " (" + review.indexed->rule + ")\n";
    if (review.phased) out += "  " + review.phased->sentence + " (" + review.phased->rule + ")\n";
    return out;
}

std::string tsm_to_text(std::span<const tsm_figure> perception, std::span<const tsm_figure> management) {
    std::string out;
    for (const auto& [heading, figures] : {std::pair{"Perception measures", perception},
                                           std::pair{"Management information", management}}) {
        if (figures.empty()) continue;
        out += std::string(out.empty() ? "" : "\n") + heading + "\n";
        for (const tsm_figure& f : figures) out += "  " + f.sentence + "\n";
    }
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
