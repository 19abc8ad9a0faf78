// Exact evaluation of threshold tests and turnout floors against a tally (tmo/decision/tally.hpp).
#include <tmo/decision/tally.hpp>

#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

class_count& class_count::operator+=(const class_count& other) noexcept {
    eligible += other.eligible;
    present += other.present;
    in_favour += other.in_favour;
    against += other.against;
    abstained += other.abstained;
    return *this;
}

tally tally::from_classes(std::map<tenure_class, class_count> counts) {
    tally t;
    for (const auto& [c, count] : counts) t.all += count;
    t.by_class = std::move(counts);
    return t;
}

result<class_count> tally::within(const std::vector<tenure_class>& classes) const {
    if (classes.empty()) return all;
    if (by_class.empty())
        return unexpected(errc::invalid_value,
                          "a test within tenure classes needs the votes counted by class (a poll or a ballot), "
                          "not a show of hands");
    class_count sum;
    for (tenure_class c : classes)
        if (auto it = by_class.find(c); it != by_class.end()) sum += it->second;
    return sum;
}

std::string shown_percent(std::uint64_t part, std::uint64_t whole) {
    if (whole == 0) return "no percentage: nothing to take it of";
    return rational(integer(part), integer(whole)).to_percent(1, rounding::half_up).value();
}

namespace {

// "2/3", "more than 1/2", "all".
std::string required(const rational& fraction, comparison compare) {
    if (compare == comparison::greater) return "more than " + fraction.to_string();
    return fraction == 1 ? "all" : fraction.to_string();
}

std::string test_figures(const threshold_test& test, std::uint64_t in_favour, std::uint64_t base) {
    const std::string phrase = test.describe_base();
    const std::string need = required(test.fraction, test.compare);
    if (base == 0) return std::to_string(in_favour) + " of 0 " + phrase + ", so the required " + need + " cannot be met";
    return std::to_string(in_favour) + " of " + std::to_string(base) + " " + phrase + " (" +
           shown_percent(in_favour, base) + ") against a required " + need;
}

std::string turnout_figures(const turnout_floor& floor, std::uint64_t turned_out, std::uint64_t eligible) {
    const std::string need = required(floor.fraction, floor.compare);
    std::string out = "a turnout of " + std::to_string(turned_out) + " of " + std::to_string(eligible) + " " +
                      (floor.classes.empty() ? std::string("eligible") : floor.describe_base());
    if (eligible == 0) return out + ", so the required " + need + " cannot be met";
    return out + " (" + shown_percent(turned_out, eligible) + ") against a required " + need;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

}  // namespace

result<decision_outcome> evaluate(const std::vector<threshold_test>& tests, combine how,
                                  const std::optional<turnout_floor>& floor, const tally& votes) {
    decision_outcome out;
    out.how = how;
    std::vector<std::string> passed_figures, failed_figures;
    for (const threshold_test& test : tests) {
        result<class_count> count = votes.within(test.classes);
        if (!count) return unexpected(count.error());
        std::uint64_t base = 0;
        switch (test.base) {
            case vote_base::votes_cast:
            case vote_base::present_and_voting: base = count->cast(); break;
            case vote_base::members_present:
                if (votes.all.present == 0)
                    return unexpected(errc::invalid_value,
                                      "a test of members present needs a meeting: no one is recorded present");
                base = count->present;
                break;
            case vote_base::eligible_members:
            case vote_base::eligible_voting_rights: base = count->eligible; break;
        }
        test_outcome t{test, count->in_favour, base, test.passes(integer(count->in_favour), integer(base)),
                       test_figures(test, count->in_favour, base)};
        (t.passed ? passed_figures : failed_figures).push_back(t.figures);
        out.tests.push_back(std::move(t));
    }
    bool tests_pass = how == combine::all ? failed_figures.empty() : !passed_figures.empty();
    if (floor) {
        result<class_count> count = votes.within(floor->classes);
        if (!count) return unexpected(count.error());
        turnout_outcome t{*floor, count->turned_out(), count->eligible,
                          floor->passes(integer(count->turned_out()), integer(count->eligible)),
                          turnout_figures(*floor, count->turned_out(), count->eligible)};
        out.turnout = std::move(t);
    }
    out.carried = tests_pass && (!out.turnout || out.turnout->passed);
    if (out.carried) {
        std::vector<std::string> parts = how == combine::all ? passed_figures : std::vector{passed_figures.front()};
        if (out.turnout) parts.push_back(out.turnout->figures);
        out.figures = joined(parts);
    } else if (!tests_pass) {
        out.figures = how == combine::all ? failed_figures.front() : joined(failed_figures);
    } else {
        out.figures = out.turnout->figures;
    }
    out.sentence = std::string(out.carried ? "Carried: " : "Not carried: ") + out.figures + ".";
    return out;
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
