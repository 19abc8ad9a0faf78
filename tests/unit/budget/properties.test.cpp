// Properties every rule must have, on generated instances: never over budget; Method of Equal Shares payments never
// exceed what a voter has (so never her endowment) and add up to the cost; results independent of ballot order.
#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/greedy.hpp>
#include <tmo/budget/phragmen.hpp>
#include <tmo/budget/welfare.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>

using namespace tmo;
using namespace tmo::budget;

namespace {

// A small deterministic generator (64-bit LCG) so that failures reproduce.
struct lcg {
    std::uint64_t state;
    std::uint64_t next(std::uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % bound;
    }
};

struct generated {
    std::vector<project> projects;
    rational budget;
    std::vector<ballot> raw;  // one per voter, unmerged
    vote_type type = vote_type::approval;
};

generated generate(std::uint64_t seed, bool cumulative) {
    lcg r{seed};
    generated g;
    g.type = cumulative ? vote_type::cumulative : vote_type::approval;
    const std::size_t projects = 3 + r.next(8);
    rational total;
    for (std::size_t p = 0; p < projects; ++p) {
        // Costs with cents sometimes, so that scaling to integers is exercised.
        const rational cost = rational(static_cast<long>(100 + r.next(900))) + rational(static_cast<long>(r.next(4) * 25), 100);
        g.projects.push_back({"p" + std::to_string(p), cost, "", {}, {}, {}, {}});
        total += cost;
    }
    g.budget = total * rational(static_cast<long>(2 + r.next(5)), 10);
    const std::size_t voters = 5 + r.next(40);
    for (std::size_t v = 0; v < voters; ++v) {
        ballot b;
        for (std::size_t p = 0; p < projects; ++p)
            if (r.next(3) == 0) {
                b.projects.push_back(p);
                if (cumulative) b.points.push_back(static_cast<std::int64_t>(1 + r.next(5)));
            }
        if (b.projects.empty()) {
            b.projects.push_back(r.next(projects));
            if (cumulative) b.points.push_back(1);
        }
        b.voter_ids.push_back("v" + std::to_string(v));
        g.raw.push_back(std::move(b));
    }
    return g;
}

instance build(const generated& g, std::uint64_t shuffle_seed) {
    instance inst;
    inst.budget = g.budget;
    inst.type = g.type;
    inst.projects = g.projects;
    std::vector<ballot> order = g.raw;
    lcg r{shuffle_seed};
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r.next(i)]);
    ballot_merger merger(inst);
    for (ballot& b : order) merger.add(std::move(b));
    return inst;
}

std::vector<std::size_t> sorted(std::vector<std::size_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST_CASE("properties hold on generated instances") {
    const tie_breaking ties{{tie_criterion::min_cost, tie_criterion::id_natural}, {}};
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        const generated g = generate(seed, seed % 3 == 0);
        const instance a = build(g, seed), b = build(g, seed * 7919 + 1);
        REQUIRE(validate(a).has_value());

        for (bool skip : {true, false}) {
            greedy_options go;
            go.ties = ties;
            go.skip = skip;
            const outcome ga = greedy(a, go).value(), gb = greedy(b, go).value();
            CHECK(ga.cost <= a.budget);
            CHECK(ga.selected == gb.selected);
        }
        const outcome pa = phragmen(a, {false, ties}).value(), pb = phragmen(b, {false, ties}).value();
        CHECK(pa.cost <= a.budget);
        CHECK(pa.selected == pb.selected);
        const outcome wa = max_welfare(a, {utility::cost, ties}).value();
        CHECK(wa.cost <= a.budget);
        CHECK(sorted(wa.selected) == sorted(max_welfare(b, {utility::cost, ties}).value().selected));

        for (completion c : {completion::none, completion::add1, completion::add1_utilitarian}) {
            for (utility u : {utility::cost, utility::cardinality}) {
                equal_shares_options mo;
                mo.ties = ties;
                mo.complete = c;
                mo.util = u;
                mo.stop = seed % 2 == 0 ? add1_stop::exhaustive : add1_stop::over_budget;
                const outcome ma = equal_shares(a, mo).value(), mb = equal_shares(b, mo).value();
                CHECK(ma.cost <= a.budget);
                CHECK(ma.selected == mb.selected);
                CHECK(*ma.endowment == *mb.endowment);
                // Every group pays at most what it has; payments add up to the cost of the MES purchases.
                rational paid_total, mes_cost;
                for (const purchase& p : ma.rounds) {
                    if (p.completion) continue;
                    mes_cost += a.projects[p.project].cost;
                    for (const payment_group& grp : p.payments) {
                        CHECK(grp.paid.sign() >= 0);
                        CHECK(grp.paid <= *ma.endowment);
                        if (grp.all_they_had) CHECK(grp.before == grp.paid);
                        paid_total += grp.paid * rational(grp.voters);
                    }
                }
                CHECK(paid_total == mes_cost);
                // What voters have left: never negative, and endowment × voters - left = spent.
                rational left_total;
                std::uint64_t voters = 0;
                for (const auto& [count, amount] : ma.left_over) {
                    CHECK(amount.sign() >= 0);
                    left_total += amount * rational(count);
                    voters += count;
                }
                CHECK(voters == a.voter_count());
                CHECK(*ma.endowment * rational(voters) - left_total == mes_cost);
            }
        }
    }
}

TEST_CASE("properties merged ballots give the same result as unmerged ones") {
    // The same election entered as one weighted ballot or as separate identical ballots.
    const generated g = generate(42, false);
    const instance merged = build(g, 1);
    instance unmerged;
    unmerged.budget = g.budget;
    unmerged.projects = g.projects;
    for (const ballot& b : merged.ballots)
        for (std::uint64_t i = 0; i < b.multiplicity; ++i) unmerged.ballots.push_back({b.projects, {}, 1, {}});
    CHECK(unmerged.ballots.size() == merged.voter_count());
    equal_shares_options mo;
    mo.complete = completion::add1;
    mo.ties = {{tie_criterion::id_natural}, {}};
    const outcome x = equal_shares(merged, mo).value(), y = equal_shares(unmerged, mo).value();
    CHECK(x.selected == y.selected);
    CHECK(*x.endowment == *y.endowment);
    CHECK(phragmen(merged).value().selected == phragmen(unmerged).value().selected);
}
