/*
 * tmo/committee.h: the committee (its make-up and who retires by rotation) and the statutory calendar, through the
 * C API.
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h (status codes, last error, ownership tags, threads) apply to every declaration here.
 *
 * Inputs are text: a committee is a TOML committee file (docs/committee.md: `seats` and one [[member]] table per
 * person with id, name, category, since and offices); milestones are key/value pairs of a milestone name and a date
 * "YYYY-MM-DD". Outputs are records fit for minutes, rendered as text, Markdown or JSON (docs/committee.md lists
 * the JSON keys).
 */
#ifndef TMO_COMMITTEE_H
#define TMO_COMMITTEE_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* The statutory calendar                                                                                       */
/* ============================================================================================================ */

/**
 * Computes the statutory calendar from milestones and flags each deadline on the day `on`: the due date of every
 * deadline of the calendar preset whose milestone is given (a period in days ends that many days after the
 * milestone; months are calendar months, the day clamped to the end of a shorter month), and whether it is met,
 * met late, overdue, due soon or upcoming.
 *
 * Example: the milestone "rtm_notice_served" = "2025-01-10" with `on` = "2025-02-10" under the preset "england"
 * gives the council's decision due on 2025-02-07 (28 days), overdue by 3 days.
 *
 * @param[out] out            the calendar rendered as `format` (initialised with TMO_BUF_INIT; its old contents
 *                            are released); {NULL, 0} on failure.
 * @param[out] overdue_out    the number of overdue deadlines; may be NULL; 0 on failure.
 * @param[in]  preset         a calendar preset name ("england"); NULL for "england".
 * @param[in]  names          `count` milestone names ("rtm_notice_served", "financial_year_end", ...).
 * @param[in]  dates          `count` dates "YYYY-MM-DD", one per name.
 * @param[in]  count          the number of milestones; 0 is allowed (nothing is computed).
 * @param[in]  on             the day looked at, "YYYY-MM-DD".
 * @param[in]  due_soon_days  flag deadlines this many days ahead or fewer; negative for the preset's value.
 * @param[in]  format         a tmo_record_format.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or element, an unknown format, a milestone named twice; the key path
 *         names the argument); TMO_ESYNTAX or TMO_EVALUE (a date that is not a day; the key path is the milestone);
 *         TMO_ENOTFOUND (an unknown preset or milestone; the message lists the known ones); TMO_EOVERFLOW (a due date
 *         beyond year 9999); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_calendar(tmo_buf *out, size_t *overdue_out, const char *preset, const char *const *names,
                                  const char *const *dates, size_t count, const char *on, int64_t due_soon_days,
                                  int format) TMO_NOEXCEPT;

/**
 * The name of calendar preset `index` (0-based): "england", ...
 *
 * @return [borrowed] static text; NULL with TMO_EINVAL when `index` is out of range (use it to count the presets).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_calendar_preset_name(size_t index) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* The committee                                                                                                */
/* ============================================================================================================ */

/**
 * Checks a committee's make-up against a constitution's [committee] rules: size, resident share, co-option cap,
 * one office each, one holder per office, required officers. A failed test is an outcome (`passed_out` = 0), not
 * an error.
 *
 * @param[out] out             the report rendered as `format`; {NULL, 0} on failure.
 * @param[out] passed_out      1 if every test passed, else 0; may be NULL; 0 on failure.
 * @param[in]  rules           the constitution; it must have a [committee] table.
 * @param[in]  committee_toml  the committee file's text.
 * @param[in]  source_name     the file name used in error locations; NULL for none.
 * @param[in]  format          TMO_RECORD_MARKDOWN or TMO_RECORD_JSON (TMO_RECORD_TEXT gives the Markdown, which
 *                             reads as plain text).
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown format); TMO_ENOTFOUND (the constitution has no
 *         committee rules); the committee file's errors with file, line, column and key path (TMO_ESYNTAX,
 *         TMO_EUNKNOWNKEY, TMO_EMISSINGKEY, TMO_EWRONGTYPE, TMO_EVALUE, TMO_ETOOLARGE over 256 KiB); TMO_ENOMEM.
 * Thread-safety: safe; several threads may share one constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_committee_check(tmo_buf *out, int *passed_out, const tmo_constitution *rules,
                                         const char *committee_toml, const char *source_name,
                                         int format) TMO_NOEXCEPT;

/**
 * Who retires at the AGM held on `agm`: the constitution's rotation fraction of the members who rotate (all but
 * co-opted ones), rounded as the constitution says, longest serving first, members elected on the same day
 * straddling the cut drawn by lot with `seed` (SHA-256, docs/counting.md §4.2); without a rotation fraction, the
 * members whose term has ended. Co-opted members are listed apart: their co-option ends at the AGM.
 *
 * @param[out] out             the record rendered as `format`; {NULL, 0} on failure.
 * @param[out] seats_out       the seats to fill at the AGM (retiring + casual vacancies); may be NULL; 0 on failure.
 * @param[in]  rules           the constitution; it must have a [committee] table.
 * @param[in]  committee_toml  the committee file's text.
 * @param[in]  source_name     the file name used in error locations; NULL for none.
 * @param[in]  agm             the day of the AGM, "YYYY-MM-DD".
 * @param[in]  seed            the published seed for a draw by lot; NULL or "" if none was published (the call
 *                             then fails with TMO_EINVAL if a draw is needed, naming the tied members).
 * @param[in]  format          as for tmo_committee_check.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown format, a draw needed without a seed); TMO_ESYNTAX or
 *         TMO_EVALUE (`agm` is not a day; a member took office after the AGM); TMO_ENOTFOUND (no committee rules);
 *         the committee file's errors as tmo_committee_check; TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_committee_rotation(tmo_buf *out, uint32_t *seats_out, const tmo_constitution *rules,
                                            const char *committee_toml, const char *source_name, const char *agm,
                                            const char *seed, int format) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_COMMITTEE_H */
