// bindings/c/src/contract.cpp: the tmo_contract and tmo_contract_month handles, and tender evaluation.
#include "waist.hpp"

#include <tmo/contract/document.hpp>
#include <tmo/contract/report.hpp>
#include <tmo/contract/service_charge.hpp>
#include <tmo/contract/tsm.hpp>
#include <tmo/core/rounding.hpp>

#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using tmo::detail::fail;
using tmo::detail::guarded;
using tmo::detail::null_argument;

namespace tc = tmo::contract;

// The handle: the contract document, shared with the months evaluated from it so that they outlive it.
struct tmo_contract {
    std::shared_ptr<const tc::contract_document> document;
};

// A month, with the exact KPI values as text for the borrowed-string getter, built once at creation.
struct tmo_contract_month {
    std::shared_ptr<const tc::contract_document> document;
    tc::period_report report;
    std::vector<std::string> values;
};

// Service charges: the file and its statement, shared out once at creation.
struct tmo_service_charges {
    tc::service_charge_file file;
    tc::service_charge_statement statement;
};

namespace {

int adopt_charges(tmo_service_charges** out, tmo::result<tc::service_charge_file> parsed) {
    if (!parsed) return fail(parsed.error());
    auto thresholds = tc::section20_england();
    if (!thresholds) return fail(thresholds.error());
    auto statement = tc::charge_services(*parsed, *thresholds);
    if (!statement) return fail(statement.error());
    *out = new tmo_service_charges{std::move(*parsed), std::move(*statement)};
    return TMO_OK;
}

int adopt(tmo_contract** out, tmo::result<tc::contract_document> parsed) {
    if (!parsed) return fail(parsed.error());
    *out = new tmo_contract{std::make_shared<const tc::contract_document>(std::move(*parsed))};
    return TMO_OK;
}

int rating_code(tc::rating r) {
    switch (r) {
    case tc::rating::good: return TMO_RATING_GOOD;
    case tc::rating::approaching_target: return TMO_RATING_APPROACHING_TARGET;
    case tc::rating::requires_improvement: return TMO_RATING_REQUIRES_IMPROVEMENT;
    case tc::rating::inadequate: return TMO_RATING_INADEQUATE;
    case tc::rating::other: break;
    }
    return TMO_RATING_OTHER;
}

int unknown_format(int format) {
    return fail(TMO_EINVAL, "unknown format " + std::to_string(format) +
                                ": expected TMO_REPORT_TEXT, TMO_REPORT_JSON or TMO_REPORT_OCDS");
}

}  // namespace

extern "C" {

TMO_API int TMO_CALL tmo_contract_load(tmo_contract** out, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        return adopt(out, tc::load_contract(std::filesystem::path(path)));
    });
}

TMO_API int TMO_CALL tmo_contract_parse(tmo_contract** out, const char* text, size_t len,
                                        const char* source_name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (text == nullptr) return null_argument("text");
        return adopt(out, tc::parse_contract(std::string_view(text, len),
                                             source_name != nullptr ? source_name : std::string_view()));
    });
}

TMO_API void TMO_CALL tmo_contract_free(tmo_contract* contract) noexcept { delete contract; }

TMO_API const char* TMO_CALL tmo_contract_reference(const tmo_contract* contract) noexcept {
    return guarded(__func__, [&]() -> const char* {
        if (contract == nullptr) {
            null_argument("contract");
            return nullptr;
        }
        return contract->document->contract.reference.c_str();
    });
}

TMO_API int TMO_CALL tmo_contract_evaluate(tmo_contract_month** out, const tmo_contract* contract,
                                           const char* month) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (contract == nullptr) return null_argument("contract");
        if (month == nullptr) return null_argument("month");
        auto m = tc::parse_month(month);
        if (!m) return fail(tmo::detail::in_argument(m.error(), "month"));
        auto report = tc::evaluate_month(*contract->document, *m);
        if (!report) return fail(report.error());
        auto handle = std::make_unique<tmo_contract_month>(
            tmo_contract_month{contract->document, std::move(*report), {}});
        for (const tc::kpi_assessment& a : handle->report.kpis)
            handle->values.push_back(a.value.value ? a.value.value->to_exact_text() : std::string());
        *out = handle.release();
        return TMO_OK;
    });
}

TMO_API void TMO_CALL tmo_contract_month_free(tmo_contract_month* month) noexcept { delete month; }

