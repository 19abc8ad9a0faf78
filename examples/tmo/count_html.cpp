// The HTML report of a count: a stage chart and its tables.
#include "html.hpp"
#include "reports.hpp"

#include <algorithm>

namespace tmo_tool {

namespace {

using tmo::rational;
using tmo::vote::candidate_state;
using tmo::vote::count_result;

const char* state_fill(candidate_state s) {
    switch (s) {
        case candidate_state::elected: return "#00703c";
        case candidate_state::excluded: return "#b1b4b6";
        case candidate_state::withdrawn: return "#e5e5e5";
        case candidate_state::continuing: return "#1d70b8";
    }
    return "#1d70b8";
}

// Rows are candidates, columns stages; each cell holds a bar of the candidate's votes at the end of that stage on
// one scale for the whole count, with the part gained at that stage drawn darker, the quota as a dashed line, and the
// colour of the candidate's state.
std::string stage_chart(const count_result& r) {
    constexpr int name_width = 220, cell = 96, bar = 84, row = 22, top = 34;
    const std::size_t stages = r.stages.size(), candidates = r.candidates.size();
    rational maximum;
    for (const auto& s : r.stages) {
        maximum = std::max(maximum, s.quota);
        for (const rational& v : s.votes) maximum = std::max(maximum, v);
    }
    const int width = name_width + static_cast<int>(stages) * cell + 10;
    const int height = top + static_cast<int>(candidates) * row + 10;
    std::string svg = html::svg_open(width, height, "Votes of each candidate at every stage of the count");
    for (std::size_t k = 0; k < stages; ++k) {
        const int x = name_width + static_cast<int>(k) * cell;
        svg += "<text x=\"" + std::to_string(x) + "\" y=\"14\" font-weight=\"600\">Stage " +
               std::to_string(r.stages[k].number) + "</text>\n";
        const auto& s = r.stages[k];
        std::string what = s.action == tmo::vote::stage_action::first_preferences ? "first prefs"
                           : s.action == tmo::vote::stage_action::surplus       ? "surplus"
                                                                               : "exclusion";
        if (s.subject != tmo::vote::no_candidate)
            what += " of " + std::to_string(s.subject + 1);
        svg += "<text x=\"" + std::to_string(x) + "\" y=\"27\" fill=\"#505a5f\">" + html::escape(what) +
               "</text>\n";
    }
    for (std::size_t c = 0; c < candidates; ++c) {
        const int y = top + static_cast<int>(c) * row;
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\">" + std::to_string(c + 1) + ". " +
               html::escape(html::shortened(r.candidates[c], 30)) + "</text>\n";
        for (std::size_t k = 0; k < stages; ++k) {
            const auto& s = r.stages[k];
            const int x = name_width + static_cast<int>(k) * cell;
            const rational& votes = s.votes[c];
            // At stage 1 every vote is new: only later stages show what was received.
            const bool first = s.action == tmo::vote::stage_action::first_preferences;
            const rational gained = first || s.transfers.empty() ? rational() : std::max(rational(), s.transfers[c]);
            svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
                   html::scale(votes - gained, maximum, bar) + "\" height=\"13\" fill=\"" +
                   state_fill(s.states[c]) + "\"/>";
            if (gained > rational(0))
                svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 3) +
                       "\" width=\"" + html::scale(gained, maximum, bar) + "\" height=\"13\" fill=\"#f47738\" " +
                       "transform=\"translate(" + html::scale(votes - gained, maximum, bar) + " 0)\"/>";
            svg += "<title>" + html::escape(r.candidates[c]) + ", stage " + std::to_string(s.number) + ": " +
                   tmo::vote::format_value(votes, r.decimals) + " (" + tmo::vote::name(s.states[c]) + ")</title>\n";
            if (s.quota > rational(0)) {
                const std::string q = html::scale(s.quota, maximum, bar);
                svg += "<line x1=\"" + std::to_string(x) + "\" x2=\"" + std::to_string(x) + "\" y1=\"" +
                       std::to_string(y + 1) + "\" y2=\"" + std::to_string(y + 18) +
                       "\" stroke=\"#d4351c\" stroke-dasharray=\"2 2\" transform=\"translate(" + q + " 0)\"/>\n";
            }
        }
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace

std::string count_section(const count_result& r, const std::string& title) {
    std::string out = "<section>\n<h2>" + html::escape(title) + "</h2>\n";
    out += "<p class=\"verdict pass\">" + html::escape(r.summary) + "</p>\n";
    out += "<p>Rule: <strong>" + html::escape(r.rule) + "</strong> (" + html::escape(r.parameters) + "). " +
           std::to_string(r.papers) + " papers, " + std::to_string(r.invalid_papers) + " invalid; " +
           std::to_string(r.seats) + " seat(s).</p>\n";
    out += "<figure>\n" + stage_chart(r) +
           "<figcaption class=\"key\"><span><i style=\"background:#1d70b8\"></i>continuing</span>"
           "<span><i style=\"background:#00703c\"></i>elected</span>"
           "<span><i style=\"background:#b1b4b6\"></i>excluded</span>"
           "<span><i style=\"background:#f47738\"></i>received at this stage</span>"
           "<span><i style=\"border-left:2px dashed #d4351c;width:0\"></i>quota</span></figcaption>\n</figure>\n";

    std::vector<std::string> head{"Candidate"};
    std::vector<std::size_t> numeric;
    for (const auto& s : r.stages) {
        head.push_back("Stage " + std::to_string(s.number));
        numeric.push_back(head.size() - 1);
    }
    std::vector<std::vector<std::string>> rows;
    for (std::size_t c = 0; c < r.candidates.size(); ++c) {
        std::vector<std::string> row{r.candidates[c]};
        for (const auto& s : r.stages) row.push_back(tmo::vote::format_value(s.votes[c], r.decimals));
        rows.push_back(std::move(row));
    }
    std::vector<std::string> nt{"Non-transferable"}, loss{"Lost to rounding"}, quota{"Quota"};
    for (const auto& s : r.stages) {
        nt.push_back(tmo::vote::format_value(s.non_transferable_total, r.decimals));
        loss.push_back(tmo::vote::format_value(s.rounding_loss_total, r.decimals));
        quota.push_back(tmo::vote::format_value(s.quota, r.decimals));
    }
    rows.push_back(std::move(nt));
    rows.push_back(std::move(loss));
    rows.push_back(std::move(quota));
    out += html::table("Votes at the end of each stage", head, rows, numeric);

    out += "<h3>What each stage did</h3>\n<ol>\n";
    for (const auto& s : r.stages) out += "<li>" + html::escape(s.explanation) + "</li>\n";
    out += "</ol>\n</section>\n";
    return out;
}

}  // namespace tmo_tool
