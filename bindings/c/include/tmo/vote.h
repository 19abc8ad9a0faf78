/*
 * tmo/vote.h: counting votes through the C API — ballot profiles, every counting rule by name, and results that
 * explain themselves stage by stage.
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h (status codes, last error, ownership tags, threads) apply to every declaration here.
 *
 * Numbering: candidates are numbered from 1 in the order of the ballot file (as on official result sheets and in the
 * JSON rendering); 0 means "no candidate". Positions in a list (the n-th elected, the n-th stage, the n-th tie) are
 * 0-based indices, as elsewhere in the C API.
 *
 * Exact values: every vote, quota and transfer is handed out as exact decimal text at the rule's display precision
 * ("1234.00000" under scottish-stv; "12.5" or, when the decimal does not terminate, a fraction such as "37/3" under
 * exact rules). Parse it with tmo_fraction_normalise if you need to compute with it; never convert it to a double.
 */
#ifndef TMO_VOTE_H
#define TMO_VOTE_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* Ballot profiles                                                                                              */
/* ============================================================================================================ */

/**
 * An election's ballots: the candidates, the number of seats and every different ballot with its count (identical
 * papers are merged). Opaque; created by tmo_profile_new, _parse or _load; released with tmo_profile_free. A profile
 * is changed only by tmo_profile_add_ballot, _withdraw and _set_seats; counting reads it, so several threads may
 * count one profile at once as long as none changes it.
 */
typedef struct tmo_profile tmo_profile;

/* Flags of tmo_profile_parse and tmo_profile_load. */
#define TMO_BALLOTS_STRICT 0x1u /**< read BLT as the standard defines it (quoted UTF-8 names), not leniently */

/* Marks of tmo_profile_add_ballot, beside candidate numbers 1, 2, ... */
#define TMO_MARK_BLANK 0u              /**< a rank the voter left blank */
#define TMO_MARK_OVERVOTE 0x7FFFFFFFu  /**< a rank marked for several candidates the source does not name */
#define TMO_MARK_EQUAL 0x80000000u     /**< OR'd into a candidate number: same rank as the previous mark ("1=3") */

/**
 * Reads a ballot file from memory, telling its format from its content: BLT, or a CSV with the header
 * `ballot_id,rank,choice` (and further formats as the library learns them; tmo_profile_format says which was read).
 * Lenient BLT accepts what real published files contain (unquoted names, doubled quotes, Windows-1252 bytes) and
 * records a warning for each such repair (tmo_profile_warnings).
 *
 * @param[out] out          [owned] the new profile, or NULL on failure; free with tmo_profile_free.
 * @param[in]  text         the file's bytes, `len` of them (copied; not retained); need not be NUL-terminated.
 * @param[in]  len          the length of `text`.
 * @param[in]  source_name  the name used in error locations; may be NULL.
 * @param[in]  flags        0 or TMO_BALLOTS_STRICT.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, unknown flags); TMO_ESYNTAX (no known format, or malformed text);
 *         TMO_EVALUE (a value not allowed: a candidate number out of range, seats 0); TMO_EOVERFLOW; TMO_ENOMEM.
 *         The last error gives the line and column.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_parse(tmo_profile **out, const char *text, size_t len, const char *source_name,
                                       unsigned flags) TMO_NOEXCEPT;

/**
 * Reads a ballot file from disk, as tmo_profile_parse with the path as source name.
 *
 * @param[out] out    [owned] the new profile, or NULL on failure; free with tmo_profile_free.
 * @param[in]  path   the file's path in the platform's narrow encoding (UTF-8 on POSIX systems).
 * @param[in]  flags  0 or TMO_BALLOTS_STRICT.
 * @return as tmo_profile_parse, and TMO_EIO when the file cannot be read.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_load(tmo_profile **out, const char *path, unsigned flags) TMO_NOEXCEPT;

/**
 * Creates a profile with candidates and no ballots, for ballots added one by one with tmo_profile_add_ballot.
 *
 * @param[out] out    [owned] the new profile, or NULL on failure; free with tmo_profile_free.
 * @param[in]  names  `count` candidate names (UTF-8, not empty), candidate 1 first; copied.
 * @param[in]  count  the number of candidates, at least 1.
 * @param[in]  seats  the number of seats, from 1 to `count`.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or name); TMO_EVALUE (no candidates, a name that is empty, blank or
 *         not UTF-8, seats out of range); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_new(tmo_profile **out, const char *const *names, size_t count,
                                     uint32_t seats) TMO_NOEXCEPT;

/**
 * Releases a profile. NULL is accepted (no effect). Leaves the last error untouched.
 * Thread-safety: no other thread may use the profile. Since: 0.1
 */
