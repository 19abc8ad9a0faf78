#include <tmo/vote/rctab.hpp>

#include <tmo/vote/cdf.hpp>

#include "json_tree.hpp"
#include "text.hpp"

#include <charconv>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

using detail::jnode;

constexpr std::size_t config_max_bytes = std::size_t{16} << 20;
constexpr std::size_t config_max_depth = 16;

class config_reader {
public:
    config_reader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

    result<rctab_config> read() {
        auto root = detail::parse_json(text_, source_, config_max_bytes, config_max_depth);
        if (!root) return unexpected(root.error());
        if (root->type != jnode::kind::object)
            return fail(errc::wrong_type, "expected a JSON object (an RCTab configuration)", *root, {});
        rctab_config c;

        if (const jnode* out = root->member("outputSettings"); out != nullptr) {
            auto name = text(*out, "outputSettings", "contestName", false);
            if (!name) return unexpected(name.error());
            c.contest = **name;
        }

        auto candidates = need(*root, {}, "candidates", jnode::kind::array);
        if (!candidates) return unexpected(candidates.error());
        for (std::size_t i = 0; i < (*candidates)->children.size(); ++i) {
            const jnode& cand = (*candidates)->children[i];
            const std::string path = "candidates[" + std::to_string(i) + ']';
            auto name = text(cand, path, "name", true);
            if (!name) return unexpected(name.error());
            c.candidates.push_back(**name);
            if (const jnode* ex = cand.member("excluded"); ex != nullptr && ex->type == jnode::kind::boolean &&
                                                            ex->value == 1)
                c.excluded.push_back(**name);
        }

        auto sources = need(*root, {}, "cvrFileSources", jnode::kind::array);
        if (!sources) return unexpected(sources.error());
        for (std::size_t i = 0; i < (*sources)->children.size(); ++i) {
            auto s = source((*sources)->children[i], "cvrFileSources[" + std::to_string(i) + ']');
            if (!s) return unexpected(s.error());
            c.sources.push_back(std::move(*s));
        }

        auto rules = need(*root, {}, "rules", jnode::kind::object);
        if (!rules) return unexpected(rules.error());
        if (auto r = read_rules(**rules, c); !r) return unexpected(r.error());
        return c;
    }

private:
    unexpected fail(errc code, std::string message, const jnode& at, const std::string& path) const {
        return detail::json_error(text_, source_, code, std::move(message), at.offset, path);
    }

    static std::string join(const std::string& path, std::string_view name) {
        return path.empty() ? std::string(name) : path + '.' + std::string(name);
    }

    result<const jnode*> need(const jnode& n, const std::string& path, std::string_view name, jnode::kind type) const {
        if (n.type != jnode::kind::object)
            return fail(errc::wrong_type, path + " must be an object", n, path);
        const jnode* m = n.member(name);
        if (m == nullptr) return fail(errc::missing_key, "expected the member \"" + std::string(name) + '"', n, path);
        if (m->type != type)
            return fail(errc::wrong_type,
                        std::string(name) + " must be " + detail::describe(type) + ", found " +
                            detail::describe(m->type),
                        *m, join(path, name));
        return m;
    }

    // A string member (RCTab writes numbers as strings too); "" when absent and not required.
    result<std::optional<std::string>> text(const jnode& n, const std::string& path, std::string_view name,
                                            bool required) const {
        if (n.type != jnode::kind::object) return fail(errc::wrong_type, path + " must be an object", n, path);
        const jnode* m = n.member(name);
        if (m == nullptr && !required) return std::optional<std::string>(std::string());
        auto s = need(n, path, name, jnode::kind::string);
        if (!s) return unexpected(s.error());
        return std::optional<std::string>((*s)->text);
    }

