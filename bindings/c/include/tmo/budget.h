/*
 * tmo/budget.h: participatory budgeting through the C API: elections (projects, budget, ballots), the rules that
 * decide which projects are funded, and the outcome with its explanation.
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h (status codes, last error, ownership tags, threads) apply to every declaration here.
 *
 * Amounts (budget, costs, totals) are exact decimal text, never floating point: inputs are money as people write
 * it ("25000", "12,500.50", or with the pound sign U+00A3); outputs are exact text such as "22300.5" (or "p/q" for
 * a value with no finite decimal, such as a per-voter share "1355/3").
 *
 * A typical use:
 *
 *     tmo_budget_election *e = NULL;  tmo_budget_options *o = NULL;  tmo_budget_outcome *r = NULL;
 *     tmo_budget_election_load(&e, "riverside_fund.toml");
 *     tmo_budget_options_new(&o);
 *     tmo_budget_options_set(o, "add1-stop", "over-budget");
 *     tmo_budget_run(&r, e, "mes-add1", o);
 *     ... tmo_budget_outcome_selected_count, _selected_id, _cost, _round_explanation, _to_json ...
 *     tmo_budget_outcome_free(r); tmo_budget_options_free(o); tmo_budget_election_free(e);
 */
#ifndef TMO_BUDGET_H
#define TMO_BUDGET_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* Elections                                                                                                    */
/* ============================================================================================================ */

/**
 * A participatory-budgeting election: the budget, the projects with their costs, and the ballots. Opaque; created
 * complete by tmo_budget_election_parse or _load, or empty by tmo_budget_election_new and then built part by part
 * and completed with tmo_budget_election_finish; released with tmo_budget_election_free. A complete election is
 * never modified: several threads may run rules on it at once.
 */
typedef struct tmo_budget_election tmo_budget_election;

/** The formats tmo_budget_election_parse reads. */
enum tmo_budget_format {
    TMO_BUDGET_FORMAT_PB = 1,    /**< a Pabulib .pb file (https://pabulib.org/format) */
    TMO_BUDGET_FORMAT_TOML = 2,  /**< the TOML election a TMO secretary writes (docs/budgeting.md) */
    TMO_BUDGET_FORMAT_CSV = 3    /**< a CSV ballot sheet (docs/budgeting.md) */
};

