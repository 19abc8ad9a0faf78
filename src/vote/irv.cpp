#include <tmo/vote/irv.hpp>

#include "names.hpp"
#include "tie_breaker.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

class irv_count {
public:
    irv_count(const profile& p, const irv_options& o)
        : p_(p), o_(o), ties_(o.ties, p.tie_order(), detail::candidate_names(p), 0) {}

    result<count_result> run() {
        const std::uint32_t c_count = p_.candidate_count();
        res_.rule = o_.name;
        res_.parameters = to_string(o_);
        res_.candidates = detail::candidate_names(p_);
        res_.papers = p_.papers();
        res_.seats = 1;
        state_.assign(c_count, candidate_state::continuing);
        for (candidate_id c = 0; c < c_count; ++c)
            if (p_.candidates()[c].withdrawn) state_[c] = candidate_state::withdrawn;
        if (std::none_of(state_.begin(), state_.end(),
                         [](candidate_state s) { return s == candidate_state::continuing; }))
            return unexpected(errc::invalid_value, "no candidate is standing");

        std::uint64_t valid = 0;
        for (const ballot& b : p_.ballots()) {
            const bool marked = std::any_of(b.marks.begin(), b.marks.end(), [&](const mark& m) {
                return m.candidate == overvote_mark ||
                       (m.candidate != no_candidate && state_[m.candidate] != candidate_state::withdrawn);
            });
            if (marked)
                valid += b.count;
            else
                res_.invalid_papers += b.count;
        }
        valid_ = valid;
        res_.valid_vote = rational(valid);
        votes_.assign(c_count, 0);

        stage first;
        first.action = stage_action::first_preferences;
        first.explanation = "Round 1: first choices were counted (" + std::to_string(valid) + " valid papers).";
        if (auto r = finish_stage(std::move(first)); !r) return unexpected(r.error());

        while (!done_) {
            stage s;
            s.number = res_.stages.size() + 1;
            s.action = stage_action::exclusion;
            auto out = pick_exclusions(s);
            if (!out) return unexpected(out.error());
            s.excluded = *out;
            s.subject = s.excluded.front();
            for (candidate_id c : s.excluded) state_[c] = candidate_state::excluded;
            if (auto r = finish_stage(std::move(s)); !r) return unexpected(r.error());
        }
        if (auto r = ties_.finish(); !r) return unexpected(r.error());
        summarise();
        return std::move(res_);
    }

private:
    // A winner keeps its papers while the count goes on to two candidates.
    [[nodiscard]] bool holds(candidate_id c) const {
        return state_[c] == candidate_state::continuing || state_[c] == candidate_state::elected;
    }

    // The candidate a ballot counts for under the ballot options, or no_candidate if it is exhausted.
    [[nodiscard]] candidate_id reading(const ballot& b) const {
        std::vector<candidate_id> seen;
        std::uint32_t skipped = 0;
        for (std::size_t i = 0; i < b.marks.size();) {
            std::size_t j = i + 1;
            while (j < b.marks.size() && b.marks[j].shares_rank) ++j;
            const candidate_id c = b.marks[i].candidate;
            if (j - i == 1 && c == no_candidate) {
                ++skipped;
                i = j;
                continue;
            }
            if (o_.max_skipped_ranks && skipped > *o_.max_skipped_ranks) return no_candidate;
            skipped = 0;
            if (j - i > 1 || c == overvote_mark) {
                if (o_.overvote == overvote_rule::exhaust_immediately) return no_candidate;
                if (o_.overvote == overvote_rule::exhaust_if_multiple_continuing) {
                    candidate_id only = no_candidate;
                    for (std::size_t k = i; k < j; ++k) {
                        const candidate_id m = b.marks[k].candidate;
                        if (m == overvote_mark) return no_candidate;
                        if (m == no_candidate || !holds(m) || m == only) continue;
                        if (only != no_candidate) return no_candidate;
                        only = m;
                    }
                    if (only != no_candidate) return only;
                }
                i = j;
                continue;
            }
            if (std::find(seen.begin(), seen.end(), c) != seen.end()) {
                if (o_.duplicates == duplicate_rule::exhaust) return no_candidate;
            } else if (holds(c)) {
                return c;
            }
            seen.push_back(c);
            i = j;
        }
        return no_candidate;
    }

    [[nodiscard]] std::vector<candidate_id> continuing() const {
        std::vector<candidate_id> out;
        for (candidate_id c = 0; c < state_.size(); ++c)
            if (state_[c] == candidate_state::continuing) out.push_back(c);
        return out;
    }

