#include <tmo/vote/plurality.hpp>

#include "names.hpp"
#include "tie_breaker.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace vote {

block_options block_options::plurality() {
    block_options o;
    o.name = "plurality";
    o.seats = 1;
    o.max_marks = 1;
    return o;
}

std::string to_string(const block_options& o) {
    return "seats=" + (o.seats ? std::to_string(*o.seats) : std::string("file")) +
           " max-marks=" + (o.max_marks ? std::to_string(*o.max_marks) : std::string("seats")) +
           " ties=" + detail::describe(o.ties);
}

result<count_result> count_block(const profile& p, const block_options& o) {
    if (auto r = p.validate(); !r) return unexpected(r.error());
    const std::uint32_t c_count = p.candidate_count();
    count_result res;
    res.rule = o.name;
    res.parameters = to_string(o);
    res.candidates = detail::candidate_names(p);
    res.papers = p.papers();
    stage s;
    s.number = 1;
    s.action = stage_action::first_preferences;
    s.states.assign(c_count, candidate_state::continuing);
    std::uint32_t standing = 0;
    for (candidate_id c = 0; c < c_count; ++c) {
        if (p.candidates()[c].withdrawn)
            s.states[c] = candidate_state::withdrawn;
        else
            ++standing;
    }
    const std::uint32_t seats = o.seats.value_or(p.seats());
    const std::uint32_t allowed = o.max_marks.value_or(seats);
    if (seats == 0 || seats > standing)
        return unexpected(errc::invalid_value, "cannot fill " + std::to_string(seats) + " seat(s) from " +
                                                   std::to_string(standing) + " standing candidate(s)");
    if (allowed == 0) return unexpected(errc::invalid_value, "a paper must be allowed at least one mark");
    res.seats = seats;

    std::vector<std::uint64_t> votes(c_count, 0);
    std::uint64_t spoilt = 0, blank = 0;
    std::vector<candidate_id> marked;
    for (const ballot& b : p.ballots()) {
        marked.clear();
        bool overvoted = false;
        for (const mark& m : b.marks) {
            if (m.candidate == overvote_mark) overvoted = true;
            if (m.candidate == no_candidate || m.candidate == overvote_mark ||
                s.states[m.candidate] == candidate_state::withdrawn ||
                std::find(marked.begin(), marked.end(), m.candidate) != marked.end())
                continue;
            marked.push_back(m.candidate);
        }
        if (overvoted || marked.size() > allowed) {
            spoilt += b.count;
        } else if (marked.empty()) {
            blank += b.count;
        } else {
            for (candidate_id c : marked) votes[c] += b.count;
        }
    }
    res.invalid_papers = spoilt + blank;
    for (candidate_id c = 0; c < c_count; ++c) {
        s.votes.push_back(rational(votes[c]));
        s.transfers.push_back(rational(votes[c]));
        res.valid_vote += s.votes.back();  // exact: papers x marks may exceed 64 bits
    }
    s.explanation = std::to_string(p.papers() - res.invalid_papers) + " valid papers cast " +
                    res.valid_vote.to_exact_text() + (res.valid_vote == rational(1) ? " vote" : " votes") + " (at most " + std::to_string(allowed) + " per paper); " +
                    std::to_string(spoilt) + " spoilt (more marks than allowed) and " + std::to_string(blank) +
                    " blank papers were set aside.";

    std::vector<candidate_id> order;
    for (candidate_id c = 0; c < c_count; ++c)
        if (s.states[c] != candidate_state::withdrawn) order.push_back(c);
    std::stable_sort(order.begin(), order.end(), [&](candidate_id x, candidate_id y) { return votes[x] > votes[y]; });
    const std::uint64_t cut = votes[order[seats - 1]];
    std::vector<candidate_id> elected, at_cut;
    for (candidate_id c : order) {
        if (votes[c] > cut) elected.push_back(c);
        if (votes[c] == cut) at_cut.push_back(c);
    }
    detail::tie_breaker ties(o.ties, p.tie_order(), res.candidates, 0);
    if (elected.size() + at_cut.size() > seats) {
        std::sort(at_cut.begin(), at_cut.end());
        const std::vector<stage> history{s};
        while (elected.size() < seats) {
            auto rec = ties.settle(tie_kind::election, at_cut, rational(cut), history, 1);
            if (!rec) return unexpected(rec.error());
            elected.push_back(rec->chosen);
            at_cut.erase(std::find(at_cut.begin(), at_cut.end(), rec->chosen));
            s.ties.push_back(std::move(*rec));
        }
    } else {
        elected.insert(elected.end(), at_cut.begin(), at_cut.end());
    }
    if (auto r = ties.finish(); !r) return unexpected(r.error());
    for (candidate_id c : elected) s.states[c] = candidate_state::elected;
    s.elected = elected;
    s.explanation += " " + detail::join_names(res.candidates, elected) + (elected.size() == 1 ? " has" : " have") +
                     " the most votes and " + (elected.size() == 1 ? "is" : "are") + " elected.";
    res.elected = elected;
    res.summary = detail::join_names(res.candidates, elected) + (elected.size() == 1 ? " was" : " were") +
                  " elected by " + o.name + " with the most votes.";
    res.stages.push_back(std::move(s));
    return res;
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
