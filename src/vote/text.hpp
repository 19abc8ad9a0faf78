// Private text helpers of the vote module: UTF-8 checks, code-point columns, Windows-1252 decoding, file reading.
#pragma once

#include <tmo/core/result.hpp>

#include "core/csv.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// The number of Unicode code points in `s`, and `s` without leading and trailing ASCII white space (shared with the
/// CSV reader in src/core/csv.hpp).
using tmo::detail::code_points;
using tmo::detail::trim;
/// The byte offset of the first invalid UTF-8 sequence in `s`, or std::string::npos if `s` is valid UTF-8.
[[nodiscard]] std::size_t invalid_utf8_at(std::string_view s) noexcept;
/// `s` read as Windows-1252 and re-encoded as UTF-8 (bytes Windows-1252 leaves undefined become U+FFFD).
[[nodiscard]] std::string windows1252_to_utf8(std::string_view s);
/// The whole file. @return errc::io naming the file if it cannot be opened or read.
[[nodiscard]] result<std::string> read_file(const std::filesystem::path& path);

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
