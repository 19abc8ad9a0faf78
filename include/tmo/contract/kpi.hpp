// tmo/contract/kpi.hpp: key performance indicators of a service contract, computed exactly and rated.
//
// A KPI is data (contracts.md §3.1): what it measures, which way is better, its target for each contract year and
// the bands that turn a value into a rating. Values are exact fractions that keep their numerator and denominator
// (457 of 501 repairs on time), rounded only when written for people. Timescales count hours, calendar days or
// working days by a convention the contract names; bank holidays come from the caller's working_calendar.
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// A local date and time to the minute (no time zone: jobs are logged in UK civil time).
using moment = std::chrono::local_time<std::chrono::minutes>;

/// `day` at hh:mm. Precondition: 0 <= hour < 24, 0 <= minute < 60.
[[nodiscard]] moment at(date day, int hour = 0, int minute = 0);
/// The calendar day of `m`.
[[nodiscard]] date day_of(moment m);
/// "YYYY-MM-DD hh:mm".
[[nodiscard]] std::string to_string(moment m);
using tmo::to_string;  // dates ("YYYY-MM-DD") beside the overloads declared here

/// The unit a timescale or a duration is counted in.
enum class time_unit {
    hours,          ///< elapsed clock hours
    calendar_days,  ///< every day counts
    working_days,   ///< Monday to Friday except the calendar's holidays
};

/// Which day is "day 1" of a timescale in days.
enum class day_one {
    day_after,  ///< the day after the report ("working days beginning on the day after the repair is reported")
    same_day,   ///< the day of the report itself (inclusive counting; a report on a non-working day starts the
                ///< count on the next working day)
};

/// A time allowed for something: "24 hours", "3 working days", "28 calendar days".
struct timescale {
    std::int64_t amount = 0;  ///< >= 0
    time_unit unit = time_unit::working_days;
    day_one first_day = day_one::day_after;  ///< ignored for hours

    friend bool operator==(const timescale&, const timescale&) = default;
};

/// "24 hours", "1 working day", "28 calendar days".
[[nodiscard]] std::string to_string(const timescale& t);

/// The last moment at which something started at `start` is still within `limit`: start + n hours, or 23:59 on
/// the last allowed day. Example: reported Friday 16:00, 1 working day (day after) -> Monday 23:59 when Monday is
/// not a holiday. @throws tmo::error_exception (errc::invalid_argument) if limit.amount < 0.
[[nodiscard]] moment latest_within(moment start, const timescale& limit, const working_calendar& calendar);

/// How durations are counted for an average (contracts.md §3.2).
enum class duration_count {
    hours,                    ///< elapsed hours, exact to the minute
    calendar_days_inclusive,  ///< calendar days counting both the day of request and the day of completion (HMPI 90)
    calendar_days,            ///< calendar days from request to completion (the day of request not counted)
    working_days,             ///< working days after the request day up to and including the completion day
};

/// A priority category with its target timescale ("P1 Emergency: 24 hours").
struct priority {
    std::string code;  ///< as used on jobs ("P1", "emergency")
    std::string name;  ///< for people ("Emergency")
    timescale target;

    friend bool operator==(const priority&, const priority&) = default;
};

/// A responsive repair job as the contractor reports it (the HACT WorkOrder shape reduced to what KPIs need).
struct repair_job {
    std::string reference;
    std::string priority;              ///< a priority code
    moment reported{};
    std::optional<moment> completed;   ///< absent while the job is open

    friend bool operator==(const repair_job&, const repair_job&) = default;
};

/// A reporting period, both days included.
struct period {
    date first{};
    date last{};

    [[nodiscard]] bool contains(date d) const { return first <= d && d <= last; }
    friend bool operator==(const period&, const period&) = default;
};

/// What a KPI measures.
enum class kpi_measure {
    on_time_share,       ///< % of jobs completed in the period that were completed within their priority's target
    average_time,        ///< mean time from report to completion of jobs completed in the period
    per_thousand_homes,  ///< a count per 1,000 homes (complaints, ASB cases)
    acceptable_share,    ///< % of inspections graded acceptable under a grade scheme
    right_first_time,    ///< % of completed jobs fixed at the first visit and not recalled (performance.hpp)
    satisfied_share,     ///< % of completed jobs whose tenant scored satisfaction at or above satisfied_from
    reading,             ///< a value reported for the period (rent collected, voids re-let days), as supplied
};

/// Which way is better.
enum class direction { higher_is_better, lower_is_better };

/// The Procurement Act 2023 s.71 rating vocabulary, used as tmo's default scale (contracts.md §3.7).
enum class rating { good, approaching_target, requires_improvement, inadequate, other };

/// "good", "approaching target", "requires improvement", "inadequate", "other".
[[nodiscard]] const char* rating_name(rating r) noexcept;

/// How far from the target each rating reaches, in the KPI's own units (percentage points, days, ...).
/// Good: meets or beats the target. Approaching target: misses it by at most `approaching`. Requires improvement:
/// misses it by at most `requires_improvement`. Otherwise inadequate. Example: target 95%, approaching 3, requires
/// improvement 10: 93% is approaching target, 91.2% requires improvement, 80% is inadequate.
struct rating_bands {
    rational approaching{3};
    rational requires_improvement{10};

