// Reads committee files, calendar files and calendar rules (presets) from TOML through the safe TOML input of
// toml/reader.hpp (size cap, pre-scan, typed accessors with file, line, column and key path).
#include <tmo/decision/calendar.hpp>
#include <tmo/decision/committee.hpp>

#include "toml/reader.hpp"

#include <algorithm>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

using namespace detail;  // the TOML reader and its helpers

bool is_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
}

class reader : public toml_reader {
public:
    using toml_reader::toml_reader;

    committee read_committee(const toml::table& root) {
        const std::string path;
        mark(path, root);
        keys(root, path, {"seats", "member"});
        committee c;
        if (const toml::node* v = root.get("seats")) c.seats = count(*v, "seats");
        if (const toml::node* v = root.get("member")) {
            const toml::array& members = array(*v, "member", "an array of [[member]] tables");
            for (std::size_t i = 0; i < members.size(); ++i)
                c.members.push_back(member(members[i], element("member", i)));
        }
        return c;
    }

    calendar_input read_input(const toml::table& root) {
        const std::string path;
        mark(path, root);
        keys(root, path, {"preset", "on", "due_soon_days", "milestones"});
        calendar_input in;
        const toml::node* preset_node = root.get("preset");
        if (preset_node) in.preset = text(*preset_node, "preset");
        result<calendar_rules> rules = calendar_preset(in.preset);
        if (!rules) {
            if (!preset_node) throw toml_stop{rules.error()};  // the default preset is always there
            fail(rules.error().code(), rules.error().message(), *preset_node, "preset");
        }
        if (const toml::node* v = root.get("on")) in.on = day(*v, "on");
        if (const toml::node* v = root.get("due_soon_days")) in.due_soon_days = count(*v, "due_soon_days");
        const toml::table& ms =
            table(need(root, path, "milestones", "add a [milestones] table of dates"), "milestones");
        for (auto&& [key, node] : ms) {
            const std::string key_path = join("milestones", key.str());
            if (!rules->milestones.contains(key.str())) {
                std::string known;
                for (const auto& entry : rules->milestones) known += (known.empty() ? "" : ", ") + entry.first;
                fail(errc::unknown_key,
                     "unknown milestone '" + std::string(key.str()) + "'; the calendar " + rules->name +
                         " knows: " + known,
                     key.source().begin, key_path);
            }
            in.milestones[std::string(key.str())] = day(node, key_path);
        }
        return in;
    }

