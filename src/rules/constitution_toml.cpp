// Reads a constitution from TOML. This is the only translation unit that includes toml++: header-only, with our
// own limits, behind a pre-scan that keeps toml++ 3.3.0 away from the inputs it mishandles (style.md §1, §2.1).
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_MAX_NESTED_VALUES 128
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <tmo/rules/constitution.hpp>

#include "rules/constitution_detail.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace {

// ---- checks made before toml++ sees the text --------------------------------------------------------------------

struct text_position {
    std::uint32_t line = 1;
    std::uint32_t column = 1;  // in code points
};

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";  // toml++ skips it; so do the positions here

std::string hex(std::uint32_t value, int digits) {
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%0*X", digits, static_cast<unsigned>(value));
    return buf.data();
}

std::string u_plus(char32_t cp) { return "U+" + hex(cp, 4); }

bool is_forbidden_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

bool is_bare_key_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The line and column of byte `offset`.
text_position position_of(std::string_view text, std::size_t offset) {
    text_position pos;
    for (std::size_t i = text.starts_with(utf8_bom) ? utf8_bom.size() : 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

// Rejects what TOML never allows and what toml++ 3.3.0 mishandles (style.md §1 gotcha 1, and what fuzzing this
// file found), before toml++ sees the text:
//   - invalid UTF-8, and control characters other than tab, line feed and carriage return;
//   - non-ASCII outside strings and comments: TOML 1.0 bare keys are ASCII, and toml++'s table of non-ASCII
//     whitespace has undefined behaviour for most code points (é among them) wherever toml++ consults it;
//   - the other places where toml++ consults that table: a string that starts inside a bare value such as a
//     number (toml++ reads the whole value first), a non-ASCII character after a backslash, and a non-ASCII
//     character first after a line-ending backslash (valid TOML, but unsafe on 3.3.0);
//   - dotted keys long enough to exhaust the stack;
//   - a table header whose '[' is not followed by a key, and a '}' directly inside an array: toml++ asserts (with
//     NDEBUG: assumes) the opposite.
// Strings, comments, brackets and values are tracked only well enough to find these; toml++ reports every other
// mistake, and stops at the first, so only the text up to toml++'s first error needs to be tracked exactly.
class prescanner {
public:
    prescanner(std::string_view text, const std::string& file, std::size_t max_bytes = max_constitution_bytes,
               std::string_view what = "the constitution")
        : text_(text), file_(file), max_bytes_(max_bytes), what_(what) {}

    std::optional<error> run() {
        if (text_.size() > max_bytes_)
            return fail(errc::too_large,
                        std::string(what_) + " is larger than " + std::to_string(max_bytes_) +
                            " bytes, the most accepted; the text from here on is over the limit",
                        position_of(text_, max_bytes_));
        i_ = text_.starts_with(utf8_bom) ? utf8_bom.size() : 0;
        while (i_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[i_]);
            std::size_t length = 1;
            if (c >= 0x80) {
                const detail::utf8_char ch = detail::decode_utf8(text_, i_);
                if (ch.length == 0)
                    return fail(errc::syntax,
                                "invalid UTF-8: the byte 0x" + hex(c, 2) + " does not begin a valid character", pos_);
                if (in_ == state::normal)
                    return fail(errc::syntax,
                                "the non-ASCII character " + u_plus(ch.code_point) +
                                    " is only allowed inside a string or a comment (bare keys are ASCII letters, "
                                    "digits, '_' and '-')",
                                pos_);
                length = ch.length;
            } else if (is_forbidden_control(c)) {
                return fail(errc::syntax, "control character " + u_plus(c) + " is not allowed in TOML", pos_);
            }

            std::size_t extra = 0;  // further ASCII bytes consumed with this one (the rest of a run of quotes)
            if (c < 0x80) {
                std::optional<error> e = in_ == state::normal ? normal(c, extra) : in_string_or_comment(c, extra);
                if (e) return e;
            }
            if (c == '\n') {
                line_start_ = true;
                in_header_ = false;
                if (open_.empty() || open_.back() == '{') value_next_ = false;
            } else if (c != ' ' && c != '\t') {
                line_start_ = false;
            }
            advance(length);
            for (std::size_t k = 0; k < extra; ++k) advance(1);
        }
        return std::nullopt;
    }

private:
    enum class state { normal, comment, basic, literal, multi_basic, multi_literal };

    static bool ends_value(unsigned char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' || c == '#';
    }

    std::optional<error> fail(errc code, std::string message, text_position at) const {
        return error(code, std::move(message), source_location{file_, at.line, at.column, {}});
    }

    void advance(std::size_t bytes) {
        if (text_[i_] == '\n') {
            ++pos_.line;
            pos_.column = 1;
        } else {
            ++pos_.column;
        }
        i_ += bytes;
    }

    std::size_t quote_run() const {
        std::size_t n = 0;
        while (i_ + n < text_.size() && text_[i_ + n] == text_[i_]) ++n;
        return n;
    }

    void end_key() {
        dots_ = 0;
        key_start_.reset();
    }

    std::optional<error> normal(unsigned char c, std::size_t& extra) {
        if (in_value_) {
            if (c == '"' || c == '\'')
                return fail(errc::syntax, "unexpected quote: a string cannot start in the middle of another value",
                            pos_);
            // toml++ reads a date, a space and a time ("1979-05-27 07:32:00") as one value, and asserts that more
            // than one digit follows the space; in valid TOML a lone digit never does.
            const bool date_time_space =
                c == ' ' && i_ + 1 < text_.size() && text_[i_ + 1] >= '0' && text_[i_ + 1] <= '9';
            if (date_time_space) {
                if (i_ + 2 < text_.size() && ends_value(static_cast<unsigned char>(text_[i_ + 2])))
                    return fail(errc::syntax,
                                "unexpected space in a value: separate values with ',' and write a date and time as "
                                "1979-05-27 07:32:00",
                                {pos_.line, pos_.column + 1});
                return std::nullopt;
            }
            if (!ends_value(c)) return std::nullopt;
            in_value_ = false;
        } else if (value_next_ && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '#') {
            value_next_ = false;
            if (c != '"' && c != '\'' && c != '[' && c != '{' && !ends_value(c)) {
                in_value_ = true;
                return std::nullopt;
            }
        }

        if (c == '#') {
            in_ = state::comment;
            end_key();
        } else if (c == '"' || c == '\'') {
            if (quote_run() >= 3) {
                in_ = c == '"' ? state::multi_basic : state::multi_literal;
                extra = 2;
                end_key();
            } else {
                in_ = c == '"' ? state::basic : state::literal;
                if (!key_start_) key_start_ = pos_;
            }
        } else if (c == '[' && line_start_ && open_.empty()) {
            in_header_ = true;
            end_key();
            return table_header();
        } else if (c == '}' && !open_.empty() && open_.back() == '[') {
            return fail(errc::syntax, "unexpected '}' in an array: expected a value, ',' or ']'", pos_);
        } else if (c == '[' || c == '{' || c == ']' || c == '}') {
            if (!in_header_) {
                if (c == '[' || c == '{') {
                    open_ += static_cast<char>(c);
                    value_next_ = c == '[';
                } else if (!open_.empty()) {
                    open_.pop_back();
                }
            }
            end_key();
        } else if (c == ',') {
            value_next_ = !open_.empty() && open_.back() == '[';
            end_key();
        } else if (c == '=' && !in_header_) {
            value_next_ = true;
            end_key();
        } else if (c == '.') {
            if (!key_start_) key_start_ = pos_;
            if (++dots_ >= max_dotted_key_parts)
                return fail(errc::too_large,
                            "a dotted key may have at most " + std::to_string(max_dotted_key_parts) + " parts",
                            *key_start_);
        } else if (is_bare_key_char(c)) {
            if (!key_start_) key_start_ = pos_;
        } else if (c != ' ' && c != '\t') {
            end_key();
        }
        return std::nullopt;
    }

    // At the '[' of a table header: "[" or "[[", with spaces or tabs between, then a key or the closing bracket.
    std::optional<error> table_header() const {
        std::size_t j = i_ + 1;
        const auto skip_blanks = [&] {
            while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
        };
        skip_blanks();
        if (j < text_.size() && text_[j] == '[') {
            ++j;
            skip_blanks();
        }
        // Bytes refused anyway (controls, non-ASCII) are left to the checks in run(), which say why.
        const auto next = static_cast<unsigned char>(j < text_.size() ? text_[j] : ']');
        if (is_bare_key_char(next) || next == '"' || next == '\'' || next == ']' || is_forbidden_control(next) ||
            next >= 0x80)
            return std::nullopt;
        return fail(errc::syntax, "expected a table name after '[', such as [meetings.general]",
                    {pos_.line, pos_.column + static_cast<std::uint32_t>(j - i_)});
    }

    // At a backslash in a basic string: the character after it, and after a line-ending backslash the first
    // character of the continued text, must be ASCII.
    std::optional<error> escape() const {
        std::size_t j = i_ + 1;
        text_position at{pos_.line, pos_.column + 1};
        const bool line_ending = in_ == state::multi_basic && j < text_.size() &&
                                 (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r' || text_[j] == '\n');
        if (line_ending) {
            while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r' || text_[j] == '\n')) {
                at = text_[j] == '\n' ? text_position{at.line + 1, 1} : text_position{at.line, at.column + 1};
                ++j;
            }
        }
        if (j >= text_.size() || static_cast<unsigned char>(text_[j]) < 0x80) return std::nullopt;
        const detail::utf8_char ch = detail::decode_utf8(text_, j);
        if (ch.length == 0) return std::nullopt;  // run() reports the invalid UTF-8 when it gets there
        if (line_ending)
            return fail(errc::syntax,
                        "the non-ASCII character " + u_plus(ch.code_point) +
                            " cannot begin the text after a line-ending backslash (toml++ 3.3.0 mishandles it): "
                            "begin it with an ASCII character",
                        at);
        return fail(errc::syntax, "invalid escape: a backslash followed by " + u_plus(ch.code_point), at);
    }

    std::optional<error> in_string_or_comment(unsigned char c, std::size_t& extra) {
        const bool basic = in_ == state::basic || in_ == state::multi_basic;
        const bool multi = in_ == state::multi_basic || in_ == state::multi_literal;
        const char delimiter = basic ? '"' : '\'';
        if (in_ == state::comment) {
            if (c == '\n') in_ = state::normal;
        } else if (escaped_) {
            escaped_ = false;
        } else if (c == '\\' && basic) {
            escaped_ = true;
            return escape();
        } else if (c == delimiter && (!multi || quote_run() >= 3)) {
            // A run of more than three quotes ends a multi-line string: """" is a quote and the delimiter.
            if (multi) extra = quote_run() - 1;
            in_ = state::normal;
        } else if (c == '\n' && !multi) {  // an unterminated string: toml++ reports it
            in_ = state::normal;
            end_key();
        }
        return std::nullopt;
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t max_bytes_;
    std::string_view what_;  // what the text is, for the size message ("the constitution")
    std::size_t i_ = 0;  // the byte being looked at
    text_position pos_;  // its line and column
    state in_ = state::normal;
    bool escaped_ = false;  // the previous character was a backslash in a basic string
    std::size_t dots_ = 0;  // dots so far in the current key ("a.b.c")
    std::optional<text_position> key_start_;
    std::string open_;         // the '[' and '{' open in values, innermost last; inside them '[' is not a header
    bool line_start_ = true;   // nothing but spaces and tabs yet on this line
    bool in_header_ = false;   // inside a table header, whose brackets do not open values
    bool value_next_ = false;  // after '=', or after '[' or ',' in an array: a value comes next
    bool in_value_ = false;    // inside a bare value (number, boolean, date), which toml++ reads whole
};

// ---- reading the tree --------------------------------------------------------------------------------------------

// Thrown inside this file only, to stop at the first error; parse_constitution turns it into a result.
struct stop {
    error err;
};

// Every enum here runs from 0 without gaps and name() gives "?" past the last value, so the names need no second
// list that could fall out of step with constitution.cpp.
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

std::string type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a TOML float";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

// A string as shown in a message: quoted, and shortened if long.
std::string shown(std::string_view s) {
    constexpr std::size_t limit = 40;
    if (s.size() <= limit) return "\"" + std::string(s) + "\"";
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + std::string(s.substr(0, cut)) + "...\"";
}

std::string join(const std::string& path, std::string_view key) { return detail::key_path_join(path, key); }
std::string element(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }
std::string where(const std::string& path) { return path.empty() ? "at the top level" : "in [" + path + "]"; }

// The path without its last key or index ("a.b[2]" -> "a.b", "a.\"x.y\"" -> "a").
std::string parent_path(const std::string& path) {
    if (!path.empty() && path.back() == ']') return path.substr(0, path.rfind('['));
    std::size_t last_dot = std::string::npos;
    bool quoted = false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (quoted && path[i] == '\\') {
            ++i;
        } else if (path[i] == '"') {
            quoted = !quoted;
        } else if (!quoted && path[i] == '.') {
            last_dot = i;
        }
    }
    return last_dot == std::string::npos ? std::string() : path.substr(0, last_dot);
}

std::string key_list(std::initializer_list<std::string_view> keys) {
    std::string out;
    for (std::string_view k : keys) out += std::string(out.empty() ? "" : ", ") + std::string(k);
    return out;
}

class reader {
public:
    explicit reader(std::string file) : file_(std::move(file)) {}

    constitution read(const toml::table& root) {
        const std::string path;
        seen_[path] = root.source().begin;
        keys(root, path, {"organisation", "membership", "meetings", "resolutions", "committee", "ballots"});
        constitution c;
        c.org = organisation_rules(need(root, path, "organisation", "add an [organisation] table"));
        c.membership = members(need(root, path, "membership", "add a [membership] table"));

        const std::string meetings_path = "meetings";
        const toml::table& meetings =
            table(need(root, path, "meetings", "add a [meetings.general] table"), meetings_path);
        keys(meetings, meetings_path, {"general", "agm", "special", "committee"});
        for (auto&& [key, node] : meetings)
            c.meetings[*from_name<meeting_kind>(key.str())] = meeting(node, join(meetings_path, key.str()));

        const std::string resolutions_path = "resolutions";
        for (auto&& [key, node] :
             table(need(root, path, "resolutions", "add at least one [resolutions.<kind>] table"), resolutions_path))
            c.resolutions[std::string(key.str())] = resolution(node, join(resolutions_path, key.str()));

        if (const toml::node* n = root.get("committee")) c.committee = committee(*n, "committee");

        if (const toml::node* n = root.get("ballots")) {
            const std::string ballots_path = "ballots";
            for (auto&& [key, node] : table(*n, ballots_path))
                c.ballots[std::string(key.str())] = ballot(node, join(ballots_path, key.str()));
        }
        return c;
    }

    // Where validate() found a problem: the position of the key it names, or of the nearest enclosing table read.
    source_location locate(const std::string& key_path) const {
        for (std::string path = key_path;; path = parent_path(path)) {
            if (auto it = seen_.find(path); it != seen_.end())
                return {file_, it->second.line, it->second.column, key_path};
            if (path.empty()) return {file_, 1, 1, key_path};
        }
    }

private:
    [[noreturn]] void fail(errc code, std::string message, const toml::source_position& at, std::string path) const {
        throw stop{error(code, std::move(message), source_location{file_, at.line, at.column, std::move(path)})};
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

    organisation organisation_rules(const toml::node& n) {
        const std::string path = "organisation";
        const toml::table& t = table(n, path);
        keys(t, path, {"name", "area", "legal_form", "registered_number"});
        organisation o;
        o.name = text(need(t, path, "name"), join(path, "name"));
        if (const toml::node* v = t.get("area")) o.area = text(*v, join(path, "area"));
        o.form = choice<legal_form>(need(t, path, "legal_form"), join(path, "legal_form"), "legal form");
        if (const toml::node* v = t.get("registered_number"))
            o.registered_number = text(*v, join(path, "registered_number"));
        return o;
    }

    membership_rules members(const toml::node& n) {
        const std::string path = "membership";
        const toml::table& t = table(n, path);
        keys(t, path, {"eligible_classes", "minimum_age", "vote", "qualifying_days"});
        membership_rules m;
        m.eligible = classes(need(t, path, "eligible_classes"), join(path, "eligible_classes"));
        if (const toml::node* v = t.get("minimum_age")) m.minimum_age = count(*v, join(path, "minimum_age"));
        if (const toml::node* v = t.get("vote")) m.unit = choice<vote_unit>(*v, join(path, "vote"), "voting unit");
        if (const toml::node* v = t.get("qualifying_days"))
            m.qualifying_days = count(*v, join(path, "qualifying_days"));
        return m;
    }

    quorum_formula quorum(const toml::node& n, const std::string& path) {
        using kind = quorum_formula::kind;
        quorum_formula q;
        if (const auto* s = n.as_string()) {
            seen_[path] = n.source().begin;
            if (s->get() != "present")
                fail(errc::invalid_value,
                     "unknown quorum " + shown(s->get()) + "; expected \"present\" or a formula such as { fixed = 2 }",
                     n, path);
            q.form = kind::present;
            return q;
        }
        const toml::table& t = table(n, path, "a quorum formula such as { fixed = 2 } or \"present\"");
        keys(t, path, {"fixed", "fraction_of_members", "round", "min", "max"});
        std::vector<std::string_view> forms;
        for (std::string_view f : {"fixed", "fraction_of_members", "min", "max"})
            if (t.contains(f)) forms.push_back(f);
        if (forms.empty())
            fail(errc::missing_key,
                 "the quorum formula " + where(path) + " needs one of: fixed, fraction_of_members, min, max", t, path);
        if (forms.size() > 1)
            fail(errc::invalid_value,
                 "a quorum formula has exactly one of fixed, fraction_of_members, min, max; this one also has " +
                     std::string(forms[1]),
                 *t.get(forms[1]), join(path, forms[1]));
        const std::string form_path = join(path, forms[0]);
        const toml::node& form = *t.get(forms[0]);
        if (forms[0] != "fraction_of_members" && t.contains("round"))
            fail(errc::invalid_value, "round applies only to fraction_of_members", *t.get("round"),
                 join(path, "round"));

        if (forms[0] == "fixed") {
            q.form = kind::fixed;
            q.fixed = count(form, form_path);
        } else if (forms[0] == "fraction_of_members") {
            q.form = kind::fraction_of_members;
            q.fraction = fraction(form, form_path);
            const std::string round_path = join(path, "round");
            const std::string direction = text(need(t, path, "round", "write round = \"up\" or \"down\""), round_path);
            if (direction != "up" && direction != "down")
                fail(errc::invalid_value,
                     "unknown rounding " + shown(direction) + "; expected one of: \"up\", \"down\"", *t.get("round"),
                     round_path);
            q.round = direction == "up" ? rounding::ceil : rounding::floor;
        } else {
            q.form = forms[0] == "min" ? kind::min : kind::max;
            const toml::array& parts = array(form, form_path, "an array of quorum formulas");
            for (std::size_t i = 0; i < parts.size(); ++i) q.parts.push_back(quorum(parts[i], element(form_path, i)));
        }
        return q;
    }

    meeting_rules meeting(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path);
        keys(t, path,
             {"notice_clear_days", "quorum", "quorum_check", "adjourned", "proxies", "casting_vote", "chair_votes"});
        meeting_rules m;
        m.notice_clear_days = count(need(t, path, "notice_clear_days"), join(path, "notice_clear_days"));
        m.quorum = quorum(need(t, path, "quorum"), join(path, "quorum"));
        if (const toml::node* v = t.get("quorum_check"))
            m.check = choice<quorum_check>(*v, join(path, "quorum_check"), "quorum check");
        if (const toml::node* v = t.get("adjourned")) {
            const std::string adj_path = join(path, "adjourned");
            const toml::table& adj = table(*v, adj_path);
            keys(adj, adj_path, {"after_days", "quorum"});
            adjournment_rule a;
            a.after_days = count(need(adj, adj_path, "after_days"), join(adj_path, "after_days"));
            a.quorum = quorum(need(adj, adj_path, "quorum"), join(adj_path, "quorum"));
            m.adjourned = a;
        }
        if (const toml::node* v = t.get("proxies")) m.proxies = proxies(*v, join(path, "proxies"));
        if (const toml::node* v = t.get("casting_vote"))
            m.casting = choice<casting_vote>(*v, join(path, "casting_vote"), "casting vote");
        if (const toml::node* v = t.get("chair_votes")) m.chair_votes = flag(*v, join(path, "chair_votes"));
        return m;
    }

    proxy_rules proxies(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path);
        keys(t, path, {"allowed", "max_per_holder", "count_for_quorum", "vote_on_show_of_hands", "lodge_hours_before"});
        proxy_rules p;
        p.allowed = flag(need(t, path, "allowed"), join(path, "allowed"));
        if (const toml::node* v = t.get("max_per_holder")) p.max_per_holder = count(*v, join(path, "max_per_holder"));
        if (const toml::node* v = t.get("count_for_quorum"))
            p.count_for_quorum = flag(*v, join(path, "count_for_quorum"));
        if (const toml::node* v = t.get("vote_on_show_of_hands"))
            p.vote_on_show_of_hands = flag(*v, join(path, "vote_on_show_of_hands"));
        if (const toml::node* v = t.get("lodge_hours_before"))
            p.lodge_hours_before = count(*v, join(path, "lodge_hours_before"));
        return p;
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

    resolution_rules resolution(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path);
        keys(t, path, {"description", "tests", "combine", "turnout_floor", "confirmation"});
        resolution_rules r;
        if (const toml::node* v = t.get("description")) r.description = text(*v, join(path, "description"));
        r.tests = tests(need(t, path, "tests"), join(path, "tests"));
        if (const toml::node* v = t.get("combine")) r.how = choice<combine>(*v, join(path, "combine"), "combination");
        if (const toml::node* v = t.get("turnout_floor")) r.turnout = turnout(*v, join(path, "turnout_floor"));
        if (const toml::node* v = t.get("confirmation")) {
            const std::string cf_path = join(path, "confirmation");
            const toml::table& cf = table(*v, cf_path);
            keys(cf, cf_path, {"tests", "combine", "earliest", "latest"});
            confirmation_rule c;
            c.tests = tests(need(cf, cf_path, "tests"), join(cf_path, "tests"));
            if (const toml::node* w = cf.get("combine"))
                c.how = choice<combine>(*w, join(cf_path, "combine"), "combination");
            c.earliest = span(need(cf, cf_path, "earliest"), join(cf_path, "earliest"));
            c.latest = span(need(cf, cf_path, "latest"), join(cf_path, "latest"));
            r.confirmation = std::move(c);
        }
        return r;
    }

    committee_rules committee(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path);
        keys(t, path,
             {"min_size", "max_size", "min_resident_share", "max_co_opted", "term_months", "rotation",
              "election_method"});
        committee_rules c;
        c.min_size = count(need(t, path, "min_size"), join(path, "min_size"));
        c.max_size = count(need(t, path, "max_size"), join(path, "max_size"));
        if (const toml::node* v = t.get("min_resident_share"))
            c.min_resident_share = fraction(*v, join(path, "min_resident_share"));
        if (const toml::node* v = t.get("max_co_opted")) c.max_co_opted = count(*v, join(path, "max_co_opted"));
        c.term_months = count(need(t, path, "term_months"), join(path, "term_months"));
        if (const toml::node* v = t.get("rotation")) c.rotation = fraction(*v, join(path, "rotation"));
        c.method =
            choice<election_method>(need(t, path, "election_method"), join(path, "election_method"), "election method");
        return c;
    }

    ballot_rules ballot(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path);
        keys(t, path, {"description", "electorate", "tests", "combine", "turnout_floor", "every_months"});
        ballot_rules b;
        if (const toml::node* v = t.get("description")) b.description = text(*v, join(path, "description"));
        if (const toml::node* v = t.get("electorate")) b.electorate = classes(*v, join(path, "electorate"));
        b.tests = tests(need(t, path, "tests"), join(path, "tests"));
        if (const toml::node* v = t.get("combine")) b.how = choice<combine>(*v, join(path, "combine"), "combination");
        if (const toml::node* v = t.get("turnout_floor")) b.turnout = turnout(*v, join(path, "turnout_floor"));
        if (const toml::node* v = t.get("every_months")) b.every_months = count(*v, join(path, "every_months"));
        return b;
    }

    std::string file_;
    std::map<std::string, toml::source_position> seen_;  // every key path read, for locate()
};

