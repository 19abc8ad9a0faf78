/*
 * tmo/tmo.h: the C interface of tmo, the stable ABI for housing-software vendors.
 *
 * This header and the module headers it includes (tmo/constitution.h, tmo/budget.h, ...) are the reference
 * This header and the module headers it includes (tmo/constitution.h, tmo/decision.h) are the reference
 * documentation of the C API. They are C99 (and valid C++) and include only <stddef.h>, <stdint.h> and each other;
 * tmo.h is the only header a C program needs. Link with -ltmo_c (pkg-config: tmo).
 *
 * Conventions used throughout (see also docs/c-api.md):
 *
 *  - Status codes. A function returning `int` returns TMO_OK (0) on success or a negative TMO_E... code. The codes
 *    are part of the ABI and never renumbered.
 *  - Last error. Every function that can fail first resets the calling thread's last error, then, on failure,
 *    records the code, a message and (for input text) the file, line, column and key path; read it with
 *    tmo_error_last(). Functions that cannot fail (tmo_strerror, tmo_error_last, tmo_error_clear, the version
 *    functions, tmo_buf_dispose and the tmo_<noun>_free functions) leave it untouched.
 *    functions, tmo_buf_dispose, the tmo_..._free functions, tmo_resolution_votes_init) leave it untouched.
 *  - Outputs. The output parameter comes first and is called `out` (several: `<name>_out`). On failure every output
 *    is set to NULL, 0 or an empty string; a handle is never returned on failure.
 *  - Arguments. A NULL pointer passed where a value is required gives TMO_EINVAL, never a crash. Inputs are copied
 *    before the function returns; the library never keeps a caller's pointer.
 *  - Ownership. Parameters are tagged [in] (read only, borrowed for the duration of the call), [out] (written by the
 *    function), [owned] (the caller receives ownership and must release it with the named function) or [borrowed]
 *    (owned by the library; the caller must not free it; its lifetime is stated).
 *  - Memory. Everything the library hands out is released by the library: handles with tmo_<noun>_free, text
 *    buffers with tmo_buf_dispose. Never pass them to free().
 *  - Threads. There is no global mutable state and no initialisation function. A handle may be used by one thread
 *    at a time; a tmo_constitution is never modified after creation, so several threads may call its getters
 *    (functions taking `const tmo_constitution *`) at once. The last error is kept per thread.
 *  - Text. All strings are UTF-8 and NUL-terminated unless a length is passed with them.
 *  - Numbers. No function takes or returns floating point: money is an integer number of pence and fractions are
 *    exact text ("2/3", "12.5", "75%").
 *
 * Since: 0.1 (every declaration below, unless it says otherwise).
 */
#ifndef TMO_TMO_H
#define TMO_TMO_H

#include <stddef.h>
#include <stdint.h>

/* TMO_API marks the functions exported by the shared library tmo_c. TMO_C_BUILDING is defined only while the
 * library itself is compiled. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  ifdef TMO_C_BUILDING
#    define TMO_API __declspec(dllexport)
#  else
#    define TMO_API __declspec(dllimport)
#  endif
#elif defined(TMO_C_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#  define TMO_API __attribute__((visibility("default")))
#else
#  define TMO_API
#endif

/* TMO_CALL is the calling convention of every function; empty (the platform's C default), reserved so that it can
 * be fixed per platform without changing declarations. */
#define TMO_CALL

/* No function of this API throws a C++ exception; C++ callers see that as noexcept. */
#ifdef __cplusplus
#  define TMO_NOEXCEPT noexcept
#else
#  define TMO_NOEXCEPT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================================ */
/* Version                                                                                                      */
/* ============================================================================================================ */

/* The version of the headers. A CMake check keeps these equal to project(VERSION) in CMakeLists.txt. The
 * definitions are token-for-token those of the C++ header tmo/core/version.hpp, so both may be included. */
#define TMO_VERSION_MAJOR 0
#define TMO_VERSION_MINOR 1
#define TMO_VERSION_PATCH 0
/** major * 10000 + minor * 100 + patch */
#define TMO_VERSION_NUMBER (TMO_VERSION_MAJOR * 10000 + TMO_VERSION_MINOR * 100 + TMO_VERSION_PATCH)
#define TMO_VERSION_STRING "0.1.0"

