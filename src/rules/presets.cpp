// The constitution presets shipped in the library: presets/*.toml, compiled in by src/CMakeLists.txt.
#include <tmo/rules/constitution.hpp>

#include "core/embedded_presets.hpp"

#include <string>

namespace tmo {
inline namespace v1 {
namespace {

constexpr detail::embedded_preset presets[] = {
#include "presets_data.inc"
};

}  // namespace

std::vector<std::string_view> constitution_preset_names() { return detail::preset_names(presets); }

result<constitution> constitution_preset(std::string_view preset_name) {
    result<detail::embedded_preset> p = detail::find_preset(presets, preset_name, "constitution preset");
    if (!p) return unexpected(p.error());
    return parse_constitution(p->text, "preset:" + std::string(p->name));
}

}  // namespace v1
}  // namespace tmo
