#include <tmo/contract/performance.hpp>

#include "toml/text.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

// ---- splitting CSV text into cells -------------------------------------------------------------------------------

struct cell {
    std::string text;
    std::uint32_t column = 1;  // in code points
};

struct row {
    std::uint32_t line = 1;
    std::vector<cell> cells;
};

// Thrown inside this file to stop a row (or the whole file) at its first problem.
struct bad_row {
    error err;
};

class splitter {
public:
    splitter(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    // Every non-blank record; errors in the text itself (quotes, bytes) stop the whole file.
    std::vector<row> rows() {
        std::vector<row> out;
        if (text_.size() > max_csv_bytes)
            fail(errc::too_large, "the file is larger than " + std::to_string(max_csv_bytes) + " bytes, the most accepted");
        if (text_.starts_with("\xEF\xBB\xBF")) i_ = 3;
        while (i_ < text_.size()) {
            row r{line_, {}};
            bool more = true;
            while (more) more = field(r);
            const bool blank = r.cells.size() == 1 && r.cells[0].text.empty();
            if (!blank) out.push_back(std::move(r));
        }
        return out;
    }

private:
    [[noreturn]] void fail(errc code, std::string message) const {
        throw bad_row{error(code, std::move(message), source_location{file_, line_, column_, {}})};
    }

    void step(std::size_t bytes) {
        i_ += bytes;
        ++column_;
    }

    // Reads one character of a field into `out` (validating it); returns its first byte.
    void take(std::string& out) {
        const auto c = static_cast<unsigned char>(text_[i_]);
        if (c >= 0x80) {
            const detail::utf8_char ch = detail::decode_utf8(text_, i_);
            if (ch.length == 0) fail(errc::syntax, "invalid UTF-8");
            out.append(text_.substr(i_, ch.length));
            step(ch.length);
            return;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F) fail(errc::syntax, "control character in a field");
        out += static_cast<char>(c);
        step(1);
    }

    void end_line() {
        ++line_;
        column_ = 1;
    }

    // Reads one field at i_ into r; returns true when another field of the same record follows.
    bool field(row& r) {
        cell c{{}, column_};
        const std::uint32_t start_line = line_;
        if (i_ < text_.size() && text_[i_] == '"') {
            step(1);
            for (;;) {
                if (i_ >= text_.size()) {
                    line_ = start_line;
                    column_ = c.column;
                    fail(errc::syntax, "a quoted field is not closed: add the closing '\"'");
                }
                if (text_[i_] == '"') {
                    if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
                        c.text += '"';
                        step(1);
                        step(1);
                        continue;
                    }
                    step(1);
                    break;
                }
                if (text_[i_] == '\n') {
                    c.text += '\n';
                    ++i_;
                    end_line();
                } else if (text_[i_] == '\r') {
                    ++i_;
                } else {
                    take(c.text);
                }
            }
            if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r')
                fail(errc::syntax, "unexpected text after a closing quote: expected ',' or the end of the line");
        } else {
            while (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r') {
                if (text_[i_] == '"')
                    fail(errc::syntax, "a quote inside an unquoted field: quote the whole field and double the quote");
                take(c.text);
            }
        }
        r.cells.push_back(std::move(c));
        if (i_ >= text_.size()) return false;
        if (text_[i_] == ',') {
            step(1);
            return true;
        }
        if (text_[i_] == '\r') ++i_;
        if (i_ < text_.size() && text_[i_] == '\n') ++i_;
        end_line();
        return false;
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t i_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
};

// ---- reading typed rows ------------------------------------------------------------------------------------------

// A CSV table with a header row: cells by column name, each value checked with its location.
class table {
public:
    table(std::string_view text, std::string file, std::initializer_list<std::string_view> required,
          std::initializer_list<std::string_view> optional)
        : file_(std::move(file)) {
        rows_ = splitter(text, file_).rows();
        if (rows_.empty())
            throw bad_row{error(errc::missing_key, "the file is empty: expected a header row naming the columns " +
                                                       list(required),
                                source_location{file_, 1, 1, {}})};
        const row& header = rows_.front();
        for (std::size_t i = 0; i < header.cells.size(); ++i) {
            const cell& h = header.cells[i];
            const bool known = std::find(required.begin(), required.end(), h.text) != required.end() ||
                               std::find(optional.begin(), optional.end(), h.text) != optional.end();
            if (!known)
                header_fail(errc::unknown_key, h, "unknown column '" + h.text + "'; expected columns " +
                                                      list(required) + (optional.size() ? ", optionally " + list(optional) : ""));
            if (columns_.contains(h.text)) header_fail(errc::invalid_value, h, "the column '" + h.text + "' appears twice");
            columns_[h.text] = i;
        }
        for (std::string_view name : required)
            if (!columns_.contains(std::string(name)))
                header_fail(errc::missing_key, header.cells.front(), "missing column '" + std::string(name) + "'");
    }

