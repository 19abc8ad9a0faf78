// Hand-written elections: what both formats mean (election_builder), the CSV ballot sheet, and the loader that
// chooses a reader by extension. The TOML syntax is read in input_toml.cpp.
#include <tmo/budget/input.hpp>

#include <tmo/budget/run.hpp>
#include <tmo/core/money.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <optional>
#include <unordered_map>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

constexpr std::string_view text_keys[] = {"description", "country",   "unit",     "instance", "currency",
                                          "date_begin",  "date_end",  "language", "comment"};
constexpr std::string_view count_keys[] = {"min_length", "max_length"};
constexpr std::string_view points_keys[] = {"min_points", "max_points", "min_sum_points", "max_sum_points",
                                            "default_score"};
constexpr std::string_view amount_keys[] = {"budget", "min_sum_cost", "max_sum_cost"};

template <std::size_t N>
bool among(const std::string_view (&keys)[N], std::string_view key) {
    return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Money as people write it, exactly: "£12,500", "12500", "12,500.00".
result<rational> amount(std::string_view text, const source_location& at, std::string_view what) {
    auto m = money::parse(text);
    if (!m && m.error().code() == errc::inexact)
        return unexpected(errc::inexact,
                          std::string(what) + " " + in_quotes(text) +
                              " has more than two decimal places: amounts are in pounds and pence",
                          at);
    if (!m)
        return unexpected(errc::syntax,
                          std::string(what) + ": " + m.error().message() +
                              " (write an amount as \"£12,500\", \"12500\" or \"12500.00\")",
                          at);
    return m->to_rational();
}

// A whole number within [lowest, most].
result<std::int64_t> whole(std::string_view text, const source_location& at, std::string_view what,
                           std::int64_t lowest, std::int64_t most) {
    auto r = rational::parse(text);
    if (!r || !r->is_integer() || text.find_first_of("/%.") != std::string_view::npos)
        return unexpected(errc::syntax, std::string(what) + " " + in_quotes(text) + " is not a whole number", at);
    if (r->numerator() < integer(lowest) || r->numerator() > integer(most))
        return unexpected(errc::invalid_value,
                          std::string(what) + " " + in_quotes(text) + " is out of range: expected a whole number from " +
                              std::to_string(lowest) + " to " + std::to_string(most),
                          at);
    return r->numerator().convert_to<std::int64_t>();
}

constexpr std::int64_t most_points = std::numeric_limits<std::int32_t>::max();

}  // namespace

bool election_builder::is_setting(std::string_view key) {
    return among(text_keys, key) || among(count_keys, key) || among(points_keys, key) || among(amount_keys, key) ||
           key == "min_project_score_threshold" || key == "vote_type" || key == "rule" || key == "scoring_fn";
}

struct election_builder::impl {
    source_location file_start;
    pabulib_file out;
    bool has_budget = false;
    std::vector<std::int64_t> scoring_fn;  // ordinal: points per rank; empty = Borda
    std::unordered_map<std::string, std::size_t> project_index;
    std::unordered_map<std::string, source_location> voter_at;
    std::optional<ballot_merger> merger;  // set once the settings are complete (the first project)

    // Ends the settings: checks what they must give, once.
    result<void> start() {
        if (merger) return {};
        if (!has_budget)
            return unexpected(errc::missing_key, "the election has no budget: add budget = \"£25,000\" (or a budget row)",
                              file_start);
        if (!scoring_fn.empty() && out.election.type != vote_type::ordinal)
            return unexpected(errc::invalid_value, "scoring_fn applies only to ordinal ballots", file_start);
        merger.emplace(out.election);
        return {};
    }
};

election_builder::election_builder(source_location file_start) : impl_(std::make_unique<impl>()) {
    impl_->file_start = std::move(file_start);
}

election_builder::~election_builder() = default;

vote_type election_builder::type() const { return impl_->out.election.type; }

