// The service-charge file (TOML, through src/toml/), the statement of every cost shared out, and its text.
#include <tmo/contract/service_charge.hpp>
#include <tmo/core/text.hpp>

#include "contract/text.hpp"
#include "toml/reader.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

using ::tmo::detail::join;

constexpr ::tmo::detail::toml_limits charge_limits{max_service_charge_bytes, 8, "the service-charge file", "[[costs]]"};

class charge_reader : public ::tmo::detail::toml_reader {
public:
    using toml_reader::toml_reader;

    service_charge_file read(const toml::table& root) {
        mark("", root);
        keys(root, "", {"title", "dwellings", "costs"});
        service_charge_file f;
        f.title = text(need(root, "", "title"), "title");
        std::set<std::string> ids;
        each_table(need(root, "", "dwellings", "add the dwellings as [[dwellings]] tables"), "dwellings",
                   [&](const toml::table& t, const std::string& path) {
                       f.dwellings.push_back(dwelling_of(t, path));
                       if (!ids.insert(f.dwellings.back().reference).second)
                           fail(errc::invalid_value, "dwelling '" + f.dwellings.back().reference + "' is given twice",
                                *t.get("id"), join(path, "id"));
                   });
        each_table(need(root, "", "costs", "add the costs as [[costs]] tables"), "costs",
                   [&](const toml::table& t, const std::string& path) { f.costs.push_back(cost_of(t, path, f)); });
        return f;
    }

private:
    std::optional<rational> figure(const toml::table& t, const std::string& path, std::string_view key) {
        const toml::node* n = t.get(key);
        if (n == nullptr) return std::nullopt;
        const std::string p = join(path, key);
        rational v = fraction(*n, p);
        if (v.sign() < 0) fail(errc::invalid_value, "a dwelling's " + std::string(key) + " cannot be negative", *n, p);
        return v;
    }

    dwelling dwelling_of(const toml::table& t, const std::string& path) {
        keys(t, path, {"id", "block", "floor_area", "bed_spaces", "rateable_value", "fixed_share", "leaseholder"});
        dwelling d;
        d.reference = text(need(t, path, "id"), join(path, "id"));
        d.block = text(need(t, path, "block"), join(path, "block"));
        d.floor_area = figure(t, path, "floor_area");
        d.bed_spaces = figure(t, path, "bed_spaces");
        d.rateable_value = figure(t, path, "rateable_value");
        d.fixed_percent = figure(t, path, "fixed_share");
        if (const toml::node* n = t.get("leaseholder")) d.leaseholder = flag(*n, join(path, "leaseholder"));
        return d;
    }

    service_charge_item cost_of(const toml::table& t, const std::string& path, const service_charge_file& f) {
        keys(t, path, {"name", "amount", "pool", "block", "method", "rounding", "section20"});
        service_charge_item item;
        service_cost& c = item.cost;
        c.heading = text(need(t, path, "name"), join(path, "name"));
        c.amount = amount(need(t, path, "amount"), join(path, "amount"));
        const bool block = one_of(need(t, path, "pool", "pool = \"estate\" or \"block\""), join(path, "pool"), "pool",
                                  {"estate", "block"}) == 1;
        if (block) {
            const std::string bp = join(path, "block");
            const toml::node& n = need(t, path, "block", "name the block the cost belongs to");
            c.block = text(n, bp);
            if (std::none_of(f.dwellings.begin(), f.dwellings.end(), [&](const dwelling& d) { return d.block == c.block; }))
                fail(errc::not_found, "no dwelling is in block " + ::tmo::detail::shown(c.block), n, bp);
        } else if (const toml::node* n = t.get("block")) {
            fail(errc::invalid_value, "block is given only with pool = \"block\"", *n, join(path, "block"));
        }
        c.method = static_cast<apportion_method>(one_of(need(t, path, "method"), join(path, "method"), "method",
                                                        {"fixed_share", "floor_area", "bed_spaces", "rateable_value",
                                                         "equal"}));
        if (const toml::node* n = t.get("rounding")) {
            const std::size_t r = one_of(*n, join(path, "rounding"), "rounding",
                                         {"largest_remainder", "floor", "ceil", "truncate", "half_up", "half_even",
                                          "never"});
            if (r > 0) {
                c.shares = share_rounding::each_dwelling;
                c.mode = static_cast<rounding>(r - 1);
            }
        }
        if (const toml::node* n = t.get("section20"))
            item.section20 = static_cast<consultation_kind>(
                one_of(*n, join(path, "section20"), "Section 20 consultation", {"works", "long_term"}));
        return item;
    }
};

