// tmo/decision/record.hpp: records of every evaluation, fit for minutes — Markdown text for people and JSON for
// software. Both carry the exact figures, the rule applied and the plain sentence of the outcome. Fractions appear
// in JSON as exact "p/q" strings; counts as integers; dates as "YYYY-MM-DD".
#pragma once

#include <tmo/decision/class_ballot.hpp>
#include <tmo/decision/meeting.hpp>
#include <tmo/decision/register.hpp>
#include <tmo/decision/resolution.hpp>

#include <string>

namespace tmo {
inline namespace v1 {
namespace decision {

/// Markdown minutes of a meeting: notice, attendance and proxies, quorum, then each item with its figures and
/// outcome. Ends in a newline. Exceptions: only std::bad_alloc.
[[nodiscard]] std::string to_markdown(const meeting_outcome& m);
/// The same record as a JSON document (an object; see docs/decisions.md for its keys), ending in a newline.
[[nodiscard]] std::string to_json(const meeting_outcome& m);

/// Markdown and JSON records of one resolution.
[[nodiscard]] std::string to_markdown(const resolution_outcome& r);
[[nodiscard]] std::string to_json(const resolution_outcome& r);

/// Markdown and JSON records of a ballot: the rule, each class's tally and turnout, each test, the outcome.
[[nodiscard]] std::string to_markdown(const ballot_outcome& b);
[[nodiscard]] std::string to_json(const ballot_outcome& b);

/// Markdown and JSON records of a voters' roll: units by class and every member left off with the reason.
[[nodiscard]] std::string to_markdown(const voters_roll& roll);
[[nodiscard]] std::string to_json(const voters_roll& roll);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
