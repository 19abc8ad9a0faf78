// Reads contract and tender files (tmo/contract/document.hpp) through the library's safe TOML layer.
#include <tmo/contract/document.hpp>

#include "toml/reader.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace {

using detail::element;
using detail::join;
using detail::shown;

constexpr detail::toml_limits contract_limits{max_contract_bytes, 32, "the contract file", "[contract]"};
constexpr detail::toml_limits tender_limits{max_contract_bytes, 32, "the tender file", "[tender]"};

// Each reader checks names against the order of its enum, which runs from 0 without gaps.
template <class E>
E pick(detail::toml_reader& r, const toml::node& n, const std::string& path, std::string_view what,
       std::initializer_list<std::string_view> names) {
    return static_cast<E>(r.one_of(n, path, what, names));
}

class contract_reader : public detail::toml_reader {
public:
    using toml_reader::toml_reader;

    contract_document read(const toml::table& root) {
        mark("", root);
        keys(root, "",
             {"contract", "parties", "term", "payment", "prices", "vat_rates", "settings", "priorities", "kpis",
              "credits", "credit_caps", "continuation", "events", "ocds", "data", "allowance", "points"});
        contract_document d;
        service_contract& c = d.contract;
        head(need(root, "", "contract", "add a [contract] table with reference, title and kind"), c);
        each_table(need(root, "", "parties", "add the parties as [[parties]] tables"), "parties",
                 [&](const toml::table& t, const std::string& p) { c.parties.push_back(party_of(t, p)); });
        c.term = term(need(root, "", "term", "add a [term] table with start and end"));
        if (const toml::node* n = root.get("payment")) c.payment = payment(*n);
        if (const toml::node* n = root.get("prices"))
            each_table(*n, "prices", [&](const toml::table& t, const std::string& p) { c.prices.push_back(price(t, p)); });
        if (const toml::node* n = root.get("vat_rates"))
            each_table(*n, "vat_rates",
                     [&](const toml::table& t, const std::string& p) { d.vat_rates.push_back(rate(t, p)); });
        if (const toml::node* n = root.get("settings")) settings(*n, d);
        if (const toml::node* n = root.get("priorities"))
            each_table(*n, "priorities",
                     [&](const toml::table& t, const std::string& p) { c.priorities.push_back(priority_of(t, p)); });
        if (const toml::node* n = root.get("kpis"))
            each_table(*n, "kpis", [&](const toml::table& t, const std::string& p) { c.kpis.push_back(kpi(t, p)); });
        if (const toml::node* n = root.get("credits"))
            each_table(*n, "credits",
                     [&](const toml::table& t, const std::string& p) { c.credits.push_back(credit(t, p)); });
        if (const toml::node* n = root.get("credit_caps")) c.caps = caps(*n);
        if (const toml::node* n = root.get("points")) c.points = points(*n);
        if (const toml::node* n = root.get("continuation")) d.continuation = continuation(*n);
        if (const toml::node* n = root.get("events"))
            each_table(*n, "events", [&](const toml::table& t, const std::string& p) { d.events.push_back(event(t, p)); });
        if (const toml::node* n = root.get("ocds")) d.ocds = ocds(*n);
        if (const toml::node* n = root.get("data")) d.files = data(*n);
        if (const toml::node* n = root.get("allowance")) d.allowance = allowance(*n);
        check(d);
        return d;
    }

private:
    std::vector<std::string> strings(const toml::node& n, const std::string& path) {
        std::vector<std::string> out;
        const toml::array& a = array(n, path, "an array of strings");
        for (std::size_t i = 0; i < a.size(); ++i) out.push_back(text(a[i], element(path, i)));
        return out;
    }

    std::vector<date> dates(const toml::node& n, const std::string& path) {
        std::vector<date> out;
        const toml::array& a = array(n, path, "an array of dates");
        for (std::size_t i = 0; i < a.size(); ++i) out.push_back(day(a[i], element(path, i)));
        return out;
    }

    void head(const toml::node& n, service_contract& c) {
        const std::string path = "contract";
        const toml::table& t = table(n, path);
        keys(t, path, {"reference", "title", "kind", "scope"});
        c.reference = text(need(t, path, "reference"), join(path, "reference"));
        c.title = text(need(t, path, "title"), join(path, "title"));
        c.kind = pick<contract_kind>(*this, need(t, path, "kind"), join(path, "kind"), "contract kind",
                                     {"management_agreement", "works", "services"});
        if (const toml::node* v = t.get("scope")) c.scope = strings(*v, join(path, "scope"));
    }

    party party_of(const toml::table& t, const std::string& path) {
        keys(t, path, {"id", "name", "scheme", "identifier", "roles"});
        party p;
        p.id = text(need(t, path, "id"), join(path, "id"));
        p.name = text(need(t, path, "name"), join(path, "name"));
        if (const toml::node* v = t.get("scheme")) p.identifier_scheme = text(*v, join(path, "scheme"));
        if (const toml::node* v = t.get("identifier")) p.identifier = text(*v, join(path, "identifier"));
        const std::string roles_path = join(path, "roles");
        const toml::array& roles = array(need(t, path, "roles"), roles_path, "an array of roles such as [\"buyer\"]");
        for (std::size_t i = 0; i < roles.size(); ++i)
            p.roles.push_back(pick<party_role>(*this, roles[i], element(roles_path, i), "party role",
                                               {"buyer", "supplier", "payer", "payee", "funder"}));
        if (p.roles.empty()) fail(errc::invalid_value, "a party needs at least one role", roles, roles_path);
        return p;
    }

