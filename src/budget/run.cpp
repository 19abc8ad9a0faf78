// Rules by name with text settings: the one place that turns the command line's words into typed options.
#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/greedy.hpp>
#include <tmo/budget/phragmen.hpp>
#include <tmo/budget/run.hpp>
#include <tmo/budget/welfare.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

// Every option, typed, as run() uses them.
struct typed_settings {
    tie_breaking ties = tie_breaking::equal_shares_net();
    std::string drawn_order;  // checked against the projects by run()
    add1_stop stop = add1_stop::exhaustive;
    add1_start start = add1_start::exact;
    rational step = 1;
    std::uint64_t max_runs = equal_shares_options{}.max_runs;
    utility util = utility::cost;
    std::string score = "auto";
    std::optional<rational> eligibility;
    comparison_measure compare = comparison_measure::none;
};

constexpr std::string_view setting_names = "ties, drawn-order, add1-stop, add1-start, add1-step, add1-max-runs, "
                                           "utility, score, eligibility, compare";

unexpected bad_value(std::string_view name, std::string_view value, std::string_view expected) {
    return unexpected(errc::invalid_value,
                      std::string(name) + " \"" + std::string(value) + "\": expected " + std::string(expected));
}

// Applies one setting to `s`; the one definition of what each setting accepts.
result<void> apply(typed_settings& s, std::string_view name, std::string_view value) {
    const auto positive = [&](std::string_view expected) -> result<rational> {
        auto r = rational::parse(value);
        if (!r || r->sign() <= 0) return bad_value(name, value, expected);
        return r;
    };
    if (name == "ties") {
        auto ties = parse_tie_breaking(value);
        if (!ties) return unexpected(ties.error());
        s.ties.criteria = ties->criteria;
    } else if (name == "drawn-order") {
        s.drawn_order = std::string(value);
    } else if (name == "add1-stop") {
        if (value == "exhaustive") s.stop = add1_stop::exhaustive;
        else if (value == "over-budget") s.stop = add1_stop::over_budget;
        else return bad_value(name, value, "exhaustive or over-budget");
    } else if (name == "add1-start") {
        if (value == "exact") s.start = add1_start::exact;
        else if (value == "floor") s.start = add1_start::floor;
        else return bad_value(name, value, "exact or floor");
    } else if (name == "add1-step") {
        auto step = positive("a positive amount per voter such as 1 or 0.01");
        if (!step) return unexpected(step.error());
        s.step = *step;
    } else if (name == "add1-max-runs") {
        std::uint64_t runs = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), runs);
        if (ec != std::errc() || end != value.data() + value.size() || runs < 1 || runs > 1'000'000'000)
            return bad_value(name, value, "a whole number of runs from 1 to 1000000000");
        s.max_runs = runs;
    } else if (name == "utility") {
        if (value == "cost") s.util = utility::cost;
        else if (value == "cardinality") s.util = utility::cardinality;
        else return bad_value(name, value, "cost or cardinality");
    } else if (name == "score") {
        if (value != "auto" && value != "ballots" && value != "column") return bad_value(name, value, "auto, ballots or column");
        s.score = std::string(value);
    } else if (name == "eligibility") {
        if (value == "none") {
            s.eligibility.reset();
        } else {
            auto factor = positive("none or a positive factor such as 1/3");
            if (!factor) return unexpected(factor.error());
            s.eligibility = *factor;
        }
    } else if (name == "compare") {
        if (value == "none") s.compare = comparison_measure::none;
        else if (value == "satisfaction") s.compare = comparison_measure::satisfaction;
        else if (value == "exclusion") s.compare = comparison_measure::exclusion;
        else return bad_value(name, value, "none, satisfaction or exclusion");
    } else {
        return unexpected(errc::unknown_key,
                          "unknown setting \"" + std::string(name) + "\": expected one of " + std::string(setting_names));
    }
    return {};
}

}  // namespace

const std::vector<std::string_view>& rule_names() {
    static const std::vector<std::string_view> names = {"greedy",     "greedy-no-skip", "greedy-threshold",
                                                        "greedy-cost", "max-welfare",   "phragmen",
                                                        "mes",         "mes-add1",      "mes-add1u"};
    return names;
}

std::string default_rule(const instance& inst) {
    const auto& names = rule_names();
    if (std::find(names.begin(), names.end(), inst.rule) != names.end()) return inst.rule;
    if (inst.rule == "equalshares" || inst.rule == "equalshares-comparison") return "mes";
    if (inst.rule.starts_with("equalshares/add1")) return "mes-add1";
    return "greedy";
}

result<void> rule_settings::set(std::string_view name, std::string_view value) {
    typed_settings check;
    if (auto ok = apply(check, name, value); !ok) return ok;
    const auto same = [&](const std::pair<std::string, std::string>& v) { return v.first == name; };
    if (auto it = std::find_if(values_.begin(), values_.end(), same); it != values_.end())
        it->second = std::string(value);
    else
        values_.emplace_back(std::string(name), std::string(value));
    return {};
}

result<outcome> run(const instance& inst, std::string_view rule, const rule_settings& settings) {
    typed_settings s;
    for (const auto& [name, value] : settings.values())
        if (auto ok = apply(s, name, value); !ok) return unexpected(ok.error());
    if (!s.drawn_order.empty()) {
        auto drawn = parse_drawn_order(inst, s.drawn_order);
        if (!drawn) return unexpected(drawn.error());
        s.ties.drawn = *drawn;
    }

    if (rule == "greedy" || rule == "greedy-no-skip" || rule == "greedy-threshold" || rule == "greedy-cost") {
        greedy_options g;
        g.ties = s.ties;
        g.skip = rule != "greedy-no-skip";
        if (rule == "greedy-cost") g.order = greedy_order::votes_per_cost;
        if (rule == "greedy-threshold") {
            if (!inst.min_project_score_threshold)
                return unexpected(errc::invalid_value,
                                  "greedy-threshold needs a minimum score (META min_project_score_threshold)");
            g.threshold = inst.min_project_score_threshold;
        }
        const bool has_scores = std::all_of(inst.projects.begin(), inst.projects.end(),
                                            [](const project& p) { return p.score_column.has_value(); });
        if (s.score == "column" || (s.score == "auto" && inst.type == vote_type::ordinal && has_scores))
            g.source = score_source::score_column;
        return greedy(inst, g);
    }
    if (rule == "max-welfare") return max_welfare(inst, {s.util, s.ties});
    if (rule == "phragmen") return phragmen(inst, {false, s.ties});
    if (rule == "mes" || rule == "mes-add1" || rule == "mes-add1u") {
        equal_shares_options m;
        m.util = s.util;
        m.ties = s.ties;
        m.complete = rule == "mes" ? completion::none : rule == "mes-add1" ? completion::add1 : completion::add1_utilitarian;
        m.stop = s.stop;
        m.start = s.start;
        m.step = s.step;
        m.max_runs = s.max_runs;
        m.min_share_factor = s.eligibility;
        m.compare = s.compare;
        return equal_shares(inst, m, settings.progress);
    }
    std::string names;
    for (std::string_view n : rule_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    return unexpected(errc::invalid_value, "unknown rule \"" + std::string(rule) + "\": expected one of " + names);
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
