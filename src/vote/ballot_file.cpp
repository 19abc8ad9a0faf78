#include <tmo/vote/ballot_file.hpp>

#include <tmo/vote/cdf.hpp>
#include <tmo/vote/generic_csv.hpp>
#include <tmo/vote/long_format.hpp>
#include <tmo/vote/rank_columns.hpp>

#include "cvr.hpp"

#include "text.hpp"

#include <cctype>

namespace tmo {
inline namespace v1 {
namespace vote {

const char* name(ballot_format f) noexcept {
    switch (f) {
        case ballot_format::blt: return "blt";
        case ballot_format::long_format: return "long-format";
        case ballot_format::generic_csv: return "generic-csv";
        case ballot_format::rank_columns: return "rank-columns";
        case ballot_format::cdf_json: return "cdf-json";
    }
    return "?";
}

namespace {

// The first non-blank line of `text` (without a UTF-8 byte order mark), trimmed, in lower case.
std::string first_line(std::string_view text) {
    text = detail::trim(text);
    std::string line(detail::trim(text.substr(0, text.find('\n'))));
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return line;
}

}  // namespace

result<ballot_format> detect_format(std::string_view text, std::string_view source_name) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::string_view content = detail::trim(text);
    if (!content.empty() && std::isdigit(static_cast<unsigned char>(content.front()))) return ballot_format::blt;
    if (content.starts_with('{')) return ballot_format::cdf_json;
    std::string header = first_line(content);
    std::erase(header, ' ');
    std::erase(header, '"');
    if (header == "ballot_id,rank,choice") return ballot_format::long_format;
    if (header.find(',') != std::string::npos) {
        std::size_t start = 0;
        for (;;) {
            const std::size_t comma = header.find(',', start);
            if (detail::rank_column(std::string_view(header).substr(start, comma - start)) == 1u)
                return ballot_format::rank_columns;
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        return ballot_format::generic_csv;
    }
    return unexpected(errc::syntax,
                      "not a ballot file tmo reads: expected BLT (starting with the numbers of candidates and "
                      "seats), cast vote records in JSON, or a CSV with a header line",
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
        case ballot_format::long_format:
        case ballot_format::rank_columns:
        case ballot_format::cdf_json: {
            auto p = *format == ballot_format::long_format  ? read_long_format(text, source_name)
                     : *format == ballot_format::rank_columns ? read_rank_columns(text, source_name)
                                                              : read_cdf(text, source_name);
            if (!p) return unexpected(p.error());
            file.profile = std::move(*p);
            break;
        }
        case ballot_format::generic_csv: {
            auto csv = read_generic_csv(text, source_name);
            if (!csv) return unexpected(csv.error());
            file.profile = std::move(csv->profile);
            if (csv->first_vote_column > 1)
                file.warnings.push_back(
                    {source_location{std::string(source_name), 1, 1, {}},
                     (csv->first_vote_column == 2
                          ? std::string("column 1 holds no ranks and was not read as a candidate")
                          : "columns 1 to " + std::to_string(csv->first_vote_column - 1) +
                                " hold no ranks and were not read as candidates") +
                         "; the candidates are the columns from " + std::to_string(csv->first_vote_column) +
                         " on"});
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
