// tmo/vote/ballot_file.hpp: a ballot file in any format tmo reads, its format told from its content.
//
// Formats and how each is recognised (by content, never by the file name):
//   blt           BLT (blt.hpp): the first non-blank character is a digit
//   cdf-json      NIST SP 1500-103 cast vote records in JSON (cdf.hpp): the first non-blank character is `{`
//   long-format   CSV whose header is `ballot_id,rank,choice` (long_format.hpp)
//   rank-columns  CSV whose header names a column rank1 (rank_columns.hpp), read with RCTab's default markers
//   generic-csv   any other CSV: a header, then one column per candidate holding ranks (generic_csv.hpp), its
//                 candidate columns found from the content
// A UTF-8 byte order mark before the content is allowed in every format.
#pragma once

#include <tmo/core/result.hpp>
#include <tmo/vote/ballot.hpp>
#include <tmo/vote/blt.hpp>

#include <filesystem>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

/// The formats of ballot files.
enum class ballot_format {
    blt,
    long_format,
    generic_csv,
    rank_columns,
    cdf_json,
};

/// The format's name as above ("blt", "long-format", "generic-csv", "rank-columns", "cdf-json"). Never null.
[[nodiscard]] const char* name(ballot_format f) noexcept;

/// A ballot file read into a profile.
struct ballot_file {
    tmo::vote::profile profile;
    ballot_format format = ballot_format::blt;
    /// what the reader accepted but the user should know (lenient BLT; for a generic CSV, the columns read as
    /// candidates)
    std::vector<warning> warnings;
};

/// The format of `text`, told from its content; `source_name` names the input in errors.
/// @return the format, or errc::syntax (located at line 1) if the content matches no format (it is empty, or its
///         first line is neither BLT, JSON nor a CSV header of two or more columns).
[[nodiscard]] result<ballot_format> detect_format(std::string_view text, std::string_view source_name = {});

/// Reads `text` in the format detect_format finds. `mode` applies to BLT. `source_name` names the input in errors.
/// @return the file, or the error of detect_format or of the format's reader (with line and column).
///         Throws only std::bad_alloc.
[[nodiscard]] result<ballot_file> read_ballots(std::string_view text, std::string_view source_name = {},
                                               blt_mode mode = blt_mode::lenient);

/// Reads the file at `path` as read_ballots does. @return as read_ballots, or errc::io if it cannot be read.
[[nodiscard]] result<ballot_file> load_ballots(const std::filesystem::path& path, blt_mode mode = blt_mode::lenient);

}  // namespace vote
}  // namespace v1
}  // namespace tmo
