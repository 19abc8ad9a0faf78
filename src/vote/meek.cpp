#include <tmo/vote/meek.hpp>

#include "names.hpp"
#include "tie_breaker.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

__extension__ using int128 = __int128;
__extension__ using uint128 = unsigned __int128;

integer big(std::int64_t v) { return integer(v); }

integer big(int128 v) {
    const bool negative = v < 0;
    const uint128 u = negative ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
    integer out = integer(static_cast<std::uint64_t>(u >> 64));
    out <<= 64;
    out += integer(static_cast<std::uint64_t>(u));
    return negative ? integer(-out) : out;
}

// Non-negative values only (keep values).
template <class T>
T small(const integer& v) {
    if constexpr (std::is_same_v<T, std::int64_t>) {
        return v.convert_to<std::int64_t>();
    } else {
        const integer mask = (integer(1) << 64) - 1;
        const auto high = static_cast<std::uint64_t>(integer(v >> 64).convert_to<std::uint64_t>());
        const auto low = static_cast<std::uint64_t>(integer(v & mask).convert_to<std::uint64_t>());
        return static_cast<T>((static_cast<uint128>(high) << 64) | low);
    }
}

integer divide(const integer& n, const integer& d, bool up) {
    integer q = n / d;
    if (up && q * d != n) ++q;
    return q;
}

// Fixed point: a value is a whole number of 1/one. Used for fixed-N (int64, one = 10^N, rounding up, quota plus one
// unit, elected at the quota) and guarded-N (int128, one = 10^2N, truncation, values closer than `tolerance` equal,
// elected above the quota).
template <class T>
struct grid_arith {
    using value = T;
    T one = 1;
    T tolerance = 0;
    bool round_up = true;
    bool at_quota = true;  // quota truncated plus one unit, elected at it (fixed); else no addition, elected above

    [[nodiscard]] value zero() const { return 0; }
    [[nodiscard]] value unit() const { return one; }
    [[nodiscard]] value times(value v, std::uint64_t n) const { return v * static_cast<T>(n); }
    // w x kf, both at most one (10^18 at most, so the product fits).
    [[nodiscard]] value keep(value w, value kf) const {
        if (kf == one) return w;
        const T product = w * kf;
        T q = product / one;
        if (round_up && q * one != product) ++q;
        return q;
    }
    [[nodiscard]] value share(value w, std::uint32_t k) const { return w / static_cast<T>(k); }
    [[nodiscard]] value quota(value total, std::uint32_t parts) const {
        return total / static_cast<T>(parts) + (at_quota ? 1 : 0);
    }
    [[nodiscard]] int compare(value a, value b) const {
        const T d = a - b;
        if (d == 0 || (d < tolerance && -d < tolerance)) return 0;
        return d < 0 ? -1 : 1;
    }
    [[nodiscard]] bool reaches(value v, value q) const { return at_quota ? compare(v, q) >= 0 : compare(v, q) > 0; }
    // kf x q / v, each step rounded as the arithmetic rounds, never above 1.
    [[nodiscard]] value next_keep(value kf, value q, value v) const {
        if (v <= 0) return kf;
        const integer scale = big(one);
        const integer t = divide(divide(big(kf) * big(q), scale, round_up) * scale, big(v), round_up);
        return t >= scale ? one : small<T>(t);
    }
    [[nodiscard]] rational exact(value v) const { return rational(big(v), big(one)); }
    [[nodiscard]] value on_grid(const rational& r) const {
        return std::max<T>(1, small<T>((r * rational(big(one))).ceil()));
    }
};

// Exact rational arithmetic.
struct exact_arith {
    using value = rational;

