/* Tenant Satisfaction Measures through the C API: the sample-size example of governance.md §7.4 (Golding Homes:
 * 554 responses from a population of 7,271 at ±4%), its other checks, margins of error and the measures of a small
 * survey and records file. */
#include "check.h"

#include <stdint.h>
#include <string.h>

static void sample_size(void) {
    int64_t required = -1;
    tmo_buf corrected = TMO_BUF_INIT;

    /* n0 = 2401/4 = 600.25; n = 600.25 / (1 + 599.25 / 7,271) = 2401 × 7271 / 31481 = 554.546...; published 554. */
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "4%", TMO_SAMPLE_MINUS_ONE, NULL), TMO_OK);
    CHECK_INT(required, 554);
    CHECK_STR(corrected.ptr, "17457671/31481");
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "4%", TMO_SAMPLE_MINUS_ONE, "ceil"), TMO_OK);
    CHECK_INT(required, 555);
    /* n0 / (1 + n0 / N) = 2401 × 7271 / 31485 = 554.476... */
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "1/25", TMO_SAMPLE_PLAIN, "truncate"), TMO_OK);
    CHECK_INT(required, 554);
    CHECK_STR(corrected.ptr, "17457671/31485");
    /* e = 5%, N = 2,400: n0 = 384.16, n = 331.27... */
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 2400, "0.05", TMO_SAMPLE_MINUS_ONE, NULL), TMO_OK);
    CHECK_INT(required, 331);
    /* e = 3%, N = 18,800: n0 = 1,067.11..., n = 1,009.84... */
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 18800, "3%", TMO_SAMPLE_MINUS_ONE, NULL), TMO_OK);
    CHECK_INT(required, 1009);

    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 0, "4%", TMO_SAMPLE_MINUS_ONE, NULL), TMO_EVALUE);
    CHECK(required == 0 && corrected.ptr == NULL);
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "150%", TMO_SAMPLE_MINUS_ONE, NULL), TMO_EVALUE);
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "four", TMO_SAMPLE_MINUS_ONE, NULL), TMO_ESYNTAX);
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "4%", 3, NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "4%", TMO_SAMPLE_MINUS_ONE, "up"), TMO_EINVAL);
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, "4%", TMO_SAMPLE_MINUS_ONE, "never"), TMO_EINEXACT);
    CHECK_STATUS(tmo_tsm_sample_size(NULL, &corrected, 7271, "4%", TMO_SAMPLE_MINUS_ONE, NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_tsm_sample_size(&required, NULL, 7271, "4%", TMO_SAMPLE_MINUS_ONE, NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_tsm_sample_size(&required, &corrected, 7271, NULL, TMO_SAMPLE_MINUS_ONE, NULL), TMO_EINVAL);
    tmo_buf_dispose(&corrected);
}

static void margins(void) {
    tmo_buf margin = TMO_BUF_INIT;
    /* 150 of 300, unlimited population: 1.96 × sqrt(0.25 / 300) = 5.658... points, rounded up to 5.66. */
    CHECK_STATUS(tmo_tsm_margin_of_error(&margin, 150, 300, 0), TMO_OK);
    CHECK_STR(margin.ptr, "5.66");
    CHECK_STATUS(tmo_tsm_margin_of_error(&margin, 301, 300, 0), TMO_EVALUE);
    CHECK(margin.ptr == NULL);
    CHECK_STATUS(tmo_tsm_margin_of_error(&margin, 1, 300, 200), TMO_EVALUE);
    CHECK_STATUS(tmo_tsm_margin_of_error(NULL, 1, 300, 0), TMO_EINVAL);
    tmo_buf_dispose(&margin);
}

static void measures(void) {
    static const char survey[] =
        "id,tenure,repair,complaint,communal,TP01,TP02,TP03,TP04,TP05,TP06,TP07,TP08,TP09,TP10,TP11,TP12\n"
        "R1,LCRA,yes,no,no,1,2,4,1,1,1,1,1,,,1,1\n"
        "R2,LCRA,no,no,no,4,,,2,2,2,2,2,,,2,2\n"
        "R3,LCRA,no,no,no,2,,,5,5,5,5,5,,,5,DK\n";
    static const char records[] = "kind,reference,status\nemergency-repair,J1,on-time\nemergency-repair,J2,late\n";
    tmo_buf out = TMO_BUF_INIT;

    /* TP01: R1 and R3 satisfied, R2 not: 2 of 3. RP02 (2) emergency: 1 of 2 on time. */
    CHECK_STATUS(tmo_tsm_measures(&out, survey, strlen(survey), records, strlen(records), 0, 0, TMO_REPORT_JSON),
                 TMO_OK);
    CHECK(out.ptr != NULL && strstr(out.ptr, "\"code\": \"TP01\"") != NULL);
    CHECK(strstr(out.ptr, "\"value\": \"200/3\"") != NULL);
    CHECK(strstr(out.ptr, "\"value\": \"50\"") != NULL);
    CHECK_STATUS(tmo_tsm_measures(&out, survey, strlen(survey), NULL, 0, 0, 0, TMO_REPORT_TEXT), TMO_OK);
    CHECK(out.ptr != NULL && strstr(out.ptr, "Perception measures\n") != NULL);
    CHECK(strstr(out.ptr, "Management information") == NULL);

    CHECK_STATUS(tmo_tsm_measures(&out, "id,tenure\n", 10, NULL, 0, 0, 0, TMO_REPORT_TEXT), TMO_EMISSINGKEY);
    CHECK(out.ptr == NULL);
    CHECK_INT(tmo_error_last()->line, 1);
    CHECK_STATUS(tmo_tsm_measures(&out, survey, strlen(survey), NULL, 0, 2, 0, TMO_REPORT_TEXT), TMO_EVALUE);
    CHECK_STATUS(tmo_tsm_measures(&out, survey, strlen(survey), NULL, 0, 0, 0, TMO_REPORT_OCDS), TMO_EINVAL);
    CHECK_STATUS(tmo_tsm_measures(&out, NULL, 5, NULL, 0, 0, 0, TMO_REPORT_TEXT), TMO_EINVAL);
    CHECK_STATUS(tmo_tsm_measures(NULL, survey, strlen(survey), NULL, 0, 0, 0, TMO_REPORT_TEXT), TMO_EINVAL);
    tmo_buf_dispose(&out);
}

int main(void) {
    sample_size();
    margins();
    measures();
    return check_report("c_api_tsm");
}