/**
 * Parses a complete election from text. Input over the format's limit (TOML: 1 MiB; others: 512 MiB) is refused.
 * The text need not be NUL-terminated and may come from an untrusted source.
 *
 * @param[out] out          [owned] the new election, or NULL on failure; free with tmo_budget_election_free.
 * @param[in]  text         the text, `len` bytes (copied; not retained).
 * @param[in]  len          the length of `text` in bytes.
 * @param[in]  format       a TMO_BUDGET_FORMAT_... value.
 * @param[in]  source_name  the name used in error locations (a file name); may be NULL for none.
 * @return TMO_OK; TMO_EINVAL (out or text NULL, an unknown format); TMO_ETOOLARGE; TMO_ESYNTAX; TMO_EUNKNOWNKEY;
 *         TMO_EMISSINGKEY; TMO_EWRONGTYPE; TMO_EVALUE; TMO_EINEXACT (an amount with more than two decimals);
 *         TMO_ENOMEM. tmo_error_last() gives the message and the file, line, column and key path of the first error.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_parse(tmo_budget_election **out, const char *text, size_t len, int format,
                                               const char *source_name) TMO_NOEXCEPT;

/**
 * Reads and parses an election file, choosing the format by the extension (.pb, .toml or .csv, in any case), with
 * the path as source name.
 *
 * @param[out] out   [owned] the new election, or NULL on failure; free with tmo_budget_election_free.
 * @param[in]  path  the file's path in the platform's narrow encoding (UTF-8 on POSIX systems).
 * @return as tmo_budget_election_parse; TMO_EIO when the file cannot be read; TMO_EVALUE for another extension.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_load(tmo_budget_election **out, const char *path) TMO_NOEXCEPT;

/**
 * A new, empty election to build part by part, in this order: settings (tmo_budget_election_set; "budget" is
 * required), projects (tmo_budget_election_add_project), ballots (tmo_budget_election_add_ballot), then
 * tmo_budget_election_finish. The checks are those of the TOML reader.
 *
 * @param[out] out  [owned] the new election; free with tmo_budget_election_free.
 * @return TMO_OK; TMO_EINVAL (out NULL); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_new(tmo_budget_election **out) TMO_NOEXCEPT;

/**
 * Sets one of the election's settings, the keys of the TOML format: "budget" (money, required), "vote_type"
 * ("approval" by default, "choose-1", "cumulative", "scoring", "ordinal"), "rule" (the rule the organisers agreed,
 * a name of tmo_budget_run), the ballot constraints ("min_length", "max_length", "min_sum_cost", "max_sum_cost",
 * "min_points", "max_points", "min_sum_points", "max_sum_points", "default_score"), "scoring_fn" ("3,2,1": ordinal
 * points per rank), "min_project_score_threshold", and descriptive text ("description", "unit", "instance",
 * "currency", "country", "language", "date_begin", "date_end", "comment").
 *
 * @param[in,out] election  an election made by tmo_budget_election_new, with no project yet.
 * @param[in]     key       the setting's name.
 * @param[in]     value     its value as text ("25,000", "approval", "3").
 * @return TMO_OK; TMO_EINVAL (a NULL argument; the election is complete or already has projects);
 *         TMO_EUNKNOWNKEY; TMO_ESYNTAX; TMO_EINEXACT; TMO_EVALUE (an unknown vote type or rule, a key set twice, a
 *         budget that is not positive). The last error's key path names the key.
 * Thread-safety: one thread at a time per election. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_set(tmo_budget_election *election, const char *key,
                                             const char *value) TMO_NOEXCEPT;

/**
 * Adds a project. The first project ends the settings.
 *
 * @param[in,out] election  an election made by tmo_budget_election_new and not yet finished.
 * @param[in]     id        the project's id, unique, not empty ("play", "12").
 * @param[in]     name      its name; may be NULL for none.
 * @param[in]     cost      its cost as money ("9800", "1,250.50"); positive.
 * @return TMO_OK; TMO_EINVAL (a NULL argument; the election is complete); TMO_EMISSINGKEY (no budget was set);
 *         TMO_ESYNTAX; TMO_EINEXACT; TMO_EVALUE (an empty or repeated id, a cost that is not positive).
 * Thread-safety: one thread at a time per election. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_add_project(tmo_budget_election *election, const char *id, const char *name,
                                                     const char *cost) TMO_NOEXCEPT;

/**
 * Adds one voter's ballot. Approval, choose-1 and ordinal ballots list the projects (ordinal: best first; points
 * per rank come from the "scoring_fn" setting, or Borda); cumulative and scoring ballots give each listed project
 * its points.
 *
 * @param[in,out] election     an election made by tmo_budget_election_new and not yet finished.
 * @param[in]     voter_id     the voter's id, unique; may be NULL for an anonymous ballot (numbered "#1", "#2", ...).
 * @param[in]     project_ids  `count` project ids (may be NULL when `count` is 0).
 * @param[in]     points       `count` points, aligned with `project_ids`, for cumulative and scoring ballots;
 *                             NULL for the other vote types (where it is ignored).
 * @param[in]     count        the number of projects on the ballot.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or element, points NULL for cumulative or scoring ballots; the
 *         election is complete); TMO_EMISSINGKEY (no budget was set); TMO_EVALUE (an unknown or repeated project,
 *         a voter id used before, a choose-1 ballot of other than one project, negative cumulative points).
 * Thread-safety: one thread at a time per election. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_add_ballot(tmo_budget_election *election, const char *voter_id,
                                                    const char *const *project_ids, const int64_t *points,
                                                    size_t count) TMO_NOEXCEPT;

/**
 * Completes an election built part by part: checks it; from then on it can be run and no longer changed. On
 * failure the election stays incomplete and unusable: free it.
 *
 * @param[in,out] election  an election made by tmo_budget_election_new.
 * @return TMO_OK; TMO_EINVAL (a NULL argument; already complete); TMO_EMISSINGKEY (no budget, no project).
 * Thread-safety: one thread at a time per election. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_finish(tmo_budget_election *election) TMO_NOEXCEPT;

/**
 * Releases an election. Outcomes computed from it stay valid (they keep what they need).
 *
 * @param[in] election  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_budget_election_free(tmo_budget_election *election) TMO_NOEXCEPT;

/**
 * The number of projects of a complete election.
 *
 * @param[out] out       the number; 0 on failure.
 * @param[in]  election  a complete election.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an incomplete election).
 * Thread-safety: safe on a complete election. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_project_count(size_t *out, const tmo_budget_election *election) TMO_NOEXCEPT;

/**
 * The number of voters (ballots cast) of a complete election.
 *
 * @param[out] out       the number; 0 on failure.
 * @param[in]  election  a complete election.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an incomplete election).
 * Thread-safety: safe on a complete election. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_election_voter_count(uint64_t *out, const tmo_budget_election *election) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Rule options                                                                                                 */
