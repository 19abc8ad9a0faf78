// tmo tsm: the Tenant Satisfaction Measures from a survey file and a records file, with margins of error and the
// required sample size.
#include "commands.hpp"
#include "output.hpp"
#include "html.hpp"
#include "reports.hpp"

#include <tmo/contract/tsm.hpp>
#include <tmo/core/text.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace tmo_tool {

namespace {

namespace tc = tmo::contract;

struct tsm_options {
    std::string survey;
    std::string records;
    std::optional<std::int64_t> homes;
    std::optional<std::int64_t> lcho_homes;
    std::string margin;
    std::string format = "text";
};

int bad(const std::string& message) {
    std::cerr << message << '\n';
    return exit_bad_input;
}

std::optional<std::string> read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string json_figure(const tc::tsm_figure& f) {
    std::string out = "{\"code\":" + json_string(f.code) + ",\"part\":" + json_string(f.part) +
                      ",\"title\":" + json_string(f.title) + ",\"numerator\":" + f.numerator.str() +
                      ",\"denominator\":" + f.denominator.str() + ",\"value\":" +
                      (f.value ? json_string(f.value->to_exact_text()) : "null") +
                      ",\"unit\":" + (f.per_thousand ? "\"per 1,000 homes\"" : "\"%\"");
    if (f.value) out += ",\"display\":" + json_string(f.value->to_decimal(1, tmo::rounding::half_up).value());
    if (f.margin) out += ",\"margin_points\":" + json_string(f.margin->to_exact_text());
    return out + ",\"excluded\":" + std::to_string(f.excluded) + ",\"sentence\":" + json_string(f.sentence) + "}";
}

int run_tsm(const tsm_options& o) {
    const auto survey_text = read(o.survey);
    if (!survey_text) return bad(o.survey + ": error: cannot read the survey file");
    const auto responses = tc::parse_tsm_survey(*survey_text, o.survey);
    if (!responses) return bad(responses.error().to_string());
    std::vector<tc::tsm_record> records;
    if (!o.records.empty()) {
        const auto text = read(o.records);
        if (!text) return bad(o.records + ": error: cannot read the records file");
        auto parsed = tc::parse_tsm_records(*text, o.records);
        if (!parsed) return bad(parsed.error().to_string());
        records = std::move(*parsed);
    }
    const auto perception = tc::perception_measures(*responses, o.homes, o.lcho_homes);
    if (!perception) return bad("tmo tsm: error: " + perception.error().message());
    const auto management = tc::management_measures(records, o.homes);
    if (!management) return bad("tmo tsm: error: " + management.error().message());

    // The required sample size per tenure group whose population is known, at the margin asked for.
    std::vector<std::string> samples;
    if (!o.margin.empty()) {
        const auto margin = tmo::rational::parse(o.margin);
        if (!margin) return bad("tmo tsm: --margin: " + margin.error().message());
        for (const auto& [group, population] : {std::pair{tc::tenure::lcra, o.homes}, std::pair{tc::tenure::lcho, o.lcho_homes}}) {
            if (!population) continue;
            const auto size = tc::required_sample_size(*population, *margin);
            if (!size) return bad("tmo tsm: --margin: " + size.error().message());
            std::int64_t received = 0;
            for (const tc::tsm_response& r : *responses) received += r.group == group ? 1 : 0;
            samples.push_back(std::string(tc::tenure_name(group)) + ": " + size->sentence + " Received: " +
                              tmo::group_thousands(std::to_string(received)) +
                              (size->required <= received ? " (enough)." : " (too few)."));
        }
    }

    if (o.format == "html") {
        const std::string title = "Tenant Satisfaction Measures";
        std::cout << html::page(title, tsm_section(responses->size(), *perception, *management, samples, title));
        return exit_ok;
    }
    if (o.format == "json") {
        std::string out = "{\"respondents\":" + std::to_string(responses->size()) + ",\"perception\":[";
        for (std::size_t i = 0; i < perception->size(); ++i) out += (i ? "," : "") + json_figure((*perception)[i]);
        out += "],\"management\":[";
        for (std::size_t i = 0; i < management->size(); ++i) out += (i ? "," : "") + json_figure((*management)[i]);
        out += "],\"sample_size\":[";
        for (std::size_t i = 0; i < samples.size(); ++i) out += (i ? "," : "") + json_string(samples[i]);
        std::cout << out << "]}\n";
        return exit_ok;
    }
    std::cout << "Tenant Satisfaction Measures from " << responses->size() << " survey responses";
    if (!o.records.empty()) std::cout << " and " << tmo::group_thousands(std::to_string(records.size())) << " records";
    std::cout << "\n\nPerception measures (satisfied share of those who answered, ± margin of error at 95%)\n";
    for (const tc::tsm_figure& f : *perception) std::cout << "  " << f.sentence << '\n';
    if (!management->empty()) {
        std::cout << "\nManagement information\n";
        for (const tc::tsm_figure& f : *management) std::cout << "  " << f.sentence << '\n';
    }
    if (!o.homes && !records.empty())
        std::cout << "  CH01 and NM01 (per 1,000 homes) need the number of homes: give --homes N.\n";
    if (!samples.empty()) {
        std::cout << "\nSample size\n";
        for (const std::string& s : samples) std::cout << "  " << s << '\n';
    }
    return exit_ok;
}

}  // namespace

void add_tsm(CLI::App& app, int& status) {
    auto options = std::make_shared<tsm_options>();
    CLI::App* sub = app.add_subcommand("tsm", "The Tenant Satisfaction Measures from a survey and records");
    sub->add_option("FILE", options->survey, "The survey: a CSV file, one row per respondent (see docs/contracts.md)")
        ->required();
    sub->add_option("--records", options->records,
                    "The management-information records: a CSV file of repairs, complaints, ASB cases, safety "
                    "checks and decent-homes results");
    sub->add_option("--homes", options->homes, "The LCRA homes managed: the population of the LCRA survey and the "
                                               "base of the per-1,000-homes measures")
        ->check(CLI::PositiveNumber);
    sub->add_option("--lcho-homes", options->lcho_homes, "The LCHO (shared ownership) homes: the LCHO population")
        ->check(CLI::PositiveNumber);
    sub->add_option("--margin", options->margin,
                    "The margin of error the survey must reach (e.g. 4%): prints the required sample size");
    sub->add_option("--format", options->format, "text, json or html")->check(CLI::IsMember({"text", "json", "html"}));
    sub->footer("Example: tmo tsm examples/data/tsm/survey.csv --records examples/data/tsm/records.csv "
                "--homes 1200 --margin 5%\n\nPrints every measure with its figures and exits 0; or prints "
                "'file:line:column: error: ...' and exits 2.");
    run_with_output(*sub, status, [options] { return run_tsm(*options); });
}

}  // namespace tmo_tool
