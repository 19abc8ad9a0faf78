// Private to the decision module: small text helpers shared by its records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tmo::detail {

/// "1 member", "3 members".
inline std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// Text fit for a Markdown table cell: '|' escaped, line breaks as spaces.
inline std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == '|') out += "\\|";
        else if (ch == '\n') out += ' ';
        else out += ch;
    }
    return out;
}

}  // namespace tmo::detail
