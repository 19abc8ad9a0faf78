// bindings/c/src/constitution.cpp: the tmo_constitution handle and its getters.
#include "waist.hpp"
#include "constitution_handle.hpp"

#include <tmo/rules/constitution.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;

int tmo::detail::meeting_kind_from_c(tmo::meeting_kind& out, int kind) {
    switch (kind) {
        case TMO_MEETING_AGM: out = tmo::meeting_kind::agm; return TMO_OK;
        case TMO_MEETING_GENERAL: out = tmo::meeting_kind::general; return TMO_OK;
        case TMO_MEETING_SPECIAL: out = tmo::meeting_kind::special; return TMO_OK;
        case TMO_MEETING_COMMITTEE: out = tmo::meeting_kind::committee; return TMO_OK;
        default:
            return fail(TMO_EINVAL, "unknown meeting kind " + std::to_string(kind) +
                                        ": expected TMO_MEETING_AGM, _GENERAL, _SPECIAL or _COMMITTEE");
    }
}

const tmo::constitution& tmo::detail::rules_of(const tmo_constitution& handle) noexcept { return handle.rules; }

namespace {

// Hands a parsed constitution to the caller as a new handle, or records the parse error.
int adopt(tmo_constitution** out, tmo::result<tmo::constitution> parsed) {
    if (!parsed) return fail(parsed.error());
    *out = new tmo_constitution(std::move(*parsed));
    return TMO_OK;
}

// The rules of a meeting of C kind `kind` (falling back to the general meeting's, as the C++ API does).
int find_meeting(const tmo::meeting_rules** out, const tmo_constitution& c, int kind) {
    tmo::meeting_kind cpp_kind{};
    if (int status = tmo::detail::meeting_kind_from_c(cpp_kind, kind); status != TMO_OK) return status;
    *out = c.rules.meeting(cpp_kind);
    if (*out == nullptr)
        return fail(TMO_ENOTFOUND, std::string("the constitution has no rules for ") + tmo::name(cpp_kind) +
                                       " meetings");
    return TMO_OK;
}

// The resolution kind `kind`, or null with TMO_ENOTFOUND recorded (naming the kinds that exist).
const tmo_constitution::resolution_entry* find_resolution(const tmo_constitution& c, std::string_view kind) {
    for (const auto& entry : c.resolutions)
        if (*entry.name == kind) return &entry;
    std::string known;
    for (const auto& entry : c.resolutions) known += (known.empty() ? "" : ", ") + *entry.name;
    fail(TMO_ENOTFOUND, "no resolution kind \"" + std::string(kind) + "\"; the constitution defines: " + known);
    return nullptr;
}

int index_out_of_range(std::size_t index, std::size_t count, const char* what) {
    return fail(TMO_EINVAL, "index " + std::to_string(index) + " is out of range: the constitution has " +
                                std::to_string(count) + " " + what);
}

const std::string& entry_name(const tmo_constitution::resolution_entry& entry) { return *entry.name; }
const std::string& entry_name(const std::string* name) { return *name; }

// The body of tmo_constitution_<list>_count: the length of one of the handle's named lists.
template <class Entry>
int list_count(size_t* out, const tmo_constitution* constitution, std::vector<Entry> tmo_constitution::*list) {
    if (out == nullptr) return null_argument("out");
    *out = 0;
    if (constitution == nullptr) return null_argument("constitution");
    *out = (constitution->*list).size();
    return TMO_OK;
}

// The body of tmo_constitution_<list>_name: the name of entry `index` of one of the handle's named lists.
template <class Entry>
const char* list_name(const tmo_constitution* constitution, size_t index, std::vector<Entry> tmo_constitution::*list,
                      const char* what) {
    if (constitution == nullptr) {
        null_argument("constitution");
        return nullptr;
    }
    const std::vector<Entry>& entries = constitution->*list;
    if (index >= entries.size()) {
        index_out_of_range(index, entries.size(), what);
        return nullptr;
    }
    return entry_name(entries[index]).c_str();
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_constitution_parse(tmo_constitution** out, const char* text, size_t len,
                                            const char* source_name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (text == nullptr) return null_argument("text");
        return adopt(out, tmo::parse_constitution(std::string_view(text, len),
                                                  source_name != nullptr ? source_name : std::string_view()));
    });
}

TMO_API int TMO_CALL tmo_constitution_load(tmo_constitution** out, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        return adopt(out, tmo::load_constitution(std::filesystem::path(path)));
    });
}

TMO_API int TMO_CALL tmo_constitution_preset(tmo_constitution** out, const char* name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (name == nullptr) return null_argument("name");
        return adopt(out, tmo::constitution_preset(name));
    });
}

// Destroying the handle cannot throw: no try block, and the last error is left untouched.
TMO_API void TMO_CALL tmo_constitution_free(tmo_constitution* constitution) noexcept { delete constitution; }

TMO_API int TMO_CALL tmo_constitution_to_toml(tmo_buf* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (constitution == nullptr) return null_argument("constitution");
        tmo::detail::set_buf(*out, tmo::to_toml(constitution->rules));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_constitution_summary(tmo_buf* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (constitution == nullptr) return null_argument("constitution");
        tmo::detail::set_buf(*out, tmo::summary(constitution->rules));
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_constitution_name(const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (constitution == nullptr) {
            null_argument("constitution");
            return nullptr;
        }
        return constitution->rules.org.name.c_str();
    });
}

TMO_API const char* TMO_CALL tmo_constitution_area(const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (constitution == nullptr) {
            null_argument("constitution");
            return nullptr;
        }
        return constitution->rules.org.area.c_str();
    });
}

