/* One broken constitution gives its documented error through the C API: the code, the file, line and column, and
 * no handle. Usage: c_api_broken <file.toml> <code> <line> <column>
 * where <code> is a C name (TMO_EUNKNOWNKEY) or the C++ tmo::errc name (unknown_key). */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *c_name;
    const char *cpp_name;
    int code;
} codes[] = {
    {"TMO_EINVAL", "invalid_argument", TMO_EINVAL},   {"TMO_ESYNTAX", "syntax", TMO_ESYNTAX},
    {"TMO_EUNKNOWNKEY", "unknown_key", TMO_EUNKNOWNKEY}, {"TMO_EMISSINGKEY", "missing_key", TMO_EMISSINGKEY},
    {"TMO_EWRONGTYPE", "wrong_type", TMO_EWRONGTYPE}, {"TMO_EVALUE", "invalid_value", TMO_EVALUE},
    {"TMO_EIO", "io", TMO_EIO},                       {"TMO_ETOOLARGE", "too_large", TMO_ETOOLARGE},
};

int main(int argc, char **argv) {
    tmo_constitution *c = (tmo_constitution *)&c; /* must come back NULL */
    const tmo_error *e;
    int expected = 0;
    size_t i;

    if (argc != 5) {
        fprintf(stderr, "usage: %s <file.toml> <code> <line> <column>\n", argv[0]);
        return 2;
    }
    for (i = 0; i < sizeof codes / sizeof codes[0]; ++i)
        if (strcmp(argv[2], codes[i].c_name) == 0 || strcmp(argv[2], codes[i].cpp_name) == 0) expected = codes[i].code;
    if (expected == 0) {
        fprintf(stderr, "%s: no known expected error code (\"%s\"): is the file in the README.md table beside it?\n",
                argv[1], argv[2]);
        return 2;
    }

    CHECK_STATUS(tmo_constitution_load(&c, argv[1]), expected);
    CHECK(c == NULL);
    e = tmo_error_last();
    CHECK_INT(e->code, expected);
    CHECK_STR(e->file, argv[1]);
    CHECK_INT(e->line, strtol(argv[3], NULL, 10));
    CHECK_INT(e->column, strtol(argv[4], NULL, 10));
    CHECK(e->message[0] != '\0');
    printf("%s:%u:%u: %s [%s]\n", e->file, (unsigned)e->line, (unsigned)e->column, e->message, e->key_path);
    return check_report("broken");
}