// toml++ says "Error while parsing key-value pair: ..."; the caller's to_string() already says "error:".
std::string syntax_message(std::string_view description) {
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.starts_with(prefix))
        return "malformed TOML while parsing " + std::string(description.substr(prefix.size()));
    return "malformed TOML: " + std::string(description);
}

}  // namespace

result<constitution> parse_constitution(std::string_view toml_text, std::string_view source_name) {
    const std::string file(source_name);
    if (std::optional<error> e = prescanner(toml_text, file).run()) return unexpected(std::move(*e));

    toml::parse_result parsed = toml::parse(toml_text);
    if (!parsed) {
        const toml::parse_error& e = parsed.error();
        return unexpected(errc::syntax, syntax_message(e.description()),
                          source_location{file, e.source().begin.line, e.source().begin.column, {}});
    }

    reader r(file);
    try {
        constitution c = r.read(parsed.table());
        if (result<void> ok = validate(c); !ok)
            return unexpected(ok.error().code(), ok.error().message(), r.locate(ok.error().where().key_path));
        return c;
    } catch (const stop& s) {
        return unexpected(s.err);
    }
}

result<constitution> load_constitution(const std::filesystem::path& file) {
    const std::string name = file.string();
    const auto io_error = [&](std::string why) {
        return unexpected(errc::io, "cannot read " + name + ": " + why, source_location{name, 0, 0, {}});
    };
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status)) return io_error("no such file");
    if (std::filesystem::is_directory(status)) return io_error("it is a directory");

    std::ifstream in(file, std::ios::binary);
    if (!in) return io_error("it cannot be opened");
    // One byte more than the limit is enough to know that the limit is exceeded.
    std::string text(max_constitution_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return io_error("reading failed");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_constitution(text, name);
}

}  // namespace v1
}  // namespace tmo

namespace tmo::detail {

std::optional<error> prescan_toml(std::string_view text, const std::string& source_name, std::size_t max_bytes,
                                  std::string_view what) {
    return prescanner(text, source_name, max_bytes, what).run();
}

std::string toml_syntax_message(std::string_view description) { return syntax_message(description); }

}  // namespace tmo::detail
