// Private: JSON read into a tree whose every value knows where it starts, so that readers of JSON formats (CDF cast
// vote records, RCTab configurations) can report the line and column of a value they refuse. nlohmann-json parses.
#pragma once

#include <tmo/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

/// A JSON value and the byte offset where its token starts.
struct jnode {
    enum class kind : std::uint8_t { null, boolean, number, string, array, object };
    kind type = kind::null;
    std::size_t offset = 0;
    std::string key;          ///< the member name, for a member of an object
    std::string text;         ///< a string's value
    bool whole = false;       ///< a number written as a non-negative whole number (then `value` holds it)
    std::uint64_t value = 0;  ///< a whole number, or 1/0 for true/false
    std::vector<jnode> children;  ///< items of an array, members of an object (in order)

    /// The member `name` of an object (the first if repeated), or nullptr.
    [[nodiscard]] const jnode* member(std::string_view name) const;
};

/// "null", "true or false", "a number", "a string", "an array", "an object".
[[nodiscard]] const char* describe(jnode::kind k) noexcept;

/// Parses `text` (UTF-8 JSON, at most `max_bytes` bytes, arrays and objects nested at most `max_depth` deep).
/// @return the tree, or errc::syntax (text not UTF-8 or not JSON) or errc::too_large, located in `source`.
[[nodiscard]] result<jnode> parse_json(std::string_view text, std::string_view source, std::size_t max_bytes,
                                       std::size_t max_depth);

/// An error located at byte `offset` of `text` (line and column in code points), with the JSON path `path`.
[[nodiscard]] unexpected json_error(std::string_view text, std::string_view source, errc code, std::string message,
                                    std::size_t offset, std::string path);

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
