// bindings/c/src/waist.cpp: status codes, the thread's last error, the exception translator, text buffers and the
// version functions of the C API.
#include "waist.hpp"

#include <tmo/core/version.hpp>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

namespace tmo::detail {

// The C codes are the negated C++ codes; neither side is ever renumbered.
static_assert(TMO_OK == -static_cast<int>(errc::ok));
static_assert(TMO_EINVAL == -static_cast<int>(errc::invalid_argument));
static_assert(TMO_ESYNTAX == -static_cast<int>(errc::syntax));
static_assert(TMO_EUNKNOWNKEY == -static_cast<int>(errc::unknown_key));
static_assert(TMO_EMISSINGKEY == -static_cast<int>(errc::missing_key));
static_assert(TMO_EWRONGTYPE == -static_cast<int>(errc::wrong_type));
static_assert(TMO_EVALUE == -static_cast<int>(errc::invalid_value));
static_assert(TMO_EIO == -static_cast<int>(errc::io));
static_assert(TMO_ETOOLARGE == -static_cast<int>(errc::too_large));
static_assert(TMO_EOVERFLOW == -static_cast<int>(errc::overflow));
static_assert(TMO_EDOMAIN == -static_cast<int>(errc::domain));
static_assert(TMO_EINEXACT == -static_cast<int>(errc::inexact));
static_assert(TMO_ENOMEM == -static_cast<int>(errc::no_memory));
static_assert(TMO_ENOTFOUND == -static_cast<int>(errc::not_found));
static_assert(TMO_EINTERNAL == -static_cast<int>(errc::internal));
static_assert(TMO_ECODEUNKNOWN == -static_cast<int>(errc::code_unknown));
static_assert(TMO_ECODEUSED == -static_cast<int>(errc::code_used));
static_assert(TMO_ECLOSED == -static_cast<int>(errc::closed));
static_assert(TMO_EBUSY == -static_cast<int>(errc::busy));
static_assert(TMO_ECORRUPT == -static_cast<int>(errc::corrupt));

namespace {

// The calling thread's last error: the strings it points into live here.
struct last_error_record {
    std::string message;
    std::string file;
    std::string key_path;
    tmo_error view{TMO_OK, "", "", 0, 0, ""};
};

thread_local last_error_record last_error;
thread_local const char* current_function = "tmo";

// Records an error whose message is `prefix` followed by `text`.
int record(int status, std::string_view prefix, std::string_view text, const source_location* where) noexcept {
    last_error_record& r = last_error;
    try {
        r.message.assign(prefix);
        r.message.append(text);
        r.file.assign(where != nullptr ? std::string_view(where->file) : std::string_view());
        r.key_path.assign(where != nullptr ? std::string_view(where->key_path) : std::string_view());
        const std::uint32_t line = where != nullptr ? where->line : 0;
        const std::uint32_t column = where != nullptr ? where->column : 0;
        r.view = tmo_error{status, r.message.c_str(), r.file.c_str(), line, column, r.key_path.c_str()};
    } catch (...) {  // std::bad_alloc: keep the code, with a static message
        r.message.clear();
        r.file.clear();
        r.key_path.clear();
        r.view = tmo_error{status, "(the message of this error could not be stored: out of memory)", "", 0, 0, ""};
    }
    return status;
}

}  // namespace

int to_status(errc code) noexcept { return -static_cast<int>(code); }

void reset_last_error() noexcept {
    last_error_record& r = last_error;
    r.message.clear();
    r.file.clear();
    r.key_path.clear();
    r.view = tmo_error{TMO_OK, "", "", 0, 0, ""};
}

int fail(const tmo::error& e) noexcept {
    const int status = to_status(e.code());
    if (status == TMO_OK) return record(TMO_EINTERNAL, "an error was reported without a code: ", e.message(), nullptr);
    return record(status, {}, e.message(), &e.where());
}

int fail(int status, std::string_view message) noexcept { return record(status, {}, message, nullptr); }

tmo::error in_argument(const tmo::error& e, std::string_view argument) {
    source_location where = e.where();
    where.key_path = argument;
    return tmo::error(e.code(), std::string(argument) + ": " + e.message(), std::move(where));
}

void enter(const char* function) noexcept {
    reset_last_error();
    current_function = function;
}

const char* entry_point() noexcept { return current_function; }

int null_argument(const char* parameter) noexcept {
    record(TMO_EINVAL, current_function, ": a required argument is NULL: ", nullptr);
    try {
        last_error.message.append(parameter);
        last_error.view.message = last_error.message.c_str();
    } catch (...) {  // std::bad_alloc: the message without the parameter's name is still true
    }
    return TMO_EINVAL;
}

int translate_exception() noexcept {
    try {
        throw;
    } catch (const tmo::error_exception& e) {
        return fail(e.error());
    } catch (const std::bad_alloc&) {
        return fail(TMO_ENOMEM, "out of memory");
    } catch (const std::overflow_error& e) {
        return record(TMO_EOVERFLOW, "arithmetic overflow: ", e.what(), nullptr);
    } catch (const std::domain_error& e) {  // includes boost::bad_rational (a zero denominator)
        return record(TMO_EDOMAIN, "undefined operation: ", e.what(), nullptr);
    } catch (const std::invalid_argument& e) {
        return record(TMO_EDOMAIN, "undefined operation: ", e.what(), nullptr);
    } catch (const std::exception& e) {
        return record(TMO_EINTERNAL, "internal error (please report it): ", e.what(), nullptr);
    } catch (...) {
        return fail(TMO_EINTERNAL, "internal error (please report it): an exception of unknown type");
    }
}

void set_buf(tmo_buf& out, std::string_view text) {
    tmo_buf_dispose(&out);
    auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    if (!text.empty()) std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    out = tmo_buf{copy, text.size()};
}

}  // namespace tmo::detail

