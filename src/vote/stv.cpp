#include <tmo/vote/stv.hpp>

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

// Fixed point: a value is a whole number of 10^-decimals.
struct fixed_arith {
    using value = std::int64_t;
    std::int64_t scale = 1;

    [[nodiscard]] value zero() const { return 0; }
    [[nodiscard]] value papers(std::uint64_t n) const { return static_cast<value>(n) * scale; }
    // v * n never exceeds the valid vote, which was checked to fit.
    [[nodiscard]] value times(value v, std::uint64_t n) const { return v * static_cast<value>(n); }
    // surplus * paper / total, truncated (all non-negative).
    [[nodiscard]] value transfer(value surplus, value paper, value total) const {
        return static_cast<value>(int128{surplus} * paper / total);
    }
    [[nodiscard]] rational exact(value v) const { return rational(integer(v), integer(scale)); }
    [[nodiscard]] value on_grid(const rational& r, bool round_up) const {
        const rational scaled = r * rational(scale);
        return static_cast<value>(round_up ? scaled.ceil() : scaled.floor());
    }
};

// Exact rational arithmetic.
struct exact_arith {
    using value = rational;

    [[nodiscard]] value zero() const { return rational(); }
    [[nodiscard]] value papers(std::uint64_t n) const { return rational(n); }
    [[nodiscard]] value times(const value& v, std::uint64_t n) const { return v * rational(n); }
    [[nodiscard]] value transfer(const value& surplus, const value& paper, const value& total) const {
        return surplus * paper / total;
    }
    [[nodiscard]] rational exact(const value& v) const { return v; }
    [[nodiscard]] value on_grid(const rational& r, bool) const { return r; }
};

template <class Arith>
class wigm_count {
    using value = typename Arith::value;

    struct paper {
        std::uint32_t ballot;  // index in the profile
        std::uint32_t pos;     // the mark of the candidate holding it
        value worth;           // the value of one such paper
    };

public:
    wigm_count(const profile& p, const stv_options& o, Arith a, unsigned decimals)
        : p_(p), o_(o), a_(std::move(a)), decimals_(decimals),
          ties_(o.ties, p.tie_order(), detail::candidate_names(p), decimals) {}

    result<count_result> run() {
        const std::uint32_t c_count = p_.candidate_count();
        auto seats = detail::start_count(res_, state_, p_, o_.name, to_string(o_), decimals_, o_.seats);
        if (!seats) return unexpected(seats.error());
        seats_ = *seats;
        for (const ballot& b : p_.ballots())
            if (b.has_equal_ranks())
                return unexpected(errc::invalid_value, "a ballot ranks candidates equally, which " + o_.name +
                                                           " does not allow");

        // Stage 1: first preferences.
        piles_.assign(c_count, {});
        votes_.assign(c_count, a_.zero());
        std::uint64_t valid = 0;
        for (std::uint32_t i = 0; i < p_.ballots().size(); ++i) {
            const ballot& b = p_.ballots()[i];
            if (auto at = next_preference(b, 0, true)) {
                piles_[b.marks[*at].candidate].push_back({i, *at, a_.papers(1)});
                valid += b.count;
            } else {
                res_.invalid_papers += b.count;
            }
        }
        if (valid > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() / 4 / scale()))
            return unexpected(errc::overflow, "too many papers for fixed-point arithmetic at " +
                                                  std::to_string(decimals_) + " decimals");
        for (std::uint32_t c = 0; c < c_count; ++c)
            for (const paper& pp : piles_[c]) votes_[c] += a_.times(pp.worth, p_.ballots()[pp.ballot].count);
        res_.valid_vote = rational(valid);
        rational q;
        switch (o_.quota) {
            case quota_rule::droop_whole: q = rational((integer(valid) / (seats_ + 1)) + 1); break;
            case quota_rule::droop_exact: q = rational(integer(valid), integer(seats_ + 1)); break;
            case quota_rule::hare: q = rational(integer(valid), integer(seats_)); break;
        }
        quota_ = a_.on_grid(q, o_.elect_at_quota);
        surplus_pending_.assign(c_count, false);

        stage first;
        first.number = 1;
        first.action = stage_action::first_preferences;
        first.explanation = "First preferences were counted: " + std::to_string(valid) +
                            " valid papers, so the quota is " + format_value(a_.exact(quota_), decimals_) + ".";
        std::vector<value> before(c_count, a_.zero());
        if (auto r = finish_stage(std::move(first), before, a_.zero(), a_.zero()); !r) return unexpected(r.error());

        while (!done_) {
            before = votes_;
            stage s;
            s.number = res_.stages.size() + 1;
            value nt = a_.zero(), loss = a_.zero();
            auto next = pick_surplus(s);
            if (!next) return unexpected(next.error());
            if (*next != no_candidate) {
                transfer_surplus(*next, s, nt, loss);
            } else {
                auto lowest = pick_exclusion(s);
                if (!lowest) return unexpected(lowest.error());
                exclude(*lowest, s, nt);
            }
            if (auto r = finish_stage(std::move(s), before, nt, loss); !r) return unexpected(r.error());
        }
        if (auto r = ties_.finish(); !r) return unexpected(r.error());
        res_.summary = detail::elected_summary(res_);
        return std::move(res_);
    }

