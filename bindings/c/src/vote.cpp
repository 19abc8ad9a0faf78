// bindings/c/src/vote.cpp: ballot profiles, counting by rule name and the results, for C callers.
#include "count_options.hpp"
#include "waist.hpp"

#include <tmo/vote/ballot_file.hpp>
#include <tmo/vote/blt.hpp>
#include <tmo/vote/count.hpp>
#include <tmo/vote/rules.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;

struct tmo_profile {
    tmo::vote::profile ballots;
    const char* format = "";  // static text: the format read, "" when built by tmo_profile_new
    std::string warnings;     // "file:line:column: warning: message\n" per warning
};

// The result, with every figure handed out as text made once at creation: a result is never modified afterwards,
// so several threads may read it, and borrowed strings stay valid until it is freed.
struct tmo_count {
    struct stage_text {
        std::vector<std::string> votes;  // per candidate, file order
        std::string figures[5];          // indexed by tmo_stage_figure - 1
    };
    explicit tmo_count(tmo::vote::count_result r) : result(std::move(r)) {
        for (const tmo::vote::stage& s : result.stages) {
            stage_text text;
            text.votes.reserve(s.votes.size());
            for (const tmo::rational& v : s.votes) text.votes.push_back(value(v));
            text.figures[0] = value(s.quota);
            text.figures[1] = value(s.non_transferable);
            text.figures[2] = value(s.non_transferable_total);
            text.figures[3] = value(s.rounding_loss);
            text.figures[4] = value(s.rounding_loss_total);
            stages.push_back(std::move(text));
            for (const tmo::vote::tie_record& t : s.ties) ties.push_back(&t);
        }
    }
    tmo_count(const tmo_count&) = delete;
    tmo_count& operator=(const tmo_count&) = delete;

    [[nodiscard]] std::string value(const tmo::rational& v) const {
        return tmo::vote::format_value(v, result.decimals);
    }

    const tmo::vote::count_result result;
    std::vector<stage_text> stages;
    std::vector<const tmo::vote::tie_record*> ties;  // point into result.stages
};

namespace {

int out_of_range(const char* what, std::size_t index, std::size_t count) {
    return fail(TMO_EINVAL, std::string(what) + " " + std::to_string(index) + " is out of range: there are " +
                                std::to_string(count));
}

// Checks a 1-based candidate number of a profile of `count` candidates; records TMO_EINVAL if it is not one.
bool valid_candidate(uint32_t candidate, std::size_t count) {
    if (candidate >= 1 && candidate <= count) return true;
    fail(TMO_EINVAL, "candidate " + std::to_string(candidate) + " does not exist: candidates are numbered 1 to " +
                         std::to_string(count));
    return false;
}

int adopt(tmo_profile** out, tmo::result<tmo::vote::ballot_file> file) {
    if (!file) return fail(file.error());
    auto* p = new tmo_profile{std::move(file->profile), tmo::vote::name(file->format), {}};
    for (const auto& w : file->warnings)
        p->warnings += w.where.file + ':' + std::to_string(w.where.line) + ':' + std::to_string(w.where.column) +
                       ": warning: " + w.message + '\n';
    *out = p;
    return TMO_OK;
}

int read_mode(tmo::vote::blt_mode* mode, unsigned flags) {
    if ((flags & ~TMO_BALLOTS_STRICT) != 0)
        return fail(TMO_EINVAL, "unknown flags " + std::to_string(flags & ~TMO_BALLOTS_STRICT) +
                                    ": expected 0 or TMO_BALLOTS_STRICT");
    *mode = (flags & TMO_BALLOTS_STRICT) != 0 ? tmo::vote::blt_mode::strict : tmo::vote::blt_mode::lenient;
    return TMO_OK;
}

// The stage `stage` of `count`, or null with the error recorded.
const tmo::vote::stage* find_stage(const tmo_count* count, std::size_t stage) {
    if (count == nullptr) {
        null_argument("count");
        return nullptr;
    }
    if (stage >= count->result.stages.size()) {
        out_of_range("stage", stage, count->result.stages.size());
        return nullptr;
    }
    return &count->result.stages[stage];
}

const tmo::vote::tie_record* find_tie(const tmo_count* count, std::size_t index) {
    if (count == nullptr) {
        null_argument("count");
        return nullptr;
    }
    if (index >= count->ties.size()) {
        out_of_range("tie", index, count->ties.size());
        return nullptr;
    }
    return count->ties[index];
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_profile_parse(tmo_profile** out, const char* text, size_t len, const char* source_name,
                                       unsigned flags) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (text == nullptr) return null_argument("text");
        tmo::vote::blt_mode mode{};
        if (int status = read_mode(&mode, flags); status != TMO_OK) return status;
        return adopt(out, tmo::vote::read_ballots(std::string_view(text, len),
                                                  source_name != nullptr ? source_name : std::string_view(), mode));
    });
}

