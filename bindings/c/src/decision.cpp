// bindings/c/src/decision.cpp: registers, meetings, resolutions, ballots and their records (tmo/decision.h).
#include "waist.hpp"
#include "constitution_handle.hpp"

#include <tmo/decision/files.hpp>
#include <tmo/decision/record.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <utility>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;
using tmo::detail::parse_date_argument;

struct tmo_register {
    explicit tmo_register(tmo::decision::member_register r) : reg(std::move(r)) {}
    const tmo::decision::member_register reg;
};

// An evaluated decision: its outcome and both records, made once at creation so that the handle never changes.
struct tmo_decision {
    template <class Outcome>
    tmo_decision(const Outcome& outcome, bool carried_, std::string sentence_)
        : carried(carried_), sentence(std::move(sentence_)), markdown(tmo::decision::to_markdown(outcome)),
          json(tmo::decision::to_json(outcome)) {}
    const bool carried;
    const std::string sentence;
    const std::string markdown;
    const std::string json;
};

namespace {

// The C++ tenure class of a TMO_TENURE_... value; TMO_EINVAL recorded for any other.
int tenure_from_c(tmo::tenure_class& out, int tenure) {
    if (tenure < TMO_TENURE_SECURE_TENANT || tenure > TMO_TENURE_NON_VOTING)
        return fail(TMO_EINVAL, "unknown tenure class " + std::to_string(tenure) +
                                    ": expected a TMO_TENURE_... value from 1 to 6");
    out = static_cast<tmo::tenure_class>(tenure - TMO_TENURE_SECURE_TENANT);
    return TMO_OK;
}

int adopt(tmo_register** out, tmo::result<tmo::decision::member_register> parsed) {
    if (!parsed) return fail(parsed.error());
    *out = new tmo_register(std::move(*parsed));
    return TMO_OK;
}

int check_format(int format) {
    // TMO_RECORD_TEXT gives the Markdown, which reads as plain text.
    if (format == TMO_RECORD_TEXT || format == TMO_RECORD_MARKDOWN || format == TMO_RECORD_JSON) return TMO_OK;
    return fail(TMO_EINVAL, "unknown record format " + std::to_string(format) +
                                ": expected TMO_RECORD_TEXT, TMO_RECORD_MARKDOWN or TMO_RECORD_JSON");
}

// The roll at the C date `date`, after checking the common arguments of the roll functions.
int roll_at(tmo::decision::voters_roll& roll, const tmo_register* reg, const tmo_constitution* constitution,
            const char* date) {
    if (reg == nullptr) return null_argument("reg");
    if (constitution == nullptr) return null_argument("constitution");
    if (date == nullptr) return null_argument("date");
    tmo::date day;
    if (const int status = parse_date_argument(day, date, "date"); status != TMO_OK) return status;
    roll = tmo::decision::make_roll(reg->reg, constitution->rules.membership, day);
    return TMO_OK;
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_register_parse(tmo_register** out, const char* text, size_t len,
                                        const char* source_name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (text == nullptr) return null_argument("text");
        return adopt(out, tmo::decision::parse_register_csv(std::string_view(text, len),
                                                            source_name != nullptr ? source_name : std::string_view()));
    });
}

TMO_API int TMO_CALL tmo_register_load(tmo_register** out, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        return adopt(out, tmo::decision::load_register_csv(std::filesystem::path(path)));
    });
}

// Destroying a handle cannot throw: no try block, and the last error is left untouched.
TMO_API void TMO_CALL tmo_register_free(tmo_register* reg) noexcept { delete reg; }

