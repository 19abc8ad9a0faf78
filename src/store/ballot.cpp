#include <tmo/decision/record.hpp>
#include <tmo/store/ballot.hpp>

#include "store/records.hpp"
#include "store/sqlite.hpp"
#include "toml/text.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>

namespace tmo {
inline namespace v1 {
namespace store {

using detail::fail;
using detail::statement;

namespace {

constexpr std::size_t code_length = 16;
using code_hash = std::array<unsigned char, crypto_generichash_BYTES>;
static_assert(crypto_generichash_BYTES == 32);

struct ballot_row {
    std::int64_t id = 0;
    ballot_info info;
};

std::string join_settings(const std::vector<vote::setting>& settings) {
    std::string out;
    for (const vote::setting& s : settings) out += s.key + "=" + s.value + "\n";
    return out;
}

std::vector<vote::setting> split_settings(std::string_view text) {
    std::vector<vote::setting> out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        const std::size_t eq = line.find('=');
        out.push_back({std::string(line.substr(0, eq)), std::string(line.substr(eq + 1))});
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        out.emplace_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return out;
}

// The ballot named `name`, or nullopt.
std::optional<ballot_row> load_ballot(const database::impl& c, std::string_view name) {
    statement s(c.db, "SELECT b.id, b.name, b.title, b.day, b.kind, b.rule, b.settings, b.candidates, b.seats, "
                      "b.closed, b.codes_issued, b.digest, (SELECT count(*) FROM voter v WHERE v.ballot = b.id) "
                      "FROM ballot b WHERE b.name = ?");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    ballot_row row;
    row.id = s.integer(0);
    ballot_spec& spec = row.info.spec;
    spec.name = s.text(1);
    spec.title = s.text(2);
    auto day = parse_date(s.text(3));
    if (!day) fail(errc::corrupt, c.file + ": ballot " + spec.name + " has a stored day that is not a date");
    spec.day = *day;
    spec.kind = s.text(4) == "election" ? ballot_kind::election : ballot_kind::question;
    spec.rule = s.text(5);
    spec.settings = split_settings(s.text(6));
    spec.candidates = split_lines(s.text(7));
    spec.seats = static_cast<std::uint32_t>(s.integer(8));
    row.info.closed = s.integer(9) != 0;
    row.info.codes_issued = s.integer(10) != 0;
    row.info.digest = s.is_null(11) ? std::string() : s.text(11);
    row.info.voters = static_cast<std::uint64_t>(s.integer(12));
    return row;
}

ballot_row need_ballot(const database::impl& c, std::string_view name) {
    auto row = load_ballot(c, name);
    if (!row) fail(errc::not_found, "no ballot \"" + std::string(name) + "\" in " + c.file);
    return std::move(*row);
}

tenure_class stored_tenure(const database::impl& c, const std::string& text) {
    const auto t = tmo::detail::from_name<tenure_class>(text);
    if (!t) fail(errc::corrupt, c.file + ": a stored tenure class \"" + text + "\" is unknown");
    return *t;
}

// The code as 16 alphabet characters (upper case; spaces and hyphens dropped), or nullopt if it is not one.
std::optional<std::string> normalised(std::string_view typed) {
    std::string out;
    for (char ch : typed) {
        if (ch == '-' || ch == ' ') continue;
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (code_alphabet.find(ch) == std::string_view::npos || out.size() == code_length) return std::nullopt;
        out += ch;
    }
    if (out.size() != code_length) return std::nullopt;
    return out;
}

code_hash hash_code(const std::string& code, const std::array<unsigned char, 32>& key) {
    code_hash h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(code.data()), code.size(),
                       key.data(), key.size());
    return h;
}

std::string new_code() {
    std::string code;
    for (std::size_t i = 0; i < code_length; ++i)
        code += code_alphabet[randombytes_uniform(static_cast<std::uint32_t>(code_alphabet.size()))];
    return code;
}

std::string grouped(const std::string& code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) out += (i > 0 && i % 4 == 0 ? "-" : "") + code.substr(i, 1);
    return out;
}

// The paper in its stored form, or errc::invalid_value.
std::string canonical_paper(const ballot_spec& spec, std::string_view paper) {
    if (spec.kind == ballot_kind::question) {
        if (paper == "for" || paper == "against" || paper == "spoilt") return std::string(paper);
        fail(errc::invalid_value, "a paper of ballot " + spec.name + " is \"for\", \"against\" or \"spoilt\", not \"" +
                                      std::string(paper) + "\"");
    }
    std::string out;
    std::string_view rest = paper;
    while (!rest.empty()) {
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        std::uint32_t number = 0;
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
        if (ec != std::errc() || number < 1 || number > spec.candidates.size())
            fail(errc::invalid_value, "a preference of ballot " + spec.name + " is a candidate number from 1 to " +
                                          std::to_string(spec.candidates.size()) + " in \"" + std::string(paper) +
                                          "\"");
        out += std::to_string(number);
        rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.empty()) break;
        if (rest.front() != ',' && rest.front() != '=')
            fail(errc::invalid_value, "preferences of ballot " + spec.name + " are separated by ',' (or '=' for a "
                                      "shared rank) in \"" + std::string(paper) + "\"");
        if (rest.front() == '=' && !vote::rule_takes_equal_ranks(spec.rule))
            fail(errc::invalid_value, "ballot " + spec.name + " is counted by " + spec.rule + ", which does not allow "
                                      "candidates ranked equal: give each preference its own place, separated by ',' "
                                      "(not \"" + std::string(paper) + "\")");
        out += rest.front();
        rest.remove_prefix(1);
        if (rest.empty()) fail(errc::invalid_value, "a paper of ballot " + spec.name + " ends with a separator");
    }
    return out;
}

std::vector<std::string> paper_lines(const database::impl& c, std::int64_t ballot_id) {
    statement s(c.db, "SELECT tenure, paper FROM cast_ballot WHERE ballot = ?");
    s.bind(1, ballot_id);
    std::vector<std::string> lines;
    while (s.step()) lines.push_back(s.text(0) + "\t" + s.text(1));
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::string digest_of(const std::string& name, const std::vector<std::string>& lines) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const auto feed = [&](std::string_view text) {
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    };
    feed("tmo-ballot-digest-1\n");
    feed(name);
    feed("\n");
    for (const std::string& line : lines) {
        feed(line);
        feed("\n");
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> h{};
    crypto_hash_sha256_final(&state, h.data());
    return detail::to_hex(h);
}

std::map<tenure_class, class_turnout> turnout_of(const database::impl& c, std::int64_t ballot_id) {
    statement s(c.db, "SELECT tenure, count(*), sum(used) FROM voter WHERE ballot = ? GROUP BY tenure");
    s.bind(1, ballot_id);
    std::map<tenure_class, class_turnout> out;
    while (s.step()) {
        out[stored_tenure(c, s.text(0))] = {static_cast<std::uint64_t>(s.integer(1)),
                                            static_cast<std::uint64_t>(s.integer(2))};
    }
    return out;
}

bool valid_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
               ch == '_';
    });
}

