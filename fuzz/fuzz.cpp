// fuzz/fuzz.cpp: the checks of fuzz.hpp.
#include "fuzz.hpp"

#include <tmo/budget/pabulib.hpp>
#include <tmo/budget/run.hpp>
#include <tmo/vote/blt.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/rules.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace tmo_fuzz {

void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    std::abort();
}

void check_error(const tmo::error& e, std::string_view expected_source) {
    TMO_FUZZ_CHECK(e.code() != tmo::errc::ok);
    TMO_FUZZ_CHECK(!e.message().empty());
    const tmo::source_location& where = e.where();
    if (where.line != 0) {
        TMO_FUZZ_CHECK(where.file == expected_source);
    }
    if (where.column != 0) {
        TMO_FUZZ_CHECK(where.line != 0);
    }
}

bool same_profile(const tmo::vote::profile& a, const tmo::vote::profile& b) {
    if (a.candidates() != b.candidates() || a.seats() != b.seats() || a.title() != b.title() ||
        a.papers() != b.papers() || a.tie_order() != b.tie_order() || a.ballots().size() != b.ballots().size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.ballots().size(); ++i) {
        const tmo::vote::ballot& x = a.ballots()[i];
        const tmo::vote::ballot& y = b.ballots()[i];
        if (x.marks != y.marks || x.count != y.count || x.ids != y.ids) return false;
    }
    return true;
}

namespace {

bool has_unnamed_overvote(const tmo::vote::profile& p) {
    return std::any_of(p.ballots().begin(), p.ballots().end(), [](const tmo::vote::ballot& b) {
        return std::any_of(b.marks.begin(), b.marks.end(),
                           [](const tmo::vote::mark& m) { return m.candidate == tmo::vote::overvote_mark; });
    });
}

// What BLT can hold exactly (blt.hpp, write_blt): no unnamed overvote, no write-in candidate, ids and names without
// line breaks, ids without ')'.
bool blt_holds(const tmo::vote::profile& p) {
    const auto one_line = [](const std::string& s) { return s.find_first_of("\r\n") == std::string::npos; };
    if (has_unnamed_overvote(p) || !one_line(p.title())) return false;
    for (const tmo::vote::candidate& c : p.candidates()) {
        if (c.write_in || !one_line(c.name)) return false;
    }
    return std::all_of(p.ballots().begin(), p.ballots().end(), [&](const tmo::vote::ballot& b) {
        return std::all_of(b.ids.begin(), b.ids.end(), [&](const std::string& id) {
            return !id.empty() && one_line(id) && id.find(')') == std::string::npos;
        });
    });
}

// A name or the title containing a '"'.
bool quotes_a_name(const tmo::vote::profile& p) {
    const auto quoted = [](const std::string& s) { return s.find('"') != std::string::npos; };
    return quoted(p.title()) || std::any_of(p.candidates().begin(), p.candidates().end(),
                                            [&](const tmo::vote::candidate& c) { return quoted(c.name); });
}

// A name made only of '"' and blanks: the lenient BLT reader drops every '"', so it reads such a name as empty.
bool only_quotes_in_a_name(const tmo::vote::profile& p) {
    return std::any_of(p.candidates().begin(), p.candidates().end(), [](const tmo::vote::candidate& c) {
        return c.name.find_first_not_of("\" \t\r\n\f\v") == std::string::npos;
    });
}

// A ballot ranking one candidate twice: kept as marked by the lenient readers, refused by strict BLT.
bool ranks_a_candidate_twice(const tmo::vote::profile& p) {
    return std::any_of(p.ballots().begin(), p.ballots().end(), [](const tmo::vote::ballot& b) {
        std::set<tmo::vote::candidate_id> seen;
        for (const tmo::vote::mark& m : b.marks) {
            if (m.candidate < tmo::vote::overvote_mark && !seen.insert(m.candidate).second) return true;
        }
        return false;
    });
}

// Counting is exact and some rules are cubic in the candidates: only small elections are counted, so that each
// input runs in milliseconds.
constexpr std::uint32_t max_counted_candidates = 8;
constexpr std::size_t max_counted_ballots = 64;

void check_count(const tmo::vote::profile& p, std::uint8_t selector) {
    using namespace tmo::vote;
    if (p.candidate_count() > max_counted_candidates || p.ballots().size() > max_counted_ballots) return;
    const std::span<const std::string_view> rules = rule_names();
    const std::string_view rule = rules[selector % rules.size()];
    const tmo::result<count_result> r = count(p, rule, {});
    if (!r) {
        check_error(r.error());
        return;
    }
    TMO_FUZZ_CHECK(r->papers == p.papers());
    TMO_FUZZ_CHECK(r->candidates.size() == p.candidate_count());
    TMO_FUZZ_CHECK(r->elected.size() <= p.seats());
    TMO_FUZZ_CHECK(std::set<candidate_id>(r->elected.begin(), r->elected.end()).size() == r->elected.size());
    for (candidate_id c : r->elected) TMO_FUZZ_CHECK(c < p.candidate_count());
    TMO_FUZZ_CHECK(!r->stages.empty());
    for (const stage& s : r->stages) {
        TMO_FUZZ_CHECK(s.votes.size() == p.candidate_count());
        tmo::rational sum = s.non_transferable_total + s.rounding_loss_total;
        for (const tmo::rational& v : s.votes) sum += v;
        TMO_FUZZ_CHECK(sum == r->valid_vote);
        TMO_FUZZ_CHECK(!s.explanation.empty());
    }
    TMO_FUZZ_CHECK(!to_text(*r).empty());
    TMO_FUZZ_CHECK(!to_json(*r).empty());
}

// The same for participatory budgets (the exact maximum-welfare rule is exponential in the projects).
constexpr std::size_t max_run_projects = 8;
constexpr std::size_t max_run_ballots = 64;

}  // namespace