std::string padded(std::string s, std::size_t width) {
    if (s.size() < width) s.insert(0, width - s.size(), ' ');
    return s;
}

}  // namespace

result<service_charge_file> parse_service_charges(std::string_view toml_text, std::string_view source_name) {
    const std::string file(source_name);
    result<toml::table> root = ::tmo::detail::parse_toml(toml_text, file, charge_limits);
    if (!root) return unexpected(root.error());
    charge_reader r(file);
    try {
        return r.read(*root);
    } catch (const ::tmo::detail::toml_stop& s) {
        return unexpected(s.err);
    }
}

result<service_charge_file> load_service_charges(const std::filesystem::path& file) {
    result<std::string> text = ::tmo::detail::read_text_file(file, max_service_charge_bytes);
    if (!text) return unexpected(text.error());
    return parse_service_charges(*text, file.string());
}

result<service_charge_statement> charge_services(const service_charge_file& file,
                                                 const consultation_thresholds& thresholds) {
    service_charge_statement s;
    for (const dwelling& d : file.dwellings) s.totals.push_back({d.reference, rational(0), rational(0), money()});
    for (const service_charge_item& item : file.costs) {
        result<cost_apportionment> a = apportion_service_cost(item.cost, file.dwellings);
        if (!a) return unexpected(a.error());
        std::optional<consultation_check> check;
        if (item.section20) {
            result<consultation_check> c = section20_check(*a, file.dwellings, *item.section20, thresholds);
            if (!c) return unexpected(c.error());
            check = std::move(*c);
        }
        for (const dwelling_share& part : a->parts)
            for (dwelling_share& t : s.totals)
                if (t.reference == part.reference) {
                    t.exact += part.exact;
                    t.amount += part.amount;
                }
        s.total += a->total;
        s.charged += a->sum;
        s.costs.push_back(std::move(*a));
        s.checks.push_back(std::move(check));
    }
    const std::size_t consult = static_cast<std::size_t>(
        std::count_if(s.checks.begin(), s.checks.end(), [](const auto& c) { return c && c->required; }));
    s.sentence = std::to_string(s.costs.size()) + " costs totalling " + detail::pounds(s.total) + " are charged to " +
                 std::to_string(s.totals.size()) + " dwellings for " + detail::pounds(s.charged) +
                 (consult == 0 ? "; no cost needs Section 20 consultation."
                               : "; " + std::to_string(consult) + " of them need Section 20 consultation.");
    return s;
}

std::string service_charge_text(const service_charge_statement& s) {
    std::string out;
    for (std::size_t i = 0; i < s.costs.size(); ++i) {
        const cost_apportionment& a = s.costs[i];
        out += a.heading + ": " + detail::pounds(a.total) + " over " + a.pool + "\n";
        out += "  rule: " + a.rule + "\n";
        for (const dwelling_share& p : a.parts)
            out += "  " + p.reference + padded(detail::pounds(p.amount), 24 > p.reference.size() ? 24 - p.reference.size() : 1) +
                   "  weight " + group_thousands(p.weight.to_exact_text()) + "\n";
        out += "  " + a.sentence + "\n";
        if (s.checks[i]) out += "  Section 20: " + s.checks[i]->sentence + "\n";
    }
    out += "Per dwelling:\n";
    for (const dwelling_share& t : s.totals)
        out += "  " + t.reference + padded(detail::pounds(t.amount), 24 > t.reference.size() ? 24 - t.reference.size() : 1) + "\n";
    out += s.sentence + "\n";
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
