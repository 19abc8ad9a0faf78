// Records fit for minutes: Markdown and JSON (tmo/decision/record.hpp). nlohmann-json stays in this file.
#include <tmo/decision/record.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

using json = nlohmann::ordered_json;

// "Secure tenants": the class's plural name with a capital, for table rows and lists.
std::string plural(tenure_class c) {
    std::string out = plural_name(c);
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

const char* meeting_words(meeting_kind k) {
    switch (k) {
        case meeting_kind::agm: return "Annual general meeting";
        case meeting_kind::general: return "General meeting";
        case meeting_kind::special: return "Special general meeting";
        case meeting_kind::committee: return "Committee meeting";
    }
    return "?";
}

json optional_date(const std::optional<date>& d) { return d ? json(to_string(*d)) : json(nullptr); }

json classes_json(const std::vector<tenure_class>& classes) {
    json out = json::array();
    for (tenure_class c : classes) out.push_back(name(c));
    return out;
}

json count_json(const class_count& c) {
    return {{"eligible", c.eligible}, {"present", c.present}, {"for", c.in_favour},
            {"against", c.against},   {"abstained", c.abstained}};
}

json tally_json(const tally& t) {
    json by_class = json::object();
    for (const auto& [c, count] : t.by_class) by_class[name(c)] = count_json(count);
    return {{"all", count_json(t.all)}, {"by_class", by_class}};
}

json decision_json(const decision_outcome& d) {
    json tests = json::array();
    for (const test_outcome& t : d.tests)
        tests.push_back({{"test", t.test.describe()},
                         {"base", name(t.test.base)},
                         {"fraction", t.test.fraction.to_string()},
                         {"compare", name(t.test.compare)},
                         {"classes", classes_json(t.test.classes)},
                         {"in_favour", t.in_favour},
                         {"base_count", t.base},
                         {"passed", t.passed},
                         {"figures", t.figures}});
    json out = {{"combine", name(d.how)}, {"tests", tests}, {"turnout", nullptr}};
    if (d.turnout)
        out["turnout"] = {{"floor", d.turnout->floor.describe()},
                          {"fraction", d.turnout->floor.fraction.to_string()},
                          {"compare", name(d.turnout->floor.compare)},
                          {"classes", classes_json(d.turnout->floor.classes)},
                          {"turned_out", d.turnout->turned_out},
                          {"eligible", d.turnout->eligible},
                          {"passed", d.turnout->passed},
                          {"figures", d.turnout->figures}};
    out["carried"] = d.carried;
    out["sentence"] = d.sentence;
    return out;
}

json resolution_json(const resolution_outcome& r) {
    return {{"kind", r.kind},
            {"stage", name(r.stage)},
            {"date", to_string(r.held)},
            {"tally", tally_json(r.votes)},
            {"equality", r.equality},
            {"casting_vote", name(r.casting)},
            {"casting_vote_counted", r.casting_counted},
            {"window_from", optional_date(r.window_from)},
            {"window_to", optional_date(r.window_to)},
            {"decision", decision_json(r.decision)},
            {"carried", r.carried},
            {"sentence", r.sentence}};
}

json refused_json(const std::vector<refused_vote>& refused) {
    json out = json::array();
    for (const refused_vote& r : refused) out.push_back({{"member", r.member}, {"reason", r.reason}});
    return out;
}

json roll_json(const voters_roll& roll) {
    json by_class = json::object();
    for (const auto& [c, n] : roll.by_class()) by_class[name(c)] = n;
    json units = json::array();
    for (const voting_unit& u : roll.units) units.push_back({{"id", u.id}, {"class", name(u.tenure)}, {"members", u.members}});
    json excluded = json::array();
    for (const roll_exclusion& e : roll.excluded) excluded.push_back({{"member", e.member}, {"reason", e.reason}});
    return {{"cut_off", to_string(roll.cut_off)}, {"unit", name(roll.unit)}, {"size", roll.units.size()},
            {"by_class", by_class}, {"units", units}, {"excluded", excluded}};
}

json quorum_json(const quorum_result& q) {
    return {{"members", q.members},     {"required", q.required},       {"in_person", q.in_person},
            {"by_proxy", q.by_proxy},   {"stood_aside", q.stood_aside}, {"adjourned_rule", q.adjourned_rule},
            {"met", q.met},             {"sentence", q.sentence}};
}

std::string dump(const json& j) { return j.dump(2) + "\n"; }

// ---- Markdown ----------------------------------------------------------------------------------------------------

std::string yes_no(bool b) { return b ? "passed" : "failed"; }

std::string decision_markdown(const decision_outcome& d) {
    std::string out = "| Test | In favour | Of | Result |\n|---|---:|---:|---|\n";
    for (const test_outcome& t : d.tests)
        out += "| " + t.test.describe() + " | " + std::to_string(t.in_favour) + " | " + std::to_string(t.base) +
               " | " + yes_no(t.passed) + " |\n";
    if (d.turnout)
        out += "| " + d.turnout->floor.describe() + " | " + std::to_string(d.turnout->turned_out) + " | " +
               std::to_string(d.turnout->eligible) + " | " + yes_no(d.turnout->passed) + " |\n";
    return out;
}

std::string votes_line(const class_count& c) {
    return "For " + std::to_string(c.in_favour) + ", against " + std::to_string(c.against) + ", abstained " +
           std::to_string(c.abstained) + ".";
}

std::string resolution_body(const resolution_outcome& r) {
    std::string out = votes_line(r.votes.all) + "\n\n";
    if (r.stage == resolution_stage::confirmation)
        out += "Confirming vote; the window was " + to_string(*r.window_from) + " to " + to_string(*r.window_to) + ".\n\n";
    out += decision_markdown(r.decision) + "\n**" + r.sentence + "**\n";
    return out;
}

std::string roll_lines(const voters_roll& roll) {
    std::string out;
    for (const auto& [c, n] : roll.by_class()) out += "- " + plural(c) + ": " + std::to_string(n) + "\n";
    return out;
}

}  // namespace

