// bench_count: timings of the vote counting engine (bench/README.md, "Counting"). Not a test.
//   bench_count SCOTLAND_DIR   the unpacked Scottish archive (folders 2012, 2017, 2022 with blt_original/)
// Meath 2002 under Meek is read from the Irish archive unpacked into the build tree.
#include <tmo/vote/blt.hpp>
#include <tmo/vote/meek.hpp>
#include <tmo/vote/stv.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

namespace fs = std::filesystem;
using namespace tmo::vote;

namespace {

using clock_type = std::chrono::steady_clock;

// Elapsed time since construction: wall clock, and the processor time of this process (the figure that matters on
// a shared machine, where the wall clock also counts time spent waiting for a core).
struct timer {
    clock_type::time_point wall = clock_type::now();
    std::clock_t cpu = std::clock();

    [[nodiscard]] std::string text() const {
        const auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - wall).count();
        const auto cpu_ms = static_cast<long long>(std::clock() - cpu) * 1000 / CLOCKS_PER_SEC;
        return std::to_string(cpu_ms) + " ms CPU (" + std::to_string(wall_ms) + " ms wall)";
    }
};

// Wall-clock milliseconds since `start`.
long long ms_since(clock_type::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start).count();
}

// A BLT file of `papers` single papers (weight 1) over `cands` candidates: each voter ranks 1 to 8 candidates,
// drawn with a popularity bias so that surpluses and exclusions both happen.
std::string generated_blt(std::uint64_t papers, std::uint32_t cands, std::uint32_t seats) {
    std::mt19937_64 rng(1500103);
    std::string out = std::to_string(cands) + " " + std::to_string(seats) + "\n";
    std::vector<std::uint32_t> order(cands);
    for (std::uint64_t i = 0; i < papers; ++i) {
        for (std::uint32_t c = 0; c < cands; ++c) order[c] = c;
        const auto length = std::uniform_int_distribution<std::uint32_t>(1, 8)(rng);
        out += "1";
        for (std::uint32_t k = 0; k < length; ++k) {
            // The smaller of two uniform picks among the remaining candidates: low numbers are more popular.
            std::uniform_int_distribution<std::uint32_t> any(k, cands - 1);
            const std::uint32_t pick = std::min(any(rng), any(rng));
            std::swap(order[k], order[pick]);
            out += " " + std::to_string(order[k] + 1);
        }
        out += " 0\n";
    }
    out += "0\n";
    for (std::uint32_t c = 0; c < cands; ++c) out += "\"Candidate " + std::to_string(c + 1) + "\"\n";
    return out + "\"Generated election\"\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2) {
        const timer start;
        std::size_t wards = 0;
        for (const char* year : {"2012", "2017", "2022"}) {
            const fs::path dir = fs::path(argv[1]) / year / "blt_original";
            if (!fs::exists(dir)) continue;
            for (const auto& entry : fs::directory_iterator(dir)) {
                auto file = load_blt(entry.path());
                if (!file) return std::cerr << file.error().to_string() << '\n', 1;
                auto r = count_stv(file->profile, stv_options::scottish());
                if (!r) return std::cerr << r.error().to_string() << '\n', 1;
                ++wards;
            }
        }
        std::cout << "scottish-stv, " << wards << " Scottish wards parsed and counted: " << start.text() << '\n';
    }
    {
        // Meek, Meath 2002: the best of three runs of parsing and counting.
        long long best_parse = 0, best_count = 0;
        std::size_t stages = 0, iterations = 0, different = 0;
        std::uint64_t papers = 0;
        for (int run = 0; run < 3; ++run) {
            const auto start = clock_type::now();
            auto file = load_blt(fs::path(TMO_BENCH_IRELAND_DIR) / "Meath2002.blt", blt_mode::strict);
            if (!file) return std::cerr << file.error().to_string() << '\n', 1;
            const long long parsed = ms_since(start);
            const auto counting = clock_type::now();
            auto r = count_meek(file->profile, meek_options::reference());
            if (!r) return std::cerr << r.error().to_string() << '\n', 1;
            const long long counted = ms_since(counting);
            if (run == 0 || parsed + counted < best_parse + best_count) {
                best_parse = parsed;
                best_count = counted;
            }
            stages = r->stages.size();
            iterations = 0;
            for (const stage& s : r->stages) iterations += s.iterations;
            different = file->profile.ballots().size();
            papers = file->profile.papers();
        }
        std::cout << "meek, Meath 2002 (" << papers << " papers, " << different << " different ballots, " << stages
                  << " stages, " << iterations << " distributions): " << best_parse + best_count << " ms (parsing "
                  << best_parse << " ms, counting " << best_count << " ms)\n";
    }
    const std::string text = generated_blt(1000000, 20, 5);
    const timer start;
    auto file = read_blt(text, blt_mode::strict);
    if (!file) return std::cerr << file.error().to_string() << '\n', 1;
    const std::string parsed = start.text();
    stv_options options = stv_options::scottish();
    options.ties.seed = "bench";
    auto r = count_stv(file->profile, options);
    if (!r) return std::cerr << r.error().to_string() << '\n', 1;
    std::cout << "scottish-stv, generated 1,000,000 papers, 20 candidates, 5 seats (" << file->profile.ballots().size()
              << " different ballots, " << r->stages.size() << " stages): " << start.text() << ", of which parsing "
              << parsed << '\n';
    return 0;
}
