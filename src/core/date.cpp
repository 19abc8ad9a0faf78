#include <tmo/core/date.hpp>

#include <algorithm>
#include <cstdio>

namespace tmo {
inline namespace v1 {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_value(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool is_weekend(date d) {
    const std::chrono::weekday wd{sys_days{d}};
    return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

}  // namespace

result<date> parse_date(std::string_view text) {
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        std::all_of(text.begin(), text.begin() + 4, is_digit) && is_digit(text[5]) &&
                        is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
    if (!shaped)
        return unexpected(errc::syntax, "\"" + std::string(text) + "\" is not a date: expected YYYY-MM-DD");
    const date d{std::chrono::year{digits_value(text.substr(0, 4))},
                 std::chrono::month{static_cast<unsigned>(digits_value(text.substr(5, 2)))},
                 std::chrono::day{static_cast<unsigned>(digits_value(text.substr(8, 2)))}};
    if (!d.ok() || static_cast<int>(d.year()) < 1)
        return unexpected(errc::invalid_value, "\"" + std::string(text) + "\" is not a day in the calendar");
    return d;
}

std::string to_string(date d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return text;
}

std::int64_t days_between(date from, date to) { return (sys_days{to} - sys_days{from}).count(); }

std::int64_t clear_days_between(date notice, date meeting) {
    return std::max<std::int64_t>(0, days_between(notice, meeting) - 1);
}

date latest_notice_date(date meeting, std::int64_t clear_days) { return add_days(meeting, -(clear_days + 1)); }

date add_days(date d, std::int64_t n) { return date{sys_days{d} + days{n}}; }

date add_months(date d, std::int64_t months) {
    const std::chrono::year_month ym =
        std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
    const std::chrono::day last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
    return date{ym.year(), ym.month(), std::min(d.day(), last)};
}

date add_years(date d, std::int64_t years) { return add_months(d, years * 12); }

working_calendar::working_calendar(std::span<const date> holidays) {
    for (date d : holidays) add_holiday(d);
}

void working_calendar::add_holiday(date d) { holidays_.insert(sys_days{d}); }

bool working_calendar::is_working_day(date d) const {
    return !is_weekend(d) && holidays_.find(sys_days{d}) == holidays_.end();
}

date working_calendar::add_working_days(date start, std::int64_t n) const {
    const std::int64_t step = n < 0 ? -1 : 1;
    date d = start;
    for (std::int64_t left = n < 0 ? -n : n; left > 0;) {
        d = add_days(d, step);
        if (is_working_day(d)) --left;
    }
    return d;
}

std::int64_t working_calendar::working_days_between(date from, date to) const {
    std::int64_t count = 0;
    for (date d = add_days(from, 1); sys_days{d} <= sys_days{to}; d = add_days(d, 1))
        if (is_working_day(d)) ++count;
    return count;
}

}  // namespace v1
}  // namespace tmo
