#include <tmo/vote/cdf.hpp>

#include "cvr.hpp"
#include "json_tree.hpp"
#include "text.hpp"

#include <unordered_map>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

class cdf_reader {
public:
    cdf_reader(std::string_view text, std::string_view source, const cdf_options& options)
        : text_(text), source_(source), options_(options) {}

    result<profile> read() {
        auto root = detail::parse_json(text_, source_, cdf_max_bytes, cdf_max_depth);
        if (!root) return unexpected(root.error());
        return build(*root);
    }

private:
    using jnode = detail::jnode;

    unexpected fail(errc code, std::string message, const jnode& at, const std::string& path) const {
        return detail::json_error(text_, source_, code, std::move(message), at.offset, path);
    }

    // The member `name` of object `n` (at `path`) with JSON type `type`.
    result<const jnode*> need(const jnode& n, const std::string& path, std::string_view name, jnode::kind type) const {
        const jnode* m = n.member(name);
        if (m == nullptr)
            return fail(errc::missing_key, "expected the member \"" + std::string(name) + '"', n,
                        path);
        if (m->type != type)
            return fail(errc::wrong_type,
                        std::string(name) + " must be " + detail::describe(type) + ", found " +
                            detail::describe(m->type),
                        *m, path + '.' + std::string(name));
        return m;
    }

    // An optional member that must be a string when present; nullptr when absent or null.
    result<const jnode*> maybe_string(const jnode& n, const std::string& path, std::string_view name) const {
        const jnode* m = n.member(name);
        if (m == nullptr || m->type == jnode::kind::null) return static_cast<const jnode*>(nullptr);
        return need(n, path, name, jnode::kind::string);
    }

    static std::string item(const std::string& path, std::string_view name, std::size_t i) {
        return path + (path.empty() ? "" : ".") + std::string(name) + '[' + std::to_string(i) + ']';
    }

