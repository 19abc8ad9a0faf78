// Performance data from CSV: jobs, inspections, readings and points failures; every bad row named by file, line and column; the KPIs
// computed from job records; the lifecycle of a contract.
#include <tmo/contract/document.hpp>
#include <tmo/contract/lifecycle.hpp>
#include <tmo/contract/performance.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace tmo;
using namespace tmo::contract;
using namespace std::chrono_literals;

namespace {

template <class T>
void check_error(const result<T>& r, errc code, std::uint32_t line, std::uint32_t column, const std::string& message) {
    REQUIRE_FALSE(r.has_value());
    const error& e = r.error();
    CAPTURE(e.to_string());
    CHECK(e.code() == code);
    CHECK(e.where().file == "d.csv");
    CHECK(e.where().line == line);
    CHECK(e.where().column == column);
    if (!message.empty()) CHECK(e.message() == message);
}

constexpr std::string_view header = "job,priority,raised,completed,first_time_fix,recall,satisfaction,price_code\n";

void job_error(std::string_view rows, errc code, std::uint32_t line, std::uint32_t column, const std::string& message) {
    CAPTURE(rows);
    check_error(read_jobs_csv(std::string(header) + std::string(rows), "d.csv"), code, line, column, message);
}

}  // namespace

TEST_CASE("jobs are read with every column, quoted fields and open jobs") {
    const auto jobs = read_jobs_csv(
        std::string(header) + "J1,P1,2025-04-01 09:00,2025-04-01T13:30,yes,no,5,EM\n"
                              "\n"
                              "\"J,2\",P3,2025-04-02 10:15,,,,,\r\n"
                              "\"J\"\"3\",P2,2025-04-03 08:00,2025-04-07 16:00,no,yes,2,\n",
        "d.csv");
    REQUIRE(jobs.has_value());
    REQUIRE(jobs->size() == 3);
    const job_record& j1 = (*jobs)[0];
    CHECK(j1.job.reference == "J1");
    CHECK(j1.job.reported == at(2025y / 4 / 1, 9));
    CHECK(*j1.job.completed == at(2025y / 4 / 1, 13, 30));
    CHECK(*j1.first_time_fix);
    CHECK_FALSE(j1.recall);
    CHECK(*j1.satisfaction == 5);
    CHECK(j1.price_code == "EM");
    CHECK(j1.where.line == 2);
    CHECK((*jobs)[1].job.reference == "J,2");
    CHECK_FALSE((*jobs)[1].job.completed.has_value());
    CHECK_FALSE((*jobs)[1].first_time_fix.has_value());
    CHECK((*jobs)[1].where.line == 4);
    CHECK((*jobs)[2].job.reference == "J\"3");
    CHECK((*jobs)[2].recall);
}

TEST_CASE("bad job rows are named by line and column and refuse the file") {
    job_error("J1,P1,2025-04-01 9:00,,,,,\n", errc::syntax, 2, 7,
              "'2025-04-01 9:00' is not a date and time: write it as 2025-04-03 09:15");
    job_error("J1,P1,2025-02-30 09:00,,,,,\n", errc::invalid_value, 2, 7, "");
    job_error("J1,P1,2025-04-01 24:00,,,,,\n", errc::invalid_value, 2, 7, "'2025-04-01 24:00' is not a time of day");
    job_error("J1,P1,2025-04-02 09:00,2025-04-01 09:00,,,,\n", errc::invalid_value, 2, 24,
              "job J1 is completed before it was raised");
    job_error("J1,P1,2025-04-01 09:00,,maybe,,,\n", errc::invalid_value, 2, 25,
              "the first_time_fix is 'maybe': expected yes, no or nothing");
    job_error("J1,P1,2025-04-01 09:00,,,,6,\n", errc::invalid_value, 2, 27,
              "the satisfaction score is '6': expected 1 to 5");
    job_error(",P1,2025-04-01 09:00,,,,,\n", errc::missing_key, 2, 1, "the job is empty");
    job_error("J1,P1,2025-04-01 09:00,,,,,\nJ1,P2,2025-04-01 10:00,,,,,\n", errc::invalid_value, 3, 1,
              "the job 'J1' appears twice");
    job_error("J1,P1,2025-04-01 09:00,,,\n", errc::syntax, 2, 26, "the row has 6 fields but the header names 8 columns");
    job_error("J1,P1,2025-04-01 09:00,,,,,,extra\n", errc::syntax, 2, 29,
              "the row has 9 fields but the header names 8 columns");
    job_error("\"J1,P1\n", errc::syntax, 2, 1, "a quoted field is not closed: add the closing '\"'");
    job_error("\"J1\"x,P1,2025-04-01 09:00,,,,,\n", errc::syntax, 2, 5,
              "unexpected text after a closing quote: expected ',' or the end of the line");
    job_error("J\"1,P1,2025-04-01 09:00,,,,,\n", errc::syntax, 2, 2,
              "a quote inside an unquoted field: quote the whole field and double the quote");
    job_error("J1,P\x01,2025-04-01 09:00,,,,,\n", errc::syntax, 2, 5, "control character in a field");
    job_error("J1,P\xC3,2025-04-01 09:00,,,,,\n", errc::syntax, 2, 5, "invalid UTF-8");
    // Every bad row is counted; the first is named.
    job_error("J1,P1,bad,,,,,\nJ2,P1,2025-04-01 09:00,,,,,\nJ3,P1,also bad,,,,,\n", errc::syntax, 2, 7,
              "'bad' is not a date and time: write it as 2025-04-03 09:15 (the first of 2 bad rows; the file is "
              "refused)");
}

