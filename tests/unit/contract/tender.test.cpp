#include <tmo/contract/tender.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace tmo;
using namespace tmo::contract;

namespace {

money pounds(const char* text) { return money::parse(text).value(); }
rational exact(const char* text) { return rational::parse(text).value(); }

const std::vector<bid> spec_bids{{"A", pounds("150000")}, {"B", pounds("160000")}, {"C", pounds("200000")}};

// One criterion with equal marks, so that only the price formula differs.
std::vector<mark> flat_marks(const std::vector<bid>& bids) {
    std::vector<mark> m;
    for (const bid& b : bids) m.push_back({"E1", "Q", b.bidder, rational(3), ""});
    return m;
}

tender_evaluation_model price_model(price_formula f) {
    tender_evaluation_model model;
    model.criteria = {{"Q", "Quality", rational(60), rational(5), std::nullopt, true, false}};
    model.formula = f;
    model.price_weight = rational(40);
    return model;
}

const bid_result& find(const tender_result& r, const std::string& bidder) {
    return *std::find_if(r.bids.begin(), r.bids.end(), [&](const bid_result& b) { return b.bidder == bidder; });
}

rational price_score(price_formula f, const std::string& bidder, const std::vector<bid>& bids = spec_bids) {
    const auto r = evaluate_tender(price_model(f), bids, flat_marks(bids), {}).value();
    return find(r, bidder).price_score;
}

}  // namespace

TEST_CASE("price formulas reproduce the worked example (W = 40 and bids £150000 / £160000 / £200000)") {
    CHECK(price_score(price_formula::relative_to_lowest, "A") == rational(40));
    CHECK(price_score(price_formula::relative_to_lowest, "B") == exact("37.5"));
    CHECK(price_score(price_formula::relative_to_lowest, "C") == rational(30));

    CHECK(price_score(price_formula::linear_interpolation, "A") == rational(40));
    CHECK(price_score(price_formula::linear_interpolation, "B") == rational(32));
    CHECK(price_score(price_formula::linear_interpolation, "C") == rational(0));

    const auto mean = evaluate_tender(price_model(price_formula::mean_based), spec_bids, flat_marks(spec_bids), {})
                          .value();
    CHECK(*find(mean, "A").price_raw == rational(1050, 17));  // 61.76: 11.76% below the mean of £170,000
    CHECK(*find(mean, "B").price_raw == rational(950, 17));   // 55.88
    CHECK(*find(mean, "C").price_raw == rational(550, 17));   // 32.35: 17.65% above the mean
    CHECK(find(mean, "A").price_raw->to_decimal(2, rounding::half_up).value() == "61.76");
    CHECK(find(mean, "B").price_raw->to_decimal(2, rounding::half_up).value() == "55.88");
    CHECK(find(mean, "C").price_raw->to_decimal(2, rounding::half_up).value() == "32.35");
    CHECK(find(mean, "A").price_score == rational(420, 17));  // rescaled: 40 × 61.76... / 100
}

TEST_CASE("relative-to-lowest reproduces the CCS example (£15k / £10k / £30k give 2/3 / 1 / 1/3 of W)") {
    const std::vector<bid> bids{{"X", pounds("15000")}, {"Y", pounds("10000")}, {"Z", pounds("30000")}};
    auto model = price_model(price_formula::relative_to_lowest);
    model.price_weight = rational(1);
    const auto r = evaluate_tender(model, bids, flat_marks(bids), {}).value();
    CHECK(find(r, "X").price_score == rational(2, 3));
    CHECK(find(r, "Y").price_score == rational(1));
    CHECK(find(r, "Z").price_score == rational(1, 3));
}

TEST_CASE("benchmark price and the edge cases of the formulas") {
    auto model = price_model(price_formula::benchmark);
    model.benchmark_price = pounds("140000");
    const auto r = evaluate_tender(model, spec_bids, flat_marks(spec_bids), {}).value();
    CHECK(find(r, "A").price_score == rational(100, 3));  // 40 × 50,000 / 60,000
    CHECK(find(r, "B").price_score == rational(80, 3));
    CHECK(find(r, "C").price_score == rational(0));
    const std::vector<bid> cheap{{"A", pounds("130000")}, {"C", pounds("200000")}};
    CHECK(evaluate_tender(model, cheap, flat_marks(cheap), {}).value().bids[0].price_score == rational(40));
    model.benchmark_price.reset();
    CHECK(evaluate_tender(model, spec_bids, flat_marks(spec_bids), {}).error().code() == errc::invalid_value);

    const std::vector<bid> single{{"A", pounds("150000")}};
    CHECK(price_score(price_formula::linear_interpolation, "A", single) == rational(40));
    const std::vector<bid> equal{{"A", pounds("150000")}, {"B", pounds("150000")}};
    CHECK(price_score(price_formula::linear_interpolation, "B", equal) == rational(40));
    CHECK(price_score(price_formula::relative_to_lowest, "B", equal) == rational(40));

    const std::vector<bid> zero{{"A", pounds("0")}};
    CHECK(evaluate_tender(price_model(price_formula::relative_to_lowest), zero, flat_marks(zero), {})
              .error()
              .code() == errc::invalid_value);
}

