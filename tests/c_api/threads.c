/* The last error is per thread, and several threads may read one constitution at once. */
#define _POSIX_C_SOURCE 200112L
#include "check.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

enum { readers = 4, rounds = 200 };

/* Each worker starts with no error, fails in its own way, and reads the shared constitution. Checks in worker
 * threads only count failures in `result` (the harness counters belong to the main thread). */
struct work {
    const tmo_constitution *rules;
    int result; /* 0 when everything held */
};

static void *read_rules(void *argument) {
    struct work *w = argument;
    tmo_buf fraction = TMO_BUF_INIT;
    uint64_t quorum = 0;
    int i;

    if (tmo_error_last()->code != TMO_OK) w->result = 1;
    if (tmo_fraction_normalise(&fraction, "1/0") != TMO_EDOMAIN) w->result = 2;
    for (i = 0; i < rounds; ++i) {
        const char *name = tmo_constitution_name(w->rules);
        if (name == NULL || strcmp(name, "Company limited by guarantee (Companies Act 2006 defaults)") != 0)
            w->result = 3;
        if (tmo_constitution_quorum(&quorum, w->rules, TMO_MEETING_GENERAL, 100, 0) != TMO_OK) w->result = 4;
    }
    /* The quorum calls succeeded, so this thread's record is clear again. */
    if (tmo_error_last()->code != TMO_OK) w->result = 5;
    return NULL;
}

int main(void) {
    tmo_constitution *rules = NULL;
    pthread_t threads[readers];
    struct work work[readers];
    int64_t pence = 0;
    int i;

    if (!CHECK_STATUS(tmo_constitution_preset(&rules, "companies_act_2006"), TMO_OK)) return check_report("threads");
    CHECK_STATUS(tmo_money_parse(&pence, "1.2.3"), TMO_ESYNTAX);

    for (i = 0; i < readers; ++i) {
        work[i].rules = rules;
        work[i].result = 0;
        CHECK_INT(pthread_create(&threads[i], NULL, read_rules, &work[i]), 0);
    }
    for (i = 0; i < readers; ++i) {
        CHECK_INT(pthread_join(threads[i], NULL), 0);
        CHECK_INT(work[i].result, 0);
    }

    /* The workers' failures and successes left this thread's record alone. */
    CHECK_INT(tmo_error_last()->code, TMO_ESYNTAX);
    CHECK_INT(tmo_error_last()->column, 4);

    tmo_constitution_free(rules);
    return check_report("threads");
}
