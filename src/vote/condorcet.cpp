#include <tmo/vote/condorcet.hpp>

#include "ranking.hpp"
#include "seats.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace vote {

condorcet_options condorcet_options::schulze() {
    condorcet_options o;
    o.name = "schulze";
    return o;
}

condorcet_options condorcet_options::ranked_pairs() {
    condorcet_options o;
    o.name = "ranked-pairs";
    return o;
}

std::string to_string(const condorcet_options& o) {
    return "seats=" + (o.seats ? std::to_string(*o.seats) : std::string("file")) + " strength=" +
           (o.strength == condorcet_strength::winning_votes ? "winning" : "margins") +
           " ties=" + detail::describe(o.ties);
}

namespace {

using matrix = std::vector<std::vector<rational>>;

// The ballots read once: the pairwise matrix, first preferences and invalid papers.
struct tally {
    matrix pairwise;
    std::vector<rational> first;
    std::uint64_t invalid = 0;
};

tally count_pairs(const profile& p) {
    const std::uint32_t n = p.candidate_count();
    std::vector<bool> standing(n), seen(n, false);
    for (candidate_id c = 0; c < n; ++c) standing[c] = !p.candidates()[c].withdrawn;
    // Whole numbers while counting; papers <= 2^63, so no sum overflows.
    std::vector<std::vector<std::uint64_t>> d(n, std::vector<std::uint64_t>(n, 0));
    std::vector<std::uint64_t> sole_first(n, 0);
    tally t;
    t.first.assign(n, rational());
    std::vector<std::size_t> rank(n);
    for (const ballot& b : p.ballots()) {
        const auto groups = detail::read_ranking(b, standing, seen);
        if (groups.empty()) {
            t.invalid += b.count;
            continue;
        }
        if (groups[0].size() == 1)
            sole_first[groups[0][0]] += b.count;
        else
            for (candidate_id c : groups[0]) t.first[c] += rational(integer(b.count), integer(groups[0].size()));
        std::fill(rank.begin(), rank.end(), groups.size());  // unranked: below every ranked candidate
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (candidate_id c : groups[g]) rank[c] = g;
        for (candidate_id x = 0; x < n; ++x) {
            if (!standing[x] || rank[x] == groups.size()) continue;
            for (candidate_id y = 0; y < n; ++y)
                if (standing[y] && rank[x] < rank[y]) d[x][y] += b.count;
        }
    }
    t.pairwise.assign(n, std::vector<rational>(n));
    for (candidate_id x = 0; x < n; ++x) {
        t.first[x] += rational(sole_first[x]);
        for (candidate_id y = 0; y < n; ++y) t.pairwise[x][y] = rational(d[x][y]);
    }
    return t;
}

// "E > A = C > B": tiers of level candidates, best first.
std::string order_text(const std::vector<std::string>& names, const std::vector<std::vector<candidate_id>>& tiers) {
    std::string out;
    for (std::size_t t = 0; t < tiers.size(); ++t) {
        if (t > 0) out += " > ";
        for (std::size_t i = 0; i < tiers[t].size(); ++i) out += (i > 0 ? " = " : "") + names[tiers[t][i]];
    }
    return out;
}

// What both rules share: the checks, the single stage with first preferences, the pairwise matrix.
struct condorcet_count : detail::single_stage {
    std::string winner_sentence;  // names the Condorcet winner, or says there is none
};

result<condorcet_count> start(const profile& p, const condorcet_options& o) {
    if (p.candidate_count() > condorcet_max_candidates)
        return unexpected(errc::too_large, std::to_string(p.candidate_count()) +
                                               " candidates: the Condorcet rules count at most " +
                                               std::to_string(condorcet_max_candidates));
    auto started = detail::start_single_stage(p, o.name, to_string(o), o.seats);
    if (!started) return unexpected(started.error());
    condorcet_count c{std::move(*started), {}};
    tally t = count_pairs(p);
    c.res.invalid_papers = t.invalid;
    c.res.valid_vote = rational(p.papers() - t.invalid);
    c.s.votes = t.first;
    c.s.transfers = t.first;
    c.res.pairwise = std::move(t.pairwise);
    const matrix& d = c.res.pairwise;
    c.s.explanation = std::to_string(p.papers() - t.invalid) + " valid papers compared the candidates two at a time (" +
                      std::to_string(t.invalid) + " papers ranking no standing candidate were set aside); the votes " +
                      "shown are first preferences, shared equally among candidates ranked first together.";
    for (candidate_id x : c.standing) {
        const bool beats_all = std::all_of(c.standing.begin(), c.standing.end(),
                                           [&](candidate_id y) { return y == x || d[x][y] > d[y][x]; });
        if (beats_all && c.standing.size() > 1)
            c.winner_sentence = c.res.candidates[x] + " is the Condorcet winner, ranked above each other candidate "
                                                      "on more papers than the reverse.";
    }
    if (c.winner_sentence.empty() && c.standing.size() > 1)
        c.winner_sentence = "No candidate is ranked above every other by a majority.";
    return c;
}

// The candidates in tiers, best first: next come those above whom no remaining candidate stands. `above(y, x)`: y
// stands above x (a relation without cycles, so every round takes at least one candidate).
template <class Above>
std::vector<std::vector<candidate_id>> tiers_from(std::vector<candidate_id> remaining, Above above) {
    std::vector<std::vector<candidate_id>> tiers;
    while (!remaining.empty()) {
        std::vector<candidate_id> top, rest;
        for (candidate_id x : remaining) {
            const bool below = std::any_of(remaining.begin(), remaining.end(), [&](candidate_id y) { return above(y, x); });
            (below ? rest : top).push_back(x);
        }
        tiers.push_back(std::move(top));
        remaining = std::move(rest);
    }
    return tiers;
}

// The strength of the link x→y under `strength` (Schulze).
rational link(const matrix& d, candidate_id x, candidate_id y, condorcet_strength strength) {
    if (strength == condorcet_strength::margins) return d[x][y] - d[y][x];
    return d[x][y] > d[y][x] ? d[x][y] : rational();
}

result<count_result> finish(condorcet_count& c, const std::vector<candidate_id>& elected, const std::string& how,
                            const detail::tie_breaker& ties) {
    const std::string who = detail::join_names(c.res.candidates, elected);
    c.s.explanation += " " + c.winner_sentence + " " + how + " " + who + (elected.size() == 1 ? " is" : " are") +
                       " elected.";
    c.res.summary = who + (elected.size() == 1 ? " was" : " were") + " elected by " + c.res.rule + ".";
    return detail::finish_single_stage(c, elected, ties);
}

}  // namespace

