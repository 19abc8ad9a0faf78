// A contract's month with a performance-points regime (contracts.md §4.3, §4.4): the failures of the month are
// scored and the deduction enters the payment as the service credit does, in every form the month is written.
#include <tmo/contract/document.hpp>
#include <tmo/contract/report.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

namespace {

const std::string grounds = std::string(TMO_SOURCE_DIR) + "/tests/data/contracts/points_grounds.toml";

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

// contracts.md has no points example with money, so this one is worked by hand (tests/data/contracts/
// points_grounds.toml and points_grounds_failures.csv). GRD-1: fee £2,000.00 a month; missed_cut 2 points unless
// put right within 2 working days (from the day after); litter 3 points unless put right within 4 hours; repeats
// of a kind at one place × 1, 1.5, 2; points above 5 cost £25.00 each, capped at 20% of the fee (£400.00); bank
// holidays 3 and 6 April and 4 May 2026.
//   G1 missed_cut, Riverside Park, Wed 1 Apr 09:00, put right Mon 6 Apr 14:00: the 2 working days are Thu 2 and
//      Tue 7 (3 and 6 April are bank holidays), so it is in time: not counted.
//   G2 missed_cut, Riverside Park, Wed 8 Apr 10:00, put right Mon 13 Apr: late (Thu 9, Fri 10): 1st there, 2 × 1 = 2.
//   G3 missed_cut, Riverside Park, Wed 15 Apr, never put right: 2nd there, 2 × 1.5 = 3.
//   G4 litter, Elm Court play area (weight 2), Mon 20 Apr 08:00, put right 14:30, after 12:00: 3 × 2 × 1 = 6.
//   G5 missed_cut, Riverside Park, Wed 22 Apr, never put right: 3rd there, 2 × 2 = 4.
//   G6 litter, Elm Court play area, Mon 27 Apr: excluded (vandalism, a client risk): not counted.
//   G7 missed_cut, Mill Lane verges (weight 0.5), Wed 29 Apr 11:00, put right Tue 5 May: late (Thu 30, Fri 1;
//      4 May is a bank holiday but comes after the deadline): 1st there, 2 × 0.5 × 1 = 1.
//   G8 is reported on 1 May: May's, not April's.
// April: 2 + 3 + 6 + 4 + 1 = 16 points; 16 − 5 = 11 chargeable × £25.00 = £275.00 (under the £400.00 cap).
// Payment: £2,000.00 − £275.00 = £1,725.00 net; VAT 20% per line: £400.00 − £55.00 = £345.00; £2,070.00 in all.
TEST_CASE("performance points through evaluate_month: the grounds contract's April 2026 worked by hand") {
    const auto d = load_contract(grounds).value();
    REQUIRE(d.failures->size() == 8);
    const auto april = evaluate_month(d, 2026y / 4).value();
    REQUIRE(april.points);
    const points_outcome& p = *april.points;
    REQUIRE(p.failures.size() == 7);  // G1-G7; G8 is May's
    CHECK_FALSE(p.failures[0].counted);
    CHECK(p.failures[0].sentence ==
          "G1 (Scheduled grass cut not done at Riverside Park): put right within 2 working days, not counted.");
    CHECK(p.failures[1].points == rational(2));
    CHECK(p.failures[2].points == rational(3));
    CHECK(p.failures[2].sentence == "G3 (Scheduled grass cut not done at Riverside Park): not put right within 2 "
                                    "working days; 2nd at this location, 2 points × 1.5 = 3 points.");
    CHECK(p.failures[3].points == rational(6));
    CHECK(p.failures[4].points == rational(4));
    CHECK(p.failures[4].multiplier == rational(2));
    CHECK_FALSE(p.failures[5].counted);
    CHECK(p.failures[5].sentence == "G6 (Litter left on a play area at Elm Court play area): not counted — "
                                    "vandalism overnight, a client risk under the contract.");
    CHECK(p.failures[6].sentence == "G7 (Scheduled grass cut not done at Mill Lane verges): not put right within 2 "
                                    "working days; 1st at this location, 1 point × 1 = 1 point.");
    CHECK(p.points == rational(16));
    CHECK(p.chargeable == rational(11));
    CHECK(p.cap == rational(400));
    CHECK(p.deduction == money::from_pence(27500));
    CHECK(p.sentence == "16 performance points against a threshold of 5: 11 chargeable at £25.00 a point, deduction "
                        "£275.00.");

    // The deduction is a negative line of the payment at the standard rate, like a service credit.
    CHECK(april.credits.credit == money());
    REQUIRE(april.payment.lines.size() == 2);
    CHECK(april.payment.lines[1].description == "Performance-points deduction, April 2026");
    CHECK(april.payment.lines[1].net == money::from_pence(-27500));
    CHECK(*april.payment.lines[1].vat_amount == money::from_pence(-5500));
    CHECK(april.payment.net == money::from_pence(172500));
    CHECK(april.payment.vat == money::from_pence(34500));
    CHECK(april.payment.gross == money::from_pence(207000));
    CHECK(april.sentence == "April 2026: 16 performance points, deduction £275.00; due £2,070.00 (£1,725.00 net).");

    // The contract's cap on the deduction applies: at 10% of the fee, £200.00 instead of £275.00.
    contract_document capped = d;
    capped.contract.points->cap_percent = rational(10);
    const auto tight = evaluate_month(capped, 2026y / 4).value();
    CHECK(tight.points->deduction == money::from_pence(20000));
    CHECK(tight.points->sentence == "16 performance points against a threshold of 5: 11 chargeable at £25.00 a "
                                    "point, deduction £200.00, capped at 10% of the fee.");
    CHECK(tight.payment.net == money::from_pence(180000));
    CHECK(tight.payment.gross == money::from_pence(216000));

    // May: G8 alone, 3 × 2 = 6 points, 1 chargeable: £25.00; G7's repeat count does not carry over.
    const auto may = evaluate_month(d, 2026y / 5).value();
    CHECK(may.points->points == rational(6));
    CHECK(may.points->deduction == money::from_pence(2500));
    CHECK(may.payment.net == money::from_pence(197500));
    // June: no failure reported, no deduction and no line.
    const auto june = evaluate_month(d, 2026y / 6).value();
    CHECK(june.points->failures.empty());
    CHECK(june.points->deduction == money());
    CHECK(june.payment.lines.size() == 1);
    CHECK(june.payment.net == money::from_pence(200000));

    const std::string text = to_text(d, april);
    CHECK(has(text, "Performance points\n  G1 (Scheduled grass cut not done at Riverside Park): put right"));
    CHECK(has(text, "  16 performance points against a threshold of 5: 11 chargeable at £25.00 a point, deduction "
                    "£275.00.\n"));
    CHECK(has(text, "Net £1,725.00, VAT £345.00, total £2,070.00."));
    const std::string json = to_json(d, april);
    CHECK(has(json, "\"points\": \"16\",\n    \"threshold\": \"5\",\n    \"chargeable\": \"11\""));
    CHECK(has(json, "\"deduction\": \"275.00\""));
    const std::string ocds = to_ocds(d, april).value();
    CHECK(has(ocds, "\"id\": \"PF-2026-04-missed_cut\""));
    CHECK(has(ocds, "\"events\": 4,"));  // G2, G3, G5, G7
    CHECK(has(ocds, "\"penaltyImposed\": \"10 points (G2, G3, G5, G7) of 16 in the month; GBP 275.00 in all deducted "
                    "from the April 2026 invoice\""));
    CHECK(has(ocds, "\"id\": \"PF-2026-04-litter\""));
    CHECK(has(ocds, "\"amount\": 1725.00,"));
}

TEST_CASE("a points regime without a failures file is refused, not scored as zero") {
    std::ifstream in(grounds);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t data = text.find("[data]");
    REQUIRE(data != std::string::npos);
    text.erase(data);
    const auto d = parse_contract(text, "g.toml").value();
    const auto month = evaluate_month(d, 2026y / 4);
    REQUIRE_FALSE(month.has_value());
    CHECK(month.error().code() == errc::not_found);
    CHECK(month.error().where().key_path == "data.failures");
    CHECK(month.error().message() ==
          "GRD-1 has a performance-points regime but no failures file: name it as [data] failures = "
          "\"failures.csv\" (a header row alone means no failures)");
    // Parsed without its data files, the contract names the file but its failures were not read: refused too.
    const auto unread = parse_contract(text + "[data]\nfailures = \"f.csv\"\n", "g.toml").value();
    CHECK(evaluate_month(unread, 2026y / 4).error().message() ==
          "the failures file f.csv of GRD-1 has not been read: load the contract with its data files");
    // Failures given by the caller are scored: none, no deduction.
    contract_document given = d;
    given.failures.emplace();
    const auto none = evaluate_month(given, 2026y / 4).value();
    CHECK(none.points->points == rational(0));
    CHECK(none.payment.net == money::from_pence(200000));
}
