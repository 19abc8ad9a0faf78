// The committee: make-up, rotation with a tie settled by lot, an STV election, co-option, the committee file.
#include <tmo/decision/committee.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tmo;
using namespace tmo::decision;

namespace {

date day(const char* text) { return parse_date(text).value(); }

// The Riverside example's committee rules (examples/data/riverside_tmo.toml): 5 to 15 members, at least two thirds
// residents, at most 3 co-opted, 36-month terms, one third retiring each year (nearest), chair, secretary and
// treasurer, one office each, Scottish STV.
committee_rules riverside_rules() {
    result<constitution> c = load_constitution(std::string(TMO_SOURCE_DIR) + "/examples/data/riverside_tmo.toml");
    REQUIRE(c);
    REQUIRE(c->committee);
    return *c->committee;
}

committee_member person(std::string id, std::string name, seat_category category, const char* since,
                        std::vector<std::string> offices = {}) {
    return {std::move(id), std::move(name), category, std::move(offices), day(since)};
}

// Ten members who rotate and one co-opted member. R01 and R02 have served longest; R03, R04 and R05 were all
// elected on 2022-06-15; the others later.
committee eleven() {
    committee c;
    c.members = {
        person("R01", "Ann Adams", seat_category::resident, "2020-06-01", {"chair"}),
        person("R02", "Bob Brown", seat_category::resident, "2021-06-10", {"secretary"}),
        person("R05", "Eve Evans", seat_category::resident, "2022-06-15"),
        person("R03", "Cat Cole", seat_category::resident, "2022-06-15", {"treasurer"}),
        person("R04", "Dan Dale", seat_category::other, "2022-06-15"),
        person("R06", "Fay Ford", seat_category::resident, "2023-06-20"),
        person("R07", "Gus Gray", seat_category::resident, "2023-06-20"),
        person("R08", "Hal Hill", seat_category::resident, "2024-06-18"),
        person("R09", "Ivy Ives", seat_category::resident, "2024-06-18"),
        person("R10", "Jo Jones", seat_category::resident, "2025-06-17"),
        person("C01", "Kim King", seat_category::co_opted, "2025-09-01"),
    };
    c.seats = 12;  // one casual vacancy
    return c;
}

const composition_test* find_test(const composition_report& r, const std::string& name, bool passed) {
    for (const composition_test& t : r.tests)
        if (t.name == name && t.passed == passed) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("a committee made up as the rules require passes every test") {
    result<composition_report> r = check_composition(eleven(), riverside_rules());
    REQUIRE(r);
    CHECK(r->passed);
    CHECK(r->members == 11);
    CHECK(r->residents == 9);
    CHECK(r->co_opted == 1);
    CHECK(r->seats == 12);
    CHECK(r->casual_vacancies == 1);
    // size, resident share, co-opted, one office each, office holders, three officers
    CHECK(r->tests.size() == 8);
    CHECK(r->summary == "The committee meets all 8 tests of its make-up.");
    // 2/3 of 11 is 22/3 = 7 1/3, so 8 residents are needed; there are 9.
    const composition_test* share = find_test(*r, "resident_share", true);
    REQUIRE(share);
    CHECK(share->sentence ==
          "Residents hold 9 of the 11 seats filled, at least the 2/3 required (2/3 of 11 is 22/3, so 8 are needed).");
}

TEST_CASE("composition failures each get a plain sentence") {
    committee c;
    c.members = {
        person("A", "Ann Adams", seat_category::resident, "2024-06-01", {"chair", "treasurer"}),
        person("B", "Bob Brown", seat_category::resident, "2024-06-01", {"chair"}),
        person("C", "Cat Cole", seat_category::resident, "2024-06-01"),
        person("D", "Dan Dale", seat_category::other, "2024-06-01"),
        person("E", "Eve Evans", seat_category::co_opted, "2024-09-01"),
        person("F", "Fay Ford", seat_category::co_opted, "2024-09-01"),
    };
    result<composition_report> r = check_composition(c, riverside_rules());
    REQUIRE(r);
    CHECK_FALSE(r->passed);
    CHECK(r->summary ==
          "The committee fails 4 of the 8 tests of its make-up (resident_share, one_office_each, office_holders and "
          "officer).");
    const composition_test* share = find_test(*r, "resident_share", false);
    REQUIRE(share);
    // 3 residents of 6: 2/3 of 6 is 4.
    CHECK(share->sentence ==
          "Residents hold 3 of the 6 seats filled, less than the 2/3 required: 2/3 of 6 is 4, so 4 are needed.");
    REQUIRE(find_test(*r, "one_office_each", false));
    CHECK(find_test(*r, "one_office_each", false)->sentence ==
          "Ann Adams holds 2 offices (chair and treasurer); no one may hold more than one.");
    REQUIRE(find_test(*r, "office_holders", false));
    CHECK(find_test(*r, "office_holders", false)->sentence ==
          "The office of chair is held by 2 members (Ann Adams and Bob Brown); an office has one holder.");
    REQUIRE(find_test(*r, "officer", false));
    CHECK(find_test(*r, "officer", false)->sentence ==
          "No one holds the office of secretary, which the constitution requires.");
    REQUIRE(find_test(*r, "co_opted", true));
    CHECK(find_test(*r, "co_opted", true)->sentence == "2 members are co-opted, within the cap of 3.");

    c.members.resize(4);
    c.members.push_back(person("G", "Gus Gray", seat_category::co_opted, "2024-09-01"));
    c.members.erase(c.members.begin());  // 4 members left
    r = check_composition(c, riverside_rules());
    REQUIRE(r);
    REQUIRE(find_test(*r, "size", false));
    CHECK(find_test(*r, "size", false)->sentence == "The committee has 4 members, fewer than the 5 the constitution requires.");
}

TEST_CASE("rotation: one third of ten is 10/3 so 3 retire and a tie for the last place is settled by lot") {
    // Pool: the 10 members who are not co-opted. R01 and R02 served longest; R03, R04 and R05 were elected on the
    // same day and one of them must retire. The draw (counting.md §4.2): SHA-256("Riverside TMO AGM 2026,0") read
    // as a big-endian number, mod 3, is 2, indexing [R03, R04, R05] in ascending id: R05 retires.
    result<rotation_result> r = rotate(eleven(), riverside_rules(), day("2026-06-20"), "Riverside TMO AGM 2026");
    REQUIRE(r);
    CHECK(r->by_rotation);
    CHECK(r->pool == 10);
    CHECK(r->exact == rational(10, 3));
    CHECK(r->retiring == 3);
    CHECK(r->arithmetic == "1/3 of 10 members = 10/3 (3.333...), rounded to the nearest whole number, a half up: 3");
    REQUIRE(r->retire.size() == 3);
    CHECK(r->retire[0].id == "R01");
    CHECK(r->retire[0].reason == "longest serving");
    CHECK(r->retire[0].days_served == 2210);  // 2020-06-01 to 2026-06-20
    CHECK(r->retire[1].id == "R02");
    CHECK(r->retire[2].id == "R05");
    CHECK(r->retire[2].by_lot);
    REQUIRE(r->lot);
    CHECK(r->lot->tied == std::vector<std::string>{"R03", "R04", "R05"});
    CHECK(r->lot->places == 1);
    REQUIRE(r->lot->draws.size() == 1);
    CHECK(r->lot->draws[0].counter == 0);
    CHECK(r->lot->draws[0].among == 3);
    CHECK(r->lot->draws[0].index == 2);
    REQUIRE(r->co_option_ends.size() == 1);
    CHECK(r->co_option_ends[0].id == "C01");
    CHECK(r->seats_to_fill == 4);  // 3 retiring + 1 casual vacancy
    CHECK(r->sentence ==
          "At the AGM on 2026-06-20, Ann Adams, Bob Brown and Eve Evans retire by rotation (1/3 of 10 members = 10/3 "
          "(3.333...), rounded to the nearest whole number, a half up: 3); 1 place was drawn by lot among the 3 "
          "members elected on 2022-06-15 with the seed \"Riverside TMO AGM 2026\"; 1 co-option ends. 4 seats are to "
          "be filled, including 1 casual vacancy.");
}

TEST_CASE("rotation: two places among three tied members take two draws") {
    // Rounded up, one third of 10 is 4: R01, R02 and two of R03, R04, R05. Draw 1 (counter 0, n = 3) gives 2: R05;
    // draw 2 (counter 1, n = 2) gives 0 among [R03, R04]: R03 (SHA-256 of "Riverside TMO AGM 2026,1" mod 2).
    committee_rules rules = riverside_rules();
    rules.rotation_round = rounding::ceil;
    result<rotation_result> r = rotate(eleven(), rules, day("2026-06-20"), "Riverside TMO AGM 2026");
    REQUIRE(r);
    CHECK(r->retiring == 4);
    REQUIRE(r->lot);
    REQUIRE(r->lot->draws.size() == 2);
    CHECK(r->lot->draws[0].chosen == "R05");
    CHECK(r->lot->draws[1].counter == 1);
    CHECK(r->lot->draws[1].among == 2);
    CHECK(r->lot->draws[1].chosen == "R03");
    std::vector<std::string> ids;
    for (const retiring_member& m : r->retire) ids.push_back(m.id);
    CHECK(ids == std::vector<std::string>{"R01", "R02", "R03", "R05"});

    // Rounded down: 3, the same as the nearest here.
    rules.rotation_round = rounding::floor;
    CHECK(rotate(eleven(), rules, day("2026-06-20"), "x")->retiring == 3);
    // Without a seed the draw cannot be made, and the error names the tied members.
    result<rotation_result> unseeded = rotate(eleven(), riverside_rules(), day("2026-06-20"), "");
    REQUIRE_FALSE(unseeded);
    CHECK(unseeded.error().code() == errc::invalid_argument);
    CHECK(unseeded.error().message() ==
          "a draw by lot is needed: 3 members (R03, R04 and R05) were elected on 2022-06-15 for 1 place; give a "
          "published seed");
}

TEST_CASE("rotation: a half rounds up to the nearest and without a fraction ended terms retire") {
    committee c;
    c.members = {person("A", "A", seat_category::resident, "2023-06-01"),
                 person("B", "B", seat_category::resident, "2024-06-01"),
                 person("C", "C", seat_category::resident, "2025-06-01"),
                 person("D", "D", seat_category::resident, "2025-06-02"),
                 person("E", "E", seat_category::resident, "2025-06-03")};
    committee_rules rules = riverside_rules();
    rules.rotation = rational(1, 2);  // 1/2 of 5 = 5/2: nearest (a half up) 3, down 2
    CHECK(rotate(c, rules, day("2026-06-01"), "")->retiring == 3);
    rules.rotation_round = rounding::floor;
    CHECK(rotate(c, rules, day("2026-06-01"), "")->retiring == 2);

    // 12-month terms, no rotation: at an AGM on 2026-06-01 the terms of A, B and C (2025-06-01 + 12 months) have
    // ended; D's ends on 2026-06-02.
    rules.rotation.reset();
    rules.term_months = 12;
    result<rotation_result> r = rotate(c, rules, day("2026-06-01"), "");
    REQUIRE(r);
    CHECK_FALSE(r->by_rotation);
    REQUIRE(r->retire.size() == 3);
    CHECK(r->retire[2].id == "C");
    CHECK(r->retire[2].reason == "term ended");

    c.members[0].since = day("2026-07-01");
    CHECK(rotate(c, rules, day("2026-06-01"), "").error().code() == errc::invalid_value);
}

TEST_CASE("an STV committee election on a hand-countable profile") {
    // Two seats, 10 papers: 5 Ann > Bob, 3 Cat, 2 Dan > Cat. Quota (Scottish STV) = floor(10 / 3) + 1 = 4.
    // Stage 1: Ann 5 (elected), Cat 3, Dan 2, Bob 0. Stage 2: Ann's surplus of 1 goes to Bob at 1/5 a paper: Bob 1.
    // Stage 3: Bob, the lowest, is excluded; his papers have no further preference. Stage 4: Dan is excluded and his
    // 2 papers go to Cat: 5, elected.
    vote::profile p({{"Ann Adams"}, {"Bob Brown"}, {"Cat Cole"}, {"Dan Dale"}}, 2);
    const std::vector<vote::mark> ab{{0, false}, {1, false}}, c{{2, false}}, dc{{3, false}, {2, false}};
    REQUIRE(p.add(ab, 5));
    REQUIRE(p.add(c, 3));
    REQUIRE(p.add(dc, 2));
    const committee_rules rules = riverside_rules();
    result<election_outcome> e = elect(rules, p, 1, 1, day("2026-06-20"), "Riverside TMO AGM 2026");
    REQUIRE(e);
    CHECK(e->rule == "scottish-stv");
    CHECK(e->seats == 2);
    CHECK(e->elected == std::vector<std::string>{"Ann Adams", "Cat Cole"});
    REQUIRE(e->count.stages.size() == 4);
    CHECK(e->count.stages[0].quota == rational(4));
    CHECK(e->count.stages[1].votes[1] == rational(1));           // Bob after Ann's surplus
    CHECK(e->count.stages[3].votes[2] == rational(5));           // Cat after Dan's exclusion
    CHECK(e->term_ends == day("2029-06-20"));                    // 36 months
    CHECK(e->sentence ==
          "Elected to 2 seats (1 retiring, 1 casual vacancy) by scottish_stv (counted as scottish-stv): Ann Adams and "
          "Cat Cole, until 2029-06-20.");

    // Block vote on another profile: 3 papers marked Ann and Bob, 2 marked Cat: Ann 3, Bob 3, Cat 2.
    committee_rules block = rules;
    block.method = election_method::block_vote;
    vote::profile marks({{"Ann Adams"}, {"Bob Brown"}, {"Cat Cole"}}, 2);
    REQUIRE(marks.add(ab, 3));
    REQUIRE(marks.add(c, 2));
    result<election_outcome> b = elect(block, marks, 2, 0, day("2026-06-20"), "");
    REQUIRE(b);
    CHECK(b->rule == "block");
    CHECK(b->elected == std::vector<std::string>{"Ann Adams", "Bob Brown"});
    block.method = election_method::borda;
    CHECK(elect(block, p, 2, 0, day("2026-06-20"), "").error().code() == errc::not_found);
    CHECK(elect(rules, p, 0, 0, day("2026-06-20"), "").error().code() == errc::invalid_argument);
}

TEST_CASE("co-option within the cap until the next AGM and refused over it") {
    const committee_rules rules = riverside_rules();  // at most 3 co-opted
    committee c = eleven();
    result<co_option_outcome> o = co_opt(c, rules, person("C02", "Lee Lane", seat_category::resident, "2000-01-01"),
                                         day("2025-10-01"), day("2026-06-20"));
    REQUIRE(o);
    CHECK(o->allowed);
    CHECK(o->member.category == seat_category::co_opted);
    CHECK(o->member.since == day("2025-10-01"));
    CHECK(o->term_ends == day("2026-06-20"));
    CHECK(o->sentence == "Lee Lane is co-opted on 2025-10-01 until the AGM on 2026-06-20 (2 of at most 3 co-opted members).");

    c.members.push_back(person("C02", "Lee Lane", seat_category::co_opted, "2025-10-01"));
    c.members.push_back(person("C03", "Max Moss", seat_category::co_opted, "2025-10-01"));
    c.seats = 13;
    o = co_opt(c, rules, person("C04", "Ned Nash", seat_category::co_opted, "2025-11-01"), day("2025-11-01"),
               day("2026-06-20"));
    REQUIRE(o);
    CHECK_FALSE(o->allowed);
    CHECK(o->sentence == "Ned Nash cannot be co-opted: 3 members are already co-opted and the constitution allows 3.");
    CHECK(co_opt(c, rules, c.members[0], day("2025-11-01"), day("2026-06-20")).error().code() == errc::invalid_value);
}

TEST_CASE("committee files are read with precise errors") {
    const std::string text =
        "seats = 7\n"
        "[[member]]\n"
        "id = \"R01\"\nname = \"Ann Adams\"\ncategory = \"resident\"\noffices = [\"chair\"]\nsince = 2024-06-18\n"
        "[[member]]\n"
        "id = \"C01\"\nname = \"Kim King\"\ncategory = \"co_opted\"\nsince = \"2025-09-01\"\n";
    result<committee> c = parse_committee(text, "c.toml");
    REQUIRE(c);
    CHECK(c->seats == 7u);
    REQUIRE(c->members.size() == 2);
    CHECK(c->members[0].offices == std::vector<std::string>{"chair"});
    CHECK(c->members[1].category == seat_category::co_opted);
    CHECK(c->members[1].since == day("2025-09-01"));

    std::string duplicate = text;
    duplicate.replace(duplicate.find("\"C01\""), 5, "\"R01\"");
    result<committee> d = parse_committee(duplicate, "c.toml");
    REQUIRE_FALSE(d);
    CHECK(d.error().code() == errc::invalid_value);
    CHECK(d.error().where().file == "c.toml");
    CHECK(d.error().where().line == 9);
    CHECK(d.error().where().column == 6);
    CHECK(d.error().where().key_path == "member[1].id");

    std::string category = text;
    category.replace(category.find("\"co_opted\""), 10, "\"coopted\"");
    result<committee> e = parse_committee(category, "c.toml");
    REQUIRE_FALSE(e);
    CHECK(e.error().where().line == 11);
    CHECK(e.error().where().column == 12);
    CHECK(e.error().message() ==
          "unknown seat category \"coopted\"; expected one of: \"resident\", \"co_opted\", \"other\"");

    result<committee> f = parse_committee("[[member]]\nid = \"A\"\nname = \"A\"\ncategory = \"other\"\nsince = 2025-02-30\n", "f.toml");
    REQUIRE_FALSE(f);
    CHECK(f.error().code() == errc::syntax);  // toml++ refuses the day itself
    CHECK(f.error().where().line == 5);
}

TEST_CASE("records of a rotation and a composition check in Markdown and JSON") {
    result<rotation_result> r = rotate(eleven(), riverside_rules(), day("2026-06-20"), "Riverside TMO AGM 2026");
    REQUIRE(r);
    const std::string md = to_markdown(*r);
    CHECK(md.find("## Retirement at the AGM on 2026-06-20\n") == 0);
    CHECK(md.find("| Eve Evans | R05 | resident | 2022-06-15 | 1466 | drawn by lot |\n") != std::string::npos);
    CHECK(md.find("- counter 0, 3 in the draw: index 2, R05 retires\n") != std::string::npos);
    const std::string json = to_json(*r);
    CHECK(json.find("\"exact\": \"10/3\"") != std::string::npos);
    CHECK(json.find("\"tied\": [\n      \"R03\",\n      \"R04\",\n      \"R05\"\n    ]") != std::string::npos);

    result<composition_report> c = check_composition(eleven(), riverside_rules());
    REQUIRE(c);
    CHECK(to_markdown(*c).find("| size | passed | The committee has 11 members, within the 5 to 15 the constitution "
                               "allows. |\n") != std::string::npos);
    CHECK(to_json(*c).find("\"casual_vacancies\": 1") != std::string::npos);
}
