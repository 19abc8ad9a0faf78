#include <tmo/vote/irv.hpp>

#include "names.hpp"
#include "tie_breaker.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

__extension__ using int128 = __int128;

// Votes are whole numbers of 10^-decimals (decimals 0 for one winner); each ballot line carries the value of one of
// its papers.
class irv_count {
public:
    irv_count(const profile& p, const irv_options& o)
        : p_(p), o_(o), multi_(o.multi_winner.has_value()),
          ties_(o.ties, p.tie_order(), detail::candidate_names(p), multi_ ? o.multi_winner->decimals : 0) {}

    result<count_result> run() {
        const std::uint32_t c_count = p_.candidate_count();
        res_.rule = o_.name;
        res_.parameters = to_string(o_);
        res_.candidates = detail::candidate_names(p_);
        res_.papers = p_.papers();
        res_.seats = 1;
        state_.assign(c_count, candidate_state::continuing);
        std::uint32_t standing = 0;
        for (candidate_id c = 0; c < c_count; ++c) {
            if (p_.candidates()[c].withdrawn)
                state_[c] = candidate_state::withdrawn;
            else
                ++standing;
        }
        if (standing == 0) return unexpected(errc::invalid_value, "no candidate is standing");
        if (multi_) {
            const irv_multi_winner& m = *o_.multi_winner;
            if (m.seats == 0 || m.seats > standing)
                return unexpected(errc::invalid_value, "cannot fill " + std::to_string(m.seats) + " seat(s) from " +
                                                           std::to_string(standing) + " standing candidate(s)");
            if (m.decimals > 9) return unexpected(errc::invalid_value, "at most 9 decimals are supported");
            if (o_.continue_until_two)
                return unexpected(errc::invalid_value,
                                  "continuing until two candidates remain applies to one winner only");
            res_.seats = m.seats;
            res_.decimals = m.decimals;
            for (unsigned i = 0; i < m.decimals; ++i) scale_ *= 10;
        }

        std::uint64_t valid = 0;
        valid_ballot_.assign(p_.ballots().size(), false);
        for (std::size_t i = 0; i < p_.ballots().size(); ++i) {
            const ballot& b = p_.ballots()[i];
            const bool marked = std::any_of(b.marks.begin(), b.marks.end(), [&](const mark& m) {
                return m.candidate == overvote_mark ||
                       (m.candidate != no_candidate && state_[m.candidate] != candidate_state::withdrawn);
            });
            valid_ballot_[i] = marked;
            if (marked)
                valid += b.count;
            else
                res_.invalid_papers += b.count;
        }
        if (valid > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() / 4 / scale_))
            return unexpected(errc::overflow, "too many papers for fixed-point arithmetic at " +
                                                  std::to_string(res_.decimals) + " decimals");
        res_.valid_vote = rational(valid);
        votes_.assign(c_count, 0);
        deemed_.assign(c_count, false);
        worth_.assign(p_.ballots().size(), scale_);

        stage first;
        first.action = stage_action::first_preferences;
        first.explanation = "Round 1: first choices were counted (" + std::to_string(valid) + " valid papers).";
        if (auto r = finish_stage(std::move(first)); !r) return unexpected(r.error());

        while (!done_) {
            stage s;
            s.number = res_.stages.size() + 1;
            if (!just_elected_.empty()) {
                transfer_surpluses(s);
            } else {
                s.action = stage_action::exclusion;
                auto out = pick_exclusions(s);
                if (!out) return unexpected(out.error());
                s.excluded = *out;
                s.subject = s.excluded.front();
                for (candidate_id c : s.excluded) state_[c] = candidate_state::excluded;
            }
            if (auto r = finish_stage(std::move(s)); !r) return unexpected(r.error());
        }
        if (auto r = ties_.finish(); !r) return unexpected(r.error());
        if (multi_)
            res_.summary = detail::elected_summary(res_);
        else
            summarise();
        return std::move(res_);
    }

