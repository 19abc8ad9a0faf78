// The private TOML layer: every reader of TOML in tmo (constitutions, meeting and ballot files) goes through it.
// toml++ is used header-only, with our own limits, behind a pre-scan that keeps toml++ 3.3.0 away from the inputs
// it mishandles (style.md §1, §2.1). Only the TOML readers include this header.
#pragma once

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_MAX_NESTED_VALUES 128
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <tmo/core/date.hpp>
#include <tmo/rules/constitution.hpp>

#include "core/text_input.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tmo {
namespace detail {

/// Checks `text` before toml++ sees it (size over `limit` bytes, what TOML never allows, the shapes toml++ 3.3.0
/// mishandles; docs/constitution.md "Limits on the input"), then parses it. `what` names the input in the size
/// message ("the constitution"). @return the root table, or errc::too_large / errc::syntax with file, line and column.
[[nodiscard]] result<toml::table> parse_toml(std::string_view text, const std::string& file, std::size_t limit,
                                             std::string_view what);

/// Thrown by toml_reader to stop at the first error; each reader's entry point turns it into a result.
struct toml_stop {
    error err;
};

/// "a table", "an integer", "a TOML float", ...
[[nodiscard]] std::string type_name(const toml::node& n);
/// A string as shown in a message: quoted, and shortened if long.
[[nodiscard]] std::string shown(std::string_view s);
/// "a.b" + "c"; element("a.b", 2) = "a.b[2]"; where("a") = "in [a]".
[[nodiscard]] std::string join(const std::string& path, std::string_view key);
[[nodiscard]] std::string element(const std::string& path, std::size_t i);
[[nodiscard]] std::string where(const std::string& path);
/// The path without its last key or index ("a.b[2]" -> "a.b", "a.\"x.y\"" -> "a").
[[nodiscard]] std::string parent_path(const std::string& path);
/// "a, b, c".
[[nodiscard]] std::string key_list(std::initializer_list<std::string_view> keys);

/// The typed readers of TOML values shared by every schema: each records the position of the key it read (for
/// locate()) and throws toml_stop with file, line, column and key path when the value is not what was expected.
class toml_reader {
public:
    explicit toml_reader(std::string file) : file_(std::move(file)) {}

    // Where a later check found a problem: the position of the key it names, or of the nearest enclosing table read.
    [[nodiscard]] source_location locate(const std::string& key_path) const {
        for (std::string path = key_path;; path = parent_path(path)) {
            if (auto it = seen_.find(path); it != seen_.end())
                return {file_, it->second.line, it->second.column, key_path};
            if (path.empty()) return {file_, 1, 1, key_path};
        }
    }

protected:
    [[noreturn]] void fail(errc code, std::string message, const toml::source_position& at, std::string path) const {
        throw toml_stop{error(code, std::move(message), source_location{file_, at.line, at.column, std::move(path)})};
    }
    [[noreturn]] void fail(errc code, std::string message, const toml::node& at, std::string path) const {
        fail(code, std::move(message), at.source().begin, std::move(path));
    }

    void keys(const toml::table& t, const std::string& path, std::initializer_list<std::string_view> allowed) const {
        for (auto&& [key, node] : t) {
            bool known = false;
            for (std::string_view a : allowed) known = known || key.str() == a;
            if (!known)
                fail(errc::unknown_key,
                     "unknown key '" + std::string(key.str()) + "' " + where(path) +
                         "; expected one of: " + key_list(allowed),
                     key.source().begin, join(path, key.str()));
        }
    }

    const toml::node& need(const toml::table& t, const std::string& path, std::string_view key,
                           std::string_view hint = {}) const {
        if (const toml::node* n = t.get(key)) return *n;
        fail(errc::missing_key,
             "missing key '" + std::string(key) + "' " + where(path) + (hint.empty() ? "" : "; " + std::string(hint)),
             t, join(path, key));
    }

    const toml::table& table(const toml::node& n, const std::string& path, std::string_view expected = "a table") {
        seen_[path] = n.source().begin;
        if (const toml::table* t = n.as_table()) return *t;
        fail(errc::wrong_type, "expected " + std::string(expected) + ", found " + type_name(n), n, path);
    }

    const toml::array& array(const toml::node& n, const std::string& path, std::string_view expected) {
        seen_[path] = n.source().begin;
        if (const toml::array* a = n.as_array()) return *a;
        fail(errc::wrong_type, "expected " + std::string(expected) + ", found " + type_name(n), n, path);
    }

    std::string text(const toml::node& n, const std::string& path) {
        seen_[path] = n.source().begin;
        if (const auto* s = n.as_string()) return s->get();
        fail(errc::wrong_type, "expected a string, found " + type_name(n), n, path);
    }

    bool flag(const toml::node& n, const std::string& path) {
        seen_[path] = n.source().begin;
        if (const auto* b = n.as_boolean()) return b->get();
        fail(errc::wrong_type, "expected true or false, found " + type_name(n), n, path);
    }

    std::uint32_t count(const toml::node& n, const std::string& path) {
        seen_[path] = n.source().begin;
        const auto* i = n.as_integer();
        if (!i) fail(errc::wrong_type, "expected a whole number, found " + type_name(n), n, path);
        constexpr auto most = std::numeric_limits<std::uint32_t>::max();
        if (i->get() < 0 || i->get() > std::int64_t{most})
            fail(errc::invalid_value,
                 "expected a whole number from 0 to " + std::to_string(most) + ", found " + std::to_string(i->get()), n,
                 path);
        return static_cast<std::uint32_t>(i->get());
    }

