// tmo/core/rational.hpp: tmo::rational, an exact fraction of arbitrary size, and tmo::integer.
//
// Every threshold, quota, weight and share in tmo is a rational. It is built from integers or from text
// ("2/3", "0.1", "66.67", "75%") and never from floating point: `tmo::rational{0.1}` does not compile.
#pragma once

#include <tmo/core/rounding.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {

/// An arbitrary-size signed integer (Boost.Multiprecision cpp_int, expression templates off).
using integer = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>,
                                              boost::multiprecision::et_off>;

/// Types a rational may be built from implicitly: the built-in integers other than bool and the character types.
template <class T>
concept exact_integral = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                         !std::same_as<T, char8_t> && !std::same_as<T, char16_t> && !std::same_as<T, char32_t> &&
                         !std::same_as<T, wchar_t>;

/// An exact fraction, always held in lowest terms with a positive denominator.
///
/// Arithmetic never rounds. Division by zero throws tmo::error_exception with errc::domain.
/// Thread safety: distinct objects may be used concurrently; a const object may be read from several threads.
class rational {
public:
    /// The Boost.Multiprecision type underneath (cpp_rational, expression templates off).
    using value_type = boost::multiprecision::number<boost::multiprecision::cpp_rational_backend,
                                                     boost::multiprecision::et_off>;

    /// Zero.
    rational() = default;
    /// The integer `value`.
    template <exact_integral I>
    rational(I value) : value_(value) {}
    /// The integer `value`.
    rational(const integer& value) : value_(value) {}
    /// numerator / denominator, reduced. @throws tmo::error_exception (errc::domain) if denominator is 0.
    rational(const integer& numerator, const integer& denominator);
    /// Wraps a Boost value.
    explicit rational(value_type value) : value_(std::move(value)) {}

    /// Floating point is never exact: these constructors are deleted on purpose.
    template <std::floating_point F>
    rational(F) = delete;

    /// Parses an exact value from text, ignoring surrounding ASCII spaces:
    /// an integer ("3", "-12"), a fraction ("2/3", "-4/6"), a decimal ("0.1", "66.67") or a percentage of either
    /// form ("75%", "66.67%", "1/3%"). Thousands separators, exponents and a lone "." are not accepted.
    /// @return the value, or errc::syntax (not a number), errc::domain (zero denominator),
    ///         errc::too_large (more than 4096 characters).
    [[nodiscard]] static result<rational> parse(std::string_view text);

    [[nodiscard]] integer numerator() const { return boost::multiprecision::numerator(value_); }
    [[nodiscard]] integer denominator() const { return boost::multiprecision::denominator(value_); }
    /// -1, 0 or 1.
    [[nodiscard]] int sign() const { return value_.sign(); }
    [[nodiscard]] bool is_integer() const { return denominator() == 1; }
    [[nodiscard]] const value_type& value() const noexcept { return value_; }

    /// The whole number nearest under `mode`. @return errc::inexact when mode is never and this is not whole.
    [[nodiscard]] result<integer> round(rounding mode) const;
    [[nodiscard]] integer floor() const;
    [[nodiscard]] integer ceil() const;

    /// "p/q" in lowest terms, or "p" when the value is whole ("2/3", "-5", "0").
    [[nodiscard]] std::string to_string() const;
    /// The exact value as a decimal when it has a finite one, with as few places as that needs ("0.125", "-12",
    /// "37.5"), or else as "p/q" ("37/3").
    [[nodiscard]] std::string to_exact_text() const;
    /// The decimal text with exactly `places` digits after the point, rounded by `mode`
    /// ("66.67" for 2/3 with 2 places, half_up). @return errc::inexact when mode is never and digits would be lost.
    [[nodiscard]] result<std::string> to_decimal(unsigned places, rounding mode) const;
    /// Like to_decimal, but as a percentage with a trailing '%' ("66.7%" for 2/3 with 1 place, half_up).
    [[nodiscard]] result<std::string> to_percent(unsigned places, rounding mode) const;

    rational& operator+=(const rational& rhs) { value_ += rhs.value_; return *this; }
    rational& operator-=(const rational& rhs) { value_ -= rhs.value_; return *this; }
    rational& operator*=(const rational& rhs) { value_ *= rhs.value_; return *this; }
    /// @throws tmo::error_exception (errc::domain) if rhs is 0.
    rational& operator/=(const rational& rhs);

    friend rational operator+(rational lhs, const rational& rhs) { return lhs += rhs; }
    friend rational operator-(rational lhs, const rational& rhs) { return lhs -= rhs; }
    friend rational operator*(rational lhs, const rational& rhs) { return lhs *= rhs; }
    friend rational operator/(rational lhs, const rational& rhs) { return lhs /= rhs; }
    friend rational operator-(const rational& r) { return rational(value_type(-r.value_)); }
    friend rational abs(const rational& r) { return r.sign() < 0 ? -r : r; }

    friend bool operator==(const rational& a, const rational& b) { return a.value_ == b.value_; }
    friend std::strong_ordering operator<=>(const rational& a, const rational& b) {
        const int c = a.value_.compare(b.value_);
        return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }

private:
    value_type value_;
};

/// Divides n by d exactly and rounds the quotient by `mode`. @return errc::domain if d is 0,
/// errc::inexact if mode is never and d does not divide n.
[[nodiscard]] result<integer> divide_rounded(const integer& n, const integer& d, rounding mode);

}  // namespace v1
}  // namespace tmo
