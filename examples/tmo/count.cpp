// tmo count: count the ballots of an election file and explain the result stage by stage.
#include "commands.hpp"

#include <tmo/vote/blt.hpp>
#include <tmo/vote/stv.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace tmo_tool {

namespace {

struct count_options {
    std::string file;
    std::string rule = "scottish-stv";
    std::optional<std::uint32_t> seats;
    std::string format = "text";
    std::string ties;
    std::optional<std::string> seed;
    std::string reading = "a";
    bool strict = false;
};

int run_count(const count_options& options) {
    tmo::vote::stv_options stv;
    if (options.rule == "scottish-stv") {
        stv = tmo::vote::stv_options::scottish();
    } else if (options.rule == "wigm") {
        stv = tmo::vote::stv_options::wigm_exact();
    } else {
        std::cerr << "tmo count: error: rule '" << options.rule
                  << "' is not available yet (available: scottish-stv, wigm)\n";
        return exit_bad_input;
    }
    if (!options.ties.empty()) {
        auto methods = tmo::vote::parse_tie_methods(options.ties);
        if (!methods) {
            std::cerr << "tmo count: error: " << methods.error().message() << '\n';
            return exit_bad_input;
        }
        stv.ties.methods = *methods;
    }
    stv.ties.seed = options.seed;
    stv.ties.reading =
        options.reading == "b" ? tmo::vote::look_back_reading::all_unequal : tmo::vote::look_back_reading::one_extreme;
    stv.seats = options.seats;

    auto file = tmo::vote::load_blt(options.file, options.strict ? tmo::vote::blt_mode::strict
                                                                 : tmo::vote::blt_mode::lenient);
    if (!file) {
        std::cerr << file.error().to_string() << '\n';
        return exit_bad_input;
    }
    for (const auto& w : file->warnings)
        std::cerr << w.where.file << ':' << w.where.line << ':' << w.where.column << ": warning: " << w.message << '\n';
    auto result = tmo::vote::count_stv(file->profile, stv);
    if (!result) {
        tmo::error e = result.error();
        std::cerr << tmo::error(e.code(), e.message(), tmo::source_location{options.file, 0, 0, {}}).to_string()
                  << '\n';
        return exit_bad_input;
    }
    if (options.format == "json")
        std::cout << tmo::vote::to_json(*result);
    else if (options.format == "csv")
        std::cout << tmo::vote::to_csv(*result);
    else
        std::cout << tmo::vote::to_text(*result);
    return exit_ok;
}

}  // namespace

void add_count(CLI::App& app, int& status) {
    auto options = std::make_shared<count_options>();
    CLI::App* sub = app.add_subcommand("count", "Count an election's ballots and explain the result stage by stage");
    sub->add_option("FILE", options->file, "The ballots, a BLT file")->required();
    sub->add_option("--rule", options->rule, "The counting rule: scottish-stv (default) or wigm");
    sub->add_option("--seats", options->seats, "The number of seats (default: as in the file)");
    sub->add_option("--format", options->format, "Output: text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    sub->add_option("--ties", options->ties,
                    "Tie-break chain, e.g. backwards,lot (methods: backwards, forwards, order, lot, manual, error)");
    sub->add_option("--seed", options->seed, "The published seed for ties decided by lot");
    sub->add_option("--look-back", options->reading,
                    "Reading of 'the most recent stage at which they differed' for 3+ tied candidates: a (default: "
                    "one of them highest or lowest) or b (all different)")
        ->check(CLI::IsMember({"a", "b"}));
    sub->add_flag("--strict", options->strict, "Read the file as standard BLT (quoted UTF-8 names)");
    sub->footer("Example:\n  tmo count ward.blt --rule scottish-stv --format json --seed \"AGM 2026\"\n\n"
                "Prints the result and exits 0, or prints 'file:line:column: error: ...' and exits 2.");
    sub->callback([options, &status] { status = run_count(*options); });
}

}  // namespace tmo_tool
