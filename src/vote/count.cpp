#include <tmo/vote/count.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace vote {

std::string format_value(const rational& value, unsigned decimals) {
    if (decimals > 0) return value.to_decimal(decimals, rounding::truncate).value();
    return value.to_exact_text();
}

namespace {

const char* action_name(stage_action a) {
    switch (a) {
        case stage_action::first_preferences: return "first_preferences";
        case stage_action::surplus: return "surplus";
        case stage_action::exclusion: return "exclusion";
    }
    return "?";
}

const char* kind_name(tie_kind k) {
    switch (k) {
        case tie_kind::surplus: return "surplus";
        case tie_kind::exclusion: return "exclusion";
        case tie_kind::election: return "election";
    }
    return "?";
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string pad(std::string s, std::size_t width, bool right) {
    // Widths count code points so that accented names line up.
    std::size_t shown = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++shown;
    if (shown >= width) return s;
    return right ? std::string(width - shown, ' ') + s : s + std::string(width - shown, ' ');
}

std::string stage_heading(const count_result& r, const stage& s) {
    switch (s.action) {
        case stage_action::first_preferences: return "first preferences";
        case stage_action::surplus:
            // Meek moves every elected candidate's surplus at once.
            return s.subject == no_candidate ? "surpluses" : "surplus of " + r.candidates[s.subject];
        case stage_action::exclusion: {
            std::string out = "exclusion of ";
            for (std::size_t i = 0; i < s.excluded.size(); ++i)
                out += (i > 0 ? ", " : "") + r.candidates[s.excluded[i]];
            return out;
        }
    }
    return {};
}

// A square table of candidates (rows x columns, the diagonal shown as "-"), under a one-line title.
std::string matrix_text(const count_result& r, const std::string& title, const std::vector<std::vector<rational>>& m,
                        std::size_t name_width) {
    std::size_t width = 6;
    for (const auto& row : m)
        for (const rational& v : row) width = std::max(width, format_value(v, r.decimals).size() + 2);
    std::string out = "\n" + title + "\n" + pad("", name_width + 4, false);
    for (std::size_t c = 0; c < m.size(); ++c) out += pad(std::to_string(c + 1), width, true);
    out += '\n';
    for (std::size_t x = 0; x < m.size(); ++x) {
        out += pad(std::to_string(x + 1), 3, true) + ' ' + pad(r.candidates[x], name_width, false);
        for (std::size_t y = 0; y < m.size(); ++y) out += pad(x == y ? "-" : format_value(m[x][y], r.decimals), width, true);
        out += '\n';
    }
    return out;
}

}  // namespace

const char* name(candidate_state s) noexcept {
    switch (s) {
        case candidate_state::continuing: return "continuing";
        case candidate_state::elected: return "elected";
        case candidate_state::excluded: return "excluded";
        case candidate_state::withdrawn: return "withdrawn";
    }
    return "?";
}

std::string to_text(const count_result& r) {
    std::string out;
    out += "Rule: " + r.rule + " (" + r.parameters + ")\n";
    out += "Seats: " + std::to_string(r.seats) + "   Papers: " + std::to_string(r.papers) +
           "   Invalid: " + std::to_string(r.invalid_papers) + "   Valid vote: " + format_value(r.valid_vote, r.decimals);
    if (!r.stages.empty()) out += "   Quota: " + format_value(r.stages.back().quota, r.decimals);
    out += "\n\n";
    std::size_t name_width = 24;
    for (const std::string& n : r.candidates) name_width = std::max(name_width, n.size() + 2);
    std::vector<std::vector<std::string>> cells(r.candidates.size() + 2);
    std::size_t width = 8;
    for (const stage& s : r.stages) {
        for (std::size_t c = 0; c < r.candidates.size(); ++c) cells[c].push_back(format_value(s.votes[c], r.decimals));
        cells[r.candidates.size()].push_back(format_value(s.non_transferable_total, r.decimals));
        cells[r.candidates.size() + 1].push_back(format_value(s.rounding_loss_total, r.decimals));
    }
    for (const auto& row : cells)
        for (const std::string& v : row) width = std::max(width, v.size() + 2);
    out += pad("Stage", name_width, false);
    for (const stage& s : r.stages) out += pad(std::to_string(s.number), width, true);
    out += '\n';
    for (std::size_t row = 0; row < cells.size(); ++row) {
        std::string label = row < r.candidates.size() ? r.candidates[row]
                            : row == r.candidates.size() ? "Non-transferable"
                                                         : "Lost to rounding";
        out += pad(label, name_width, false);
        for (const std::string& v : cells[row]) out += pad(v, width, true);
        if (row < r.candidates.size()) {
            auto it = std::find(r.elected.begin(), r.elected.end(), static_cast<candidate_id>(row));
            if (it != r.elected.end()) out += "  elected";
        }
        out += '\n';
    }
    out += "\n";
    for (const stage& s : r.stages) {
        out += "Stage " + std::to_string(s.number) + " (" + stage_heading(r, s) + "): " + s.explanation + '\n';
        for (const tie_record& t : s.ties) out += "  Tie: " + t.explanation + '\n';
    }
    if (!r.pairwise.empty())
        out += matrix_text(r, "Pairwise: papers ranking the row's candidate above the column's", r.pairwise, name_width);
    if (!r.strongest_paths.empty())
        out += matrix_text(r, "Strongest paths: the strength of the strongest path from the row's candidate to the column's",
                           r.strongest_paths, name_width);
    if (!r.majorities.empty()) out += "\nMajorities, strongest first:\n";
    for (const majority& m : r.majorities)
        out += "  " + r.candidates[m.winner] + " over " + r.candidates[m.loser] + " " + format_value(m.votes, r.decimals) +
               " to " + format_value(m.opposition, r.decimals) + (m.locked ? ": locked\n" : ": passed over (it would close a cycle)\n");
    out += "\nElected, in order: ";
    for (std::size_t i = 0; i < r.elected.size(); ++i) out += (i > 0 ? "; " : "") + r.candidates[r.elected[i]];
    out += "\n" + r.summary + "\n";
    return out;
}

std::string to_csv(const count_result& r) {
    std::string out = "stage,action,subject,candidate_index,candidate,votes,transfer,state\n";
    for (const stage& s : r.stages) {
        const std::string head = std::to_string(s.number) + ',' + action_name(s.action) + ',' +
                                 (s.subject == no_candidate ? std::string() : std::to_string(s.subject + 1ull)) + ',';
        for (std::size_t c = 0; c < r.candidates.size(); ++c)
            out += head + std::to_string(c + 1) + ',' + csv_field(r.candidates[c]) + ',' +
                   format_value(s.votes[c], r.decimals) + ',' + format_value(s.transfers[c], r.decimals) + ',' +
                   name(s.states[c]) + '\n';
        out += head + ",non-transferable," + format_value(s.non_transferable_total, r.decimals) + ',' +
               format_value(s.non_transferable, r.decimals) + ",\n";
        out += head + ",lost to rounding," + format_value(s.rounding_loss_total, r.decimals) + ',' +
               format_value(s.rounding_loss, r.decimals) + ",\n";
    }
    return out;
}

std::string to_json(const count_result& r) {
    using nlohmann::json;
    auto value = [&](const rational& v) { return format_value(v, r.decimals); };
    auto numbers = [](const std::vector<candidate_id>& ids) {
        json a = json::array();
        for (candidate_id c : ids) a.push_back(c + 1ull);
        return a;
    };
    json j;
    j["rule"] = r.rule;
    j["parameters"] = r.parameters;
    j["seats"] = r.seats;
    j["papers"] = r.papers;
    j["invalid_papers"] = r.invalid_papers;
    j["valid_vote"] = value(r.valid_vote);
    j["candidates"] = r.candidates;
    j["elected"] = numbers(r.elected);
    j["quota"] = r.stages.empty() ? json(nullptr) : json(value(r.stages.back().quota));
    j["summary"] = r.summary;
    json stages = json::array();
    for (const stage& s : r.stages) {
        json o;
        o["number"] = s.number;
        o["action"] = action_name(s.action);
        o["subject"] = s.subject == no_candidate ? json(nullptr) : json(s.subject + 1ull);
        o["excluded"] = numbers(s.excluded);
        o["quota"] = value(s.quota);
        json votes = json::array(), transfers = json::array(), states = json::array();
        for (std::size_t c = 0; c < s.votes.size(); ++c) {
            votes.push_back(value(s.votes[c]));
            transfers.push_back(value(s.transfers[c]));
            states.push_back(name(s.states[c]));
        }
        o["votes"] = votes;
        o["transfers"] = transfers;
        o["states"] = states;
        o["non_transferable"] = value(s.non_transferable);
        o["non_transferable_total"] = value(s.non_transferable_total);
        o["rounding_loss"] = value(s.rounding_loss);
        o["rounding_loss_total"] = value(s.rounding_loss_total);
        o["elected"] = numbers(s.elected);
        o["deemed_elected"] = numbers(s.deemed_elected);
        json ties = json::array();
        for (const tie_record& t : s.ties) {
            json tj;
            tj["kind"] = kind_name(t.kind);
            tj["tied"] = numbers(t.tied);
            tj["value"] = value(t.value);
            tj["method"] = name(t.method);
            tj["decisive_stage"] = t.decisive_stage == 0 ? json(nullptr) : json(t.decisive_stage);
            tj["draws"] = t.draws;
            tj["chosen"] = t.chosen + 1ull;
            tj["explanation"] = t.explanation;
            ties.push_back(tj);
        }
        o["ties"] = ties;
        o["explanation"] = s.explanation;
        if (!s.keep_values.empty()) {
            o["iterations"] = s.iterations;
            json keep = json::array();
            for (const rational& k : s.keep_values) keep.push_back(value(k));
            o["keep_values"] = keep;
        }
        stages.push_back(o);
    }
    j["stages"] = stages;
    auto matrix = [&](const std::vector<std::vector<rational>>& m) {
        json rows = json::array();
        for (std::size_t x = 0; x < m.size(); ++x) {
            json row = json::array();
            for (std::size_t y = 0; y < m[x].size(); ++y) row.push_back(x == y ? json(nullptr) : json(value(m[x][y])));
            rows.push_back(row);
        }
        return rows;
    };
    if (!r.pairwise.empty()) j["pairwise"] = matrix(r.pairwise);
    if (!r.strongest_paths.empty()) j["strongest_paths"] = matrix(r.strongest_paths);
    if (!r.majorities.empty()) {
        json majorities = json::array();
        for (const majority& m : r.majorities)
            majorities.push_back({{"winner", m.winner + 1ull}, {"loser", m.loser + 1ull}, {"votes", value(m.votes)},
                                  {"opposition", value(m.opposition)}, {"locked", m.locked}});
        j["majorities"] = majorities;
    }
    return j.dump(2) + "\n";
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
