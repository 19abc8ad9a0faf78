// bindings/c/src/committee.cpp: the statutory calendar and the committee's make-up and rotation, for C callers.
#include "waist.hpp"

#include <tmo/decision/calendar.hpp>
#include <tmo/decision/committee.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;

namespace {

bool known_format(int format) {
    return format == TMO_RECORD_TEXT || format == TMO_RECORD_MARKDOWN || format == TMO_RECORD_JSON;
}

int unknown_format(int format) {
    return fail(TMO_EINVAL, "unknown format " + std::to_string(format) +
                                ": expected TMO_RECORD_TEXT, TMO_RECORD_MARKDOWN or TMO_RECORD_JSON");
}

// A date argument, or the error recorded with the argument's name as its key path.
tmo::result<tmo::date> date_argument(const char* text, std::string_view argument) {
    tmo::result<tmo::date> d = tmo::parse_date(text);
    if (!d) return tmo::unexpected(tmo::detail::in_argument(d.error(), argument));
    return d;
}

// The committee rules of `rules` and the committee read from `text`, or the status of the failure.
struct committee_input {
    const tmo::committee_rules* rules = nullptr;
    tmo::decision::committee members;
};

int read_committee(committee_input& in, const tmo_constitution* rules, const char* text, const char* source_name) {
    if (rules == nullptr) return null_argument("rules");
    if (text == nullptr) return null_argument("committee_toml");
    const tmo::constitution& c = tmo::detail::rules_of(*rules);
    if (!c.committee) return fail(TMO_ENOTFOUND, "the constitution has no [committee] rules");
    in.rules = &*c.committee;
    tmo::result<tmo::decision::committee> parsed =
        tmo::decision::parse_committee(text, source_name == nullptr ? "" : source_name);
    if (!parsed) return fail(parsed.error());
    in.members = std::move(*parsed);
    return TMO_OK;
}

}  // namespace

TMO_API int TMO_CALL tmo_calendar(tmo_buf* out, size_t* overdue_out, const char* preset, const char* const* names,
                                  const char* const* dates, size_t count, const char* on, int64_t due_soon_days,
                                  int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (overdue_out != nullptr) *overdue_out = 0;
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (count > 0 && names == nullptr) return null_argument("names");
        if (count > 0 && dates == nullptr) return null_argument("dates");
        if (on == nullptr) return null_argument("on");
        if (!known_format(format)) return unknown_format(format);
        tmo::result<tmo::decision::calendar_rules> rules =
            tmo::decision::calendar_preset(preset == nullptr ? "england" : preset);
        if (!rules) return fail(tmo::detail::in_argument(rules.error(), "preset"));
        tmo::decision::milestone_dates milestones;
        for (size_t i = 0; i < count; ++i) {
            const std::string index = "[" + std::to_string(i) + "]";
            if (names[i] == nullptr) return fail(TMO_EINVAL, "names" + index + " is NULL");
            if (dates[i] == nullptr) return fail(TMO_EINVAL, "dates" + index + " is NULL");
            tmo::result<tmo::date> d = date_argument(dates[i], names[i]);
            if (!d) return fail(d.error());
            if (!milestones.emplace(names[i], *d).second)
                return fail(TMO_EINVAL, "the milestone " + std::string(names[i]) + " is given twice");
        }
        tmo::result<tmo::date> day = date_argument(on, "on");
        if (!day) return fail(day.error());
        std::optional<std::uint32_t> soon;
        if (due_soon_days >= 0) soon = static_cast<std::uint32_t>(std::min<int64_t>(due_soon_days, 0xFFFFFFFF));
        tmo::result<tmo::decision::calendar> c = tmo::decision::compute_calendar(*rules, milestones, *day, soon);
        if (!c) return fail(c.error());
        tmo::detail::set_buf(*out, format == TMO_RECORD_JSON       ? tmo::decision::to_json(*c)
                                   : format == TMO_RECORD_MARKDOWN ? tmo::decision::to_markdown(*c)
                                                                   : tmo::decision::to_text(*c));
        if (overdue_out != nullptr) *overdue_out = c->overdue;
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_calendar_preset_name(size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        const std::vector<std::string_view> names = tmo::decision::calendar_preset_names();
        if (index >= names.size()) {
            fail(TMO_EINVAL, "calendar preset " + std::to_string(index) + " is out of range: there are " +
                                 std::to_string(names.size()));
            return nullptr;
        }
        return names[index].data();  // the preset names are NUL-terminated string literals
    });
}

TMO_API int TMO_CALL tmo_committee_check(tmo_buf* out, int* passed_out, const tmo_constitution* rules,
                                         const char* committee_toml, const char* source_name, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (passed_out != nullptr) *passed_out = 0;
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (!known_format(format)) return unknown_format(format);
        committee_input in;
        if (int status = read_committee(in, rules, committee_toml, source_name); status != TMO_OK) return status;
        tmo::result<tmo::decision::composition_report> r = tmo::decision::check_composition(in.members, *in.rules);
        if (!r) return fail(r.error());
        tmo::detail::set_buf(*out, format == TMO_RECORD_JSON ? tmo::decision::to_json(*r)
                                                             : tmo::decision::to_markdown(*r));
        if (passed_out != nullptr) *passed_out = r->passed ? 1 : 0;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_committee_rotation(tmo_buf* out, uint32_t* seats_out, const tmo_constitution* rules,
                                            const char* committee_toml, const char* source_name, const char* agm,
                                            const char* seed, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (seats_out != nullptr) *seats_out = 0;
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (agm == nullptr) return null_argument("agm");
        if (!known_format(format)) return unknown_format(format);
        committee_input in;
        if (int status = read_committee(in, rules, committee_toml, source_name); status != TMO_OK) return status;
        tmo::result<tmo::date> day = date_argument(agm, "agm");
        if (!day) return fail(day.error());
        tmo::result<tmo::decision::rotation_result> r =
            tmo::decision::rotate(in.members, *in.rules, *day, seed == nullptr ? "" : seed);
        if (!r) return fail(r.error());
        tmo::detail::set_buf(*out, format == TMO_RECORD_JSON ? tmo::decision::to_json(*r)
                                                             : tmo::decision::to_markdown(*r));
        if (seats_out != nullptr) *seats_out = r->seats_to_fill;
        return TMO_OK;
    });
}
