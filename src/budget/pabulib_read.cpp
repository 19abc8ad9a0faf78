// The `.pb` reader: one pass over the text, one record (line) at a time.
#include <tmo/budget/pabulib.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

constexpr std::uintmax_t max_file_size = 512ULL * 1024 * 1024;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_none(std::string_view s) { return s.empty() || iequals(s, "none"); }

// One field of a record: its text (unquoted) and its byte offset in the record.
struct field {
    std::string text;
    std::size_t offset = 0;
};

// One logical record: usually one line; a quoted field may continue over several lines.
struct record {
    std::string text;
    std::uint32_t line = 0;
};

class reader {
public:
    reader(std::string_view text, std::string_view source) : text_(text), source_(source) {
        if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
    }

    result<pabulib_file> run();

private:
    // Location of a byte offset within a record; columns count code points.
    // A whole-file problem (a missing key) has offset npos: a line but no column.
    source_location at(const record& r, std::size_t offset) const {
        if (offset == std::string::npos) return {std::string(source_), r.line, 0, {}};
        std::uint32_t column = 1, line = r.line;
        for (std::size_t i = 0; i < offset && i < r.text.size(); ++i) {
            if (r.text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(r.text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return {std::string(source_), line, column, {}};
    }
    unexpected fail(errc code, const record& r, std::size_t offset, std::string message) const {
        return unexpected(code, std::move(message), at(r, offset));
    }
    void warn(const record& r, std::size_t offset, std::string message) {
        out_.warnings.push_back({at(r, offset), std::move(message)});
    }

    bool next_record(record& r);
    result<std::vector<field>> split(const record& r) const;
    result<void> finish_meta();
    result<void> read_project(const record& r, const std::vector<field>& fields);
    result<void> read_vote(const record& r, const std::vector<field>& fields);
    result<void> finish();

    std::string_view text_;
    std::string_view source_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 0;
    pabulib_file out_;
    instance& inst_ = out_.election;

    // META bookkeeping: the record of each key, for error locations.
    std::unordered_map<std::string, std::pair<record, std::size_t>> meta_where_;
    // PROJECTS and VOTES headers.
    std::vector<std::string> project_columns_;
    std::size_t id_col_ = 0, cost_col_ = 0;
    std::optional<std::size_t> votes_col_, score_col_, name_col_, selected_col_;
    std::optional<std::size_t> voter_col_, vote_col_, points_col_;
    std::size_t vote_columns_ = 0;
    std::unordered_map<std::string, std::size_t> project_index_;
    std::vector<std::int64_t> scoring_fn_;  // ordinal: points per rank; empty = Borda
    std::optional<ballot_merger> merger_;
    std::uint64_t vote_rows_ = 0;
    record projects_header_, votes_header_;
};

bool reader::next_record(record& r) {
    if (pos_ >= text_.size()) return false;
    r.text.clear();
    r.line = ++line_;
    bool quoted = false;
    for (;;) {
        std::size_t end = text_.find('\n', pos_);
        const bool last = end == std::string_view::npos;
        std::string_view piece = text_.substr(pos_, last ? std::string_view::npos : end - pos_);
        pos_ = last ? text_.size() : end + 1;
        if (piece.ends_with('\r')) piece.remove_suffix(1);
        for (char c : piece)
            if (c == '"') quoted = !quoted;
        r.text += piece;
        if (!quoted || last) return true;
        r.text += '\n';
        ++line_;
    }
}

result<std::vector<field>> reader::split(const record& r) const {
    std::vector<field> fields;
    const std::string& s = r.text;
    std::size_t i = 0;
    for (;;) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        field f;
        f.offset = i;
        if (i < s.size() && s[i] == '"') {
            ++i;
            for (;;) {
                if (i >= s.size()) return fail(errc::syntax, r, f.offset, "unterminated quoted field: expected a closing '\"'");
                if (s[i] == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') {
                        f.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f.text += s[i++];
            }
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
            if (i < s.size() && s[i] != ';')
                return fail(errc::syntax, r, i, "unexpected text after a quoted field: expected ';' or the end of the line");
        } else {
            const std::size_t end = s.find(';', i);
            const std::size_t stop = end == std::string::npos ? s.size() : end;
            const std::string_view raw = std::string_view(s).substr(i, stop - i);
            if (raw.find('"') != std::string_view::npos)
                return fail(errc::syntax, r, i + raw.find('"'), "a quote inside an unquoted field: quote the whole field");
            f.text = std::string(trim(raw));
            i = stop;
        }
        fields.push_back(std::move(f));
        if (i >= s.size()) break;
        ++i;  // the ';'
    }
    return fields;
}

std::optional<std::size_t> find_column(const std::vector<field>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (iequals(header[i].text, name)) return i;
    return std::nullopt;
}

result<pabulib_file> reader::run() {
    enum class section { none, meta, projects, votes } current = section::none;
    bool want_header = false;
    record r;
    while (next_record(r)) {
        if (trim(r.text).empty()) continue;
        const std::string_view word = trim(r.text);
        const section named = iequals(word, "meta")       ? section::meta
                              : iequals(word, "projects") ? section::projects
                              : iequals(word, "votes")    ? section::votes
                                                          : section::none;
        if (named != section::none) {
            const auto expected_next = static_cast<section>(static_cast<int>(current) + 1);
            if (named != expected_next)
                return fail(errc::syntax, r, 0,
                            "section " + std::string(word) + " out of order: expected " +
                                (expected_next == section::meta       ? "META"
                                 : expected_next == section::projects ? "PROJECTS"
                                                                      : "VOTES") +
                                " (sections come in the order META, PROJECTS, VOTES)");
            if (named == section::projects)
                if (auto done = finish_meta(); !done) return unexpected(done.error());
            current = named;
            want_header = true;
            continue;
        }
        if (current == section::none)
            return fail(errc::syntax, r, 0, "expected the section name META on the first line");
        auto split_fields = split(r);
        if (!split_fields) return unexpected(split_fields.error());
        const std::vector<field>& fields = *split_fields;
        if (want_header) {
            want_header = false;
            if (current == section::meta) {
                if (fields.size() == 2 && iequals(fields[0].text, "key") && iequals(fields[1].text, "value")) continue;
                warn(r, 0, "META has no 'key;value' header line; reading this line as data");
            } else if (current == section::projects) {
                const auto id = find_column(fields, "project_id"), cost = find_column(fields, "cost");
                if (!id) return fail(errc::missing_key, r, 0, "the PROJECTS header has no 'project_id' column");
                if (!cost) return fail(errc::missing_key, r, 0, "the PROJECTS header has no 'cost' column");
                id_col_ = *id;
                cost_col_ = *cost;
                votes_col_ = find_column(fields, "votes");
                score_col_ = find_column(fields, "score");
                name_col_ = find_column(fields, "name");
                selected_col_ = find_column(fields, "selected");
                for (const field& f : fields) project_columns_.push_back(f.text);
                projects_header_ = r;
                continue;
            } else {
                vote_col_ = find_column(fields, "vote");
                voter_col_ = find_column(fields, "voter_id");
                points_col_ = find_column(fields, "points");
                if (!vote_col_) return fail(errc::missing_key, r, 0, "the VOTES header has no 'vote' column");
                if ((inst_.type == vote_type::cumulative || inst_.type == vote_type::scoring) && !points_col_)
                    return fail(errc::missing_key, r, 0,
                                std::string("the VOTES header has no 'points' column, which ") + name(inst_.type) +
                                    " ballots need");
                vote_columns_ = fields.size();
                votes_header_ = r;
                merger_.emplace(inst_);
                continue;
            }
        }
        if (current == section::meta) {
            std::string key, value;
            std::size_t value_offset = 0;
            if (fields.size() == 2) {
                key = fields[0].text;
                value = fields[1].text;
                value_offset = fields[1].offset;
            } else if (fields.size() == 1 && fields[0].text.find(':') != std::string::npos) {
                const std::size_t colon = fields[0].text.find(':');
                key = std::string(trim(std::string_view(fields[0].text).substr(0, colon)));
                value = std::string(trim(std::string_view(fields[0].text).substr(colon + 1)));
                value_offset = fields[0].offset + colon + 1;
                warn(r, 0, "META line written 'key: value'; expected 'key;value'");
            } else {
                return fail(errc::syntax, r, fields.size() > 2 ? fields[2].offset : 0,
                            "expected a META line 'key;value' (" + std::to_string(fields.size()) +
                                " fields found; quote a value that contains ';')");
            }
            if (key.empty()) return fail(errc::syntax, r, 0, "empty META key");
            if (meta_where_.count(key)) return fail(errc::invalid_value, r, 0, "META key '" + key + "' given twice");
            meta_where_.emplace(key, std::make_pair(r, value_offset));
            inst_.meta.emplace_back(std::move(key), std::move(value));
        } else if (current == section::projects) {
            if (auto done = read_project(r, fields); !done) return unexpected(done.error());
        } else {
            if (auto done = read_vote(r, fields); !done) return unexpected(done.error());
        }
    }
    if (current != section::votes || want_header) {
        record end;
        end.line = line_ == 0 ? 1 : line_;
        const char* missing = current == section::none ? "META" : current == section::meta ? "PROJECTS" : "VOTES";
        return fail(errc::missing_key, end, std::string::npos,
                    std::string("unexpected end of file: expected ") + (want_header ? "a header line" : missing) +
                        " (a .pb file has the sections META, PROJECTS and VOTES, each with a header line)");
    }
    if (auto done = finish(); !done) return unexpected(done.error());
    return std::move(out_);
}

result<void> reader::finish_meta() {
    const auto where = [this](const std::string& key) -> std::pair<record, std::size_t> {
        auto it = meta_where_.find(key);
        if (it != meta_where_.end()) return it->second;
        record r;
        r.line = 1;
        return {r, 0};
    };
    const auto value_of = [this](std::string_view key) -> std::optional<std::string> {
        const std::string* v = inst_.meta_value(key);
        if (!v || is_none(*v)) return std::nullopt;
        return *v;
    };
    const std::string* budget = inst_.meta_value("budget");
    if (!budget) {
        record r;
        r.line = 1;
        return fail(errc::missing_key, r, std::string::npos, "META has no 'budget' key: expected a line 'budget;AMOUNT'");
    }
    {
        auto parsed = rational::parse(*budget);
        const auto [r, off] = where("budget");
        if (!parsed || budget->find('/') != std::string::npos || budget->find('%') != std::string::npos)
            return fail(errc::syntax, r, off, "budget \"" + *budget + "\" is not a number: expected e.g. 500000 or 776314.03");
        if (parsed->sign() <= 0) return fail(errc::invalid_value, r, off, "the budget must be positive");
        inst_.budget = *parsed;
    }
    const std::string* type = inst_.meta_value("vote_type");
    if (!type) {
        record r;
        r.line = 1;
        return fail(errc::missing_key, r, std::string::npos, "META has no 'vote_type' key: expected approval, choose-1, cumulative, scoring or ordinal");
    }
    {
        const auto [r, off] = where("vote_type");
        if (iequals(*type, "approval")) inst_.type = vote_type::approval;
        else if (iequals(*type, "choose-1")) inst_.type = vote_type::choose_one;
        else if (iequals(*type, "cumulative")) inst_.type = vote_type::cumulative;
        else if (iequals(*type, "scoring")) inst_.type = vote_type::scoring;
        else if (iequals(*type, "ordinal")) inst_.type = vote_type::ordinal;
        else
            return fail(errc::invalid_value, r, off,
                        "unknown vote_type \"" + *type + "\": expected approval, choose-1, cumulative, scoring or ordinal");
    }
    if (const std::string* rule = inst_.meta_value("rule")) inst_.rule = *rule;

    const auto whole = [&](const char* key, auto& target, bool allow_negative) -> result<void> {
        const auto v = value_of(key);
        if (!v) return {};
        auto parsed = rational::parse(*v);
        const auto [r, off] = where(key);
        if (!parsed || !parsed->is_integer() || (!allow_negative && parsed->sign() < 0) ||
            v->find('%') != std::string::npos || v->find('/') != std::string::npos)
            return fail(errc::syntax, r, off,
                        std::string(key) + " \"" + *v + "\" is not a " + (allow_negative ? "" : "non-negative ") +
                            "whole number");
        using target_type = typename std::remove_reference_t<decltype(target)>::value_type;
        if (parsed->numerator() > integer(std::numeric_limits<std::int64_t>::max()) ||
            parsed->numerator() < integer(std::numeric_limits<std::int64_t>::min()))
            return fail(errc::too_large, r, off, std::string(key) + " is too large");
        target = static_cast<target_type>(parsed->numerator().convert_to<std::int64_t>());
        return {};
    };
    const auto amount = [&](const char* key, std::optional<rational>& target) -> result<void> {
        const auto v = value_of(key);
        if (!v) return {};
        auto parsed = rational::parse(*v);
        const auto [r, off] = where(key);
        if (!parsed || v->find('%') != std::string::npos)
            return fail(errc::syntax, r, off, std::string(key) + " \"" + *v + "\" is not a number");
        target = *parsed;
        return {};
    };
    ballot_constraints& c = inst_.constraints;
    for (auto step : {whole("min_length", c.min_length, false), whole("max_length", c.max_length, false),
                      amount("min_sum_cost", c.min_sum_cost), amount("max_sum_cost", c.max_sum_cost),
                      whole("min_points", c.min_points, true), whole("max_points", c.max_points, true),
                      whole("min_sum_points", c.min_sum_points, true), whole("max_sum_points", c.max_sum_points, true),
                      amount("min_project_score_threshold", inst_.min_project_score_threshold)})
        if (!step) return step;
    if (const auto d = value_of("default_score")) {
        std::optional<std::int64_t> score;
        if (auto done = whole("default_score", score, true); !done) return done;
        c.default_score = *score;
    }
    if (const auto fn = value_of("scoring_fn"); fn && !iequals(*fn, "borda")) {
        const auto [r, off] = where("scoring_fn");
        std::string_view rest = *fn;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            const std::string_view item = trim(rest.substr(0, comma));
            auto parsed = rational::parse(item);
            if (!parsed || !parsed->is_integer() || item.find_first_of("/%.") != std::string_view::npos)
                return fail(errc::invalid_value, r, off,
                            "scoring_fn \"" + *fn + "\": expected Borda or a comma list of whole points per rank");
            scoring_fn_.push_back(parsed->numerator().convert_to<std::int64_t>());
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    return {};
}

result<void> reader::read_project(const record& r, const std::vector<field>& fields) {
    if (fields.size() != project_columns_.size())
        return fail(errc::syntax, r, fields.size() > project_columns_.size() ? fields[project_columns_.size()].offset : r.text.size(),
                    "expected " + std::to_string(project_columns_.size()) + " fields as in the PROJECTS header, found " +
                        std::to_string(fields.size()) + " (quote a field that contains ';')");
    project p;
    p.id = fields[id_col_].text;
    if (is_none(p.id)) return fail(errc::invalid_value, r, fields[id_col_].offset, "empty project_id");
    if (project_index_.count(p.id))
        return fail(errc::invalid_value, r, fields[id_col_].offset, "project_id \"" + p.id + "\" is used twice");
    const field& cost = fields[cost_col_];
    auto parsed = rational::parse(cost.text);
    if (!parsed || cost.text.find_first_of("/%") != std::string::npos)
        return fail(errc::syntax, r, cost.offset, "cost \"" + cost.text + "\" is not a number: expected e.g. 50000 or 50000.00");
    if (parsed->sign() <= 0)
        return fail(errc::invalid_value, r, cost.offset, "cost must be positive, not " + cost.text);
    p.cost = *parsed;
    const auto optional_number = [&](std::optional<std::size_t> col, const char* what,
                                     std::optional<rational>& target) -> result<void> {
        if (!col || is_none(fields[*col].text)) return {};
        auto v = rational::parse(fields[*col].text);
        if (!v || fields[*col].text.find_first_of("/%") != std::string::npos)
            return fail(errc::syntax, r, fields[*col].offset,
                        std::string(what) + " \"" + fields[*col].text + "\" is not a number");
        target = *v;
        return {};
    };
    if (auto done = optional_number(votes_col_, "votes", p.votes_column); !done) return done;
    if (auto done = optional_number(score_col_, "score", p.score_column); !done) return done;
    if (name_col_) p.name = fields[*name_col_].text;
    if (selected_col_ && !is_none(fields[*selected_col_].text)) {
        const std::string& s = fields[*selected_col_].text;
        if (s != "0" && s != "1" && s != "2")
            return fail(errc::invalid_value, r, fields[*selected_col_].offset, "selected \"" + s + "\": expected 0, 1 or 2");
        p.selected = s[0] - '0';
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i == id_col_ || i == cost_col_ || i == votes_col_ || i == score_col_ || i == name_col_ || i == selected_col_)
            continue;
        p.extra.emplace_back(project_columns_[i], fields[i].text);
    }
    project_index_.emplace(p.id, inst_.projects.size());
    inst_.projects.push_back(std::move(p));
    return {};
}

result<void> reader::read_vote(const record& r, const std::vector<field>& fields) {
    if (fields.size() != vote_columns_)
        return fail(errc::syntax, r, fields.size() > vote_columns_ ? fields[vote_columns_].offset : r.text.size(),
                    "expected " + std::to_string(vote_columns_) + " fields as in the VOTES header, found " +
                        std::to_string(fields.size()));
    ++vote_rows_;
    ballot b;
    if (voter_col_) b.voter_ids.push_back(fields[*voter_col_].text);
    const field& vote = fields[*vote_col_];
    // Ids separated by commas; offsets kept for error columns.
    std::vector<std::size_t> id_offsets;
    if (!is_none(vote.text)) {
        std::size_t start = 0;
        const std::string& s = vote.text;
        for (;;) {
            const std::size_t comma = s.find(',', start);
            const std::size_t stop = comma == std::string::npos ? s.size() : comma;
            const std::string_view id = trim(std::string_view(s).substr(start, stop - start));
            const std::size_t offset = vote.offset + start + (vote.offset < r.text.size() && r.text[vote.offset] == '"' ? 1 : 0);
            auto it = project_index_.find(std::string(id));
            if (it == project_index_.end())
                return fail(errc::invalid_value, r, offset,
                            id.empty() ? std::string("empty project id in the vote")
                                       : "the vote names project \"" + std::string(id) + "\", which is not in PROJECTS");
            b.projects.push_back(it->second);
            id_offsets.push_back(offset);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    {
        std::vector<std::size_t> sorted = b.projects;
        std::sort(sorted.begin(), sorted.end());
        if (const auto dup = std::adjacent_find(sorted.begin(), sorted.end()); dup != sorted.end()) {
            const std::size_t at = static_cast<std::size_t>(
                std::find(b.projects.rbegin(), b.projects.rend(), *dup).base() - b.projects.begin() - 1);
            return fail(errc::invalid_value, r, id_offsets[at],
                        "the vote names project \"" + inst_.projects[*dup].id + "\" twice");
        }
    }
    if (inst_.type == vote_type::cumulative || inst_.type == vote_type::scoring) {
        const field& pts = fields[*points_col_];
        std::size_t start = 0;
        const std::string& s = pts.text;
        while (!is_none(s)) {
            const std::size_t comma = s.find(',', start);
            const std::size_t stop = comma == std::string::npos ? s.size() : comma;
            const std::string_view item = trim(std::string_view(s).substr(start, stop - start));
            auto v = rational::parse(item);
            if (!v || !v->is_integer() || item.find_first_of("/%") != std::string_view::npos)
                return fail(errc::syntax, r, pts.offset + start, "points \"" + std::string(item) + "\" is not a whole number");
            if (v->numerator() > integer(std::numeric_limits<std::int32_t>::max()) ||
                v->numerator() < integer(std::numeric_limits<std::int32_t>::min()))
                return fail(errc::too_large, r, pts.offset + start, "points \"" + std::string(item) + "\" is too large");
            b.points.push_back(v->numerator().convert_to<std::int64_t>());
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (b.points.size() != b.projects.size())
            return fail(errc::invalid_value, r, pts.offset,
                        "the vote lists " + std::to_string(b.projects.size()) + " projects but " +
                            std::to_string(b.points.size()) + " points");
        for (std::size_t i = 0; i < b.points.size(); ++i)
            if (b.points[i] < 0 && inst_.type == vote_type::cumulative)
                return fail(errc::invalid_value, r, pts.offset, "cumulative points must not be negative");
    } else if (inst_.type == vote_type::ordinal) {
        const std::size_t k = b.projects.size();
        for (std::size_t i = 0; i < k; ++i)
            b.points.push_back(scoring_fn_.empty() ? static_cast<std::int64_t>(k - i - 1)
                                                   : (i < scoring_fn_.size() ? scoring_fn_[i] : 0));
    }
    merger_->add(std::move(b));
    return {};
}

result<void> reader::finish() {
    const auto count_check = [this](const char* key, std::uint64_t actual) -> result<void> {
        const std::string* v = inst_.meta_value(key);
        if (!v || is_none(*v)) return {};
        const auto& [r, off] = meta_where_.at(key);
        auto parsed = rational::parse(*v);
        if (!parsed || !parsed->is_integer()) return fail(errc::syntax, r, off, std::string(key) + " \"" + *v + "\" is not a whole number");
        if (parsed->numerator() != actual)
            return fail(errc::invalid_value, r, off,
                        std::string(key) + " says " + *v + " but the file has " + std::to_string(actual) + " rows");
        return {};
    };
    if (auto done = count_check("num_projects", inst_.projects.size()); !done) return done;
    if (auto done = count_check("num_votes", vote_rows_); !done) return done;
    merger_.reset();

    // Validation warnings: the votes column against the ballots, then the announced ballot constraints.
    const std::vector<std::uint64_t> supporters = listing_counts(inst_);
    for (std::size_t p = 0; p < inst_.projects.size(); ++p) {
        const auto& column = inst_.projects[p].votes_column;
        if (column && *column != rational(supporters[p]))
            warn(projects_header_, 0,
                 "project " + inst_.projects[p].id + ": the votes column says " + column->to_string() + " but " +
                     std::to_string(supporters[p]) + " voters list it");
    }
    for (const constraint_violation& v : check_constraints(inst_))
        warn(votes_header_, 0, (v.voter_id.empty() ? "a ballot" : "voter " + v.voter_id) + " " + v.description);
    if (auto valid = validate(inst_); !valid) return valid;
    return {};
}

}  // namespace

result<pabulib_file> parse_pabulib(std::string_view text, std::string_view source_name) {
    reader r(text, source_name);
    return r.run();
}

result<pabulib_file> load_pabulib(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return unexpected(errc::io, "cannot read " + file.string() + ": " + ec.message(), {file.string(), 0, 0, {}});
    if (size > max_file_size)
        return unexpected(errc::too_large, "the file is larger than 512 MiB", {file.string(), 0, 0, {}});
    std::ifstream in(file, std::ios::binary);
    if (!in) return unexpected(errc::io, "cannot open " + file.string(), {file.string(), 0, 0, {}});
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (!in) return unexpected(errc::io, "cannot read " + file.string(), {file.string(), 0, 0, {}});
    return parse_pabulib(text, file.string());
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
