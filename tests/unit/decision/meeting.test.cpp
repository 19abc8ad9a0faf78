// Meetings: notice in clear days, quorum at its edges (governance.md §5.4 example 1, §8.5-8.8), proxies and the
// per-holder cap, declared interests, adjourned meetings, and the meeting file's errors.
#include "helpers.hpp"

#include <tmo/decision/files.hpp>
#include <tmo/decision/meeting.hpp>
#include <tmo/decision/record.hpp>

using namespace tmo;
using namespace tmo::decision;
using namespace decision_test;

namespace {

// A meeting file for a register of secure tenants R1..Rn: `present` of them present in person (R1 first), the rest
// of the TOML as given.
std::string meeting_text(unsigned present, std::string_view notice, std::string_view rest = "",
                         std::string_view date = "2025-06-26") {
    std::string ids;
    for (unsigned i = 1; i <= present; ++i) ids += (i > 1 ? ", " : "") + std::string("\"R") + std::to_string(i) + "\"";
    return "[meeting]\nkind = \"general\"\ndate = " + std::string(date) + "\ntime = 19:00:00\nnotice_given = " +
           std::string(notice) + "\nchair = \"R1\"\nregister = \"generated.csv\"\n\n[attendance]\npresent = [" + ids +
           "]\n" + std::string(rest);
}

meeting_outcome check(const constitution& c, const member_register& reg, const std::string& text) {
    const meeting m = ok(parse_meeting(text, "meeting.toml"));
    return ok(check_meeting(c, reg, m));
}

error check_error(const constitution& c, const member_register& reg, const std::string& text) {
    result<meeting> m = parse_meeting(text, "meeting.toml");
    if (!m) return m.error();
    result<meeting_outcome> out = check_meeting(c, reg, *m);
    REQUIRE_FALSE(out.has_value());
    return out.error();
}

}  // namespace

TEST_CASE("notice one clear day short") {
    // governance.md §8.5: a meeting on Thursday 26 June 2025 with 14 clear days needs notice by 11 June 2025.
    const constitution c = riverside();
    const member_register reg = secure_tenants(50);
    meeting_outcome in_time = check(c, reg, meeting_text(20, "2025-06-11"));
    CHECK(in_time.notice.met);
    CHECK(in_time.notice.clear_days == 14);
    CHECK(in_time.valid);
    meeting_outcome late = check(c, reg, meeting_text(20, "2025-06-12"));
    CHECK_FALSE(late.notice.met);
    CHECK(late.notice.clear_days == 13);
    CHECK(late.notice.latest == day("2025-06-11"));
    CHECK_FALSE(late.valid);
    CHECK(late.notice.sentence == "Notice short: given on 2025-06-12, 13 clear days before the meeting on 2025-06-26; "
                                  "14 clear days are required (notice was due by 2025-06-11).");
    CHECK(late.sentence == "Not properly held: notice was short. 0 resolutions carried, 0 not carried.");
}

TEST_CASE("quorum met exactly and missed by one") {
    // governance.md §5.4 example 1: "25 members or one third, whichever is less". With 50 members: min(25, 17) = 17.
    const constitution c = riverside();
    const member_register fifty = secure_tenants(50);
    meeting_outcome exact = check(c, fifty, meeting_text(17, "2025-06-01"));
    CHECK(exact.quorum.required == 17);
    CHECK(exact.quorum.met);
    CHECK(exact.quorum.sentence == "Quorate: 17 present (17 in person, 0 by proxy) against a quorum of 17 for 50 members.");
    meeting_outcome short_one = check(c, fifty, meeting_text(16, "2025-06-01"));
    CHECK_FALSE(short_one.quorum.met);
    CHECK_FALSE(short_one.valid);
    CHECK(short_one.adjourned_to == day("2025-07-10"));
    CHECK(short_one.quorum.sentence == "Inquorate: 16 present (16 in person, 0 by proxy) against a quorum of 17 for 50 "
                                       "members. The meeting stands adjourned to 2025-07-10 (14 days later), when "
                                       "those present form the quorum.");
    // With 120 members: min(25, 40) = 25.
    const member_register many = secure_tenants(120);
    CHECK(check(c, many, meeting_text(25, "2025-06-01")).quorum.met);
    CHECK_FALSE(check(c, many, meeting_text(24, "2025-06-01")).quorum.met);
}

TEST_CASE("adjourned meeting where those present form the quorum") {
    const constitution c = riverside();
    const member_register fifty = secure_tenants(50);
    const std::string rest = "\n[[items]]\ntitle = \"Budget\"\nkind = \"ordinary\"\n"
                             "show_of_hands = { for = 3, against = 1 }\n";
    std::string text = meeting_text(4, "2025-06-01", rest, "2025-07-10");
    text.insert(text.find("chair ="), "adjourned_from = 2025-06-26\n");
    meeting_outcome m = check(c, fifty, text);
    CHECK(m.quorum.adjourned_rule);
    CHECK(m.quorum.met);
    CHECK(m.notice.met);  // notice counted from the original meeting of 2025-06-26
    CHECK(m.valid);
    CHECK(m.items[0].resolution->carried);
    // Adjourned to the wrong day.
    std::string wrong = meeting_text(4, "2025-06-01", rest, "2025-07-11");
    wrong.insert(wrong.find("chair ="), "adjourned_from = 2025-06-26\n");
    meeting_outcome w = check(c, fifty, wrong);
    CHECK_FALSE(w.notice.met);
    CHECK(contains(w.notice.sentence, "The adjourned meeting was due on 2025-07-10 (14 days after 2025-06-26), not 2025-07-11."));
}

