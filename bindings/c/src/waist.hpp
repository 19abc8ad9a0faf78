// bindings/c/src/waist.hpp: what the C entry points share (private to the tmo_c library).
//
// Every entry point is `noexcept` and wraps its whole body in
//     try { ... } catch (...) { return tmo::detail::translate_exception(); }
// Expected failures (a tmo::result holding an error) are reported with fail(error); exceptions go through the one
// translator. Both record the thread's last error and return the negative status code.
#pragma once

#include <tmo/tmo.h>

#include <tmo/core/error.hpp>

#include <string_view>

namespace tmo::detail {

/// The C status code of a C++ error code: its negation (errc::syntax = 2 -> TMO_ESYNTAX = -2).
[[nodiscard]] int to_status(errc code) noexcept;

/// Resets the calling thread's last error to TMO_OK. Called first by every entry point that can fail.
void reset_last_error() noexcept;

/// Records `e` as the thread's last error and returns its status code.
int fail(const tmo::error& e) noexcept;
/// Records `status` with `message` (no source location) and returns `status`.
int fail(int status, std::string_view message) noexcept;
/// `e` with the name of the argument it concerns ("weights[2]") as its key path and at the start of its message.
[[nodiscard]] tmo::error in_argument(const tmo::error& e, std::string_view argument);

/// Records TMO_EINVAL for a NULL `parameter` of `function` and returns TMO_EINVAL.
int null_argument(const char* function, const char* parameter) noexcept;

/// Maps the exception in flight to a status code and records it as the thread's last error. Call only from inside
/// a catch block: tmo::error_exception -> its code, std::bad_alloc -> TMO_ENOMEM, std::overflow_error ->
/// TMO_EOVERFLOW, std::domain_error and std::invalid_argument (Boost.Multiprecision) -> TMO_EDOMAIN, anything
/// else -> TMO_EINTERNAL.
int translate_exception() noexcept;

/// Replaces the contents of `out` (released first) with a malloc'd, NUL-terminated copy of `text`.
/// @throws std::bad_alloc; `out` is left empty then.
void set_buf(tmo_buf& out, std::string_view text);

}  // namespace tmo::detail