TMO_API int TMO_CALL tmo_register_count(size_t* out, const tmo_register* reg) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (reg == nullptr) return null_argument("reg");
        *out = reg->reg.members().size();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_register_eligible(int* eligible_out, tmo_buf* reason_out, const tmo_register* reg,
                                           const tmo_constitution* constitution, const char* member_id,
                                           const char* date) noexcept {
    return guarded(__func__, [&]() -> int {
        if (eligible_out == nullptr) return null_argument("eligible_out");
        *eligible_out = 0;
        if (reason_out != nullptr) tmo_buf_dispose(reason_out);
        if (reg == nullptr) return null_argument("reg");
        if (constitution == nullptr) return null_argument("constitution");
        if (member_id == nullptr) return null_argument("member_id");
        if (date == nullptr) return null_argument("date");
        tmo::date day;
        if (const int status = parse_date_argument(day, date, "date"); status != TMO_OK) return status;
        const tmo::decision::member* m = reg->reg.find(member_id);
        if (m == nullptr)
            return fail(TMO_ENOTFOUND, "no member \"" + std::string(member_id) + "\" is on the register");
        const tmo::decision::eligibility e = tmo::decision::eligible_at(*m, constitution->rules.membership, day);
        if (reason_out != nullptr) tmo::detail::set_buf(*reason_out, e.reason);
        *eligible_out = e.eligible ? 1 : 0;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_register_roll_count(uint64_t* out, const tmo_register* reg,
                                             const tmo_constitution* constitution, const char* date,
                                             int tenure_class) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        tmo::tenure_class wanted{};
        if (tenure_class != 0)
            if (const int status = tenure_from_c(wanted, tenure_class); status != TMO_OK) return status;
        tmo::decision::voters_roll roll;
        if (const int status = roll_at(roll, reg, constitution, date); status != TMO_OK) return status;
        if (tenure_class == 0) {
            *out = roll.units.size();
        } else {
            const auto by_class = roll.by_class();
            const auto it = by_class.find(wanted);
            *out = it == by_class.end() ? 0 : it->second;
        }
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_register_roll_record(tmo_buf* out, const tmo_register* reg,
                                              const tmo_constitution* constitution, const char* date,
                                              int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (const int status = check_format(format); status != TMO_OK) return status;
        tmo::decision::voters_roll roll;
        if (const int status = roll_at(roll, reg, constitution, date); status != TMO_OK) return status;
        tmo::detail::set_buf(*out, format == TMO_RECORD_JSON ? tmo::decision::to_json(roll)
                                                             : tmo::decision::to_markdown(roll));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_meeting_check(tmo_decision** out, const tmo_constitution* constitution,
                                       const tmo_register* reg, const char* text, size_t len,
                                       const char* source_name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (constitution == nullptr) return null_argument("constitution");
        if (reg == nullptr) return null_argument("reg");
        if (text == nullptr) return null_argument("text");
        auto m = tmo::decision::parse_meeting(std::string_view(text, len),
                                              source_name != nullptr ? source_name : std::string_view());
        if (!m) return fail(m.error());
        auto outcome = tmo::decision::check_meeting(constitution->rules, reg->reg, *m);
        if (!outcome) return fail(outcome.error());
        *out = new tmo_decision(*outcome, outcome->valid, outcome->sentence);
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_resolution_votes_init(tmo_resolution_votes* votes) noexcept {
    if (votes != nullptr) *votes = TMO_RESOLUTION_VOTES_INIT;
}

TMO_API int TMO_CALL tmo_resolution_evaluate(tmo_decision** out, const tmo_constitution* constitution,
                                             const char* kind, const tmo_resolution_votes* votes) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (constitution == nullptr) return null_argument("constitution");
        if (kind == nullptr) return null_argument("kind");
        if (votes == nullptr) return null_argument("votes");
        if (votes->version < 1 || votes->version > TMO_RESOLUTION_VOTES_VERSION)
            return fail(TMO_EINVAL, "unknown tmo_resolution_votes version " + std::to_string(votes->version) +
                                        ": initialise it with TMO_RESOLUTION_VOTES_INIT");
        const tmo::resolution_rules* rules = constitution->rules.resolution(kind);
        if (rules == nullptr)
            return fail(TMO_ENOTFOUND, "the constitution has no resolution kind \"" + std::string(kind) + "\"");
        tmo::meeting_kind meeting{};
        if (const int status = tmo::detail::meeting_kind_from_c(meeting, votes->meeting_kind); status != TMO_OK)
            return status;
        const tmo::meeting_rules* meeting_rules = constitution->rules.meeting(meeting);
        if (meeting_rules == nullptr)
            return fail(TMO_ENOTFOUND, std::string("the constitution has no rules for ") + tmo::name(meeting) +
                                           " meetings");
        if (votes->casting < TMO_CASTING_NOT_USED || votes->casting > TMO_CASTING_AGAINST)
            return fail(TMO_EINVAL, "unknown casting value " + std::to_string(votes->casting) +
                                        ": expected a TMO_CASTING_... value");
        if (votes->held == nullptr) return null_argument("votes->held");
        tmo::decision::resolution_vote vote;
        if (const int status = parse_date_argument(vote.held, votes->held, "votes->held"); status != TMO_OK)
            return status;
        if (votes->confirming != nullptr) {
            tmo::date first;
            if (const int status = parse_date_argument(first, votes->confirming, "votes->confirming");
                status != TMO_OK)
                return status;
            vote.confirming = first;
        }
        vote.votes.all = {votes->eligible, votes->present, votes->in_favour, votes->against, votes->abstained};
        vote.casting_allowed = meeting_rules->casting == tmo::casting_vote::chair;
        vote.casting = static_cast<tmo::decision::casting_use>(votes->casting);
        auto outcome = tmo::decision::evaluate_resolution(*rules, kind, vote);
        if (!outcome) return fail(outcome.error());
        *out = new tmo_decision(*outcome, outcome->carried, outcome->sentence);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_ballot_evaluate(tmo_decision** out, const char* rule, const tmo_constitution* constitution,
                                         const tmo_class_tally* tallies, size_t count) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (rule == nullptr) return null_argument("rule");
        if (tallies == nullptr) return null_argument("tallies");
        if (count == 0) return fail(TMO_EINVAL, "a ballot needs at least one class tally");
        std::map<tmo::tenure_class, tmo::decision::class_count> counts;
        for (size_t i = 0; i < count; ++i) {
            tmo::tenure_class c{};
            if (const int status = tenure_from_c(c, tallies[i].tenure_class); status != TMO_OK) return status;
            const tmo_class_tally& t = tallies[i];
            if (!counts.emplace(c, tmo::decision::class_count{t.eligible, 0, t.in_favour, t.against, t.spoilt}).second)
                return fail(TMO_EINVAL, "tallies[" + std::to_string(i) + "]: the class " + tmo::name(c) +
                                            " is tallied twice");
        }
        tmo::ballot_rules rules;
        if (const tmo::ballot_rules* own = constitution != nullptr ? constitution->rules.ballot(rule) : nullptr) {
            rules = *own;
        } else {
            auto preset = tmo::decision::ballot_preset(rule);
            if (!preset) return fail(preset.error());
            rules = std::move(*preset);
        }
        auto outcome = tmo::decision::evaluate_ballot(rules, rule, tmo::decision::tally::from_classes(std::move(counts)));
        if (!outcome) return fail(outcome.error());
        *out = new tmo_decision(*outcome, outcome->decision.carried, outcome->decision.sentence);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_decision_carried(int* out, const tmo_decision* decision) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (decision == nullptr) return null_argument("decision");
        *out = decision->carried ? 1 : 0;
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_decision_sentence(const tmo_decision* decision) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (decision == nullptr) {
            null_argument("decision");
            return nullptr;
        }
        return decision->sentence.c_str();
    });
}

TMO_API int TMO_CALL tmo_decision_record(tmo_buf* out, const tmo_decision* decision, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (decision == nullptr) return null_argument("decision");
        if (const int status = check_format(format); status != TMO_OK) return status;
        tmo::detail::set_buf(*out, format == TMO_RECORD_JSON ? decision->json : decision->markdown);
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_decision_free(tmo_decision* decision) noexcept { delete decision; }

}  // extern "C"
