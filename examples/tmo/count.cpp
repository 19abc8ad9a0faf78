// tmo count: count the ballots of an election file and explain the result stage by stage.
#include "commands.hpp"

#include <tmo/vote/blt.hpp>
#include <tmo/vote/irv.hpp>
#include <tmo/vote/long_format.hpp>
#include <tmo/vote/plurality.hpp>
#include <tmo/vote/stv.hpp>

#include <filesystem>
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
    std::string overvote = "exhaust";
    std::optional<std::uint32_t> skipped_ranks;
    bool exhaust_on_duplicate = false;
    bool batch = false;
    bool until_two = false;
    std::optional<std::uint32_t> max_marks;
};

// The ballots: a long-format CSV (`ballot_id,rank,choice`) if the file name ends in .csv, else BLT.
tmo::result<tmo::vote::profile> load_profile(const count_options& options) {
    if (std::filesystem::path(options.file).extension() == ".csv") return tmo::vote::load_long_format(options.file);
    auto file = tmo::vote::load_blt(options.file, options.strict ? tmo::vote::blt_mode::strict
                                                                 : tmo::vote::blt_mode::lenient);
    if (!file) return tmo::unexpected(file.error());
    for (const auto& w : file->warnings)
        std::cerr << w.where.file << ':' << w.where.line << ':' << w.where.column << ": warning: " << w.message << '\n';
    return std::move(file->profile);
}

tmo::result<tmo::vote::count_result> count(const count_options& options, const tmo::vote::profile& p,
                                           const tmo::vote::tie_chain& ties) {
    if (options.rule == "irv") {
        tmo::vote::irv_options irv;
        irv.overvote = options.overvote == "skip"   ? tmo::vote::overvote_rule::skip_to_next_rank
                       : options.overvote == "exhaust" ? tmo::vote::overvote_rule::exhaust_immediately
                                                       : tmo::vote::overvote_rule::exhaust_if_multiple_continuing;
        irv.max_skipped_ranks = options.skipped_ranks;
        irv.duplicates = options.exhaust_on_duplicate ? tmo::vote::duplicate_rule::exhaust
                                                      : tmo::vote::duplicate_rule::skip;
        irv.batch_elimination = options.batch;
        irv.continue_until_two = options.until_two;
        irv.ties = ties;
        return tmo::vote::count_irv(p, irv);
    }
    if (options.rule == "plurality" || options.rule == "block") {
        tmo::vote::block_options block =
            options.rule == "plurality" ? tmo::vote::block_options::plurality() : tmo::vote::block_options::block();
        if (options.seats) block.seats = options.seats;
        if (options.max_marks) block.max_marks = options.max_marks;
        block.ties = ties;
        return tmo::vote::count_block(p, block);
    }
    tmo::vote::stv_options stv =
        options.rule == "wigm" ? tmo::vote::stv_options::wigm_exact() : tmo::vote::stv_options::scottish();
    stv.ties = ties;
    stv.seats = options.seats;
    return tmo::vote::count_stv(p, stv);
}

int run_count(const count_options& options) {
    if (options.rule != "scottish-stv" && options.rule != "wigm" && options.rule != "irv" &&
        options.rule != "plurality" && options.rule != "block") {
        std::cerr << "tmo count: error: rule '" << options.rule
                  << "' is not available yet (available: scottish-stv, wigm, irv, plurality, block)\n";
        return exit_bad_input;
    }
    tmo::vote::tie_chain ties;
    if (!options.ties.empty()) {
        auto methods = tmo::vote::parse_tie_methods(options.ties);
        if (!methods) {
            std::cerr << "tmo count: error: " << methods.error().message() << '\n';
            return exit_bad_input;
        }
        ties.methods = *methods;
    }
    ties.seed = options.seed;
    ties.reading =
        options.reading == "b" ? tmo::vote::look_back_reading::all_unequal : tmo::vote::look_back_reading::one_extreme;

    auto profile = load_profile(options);
    if (!profile) {
        std::cerr << profile.error().to_string() << '\n';
        return exit_bad_input;
    }
    auto result = count(options, *profile, ties);
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
    sub->add_option("FILE", options->file,
                    "The ballots: a BLT file, or a long-format CSV (ballot_id,rank,choice) if the name ends in .csv")
        ->required();
    sub->add_option("--rule", options->rule,
                    "The counting rule: scottish-stv (default), wigm, irv, plurality or block");
    sub->add_option("--seats", options->seats, "The number of seats (default: as in the file; not for irv)");
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
    sub->add_option("--overvote", options->overvote,
                    "irv: a rank marked for several candidates exhausts the ballot (exhaust, default), is skipped "
                    "(skip), or exhausts only if several of them are continuing (multiple)")
        ->check(CLI::IsMember({"exhaust", "skip", "multiple"}));
    sub->add_option("--skipped-ranks", options->skipped_ranks,
                    "irv: a ballot exhausts after more than this many consecutive blank ranks (default: unlimited)");
    sub->add_flag("--exhaust-on-duplicate", options->exhaust_on_duplicate,
                  "irv: a candidate ranked again exhausts the ballot (default: the later mark is skipped)");
    sub->add_flag("--batch-elimination", options->batch,
                  "irv: exclude at once all the lowest candidates who together cannot overtake the next");
    sub->add_flag("--until-two", options->until_two, "irv: go on excluding until two candidates remain");
    sub->add_option("--max-marks", options->max_marks,
                    "block: the most candidates a paper may mark (default: the number of seats)");
    sub->footer("Examples:\n  tmo count ward.blt --rule scottish-stv --format json --seed \"AGM 2026\"\n"
                "  tmo count mayor.csv --rule irv --batch-elimination\n\n"
                "Prints the result and exits 0, or prints 'file:line:column: error: ...' and exits 2.");
    sub->callback([options, &status] { status = run_count(*options); });
}

}  // namespace tmo_tool
