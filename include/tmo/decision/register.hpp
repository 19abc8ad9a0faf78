// tmo/decision/register.hpp: the membership register, eligibility to vote at a date, and voters' rolls.
//
// A member is eligible at a date when the constitution lets their tenure class vote, they are on the register that
// day (joined on or before it, not yet left), they have been a member for the qualifying days, and they are old
// enough (governance.md §2, §8.10). A roll lists the voting units — members, or households when the constitution
// gives one vote per household — with their class, so that class tests can be counted (§2.3, §8.2).
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/core/result.hpp>
#include <tmo/rules/constitution.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace decision {

/// One person on the register.
struct member {
    std::string id;         ///< unique within the register ("R017")
    std::string name;
    std::string household;  ///< the household or tenancy reference; members with the same one share a household
    tenure_class tenure = tenure_class::secure_tenant;
    std::optional<date> born;          ///< date of birth, when known
    std::optional<std::uint32_t> age;  ///< otherwise the age in whole years on the day they joined
    date joined;
    std::optional<date> left;          ///< the first day they were no longer a member
    friend bool operator==(const member&, const member&) = default;
};

/// Whether a member may vote at a date, and why not.
struct eligibility {
    bool eligible = false;
    std::string reason;  ///< empty when eligible; otherwise one clause: "joined 12 days before, 28 needed"
};

/// The members of an organisation (or of a body such as its committee), in register order.
class member_register {
public:
    /// Adds a member. @return errc::invalid_value for an empty or duplicate id, an empty household, a member
    /// with neither date of birth nor age, a birth after joining, or leaving on or before joining.
    result<void> add(member m);

    [[nodiscard]] const std::vector<member>& members() const noexcept { return members_; }
    /// The member with this id, or null.
    [[nodiscard]] const member* find(std::string_view id) const;

private:
    std::vector<member> members_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

/// Whether `m` may vote on `day` under `rules` (class, register dates, qualifying days, minimum age).
/// An age known only as an age on joining counts as its smallest possible value (whole years since joining
/// added), so a member not certainly old enough is not eligible.
[[nodiscard]] eligibility eligible_at(const member& m, const membership_rules& rules, date day);

/// One voting unit of a roll: a member, or a household with one vote.
struct voting_unit {
    std::string id;                    ///< the member's id, or the household reference
    tenure_class tenure = tenure_class::secure_tenant;  ///< the class the unit's vote counts in
    std::vector<std::string> members;  ///< the eligible members who may cast the unit's vote (one for a member)
};

/// A member left off a roll, and why.
struct roll_exclusion {
    std::string member;
    std::string reason;
};

/// The voting units at a cut-off date.
struct voters_roll {
    date cut_off;
    vote_unit unit = vote_unit::member;
    std::vector<voting_unit> units;        ///< in register order of each unit's first eligible member
    std::vector<roll_exclusion> excluded;  ///< every member of the register not on the roll, in register order

    /// The number of units in each class (classes with none are absent).
    [[nodiscard]] std::map<tenure_class, std::uint64_t> by_class() const;
    /// The unit through which member `member_id` votes, or null when they are not on the roll.
    [[nodiscard]] const voting_unit* unit_of(std::string_view member_id) const;
};

/// The roll at `cut_off`. With one vote per household, a household's unit holds its eligible members in register
/// order and counts in the class of the first of them. `electorate` narrows the roll to those classes (a ballot's
/// electorate); empty: every class the constitution lets vote. Exceptions: only std::bad_alloc.
[[nodiscard]] voters_roll make_roll(const member_register& reg, const membership_rules& rules, date cut_off,
                                    std::span<const tenure_class> electorate = {});

/// Parses a register from CSV text with a header line naming the columns, in any order:
/// id, name, household, tenure, born, age, joined, left (born or age; left optional; docs/decisions.md).
/// @return the register, or the first error with file (`source_name`), line and column: errc::syntax (not CSV,
///   not UTF-8, a date that is not YYYY-MM-DD), errc::missing_key (a required column absent from the header),
///   errc::unknown_key (an unknown column), errc::invalid_value (a duplicate id, an unknown tenure class, no
///   such day, a birth after joining, leaving before joining, neither born nor age), errc::too_large (over
///   max_register_bytes).
[[nodiscard]] result<member_register> parse_register_csv(std::string_view csv_text, std::string_view source_name = {});

/// Reads a register file. @return as parse_register_csv, or errc::io.
[[nodiscard]] result<member_register> load_register_csv(const std::filesystem::path& file);

/// The largest register file accepted (4 MiB: tens of thousands of members).
inline constexpr std::size_t max_register_bytes = 4 * 1024 * 1024;

}  // namespace decision
}  // namespace v1
}  // namespace tmo