    calendar_rules read_rules(const toml::table& root) {
        const std::string path;
        mark(path, root);
        keys(root, path, {"name", "description", "due_soon_days", "milestones", "deadline"});
        calendar_rules r;
        r.name = text(need(root, path, "name"), "name");
        if (const toml::node* v = root.get("description")) r.description = text(*v, "description");
        if (const toml::node* v = root.get("due_soon_days")) r.due_soon_days = count(*v, "due_soon_days");
        const toml::table& ms = table(need(root, path, "milestones"), "milestones");
        for (auto&& [key, node] : ms) {
            const std::string key_path = join("milestones", key.str());
            if (!is_name(key.str()))
                fail(errc::invalid_value, "a milestone name has lower-case letters, digits and '_' only", node,
                     key_path);
            r.milestones[std::string(key.str())] = text(node, key_path);
        }
        const toml::array& deadlines = array(need(root, path, "deadline", "add [[deadline]] tables"), "deadline",
                                             "an array of [[deadline]] tables");
        for (std::size_t i = 0; i < deadlines.size(); ++i) {
            const std::string item = element("deadline", i);
            deadline_rule d = deadline(deadlines[i], item, r);
            for (const deadline_rule& earlier : r.deadlines)
                if (earlier.id == d.id)
                    fail(errc::invalid_value, "the deadline id \"" + d.id + "\" is used twice",
                         *deadlines[i].as_table()->get("id"), join(item, "id"));
            r.deadlines.push_back(std::move(d));
        }
        return r;
    }

private:
    committee_member member(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path, "a [[member]] table");
        keys(t, path, {"id", "name", "category", "offices", "since"});
        committee_member m;
        m.id = text(need(t, path, "id"), join(path, "id"));
        m.name = text(need(t, path, "name"), join(path, "name"));
        m.category = choice<seat_category>(need(t, path, "category"), join(path, "category"), "seat category");
        if (const toml::node* v = t.get("offices")) {
            const std::string offices = join(path, "offices");
            const toml::array& a = array(*v, offices, "an array of offices such as [\"chair\"]");
            for (std::size_t i = 0; i < a.size(); ++i) m.offices.push_back(text(a[i], element(offices, i)));
        }
        m.since = day(need(t, path, "since", "the day the member was elected or co-opted"), join(path, "since"));
        return m;
    }

    // The name of a listed milestone.
    std::string milestone(const toml::node& n, const std::string& path, const calendar_rules& r) {
        std::string m = text(n, path);
        if (!r.milestones.contains(m))
            fail(errc::invalid_value, "unknown milestone " + shown(m) + ": list it under [milestones] first", n, path);
        return m;
    }

    deadline_rule deadline(const toml::node& n, const std::string& path, const calendar_rules& r) {
        const toml::table& t = table(n, path, "a [[deadline]] table");
        keys(t, path, {"id", "label", "from", "period", "direction", "met_by", "source", "evidence"});
        deadline_rule d;
        d.id = text(need(t, path, "id"), join(path, "id"));
        if (!is_name(d.id))
            fail(errc::invalid_value, "a deadline id has lower-case letters, digits and '_' only", *t.get("id"),
                 join(path, "id"));
        d.label = text(need(t, path, "label"), join(path, "label"));
        const std::string from = join(path, "from");
        const toml::node& f = need(t, path, "from");
        if (f.is_string()) {
            d.from.push_back(milestone(f, from, r));
        } else {
            const toml::array& a = array(f, from, "a milestone or an array of milestones");
            if (a.empty()) fail(errc::invalid_value, "list at least one milestone", f, from);
            for (std::size_t i = 0; i < a.size(); ++i) d.from.push_back(milestone(a[i], element(from, i), r));
        }
        const std::string period_path = join(path, "period");
        d.span = span(need(t, path, "period"), period_path);
        if (d.span.count == 0)
            fail(errc::invalid_value, "a period lasts at least 1 day or month", *t.get("period"), period_path);
        d.direction = choice<deadline_direction>(need(t, path, "direction"), join(path, "direction"), "direction");
        if (const toml::node* v = t.get("met_by")) d.met_by = milestone(*v, join(path, "met_by"), r);
        d.source = text(need(t, path, "source"), join(path, "source"));
        const std::string evidence = join(path, "evidence");
        const toml::node& e = need(t, path, "evidence");
        d.evidence = text(e, evidence);
        if (d.evidence != "V" && d.evidence != "V2" && d.evidence != "U" && d.evidence != "I")
            fail(errc::invalid_value,
                 "unknown evidence label " + shown(d.evidence) + "; expected one of: \"V\", \"V2\", \"U\", \"I\"", e,
                 evidence);
        return d;
    }
};

// Parses `text` and reads it with `read`; errors carry `source_name`.
template <class T, class Read>
result<T> read_toml(std::string_view text, std::string_view source_name, std::size_t max_bytes, std::string_view what,
                    Read read) {
    const std::string file(source_name);
    detail::toml_limits limits;
    limits.max_bytes = max_bytes;
    limits.noun = what;
    result<toml::table> parsed = detail::parse_toml(text, file, limits);
    if (!parsed) return unexpected(parsed.error());
    reader r(file);
    try {
        return read(r, *parsed);
    } catch (const toml_stop& s) {
        return unexpected(s.err);
    }
}

}  // namespace

result<committee> parse_committee(std::string_view toml_text, std::string_view source_name) {
    return read_toml<committee>(toml_text, source_name, max_committee_file_bytes, "the committee file",
                                [](reader& r, const toml::table& t) {
                                    committee c = r.read_committee(t);
                                    if (result<void> ok = validate(c); !ok) {
                                        // The file's array is [[member]], the struct's `members`.
                                        std::string path = ok.error().where().key_path;
                                        if (path.starts_with("members[")) path.replace(0, 7, "member");
                                        throw toml_stop{error(ok.error().code(), ok.error().message(), r.locate(path))};
                                    }
                                    return c;
                                });
}

result<committee> load_committee(const std::filesystem::path& file) {
    result<std::string> text = read_text_file(file, max_committee_file_bytes);
    if (!text) return unexpected(text.error());
    return parse_committee(*text, file.string());
}

result<calendar_rules> parse_calendar_rules(std::string_view toml_text, std::string_view source_name) {
    return read_toml<calendar_rules>(toml_text, source_name, max_calendar_file_bytes, "the calendar rules",
                                     [](reader& r, const toml::table& t) { return r.read_rules(t); });
}

result<calendar_input> parse_calendar_input(std::string_view toml_text, std::string_view source_name) {
    return read_toml<calendar_input>(toml_text, source_name, max_calendar_file_bytes, "the calendar file",
                                     [](reader& r, const toml::table& t) { return r.read_input(t); });
}

result<calendar_input> load_calendar_input(const std::filesystem::path& file) {
    result<std::string> text = read_text_file(file, max_calendar_file_bytes);
    if (!text) return unexpected(text.error());
    return parse_calendar_input(*text, file.string());
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
