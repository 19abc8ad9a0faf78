// tmo/vote/rules.hpp: every counting rule by name, with its options given as text.
//
// The tool (`tmo count --rule R ...`) and the C API count through this one entry point, so that a rule's name and
// its options mean the same everywhere. Options are key/value text pairs; each rule accepts the common keys and its
// own, and refuses any other key (a misspelt option is an error, never silently ignored).
//
// Common keys (every rule):
//   seats      the number of seats, overriding the ballot file's ("3"); ignored by single-winner rules only where
//              their description says so
//   ties       the tie-break chain, comma-separated ("backwards,lot"; see tie_method)
//   seed       the published seed for the draw by lot
//   look-back  the reading of "the most recent stage at which they differed" for 3+ tied candidates: "a" (one of
//              them highest or lowest, the default) or "b" (all different)
//   order      a tie-break order for `order`: 1-based candidate numbers, favoured first ("3,1,2")
//   manual     the returning officer's decisions for `manual`: 1-based candidate numbers, in order ("2,5")
// Rule keys:
//   irv        overvote (exhaust | skip | multiple), skipped-ranks (a whole number), duplicates (skip | exhaust),
//              batch (on | off), until-two (on | off)
//   meek       arithmetic (fixed-N | guarded-N with N from 1 to 9, fixed = fixed-9, guarded = guarded-9, exact;
//              default fixed-9), omega (a positive number, "0.000001" or "1/1000000"; default as meek.hpp says),
//              batch (on | off: batch defeat of sure losers as Droop's meek does, meek.hpp; default off),
//              exclude-remaining (on | off: once the seats are filled, exclude the hopefuls left and distribute once
//              more, Droop's final count; default off)
//   plurality, block, approval
//              max-marks (a whole number; approval: default no limit)
//   schulze, ranked-pairs
//              strength (winning | margins; default winning votes)
//   borda      variant (classic | modified | dowdall), unranked (zero | share; share only with classic)
// Boolean values are "on", "off", "true", "false", "yes", "no", "1" or "0".
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// One option of a count, as text ("seats", "3").
struct setting {
    std::string key;
    std::string value;

    friend bool operator==(const setting&, const setting&) = default;
};

/// The names of the rules count() knows, in the order the documentation lists them.
[[nodiscard]] std::span<const std::string_view> rule_names() noexcept;

/// The keys `rule` accepts (common keys first), or an empty span if there is no such rule.
[[nodiscard]] std::span<const std::string_view> rule_keys(std::string_view rule) noexcept;

/// Checks that `rule` exists and has an option of every setting's key (the values are checked when counting).
/// @return nothing, or errc::not_found (no such rule; the message lists them), errc::invalid_argument (a key the
///   rule does not have; the message lists its keys).
[[nodiscard]] result<void> check_setting_keys(std::string_view rule, std::span<const setting> settings);

/// Whether `rule` counts papers that rank candidates equally ("2,1=3"): false for the STV rules of count_stv
/// (scottish-stv, wigm), which refuse a profile holding one, and for a name that is no rule.
[[nodiscard]] bool rule_takes_equal_ranks(std::string_view rule) noexcept;

/// Counts `p` by the rule named `rule` with `settings` (later settings of the same key replace earlier ones).
/// @return the result, or errc::not_found for an unknown rule (the message lists the rules);
///         errc::invalid_argument for a key the rule does not accept (the message lists its keys);
///         errc::invalid_value for a value that is not allowed (the message names the key and what was expected);
///         otherwise whatever the rule's own function gives (count_stv, count_irv, count_block, ...).
///         Throws only std::bad_alloc.
[[nodiscard]] result<count_result> count(const profile& p, std::string_view rule, std::span<const setting> settings);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