/**
 * The version of the library actually loaded at run time ("0.1.0"), which may be newer than TMO_VERSION_STRING.
 *
 * @return [borrowed] static text, never NULL.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_version_string(void) TMO_NOEXCEPT;

/**
 * The loaded library's version as major * 10000 + minor * 100 + patch (compare with TMO_VERSION_NUMBER).
 *
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_version_number(void) TMO_NOEXCEPT;

/* The version of the C ABI these headers describe: it changes only when a change breaks programs built against an
 * earlier header (it equals the shared library's SOVERSION; a CMake check keeps the two equal). */
#define TMO_ABI_VERSION 0

/**
 * Checks that the library loaded at run time has the ABI this program was compiled against: the same
 * TMO_ABI_VERSION and the same sizes of the public structs. Call it once at start-up through TMO_CHECK_ABI(), which
 * passes the values the program was compiled with.
 *
 * @param[in] abi_version   TMO_ABI_VERSION as the program saw it.
 * @param[in] error_size    sizeof(tmo_error) as the program saw it.
 * @param[in] buf_size      sizeof(tmo_buf) as the program saw it.
 * @return TMO_OK if they match the library's; TMO_EINVAL otherwise, with a message naming what differs (rebuild the
 *         program against the installed headers).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_abi_check(int abi_version, size_t error_size, size_t buf_size) TMO_NOEXCEPT;

/** Checks the run-time library against the headers this program was compiled with (tmo_abi_check). */
#define TMO_CHECK_ABI() tmo_abi_check(TMO_ABI_VERSION, sizeof(tmo_error), sizeof(tmo_buf))

/* ============================================================================================================ */
/* Status codes and errors                                                                                      */
/* ============================================================================================================ */

/**
 * Status codes. Each TMO_E... code is the negation of the C++ tmo::errc value of the same meaning. Codes are never
 * renumbered; a retired code keeps its number and is renamed TMO_OBSOLETE_<n>.
 */
enum tmo_status {
    TMO_OK = 0,              /**< success */
    TMO_EINVAL = -1,         /**< an argument breaks the function's contract: NULL, unknown enum value, bad index */
    TMO_ESYNTAX = -2,        /**< the input text is not well-formed (TOML, a number, an amount, a date) */
    TMO_EUNKNOWNKEY = -3,    /**< a constitution key that the schema does not define */
    TMO_EMISSINGKEY = -4,    /**< a required constitution key is absent */
    TMO_EWRONGTYPE = -5,     /**< a value has the wrong type (e.g. a TOML float where an exact fraction is needed) */
    TMO_EVALUE = -6,         /**< a value of the right type that is not allowed (a fraction above 1, weight -1) */
    TMO_EIO = -7,            /**< a file could not be opened or read */
    TMO_ETOOLARGE = -8,      /**< an input exceeds a documented limit (a constitution over 64 KiB) */
    TMO_EOVERFLOW = -9,      /**< an exact result does not fit its representation (money beyond int64 pence) */
    TMO_EDOMAIN = -10,       /**< a mathematically undefined operation (division by zero, all weights zero) */
    TMO_EINEXACT = -11,      /**< rounding would be needed but is not allowed (an amount with 3 decimals) */
    TMO_ENOMEM = -12,        /**< memory allocation failed */
    TMO_ENOTFOUND = -13,     /**< a named item (preset, resolution kind, meeting rules) does not exist */
    TMO_EINTERNAL = -14,     /**< a bug in tmo: please report it with the message */
    TMO_ECODEUNKNOWN = -15,  /**< a voter code that no voter of the ballot holds (mistyped, or of another ballot) */
    TMO_ECODEUSED = -16,     /**< a voter code that has already been used to vote */
    TMO_ECLOSED = -17,       /**< the ballot is closed (or not yet closed, for a count) */
    TMO_EBUSY = -18,         /**< the database stayed locked by other writers beyond the timeout and retries */
    TMO_ECORRUPT = -19       /**< a database file that fails its integrity check, or is not a tmo database */
};

