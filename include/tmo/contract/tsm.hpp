// tmo/contract/tsm.hpp: the regulator's Tenant Satisfaction Measures (England), computed exactly.
//
// Ten management-information measures come from records (repairs, complaints, anti-social behaviour cases, safety
// checks, decent homes) and twelve perception measures from a tenant survey (governance.md §7). Every figure keeps
// its numerator and denominator and is rounded only when written for people; perception figures carry their margin
// of error at 95% confidence, and required_sample_size gives the number of responses a survey needs.
//
// The survey CSV (one row per respondent; comma-separated, no quoting; the header names every column once, in any
// order; blank lines and a leading UTF-8 byte-order mark are skipped):
//
//     id,tenure,repair,complaint,communal,TP01,TP02,TP03,TP04,TP05,TP06,TP07,TP08,TP09,TP10,TP11,TP12
//     R0001,LCRA,yes,no,yes,1,2,2,1,1,3,2,1,,2,2,4
//
// - `id`: the respondent, unique. `tenure`: LCRA (low-cost rental) or LCHO (low-cost home ownership).
// - `repair`, `complaint`, `communal`: yes or no, the filter questions (a repair in the last 12 months, a complaint
//   in the last 12 months, communal areas). TP02 and TP03 are asked only after repair = yes, TP09 only after
//   complaint = yes, TP10 only after communal = yes: a filtered-out respondent must leave them empty.
// - TP01..TP12: 1 very satisfied, 2 fairly satisfied, 3 neither, 4 fairly dissatisfied, 5 very dissatisfied (TP08:
//   1 strongly agree, 2 agree, 3 neither, 4 disagree, 5 strongly disagree); DK (don't know), NA (not applicable)
//   or empty for no answer. Codes 1 and 2 count as satisfied; non-answers are outside the base.
//
// The records CSV (one row per case, check or home; same conventions):
//
//     kind,reference,status
//     emergency-repair,J1001,on-time
//     gas-check,H012,done
//
// | kind | reference | status | measure |
// |---|---|---|---|
// | emergency-repair, repair | the job, unique | on-time or late | RP02 (2) emergency, (1) non-emergency |
// | stage1-complaint, stage2-complaint | the complaint, unique | on-time or late | CH01 count, CH02 share |
// | asb, hate-asb | the case, unique | empty | NM01 (1) all cases including hate, (2) hate cases |
// | gas-check, fire-check, asbestos-check, water-check, lift-check | the home | done or missing | BS01..BS05 |
// | decent-homes | the home, unique | decent or non-decent | RP01 |
//
// A home may have several rows of one check kind (its own gas check and a communal boiler's): it counts as
// compliant only when all of them are done; the base is the homes with at least one row of that kind.
#pragma once

#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/core/rounding.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// The finite-population correction applied to n0 = z² p(1-p) / e² (z = 1.96, p = 1/2).
enum class sample_correction {
    minus_one,  ///< n = n0 / (1 + (n0 - 1) / N): the variant governance.md §7.4 pins (554.546... for N = 7,271, ±4%)
    plain,      ///< n = n0 / (1 + n0 / N) (554.476... for the same survey)
};

/// The responses a survey of a population needs for a margin of error at 95% confidence.
struct sample_size {
    std::int64_t population = 0;
    rational margin;      ///< as a fraction: 4% is 1/25
    rational infinite;    ///< n0, exact (2401/4 at ±4%)
    rational corrected;   ///< n after the correction, exact
    integer required;     ///< corrected rounded as asked
    std::string sentence; ///< "A population of 7,271 at ±4% needs 554 responses at 95% confidence (...)."

    friend bool operator==(const sample_size&, const sample_size&) = default;
};

/// The responses needed from `population` tenants for a margin of error of ±`margin` (a fraction, e.g. 4%) at 95%
/// confidence, with z = 1.96 and p = 1/2. The default, truncation with the minus-one correction, reproduces the
/// published Golding Homes figure (554 of 7,271 at ±4%); rounding::ceil gives the conservative 555.
/// @return errc::invalid_value if population < 1 or margin is not strictly between 0 and 1;
///         errc::inexact if round is rounding::never and the value is not whole.
[[nodiscard]] result<sample_size> required_sample_size(std::int64_t population, const rational& margin,
                                                       sample_correction correction = sample_correction::minus_one,
                                                       rounding round = rounding::truncate);

/// A row of a precision table: populations of at least `from_population` need ±`margin` (a fraction).
struct precision_band {
    std::int64_t from_population = 0;
    rational margin;

    friend bool operator==(const precision_band&, const precision_band&) = default;
};

/// The margin the band table gives `population`: the band with the largest from_population not above it. The
/// table is data (governance.md §7.4 labels its rows [V2] and [U]); pass it in, e.g. {0, 5%}, {2500, 4%}, ...
/// @return errc::not_found if no band starts at or below population.
[[nodiscard]] result<rational> required_margin(std::int64_t population, std::span<const precision_band> bands);

