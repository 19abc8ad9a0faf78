// The committee: composition checks, rotation, elections through the counting engine, co-option, and the records.
#include <tmo/decision/committee.hpp>

#include <tmo/vote/rules.hpp>
#include <tmo/vote/ties.hpp>

#include "decision/records.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

using detail::markdown_cell;
using detail::plural;

using json = nlohmann::ordered_json;


// "A", "A and B", "A, B and C".
std::string listing(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

const char* rounding_words(rounding r) {
    switch (r) {
        case rounding::ceil: return "rounded up";
        case rounding::floor: return "rounded down";
        default: return "rounded to the nearest whole number, a half up";
    }
}

std::uint32_t to_count(const integer& n) { return n.convert_to<std::uint32_t>(); }


}  // namespace

const char* name(seat_category c) noexcept {
    switch (c) {
        case seat_category::resident: return "resident";
        case seat_category::co_opted: return "co_opted";
        case seat_category::other: return "other";
    }
    return "?";
}

std::uint32_t committee::casual_vacancies() const noexcept {
    if (!seats || *seats <= members.size()) return 0;
    return *seats - static_cast<std::uint32_t>(members.size());
}

result<void> validate(const committee& c) {
    const auto bad = [](std::string path, std::string message) {
        return unexpected(errc::invalid_value, std::move(message), source_location{{}, 0, 0, std::move(path)});
    };
    std::map<std::string, std::size_t> ids;
    for (std::size_t i = 0; i < c.members.size(); ++i) {
        const committee_member& m = c.members[i];
        const std::string path = "members[" + std::to_string(i) + "]";
        if (m.id.empty()) return bad(path + ".id", "a committee member needs an id");
        if (m.name.empty()) return bad(path + ".name", "committee member " + m.id + " needs a name");
        if (!m.since.ok()) return bad(path + ".since", "committee member " + m.id + " has no valid date");
        if (static_cast<int>(m.category) < 0 || static_cast<int>(m.category) > 2)
            return bad(path + ".category", "committee member " + m.id + " has an unknown category");
        if (auto [it, fresh] = ids.emplace(m.id, i); !fresh)
            return bad(path + ".id", "the id " + m.id + " is used twice (members " + std::to_string(it->second) +
                                         " and " + std::to_string(i) + ")");
        for (std::size_t k = 0; k < m.offices.size(); ++k)
            if (m.offices[k].empty())
                return bad(path + ".offices[" + std::to_string(k) + "]", "an office needs a name");
    }
    if (c.seats && *c.seats < c.members.size())
        return bad("seats", "the committee has " + plural(*c.seats, "seat", "seats") + " but " +
                                plural(c.members.size(), "member", "members"));
    return {};
}

// ---- composition -------------------------------------------------------------------------------------------------