    contract_term term(const toml::node& n) {
        const std::string path = "term";
        const toml::table& t = table(n, path);
        keys(t, path, {"start", "end", "extensions", "extension_months", "break_dates", "notice_days"});
        contract_term out;
        out.start = day(need(t, path, "start"), join(path, "start"));
        out.end = day(need(t, path, "end"), join(path, "end"));
        if (out.end < out.start)
            fail(errc::invalid_value, "the term ends before it starts (" + to_string(out.start) + ")", *t.get("end"),
                 join(path, "end"));
        if (const toml::node* v = t.get("extensions")) out.extensions = whole(*v, join(path, "extensions"), 0, 100);
        if (const toml::node* v = t.get("extension_months"))
            out.extension_months = whole(*v, join(path, "extension_months"), 1, 1200);
        if (out.extensions > 0 && !t.contains("extension_months"))
            fail(errc::missing_key, "missing key 'extension_months' in [term]: how long is each extension?", t,
                 join(path, "extension_months"));
        if (const toml::node* v = t.get("break_dates")) out.break_dates = dates(*v, join(path, "break_dates"));
        if (const toml::node* v = t.get("notice_days")) out.notice_days = whole(*v, join(path, "notice_days"), 0, 3650);
        return out;
    }

    payment_terms payment(const toml::node& n) {
        const std::string path = "payment";
        const toml::table& t = table(n, path);
        keys(t, path, {"due_days", "invoice_cycle"});
        payment_terms p;
        if (const toml::node* v = t.get("due_days")) p.due_days = whole(*v, join(path, "due_days"), 0, 365);
        if (const toml::node* v = t.get("invoice_cycle"))
            p.invoice_cycle = std::string(one_of(*v, join(path, "invoice_cycle"), "invoice cycle", {"monthly"}) == 0
                                              ? "monthly"
                                              : "");
        return p;
    }

    vat_treatment treatment(const toml::node& n, const std::string& path) {
        return pick<vat_treatment>(*this, n, path, "VAT treatment",
                                   {"standard", "zero_rated", "exempt", "outside_scope", "reduced"});
    }

    price_line price(const toml::table& t, const std::string& path) {
        keys(t, path, {"code", "description", "basis", "unit_price", "unit", "vat"});
        price_line p;
        p.code = text(need(t, path, "code"), join(path, "code"));
        if (const toml::node* v = t.get("description")) p.description = text(*v, join(path, "description"));
        p.basis = pick<price_basis>(*this, need(t, path, "basis"), join(path, "basis"), "price basis",
                                    {"periodic_fee", "schedule_of_rates", "per_job"});
        p.unit_price = amount(need(t, path, "unit_price"), join(path, "unit_price"));
        if (const toml::node* v = t.get("unit")) p.unit = text(*v, join(path, "unit"));
        p.vat = treatment(need(t, path, "vat", "say how VAT applies: standard, zero_rated, exempt, outside_scope or "
                                               "reduced"),
                          join(path, "vat"));
        return p;
    }

    vat_rate rate(const toml::table& t, const std::string& path) {
        keys(t, path, {"treatment", "from", "percent", "source"});
        vat_rate r;
        const std::string tp = join(path, "treatment");
        r.treatment = treatment(need(t, path, "treatment"), tp);
        if (r.treatment != vat_treatment::standard && r.treatment != vat_treatment::reduced)
            fail(errc::invalid_value, "only the standard and reduced treatments have rates", *t.get("treatment"), tp);
        r.from = day(need(t, path, "from"), join(path, "from"));
        r.percent = fraction(need(t, path, "percent"), join(path, "percent"));
        if (r.percent.sign() < 0 || r.percent > 100)
            fail(errc::invalid_value, "a VAT rate is a percentage from 0 to 100", *t.get("percent"),
                 join(path, "percent"));
        r.source = text(need(t, path, "source", "say where the rate comes from"), join(path, "source"));
        return r;
    }

    rounding round_mode(const toml::node& n, const std::string& path) {
        return pick<rounding>(*this, n, path, "rounding mode",
                              {"floor", "ceil", "truncate", "half_up", "half_even", "never"});
    }

    void settings(const toml::node& n, contract_document& d) {
        const std::string path = "settings";
        const toml::table& t = table(n, path);
        keys(t, path, {"vat_rounding", "credit_rounding", "line_rounding", "bank_holidays", "homes"});
        if (const toml::node* v = t.get("vat_rounding"))
            d.vat_policy = pick<vat_rounding>(*this, *v, join(path, "vat_rounding"), "VAT rounding policy",
                                              {"vat_line_half_up", "vat_invoice_round_down"});
        if (const toml::node* v = t.get("credit_rounding")) d.credit_rounding = round_mode(*v, join(path, "credit_rounding"));
        if (const toml::node* v = t.get("line_rounding")) d.line_rounding = round_mode(*v, join(path, "line_rounding"));
        if (const toml::node* v = t.get("bank_holidays")) d.bank_holidays = dates(*v, join(path, "bank_holidays"));
        if (const toml::node* v = t.get("homes")) d.homes = whole(*v, join(path, "homes"), 1, 10'000'000);
    }

