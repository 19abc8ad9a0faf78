// Checking resolutions against a constitution from C++: a special resolution at a general meeting, and an equal
// vote at a committee meeting settled by the chair's casting vote where the constitution gives the chair one.
//
// Build with CMake:  find_package(tmo) and link tmo::tmo (see CMakeLists.txt beside this file).
// Run:               ./resolution examples/data/riverside_tmo.toml
//
// The Riverside rules: a special resolution needs at least 3/4 of the votes cast, an ordinary one more than 1/2,
// and the chair of a committee meeting has a casting vote. So 30 for and 10 against is exactly 3/4 and carries;
// 4 for and 4 against with the chair's casting vote in favour carries by 5 of 9 (docs/decisions.md gives this
// sentence as its example). expected/resolution.txt holds these outcomes, checked by that arithmetic.
#include <tmo/core/date.hpp>
#include <tmo/decision/resolution.hpp>
#include <tmo/rules/constitution.hpp>

#include <iostream>
#include <string_view>

namespace {

// Evaluates one vote and prints its one plain sentence; returns false (after printing why) on an error.
bool show(const tmo::constitution& rules, std::string_view kind, tmo::meeting_kind meeting,
          tmo::decision::class_count counts, tmo::decision::casting_use casting) {
    const tmo::meeting_rules* at = rules.meeting(meeting);
    const tmo::resolution_rules* resolution = rules.resolution(kind);
    auto held = tmo::parse_date("2026-06-25");
    if (at == nullptr || resolution == nullptr || !held) {
        std::cerr << "resolution: the constitution has no rules for this meeting or resolution\n";
        return false;
    }
    tmo::decision::resolution_vote vote;
    vote.votes.all = counts;
    vote.casting_allowed = at->casting == tmo::casting_vote::chair;
    vote.casting = casting;
    vote.held = *held;
    auto outcome = tmo::decision::evaluate_resolution(*resolution, kind, vote);
    if (!outcome) {
        std::cerr << outcome.error().to_string() << '\n';
        return false;
    }
    std::cout << kind << " resolution at a " << tmo::name(meeting) << " meeting: " << outcome->sentence << '\n';
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: resolution CONSTITUTION.toml\n";
        return 2;
    }
    auto rules = tmo::load_constitution(argv[1]);
    if (!rules) {
        std::cerr << rules.error().to_string() << '\n';
        return 2;
    }
    std::cout << rules->org.name << '\n';
    using tmo::decision::casting_use;
    // class_count: eligible, present, in favour, against, abstained.
    const bool ok = show(*rules, "special", tmo::meeting_kind::general, {88, 42, 30, 10, 2}, casting_use::not_used) &&
                    show(*rules, "special", tmo::meeting_kind::general, {88, 42, 29, 11, 2}, casting_use::not_used) &&
                    show(*rules, "ordinary", tmo::meeting_kind::committee, {9, 8, 4, 4, 0}, casting_use::in_favour);
    return ok ? 0 : 2;
}
