// Several processes at once, and a process killed mid-write: the store loses no vote it confirmed and accepts no
// code twice. The children are forked from the test process; each opens its own connection.
#include <tmo/store/ballot.hpp>
#include <tmo/store/journal.hpp>

#include "store_test.hpp"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <set>
#include <vector>

using namespace tmo::store;
using store_test::sql;
using store_test::temp_db;

namespace {

// Every third voter (by index) votes against, the others for, whichever process casts the vote.
const char* paper_of(std::size_t index) { return index % 3 == 0 ? "against" : "for"; }

std::vector<voter_code> prepared(const std::filesystem::path& file, std::size_t voters) {
    auto db = database::open(file);
    REQUIRE(db);
    REQUIRE(open_ballot(*db, store_test::question("poll"), store_test::synthetic_roll(voters)));
    auto codes = issue_codes(*db, "poll");
    REQUIRE(codes);
    return *codes;
}

void report(int fd, std::uint32_t value) {
    if (::write(fd, &value, sizeof value) != static_cast<ssize_t>(sizeof value)) ::_exit(3);
}

// Reads uint32 values from fd until end of file.
std::vector<std::uint32_t> drain(int fd) {
    std::vector<std::uint32_t> out;
    std::uint32_t value = 0;
    std::size_t have = 0;
    auto* bytes = reinterpret_cast<unsigned char*>(&value);
    for (;;) {
        const ssize_t n = ::read(fd, bytes + have, sizeof value - have);
        if (n <= 0) break;
        have += static_cast<std::size_t>(n);
        if (have == sizeof value) {
            out.push_back(value);
            have = 0;
        }
    }
    return out;
}

constexpr std::uint32_t child_failed = 0xFFFFFFFFu;

// Forks a child that runs body(write end of a pipe) and exits with what it returns; gives the child's pid and the
// pipe's read end.
template <class Body>
std::pair<pid_t, int> spawn(Body&& body) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        const int status = body(fds[1]);
        ::close(fds[1]);
        ::_exit(status);
    }
    ::close(fds[1]);
    return {pid, fds[0]};
}

}  // namespace

TEST_CASE("concurrency: 4 processes, 2,000 votes, 0 lost, 0 duplicates") {
    constexpr std::size_t processes = 4;
    constexpr std::size_t voters = 2000;
    constexpr std::size_t share = voters / processes;
    constexpr std::size_t contested = 100;  // each process also tries the first 100 codes of the next one's share
    temp_db file("concurrency");
    const std::vector<voter_code> codes = prepared(file.path(), voters);

    std::vector<pid_t> children;
    std::vector<int> reads;
    for (std::size_t k = 0; k < processes; ++k) {
        const auto [pid, read_end] = spawn([&](int out) {
            auto db = database::open(file.path());
            if (!db) return 2;
            int status = 0;
            const auto attempt = [&](std::size_t index, bool may_be_taken) {
                auto r = cast(*db, "poll", codes[index].code, paper_of(index));
                if (r) report(out, static_cast<std::uint32_t>(index));
                else if (!(may_be_taken && r.error().code() == tmo::errc::code_used)) status = 1;
            };
            const std::size_t next = ((k + 1) % processes) * share;
            for (std::size_t j = 0; j < share; ++j) {
                attempt(k * share + j, j < contested);  // the previous process contests the first 100
                if (j < contested) attempt(next + j, true);
            }
            if (status != 0) report(out, child_failed);
            return status;
        });
        children.push_back(pid);
        reads.push_back(read_end);
    }
    std::vector<std::uint32_t> accepted;
    for (int fd : reads) {
        const std::vector<std::uint32_t> got = drain(fd);
        accepted.insert(accepted.end(), got.begin(), got.end());
        ::close(fd);
    }
    for (pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }

    const std::set<std::uint32_t> distinct(accepted.begin(), accepted.end());
    auto db = database::open(file.path());
    REQUIRE(db);
    const std::size_t stored = std::stoull(sql(file.path(), "SELECT count(*) FROM cast_ballot"));
    const std::size_t duplicates = accepted.size() - distinct.size();
    const std::size_t lost = accepted.size() - stored;
    MESSAGE(processes << " processes, " << accepted.size() << " votes accepted, " << stored << " stored, " << lost
                      << " lost, " << duplicates << " duplicates");
    CHECK(distinct.count(child_failed) == 0);
    CHECK(accepted.size() == voters);
    CHECK(stored == voters);
    CHECK(lost == 0);
    CHECK(duplicates == 0);
    CHECK(sql(file.path(), "SELECT count(*) FROM voter WHERE used = 1") == "2000");
    REQUIRE(close_ballot(*db, "poll"));
    auto counted = count_ballot(*db, "poll");
    REQUIRE(counted);
    CHECK(counted->question->votes.all.against == 667);  // indices 0, 3, ..., 1998
    CHECK(counted->question->votes.all.in_favour == 1333);
}

TEST_CASE("durability: a writer killed with SIGKILL while casting 2,000 votes loses none it confirmed") {
    constexpr std::size_t voters = 2000;
    constexpr std::size_t kill_after = 300;
    temp_db file("killed");
    const std::vector<voter_code> codes = prepared(file.path(), voters);
    const auto [pid, read_end] = spawn([&](int out) {
        auto db = database::open(file.path());
        if (!db) return 2;
        for (std::size_t i = 0; i < voters; ++i) {
            if (cast(*db, "poll", codes[i].code, paper_of(i))) report(out, static_cast<std::uint32_t>(i));
        }
        return 0;
    });
    // wait for kill_after confirmations, then kill the writer wherever it is
    std::vector<std::uint32_t> confirmed;
    std::uint32_t value = 0;
    while (confirmed.size() < kill_after && ::read(read_end, &value, sizeof value) == sizeof value)
        confirmed.push_back(value);
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    const std::vector<std::uint32_t> rest = drain(read_end);
    confirmed.insert(confirmed.end(), rest.begin(), rest.end());
    ::close(read_end);

    auto db = database::open(file.path());  // opens: recovery and quick_check pass
    REQUIRE(db);
    const std::size_t stored = std::stoull(sql(file.path(), "SELECT count(*) FROM cast_ballot"));
    const std::size_t used = std::stoull(sql(file.path(), "SELECT count(*) FROM voter WHERE used = 1"));
    std::size_t missing = 0;
    for (std::uint32_t i : confirmed) {
        if (sql(file.path(), "SELECT used FROM voter WHERE unit = 'V" + std::to_string(i + 1) + "'") != "1") ++missing;
    }
    MESSAGE("killed after " << confirmed.size() << " confirmed votes; " << stored << " stored, " << missing
                            << " confirmed votes missing");
    CHECK(confirmed.size() >= kill_after);
    CHECK(confirmed.size() < voters);  // killed mid-casting
    CHECK(missing == 0);
    CHECK(stored == used);             // a vote and its code's use are one transaction
    CHECK(stored >= confirmed.size());
    CHECK(stored <= confirmed.size() + 1);  // at most the cast in flight committed without being reported
    REQUIRE(close_ballot(*db, "poll"));
    auto v = verify(*db);
    REQUIRE(v);
    CHECK(v->intact);
    CHECK(*ballot_digest(*db, "poll") == find_ballot(*db, "poll")->digest);
}
