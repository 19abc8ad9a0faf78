#include <tmo/budget/instance.hpp>

#include <algorithm>
#include <unordered_set>

namespace tmo {
inline namespace v1 {
namespace budget {

const char* name(vote_type type) noexcept {
    switch (type) {
        case vote_type::approval: return "approval";
        case vote_type::choose_one: return "choose-1";
        case vote_type::cumulative: return "cumulative";
        case vote_type::scoring: return "scoring";
        case vote_type::ordinal: return "ordinal";
    }
    return "unknown";
}

const char* name(utility u) noexcept {
    switch (u) {
        case utility::cost: return "cost";
        case utility::cardinality: return "cardinality";
    }
    return "unknown";
}

const std::string* instance::meta_value(std::string_view key) const {
    for (const auto& [k, v] : meta)
        if (k == key) return &v;
    return nullptr;
}

std::uint64_t instance::voter_count() const {
    std::uint64_t n = 0;
    for (const ballot& b : ballots) n += b.multiplicity;
    return n;
}

std::optional<std::size_t> instance::find_project(std::string_view id) const {
    for (std::size_t i = 0; i < projects.size(); ++i)
        if (projects[i].id == id) return i;
    return std::nullopt;
}

namespace {

std::size_t hash_ballot(const ballot& b) {
    std::size_t h = 1469598103934665603ULL;
    const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    for (std::size_t p : b.projects) mix(p);
    mix(0xffffULL);
    for (std::int64_t x : b.points) mix(static_cast<std::uint64_t>(x));
    return h;
}

// Puts a ballot into the canonical form described in instance.hpp.
void canonicalise(ballot& b, vote_type type) {
    switch (type) {
        case vote_type::approval:
        case vote_type::choose_one:
            std::sort(b.projects.begin(), b.projects.end());
            break;
        case vote_type::cumulative:
        case vote_type::scoring: {
            std::vector<std::pair<std::size_t, std::int64_t>> entries;
            for (std::size_t i = 0; i < b.projects.size(); ++i) {
                entries.emplace_back(b.projects[i], i < b.points.size() ? b.points[i] : 0);
            }
            std::sort(entries.begin(), entries.end());
            b.projects.clear();
            b.points.clear();
            for (const auto& [p, pts] : entries) {
                b.projects.push_back(p);
                b.points.push_back(pts);
            }
            break;
        }
        case vote_type::ordinal: break;
    }
}

}  // namespace

struct ballot_merger::impl {
    struct hasher {
        const std::vector<ballot>* ballots;
        std::size_t operator()(std::size_t i) const { return hash_ballot((*ballots)[i]); }
    };
    struct equal {
        const std::vector<ballot>* ballots;
        bool operator()(std::size_t a, std::size_t b) const {
            const ballot &x = (*ballots)[a], &y = (*ballots)[b];
            return x.projects == y.projects && x.points == y.points;
        }
    };
    instance& target;
    std::unordered_set<std::size_t, hasher, equal> index;

    explicit impl(instance& t) : target(t), index(16, hasher{&t.ballots}, equal{&t.ballots}) {
        for (std::size_t i = 0; i < t.ballots.size(); ++i) index.insert(i);
    }
};

ballot_merger::ballot_merger(instance& target) : impl_(std::make_unique<impl>(target)) {}
ballot_merger::~ballot_merger() = default;

void ballot_merger::add(ballot b) {
    canonicalise(b, impl_->target.type);
    auto& ballots = impl_->target.ballots;
    ballots.push_back(std::move(b));
    const auto [at, inserted] = impl_->index.insert(ballots.size() - 1);
    if (inserted) return;
    ballot& existing = ballots[*at];
    ballot& added = ballots.back();
    existing.multiplicity += added.multiplicity;
    existing.voter_ids.insert(existing.voter_ids.end(), std::make_move_iterator(added.voter_ids.begin()),
                              std::make_move_iterator(added.voter_ids.end()));
    ballots.pop_back();
}

void add_ballot(instance& inst, ballot b) {
    ballot_merger merger(inst);
    merger.add(std::move(b));
}

std::vector<rational> ballot_scores(const instance& inst) {
    std::vector<integer> totals(inst.projects.size(), integer(0));
    std::int64_t unlisted_default = inst.type == vote_type::scoring ? inst.constraints.default_score : 0;
    std::vector<std::uint64_t> listed(inst.projects.size(), 0);
    for (const ballot& b : inst.ballots) {
        for (std::size_t i = 0; i < b.projects.size(); ++i) {
            const std::int64_t pts = b.points.empty() ? 1 : b.points[i];
            totals[b.projects[i]] += integer(pts) * b.multiplicity;
            listed[b.projects[i]] += b.multiplicity;
        }
    }
    std::vector<rational> out;
    out.reserve(totals.size());
    const std::uint64_t voters = inst.voter_count();
    for (std::size_t p = 0; p < totals.size(); ++p) {
        if (unlisted_default != 0) totals[p] += integer(unlisted_default) * (voters - listed[p]);
        out.emplace_back(totals[p]);
    }
    return out;
}

std::vector<std::uint64_t> listing_counts(const instance& inst) {
    std::vector<std::uint64_t> counts(inst.projects.size(), 0);
    for (const ballot& b : inst.ballots)
        for (std::size_t p : b.projects) counts[p] += b.multiplicity;
    return counts;
}

std::vector<std::uint64_t> supporter_counts(const instance& inst) {
    std::vector<std::uint64_t> counts(inst.projects.size(), 0);
    for (const ballot& b : inst.ballots)
        for (std::size_t i = 0; i < b.projects.size(); ++i)
            if (b.points.empty() || b.points[i] > 0 || inst.type == vote_type::ordinal)
                counts[b.projects[i]] += b.multiplicity;
    return counts;
}

rational total_cost(const instance& inst, const std::vector<std::size_t>& chosen) {
    rational sum;
    for (std::size_t p : chosen) sum += inst.projects[p].cost;
    return sum;
}

result<void> validate(const instance& inst) {
    const auto fail = [](std::string message) { return unexpected(errc::invalid_value, std::move(message)); };
    if (inst.budget.sign() <= 0) return fail("the budget must be positive, not " + inst.budget.to_string());
    std::unordered_set<std::string_view> ids;
    for (const project& p : inst.projects) {
        if (p.id.empty()) return fail("a project has an empty id");
        if (!ids.insert(p.id).second) return fail("project id \"" + p.id + "\" is used twice");
        if (p.cost.sign() <= 0) return fail("project " + p.id + " must have a positive cost, not " + p.cost.to_string());
    }
    for (std::size_t i = 0; i < inst.ballots.size(); ++i) {
        const ballot& b = inst.ballots[i];
        const std::string which = "ballot " + std::to_string(i + 1);
        if (b.multiplicity == 0) return fail(which + " has multiplicity 0");
        const bool needs_points = inst.type == vote_type::cumulative || inst.type == vote_type::scoring ||
                                  inst.type == vote_type::ordinal;
        if (needs_points ? b.points.size() != b.projects.size() : !b.points.empty())
            return fail(which + (needs_points ? " needs one point value per project" : " must not have points"));
        std::vector<std::size_t> seen = b.projects;
        std::sort(seen.begin(), seen.end());
        if (std::adjacent_find(seen.begin(), seen.end()) != seen.end()) return fail(which + " lists a project twice");
        if (!seen.empty() && seen.back() >= inst.projects.size()) return fail(which + " refers to a missing project");
        for (std::int64_t pts : b.points)
            if (pts < 0 && inst.type != vote_type::scoring) return fail(which + " has negative points");
    }
    return {};
}

std::vector<constraint_violation> check_constraints(const instance& inst) {
    std::vector<constraint_violation> out;
    const ballot_constraints& c = inst.constraints;
    for (std::size_t i = 0; i < inst.ballots.size(); ++i) {
        const ballot& b = inst.ballots[i];
        const auto report = [&](std::string text) {
            out.push_back({i, b.voter_ids.empty() ? std::string() : b.voter_ids.front(), std::move(text)});
        };
        const std::uint64_t length = b.projects.size();
        if (inst.type == vote_type::choose_one && length != 1)
            report("lists " + std::to_string(length) + " projects; a choose-1 ballot lists exactly one");
        if (c.min_length && length < *c.min_length)
            report("lists " + std::to_string(length) + " projects; min_length is " + std::to_string(*c.min_length));
        if (c.max_length && length > *c.max_length)
            report("lists " + std::to_string(length) + " projects; max_length is " + std::to_string(*c.max_length));
        if (c.min_sum_cost || c.max_sum_cost) {
            const rational sum = total_cost(inst, b.projects);
            if (c.min_sum_cost && sum < *c.min_sum_cost)
                report("costs " + sum.to_string() + " in total; min_sum_cost is " + c.min_sum_cost->to_string());
            if (c.max_sum_cost && sum > *c.max_sum_cost)
                report("costs " + sum.to_string() + " in total; max_sum_cost is " + c.max_sum_cost->to_string());
        }
        if (inst.type == vote_type::cumulative || inst.type == vote_type::scoring) {
            std::int64_t sum = 0;
            for (std::int64_t pts : b.points) {
                sum += pts;
                if (c.min_points && pts < *c.min_points)
                    report("gives " + std::to_string(pts) + " points; min_points is " + std::to_string(*c.min_points));
                if (c.max_points && pts > *c.max_points)
                    report("gives " + std::to_string(pts) + " points; max_points is " + std::to_string(*c.max_points));
            }
            if (c.min_sum_points && sum < *c.min_sum_points)
                report("gives " + std::to_string(sum) + " points in total; min_sum_points is " +
                       std::to_string(*c.min_sum_points));
            if (c.max_sum_points && sum > *c.max_sum_points)
                report("gives " + std::to_string(sum) + " points in total; max_sum_points is " +
                       std::to_string(*c.max_sum_points));
        }
    }
    return out;
}

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

int natural_compare(std::string_view a, std::string_view b) noexcept {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i_end = i, j_end = j;
            while (i_end < a.size() && digit(a[i_end])) ++i_end;
            while (j_end < b.size() && digit(b[j_end])) ++j_end;
            std::size_t i_start = i, j_start = j;  // skip leading zeros, then longer runs are larger
            while (i_start + 1 < i_end && a[i_start] == '0') ++i_start;
            while (j_start + 1 < j_end && b[j_start] == '0') ++j_start;
            const std::size_t li = i_end - i_start, lj = j_end - j_start;
            if (li != lj) return li < lj ? -1 : 1;
            if (const int c = a.substr(i_start, li).compare(b.substr(j_start, lj)); c != 0) return c < 0 ? -1 : 1;
            if (i_end - i != j_end - j) return (i_end - i) < (j_end - j) ? -1 : 1;  // "01" after "1"
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
            ++i;
            ++j;
        }
    }
    if (i == a.size() && j == b.size()) return 0;
    return i == a.size() ? -1 : 1;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
