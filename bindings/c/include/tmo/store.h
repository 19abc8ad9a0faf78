/*
 * tmo/store.h: the store through the C API — an organisation's SQLite database (register, decisions, ballots), secret
 * ballots conducted with single-use voter codes, and the tamper-evident journal (the C++ tmo/store/ headers describe
 * the database, the codes, the threat model and the journal's canonical encoding).
 *
 * Part of tmo.h, which includes it; it may also be included on its own (it includes tmo.h). The conventions of
 * tmo.h apply to every declaration here. Ballots opened through this header are questions (for / against / spoilt)
 * decided by a ballot rule of a constitution or a preset.
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
 * @param[in] paper   "for", "against" or "spoilt".
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ECODEUNKNOWN (no voter of the ballot holds the code);
 *         TMO_ECODEUSED (the code has voted already); TMO_ECLOSED (the ballot is closed); TMO_EVALUE (another paper);
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
 * Counts a closed ballot under its rule (the constitution's ballot of that name when `constitution` is not NULL and
 * has one, else the preset); the first count is stored and journalled.
 *
 * @param[out] out           the result as Markdown, ending with the digest of the ballots counted.
 * @param[out] carried_out   1 when carried, 0 when not; may be NULL.
 * @param[in]  constitution  may be NULL (presets only).
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ECLOSED (still open); TMO_ENOTFOUND (no such ballot or rule);
 *         TMO_EBUSY.
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