private:
    // A winner keeps its papers while a one-winner count goes on to two candidates; with several winners an elected
    // candidate is passed over.
    [[nodiscard]] bool holds(candidate_id c) const {
        return state_[c] == candidate_state::continuing || (!multi_ && state_[c] == candidate_state::elected);
    }

    [[nodiscard]] std::string text(std::int64_t v) const {
        return format_value(rational(integer(v), integer(scale_)), res_.decimals);
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
            std::int64_t below = 0;
            for (std::size_t k = 1; k < order.size(); ++k) {
                below += votes_[order[k - 1]];
                if (below < votes_[order[k]]) batch = k;
            }
            if (batch >= 2) {
                std::vector<candidate_id> out(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(batch));
                std::int64_t sum = 0;
                for (candidate_id c : out) sum += votes_[c];
                std::sort(out.begin(), out.end());
                s.explanation = detail::join_names(res_.candidates, out) + " were excluded together: their combined " +
                                text(sum) + " votes are fewer than the " + text(votes_[order[batch]]) + " of " +
                                res_.candidates[order[batch]] +
                                ", so none of them could overtake; their papers moved to each paper's next "
                                "continuing choice.";
                return out;
            }
        }
        const std::int64_t low = votes_[order.front()];
        std::vector<candidate_id> tied;
        for (candidate_id c : order)
            if (votes_[c] == low) tied.push_back(c);
        std::sort(tied.begin(), tied.end());
        candidate_id who = tied.front();
        if (tied.size() > 1) {
            auto rec = ties_.settle(tie_kind::exclusion, tied, rational(integer(low), integer(scale_)), res_.stages,
                                    s.number);
            if (!rec) return unexpected(rec.error());
            who = rec->chosen;
            s.ties.push_back(std::move(*rec));
        }
        s.explanation = res_.candidates[who] + " had the fewest votes (" + text(low) +
                        ") and was excluded; their papers moved to each paper's next " +
                        (multi_ ? "continuing choice at their current value." : "continuing choice.");
        return std::vector<candidate_id>{who};
    }

    // Several winners: the ballots counting for the candidates elected in the last round take their new values;
    // the elected candidates keep the threshold from now on.
    void transfer_surpluses(stage& s) {
        s.action = stage_action::surplus;
        s.subject = just_elected_.front();
        std::vector<std::int64_t> fraction(state_.size(), 0), moved(state_.size(), 0);
        for (candidate_id w : just_elected_)
            fraction[w] = static_cast<std::int64_t>(int128{held_[w] - threshold_} * scale_ / held_[w]);
        for (std::size_t i = 0; i < p_.ballots().size(); ++i) {
            const candidate_id w = holder_[i];
            if (w == no_candidate) continue;
            if (std::find(just_elected_.begin(), just_elected_.end(), w) == just_elected_.end()) continue;
            worth_[i] = static_cast<std::int64_t>(int128{worth_[i]} * fraction[w] / scale_);
            moved[w] += worth_[i] * static_cast<std::int64_t>(p_.ballots()[i].count);
        }
        std::int64_t loss = 0;
        for (candidate_id w : just_elected_) {
            const std::int64_t surplus = held_[w] - threshold_;
            loss += surplus - moved[w];
            s.explanation += (s.explanation.empty() ? "" : " ") + res_.candidates[w] + "'s surplus of " +
                             text(surplus) + " (votes " + text(held_[w]) + " minus the threshold " +
                             text(threshold_) + ") was transferred: each ballot moved at its value times " +
                             text(surplus) + "/" + text(held_[w]) + " truncated to " + text(fraction[w]) +
                             ", truncated to " + std::to_string(res_.decimals) + " decimals.";
        }
        loss_ = loss;
        just_elected_.clear();
    }

    // Counts the round, elects, records the stage and decides whether the count is over.
    result<void> finish_stage(stage s) {
        s.number = res_.stages.size() + 1;
        const std::vector<std::int64_t> before = votes_;
        const std::int64_t exhausted_before = exhausted_;
        std::fill(votes_.begin(), votes_.end(), std::int64_t{0});
        std::int64_t counted = 0;
        exhausted_ = 0;
        holder_.assign(p_.ballots().size(), no_candidate);
        for (std::size_t i = 0; i < p_.ballots().size(); ++i) {
            const ballot& b = p_.ballots()[i];
            const std::int64_t amount = worth_[i] * static_cast<std::int64_t>(b.count);
            const candidate_id c = pinned_.empty() || pinned_[i] == no_candidate ? reading(b) : pinned_[i];
            holder_[i] = c;
            if (c == no_candidate) {
                if (valid_ballot_[i]) exhausted_ += amount;
                continue;
            }
            votes_[c] += amount;
            counted += amount;
        }
        if (multi_) {
            if (auto r = elect_several(s, counted); !r) return unexpected(r.error());
        } else {
            elect_one(s, counted);
        }

        s.votes.clear();
        s.transfers.clear();
        const rational unit(integer(1), integer(scale_));
        for (std::size_t c = 0; c < votes_.size(); ++c) {
            s.votes.push_back(rational(votes_[c]) * unit);
            s.transfers.push_back(rational(votes_[c] - before[c]) * unit);
        }
        s.states = state_;
        s.non_transferable = rational(exhausted_ - exhausted_before) * unit;
        s.non_transferable_total = rational(exhausted_) * unit;
        loss_total_ += loss_;
        s.rounding_loss = rational(loss_) * unit;
        s.rounding_loss_total = rational(loss_total_) * unit;
        loss_ = 0;
        res_.stages.push_back(std::move(s));
        return {};
    }

    void elect_one(stage& s, std::int64_t counted) {
        const std::int64_t threshold = counted / 2 + 1;
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
    }

    result<void> elect_several(stage& s, std::int64_t counted) {
        const irv_multi_winner& m = *o_.multi_winner;
        if (s.number == 1) {
            const std::int64_t whole_votes = counted / scale_;  // every ballot is worth 1 in round 1
            threshold_ = m.threshold == irv_threshold::whole
                             ? (whole_votes / (m.seats + 1) + 1) * scale_
                             : counted / (m.seats + 1) + 1;
            s.explanation += " The threshold is " + text(threshold_) + " (" + std::to_string(whole_votes) +
                             " votes, " + std::to_string(m.seats) + " seats).";
        }
        s.quota = rational(integer(threshold_), integer(scale_));
        for (candidate_id c = 0; c < state_.size(); ++c)
            if (state_[c] == candidate_state::elected && !deemed_[c]) votes_[c] = threshold_;

        const std::size_t vacancies = m.seats - res_.elected.size();
        std::vector<candidate_id> reached;
        if (vacancies > 0)
            for (candidate_id c : continuing())
                if (votes_[c] >= threshold_) reached.push_back(c);
        std::stable_sort(reached.begin(), reached.end(),
                         [&](candidate_id x, candidate_id y) { return votes_[x] > votes_[y]; });
        if (reached.size() > vacancies) {
            stage current = s;
            current.votes.clear();
            for (std::int64_t v : votes_) current.votes.push_back(rational(integer(v), integer(scale_)));
            current.states = state_;
            auto chosen = ties_.settle_last_seats(reached, vacancies, res_.stages, std::move(current), s.ties);
            if (!chosen) return unexpected(chosen.error());
            reached = std::move(*chosen);
        }
        held_ = votes_;
        for (candidate_id c : reached) {
            state_[c] = candidate_state::elected;
            res_.elected.push_back(c);
            s.elected.push_back(c);
            just_elected_.push_back(c);
        }
        if (!reached.empty())
            s.explanation += " " + detail::join_names(res_.candidates, reached) +
                             (reached.size() == 1 ? " reached the threshold and was elected."
                                                  : " reached the threshold and were elected.");
        if (res_.elected.size() < m.seats && continuing().size() <= m.seats - res_.elected.size()) {
            detail::elect_remaining(state_, res_, s,
                                    [&](candidate_id x, candidate_id y) { return votes_[x] > votes_[y]; });
            // Elected below the threshold, they keep the ballots they hold (if a final round follows) and take no
            // transfers.
            for (candidate_id c : s.deemed_elected) deemed_[c] = true;
            pinned_.assign(p_.ballots().size(), no_candidate);
            for (std::size_t i = 0; i < holder_.size(); ++i)
                if (holder_[i] != no_candidate && deemed_[holder_[i]]) pinned_[i] = holder_[i];
        }
        if (res_.elected.size() == m.seats) {
            // RCTab's final round transfers the surpluses of the last winners, if there are any.
            const bool surplus = std::any_of(just_elected_.begin(), just_elected_.end(),
                                             [&](candidate_id c) { return held_[c] > threshold_; });
            if (!surplus) {
                just_elected_.clear();
                done_ = true;
            }
        }
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
    bool multi_;
    detail::tie_breaker ties_;
    count_result res_;
    std::int64_t scale_ = 1;
    std::vector<std::int64_t> votes_;
    std::vector<std::int64_t> worth_;       // per ballot line: the value of one of its papers
    std::vector<bool> valid_ballot_;
    std::vector<candidate_id> holder_;      // per ballot line: whom it counted for in the last round
    std::vector<candidate_id> pinned_;      // per ballot line (when any): the deemed-elected candidate keeping it
    std::vector<bool> deemed_;              // per candidate: elected as one of the last continuing candidates
    std::vector<candidate_state> state_;
    std::int64_t exhausted_ = 0;  // valid papers counting for no one (none before round 1)
    std::int64_t threshold_ = 0;
    std::vector<std::int64_t> held_;        // the votes at the end of the last round, before the elected keep T
    std::vector<candidate_id> just_elected_;  // elected in the last round, surplus not yet transferred
    std::int64_t loss_ = 0;
    std::int64_t loss_total_ = 0;
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
                      " until-two=" + (o.continue_until_two ? "on" : "off");
    if (o.multi_winner)
        out += " winners=" + std::to_string(o.multi_winner->seats) + " threshold=" +
               (o.multi_winner->threshold == irv_threshold::whole ? "whole" : "fractional") +
               " arithmetic=fixed-" + std::to_string(o.multi_winner->decimals);
    out += " ties=" + detail::describe(o.ties);
    return out;
}

result<count_result> count_irv(const profile& p, const irv_options& options) {
    if (auto r = p.validate(); !r) return unexpected(r.error());
    return irv_count(p, options).run();
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