/**
 * A short, static English description of a status code ("syntax error"). Unknown codes give "unknown error".
 *
 * @param[in] code  a tmo_status value (TMO_OK or a negative TMO_E... code).
 * @return [borrowed] static text, never NULL.
 * Thread-safety: safe. Since: 0.1
 */
TMO_API const char *TMO_CALL tmo_strerror(int code) TMO_NOEXCEPT;

/**
 * The details of the calling thread's last failure. No field is ever NULL; unknown parts are "" or 0.
 */
typedef struct tmo_error {
    int code;              /**< a tmo_status; TMO_OK when the last call succeeded or after tmo_error_clear() */
    const char *message;   /**< what went wrong and what was expected (without the location prefix) */
    const char *file;      /**< the file or source name of the input in error; "" if none */
    uint32_t line;         /**< 1-based line in the input; 0 if unknown */
    uint32_t column;       /**< 1-based column in code points, as editors count; 0 if unknown */
    const char *key_path;  /**< where in structured input: a constitution's dotted key ("meetings.general.quorum")
                                or the argument in error ("weights[2]", "meeting"); "" if none */
} tmo_error;

/**
 * The calling thread's last error: the failure of the most recent function that could fail, or TMO_OK with
 * empty strings if it succeeded (or nothing failed yet).
 *
 * @return [borrowed] never NULL. The record and its strings are owned by the library and stay valid until the next
 *         call of a tmo_ function on the same thread; copy what you need before that.
 * Thread-safety: each thread has its own record. Since: 0.1
 */
TMO_API const tmo_error *TMO_CALL tmo_error_last(void) TMO_NOEXCEPT;

/**
 * Resets the calling thread's last error to TMO_OK with empty strings.
 *
 * Thread-safety: affects only the calling thread. Since: 0.1
 */
TMO_API void TMO_CALL tmo_error_clear(void) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Text buffers                                                                                                 */
/* ============================================================================================================ */

/**
 * Text generated by the library (canonical TOML, summaries). Initialise with TMO_BUF_INIT before first use;
 * release with tmo_buf_dispose. `ptr` is NUL-terminated and `size` excludes the NUL.
 *
 * A function writing to a tmo_buf first releases what it already holds, so one buffer can be reused; on failure it
 * leaves {NULL, 0}.
 */
typedef struct tmo_buf {
    char *ptr;    /**< [owned] the text, or NULL when empty */
    size_t size;  /**< length in bytes, excluding the terminating NUL */
} tmo_buf;

#define TMO_BUF_INIT {NULL, 0}

/**
 * Releases the text held by `buf` and resets it to {NULL, 0}.
 *
 * @param[in,out] buf  a buffer initialised with TMO_BUF_INIT; NULL and an empty buffer are accepted (no effect).
 * Thread-safety: a buffer may be used by one thread at a time. Since: 0.1
 */
TMO_API void TMO_CALL tmo_buf_dispose(tmo_buf *buf) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Money and exact numbers                                                                                      */
/* ============================================================================================================ */

/* Flags of tmo_money_format; 0 gives plain text such as "-1234.56". */
#define TMO_MONEY_SYMBOL 0x1u     /**< prefix the pound sign U+00A3, two bytes in UTF-8 (written "GBP" below) */
#define TMO_MONEY_THOUSANDS 0x2u  /**< group whole pounds with commas: "1,234.56" */

