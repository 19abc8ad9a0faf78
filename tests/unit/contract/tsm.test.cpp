// Tenant Satisfaction Measures: the survey sample-size example and checks of governance.md §7.4, and the
// calculation rules of §7.3 on small surveys and records.
#include <tmo/contract/tsm.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::contract;

namespace {

rational r(const char* text) { return rational::parse(text).value(); }

const tsm_figure& find(const std::vector<tsm_figure>& figures, const std::string& code, const std::string& part) {
    for (const tsm_figure& f : figures)
        if (f.code == code && f.part == part) return f;
    FAIL("no figure " << code << " " << part);
    return figures.front();
}

}  // namespace

TEST_CASE("sample size: Golding Homes, N = 7,271 at ±4% needs 554 (governance.md §7.4)") {
    const sample_size s = required_sample_size(7271, r("4%")).value();
    CHECK(s.infinite == rational(2401, 4));  // 600.25
    // 600.25 / (1 + 599.25 / 7,271) = 2401 × 7271 / 31481 = 554.546...
    CHECK(s.corrected == rational(integer(2401) * 7271, integer(31481)));
    CHECK(s.corrected.to_decimal(3, rounding::truncate).value() == "554.546");
    CHECK(s.required == 554);  // the published minimum
    CHECK(s.sentence.find("7,271") != std::string::npos);
    CHECK(s.sentence.find("554 responses") != std::string::npos);

    CHECK(required_sample_size(7271, r("4%"), sample_correction::minus_one, rounding::ceil)->required == 555);
    const sample_size plain = required_sample_size(7271, r("4%"), sample_correction::plain).value();
    CHECK(plain.corrected == rational(integer(2401) * 7271, integer(31485)));  // 554.4758..., "554.476" rounded
    CHECK(plain.corrected.to_decimal(3, rounding::half_up).value() == "554.476");
    CHECK(plain.required == 554);
}

TEST_CASE("sample size: the other checks of governance.md §7.4") {
    const sample_size lcho = required_sample_size(2400, r("5%")).value();
    CHECK(lcho.infinite == r("384.16"));
    CHECK(lcho.corrected.to_decimal(2, rounding::truncate).value() == "331.27");
    const sample_size lcra = required_sample_size(18800, r("3%")).value();
    CHECK(lcra.infinite.to_decimal(2, rounding::truncate).value() == "1067.11");
    CHECK(lcra.corrected.to_decimal(2, rounding::truncate).value() == "1009.84");

    CHECK(required_sample_size(0, r("4%")).error().code() == errc::invalid_value);
    CHECK(required_sample_size(100, r("0")).error().code() == errc::invalid_value);
    CHECK(required_sample_size(7271, r("4%"), sample_correction::minus_one, rounding::never).error().code() ==
          errc::inexact);
}

TEST_CASE("precision bands: the table of governance.md §7.4 passed as data") {
    const std::vector<precision_band> bands{{0, r("5%")}, {2500, r("4%")}, {10000, r("3%")}, {25000, r("2%")}};
    CHECK(required_margin(2400, bands).value() == r("5%"));   // Longhurst LCHO, ~2,400
    CHECK(required_margin(7271, bands).value() == r("4%"));   // Golding Homes
    CHECK(required_margin(18800, bands).value() == r("3%"));  // Longhurst LCRA, ~18,800
    CHECK(required_margin(25000, bands).value() == r("2%"));
    const std::vector<precision_band> from_ten{{10, r("5%")}};
    CHECK(required_margin(9, from_ten).error().code() == errc::not_found);
}

TEST_CASE("margin of error: the inverse of the sample size with the minus-one correction") {
    // With N = 7,271, 554.546... responses at p = 1/2 give exactly ±4%: 554 give a little more (4.0019... -> 4.01
    // rounded up), 555 a little less.
    CHECK(margin_of_error(277, 554, 7271).value() == r("4.01"));
    CHECK(margin_of_error(277, 555, 7271).value() <= r("4"));
    // Unlimited population: 1.96 × sqrt(1/4 / 300) = 5.658... -> 5.66; a census has no sampling error.
    CHECK(margin_of_error(150, 300).value() == r("5.66"));
    CHECK(margin_of_error(150, 300, 300).value() == 0);
    CHECK(margin_of_error(0, 300).value() == 0);
    CHECK(margin_of_error(3, 2).error().code() == errc::invalid_value);
    CHECK(margin_of_error(1, 10, 9).error().code() == errc::invalid_value);
}

