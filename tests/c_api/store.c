/* The store through the C API: a question ballot conducted with voter codes on the Riverside register, its
 * refusals, turnout, close, count, journal and verify; a committee election (STV) conducted the same way; the
 * example loader; a file that is no database. */
#include "check.h"

#include <stdio.h>
#include <string.h>

/* Copies the code (the last field) of CSV line `line` (1-based after the header "unit,tenure,code") into `code`. */
static void code_of_line(const char *csv, int line, char *code, size_t cap) {
    const char *p = csv;
    const char *end;
    const char *field;
    size_t n;
    int i;
    code[0] = '\0';
    for (i = 0; i < line && p != NULL; ++i) {
        p = strchr(p, '\n');
        if (p != NULL) ++p;
    }
    if (p == NULL || (end = strchr(p, '\n')) == NULL) return;
    field = end;
    while (field > p && field[-1] != ',') --field;
    n = (size_t)(end - field);
    if (n + 1 > cap) return;
    memcpy(code, field, n);
    code[n] = '\0';
}

/* A committee election for 2 seats among 4 candidates under scottish-stv, on the Riverside register, with voter
 * codes. The 13 papers cast (candidates 1 Ada Lovelace, 2 Ben Okri, 3 Cara Dillon, 4 Dev Patel), by the voters of
 * roll lines 1-13: 6 x "1,3", 4 x "1,2", 1 x "3,2,4", 1 x "4,3", 1 blank. ("3,2=4", equal preferences, is refused
 * first: scottish-stv does not take them, and the code stays unused.)
 * Worked by hand (Scottish rules 45-52): 12 valid papers (the blank ranks nobody), quota floor(12/3) + 1 = 5.
 *   Stage 1, first preferences: Ada 10, Ben 0, Cara 1, Dev 1. Ada has 10 >= 5: elected, surplus 5.
 *   Stage 2, Ada's surplus: transfer value 5/10 = 0.50000 on each of her 10 papers; 6 go on to Cara (+3.00000),
 *     4 to Ben (+2.00000): Ada 5, Ben 2, Cara 4, Dev 1. Nobody else reaches 5.
 *   Stage 3, Dev (lowest, 1) excluded: his paper "4,3" goes to Cara at 1.00000: Cara 5 = quota, elected.
 * Elected: Ada Lovelace and Cara Dillon; Ben Okri is left with 2.
 * The digest: SHA-256 of "tmo-ballot-digest-1\ne1\n" and the 13 lines "<class>\t<paper>\n" sorted bytewise, the
 * classes those of roll lines 1-13 in examples/data/riverside/register.csv (R001, R003, R007, R011 and R015 long
 * leaseholders, the others secure tenants), computed with sha256sum from the lines written out by hand. */
#define ELECTION_DIGEST "d2777428c478545f8cdc35c02326ef9303530e16fdea5844c2858a1279aa4354"

