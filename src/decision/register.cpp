// The membership register, eligibility and rolls (tmo/decision/register.hpp).
#include <tmo/decision/register.hpp>

#include "core/csv.hpp"
#include "toml/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

const char* article(tenure_class c) {
    return c == tenure_class::introductory_tenant || c == tenure_class::other_tenant ||
                   c == tenure_class::other_resident
               ? "an "
               : "a ";
}

// Whole years from `from` to `to` (an age).
std::int64_t whole_years(date from, date to) {
    std::int64_t years = int(to.year()) - int(from.year());
    if (std::pair(unsigned(to.month()), unsigned(to.day())) < std::pair(unsigned(from.month()), unsigned(from.day())))
        --years;
    return years;
}

}  // namespace

result<void> member_register::add(member m) {
    const auto bad = [&](std::string message) { return unexpected(errc::invalid_value, std::move(message)); };
    if (m.id.empty()) return bad("a member's id is empty");
    if (index_.contains(m.id)) return bad("member id \"" + m.id + "\" is already on the register");
    if (m.household.empty()) return bad("member " + m.id + " has no household");
    if (!m.born && !m.age) return bad("member " + m.id + " has neither a date of birth nor an age");
    if (m.born && m.joined < *m.born)
        return bad("member " + m.id + " joined (" + to_string(m.joined) + ") before being born (" +
                   to_string(*m.born) + ")");
    if (m.left && !(m.joined < *m.left))
        return bad("member " + m.id + " left (" + to_string(*m.left) + ") on or before joining (" +
                   to_string(m.joined) + ")");
    index_.emplace(m.id, members_.size());
    members_.push_back(std::move(m));
    return {};
}

const member* member_register::find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &members_[it->second];
}

eligibility eligible_at(const member& m, const membership_rules& rules, date day) {
    const auto no = [](std::string why) { return eligibility{false, std::move(why)}; };
    if (m.tenure == tenure_class::non_voting ||
        std::find(rules.eligible.begin(), rules.eligible.end(), m.tenure) == rules.eligible.end())
        return no(std::string(article(m.tenure)) + name(m.tenure) + " is not a voting member under the constitution");
    if (day < m.joined) return no("joined on " + to_string(m.joined) + ", after " + to_string(day));
    if (m.left && !(day < *m.left)) return no("left on " + to_string(*m.left));
    const std::int64_t member_days = days_between(m.joined, day);
    if (member_days < std::int64_t{rules.qualifying_days})
        return no("a member for " + std::to_string(member_days) + " days; " + std::to_string(rules.qualifying_days) +
                  " needed before voting");
    const std::int64_t age = m.born ? whole_years(*m.born, day) : std::int64_t{*m.age} + whole_years(m.joined, day);
    if (age < std::int64_t{rules.minimum_age})
        return no((m.born ? "aged " + std::to_string(age) : "not shown to be over " + std::to_string(age)) +
                  ", under the minimum age of " + std::to_string(rules.minimum_age));
    return {true, {}};
}

std::map<tenure_class, std::uint64_t> voters_roll::by_class() const {
    std::map<tenure_class, std::uint64_t> out;
    for (const voting_unit& u : units) ++out[u.tenure];
    return out;
}

const voting_unit* voters_roll::unit_of(std::string_view member_id) const {
    for (const voting_unit& u : units)
        if (std::find(u.members.begin(), u.members.end(), member_id) != u.members.end()) return &u;
    return nullptr;
}

voters_roll make_roll(const member_register& reg, const membership_rules& rules, date cut_off,
                      std::span<const tenure_class> electorate) {
    voters_roll roll;
    roll.cut_off = cut_off;
    roll.unit = rules.unit;
    std::map<std::string, std::size_t> household_unit;
    for (const member& m : reg.members()) {
        eligibility e = eligible_at(m, rules, cut_off);
        if (e.eligible && !electorate.empty() &&
            std::find(electorate.begin(), electorate.end(), m.tenure) == electorate.end())
            e = {false, std::string(article(m.tenure)) + name(m.tenure) + " is not in this ballot's electorate"};
        if (!e.eligible) {
            roll.excluded.push_back({m.id, std::move(e.reason)});
            continue;
        }
        if (rules.unit == vote_unit::household) {
            if (auto it = household_unit.find(m.household); it != household_unit.end()) {
                roll.units[it->second].members.push_back(m.id);
                continue;
            }
            household_unit.emplace(m.household, roll.units.size());
            roll.units.push_back({m.household, m.tenure, {m.id}});
        } else {
            roll.units.push_back({m.id, m.tenure, {m.id}});
        }
    }
    return roll;
}

// ---- CSV ---------------------------------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 8> columns = {"id", "name", "household", "tenure", "born", "age", "joined",
                                                     "left"};
constexpr std::array<std::string_view, 5> required_columns = {"id", "name", "household", "tenure", "joined"};

class register_reader {
public:
    register_reader(std::string_view text, std::string_view source) : csv_(text, std::string(source)) {}

