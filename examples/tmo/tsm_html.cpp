// The HTML report of the Tenant Satisfaction Measures: each perception measure as a point with its margin of error
// (the 95% confidence interval) on one 0-100% scale, then the tables of every figure.
#include "html.hpp"
#include "reports.hpp"

namespace tmo_tool {

namespace {

using tmo::rational;
namespace tc = tmo::contract;

std::string one_decimal(const rational& r) { return r.to_decimal(1, tmo::rounding::half_up).value(); }

std::string label(const tc::tsm_figure& f) { return f.code + (f.part.empty() ? "" : " " + f.part); }

// One row per measure with a value: the interval value ± margin as a bar, the value as a point.
std::string interval_chart(const std::vector<tc::tsm_figure>& figures) {
    constexpr int label_width = 330, axis = 420, row = 20, top = 6;
    std::vector<const tc::tsm_figure*> shown;
    for (const tc::tsm_figure& f : figures)
        if (f.value) shown.push_back(&f);
    const int height = top + static_cast<int>(shown.size()) * row + 24;
    const rational hundred(100);
    std::string svg = html::svg_open(label_width + axis + 80, height,
                                     "Each perception measure with its 95% confidence interval, on a scale of 0 to 100%");
    for (int pct = 0; pct <= 100; pct += 25) {
        const std::string x = html::at(label_width, rational(pct), hundred, axis);
        svg += "<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + std::to_string(top) + "\" y2=\"" +
               std::to_string(height - 18) + "\" stroke=\"#e5e5e5\"/><text x=\"" + x + "\" y=\"" +
               std::to_string(height - 5) + "\" text-anchor=\"middle\" fill=\"#505a5f\">" + std::to_string(pct) +
               "%</text>\n";
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const tc::tsm_figure& f = *shown[i];
        const int y = top + static_cast<int>(i) * row;
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\">" +
               html::escape(label(f) + " " + html::shortened(f.title, 40)) + "</text>";
        const rational margin = f.margin.value_or(rational());
        const rational low = *f.value - margin, high = *f.value + margin;
        const std::string x1 = html::at(label_width, low, hundred, axis), x2 = html::at(label_width, high, hundred, axis);
        svg += "<line x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + std::to_string(y + 10) + "\" y2=\"" +
               std::to_string(y + 10) + "\" stroke=\"#1d70b8\" stroke-width=\"6\" stroke-opacity=\".45\"/>";
        svg += "<circle cx=\"" + html::at(label_width, *f.value, hundred, axis) + "\" cy=\"" + std::to_string(y + 10) +
               "\" r=\"4.5\" fill=\"#1d70b8\"><title>" +
               html::escape(label(f) + ": " + one_decimal(*f.value) + "%" +
                            (f.margin ? " \u00b1 " + one_decimal(margin) + " points" : "")) +
               "</title></circle>";
        svg += "<text x=\"" + std::to_string(label_width + axis + 8) + "\" y=\"" + std::to_string(y + 14) + "\">" +
               one_decimal(*f.value) + "%</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

std::string value_text(const tc::tsm_figure& f) {
    if (!f.value) return "no base";
    return one_decimal(*f.value) + (f.per_thousand ? " per 1,000 homes" : "%");
}

}  // namespace

std::string tsm_section(std::size_t respondents, const std::vector<tc::tsm_figure>& perception,
                        const std::vector<tc::tsm_figure>& management, const std::vector<std::string>& samples,
                        const std::string& title) {
    std::string out = "<section>\n<h2>" + html::escape(title) + "</h2>\n";
    out += "<p class=\"verdict pass\">" + std::to_string(perception.size()) + " perception measures from " +
           std::to_string(respondents) + " survey responses" +
           (management.empty() ? "" : " and " + std::to_string(management.size()) + " management measures") +
           ".</p>\n";
    std::vector<std::vector<std::string>> rows;
    for (const tc::tsm_figure& f : perception) {
        std::string interval = "-", margin = "-";
        if (f.value && f.margin) {
            margin = "\u00b1" + one_decimal(*f.margin);
            interval = one_decimal(*f.value - *f.margin) + "% to " + one_decimal(*f.value + *f.margin) + "%";
        }
        rows.push_back({label(f), f.title, value_text(f), margin, interval,
                        f.numerator.str() + " of " + f.denominator.str(), std::to_string(f.excluded)});
    }
    out += html::figure(interval_chart(perception),
                        "Each point is the share satisfied; the pale bar around it is the margin of error at 95% "
                        "confidence (only when the number of homes is known).",
                        html::table("Perception measures",
                                    {"Measure", "What", "Satisfied", "Margin (points)", "95% interval", "Of",
                                     "No answer"},
                                    rows, {2, 3, 5, 6}));
    if (!management.empty()) {
        std::vector<std::vector<std::string>> m;
        for (const tc::tsm_figure& f : management)
            m.push_back({label(f), f.title, value_text(f), f.numerator.str() + " of " + f.denominator.str()});
        out += html::table("Management information", {"Measure", "What", "Value", "Of"}, m, {2, 3});
    }
    if (!samples.empty()) {
        out += "<h3>Sample size</h3>\n<ul>\n";
        for (const std::string& s : samples) out += "<li>" + html::escape(s) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</section>\n";
    return out;
}

}  // namespace tmo_tool