TMO_API int TMO_CALL tmo_profile_load(tmo_profile** out, const char* path, unsigned flags) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        tmo::vote::blt_mode mode{};
        if (int status = read_mode(&mode, flags); status != TMO_OK) return status;
        return adopt(out, tmo::vote::load_ballots(std::filesystem::path(path), mode));
    });
}

TMO_API int TMO_CALL tmo_profile_new(tmo_profile** out, const char* const* names, size_t count,
                                     uint32_t seats) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (names == nullptr) return null_argument("names");
        std::vector<tmo::vote::candidate> candidates;
        candidates.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (names[i] == nullptr) return null_argument("names[i]");
            candidates.push_back({names[i], false});
        }
        tmo::vote::profile p(std::move(candidates), seats);
        if (auto valid = p.validate(); !valid) return fail(valid.error());
        *out = new tmo_profile{std::move(p), "", {}};
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_profile_free(tmo_profile* profile) noexcept { delete profile; }

TMO_API int TMO_CALL tmo_profile_add_ballot(tmo_profile* profile, const uint32_t* marks, size_t n,
                                            uint64_t count) noexcept {
    return guarded(__func__, [&]() -> int {
        if (profile == nullptr) return null_argument("profile");
        if (marks == nullptr && n != 0) return null_argument("marks");
        const std::size_t candidates = profile->ballots.candidate_count();
        std::vector<tmo::vote::mark> ballot;
        ballot.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const uint32_t m = marks[i];
            const bool equal = (m & TMO_MARK_EQUAL) != 0;
            const uint32_t number = m & ~TMO_MARK_EQUAL;
            tmo::vote::mark mark{tmo::vote::no_candidate, equal};
            if (number == TMO_MARK_OVERVOTE) {
                mark.candidate = tmo::vote::overvote_mark;
            } else if (number != TMO_MARK_BLANK) {
                if (number > candidates)
                    return fail(TMO_EINVAL, "marks[" + std::to_string(i) + "] names candidate " +
                                                std::to_string(number) + ", but candidates are numbered 1 to " +
                                                std::to_string(candidates));
                mark.candidate = number - 1;
            } else if (equal) {
                return fail(TMO_EINVAL, "marks[" + std::to_string(i) + "] is a blank rank and cannot share a rank");
            }
            ballot.push_back(mark);
        }
        auto added = profile->ballots.add(ballot, count);
        if (!added) return fail(added.error());
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_profile_withdraw(tmo_profile* profile, uint32_t candidate) noexcept {
    return guarded(__func__, [&]() -> int {
        if (profile == nullptr) return null_argument("profile");
        if (!valid_candidate(candidate, profile->ballots.candidate_count())) return TMO_EINVAL;
        auto done = profile->ballots.withdraw(candidate - 1);
        if (!done) return fail(done.error());
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_profile_set_seats(tmo_profile* profile, uint32_t seats) noexcept {
    return guarded(__func__, [&]() -> int {
        if (profile == nullptr) return null_argument("profile");
        if (seats == 0 || seats > profile->ballots.candidate_count())
            return fail(TMO_EVALUE, "cannot fill " + std::to_string(seats) + " seat(s) from " +
                                        std::to_string(profile->ballots.candidate_count()) + " candidates");
        profile->ballots.set_seats(seats);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_profile_size(uint32_t* candidates_out, uint32_t* seats_out, uint64_t* papers_out,
                                      const tmo_profile* profile) noexcept {
    return guarded(__func__, [&]() -> int {
        if (candidates_out != nullptr) *candidates_out = 0;
        if (seats_out != nullptr) *seats_out = 0;
        if (papers_out != nullptr) *papers_out = 0;
        if (candidates_out == nullptr) return null_argument("candidates_out");
        if (seats_out == nullptr) return null_argument("seats_out");
        if (papers_out == nullptr) return null_argument("papers_out");
        if (profile == nullptr) return null_argument("profile");
        *candidates_out = profile->ballots.candidate_count();
        *seats_out = profile->ballots.seats();
        *papers_out = profile->ballots.papers();
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_profile_candidate_name(const tmo_profile* profile, uint32_t candidate) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (profile == nullptr) {
            null_argument("profile");
            return nullptr;
        }
        if (!valid_candidate(candidate, profile->ballots.candidate_count())) return nullptr;
        return profile->ballots.candidates()[candidate - 1].name.c_str();
    });
}

TMO_API const char* TMO_CALL tmo_profile_title(const tmo_profile* profile) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (profile == nullptr) {
            null_argument("profile");
            return nullptr;
        }
        return profile->ballots.title().c_str();
    });
}

TMO_API const char* TMO_CALL tmo_profile_format(const tmo_profile* profile) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (profile == nullptr) {
            null_argument("profile");
            return nullptr;
        }
        return profile->format;
    });
}

TMO_API int TMO_CALL tmo_profile_warnings(tmo_buf* out, const tmo_profile* profile) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (profile == nullptr) return null_argument("profile");
        tmo::detail::set_buf(*out, profile->warnings);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_profile_to_blt(tmo_buf* out, const tmo_profile* profile) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (profile == nullptr) return null_argument("profile");
        tmo::detail::set_buf(*out, tmo::vote::write_blt(profile->ballots));
        return TMO_OK;
    });
}

