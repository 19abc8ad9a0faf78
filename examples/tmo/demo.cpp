// tmo demo: the example TMO's year in one self-contained HTML report — its rules, its committee election, and every
// other decision the example data holds — with a short summary on the terminal of what was decided and where the
// report is.
#include "commands.hpp"
#include "html.hpp"
#include "output.hpp"
#include "reports.hpp"

#include <tmo/budget/input.hpp>
#include <tmo/budget/run.hpp>
#include <tmo/contract/report.hpp>
#include <tmo/contract/tsm.hpp>
#include <tmo/core/text.hpp>
#include <tmo/decision/files.hpp>
#include <tmo/rules/constitution.hpp>
#include <tmo/store/example.hpp>
#include <tmo/store/journal.hpp>

#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace tmo_tool {

namespace {

namespace fs = std::filesystem;
namespace td = tmo::decision;
namespace tc = tmo::contract;

// The example data: the source tree's while it exists, else the installed copy.
std::string default_data() {
    std::error_code ignored;
    return fs::is_directory(TMO_SOURCE_EXAMPLES_DIR, ignored) ? TMO_SOURCE_EXAMPLES_DIR : TMO_INSTALLED_EXAMPLES_DIR;
}

struct demo_options {
    std::string data = default_data();
    std::string output = "report.html";
    std::string records;  // the records database; empty: the report's name with ".db"
};

// One part of the report: its anchor and title for the contents, its HTML and its lines of the terminal summary.
struct part {
    std::string id;
    std::string title;
    std::string html;
    std::vector<std::string> lines;
};

tmo::result<part> organisation(const tmo::constitution& c) {
    part p{"rules", "The organisation and its rules", {}, {}};
    p.html = "<section>\n<h2>" + p.title + "</h2>\n<pre>" + html::escape(tmo::summary(c)) + "</pre>\n</section>\n";
    p.lines.push_back("rules: " + c.org.name + " (checked)");
    return p;
}

// `sentence` with its first letter in lower case, to follow on from a clause.
std::string lowered(std::string sentence) {
    if (!sentence.empty() && sentence[0] >= 'A' && sentence[0] <= 'Z') sentence[0] = static_cast<char>(sentence[0] - 'A' + 'a');
    return sentence;
}

// The AGM with its committee election: the election's own line keeps the shape `tmo count` users know.
tmo::result<part> agm(const tmo::constitution& c, const fs::path& data) {
    auto m = td::load_meeting(data / "riverside" / "agm_2026.toml");
    if (!m) return tmo::unexpected(m.error());
    auto reg = td::load_register_csv(m->register_file);
    if (!reg) return tmo::unexpected(reg.error());
    auto outcome = td::check_meeting(c, *reg, *m);
    if (!outcome) return tmo::unexpected(outcome.error());
    part p{"agm", outcome->title, meeting_section(*outcome, outcome->title), {}};
    p.lines.push_back("AGM: " + outcome->sentence);
    if (outcome->election && outcome->election->election) {
        const td::election_outcome& e = *outcome->election->election;
        p.lines.push_back("committee election (" + e.rule + "): " + std::to_string(e.elected.size()) +
                          " elected from " + std::to_string(e.count.candidates.size()) + " candidates in " +
                          std::to_string(e.count.stages.size()) + " stages" +
                          (outcome->election->composition ? "; after it, " + lowered(outcome->election->composition->summary)
                                                           : ""));
    }
    return p;
}

tmo::result<part> continuation(const tmo::constitution& c, const fs::path& data) {
    const std::string rule = "continuation";
    const tmo::ballot_rules* rules = c.ballot(rule);
    if (rules == nullptr) return tmo::unexpected(tmo::errc::not_found, "the constitution has no ballot " + rule);
    auto file = td::load_ballot_file(data / "riverside" / "continuation_ballot_2026.toml");
    if (!file) return tmo::unexpected(file.error());
    auto outcome = td::run_ballot(*rules, rule, *file, nullptr, nullptr);
    if (!outcome) return tmo::unexpected(outcome.error());
    part p{"continuation", "The continuation ballot", ballot_section(*outcome, file->title), {}};
    p.lines.push_back("continuation ballot: " + outcome->decision.sentence);
    return p;
}

// An amount of the fund as the budget report writes it: "22,300.50".
std::string fund_amount(const tmo::rational& amount) {
    return tmo::group_thousands(amount.to_decimal(2, tmo::rounding::half_up).value());
}

tmo::result<part> budget(const fs::path& data) {
    auto file = tmo::budget::load_election(data / "budget" / "riverside_fund.toml");
    if (!file) return tmo::unexpected(file.error());
    const tmo::budget::instance& inst = file->election;
    auto out = tmo::budget::run(inst, tmo::budget::default_rule(inst), {});
    if (!out) return tmo::unexpected(out.error());
    part p{"budget", "The improvement fund (participatory budget)", {}, {}};
    p.html = budget_section(inst, *out, p.title);
    p.lines.push_back("participatory budget (" + out->rule + "): " + std::to_string(out->selected.size()) + " of " +
                      std::to_string(inst.projects.size()) + " projects funded for " + fund_amount(out->cost) +
                      " of " + fund_amount(inst.budget));
    return p;
}

// Each contract over the year of example data (April 2025 to March 2026).
tmo::result<part> contracts(const fs::path& data) {
    part p{"contracts", "Contracts: a year of performance", "", {}};
    for (const char* name : {"riverside_management_agreement", "riverside_repairs", "riverside_cleaning"}) {
        auto doc = tc::load_contract(data / "contracts" / (std::string(name) + ".toml"));
        if (!doc) return tmo::unexpected(doc.error());
        auto months = contract_year(*doc, std::chrono::year{2026} / std::chrono::March);
        if (!months) return tmo::unexpected(months.error());
        p.html += contract_section(*doc, *months, doc->contract.reference + ": " + doc->contract.title);
        std::size_t good = 0, rated = 0;
        tmo::money credits;
        for (const tc::period_report& m : *months) {
            credits += m.credits.credit;
            for (const tc::kpi_assessment& a : m.kpis) {
                rated += a.outcome == tc::rating::other ? 0 : 1;
                good += a.outcome == tc::rating::good ? 1 : 0;
            }
        }
        p.lines.push_back("contract " + doc->contract.reference + ": " + std::to_string(good) + " of " +
                          std::to_string(rated) + " monthly KPI results on target over " +
                          std::to_string(months->size()) + " months; service credits " + credits.format());
    }
    return p;
}

// A CSV file of the example data as text.
tmo::result<std::string> slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return tmo::unexpected(tmo::errc::io, "cannot read the file", {file.string(), 0, 0, {}});
    return text;
}

