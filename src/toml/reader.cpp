// The safe TOML layer of src/toml/reader.hpp: the pre-scan, parsing, file reading and the typed getters.
#include "toml/reader.hpp"

#include <array>
#include <cstdio>
#include <limits>
#include <utility>

namespace tmo::detail {
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
    prescanner(std::string_view text, const std::string& file, const toml_limits& limits)
        : text_(text), file_(file), limits_(limits) {}

    std::optional<error> run() {
        if (text_.size() > limits_.max_bytes)
            return fail(errc::too_large,
                        std::string(limits_.noun) + " is larger than " + std::to_string(limits_.max_bytes) +
                            " bytes, the most accepted; the text from here on is over the limit",
                        position_of(text_, limits_.max_bytes));
        i_ = text_.starts_with(utf8_bom) ? utf8_bom.size() : 0;
        while (i_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[i_]);
            std::size_t length = 1;
            if (c >= 0x80) {
                const utf8_char ch = decode_utf8(text_, i_);
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
            // toml++ asserts that a digit follows the 'T' of a date and time; in a bare value a 'T' or 't' after a
            // digit is only ever that 'T'.
            const bool date_time_t = (c == 'T' || c == 't') && i_ > 0 && text_[i_ - 1] >= '0' && text_[i_ - 1] <= '9';
            if (date_time_t && (i_ + 1 >= text_.size() || text_[i_ + 1] < '0' || text_[i_ + 1] > '9'))
                return fail(errc::syntax,
                            "expected a time after 'T', such as 2026-06-23T19:00:00 (hours, minutes and seconds)",
                            {pos_.line, pos_.column + 1});
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
            if (++dots_ >= limits_.max_dotted_key_parts)
                return fail(errc::too_large,
                            "a dotted key may have at most " + std::to_string(limits_.max_dotted_key_parts) +
                                " parts",
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
        return fail(errc::syntax, "expected a table name after '[', such as " + std::string(limits_.table_example),
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
        const utf8_char ch = decode_utf8(text_, j);
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
    const toml_limits& limits_;
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

// toml++ says "Error while parsing key-value pair: ..."; the caller's to_string() already says "error:".
std::string syntax_message(std::string_view description) {
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.starts_with(prefix))
        return "malformed TOML while parsing " + std::string(description.substr(prefix.size()));
    return "malformed TOML: " + std::string(description);
}

}  // namespace

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

std::string join(const std::string& path, std::string_view key) { return key_path_join(path, key); }
std::string element(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }
std::string where(const std::string& path) { return path.empty() ? "at the top level" : "in [" + path + "]"; }

source_location toml_reader::locate(const std::string& key_path) const {
    for (std::string path = key_path;; path = parent_path(path)) {
        if (auto it = seen_.find(path); it != seen_.end()) return {file_, it->second.line, it->second.column, key_path};
        if (path.empty()) return {file_, 1, 1, key_path};
    }
}

void toml_reader::fail(errc code, std::string message, const toml::source_position& at, std::string path) const {
    throw toml_stop{error(code, std::move(message), source_location{file_, at.line, at.column, std::move(path)})};
}

void toml_reader::fail(errc code, std::string message, const toml::node& at, std::string path) const {
    fail(code, std::move(message), at.source().begin, std::move(path));
}

void toml_reader::fail_at(errc code, std::string message, const std::string& path) const {
    throw toml_stop{error(code, std::move(message), locate(path))};
}

void toml_reader::keys(const toml::table& t, const std::string& path,
                       std::initializer_list<std::string_view> allowed) const {
    for (auto&& [key, node] : t) {
        bool known = false;
        for (std::string_view a : allowed) known = known || key.str() == a;
        if (!known)
            fail(errc::unknown_key,
                 "unknown key '" + std::string(key.str()) + "' " + where(path) + "; expected one of: " +
                     key_list(allowed),
                 key.source().begin, join(path, key.str()));
    }
}

const toml::node& toml_reader::need(const toml::table& t, const std::string& path, std::string_view key,
                                    std::string_view hint) const {
    if (const toml::node* n = t.get(key)) return *n;
    fail(errc::missing_key,
         "missing key '" + std::string(key) + "' " + where(path) + (hint.empty() ? "" : "; " + std::string(hint)), t,
         join(path, key));
}

const toml::table& toml_reader::table(const toml::node& n, const std::string& path, std::string_view expected) {
    mark(path, n);
    if (const toml::table* t = n.as_table()) return *t;
    fail(errc::wrong_type, "expected " + std::string(expected) + ", found " + type_name(n), n, path);
}

const toml::array& toml_reader::array(const toml::node& n, const std::string& path, std::string_view expected) {
    mark(path, n);
    if (const toml::array* a = n.as_array()) return *a;
    fail(errc::wrong_type, "expected " + std::string(expected) + ", found " + type_name(n), n, path);
}

std::string toml_reader::text(const toml::node& n, const std::string& path) {
    mark(path, n);
    if (const auto* s = n.as_string()) return s->get();
    fail(errc::wrong_type, "expected a string, found " + type_name(n), n, path);
}

bool toml_reader::flag(const toml::node& n, const std::string& path) {
    mark(path, n);
    if (const auto* b = n.as_boolean()) return b->get();
    fail(errc::wrong_type, "expected true or false, found " + type_name(n), n, path);
}

std::int64_t toml_reader::whole(const toml::node& n, const std::string& path, std::int64_t least,
                                std::int64_t most) {
    mark(path, n);
    const auto* i = n.as_integer();
    if (!i) fail(errc::wrong_type, "expected a whole number, found " + type_name(n), n, path);
    if (i->get() < least || i->get() > most)
        fail(errc::invalid_value,
             "expected a whole number from " + std::to_string(least) + " to " + std::to_string(most) + ", found " +
                 std::to_string(i->get()),
             n, path);
    return i->get();
}

std::uint32_t toml_reader::count(const toml::node& n, const std::string& path) {
    return static_cast<std::uint32_t>(whole(n, path, 0, std::numeric_limits<std::uint32_t>::max()));
}

rational toml_reader::fraction(const toml::node& n, const std::string& path) {
    mark(path, n);
    if (n.is_floating_point())
        fail(errc::wrong_type,
             "a TOML float is not exact: write the fraction as a string such as \"2/3\" or \"66.67%\"", n, path);
    if (const auto* i = n.as_integer()) return rational(i->get());
    const auto* s = n.as_string();
    if (!s)
        fail(errc::wrong_type,
             "expected a fraction as a string such as \"2/3\", \"0.75\" or \"75%\", found " + type_name(n), n, path);
    result<rational> r = rational::parse(s->get());
    if (r) return *r;
    if (r.error().code() == errc::syntax)
        fail(errc::syntax, shown(s->get()) + " is not a fraction: write it as \"2/3\", \"0.75\" or \"75%\"", n, path);
    fail(r.error().code() == errc::domain ? errc::invalid_value : r.error().code(),
         shown(s->get()) + " is not a usable fraction: " + r.error().message(), n, path);
}

date toml_reader::day(const toml::node& n, const std::string& path) {
    mark(path, n);
    if (const auto* d = n.as_date()) {
        const toml::date v = d->get();
        const date out{std::chrono::year{v.year}, std::chrono::month{v.month}, std::chrono::day{v.day}};
        if (out.ok()) return out;  // toml++ checks the day of the month; this is a second guard
    }
    if (const auto* s = n.as_string()) {
        result<date> r = parse_date(s->get());
        if (r) return *r;
        fail(r.error().code(), shown(s->get()) + " is not a date: " + r.error().message(), n, path);
    }
    fail(errc::wrong_type, "expected a date such as 2025-04-01, found " + type_name(n), n, path);
}

money toml_reader::amount(const toml::node& n, const std::string& path) {
    mark(path, n);
    if (n.is_floating_point() || n.is_integer())
        fail(errc::wrong_type,
             "write an amount of money as a string with pence, such as \"4800.00\", so that it is exact", n, path);
    const auto* s = n.as_string();
    if (!s) fail(errc::wrong_type, "expected an amount such as \"4800.00\", found " + type_name(n), n, path);
    result<money> r = money::parse(s->get());
    if (r) return *r;
    fail(r.error().code(), shown(s->get()) + " is not an amount of money: " + r.error().message(), n, path);
}

std::size_t toml_reader::one_of(const toml::node& n, const std::string& path, std::string_view what,
                                std::initializer_list<std::string_view> names) {
    mark(path, n);
    std::string list;
    for (std::string_view name : names) list += std::string(list.empty() ? "" : ", ") + "\"" + std::string(name) + "\"";
    const auto* s = n.as_string();
    if (!s)
        fail(errc::wrong_type, "expected a " + std::string(what) + " (one of: " + list + "), found " + type_name(n),
             n, path);
    std::size_t i = 0;
    for (std::string_view name : names) {
        if (name == s->get()) return i;
        ++i;
    }
    fail(errc::invalid_value, "unknown " + std::string(what) + " " + shown(s->get()) + "; expected one of: " + list, n,
         path);
}

result<toml::table> parse_toml(std::string_view text, const std::string& file, const toml_limits& limits) {
    if (std::optional<error> e = prescanner(text, file, limits).run()) return unexpected(std::move(*e));
    toml::parse_result parsed = toml::parse(text);
    if (!parsed) {
        const toml::parse_error& e = parsed.error();
        return unexpected(errc::syntax, syntax_message(e.description()),
                          source_location{file, e.source().begin.line, e.source().begin.column, {}});
    }
    return std::move(parsed).table();
}

}  // namespace tmo::detail

namespace tmo::detail {

period toml_reader::span(const toml::node& n, const std::string& path) {
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

}  // namespace tmo::detail