    timescale scale(const toml::node& n, const std::string& path) {
        const toml::table& t = table(n, path, "a timescale such as { amount = 3, unit = \"working_days\" }");
        keys(t, path, {"amount", "unit", "first_day"});
        timescale s;
        s.amount = whole(need(t, path, "amount"), join(path, "amount"), 0, 100'000);
        s.unit = pick<time_unit>(*this, need(t, path, "unit"), join(path, "unit"), "time unit",
                                 {"hours", "calendar_days", "working_days"});
        if (const toml::node* v = t.get("first_day"))
            s.first_day = pick<day_one>(*this, *v, join(path, "first_day"), "first day", {"day_after", "same_day"});
        return s;
    }

    priority priority_of(const toml::table& t, const std::string& path) {
        keys(t, path, {"code", "name", "target"});
        priority p;
        p.code = text(need(t, path, "code"), join(path, "code"));
        if (const toml::node* v = t.get("name")) p.name = text(*v, join(path, "name"));
        p.target = scale(need(t, path, "target"), join(path, "target"));
        return p;
    }

    kpi_definition kpi(const toml::table& t, const std::string& path) {
        keys(t, path,
             {"id", "title", "measure", "better", "targets", "bands", "priorities", "counting", "grades", "elements",
              "satisfied_from", "unit"});
        kpi_definition k;
        k.id = text(need(t, path, "id"), join(path, "id"));
        k.title = text(need(t, path, "title"), join(path, "title"));
        k.measure = pick<kpi_measure>(*this, need(t, path, "measure"), join(path, "measure"), "KPI measure",
                                      {"on_time_share", "average_time", "per_thousand_homes", "acceptable_share",
                                       "right_first_time", "satisfied_share", "reading"});
        if (const toml::node* v = t.get("better"))
            k.better = pick<direction>(*this, *v, join(path, "better"), "direction", {"higher", "lower"});
        else if (k.measure == kpi_measure::average_time || k.measure == kpi_measure::per_thousand_homes)
            k.better = direction::lower_is_better;
        const std::string targets_path = join(path, "targets");
        const toml::array& targets =
            array(need(t, path, "targets", "add targets = [{ from = 2025-04-01, value = \"95\" }]"), targets_path,
                  "an array of targets such as [{ from = 2025-04-01, value = \"95\" }]");
        if (targets.empty()) fail(errc::invalid_value, "a KPI needs at least one target", targets, targets_path);
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const std::string item = element(targets_path, i);
            const toml::table& target = table(targets[i], item, "a target such as { from = 2025-04-01, value = \"95\" }");
            keys(target, item, {"from", "value"});
            k.targets.push_back({day(need(target, item, "from"), join(item, "from")),
                                 fraction(need(target, item, "value"), join(item, "value"))});
        }
        if (const toml::node* v = t.get("bands")) {
            const std::string bp = join(path, "bands");
            const toml::table& b = table(*v, bp, "bands such as { approaching = \"3\", requires_improvement = \"10\" }");
            keys(b, bp, {"approaching", "requires_improvement"});
            if (const toml::node* w = b.get("approaching")) k.bands.approaching = fraction(*w, join(bp, "approaching"));
            if (const toml::node* w = b.get("requires_improvement"))
                k.bands.requires_improvement = fraction(*w, join(bp, "requires_improvement"));
            if (k.bands.requires_improvement < k.bands.approaching)
                fail(errc::invalid_value, "requires_improvement must reach at least as far as approaching", b, bp);
        }
        if (const toml::node* v = t.get("priorities")) k.priorities = strings(*v, join(path, "priorities"));
        if (const toml::node* v = t.get("counting"))
            k.counting = pick<duration_count>(*this, *v, join(path, "counting"), "day-counting convention",
                                              {"hours", "calendar_days_inclusive", "calendar_days", "working_days"});
        if (const toml::node* v = t.get("grades")) {
            const std::string gp = join(path, "grades");
            const toml::table& g = table(*v, gp, "a grade scheme such as { name = \"EPA\", grades = [\"A\", \"B\"], "
                                                 "acceptable = [\"A\"] }");
            keys(g, gp, {"name", "grades", "acceptable"});
            grade_scheme s;
            s.name = text(need(g, gp, "name"), join(gp, "name"));
            s.grades = strings(need(g, gp, "grades"), join(gp, "grades"));
            s.acceptable = strings(need(g, gp, "acceptable"), join(gp, "acceptable"));
            for (std::size_t i = 0; i < s.acceptable.size(); ++i)
                if (std::find(s.grades.begin(), s.grades.end(), s.acceptable[i]) == s.grades.end())
                    fail_at(errc::invalid_value, "'" + s.acceptable[i] + "' is not one of the scheme's grades",
                            element(join(gp, "acceptable"), i));
            k.grades = std::move(s);
        } else if (k.measure == kpi_measure::acceptable_share) {
            fail(errc::missing_key, "missing key 'grades' in [" + path + "]: an acceptable_share KPI needs a grade scheme",
                 t, join(path, "grades"));
        }
        if (const toml::node* v = t.get("elements")) k.elements = strings(*v, join(path, "elements"));
        if (const toml::node* v = t.get("satisfied_from")) k.satisfied_from = whole(*v, join(path, "satisfied_from"), 1, 5);
        if (const toml::node* v = t.get("unit")) k.unit = text(*v, join(path, "unit"));
        return k;
    }

    credit_term credit(const toml::table& t, const std::string& path) {
        keys(t, path, {"kpi", "percent_per_point", "tiers", "fee_basis"});
        credit_term c;
        c.kpi_id = text(need(t, path, "kpi"), join(path, "kpi"));
        const toml::node* linear = t.get("percent_per_point");
        const toml::node* tiers = t.get("tiers");
        if ((linear == nullptr) == (tiers == nullptr))
            fail(errc::invalid_value,
                 "a credit term has either percent_per_point (a shortfall rule) or tiers (a tiered rule)", t, path);
        if (linear != nullptr) {
            const rational pct = fraction(*linear, join(path, "percent_per_point"));
            if (pct.sign() < 0) fail(errc::invalid_value, "a credit per point cannot be negative", *linear, join(path, "percent_per_point"));
            c.rule = shortfall_rule{pct};
        } else {
            const std::string tp = join(path, "tiers");
            const toml::array& a = array(*tiers, tp, "an array of tiers such as [{ threshold = \"95\", percent = \"2\" }]");
            if (a.empty()) fail(errc::invalid_value, "a tiered rule needs at least one tier", a, tp);
            tiered_rule rule;
            for (std::size_t i = 0; i < a.size(); ++i) {
                const std::string item = element(tp, i);
                const toml::table& tier = table(a[i], item, "a tier such as { threshold = \"95\", percent = \"2\" }");
                keys(tier, item, {"threshold", "percent"});
                credit_tier ct{fraction(need(tier, item, "threshold"), join(item, "threshold")),
                               fraction(need(tier, item, "percent"), join(item, "percent"))};
                if (ct.credit_percent.sign() < 0)
                    fail(errc::invalid_value, "a tier's credit cannot be negative", *tier.get("percent"), join(item, "percent"));
                rule.tiers.push_back(std::move(ct));
            }
            c.rule = std::move(rule);
        }
        if (const toml::node* v = t.get("fee_basis")) c.fee_basis = amount(*v, join(path, "fee_basis"));
        return c;
    }

