// bindings/c/src/money.cpp: money, apportionment and exact fractions for C callers.
#include "waist.hpp"

#include <tmo/core/apportion.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::in_argument;
using tmo::detail::null_argument;

namespace {

// tmo_apportion and tmo_apportion_each: the weights parsed, split by `split`, written to out_shares.
template <class Split>
int apportion_with(int64_t* out_shares, int64_t total_pence, const char* const* weights, size_t count, Split&& split) {
    if (out_shares == nullptr) return null_argument("out_shares");
    std::fill_n(out_shares, count, int64_t{0});
    if (weights == nullptr) return null_argument("weights");
    std::vector<tmo::rational> exact;
    exact.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string argument = "weights[" + std::to_string(i) + "]";
        if (weights[i] == nullptr) return null_argument(argument.c_str());
        auto weight = tmo::rational::parse(weights[i]);
        if (!weight) return fail(in_argument(weight.error(), argument));
        exact.push_back(std::move(*weight));
    }
    const tmo::result<std::vector<tmo::money>> shares = split(tmo::money::from_pence(total_pence), exact);
    if (!shares) return fail(shares.error());
    std::transform(shares->begin(), shares->end(), out_shares, [](tmo::money share) { return share.pence(); });
    return TMO_OK;
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_money_parse(int64_t* out_pence, const char* text) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out_pence == nullptr) return null_argument("out_pence");
        *out_pence = 0;
        if (text == nullptr) return null_argument("text");
        const auto amount = tmo::money::parse(text);
        if (!amount) return fail(amount.error());
        *out_pence = amount->pence();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_money_format(char* buf, size_t cap, int64_t pence, unsigned flags) noexcept {
    return guarded(__func__, [&]() -> int {
        if (buf == nullptr && cap != 0) return null_argument("buf");
        if (cap != 0) buf[0] = '\0';
        constexpr unsigned known_flags = TMO_MONEY_SYMBOL | TMO_MONEY_THOUSANDS;
        if ((flags & ~known_flags) != 0)
            return fail(TMO_EINVAL, "unknown flags " + std::to_string(flags & ~known_flags) +
                                        ": expected TMO_MONEY_SYMBOL and TMO_MONEY_THOUSANDS");
        const std::string text = tmo::money::from_pence(pence).format(
            tmo::money_format{(flags & TMO_MONEY_SYMBOL) != 0, (flags & TMO_MONEY_THOUSANDS) != 0});
        if (cap != 0) {
            const std::size_t kept = std::min(text.size(), cap - 1);
            std::memcpy(buf, text.data(), kept);
            buf[kept] = '\0';
        }
        return static_cast<int>(text.size());  // at most 32 bytes
    });
}

TMO_API int TMO_CALL tmo_apportion(int64_t* out_shares, int64_t total_pence, const char* const* weights,
                                   size_t count) noexcept {
    return guarded(__func__, [&]() -> int {
        return apportion_with(out_shares, total_pence, weights, count,
                              [](tmo::money total, const std::vector<tmo::rational>& w) { return tmo::apportion(total, w); });
    });
}

TMO_API int TMO_CALL tmo_apportion_each(int64_t* out_shares, int64_t total_pence, const char* const* weights,
                                        size_t count, const char* rounding) noexcept {
    return guarded(__func__, [&]() -> int {
        if (rounding == nullptr) {
            if (out_shares != nullptr) std::fill_n(out_shares, count, int64_t{0});
            return null_argument("rounding");
        }
        const auto mode = tmo::parse_rounding(rounding);
        if (!mode) {
            if (out_shares != nullptr) std::fill_n(out_shares, count, int64_t{0});
            return fail(TMO_EINVAL, "rounding: " + mode.error().message());
        }
        return apportion_with(out_shares, total_pence, weights, count,
                              [&](tmo::money total, const std::vector<tmo::rational>& w) {
                                  return tmo::apportion_each(total, w, *mode);
                              });
    });
}

TMO_API int TMO_CALL tmo_fraction_normalise(tmo_buf* out, const char* text) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (text == nullptr) return null_argument("text");
        const auto value = tmo::rational::parse(text);
        if (!value) return fail(value.error());
        tmo::detail::set_buf(*out, value->to_string());
        return TMO_OK;
    });
}

}  // extern "C"
