#include <tmo/vote/blt.hpp>

#include "text.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_map>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class blt_reader {
public:
    blt_reader(std::string_view text, blt_mode mode, std::string_view source)
        : text_(text), mode_(mode), source_(source) {
        if (text_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;  // a UTF-8 byte order mark
    }

    result<blt_file> read() {
        if (auto r = read_header(); !r) return unexpected(r.error());
        if (auto r = read_options(); !r) return unexpected(r.error());
        if (auto r = read_ballots(); !r) return unexpected(r.error());
        if (auto r = read_strings(); !r) return unexpected(r.error());
        if (duplicate_at_.line != 0)
            out_.warnings.push_back({duplicate_at_, std::to_string(duplicate_ballots_) +
                                                        " ballot line(s) rank a candidate twice; the later marks are "
                                                        "kept as written and ignored when counting"});
        if (auto r = out_.profile.validate(); !r) return fail(errc::invalid_value, r.error().message(), header_at_);
        return std::move(out_);
    }

private:
    // A place in the text, made into a source_location only when an error or warning needs it.
    struct spot {
        std::size_t pos = 0;
        std::uint32_t line = 1;
        std::size_t line_start = 0;
    };

    struct token {
        std::string_view text;
        spot at;
    };

    source_location here() const { return loc({pos_, line_, line_start_}); }
    source_location loc(const spot& s) const {
        source_location out;
        out.file = std::string(source_);
        out.line = s.line;
        out.column = 1 + detail::code_points(text_.substr(s.line_start, s.pos - s.line_start));
        return out;
    }
    unexpected fail(errc code, std::string message, source_location where) const {
        return unexpected(code, std::move(message), std::move(where));
    }

    void newline_at(std::size_t i) {
        ++line_;
        line_start_ = i + 1;
    }

    // Skips white space and comments. @return false with an error for an unterminated block comment.
    result<void> skip() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                newline_at(pos_);
                ++pos_;
            } else if (is_space(c)) {
                ++pos_;
            } else if (c == '#') {
                note_extension("comment");
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
            } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*') {
                const source_location start = here();
                pos_ += 2;
                while (pos_ + 1 < text_.size() && !(text_[pos_] == '*' && text_[pos_ + 1] == '/')) {
                    if (text_[pos_] == '\n') newline_at(pos_);
                    ++pos_;
                }
                if (pos_ + 1 >= text_.size()) return fail(errc::syntax, "unterminated /* comment", start);
                pos_ += 2;
                note_extension("comment");
            } else {
                break;
            }
        }
        return {};
    }

    // The next whitespace-separated token of the numeric part (empty text at the end of the input).
    result<token> next() {
        if (auto r = skip(); !r) return unexpected(r.error());
        token t{{}, spot{pos_, line_, line_start_}};
        const std::size_t start = pos_;
        if (pos_ < text_.size() && (text_[pos_] == '[' || text_[pos_] == '(')) {
            const char close = text_[pos_] == '[' ? ']' : ')';
            while (pos_ < text_.size() && text_[pos_] != close && text_[pos_] != '\n') ++pos_;
            if (pos_ >= text_.size() || text_[pos_] != close)
                return fail(errc::syntax, std::string("missing '") + close + "' on this line", loc(t.at));
            ++pos_;
        } else {
            while (pos_ < text_.size() && !is_space(text_[pos_]) && text_[pos_] != '#') ++pos_;
        }
        t.text = text_.substr(start, pos_ - start);
        return t;
    }

    result<token> peek() {
        const std::size_t pos = pos_, line = line_, line_start = line_start_;
        auto t = next();
        pos_ = pos;
        line_ = static_cast<std::uint32_t>(line);
        line_start_ = line_start;
        return t;
    }

    static bool parse_uint(std::string_view s, std::uint64_t& value) {
        if (s.empty()) return false;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        return ec == std::errc{} && end == s.data() + s.size();
    }

    static std::string quoted(std::string_view s) { return "\"" + std::string(s.substr(0, 40)) + "\""; }

    void note_extension(std::string_view name) {
        if (std::find(out_.extensions.begin(), out_.extensions.end(), name) == out_.extensions.end())
            out_.extensions.emplace_back(name);
    }

    result<void> read_header() {
        auto c = next();
        if (!c) return unexpected(c.error());
        header_at_ = loc(c->at);
        std::uint64_t candidates = 0, seats = 0;
        if (c->text.empty()) return fail(errc::syntax, "empty file: expected the number of candidates", loc(c->at));
        if (!parse_uint(c->text, candidates))
            return fail(errc::syntax, "expected the number of candidates, found " + quoted(c->text), loc(c->at));
        if (candidates == 0 || candidates > blt_max_candidates)
            return fail(errc::invalid_value,
                        "the number of candidates must be between 1 and " + std::to_string(blt_max_candidates),
                        loc(c->at));
        auto s = next();
        if (!s) return unexpected(s.error());
        if (!parse_uint(s->text, seats))
            return fail(errc::syntax, "expected the number of seats, found " + quoted(s->text), loc(s->at));
        if (seats == 0 || seats > candidates)
            return fail(errc::invalid_value,
                        "the number of seats must be between 1 and the number of candidates (" +
                            std::to_string(candidates) + ")",
                        loc(s->at));
        candidates_ = static_cast<std::uint32_t>(candidates);
        std::vector<candidate> list(candidates_);
        out_.profile = profile(std::move(list), static_cast<std::uint32_t>(seats));
        return {};
    }

    result<candidate_id> candidate_number(std::string_view text, const spot& where) {
        std::uint64_t n = 0;
        if (parse_uint(text, n)) {
            if (n == 0 || n > candidates_)
                return fail(errc::invalid_value,
                            "candidate " + std::string(text) + " does not exist: candidates are numbered 1 to " +
                                std::to_string(candidates_),
                            loc(where));
            return static_cast<candidate_id>(n - 1);
        }
        if (auto it = nicks_.find(std::string(text)); it != nicks_.end()) return it->second;
        return fail(errc::syntax, "expected a candidate number, found " + quoted(text), loc(where));
    }

    result<void> withdraw(std::string_view number, const spot& where) {
        auto c = candidate_number(number, where);
        if (!c) return unexpected(c.error());
        note_extension("withdrawn");
        return out_.profile.withdraw(*c);
    }

    result<void> read_options() {
        for (;;) {
            auto t = peek();
            if (!t) return unexpected(t.error());
            if (t->text.size() > 1 && t->text[0] == '-' && t->text[1] >= '0' && t->text[1] <= '9') {
                (void)next();
                if (auto r = withdraw(t->text.substr(1), t->at); !r) return r;
            } else if (t->text.starts_with("[")) {
                (void)next();
                if (auto r = option_line(*t); !r) return r;
            } else {
                return {};
            }
        }
    }

    result<void> option_line(const token& t) {
        std::string_view body = t.text.substr(1, t.text.size() - 2);
        std::vector<std::string_view> words;
        for (std::size_t i = 0; i < body.size();) {
            while (i < body.size() && is_space(body[i])) ++i;
            const std::size_t start = i;
            while (i < body.size() && !is_space(body[i])) ++i;
            if (i > start) words.push_back(body.substr(start, i - start));
        }
        if (words.empty()) return fail(errc::syntax, "empty option line []", loc(t.at));
        const std::string_view name = words[0];
        if (name == "nick") {
            if (words.size() - 1 != candidates_)
                return fail(errc::invalid_value,
                            "[nick] must give one nickname per candidate (" + std::to_string(candidates_) + ")",
                            loc(t.at));
            for (std::size_t i = 1; i < words.size(); ++i)
                nicks_[std::string(words[i])] = static_cast<candidate_id>(i - 1);
            note_extension("nick");
        } else if (name == "tie") {
            std::vector<candidate_id> order;
            for (std::size_t i = 1; i < words.size(); ++i) {
                auto c = candidate_number(words[i], t.at);
                if (!c) return unexpected(c.error());
                if (std::find(order.begin(), order.end(), *c) != order.end())
                    return fail(errc::invalid_value, "[tie] names a candidate twice", loc(t.at));
                order.push_back(*c);
            }
            out_.profile.set_tie_order(std::move(order));
            note_extension("tie order");
        } else if (name == "withdrawn") {
            for (std::size_t i = 1; i < words.size(); ++i)
                if (auto r = withdraw(words[i], t.at); !r) return r;
        } else {
            out_.warnings.push_back({loc(t.at), "option line " + quoted(t.text) +
                                                  " ignored: counting options are set when counting"});
        }
        return {};
    }

    result<void> read_ballots() {
        std::vector<mark> marks;
        for (;;) {
            auto t = next();
            if (!t) return unexpected(t.error());
            if (t->text.empty()) return fail(errc::syntax, "the file ends before the 0 that ends the ballots", loc(t->at));
            std::string id;
            if (t->text.starts_with("(")) {
                id = std::string(t->text.substr(1, t->text.size() - 2));
                note_extension("ballot id");
                t = next();
                if (!t) return unexpected(t.error());
            }
            std::uint64_t weight = 0;
            if (!parse_uint(t->text, weight))
                return fail(errc::syntax,
                            "expected a ballot weight (a whole number) or 0 to end the ballots, found " +
                                quoted(t->text),
                            loc(t->at));
            if (weight == 0) {
                if (!id.empty()) return fail(errc::invalid_value, "a ballot with an id must have weight 1", loc(t->at));
                return {};
            }
            if (!id.empty() && weight != 1)
                return fail(errc::invalid_value, "a ballot with an id must have weight 1", loc(t->at));
            const spot ballot_at = t->at;
            marks.clear();
            bool duplicate = false;
            for (;;) {
                auto m = next();
                if (!m) return unexpected(m.error());
                if (m->text.empty() || m->text.starts_with("\""))
                    return fail(errc::syntax, "ballot not ended by 0", loc(ballot_at));
                if (m->text == "0") break;
                if (m->text == "-") {
                    marks.push_back({no_candidate, false});
                    note_extension("blank rank");
                    continue;
                }
                std::string_view rest = m->text;
                bool first_in_group = true;
                for (;;) {
                    const std::size_t eq = rest.find('=');
                    const std::string_view part = rest.substr(0, eq);
                    auto c = candidate_number(part, m->at);
                    if (!c) return unexpected(c.error());
                    const bool seen = std::any_of(marks.begin(), marks.end(),
                                                  [&](const mark& x) { return x.candidate == *c; });
                    if (seen) {
                        if (mode_ == blt_mode::strict)
                            return fail(errc::invalid_value, "candidate " + std::string(part) + " is ranked twice",
                                        loc(m->at));
                        duplicate = true;
                    }
                    marks.push_back({*c, !first_in_group});
                    if (!first_in_group) note_extension("equal ranking");
                    first_in_group = false;
                    if (eq == std::string_view::npos) break;
                    rest = rest.substr(eq + 1);
                }
            }
            if (duplicate) {
                if (duplicate_ballots_++ == 0) duplicate_at_ = loc(ballot_at);
            }
            if (auto r = out_.profile.add(marks, weight, std::move(id)); !r)
                return fail(r.error().code(), r.error().message(), loc(ballot_at));
        }
    }

    // Lenient: one name per line, normalised. Strict: double-quoted strings anywhere.
    result<void> read_strings() {
        std::vector<std::pair<std::string, source_location>> strings;
        if (mode_ == blt_mode::strict) {
            for (;;) {
                if (auto r = skip(); !r) return r;
                if (pos_ >= text_.size()) break;
                const source_location at = here();
                if (text_[pos_] != '"') {
                    if (strings.size() <= candidates_)
                        return fail(errc::syntax, "expected a double-quoted name or title", at);
                    out_.warnings.push_back({at, "unquoted text after the title ignored"});
                    break;
                }
                std::string value;
                ++pos_;
                for (;;) {
                    if (pos_ >= text_.size() || text_[pos_] == '\n')
                        return fail(errc::syntax, "unterminated string", at);
                    if (text_[pos_] == '"') {
                        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                            value += '"';
                            pos_ += 2;
                            continue;
                        }
                        ++pos_;
                        break;
                    }
                    value += text_[pos_++];
                }
                if (const std::size_t bad = detail::invalid_utf8_at(value); bad != std::string::npos) {
                    source_location loc = at;
                    loc.column += 1 + detail::code_points(std::string_view(value).substr(0, bad));
                    return fail(errc::syntax, "the text is not valid UTF-8", loc);
                }
                strings.emplace_back(std::move(value), at);
            }
        } else {
            // The rest of the line holding the final 0 is normally empty; the names follow line by line.
            while (pos_ < text_.size()) {
                std::size_t end = text_.find('\n', pos_);
                if (end == std::string_view::npos) end = text_.size();
                std::string_view line = text_.substr(pos_, end - pos_);
                const source_location at = here();
                if (auto name = lenient_line(line, at)) strings.emplace_back(std::move(*name), at);
                pos_ = end;
                if (pos_ < text_.size()) {
                    newline_at(pos_);
                    ++pos_;
                }
            }
        }
        if (strings.size() < candidates_)
            return fail(errc::syntax,
                        "expected " + std::to_string(candidates_) + " candidate names after the ballots, found " +
                            std::to_string(strings.size()),
                        strings.empty() ? here() : strings.back().second);
        std::vector<candidate> list = out_.profile.candidates();
        for (std::uint32_t i = 0; i < candidates_; ++i) {
            if (strings[i].first.empty())
                return fail(errc::invalid_value, "candidate " + std::to_string(i + 1) + " has an empty name",
                            strings[i].second);
            list[i].name = std::move(strings[i].first);
        }
        std::string title;
        if (strings.size() > candidates_) {
            title = std::move(strings[candidates_].first);
        } else if (mode_ == blt_mode::strict) {
            return fail(errc::syntax, "expected the election title after the candidate names", here());
        } else {
            out_.warnings.push_back({here(), "the file has no election title"});
        }
        for (std::size_t i = std::size_t{candidates_} + 1; i < strings.size(); ++i)
            out_.extra_strings.push_back(std::move(strings[i].first));
        for (std::uint32_t i = 0; i < candidates_; ++i) (void)out_.profile.set_name(i, std::move(list[i].name));
        out_.profile.set_title(std::move(title));
        return {};
    }

    // The string on one line of the name section, normalised as counting.md §2.1 describes.
    std::optional<std::string> lenient_line(std::string_view line, const source_location& at) {
        // A blank line holds no string.
        const std::string_view trimmed = detail::trim(line);
        if (trimmed.empty()) return std::nullopt;
        // Outer quotes, CSV-style doubled quotes and stray quotes all go: names never keep a '"'.
        if (trimmed.front() != '"' || trimmed.back() != '"' || trimmed.size() < 2) note_extension("unquoted names");
        std::string value;
        for (char c : trimmed)
            if (c != '"') value += c;
        return decoded(std::string(detail::trim(value)), at);
    }

    std::string decoded(std::string value, const source_location& at) {
        if (detail::invalid_utf8_at(value) == std::string::npos) return value;
        out_.warnings.push_back({at, "text that is not UTF-8 read as Windows-1252"});
        return detail::windows1252_to_utf8(value);
    }

    std::string_view text_;
    blt_mode mode_;
    std::string_view source_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::size_t line_start_ = 0;
    std::uint32_t candidates_ = 0;
    source_location header_at_;
    std::unordered_map<std::string, candidate_id> nicks_;
    std::uint64_t duplicate_ballots_ = 0;
    source_location duplicate_at_;
    blt_file out_;
};

