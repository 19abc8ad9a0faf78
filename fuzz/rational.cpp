// fuzz_rational: tmo::rational::parse. Invariants: a value read back from its text "p/q" (to_string) and from its exact
// text (to_exact_text) is the same value; p/q is in lowest terms with a positive denominator.
#include "fuzz.hpp"

#include <tmo/core/rational.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const tmo::result<tmo::rational> value = tmo::rational::parse(tmo_fuzz::text(data, size));
    if (!value) {
        tmo_fuzz::check_error(value.error(), {});
        return 0;
    }
    TMO_FUZZ_CHECK(value->denominator() > 0);
    TMO_FUZZ_CHECK(gcd(value->numerator(), value->denominator()) == 1);
    const tmo::result<tmo::rational> from_fraction = tmo::rational::parse(value->to_string());
    TMO_FUZZ_CHECK(from_fraction.has_value() && *from_fraction == *value);
    const std::string exact = value->to_exact_text();
    if (exact.size() <= 4096) {
        const tmo::result<tmo::rational> from_exact = tmo::rational::parse(exact);
        TMO_FUZZ_CHECK(from_exact.has_value() && *from_exact == *value);
    }
    return 0;
}
