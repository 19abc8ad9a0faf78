#include <tmo/budget/outcome.hpp>

namespace tmo {
inline namespace v1 {
namespace budget {

const char* name(rejection_reason r) noexcept {
    switch (r) {
        case rejection_reason::did_not_fit: return "did_not_fit";
        case rejection_reason::stopped: return "stopped";
        case rejection_reason::below_threshold: return "below_threshold";
        case rejection_reason::ineligible: return "ineligible";
        case rejection_reason::unaffordable: return "unaffordable";
        case rejection_reason::not_in_optimum: return "not_in_optimum";
        case rejection_reason::over_budget: return "over_budget";
        case rejection_reason::not_reached: return "not_reached";
        case rejection_reason::replaced: return "replaced";
    }
    return "unknown";
}

const std::string* outcome::option(std::string_view key) const {
    for (const auto& [k, v] : options)
        if (k == key) return &v;
    return nullptr;
}

bool is_exhaustive(const instance& inst, const std::vector<std::size_t>& chosen) {
    std::vector<bool> in(inst.projects.size(), false);
    for (std::size_t p : chosen) in[p] = true;
    const rational left = inst.budget - total_cost(inst, chosen);
    if (left.sign() < 0) return false;
    for (std::size_t p = 0; p < inst.projects.size(); ++p)
        if (!in[p] && inst.projects[p].cost <= left) return false;
    return true;
}

}  // namespace budget
}  // namespace v1
}  // namespace tmo
