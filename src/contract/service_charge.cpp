#include <tmo/contract/service_charge.hpp>
#include <tmo/core/apportion.hpp>
#include <tmo/core/text.hpp>

#include "contract/text.hpp"
#include "core/embedded_presets.hpp"
#include "toml/reader.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

constexpr ::tmo::detail::embedded_preset presets[] = {
#include "contract_presets.inc"
};

constexpr ::tmo::detail::toml_limits threshold_limits{16 * 1024, 8, "the thresholds file", "[table]"};

// The dwelling's figure for `m`, or null when the lease gives none.
const std::optional<rational>* figure_of(const dwelling& d, apportion_method m) {
    switch (m) {
    case apportion_method::fixed_share: return &d.fixed_percent;
    case apportion_method::floor_area: return &d.floor_area;
    case apportion_method::bed_spaces: return &d.bed_spaces;
    case apportion_method::rateable_value: return &d.rateable_value;
    case apportion_method::equal: return nullptr;
    }
    return nullptr;
}

std::string method_words(apportion_method m) {
    switch (m) {
    case apportion_method::fixed_share: return "the lease's fixed percentage";
    case apportion_method::floor_area: return "floor area";
    case apportion_method::bed_spaces: return "bed spaces";
    case apportion_method::rateable_value: return "rateable value";
    case apportion_method::equal: return "equal shares";
    }
    return {};
}

}  // namespace

const char* apportion_method_name(apportion_method m) noexcept {
    switch (m) {
    case apportion_method::fixed_share: return "fixed_share";
    case apportion_method::floor_area: return "floor_area";
    case apportion_method::bed_spaces: return "bed_spaces";
    case apportion_method::rateable_value: return "rateable_value";
    case apportion_method::equal: return "equal";
    }
    return "";
}

result<cost_apportionment> apportion_service_cost(const service_cost& cost, std::span<const dwelling> dwellings) {
    cost_apportionment out;
    out.heading = cost.heading;
    out.pool = cost.block.empty() ? "the estate" : "block " + cost.block;
    out.method = cost.method;
    out.shares = cost.shares;
    out.total = cost.amount;
    std::set<std::string> seen;
    std::vector<rational> weights;
    for (const dwelling& d : dwellings) {
        if (!seen.insert(d.reference).second)
            return unexpected(errc::invalid_value, "dwelling '" + d.reference + "' is given twice");
        if (!cost.block.empty() && d.block != cost.block) continue;
        rational w(1);
        if (const std::optional<rational>* f = figure_of(d, cost.method)) {
            if (!*f)
                return unexpected(errc::missing_key, cost.heading + ": dwelling '" + d.reference + "' has no " +
                                                         method_words(cost.method) + " to share by");
            if ((*f)->sign() < 0)
                return unexpected(errc::invalid_value, cost.heading + ": dwelling '" + d.reference + "' has a negative " +
                                                           method_words(cost.method));
            w = **f;
        }
        weights.push_back(w);
        out.total_weight += w;
        out.parts.push_back({d.reference, w, {}, {}});
    }
    if (out.parts.empty())
        return unexpected(errc::not_found, cost.heading + ": no dwelling is in " + out.pool);
    if (cost.method == apportion_method::fixed_share && out.total_weight != 100)
        return unexpected(errc::invalid_value, cost.heading + ": the fixed percentages of " + out.pool + " sum to " +
                                                   detail::figure(out.total_weight, 4) + "%, not 100%");
    if (out.total_weight.sign() == 0)
        return unexpected(errc::domain, cost.heading + ": every dwelling of " + out.pool + " has a weight of 0");
    auto amounts = cost.shares == share_rounding::largest_remainder ? apportion(cost.amount, weights)
                                                                    : apportion_each(cost.amount, weights, cost.mode);
    if (!amounts) return unexpected(amounts.error().code(), cost.heading + ": " + amounts.error().message());
    for (std::size_t i = 0; i < out.parts.size(); ++i) {
        out.parts[i].exact = cost.amount.to_rational() * out.parts[i].weight / out.total_weight;
        out.parts[i].amount = (*amounts)[i];
        out.sum += (*amounts)[i];
    }
    const std::string rounded = cost.shares == share_rounding::largest_remainder
                                    ? "largest remainder, summing to the cost"
                                    : std::string("each share rounded ") + rounding_name(cost.mode);
    out.rule = method_words(cost.method) + " over " + std::to_string(out.parts.size()) + " dwellings of " + out.pool +
               " (total weight " + group_thousands(out.total_weight.to_exact_text()) + "); " + rounded;
    out.sentence = cost.heading + " of " + detail::pounds(cost.amount) + " is shared over " +
                   std::to_string(out.parts.size()) + " dwellings of " + out.pool + " by " +
                   method_words(cost.method) + (cost.shares == share_rounding::largest_remainder
                                                    ? "; the shares sum to the cost."
                                                    : "; each share is rounded on its own and they sum to " +
                                                          detail::pounds(out.sum) + ".");
    return out;
}

