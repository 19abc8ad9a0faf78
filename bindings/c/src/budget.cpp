// bindings/c/src/budget.cpp: participatory budgeting: the election, options and outcome handles.
#include "waist.hpp"

#include <tmo/budget/explain.hpp>
#include <tmo/budget/input.hpp>
#include <tmo/budget/run.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;
namespace pb = tmo::budget;

// The election: a builder until finished, then the complete instance, shared with the outcomes computed from it.
struct tmo_budget_election {
    std::optional<pb::election_builder> builder;
    std::shared_ptr<const pb::instance> complete;
    std::uint64_t ballots_added = 0;  // for numbering anonymous ballots
};

struct tmo_budget_options {
    pb::rule_settings settings;
};

// The outcome, with every string the getters hand out built once at creation, so that it is never modified.
struct tmo_budget_outcome {
    std::shared_ptr<const pb::instance> election;
    pb::outcome result;
    std::string cost;
    std::vector<std::string> measures;      // per round
    std::vector<std::string> explanations;  // per project of the election
};

namespace {

// A complete election, or null with TMO_EINVAL recorded.
const pb::instance* complete(const tmo_budget_election* election) {
    if (election == nullptr) {
        null_argument("election");
        return nullptr;
    }
    if (!election->complete) {
        fail(TMO_EINVAL, "the election is not complete: call tmo_budget_election_finish first");
        return nullptr;
    }
    return election->complete.get();
}

// The builder of an election being built, or null with TMO_EINVAL recorded.
pb::election_builder* building(tmo_budget_election* election) {
    if (election == nullptr) {
        null_argument("election");
        return nullptr;
    }
    if (!election->builder) {
        fail(TMO_EINVAL, election->complete ? "the election is complete and can no longer change"
                                            : "the election could not be finished: free it");
        return nullptr;
    }
    return &*election->builder;
}

int adopt(tmo_budget_election** out, tmo::result<pb::pabulib_file> parsed) {
    if (!parsed) return fail(parsed.error());
    auto election = std::make_unique<tmo_budget_election>();
    election->complete = std::make_shared<const pb::instance>(std::move(parsed->election));
    *out = election.release();
    return TMO_OK;
}

int report(const tmo::result<void>& done) { return done ? TMO_OK : fail(done.error()); }

// The outcome's round `index`, or null with TMO_EINVAL recorded.
const tmo_budget_outcome* round_of(const tmo_budget_outcome* outcome, size_t index) {
    if (outcome == nullptr) {
        null_argument("outcome");
        return nullptr;
    }
    if (index >= outcome->result.selected.size()) {
        fail(TMO_EINVAL, "index " + std::to_string(index) + " is out of range: the outcome funds " +
                             std::to_string(outcome->result.selected.size()) + " projects");
        return nullptr;
    }
    return outcome;
}

// The body of tmo_budget_election_<count>: one count of a complete election.
template <class Number, class Count>
int election_count(Number* out, const tmo_budget_election* election, Count count) {
    if (out == nullptr) return null_argument("out");
    *out = 0;
    const pb::instance* inst = complete(election);
    if (inst == nullptr) return tmo_error_last()->code;
    *out = count(*inst);
    return TMO_OK;
}

// The body of tmo_budget_outcome_to_<format>: the outcome rendered by `render` into a caller's buffer.
int outcome_text(tmo_buf* out, const tmo_budget_outcome* outcome,
                 std::string (*render)(const pb::instance&, const pb::outcome&)) {
    if (out == nullptr) return null_argument("out");
    tmo_buf_dispose(out);
    if (outcome == nullptr) return null_argument("outcome");
    tmo::detail::set_buf(*out, render(*outcome->election, outcome->result));
    return TMO_OK;
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_budget_election_parse(tmo_budget_election** out, const char* text, size_t len, int format,
                                               const char* source_name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (text == nullptr) return null_argument("text");
        const std::string_view input(text, len);
        const std::string_view name = source_name != nullptr ? source_name : std::string_view();
        if (format != TMO_BUDGET_FORMAT_TOML && len > pb::max_election_file_bytes)
            return fail(TMO_ETOOLARGE, "the text is larger than 512 MiB, the most accepted");
        switch (format) {
            case TMO_BUDGET_FORMAT_PB: return adopt(out, pb::parse_pabulib(input, name));
            case TMO_BUDGET_FORMAT_TOML: return adopt(out, pb::parse_election_toml(input, name));
            case TMO_BUDGET_FORMAT_CSV: return adopt(out, pb::parse_election_csv(input, name));
            default:
                return fail(TMO_EINVAL, "unknown format " + std::to_string(format) +
                                            ": expected TMO_BUDGET_FORMAT_PB, _TOML or _CSV");
        }
    });
}

