#include <tmo/core/apportion.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

using tmo::errc;
using tmo::money;
using tmo::rational;

namespace {

std::vector<std::int64_t> pence(const std::vector<money>& shares) {
    std::vector<std::int64_t> out;
    for (money m : shares) out.push_back(m.pence());
    return out;
}

// Reference largest remainder, written differently: hand out whole pence one at a time to the unit whose exact
// entitlement most exceeds what it has, the earliest unit first among equals.
std::vector<std::int64_t> reference_apportion(std::int64_t total, const std::vector<rational>& weights) {
    rational sum;
    for (const rational& w : weights) sum += w;
    std::vector<std::int64_t> shares(weights.size(), 0);
    std::vector<rational> entitlement;
    for (const rational& w : weights) entitlement.push_back(rational(total) * w / sum);
    // First the whole pence each is surely owed (entitlements are not negative, so integer division floors) ...
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        shares[i] = tmo::integer(entitlement[i].numerator() / entitlement[i].denominator()).convert_to<std::int64_t>();
        given += shares[i];
    }
    // ... then the rest by greatest shortfall.
    for (; given < total; ++given) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < weights.size(); ++i)
            if (entitlement[i] - rational(shares[i]) > entitlement[best] - rational(shares[best])) best = i;
        ++shares[best];
    }
    return shares;
}

}  // namespace

TEST_CASE("apportion worked examples from contracts.md") {
    // £1,000.00 over three equal units: the leftover penny goes to the first unit.
    const std::vector<rational> equal{1, 1, 1};
    CHECK(pence(tmo::apportion(money::from_pence(100000), equal).value()) == std::vector<std::int64_t>{33334, 33333, 33333});
    // £13,595.71 over weights 213 / 180 / 250.
    const std::vector<rational> rv{213, 180, 250};
    CHECK(pence(tmo::apportion(money::from_pence(1359571), rv).value()) ==
          std::vector<std::int64_t>{450371, 380595, 528605});
}

TEST_CASE("apportion each unit separately as councils charge service charges") {
    // Greenwich: estate caretaking £13,595.71 x RV 213 / estate RV 121,318 -> £23.87;
    // block repair £813.62 x 213 / 3,384 -> £51.21.
    const std::vector<rational> estate{213, 121318 - 213};
    CHECK(tmo::apportion_each(money::from_pence(1359571), estate, tmo::rounding::half_up).value()[0].pence() == 2387);
    const std::vector<rational> block{213, 3384 - 213};
    CHECK(tmo::apportion_each(money::from_pence(81362), block, tmo::rounding::half_up).value()[0].pence() == 5121);
    CHECK(tmo::apportion_each(money::from_pence(100), std::vector<rational>{1, 2}, tmo::rounding::never)
              .error().code() == errc::inexact);
}

TEST_CASE("apportion refunds and edge cases") {
    const std::vector<rational> equal{1, 1, 1};
    CHECK(pence(tmo::apportion(money::from_pence(-100000), equal).value()) ==
          std::vector<std::int64_t>{-33334, -33333, -33333});
    CHECK(pence(tmo::apportion(money::from_pence(0), equal).value()) == std::vector<std::int64_t>{0, 0, 0});
    const std::vector<rational> one_counts{0, 1};
    const auto min_pence = std::numeric_limits<std::int64_t>::min();
    CHECK(pence(tmo::apportion(money::from_pence(min_pence), one_counts).value()) ==
          std::vector<std::int64_t>{0, min_pence});
    CHECK(tmo::apportion(money::from_pence(100), std::vector<rational>{}).error().code() == errc::invalid_argument);
    CHECK(tmo::apportion(money::from_pence(100), std::vector<rational>{1, -1}).error().code() == errc::invalid_value);
    CHECK(tmo::apportion(money::from_pence(100), std::vector<rational>{0, 0}).error().code() == errc::domain);
}

TEST_CASE("apportion matches the reference and always sums to the total") {
    std::mt19937_64 rng(20261122);
    std::uniform_int_distribution<std::int64_t> amount(0, 5'000'000);
    std::uniform_int_distribution<int> count(1, 9), numerator(0, 40), denominator(1, 7);
    for (int round = 0; round < 300; ++round) {
        const std::int64_t total = amount(rng);
        std::vector<rational> weights;
        const int n = count(rng);
        for (int i = 0; i < n; ++i) weights.emplace_back(numerator(rng), denominator(rng));
        if (std::all_of(weights.begin(), weights.end(), [](const rational& w) { return w.sign() == 0; }))
            weights[0] = 1;
        CAPTURE(total);
        const auto shares = pence(tmo::apportion(money::from_pence(total), weights).value());
        CHECK(shares == reference_apportion(total, weights));
        std::int64_t sum = 0;
        for (std::int64_t s : shares) sum += s;
        CHECK(sum == total);
    }
}
