// Private to the library: TOML input made safe, shared by every reader of TOML files (constitutions, committee and
// calendar files). toml++ is used header-only with our own limits (style.md §2.1); only the few translation units
// that read TOML include this header, and they all see the same configuration macros.
#pragma once

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_MAX_NESTED_VALUES 128
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <tmo/core/date.hpp>
#include <tmo/rules/constitution.hpp>
#include <tmo/core/error.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tmo::detail {

/// The most dotted-key parts accepted (a longer key exhausts toml++ 3.3.0's stack).
inline constexpr std::size_t max_toml_dotted_key_parts = 32;

/// Parses TOML text after the pre-scan that keeps toml++ 3.3.0 away from the inputs it mishandles (over
/// `max_bytes`, control bytes, invalid UTF-8, non-ASCII outside strings and comments, long dotted keys, a few
/// shapes that make it assert). `what` names the input in the size message ("the constitution").
/// @return the table, or errc::too_large / errc::syntax with file, line and column (no key path).
[[nodiscard]] result<toml::table> parse_toml(std::string_view text, const std::string& file, std::size_t max_bytes,
                                             std::string_view what);

/// Reads a whole file of at most `max_bytes` (one byte more is read, so a larger file is seen to be larger).
/// @return the text, or errc::io naming the file and why it cannot be read.
[[nodiscard]] result<std::string> read_input_file(const std::filesystem::path& file, std::size_t max_bytes);

/// Thrown inside a reader only, to stop at the first error; the reader's caller turns it into a result.
struct toml_stop {
    error err;
};

// Every enum read by name runs from 0 without gaps and its name() gives "?" past the last value, so the names need
// no second list that could fall out of step.
template <class E>
std::optional<E> from_name(std::string_view text) {
    for (int i = 0;; ++i) {
        const std::string_view n = name(static_cast<E>(i));
        if (n == "?") return std::nullopt;
        if (n == text) return static_cast<E>(i);
    }
}

template <class E>
std::string names_of() {
    std::string out;
    for (int i = 0; std::string_view(name(static_cast<E>(i))) != "?"; ++i)
        out += std::string(i ? ", " : "") + "\"" + name(static_cast<E>(i)) + "\"";
    return out;
}

/// "a table", "an integer", "a TOML float", ...
[[nodiscard]] std::string type_name(const toml::node& n);
/// A string as shown in a message: quoted, and shortened if long.
[[nodiscard]] std::string shown(std::string_view s);
/// `path` extended by `key`, quoted where TOML needs it.
[[nodiscard]] std::string join(const std::string& path, std::string_view key);
/// `path` extended by an array index ("tests[2]").
[[nodiscard]] std::string element(const std::string& path, std::size_t i);
/// "at the top level" or "in [path]".
[[nodiscard]] std::string where(const std::string& path);
/// "a, b, c".
[[nodiscard]] std::string key_list(std::initializer_list<std::string_view> keys);

/// The typed accessors of a TOML reader: each checks a node's type and range and, when it is wrong, throws
/// toml_stop with the file, line, column and key path, and a message saying what was expected. Every key path read
/// is remembered, so that a later check (validate()) can point at the key it names.
class toml_reader {
public:
    explicit toml_reader(std::string file) : file_(std::move(file)) {}

    /// Where a problem found after reading lies: the position of the key `key_path` names, or of the nearest
    /// enclosing table read.
    [[nodiscard]] source_location locate(const std::string& key_path) const;

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

    /// A period: { days = n } or { months = n }, never both.
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

    /// A date: a TOML local date (2025-06-30) or a string "2025-06-30".
    date day(const toml::node& n, const std::string& path);

    /// Remembers where `path` was read, for locate().
    void saw(const std::string& path, const toml::node& n) { seen_[path] = n.source().begin; }

    const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
    std::map<std::string, toml::source_position> seen_;  // every key path read, for locate()
};

}  // namespace tmo::detail
