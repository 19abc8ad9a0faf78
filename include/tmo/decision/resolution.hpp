// tmo/decision/resolution.hpp: a resolution of a kind the constitution defines, evaluated exactly — its tests, the
// turnout floor, the chair's casting vote on an equality, and confirmation at a second meeting inside its window
// (governance.md §8.1-8.4, §8.9).
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/decision/tally.hpp>
#include <tmo/rules/constitution.hpp>

#include <optional>
#include <string>

namespace tmo {
inline namespace v1 {
namespace decision {

/// How the chair used a casting vote on an equality of votes.
enum class casting_use { not_used, in_favour, against };

/// "not_used", "in_favour", "against". Never null.
[[nodiscard]] const char* name(casting_use v) noexcept;

/// Which vote this is for a kind of resolution that needs confirmation (and a plain one for other kinds).
enum class resolution_stage {
    single,        ///< the kind needs no confirmation
    first,         ///< the first vote of a kind that needs confirming
    confirmation,  ///< the confirming vote at a later meeting
};

/// "single", "first", "confirmation". Never null.
[[nodiscard]] const char* name(resolution_stage v) noexcept;

/// What is known of one vote on a resolution.
struct resolution_vote {
    tally votes;
    bool casting_allowed = false;  ///< the meeting's rules give the chair a casting vote (meeting_rules::casting)
    casting_use casting = casting_use::not_used;
    date held;                     ///< the day of the meeting
    std::optional<date> confirming;  ///< for a confirming vote: the day of the meeting that passed the resolution
};

/// The outcome of one vote on a resolution.
struct resolution_outcome {
    std::string kind;
    resolution_stage stage = resolution_stage::single;
    date held;
    tally votes;                   ///< the counts as given, before any casting vote
    decision_outcome decision;     ///< the tests, counted with the casting vote when it was given and allowed
    bool equality = false;         ///< as many votes for as against, before any casting vote
    casting_use casting = casting_use::not_used;
    bool casting_counted = false;  ///< the casting vote decided the outcome
    std::optional<date> window_from;  ///< first stage carried: the confirming meeting is due from this day ...
    std::optional<date> window_to;    ///< ... to this day; for a confirmation, the window it was checked against
    bool carried = false;          ///< for stage first: passed pending confirmation; for confirmation: confirmed
    std::string sentence;          ///< one plain sentence: "Carried: 34 of 48 votes cast (70.8%) against a required 2/3."
};

/// Evaluates a vote on resolution kind `kind` of `rules`. An equality with a casting vote allowed and given adds
/// that one vote to its side (in the whole tally; class counts are unchanged). For a kind with a confirmation
/// rule, a vote without `confirming` is the first stage and reports the window for the confirming meeting; a vote
/// with it applies the confirmation tests and fails if the meeting falls outside the window.
/// @return the outcome, or errc::invalid_value: a casting vote recorded without an equality, `confirming` for a kind
///   without confirmation or after `held`, or a test that needs what the tally lacks (tally.hpp evaluate()).
[[nodiscard]] result<resolution_outcome> evaluate_resolution(const resolution_rules& rules, std::string_view kind,
                                                             const resolution_vote& vote);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
