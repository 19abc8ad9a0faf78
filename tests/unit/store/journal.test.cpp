// The journal: tampering with any stored ballot, result or decision is found and the entry named; a damaged file
// is refused.
#include <tmo/decision/resolution.hpp>
#include <tmo/store/ballot.hpp>
#include <tmo/store/example.hpp>
#include <tmo/store/journal.hpp>

#include "store_test.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace tmo::store;
using store_test::sql;
using store_test::temp_db;

namespace {

const std::filesystem::path examples = std::filesystem::path(TMO_SOURCE_DIR) / "examples" / "data";

// A store with the example (journal entries 1: the ballot, 2: its result) and a decision (entry 3).
void fill(const std::filesystem::path& file) {
    auto db = database::open(file);
    REQUIRE(db);
    REQUIRE(load_example(*db, examples));
    tmo::decision::resolution_outcome r;
    r.kind = "ordinary";
    r.held = *tmo::parse_date("2026-06-18");
    r.carried = true;
    r.sentence = "Carried: 30 of 40 votes cast (75.0%) against a required more than 1/2.";
    auto id = db->record_decision(std::nullopt, "Adopt the 2026/27 budget", r);
    REQUIRE(id);
    CHECK(*id == 1);
    auto v = verify(*db);
    REQUIRE(v);
    CHECK(v->intact);
    CHECK(v->entries == 3);
}

verification verified(const std::filesystem::path& file) {
    auto db = database::open(file);
    REQUIRE(db);
    auto v = verify(*db);
    REQUIRE(v);
    return *v;
}

}  // namespace

TEST_CASE("journal: the entries chain and list what was recorded") {
    temp_db file("journal");
    fill(file.path());
    auto db = database::open(file.path());
    REQUIRE(db);
    auto entries = journal(*db);
    REQUIRE(entries);
    REQUIRE(entries->size() == 3);
    CHECK((*entries)[0].kind == "ballot");
    CHECK((*entries)[0].subject == "continuation-2026");
    CHECK((*entries)[0].body.find("papers: 59\n") != std::string::npos);
    CHECK((*entries)[1].kind == "result");
    CHECK((*entries)[1].body.find("sentence: Carried: 41 of 57 votes cast (71.9%)") != std::string::npos);
    CHECK((*entries)[2].kind == "decision");
    CHECK((*entries)[2].subject == "decision 1");
    CHECK((*entries)[2].hash.size() == 64);
    CHECK((*entries)[2].hash != (*entries)[1].hash);
    // the closed ballot's published digest is the one in its entry
    CHECK((*entries)[0].body.find("digest: " + find_ballot(*db, example_ballot)->digest) != std::string::npos);
}

TEST_CASE("journal: tampering with a stored ballot, result, decision or entry names the entry") {
    struct tamper {
        const char* what;
        const char* sql;
        std::int64_t entry;
    };
    const tamper cases[] = {
        {"a cast ballot changed", "UPDATE cast_ballot SET paper = 'against' WHERE id = "
                                  "(SELECT id FROM cast_ballot WHERE paper = 'for' LIMIT 1)", 1},
        {"a cast ballot removed", "DELETE FROM cast_ballot WHERE paper = 'spoilt' AND tenure = 'secure_tenant'", 1},
        {"a cast ballot added", "INSERT INTO cast_ballot SELECT ballot, x'00', tenure, paper FROM cast_ballot LIMIT 1",
         1},
        {"the ballot reopened", "UPDATE ballot SET closed = 0", 1},
        {"a voter marked as having voted", "UPDATE voter SET used = 1 WHERE unit = "
                                           "(SELECT unit FROM voter WHERE used = 0 LIMIT 1)", 1},
        {"the result changed", "UPDATE ballot_result SET carried = 0", 2},
        {"the decision changed", "UPDATE decision SET carried = 0", 3},
        {"the decision's record changed", "UPDATE decision SET record = record || ' '", 3},
        {"the decision removed", "DELETE FROM decision", 3},
        {"an entry edited", "UPDATE journal SET body = replace(body, '41 of 57', '42 of 57') WHERE seq = 2", 2},
        {"an entry removed", "DELETE FROM journal WHERE seq = 2", 3},
    };
    for (const tamper& t : cases) {
        CAPTURE(t.what);
        temp_db file("tamper");
        fill(file.path());
        sql(file.path(), t.sql);
        const verification v = verified(file.path());
        CHECK_FALSE(v.intact);
        REQUIRE(v.first_bad);
        CHECK(*v.first_bad == t.entry);
        CHECK(v.sentence.starts_with("Entry " + std::to_string(t.entry) + " ("));
    }
    temp_db file("tamper-sentence");
    fill(file.path());
    sql(file.path(), "UPDATE ballot_result SET carried = 0");
    CHECK(verified(file.path()).sentence ==
          "Entry 2 (result of continuation-2026) no longer matches: the stored result differs from the one recorded.");
}

TEST_CASE("durability: a damaged page or a file that is no database is refused on open") {
    temp_db file("corrupt");
    fill(file.path());  // the last handle closed: the WAL is checkpointed into the file and removed
    REQUIRE_FALSE(std::filesystem::exists(file.path().string() + "-wal"));
    const auto size = std::filesystem::file_size(file.path());
    const std::int64_t page = std::stoll(sql(file.path(), "PRAGMA page_size"));
    REQUIRE(size >= static_cast<std::uintmax_t>(4 * page));
    {
        // overwrite the middle of page 3 (a b-tree page) with garbage
        std::fstream f(file.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(2 * page + 8);
        const std::string garbage(static_cast<std::size_t>(page / 2), '\xA5');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto damaged = database::open(file.path());
    REQUIRE_FALSE(damaged);
    CHECK(damaged.error().code() == tmo::errc::corrupt);
    CHECK(damaged.error().message().find("the database is damaged") != std::string::npos);

    temp_db text("not-a-database");
    {
        std::ofstream f(text.path(), std::ios::binary);
        f << std::string(8192, 'x');
    }
    auto refused = database::open(text.path());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code() == tmo::errc::corrupt);
}