TMO_API int TMO_CALL tmo_budget_election_load(tmo_budget_election** out, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        return adopt(out, pb::load_election(std::filesystem::path(path)));
    });
}

TMO_API int TMO_CALL tmo_budget_election_new(tmo_budget_election** out) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        auto election = std::make_unique<tmo_budget_election>();
        election->builder.emplace();
        *out = election.release();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_budget_election_set(tmo_budget_election* election, const char* key,
                                             const char* value) noexcept {
    return guarded(__func__, [&]() -> int {
        pb::election_builder* builder = building(election);
        if (builder == nullptr) return tmo_error_last()->code;
        if (key == nullptr) return null_argument("key");
        if (value == nullptr) return null_argument("value");
        return report(builder->set(key, value, {{}, 0, 0, key}));
    });
}

TMO_API int TMO_CALL tmo_budget_election_add_project(tmo_budget_election* election, const char* id, const char* name,
                                                     const char* cost) noexcept {
    return guarded(__func__, [&]() -> int {
        pb::election_builder* builder = building(election);
        if (builder == nullptr) return tmo_error_last()->code;
        if (id == nullptr) return null_argument("id");
        if (cost == nullptr) return null_argument("cost");
        return report(builder->add_project(id, name != nullptr ? name : "", cost, {{}, 0, 0, "id"}, {{}, 0, 0, "cost"}));
    });
}

TMO_API int TMO_CALL tmo_budget_election_add_ballot(tmo_budget_election* election, const char* voter_id,
                                                    const char* const* project_ids, const int64_t* points,
                                                    size_t count) noexcept {
    return guarded(__func__, [&]() -> int {
        pb::election_builder* builder = building(election);
        if (builder == nullptr) return tmo_error_last()->code;
        if (project_ids == nullptr && count > 0) return null_argument("project_ids");
        const bool with_points =
            builder->type() == pb::vote_type::cumulative || builder->type() == pb::vote_type::scoring;
        if (with_points && points == nullptr && count > 0) return null_argument("points");
        std::vector<pb::ballot_entry> entries;
        for (size_t i = 0; i < count; ++i) {
            const std::string argument = "project_ids[" + std::to_string(i) + "]";
            if (project_ids[i] == nullptr) return null_argument(argument.c_str());
            entries.push_back({project_ids[i], with_points ? points[i] : 0, {{}, 0, 0, argument}});
        }
        const std::string voter = voter_id != nullptr ? voter_id : "#" + std::to_string(election->ballots_added + 1);
        const int status = report(builder->add_ballot(voter, entries, {{}, 0, 0, "voter_id"}));
        if (status == TMO_OK) ++election->ballots_added;
        return status;
    });
}

TMO_API int TMO_CALL tmo_budget_election_finish(tmo_budget_election* election) noexcept {
    return guarded(__func__, [&]() -> int {
        pb::election_builder* builder = building(election);
        if (builder == nullptr) return tmo_error_last()->code;
        auto finished = builder->finish();
        election->builder.reset();
        if (!finished) return fail(finished.error());
        election->complete = std::make_shared<const pb::instance>(std::move(finished->election));
        return TMO_OK;
    });
}

// Destroying a handle cannot throw: no try block, and the last error is left untouched.
TMO_API void TMO_CALL tmo_budget_election_free(tmo_budget_election* election) noexcept { delete election; }

TMO_API int TMO_CALL tmo_budget_election_project_count(size_t* out, const tmo_budget_election* election) noexcept {
    return guarded(__func__, [&] {
        return election_count(out, election, [](const pb::instance& i) { return i.projects.size(); });
    });
}

TMO_API int TMO_CALL tmo_budget_election_voter_count(uint64_t* out, const tmo_budget_election* election) noexcept {
    return guarded(__func__, [&] {
        return election_count(out, election, [](const pb::instance& i) { return i.voter_count(); });
    });
}

