// The parts of tmo/rules/constitution.hpp that do not read TOML: names, evaluation, validation, the canonical
// TOML writer and the plain-English summary.
#include <tmo/rules/constitution.hpp>

#include "toml/text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

namespace tmo {
inline namespace v1 {

// ---- names -------------------------------------------------------------------------------------------------------

const char* name(legal_form v) noexcept {
    switch (v) {
        case legal_form::co_operative_society: return "co_operative_society";
        case legal_form::community_benefit_society: return "community_benefit_society";
        case legal_form::company_limited_by_guarantee: return "company_limited_by_guarantee";
    }
    return "?";
}

const char* name(tenure_class v) noexcept {
    switch (v) {
        case tenure_class::secure_tenant: return "secure_tenant";
        case tenure_class::introductory_tenant: return "introductory_tenant";
        case tenure_class::other_tenant: return "other_tenant";
        case tenure_class::long_leaseholder: return "long_leaseholder";
        case tenure_class::other_resident: return "other_resident";
        case tenure_class::non_voting: return "non_voting";
    }
    return "?";
}

const char* name(vote_unit v) noexcept {
    switch (v) {
        case vote_unit::member: return "member";
        case vote_unit::household: return "household";
    }
    return "?";
}

const char* name(meeting_kind v) noexcept {
    switch (v) {
        case meeting_kind::agm: return "agm";
        case meeting_kind::general: return "general";
        case meeting_kind::special: return "special";
        case meeting_kind::committee: return "committee";
    }
    return "?";
}

const char* name(vote_base v) noexcept {
    switch (v) {
        case vote_base::votes_cast: return "votes_cast";
        case vote_base::members_present: return "members_present";
        case vote_base::present_and_voting: return "present_and_voting";
        case vote_base::eligible_members: return "eligible_members";
        case vote_base::eligible_voting_rights: return "eligible_voting_rights";
    }
    return "?";
}

const char* name(comparison v) noexcept {
    switch (v) {
        case comparison::greater: return ">";
        case comparison::greater_or_equal: return ">=";
    }
    return "?";
}

const char* name(combine v) noexcept {
    switch (v) {
        case combine::all: return "all";
        case combine::any: return "any";
    }
    return "?";
}

const char* name(casting_vote v) noexcept {
    switch (v) {
        case casting_vote::chair: return "chair";
        case casting_vote::none: return "none";
    }
    return "?";
}

const char* name(quorum_check v) noexcept {
    switch (v) {
        case quorum_check::at_start: return "at_start";
        case quorum_check::each_item: return "each_item";
    }
    return "?";
}

const char* name(election_method v) noexcept {
    switch (v) {
        case election_method::plurality: return "plurality";
        case election_method::block_vote: return "block_vote";
        case election_method::approval: return "approval";
        case election_method::instant_runoff: return "instant_runoff";
        case election_method::scottish_stv: return "scottish_stv";
        case election_method::wigm: return "wigm";
        case election_method::meek: return "meek";
        case election_method::schulze: return "schulze";
        case election_method::ranked_pairs: return "ranked_pairs";
        case election_method::borda: return "borda";
    }
    return "?";
}

const char* plural_name(tenure_class v) noexcept {
    switch (v) {
        case tenure_class::secure_tenant: return "secure tenants";
        case tenure_class::introductory_tenant: return "introductory tenants";
        case tenure_class::other_tenant: return "other tenants";
        case tenure_class::long_leaseholder: return "long leaseholders";
        case tenure_class::other_resident: return "other residents";
        case tenure_class::non_voting: return "non-voting members";
    }
    return "?";
}

// ---- evaluation --------------------------------------------------------------------------------------------------

std::uint64_t quorum_formula::required(std::uint64_t members) const {
    switch (form) {
        case kind::fixed: return fixed;
        case kind::present: return 1;
        case kind::fraction_of_members: {
            const integer n =
                divide_rounded(fraction.numerator() * integer(members), fraction.denominator(), round).value();
            if (n.sign() < 0 || n > std::numeric_limits<std::uint64_t>::max())
                throw error_exception(
                    error(errc::invalid_value, "quorum fraction " + fraction.to_string() + " is not between 0 and 1"));
            return n.convert_to<std::uint64_t>();
        }
        case kind::min:
        case kind::max: {
            if (parts.empty())
                throw error_exception(error(errc::invalid_value, "a min or max quorum formula has no parts"));
            std::uint64_t best = parts.front().required(members);
            for (std::size_t i = 1; i < parts.size(); ++i) {
                const std::uint64_t n = parts[i].required(members);
                best = form == kind::min ? std::min(best, n) : std::max(best, n);
            }
            return best;
        }
    }
    throw error_exception(error(errc::internal, "unknown quorum formula kind"));
}

namespace {

// count > fraction × base (or >=), by cross-multiplication: no division, no rounding. An empty base never passes.
bool reaches(const integer& count, const integer& base, const rational& fraction, comparison compare) {
    if (base.sign() <= 0) return false;
    const integer lhs = count * fraction.denominator();
    const integer rhs = fraction.numerator() * base;
    return compare == comparison::greater ? lhs > rhs : lhs >= rhs;
}

// "a", "a and b", "a, b and c".
template <class Range, class Text>
std::string join_words(const Range& items, Text text, std::string_view conjunction = "and") {
    std::string out;
    std::size_t i = 0;
    for (const auto& item : items) {
        if (i > 0) out += i + 1 == items.size() ? " " + std::string(conjunction) + " " : ", ";
        out += text(item);
        ++i;
    }
    return out;
}

std::string class_list(const std::vector<tenure_class>& classes) {
    return join_words(classes, [](tenure_class c) { return std::string(plural_name(c)); });
}

// The base of a threshold in words, narrowed to `classes` when there are any. `all` drops "the total" so that
// "all voting rights of eligible members" reads naturally.
std::string base_phrase(vote_base base, const std::vector<tenure_class>& classes, bool all) {
    const std::string who = classes.empty() ? "" : class_list(classes);
    switch (base) {
        case vote_base::votes_cast: return who.empty() ? "votes cast" : "votes cast by " + who;
        case vote_base::members_present: return who.empty() ? "members present" : "members present who are " + who;
        case vote_base::present_and_voting:
            return who.empty() ? "members present and voting" : "members present and voting who are " + who;
        case vote_base::eligible_members: return who.empty() ? "eligible members" : "eligible " + who;
        case vote_base::eligible_voting_rights:
            return std::string(all ? "" : "the total ") + "voting rights of eligible " +
                   (who.empty() ? "members" : who);
    }
    return "?";
}

}  // namespace

std::string threshold_test::describe() const {
    if (fraction == 1 && compare == comparison::greater_or_equal) return "all " + base_phrase(base, classes, true);
    return std::string(compare == comparison::greater ? "more than " : "at least ") + fraction.to_string() + " of " +
           base_phrase(base, classes, false);
}

std::string threshold_test::describe_base() const { return base_phrase(base, classes, false); }

bool threshold_test::passes(const integer& in_favour, const integer& base_count) const {
    return reaches(in_favour, base_count, fraction, compare);
}

bool turnout_floor::passes(const integer& turned_out, const integer& eligible) const {
    return reaches(turned_out, eligible, fraction, compare);
}

std::string turnout_floor::describe_base() const {
    return classes.empty() ? "those eligible" : "eligible " + class_list(classes);
}

std::string turnout_floor::describe() const {
    const std::string who = describe_base();
    if (fraction == 1 && compare == comparison::greater_or_equal) return "a turnout of all " + who;
    return std::string("a turnout of ") + (compare == comparison::greater ? "more than " : "at least ") +
           fraction.to_string() + " of " + who;
}

const meeting_rules* constitution::meeting(meeting_kind kind) const {
    if (auto it = meetings.find(kind); it != meetings.end()) return &it->second;
    if (kind == meeting_kind::committee) return nullptr;
    auto general = meetings.find(meeting_kind::general);
    return general == meetings.end() ? nullptr : &general->second;
}

const resolution_rules* constitution::resolution(std::string_view kind_name) const {
    auto it = resolutions.find(std::string(kind_name));
    return it == resolutions.end() ? nullptr : &it->second;
}

const ballot_rules* constitution::ballot(std::string_view ballot_name) const {
    auto it = ballots.find(std::string(ballot_name));
    return it == ballots.end() ? nullptr : &it->second;
}

// ---- validation --------------------------------------------------------------------------------------------------

namespace {

// Quorum formulas nest (the lesser of a fixed number and the greater of ...) at most this deep.
constexpr int max_quorum_depth = 8;

// Collects the first failure; later checks still run but are ignored, which keeps each check a single line.
class checker {
public:
    void fail(errc code, std::string path, std::string message) {
        if (!first_) first_ = error(code, std::move(message), source_location{{}, 0, 0, std::move(path)});
    }
    void invalid(std::string path, std::string message) {
        fail(errc::invalid_value, std::move(path), std::move(message));
    }
    [[nodiscard]] result<void> finish() const {
        if (first_) return unexpected(*first_);
        return {};
    }

    void text(const std::string& path, const std::string& value) {
        for (std::size_t i = 0; i < value.size();) {
            const std::size_t n = detail::decode_utf8(value, i).length;
            if (n == 0) return invalid(path, "the text is not valid UTF-8");
            i += n;
        }
    }

    // A fraction in (0, 1], or [0, 1] when zero_allowed.
    void fraction(const std::string& path, const rational& r, bool zero_allowed = false) {
        if (r.sign() < 0 || (r.sign() == 0 && !zero_allowed) || r > 1)
            invalid(path, "fraction " + r.to_string() + " is out of range: expected " +
                              (zero_allowed ? "at least 0" : "more than 0") + " and at most 1");
    }

    void name(const std::string& path, const std::string& value, std::string_view what) {
        const bool ok = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (!ok)
            invalid(path,
                    std::string(what) + " name '" + value + "' is not allowed: use lower-case letters, digits and '_'");
    }

    void classes(const std::string& path, const std::vector<tenure_class>& list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string item = path + "[" + std::to_string(i) + "]";
            if (list[i] == tenure_class::non_voting) invalid(item, "non_voting is not a class that votes");
            if (std::find(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i), list[i]) !=
                list.begin() + static_cast<std::ptrdiff_t>(i))
                invalid(item, std::string(tmo::name(list[i])) + " is listed twice");
        }
    }

    void quorum(const std::string& path, const quorum_formula& q, int depth) {
        using kind = quorum_formula::kind;
        if (depth > max_quorum_depth)
            return invalid(path, "quorum formulas nest at most " + std::to_string(max_quorum_depth) + " deep");
        const bool unused_clear =
            (q.form == kind::fixed || q.fixed == 0) &&
            (q.form == kind::fraction_of_members || (q.fraction == 0 && q.round == rounding::ceil)) &&
            (q.form == kind::min || q.form == kind::max || q.parts.empty());
        if (!unused_clear) invalid(path, "the quorum formula sets fields that only other kinds of formula use");
        switch (q.form) {
            case kind::fixed:
                if (q.fixed == 0) invalid(path + ".fixed", "a fixed quorum must be at least 1");
                break;
            case kind::fraction_of_members:
                fraction(path + ".fraction_of_members", q.fraction);
                if (q.round != rounding::ceil && q.round != rounding::floor)
                    invalid(path + ".round", "a quorum is rounded \"up\" or \"down\"");
                break;
            case kind::min:
            case kind::max: {
                const std::string list = path + (q.form == kind::min ? ".min" : ".max");
                if (q.parts.empty()) invalid(list, "needs at least one quorum formula");
                for (std::size_t i = 0; i < q.parts.size(); ++i)
                    quorum(list + "[" + std::to_string(i) + "]", q.parts[i], depth + 1);
                break;
            }
            case kind::present: break;
        }
    }

    void tests(const std::string& path, const std::vector<threshold_test>& list) {
        if (list.empty()) invalid(path, "needs at least one test");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string item = path + "[" + std::to_string(i) + "]";
            fraction(item + ".fraction", list[i].fraction);
            if (list[i].fraction == 1 && list[i].compare == comparison::greater)
                invalid(item + ".compare", "more than all of the base can never be reached: use \">=\"");
            classes(item + ".classes", list[i].classes);
        }
    }