TEST_CASE("a quorum that fails once conflicted members leave") {
    // 18 present of 50 (quorum 17): two members declaring an interest leave 16 for that item.
    const constitution c = riverside();
    const member_register fifty = secure_tenants(50);
    const std::string rest = R"(
[[items]]
title = "Contract for the caretaking service"
kind = "ordinary"
interests = ["R5", "R6"]
show_of_hands = { for = 10, against = 4 }

[[items]]
title = "Garden budget"
kind = "ordinary"
interests = ["R5"]
show_of_hands = { for = 10, against = 4, abstain = 3 }
)";
    meeting_outcome m = check(c, fifty, meeting_text(18, "2025-06-01", rest));
    CHECK(m.quorum.met);
    REQUIRE(m.items.size() == 2);
    CHECK_FALSE(m.items[0].considered);
    CHECK(m.items[0].quorum.stood_aside == 2);
    CHECK(m.items[0].sentence == "Not considered: inquorate for this item. Inquorate: 16 present (16 in person, 0 by "
                                 "proxy) once 2 members with a declared interest stood aside, against a quorum of 17 "
                                 "for 50 members.");
    CHECK(m.items[1].considered);
    CHECK(m.items[1].resolution->carried);
    CHECK_FALSE(m.valid);
    CHECK(m.sentence == "Not properly held: item 1 was inquorate. 1 resolution carried, 0 not carried.");
    // 17 hands for the second item are more than the 17 members left once R5 stood aside, less the... 18 - 1 = 17.
    std::string too_many = rest;
    too_many.replace(too_many.find("for = 10, against = 4, abstain = 3"), 34, "for = 10, against = 5, abstain = 3");
    const error e = check_error(c, fifty, meeting_text(18, "2025-06-01", too_many));
    CHECK(e.to_string() == "meeting.toml:18:1: error: 18 hands were counted (for, against and abstaining) but only 17 "
                           "members present may vote on this item (at items[1])");
}

TEST_CASE("a proxy over the cap is refused") {
    // Riverside: at most 5 proxies per holder, lodged 48 hours before the meeting (19:00 on 2025-06-26).
    const constitution c = riverside();
    const member_register fifty = secure_tenants(50);
    std::string rest = "proxies = [\n";
    for (int i = 21; i <= 26; ++i)
        rest += "  { member = \"R" + std::to_string(i) + "\", holder = \"R2\", lodged = 2025-06-20T10:00:00 },\n";
    rest += "  { member = \"R27\", holder = \"R3\", lodged = 2025-06-24T19:00:00 },\n";
    rest += "  { member = \"R28\", holder = \"R3\", lodged = 2025-06-24T19:01:00 },\n";
    rest += "  { member = \"R29\", holder = \"R3\", lodged = 2025-06-24 },\n";
    rest += "  { member = \"R27\", holder = \"R4\", lodged = 2025-06-20 },\n";
    rest += "  { member = \"R1\", holder = \"R4\", lodged = 2025-06-20 },\n";
    rest += "  { member = \"R30\", holder = \"R40\", lodged = 2025-06-20 },\n";
    rest += "]\n";
    meeting_outcome m = check(c, fifty, meeting_text(12, "2025-06-01", rest));
    REQUIRE(m.proxies.size() == 12);
    for (int i = 0; i < 5; ++i) CHECK(m.proxies[static_cast<std::size_t>(i)].accepted);
    CHECK_FALSE(m.proxies[5].accepted);
    CHECK(m.proxies[5].reason == "R2 already holds 5 proxies, the most allowed");
    CHECK(m.proxies[6].accepted);  // exactly 48 hours before
    CHECK(m.proxies[7].reason == "lodged on 2025-06-24 at 19:01, after the deadline of 2025-06-24 at 19:00 (48 hours "
                                 "before the meeting)");
    CHECK(m.proxies[8].reason == "lodged on 2025-06-24, after the deadline of 2025-06-24 at 19:00 (48 hours before "
                                 "the meeting)");
    CHECK(m.proxies[9].reason == "R27 is already represented by a proxy (never two proxies for one member)");
    CHECK(m.proxies[10].reason == "R1 is present in person");
    CHECK(m.proxies[11].reason == "the holder R40 is not present");
    // 12 in person and 6 by proxy: 18 against a quorum of 17.
    CHECK(m.quorum.in_person == 12);
    CHECK(m.quorum.by_proxy == 6);
    CHECK(m.quorum.met);
    const std::string md = to_markdown(m);
    CHECK(contains(md, "- R26 by R2: refused, R2 already holds 5 proxies, the most allowed"));
    CHECK(contains(to_json(m), "\"reason\": \"R2 already holds 5 proxies, the most allowed\""));
}