TMO_API void TMO_CALL tmo_profile_free(tmo_profile *profile) TMO_NOEXCEPT;

/**
 * Adds `count` identical papers, marked as `marks` says from the most preferred to the least: candidate numbers,
 * TMO_MARK_BLANK for a blank rank, TMO_MARK_OVERVOTE for an unnamed overvote, and TMO_MARK_EQUAL OR'd into a
 * candidate number that shares the previous mark's rank. The marks are stored as the voter made them; each rule
 * decides how to read them when it counts.
 *
 * @param[in,out] profile  the profile.
 * @param[in]     marks    `n` marks (copied); may be NULL when `n` is 0 (a paper with no mark).
 * @param[in]     n        the number of marks.
 * @param[in]     count    the number of papers, at least 1.
 * @return TMO_OK; TMO_EINVAL (NULL profile, NULL marks with n > 0, count 0, a candidate number out of range, or
 *         TMO_MARK_EQUAL on the first mark or on a blank); TMO_EOVERFLOW (papers would exceed 2^63); TMO_ENOMEM. On
 *         failure the profile is unchanged.
 * Thread-safety: one thread at a time per profile. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_add_ballot(tmo_profile *profile, const uint32_t *marks, size_t n,
                                            uint64_t count) TMO_NOEXCEPT;

/**
 * Withdraws candidate `candidate` (1-based): the rules treat it as absent from every ballot.
 *
 * @return TMO_OK; TMO_EINVAL (NULL profile, no such candidate).
 * Thread-safety: one thread at a time per profile. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_withdraw(tmo_profile *profile, uint32_t candidate) TMO_NOEXCEPT;

/**
 * Sets the number of seats (a count's "seats" option still overrides it).
 *
 * @return TMO_OK; TMO_EINVAL (NULL profile); TMO_EVALUE (0 or more than the candidates).
 * Thread-safety: one thread at a time per profile. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_set_seats(tmo_profile *profile, uint32_t seats) TMO_NOEXCEPT;

/**
 * The number of candidates, seats and papers of a profile.
 *
 * @param[out] candidates_out  the number of candidates (0 on failure).
 * @param[out] seats_out       the number of seats (0 on failure).
 * @param[out] papers_out      the number of papers, all ballots' counts added (0 on failure).
 * @param[in]  profile         the profile.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a profile no thread is changing. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_size(uint32_t *candidates_out, uint32_t *seats_out, uint64_t *papers_out,
                                      const tmo_profile *profile) TMO_NOEXCEPT;

/**
 * The name of candidate `candidate` (1-based).
 *
 * @return [borrowed] the name, valid until the profile is freed; NULL with TMO_EINVAL for a NULL profile or no such
 *         candidate.
 * Thread-safety: safe on a profile no thread is changing. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_profile_candidate_name(const tmo_profile *profile, uint32_t candidate) TMO_NOEXCEPT;

/**
 * The election's title (the BLT title line; "" if none).
 *
 * @return [borrowed] valid until the profile is freed; NULL with TMO_EINVAL for a NULL profile.
 * Thread-safety: safe on a profile no thread is changing. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_profile_title(const tmo_profile *profile) TMO_NOEXCEPT;

/**
 * The format the profile was read from: "blt", "long-format", ...; "" for a profile made by tmo_profile_new.
 *
 * @return [borrowed] static text; NULL with TMO_EINVAL for a NULL profile.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_profile_format(const tmo_profile *profile) TMO_NOEXCEPT;

/**
 * The warnings of a lenient read, one per line as "file:line:column: warning: message"; "" if there were none.
 *
 * @param[out] out      the text (initialised with TMO_BUF_INIT; its old contents are released).
 * @param[in]  profile  the profile.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOMEM.
 * Thread-safety: safe on a profile no thread is changing. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_warnings(tmo_buf *out, const tmo_profile *profile) TMO_NOEXCEPT;

/**
 * Writes the profile as a standard BLT file (quoted names, equal rankings as "1=3", blank ranks as "-").
 *
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOMEM.
 * Thread-safety: safe on a profile no thread is changing. Since: 0.1
 */
TMO_API int TMO_CALL tmo_profile_to_blt(tmo_buf *out, const tmo_profile *profile) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Counting                                                                                                     */
/* ============================================================================================================ */

/**
 * The options of a count as key/value text, so that new options never change the ABI. Opaque; created by
 * tmo_count_options_new; released with tmo_count_options_free. The keys are checked when the count runs, against
 * the rule's own list (docs/counting.md, "Options"); a key set twice keeps the last value.
 */
