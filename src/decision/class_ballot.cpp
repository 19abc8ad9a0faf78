// Class ballots and the ballot presets (tmo/decision/class_ballot.hpp).
#include <tmo/decision/class_ballot.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

struct preset_file {
    std::string_view name;
    std::string_view text;
};

constexpr preset_file preset_files[] = {
#include "ballot_presets_data.inc"
};

// Every preset of every file, by name. A name defined in two files is a build mistake that the unit tests catch.
result<std::map<std::string, ballot_rules>> all_presets() {
    std::map<std::string, ballot_rules> out;
    for (const preset_file& f : preset_files) {
        auto rules = parse_ballot_rules(f.text, "preset:ballots/" + std::string(f.name));
        if (!rules) return unexpected(rules.error());
        for (auto& [name, r] : *rules)
            if (!out.emplace(name, std::move(r)).second)
                return unexpected(errc::internal, "the ballot preset " + name + " is defined twice");
    }
    return out;
}

}  // namespace

std::vector<std::string> ballot_preset_names() {
    const std::map<std::string, ballot_rules> presets = all_presets().value();
    std::vector<std::string> names;
    for (const auto& entry : presets) names.push_back(entry.first);
    return names;
}

result<ballot_rules> ballot_preset(std::string_view preset_name) {
    auto presets = all_presets();
    if (!presets) return unexpected(presets.error());
    if (auto it = presets->find(std::string(preset_name)); it != presets->end()) return it->second;
    std::string known;
    for (const auto& entry : *presets) known += (known.empty() ? "" : ", ") + entry.first;
    return unexpected(errc::not_found, "no ballot preset is called \"" + std::string(preset_name) +
                                           "\"; the presets are: " + known);
}

result<tally> count_papers(const voters_roll& roll, const member_register& reg, const ballot_papers& papers,
                           std::vector<refused_vote>& refused) {
    std::map<tenure_class, class_count> counts;
    for (const voting_unit& u : roll.units) ++counts[u.tenure].eligible;
    std::map<std::string, std::string, std::less<>> voted;  // unit id -> the member whose paper counted
    const auto take = [&](const std::vector<member_ref>& list, std::uint64_t class_count::*field) -> result<void> {
        for (const member_ref& ref : list) {
            if (reg.find(ref.id) == nullptr)
                return unexpected(errc::invalid_value, "no member \"" + ref.id + "\" is on the register", ref.where);
            const voting_unit* unit = roll.unit_of(ref.id);
            if (unit == nullptr) {
                std::string why = "not on the roll";
                for (const roll_exclusion& e : roll.excluded)
                    if (e.member == ref.id) why = "not on the roll: " + e.reason;
                refused.push_back({ref.id, why});
                continue;
            }
            if (auto [it, fresh] = voted.emplace(unit->id, ref.id); !fresh) {
                refused.push_back({ref.id, unit->members.size() > 1 && roll.unit == vote_unit::household
                                               ? "household " + unit->id + " has already voted (" + it->second + ")"
                                               : "has already voted"});
                continue;
            }
            ++(counts[unit->tenure].*field);
        }
        return {};
    };
    if (auto r = take(papers.in_favour, &class_count::in_favour); !r) return unexpected(r.error());
    if (auto r = take(papers.against, &class_count::against); !r) return unexpected(r.error());
    if (auto r = take(papers.spoilt, &class_count::abstained); !r) return unexpected(r.error());
    return tally::from_classes(std::move(counts));
}

result<ballot_outcome> evaluate_ballot(const ballot_rules& rules, std::string_view name, const tally& votes) {
    if (votes.by_class.empty())
        return unexpected(errc::invalid_value, "a ballot is counted by tenure class: the tally has no classes");
    for (const auto& [c, count] : votes.by_class) {
        if (!rules.electorate.empty() &&
            std::find(rules.electorate.begin(), rules.electorate.end(), c) == rules.electorate.end())
            return unexpected(errc::invalid_value, std::string("the ballot ") + std::string(name) + " does not ballot " +
                                                       tmo::name(c) + " members, but the tally has a count for them");
        if (count.turned_out() > count.eligible)
            return unexpected(errc::invalid_value, std::string("the tally of ") + tmo::name(c) + " has " +
                                                       std::to_string(count.turned_out()) + " papers but only " +
                                                       std::to_string(count.eligible) + " eligible voters");
    }
    ballot_outcome out;
    out.name = std::string(name);
    out.rules = rules;
    out.votes = votes;
    result<decision_outcome> d = evaluate(rules.tests, rules.how, rules.turnout, votes);
    if (!d) return unexpected(d.error());
    out.decision = std::move(*d);
    return out;
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
