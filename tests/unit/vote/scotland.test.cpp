// Scottish STV against the official results of Scottish council elections (tests/data/elections/scotland/).
#include "scotland_data.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace tmo::vote;

namespace {

const fs::path selection_dir = fs::path(TMO_TEST_DATA_DIR) / "elections" / "scotland";

count_result count_file(const fs::path& blt, blt_mode mode) {
    auto file = load_blt(blt, mode);
    REQUIRE_MESSAGE(file.has_value(), (file ? std::string() : file.error().to_string()));
    auto r = count_stv(file->profile, stv_options::scottish());
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().to_string()));
    return std::move(*r);
}

}  // namespace

TEST_CASE("scottish-stv reproduces every published figure of the 65 selected wards") {
    std::size_t wards = 0, figures = 0;
    for (const char* year : {"2017", "2022"}) {
        for (const auto& entry : fs::directory_iterator(selection_dir / year)) {
            if (entry.path().extension() != ".blt") continue;
            const std::string id = entry.path().stem().string();
            const count_result r = count_file(entry.path(), blt_mode::strict);
            const auto c = scot::compare(r, scot::expected_figures(selection_dir / year / (id + ".expected.csv")));
            INFO(id);
            for (const std::string& m : c.mismatches) INFO(m);
            CHECK(c.mismatches.empty());
            CHECK(c.counted_stages == c.official_stages);
            CHECK(c.counted_elected == c.official_elected);
            ++wards;
            figures += c.figures_compared;
        }
    }
    CHECK(wards == 65);
    MESSAGE("compared " << figures << " published figures");
}
