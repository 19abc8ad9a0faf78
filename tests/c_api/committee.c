/* The committee and the statutory calendar through the C API: the calendar from milestones (figures from
 * governance.md's periods), the committee's make-up and its rotation with a tie settled by lot, and bad input.
 * Usage: c_api_committee <riverside_tmo.toml> */
#include "check.h"

#include <stdint.h>
#include <string.h>

static const char committee_toml[] =
    "seats = 6\n"
    "[[member]]\nid = \"R01\"\nname = \"Ann Adams\"\ncategory = \"resident\"\noffices = [\"chair\"]\n"
    "since = 2020-06-01\n"
    "[[member]]\nid = \"R02\"\nname = \"Bob Brown\"\ncategory = \"resident\"\noffices = [\"secretary\"]\n"
    "since = 2022-06-15\n"
    "[[member]]\nid = \"R03\"\nname = \"Cat Cole\"\ncategory = \"resident\"\noffices = [\"treasurer\"]\n"
    "since = 2022-06-15\n"
    "[[member]]\nid = \"R04\"\nname = \"Dan Dale\"\ncategory = \"resident\"\nsince = 2024-06-18\n"
    "[[member]]\nid = \"R05\"\nname = \"Eve Evans\"\ncategory = \"other\"\nsince = 2025-06-17\n";

static void calendar(void) {
    /* 28 days after 2025-01-10 is 2025-02-07: on 2025-02-10 the council's decision is 3 days overdue. */
    const char *names[] = {"rtm_notice_served"};
    const char *dates[] = {"2025-01-10"};
    const char *bad_dates[] = {"2025-02-30"};
    const char *unknown[] = {"rtm_notice_serve"};
    size_t overdue = 99;
    tmo_buf out = TMO_BUF_INIT;

    if (CHECK_STATUS(tmo_calendar(&out, &overdue, NULL, names, dates, 1, "2025-02-10", -1, TMO_RECORD_JSON), TMO_OK)) {
        CHECK_INT(overdue, 1);
        CHECK(strstr(out.ptr, "\"due\": \"2025-02-07\"") != NULL);
        CHECK(strstr(out.ptr, "\"status\": \"overdue\"") != NULL);
        CHECK(strstr(out.ptr, "\"days\": 3") != NULL);
    }
    /* Three days earlier it is due today, which with a window of 0 days is still due soon, not overdue. */
    if (CHECK_STATUS(tmo_calendar(&out, &overdue, "england", names, dates, 1, "2025-02-07", 0, TMO_RECORD_TEXT),
                     TMO_OK)) {
        CHECK_INT(overdue, 0);
        CHECK(strstr(out.ptr, "2025-02-07  due today  council_decision") != NULL);
    }
    CHECK_STATUS(tmo_calendar(&out, &overdue, NULL, names, bad_dates, 1, "2025-02-10", -1, TMO_RECORD_TEXT),
                 TMO_EVALUE);
    CHECK_STR(tmo_error_last()->key_path, "rtm_notice_served");
    CHECK(out.ptr == NULL && overdue == 0);
    CHECK_STATUS(tmo_calendar(&out, &overdue, NULL, unknown, dates, 1, "2025-02-10", -1, TMO_RECORD_TEXT),
                 TMO_ENOTFOUND);
    CHECK_STR(tmo_error_last()->key_path, "rtm_notice_serve");
    CHECK_STATUS(tmo_calendar(&out, &overdue, "wales", names, dates, 1, "2025-02-10", -1, TMO_RECORD_TEXT),
                 TMO_ENOTFOUND);
    CHECK_STATUS(tmo_calendar(&out, &overdue, NULL, names, dates, 1, "2025-02-10", -1, 9), TMO_EINVAL);
    CHECK_STATUS(tmo_calendar(&out, &overdue, NULL, names, dates, 1, NULL, -1, TMO_RECORD_TEXT), TMO_EINVAL);
    CHECK_STR(tmo_calendar_preset_name(0), "england");
    CHECK(tmo_calendar_preset_name(1) == NULL);
    tmo_buf_dispose(&out);
}

static void committee(const char *constitution_path) {
    tmo_constitution *rules = NULL;
    tmo_buf out = TMO_BUF_INIT;
    int passed = -1;
    uint32_t seats = 99;

    if (!CHECK_STATUS(tmo_constitution_load(&rules, constitution_path), TMO_OK)) return;
    /* Riverside: 5 to 15 members, at least 2/3 residents: 4 of 5 is enough (2/3 of 5 is 10/3, so 4 are needed). */
    if (CHECK_STATUS(tmo_committee_check(&out, &passed, rules, committee_toml, "c.toml", TMO_RECORD_JSON), TMO_OK)) {
        CHECK_INT(passed, 1);
        CHECK(strstr(out.ptr, "\"casual_vacancies\": 1") != NULL);
    }
    /* One third of the 5 members is 5/3, the nearest whole number 2: Ann (longest serving) and one of Bob and Cat,
     * elected on the same day. SHA-256("Riverside TMO AGM 2026,0") mod 2 is 0: Bob, the first in id order. */
    if (CHECK_STATUS(tmo_committee_rotation(&out, &seats, rules, committee_toml, "c.toml", "2026-06-20",
                                            "Riverside TMO AGM 2026", TMO_RECORD_MARKDOWN),
                     TMO_OK)) {
        CHECK_INT(seats, 3);
        CHECK(strstr(out.ptr, "Ann Adams and Bob Brown retire by rotation") != NULL);
        CHECK(strstr(out.ptr, "- counter 0, 2 in the draw: index 0, R02 retires") != NULL);
    }
    CHECK_STATUS(tmo_committee_rotation(&out, &seats, rules, committee_toml, "c.toml", "2026-06-20", NULL,
                                        TMO_RECORD_JSON),
                 TMO_EINVAL);
    CHECK(seats == 0 && out.ptr == NULL);
    CHECK_STATUS(tmo_committee_check(&out, &passed, rules, "[[member]]\nid = 3\n", "bad.toml", TMO_RECORD_JSON),
                 TMO_EWRONGTYPE);
    CHECK_STR(tmo_error_last()->file, "bad.toml");
    CHECK_INT(tmo_error_last()->line, 2);
    CHECK_INT(tmo_error_last()->column, 6);
    CHECK_STR(tmo_error_last()->key_path, "member[0].id");
    CHECK_STATUS(tmo_committee_check(&out, &passed, NULL, committee_toml, NULL, TMO_RECORD_JSON), TMO_EINVAL);
    tmo_buf_dispose(&out);
    tmo_constitution_free(rules);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_api_committee <riverside_tmo.toml>\n");
        return 2;
    }
    calendar();
    committee(argv[1]);
    return check_report("c_api_committee");
}
