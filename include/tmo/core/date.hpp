// tmo/core/date.hpp: civil dates and the period arithmetic of notices and statutory deadlines.
//
// Conventions (governance.md §3.2, §8.5): "n clear days" excludes both the day notice is given and the day of the
// meeting; adding months clamps to the last day of a shorter month (30 Nov + 3 months = 28 or 29 Feb).
#pragma once

#include <tmo/core/result.hpp>

#include <chrono>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {

/// A civil (proleptic Gregorian) date with no time zone.
using date = std::chrono::year_month_day;

/// Parses an ISO 8601 calendar date "YYYY-MM-DD" (years 1..9999).
/// @return the date, or errc::syntax (wrong shape) or errc::invalid_value (no such day, e.g. 2025-02-29).
[[nodiscard]] result<date> parse_date(std::string_view text);

/// "YYYY-MM-DD".
[[nodiscard]] std::string to_string(date d);

/// Signed whole days from `from` to `to` (1 from Monday to Tuesday).
[[nodiscard]] std::int64_t days_between(date from, date to);

/// The clear days between a notice given on `notice` and a meeting on `meeting`: the days strictly between them,
/// or 0 if there are none (notice on 11 June, meeting on 26 June: 14).
[[nodiscard]] std::int64_t clear_days_between(date notice, date meeting);

/// The last day on which notice can be given for a meeting on `meeting` so that `clear_days` clear days
/// separate them (14 clear days before Thursday 26 June 2025: Wednesday 11 June 2025).
[[nodiscard]] date latest_notice_date(date meeting, std::int64_t clear_days);

/// `d` moved by `days` (negative moves back).
[[nodiscard]] date add_days(date d, std::int64_t days);

/// `d` moved by whole calendar months, the day clamped to the end of a shorter month
/// (2024-11-30 + 3 months = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29).
[[nodiscard]] date add_months(date d, std::int64_t months);

/// `d` moved by whole years, 29 February clamped to 28 February in a common year.
[[nodiscard]] date add_years(date d, std::int64_t years);

/// The days on which work is done: Monday to Friday except listed holidays (bank holidays are data, not code:
/// pass them in).
class working_calendar {
public:
    working_calendar() = default;
    explicit working_calendar(std::span<const date> holidays);

    /// Adds a holiday. Adding a weekend day or the same day twice has no further effect.
    void add_holiday(date d);
    [[nodiscard]] bool is_working_day(date d) const;
    [[nodiscard]] const std::set<std::chrono::sys_days>& holidays() const noexcept { return holidays_; }

    /// The day `n` working days after `start` (start itself not counted; n = 0 gives `start`).
    /// Negative n counts backwards. Example: Friday + 1 working day = the next Monday, if not a holiday.
    [[nodiscard]] date add_working_days(date start, std::int64_t n) const;

    /// How many working days lie after `from` up to and including `to` (0 if `to` is not after `from`).
    [[nodiscard]] std::int64_t working_days_between(date from, date to) const;

private:
    std::set<std::chrono::sys_days> holidays_;
};

}  // namespace v1
}  // namespace tmo
