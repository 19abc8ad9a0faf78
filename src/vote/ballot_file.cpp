#include <tmo/vote/ballot_file.hpp>

#include <tmo/vote/long_format.hpp>

#include "text.hpp"

#include <cctype>

namespace tmo {
inline namespace v1 {
namespace vote {

const char* name(ballot_format f) noexcept {
    switch (f) {
        case ballot_format::blt: return "blt";
        case ballot_format::long_format: return "long-format";
    }
    return "?";
}

namespace {

// The first line of `text` without a UTF-8 byte order mark, trimmed, in lower case.
std::string first_line(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string line(detail::trim(text.substr(0, text.find('\n'))));
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return line;
}

}  // namespace

result<ballot_format> detect_format(std::string_view text, std::string_view source_name) {
    const std::string_view content = detail::trim(text);
    if (!content.empty() && std::isdigit(static_cast<unsigned char>(content.front()))) return ballot_format::blt;
    std::string header = first_line(text);
    std::erase(header, ' ');
    std::erase(header, '"');
    if (header == "ballot_id,rank,choice") return ballot_format::long_format;
    return unexpected(errc::syntax,
                      "not a ballot file tmo reads: expected BLT (starting with the numbers of candidates and "
                      "seats) or a CSV with the header ballot_id,rank,choice",
                      source_location{std::string(source_name), 1, 1, {}});
}

result<ballot_file> read_ballots(std::string_view text, std::string_view source_name, blt_mode mode) {
    auto format = detect_format(text, source_name);
    if (!format) return unexpected(format.error());
    ballot_file file;
    file.format = *format;
    switch (*format) {
        case ballot_format::blt: {
            auto blt = read_blt(text, mode, source_name);
            if (!blt) return unexpected(blt.error());
            file.profile = std::move(blt->profile);
            file.warnings = std::move(blt->warnings);
            break;
        }
        case ballot_format::long_format: {
            auto p = read_long_format(text, source_name);
            if (!p) return unexpected(p.error());
            file.profile = std::move(*p);
            break;
        }
    }
    return file;
}

result<ballot_file> load_ballots(const std::filesystem::path& path, blt_mode mode) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_ballots(*text, path.string(), mode);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
