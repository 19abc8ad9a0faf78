// tmo/decision/meeting.hpp: a meeting checked against the constitution — notice in clear days, proxies (validity
// and the per-holder cap), the quorum by the constitution's formula (and the adjourned-meeting rule), declared
// interests per agenda item, and each resolution (governance.md §8.5-8.9).
//
// Outcomes such as "inquorate" or "notice short" are data in meeting_outcome, never errors; errors are reserved for
// input that cannot be right (a member id not on the register, more hands than people entitled to raise them).
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/decision/class_ballot.hpp>
#include <tmo/decision/committee.hpp>
#include <tmo/decision/register.hpp>
#include <tmo/decision/resolution.hpp>
#include <tmo/rules/constitution.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace decision {

/// A proxy lodged for a meeting: `member` appoints `holder`, who attends in person.
struct proxy_appointment {
    member_ref member;
    member_ref holder;
    std::optional<date> lodged_on;              ///< the day it reached the secretary
    std::optional<std::uint32_t> lodged_minute; ///< the minute of that day (0-1439); absent: the end of the day
};

/// Counts from a show of hands.
struct hands {
    std::uint64_t in_favour = 0;
    std::uint64_t against = 0;
    std::uint64_t abstained = 0;
};

/// A poll: how each member (present, or through their proxy) voted.
struct poll {
    std::vector<member_ref> in_favour;
    std::vector<member_ref> against;
    std::vector<member_ref> abstained;
};

/// One item of the agenda.
struct agenda_item {
    std::string title;
    std::string kind;                       ///< a resolution kind of the constitution; empty: business without a vote
    std::vector<member_ref> interests;      ///< members who declared an interest: out of this item's quorum and vote
    std::optional<hands> show_of_hands;     ///< the votes, as counted hands ...
    std::optional<poll> poll_votes;         ///< ... or as a poll (exactly one of the two when `kind` is set)
    casting_use casting = casting_use::not_used;
    std::optional<date> confirming;         ///< the day of the meeting whose resolution this vote confirms
    source_location where;                  ///< where the item is written, for errors
};

/// The committee election held at a meeting (an AGM): the ballots cast and the seats they fill. The counting rule is
/// the constitution's election method (committee_rules::method).
struct committee_election {
    std::string title;                     ///< empty: "Committee election"
    std::string ballots_file;              ///< the ballot file (any format vote::load_ballots reads) as given
    std::uint32_t seats = 0;               ///< seats filled by this election (at least 1)
    std::string committee_file;            ///< the committee before the meeting (docs/committee.md); may be empty
    std::string seed;                      ///< the published seed for draws by lot (rotation and count); may be empty
    /// The ballots, read by load_meeting (parse_meeting only records the file name).
    std::optional<vote::profile> ballots;
    /// The committee before the meeting, read by load_meeting when committee_file is given.
    std::optional<committee> sitting;
    source_location where;                 ///< where [election] is written
    source_location ballots_at;            ///< where election.ballots is written
    source_location seats_at;              ///< where election.seats is written, for errors about the seats
    source_location committee_at;          ///< where election.committee is written (when it is)
};

/// A meeting as its minutes record it.
struct meeting {
    meeting_kind kind = meeting_kind::general;
    std::string title;
    date held;
    std::optional<std::uint32_t> start_minute;  ///< the minute of the day it began (needed for proxy deadlines)
    date notice_given;
    std::optional<date> adjourned_from;  ///< set when this is the meeting adjourned from that day for want of a quorum
    std::optional<member_ref> chair;
    std::string register_file;           ///< the register's path as given (load_meeting makes it absolute)
    std::vector<member_ref> present;     ///< members present in person
    std::vector<proxy_appointment> proxies;
    std::vector<agenda_item> items;
    std::optional<committee_election> election;  ///< the committee election held at the meeting, if any
};

/// The notice check.
struct notice_result {
    std::uint32_t required = 0;     ///< clear days the constitution requires
    std::int64_t clear_days = 0;    ///< clear days given
    date latest;                    ///< the last day notice could have been given
    bool met = false;
    std::string sentence;
};

