// Meeting and ballot files in TOML (tmo/decision/files.hpp), read through the private TOML layer.
#include <tmo/decision/files.hpp>

#include <tmo/vote/ballot_file.hpp>

#include "toml/reader.hpp"

#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace decision {

namespace {

using namespace tmo::detail;

class decision_reader : public toml_reader {
public:
    using toml_reader::toml_reader;

    // Where `n` is, as a location for records that point back into the file.
    [[nodiscard]] source_location at(const toml::node& n, const std::string& path) const {
        return {file(), n.source().begin.line, n.source().begin.column, path};
    }

    meeting read_meeting(const toml::table& root) {
        const std::string path = "meeting";
        const toml::table& t = top(root, {"meeting", "attendance", "items", "election"}, path);
        meeting m;
        keys(t, path, {"kind", "title", "date", "time", "notice_given", "adjourned_from", "chair", "register"});
        m.kind = choice<meeting_kind>(need(t, path, "kind"), join(path, "kind"), "meeting kind");
        if (const toml::node* v = t.get("title")) m.title = text(*v, join(path, "title"));
        m.held = day(need(t, path, "date"), join(path, "date"));
        if (const toml::node* v = t.get("time")) m.start_minute = minute(*v, join(path, "time"));
        m.notice_given = day(need(t, path, "notice_given"), join(path, "notice_given"));
        if (const toml::node* v = t.get("adjourned_from")) {
            m.adjourned_from = day(*v, join(path, "adjourned_from"));
            if (!(*m.adjourned_from < m.held))
                fail(errc::invalid_value, "a meeting is adjourned to a later day than the one it was adjourned from",
                     *v, join(path, "adjourned_from"));
        }
        if (m.notice_given > m.adjourned_from.value_or(m.held))
            fail(errc::invalid_value, "notice was given after the meeting", *t.get("notice_given"),
                 join(path, "notice_given"));
        if (const toml::node* v = t.get("chair")) m.chair = ref(*v, join(path, "chair"));
        m.register_file = text(need(t, path, "register", "name the register, such as register = \"members.csv\""),
                               join(path, "register"));

        if (const toml::node* a = root.get("attendance")) {
            const std::string ap = "attendance";
            const toml::table& at = table(*a, ap);
            keys(at, ap, {"present", "proxies"});
            if (const toml::node* v = at.get("present")) m.present = refs(*v, join(ap, "present"));
            if (const toml::node* v = at.get("proxies")) {
                const std::string pp = join(ap, "proxies");
                const toml::array& list = array(*v, pp, "an array of proxies such as { member = \"R040\", holder = "
                                                        "\"R001\", lodged = 2026-06-20T10:00:00 }");
                for (std::size_t i = 0; i < list.size(); ++i) m.proxies.push_back(proxy(list[i], element(pp, i)));
            }
        }
        if (const toml::node* v = root.get("items")) {
            const std::string ip = "items";
            const toml::array& list = array(*v, ip, "an array of tables: write each item as [[items]]");
            for (std::size_t i = 0; i < list.size(); ++i) m.items.push_back(item(list[i], element(ip, i)));
        }
        if (const toml::node* v = root.get("election")) m.election = election(*v);
        return m;
    }

