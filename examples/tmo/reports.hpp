// The HTML sections of the tool's reports, one per kind of outcome. Each returns a fragment (a heading, the verdict in
// one plain sentence, the chart and the table of its figures) that `--format html` wraps in a page on its own and
// `tmo demo` puts together into one report.
#pragma once

#include <tmo/budget/instance.hpp>
#include <tmo/budget/outcome.hpp>
#include <tmo/contract/document.hpp>
#include <tmo/contract/report.hpp>
#include <tmo/contract/tsm.hpp>
#include <tmo/decision/class_ballot.hpp>
#include <tmo/decision/meeting.hpp>
#include <tmo/vote/count.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace tmo_tool {

/// An election count: who was elected, the stage chart (each candidate's votes at every stage against the quota,
/// with what each stage transferred), the table of votes by stage and one line per stage.
[[nodiscard]] std::string count_section(const tmo::vote::count_result& r, const std::string& title);

/// A participatory budget: the funded projects filling the budget bar, each project's supporters, and the table of
/// every project with the reason it was or was not funded.
[[nodiscard]] std::string budget_section(const tmo::budget::instance& inst, const tmo::budget::outcome& out,
                                         const std::string& title);

/// A meeting: the verdict, the notice, a chart of the quorum and of each resolution's votes against its threshold,
/// the agenda table and the proxies; then, as a section of its own, the committee election (its stage chart, who
/// retired, the committee's make-up after it).
[[nodiscard]] std::string meeting_section(const tmo::decision::meeting_outcome& m, const std::string& title);

/// A class ballot: the verdict, a chart of each test against its threshold, each class's vote and turnout (against
/// the floor when there is one), and the tables of the tests and the classes.
[[nodiscard]] std::string ballot_section(const tmo::decision::ballot_outcome& b, const std::string& title);

/// A contract over months: for each KPI, its monthly values as a line against the target, shaded by rating band,
/// with the table of values and ratings; then the credits and payments month by month. `months` are consecutive
/// reports of the same contract.
[[nodiscard]] std::string contract_section(const tmo::contract::contract_document& doc,
                                           const std::vector<tmo::contract::period_report>& months,
                                           const std::string& title);

/// The reports of the twelve months ending with `last` (those from the start of the contract's term), oldest first.
/// @return the error of the first month evaluate_month refuses.
[[nodiscard]] tmo::result<std::vector<tmo::contract::period_report>> contract_year(
    const tmo::contract::contract_document& doc, std::chrono::year_month last);

/// The Tenant Satisfaction Measures: the perception measures as points with their margins of error (95%
/// confidence intervals) on a 0-100% scale, then the table of every measure, the management information and the
/// sample-size lines.
[[nodiscard]] std::string tsm_section(std::size_t respondents, const std::vector<tmo::contract::tsm_figure>& perception,
                                      const std::vector<tmo::contract::tsm_figure>& management,
                                      const std::vector<std::string>& samples, const std::string& title);

}  // namespace tmo_tool
