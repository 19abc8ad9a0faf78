/*
 * tmo/decision.h: collective decisions through the C API — the membership register and voters' rolls, meetings
 * checked against the constitution, resolutions, class ballots, and their records (Markdown and JSON).
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h (status codes, last error, ownership tags, threads) apply to every declaration here. The file formats
 * (register CSV, meeting TOML) are documented in docs/decisions.md.
 */
#ifndef TMO_DECISION_H
#define TMO_DECISION_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* Membership register                                                                                          */
/* ============================================================================================================ */

/**
 * A membership register: members with their household, tenure class, date of birth or age, and the dates they
 * joined and left. Opaque; created by tmo_register_parse or _load; released with tmo_register_free. Never modified
 * after creation: several threads may read one at once.
 */
typedef struct tmo_register tmo_register;

/** A person's tenure, which decides membership, the vote and the tally a vote counts in. */
enum tmo_tenure_class {
    TMO_TENURE_SECURE_TENANT = 1,
    TMO_TENURE_INTRODUCTORY_TENANT = 2,
    TMO_TENURE_OTHER_TENANT = 3,
    TMO_TENURE_LONG_LEASEHOLDER = 4,
    TMO_TENURE_OTHER_RESIDENT = 5, /**< a resident without a tenancy */
    TMO_TENURE_NON_VOTING = 6      /**< observers, council officers: never vote */
};

/**
 * Parses a register from CSV text: a header line naming the columns id, name, household, tenure, born or age,
 * joined and optionally left, in any order; dates are YYYY-MM-DD.
 *
 * @param[out] out          [owned] the new register, or NULL on failure; free with tmo_register_free.
 * @param[in]  text         the CSV text, `len` bytes (copied; not retained).
 * @param[in]  len          the length of `text` in bytes.
 * @param[in]  source_name  the name used in error locations (a file name); may be NULL for none.
 * @return TMO_OK; TMO_EINVAL (out or text NULL); TMO_ESYNTAX (not CSV or UTF-8, a date not YYYY-MM-DD);
 *         TMO_EMISSINGKEY (a required column absent); TMO_EUNKNOWNKEY (an unknown column); TMO_EVALUE (a duplicate
 *         id, an unknown tenure class, no such day, born after joining, left before joining); TMO_ETOOLARGE (over
 *         4 MiB); TMO_ENOMEM. tmo_error_last() gives the line and column of the first error.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_register_parse(tmo_register **out, const char *text, size_t len,
                                        const char *source_name) TMO_NOEXCEPT;

/**
 * Reads and parses a register file, as tmo_register_parse with the path as source name.
 *
 * @param[out] out   [owned] the new register, or NULL on failure; free with tmo_register_free.
 * @param[in]  path  the file's path in the platform's narrow encoding (UTF-8 on POSIX systems).
 * @return as tmo_register_parse, and TMO_EIO when the file cannot be read.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_register_load(tmo_register **out, const char *path) TMO_NOEXCEPT;

/**
 * Releases a register.
 *
 * @param[in] reg  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_register_free(tmo_register *reg) TMO_NOEXCEPT;

/**
 * The number of members on the register (everyone, eligible or not).
 *
 * @param[out] out  the count; 0 on failure.
 * @param[in]  reg  the register.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared register. Since: 0.1
 */
TMO_API int TMO_CALL tmo_register_count(size_t *out, const tmo_register *reg) TMO_NOEXCEPT;

/**
 * Whether member `member_id` may vote on `date` under the constitution's membership rules (class, register dates,
 * qualifying days, minimum age), and why not.
 *
 * @param[out] eligible_out  1 if eligible, 0 if not (and on failure).
 * @param[out] reason_out    [owned] receives why not ("a member for 26 days; 28 needed before voting"), or "" when
 *                           eligible; may be NULL when not wanted. Release with tmo_buf_dispose.
 * @param[in]  reg           the register.
 * @param[in]  constitution  the constitution.
 * @param[in]  member_id     the member's id.
 * @param[in]  date          the date, YYYY-MM-DD.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOTFOUND (no such member); TMO_ESYNTAX or TMO_EVALUE (the
 *         date); TMO_ENOMEM.
 * Thread-safety: safe on a shared register and constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_register_eligible(int *eligible_out, tmo_buf *reason_out, const tmo_register *reg,
                                           const tmo_constitution *constitution, const char *member_id,
                                           const char *date) TMO_NOEXCEPT;

/**
 * The number of voting units on the roll at `date` (members, or households when the constitution gives one vote
 * per household), of one tenure class or of all.
 *
 * @param[out] out           the count; 0 on failure.
 * @param[in]  reg           the register.
 * @param[in]  constitution  the constitution.
 * @param[in]  date          the cut-off date, YYYY-MM-DD.
 * @param[in]  tenure_class  a TMO_TENURE_... value, or 0 for every class.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown class); TMO_ESYNTAX or TMO_EVALUE (the date).
 * Thread-safety: safe on a shared register and constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_register_roll_count(uint64_t *out, const tmo_register *reg,
                                             const tmo_constitution *constitution, const char *date,
                                             int tenure_class) TMO_NOEXCEPT;

/**
 * The voters' roll at `date` as a record: the units by class, and every member left off with the reason.
 *
 * @param[out] out           [owned] receives the record; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  reg           the register.
 * @param[in]  constitution  the constitution.
 * @param[in]  date          the cut-off date, YYYY-MM-DD.
 * @param[in]  format        a TMO_RECORD_... value.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown format); TMO_ESYNTAX or TMO_EVALUE (the date);
 *         TMO_ENOMEM.
 * Thread-safety: safe on a shared register and constitution; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_register_roll_record(tmo_buf *out, const tmo_register *reg,
                                              const tmo_constitution *constitution, const char *date,
                                              int format) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Decisions: meetings, resolutions and ballots                                                                 */
