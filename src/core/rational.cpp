#include <tmo/core/rational.hpp>

#include <algorithm>
#include <cstddef>

namespace tmo {
inline namespace v1 {

namespace {

constexpr std::size_t max_number_text = 4096;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

integer power_of_ten(std::size_t exponent) {
    integer p = 1;
    for (std::size_t i = 0; i < exponent; ++i) p *= 10;
    return p;
}

// Parses a run of ASCII digits; the caller has checked that `digits` is non-empty and all digits.
integer parse_digits(std::string_view digits) {
    integer n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

unexpected syntax_error(std::string_view text) {
    return unexpected(errc::syntax, "\"" + std::string(text) +
                                        "\" is not an exact number: expected an integer (\"3\"), a fraction (\"2/3\"), "
                                        "a decimal (\"0.75\") or a percentage (\"75%\")");
}

// Inserts a decimal point `places` digits from the right of the digits of `magnitude`.
std::string with_point(const integer& magnitude, unsigned places, bool negative) {
    std::string digits = magnitude.str();
    if (places > 0) {
        if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
        digits.insert(digits.size() - places, 1, '.');
    }
    return negative ? "-" + digits : digits;
}

}  // namespace

rational::rational(const integer& numerator, const integer& denominator) {
    if (denominator == 0) throw error_exception(tmo::error(errc::domain, "fraction with a zero denominator"));
    // Boost 1.74's rational adaptor rejects a negative denominator, so the sign moves to the numerator first.
    value_ = denominator < 0 ? value_type(integer(-numerator), integer(-denominator))
                             : value_type(numerator, denominator);
}

rational& rational::operator/=(const rational& rhs) {
    if (rhs.sign() == 0) throw error_exception(tmo::error(errc::domain, "division by zero"));
    value_ /= rhs.value_;
    return *this;
}

result<rational> rational::parse(std::string_view text) {
    if (text.size() > max_number_text)
        return unexpected(errc::too_large, "number text longer than " + std::to_string(max_number_text) + " characters");
    std::string_view s = trim_spaces(text);
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s = trim_spaces(s.substr(0, s.size() - 1));
    }
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    rational value;
    if (const auto slash = s.find('/'); slash != std::string_view::npos) {
        const std::string_view num = s.substr(0, slash), den = s.substr(slash + 1);
        if (!all_digits(num) || !all_digits(den)) return syntax_error(text);
        const integer d = parse_digits(den);
        if (d == 0) return unexpected(errc::domain, "\"" + std::string(text) + "\" has a zero denominator");
        value = rational(parse_digits(num), d);
    } else if (const auto point = s.find('.'); point != std::string_view::npos) {
        const std::string_view whole = s.substr(0, point), fraction = s.substr(point + 1);
        if (!all_digits(whole) || !all_digits(fraction)) return syntax_error(text);
        value = rational(parse_digits(whole) * power_of_ten(fraction.size()) + parse_digits(fraction),
                         power_of_ten(fraction.size()));
    } else {
        if (!all_digits(s)) return syntax_error(text);
        value = rational(parse_digits(s));
    }
    if (negative) value = -value;
    if (percent) value /= 100;
    return value;
}

result<integer> divide_rounded(const integer& n, const integer& d, rounding mode) {
    if (d == 0) return unexpected(errc::domain, "division by zero");
    integer num = d < 0 ? integer(-n) : n;
    const integer den = d < 0 ? integer(-d) : d;
    integer quotient, remainder;
    boost::multiprecision::divide_qr(num, den, quotient, remainder);  // truncates towards zero
    if (remainder == 0) return quotient;
    const int sign = num.sign();  // the sign of the exact quotient, also when the truncated one is 0
    const integer twice = 2 * boost::multiprecision::abs(remainder);
    switch (mode) {
        case rounding::never:
            return unexpected(errc::inexact, "the exact value " + rational(n, d).to_string() +
                                                 " is not whole and the rounding mode is 'never'");
        case rounding::truncate: return quotient;
        case rounding::floor: return sign < 0 ? integer(quotient - 1) : quotient;
        case rounding::ceil: return sign > 0 ? integer(quotient + 1) : quotient;
        case rounding::half_up: return twice >= den ? integer(quotient + sign) : quotient;
        case rounding::half_even:
            if (twice > den || (twice == den && boost::multiprecision::bit_test(boost::multiprecision::abs(quotient), 0)))
                return integer(quotient + sign);
            return quotient;
    }
    return unexpected(errc::invalid_argument, "unknown rounding mode");
}

result<integer> rational::round(rounding mode) const { return divide_rounded(numerator(), denominator(), mode); }

integer rational::floor() const { return divide_rounded(numerator(), denominator(), rounding::floor).value(); }

integer rational::ceil() const { return divide_rounded(numerator(), denominator(), rounding::ceil).value(); }

std::string rational::to_string() const {
    if (is_integer()) return numerator().str();
    return numerator().str() + "/" + denominator().str();
}

std::string rational::to_exact_text() const {
    // A decimal terminates when the denominator has no prime factors but 2 and 5; it needs max(twos, fives) places.
    integer d = denominator();
    unsigned twos = 0, fives = 0;
    for (; d % 2 == 0; d /= 2) ++twos;
    for (; d % 5 == 0; d /= 5) ++fives;
    if (d != 1) return to_string();
    return to_decimal(std::max(twos, fives), rounding::never).value();
}

result<std::string> rational::to_decimal(unsigned places, rounding mode) const {
    auto scaled = divide_rounded(numerator() * power_of_ten(places), denominator(), mode);
    if (!scaled) return unexpected(scaled.error());
    return with_point(boost::multiprecision::abs(*scaled), places, scaled->sign() < 0);
}

result<std::string> rational::to_percent(unsigned places, rounding mode) const {
    auto text = (*this * 100).to_decimal(places, mode);
    if (!text) return text;
    return *text + "%";
}

}  // namespace v1
}  // namespace tmo
