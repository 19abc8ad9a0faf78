#include <tmo/budget/explain.hpp>
#include <tmo/core/text.hpp>

#include <nlohmann/json.hpp>

namespace tmo {
inline namespace v1 {
namespace budget {

namespace {

// "1,234.56" (two decimals, half-up) with "≈" in front when that is not exact.
std::string shown(const rational& value) {
    const std::string plain = value.to_decimal(2, rounding::half_up).value();
    const bool exact = value.to_decimal(2, rounding::never).has_value();
    return std::string(exact ? "" : "≈") + group_thousands(plain);
}

std::string count_text(std::uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool is_mes(const outcome& out) { return out.rule.starts_with("mes"); }
bool is_phragmen(const outcome& out) { return out.rule.starts_with("phragmen"); }

std::string measure_text(const outcome& out, const purchase& p) {
    if (p.completion) return "score " + shown(p.measure) + " (completion)";
    if (is_mes(out)) return "rho " + p.measure.to_string() + (p.effective_votes ? ", effective votes " + shown(*p.effective_votes) : "");
    if (is_phragmen(out)) return "load " + shown(p.measure);
    if (out.rule == "max-welfare") return "welfare " + shown(p.measure);
    if (out.rule.starts_with("greedy-cost")) return "votes per unit of cost " + p.measure.to_string();
    return "votes " + (p.measure.is_integer() ? p.measure.to_exact_text() : shown(p.measure));
}

}  // namespace

std::string explain_project(const instance& inst, const outcome& out, std::size_t which) {
    const project& pr = inst.projects[which];
    for (std::size_t r = 0; r < out.rounds.size(); ++r) {
        const purchase& p = out.rounds[r];
        if (p.project != which) continue;
        std::string s = "Funded in round " + std::to_string(r + 1) + ": ";
        if (p.completion) {
            s += "after the equal shares were spent, it had the most votes (" + shown(p.measure) +
                 ") among the projects that still fit, and its cost of " + shown(pr.cost) + " fit in what was left";
        } else if (is_mes(out)) {
            std::uint64_t voters = 0;
            for (const payment_group& g : p.payments) voters += g.voters;
            rational most;
            for (const payment_group& g : p.payments) most = g.paid > most ? g.paid : most;
            s += "its " + count_text(voters, "supporter", "supporters") + " could pay its cost of " + shown(pr.cost) +
                 " together, none paying more than " + shown(most) +
                 ", the lowest price per unit of benefit of any project still affordable";
            if (p.effective_votes) s += " (worth " + shown(*p.effective_votes) + " full votes)";
        } else if (is_phragmen(out)) {
            s += "sharing its cost of " + shown(pr.cost) +
                 " among its supporters left each of them carrying " + shown(p.measure) +
                 ", less than any other project would have";
        } else if (out.rule == "max-welfare") {
            s += "it belongs to the combination of projects within the budget that gives residents the greatest total "
                 "benefit";
        } else {
            s += "it had " + (out.rule.starts_with("greedy-cost") ? "the most votes per unit of cost"
                                                                  : "the most votes (" + p.measure.to_exact_text() + ")") +
                 " among the projects still waiting, and its cost of " + shown(pr.cost) + " fit in what was left";
        }
        if (p.tie)
            s += "; it tied with " + std::to_string(p.tie->tied.size() - 1) + " other project" +
                 (p.tie->tied.size() > 2 ? "s" : "") + " and won on the rule '" + name(p.tie->criterion) + "'";
        return s + ".";
    }
    for (const rejection& r : out.rejected) {
        if (r.project != which) continue;
        switch (r.reason) {
            case rejection_reason::did_not_fit:
                return "Not funded: when its turn came only " + shown(r.figure) + " was left and it costs " +
                       shown(pr.cost) + ".";
            case rejection_reason::stopped:
                return "Not funded: the rule stops at the first project that does not fit, and an earlier project did "
                       "not fit.";
            case rejection_reason::below_threshold:
                return "Not funded: it scored " + shown(r.figure) + ", below the minimum score needed.";
            case rejection_reason::ineligible:
                return "Not funded: it had too few votes for the share of the budget it asked for, so it was not "
                       "eligible.";
            case rejection_reason::unaffordable:
                return "Not funded: its supporters had only " + shown(r.figure) +
                       " of their equal shares left between them, less than its cost of " + shown(pr.cost) + ".";
            case rejection_reason::not_in_optimum:
                return "Not funded: the combination of projects with the greatest total benefit within the budget "
                       "leaves it out.";
            case rejection_reason::over_budget:
                return "Not funded: it came next, but it costs " + shown(pr.cost) + " and only " + shown(r.figure) +
                       " was left, so the rule ended.";
            case rejection_reason::not_reached:
                return "Not funded: the rule ended before its turn.";
            case rejection_reason::replaced:
                return "Not funded: the comparison step chose the other outcome, which leaves it out.";
        }
    }
    return "Not considered.";
}

std::string to_text(const instance& inst, const outcome& out) {
    std::string s;
    s += "Rule: " + out.rule + "\n";
    for (const auto& [k, v] : out.options) s += "  " + k + ": " + v + "\n";
    s += "Budget: " + shown(inst.budget) + "; voters: " + std::to_string(inst.voter_count()) + "\n";
    if (out.endowment)
        s += "Each voter's equal share: " + shown(*out.endowment) + " (exactly " + out.endowment->to_exact_text() + ")" +
             (out.runs > 1 ? "; found after " + std::to_string(out.runs) + " runs of Add1" : std::string()) + "\n";
    s += "Funded: " + count_text(out.selected.size(), "project", "projects") + ", total cost " + shown(out.cost) +
         ", left over " + shown(inst.budget - out.cost) + "\n";
    for (std::size_t r = 0; r < out.rounds.size(); ++r) {
        const purchase& p = out.rounds[r];
        const project& pr = inst.projects[p.project];
        s += "  " + std::to_string(r + 1) + ". " + pr.id + (pr.name.empty() ? "" : " " + pr.name) + ": cost " +
             shown(pr.cost) + ", " + measure_text(out, p) + ", budget left " + shown(p.budget_left) + "\n";
        for (const payment_group& g : p.payments) {
            s += "       " + count_text(g.voters, "voter", "voters");
            if (is_phragmen(out))
                s += " with load " + shown(g.before.value_or(rational())) + " took on " + shown(g.paid) + " each\n";
            else if (g.all_they_had)
                s += " paid all they had left, " + shown(g.paid) + " each\n";
            else
                s += " paid " + shown(g.paid) + " each\n";
        }
        if (p.tie)
            s += "       tie between " + std::to_string(p.tie->tied.size()) + " projects settled by '" +
                 name(p.tie->criterion) + "'\n";
        s += "       " + explain_project(inst, out, p.project) + "\n";
    }
    if (!out.rejected.empty()) {
        s += "Left out:\n";
        for (const rejection& r : out.rejected) {
            const project& pr = inst.projects[r.project];
            s += "  " + pr.id + (pr.name.empty() ? "" : " " + pr.name) + ": " + explain_project(inst, out, r.project) + "\n";
        }
    }
    if (out.comparison) {
        const comparison_record& c = *out.comparison;
        s += "Comparison with " + c.baseline + " (" + c.measure + "): " + std::to_string(c.prefer_rule) +
             " voters prefer the equal-shares outcome, " + std::to_string(c.prefer_baseline) + " prefer the other; " +
             (c.switched ? "the other outcome was taken.\n" : "the equal-shares outcome stands.\n");
    }
    if (!out.left_over.empty()) {
        s += "Money each voter has left:\n";
        for (const auto& [voters, amount] : out.left_over)
            s += "  " + count_text(voters, "voter", "voters") + ": " + shown(amount) + "\n";
    }
    return s;
}

std::string to_json(const instance& inst, const outcome& out) {
    using json = nlohmann::ordered_json;
    json j;
    j["rule"] = out.rule;
    json options = json::object();
    for (const auto& [k, v] : out.options) options[k] = v;
    j["options"] = options;
    j["budget"] = inst.budget.to_exact_text();
    json selected = json::array();
    for (std::size_t p : out.selected) selected.push_back(inst.projects[p].id);
    j["selected"] = selected;
    j["cost"] = out.cost.to_exact_text();
    json rounds = json::array();
    for (const purchase& p : out.rounds) {
        json r;
        r["project"] = inst.projects[p.project].id;
        r["cost"] = inst.projects[p.project].cost.to_exact_text();
        r["measure"] = p.measure.to_exact_text();
        if (p.effective_votes) r["effective_votes"] = p.effective_votes->to_exact_text();
        r["budget_left"] = p.budget_left.to_exact_text();
        if (p.completion) r["completion"] = true;
        if (!p.payments.empty()) {
            json pay = json::array();
            for (const payment_group& g : p.payments)
            {
                json item = {{"voters", g.voters}, {"paid", g.paid.to_exact_text()}};
                if (g.before) item["before"] = (*g.before).to_exact_text();
                if (g.all_they_had) item["all_they_had"] = true;
                pay.push_back(item);
            }
            r["payments"] = pay;
        }
        if (p.tie) {
            json tied = json::array();
            for (std::size_t t : p.tie->tied) tied.push_back(inst.projects[t].id);
            r["tie"] = {{"tied", tied}, {"criterion", name(p.tie->criterion)}};
        }
        r["explanation"] = explain_project(inst, out, p.project);
        rounds.push_back(r);
    }
    j["rounds"] = rounds;
    json rejected = json::array();
    for (const rejection& r : out.rejected)
        rejected.push_back({{"project", inst.projects[r.project].id},
                            {"reason", name(r.reason)},
                            {"figure", r.figure.to_exact_text()},
                            {"explanation", explain_project(inst, out, r.project)}});
    j["rejected"] = rejected;
    if (out.endowment) j["endowment"] = out.endowment->to_exact_text();
    if (out.runs > 0) j["runs"] = out.runs;
    if (out.comparison) {
        const comparison_record& c = *out.comparison;
        json before = json::array();
        for (std::size_t p : c.rule_selected) before.push_back(inst.projects[p].id);
        j["comparison"] = {{"baseline", c.baseline},       {"measure", c.measure},
                           {"prefer_rule", c.prefer_rule}, {"prefer_baseline", c.prefer_baseline},
                           {"switched", c.switched},       {"rule_selected", before}};
    }
    if (!out.left_over.empty()) {
        json left = json::array();
        for (const auto& [voters, amount] : out.left_over) left.push_back({{"voters", voters}, {"left", amount.to_exact_text()}});
        j["left_over"] = left;
    }
    return j.dump();
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