    [[nodiscard]] value zero() const { return rational(); }
    [[nodiscard]] value unit() const { return rational(1); }
    [[nodiscard]] value times(const value& v, std::uint64_t n) const { return v * rational(n); }
    [[nodiscard]] value keep(const value& w, const value& kf) const { return kf == unit() ? w : w * kf; }
    [[nodiscard]] value share(const value& w, std::uint32_t k) const { return w / rational(k); }
    [[nodiscard]] value quota(const value& total, std::uint32_t parts) const { return total / rational(parts); }
    [[nodiscard]] int compare(const value& a, const value& b) const { return a < b ? -1 : a > b ? 1 : 0; }
    [[nodiscard]] bool reaches(const value& v, const value& q) const { return v > q; }
    [[nodiscard]] value next_keep(const value& kf, const value& q, const value& v) const {
        if (v.sign() <= 0) return kf;
        return std::min(kf * q / v, unit());
    }
    [[nodiscard]] rational exact(const value& v) const { return v; }
    [[nodiscard]] value on_grid(const rational& r) const { return r; }
};

// Hash of a reduced ballot (the candidates it can still reach, in order).
struct sequence_hash {
    std::size_t operator()(const std::vector<std::uint32_t>& s) const noexcept {
        std::uint64_t h = 1469598103934665603ull;
        for (std::uint32_t x : s) h = (h ^ x) * 1099511628211ull;
        return static_cast<std::size_t>(h);
    }
};

template <class Arith>
class meek_count {
    using value = typename Arith::value;

    // Why an iteration stopped.
    enum class ending { elected, omega, stable, batch, single };

public:
    meek_count(const profile& p, const meek_options& o, Arith a, unsigned decimals)
        : p_(p), o_(o), a_(std::move(a)), decimals_(decimals),
          ties_(o.ties, p.tie_order(), detail::candidate_names(p), decimals) {}

    result<count_result> run() {
        const std::uint32_t c_count = p_.candidate_count();
        auto seats = detail::start_count(res_, state_, p_, o_.name, to_string(o_), decimals_, o_.seats);
        if (!seats) return unexpected(seats.error());
        seats_ = *seats;
        keep_.assign(c_count, a_.unit());
        for (std::uint32_t c = 0; c < c_count; ++c)
            if (state_[c] == candidate_state::withdrawn) keep_[c] = a_.zero();
        std::uint64_t valid = 0;
        for (std::uint32_t i = 0; i < p_.ballots().size(); ++i) {
            const ballot& b = p_.ballots()[i];
            bool any = false;
            for (const mark& m : b.marks) {
                if (m.candidate == overvote_mark)
                    return unexpected(errc::invalid_value, "a ballot has an overvote that names no candidates, "
                                                           "which " + o_.name + " cannot share out");
                if (m.candidate != no_candidate && state_[m.candidate] != candidate_state::withdrawn) any = true;
            }
            if (any) {
                valid_.push_back(i);
                valid += b.count;
            } else {
                res_.invalid_papers += b.count;
            }
        }
        if constexpr (std::is_same_v<value, std::int64_t>) {
            if (valid > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() / 4 / a_.one))
                return unexpected(errc::overflow, "too many papers for fixed-point arithmetic at " +
                                                      std::to_string(o_.decimals) + " decimals");
        }
        res_.valid_vote = rational(valid);
        omega_ = a_.on_grid(o_.omega_or_default());
        seen_.assign(c_count, 0);

        // Stage 1: first preferences, every keep value 1.
        stage first;
        first.number = 1;
        first.action = stage_action::first_preferences;
        reduce();
        distribute();
        first.iterations = 1;
        first.explanation = "First preferences were counted: " + std::to_string(valid) + " valid papers; " +
                            quota_sentence() + ".";
        votes_before_.assign(c_count, a_.zero());
        if (auto r = finish_stage(std::move(first), ending::single); !r) return unexpected(r.error());

