/*
 * tmo/store.h: the store through the C API — an organisation's SQLite database (register, decisions, ballots), secret
 * ballots conducted with single-use voter codes, and the tamper-evident journal (the C++ tmo/store/ headers describe
 * the database, the codes, the threat model and the journal's canonical encoding).
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h apply to every declaration here. A ballot opened through this header is either a question (for / against /
 * spoilt; tmo_ballot_open) decided by a ballot rule of a constitution or a preset, or an election
 * (tmo_ballot_open_election) whose ranked papers are counted by a rule of the counting engine (tmo/vote.h) with its
 * options.
 */
#ifndef TMO_STORE_H
#define TMO_STORE_H

#include "tmo/tmo.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * An open database file. Opaque; created by tmo_store_open; released with tmo_store_free. A handle may be used by
 * one thread at a time; several handles (in one process or several) may use the same file at once.
 */
typedef struct tmo_store tmo_store;

/**
 * Opens a database file, creating it when it does not exist, and migrates and checks it (PRAGMA quick_check).
 *
 * @param[out] out   [owned] the new handle, or NULL on failure; free with tmo_store_free.
 * @param[in]  path  the file's path (UTF-8 on POSIX systems).
 * @return TMO_OK; TMO_EINVAL (out or path NULL); TMO_EIO (the file cannot be opened or created); TMO_ECORRUPT (not
 *         an SQLite database, a damaged page, a newer schema); TMO_EBUSY; TMO_ENOMEM.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_store_open(tmo_store **out, const char *path) TMO_NOEXCEPT;

/** Closes a database handle. NULL is ignored. */
TMO_API void TMO_CALL tmo_store_free(tmo_store *store) TMO_NOEXCEPT;

