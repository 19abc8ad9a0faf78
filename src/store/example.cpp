#include <tmo/decision/files.hpp>
#include <tmo/rules/constitution.hpp>
#include <tmo/store/example.hpp>

#include <algorithm>

namespace tmo {
inline namespace v1 {
namespace store {

namespace {

template <class T>
result<T> in_file(result<T> r, const std::filesystem::path& file) {
    if (r || !r.error().where().file.empty()) return r;
    return tmo::unexpected(r.error().code(), r.error().message(), source_location{file.string(), 0, 0, {}});
}

}  // namespace

result<example_summary> load_example(database& db, const std::filesystem::path& data_dir) {
    const auto rules_file = data_dir / "riverside_tmo.toml";
    const auto ballot_path = data_dir / "riverside" / "continuation_ballot_2026.toml";
    auto rules = in_file(load_constitution(rules_file), rules_file);
    if (!rules) return tmo::unexpected(rules.error());
    const ballot_rules* rule = rules->ballot("continuation");
    if (rule == nullptr)
        return tmo::unexpected(errc::not_found, "the constitution has no [ballots.continuation]",
                               source_location{rules_file.string(), 0, 0, {}});
    auto reg = decision::load_register_csv(data_dir / "riverside" / "register.csv");
    if (!reg) return tmo::unexpected(reg.error());
    auto file = in_file(decision::load_ballot_file(ballot_path), ballot_path);
    if (!file) return tmo::unexpected(file.error());
    if (!file->tallies)
        return tmo::unexpected(errc::invalid_value, "the example ballot reports no tallies by class",
                               source_location{ballot_path.string(), 0, 0, {}});

    example_summary out;
    auto imported = db.import_register(*reg);
    if (!imported) return tmo::unexpected(imported.error());
    out.members = *imported;

    const decision::voters_roll roll = decision::make_roll(*reg, rules->membership, file->closed, rule->electorate);
    ballot_spec spec;
    spec.name = std::string(example_ballot);
    spec.title = file->title;
    spec.day = file->closed;
    spec.rule = "continuation";
    if (auto opened = open_ballot(db, spec, roll); !opened) return tmo::unexpected(opened.error());
    auto codes = issue_codes(db, spec.name);
    if (!codes) return tmo::unexpected(codes.error());

    // The papers each class returned, cast with that class's codes in roll order.
    for (const auto& [cls, count] : file->tallies->by_class) {
        const tenure_class tenure = cls;  // a copy: clang 14 cannot capture a structured binding in a lambda
        std::vector<std::string> papers;
        papers.insert(papers.end(), count.in_favour, "for");
        papers.insert(papers.end(), count.against, "against");
        papers.insert(papers.end(), count.abstained, "spoilt");
        auto code = codes->begin();
        for (const std::string& paper : papers) {
            code = std::find_if(code, codes->end(), [&](const voter_code& v) { return v.tenure == tenure; });
            if (code == codes->end())
                return tmo::unexpected(errc::invalid_value, std::string("the example reports more papers from ") +
                                                                plural_name(tenure) + " than the roll has voters",
                                       source_location{ballot_path.string(), 0, 0, {}});
            if (auto cast_ok = cast(db, spec.name, code->code, paper); !cast_ok)
                return tmo::unexpected(cast_ok.error());
            ++code;
        }
    }
    if (auto closed = close_ballot(db, spec.name); !closed) return tmo::unexpected(closed.error());
    auto counted = count_ballot(db, spec.name, rule);
    if (!counted) return tmo::unexpected(counted.error());
    out.ballot = std::move(*counted);
    return out;
}

}  // namespace store
}  // namespace v1
}  // namespace tmo