        while (!done_) {
            votes_before_ = votes_;
            stage s;
            s.number = res_.stages.size() + 1;
            ending end = ending::single;
            if (exclude_remaining_) {
                exclude_remaining_ = false;
                for (candidate_id c = 0; c < c_count; ++c)
                    if (state_[c] == candidate_state::continuing) {
                        s.excluded.push_back(c);
                        state_[c] = candidate_state::excluded;
                        keep_[c] = a_.zero();
                    }
                s.action = stage_action::exclusion;
                s.subject = s.excluded.front();
                // The count is over: the distribution shows where the papers end, and the quota stays as it was.
                const value quota = quota_;
                reduce();
                distribute();
                quota_ = quota;
                s.iterations = 1;
                s.explanation = "The seats are filled: " + detail::join_names(res_.candidates, s.excluded) +
                                (s.excluded.size() == 1 ? " was" : " were") +
                                " excluded and the papers were distributed once more under the final keep values; "
                                "the quota stays " + text(quota_) + ".";
            } else if (!settled_) {
                s.action = stage_action::surplus;
                std::vector<candidate_id> holders;
                for (candidate_id c = 0; c < c_count; ++c)
                    if (state_[c] == candidate_state::elected) holders.push_back(c);
                reduce();
                end = iterate(s, false);
                const bool one = holders.size() == 1;
                s.explanation = (one ? "The surplus of " : "The surpluses of ") +
                                detail::join_names(res_.candidates, holders) +
                                (one ? " was transferred by lowering the keep value (" :
                                       " were transferred by lowering their keep values (") +
                                keep_values(holders) + ") over " + iterations_text(s.iterations) + ", until " +
                                ending_text(end) + "; " + quota_sentence() + ".";
            } else {
                std::vector<candidate_id> out = std::move(sure_losers_);
                sure_losers_.clear();
                const value found_at = batch_surplus_;
                batch_surplus_ = a_.zero();
                if (out.empty()) {
                    auto lowest = pick_exclusion(s);
                    if (!lowest) return unexpected(lowest.error());
                    out = {*lowest};
                }
                const candidate_id who = out.front();
                s.action = stage_action::exclusion;
                s.subject = who;
                s.excluded = out;
                const value had = votes_[who];
                value batch_votes = a_.zero();
                for (candidate_id c : out) {
                    batch_votes += votes_[c];
                    state_[c] = candidate_state::excluded;
                    keep_[c] = a_.zero();
                }
                reduce();
                if (detail::continuing_count(state_) <= seats_ - res_.elected.size()) {
                    distribute();
                    s.iterations = 1;
                } else {
                    end = iterate(s, true);
                }
                const std::string whom =
                    out.size() > 1
                        ? detail::join_names(res_.candidates, out) + " were excluded together as sure losers: their " +
                              text(batch_votes) + " votes and the total surplus " + text(found_at) +
                              " are less than the votes of the next hopeful"
                    : found_at != a_.zero()
                        ? res_.candidates[who] + " was excluded as a sure loser: their " + text(had) +
                              " votes and the total surplus " + text(found_at) +
                              " are less than the votes of the next hopeful"
                    : res_.candidates[who] +
                          (s.ties.empty() ? " had the fewest votes (" + text(had) + ") and was excluded"
                                          : " (votes " + text(had) + ") was excluded as the tie was settled");
                s.explanation = whom + ": " + (out.size() > 1 ? "their keep values" : "their keep value") +
                                " became 0 and the papers were distributed again" +
                                (end == ending::single ? std::string()
                                                       : " over " + iterations_text(s.iterations) + ", until " +
                                                             ending_text(end)) +
                                "; " + quota_sentence() + ".";
            }
            if (auto r = finish_stage(std::move(s), end); !r) return unexpected(r.error());
        }
        if (auto r = ties_.finish(); !r) return unexpected(r.error());
        res_.summary = detail::elected_summary(res_);
        return std::move(res_);
    }

