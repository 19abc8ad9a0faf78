/* Constitutions through the C API: the example files (examples/data) load, the getters read the Riverside sample
 * correctly, the canonical TOML round-trips, the presets load, and bad input fails cleanly.
 * Usage: c_api_constitution <riverside_tmo.toml> [<other example.toml>...] */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_quorum(const tmo_constitution *c, int kind, uint64_t members, int adjourned, uint64_t expected) {
    uint64_t quorum = 0;
    CHECK_STATUS(tmo_constitution_quorum(&quorum, c, kind, members, adjourned), TMO_OK);
    CHECK_INT(quorum, expected);
}

static void check_notice(const tmo_constitution *c, int kind, uint32_t expected) {
    uint32_t days = 0;
    CHECK_STATUS(tmo_constitution_notice_days(&days, c, kind), TMO_OK);
    CHECK_INT(days, expected);
}

static void check_riverside(const tmo_constitution *c) {
    int value = 0;
    uint32_t u32 = 0;
    uint32_t max_size = 0;
    uint64_t u64 = 7;
    size_t count = 0;

    CHECK_STR(tmo_constitution_name(c), "Riverside Tenant Management Organisation Limited");
    CHECK_STR(tmo_constitution_area(c),
              "The Riverside estate: Anchor House, Barge House, Cooper Court and 1-48 Wharf Road");
    CHECK_STATUS(tmo_constitution_legal_form(&value, c), TMO_OK);
    CHECK_INT(value, TMO_LEGAL_FORM_COMMUNITY_BENEFIT_SOCIETY);
    CHECK_STATUS(tmo_constitution_minimum_age(&u32, c), TMO_OK);
    CHECK_INT(u32, 16);
    CHECK_STATUS(tmo_constitution_vote_unit(&value, c), TMO_OK);
    CHECK_INT(value, TMO_VOTE_UNIT_MEMBER);

    /* AGMs and special meetings follow the general meeting's rules; committee meetings have their own. */
    check_notice(c, TMO_MEETING_GENERAL, 14);
    check_notice(c, TMO_MEETING_AGM, 14);
    check_notice(c, TMO_MEETING_SPECIAL, 14);
    check_notice(c, TMO_MEETING_COMMITTEE, 7);
    CHECK_STATUS(tmo_constitution_notice_days(&u32, c, 0), TMO_EINVAL);
    CHECK_STATUS(tmo_constitution_notice_days(&u32, c, TMO_MEETING_COMMITTEE + 1), TMO_EINVAL);

    /* The lesser of 25 and one third of the members, rounded up; "those present" when adjourned. */
    check_quorum(c, TMO_MEETING_GENERAL, 120, 0, 25);
    check_quorum(c, TMO_MEETING_GENERAL, 50, 0, 17);
    check_quorum(c, TMO_MEETING_AGM, 51, 0, 17);
    check_quorum(c, TMO_MEETING_GENERAL, 0, 0, 0);
    check_quorum(c, TMO_MEETING_GENERAL, 120, 1, 1);
    check_quorum(c, TMO_MEETING_COMMITTEE, 15, 0, 5);
    check_quorum(c, TMO_MEETING_COMMITTEE, 7, 0, 3);
    check_quorum(c, TMO_MEETING_GENERAL, UINT64_MAX, 0, 25);
    CHECK_STATUS(tmo_constitution_quorum(&u64, c, TMO_MEETING_COMMITTEE, 15, 1), TMO_ENOTFOUND);
    CHECK_INT(u64, 0);

    /* Resolution kinds come in ascending order of their names. */
    CHECK_STATUS(tmo_constitution_resolution_count(&count, c), TMO_OK);
    CHECK_INT(count, 4);
    CHECK_STR(tmo_constitution_resolution_name(c, 0), "amalgamation");
    CHECK_STR(tmo_constitution_resolution_name(c, 1), "conversion");
    CHECK_STR(tmo_constitution_resolution_name(c, 2), "ordinary");
    CHECK_STR(tmo_constitution_resolution_name(c, 3), "special");
    CHECK(tmo_constitution_resolution_name(c, 4) == NULL);
    CHECK_INT(tmo_error_last()->code, TMO_EINVAL);

    CHECK_STATUS(tmo_constitution_resolution_test_count(&count, c, "ordinary"), TMO_OK);
    CHECK_INT(count, 1);
    CHECK_STR(tmo_constitution_resolution_test(c, "ordinary", 0), "more than 1/2 of votes cast");
    CHECK_STR(tmo_constitution_resolution_test(c, "special", 0), "at least 3/4 of votes cast");
    CHECK_STR(tmo_constitution_resolution_test(c, "amalgamation", 0), "at least 2/3 of votes cast");
    CHECK(tmo_constitution_resolution_test(c, "special", 1) == NULL);
    CHECK_INT(tmo_error_last()->code, TMO_EINVAL);
    CHECK_STATUS(tmo_constitution_resolution_combine(&value, c, "special"), TMO_OK);
    CHECK_INT(value, TMO_COMBINE_ALL);

    CHECK(tmo_constitution_resolution_test(c, "extraordinary", 0) == NULL);
    CHECK_INT(tmo_error_last()->code, TMO_ENOTFOUND);
    CHECK(strstr(tmo_error_last()->message, "ordinary, special") != NULL);
    CHECK_STATUS(tmo_constitution_resolution_test_count(&count, c, "extraordinary"), TMO_ENOTFOUND);
    CHECK_INT(count, 0);
    CHECK_STATUS(tmo_constitution_resolution_combine(&value, c, ""), TMO_ENOTFOUND);

    CHECK_STATUS(tmo_constitution_committee_size(&u32, &max_size, c), TMO_OK);
    CHECK_INT(u32, 5);
    CHECK_INT(max_size, 15);

    CHECK_STATUS(tmo_constitution_ballot_count(&count, c), TMO_OK);
    CHECK_INT(count, 2);
    CHECK_STR(tmo_constitution_ballot_name(c, 0), "continuation");
    CHECK_STR(tmo_constitution_ballot_name(c, 1), "rtm");
    CHECK(tmo_constitution_ballot_name(c, 2) == NULL);
    CHECK_INT(tmo_error_last()->code, TMO_EINVAL);
}

