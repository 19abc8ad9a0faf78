// A contract's month from C++: load a contract with its performance data, evaluate one month and print each KPI's
// assessment, the service credit and the payment due, each with the sentence tmo writes for residents.
//
// Build with CMake:  find_package(tmo) and link tmo::tmo (see CMakeLists.txt beside this file).
// Run:               ./contract examples/data/contracts/riverside_cleaning.toml 2025-04
//
// expected/contract.txt is the worked example of contracts.md §4.4 (as examples/c/contract.c explains): CLN1 91.5%
// against 95% earns a 2% credit of £96.00 on £4,800.00; £4,704.00 net, VAT £940.80, £5,644.80 due.
//
// Money is tmo::money: whole pence, formatted exactly; no floating point is involved anywhere.
#include <tmo/contract/document.hpp>
#include <tmo/contract/report.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: contract CONTRACT.toml YYYY-MM\n";
        return 2;
    }
    auto month = tmo::contract::parse_month(argv[2]);
    auto contract = tmo::contract::load_contract(argv[1]);  // also reads the data files the contract names
    if (!month || !contract) {
        std::cerr << (month ? contract.error() : month.error()).to_string() << '\n';
        return 2;
    }
    auto report = tmo::contract::evaluate_month(*contract, *month);
    if (!report) {
        std::cerr << report.error().to_string() << '\n';
        return 2;
    }
    for (const tmo::contract::kpi_assessment& kpi : report->kpis)
        std::cout << kpi.kpi_id << ": " << kpi.value.basis << ". " << kpi.sentence << '\n';
    std::cout << report->credits.sentence << '\n'
              << report->payment.sentence << '\n'
              << "in pence: credit " << report->credits.credit.pence() << ", net " << report->payment.net.pence()
              << ", VAT " << report->payment.vat.pence() << ", total " << report->payment.gross.pence() << '\n'
              << report->sentence << '\n';
    return 0;
}
