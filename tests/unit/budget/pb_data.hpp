// Shared by the budgeting tests: the unpacked Pabulib files (tests/data/pb/pabulib.tar.xz) and the reference
// outcomes beside them.
#pragma once

#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/pabulib.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace pb_test {

inline std::filesystem::path data_dir() { return TMO_PB_DATA_DIR; }

// The Riverside worked example of budgeting.md 3.6 and 4.9: projects 1 (6000), 2 (2500), 3 (1500), 4 (3000);
// budget 10000; five voters v1..v5.
inline tmo::budget::instance riverside() {
    tmo::budget::instance inst;
    inst.budget = 10000;
    const int costs[] = {6000, 2500, 1500, 3000};
    const char* names[] = {"New play area", "CCTV at car park", "Community garden", "Bike store; block C"};
    for (int i = 0; i < 4; ++i) inst.projects.push_back({std::to_string(i + 1), costs[i], names[i], {}, {}, {}, {}});
    tmo::budget::ballot_merger merger(inst);
    const std::vector<std::vector<std::size_t>> votes = {{0, 2}, {0, 1}, {0, 2}, {1, 2}, {3}};
    for (std::size_t v = 0; v < votes.size(); ++v) merger.add({votes[v], {}, 1, {"v" + std::to_string(v + 1)}});
    return inst;
}

// Loads an unpacked file, failing the test (with the reader's message) if it does not parse.
inline tmo::budget::instance load(const std::string& name) {
    auto file = tmo::budget::load_pabulib(data_dir() / name);
    if (!file) FAIL(file.error().to_string());
    return std::move(file->election);
}

// The ids of the chosen projects, sorted naturally and joined by spaces (the form of reference_outcomes.tsv).
inline std::string ids(const tmo::budget::instance& inst, const std::vector<std::size_t>& chosen) {
    std::vector<std::string> out;
    for (std::size_t p : chosen) out.push_back(inst.projects[p].id);
    std::sort(out.begin(), out.end(),
              [](const std::string& a, const std::string& b) { return tmo::budget::natural_compare(a, b) < 0; });
    std::string joined;
    for (const auto& id : out) joined += (joined.empty() ? "" : " ") + id;
    return joined;
}

// The projects a file marks selected=1.
inline std::vector<std::size_t> officially_selected(const tmo::budget::instance& inst) {
    std::vector<std::size_t> out;
    for (std::size_t p = 0; p < inst.projects.size(); ++p)
        if (inst.projects[p].selected == 1) out.push_back(p);
    return out;
}

struct reference_row {
    std::string file, rule, total_cost, winners;
};

// reference_outcomes.tsv without its comment lines and header.
inline std::vector<reference_row> reference_rows() {
    std::ifstream in(std::filesystem::path(TMO_TEST_DATA_DIR) / "pb" / "reference_outcomes.tsv");
    REQUIRE(in);
    std::vector<reference_row> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.starts_with("file\t")) continue;
        std::vector<std::string> cells;
        std::stringstream s(line);
        std::string cell;
        while (std::getline(s, cell, '\t')) cells.push_back(cell);
        cells.resize(5);
        rows.push_back({cells[0], cells[1], cells[3], cells[4]});
    }
    return rows;
}

// Which files a reference check covers: the Add1 rows of the larger files run only in the slow executable.
constexpr std::uintmax_t small_file = 20 * 1024;
enum file_sizes { any_size, small, large };

using rule_runner = std::function<tmo::result<tmo::budget::outcome>(const tmo::budget::instance&)>;

// Runs every reference row of `rule` on files of the given sizes and checks the winners and the exact total cost;
// returns the number of rows checked.
inline std::size_t check_rows(const std::string& rule, file_sizes sizes, const rule_runner& run) {
    static std::map<std::string, tmo::budget::instance> cache;
    std::size_t checked = 0;
    for (const auto& row : reference_rows()) {
        if (row.rule != rule) continue;
        const bool is_small = std::filesystem::file_size(data_dir() / row.file) <= small_file;
        if ((sizes == small && !is_small) || (sizes == large && is_small)) continue;
        CAPTURE(row.file);
        auto [at, inserted] = cache.try_emplace(row.file);
        if (inserted) at->second = load(row.file);
        const tmo::budget::instance& inst = at->second;
        const auto out = run(inst);
        REQUIRE_MESSAGE(out.has_value(), out.error().to_string());
        CHECK(ids(inst, out->selected) == row.winners);
        CHECK(out->cost == tmo::rational::parse(row.total_cost).value());
        CHECK(out->cost <= inst.budget);
        ++checked;
    }
    MESSAGE(rule << ": " << checked << " reference rows checked");
    return checked;
}

// The reference's options: id-as-text ties; the plain MES outcome kept when everything fits, but only in its scan
// without the exhaustive stop.
inline tmo::budget::equal_shares_options reference_mes_options(tmo::budget::completion complete,
                                                               tmo::budget::add1_stop stop = tmo::budget::add1_stop::exhaustive) {
    tmo::budget::equal_shares_options options;
    options.ties = tmo::budget::tie_breaking::reference();
    options.complete = complete;
    options.stop = stop;
    options.skip_add1_when_all_fit = complete == tmo::budget::completion::add1 && stop == tmo::budget::add1_stop::over_budget;
    return options;
}

}  // namespace pb_test