private:
    [[nodiscard]] std::int64_t scale() const {
        if constexpr (std::is_same_v<Arith, fixed_arith>) return a_.scale;
        return 1;
    }

    // The position of the first mark at or after `from` naming a continuing candidate. At stage 1 (`first`) every
    // standing candidate counts.
    std::optional<std::uint32_t> next_preference(const ballot& b, std::uint32_t from, bool first = false) const {
        for (std::uint32_t i = from; i < b.marks.size(); ++i) {
            const candidate_id c = b.marks[i].candidate;
            if (c == no_candidate) continue;
            if (first ? state_[c] != candidate_state::withdrawn : state_[c] == candidate_state::continuing)
                return i;
        }
        return std::nullopt;
    }

    std::string text(const value& v) const { return format_value(a_.exact(v), decimals_); }

    result<candidate_id> pick_surplus(stage& s) {
        candidate_id best = no_candidate;
        std::vector<candidate_id> tied;
        for (candidate_id c = 0; c < votes_.size(); ++c) {
            if (!surplus_pending_[c]) continue;
            if (best == no_candidate || votes_[c] > votes_[best]) {
                best = c;
                tied = {c};
            } else if (votes_[c] == votes_[best]) {
                tied.push_back(c);
            }
        }
        if (tied.size() > 1) {
            auto rec = ties_.settle(tie_kind::surplus, tied, a_.exact(votes_[best] - quota_), res_.stages, s.number);
            if (!rec) return unexpected(rec.error());
            best = rec->chosen;
            s.ties.push_back(std::move(*rec));
        }
        return best;
    }

    result<candidate_id> pick_exclusion(stage& s) {
        candidate_id low = no_candidate;
        std::vector<candidate_id> tied;
        for (candidate_id c = 0; c < votes_.size(); ++c) {
            if (state_[c] != candidate_state::continuing) continue;
            if (low == no_candidate || votes_[c] < votes_[low]) {
                low = c;
                tied = {c};
            } else if (votes_[c] == votes_[low]) {
                tied.push_back(c);
            }
        }
        if (tied.size() > 1) {
            auto rec = ties_.settle(tie_kind::exclusion, tied, a_.exact(votes_[low]), res_.stages, s.number);
            if (!rec) return unexpected(rec.error());
            low = rec->chosen;
            s.ties.push_back(std::move(*rec));
        }
        return low;
    }

    // Moves `pile` on to each paper's next continuing preference; `rescale` gives each paper's new value.
    template <class Rescale>
    value move_papers(std::vector<paper>& pile, Rescale rescale) {
        value nt = a_.zero();
        for (const paper& pp : pile) {
            const ballot& b = p_.ballots()[pp.ballot];
            const value worth = rescale(pp.worth);
            const value amount = a_.times(worth, b.count);
            if (auto at = next_preference(b, pp.pos + 1)) {
                const candidate_id to = b.marks[*at].candidate;
                piles_[to].push_back({pp.ballot, *at, worth});
                votes_[to] += amount;
            } else {
                nt += amount;
            }
        }
        pile.clear();
        pile.shrink_to_fit();
        return nt;
    }

    void transfer_surplus(candidate_id from, stage& s, value& nt, value& loss) {
        const value total = votes_[from];
        const value surplus = total - quota_;
        surplus_pending_[from] = false;
        s.action = stage_action::surplus;
        s.subject = from;
        value moved_in = a_.zero();
        for (const value& v : votes_) moved_in += v;
        nt = move_papers(piles_[from], [&](const value& w) { return a_.transfer(surplus, w, total); });
        votes_[from] = quota_;
        value after = a_.zero();
        for (const value& v : votes_) after += v;
        // Whatever left the transferring candidate and arrived nowhere was lost to truncation.
        loss = moved_in - after - nt;
        s.explanation = p_.candidates()[from].name + "'s surplus of " + text(surplus) + " (votes " + text(total) +
                        " minus the quota " + text(quota_) + ") was transferred: each paper moved at " + text(surplus) +
                        "/" + text(total) + " of its value" +
                        (decimals_ > 0 ? ", truncated to " + std::to_string(decimals_) + " decimals" : std::string()) +
                        ".";
    }

    void exclude(candidate_id who, stage& s, value& nt) {
        s.action = stage_action::exclusion;
        s.subject = who;
        s.excluded = {who};
        const value had = votes_[who];
        state_[who] = candidate_state::excluded;
        nt = move_papers(piles_[who], [](const value& w) { return w; });
        votes_[who] = a_.zero();
        s.explanation = p_.candidates()[who].name + " had the fewest votes (" + text(had) +
                        ") and was excluded; their papers moved to the next continuing preference at their "
                        "current value.";
    }

    // Elects, records the stage, and decides whether the count is over.
    result<void> finish_stage(stage s, const std::vector<value>& before, const value& nt, const value& loss) {
        nt_total_ += nt;
        loss_total_ += loss;
        std::uint32_t elected_count = static_cast<std::uint32_t>(res_.elected.size());

        std::vector<candidate_id> reached;
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::continuing &&
                (o_.elect_at_quota ? votes_[c] >= quota_ : votes_[c] > quota_))
                reached.push_back(c);
        std::stable_sort(reached.begin(), reached.end(),
                         [&](candidate_id x, candidate_id y) { return votes_[x] > votes_[y]; });
        const std::uint32_t vacancies = seats_ - elected_count;
        if (reached.size() > vacancies) {
            // More candidates reached the quota than seats remain (possible with a Hare quota): the boundary may
            // need a tie-break.
            stage current = s;
            fill_stage(current, before);
            auto chosen = ties_.settle_last_seats(reached, vacancies, res_.stages, std::move(current), s.ties);
            if (!chosen) return unexpected(chosen.error());
            reached = std::move(*chosen);
        }
        for (candidate_id c : reached) {
            state_[c] = candidate_state::elected;
            surplus_pending_[c] = votes_[c] > quota_;
            res_.elected.push_back(c);
            s.elected.push_back(c);
        }
        if (!reached.empty())
            s.explanation += " " + detail::join_names(res_.candidates, reached) +
                             (reached.size() == 1 ? " reached the quota and was elected." :
                                                    " reached the quota and were elected.");
        elected_count = static_cast<std::uint32_t>(res_.elected.size());

        if (elected_count == seats_) {
            done_ = true;
        } else if (detail::continuing_count(state_) <= seats_ - elected_count) {
            detail::elect_remaining(state_, res_, s,
                                    [&](candidate_id x, candidate_id y) { return votes_[x] > votes_[y]; });
            done_ = true;
        }
        s.non_transferable = a_.exact(nt);
        s.rounding_loss = a_.exact(loss);
        fill_stage(s, before);
        res_.stages.push_back(std::move(s));
        return {};
    }

    void fill_stage(stage& s, const std::vector<value>& before) const {
        s.quota = a_.exact(quota_);
        s.votes.clear();
        s.transfers.clear();
        for (std::size_t c = 0; c < votes_.size(); ++c) {
            s.votes.push_back(a_.exact(votes_[c]));
            s.transfers.push_back(a_.exact(votes_[c] - before[c]));
        }
        s.states = state_;
        s.non_transferable_total = a_.exact(nt_total_);
        s.rounding_loss_total = a_.exact(loss_total_);
    }

    const profile& p_;
    const stv_options& o_;
    Arith a_;
    unsigned decimals_;
    detail::tie_breaker ties_;
    count_result res_;
    std::uint32_t seats_ = 0;
    std::vector<std::vector<paper>> piles_;
    std::vector<value> votes_;
    std::vector<candidate_state> state_;
    std::vector<bool> surplus_pending_;
    value quota_{};
    value nt_total_{};
    value loss_total_{};
    bool done_ = false;
};

