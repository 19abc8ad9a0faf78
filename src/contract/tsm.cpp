#include <tmo/contract/kpi.hpp>
#include <tmo/contract/tsm.hpp>
#include <tmo/core/text.hpp>

#include "contract/text.hpp"

#include <boost/multiprecision/integer.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {

namespace {

// z = 1.96 for 95% confidence, as the survey requirements' sample sizes use it.
const rational z_squared{integer(2401), integer(625)};

std::string grouped(std::int64_t n) { return group_thousands(std::to_string(n)); }

std::string count_of(std::int64_t n, const char* one, const char* many) {
    return grouped(n) + " " + (n == 1 ? one : many);
}

// ---- CSV: comma-separated cells, no quoting, with the line and column of each cell ----

struct cell {
    std::string text;
    std::uint32_t column = 1;
};

struct csv_row {
    std::vector<cell> cells;
    std::uint32_t line = 0;
};

constexpr std::size_t max_input = std::size_t{16} << 20;

result<std::vector<csv_row>> read_csv(std::string_view text, const std::string& file) {
    if (text.size() > max_input) return unexpected(errc::too_large, "the file is larger than 16 MiB", {file, 0, 0, {}});
    std::vector<csv_row> rows;
    std::uint32_t line = 0;
    std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // the byte-order mark spreadsheets write
    while (start < text.size()) {
        ++line;
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view content = text.substr(start, end - start);
        start = end + 1;
        if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
        if (content.find_first_not_of(" \t") == std::string_view::npos) continue;
        csv_row row{{}, line};
        std::uint32_t column = 1;
        cell current{{}, 1};
        for (const char c : content) {
            if (c == '"')
                return unexpected(errc::syntax, "quoted cells are not supported: expected plain comma-separated values",
                                  {file, line, column, {}});
            if (c == ',') {
                row.cells.push_back(std::move(current));
                current = cell{{}, column + 1};
            } else {
                current.text += c;
            }
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
        }
        row.cells.push_back(std::move(current));
        for (cell& c : row.cells) {
            const auto first = c.text.find_first_not_of(" \t");
            c.text = first == std::string::npos ? "" : c.text.substr(first, c.text.find_last_not_of(" \t") - first + 1);
        }
        rows.push_back(std::move(row));
    }
    if (rows.empty()) return unexpected(errc::missing_key, "the file is empty: expected a header row", {file, 1, 1, {}});
    return rows;
}

// Maps each expected column name to its index in the header row; every name must appear exactly once.
result<std::vector<std::size_t>> header_columns(const csv_row& header, const std::vector<std::string>& names,
                                                const std::string& file) {
    std::vector<std::size_t> index(names.size(), header.cells.size());
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const cell& c = header.cells[i];
        const auto it = std::find(names.begin(), names.end(), c.text);
        if (it == names.end())
            return unexpected(errc::unknown_key, "unknown column \"" + c.text + "\"", {file, header.line, c.column, {}});
        auto& slot = index[static_cast<std::size_t>(it - names.begin())];
        if (slot != header.cells.size())
            return unexpected(errc::invalid_value, "column \"" + c.text + "\" appears twice",
                              {file, header.line, c.column, {}});
        slot = i;
    }
    for (std::size_t k = 0; k < names.size(); ++k)
        if (index[k] == header.cells.size())
            return unexpected(errc::missing_key, "the header has no column \"" + names[k] + "\"",
                              {file, header.line, 1, {}});
    return index;
}

result<void> check_width(const csv_row& row, std::size_t width, const std::string& file) {
    if (row.cells.size() == width) return {};
    return unexpected(errc::syntax,
                      "expected " + std::to_string(width) + " cells as in the header, found " +
                          std::to_string(row.cells.size()),
                      {file, row.line, row.cells.size() > width ? row.cells[width].column : 1, {}});
}

source_location where(const std::string& file, const csv_row& row, const cell& c) {
    return {file, row.line, c.column, {}};
}

result<bool> yes_no(const csv_row& row, const cell& c, const std::string& file) {
    if (c.text == "yes") return true;
    if (c.text == "no") return false;
    return unexpected(errc::invalid_value, "expected yes or no, found \"" + c.text + "\"", where(file, row, c));
}

// ---- perception ----

struct question {
    const char* code;
    const char* title;
};