TMO_API int TMO_CALL tmo_contract_month_kpi_count(size_t* out, const tmo_contract_month* month) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = 0;
        if (month == nullptr) return null_argument("month");
        *out = month->report.kpis.size();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_contract_month_kpi(const char** id_out, const char** value_out, int* rating_out,
                                            const tmo_contract_month* month, size_t index) noexcept {
    return guarded(__func__, [&]() -> int {
        if (id_out == nullptr) return null_argument("id_out");
        *id_out = nullptr;
        if (value_out == nullptr) return null_argument("value_out");
        *value_out = nullptr;
        if (rating_out == nullptr) return null_argument("rating_out");
        *rating_out = 0;
        if (month == nullptr) return null_argument("month");
        if (index >= month->report.kpis.size())
            return fail(TMO_EINVAL, "index " + std::to_string(index) + " is out of range: the month has " +
                                        std::to_string(month->report.kpis.size()) + " KPIs");
        const tc::kpi_assessment& a = month->report.kpis[index];
        *id_out = a.kpi_id.c_str();
        *value_out = month->values[index].c_str();
        *rating_out = rating_code(a.outcome);
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_contract_month_money(int64_t* credit_out, int64_t* net_out, int64_t* vat_out,
                                              int64_t* gross_out, const tmo_contract_month* month) noexcept {
    return guarded(__func__, [&]() -> int {
        int64_t* outs[] = {credit_out, net_out, vat_out, gross_out};
        const char* names[] = {"credit_out", "net_out", "vat_out", "gross_out"};
        for (int64_t* o : outs)
            if (o != nullptr) *o = 0;
        for (std::size_t i = 0; i < 4; ++i)
            if (outs[i] == nullptr) return null_argument(names[i]);
        if (month == nullptr) return null_argument("month");
        const auto& points = month->report.points;
        *credit_out = (month->report.credits.credit + (points ? points->deduction : tmo::money())).pence();
        *net_out = month->report.payment.net.pence();
        *vat_out = month->report.payment.vat.pence();
        *gross_out = month->report.payment.gross.pence();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_contract_month_write(tmo_buf* out, const tmo_contract_month* month, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (month == nullptr) return null_argument("month");
        const tc::contract_document& d = *month->document;
        switch (format) {
        case TMO_REPORT_TEXT: tmo::detail::set_buf(*out, tc::to_text(d, month->report)); return TMO_OK;
        case TMO_REPORT_JSON: tmo::detail::set_buf(*out, tc::to_json(d, month->report)); return TMO_OK;
        case TMO_REPORT_OCDS: {
            auto package = tc::to_ocds(d, month->report);
            if (!package) return fail(package.error());
            tmo::detail::set_buf(*out, *package);
            return TMO_OK;
        }
        default: return unknown_format(format);
        }
    });
}

TMO_API int TMO_CALL tmo_tender_evaluate(tmo_buf* out, const char* text, size_t len, const char* source_name,
                                         int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (text == nullptr) return null_argument("text");
        if (format != TMO_REPORT_TEXT && format != TMO_REPORT_JSON) return unknown_format(format);
        auto tender = tc::parse_tender(std::string_view(text, len),
                                       source_name != nullptr ? source_name : std::string_view());
        if (!tender) return fail(tender.error());
        auto result = tc::evaluate_tender(tender->model, tender->bids, tender->marks, tender->moderation);
        if (!result) return fail(result.error());
        tmo::detail::set_buf(*out, format == TMO_REPORT_TEXT ? tc::to_text(*tender, *result)
                                                             : tc::to_json(*tender, *result));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_contract_allowance(tmo_buf* out, int64_t* payable_out, const tmo_contract* contract) noexcept {
    return guarded(__func__, [&]() -> int {
        if (payable_out != nullptr) *payable_out = 0;
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (payable_out == nullptr) return null_argument("payable_out");
        if (contract == nullptr) return null_argument("contract");
        const tc::contract_document& d = *contract->document;
        if (!d.allowance)
            return fail(TMO_EMISSINGKEY, "contract " + d.contract.reference + " has no [allowance] table");
        auto review = tc::review_allowance(*d.allowance);
        if (!review) return fail(review.error());
        tmo::detail::set_buf(*out, tc::to_text(*review));
        *payable_out = review->payable.pence();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_section20_check(int* required_out, int64_t* threshold_out, const int64_t* contributions,
                                         size_t count, int kind) noexcept {
    return guarded(__func__, [&]() -> int {
        if (threshold_out != nullptr) *threshold_out = 0;
        if (required_out == nullptr) return null_argument("required_out");
        *required_out = 0;
        if (threshold_out == nullptr) return null_argument("threshold_out");
        if (contributions == nullptr && count != 0) return null_argument("contributions");
        if (kind != TMO_CONSULT_WORKS && kind != TMO_CONSULT_LONG_TERM)
            return fail(TMO_EINVAL, "unknown consultation kind " + std::to_string(kind) +
                                        ": expected TMO_CONSULT_WORKS or TMO_CONSULT_LONG_TERM");
        auto thresholds = tc::section20_england();
        if (!thresholds) return fail(thresholds.error());
        tc::cost_apportionment shares;
        std::vector<tc::dwelling> leaseholders;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string ref = "leaseholder " + std::to_string(i + 1);
            shares.parts.push_back({ref, tmo::rational(1), {}, tmo::money::from_pence(contributions[i])});
            leaseholders.push_back({ref, {}, {}, {}, {}, {}, true});
        }
        auto check = tc::section20_check(shares, leaseholders,
                                         kind == TMO_CONSULT_WORKS ? tc::consultation_kind::qualifying_works
                                                                   : tc::consultation_kind::long_term_agreement,
                                         *thresholds);
        if (!check) return fail(check.error());
        *required_out = check->required ? 1 : 0;
        *threshold_out = check->threshold.pence();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_service_charges_load(tmo_service_charges** out, const char* path) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (path == nullptr) return null_argument("path");
        return adopt_charges(out, tc::load_service_charges(std::filesystem::path(path)));
    });
}

TMO_API int TMO_CALL tmo_service_charges_parse(tmo_service_charges** out, const char* text, size_t len,
                                              const char* source_name) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        *out = nullptr;
        if (text == nullptr) return null_argument("text");
        return adopt_charges(out, tc::parse_service_charges(std::string_view(text, len),
                                                            source_name != nullptr ? source_name : std::string_view()));
    });
}

TMO_API void TMO_CALL tmo_service_charges_free(tmo_service_charges* charges) noexcept { delete charges; }

TMO_API int TMO_CALL tmo_service_charges_counts(size_t* dwellings_out, size_t* costs_out,
                                               const tmo_service_charges* charges) noexcept {
    return guarded(__func__, [&]() -> int {
        if (costs_out != nullptr) *costs_out = 0;
        if (dwellings_out == nullptr) return null_argument("dwellings_out");
        *dwellings_out = 0;
        if (costs_out == nullptr) return null_argument("costs_out");
        if (charges == nullptr) return null_argument("charges");
        *dwellings_out = charges->statement.totals.size();
        *costs_out = charges->statement.costs.size();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_service_charges_dwelling(const char** id_out, int64_t* pence_out,
                                                 const tmo_service_charges* charges, size_t index) noexcept {
    return guarded(__func__, [&]() -> int {
        if (pence_out != nullptr) *pence_out = 0;
        if (id_out == nullptr) return null_argument("id_out");
        *id_out = nullptr;
        if (pence_out == nullptr) return null_argument("pence_out");
        if (charges == nullptr) return null_argument("charges");
        const auto& totals = charges->statement.totals;
        if (index >= totals.size())
            return fail(TMO_EINVAL, "index " + std::to_string(index) + " is out of range: the file has " +
                                        std::to_string(totals.size()) + " dwellings");
        *id_out = totals[index].reference.c_str();
        *pence_out = totals[index].amount.pence();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_service_charges_section20(int* required_out, int64_t* threshold_out,
                                                  const tmo_service_charges* charges, size_t index) noexcept {
    return guarded(__func__, [&]() -> int {
        if (threshold_out != nullptr) *threshold_out = 0;
        if (required_out == nullptr) return null_argument("required_out");
        *required_out = 0;
        if (threshold_out == nullptr) return null_argument("threshold_out");
        if (charges == nullptr) return null_argument("charges");
        const auto& checks = charges->statement.checks;
        if (index >= checks.size())
            return fail(TMO_EINVAL, "index " + std::to_string(index) + " is out of range: the file has " +
                                        std::to_string(checks.size()) + " costs");
        if (!checks[index]) {
            *required_out = -1;
            return TMO_OK;
        }
        *required_out = checks[index]->required ? 1 : 0;
        *threshold_out = checks[index]->threshold.pence();
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_service_charges_render(tmo_buf* out, const tmo_service_charges* charges, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (charges == nullptr) return null_argument("charges");
        if (format != TMO_RECORD_TEXT)
            return fail(TMO_EINVAL, "unknown format " + std::to_string(format) + ": expected TMO_RECORD_TEXT");
        tmo::detail::set_buf(*out, tc::service_charge_text(charges->statement));
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_tsm_sample_size(int64_t* required_out, tmo_buf* corrected_out, int64_t population,
                                         const char* margin, int correction, const char* rounding) noexcept {
    return guarded(__func__, [&]() -> int {
        if (required_out == nullptr) return null_argument("required_out");
        *required_out = 0;
        if (corrected_out == nullptr) return null_argument("corrected_out");
        tmo_buf_dispose(corrected_out);
        if (margin == nullptr) return null_argument("margin");
        if (correction != TMO_SAMPLE_MINUS_ONE && correction != TMO_SAMPLE_PLAIN)
            return fail(TMO_EINVAL, "unknown correction " + std::to_string(correction) +
                                        ": expected TMO_SAMPLE_MINUS_ONE or TMO_SAMPLE_PLAIN");
        tmo::rounding mode = tmo::rounding::truncate;
        if (rounding != nullptr) {
            auto parsed = tmo::parse_rounding(rounding);
            if (!parsed) return fail(TMO_EINVAL, "rounding: " + parsed.error().message());
            mode = *parsed;
        }
        auto e = tmo::rational::parse(margin);
        if (!e) return fail(tmo::detail::in_argument(e.error(), "margin"));
        auto size = tc::required_sample_size(population, *e,
                                             correction == TMO_SAMPLE_MINUS_ONE ? tc::sample_correction::minus_one
                                                                                : tc::sample_correction::plain,
                                             mode);
        if (!size) return fail(size.error());
        if (size->required > std::numeric_limits<int64_t>::max())
            return fail(TMO_EOVERFLOW, "the sample size does not fit in 64 bits");
        *required_out = static_cast<int64_t>(size->required);
        tmo::detail::set_buf(*corrected_out, size->corrected.to_string());
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_tsm_margin_of_error(tmo_buf* out, int64_t satisfied, int64_t respondents,
                                             int64_t population) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        auto margin = tc::margin_of_error(satisfied, respondents,
                                          population == 0 ? std::nullopt : std::optional<std::int64_t>(population));
        if (!margin) return fail(margin.error());
        tmo::detail::set_buf(*out, margin->to_exact_text());
        return TMO_OK;
    });
}

TMO_API int TMO_CALL tmo_tsm_measures(tmo_buf* out, const char* survey, size_t survey_len, const char* records,
                                      size_t records_len, int64_t lcra_homes, int64_t lcho_homes, int format) noexcept {
    return guarded(__func__, [&]() -> int {
        if (out == nullptr) return null_argument("out");
        tmo_buf_dispose(out);
        if (survey == nullptr && survey_len != 0) return null_argument("survey");
        if (records == nullptr && records_len != 0) return null_argument("records");
        if (format != TMO_REPORT_TEXT && format != TMO_REPORT_JSON) return unknown_format(format);
        const auto count = [](int64_t n) { return n == 0 ? std::nullopt : std::optional<std::int64_t>(n); };
        std::vector<tc::tsm_response> responses;
        if (survey_len != 0) {
            auto parsed = tc::parse_tsm_survey(std::string_view(survey, survey_len), "survey");
            if (!parsed) return fail(parsed.error());
            responses = std::move(*parsed);
        }
        std::vector<tc::tsm_record> rows;
        if (records_len != 0) {
            auto parsed = tc::parse_tsm_records(std::string_view(records, records_len), "records");
            if (!parsed) return fail(parsed.error());
            rows = std::move(*parsed);
        }
        auto perception = tc::perception_measures(responses, count(lcra_homes), count(lcho_homes));
        if (!perception) return fail(perception.error());
        auto management = tc::management_measures(rows, count(lcra_homes));
        if (!management) return fail(management.error());
        tmo::detail::set_buf(*out, format == TMO_REPORT_TEXT ? tc::tsm_to_text(*perception, *management)
                                                             : tc::tsm_to_json(*perception, *management));
        return TMO_OK;
    });
}

}  // extern "C"
