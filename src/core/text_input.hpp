// Private helpers for reading text input in any format: enum names and whole files with a size cap.
#pragma once

#include <tmo/core/result.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tmo {
namespace detail {

// Every enum read by name runs from 0 without gaps and name() gives "?" past the last value, so the names need no
// second list that could fall out of step with the enum.
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

/// The first `limit` + 1 bytes of a file (enough for a reader to see that it is too large).
/// @return errc::io naming the file when it is missing, a directory or unreadable.
[[nodiscard]] result<std::string> read_text_file(const std::filesystem::path& file, std::size_t limit);

}  // namespace detail
}  // namespace tmo