    result<member_register> read() {
        auto first = csv_.next();
        if (!first) return unexpected(first.error());
        // An empty file has no line read yet: the error is at its first line and column.
        if (!*first) return csv_.fail_at(errc::syntax, "the register is empty: expected a header line such as "
                                                       "id,name,household,tenure,born,joined,left", 1, 1);
        if (auto h = header(**first); !h) return unexpected(h.error());
        member_register reg;
        for (;;) {
            auto next = csv_.next();
            if (!next) return unexpected(next.error());
            if (!*next) return reg;
            auto m = row(**next);
            if (!m) return unexpected(m.error());
            if (auto [it, fresh] = lines_.emplace(m->id, csv_.line()); !fresh)
                return csv_.fail(errc::invalid_value,
                                 "member id \"" + m->id + "\" is already on the register (line " +
                                     std::to_string(it->second) + ")",
                                 (**next)[at_.at("id")].column);
            if (auto r = reg.add(std::move(*m)); !r) return csv_.fail(r.error().code(), r.error().message(), 1);
        }
    }

private:
    result<void> header(const std::vector<tmo::detail::csv_field>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string& n = fields[i].text;
            if (std::find(columns.begin(), columns.end(), n) == columns.end())
                return csv_.fail(errc::unknown_key,
                                 "unknown column \"" + n + "\"; expected: id, name, household, tenure, born, age, "
                                                           "joined, left",
                                 fields[i].column);
            if (!at_.emplace(n, i).second)
                return csv_.fail(errc::invalid_value, "the column \"" + n + "\" appears twice", fields[i].column);
        }
        for (std::string_view n : required_columns)
            if (!at_.contains(std::string(n)))
                return csv_.fail(errc::missing_key, "the header has no \"" + std::string(n) + "\" column", 1);
        if (!at_.contains("born") && !at_.contains("age"))
            return csv_.fail(errc::missing_key, "the header needs a \"born\" or an \"age\" column", 1);
        width_ = fields.size();
        return {};
    }

    result<std::optional<date>> day(const std::vector<tmo::detail::csv_field>& f, const char* column, bool needed) {
        auto it = at_.find(column);
        if (it == at_.end() || f[it->second].text.empty()) {
            if (needed) return csv_.fail(errc::invalid_value, std::string("the ") + column + " date is empty",
                                         it == at_.end() ? 1 : f[it->second].column);
            return std::optional<date>();
        }
        result<date> d = parse_date(f[it->second].text);
        if (!d)
            return csv_.fail(d.error().code(),
                             std::string("the ") + column + " date \"" + f[it->second].text + "\": " +
                                 d.error().message(),
                             f[it->second].column);
        return std::optional<date>(*d);
    }

    result<member> row(const std::vector<tmo::detail::csv_field>& f) {
        if (f.size() != width_)
            return csv_.fail(errc::syntax,
                             "expected " + std::to_string(width_) + " fields, as in the header, found " +
                                 std::to_string(f.size()),
                             f.size() > width_ ? f[width_].column : 1);
        member m;
        const auto text = [&](const char* column) -> const tmo::detail::csv_field& { return f[at_.at(column)]; };
        m.id = text("id").text;
        if (m.id.empty()) return csv_.fail(errc::invalid_value, "the member id is empty", text("id").column);
        m.name = text("name").text;
        m.household = text("household").text;
        if (m.household.empty())
            return csv_.fail(errc::invalid_value, "the household is empty", text("household").column);
        const std::optional<tenure_class> tenure = tmo::detail::from_name<tenure_class>(text("tenure").text);
        if (!tenure)
            return csv_.fail(errc::invalid_value,
                             "unknown tenure class \"" + text("tenure").text +
                                 "\"; expected one of: " + tmo::detail::names_of<tenure_class>(),
                             text("tenure").column);
        m.tenure = *tenure;
        auto born = day(f, "born", false);
        if (!born) return unexpected(born.error());
        m.born = *born;
        if (auto it = at_.find("age"); it != at_.end() && !f[it->second].text.empty()) {
            const std::string& a = f[it->second].text;
            std::uint32_t years = 0;
            auto [ptr, ec] = std::from_chars(a.data(), a.data() + a.size(), years);
            if (ec != std::errc() || ptr != a.data() + a.size() || years > 150)
                return csv_.fail(errc::invalid_value, "the age must be a whole number of years from 0 to 150, found \"" +
                                                          a + "\"",
                                 f[it->second].column);
            m.age = years;
        }
        if (!m.born && !m.age)
            return csv_.fail(errc::invalid_value, "member " + m.id + " needs a date of birth (born) or an age",
                             f[at_.contains("born") ? at_.at("born") : at_.at("age")].column);
        auto joined = day(f, "joined", true);
        if (!joined) return unexpected(joined.error());
        m.joined = **joined;
        if (m.born && m.joined < *m.born)
            return csv_.fail(errc::invalid_value,
                             "born on " + to_string(*m.born) + ", after joining on " + to_string(m.joined),
                             text("born").column);
        auto left = day(f, "left", false);
        if (!left) return unexpected(left.error());
        m.left = *left;
        if (m.left && !(m.joined < *m.left))
            return csv_.fail(errc::invalid_value,
                             "left on " + to_string(*m.left) + ", not after joining on " + to_string(m.joined),
                             text("left").column);
        return m;
    }

    tmo::detail::csv_reader csv_;
    std::map<std::string, std::size_t> at_;  // column name -> position
    std::size_t width_ = 0;
    std::map<std::string, std::uint32_t> lines_;  // member id -> its line
};

}  // namespace

result<member_register> parse_register_csv(std::string_view csv_text, std::string_view source_name) {
    if (csv_text.size() > max_register_bytes)
        return unexpected(errc::too_large,
                          "the register is larger than " + std::to_string(max_register_bytes) + " bytes, the most accepted",
                          source_location{std::string(source_name), 0, 0, {}});
    return register_reader(csv_text, source_name).read();
}

result<member_register> load_register_csv(const std::filesystem::path& file) {
    result<std::string> text = tmo::detail::read_text_file(file, max_register_bytes);
    if (!text) return unexpected(text.error());
    return parse_register_csv(*text, file.string());
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
