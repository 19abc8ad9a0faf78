// Meetings: notice, proxies, quorum, interests and resolutions (tmo/decision/meeting.hpp).
#include <tmo/decision/meeting.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

using unit_set = std::set<std::string>;

std::string hh_mm(std::uint32_t minute) {
    std::array<char, 8> buf{};
    std::snprintf(buf.data(), buf.size(), "%02u:%02u", minute / 60 % 100, minute % 60);
    return buf.data();
}

std::int64_t minutes_at(date d, std::uint32_t minute) {
    return std::int64_t{std::chrono::sys_days(d).time_since_epoch().count()} * 1440 + minute;
}

std::string people(std::uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the quorum formula says, for sentences: "a quorum of 25 of 96 members".
std::string quorum_words(const quorum_result& q, const quorum_formula& f) {
    if (f.form == quorum_formula::kind::present) return "a quorum of those present (an adjourned meeting)";
    return "a quorum of " + std::to_string(q.required) + " for " + people(q.members, "member", "members");
}

quorum_result count_quorum(const quorum_formula& f, std::uint64_t members, const unit_set& in_person,
                           const unit_set& by_proxy, bool proxies_count, const unit_set& stood_aside,
                           bool adjourned_rule) {
    quorum_result q;
    q.members = members;
    q.required = f.required(members);
    q.adjourned_rule = adjourned_rule;
    for (const std::string& u : in_person) (stood_aside.contains(u) ? q.stood_aside : q.in_person) += 1;
    if (proxies_count)
        for (const std::string& u : by_proxy) (stood_aside.contains(u) ? q.stood_aside : q.by_proxy) += 1;
    const std::uint64_t counted = q.in_person + q.by_proxy;
    q.met = counted >= q.required;
    q.sentence = std::string(q.met ? "Quorate: " : "Inquorate: ") + std::to_string(counted) + " present (" +
                 std::to_string(q.in_person) + " in person, " + std::to_string(q.by_proxy) + " by proxy)";
    if (q.stood_aside > 0)
        q.sentence += " once " + people(q.stood_aside, "member", "members") + " with a declared interest stood aside,";
    q.sentence += " against " + quorum_words(q, f) + ".";
    return q;
}

class meeting_checker {
public:
    meeting_checker(const constitution& c, const member_register& reg, const meeting& m, const meeting_rules& rules)
        : c_(c), reg_(reg), m_(m), rules_(rules) {}

    result<meeting_outcome> run() {
        out_.organisation = c_.org.name;
        out_.kind = m_.kind;
        out_.title = m_.title;
        out_.held = m_.held;
        out_.adjourned_from = m_.adjourned_from;
        out_.roll = make_roll(reg_, c_.membership, m_.held);
        if (m_.chair) {
            if (auto r = known(*m_.chair); !r) return unexpected(r.error());
            out_.chair = m_.chair->id;
        }
        if (auto r = notice(); !r) return unexpected(r.error());
        if (auto r = attendance(); !r) return unexpected(r.error());
        if (auto r = proxies(); !r) return unexpected(r.error());

        const quorum_formula& formula = m_.adjourned_from ? rules_.adjourned->quorum : rules_.quorum;
        out_.quorum = count_quorum(formula, out_.roll.units.size(), in_person_, by_proxy_,
                                   rules_.proxies.count_for_quorum, {}, m_.adjourned_from.has_value());
        if (!out_.quorum.met && rules_.adjourned && !m_.adjourned_from) {
            out_.adjourned_to = add_days(m_.held, rules_.adjourned->after_days);
            out_.quorum.sentence += " The meeting stands adjourned to " + to_string(*out_.adjourned_to) + " (" +
                                    std::to_string(rules_.adjourned->after_days) + " days later)";
            out_.quorum.sentence +=
                rules_.adjourned->quorum.form == quorum_formula::kind::present
                    ? ", when those present form the quorum."
                    : ", when the quorum is " +
                          std::to_string(rules_.adjourned->quorum.required(out_.roll.units.size())) + ".";
        }
        bool items_ok = true;
        for (const agenda_item& item : m_.items) {
            auto r = check_item(item, formula);
            if (!r) return unexpected(r.error());
            const bool window_missed = r->resolution && r->resolution->stage == resolution_stage::confirmation &&
                                       r->resolution->decision.carried && !r->resolution->carried;
            items_ok = items_ok && (!out_.quorum.met || r->considered) && !window_missed;
            out_.items.push_back(std::move(*r));
        }
        if (m_.election) {
            auto r = election(*m_.election);
            if (!r) return unexpected(r.error());
            out_.election = std::move(*r);
        }
        out_.valid = out_.notice.met && out_.quorum.met && items_ok;
        summarise();
        return std::move(out_);
    }

private:
    result<void> known(const member_ref& ref) const {
        if (reg_.find(ref.id) == nullptr)
            return unexpected(errc::invalid_value, "no member \"" + ref.id + "\" is on the register", ref.where);
        return {};
    }

    std::string why_not_entitled(const std::string& id) const {
        for (const roll_exclusion& e : out_.roll.excluded)
            if (e.member == id) return e.reason;
        return "not on the roll";
    }

    result<void> notice() {
        notice_result& n = out_.notice;
        const date original = m_.adjourned_from.value_or(m_.held);
        n.required = rules_.notice_clear_days;
        n.clear_days = clear_days_between(m_.notice_given, original);
        n.latest = latest_notice_date(original, n.required);
        n.met = n.clear_days >= std::int64_t{n.required};
        n.sentence = std::string(n.met ? "Notice given on " : "Notice short: given on ") + to_string(m_.notice_given) +
                     ", " + std::to_string(n.clear_days) + " clear days before the meeting on " + to_string(original) +
                     "; " + std::to_string(n.required) + " clear days are required (notice was due by " +
                     to_string(n.latest) + ").";
        if (m_.adjourned_from) {
            if (!rules_.adjourned)
                return unexpected(errc::not_found, std::string("the constitution has no rule for adjourned ") +
                                                       name(m_.kind) + " meetings");
            const date due = add_days(*m_.adjourned_from, rules_.adjourned->after_days);
            if (due != m_.held) {
                n.met = false;
                n.sentence += " The adjourned meeting was due on " + to_string(due) + " (" +
                              std::to_string(rules_.adjourned->after_days) + " days after " +
                              to_string(*m_.adjourned_from) + "), not " + to_string(m_.held) + ".";
            } else {
                n.sentence += " This is the meeting adjourned from " + to_string(*m_.adjourned_from) + ".";
            }
        }
        return {};
    }

    result<void> attendance() {
        std::set<std::string> seen;
        for (const member_ref& ref : m_.present) {
            if (auto r = known(ref); !r) return r;
            if (!seen.insert(ref.id).second)
                return unexpected(errc::invalid_value, "member " + ref.id + " is listed as present twice", ref.where);
            if (const voting_unit* u = out_.roll.unit_of(ref.id))
                in_person_.insert(u->id);
            else
                out_.not_entitled.push_back({ref.id, why_not_entitled(ref.id)});
        }
        present_ = std::move(seen);
        return {};
    }

    result<void> proxies() {
        std::optional<std::int64_t> deadline;
        if (rules_.proxies.allowed && rules_.proxies.lodge_hours_before && !m_.proxies.empty()) {
            if (!m_.start_minute)
                return unexpected(errc::missing_key,
                                  "the meeting's start time is needed to check the proxy deadline (" +
                                      std::to_string(*rules_.proxies.lodge_hours_before) +
                                      " hours before the meeting): add time = 19:00:00 to [meeting]",
                                  source_location{m_.proxies.front().member.where.file, 0, 0, "meeting.time"});
            deadline = minutes_at(m_.held, *m_.start_minute) - std::int64_t{*rules_.proxies.lodge_hours_before} * 60;
        }
        std::set<std::string> represented;
        std::map<std::string, std::uint32_t> held;
        for (const proxy_appointment& p : m_.proxies) {
            if (auto r = known(p.member); !r) return r;
            if (auto r = known(p.holder); !r) return r;
            proxy_result pr{p.member.id, p.holder.id, false, {}};
            const voting_unit* unit = out_.roll.unit_of(p.member.id);
            if (!rules_.proxies.allowed) {
                pr.reason = std::string("the constitution does not allow proxies at ") + name(m_.kind) + " meetings";
            } else if (represented.contains(p.member.id)) {
                pr.reason = p.member.id + " is already represented by a proxy (never two proxies for one member)";
            } else if (present_.contains(p.member.id)) {
                pr.reason = p.member.id + " is present in person";
            } else if (unit == nullptr) {
                pr.reason = p.member.id + " is not entitled to vote: " + why_not_entitled(p.member.id);
            } else if (in_person_.contains(unit->id) || by_proxy_.contains(unit->id)) {
                pr.reason = "household " + unit->id + " is already represented";
            } else if (!present_.contains(p.holder.id)) {
                pr.reason = "the holder " + p.holder.id + " is not present";
            } else if (deadline && !p.lodged_on) {
                pr.reason = "no date of lodging is recorded; proxies must be lodged " +
                            std::to_string(*rules_.proxies.lodge_hours_before) + " hours before the meeting";
            } else if (deadline && minutes_at(*p.lodged_on, p.lodged_minute.value_or(1440)) > *deadline) {
                const std::int64_t d = *deadline;
                const date due{std::chrono::sys_days(std::chrono::days(d >= 0 ? d / 1440 : (d - 1439) / 1440))};
                pr.reason = "lodged on " + to_string(*p.lodged_on) +
                            (p.lodged_minute ? " at " + hh_mm(*p.lodged_minute) : std::string()) +
                            ", after the deadline of " + to_string(due) + " at " +
                            hh_mm(static_cast<std::uint32_t>(d - minutes_at(due, 0))) + " (" +
                            std::to_string(*rules_.proxies.lodge_hours_before) + " hours before the meeting)";
            } else if (rules_.proxies.max_per_holder && held[p.holder.id] >= *rules_.proxies.max_per_holder) {
                pr.reason = p.holder.id + " already holds " + std::to_string(*rules_.proxies.max_per_holder) +
                            " proxies, the most allowed";
            } else {
                pr.accepted = true;
                ++held[p.holder.id];
                represented.insert(p.member.id);
                by_proxy_.insert(unit->id);
                proxy_member_.insert(p.member.id);
            }
            out_.proxies.push_back(std::move(pr));
        }
        return {};
    }

    result<tally> hands_tally(const agenda_item& item, const unit_set& aside, const quorum_result& q) const {
        std::uint64_t entitled = 0;
        for (const std::string& u : in_person_) entitled += aside.contains(u) ? 0u : 1u;
        if (rules_.proxies.vote_on_show_of_hands)
            for (const std::string& u : by_proxy_) entitled += aside.contains(u) ? 0u : 1u;
        if (!rules_.chair_votes && m_.chair && present_.contains(m_.chair->id) && entitled > 0) --entitled;
        const hands& h = *item.show_of_hands;
        const std::uint64_t raised = h.in_favour + h.against + h.abstained;
        if (raised > entitled)
            return unexpected(errc::invalid_value,
                              std::to_string(raised) + " hands were counted (for, against and abstaining) but only " +
                                  std::to_string(entitled) + " members present may vote on this item",
                              item.where);
        tally t;
        t.all = {out_.roll.units.size(), q.in_person + q.by_proxy, h.in_favour, h.against, h.abstained};
        return t;
    }

    result<tally> poll_tally(const agenda_item& item, const unit_set& aside, std::vector<refused_vote>& refused) const {
        std::map<tenure_class, class_count> counts;
        for (const voting_unit& u : out_.roll.units) {
            class_count& cc = counts[u.tenure];
            ++cc.eligible;
            const bool here = in_person_.contains(u.id) || (rules_.proxies.count_for_quorum && by_proxy_.contains(u.id));
            if (here && !aside.contains(u.id)) ++cc.present;
        }
        std::set<std::string> listed, voted_units;
        const auto take = [&](const std::vector<member_ref>& list, std::uint64_t class_count::*field) -> result<void> {
            for (const member_ref& ref : list) {
                if (auto r = known(ref); !r) return r;
                if (!listed.insert(ref.id).second)
                    return unexpected(errc::invalid_value, "member " + ref.id + " is listed twice in this poll",
                                      ref.where);
                const voting_unit* unit = out_.roll.unit_of(ref.id);
                std::string why;
                if (unit == nullptr)
                    why = "not entitled to vote: " + why_not_entitled(ref.id);
                else if (aside.contains(unit->id))
                    why = "declared an interest in this item";
                else if (!present_.contains(ref.id) && !proxy_member_.contains(ref.id))
                    why = "neither present nor represented by an accepted proxy";
                else if (!rules_.chair_votes && m_.chair && m_.chair->id == ref.id)
                    why = "the chair has no ordinary vote";
                else if (!voted_units.insert(unit->id).second)
                    why = "household " + unit->id + " has already voted";
                if (!why.empty()) {
                    refused.push_back({ref.id, why});
                    continue;
                }
                ++(counts[unit->tenure].*field);
            }
            return {};
        };
        const poll& p = *item.poll_votes;
        if (auto r = take(p.in_favour, &class_count::in_favour); !r) return unexpected(r.error());
        if (auto r = take(p.against, &class_count::against); !r) return unexpected(r.error());
        if (auto r = take(p.abstained, &class_count::abstained); !r) return unexpected(r.error());
        return tally::from_classes(std::move(counts));
    }

    result<item_result> check_item(const agenda_item& item, const quorum_formula& formula) const {
        item_result out;
        out.title = item.title;
        out.kind = item.kind;
        const resolution_rules* kind = nullptr;
        if (!item.kind.empty()) {
            kind = c_.resolution(item.kind);
            if (kind == nullptr) {
                std::string known_kinds;
                for (const auto& entry : c_.resolutions) known_kinds += (known_kinds.empty() ? "" : ", ") + entry.first;
                return unexpected(errc::not_found,
                                  "the constitution has no resolution kind \"" + item.kind + "\" (it has: " +
                                      known_kinds + ")",
                                  item.where);
            }
        }
        unit_set aside;
        for (const member_ref& ref : item.interests) {
            if (auto r = known(ref); !r) return unexpected(r.error());
            out.interests.push_back(ref.id);
            if (const voting_unit* u = out_.roll.unit_of(ref.id)) aside.insert(u->id);
        }
        out.quorum = count_quorum(formula, out_.roll.units.size(), in_person_, by_proxy_,
                                  rules_.proxies.count_for_quorum, aside, m_.adjourned_from.has_value());
        out.considered = out_.quorum.met && out.quorum.met;
        if (!out_.quorum.met) {
            out.sentence = "Not considered: the meeting was inquorate.";
            return out;
        }
        if (!out.quorum.met) {
            out.sentence = "Not considered: inquorate for this item. " + out.quorum.sentence;
            return out;
        }
        if (kind == nullptr) {
            out.sentence = "Taken without a vote.";
            return out;
        }
        result<tally> votes = item.show_of_hands ? hands_tally(item, aside, out.quorum)
                                                 : poll_tally(item, aside, out.refused);
        if (!votes) return unexpected(votes.error());
        resolution_vote vote{std::move(*votes), rules_.casting == casting_vote::chair, item.casting, m_.held,
                             item.confirming};
        result<resolution_outcome> r = evaluate_resolution(*kind, item.kind, vote);
        if (!r) return unexpected(r.error().code(), r.error().message(), item.where);
        out.sentence = r->sentence;
        out.resolution = std::move(*r);
        return out;
    }

    // An error of the committee module, placed at `where` when it has no location of its own.
    static error located(const error& e, const source_location& where) {
        return e.where().file.empty() ? error(e.code(), e.message(), where) : e;
    }

    result<election_result> election(const committee_election& e) {
        election_result out;
        out.title = e.title.empty() ? "Committee election" : e.title;
        if (!c_.committee)
            return unexpected(errc::not_found, "the constitution has no [committee] rules to hold the election by",
                              e.where);
        if (!e.ballots)
            return unexpected(errc::invalid_argument,
                              "the election's ballots were not read (load_meeting reads them; parse_meeting does not)",
                              e.where);
        if (!out_.quorum.met) {
            out.sentence = "Not held: the meeting was inquorate.";
            return out;
        }
        const committee_rules& rules = *c_.committee;
        std::uint32_t retiring = 0;
        if (e.sitting) {
            result<rotation_result> rotation = rotate(*e.sitting, rules, m_.held, e.seed);
            if (!rotation) return unexpected(located(rotation.error(), e.where));
            const auto members = static_cast<std::uint32_t>(e.sitting->members.size());
            const auto staying =
                members - static_cast<std::uint32_t>(rotation->retire.size() + rotation->co_option_ends.size());
            const std::uint32_t seats = e.sitting->seats.value_or(members);
            if (e.seats > seats - staying)
                return unexpected(errc::invalid_value,
                                  "the committee has " + std::to_string(seats) + " seats and " +
                                      std::to_string(staying) + " members stay after the meeting: the election can "
                                      "fill at most " + std::to_string(seats - staying) + " seats, not " +
                                      std::to_string(e.seats),
                                  e.seats_at);
            if (e.seats < rotation->retiring)
                return unexpected(errc::invalid_value,
                                  std::to_string(rotation->retiring) + " members retire at the meeting: the election "
                                  "fills at least their seats, not " + std::to_string(e.seats),
                                  e.seats_at);
            retiring = rotation->retiring;
            out.rotation = std::move(*rotation);
        }
        result<election_outcome> elected = elect(rules, *e.ballots, retiring, e.seats - retiring, m_.held, e.seed);
        if (!elected) return unexpected(located(elected.error(), e.where));
        out.held = true;
        out.sentence = elected->sentence;
        if (e.sitting) {
            committee after;
            after.seats = e.sitting->seats;
            for (const committee_member& m : e.sitting->members) {
                const auto leaves = [&m](const std::vector<retiring_member>& list) {
                    return std::any_of(list.begin(), list.end(), [&m](const retiring_member& r) { return r.id == m.id; });
                };
                if (!leaves(out.rotation->retire) && !leaves(out.rotation->co_option_ends)) after.members.push_back(m);
            }
            for (const std::string& person : elected->elected)
                after.members.push_back({person, person, seat_category::resident, {}, m_.held});
            result<composition_report> made = check_composition(after, rules);
            if (!made) return unexpected(located(made.error(), e.where));
            out.sentence += " After it: " + made->summary;
            out.composition = std::move(*made);
        }
        out.election = std::move(*elected);
        return out;
    }

    void summarise() {
        std::vector<std::string> problems;
        if (!out_.notice.met) problems.push_back("notice was short");
        if (!out_.quorum.met) problems.push_back("it was inquorate at the start");
        std::size_t carried = 0, lost = 0;
        for (std::size_t i = 0; i < out_.items.size(); ++i) {
            const item_result& it = out_.items[i];
            if (out_.quorum.met && !it.considered)
                problems.push_back("item " + std::to_string(i + 1) + " was inquorate");
            if (!it.resolution) continue;
            (it.resolution->carried ? carried : lost) += 1;
            if (it.resolution->stage == resolution_stage::confirmation && it.resolution->decision.carried &&
                !it.resolution->carried)
                problems.push_back("item " + std::to_string(i + 1) + " was confirmed outside its window");
        }
        std::string tail = people(carried, "resolution", "resolutions") + " carried, " + std::to_string(lost) +
                           " not carried.";
        if (problems.empty()) {
            out_.sentence = "Properly held: notice was given and the meeting was quorate; " + tail;
            return;
        }
        std::string list;
        for (std::size_t i = 0; i < problems.size(); ++i)
            list += (i == 0 ? "" : i + 1 == problems.size() ? " and " : ", ") + problems[i];
        out_.sentence = "Not properly held: " + list + ".";
        if (out_.quorum.met) out_.sentence += " " + tail;
    }

    const constitution& c_;
    const member_register& reg_;
    const meeting& m_;
    const meeting_rules& rules_;
    meeting_outcome out_;
    std::set<std::string> present_;       // member ids present in person
    std::set<std::string> proxy_member_;  // member ids represented by an accepted proxy
    unit_set in_person_;                  // voting units present in person (entitled)
    unit_set by_proxy_;                   // voting units present by an accepted proxy
};

}  // namespace

result<meeting_outcome> check_meeting(const constitution& c, const member_register& reg, const meeting& m) {
    const meeting_rules* rules = c.meeting(m.kind);
    if (rules == nullptr)
        return unexpected(errc::not_found, std::string("the constitution has no rules for ") + name(m.kind) + " meetings");
    return meeting_checker(c, reg, m, *rules).run();
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
