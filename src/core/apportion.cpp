#include <tmo/core/apportion.hpp>

#include <algorithm>
#include <numeric>

namespace tmo {
inline namespace v1 {

namespace {

// Σ weights, after checking there is at least one weight, none negative and not all zero.
result<rational> total_weight(std::span<const rational> weights) {
    if (weights.empty()) return unexpected(errc::invalid_argument, "nothing to apportion over: no weights");
    rational sum;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i].sign() < 0)
            return unexpected(errc::invalid_value, "weight " + std::to_string(i + 1) + " is negative (" +
                                                       weights[i].to_string() + ")");
        sum += weights[i];
    }
    if (sum.sign() == 0) return unexpected(errc::domain, "every weight is zero");
    return sum;
}

}  // namespace

result<std::vector<money>> apportion(money total, std::span<const rational> weights) {
    auto sum = total_weight(weights);
    if (!sum) return unexpected(sum.error());
    const bool refund = total.pence() < 0;
    // |total| as an integer, safe for the most negative amount.
    const integer magnitude = refund ? integer(-integer(total.pence())) : integer(total.pence());

    std::vector<integer> floors(weights.size());
    std::vector<rational> remainders(weights.size());
    integer allotted = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const rational exact = rational(magnitude) * weights[i] / *sum;
        floors[i] = exact.floor();
        remainders[i] = exact - rational(floors[i]);
        allotted += floors[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const auto leftover = (magnitude - allotted).convert_to<std::size_t>();  // < weights.size()
    for (std::size_t k = 0; k < leftover; ++k) floors[order[k]] += 1;

    std::vector<money> shares;
    shares.reserve(weights.size());
    for (const integer& pence : floors)  // each share lies between 0 and total, so it fits
        shares.push_back(money::from_pence((refund ? integer(-pence) : pence).convert_to<std::int64_t>()));
    return shares;
}

result<std::vector<money>> apportion_each(money total, std::span<const rational> weights, rounding mode) {
    auto sum = total_weight(weights);
    if (!sum) return unexpected(sum.error());
    std::vector<money> shares;
    shares.reserve(weights.size());
    for (const rational& weight : weights) {
        auto share = money::from_rational(total.to_rational() * weight / *sum, mode);
        if (!share) return unexpected(share.error());
        shares.push_back(*share);
    }
    return shares;
}

}  // namespace v1
}  // namespace tmo