result<consultation_thresholds> parse_consultation_thresholds(std::string_view toml_text, std::string_view source_name) {
    const std::string file(source_name);
    result<toml::table> root = ::tmo::detail::parse_toml(toml_text, file, threshold_limits);
    if (!root) return unexpected(root.error());
    ::tmo::detail::toml_reader r(file);
    try {
        r.mark("", *root);
        r.keys(*root, "", {"works", "long_term_per_year", "source"});
        consultation_thresholds t;
        t.works = r.amount(r.need(*root, "", "works"), "works");
        t.long_term_per_year = r.amount(r.need(*root, "", "long_term_per_year"), "long_term_per_year");
        t.source = r.text(r.need(*root, "", "source", "say where the amounts come from"), "source");
        for (const char* key : {"works", "long_term_per_year"})
            if ((key == std::string_view("works") ? t.works : t.long_term_per_year).pence() < 0)
                r.fail(errc::invalid_value, "a threshold cannot be negative", *root->get(key), key);
        return t;
    } catch (const ::tmo::detail::toml_stop& s) {
        return unexpected(s.err);
    }
}

result<consultation_thresholds> section20_england() {
    auto preset = ::tmo::detail::find_preset(presets, "section20_england", "consultation preset");
    if (!preset) return unexpected(preset.error());
    return parse_consultation_thresholds(preset->text, "presets/contract/section20_england.toml");
}

result<consultation_check> section20_check(const cost_apportionment& shares, std::span<const dwelling> dwellings,
                                           consultation_kind kind, const consultation_thresholds& thresholds) {
    consultation_check out;
    out.kind = kind;
    out.threshold = kind == consultation_kind::qualifying_works ? thresholds.works : thresholds.long_term_per_year;
    const std::string what =
        kind == consultation_kind::qualifying_works ? "for qualifying works" : "a year under a long-term agreement";
    for (const dwelling_share& part : shares.parts) {
        const auto d = std::find_if(dwellings.begin(), dwellings.end(),
                                    [&](const dwelling& x) { return x.reference == part.reference; });
        if (d == dwellings.end())
            return unexpected(errc::not_found, "share of dwelling '" + part.reference + "', which is not given");
        if (!d->leaseholder) continue;
        if (!out.largest || part.amount > out.largest->amount) out.largest = part;
        if (part.amount > out.threshold) out.over.push_back(part.reference);
    }
    out.required = !out.over.empty();
    out.rule = "consult when any leaseholder's contribution is more than " + detail::pounds(out.threshold) + " " +
               what + " (" + thresholds.source + ")";
    if (!out.largest) {
        out.sentence = "No consultation is needed: no leaseholder contributes to " + shares.heading + ".";
    } else if (out.required) {
        out.sentence = "Consultation is required: " + out.largest->reference + " would pay " +
                       detail::pounds(out.largest->amount) + ", more than " + detail::pounds(out.threshold) + " " + what +
                       (out.over.size() > 1 ? " (" + std::to_string(out.over.size()) + " leaseholders are over)" : "") +
                       "; without it, each can be charged at most " + detail::pounds(out.threshold) + ".";
    } else {
        out.sentence = "No consultation is needed: the largest leaseholder contribution, " +
                       detail::pounds(out.largest->amount) + " from " + out.largest->reference + ", is not more than " +
                       detail::pounds(out.threshold) + " " + what + ".";
    }
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