    // A whole number written as a JSON number or a string of digits; nullopt when absent or "".
    result<std::optional<std::uint32_t>> whole(const jnode& n, const std::string& path, std::string_view name) const {
        const jnode* m = n.member(name);
        if (m == nullptr || (m->type == jnode::kind::string && m->text.empty()))
            return std::optional<std::uint32_t>();
        if (m->type == jnode::kind::number && m->whole && m->value <= 0xFFFFFFFFu)
            return std::optional<std::uint32_t>(static_cast<std::uint32_t>(m->value));
        if (m->type == jnode::kind::string) {
            std::uint32_t v = 0;
            auto [end, ec] = std::from_chars(m->text.data(), m->text.data() + m->text.size(), v);
            if (ec == std::errc{} && end == m->text.data() + m->text.size()) return std::optional<std::uint32_t>(v);
        }
        return fail(errc::invalid_value, std::string(name) + " must be a whole number", *m, join(path, name));
    }

    result<bool> flag(const jnode& n, const std::string& path, std::string_view name) const {
        const jnode* m = n.member(name);
        if (m == nullptr) return false;
        if (m->type != jnode::kind::boolean)
            return fail(errc::wrong_type, std::string(name) + " must be true or false", *m, join(path, name));
        return m->value == 1;
    }

    result<rctab_source> source(const jnode& n, const std::string& path) const {
        rctab_source s;
        auto file = text(n, path, "filePath", true);
        if (!file) return unexpected(file.error());
        s.path = std::filesystem::path(**file);
        auto provider = text(n, path, "provider", true);
        if (!provider) return unexpected(provider.error());
        s.provider = **provider;
        auto contest = text(n, path, "contestId", false);
        if (!contest) return unexpected(contest.error());
        s.contest_id = **contest;
        auto first = whole(n, path, "firstVoteColumnIndex");
        if (!first) return unexpected(first.error());
        s.csv.first_vote_column = *first;
        auto id = whole(n, path, "idColumnIndex");
        if (!id) return unexpected(id.error());
        s.csv.id_column = *id;
        auto write_in = text(n, path, "undeclaredWriteInLabel", false);
        if (!write_in) return unexpected(write_in.error());
        s.csv.write_in_label = **write_in;
        s.markers.write_in = **write_in;
        auto over = text(n, path, "overvoteLabel", false);
        if (!over) return unexpected(over.error());
        s.markers.overvote = **over;
        auto skipped = text(n, path, "skippedRankLabel", false);
        if (!skipped) return unexpected(skipped.error());
        s.markers.undervote = **skipped;
        return s;
    }

    // `name` must be one of `allowed`; returns its index.
    result<std::size_t> one_of(const jnode& rules, std::string_view name,
                               std::initializer_list<std::string_view> allowed, std::string_view why) const {
        auto value = text(rules, "rules", name, true);
        if (!value) return unexpected(value.error());
        std::size_t i = 0;
        std::string list;
        for (std::string_view a : allowed) {
            if (**value == a) return i;
            list += (i == 0 ? "" : ", ") + std::string(a);
            ++i;
        }
        return fail(errc::invalid_value,
                    std::string(name) + " \"" + **value + "\" is not " + std::string(why) + " (tmo reads " + list + ')',
                    *rules.member(name), join("rules", name));
    }

    // multiWinnerAllowMultipleWinnersPerRound: the seats, the threshold and the decimals.
    result<void> read_multi_winner(const jnode& rules, std::optional<std::uint32_t> winners, irv_options& o) const {
        if (!winners || *winners == 0)
            return fail(errc::invalid_value, "numberOfWinners must be a whole number of at least 1",
                        rules.member("numberOfWinners") ? *rules.member("numberOfWinners") : rules,
                        "rules.numberOfWinners");
        irv_multi_winner m;
        m.seats = *winners;
        auto decimals = whole(rules, "rules", "decimalPlacesForVoteArithmetic");
        if (!decimals) return unexpected(decimals.error());
        if (*decimals) {
            if (**decimals > 9)
                return fail(errc::invalid_value, "decimalPlacesForVoteArithmetic above 9 is not supported by tmo",
                            *rules.member("decimalPlacesForVoteArithmetic"), "rules.decimalPlacesForVoteArithmetic");
            m.decimals = **decimals;
        }
        auto fractional = flag(rules, "rules", "nonIntegerWinningThreshold");
        if (!fractional) return unexpected(fractional.error());
        m.threshold = *fractional ? irv_threshold::fractional : irv_threshold::whole;
        auto hare = flag(rules, "rules", "hareQuota");
        if (!hare) return unexpected(hare.error());
        if (*hare)
            return fail(errc::invalid_value, "a Hare quota is not supported by tmo's multi-winner count",
                        *rules.member("hareQuota"), "rules.hareQuota");
        o.multi_winner = m;
        o.name = "rctab multi-winner (RCTab configuration)";
        return {};
    }

