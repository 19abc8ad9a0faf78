#include <tmo/contract/allowance.hpp>
#include <tmo/core/text.hpp>

#include "contract/text.hpp"

#include <string>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

std::string homes_text(std::int64_t n) { return group_thousands(std::to_string(n)) + (n == 1 ? " home" : " homes"); }

std::string signed_percent(const rational& p) { return (p.sign() > 0 ? "+" : "") + detail::percent(p, 2); }

result<money> to_pence(const rational& pounds, rounding mode, const std::string& what) {
    result<money> m = money::from_rational(pounds, mode);
    if (!m) return unexpected(m.error().code(), what + ": " + m.error().message());
    return m;
}

result<allowance_line> heading_line(const allowance_heading& h, const allowance_terms& terms) {
    const std::int64_t stock = h.stock.value_or(terms.council_stock);
    const std::int64_t homes = h.homes.value_or(terms.tmo_homes);
    if (stock < 1) return unexpected(errc::invalid_value, h.name + ": the council's stock must be at least 1 home");
    if (homes < 0 || homes > stock)
        return unexpected(errc::invalid_value, h.name + ": the TMO's homes (" + std::to_string(homes) +
                                                   ") must be from 0 to the council's stock (" + std::to_string(stock) + ")");
    if (h.council_spend.pence() < 0) return unexpected(errc::invalid_value, h.name + ": the council's spend cannot be negative");
    allowance_line line;
    line.heading = h.name;
    line.exact = h.council_spend.to_rational() * homes / stock;
    auto amount = to_pence(line.exact, terms.mode, h.name);
    if (!amount) return unexpected(amount.error());
    line.amount = *amount;
    line.rule = detail::pounds(h.council_spend) + " ÷ " + homes_text(stock) + " × " + homes_text(homes) + " = " +
                (line.exact == line.amount.to_rational() ? detail::pounds(line.amount)
                                                         : "£" + group_thousands(*line.exact.to_decimal(6, rounding::truncate)) + "…") +
                ", rounded " + rounding_name(terms.mode);
    line.sentence = h.name + (h.basis.empty() ? "" : " (" + h.basis + ")") + ": the council spends " +
                    detail::pounds(h.council_spend) + " on " + homes_text(stock) + "; the TMO's " + homes_text(homes) +
                    " get " + detail::pounds(line.amount) + ".";
    return line;
}

result<allowance_line> committee_line(const committee_formula& f, const allowance_terms& terms) {
    if (f.fixed.pence() < 0 || f.per_home.pence() < 0)
        return unexpected(errc::invalid_value, "the committee formula's sums cannot be negative");
    allowance_line line;
    line.heading = "Committee administration and training";
    line.formula = true;
    line.exact = f.fixed.to_rational() + f.per_home.to_rational() * terms.tmo_homes;
    auto amount = to_pence(line.exact, rounding::never, line.heading);
    if (!amount) return unexpected(amount.error());
    line.amount = *amount;
    line.rule = detail::pounds(f.fixed) + " + " + detail::pounds(f.per_home) + " × " + homes_text(terms.tmo_homes) +
                (f.source.empty() ? "" : " (" + f.source + ")");
    line.sentence = "Committee administration and training by formula: " + detail::pounds(f.fixed) + " a year and " +
                    detail::pounds(f.per_home) + " for each of " + homes_text(terms.tmo_homes) + " make " +
                    detail::pounds(line.amount) + ".";
    return line;
}

}  // namespace

result<allowance_outcome> apportion_allowance(const allowance_terms& terms) {
    if (terms.tmo_homes < 0 || (terms.council_stock > 0 && terms.tmo_homes > terms.council_stock))
        return unexpected(errc::invalid_value, "the TMO's homes must be from 0 to the council's stock");
    allowance_outcome out;
    out.mode = terms.mode;
    for (const allowance_heading& h : terms.headings) {
        auto line = heading_line(h, terms);
        if (!line) return unexpected(line.error());
        out.lines.push_back(std::move(*line));
    }
    if (terms.committee) {
        auto line = committee_line(*terms.committee, terms);
        if (!line) return unexpected(line.error());
        out.lines.push_back(std::move(*line));
    }
    rational total;
    for (const allowance_line& l : out.lines) total += l.amount.to_rational();
    auto sum = to_pence(total, rounding::never, "the allowance's total");
    if (!sum) return unexpected(sum.error());
    out.total = *sum;
    out.sentence = "The allowance" + (terms.year.empty() ? std::string() : " for " + terms.year) + " comes to " +
                   detail::pounds(out.total) + " for " + homes_text(terms.tmo_homes) + " over " +
                   std::to_string(out.lines.size()) + (out.lines.size() == 1 ? " line" : " lines") +
                   ", each rounded " + rounding_name(terms.mode) + " to the penny.";
    return out;
}