    credit_caps caps(const toml::node& n) {
        const std::string path = "credit_caps";
        const toml::table& t = table(n, path);
        keys(t, path, {"monthly_percent", "annual_percent"});
        credit_caps c;
        for (std::string_view key : {"monthly_percent", "annual_percent"}) {
            const toml::node* v = t.get(key);
            if (v == nullptr) continue;
            const rational pct = fraction(*v, join(path, key));
            if (pct.sign() < 0 || pct > 100)
                fail(errc::invalid_value, "a cap is a percentage from 0 to 100", *v, join(path, key));
            (key == "monthly_percent" ? c.monthly_percent : c.annual_percent) = pct;
        }
        return c;
    }

    // The performance-points regime (credits.hpp): categories with points and rectification periods, repeat
    // multipliers, the free threshold, the value of a point and a cap.
    points_regime points(const toml::node& n) {
        const std::string path = "points";
        const toml::table& t = table(n, path);
        keys(t, path, {"threshold", "value_per_point", "cap_percent", "repeat_multipliers", "categories"});
        points_regime p;
        p.threshold = fraction(need(t, path, "threshold", "give the points allowed free, e.g. threshold = \"10\""),
                               join(path, "threshold"));
        if (p.threshold.sign() < 0)
            fail(errc::invalid_value, "a threshold cannot be negative", *t.get("threshold"), join(path, "threshold"));
        p.value_per_point = amount(need(t, path, "value_per_point"), join(path, "value_per_point"));
        if (p.value_per_point.pence() < 0)
            fail(errc::invalid_value, "a point cannot be worth less than nothing", *t.get("value_per_point"),
                 join(path, "value_per_point"));
        if (const toml::node* v = t.get("cap_percent")) {
            p.cap_percent = fraction(*v, join(path, "cap_percent"));
            if (p.cap_percent->sign() < 0 || *p.cap_percent > 100)
                fail(errc::invalid_value, "a cap is a percentage from 0 to 100", *v, join(path, "cap_percent"));
        }
        if (const toml::node* v = t.get("repeat_multipliers")) {
            const std::string mp = join(path, "repeat_multipliers");
            const toml::array& a = array(*v, mp, "multipliers for the 1st, 2nd, ... repeat such as [\"1\", \"1.5\", \"2\"]");
            for (std::size_t i = 0; i < a.size(); ++i) {
                p.repeat_multipliers.push_back(fraction(a[i], element(mp, i)));
                if (p.repeat_multipliers.back().sign() < 0)
                    fail(errc::invalid_value, "a multiplier cannot be negative", a[i], element(mp, i));
            }
        }
        each_table(need(t, path, "categories", "add the failure kinds as [[points.categories]] tables"),
                   join(path, "categories"), [&](const toml::table& c, const std::string& cp) {
                       keys(c, cp, {"code", "description", "points", "rectification"});
                       failure_category f;
                       f.code = text(need(c, cp, "code"), join(cp, "code"));
                       if (const toml::node* w = c.get("description")) f.description = text(*w, join(cp, "description"));
                       f.points = fraction(need(c, cp, "points"), join(cp, "points"));
                       if (f.points.sign() < 0)
                           fail(errc::invalid_value, "points cannot be negative", *c.get("points"), join(cp, "points"));
                       f.rectification = scale(need(c, cp, "rectification", "give the time allowed to put it right, "
                                                                           "e.g. { amount = 1, unit = \"working_days\" }"),
                                               join(cp, "rectification"));
                       for (const failure_category& other : p.categories)
                           if (other.code == f.code)
                               fail(errc::invalid_value, "code '" + f.code + "' is defined twice", *c.get("code"),
                                    join(cp, "code"));
                       p.categories.push_back(std::move(f));
                   });
        if (p.categories.empty()) fail(errc::invalid_value, "a points regime needs at least one category", t, path);
        return p;
    }

    continuation_link continuation(const toml::node& n) {
        const std::string path = "continuation";
        const toml::table& t = table(n, path);
        keys(t, path, {"ballot", "last_held", "every_months"});
        continuation_link link;
        link.ballot = text(need(t, path, "ballot"), join(path, "ballot"));
        link.last_held = day(need(t, path, "last_held"), join(path, "last_held"));
        link.every_months = whole(need(t, path, "every_months"), join(path, "every_months"), 1, 1200);
        return link;
    }

    lifecycle_event event(const toml::table& t, const std::string& path) {
        keys(t, path, {"on", "action", "note"});
        lifecycle_event e;
        e.on = day(need(t, path, "on"), join(path, "on"));
        e.action = pick<lifecycle_action>(
            *this, need(t, path, "action"), join(path, "action"), "lifecycle action",
            {"tender", "award", "start", "supervise", "release", "suspend", "resume", "renew", "terminate", "expire"});
        if (const toml::node* v = t.get("note")) e.note = text(*v, join(path, "note"));
        return e;
    }

