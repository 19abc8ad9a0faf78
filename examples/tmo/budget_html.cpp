// The HTML report of a participatory budget: the budget bar filled by the funded projects, each project's support,
// and the table of every project with why it was or was not funded.
#include "html.hpp"
#include "reports.hpp"

#include <tmo/budget/explain.hpp>

#include <algorithm>

namespace tmo_tool {

namespace {

using tmo::rational;
namespace pb = tmo::budget;

// Money-like amounts as the file gives them: whole numbers without decimals, else exact decimals or fractions.
std::string amount(const rational& value) { return value.to_exact_text(); }

// The budget as one bar, 800 units wide: each funded project a segment in order of funding, what is left grey.
std::string budget_bar(const pb::instance& inst, const pb::outcome& out) {
    constexpr int width = 800, height = 46;
    std::string svg = html::svg_open(width, height, "The budget of " + amount(inst.budget) +
                                                        " and the funded projects that fill it");
    svg += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"30\" fill=\"#e5e5e5\"/>\n";
    rational spent;
    for (std::size_t i = 0; i < out.selected.size(); ++i) {
        const pb::project& p = inst.projects[out.selected[i]];
        svg += "<rect y=\"0\" height=\"30\" fill=\"" + std::string(html::colour(i)) + "\" stroke=\"#fff\" x=\"" +
               html::scale(spent, inst.budget, width) + "\" width=\"" + html::scale(p.cost, inst.budget, width) +
               "\"><title>" + html::escape(p.name.empty() ? p.id : p.name) + ": " + amount(p.cost) +
               "</title></rect>\n";
        spent += p.cost;
    }
    svg += "<text x=\"0\" y=\"43\">0</text><text x=\"" + std::to_string(width) +
           "\" y=\"43\" text-anchor=\"end\">" + html::escape(amount(inst.budget)) + "</text>\n</svg>\n";
    return svg;
}

// Each project's supporters as a bar, funded projects in colour, the others grey.
std::string support_chart(const pb::instance& inst, const pb::outcome& out, const std::vector<std::uint64_t>& support) {
    constexpr int name_width = 260, bar = 440, row = 20;
    const std::uint64_t most = support.empty() ? 0 : *std::max_element(support.begin(), support.end());
    const int height = static_cast<int>(inst.projects.size()) * row + 6;
    std::string svg = html::svg_open(name_width + bar + 60, height, "Supporters of each project");
    for (std::size_t i = 0; i < inst.projects.size(); ++i) {
        const pb::project& p = inst.projects[i];
        const auto funded = std::find(out.selected.begin(), out.selected.end(), i);
        const int y = static_cast<int>(i) * row;
        const std::string label = p.name.empty() ? p.id : p.name;
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\">" +
               html::escape(html::shortened(label, 40)) + "</text>";
        svg += "<rect x=\"" + std::to_string(name_width) + "\" y=\"" + std::to_string(y + 3) + "\" height=\"14\" " +
               "width=\"" + html::scale(rational(tmo::integer(support[i])), rational(tmo::integer(most)), bar) +
               "\" fill=\"" +
               (funded == out.selected.end()
                    ? std::string("#b1b4b6")
                    : std::string(html::colour(static_cast<std::size_t>(funded - out.selected.begin())))) +
               "\"/>";
        svg += "<text x=\"" + std::to_string(name_width + bar + 6) + "\" y=\"" + std::to_string(y + 14) + "\">" +
               std::to_string(support[i]) + "</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace

std::string budget_section(const pb::instance& inst, const pb::outcome& out, const std::string& title) {
    const std::vector<std::uint64_t> support = pb::supporter_counts(inst);
    std::string out_html = "<section>\n<h2>" + html::escape(title) + "</h2>\n";
    out_html += "<p class=\"verdict pass\">" + std::to_string(out.selected.size()) + " of " +
                std::to_string(inst.projects.size()) + " projects funded for " + html::escape(amount(out.cost)) +
                " of a budget of " + html::escape(amount(inst.budget)) + " (rule: " + html::escape(out.rule) +
                ").</p>\n";
    out_html += "<figure>\n" + budget_bar(inst, out) +
                "<figcaption>The budget, filled by the funded projects in the order the rule funded them; grey is "
                "left unspent.</figcaption>\n</figure>\n";
    out_html += "<figure>\n" + support_chart(inst, out, support) +
                "<figcaption>Supporters of each project; funded projects in colour.</figcaption>\n</figure>\n";
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < inst.projects.size(); ++i) {
        const pb::project& p = inst.projects[i];
        rows.push_back({p.name.empty() ? p.id : p.name, amount(p.cost), std::to_string(support[i]),
                        pb::explain_project(inst, out, i)});
    }
    out_html += html::table("Every project", {"Project", "Cost", "Supporters", "Outcome"}, rows, {1, 2});
    out_html += "</section>\n";
    return out_html;
}

}  // namespace tmo_tool