// A name or title as one quoted line: a '"' doubled, a line break (which BLT cannot hold) written as a space.
void write_name(std::string& out, std::string_view name) {
    out += '"';
    for (char c : name) {
        if (c == '"') out += '"';
        out += c == '\n' || c == '\r' ? ' ' : c;
    }
    out += "\"\n";
}

// BLT writes a ballot id as "(id)" on one line: an empty id, or one holding ')' or a line break, cannot be written.
bool writable_id(std::string_view id) { return !id.empty() && id.find_first_of(")\r\n") == std::string_view::npos; }

}  // namespace

result<blt_file> read_blt(std::string_view text, blt_mode mode, std::string_view source_name) {
    return blt_reader(text, mode, source_name).read();
}

result<blt_file> load_blt(const std::filesystem::path& path, blt_mode mode) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_blt(*text, mode, path.string());
}

std::string write_blt(const profile& p) {
    std::string out;
    out += std::to_string(p.candidate_count()) + ' ' + std::to_string(p.seats()) + '\n';
    std::string withdrawn;
    for (std::size_t i = 0; i < p.candidates().size(); ++i)
        if (p.candidates()[i].withdrawn) withdrawn += (withdrawn.empty() ? "-" : " -") + std::to_string(i + 1);
    if (!withdrawn.empty()) out += withdrawn + '\n';
    if (!p.tie_order().empty()) {
        out += "[tie";
        for (candidate_id c : p.tie_order()) out += ' ' + std::to_string(c + 1ull);
        out += "]\n";
    }
    auto marks_text = [](const ballot& b) {
        std::string s;
        for (const mark& m : b.marks) {
            s += m.shares_rank ? '=' : ' ';
            s += m.candidate == no_candidate || m.candidate == overvote_mark ? std::string("-")
                                                                             : std::to_string(m.candidate + 1ull);
        }
        return s + " 0\n";
    };
    for (const ballot& b : p.ballots()) {
        const std::string marks = marks_text(b);
        std::uint64_t with_ids = 0;
        for (const std::string& id : b.ids) {
            if (!writable_id(id)) continue;  // the paper is still written, in the count without ids below
            out += '(' + id + ") 1" + marks;
            ++with_ids;
        }
        if (b.count > with_ids) out += std::to_string(b.count - with_ids) + marks;
    }
    out += "0\n";
    for (const candidate& c : p.candidates()) write_name(out, c.name);
    write_name(out, p.title());
    return out;
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