void check_budget(const tmo::budget::instance& election, std::uint8_t selector) {
    using namespace tmo::budget;
    const std::string text = to_pabulib(election);
    const tmo::result<pabulib_file> back = parse_pabulib(text, source);
    if (!back) std::fprintf(stderr, "%s\n", back.error().to_string().c_str());
    TMO_FUZZ_CHECK(back.has_value());
    TMO_FUZZ_CHECK(to_pabulib(back->election) == text);
    if (!validate(election) || election.projects.size() > max_run_projects ||
        election.ballots.size() > max_run_ballots) {
        return;
    }
    const std::vector<std::string_view>& rules = rule_names();
    // Add1 may take thousands of runs on a small election with a large budget (about 1 s each thousand under ASan);
    // a lower limit keeps each input fast, and reaching it is an error the check below accepts.
    rule_settings settings;
    TMO_FUZZ_CHECK(settings.set("add1-max-runs", "200").has_value());
    const tmo::result<outcome> r = run(election, rules[selector % rules.size()], settings);
    if (!r) {
        check_error(r.error());
        return;
    }
    TMO_FUZZ_CHECK(std::set<std::size_t>(r->selected.begin(), r->selected.end()).size() == r->selected.size());
    for (std::size_t project : r->selected) TMO_FUZZ_CHECK(project < election.projects.size());
    TMO_FUZZ_CHECK(r->cost == total_cost(election, r->selected));
    TMO_FUZZ_CHECK(r->cost <= election.budget);
    TMO_FUZZ_CHECK(r->selected.size() + r->rejected.size() == election.projects.size());
}

void check_profile(const tmo::vote::profile& p, std::uint8_t selector) {
    using namespace tmo::vote;
    if (!p.validate()) return;
    // Every profile is written as BLT that reads back with the same candidates, seats and papers; one that BLT can
    // hold exactly reads back equal.
    const std::string text = write_blt(p);
    const blt_mode mode = blt_holds(p) && !ranks_a_candidate_twice(p) ? blt_mode::strict : blt_mode::lenient;
    // The lenient reader drops every '"' from names and the title (blt.hpp), so only strict reading keeps them.
    const bool exact = blt_holds(p) && (mode == blt_mode::strict || !quotes_a_name(p));
    if (mode == blt_mode::lenient && only_quotes_in_a_name(p)) {
        check_count(p, selector);
        return;
    }
    const tmo::result<blt_file> back = read_blt(text, mode, source);
    if (!back) std::fprintf(stderr, "%s\n", back.error().to_string().c_str());
    TMO_FUZZ_CHECK(back.has_value());
    TMO_FUZZ_CHECK(back->profile.candidate_count() == p.candidate_count());
    TMO_FUZZ_CHECK(back->profile.seats() == p.seats());
    TMO_FUZZ_CHECK(back->profile.papers() == p.papers());
    if (exact) TMO_FUZZ_CHECK(same_profile(back->profile, p));
    check_count(p, selector);
}

}  // namespace tmo_fuzz
