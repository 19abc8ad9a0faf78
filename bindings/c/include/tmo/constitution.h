/*
 * tmo/constitution.h: an organisation's rules (its constitution) through the C API.
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h (status codes, last error, ownership tags, threads) apply to every declaration here.
 */
#ifndef TMO_CONSTITUTION_H
#define TMO_CONSTITUTION_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* Constitutions                                                                                                */
/* ============================================================================================================ */

/* tmo_constitution, an organisation's rules, is declared in tmo.h (other modules take it too). */

/** The legal form of the organisation. */
enum tmo_legal_form {
    TMO_LEGAL_FORM_CO_OPERATIVE_SOCIETY = 1,         /**< Co-operative and Community Benefit Societies Act 2014 */
    TMO_LEGAL_FORM_COMMUNITY_BENEFIT_SOCIETY = 2,    /**< likewise */
    TMO_LEGAL_FORM_COMPANY_LIMITED_BY_GUARANTEE = 3  /**< Companies Act 2006 */
};

/** Whether each member votes, or each household casts one vote. */
enum tmo_vote_unit {
    TMO_VOTE_UNIT_MEMBER = 1,
    TMO_VOTE_UNIT_HOUSEHOLD = 2
};

/** The kinds of meeting a constitution regulates. */
enum tmo_meeting_kind {
    TMO_MEETING_AGM = 1,       /**< annual general meeting */
    TMO_MEETING_GENERAL = 2,   /**< general meeting */
    TMO_MEETING_SPECIAL = 3,   /**< special general meeting */
    TMO_MEETING_COMMITTEE = 4  /**< committee (board) meeting */
};

/** Whether a rule needs all of its threshold tests or any one of them. */
enum tmo_combine {
    TMO_COMBINE_ALL = 1,
    TMO_COMBINE_ANY = 2
};