/**
 * Parses an amount of pounds sterling exactly into pence: "1234.56", "1,234.56", "-0.05", "5.5" (550), and the
 * same with the pound sign U+00A3 in UTF-8 ("GBP1,234.56", "-GBP5" where GBP stands for the sign). Thousands
 * separators, when used, must group by three; leading and trailing spaces are ignored.
 *
 * @param[out] out_pence  the amount in pence; 0 on failure.
 * @param[in]  text       the amount.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ESYNTAX (not an amount; the column is in tmo_error_last());
 *         TMO_EINEXACT (more than two decimal places); TMO_EOVERFLOW (beyond plus or minus 92,233,720,368,547,758.07
 *         pounds).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_money_parse(int64_t *out_pence, const char *text) TMO_NOEXCEPT;

/**
 * Writes an amount of pence as text, snprintf style: "GBP1,234.56" with TMO_MONEY_SYMBOL | TMO_MONEY_THOUSANDS,
 * "-0.05" with no flags. At most `cap` bytes are written, always NUL-terminated when `cap` > 0; the output is cut
 * short when it does not fit.
 *
 * @param[out] buf    the destination, or NULL when `cap` is 0 (to ask for the length).
 * @param[in]  cap    the size of `buf` in bytes.
 * @param[in]  pence  the amount.
 * @param[in]  flags  TMO_MONEY_... flags, combined with |.
 * @return the length of the full text in bytes excluding the NUL (so the text fitted if the result is < cap), or
 *         TMO_EINVAL (buf NULL with cap > 0, or an unknown flag).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_money_format(char *buf, size_t cap, int64_t pence, unsigned flags) TMO_NOEXCEPT;

/**
 * Splits `total_pence` over `count` units in proportion to exact weights, so that the shares are whole pence and
 * always add up to the total (the largest-remainder method): each share is first rounded down, then the pence left
 * over go one each to the units with the largest remainders; equal remainders favour the unit earlier in `weights`,
 * so pass units in their reference order. A negative total (a refund) is split as its magnitude and each share
 * negated. Example: 100000 over "1", "1", "1" gives 33334, 33333, 33333.
 *
 * @param[out] out_shares   an array of `count` elements receiving the shares in pence, in the order of `weights`;
 *                          all 0 on failure.
 * @param[in]  total_pence  the amount to split.
 * @param[in]  weights      `count` exact non-negative weights as text: "213", "1/3", "12.5", "5%".
 * @param[in]  count        the number of units; at least 1.
 * @return TMO_OK; TMO_EINVAL (a NULL argument or element, or count 0); TMO_ESYNTAX (a weight is not a number;
 *         the message names it); TMO_EVALUE (a negative weight); TMO_EDOMAIN (every weight zero, or a zero
 *         denominator); TMO_ETOOLARGE (a weight over 4096 characters).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_apportion(int64_t *out_shares, int64_t total_pence, const char *const *weights,
                                   size_t count) TMO_NOEXCEPT;

/**
 * Like tmo_apportion, but each unit's exact share total × w_i / Σw is rounded on its own by `rounding`, as councils
 * charge each dwelling its share of a service cost (contracts.md §7.2: £13,595.71 × 213 / 121,318 gives £23.87);
 * the shares need not sum to the total.
 *
 * @param[out] out_shares   an array of `count` elements receiving the shares in pence; all 0 on failure.
 * @param[in]  total_pence  the amount to split.
 * @param[in]  weights      `count` exact non-negative weights as text.
 * @param[in]  count        the number of units; at least 1.
 * @param[in]  rounding     a rounding mode name: "half_up", "half_even", "floor", "ceil", "truncate" or "never".
 * @return as tmo_apportion; TMO_EINVAL also for an unknown rounding name; TMO_EINEXACT ("never" and a share not
 *         whole pence).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_apportion_each(int64_t *out_shares, int64_t total_pence, const char *const *weights,
                                        size_t count, const char *rounding) TMO_NOEXCEPT;

/**
 * The exact value of a number written as text, in lowest terms: "4/6" gives "2/3", "12.5" gives "25/2", "75%"
 * gives "3/4", "-10/5" gives "-2". Accepts integers, fractions, decimals and percentages of either form.
 *
 * @param[out] out   [owned] receives the normalised text ("p/q", or "p" for a whole number); release with
 *                   tmo_buf_dispose. {NULL, 0} on failure.
 * @param[in]  text  the number.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ESYNTAX; TMO_EDOMAIN (a zero denominator);
 *         TMO_ETOOLARGE (over 4096 characters).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_fraction_normalise(tmo_buf *out, const char *text) TMO_NOEXCEPT;

/* ============================================================================================================ */
/* Dates for notices                                                                                            */
/* ============================================================================================================ */