result<composition_report> check_composition(const committee& c, const committee_rules& rules) {
    if (result<void> ok = validate(c); !ok) return unexpected(ok.error());
    composition_report r;
    r.members = static_cast<std::uint32_t>(c.members.size());
    for (const committee_member& m : c.members) {
        if (m.category == seat_category::resident) ++r.residents;
        if (m.category == seat_category::co_opted) ++r.co_opted;
    }
    r.seats = c.seats.value_or(r.members);
    r.casual_vacancies = c.casual_vacancies();
    const auto add = [&r](std::string test, bool passed, std::string sentence) {
        r.tests.push_back({std::move(test), passed, std::move(sentence)});
    };

    const std::string members = plural(r.members, "member", "members");
    if (r.members < rules.min_size)
        add("size", false,
            "The committee has " + members + ", fewer than the " + std::to_string(rules.min_size) +
                " the constitution requires.");
    else if (r.members > rules.max_size)
        add("size", false,
            "The committee has " + members + ", more than the " + std::to_string(rules.max_size) +
                " the constitution allows.");
    else
        add("size", true,
            "The committee has " + members + ", within the " + std::to_string(rules.min_size) + " to " +
                std::to_string(rules.max_size) + " the constitution allows.");

    if (rules.min_resident_share.sign() > 0) {
        const rational needed_exact = rules.min_resident_share * rational(integer(r.members));
        const std::uint32_t needed = to_count(needed_exact.ceil());
        const bool ok = r.residents >= needed && r.members > 0;
        const std::string held = "Residents hold " + std::to_string(r.residents) + " of the " +
                                 plural(r.members, "seat", "seats") + " filled, ";
        const std::string share = rules.min_resident_share.to_string();
        add("resident_share", ok,
            ok ? held + "at least the " + share + " required (" + share + " of " + std::to_string(r.members) + " is " +
                     needed_exact.to_string() + ", so " + std::to_string(needed) + " are needed)."
               : held + "less than the " + share + " required: " + share + " of " + std::to_string(r.members) +
                     " is " + needed_exact.to_string() + ", so " + std::to_string(needed) + " are needed.");
    }

    const bool co_ok = r.co_opted <= rules.max_co_opted;
    if (rules.max_co_opted == 0)
        add("co_opted", co_ok,
            co_ok ? "No member is co-opted; the constitution allows no co-option."
                  : plural(r.co_opted, "member is", "members are") +
                        " co-opted, but the constitution allows no co-option.");
    else
        add("co_opted", co_ok,
            plural(r.co_opted, "member is", "members are") + " co-opted, " +
                (co_ok ? "within" : "more than") + " the cap of " + std::to_string(rules.max_co_opted) + ".");

    if (rules.one_office_each) {
        bool any = false;
        for (const committee_member& m : c.members)
            if (m.offices.size() > 1) {
                any = true;
                add("one_office_each", false,
                    m.name + " holds " + std::to_string(m.offices.size()) + " offices (" + listing(m.offices) +
                        "); no one may hold more than one.");
            }
        if (!any) add("one_office_each", true, "No one holds more than one office.");
    }

    std::map<std::string, std::vector<std::string>> holders;  // office -> names
    for (const committee_member& m : c.members)
        for (const std::string& office : m.offices) holders[office].push_back(m.name);
    bool shared = false;
    for (const auto& [office, names] : holders)
        if (names.size() > 1) {
            shared = true;
            add("office_holders", false,
                "The office of " + office + " is held by " + std::to_string(names.size()) + " members (" +
                    listing(names) + "); an office has one holder.");
        }
    if (!shared) add("office_holders", true, "No office has more than one holder.");

    for (const std::string& office : rules.officers) {
        auto it = holders.find(office);
        if (it == holders.end())
            add("officer", false, "No one holds the office of " + office + ", which the constitution requires.");
        else
            add("officer", true, "The office of " + office + " is held by " + listing(it->second) + ".");
    }

    std::vector<std::string> failed;
    for (const composition_test& t : r.tests)
        if (!t.passed) failed.push_back(t.name);
    r.passed = failed.empty();
    const std::string total = std::to_string(r.tests.size());
    r.summary = r.passed ? "The committee meets all " + total + " tests of its make-up."
                         : "The committee fails " + std::to_string(failed.size()) + " of the " + total +
                               " tests of its make-up (" + listing(failed) + ").";
    return r;
}

// ---- rotation ----------------------------------------------------------------------------------------------------