    void turnout(const std::string& path, const std::optional<turnout_floor>& t) {
        if (!t) return;
        fraction(path + ".fraction", t->fraction);
        if (t->fraction == 1 && t->compare == comparison::greater)
            invalid(path + ".compare", "a turnout of more than all of those eligible can never be reached: use \">=\"");
        classes(path + ".classes", t->classes);
    }

    void window(const std::string& path, const confirmation_rule& c) {
        // Months are 28 to 31 days long, so only a window that is inverted whatever the months is rejected.
        const auto shortest = [](const period& p) {
            return std::uint64_t{p.count} * (p.in == period::unit::months ? 28u : 1u);
        };
        const auto longest = [](const period& p) {
            return std::uint64_t{p.count} * (p.in == period::unit::months ? 31u : 1u);
        };
        if (shortest(c.earliest) > longest(c.latest))
            invalid(path + ".latest", "the latest time for the confirming meeting is before the earliest");
    }

    void ballot(const std::string& ballot_name, const ballot_rules& b) {
        const std::string path = detail::key_path_join("ballots", ballot_name);
        name(path, ballot_name, "ballot");
        text(path + ".description", b.description);
        classes(path + ".electorate", b.electorate);
        tests(path + ".tests", b.tests);
        turnout(path + ".turnout_floor", b.turnout);
        if (b.every_months == 0u) invalid(path + ".every_months", "a recurring ballot recurs at least every 1 month");
    }

private:
    std::optional<error> first_;
};

}  // namespace