    ocds_publication ocds(const toml::node& n) {
        const std::string path = "ocds";
        const toml::table& t = table(n, path);
        keys(t, path, {"ocid", "publisher", "uri", "license"});
        ocds_publication o;
        o.ocid = text(need(t, path, "ocid"), join(path, "ocid"));
        if (!o.ocid.starts_with("ocds-"))
            fail(errc::invalid_value, "an ocid starts with a registered prefix such as \"ocds-xxxxxx-\"", *t.get("ocid"),
                 join(path, "ocid"));
        const std::string pp = join(path, "publisher");
        const toml::table& p = table(need(t, path, "publisher"), pp, "a publisher such as { name = \"Riverside TMO\" }");
        keys(p, pp, {"name", "scheme", "uid"});
        o.publisher_name = text(need(p, pp, "name"), join(pp, "name"));
        if (const toml::node* v = p.get("scheme")) o.publisher_scheme = text(*v, join(pp, "scheme"));
        if (const toml::node* v = p.get("uid")) o.publisher_uid = text(*v, join(pp, "uid"));
        o.uri = text(need(t, path, "uri"), join(path, "uri"));
        if (const toml::node* v = t.get("license")) o.license = text(*v, join(path, "license"));
        return o;
    }

    data_files data(const toml::node& n) {
        const std::string path = "data";
        const toml::table& t = table(n, path);
        keys(t, path, {"jobs", "inspections", "readings", "failures"});
        data_files f;
        if (const toml::node* v = t.get("jobs")) f.jobs = text(*v, join(path, "jobs"));
        if (const toml::node* v = t.get("inspections")) f.inspections = text(*v, join(path, "inspections"));
        if (const toml::node* v = t.get("readings")) f.readings = text(*v, join(path, "readings"));
        if (const toml::node* v = t.get("failures")) f.failures = text(*v, join(path, "failures"));
        return f;
    }

    // The council's allowance to the TMO (allowance.hpp): stock, headings, committee formula, index, phasing.
    allowance_terms allowance(const toml::node& n) {
        const std::string path = "allowance";
        const toml::table& t = table(n, path);
        keys(t, path,
             {"year", "council_stock", "tmo_homes", "rounding", "current", "index", "phasing", "committee", "headings"});
        allowance_terms a;
        if (const toml::node* v = t.get("year")) a.year = text(*v, join(path, "year"));
        a.council_stock = whole(need(t, path, "council_stock", "give the council's rented stock, e.g. council_stock = 13058"),
                                join(path, "council_stock"), 1, 100'000'000);
        a.tmo_homes = homes_within(t, path, "tmo_homes", a.council_stock);
        if (const toml::node* v = t.get("rounding")) a.mode = round_mode(*v, join(path, "rounding"));
        if (const toml::node* v = t.get("current")) a.current = non_negative(*v, join(path, "current"));
        if (const toml::node* v = t.get("index")) {
            const std::string ip = join(path, "index");
            const toml::table& i = table(*v, ip, "an index such as { name = \"CPI\", percent = \"1.7\" }");
            keys(i, ip, {"name", "percent"});
            a.index = allowance_index{text(need(i, ip, "name"), join(ip, "name")),
                                      fraction(need(i, ip, "percent"), join(ip, "percent"))};
            if (a.index->percent <= -100)
                fail(errc::invalid_value, "an index cannot fall by 100% or more", *i.get("percent"), join(ip, "percent"));
            if (!a.current)
                fail(errc::missing_key, "missing key 'current' in [allowance]: the index applies to the current allowance",
                     t, join(path, "current"));
        }
        if (const toml::node* v = t.get("phasing")) a.phasing = phasing(*v, join(path, "phasing"), t, a);
        if (const toml::node* v = t.get("committee")) {
            const std::string cp = join(path, "committee");
            const toml::table& c = table(*v, cp, "a formula such as { fixed = \"5000.00\", per_home = \"10.00\" }");
            keys(c, cp, {"fixed", "per_home", "source"});
            committee_formula f;
            f.fixed = non_negative(need(c, cp, "fixed"), join(cp, "fixed"));
            f.per_home = non_negative(need(c, cp, "per_home"), join(cp, "per_home"));
            if (const toml::node* w = c.get("source")) f.source = text(*w, join(cp, "source"));
            a.committee = std::move(f);
        }
        if (const toml::node* v = t.get("headings"))
            each_table(*v, join(path, "headings"), [&](const toml::table& h, const std::string& hp) {
                keys(h, hp, {"name", "basis", "spend", "stock", "homes"});
                allowance_heading out;
                out.name = text(need(h, hp, "name"), join(hp, "name"));
                if (const toml::node* w = h.get("basis")) out.basis = text(*w, join(hp, "basis"));
                out.council_spend = non_negative(need(h, hp, "spend", "give the council's spend on the heading"),
                                                 join(hp, "spend"));
                if (const toml::node* w = h.get("stock")) out.stock = whole(*w, join(hp, "stock"), 1, 100'000'000);
                if (h.contains("homes")) out.homes = homes_within(h, hp, "homes", out.stock.value_or(a.council_stock));
                else if (a.tmo_homes > out.stock.value_or(a.council_stock))
                    fail(errc::invalid_value, "the heading's stock is smaller than the TMO's homes: give its homes too",
                         *h.get("stock"), join(hp, "stock"));
                a.headings.push_back(std::move(out));
            });
        if (a.headings.empty() && !a.committee && !a.current)
            fail(errc::missing_key, "an [allowance] needs [[allowance.headings]], a committee formula or a current allowance",
                 t, path);
        return a;
    }

    std::int64_t homes_within(const toml::table& t, const std::string& path, std::string_view key, std::int64_t stock) {
        const toml::node& v = need(t, path, key);
        const std::int64_t homes = whole(v, join(path, key), 0, 100'000'000);
        if (homes > stock)
            fail(errc::invalid_value, "the TMO's " + std::to_string(homes) + " homes are more than the stock of " +
                                          std::to_string(stock), v, join(path, key));
        return homes;
    }

    money non_negative(const toml::node& n, const std::string& path) {
        const money m = amount(n, path);
        if (m.pence() < 0) fail(errc::invalid_value, "expected an amount of zero or more", n, path);
        return m;
    }