// The survey and records of the example TMO's 1,200 homes (60 of them shared ownership).
tmo::result<part> tsm(const fs::path& data) {
    constexpr std::int64_t homes = 1200, lcho_homes = 60;
    const fs::path survey_file = data / "tsm" / "survey.csv", records_file = data / "tsm" / "records.csv";
    auto survey = slurp(survey_file);
    if (!survey) return tmo::unexpected(survey.error());
    auto responses = tc::parse_tsm_survey(*survey, survey_file.string());
    if (!responses) return tmo::unexpected(responses.error());
    auto records_text = slurp(records_file);
    if (!records_text) return tmo::unexpected(records_text.error());
    auto records = tc::parse_tsm_records(*records_text, records_file.string());
    if (!records) return tmo::unexpected(records.error());
    auto perception = tc::perception_measures(*responses, homes, lcho_homes);
    if (!perception) return tmo::unexpected(perception.error());
    auto management = tc::management_measures(*records, homes);
    if (!management) return tmo::unexpected(management.error());
    part p{"tsm", "Tenant Satisfaction Measures", {}, {}};
    p.html = tsm_section(responses->size(), *perception, *management, {}, p.title);
    for (const tc::tsm_figure& f : *perception)
        if (f.code == "TP01" && f.part == "LCRA") p.lines.push_back("TSM survey: " + f.sentence);
    return p;
}

