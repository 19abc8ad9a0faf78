// tmo.h compiles as C++ with the project's warnings as errors, its functions are noexcept there, and it can be
// included together with the C++ version header (whose macros it repeats token for token).
#include <tmo/tmo.h>

#include <tmo/core/version.hpp>

#include <type_traits>

static_assert(noexcept(tmo_version_number()));
static_assert(noexcept(tmo_constitution_free(nullptr)));
static_assert(std::is_standard_layout_v<tmo_error> && std::is_trivially_copyable_v<tmo_error>);
static_assert(std::is_standard_layout_v<tmo_buf> && std::is_trivially_copyable_v<tmo_buf>);
static_assert(TMO_VERSION_NUMBER == TMO_VERSION_MAJOR * 10000 + TMO_VERSION_MINOR * 100 + TMO_VERSION_PATCH);

int main() {
    tmo_buf buf = TMO_BUF_INIT;
    const tmo_error none = {TMO_OK, "", "", 0, 0, ""};
    return buf.ptr == nullptr && buf.size == 0 && none.code == TMO_OK ? 0 : 1;
}
