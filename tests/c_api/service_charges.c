/* Service charges through the C API: examples/data/contracts/service_charges_2026.toml, its figures worked by hand
 * (contracts.md §7.3: £13,595.71 by rateable values 213 / 180 / 250 is £4,503.71 / £3,805.95 / £5,286.05), and a
 * located error. Usage: c_api_service_charges <service_charges_2026.toml> */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void example(const char *path) {
    tmo_service_charges *s = NULL;
    tmo_buf text = TMO_BUF_INIT;
    const char *id = NULL;
    int64_t pence = -1;
    int64_t sum = 0;
    int required = 9;
    int64_t threshold = -1;
    size_t dwellings = 0, costs = 0, i;
    /* Per dwelling: roof + £200.00 caretaking + Barge House cleaning (60 : 40 of £1,000.00) + grounds (bed spaces). */
    static const int64_t want[5] = {471800, 402023, 551462, 82143, 62143};

    CHECK_STATUS(tmo_service_charges_load(&s, path), TMO_OK);
    CHECK_STATUS(tmo_service_charges_counts(&dwellings, &costs, s), TMO_OK);
    CHECK_INT(dwellings, 5);
    CHECK_INT(costs, 4);
    for (i = 0; i < dwellings && i < 5; ++i) {
        CHECK_STATUS(tmo_service_charges_dwelling(&id, &pence, s, i), TMO_OK);
        CHECK_INT(pence, want[i]);
        sum += pence;
    }
    CHECK_INT(sum, 1569571); /* £15,695.71, the four costs to the penny */
    CHECK_STATUS(tmo_service_charges_dwelling(&id, &pence, s, 0), TMO_OK);
    CHECK_STR(id, "Flat 1");
    CHECK_STATUS(tmo_service_charges_section20(&required, &threshold, s, 0), TMO_OK);
    CHECK_INT(required, 1);
    CHECK_INT(threshold, 25000);
    CHECK_STATUS(tmo_service_charges_section20(&required, &threshold, s, 1), TMO_OK);
    CHECK_INT(required, -1);
    CHECK_INT(threshold, 0);
    CHECK_STATUS(tmo_service_charges_section20(&required, &threshold, s, 2), TMO_OK);
    CHECK_INT(required, 1);
    CHECK_INT(threshold, 10000);
    CHECK_STATUS(tmo_service_charges_section20(&required, &threshold, s, 4), TMO_EINVAL);
    CHECK_STATUS(tmo_service_charges_dwelling(&id, &pence, s, 5), TMO_EINVAL);
    CHECK(id == NULL);
    CHECK_STATUS(tmo_service_charges_render(&text, s, TMO_RECORD_TEXT), TMO_OK);
    CHECK(text.ptr != NULL && strstr(text.ptr, "Consultation is required: Flat 3 would pay £5,286.05") != NULL);
    CHECK_STATUS(tmo_service_charges_render(&text, s, TMO_RECORD_JSON), TMO_EINVAL);
    CHECK(text.ptr == NULL);
    tmo_buf_dispose(&text);
    tmo_service_charges_free(s);
}

static void errors(void) {
    static const char bad[] = "title = \"x\"\n[[dwellings]]\nid = \"A\"\nblock = \"Ash\"\nfloor_area = 1.5\n";
    tmo_service_charges *s = (tmo_service_charges *)1;
    const tmo_error *e;
    CHECK_STATUS(tmo_service_charges_parse(&s, bad, strlen(bad), "bad.toml"), TMO_EWRONGTYPE);
    CHECK(s == NULL);
    e = tmo_error_last();
    CHECK_STR(e->file, "bad.toml");
    CHECK_INT(e->line, 5);
    CHECK_INT(e->column, 14);
    CHECK_STR(e->key_path, "dwellings[0].floor_area");
    CHECK_STATUS(tmo_service_charges_load(&s, "/no/such/file.toml"), TMO_EIO);
    CHECK_STATUS(tmo_service_charges_load(NULL, "x"), TMO_EINVAL);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_api_service_charges <service_charges_2026.toml>\n");
        return 2;
    }
    example(argv[1]);
    errors();
    return check_report("c_api_service_charges");
}