void check_spec(const ballot_spec& spec) {
    if (!valid_name(spec.name))
        fail(errc::invalid_value, "a ballot's name is letters, digits, '-' and '_', not \"" + spec.name + "\"");
    if (spec.title.empty() || spec.title.find('\n') != std::string::npos)
        fail(errc::invalid_value, "ballot " + spec.name + " needs a title of one line");
    if (spec.kind == ballot_kind::question) {
        if (spec.rule.empty()) fail(errc::invalid_value, "ballot " + spec.name + " needs a ballot rule");
        return;
    }
    const auto names = vote::rule_names();
    if (std::find(names.begin(), names.end(), spec.rule) == names.end())
        fail(errc::not_found, "ballot " + spec.name + ": no counting rule \"" + spec.rule + "\"");
    if (spec.candidates.empty()) fail(errc::invalid_value, "election " + spec.name + " needs candidates");
    for (const std::string& c : spec.candidates) {
        if (c.empty() || c.find('\n') != std::string::npos)
            fail(errc::invalid_value, "election " + spec.name + ": a candidate's name is one non-empty line");
    }
    if (spec.seats < 1 || spec.seats > spec.candidates.size())
        fail(errc::invalid_value, "election " + spec.name + " fills 1 to " + std::to_string(spec.candidates.size()) +
                                      " seats, not " + std::to_string(spec.seats));
    for (const vote::setting& s : spec.settings) {
        if (s.key.empty() || s.key.find_first_of("=\n") != std::string::npos || s.value.find('\n') != std::string::npos)
            fail(errc::invalid_value, "election " + spec.name + ": a setting is a key without '=' and a one-line value");
    }
    if (auto keys = vote::check_setting_keys(spec.rule, spec.settings); !keys)
        fail(keys.error().code(), "election " + spec.name + ": " + keys.error().message());
}