typedef struct tmo_count_options tmo_count_options;

/** The result of a count. Opaque, never modified after creation: several threads may read one at once. */
typedef struct tmo_count tmo_count;

/** What a stage did. */
enum tmo_stage_action {
    TMO_STAGE_FIRST_PREFERENCES = 1, /**< papers sorted by first preference (or the single stage of a one-stage rule) */
    TMO_STAGE_SURPLUS = 2,           /**< an elected candidate's surplus transferred */
    TMO_STAGE_EXCLUSION = 3          /**< an excluded candidate's papers transferred */
};

/** A candidate's standing at the end of a stage. */
enum tmo_candidate_state {
    TMO_CANDIDATE_CONTINUING = 1,
    TMO_CANDIDATE_ELECTED = 2,
    TMO_CANDIDATE_EXCLUDED = 3,
    TMO_CANDIDATE_WITHDRAWN = 4
};

/** Renderings of a count. */
enum tmo_count_format {
    TMO_COUNT_TEXT = 1, /**< a plain-text report: summary, table of votes by stage, one line per stage */
    TMO_COUNT_JSON = 2, /**< one JSON object (docs/counting.md, "JSON") */
    TMO_COUNT_CSV = 3   /**< one row per stage and candidate */
};

/**
 * The name of counting rule `index` (0-based): "scottish-stv", "wigm", "irv", ... in the documentation's order.
 *
 * @return [borrowed] static text, or NULL past the last rule (without recording an error).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_rule_name(size_t index) TMO_NOEXCEPT;

/**
 * Creates an empty set of count options.
 *
 * @param[out] out  [owned] the options, or NULL on failure; free with tmo_count_options_free.
 * @return TMO_OK; TMO_EINVAL (NULL out); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_options_new(tmo_count_options **out) TMO_NOEXCEPT;

/**
 * Releases count options. NULL is accepted (no effect). Leaves the last error untouched.
 * Thread-safety: no other thread may use the options. Since: 0.1
 */
TMO_API void TMO_CALL tmo_count_options_free(tmo_count_options *options) TMO_NOEXCEPT;

/**
 * Sets option `key` to `value` (both copied), e.g. ("seats", "3"), ("ties", "backwards,lot"), ("seed", "AGM 2026").
 *
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an empty key); TMO_ENOMEM.
 * Thread-safety: one thread at a time per options. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_options_set(tmo_count_options *options, const char *key,
                                           const char *value) TMO_NOEXCEPT;

/**
 * Counts a profile by the rule named `rule`.
 *
 * @param[out] out      [owned] the result, or NULL on failure; free with tmo_count_free.
 * @param[in]  profile  the ballots.
 * @param[in]  rule     a rule name (tmo_count_rule_name).
 * @param[in]  options  the options; NULL for none.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an option the rule does not have, a wrong manual tie decision);
 *         TMO_ENOTFOUND (no such rule); TMO_EVALUE (an option value not allowed, an election the rule cannot count,
 *         a tie the chain cannot settle: the message lists the tied candidates); TMO_EOVERFLOW; TMO_ENOMEM.
 * Thread-safety: safe; several threads may count one profile at once. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_run(tmo_count **out, const tmo_profile *profile, const char *rule,
                                   const tmo_count_options *options) TMO_NOEXCEPT;

/**
 * Releases a result. NULL is accepted (no effect). Leaves the last error untouched.
 * Thread-safety: no other thread may use the result. Since: 0.1
 */
TMO_API void TMO_CALL tmo_count_free(tmo_count *count) TMO_NOEXCEPT;