    result<profile> build(const jnode& root) {
        if (root.type != jnode::kind::object)
            return fail(errc::wrong_type, "expected a JSON object (a CVR.CastVoteRecordReport)", root, {});
        auto elections = need(root, {}, "Election", jnode::kind::array);
        if (!elections) return unexpected(elections.error());

        // Candidates and contests from every election.
        std::unordered_map<std::string, std::string> candidate_names;  // @id -> Name
        struct contest_ref {
            const jnode* node;
            std::string path;
        };
        std::vector<contest_ref> contests;
        for (std::size_t e = 0; e < (*elections)->children.size(); ++e) {
            const jnode& election = (*elections)->children[e];
            const std::string epath = item({}, "Election", e);
            if (election.type != jnode::kind::object)
                return fail(errc::wrong_type, "an Election must be an object", election, epath);
            if (const jnode* list = election.member("Candidate"); list != nullptr) {
                if (list->type != jnode::kind::array)
                    return fail(errc::wrong_type, "Candidate must be an array", *list, epath + ".Candidate");
                for (std::size_t c = 0; c < list->children.size(); ++c) {
                    const jnode& cand = list->children[c];
                    const std::string cpath = item(epath, "Candidate", c);
                    if (cand.type != jnode::kind::object)
                        return fail(errc::wrong_type, "a Candidate must be an object", cand, cpath);
                    auto id = need(cand, cpath, "@id", jnode::kind::string);
                    if (!id) return unexpected(id.error());
                    auto name = maybe_string(cand, cpath, "Name");
                    if (!name) return unexpected(name.error());
                    candidate_names[(*id)->text] = *name != nullptr ? (*name)->text : (*id)->text;
                }
            }
            auto list = need(election, epath, "Contest", jnode::kind::array);
            if (!list) return unexpected(list.error());
            for (std::size_t c = 0; c < (*list)->children.size(); ++c)
                contests.push_back({&(*list)->children[c], item(epath, "Contest", c)});
        }
        const contest_ref* chosen = nullptr;
        for (const contest_ref& c : contests) {
            if (c.node->type != jnode::kind::object)
                return fail(errc::wrong_type, "a Contest must be an object", *c.node, c.path);
            auto id = need(*c.node, c.path, "@id", jnode::kind::string);
            if (!id) return unexpected(id.error());
            const jnode* name = c.node->member("Name");
            const bool named = name != nullptr && name->type == jnode::kind::string && name->text == options_.contest_id;
            if (options_.contest_id.empty() ? contests.size() == 1 : (*id)->text == options_.contest_id || named)
                chosen = &c;
        }
        if (chosen == nullptr) {
            std::string ids;
            for (const contest_ref& c : contests) ids += (ids.empty() ? "" : ", ") + c.node->member("@id")->text;
            return fail(errc::invalid_value,
                        options_.contest_id.empty()
                            ? "the file describes " + std::to_string(contests.size()) +
                                  " contests: choose one of them (" + ids + ")"
                            : "no contest has the id or name \"" + options_.contest_id + "\" (contest ids: " + ids + ")",
                        **elections, "Election");
        }
        const jnode& contest = *chosen->node;
        const std::string contest_id = contest.member("@id")->text;
        auto title = maybe_string(contest, chosen->path, "Name");
        if (!title) return unexpected(title.error());

        // The contest's selections: the candidates, in manifest order.
        auto selections = need(contest, chosen->path, "ContestSelection", jnode::kind::array);
        if (!selections) return unexpected(selections.error());
        std::vector<candidate> list;
        std::unordered_map<std::string, candidate_id> selection_number;
        std::optional<candidate_id> write_in;
        for (std::size_t s = 0; s < (*selections)->children.size(); ++s) {
            const jnode& sel = (*selections)->children[s];
            const std::string spath = item(chosen->path, "ContestSelection", s);
            if (sel.type != jnode::kind::object)
                return fail(errc::wrong_type, "a ContestSelection must be an object", sel, spath);
            auto id = need(sel, spath, "@id", jnode::kind::string);
            if (!id) return unexpected(id.error());
            const jnode* is_write_in = sel.member("IsWriteIn");
            if (is_write_in != nullptr && is_write_in->type == jnode::kind::boolean && is_write_in->value == 1) {
                if (!write_in) {
                    write_in = static_cast<candidate_id>(list.size());
                    list.push_back({std::string(detail::write_in_name), false, true});
                }
                selection_number[(*id)->text] = *write_in;
                continue;
            }
            std::string name = (*id)->text;
            if (const jnode* ids = sel.member("CandidateIds"); ids != nullptr) {
                if (ids->type != jnode::kind::array)
                    return fail(errc::wrong_type, "CandidateIds must be an array", *ids, spath + ".CandidateIds");
                if (!ids->children.empty()) {
                    const jnode& first = ids->children.front();
                    if (first.type != jnode::kind::string)
                        return fail(errc::wrong_type, "a candidate id must be a string", first,
                                    spath + ".CandidateIds[0]");
                    auto known = candidate_names.find(first.text);
                    if (known == candidate_names.end())
                        return fail(errc::invalid_value, "no Candidate has the id \"" + first.text + '"', first,
                                    spath + ".CandidateIds[0]");
                    name = known->second;
                }
            }
            if (!selection_number.emplace((*id)->text, static_cast<candidate_id>(list.size())).second)
                return fail(errc::invalid_value, "the selection id \"" + (*id)->text + "\" is used twice", **id,
                            spath + ".@id");
            list.push_back({std::move(name)});
        }
        profile p(std::move(list), 1, *title != nullptr ? (*title)->text : contest_id);

        // The papers.
        auto records = need(root, {}, "CVR", jnode::kind::array);
        if (!records) return unexpected(records.error());
        std::vector<std::pair<std::uint32_t, candidate_id>> ranked;
        for (std::size_t r = 0; r < (*records)->children.size(); ++r) {
            const jnode& cvr = (*records)->children[r];
            const std::string rpath = item({}, "CVR", r);
            if (cvr.type != jnode::kind::object) return fail(errc::wrong_type, "a CVR must be an object", cvr, rpath);
            auto snapshots = need(cvr, rpath, "CVRSnapshot", jnode::kind::array);
            if (!snapshots) return unexpected(snapshots.error());
            auto current = maybe_string(cvr, rpath, "CurrentSnapshotId");
            if (!current) return unexpected(current.error());
            const jnode* snapshot = nullptr;
            std::string spath;
            for (std::size_t s = 0; s < (*snapshots)->children.size(); ++s) {
                const jnode& snap = (*snapshots)->children[s];
                if (snap.type != jnode::kind::object)
                    return fail(errc::wrong_type, "a CVRSnapshot must be an object", snap, item(rpath, "CVRSnapshot", s));
                const jnode* id = snap.member("@id");
                if (*current == nullptr ? (*snapshots)->children.size() == 1
                                        : id != nullptr && id->type == jnode::kind::string &&
                                              id->text == (*current)->text) {
                    snapshot = &snap;
                    spath = item(rpath, "CVRSnapshot", s);
                }
            }
            if (snapshot == nullptr)
                return fail(errc::invalid_value,
                            *current == nullptr ? "expected CurrentSnapshotId to choose among several snapshots"
                                                : "no CVRSnapshot has the id \"" + (*current)->text + '"',
                            *current == nullptr ? **snapshots : **current, rpath);
            auto marks = read_contest(*snapshot, spath, contest_id, selection_number, ranked);
            if (!marks) return unexpected(marks.error());
            if (!*marks) continue;  // this paper has no record for the contest
            std::string id;
            for (std::string_view name : {"BallotPrePrintedId", "UniqueId", "@id"}) {
                auto m = maybe_string(cvr, rpath, name);
                if (!m) return unexpected(m.error());
                if (*m != nullptr && !(*m)->text.empty()) {
                    id = (*m)->text;
                    break;
                }
            }
            if (auto added = p.add(**marks, 1, std::move(id)); !added)
                return fail(added.error().code(), added.error().message(), cvr, rpath);
        }
        return p;
    }