/* ============================================================================================================ */

/**
 * An evaluated decision — a checked meeting, a resolution or a ballot — with its outcome and records. Opaque;
 * created by tmo_meeting_check, tmo_resolution_evaluate or tmo_ballot_evaluate; released with tmo_decision_free.
 * Never modified after creation.
 */
typedef struct tmo_decision tmo_decision;

/**
 * Checks a meeting written in the meeting TOML format (docs/decisions.md) against a constitution and a register:
 * notice in clear days, proxies, the quorum at the start and for each item, and each resolution. The file's
 * `register` key is not read: the register is `reg`. An inquorate meeting or a lost vote is an outcome, not an
 * error (see tmo_decision_carried). Nor are other files read: a meeting with an `[election]` (which names a ballot
 * file) gives TMO_EINVAL located at that table; check such a meeting from its file with the C++ load_meeting.
 *
 * @param[out] out           [owned] the decision, or NULL on failure; free with tmo_decision_free.
 * @param[in]  constitution  the constitution.
 * @param[in]  reg           the register.
 * @param[in]  text          the meeting TOML, `len` bytes (copied; not retained).
 * @param[in]  len           the length of `text` in bytes.
 * @param[in]  source_name   the name used in error locations; may be NULL.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an `[election]`); the parse errors of tmo_constitution_parse for
 *         the TOML (over 256 KiB: TMO_ETOOLARGE); TMO_EVALUE (a member id not on the register, a member listed
 *         twice, more hands than members entitled to vote); TMO_ENOTFOUND (a resolution kind the constitution does not define, a
 *         meeting kind without rules); TMO_EMISSINGKEY (proxies with a lodging deadline but no meeting time);
 *         TMO_ENOMEM. tmo_error_last() gives the line and column in the meeting text.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_meeting_check(tmo_decision **out, const tmo_constitution *constitution,
                                       const tmo_register *reg, const char *text, size_t len,
                                       const char *source_name) TMO_NOEXCEPT;

/** How the chair used a casting vote on an equality of votes. */
enum tmo_casting {
    TMO_CASTING_NOT_USED = 0,
    TMO_CASTING_IN_FAVOUR = 1,
    TMO_CASTING_AGAINST = 2
};

/** The version of struct tmo_resolution_votes declared by this header. */
#define TMO_RESOLUTION_VOTES_VERSION 1u

/**
 * The counts of one vote on a resolution (a show of hands, or a poll counted as totals). Initialise with
 * TMO_RESOLUTION_VOTES_INIT or tmo_resolution_votes_init; later versions only add fields at the end.
 */
typedef struct tmo_resolution_votes {
    unsigned version;      /**< TMO_RESOLUTION_VOTES_VERSION */
    uint64_t eligible;     /**< members entitled to vote (the base of eligible_members tests and turnout floors) */
    uint64_t present;      /**< members present (the base of members_present tests) */
    uint64_t in_favour;
    uint64_t against;
    uint64_t abstained;    /**< abstentions: neither votes cast nor against */
    int casting;           /**< a TMO_CASTING_... value: how the chair used a casting vote on an equality */
    int meeting_kind;      /**< a TMO_MEETING_... value: whose rules say whether the chair has a casting vote */
    const char *held;      /**< the day of the meeting, YYYY-MM-DD; required */
    const char *confirming; /**< for a confirming vote: the day of the meeting that passed it; NULL otherwise */
} tmo_resolution_votes;

#define TMO_RESOLUTION_VOTES_INIT \
    {TMO_RESOLUTION_VOTES_VERSION, 0, 0, 0, 0, 0, TMO_CASTING_NOT_USED, TMO_MEETING_GENERAL, NULL, NULL}

