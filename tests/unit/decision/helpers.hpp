// Shared helpers of the decision module's unit tests.
#pragma once

#include <tmo/core/date.hpp>
#include <tmo/decision/register.hpp>
#include <tmo/rules/constitution.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace decision_test {

inline tmo::date day(std::string_view iso) { return tmo::parse_date(iso).value(); }

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

template <class T>
T ok(tmo::result<T> r) {
    if (!r) FAIL(r.error().to_string());
    return std::move(*r);
}

inline tmo::constitution preset(std::string_view name) { return ok(tmo::constitution_preset(name)); }

inline tmo::constitution riverside() {
    return ok(tmo::load_constitution(std::string(TMO_SOURCE_DIR) + "/examples/data/riverside_tmo.toml"));
}

/// A register of `n` secure tenants R1..Rn, each in their own household, adults who joined on 2020-01-01.
inline tmo::decision::member_register secure_tenants(unsigned n) {
    std::string csv = "id,name,household,tenure,born,joined,left\n";
    for (unsigned i = 1; i <= n; ++i)
        csv += "R" + std::to_string(i) + ",Member " + std::to_string(i) + ",H" + std::to_string(i) +
               ",secure_tenant,1970-01-01,2020-01-01,\n";
    return ok(tmo::decision::parse_register_csv(csv, "generated.csv"));
}

}  // namespace decision_test
