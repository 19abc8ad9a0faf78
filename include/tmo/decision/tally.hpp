// tmo/decision/tally.hpp: the counts a decision is taken on, and the exact evaluation of threshold tests and
// turnout floors against them (governance.md §8.1-8.3).
//
// Every test compares whole numbers by cross-multiplication (in favour × q > p × base, or >=); percentages appear
// only in the sentences, rounded for people.
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/rules/constitution.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace decision {

/// The counts of one group of voters.
struct class_count {
    std::uint64_t eligible = 0;   ///< entitled to vote (the roll, or the members of the body)
    std::uint64_t present = 0;    ///< present at the meeting, in person or by a proxy that counts (meetings only)
    std::uint64_t in_favour = 0;
    std::uint64_t against = 0;
    std::uint64_t abstained = 0;  ///< abstentions at a meeting; blank and spoilt papers in a ballot

    /// in_favour + against: the votes cast.
    [[nodiscard]] std::uint64_t cast() const noexcept { return in_favour + against; }
    /// cast() + abstained: all who took part (ballot papers returned), the turnout.
    [[nodiscard]] std::uint64_t turned_out() const noexcept { return in_favour + against + abstained; }
    class_count& operator+=(const class_count& other) noexcept;
    friend bool operator==(const class_count&, const class_count&) = default;
};

/// The counts of a vote: the whole, and the same split by tenure class when the classes are known (a poll or a
/// ballot counted by class; not a show of hands). When by_class is not empty its sum equals `all`.
struct tally {
    class_count all;
    std::map<tenure_class, class_count> by_class;

    /// A tally from counts by class; `all` is their sum.
    [[nodiscard]] static tally from_classes(std::map<tenure_class, class_count> counts);
    /// The counts of the classes listed (every class when `classes` is empty). @return errc::invalid_value when
    /// classes are listed but the tally has no split by class.
    [[nodiscard]] result<class_count> within(const std::vector<tenure_class>& classes) const;
};

/// One threshold test applied.
struct test_outcome {
    threshold_test test;
    std::uint64_t in_favour = 0;
    std::uint64_t base = 0;    ///< the count the fraction is taken of
    bool passed = false;
    std::string figures;       ///< "34 of 48 votes cast (70.8%) against a required 2/3"
};

/// A turnout floor applied.
struct turnout_outcome {
    turnout_floor floor;
    std::uint64_t turned_out = 0;
    std::uint64_t eligible = 0;
    bool passed = false;
    std::string figures;       ///< "a turnout of 90 of 200 (45.0%) against a required 1/2"
};

/// The result of a set of tests and an optional turnout floor.
struct decision_outcome {
    std::vector<test_outcome> tests;
    combine how = combine::all;
    std::optional<turnout_outcome> turnout;
    bool carried = false;
    std::string figures;   ///< the figures the sentence quotes: "34 of 48 votes cast (70.8%) against a required 2/3"
    std::string sentence;  ///< "Carried: " or "Not carried: ", the figures and a full stop
};

/// Evaluates `tests` (combined by `how`) and `floor` against `votes`. The sentence begins "Carried: " or
/// "Not carried: " and gives the figures of every test when carried, or of the first test (or floor) that failed.
/// Bases: votes_cast and present_and_voting take for + against (at a meeting each present member has one vote);
/// members_present the members present; eligible_members and eligible_voting_rights the eligible (one vote each).
/// @return errc::invalid_value when a test or floor names classes but the tally is not split by class, or a test
///   takes members_present of a tally that records no one present (a ballot).
[[nodiscard]] result<decision_outcome> evaluate(const std::vector<threshold_test>& tests, combine how,
                                                const std::optional<turnout_floor>& floor, const tally& votes);

/// A fraction as people read it: the percentage to one decimal place, half up ("70.8%"). Exact decisions never
/// use it.
[[nodiscard]] std::string shown_percent(std::uint64_t part, std::uint64_t whole);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
