// The exception translator of the C API (bindings/c/src/waist.cpp): every exception the C++ library or Boost can
// throw comes back as a status code and a recorded last error, never as an exception crossing the C boundary.
#include "waist.hpp"

#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

namespace {

// Runs `body` as an entry point does and returns its status.
template <class F>
int entry_point(F body) noexcept {
    try {
        tmo::detail::reset_last_error();
        body();
        return TMO_OK;
    } catch (...) {
        return tmo::detail::translate_exception();
    }
}

std::string last_message() { return tmo_error_last()->message; }

}  // namespace

TEST_CASE("c_api translator: tmo::error_exception keeps its code, message and location") {
    const tmo::error e(tmo::errc::unknown_key, "unknown key \"quorom\"", {"rules.toml", 12, 3, "meetings.quorom"});
    CHECK(entry_point([&] { throw tmo::error_exception(e); }) == TMO_EUNKNOWNKEY);
    const tmo_error* last = tmo_error_last();
    CHECK(last->code == TMO_EUNKNOWNKEY);
    CHECK(std::string(last->message) == "unknown key \"quorom\"");
    CHECK(std::string(last->file) == "rules.toml");
    CHECK(last->line == 12);
    CHECK(last->column == 3);
    CHECK(std::string(last->key_path) == "meetings.quorom");
}

TEST_CASE("c_api translator: money overflow in C++ arithmetic gives TMO_EOVERFLOW") {
    const auto most = tmo::money::from_pence(std::numeric_limits<std::int64_t>::max());
    CHECK(entry_point([&] { (void)(most + tmo::money::from_pence(1)); }) == TMO_EOVERFLOW);
    CHECK(tmo_error_last()->code == TMO_EOVERFLOW);
    CHECK(last_message().find("overflow") != std::string::npos);
    CHECK(std::string(tmo_error_last()->file).empty());
}

TEST_CASE("c_api translator: a zero divisor in tmo::rational gives TMO_EDOMAIN") {
    CHECK(entry_point([] { (void)(tmo::rational(1) / tmo::rational(0)); }) == TMO_EDOMAIN);
}

TEST_CASE("c_api translator: std::bad_alloc gives TMO_ENOMEM") {
    CHECK(entry_point([] { throw std::bad_alloc(); }) == TMO_ENOMEM);
    CHECK(last_message() == "out of memory");
}

TEST_CASE("c_api translator: Boost overflow and zero denominators give TMO_EOVERFLOW and TMO_EDOMAIN") {
    using boost::multiprecision::checked_int128_t;
    CHECK(entry_point([] {
              checked_int128_t x = (std::numeric_limits<checked_int128_t>::max)();
              x *= 2;
          }) == TMO_EOVERFLOW);
    CHECK(last_message().find("overflow in multiplication") != std::string::npos);
    // boost::bad_rational is a std::domain_error.
    CHECK(entry_point([] { (void)tmo::rational::value_type("1/0"); }) == TMO_EDOMAIN);
    CHECK(entry_point([] { throw std::invalid_argument("negative argument"); }) == TMO_EDOMAIN);
    CHECK(last_message().find("negative argument") != std::string::npos);
}

TEST_CASE("c_api translator: any other exception gives TMO_EINTERNAL with its text") {
    // Boost's integer parser reports bad text with a plain std::runtime_error.
    CHECK(entry_point([] { (void)boost::multiprecision::cpp_int("12x"); }) == TMO_EINTERNAL);
    CHECK(last_message().find("please report it") != std::string::npos);
    CHECK(entry_point([] { throw 42; }) == TMO_EINTERNAL);
    CHECK(last_message().find("unknown type") != std::string::npos);
}

TEST_CASE("c_api translator: an error without a code is an internal error") {
    CHECK(tmo::detail::fail(tmo::error(tmo::errc::ok, "oops")) == TMO_EINTERNAL);
    CHECK(last_message().find("oops") != std::string::npos);
}

TEST_CASE("c_api translator: a success after a failure resets the last error") {
    CHECK(entry_point([] { throw std::bad_alloc(); }) == TMO_ENOMEM);
    CHECK(entry_point([] {}) == TMO_OK);
    CHECK(tmo_error_last()->code == TMO_OK);
    CHECK(last_message().empty());
}
