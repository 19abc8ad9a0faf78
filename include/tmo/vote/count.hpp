// tmo/vote/count.hpp: the result of a count, which explains itself stage by stage, and its renderings.
//
// Every rule returns a count_result: the candidates elected in order of election and one stage record per step of
// the count, numbered as on official result sheets (stage 1 = first preferences; one stage per surplus transferred
// or candidate excluded; no stage for a zero surplus; for IRV one stage per round; for plurality, block vote,
// approval, the Condorcet rules and Borda a single stage). Each stage carries the votes of every candidate, the transfers made, the papers that could go no
// further (non-transferable), the value lost to rounding, the ties met and one plain sentence. The accounting identity holds at every stage:
//     Σ candidates' votes + non-transferable (running total) + loss to rounding (running total) = valid papers
// (for block vote and approval, the votes the valid papers cast; for Borda, the points they gave: valid_vote).
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/ties.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// What a stage did.
enum class stage_action {
    first_preferences,  ///< papers sorted by first preference
    surplus,            ///< an elected candidate's surplus transferred
    exclusion,          ///< an excluded candidate's papers transferred
};

/// A candidate's standing at the end of a stage.
enum class candidate_state { continuing, elected, excluded, withdrawn };

/// "continuing", "elected", "excluded", "withdrawn" (the words of the text and JSON records); "?" for a value outside
/// the enum. Never null.
[[nodiscard]] const char* name(candidate_state s) noexcept;

/// One step of the count. All values are exact.
struct stage {
    std::size_t number = 0;                 ///< 1-based, as on official sheets
    stage_action action = stage_action::first_preferences;
    candidate_id subject = no_candidate;    ///< whose surplus or papers were transferred (none at stage 1)
    /// the candidates excluded at this stage: the subject, or all of them in a batch elimination (IRV)
    std::vector<candidate_id> excluded;
    rational quota;                         ///< the quota in force
    std::vector<rational> votes;            ///< per candidate (file order) at the end of the stage
    std::vector<rational> transfers;        ///< per candidate: the change at this stage (negative for the subject)
    std::vector<candidate_state> states;    ///< per candidate at the end of the stage
    rational non_transferable;              ///< value of papers that found no continuing preference at this stage
    rational non_transferable_total;        ///< running total up to this stage
    rational rounding_loss;                 ///< value lost to truncation at this stage
    rational rounding_loss_total;           ///< running total up to this stage
    std::vector<candidate_id> elected;      ///< elected at the end of this stage, in order of election
    std::vector<candidate_id> deemed_elected;  ///< of those, the ones elected because continuing = vacancies
    std::vector<tie_record> ties;           ///< ties settled to decide this stage's action or its elections
    std::string explanation;                ///< one plain sentence saying what happened
    /// Meek: each candidate's keep value (file order) at the end of the stage; empty for the other rules
    std::vector<rational> keep_values;
    std::size_t iterations = 0;             ///< Meek: the distributions of the papers made at this stage
};

/// A majority of a ranked-pairs count: `winner` is ranked above `loser` on more papers than the reverse.
struct majority {
    candidate_id winner = no_candidate;
    candidate_id loser = no_candidate;
    rational votes;       ///< the papers ranking winner above loser (d[winner][loser])
    rational opposition;  ///< the papers ranking loser above winner (d[loser][winner])
    bool locked = false;  ///< locked, or passed over because it would have closed a cycle

    friend bool operator==(const majority&, const majority&) = default;
};

/// The outcome of a count.
struct count_result {
    std::string rule;                       ///< the preset or rule name ("scottish-stv", "wigm", ...)
    std::string parameters;                 ///< the full parameter set, as text
    std::vector<std::string> candidates;    ///< names, file order
    std::uint32_t seats = 0;
    std::uint64_t papers = 0;               ///< all papers in the profile
    std::uint64_t invalid_papers = 0;       ///< papers with no preference for any standing candidate
    rational valid_vote;                    ///< the total value of valid papers (V)
    unsigned decimals = 0;                  ///< the rule's display precision; 0 = exact (fractions when needed)
    std::vector<candidate_id> elected;      ///< in order of election
    std::vector<stage> stages;
    std::string summary;                    ///< plain sentences: who was elected and how
    /// Condorcet rules (schulze, ranked-pairs): pairwise[x][y] = the papers ranking x above y (diagonal 0); empty for
    /// other rules.
    std::vector<std::vector<rational>> pairwise;
    /// schulze: strongest_paths[x][y] = the strength of the strongest path from x to y (diagonal 0); else empty.
    std::vector<std::vector<rational>> strongest_paths;
    /// ranked-pairs: every majority in the order it was considered, each locked or passed over; else empty.
    std::vector<majority> majorities;
};

/// A value as text at the result's precision: "1234.00000" with 5 decimals; when decimals is 0, the exact decimal
/// if it terminates ("12.5"), else the exact fraction ("37/3").
[[nodiscard]] std::string format_value(const rational& value, unsigned decimals);

/// A plain-text report: the summary, a table of votes (candidates by stages) with non-transferable and
/// rounding-loss rows, one line per stage explaining it and, for Condorcet rules, the pairwise table, the strongest
/// paths (schulze) and the majorities in the order they were considered (ranked-pairs).
[[nodiscard]] std::string to_text(const count_result& r);
/// CSV, one row per stage and candidate:
/// `stage,action,subject,candidate_index,candidate,votes,transfer,state` followed by rows for non-transferable and
/// loss to rounding (candidate_index empty). Values as format_value. Fields are quoted as RFC 4180 requires.
[[nodiscard]] std::string to_csv(const count_result& r);
/// One JSON object: "rule", "parameters", "seats", "candidates" (names), "elected" (1-based candidate numbers in
/// order of election), "quota" (of the last stage), "summary", and "stages": objects with "number", "action",
/// "subject" (1-based or null), "excluded" (1-based), "quota", "votes" and "transfers" (strings as format_value, file order), "states",
/// "non_transferable", "non_transferable_total", "rounding_loss", "rounding_loss_total", "elected",
/// "deemed_elected", "ties" and "explanation"; for Meek also "iterations" and "keep_values" (strings, file order). Condorcet rules add "pairwise" (rows of strings, row x column y = the
/// papers ranking x above y; null on the diagonal), schulze "strongest_paths" (the same shape) and ranked-pairs
/// "majorities" (objects with "winner", "loser" (1-based), "votes", "opposition" and "locked") in the order considered.
[[nodiscard]] std::string to_json(const count_result& r);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
