// bindings/c/src/date.cpp: notice-period dates for C callers, as "YYYY-MM-DD" text.
#include "waist.hpp"

#include <tmo/core/date.hpp>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::in_argument;
using tmo::detail::parse_date_argument;
using tmo::detail::null_argument;

int tmo::detail::parse_date_argument(tmo::date& out, const char* text, const char* argument) {
    auto parsed = tmo::parse_date(text);
    if (!parsed) return fail(in_argument(parsed.error(), argument));
    out = *parsed;
    return TMO_OK;
}

namespace {

// The longest spans between two dates of years 1 to 9999; anything longer cannot give a date in range, and
// refusing it first keeps the calendar arithmetic far from the limits of std::chrono::year.
constexpr std::int64_t max_days_apart = 3'652'058;   // 0001-01-01 to 9999-12-31
constexpr std::int64_t max_months_apart = 119'987;   // 0001-01 to 9999-12

// Checks a caller's date buffer, leaving it holding "" when it has room for anything.
int check_date_buffer(char* out, size_t cap) {
    if (out == nullptr) return null_argument("out");
    if (cap != 0) out[0] = '\0';
    if (cap < TMO_DATE_SIZE)
        return fail(TMO_EINVAL, std::string(tmo::detail::entry_point()) + ": cap is " + std::to_string(cap) +
                                    " bytes; a date needs TMO_DATE_SIZE (11)");
    return TMO_OK;
}

int out_of_range() { return fail(TMO_EOVERFLOW, "the resulting date falls outside the years 1 to 9999"); }

// Writes `d` as "YYYY-MM-DD" into a buffer already checked by check_date_buffer.
int write_date(char* out, tmo::date d) {
    if (!d.ok() || d.year() < std::chrono::year{1} || d.year() > std::chrono::year{9999}) return out_of_range();
    const std::string text = tmo::to_string(d);
    std::memcpy(out, text.c_str(), text.size() + 1);  // 10 characters and the NUL: TMO_DATE_SIZE
    return TMO_OK;
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_date_clear_days(int64_t* out, const char* notice, const char* meeting) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (notice == nullptr) return null_argument("notice");
        if (meeting == nullptr) return null_argument("meeting");
        tmo::date notice_day;
        tmo::date meeting_day;
        if (const int status = parse_date_argument(notice_day, notice, "notice"); status != TMO_OK) return status;
        if (const int status = parse_date_argument(meeting_day, meeting, "meeting"); status != TMO_OK) return status;
        *out = tmo::clear_days_between(notice_day, meeting_day);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_date_latest_notice(char* out, size_t cap, const char* meeting,
                                            int64_t clear_days) noexcept {
    return guarded(__func__, [&]() -> int {
        if (const int status = check_date_buffer(out, cap); status != TMO_OK) return status;
        if (meeting == nullptr) return null_argument("meeting");
        if (clear_days < 0)
            return fail(TMO_EINVAL, "clear_days is " + std::to_string(clear_days) + ": it cannot be negative");
        tmo::date meeting_day;
        if (const int status = parse_date_argument(meeting_day, meeting, "meeting"); status != TMO_OK) return status;
        if (clear_days > max_days_apart) return out_of_range();
        return write_date(out, tmo::latest_notice_date(meeting_day, clear_days));
    });
}

TMO_API int TMO_CALL tmo_date_add_months(char* out, size_t cap, const char* date, int64_t months) noexcept {
    return guarded(__func__, [&]() -> int {
        if (const int status = check_date_buffer(out, cap); status != TMO_OK) return status;
        if (date == nullptr) return null_argument("date");
        tmo::date start;
        if (const int status = parse_date_argument(start, date, "date"); status != TMO_OK) return status;
        if (months > max_months_apart || months < -max_months_apart) return out_of_range();
        return write_date(out, tmo::add_months(start, months));
    });
}

}  // extern "C"