namespace {

const char* const survey_header = "id,tenure,repair,complaint,communal,TP01,TP02,TP03,TP04,TP05,TP06,TP07,TP08,TP09,"
                                  "TP10,TP11,TP12\n";

}  // namespace

TEST_CASE("perception measures: satisfied share, filtered bases, non-answers and the LCRA/LCHO split") {
    const std::string text = std::string(survey_header) +
                             "A1,LCRA,yes,no,yes,1,2,5,1,1,1,1,1,,1,1,1\n"
                             "A2,LCRA,no,yes,no,2,,,3,2,DK,2,4,1,,2,2\n"
                             "A3,LCRA,yes,no,yes,4,3,2,2,2,2,3,2,,5,3,NA\n"
                             "A4,LCRA,no,no,no,DK,,,5,5,5,5,5,,,5,5\n"
                             "\n"
                             "B1,LCHO,no,no,yes,1,,,1,1,1,1,1,,2,1,1\n";
    const auto survey = parse_tsm_survey(text, "survey.csv").value();
    REQUIRE(survey.size() == 5);
    CHECK(survey[4].line == 7);
    const auto figures = perception_measures(survey, 1000, 40).value();
    CHECK(figures.size() == 24);

    // TP01 LCRA: A1 and A2 satisfied, A3 not, A4 gave no answer: 2 of 3.
    const tsm_figure& tp01 = find(figures, "TP01", "LCRA");
    CHECK(tp01.numerator == 2);
    CHECK(tp01.denominator == 3);
    CHECK(tp01.excluded == 1);
    CHECK(*tp01.value == rational(200, 3));
    CHECK(tp01.sentence.find("2 of 3 answers from LCRA respondents") != std::string::npos);
    CHECK(tp01.sentence.find("left out: 1 with no answer") != std::string::npos);
    // TP02: only A1 and A3 had a repair; A2's and A4's "no" is outside the base, not dissatisfied.
    const tsm_figure& tp02 = find(figures, "TP02", "LCRA");
    CHECK(tp02.numerator == 1);
    CHECK(tp02.denominator == 2);
    CHECK(tp02.excluded == 0);
    // TP09: only A2 made a complaint, and was satisfied.
    CHECK(*find(figures, "TP09", "LCRA").value == 100);
    // TP08 agree scale: A1 (1) and A3 (2) agree; A2 (4) and A4 (5) do not.
    CHECK(*find(figures, "TP08", "LCRA").value == 50);
    // TP12: A3 answered NA; 2 of 3 satisfied.
    CHECK(find(figures, "TP12", "LCRA").excluded == 1);
    // LCHO is reported separately; TP02 has an empty base there.
    CHECK(*find(figures, "TP01", "LCHO").value == 100);
    CHECK_FALSE(find(figures, "TP02", "LCHO").value);
    CHECK(find(figures, "TP01", "LCHO").margin == rational(0));  // 1 of a population of 40: margin 0 for p = 1

    CHECK(perception_measures(survey, 3).error().code() == errc::invalid_value);
}

TEST_CASE("survey errors name the file, line and column") {
    const auto bad_code = parse_tsm_survey(std::string(survey_header) + "A1,LCRA,yes,no,yes,1,2,6,1,1,1,1,1,,1,1,1\n",
                                           "s.csv");
    CHECK(bad_code.error().code() == errc::invalid_value);
    CHECK(bad_code.error().to_string().rfind("s.csv:2:24: error: expected an answer code 1 to 5", 0) == 0);
    // TP09 answered although the respondent made no complaint.
    const auto skipped = parse_tsm_survey(std::string(survey_header) + "A1,LCRA,yes,no,yes,1,2,2,1,1,1,1,1,3,1,1,1\n",
                                          "s.csv");
    CHECK(skipped.error().code() == errc::invalid_value);
    CHECK(skipped.error().where().column == 36);
    CHECK(parse_tsm_survey(std::string(survey_header) + "A1,LCRA,yes\n", "s.csv").error().code() == errc::syntax);
    CHECK(parse_tsm_survey(std::string(survey_header) + "A1,Leasehold,yes,no,yes,1,2,2,1,1,1,1,1,,1,1,1\n", "s.csv")
              .error()
              .where()
              .column == 4);
    CHECK(parse_tsm_survey("id,tenure,colour\n", "s.csv").error().code() == errc::unknown_key);
    CHECK(parse_tsm_survey("id,tenure\n", "s.csv").error().code() == errc::missing_key);
    CHECK(parse_tsm_survey("", "s.csv").error().code() == errc::missing_key);
    const std::string twice = std::string(survey_header) + "A1,LCRA,no,no,no,1,,,1,1,1,1,1,,,1,1\n" +
                              "A1,LCRA,no,no,no,1,,,1,1,1,1,1,,,1,1\n";
    CHECK(parse_tsm_survey(twice, "s.csv").error().where().line == 3);
}