result<rotation_result> rotate(const committee& c, const committee_rules& rules, date agm, std::string_view seed) {
    if (result<void> ok = validate(c); !ok) return unexpected(ok.error());
    rotation_result r;
    r.agm = agm;
    r.round = rules.rotation_round;

    std::vector<const committee_member*> pool;
    for (std::size_t i = 0; i < c.members.size(); ++i) {
        const committee_member& m = c.members[i];
        if (days_between(m.since, agm) < 0)
            return unexpected(errc::invalid_value,
                              "committee member " + m.id + " took office on " + to_string(m.since) +
                                  ", after the AGM on " + to_string(agm),
                              source_location{{}, 0, 0, "members[" + std::to_string(i) + "].since"});
        if (m.category == seat_category::co_opted)
            r.co_option_ends.push_back({m.id, m.name, m.category, m.since, days_between(m.since, agm), false,
                                        "co-option ends"});
        else
            pool.push_back(&m);
    }
    // Longest serving first; members elected on the same day in ascending id, the order the lot indexes.
    std::sort(pool.begin(), pool.end(), [](const committee_member* a, const committee_member* b) {
        if (a->since != b->since) return a->since < b->since;
        return a->id < b->id;
    });
    r.pool = static_cast<std::uint32_t>(pool.size());
    const auto retire = [&r, agm](const committee_member& m, bool by_lot, std::string reason) {
        r.retire.push_back({m.id, m.name, m.category, m.since, days_between(m.since, agm), by_lot, std::move(reason)});
    };

    if (!rules.rotation) {
        for (const committee_member* m : pool)
            if (add_months(m->since, rules.term_months) <= agm) retire(*m, false, "term ended");
        r.retiring = static_cast<std::uint32_t>(r.retire.size());
        r.arithmetic = "no rotation: members whose " + std::to_string(rules.term_months) +
                       "-month term has ended by the AGM retire (" + std::to_string(r.retiring) + " of " +
                       std::to_string(r.pool) + ")";
    } else {
        r.by_rotation = true;
        r.fraction = *rules.rotation;
        r.exact = r.fraction * rational(integer(r.pool));
        r.retiring = to_count(r.exact.round(rules.rotation_round).value());
        r.arithmetic = r.fraction.to_string() + " of " + plural(r.pool, "member", "members") + " = " +
                       r.exact.to_string();
        if (!r.exact.is_integer()) r.arithmetic += " (" + r.exact.to_decimal(3, rounding::truncate).value() + "...)";
        r.arithmetic += ", " + std::string(rounding_words(rules.rotation_round)) + ": " + std::to_string(r.retiring);

        const std::size_t n = r.retiring;
        if (n > 0) {
            // Members elected on the day of the last place: those before them retire; the rest of the places are
            // drawn among them when they are more than the places.
            const date boundary = pool[n - 1]->since;
            std::size_t first = n - 1;
            while (first > 0 && pool[first - 1]->since == boundary) --first;
            std::size_t last = n;  // one past the group
            while (last < pool.size() && pool[last]->since == boundary) ++last;
            for (std::size_t i = 0; i < first; ++i) retire(*pool[i], false, "longest serving");
            if (last == n) {
                for (std::size_t i = first; i < n; ++i) retire(*pool[i], false, "longest serving");
            } else {
                std::vector<const committee_member*> tied(pool.begin() + static_cast<std::ptrdiff_t>(first),
                                                          pool.begin() + static_cast<std::ptrdiff_t>(last));
                rotation_lot lot;
                lot.since = boundary;
                lot.places = static_cast<std::uint32_t>(n - first);
                for (const committee_member* m : tied) lot.tied.push_back(m->id);
                if (seed.empty())
                    return unexpected(errc::invalid_argument,
                                      "a draw by lot is needed: " + plural(tied.size(), "member", "members") + " (" +
                                          listing(lot.tied) + ") were elected on " + to_string(boundary) + " for " +
                                          plural(lot.places, "place", "places") + "; give a published seed");
                lot.seed = std::string(seed);
                vote::lot_generator generator(lot.seed);
                std::vector<const committee_member*> chosen;
                for (std::uint32_t place = 0; place < lot.places; ++place) {
                    rotation_draw d;
                    d.among = tied.size();
                    d.index = generator.draw(tied.size(), &d.counters);
                    d.counter = d.counters.back();
                    d.chosen = tied[d.index]->id;
                    chosen.push_back(tied[d.index]);
                    tied.erase(tied.begin() + static_cast<std::ptrdiff_t>(d.index));
                    lot.draws.push_back(std::move(d));
                }
                std::sort(chosen.begin(), chosen.end(),
                          [](const committee_member* a, const committee_member* b) { return a->id < b->id; });
                for (const committee_member* m : chosen) retire(*m, true, "drawn by lot");
                r.lot = std::move(lot);
            }
        }
    }
    r.seats_to_fill = r.retiring + c.casual_vacancies();

    std::vector<std::string> names;
    for (const retiring_member& m : r.retire) names.push_back(m.name);
    r.sentence = "At the AGM on " + to_string(agm) + ", " +
                 (r.retiring == 0 ? std::string("no member retires")
                                  : listing(names) + (r.retiring == 1 ? " retires" : " retire")) +
                 (r.by_rotation ? " by rotation (" + r.arithmetic + ")" : " (" + r.arithmetic + ")");
    if (r.lot)
        r.sentence += "; " + plural(r.lot->places, "place was", "places were") + " drawn by lot among the " +
                      plural(r.lot->tied.size(), "member", "members") + " elected on " + to_string(r.lot->since) +
                      " with the seed \"" + r.lot->seed + "\"";
    if (!r.co_option_ends.empty())
        r.sentence += "; " + plural(r.co_option_ends.size(), "co-option ends", "co-options end");
    r.sentence += ". " + plural(r.seats_to_fill, "seat is", "seats are") + " to be filled";
    if (c.casual_vacancies() > 0)
        r.sentence += ", including " + plural(c.casual_vacancies(), "casual vacancy", "casual vacancies");
    r.sentence += ".";
    return r;
}