result<void> validate(const constitution& c) {
    checker k;
    k.text("organisation.name", c.org.name);
    if (c.org.name.empty()) k.invalid("organisation.name", "the organisation's name is empty");
    k.text("organisation.area", c.org.area);
    k.text("organisation.registered_number", c.org.registered_number);

    if (c.membership.eligible.empty())
        k.invalid("membership.eligible_classes", "no tenure class may join: list at least one");
    k.classes("membership.eligible_classes", c.membership.eligible);

    if (!c.meetings.contains(meeting_kind::general))
        k.fail(errc::missing_key, "meetings.general",
               "the rules for general meetings are missing: add [meetings.general]");
    for (const auto& [kind, m] : c.meetings) {
        const std::string path = std::string("meetings.") + name(kind);
        k.quorum(path + ".quorum", m.quorum, 1);
        if (m.adjourned) k.quorum(path + ".adjourned.quorum", m.adjourned->quorum, 1);
        if (m.proxies.max_per_holder == 0u)
            k.invalid(path + ".proxies.max_per_holder", "a proxy holder must be allowed at least 1 proxy");
    }

    if (c.resolutions.empty()) k.invalid("resolutions", "define at least one kind of resolution");
    for (const auto& [kind_name, r] : c.resolutions) {
        const std::string path = detail::key_path_join("resolutions", kind_name);
        k.name(path, kind_name, "resolution kind");
        k.text(path + ".description", r.description);
        k.tests(path + ".tests", r.tests);
        k.turnout(path + ".turnout_floor", r.turnout);
        if (r.confirmation) {
            k.tests(path + ".confirmation.tests", r.confirmation->tests);
            k.window(path + ".confirmation", *r.confirmation);
        }
    }

    if (const auto& cm = c.committee) {
        if (cm->min_size == 0) k.invalid("committee.min_size", "the committee needs at least 1 member");
        if (cm->min_size > cm->max_size)
            k.invalid("committee.min_size", "min_size " + std::to_string(cm->min_size) + " is larger than max_size " +
                                                std::to_string(cm->max_size));
        if (cm->max_co_opted > cm->max_size)
            k.invalid("committee.max_co_opted", "max_co_opted " + std::to_string(cm->max_co_opted) +
                                                    " is larger than max_size " + std::to_string(cm->max_size));
        k.fraction("committee.min_resident_share", cm->min_resident_share, true);
        if (cm->term_months == 0) k.invalid("committee.term_months", "a term must last at least 1 month");
        if (cm->rotation) k.fraction("committee.rotation", *cm->rotation);
        if (cm->rotation_round != rounding::half_up && cm->rotation_round != rounding::ceil &&
            cm->rotation_round != rounding::floor)
            k.invalid("committee.rotation_round", "the rotation rounds to the nearest number, up or down");
        for (std::size_t i = 0; i < cm->officers.size(); ++i) {
            const std::string path = "committee.officers[" + std::to_string(i) + "]";
            k.text(path, cm->officers[i]);
            if (cm->officers[i].empty()) k.invalid(path, "an office needs a name");
            for (std::size_t j = 0; j < i; ++j)
                if (cm->officers[j] == cm->officers[i])
                    k.invalid(path, "the office \"" + cm->officers[i] + "\" is listed twice");
        }
    }

    for (const auto& [ballot_name, b] : c.ballots) k.ballot(ballot_name, b);
    return k.finish();
}

