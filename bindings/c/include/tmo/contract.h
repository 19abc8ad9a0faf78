/*
 * tmo/contract.h: service contracts through the C API — a contract file with its performance data, a month's KPIs,
 * service credits and payment due (in pence), its text, JSON or OCDS forms, and tender evaluation.
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h (status codes, last error, ownership tags, threads) apply to every declaration here. The file formats are
 * documented in docs/contracts.md.
 */
#ifndef TMO_CONTRACT_H
#define TMO_CONTRACT_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* Contracts                                                                                                    */
/* ============================================================================================================ */

/**
 * A contract read from a contract file (TOML), with the performance data it names. Opaque; created by
 * tmo_contract_load or tmo_contract_parse; released with tmo_contract_free. Never modified after creation: several
 * threads may use one at once.
 */
typedef struct tmo_contract tmo_contract;

/**
 * One month of a contract: KPIs with their ratings, service credits and the payment due. Opaque; created by
 * tmo_contract_evaluate; released with tmo_contract_month_free. It stays valid after its contract is freed and is
 * never modified after creation.
 */
typedef struct tmo_contract_month tmo_contract_month;

/** A KPI's rating (the Procurement Act 2023 s.71 vocabulary). */
enum tmo_rating {
    TMO_RATING_GOOD = 1,                  /**< meets or beats the target */
    TMO_RATING_APPROACHING_TARGET = 2,
    TMO_RATING_REQUIRES_IMPROVEMENT = 3,
    TMO_RATING_INADEQUATE = 4,
    TMO_RATING_OTHER = 5                  /**< no figure for the month */
};

/** The forms a month can be written in. */
enum tmo_report_format {
    TMO_REPORT_TEXT = 1,  /**< plain text for people: the KPI table, credits and payment, with sentences */
    TMO_REPORT_JSON = 2,  /**< JSON with exact figures (money as decimal strings) */
    TMO_REPORT_OCDS = 3   /**< an OCDS 1.1.5 release package (metrics and performance_failures extensions) */
};

/**
 * Reads a contract file and the performance data files (CSV) it names, relative to its folder, and checks them
 * against the contract.
 *
 * @param[out] out   [owned] the new contract, or NULL on failure; free with tmo_contract_free.
 * @param[in]  path  the file's path in the platform's narrow encoding (UTF-8 on POSIX systems).
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EIO; TMO_ETOOLARGE; TMO_ESYNTAX; TMO_EUNKNOWNKEY;
 *         TMO_EMISSINGKEY; TMO_EWRONGTYPE; TMO_EVALUE; TMO_EINEXACT (an amount with more than two decimals);
 *         TMO_ENOTFOUND (a reference to an undefined priority or KPI, or a data row that names one);
 *         TMO_ENOMEM. tmo_error_last() gives the message and the file, line, column and key path of the first
 *         error (the CSV file and row for data).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_load(tmo_contract **out, const char *path) TMO_NOEXCEPT;

/**
 * Parses a contract from TOML text, without its performance data (KPIs computed from data then have no figure;
 * the months of a contract with a [points] regime are refused, TMO_ENOTFOUND, as its failures are not read).
 *
 * @param[out] out          [owned] the new contract, or NULL on failure; free with tmo_contract_free.
 * @param[in]  text         the TOML text, `len` bytes (copied; need not be NUL-terminated).
 * @param[in]  len          the length of `text` in bytes.
 * @param[in]  source_name  the name used in error locations; may be NULL for none.
 * @return as tmo_contract_load, without TMO_EIO.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_parse(tmo_contract **out, const char *text, size_t len,
                                        const char *source_name) TMO_NOEXCEPT;

/**
 * Releases a contract and every string borrowed from it.
 *
 * @param[in] contract  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_contract_free(tmo_contract *contract) TMO_NOEXCEPT;

/**
 * The contract's reference ("RTMO-CLN-2025").
 *
 * @return [borrowed] the reference, valid until the contract is freed; NULL (last error TMO_EINVAL) if `contract`
 *         is NULL.
 * Thread-safety: safe on a shared contract. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_contract_reference(const tmo_contract *contract) TMO_NOEXCEPT;

/**
 * Evaluates one month of the contract: each KPI rated against its target, the service credits under the
 * contract's terms and caps (the rolling-annual cap fed by the earlier months of the term), the performance points
 * of the failures reported in the month (a [points] regime), and the payment due.
 *
 * @param[out] out       [owned] the month, or NULL on failure; free with tmo_contract_month_free.
 * @param[in]  contract  the contract.
 * @param[in]  month     the month as "YYYY-MM".
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ESYNTAX (not YYYY-MM); TMO_EVALUE (a month outside the term);
 *         TMO_ENOTFOUND (no VAT rate in force for a line; a [points] regime whose failures file is not named or
 *         not read); TMO_ENOMEM.
 * Thread-safety: safe on a shared contract. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_evaluate(tmo_contract_month **out, const tmo_contract *contract,
                                           const char *month) TMO_NOEXCEPT;

/**
 * Releases a month.
 *
 * @param[in] month  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_contract_month_free(tmo_contract_month *month) TMO_NOEXCEPT;

/**
 * The number of KPIs of the month (the contract's KPIs, in its order).
 *
 * @param[out] out    the count; 0 on failure.
 * @param[in]  month  the month.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared month. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_month_kpi_count(size_t *out, const tmo_contract_month *month) TMO_NOEXCEPT;

/**
 * KPI `index` of the month: its id, its value as exact text ("91.5", "100/3"; "" when there is no figure) and its
 * rating.
 *
 * @param[out] id_out      [borrowed] the KPI's id, valid until the month is freed; NULL on failure.
 * @param[out] value_out   [borrowed] the exact value, valid until the month is freed; NULL on failure.
 * @param[out] rating_out  a TMO_RATING_... value; 0 on failure.
 * @param[in]  month       the month.
 * @param[in]  index       0 to tmo_contract_month_kpi_count() - 1.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, `index` out of range).
 * Thread-safety: safe on a shared month. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_month_kpi(const char **id_out, const char **value_out, int *rating_out,
                                            const tmo_contract_month *month, size_t index) TMO_NOEXCEPT;

/**
 * The month's money, in pence: the price adjustments (the service credit after its caps, plus the
 * performance-points deduction of a contract with a [points] regime, each rounded once), and the payment due net
 * of VAT, its VAT and the total. The written month (tmo_contract_month_write) shows the two adjustments apart.
 *
 * @param[out] credit_out  the service credit plus the points deduction; 0 on failure.
 * @param[out] net_out     the net payment (fees and priced jobs less credit_out); 0 on failure.
 * @param[out] vat_out     the VAT, rounded by the contract's policy; 0 on failure.
 * @param[out] gross_out   net plus VAT; 0 on failure.
 * @param[in]  month       the month.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared month. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_month_money(int64_t *credit_out, int64_t *net_out, int64_t *vat_out,
                                              int64_t *gross_out, const tmo_contract_month *month) TMO_NOEXCEPT;

/**
 * The month written out: plain text, JSON, or an OCDS 1.1.5 release package.
 *
 * @param[out] out     [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  month   the month.
 * @param[in]  format  a TMO_REPORT_... value.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown format); TMO_EMISSINGKEY (OCDS for a contract without
 *         an [ocds] section); TMO_ENOMEM.
 * Thread-safety: safe on a shared month; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_month_write(tmo_buf *out, const tmo_contract_month *month,
                                              int format) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Tenders                                                                                                      */
