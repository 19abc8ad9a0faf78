// The statutory calendar: due dates from milestones, their status on a day, the presets and the records.
#include <tmo/decision/calendar.hpp>

#include "core/embedded_presets.hpp"
#include "decision/records.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

using detail::markdown_cell;

constexpr detail::embedded_preset presets[] = {
#include "calendar_presets.inc"
};

std::string days_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

std::string period_text(const period& p) {
    const bool one = p.count == 1;
    return std::to_string(p.count) +
           (p.in == period::unit::days ? (one ? " day" : " days") : (one ? " month" : " months"));
}

// The day `p` after (or before) `d`. Months clamp to the end of a shorter month.
result<date> shift(date d, const period& p, deadline_direction direction) {
    const std::int64_t n = direction == deadline_direction::after ? std::int64_t{p.count} : -std::int64_t{p.count};
    const date out = p.in == period::unit::days ? add_days(d, n) : add_months(d, n);
    if (!out.ok() || out.year() < std::chrono::year(1) || out.year() > std::chrono::year(9999))
        return unexpected(errc::overflow, "a due date " + period_text(p) + " " + name(direction) + " " +
                                              to_string(d) + " falls outside years 1 to 9999");
    return out;
}

std::string known_milestones(const calendar_rules& rules) {
    std::string out;
    for (const auto& entry : rules.milestones) out += (out.empty() ? "" : ", ") + entry.first;
    return out;
}

}  // namespace

const char* name(deadline_direction d) noexcept {
    switch (d) {
        case deadline_direction::after: return "after";
        case deadline_direction::before: return "before";
    }
    return "?";
}

const char* name(due_status s) noexcept {
    switch (s) {
        case due_status::upcoming: return "upcoming";
        case due_status::due_soon: return "due_soon";
        case due_status::overdue: return "overdue";
        case due_status::met: return "met";
        case due_status::met_late: return "met_late";
    }
    return "?";
}

std::vector<std::string_view> calendar_preset_names() { return detail::preset_names(presets); }

result<calendar_rules> calendar_preset(std::string_view preset_name) {
    result<detail::embedded_preset> p = detail::find_preset(presets, preset_name, "calendar preset");
    if (!p) return unexpected(p.error());
    return parse_calendar_rules(p->text, "preset:calendar/" + std::string(p->name));
}

result<calendar> compute_calendar(const calendar_rules& rules, const milestone_dates& milestones, date on,
                                  std::optional<std::uint32_t> due_soon_days) {
    for (const auto& [milestone, when] : milestones)
        if (!rules.milestones.contains(milestone))
            return unexpected(errc::not_found,
                              "unknown milestone '" + milestone + "'; the calendar " + rules.name +
                                  " knows: " + known_milestones(rules),
                              source_location{{}, 0, 0, milestone});
    calendar c;
    c.rules_name = rules.name;
    c.on = on;
    c.due_soon_days = due_soon_days.value_or(rules.due_soon_days);
    for (const deadline_rule& rule : rules.deadlines) {
        auto trigger = std::find_if(rule.from.begin(), rule.from.end(),
                                    [&](const std::string& m) { return milestones.contains(m); });
        if (trigger == rule.from.end()) {
            c.not_started.push_back(rule.id);
            continue;
        }
        due_item item;
        item.rule = &rule;
        item.trigger = *trigger;
        item.trigger_date = milestones.find(*trigger)->second;
        result<date> due = shift(item.trigger_date, rule.span, rule.direction);
        if (!due) return unexpected(due.error());
        item.due = *due;
        item.arithmetic = to_string(item.trigger_date) + (rule.direction == deadline_direction::after ? " + " : " - ") +
                          period_text(rule.span) + " = " + to_string(item.due);
        if (!rule.met_by.empty())
            if (auto met = milestones.find(rule.met_by); met != milestones.end()) {
                const bool this_cycle = rule.direction == deadline_direction::after ? met->second >= item.trigger_date
                                                                                    : met->second <= item.trigger_date;
                if (this_cycle) item.met_on = met->second;
            }

        const std::string what = rule.label + " (" + rule.id + ")";
        const std::string due_text = "due " + to_string(item.due) + ", " + period_text(rule.span) + " " +
                                     name(rule.direction) + " " + item.trigger + " on " + to_string(item.trigger_date);
        if (item.met_on) {
            const std::int64_t spare = days_between(*item.met_on, item.due);
            item.status = spare >= 0 ? due_status::met : due_status::met_late;
            item.days = spare >= 0 ? spare : -spare;
            item.sentence = what + ": met on " + to_string(*item.met_on) + ", " +
                            (spare >= 0 ? (spare == 0 ? std::string("on the due day") : days_text(spare) + " early")
                                        : days_text(-spare) + " late") +
                            " (" + due_text + ").";
        } else {
            const std::int64_t left = days_between(on, item.due);
            if (left < 0) {
                item.status = due_status::overdue;
                item.days = -left;
                item.sentence = what + ": overdue by " + days_text(-left) + " (" + due_text + ").";
            } else {
                item.status = left <= std::int64_t{c.due_soon_days} ? due_status::due_soon : due_status::upcoming;
                item.days = left;
                item.sentence = what + ": " + (left == 0 ? std::string("due today") : "due in " + days_text(left)) +
                                " (" + due_text + ").";
            }
        }
        if (item.status == due_status::overdue) ++c.overdue;
        if (item.status == due_status::due_soon) ++c.due_soon;
        c.items.push_back(std::move(item));
    }
    std::stable_sort(c.items.begin(), c.items.end(),
                     [](const due_item& a, const due_item& b) { return a.due < b.due; });

    c.summary = "On " + to_string(on) + ", ";
    if (c.overdue == 0 && c.due_soon == 0) {
        c.summary += "nothing is overdue and nothing falls due within " + days_text(c.due_soon_days);
    } else {
        c.summary += std::to_string(c.overdue) + (c.overdue == 1 ? " deadline is" : " deadlines are") +
                     " overdue and " +
                     std::to_string(c.due_soon) + (c.due_soon == 1 ? " falls" : " fall") + " due within " +
                     days_text(c.due_soon_days);
    }
    c.summary += " (" + std::to_string(c.items.size()) + " computed from the milestones given, " +
                 std::to_string(c.not_started.size()) + " not started).";
    return c;
}