std::string to_json(const resolution_outcome& r) { return dump(resolution_json(r)); }

std::string to_markdown(const resolution_outcome& r) {
    return "## Resolution (" + r.kind + ", " + to_string(r.held) + ")\n\n" + resolution_body(r);
}

std::string to_json(const ballot_outcome& b) {
    return dump({{"ballot", b.name},
                 {"title", b.title},
                 {"description", b.rules.description},
                 {"electorate", classes_json(b.rules.electorate)},
                 {"tally", tally_json(b.votes)},
                 {"refused", refused_json(b.refused)},
                 {"decision", decision_json(b.decision)},
                 {"carried", b.decision.carried},
                 {"sentence", b.decision.sentence}});
}

std::string to_markdown(const ballot_outcome& b) {
    std::string out = "# Ballot: " + (b.title.empty() ? b.name : b.title) + "\n\nRule `" + b.name + "`" +
                      (b.rules.description.empty() ? "" : ": " + b.rules.description) + ".\n\n";
    out += "| Class | Eligible | For | Against | Spoilt | Turnout |\n|---|---:|---:|---:|---:|---:|\n";
    const auto row = [&](const std::string& label, const class_count& c) {
        out += "| " + label + " | " + std::to_string(c.eligible) + " | " + std::to_string(c.in_favour) + " | " +
               std::to_string(c.against) + " | " + std::to_string(c.abstained) + " | " +
               std::to_string(c.turned_out()) + " (" + shown_percent(c.turned_out(), c.eligible) + ") |\n";
    };
    for (const auto& [c, count] : b.votes.by_class) row(plural(c), count);
    row("All", b.votes.all);
    if (!b.refused.empty()) {
        out += "\nPapers not counted:\n\n";
        for (const refused_vote& r : b.refused) out += "- " + r.member + ": " + r.reason + "\n";
    }
    out += "\n" + decision_markdown(b.decision) + "\n**" + b.decision.sentence + "**\n";
    return out;
}

std::string to_json(const voters_roll& roll) { return dump(roll_json(roll)); }

std::string to_markdown(const voters_roll& roll) {
    std::string out = "# Voters' roll at " + to_string(roll.cut_off) + "\n\n" + std::to_string(roll.units.size()) +
                      (roll.unit == vote_unit::household ? " households" : " members") + " may vote:\n\n" +
                      roll_lines(roll);
    if (!roll.excluded.empty()) {
        out += "\nNot on the roll:\n\n";
        for (const roll_exclusion& e : roll.excluded) out += "- " + e.member + ": " + e.reason + "\n";
    }
    return out;
}

namespace {

json election_json(const election_result& e) {
    return {{"title", e.title},
            {"held", e.held},
            {"rotation", e.rotation ? json::parse(to_json(*e.rotation)) : json(nullptr)},
            {"election", e.election ? json::parse(to_json(*e.election)) : json(nullptr)},
            {"composition", e.composition ? json::parse(to_json(*e.composition)) : json(nullptr)},
            {"sentence", e.sentence}};
}

// A committee record set one heading level lower, under the meeting's "### Committee election".
std::string nested(const std::string& markdown) {
    std::string out;
    std::size_t start = 0;
    while (start < markdown.size()) {
        const std::size_t end = markdown.find('\n', start);
        const std::size_t next = end == std::string::npos ? markdown.size() : end + 1;
        if (markdown.compare(start, 3, "## ") == 0) out += "##";
        out.append(markdown, start, next - start);
        start = next;
    }
    return out;
}

}  // namespace