/* ============================================================================================================ */

/**
 * Evaluates a tender file given as TOML text (docs/contracts.md): scores every bid, ranks them and explains the
 * ranking, as plain text (TMO_REPORT_TEXT) or JSON (TMO_REPORT_JSON).
 *
 * @param[out] out          [owned] receives the evaluation; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  text         the TOML text, `len` bytes (copied; need not be NUL-terminated).
 * @param[in]  len          the length of `text` in bytes.
 * @param[in]  source_name  the name used in error locations; may be NULL for none.
 * @param[in]  format       TMO_REPORT_TEXT or TMO_REPORT_JSON.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown format); the errors of tmo_contract_parse for the
 *         text; TMO_EVALUE, TMO_ENOTFOUND or TMO_EMISSINGKEY from the evaluation (a mark outside the scale, a
 *         criterion with no mark for a bid); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_tender_evaluate(tmo_buf *out, const char *text, size_t len, const char *source_name,
                                         int format) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* The council's allowance and service charges                                                                 */
/* ============================================================================================================ */

/**
 * The review of a management agreement's [allowance] (docs/contracts.md): each heading of council spend apportioned
 * by homes, the committee formula, the current allowance indexed, and a change over the threshold phased in; as
 * plain text, one sentence a line, with the rule of each line.
 *
 * @param[out] out          [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[out] payable_out  the allowance payable this year in pence (the first phased year, else the recomputed
 *                          total, else the indexed current allowance); 0 on failure.
 * @param[in]  contract     a contract whose file has an [allowance] table.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EMISSINGKEY (the contract has no [allowance]); TMO_EVALUE,
 *         TMO_EINEXACT (rounding "never" and a figure not whole pence), TMO_EOVERFLOW; TMO_ENOMEM.
 * Thread-safety: safe on a shared contract. Since: 0.1
 */
TMO_API int TMO_CALL tmo_contract_allowance(tmo_buf *out, int64_t *payable_out,
                                            const tmo_contract *contract) TMO_NOEXCEPT;

