// tmo count: count the ballots of an election file and explain the result stage by stage.
#include "commands.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "html.hpp"
#include "reports.hpp"

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
    std::vector<tmo::vote::setting> settings;  // the rule's options, from the flags below and --set, in order
    std::vector<std::string> raw_settings;     // --set KEY=VALUE
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
    if (!options.settings.empty()) {
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
    for (const std::string& item : options.raw_settings) {
        auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0) {
            std::cerr << "tmo count: error: --set '" << item << "': expected KEY=VALUE\n";
            return exit_bad_input;
        }
        options.settings.push_back({item.substr(0, equals), item.substr(equals + 1)});
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
    auto result = tmo::vote::count(file->profile, options.rule, options.settings);
    progress.clear();
    return print(result, options, title);
}

// Adds --NAME VALUE, stored as the rule option KEY.
void add_setting(CLI::App* sub, count_options& options, const std::string& flag, std::string key,
                 const std::string& help) {
    sub->add_option_function<std::string>(
        flag, [&options, key](const std::string& value) { options.settings.push_back({key, value}); }, help);
}

// Adds the switch --NAME, stored as the rule option KEY=on.
void add_switch(CLI::App* sub, count_options& options, const std::string& flag, std::string key,
                const std::string& help) {
    sub->add_flag_callback(flag, [&options, key] { options.settings.push_back({key, "on"}); }, help);
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
    std::string rules;
    for (auto r : tmo::vote::rule_names()) rules += (rules.empty() ? "" : ", ") + std::string(r);
    sub->add_option("--rule", o.rule, "The counting rule (default scottish-stv): " + rules);
    sub->add_option("--format", o.format, "Output: text (default), json, csv or html")
        ->check(CLI::IsMember({"text", "json", "csv", "html"}));
    sub->add_flag("--strict", o.strict, "Read a BLT file as standard BLT (quoted UTF-8 names)");
    add_setting(sub, o, "--seats", "seats", "The number of seats (default: as in the file)");
    add_setting(sub, o, "--ties", "ties",
                "Tie-break chain, e.g. backwards,lot (methods: backwards, forwards, order, lot, manual, error)");
    add_setting(sub, o, "--seed", "seed", "The published seed for ties decided by lot");
    add_setting(sub, o, "--look-back", "look-back",
                "Reading of 'the most recent stage at which they differed' for 3+ tied candidates: a (default: "
                "one of them highest or lowest) or b (all different)");
    add_setting(sub, o, "--order", "order", "The tie-break order for `order`: candidate numbers, favoured first");
    add_setting(sub, o, "--manual", "manual", "The returning officer's tie decisions, in order: candidate numbers");
    add_setting(sub, o, "--overvote", "overvote",
                "irv: a rank marked for several candidates exhausts the ballot (exhaust, default), is skipped "
                "(skip), or exhausts only if several of them are continuing (multiple)");
    add_setting(sub, o, "--skipped-ranks", "skipped-ranks",
                "irv: a ballot exhausts after more than this many consecutive blank ranks (default: unlimited)");
    sub->add_flag_callback(
        "--exhaust-on-duplicate", [&o] { o.settings.push_back({"duplicates", "exhaust"}); },
        "irv: a candidate ranked again exhausts the ballot (default: the later mark is skipped)");
    add_switch(sub, o, "--batch-elimination", "batch",
               "irv: exclude at once all the lowest candidates who together cannot overtake the next");
    add_switch(sub, o, "--until-two", "until-two", "irv: go on excluding until two candidates remain");
    add_setting(sub, o, "--max-marks", "max-marks",
                "block: the most candidates a paper may mark (default: the number of seats)");
    sub->add_option("--set", o.raw_settings, "Any option of the rule as KEY=VALUE (docs/counting.md lists them)");
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