/**
 * Sets `votes` to TMO_RESOLUTION_VOTES_INIT.
 *
 * @param[out] votes  the struct to initialise; NULL is accepted (no effect).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API void TMO_CALL tmo_resolution_votes_init(tmo_resolution_votes *votes) TMO_NOEXCEPT;

/**
 * Evaluates a vote on resolution kind `kind` of the constitution, exactly: its tests, turnout floor, the chair's
 * casting vote on an equality where the meeting's rules allow one, and, for a confirming vote, the window after the
 * first meeting. The sentence reads, for example, "Carried: 34 of 48 votes cast (70.8%) against a required 2/3."
 *
 * @param[out] out           [owned] the decision, or NULL on failure; free with tmo_decision_free.
 * @param[in]  constitution  the constitution.
 * @param[in]  kind          the resolution kind ("special").
 * @param[in]  votes         the counts (version 1 or later).
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an unknown version, casting value or meeting kind, a NULL `held`);
 *         TMO_ENOTFOUND (no such resolution kind, or no rules for the meeting kind); TMO_ESYNTAX or TMO_EVALUE (a
 *         date); TMO_EVALUE (a casting vote without an equality, a test by tenure class, which needs class counts,
 *         `confirming` for a kind without confirmation or not before `held`); TMO_ENOMEM.
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_resolution_evaluate(tmo_decision **out, const tmo_constitution *constitution,
                                             const char *kind, const tmo_resolution_votes *votes) TMO_NOEXCEPT;

/** The papers of one tenure class in a ballot. */
typedef struct tmo_class_tally {
    int tenure_class;    /**< a TMO_TENURE_... value (not TMO_TENURE_NON_VOTING) */
    uint64_t eligible;   /**< on the roll */
    uint64_t in_favour;
    uint64_t against;
    uint64_t spoilt;     /**< blank and spoilt papers: they count towards turnout, not as votes */
} tmo_class_tally;

/**
 * Evaluates a class ballot: each test within its classes, and the turnout floor. The rule is the constitution's
 * [ballots.<rule>] when `constitution` is not NULL and has one, else the shipped preset of that name
 * ("rtm_ballot", "rtm_ballot_double_majority", "rtm_member_authorisation", "continuation_ballot",
 * "ccbs_conversion", "ccbs_amalgamation", "ccbs_amalgamation_confirmation").
 *
 * @param[out] out           [owned] the decision, or NULL on failure; free with tmo_decision_free.
 * @param[in]  rule          the ballot rule's name.
 * @param[in]  constitution  a constitution whose ballots are looked at first; may be NULL.
 * @param[in]  tallies       `count` tallies, one per class (a class at most once).
 * @param[in]  count         the number of tallies; at least 1.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, count 0, an unknown or repeated class); TMO_ENOTFOUND (no such
 *         rule); TMO_EVALUE (a class outside the rule's electorate, more papers than eligible, a test of members
 *         present); TMO_ENOMEM.
 * Thread-safety: safe on a shared constitution. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_evaluate(tmo_decision **out, const char *rule, const tmo_constitution *constitution,
                                         const tmo_class_tally *tallies, size_t count) TMO_NOEXCEPT;

/**
 * The outcome: for a meeting, whether it was properly held (notice given, quorate at the start and for every item,
 * confirmations in their window — resolutions may have carried or not); for a resolution, whether it carried (for
 * the first vote of a kind that needs confirming: whether it passed pending confirmation; for a confirming vote:
 * whether it was confirmed inside the window); for a ballot, whether it carried.
 *
 * @param[out] out       1 or 0; 0 on failure.
 * @param[in]  decision  the decision.
 * @return TMO_OK; TMO_EINVAL (a NULL argument).
 * Thread-safety: safe on a shared decision. Since: 0.1
 */
TMO_API int TMO_CALL tmo_decision_carried(int *out, const tmo_decision *decision) TMO_NOEXCEPT;

/**
 * The one plain sentence of the outcome ("Not carried: a turnout of 90 of 200 eligible (45.0%) against a required
 * 1/2.").
 *
 * @param[in] decision  the decision.
 * @return [borrowed] the sentence, valid until the decision is freed; NULL (last error TMO_EINVAL) if `decision` is
 *         NULL.
 * Thread-safety: safe on a shared decision. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_decision_sentence(const tmo_decision *decision) TMO_NOEXCEPT;

/**
 * The decision's record for the minutes: Markdown text or a JSON document, with every figure and the rule applied.
 *
 * @param[out] out       [owned] receives the record; release with tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  decision  the decision.
 * @param[in]  format    a TMO_RECORD_... value.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or an unknown format); TMO_ENOMEM.
 * Thread-safety: safe on a shared decision; `out` belongs to the caller. Since: 0.1
 */
TMO_API int TMO_CALL tmo_decision_record(tmo_buf *out, const tmo_decision *decision, int format) TMO_NOEXCEPT;

/**
 * Releases a decision and the strings borrowed from it.
 *
 * @param[in] decision  [owned] the handle to release; NULL is accepted (no effect).
 * Thread-safety: no other thread may be using the handle. Since: 0.1
 */
TMO_API void TMO_CALL tmo_decision_free(tmo_decision *decision) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_DECISION_H */