constexpr std::array<question, 12> questions{{
    {"TP01", "satisfied with the overall service"},
    {"TP02", "satisfied with the overall repairs service"},
    {"TP03", "satisfied with the time taken to complete the most recent repair"},
    {"TP04", "satisfied that the home is well maintained"},
    {"TP05", "satisfied that the home is safe"},
    {"TP06", "satisfied that the landlord listens to tenant views and acts upon them"},
    {"TP07", "satisfied that the landlord keeps tenants informed about things that matter to them"},
    {"TP08", "agree that the landlord treats them fairly and with respect"},
    {"TP09", "satisfied with the landlord's approach to complaints handling"},
    {"TP10", "satisfied that communal areas are kept clean and well maintained"},
    {"TP11", "satisfied that the landlord makes a positive contribution to the neighbourhood"},
    {"TP12", "satisfied with the landlord's approach to handling anti-social behaviour"},
}};

// Whether respondent r is in the base of question q (0-based): the filter questions gate TP02, TP03, TP09, TP10.
bool in_base(const tsm_response& r, std::size_t q) {
    if (q == 1 || q == 2) return r.repair;
    if (q == 8) return r.complaint;
    if (q == 9) return r.communal;
    return true;
}

const char* base_words(std::size_t q) {
    if (q == 1 || q == 2) return " who had a repair in the last 12 months";
    if (q == 8) return " who made a complaint in the last 12 months";
    if (q == 9) return " with communal areas";
    return "";
}

// ---- records ----

struct record_kind_info {
    tsm_record_kind kind;
    const char* name;
    const char* met;      // the status meaning met; nullptr when the status must be empty
    const char* not_met;
};

constexpr std::array<record_kind_info, 12> record_kinds{{
    {tsm_record_kind::emergency_repair, "emergency-repair", "on-time", "late"},
    {tsm_record_kind::repair, "repair", "on-time", "late"},
    {tsm_record_kind::stage1_complaint, "stage1-complaint", "on-time", "late"},
    {tsm_record_kind::stage2_complaint, "stage2-complaint", "on-time", "late"},
    {tsm_record_kind::asb, "asb", nullptr, nullptr},
    {tsm_record_kind::hate_asb, "hate-asb", nullptr, nullptr},
    {tsm_record_kind::gas_check, "gas-check", "done", "missing"},
    {tsm_record_kind::fire_check, "fire-check", "done", "missing"},
    {tsm_record_kind::asbestos_check, "asbestos-check", "done", "missing"},
    {tsm_record_kind::water_check, "water-check", "done", "missing"},
    {tsm_record_kind::lift_check, "lift-check", "done", "missing"},
    {tsm_record_kind::decent_homes, "decent-homes", "decent", "non-decent"},
}};

bool is_check(tsm_record_kind k) {
    return k == tsm_record_kind::gas_check || k == tsm_record_kind::fire_check ||
           k == tsm_record_kind::asbestos_check || k == tsm_record_kind::water_check ||
           k == tsm_record_kind::lift_check;
}

tsm_figure share(std::string code, std::string part, std::string title, std::int64_t met, std::int64_t total,
                 const std::string& sentence_tail) {
    tsm_figure f{std::move(code), std::move(part), std::move(title), met, total, std::nullopt, false, 0,
                 std::nullopt, {}};
    if (total > 0) f.value = rational(integer(met) * 100, total);
    f.sentence = f.code + (f.part.empty() ? "" : " " + f.part) + ": " +
                 (f.value ? detail::percent(*f.value) + " (" + grouped(met) + " of " + grouped(total) + ")"
                          : std::string("no figure (none recorded)")) +
                 sentence_tail;
    return f;
}

}  // namespace

result<sample_size> required_sample_size(std::int64_t population, const rational& margin,
                                         sample_correction correction, rounding round) {
    if (population < 1) return unexpected(errc::invalid_value, "the population must be at least 1");
    if (margin.sign() <= 0 || margin >= rational(1))
        return unexpected(errc::invalid_value, "the margin of error must be strictly between 0 and 100%");
    sample_size s;
    s.population = population;
    s.margin = margin;
    s.infinite = z_squared * rational(integer(1), integer(4)) / (margin * margin);
    const rational n(population);
    s.corrected = correction == sample_correction::minus_one ? s.infinite / (rational(1) + (s.infinite - 1) / n)
                                                             : s.infinite / (rational(1) + s.infinite / n);
    auto required = s.corrected.round(round);
    if (!required) return unexpected(required.error());
    s.required = *required;
    s.sentence = "A population of " + grouped(population) + " at ±" + detail::percent(margin * 100, 2) +
                 " needs " + group_thousands(s.required.str()) + " responses at 95% confidence (n0 = " +
                 detail::figure(s.infinite, 2) + ", corrected " + detail::figure(s.corrected, 3) + ").";
    return s;
}

