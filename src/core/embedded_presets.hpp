// Private to the library: presets compiled in from presets/ (tmo_embed_presets in src/CMakeLists.txt), looked up
// by name the same way by every module that ships some.
#pragma once

#include <tmo/core/result.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tmo::detail {

/// One preset: its name (the file name without .toml) and its TOML text, both string literals.
struct embedded_preset {
    std::string_view name;
    std::string_view text;
};

/// The names, in order.
inline std::vector<std::string_view> preset_names(std::span<const embedded_preset> presets) {
    std::vector<std::string_view> names;
    for (const embedded_preset& p : presets) names.push_back(p.name);
    return names;
}

/// The preset called `name`, or errc::not_found: "no <what> is called "x"; the presets are: a, b".
inline result<embedded_preset> find_preset(std::span<const embedded_preset> presets, std::string_view name,
                                           std::string_view what) {
    for (const embedded_preset& p : presets)
        if (p.name == name) return p;
    std::string known;
    for (const embedded_preset& p : presets) known += (known.empty() ? "" : ", ") + std::string(p.name);
    return unexpected(errc::not_found, "no " + std::string(what) + " is called \"" + std::string(name) +
                                           "\"; the presets are: " + known);
}

}  // namespace tmo::detail