    rational fraction(const toml::node& n, const std::string& path) {
        seen_[path] = n.source().begin;
        if (n.is_floating_point())
            fail(errc::wrong_type,
                 "a TOML float is not exact: write the fraction as a string such as \"2/3\" or \"66.67%\"", n, path);
        if (const auto* i = n.as_integer()) return rational(i->get());
        const auto* s = n.as_string();
        if (!s)
            fail(errc::wrong_type,
                 "expected a fraction as a string such as \"2/3\", \"0.75\" or \"75%\", found " + type_name(n), n,
                 path);
        result<rational> r = rational::parse(s->get());
        if (r) return *r;
        if (r.error().code() == errc::syntax)
            fail(errc::syntax, shown(s->get()) + " is not a fraction: write it as \"2/3\", \"0.75\" or \"75%\"", n,
                 path);
        fail(r.error().code() == errc::domain ? errc::invalid_value : r.error().code(),
             shown(s->get()) + " is not a usable fraction: " + r.error().message(), n, path);
    }

    template <class E>
    E choice(const toml::node& n, const std::string& path, std::string_view what) {
        seen_[path] = n.source().begin;
        const auto* s = n.as_string();
        if (!s)
            fail(errc::wrong_type,
                 "expected a " + std::string(what) + " (one of: " + names_of<E>() + "), found " + type_name(n), n,
                 path);
        if (std::optional<E> e = from_name<E>(s->get())) return *e;
        fail(errc::invalid_value,
             "unknown " + std::string(what) + " " + shown(s->get()) + "; expected one of: " + names_of<E>(), n, path);
    }

    std::vector<tenure_class> classes(const toml::node& n, const std::string& path) {
        std::vector<tenure_class> out;
        const toml::array& a = array(n, path, "an array of tenure classes such as [\"secure_tenant\"]");
        for (std::size_t i = 0; i < a.size(); ++i)
            out.push_back(choice<tenure_class>(a[i], element(path, i), "tenure class"));
        return out;
    }

    std::vector<threshold_test> tests(const toml::node& n, const std::string& path) {
        std::vector<threshold_test> out;
        const toml::array& a = array(
            n, path, "an array of tests such as [{ base = \"votes_cast\", fraction = \"1/2\", compare = \">\" }]");
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string item = element(path, i);
            const toml::table& t =
                table(a[i], item, "a test such as { base = \"votes_cast\", fraction = \"1/2\", compare = \">\" }");
            keys(t, item, {"base", "fraction", "compare", "classes"});
            threshold_test test;
            test.base = choice<vote_base>(need(t, item, "base"), join(item, "base"), "base");
            test.fraction = fraction(need(t, item, "fraction"), join(item, "fraction"));
            test.compare = choice<comparison>(need(t, item, "compare"), join(item, "compare"), "comparison");
            if (const toml::node* v = t.get("classes")) test.classes = classes(*v, join(item, "classes"));
            out.push_back(std::move(test));
        }
        return out;
    }

    std::optional<turnout_floor> turnout(const toml::node& n, const std::string& path) {
        if (const auto* s = n.as_string()) {
            seen_[path] = n.source().begin;
            if (s->get() == "none") return std::nullopt;
            fail(errc::invalid_value,
                 "unknown turnout floor " + shown(s->get()) +
                     "; expected \"none\" or a table such as { fraction = \"1/2\", compare = \">=\" }",
                 n, path);
        }
        const toml::table& t =
            table(n, path, "\"none\" or a turnout floor such as { fraction = \"1/2\", compare = \">=\" }");
        keys(t, path, {"fraction", "compare", "classes"});
        turnout_floor f;
        f.fraction = fraction(need(t, path, "fraction"), join(path, "fraction"));
        f.compare = choice<comparison>(need(t, path, "compare"), join(path, "compare"), "comparison");
        if (const toml::node* v = t.get("classes")) f.classes = classes(*v, join(path, "classes"));
        return f;
    }

    period span(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path, "a period such as { days = 14 } or { months = 1 }");
        keys(t, path, {"days", "months"});
        const toml::node* days = t.get("days");
        const toml::node* months = t.get("months");
        if (!days && !months) fail(errc::missing_key, "the period " + where(path) + " needs days or months", t, path);
        if (days && months)
            fail(errc::invalid_value, "a period is in days or in months, not both", *months, join(path, "months"));
        period p;
        p.in = days ? period::unit::days : period::unit::months;
        p.count = days ? count(*days, join(path, "days")) : count(*months, join(path, "months"));
        return p;
    }

    // A TOML local date (2026-06-25) as a civil date.
    date day(const toml::node& n, const std::string& path) {
        seen_[path] = n.source().begin;
        const auto* d = n.as_date();
        if (!d)
            fail(errc::wrong_type, "expected a date such as 2026-06-25 (no quotes), found " + type_name(n), n, path);
        const toml::date v = d->get();
        const date out{std::chrono::year(v.year), std::chrono::month(v.month), std::chrono::day(v.day)};
        if (!out.ok()) fail(errc::invalid_value, "there is no such day", n, path);
        return out;
    }

    // The position of a node, for messages given after reading (an unknown member id).
    [[nodiscard]] source_location at(const toml::node& n, const std::string& path) const {
        return {file_, n.source().begin.line, n.source().begin.column, path};
    }

    std::string file_;
    std::map<std::string, toml::source_position> seen_;  // every key path read, for locate()
};

}  // namespace detail
}  // namespace tmo