result<rational> required_margin(std::int64_t population, std::span<const precision_band> bands) {
    const precision_band* best = nullptr;
    for (const precision_band& b : bands)
        if (b.from_population <= population && (!best || b.from_population > best->from_population)) best = &b;
    if (!best)
        return unexpected(errc::not_found, "no precision band covers a population of " + grouped(population));
    return best->margin;
}

result<rational> margin_of_error(std::int64_t satisfied, std::int64_t respondents,
                                 std::optional<std::int64_t> population) {
    if (respondents < 1 || satisfied < 0 || satisfied > respondents)
        return unexpected(errc::invalid_value, "expected at least one respondent and 0 <= satisfied <= respondents");
    if (population && *population < respondents)
        return unexpected(errc::invalid_value, "the population (" + grouped(*population) +
                                                   ") is smaller than the respondents (" + grouped(respondents) + ")");
    const rational p{integer(satisfied), integer(respondents)};
    rational squared = z_squared * p * (rational(1) - p) / rational(respondents);
    if (population) {
        if (*population == respondents) return rational(0);  // a census has no sampling error
        squared *= rational(integer(*population - respondents), integer(*population - 1));
    }
    // e in percentage points to 0.01 is sqrt(e² × 10^8) / 100; ceil(sqrt(x)) = ceil(sqrt(ceil(x))) for x >= 0.
    const integer scaled = (squared * rational(integer(100000000))).ceil();
    integer root = boost::multiprecision::sqrt(scaled);
    if (root * root < scaled) ++root;
    return rational(root, integer(100));
}

const char* tenure_name(tenure t) noexcept { return t == tenure::lcra ? "LCRA" : "LCHO"; }

result<std::vector<tsm_response>> parse_tsm_survey(std::string_view text, std::string_view source_name) {
    const std::string file(source_name);
    auto rows = read_csv(text, file);
    if (!rows) return unexpected(rows.error());
    std::vector<std::string> names{"id", "tenure", "repair", "complaint", "communal"};
    for (const question& q : questions) names.emplace_back(q.code);
    auto columns = header_columns(rows->front(), names, file);
    if (!columns) return unexpected(columns.error());
    const auto& col = *columns;
    std::vector<tsm_response> out;
    std::set<std::string> ids;
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const csv_row& row = (*rows)[i];
        if (auto ok = check_width(row, names.size(), file); !ok) return unexpected(ok.error());
        const auto at = [&](std::size_t k) -> const cell& { return row.cells[col[k]]; };
        tsm_response r;
        r.line = row.line;
        r.id = at(0).text;
        if (r.id.empty()) return unexpected(errc::invalid_value, "expected a respondent id", where(file, row, at(0)));
        if (!ids.insert(r.id).second)
            return unexpected(errc::invalid_value, "respondent \"" + r.id + "\" appears twice", where(file, row, at(0)));
        if (at(1).text == "LCRA") r.group = tenure::lcra;
        else if (at(1).text == "LCHO") r.group = tenure::lcho;
        else return unexpected(errc::invalid_value, "expected LCRA or LCHO, found \"" + at(1).text + "\"",
                               where(file, row, at(1)));
        bool* filters[] = {&r.repair, &r.complaint, &r.communal};
        for (std::size_t k = 0; k < 3; ++k) {
            auto v = yes_no(row, at(2 + k), file);
            if (!v) return unexpected(v.error());
            *filters[k] = *v;
        }
        for (std::size_t q = 0; q < questions.size(); ++q) {
            const cell& c = at(5 + q);
            if (c.text.empty() || c.text == "DK" || c.text == "NA") continue;
            if (c.text.size() != 1 || c.text[0] < '1' || c.text[0] > '5')
                return unexpected(errc::invalid_value,
                                  std::string("expected an answer code 1 to 5, DK, NA or nothing for ") +
                                      questions[q].code + ", found \"" + c.text + "\"",
                                  where(file, row, c));
            if (!in_base(r, q))
                return unexpected(errc::invalid_value,
                                  std::string(questions[q].code) + " is asked only of respondents" + base_words(q) +
                                      ", but this respondent's filter answer is no",
                                  where(file, row, c));
            r.answers[q] = c.text[0] - '0';
        }
        out.push_back(std::move(r));
    }
    return out;
}

