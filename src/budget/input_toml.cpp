// Reads an election written in TOML (input.hpp) through the library's safe TOML layer (src/toml/reader.hpp): the
// same pre-scan and limits as every other TOML reader of tmo.
#include <tmo/budget/input.hpp>

#include "toml/reader.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

// Thrown inside this file only, to stop at the first error; parse_election_toml turns it into a result.
struct stop {
    error err;
};

using tmo::detail::type_name;

// A table's entries in the order they are written (toml++ keeps them sorted by key), so that errors and
// instance::meta follow the file.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& t) {
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (auto&& [key, node] : t) entries.emplace_back(&key, &node);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const toml::source_position x = a.first->source().begin, y = b.first->source().begin;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    return entries;
}

class reader {
public:
    explicit reader(std::string file) : file_(std::move(file)), build_(location({1, 1}, {})) {}

    pabulib_file read(const toml::table& root) {
        for (const auto& [key, node] : in_file_order(root)) {
            if (key->str() == "projects" || key->str() == "ballots") continue;
            // An unknown key is reported by the builder, at the key, whatever its value.
            const std::string k(key->str());
            const bool known = election_builder::is_setting(k);
            check(build_.set(k, known ? setting_text(*node, k) : std::string(),
                             location(known ? node->source().begin : key->source().begin, k)));
        }

        const toml::node* projects = root.get("projects");
        if (projects == nullptr)
            throw stop{error(errc::missing_key,
                             "the election has no projects: add a [[projects]] table with id, name and cost for each",
                             location({1, 1}, "projects"))};
        const toml::array* list = projects->as_array();
        if (list == nullptr || !list->is_array_of_tables())
            fail(errc::wrong_type, "expected [[projects]] tables, found " + type_name(*projects), *projects, "projects");
        for (std::size_t i = 0; i < list->size(); ++i) project(*list->get(i)->as_table(), "projects[" + std::to_string(i) + "]");

        if (const toml::node* ballots = root.get("ballots")) {
            const toml::table* voters = ballots->as_table();
            if (voters == nullptr)
                fail(errc::wrong_type, "expected a [ballots] table with one key per voter, found " + type_name(*ballots),
                     *ballots, "ballots");
            for (const auto& [voter, vote] : in_file_order(*voters)) ballot(std::string(voter->str()), *vote);
        }
        auto done = build_.finish();
        check(done);
        return std::move(*done);
    }

private:
    source_location location(const toml::source_position& at, std::string path) const {
        return {file_, at.line, at.column, std::move(path)};
    }

    [[noreturn]] void fail(errc code, std::string message, const toml::node& at, std::string path) const {
        throw stop{error(code, std::move(message), location(at.source().begin, std::move(path)))};
    }

    template <class T>
    static void check(const result<T>& r) {
        if (!r) throw stop{r.error()};
    }

    // A top-level value as text: strings as written, integers as digits, an array of integers (scoring_fn) as
    // "3,2,1".
    std::string setting_text(const toml::node& n, const std::string& path) const {
        if (const auto* s = n.as_string()) return s->get();
        if (const auto* i = n.as_integer()) return std::to_string(i->get());
        if (const toml::array* a = n.as_array()) {
            std::string out;
            for (std::size_t k = 0; k < a->size(); ++k) {
                const auto* i = a->get(k)->as_integer();
                if (i == nullptr)
                    fail(errc::wrong_type, "expected whole points, found " + type_name(*a->get(k)), *a->get(k),
                         path + "[" + std::to_string(k) + "]");
                out += (k ? "," : "") + std::to_string(i->get());
            }
            return out;
        }
        if (n.is_floating_point())
            fail(errc::wrong_type,
                 "a TOML float is not exact: write amounts as strings such as \"£12,500.50\" and numbers as whole "
                 "numbers",
                 n, path);
        fail(errc::wrong_type, "expected a string or a whole number, found " + type_name(n), n, path);
    }

    void project(const toml::table& t, const std::string& path) {
        std::string id, project_name, cost;
        const toml::node* id_node = nullptr;
        const toml::node* cost_node = nullptr;
        for (auto&& [key, node] : t) {
            const std::string key_path = tmo::detail::key_path_join(path, key.str());
            if (key.str() == "id" || key.str() == "name") {
                const auto* s = node.as_string();
                if (s == nullptr) fail(errc::wrong_type, "expected a string, found " + type_name(node), node, key_path);
                (key.str() == "id" ? id : project_name) = s->get();
                if (key.str() == "id") id_node = &node;
            } else if (key.str() == "cost") {
                cost = setting_text(node, key_path);
                cost_node = &node;
            } else {
                throw stop{error(errc::unknown_key,
                                 "unknown key '" + std::string(key.str()) + "' in a project; expected id, name, cost",
                                 location(key.source().begin, key_path))};
            }
        }
        if (id_node == nullptr) fail(errc::missing_key, "the project has no id", t, tmo::detail::key_path_join(path, "id"));
        if (cost_node == nullptr)
            fail(errc::missing_key, "project \"" + id + "\" has no cost", t, tmo::detail::key_path_join(path, "cost"));
        check(build_.add_project(std::move(id), std::move(project_name), cost,
                                 location(id_node->source().begin, tmo::detail::key_path_join(path, "id")),
                                 location(cost_node->source().begin, tmo::detail::key_path_join(path, "cost"))));
    }

    void ballot(std::string voter, const toml::node& vote) {
        const std::string path = tmo::detail::key_path_join("ballots", voter);
        const vote_type type = build_.type();
        const bool with_points = type == vote_type::cumulative || type == vote_type::scoring;
        std::vector<ballot_entry> entries;
        if (with_points) {
            const toml::table* t = vote.as_table();
            if (t == nullptr)
                fail(errc::wrong_type,
                     std::string("a ") + name(type) + " ballot gives points per project, such as { play = 3, garden = 2 }; found " +
                         type_name(vote),
                     vote, path);
            for (auto&& [project_id, points] : *t) {
                const std::string point_path = tmo::detail::key_path_join(path, project_id.str());
                const auto* i = points.as_integer();
                if (i == nullptr) fail(errc::wrong_type, "expected whole points, found " + type_name(points), points, point_path);
                entries.push_back({std::string(project_id.str()), i->get(), location(project_id.source().begin, point_path)});
            }
        } else {
            const toml::array* a = vote.as_array();
            if (a == nullptr)
                fail(errc::wrong_type,
                     std::string("a ") + name(type) + " ballot lists project ids, such as [\"play\", \"garden\"]; found " +
                         type_name(vote),
                     vote, path);
            for (std::size_t k = 0; k < a->size(); ++k) {
                const toml::node& item = *a->get(k);
                const std::string item_path = path + "[" + std::to_string(k) + "]";
                const auto* s = item.as_string();
                if (s == nullptr) fail(errc::wrong_type, "expected a project id (a string), found " + type_name(item), item, item_path);
                entries.push_back({s->get(), 0, location(item.source().begin, item_path)});
            }
        }
        check(build_.add_ballot(std::move(voter), entries, location(vote.source().begin, path)));
    }

    std::string file_;
    election_builder build_;
};

}  // namespace

result<pabulib_file> parse_election_toml(std::string_view text, std::string_view source_name) {
    const std::string file(source_name);
    tmo::detail::toml_limits limits;
    limits.max_bytes = max_election_toml_bytes;
    limits.noun = "the election";
    auto parsed = tmo::detail::parse_toml(text, file, limits);
    if (!parsed) return unexpected(parsed.error());
    try {
        return reader(file).read(*parsed);
    } catch (const stop& s) {
        return unexpected(s.err);
    }
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
