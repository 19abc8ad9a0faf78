#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/text.hpp>

#include <cstdint>
#include <limits>

namespace tmo {
inline namespace v1 {

namespace {

constexpr std::string_view pound_sign = "\xC2\xA3";  // U+00A3 in UTF-8

[[noreturn]] void throw_overflow(const char* operation) {
    throw error_exception(tmo::error(errc::overflow, std::string("money overflow in ") + operation +
                                                         ": the result is beyond ±£92,233,720,368,547,758.07"));
}

result<money> from_integer_pence(const integer& pence) {
    if (pence > std::numeric_limits<std::int64_t>::max() || pence < std::numeric_limits<std::int64_t>::min())
        return unexpected(errc::overflow, "the amount is beyond ±£92,233,720,368,547,758.07");
    return money::from_pence(pence.convert_to<std::int64_t>());
}

// `text` in double quotes.
std::string quoted(std::string_view text) {
    std::string out(1, '"');
    out.append(text);
    out += '"';
    return out;
}

// The magnitude of an amount in pence as text, without sign: "123456" -> "1234.56" or "1,234.56".
std::string magnitude_text(std::int64_t pence, bool separators) {
    const std::uint64_t magnitude =
        pence < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    std::string whole = std::to_string(magnitude / 100);
    if (separators) whole = group_thousands(whole);
    const auto cents = static_cast<unsigned>(magnitude % 100);
    return whole + '.' + static_cast<char>('0' + cents / 10) + static_cast<char>('0' + cents % 10);
}

// The 1-based column (in code points) of byte offset `at` within `text`.
std::uint32_t column_of(std::string_view text, std::size_t at) {
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

}  // namespace

money money::from_pounds(std::int64_t pounds) {
    std::int64_t pence = 0;
    if (__builtin_mul_overflow(pounds, pence_per_pound, &pence)) throw_overflow("from_pounds");
    return money(pence);
}

result<money> money::parse(std::string_view text, std::optional<rounding> mode) {
    const auto fail = [&](std::size_t at, const std::string& what) {
        return unexpected(errc::syntax, quoted(text) + " is not an amount of money: " + what,
                          source_location{{}, 1, column_of(text, at), {}});
    };
    std::size_t i = 0;
    const auto skip_spaces = [&] {
        while (i < text.size() && text[i] == ' ') ++i;
    };
    const auto take_sign = [&] {
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) return text[i++] == '-';
        return false;
    };
    skip_spaces();
    bool negative = take_sign();
    if (text.substr(i, pound_sign.size()) == pound_sign) {
        i += pound_sign.size();
        if (!negative) negative = take_sign();
    }
    // Whole pounds: digits, optionally grouped by three with commas.
    std::string whole;
    std::size_t group = 0;
    bool grouped = false;
    const std::size_t whole_start = i;
    for (; i < text.size() && (text[i] == ',' || (text[i] >= '0' && text[i] <= '9')); ++i) {
        if (text[i] == ',') {
            if (whole.empty() || (grouped && group != 3) || (!grouped && group > 3))
                return fail(i, "thousands separators must group digits by three");
            grouped = true;
            group = 0;
        } else {
            whole += text[i];
            ++group;
        }
    }
    if (whole.empty()) return fail(whole_start, "expected digits such as 1234.56");
    if (grouped && group != 3) return fail(i, "thousands separators must group digits by three");
    std::string fraction;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) fraction += text[i];
        if (fraction.empty()) return fail(i, "expected digits after the decimal point");
    }
    skip_spaces();
    if (i != text.size()) return fail(i, "unexpected character");
    if (whole.size() + fraction.size() > 40) return unexpected(errc::overflow, "the amount " + quoted(text) + " is beyond ±£92,233,720,368,547,758.07");

    auto exact = rational::parse(whole + (fraction.empty() ? "" : "." + fraction));
    if (!exact) return unexpected(exact.error());
    if (negative) *exact = -*exact;
    auto amount = from_rational(*exact, mode.value_or(rounding::never));
    if (!amount && amount.error().code() == errc::inexact)
        return unexpected(errc::inexact, quoted(text) + " has " + std::to_string(fraction.size()) +
                                             " decimal places; money has 2 (name a rounding mode to round it)");
    return amount;
}

result<money> money::from_rational(const rational& pounds, rounding mode) {
    auto pence = divide_rounded(pounds.numerator() * pence_per_pound, pounds.denominator(), mode);
    if (!pence) return unexpected(pence.error());
    return from_integer_pence(*pence);
}

rational money::to_rational() const { return rational(integer(pence_), integer(pence_per_pound)); }

std::string money::to_string() const {
    std::string out = pence_ < 0 ? "-" : "";
    return out.append(magnitude_text(pence_, false));
}

std::string money::format(money_format options) const {
    std::string out = pence_ < 0 ? "-" : "";
    if (options.currency_symbol) out += pound_sign;
    return out + magnitude_text(pence_, options.thousands_separator);
}

money& money::operator+=(money rhs) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(pence_, rhs.pence_, &sum)) throw_overflow("addition");
    pence_ = sum;
    return *this;
}

money& money::operator-=(money rhs) {
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(pence_, rhs.pence_, &difference)) throw_overflow("subtraction");
    pence_ = difference;
    return *this;
}

money operator-(money a) {
    if (a.pence_ == std::numeric_limits<std::int64_t>::min()) throw_overflow("negation");
    return money(-a.pence_);
}

money operator*(money a, std::int64_t factor) {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a.pence_, factor, &product)) throw_overflow("multiplication");
    return money(product);
}

}  // namespace v1
}  // namespace tmo
