// Private helpers shared by the constitution's TOML reader (constitution_toml.cpp) and the rest of the module
// (constitution.cpp), so that both name keys and judge text the same way.
#pragma once

#include <cstddef>
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

}  // namespace tmo::detail