/// The half-width of the 95% confidence interval of the share satisfied/respondents, in percentage points,
/// rounded up to 0.01 (so never understated): 1.96 × sqrt(p(1-p)/n), times sqrt((N-n)/(N-1)) when the population N
/// is given. Computed without floating point: the square root is the integer square root of e² × 10^8, rounded up.
/// Example: 150 of 300 from an unlimited population gives 5.66 (the exact value is 5.658...).
/// @return errc::invalid_value if respondents < 1, satisfied is outside 0..respondents, or population < respondents.
[[nodiscard]] result<rational> margin_of_error(std::int64_t satisfied, std::int64_t respondents,
                                               std::optional<std::int64_t> population = std::nullopt);

/// The two tenure groups perception measures are reported for.
enum class tenure { lcra, lcho };

/// "LCRA" or "LCHO".
[[nodiscard]] const char* tenure_name(tenure t) noexcept;

/// One survey respondent.
struct tsm_response {
    std::string id;
    tenure group = tenure::lcra;
    bool repair = false;     ///< had a repair in the last 12 months
    bool complaint = false;  ///< made a complaint in the last 12 months
    bool communal = false;   ///< has communal areas
    std::array<std::optional<int>, 12> answers;  ///< TP01..TP12: 1..5, or absent for no answer
    std::uint32_t line = 0;  ///< where it was read

    friend bool operator==(const tsm_response&, const tsm_response&) = default;
};

/// What a records row is.
enum class tsm_record_kind {
    emergency_repair, repair, stage1_complaint, stage2_complaint, asb, hate_asb,
    gas_check, fire_check, asbestos_check, water_check, lift_check, decent_homes,
};

/// One records row: a case, a check or a home.
struct tsm_record {
    tsm_record_kind kind = tsm_record_kind::repair;
    std::string reference;
    bool met = false;        ///< on time, done or decent; true for ASB cases
    std::uint32_t line = 0;

    friend bool operator==(const tsm_record&, const tsm_record&) = default;
};

/// Reads a survey CSV (format above). `source_name` names the file in errors.
/// @return the respondents in file order, or errc::syntax (a quote, a row with the wrong number of cells),
///         errc::unknown_key / errc::missing_key (header), errc::invalid_value (a code, a duplicate id, an answer
///         to a question the filter skipped), each with line and column; errc::too_large above 16 MiB.
[[nodiscard]] result<std::vector<tsm_response>> parse_tsm_survey(std::string_view text,
                                                                 std::string_view source_name = {});

/// Reads a records CSV (format above), with the same errors as parse_tsm_survey (a duplicate case reference or
/// decent-homes home is errc::invalid_value).
[[nodiscard]] result<std::vector<tsm_record>> parse_tsm_records(std::string_view text,
                                                                std::string_view source_name = {});

/// One measure, or one part or tenure group of a split measure.
struct tsm_figure {
    std::string code;        ///< "TP01", "RP02", "BS01", ...
    std::string part;        ///< "LCRA", "LCHO", "(1) non-emergency", ...; empty for unsplit measures
    std::string title;       ///< the measure in short
    integer numerator;       ///< satisfied respondents, repairs on time, compliant homes, cases, ...
    integer denominator;     ///< valid respondents, repairs completed, homes needing the check, homes, ...
    std::optional<rational> value;   ///< % (or per 1,000 homes for CH01 and NM01); absent when the base is empty
    bool per_thousand = false;       ///< value is per 1,000 homes rather than a percentage
    std::int64_t excluded = 0;       ///< perception: respondents in the base who gave no answer (DK, NA, empty)
    std::optional<rational> margin;  ///< perception: margin_of_error in percentage points
    std::string sentence;            ///< the figure in one plain sentence

    friend bool operator==(const tsm_figure&, const tsm_figure&) = default;
};

/// TP01..TP12 for each tenure group that has respondents (LCRA first), with margins of error against the
/// group's population when given. @return errc::invalid_value if a population is smaller than its respondents.
[[nodiscard]] result<std::vector<tsm_figure>> perception_measures(std::span<const tsm_response> responses,
                                                                  std::optional<std::int64_t> lcra_homes = std::nullopt,
                                                                  std::optional<std::int64_t> lcho_homes = std::nullopt);

/// RP01, RP02 (two parts), BS01..BS05, CH01 and CH02 (two parts each), NM01 (two parts), for the kinds present
/// in `records`. CH01 and NM01 need `homes` (the homes managed); without it they are left out.
/// @return errc::invalid_value if homes < 1.
[[nodiscard]] result<std::vector<tsm_figure>> management_measures(std::span<const tsm_record> records,
                                                                  std::optional<std::int64_t> homes = std::nullopt);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
