// bench_budget: wall-clock timings of greedy, MES and MES + Add1 on large real elections (one core, exact
// arithmetic). Usage: bench_budget [DIR] [REPEATS]; DIR holds the .pb files (default: the unpacked test archive).
// Prints one line per file and rule: the best of REPEATS runs (default 3), and the outcome's size and cost so that
// a run that got faster by being wrong is visible.
#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/explain.hpp>
#include <tmo/budget/greedy.hpp>
#include <tmo/budget/pabulib.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

namespace pb = tmo::budget;

namespace {

double seconds_of(const std::function<void()>& f, int repeats) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = took.count() < best ? took.count() : best;
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : TMO_BENCH_PB_DIR;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
    const char* files[] = {"Poland_Wieliczka_2023_Green_Budget.pb", "Poland_Lodz_2022.pb", "Poland_Warszawa_2026.pb"};
    std::printf("%-40s %-22s %10s %9s %16s %6s\n", "file", "rule", "seconds", "projects", "cost", "runs");
    for (const char* name : files) {
        pb::instance inst;
        const double load = seconds_of(
            [&] {
                auto file = pb::load_pabulib(dir + "/" + name);
                if (!file) {
                    std::fprintf(stderr, "%s\n", file.error().to_string().c_str());
                    std::exit(2);
                }
                inst = std::move(file->election);
            },
            1);
        std::printf("%-40s %-22s %10.3f %9s %16s\n", name, "parse", load, "", "");
        const auto report = [&](const char* rule, const std::function<pb::outcome()>& run) {
            pb::outcome out;
            const double t = seconds_of([&] { out = run(); }, repeats);
            std::printf("%-40s %-22s %10.3f %9zu %16s %6llu\n", name, rule, t, out.selected.size(),
                        out.cost.to_exact_text().c_str(), static_cast<unsigned long long>(out.runs));
        };
        report("greedy", [&] { return pb::greedy(inst).value(); });
        report("mes", [&] { return pb::equal_shares(inst).value(); });
        pb::equal_shares_options add1;
        add1.complete = pb::completion::add1;
        report("mes-add1 (exhaustive)", [&] { return pb::equal_shares(inst, add1).value(); });
        add1.stop = pb::add1_stop::over_budget;
        report("mes-add1 (over-budget)", [&] { return pb::equal_shares(inst, add1).value(); });
    }
    return 0;
}
