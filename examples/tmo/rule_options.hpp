// The options of a counting rule as command-line flags (--ties, --seed, ..., --set KEY=VALUE), one set of flags for
// every subcommand that counts an election: `tmo count` and `tmo ballot open --election`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include <tmo/core/result.hpp>
#include <tmo/vote/rules.hpp>

namespace tmo_tool {

/// A rule's options as the flags give them.
struct rule_settings {
    std::vector<tmo::vote::setting> settings;  ///< from the flags and --set, in the order given
    std::vector<std::string> raw;              ///< --set KEY=VALUE, added to `settings` by finish_rule_settings
};

/// A comma-separated list of the counting rules (vote::rule_names()), for help texts.
[[nodiscard]] std::string rule_list();

/// Adds to `sub` the flags of the rules' options other than the number of seats (--ties, --seed, --look-back,
/// --order, --manual, --overvote, --skipped-ranks, --exhaust-on-duplicate, --batch-elimination, --until-two,
/// --max-marks) and --set KEY=VALUE, each stored in `s` (which must outlive `sub`'s parsing).
void add_rule_flags(CLI::App* sub, rule_settings& s);

/// Adds a flag `flag` taking a value, stored in `s` as the rule option `key`.
void add_rule_setting(CLI::App* sub, rule_settings& s, const std::string& flag, std::string key,
                      const std::string& help);

/// Appends the --set items to s.settings. @return nothing, or errc::invalid_argument ("--set 'X': expected
/// KEY=VALUE").
[[nodiscard]] tmo::result<void> finish_rule_settings(rule_settings& s);

}  // namespace tmo_tool