    [[nodiscard]] std::span<const row> records() const { return std::span<const row>(rows_).subspan(1); }
    [[nodiscard]] const std::string& file() const { return file_; }

    // The cell of `name` in `r`, or null when the file has no such column.
    [[nodiscard]] const cell* get(const row& r, std::string_view name) const {
        const auto it = columns_.find(std::string(name));
        if (it == columns_.end()) return nullptr;
        if (r.cells.size() != rows_.front().cells.size()) {
            const cell& at = r.cells.size() > rows_.front().cells.size() ? r.cells[rows_.front().cells.size()]
                                                                          : r.cells.back();
            fail(errc::syntax, r, at,
                 "the row has " + std::to_string(r.cells.size()) + " fields but the header names " +
                     std::to_string(rows_.front().cells.size()) + " columns");
        }
        return &r.cells[it->second];
    }

    [[nodiscard]] const cell& need(const row& r, std::string_view name) const {
        const cell* c = get(r, name);
        if (c->text.empty()) fail(errc::missing_key, r, *c, "the " + std::string(name) + " is empty");
        return *c;
    }

    [[noreturn]] void fail(errc code, const row& r, const cell& c, std::string message) const {
        throw bad_row{error(code, std::move(message), source_location{file_, r.line, c.column, {}})};
    }

    [[nodiscard]] source_location at(const row& r) const { return {file_, r.line, 1, {}}; }

private:
    static std::string list(std::initializer_list<std::string_view> names) {
        std::string out;
        for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
        return out;
    }
    [[noreturn]] void header_fail(errc code, const cell& c, std::string message) const {
        throw bad_row{error(code, std::move(message), source_location{file_, 1, c.column, {}})};
    }

    std::string file_;
    std::vector<row> rows_;
    std::map<std::string, std::size_t> columns_;
};

// Reads every record with `read`, collecting bad rows; refuses the file if there is any.
template <class T, class Read>
result<std::vector<T>> read_all(std::string_view text, std::string_view source_name,
                                std::initializer_list<std::string_view> required,
                                std::initializer_list<std::string_view> optional, Read&& read) {
    try {
        const table t(text, std::string(source_name), required, optional);
        std::vector<T> out;
        std::vector<error> bad;
        for (const row& r : t.records()) {
            try {
                out.push_back(read(t, r));
            } catch (const bad_row& e) {
                bad.push_back(e.err);
            }
        }
        if (bad.empty()) return out;
        if (bad.size() == 1) return unexpected(bad.front());
        const error& first = bad.front();
        return unexpected(first.code(),
                          first.message() + " (the first of " + std::to_string(bad.size()) +
                              " bad rows; the file is refused)",
                          first.where());
    } catch (const bad_row& e) {
        return unexpected(e.err);
    }
}

moment time_of(const table& t, const row& r, const cell& c) {
    std::string_view s = c.text;
    const auto wrong = [&] {
        t.fail(errc::syntax, r, c, "'" + c.text + "' is not a date and time: write it as 2025-04-03 09:15");
    };
    if (s.size() != 16 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':') wrong();
    result<date> d = parse_date(s.substr(0, 10));
    if (!d) t.fail(d.error().code(), r, c, "'" + c.text + "': " + d.error().message());
    const auto two = [&](std::size_t at) {
        if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') wrong();
        return (s[at] - '0') * 10 + (s[at + 1] - '0');
    };
    const int hh = two(11);
    const int mm = two(14);
    if (hh > 23 || mm > 59) t.fail(errc::invalid_value, r, c, "'" + c.text + "' is not a time of day");
    return at(*d, hh, mm);
}

// A date and time, or a date alone (00:00 that day).
moment day_or_time(const table& t, const row& r, const cell& c) {
    if (c.text.size() != 10) return time_of(t, r, c);
    result<date> d = parse_date(c.text);
    if (!d) t.fail(d.error().code(), r, c, "'" + c.text + "': " + d.error().message());
    return at(*d);
}

std::optional<bool> yes_no(const table& t, const row& r, const cell* c, std::string_view column) {
    if (c == nullptr || c->text.empty()) return std::nullopt;
    if (c->text == "yes") return true;
    if (c->text == "no") return false;
    t.fail(errc::invalid_value, r, *c, "the " + std::string(column) + " is '" + c->text + "': expected yes, no or nothing");
}

void unique(std::set<std::string>& seen, const table& t, const row& r, const cell& c, std::string_view what) {
    if (!seen.insert(c.text).second) t.fail(errc::invalid_value, r, c, std::string(what) + " '" + c.text + "' appears twice");
}

bool completed_in(const job_record& j, const kpi_definition& kpi, const period& p) {
    if (!j.job.completed || !p.contains(day_of(*j.job.completed))) return false;
    return kpi.priorities.empty() ||
           std::find(kpi.priorities.begin(), kpi.priorities.end(), j.job.priority) != kpi.priorities.end();
}

std::string jobs_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " job" : " jobs"); }

}  // namespace