result<indexed_allowance> index_allowance(money current, const allowance_index& index, rounding mode) {
    if (index.percent <= -100)
        return unexpected(errc::invalid_value, "an index cannot fall by 100% or more (" + detail::percent(index.percent, 2) + ")");
    indexed_allowance out{current, index, current.to_rational() * (rational(100) + index.percent) / 100, {}, {}, {}};
    auto after = to_pence(out.exact, mode, "the indexed allowance");
    if (!after) return unexpected(after.error());
    out.after = *after;
    out.rule = detail::pounds(current) + " × (1 " + (index.percent.sign() < 0 ? "− " : "+ ") +
               detail::figure(abs(index.percent), 4) + "%), rounded " + rounding_name(mode);
    out.sentence = "Indexed by " + index.name + " (" + signed_percent(index.percent) + "): " + detail::pounds(current) +
                   " becomes " + detail::pounds(out.after) + ".";
    return out;
}

result<phased_allowance> phase_allowance(money current, money target, const phasing_rule& rule, rounding mode) {
    if (current.pence() <= 0)
        return unexpected(errc::invalid_value, "a change can be phased only from a current allowance above zero");
    if (rule.years < 1) return unexpected(errc::invalid_value, "a phasing rule needs at least 1 year");
    if (rule.threshold_percent.sign() < 0)
        return unexpected(errc::invalid_value, "a phasing threshold cannot be negative");
    std::vector<rational> steps = rule.steps;
    if (steps.empty())
        for (std::int64_t k = 1; k <= rule.years; ++k) steps.emplace_back(integer(k), integer(rule.years));
    if (static_cast<std::int64_t>(steps.size()) != rule.years || steps.back() != 1)
        return unexpected(errc::invalid_value, "the phasing steps must be one cumulative share a year, the last 1");
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].sign() <= 0 || (i > 0 && steps[i] <= steps[i - 1]))
            return unexpected(errc::invalid_value, "the phasing steps must increase from above 0 to 1");

    phased_allowance out;
    out.current = current;
    out.target = target;
    const rational change = target.to_rational() - current.to_rational();
    out.change_percent = change * 100 / current.to_rational();
    const rational size = abs(out.change_percent);
    const bool over = rule.inclusive ? size >= rule.threshold_percent : size > rule.threshold_percent;
    out.phased = over && rule.years > 1;
    const std::string threshold = detail::percent(rule.threshold_percent, 2);
    const std::string relation = over ? (size == rule.threshold_percent ? "reaches" : "is more than")
                                      : (size == rule.threshold_percent ? "is not more than" : "is less than");
    const std::string compared = signed_percent(out.change_percent) + " " + relation + " " + threshold;
    const std::string moves = change.sign() == 0 ? "stays at " + detail::pounds(current)
                                                 : std::string(change.sign() < 0 ? "falls" : "rises") + " from " +
                                                       detail::pounds(current) + " to " + detail::pounds(target) +
                                                       " (" + signed_percent(out.change_percent) + ")";
    if (!out.phased) {
        out.years.push_back(target);
        out.rule = compared + (over ? ", but the rule spreads a change over 1 year: paid at once" : ": paid at once");
        out.sentence = "The allowance " + moves + "; " +
                       (over ? std::string("the rule spreads a change over 1 year")
                             : "that " + relation + " " + threshold) +
                       ", so the new figure is paid at once.";
        return out;
    }
    std::string list;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        auto year = to_pence(current.to_rational() + change * steps[i], mode, "phasing year " + std::to_string(i + 1));
        if (!year) return unexpected(year.error());
        out.years.push_back(*year);
        list += (i == 0 ? "" : ", ") + detail::pounds(*year);
    }
    out.rule = compared + ": phased over " + std::to_string(rule.years) + " years in " +
               (rule.steps.empty() ? "equal steps" : "the agreed steps") + ", rounded " + rounding_name(mode);
    out.sentence = "The allowance " + moves + ", " +
                   (size == rule.threshold_percent ? "reaching " : "more than ") + threshold +
                   ", so it is phased in over " +
                   std::to_string(rule.years) + " years: " + list + ".";
    return out;
}

result<allowance_review> review_allowance(const allowance_terms& terms) {
    auto computed = apportion_allowance(terms);
    if (!computed) return unexpected(computed.error());
    allowance_review out;
    out.computed = std::move(*computed);
    out.payable = out.computed.total;
    out.sentence = out.computed.sentence;
    if (!terms.current) return out;
    money baseline = *terms.current;
    if (terms.index) {
        auto indexed = index_allowance(*terms.current, *terms.index, terms.mode);
        if (!indexed) return unexpected(indexed.error());
        baseline = indexed->after;
        out.sentence += " " + indexed->sentence;
        out.indexed = std::move(*indexed);
        if (out.computed.lines.empty()) out.payable = baseline;
    }
    if (terms.phasing && !out.computed.lines.empty()) {
        auto phased = phase_allowance(baseline, out.computed.total, *terms.phasing, terms.mode);
        if (!phased) return unexpected(phased.error());
        out.payable = phased->years.front();
        out.sentence += " " + phased->sentence;
        out.phased = std::move(*phased);
    }
    out.sentence += " Payable " + (terms.year.empty() ? std::string("this year") : "in " + terms.year) + ": " +
                    detail::pounds(out.payable) + ".";
    return out;
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