TEST_CASE("CSV headers: missing, unknown and repeated columns") {
    check_error(read_jobs_csv("", "d.csv"), errc::missing_key, 1, 1,
                "the file is empty: expected a header row naming the columns job, priority, raised");
    check_error(read_jobs_csv("job,priority\nJ1,P1\n", "d.csv"), errc::missing_key, 1, 1, "missing column 'raised'");
    check_error(read_jobs_csv("job,priority,raised,colour\n", "d.csv"), errc::unknown_key, 1, 21,
                "unknown column 'colour'; expected columns job, priority, raised, optionally dwelling, completed, "
                "first_time_fix, recall, satisfaction, price_code");
    check_error(read_jobs_csv("job,priority,raised,job\n", "d.csv"), errc::invalid_value, 1, 21,
                "the column 'job' appears twice");
    check_error(read_jobs_csv(std::string(max_csv_bytes + 1, 'a'), "d.csv"), errc::too_large, 1, 1, "");
}

TEST_CASE("points failures are read with dates or times, weights and exclusions") {
    const std::vector<failure_category> kinds{{"cut", "Grass cut not done", rational(2), {}},
                                              {"litter", "Litter left", rational(3), {}}};
    const auto failures = read_failures_csv(
        "reference,category,location,reported,rectified,location_weight,excluded_because\n"
        "F1,cut,Park,2026-04-01 09:00,2026-04-02T10:30,,\n"
        "F2,litter,\"Elm Court, play area\",2026-04-03,,1.5,\"storm damage, force majeure\"\n",
        "d.csv", kinds);
    REQUIRE(failures.has_value());
    REQUIRE(failures->size() == 2);
    const failure_event& f1 = (*failures)[0];
    CHECK(f1.reference == "F1");
    CHECK(f1.category == "cut");
    CHECK(f1.location == "Park");
    CHECK(f1.location_weight == rational(1));
    CHECK(f1.reported == at(2026y / 4 / 1, 9));
    CHECK(*f1.rectified == at(2026y / 4 / 2, 10, 30));
    CHECK_FALSE(f1.excluded_because.has_value());
    const failure_event& f2 = (*failures)[1];
    CHECK(f2.location == "Elm Court, play area");
    CHECK(f2.reported == at(2026y / 4 / 3));  // a date alone: 00:00
    CHECK_FALSE(f2.rectified.has_value());
    CHECK(f2.location_weight == rational(3, 2));
    CHECK(*f2.excluded_because == "storm damage, force majeure");
    // The optional columns may be left out; a header alone is a file without failures.
    CHECK(read_failures_csv("reference,category,location,reported\nF1,cut,Park,2026-04-01\n", "d.csv", kinds)
              ->front()
              .location_weight == rational(1));
    CHECK(read_failures_csv("reference,category,location,reported\n", "d.csv", kinds)->empty());

    const std::string head = "reference,category,location,location_weight,reported,rectified\n";
    const auto bad = [&](std::string_view rows, errc code, std::uint32_t line, std::uint32_t column,
                         const std::string& message) {
        CAPTURE(rows);
        check_error(read_failures_csv(head + std::string(rows), "d.csv", kinds), code, line, column, message);
    };
    bad("F1,mowing,Park,,2026-04-01 09:00,\n", errc::not_found, 2, 4,
        "failure F1 has category 'mowing', which is not a category of the contract's [points]");
    bad("F1,cut,Park,-1,2026-04-01 09:00,\n", errc::invalid_value, 2, 13, "a location weight cannot be negative");
    bad("F1,cut,Park,heavy,2026-04-01 09:00,\n", errc::syntax, 2, 13,
        "'heavy' is not an exact number such as 2 or 1.5");
    bad("F1,cut,Park,,2026-04-01 9:00,\n", errc::syntax, 2, 14,
        "'2026-04-01 9:00' is not a date and time: write it as 2025-04-03 09:15");
    bad("F1,cut,Park,,2026-04-31,\n", errc::invalid_value, 2, 14, "");
    bad("F1,cut,Park,,2026-04-02 09:00,2026-04-01 17:00\n", errc::invalid_value, 2, 31,
        "failure F1 is put right before it was reported");
    bad("F1,cut,,,2026-04-01 09:00,\n", errc::missing_key, 2, 8, "the location is empty");
    bad("F1,cut,Park,,2026-04-01,\nF1,cut,Park,,2026-04-02,\n", errc::invalid_value, 3, 1,
        "the failure 'F1' appears twice");
    check_error(read_failures_csv("reference,category,location\n", "d.csv", kinds), errc::missing_key, 1, 1,
                "missing column 'reported'");
}