/** What a Section 20 consultation is about. */
enum tmo_consultation_kind {
    TMO_CONSULT_WORKS = 1,     /**< qualifying works: the threshold per leaseholder per accounting period */
    TMO_CONSULT_LONG_TERM = 2  /**< a qualifying long-term agreement: the threshold per leaseholder per year */
};

/**
 * Whether Section 20 of the Landlord and Tenant Act 1985 requires consultation: whether any one leaseholder's
 * contribution is more than the threshold of the embedded English preset (£250 for works, £100 a year for a
 * long-term agreement; [V2] figures kept in presets/contract/section20_england.toml).
 *
 * @param[out] required_out   1 if consultation is required, else 0; 0 on failure.
 * @param[out] threshold_out  the threshold applied, in pence; 0 on failure.
 * @param[in]  contributions  `count` leaseholders' contributions in pence (e.g. from tmo_apportion).
 * @param[in]  count          the number of leaseholders; 0 is allowed (nothing to consult on).
 * @param[in]  kind           a TMO_CONSULT_... value.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown kind).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_section20_check(int *required_out, int64_t *threshold_out, const int64_t *contributions,
                                         size_t count, int kind) TMO_NOEXCEPT;

/**
 * A service-charge file (TOML, docs: tmo/contract/service_charge.hpp) with every cost shared out over its pool and
 * checked under Section 20 against the embedded English thresholds. Opaque; created by tmo_service_charges_load or
 * tmo_service_charges_parse; released with tmo_service_charges_free. Never modified after creation: several threads
 * may use one at once.
 */
typedef struct tmo_service_charges tmo_service_charges;

/**
 * Reads a service-charge file and shares out its costs.
 *
 * @param[out] out   [owned] the charges, or NULL on failure; free with tmo_service_charges_free.
 * @param[in]  path  the file's path in the platform's narrow encoding (UTF-8 on POSIX systems).
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EIO; TMO_ETOOLARGE; TMO_ESYNTAX; TMO_EUNKNOWNKEY;
 *         TMO_EMISSINGKEY (also a dwelling without the figure its cost's method needs); TMO_EWRONGTYPE; TMO_EVALUE
 *         (a negative figure, an id given twice, fixed shares not summing to 100); TMO_EINEXACT; TMO_ENOTFOUND (a
 *         block no dwelling is in); TMO_EDOMAIN (all weights of a pool zero); TMO_ENOMEM. tmo_error_last() gives
 *         the message and the file, line, column and key path of a reading error.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_service_charges_load(tmo_service_charges **out, const char *path) TMO_NOEXCEPT;

/**
 * Parses a service-charge file from TOML text and shares out its costs.
 *
 * @param[out] out          [owned] the charges, or NULL on failure; free with tmo_service_charges_free.
 * @param[in]  text         the TOML text, `len` bytes (copied; need not be NUL-terminated).
 * @param[in]  len          the length of `text` in bytes.
 * @param[in]  source_name  the name used in error locations; may be NULL for none.
 * @return as tmo_service_charges_load, without TMO_EIO.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_service_charges_parse(tmo_service_charges **out, const char *text, size_t len,
                                              const char *source_name) TMO_NOEXCEPT;

/**
 * Releases service charges and every string borrowed from them.
 *
 * @param[in] charges  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_service_charges_free(tmo_service_charges *charges) TMO_NOEXCEPT;

/**
 * The number of dwellings and of costs in the file.
 *
 * @param[out] dwellings_out  the dwellings; 0 on failure.
 * @param[out] costs_out      the costs; 0 on failure.
 * @param[in]  charges        the charges.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on shared charges. Since: 0.1
 */
TMO_API int TMO_CALL tmo_service_charges_counts(size_t *dwellings_out, size_t *costs_out,
                                               const tmo_service_charges *charges) TMO_NOEXCEPT;

/**
 * One dwelling's total charge: the sum of its shares of every cost, in the file's order of dwellings.
 *
 * @param[out] id_out     [borrowed] the dwelling's id, valid until the charges are freed; NULL on failure.
 * @param[out] pence_out  its total in pence; 0 on failure.
 * @param[in]  charges    the charges.
 * @param[in]  index      0 to the dwelling count - 1.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an index out of range).
 * Thread-safety: safe on shared charges. Since: 0.1
 */
TMO_API int TMO_CALL tmo_service_charges_dwelling(const char **id_out, int64_t *pence_out,
                                                 const tmo_service_charges *charges, size_t index) TMO_NOEXCEPT;

/**
 * The Section 20 result of one cost, in the file's order of costs.
 *
 * @param[out] required_out   1 if consultation is required, 0 if not, -1 if the file does not ask for the check
 *                            (no section20 key); 0 on failure.
 * @param[out] threshold_out  the threshold applied in pence; 0 when not checked or on failure.
 * @param[in]  charges        the charges.
 * @param[in]  index          0 to the cost count - 1.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an index out of range).
 * Thread-safety: safe on shared charges. Since: 0.1
 */
