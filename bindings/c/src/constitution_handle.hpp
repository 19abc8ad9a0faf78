// bindings/c/src/constitution_handle.hpp: the tmo_constitution handle, shared by the entry points that read one
// (private to the tmo_c library).
#pragma once

#include <tmo/tmo.h>

#include <tmo/rules/constitution.hpp>

#include <string>
#include <utility>
#include <vector>

// The handle: the C++ constitution, plus the text that borrowed-string getters hand out, built once at creation so
// that a handle is never modified afterwards and can be read from several threads.
struct tmo_constitution {
    struct resolution_entry {
        const std::string* name;              // the key in rules.resolutions
        const tmo::resolution_rules* rules;
        std::vector<std::string> tests;       // threshold_test::describe() of each test, in order
    };

    explicit tmo_constitution(tmo::constitution parsed) : rules(std::move(parsed)) {
        resolutions.reserve(rules.resolutions.size());
        for (const auto& [name, resolution] : rules.resolutions) {
            resolution_entry entry{&name, &resolution, {}};
            entry.tests.reserve(resolution.tests.size());
            for (const tmo::threshold_test& test : resolution.tests) entry.tests.push_back(test.describe());
            resolutions.push_back(std::move(entry));
        }
        ballot_names.reserve(rules.ballots.size());
        for (const auto& ballot : rules.ballots) ballot_names.push_back(&ballot.first);
    }
    // The entries point into `rules`: the handle stays where it was created.
    tmo_constitution(const tmo_constitution&) = delete;
    tmo_constitution& operator=(const tmo_constitution&) = delete;

    const tmo::constitution rules;
    std::vector<resolution_entry> resolutions;  // in the order of rules.resolutions (ascending names)
    std::vector<const std::string*> ballot_names;
};


namespace tmo::detail {

/// The C++ meeting kind of a TMO_MEETING_... value. @return TMO_OK, or TMO_EINVAL recorded as the last error.
int meeting_kind_from_c(tmo::meeting_kind& out, int kind);

}  // namespace tmo::detail
