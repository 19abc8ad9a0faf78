#include <tmo/vote/rank_columns.hpp>

#include "cvr.hpp"
#include "text.hpp"

#include <unordered_map>

namespace tmo {
inline namespace v1 {
namespace vote {

result<profile> read_rank_columns(std::string_view text, std::string_view source_name,
                                  const rank_columns_options& options) {
    detail::csv_lines lines(text, source_name);
    auto first = lines.next();
    if (!first) return unexpected(first.error());
    if (!*first) return lines.fail_at(errc::syntax, "expected a header line naming the columns rank1, rank2, ...", 1, 1);
    const std::vector<detail::csv_field>& header = **first;
    const auto columns = static_cast<std::uint32_t>(header.size());

    std::vector<std::uint32_t> rank_at;  // rank_at[k] = the 0-based column of rank k+1
    std::optional<std::uint32_t> id_column;
    for (std::uint32_t c = 0; c < columns; ++c) {
        if (auto n = detail::rank_column(header[c].text)) {
            if (*n != rank_at.size() + 1)
                return lines.fail(errc::syntax,
                                  "expected the column rank" + std::to_string(rank_at.size() + 1) + ", found \"" +
                                      header[c].text + '"',
                                  header[c].column);
            rank_at.push_back(c);
            continue;
        }
        const std::string name = detail::lower(header[c].text);
        if (!id_column && (name == "id" || name == "ballot_id" || name == "ballot id")) id_column = c;
    }
    if (rank_at.empty()) return lines.fail(errc::syntax, "expected a header naming the columns rank1, rank2, ...", 1);

    std::vector<candidate> list;
    std::unordered_map<std::string, candidate_id> numbers;
    std::vector<std::pair<std::vector<mark>, std::string>> papers;
    std::vector<mark> marks;
    for (;;) {
        auto fields = lines.next();
        if (!fields) return unexpected(fields.error());
        if (!*fields) break;
        const std::vector<detail::csv_field>& f = **fields;
        if (f.size() != columns)
            return lines.fail(errc::syntax,
                              "expected " + std::to_string(columns) + " fields as in the header, found " +
                                  std::to_string(f.size()),
                              f.size() > columns ? f[columns].column : 1);
        marks.clear();
        for (std::uint32_t c : rank_at) {
            const std::string& cell = f[c].text;
            if (cell.empty() || (!options.undervote.empty() && cell == options.undervote)) {
                marks.push_back({no_candidate, false});
            } else if (!options.overvote.empty() && cell == options.overvote) {
                marks.push_back({overvote_mark, false});
            } else {
                const bool write_in = !options.write_in.empty() && cell == options.write_in;
                const std::string key = write_in ? std::string() : cell;  // "" cannot be a name: the write-ins' key
                auto [it, fresh] = numbers.emplace(key, static_cast<candidate_id>(list.size()));
                if (fresh) list.push_back({write_in ? std::string(detail::write_in_name) : cell, false, write_in});
                marks.push_back({it->second, false});
            }
        }
        while (!marks.empty() && marks.back().candidate == no_candidate) marks.pop_back();
        std::string id;
        if (id_column) {
            id = f[*id_column].text;
            if (id.empty()) return lines.fail(errc::invalid_value, "the paper's id is empty", f[*id_column].column);
        }
        papers.emplace_back(marks, std::move(id));
    }
    profile p(std::move(list), 1);
    for (auto& [m, id] : papers)
        if (auto r = p.add(m, 1, std::move(id)); !r) return unexpected(r.error());
    return p;
}

result<profile> load_rank_columns(const std::filesystem::path& path, const rank_columns_options& options) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_rank_columns(*text, path.string(), options);
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
