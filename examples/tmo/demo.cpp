// tmo demo: the example TMO's year in one self-contained HTML report — its rules, its committee election, and every
// other decision the example data holds — with a short summary on the terminal of what was decided and where the
// report is.
#include "commands.hpp"
#include "html.hpp"
#include "output.hpp"
#include "reports.hpp"

#include <tmo/rules/constitution.hpp>
#include <tmo/vote/ballot_file.hpp>
#include <tmo/vote/rules.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace tmo_tool {

namespace {

namespace fs = std::filesystem;

// The example data: the source tree's while it exists, else the installed copy.
std::string default_data() {
    std::error_code ignored;
    return fs::is_directory(TMO_SOURCE_EXAMPLES_DIR, ignored) ? TMO_SOURCE_EXAMPLES_DIR : TMO_INSTALLED_EXAMPLES_DIR;
}

struct demo_options {
    std::string data = default_data();
    std::string output = "report.html";
};

// One part of the report: its HTML and the line the terminal summary gives it.
struct part {
    std::string html;
    std::string line;
};

// The counting rule that carries out a constitution's election method.
std::string rule_for(tmo::election_method m) {
    switch (m) {
        case tmo::election_method::block_vote: return "block";
        case tmo::election_method::instant_runoff: return "irv";
        default: {
            std::string rule = tmo::name(m);
            for (char& c : rule)
                if (c == '_') c = '-';
            return rule;
        }
    }
}

tmo::result<part> organisation(const tmo::constitution& c) {
    part p;
    p.html = "<section>\n<h2>The organisation and its rules</h2>\n<pre>" + html::escape(tmo::summary(c)) +
             "</pre>\n</section>\n";
    p.line = "rules: " + c.org.name + " (checked)";
    return p;
}

tmo::result<part> committee_election(const tmo::constitution& c, const fs::path& data) {
    auto file = tmo::vote::load_ballots(data / "riverside_committee_2026.blt");
    if (!file) return tmo::unexpected(file.error());
    const std::string rule = c.committee ? rule_for(c.committee->method) : "scottish-stv";
    auto counted = tmo::vote::count(file->profile, rule, {});
    if (!counted) return tmo::unexpected(counted.error());
    part p;
    p.html = count_section(*counted, "Committee election: " + file->profile.title());
    p.line = "committee election (" + rule + "): " + std::to_string(counted->elected.size()) + " elected from " +
             std::to_string(counted->candidates.size()) + " candidates in " +
             std::to_string(counted->stages.size()) + " stages";
    return p;
}

int run_demo(const demo_options& o) {
    const fs::path data(o.data);
    auto rules = tmo::load_constitution(data / "riverside_tmo.toml");
    if (!rules) {
        std::cerr << rules.error().to_string() << '\n';
        return exit_bad_input;
    }
    std::vector<part> parts;
    for (auto made : {organisation(*rules), committee_election(*rules, data)}) {
        if (!made) {
            std::cerr << made.error().to_string() << '\n';
            return exit_bad_input;
        }
        parts.push_back(std::move(*made));
    }
    std::string body = "<h1>" + html::escape(rules->org.name) + ": the year's decisions</h1>\n<p>Every figure below is "
                       "exact and was worked out by tmo from the example data in <code>" + html::escape(o.data) +
                       "</code>. Each chart is followed by the table of its figures.</p>\n";
    for (const part& p : parts) body += p.html;
    if (!write_file_atomically(o.output, html::page(rules->org.name + ": the year's decisions", body)))
        return exit_bad_input;
    std::cout << "tmo demo: " << rules->org.name << '\n';
    for (const part& p : parts) std::cout << "  " << p.line << '\n';
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
    sub->footer("Example: tmo demo --output report.html\n\n"
                "Writes the report, prints what was decided, and exits 0; bad example data gives "
                "'file:line:column: error: ...' and exit status 2.");
    sub->callback([options, &status] { status = run_demo(*options); });
}

}  // namespace tmo_tool
