// The JSON forms of a contract's month and of a tender evaluation, and the OCDS 1.1.5 release package
// (tmo/contract/report.hpp). nlohmann-json stays in this file.
#include <tmo/contract/report.hpp>

#include "contract/report_detail.hpp"
#include "contract/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

using json = nlohmann::ordered_json;
using namespace std::chrono;

// OCDS wants amounts as JSON numbers, which nlohmann-json holds only as binary doubles. Exact numbers are therefore
// written as marked strings and the marks removed from the finished text, so "4704.00" reaches the output as the
// digits 4704.00 and never passes through floating point.
constexpr std::string_view number_mark = "\x01tmo-exact-number:";

json exact_number(const std::string& decimal_text) { return std::string(number_mark) + decimal_text; }

std::string unmark(std::string text) {
    // dump() writes the mark's control character as \u0001.
    const std::string open = "\"\\u0001" + std::string(number_mark.substr(1));
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
        const std::size_t end = text.find('"', at + open.size());
        text = text.substr(0, at) + text.substr(at + open.size(), end - at - open.size()) + text.substr(end + 1);
    }
    return text;
}

json money_value(money m) { return json{{"amount", exact_number(m.to_string())}, {"currency", "GBP"}}; }

// A KPI value as an OCDS measure: exact when it has a finite decimal, else to four places (the notes give the
// exact fraction).
json measure(const rational& v) {
    const std::string exact = v.to_exact_text();
    return exact_number(exact.find('/') == std::string::npos ? exact : contract::detail::figure(v, 4));
}

std::string timestamp(date d) { return to_string(d) + "T00:00:00Z"; }
std::string end_of(date d) { return to_string(d) + "T23:59:59Z"; }

json period_of(const period& p) { return json{{"startDate", timestamp(p.first)}, {"endDate", end_of(p.last)}}; }

const char* role_name(party_role r) {
    switch (r) {
    case party_role::buyer: return "buyer";
    case party_role::supplier: return "supplier";
    case party_role::payer: return "payer";
    case party_role::payee: return "payee";
    case party_role::funder: return "funder";
    }
    return "buyer";
}

const char* measure_name(kpi_measure m) {
    switch (m) {
    case kpi_measure::on_time_share: return "on_time_share";
    case kpi_measure::average_time: return "average_time";
    case kpi_measure::per_thousand_homes: return "per_thousand_homes";
    case kpi_measure::acceptable_share: return "acceptable_share";
    case kpi_measure::right_first_time: return "right_first_time";
    case kpi_measure::satisfied_share: return "satisfied_share";
    case kpi_measure::reading: return "reading";
    }
    return "reading";
}

// The unit of a KPI's values, for OCDS observations.
std::string unit_of(const kpi_definition& k) {
    switch (k.measure) {
    case kpi_measure::average_time: return k.counting == duration_count::hours ? "hours" : "days";
    case kpi_measure::per_thousand_homes: return "per 1,000 homes";
    case kpi_measure::reading: return k.unit.empty() ? "value" : (k.unit == "%" ? "percent" : k.unit);
    default: return "percent";
    }
}

json reference(const party& p) { return json{{"id", p.id}, {"name", p.name}}; }

const party* first_with(const service_contract& c, party_role role) {
    for (const party& p : c.parties)
        if (std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end()) return &p;
    return nullptr;
}

std::string exact(const rational& v) { return v.to_exact_text(); }

}  // namespace

