// tmo/contract/service_charge.hpp: service charges — a cost apportioned over the dwellings of its pool, and the
// Section 20 leaseholder consultation check (contracts.md §6.7, §7.2, §7.3).
//
// The lease governs how a cost is shared: by a fixed percentage, floor area, bed spaces, rateable value or in equal
// shares. A cost belongs to a block (shared over that block's dwellings) or to the estate (shared over all
// dwellings). Shares are whole pence, either by the largest-remainder method (they always sum to the cost) or by
// rounding each dwelling's share on its own, as councils do (they need not); the result says which.
#pragma once

#include <tmo/core/money.hpp>
#include <tmo/core/rational.hpp>
#include <tmo/core/result.hpp>
#include <tmo/core/rounding.hpp>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// What a dwelling's weight in a pool is (contracts.md §7.3).
enum class apportion_method {
    fixed_share,     ///< the percentage stated in the lease; a pool's percentages must sum to 100
    floor_area,      ///< m²
    bed_spaces,
    rateable_value,  ///< RV or gross value, still used although defunct since 1990
    equal,           ///< one share each
};

/// "fixed_share", "floor_area", "bed_spaces", "rateable_value", "equal".
[[nodiscard]] const char* apportion_method_name(apportion_method m) noexcept;

/// A dwelling with the figures its lease shares costs by. A figure the chosen method needs must be present.
struct dwelling {
    std::string reference;  ///< "Flat 12"; dwellings are passed in reference order, which settles equal remainders
    std::string block;      ///< the block it is in
    std::optional<rational> fixed_percent;
    std::optional<rational> floor_area;
    std::optional<rational> bed_spaces;
    std::optional<rational> rateable_value;
    bool leaseholder = false;  ///< pays service charges under a lease (counts for Section 20)

    friend bool operator==(const dwelling&, const dwelling&) = default;
};

/// How shares are made whole pence.
enum class share_rounding {
    largest_remainder,  ///< core's apportion: shares sum exactly to the cost
    each_dwelling,      ///< each share rounded on its own by the cost's mode (Greenwich style)
};

/// A cost to share: a block's (block names it) or the estate's (block empty).
struct service_cost {
    std::string heading;  ///< "Estate caretaking"
    money amount;         ///< negative for a surplus returned
    std::string block;    ///< empty: the estate
    apportion_method method = apportion_method::equal;
    share_rounding shares = share_rounding::largest_remainder;
    rounding mode = rounding::half_up;  ///< for each_dwelling

    friend bool operator==(const service_cost&, const service_cost&) = default;
};

/// One dwelling's part of a cost.
struct dwelling_share {
    std::string reference;
    rational weight;
    rational exact;  ///< amount × weight ÷ Σ weights, in pounds
    money amount;

    friend bool operator==(const dwelling_share&, const dwelling_share&) = default;
};

/// A cost shared over its pool.
struct cost_apportionment {
    std::string heading;
    std::string pool;           ///< "the estate" or "block Ash House"
    apportion_method method = apportion_method::equal;
    share_rounding shares = share_rounding::largest_remainder;
    money total;                ///< the cost
    rational total_weight;
    std::vector<dwelling_share> parts;  ///< the pool's dwellings, in the order given
    money sum;                  ///< Σ parts (equals total for largest_remainder)
    std::string rule;           ///< "rateable value, 213 of 121,318; each share rounded half_up"
    std::string sentence;

    friend bool operator==(const cost_apportionment&, const cost_apportionment&) = default;
};

/// Shares `cost` over its pool of `dwellings`: every dwelling for an estate cost, the block's for a block cost.
/// @return errc::not_found (no dwelling in the named block), errc::missing_key (a dwelling lacks the figure the
///         method needs, naming it), errc::invalid_value (a negative figure; fixed percentages of the pool not
///         summing to 100; a reference given twice), errc::domain (all weights zero), errc::inexact (each_dwelling
///         with mode never and a share not whole pence).
[[nodiscard]] result<cost_apportionment> apportion_service_cost(const service_cost& cost,
                                                                std::span<const dwelling> dwellings);

/// What is being consulted on.
enum class consultation_kind {
    qualifying_works,     ///< threshold per leaseholder per accounting period
    long_term_agreement,  ///< a qualifying long-term agreement (over 12 months): threshold per leaseholder per year
};

/// The amounts over which a landlord must consult (Landlord and Tenant Act 1985 s.20), with their source. The
/// figures are data: section20_england() reads them from the embedded preset presets/contract/section20_england.toml.
struct consultation_thresholds {
    money works;               ///< £250 (incl. VAT) per leaseholder [V2]
    money long_term_per_year;  ///< £100 (incl. VAT) per leaseholder per 12 months [V2]
    std::string source;

    friend bool operator==(const consultation_thresholds&, const consultation_thresholds&) = default;
};

