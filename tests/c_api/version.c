/* The compile-time and run-time versions agree. */
#include "check.h"

#include <stdio.h>

int main(void) {
    char expected[32];
    CHECK_INT(tmo_version_number(), TMO_VERSION_NUMBER);
    CHECK_STR(tmo_version_string(), TMO_VERSION_STRING);
    CHECK_INT(TMO_VERSION_NUMBER, TMO_VERSION_MAJOR * 10000 + TMO_VERSION_MINOR * 100 + TMO_VERSION_PATCH);
    snprintf(expected, sizeof expected, "%d.%d.%d", TMO_VERSION_MAJOR, TMO_VERSION_MINOR, TMO_VERSION_PATCH);
    CHECK_STR(TMO_VERSION_STRING, expected);
    return check_report("version");
}