std::string to_json(const contract_document& d, const period_report& r) {
    json kpis = json::array();
    for (std::size_t i = 0; i < r.kpis.size(); ++i) {
        const kpi_assessment& a = r.kpis[i];
        const kpi_definition& k = d.contract.kpis[i];
        json item{{"id", a.kpi_id},
                  {"title", a.title},
                  {"measure", measure_name(k.measure)},
                  {"better", a.better == direction::higher_is_better ? "higher" : "lower"},
                  {"value", a.value.value ? json(exact(*a.value.value)) : json(nullptr)},
                  {"shown", a.value.value ? json(display_value(k, *a.value.value)) : json(nullptr)},
                  {"numerator", a.value.numerator.str()},
                  {"denominator", a.value.denominator.str()},
                  {"basis", a.value.basis},
                  {"target", exact(a.target)},
                  {"shortfall", a.shortfall ? json(exact(*a.shortfall)) : json(nullptr)},
                  {"rating", rating_name(a.outcome)},
                  {"sentence", a.sentence}};
        kpis.push_back(std::move(item));
    }
    json credits = json::array();
    for (const kpi_credit& k : r.credits.kpis)
        credits.push_back({{"kpi", k.kpi_id},
                           {"percent", exact(k.percent)},
                           {"fee_basis", k.fee_basis.to_string()},
                           {"amount", exact(k.amount)},
                           {"rule", k.rule}});
    json points = nullptr;
    if (r.points) {
        const points_regime& regime = *d.contract.points;
        json failures = json::array();
        for (const scored_failure& f : r.points->failures)
            failures.push_back({{"reference", f.reference},
                                {"category", f.category},
                                {"counted", f.counted},
                                {"base_points", exact(f.base_points)},
                                {"multiplier", exact(f.multiplier)},
                                {"points", exact(f.points)},
                                {"sentence", f.sentence}});
        points = {{"failures", std::move(failures)},
                  {"points", exact(r.points->points)},
                  {"threshold", exact(regime.threshold)},
                  {"chargeable", exact(r.points->chargeable)},
                  {"value_per_point", regime.value_per_point.to_string()},
                  {"cap", r.points->cap ? json(exact(*r.points->cap)) : json(nullptr)},
                  {"deduction", r.points->deduction.to_string()},
                  {"sentence", r.points->sentence}};
    }
    json lines = json::array();
    for (const payment_line& l : r.payment.lines)
        lines.push_back({{"code", l.code},
                         {"description", l.description},
                         {"quantity", exact(l.quantity)},
                         {"unit_price", l.unit_price.to_string()},
                         {"net", l.net.to_string()},
                         {"vat_treatment", vat_treatment_name(l.vat)},
                         {"vat_percent", exact(l.vat_percent)},
                         {"vat_exact", exact(l.vat_exact)},
                         {"vat", l.vat_amount ? json(l.vat_amount->to_string()) : json(nullptr)}});
    const json out{
        {"contract", d.contract.reference},
        {"title", d.contract.title},
        {"period", {{"first", to_string(r.month.first)}, {"last", to_string(r.month.last)}}},
        {"state", state_name(r.state)},
        {"kpis", std::move(kpis)},
        {"fee", r.fee.to_string()},
        {"credits",
         {{"kpis", std::move(credits)},
          {"uncapped", exact(r.credits.uncapped)},
          {"monthly_cap", r.credits.monthly_cap ? json(exact(*r.credits.monthly_cap)) : json(nullptr)},
          {"annual_cap", r.credits.annual_cap ? json(exact(*r.credits.annual_cap)) : json(nullptr)},
          {"charges_previous_11", r.history.charges_previous_11.to_string()},
          {"credits_previous_11", r.history.credits_previous_11.to_string()},
          {"credit", r.credits.credit.to_string()},
          {"rounding", rounding_name(r.credits.mode)},
          {"sentence", r.credits.sentence}}},
        {"points", std::move(points)},
        {"payment",
         {{"lines", std::move(lines)},
          {"net", r.payment.net.to_string()},
          {"vat", r.payment.vat.to_string()},
          {"gross", r.payment.gross.to_string()},
          {"vat_rounding", vat_rounding_name(r.payment.policy)},
          {"due_days", d.contract.payment.due_days},
          {"sentence", r.payment.sentence}}},
        {"sentence", r.sentence}};
    return out.dump(2);
}

std::string to_json(const tender_document& t, const tender_result& r) {
    json bids = json::array();
    for (const bid_result& b : r.bids) {
        json criteria = json::array();
        for (const criterion_result& c : b.criteria)
            criteria.push_back({{"criterion", c.criterion},
                                {"score", exact(c.score)},
                                {"moderated", c.moderated},
                                {"weighted", exact(c.weighted)},
                                {"below_minimum", c.below_minimum}});
        bids.push_back({{"bidder", b.bidder},
                        {"rank", b.rank ? json(*b.rank) : json(nullptr)},
                        {"price", b.price.to_string()},
                        {"quality", exact(b.quality)},
                        {"resident_quality", exact(b.resident_quality)},
                        {"price_score", exact(b.price_score)},
                        {"total", exact(b.total)},
                        {"total_shown", contract::detail::figure(b.total, 2)},
                        {"disqualified", b.disqualified},
                        {"abnormally_low", b.abnormally_low},
                        {"criteria", std::move(criteria)},
                        {"sentence", b.sentence}});
    }
    const json out{{"tender", t.reference},
                   {"title", t.title},
                   {"formula", price_formula_name(t.model.formula)},
                   {"price_weight", exact(t.model.price_weight)},
                   {"bids", std::move(bids)},
                   {"notes", r.notes},
                   {"sentence", r.sentence}};
    return out.dump(2);
}

