// tmo/decision/class_ballot.hpp: statutory and constitutional ballots decided by class (governance.md §3.3, §4.6,
// §5.2, §8.2-8.3): a conjunction (or disjunction) of threshold tests, each within a set of tenure classes, plus an
// optional turnout floor — the tmo::ballot_rules of a constitution, or a preset shipped with the library.
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/decision/register.hpp>
#include <tmo/decision/tally.hpp>
#include <tmo/rules/constitution.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace decision {

/// A member named in an input file, with where it was named (for errors).
struct member_ref {
    std::string id;
    source_location where;
};

/// The papers of a ballot by the member who returned each (for a household vote: any member of the household).
struct ballot_papers {
    std::vector<member_ref> in_favour;
    std::vector<member_ref> against;
    std::vector<member_ref> spoilt;  ///< blank and spoilt papers: they count towards turnout, not as votes
};

/// A paper or vote that was not counted, and why.
struct refused_vote {
    std::string member;
    std::string reason;
};

/// Counts ballot papers against a roll: each voting unit's first paper counts in its class; a paper from a member
/// not on the roll, or a unit's second paper, is refused with a reason. Every class of the roll appears in the tally
/// (with its eligible count) even when no paper came from it.
/// @return the tally, or errc::invalid_value at the paper's location for a member not on the register.
[[nodiscard]] result<tally> count_papers(const voters_roll& roll, const member_register& reg,
                                         const ballot_papers& papers, std::vector<refused_vote>& refused);

/// The outcome of a ballot.
struct ballot_outcome {
    std::string name;                  ///< the rule's name ("continuation_ballot")
    std::string title;                 ///< what was balloted, as the ballot file says (may be empty)
    ballot_rules rules;
    tally votes;                       ///< by class; abstained holds blank and spoilt papers
    std::vector<refused_vote> refused; ///< papers not counted (ballots counted from a roll)
    decision_outcome decision;
};

/// Evaluates a ballot counted by class. Class tests take votes cast (or the eligible) within their classes; the
/// turnout floor takes papers returned, spoilt ones included (governance.md §8.3 default).
/// @return the outcome, or errc::invalid_value: the tally is not split by class, has a class outside the
///   electorate, more papers than eligible voters in a class, or a test on members_present (a ballot has no one
///   present).
[[nodiscard]] result<ballot_outcome> evaluate_ballot(const ballot_rules& rules, std::string_view name,
                                                     const tally& votes);

/// The names of the ballot presets shipped with the library (presets/ballots/*.toml), sorted.
[[nodiscard]] std::vector<std::string> ballot_preset_names();
/// A ballot preset by name. @return errc::not_found (naming the presets) for an unknown name.
[[nodiscard]] result<ballot_rules> ballot_preset(std::string_view preset_name);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
