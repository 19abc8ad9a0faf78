// Private helpers shared by the budgeting rules.
#pragma once

#include <tmo/budget/outcome.hpp>
#include <tmo/budget/ties.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {
namespace detail {

// The tie-breaking criteria turned into one rank per project, computed once per rule run so that every round and
// every Add1 run breaks ties the same way. rank[p] < rank[q]: p is preferred; equal ranks: the criteria cannot
// separate p and q.
class tie_ranker {
public:
    tie_ranker(const instance& inst, const tie_breaking& ties, const std::vector<rational>& scores);

    [[nodiscard]] std::size_t rank(std::size_t project) const { return rank_[project]; }

    // Picks the preferred project among `tied` (at least one). With more than one, returns a tie record, or an
    // error naming the projects when the criteria cannot decide.
    [[nodiscard]] result<tie_record> settle(std::vector<std::size_t> tied) const;

private:
    // <0 when p is preferred to q under criterion c, >0 when q is, 0 when c cannot separate them.
    [[nodiscard]] int compare(tie_criterion c, std::size_t p, std::size_t q) const;

    const instance& inst_;
    const tie_breaking& ties_;
    const std::vector<rational>& scores_;
    std::vector<std::size_t> drawn_rank_;
    std::vector<std::size_t> rank_;
};

// "a, b and c" of the projects' ids.
std::string id_list(const instance& inst, const std::vector<std::size_t>& projects);

// The rejection list: every project not in `selected`, in file order, with the given default reason and figure
// (the cost). Rules then overwrite the entries they know more about.
std::vector<rejection> default_rejections(const instance& inst, const std::vector<std::size_t>& selected,
                                          rejection_reason reason);

// Greatest common divisor and least common multiple of non-negative integers.
integer gcd(const integer& a, const integer& b);
integer lcm(const integer& a, const integer& b);

}  // namespace detail
}  // namespace budget
}  // namespace v1
}  // namespace tmo