TEST_CASE("inspections and readings are read and checked") {
    const auto ins = read_inspections_csv("inspection,date,location,element,grade\nI1,2025-04-02,Anchor House,cleaning,A\n",
                                          "d.csv");
    REQUIRE(ins.has_value());
    CHECK((*ins)[0].on == 2025y / 4 / 2);
    CHECK((*ins)[0].element == "cleaning");
    check_error(read_inspections_csv("inspection,date,grade\nI1,2025-04-31,A\n", "d.csv"), errc::invalid_value, 2, 4, "");
    check_error(read_inspections_csv("inspection,date,grade\nI1,2025-04-01,A\nI1,2025-04-02,B\n", "d.csv"),
                errc::invalid_value, 3, 1, "the inspection 'I1' appears twice");

    const auto readings = read_readings_csv("kpi,month,value,basis\nMA1,2025-04,98.5,\"£1,000 of £1,015\"\nMA2,2025-04,97%,\n",
                                            "d.csv");
    REQUIRE(readings.has_value());
    CHECK((*readings)[0].value == rational(197, 2));
    CHECK((*readings)[0].basis == "£1,000 of £1,015");
    CHECK((*readings)[1].value == rational(97));
    check_error(read_readings_csv("kpi,month,value\nMA1,2025-4,1\n", "d.csv"), errc::syntax, 2, 5,
                "'2025-4' is not a month: write it as 2025-04");
    check_error(read_readings_csv("kpi,month,value\nMA1,2025-04,lots\n", "d.csv"), errc::syntax, 2, 13,
                "'lots' is not an exact number such as 98.4 or 1/3");
    check_error(read_readings_csv("kpi,month,value\nMA1,2025-04,1\nMA1,2025-04,2\n", "d.csv"), errc::invalid_value, 3, 5,
                "a second reading of MA1 for 2025-04");
}

TEST_CASE("right first time and satisfaction shares from job records") {
    const auto jobs = read_jobs_csv(std::string(header) +
                                        "J1,P1,2025-04-01 09:00,2025-04-01 12:00,yes,no,5,\n"
                                        "J2,P2,2025-04-01 09:00,2025-04-03 12:00,yes,yes,4,\n"
                                        "J3,P3,2025-04-01 09:00,2025-04-20 12:00,no,no,3,\n"
                                        "J4,P3,2025-04-01 09:00,2025-04-21 12:00,,,,\n"
                                        "J5,P3,2025-03-01 09:00,2025-03-21 12:00,yes,no,5,\n",
                                    "d.csv")
                          .value();
    kpi_definition k;
    k.id = "K";
    const period april{2025y / 4 / 1, 2025y / 4 / 30};
    const kpi_value rft = right_first_time_share(jobs, k, april);
    CHECK(rft.numerator == 1);  // J2 was recalled, J3 not fixed first time, J4 has no record, J5 is in March
    CHECK(rft.denominator == 3);
    CHECK(*rft.value == rational(100, 3));
    CHECK(rft.basis == "1 of 3 jobs fixed first time and not recalled (1 job without a record left out)");
    const kpi_value sat = satisfied_share(jobs, k, april);
    CHECK(sat.numerator == 2);
    CHECK(sat.denominator == 3);
    k.satisfied_from = 5;
    CHECK(satisfied_share(jobs, k, april).numerator == 1);
    k.priorities = {"P3"};
    CHECK(right_first_time_share(jobs, k, april).denominator == 1);
}

