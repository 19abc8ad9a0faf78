#include <tmo/vote/generic_csv.hpp>

#include "cvr.hpp"
#include "text.hpp"

#include <cctype>
#include <charconv>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

// The rank in a cell: 0 for a blank cell, nullopt if the cell is neither blank nor a whole number from 1 to `limit`.
std::optional<std::uint32_t> rank_in(std::string_view cell, std::uint32_t limit) {
    if (cell.empty()) return 0u;
    std::uint32_t r = 0;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), r);
    if (ec != std::errc{} || end != cell.data() + cell.size() || r < 1 || r > limit) return std::nullopt;
    return r;
}

// True if `header` has the word "id" in any case ("Response ID", "ballot_id", "Id").
bool names_an_id(std::string_view header) {
    const std::string h = detail::lower(header);
    for (std::size_t at = h.find("id"); at != std::string::npos; at = h.find("id", at + 1)) {
        const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(h[at - 1]));
        const bool ends = at + 2 == h.size() || !std::isalnum(static_cast<unsigned char>(h[at + 2]));
        if (starts && ends) return true;
    }
    return false;
}

struct row {
    std::uint32_t line = 0;
    std::vector<detail::csv_field> fields;
};

}  // namespace

result<generic_csv_file> read_generic_csv(std::string_view text, std::string_view source_name,
                                          const generic_csv_options& options) {
    detail::csv_lines lines(text, source_name);
    auto first = lines.next();
    if (!first) return unexpected(first.error());
    if (!*first)
        return lines.fail_at(errc::syntax, "expected a header line naming the columns (the candidates last)", 1, 1);
    const std::vector<detail::csv_field> header = std::move(**first);
    const std::uint32_t header_line = lines.line();
    const auto columns = static_cast<std::uint32_t>(header.size());

    std::vector<row> rows;
    for (;;) {
        auto fields = lines.next();
        if (!fields) return unexpected(fields.error());
        if (!*fields) break;
        if ((*fields)->size() != columns)
            return lines.fail(errc::syntax,
                              "expected " + std::to_string(columns) + " fields as in the header, found " +
                                  std::to_string((*fields)->size()),
                              (*fields)->size() > columns ? (**fields)[columns].column : 1);
        rows.push_back({lines.line(), std::move(**fields)});
    }

    // The candidate columns.
    std::uint32_t first_vote = columns + 1;  // 1-based
    if (options.first_vote_column) {
        first_vote = *options.first_vote_column;
        if (first_vote < 1 || first_vote > columns)
            return lines.fail_at(errc::invalid_value,
                                 "the first candidate column is " + std::to_string(first_vote) +
                                     " but the header has " + std::to_string(columns) + " columns",
                                 header_line, 1);
    } else {
        while (first_vote > 1) {
            const std::uint32_t c = first_vote - 2;  // 0-based candidate of the run
            bool ranks = true;
            for (const row& r : rows)
                if (!rank_in(r.fields[c].text, columns)) {
                    ranks = false;
                    break;
                }
            if (!ranks) break;
            --first_vote;
        }
        if (first_vote > columns)
            return lines.fail_at(errc::syntax,
                                 "no candidate columns found: expected the last columns to hold rank numbers or "
                                 "blanks on every line",
                                 header_line, header.back().column);
    }

    // The id column.
    std::optional<std::uint32_t> id_column = options.id_column;
    if (id_column) {
        if (*id_column < 1 || *id_column > columns)
            return lines.fail_at(errc::invalid_value,
                                 "the id column is " + std::to_string(*id_column) + " but the header has " +
                                     std::to_string(columns) + " columns",
                                 header_line, 1);
        if (*id_column >= first_vote)
            return lines.fail_at(errc::invalid_value,
                                 "the id column " + std::to_string(*id_column) + " is one of the candidate columns",
                                 header_line, header[*id_column - 1].column);
    } else if (first_vote > 1 && names_an_id(header[0].text)) {
        id_column = 1;
    }

    std::vector<candidate> list;
    for (std::uint32_t c = first_vote - 1; c < columns; ++c) {
        const detail::csv_field& h = header[c];
        if (h.text.empty())
            return lines.fail_at(errc::invalid_value, "the candidate column has no name", header_line, h.column);
        if (!options.write_in_label.empty() && detail::lower(h.text) == detail::lower(options.write_in_label))
            list.push_back({std::string(detail::write_in_name), false, true});
        else
            list.push_back({h.text});
    }
    generic_csv_file out;
    out.first_vote_column = first_vote;
    out.id_column = id_column;
    out.profile = profile(std::move(list), 1);

    // A rank cannot exceed the number of candidates (RCTab's largest maxRankingsAllowed); this also bounds the blank
    // ranks a paper can hold.
    const std::uint32_t max_rank = columns - (first_vote - 1);
    std::vector<std::pair<std::uint32_t, candidate_id>> ranked;
    for (row& r : rows) {
        ranked.clear();
        for (std::uint32_t c = first_vote - 1; c < columns; ++c) {
            const detail::csv_field& f = r.fields[c];
            const auto rank = rank_in(f.text, max_rank);
            if (!rank)
                return lines.fail_at(errc::invalid_value,
                                     "expected a blank or a rank from 1 to " + std::to_string(max_rank) +
                                         " for " + header[c].text + ", found \"" + f.text + '"',
                                     r.line, f.column);
            if (*rank > 0) ranked.emplace_back(*rank, c - (first_vote - 1));
        }
        std::string id;
        if (id_column) {
            id = std::move(r.fields[*id_column - 1].text);
            if (id.empty())
                return lines.fail_at(errc::invalid_value, "the paper's id is empty", r.line,
                                     r.fields[*id_column - 1].column);
        }
        const std::vector<mark> marks = detail::marks_from_ranks(ranked);
        if (auto added = out.profile.add(marks, 1, std::move(id)); !added)
            return lines.fail_at(added.error().code(), added.error().message(), r.line, 1);
    }
    return out;
}

result<generic_csv_file> load_generic_csv(const std::filesystem::path& path, const generic_csv_options& options) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_generic_csv(*text, path.string(), options);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
