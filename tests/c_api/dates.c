/* Notice periods: clear days, the latest notice date and calendar months. */
#include "check.h"

#include <stdint.h>

static void check_add_months(const char *date, int64_t months, const char *expected) {
    char out[TMO_DATE_SIZE];
    CHECK_STATUS(tmo_date_add_months(out, sizeof out, date, months), TMO_OK);
    CHECK_STR(out, expected);
}

int main(void) {
    int64_t days = -1;
    char out[TMO_DATE_SIZE];
    char too_small[TMO_DATE_SIZE - 1];

    /* Notice on Wednesday 11 June 2025 for a meeting on Thursday 26 June: 14 clear days. */
    CHECK_STATUS(tmo_date_clear_days(&days, "2025-06-11", "2025-06-26"), TMO_OK);
    CHECK_INT(days, 14);
    CHECK_STATUS(tmo_date_clear_days(&days, "2025-06-25", "2025-06-26"), TMO_OK);
    CHECK_INT(days, 0);
    CHECK_STATUS(tmo_date_clear_days(&days, "2025-06-26", "2025-06-11"), TMO_OK);
    CHECK_INT(days, 0);
    CHECK_STATUS(tmo_date_clear_days(&days, "2024-12-31", "2025-03-01"), TMO_OK);
    CHECK_INT(days, 59);

    CHECK_STATUS(tmo_date_clear_days(&days, "2025-02-29", "2025-06-26"), TMO_EVALUE);
    CHECK_STR(tmo_error_last()->key_path, "notice");
    CHECK_INT(days, 0);
    CHECK_STATUS(tmo_date_clear_days(&days, "2025-06-11", "26/06/2025"), TMO_ESYNTAX);
    CHECK_STR(tmo_error_last()->key_path, "meeting");

    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "2025-06-26", 14), TMO_OK);
    CHECK_STR(out, "2025-06-11");
    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "2025-06-26", 0), TMO_OK);
    CHECK_STR(out, "2025-06-25");
    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "2025-03-01", 21), TMO_OK);
    CHECK_STR(out, "2025-02-07");

    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "2025-06-26", -1), TMO_EINVAL);
    CHECK_STR(out, "");
    CHECK_STATUS(tmo_date_latest_notice(too_small, sizeof too_small, "2025-06-26", 14), TMO_EINVAL);
    CHECK_STR(too_small, "");
    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "0001-01-01", 0), TMO_EOVERFLOW);
    CHECK_STR(out, "");
    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "9999-12-31", INT64_MAX), TMO_EOVERFLOW);
    CHECK_STATUS(tmo_date_latest_notice(out, sizeof out, "2025-13-01", 14), TMO_EVALUE);

    check_add_months("2024-11-30", 3, "2025-02-28");
    check_add_months("2024-01-31", 1, "2024-02-29");
    check_add_months("2025-03-31", -1, "2025-02-28");
    check_add_months("2025-06-26", 0, "2025-06-26");
    check_add_months("2020-02-29", 60, "2025-02-28");
    check_add_months("0001-01-01", 119987, "9999-12-01");

    CHECK_STATUS(tmo_date_add_months(out, sizeof out, "9999-12-01", 1), TMO_EOVERFLOW);
    CHECK_STR(out, "");
    CHECK_STATUS(tmo_date_add_months(out, sizeof out, "0001-01-15", -1), TMO_EOVERFLOW);
    CHECK_STATUS(tmo_date_add_months(out, sizeof out, "2025-06-26", INT64_MAX), TMO_EOVERFLOW);
    CHECK_STATUS(tmo_date_add_months(out, sizeof out, "2025-06-26", INT64_MIN), TMO_EOVERFLOW);
    CHECK_STATUS(tmo_date_add_months(out, sizeof out, "2025-6-26", 1), TMO_ESYNTAX);
    CHECK_STR(tmo_error_last()->key_path, "date");

    return check_report("dates");
}
