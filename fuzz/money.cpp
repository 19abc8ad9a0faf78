// fuzz_money: tmo::money::parse. Invariants: an amount read back from its plain text (to_string) and from its text for
// people (format) is the same amount; with a rounding mode, text that parses exactly parses to the same amount.
#include "fuzz.hpp"

#include <tmo/core/money.hpp>
#include <tmo/core/rounding.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = tmo_fuzz::text(data, size);
    const tmo::result<tmo::money> exact = tmo::money::parse(input);
    const tmo::result<tmo::money> rounded = tmo::money::parse(input, tmo::rounding::half_even);
    if (!exact) {
        tmo_fuzz::check_error(exact.error(), {});
    } else {
        TMO_FUZZ_CHECK(rounded.has_value() && *rounded == *exact);
        const tmo::result<tmo::money> plain = tmo::money::parse(exact->to_string());
        TMO_FUZZ_CHECK(plain.has_value() && *plain == *exact);
        const tmo::result<tmo::money> formatted = tmo::money::parse(exact->format());
        TMO_FUZZ_CHECK(formatted.has_value() && *formatted == *exact);
        TMO_FUZZ_CHECK(tmo::money::from_rational(exact->to_rational(), tmo::rounding::never).value() == *exact);
    }
    if (rounded) {
        const tmo::result<tmo::money> again = tmo::money::parse(rounded->to_string());
        TMO_FUZZ_CHECK(again.has_value() && *again == *rounded);
    } else {
        tmo_fuzz::check_error(rounded.error(), {});
    }
    return 0;
}