    ballot_file read_ballot(const toml::table& root) {
        const std::string path = "ballot";
        const toml::table& t = top(root, {"ballot", "tallies", "papers"}, path);
        ballot_file b;
        keys(t, path, {"title", "closed", "register"});
        if (const toml::node* v = t.get("title")) b.title = text(*v, join(path, "title"));
        b.closed = day(need(t, path, "closed", "give the close of poll, such as closed = 2026-03-20"),
                       join(path, "closed"));
        const toml::node* tallies = root.get("tallies");
        const toml::node* papers = root.get("papers");
        if (tallies && papers)
            fail(errc::invalid_value, "a ballot file has [tallies] or [papers], not both", *papers, "papers");
        if (!tallies && !papers)
            fail(errc::missing_key, "a ballot file needs [tallies] (counts by class) or [papers] with a register",
                 root, "tallies");
        if (tallies) {
            if (const toml::node* v = t.get("register"))
                fail(errc::invalid_value, "a register is used only with [papers]", *v, join(path, "register"));
            b.tallies = class_tallies(*tallies, "tallies");
        } else {
            b.register_file = text(need(t, path, "register", "papers are counted against a register"),
                                   join(path, "register"));
            const std::string pp = "papers";
            const toml::table& pt = table(*papers, pp);
            keys(pt, pp, {"for", "against", "spoilt"});
            if (const toml::node* v = pt.get("for")) b.papers.in_favour = refs(*v, join(pp, "for"));
            if (const toml::node* v = pt.get("against")) b.papers.against = refs(*v, join(pp, "against"));
            if (const toml::node* v = pt.get("spoilt")) b.papers.spoilt = refs(*v, join(pp, "spoilt"));
        }
        return b;
    }

private:
    committee_election election(const toml::node& n) {
        const std::string path = "election";
        const toml::table& t = table(n, path);
        keys(t, path, {"title", "ballots", "seats", "committee", "seed"});
        committee_election e;
        e.where = at(t, path);
        if (const toml::node* v = t.get("title")) e.title = text(*v, join(path, "title"));
        const toml::node& ballots = need(t, path, "ballots", "name the ballot file, such as ballots = \"committee.blt\"");
        e.ballots_file = text(ballots, join(path, "ballots"));
        if (e.ballots_file.empty()) fail(errc::invalid_value, "the ballot file's name is empty", ballots, join(path, "ballots"));
        e.ballots_at = at(ballots, join(path, "ballots"));
        const toml::node& seats = need(t, path, "seats", "give the seats the election fills, such as seats = 5");
        e.seats = count(seats, join(path, "seats"));
        if (e.seats == 0) fail(errc::invalid_value, "an election fills at least one seat", seats, join(path, "seats"));
        e.seats_at = at(seats, join(path, "seats"));
        if (const toml::node* v = t.get("committee")) {
            e.committee_file = text(*v, join(path, "committee"));
            if (e.committee_file.empty())
                fail(errc::invalid_value, "the committee file's name is empty", *v, join(path, "committee"));
            e.committee_at = at(*v, join(path, "committee"));
        }
        if (const toml::node* v = t.get("seed")) e.seed = text(*v, join(path, "seed"));
        return e;
    }

    // Checks the top-level keys and returns the file's main table, [meeting] or [ballot].
    const toml::table& top(const toml::table& root, std::initializer_list<std::string_view> allowed,
                           const std::string& main) {
        mark("", root);
        keys(root, "", allowed);
        return table(need(root, "", main, "add a [" + main + "] table"), main);
    }

    member_ref ref(const toml::node& n, const std::string& path) {
        std::string id = text(n, path);
        if (id.empty()) fail(errc::invalid_value, "a member id is empty", n, path);
        return {std::move(id), at(n, path)};
    }

    std::vector<member_ref> refs(const toml::node& n, const std::string& path) {
        const toml::array& list = array(n, path, "an array of member ids such as [\"R001\", \"R002\"]");
        std::vector<member_ref> out;
        for (std::size_t i = 0; i < list.size(); ++i) out.push_back(ref(list[i], element(path, i)));
        return out;
    }

    // A local time (19:00:00) as the minute of the day.
    std::uint32_t minute(const toml::node& n, const std::string& path) {
        mark(path, n);
        const auto* t = n.as_time();
        if (!t) fail(errc::wrong_type, "expected a time such as 19:00:00 (no quotes), found " + type_name(n), n, path);
        return std::uint32_t{t->get().hour} * 60 + t->get().minute;
    }

    proxy_appointment proxy(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path, "a proxy such as { member = \"R040\", holder = \"R001\" }");
        keys(t, path, {"member", "holder", "lodged"});
        proxy_appointment p;
        p.member = ref(need(t, path, "member"), join(path, "member"));
        p.holder = ref(need(t, path, "holder"), join(path, "holder"));
        if (p.member.id == p.holder.id)
            fail(errc::invalid_value, "a member cannot hold their own proxy", *t.get("holder"), join(path, "holder"));
        if (const toml::node* v = t.get("lodged")) {
            const std::string lp = join(path, "lodged");
            if (const auto* dt = v->as_date_time()) {
                mark(lp, *v);
                const toml::date_time w = dt->get();
                if (w.offset)
                    fail(errc::invalid_value, "write the time of lodging as local time, without an offset", *v, lp);
                p.lodged_on = date{std::chrono::year(w.date.year), std::chrono::month(w.date.month),
                                   std::chrono::day(w.date.day)};
                if (!p.lodged_on->ok()) fail(errc::invalid_value, "there is no such day", *v, lp);
                p.lodged_minute = std::uint32_t{w.time.hour} * 60 + w.time.minute;
            } else {
                p.lodged_on = day(*v, lp);
            }
        }
        return p;
    }

