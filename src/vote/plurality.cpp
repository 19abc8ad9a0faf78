#include <tmo/vote/plurality.hpp>

#include "seats.hpp"

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

block_options block_options::approval() {
    block_options o;
    o.name = "approval";
    o.max_marks = no_mark_limit;
    return o;
}

std::string to_string(const block_options& o) {
    return "seats=" + (o.seats ? std::to_string(*o.seats) : std::string("file")) + " max-marks=" +
           (!o.max_marks ? std::string("seats")
            : *o.max_marks == no_mark_limit ? std::string("any")
                                            : std::to_string(*o.max_marks)) +
           " ties=" + detail::describe(o.ties);
}

result<count_result> count_block(const profile& p, const block_options& o) {
    auto started = detail::start_single_stage(p, o.name, to_string(o), o.seats);
    if (!started) return unexpected(started.error());
    detail::single_stage& c = *started;
    const std::uint32_t allowed = o.max_marks.value_or(c.seats);
    if (allowed == 0) return unexpected(errc::invalid_value, "a paper must be allowed at least one mark");

    std::vector<std::uint64_t> votes(p.candidate_count(), 0);
    std::uint64_t spoilt = 0, blank = 0;
    std::vector<candidate_id> marked;
    for (const ballot& b : p.ballots()) {
        marked.clear();
        bool overvoted = false;
        for (const mark& m : b.marks) {
            if (m.candidate == overvote_mark) overvoted = true;
            if (m.candidate == no_candidate || m.candidate == overvote_mark ||
                c.s.states[m.candidate] == candidate_state::withdrawn ||
                std::find(marked.begin(), marked.end(), m.candidate) != marked.end())
                continue;
            marked.push_back(m.candidate);
        }
        if (overvoted || marked.size() > allowed) {
            spoilt += b.count;
        } else if (marked.empty()) {
            blank += b.count;
        } else {
            for (candidate_id x : marked) votes[x] += b.count;
        }
    }
    count_result& res = c.res;
    stage& s = c.s;
    res.invalid_papers = spoilt + blank;
    for (std::uint64_t v : votes) {
        s.votes.push_back(rational(v));
        s.transfers.push_back(rational(v));
        res.valid_vote += s.votes.back();  // exact: papers x marks may exceed 64 bits
    }
    s.explanation = std::to_string(p.papers() - res.invalid_papers) + " valid papers cast " +
                    res.valid_vote.to_exact_text() + (res.valid_vote == rational(1) ? " vote" : " votes") +
                    (allowed == no_mark_limit ? std::string("; ")
                                              : " (at most " + std::to_string(allowed) + " per paper); ") +
                    std::to_string(spoilt) +
                    (allowed == no_mark_limit ? " spoilt (an overvote)" : " spoilt (more marks than allowed)") +
                    " and " + std::to_string(blank) + " blank papers were set aside.";

    detail::tie_breaker ties(o.ties, p.tie_order(), res.candidates, 0);
    const detail::value_tiers tiers = detail::tiers_by_value(c.standing, s.votes);
    auto elected = detail::fill_seats(tiers.tiers, c.seats, ties, tiers.values, s);
    if (!elected) return unexpected(elected.error());
    const std::string who = detail::join_names(res.candidates, *elected);
    const bool one = elected->size() == 1;
    s.explanation += " " + who + (one ? " has" : " have") + " the most votes and " + (one ? "is" : "are") + " elected.";
    res.summary = who + (one ? " was" : " were") + " elected by " + o.name + " with the most votes.";
    return detail::finish_single_stage(c, *elected, ties);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
