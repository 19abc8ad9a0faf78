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

std::string shortened(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "\u2026";
}

namespace {

// origin + value / maximum x width in tenths of a unit, half-up, value clamped to [0, maximum] unless `clamp_high`
// is false (scale() lets a value beyond the maximum run on, as it always has).
std::string tenths_text(int origin, const tmo::rational& value, const tmo::rational& maximum, int width,
                        bool clamp_high) {
    tmo::integer t(origin * 10);
    if (maximum > tmo::rational(0) && value > tmo::rational(0)) {
        const tmo::rational v = clamp_high && value > maximum ? maximum : value;
        t += (v * tmo::rational(width * 10) / maximum).round(tmo::rounding::half_up).value();
    }
    const tmo::integer whole = t / 10;
    const tmo::integer fraction = t % 10;
    return whole.str() + (fraction == 0 ? "" : "." + fraction.str());
}

}  // namespace

std::string scale(const tmo::rational& value, const tmo::rational& maximum, int width) {
    return tenths_text(0, value, maximum, width, false);
}

std::string at(int origin, const tmo::rational& value, const tmo::rational& maximum, int width) {
    return tenths_text(origin, value, maximum, width, true);
}

std::string svg_open(int width, int height, std::string_view alt) {
    const std::string w = std::to_string(width), h = std::to_string(height);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + w + ' ' + h + "\" width=\"" + w +
           "\" height=\"" + h + "\" aria-label=\"" + escape(alt) + "\">\n<title>" + escape(alt) + "</title>\n";
}

std::string figure(std::string_view svg, std::string_view caption, std::string_view data_table) {
    std::string out = "<figure>\n";
    out += svg;
    out += "<figcaption>";
    out += caption;
    out += "</figcaption>\n</figure>\n";
    out += data_table;
    return out;
}

