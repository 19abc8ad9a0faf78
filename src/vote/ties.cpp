#include <tmo/vote/ties.hpp>

#include "tie_breaker.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace tmo {
inline namespace v1 {
namespace vote {

const char* name(tie_method m) noexcept {
    switch (m) {
        case tie_method::backwards: return "backwards";
        case tie_method::forwards: return "forwards";
        case tie_method::candidate_order: return "order";
        case tie_method::lot: return "lot";
        case tie_method::manual: return "manual";
        case tie_method::error: return "error";
    }
    return "?";
}

result<std::vector<tie_method>> parse_tie_methods(std::string_view list) {
    std::vector<tie_method> out;
    constexpr tie_method all[] = {tie_method::backwards, tie_method::forwards, tie_method::candidate_order,
                                  tie_method::lot, tie_method::manual, tie_method::error};
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view word = list.substr(0, comma);
        while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
        while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
        const auto* found = std::find_if(std::begin(all), std::end(all), [&](tie_method m) { return word == name(m); });
        if (found == std::end(all))
            return unexpected(errc::invalid_value, "unknown tie-break method \"" + std::string(word) +
                                                       "\" (use backwards, forwards, order, lot, manual or error)");
        out.push_back(*found);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    if (out.empty()) return unexpected(errc::invalid_value, "the tie-break chain is empty");
    return out;
}

std::array<unsigned char, 32> sha256(std::string_view text) {
    static_assert(crypto_hash_sha256_BYTES == 32);
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, 32> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return digest;
}

std::optional<std::size_t> lot_index(const std::array<unsigned char, 32>& digest, std::size_t n) {
    integer k = 0;
    for (unsigned char byte : digest) k = (k << 8) | integer(byte);
    const integer m = integer(1) << 256;
    const integer bound = (m / integer(n)) * integer(n);
    if (k >= bound) return std::nullopt;
    return static_cast<std::size_t>(k % integer(n));
}

std::size_t lot_generator::draw(std::size_t n, std::vector<std::uint64_t>* counters) {
    for (;;) {
        const std::uint64_t c = counter_++;
        if (counters) counters->push_back(c);
        if (auto index = lot_index(sha256(seed_ + "," + std::to_string(c)), n)) return *index;
    }
}

namespace detail {

std::string describe(const tie_chain& chain) {
    std::string out;
    for (std::size_t i = 0; i < chain.methods.size(); ++i) {
        out += (i > 0 ? "," : "") + std::string(name(chain.methods[i]));
        if (chain.methods[i] == tie_method::backwards || chain.methods[i] == tie_method::forwards)
            out += chain.reading == look_back_reading::one_extreme ? "(a)" : "(b)";
    }
    if (chain.seed) out += " seed=\"" + *chain.seed + "\"";
    return out;
}

tie_breaker::tie_breaker(const tie_chain& chain, std::vector<candidate_id> profile_order,
                         std::vector<std::string> names, unsigned decimals)
    : chain_(chain), order_(chain.order.empty() ? std::move(profile_order) : chain.order), names_(std::move(names)),
      decimals_(decimals) {
    if (chain_.seed) lot_.emplace(*chain_.seed);
}

std::string tie_breaker::names_of(const std::vector<candidate_id>& tied) const {
    std::string out;
    for (std::size_t i = 0; i < tied.size(); ++i) {
        if (i > 0) out += i + 1 == tied.size() ? " and " : ", ";
        out += names_[tied[i]];
    }
    return out;
}

std::optional<candidate_id> tie_breaker::look(tie_kind kind, const std::vector<candidate_id>& tied,
                                              const std::vector<stage>& stages, bool backwards,
                                              std::size_t& decisive) const {
    const bool want_high = kind != tie_kind::exclusion;
    const std::size_t earlier = stages.empty() ? 0 : stages.size() - 1;  // stages before the current one
    for (std::size_t step = 0; step < earlier; ++step) {
        const stage& s = stages[backwards ? earlier - 1 - step : step];
        auto better = [&](candidate_id a, candidate_id b) {
            return want_high ? s.votes[a] > s.votes[b] : s.votes[a] < s.votes[b];
        };
        candidate_id best = tied[0];
        for (candidate_id c : tied)
            if (better(c, best)) best = c;
        std::size_t at_best = 0;
        for (candidate_id c : tied)
            if (s.votes[c] == s.votes[best]) ++at_best;
        bool decided = at_best == 1;
        if (chain_.reading == look_back_reading::all_unequal) {
            for (std::size_t i = 0; i < tied.size() && decided; ++i)
                for (std::size_t j = i + 1; j < tied.size(); ++j)
                    if (s.votes[tied[i]] == s.votes[tied[j]]) decided = false;
        }
        if (decided) {
            decisive = s.number;
            return best;
        }
    }
    return std::nullopt;
}

result<tie_record> tie_breaker::settle(tie_kind kind, std::vector<candidate_id> tied, const rational& value,
                                       const std::vector<stage>& stages, std::size_t next_stage,
                                       const std::optional<tie_words>& words) {
    std::sort(tied.begin(), tied.end());
    tie_record rec;
    rec.stage = next_stage;
    rec.kind = kind;
    rec.tied = tied;
    rec.value = value;
    const std::string who = names_of(tied);
    const std::string amount = format_value(value, decimals_);
    const std::string what = words                         ? words->what
                             : kind == tie_kind::surplus     ? "had equal surpluses of " + amount
                             : kind == tie_kind::exclusion ? "had the fewest votes, " + amount + " each"
                                                           : "had equal votes, " + amount + " each, for the last seat";
    const std::string acted = words                         ? words->acted
                              : kind == tie_kind::surplus     ? "'s surplus was transferred first"
                              : kind == tie_kind::exclusion ? " was excluded"
                                                            : " was elected";
    for (tie_method m : chain_.methods) {
        rec.method = m;
        switch (m) {
            case tie_method::backwards:
            case tie_method::forwards: {
                std::size_t decisive = 0;
                if (auto c = look(kind, tied, stages, m == tie_method::backwards, decisive)) {
                    rec.chosen = *c;
                    rec.decisive_stage = decisive;
                    const stage& s = stages[decisive - 1];
                    std::string figures = names_[*c] + " " + format_value(s.votes[*c], decimals_);
                    for (candidate_id t : tied)
                        if (t != *c) figures += " v " + names_[t] + " " + format_value(s.votes[t], decimals_);
                    rec.explanation = who + " " + what + "; " + names_[*c] + acted + " because at stage " +
                                      std::to_string(decisive) + " they had " +
                                      (kind == tie_kind::exclusion ? "fewer" : "more") + " votes (" + figures + ").";
                    return rec;
                }
                break;
            }
            case tie_method::candidate_order: {
                std::vector<std::size_t> pos;
                bool all_listed = true;
                for (candidate_id t : tied) {
                    auto it = std::find(order_.begin(), order_.end(), t);
                    if (it == order_.end()) all_listed = false;
                    pos.push_back(static_cast<std::size_t>(it - order_.begin()));
                }
                if (!all_listed) break;
                const auto pick = kind == tie_kind::exclusion ? std::max_element(pos.begin(), pos.end())
                                                              : std::min_element(pos.begin(), pos.end());
                rec.chosen = tied[static_cast<std::size_t>(pick - pos.begin())];
                rec.explanation = who + " " + what + "; " + names_[rec.chosen] + acted +
                                  " following the published tie-break order of candidates.";
                return rec;
            }
            case tie_method::lot: {
                if (!lot_) break;
                const std::size_t index = lot_->draw(tied.size(), &rec.draws);
                rec.chosen = tied[index];
                rec.explanation = who + " " + what + "; " + names_[rec.chosen] + acted + " by lot (seed \"" +
                                  lot_->seed() + "\", draw " + std::to_string(rec.draws.back()) + ": number " +
                                  std::to_string(index + 1) + " of " + std::to_string(tied.size()) +
                                  " in candidate order).";
                return rec;
            }
            case tie_method::manual: {
                if (manual_used_ >= chain_.manual.size()) break;
                const candidate_id c = chain_.manual[manual_used_++];
                if (std::find(tied.begin(), tied.end(), c) == tied.end())
                    return unexpected(errc::invalid_argument,
                                      "manual tie decision " + std::to_string(manual_used_) + " names candidate " +
                                          std::to_string(c + 1ull) + ", who is not in the tie between " + who +
                                          " at stage " + std::to_string(next_stage));
                rec.chosen = c;
                rec.explanation = who + " " + what + "; " + names_[c] + acted + " by the returning officer's decision.";
                return rec;
            }
            case tie_method::error: break;
        }
        if (m == tie_method::error) break;
    }
    std::string numbers;
    for (candidate_id t : tied) numbers += (numbers.empty() ? "" : ", ") + std::to_string(t + 1ull);
    return unexpected(errc::invalid_value, "tie at stage " + std::to_string(next_stage) + ": " + who + " (candidates " +
                                               numbers + ") " + what +
                                               " and the tie-break chain could not separate them; add lot with a "
                                               "seed, or a manual decision");
}

result<std::vector<candidate_id>> tie_breaker::settle_last_seats(const std::vector<candidate_id>& reached,
                                                                 std::size_t vacancies, std::vector<stage> earlier,
                                                                 stage current, std::vector<tie_record>& ties) {
    std::vector<stage>& history = earlier;
    history.push_back(std::move(current));
    const std::vector<rational>& votes = history.back().votes;
    const rational cut = votes[reached[vacancies]];
    std::vector<candidate_id> chosen, at_cut;
    for (candidate_id c : reached) (votes[c] > cut ? chosen : at_cut).push_back(c);
    while (chosen.size() < vacancies) {
        auto rec = settle(tie_kind::election, at_cut, cut, history, history.back().number);
        if (!rec) return unexpected(rec.error());
        chosen.push_back(rec->chosen);
        at_cut.erase(std::find(at_cut.begin(), at_cut.end(), rec->chosen));
        ties.push_back(std::move(*rec));
    }
    return chosen;
}

result<void> tie_breaker::finish() const {
    if (manual_used_ < chain_.manual.size())
        return unexpected(errc::invalid_argument, std::to_string(chain_.manual.size() - manual_used_) +
                                                      " manual tie decision(s) were not needed by the count");
    return {};
}

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
