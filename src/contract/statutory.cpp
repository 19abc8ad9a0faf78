#include <tmo/contract/statutory.hpp>

#include "contract/text.hpp"

namespace tmo {
inline namespace v1 {
namespace contract {

compensation_scale right_to_repair_england_1994() {
    return {money::from_pounds(10), money::from_pounds(2), money::from_pounds(50), std::nullopt,
            "Secure Tenants of Local Housing Authorities (Right to Repair) Regulations 1994 (SI 1994/133); amounts "
            "confirmed in a Hansard written answer of 31 January 1994 (contracts.md §3.3, verified); whether the "
            "days are working or calendar days is not settled"};
}

result<compensation> compensation_due(const compensation_scale& scale, std::int64_t days_outstanding) {
    if (days_outstanding < 0) return unexpected(errc::invalid_value, "days outstanding cannot be negative");
    compensation c;
    c.days = days_outstanding;
    c.uncapped = scale.base + scale.per_day * days_outstanding;
    c.capped = c.uncapped > scale.maximum;
    c.amount = c.capped ? scale.maximum : c.uncapped;
    c.sentence = "Compensation " + detail::pounds(c.amount) + ": " + detail::pounds(scale.base) + " plus " +
                 detail::pounds(scale.per_day) + " for each of " + std::to_string(days_outstanding) +
                 (days_outstanding == 1 ? " day" : " days") + " outstanding" +
                 (c.capped ? " (" + detail::pounds(c.uncapped) + "), limited to the maximum of " +
                                 detail::pounds(scale.maximum)
                           : std::string()) +
                 ".";
    return c;
}

const char* clock_status_name(clock_status s) noexcept {
    switch (s) {
    case clock_status::met: return "met";
    case clock_status::breached: return "breached";
    case clock_status::running: return "running";
    }
    return "running";
}

std::vector<clock_check> check_clocks(std::span<const case_record> cases, std::span<const statutory_clock> clocks,
                                      const working_calendar& calendar, moment as_of) {
    std::vector<clock_check> out;
    for (const case_record& c : cases) {
        for (const statutory_clock& clock : clocks) {
            const auto from = c.events.find(clock.from_event);
            if (from == c.events.end() || day_of(from->second) < clock.in_force) continue;
            clock_check check;
            check.case_reference = c.reference;
            check.clock_id = clock.id;
            check.started = from->second;
            check.latest = latest_within(check.started, clock.limit, calendar);
            if (const auto to = c.events.find(clock.to_event); to != c.events.end()) check.done = to->second;
            std::string detail_text;
            if (check.done) {
                check.status = *check.done <= check.latest ? clock_status::met : clock_status::breached;
                detail_text = "due by " + to_string(check.latest) + ", done " + to_string(*check.done);
            } else {
                check.status = as_of > check.latest ? clock_status::breached : clock_status::running;
                detail_text = "due by " + to_string(check.latest) + ", not yet done";
            }
            check.sentence = c.reference + ": " + clock.requirement + " within " + to_string(clock.limit) + " of " +
                             clock.from_event + " — " + clock_status_name(check.status) + ": " + detail_text + ".";
            out.push_back(std::move(check));
        }
    }
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