std::string threshold_chart(std::string_view alt, const std::vector<threshold_row>& rows) {
    constexpr int label_width = 240, bar = 360, row = 26, figures_x = label_width + bar + 10, width = 1000;
    const int height = static_cast<int>(rows.size()) * row + 22;
    std::string svg = svg_open(width, height, alt);
    for (int pct : {0, 50, 100}) {
        const std::string x = at(label_width, tmo::rational(pct), tmo::rational(100), bar);
        svg += "<text x=\"" + x + "\" y=\"" + std::to_string(height - 4) + "\" text-anchor=\"middle\" " +
               "fill=\"#505a5f\">" + std::to_string(pct) + "%</text>\n";
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const threshold_row& r = rows[i];
        const int y = static_cast<int>(i) * row;
        const std::string fill = !r.threshold ? "#1d70b8" : r.passed ? "#00703c" : "#d4351c";
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\">" + escape(r.label) + "</text>";
        svg += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
               std::to_string(bar) + "\" height=\"16\" fill=\"#f3f2f1\" stroke=\"#b1b4b6\"/>";
        svg += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
               scale(r.part > r.whole ? r.whole : r.part, r.whole, bar) + "\" height=\"16\" fill=\"" + fill +
               "\"><title>" + escape(r.label + ": " + r.figures) + "</title></rect>";
        const std::string x = at(label_width, r.threshold.value_or(tmo::rational()), tmo::rational(1), bar);
        if (r.threshold)
            svg += "<line x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + std::to_string(y + 1) + "\" y2=\"" +
               std::to_string(y + 23) + "\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>";
        svg += "<text x=\"" + std::to_string(figures_x) + "\" y=\"" + std::to_string(y + 16) + "\">" +
               escape(r.figures) + "</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

std::string line_chart(const line_chart_data& d) {
    constexpr int left = 56, plot_width = 600, top = 10, plot_height = 200, width = 820;
    const int height = top + plot_height + 30;
    const tmo::rational span = d.high - d.low;
    // A value's y: the top of the plot for `high`, its bottom for `low`.
    const auto y_of = [&](const tmo::rational& v) { return at(top, d.high - v, span, plot_height); };
    const std::size_t n = d.x_labels.size();
    const auto x_of = [&](std::size_t i) {
        return at(left, tmo::rational(static_cast<long long>(2 * i + 1)), tmo::rational(static_cast<long long>(2 * n)),
                  plot_width);
    };
    std::string svg = svg_open(width, height, d.alt);
    for (const band& b : d.bands) {
        const tmo::rational from = b.from < d.low ? d.low : b.from, to = b.to > d.high ? d.high : b.to;
        if (!(from < to)) continue;
        svg += "<rect x=\"" + std::to_string(left) + "\" width=\"" + std::to_string(plot_width) + "\" y=\"" +
               y_of(to) + "\" height=\"" + scale(to - from, span, plot_height) + "\" fill=\"" + b.fill + "\"/>";
        if ((to - from) * tmo::rational(plot_height) >= span * tmo::rational(14))
            svg += "<text x=\"" + std::to_string(left + plot_width + 6) + "\" y=\"" +
                   at(top + 4, d.high - (from + to) / tmo::rational(2), span, plot_height) + "\" fill=\"#505a5f\">" +
                   escape(b.label) + "</text>";
        svg += "\n";
    }
    svg += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(top) + "\" width=\"" +
           std::to_string(plot_width) + "\" height=\"" + std::to_string(plot_height) +
           "\" fill=\"none\" stroke=\"#b1b4b6\"/>\n";
    for (const tmo::rational& t : d.ticks) {
        if (t < d.low || t > d.high) continue;
        svg += "<text x=\"" + std::to_string(left - 4) + "\" y=\"" + at(top + 4, d.high - t, span, plot_height) +
               "\" text-anchor=\"end\">" + escape(t.to_exact_text() + d.unit) + "</text>\n";
    }
    if (d.reference)
        svg += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(left + plot_width) + "\" y1=\"" +
               y_of(*d.reference) + "\" y2=\"" + y_of(*d.reference) +
               "\" stroke=\"#0b0c0c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n";
    std::string path;
    bool drawing = false;
    for (std::size_t i = 0; i < n; ++i) {
        svg += "<text x=\"" + x_of(i) + "\" y=\"" + std::to_string(top + plot_height + 16) +
               "\" text-anchor=\"middle\">" + escape(d.x_labels[i]) + "</text>\n";
        if (i >= d.values.size() || !d.values[i]) {
            drawing = false;
            continue;
        }
        path += std::string(drawing ? " L" : " M") + x_of(i) + ' ' + y_of(*d.values[i]);
        drawing = true;
    }
    if (!path.empty())
        svg += "<path d=\"" + path.substr(1) + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>\n";
    for (std::size_t i = 0; i < n && i < d.values.size(); ++i) {
        if (!d.values[i]) continue;
        const char* fill = i < d.point_fill.size() ? d.point_fill[i] : "#1d70b8";
        svg += "<circle cx=\"" + x_of(i) + "\" cy=\"" + y_of(*d.values[i]) + "\" r=\"4.5\" fill=\"" + fill +
               "\" stroke=\"#fff\"><title>" + escape(d.x_labels[i]) + ": " +
               escape(d.values[i]->to_decimal(1, tmo::rounding::half_up).value() + d.unit) + "</title></circle>\n";
    }
    svg += "</svg>\n";
    return svg;
}

std::string contents(const std::vector<std::pair<std::string, std::string>>& id_and_title) {
    std::string out = "<nav aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">Contents</h2>\n<ol>\n";
    for (const auto& [id, title] : id_and_title)
        out += "<li><a href=\"#" + escape(id) + "\">" + escape(title) + "</a></li>\n";
    out += "</ol>\n</nav>\n";
    return out;
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
           "nav ol{columns:2;font-size:.95rem}\n"
           "@media print{@page{margin:15mm}body{max-width:none;padding:0;font-size:10pt;color:#000}"
           "nav{display:none}a{color:#000;text-decoration:none}h2{break-after:avoid}"
           "section>h2{break-before:page}figure,table,tr{break-inside:avoid}"
           ".verdict{border:1px solid #000;border-left-width:6px}"
           "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}svg{max-width:100%}}\n"
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