// Counts the papers of a closed ballot (no writes).
ballot_count count_papers(const database::impl& c, const ballot_row& row, const ballot_rules* given) {
    const ballot_spec& spec = row.info.spec;
    ballot_count out;
    out.ballot = spec.name;
    out.kind = spec.kind;
    const std::vector<std::string> lines = paper_lines(c, row.id);
    out.papers = lines.size();
    out.digest = digest_of(spec.name, lines);
    statement s(c.db, "SELECT tenure, paper FROM cast_ballot WHERE ballot = ?");
    s.bind(1, row.id);
    if (spec.kind == ballot_kind::question) {
        std::map<tenure_class, decision::class_count> counts;
        for (const auto& [tenure, t] : turnout_of(c, row.id)) counts[tenure].eligible = t.eligible;
        while (s.step()) {
            decision::class_count& k = counts[stored_tenure(c, s.text(0))];
            const std::string paper = s.text(1);
            if (paper == "for") ++k.in_favour;
            else if (paper == "against") ++k.against;
            else ++k.abstained;
        }
        ballot_rules rules;
        if (given != nullptr) {
            rules = *given;
        } else {
            auto preset = decision::ballot_preset(spec.rule);
            if (!preset) throw detail::store_failure{preset.error()};
            rules = std::move(*preset);
        }
        auto outcome = decision::evaluate_ballot(rules, spec.rule, decision::tally::from_classes(std::move(counts)));
        if (!outcome) throw detail::store_failure{outcome.error()};
        outcome->title = spec.title;
        out.carried = outcome->decision.carried;
        out.sentence = outcome->decision.sentence;
        out.question = std::move(*outcome);
        return out;
    }
    std::vector<vote::candidate> candidates;
    for (const std::string& name : spec.candidates) candidates.push_back({name, false, false});
    vote::profile p(std::move(candidates), spec.seats, spec.title);
    while (s.step()) {
        std::vector<vote::mark> marks;
        const std::string paper = s.text(1);
        std::string_view rest = paper;
        bool shares = false;
        while (!rest.empty()) {
            std::uint32_t number = 0;
            const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
            if (ec != std::errc() || number < 1)
                fail(errc::corrupt, c.file + ": a stored paper of " + spec.name + " is not a list of preferences");
            marks.push_back({number - 1, shares});
            rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
            if (rest.empty()) break;
            shares = rest.front() == '=';
            rest.remove_prefix(1);
        }
        if (auto added = p.add(marks); !added) fail(errc::corrupt, c.file + ": " + added.error().message());
    }
    auto counted = vote::count(p, spec.rule, spec.settings);
    if (!counted) throw detail::store_failure{counted.error()};
    out.carried = true;
    out.sentence = counted->summary;
    out.election = std::move(*counted);
    return out;
}

}  // namespace

const char* name(ballot_kind k) noexcept { return k == ballot_kind::election ? "election" : "question"; }

