// tmo/decision/committee.hpp: the committee (board): its make-up, who retires by rotation, elections and co-option.
//
// The rules come from the constitution's [committee] table (tmo/rules/constitution.hpp): size bounds, the least
// share of resident members, the co-option cap, terms, the rotation fraction and its rounding, the officers that
// must be held and the election method. The people come from a `committee`, one `committee_member` each: the
// membership register feeds it (a register member who sits on the committee becomes a committee_member with the
// same id), or it is read from a committee file (docs/committee.md). Every result carries its figures and one plain
// sentence; renderings for minutes are in Markdown and JSON.
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/rules/constitution.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/count.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace decision {

/// How a committee member holds a seat.
enum class seat_category {
    resident,  ///< a resident member elected by the members
    co_opted,  ///< co-opted by the committee (a skill it needs); serves until the next AGM; never retires by rotation
    other,     ///< any other elected member (an independent, a non-resident leaseholder); rotates like a resident
};

/// "resident", "co_opted", "other"; "?" for a value outside the enum. Never null.
[[nodiscard]] const char* name(seat_category c) noexcept;

/// One person on the committee.
struct committee_member {
    std::string id;                    ///< the person's id in the membership register; unique on the committee
    std::string name;                  ///< not empty
    seat_category category = seat_category::resident;
    std::vector<std::string> offices;  ///< the offices held ("chair"); usually none or one
    date since{};                      ///< elected (or last re-elected) or co-opted on this day

    friend bool operator==(const committee_member&, const committee_member&) = default;
};

/// The committee as it stands.
struct committee {
    std::vector<committee_member> members;
    /// the seats it has; seats not held are casual vacancies. None: as many seats as members (no vacancy).
    std::optional<std::uint32_t> seats;

    /// seats - members (0 when seats is not given or not above the number of members).
    [[nodiscard]] std::uint32_t casual_vacancies() const noexcept;
    friend bool operator==(const committee&, const committee&) = default;
};

/// Checks the committee itself: ids unique and not empty, names not empty, offices named, seats not below the
/// number of members. @return errc::invalid_value with the key path of the first problem ("members[2].id").
[[nodiscard]] result<void> validate(const committee& c);

// ---- composition -------------------------------------------------------------------------------------------------

/// One test of the committee's make-up.
struct composition_test {
    std::string name;      ///< "size", "resident_share", "co_opted", "one_office_each", "office_holders", "officer"
    bool passed = false;
    std::string sentence;  ///< one plain sentence with the figures, whether it passed or failed
};

/// Whether the committee is made up as the constitution requires.
struct composition_report {
    std::uint32_t members = 0;
    std::uint32_t residents = 0;
    std::uint32_t co_opted = 0;
    std::uint32_t seats = 0;             ///< the seats (members when not given)
    std::uint32_t casual_vacancies = 0;
    std::vector<composition_test> tests;  ///< in the order size, resident share, co-opted, offices, officers
    bool passed = false;                  ///< every test passed
    std::string summary;                  ///< one sentence: how many tests failed, or that all passed
};

/// Checks the committee's make-up against the rules (governance.md §5.3): size within [min_size, max_size];
/// residents / members >= min_resident_share (exactly, by cross-multiplication; the share is of the members in
/// office); co-opted members <= max_co_opted; when one_office_each, no one holds two offices; no office held by
/// two people; every required officer held. A failed test is an outcome, not an error.
/// @return the report, or the error of validate(c).
[[nodiscard]] result<composition_report> check_composition(const committee& c, const committee_rules& rules);

// ---- rotation ----------------------------------------------------------------------------------------------------

/// One draw of the lot that settled who retires among members elected on the same day.
struct rotation_draw {
    std::uint64_t counter = 0;         ///< the counter hashed as "seed,counter" (the last, if a draw was rejected)
    std::vector<std::uint64_t> counters;  ///< every counter hashed for this draw (more than one if rejected)
    std::size_t among = 0;             ///< how many were still in the draw (n)
    std::size_t index = 0;             ///< the result in [0, n), indexing the remaining ids in ascending order
    std::string chosen;                ///< the id of the member drawn to retire
};

/// The record of a draw by lot (counting.md §4.2): the seed, the tied members and each draw.
struct rotation_lot {
    std::string seed;
    date since{};                      ///< the tied members' common election day
    std::vector<std::string> tied;     ///< their ids, ascending (the order the draw indexes)
    std::uint32_t places = 0;          ///< how many of them retire
    std::vector<rotation_draw> draws;
};

/// A member who retires at the AGM.
struct retiring_member {
    std::string id;
    std::string name;
    seat_category category = seat_category::resident;
    date since{};
    std::int64_t days_served = 0;  ///< from `since` to the AGM
    bool by_lot = false;           ///< chosen by the draw among members elected on the same day
    std::string reason;            ///< "longest serving", "drawn by lot", "term ended", "co-option ends"
};

/// Who retires at an AGM and why.
struct rotation_result {
    date agm{};
    bool by_rotation = false;     ///< true: the constitution's rotation fraction; false: terms that have ended
    std::uint32_t pool = 0;       ///< members who rotate (every member except co-opted ones)
    rational fraction;            ///< the rotation fraction (0 when not by rotation)
    rational exact;               ///< fraction × pool, before rounding
    rounding round = rounding::half_up;
    std::uint32_t retiring = 0;   ///< members retiring by rotation or at the end of their term
    std::string arithmetic;       ///< "1/3 of 10 members = 10/3 = 3 1/3; the nearest whole number is 3"
    std::vector<retiring_member> retire;   ///< by rotation or term, longest serving first
    std::vector<retiring_member> co_option_ends;  ///< co-opted members, whose terms end at the AGM
    std::optional<rotation_lot> lot;       ///< the draw, when one was needed
    std::uint32_t seats_to_fill = 0;       ///< retiring + the committee's casual vacancies
    std::string sentence;
};

/// Who retires at the AGM held on `agm`.
///
/// With a rotation fraction F: of the P members who rotate (all but co-opted members), F × P rounded as
/// rules.rotation_round says retire, longest serving first (earliest `since`); when members elected on the same day
/// straddle the cut, the places left are drawn by lot among them (SHA-256 with `seed`, counting.md §4.2; the tied
/// ids in ascending order, one draw per place, each draw picking one member to retire). Without a rotation
/// fraction: every member who rotates and whose term (rules.term_months from `since`, months clamped at month end)
/// has ended on or before the AGM retires. Co-opted members are listed apart: their co-option ends at the AGM.
/// Retiring members may stand again; that is for the election.
/// @return the result; the error of validate(c); errc::invalid_value if a member's `since` is after the AGM;
///         errc::invalid_argument if a draw by lot is needed and `seed` is empty (the message names the tied
///         members).
[[nodiscard]] result<rotation_result> rotate(const committee& c, const committee_rules& rules, date agm,
                                             std::string_view seed);

// ---- elections ---------------------------------------------------------------------------------------------------

/// The counting engine's rule for an election method ("block", "scottish-stv", "wigm", "plurality", "irv"), or
/// null for a method the engine cannot count yet (approval, meek, schulze, ranked_pairs, borda).
[[nodiscard]] const char* counting_rule(election_method method) noexcept;

/// An election of committee members at an AGM.
struct election_outcome {
    std::string rule;                  ///< the counting rule used
    std::uint32_t retiring_seats = 0;  ///< seats of members retiring (by rotation or term)
    std::uint32_t casual_vacancies = 0;
    std::uint32_t seats = 0;           ///< retiring_seats + casual_vacancies
    vote::count_result count;          ///< the full count, stage by stage
    std::vector<std::string> elected;  ///< names, in order of election
    date term_ends{};                  ///< the AGM plus the term (rules.term_months, clamped at month end)
    std::string sentence;
};

/// Elects `retiring_seats + casual_vacancies` members from `ballots` by the counting engine (tmo/vote/rules.hpp)
/// with the method rules.method names. `seed` is the published seed for ties settled by lot (may be empty if no
/// lot is needed; the count then fails with the engine's error if one is).
/// @return the outcome; errc::invalid_argument if no seat is to be filled; errc::not_found if the engine has no
///         rule for the method (counting_rule() is null) or instant_runoff is asked to fill more than one seat;
///         otherwise the engine's errors (fewer candidates than seats: errc::invalid_value).
[[nodiscard]] result<election_outcome> elect(const committee_rules& rules, const vote::profile& ballots,
                                             std::uint32_t retiring_seats, std::uint32_t casual_vacancies,
                                             date agm, std::string_view seed);

// ---- co-option ---------------------------------------------------------------------------------------------------

/// Whether a person may be co-opted.
struct co_option_outcome {
    bool allowed = false;
    std::uint32_t co_opted_before = 0;  ///< co-opted members already on the committee
    std::uint32_t cap = 0;              ///< rules.max_co_opted
    std::uint32_t members_after = 0;    ///< the committee's size with the person
    committee_member member;            ///< the person as co-opted (category co_opted, since = the day)
    date term_ends{};                   ///< the next AGM
    std::string sentence;
};

/// Co-opts `person` on `on` until the next AGM (`next_agm`): allowed if the co-opted members stay within
/// rules.max_co_opted and the committee within rules.max_size. A refusal is an outcome, not an error.
/// @return the outcome; errc::invalid_value if `person` is already on the committee (by id), has no id or name,
///         or `next_agm` is not after `on`; the error of validate(c).
[[nodiscard]] result<co_option_outcome> co_opt(const committee& c, const committee_rules& rules,
                                               committee_member person, date on, date next_agm);

// ---- input -------------------------------------------------------------------------------------------------------

/// The most bytes a committee file may have.
inline constexpr std::size_t max_committee_file_bytes = 256 * 1024;

/// Reads a committee from TOML (schema in docs/committee.md): an optional `seats` and one [[member]] table per
/// person with id, name, category, since and optional offices. `source_name` is used in error locations.
/// @return the committee, or the first error with file, line, column and key path: errc::too_large, errc::syntax,
///         errc::unknown_key, errc::missing_key, errc::wrong_type, errc::invalid_value (as validate()).
[[nodiscard]] result<committee> parse_committee(std::string_view toml_text, std::string_view source_name = {});
/// Reads and parses a committee file. @return as parse_committee, or errc::io.
[[nodiscard]] result<committee> load_committee(const std::filesystem::path& file);

// ---- records -----------------------------------------------------------------------------------------------------

/// Markdown fit for minutes: a heading, the sentence, a table of the figures or people.
[[nodiscard]] std::string to_markdown(const composition_report& r);
[[nodiscard]] std::string to_markdown(const rotation_result& r);
[[nodiscard]] std::string to_markdown(const election_outcome& r);
[[nodiscard]] std::string to_markdown(const co_option_outcome& r);

/// One JSON object each; fractions as exact text ("10/3"), dates as "YYYY-MM-DD". The keys are those of the
/// structs above (docs/committee.md lists them); an election's "count" is vote::to_json of its count.
[[nodiscard]] std::string to_json(const composition_report& r);
[[nodiscard]] std::string to_json(const rotation_result& r);
[[nodiscard]] std::string to_json(const election_outcome& r);
[[nodiscard]] std::string to_json(const co_option_outcome& r);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
