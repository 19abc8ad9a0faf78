// tmo budget: decide which projects a participatory budget funds, and explain why.
#include "commands.hpp"
#include "html.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "reports.hpp"

#include <tmo/budget/explain.hpp>
#include <tmo/budget/input.hpp>
#include <tmo/budget/run.hpp>
#include <tmo/core/text.hpp>

#include <fstream>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace tmo_tool {

namespace {

namespace pb = tmo::budget;

struct budget_options {
    std::string file;
    std::string rule;
    std::string format = "text";
    // The rule settings given on the command line, as (setting name, value) in the order of run.hpp's table.
    std::vector<std::pair<std::string, std::string>> settings;
};

int bad(const std::string& message) {
    std::cerr << message << '\n';
    return exit_bad_input;
}

int run_budget(const budget_options& o) {
    auto file = pb::load_election(o.file);
    if (!file) return bad(file.error().to_string());
    const pb::instance& inst = file->election;

    pb::rule_settings settings;
    for (const auto& [name, value] : o.settings) {
        if (value.empty()) continue;
        if (auto ok = settings.set(name, value); !ok) return bad("tmo budget: --" + name + ": " + ok.error().message());
        // --ties order:FILE: the drawn order is read from FILE.
        const std::size_t at = name == "ties" ? value.find("order:") : std::string::npos;
        if (at == std::string::npos) continue;
        const std::string rest = value.substr(at + 6);
        const std::string path = rest.substr(0, rest.find(','));
        std::ifstream in(path);
        if (!in) return bad(path + ": error: cannot read the drawn order");
        std::stringstream text;
        text << in.rdbuf();
        if (auto ok = settings.set("drawn-order", text.str()); !ok) return bad(path + ": error: " + ok.error().message());
        if (auto drawn = pb::parse_drawn_order(inst, text.str()); !drawn)
            return bad(path + ": error: " + drawn.error().message());
    }
    const std::string rule = o.rule.empty() ? pb::default_rule(inst) : o.rule;
    progress_line progress;  // "add1: run 12, budget 1,234,000…" on a terminal, for long Add1 completions
    if (progress.active())
        settings.progress = [&progress](const pb::add1_progress& p) {
            progress.show("add1: run " + tmo::group_thousands(std::to_string(p.run)) + ", budget " +
                          tmo::group_thousands(p.budget.floor().str()) + "\u2026");
        };
    auto out = pb::run(inst, rule, settings);
    progress.clear();
    if (!out) return bad(o.file + ": error: " + out.error().message());
    if (o.format == "json") std::cout << pb::to_json(inst, *out) << '\n';
    else if (const std::string name = std::filesystem::path(o.file).filename().string(); o.format == "html")
        std::cout << tmo_tool::html::page("Budget: " + name, "<h1>" + tmo_tool::html::escape(name) + "</h1>\n" +
                                                                   budget_section(inst, *out, "The budget"));
    else std::cout << pb::to_text(inst, *out);
    return exit_ok;
}

}  // namespace

void add_budget(CLI::App& app, int& status) {
    auto options = std::make_shared<budget_options>();
    options->settings = {{"ties", ""},    {"add1-stop", ""}, {"add1-start", ""},  {"add1-step", ""},
                         {"utility", ""}, {"score", ""},     {"eligibility", ""}, {"compare", ""},
                         {"add1-max-runs", ""}};
    const auto setting = [&](std::size_t i) -> std::string& { return options->settings[i].second; };
    CLI::App* sub = app.add_subcommand(
        "budget", "Decide a participatory budget from an election file (.pb, .toml or .csv), and explain it");
    sub->add_option("FILE", options->file,
                    "The election: a Pabulib .pb file, a TOML file or a CSV ballot sheet (see docs/budgeting.md)")
        ->required();
    sub->add_option("--rule", options->rule,
                    "greedy, greedy-no-skip, greedy-threshold, greedy-cost, max-welfare, phragmen, mes, mes-add1 or "
                    "mes-add1u (default: the file's own rule when tmo has it, else greedy)");
    sub->add_option("--format", options->format, "text, json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    sub->add_option("--ties", setting(0),
                    "comma-separated tie-breaking criteria: min-cost, max-cost, max-votes, file, order:FILE, id, "
                    "id-string (default min-cost,max-votes,file)");
    sub->add_option("--add1-stop", setting(1), "exhaustive (stop at the first exhaustive outcome; default) or over-budget");
    sub->add_option("--add1-start", setting(2), "exact (budget / voters; default) or floor (rounded down)");
    sub->add_option("--add1-step", setting(3), "the Add1 increment per voter (default 1)");
    sub->add_option("--utility", setting(4), "cost (default) or cardinality");
    sub->add_option("--score", setting(5), "greedy scores: ballots, column (the file's score column) or auto");
    sub->add_option("--eligibility", setting(6), "MES eligibility filter factor, e.g. 1/3");
    sub->add_option("--compare", setting(7), "MES comparison step: none, satisfaction or exclusion");
    sub->add_option("--add1-max-runs", setting(8), "the most runs Add1 may make before giving up (default 10000)");
    sub->footer("Example: tmo budget examples/data/budget/riverside_fund.toml\n"
                "Example: tmo budget examples/data/budget/riverside_fund.csv --rule mes-add1 --add1-stop over-budget\n\n"
                "Prints the funded projects with the reasons, and exits 0; or prints 'file:line:column: error: ...' "
                "and exits 2.");
    run_with_output(*sub, status, [options] { return run_budget(*options); });
}

}  // namespace tmo_tool
