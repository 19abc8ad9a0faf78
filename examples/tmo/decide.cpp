// tmo meeting and tmo ballot: check a meeting against the constitution and print its minutes; evaluate a class
// ballot. Exit statuses (docs/decisions.md): 0 the meeting was properly held / the ballot carried, 1 it was not /
// it did not carry, 2 bad input.
#include "commands.hpp"
#include "output.hpp"
#include "html.hpp"
#include "reports.hpp"

#include <tmo/decision/files.hpp>
#include <tmo/decision/record.hpp>
#include <tmo/rules/constitution.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace tmo_tool {

namespace {

struct meeting_options {
    std::string file;
    std::string constitution;
    std::string register_file;
    std::string format = "text";
};

struct ballot_options {
    std::string file;
    std::string rule;
    std::string constitution;
    std::string register_file;
    std::string format = "text";
};

int bad(const tmo::error& e) {
    std::cerr << e.to_string() << '\n';
    return exit_bad_input;
}

int run_meeting(const meeting_options& options) {
    auto rules = tmo::load_constitution(options.constitution);
    if (!rules) return bad(rules.error());
    auto m = tmo::decision::load_meeting(options.file);
    if (!m) return bad(m.error());
    auto reg = tmo::decision::load_register_csv(options.register_file.empty() ? m->register_file
                                                                              : options.register_file);
    if (!reg) return bad(reg.error());
    auto outcome = tmo::decision::check_meeting(*rules, *reg, *m);
    if (!outcome) {
        tmo::error e = outcome.error();
        if (e.where().file.empty()) e = tmo::error(e.code(), e.message(), tmo::source_location{options.file, 0, 0, {}});
        return bad(e);
    }
    if (options.format == "html") {
        const std::string title = outcome->title.empty() ? "Meeting of " + tmo::to_string(outcome->held) : outcome->title;
        std::cout << html::page(outcome->organisation + ": " + title,
                                "<h1>" + html::escape(outcome->organisation) + "</h1>\n" + meeting_section(*outcome, title));
    } else {
        std::cout << (options.format == "json" ? tmo::decision::to_json(*outcome)
                                               : tmo::decision::to_markdown(*outcome));
    }
    return outcome->valid ? exit_ok : exit_outcome_failed;
}

int run_ballot(const ballot_options& options) {
    std::optional<tmo::constitution> rules;
    if (!options.constitution.empty()) {
        auto loaded = tmo::load_constitution(options.constitution);
        if (!loaded) return bad(loaded.error());
        rules = std::move(*loaded);
    }
    // The rule: a ballot of the constitution given, else a shipped preset.
    std::optional<tmo::ballot_rules> rule;
    if (rules) {
        if (const tmo::ballot_rules* b = rules->ballot(options.rule)) rule = *b;
    }
    if (!rule) {
        auto preset = tmo::decision::ballot_preset(options.rule);
        if (!preset) {
            std::cerr << "tmo ballot: error: no ballot rule \"" << options.rule << "\""
                      << (rules ? " in the constitution or" : "") << " among the presets ("
                      << preset.error().message().substr(preset.error().message().find("the presets are: ") + 17)
                      << ")\n";
            return exit_bad_input;
        }
        rule = std::move(*preset);
    }
    auto file = tmo::decision::load_ballot_file(options.file);
    if (!file) return bad(file.error());
    std::optional<tmo::decision::member_register> reg;
    if (!file->tallies) {
        if (!rules) {
            std::cerr << options.file << ": error: a ballot counted from papers needs --constitution (for who may vote)\n";
            return exit_bad_input;
        }
        auto loaded = tmo::decision::load_register_csv(options.register_file.empty() ? file->register_file
                                                                                     : options.register_file);
        if (!loaded) return bad(loaded.error());
        reg = std::move(*loaded);
    }
    auto outcome = tmo::decision::run_ballot(*rule, options.rule, *file, reg ? &*reg : nullptr,
                                             rules ? &rules->membership : nullptr);
    if (!outcome) {
        tmo::error e = outcome.error();
        if (e.where().file.empty()) e = tmo::error(e.code(), e.message(), tmo::source_location{options.file, 0, 0, {}});
        return bad(e);
    }
    if (options.format == "html") {
        const std::string title = outcome->title.empty() ? "Ballot: " + options.rule : outcome->title;
        std::cout << html::page(title, ballot_section(*outcome, title));
    } else {
        std::cout << (options.format == "json" ? tmo::decision::to_json(*outcome)
                                               : tmo::decision::to_markdown(*outcome));
    }
    return outcome->decision.carried ? exit_ok : exit_outcome_failed;
}

}  // namespace

void add_meeting(CLI::App& app, int& status) {
    auto options = std::make_shared<meeting_options>();
    CLI::App* sub = app.add_subcommand("meeting", "Check a meeting (notice, proxies, quorum, each resolution) and print "
                                                  "its minutes");
    sub->add_option("FILE", options->file, "The meeting, a TOML file (docs/decisions.md)")->required();
    sub->add_option("--constitution", options->constitution, "The constitution, a TOML file")->required();
    sub->add_option("--register", options->register_file,
                    "The membership register (CSV); default: the register the meeting file names");
    sub->add_option("--format", options->format, "Output: text (Markdown minutes, default), json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    sub->footer("Example: tmo meeting examples/data/riverside/agm_2026.toml --constitution "
                "examples/data/riverside_tmo.toml\n\n"
                "Prints the minutes and exits 0 when the meeting was properly held (notice given, quorate for every "
                "item, confirmations in their window; resolutions may carry or fail), 1 when it was not, and 2 with "
                "'file:line:column: error: ...' on bad input.");
    run_with_output(*sub, status, [options] { return run_meeting(*options); });
}

void add_ballot(CLI::App& app, int& status) {
    auto options = std::make_shared<ballot_options>();
    CLI::App* sub = app.add_subcommand("ballot", "Evaluate a class ballot from tallies by class or a roll and papers, "
                                                 "or conduct one in a database (the verbs below)");
    sub->add_option("FILE", options->file, "The ballot, a TOML file (docs/decisions.md)");
    std::string presets;
    for (const std::string& name : tmo::decision::ballot_preset_names()) presets += (presets.empty() ? "" : ", ") + name;
    sub->add_option("--rule", options->rule,
                    "The ballot rule: a [ballots.<name>] of the --constitution, or a preset: " + presets);
    sub->add_option("--constitution", options->constitution,
                    "The constitution: its ballots, and its membership rules for a ballot counted from papers");
    sub->add_option("--register", options->register_file,
                    "The membership register (CSV); default: the register the ballot file names");
    sub->add_option("--format", options->format, "Output: text (Markdown, default), json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    sub->footer("Example: tmo ballot examples/data/riverside/continuation_ballot_2026.toml --rule continuation_ballot\n\n"
                "Prints the result by class and exits 0 when the ballot carried, 1 when it did not, and 2 with "
                "'file:line:column: error: ...' on bad input.");
    sub->require_subcommand(0, 1);
    add_ballot_verbs(sub, status);
    // A verb's callback runs first and sets `status`; this one then keeps it.
    run_with_output(*sub, status, [options, sub, &status]() -> int {
        if (!sub->get_subcommands().empty()) return status;
        if (options->file.empty() || options->rule.empty()) {
            std::cerr << "tmo ballot: error: give a ballot FILE with --rule, or a verb (tmo ballot --help)\n";
            return exit_bad_input;
        }
        return run_ballot(*options);
    });
}

}  // namespace tmo_tool
