// tmo/budget/ties.hpp: how a rule chooses between projects that its own measure cannot separate.
//
// Tie-breaking is part of a rule (budgeting.md §7): the same votes can fund different projects under different
// conventions. A tie-breaker is an ordered list of criteria; each keeps only the projects that are best under it,
// until one project remains. If the list runs out with several projects left the rule fails with an error naming
// them: a tie is never broken silently or at random. The same list applies in every round and in every Add1
// iteration.
#pragma once

#include <tmo/budget/instance.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

/// One tie-breaking criterion.
enum class tie_criterion {
    min_cost,     ///< the cheaper project (equalshares.net's first criterion)
    max_cost,     ///< the dearer project
    max_votes,    ///< the project with the higher score counted from the ballots (approvals or total points)
    file_order,   ///< the project listed first in the file (PROJECTS order)
    drawn_order,  ///< the project first in an order drawn by lot before counting (tie_breaking::drawn)
    id_natural,   ///< the smaller project id, numbers compared as numbers ("9" before "10"; natural_compare)
    id_string,    ///< the smaller project id as plain text ("10" before "9"); pabutools' default, used by the
                  ///< reference outcomes
};

/// The command-line name ("min-cost", "max-cost", "max-votes", "file", "order", "id", "id-string"). Never null.
[[nodiscard]] const char* name(tie_criterion c) noexcept;

/// An ordered list of tie-breaking criteria.
struct tie_breaking {
    std::vector<tie_criterion> criteria;
    /// Project indices in the drawn order, best first; needed when criteria contain drawn_order. Projects missing
    /// from it rank after all listed ones (and tie among themselves).
    std::vector<std::size_t> drawn;

    /// equalshares.net's recommendation: lower cost, then more votes, then file order (standing in for a drawn
    /// order when none was drawn).
    [[nodiscard]] static tie_breaking equal_shares_net();
    /// The convention of the reference implementation (pabutools): project id as plain text.
    [[nodiscard]] static tie_breaking reference();

    friend bool operator==(const tie_breaking&, const tie_breaking&) = default;
};

/// Parses a comma-separated list of criterion names ("min-cost,max-votes,id"). "order" (or "order:FILE" on the
/// command line, whose file the caller reads) needs `drawn` set separately.
/// @return the list, or errc::invalid_value naming the unknown criterion and the accepted names.
[[nodiscard]] result<tie_breaking> parse_tie_breaking(std::string_view list);

/// Reads a drawn order: project ids separated by commas, spaces or new lines, best first.
/// @return the project indices, or errc::invalid_value for an unknown or repeated id.
[[nodiscard]] result<std::vector<std::size_t>> parse_drawn_order(const instance& inst, std::string_view text);

/// The text form, e.g. "min-cost, max-votes, id".
[[nodiscard]] std::string to_string(const tie_breaking& ties);

}  // namespace budget
}  // namespace v1
}  // namespace tmo
