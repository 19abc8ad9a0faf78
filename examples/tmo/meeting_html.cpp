// The HTML reports of a meeting (its notice, quorum, each resolution against its threshold and the committee
// election) and of a class ballot (each test, each class's vote and turnout against the floor).
#include "html.hpp"
#include "reports.hpp"

#include <tmo/decision/tally.hpp>

namespace tmo_tool {

namespace {

using tmo::rational;
namespace td = tmo::decision;

std::string verdict(bool passed, const std::string& sentence) {
    return std::string("<p class=\"verdict ") + (passed ? "pass" : "fail") + "\">" + html::escape(sentence) + "</p>\n";
}

rational ratio(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? rational() : rational(tmo::integer(part), tmo::integer(whole));
}

std::string percent(std::uint64_t part, std::uint64_t whole) { return td::shown_percent(part, whole); }

// One bar per test of a decision: the votes in favour of the test's base, against the test's fraction.
void test_rows(const td::decision_outcome& d, std::vector<html::threshold_row>& rows,
               std::vector<std::vector<std::string>>& table) {
    for (const td::test_outcome& t : d.tests) {
        const std::string label = "Test: " + t.test.describe_base();
        rows.push_back({label, rational(tmo::integer(t.in_favour)), rational(tmo::integer(t.base)), t.test.fraction,
                        t.passed, std::to_string(t.in_favour) + " of " + std::to_string(t.base) + " (" +
                                      percent(t.in_favour, t.base) + "); needs " + t.test.describe()});
        table.push_back({label, std::to_string(t.in_favour), std::to_string(t.base), percent(t.in_favour, t.base),
                         t.test.describe(), t.passed ? "passed" : "failed"});
    }
}

const std::vector<std::string> test_head{"Test", "In favour", "Of", "Share", "Required", "Result"};

std::string election_section(const td::election_result& e) {
    if (!e.election) return "<section>\n<h2>" + html::escape(e.title) + "</h2>\n" + verdict(false, e.sentence) +
                            "</section>\n";
    std::string out = count_section(e.election->count, e.title);
    // Before </section>: who retired and the committee's make-up after the election.
    std::string extra;
    extra += verdict(!e.composition || e.composition->passed, e.sentence);
    if (e.rotation) {
        std::vector<std::vector<std::string>> rows;
        for (const auto* list : {&e.rotation->retire, &e.rotation->co_option_ends})
            for (const td::retiring_member& m : *list)
                rows.push_back({m.name, m.id, td::name(m.category), tmo::to_string(m.since), m.reason});
        extra += "<h3>Who retired</h3>\n<p>" + html::escape(e.rotation->sentence) + " " +
                 html::escape(e.rotation->arithmetic) + ".</p>\n" +
                 html::table("Members retiring at the meeting", {"Member", "Id", "Category", "Since", "Why"}, rows);
    }
    if (e.composition) {
        std::vector<std::vector<std::string>> rows;
        for (const td::composition_test& t : e.composition->tests)
            rows.push_back({t.name, t.passed ? "passed" : "failed", t.sentence});
        extra += "<h3>The committee after the election</h3>\n" +
                 verdict(e.composition->passed, e.composition->summary) +
                 html::table("Tests of the committee's make-up", {"Test", "Result", "Why"}, rows);
    }
    const std::size_t end = out.rfind("</section>");
    return out.insert(end, extra);
}

}  // namespace

std::string meeting_section(const td::meeting_outcome& m, const std::string& title) {
    std::string out = "<section>\n<h2>" + html::escape(title) + "</h2>\n" + verdict(m.valid, m.sentence);
    out += "<p>" + html::escape(m.notice.sentence) + "</p>\n";

    std::vector<html::threshold_row> bars;
    const td::quorum_result& q = m.quorum;
    const std::uint64_t counted = q.in_person + q.by_proxy;
    bars.push_back({"Quorum at the start", rational(tmo::integer(counted)), rational(tmo::integer(q.members)),
                    ratio(q.required, q.members), q.met,
                    std::to_string(counted) + " of " + std::to_string(q.members) + " members; quorum " +
                        std::to_string(q.required)});
    std::vector<std::vector<std::string>> items;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const td::item_result& it = m.items[i];
        const std::string number = std::to_string(i + 1) + ". ";
        std::string votes = "-", outcome = it.sentence;
        if (it.resolution) {
            const td::class_count& all = it.resolution->votes.all;
            votes = std::to_string(all.in_favour) + " for, " + std::to_string(all.against) + " against, " +
                    std::to_string(all.abstained) + " abstained";
            for (const td::test_outcome& t : it.resolution->decision.tests)
                bars.push_back({number + html::shortened(it.title, 34), rational(tmo::integer(t.in_favour)),
                                rational(tmo::integer(t.base)), t.test.fraction, t.passed,
                                std::to_string(t.in_favour) + " of " + std::to_string(t.base) + " " +
                                    t.test.describe_base() + " (" + percent(t.in_favour, t.base) + "); needs " +
                                    t.test.describe()});
        }
        items.push_back({number + it.title, it.kind.empty() ? "no vote" : it.kind, votes, outcome});
    }
    out += html::figure(html::threshold_chart("The quorum and each resolution's votes in favour against the share "
                                              "it needed",
                                              bars),
                        "Each bar is a share of its own whole (members for the quorum, the resolution's base for a "
                        "vote); the dark line is what was needed. Green passed, red did not.",
                        html::table("The agenda", {"Item", "Kind", "Votes", "Outcome"}, items));
    std::vector<std::vector<std::string>> proxies;
    for (const td::proxy_result& p : m.proxies)
        proxies.push_back({p.member, p.holder, p.accepted ? "accepted" : "refused: " + p.reason});
    out += "<p>" + html::escape(q.sentence) + "</p>\n";
    if (!proxies.empty()) out += html::table("Proxies", {"Member", "Holder", "Outcome"}, proxies);
    out += "</section>\n";
    if (m.election) out += election_section(*m.election);
    return out;
}