TEST_CASE("contract data that does not fit the contract is named at its CSV row") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tmo_contract_data_test";
    std::filesystem::create_directories(dir);
    const auto write = [&](const char* name, std::string_view text) {
        std::ofstream(dir / name, std::ios::binary) << text;
    };
    const std::string contract = std::string(TMO_SOURCE_DIR) + "/examples/data/contracts/riverside_cleaning.toml";
    std::ifstream in(contract);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    write("c.toml", text);
    write("riverside_inspections.csv", "inspection,date,element,grade\nI1,2025-04-02,communal cleaning,A\n"
                                       "I2,2025-04-02,communal cleaning,E\n");
    const auto bad_grade = load_contract(dir / "c.toml");
    REQUIRE_FALSE(bad_grade.has_value());
    CHECK(bad_grade.error().where().file == (dir / "riverside_inspections.csv").string());
    CHECK(bad_grade.error().where().line == 3);
    CHECK(bad_grade.error().message() ==
          "inspection I2 has grade 'E', which is not a grade of EPA litter grades (KPI CLN1)");
    std::filesystem::remove(dir / "riverside_inspections.csv");
    const auto missing = load_contract(dir / "c.toml");
    CHECK(missing.error().code() == errc::io);
    CHECK(missing.error().message() == "cannot read " + (dir / "riverside_inspections.csv").string() + ": no such file");
    std::filesystem::remove_all(dir);
}

TEST_CASE("lifecycle: a contract's history and its guards") {
    service_contract c;
    c.reference = "C-1";
    c.term = {2025y / 4 / 1, 2026y / 3 / 31, 1, 12, {}, 90};
    const std::vector<lifecycle_event> events{{2025y / 1 / 10, lifecycle_action::tender, ""},
                                              {2025y / 2 / 10, lifecycle_action::award, ""},
                                              {2025y / 4 / 1, lifecycle_action::start, ""},
                                              {2025y / 6 / 1, lifecycle_action::suspend, "access dispute"},
                                              {2025y / 6 / 15, lifecycle_action::resume, ""},
                                              {2026y / 3 / 1, lifecycle_action::renew, ""},
                                              {2027y / 4 / 1, lifecycle_action::expire, ""}};
    const lifecycle h = replay(c, events, std::nullopt).value();
    CHECK(h.state == contract_state::expired);
    CHECK(h.current_end == 2027y / 3 / 31);
    CHECK(state_on(h, 2025y / 6 / 10) == contract_state::suspended);
    CHECK(state_on(h, 2025y / 6 / 20) == contract_state::active);
    CHECK(state_on(h, 2026y / 3 / 2) == contract_state::renewed);
    CHECK(state_on(h, 2024y / 1 / 1) == contract_state::draft);
    CHECK(h.steps[3].sentence == "2025-06-01: suspend — active → suspended (access dispute).");
    CHECK(h.sentence == "C-1 is expired (since 2027-04-01).");
    CHECK(std::string(ocds_status(contract_state::renewed)) == "active");

    const auto refused = [&](std::vector<lifecycle_event> evs, const std::optional<continuation_link>& link) {
        auto r = replay(c, evs, link);
        REQUIRE_FALSE(r.has_value());
        return r.error().message();
    };
    auto running = std::vector<lifecycle_event>(events.begin(), events.begin() + 3);
    auto more = running;
    more.push_back({2025y / 5 / 1, lifecycle_action::terminate, ""});
    CHECK(refused(more, std::nullopt) == "event 4 (terminate on 2025-05-01): say why the contract is terminated (the "
                                         "event's note)");
    more.back() = {2026y / 3 / 1, lifecycle_action::expire, ""};
    CHECK(refused(more, std::nullopt) == "event 4 (expire on 2026-03-01): the term runs until 2026-03-31; it cannot "
                                         "expire before");
    more.back() = {2025y / 3 / 1, lifecycle_action::supervise, ""};
    CHECK(refused(more, std::nullopt) == "event 4 (supervise on 2025-03-01): it is dated before the previous event "
                                         "(2025-04-01); list events in date order");
    more.back() = {2026y / 3 / 1, lifecycle_action::renew, ""};
    more.push_back({2027y / 3 / 1, lifecycle_action::renew, ""});
    CHECK(refused(more, std::nullopt) == "event 5 (renew on 2027-03-01): no extension is left (the contract allows 1)");

    c.kind = contract_kind::management_agreement;
    more.pop_back();
    CHECK(refused(more, std::nullopt) == "event 4 (renew on 2026-03-01): a management agreement continues only after a "
                                         "continuation ballot; the contract names none");
    const continuation_link old{"continuation", 2021y / 2 / 1, 60};
    CHECK(refused(more, old) == "event 4 (renew on 2026-03-01): the continuation ballot of 2021-02-01 covers renewals "
                                "up to 2026-02-01; hold a new ballot first");
    CHECK(replay(c, more, continuation_link{"continuation", 2026y / 2 / 12, 60}).value().state ==
          contract_state::renewed);
}
