// Explanations: the sentences, the text report and the JSON object for the worked example of budgeting.md 4.9.
#include "pb_data.hpp"

#include <tmo/budget/equal_shares.hpp>
#include <tmo/budget/explain.hpp>
#include <tmo/budget/greedy.hpp>
#include <tmo/budget/pabulib.hpp>

#include <doctest/doctest.h>

using namespace tmo;
using namespace tmo::budget;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("explain mes sentences text and json") {
    const instance inst = pb_test::riverside();
    const outcome out = equal_shares(inst).value();
    CHECK(explain_project(inst, out, 2) ==
          "Funded in round 1: its 3 supporters could pay its cost of 1,500.00 together, none paying more than 500.00, "
          "the lowest price per unit of benefit of any project still affordable (worth 3.00 full votes); it tied "
          "with 1 other project and won on the rule 'min-cost'.");
    CHECK(explain_project(inst, out, 0) ==
          "Not funded: its supporters had only 3,750.00 of their equal shares left between them, less than its cost "
          "of 6,000.00.");
    const std::string text = to_text(inst, out);
    CHECK(contains(text, "Rule: mes\n"));
    CHECK(contains(text, "Each voter's equal share: 2,000.00 (exactly 2000)\n"));
    CHECK(contains(text, "Funded: 2 projects, total cost 4,000.00, left over 6,000.00\n"));
    CHECK(contains(text, "  2. 2 CCTV at car park: cost 2,500.00, rho 1/2, effective votes 2.00, budget left 6,000.00\n"));
    CHECK(contains(text, "       2 voters paid 1,250.00 each\n"));
    const std::string json = to_json(inst, out);
    CHECK(json.starts_with("{\"rule\":\"mes\",\"options\":{\"utility\":\"cost\",\"ties\":\"min-cost, max-votes, file\""));
    CHECK(contains(json, "\"selected\":[\"3\",\"2\"],\"cost\":\"4000\""));
    CHECK(contains(json, "\"measure\":\"1/3\",\"effective_votes\":\"3\""));
    CHECK(contains(json, "{\"project\":\"4\",\"reason\":\"unaffordable\",\"figure\":\"2000\""));
    CHECK(contains(json, "\"endowment\":\"2000\",\"runs\":1"));
    CHECK(contains(json, "\"left_over\":[{\"voters\":1,\"left\":\"250\"},{\"voters\":1,\"left\":\"750\"}"));
}

TEST_CASE("explain greedy rejections") {
    const instance inst = pb_test::riverside();
    const outcome out = greedy(inst).value();
    CHECK(explain_project(inst, out, 3) == "Not funded: when its turn came only 0.00 was left and it costs 3,000.00.");
    CHECK(explain_project(inst, out, 1) ==
          "Funded in round 3: it had the most votes (2) among the projects still waiting, and its cost of 2,500.00 "
          "fit in what was left.");
    CHECK(contains(to_json(inst, out), "\"selected\":[\"3\",\"1\",\"2\"],\"cost\":\"10000\""));
}