std::vector<std::vector<rational>> pairwise_matrix(const profile& p) { return count_pairs(p).pairwise; }

result<count_result> count_schulze(const profile& p, const condorcet_options& o) {
    auto started = start(p, o);
    if (!started) return unexpected(started.error());
    condorcet_count& c = *started;
    const matrix& d = c.res.pairwise;
    const std::size_t n = d.size();
    matrix paths(n, std::vector<rational>(n));
    for (candidate_id x : c.standing)
        for (candidate_id y : c.standing)
            if (x != y) paths[x][y] = link(d, x, y, o.strength);
    for (candidate_id k : c.standing)
        for (candidate_id x : c.standing) {
            if (x == k) continue;
            for (candidate_id y : c.standing) {
                if (y == k || y == x) continue;
                const rational via = std::min(paths[x][k], paths[k][y]);
                if (via > paths[x][y]) paths[x][y] = via;
            }
        }
    // The order: the candidates beaten by no remaining candidate come next.
    const auto tiers = tiers_from(c.standing, [&](candidate_id y, candidate_id x) { return paths[y][x] > paths[x][y]; });
    c.res.strongest_paths = std::move(paths);

    detail::tie_breaker ties(o.ties, p.tie_order(), c.res.candidates, 0);
    const std::vector<rational> level(tiers.size());
    auto elected = detail::fill_seats(tiers, c.seats, ties, level, c.s,
                                      detail::tie_words{"were level by the strongest paths (none of them beats "
                                                        "another) with fewer seats left than candidates",
                                                        " was elected"});
    if (!elected) return unexpected(elected.error());
    const std::string how = std::string("By the strongest paths (") +
                            (o.strength == condorcet_strength::winning_votes ? "winning votes" : "margins") +
                            ") the order is " + order_text(c.res.candidates, tiers) + ";";
    return finish(c, *elected, how, ties);
}

namespace {

// The locked majorities as a graph: reaches(from, to) follows locked majorities from `from`.
class locked_graph {
public:
    explicit locked_graph(std::size_t n) : out_(n) {}
    void lock(candidate_id x, candidate_id y) { out_[x].push_back(y); }
    [[nodiscard]] bool reaches(candidate_id from, candidate_id to) const {
        std::vector<bool> seen(out_.size(), false);
        std::vector<candidate_id> todo{from};
        while (!todo.empty()) {
            const candidate_id x = todo.back();
            todo.pop_back();
            if (x == to) return true;
            if (seen[x]) continue;
            seen[x] = true;
            for (candidate_id y : out_[x]) todo.push_back(y);
        }
        return false;
    }
    [[nodiscard]] bool locked_over(candidate_id x, candidate_id y) const {
        return std::find(out_[x].begin(), out_[x].end(), y) != out_[x].end();
    }

private:
    std::vector<std::vector<candidate_id>> out_;
};

}  // namespace