    friend bool operator==(const rating_bands&, const rating_bands&) = default;
};

/// A target that applies from a date (year-1 and year-2+ targets are two entries).
struct dated_target {
    date from{};
    rational value;

    friend bool operator==(const dated_target&, const dated_target&) = default;
};

/// An ordered grade scheme for inspections (EPA litter grades A-D, RAG, gold/silver/bronze, met/not met), with
/// the grades that count as acceptable.
struct grade_scheme {
    std::string name;
    std::vector<std::string> grades;      ///< best first
    std::vector<std::string> acceptable;  ///< a subset of grades

    friend bool operator==(const grade_scheme&, const grade_scheme&) = default;
};

/// A KPI definition.
struct kpi_definition {
    std::string id;     ///< "KPI1"
    std::string title;  ///< "Repairs completed on time"
    kpi_measure measure = kpi_measure::on_time_share;
    direction better = direction::higher_is_better;
    std::vector<dated_target> targets;     ///< at least one; the latest `from` on or before the period start applies
    rating_bands bands;
    std::vector<std::string> priorities;   ///< jobs of these priority codes only; empty = all
    duration_count counting = duration_count::calendar_days_inclusive;  ///< for average_time
    std::optional<grade_scheme> grades;    ///< for acceptable_share
    std::vector<std::string> elements;     ///< acceptable_share: inspections of these elements only; empty = all
    std::int64_t satisfied_from = 4;       ///< satisfied_share: the least score that counts as satisfied (1-5)
    std::string unit;                      ///< reading: the unit shown after the value ("%", "days"); may be empty

    friend bool operator==(const kpi_definition&, const kpi_definition&) = default;
};

/// The target in force on `day`. @return errc::not_found when no target applies yet.
[[nodiscard]] result<rational> target_on(const kpi_definition& kpi, date day);

/// A KPI value kept as an exact fraction with what it was computed from.
struct kpi_value {
    integer numerator;    ///< jobs on time; total minutes or days; the count; acceptable inspections
    integer denominator;  ///< jobs completed; jobs completed; homes; inspections
    std::optional<rational> value;  ///< in the KPI's unit (%, days, hours, per 1,000); absent if denominator is 0
    std::string basis;    ///< the figures in words: "457 of 501 jobs completed on time"

    friend bool operator==(const kpi_value&, const kpi_value&) = default;
};

/// % of `jobs` completed within `period` (and of the KPI's priorities) that met their priority's target.
/// @return errc::not_found naming a job whose priority code is not in `priorities`.
[[nodiscard]] result<kpi_value> on_time_share(std::span<const repair_job> jobs, std::span<const priority> priorities,
                                              const kpi_definition& kpi, const period& p,
                                              const working_calendar& calendar);

/// Mean time from report to completion of the jobs completed within `period` (and of the KPI's priorities),
/// counted by kpi.counting: in hours for duration_count::hours, otherwise in days. Example (HMPI 90): 4,500 days
/// over 500 repairs = 9 days. @return errc::invalid_value for a job completed before it was reported.
[[nodiscard]] result<kpi_value> average_time(std::span<const repair_job> jobs, const kpi_definition& kpi,
                                             const period& p, const working_calendar& calendar);

/// `count` per 1,000 of `homes` (TSM CH01, NM01). @return errc::invalid_value for a negative count or homes.
[[nodiscard]] result<kpi_value> per_thousand_homes(std::int64_t count, std::int64_t homes);

/// % of `inspection_grades` that kpi.grades counts as acceptable.
/// @return errc::missing_key if the KPI has no grade scheme; errc::invalid_value naming a grade not in it.
[[nodiscard]] result<kpi_value> acceptable_share(std::span<const std::string> inspection_grades,
                                                 const kpi_definition& kpi);

/// A KPI value rated against its target.
struct kpi_assessment {
    std::string kpi_id;
    std::string title;
    direction better = direction::higher_is_better;
    kpi_value value;
    rational target;
    std::optional<rational> shortfall;  ///< how far short of the target (0 when met); absent with no value
    rating outcome = rating::other;
    std::string sentence;  ///< "Repairs completed on time: 91.2% against a target of 95% — requires improvement."

    friend bool operator==(const kpi_assessment&, const kpi_assessment&) = default;
};

/// Rates `value` against the target in force at the start of `p`. A value with a zero denominator is rated
/// `other` ("no jobs were completed in the period"). @return the target_on errors.
[[nodiscard]] result<kpi_assessment> assess(const kpi_definition& kpi, const kpi_value& value, const period& p);

/// The value as people read it: percentages and averages to one decimal place (half up), trailing ".0" dropped,
/// with the unit: "91.2%", "9 days", "4.7 hours", "12.5 per 1,000 homes".
[[nodiscard]] std::string display_value(kpi_measure measure, duration_count counting, const rational& value);
/// As above, for `kpi`'s measure; a reading shows kpi.unit after the value ("98.4%", "21.5 days", "3").
[[nodiscard]] std::string display_value(const kpi_definition& kpi, const rational& value);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