    phasing_rule phasing(const toml::node& n, const std::string& path, const toml::table& parent, const allowance_terms& a) {
        const toml::table& t = table(n, path, "a rule such as { threshold_percent = \"5\", years = 3 }");
        keys(t, path, {"threshold_percent", "inclusive", "years", "steps"});
        phasing_rule p;
        p.threshold_percent = fraction(need(t, path, "threshold_percent"), join(path, "threshold_percent"));
        if (p.threshold_percent.sign() < 0)
            fail(errc::invalid_value, "a threshold cannot be negative", *t.get("threshold_percent"),
                 join(path, "threshold_percent"));
        if (const toml::node* v = t.get("inclusive")) p.inclusive = flag(*v, join(path, "inclusive"));
        p.years = whole(need(t, path, "years"), join(path, "years"), 1, 50);
        if (const toml::node* v = t.get("steps")) {
            const std::string sp = join(path, "steps");
            const toml::array& steps = array(*v, sp, "cumulative shares such as [\"1/3\", \"2/3\", \"1\"]");
            for (std::size_t i = 0; i < steps.size(); ++i) {
                p.steps.push_back(fraction(steps[i], element(sp, i)));
                if (p.steps.back().sign() <= 0 || p.steps.back() > 1 || (i > 0 && p.steps[i] <= p.steps[i - 1]))
                    fail(errc::invalid_value, "each step is a share of the change reached by then, above the last and "
                                              "at most 1", steps[i], element(sp, i));
            }
            if (static_cast<std::int64_t>(p.steps.size()) != p.years || p.steps.empty() || p.steps.back() != 1)
                fail(errc::invalid_value, "give one step a year (" + std::to_string(p.years) + "), the last \"1\"", steps, sp);
        }
        if (!a.current)
            fail(errc::missing_key, "missing key 'current' in [allowance]: phasing starts from the current allowance",
                 parent, "allowance.current");
        return p;
    }

    // Names defined twice, and references to things not defined.
    void check(contract_document& d) {
        const service_contract& c = d.contract;
        const auto unique = [&](const auto& items, const std::string& list, const char* key, auto&& name_of) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < items.size(); ++i)
                if (!seen.insert(name_of(items[i])).second)
                    fail_at(errc::invalid_value, std::string(key) + " '" + name_of(items[i]) + "' is defined twice",
                            join(element(list, i), key));
        };
        unique(c.parties, "parties", "id", [](const party& p) { return p.id; });
        unique(c.prices, "prices", "code", [](const price_line& p) { return p.code; });
        unique(c.priorities, "priorities", "code", [](const priority& p) { return p.code; });
        unique(c.kpis, "kpis", "id", [](const kpi_definition& k) { return k.id; });
        for (std::size_t i = 0; i < c.kpis.size(); ++i) {
            const kpi_definition& k = c.kpis[i];
            const std::string path = element("kpis", i);
            for (std::size_t j = 0; j < k.priorities.size(); ++j)
                if (std::none_of(c.priorities.begin(), c.priorities.end(),
                                 [&](const priority& p) { return p.code == k.priorities[j]; }))
                    fail_at(errc::not_found, "priority '" + k.priorities[j] + "' is not defined in [[priorities]]",
                            element(join(path, "priorities"), j));
            if (k.measure == kpi_measure::on_time_share && c.priorities.empty())
                fail_at(errc::missing_key, "KPI " + k.id + " counts jobs on time: define [[priorities]] with targets",
                        join(path, "measure"));
            if (k.measure == kpi_measure::per_thousand_homes && !d.homes)
                fail_at(errc::missing_key, "KPI " + k.id + " is per 1,000 homes: set homes in [settings]",
                        join(path, "measure"));
        }
        for (std::size_t i = 0; i < c.credits.size(); ++i)
            if (std::none_of(c.kpis.begin(), c.kpis.end(),
                             [&](const kpi_definition& k) { return k.id == c.credits[i].kpi_id; }))
                fail_at(errc::not_found, "KPI '" + c.credits[i].kpi_id + "' is not defined in [[kpis]]",
                        join(element("credits", i), "kpi"));
        if (!d.files.failures.empty() && !c.points)
            fail_at(errc::invalid_value, "a failures file is scored by a performance-points regime: add [points]",
                    join("data", "failures"));
        if (d.allowance && c.kind != contract_kind::management_agreement)
            fail_at(errc::invalid_value, "only a management agreement has an [allowance]", "allowance");
        if (d.continuation && c.kind != contract_kind::management_agreement)
            fail_at(errc::invalid_value, "only a management agreement has a continuation ballot", "continuation");
        result<lifecycle> history = replay(c, d.events, d.continuation);
        if (!history) fail_at(history.error().code(), history.error().message(), history.error().where().key_path);
        d.history = std::move(*history);
    }
};

class tender_reader : public detail::toml_reader {
public:
    using toml_reader::toml_reader;