std::string to_json(const meeting_outcome& m) {
    json not_entitled = json::array();
    for (const roll_exclusion& e : m.not_entitled) not_entitled.push_back({{"member", e.member}, {"reason", e.reason}});
    json proxies = json::array();
    for (const proxy_result& p : m.proxies)
        proxies.push_back({{"member", p.member}, {"holder", p.holder}, {"accepted", p.accepted}, {"reason", p.reason}});
    json items = json::array();
    for (const item_result& it : m.items)
        items.push_back({{"title", it.title},
                         {"kind", it.kind.empty() ? json(nullptr) : json(it.kind)},
                         {"interests", it.interests},
                         {"considered", it.considered},
                         {"quorum", quorum_json(it.quorum)},
                         {"resolution", it.resolution ? resolution_json(*it.resolution) : json(nullptr)},
                         {"refused", refused_json(it.refused)},
                         {"sentence", it.sentence}});
    return dump({{"organisation", m.organisation},
                 {"kind", name(m.kind)},
                 {"title", m.title},
                 {"date", to_string(m.held)},
                 {"adjourned_from", optional_date(m.adjourned_from)},
                 {"chair", m.chair},
                 {"valid", m.valid},
                 {"sentence", m.sentence},
                 {"notice",
                  {{"required_clear_days", m.notice.required},
                   {"clear_days", m.notice.clear_days},
                   {"latest_notice", to_string(m.notice.latest)},
                   {"met", m.notice.met},
                   {"sentence", m.notice.sentence}}},
                 {"roll", roll_json(m.roll)},
                 {"not_entitled", not_entitled},
                 {"proxies", proxies},
                 {"quorum", quorum_json(m.quorum)},
                 {"adjourned_to", optional_date(m.adjourned_to)},
                 {"items", items},
                 {"election", m.election ? election_json(*m.election) : json(nullptr)}});
}

std::string to_markdown(const meeting_outcome& m) {
    std::string out = "# " + m.organisation + "\n\n## " + (m.title.empty() ? meeting_words(m.kind) : m.title) +
                      "\n\n" + meeting_words(m.kind) + " held on " + to_string(m.held) +
                      (m.chair.empty() ? "" : "; chair " + m.chair) + ".\n\n**" + m.sentence + "**\n\n";
    out += "### Notice\n\n" + m.notice.sentence + "\n\n### Attendance\n\n";
    out += std::to_string(m.roll.units.size()) + " members were entitled to vote on " + to_string(m.held) + ":\n\n" +
           roll_lines(m.roll);
    if (!m.not_entitled.empty()) {
        out += "\nPresent but not entitled to vote:\n\n";
        for (const roll_exclusion& e : m.not_entitled) out += "- " + e.member + ": " + e.reason + "\n";
    }
    if (!m.proxies.empty()) {
        out += "\nProxies:\n\n";
        for (const proxy_result& p : m.proxies)
            out += "- " + p.member + " by " + p.holder + ": " + (p.accepted ? "accepted" : "refused, " + p.reason) + "\n";
    }
    out += "\n### Quorum\n\n" + m.quorum.sentence + "\n";
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const item_result& it = m.items[i];
        out += "\n### " + std::to_string(i + 1) + ". " + it.title + (it.kind.empty() ? "" : " (" + it.kind + " resolution)") +
               "\n\n";
        if (!it.interests.empty()) {
            std::string who;
            for (const std::string& id : it.interests) who += (who.empty() ? "" : ", ") + id;
            out += "Declared an interest and stood aside: " + who + ". " + it.quorum.sentence + "\n\n";
        }
        if (it.resolution) {
            out += resolution_body(*it.resolution);
            if (!it.refused.empty()) {
                out += "\nVotes not counted:\n\n";
                for (const refused_vote& r : it.refused) out += "- " + r.member + ": " + r.reason + "\n";
            }
        } else {
            out += it.sentence + "\n";
        }
    }
    if (m.election) {
        const election_result& e = *m.election;
        out += "\n### " + e.title + "\n\n";
        if (!e.election) out += e.sentence + "\n";  // otherwise the records below carry the sentences
        if (e.rotation) out += "\n" + nested(to_markdown(*e.rotation));
        if (e.election) out += "\n" + nested(to_markdown(*e.election));
        if (e.composition) out += "\n" + nested(to_markdown(*e.composition));
    }
    return out;
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
