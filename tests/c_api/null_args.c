/* NULL for every pointer argument of every function gives TMO_EINVAL (or a documented no-op), never a crash, and
 * outputs are reset. */
#include "check.h"

#include <stdint.h>
#include <string.h>

/* The call failed with TMO_EINVAL, and the last error says so with a message. */
#define CHECK_EINVAL(call)                                               \
    do {                                                                 \
        CHECK_STATUS((call), TMO_EINVAL);                                \
        CHECK_INT(tmo_error_last()->code, TMO_EINVAL);                   \
        CHECK(strstr(tmo_error_last()->message, "NULL") != NULL ||       \
              strstr(tmo_error_last()->message, "cap") != NULL);         \
    } while (0)

/* A borrowed-string getter returned NULL with TMO_EINVAL recorded. */
#define CHECK_NULL_EINVAL(call)                          \
    do {                                                 \
        CHECK((call) == NULL);                           \
        CHECK_INT(tmo_error_last()->code, TMO_EINVAL);   \
    } while (0)

static void constitution_functions(const tmo_constitution *c) {
    tmo_constitution *made = (tmo_constitution *)&made; /* any non-NULL value: it must be reset to NULL */
    tmo_buf buf = TMO_BUF_INIT;
    int value = 7;
    uint32_t u32 = 7;
    uint32_t other_u32 = 7;
    uint64_t u64 = 7;
    size_t size = 7;

    CHECK_EINVAL(tmo_constitution_parse(NULL, "x = 1", 5, "n.toml"));
    CHECK_EINVAL(tmo_constitution_parse(&made, NULL, 0, "n.toml"));
    CHECK(made == NULL);
    made = (tmo_constitution *)&made;
    CHECK_EINVAL(tmo_constitution_load(NULL, "riverside_tmo.toml"));
    CHECK_EINVAL(tmo_constitution_load(&made, NULL));
    CHECK(made == NULL);
    made = (tmo_constitution *)&made;
    CHECK_EINVAL(tmo_constitution_preset(NULL, "ccbs_act_2014"));
    CHECK_EINVAL(tmo_constitution_preset(&made, NULL));
    CHECK(made == NULL);
    tmo_constitution_free(NULL);

    CHECK_EINVAL(tmo_constitution_to_toml(NULL, c));
    CHECK_EINVAL(tmo_constitution_to_toml(&buf, NULL));
    CHECK(buf.ptr == NULL);
    CHECK_EINVAL(tmo_constitution_summary(NULL, c));
    CHECK_EINVAL(tmo_constitution_summary(&buf, NULL));
    CHECK(buf.ptr == NULL);

    CHECK_NULL_EINVAL(tmo_constitution_name(NULL));
    CHECK_NULL_EINVAL(tmo_constitution_area(NULL));
    CHECK_EINVAL(tmo_constitution_legal_form(NULL, c));
    CHECK_EINVAL(tmo_constitution_legal_form(&value, NULL));
    CHECK_INT(value, 0);
    CHECK_EINVAL(tmo_constitution_minimum_age(NULL, c));
    CHECK_EINVAL(tmo_constitution_minimum_age(&u32, NULL));
    CHECK_INT(u32, 0);
    value = 7;
    CHECK_EINVAL(tmo_constitution_vote_unit(NULL, c));
    CHECK_EINVAL(tmo_constitution_vote_unit(&value, NULL));
    CHECK_INT(value, 0);
    u32 = 7;
    CHECK_EINVAL(tmo_constitution_notice_days(NULL, c, TMO_MEETING_GENERAL));
    CHECK_EINVAL(tmo_constitution_notice_days(&u32, NULL, TMO_MEETING_GENERAL));
    CHECK_INT(u32, 0);
    CHECK_EINVAL(tmo_constitution_quorum(NULL, c, TMO_MEETING_GENERAL, 100, 0));
    CHECK_EINVAL(tmo_constitution_quorum(&u64, NULL, TMO_MEETING_GENERAL, 100, 0));
    CHECK_INT(u64, 0);
    CHECK_EINVAL(tmo_constitution_resolution_count(NULL, c));
    CHECK_EINVAL(tmo_constitution_resolution_count(&size, NULL));
    CHECK_INT(size, 0);
    CHECK_NULL_EINVAL(tmo_constitution_resolution_name(NULL, 0));
    value = 7;
    CHECK_EINVAL(tmo_constitution_resolution_combine(NULL, c, "ordinary"));
    CHECK_EINVAL(tmo_constitution_resolution_combine(&value, NULL, "ordinary"));
    CHECK_INT(value, 0);
    value = 7;
    CHECK_EINVAL(tmo_constitution_resolution_combine(&value, c, NULL));
    CHECK_INT(value, 0);
    size = 7;
    CHECK_EINVAL(tmo_constitution_resolution_test_count(NULL, c, "ordinary"));
    CHECK_EINVAL(tmo_constitution_resolution_test_count(&size, NULL, "ordinary"));
    CHECK_INT(size, 0);
    size = 7;
    CHECK_EINVAL(tmo_constitution_resolution_test_count(&size, c, NULL));
    CHECK_INT(size, 0);
    CHECK_NULL_EINVAL(tmo_constitution_resolution_test(NULL, "ordinary", 0));
    CHECK_NULL_EINVAL(tmo_constitution_resolution_test(c, NULL, 0));
    u32 = 7;
    CHECK_EINVAL(tmo_constitution_committee_size(NULL, &other_u32, c));
    CHECK_INT(other_u32, 0);
    CHECK_EINVAL(tmo_constitution_committee_size(&u32, NULL, c));
    CHECK_INT(u32, 0);
    CHECK_EINVAL(tmo_constitution_committee_size(&u32, &other_u32, NULL));
    size = 7;
    CHECK_EINVAL(tmo_constitution_ballot_count(NULL, c));
    CHECK_EINVAL(tmo_constitution_ballot_count(&size, NULL));
    CHECK_INT(size, 0);
    CHECK_NULL_EINVAL(tmo_constitution_ballot_name(NULL, 0));
}