TMO_API int TMO_CALL tmo_constitution_legal_form(int* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        switch (constitution->rules.org.form) {
            case tmo::legal_form::co_operative_society: *out = TMO_LEGAL_FORM_CO_OPERATIVE_SOCIETY; return TMO_OK;
            case tmo::legal_form::community_benefit_society:
                *out = TMO_LEGAL_FORM_COMMUNITY_BENEFIT_SOCIETY;
                return TMO_OK;
            case tmo::legal_form::company_limited_by_guarantee:
                *out = TMO_LEGAL_FORM_COMPANY_LIMITED_BY_GUARANTEE;
                return TMO_OK;
        }
        return fail(TMO_EINTERNAL, "the constitution holds an unknown legal form");
    });
}

TMO_API int TMO_CALL tmo_constitution_minimum_age(uint32_t* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        *out = constitution->rules.membership.minimum_age;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_constitution_vote_unit(int* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        switch (constitution->rules.membership.unit) {
            case tmo::vote_unit::member: *out = TMO_VOTE_UNIT_MEMBER; return TMO_OK;
            case tmo::vote_unit::household: *out = TMO_VOTE_UNIT_HOUSEHOLD; return TMO_OK;
        }
        return fail(TMO_EINTERNAL, "the constitution holds an unknown vote unit");
    });
}

TMO_API int TMO_CALL tmo_constitution_notice_days(uint32_t* out, const tmo_constitution* constitution,
                                                  int meeting_kind) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        const tmo::meeting_rules* meeting = nullptr;
        if (const int status = find_meeting(&meeting, *constitution, meeting_kind); status != TMO_OK) return status;
        *out = meeting->notice_clear_days;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_constitution_quorum(uint64_t* out, const tmo_constitution* constitution, int meeting_kind,
                                             uint64_t members, int adjourned) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        const tmo::meeting_rules* meeting = nullptr;
        if (const int status = find_meeting(&meeting, *constitution, meeting_kind); status != TMO_OK) return status;
        if (adjourned == 0) {
            *out = meeting->quorum.required(members);
            return TMO_OK;
        }
        if (!meeting->adjourned)
            return fail(TMO_ENOTFOUND, "the constitution has no quorum rule for such a meeting when adjourned");
        *out = meeting->adjourned->quorum.required(members);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_constitution_resolution_count(size_t* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&] { return list_count(out, constitution, &tmo_constitution::resolutions); });
}

TMO_API const char* TMO_CALL tmo_constitution_resolution_name(const tmo_constitution* constitution,
                                                              size_t index) noexcept {
    return guarded(__func__, [&] {
        return list_name(constitution, index, &tmo_constitution::resolutions, "resolution kinds");
    });
}

TMO_API int TMO_CALL tmo_constitution_resolution_combine(int* out, const tmo_constitution* constitution,
                                                         const char* kind) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        if (kind == nullptr) return null_argument("kind");
        const auto* entry = find_resolution(*constitution, kind);
        if (entry == nullptr) return TMO_ENOTFOUND;
        switch (entry->rules->how) {
            case tmo::combine::all: *out = TMO_COMBINE_ALL; return TMO_OK;
            case tmo::combine::any: *out = TMO_COMBINE_ANY; return TMO_OK;
        }
        return fail(TMO_EINTERNAL, "the constitution holds an unknown way of combining tests");
    });
}

TMO_API int TMO_CALL tmo_constitution_resolution_test_count(size_t* out, const tmo_constitution* constitution,
                                                            const char* kind) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (constitution == nullptr) return null_argument("constitution");
        if (kind == nullptr) return null_argument("kind");
        const auto* entry = find_resolution(*constitution, kind);
        if (entry == nullptr) return TMO_ENOTFOUND;
        *out = entry->tests.size();
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_constitution_resolution_test(const tmo_constitution* constitution,
                                                              const char* kind, size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (constitution == nullptr) {
            null_argument("constitution");
            return nullptr;
        }
        if (kind == nullptr) {
            null_argument("kind");
            return nullptr;
        }
        const auto* entry = find_resolution(*constitution, kind);
        if (entry == nullptr) return nullptr;
        if (index >= entry->tests.size()) {
            index_out_of_range(index, entry->tests.size(), ("tests for \"" + *entry->name + "\"").c_str());
            return nullptr;
        }
        return entry->tests[index].c_str();
    });
}

TMO_API int TMO_CALL tmo_constitution_committee_size(uint32_t* min_out, uint32_t* max_out,
                                                     const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&]() -> int {
        if (min_out != nullptr) *min_out = 0;
        if (max_out != nullptr) *max_out = 0;
        if (min_out == nullptr) return null_argument("min_out");
        if (max_out == nullptr) return null_argument("max_out");
        if (constitution == nullptr) return null_argument("constitution");
        if (!constitution->rules.committee) return fail(TMO_ENOTFOUND, "the constitution has no committee rules");
        *min_out = constitution->rules.committee->min_size;
        *max_out = constitution->rules.committee->max_size;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_constitution_ballot_count(size_t* out, const tmo_constitution* constitution) noexcept {
    return guarded(__func__, [&] { return list_count(out, constitution, &tmo_constitution::ballot_names); });
}

TMO_API const char* TMO_CALL tmo_constitution_ballot_name(const tmo_constitution* constitution,
                                                          size_t index) noexcept {
    return guarded(__func__, [&] {
        return list_name(constitution, index, &tmo_constitution::ballot_names, "ballots");
    });
}

}  // extern "C"
