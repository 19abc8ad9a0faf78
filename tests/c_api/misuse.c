/* Misuse of the C API that a vendor's code may commit: freeing NULL, using a handle after a call on it failed, very
 * long strings, invalid UTF-8 and inputs over the documented limits. (That an exception inside the library comes
 * back as a status code is tested on the translator itself, translator.test.cpp.) Argument: the examples/data
 * folder. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A string of `n` copies of `c` (caller frees). */
static char *repeated(char c, size_t n) {
    char *s = malloc(n + 1);
    if (s == NULL) exit(2);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

static void free_null(void) {
    tmo_buf empty = TMO_BUF_INIT;
    tmo_money_parse(NULL, NULL); /* records TMO_EINVAL: the _free functions below must leave it alone */
    tmo_constitution_free(NULL);
    tmo_profile_free(NULL);
    tmo_count_options_free(NULL);
    tmo_count_free(NULL);
    tmo_register_free(NULL);
    tmo_budget_election_free(NULL);
    tmo_budget_options_free(NULL);
    tmo_budget_outcome_free(NULL);
    tmo_contract_free(NULL);
    tmo_contract_month_free(NULL);
    tmo_decision_free(NULL);
    tmo_buf_dispose(NULL);
    tmo_buf_dispose(&empty);
    tmo_buf_dispose(&empty); /* twice: an empty buffer stays empty */
    CHECK(empty.ptr == NULL && empty.size == 0);
    CHECK_INT(tmo_error_last()->code, TMO_EINVAL);
}

/* A profile and count options stay usable, and unchanged, after calls on them fail. */
static void use_after_error(void) {
    static const char *const names[] = {"Ash", "Birch", "Cedar"};
    const uint32_t ballot[] = {1, 2};
    const uint32_t bad[] = {1, 8};
    tmo_profile *p = NULL;
    tmo_count_options *o = NULL;
    tmo_count *c = NULL;
    uint32_t candidates = 0, seats = 0;
    uint64_t papers = 0;
    size_t elected = 0;

    CHECK_STATUS(tmo_profile_new(&p, names, 3, 1), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(p, ballot, 2, 3), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(p, bad, 2, 1), TMO_EINVAL);  /* candidate 8 of 3 */
    CHECK_STATUS(tmo_profile_add_ballot(p, ballot, 2, 0), TMO_EINVAL); /* no papers */
    CHECK_STATUS(tmo_profile_set_seats(p, 4), TMO_EVALUE);
    CHECK_STATUS(tmo_profile_withdraw(p, 4), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_size(&candidates, &seats, &papers, p), TMO_OK);
    CHECK_INT(candidates, 3);
    CHECK_INT(seats, 1);
    CHECK_INT((long long)papers, 3); /* the failed calls added nothing */

    CHECK_STATUS(tmo_count_options_new(&o), TMO_OK);
    CHECK_STATUS(tmo_count_run(&c, p, "irv", NULL), TMO_OK);
    tmo_count_free(c);
    c = NULL;
    CHECK_STATUS(tmo_count_options_set(o, "", "1"), TMO_EINVAL);
    CHECK_STATUS(tmo_count_options_set(o, "no-such-key", "1"), TMO_OK); /* checked when counting */
    CHECK_STATUS(tmo_count_run(&c, p, "irv", o), TMO_EINVAL);
    CHECK(c == NULL);
    CHECK_STATUS(tmo_count_run(&c, p, "no-such-rule", NULL), TMO_ENOTFOUND);
    CHECK(c == NULL);
    /* A later good count on the same profile still gives Ash, with all three papers. */
    CHECK_STATUS(tmo_count_run(&c, p, "irv", NULL), TMO_OK);
    CHECK_STATUS(tmo_count_elected_count(&elected, c), TMO_OK);
    CHECK_INT((long long)elected, 1);
    CHECK_STR(tmo_count_stage_votes(c, 0, 1), "3");
    tmo_count_free(c);
    tmo_count_options_free(o);
    tmo_profile_free(p);
}

/* Very long strings are refused with the documented limit, or read in full; never a crash. */
static void long_strings(const char *data_dir) {
    enum { mib = 1024 * 1024 };
    char *digits = repeated('9', mib);
    char *name = repeated('a', mib);
    const char *names[2];
    tmo_buf buf = TMO_BUF_INIT;
    tmo_constitution *c = (tmo_constitution *)&c;
    tmo_profile *p = NULL;
    tmo_count_options *o = NULL;
    int64_t pence = 7;
    uint32_t candidates = 0, seats = 0;
    uint64_t papers = 0;

    CHECK_STATUS(tmo_money_parse(&pence, digits), TMO_EOVERFLOW);
    CHECK_INT(pence, 0);
    CHECK_STATUS(tmo_fraction_normalise(&buf, digits), TMO_ETOOLARGE); /* over 4096 characters */
    CHECK(buf.ptr == NULL);
    CHECK_STATUS(tmo_constitution_parse(&c, name, mib, "long.toml"), TMO_ETOOLARGE); /* over 64 KiB */
    CHECK(c == NULL);
    CHECK_STR(tmo_error_last()->file, "long.toml");
    CHECK_STATUS(tmo_constitution_load(&c, name), TMO_EIO); /* a 1 MiB path */

    names[0] = name;
    names[1] = "Birch";
    CHECK_STATUS(tmo_profile_new(&p, names, 2, 1), TMO_OK);
    CHECK_STR(tmo_profile_candidate_name(p, 1), name);
    CHECK_STATUS(tmo_profile_size(&candidates, &seats, &papers, p), TMO_OK);
    CHECK_INT(candidates, 2);
    CHECK_STATUS(tmo_count_options_new(&o), TMO_OK);
    CHECK_STATUS(tmo_count_options_set(o, name, digits), TMO_OK);
    tmo_count_options_free(o);
    tmo_profile_free(p);
    free(digits);
    free(name);
    (void)data_dir;
}

/* Text that is not UTF-8 is an error with its place, never read as something else. */
static void invalid_utf8(void) {
    static const char constitution[] = "name = \"Riverside \xC3\x28\"\n";
    static const char blt[] = "2 1\n1 1 2 0\n0\n\"A\xFF\"\n\"B\"\n\"Title\"\n";
    static const char reg[] = "id,name\xE2\x82\n";
    static const char *const names[] = {"Ada", "B\xC3\x28n"};
    tmo_constitution *c = NULL;
    tmo_profile *p = NULL;
    tmo_register *r = NULL;

    CHECK_STATUS(tmo_constitution_parse(&c, constitution, sizeof constitution - 1, "bad.toml"), TMO_ESYNTAX);
    CHECK_INT(tmo_error_last()->line, 1);
    CHECK(c == NULL);
    CHECK_STATUS(tmo_profile_parse(&p, blt, sizeof blt - 1, "bad.blt", TMO_BALLOTS_STRICT), TMO_ESYNTAX);
    CHECK_INT(tmo_error_last()->line, 4);
    CHECK(p == NULL);
    CHECK_STATUS(tmo_register_parse(&r, reg, sizeof reg - 1, "bad.csv"), TMO_ESYNTAX);
    CHECK_INT(tmo_error_last()->line, 1);
    CHECK(r == NULL);
    CHECK_STATUS(tmo_profile_new(&p, names, 2, 1), TMO_EVALUE);
    CHECK(strstr(tmo_error_last()->message, "candidate 2") != NULL);
    CHECK(p == NULL);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <examples/data>\n", argv[0]);
        return 2;
    }
    free_null();
    use_after_error();
    long_strings(argv[1]);
    invalid_utf8();
    return check_report("misuse");
}