/// What became of one proxy.
struct proxy_result {
    std::string member;
    std::string holder;
    bool accepted = false;
    std::string reason;  ///< why it was refused; empty when accepted
};

/// A quorum count (at the start, or for one item).
struct quorum_result {
    std::uint64_t members = 0;    ///< voting units of the body at the meeting date (the formula's "members")
    std::uint64_t required = 0;
    std::uint64_t in_person = 0;  ///< counted units present in person
    std::uint64_t by_proxy = 0;   ///< counted units present by an accepted proxy (when proxies count)
    std::uint64_t stood_aside = 0;  ///< units left out of this count for a declared interest
    bool adjourned_rule = false;  ///< the adjourned meeting's quorum applied
    bool met = false;
    std::string sentence;
};

/// What happened to one agenda item.
struct item_result {
    std::string title;
    std::string kind;
    std::vector<std::string> interests;  ///< ids of members who declared an interest
    quorum_result quorum;
    bool considered = false;             ///< false when the item could not be taken (inquorate)
    std::optional<resolution_outcome> resolution;
    std::vector<refused_vote> refused;   ///< poll votes not counted
    std::string sentence;
};

/// The committee election of a meeting, as decided.
struct election_result {
    std::string title;
    bool held = false;                          ///< false when the meeting was inquorate at the start
    std::optional<rotation_result> rotation;    ///< who retired, when the meeting file names the committee
    std::optional<election_outcome> election;   ///< the count (when held)
    /// The committee after the election (members who stay, plus those elected, counted as resident members),
    /// checked against the constitution; when the meeting file names the committee.
    std::optional<composition_report> composition;
    std::string sentence;
};

/// The whole check of a meeting.
struct meeting_outcome {
    std::string organisation;
    meeting_kind kind = meeting_kind::general;
    std::string title;
    date held;
    std::optional<date> adjourned_from;
    std::string chair;                        ///< the chair's id, or empty
    notice_result notice;
    voters_roll roll;                         ///< the body's voting units at the meeting date
    std::vector<roll_exclusion> not_entitled; ///< present in person but not entitled to vote, and why
    std::vector<proxy_result> proxies;
    quorum_result quorum;                     ///< at the start
    std::optional<date> adjourned_to;         ///< when inquorate at the start and the constitution adjourns
    std::vector<item_result> items;
    std::optional<election_result> election;  ///< the committee election, when the meeting held one
    bool valid = false;  ///< notice given, quorate at the start and for every item, every confirmation in its window
    std::string sentence;
};

/// Checks `m` against `c` with the register `reg`: the roll at the meeting date, notice (counted from the original
/// meeting for an adjourned one, which must fall on the day it stood adjourned to), proxies, the quorum at the
/// start and for each item, and each resolution. Each member counts once: as a voting unit (a household when the
/// constitution gives one vote per household), present in person or by one accepted proxy.
/// @return the outcome, or an error at the location in `m`: errc::invalid_value (a member id not on the register,
///   a member listed twice as present or twice in one poll, more hands than members entitled to vote on the item,
///   an item with a kind but no votes or votes but no kind), errc::not_found (a resolution kind the constitution does
///   not define; a meeting kind without rules; an adjourned meeting without an adjournment rule), errc::missing_key
///   (proxies with a lodging deadline but no start time for the meeting).
///   With a committee election (after the items; only when quorate at the start): who retires by rotation (rotate)
///   when the committee is given, the count (elect) of `seats` seats with the constitution's method, and the
///   composition of the committee after it (check_composition; a failed test is an outcome, not an error; it does not
///   make the meeting improper). Its errors: errc::not_found (the constitution has no [committee]),
///   errc::invalid_argument at [election] (its ballots were not loaded: parse_meeting does not read files),
///   errc::invalid_value at election.seats (more seats than the committee has free after the retirements, or fewer
///   than the seats of retiring members), and those of rotate and elect, located at [election].
[[nodiscard]] result<meeting_outcome> check_meeting(const constitution& c, const member_register& reg,
                                                    const meeting& m);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