result<count_result> count_ranked_pairs(const profile& p, const condorcet_options& o) {
    auto started = start(p, o);
    if (!started) return unexpected(started.error());
    condorcet_count& c = *started;
    const matrix& d = c.res.pairwise;
    const bool margins = o.strength == condorcet_strength::margins;

    std::vector<majority> pairs;
    for (candidate_id x : c.standing)
        for (candidate_id y : c.standing)
            if (d[x][y] > d[y][x]) pairs.push_back(majority{x, y, d[x][y], d[y][x], false});
    auto stronger = [&](const majority& a, const majority& b) {
        if (margins) return a.votes - a.opposition > b.votes - b.opposition;
        return a.votes > b.votes || (a.votes == b.votes && a.opposition < b.opposition);
    };
    std::stable_sort(pairs.begin(), pairs.end(), stronger);

    detail::tie_breaker ties(o.ties, p.tie_order(), c.res.candidates, 0);
    std::vector<std::size_t> tbrc_position;  // the tie-breaking ranking: position of each candidate, once drawn
    auto draw_tbrc = [&](const rational& value, const std::string& because) -> result<void> {
        if (!tbrc_position.empty()) return {};
        std::vector<candidate_id> left = c.standing;
        tbrc_position.assign(d.size(), 0);
        const std::vector<stage> history{c.s};
        for (std::size_t place = 0; !left.empty(); ++place) {
            candidate_id next = left.front();
            if (left.size() > 1) {
                auto rec = ties.settle(tie_kind::election, left, value, history, 1,
                                       detail::tie_words{"were put in Tideman's tie-breaking ranking of candidates, "
                                                         "needed because " + because,
                                                         " was ranked " + std::string(place == 0 ? "first" : "next")});
                if (!rec) return unexpected(rec.error());
                next = rec->chosen;
                c.s.ties.push_back(std::move(*rec));
            }
            tbrc_position[next] = place;
            std::erase(left, next);
        }
        return {};
    };
    auto tbrc_first = [&](const majority& a, const majority& b) {
        if (a.winner != b.winner) return tbrc_position[a.winner] < tbrc_position[b.winner];
        return tbrc_position[a.loser] > tbrc_position[b.loser];
    };

    locked_graph locked(d.size());
    for (std::size_t begin = 0; begin < pairs.size();) {
        std::size_t end = begin + 1;
        while (end < pairs.size() && !stronger(pairs[begin], pairs[end])) ++end;
        // Majorities of equal strength: their order matters only if locking them all would close a cycle.
        bool order_matters = false;
        if (end - begin > 1) {
            locked_graph all = locked;
            for (std::size_t i = begin; i < end; ++i) all.lock(pairs[i].winner, pairs[i].loser);
            for (std::size_t i = begin; i < end && !order_matters; ++i)
                order_matters = all.reaches(pairs[i].loser, pairs[i].winner);
        }
        if (order_matters) {
            const rational value = margins ? pairs[begin].votes - pairs[begin].opposition : pairs[begin].votes;
            const std::string because = "majorities of equal strength (" + format_value(pairs[begin].votes, 0) +
                                        " to " + format_value(pairs[begin].opposition, 0) +
                                        ") could not all be locked";
            if (auto r = draw_tbrc(value, because); !r) return unexpected(r.error());
            std::sort(pairs.begin() + static_cast<std::ptrdiff_t>(begin), pairs.begin() + static_cast<std::ptrdiff_t>(end),
                      tbrc_first);
        }
        for (std::size_t i = begin; i < end; ++i) {
            majority& m = pairs[i];
            m.locked = !locked.reaches(m.loser, m.winner);
            if (m.locked) locked.lock(m.winner, m.loser);
        }
        begin = end;
    }

    // The order: the candidates no remaining candidate is locked over come next.
    const auto tiers = tiers_from(c.standing, [&](candidate_id y, candidate_id x) { return locked.locked_over(y, x); });
    std::vector<candidate_id> elected;
    std::string level_sentence;
    for (std::vector<candidate_id> tier : tiers) {
        if (elected.size() == c.seats) break;
        if (elected.size() + tier.size() > c.seats) {
            if (auto r = draw_tbrc(rational(), "the locked majorities left more candidates level than seats");
                !r)
                return unexpected(r.error());
            std::sort(tier.begin(), tier.end(),
                      [&](candidate_id x, candidate_id y) { return tbrc_position[x] < tbrc_position[y]; });
            tier.resize(c.seats - elected.size());
            level_sentence = " The tie-breaking ranking chose among candidates the locked majorities left level.";
        }
        elected.insert(elected.end(), tier.begin(), tier.end());
    }
    const auto locked_count = std::count_if(pairs.begin(), pairs.end(), [](const majority& m) { return m.locked; });
    const std::string how = std::to_string(locked_count) + " of " + std::to_string(pairs.size()) +
                            " majorities were locked, strongest first (" +
                            (margins ? "margins" : "winning votes") + "), giving the order " +
                            order_text(c.res.candidates, tiers) + "." + level_sentence;
    c.res.majorities = std::move(pairs);
    return finish(c, elected, how, ties);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