std::string ballot_section(const td::ballot_outcome& b, const std::string& title) {
    std::string out = "<section>\n<h2>" + html::escape(title) + "</h2>\n" + verdict(b.decision.carried,
                                                                                    b.decision.sentence);
    out += "<p>Rule: <strong>" + html::escape(b.name) + "</strong>" +
           (b.rules.description.empty() ? "" : " (" + html::escape(b.rules.description) + ")") + ".</p>\n";
    std::vector<html::threshold_row> bars;
    std::vector<std::vector<std::string>> tests;
    test_rows(b.decision, bars, tests);
    // Each class: its vote in favour of votes cast, and its turnout against the floor when the floor covers it.
    std::vector<std::vector<std::string>> classes;
    for (const auto& [cls, c] : b.votes.by_class) {
        const std::string who = tmo::plural_name(cls);
        bars.push_back({"For, " + who, rational(tmo::integer(c.in_favour)), rational(tmo::integer(c.cast())),
                        std::nullopt, false,
                        std::to_string(c.in_favour) + " of " + std::to_string(c.cast()) + " votes cast (" +
                            percent(c.in_favour, c.cast()) + ")"});
        classes.push_back({who, std::to_string(c.eligible), std::to_string(c.in_favour), std::to_string(c.against),
                           std::to_string(c.abstained), percent(c.turned_out(), c.eligible)});
    }
    const auto& floor = b.decision.turnout;
    const td::class_count& all = b.votes.all;
    html::threshold_row turnout{"Turnout", rational(tmo::integer(all.turned_out())),
                                rational(tmo::integer(all.eligible)), std::nullopt, false,
                                std::to_string(all.turned_out()) + " of " + std::to_string(all.eligible) +
                                    " eligible (" + percent(all.turned_out(), all.eligible) + ")"};
    if (floor) {
        turnout = {"Turnout" + std::string(floor->floor.classes.empty() ? "" : " (floor's classes)"),
                   rational(tmo::integer(floor->turned_out)), rational(tmo::integer(floor->eligible)),
                   floor->floor.fraction, floor->passed, floor->figures};
        tests.push_back({"Turnout", std::to_string(floor->turned_out), std::to_string(floor->eligible),
                         percent(floor->turned_out, floor->eligible), floor->floor.describe(),
                         floor->passed ? "passed" : "failed"});
    }
    bars.push_back(std::move(turnout));
    for (const auto& [cls, c] : b.votes.by_class)
        bars.push_back({"Turnout, " + std::string(tmo::plural_name(cls)), rational(tmo::integer(c.turned_out())),
                        rational(tmo::integer(c.eligible)), std::nullopt, false,
                        std::to_string(c.turned_out()) + " of " + std::to_string(c.eligible) + " (" +
                            percent(c.turned_out(), c.eligible) + ")"});
    out += html::figure(
        html::threshold_chart("The ballot's tests, each class's vote and the turnout", bars),
        "Green and red bars are the rule's tests (the dark line is what each needed); blue bars are figures by class.",
        html::table("The tests", test_head, tests, {1, 2, 3}) +
            html::table("By class", {"Class", "Eligible", "For", "Against", "Blank or spoilt", "Turnout"}, classes,
                        {1, 2, 3, 4, 5}));
    out += "</section>\n";
    return out;
}

}  // namespace tmo_tool
