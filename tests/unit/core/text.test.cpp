#include <tmo/core/text.hpp>

#include <doctest/doctest.h>

using tmo::group_thousands;

TEST_CASE("group_thousands groups the whole part by three") {
    CHECK(group_thousands("1234567.89") == "1,234,567.89");
    CHECK(group_thousands("-1234") == "-1,234");
    CHECK(group_thousands("999.5") == "999.5");
    CHECK(group_thousands("1000") == "1,000");
    CHECK(group_thousands("100") == "100");
    CHECK(group_thousands("0.00") == "0.00");
    CHECK(group_thousands("-0.05") == "-0.05");
    CHECK(group_thousands("12345.6789") == "12,345.6789");  // the fraction is never grouped
    CHECK(group_thousands("\xC2\xA3" "25000") == "\xC2\xA3" "25,000");
    CHECK(group_thousands("") == "");
}