/* ============================================================================================================ */

/**
 * The options of a rule as named text settings, so that new options never change a function's signature.
 * Opaque; created by tmo_budget_options_new (every option at its default); released with tmo_budget_options_free.
 */
typedef struct tmo_budget_options tmo_budget_options;

/**
 * New options, every one at its default.
 *
 * @param[out] out  [owned] the options; free with tmo_budget_options_free.
 * @return TMO_OK; TMO_EINVAL (out NULL); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_options_new(tmo_budget_options **out) TMO_NOEXCEPT;

/**
 * Sets one option (the same names and values as the options of the `tmo budget` command):
 *
 *   "ties"         comma list of min-cost, max-cost, max-votes, file, order, id, id-string
 *                  (default "min-cost,max-votes,file"; "order" needs "drawn-order")
 *   "drawn-order"  project ids, best first, separated by commas, spaces or new lines
 *   "add1-stop"    "exhaustive" (default) or "over-budget"
 *   "add1-start"   "exact" (default) or "floor"
 *   "add1-step"    a positive amount per voter ("1", the default; "0.01"; "1/2")
 *   "add1-max-runs" the most runs Add1 may make, 1 to 1000000000 (default 10000): more is TMO_ETOOLARGE
 *   "utility"      "cost" (default) or "cardinality"
 *   "score"        "auto" (default), "ballots" or "column": where greedy's scores come from
 *   "eligibility"  "none" (default) or a positive factor such as "1/3" (the Method of Equal Shares' filter)
 *   "compare"      "none" (default), "satisfaction" or "exclusion" (the comparison step)
 *
 * @param[in,out] options  the options.
 * @param[in]     name     the option's name.
 * @param[in]     value    its value.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EUNKNOWNKEY (no such option; the message lists them);
 *         TMO_EVALUE (a value the option does not take; the message says what it takes). On failure the options
 *         are unchanged.
 * Thread-safety: one thread at a time per options handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_options_set(tmo_budget_options *options, const char *name,
                                            const char *value) TMO_NOEXCEPT;

/**
 * Releases options.
 *
 * @param[in] options  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_budget_options_free(tmo_budget_options *options) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Running a rule and reading the outcome                                                                       */
/* ============================================================================================================ */

/**
 * The result of a rule: the funded projects in the order the rule funded them, their exact total cost, and the
 * explanation of every decision. Opaque; created by tmo_budget_run; released with tmo_budget_outcome_free. Never
 * modified after creation: several threads may read one at once.
 */
typedef struct tmo_budget_outcome tmo_budget_outcome;

