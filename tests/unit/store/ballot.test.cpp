// Ballot conduct in the store: codes, casting and its refusals, turnout, close and count, and secrecy.
#include <tmo/decision/files.hpp>
#include <tmo/store/ballot.hpp>
#include <tmo/store/example.hpp>
#include <tmo/store/journal.hpp>

#include "store_test.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

using namespace tmo::store;
using store_test::question;
using store_test::sql;
using store_test::temp_db;

namespace {

const std::filesystem::path examples = std::filesystem::path(TMO_SOURCE_DIR) / "examples" / "data";

}  // namespace

TEST_CASE("store: a fresh database has the schema and keeps the register") {
    temp_db file("register");
    auto db = database::open(file.path());
    REQUIRE(db);
    CHECK(db->version() == schema_version);
    CHECK(sql(file.path(), "PRAGMA journal_mode") == "wal");
    auto reg = tmo::decision::load_register_csv(examples / "riverside" / "register.csv");
    REQUIRE(reg);
    auto stored = db->import_register(*reg);
    REQUIRE(stored);
    CHECK(*stored == 88);  // examples/data/riverside/register.csv has 88 members
    auto loaded = db->load_register();
    REQUIRE(loaded);
    CHECK(loaded->members() == reg->members());
    // a second handle sees the same, and a missing file is not created when create is off
    auto second = database::open(file.path());
    REQUIRE(second);
    CHECK(second->load_register()->members().size() == 88);
    temp_db absent("absent");
    open_options no_create;
    no_create.create = false;
    CHECK(database::open(absent.path(), no_create).error().code() == tmo::errc::io);
}