// ---- elections ---------------------------------------------------------------------------------------------------

const char* counting_rule(election_method method) noexcept {
    switch (method) {
        case election_method::plurality: return "plurality";
        case election_method::block_vote: return "block";
        case election_method::instant_runoff: return "irv";
        case election_method::scottish_stv: return "scottish-stv";
        case election_method::wigm: return "wigm";
        default: return nullptr;
    }
}

result<election_outcome> elect(const committee_rules& rules, const vote::profile& ballots,
                               std::uint32_t retiring_seats, std::uint32_t casual_vacancies, date agm,
                               std::string_view seed) {
    election_outcome e;
    e.retiring_seats = retiring_seats;
    e.casual_vacancies = casual_vacancies;
    e.seats = retiring_seats + casual_vacancies;
    if (e.seats == 0) return unexpected(errc::invalid_argument, "no seat is to be filled: nothing to elect");
    const char* rule = counting_rule(rules.method);
    if (!rule)
        return unexpected(errc::not_found, std::string("the counting engine cannot yet count the election method ") +
                                               name(rules.method) + " that the constitution names");
    if (rules.method == election_method::instant_runoff && e.seats > 1)
        return unexpected(errc::not_found, "instant runoff fills one seat, but " + std::to_string(e.seats) +
                                               " are to be filled");
    e.rule = rule;
    std::vector<vote::setting> settings{{"seats", std::to_string(e.seats)}};
    if (!seed.empty()) settings.push_back({"seed", std::string(seed)});
    result<vote::count_result> counted = vote::count(ballots, rule, settings);
    if (!counted) return unexpected(counted.error());
    e.count = std::move(*counted);
    for (vote::candidate_id id : e.count.elected) e.elected.push_back(e.count.candidates[id]);
    e.term_ends = add_months(agm, rules.term_months);
    e.sentence = "Elected to " + plural(e.seats, "seat", "seats") + " (" + std::to_string(retiring_seats) +
                 " retiring, " + plural(casual_vacancies, "casual vacancy", "casual vacancies") + ") by " +
                 name(rules.method) + " (counted as " + e.rule + "): " + listing(e.elected) + ", until " +
                 to_string(e.term_ends) + ".";
    return e;
}

// ---- co-option ---------------------------------------------------------------------------------------------------

