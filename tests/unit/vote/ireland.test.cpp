// Ireland 2002 (tests/data/elections/ireland2002/): the officially elected candidates of Dublin North, Dublin West
// and Meath, which scottish-stv and meek both elect.
#include "generated.hpp"
#include "scotland_data.hpp"

#include <tmo/vote/meek.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

namespace fs = std::filesystem;
using namespace tmo::vote;

namespace {

// The 1-based candidate numbers of the official winners ("10 4 12 9"), sorted.
std::vector<candidate_id> official(const std::string& numbers) {
    std::vector<candidate_id> out;
    std::istringstream in(numbers);
    for (candidate_id n = 0; in >> n;) out.push_back(n);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<candidate_id> elected_numbers(const count_result& r) {
    std::vector<candidate_id> out;
    for (candidate_id c : r.elected) out.push_back(c + 1);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("Ireland 2002: scottish-stv and meek elect the official candidates of Dublin North, Dublin West, Meath") {
    const auto rows = scot::csv_rows(fs::path(TMO_TEST_DATA_DIR) / "elections" / "ireland2002" / "expected.csv");
    REQUIRE(rows.size() == 3);
    for (const auto& row : rows) {
        INFO(row.at(0));
        auto file = load_blt(fs::path(TMO_IRELAND_DIR) / row.at(0), blt_mode::strict);
        REQUIRE_MESSAGE(file.has_value(), (file ? std::string() : file.error().to_string()));
        CHECK(file->profile.papers() == std::stoull(row.at(2)));
        const auto expected = official(row.at(5));
        auto wigm = count_stv(file->profile, stv_options::scottish());
        REQUIRE(wigm.has_value());
        CHECK(wigm->stages.front().quota == tmo::rational(std::stoll(row.at(3))));
        CHECK(elected_numbers(*wigm) == expected);
        auto meek = count_meek(file->profile, meek_options::reference());
        REQUIRE(meek.has_value());
        CHECK(elected_numbers(*meek) == expected);
        tmo_test::check_conservation(*meek);
    }
}
