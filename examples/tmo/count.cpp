// tmo count: count the ballots of an election file and explain the result stage by stage.
#include "commands.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "html.hpp"
#include "reports.hpp"
#include "rule_options.hpp"

#include <tmo/core/text.hpp>
#include <tmo/vote/ballot_file.hpp>
#include <tmo/vote/rctab.hpp>
#include <tmo/vote/rules.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace tmo_tool {

namespace {

struct count_options {
    std::string file;
    std::string rctab_config;  // --rctab-config: count under an RCTab configuration's rules (instant-runoff, or its multi-winner mode)
    std::string rule = "scottish-stv";
    std::string format = "text";
    bool strict = false;
    rule_settings rule_options;  // the rule's options, from the flags and --set, in order
};

// Prints a count's result in the chosen format, or its error (located in the ballot file).
// `title` heads an HTML report.
int print(const tmo::result<tmo::vote::count_result>& result, const count_options& options, const std::string& title) {
    if (!result) {
        tmo::error e = result.error();
        std::cerr << tmo::error(e.code(), e.message(), tmo::source_location{options.file, 0, 0, {}}).to_string()
                  << '\n';
        return exit_bad_input;
    }
    if (options.format == "json")
        std::cout << tmo::vote::to_json(*result);
    else if (options.format == "html")
        std::cout << html::page("Count: " + title,
                                "<h1>" + html::escape(title) + "</h1>\n" + count_section(*result, "The count"));
    else if (options.format == "csv")
        std::cout << tmo::vote::to_csv(*result);
    else
        std::cout << tmo::vote::to_text(*result);
    return exit_ok;
}

// --rctab-config: the configuration's rules; the ballots from FILE if given, else from the configuration's source.
int run_rctab(count_options& options) {
    if (!options.rule_options.settings.empty()) {
        std::cerr << "tmo count: error: with --rctab-config the rules come from the configuration; drop the other "
                     "counting options\n";
        return exit_bad_input;
    }
    auto config = tmo::vote::load_rctab_config(options.rctab_config);
    if (!config) {
        std::cerr << config.error().to_string() << '\n';
        return exit_bad_input;
    }
    tmo::result<tmo::vote::profile> ballots = tmo::unexpected(tmo::errc::internal, "no ballots");
    if (options.file.empty()) {
        ballots = tmo::vote::rctab_load_ballots(*config, std::filesystem::path(options.rctab_config).parent_path());
    } else {
        auto file = tmo::vote::load_ballots(options.file);
        if (file)
            ballots = tmo::vote::rctab_ballots(*config, file->profile);
        else
            ballots = tmo::unexpected(file.error());
    }
    if (!ballots) {
        tmo::error e = ballots.error();
        if (e.where().file.empty()) e = tmo::error(e.code(), e.message(), {options.rctab_config, 0, 0, {}});
        std::cerr << e.to_string() << '\n';
        return exit_bad_input;
    }
    if (options.file.empty()) options.file = options.rctab_config;
    return print(tmo::vote::count_irv(*ballots, tmo::vote::rctab_irv_options(*config, *ballots)), options,
                 options.file);
}

int run_count(count_options& options) {
    if (auto finished = finish_rule_settings(options.rule_options); !finished) {
        std::cerr << "tmo count: error: " << finished.error().message() << '\n';
        return exit_bad_input;
    }
    if (!options.rctab_config.empty()) return run_rctab(options);
    if (options.file.empty()) {
        std::cerr << "tmo count: error: expected a ballot file (or --rctab-config)\n";
        return exit_bad_input;
    }
    progress_line progress;  // on a terminal: what a large count is doing, until its result is printed
    progress.show("reading " + options.file + "\u2026", true);
    auto file = tmo::vote::load_ballots(options.file, options.strict ? tmo::vote::blt_mode::strict
                                                                     : tmo::vote::blt_mode::lenient);
    progress.clear();
    if (!file) {
        std::cerr << file.error().to_string() << '\n';
        return exit_bad_input;
    }
    for (const auto& w : file->warnings)
        std::cerr << w.where.file << ':' << w.where.line << ':' << w.where.column << ": warning: " << w.message << '\n';
    const std::string title = file->profile.title().empty() ? options.file : file->profile.title();
    progress.show("counting " + tmo::group_thousands(std::to_string(file->profile.papers())) + " papers by " +
                  options.rule + "\u2026", true);
    auto result = tmo::vote::count(file->profile, options.rule, options.rule_options.settings);
    progress.clear();
    return print(result, options, title);
}

}  // namespace

void add_count(CLI::App& app, int& status) {
    auto options = std::make_shared<count_options>();
    count_options& o = *options;
    CLI::App* sub = app.add_subcommand("count", "Count an election's ballots and explain the result stage by stage");
    sub->add_option("FILE", o.file,
                    "The ballots, told apart by content: BLT, NIST CDF JSON cast vote records, or a CSV (long format "
                    "ballot_id,rank,choice; rank1,rank2,... columns; or RCTab's generic CSV, one column per "
                    "candidate)");
    sub->add_option("--rctab-config", o.rctab_config,
                    "Count under the rules of this RCTab contest configuration (_config.json): instant-runoff, or "
                    "several winners per round when it says so; "
                    "the ballots are FILE if given, else the configuration's cast vote record file");
    sub->add_option("--rule", o.rule, "The counting rule (default scottish-stv): " + rule_list());
    sub->add_option("--format", o.format, "Output: text (default), json, csv or html")
        ->check(CLI::IsMember({"text", "json", "csv", "html"}));
    sub->add_flag("--strict", o.strict, "Read a BLT file as standard BLT (quoted UTF-8 names)");
    add_rule_setting(sub, o.rule_options, "--seats", "seats", "The number of seats (default: as in the file)");
    add_rule_flags(sub, o.rule_options);
    sub->footer("Example: tmo count examples/data/riverside_committee_2026.blt --rule scottish-stv --seats 5\n"
                "Example: tmo count examples/data/riverside_committee_2026.blt --rule meek --format json "
                "--seed \"AGM 2026\"\n"
                "Example: tmo count examples/data/riverside_committee_2026.blt --rule irv --seats 1 --ties lot "
                "--seed \"AGM 2026\"\n"
                "RCTab users: tmo count --rctab-config contest_config.json counts by the rules of an RCTab contest.\n\n"
                "Prints the result and exits 0, or prints 'file:line:column: error: ...' and exits 2.");
    run_with_output(*sub, status, [options] { return run_count(*options); });
}

}  // namespace tmo_tool