TMO_API int TMO_CALL tmo_budget_options_new(tmo_budget_options** out) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        *out = new tmo_budget_options();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_budget_options_set(tmo_budget_options* options, const char* name, const char* value) noexcept {
    return guarded(__func__, [&]() -> int {
        if (options == nullptr) return null_argument("options");
        if (name == nullptr) return null_argument("name");
        if (value == nullptr) return null_argument("value");
        const tmo::result<void> done = options->settings.set(name, value);
        if (!done) return fail(tmo::error(done.error().code(), done.error().message(), {{}, 0, 0, name}));
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_budget_options_free(tmo_budget_options* options) noexcept { delete options; }

TMO_API int TMO_CALL tmo_budget_run(tmo_budget_outcome** out, const tmo_budget_election* election, const char* rule,
                                    const tmo_budget_options* options) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        const pb::instance* inst = complete(election);
        if (inst == nullptr) return tmo_error_last()->code;
        const std::string name = rule != nullptr ? std::string(rule) : pb::default_rule(*inst);
        auto result = pb::run(*inst, name, options != nullptr ? options->settings : pb::rule_settings());
        if (!result) return fail(result.error());

        auto outcome = std::make_unique<tmo_budget_outcome>();
        outcome->election = election->complete;
        outcome->result = std::move(*result);
        outcome->cost = outcome->result.cost.to_exact_text();
        for (const pb::purchase& p : outcome->result.rounds) outcome->measures.push_back(p.measure.to_exact_text());
        for (std::size_t p = 0; p < inst->projects.size(); ++p)
            outcome->explanations.push_back(pb::explain_project(*inst, outcome->result, p));
        *out = outcome.release();
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_budget_outcome_free(tmo_budget_outcome* outcome) noexcept { delete outcome; }

TMO_API int TMO_CALL tmo_budget_outcome_selected_count(size_t* out, const tmo_budget_outcome* outcome) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (outcome == nullptr) return null_argument("outcome");
        *out = outcome->result.selected.size();
        return TMO_OK;
    });
}

TMO_API const char* TMO_CALL tmo_budget_outcome_selected_id(const tmo_budget_outcome* outcome, size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (round_of(outcome, index) == nullptr) return nullptr;
        return outcome->election->projects[outcome->result.selected[index]].id.c_str();
    });
}

TMO_API const char* TMO_CALL tmo_budget_outcome_cost(const tmo_budget_outcome* outcome) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (outcome == nullptr) {
            null_argument("outcome");
            return nullptr;
        }
        return outcome->cost.c_str();
    });
}

TMO_API const char* TMO_CALL tmo_budget_outcome_round_measure(const tmo_budget_outcome* outcome, size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (round_of(outcome, index) == nullptr) return nullptr;
        return outcome->measures[index].c_str();
    });
}

TMO_API const char* TMO_CALL tmo_budget_outcome_round_explanation(const tmo_budget_outcome* outcome,
                                                                  size_t index) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (round_of(outcome, index) == nullptr) return nullptr;
        return outcome->explanations[outcome->result.selected[index]].c_str();
    });
}

TMO_API const char* TMO_CALL tmo_budget_outcome_project_explanation(const tmo_budget_outcome* outcome,
                                                                    const char* project_id) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (outcome == nullptr) {
            null_argument("outcome");
            return nullptr;
        }
        if (project_id == nullptr) {
            null_argument("project_id");
            return nullptr;
        }
        const auto p = outcome->election->find_project(project_id);
        if (!p) {
            fail(TMO_ENOTFOUND, "the election has no project \"" + std::string(project_id) + "\"");
            return nullptr;
        }
        return outcome->explanations[*p].c_str();
    });
}

TMO_API int TMO_CALL tmo_budget_outcome_to_json(tmo_buf* out, const tmo_budget_outcome* outcome) noexcept {
    return guarded(__func__, [&] { return outcome_text(out, outcome, pb::to_json); });
}

TMO_API int TMO_CALL tmo_budget_outcome_to_text(tmo_buf* out, const tmo_budget_outcome* outcome) noexcept {
    return guarded(__func__, [&] { return outcome_text(out, outcome, pb::to_text); });
}

}  // extern "C"