/* The canonical TOML parses back to a constitution with the same canonical TOML; the summary is text. */
static void check_round_trip(const tmo_constitution *c, const char *path) {
    tmo_buf toml = TMO_BUF_INIT;
    tmo_buf again = TMO_BUF_INIT;
    tmo_buf summary = TMO_BUF_INIT;
    tmo_constitution *reparsed = NULL;

    if (!CHECK_STATUS(tmo_constitution_to_toml(&toml, c), TMO_OK)) return;
    CHECK_INT(strlen(toml.ptr), toml.size);
    if (CHECK_STATUS(tmo_constitution_parse(&reparsed, toml.ptr, toml.size, "canonical.toml"), TMO_OK)) {
        CHECK_STATUS(tmo_constitution_to_toml(&again, reparsed), TMO_OK);
        if (!CHECK(again.size == toml.size && memcmp(again.ptr, toml.ptr, toml.size) == 0))
            fprintf(stderr, "  the canonical TOML of %s changed when parsed again\n", path);
    }
    CHECK_STATUS(tmo_constitution_summary(&summary, c), TMO_OK);
    CHECK(summary.size > 0 && summary.ptr[summary.size - 1] == '\n');

    tmo_constitution_free(reparsed);
    tmo_buf_dispose(&toml);
    tmo_buf_dispose(&again);
    tmo_buf_dispose(&summary);
}

static void check_example(const char *path) {
    tmo_constitution *c = NULL;
    if (!CHECK_STATUS(tmo_constitution_load(&c, path), TMO_OK)) {
        fprintf(stderr, "  file: %s\n", path);
        return;
    }
    CHECK(tmo_constitution_name(c) != NULL && tmo_constitution_name(c)[0] != '\0');
    check_round_trip(c, path);
    tmo_constitution_free(c);
}

static void check_presets(void) {
    const char *names[] = {"ccbs_act_2014", "companies_act_2006"};
    const int forms[] = {TMO_LEGAL_FORM_COMMUNITY_BENEFIT_SOCIETY, TMO_LEGAL_FORM_COMPANY_LIMITED_BY_GUARANTEE};
    tmo_constitution *c = (tmo_constitution *)&c;
    size_t i;
    int form = 0;

    for (i = 0; i < 2; ++i) {
        if (!CHECK_STATUS(tmo_constitution_preset(&c, names[i]), TMO_OK)) continue;
        CHECK_STATUS(tmo_constitution_legal_form(&form, c), TMO_OK);
        CHECK_INT(form, forms[i]);
        check_round_trip(c, names[i]);
        tmo_constitution_free(c);
    }
    CHECK_STATUS(tmo_constitution_preset(&c, "model_rules_1999"), TMO_ENOTFOUND);
    CHECK(c == NULL);
}

/* Bad input: the status, the location and no handle. */
static void check_bad_input(void) {
    static const char missing_value[] = "[organisation]\nname = \"x\"\narea =\n";
    static const char with_nul[] = "[organisation]\nname = \"x\0\"\n";
    tmo_constitution *c = NULL;
    char *big;

    CHECK_STATUS(tmo_constitution_parse(&c, missing_value, sizeof missing_value - 1, "inline.toml"), TMO_ESYNTAX);
    CHECK(c == NULL);
    CHECK_STR(tmo_error_last()->file, "inline.toml");
    CHECK_INT(tmo_error_last()->line, 3);
    CHECK(tmo_error_last()->column > 0);

    /* The length, not a NUL, ends the text; a NUL inside it is a control byte TOML forbids. */
    CHECK_STATUS(tmo_constitution_parse(&c, with_nul, sizeof with_nul - 1, NULL), TMO_ESYNTAX);
    CHECK(c == NULL);
    CHECK_STR(tmo_error_last()->file, "");
    CHECK_INT(tmo_error_last()->line, 2);

    CHECK_STATUS(tmo_constitution_parse(&c, "", 0, "empty.toml"), TMO_EMISSINGKEY);
    CHECK(c == NULL);

    big = malloc(70000);
    if (CHECK(big != NULL)) {
        memset(big, '#', 70000);
        CHECK_STATUS(tmo_constitution_parse(&c, big, 70000, "big.toml"), TMO_ETOOLARGE);
        CHECK(c == NULL);
        free(big);
    }

    CHECK_STATUS(tmo_constitution_load(&c, "/nonexistent/rules.toml"), TMO_EIO);
    CHECK(c == NULL);
    CHECK(strlen(tmo_error_last()->message) > 0);
}

int main(int argc, char **argv) {
    tmo_constitution *c = NULL;
    size_t size = 0;
    char *text;
    int i;

    if (argc < 2) {
        fprintf(stderr, "usage: %s <riverside_tmo.toml> [<example.toml>...]\n", argv[0]);
        return 2;
    }

    /* Riverside, parsed from memory with a source name. */
    text = read_file(argv[1], &size);
    if (!CHECK(text != NULL)) return check_report("constitution");
    if (CHECK_STATUS(tmo_constitution_parse(&c, text, size, "riverside_tmo.toml"), TMO_OK)) check_riverside(c);
    tmo_constitution_free(c);
    free(text);

    for (i = 1; i < argc; ++i) check_example(argv[i]);
    check_presets();
    check_bad_input();
    return check_report("constitution");
}