private:
    std::string text(const value& v) const { return format_value(a_.exact(v), decimals_); }

    std::string iterations_text(std::size_t n) const {
        return std::to_string(n) + (n == 1 ? " iteration" : " iterations");
    }

    std::string ending_text(ending e) const {
        switch (e) {
            case ending::elected: return "a hopeful candidate reached the quota";
            case ending::omega:
                return "the total surplus " + text(surplus_) + " was below " + text(omega_);
            case ending::stable: return "the total surplus " + text(surplus_) + " stopped falling";
            case ending::batch: return "sure losers could be excluded (total surplus " + text(surplus_) + ")";
            case ending::single: break;
        }
        return {};
    }

    std::string quota_sentence() const {
        std::string how;
        if constexpr (!std::is_same_v<Arith, exact_arith>) {
            how = ", truncated to " + std::to_string(o_.arithmetic == meek_arithmetic::fixed ? o_.decimals
                                                                                           : 2 * o_.decimals) +
                  " decimals";
            if (a_.at_quota) how += ", plus " + text(1);
        }
        return "the quota is the " + text(held_) + " votes held by candidates divided by " +
               std::to_string(seats_ + 1) + how + ": " + text(quota_);
    }

    std::string keep_values(const std::vector<candidate_id>& who) const {
        std::string out;
        for (candidate_id c : who) out += (out.empty() ? "" : ", ") + res_.candidates[c] + " " + text(keep_[c]);
        return out;
    }

    // Rebuilds the reduced ballots for the current candidate states: each valid ballot becomes the groups of
    // elected and hopeful candidates it ranks (excluded, withdrawn, blank and repeated marks dropped), cut after the
    // first group of hopefuls only, as they keep the whole weight that reaches them. Identical reductions merge.
    void reduce() {
        items_.clear();
        starts_.assign(1, 0);
        counts_.clear();
        std::unordered_map<std::vector<std::uint32_t>, std::size_t, sequence_hash> index;
        std::vector<std::uint32_t> seq;
        for (std::uint32_t i : valid_) {
            const ballot& b = p_.ballots()[i];
            const std::uint64_t stamp = ++stamp_;
            seq.clear();
            std::size_t members = 0;
            bool all_hopeful = true;
            for (const mark& m : b.marks) {
                const candidate_id c = m.candidate;
                if (c == no_candidate) continue;
                if (!m.shares_rank) {
                    if (members > 0 && all_hopeful) break;
                    members = 0;
                    all_hopeful = true;
                }
                if (seen_[c] == stamp) continue;
                seen_[c] = stamp;
                if (state_[c] != candidate_state::continuing && state_[c] != candidate_state::elected) continue;
                seq.push_back((c << 1) | (members > 0 ? 1u : 0u));
                ++members;
                if (state_[c] == candidate_state::elected) all_hopeful = false;
            }
            auto [it, added] = index.try_emplace(seq, counts_.size());
            if (added) {
                items_.insert(items_.end(), seq.begin(), seq.end());
                starts_.push_back(static_cast<std::uint32_t>(items_.size()));
                counts_.push_back(b.count);
            } else {
                counts_[it->second] += b.count;
            }
        }
    }

    // Passes weight `w` of `n` papers down the reduced ballot [it, end).
    void walk(const std::uint32_t* it, const std::uint32_t* end, value w, std::uint64_t n) {
        while (it != end) {
            if (w == a_.zero()) return;
            const std::uint32_t* group_end = it + 1;
            while (group_end != end && (*group_end & 1u)) ++group_end;
            if (group_end == it + 1) {
                const candidate_id c = *it >> 1;
                const value kept = a_.keep(w, keep_[c]);
                votes_[c] += a_.times(kept, n);
                w -= kept;
                ++it;
                continue;
            }
            // Equal ranking: equal shares, each going on from its candidate.
            const auto k = static_cast<std::uint32_t>(group_end - it);
            const value part = a_.share(w, k);
            loss_ += a_.times(w - a_.times(part, k), n);
            for (; it != group_end; ++it) {
                const candidate_id c = *it >> 1;
                const value kept = a_.keep(part, keep_[c]);
                votes_[c] += a_.times(kept, n);
                walk(group_end, end, part - kept, n);
            }
            return;
        }
        excess_ += a_.times(w, n);
    }

    // One distribution of every paper under the current keep values, and the quota it gives.
    void distribute() {
        votes_.assign(p_.candidate_count(), a_.zero());
        excess_ = a_.zero();
        loss_ = a_.zero();
        for (std::size_t i = 0; i + 1 < starts_.size(); ++i)
            walk(items_.data() + starts_[i], items_.data() + starts_[i + 1], a_.unit(), counts_[i]);
        held_ = a_.zero();
        for (const value& v : votes_) held_ += v;
        quota_ = a_.quota(held_, seats_ + 1);
    }

    value total_surplus() const {
        value s = a_.zero();
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::elected) s += votes_[c] - quota_;
        return s < a_.zero() ? a_.zero() : s;
    }

    bool anyone_reaches() const {
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::continuing && a_.reaches(votes_[c], quota_)) return true;
        return false;
    }

    // Iterates the keep values until a hopeful reaches the quota or the total surplus is below omega or stops
    // falling; `fresh` first distributes under the keep values as they are.
    ending iterate(stage& s, bool fresh) {
        if (fresh) {
            distribute();
            ++s.iterations;
            if (anyone_reaches()) return ending::elected;
        }
        std::optional<value> last;
        while (true) {
            surplus_ = total_surplus();
            if (a_.compare(surplus_, omega_) < 0) return ending::omega;
            if (last && a_.compare(surplus_, *last) >= 0) return ending::stable;
            if (o_.batch_defeat) {
                sure_losers_ = sure_losers(surplus_);
                if (!sure_losers_.empty()) {
                    batch_surplus_ = surplus_;
                    return ending::batch;
                }
            }
            last = surplus_;
            for (candidate_id c = 0; c < votes_.size(); ++c)
                if (state_[c] == candidate_state::elected) keep_[c] = a_.next_keep(keep_[c], quota_, votes_[c]);
            distribute();
            ++s.iterations;
            if (anyone_reaches()) return ending::elected;
        }
    }

    // Droop's batch defeat: the hopefuls in order of votes, grouped so that a group holds every hopeful within
    // `surplus` of its lowest member (the first group: every hopeful with at most `surplus`); the largest run of
    // lowest groups, leaving at least as many hopefuls as seats to fill and not the last group, whose votes plus
    // `surplus` are less than the votes of the lowest member of the next group. Empty if there is none.
    std::vector<candidate_id> sure_losers(const value& surplus) const {
        std::vector<candidate_id> order;
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::continuing) order.push_back(c);
        std::stable_sort(order.begin(), order.end(),
                         [&](candidate_id x, candidate_id y) { return a_.compare(votes_[x], votes_[y]) < 0; });
        const std::size_t vacancies = seats_ - res_.elected.size();
        if (order.size() <= vacancies) return {};
        std::vector<std::size_t> group_end;  // one past each group's last member in `order`
        value base = a_.zero();
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (a_.compare(base + surplus, votes_[order[i]]) >= 0) continue;
            if (i > 0) group_end.push_back(i);
            base = votes_[order[i]];
        }
        group_end.push_back(order.size());
        const std::size_t most = order.size() - vacancies;
        std::size_t batch = 0;
        value below = a_.zero();
        for (std::size_t g = 0; g + 1 < group_end.size() && group_end[g] <= most; ++g) {
            for (std::size_t i = g == 0 ? 0 : group_end[g - 1]; i < group_end[g]; ++i) below += votes_[order[i]];
            if (a_.compare(below + surplus, votes_[order[group_end[g]]]) < 0) batch = group_end[g];
        }
        std::vector<candidate_id> out(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(batch));
        std::sort(out.begin(), out.end());
        return out;
    }

    // The hopeful with the fewest votes; every hopeful within the total surplus of the lowest is tied with it.
    result<candidate_id> pick_exclusion(stage& s) {
        candidate_id low = no_candidate;
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::continuing && (low == no_candidate || votes_[c] < votes_[low])) low = c;
        const value s_total = total_surplus();
        const value reach = votes_[low] + s_total;
        std::vector<candidate_id> tied;
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::continuing && a_.compare(votes_[c], reach) <= 0) tied.push_back(c);
        if (tied.size() == 1) return low;
        std::string what;
        if (s_total != a_.zero()) {
            for (candidate_id c : tied) what += (what.empty() ? "" : ", ") + text(votes_[c]);
            what = "had the fewest votes (" + what + "), counted as tied as they are within the total surplus " +
                   text(s_total) + " of the lowest";
        }
        auto rec = ties_.settle(tie_kind::exclusion, tied, a_.exact(votes_[low]), res_.stages, s.number,
                                detail::tie_words{what, " was excluded"});
        if (!rec) return unexpected(rec.error());
        const candidate_id chosen = rec->chosen;
        s.ties.push_back(std::move(*rec));
        return chosen;
    }

    // Elects, records the stage and decides whether the count is over.
    result<void> finish_stage(stage s, ending end) {
        std::vector<candidate_id> reached;
        for (candidate_id c = 0; c < votes_.size(); ++c)
            if (state_[c] == candidate_state::continuing && a_.reaches(votes_[c], quota_)) reached.push_back(c);
        std::stable_sort(reached.begin(), reached.end(),
                         [&](candidate_id x, candidate_id y) { return votes_[x] > votes_[y]; });
        const std::size_t vacancies = seats_ - res_.elected.size();
        if (reached.size() > vacancies) {
            // Possible only when elected candidates hold less than the quota: the last seats go to the most votes.
            stage current = s;
            fill_stage(current);
            auto chosen = ties_.settle_last_seats(reached, vacancies, res_.stages, std::move(current), s.ties);
            if (!chosen) return unexpected(chosen.error());
            reached = std::move(*chosen);
        }
        for (candidate_id c : reached) {
            state_[c] = candidate_state::elected;
            res_.elected.push_back(c);
            s.elected.push_back(c);
        }
        if (!reached.empty())
            s.explanation += " " + detail::join_names(res_.candidates, reached) +
                             (reached.size() == 1 ? " reached the quota and was elected." :
                                                    " reached the quota and were elected.");
        if (res_.elected.size() == seats_) {
            exclude_remaining_ = o_.exclude_remaining && detail::continuing_count(state_) > 0;
            done_ = !exclude_remaining_;
        } else if (detail::continuing_count(state_) <= seats_ - res_.elected.size()) {
            detail::elect_remaining(state_, res_, s,
                                    [&](candidate_id x, candidate_id y) { return votes_[x] > votes_[y]; });
            done_ = true;
        }
        surplus_ = total_surplus();
        settled_ = end == ending::omega || end == ending::stable || end == ending::batch ||
                   a_.compare(surplus_, omega_) < 0;
        fill_stage(s);
        res_.stages.push_back(std::move(s));
        return {};
    }

    void fill_stage(stage& s) const {
        s.quota = a_.exact(quota_);
        s.votes.clear();
        s.transfers.clear();
        s.keep_values.clear();
        for (std::size_t c = 0; c < votes_.size(); ++c) {
            s.votes.push_back(a_.exact(votes_[c]));
            s.transfers.push_back(a_.exact(votes_[c] - votes_before_[c]));
            s.keep_values.push_back(a_.exact(keep_[c]));
        }
        s.states = state_;
        s.non_transferable_total = a_.exact(excess_);
        s.rounding_loss_total = a_.exact(loss_);
        const stage* prev = res_.stages.empty() ? nullptr : &res_.stages.back();
        s.non_transferable = prev ? s.non_transferable_total - prev->non_transferable_total : s.non_transferable_total;
        s.rounding_loss = prev ? s.rounding_loss_total - prev->rounding_loss_total : s.rounding_loss_total;
    }

    const profile& p_;
    const meek_options& o_;
    Arith a_;
    unsigned decimals_;
    detail::tie_breaker ties_;
    count_result res_;
    std::uint32_t seats_ = 0;
    std::vector<std::uint32_t> valid_;   // the profile's ballots with a standing candidate
    std::vector<std::uint64_t> seen_;    // per candidate: the stamp of the last reduced ballot that marked it
    std::uint64_t stamp_ = 0;
    std::vector<std::uint32_t> items_;   // reduced ballots: (candidate << 1) | (1 if ranked equal to the previous)
    std::vector<std::uint32_t> starts_;  // where each reduced ballot starts in items_, and one past the last
    std::vector<std::uint64_t> counts_;  // papers per reduced ballot
    std::vector<candidate_state> state_;
    std::vector<value> keep_;
    std::vector<value> votes_;
    std::vector<value> votes_before_;
    value excess_{};
    value loss_{};
    value held_{};
    value quota_{};
    value surplus_{};
    value omega_{};
    std::vector<candidate_id> sure_losers_;  // batch defeat: found by the last iteration, excluded next
    value batch_surplus_{};                  // the total surplus they were found at
    bool settled_ = true;
    bool exclude_remaining_ = false;  // the seats are filled: a last stage excludes the hopefuls left
    bool done_ = false;
};

