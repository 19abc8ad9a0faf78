#include "core/text_input.hpp"

#include <fstream>
#include <system_error>

namespace tmo {
namespace detail {

result<std::string> read_text_file(const std::filesystem::path& file, std::size_t limit) {
    const std::string name = file.string();
    const auto io_error = [&](std::string why) {
        return unexpected(errc::io, "cannot read " + name + ": " + why, source_location{name, 0, 0, {}});
    };
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status)) return io_error("no such file");
    if (std::filesystem::is_directory(status)) return io_error("it is a directory");

    std::ifstream in(file, std::ios::binary);
    if (!in) return io_error("it cannot be opened");
    // One byte more than the limit is enough to know that the limit is exceeded.
    std::string text(limit + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return io_error("reading failed");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

}  // namespace detail
}  // namespace tmo