result<std::vector<tsm_record>> parse_tsm_records(std::string_view text, std::string_view source_name) {
    const std::string file(source_name);
    auto rows = read_csv(text, file);
    if (!rows) return unexpected(rows.error());
    const std::vector<std::string> names{"kind", "reference", "status"};
    auto columns = header_columns(rows->front(), names, file);
    if (!columns) return unexpected(columns.error());
    const auto& col = *columns;
    std::vector<tsm_record> out;
    std::set<std::pair<tsm_record_kind, std::string>> unique;
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const csv_row& row = (*rows)[i];
        if (auto ok = check_width(row, names.size(), file); !ok) return unexpected(ok.error());
        const cell& kind = row.cells[col[0]];
        const cell& reference = row.cells[col[1]];
        const cell& status = row.cells[col[2]];
        const auto info = std::find_if(record_kinds.begin(), record_kinds.end(),
                                       [&](const record_kind_info& k) { return kind.text == k.name; });
        if (info == record_kinds.end())
            return unexpected(errc::invalid_value,
                              "unknown kind \"" + kind.text +
                                  "\": expected emergency-repair, repair, stage1-complaint, stage2-complaint, asb, "
                                  "hate-asb, gas-check, fire-check, asbestos-check, water-check, lift-check or "
                                  "decent-homes",
                              where(file, row, kind));
        tsm_record r{info->kind, reference.text, true, row.line};
        if (r.reference.empty()) return unexpected(errc::invalid_value, "expected a reference", where(file, row, reference));
        if (!info->met) {
            if (!status.text.empty())
                return unexpected(errc::invalid_value, std::string("a ") + info->name + " case has no status: expected "
                                                           "an empty cell, found \"" + status.text + "\"",
                                  where(file, row, status));
        } else if (status.text == info->not_met) {
            r.met = false;
        } else if (status.text != info->met) {
            return unexpected(errc::invalid_value,
                              std::string("expected ") + info->met + " or " + info->not_met + " for " + info->name +
                                  ", found \"" + status.text + "\"",
                              where(file, row, status));
        }
        if (!is_check(r.kind) && !unique.emplace(r.kind, r.reference).second)
            return unexpected(errc::invalid_value,
                              std::string(info->name) + " \"" + r.reference + "\" appears twice",
                              where(file, row, reference));
        out.push_back(std::move(r));
    }
    return out;
}

result<std::vector<tsm_figure>> perception_measures(std::span<const tsm_response> responses,
                                                    std::optional<std::int64_t> lcra_homes,
                                                    std::optional<std::int64_t> lcho_homes) {
    std::vector<tsm_figure> out;
    for (const tenure group : {tenure::lcra, tenure::lcho}) {
        const auto population = group == tenure::lcra ? lcra_homes : lcho_homes;
        const auto surveyed = std::count_if(responses.begin(), responses.end(),
                                            [&](const tsm_response& r) { return r.group == group; });
        if (surveyed == 0) continue;
        if (population && *population < surveyed)
            return unexpected(errc::invalid_value, std::string("the ") + tenure_name(group) + " population (" +
                                                       grouped(*population) + ") is smaller than its " +
                                                       count_of(surveyed, "respondent", "respondents"));
        for (std::size_t q = 0; q < questions.size(); ++q) {
            std::int64_t satisfied = 0, answered = 0, excluded = 0;
            for (const tsm_response& r : responses) {
                if (r.group != group || !in_base(r, q)) continue;
                if (!r.answers[q]) {
                    ++excluded;
                    continue;
                }
                ++answered;
                if (*r.answers[q] <= 2) ++satisfied;
            }
            tsm_figure f{questions[q].code, tenure_name(group), questions[q].title, satisfied, answered,
                         std::nullopt, false, excluded, std::nullopt, {}};
            const std::string who = std::string(" ") + tenure_name(group) + " respondents" + base_words(q);
            if (answered == 0) {
                f.sentence = f.code + " " + f.part + ": no figure: none of the" + who + " answered.";
            } else {
                f.value = rational(integer(satisfied) * 100, answered);
                f.margin = margin_of_error(satisfied, answered, population).value();
                f.sentence = f.code + " " + f.part + ": " + detail::percent(*f.value) + " ±" +
                             detail::figure(*f.margin, 2) + " points " + questions[q].title + " (" +
                             grouped(satisfied) + " of " + count_of(answered, "answer", "answers") + " from" + who +
                             (excluded > 0 ? "; left out: " + grouped(excluded) + " with no answer" : "") + ").";
            }
            out.push_back(std::move(f));
        }
    }
    return out;
}