// The continuation ballot conducted again in a records database, with a single-use code per voter, and the
// database's journal verified: what `tmo ballot open|cast|close|count` and `tmo records` do. The database is the
// demo's own output, so an earlier one is replaced.
tmo::result<part> records(const fs::path& data, const fs::path& file) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix, ignored);
    auto db = tmo::store::database::open(file);
    if (!db) return tmo::unexpected(db.error());
    auto loaded = tmo::store::load_example(*db, data);
    if (!loaded) return tmo::unexpected(loaded.error());
    auto entries = tmo::store::journal(*db);
    if (!entries) return tmo::unexpected(entries.error());
    auto checked = tmo::store::verify(*db);
    if (!checked) return tmo::unexpected(checked.error());
    std::vector<std::vector<std::string>> rows;
    for (const tmo::store::journal_entry& e : *entries)
        rows.push_back({std::to_string(e.seq), e.kind, e.subject, e.hash});
    part p{"records", "Records: a secret ballot with voter codes, and the journal", {}, {}};
    p.html = "<section>\n<h2>" + p.title + "</h2>\n<p>The " + std::to_string(loaded->members) +
             " members of the register were stored in <code>" + html::escape(file.filename().string()) +
             "</code>, and the continuation ballot was conducted there: one single-use code per voter, only a keyed "
             "hash of each code kept, and no link from a paper to a voter. " + html::escape(loaded->ballot.sentence) +
             "</p>\n<p>Published digest of the " + std::to_string(loaded->ballot.papers) +
             " papers counted: <code>" + loaded->ballot.digest + "</code></p>\n" +
             html::table("The journal: each entry's SHA-256 hash chains it to the one before",
                         {"Entry", "Kind", "Subject", "SHA-256"}, rows, {0}) +
             "<p>" + html::escape(checked->sentence) + "</p>\n</section>\n";
    p.lines.push_back("records: " + checked->sentence + " (" + file.string() + ", tmo records to check it)");
    return p;
}

int run_demo(const demo_options& o) {
    // Refuse before any work (the records database is written first) when the report's folder does not exist.
    std::error_code ignored;
    if (!fs::is_directory(fs::absolute(o.output).parent_path(), ignored)) {
        std::cerr << "tmo: error: cannot write " << o.output << ": no such folder\n";
        return exit_bad_input;
    }
    const fs::path data(o.data);
    auto rules = tmo::load_constitution(data / "riverside_tmo.toml");
    if (!rules) {
        std::cerr << rules.error().to_string() << '\n';
        return exit_bad_input;
    }
    std::vector<part> parts;
    for (auto made : {organisation(*rules), agm(*rules, data), continuation(*rules, data), budget(data),
                      contracts(data), tsm(data),
                      records(data, o.records.empty() ? fs::path(o.output).replace_extension(".db")
                                                      : fs::path(o.records))}) {
        if (!made) {
            std::cerr << made.error().to_string() << '\n';
            return exit_bad_input;
        }
        parts.push_back(std::move(*made));
    }
    std::vector<std::pair<std::string, std::string>> toc;
    for (const part& p : parts) toc.emplace_back(p.id, p.title);
    std::string body = "<h1>" + html::escape(rules->org.name) + ": the year's decisions</h1>\n<p>Every figure below is "
                       "exact and was worked out by tmo from the example data in <code>" + html::escape(o.data) +
                       "</code>. Each chart is followed by the table of its figures.</p>\n" + html::contents(toc);
    for (const part& p : parts) body += "<div id=\"" + p.id + "\">\n" + p.html + "</div>\n";
    if (!write_file_atomically(o.output, html::page(rules->org.name + ": the year's decisions", body)))
        return exit_bad_input;
    std::cout << "tmo demo: " << rules->org.name << '\n';
    for (const part& p : parts)
        for (const std::string& line : p.lines) std::cout << "  " << line << '\n';
    std::cout << "Report written to " << fs::absolute(o.output).lexically_normal().string()
              << " (open it in a web browser; it needs no network).\n";
    return exit_ok;
}

}  // namespace

void add_demo(CLI::App& app, int& status) {
    auto options = std::make_shared<demo_options>();
    CLI::App* sub = app.add_subcommand("demo", "Run the example TMO's year and write one HTML report of it");
    sub->add_option("--data", options->data, "The example data directory (default: the examples shipped with tmo)");
    sub->add_option("--output", options->output, "Write the report to FILE, atomically (default: report.html)");
    sub->add_option("--records", options->records,
                    "Write the example's records database (SQLite) to FILE, replacing it (default: the report's "
                    "name with .db)");
    sub->footer("Example: tmo demo --output report.html\n"
                "Example: tmo records report.db\n\n"
                "Writes the report, prints what was decided, and exits 0; bad example data gives "
                "'file:line:column: error: ...' and exit status 2.");
    sub->callback([options, &status] { status = run_demo(*options); });
}

}  // namespace tmo_tool
