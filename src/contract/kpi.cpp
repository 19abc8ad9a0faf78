#include <tmo/contract/kpi.hpp>

#include "contract/text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

using namespace std::chrono;

bool wanted(const kpi_definition& kpi, const repair_job& job, const period& p) {
    if (!job.completed || !p.contains(day_of(*job.completed))) return false;
    return kpi.priorities.empty() ||
           std::find(kpi.priorities.begin(), kpi.priorities.end(), job.priority) != kpi.priorities.end();
}

// The last day allowed by a timescale in days.
date last_day(date start, const timescale& limit, const working_calendar& calendar) {
    const std::int64_t n = limit.amount;
    if (limit.unit == time_unit::calendar_days)
        return add_days(start, limit.first_day == day_one::same_day ? std::max<std::int64_t>(n - 1, 0) : n);
    if (limit.first_day == day_one::day_after || n == 0) return calendar.add_working_days(start, n);
    // Inclusive counting: the report day is day 1 when it is a working day.
    return calendar.add_working_days(start, calendar.is_working_day(start) ? n - 1 : n);
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

moment at(date day, int hour, int minute) {
    return local_days{day} + hours{hour} + minutes{minute};
}

date day_of(moment m) { return date{floor<days>(m)}; }

std::string to_string(moment m) {
    const auto midnight = floor<days>(m);
    const auto mins = (m - midnight).count();
    std::array<char, 8> hhmm{};
    std::snprintf(hhmm.data(), hhmm.size(), "%02d:%02d", static_cast<int>(mins / 60), static_cast<int>(mins % 60));
    return to_string(date{midnight}) + " " + hhmm.data();
}

std::string to_string(const timescale& t) {
    switch (t.unit) {
    case time_unit::hours: return plural(t.amount, "hour", "hours");
    case time_unit::calendar_days: return plural(t.amount, "calendar day", "calendar days");
    case time_unit::working_days: return plural(t.amount, "working day", "working days");
    }
    return {};
}

moment latest_within(moment start, const timescale& limit, const working_calendar& calendar) {
    if (limit.amount < 0) throw error_exception(error(errc::invalid_argument, "a timescale cannot be negative"));
    if (limit.unit == time_unit::hours) return start + hours{limit.amount};
    return at(last_day(day_of(start), limit, calendar), 23, 59);
}

const char* rating_name(rating r) noexcept {
    switch (r) {
    case rating::good: return "good";
    case rating::approaching_target: return "approaching target";
    case rating::requires_improvement: return "requires improvement";
    case rating::inadequate: return "inadequate";
    case rating::other: return "other";
    }
    return "other";
}

result<rational> target_on(const kpi_definition& kpi, date day) {
    const dated_target* best = nullptr;
    for (const dated_target& t : kpi.targets)
        if (t.from <= day && (best == nullptr || best->from <= t.from)) best = &t;
    if (best == nullptr)
        return unexpected(errc::not_found, "KPI " + kpi.id + " has no target in force on " + to_string(day));
    return best->value;
}

result<kpi_value> on_time_share(std::span<const repair_job> jobs, std::span<const priority> priorities,
                                const kpi_definition& kpi, const period& p, const working_calendar& calendar) {
    std::int64_t on_time = 0;
    std::int64_t completed = 0;
    for (const repair_job& job : jobs) {
        if (!wanted(kpi, job, p)) continue;
        const auto found = std::find_if(priorities.begin(), priorities.end(),
                                        [&](const priority& pr) { return pr.code == job.priority; });
        if (found == priorities.end())
            return unexpected(errc::not_found,
                              "job " + job.reference + " has priority '" + job.priority + "', which the contract does "
                              "not define");
        ++completed;
        if (*job.completed <= latest_within(job.reported, found->target, calendar)) ++on_time;
    }
    kpi_value v{on_time, completed, std::nullopt,
                std::to_string(on_time) + " of " + plural(completed, "job", "jobs") + " completed on time"};
    if (completed != 0) v.value = rational(on_time * 100, completed);
    return v;
}

result<kpi_value> average_time(std::span<const repair_job> jobs, const kpi_definition& kpi, const period& p,
                               const working_calendar& calendar) {
    integer total = 0;
    std::int64_t count = 0;
    for (const repair_job& job : jobs) {
        if (!wanted(kpi, job, p)) continue;
        if (*job.completed < job.reported)
            return unexpected(errc::invalid_value, "job " + job.reference + " is completed (" +
                                                       to_string(*job.completed) + ") before it was reported (" +
                                                       to_string(job.reported) + ")");
        const date from = day_of(job.reported);
        const date to = day_of(*job.completed);
        switch (kpi.counting) {
        case duration_count::hours: total += (*job.completed - job.reported).count(); break;
        case duration_count::calendar_days_inclusive: total += days_between(from, to) + 1; break;
        case duration_count::calendar_days: total += days_between(from, to); break;
        case duration_count::working_days: total += calendar.working_days_between(from, to); break;
        }
        ++count;
    }
    const bool in_hours = kpi.counting == duration_count::hours;
    kpi_value v{total, count, std::nullopt,
                (in_hours ? total.str() + " minutes" : total.str() + " days") + " over " +
                    plural(count, "job", "jobs") + " completed"};
    if (count != 0) v.value = rational(total, in_hours ? integer(count * 60) : integer(count));
    return v;
}

result<kpi_value> per_thousand_homes(std::int64_t count, std::int64_t homes) {
    if (count < 0 || homes < 0) return unexpected(errc::invalid_value, "counts of cases and homes cannot be negative");
    kpi_value v{count, homes, std::nullopt, std::to_string(count) + " over " + plural(homes, "home", "homes")};
    if (homes != 0) v.value = rational(integer(count) * 1000, homes);
    return v;
}

result<kpi_value> acceptable_share(std::span<const std::string> inspection_grades, const kpi_definition& kpi) {
    if (!kpi.grades) return unexpected(errc::missing_key, "KPI " + kpi.id + " has no grade scheme");
    const grade_scheme& scheme = *kpi.grades;
    std::int64_t acceptable = 0;
    for (const std::string& g : inspection_grades) {
        if (std::find(scheme.grades.begin(), scheme.grades.end(), g) == scheme.grades.end())
            return unexpected(errc::invalid_value,
                              "grade '" + g + "' is not a grade of the " + scheme.name + " scheme");
        if (std::find(scheme.acceptable.begin(), scheme.acceptable.end(), g) != scheme.acceptable.end()) ++acceptable;
    }
    const auto n = static_cast<std::int64_t>(inspection_grades.size());
    kpi_value v{acceptable, n, std::nullopt,
                std::to_string(acceptable) + " of " + plural(n, "inspection", "inspections") + " graded acceptable"};
    if (n != 0) v.value = rational(acceptable * 100, n);
    return v;
}

std::string display_value(kpi_measure measure, duration_count counting, const rational& value) {
    switch (measure) {
    case kpi_measure::on_time_share:
    case kpi_measure::acceptable_share:
    case kpi_measure::right_first_time:
    case kpi_measure::satisfied_share: return detail::percent(value);
    case kpi_measure::reading: return detail::figure(value);
    case kpi_measure::per_thousand_homes: return detail::figure(value) + " per 1,000 homes";
    case kpi_measure::average_time: {
        const std::string f = detail::figure(value);
        const bool one = f == "1";
        if (counting == duration_count::hours) return f + (one ? " hour" : " hours");
        if (counting == duration_count::working_days) return f + (one ? " working day" : " working days");
        return f + (one ? " day" : " days");
    }
    }
    return detail::figure(value);
}

std::string display_value(const kpi_definition& kpi, const rational& value) {
    if (kpi.measure != kpi_measure::reading || kpi.unit.empty()) return display_value(kpi.measure, kpi.counting, value);
    return detail::figure(value) + (kpi.unit == "%" ? "" : " ") + kpi.unit;
}

result<kpi_assessment> assess(const kpi_definition& kpi, const kpi_value& value, const period& p) {
    auto target = target_on(kpi, p.first);
    if (!target) return unexpected(target.error());
    kpi_assessment a{kpi.id, kpi.title, kpi.better, value, *target, std::nullopt, rating::other, {}};
    const std::string target_text = display_value(kpi, *target);
    if (!value.value) {
        a.sentence = kpi.title + ": no figure for the period (" + value.basis + ") against a target of " +
                     target_text + " — not rated.";
        return a;
    }
    const rational gap = kpi.better == direction::higher_is_better ? *target - *value.value : *value.value - *target;
    a.shortfall = gap.sign() > 0 ? gap : rational(0);
    a.outcome = gap.sign() <= 0                      ? rating::good
                : gap <= kpi.bands.approaching          ? rating::approaching_target
                : gap <= kpi.bands.requires_improvement ? rating::requires_improvement
                                                        : rating::inadequate;
    a.sentence = kpi.title + ": " + display_value(kpi, *value.value) + " against a target of " +
                 target_text + " — " + rating_name(a.outcome) + ".";
    return a;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
