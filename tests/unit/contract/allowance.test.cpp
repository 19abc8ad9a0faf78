// The council -> TMO allowance: the worked examples of governance.md §4.4 (apportionment by stock, the committee
// formula, phasing over three years) and contracts.md §2.3.
#include <tmo/contract/allowance.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::contract;

namespace {

money gbp(const char* text) { return money::parse(text).value(); }
rational r(const char* text) { return rational::parse(text).value(); }

allowance_terms published_example() {
    allowance_terms t;
    t.council_stock = 13058;
    t.tmo_homes = 39;
    t.headings.push_back({"Responsive repairs", "historic (5 years)", gbp("1000000.00"), {}, {}});
    return t;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("allowance: £1,000,000.00 ÷ 13,058 × 39 = £2,986.67 (governance.md §4.4)") {
    const allowance_outcome out = apportion_allowance(published_example()).value();
    REQUIRE(out.lines.size() == 1);
    CHECK(out.lines[0].exact == rational(19'500'000, 6'529));  // 2,986.674835...
    CHECK(out.lines[0].amount == gbp("2986.67"));
    CHECK(out.total == gbp("2986.67"));
    CHECK(has(out.lines[0].rule, "£1,000,000.00 ÷ 13,058 homes × 39 homes = £2,986.674835…, rounded half_up"));
    CHECK(out.lines[0].sentence ==
          "Responsive repairs (historic (5 years)): the council spends £1,000,000.00 on 13,058 homes; the TMO's 39 homes "
          "get £2,986.67.");

    allowance_terms up = published_example();
    up.mode = rounding::ceil;
    CHECK(apportion_allowance(up)->total == gbp("2986.68"));
    up.mode = rounding::never;
    CHECK(apportion_allowance(up).error().code() == errc::inexact);
}

TEST_CASE("allowance: committee formula £5,000 a year + £10 a home, and a heading with its own stock") {
    allowance_terms t = published_example();
    t.committee = committee_formula{gbp("5000.00"), gbp("10.00"), "NFTMO workshop 2011"};
    // A heading serving only the council's 2,000 homes with lifts, 39 of them the TMO's: 52,000 × 39 / 2,000.
    t.headings.push_back({"Lift maintenance", "actual", gbp("52000.00"), 2000, 39});
    const allowance_outcome out = apportion_allowance(t).value();
    REQUIRE(out.lines.size() == 3);
    CHECK(out.lines[1].amount == gbp("1014.00"));
    CHECK(out.lines[2].formula);
    CHECK(out.lines[2].amount == gbp("5390.00"));  // 5,000 + 10 × 39
    CHECK(out.lines[2].rule == "£5,000.00 + £10.00 × 39 homes (NFTMO workshop 2011)");
    CHECK(out.total == gbp("9390.67"));  // 2,986.67 + 1,014.00 + 5,390.00
    CHECK(has(out.sentence, "£9,390.67 for 39 homes over 3 lines"));
}

TEST_CASE("allowance: bad terms") {
    allowance_terms t = published_example();
    t.tmo_homes = 13059;
    CHECK(apportion_allowance(t).error().code() == errc::invalid_value);
    t = published_example();
    t.headings[0].stock = 0;
    CHECK(apportion_allowance(t).error().code() == errc::invalid_value);
    t = published_example();
    t.headings[0].council_spend = gbp("-1.00");
    CHECK(apportion_allowance(t).error().code() == errc::invalid_value);
    t = published_example();
    t.committee = committee_formula{gbp("0.00"), money::from_pence(std::numeric_limits<std::int64_t>::max() / 2), ""};
    CHECK(apportion_allowance(t).error().code() == errc::overflow);  // 39 × half the largest amount
}

TEST_CASE("allowance: +15% is phased over 3 years: £105,000, £110,000, £115,000 (governance.md §4.4)") {
    const phasing_rule rule{rational(5), false, 3, {}};
    const phased_allowance p = phase_allowance(gbp("100000.00"), gbp("115000.00"), rule, rounding::half_up).value();
    CHECK(p.phased);
    CHECK(p.change_percent == 15);
    REQUIRE(p.years.size() == 3);
    CHECK(p.years[0] == gbp("105000.00"));
    CHECK(p.years[1] == gbp("110000.00"));
    CHECK(p.years[2] == gbp("115000.00"));
    CHECK(p.sentence ==
          "The allowance rises from £100,000.00 to £115,000.00 (+15%), more than 5%, so it is phased in over 3 years: "
          "£105,000.00, £110,000.00, £115,000.00.");

    // A fall is phased the same way; thirds of -£15,000.
    const phased_allowance down = phase_allowance(gbp("115000.00"), gbp("100000.00"), rule, rounding::half_up).value();
    CHECK(down.phased);
    CHECK(down.years == std::vector<money>{gbp("110000.00"), gbp("105000.00"), gbp("100000.00")});

    // Thirds that are not whole pence: 100.00 -> 110.00 gives 103.33, 106.67, 110.00.
    const phased_allowance odd = phase_allowance(gbp("100.00"), gbp("110.00"), rule, rounding::half_up).value();
    CHECK(odd.years == std::vector<money>{gbp("103.33"), gbp("106.67"), gbp("110.00")});
}

TEST_CASE("allowance: exactly 5% is not more than 5% unless the rule is inclusive; agreed steps") {
    phasing_rule rule{rational(5), false, 3, {}};
    const phased_allowance at = phase_allowance(gbp("100000.00"), gbp("105000.00"), rule, rounding::half_up).value();
    CHECK_FALSE(at.phased);
    CHECK(at.years == std::vector<money>{gbp("105000.00")});
    CHECK(at.sentence ==
          "The allowance rises from £100,000.00 to £105,000.00 (+5%); that is not more than 5%, so the new figure is "
          "paid at once.");
    CHECK(phase_allowance(gbp("100000.00"), gbp("150000.00"), phasing_rule{rational(5), false, 1, {}},
                          rounding::half_up)
              ->rule == "+50% is more than 5%, but the rule spreads a change over 1 year: paid at once");
    rule.inclusive = true;
    CHECK(phase_allowance(gbp("100000.00"), gbp("105000.00"), rule, rounding::half_up)->phased);
    CHECK_FALSE(phase_allowance(gbp("100000.00"), gbp("104999.99"), rule, rounding::half_up)->phased);

    rule.steps = {r("1/2"), r("3/4"), r("1")};
    const phased_allowance steps = phase_allowance(gbp("100000.00"), gbp("120000.00"), rule, rounding::half_up).value();
    CHECK(steps.years == std::vector<money>{gbp("110000.00"), gbp("115000.00"), gbp("120000.00")});
    CHECK(has(steps.rule, "the agreed steps"));

    rule.steps = {r("1/2"), r("1")};
    CHECK(phase_allowance(gbp("100000.00"), gbp("120000.00"), rule, rounding::half_up).error().code() ==
          errc::invalid_value);
    CHECK(phase_allowance(gbp("0.00"), gbp("120000.00"), phasing_rule{rational(5), false, 3, {}}, rounding::half_up)
              .error()
              .code() == errc::invalid_value);
}

TEST_CASE("allowance: indexation by a named index, then the review") {
    const indexed_allowance i =
        index_allowance(gbp("100000.00"), {"CPI, 12 months to September", r("1.7")}, rounding::half_up).value();
    CHECK(i.after == gbp("101700.00"));  // 100,000 × 1.017
    CHECK(i.sentence == "Indexed by CPI, 12 months to September (+1.7%): £100,000.00 becomes £101,700.00.");
    CHECK(index_allowance(gbp("100.00"), {"RPI", r("-100")}, rounding::half_up).error().code() == errc::invalid_value);

    // Review: current £2,500.00 indexed by 2% to £2,550.00; recomputed £2,986.67 (+17.12...%) is phased over 3
    // years from £2,550.00: 2,550 + 436.67 × k / 3 -> 2,695.56 (2,695.556...), 2,841.11 (2,841.113...), 2,986.67.
    allowance_terms t = published_example();
    t.year = "2026/27";
    t.current = gbp("2500.00");
    t.index = allowance_index{"CPI", rational(2)};
    t.phasing = phasing_rule{rational(5), false, 3, {}};
    const allowance_review review = review_allowance(t).value();
    REQUIRE(review.indexed);
    CHECK(review.indexed->after == gbp("2550.00"));
    REQUIRE(review.phased);
    CHECK(review.phased->years == std::vector<money>{gbp("2695.56"), gbp("2841.11"), gbp("2986.67")});
    CHECK(review.payable == gbp("2695.56"));
    CHECK(has(review.sentence, "Payable in 2026/27: £2,695.56."));
}
