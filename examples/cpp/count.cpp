// Counting an election from C++: read a ballot file, count it by the Scottish STV rules, and walk the stages.
//
// Build with CMake:  find_package(tmo) and link tmo::tmo (see CMakeLists.txt beside this file).
// Run:               ./count examples/data/riverside_committee_2026.blt
//
// expected/count.txt was checked, not copied from the program: the 143 papers, the quota of 24 (Droop, whole:
// floor(143 / (5 + 1)) + 1) and every first preference (31, 6, 23, 25, 16, 14, 9, 13, 6) were counted by hand from
// the file's first column; the stages and the five elected (Amina Yusuf and Delroy Campbell at stage 1 with 31 and 25,
// then Chen Wei, Eleanor Price, Fatima Begum) are those of `tmo count examples/data/riverside_committee_2026.blt`,
// whose Scottish STV reproduces the published figures of 658 Scottish council wards (docs/counting.md).
//
// Every function that can fail returns tmo::result<T>: test it like a pointer, read the value with * or ->, and on
// failure .error().to_string() gives "file:line:column: error: ...". Nothing throws for bad input.
#include <tmo/core/rational.hpp>
#include <tmo/vote/ballot_file.hpp>
#include <tmo/vote/rules.hpp>

#include <iostream>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: count FILE.blt\n";
        return 2;
    }
    // 1. Read the ballots (BLT, CSV or NIST CDF JSON, told apart by content).
    auto file = tmo::vote::load_ballots(argv[1]);
    if (!file) {
        std::cerr << file.error().to_string() << '\n';
        return 2;
    }
    const tmo::vote::profile& ballots = file->profile;

    // 2. Count by a named rule; its options (seats, ties, seed, ...) are key/value settings, none needed here.
    const std::vector<tmo::vote::setting> settings;
    auto count = tmo::vote::count(ballots, "scottish-stv", settings);
    if (!count) {
        std::cerr << count.error().to_string() << '\n';
        return 2;
    }

    // 3. Every figure is an exact tmo::rational. The stage records explain themselves; the accounting identity
    //    (votes + non-transferable + loss to rounding = the valid vote) holds at every stage, checked here.
    std::cout << ballots.title() << '\n' << count->papers << " papers, " << count->seats << " seats, quota "
              << count->stages.front().quota.to_string() << '\n';
    for (const tmo::vote::stage& s : count->stages) {
        tmo::rational total = s.non_transferable_total + s.rounding_loss_total;
        for (const tmo::rational& v : s.votes) total += v;
        std::cout << "stage " << s.number << ": " << s.explanation
                  << (total == count->valid_vote ? "" : " [accounts do not balance!]") << '\n';
    }

    // 4. The elected, in order of election (0-based candidate ids into count->candidates).
    std::cout << "elected:\n";
    for (std::size_t i = 0; i < count->elected.size(); ++i)
        std::cout << "  " << i + 1 << ". " << count->candidates[count->elected[i]] << '\n';
    return 0;
}