TEST_CASE("management measures: repairs, all required checks, complaints and ASB per 1,000 homes") {
    const std::string text = "kind,reference,status\n"
                             "emergency-repair,J1,on-time\n"
                             "emergency-repair,J2,late\n"
                             "repair,J3,on-time\n"
                             "repair,J4,on-time\n"
                             "repair,J5,on-time\n"
                             "repair,J6,late\n"
                             "gas-check,H1,done\n"
                             "gas-check,H2,done\n"
                             "gas-check,H2,missing\n"  // H2's communal boiler: H2 is not compliant
                             "fire-check,H1,done\n"
                             "stage1-complaint,C1,on-time\n"
                             "stage1-complaint,C2,late\n"
                             "stage2-complaint,C3,on-time\n"
                             "asb,A1,\n"
                             "asb,A2,\n"
                             "hate-asb,A3,\n"
                             "decent-homes,H1,decent\n"
                             "decent-homes,H2,non-decent\n"
                             "decent-homes,H3,decent\n"
                             "decent-homes,H4,decent\n";
    const auto records = parse_tsm_records(text, "records.csv").value();
    const auto figures = management_measures(records, 250).value();

    CHECK(*find(figures, "RP01", "").value == 25);  // 1 of 4 homes not decent
    CHECK(*find(figures, "RP02", "(1) non-emergency").value == 75);
    CHECK(*find(figures, "RP02", "(2) emergency").value == 50);
    const tsm_figure& bs01 = find(figures, "BS01", "");
    CHECK(bs01.numerator == 1);
    CHECK(bs01.denominator == 2);
    CHECK(*find(figures, "BS02", "").value == 100);
    // 2 stage one complaints over 250 homes = 8 per 1,000; 1 stage two = 4 per 1,000.
    CHECK(*find(figures, "CH01", "(1) stage one").value == 8);
    CHECK(find(figures, "CH01", "(1) stage one").per_thousand);
    CHECK(*find(figures, "CH01", "(2) stage two").value == 4);
    CHECK(*find(figures, "CH02", "(1) stage one").value == 50);
    // NM01 (1) includes the hate case: 3 cases over 250 homes = 12 per 1,000; (2) 1 case = 4 per 1,000.
    CHECK(*find(figures, "NM01", "(1) all").value == 12);
    CHECK(*find(figures, "NM01", "(2) hate incidents").value == 4);
    CHECK(find(figures, "NM01", "(1) all").sentence == "NM01 (1) all: 12 per 1,000 homes (3 cases over 250 homes).");

    // Without the number of homes there is no per-1,000 figure, but the shares remain.
    const auto without = management_measures(records).value();
    CHECK(without.size() == figures.size() - 4);
    CHECK(management_measures(records, 0).error().code() == errc::invalid_value);
}

TEST_CASE("records errors name the file, line and column") {
    CHECK(parse_tsm_records("kind,reference,status\nrepair,J1,soon\n", "r.csv").error().to_string().rfind(
              "r.csv:2:11: error: expected on-time or late", 0) == 0);
    CHECK(parse_tsm_records("kind,reference,status\nleak,J1,late\n", "r.csv").error().where().column == 1);
    CHECK(parse_tsm_records("kind,reference,status\nrepair,J1,late\nrepair,J1,late\n", "r.csv").error().where().line ==
          3);
    CHECK(parse_tsm_records("kind,reference,status\nasb,A1,open\n", "r.csv").error().code() == errc::invalid_value);
    // A spreadsheet's byte-order mark before the header is not part of the first column's name.
    CHECK(parse_tsm_records("\xEF\xBB\xBFkind,reference,status\nasb,A1,\n", "r.csv").value().size() == 1);
    CHECK(parse_tsm_records("kind,reference,status\nrepair,\"J1\",late\n", "r.csv").error().code() == errc::syntax);
}