// A static name: no error is recorded past the end, so the last error is left as it was.
TMO_API const char* TMO_CALL tmo_count_rule_name(size_t index) noexcept {
    const auto names = tmo::vote::rule_names();
    return index < names.size() ? names[index].data() : nullptr;
}

TMO_API int TMO_CALL tmo_count_options_new(tmo_count_options** out) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = new tmo_count_options{};
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_count_options_free(tmo_count_options* options) noexcept { delete options; }

TMO_API int TMO_CALL tmo_count_options_set(tmo_count_options* options, const char* key, const char* value) noexcept {
    return guarded(__func__, [&]() -> int {
        if (options == nullptr) return null_argument("options");
        if (key == nullptr) return null_argument("key");
        if (value == nullptr) return null_argument("value");
        if (*key == '\0') return fail(TMO_EINVAL, "the option's key is empty");
        options->settings.push_back({key, value});
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_count_run(tmo_count** out, const tmo_profile* profile, const char* rule,
                                   const tmo_count_options* options) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (profile == nullptr) return null_argument("profile");
        if (rule == nullptr) return null_argument("rule");
        const std::vector<tmo::vote::setting> none;
        auto result = tmo::vote::count(profile->ballots, rule, options != nullptr ? options->settings : none);
        if (!result) return fail(result.error());
        *out = new tmo_count(std::move(*result));
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_count_free(tmo_count* count) noexcept { delete count; }

TMO_API int TMO_CALL tmo_count_render(tmo_buf* out, const tmo_count* count, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (count == nullptr) return null_argument("count");
        switch (format) {
            case TMO_COUNT_TEXT: tmo::detail::set_buf(*out, tmo::vote::to_text(count->result)); return TMO_OK;
            case TMO_COUNT_JSON: tmo::detail::set_buf(*out, tmo::vote::to_json(count->result)); return TMO_OK;
            case TMO_COUNT_CSV: tmo::detail::set_buf(*out, tmo::vote::to_csv(count->result)); return TMO_OK;
            default:
                return fail(TMO_EINVAL, "unknown format " + std::to_string(format) +
                                            ": expected TMO_COUNT_TEXT, TMO_COUNT_JSON or TMO_COUNT_CSV");
        }
    });
}

TMO_API const char* TMO_CALL tmo_count_summary(const tmo_count* count) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (count == nullptr) {
            null_argument("count");
            return nullptr;
        }
        return count->result.summary.c_str();
    });
}