namespace detail {

std::string ballot_body(const database::impl& c, std::string_view name) {
    const auto row = load_ballot(c, name);
    if (!row) return "missing: the ballot is no longer stored\n";
    const ballot_spec& spec = row->info.spec;
    std::string body = "ballot: " + spec.name + "\n";
    body += "title: " + spec.title + "\n";
    body += "day: " + to_string(spec.day) + "\n";
    body += std::string("kind: ") + store::name(spec.kind) + "\n";
    body += "rule: " + spec.rule + "\n";
    for (const vote::setting& s : spec.settings) body += "setting: " + s.key + "=" + s.value + "\n";
    for (const std::string& cand : spec.candidates) body += "candidate: " + cand + "\n";
    body += "seats: " + std::to_string(spec.seats) + "\n";
    body += std::string("closed: ") + (row->info.closed ? "yes" : "no") + "\n";
    for (const auto& [tenure, t] : turnout_of(c, row->id))
        body += std::string("turnout ") + tmo::name(tenure) + ": " + std::to_string(t.voted) + " of " +
                std::to_string(t.eligible) + "\n";
    const std::vector<std::string> lines = paper_lines(c, row->id);
    body += "papers: " + std::to_string(lines.size()) + "\n";
    body += "digest: " + digest_of(spec.name, lines) + "\n";
    return body;
}

std::string result_body(const database::impl& c, std::string_view name) {
    statement s(c.db, "SELECT r.carried, r.sentence, r.digest FROM ballot_result r JOIN ballot b ON b.id = r.ballot "
                      "WHERE b.name = ?");
    s.bind(1, name);
    if (!s.step()) return "missing: the result is no longer stored\n";
    std::string body = "result of: " + std::string(name) + "\n";
    body += std::string("carried: ") + (s.integer(0) != 0 ? "yes" : "no") + "\n";
    std::string sentence = s.text(1);
    std::replace(sentence.begin(), sentence.end(), '\n', ' ');
    body += "sentence: " + sentence + "\n";
    body += "digest: " + s.text(2) + "\n";
    return body;
}

}  // namespace detail

