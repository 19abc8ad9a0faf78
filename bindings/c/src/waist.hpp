// bindings/c/src/waist.hpp: what the C entry points share (private to the tmo_c library).
//
// Every entry point is `noexcept` and runs its whole body through guarded(), which resets the thread's last error
// and turns any exception into a status code. Expected failures (a tmo::result holding an error) are reported with fail(error); exceptions go through the one
// translator. Both record the thread's last error and return the negative status code.
#pragma once

#include <tmo/tmo.h>

#include <tmo/core/date.hpp>
#include <tmo/core/error.hpp>
#include <tmo/rules/constitution.hpp>

#include <string_view>
#include <type_traits>

namespace tmo::detail {

/// The C status code of a C++ error code: its negation (errc::syntax = 2 -> TMO_ESYNTAX = -2).
[[nodiscard]] int to_status(errc code) noexcept;

/// Resets the calling thread's last error to TMO_OK.
void reset_last_error() noexcept;
/// Resets the last error and remembers `function` (a static string) as the entry point now running, for messages.
void enter(const char* function) noexcept;
/// The name of the entry point now running on this thread ("tmo_apportion").
[[nodiscard]] const char* entry_point() noexcept;

/// Records `e` as the thread's last error and returns its status code.
int fail(const tmo::error& e) noexcept;
/// Records `status` with `message` (no source location) and returns `status`.
int fail(int status, std::string_view message) noexcept;
/// `e` with the name of the argument it concerns ("weights[2]") as its key path and at the start of its message.
[[nodiscard]] tmo::error in_argument(const tmo::error& e, std::string_view argument);

/// Parses the date argument `argument` ("YYYY-MM-DD") into `out`. @return TMO_OK, or TMO_ESYNTAX / TMO_EVALUE
/// recorded with the argument's name.
int parse_date_argument(tmo::date& out, const char* text, const char* argument);

/// Records TMO_EINVAL for a NULL `parameter` of the current entry point and returns TMO_EINVAL.
int null_argument(const char* parameter) noexcept;

/// Maps the exception in flight to a status code and records it as the thread's last error. Call only from inside
/// a catch block: tmo::error_exception -> its code, std::bad_alloc -> TMO_ENOMEM, std::overflow_error ->
/// TMO_EOVERFLOW, std::domain_error and std::invalid_argument (Boost.Multiprecision) -> TMO_EDOMAIN, anything
/// else -> TMO_EINTERNAL.
int translate_exception() noexcept;

/// Runs `body`, the whole of the entry point `function`: resets the thread's last error, then returns what `body` returns; if it
/// throws, records the exception (translate_exception) and returns its status code, or NULL for a body returning a
/// pointer.
template <class Body>
auto guarded(const char* function, Body&& body) noexcept -> decltype(body()) {
    try {
        enter(function);
        return body();
    } catch (...) {
        const int status = translate_exception();
        if constexpr (std::is_pointer_v<decltype(body())>) {
            return nullptr;
        } else {
            return status;
        }
    }
}

/// The rules held by a constitution handle (defined with the handle in constitution.cpp).
[[nodiscard]] const tmo::constitution& rules_of(const tmo_constitution& handle) noexcept;

/// Replaces the contents of `out` (released first) with a malloc'd, NUL-terminated copy of `text`.
/// @throws std::bad_alloc; `out` is left empty then.
void set_buf(tmo_buf& out, std::string_view text);

}  // namespace tmo::detail