const char* quota_name(quota_rule q) {
    switch (q) {
        case quota_rule::droop_whole: return "droop-whole";
        case quota_rule::droop_exact: return "droop-exact";
        case quota_rule::hare: return "hare";
    }
    return "?";
}

}  // namespace

stv_options stv_options::scottish() { return stv_options{}; }

stv_options stv_options::wigm_exact() {
    stv_options o;
    o.name = "wigm";
    o.quota = quota_rule::droop_exact;
    o.elect_at_quota = false;
    o.decimals = std::nullopt;
    return o;
}

std::string to_string(const stv_options& o) {
    std::string out = std::string("quota=") + quota_name(o.quota) + (o.elect_at_quota ? " elect>=quota" : " elect>quota") +
                      " arithmetic=" + (o.decimals ? "fixed-" + std::to_string(*o.decimals) : std::string("exact")) +
                      " ties=" + detail::describe(o.ties);
    if (o.seats) out += " seats=" + std::to_string(*o.seats);
    return out;
}

result<count_result> count_stv(const profile& p, const stv_options& options) {
    if (auto r = p.validate(); !r) return unexpected(r.error());
    if (options.decimals) {
        if (*options.decimals > 9) return unexpected(errc::invalid_value, "at most 9 decimals are supported");
        std::int64_t scale = 1;
        for (unsigned i = 0; i < *options.decimals; ++i) scale *= 10;
        return wigm_count<fixed_arith>(p, options, fixed_arith{scale}, *options.decimals).run();
    }
    return wigm_count<exact_arith>(p, options, exact_arith{}, 0).run();
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