TEST_CASE("full evaluation with evaluators - a resident panel - moderation - thresholds - an abnormally low bid") {
    tender_evaluation_model model;
    model.criteria = {
        {"Q1", "Method statement", rational(30), rational(5), rational(2), true, false},
        {"Q2", "Social value", rational(10), rational(5), std::nullopt, true, false},
        {"R1", "Presentation to residents", rational(20), rational(5), std::nullopt, true, true},
    };
    model.formula = price_formula::relative_to_lowest;
    model.price_weight = rational(40);
    model.abnormally_low = abnormally_low_rule{rational(20), std::nullopt};
    const std::vector<bid> bids{{"A", pounds("150000")},
                                {"B", pounds("160000")},
                                {"C", pounds("200000")},
                                {"D", pounds("100000")}};
    std::vector<mark> marks;
    const auto add = [&](const char* who, const char* criterion, const char* bidder, int score) {
        marks.push_back({who, criterion, bidder, rational(score), ""});
    };
    add("O1", "Q1", "A", 4), add("O2", "Q1", "A", 3), add("O1", "Q1", "B", 3), add("O2", "Q1", "B", 3);
    add("O1", "Q1", "C", 5), add("O2", "Q1", "C", 5), add("O1", "Q1", "D", 1), add("O2", "Q1", "D", 2);
    for (const char* o : {"O1", "O2"}) {
        add(o, "Q2", "A", 3), add(o, "Q2", "B", 4), add(o, "Q2", "C", 2), add(o, "Q2", "D", 3);
    }
    add("R1", "R1", "A", 4), add("R2", "R1", "A", 5), add("R1", "R1", "B", 3), add("R2", "R1", "B", 4);
    add("R1", "R1", "C", 4), add("R2", "R1", "C", 4), add("R1", "R1", "D", 2), add("R2", "R1", "D", 2);
    const std::vector<consensus> moderation{
        {"Q1", "A", rational(4), "mobilisation plan well evidenced"},
        {"Q1", "D", rational(1), "no method for high-rise blocks"},
    };
    const auto r = evaluate_tender(model, bids, marks, moderation).value();
    REQUIRE(r.bids.size() == 4);
    CHECK(r.bids[0].bidder == "A");
    CHECK(r.bids[0].quality == rational(48));  // 24 + 6 + 18
    CHECK(r.bids[0].resident_quality == rational(18));
    CHECK(r.bids[0].total == rational(88));
    CHECK(r.bids[0].criteria[0].moderated);
    CHECK(r.bids[0].criteria[0].marks.size() == 2);  // the originals are kept
    CHECK(r.bids[0].criteria[0].marks[1].score == rational(3));
    CHECK(r.bids[0].criteria[2].score == exact("4.5"));  // residents' mean
    CHECK(r.bids[0].sentence == "A: quality 48 plus price 40 of 40 for £150,000.00 = 88 points — ranked 1st.");
    CHECK(r.bids[1].bidder == "C");
    CHECK(r.bids[1].total == rational(80));
    CHECK(r.bids[2].bidder == "B");
    CHECK(r.bids[2].total == exact("77.5"));
    CHECK(r.bids[3].bidder == "D");
    CHECK(r.bids[3].disqualified);
    CHECK_FALSE(r.bids[3].rank.has_value());
    CHECK(r.bids[3].abnormally_low);
    CHECK(r.bids[3].sentence == "D: not ranked — scored 1 on Method statement, below the minimum of 2.");
    CHECK(r.sentence == "Most advantageous tender (relative to lowest): A, 88 points (quality 48, price 40).");
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "D's price of £100,000.00 is more than 20% below the mean of all bids (£152,500.00): the bidder "
                        "must be told and given the chance to show it can deliver for that price before any decision "
                        "to disregard the bid");

    // Price per quality point: A 3,125.00; B and C 4,000.00 each, C first on quality.
    model.formula = price_formula::price_per_quality_point;
    const auto ppqp = evaluate_tender(model, bids, marks, moderation).value();
    CHECK(*ppqp.bids[0].price_per_quality_point == rational(3125));
    CHECK(ppqp.bids[1].bidder == "C");
    CHECK(ppqp.bids[2].bidder == "B");
    CHECK(std::find(ppqp.notes.begin(), ppqp.notes.end(), "C and B tied; C ranks higher by the higher quality score") !=
          ppqp.notes.end());
}

TEST_CASE("tender input errors name what is wrong") {
    const auto model = price_model(price_formula::relative_to_lowest);
    std::vector<mark> marks = flat_marks(spec_bids);
    marks[0].score = rational(6);
    CHECK(evaluate_tender(model, spec_bids, marks, {}).error().message() ==
          "a mark by E1 gives A 6 on Q; scores run from 0 to 5");
    marks[0].criterion = "Q9";
    CHECK(evaluate_tender(model, spec_bids, marks, {}).error().code() == errc::not_found);
    CHECK(evaluate_tender(model, spec_bids, {}, {}).error().message() ==
          "criterion Q has neither marks nor a moderated score for A");
    CHECK(evaluate_tender(model, {}, {}, {}).error().code() == errc::invalid_argument);
    const std::vector<bid> twice{{"A", pounds("1")}, {"A", pounds("2")}};
    CHECK(evaluate_tender(model, twice, flat_marks(twice), {}).error().message() == "bidder A has two bids");
}

TEST_CASE("equal totals are settled by quality then price then the order given") {
    const std::vector<bid> bids{{"First", pounds("100")}, {"Second", pounds("100")}};
    const auto r = evaluate_tender(price_model(price_formula::relative_to_lowest), bids, flat_marks(bids), {}).value();
    CHECK(r.bids[0].bidder == "First");
    CHECK(r.bids[1].rank == std::size_t{2});
    CHECK(r.notes.back() ==
          "First and Second tied; First ranks higher by the order the bids were listed (no published tie-break "
          "separated them)");
}
