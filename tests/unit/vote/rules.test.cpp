// Counting by rule name with options as text, and reading a ballot file whatever its format.
#include <tmo/vote/ballot_file.hpp>
#include <tmo/vote/rules.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace tmo::vote;
using tmo::errc;

namespace {

// Ann, Bob, Cat; one seat. First preferences 4, 3, 2; Cat's papers go to Bob, who then wins 5 to 4.
constexpr std::string_view election = "3 1\n4 1 0\n3 2 0\n2 3 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Cat\"\n\"Chair\"\n";

profile example() {
    auto f = read_ballots(election, "chair.blt");
    REQUIRE(f.has_value());
    CHECK(f->format == ballot_format::blt);
    return std::move(f->profile);
}

}  // namespace

TEST_CASE("rules: every listed rule counts, and knows its options") {
    const profile p = example();
    const std::vector<setting> seed{{"seed", "rules"}};  // Borda ties Ann and Bob at 8 points
    for (std::string_view rule : rule_names()) {
        CAPTURE(rule);
        CHECK_FALSE(rule_keys(rule).empty());
        auto r = count(p, rule, seed);
        REQUIRE(r.has_value());
        CHECK(r->rule == rule);
    }
    CHECK(rule_keys("no-such-rule").empty());
}

TEST_CASE("rules: rule_takes_equal_ranks says which rules count a paper ranking candidates equally") {
    // The chair election with one more paper, "2=3 1" (Bob and Cat equal first): the rules that say they take it
    // count it; the others refuse the profile for that paper.
    auto f = read_ballots("3 1\n4 1 0\n3 2 0\n2 3 2 0\n1 2=3 1 0\n0\n\"Ann\"\n\"Bob\"\n\"Cat\"\n\"Chair\"\n",
                          "equal.blt");
    REQUIRE(f.has_value());
    const std::vector<setting> seed{{"seed", "rules"}};
    std::vector<std::string_view> refusing;
    for (std::string_view rule : rule_names()) {
        CAPTURE(rule);
        auto r = count(f->profile, rule, seed);
        if (rule_takes_equal_ranks(rule)) {
            CHECK(r.has_value());
        } else {
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code() == errc::invalid_value);
            CHECK(r.error().message().find("ranks candidates equally") != std::string::npos);
            refusing.push_back(rule);
        }
    }
    CHECK(refusing == std::vector<std::string_view>{"scottish-stv", "wigm"});
    CHECK_FALSE(rule_takes_equal_ranks("no-such-rule"));
}

TEST_CASE("rules: the named rule decides the winner") {
    const profile p = example();
    auto irv = count(p, "irv", {});
    REQUIRE(irv.has_value());
    CHECK(irv->elected == std::vector<candidate_id>{1});
    auto plurality = count(p, "plurality", {});
    REQUIRE(plurality.has_value());
    CHECK(plurality->elected == std::vector<candidate_id>{0});
    const std::vector<setting> two_seats{{"seats", "2"}};
    auto block = count(p, "block", two_seats);
    REQUIRE(block.has_value());
    // Block vote reads every mark: Bob 3 + 2 = 5, Ann 4, Cat 2; most votes first.
    CHECK(block->elected == std::vector<candidate_id>{1, 0});
    // Approval reads every mark too, with no limit: Bob 5 of 9 papers.
    auto approval = count(p, "approval", {});
    REQUIRE(approval.has_value());
    CHECK(approval->elected == std::vector<candidate_id>{1});
    // Bob is ranked above Ann on 5 papers of 9 and above Cat on 7: the Condorcet winner.
    for (std::string_view rule : {"schulze", "ranked-pairs"}) {
        auto r = count(p, rule, {});
        REQUIRE(r.has_value());
        CHECK(r->elected == std::vector<candidate_id>{1});
    }
    // The modified Borda count (a paper ranking m candidates gives m, m - 1, ...): Ann 4, Bob 3 + 2 = 5, Cat 4.
    const std::vector<setting> modified{{"variant", "modified"}};
    auto borda = count(p, "borda", modified);
    REQUIRE(borda.has_value());
    CHECK(borda->elected == std::vector<candidate_id>{1});
}

TEST_CASE("rules: unknown rules, unknown options and bad values are refused with what was expected") {
    const profile p = example();
    auto unknown = count(p, "borda-count", {});
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code() == errc::not_found);
    CHECK(unknown.error().message().find("scottish-stv, wigm, meek, irv") != std::string::npos);

    const std::vector<setting> misspelt{{"overvotes", "skip"}};
    auto key = count(p, "irv", misspelt);
    REQUIRE_FALSE(key.has_value());
    CHECK(key.error().code() == errc::invalid_argument);
    CHECK(key.error().message().find("has no option 'overvotes'") != std::string::npos);

    const std::vector<setting> strength{{"strength", "ratio"}};
    auto no_ratio = count(p, "schulze", strength);
    REQUIRE_FALSE(no_ratio.has_value());
    CHECK(no_ratio.error().message() == "option strength='ratio': expected winning or margins");
    const std::vector<setting> shared{{"variant", "dowdall"}, {"unranked", "share"}};
    auto dowdall_share = count(p, "borda", shared);
    REQUIRE_FALSE(dowdall_share.has_value());
    CHECK(dowdall_share.error().code() == errc::invalid_value);

    for (const std::vector<setting>& bad : {std::vector<setting>{{"overvote", "sometimes"}},
                                            std::vector<setting>{{"batch", "maybe"}},
                                            std::vector<setting>{{"skipped-ranks", "-1"}},
                                            std::vector<setting>{{"order", "1,4"}}}) {
        CAPTURE(bad[0].key);
        auto r = count(p, "irv", bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code() == errc::invalid_value);
        CHECK(r.error().message().find("option " + bad[0].key + "=") == 0);
    }
}

TEST_CASE("rules: the last value of a repeated option wins") {
    const profile p = example();
    const std::vector<setting> seats{{"seats", "1"}, {"seats", "2"}};
    auto r = count(p, "block", seats);
    REQUIRE(r.has_value());
    CHECK(r->elected.size() == 2);
}

TEST_CASE("ballot files: the format is told from the content") {
    CHECK(detect_format(election).value() == ballot_format::blt);
    CHECK(detect_format("\xEF\xBB\xBF\"ballot_id\", rank ,choice\r\nb1,1,Ann\r\n").value() ==
          ballot_format::long_format);
    auto long_file = read_ballots("ballot_id,rank,choice\nb1,1,Ann\nb1,2,Bob\nb2,1,Bob\n", "mayor.csv");
    REQUIRE(long_file.has_value());
    CHECK(long_file->profile.candidate_count() == 2);
    CHECK(long_file->profile.papers() == 2);

    auto neither = read_ballots("name,score\nAnn,3\n", "scores.csv");
    REQUIRE_FALSE(neither.has_value());
    CHECK(neither.error().code() == errc::syntax);
    CHECK(neither.error().where().file == "scores.csv");
    CHECK(neither.error().where().line == 1);
    CHECK(load_ballots("/nonexistent/ward.blt").error().code() == errc::io);
}