result<void> election_builder::set(std::string_view key_text, std::string_view value, const source_location& where) {
    instance& inst = impl_->out.election;
    const std::string key(key_text);
    const std::string v(value);
    if (impl_->merger)
        return unexpected(errc::invalid_argument, "the setting " + in_quotes(key) + " comes after the first project: "
                                                      "give every setting before the projects",
                          where);
    if (inst.meta_value(key) != nullptr)
        return unexpected(errc::invalid_value, "the setting " + in_quotes(key) + " is given twice", where);
    std::string stored = v;
    if (among(amount_keys, key)) {
        auto a = amount(v, where, key);
        if (!a) return unexpected(a.error());
        if (a->sign() <= 0 && key == "budget")
            return unexpected(errc::invalid_value, "the budget must be positive, not " + in_quotes(v), where);
        if (key == "budget") {
            inst.budget = *a;
            impl_->has_budget = true;
        } else {
            (key == "min_sum_cost" ? inst.constraints.min_sum_cost : inst.constraints.max_sum_cost) = *a;
        }
        stored = a->to_exact_text();
    } else if (among(count_keys, key)) {
        auto n = whole(v, where, key, 0, std::numeric_limits<std::int64_t>::max());
        if (!n) return unexpected(n.error());
        (key == "min_length" ? inst.constraints.min_length : inst.constraints.max_length) =
            static_cast<std::uint64_t>(*n);
    } else if (among(points_keys, key)) {
        auto n = whole(v, where, key, -most_points, most_points);
        if (!n) return unexpected(n.error());
        ballot_constraints& c = inst.constraints;
        if (key == "default_score") c.default_score = *n;
        else (key == "min_points" ? c.min_points : key == "max_points" ? c.max_points
              : key == "min_sum_points" ? c.min_sum_points : c.max_sum_points) = *n;
    } else if (key == "min_project_score_threshold") {
        auto r = rational::parse(v);
        if (!r || v.find('%') != std::string::npos)
            return unexpected(errc::syntax, "min_project_score_threshold " + in_quotes(v) + " is not a number", where);
        inst.min_project_score_threshold = *r;
    } else if (key == "vote_type") {
        constexpr vote_type types[] = {vote_type::approval, vote_type::choose_one, vote_type::cumulative,
                                       vote_type::scoring, vote_type::ordinal};
        const auto* t = std::find_if(std::begin(types), std::end(types), [&](vote_type x) { return v == name(x); });
        if (t == std::end(types))
            return unexpected(errc::invalid_value,
                              "unknown vote_type " + in_quotes(v) +
                                  ": expected approval, choose-1, cumulative, scoring or ordinal",
                              where);
        inst.type = *t;
    } else if (key == "rule") {
        const auto& names = rule_names();
        if (std::find(names.begin(), names.end(), v) == names.end()) {
            std::string list;
            for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
            return unexpected(errc::invalid_value, "unknown rule " + in_quotes(v) + ": expected one of " + list, where);
        }
        inst.rule = v;
    } else if (key == "scoring_fn") {
        std::string_view rest = v;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            auto points = whole(rest.substr(0, comma), where, "scoring_fn points", 0, most_points);
            if (!points) return unexpected(points.error());
            impl_->scoring_fn.push_back(*points);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    } else if (!is_setting(key)) {
        return unexpected(errc::unknown_key,
                          "unknown key " + in_quotes(key) +
                              ": expected description, country, unit, instance, currency, date_begin, date_end, "
                              "language, comment, budget, vote_type, rule, min_length, max_length, min_sum_cost, "
                              "max_sum_cost, min_points, max_points, min_sum_points, max_sum_points, "
                              "default_score, scoring_fn or min_project_score_threshold",
                          where);
    }
    inst.meta.emplace_back(key, std::move(stored));
    return {};
}

