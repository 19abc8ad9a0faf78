// The library's safe way of reading TOML (private to src/): every TOML reader of tmo (constitutions, contracts,
// tenders) goes through here.
//
// toml++ 3.3.0 is used header-only with our own limits, behind a pre-scan that keeps it away from the inputs it
// mishandles (style.md §1, §2.1): a size cap, control bytes and invalid UTF-8, non-ASCII outside strings and
// comments, long dotted keys. toml_reader then walks the tree with typed getters whose errors name the file, line,
// column and key path and say what was expected; every key path read is remembered so that a later check (a
// validate() step) can be located too.
#pragma once

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_MAX_NESTED_VALUES 128
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <tmo/core/date.hpp>
#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/rules/constitution.hpp>

#include "toml/text.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tmo::detail {

/// What a kind of document may be.
struct toml_limits {
    std::size_t max_bytes = 64 * 1024;     ///< larger input is refused before parsing
    std::size_t max_dotted_key_parts = 32;
    std::string_view noun = "the file";     ///< "the constitution": starts the too-large message
    std::string_view table_example = "[table]";  ///< shown when a '[' is not followed by a table name
};

/// Checks `text` (pre-scan) and parses it. @return the root table, or the first error with its file, line and
/// column: errc::too_large, errc::syntax.
[[nodiscard]] result<toml::table> parse_toml(std::string_view text, const std::string& file,
                                             const toml_limits& limits);

/// Thrown by toml_reader::fail to stop at the first error; the reader's caller turns it into a result.
struct toml_stop {
    error err;
};

/// How a key path reads in a message ("at the top level", "in [meetings.general]").
[[nodiscard]] std::string where(const std::string& path);
/// `path` extended by a key (quoted if not bare) or an array index ("criteria[2]").
[[nodiscard]] std::string join(const std::string& path, std::string_view key);
[[nodiscard]] std::string element(const std::string& path, std::size_t i);
/// A string as shown in a message: quoted, and shortened if long.
[[nodiscard]] std::string shown(std::string_view s);
/// "a table", "an integer", "a TOML float", ...
[[nodiscard]] std::string type_name(const toml::node& n);

/// Walks a parsed TOML tree. Each getter records the key path it read and throws toml_stop with a precise error
/// when the value is not what was expected.
class toml_reader {
public:
    explicit toml_reader(std::string file) : file_(std::move(file)) {}

    /// Where a later check found a problem: the position of the key it names, or of the nearest enclosing table
    /// or array read.
    [[nodiscard]] source_location locate(const std::string& key_path) const;
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

    [[noreturn]] void fail(errc code, std::string message, const toml::source_position& at, std::string path) const;
    [[noreturn]] void fail(errc code, std::string message, const toml::node& at, std::string path) const;
    /// Fails at the location locate() gives for `path`.
    [[noreturn]] void fail_at(errc code, std::string message, const std::string& path) const;

    /// Remembers that `path` was read at `n` (getters do this themselves).
    void mark(const std::string& path, const toml::node& n) { seen_[path] = n.source().begin; }

    /// Refuses any key of `t` not in `allowed` (errc::unknown_key, listing the allowed keys).
    void keys(const toml::table& t, const std::string& path, std::initializer_list<std::string_view> allowed) const;
    /// The value of `key`, or errc::missing_key with `hint` ("add a [contract] table").
    const toml::node& need(const toml::table& t, const std::string& path, std::string_view key,
                           std::string_view hint = {}) const;

    const toml::table& table(const toml::node& n, const std::string& path, std::string_view expected = "a table");
    /// Calls f(table, path) on each table of the array of tables at `n` (written [[path]]).
    template <class F>
    void each_table(const toml::node& n, const std::string& path, F&& f) {
        const toml::array& a = array(n, path, "an array of tables, written [[" + path + "]]");
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string item = element(path, i);
            f(table(a[i], item), item);
        }
    }
    const toml::array& array(const toml::node& n, const std::string& path, std::string_view expected);
    std::string text(const toml::node& n, const std::string& path);
    bool flag(const toml::node& n, const std::string& path);
    /// A whole number from 0 to 2^32 - 1.
    std::uint32_t count(const toml::node& n, const std::string& path);
    /// A whole number from `least` to `most`.
    std::int64_t whole(const toml::node& n, const std::string& path, std::int64_t least, std::int64_t most);
    /// An exact number: an integer, or a string such as "2/3", "0.75" or "75%"; a TOML float is refused.
    rational fraction(const toml::node& n, const std::string& path);
    /// A date: a TOML local date (2025-04-01) or a string "2025-04-01".
    date day(const toml::node& n, const std::string& path);
    /// An amount of money: a string such as "4800.00", "£4,800.00" or "-96.00" (exact, at most two decimals).
    money amount(const toml::node& n, const std::string& path);
    /// One of `names` (a string); its index. `what` names the kind of value in messages ("VAT treatment").
    std::size_t one_of(const toml::node& n, const std::string& path, std::string_view what,
                       std::initializer_list<std::string_view> names);

    /// One of the names of enum E (name(E) gives them); `what` names the kind of value in messages.
    template <class E>
    E choice(const toml::node& n, const std::string& path, std::string_view what) {
        mark(path, n);
        const auto* s = n.as_string();
        if (!s)
            fail(errc::wrong_type,
                 "expected a " + std::string(what) + " (one of: " + names_of<E>() + "), found " + type_name(n), n,
                 path);
        if (std::optional<E> e = from_name<E>(s->get())) return *e;
        fail(errc::invalid_value,
             "unknown " + std::string(what) + " " + shown(s->get()) + "; expected one of: " + names_of<E>(), n, path);
    }

    /// A period: { days = N } or { months = N }.
    period span(const toml::node& n, const std::string& path);

private:
    std::string file_;
    std::map<std::string, toml::source_position> seen_;  // every key path read, for locate()
};

}  // namespace tmo::detail
