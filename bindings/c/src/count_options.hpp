// bindings/c/src/count_options.hpp: the tmo_count_options handle, shared by the entry points that take a count's
// options (private to the tmo_c library).
#pragma once

#include <tmo/tmo.h>

#include <tmo/vote/rules.hpp>

#include <vector>

// The options as the counting engine reads them, in the order they were set.
struct tmo_count_options {
    std::vector<tmo::vote::setting> settings;
};