/**
 * Parses a constitution from TOML text.
 *
 * Unknown keys, TOML floats where exact numbers are needed, missing keys and out-of-range values are errors. Input
 * over 64 KiB is refused before parsing. The text need not be NUL-terminated and may come from an untrusted source.
 *
 * @param[out] out          [owned] the new constitution, or NULL on failure; free with tmo_constitution_free.
 * @param[in]  text         the TOML text, `len` bytes (copied; not retained).
 * @param[in]  len          the length of `text` in bytes.
 * @param[in]  source_name  the name used in error locations (a file name); may be NULL for none.
 * @return TMO_OK; TMO_EINVAL (out or text NULL); TMO_ETOOLARGE; TMO_ESYNTAX; TMO_EUNKNOWNKEY; TMO_EMISSINGKEY;
 *         TMO_EWRONGTYPE; TMO_EVALUE; TMO_ENOMEM. tmo_error_last() gives the message and the file, line, column and
 *         key path of the first error found.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_parse(tmo_constitution **out, const char *text, size_t len,
                                            const char *source_name) TMO_NOEXCEPT;

/**
 * Reads and parses a constitution file, as tmo_constitution_parse with the path as source name.
 *
 * @param[out] out   [owned] the new constitution, or NULL on failure; free with tmo_constitution_free.
 * @param[in]  path  the file's path in the platform's narrow encoding (UTF-8 on POSIX systems).
 * @return as tmo_constitution_parse, and TMO_EIO when the file cannot be read.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_load(tmo_constitution **out, const char *path) TMO_NOEXCEPT;

/**
 * A constitution shipped with the library, by name: "ccbs_act_2014" (model rules for a registered society) or
 * "companies_act_2006" (a company limited by guarantee).
 *
 * @param[out] out   [owned] the new constitution, or NULL on failure; free with tmo_constitution_free.
 * @param[in]  name  the preset's name.
 * @return TMO_OK; TMO_EINVAL (out or name NULL); TMO_ENOTFOUND (no such preset); TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_preset(tmo_constitution **out, const char *name) TMO_NOEXCEPT;

/**
 * Releases a constitution and every string borrowed from it.
 *
 * @param[in] constitution  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_constitution_free(tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The canonical TOML text of a constitution: fixed key order, fractions as "p/q" strings. Parsing it gives an equal
 * constitution.
 *
 * @param[out] out           [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOMEM.
 * Thread-safety: safe on a shared constitution; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_to_toml(tmo_buf *out, const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * A plain-English summary of the rules for committee members (several lines, ending in a newline).
 *
 * @param[out] out           [owned] receives the text; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOMEM.
 * Thread-safety: safe on a shared constitution; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_summary(tmo_buf *out, const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The organisation's name.
 *
 * @param[in] constitution  the constitution.
 * @return [borrowed] the name, valid until the constitution is freed; NULL (last error TMO_EINVAL) if
 *         `constitution` is NULL.
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_constitution_name(const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The area of homes the organisation manages or seeks to manage.
 *
 * @param[in] constitution  the constitution.
 * @return [borrowed] the area, valid until the constitution is freed; NULL (last error TMO_EINVAL) if
 *         `constitution` is NULL.
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_constitution_area(const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The organisation's legal form.
 *
 * @param[out] out           a TMO_LEGAL_FORM_... value; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_legal_form(int *out, const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The minimum age, in years, of a member.
 *
 * @param[out] out           the age; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_minimum_age(uint32_t *out, const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * Whether each member votes or each household casts one vote.
 *
 * @param[out] out           a TMO_VOTE_UNIT_... value; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_vote_unit(int *out, const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The clear days of notice a meeting of `meeting_kind` needs: whole days between the day notice is given and the
 * day of the meeting, excluding both (see tmo_date_latest_notice). A kind without its own rules uses the general
 * meeting's, except committee meetings.
 *
 * @param[out] out           the number of clear days; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @param[in]  meeting_kind  a TMO_MEETING_... value.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown meeting kind); TMO_ENOTFOUND (committee meetings
 *         without rules).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_notice_days(uint32_t *out, const tmo_constitution *constitution,
                                                  int meeting_kind) TMO_NOEXCEPT;

/**
 * The quorum of a meeting of `meeting_kind`: how many qualifying persons must be present when the body has
 * `members` members, exactly as the constitution's formula says (a fraction rounded as it states, the lesser or
 * greater of two rules, ...).
 *
 * @param[out] out           the number of persons needed; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @param[in]  meeting_kind  a TMO_MEETING_... value.
 * @param[in]  members       the number of members of the body.
 * @param[in]  adjourned     nonzero for a meeting adjourned for want of a quorum, which uses the adjournment rule.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown meeting kind); TMO_ENOTFOUND (committee meetings
 *         without rules, or `adjourned` and the meeting kind has no adjournment rule).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_quorum(uint64_t *out, const tmo_constitution *constitution, int meeting_kind,
                                             uint64_t members, int adjourned) TMO_NOEXCEPT;

/**
 * The number of kinds of resolution ("ordinary", "special", ...) the constitution defines; at least 1.
 *
 * @param[out] out           the count; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_resolution_count(size_t *out,
                                                       const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The name of the resolution kind at `index`; kinds are in ascending byte order of their names.
 *
 * @param[in] constitution  the constitution.
 * @param[in] index         0 to tmo_constitution_resolution_count() - 1.
 * @return [borrowed] the name, valid until the constitution is freed; NULL (last error TMO_EINVAL) if
 *         `constitution` is NULL or `index` is out of range.
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_constitution_resolution_name(const tmo_constitution *constitution,
                                                              size_t index) TMO_NOEXCEPT;

/**
 * Whether a resolution of kind `kind` needs all of its threshold tests to pass, or any one.
 *
 * @param[out] out           a TMO_COMBINE_... value; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @param[in]  kind          a resolution kind's name ("special").
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOTFOUND (no such kind).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_resolution_combine(int *out, const tmo_constitution *constitution,
                                                         const char *kind) TMO_NOEXCEPT;

/**
 * The number of threshold tests of resolution kind `kind`; at least 1.
 *
 * @param[out] out           the count; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @param[in]  kind          a resolution kind's name.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOTFOUND (no such kind).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_resolution_test_count(size_t *out, const tmo_constitution *constitution,
                                                            const char *kind) TMO_NOEXCEPT;

/**
 * Threshold test `index` of resolution kind `kind` as English text, with its exact fraction:
 * "more than 1/2 of votes cast", "at least 3/4 of votes cast by secure tenants".
 *
 * @param[in] constitution  the constitution.
 * @param[in] kind          a resolution kind's name.
 * @param[in] index         0 to tmo_constitution_resolution_test_count() - 1.
 * @return [borrowed] the text, valid until the constitution is freed; NULL on failure, with last error TMO_EINVAL
 *         (a NULL argument, `index` out of range) or TMO_ENOTFOUND (no such kind).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_constitution_resolution_test(const tmo_constitution *constitution,
                                                              const char *kind, size_t index) TMO_NOEXCEPT;

/**
 * The least and greatest number of committee members.
 *
 * @param[out] min_out       the minimum size; 0 on failure.
 * @param[out] max_out       the maximum size; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOTFOUND (the constitution has no committee rules).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_committee_size(uint32_t *min_out, uint32_t *max_out,
                                                     const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The number of named ballots (a Right to Manage ballot, a continuation ballot); may be 0.
 *
 * @param[out] out           the count; 0 on failure.
 * @param[in]  constitution  the constitution.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_constitution_ballot_count(size_t *out, const tmo_constitution *constitution) TMO_NOEXCEPT;

/**
 * The name of the ballot at `index`; ballots are in ascending byte order of their names.
 *
 * @param[in] constitution  the constitution.
 * @param[in] index         0 to tmo_constitution_ballot_count() - 1.
 * @return [borrowed] the name, valid until the constitution is freed; NULL (last error TMO_EINVAL) if
 *         `constitution` is NULL or `index` is out of range.
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_constitution_ballot_name(const tmo_constitution *constitution,
                                                          size_t index) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_CONSTITUTION_H */
