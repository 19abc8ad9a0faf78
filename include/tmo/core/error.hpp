// tmo/core/error.hpp: error codes, source locations and the error type every fallible call reports.
//
// Expected failures (a malformed constitution, an unparsable amount) come back as a tmo::result<T> holding a
// tmo::error; outcomes such as "quorum not reached" are data in result objects and never errors.
// Resource exhaustion and broken invariants throw.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {

/// Stable error codes. The numeric values are part of the ABI: the C binding reports each as its negation
/// (TMO_E... in tmo.h). Values are never renumbered; a retired code keeps its number.
enum class errc : int {
    ok = 0,
    invalid_argument = 1,  ///< a caller passed a value outside the function's contract (NULL, empty name, ...)
    syntax = 2,            ///< the input text is not well-formed (TOML, CSV, a number, a date)
    unknown_key = 3,       ///< a key that the schema does not define
    missing_key = 4,       ///< a required key is absent
    wrong_type = 5,        ///< a value has the wrong type (e.g. a TOML float where an exact fraction is needed)
    invalid_value = 6,     ///< a value has the right type but is not allowed (a fraction above 1, age -3, ...)
    io = 7,                ///< a file could not be opened or read
    too_large = 8,         ///< an input exceeds a documented limit
    overflow = 9,          ///< an exact result does not fit its representation (money beyond int64 pence)
    domain = 10,           ///< a mathematically undefined operation (division by zero)
    inexact = 11,          ///< rounding would be needed but the rounding mode is `never`
    no_memory = 12,        ///< allocation failed
    not_found = 13,        ///< a named item (preset, meeting kind, resolution kind) does not exist
    internal = 14,         ///< a bug in tmo: please report it
    code_unknown = 15,     ///< a voter code that no voter of the ballot holds (mistyped, or of another ballot)
    code_used = 16,        ///< a voter code that has already been used to vote
    closed = 17,           ///< the ballot is closed (or not yet open for what was asked)
    busy = 18,             ///< the database stayed locked by other writers beyond the timeout and retries
    corrupt = 19,          ///< a database file that fails its integrity check, or is not a tmo database
};

/// A short, static, English description of a code ("unknown key"). Never returns null.
[[nodiscard]] const char* errc_name(errc code) noexcept;

/// Where in an input an error was found. Line and column are 1-based; 0 means unknown.
/// Columns count Unicode code points, as editors do.
struct source_location {
    std::string file;      ///< the file name or a caller-chosen source name; may be empty
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string key_path;  ///< for structured input, the dotted key path ("resolutions.special.tests[0].fraction")

    friend bool operator==(const source_location&, const source_location&) = default;
};

/// An error: a stable code, a message saying what was expected, and where.
class error {
public:
    error() = default;
    error(errc code, std::string message, source_location where = {})
        : code_(code), message_(std::move(message)), where_(std::move(where)) {}

    [[nodiscard]] errc code() const noexcept { return code_; }
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] const source_location& where() const noexcept { return where_; }

    /// The compiler-style one-line form: "file:line:column: error: message", omitting the parts that are unknown,
    /// and naming the key path when there is one ("... (at resolutions.special.threshold)").
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const error&, const error&) = default;

private:
    errc code_ = errc::ok;
    std::string message_;
    source_location where_;
};

/// The exception thrown by the `_or_throw` conveniences and by result<T>::value() on an error.
class error_exception : public std::runtime_error {
public:
    explicit error_exception(tmo::error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}
    [[nodiscard]] const tmo::error& error() const noexcept { return error_; }

private:
    tmo::error error_;
};

}  // namespace v1
}  // namespace tmo
