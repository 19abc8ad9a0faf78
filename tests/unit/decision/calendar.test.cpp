// The statutory calendar: every period of the shipped preset against the numbers governance.md states, statuses on
// a day, and the calendar file.
#include <tmo/decision/calendar.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace tmo;
using namespace tmo::decision;

namespace {

date day(const char* text) { return parse_date(text).value(); }

calendar_rules england() {
    result<calendar_rules> r = calendar_preset("england");
    REQUIRE(r);
    return *r;
}

// The due date of deadline `id` when the one milestone `milestone` falls on `when`.
date due(const calendar_rules& rules, const std::string& id, const std::string& milestone, const char* when) {
    result<calendar> c = compute_calendar(rules, {{milestone, day(when)}}, day("2000-01-01"));
    REQUIRE(c);
    for (const due_item& i : c->items)
        if (i.rule->id == id) return i.due;
    FAIL("no deadline " << id);
    return {};
}

const deadline_rule& rule(const calendar_rules& rules, const std::string& id) {
    for (const deadline_rule& d : rules.deadlines)
        if (d.id == id) return d;
    FAIL("no deadline " << id);
    return rules.deadlines.front();
}

}  // namespace

TEST_CASE("the england preset carries the periods and labels governance.md states") {
    const calendar_rules r = england();
    CHECK(r.deadlines.size() == 11);
    // governance.md §3.2 row 7: the council decides within 28 days of receiving the notice [V2 for 2012].
    CHECK(rule(r, "council_decision").span == period{28, period::unit::days});
    CHECK(rule(r, "council_decision").evidence == "V2");
    // Rows 10, 11, 13, 14: 3 months and 15 months from the acceptance date, 7 days, 35 days [V].
    CHECK(rule(r, "assessor_application").span == period{3, period::unit::months});
    CHECK(rule(r, "assessor_application").evidence == "V");
    CHECK(rule(r, "competence_report").span == period{15, period::unit::months});
    CHECK(rule(r, "assessor_notification").span == period{7, period::unit::days});
    CHECK(rule(r, "reassessment").span == period{35, period::unit::days});
    // Rows 17, 18 [V2], 21 [V]: ballot within 3 months of the offer, agreement 9 months after the result,
    // hand-over within 3 months.
    CHECK(rule(r, "rtm_ballot").span == period{3, period::unit::months});
    CHECK(rule(r, "agreement_signing").span == period{9, period::unit::months});
    CHECK(rule(r, "agreement_signing").evidence == "V2");
    CHECK(rule(r, "handover").span == period{3, period::unit::months});
    // §4.6: every 5 years [V2]; §5.3: AGM within six months of year end [V]; §4.4: allowances notified 3 months
    // before the year starts [V2].
    CHECK(rule(r, "continuation_ballot").span == period{60, period::unit::months});
    CHECK(rule(r, "continuation_ballot").evidence == "V2");
    CHECK(rule(r, "agm").span == period{6, period::unit::months});
    CHECK(rule(r, "agm").evidence == "V");
    CHECK(rule(r, "allowance_notice").span == period{3, period::unit::months});
    CHECK(rule(r, "allowance_notice").direction == deadline_direction::before);
    CHECK(calendar_preset("wales").error().code() == errc::not_found);
}

TEST_CASE("every period of the preset computed exactly with months clamped at month end") {
    const calendar_rules r = england();
    // 28 days after 10 January 2025 (the day itself not counted): 7 February.
    CHECK(due(r, "council_decision", "rtm_notice_served", "2025-01-10") == day("2025-02-07"));
    // governance.md §3.2: 30 November + 3 months = 28 or 29 February.
    CHECK(due(r, "assessor_application", "rtm_acceptance_received", "2024-11-30") == day("2025-02-28"));
    CHECK(due(r, "assessor_application", "rtm_acceptance_received", "2023-11-30") == day("2024-02-29"));
    CHECK(due(r, "competence_report", "rtm_acceptance_received", "2024-11-30") == day("2026-02-28"));
    CHECK(due(r, "assessor_notification", "action_plan_completed", "2025-03-25") == day("2025-04-01"));
    CHECK(due(r, "reassessment", "assessor_notified", "2025-04-01") == day("2025-05-06"));
    CHECK(due(r, "rtm_ballot", "offer_notice_issued", "2025-05-31") == day("2025-08-31"));
    CHECK(due(r, "agreement_signing", "rtm_ballot_result", "2025-05-31") == day("2026-02-28"));
    CHECK(due(r, "handover", "existing_agreement_determined", "2025-08-31") == day("2025-11-30"));
    CHECK(due(r, "continuation_ballot", "last_continuation_ballot", "2021-09-15") == day("2026-09-15"));
    CHECK(due(r, "continuation_ballot", "agreement_signed", "2020-02-29") == day("2025-02-28"));
    CHECK(due(r, "agm", "financial_year_end", "2025-03-31") == day("2025-09-30"));
    CHECK(due(r, "allowance_notice", "financial_year_start", "2026-04-01") == day("2026-01-01"));
}