// The entry points below call only noexcept functions and cannot fail, so they need no try block and leave the last
// error untouched.
extern "C" {

TMO_API const char* TMO_CALL tmo_version_string(void) noexcept { return tmo::version_string(); }

TMO_API int TMO_CALL tmo_version_number(void) noexcept { return tmo::version_number(); }

TMO_API const char* TMO_CALL tmo_strerror(int code) noexcept {
    if (code > 0 || code == INT_MIN) return "unknown error";
    return tmo::errc_name(static_cast<tmo::errc>(-code));
}

TMO_API const tmo_error* TMO_CALL tmo_error_last(void) noexcept { return &tmo::detail::last_error.view; }

TMO_API void TMO_CALL tmo_error_clear(void) noexcept { tmo::detail::reset_last_error(); }

TMO_API void TMO_CALL tmo_buf_dispose(tmo_buf* buf) noexcept {
    if (buf == nullptr) return;
    std::free(buf->ptr);
    *buf = tmo_buf{nullptr, 0};
}

}  // extern "C"

extern "C" {

TMO_API int TMO_CALL tmo_abi_check(int abi_version, size_t error_size, size_t buf_size) noexcept {
    return tmo::detail::guarded(__func__, [&]() -> int {
        if (abi_version != TMO_ABI_VERSION)
            return tmo::detail::fail(TMO_EINVAL, "the program was built for C ABI " + std::to_string(abi_version) +
                                                     " but the library has ABI " +
                                                     std::to_string(TMO_ABI_VERSION) +
                                                     ": rebuild it against the installed headers");
        if (error_size != sizeof(tmo_error) || buf_size != sizeof(tmo_buf))
            return tmo::detail::fail(TMO_EINVAL, "the program's tmo_error and tmo_buf are " +
                                                     std::to_string(error_size) + " and " +
                                                     std::to_string(buf_size) + " bytes, the library's " +
                                                     std::to_string(sizeof(tmo_error)) + " and " +
                                                     std::to_string(sizeof(tmo_buf)) +
                                                     ": rebuild it against the installed headers");
        return TMO_OK;
    });
}

}  // extern "C"