result<std::vector<tsm_figure>> management_measures(std::span<const tsm_record> records,
                                                    std::optional<std::int64_t> homes) {
    if (homes && *homes < 1) return unexpected(errc::invalid_value, "the number of homes must be at least 1");
    const auto count = [&](tsm_record_kind k, bool met_only) {
        return static_cast<std::int64_t>(std::count_if(records.begin(), records.end(), [&](const tsm_record& r) {
            return r.kind == k && (!met_only || r.met);
        }));
    };
    const auto present = [&](tsm_record_kind k) { return count(k, false) > 0; };
    std::vector<tsm_figure> out;

    if (present(tsm_record_kind::decent_homes)) {
        const std::int64_t total = count(tsm_record_kind::decent_homes, false);
        const std::int64_t failing = total - count(tsm_record_kind::decent_homes, true);
        out.push_back(share("RP01", "", "homes that do not meet the Decent Homes Standard", failing, total,
                            " of homes assessed do not meet the Decent Homes Standard."));
    }
    const std::pair<tsm_record_kind, const char*> repairs[] = {{tsm_record_kind::repair, "(1) non-emergency"},
                                                               {tsm_record_kind::emergency_repair, "(2) emergency"}};
    for (const auto& [kind, part] : repairs)
        if (present(kind))
            out.push_back(share("RP02", part, "responsive repairs completed within the target timescale",
                                count(kind, true), count(kind, false),
                                " of repairs completed in the year were completed within the target timescale."));

    const std::tuple<tsm_record_kind, const char*, const char*> checks[] = {
        {tsm_record_kind::gas_check, "BS01", "gas safety checks"},
        {tsm_record_kind::fire_check, "BS02", "fire risk assessments"},
        {tsm_record_kind::asbestos_check, "BS03", "asbestos management surveys or re-inspections"},
        {tsm_record_kind::water_check, "BS04", "legionella risk assessments"},
        {tsm_record_kind::lift_check, "BS05", "communal passenger lift safety checks"}};
    for (const auto& [kind, code, what] : checks) {
        std::map<std::string, bool> compliant;  // home -> all its checks of this kind done
        for (const tsm_record& r : records)
            if (r.kind == kind) {
                auto [it, added] = compliant.emplace(r.reference, r.met);
                if (!added) it->second = it->second && r.met;
            }
        if (compliant.empty()) continue;
        const auto ok = std::count_if(compliant.begin(), compliant.end(), [](const auto& h) { return h.second; });
        out.push_back(share(code, "", std::string("homes with all required ") + what + " carried out", ok,
                            static_cast<std::int64_t>(compliant.size()),
                            std::string(" of homes needing them have all required ") + what + " carried out."));
    }

    const auto per_thousand = [&](const char* code, const char* part, const char* title, std::int64_t n,
                                  const char* things) {
        const kpi_value v = per_thousand_homes(n, *homes).value();
        tsm_figure f{code, part, title, v.numerator, v.denominator, v.value, true, 0, std::nullopt, {}};
        f.sentence = std::string(code) + " " + part + ": " + detail::figure(*v.value) + " per 1,000 homes (" +
                     count_of(n, things, things) + " over " + count_of(*homes, "home", "homes") + ").";
        out.push_back(std::move(f));
    };
    const std::pair<tsm_record_kind, const char*> stages[] = {{tsm_record_kind::stage1_complaint, "(1) stage one"},
                                                              {tsm_record_kind::stage2_complaint, "(2) stage two"}};
    const bool complaints = present(stages[0].first) || present(stages[1].first);
    if (complaints && homes)
        for (const auto& [kind, part] : stages)
            per_thousand("CH01", part, "complaints received per 1,000 homes", count(kind, false), "complaints");
    if (complaints)
        for (const auto& [kind, part] : stages)
            out.push_back(share("CH02", part, "complaints responded to within the Complaint Handling Code timescales",
                                count(kind, true), count(kind, false),
                                " of complaints were responded to within the Complaint Handling Code timescales."));
    const std::int64_t hate = count(tsm_record_kind::hate_asb, false);
    if (homes && (hate > 0 || present(tsm_record_kind::asb))) {
        per_thousand("NM01", "(1) all", "anti-social behaviour cases opened per 1,000 homes, including hate incidents",
                     count(tsm_record_kind::asb, false) + hate, "cases");
        per_thousand("NM01", "(2) hate incidents", "anti-social behaviour cases involving hate incidents per 1,000 homes",
                     hate, "cases");
    }
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