    result<void> read_rules(const jnode& rules, rctab_config& c) const {
        irv_options& o = c.irv;
        o.name = "irv (RCTab configuration)";
        auto mode = one_of(rules, "winnerElectionMode",
                           {"singleWinnerMajority", "multiWinnerAllowMultipleWinnersPerRound"},
                           "counted by tmo: its other multi-winner modes are other rules");
        if (!mode) return unexpected(mode.error());
        auto winners = whole(rules, "rules", "numberOfWinners");
        if (!winners) return unexpected(winners.error());
        if (*mode == 0 && *winners && **winners != 1)
            return fail(errc::invalid_value, "numberOfWinners must be 1 for singleWinnerMajority",
                        *rules.member("numberOfWinners"), "rules.numberOfWinners");
        if (*mode == 1) {
            if (auto r = read_multi_winner(rules, *winners, o); !r) return unexpected(r.error());
        }

        auto over = one_of(rules, "overvoteRule",
                           {"exhaustImmediately", "alwaysSkipToNextRank", "exhaustIfMultipleContinuing"},
                           "an overvote rule");
        if (!over) return unexpected(over.error());
        o.overvote = *over == 0 ? overvote_rule::exhaust_immediately
                     : *over == 1 ? overvote_rule::skip_to_next_rank
                                  : overvote_rule::exhaust_if_multiple_continuing;

        if (const jnode* m = rules.member("maxSkippedRanksAllowed");
            !(m != nullptr && m->type == jnode::kind::string && m->text == "unlimited")) {
            auto skipped = whole(rules, "rules", "maxSkippedRanksAllowed");
            if (!skipped) return unexpected(skipped.error());
            o.max_skipped_ranks = *skipped;
        }
        if (const jnode* m = rules.member("maxRankingsAllowed");
            !(m != nullptr && m->type == jnode::kind::string && m->text == "max")) {
            auto most = whole(rules, "rules", "maxRankingsAllowed");
            if (!most) return unexpected(most.error());
            c.max_rankings = *most;
        }
        auto duplicates = flag(rules, "rules", "exhaustOnDuplicateCandidate");
        if (!duplicates) return unexpected(duplicates.error());
        o.duplicates = *duplicates ? duplicate_rule::exhaust : duplicate_rule::skip;
        auto batch = flag(rules, "rules", "batchElimination");
        if (!batch) return unexpected(batch.error());
        o.batch_elimination = *batch;
        auto two = flag(rules, "rules", "continueUntilTwoCandidatesRemain");
        if (!two) return unexpected(two.error());
        o.continue_until_two = *two;
        if (o.continue_until_two && o.multi_winner)
            return fail(errc::invalid_value, "continueUntilTwoCandidatesRemain applies to a single winner only",
                        *rules.member("continueUntilTwoCandidatesRemain"), "rules.continueUntilTwoCandidatesRemain");

        auto minimum = whole(rules, "rules", "minimumVoteThreshold");
        if (!minimum) return unexpected(minimum.error());
        if (*minimum && **minimum != 0)
            return fail(errc::invalid_value, "a minimumVoteThreshold is not supported by tmo",
                        *rules.member("minimumVoteThreshold"), "rules.minimumVoteThreshold");
        auto stop = whole(rules, "rules", "stopTabulationEarlyAfterRound");
        if (!stop) return unexpected(stop.error());
        if (*stop)
            return fail(errc::invalid_value, "stopTabulationEarlyAfterRound is not supported by tmo",
                        *rules.member("stopTabulationEarlyAfterRound"), "rules.stopTabulationEarlyAfterRound");

        auto ties = one_of(rules, "tiebreakMode", {"useCandidateOrder", "random", "stopCountingAndAsk"},
                           "a tie-break mode tmo can reproduce");
        if (!ties) return unexpected(ties.error());
        if (*ties == 0) {
            o.ties.methods = {tie_method::candidate_order};
        } else if (*ties == 1) {
            auto seed = text(rules, "rules", "randomSeed", false);
            if (!seed) return unexpected(seed.error());
            o.ties.methods = {tie_method::lot};
            o.ties.seed = **seed;
        } else {
            o.ties.methods = {tie_method::error};
        }
        return {};
    }