static void number_functions(void) {
    int64_t pence = 7;
    int64_t shares[2] = {7, 7};
    const char *weights[] = {"1", NULL};
    char text[TMO_DATE_SIZE] = "unchanged";
    tmo_buf buf = TMO_BUF_INIT;

    CHECK_EINVAL(tmo_money_parse(NULL, "1.00"));
    CHECK_EINVAL(tmo_money_parse(&pence, NULL));
    CHECK_INT(pence, 0);
    CHECK_EINVAL(tmo_money_format(NULL, 10, 100, 0));

    CHECK_EINVAL(tmo_apportion(NULL, 100, weights, 1));
    CHECK_EINVAL(tmo_apportion(shares, 100, NULL, 2));
    CHECK_INT(shares[0], 0);
    CHECK_INT(shares[1], 0);
    shares[0] = 7;
    CHECK_EINVAL(tmo_apportion(shares, 100, weights, 2));
    CHECK_STR(tmo_error_last()->message, "tmo_apportion: a required argument is NULL: weights[1]");
    CHECK_INT(shares[0], 0);

    CHECK_EINVAL(tmo_fraction_normalise(NULL, "1/2"));
    CHECK_EINVAL(tmo_fraction_normalise(&buf, NULL));
    CHECK(buf.ptr == NULL);

    pence = 7;
    CHECK_EINVAL(tmo_date_clear_days(NULL, "2025-06-11", "2025-06-26"));
    CHECK_EINVAL(tmo_date_clear_days(&pence, NULL, "2025-06-26"));
    CHECK_INT(pence, 0);
    CHECK_EINVAL(tmo_date_clear_days(&pence, "2025-06-11", NULL));
    CHECK_EINVAL(tmo_date_latest_notice(NULL, TMO_DATE_SIZE, "2025-06-26", 14));
    CHECK_EINVAL(tmo_date_latest_notice(text, sizeof text, NULL, 14));
    CHECK_STR(text, "");
    CHECK_EINVAL(tmo_date_add_months(NULL, TMO_DATE_SIZE, "2025-06-26", 1));
    strcpy(text, "unchanged");
    CHECK_EINVAL(tmo_date_add_months(text, sizeof text, NULL, 1));
    CHECK_STR(text, "");

    tmo_buf_dispose(NULL);
    CHECK(tmo_error_last() != NULL);
    CHECK(tmo_strerror(TMO_EINVAL) != NULL);
}

int main(void) {
    tmo_constitution *c = NULL;
    if (CHECK_STATUS(tmo_constitution_preset(&c, "ccbs_act_2014"), TMO_OK)) constitution_functions(c);
    tmo_constitution_free(c);
    number_functions();
    return check_report("null_args");
}