result<co_option_outcome> co_opt(const committee& c, const committee_rules& rules, committee_member person, date on,
                                 date next_agm) {
    if (result<void> ok = validate(c); !ok) return unexpected(ok.error());
    if (person.id.empty() || person.name.empty())
        return unexpected(errc::invalid_value, "the person to co-opt needs an id and a name");
    for (const committee_member& m : c.members)
        if (m.id == person.id)
            return unexpected(errc::invalid_value, person.name + " (" + person.id + ") is already on the committee");
    if (next_agm <= on)
        return unexpected(errc::invalid_value, "the next AGM (" + to_string(next_agm) +
                                                   ") must come after the day of co-option (" +
                                                   to_string(on) + ")");
    co_option_outcome o;
    for (const committee_member& m : c.members)
        if (m.category == seat_category::co_opted) ++o.co_opted_before;
    o.cap = rules.max_co_opted;
    o.members_after = static_cast<std::uint32_t>(c.members.size()) + 1;
    person.category = seat_category::co_opted;
    person.since = on;
    o.member = std::move(person);
    o.term_ends = next_agm;
    const std::string who = o.member.name;
    if (o.co_opted_before >= o.cap) {
        o.sentence = who + " cannot be co-opted: " + plural(o.co_opted_before, "member is", "members are") +
                     " already co-opted and the constitution allows " + std::to_string(o.cap) + ".";
    } else if (o.members_after > rules.max_size) {
        o.sentence = who + " cannot be co-opted: the committee would have " + std::to_string(o.members_after) +
                     " members, more than the " + std::to_string(rules.max_size) + " allowed.";
    } else {
        o.allowed = true;
        o.sentence = who + " is co-opted on " + to_string(on) + " until the AGM on " + to_string(next_agm) + " (" +
                     std::to_string(o.co_opted_before + 1) + " of at most " + std::to_string(o.cap) +
                     " co-opted members).";
    }
    return o;
}

// ---- records -----------------------------------------------------------------------------------------------------

std::string to_markdown(const composition_report& r) {
    std::string out = "## Committee make-up\n\n" + r.summary + "\n\n";
    out += "Members: " + std::to_string(r.members) + "; residents: " + std::to_string(r.residents) +
           "; co-opted: " + std::to_string(r.co_opted) + "; seats: " + std::to_string(r.seats) +
           "; casual vacancies: " + std::to_string(r.casual_vacancies) + ".\n\n";
    out += "| Test | Result | Why |\n|---|---|---|\n";
    for (const composition_test& t : r.tests)
        out += "| " + t.name + " | " + (t.passed ? "passed" : "**failed**") + " | " + markdown_cell(t.sentence) +
               " |\n";
    return out;
}

std::string to_markdown(const rotation_result& r) {
    std::string out = "## Retirement at the AGM on " + to_string(r.agm) + "\n\n" + r.sentence + "\n\n";
    out += "Arithmetic: " + r.arithmetic + ".\n\n";
    if (!r.retire.empty() || !r.co_option_ends.empty()) {
        out += "| Member | Id | Category | In office since | Days served | Why |\n|---|---|---|---|---|---|\n";
        for (const auto* list : {&r.retire, &r.co_option_ends})
            for (const retiring_member& m : *list)
                out += "| " + markdown_cell(m.name) + " | " + markdown_cell(m.id) + " | " + name(m.category) + " | " +
                       to_string(m.since) + " | " + std::to_string(m.days_served) + " | " + m.reason + " |\n";
        out += "\n";
    }
    if (r.lot) {
        out += "Draw by lot (SHA-256 of \"seed,counter\", counting.md §4.2), seed \"" + markdown_cell(r.lot->seed) +
               "\", among " + listing(r.lot->tied) + " (ascending ids) for " +
               plural(r.lot->places, "place", "places") + ":\n\n";
        for (const rotation_draw& d : r.lot->draws)
            out += "- counter " + std::to_string(d.counter) + ", " + std::to_string(d.among) + " in the draw: index " +
                   std::to_string(d.index) + ", " + d.chosen + " retires\n";
    }
    return out;
}

