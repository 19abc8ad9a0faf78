#include "detail.hpp"

#include <algorithm>
#include <numeric>

namespace tmo {
inline namespace v1 {
namespace budget {

const char* name(tie_criterion c) noexcept {
    switch (c) {
        case tie_criterion::min_cost: return "min-cost";
        case tie_criterion::max_cost: return "max-cost";
        case tie_criterion::max_votes: return "max-votes";
        case tie_criterion::file_order: return "file";
        case tie_criterion::drawn_order: return "order";
        case tie_criterion::id_natural: return "id";
        case tie_criterion::id_string: return "id-string";
    }
    return "unknown";
}

tie_breaking tie_breaking::equal_shares_net() {
    return {{tie_criterion::min_cost, tie_criterion::max_votes, tie_criterion::file_order}, {}};
}

tie_breaking tie_breaking::reference() { return {{tie_criterion::id_string}, {}}; }

result<tie_breaking> parse_tie_breaking(std::string_view list) {
    constexpr tie_criterion all[] = {tie_criterion::min_cost,    tie_criterion::max_cost,   tie_criterion::max_votes,
                                     tie_criterion::file_order,  tie_criterion::drawn_order, tie_criterion::id_natural,
                                     tie_criterion::id_string};
    tie_breaking out;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item.starts_with("order:")) item = "order";
        const auto* found = std::find_if(std::begin(all), std::end(all), [&](tie_criterion c) { return item == name(c); });
        if (found == std::end(all))
            return unexpected(errc::invalid_value,
                              "unknown tie-breaking criterion \"" + std::string(item) +
                                  "\": expected min-cost, max-cost, max-votes, file, order, id or id-string");
        out.criteria.push_back(*found);
    }
    if (out.criteria.empty()) return unexpected(errc::invalid_value, "the tie-breaking list is empty");
    return out;
}

result<std::vector<std::size_t>> parse_drawn_order(const instance& inst, std::string_view text) {
    std::vector<std::size_t> order;
    std::vector<bool> seen(inst.projects.size(), false);
    std::size_t i = 0;
    while (i < text.size()) {
        const auto separator = [](char c) { return c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
        while (i < text.size() && separator(text[i])) ++i;
        std::size_t end = i;
        while (end < text.size() && !separator(text[end])) ++end;
        if (end == i) break;
        const std::string_view id = text.substr(i, end - i);
        const auto p = inst.find_project(id);
        if (!p) return unexpected(errc::invalid_value, "the drawn order names an unknown project \"" + std::string(id) + "\"");
        if (seen[*p]) return unexpected(errc::invalid_value, "the drawn order names project " + std::string(id) + " twice");
        seen[*p] = true;
        order.push_back(*p);
        i = end;
    }
    return order;
}

std::string to_string(const tie_breaking& ties) {
    std::string out;
    for (tie_criterion c : ties.criteria) {
        if (!out.empty()) out += ", ";
        out += name(c);
    }
    return out;
}

namespace detail {

tie_ranker::tie_ranker(const instance& inst, const tie_breaking& ties, const std::vector<rational>& scores)
    : inst_(inst), ties_(ties), scores_(scores), drawn_rank_(inst.projects.size(), ties.drawn.size()),
      rank_(inst.projects.size(), 0) {
    for (std::size_t i = 0; i < ties.drawn.size(); ++i)
        if (ties.drawn[i] < drawn_rank_.size()) drawn_rank_[ties.drawn[i]] = i;
    std::vector<std::size_t> order(inst.projects.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto before = [this](std::size_t p, std::size_t q) {
        for (tie_criterion c : ties_.criteria)
            if (const int r = compare(c, p, q); r != 0) return r < 0;
        return false;
    };
    std::stable_sort(order.begin(), order.end(), before);
    for (std::size_t i = 1; i < order.size(); ++i)
        rank_[order[i]] = before(order[i - 1], order[i]) ? i : rank_[order[i - 1]];
}

int tie_ranker::compare(tie_criterion c, std::size_t p, std::size_t q) const {
    const auto cmp = [](const auto& a, const auto& b) { return a < b ? -1 : b < a ? 1 : 0; };
    const project &a = inst_.projects[p], &b = inst_.projects[q];
    switch (c) {
        case tie_criterion::min_cost: return cmp(a.cost, b.cost);
        case tie_criterion::max_cost: return cmp(b.cost, a.cost);
        case tie_criterion::max_votes: return cmp(scores_[q], scores_[p]);
        case tie_criterion::file_order: return cmp(p, q);
        case tie_criterion::drawn_order: return cmp(drawn_rank_[p], drawn_rank_[q]);
        case tie_criterion::id_natural: return natural_compare(a.id, b.id);
        case tie_criterion::id_string: return cmp(a.id, b.id);
    }
    return 0;
}

result<tie_record> tie_ranker::settle(std::vector<std::size_t> tied) const {
    std::sort(tied.begin(), tied.end());
    tie_record record;
    record.tied = tied;
    std::vector<std::size_t> left = tied;
    for (tie_criterion c : ties_.criteria) {
        std::size_t best = left.front();
        for (std::size_t p : left)
            if (compare(c, p, best) < 0) best = p;
        std::erase_if(left, [&](std::size_t p) { return compare(c, p, best) != 0; });
        if (left.size() == 1) {
            record.chosen = left.front();
            record.criterion = c;
            return record;
        }
    }
    return unexpected(errc::invalid_value,
                      "unresolved tie between projects " + id_list(inst_, left) + " (tie-breaking: " +
                          (ties_.criteria.empty() ? std::string("none") : to_string(ties_)) +
                          "); add a criterion such as 'id' or a drawn 'order'");
}

std::string id_list(const instance& inst, const std::vector<std::size_t>& projects) {
    std::string out;
    for (std::size_t i = 0; i < projects.size(); ++i) {
        if (i > 0) out += i + 1 == projects.size() ? " and " : ", ";
        out += inst.projects[projects[i]].id;
    }
    return out;
}

std::vector<rejection> default_rejections(const instance& inst, const std::vector<std::size_t>& selected,
                                          rejection_reason reason) {
    std::vector<bool> chosen(inst.projects.size(), false);
    for (std::size_t p : selected) chosen[p] = true;
    std::vector<rejection> out;
    for (std::size_t p = 0; p < inst.projects.size(); ++p)
        if (!chosen[p]) out.push_back({p, reason, inst.projects[p].cost});
    return out;
}

integer gcd(const integer& a, const integer& b) { return boost::multiprecision::gcd(a, b); }

integer lcm(const integer& a, const integer& b) {
    if (a == 0 || b == 0) return integer(0);
    return a / gcd(a, b) * b;
}

}  // namespace detail
}  // namespace budget
}  // namespace v1
}  // namespace tmo
