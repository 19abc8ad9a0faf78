#include "html.hpp"

#include <array>

namespace tmo_tool::html {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string scale(const tmo::rational& value, const tmo::rational& maximum, int width) {
    if (maximum <= tmo::rational(0) || value <= tmo::rational(0)) return "0";
    const tmo::rational tenths = value * tmo::rational(width * 10) / maximum;
    const tmo::integer t = tenths.round(tmo::rounding::half_up).value();
    const tmo::integer whole = t / 10;
    const tmo::integer fraction = t % 10;
    return whole.str() + (fraction == 0 ? "" : "." + fraction.str());
}

std::string page(std::string_view title, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    out += escape(title);
    out += "</title>\n<style>\n"
           "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1b;"
           "max-width:72rem;margin:0 auto;padding:1.5rem;line-height:1.45}\n"
           "h1{font-size:1.7rem;margin:.2rem 0 1rem}h2{font-size:1.3rem;margin-top:2.2rem;"
           "border-bottom:2px solid #1d70b8;padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.4rem}\n"
           ".verdict{font-size:1.1rem;background:#f3f2f1;border-left:6px solid #1d70b8;padding:.6rem .9rem}\n"
           ".pass{border-left-color:#00703c}.fail{border-left-color:#d4351c}\n"
           "table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.9rem}"
           "caption{text-align:left;font-weight:600;padding:.3rem 0}\n"
           "th,td{border:1px solid #b1b4b6;padding:.25rem .5rem;vertical-align:top}th{background:#f3f2f1;"
           "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
           "pre{white-space:pre-wrap;font-size:.85rem}figure{margin:1rem 0}figcaption{font-size:.9rem;color:#505a5f}svg{max-width:100%;height:auto}\n"
           "svg text{font-family:inherit;font-size:11px;fill:#1b1b1b}\n"
           ".key span{display:inline-block;margin-right:1rem;font-size:.85rem}"
           ".key i{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.1rem}\n"
           "@media print{body{max-width:none;padding:0}h2{break-before:auto}figure,table{break-inside:avoid}}\n"
           "</style>\n</head>\n<body>\n";
    out += body;
    out += "\n</body>\n</html>\n";
    return out;
}

std::string table(std::string_view caption, const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, const std::vector<std::size_t>& numeric) {
    auto is_numeric = [&](std::size_t column) {
        for (std::size_t n : numeric)
            if (n == column) return true;
        return false;
    };
    std::string out = "<table>\n<caption>" + escape(caption) + "</caption>\n<thead><tr>";
    for (const std::string& h : head) out += "<th scope=\"col\">" + escape(h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i == 0)
                out += "<th scope=\"row\">" + escape(row[i]) + "</th>";
            else
                out += (is_numeric(i) ? "<td class=\"n\">" : "<td>") + escape(row[i]) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return out;
}

const char* colour(std::size_t index) {
    // Okabe and Ito's palette, in an order that keeps neighbours apart.
    static constexpr std::array<const char*, 8> palette{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                        "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    return palette[index % palette.size()];
}

}  // namespace tmo_tool::html
