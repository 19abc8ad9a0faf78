// bench_store: votes cast per second in a store (bench/README.md, "Casting votes"), by one process and by four at
// once. Not a test.
//   bench_store [DIR [VOTES]]   the folder for the database file (default: the system's temporary folder; its
//                               disk's fsync dominates) and the number of votes (default 2000)
#include <tmo/store/ballot.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace tmo::store;

namespace {

using clock_type = std::chrono::steady_clock;

void remove_db(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix, ec);
}

// A fresh database with a ballot of `voters` voters; returns their codes.
std::vector<voter_code> prepare(const fs::path& file, std::size_t voters) {
    remove_db(file);
    auto db = database::open(file);
    if (!db) throw tmo::error_exception(db.error());
    tmo::decision::voters_roll roll;
    for (std::size_t i = 1; i <= voters; ++i) {
        const std::string id = "V" + std::to_string(i);
        roll.units.push_back({id, tmo::tenure_class::secure_tenant, {id}});
    }
    ballot_spec spec;
    spec.name = "bench";
    spec.title = "Benchmark ballot";
    spec.day = *tmo::parse_date("2026-03-20");
    spec.rule = "continuation_ballot";
    if (auto opened = open_ballot(*db, spec, roll); !opened) throw tmo::error_exception(opened.error());
    auto codes = issue_codes(*db, "bench");
    if (!codes) throw tmo::error_exception(codes.error());
    return *codes;
}

// Casts codes[from, to) through one connection; returns the number refused (0 expected).
std::size_t cast_range(const fs::path& file, const std::vector<voter_code>& codes, std::size_t from, std::size_t to) {
    auto db = database::open(file);
    if (!db) return to - from;
    std::size_t refused = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (!cast(*db, "bench", codes[i].code, i % 3 == 0 ? "against" : "for")) ++refused;
    }
    return refused;
}

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path();
    const std::size_t votes = argc > 2 ? std::stoul(argv[2]) : 2000;
    const fs::path file = dir / "tmo-bench-store.db";

    std::vector<voter_code> codes = prepare(file, votes);
    auto start = clock_type::now();
    const std::size_t refused = cast_range(file, codes, 0, votes);
    const double single = seconds_since(start);
    std::cout << "1 process: " << votes << " votes in " << single << " s = " << static_cast<long>(static_cast<double>(votes) / single)
              << " votes/s (" << refused << " refused)\n";

    constexpr std::size_t processes = 4;
    codes = prepare(file, votes);
    start = clock_type::now();
    std::vector<pid_t> children;
    for (std::size_t k = 0; k < processes; ++k) {
        const pid_t pid = ::fork();
        if (pid == 0) ::_exit(cast_range(file, codes, k * votes / processes, (k + 1) * votes / processes) == 0 ? 0 : 1);
        children.push_back(pid);
    }
    int failures = 0;
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
    }
    const double concurrent = seconds_since(start);
    std::cout << processes << " processes: " << votes << " votes in " << concurrent << " s = "
              << static_cast<long>(static_cast<double>(votes) / concurrent) << " votes/s (" << failures << " processes with refusals)\n";
    remove_db(file);
    return failures == 0 && refused == 0 ? 0 : 1;
}