result<std::vector<job_record>> read_jobs_csv(std::string_view text, std::string_view source_name) {
    std::set<std::string> refs;
    return read_all<job_record>(
        text, source_name, {"job", "priority", "raised"},
        {"dwelling", "completed", "first_time_fix", "recall", "satisfaction", "price_code"},
        [&](const table& t, const row& r) {
            job_record j;
            j.where = t.at(r);
            const cell& ref = t.need(r, "job");
            unique(refs, t, r, ref, "the job");
            j.job.reference = ref.text;
            j.job.priority = t.need(r, "priority").text;
            j.job.reported = time_of(t, r, t.need(r, "raised"));
            if (const cell* c = t.get(r, "completed"); c != nullptr && !c->text.empty()) {
                j.job.completed = time_of(t, r, *c);
                if (*j.job.completed < j.job.reported)
                    t.fail(errc::invalid_value, r, *c, "job " + ref.text + " is completed before it was raised");
            }
            if (const cell* c = t.get(r, "dwelling")) j.dwelling = c->text;
            j.first_time_fix = yes_no(t, r, t.get(r, "first_time_fix"), "first_time_fix");
            j.recall = yes_no(t, r, t.get(r, "recall"), "recall").value_or(false);
            if (const cell* c = t.get(r, "satisfaction"); c != nullptr && !c->text.empty()) {
                if (c->text.size() != 1 || c->text[0] < '1' || c->text[0] > '5')
                    t.fail(errc::invalid_value, r, *c, "the satisfaction score is '" + c->text + "': expected 1 to 5");
                j.satisfaction = c->text[0] - '0';
            }
            if (const cell* c = t.get(r, "price_code")) j.price_code = c->text;
            return j;
        });
}

result<std::vector<inspection>> read_inspections_csv(std::string_view text, std::string_view source_name) {
    std::set<std::string> refs;
    return read_all<inspection>(text, source_name, {"inspection", "date", "grade"}, {"location", "element"},
                                [&](const table& t, const row& r) {
                                    inspection i;
                                    i.where = t.at(r);
                                    const cell& ref = t.need(r, "inspection");
                                    unique(refs, t, r, ref, "the inspection");
                                    i.reference = ref.text;
                                    const cell& day = t.need(r, "date");
                                    result<date> d = parse_date(day.text);
                                    if (!d) t.fail(d.error().code(), r, day, "'" + day.text + "': " + d.error().message());
                                    i.on = *d;
                                    i.grade = t.need(r, "grade").text;
                                    if (const cell* c = t.get(r, "location")) i.location = c->text;
                                    if (const cell* c = t.get(r, "element")) i.element = c->text;
                                    return i;
                                });
}

result<std::vector<kpi_reading>> read_readings_csv(std::string_view text, std::string_view source_name) {
    std::set<std::string> seen;
    return read_all<kpi_reading>(
        text, source_name, {"kpi", "month", "value"}, {"basis"}, [&](const table& t, const row& r) {
            kpi_reading k;
            k.where = t.at(r);
            k.kpi_id = t.need(r, "kpi").text;
            const cell& m = t.need(r, "month");
            result<date> d = m.text.size() == 7 ? parse_date(m.text + "-01")
                                                : result<date>(unexpected(errc::syntax, "wrong shape"));
            if (!d) t.fail(errc::syntax, r, m, "'" + m.text + "' is not a month: write it as 2025-04");
            k.month = d->year() / d->month();
            if (!seen.insert(k.kpi_id + "@" + m.text).second)
                t.fail(errc::invalid_value, r, m, "a second reading of " + k.kpi_id + " for " + m.text);
            const cell& v = t.need(r, "value");
            result<rational> value = rational::parse(v.text);
            if (!value) t.fail(errc::syntax, r, v, "'" + v.text + "' is not an exact number such as 98.4 or 1/3");
            k.value = v.text.ends_with('%') ? *value * 100 : *value;
            if (const cell* c = t.get(r, "basis")) k.basis = c->text;
            return k;
        });
}

