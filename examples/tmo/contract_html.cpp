// The HTML report of a contract over months: each KPI's monthly values as a line against its target, on bands
// shaded by rating, with the table of values and ratings; then the service credits and payments month by month.
#include "html.hpp"
#include "reports.hpp"

#include <tmo/contract/kpi.hpp>

#include <algorithm>

namespace tmo_tool {

namespace {

using tmo::rational;
namespace tc = tmo::contract;

const char* rating_fill(tc::rating r) {
    switch (r) {
        case tc::rating::good: return "#00703c";
        case tc::rating::approaching_target: return "#f47738";
        case tc::rating::requires_improvement: return "#d4351c";
        case tc::rating::inadequate: return "#6f0000";
        case tc::rating::other: return "#b1b4b6";
    }
    return "#b1b4b6";
}

bool is_percentage(tc::kpi_measure m) {
    return m == tc::kpi_measure::on_time_share || m == tc::kpi_measure::acceptable_share ||
           m == tc::kpi_measure::right_first_time || m == tc::kpi_measure::satisfied_share;
}

std::string month_of(const tc::period_report& r) { return tmo::to_string(r.month.first).substr(0, 7); }

// The chart of KPI `k`: the rating bands around the target in force in the last month, the target as a dashed
// line, and each month's value coloured by its rating.
std::string kpi_chart(const tc::kpi_definition& kpi, const std::vector<tc::period_report>& months, std::size_t k) {
    const tc::kpi_assessment& last = months.back().kpis[k];
    const rational target = last.target;
    const bool higher = kpi.better == tc::direction::higher_is_better;
    const rational sign = higher ? rational(-1) : rational(1);  // the side of the target where ratings fall
    const rational edge_approaching = target + sign * kpi.bands.approaching;
    const rational edge_improvement = target + sign * kpi.bands.requires_improvement;
    html::line_chart_data d;
    d.alt = kpi.title + ": the value of each month against the target of " + tc::display_value(kpi, target);
    rational low = std::min(target, edge_improvement), high = std::max(target, edge_improvement);
    for (const tc::period_report& m : months) {
        const tc::kpi_assessment& a = m.kpis[k];
        d.x_labels.push_back(month_of(m));
        d.values.push_back(a.value.value);
        d.point_fill.push_back(rating_fill(a.outcome));
        if (a.value.value) {
            low = std::min(low, *a.value.value);
            high = std::max(high, *a.value.value);
        }
    }
    // A margin of a tenth of the range (at least one unit), whole numbers at both ends; percentages stay in 0-100.
    const rational pad = std::max(rational(1), (high - low) / rational(10));
    low = rational((low - pad).floor());
    high = rational((high + pad).ceil());
    if (is_percentage(kpi.measure)) {
        low = std::max(low, rational(0));
        high = std::min(high, rational(100));
    }
    if (!(low < high)) high = low + rational(1);
    const rational step = std::max(rational(1), rational(((high - low) / rational(4)).ceil()));
    for (rational t = low; t <= high; t += step) d.ticks.push_back(t);
    d.low = low;
    d.high = high;
    d.unit = is_percentage(kpi.measure) ? "%" : "";
    d.reference = target;
    const auto span = [](const rational& a, const rational& b) { return std::pair{std::min(a, b), std::max(a, b)}; };
    const auto good = higher ? std::pair{target, high} : std::pair{low, target};
    const auto approaching = span(target, edge_approaching);
    const auto improvement = span(edge_approaching, edge_improvement);
    const auto inadequate = higher ? std::pair{low, edge_improvement} : std::pair{edge_improvement, high};
    d.bands = {{good.first, good.second, "#e6f2ec", "good"},
               {approaching.first, approaching.second, "#fdeee4", "approaching"},
               {improvement.first, improvement.second, "#fbe4e1", "requires improvement"},
               {inadequate.first, inadequate.second, "#f1dcdc", "inadequate"}};
    return html::line_chart(d);
}

}  // namespace

std::string contract_section(const tc::contract_document& doc, const std::vector<tc::period_report>& months,
                             const std::string& title) {
    std::string out = "<section>\n<h2>" + html::escape(title) + "</h2>\n";
    if (months.empty()) return out + "<p>No month of the contract was reported.</p>\n</section>\n";
    std::size_t good = 0, rated = 0;
    for (const tc::period_report& m : months)
        for (const tc::kpi_assessment& a : m.kpis) {
            rated += a.outcome == tc::rating::other ? 0 : 1;
            good += a.outcome == tc::rating::good ? 1 : 0;
        }
    tmo::money credits, deductions;
    for (const tc::period_report& m : months) {
        credits = credits + m.credits.credit;
        if (m.points) deductions = deductions + m.points->deduction;
    }
    const bool points = doc.contract.points.has_value();
    std::string verdict = doc.contract.reference + ", " + month_of(months.front()) + " to " + month_of(months.back()) + ": ";
    if (!doc.contract.kpis.empty() || !points)
        verdict += std::to_string(good) + " of " + std::to_string(rated) +
                   " monthly KPI results met their target; service credits " + credits.format() + (points ? "; " : "");
    if (points) verdict += "performance-points deductions " + deductions.format();
    out += "<p class=\"verdict " + std::string(good == rated && deductions.pence() == 0 ? "pass" : "fail") + "\">" +
           html::escape(verdict + ".") + "</p>\n";
    out += "<p>" + html::escape(months.back().sentence) + "</p>\n";
    const auto& kpis = doc.contract.kpis;
    for (std::size_t k = 0; k < kpis.size(); ++k) {
        const tc::kpi_definition& kpi = kpis[k];
        std::vector<std::vector<std::string>> rows;
        for (const tc::period_report& m : months) {
            const tc::kpi_assessment& a = m.kpis[k];
            rows.push_back({month_of(m), a.value.value ? tc::display_value(kpi, *a.value.value) : "-",
                            tc::display_value(kpi, a.target), tc::rating_name(a.outcome), a.value.basis});
        }
        out += "<h3>" + html::escape(kpi.id + ": " + kpi.title) + "</h3>\n";
        out += html::figure(kpi_chart(kpi, months, k),
                            "The dashed line is the target in force in the last month; the shading shows the rating "
                            "bands around it; each point is coloured by the month's rating (green good, orange "
                            "approaching target, red requires improvement, dark red inadequate).",
                            html::table(kpi.id + " month by month", {"Month", "Value", "Target", "Rating", "Basis"},
                                        rows, {1, 2}));
    }
    const tc::period_report& last = months.back();
    if (last.points) {
        // The last month's failures: each one's points and the sentence that explains them.
        std::vector<std::vector<std::string>> rows;
        for (const tc::scored_failure& f : last.points->failures)
            rows.push_back({f.reference, f.counted ? "yes" : "no", f.points.to_exact_text(), f.sentence});
        out += "<h3>" + html::escape("Performance points, " + month_of(last)) + "</h3>\n";
        out += "<p>" + html::escape(last.points->sentence) + "</p>\n";
        if (!rows.empty())
            out += html::table("Failures reported in " + month_of(last), {"Failure", "Counted", "Points", "Why"}, rows,
                               {2});
    }
    std::vector<std::vector<std::string>> pay;
    for (const tc::period_report& m : months) {
        std::vector<std::string> row{month_of(m), m.fee.format(), m.credits.credit.format()};
        if (last.points) row.push_back(m.points ? m.points->deduction.format() : tmo::money().format());
        for (std::string cell : {m.payment.net.format(), m.payment.gross.format(),
                                 m.credits.sentence + (m.points ? " " + m.points->sentence : std::string())})
            row.push_back(std::move(cell));
        pay.push_back(std::move(row));
    }
    std::vector<std::string> head{"Month", "Fee", "Service credit"};
    if (last.points) head.push_back("Points deduction");
    for (const char* h : {"Net due", "Gross due", "Why"}) head.push_back(h);
    std::vector<std::size_t> numeric{1, 2, 3, 4};
    if (last.points) numeric.push_back(5);
    out += html::table(last.points ? "Service credits, points deductions and payments" : "Service credits and payments",
                       head, pay, numeric);
    out += "</section>\n";
    return out;
}

}  // namespace tmo_tool