result<void> election_builder::add_project(std::string id, std::string project_name, std::string_view cost,
                                           const source_location& id_at, const source_location& cost_at) {
    if (auto started = impl_->start(); !started) return started;
    instance& inst = impl_->out.election;
    if (id.empty()) return unexpected(errc::invalid_value, "empty project id: give every project an id", id_at);
    if (id.find(',') != std::string::npos)
        return unexpected(errc::invalid_value,
                          "project id " + in_quotes(id) +
                              " holds a ',': a vote lists project ids separated by commas (as .pb files do), so an "
                              "id cannot contain one; give a short id such as \"benches\" and the full name apart",
                          id_at);
    if (impl_->project_index.count(id))
        return unexpected(errc::invalid_value, "project id " + in_quotes(id) + " is used twice", id_at);
    auto c = amount(cost, cost_at, "cost");
    if (!c) return unexpected(c.error());
    if (c->sign() <= 0) return unexpected(errc::invalid_value, "the cost must be positive, not " + in_quotes(cost), cost_at);
    impl_->project_index.emplace(id, inst.projects.size());
    inst.projects.push_back({std::move(id), *c, std::move(project_name), {}, {}, {}, {}});
    return {};
}

result<void> election_builder::add_ballot(std::string voter_id, const std::vector<ballot_entry>& entries,
                                          const source_location& voter_at) {
    if (auto started = impl_->start(); !started) return started;
    const instance& inst = impl_->out.election;
    const vote_type type = inst.type;
    if (impl_->voter_at.count(voter_id))
        return unexpected(errc::invalid_value, "voter " + in_quotes(voter_id) + " has two ballots", voter_at);
    if (type == vote_type::choose_one && entries.size() != 1)
        return unexpected(errc::invalid_value,
                          "a choose-1 ballot names exactly one project; voter " + in_quotes(voter_id) + "'s names " +
                              std::to_string(entries.size()),
                          voter_at);
    ballot b;
    std::vector<bool> seen(inst.projects.size(), false);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const ballot_entry& e = entries[i];
        const auto it = impl_->project_index.find(e.project_id);
        if (it == impl_->project_index.end())
            return unexpected(errc::invalid_value, "the ballot names project " + in_quotes(e.project_id) +
                                                       ", which is not among the projects", e.where);
        if (seen[it->second])
            return unexpected(errc::invalid_value, "the ballot names project " + in_quotes(e.project_id) + " twice",
                              e.where);
        seen[it->second] = true;
        if (type == vote_type::cumulative && e.points < 0)
            return unexpected(errc::invalid_value, "cumulative points must not be negative", e.where);
        b.projects.push_back(it->second);
        if (type == vote_type::cumulative || type == vote_type::scoring) {
            b.points.push_back(e.points);
        } else if (type == vote_type::ordinal) {
            const std::vector<std::int64_t>& fn = impl_->scoring_fn;
            b.points.push_back(fn.empty() ? static_cast<std::int64_t>(entries.size() - i - 1)
                                          : (i < fn.size() ? fn[i] : 0));
        }
    }
    b.voter_ids.push_back(voter_id);
    impl_->voter_at.emplace(std::move(voter_id), voter_at);
    impl_->merger->add(std::move(b));
    return {};
}

result<pabulib_file> election_builder::finish() {
    if (auto started = impl_->start(); !started) return unexpected(started.error());
    instance& inst = impl_->out.election;
    impl_->merger.reset();
    if (inst.projects.empty())
        return unexpected(errc::missing_key, "the election has no projects", impl_->file_start);
    for (const constraint_violation& v : check_constraints(inst)) {
        const auto at = impl_->voter_at.find(v.voter_id);
        impl_->out.warnings.push_back({at != impl_->voter_at.end() ? at->second : impl_->file_start,
                                       "voter " + v.voter_id + " " + v.description});
    }
    if (auto valid = validate(inst); !valid) {
        source_location where = impl_->file_start;
        return unexpected(valid.error().code(), valid.error().message(), std::move(where));
    }
    return std::move(impl_->out);
}

// ---- the CSV ballot sheet ---------------------------------------------------------------------------------------

namespace {

// One CSV cell: its text (unquoted, spaces around an unquoted cell trimmed) and where it starts.
struct cell {
    std::string text;
    std::uint32_t line = 0, column = 0;
};

// Splits CSV text into rows of cells (RFC 4180 quoting; LF or CRLF; a quoted cell may span lines).
class csv_reader {
public:
    csv_reader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
        if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
    }

