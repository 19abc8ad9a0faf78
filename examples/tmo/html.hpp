// HTML reports of the tmo tool: self-contained pages (no network, no scripts) with inline SVG charts, each chart
// followed by the table of its figures so that the report reads the same with a screen reader and in print.
//
// Chart geometry is computed from the exact figures with integer arithmetic (a length is value / maximum x width,
// rounded half-up to a tenth of a unit), so no figure passes through floating point even on its way to a picture.
#pragma once

#include <tmo/core/rational.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tmo_tool::html {

/// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
[[nodiscard]] std::string escape(std::string_view text);

/// `text` cut to at most `limit` bytes of whole UTF-8 characters, ending in an ellipsis when cut (for a chart's
/// labels; the table beside the chart has the text in full).
[[nodiscard]] std::string shortened(const std::string& text, std::size_t limit);

/// value / maximum x width as SVG units with one decimal ("123.4"), rounded half-up; 0 when maximum is not positive;
/// negative values give 0.
[[nodiscard]] std::string scale(const tmo::rational& value, const tmo::rational& maximum, int width);

/// origin + scale(value, maximum, width), as SVG units with one decimal: a position on an axis that starts at
/// `origin`. Values are clamped to [0, maximum].
[[nodiscard]] std::string at(int origin, const tmo::rational& value, const tmo::rational& maximum, int width);

/// The opening tag of an inline SVG chart of `width` x `height` units, an image whose text alternative is `alt`
/// (escaped; given both as aria-label and as the SVG's <title>). Close it with "</svg>\n".
[[nodiscard]] std::string svg_open(int width, int height, std::string_view alt);

/// A figure: the chart, then its caption (HTML, not escaped), then the table of its figures (HTML).
[[nodiscard]] std::string figure(std::string_view svg, std::string_view caption, std::string_view data_table = {});

/// A whole page: doctype, UTF-8, title, the report style sheet (screen and print) and `body` (HTML, not escaped).
[[nodiscard]] std::string page(std::string_view title, std::string_view body);

/// A table of text cells (escaped) with a caption; columns listed in `numeric` (0-based) are right-aligned.
[[nodiscard]] std::string table(std::string_view caption, const std::vector<std::string>& head,
                                const std::vector<std::vector<std::string>>& rows,
                                const std::vector<std::size_t>& numeric = {});

/// One row of a threshold chart: a bar of `part` out of `whole` and a line at `threshold` (a fraction of `whole`).
struct threshold_row {
    std::string label;          ///< the row's name, left of the bar
    tmo::rational part;         ///< the bar's length ...
    tmo::rational whole;        ///< ... as a share of this (0: an empty bar)
    /// where the line is drawn, a fraction from 0 to 1 of the whole; none: a plain figure (a blue bar, no line)
    std::optional<tmo::rational> threshold;
    bool passed = false;        ///< the bar's colour when there is a threshold: green when passed, red when not
    std::string figures;        ///< the text right of the bar ("24 of 26, 92.3%; needs more than 1/2")
};

/// Bars against their threshold lines (a resolution's tests, a ballot's classes and turnout floor, a quorum): each
/// bar is its share of its own whole, from 0% to 100%, with the threshold as a dark line across it. `alt` is the
/// chart's text alternative; the caller gives the table of its figures.
[[nodiscard]] std::string threshold_chart(std::string_view alt, const std::vector<threshold_row>& rows);

/// A horizontal band of a line chart, shaded (the range of a rating).
struct band {
    tmo::rational from, to;     ///< on the value axis; from < to
    const char* fill = "#f3f2f1";
    std::string label;          ///< shown at the band's right edge when the band is tall enough
};

/// One line of a chart: a value per point of the x axis (absent: no value, a gap in the line).
struct line_chart_data {
    std::string alt;                          ///< the chart's text alternative
    std::vector<std::string> x_labels;        ///< one per point ("Apr 25")
    std::vector<std::optional<tmo::rational>> values;
    std::vector<const char*> point_fill;      ///< each point's colour (empty: the line's colour)
    tmo::rational low, high;                  ///< the value axis (low < high)
    std::vector<tmo::rational> ticks;         ///< values labelled on the value axis
    std::string unit;                         ///< appended to tick labels ("%")
    std::vector<band> bands;
    std::optional<tmo::rational> reference;   ///< a dashed line (a target)
};

/// A line chart over months or other points, with shaded bands and a dashed reference line. Values are placed
/// exactly (to a tenth of a unit) from the rationals; values outside [low, high] are drawn at the edge.
[[nodiscard]] std::string line_chart(const line_chart_data& d);

/// A table of contents: links to the sections' ids, with their titles (escaped).
[[nodiscard]] std::string contents(const std::vector<std::pair<std::string, std::string>>& id_and_title);

/// The colour of series `index` from a palette that stays distinguishable for common colour-vision deficiencies.
[[nodiscard]] const char* colour(std::size_t index);

}  // namespace tmo_tool::html