    tender_document read(const toml::table& root) {
        mark("", root);
        keys(root, "", {"tender", "criteria", "bids", "sheets", "moderation"});
        tender_document d;
        head(need(root, "", "tender", "add a [tender] table with reference, title and formula"), d);
        each_table(need(root, "", "criteria", "add the quality criteria as [[criteria]] tables"), "criteria",
                 [&](const toml::table& t, const std::string& p) { d.model.criteria.push_back(criterion(t, p)); });
        each_table(need(root, "", "bids", "add the bids as [[bids]] tables"), "bids",
                 [&](const toml::table& t, const std::string& p) {
                     keys(t, p, {"bidder", "price"});
                     d.bids.push_back({text(need(t, p, "bidder"), join(p, "bidder")),
                                       amount(need(t, p, "price"), join(p, "price"))});
                     if (d.bids.back().price.pence() <= 0)
                         fail(errc::invalid_value, "a price must be more than zero", *t.get("price"), join(p, "price"));
                     for (std::size_t i = 0; i + 1 < d.bids.size(); ++i)
                         if (d.bids[i].bidder == d.bids.back().bidder)
                             fail(errc::invalid_value, "bidder '" + d.bids.back().bidder + "' has two bids",
                                  *t.get("bidder"), join(p, "bidder"));
                 });
        if (const toml::node* n = root.get("sheets"))
            each_table(*n, "sheets", [&](const toml::table& t, const std::string& p) { sheet(t, p, d); });
        if (const toml::node* n = root.get("moderation"))
            each_table(*n, "moderation", [&](const toml::table& t, const std::string& p) {
                keys(t, p, {"criterion", "bidder", "score", "rationale"});
                consensus c;
                c.criterion = known_criterion(t, p, d);
                c.bidder = known_bidder(t, p, d);
                c.score = fraction(need(t, p, "score"), join(p, "score"));
                c.rationale = text(need(t, p, "rationale", "record why the panel agreed this score"), join(p, "rationale"));
                d.moderation.push_back(std::move(c));
            });
        return d;
    }

private:
    void head(const toml::node& n, tender_document& d) {
        const std::string path = "tender";
        const toml::table& t = table(n, path);
        keys(t, path, {"reference", "title", "formula", "price_weight", "benchmark_price", "abnormally_low"});
        d.reference = text(need(t, path, "reference"), join(path, "reference"));
        d.title = text(need(t, path, "title"), join(path, "title"));
        d.model.formula = pick<price_formula>(*this, need(t, path, "formula"), join(path, "formula"), "price formula",
                                              {"relative_to_lowest", "linear_interpolation", "mean_based", "benchmark",
                                               "price_per_quality_point"});
        if (const toml::node* v = t.get("price_weight")) d.model.price_weight = fraction(*v, join(path, "price_weight"));
        if (const toml::node* v = t.get("benchmark_price"))
            d.model.benchmark_price = amount(*v, join(path, "benchmark_price"));
        if (d.model.formula == price_formula::benchmark && !d.model.benchmark_price)
            fail(errc::missing_key, "missing key 'benchmark_price' in [tender]: the benchmark formula needs it", t,
                 join(path, "benchmark_price"));
        if (const toml::node* v = t.get("abnormally_low")) {
            const std::string ap = join(path, "abnormally_low");
            const toml::table& a = table(*v, ap, "a rule such as { percent_below = \"20\" }");
            keys(a, ap, {"percent_below", "estimate"});
            abnormally_low_rule rule;
            rule.percent_below = fraction(need(a, ap, "percent_below"), join(ap, "percent_below"));
            if (const toml::node* w = a.get("estimate")) rule.estimate = amount(*w, join(ap, "estimate"));
            d.model.abnormally_low = rule;
        }
    }

    quality_criterion criterion(const toml::table& t, const std::string& path) {
        keys(t, path, {"id", "title", "weight", "max_score", "minimum_score", "failing_disqualifies", "resident_panel"});
        quality_criterion q;
        q.id = text(need(t, path, "id"), join(path, "id"));
        q.title = text(need(t, path, "title"), join(path, "title"));
        q.weight = fraction(need(t, path, "weight"), join(path, "weight"));
        if (q.weight.sign() < 0) fail(errc::invalid_value, "a weight cannot be negative", *t.get("weight"), join(path, "weight"));
        if (const toml::node* v = t.get("max_score")) q.max_score = fraction(*v, join(path, "max_score"));
        if (q.max_score.sign() <= 0)
            fail(errc::invalid_value, "the top of the scale must be more than zero", *t.get("max_score"),
                 join(path, "max_score"));
        if (const toml::node* v = t.get("minimum_score")) q.minimum_score = fraction(*v, join(path, "minimum_score"));
        if (const toml::node* v = t.get("failing_disqualifies"))
            q.failing_disqualifies = flag(*v, join(path, "failing_disqualifies"));
        if (const toml::node* v = t.get("resident_panel")) q.resident_panel = flag(*v, join(path, "resident_panel"));
        return q;
    }

    std::string known_criterion(const toml::table& t, const std::string& path, const tender_document& d) {
        std::string id = text(need(t, path, "criterion"), join(path, "criterion"));
        if (std::none_of(d.model.criteria.begin(), d.model.criteria.end(),
                         [&](const quality_criterion& q) { return q.id == id; }))
            fail(errc::not_found, "criterion '" + id + "' is not defined in [[criteria]]", *t.get("criterion"),
                 join(path, "criterion"));
        return id;
    }

    std::string known_bidder(const toml::table& t, const std::string& path, const tender_document& d) {
        std::string name = text(need(t, path, "bidder"), join(path, "bidder"));
        if (std::none_of(d.bids.begin(), d.bids.end(), [&](const bid& b) { return b.bidder == name; }))
            fail(errc::not_found, "bidder '" + name + "' has no bid in [[bids]]", *t.get("bidder"), join(path, "bidder"));
        return name;
    }

    // One evaluator's score sheet for one bid: scores = { Q1 = "4", Q2 = 3 }, comments = { Q1 = "..." }.
    void sheet(const toml::table& t, const std::string& path, tender_document& d) {
        keys(t, path, {"evaluator", "bidder", "scores", "comments"});
        const std::string evaluator = text(need(t, path, "evaluator"), join(path, "evaluator"));
        const std::string bidder = known_bidder(t, path, d);
        const std::string sp = join(path, "scores");
        const toml::table& scores = table(need(t, path, "scores"), sp, "scores by criterion such as { Q1 = \"4\" }");
        const toml::table* comments = nullptr;
        if (const toml::node* v = t.get("comments"))
            comments = &table(*v, join(path, "comments"), "comments by criterion such as { Q1 = \"clear method\" }");
        for (auto&& [key, node] : scores) {
            const std::string id(key.str());
            const std::string kp = join(sp, id);
            if (std::none_of(d.model.criteria.begin(), d.model.criteria.end(),
                             [&](const quality_criterion& q) { return q.id == id; }))
                fail(errc::not_found, "criterion '" + id + "' is not defined in [[criteria]]", key.source().begin, kp);
            contract::mark m{evaluator, id, bidder, fraction(node, kp), {}};
            if (comments != nullptr)
                if (const toml::node* c = comments->get(id)) m.comment = text(*c, join(join(path, "comments"), id));
            d.marks.push_back(std::move(m));
        }
        if (comments != nullptr)
            for (auto&& [key, node] : *comments)
                if (!scores.contains(key.str()))
                    fail(errc::unknown_key, "a comment on '" + std::string(key.str()) + "', which this sheet does not score",
                         key.source().begin, join(join(path, "comments"), key.str()));
    }
};