result<void> validate(const ballot_rules& b, std::string_view ballot_name) {
    checker k;
    k.ballot(std::string(ballot_name), b);
    return k.finish();
}

// ---- canonical TOML ----------------------------------------------------------------------------------------------

namespace {

std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    std::array<char, 8> buf{};
                    std::snprintf(buf.data(), buf.size(), "\\u%04X", static_cast<unsigned>(c));
                    out += buf.data();
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

std::string toml_string(const rational& r) { return toml_string(r.to_string()); }

std::string class_array(const std::vector<tenure_class>& classes) {
    std::string out = "[";
    for (std::size_t i = 0; i < classes.size(); ++i) out += (i ? ", " : "") + toml_string(name(classes[i]));
    return out + "]";
}

std::string quorum_toml(const quorum_formula& q) {
    using kind = quorum_formula::kind;
    switch (q.form) {
        case kind::fixed: return "{ fixed = " + std::to_string(q.fixed) + " }";
        case kind::present: return toml_string("present");
        case kind::fraction_of_members:
            return "{ fraction_of_members = " + toml_string(q.fraction) +
                   ", round = " + toml_string(q.round == rounding::floor ? "down" : "up") + " }";
        case kind::min:
        case kind::max: {
            std::string out = std::string("{ ") + (q.form == kind::min ? "min" : "max") + " = [";
            for (std::size_t i = 0; i < q.parts.size(); ++i) out += (i ? ", " : "") + quorum_toml(q.parts[i]);
            return out + "] }";
        }
    }
    return {};
}

std::string period_toml(const period& p) {
    return std::string("{ ") + (p.in == period::unit::months ? "months" : "days") + " = " + std::to_string(p.count) +
           " }";
}

std::string test_toml(const threshold_test& t) {
    std::string out = "{ base = " + toml_string(name(t.base)) + ", fraction = " + toml_string(t.fraction) +
                      ", compare = " + toml_string(name(t.compare));
    if (!t.classes.empty()) out += ", classes = " + class_array(t.classes);
    return out + " }";
}

std::string tests_toml(const std::vector<threshold_test>& tests) {
    std::string out = "tests = [\n";
    for (const auto& t : tests) out += "  " + test_toml(t) + ",\n";
    return out + "]\n";
}

std::string turnout_toml(const turnout_floor& t) {
    std::string out =
        "turnout_floor = { fraction = " + toml_string(t.fraction) + ", compare = " + toml_string(name(t.compare));
    if (!t.classes.empty()) out += ", classes = " + class_array(t.classes);
    return out + " }\n";
}

std::string proxies_toml(const proxy_rules& p) {
    if (p == proxy_rules{}) return "{ allowed = false }";
    std::string out = std::string("{ allowed = ") + (p.allowed ? "true" : "false");
    if (p.max_per_holder) out += ", max_per_holder = " + std::to_string(*p.max_per_holder);
    out += std::string(", count_for_quorum = ") + (p.count_for_quorum ? "true" : "false");
    out += std::string(", vote_on_show_of_hands = ") + (p.vote_on_show_of_hands ? "true" : "false");
    if (p.lodge_hours_before) out += ", lodge_hours_before = " + std::to_string(*p.lodge_hours_before);
    return out + " }";
}

}  // namespace