    std::string_view text_;
    std::string_view source_;
};

}  // namespace

result<rctab_config> read_rctab_config(std::string_view text, std::string_view source_name) {
    return config_reader(text, source_name).read();
}

result<rctab_config> load_rctab_config(const std::filesystem::path& path) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_rctab_config(*text, path.string());
}

irv_options rctab_irv_options(const rctab_config& config, const profile& p) {
    irv_options o = config.irv;
    if (o.ties.methods == std::vector<tie_method>{tie_method::candidate_order}) {
        for (const std::string& name : config.candidates)
            for (candidate_id c = 0; c < p.candidate_count(); ++c)
                if (p.candidates()[c].name == name) o.ties.order.push_back(c);
        // Write-ins are not in the configuration's list: they come last (excluded first anyway).
        for (candidate_id c = 0; c < p.candidate_count(); ++c)
            if (p.candidates()[c].write_in) o.ties.order.push_back(c);
    }
    return o;
}

result<profile> rctab_load_ballots(const rctab_config& config, const std::filesystem::path& folder) {
    if (config.sources.size() != 1)
        return unexpected(errc::invalid_value, "the configuration names " + std::to_string(config.sources.size()) +
                                                   " cast vote record files; tmo reads a contest from one");
    const rctab_source& s = config.sources.front();
    const std::filesystem::path path = s.path.is_absolute() ? s.path : folder / s.path;
    result<profile> read = unexpected(errc::invalid_value, "the provider \"" + s.provider +
                                                               "\" is not one tmo reads (genericCsv, cdf)");
    if (s.provider == "genericCsv") {
        auto csv = load_generic_csv(path, s.csv);
        read = csv ? result<profile>(std::move(csv->profile)) : result<profile>(unexpected(csv.error()));
    } else if (s.provider == "cdf") {
        read = load_cdf(path, cdf_options{s.contest_id});
    }
    if (!read) return unexpected(read.error());
    return rctab_ballots(config, *read);
}

result<profile> rctab_ballots(const rctab_config& config, const profile& read) {
    profile p(read.candidates(), config.irv.multi_winner ? config.irv.multi_winner->seats : 1,
              config.contest.empty() ? read.title() : config.contest);
    for (const ballot& b : read.ballots()) {
        std::size_t keep = b.marks.size();
        if (config.max_rankings) {
            std::uint32_t rank = 0;
            for (std::size_t i = 0; i < b.marks.size(); ++i)
                if (!b.marks[i].shares_rank && ++rank > *config.max_rankings) {
                    keep = i;
                    break;
                }
        }
        const std::span<const mark> marks(b.marks.data(), keep);
        for (const std::string& id : b.ids)
            if (auto r = p.add(marks, 1, id); !r) return unexpected(r.error());
        if (b.count > b.ids.size())
            if (auto r = p.add(marks, b.count - b.ids.size()); !r) return unexpected(r.error());
    }
    for (const std::string& name : config.excluded) {
        candidate_id c = 0;
        while (c < p.candidate_count() && p.candidates()[c].name != name) ++c;
        if (c == p.candidate_count())
            return unexpected(errc::not_found, "the excluded candidate \"" + name + "\" is not in the ballot file");
        (void)p.withdraw(c);
    }
    return p;
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