TEST_CASE("poll votes through proxies and refusals") {
    const constitution c = riverside();
    const member_register fifty = secure_tenants(50);
    std::string rest = "proxies = [{ member = \"R30\", holder = \"R2\", lodged = 2025-06-20 }]\n";
    rest += R"(
[[items]]
title = "Change the rules on pets"
kind = "special"
interests = ["R3"]
poll = { for = ["R1", "R2", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R30"], against = ["R15", "R16", "R17", "R18", "R3", "R40"] }
)";
    meeting_outcome m = check(c, fifty, meeting_text(18, "2025-06-01", rest));
    const item_result& it = m.items[0];
    REQUIRE(it.resolution);
    CHECK(it.resolution->votes.all.in_favour == 14);
    CHECK(it.resolution->votes.all.against == 4);
    REQUIRE(it.refused.size() == 2);
    CHECK(it.refused[0].reason == "declared an interest in this item");
    CHECK(it.refused[1].reason == "neither present nor represented by an accepted proxy");
    CHECK(it.resolution->carried);  // 14 of 18 = 77.8% >= 3/4
    CHECK(it.sentence == "Carried: 14 of 18 votes cast (77.8%) against a required 3/4.");
}

TEST_CASE("committee meeting tie with the chair's casting vote") {
    // governance.md §5.4 example 5: committee of 9, 8 present, quorum ceil(9/3) = 3, vote 4-4.
    const constitution c = riverside();
    const member_register nine = secure_tenants(9);
    std::string text = meeting_text(8, "2025-06-01", R"(
[[items]]
title = "Repaint the stairwells"
kind = "ordinary"
show_of_hands = { for = 4, against = 4 }
casting_vote = "in_favour"
)");
    text.replace(text.find("\"general\""), 9, "\"committee\"");
    meeting_outcome m = check(c, nine, text);
    CHECK(m.quorum.required == 3);
    CHECK(m.items[0].resolution->carried);
    CHECK(m.items[0].sentence ==
          "Carried on the chair's casting vote: 5 of 9 votes cast (55.6%) against a required more than 1/2.");
}

TEST_CASE("meeting file errors are precise") {
    const constitution c = riverside();
    const member_register fifty = secure_tenants(50);
    CHECK(check_error(c, fifty, meeting_text(3, "2025-06-01") + "proxies = [{ member = \"R99\", holder = \"R1\" }]\n")
              .to_string() == "meeting.toml:11:23: error: no member \"R99\" is on the register (at attendance.proxies[0].member)");
    CHECK(check_error(c, fifty, meeting_text(3, "2025-06-01", "\n[[items]]\ntitle = \"X\"\nkind = \"extraordinary\"\n"
                                                              "show_of_hands = { for = 1, against = 0 }\n"))
              .message() == "the constitution has no resolution kind \"extraordinary\" (it has: amalgamation, "
                            "conversion, ordinary, special)");
    CHECK(check_error(c, fifty, meeting_text(3, "2025-06-01", "\n[[items]]\ntitle = \"X\"\nkind = \"ordinary\"\n"))
              .to_string() == "meeting.toml:12:1: error: the item has a kind but no votes: add show_of_hands or poll "
                              "(at items[0].show_of_hands)");
    CHECK(check_error(c, fifty, meeting_text(3, "2025-06-01", "\n[[items]]\ntitle = \"X\"\nkind = \"ordinary\"\n"
                                                              "show_of_hands = { for = 1, against = 0 }\n"
                                                              "casting_vote = \"yes\"\n"))
              .to_string() == "meeting.toml:16:16: error: unknown casting vote \"yes\"; expected \"in_favour\" or "
                              "\"against\" (at items[0].casting_vote)");
    CHECK(check_error(c, fifty, meeting_text(3, "2025-06-01") + "late = true\n").code() == errc::unknown_key);
    CHECK(check_error(c, fifty, meeting_text(3, "2025-06-30")).to_string() ==
          "meeting.toml:5:16: error: notice was given after the meeting (at meeting.notice_given)");
    std::string twice = meeting_text(3, "2025-06-01");
    twice.replace(twice.find("\"R3\"]"), 5, "\"R3\", \"R2\"]");
    CHECK(check_error(c, fifty, twice).message() == "member R2 is listed as present twice");
}

TEST_CASE("riverside agm checks and records its minutes") {
    const std::string dir = std::string(TMO_SOURCE_DIR) + "/examples/data/";
    const meeting m = ok(load_meeting(dir + "riverside/agm_2026.toml"));
    const member_register reg = ok(load_register_csv(m.register_file));
    const meeting_outcome out = ok(check_meeting(riverside(), reg, m));
    CHECK(out.valid);
}
