// The HTML sections of the tool's reports, one per kind of outcome. Each returns a fragment (a heading, the verdict in
// one plain sentence, the chart and the table of its figures) that `--format html` wraps in a page on its own and
// `tmo demo` puts together into one report.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>
#include <tmo/vote/count.hpp>

#include <string>

namespace tmo_tool {

/// An election count: who was elected, the stage chart (each candidate's votes at every stage against the quota,
/// with what each stage transferred), the table of votes by stage and one line per stage.
[[nodiscard]] std::string count_section(const tmo::vote::count_result& r, const std::string& title);

/// A participatory budget: the funded projects filling the budget bar, each project's supporters, and the table of
/// every project with the reason it was or was not funded.
[[nodiscard]] std::string budget_section(const tmo::budget::instance& inst, const tmo::budget::outcome& out,
                                         const std::string& title);

}  // namespace tmo_tool
