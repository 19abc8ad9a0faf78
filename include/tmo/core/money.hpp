// tmo/core/money.hpp: tmo::money, an exact amount of pounds sterling held as whole pence.
//
// Money is never floating point. Sums and differences are exact and overflow-checked; products and shares go
// through tmo::rational and come back with a named rounding mode (money::from_rational).
#pragma once

#include <tmo/core/rounding.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {

class rational;

/// How money::format writes an amount.
struct money_format {
    bool currency_symbol = true;   ///< prefix "£"
    bool thousands_separator = true;  ///< group whole pounds with ","
};

/// An amount of money in pence (GBP, two decimal places), from -92,233,720,368,547,758.07 to
/// 92,233,720,368,547,758.07.
///
/// Arithmetic that would leave that range throws tmo::error_exception with errc::overflow; it never wraps.
/// money * money does not exist (it has no meaning); money * integer and money / integer (rounded) do.
class money {
public:
    static constexpr std::int64_t pence_per_pound = 100;

    /// Zero.
    constexpr money() = default;
    /// Floating point is never exact: these constructors are deleted on purpose.
    template <std::floating_point F>
    money(F) = delete;

    /// An amount of whole pence.
    [[nodiscard]] static constexpr money from_pence(std::int64_t pence) noexcept { return money(pence); }
    /// An amount of whole pounds. @throws tmo::error_exception (errc::overflow) beyond the range.
    [[nodiscard]] static money from_pounds(std::int64_t pounds);

    /// Parses "1234.56", "1,234.56", "£1,234.56", "-0.05", "-£5", "£-5.00" and "5.5" (5.50).
    /// Thousands separators, when used, must group by three. More than two decimals is errc::inexact unless
    /// `mode` is given, in which case the amount is rounded by it ("0.125" half_even -> 0.12).
    /// @return the amount, or errc::syntax (with the column in error().where()), errc::inexact, errc::overflow.
    [[nodiscard]] static result<money> parse(std::string_view text, std::optional<rounding> mode = std::nullopt);

    /// An exact amount of pounds rounded to pence by `mode`.
    /// @return errc::inexact (mode never and not a whole number of pence) or errc::overflow.
    [[nodiscard]] static result<money> from_rational(const rational& pounds, rounding mode);

    [[nodiscard]] constexpr std::int64_t pence() const noexcept { return pence_; }
    /// The exact amount in pounds (1234.56 -> 30864/25).
    [[nodiscard]] rational to_rational() const;

    /// Plain decimal text with two places and a leading '-' when negative: "1234.56", "-0.05", "0.00".
    [[nodiscard]] std::string to_string() const;
    /// Text for people: "£1,234.56", "-£0.05" by default.
    [[nodiscard]] std::string format(money_format options = {}) const;

    money& operator+=(money rhs);
    money& operator-=(money rhs);
    friend money operator+(money a, money b) { return a += b; }
    friend money operator-(money a, money b) { return a -= b; }
    /// @throws tmo::error_exception (errc::overflow) for the most negative amount.
    friend money operator-(money a);
    /// @throws tmo::error_exception (errc::overflow) beyond the range.
    friend money operator*(money a, std::int64_t factor);
    friend money operator*(std::int64_t factor, money a) { return a * factor; }

    friend constexpr bool operator==(money, money) = default;
    friend constexpr std::strong_ordering operator<=>(money, money) = default;

private:
    constexpr explicit money(std::int64_t pence) noexcept : pence_(pence) {}
    std::int64_t pence_ = 0;
};

}  // namespace v1
}  // namespace tmo