    source_location at(std::uint32_t line, std::uint32_t column) const { return {file_, line, column, {}}; }

    // The next row, or an empty vector at the end. Blank lines give a row of one empty cell.
    result<std::vector<cell>> next() {
        std::vector<cell> row;
        if (i_ >= text_.size()) return row;
        for (;;) {
            cell c{{}, line_, column_};
            while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) step();
            if (i_ < text_.size() && text_[i_] == '"') {
                const std::uint32_t open_line = line_, open_column = column_;
                step();
                for (;;) {
                    if (i_ >= text_.size())
                        return unexpected(errc::syntax, "unterminated quoted cell: expected a closing '\"'",
                                          at(open_line, open_column));
                    if (text_[i_] == '"') {
                        step();
                        if (i_ < text_.size() && text_[i_] == '"') {
                            c.text += '"';
                            step();
                            continue;
                        }
                        break;
                    }
                    c.text += text_[i_];
                    step();
                }
                while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) step();
                if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r')
                    return unexpected(errc::syntax, "unexpected text after a quoted cell: expected ',' or the end of the line",
                                      at(line_, column_));
            } else {
                std::size_t end = i_;
                while (end < text_.size() && text_[end] != ',' && text_[end] != '\n' && text_[end] != '\r') ++end;
                std::string_view raw = text_.substr(i_, end - i_);
                if (const std::size_t q = raw.find('"'); q != std::string_view::npos) {
                    for (const std::size_t start = i_; i_ < start + q;) step();
                    return unexpected(errc::syntax, "a quote inside an unquoted cell: quote the whole cell",
                                      at(line_, column_));
                }
                while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
                c.text = std::string(raw);
                while (i_ < end) step();
            }
            row.push_back(std::move(c));
            if (i_ < text_.size() && text_[i_] == ',') {
                step();
                continue;
            }
            if (i_ < text_.size() && text_[i_] == '\r') step();
            if (i_ < text_.size() && text_[i_] == '\n') step();
            return row;
        }
    }

private:
    void step() {
        if (text_[i_] == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80) {
            ++column_;
        }
        ++i_;
    }

    std::string_view text_;
    std::string file_;
    std::size_t i_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
};

bool blank(const std::vector<cell>& row) {
    return std::all_of(row.begin(), row.end(), [](const cell& c) { return c.text.empty(); });
}

std::string lowered(std::string s) {
    for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return s;
}

}  // namespace

