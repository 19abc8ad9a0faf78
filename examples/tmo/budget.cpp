// tmo budget: decide which projects a participatory budget funds, and explain why.
#include "commands.hpp"
#include "html.hpp"
#include "reports.hpp"

#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/explain.hpp>
#include <tmo/budget/greedy.hpp>
#include <tmo/budget/pabulib.hpp>
#include <tmo/budget/phragmen.hpp>
#include <tmo/budget/welfare.hpp>

#include <algorithm>
#include <fstream>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace tmo_tool {

namespace {

namespace pb = tmo::budget;

struct budget_options {
    std::string file;
    std::string rule;
    std::string format = "text";
    std::string add1_stop = "exhaustive";
    std::string add1_start = "exact";
    std::string add1_step = "1";
    std::string ties = "min-cost,max-votes,file";
    std::string utility = "cost";
    std::string score = "auto";
    std::string eligibility;
    std::string compare = "none";
};

int bad(const std::string& message) {
    std::cerr << message << '\n';
    return exit_bad_input;
}

// The rule the file says the city used, when tmo implements it; otherwise greedy.
std::string rule_from_file(const pb::instance& inst) {
    if (inst.rule == "greedy-no-skip" || inst.rule == "greedy-threshold") return inst.rule;
    if (inst.rule == "equalshares" || inst.rule == "equalshares-comparison") return "mes";
    if (inst.rule.starts_with("equalshares/add1")) return "mes-add1";
    return "greedy";
}

int run_budget(const budget_options& o) {
    auto file = pb::load_pabulib(o.file);
    if (!file) return bad(file.error().to_string());
    const pb::instance& inst = file->election;

    auto ties = pb::parse_tie_breaking(o.ties);
    if (!ties) return bad("tmo budget: --ties: " + ties.error().message());
    if (const std::size_t at = o.ties.find("order:"); at != std::string::npos) {
        const std::string rest = o.ties.substr(at + 6);
        const std::string path = rest.substr(0, rest.find(','));
        std::ifstream in(path);
        if (!in) return bad(path + ": error: cannot read the drawn order");
        std::stringstream text;
        text << in.rdbuf();
        auto drawn = pb::parse_drawn_order(inst, text.str());
        if (!drawn) return bad(path + ": error: " + drawn.error().message());
        ties->drawn = *drawn;
    }
    pb::utility util = pb::utility::cost;
    if (o.utility == "cardinality") util = pb::utility::cardinality;
    else if (o.utility != "cost") return bad("tmo budget: --utility: expected cost or cardinality");

    const std::string rule = o.rule.empty() ? rule_from_file(inst) : o.rule;
    tmo::result<pb::outcome> out = tmo::unexpected(tmo::errc::invalid_value, "no rule");
    if (rule.starts_with("greedy")) {
        pb::greedy_options g;
        g.ties = *ties;
        if (rule == "greedy-no-skip") g.skip = false;
        else if (rule == "greedy-cost") g.order = pb::greedy_order::votes_per_cost;
        else if (rule == "greedy-threshold") {
            if (!inst.min_project_score_threshold)
                return bad(o.file + ": error: greedy-threshold needs META min_project_score_threshold");
            g.threshold = inst.min_project_score_threshold;
        } else if (rule != "greedy") {
            return bad("tmo budget: unknown rule '" + rule + "'");
        }
        const bool has_scores = std::all_of(inst.projects.begin(), inst.projects.end(),
                                            [](const pb::project& p) { return p.score_column.has_value(); });
        if (o.score == "column" || (o.score == "auto" && inst.type == pb::vote_type::ordinal && has_scores))
            g.source = pb::score_source::score_column;
        out = pb::greedy(inst, g);
    } else if (rule == "max-welfare") {
        out = pb::max_welfare(inst, {util, *ties});
    } else if (rule == "phragmen") {
        out = pb::phragmen(inst, {false, *ties});
    } else if (rule == "mes" || rule == "mes-add1" || rule == "mes-add1u") {
        pb::equal_shares_options m;
        m.util = util;
        m.ties = *ties;
        m.complete = rule == "mes" ? pb::completion::none
                     : rule == "mes-add1" ? pb::completion::add1
                                          : pb::completion::add1_utilitarian;
        if (o.add1_stop == "over-budget") m.stop = pb::add1_stop::over_budget;
        else if (o.add1_stop != "exhaustive") return bad("tmo budget: --add1-stop: expected exhaustive or over-budget");
        if (o.add1_start == "floor") m.start = pb::add1_start::floor;
        else if (o.add1_start != "exact") return bad("tmo budget: --add1-start: expected exact or floor");
        auto step = tmo::rational::parse(o.add1_step);
        if (!step || step->sign() <= 0) return bad("tmo budget: --add1-step: expected a positive amount such as 1 or 0.01");
        m.step = *step;
        if (!o.eligibility.empty()) {
            auto factor = tmo::rational::parse(o.eligibility);
            if (!factor || factor->sign() <= 0) return bad("tmo budget: --eligibility: expected a positive fraction such as 1/3");
            m.min_share_factor = *factor;
        }
        if (o.compare == "satisfaction") m.compare = pb::comparison_measure::satisfaction;
        else if (o.compare == "exclusion") m.compare = pb::comparison_measure::exclusion;
        else if (o.compare != "none") return bad("tmo budget: --compare: expected none, satisfaction or exclusion");
        out = pb::equal_shares(inst, m);
    } else {
        return bad("tmo budget: unknown rule '" + rule +
                   "': expected greedy, greedy-no-skip, greedy-threshold, greedy-cost, max-welfare, phragmen, mes, "
                   "mes-add1 or mes-add1u");
    }
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
    CLI::App* sub = app.add_subcommand("budget", "Decide a participatory budget from a Pabulib .pb file, and explain it");
    sub->add_option("FILE", options->file, "The election, a Pabulib .pb file")->required();
    sub->add_option("--rule", options->rule,
                    "greedy, greedy-no-skip, greedy-threshold, greedy-cost, max-welfare, phragmen, mes, mes-add1 or "
                    "mes-add1u (default: the file's own rule when tmo has it, else greedy)");
    sub->add_option("--format", options->format, "text, json or html")
        ->check(CLI::IsMember({"text", "json", "html"}));
    sub->add_option("--add1-stop", options->add1_stop, "exhaustive (stop at the first exhaustive outcome) or over-budget");
    sub->add_option("--add1-start", options->add1_start, "exact (budget / voters) or floor (rounded down)");
    sub->add_option("--add1-step", options->add1_step, "the Add1 increment per voter (default 1)");
    sub->add_option("--ties", options->ties,
                    "comma-separated tie-breaking criteria: min-cost, max-cost, max-votes, file, order:FILE, id, "
                    "id-string (default min-cost,max-votes,file)");
    sub->add_option("--utility", options->utility, "cost (default) or cardinality");
    sub->add_option("--score", options->score, "greedy scores: ballots, column (the file's score column) or auto");
    sub->add_option("--eligibility", options->eligibility, "MES eligibility filter factor, e.g. 1/3");
    sub->add_option("--compare", options->compare, "MES comparison step: none, satisfaction or exclusion");
    sub->footer("Example:\n  tmo budget Poland_Wieliczka_2023_Green_Budget.pb --rule mes-add1 --add1-stop over-budget\n\n"
                "Prints the funded projects with the reasons, and exits 0; or prints 'file:line:column: error: ...' "
                "and exits 2.");
    sub->callback([options, &status] { status = run_budget(*options); });
}

}  // namespace tmo_tool
