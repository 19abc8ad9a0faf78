/* Status codes, tmo_strerror and the thread's last error. */
#include "check.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* Every status code with the text tmo_strerror gives it; the numbers are part of the ABI. */
static const struct {
    int code;
    int number;
    const char *text;
} codes[] = {
    {TMO_OK, 0, "no error"},
    {TMO_EINVAL, -1, "invalid argument"},
    {TMO_ESYNTAX, -2, "syntax error"},
    {TMO_EUNKNOWNKEY, -3, "unknown key"},
    {TMO_EMISSINGKEY, -4, "missing key"},
    {TMO_EWRONGTYPE, -5, "wrong type"},
    {TMO_EVALUE, -6, "invalid value"},
    {TMO_EIO, -7, "input/output error"},
    {TMO_ETOOLARGE, -8, "input too large"},
    {TMO_EOVERFLOW, -9, "overflow"},
    {TMO_EDOMAIN, -10, "undefined operation"},
    {TMO_EINEXACT, -11, "inexact result"},
    {TMO_ENOMEM, -12, "out of memory"},
    {TMO_ENOTFOUND, -13, "not found"},
    {TMO_EINTERNAL, -14, "internal error"},
    {TMO_ECODEUNKNOWN, -15, "unknown voter code"},
    {TMO_ECODEUSED, -16, "voter code already used"},
    {TMO_ECLOSED, -17, "ballot closed"},
    {TMO_EBUSY, -18, "database busy"},
    {TMO_ECORRUPT, -19, "database corrupt"},
};

static void check_no_error(const tmo_error *e) {
    CHECK(e != NULL);
    CHECK_INT(e->code, TMO_OK);
    CHECK_STR(e->message, "");
    CHECK_STR(e->file, "");
    CHECK_STR(e->key_path, "");
    CHECK_INT(e->line, 0);
    CHECK_INT(e->column, 0);
}

int main(void) {
    size_t i;
    int64_t pence = 0;

    for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) {
        CHECK_INT(codes[i].code, codes[i].number);
        CHECK_STR(tmo_strerror(codes[i].code), codes[i].text);
    }
    CHECK_STR(tmo_strerror(1), "unknown error");
    CHECK_STR(tmo_strerror(-20), "unknown error");
    CHECK_STR(tmo_strerror(INT_MIN), "unknown error");
    CHECK_STR(tmo_strerror(INT_MAX), "unknown error");

    /* Nothing failed yet on this thread. */
    check_no_error(tmo_error_last());

    /* A failure is recorded with its location; the column counts code points. */
    CHECK_STATUS(tmo_money_parse(&pence, "12.3x"), TMO_ESYNTAX);
    CHECK_INT(tmo_error_last()->code, TMO_ESYNTAX);
    CHECK(strlen(tmo_error_last()->message) > 0);
    CHECK_INT(tmo_error_last()->line, 1);
    CHECK_INT(tmo_error_last()->column, 5);

    /* Functions that cannot fail leave it alone. */
    CHECK_STR(tmo_strerror(TMO_OK), "no error");
    CHECK(tmo_version_number() > 0);
    CHECK_INT(tmo_error_last()->code, TMO_ESYNTAX);

    /* A later successful call resets it. */
    CHECK_STATUS(tmo_money_parse(&pence, "12.30"), TMO_OK);
    CHECK_INT(pence, 1230);
    check_no_error(tmo_error_last());

    /* tmo_error_clear resets it too. */
    CHECK_STATUS(tmo_money_parse(&pence, ""), TMO_ESYNTAX);
    tmo_error_clear();
    check_no_error(tmo_error_last());
    tmo_error_clear();
    check_no_error(tmo_error_last());

    return check_report("errors");
}