TEST_CASE("the first milestone given is the one a deadline runs from") {
    const calendar_rules r = england();
    // The council's clock runs from receipt when it is known, else from service.
    result<calendar> c = compute_calendar(
        r, {{"rtm_notice_served", day("2025-01-10")}, {"rtm_notice_received", day("2025-01-13")}}, day("2025-01-20"));
    REQUIRE(c);
    REQUIRE(c->items.size() == 1);
    CHECK(c->items[0].trigger == "rtm_notice_received");
    CHECK(c->items[0].due == day("2025-02-10"));
    CHECK(c->items[0].arithmetic == "2025-01-13 + 28 days = 2025-02-10");
    CHECK(c->not_started.size() == 10);
    // a continuation ballot already held replaces the agreement date
    c = compute_calendar(r, {{"agreement_signed", day("2019-05-01")}, {"last_continuation_ballot", day("2024-05-20")}},
                         day("2025-01-01"));
    REQUIRE(c);
    bool found = false;
    for (const due_item& i : c->items)
        if (i.rule->id == "continuation_ballot") {
            found = true;
            CHECK(i.due == day("2029-05-20"));
        }
    CHECK(found);
}

TEST_CASE("overdue and due soon and met and met late on a given day") {
    const calendar_rules r = england();  // due soon: 28 days ahead or fewer
    const milestone_dates served{{"rtm_notice_served", day("2025-01-10")}};  // due 2025-02-07

    result<calendar> c = compute_calendar(r, served, day("2025-02-10"));
    REQUIRE(c);
    CHECK(c->items[0].status == due_status::overdue);
    CHECK(c->items[0].days == 3);
    CHECK(c->overdue == 1);
    CHECK(c->items[0].sentence ==
          "The council accepts or refuses the Right to Manage proposal notice (council_decision): overdue by 3 days "
          "(due 2025-02-07, 28 days after rtm_notice_served on 2025-01-10).");
    CHECK(c->summary ==
          "On 2025-02-10, 1 deadline is overdue and 0 fall due within 28 days (1 computed from the milestones given, "
          "10 not started).");

    c = compute_calendar(r, served, day("2025-02-07"));  // the due day itself is not overdue
    CHECK(c->items[0].status == due_status::due_soon);
    CHECK(c->items[0].days == 0);
    c = compute_calendar(r, served, day("2025-01-10"));  // 28 days ahead: due soon
    CHECK(c->items[0].status == due_status::due_soon);
    CHECK(c->items[0].days == 28);
    c = compute_calendar(r, served, day("2025-01-10"), 14);  // with a 14-day window: upcoming
    CHECK(c->items[0].status == due_status::upcoming);
    CHECK(c->summary.find("nothing is overdue") != std::string::npos);

    milestone_dates met = served;
    met["rtm_decision_notified"] = day("2025-02-05");
    c = compute_calendar(r, met, day("2025-03-01"));
    CHECK(c->items[0].status == due_status::met);
    CHECK(c->items[0].days == 2);
    met["rtm_decision_notified"] = day("2025-02-09");
    c = compute_calendar(r, met, day("2025-03-01"));
    CHECK(c->items[0].status == due_status::met_late);
    CHECK(c->items[0].days == 2);
    CHECK(c->overdue == 0);

    // Last year's AGM does not meet this year's: year end 2025-03-31, AGM due by 2025-09-30.
    c = compute_calendar(r, {{"financial_year_end", day("2025-03-31")}, {"agm_held", day("2024-09-10")}},
                         day("2025-10-05"));
    CHECK(c->items[0].status == due_status::overdue);
    CHECK(c->items[0].days == 5);
    // An allowance notice is met when it comes before the year starts: due 2026-01-01.
    c = compute_calendar(r, {{"financial_year_start", day("2026-04-01")}, {"allowance_notice_received", day("2026-01-15")}},
                         day("2026-02-01"));
    CHECK(c->items[0].status == due_status::met_late);
    CHECK(c->items[0].days == 14);
}

