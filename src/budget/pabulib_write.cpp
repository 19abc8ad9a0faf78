// The `.pb` writer.
#include <tmo/budget/pabulib.hpp>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

// A field, quoted when it holds ';', '"', a line break or surrounding spaces. A CR LF inside it is written as LF,
// the file's line end, which is how parse_pabulib reads any line break inside a quoted field.
std::string cell(std::string_view text) {
    const bool quote = text.find_first_of(";\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (text[i] == '"') out += '"';
        out += text[i];
    }
    return out + '"';
}

}  // namespace

std::string to_pabulib(const instance& inst) {
    std::string out = "META\nkey;value\n";
    std::vector<std::pair<std::string, std::string>> meta = inst.meta;
    const auto set = [&meta](const std::string& key, std::string value) {
        for (auto& [k, v] : meta)
            if (k == key) {
                v = std::move(value);
                return;
            }
        meta.emplace_back(key, std::move(value));
    };
    set("num_projects", std::to_string(inst.projects.size()));
    set("num_votes", std::to_string(inst.voter_count()));
    set("budget", inst.budget.to_exact_text());
    set("vote_type", name(inst.type));
    for (const auto& [k, v] : meta) out += cell(k) + ";" + cell(v) + "\n";

    bool votes = false, score = false, names = false, selected = false;
    for (const project& p : inst.projects) {
        votes |= p.votes_column.has_value();
        score |= p.score_column.has_value();
        names |= !p.name.empty();
        selected |= p.selected.has_value();
    }
    out += "PROJECTS\nproject_id;cost";
    if (votes) out += ";votes";
    if (score) out += ";score";
    if (names) out += ";name";
    if (selected) out += ";selected";
    if (!inst.projects.empty())
        for (const auto& [column, value] : inst.projects.front().extra) out += ";" + cell(column);
    out += "\n";
    for (const project& p : inst.projects) {
        out += cell(p.id) + ";" + p.cost.to_exact_text();
        if (votes) out += ";" + (p.votes_column ? p.votes_column->to_exact_text() : std::string("None"));
        if (score) out += ";" + (p.score_column ? p.score_column->to_exact_text() : std::string("None"));
        if (names) out += ";" + cell(p.name);
        if (selected) out += ";" + (p.selected ? std::to_string(*p.selected) : std::string("None"));
        for (const auto& [column, value] : p.extra) out += ";" + cell(value);
        out += "\n";
    }

    const bool points = inst.type == vote_type::cumulative || inst.type == vote_type::scoring;
    out += points ? "VOTES\nvoter_id;vote;points\n" : "VOTES\nvoter_id;vote\n";
    std::uint64_t generated = 0;
    for (const ballot& b : inst.ballots) {
        std::string vote, pts;
        for (std::size_t i = 0; i < b.projects.size(); ++i) {
            vote += (i ? "," : "") + inst.projects[b.projects[i]].id;
            if (points) pts += (i ? "," : "") + std::to_string(b.points[i]);
        }
        for (std::uint64_t v = 0; v < b.multiplicity; ++v) {
            const std::string id = v < b.voter_ids.size() ? b.voter_ids[v] : std::to_string(++generated);
            out += cell(id) + ";" + cell(vote) + (points ? ";" + cell(pts) : std::string()) + "\n";
        }
    }
    return out;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
