// Private helpers shared by the constitution's TOML reader (constitution_toml.cpp) and the rest of the module
// (constitution.cpp), so that both name keys and judge text the same way; the TOML pre-scan is also used by the
// budgeting module's TOML reader (src/budget/input_toml.cpp).
#pragma once

#include <tmo/core/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tmo::detail {

/// `path` extended by `key` ("meetings" + "general" = "meetings.general"); a key that is not a bare TOML key is
/// quoted (organisation."trading name").
[[nodiscard]] std::string key_path_join(std::string_view path, std::string_view key);

/// One decoded UTF-8 character: its code point and length in bytes. A length of 0 means the bytes at that offset
/// are not valid UTF-8 (bad lead or continuation byte, truncated, overlong, a surrogate or beyond U+10FFFF).
struct utf8_char {
    char32_t code_point = 0;
    std::size_t length = 0;
};
[[nodiscard]] utf8_char decode_utf8(std::string_view text, std::size_t at) noexcept;

/// The checks made on TOML text before toml++ sees it (constitution_toml.cpp; style.md §1, §2.1): at most
/// `max_bytes` bytes (the message calls the text `what`, e.g. "the election"), valid UTF-8, no control characters,
/// and none of the inputs toml++ 3.3.0 mishandles. Used by every TOML reader of the library.
/// @return the first problem (errc::too_large or errc::syntax, with line and column), or std::nullopt.
[[nodiscard]] std::optional<error> prescan_toml(std::string_view text, const std::string& source_name,
                                                std::size_t max_bytes, std::string_view what);

/// toml++'s description of a parse error in tmo's words ("malformed TOML while parsing ...").
[[nodiscard]] std::string toml_syntax_message(std::string_view description);

}  // namespace tmo::detail