TEST_CASE("ballot: codes are single-use and refusals say why") {
    temp_db file("codes");
    auto db = database::open(file.path());
    REQUIRE(db);
    REQUIRE(open_ballot(*db, question("q1"), store_test::synthetic_roll(3)));
    CHECK(open_ballot(*db, question("q1"), store_test::synthetic_roll(3)).error().code() == tmo::errc::invalid_value);
    CHECK(open_ballot(*db, question("bad name"), store_test::synthetic_roll(3)).error().code() ==
          tmo::errc::invalid_value);
    CHECK(open_ballot(*db, question("empty"), store_test::synthetic_roll(0)).error().code() ==
          tmo::errc::invalid_value);

    auto codes = issue_codes(*db, "q1");
    REQUIRE(codes);
    REQUIRE(codes->size() == 3);
    const std::regex shape("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    for (const voter_code& c : *codes) CHECK(std::regex_match(c.code, shape));
    CHECK((*codes)[0].unit == "V1");
    CHECK(issue_codes(*db, "q1").error().code() == tmo::errc::invalid_value);  // issued once only
    CHECK(issue_codes(*db, "nope").error().code() == tmo::errc::not_found);

    // the codes are not stored: no stored value contains one
    for (const voter_code& c : *codes) {
        std::string bare = c.code;
        bare.erase(std::remove(bare.begin(), bare.end(), '-'), bare.end());
        CHECK(sql(file.path(), "SELECT count(*) FROM voter WHERE instr(CAST(code_hash AS TEXT), '" + bare +
                                   "') > 0 OR instr(unit, '" + bare + "') > 0") == "0");
    }

    REQUIRE(cast(*db, "q1", (*codes)[0].code, "for"));
    auto replay = cast(*db, "q1", (*codes)[0].code, "against");
    REQUIRE_FALSE(replay);
    CHECK(replay.error().code() == tmo::errc::code_used);
    CHECK(replay.error().message() == "this code has already been used to vote in ballot q1");
    // typed in lower case with spaces: the same code, still used
    std::string typed = (*codes)[0].code;
    std::transform(typed.begin(), typed.end(), typed.begin(), [](char ch) { return ch == '-' ? ' ' : std::tolower(ch); });
    CHECK(cast(*db, "q1", typed, "for").error().code() == tmo::errc::code_used);
    CHECK(cast(*db, "q1", "2222-2222-2222-2222", "for").error().code() == tmo::errc::code_unknown);
    CHECK(cast(*db, "q1", "0000-1111", "for").error().code() == tmo::errc::code_unknown);
    CHECK(cast(*db, "q1", (*codes)[1].code, "maybe").error().code() == tmo::errc::invalid_value);
    REQUIRE(cast(*db, "q1", (*codes)[1].code, "spoilt"));

    auto t = turnout(*db, "q1");
    REQUIRE(t);
    CHECK(t->at(tmo::tenure_class::secure_tenant).eligible == 3);
    CHECK(t->at(tmo::tenure_class::secure_tenant).voted == 2);

    CHECK(count_ballot(*db, "q1").error().code() == tmo::errc::closed);  // still open
    auto digest = close_ballot(*db, "q1");
    REQUIRE(digest);
    CHECK(digest->size() == 64);
    CHECK(close_ballot(*db, "q1").error().code() == tmo::errc::closed);
    auto late = cast(*db, "q1", (*codes)[2].code, "for");
    CHECK(late.error().code() == tmo::errc::closed);
    CHECK(late.error().message() == "ballot q1 is closed: no more votes are accepted");

    // 1 for, 0 against, 1 spoilt: carried by 1 of 1 vote cast
    auto counted = count_ballot(*db, "q1");
    REQUIRE(counted);
    CHECK(counted->papers == 2);
    CHECK(counted->carried);
    CHECK(counted->digest == *digest);
    CHECK(counted->question->votes.all.in_favour == 1);
    CHECK(counted->question->votes.all.abstained == 1);
    CHECK(counted->question->votes.all.eligible == 3);
    // the scrutineer's check: the published digest is the digest of the papers listed
    CHECK(*cast_papers(*db, "q1") == std::vector<std::string>{"secure_tenant\tfor", "secure_tenant\tspoilt"});
    CHECK(*ballot_digest(*db, "q1") == *digest);
}

TEST_CASE("ballot: an election is counted by the counting engine") {
    temp_db file("election");
    auto db = database::open(file.path());
    REQUIRE(db);
    REQUIRE(open_ballot(*db, store_test::plurality_election("committee", {"Ada", "Ben", "Cara"}),
                        store_test::synthetic_roll(5)));
    auto codes = issue_codes(*db, "committee");
    REQUIRE(codes);
    // Ben 3, Ada 1, Cara 1: plurality elects Ben (candidate 2)
    const char* papers[] = {"2", "2,1", "1", "3=1", "2"};
    for (std::size_t i = 0; i < 5; ++i) REQUIRE(cast(*db, "committee", (*codes)[i].code, papers[i]));
    CHECK(cast(*db, "committee", (*codes)[0].code, "4").error().code() == tmo::errc::invalid_value);
    REQUIRE(close_ballot(*db, "committee"));
    auto counted = count_ballot(*db, "committee");
    REQUIRE(counted);
    REQUIRE(counted->election);
    CHECK(counted->election->elected == std::vector<tmo::vote::candidate_id>{1});
    CHECK(counted->sentence.find("Ben") != std::string::npos);
}

TEST_CASE("ballot: an election's counting options are checked against its rule when it opens") {
    temp_db file("election_options");
    auto db = database::open(file.path());
    REQUIRE(db);
    auto spec = store_test::plurality_election("committee", {"Ada", "Ben", "Cara"});
    spec.rule = "scottish-stv";
    spec.settings = {{"ties", "backwards,lot"}, {"colour", "blue"}};
    auto refused = open_ballot(*db, spec, store_test::synthetic_roll(3));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code() == tmo::errc::invalid_argument);
    CHECK(refused.error().message().find("rule scottish-stv has no option 'colour'") != std::string::npos);
    spec.rule = "borda-count";
    spec.settings.clear();
    CHECK(open_ballot(*db, spec, store_test::synthetic_roll(3)).error().code() == tmo::errc::not_found);
    spec.rule = "scottish-stv";
    spec.settings = {{"ties", "backwards,lot"}, {"seed", "AGM 2026"}};
    CHECK(open_ballot(*db, spec, store_test::synthetic_roll(3)));
    CHECK(find_ballot(*db, "committee")->spec.settings.size() == 2);
}

TEST_CASE("secrecy: nothing in the cast-ballot table links a vote to a voter or to the order of voting") {
    temp_db file("secrecy");
    auto db = database::open(file.path());
    REQUIRE(db);
    REQUIRE(open_ballot(*db, store_test::plurality_election("order", {"A", "B", "C", "D"}),
                        store_test::synthetic_roll(24)));
    auto codes = issue_codes(*db, "order");
    REQUIRE(codes);
    // 24 different papers (the permutations of 4 candidates), cast in a known order
    std::vector<std::string> cast_order;
    std::string perm = "1234";
    do {
        cast_order.push_back(std::string{perm[0], ',', perm[1], ',', perm[2], ',', perm[3]});
    } while (std::next_permutation(perm.begin(), perm.end()));
    REQUIRE(cast_order.size() == 24);
    for (std::size_t i = 0; i < 24; ++i) REQUIRE(cast(*db, "order", (*codes)[i].code, cast_order[i]));

    // the table's columns: the ballot, a random id, the class and the paper — no voter, no code, no time
    CHECK(sql(file.path(), "SELECT group_concat(name, ',') FROM pragma_table_info('cast_ballot')") ==
          "ballot,id,tenure,paper");
    // no stored paper mentions a voter's unit, and the id is 16 random bytes (searching them for a unit such as
    // "V1" would find one by chance in about 5% of runs, so the id is checked by its form, not its content)
    CHECK(sql(file.path(), "SELECT count(*) FROM cast_ballot c JOIN voter v ON instr(c.paper, v.unit) > 0") == "0");
    CHECK(sql(file.path(), "SELECT count(*) FROM cast_ballot WHERE typeof(id) = 'blob' AND length(id) = 16") ==
          "24");
    // storage order is the order of the random ids, not of voting (24! orders: equal by chance once in 6e23)
    std::string stored;
    for (const std::string& p : cast_order) stored += (stored.empty() ? "" : ";") + p;
    CHECK(sql(file.path(), "SELECT group_concat(paper, ';') FROM (SELECT paper FROM cast_ballot)") != stored);
    CHECK(sql(file.path(), "SELECT count(DISTINCT id) FROM cast_ballot") == "24");
    CHECK(sql(file.path(), "SELECT count(*) FROM voter WHERE used = 1") == "24");
}

