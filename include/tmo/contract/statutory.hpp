// tmo/contract/statutory.hpp: statutory repair clocks — Right to Repair compensation and timescale breaches
// (Awaab's Law, the Complaint Handling Code, any dated clock a contract adopts).
//
// The law's figures are data with their source and the date they took effect, never constants in code: the
// caller supplies them (for example from a data file) or, for figures verified in primary legislation, takes
// the sourced record this header offers.
#pragma once

#include <tmo/contract/kpi.hpp>
#include <tmo/core/date.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/result.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// A compensation scale: base + per_day × days, at most maximum.
struct compensation_scale {
    money base;
    money per_day;
    money maximum;
    std::optional<date> in_force;  ///< the date the figures took effect, when confirmed
    std::string source;            ///< where they come from, and how far they are verified

    friend bool operator==(const compensation_scale&, const compensation_scale&) = default;
};

/// The Right to Repair compensation for secure tenants of English local housing authorities when the second
/// contractor misses the prescribed period: £10 plus £2 a day, at most £50 (Secure Tenants of Local Housing
/// Authorities (Right to Repair) Regulations 1994, SI 1994/133; figures confirmed by a written answer in Hansard,
/// 31 January 1994). Its in-force date is left unset until confirmed; check for later amendments before relying
/// on it. Whether its days are working or calendar days is not settled (contracts.md §3.3): the
/// caller counts the days.
[[nodiscard]] compensation_scale right_to_repair_england_1994();

/// Compensation due.
struct compensation {
    std::int64_t days = 0;
    money uncapped;
    money amount;
    bool capped = false;
    std::string sentence;  ///< "Compensation £34.00: £10.00 plus £2.00 for each of 12 days outstanding."

    friend bool operator==(const compensation&, const compensation&) = default;
};

/// Compensation for `days_outstanding` days. @return errc::invalid_value for a negative count.
[[nodiscard]] result<compensation> compensation_due(const compensation_scale& scale, std::int64_t days_outstanding);

/// A statutory clock: `to_event` must happen within `limit` of `from_event`.
struct statutory_clock {
    std::string id;           ///< "awaab.emergency"
    std::string requirement;  ///< "investigate and make safe an emergency hazard"
    std::string from_event;   ///< "reported"
    std::string to_event;     ///< "made_safe"
    timescale limit;
    std::string source;       ///< where the timescale comes from, with its status
    date in_force{};          ///< the clock applies to cases whose from_event is on or after this day

    friend bool operator==(const statutory_clock&, const statutory_clock&) = default;
};

/// A case (a hazard report, a complaint) with its dated events by name.
struct case_record {
    std::string reference;
    std::map<std::string, moment> events;

    friend bool operator==(const case_record&, const case_record&) = default;
};

/// Where a case stands on one clock.
enum class clock_status {
    met,       ///< done within the limit
    breached,  ///< done late, or not done and the limit has passed
    running,   ///< not done, limit not yet passed
};

/// "met", "breached", "running".
[[nodiscard]] const char* clock_status_name(clock_status s) noexcept;

/// One clock checked on one case.
struct clock_check {
    std::string case_reference;
    std::string clock_id;
    moment started{};
    moment latest{};              ///< the last moment within the limit
    std::optional<moment> done;
    clock_status status = clock_status::running;
    std::string sentence;  ///< "H-17: investigate damp and mould within 10 working days of the report — breached:
                           ///< due by 2025-11-10 23:59, done 2025-11-12 10:00."

    friend bool operator==(const clock_check&, const clock_check&) = default;
};

/// Checks every clock that applies to every case as at `as_of`. A clock applies when the case has its
/// from_event on or after the clock's in_force date; cases without it are skipped.
/// Results are ordered by case, then by clock, as given.
[[nodiscard]] std::vector<clock_check> check_clocks(std::span<const case_record> cases,
                                                    std::span<const statutory_clock> clocks,
                                                    const working_calendar& calendar, moment as_of);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
