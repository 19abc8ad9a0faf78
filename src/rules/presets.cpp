// The constitution presets shipped in the library: presets/*.toml, compiled in by src/CMakeLists.txt.
#include <tmo/rules/constitution.hpp>

#include <string>

namespace tmo {
inline namespace v1 {
namespace {

struct preset {
    std::string_view name;
    std::string_view text;
};

constexpr preset presets[] = {
#include "presets_data.inc"
};

}  // namespace

std::vector<std::string_view> constitution_preset_names() {
    std::vector<std::string_view> names;
    for (const preset& p : presets) names.push_back(p.name);
    return names;
}

result<constitution> constitution_preset(std::string_view preset_name) {
    for (const preset& p : presets)
        if (p.name == preset_name) return parse_constitution(p.text, "preset:" + std::string(p.name));
    std::string known;
    for (const preset& p : presets) known += (known.empty() ? "" : ", ") + std::string(p.name);
    return unexpected(errc::not_found, "no constitution preset is called \"" + std::string(preset_name) +
                                           "\"; the presets are: " + known);
}

}  // namespace v1
}  // namespace tmo
