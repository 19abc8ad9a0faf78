// Private text helpers shared by the readers of input files (src/toml/reader.cpp, the CSV readers) and the modules
// that name keys in their messages (src/rules/constitution.cpp), so that all of them judge text the same way.
#pragma once

#include <tmo/core/result.hpp>

#include <cstddef>
#include <filesystem>
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

/// Reads a whole file of at most `max_bytes`; one byte more is read, so that the caller can report the excess
/// with its position. @return the text, or errc::io ("cannot read FILE: no such file", "it is a directory", ...).
[[nodiscard]] result<std::string> read_text_file(const std::filesystem::path& file, std::size_t max_bytes);

/// The enumerators named in input files run from 0 without gaps and name() gives "?" past the last value, so their names
/// need no second list that could fall out of step.
template <class E>
std::optional<E> from_name(std::string_view text) {
    for (int i = 0;; ++i) {
        const std::string_view n = name(static_cast<E>(i));
        if (n == "?") return std::nullopt;
        if (n == text) return static_cast<E>(i);
    }
}

template <class E>
std::string names_of() {
    std::string out;
    for (int i = 0; std::string_view(name(static_cast<E>(i))) != "?"; ++i)
        out += std::string(i ? ", " : "") + "\"" + name(static_cast<E>(i)) + "\"";
    return out;
}

}  // namespace tmo::detail
