// tmo/contract/tender.hpp: tender evaluation — quality and price scores, moderation, thresholds and ranking.
//
// Follows the shape of the Procurement Act 2023 (contracts.md §6): published criteria with weights, a stated price
// formula, minimum quality scores, a flag (never an automatic rejection) for abnormally low prices, and a ranking
// that explains itself. Residents can sit as a scoring panel with criteria of their own. Scores are exact
// rationals; they are rounded only when written for people.
#pragma once

#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// A quality criterion.
struct quality_criterion {
    std::string id;
    std::string title;
    rational weight;                       ///< marks available ("20" of 100)
    rational max_score{5};                 ///< top of the scoring scale (0–5, 0–10)
    std::optional<rational> minimum_score; ///< a consensus score below this fails the criterion
    bool failing_disqualifies = true;      ///< s.23(3)(a): must be stated
    bool resident_panel = false;           ///< scored by the resident panel rather than officers

    friend bool operator==(const quality_criterion&, const quality_criterion&) = default;
};

/// A tender.
struct bid {
    std::string bidder;
    money price;  ///< the evaluated price (e.g. whole-term cost), net of VAT

    friend bool operator==(const bid&, const bid&) = default;
};

/// One evaluator's mark for one bidder on one criterion, before moderation.
struct mark {
    std::string evaluator;
    std::string criterion;
    std::string bidder;
    rational score;
    std::string comment;

    friend bool operator==(const mark&, const mark&) = default;
};

/// The score agreed at moderation, kept beside the original marks.
struct consensus {
    std::string criterion;
    std::string bidder;
    rational score;
    std::string rationale;

    friend bool operator==(const consensus&, const consensus&) = default;
};

/// The price scoring formulas of contracts.md §6.4. W is the price weight, P_i the bid.
enum class price_formula {
    relative_to_lowest,       ///< W × P_min / P_i
    linear_interpolation,     ///< W × (P_max − P_i) / (P_max − P_min); all bids equal or one bid: W
    mean_based,               ///< raw = 50 + % below the mean (− % above); score = W × clamp(raw, 0, 100) / 100
    benchmark,                ///< W × (P_max − P_i) / (P_max − P_opt), clamped to [0, W]; P_max <= P_opt: W
    price_per_quality_point,  ///< no price score: rank by price ÷ quality score, lowest first; a bid with no
                              ///< quality points ranks after all others
};

/// "relative to lowest", "linear interpolation", "mean-based", "benchmark price", "price per quality point".
[[nodiscard]] const char* price_formula_name(price_formula f) noexcept;

/// A rule for flagging abnormally low prices: more than `percent_below` % below the mean of all bids, or below
/// the authority's estimate by that much when an estimate is given. A flag starts the s.19(4)–(5) procedure;
/// it never disqualifies by itself.
struct abnormally_low_rule {
    rational percent_below{20};
    std::optional<money> estimate;

    friend bool operator==(const abnormally_low_rule&, const abnormally_low_rule&) = default;
};

/// Everything the evaluation needs.
struct tender_evaluation_model {
    std::vector<quality_criterion> criteria;
    price_formula formula = price_formula::relative_to_lowest;
    rational price_weight{40};          ///< W
    std::optional<money> benchmark_price;  ///< P_opt, for price_formula::benchmark
    std::optional<abnormally_low_rule> abnormally_low;

    friend bool operator==(const tender_evaluation_model&, const tender_evaluation_model&) = default;
};

/// One bidder's result on one criterion.
struct criterion_result {
    std::string criterion;
    std::vector<mark> marks;            ///< the evaluators' original marks
    rational score;                     ///< consensus if moderated, otherwise the mean of the marks
    bool moderated = false;
    std::string rationale;              ///< the moderation rationale, if any
    rational weighted;                  ///< weight × score / max_score
    bool below_minimum = false;

    friend bool operator==(const criterion_result&, const criterion_result&) = default;
};

/// One bidder's evaluation.
struct bid_result {
    std::string bidder;
    money price;
    std::vector<criterion_result> criteria;
    rational quality;           ///< Σ weighted quality scores
    rational resident_quality;  ///< the part scored by the resident panel
    std::optional<rational> price_raw;    ///< mean-based: the score before rescaling to W
    rational price_score;       ///< 0 under price_per_quality_point
    std::optional<rational> price_per_quality_point;
    rational total;             ///< quality + price_score
    bool disqualified = false;  ///< failed a minimum score that disqualifies
    bool abnormally_low = false;
    std::optional<std::size_t> rank;  ///< 1 = most advantageous; absent when disqualified
    std::string sentence;       ///< one plain sentence on this bid

    friend bool operator==(const bid_result&, const bid_result&) = default;
};

/// The evaluation.
struct tender_result {
    std::vector<bid_result> bids;  ///< in ranking order, disqualified bids last in the order given
    std::vector<std::string> notes;  ///< weights not summing to 100, ties and how they were settled
    std::string sentence;            ///< "Most advantageous tender: Acme Cleaning, 84.5 points (quality 50.5, price 34)."

    friend bool operator==(const tender_result&, const tender_result&) = default;
};

/// Evaluates `bids`. Price scores are computed over the bids that pass every disqualifying minimum score; the
/// abnormally-low flag compares every bid with the mean of all bids (or the estimate). Each criterion's score per bid is the consensus when moderated, otherwise the mean of the
/// evaluators' marks. Ranking: higher total first (under price_per_quality_point, lower price per quality point
/// first); ties by higher quality, then lower price, then the order given (noted).
/// @return errc::invalid_argument (no bids, duplicate bidder), errc::invalid_value (a price <= 0; a mark outside
///         0..max_score; a benchmark formula without a benchmark price), errc::not_found (a mark or consensus
///         naming an unknown criterion or bidder), errc::missing_key (a criterion with neither marks nor
///         consensus for a bid).
[[nodiscard]] result<tender_result> evaluate_tender(const tender_evaluation_model& model, const std::vector<bid>& bids,
                                                    const std::vector<mark>& marks,
                                                    const std::vector<consensus>& moderation);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
