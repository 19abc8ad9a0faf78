// The counting rules' options as flags, shared by `tmo count` and `tmo ballot open --election` (rule_options.hpp).
#include "rule_options.hpp"

namespace tmo_tool {

std::string rule_list() {
    std::string rules;
    for (auto r : tmo::vote::rule_names()) rules += (rules.empty() ? "" : ", ") + std::string(r);
    return rules;
}

void add_rule_setting(CLI::App* sub, rule_settings& s, const std::string& flag, std::string key,
                      const std::string& help) {
    sub->add_option_function<std::string>(
        flag, [&s, key](const std::string& value) { s.settings.push_back({key, value}); }, help);
}

namespace {

// Adds the switch --NAME, stored as the rule option KEY=on.
void add_switch(CLI::App* sub, rule_settings& s, const std::string& flag, std::string key, const std::string& help) {
    sub->add_flag_callback(flag, [&s, key] { s.settings.push_back({key, "on"}); }, help);
}

}  // namespace

void add_rule_flags(CLI::App* sub, rule_settings& s) {
    add_rule_setting(sub, s, "--ties", "ties",
                     "Tie-break chain, e.g. backwards,lot (methods: backwards, forwards, order, lot, manual, error)");
    add_rule_setting(sub, s, "--seed", "seed", "The published seed for ties decided by lot");
    add_rule_setting(sub, s, "--look-back", "look-back",
                     "Reading of 'the most recent stage at which they differed' for 3+ tied candidates: a (default: "
                     "one of them highest or lowest) or b (all different)");
    add_rule_setting(sub, s, "--order", "order", "The tie-break order for `order`: candidate numbers, favoured first");
    add_rule_setting(sub, s, "--manual", "manual",
                     "The returning officer's tie decisions, in order: candidate numbers");
    add_rule_setting(sub, s, "--overvote", "overvote",
                     "irv: a rank marked for several candidates exhausts the ballot (exhaust, default), is skipped "
                     "(skip), or exhausts only if several of them are continuing (multiple)");
    add_rule_setting(sub, s, "--skipped-ranks", "skipped-ranks",
                     "irv: a ballot exhausts after more than this many consecutive blank ranks (default: unlimited)");
    sub->add_flag_callback(
        "--exhaust-on-duplicate", [&s] { s.settings.push_back({"duplicates", "exhaust"}); },
        "irv: a candidate ranked again exhausts the ballot (default: the later mark is skipped)");
    add_switch(sub, s, "--batch-elimination", "batch",
               "irv: exclude at once all the lowest candidates who together cannot overtake the next");
    add_switch(sub, s, "--until-two", "until-two", "irv: go on excluding until two candidates remain");
    add_rule_setting(sub, s, "--max-marks", "max-marks",
                     "block: the most candidates a paper may mark (default: the number of seats)");
    sub->add_option("--set", s.raw, "Any option of the rule as KEY=VALUE (docs/counting.md lists them)");
}

tmo::result<void> finish_rule_settings(rule_settings& s) {
    for (const std::string& item : s.raw) {
        auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0)
            return tmo::unexpected(tmo::errc::invalid_argument, "--set '" + item + "': expected KEY=VALUE");
        s.settings.push_back({item.substr(0, equals), item.substr(equals + 1)});
    }
    s.raw.clear();
    return {};
}

}  // namespace tmo_tool