TEST_CASE("example: Riverside's continuation ballot conducted in the store carries by 41 of 57") {
    temp_db file("example");
    auto db = database::open(file.path());
    REQUIRE(db);
    auto loaded = load_example(*db, examples);
    REQUIRE_MESSAGE(loaded, loaded.error().to_string());
    CHECK(loaded->members == 88);
    // continuation_ballot_2026.toml: 41 for, 16 against, 2 spoilt
    CHECK(loaded->ballot.papers == 59);
    REQUIRE(loaded->ballot.question);
    CHECK(loaded->ballot.question->votes.all.in_favour == 41);
    CHECK(loaded->ballot.question->votes.all.against == 16);
    CHECK(loaded->ballot.question->votes.all.abstained == 2);
    CHECK(loaded->ballot.sentence == "Carried: 41 of 57 votes cast (71.9%) against a required more than 1/2.");
    auto v = verify(*db);
    REQUIRE(v);
    CHECK(v->intact);
    CHECK(v->entries == 2);
    CHECK(v->sentence == "All 2 journal entries match the stored records.");
    CHECK(load_example(*db, examples).error().code() == tmo::errc::invalid_value);  // the ballot exists already
}

TEST_CASE("store: meetings, decisions, contracts and readings are kept") {
    temp_db file("records");
    auto db = database::open(file.path());
    REQUIRE(db);
    auto rules = tmo::load_constitution(examples / "riverside_tmo.toml");
    REQUIRE(rules);
    auto m = tmo::decision::load_meeting(examples / "riverside" / "agm_2026.toml");
    REQUIRE(m);
    auto reg = tmo::decision::load_register_csv(m->register_file);
    REQUIRE(reg);
    auto checked = tmo::decision::check_meeting(*rules, *reg, *m);
    REQUIRE(checked);
    auto meeting = db->record_meeting(*checked);
    REQUIRE(meeting);
    auto decided = db->decisions();
    REQUIRE(decided);
    std::size_t voted = 0;
    for (const auto& item : checked->items) if (item.resolution) ++voted;
    REQUIRE(decided->size() == voted);
    REQUIRE_FALSE(decided->empty());
    CHECK((*decided)[0].meeting == *meeting);
    const auto first = std::find_if(checked->items.begin(), checked->items.end(),
                                    [](const auto& item) { return item.resolution.has_value(); });
    CHECK((*decided)[0].title == first->title);
    CHECK((*decided)[0].sentence == first->resolution->sentence);
    CHECK(verify(*db)->entries == voted);
    CHECK(db->record_decision(99, "x", *first->resolution).error().code() == tmo::errc::invalid_value);

    auto contract = db->add_contract("RM-2026-01", "Acme Repairs Ltd", "Responsive repairs");
    REQUIRE(contract);
    CHECK(db->add_contract("RM-2026-01", "Other", "Other").error().code() == tmo::errc::invalid_value);
    tmo::contract::kpi_reading r;
    r.kpi_id = "rent_collected";
    r.month = std::chrono::year(2026) / std::chrono::April;
    r.value = *tmo::rational::parse("97.5");
    r.basis = "£1,231,112 of £1,262,500 due";
    REQUIRE(db->add_readings(*contract, std::span(&r, 1)));
    CHECK(db->add_readings(42, std::span(&r, 1)).error().code() == tmo::errc::invalid_value);
    auto back = db->readings(*contract);
    REQUIRE(back);
    REQUIRE(back->size() == 1);
    CHECK((*back)[0].value == *tmo::rational::parse("195/2"));
    CHECK((*back)[0].month == r.month);
    CHECK((*back)[0].basis == r.basis);
    CHECK(db->contracts()->at(0).contractor == "Acme Repairs Ltd");
}
