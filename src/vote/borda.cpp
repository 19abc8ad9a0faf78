#include <tmo/vote/borda.hpp>

#include "ranking.hpp"
#include "seats.hpp"

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

const char* variant_name(borda_variant v) {
    switch (v) {
        case borda_variant::classic: return "classic";
        case borda_variant::modified: return "modified";
        case borda_variant::dowdall: return "dowdall";
    }
    return "?";
}

}  // namespace

std::string to_string(const borda_options& o) {
    return "seats=" + (o.seats ? std::to_string(*o.seats) : std::string("file")) + " variant=" +
           variant_name(o.variant) + " unranked=" + (o.unranked == borda_unranked::zero ? "zero" : "share") +
           " ties=" + detail::describe(o.ties);
}

result<count_result> count_borda(const profile& p, const borda_options& o) {
    if (o.unranked == borda_unranked::share && o.variant != borda_variant::classic)
        return unexpected(errc::invalid_value, std::string("unranked candidates can share points only under the "
                                                           "classic variant, not ") + variant_name(o.variant));
    auto started = detail::start_single_stage(p, o.name, to_string(o), o.seats);
    if (!started) return unexpected(started.error());
    detail::single_stage& c = *started;
    const std::uint32_t n = p.candidate_count();
    const std::size_t standing_count = c.standing.size();
    std::vector<bool> standing(n, false), seen(n, false);
    for (candidate_id x : c.standing) standing[x] = true;

    std::vector<rational> score(n);
    std::uint64_t invalid = 0;
    for (const ballot& b : p.ballots()) {
        auto groups = detail::read_ranking(b, standing, seen);
        if (groups.empty()) {
            invalid += b.count;
            continue;
        }
        std::size_t ranked = 0;
        for (const auto& g : groups) ranked += g.size();
        if (o.unranked == borda_unranked::share && ranked < standing_count) {
            std::vector<candidate_id> rest;
            for (candidate_id x : c.standing)
                if (std::none_of(groups.begin(), groups.end(), [&](const auto& g) {
                        return std::find(g.begin(), g.end(), x) != g.end();
                    }))
                    rest.push_back(x);
            groups.push_back(std::move(rest));
        }
        auto points = [&](std::size_t i) -> rational {
            switch (o.variant) {
                case borda_variant::classic: return rational(standing_count - 1 - i);
                case borda_variant::modified: return rational(ranked - i);
                case borda_variant::dowdall: return rational(integer(1), integer(i + 1));
            }
            return rational();
        };
        std::size_t position = 0;
        for (const auto& g : groups) {
            rational sum;
            for (std::size_t k = 0; k < g.size(); ++k) sum += points(position + k);
            const rational each = sum * rational(b.count) / rational(g.size());
            for (candidate_id x : g) score[x] += each;
            position += g.size();
        }
    }
    count_result& res = c.res;
    stage& s = c.s;
    res.invalid_papers = invalid;
    for (const rational& v : score) res.valid_vote += v;
    s.votes = score;
    s.transfers = score;
    const std::string points_rule =
        o.variant == borda_variant::classic    ? "classic Borda: " + std::to_string(standing_count - 1) +
                                                     " points for a first preference, one fewer for each place below"
        : o.variant == borda_variant::modified ? "modified Borda: as many points for a first preference as the "
                                                 "paper ranks candidates, one fewer for each place below"
                                               : "Dowdall: 1 point for a first preference, 1/2 for a second, 1/3 "
                                                 "for a third and so on";
    s.explanation = std::to_string(p.papers() - invalid) + " valid papers awarded " + format_value(res.valid_vote, 0) +
                    " points (" + points_rule + "; candidates ranked equal share the points of their places" +
                    (o.unranked == borda_unranked::share ? ", and so do candidates left unranked" : "") + "); " +
                    std::to_string(invalid) + " papers ranking no standing candidate were set aside.";

    detail::tie_breaker ties(o.ties, p.tie_order(), res.candidates, 0);
    const detail::value_tiers tiers = detail::tiers_by_value(c.standing, score);
    auto elected = detail::fill_seats(tiers.tiers, c.seats, ties, tiers.values, s);
    if (!elected) return unexpected(elected.error());
    const std::string who = detail::join_names(res.candidates, *elected);
    const bool one = elected->size() == 1;
    s.explanation += " " + who + (one ? " has" : " have") + " the highest " + (one ? "score and is" : "scores and are") +
                     " elected.";
    res.summary = who + (one ? " was" : " were") + " elected by the Borda count (" + variant_name(o.variant) + ").";
    return detail::finish_single_stage(c, *elected, ties);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
