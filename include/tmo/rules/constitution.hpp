// tmo/rules/constitution.hpp: an organisation's rules (its constitution), loaded from TOML.
//
// A constitution says who may be a member and vote, how meetings are called and when they are quorate, which
// majorities each kind of resolution needs, how the committee is made up and elected, and how named statutory
// ballots are decided. Every number is exact; every rule is data (governance.md §8). The TOML schema is documented
// by the annotated sample in examples/data/riverside_tmo.toml and by docs/constitution.md.
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {

/// The legal form of the organisation (governance.md §1.2); it decides which statutory defaults apply.
enum class legal_form {
    co_operative_society,          ///< registered under the Co-operative and Community Benefit Societies Act 2014
    community_benefit_society,     ///< likewise
    company_limited_by_guarantee,  ///< under the Companies Act 2006
};

/// A person's tenure, which decides membership, the vote and the tally a vote counts in (governance.md §2.2).
enum class tenure_class {
    secure_tenant,
    introductory_tenant,
    other_tenant,
    long_leaseholder,
    other_resident,  ///< a resident without a tenancy (licensee, household member)
    non_voting,      ///< observers, council officers: never vote
};

/// Whether each member votes, or each household casts one vote (governance.md §2.3).
enum class vote_unit { member, household };

/// The kinds of meeting a constitution regulates.
enum class meeting_kind { agm, general, special, committee };

/// What a threshold's fraction is taken of (governance.md §8.1).
enum class vote_base {
    votes_cast,              ///< for + against; abstentions, blank and spoilt papers excluded
    members_present,         ///< members present (in person, and by proxy where proxies count), voting or not
    present_and_voting,      ///< present members who voted for or against
    eligible_members,        ///< everyone entitled to vote at the cut-off date
    eligible_voting_rights,  ///< the total weighted voting rights of eligible members
};

/// "more than" (a majority) or "at least" (not less than).
enum class comparison { greater, greater_or_equal };

/// Whether a rule needs all of its tests or any one of them.
enum class combine { all, any };

/// Whether the chair breaks an equality of votes.
enum class casting_vote { chair, none };

/// When quorum is checked.
enum class quorum_check { at_start, each_item };

/// How the committee is elected; the names are the counting engine's methods.
enum class election_method {
    plurality, block_vote, approval, instant_runoff, scottish_stv, wigm, meek, schulze, ranked_pairs, borda,
};

/// The snake_case names used in TOML ("secure_tenant", "votes_cast", ">=" for comparison). Never null.
[[nodiscard]] const char* name(legal_form v) noexcept;
[[nodiscard]] const char* name(tenure_class v) noexcept;
[[nodiscard]] const char* name(vote_unit v) noexcept;
[[nodiscard]] const char* name(meeting_kind v) noexcept;
[[nodiscard]] const char* name(vote_base v) noexcept;
[[nodiscard]] const char* name(comparison v) noexcept;
[[nodiscard]] const char* name(combine v) noexcept;
[[nodiscard]] const char* name(casting_vote v) noexcept;
[[nodiscard]] const char* name(quorum_check v) noexcept;
[[nodiscard]] const char* name(election_method v) noexcept;

/// The class in plain English, plural and lower case: "secure tenants", "long leaseholders". Never null.
[[nodiscard]] const char* plural_name(tenure_class v) noexcept;

/// A span of time in whole days or whole calendar months (months clamp at month end, see tmo/core/date.hpp).
struct period {
    enum class unit { days, months };
    std::uint32_t count = 0;
    unit in = unit::days;
    friend bool operator==(const period&, const period&) = default;
};

/// A quorum formula (governance.md §8.6): a fixed number, a fraction of the members rounded up or down, the lesser
/// or greater of sub-formulas, or "those present" (used for adjourned meetings).
struct quorum_formula {
    enum class kind { fixed, fraction_of_members, min, max, present };
    kind form = kind::fixed;
    std::uint32_t fixed = 0;                ///< for kind::fixed
    rational fraction;                      ///< for kind::fraction_of_members
    rounding round = rounding::ceil;        ///< for kind::fraction_of_members: ceil ("up") or floor ("down")
    std::vector<quorum_formula> parts;      ///< for kind::min and kind::max (at least one)

    /// The number of qualifying persons needed when the body has `members` members. kind::present needs 1.
    /// @throws tmo::error_exception for a formula that validate() refuses (a min or max without parts, a fraction
    ///         outside 0..1, a rounding mode of `never` that would have to round).
    [[nodiscard]] std::uint64_t required(std::uint64_t members) const;
    friend bool operator==(const quorum_formula&, const quorum_formula&) = default;
};

/// The relaxed rule for a meeting adjourned for want of a quorum.
struct adjournment_rule {
    std::uint32_t after_days = 14;  ///< the meeting stands adjourned to the same time this many days later
    quorum_formula quorum;          ///< the quorum at the adjourned meeting (often kind::present)
    friend bool operator==(const adjournment_rule&, const adjournment_rule&) = default;
};

/// Proxy voting (governance.md §8.7).
struct proxy_rules {
    bool allowed = false;
    std::optional<std::uint32_t> max_per_holder;  ///< the most proxies one person may hold; none = no cap
    bool count_for_quorum = true;                 ///< whether a proxy counts towards quorum
    bool vote_on_show_of_hands = false;           ///< whether a proxy may vote on a show of hands (else only on a poll)
    std::optional<std::uint32_t> lodge_hours_before;  ///< proxies must be lodged this many hours before the meeting
    friend bool operator==(const proxy_rules&, const proxy_rules&) = default;
};

/// How one kind of meeting is called and conducted.
struct meeting_rules {
    std::uint32_t notice_clear_days = 14;
    quorum_formula quorum;
    quorum_check check = quorum_check::at_start;
    std::optional<adjournment_rule> adjourned;
    proxy_rules proxies;
    casting_vote casting = casting_vote::none;
    bool chair_votes = true;  ///< whether the chair also has an ordinary (deliberative) vote
    friend bool operator==(const meeting_rules&, const meeting_rules&) = default;
};

/// One test of a decision rule: favourable votes compared with an exact fraction of a base, optionally counting
/// only some tenure classes (governance.md §8.1–8.2). Evaluated by cross-multiplication, never by division.
struct threshold_test {
    vote_base base = vote_base::votes_cast;
    rational fraction;                   ///< in (0, 1]
    comparison compare = comparison::greater;
    std::vector<tenure_class> classes;   ///< empty: every class

    /// Whether `in_favour` passes against `base_count`: in_favour > fraction × base_count (or >=).
    /// A base of 0 never passes.
    [[nodiscard]] bool passes(const integer& in_favour, const integer& base_count) const;
    /// "more than 1/2 of votes cast", "at least 3/4 of votes cast by secure tenants".
    [[nodiscard]] std::string describe() const;
    /// The base alone, narrowed to the classes: "votes cast", "votes cast by secure tenants", "eligible members".
    [[nodiscard]] std::string describe_base() const;
    friend bool operator==(const threshold_test&, const threshold_test&) = default;
};

/// A minimum turnout: votes cast (or ballots returned) compared with a fraction of those eligible (§8.3).
struct turnout_floor {
    rational fraction;
    comparison compare = comparison::greater_or_equal;
    std::vector<tenure_class> classes;  ///< empty: every class

    /// Whether `turned_out` of `eligible` reaches the floor: turned_out > fraction × eligible (or >=), by
    /// cross-multiplication. An electorate of 0 never passes.
    [[nodiscard]] bool passes(const integer& turned_out, const integer& eligible) const;
    /// "a turnout of at least 1/2 of those eligible", "a turnout of at least 1/2 of eligible secure tenants".
    [[nodiscard]] std::string describe() const;
    /// Who the turnout is taken of: "those eligible", "eligible secure tenants".
    [[nodiscard]] std::string describe_base() const;
    friend bool operator==(const turnout_floor&, const turnout_floor&) = default;
};

/// A second vote at a later meeting that a resolution needs before it takes effect (§8.4).
struct confirmation_rule {
    std::vector<threshold_test> tests;
    combine how = combine::all;
    period earliest;  ///< the confirming meeting is held at least this long after the first
    period latest;    ///< and at most this long after it
    friend bool operator==(const confirmation_rule&, const confirmation_rule&) = default;
};

/// A kind of resolution ("ordinary", "special") and what it needs to pass.
struct resolution_rules {
    std::string description;
    std::vector<threshold_test> tests;  ///< at least one
    combine how = combine::all;
    std::optional<turnout_floor> turnout;
    std::optional<confirmation_rule> confirmation;
    friend bool operator==(const resolution_rules&, const resolution_rules&) = default;
};

/// The committee (board): its size and make-up, terms and election.
struct committee_rules {
    std::uint32_t min_size = 3;
    std::uint32_t max_size = 15;
    rational min_resident_share;              ///< the least fraction of seats held by resident members (0 = none)
    std::uint32_t max_co_opted = 0;           ///< co-option cap
    std::uint32_t term_months = 12;
    std::optional<rational> rotation;         ///< the fraction retiring each year ("1/3"), if members rotate
    /// how rotation × members becomes a whole number of retiring members: rounding::half_up ("nearest", the
    /// default: the number nearest to the fraction, a half rounded up), rounding::ceil ("up") or rounding::floor
    /// ("down")
    rounding rotation_round = rounding::half_up;
    std::vector<std::string> officers;        ///< offices that must be held ("chair", "secretary", "treasurer")
    bool one_office_each = true;              ///< no one holds two offices
    election_method method = election_method::block_vote;
    friend bool operator==(const committee_rules&, const committee_rules&) = default;
};

/// A named ballot with statutory or constitutional force (the Right to Manage ballot, a continuation ballot).
struct ballot_rules {
    std::string description;
    std::vector<tenure_class> electorate;   ///< who is balloted; empty: every voting class of the membership
    std::vector<threshold_test> tests;      ///< at least one
    combine how = combine::all;
    std::optional<turnout_floor> turnout;
    std::optional<std::uint32_t> every_months;  ///< the ballot recurs this often (a continuation ballot: 60)
    friend bool operator==(const ballot_rules&, const ballot_rules&) = default;
};

/// Who the organisation is.
struct organisation {
    std::string name;
    std::string area;                       ///< the area of homes it manages or seeks to manage
    legal_form form = legal_form::community_benefit_society;
    std::string registered_number;          ///< society or company number; may be empty
    friend bool operator==(const organisation&, const organisation&) = default;
};

/// Who may be a member and how members vote.
struct membership_rules {
    std::vector<tenure_class> eligible;     ///< classes that may be voting members (at least one)
    std::uint32_t minimum_age = 16;
    vote_unit unit = vote_unit::member;
    std::uint32_t qualifying_days = 0;      ///< days of membership needed before a member may vote
    friend bool operator==(const membership_rules&, const membership_rules&) = default;
};

/// A whole constitution. Immutable once loaded in practice; a const object may be shared between threads.
struct constitution {
    organisation org;
    membership_rules membership;
    std::map<meeting_kind, meeting_rules> meetings;        ///< must hold meeting_kind::general
    std::map<std::string, resolution_rules> resolutions;   ///< by kind name; at least one
    std::optional<committee_rules> committee;
    std::map<std::string, ballot_rules> ballots;           ///< by ballot name

    /// The rules for `kind`: its own, or the general meeting's when the constitution has none for it
    /// (committee meetings never fall back). Null only for a committee meeting without rules.
    [[nodiscard]] const meeting_rules* meeting(meeting_kind kind) const;
    /// The resolution kind `kind_name`, or null.
    [[nodiscard]] const resolution_rules* resolution(std::string_view kind_name) const;
    /// The ballot `ballot_name`, or null.
    [[nodiscard]] const ballot_rules* ballot(std::string_view ballot_name) const;

    friend bool operator==(const constitution&, const constitution&) = default;
};

/// Input limits, applied before parsing (style.md §2.1): toml++ 3.3.0 has known crashes on hostile input.
/// The limits and the other inputs refused before parsing are listed in docs/constitution.md.
inline constexpr std::size_t max_constitution_bytes = 64 * 1024;
inline constexpr std::size_t max_dotted_key_parts = 32;

/// Parses a constitution from TOML text. `source_name` (a file name) is used in error locations.
/// Unknown keys, TOML floats in exact fields, missing required keys and values out of range are errors.
/// @return the constitution, or the first error found, with file, line, column and key path (no key path for
///   errors found before the TOML is parsed, and for TOML syntax errors):
///   errc::too_large (over max_constitution_bytes, a dotted key of more than max_dotted_key_parts parts),
///   errc::syntax (malformed TOML, control bytes, invalid UTF-8, non-ASCII outside strings and comments, a few
///   shapes toml++ 3.3.0 mishandles, a fraction that does not parse), errc::unknown_key, errc::missing_key,
///   errc::wrong_type (including a TOML float where an exact fraction is needed), errc::invalid_value (e.g. a
///   fraction above 1, a committee whose minimum exceeds its maximum).
/// Thread safety: may be called concurrently. Exceptions: only std::bad_alloc.
[[nodiscard]] result<constitution> parse_constitution(std::string_view toml_text, std::string_view source_name = {});

/// Reads and parses a constitution file. @return as parse_constitution, or errc::io if it cannot be read.
[[nodiscard]] result<constitution> load_constitution(const std::filesystem::path& file);

/// Checks the rules that do not depend on TOML (sizes, fractions in range, a general meeting present); the parser
/// applies the same checks. Use it after building a constitution in code. @return errc::invalid_value or
/// errc::missing_key, with the key path in error().where().key_path.
[[nodiscard]] result<void> validate(const constitution& c);

/// Checks one named ballot as validate(constitution) does (a usable name, fractions in range, classes that vote,
/// listed once). @return errc::invalid_value with the key path ("ballots.<name>.tests[0].fraction").
[[nodiscard]] result<void> validate(const ballot_rules& b, std::string_view ballot_name);

/// Parses a file that holds only named ballots: [ballots.<name>] tables with the schema of a constitution's
/// ballots (docs/constitution.md). Used for the ballot presets of the decision module (presets/ballots/).
/// @return the ballots by name, or the first error as parse_constitution reports it (errc::missing_key when the
///   file has no [ballots] table).
/// Thread safety: may be called concurrently. Exceptions: only std::bad_alloc.
[[nodiscard]] result<std::map<std::string, ballot_rules>> parse_ballot_rules(std::string_view toml_text,
                                                                           std::string_view source_name = {});

/// The canonical TOML text: fixed key order, fractions as "p/q" strings, optional parts written only when present.
/// parse_constitution(to_toml(c)) == c for every valid c.
[[nodiscard]] std::string to_toml(const constitution& c);

/// A plain-English summary for committee members (several lines, ending in a newline).
[[nodiscard]] std::string summary(const constitution& c);

/// The names of the presets shipped with the library ("ccbs_act_2014", "companies_act_2006").
[[nodiscard]] std::vector<std::string_view> constitution_preset_names();
/// A preset constitution by name. @return errc::not_found for an unknown name.
[[nodiscard]] result<constitution> constitution_preset(std::string_view preset_name);

}  // namespace v1
}  // namespace tmo