/* Dates are ISO 8601 calendar dates "YYYY-MM-DD" in years 1 to 9999 (proleptic Gregorian, no time zone). */

/** The size of a buffer that holds a date and its NUL: "YYYY-MM-DD" is 10 bytes. */
#define TMO_DATE_SIZE 11

/**
 * The clear days between giving notice on `notice` and holding a meeting on `meeting`: the whole days strictly
 * between them, or 0 if there are none. Notice on 2025-06-11 for a meeting on 2025-06-26 gives 14.
 *
 * @param[out] out      the number of clear days; 0 on failure.
 * @param[in]  notice   the day notice is given.
 * @param[in]  meeting  the day of the meeting.
 * @return TMO_OK; TMO_EINVAL (a NULL argument); TMO_ESYNTAX (not YYYY-MM-DD); TMO_EVALUE (no such day,
 *         e.g. 2025-02-29).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_date_clear_days(int64_t *out, const char *notice, const char *meeting) TMO_NOEXCEPT;

/**
 * The last day on which notice can be given for a meeting on `meeting` so that `clear_days` clear days separate
 * them. 14 clear days before 2025-06-26 gives 2025-06-11.
 *
 * @param[out] out         the date as "YYYY-MM-DD"; "" on failure (when `cap` > 0).
 * @param[in]  cap         the size of `out`; at least TMO_DATE_SIZE.
 * @param[in]  meeting     the day of the meeting.
 * @param[in]  clear_days  the clear days required; 0 or more.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, `cap` too small, negative `clear_days`); TMO_ESYNTAX; TMO_EVALUE;
 *         TMO_EOVERFLOW (the result would fall before year 1).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_date_latest_notice(char *out, size_t cap, const char *meeting,
                                            int64_t clear_days) TMO_NOEXCEPT;

/**
 * `date` moved by whole calendar months (negative moves back), the day clamped to the end of a shorter month:
 * 2024-11-30 plus 3 months gives 2025-02-28; 2024-01-31 plus 1 month gives 2024-02-29.
 *
 * @param[out] out     the date as "YYYY-MM-DD"; "" on failure (when `cap` > 0).
 * @param[in]  cap     the size of `out`; at least TMO_DATE_SIZE.
 * @param[in]  date    the starting date.
 * @param[in]  months  the number of months to add.
 * @return TMO_OK; TMO_EINVAL (a NULL argument, `cap` too small); TMO_ESYNTAX; TMO_EVALUE; TMO_EOVERFLOW (the
 *         result would fall outside years 1 to 9999).
 * Thread-safety: safe. Since: 0.1
 */
TMO_API int TMO_CALL tmo_date_add_months(char *out, size_t cap, const char *date, int64_t months) TMO_NOEXCEPT;

/**
 * An organisation's rules (its constitution): membership, meetings, resolutions, committee and named ballots.
 * Opaque; created by tmo_constitution_parse, _load or _preset (tmo/constitution.h); released with
 * tmo_constitution_free. A constitution is never modified after creation: several threads may read one at once.
 * Declared here because several modules take one.
 */
typedef struct tmo_constitution tmo_constitution;

/** The renderings of a record (minutes, a calendar, a committee check), shared by the modules that write them. */
enum tmo_record_format {
    TMO_RECORD_TEXT = 1,     /**< plain text: the sentence or summary and one line per item */
    TMO_RECORD_MARKDOWN = 2, /**< Markdown fit for minutes: a heading, the sentence, a table */
    TMO_RECORD_JSON = 3      /**< one JSON object (the module's docs list its keys) */
};

#ifdef __cplusplus
} /* extern "C" */
#endif

/* The modules. Each has its own header, included here so that tmo.h stays the only header a program needs. */
#include "tmo/constitution.h"
#include "tmo/vote.h"
#include "tmo/budget.h"
#include "tmo/contract.h"
#include "tmo/committee.h"
#include "tmo/decision.h"
#include "tmo/store.h"

#endif /* TMO_TMO_H */