    agenda_item item(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path, "an agenda item: write it as [[items]] with a title");
        keys(t, path, {"title", "kind", "interests", "show_of_hands", "poll", "casting_vote", "confirms"});
        agenda_item it;
        it.where = at(n, path);
        it.title = text(need(t, path, "title"), join(path, "title"));
        if (const toml::node* v = t.get("kind")) it.kind = text(*v, join(path, "kind"));
        if (const toml::node* v = t.get("interests")) it.interests = refs(*v, join(path, "interests"));
        const toml::node* h = t.get("show_of_hands");
        const toml::node* p = t.get("poll");
        if (h && p) fail(errc::invalid_value, "an item is voted by show_of_hands or by poll, not both", *p, join(path, "poll"));
        if (!it.kind.empty() && !h && !p)
            fail(errc::missing_key, "the item has a kind but no votes: add show_of_hands or poll", t, join(path, "show_of_hands"));
        if (it.kind.empty() && (h || p))
            fail(errc::missing_key, "the item has votes but no kind: add kind = \"ordinary\" (a resolution kind of the "
                                    "constitution)", t, join(path, "kind"));
        if (h) {
            const std::string hp = join(path, "show_of_hands");
            const toml::table& ht = table(*h, hp, "counts such as { for = 34, against = 14, abstain = 3 }");
            keys(ht, hp, {"for", "against", "abstain"});
            hands counts;
            counts.in_favour = count(need(ht, hp, "for"), join(hp, "for"));
            counts.against = count(need(ht, hp, "against"), join(hp, "against"));
            if (const toml::node* v = ht.get("abstain")) counts.abstained = count(*v, join(hp, "abstain"));
            it.show_of_hands = counts;
        }
        if (p) {
            const std::string pp = join(path, "poll");
            const toml::table& pt = table(*p, pp, "member ids such as { for = [\"R001\"], against = [\"R002\"] }");
            keys(pt, pp, {"for", "against", "abstain"});
            poll votes;
            if (const toml::node* v = pt.get("for")) votes.in_favour = refs(*v, join(pp, "for"));
            if (const toml::node* v = pt.get("against")) votes.against = refs(*v, join(pp, "against"));
            if (const toml::node* v = pt.get("abstain")) votes.abstained = refs(*v, join(pp, "abstain"));
            it.poll_votes = std::move(votes);
        }
        if (const toml::node* v = t.get("casting_vote")) {
            const std::string cp = join(path, "casting_vote");
            const std::string use = text(*v, cp);
            if (use != "in_favour" && use != "against")
                fail(errc::invalid_value, "unknown casting vote " + shown(use) + "; expected \"in_favour\" or \"against\"",
                     *v, cp);
            it.casting = use == "in_favour" ? casting_use::in_favour : casting_use::against;
        }
        if (const toml::node* v = t.get("confirms")) it.confirming = day(*v, join(path, "confirms"));
        return it;
    }

    tally class_tallies(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path, "one table per tenure class, such as [tallies.secure_tenant]");
        std::map<tenure_class, class_count> counts;
        for (auto&& [key, node] : t) {
            const std::string cp = join(path, key.str());
            const std::optional<tenure_class> c = from_name<tenure_class>(key.str());
            if (!c || *c == tenure_class::non_voting)
                fail(errc::unknown_key,
                     "unknown tenure class '" + std::string(key.str()) + "'; expected one of: " +
                         names_of<tenure_class>() + " (not non_voting)",
                     key.source().begin, cp);
            const toml::table& ct = table(node, cp, "counts such as { eligible = 52, for = 40, against = 9 }");
            keys(ct, cp, {"eligible", "for", "against", "spoilt"});
            class_count cc;
            cc.eligible = count(need(ct, cp, "eligible"), join(cp, "eligible"));
            cc.in_favour = count(need(ct, cp, "for"), join(cp, "for"));
            cc.against = count(need(ct, cp, "against"), join(cp, "against"));
            if (const toml::node* v = ct.get("spoilt")) cc.abstained = count(*v, join(cp, "spoilt"));
            if (cc.turned_out() > cc.eligible)
                fail(errc::invalid_value,
                     std::to_string(cc.turned_out()) + " papers (for, against and spoilt) but only " +
                         std::to_string(cc.eligible) + " eligible",
                     node, cp);
            counts[*c] = cc;
        }
        if (counts.empty()) fail(errc::missing_key, "[tallies] needs at least one tenure class", n, path);
        return tally::from_classes(std::move(counts));
    }
};

template <class T, class Read>
result<T> read_file_of(std::string_view text, std::string_view source_name, std::string_view what, Read read) {
    const std::string file(source_name);
    toml_limits limits;
    limits.max_bytes = max_decision_file_bytes;
    limits.noun = what;
    result<toml::table> root = parse_toml(text, file, limits);
    if (!root) return unexpected(root.error());
    decision_reader r(file);
    try {
        return read(r, *root);
    } catch (const toml_stop& s) {
        return unexpected(s.err);
    }
}