result<std::int64_t> open_ballot(database& db, const ballot_spec& spec, const decision::voters_roll& roll) {
    return detail::guarded([&] {
        check_spec(spec);
        if (roll.units.empty()) fail(errc::invalid_value, "ballot " + spec.name + ": the roll has no voting units");
        database::impl& c = db.connection();
        return c.write([&] {
            if (load_ballot(c, spec.name)) fail(errc::invalid_value, "a ballot \"" + spec.name + "\" already exists");
            statement s(c.db, "INSERT INTO ballot(name, title, day, kind, rule, settings, candidates, seats) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            s.bind(1, spec.name).bind(2, spec.title).bind(3, to_string(spec.day)).bind(4, name(spec.kind));
            s.bind(5, spec.rule).bind(6, join_settings(spec.settings)).bind(7, join_lines(spec.candidates));
            s.bind(8, std::int64_t{spec.seats}).run();
            const std::int64_t id = sqlite3_last_insert_rowid(c.db);
            statement v(c.db, "INSERT INTO voter(ballot, unit, position, tenure) VALUES (?, ?, ?, ?)");
            std::int64_t position = 0;
            for (const decision::voting_unit& u : roll.units) {
                v.reset();
                v.bind(1, id).bind(2, u.id).bind(3, ++position).bind(4, name(u.tenure)).run();
            }
            return id;
        });
    });
}

result<std::int64_t> open_ballot(database& db, const ballot_spec& spec, const membership_rules& membership,
                                 std::span<const tenure_class> electorate) {
    auto reg = db.load_register();
    if (!reg) return tmo::unexpected(reg.error());
    const decision::voters_roll roll = decision::make_roll(*reg, membership, spec.day, electorate);
    if (roll.units.empty())
        return tmo::unexpected(errc::invalid_value, "ballot " + spec.name + ": nobody on the stored register (" +
                                                        std::to_string(reg->members().size()) +
                                                        " members) may vote in it on " + to_string(spec.day));
    return open_ballot(db, spec, roll);
}

result<ballot_rules> find_ballot_rule(const constitution* rules, std::string_view rule_name) {
    if (rules != nullptr) {
        if (const ballot_rules* b = rules->ballot(rule_name)) return *b;
    }
    return decision::ballot_preset(rule_name);
}

std::string codes_csv(const std::vector<voter_code>& codes) {
    std::string out = "unit,tenure,code\n";
    for (const voter_code& c : codes) {
        const bool quote = c.unit.find_first_of(",\"\n") != std::string::npos;
        std::string unit = c.unit;
        if (quote) {
            std::string q = "\"";
            for (char ch : unit) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            unit = q + "\"";
        }
        out += unit + "," + name(c.tenure) + "," + c.code + "\n";
    }
    return out;
}

std::string to_text(const std::map<tenure_class, class_turnout>& t) {
    std::string out;
    class_turnout all;
    const auto line = [&](std::string_view label, const class_turnout& c) {
        out += std::string(label) + ": " + std::to_string(c.voted) + " of " + std::to_string(c.eligible) +
               " voted (" + decision::shown_percent(c.voted, c.eligible) + ")\n";
    };
    for (const auto& [tenure, c] : t) {
        line(name(tenure), c);
        all.eligible += c.eligible;
        all.voted += c.voted;
    }
    line("all", all);
    return out;
}

std::string to_text(const ballot_count& c) {
    std::string out = c.question ? decision::to_markdown(*c.question) : c.election ? vote::to_text(*c.election) : "";
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "\nDigest of the " + std::to_string(c.papers) + " ballots counted: " + c.digest + "\n";
    return out;
}

result<std::vector<voter_code>> issue_codes(database& db, std::string_view ballot) {
    return detail::guarded([&] {
        database::impl& c = db.connection();
        return c.write([&] {
            const ballot_row row = need_ballot(c, ballot);
            if (row.info.closed) fail(errc::closed, "ballot " + row.info.spec.name + " is closed");
            if (row.info.codes_issued)
                fail(errc::invalid_value, "the codes of ballot " + row.info.spec.name +
                                              " have already been issued; they are not kept and cannot be shown again");
            const auto key = c.code_key();
            std::vector<voter_code> out;
            statement units(c.db, "SELECT unit, tenure FROM voter WHERE ballot = ? ORDER BY position");
            units.bind(1, row.id);
            while (units.step()) out.push_back({units.text(0), stored_tenure(c, units.text(1)), new_code()});
            statement set(c.db, "UPDATE voter SET lookup = ?, code_hash = ? WHERE ballot = ? AND unit = ?");
            for (voter_code& v : out) {
                const code_hash h = hash_code(v.code, key);
                set.reset();
                set.bind_blob(1, std::span(h).first(8)).bind_blob(2, h).bind(3, row.id).bind(4, v.unit).run();
                v.code = grouped(v.code);
            }
            statement(c.db, "UPDATE ballot SET codes_issued = 1 WHERE id = ?").bind(1, row.id).run();
            return out;
        });
    });
}

result<void> cast(database& db, std::string_view ballot, std::string_view code, std::string_view paper) {
    return detail::guarded([&] {
        database::impl& c = db.connection();
        c.write([&] {
            const ballot_row row = need_ballot(c, ballot);
            const ballot_spec& spec = row.info.spec;
            if (row.info.closed) fail(errc::closed, "ballot " + spec.name + " is closed: no more votes are accepted");
            const std::string stored = canonical_paper(spec, paper);
            const auto typed = normalised(code);
            if (!typed)
                fail(errc::code_unknown, "not a voter code: a code is 16 characters from " +
                                             std::string(code_alphabet) + " (hyphens and spaces are ignored)");
            const code_hash h = hash_code(*typed, c.code_key());
            statement s(c.db, "SELECT unit, tenure, code_hash, used FROM voter WHERE ballot = ? AND lookup = ?");
            s.bind(1, row.id).bind_blob(2, std::span(h).first(8));
            while (s.step()) {
                const std::vector<unsigned char> held = s.blob(2);
                if (held.size() != h.size() || sodium_memcmp(held.data(), h.data(), h.size()) != 0) continue;
                if (s.integer(3) != 0)
                    fail(errc::code_used, "this code has already been used to vote in ballot " + spec.name);
                const std::string unit = s.text(0);
                const std::string tenure = s.text(1);
                s.reset();
                statement(c.db, "UPDATE voter SET used = 1 WHERE ballot = ? AND unit = ?").bind(1, row.id).bind(2, unit)
                    .run();
                std::array<unsigned char, 16> id{};
                randombytes_buf(id.data(), id.size());
                statement(c.db, "INSERT INTO cast_ballot(ballot, id, tenure, paper) VALUES (?, ?, ?, ?)")
                    .bind(1, row.id).bind_blob(2, id).bind(3, tenure).bind(4, stored).run();
                return;
            }
            fail(errc::code_unknown, "no voter of ballot " + spec.name + " holds this code (check it was typed as "
                                     "printed, and that it is for this ballot)");
        });
    });
}

result<std::map<tenure_class, class_turnout>> turnout(const database& db, std::string_view ballot) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] { return turnout_of(c, need_ballot(c, ballot).id); });
    });
}

