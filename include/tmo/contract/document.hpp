// tmo/contract/document.hpp: contracts and tenders read from TOML files (the schema is in docs/contracts.md, with
// annotated examples in examples/data/contracts/).
//
// A contract file holds the contract itself (parties, kind, scope, term, price schedule with VAT per line, payment
// terms, priorities, KPIs, service credits and caps), the data its figures depend on (dated VAT rates, bank
// holidays, the number of homes), its history (lifecycle events, a management agreement's continuation ballot),
// what an OCDS export needs, and where its performance data lives (CSV files beside it). Errors name the file,
// line, column and key path and say what was expected, as the constitution reader does; a CSV error names the
// CSV file and row.
#pragma once

#include <tmo/contract/allowance.hpp>
#include <tmo/contract/contract.hpp>
#include <tmo/contract/lifecycle.hpp>
#include <tmo/contract/performance.hpp>
#include <tmo/contract/tender.hpp>
#include <tmo/core/date.hpp>
#include <tmo/core/result.hpp>
#include <tmo/core/rounding.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace contract {

/// The largest contract or tender file accepted: 256 KiB.
inline constexpr std::size_t max_contract_bytes = 256 * 1024;

/// What an OCDS release package needs beyond the contract (contracts.md §8.1, §8.6).
struct ocds_publication {
    std::string ocid;  ///< registered prefix + reference; use a clearly fake prefix ("ocds-xxxxxx-") until registered
    std::string publisher_name;
    std::string publisher_scheme;  ///< org-id register prefix; may be empty
    std::string publisher_uid;     ///< may be empty
    std::string uri;               ///< where packages are published; the package URI is uri + "/" + YYYY-MM + ".json"
    std::string license;           ///< a licence URL; may be empty

    friend bool operator==(const ocds_publication&, const ocds_publication&) = default;
};

/// The performance data files, as written in the contract file (relative to its folder).
struct data_files {
    std::string jobs;
    std::string inspections;
    std::string readings;
    std::string failures;  ///< the failures a [points] regime scores (read_failures_csv)

    friend bool operator==(const data_files&, const data_files&) = default;
};

/// A contract file.
struct contract_document {
    service_contract contract;
    std::vector<vat_rate> vat_rates;
    vat_rounding vat_policy = vat_rounding::line_half_up;
    rounding credit_rounding = rounding::half_up;  ///< service credits to the penny
    rounding line_rounding = rounding::half_up;    ///< price × quantity to the penny
    std::vector<date> bank_holidays;
    std::optional<std::int64_t> homes;  ///< homes covered, for per_thousand_homes KPIs
    std::optional<continuation_link> continuation;  ///< management agreements
    std::optional<allowance_terms> allowance;       ///< management agreements: the council's allowance to the TMO
    std::vector<lifecycle_event> events;
    lifecycle history;  ///< the events replayed
    std::optional<ocds_publication> ocds;
    data_files files;
    std::vector<job_record> jobs;          ///< empty until loaded (load_contract)
    std::vector<inspection> inspections;
    std::vector<kpi_reading> readings;
    /// The failures of the [points] regime, in file order; nullopt until read (load_contract reads the file that
    /// [data] failures names; a caller may set them itself). evaluate_month refuses a [points] month without them.
    std::optional<std::vector<failure_event>> failures;

    [[nodiscard]] working_calendar calendar() const { return working_calendar(bank_holidays); }
    friend bool operator==(const contract_document&, const contract_document&) = default;
};

/// Parses a contract from TOML text; the performance data files it names are not read (see load_contract).
/// Checks references inside the file too: credit terms, priorities and KPIs named must exist; the lifecycle
/// events must replay (lifecycle.hpp).
/// @return the contract, or the first error with file, line, column and key path: errc::too_large (over
///         max_contract_bytes, a long dotted key), errc::syntax, errc::unknown_key, errc::missing_key,
///         errc::wrong_type (e.g. a TOML float where an exact number is needed), errc::invalid_value,
///         errc::inexact (an amount with more than two decimals), errc::not_found (a reference to an undefined
///         priority or KPI), errc::invalid_value at data.failures for a failures file without a [points] regime.
[[nodiscard]] result<contract_document> parse_contract(std::string_view toml_text, std::string_view source_name = {});

/// Reads a contract file and the performance data files it names (relative to its folder), and checks the data
/// against the contract: each job's priority and price code, each reading's KPI, each inspection's grade under
/// the schemes of the KPIs that count it, each failure's category among the [points] categories. @return as parse_contract; errc::io for a file that cannot be read; the
/// CSV readers' errors (performance.hpp); errc::not_found / errc::invalid_value at the row of a job, reading or
/// inspection that does not fit the contract; errc::not_found at the cell of a failure's unknown category.
[[nodiscard]] result<contract_document> load_contract(const std::filesystem::path& file);

/// A tender file: the published evaluation model, the bids, every evaluator's score sheet and the moderated
/// scores.
struct tender_document {
    std::string reference;
    std::string title;
    tender_evaluation_model model;
    std::vector<bid> bids;
    std::vector<mark> marks;
    std::vector<consensus> moderation;

    friend bool operator==(const tender_document&, const tender_document&) = default;
};

/// Parses a tender file. @return as parse_contract (marks and consensus scores naming an unknown criterion or
///         bidder are errc::not_found at their key).
[[nodiscard]] result<tender_document> parse_tender(std::string_view toml_text, std::string_view source_name = {});

/// Reads and parses a tender file. @return as parse_tender, or errc::io.
[[nodiscard]] result<tender_document> load_tender(const std::filesystem::path& file);

}  // namespace contract
}  // namespace v1
}  // namespace tmo