/**
 * Replaces the stored register with a register file (CSV, as tmo_register_load reads).
 *
 * @param[out] out    the number of members stored; 0 on failure.
 * @param[in]  store  the database.
 * @param[in]  path   the register file.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); the errors of tmo_register_load; TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_store_import_register(size_t *out, tmo_store *store, const char *path) TMO_NOEXCEPT;

/**
 * Loads the example TMO (Riverside) into a fresh database: its register, and its 2026 continuation ballot
 * ("continuation-2026") conducted with voter codes, closed and counted.
 *
 * @param[in] store     the database.
 * @param[in] data_dir  the examples/data folder.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EIO and the parse errors of the example files; TMO_EVALUE (the
 *         ballot already exists); TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_store_load_example(tmo_store *store, const char *data_dir) TMO_NOEXCEPT;

/**
 * Opens a question ballot. Its roll is the stored register at `day` (the close of poll) under the membership rules
 * of `constitution`, narrowed to the electorate of the ballot rule `rule` (the constitution's [ballots.<rule>], or
 * the preset of that name).
 *
 * @param[in] store         the database.
 * @param[in] constitution  the constitution.
 * @param[in] name          the ballot's name: letters, digits, '-' and '_', unique in the database.
 * @param[in] title         what is balloted (one line).
 * @param[in] day           the close of poll, "YYYY-MM-DD".
 * @param[in] rule          the ballot rule.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ESYNTAX (day); TMO_ENOTFOUND (no such rule); TMO_EVALUE (a bad
 *         or duplicate name, an empty title, nobody on the register may vote); TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_open(tmo_store *store, const tmo_constitution *constitution, const char *name,
                                     const char *title, const char *day, const char *rule) TMO_NOEXCEPT;

/**
 * Opens an election: `seats` places filled from `count` candidates, the papers ranked by the voters and counted, once
 * the ballot is closed, by the counting rule `rule` (tmo_count_rule_name: "scottish-stv", "meek", "irv", ...) with
 * `options` (the same options as tmo_count_run: "ties", "seed", ...; a "seats" option overrides `seats` when the
 * count runs). Its roll is the stored register at `day` (the close of poll) under the membership rules of
 * `constitution`, every voting class. The rule, the candidates, the seats and the options are stored with the
 * ballot and journalled when it closes.
 *
 * @param[in] store         the database.
 * @param[in] constitution  the constitution (its membership rules make the roll).
 * @param[in] name          the ballot's name: letters, digits, '-' and '_', unique in the database.
 * @param[in] title         what is elected (one line), e.g. "Committee 2026".
 * @param[in] day           the close of poll, "YYYY-MM-DD".
 * @param[in] rule          the counting rule's name.
 * @param[in] candidates    `count` candidate names (UTF-8, one non-empty line each), in ballot-paper order:
 *                          candidate 1 first, as papers number them (tmo_ballot_cast); copied.
 * @param[in] count         the number of candidates, at least 1.
 * @param[in] seats         the number of seats, from 1 to `count`.
 * @param[in] options       the rule's options (tmo_count_options_new); copied; NULL for none. Their keys are checked
 *                          against the rule's now, their values when the ballot is counted.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or candidate name, an option the rule does not have: the message lists
 *         its options); TMO_ESYNTAX (day is not YYYY-MM-DD); TMO_ENOTFOUND (no such counting rule); TMO_EVALUE
 *         (a day not in the calendar, a bad or duplicate name, an empty title, no candidates, an empty or multi-line
 *         candidate name, seats out of range, nobody on the register may vote); TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_open_election(tmo_store *store, const tmo_constitution *constitution,
                                              const char *name, const char *title, const char *day, const char *rule,
                                              const char *const *candidates, size_t count, uint32_t seats,
                                              const tmo_count_options *options) TMO_NOEXCEPT;

/**
 * Issues one random single-use code to every voter of the ballot. The codes exist in clear only in this output: the
 * database keeps their keyed hashes, so codes can be issued once.
 *
 * @param[out] out     the codes as CSV: "unit,tenure,code", then one line per voter in roll order.
 * @param[in]  store   the database.
 * @param[in]  ballot  the ballot's name.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOTFOUND (no such ballot); TMO_EVALUE (codes already issued);
 *         TMO_ECLOSED; TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_issue_codes(tmo_buf *out, tmo_store *store, const char *ballot) TMO_NOEXCEPT;

/**
 * Casts one vote with a voter code. The code is marked used and the paper stored in one transaction.
 *
 * @param[in] store   the database.
 * @param[in] ballot  the ballot's name.
 * @param[in] code    the voter code as printed (case, spaces and hyphens are ignored).
 * @param[in] paper   a question's: "for", "against" or "spoilt". An election's: the voter's preferences as 1-based
 *                    candidate numbers (in the order of tmo_ballot_open_election's `candidates`), most preferred
 *                    first, separated by ',': "2,1,3"; '=' instead of ',' ranks a candidate equal with the one before
 *                    ("2,1=3": 2 first, 1 and 3 equal second; the counting rule decides what that means, and the STV
 *                    rules scottish-stv and wigm refuse it); "" a blank paper. Spaces around numbers are ignored.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ECODEUNKNOWN (no voter of the ballot holds the code);
 *         TMO_ECODEUSED (the code has voted already); TMO_ECLOSED (the ballot is closed); TMO_EVALUE (another paper:
 *         for an election a number that is no candidate's, a doubled or trailing separator, another character, '='
 *         under a rule that does not take equal ranks);
 *         TMO_ENOTFOUND (no such ballot); TMO_EBUSY. The message says which, in a sentence fit for the voter.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_cast(tmo_store *store, const char *ballot, const char *code,
                                     const char *paper) TMO_NOEXCEPT;

/**
 * Turnout by class while the ballot is open (or after).
 *
 * @param[out] out     one line per class and one for all: "secure_tenant: 31 of 48 voted (64.6%)".
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ENOTFOUND (no such ballot).
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_turnout(tmo_buf *out, tmo_store *store, const char *ballot) TMO_NOEXCEPT;

/**
 * Closes the ballot and appends it, with its turnout and the digest of its cast ballots, to the journal.
 *
 * @param[out] out     the published digest: 64 hex digits.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ECLOSED (already closed); TMO_ENOTFOUND; TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_close(tmo_buf *out, tmo_store *store, const char *ballot) TMO_NOEXCEPT;

/**
 * Counts a closed ballot; the first count is stored and journalled, later ones recompute the same result. A question
 * is decided under its ballot rule (the constitution's ballot of that name when `constitution` is not NULL and has
 * one, else the preset); an election is counted by its counting rule with the options it was opened with
 * (`constitution` is not used).
 *
 * @param[out] out           a question's result as Markdown; an election's count as text (the elected candidates,
 *                           the table of votes stage by stage and one sentence per stage, as tmo_count_render's
 *                           TMO_COUNT_TEXT); either ending with the line "Digest of the N ballots counted: <64 hex
 *                           digits>".
 * @param[out] carried_out   a question: 1 when carried, 0 when not; an election: 1 (its seats were filled); may be
 *                           NULL.
 * @param[in]  constitution  may be NULL (presets only; an election needs none).
 * @return TMO_OK; TMO_EINVAL (a NULL argument, an election's option the rule does not have); TMO_ECLOSED (still
 *         open); TMO_ENOTFOUND (no such ballot or rule); TMO_EVALUE (an election's option value not allowed, a tie its
 *         chain cannot settle: the message lists the tied candidates); TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_ballot_count(tmo_buf *out, int *carried_out, tmo_store *store,
                                      const tmo_constitution *constitution, const char *ballot) TMO_NOEXCEPT;

/**
 * The journal: every closed ballot, result and decision with its SHA-256 chain hash.
 *
 * @param[out] out  per entry a line "#<seq> <kind> <subject>  sha256 <hash>" and its body indented.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_store_journal(tmo_buf *out, tmo_store *store) TMO_NOEXCEPT;

/**
 * Verifies the journal: its hash chain, and every entry against the stored ballot, cast ballots, result or decision
 * it recorded. A failed check is an outcome (TMO_OK with *intact_out 0), not an error.
 *
 * @param[out] out         one sentence: "All 2 journal entries match the stored records." or one naming the first
 *                         entry that no longer matches.
 * @param[out] intact_out  1 when everything matches, else 0; may be NULL.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_EBUSY.
 * Thread-safety: one thread per handle. Since: 0.1
 */
TMO_API int TMO_CALL tmo_store_verify(tmo_buf *out, int *intact_out, tmo_store *store) TMO_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TMO_STORE_H */
