// Private: settles ties for the counting engines with a tie_chain, and writes the tie records.
#pragma once

#include <tmo/vote/count.hpp>
#include <tmo/vote/ties.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// The chain as text for a result's parameters: "backwards(a),lot seed=\"AGM\"" (the look-back reading in brackets,
/// the seed if any).
[[nodiscard]] std::string describe(const tie_chain& chain);

/// The words of a tie record's sentence, "<tied> <what>; <chosen><acted> <how>.", for rules whose ties are not about
/// votes (e.g. "were level by the strongest paths for the last seat", " was elected").
struct tie_words {
    std::string what;
    std::string acted;
};

/// Applies one count's tie chain. Keeps the lot generator and the position in the manual decisions, so one
/// tie_breaker serves a whole count.
class tie_breaker {
public:
    /// `profile_order` is used by candidate_order when the chain gives no order; `names` for the explanations;
    /// `decimals` formats values as the count does.
    tie_breaker(const tie_chain& chain, std::vector<candidate_id> profile_order, std::vector<std::string> names,
                unsigned decimals);

    /// Picks the candidate the rule acts on among `tied` (at least two), whose votes (or surpluses) equal `value`
    /// at the end of the last of `stages`; the look-back methods read the earlier stages. `next_stage` is the
    /// number recorded in the tie record.
    /// `words`, if given, replace the sentence's default words for `kind`.
    /// @return the record, or an error when the chain cannot settle the tie.
    result<tie_record> settle(tie_kind kind, std::vector<candidate_id> tied, const rational& value,
                              const std::vector<stage>& stages, std::size_t next_stage,
                              const std::optional<tie_words>& words = std::nullopt);

    /// Who takes the last `vacancies` seats when more candidates reached the quota at stage `current` (with its votes
    /// filled in; `earlier` are the stages before it): `reached` is sorted by those votes, most first. Everyone with
    /// more votes than reached[vacancies] is elected, then as many of those level with it as the chain picks, each
    /// decision appended to `ties`. @return the candidates elected, in that order, or the chain's error.
    result<std::vector<candidate_id>> settle_last_seats(const std::vector<candidate_id>& reached,
                                                        std::size_t vacancies, std::vector<stage> earlier,
                                                        stage current, std::vector<tie_record>& ties);

    /// @return errc::invalid_argument if manual decisions were left unused.
    result<void> finish() const;

private:
    std::optional<candidate_id> look(tie_kind kind, const std::vector<candidate_id>& tied,
                                     const std::vector<stage>& stages, bool backwards, std::size_t& decisive) const;
    std::string names_of(const std::vector<candidate_id>& tied) const;

    tie_chain chain_;
    std::vector<candidate_id> order_;
    std::vector<std::string> names_;
    unsigned decimals_;
    std::optional<lot_generator> lot_;
    std::size_t manual_used_ = 0;
};

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