TEST_CASE("an unknown milestone is an error naming it") {
    result<calendar> c = compute_calendar(england(), {{"rtm_notice_serve", day("2025-01-10")}}, day("2025-02-10"));
    REQUIRE_FALSE(c);
    CHECK(c.error().code() == errc::not_found);
    CHECK(c.error().where().key_path == "rtm_notice_serve");
    CHECK(c.error().message().starts_with("unknown milestone 'rtm_notice_serve'; the calendar england knows: "));
}

TEST_CASE("calendar files and calendar rules are read with precise errors") {
    result<calendar_input> in = parse_calendar_input(
        "on = 2025-02-10\ndue_soon_days = 14\n[milestones]\nrtm_notice_served = 2025-01-10\n", "cal.toml");
    REQUIRE(in);
    CHECK(in->preset == "england");
    CHECK(in->on == day("2025-02-10"));
    CHECK(in->due_soon_days == 14u);
    CHECK(in->milestones.at("rtm_notice_served") == day("2025-01-10"));

    result<calendar_input> bad = parse_calendar_input("[milestones]\nagm_held = \"2025-13-01\"\n", "cal.toml");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code() == errc::invalid_value);
    CHECK(bad.error().where().line == 2);
    CHECK(bad.error().where().column == 12);
    CHECK(bad.error().where().key_path == "milestones.agm_held");

    result<calendar_input> unknown_milestone =
        parse_calendar_input("[milestones]\nagm_held = 2025-07-01\nagm = 2025-07-01\n", "cal.toml");
    REQUIRE_FALSE(unknown_milestone);
    CHECK(unknown_milestone.error().code() == errc::unknown_key);
    CHECK(unknown_milestone.error().where().line == 3);
    CHECK(unknown_milestone.error().where().column == 1);
    CHECK(unknown_milestone.error().message().starts_with("unknown milestone 'agm'; the calendar england knows: "));
    result<calendar_input> wales = parse_calendar_input("preset = \"wales\"\n[milestones]\n", "cal.toml");
    REQUIRE_FALSE(wales);
    CHECK(wales.error().code() == errc::not_found);
    CHECK(wales.error().where().column == 10);

    result<calendar_input> typo = parse_calendar_input("[milestone]\n", "cal.toml");
    REQUIRE_FALSE(typo);
    CHECK(typo.error().code() == errc::unknown_key);

    const std::string rules =
        "name = \"t\"\n[milestones]\nstart = \"the start\"\n"
        "[[deadline]]\nid = \"d\"\nlabel = \"D\"\nfrom = \"start\"\nperiod = { weeks = 2 }\ndirection = \"after\"\n"
        "source = \"s\"\nevidence = \"V\"\n";
    result<calendar_rules> r = parse_calendar_rules(rules, "r.toml");
    REQUIRE_FALSE(r);
    CHECK(r.error().code() == errc::unknown_key);
    CHECK(r.error().where().line == 8);
    CHECK(r.error().where().key_path == "deadline[0].period.weeks");

    std::string unknown = rules;
    unknown.replace(unknown.find("from = \"start\""), 14, "from = \"end\"");
    unknown.replace(unknown.find("weeks = 2"), 9, "days = 14");
    r = parse_calendar_rules(unknown, "r.toml");
    REQUIRE_FALSE(r);
    CHECK(r.error().message() == "unknown milestone \"end\": list it under [milestones] first");
    CHECK(r.error().where().line == 7);
    CHECK(r.error().where().column == 8);
}

TEST_CASE("a calendar in text and Markdown and JSON") {
    const calendar_rules r = england();
    result<calendar> c = compute_calendar(r,
                                          {{"financial_year_end", day("2025-03-31")},
                                           {"financial_year_start", day("2026-04-01")},
                                           {"last_continuation_ballot", day("2021-09-15")}},
                                          day("2025-09-20"));
    REQUIRE(c);
    // By due date: the AGM (2025-09-30, due in 10 days), the allowance notice (2026-01-01), the ballot (2026-09-15).
    REQUIRE(c->items.size() == 3);
    CHECK(c->items[0].rule->id == "agm");
    CHECK(c->items[1].rule->id == "allowance_notice");
    CHECK(c->items[2].rule->id == "continuation_ballot");
    const std::string text = to_text(*c);
    CHECK(text.find("2025-09-30  due soon, in 10 days  agm: ") != std::string::npos);
    const std::string md = to_markdown(*c);
    CHECK(md.find("| 2026-01-01 | The council notifies the TMO of its allowances | due in 103 days | "
                  "financial_year_start | 2026-04-01 - 3 months = 2026-01-01 |") != std::string::npos);
    const std::string json = to_json(*c);
    CHECK(json.find("\"due\": \"2026-09-15\"") != std::string::npos);
    CHECK(json.find("\"due_soon\": 1") != std::string::npos);
}