static void check_election(tmo_store *store, const tmo_constitution *c) {
    static const char *const candidates[] = {"Ada Lovelace", "Ben Okri", "Cara Dillon", "Dev Patel"};
    static const char *const papers[] = {"1,3", "1,3", "1,3", "1,3", "1,3", "1,3", "1,2",
                                         "1,2", "1,2", "1,2", " 3 , 2 ,4", "4,3", ""};
    tmo_count_options *options = NULL;
    tmo_count_options *bad_options = NULL;
    tmo_buf codes = TMO_BUF_INIT;
    tmo_buf buf = TMO_BUF_INIT;
    tmo_buf digest = TMO_BUF_INIT;
    char code[64];
    char first_code[64];
    int carried = 7;
    int intact = 7;
    int i;

    CHECK_STATUS(tmo_count_options_new(&options), TMO_OK);
    CHECK_STATUS(tmo_count_options_set(options, "ties", "backwards,lot"), TMO_OK);
    CHECK_STATUS(tmo_count_options_set(options, "seed", "AGM 2026"), TMO_OK);
    CHECK_STATUS(tmo_count_options_new(&bad_options), TMO_OK);
    CHECK_STATUS(tmo_count_options_set(bad_options, "colour", "blue"), TMO_OK);

    /* refusals at open: an option the rule does not have, no such rule, seats out of range, no candidates */
    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "2026-06-30", "scottish-stv", candidates,
                                          4, 2, bad_options), TMO_EINVAL);
    CHECK(strstr(tmo_error_last()->message, "rule scottish-stv has no option 'colour'") != NULL);
    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "2026-06-30", "no-such-rule", candidates,
                                          4, 2, NULL), TMO_ENOTFOUND);
    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "2026-06-30", "scottish-stv", candidates,
                                          4, 5, NULL), TMO_EVALUE);
    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "2026-06-30", "scottish-stv", candidates,
                                          0, 1, NULL), TMO_EVALUE);
    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "30 June 2026", "scottish-stv", candidates,
                                          4, 2, NULL), TMO_ESYNTAX);

    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "2026-06-30", "scottish-stv", candidates,
                                          4, 2, options), TMO_OK);
    CHECK_STATUS(tmo_ballot_open_election(store, c, "e1", "Committee 2026", "2026-06-30", "scottish-stv", candidates,
                                          4, 2, options), TMO_EVALUE); /* the name is taken */
    CHECK_STATUS(tmo_ballot_issue_codes(&codes, store, "e1"), TMO_OK);
    for (i = 0; i < 13; ++i) {
        code_of_line(codes.ptr, i + 1, code, sizeof code);
        if (i == 0) memcpy(first_code, code, sizeof code);
        if (i == 10) {
            CHECK_STATUS(tmo_ballot_cast(store, "e1", code, "3,2=4"), TMO_EVALUE);
            CHECK(strstr(tmo_error_last()->message, "scottish-stv, which does not allow candidates ranked equal") !=
                  NULL);
        }
        CHECK_STATUS(tmo_ballot_cast(store, "e1", code, papers[i]), TMO_OK);
    }
    /* a replayed code; papers the election cannot take (with an unused code, which stays unused) */
    CHECK_STATUS(tmo_ballot_cast(store, "e1", first_code, "1,3"), TMO_ECODEUSED);
    code_of_line(codes.ptr, 14, code, sizeof code);
    CHECK_STATUS(tmo_ballot_cast(store, "e1", code, "9"), TMO_EVALUE);
    CHECK(strstr(tmo_error_last()->message, "a candidate number from 1 to 4") != NULL);
    CHECK_STATUS(tmo_ballot_cast(store, "e1", code, "1,,2"), TMO_EVALUE);
    CHECK_STATUS(tmo_ballot_cast(store, "e1", code, "for"), TMO_EVALUE);
    CHECK_STATUS(tmo_ballot_turnout(&buf, store, "e1"), TMO_OK);
    CHECK(strstr(buf.ptr, "all: 13 of ") != NULL);

    CHECK_STATUS(tmo_ballot_close(&digest, store, "e1"), TMO_OK);
    CHECK_STR(digest.ptr, ELECTION_DIGEST);
    CHECK_STATUS(tmo_ballot_count(&buf, &carried, store, NULL, "e1"), TMO_OK);
    CHECK_INT(carried, 1);
    CHECK(strstr(buf.ptr, "Seats: 2   Papers: 13   Invalid: 1   Valid vote: 12.00000   Quota: 5.00000\n") != NULL);
    CHECK(strstr(buf.ptr, "Ada Lovelace              10.00000   5.00000   5.00000  elected\n") != NULL);
    CHECK(strstr(buf.ptr, "Ben Okri                   0.00000   2.00000   2.00000\n") != NULL);
    CHECK(strstr(buf.ptr, "Cara Dillon                1.00000   4.00000   5.00000  elected\n") != NULL);
    CHECK(strstr(buf.ptr, "Dev Patel                  1.00000   1.00000   0.00000\n") != NULL);
    CHECK(strstr(buf.ptr, "Elected, in order: Ada Lovelace; Cara Dillon\n") != NULL);
    {
        char line[128];
        snprintf(line, sizeof line, "Digest of the 13 ballots counted: %s\n", ELECTION_DIGEST);
        CHECK(strstr(buf.ptr, line) != NULL);
    }
    CHECK_STATUS(tmo_ballot_count(&buf, &carried, store, NULL, "e1"), TMO_OK); /* recomputed, the same */
    CHECK(strstr(buf.ptr, "Elected, in order: Ada Lovelace; Cara Dillon\n") != NULL);
    CHECK_STATUS(tmo_store_verify(&buf, &intact, store), TMO_OK);
    CHECK_INT(intact, 1);
    CHECK_STR(buf.ptr, "All 4 journal entries match the stored records.");

    tmo_count_options_free(options);
    tmo_count_options_free(bad_options);
    tmo_buf_dispose(&codes);
    tmo_buf_dispose(&buf);
    tmo_buf_dispose(&digest);
}

