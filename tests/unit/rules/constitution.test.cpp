// Constitutions: evaluation of the rules (governance.md §5.4 worked examples), the shipped examples and presets,
// the canonical TOML round trip and the plain-English summary.
#include <tmo/core/date.hpp>
#include <tmo/rules/constitution.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace tmo;

namespace {

constitution load_example(const std::string& file) {
    result<constitution> c = load_constitution(std::string(TMO_SOURCE_DIR) + "/examples/data/" + file);
    if (!c) FAIL(c.error().to_string());
    return *c;
}

constitution preset(std::string_view preset_name) {
    result<constitution> c = constitution_preset(preset_name);
    if (!c) FAIL(c.error().to_string());
    return *c;
}

// Parses canonical TOML back and checks the round trip and the fixed point.
void check_round_trip(const constitution& c) {
    const std::string text = to_toml(c);
    result<constitution> again = parse_constitution(text, "canonical.toml");
    if (!again) FAIL((again.error().to_string() + "\n" + text));
    CHECK(*again == c);
    CHECK(to_toml(*again) == text);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("quorum of 25 or one third whichever is less") {
    // governance.md §5.4 example 1.
    const constitution c = load_example("riverside_tmo.toml");
    const meeting_rules* general = c.meeting(meeting_kind::general);
    REQUIRE(general != nullptr);
    CHECK(general->quorum.required(120) == 25);  // min(25, 40)
    CHECK(general->quorum.required(50) == 17);   // min(25, ceil(50/3) = 17)
    CHECK(general->quorum.required(75) == 25);   // min(25, 25)
    CHECK(general->quorum.required(0) == 0);
    REQUIRE(general->adjourned.has_value());
    CHECK(general->adjourned->after_days == 14);
    CHECK(general->adjourned->quorum.form == quorum_formula::kind::present);
    CHECK(general->adjourned->quorum.required(120) == 1);
}

TEST_CASE("quorum formulas round as told and take the greater part") {
    quorum_formula third;
    third.form = quorum_formula::kind::fraction_of_members;
    third.fraction = rational(1, 3);
    third.round = rounding::floor;
    CHECK(third.required(50) == 16);
    third.round = rounding::ceil;
    CHECK(third.required(50) == 17);
    CHECK(third.required(51) == 17);

    const constitution c = load_example("small_tra_company.toml");
    const meeting_rules* general = c.meeting(meeting_kind::general);
    REQUIRE(general != nullptr);
    CHECK(general->quorum.required(12) == 2);  // max(2, ceil(1.2) = 2)
    CHECK(general->quorum.required(64) == 7);  // max(2, ceil(6.4) = 7)
    CHECK(c.meeting(meeting_kind::agm)->quorum.required(64) == 5);
    CHECK(c.meeting(meeting_kind::committee)->quorum.required(9) == 3);
}

TEST_CASE("meetings without their own rules follow the general meeting except the committee") {
    const constitution riverside = load_example("riverside_tmo.toml");
    CHECK(riverside.meeting(meeting_kind::agm) == riverside.meeting(meeting_kind::general));
    CHECK(riverside.meeting(meeting_kind::special) == riverside.meeting(meeting_kind::general));
    REQUIRE(riverside.meeting(meeting_kind::committee) != nullptr);
    CHECK(riverside.meeting(meeting_kind::committee)->notice_clear_days == 7);

    const constitution ca = preset("companies_act_2006");
    CHECK(ca.meeting(meeting_kind::committee) == nullptr);
    CHECK(ca.resolution("special") != nullptr);
    CHECK(ca.resolution("extraordinary") == nullptr);
    CHECK(ca.ballot("rtm") == nullptr);
}

TEST_CASE("Companies Act special resolution needs three quarters of votes cast") {
    // governance.md §5.4 example 2: abstentions are not votes cast.
    const constitution ca = preset("companies_act_2006");
    const resolution_rules* special = ca.resolution("special");
    REQUIRE(special != nullptr);
    REQUIRE(special->tests.size() == 1);
    const threshold_test& t = special->tests[0];
    CHECK(t.base == vote_base::votes_cast);
    CHECK(t.fraction == rational(3, 4));
    CHECK(t.compare == comparison::greater_or_equal);
    CHECK(t.passes(30, 30 + 10));        // 75%: not less than 75%
    CHECK_FALSE(t.passes(29, 29 + 11));  // 72.5%
    CHECK(t.describe() == "at least 3/4 of votes cast");
}

TEST_CASE("CCBS conversion fails on the turnout floor") {
    // governance.md §5.4 example 3: 200 eligible, 90 vote, 80 in favour.
    const constitution ccbs = preset("ccbs_act_2014");
    const resolution_rules* conversion = ccbs.resolution("conversion");
    REQUIRE(conversion != nullptr);
    REQUIRE(conversion->tests.size() == 1);
    CHECK(conversion->tests[0].passes(80, 90));  // 88.9% >= 75%
    REQUIRE(conversion->turnout.has_value());
    CHECK_FALSE(conversion->turnout->passes(90, 200));  // 45% < 50%
    CHECK(conversion->turnout->passes(100, 200));
    CHECK(conversion->turnout->describe() == "a turnout of at least 1/2 of those eligible");
}

TEST_CASE("CCBS amalgamation needs a confirming meeting within the window") {
    // governance.md §5.4 example 4.
    const constitution ccbs = preset("ccbs_act_2014");
    const resolution_rules* amalgamation = ccbs.resolution("amalgamation");
    REQUIRE(amalgamation != nullptr);
    CHECK(amalgamation->tests[0].passes(70, 100));        // 70% >= 2/3
    CHECK_FALSE(amalgamation->tests[0].passes(66, 100));  // 66% < 2/3
    REQUIRE(amalgamation->confirmation.has_value());
    const confirmation_rule& cf = *amalgamation->confirmation;
    CHECK(cf.tests[0].passes(41, 81));
    CHECK_FALSE(cf.tests[0].passes(40, 80));
    CHECK(cf.earliest == period{14, period::unit::days});
    CHECK(cf.latest == period{1, period::unit::months});

    const date first = std::chrono::year{2025} / 3 / 3;
    const date opens = add_days(first, cf.earliest.count);
    const date closes = add_months(first, cf.latest.count);
    CHECK(opens == std::chrono::year{2025} / 3 / 17);
    CHECK(closes == std::chrono::year{2025} / 4 / 3);
    const date twenty_days_later = add_days(first, 20);
    const date forty_days_later = add_days(first, 40);
    CHECK((twenty_days_later >= opens && twenty_days_later <= closes));
    CHECK_FALSE(forty_days_later <= closes);
}

TEST_CASE("an equality of votes is not a majority") {
    // governance.md §5.4 example 5: committee of 9, 8 present, 4-4.
    const constitution c = load_example("riverside_tmo.toml");
    const meeting_rules* committee = c.meeting(meeting_kind::committee);
    REQUIRE(committee != nullptr);
    CHECK(committee->quorum.required(9) == 3);
    const threshold_test& ordinary = c.resolution("ordinary")->tests[0];
    CHECK_FALSE(ordinary.passes(4, 8));
    CHECK(committee->casting == casting_vote::chair);
    CHECK(ordinary.passes(5, 9));  // the chair's casting vote breaks the tie
    CHECK(ordinary.describe() == "more than 1/2 of votes cast");
}

TEST_CASE("thresholds compare exactly and an empty base never passes") {
    threshold_test t;
    t.fraction = rational(2, 3);
    t.compare = comparison::greater_or_equal;
    CHECK(t.passes(2, 3));
    CHECK_FALSE(t.passes(1999999, 3000000));  // 0.6666663 < 2/3
    t.compare = comparison::greater;
    CHECK_FALSE(t.passes(2, 3));
    CHECK(t.passes(2000001, 3000000));
    CHECK_FALSE(t.passes(0, 0));
    t.compare = comparison::greater_or_equal;
    CHECK_FALSE(t.passes(0, 0));
    const integer big = integer(1) << 200;
    CHECK(t.passes(big * 2, big * 3));
    CHECK_FALSE(t.passes(big * 2 - 1, big * 3));
}

TEST_CASE("the Right to Manage double majority is evaluated test by test") {
    // governance.md §3.3: all voters 60 yes 40 no; secure tenants 45 yes 50 no.
    const constitution c = load_example("riverside_tmo.toml");
    const ballot_rules* rtm = c.ballot("rtm");
    REQUIRE(rtm != nullptr);
    REQUIRE(rtm->tests.size() == 2);
    CHECK(rtm->how == combine::all);
    CHECK_FALSE(rtm->turnout.has_value());
    CHECK(rtm->tests[0].passes(60, 100));
    CHECK_FALSE(rtm->tests[1].passes(45, 95));
    CHECK(rtm->tests[1].classes == std::vector<tenure_class>{tenure_class::secure_tenant});
    CHECK(rtm->tests[1].describe() == "more than 1/2 of votes cast by secure tenants");

    const ballot_rules* continuation = c.ballot("continuation");
    REQUIRE(continuation != nullptr);
    CHECK(continuation->every_months == 60u);
}

TEST_CASE("threshold descriptions name the base and the classes") {
    threshold_test t;
    t.base = vote_base::votes_cast;
    t.fraction = rational(3, 4);
    t.compare = comparison::greater_or_equal;
    t.classes = {tenure_class::secure_tenant};
    CHECK(t.describe() == "at least 3/4 of votes cast by secure tenants");
    t.classes = {tenure_class::secure_tenant, tenure_class::introductory_tenant, tenure_class::long_leaseholder};
    CHECK(t.describe() == "at least 3/4 of votes cast by secure tenants, introductory tenants and long leaseholders");
    t.classes.clear();
    t.base = vote_base::eligible_voting_rights;
    CHECK(t.describe() == "at least 3/4 of the total voting rights of eligible members");
    t.base = vote_base::members_present;
    t.compare = comparison::greater;
    t.fraction = rational(1, 2);
    CHECK(t.describe() == "more than 1/2 of members present");
    t.base = vote_base::eligible_members;
    t.fraction = 1;
    t.compare = comparison::greater_or_equal;
    CHECK(t.describe() == "all eligible members");
}

TEST_CASE("every example and preset loads and round-trips through canonical TOML") {
    for (const char* file : {"riverside_tmo.toml", "small_tra_company.toml"}) {
        CAPTURE(file);
        check_round_trip(load_example(file));
    }
    const std::vector<std::string_view> names = constitution_preset_names();
    CHECK(names == std::vector<std::string_view>{"ccbs_act_2014", "companies_act_2006"});
    for (std::string_view n : names) {
        CAPTURE(n);
        const constitution c = preset(n);
        CHECK(validate(c).has_value());
        check_round_trip(c);
    }
}

TEST_CASE("the examples load with the values they state") {
    const constitution c = load_example("riverside_tmo.toml");
    CHECK(c.org.name == "Riverside Tenant Management Organisation Limited");
    CHECK(c.org.form == legal_form::community_benefit_society);
    CHECK(c.org.registered_number == "31570R");
    CHECK(c.membership.eligible.size() == 4);
    CHECK(c.membership.minimum_age == 16);
    CHECK(c.membership.unit == vote_unit::member);
    CHECK(c.membership.qualifying_days == 28);
    const meeting_rules& general = *c.meeting(meeting_kind::general);
    CHECK(general.notice_clear_days == 14);
    CHECK(general.proxies.allowed);
    CHECK(general.proxies.max_per_holder == 5u);
    CHECK(general.proxies.lodge_hours_before == 48u);
    CHECK_FALSE(general.proxies.vote_on_show_of_hands);
    CHECK(general.casting == casting_vote::chair);
    CHECK(c.meeting(meeting_kind::committee)->check == quorum_check::each_item);
    REQUIRE(c.committee.has_value());
    CHECK(c.committee->min_size == 5);
    CHECK(c.committee->max_size == 15);
    CHECK(c.committee->max_co_opted == 3);
    CHECK(c.committee->min_resident_share == rational(2, 3));
    CHECK(c.committee->rotation == rational(1, 3));
    CHECK(c.committee->rotation_round == rounding::half_up);
    CHECK(c.committee->officers == std::vector<std::string>{"chair", "secretary", "treasurer"});
    CHECK(c.committee->one_office_each);
    CHECK(c.committee->method == election_method::scottish_stv);

    const constitution tra = load_example("small_tra_company.toml");
    CHECK(tra.org.form == legal_form::company_limited_by_guarantee);
    CHECK(tra.membership.unit == vote_unit::household);
    CHECK(tra.membership.minimum_age == 18);
    CHECK(tra.resolution("special")->tests[0].fraction == rational(3, 4));  // written "75%"
    CHECK(tra.committee->method == election_method::block_vote);
    CHECK(tra.meeting(meeting_kind::general)->casting == casting_vote::none);
}

TEST_CASE("the committee's rotation rounding and officers and one office each are read and written") {
    constitution c = load_example("riverside_tmo.toml");
    for (rounding r : {rounding::ceil, rounding::floor, rounding::half_up}) {
        c.committee->rotation_round = r;
        check_round_trip(c);
    }
    c.committee->rotation_round = rounding::ceil;
    CHECK(contains(to_toml(c), "rotation_round = \"up\"\n"));
    CHECK(contains(summary(c), "one third retire each year (rounded up)"));
    c.committee->officers = {"chair"};
    c.committee->one_office_each = false;
    check_round_trip(c);
    CHECK(contains(to_toml(c), "officers = [\"chair\"]\none_office_each = false\n"));
    c.committee->rotation_round = rounding::truncate;
    CHECK(validate(c).error().where().key_path == "committee.rotation_round");
}

TEST_CASE("presets carry the statutory numbers") {
    const constitution ca = preset("companies_act_2006");
    CHECK(ca.org.form == legal_form::company_limited_by_guarantee);
    CHECK(ca.meeting(meeting_kind::general)->notice_clear_days == 14);
    CHECK(ca.meeting(meeting_kind::general)->quorum.required(500) == 2);
    CHECK(ca.meeting(meeting_kind::general)->proxies.allowed);
    CHECK(ca.resolution("ordinary")->tests[0].describe() == "more than 1/2 of votes cast");
    CHECK(ca.resolution("written_special")->tests[0].describe() ==
          "at least 3/4 of the total voting rights of eligible members");
    const resolution_rules* short_notice = ca.resolution("short_notice_consent");
    REQUIRE(short_notice != nullptr);
    REQUIRE(short_notice->tests.size() == 2);
    CHECK(short_notice->tests[1].fraction == rational(9, 10));

    const constitution ccbs = preset("ccbs_act_2014");
    CHECK(ccbs.org.form == legal_form::community_benefit_society);
    CHECK(ccbs.resolution("dissolution_by_instrument")->tests[0].describe() == "at least 3/4 of eligible members");

    result<constitution> missing = constitution_preset("housing_act_1985");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code() == errc::not_found);
    CHECK(missing.error().message() ==
          "no constitution preset is called \"housing_act_1985\"; the presets are: ccbs_act_2014, companies_act_2006");
}

TEST_CASE("canonical TOML escapes text and keeps every optional part") {
    constitution c = load_example("riverside_tmo.toml");
    c.org.name = "Quote \" backslash \\ tab \t newline \n bell \x07 delete \x7f caf\xC3\xA9";
    c.org.area.clear();
    c.org.registered_number.clear();
    c.resolutions["special"].description.clear();
    c.ballots.erase("rtm");
    c.meetings[meeting_kind::general].proxies = proxy_rules{};
    c.meetings[meeting_kind::general].proxies.count_for_quorum = false;
    c.meetings[meeting_kind::general].check = quorum_check::each_item;
    c.committee->rotation.reset();
    c.committee->min_resident_share = 0;
    c.committee->officers.clear();
    c.committee->one_office_each = false;
    check_round_trip(c);
    const std::string text = to_toml(c);
    CHECK(contains(text, R"(name = "Quote \" backslash \\ tab \t newline \n bell \u0007 delete \u007F café")"));
    CHECK(contains(text, "proxies = { allowed = false, count_for_quorum = false, vote_on_show_of_hands = false }"));
    CHECK(contains(text, "quorum = { min = [{ fixed = 25 }, { fraction_of_members = \"1/3\", round = \"up\" }] }"));
    CHECK(contains(text, "\n[resolutions.amalgamation.confirmation]\n"));
    CHECK(contains(text, "min_resident_share = \"0\"\n"));

    constitution minimal;
    minimal.org.name = "M";
    minimal.membership.eligible = {tenure_class::secure_tenant};
    minimal.meetings[meeting_kind::general].quorum.fixed = 2;
    threshold_test majority;
    majority.fraction = rational(1, 2);
    minimal.resolutions["ordinary"].tests = {majority};
    check_round_trip(minimal);
    CHECK(to_toml(minimal) == R"([organisation]
name = "M"
legal_form = "community_benefit_society"

[membership]
eligible_classes = ["secure_tenant"]
minimum_age = 16
vote = "member"
qualifying_days = 0

[meetings.general]
notice_clear_days = 14
quorum = { fixed = 2 }
quorum_check = "at_start"
proxies = { allowed = false }
casting_vote = "none"
chair_votes = true

[resolutions.ordinary]
tests = [
  { base = "votes_cast", fraction = "1/2", compare = ">" },
]
combine = "all"
)");
}

TEST_CASE("tables written as sections or inline are the same") {
    const char* inline_form = R"([organisation]
name = "Same TMO"
legal_form = "co_operative_society"
[membership]
eligible_classes = ["secure_tenant"]
[meetings.general]
notice_clear_days = 14
quorum = { fixed = 2 }
proxies = { allowed = true, max_per_holder = 3 }
[resolutions.ordinary]
tests = [{ base = "votes_cast", fraction = "1/2", compare = ">" }, { base = "eligible_members", fraction = "1/10", compare = ">=" }]
)";
    const char* section_form = R"([organisation]
name = "Same TMO"
legal_form = "co_operative_society"

[membership]
eligible_classes = [
  "secure_tenant",  # a trailing comma and comments are fine
]

[meetings.general]
notice_clear_days = 14
quorum.fixed = 2

[meetings.general.proxies]
allowed = true
max_per_holder = 3

[[resolutions.ordinary.tests]]
base = "votes_cast"
fraction = "50%"
compare = ">"

[[resolutions.ordinary.tests]]
base = "eligible_members"
fraction = "0.1"
compare = ">="
)";
    const result<constitution> a = parse_constitution(inline_form);
    const result<constitution> b = parse_constitution(section_form);
    REQUIRE_MESSAGE(a.has_value(), a.error().to_string());
    REQUIRE_MESSAGE(b.has_value(), b.error().to_string());
    CHECK(*a == *b);
    CHECK(to_toml(*a) == to_toml(*b));
}

