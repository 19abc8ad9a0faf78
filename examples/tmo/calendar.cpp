// tmo calendar: the statutory calendar from a file of milestones; what is overdue or due soon on a day.
#include "commands.hpp"
#include "output.hpp"

#include <tmo/decision/calendar.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace tmo_tool {

namespace {

struct calendar_options {
    std::string file;
    std::string on;
    std::string format = "text";
    bool check = false;
};

int run_calendar(const calendar_options& options) {
    auto input = tmo::decision::load_calendar_input(options.file);
    if (!input) {
        std::cerr << input.error().to_string() << '\n';
        return exit_bad_input;
    }
    auto rules = tmo::decision::calendar_preset(input->preset);  // load_calendar_input checked the name
    if (!rules) {
        std::cerr << options.file << ": error: " << rules.error().message() << '\n';
        return exit_bad_input;
    }
    tmo::date on = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    if (!options.on.empty()) {
        auto parsed = tmo::parse_date(options.on);
        if (!parsed) {
            std::cerr << "tmo calendar: error: --on " << options.on << ": " << parsed.error().message() << '\n';
            return exit_bad_input;
        }
        on = *parsed;
    } else if (input->on) {
        on = *input->on;
    }
    auto computed = tmo::decision::compute_calendar(*rules, input->milestones, on, input->due_soon_days);
    if (!computed) {
        std::cerr << options.file << ": error: " << computed.error().message() << '\n';
        return exit_bad_input;
    }
    if (options.format == "json")
        std::cout << tmo::decision::to_json(*computed) << '\n';
    else if (options.format == "markdown")
        std::cout << tmo::decision::to_markdown(*computed);
    else
        std::cout << tmo::decision::to_text(*computed);
    return options.check && computed->overdue > 0 ? exit_outcome_failed : exit_ok;
}

}  // namespace

void add_calendar(CLI::App& app, int& status) {
    auto options = std::make_shared<calendar_options>();
    CLI::App* sub =
        app.add_subcommand("calendar", "Compute statutory deadlines from milestones and flag what is overdue");
    sub->add_option("FILE", options->file, "The milestones, a TOML calendar file (docs/committee.md)")->required();
    sub->add_option("--on", options->on, "The day to look at, YYYY-MM-DD (default: the file's `on`, else today)");
    sub->add_option("--format", options->format, "Output: text (default), markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}));
    sub->add_flag("--check", options->check, "Exit 1 when a deadline is overdue");
    sub->footer("Example: tmo calendar examples/data/riverside/calendar.toml --on 2025-10-05\n"
                "Example (exit 1): tmo calendar examples/data/riverside/calendar.toml --on 2025-10-05 --check\n\n"
                "Prints each deadline with its due date and status and exits 0 (1 with --check when something is "
                "overdue), or prints 'file:line:column: error: ...' and exits 2.");
    run_with_output(*sub, status, [options] { return run_calendar(*options); });
}

}  // namespace tmo_tool