std::string to_toml(const constitution& c) {
    std::string out = "[organisation]\nname = " + toml_string(c.org.name) + "\n";
    if (!c.org.area.empty()) out += "area = " + toml_string(c.org.area) + "\n";
    out += "legal_form = " + toml_string(name(c.org.form)) + "\n";
    if (!c.org.registered_number.empty()) out += "registered_number = " + toml_string(c.org.registered_number) + "\n";

    out += "\n[membership]\neligible_classes = " + class_array(c.membership.eligible) + "\n";
    out += "minimum_age = " + std::to_string(c.membership.minimum_age) + "\n";
    out += "vote = " + toml_string(name(c.membership.unit)) + "\n";
    out += "qualifying_days = " + std::to_string(c.membership.qualifying_days) + "\n";

    for (const auto& [kind, m] : c.meetings) {
        out += std::string("\n[meetings.") + name(kind) + "]\n";
        out += "notice_clear_days = " + std::to_string(m.notice_clear_days) + "\n";
        out += "quorum = " + quorum_toml(m.quorum) + "\n";
        out += "quorum_check = " + toml_string(name(m.check)) + "\n";
        if (m.adjourned)
            out += "adjourned = { after_days = " + std::to_string(m.adjourned->after_days) +
                   ", quorum = " + quorum_toml(m.adjourned->quorum) + " }\n";
        out += "proxies = " + proxies_toml(m.proxies) + "\n";
        out += "casting_vote = " + toml_string(name(m.casting)) + "\n";
        out += std::string("chair_votes = ") + (m.chair_votes ? "true" : "false") + "\n";
    }

    for (const auto& [kind_name, r] : c.resolutions) {
        const std::string path = detail::key_path_join("resolutions", kind_name);
        out += "\n[" + path + "]\n";
        if (!r.description.empty()) out += "description = " + toml_string(r.description) + "\n";
        out += tests_toml(r.tests);
        out += "combine = " + toml_string(name(r.how)) + "\n";
        if (r.turnout) out += turnout_toml(*r.turnout);
        if (const auto& cf = r.confirmation) {
            out += "\n[" + path + ".confirmation]\n" + tests_toml(cf->tests);
            out += "combine = " + toml_string(name(cf->how)) + "\n";
            out += "earliest = " + period_toml(cf->earliest) + "\n";
            out += "latest = " + period_toml(cf->latest) + "\n";
        }
    }

    if (const auto& cm = c.committee) {
        out += "\n[committee]\n";
        out += "min_size = " + std::to_string(cm->min_size) + "\n";
        out += "max_size = " + std::to_string(cm->max_size) + "\n";
        out += "min_resident_share = " + toml_string(cm->min_resident_share) + "\n";
        out += "max_co_opted = " + std::to_string(cm->max_co_opted) + "\n";
        out += "term_months = " + std::to_string(cm->term_months) + "\n";
        if (cm->rotation) {
            out += "rotation = " + toml_string(*cm->rotation) + "\n";
            out += std::string("rotation_round = ") +
                   (cm->rotation_round == rounding::ceil    ? "\"up\""
                    : cm->rotation_round == rounding::floor ? "\"down\""
                                                            : "\"nearest\"") +
                   "\n";
        }
        if (!cm->officers.empty()) {
            out += "officers = [";
            for (std::size_t i = 0; i < cm->officers.size(); ++i)
                out += (i ? ", " : "") + toml_string(cm->officers[i]);
            out += "]\n";
        }
        out += std::string("one_office_each = ") + (cm->one_office_each ? "true" : "false") + "\n";
        out += "election_method = " + toml_string(name(cm->method)) + "\n";
    }

    for (const auto& [ballot_name, b] : c.ballots) {
        out += "\n[" + detail::key_path_join("ballots", ballot_name) + "]\n";
        if (!b.description.empty()) out += "description = " + toml_string(b.description) + "\n";
        if (!b.electorate.empty()) out += "electorate = " + class_array(b.electorate) + "\n";
        out += tests_toml(b.tests);
        out += "combine = " + toml_string(name(b.how)) + "\n";
        if (b.turnout) out += turnout_toml(*b.turnout);
        if (b.every_months) out += "every_months = " + std::to_string(*b.every_months) + "\n";
    }
    return out;
}