TEST_CASE("the summary speaks plainly") {
    const std::string s = summary(load_example("riverside_tmo.toml"));
    CAPTURE(s);
    CHECK(s.starts_with("Riverside Tenant Management Organisation Limited\n"));
    CHECK(s.ends_with("\n"));
    CHECK(contains(s,
                   "\nLegal form: community benefit society (Co-operative and Community Benefit Societies Act "
                   "2014), registered number 31570R\n"));
    CHECK(contains(s,
                   "\nMembership: open to secure tenants, introductory tenants, other tenants and long "
                   "leaseholders aged 16 or over; one vote per member; a member may vote after 28 days' "
                   "membership\n"));
    CHECK(contains(s,
                   "\nGeneral meetings: 14 clear days' notice; quorum is the lesser of 25 and one third of members "
                   "(rounded up); if inquorate, adjourned 14 days and those present form the quorum; proxies "
                   "allowed (at most 5 per holder, counted for the quorum, voting only on a poll, lodged 48 hours "
                   "before); the chair has a casting vote\n"));
    CHECK(contains(s, "\nAnnual general meetings: as general meetings\n"));
    CHECK(contains(s,
                   "\nCommittee meetings: 7 clear days' notice; quorum is one third of members (rounded up), "
                   "checked before each item; no proxies; the chair has a casting vote\n"));
    CHECK(contains(s, "\nSpecial resolution (changing these rules, or winding up): at least 3/4 of votes cast\n"));
    CHECK(contains(s,
                   "\nAmalgamation resolution (amalgamating with another society): at least 2/3 of votes cast; "
                   "then confirmed at a second meeting held 14 days to 1 month later by more than 1/2 of votes "
                   "cast\n"));
    CHECK(contains(s,
                   "\nConversion resolution (converting into a company): at least 3/4 of votes cast, with a turnout "
                   "of at least 1/2 of those eligible\n"));
    CHECK(contains(s,
                   "\nCommittee: 5 to 15 members, at least two thirds of them residents; up to 3 co-opted; terms "
                   "of 36 months; one third retire each year (the nearest whole number); officers: chair, "
                   "secretary, treasurer; no one holds two offices; elected by single transferable vote (Scottish "
                   "STV rules)\n"));
    CHECK(contains(s,
                   "; passes with more than 1/2 of votes cast and more than 1/2 of votes cast by secure tenants, "
                   "with no turnout floor\n"));
    CHECK(contains(s, "; held every 60 months\n"));

    const std::string tra = summary(load_example("small_tra_company.toml"));
    CAPTURE(tra);
    CHECK(contains(tra, "; one vote per household\n"));
    CHECK(contains(tra,
                   "quorum is the greater of 2 and one tenth of members (rounded up); if inquorate, adjourned 7 "
                   "days and the quorum is 2;"));
    CHECK(contains(tra, "no casting vote: an equality of votes is not carried"));
}
