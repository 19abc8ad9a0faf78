/* The store through the C API: a question ballot conducted with voter codes on the Riverside register, its
 * refusals, turnout, close, count, journal and verify; the example loader; a file that is no database. */
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
