/* The compile-time and run-time versions agree, and the ABI check accepts this program and refuses others. */
#include "check.h"

#include <stdio.h>

int main(void) {
    char expected[32];
    CHECK_INT(tmo_version_number(), TMO_VERSION_NUMBER);
    CHECK_STR(tmo_version_string(), TMO_VERSION_STRING);
    CHECK_INT(TMO_VERSION_NUMBER, TMO_VERSION_MAJOR * 10000 + TMO_VERSION_MINOR * 100 + TMO_VERSION_PATCH);
    snprintf(expected, sizeof expected, "%d.%d.%d", TMO_VERSION_MAJOR, TMO_VERSION_MINOR, TMO_VERSION_PATCH);
    CHECK_STR(TMO_VERSION_STRING, expected);
    CHECK_STATUS(TMO_CHECK_ABI(), TMO_OK);
    CHECK_STATUS(tmo_abi_check(TMO_ABI_VERSION + 1, sizeof(tmo_error), sizeof(tmo_buf)), TMO_EINVAL);
    CHECK(strstr(tmo_error_last()->message, "rebuild") != NULL);
    CHECK_STATUS(tmo_abi_check(TMO_ABI_VERSION, sizeof(tmo_error) + 8, sizeof(tmo_buf)), TMO_EINVAL);
    CHECK_STATUS(TMO_CHECK_ABI(), TMO_OK);
    CHECK_INT(tmo_error_last()->code, TMO_OK);
    return check_report("version");
}
