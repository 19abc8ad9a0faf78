#include <tmo/core/result.hpp>

#include <doctest/doctest.h>

#include <string>

using tmo::errc;
using tmo::error;
using tmo::result;
using tmo::source_location;

TEST_CASE("errors print in compiler style") {
    CHECK(error(errc::unknown_key, "unknown key 'quorom'", source_location{"rules.toml", 12, 3, "meetings.general"})
              .to_string() == "rules.toml:12:3: error: unknown key 'quorom' (at meetings.general)");
    CHECK(error(errc::io, "cannot open", source_location{"x.toml", 0, 0, ""}).to_string() == "x.toml: error: cannot open");
    CHECK(error(errc::overflow, "").to_string() == "error: overflow");
    CHECK(std::string(tmo::errc_name(errc::internal)) == "internal error");
    CHECK(std::string(tmo::errc_name(errc::code_used)) == "voter code already used");
    CHECK(std::string(tmo::errc_name(errc::corrupt)) == "database corrupt");
}

TEST_CASE("result holds a value or an error") {
    result<int> ok = 42;
    CHECK(ok.has_value());
    CHECK(*ok == 42);
    CHECK(ok.value_or(0) == 42);
    CHECK_THROWS_AS((void)ok.error(), std::logic_error);

    result<int> bad = tmo::unexpected(errc::syntax, "nope");
    CHECK_FALSE(bad);
    CHECK(bad.error().code() == errc::syntax);
    CHECK(bad.value_or(7) == 7);
    CHECK_THROWS_AS((void)bad.value(), tmo::error_exception);

    result<void> done;
    CHECK(done.has_value());
    result<void> failed = tmo::unexpected(errc::io, "gone");
    CHECK(failed.error().code() == errc::io);
    CHECK_THROWS_AS(failed.value(), tmo::error_exception);

    result<std::string> text = "abc";  // converting construction
    CHECK(*text == "abc");
}
