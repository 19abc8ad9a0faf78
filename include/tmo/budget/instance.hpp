// tmo/budget/instance.hpp: a participatory-budgeting election: the projects, the budget and the ballots.
//
// Residents vote on proposed projects and a rule (greedy.hpp, equal_shares.hpp, phragmen.hpp, welfare.hpp) decides
// which ones a fixed budget funds. Every cost and the budget are exact rationals, never floating point. Ballots are
// stored merged: identical ballots become one ballot with a multiplicity, which changes no result and makes large
// elections fast. Instances are usually read from Pabulib `.pb` files (pabulib.hpp) but may be built in code.
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// What a voter submits (Pabulib META `vote_type`).
enum class vote_type {
    approval,    ///< a set of approved projects (also knapsack ballots, which cap the set's total cost)
    choose_one,  ///< exactly one project (`choose-1`); read as an approval ballot of size one
    cumulative,  ///< points spread over projects; unlisted projects get 0
    scoring,     ///< a score per listed project; unlisted projects get the default score
    ordinal,     ///< a ranking, best first; turned into points by a positional scoring function
};

/// The Pabulib name ("approval", "choose-1", ...). Never null.
[[nodiscard]] const char* name(vote_type type) noexcept;

/// How much a voter gains from a funded project she supports (budgeting.md §4.2). With approval ballots a supporter
/// gains the project's cost (`cost`) or 1 (`cardinality`); with points (cumulative, scoring, ordinal) she gains
/// points × cost (`cost`) or the points (`cardinality`).
enum class utility {
    cost,         ///< "cost utilities", used by every real Method of Equal Shares election
    cardinality,  ///< "approval utilities": one per supported project (or the points)
};

/// "cost" or "cardinality". Never null.
[[nodiscard]] const char* name(utility u) noexcept;

/// One project that residents may fund.
struct project {
    std::string id;    ///< as written in the file ("12", "c1", "KAG/0001"); unique within an instance
    rational cost;     ///< exact and positive
    std::string name;  ///< may be empty
    /// The file's own `votes` and `score` columns, when present (a validation check and, for ordinal ballots,
    /// the points the city counted); std::nullopt when absent or "None".
    std::optional<rational> votes_column, score_column;
    /// The file's `selected` column: 1 funded by the city's rule, 0 not, 2 a special case; nullopt when absent.
    std::optional<int> selected;
    /// Every other column of the file, in file order, as (column name, text); "None" cells are kept as written.
    std::vector<std::pair<std::string, std::string>> extra;

    friend bool operator==(const project&, const project&) = default;
};

/// One distinct ballot and how many voters cast it.
///
/// `projects` holds indices into instance::projects. Approval and choose-1 ballots hold the set in ascending index
/// order; cumulative and scoring ballots list the projects in ascending index order with `points` aligned (a listed
/// project may have 0 points; unlisted ones count as 0, or the default score for scoring ballots); ordinal ballots list the
/// ranking best first, with `points` holding the positional points of each rank.
struct ballot {
    std::vector<std::size_t> projects;
    std::vector<std::int64_t> points;   ///< empty for approval and choose-1 ballots
    std::uint64_t multiplicity = 1;     ///< the number of voters who cast exactly this ballot
    std::vector<std::string> voter_ids; ///< the voters' ids, when known (size multiplicity, or empty)

    friend bool operator==(const ballot&, const ballot&) = default;
};

/// The ballot constraints a process announced (Pabulib META); absent values mean "no constraint".
struct ballot_constraints {
    std::optional<std::uint64_t> min_length, max_length;
    std::optional<rational> min_sum_cost, max_sum_cost;        ///< approval (knapsack) ballots
    std::optional<std::int64_t> min_points, max_points;        ///< per project (cumulative, scoring)
    std::optional<std::int64_t> min_sum_points, max_sum_points;  ///< per ballot (cumulative)
    std::int64_t default_score = 0;                            ///< scoring ballots: the score of an unlisted project