std::int64_t power10(unsigned n) {
    std::int64_t p = 1;
    for (unsigned i = 0; i < n; ++i) p *= 10;
    return p;
}

}  // namespace

meek_options meek_options::reference() { return meek_options{}; }

rational meek_options::omega_or_default() const {
    if (omega) return *omega;
    unsigned places = 10;
    if (arithmetic == meek_arithmetic::fixed) places = 2 * decimals / 3;
    if (arithmetic == meek_arithmetic::guarded) places = decimals;
    return rational(integer(1), integer(power10(places)));
}

std::string to_string(const meek_options& o) {
    std::string arithmetic = o.arithmetic == meek_arithmetic::exact ? std::string("exact")
                             : (o.arithmetic == meek_arithmetic::fixed ? "fixed-" : "guarded-") +
                                   std::to_string(o.decimals);
    std::string out = "arithmetic=" + arithmetic + " omega=" + o.omega_or_default().to_exact_text() +
                      (o.batch_defeat ? " batch=on" : "") + (o.exclude_remaining ? " exclude-remaining=on" : "") +
                      " ties=" + detail::describe(o.ties);
    if (o.seats) out += " seats=" + std::to_string(*o.seats);
    return out;
}

result<void> parse_meek_arithmetic(std::string_view text, meek_options& options) {
    if (text == "exact") {
        options.arithmetic = meek_arithmetic::exact;
        return {};
    }
    for (auto [prefix, kind] : {std::pair{std::string_view("fixed"), meek_arithmetic::fixed},
                                std::pair{std::string_view("guarded"), meek_arithmetic::guarded}}) {
        if (!text.starts_with(prefix)) continue;
        const std::string_view rest = text.substr(prefix.size());
        if (rest.empty() || (rest.size() == 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '9')) {
            options.arithmetic = kind;
            options.decimals = rest.empty() ? 9u : static_cast<unsigned>(rest[1] - '0');
            return {};
        }
    }
    return unexpected(errc::invalid_value,
                      "expected fixed-N or guarded-N (N from 1 to 9), fixed, guarded or exact, not '" +
                          std::string(text) + "'");
}

result<count_result> count_meek(const profile& p, const meek_options& options) {
    if (auto r = p.validate(); !r) return unexpected(r.error());
    if (options.arithmetic != meek_arithmetic::exact && (options.decimals < 1 || options.decimals > 9))
        return unexpected(errc::invalid_value, "Meek decimals must be from 1 to 9");
    if (options.omega_or_default().sign() <= 0) return unexpected(errc::invalid_value, "omega must be positive");
    switch (options.arithmetic) {
        case meek_arithmetic::fixed: {
            const std::int64_t one = power10(options.decimals);
            return meek_count<grid_arith<std::int64_t>>(p, options, grid_arith<std::int64_t>{one, 0, true, true},
                                                        options.decimals)
                .run();
        }
        case meek_arithmetic::guarded: {
            // 2N decimals kept; values within half of 10^-N (10^N / 2 units) compare equal.
            const int128 root = power10(options.decimals);
            const grid_arith<int128> a{root * root, root / 2, false, false};
            return meek_count<grid_arith<int128>>(p, options, a, 2 * options.decimals).run();
        }
        case meek_arithmetic::exact: break;
    }
    return meek_count<exact_arith>(p, options, exact_arith{}, 0).run();
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