/**
 * Renders a result as text, JSON or CSV.
 *
 * @param[out] out     the rendering (initialised with TMO_BUF_INIT; its old contents are released).
 * @param[in]  count   the result.
 * @param[in]  format  a tmo_count_format.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown format); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_render(tmo_buf *out, const tmo_count *count, int format) TMO_NOEXCEPT;

/**
 * The result's plain sentences: who was elected and how.
 *
 * @return [borrowed] valid until the result is freed; NULL with TMO_EINVAL for a NULL result.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_summary(const tmo_count *count) TMO_NOEXCEPT;

/**
 * The number of candidates elected.
 *
 * @return TMO_OK; TMO_EINVAL (a NULL argument; *out is then 0).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_elected_count(size_t *out, const tmo_count *count) TMO_NOEXCEPT;

/**
 * The `index`-th candidate elected (0-based, in order of election), as a 1-based candidate number.
 *
 * @return TMO_OK; TMO_EINVAL (a NULL argument, index out of range; *out is then 0).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_elected(uint32_t *out, const tmo_count *count, size_t index) TMO_NOEXCEPT;

/**
 * The number of stages, numbered as on official result sheets (stage k has index k - 1).
 *
 * @return TMO_OK; TMO_EINVAL (a NULL argument; *out is then 0).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_stage_count(size_t *out, const tmo_count *count) TMO_NOEXCEPT;

/**
 * What stage `stage` (0-based) did and whose papers it moved.
 *
 * @param[out] action_out   a tmo_stage_action (0 on failure).
 * @param[out] subject_out  the 1-based candidate whose surplus or papers were transferred; 0 for none (0 on failure).
 * @return TMO_OK; TMO_EINVAL (a NULL argument, stage out of range).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_stage_action(int *action_out, uint32_t *subject_out, const tmo_count *count,
                                            size_t stage) TMO_NOEXCEPT;

/**
 * A candidate's votes at the end of stage `stage` (0-based), as exact decimal text.
 *
 * @param[in] candidate  a 1-based candidate number.
 * @return [borrowed] valid until the result is freed; NULL with TMO_EINVAL for a NULL result, a stage or candidate
 *         out of range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_stage_votes(const tmo_count *count, size_t stage,
                                                   uint32_t candidate) TMO_NOEXCEPT;

/**
 * A candidate's standing at the end of stage `stage` (0-based).
 *
 * @param[out] out  a tmo_candidate_state (0 on failure).
 * @return TMO_OK; TMO_EINVAL (a NULL argument, a stage or candidate out of range).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_stage_state(int *out, const tmo_count *count, size_t stage,
                                           uint32_t candidate) TMO_NOEXCEPT;

/** The figures of a stage that are not a candidate's votes (tmo_count_stage_figure). */
enum tmo_stage_figure {
    TMO_FIGURE_QUOTA = 1,                  /**< the quota in force (the majority threshold under IRV; 0 if none) */
    TMO_FIGURE_NON_TRANSFERABLE = 2,       /**< value of papers that went no further at this stage */
    TMO_FIGURE_NON_TRANSFERABLE_TOTAL = 3, /**< the running total of those up to this stage */
    TMO_FIGURE_ROUNDING_LOSS = 4,          /**< value lost to truncation at this stage */
    TMO_FIGURE_ROUNDING_LOSS_TOTAL = 5     /**< the running total of that up to this stage */
};

/**
 * A figure of stage `stage` (0-based), as exact decimal text. At every stage the candidates' votes, the
 * non-transferable total and the rounding-loss total add up to the valid vote.
 *
 * @param[in] figure  a tmo_stage_figure.
 * @return [borrowed] valid until the result is freed; NULL with TMO_EINVAL for a NULL result, a stage out of range
 *         or an unknown figure.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_stage_figure(const tmo_count *count, size_t stage, int figure) TMO_NOEXCEPT;

/**
 * One plain sentence saying what stage `stage` (0-based) did.
 *
 * @return [borrowed] valid until the result is freed; NULL with TMO_EINVAL for a NULL result or a stage out of range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_stage_explanation(const tmo_count *count, size_t stage) TMO_NOEXCEPT;

/**
 * The number of ties met during the count (of all stages, in the order they were settled).
 *
 * @return TMO_OK; TMO_EINVAL (a NULL argument; *out is then 0).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_tie_count(size_t *out, const tmo_count *count) TMO_NOEXCEPT;

/**
 * How tie `index` (0-based) was settled.
 *
 * @param[out] stage_out   the 1-based stage number the decision leads to (0 on failure).
 * @param[out] chosen_out  the 1-based candidate the rule acted on: excluded, transferred first or elected (0 on
 *                         failure).
 * @param[in]  count       the result.
 * @param[in]  index       the tie.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, index out of range).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_count_tie(size_t *stage_out, uint32_t *chosen_out, const tmo_count *count,
                                   size_t index) TMO_NOEXCEPT;

/**
 * The method that settled tie `index` ("backwards", "forwards", "order", "lot", "manual").
 *
 * @return [borrowed] static text; NULL with TMO_EINVAL for a NULL result or an index out of range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_tie_method(const tmo_count *count, size_t index) TMO_NOEXCEPT;

/**
 * One plain sentence on tie `index`: who tied, on what value, and how it was settled.
 *
 * @return [borrowed] valid until the result is freed; NULL with TMO_EINVAL for a NULL result or an index out of
 *         range.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_count_tie_explanation(const tmo_count *count, size_t index) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_VOTE_H */