    friend bool operator==(const ballot_constraints&, const ballot_constraints&) = default;
};

/// A complete election. Build one in code with add_ballot() and check it with validate(), or read a `.pb` file.
struct instance {
    /// The META section in file order (key, value); the typed fields below are parsed from it.
    std::vector<std::pair<std::string, std::string>> meta;
    rational budget;                       ///< exact and positive
    vote_type type = vote_type::approval;
    std::vector<project> projects;         ///< in file order
    std::vector<ballot> ballots;           ///< merged: no two are equal in projects and points
    ballot_constraints constraints;
    std::optional<rational> min_project_score_threshold;  ///< META `min_project_score_threshold`
    std::string rule;                      ///< META `rule` (how the city chose the winners), may be empty

    /// The value of a META key, or nullptr when absent.
    [[nodiscard]] const std::string* meta_value(std::string_view key) const;
    /// The number of voters (the sum of the ballots' multiplicities).
    [[nodiscard]] std::uint64_t voter_count() const;
    /// The index of the project with this id, or std::nullopt.
    [[nodiscard]] std::optional<std::size_t> find_project(std::string_view id) const;

    friend bool operator==(const instance&, const instance&) = default;
};

/// Adds ballots to an instance, merging each with an equal ballot already present (multiplicities add, voter ids are
/// appended). Approval and choose-1 ballots are put in ascending project order first; cumulative and scoring ballots
/// are put in ascending project order; ordinal ballots keep their order. Does not validate the ballot (use validate()). Each add() costs O(ballot length) on average.
/// The merger refers to `target`, which must outlive it and must not gain ballots by other means meanwhile.
class ballot_merger {
public:
    explicit ballot_merger(instance& target);
    ballot_merger(const ballot_merger&) = delete;
    ballot_merger& operator=(const ballot_merger&) = delete;
    ~ballot_merger();
    /// Adds `b` (its multiplicity and voter ids included).
    void add(ballot b);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// Adds one ballot to an instance (see ballot_merger; for many ballots a ballot_merger is faster).
void add_ballot(instance& inst, ballot b);

/// The score of each project as counted from the ballots: approvals for approval and choose-1 ballots, total points
/// for cumulative, scoring and ordinal ballots.
[[nodiscard]] std::vector<rational> ballot_scores(const instance& inst);

/// The number of voters who support each project (approve it, or give it positive points, or rank it).
[[nodiscard]] std::vector<std::uint64_t> supporter_counts(const instance& inst);

/// The number of voters who list each project on their ballot, whatever the points (the `votes` column of a `.pb`
/// file counts this way).
[[nodiscard]] std::vector<std::uint64_t> listing_counts(const instance& inst);

/// The total cost of the projects with the given indices. Precondition: every index is in range.
[[nodiscard]] rational total_cost(const instance& inst, const std::vector<std::size_t>& chosen);

/// Checks the invariants rules rely on: a positive budget, positive costs, unique non-empty project ids, ballot
/// indices in range with no repeats, points aligned with projects, positive multiplicities.
/// @return errc::invalid_value naming the first problem.
[[nodiscard]] result<void> validate(const instance& inst);

/// A ballot that breaks one of the announced constraints (the data are historic: reported, never dropped).
struct constraint_violation {
    std::size_t ballot;       ///< index into instance::ballots
    std::string voter_id;     ///< the first voter who cast it, when known
    std::string description;  ///< e.g. "approves 6 projects; max_length is 5"
};

/// Every ballot that breaks instance::constraints.
[[nodiscard]] std::vector<constraint_violation> check_constraints(const instance& inst);

/// Compares project ids as people expect: when both are whole numbers, numerically ("9" < "10"); otherwise
/// character runs are compared as text and digit runs as numbers ("L9" < "L10"). Returns <0, 0 or >0.
[[nodiscard]] int natural_compare(std::string_view a, std::string_view b) noexcept;

}  // namespace budget
}  // namespace v1
}  // namespace tmo
