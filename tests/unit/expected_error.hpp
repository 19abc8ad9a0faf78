// The error a test expects from a reader, and the check that the reader gave exactly it: code, line, column and key
// path, the file when given, and the whole message when given. Shared by the tests of the TOML readers.
#pragma once

#include <tmo/core/result.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tmo_test {

struct expected_error {
    tmo::errc code;
    std::uint32_t line;
    std::uint32_t column;
    std::string key_path;
    std::string message;  ///< the whole message; empty: not checked
};

/// Checks that `r` failed with `want`, in `file` unless that is empty.
template <class T>
void check_error(const tmo::result<T>& r, const expected_error& want, std::string_view file = {}) {
    REQUIRE_FALSE(r.has_value());
    const tmo::error& e = r.error();
    CAPTURE(e.to_string());
    CHECK(e.code() == want.code);
    if (!file.empty()) CHECK(e.where().file == file);
    CHECK(e.where().line == want.line);
    CHECK(e.where().column == want.column);
    CHECK(e.where().key_path == want.key_path);
    if (!want.message.empty()) CHECK(e.message() == want.message);
}

/// `text` with the first `from` replaced by `to`; fails the test if `from` is not there.
inline std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
    std::string out(text);
    const std::size_t at = out.find(from);
    REQUIRE(at != std::string::npos);
    return out.replace(at, from.size(), to);
}

}  // namespace tmo_test
