// Tie-breaking: the seeded SHA-256 draw, and each method of the chain on small elections.
#include <tmo/vote/stv.hpp>

#include "../../../src/vote/tie_breaker.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace tmo::vote;
using tmo::errc;
using tmo::rational;

namespace {

std::string hex16(const std::array<unsigned char, 32>& d) {
    std::string out;
    char buf[3];
    for (int i = 0; i < 8; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", d[static_cast<std::size_t>(i)]);
        out += buf;
    }
    return out;
}

// Three candidates, one seat: A and B tie for the fewest first preferences at stage 1.
profile ab_tie() {
    profile p({{"A"}, {"B"}, {"C"}}, 1, "tie");
    const std::vector<mark> a{{0, false}}, b{{1, false}}, c{{2, false}};
    (void)p.add(a, 2);
    (void)p.add(b, 2);
    (void)p.add(c, 3);
    return p;
}

tmo::result<count_result> count_with(const tie_chain& chain) {
    stv_options o = stv_options::scottish();
    o.ties = chain;
    return count_stv(ab_tie(), o);
}

stage made_stage(std::size_t number, std::vector<int> votes) {
    stage s;
    s.number = number;
    for (int v : votes) s.votes.emplace_back(v);
    return s;
}

}  // namespace

TEST_CASE("lot: the SHA-256 test vectors of counting.md 4.2") {
    CHECK(hex16(sha256("foobar,0")) == "d7ef1497a52815b2");
    CHECK(hex16(sha256("foobar,1")) == "4cacd002f7c2f773");
    CHECK(hex16(sha256("Riverside TMO AGM 2026,3")) == "2f5ee947506e6e43");
    lot_generator foobar("foobar");
    CHECK(foobar.draw(2) == 0);
    CHECK(foobar.draw(3) == 0);
    CHECK(foobar.draw(5) == 0);
    CHECK(foobar.draw(3) == 2);
    CHECK(foobar.counter() == 4);
    lot_generator riverside("Riverside TMO AGM 2026");
    CHECK(riverside.draw(2) == 0);
    CHECK(riverside.draw(3) == 1);
    CHECK(riverside.draw(5) == 1);
    CHECK(riverside.draw(3) == 2);
}

TEST_CASE("lot: a digest at or above floor(2^256/n)*n is rejected") {
    std::array<unsigned char, 32> top{};
    top.fill(0xFF);  // 2^256 - 1
    CHECK_FALSE(lot_index(top, 3).has_value());  // floor(2^256/3)*3 = 2^256 - 1
    CHECK(lot_index(top, 2) == std::optional<std::size_t>(1));
    std::array<unsigned char, 32> small{};
    small[31] = 7;
    CHECK(lot_index(small, 3) == std::optional<std::size_t>(1));
    CHECK(lot_index(small, 1) == std::optional<std::size_t>(0));
}

TEST_CASE("ties: with no earlier stage and no seed the count stops with the tie named") {
    auto r = count_with(tie_chain{});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == errc::invalid_value);
    CHECK(r.error().message().find("A and B") != std::string::npos);
}

TEST_CASE("ties: settled by lot, recorded with the seed's draw") {
    tie_chain chain;
    chain.seed = "foobar";
    auto r = count_with(chain);
    REQUIRE(r.has_value());
    REQUIRE(r->stages.size() == 3);  // A excluded, then B, then C elected as the last one standing
    const stage& s = r->stages[1];
    CHECK(s.action == stage_action::exclusion);
    REQUIRE(s.ties.size() == 1);
    const tie_record& t = s.ties[0];
    CHECK(t.kind == tie_kind::exclusion);
    CHECK(t.method == tie_method::lot);
    CHECK(t.tied == std::vector<candidate_id>{0, 1});
    CHECK(t.value == rational(2));
    CHECK(t.draws == std::vector<std::uint64_t>{0});
    CHECK(t.chosen == 0);  // "foobar,0" with n = 2 gives 0: the first tied candidate, A
    CHECK(s.subject == 0);
    CHECK(t.explanation.find("by lot") != std::string::npos);
}

TEST_CASE("ties: manual decisions and candidate order") {
    tie_chain manual;
    manual.methods = {tie_method::backwards, tie_method::manual};
    manual.manual = {1};
    auto r = count_with(manual);
    REQUIRE(r.has_value());
    CHECK(r->stages[1].subject == 1);
    CHECK(r->stages[1].ties[0].method == tie_method::manual);

    manual.manual = {2};  // C is not in the tie
    auto wrong = count_with(manual);
    REQUIRE_FALSE(wrong.has_value());
    CHECK(wrong.error().code() == errc::invalid_argument);

    manual.manual = {1, 0};  // one decision too many
    auto unused = count_with(manual);
    REQUIRE_FALSE(unused.has_value());
    CHECK(unused.error().code() == errc::invalid_argument);

    tie_chain order;
    order.methods = {tie_method::candidate_order};
    order.order = {1, 0, 2};  // B favoured: A, listed later, is excluded
    auto o = count_with(order);
    REQUIRE(o.has_value());
    CHECK(o->stages[1].subject == 0);
    order.order = {0, 1, 2};
    CHECK(count_with(order)->stages[1].subject == 1);
}

TEST_CASE("ties: looking back, readings (a) and (b), and looking forwards") {
    const std::vector<std::string> names{"A", "B", "C"};
    // Three candidates tie at stage 4. Stage 3: A strictly lowest but B = C. Stage 2: all different, B lowest.
    // Stage 1: all different, C lowest.
    const std::vector<stage> stages{made_stage(1, {5, 6, 4}), made_stage(2, {4, 2, 3}), made_stage(3, {1, 5, 5}),
                                    made_stage(4, {7, 7, 7})};
    auto settle = [&](std::vector<tie_method> methods, look_back_reading reading, tie_kind kind) {
        tie_chain chain;
        chain.methods = std::move(methods);
        chain.reading = reading;
        detail::tie_breaker breaker(chain, {}, names, 0);
        return breaker.settle(kind, {2, 0, 1}, rational(7), stages, 5).value();
    };
    auto a = settle({tie_method::backwards}, look_back_reading::one_extreme, tie_kind::exclusion);
    CHECK(a.chosen == 0);
    CHECK(a.decisive_stage == 3);
    CHECK(a.tied == std::vector<candidate_id>{0, 1, 2});
    auto b = settle({tie_method::backwards}, look_back_reading::all_unequal, tie_kind::exclusion);
    CHECK(b.chosen == 1);
    CHECK(b.decisive_stage == 2);
    auto f = settle({tie_method::forwards}, look_back_reading::one_extreme, tie_kind::exclusion);
    CHECK(f.chosen == 2);
    CHECK(f.decisive_stage == 1);
    // For a surplus the higher one goes first: at stage 3 B and C share the top, at stage 2 A is highest.
    auto s = settle({tie_method::backwards}, look_back_reading::one_extreme, tie_kind::surplus);
    CHECK(s.chosen == 0);
    CHECK(s.decisive_stage == 2);
}

TEST_CASE("ties: parsing a chain") {
    auto chain = parse_tie_methods("backwards, lot");
    REQUIRE(chain.has_value());
    CHECK(*chain == std::vector<tie_method>{tie_method::backwards, tie_method::lot});
    CHECK(parse_tie_methods("backwards,coin").error().code() == errc::invalid_value);
}
