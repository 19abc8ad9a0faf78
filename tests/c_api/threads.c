/* The last error is per thread, several threads may read one constitution at once, and threads using separate
 * handles (each its own profile, count and constitution) do not disturb each other. Run under ThreadSanitizer by
 * `scripts/run tsan`. */
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

/* Each worker parses its own election (candidate 1 has 4 of 6 first preferences: a majority) and counts it by IRV,
 * and parses its own copy of a preset constitution and writes it back. */
struct own_work {
    int result; /* 0 when everything held */
};

static void *use_own_handles(void *argument) {
    static const char blt[] = "3 1\n4 1 2 0\n1 2 3 0\n1 3 0\n0\n\"Ash\"\n\"Birch\"\n\"Cedar\"\n\"Own\"\n";
    struct own_work *w = argument;
    int i;
    for (i = 0; i < rounds / 10 && w->result == 0; ++i) {
        tmo_profile *p = NULL;
        tmo_count *c = NULL;
        tmo_constitution *rules = NULL;
        tmo_buf text = TMO_BUF_INIT;
        size_t elected = 0;
        uint32_t winner = 99;
        if (tmo_profile_parse(&p, blt, sizeof blt - 1, "own.blt", TMO_BALLOTS_STRICT) != TMO_OK) w->result = 1;
        if (w->result == 0 && tmo_count_run(&c, p, "irv", NULL) != TMO_OK) w->result = 2;
        if (w->result == 0 && (tmo_count_elected(&winner, c, 0) != TMO_OK || winner != 1))
            w->result = 3;
        if (w->result == 0 && (tmo_count_elected_count(&elected, c) != TMO_OK || elected != 1)) w->result = 4;
        if (w->result == 0 && tmo_count_render(&text, c, TMO_COUNT_JSON) != TMO_OK) w->result = 5;
        tmo_buf_dispose(&text);
        if (tmo_constitution_preset(&rules, "companies_act_2006") != TMO_OK ||
            tmo_constitution_to_toml(&text, rules) != TMO_OK || text.size == 0)
            w->result = 6;
        tmo_buf_dispose(&text);
        tmo_constitution_free(rules);
        tmo_count_free(c);
        tmo_profile_free(p);
    }
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

    {
        pthread_t own[readers];
        struct own_work own_work[readers];
        for (i = 0; i < readers; ++i) {
            own_work[i].result = 0;
            CHECK_INT(pthread_create(&own[i], NULL, use_own_handles, &own_work[i]), 0);
        }
        for (i = 0; i < readers; ++i) {
            CHECK_INT(pthread_join(own[i], NULL), 0);
            CHECK_INT(own_work[i].result, 0);
        }
    }

    /* The workers' failures and successes left this thread's record alone. */
    CHECK_INT(tmo_error_last()->code, TMO_ESYNTAX);
    CHECK_INT(tmo_error_last()->column, 4);

    tmo_constitution_free(rules);
    return check_report("threads");
}
