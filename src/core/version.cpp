#include <tmo/core/version.hpp>

namespace tmo {
inline namespace v1 {

const char* version_string() noexcept { return TMO_VERSION_STRING; }
int version_number() noexcept { return TMO_VERSION_NUMBER; }

}  // namespace v1
}  // namespace tmo
