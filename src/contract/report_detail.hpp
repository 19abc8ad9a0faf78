// Private helpers of the contract reports (report.cpp, report_json.cpp): months as periods and names.
#pragma once

#include <tmo/contract/kpi.hpp>

#include <chrono>
#include <string>

namespace tmo {
inline namespace v1 {
namespace contract {
namespace detail {

/// The first to the last day of `m`.
[[nodiscard]] period month_period(std::chrono::year_month m);
/// "April 2025".
[[nodiscard]] std::string month_name(std::chrono::year_month m);
/// "2025-04".
[[nodiscard]] std::string month_code(std::chrono::year_month m);

}  // namespace detail
}  // namespace contract
}  // namespace v1
}  // namespace tmo