result<std::vector<failure_event>> read_failures_csv(std::string_view text, std::string_view source_name,
                                                    std::span<const failure_category> categories) {
    std::set<std::string> refs;
    return read_all<failure_event>(
        text, source_name, {"reference", "category", "location", "reported"},
        {"location_weight", "rectified", "excluded_because"}, [&](const table& t, const row& r) {
            failure_event f;
            const cell& ref = t.need(r, "reference");
            unique(refs, t, r, ref, "the failure");
            f.reference = ref.text;
            const cell& category = t.need(r, "category");
            if (std::none_of(categories.begin(), categories.end(),
                             [&](const failure_category& k) { return k.code == category.text; }))
                t.fail(errc::not_found, r, category,
                       "failure " + ref.text + " has category '" + category.text +
                           "', which is not a category of the contract's [points]");
            f.category = category.text;
            f.location = t.need(r, "location").text;
            if (const cell* c = t.get(r, "location_weight"); c != nullptr && !c->text.empty()) {
                result<rational> weight = rational::parse(c->text);
                if (!weight) t.fail(errc::syntax, r, *c, "'" + c->text + "' is not an exact number such as 2 or 1.5");
                if (weight->sign() < 0) t.fail(errc::invalid_value, r, *c, "a location weight cannot be negative");
                f.location_weight = *weight;
            }
            f.reported = day_or_time(t, r, t.need(r, "reported"));
            if (const cell* c = t.get(r, "rectified"); c != nullptr && !c->text.empty()) {
                f.rectified = day_or_time(t, r, *c);
                if (*f.rectified < f.reported)
                    t.fail(errc::invalid_value, r, *c, "failure " + ref.text + " is put right before it was reported");
            }
            if (const cell* c = t.get(r, "excluded_because"); c != nullptr && !c->text.empty())
                f.excluded_because = c->text;
            return f;
        });
}

result<std::string> read_csv_file(const std::string& path) { return detail::read_text_file(path, max_csv_bytes); }

kpi_value right_first_time_share(std::span<const job_record> jobs, const kpi_definition& kpi, const period& p) {
    std::int64_t right = 0;
    std::int64_t recorded = 0;
    std::int64_t unrecorded = 0;
    for (const job_record& j : jobs) {
        if (!completed_in(j, kpi, p)) continue;
        if (!j.first_time_fix) {
            ++unrecorded;
            continue;
        }
        ++recorded;
        if (*j.first_time_fix && !j.recall) ++right;
    }
    kpi_value v{right, recorded, std::nullopt,
                std::to_string(right) + " of " + jobs_text(recorded) + " fixed first time and not recalled" +
                    (unrecorded ? " (" + jobs_text(unrecorded) + " without a record left out)" : "")};
    if (recorded != 0) v.value = rational(right * 100, recorded);
    return v;
}

kpi_value satisfied_share(std::span<const job_record> jobs, const kpi_definition& kpi, const period& p) {
    std::int64_t satisfied = 0;
    std::int64_t scored = 0;
    for (const job_record& j : jobs) {
        if (!completed_in(j, kpi, p) || !j.satisfaction) continue;
        ++scored;
        if (*j.satisfaction >= kpi.satisfied_from) ++satisfied;
    }
    kpi_value v{satisfied, scored, std::nullopt,
                std::to_string(satisfied) + " of " + std::to_string(scored) + " tenants surveyed scored " +
                    std::to_string(kpi.satisfied_from) + " or more out of 5"};
    if (scored != 0) v.value = rational(satisfied * 100, scored);
    return v;
}

result<kpi_value> inspections_share(std::span<const inspection> inspections, const kpi_definition& kpi,
                                    const period& p) {
    std::vector<std::string> grades;
    for (const inspection& i : inspections) {
        if (!p.contains(i.on)) continue;
        if (!kpi.elements.empty() &&
            std::find(kpi.elements.begin(), kpi.elements.end(), i.element) == kpi.elements.end())
            continue;
        if (kpi.grades && std::find(kpi.grades->grades.begin(), kpi.grades->grades.end(), i.grade) ==
                              kpi.grades->grades.end())
            return unexpected(errc::invalid_value,
                              "inspection " + i.reference + " has grade '" + i.grade + "', which is not a grade of " +
                                  kpi.grades->name + " (KPI " + kpi.id + ")",
                              i.where);
        grades.push_back(i.grade);
    }
    return acceptable_share(grades, kpi);
}

kpi_value reading_value(std::span<const kpi_reading> readings, const kpi_definition& kpi,
                        std::chrono::year_month month) {
    for (const kpi_reading& r : readings)
        if (r.kpi_id == kpi.id && r.month == month)
            return kpi_value{r.value.numerator(), r.value.denominator(), r.value,
                             r.basis.empty() ? "as reported" : r.basis};
    return kpi_value{0, 0, std::nullopt, "no reading"};
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