TMO_API int TMO_CALL tmo_service_charges_section20(int *required_out, int64_t *threshold_out,
                                                  const tmo_service_charges *charges, size_t index) TMO_NOEXCEPT;

/**
 * The explanation: each cost with its rule, every share, its Section 20 sentence, and each dwelling's total.
 *
 * @param[out] out      [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  charges  the charges.
 * @param[in]  format   TMO_RECORD_TEXT (the only form so far).
 * @return TMO_OK; TMO_EINVAL (a NULL argument, another format); TMO_ENOMEM.
 * Thread-safety: safe on shared charges. Since: 0.1
 */
TMO_API int TMO_CALL tmo_service_charges_render(tmo_buf *out, const tmo_service_charges *charges,
                                               int format) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Tenant Satisfaction Measures                                                                                 */
/* ============================================================================================================ */

/** The finite-population correction of a sample size (governance.md §7.4). */
enum tmo_sample_correction {
    TMO_SAMPLE_MINUS_ONE = 1,  /**< n = n0 / (1 + (n0 - 1) / N): 554.546... for N = 7,271 at 4% */
    TMO_SAMPLE_PLAIN = 2       /**< n = n0 / (1 + n0 / N): 554.476... */
};

/**
 * The survey responses a population needs for a margin of error at 95% confidence (z = 1.96, p = 1/2):
 * n0 = z² p(1-p) / e², corrected for the population and rounded.
 *
 * @param[out] required_out   the responses needed; 0 on failure.
 * @param[out] corrected_out  [owned] the corrected value as exact text ("17457071/31481"); release with
 *                            tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  population     the tenants surveyed, at least 1 (7271).
 * @param[in]  margin         the margin as exact text, a fraction or percentage strictly between 0 and 1 ("4%").
 * @param[in]  correction     a TMO_SAMPLE_... value.
 * @param[in]  rounding       a rounding mode name ("truncate" gives the published 554, "ceil" 555); NULL for
 *                            truncate.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown correction or rounding name); TMO_ESYNTAX (margin not a
 *         number); TMO_EVALUE (population below 1, margin outside (0, 1)); TMO_EINEXACT (rounding "never" and not
 *         whole).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_tsm_sample_size(int64_t *required_out, tmo_buf *corrected_out, int64_t population,
                                         const char *margin, int correction, const char *rounding) TMO_NOEXCEPT;

/**
 * The half-width of the 95% confidence interval of satisfied / respondents, in percentage points, rounded up to
 * 0.01, with the finite-population correction when `population` is given.
 *
 * @param[out] out          [owned] the margin as exact text ("5.66"); release with tmo_buf_dispose. {NULL, 0} on
 *                          failure.
 * @param[in]  satisfied    0 to respondents.
 * @param[in]  respondents  at least 1.
 * @param[in]  population   the population surveyed, at least respondents; 0 for an unlimited population.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EVALUE (a count out of range).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_tsm_margin_of_error(tmo_buf *out, int64_t satisfied, int64_t respondents,
                                             int64_t population) TMO_NOEXCEPT;

/**
 * The perception measures (TP01..TP12, per tenure group) of a survey CSV and the management-information measures
 * of a records CSV (formats in docs/contracts.md and tmo/contract/tsm.hpp), as plain text (one sentence a line) or
 * JSON ({"perception": [...], "management": [...]}, each figure with code, part, title, numerator, denominator,
 * value as exact text or null, unit, margin_points when known, excluded and sentence).
 *
 * @param[out] out          [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  survey       the survey CSV, `survey_len` bytes; may be NULL when survey_len is 0 (no survey).
 * @param[in]  survey_len   its length in bytes.
 * @param[in]  records      the records CSV, `records_len` bytes; may be NULL when records_len is 0 (no records).
 * @param[in]  records_len  its length in bytes.
 * @param[in]  lcra_homes   the LCRA homes managed (the survey's population and the base of CH01 and NM01); 0 if
 *                          unknown.
 * @param[in]  lcho_homes   the LCHO homes; 0 if unknown.
 * @param[in]  format       TMO_REPORT_TEXT or TMO_REPORT_JSON.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown format); the CSV errors of the readers with line and
 *         column (TMO_ESYNTAX, TMO_EUNKNOWNKEY, TMO_EMISSINGKEY, TMO_EVALUE, TMO_ETOOLARGE); TMO_EVALUE (a population
 *         smaller than its respondents); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_tsm_measures(tmo_buf *out, const char *survey, size_t survey_len, const char *records,
                                      size_t records_len, int64_t lcra_homes, int64_t lcho_homes,
                                      int format) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_CONTRACT_H */