result<ballot_info> find_ballot(const database& db, std::string_view ballot) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] { return need_ballot(c, ballot).info; });
    });
}

result<std::vector<ballot_info>> ballots(const database& db) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] {
            std::vector<std::string> names;
            statement s(c.db, "SELECT name FROM ballot ORDER BY id");
            while (s.step()) names.push_back(s.text(0));
            std::vector<ballot_info> out;
            for (const std::string& n : names) out.push_back(need_ballot(c, n).info);
            return out;
        });
    });
}

result<std::string> close_ballot(database& db, std::string_view ballot) {
    return detail::guarded([&] {
        database::impl& c = db.connection();
        return c.write([&] {
            const ballot_row row = need_ballot(c, ballot);
            if (row.info.closed) fail(errc::closed, "ballot " + row.info.spec.name + " is already closed");
            const std::string digest = digest_of(row.info.spec.name, paper_lines(c, row.id));
            statement(c.db, "UPDATE ballot SET closed = 1, digest = ? WHERE id = ?").bind(1, digest).bind(2, row.id)
                .run();
            detail::append_entry(c, "ballot", row.info.spec.name, detail::ballot_body(c, row.info.spec.name));
            return digest;
        });
    });
}

result<std::string> ballot_digest(const database& db, std::string_view ballot) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] {
            const ballot_row row = need_ballot(c, ballot);
            return digest_of(row.info.spec.name, paper_lines(c, row.id));
        });
    });
}

result<std::vector<std::string>> cast_papers(const database& db, std::string_view ballot) {
    return detail::guarded([&] {
        const database::impl& c = db.connection();
        return c.read([&] { return paper_lines(c, need_ballot(c, ballot).id); });
    });
}

result<ballot_count> count_ballot(database& db, std::string_view ballot, const ballot_rules* rules) {
    return detail::guarded([&] {
        database::impl& c = db.connection();
        return c.write([&] {
            const ballot_row row = need_ballot(c, ballot);
            if (!row.info.closed)
                fail(errc::closed, "ballot " + row.info.spec.name + " is still open: close it before counting");
            ballot_count counted = count_papers(c, row, rules);
            statement found(c.db, "SELECT 1 FROM ballot_result WHERE ballot = ?");
            found.bind(1, row.id);
            if (!found.step()) {
                statement(c.db, "INSERT INTO ballot_result(ballot, carried, sentence, digest) VALUES (?, ?, ?, ?)")
                    .bind(1, row.id).bind(2, std::int64_t{counted.carried ? 1 : 0}).bind(3, counted.sentence)
                    .bind(4, counted.digest).run();
                detail::append_entry(c, "result", row.info.spec.name, detail::result_body(c, row.info.spec.name));
            }
            return counted;
        });
    });
}

}  // namespace store
}  // namespace v1
}  // namespace tmo