/// The English thresholds from the embedded preset. @return the preset's reading errors (never expected).
[[nodiscard]] result<consultation_thresholds> section20_england();

/// Reads consultation thresholds from TOML text (keys: works, long_term_per_year, source; see the preset).
/// @return errc::syntax, errc::unknown_key, errc::missing_key, errc::wrong_type, errc::invalid_value (a negative
///         amount), errc::inexact, with file, line and column.
[[nodiscard]] result<consultation_thresholds> parse_consultation_thresholds(std::string_view toml_text,
                                                                            std::string_view source_name = {});

/// Whether Section 20 consultation is required.
struct consultation_check {
    consultation_kind kind = consultation_kind::qualifying_works;
    money threshold;
    bool required = false;              ///< some leaseholder's contribution exceeds the threshold
    std::vector<std::string> over;      ///< the leaseholders whose contribution exceeds it, in pool order
    std::optional<dwelling_share> largest;  ///< the largest leaseholder contribution
    std::string rule;
    std::string sentence;  ///< "Consultation is required: Flat 3 would pay £412.50, more than £250.00 for qualifying works."

    friend bool operator==(const consultation_check&, const consultation_check&) = default;
};

/// Checks each leaseholder's share in `shares` (its dwellings looked up by reference in `dwellings`) against the
/// threshold for `kind`: consultation is required when any one contribution is more than it. For a long-term
/// agreement, pass the cost of one year. Without consultation, recovery is capped at the threshold.
/// @return errc::not_found if a share names a dwelling not in `dwellings`.
[[nodiscard]] result<consultation_check> section20_check(const cost_apportionment& shares,
                                                         std::span<const dwelling> dwellings, consultation_kind kind,
                                                         const consultation_thresholds& thresholds);


/// A service-charge file (examples/data/contracts/service_charges_2026.toml): the dwellings, the costs to share and,
/// for each cost, whether it is consulted on under Section 20.
struct service_charge_item {
    service_cost cost;
    std::optional<consultation_kind> section20;  ///< the kind of consultation to check for; none: not checked

    friend bool operator==(const service_charge_item&, const service_charge_item&) = default;
};

struct service_charge_file {
    std::string title;
    std::vector<dwelling> dwellings;  ///< in the file's order
    std::vector<service_charge_item> costs;

    friend bool operator==(const service_charge_file&, const service_charge_file&) = default;
};

/// The largest service-charge file read.
inline constexpr std::size_t max_service_charge_bytes = 256 * 1024;

/// Parses a service-charge file. Top level: title; [[dwellings]] with id, block, and as the lease needs
/// floor_area, bed_spaces, rateable_value, fixed_share (a percentage; exact numbers: integers or strings such as
/// "52.5"), leaseholder (default false); [[costs]] with name, amount ("1250.00"), pool ("estate" or "block", with
/// block naming it), method (apportion_method_name), rounding ("largest_remainder", the default, or a rounding mode
/// applied to each dwelling's share on its own) and section20 ("works" or "long_term").
/// @return errc::too_large, errc::syntax, errc::unknown_key, errc::missing_key, errc::wrong_type,
///         errc::invalid_value (a negative figure, a dwelling id given twice, block without pool = "block"),
///         errc::inexact (an amount with more than two decimals), errc::not_found (a block cost naming a block no dwelling is in), with file, line, column and key path.
[[nodiscard]] result<service_charge_file> parse_service_charges(std::string_view toml_text,
                                                                std::string_view source_name = {});

/// Reads and parses a service-charge file. @return as parse_service_charges, or errc::io.
[[nodiscard]] result<service_charge_file> load_service_charges(const std::filesystem::path& file);

/// Every cost of a file shared out, with its Section 20 check, and each dwelling's total.
struct service_charge_statement {
    std::vector<cost_apportionment> costs;                 ///< in the file's order
    std::vector<std::optional<consultation_check>> checks;  ///< one per cost; none where the file asks for none
    std::vector<dwelling_share> totals;                    ///< per dwelling in the file's order: Σ of its shares
    money total;                                           ///< Σ of the costs
    money charged;                                         ///< Σ of all shares (equals total under largest remainder)
    std::string sentence;

    friend bool operator==(const service_charge_statement&, const service_charge_statement&) = default;
};

/// Shares every cost of `file` and checks those marked for Section 20 against `thresholds`. A dwelling's total
/// weight in `totals` is 0 and its exact figure is the sum of its exact shares.
/// @return the first error of apportion_service_cost or section20_check (its message names the cost); it has no
///         file position, since the file was read already.
[[nodiscard]] result<service_charge_statement> charge_services(const service_charge_file& file,
                                                               const consultation_thresholds& thresholds);

/// The statement as plain text: each cost, its rule, the shares, the Section 20 sentence, and the totals.
[[nodiscard]] std::string service_charge_text(const service_charge_statement& s);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
