// tmo/store/example.hpp: the example TMO (examples/data: Riverside) loaded into a store, for `tmo demo` and the
// tests — its register, and its 2026 continuation ballot conducted with voter codes, closed and counted.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/store/ballot.hpp>
#include <tmo/store/database.hpp>

#include <cstddef>
#include <filesystem>

namespace tmo {
inline namespace v1 {
namespace store {

/// What load_example stored.
struct example_summary {
    std::size_t members = 0;  ///< members of the register imported
    ballot_count ballot;      ///< the continuation ballot's count
};

/// The name of the example's ballot in the store.
inline constexpr std::string_view example_ballot = "continuation-2026";

/// Loads the example TMO from `data_dir` (the examples/data folder) into `db`, which should be a fresh store:
/// imports riverside/register.csv, opens ballot example_ballot ("continuation-2026") from the roll at the close of
/// poll of riverside/continuation_ballot_2026.toml under riverside_tmo.toml's membership rules and its
/// "continuation" ballot rule, issues codes, casts with them the papers that file reports for each class, closes
/// the ballot and counts it (each step journalled).
/// @return the summary, or the first error: errc::io / errc::syntax / ... (reading the files), errc::invalid_value
///   (a class reports more papers than the roll has voters; the ballot already exists), errc::busy.
[[nodiscard]] result<example_summary> load_example(database& db, const std::filesystem::path& data_dir);

}  // namespace store
}  // namespace v1
}  // namespace tmo
