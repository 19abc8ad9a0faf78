// Helpers for the Scottish council election tests: reading the official expected results and comparing a count
// with them at the published precision.
#pragma once

#include <tmo/vote/blt.hpp>
#include <tmo/vote/stv.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace scot {

/// One published figure: a candidate's votes at a stage, as printed.
struct figure {
    std::size_t stage = 0;
    std::size_t candidate = 0;  // 1-based, BLT order
    std::string votes;          // empty = not published
    unsigned decimals = 0;
    std::string status;
};

/// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).
inline std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                out.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else if (c != '\r') {
            out.back() += c;
        }
    }
    return out;
}

/// The rows of a CSV file, header excluded.
inline std::vector<std::vector<std::string>> csv_rows(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
        if (!line.empty()) rows.push_back(csv_fields(line));
    return rows;
}

inline std::vector<figure> expected_figures(const std::filesystem::path& path) {
    std::vector<figure> out;
    for (const auto& f : csv_rows(path))
        out.push_back({std::stoul(f.at(0)), std::stoul(f.at(1)), f.at(3),
                       f.at(4).empty() ? 0u : static_cast<unsigned>(std::stoul(f.at(4))), f.at(5)});
    return out;
}

/// The outcome of comparing a count with an official sheet.
struct comparison {
    std::size_t official_stages = 0;
    std::size_t counted_stages = 0;
    std::size_t figures_compared = 0;
    std::vector<std::string> mismatches;  // "stage 3, candidate 2: official 832.84154, counted 832.84152"
    std::vector<std::size_t> official_elected;  // 1-based, ascending
    std::vector<std::size_t> counted_elected;   // 1-based, ascending

    [[nodiscard]] bool all_match() const {
        return mismatches.empty() && official_stages == counted_stages && official_elected == counted_elected;
    }
};

/// The published value of `v` at `decimals` places: councils round (Glasgow 2017 prints 2 decimals).
inline std::string published(const tmo::rational& v, unsigned decimals) {
    return v.to_decimal(decimals, tmo::rounding::half_up).value();
}

inline comparison compare(const tmo::vote::count_result& r, const std::vector<figure>& figures) {
    comparison c;
    c.counted_stages = r.stages.size();
    for (const figure& f : figures) {
        c.official_stages = std::max(c.official_stages, f.stage);
        if (f.status == "elected" &&
            std::find(c.official_elected.begin(), c.official_elected.end(), f.candidate) == c.official_elected.end())
            c.official_elected.push_back(f.candidate);
        if (f.votes.empty()) continue;
        if (f.stage > r.stages.size() || f.candidate > r.candidates.size()) {
            c.mismatches.push_back("stage " + std::to_string(f.stage) + " missing");
            continue;
        }
        ++c.figures_compared;
        const std::string ours = published(r.stages[f.stage - 1].votes[f.candidate - 1], f.decimals);
        if (ours != f.votes)
            c.mismatches.push_back("stage " + std::to_string(f.stage) + ", candidate " + std::to_string(f.candidate) +
                                   ": official " + f.votes + ", counted " + ours);
    }
    for (auto e : r.elected) c.counted_elected.push_back(e + 1);
    std::sort(c.official_elected.begin(), c.official_elected.end());
    std::sort(c.counted_elected.begin(), c.counted_elected.end());
    return c;
}

}  // namespace scot
