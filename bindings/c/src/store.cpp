// bindings/c/src/store.cpp: the store, ballot conduct and the journal (tmo/store.h).
#include "count_options.hpp"
#include "waist.hpp"

#include <tmo/store/ballot.hpp>
#include <tmo/store/example.hpp>
#include <tmo/store/journal.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;
using tmo::detail::set_buf;

struct tmo_store {
    explicit tmo_store(tmo::store::database d) : db(std::move(d)) {}
    tmo::store::database db;
};

namespace {

// TMO_EINVAL for the first NULL of the named arguments, else TMO_OK.
int need(std::initializer_list<std::pair<const void*, const char*>> arguments) {
    for (const auto& [pointer, name] : arguments) {
        if (pointer == nullptr) return null_argument(name);
    }
    return TMO_OK;
}

// The ballot's name, title, close of poll and rule (checked non-NULL by the caller) into `spec`. @return TMO_OK, or
// the error of parse_date_argument.
int common_spec(tmo::store::ballot_spec& spec, const char* name, const char* title, const char* day, const char* rule) {
    if (const int status = tmo::detail::parse_date_argument(spec.day, day, "day"); status != TMO_OK) return status;
    spec.name = name;
    spec.title = title;
    spec.rule = rule;
    return TMO_OK;
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_store_open(tmo_store** out, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        auto db = tmo::store::database::open(std::filesystem::path(path));
        if (!db) return fail(db.error());
        *out = new tmo_store(std::move(*db));
        return TMO_OK;
    });
}

// Closing a handle cannot fail: the last error is left untouched.
TMO_API void TMO_CALL tmo_store_free(tmo_store* store) noexcept { delete store; }

