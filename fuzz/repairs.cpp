// fuzz_repairs: the contract performance CSVs (repairs jobs, inspections, KPI readings, points failures;
// tmo/contract/performance.hpp). The first byte chooses the reader (0: jobs, 1: inspections, 2: readings, 3: failures
// of the categories "cut" and "litter", by its value modulo 4); the rest is the file. Invariants: reading is deterministic and an error names the source, line and column.
#include "fuzz.hpp"

#include <tmo/contract/performance.hpp>

#include <vector>

namespace {

template <typename Reader>
void check(Reader read, std::string_view input) {
    const auto first = read(input, tmo_fuzz::source);
    const auto second = read(input, tmo_fuzz::source);
    tmo_fuzz::check_same_outcome(first, second);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input = tmo_fuzz::text(data + 1, size - 1);
    static const std::vector<tmo::contract::failure_category> categories{{"cut", "", tmo::rational(2), {}},
                                                                         {"litter", "", tmo::rational(3), {}}};
    const auto failures = [](std::string_view text, std::string_view source) {
        return tmo::contract::read_failures_csv(text, source, categories);
    };
    switch (data[0] % 4) {
        case 0: check(tmo::contract::read_jobs_csv, input); break;
        case 1: check(tmo::contract::read_inspections_csv, input); break;
        case 2: check(tmo::contract::read_readings_csv, input); break;
        default: check(failures, input); break;
    }
    return 0;
}