    // The marks of one snapshot for the contest, or nullopt if it has no record for the contest.
    result<std::optional<std::vector<mark>>> read_contest(
        const jnode& snapshot, const std::string& spath, const std::string& contest_id,
        const std::unordered_map<std::string, candidate_id>& selection_number,
        std::vector<std::pair<std::uint32_t, candidate_id>>& ranked) const {
        auto contests = need(snapshot, spath, "CVRContest", jnode::kind::array);
        if (!contests) return unexpected(contests.error());
        for (std::size_t c = 0; c < (*contests)->children.size(); ++c) {
            const jnode& rec = (*contests)->children[c];
            const std::string cpath = item(spath, "CVRContest", c);
            if (rec.type != jnode::kind::object)
                return fail(errc::wrong_type, "a CVRContest must be an object", rec, cpath);
            auto id = need(rec, cpath, "ContestId", jnode::kind::string);
            if (!id) return unexpected(id.error());
            if ((*id)->text != contest_id) continue;
            ranked.clear();
            const jnode* sels = rec.member("CVRContestSelection");
            if (sels != nullptr && sels->type != jnode::kind::array)
                return fail(errc::wrong_type, "CVRContestSelection must be an array", *sels,
                            cpath + ".CVRContestSelection");
            for (std::size_t s = 0; sels != nullptr && s < sels->children.size(); ++s) {
                const jnode& sel = sels->children[s];
                const std::string selpath = item(cpath, "CVRContestSelection", s);
                if (sel.type != jnode::kind::object)
                    return fail(errc::wrong_type, "a CVRContestSelection must be an object", sel, selpath);
                auto sid = need(sel, selpath, "ContestSelectionId", jnode::kind::string);
                if (!sid) return unexpected(sid.error());
                auto number = selection_number.find((*sid)->text);
                if (number == selection_number.end())
                    return fail(errc::invalid_value,
                                "the contest has no selection \"" + (*sid)->text + '"', **sid,
                                selpath + ".ContestSelectionId");
                auto positions = need(sel, selpath, "SelectionPosition", jnode::kind::array);
                if (!positions) return unexpected(positions.error());
                for (std::size_t k = 0; k < (*positions)->children.size(); ++k) {
                    const jnode& pos = (*positions)->children[k];
                    const std::string ppath = item(selpath, "SelectionPosition", k);
                    if (pos.type != jnode::kind::object)
                        return fail(errc::wrong_type, "a SelectionPosition must be an object", pos, ppath);
                    bool counts = true;
                    for (std::string_view flag : {"HasIndication", "IsAllocable"}) {
                        auto f = maybe_string(pos, ppath, flag);
                        if (!f) return unexpected(f.error());
                        if (*f != nullptr && (*f)->text == "no") counts = false;
                    }
                    if (!counts) continue;
                    auto rank = need(pos, ppath, "Rank", jnode::kind::number);
                    if (!rank) return unexpected(rank.error());
                    // At most the number of selections (RCTab's largest maxRankingsAllowed); this also bounds
                    // the blank ranks a paper can hold.
                    const std::size_t most = selection_number.size();
                    if (!(*rank)->whole || (*rank)->value < 1 || (*rank)->value > most)
                        return fail(errc::invalid_value,
                                    "a Rank must be a whole number from 1 to " + std::to_string(most) +
                                        " (the number of selections)",
                                    **rank, ppath + ".Rank");
                    ranked.emplace_back(static_cast<std::uint32_t>((*rank)->value), number->second);
                }
            }
            return std::optional<std::vector<mark>>(detail::marks_from_ranks(ranked));
        }
        return std::optional<std::vector<mark>>();
    }

    std::string_view text_;
    std::string_view source_;
    const cdf_options& options_;
};

}  // namespace

result<profile> read_cdf(std::string_view text, std::string_view source_name, const cdf_options& options) {
    return cdf_reader(text, source_name, options).read();
}

result<profile> load_cdf(const std::filesystem::path& path, const cdf_options& options) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_cdf(*text, path.string(), options);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