TMO_API int TMO_CALL tmo_store_import_register(size_t* out, tmo_store* store, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (const int status = need({{store, "store"}, {path, "path"}}); status != TMO_OK) return status;
        auto reg = tmo::decision::load_register_csv(std::filesystem::path(path));
        if (!reg) return fail(reg.error());
        auto stored = store->db.import_register(*reg);
        if (!stored) return fail(stored.error());
        *out = *stored;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_store_load_example(tmo_store* store, const char* data_dir) noexcept {
    return guarded(__func__, [&]() -> int {
        if (const int status = need({{store, "store"}, {data_dir, "data_dir"}}); status != TMO_OK) return status;
        auto loaded = tmo::store::load_example(store->db, std::filesystem::path(data_dir));
        return loaded ? TMO_OK : fail(loaded.error());
    });
}

TMO_API int TMO_CALL tmo_ballot_open(tmo_store* store, const tmo_constitution* constitution, const char* name,
                                     const char* title, const char* day, const char* rule) noexcept {
    return guarded(__func__, [&]() -> int {
        if (const int status = need({{store, "store"}, {constitution, "constitution"}, {name, "name"},
                                     {title, "title"}, {day, "day"}, {rule, "rule"}});
            status != TMO_OK)
            return status;
        tmo::store::ballot_spec spec;
        if (const int status = common_spec(spec, name, title, day, rule); status != TMO_OK) return status;
        const tmo::constitution& rules = tmo::detail::rules_of(*constitution);
        auto ballot_rule = tmo::store::find_ballot_rule(&rules, rule);
        if (!ballot_rule) return fail(ballot_rule.error());
        auto opened = tmo::store::open_ballot(store->db, spec, rules.membership, ballot_rule->electorate);
        return opened ? TMO_OK : fail(opened.error());
    });
}

TMO_API int TMO_CALL tmo_ballot_open_election(tmo_store* store, const tmo_constitution* constitution,
                                              const char* name, const char* title, const char* day, const char* rule,
                                              const char* const* candidates, size_t count, uint32_t seats,
                                              const tmo_count_options* options) noexcept {
    return guarded(__func__, [&]() -> int {
        if (const int status = need({{store, "store"}, {constitution, "constitution"}, {name, "name"},
                                     {title, "title"}, {day, "day"}, {rule, "rule"}, {candidates, "candidates"}});
            status != TMO_OK)
            return status;
        tmo::store::ballot_spec spec;
        if (const int status = common_spec(spec, name, title, day, rule); status != TMO_OK) return status;
        spec.kind = tmo::store::ballot_kind::election;
        spec.seats = seats;
        for (size_t i = 0; i < count; ++i) {
            if (candidates[i] == nullptr) return null_argument(("candidates[" + std::to_string(i) + "]").c_str());
            spec.candidates.emplace_back(candidates[i]);
        }
        if (options != nullptr) spec.settings = options->settings;
        const tmo::constitution& rules = tmo::detail::rules_of(*constitution);
        auto opened = tmo::store::open_ballot(store->db, spec, rules.membership, {});
        return opened ? TMO_OK : fail(opened.error());
    });
}

TMO_API int TMO_CALL tmo_ballot_issue_codes(tmo_buf* out, tmo_store* store, const char* ballot) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (const int status = need({{store, "store"}, {ballot, "ballot"}}); status != TMO_OK) return status;
        auto codes = tmo::store::issue_codes(store->db, ballot);
        if (!codes) return fail(codes.error());
        set_buf(*out, tmo::store::codes_csv(*codes));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_ballot_cast(tmo_store* store, const char* ballot, const char* code,
                                     const char* paper) noexcept {
    return guarded(__func__, [&]() -> int {
        if (const int status = need({{store, "store"}, {ballot, "ballot"}, {code, "code"}, {paper, "paper"}});
            status != TMO_OK)
            return status;
        auto cast = tmo::store::cast(store->db, ballot, code, paper);
        return cast ? TMO_OK : fail(cast.error());
    });
}

TMO_API int TMO_CALL tmo_ballot_turnout(tmo_buf* out, tmo_store* store, const char* ballot) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (const int status = need({{store, "store"}, {ballot, "ballot"}}); status != TMO_OK) return status;
        auto t = tmo::store::turnout(store->db, ballot);
        if (!t) return fail(t.error());
        set_buf(*out, tmo::store::to_text(*t));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_ballot_close(tmo_buf* out, tmo_store* store, const char* ballot) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (const int status = need({{store, "store"}, {ballot, "ballot"}}); status != TMO_OK) return status;
        auto digest = tmo::store::close_ballot(store->db, ballot);
        if (!digest) return fail(digest.error());
        set_buf(*out, *digest);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_ballot_count(tmo_buf* out, int* carried_out, tmo_store* store,
                                      const tmo_constitution* constitution, const char* ballot) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (carried_out != nullptr) *carried_out = 0;
        if (const int status = need({{store, "store"}, {ballot, "ballot"}}); status != TMO_OK) return status;
        const tmo::constitution* rules = constitution != nullptr ? &tmo::detail::rules_of(*constitution) : nullptr;
        auto info = tmo::store::find_ballot(store->db, ballot);
        if (!info) return fail(info.error());
        std::optional<tmo::ballot_rules> rule;
        if (info->spec.kind == tmo::store::ballot_kind::question) {
            auto found = tmo::store::find_ballot_rule(rules, info->spec.rule);
            if (!found) return fail(found.error());
            rule = std::move(*found);
        }
        auto counted = tmo::store::count_ballot(store->db, ballot, rule ? &*rule : nullptr);
        if (!counted) return fail(counted.error());
        set_buf(*out, tmo::store::to_text(*counted));
        if (carried_out != nullptr) *carried_out = counted->carried ? 1 : 0;
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_store_journal(tmo_buf* out, tmo_store* store) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (store == nullptr) return null_argument("store");
        auto entries = tmo::store::journal(store->db);
        if (!entries) return fail(entries.error());
        set_buf(*out, tmo::store::to_text(*entries));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_store_verify(tmo_buf* out, int* intact_out, tmo_store* store) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (intact_out != nullptr) *intact_out = 0;
        if (store == nullptr) return null_argument("store");
        auto v = tmo::store::verify(store->db);
        if (!v) return fail(v.error());
        set_buf(*out, v->sentence);
        if (intact_out != nullptr) *intact_out = v->intact ? 1 : 0;
        return TMO_OK;
    });
}

}  // extern "C"