result<pabulib_file> parse_election_csv(std::string_view text, std::string_view source_name) {
    const std::string file(source_name);
    csv_reader csv(text, file);
    election_builder build(csv.at(1, 1));
    const auto at = [&](const cell& c) { return csv.at(c.line, c.column); };

    // Key rows up to the "voter" header.
    std::vector<cell> header;
    for (;;) {
        auto row = csv.next();
        if (!row) return unexpected(row.error());
        if (row->empty()) {
            return unexpected(errc::missing_key,
                              "no header row: expected a row \"voter\" followed by the project ids", csv.at(1, 1));
        }
        if (blank(*row)) continue;
        if (lowered((*row)[0].text) == "voter") {
            header = std::move(*row);
            break;
        }
        if (row->size() < 2 || std::any_of(row->begin() + 2, row->end(), [](const cell& c) { return !c.text.empty(); }))
            return unexpected(errc::syntax,
                              "expected a row \"key,value\" (such as budget,\"£25,000\") or the header row "
                              "\"voter,<project id>,...\"",
                              at((*row)[0]));
        if (auto ok = build.set((*row)[0].text, (*row)[1].text, at((*row)[1])); !ok) return unexpected(ok.error());
    }
    const std::size_t columns = header.size();
    if (columns < 2) return unexpected(errc::missing_key, "the header row names no project", at(header[0]));

    // The name and cost rows, then one row per voter.
    std::optional<std::vector<cell>> names, costs;
    const vote_type type = build.type();
    for (;;) {
        auto row = csv.next();
        if (!row) return unexpected(row.error());
        if (row->empty()) break;
        if (blank(*row)) continue;
        if (row->size() > columns)
            return unexpected(errc::syntax,
                              "this row has " + std::to_string(row->size()) + " cells but the header has " +
                                  std::to_string(columns),
                              at((*row)[columns]));
        row->resize(columns, cell{{}, (*row)[0].line, 0});
        const std::string label = lowered((*row)[0].text);
        if (!costs && label == "name" && !names) {
            names = std::move(*row);
            continue;
        }
        if (!costs) {
            if (label != "cost")
                return unexpected(errc::missing_key,
                                  "expected the cost row (\"cost,<cost of each project>\") right after the header",
                                  at((*row)[0]));
            costs = std::move(*row);
            for (std::size_t p = 1; p < columns; ++p)
                if (auto ok = build.add_project(header[p].text, names ? (*names)[p].text : std::string(),
                                                (*costs)[p].text, at(header[p]), at((*costs)[p]));
                    !ok)
                    return unexpected(ok.error());
            continue;
        }
        std::vector<ballot_entry> entries;
        std::vector<std::int64_t> ranks;
        for (std::size_t p = 1; p < columns; ++p) {
            const cell& c = (*row)[p];
            const std::string mark = lowered(c.text);
            if (mark.empty() || mark == "0") continue;
            ballot_entry e{header[p].text, 0, at(c)};
            if (type == vote_type::approval || type == vote_type::choose_one) {
                if (mark != "x" && mark != "1" && mark != "yes")
                    return unexpected(errc::syntax,
                                      "expected x, 1 or yes for a supported project, or a blank cell, not \"" +
                                          c.text + "\"",
                                      at(c));
            } else {
                auto n = whole(c.text, at(c), type == vote_type::ordinal ? "the rank" : "points",
                                       -most_points, most_points);
                if (!n) return unexpected(n.error());
                e.points = *n;
                if (type == vote_type::ordinal) ranks.push_back(e.points);
            }
            entries.push_back(std::move(e));
        }
        if (type == vote_type::ordinal) {
            // Ranks 1, 2, ... k, each once: order the entries by rank.
            std::vector<std::size_t> order(entries.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
            std::vector<ballot_entry> ranked;
            for (std::size_t i = 0; i < order.size(); ++i) {
                if (ranks[order[i]] != static_cast<std::int64_t>(i + 1))
                    return unexpected(errc::invalid_value,
                                      "ranks must be 1, 2, 3, ... each used once; expected rank " +
                                          std::to_string(i + 1) + " here or elsewhere on the row",
                                      entries[order[i]].where);
                ranked.push_back(entries[order[i]]);
            }
            entries = std::move(ranked);
        }
        // A row without a voter id is an anonymous ballot, named after its line.
        const cell& voter = (*row)[0];
        std::string voter_id = voter.text.empty() ? "line " + std::to_string(voter.line) : voter.text;
        if (auto ok = build.add_ballot(std::move(voter_id), entries, at(voter)); !ok) return unexpected(ok.error());
    }
    if (!costs) return unexpected(errc::missing_key, "no cost row: add \"cost,<cost of each project>\" after the header",
                                  at(header[0]));
    return build.finish();
}

// ---- choosing a reader ------------------------------------------------------------------------------------------

result<pabulib_file> load_election(const std::filesystem::path& file) {
    const std::string name = file.string();
    const std::string extension = lowered(file.extension().string());
    if (extension != ".pb" && extension != ".toml" && extension != ".csv")
        return unexpected(errc::invalid_value,
                          "cannot tell the format of " + name + ": expected a .pb, .toml or .csv file",
                          {name, 0, 0, {}});
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return unexpected(errc::io, "cannot read " + name + ": " + ec.message(), {name, 0, 0, {}});
    if (size > max_election_file_bytes)
        return unexpected(errc::too_large, "the file is larger than 512 MiB", {name, 0, 0, {}});
    std::ifstream in(file, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(size)))
        return unexpected(errc::io, "cannot read " + name, {name, 0, 0, {}});
    if (extension == ".pb") return parse_pabulib(text, name);
    if (extension == ".toml") return parse_election_toml(text, name);
    return parse_election_csv(text, name);
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
