// HTML reports of the tmo tool: self-contained pages (no network, no scripts) with inline SVG charts, each chart
// followed by the table of its figures so that the report reads the same with a screen reader and in print.
//
// Chart geometry is computed from the exact figures with integer arithmetic (a length is value / maximum x width,
// rounded half-up to a tenth of a unit), so no figure passes through floating point even on its way to a picture.
#pragma once

#include <tmo/core/rational.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tmo_tool::html {

/// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
[[nodiscard]] std::string escape(std::string_view text);

/// value / maximum x width as SVG units with one decimal ("123.4"), rounded half-up; 0 when maximum is not positive;
/// negative values give 0.
[[nodiscard]] std::string scale(const tmo::rational& value, const tmo::rational& maximum, int width);

/// A whole page: doctype, UTF-8, title, the report style sheet (screen and print) and `body` (HTML, not escaped).
[[nodiscard]] std::string page(std::string_view title, std::string_view body);

/// A table of text cells (escaped) with a caption; columns listed in `numeric` (0-based) are right-aligned.
[[nodiscard]] std::string table(std::string_view caption, const std::vector<std::string>& head,
                                const std::vector<std::vector<std::string>>& rows,
                                const std::vector<std::size_t>& numeric = {});

/// The colour of series `index` from a palette that stays distinguishable for common colour-vision deficiencies.
[[nodiscard]] const char* colour(std::size_t index);

}  // namespace tmo_tool::html