namespace {

std::string status_words(const due_item& i) {
    switch (i.status) {
        case due_status::overdue: return "OVERDUE by " + days_text(i.days);
        case due_status::due_soon: return i.days == 0 ? "due today" : "due soon, in " + days_text(i.days);
        case due_status::upcoming: return "due in " + days_text(i.days);
        case due_status::met: return "met";
        case due_status::met_late: return "met " + days_text(i.days) + " late";
    }
    return "?";
}


}  // namespace

std::string to_text(const calendar& c) {
    std::string out = c.summary + "\n";
    for (const due_item& i : c.items)
        out += to_string(i.due) + "  " + status_words(i) + "  " + i.rule->id + ": " + i.sentence + " [" +
               i.rule->evidence + "] " + i.rule->source + "\n";
    if (!c.not_started.empty()) {
        out += "Not started (no milestone given):";
        for (const std::string& id : c.not_started) out += " " + id;
        out += "\n";
    }
    return out;
}

std::string to_markdown(const calendar& c) {
    std::string out = "## Statutory calendar on " + to_string(c.on) + "\n\n" + c.summary + "\n\n";
    out += "| Due | Deadline | Status | From | Arithmetic | Source | Evidence |\n|---|---|---|---|---|---|---|\n";
    for (const due_item& i : c.items)
        out += "| " + to_string(i.due) + " | " + markdown_cell(i.rule->label) + " | " + status_words(i) + " | " +
               i.trigger +
               " | " + i.arithmetic + " | " + markdown_cell(i.rule->source) + " | [" + i.rule->evidence + "] |\n";
    if (!c.not_started.empty()) {
        out += "\nNot started (no milestone given):";
        for (const std::string& id : c.not_started) out += " " + id;
        out += "\n";
    }
    return out;
}

std::string to_json(const calendar& c) {
    using json = nlohmann::ordered_json;
    json items = json::array();
    for (const due_item& i : c.items)
        items.push_back({{"id", i.rule->id},
                         {"label", i.rule->label},
                         {"trigger", i.trigger},
                         {"trigger_date", to_string(i.trigger_date)},
                         {"period", period_text(i.rule->span)},
                         {"direction", name(i.rule->direction)},
                         {"due", to_string(i.due)},
                         {"met_on", i.met_on ? json(to_string(*i.met_on)) : json(nullptr)},
                         {"status", name(i.status)},
                         {"days", i.days},
                         {"arithmetic", i.arithmetic},
                         {"source", i.rule->source},
                         {"evidence", i.rule->evidence},
                         {"sentence", i.sentence}});
    json j = {{"rules", c.rules_name},   {"on", to_string(c.on)},     {"due_soon_days", c.due_soon_days},
              {"overdue", c.overdue},    {"due_soon", c.due_soon},    {"summary", c.summary},
              {"not_started", c.not_started}, {"items", std::move(items)}};
    return j.dump(2);
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
