// The text helpers of src/toml/text.hpp.
#include "toml/text.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace tmo {

namespace detail {

std::string key_path_join(std::string_view path, std::string_view key) {
    const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    std::string out(path);
    if (!out.empty()) out += '.';
    if (bare) {
        out += key;
        return out;
    }
    out += '"';
    for (char c : key) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

utf8_char decode_utf8(std::string_view text, std::size_t at) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t smallest = 0;  // the least code point that needs this many bytes (anything less is overlong)
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1Fu, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0Fu, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07u, smallest = 0x10000;
    } else {
        return {};
    }
    if (text.size() - at < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {};
        cp = (cp << 6) | (byte(at + i) & 0x3Fu);
    }
    if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, length};
}

result<std::string> read_text_file(const std::filesystem::path& file, std::size_t max_bytes) {
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
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return io_error("reading failed");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

}  // namespace detail

}  // namespace tmo