    result<std::vector<candidate_id>> pick_exclusions(stage& s) {
        std::vector<candidate_id> order = continuing();
        std::vector<candidate_id> write_ins;
        for (candidate_id c : order)
            if (p_.candidates()[c].write_in) write_ins.push_back(c);
        if (!write_ins.empty()) {
            s.explanation = detail::join_names(res_.candidates, write_ins) +
                            (write_ins.size() == 1 ? " stands" : " stand") +
                            " for undeclared write-ins and " + (write_ins.size() == 1 ? "was" : "were") +
                            " excluded before any other candidate; their papers moved to each paper's next "
                            "continuing choice.";
            return write_ins;
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](candidate_id x, candidate_id y) { return votes_[x] < votes_[y]; });
        if (o_.batch_elimination) {
            std::size_t batch = 0;
            std::uint64_t below = 0;
            for (std::size_t k = 1; k < order.size(); ++k) {
                below += votes_[order[k - 1]];
                if (below < votes_[order[k]]) batch = k;
            }
            if (batch >= 2) {
                std::vector<candidate_id> out(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(batch));
                std::uint64_t sum = 0;
                for (candidate_id c : out) sum += votes_[c];
                std::sort(out.begin(), out.end());
                s.explanation = detail::join_names(res_.candidates, out) + " were excluded together: their combined " +
                                std::to_string(sum) + " votes are fewer than the " +
                                std::to_string(votes_[order[batch]]) + " of " + res_.candidates[order[batch]] +
                                ", so none of them could overtake; their papers moved to each paper's next "
                                "continuing choice.";
                return out;
            }
        }
        const std::uint64_t low = votes_[order.front()];
        std::vector<candidate_id> tied;
        for (candidate_id c : order)
            if (votes_[c] == low) tied.push_back(c);
        std::sort(tied.begin(), tied.end());
        candidate_id who = tied.front();
        if (tied.size() > 1) {
            auto rec = ties_.settle(tie_kind::exclusion, tied, rational(low), res_.stages, s.number);
            if (!rec) return unexpected(rec.error());
            who = rec->chosen;
            s.ties.push_back(std::move(*rec));
        }
        s.explanation = res_.candidates[who] + " had the fewest votes (" + std::to_string(low) +
                        ") and was excluded; their papers moved to each paper's next continuing choice.";
        return std::vector<candidate_id>{who};
    }

    // Counts the round, elects a winner if there is one, records the stage and decides whether the count is over.
    result<void> finish_stage(stage s) {
        s.number = res_.stages.size() + 1;
        const std::vector<std::uint64_t> before = votes_;
        const std::uint64_t exhausted_before = exhausted_;
        std::fill(votes_.begin(), votes_.end(), std::uint64_t{0});
        std::uint64_t counted = 0;
        for (const ballot& b : p_.ballots()) {
            const candidate_id c = reading(b);
            if (c == no_candidate) continue;
            votes_[c] += b.count;
            counted += b.count;
        }
        exhausted_ = valid_ - counted;
        const std::uint64_t threshold = counted / 2 + 1;
        s.quota = rational(threshold);
        s.explanation += " The " + std::to_string(counted) + " votes on continuing ballots need " +
                         std::to_string(threshold) + " for a majority.";

        if (res_.elected.empty()) {
            const std::vector<candidate_id> left = continuing();
            candidate_id winner = no_candidate;
            for (candidate_id c : left)
                if (votes_[c] >= threshold) winner = c;
            if (winner != no_candidate) {
                s.explanation += " " + res_.candidates[winner] + " has " + std::to_string(votes_[winner]) +
                                 ", a majority, and is elected.";
            } else if (left.size() == 1) {
                winner = left.front();
                s.deemed_elected.push_back(winner);
                s.explanation += " " + res_.candidates[winner] + " is the last continuing candidate and is elected.";
            }
            if (winner != no_candidate) {
                state_[winner] = candidate_state::elected;
                res_.elected.push_back(winner);
                s.elected.push_back(winner);
            }
        }
        if (!res_.elected.empty() && (!o_.continue_until_two || continuing().size() <= 1)) done_ = true;

        s.votes.clear();
        s.transfers.clear();
        for (std::size_t c = 0; c < votes_.size(); ++c) {
            s.votes.push_back(rational(votes_[c]));
            s.transfers.push_back(rational(votes_[c]) - rational(before[c]));
        }
        s.states = state_;
        s.non_transferable = rational(exhausted_ - exhausted_before);
        s.non_transferable_total = rational(exhausted_);
        res_.stages.push_back(std::move(s));
        return {};
    }

    void summarise() {
        const candidate_id w = res_.elected.front();
        std::size_t at = 0;
        for (const stage& s : res_.stages)
            if (!s.elected.empty()) at = s.number;
        res_.summary = res_.candidates[w] + " was elected in round " + std::to_string(at) + ". The count took " +
                       std::to_string(res_.stages.size()) + (res_.stages.size() == 1 ? " round." : " rounds.");
    }

    const profile& p_;
    const irv_options& o_;
    detail::tie_breaker ties_;
    count_result res_;
    std::vector<std::uint64_t> votes_;
    std::vector<candidate_state> state_;
    std::uint64_t valid_ = 0;
    std::uint64_t exhausted_ = 0;  // valid papers counting for no one (none before round 1)
    bool done_ = false;
};

const char* overvote_name(overvote_rule r) {
    switch (r) {
        case overvote_rule::exhaust_immediately: return "exhaust-immediately";
        case overvote_rule::skip_to_next_rank: return "skip-to-next-rank";
        case overvote_rule::exhaust_if_multiple_continuing: return "exhaust-if-multiple-continuing";
    }
    return "?";
}

}  // namespace

std::string to_string(const irv_options& o) {
    std::string out = std::string("overvote=") + overvote_name(o.overvote) + " skipped-ranks=" +
                      (o.max_skipped_ranks ? std::to_string(*o.max_skipped_ranks) : std::string("unlimited")) +
                      " duplicates=" + (o.duplicates == duplicate_rule::skip ? "skip" : "exhaust") +
                      " batch=" + (o.batch_elimination ? "on" : "off") +
                      " until-two=" + (o.continue_until_two ? "on" : "off") + " ties=" + detail::describe(o.ties);
    return out;
}

result<count_result> count_irv(const profile& p, const irv_options& options) {
    if (auto r = p.validate(); !r) return unexpected(r.error());
    return irv_count(p, options).run();
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