template <class Reader, class Document>
result<Document> parse_with(std::string_view text, std::string_view source_name, const detail::toml_limits& limits) {
    const std::string file(source_name);
    result<toml::table> root = detail::parse_toml(text, file, limits);
    if (!root) return unexpected(root.error());
    Reader r(file);
    try {
        return r.read(*root);
    } catch (const detail::toml_stop& s) {
        return unexpected(s.err);
    }
}

// Checks the loaded performance data against the contract, pointing at the CSV row in error.
result<void> check_data(const contract_document& d) {
    const service_contract& c = d.contract;
    // A contract without per-job prices (a management agreement reading the repairs data) charges no job.
    const bool charges_jobs = std::any_of(c.prices.begin(), c.prices.end(),
                                          [](const price_line& p) { return p.basis != price_basis::periodic_fee; });
    for (const job_record& j : d.jobs) {
        if (std::none_of(c.priorities.begin(), c.priorities.end(),
                         [&](const priority& p) { return p.code == j.job.priority; }))
            return unexpected(errc::not_found,
                              "job " + j.job.reference + " has priority '" + j.job.priority +
                                  "', which the contract does not define",
                              j.where);
        if (!j.price_code.empty() && charges_jobs &&
            std::none_of(c.prices.begin(), c.prices.end(), [&](const price_line& p) { return p.code == j.price_code; }))
            return unexpected(errc::not_found,
                              "job " + j.job.reference + " has price code '" + j.price_code +
                                  "', which is not in the price schedule",
                              j.where);
    }
    for (const kpi_reading& r : d.readings) {
        const auto k = std::find_if(c.kpis.begin(), c.kpis.end(), [&](const kpi_definition& x) { return x.id == r.kpi_id; });
        if (k == c.kpis.end() || k->measure != kpi_measure::reading)
            return unexpected(errc::not_found, "a reading of '" + r.kpi_id + "', which is not a reading KPI of the contract",
                              r.where);
    }
    for (const kpi_definition& k : c.kpis) {
        if (k.measure != kpi_measure::acceptable_share) continue;
        for (const inspection& i : d.inspections) {
            if (!k.elements.empty() && std::find(k.elements.begin(), k.elements.end(), i.element) == k.elements.end())
                continue;
            if (std::find(k.grades->grades.begin(), k.grades->grades.end(), i.grade) == k.grades->grades.end())
                return unexpected(errc::invalid_value,
                                  "inspection " + i.reference + " has grade '" + i.grade + "', which is not a grade of " +
                                      k.grades->name + " (KPI " + k.id + ")",
                                  i.where);
        }
    }
    return {};
}

// Reads a CSV data file named in the contract, relative to the contract's folder.
template <class T, class Read>
result<std::vector<T>> data_file(const std::filesystem::path& folder, const std::string& name, Read&& read) {
    const std::string path = (folder / name).lexically_normal().string();
    result<std::string> text = read_csv_file(path);
    if (!text) return unexpected(text.error());
    return read(*text, path);
}

}  // namespace

result<contract_document> parse_contract(std::string_view toml_text, std::string_view source_name) {
    return parse_with<contract_reader, contract_document>(toml_text, source_name, contract_limits);
}

result<contract_document> load_contract(const std::filesystem::path& file) {
    result<std::string> text = detail::read_text_file(file, max_contract_bytes);
    if (!text) return unexpected(text.error());
    result<contract_document> d = parse_contract(*text, file.string());
    if (!d) return d;
    const std::filesystem::path folder = file.parent_path();
    if (!d->files.jobs.empty()) {
        auto jobs = data_file<job_record>(folder, d->files.jobs, read_jobs_csv);
        if (!jobs) return unexpected(jobs.error());
        d->jobs = std::move(*jobs);
    }
    if (!d->files.inspections.empty()) {
        auto inspections = data_file<inspection>(folder, d->files.inspections, read_inspections_csv);
        if (!inspections) return unexpected(inspections.error());
        d->inspections = std::move(*inspections);
    }
    if (!d->files.readings.empty()) {
        auto readings = data_file<kpi_reading>(folder, d->files.readings, read_readings_csv);
        if (!readings) return unexpected(readings.error());
        d->readings = std::move(*readings);
    }
    if (!d->files.failures.empty()) {
        const auto read = [&](std::string_view csv, std::string_view source) {
            return read_failures_csv(csv, source, d->contract.points->categories);
        };
        auto failures = data_file<failure_event>(folder, d->files.failures, read);
        if (!failures) return unexpected(failures.error());
        d->failures = std::move(*failures);
    }
    if (result<void> ok = check_data(*d); !ok) return unexpected(ok.error());
    return d;
}

result<tender_document> parse_tender(std::string_view toml_text, std::string_view source_name) {
    return parse_with<tender_reader, tender_document>(toml_text, source_name, tender_limits);
}

result<tender_document> load_tender(const std::filesystem::path& file) {
    result<std::string> text = detail::read_text_file(file, max_contract_bytes);
    if (!text) return unexpected(text.error());
    return parse_tender(*text, file.string());
}

}  // namespace contract
}  // namespace v1
}  // namespace tmo
