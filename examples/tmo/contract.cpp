// tmo contract and tmo tender: a contract's month (KPIs, ratings, service credits, payment due, or the OCDS release
// package), a service-charge file shared out (--service-charges), and a tender's ranking with its explanation.
#include "commands.hpp"
#include "output.hpp"
#include "html.hpp"
#include "reports.hpp"

#include <tmo/contract/document.hpp>
#include <tmo/contract/report.hpp>
#include <tmo/contract/service_charge.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace tmo_tool {

namespace {

namespace tc = tmo::contract;

struct contract_options {
    std::string file;
    std::string period;
    std::string format = "text";
    bool service_charges = false;
};

struct tender_options {
    std::string file;
    std::string format = "text";
};

int bad(const tmo::error& e) {
    std::cerr << e.to_string() << '\n';
    return exit_bad_input;
}

}  // namespace

tmo::result<std::vector<tc::period_report>> contract_year(const tc::contract_document& doc, std::chrono::year_month last) {
    std::vector<tc::period_report> months;
    for (int back = 11; back >= 0; --back) {
        const std::chrono::year_month m = last - std::chrono::months(back);
        if (m < std::chrono::year_month{doc.contract.term.start.year(), doc.contract.term.start.month()}) continue;
        auto report = tc::evaluate_month(doc, m);
        if (!report) return tmo::unexpected(report.error());
        months.push_back(std::move(*report));
    }
    return months;
}

namespace {

int run_service_charges(const contract_options& o) {
    if (o.format != "text") {
        std::cerr << "tmo contract: --service-charges: only --format text is available\n";
        return exit_bad_input;
    }
    auto file = tc::load_service_charges(o.file);
    if (!file) return bad(file.error());
    auto thresholds = tc::section20_england();
    if (!thresholds) return bad(thresholds.error());
    auto statement = tc::charge_services(*file, *thresholds);
    if (!statement) return bad(tmo::error(statement.error().code(), statement.error().message(),
                                          tmo::source_location{o.file, 0, 0, "costs"}));
    std::cout << file->title << "\n" << tc::service_charge_text(*statement);
    return exit_ok;
}

int run_contract(const contract_options& o) {
    if (o.service_charges) return run_service_charges(o);
    if (o.period.empty()) {
        std::cerr << "tmo contract: --period is required (or --service-charges for a service-charge file)\n";
        return exit_bad_input;
    }
    auto month = tc::parse_month(o.period);
    if (!month) {
        std::cerr << "tmo contract: --period: " << month.error().message() << '\n';
        return exit_bad_input;
    }
    auto doc = tc::load_contract(o.file);
    if (!doc) return bad(doc.error());
    auto report = tc::evaluate_month(*doc, *month);
    if (!report) {
        tmo::error e = report.error();
        if (e.where().file.empty())  // an error about the contract as a whole: name its file
            e = tmo::error(e.code(), e.message(), tmo::source_location{o.file, 0, 0, e.where().key_path});
        return bad(e);
    }
    if (o.format == "html") {
        auto months = contract_year(*doc, *month);
        if (!months) return bad(months.error());
        const std::string title = doc->contract.reference + ": " + doc->contract.title;
        std::cout << html::page(title, contract_section(*doc, *months, title));
    } else if (o.format == "json") {
        std::cout << tc::to_json(*doc, *report) << '\n';
    } else if (o.format == "ocds") {
        auto package = tc::to_ocds(*doc, *report);
        if (!package) return bad(tmo::error(package.error().code(), package.error().message(),
                                            tmo::source_location{o.file, 0, 0, "ocds"}));
        std::cout << *package << '\n';
    } else {
        std::cout << tc::to_text(*doc, *report);
    }
    return exit_ok;
}

int run_tender(const tender_options& o) {
    auto doc = tc::load_tender(o.file);
    if (!doc) return bad(doc.error());
    auto result = tc::evaluate_tender(doc->model, doc->bids, doc->marks, doc->moderation);
    if (!result) return bad(tmo::error(result.error().code(), result.error().message(), tmo::source_location{o.file, 0, 0, {}}));
    std::cout << (o.format == "json" ? tc::to_json(*doc, *result) + "\n" : tc::to_text(*doc, *result));
    return exit_ok;
}

}  // namespace

void add_contract(CLI::App& app, int& status) {
    auto options = std::make_shared<contract_options>();
    CLI::App* sub = app.add_subcommand("contract", "Report a contract's month: KPIs, ratings, service credits, payment due");
    sub->add_option("FILE", options->file, "The contract, a TOML file (its performance data files beside it)")->required();
    CLI::Option* period = sub->add_option("--period", options->period, "The month, YYYY-MM (required for a contract)");
    sub->add_flag("--service-charges", options->service_charges,
                  "FILE is a service-charge file: share its costs over the dwellings and check Section 20")
        ->excludes(period);
    sub->add_option("--format", options->format,
                    "text, json, ocds (an OCDS 1.1.5 release package) or html (the 12 months to --period)")
        ->check(CLI::IsMember({"text", "json", "ocds", "html"}));
    sub->footer("Example: tmo contract examples/data/contracts/riverside_cleaning.toml --period 2025-04\n"
                "Example: tmo contract examples/data/contracts/riverside_cleaning.toml --period 2025-04 "
                "--format ocds\n"
                "Example: tmo contract examples/data/contracts/service_charges_2026.toml --service-charges\n\n"
                "Prints the report and exits 0, or prints 'file:line:column: error: ...' and exits 2.");
    run_with_output(*sub, status, [options] { return run_contract(*options); });
}

void add_tender(CLI::App& app, int& status) {
    auto options = std::make_shared<tender_options>();
    CLI::App* sub = app.add_subcommand("tender", "Evaluate a tender: score and rank the bids, and explain the ranking");
    sub->add_option("FILE", options->file, "The tender, a TOML file")->required();
    sub->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    sub->footer("Example: tmo tender examples/data/contracts/riverside_cleaning_tender.toml\n\n"
                "Prints the ranking and exits 0, or prints 'file:line:column: error: ...' and exits 2.");
    run_with_output(*sub, status, [options] { return run_tender(*options); });
}

}  // namespace tmo_tool
