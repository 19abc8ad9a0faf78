// Reads a constitution from TOML through the library's safe TOML layer (src/toml/reader.hpp).
#include <tmo/rules/constitution.hpp>

#include "toml/reader.hpp"

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace {

using detail::element;
using detail::join;
using detail::shown;
using detail::type_name;
using detail::where;

constexpr detail::toml_limits constitution_limits{max_constitution_bytes, max_dotted_key_parts, "the constitution",
                                                  "[meetings.general]"};

class reader : public detail::toml_reader {
public:
    using toml_reader::toml_reader;

    // A file of named ballots only: [ballots.<name>] tables, as in a constitution.
    std::map<std::string, ballot_rules> ballots_only(const toml::table& root) {
        const std::string path;
        mark(path, root);
        keys(root, path, {"ballots"});
        const std::string ballots_path = "ballots";
        std::map<std::string, ballot_rules> out;
        for (auto&& [key, node] : table(need(root, path, "ballots", "add at least one [ballots.<name>] table"),
                                        ballots_path))
            out[std::string(key.str())] = ballot(node, join(ballots_path, key.str()));
        return out;
    }

    constitution read(const toml::table& root) {
        const std::string path;
        mark(path, root);
        keys(root, path, {"organisation", "membership", "meetings", "resolutions", "committee", "ballots"});
        constitution c;
        c.org = organisation_rules(need(root, path, "organisation", "add an [organisation] table"));
        c.membership = members(need(root, path, "membership", "add a [membership] table"));

        const std::string meetings_path = "meetings";
        const toml::table& meetings =
            table(need(root, path, "meetings", "add a [meetings.general] table"), meetings_path);
        keys(meetings, meetings_path, {"general", "agm", "special", "committee"});
        for (auto&& [key, node] : meetings)
            c.meetings[*detail::from_name<meeting_kind>(key.str())] = meeting(node, join(meetings_path, key.str()));

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

private:
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
            mark(path, n);
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
            mark(path, n);
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
              "rotation_round", "officers", "one_office_each", "election_method"});
        committee_rules c;
        c.min_size = count(need(t, path, "min_size"), join(path, "min_size"));
        c.max_size = count(need(t, path, "max_size"), join(path, "max_size"));
        if (const toml::node* v = t.get("min_resident_share"))
            c.min_resident_share = fraction(*v, join(path, "min_resident_share"));
        if (const toml::node* v = t.get("max_co_opted")) c.max_co_opted = count(*v, join(path, "max_co_opted"));
        c.term_months = count(need(t, path, "term_months"), join(path, "term_months"));
        if (const toml::node* v = t.get("rotation")) c.rotation = fraction(*v, join(path, "rotation"));
        if (const toml::node* v = t.get("rotation_round")) {
            const std::string round_path = join(path, "rotation_round");
            const std::string direction = text(*v, round_path);
            if (direction == "nearest") {
                c.rotation_round = rounding::half_up;
            } else if (direction == "up" || direction == "down") {
                c.rotation_round = direction == "up" ? rounding::ceil : rounding::floor;
            } else {
                fail(errc::invalid_value,
                     "unknown rounding " + shown(direction) + "; expected one of: \"nearest\", \"up\", \"down\"", *v,
                     round_path);
            }
        }
        if (const toml::node* v = t.get("officers")) {
            const std::string officers_path = join(path, "officers");
            const toml::array& a = array(*v, officers_path, "an array of offices such as [\"chair\", \"treasurer\"]");
            for (std::size_t i = 0; i < a.size(); ++i) c.officers.push_back(text(a[i], element(officers_path, i)));
        }
        if (const toml::node* v = t.get("one_office_each")) c.one_office_each = flag(*v, join(path, "one_office_each"));
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
};

}  // namespace

result<constitution> parse_constitution(std::string_view toml_text, std::string_view source_name) {
    const std::string file(source_name);
    result<toml::table> root = detail::parse_toml(toml_text, file, constitution_limits);
    if (!root) return unexpected(root.error());
    reader r(file);
    try {
        constitution c = r.read(*root);
        if (result<void> ok = validate(c); !ok)
            return unexpected(ok.error().code(), ok.error().message(), r.locate(ok.error().where().key_path));
        return c;
    } catch (const detail::toml_stop& s) {
        return unexpected(s.err);
    }
}

result<std::map<std::string, ballot_rules>> parse_ballot_rules(std::string_view toml_text,
                                                               std::string_view source_name) {
    const std::string file(source_name);
    detail::toml_limits limits = constitution_limits;
    limits.noun = "the ballot rules";
    result<toml::table> root = detail::parse_toml(toml_text, file, limits);
    if (!root) return unexpected(root.error());
    reader r(file);
    try {
        std::map<std::string, ballot_rules> out = r.ballots_only(*root);
        for (const auto& [ballot_name, rules] : out)
            if (result<void> ok = validate(rules, ballot_name); !ok)
                return unexpected(ok.error().code(), ok.error().message(), r.locate(ok.error().where().key_path));
        return out;
    } catch (const detail::toml_stop& s) {
        return unexpected(s.err);
    }
}

result<constitution> load_constitution(const std::filesystem::path& file) {
    result<std::string> text = detail::read_text_file(file, max_constitution_bytes);
    if (!text) return unexpected(text.error());
    return parse_constitution(*text, file.string());
}

}  // namespace v1
}  // namespace tmo