// ---- summary -----------------------------------------------------------------------------------------------------

namespace {

// "one third", "two thirds", "three quarters"; other fractions as "p/q".
std::string fraction_words(const rational& r) {
    static constexpr std::array<const char*, 10> numbers{"",     "one", "two",   "three", "four",
                                                         "five", "six", "seven", "eight", "nine"};
    static constexpr std::array<std::pair<const char*, const char*>, 11> parts{{
        {"", ""},
        {"", ""},
        {"half", "halves"},
        {"third", "thirds"},
        {"quarter", "quarters"},
        {"fifth", "fifths"},
        {"sixth", "sixths"},
        {"seventh", "sevenths"},
        {"eighth", "eighths"},
        {"ninth", "ninths"},
        {"tenth", "tenths"},
    }};
    if (r == 1) return "all";
    const integer p = r.numerator();
    const integer q = r.denominator();
    if (p < 1 || p >= q || q > 10) return r.to_string();
    const auto n = p.convert_to<std::size_t>();
    const auto d = q.convert_to<std::size_t>();
    return std::string(numbers[n]) + " " + (n == 1 ? parts[d].first : parts[d].second);
}

std::string quorum_words(const quorum_formula& q) {
    using kind = quorum_formula::kind;
    switch (q.form) {
        case kind::fixed: return std::to_string(q.fixed);
        case kind::present: return "those present";
        case kind::fraction_of_members:
            return fraction_words(q.fraction) + " of members (rounded " +
                   (q.round == rounding::floor  ? "down"
                    : q.round == rounding::ceil ? "up"
                                                : rounding_name(q.round)) +
                   ")";
        case kind::min:
        case kind::max: {
            if (q.parts.size() == 1) return quorum_words(q.parts.front());
            const bool two = q.parts.size() == 2;
            const char* which = q.form == kind::min ? (two ? "the lesser of " : "the least of ")
                                                    : (two ? "the greater of " : "the greatest of ");
            return which + join_words(q.parts, quorum_words);
        }
    }
    return "?";
}

// "quorum is 2" ("the quorum is 2" when `the`), or "those present form the quorum".
std::string quorum_sentence(const quorum_formula& q, bool the) {
    if (q.form == quorum_formula::kind::present) return "those present form the quorum";
    return (the ? "the quorum is " : "quorum is ") + quorum_words(q);
}

std::string meeting_line(const meeting_rules& m) {
    std::string out = std::to_string(m.notice_clear_days) + " clear days' notice; " + quorum_sentence(m.quorum, false);
    if (m.check == quorum_check::each_item) out += ", checked before each item";
    if (m.adjourned)
        out += "; if inquorate, adjourned " + std::to_string(m.adjourned->after_days) + " days and " +
               quorum_sentence(m.adjourned->quorum, true);
    const proxy_rules& p = m.proxies;
    if (!p.allowed) {
        out += "; no proxies";
    } else {
        out += "; proxies allowed (";
        out +=
            p.max_per_holder ? "at most " + std::to_string(*p.max_per_holder) + " per holder" : "no limit per holder";
        out += p.count_for_quorum ? ", counted for the quorum" : ", not counted for the quorum";
        out += p.vote_on_show_of_hands ? ", voting on a show of hands" : ", voting only on a poll";
        if (p.lodge_hours_before) out += ", lodged " + std::to_string(*p.lodge_hours_before) + " hours before";
        out += ")";
    }
    out += m.casting == casting_vote::chair ? "; the chair has a casting vote"
                                            : "; no casting vote: an equality of votes is not carried";
    if (!m.chair_votes) out += "; the chair has no ordinary vote";
    return out;
}

std::string tests_words(const std::vector<threshold_test>& tests, combine how) {
    return join_words(
        tests, [](const threshold_test& t) { return t.describe(); }, how == combine::all ? "and" : "or");
}

std::string period_words(const period& p) {
    const bool months = p.in == period::unit::months;
    return std::to_string(p.count) +
           (months ? (p.count == 1 ? " month" : " months") : (p.count == 1 ? " day" : " days"));
}

std::string capitalised(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

const char* legal_form_words(legal_form f) {
    switch (f) {
        case legal_form::co_operative_society:
            return "co-operative society (Co-operative and Community Benefit Societies Act 2014)";
        case legal_form::community_benefit_society:
            return "community benefit society (Co-operative and Community Benefit Societies Act 2014)";
        case legal_form::company_limited_by_guarantee: return "company limited by guarantee (Companies Act 2006)";
    }
    return "?";
}

const char* method_words(election_method m) {
    switch (m) {
        case election_method::plurality: return "plurality (first past the post)";
        case election_method::block_vote: return "block vote";
        case election_method::approval: return "approval voting";
        case election_method::instant_runoff: return "instant runoff (alternative vote)";
        case election_method::scottish_stv: return "single transferable vote (Scottish STV rules)";
        case election_method::wigm: return "single transferable vote (weighted inclusive Gregory method)";
        case election_method::meek: return "single transferable vote (Meek method)";
        case election_method::schulze: return "the Schulze method";
        case election_method::ranked_pairs: return "ranked pairs";
        case election_method::borda: return "Borda count";
    }
    return "?";
}

}  // namespace

std::string summary(const constitution& c) {
    std::string out = c.org.name + "\n";
    out += std::string("Legal form: ") + legal_form_words(c.org.form);
    if (!c.org.registered_number.empty()) out += ", registered number " + c.org.registered_number;
    out += "\n";
    if (!c.org.area.empty()) out += "Area: " + c.org.area + "\n";

    const membership_rules& mb = c.membership;
    out += "Membership: open to " + class_list(mb.eligible) + " aged " + std::to_string(mb.minimum_age) +
           " or over; one vote per " + name(mb.unit);
    if (mb.qualifying_days > 0)
        out += "; a member may vote after " + std::to_string(mb.qualifying_days) + " days' membership";
    out += "\n";

    static constexpr std::array<std::pair<meeting_kind, const char*>, 4> titles{{
        {meeting_kind::general, "General meetings"},
        {meeting_kind::agm, "Annual general meetings"},
        {meeting_kind::special, "Special general meetings"},
        {meeting_kind::committee, "Committee meetings"},
    }};
    for (const auto& [kind, title] : titles) {
        if (auto it = c.meetings.find(kind); it != c.meetings.end())
            out += std::string(title) + ": " + meeting_line(it->second) + "\n";
        else if (kind != meeting_kind::committee && c.meetings.contains(meeting_kind::general))
            out += std::string(title) + ": as general meetings\n";
    }

    for (const auto& [kind_name, r] : c.resolutions) {
        out += capitalised(kind_name) + " resolution";
        if (!r.description.empty()) out += " (" + r.description + ")";
        out += ": " + tests_words(r.tests, r.how);
        if (r.turnout) out += ", with " + r.turnout->describe();
        if (const auto& cf = r.confirmation)
            out += "; then confirmed at a second meeting held " + period_words(cf->earliest) + " to " +
                   period_words(cf->latest) + " later by " + tests_words(cf->tests, cf->how);
        out += "\n";
    }

    if (const auto& cm = c.committee) {
        out += "Committee: " + std::to_string(cm->min_size) + " to " + std::to_string(cm->max_size) + " members";
        if (cm->min_resident_share.sign() > 0)
            out += ", at least " + fraction_words(cm->min_resident_share) + " of them residents";
        out += cm->max_co_opted > 0 ? "; up to " + std::to_string(cm->max_co_opted) + " co-opted" : "; no co-option";
        out += "; terms of " + std::to_string(cm->term_months) + " months";
        if (cm->rotation)
            out += "; " + fraction_words(*cm->rotation) + " retire each year (" +
                   (cm->rotation_round == rounding::ceil    ? "rounded up"
                    : cm->rotation_round == rounding::floor ? "rounded down"
                                                            : "the nearest whole number") +
                   ")";
        if (!cm->officers.empty()) {
            out += "; officers: ";
            for (std::size_t i = 0; i < cm->officers.size(); ++i) out += (i ? ", " : "") + cm->officers[i];
        }
        if (cm->one_office_each) out += "; no one holds two offices";
        out += std::string("; elected by ") + method_words(cm->method) + "\n";
    }

    for (const auto& [ballot_name, b] : c.ballots) {
        out += "Ballot '" + ballot_name + "'";
        if (!b.description.empty()) out += " (" + b.description + ")";
        out += ": balloting " + (b.electorate.empty() ? std::string("all voting members") : class_list(b.electorate));
        out += "; passes with " + tests_words(b.tests, b.how);
        out += b.turnout ? ", with " + b.turnout->describe() : std::string(", with no turnout floor");
        if (b.every_months) out += "; held every " + std::to_string(*b.every_months) + " months";
        out += "\n";
    }
    return out;
}

}  // namespace v1
}  // namespace tmo
