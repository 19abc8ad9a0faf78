#include <tmo/vote/long_format.hpp>

#include "text.hpp"

#include "core/csv.hpp"

#include <charconv>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

using tmo::detail::csv_field;

class long_reader {
public:
    long_reader(std::string_view text, std::string_view source) : csv_(text, std::string(source)) {}

    result<profile> read() {
        bool header = true;
        for (;;) {
            auto next = csv_.next();
            if (!next) return unexpected(next.error());
            if (!*next) break;
            const std::vector<csv_field>& fields = **next;
            line_no_ = csv_.line();
            if (header) {
                if (fields.size() != 3 || fields[0].text != "ballot_id" || fields[1].text != "rank" ||
                    fields[2].text != "choice")
                    return fail(errc::syntax, "expected the header line ballot_id,rank,choice", 1);
                header = false;
                continue;
            }
            if (fields.size() != 3)
                return fail(errc::syntax,
                            "expected 3 fields (ballot_id,rank,choice), found " + std::to_string(fields.size()),
                            fields.size() > 3 ? fields[3].column : 1);
            if (auto r = row(fields); !r) return unexpected(r.error());
        }
        if (header) return fail(errc::syntax, "expected the header line ballot_id,rank,choice", 1);
        flush();
        std::vector<candidate> list;
        for (std::string& n : names_) list.push_back({std::move(n)});
        profile p(std::move(list), 1);
        for (auto& [marks, id] : ballots_)
            if (auto r = p.add(marks, 1, std::move(id)); !r) return unexpected(r.error());
        return p;
    }

private:
    unexpected fail(errc code, std::string message, std::uint32_t column) const {
        return csv_.fail(code, std::move(message), column);
    }

    result<void> row(const std::vector<csv_field>& f) {
        const std::string& id = f[0].text;
        if (id.empty()) return fail(errc::invalid_value, "the ballot id is empty", f[0].column);
        std::uint32_t rank = 0;
        const char* first = f[1].text.data();
        const char* last = first + f[1].text.size();
        auto [ptr, ec] = std::from_chars(first, last, rank);
        if (f[1].text.empty() || ec != std::errc() || ptr != last || rank < 1 || rank > 1000)
            return fail(errc::invalid_value, "the rank must be a whole number from 1 to 1000, found \"" + f[1].text + '"',
                        f[1].column);
        if (f[2].text.empty()) return fail(errc::invalid_value, "the choice is empty", f[2].column);

        if (id != current_id_) {
            flush();
            if (auto [it, fresh] = seen_ids_.emplace(id, line_no_); !fresh)
                return fail(errc::invalid_value,
                            "rows of ballot \"" + id + "\" are not together (its first row is on line " +
                                std::to_string(it->second) + ")",
                            f[0].column);
            current_id_ = id;
            last_rank_ = 0;
        }
        if (rank <= last_rank_)
            return fail(errc::invalid_value,
                        "rank " + std::to_string(rank) + " of ballot \"" + id + "\" follows rank " +
                            std::to_string(last_rank_) + " (ranks must increase)",
                        f[1].column);
        for (std::uint32_t r = last_rank_ + 1; r < rank; ++r) marks_.push_back({no_candidate, false});
        last_rank_ = rank;
        if (f[2].text == "$UNDERVOTE") {
            marks_.push_back({no_candidate, false});
        } else if (f[2].text == "$OVERVOTE") {
            marks_.push_back({overvote_mark, false});
        } else {
            auto [it, fresh] = numbers_.emplace(f[2].text, static_cast<candidate_id>(names_.size()));
            if (fresh) names_.push_back(f[2].text);
            marks_.push_back({it->second, false});
        }
        return {};
    }

    void flush() {
        if (current_id_.empty()) return;
        ballots_.emplace_back(std::move(marks_), std::move(current_id_));
        marks_.clear();
        current_id_.clear();
    }

    tmo::detail::csv_reader csv_;
    std::uint32_t line_no_ = 0;
    std::vector<std::string> names_;
    std::unordered_map<std::string, candidate_id> numbers_;
    std::unordered_map<std::string, std::uint32_t> seen_ids_;  // ballot id -> its first line
    std::string current_id_;
    std::uint32_t last_rank_ = 0;
    std::vector<mark> marks_;
    std::vector<std::pair<std::vector<mark>, std::string>> ballots_;
};

}  // namespace

result<profile> read_long_format(std::string_view text, std::string_view source_name) {
    return long_reader(text, source_name).read();
}

result<profile> load_long_format(const std::filesystem::path& path) {
    auto text = detail::read_file(path);
    if (!text) return unexpected(text.error());
    return read_long_format(*text, path.string());
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
