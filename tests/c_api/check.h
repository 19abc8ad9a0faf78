/* tests/c_api/check.h: a tiny assert-and-count harness shared by the C API tests (C99).
 *
 * CHECK(condition), CHECK_INT(actual, expected), CHECK_STR(actual, expected) and CHECK_STATUS(call, expected) print
 * what failed (with the library's last error for statuses) and count; check_report() prints the totals and gives
 * the program's exit status. read_file() reads a whole file for tests that parse text. */
#ifndef TMO_TESTS_C_API_CHECK_H
#define TMO_TESTS_C_API_CHECK_H

#include <tmo/tmo.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_total = 0;
static int check_failed = 0;

static inline int check_that(int ok, const char *what, const char *file, int line) {
    ++check_total;
    if (!ok) {
        ++check_failed;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    }
    return ok;
}

static inline int check_int(long long actual, long long expected, const char *what, const char *file, int line) {
    ++check_total;
    if (actual != expected) {
        ++check_failed;
        fprintf(stderr, "%s:%d: check failed: %s is %lld, expected %lld\n", file, line, what, actual, expected);
        return 0;
    }
    return 1;
}

static inline int check_str(const char *actual, const char *expected, const char *what, const char *file, int line) {
    ++check_total;
    if (actual == NULL || strcmp(actual, expected) != 0) {
        ++check_failed;
        fprintf(stderr, "%s:%d: check failed: %s is \"%s\", expected \"%s\"\n", file, line, what,
                actual != NULL ? actual : "(NULL)", expected);
        return 0;
    }
    return 1;
}

static inline int check_status(int actual, int expected, const char *what, const char *file, int line) {
    ++check_total;
    if (actual != expected) {
        const tmo_error *e = tmo_error_last();
        ++check_failed;
        fprintf(stderr, "%s:%d: check failed: %s returned %d (%s), expected %d (%s); last error: %s:%u:%u: %s [%s]\n",
                file, line, what, actual, tmo_strerror(actual), expected, tmo_strerror(expected), e->file,
                (unsigned)e->line, (unsigned)e->column, e->message, e->key_path);
        return 0;
    }
    return 1;
}

#define CHECK(condition) check_that((condition) != 0, #condition, __FILE__, __LINE__)
#define CHECK_INT(actual, expected) \
    check_int((long long)(actual), (long long)(expected), #actual, __FILE__, __LINE__)
#define CHECK_STR(actual, expected) check_str((actual), (expected), #actual, __FILE__, __LINE__)
#define CHECK_STATUS(call, expected) check_status((call), (expected), #call, __FILE__, __LINE__)

static inline int check_report(const char *program) {
    printf("%s: %d checks, %d failed\n", program, check_total, check_failed);
    return check_failed == 0 ? 0 : 1;
}

/* Reads a whole file into a malloc'd buffer; NULL if it cannot. */
static inline char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long length;
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        text = malloc((size_t)length + 1);
        if (text != NULL && fread(text, 1, (size_t)length, f) != (size_t)length) {
            free(text);
            text = NULL;
        }
        if (text != NULL) {
            text[length] = '\0';
            *size = (size_t)length;
        }
    }
    fclose(f);
    return text;
}

#endif /* TMO_TESTS_C_API_CHECK_H */