TMO_API int TMO_CALL tmo_count_elected_count(size_t* out, const tmo_count* count) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (count == nullptr) return null_argument("count");
        *out = count->result.elected.size();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_count_elected(uint32_t* out, const tmo_count* count, size_t index) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (count == nullptr) return null_argument("count");
        if (index >= count->result.elected.size())
            return out_of_range("elected index", index, count->result.elected.size());
        *out = count->result.elected[index] + 1;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_count_stage_count(size_t* out, const tmo_count* count) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (count == nullptr) return null_argument("count");
        *out = count->result.stages.size();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_count_stage_action(int* action_out, uint32_t* subject_out, const tmo_count* count,
                                            size_t stage) noexcept {
    return guarded(__func__, [&]() -> int {
        if (action_out != nullptr) *action_out = 0;
        if (subject_out != nullptr) *subject_out = 0;
        if (action_out == nullptr) return null_argument("action_out");
        if (subject_out == nullptr) return null_argument("subject_out");
        const tmo::vote::stage* s = find_stage(count, stage);
        if (s == nullptr) return tmo_error_last()->code;
        switch (s->action) {
            case tmo::vote::stage_action::first_preferences: *action_out = TMO_STAGE_FIRST_PREFERENCES; break;
            case tmo::vote::stage_action::surplus: *action_out = TMO_STAGE_SURPLUS; break;
            case tmo::vote::stage_action::exclusion: *action_out = TMO_STAGE_EXCLUSION; break;
        }
        *subject_out = s->subject == tmo::vote::no_candidate ? 0 : s->subject + 1;
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_count_stage_votes(const tmo_count* count, size_t stage, uint32_t candidate) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (find_stage(count, stage) == nullptr) return nullptr;
        const auto& votes = count->stages[stage].votes;
        if (!valid_candidate(candidate, votes.size())) return nullptr;
        return votes[candidate - 1].c_str();
    });
}

TMO_API int TMO_CALL tmo_count_stage_state(int* out, const tmo_count* count, size_t stage,
                                           uint32_t candidate) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        const tmo::vote::stage* s = find_stage(count, stage);
        if (s == nullptr) return tmo_error_last()->code;
        if (!valid_candidate(candidate, s->states.size())) return TMO_EINVAL;
        switch (s->states[candidate - 1]) {
            case tmo::vote::candidate_state::continuing: *out = TMO_CANDIDATE_CONTINUING; break;
            case tmo::vote::candidate_state::elected: *out = TMO_CANDIDATE_ELECTED; break;
            case tmo::vote::candidate_state::excluded: *out = TMO_CANDIDATE_EXCLUDED; break;
            case tmo::vote::candidate_state::withdrawn: *out = TMO_CANDIDATE_WITHDRAWN; break;
        }
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_count_stage_figure(const tmo_count* count, size_t stage, int figure) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (find_stage(count, stage) == nullptr) return nullptr;
        if (figure < TMO_FIGURE_QUOTA || figure > TMO_FIGURE_ROUNDING_LOSS_TOTAL) {
            fail(TMO_EINVAL, "unknown figure " + std::to_string(figure) +
                                 ": expected TMO_FIGURE_QUOTA to TMO_FIGURE_ROUNDING_LOSS_TOTAL");
            return nullptr;
        }
        return count->stages[stage].figures[figure - 1].c_str();
    });
}

TMO_API const char* TMO_CALL tmo_count_stage_explanation(const tmo_count* count, size_t stage) noexcept {
    return guarded(__func__, [&]() -> const char* {
        const tmo::vote::stage* s = find_stage(count, stage);
        return s != nullptr ? s->explanation.c_str() : nullptr;
    });
}

TMO_API int TMO_CALL tmo_count_tie_count(size_t* out, const tmo_count* count) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (count == nullptr) return null_argument("count");
        *out = count->ties.size();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_count_tie(size_t* stage_out, uint32_t* chosen_out, const tmo_count* count,
                                   size_t index) noexcept {
    return guarded(__func__, [&]() -> int {
        if (stage_out != nullptr) *stage_out = 0;
        if (chosen_out != nullptr) *chosen_out = 0;
        if (stage_out == nullptr) return null_argument("stage_out");
        if (chosen_out == nullptr) return null_argument("chosen_out");
        const tmo::vote::tie_record* t = find_tie(count, index);
        if (t == nullptr) return tmo_error_last()->code;
        *stage_out = t->stage;
        *chosen_out = t->chosen == tmo::vote::no_candidate ? 0 : t->chosen + 1;
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_count_tie_method(const tmo_count* count, size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        const tmo::vote::tie_record* t = find_tie(count, index);
        return t != nullptr ? tmo::vote::name(t->method) : nullptr;
    });
}

TMO_API const char* TMO_CALL tmo_count_tie_explanation(const tmo_count* count, size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        const tmo::vote::tie_record* t = find_tie(count, index);
        return t != nullptr ? t->explanation.c_str() : nullptr;
    });
}

}  // extern "C"