int main(int argc, char **argv) {
    char path[4096];
    char example_path[4096];
    char rules_path[4096];
    char register_path[4096];
    char code1[64];
    char code2[64];
    tmo_store *store = NULL;
    tmo_constitution *c = NULL;
    tmo_buf buf = TMO_BUF_INIT;
    size_t members = 0;
    int flag = 7;
    FILE *f;

    if (argc != 3) {
        fprintf(stderr, "usage: %s <examples/data> <scratch folder>\n", argv[0]);
        return 2;
    }
    snprintf(path, sizeof path, "%s/c_api_store.db", argv[2]);
    snprintf(example_path, sizeof example_path, "%s/c_api_store_example.db", argv[2]);
    snprintf(rules_path, sizeof rules_path, "%s/riverside_tmo.toml", argv[1]);
    snprintf(register_path, sizeof register_path, "%s/riverside/register.csv", argv[1]);
    remove(path);
    remove(example_path);

    CHECK_STATUS(tmo_store_open(NULL, path), TMO_EINVAL);
    CHECK_STATUS(tmo_store_open(&store, path), TMO_OK);
    CHECK_STATUS(tmo_store_import_register(&members, store, register_path), TMO_OK);
    CHECK_INT((long long)members, 88); /* examples/data/riverside/register.csv */
    CHECK_STATUS(tmo_constitution_load(&c, rules_path), TMO_OK);

    CHECK_STATUS(tmo_ballot_open(store, c, "c1", "Should the TMO continue?", "2026-03-20", "continuation"), TMO_OK);
    CHECK_STATUS(tmo_ballot_open(store, c, "c2", "x", "2026-03-20", "no_such_rule"), TMO_ENOTFOUND);
    CHECK_STATUS(tmo_ballot_open(store, c, "c1", "again", "2026-03-20", "continuation"), TMO_EVALUE);
    CHECK_STATUS(tmo_ballot_issue_codes(&buf, store, "c1"), TMO_OK);
    CHECK(strncmp(buf.ptr, "unit,tenure,code\n", 17) == 0);
    code_of_line(buf.ptr, 1, code1, sizeof code1);
    code_of_line(buf.ptr, 2, code2, sizeof code2);
    CHECK_INT((long long)strlen(code1), 19); /* XXXX-XXXX-XXXX-XXXX */
    CHECK(strcmp(code1, code2) != 0);
    CHECK_STATUS(tmo_ballot_issue_codes(&buf, store, "c1"), TMO_EVALUE);
    CHECK(buf.ptr == NULL);

    CHECK_STATUS(tmo_ballot_cast(store, "c1", code1, "for"), TMO_OK);
    CHECK_STATUS(tmo_ballot_cast(store, "c1", code1, "for"), TMO_ECODEUSED);
    CHECK_STR(tmo_error_last()->message, "this code has already been used to vote in ballot c1");
    CHECK_STATUS(tmo_ballot_cast(store, "c1", "2222-3333-4444-5555", "for"), TMO_ECODEUNKNOWN);
    CHECK_STATUS(tmo_ballot_cast(store, "c1", code2, "perhaps"), TMO_EVALUE);
    CHECK_STATUS(tmo_ballot_cast(store, "c1", code2, "against"), TMO_OK);
    CHECK_STATUS(tmo_ballot_cast(store, "nope", code2, "against"), TMO_ENOTFOUND);
    CHECK_STATUS(tmo_ballot_turnout(&buf, store, "c1"), TMO_OK);
    CHECK(strstr(buf.ptr, "all: 2 of ") != NULL);

    CHECK_STATUS(tmo_ballot_count(&buf, &flag, store, c, "c1"), TMO_ECLOSED);
    CHECK_STATUS(tmo_ballot_close(&buf, store, "c1"), TMO_OK);
    CHECK_INT((long long)strlen(buf.ptr), 64);
    CHECK_STATUS(tmo_ballot_close(&buf, store, "c1"), TMO_ECLOSED);
    CHECK_STATUS(tmo_ballot_cast(store, "c1", "2222-3333-4444-5555", "for"), TMO_ECLOSED);
    /* 1 for, 1 against: 1 of 2 votes cast is not more than 1/2 */
    CHECK_STATUS(tmo_ballot_count(&buf, &flag, store, c, "c1"), TMO_OK);
    CHECK_INT(flag, 0);
    CHECK(strstr(buf.ptr, "Not carried: 1 of 2 votes cast (50.0%) against a required more than 1/2.") != NULL);
    CHECK(strstr(buf.ptr, "Digest of the 2 ballots counted: ") != NULL);

    CHECK_STATUS(tmo_store_journal(&buf, store), TMO_OK);
    CHECK(strncmp(buf.ptr, "#1 ballot c1  sha256 ", 21) == 0);
    CHECK(strstr(buf.ptr, "\n#2 result c1  sha256 ") != NULL);
    CHECK_STATUS(tmo_store_verify(&buf, &flag, store), TMO_OK);
    CHECK_INT(flag, 1);
    CHECK_STR(buf.ptr, "All 2 journal entries match the stored records.");
    CHECK_STATUS(tmo_store_verify(NULL, &flag, store), TMO_EINVAL);
    check_election(store, c);
    tmo_store_free(store);

    CHECK_STATUS(tmo_store_open(&store, example_path), TMO_OK);
    CHECK_STATUS(tmo_store_load_example(store, argv[1]), TMO_OK);
    CHECK_STATUS(tmo_ballot_count(&buf, &flag, store, NULL, "continuation-2026"), TMO_ENOTFOUND); /* no preset */
    CHECK_STATUS(tmo_ballot_count(&buf, &flag, store, c, "continuation-2026"), TMO_OK);
    CHECK_INT(flag, 1);
    CHECK(strstr(buf.ptr, "Carried: 41 of 57 votes cast (71.9%) against a required more than 1/2.") != NULL);
    tmo_store_free(store);

    f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        int i;
        for (i = 0; i < 1024; ++i) fputs("not a database ", f);
        fclose(f);
    }
    remove(example_path);
    CHECK_STATUS(tmo_store_open(&store, path), TMO_ECORRUPT);
    CHECK(store == NULL);
    remove(path);

    tmo_constitution_free(c);
    tmo_buf_dispose(&buf);
    return check_report("c_api_store");
}