// Reads and parses a file that names a register; a relative register path is taken relative to the file's folder.
template <class T, class Parse>
result<T> load_beside(const std::filesystem::path& file, Parse parse, std::string T::*register_file) {
    result<std::string> text = read_text_file(file, max_decision_file_bytes);
    if (!text) return unexpected(text.error());
    result<T> out = parse(*text, file.string());
    if (out && !((*out).*register_file).empty()) {
        const std::filesystem::path p((*out).*register_file);
        if (!p.is_absolute()) (*out).*register_file = (file.parent_path() / p).string();
    }
    return out;
}

}  // namespace

result<meeting> parse_meeting(std::string_view toml_text, std::string_view source_name) {
    return read_file_of<meeting>(toml_text, source_name, "the meeting file",
                                 [](decision_reader& r, const toml::table& root) { return r.read_meeting(root); });
}

namespace {

// `name` taken relative to the folder of `file` unless it is absolute.
std::filesystem::path beside(const std::filesystem::path& file, const std::string& name) {
    const std::filesystem::path p(name);
    return p.is_absolute() ? p : file.parent_path() / p;
}

// An error reading a file named in the meeting file: unreadable files are located at the key that names them;
// errors inside a file that was read keep their own location.
error named_file_error(const error& e, const source_location& key, std::string_view what) {
    if (e.code() != errc::io) return e;
    return error(errc::io, "cannot read the " + std::string(what) + ": " + e.message(), key);
}

// Reads the files an [election] names: the ballots and, if given, the committee.
result<void> load_election(const std::filesystem::path& file, committee_election& e) {
    e.ballots_file = beside(file, e.ballots_file).string();
    result<vote::ballot_file> ballots = vote::load_ballots(e.ballots_file);
    if (!ballots) return unexpected(named_file_error(ballots.error(), e.ballots_at, "ballot file"));
    if (ballots->format == vote::ballot_format::blt) {
        if (ballots->profile.seats() != e.seats)
            return unexpected(errc::invalid_value,
                              "the ballot file " + e.ballots_file + " is for " + std::to_string(ballots->profile.seats()) +
                                  " seat(s), not " + std::to_string(e.seats),
                              e.seats_at);
    } else {
        ballots->profile.set_seats(e.seats);
    }
    e.ballots = std::move(ballots->profile);
    if (!e.committee_file.empty()) {
        e.committee_file = beside(file, e.committee_file).string();
        result<committee> sitting = load_committee(e.committee_file);
        if (!sitting) return unexpected(named_file_error(sitting.error(), e.committee_at, "committee file"));
        e.sitting = std::move(*sitting);
    }
    return {};
}

}  // namespace

result<meeting> load_meeting(const std::filesystem::path& file) {
    result<meeting> m = load_beside<meeting>(file, parse_meeting, &meeting::register_file);
    if (m && m->election) {
        if (result<void> loaded = load_election(file, *m->election); !loaded) return unexpected(loaded.error());
    }
    return m;
}

result<ballot_file> parse_ballot_file(std::string_view toml_text, std::string_view source_name) {
    return read_file_of<ballot_file>(toml_text, source_name, "the ballot file",
                                     [](decision_reader& r, const toml::table& root) { return r.read_ballot(root); });
}

result<ballot_file> load_ballot_file(const std::filesystem::path& file) {
    return load_beside<ballot_file>(file, parse_ballot_file, &ballot_file::register_file);
}

result<ballot_outcome> run_ballot(const ballot_rules& rules, std::string_view rule_name, const ballot_file& file,
                                  const member_register* reg, const membership_rules* membership) {
    std::vector<refused_vote> refused;
    tally votes;
    if (file.tallies) {
        votes = *file.tallies;
    } else {
        if (reg == nullptr || membership == nullptr)
            return unexpected(errc::invalid_argument,
                              "a ballot counted from papers needs the register and the constitution's membership rules");
        const voters_roll roll = make_roll(*reg, *membership, file.closed, rules.electorate);
        result<tally> counted = count_papers(roll, *reg, file.papers, refused);
        if (!counted) return unexpected(counted.error());
        votes = std::move(*counted);
    }
    result<ballot_outcome> out = evaluate_ballot(rules, rule_name, votes);
    if (!out) return out;
    out->title = file.title;
    out->refused = std::move(refused);
    return out;
}

}  // namespace decision
}  // namespace v1
}  // namespace tmo
