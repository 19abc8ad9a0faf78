// tmo/contract/performance.hpp: performance data — repair jobs, inspections, KPI readings and the failures of a
// performance-points regime — read from CSV, and
// the KPIs computed from them that kpi.hpp does not cover (right first time, transactional satisfaction).
//
// Each record keeps the file and line it came from, so a later check (an unknown priority, a grade outside the
// KPI's scheme) can point at the row. A file with a bad row is refused as a whole: the error names the first bad
// row (file:line:column) and says how many rows are bad in all. Nothing is silently dropped.
//
// CSV: RFC 4180 (comma-separated, fields optionally in double quotes with "" for a quote), UTF-8, a header row
// naming the columns in any order; blank lines are ignored. The columns are documented with each reader.
#pragma once

#include <tmo/contract/credits.hpp>
#include <tmo/contract/kpi.hpp>
#include <tmo/core/error.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// The largest CSV file accepted: 16 MiB.
inline constexpr std::size_t max_csv_bytes = 16 * 1024 * 1024;

/// A repair job as reported by the contractor (the HACT WorkOrder / JobStatusUpdate / CustomerFeedback shapes).
struct job_record {
    repair_job job;                          ///< reference, priority, raised, completed
    std::string dwelling;                    ///< the property reference; may be empty (communal repairs)
    std::optional<bool> first_time_fix;      ///< fixed at the first visit; absent when not recorded
    bool recall = false;                     ///< the tenant had to call back about the same repair
    std::optional<std::int64_t> satisfaction;  ///< the tenant's score, 1 (very dissatisfied) to 5 (very satisfied)
    std::string price_code;                  ///< the price line charged for the job; empty when none
    source_location where;                   ///< the file and line of the row

    friend bool operator==(const job_record&, const job_record&) = default;
};

/// An estate, block or cleaning inspection with its grade under some ordered scheme (A-D, RAG, pass/fail).
struct inspection {
    std::string reference;
    date on{};
    std::string location;  ///< block or area
    std::string element;   ///< what was inspected ("communal cleaning", "grounds"); KPIs may filter on it
    std::string grade;
    source_location where;

    friend bool operator==(const inspection&, const inspection&) = default;
};

/// A value reported for a KPI and a month (rent collected as a %, average re-let days).
struct kpi_reading {
    std::string kpi_id;
    std::chrono::year_month month{};
    rational value;
    std::string basis;  ///< the figures in words, as reported ("£1,231,112 of £1,262,500 due"); may be empty
    source_location where;

    friend bool operator==(const kpi_reading&, const kpi_reading&) = default;
};

/// Reads repair jobs. Columns: job, priority, raised (required); dwelling, completed, first_time_fix, recall,
/// satisfaction, price_code (optional). Times are "YYYY-MM-DD hh:mm" (or with 'T'); completed is empty while a
/// job is open; first_time_fix and recall are "yes", "no" or empty (recall empty = no); satisfaction is 1-5 or
/// empty. @return the jobs in file order, or the first bad row's error with file:line:column: errc::syntax (a
/// malformed row, date or number), errc::missing_key (a required column absent), errc::unknown_key (a column not
/// listed), errc::invalid_value (completed before raised, a score outside 1-5, a duplicate job reference),
/// errc::too_large (over max_csv_bytes).
[[nodiscard]] result<std::vector<job_record>> read_jobs_csv(std::string_view text, std::string_view source_name);

/// Reads inspections. Columns: inspection, date, grade (required); location, element (optional).
/// @return as read_jobs_csv (a duplicate inspection reference is errc::invalid_value).
[[nodiscard]] result<std::vector<inspection>> read_inspections_csv(std::string_view text,
                                                                   std::string_view source_name);

/// Reads KPI readings. Columns: kpi, month ("YYYY-MM"), value (exact: "98.4", "1/3", "97%" = 97) (required);
/// basis (optional). @return as read_jobs_csv (two readings of one KPI for one month is errc::invalid_value).
[[nodiscard]] result<std::vector<kpi_reading>> read_readings_csv(std::string_view text,
                                                                 std::string_view source_name);

/// Reads the failures of a performance-points regime (credits.hpp). Columns: reference, category, location,
/// reported (required); location_weight, rectified, excluded_because (optional). reported and rectified are a date
/// and time "YYYY-MM-DD hh:mm" (or with 'T') or a date alone, which means 00:00 that day; rectified is empty while
/// the failure is not put right; location_weight is an exact number ("2", "1.5", "1/2"), empty or absent = 1;
/// excluded_because is empty unless the failure is removed before scoring (force majeure, client default).
/// @param categories the regime's failure kinds: a category not among them is errc::not_found at its cell.
/// @return the failures in file order, or as read_jobs_csv: errc::syntax (a malformed row, date or number),
///         errc::missing_key, errc::unknown_key, errc::invalid_value (a negative weight, rectified before reported,
///         a duplicate reference), errc::not_found (an unknown category), errc::too_large.
[[nodiscard]] result<std::vector<failure_event>> read_failures_csv(std::string_view text,
                                                                   std::string_view source_name,
                                                                   std::span<const failure_category> categories);

/// Reads a whole CSV file for the readers above. @return the text, or errc::io; errc::too_large over the limit.
[[nodiscard]] result<std::string> read_csv_file(const std::string& path);

/// % of the jobs completed in `p` (of the KPI's priorities) with a first-time-fix record that were fixed first
/// time and not recalled. Jobs without a record are left out and counted in the basis.
[[nodiscard]] kpi_value right_first_time_share(std::span<const job_record> jobs, const kpi_definition& kpi,
                                               const period& p);

/// % of the jobs completed in `p` (of the KPI's priorities) with a satisfaction score that scored
/// kpi.satisfied_from or more.
[[nodiscard]] kpi_value satisfied_share(std::span<const job_record> jobs, const kpi_definition& kpi,
                                        const period& p);

/// acceptable_share over the inspections dated in `p` (of the KPI's elements).
/// @return the acceptable_share errors, with the inspection's file and line for a grade not in the scheme.
[[nodiscard]] result<kpi_value> inspections_share(std::span<const inspection> inspections, const kpi_definition& kpi,
                                                  const period& p);

/// The reading of `kpi` for `month`, as a KPI value (numerator and denominator of the exact value); a KPI with
/// no reading for the month has no value ("no reading").
[[nodiscard]] kpi_value reading_value(std::span<const kpi_reading> readings, const kpi_definition& kpi,
                                      std::chrono::year_month month);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