std::string to_markdown(const election_outcome& r) {
    std::string out = "## Committee election\n\n" + r.sentence + "\n\n";
    out += "| Order | Elected |\n|---|---|\n";
    for (std::size_t i = 0; i < r.elected.size(); ++i)
        out += "| " + std::to_string(i + 1) + " | " + markdown_cell(r.elected[i]) + " |\n";
    out += "\n" + r.count.summary + "\n";
    for (const vote::stage& s : r.count.stages)
        out += "- Stage " + std::to_string(s.number) + ": " + s.explanation + "\n";
    return out;
}

std::string to_markdown(const co_option_outcome& r) {
    return "## Co-option\n\n" + r.sentence + "\n\nCo-opted already: " + std::to_string(r.co_opted_before) +
           "; cap: " + std::to_string(r.cap) + "; committee size with the person: " + std::to_string(r.members_after) +
           "; term ends: " + to_string(r.term_ends) + ".\n";
}

namespace {

json member_json(const retiring_member& m) {
    return {{"id", m.id},         {"name", m.name},   {"category", name(m.category)}, {"since", to_string(m.since)},
            {"days_served", m.days_served}, {"by_lot", m.by_lot}, {"reason", m.reason}};
}

}  // namespace

std::string to_json(const composition_report& r) {
    json tests = json::array();
    for (const composition_test& t : r.tests)
        tests.push_back({{"name", t.name}, {"passed", t.passed}, {"sentence", t.sentence}});
    json j = {{"members", r.members}, {"residents", r.residents}, {"co_opted", r.co_opted}, {"seats", r.seats},
              {"casual_vacancies", r.casual_vacancies}, {"passed", r.passed}, {"summary", r.summary},
              {"tests", std::move(tests)}};
    return j.dump(2);
}

std::string to_json(const rotation_result& r) {
    json retire = json::array();
    for (const retiring_member& m : r.retire) retire.push_back(member_json(m));
    json ends = json::array();
    for (const retiring_member& m : r.co_option_ends) ends.push_back(member_json(m));
    json j = {{"agm", to_string(r.agm)},
              {"by_rotation", r.by_rotation},
              {"pool", r.pool},
              {"fraction", r.fraction.to_string()},
              {"exact", r.exact.to_string()},
              {"rounding", rounding_name(r.round)},
              {"retiring", r.retiring},
              {"arithmetic", r.arithmetic},
              {"retire", std::move(retire)},
              {"co_option_ends", std::move(ends)},
              {"lot", nullptr},
              {"seats_to_fill", r.seats_to_fill},
              {"sentence", r.sentence}};
    if (r.lot) {
        json draws = json::array();
        for (const rotation_draw& d : r.lot->draws)
            draws.push_back({{"counter", d.counter}, {"counters", d.counters}, {"among", d.among},
                             {"index", d.index}, {"chosen", d.chosen}});
        j["lot"] = {{"seed", r.lot->seed}, {"since", to_string(r.lot->since)}, {"tied", r.lot->tied},
                    {"places", r.lot->places}, {"draws", std::move(draws)}};
    }
    return j.dump(2);
}

std::string to_json(const election_outcome& r) {
    json j = {{"rule", r.rule},
              {"retiring_seats", r.retiring_seats},
              {"casual_vacancies", r.casual_vacancies},
              {"seats", r.seats},
              {"elected", r.elected},
              {"term_ends", to_string(r.term_ends)},
              {"sentence", r.sentence},
              {"count", json::parse(vote::to_json(r.count))}};
    return j.dump(2);
}

std::string to_json(const co_option_outcome& r) {
    json j = {{"allowed", r.allowed},
              {"co_opted_before", r.co_opted_before},
              {"cap", r.cap},
              {"members_after", r.members_after},
              {"member", {{"id", r.member.id}, {"name", r.member.name}, {"since", to_string(r.member.since)}}},
              {"term_ends", to_string(r.term_ends)},
              {"sentence", r.sentence}};
    return j.dump(2);
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