/**
 * Runs a rule on a complete election.
 *
 * @param[out] out       [owned] the outcome, or NULL on failure; free with tmo_budget_outcome_free.
 * @param[in]  election  a complete election.
 * @param[in]  rule      "greedy", "greedy-no-skip", "greedy-threshold", "greedy-cost", "max-welfare", "phragmen",
 *                       "mes", "mes-add1" or "mes-add1u"; NULL for the rule the election names (its "rule"
 *                       setting or Pabulib META rule) when tmo has it, else "greedy".
 * @param[in]  options   the rule's options; NULL for the defaults.
 * @return TMO_OK; TMO_EINVAL (out or election NULL, an incomplete election); TMO_EVALUE (an unknown rule, a tie the
 *         tie-breaking options leave unresolved (the message names the projects), a drawn order naming an unknown
 *         project, greedy-threshold on an election without a minimum score); TMO_ENOMEM.
 * Thread-safety: safe on a complete election and options no thread is changing. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_run(tmo_budget_outcome **out, const tmo_budget_election *election, const char *rule,
                                    const tmo_budget_options *options) TMO_NOEXCEPT;

/**
 * Releases an outcome and every string borrowed from it.
 *
 * @param[in] outcome  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_budget_outcome_free(tmo_budget_outcome *outcome) TMO_NOEXCEPT;

/**
 * The number of funded projects, which is also the number of rounds (one project funded per round).
 *
 * @param[out] out      the number; 0 on failure.
 * @param[in]  outcome  the outcome.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_outcome_selected_count(size_t *out, const tmo_budget_outcome *outcome) TMO_NOEXCEPT;

/**
 * The id of the project funded in round `index` (0-based), as written in the election.
 *
 * @param[in] outcome  the outcome.
 * @param[in] index    less than tmo_budget_outcome_selected_count.
 * @return [borrowed] the id, valid until the outcome is freed; NULL (last error TMO_EINVAL) for a NULL outcome or
 *         an index out of range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_budget_outcome_selected_id(const tmo_budget_outcome *outcome,
                                                            size_t index) TMO_NOEXCEPT;

/**
 * The exact total cost of the funded projects as decimal text ("22300.5"), never above the budget.
 *
 * @param[in] outcome  the outcome.
 * @return [borrowed] the text, valid until the outcome is freed; NULL (last error TMO_EINVAL) if `outcome` is NULL.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_budget_outcome_cost(const tmo_budget_outcome *outcome) TMO_NOEXCEPT;

/**
 * The rule's measure in round `index`, exactly: the score (greedy), the score per unit of cost (greedy-cost), the
 * price per unit of benefit rho (Method of Equal Shares: "1/27"), the new load of the supporters (Phragmen), or the
 * project's welfare (max-welfare).
 *
 * @param[in] outcome  the outcome.
 * @param[in] index    less than tmo_budget_outcome_selected_count.
 * @return [borrowed] exact text, valid until the outcome is freed; NULL (last error TMO_EINVAL) for a NULL outcome
 *         or an index out of range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_budget_outcome_round_measure(const tmo_budget_outcome *outcome,
                                                              size_t index) TMO_NOEXCEPT;

/**
 * One plain sentence saying why the project of round `index` was funded, with the figures (its supporters, what
 * each paid, the rule's measure), e.g. "Funded in round 1: its 27 supporters could pay its cost of 9,800.00
 * together, ...".
 *
 * @param[in] outcome  the outcome.
 * @param[in] index    less than tmo_budget_outcome_selected_count.
 * @return [borrowed] the sentence, valid until the outcome is freed; NULL (last error TMO_EINVAL) for a NULL outcome
 *         or an index out of range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_budget_outcome_round_explanation(const tmo_budget_outcome *outcome,
                                                                  size_t index) TMO_NOEXCEPT;

/**
 * One plain sentence saying why a project was or was not funded, for any project of the election, e.g. "Not
 * funded: its supporters had only 1,699.73 of their equal shares left between them, less than its cost of
 * 4,200.00."
 *
 * @param[in] outcome     the outcome.
 * @param[in] project_id  the project's id.
 * @return [borrowed] the sentence, valid until the outcome is freed; NULL for a NULL argument (last error
 *         TMO_EINVAL) or a project the election does not have (TMO_ENOTFOUND).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_budget_outcome_project_explanation(const tmo_budget_outcome *outcome,
                                                                    const char *project_id) TMO_NOEXCEPT;

/**
 * The outcome as one JSON object: "rule", "options", "budget", "selected" (project ids in funding order), "cost"
 * (exact decimal text), "rounds" (per round: the project, the measure, each group of supporters' payments, the
 * budget left and the explanation), "rejected" (each project left out with its reason), and when present
 * "endowment", "runs", "comparison" and "left_over". Every amount is exact text.
 *
 * @param[out] out      [owned] receives the JSON; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  outcome  the outcome.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOMEM.
 * Thread-safety: safe on a shared outcome; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_outcome_to_json(tmo_buf *out, const tmo_budget_outcome *outcome) TMO_NOEXCEPT;

/**
 * The outcome as a plain-text report for residents (several lines, ending in a newline): the rule and its options,
 * each round with its figures and sentence, each project left out and why, and what each voter has left.
 *
 * @param[out] out      [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  outcome  the outcome.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOMEM.
 * Thread-safety: safe on a shared outcome; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_budget_outcome_to_text(tmo_buf *out, const tmo_budget_outcome *outcome) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_BUDGET_H */
