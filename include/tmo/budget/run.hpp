// tmo/budget/run.hpp: every rule by its command-line name, with its options given as named text settings.
//
// This is how the `tmo budget` tool and the C API (tmo/budget.h) run rules: a rule name such as "mes-add1" and
// settings such as ("add1-stop", "over-budget"), so that new options never change a function's signature. The
// typed functions (greedy.hpp, equal_shares.hpp, phragmen.hpp, welfare.hpp) remain the way to run a rule from C++
// with options the settings do not name.
#pragma once

#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// The rule names run() accepts, in the order the command line lists them: greedy, greedy-no-skip,
/// greedy-threshold, greedy-cost, max-welfare, phragmen, mes, mes-add1, mes-add1u.
[[nodiscard]] const std::vector<std::string_view>& rule_names();

/// The rule an election says its organisers used (instance::rule, a Pabulib META `rule` such as "equalshares/add1"
/// or a rule name of rule_names()), when tmo has it; otherwise "greedy".
[[nodiscard]] std::string default_rule(const instance& inst);

/// Options of the rules as (name, text) settings. Every setting has a default; set() checks the value at once.
/// The settings:
/// - `ties`: a comma list of min-cost, max-cost, max-votes, file, order, id, id-string (default
///   "min-cost,max-votes,file");
/// - `drawn-order`: project ids, best first, separated by commas, spaces or new lines (for `order`; default none);
/// - `add1-stop`: exhaustive (default) or over-budget;
/// - `add1-start`: exact (default) or floor;
/// - `add1-step`: a positive amount per voter ("1", the default; "0.01"; "1/2");
/// - `add1-max-runs`: the most MES runs Add1 may make, from 1 to 1000000000 (default 10000; more is
///   errc::too_large);
/// - `utility`: cost (default) or cardinality (max-welfare and the mes rules);
/// - `score`: where greedy's scores come from: auto (default: the file's `score` column for ordinal ballots when
///   every project has one, else the ballots), ballots or column;
/// - `eligibility`: none (default) or a positive factor such as 1/3 (the mes rules' eligibility filter);
/// - `compare`: none (default), satisfaction or exclusion (the mes rules' comparison step).
class rule_settings {
public:
    /// Sets one option. `ties` accepts "order:FILE" as the command line writes it (as "order"; the caller reads
    /// FILE and sets `drawn-order`).
    /// @return errc::unknown_key for a name not in the list above (the message lists the names), errc::invalid_value for
    ///         a value the option does not accept (the message lists what it does).
    result<void> set(std::string_view name, std::string_view value);

    /// The settings made so far, in the order made (a setting made twice keeps its last value, in its first place).
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& values() const { return values_; }

    /// A hook told of each run of an Add1 completion (mes-add1, mes-add1u), e.g. to show progress on a terminal;
    /// empty (the default) for none. It changes nothing in the outcome.
    add1_progress_hook progress;

private:
    std::vector<std::pair<std::string, std::string>> values_;
};

/// Runs the rule named `rule` (one of rule_names()) on `inst` with `settings`. greedy-threshold takes its minimum
/// score from instance::min_project_score_threshold. A `drawn-order` is checked against the projects here.
/// @return the outcome, or errc::invalid_value for an unknown rule (the message lists the names), a drawn order
///         naming an unknown or repeated project, greedy-threshold without a minimum score, or whatever the rule
///         itself reports (an unresolved tie, an invalid instance).
[[nodiscard]] result<outcome> run(const instance& inst, std::string_view rule, const rule_settings& settings = {});

}  // namespace budget
}  // namespace v1
}  // namespace tmo