result<std::string> to_ocds(const contract_document& d, const period_report& r) {
    if (!d.ocds)
        return unexpected(errc::missing_key, "the contract has no [ocds] section (ocid, publisher, uri)",
                          source_location{{}, 0, 0, "ocds"});
    const ocds_publication& o = *d.ocds;
    const service_contract& c = d.contract;
    const year_month m = r.month.first.year() / r.month.first.month();
    const std::string code = detail::month_code(m);
    const std::string released = timestamp(add_days(r.month.last, 1));

    json parties = json::array();
    for (const party& p : c.parties) {
        json item{{"id", p.id}, {"name", p.name}};
        if (!p.identifier_scheme.empty()) item["identifier"] = {{"scheme", p.identifier_scheme}, {"id", p.identifier}};
        json roles = json::array();
        for (party_role role : p.roles) roles.push_back(role_name(role));
        item["roles"] = std::move(roles);
        parties.push_back(std::move(item));
    }

    json agreed = json::array();
    json actual = json::array();
    json failures = json::array();
    for (std::size_t i = 0; i < c.kpis.size(); ++i) {
        const kpi_definition& k = c.kpis[i];
        const kpi_assessment& a = r.kpis[i];
        const json unit{{"name", unit_of(k)}};
        json targets = json::array();
        for (const dated_target& t : k.targets)
            targets.push_back({{"id", "target-" + to_string(t.from)},
                               {"period", {{"startDate", timestamp(t.from)}}},
                               {"measure", measure(t.value)},
                               {"unit", unit}});
        agreed.push_back({{"id", k.id}, {"title", k.title}, {"observations", std::move(targets)}});
        json observation{{"id", code}, {"period", period_of(r.month)}};
        if (a.value.value) observation["measure"] = measure(*a.value.value);
        observation["unit"] = unit;
        observation["notes"] = a.value.basis + (a.value.value ? " (exactly " + exact(*a.value.value) + ")" : "") +
                               "; rated " + rating_name(a.outcome) + ".";
        actual.push_back({{"id", k.id}, {"title", k.title}, {"observations", json::array({std::move(observation)})}});
    }
    for (const kpi_credit& k : r.credits.kpis) {
        const auto a = std::find_if(r.kpis.begin(), r.kpis.end(), [&](const kpi_assessment& x) { return x.kpi_id == k.kpi_id; });
        if (a == r.kpis.end() || !a->shortfall || a->shortfall->sign() == 0) continue;
        failures.push_back({{"id", "PF-" + code + "-" + k.kpi_id},
                            {"period", period_of(r.month)},
                            {"category", k.kpi_id + " below target"},
                            {"events", 1},
                            {"penaltyContracted", "Service credit: " + k.rule + " of " +
                                                      contract::detail::pounds(k.fee_basis)},
                            {"penaltyImposed", "GBP " + money::from_rational(k.amount, r.credits.mode).value().to_string() +
                                                   " before caps; GBP " + r.credits.credit.to_string() +
                                                   " in all deducted from the " + detail::month_name(m) + " invoice"},
                            {"penaltyPaid", false}});
    }

    if (r.points) {
        // One entry per category with counted failures (the extension's entries are per period and category).
        const points_regime& regime = *c.points;
        std::string repeats;
        for (const rational& x : regime.repeat_multipliers)
            repeats += (repeats.empty() ? "" : ", ") + contract::detail::figure(x, 2);
        const std::string terms =
            " × the place's weight" + (repeats.empty() ? std::string() : " × the repeat multiplier (" + repeats + ")") +
            ", for a failure not put right within ";
        const std::string price =
            "; points above " + contract::detail::figure(regime.threshold, 2) + " a month cost " +
            contract::detail::pounds(regime.value_per_point) + " each" +
            (regime.cap_percent ? ", up to " + contract::detail::percent(*regime.cap_percent, 2) + " of the fee" : "");
        for (const failure_category& cat : regime.categories) {
            std::int64_t events = 0;
            rational points;
            std::string references;
            for (const scored_failure& f : r.points->failures) {
                if (!f.counted || f.category != cat.code) continue;
                ++events;
                points += f.points;
                references += (references.empty() ? "" : ", ") + f.reference;
            }
            if (events == 0) continue;
            failures.push_back(
                {{"id", "PF-" + code + "-" + cat.code},
                 {"period", period_of(r.month)},
                 {"category", cat.description.empty() ? cat.code : cat.description},
                 {"events", events},
                 {"penaltyContracted", "Performance points: " + contract::detail::figure(cat.points, 2) + terms +
                                           to_string(cat.rectification) + price},
                 {"penaltyImposed", contract::detail::figure(points, 2) + " points (" + references + ") of " +
                                        contract::detail::figure(r.points->points, 2) + " in the month; GBP " +
                                        r.points->deduction.to_string() + " in all deducted from the " +
                                        detail::month_name(m) + " invoice"},
                 {"penaltyPaid", false}});
        }
    }

    // The metrics extension wants its arrays non-empty: a contract without KPIs (points only) has neither.
    json implementation{{"transactions", json::array()}};
    if (!actual.empty()) implementation["metrics"] = std::move(actual);
    json transaction{{"id", c.reference + "-" + code}, {"date", end_of(r.month.last)}, {"value", money_value(r.payment.net)}};
    if (const party* payer = first_with(c, party_role::payer)) transaction["payer"] = reference(*payer);
    if (const party* payee = first_with(c, party_role::payee)) transaction["payee"] = reference(*payee);
    implementation["transactions"].push_back(std::move(transaction));
    if (!failures.empty()) implementation["performanceFailures"] = std::move(failures);

    const std::string award_id = c.reference + "-award";
    json suppliers = json::array();
    for (const party& p : c.parties)
        if (std::find(p.roles.begin(), p.roles.end(), party_role::supplier) != p.roles.end())
            suppliers.push_back(reference(p));
    json contract_json{{"id", c.reference},
                       {"awardID", award_id},
                       {"title", c.title},
                       {"status", ocds_status(r.state)},
                       {"period",
                        {{"startDate", timestamp(c.term.start)},
                         {"endDate", end_of(d.history.current_end)},
                         {"maxExtentDate", end_of(max_extent(c.term))}}}};
    if (!agreed.empty()) contract_json["agreedMetrics"] = std::move(agreed);
    contract_json["implementation"] = std::move(implementation);
    if (!c.scope.empty()) {
        std::string scope;
        for (const std::string& s : c.scope) scope += (scope.empty() ? "" : "; ") + s;
        contract_json["description"] = scope;
    }

    json release{{"ocid", o.ocid},
                 {"id", o.ocid + "-implementation-" + code},
                 {"date", released},
                 {"tag", json::array({"implementation"})},
                 {"initiationType", "tender"},
                 {"language", "en"},
                 {"parties", std::move(parties)}};
    if (const party* buyer = first_with(c, party_role::buyer)) release["buyer"] = reference(*buyer);
    release["awards"] = json::array({json{{"id", award_id}, {"status", "active"}, {"suppliers", std::move(suppliers)}}});
    release["contracts"] = json::array({std::move(contract_json)});

    json publisher{{"name", o.publisher_name}};
    if (!o.publisher_scheme.empty()) publisher["scheme"] = o.publisher_scheme;
    if (!o.publisher_uid.empty()) publisher["uid"] = o.publisher_uid;
    json package{{"uri", o.uri + "/" + code + ".json"},
                 {"version", "1.1"},
                 {"extensions",
                  json::array({"https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/"
                               "v1.1/extension.json",
                               "https://raw.githubusercontent.com/open-contracting-extensions/"
                               "ocds_performance_failures_extension/master/extension.json"})},
                 {"publishedDate", released},
                 {"publisher", std::move(publisher)}};
    if (!o.license.empty()) package["license"] = o.license;
    package["releases"] = json::array({std::move(release)});
    return unmark(package.dump(2));
}

std::string tsm_to_json(std::span<const tsm_figure> perception, std::span<const tsm_figure> management) {
    const auto figures = [](std::span<const tsm_figure> list) {
        json out = json::array();
        for (const tsm_figure& f : list) {
            json item{{"code", f.code},
                      {"part", f.part},
                      {"title", f.title},
                      {"numerator", exact_number(f.numerator.str())},
                      {"denominator", exact_number(f.denominator.str())},
                      {"value", f.value ? json(f.value->to_exact_text()) : json(nullptr)},
                      {"unit", f.per_thousand ? "per 1,000 homes" : "%"}};
            if (f.margin) item["margin_points"] = f.margin->to_exact_text();
            item["excluded"] = f.excluded;
            item["sentence"] = f.sentence;
            out.push_back(std::move(item));
        }
        return out;
    };
    return unmark(json{{"perception", figures(perception)}, {"management", figures(management)}}.dump(2)) + "\n";
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
