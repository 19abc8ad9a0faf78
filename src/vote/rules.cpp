#include <tmo/vote/rules.hpp>

#include <tmo/vote/borda.hpp>
#include <tmo/vote/condorcet.hpp>
#include <tmo/vote/irv.hpp>
#include <tmo/vote/meek.hpp>
#include <tmo/vote/plurality.hpp>
#include <tmo/vote/stv.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace tmo {
inline namespace v1 {
namespace vote {

namespace {

// The options of one count, read key by key. The keys were checked against the rule's list before any is read.
class options_text {
public:
    explicit options_text(std::span<const setting> settings) : settings_(settings) {}

    // The value of `key` (the last one given), if any.
    [[nodiscard]] std::optional<std::string_view> find(std::string_view key) const {
        for (auto it = settings_.rbegin(); it != settings_.rend(); ++it)
            if (it->key == key) return std::string_view(it->value);
        return std::nullopt;
    }

    [[nodiscard]] result<std::optional<std::uint32_t>> whole_number(std::string_view key) const {
        auto text = find(key);
        if (!text) return std::optional<std::uint32_t>{};
        std::uint32_t n = 0;
        auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
        if (ec != std::errc{} || end != text->data() + text->size())
            return bad_value(key, *text, "a whole number from 0 to 4294967295");
        return std::optional<std::uint32_t>{n};
    }

    // Sets `out` from the on/off value of `key`, if the key is given.
    [[nodiscard]] result<void> flag(std::string_view key, bool& out) const {
        auto text = find(key);
        if (!text) return {};
        for (std::string_view yes : {"on", "true", "yes", "1"})
            if (*text == yes) {
                out = true;
                return {};
            }
        for (std::string_view no : {"off", "false", "no", "0"})
            if (*text == no) {
                out = false;
                return {};
            }
        return bad_value(key, *text, "on, off, true, false, yes, no, 1 or 0");
    }

    // Which of `names` the value is (its index), if the key is given.
    [[nodiscard]] result<std::optional<std::size_t>> choice(std::string_view key,
                                                          std::initializer_list<std::string_view> names) const {
        auto text = find(key);
        if (!text) return std::optional<std::size_t>{};
        std::size_t i = 0;
        std::string expected;
        for (auto n : names) {
            if (*text == n) return std::optional<std::size_t>{i};
            expected += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(n);
            ++i;
        }
        return bad_value(key, *text, expected);
    }

    // A list of 1-based candidate numbers ("3,1,2") as candidate ids.
    [[nodiscard]] result<std::vector<candidate_id>> candidates(std::string_view key, std::uint32_t count) const {
        std::vector<candidate_id> ids;
        auto text = find(key);
        if (!text || text->empty()) return ids;
        std::string_view rest = *text;
        while (true) {
            auto comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            std::uint32_t n = 0;
            auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
            if (ec != std::errc{} || end != item.data() + item.size() || n == 0 || n > count)
                return bad_value(key, *text,
                                 "comma-separated candidate numbers from 1 to " + std::to_string(count));
            ids.push_back(n - 1);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        return ids;
    }

private:
    static unexpected bad_value(std::string_view key, std::string_view text, const std::string& expected) {
        return unexpected(errc::invalid_value, "option " + std::string(key) + "='" + std::string(text) +
                                                   "': expected " + expected);
    }

    std::span<const setting> settings_;
};

result<tie_chain> read_ties(const options_text& o, const profile& p) {
    tie_chain ties;
    if (auto list = o.find("ties")) {
        auto methods = parse_tie_methods(*list);
        if (!methods) return unexpected(methods.error());
        ties.methods = *methods;
    }
    if (auto seed = o.find("seed")) ties.seed = std::string(*seed);
    auto reading = o.choice("look-back", {"a", "b"});
    if (!reading) return unexpected(reading.error());
    if (*reading == std::size_t{1}) ties.reading = look_back_reading::all_unequal;
    auto order = o.candidates("order", p.candidate_count());
    if (!order) return unexpected(order.error());
    ties.order = std::move(*order);
    auto manual = o.candidates("manual", p.candidate_count());
    if (!manual) return unexpected(manual.error());
    ties.manual = std::move(*manual);
    return ties;
}

// Reads the keys every rule with a number of seats shares: the tie chain and the seats.
template <class Options>
result<void> read_common(const profile& p, const options_text& o, Options& options) {
    auto ties = read_ties(o, p);
    if (!ties) return unexpected(ties.error());
    options.ties = std::move(*ties);
    auto seats = o.whole_number("seats");
    if (!seats) return unexpected(seats.error());
    if (*seats) options.seats = *seats;
    return {};
}

result<count_result> run_stv(const profile& p, const options_text& o, stv_options options) {
    if (auto r = read_common(p, o, options); !r) return unexpected(r.error());
    return count_stv(p, options);
}

result<count_result> run_meek(const profile& p, const options_text& o) {
    meek_options options = meek_options::reference();
    if (auto r = read_common(p, o, options); !r) return unexpected(r.error());
    if (auto text = o.find("arithmetic")) {
        if (auto r = parse_meek_arithmetic(*text, options); !r)
            return unexpected(errc::invalid_value,
                              "option arithmetic='" + std::string(*text) + "': " + r.error().message());
    }
    if (auto text = o.find("omega")) {
        auto omega = rational::parse(*text);
        if (!omega || omega->sign() <= 0)
            return unexpected(errc::invalid_value, "option omega='" + std::string(*text) +
                                                       "': expected a positive number such as 0.000001 or 1/1000000");
        options.omega = *omega;
    }
    if (auto r = o.flag("batch", options.batch_defeat); !r) return unexpected(r.error());
    if (auto r = o.flag("exclude-remaining", options.exclude_remaining); !r) return unexpected(r.error());
    return count_meek(p, options);
}

result<count_result> run_irv(const profile& p, const options_text& o) {
    irv_options options;
    auto ties = read_ties(o, p);
    if (!ties) return unexpected(ties.error());
    options.ties = std::move(*ties);
    auto overvote = o.choice("overvote", {"exhaust", "skip", "multiple"});
    if (!overvote) return unexpected(overvote.error());
    if (*overvote) {
        constexpr std::array rules{overvote_rule::exhaust_immediately, overvote_rule::skip_to_next_rank,
                                   overvote_rule::exhaust_if_multiple_continuing};
        options.overvote = rules[**overvote];
    }
    auto skipped = o.whole_number("skipped-ranks");
    if (!skipped) return unexpected(skipped.error());
    options.max_skipped_ranks = *skipped;
    auto duplicates = o.choice("duplicates", {"skip", "exhaust"});
    if (!duplicates) return unexpected(duplicates.error());
    if (*duplicates == std::size_t{1}) options.duplicates = duplicate_rule::exhaust;
    if (auto r = o.flag("batch", options.batch_elimination); !r) return unexpected(r.error());
    if (auto r = o.flag("until-two", options.continue_until_two); !r) return unexpected(r.error());
    return count_irv(p, options);
}

result<count_result> run_block(const profile& p, const options_text& o, block_options options) {
    if (auto r = read_common(p, o, options); !r) return unexpected(r.error());
    auto max_marks = o.whole_number("max-marks");
    if (!max_marks) return unexpected(max_marks.error());
    if (*max_marks) options.max_marks = *max_marks;
    return count_block(p, options);
}

result<count_result> run_condorcet(const profile& p, const options_text& o, condorcet_options options,
                                   result<count_result> (*counter)(const profile&, const condorcet_options&)) {
    if (auto r = read_common(p, o, options); !r) return unexpected(r.error());
    auto strength = o.choice("strength", {"winning", "margins"});
    if (!strength) return unexpected(strength.error());
    if (*strength == std::size_t{1}) options.strength = condorcet_strength::margins;
    return counter(p, options);
}

result<count_result> run_borda(const profile& p, const options_text& o) {
    borda_options options;
    if (auto r = read_common(p, o, options); !r) return unexpected(r.error());
    auto variant = o.choice("variant", {"classic", "modified", "dowdall"});
    if (!variant) return unexpected(variant.error());
    if (*variant) {
        constexpr std::array variants{borda_variant::classic, borda_variant::modified, borda_variant::dowdall};
        options.variant = variants[**variant];
    }
    auto unranked = o.choice("unranked", {"zero", "share"});
    if (!unranked) return unexpected(unranked.error());
    if (*unranked == std::size_t{1}) options.unranked = borda_unranked::share;
    return count_borda(p, options);
}

// The keys every rule accepts come first in each rule's list.
#define TMO_COMMON_KEYS "seats", "ties", "seed", "look-back", "order", "manual"

constexpr std::array<std::string_view, 6> stv_keys{TMO_COMMON_KEYS};
constexpr std::array<std::string_view, 11> irv_keys{TMO_COMMON_KEYS, "overvote", "skipped-ranks", "duplicates",
                                                    "batch", "until-two"};
constexpr std::array<std::string_view, 7> block_keys{TMO_COMMON_KEYS, "max-marks"};
constexpr std::array<std::string_view, 7> condorcet_keys{TMO_COMMON_KEYS, "strength"};
constexpr std::array<std::string_view, 8> borda_keys{TMO_COMMON_KEYS, "variant", "unranked"};
constexpr std::array<std::string_view, 10> meek_keys{TMO_COMMON_KEYS, "arithmetic", "omega", "batch",
                                                     "exclude-remaining"};

#undef TMO_COMMON_KEYS

struct rule_entry {
    std::string_view name;
    std::span<const std::string_view> keys;
    result<count_result> (*run)(const profile&, const options_text&);
    bool equal_ranks = true;  // counts papers that rank candidates equally (count_stv refuses them)
};

constexpr std::array<rule_entry, 10> rules{{
    {"scottish-stv", stv_keys, [](const profile& p, const options_text& o) {
         return run_stv(p, o, stv_options::scottish());
     }, false},
    {"wigm", stv_keys, [](const profile& p, const options_text& o) {
         return run_stv(p, o, stv_options::wigm_exact());
     }, false},
    {"meek", meek_keys, run_meek},
    {"irv", irv_keys, run_irv},
    {"plurality", block_keys, [](const profile& p, const options_text& o) {
         return run_block(p, o, block_options::plurality());
     }},
    {"block", block_keys, [](const profile& p, const options_text& o) {
         return run_block(p, o, block_options::block());
     }},
    {"approval", block_keys, [](const profile& p, const options_text& o) {
         return run_block(p, o, block_options::approval());
     }},
    {"schulze", condorcet_keys, [](const profile& p, const options_text& o) {
         return run_condorcet(p, o, condorcet_options::schulze(), count_schulze);
     }},
    {"ranked-pairs", condorcet_keys, [](const profile& p, const options_text& o) {
         return run_condorcet(p, o, condorcet_options::ranked_pairs(), count_ranked_pairs);
     }},
    {"borda", borda_keys, run_borda},
}};

constexpr std::array<std::string_view, rules.size()> names = [] {
    std::array<std::string_view, rules.size()> n{};
    for (std::size_t i = 0; i < rules.size(); ++i) n[i] = rules[i].name;
    return n;
}();

const rule_entry* find_rule(std::string_view name) {
    auto it = std::find_if(rules.begin(), rules.end(), [&](const rule_entry& r) { return r.name == name; });
    return it == rules.end() ? nullptr : &*it;
}

std::string joined(std::span<const std::string_view> items) {
    std::string text;
    for (auto item : items) text += (text.empty() ? "" : ", ") + std::string(item);
    return text;
}

}  // namespace

std::span<const std::string_view> rule_names() noexcept { return names; }

std::span<const std::string_view> rule_keys(std::string_view rule) noexcept {
    const rule_entry* r = find_rule(rule);
    return r ? r->keys : std::span<const std::string_view>{};
}

bool rule_takes_equal_ranks(std::string_view rule) noexcept {
    const rule_entry* r = find_rule(rule);
    return r != nullptr && r->equal_ranks;
}

result<void> check_setting_keys(std::string_view rule, std::span<const setting> settings) {
    const rule_entry* r = find_rule(rule);
    if (!r)
        return unexpected(errc::not_found,
                          "no counting rule '" + std::string(rule) + "': expected one of " + joined(names));
    for (const setting& s : settings)
        if (std::find(r->keys.begin(), r->keys.end(), s.key) == r->keys.end())
            return unexpected(errc::invalid_argument, "rule " + std::string(rule) + " has no option '" + s.key +
                                                          "': its options are " + joined(r->keys));
    return {};
}

result<count_result> count(const profile& p, std::string_view rule, std::span<const setting> settings) {
    if (auto keys = check_setting_keys(rule, settings); !keys) return unexpected(keys.error());
    return find_rule(rule)->run(p, options_text(settings));
}

}  // namespace vote
}  // namespace v1
}  // namespace tmo
