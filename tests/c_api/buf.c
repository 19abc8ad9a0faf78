/* tmo_buf: initialisation, reuse and release. */
#include "check.h"

#include <string.h>

int main(void) {
    tmo_buf buf = TMO_BUF_INIT;
    tmo_buf empty = TMO_BUF_INIT;

    CHECK(buf.ptr == NULL);
    CHECK_INT(buf.size, 0);

    /* NULL and an empty buffer are accepted. */
    tmo_buf_dispose(NULL);
    tmo_buf_dispose(&empty);
    CHECK(empty.ptr == NULL);
    CHECK_INT(empty.size, 0);

    /* Text is NUL-terminated and size excludes the NUL. */
    CHECK_STATUS(tmo_fraction_normalise(&buf, "4/6"), TMO_OK);
    CHECK_STR(buf.ptr, "2/3");
    CHECK_INT(buf.size, 3);
    CHECK_INT(strlen(buf.ptr), buf.size);

    /* A second call releases the first text (valgrind checks that nothing leaks). */
    CHECK_STATUS(tmo_fraction_normalise(&buf, "-10/5"), TMO_OK);
    CHECK_STR(buf.ptr, "-2");
    CHECK_INT(buf.size, 2);

    /* A failing call leaves the buffer empty. */
    CHECK_STATUS(tmo_fraction_normalise(&buf, "two thirds"), TMO_ESYNTAX);
    CHECK(buf.ptr == NULL);
    CHECK_INT(buf.size, 0);

    /* Disposing twice is harmless: the first call resets the buffer. */
    CHECK_STATUS(tmo_fraction_normalise(&buf, "75%"), TMO_OK);
    CHECK_STR(buf.ptr, "3/4");
    tmo_buf_dispose(&buf);
    CHECK(buf.ptr == NULL);
    CHECK_INT(buf.size, 0);
    tmo_buf_dispose(&buf);

    return check_report("buf");
}
