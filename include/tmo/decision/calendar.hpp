// tmo/decision/calendar.hpp: the statutory calendar: due dates computed from milestones, flagged on a given day.
//
// A TMO's clocks (governance.md §3.2, §4.4, §4.6, §5.3) run from named milestones: a Right to Manage proposal
// notice served, the council's acceptance received, a ballot result, an agreement signed, a financial year's end.
// Every period is data, not code: a calendar preset (presets/calendar/*.toml, compiled into the library) lists each
// deadline with the milestone it runs from, its length in days or calendar months, whether it falls after or
// before the milestone, the milestone that shows it was met, its source and its evidence label ([V], [V2], [U],
// [I]). Day arithmetic: "within n days of d" ends on d + n (d itself is not counted); months are calendar months
// with the day clamped to the end of a shorter month (30 November + 3 months = 28 or 29 February; tmo/core/date.hpp).
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/core/result.hpp>
#include <tmo/rules/constitution.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace decision {

/// Whether a deadline falls after its milestone ("within 28 days of") or before it ("3 months before the year").
enum class deadline_direction { after, before };

/// "after", "before"; "?" past the last value. Never null.
[[nodiscard]] const char* name(deadline_direction d) noexcept;

/// One deadline of a calendar preset.
struct deadline_rule {
    std::string id;                 ///< "council_decision" (lower-case letters, digits and '_')
    std::string label;              ///< what must be done by then, in plain words
    std::vector<std::string> from;  ///< the milestones it runs from, in order of preference: the first one given
    period span;                    ///< its length (tmo::period: days or calendar months)
    deadline_direction direction = deadline_direction::after;
    std::string met_by;             ///< the milestone that shows it was met; empty: none
    std::string source;             ///< where the period comes from ("SI 2012/1821 reg 13(1)")
    std::string evidence;           ///< "V", "V2", "U" or "I" (governance.md §0)

    friend bool operator==(const deadline_rule&, const deadline_rule&) = default;
};

/// A set of deadlines and the milestones they use.
struct calendar_rules {
    std::string name;
    std::string description;
    std::uint32_t due_soon_days = 28;                 ///< flag a deadline this many days ahead or fewer
    std::map<std::string, std::string, std::less<>> milestones;  ///< every milestone name with what it means
    std::vector<deadline_rule> deadlines;             ///< in the preset's order

    friend bool operator==(const calendar_rules&, const calendar_rules&) = default;
};

/// The shipped calendar presets ("england").
[[nodiscard]] std::vector<std::string_view> calendar_preset_names();
/// A calendar preset by name. @return errc::not_found (the message lists the presets).
[[nodiscard]] result<calendar_rules> calendar_preset(std::string_view preset_name);

/// Parses calendar rules from TOML (the preset format, docs/committee.md): name, description, due_soon_days,
/// [milestones] and one [[deadline]] per deadline. Every milestone a deadline names must be listed.
/// @return the rules, or the first error with file, line, column and key path (errc::too_large, errc::syntax,
///         errc::unknown_key, errc::missing_key, errc::wrong_type, errc::invalid_value).
[[nodiscard]] result<calendar_rules> parse_calendar_rules(std::string_view toml_text,
                                                          std::string_view source_name = {});

/// Milestones by name, each with its date.
using milestone_dates = std::map<std::string, date, std::less<>>;

/// Where a deadline stands on the day looked at.
enum class due_status {
    upcoming,  ///< due later than due_soon_days ahead
    due_soon,  ///< due today or within due_soon_days
    overdue,   ///< the due day has passed and it is not met
    met,       ///< its met_by milestone falls on or before the due day
    met_late,  ///< its met_by milestone falls after the due day
};

/// "upcoming", "due_soon", "overdue", "met", "met_late"; "?" past the last value. Never null.
[[nodiscard]] const char* name(due_status s) noexcept;

/// One computed deadline.
struct due_item {
    const deadline_rule* rule = nullptr;  ///< [borrowed] into the calendar_rules passed to compute_calendar
    std::string trigger;                  ///< the milestone it ran from
    date trigger_date{};
    date due{};
    std::optional<date> met_on;           ///< the met_by milestone, when given and not before the milestone
    due_status status = due_status::upcoming;
    /// upcoming, due_soon: days left (0 = due today); overdue: days past due; met: days to spare; met_late: days late
    std::int64_t days = 0;
    std::string arithmetic;               ///< "2025-01-10 + 28 days = 2025-02-07"
    std::string sentence;
};

/// The calendar on a given day.
struct calendar {
    std::string rules_name;
    date on{};
    std::uint32_t due_soon_days = 0;
    std::vector<due_item> items;           ///< by due date, then in the preset's order
    std::vector<std::string> not_started;  ///< deadlines whose milestones are not given, in the preset's order
    std::size_t overdue = 0;
    std::size_t due_soon = 0;
    std::string summary;                   ///< one sentence: what is overdue and due soon
};

/// Computes every deadline whose milestone is given, and flags each on the day `on`. A met_by milestone counts
/// only if it is not before the milestone the deadline runs from for a deadline after it (not after it for a
/// deadline before it): an earlier one belongs to an earlier cycle. `due_soon_days` overrides the rules' value.
/// @return the calendar (it borrows `rules`: keep them alive while using the items), or errc::not_found for a
///         milestone the rules do not list (key path = its name; the message lists the milestones),
///         errc::overflow if a due date falls outside years 1 to 9999.
[[nodiscard]] result<calendar> compute_calendar(const calendar_rules& rules, const milestone_dates& milestones, date on,
                                                std::optional<std::uint32_t> due_soon_days = std::nullopt);

/// A calendar file: which preset, the milestones, optionally the day to look at and the due-soon window.
struct calendar_input {
    std::string preset = "england";
    milestone_dates milestones;
    std::optional<date> on;
    std::optional<std::uint32_t> due_soon_days;
};

/// The most bytes a calendar file (or calendar rules) may have.
inline constexpr std::size_t max_calendar_file_bytes = 64 * 1024;

/// Parses a calendar file (docs/committee.md): optional preset, on and due_soon_days, and a [milestones] table of
/// dates, each milestone one the preset lists.
/// @return the input, or the first error with file, line, column and key path: errc::too_large, errc::syntax,
///         errc::unknown_key (also a milestone the preset does not list), errc::missing_key, errc::wrong_type,
///         errc::invalid_value (a date that is not a day), errc::not_found (an unknown preset).
[[nodiscard]] result<calendar_input> parse_calendar_input(std::string_view toml_text,
                                                          std::string_view source_name = {});
/// Reads and parses a calendar file. @return as parse_calendar_input, or errc::io.
[[nodiscard]] result<calendar_input> load_calendar_input(const std::filesystem::path& file);

/// Plain text: the summary, then one line per deadline ("2025-02-07  OVERDUE by 3 days  council_decision: ...").
[[nodiscard]] std::string to_text(const calendar& c);
/// Markdown fit for minutes: the summary and a table with the milestone, arithmetic, status, source and evidence.
[[nodiscard]] std::string to_markdown(const calendar& c);
/// One JSON object: "rules", "on", "due_soon_days", "overdue", "due_soon", "summary", "not_started" and "items":
/// objects with "id", "label", "trigger", "trigger_date", "period", "direction", "due", "met_on" (or null),
/// "status", "days", "arithmetic", "source", "evidence" and "sentence".
[[nodiscard]] std::string to_json(const calendar& c);

}  // namespace decision
}  // namespace v1
}  // namespace tmo
