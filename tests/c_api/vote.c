/* Counting through the C API: a real Scottish ward against its official result sheet, a small election built
 * ballot by ballot and counted by hand, options, renderings, and bad input failing cleanly.
 * Usage: c_api_vote <aberdeen_2017_ward1.blt> */
#include "check.h"

#include <stdint.h>
#include <string.h>

/* Aberdeen 2017 ward 1 (Dyce/Bucksburn/Danestone), 4 seats, counted under scottish-stv: figures from the official
 * result sheet (tests/data/elections/scotland/2017/aberdeen_2017_ward1.expected.csv). */
static void official_ward(const char *path) {
    tmo_profile *p = NULL;
    tmo_count *c = NULL;
    uint32_t candidates = 0, seats = 0, chosen = 0, subject = 0;
    uint64_t papers = 0;
    size_t n = 0;
    int action = 0, state = 0;
    tmo_buf json = TMO_BUF_INIT;

    if (!CHECK_STATUS(tmo_profile_load(&p, path, TMO_BALLOTS_STRICT), TMO_OK)) return;
    CHECK_STR(tmo_profile_format(p), "blt");
    CHECK_STATUS(tmo_profile_size(&candidates, &seats, &papers, p), TMO_OK);
    CHECK_INT(candidates, 7);
    CHECK_INT(seats, 4);
    CHECK_STR(tmo_profile_candidate_name(p, 5), "Avril MACKENZIE (Con)");

    if (CHECK_STATUS(tmo_count_run(&c, p, "scottish-stv", NULL), TMO_OK)) {
        CHECK_STATUS(tmo_count_stage_count(&n, c), TMO_OK);
        CHECK_INT(n, 6);
        CHECK_STR(tmo_count_stage_votes(c, 0, 5), "2012.00000");
        CHECK_STR(tmo_count_stage_votes(c, 0, 4), "1670.00000");
        CHECK_STR(tmo_count_stage_votes(c, 1, 1), "806.07214");
        CHECK_STR(tmo_count_stage_votes(c, 1, 2), "658.17890");
        CHECK_STR(tmo_count_stage_votes(c, 2, 3), "514.35988");
        CHECK_STR(tmo_count_stage_votes(c, 5, 1), "1483.79014");
        CHECK_STR(tmo_count_stage_votes(c, 5, 7), "1317.90720");
        /* Lawrence, lowest at stage 3, is excluded at stage 4, which moves his papers. */
        CHECK_STATUS(tmo_count_stage_state(&state, c, 2, 3), TMO_OK);
        CHECK_INT(state, TMO_CANDIDATE_CONTINUING);
        CHECK_STATUS(tmo_count_stage_state(&state, c, 3, 3), TMO_OK);
        CHECK_INT(state, TMO_CANDIDATE_EXCLUDED);
        CHECK_STATUS(tmo_count_stage_action(&action, &subject, c, 3), TMO_OK);
        CHECK_INT(action, TMO_STAGE_EXCLUSION);
        CHECK_INT(subject, 3);
        /* Stage 2 transfers the surplus of Mackenzie, elected first with the most votes. */
        CHECK_STATUS(tmo_count_stage_action(&action, &subject, c, 1), TMO_OK);
        CHECK_INT(action, TMO_STAGE_SURPLUS);
        CHECK_INT(subject, 5);
        CHECK_STATUS(tmo_count_stage_action(&action, &subject, c, 0), TMO_OK);
        CHECK_INT(action, TMO_STAGE_FIRST_PREFERENCES);
        CHECK_INT(subject, 0);
        /* The quota: floor(valid / 5) + 1; the result sheet's stage-2 figure for Mackenzie is the quota. */
        CHECK_STR(tmo_count_stage_figure(c, 0, TMO_FIGURE_QUOTA), "1322.00000");
        CHECK_STATUS(tmo_count_elected_count(&n, c), TMO_OK);
        CHECK_INT(n, 4);
        CHECK_STATUS(tmo_count_elected(&chosen, c, 0), TMO_OK);
        CHECK_INT(chosen, 5);
        CHECK_STATUS(tmo_count_elected(&chosen, c, 1), TMO_OK);
        CHECK_INT(chosen, 4);
        CHECK_STATUS(tmo_count_render(&json, c, TMO_COUNT_JSON), TMO_OK);
        CHECK(json.ptr != NULL && strstr(json.ptr, "\"scottish-stv\"") != NULL);
        tmo_buf_dispose(&json);
    }
    tmo_count_free(c);
    tmo_profile_free(p);
}

/* Ann, Bob, Cat for 2 seats: 6 papers Ann > Bob, 2 Bob, 3 Cat, 1 Cat > Ann. Valid vote 12; the Scottish quota is
 * floor(12 / 3) + 1 = 5. Stage 1: Ann 6 (elected), Bob 2, Cat 4. Stage 2: Ann's surplus of 1 moves on her 6 papers at
 * 1 / 6 each, truncated to 0.16666, all to Bob: Bob 2.99996, and 0.00004 is lost to rounding. Bob then has the fewest
 * votes and is excluded; Cat is the only candidate left for the last seat. Under exact WIGM (quota 4, elected on
 * exceeding it) Ann's surplus is 2 and moves exactly: Bob 4, Cat 4, a tie settled here by the order Cat, Bob. */
static void built_by_hand(void) {
    const char *names[] = {"Ann", "Bob", "Cat"};
    const uint32_t ann_bob[] = {1, 2};
    const uint32_t bob[] = {2};
    const uint32_t cat[] = {3};
    const uint32_t cat_ann[] = {3, 1};
    const uint32_t equal[] = {1, 2 | TMO_MARK_EQUAL};
    const uint32_t bad[] = {4};
    tmo_profile *p = NULL;
    tmo_count *c = NULL;
    tmo_count_options *o = NULL;
    uint32_t chosen = 0;
    size_t n = 0, stage = 0;
    tmo_buf blt = TMO_BUF_INIT;

    if (!CHECK_STATUS(tmo_profile_new(&p, names, 3, 2), TMO_OK)) return;
    CHECK_STR(tmo_profile_format(p), "");
    CHECK_STATUS(tmo_profile_add_ballot(p, ann_bob, 2, 6), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(p, bob, 1, 2), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(p, cat, 1, 3), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(p, cat_ann, 2, 1), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(p, bad, 1, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_add_ballot(p, bob, 1, 0), TMO_EINVAL);

    if (CHECK_STATUS(tmo_count_run(&c, p, "scottish-stv", NULL), TMO_OK)) {
        CHECK_STR(tmo_count_stage_votes(c, 0, 1), "6.00000");
        CHECK_STR(tmo_count_stage_votes(c, 1, 2), "2.99996");
        CHECK_STR(tmo_count_stage_figure(c, 1, TMO_FIGURE_ROUNDING_LOSS), "0.00004");
        CHECK_STATUS(tmo_count_elected(&chosen, c, 1), TMO_OK);
        CHECK_INT(chosen, 3);
    }
    tmo_count_free(c);
    c = NULL;

    CHECK_STATUS(tmo_count_options_new(&o), TMO_OK);
    CHECK_STATUS(tmo_count_options_set(o, "ties", "order"), TMO_OK);
    CHECK_STATUS(tmo_count_options_set(o, "order", "3,2"), TMO_OK);
    if (CHECK_STATUS(tmo_count_run(&c, p, "wigm", o), TMO_OK)) {
        CHECK_STR(tmo_count_stage_votes(c, 1, 2), "4");
        CHECK_STATUS(tmo_count_tie_count(&n, c), TMO_OK);
        CHECK_INT(n, 1);
        CHECK_STATUS(tmo_count_tie(&stage, &chosen, c, 0), TMO_OK);
        CHECK_INT(chosen, 2); /* Bob, last in the order, is excluded */
        CHECK_STR(tmo_count_tie_method(c, 0), "order");
        CHECK_STATUS(tmo_count_elected(&chosen, c, 1), TMO_OK);
        CHECK_INT(chosen, 3);
    }
    tmo_count_free(c);
    c = NULL;

    /* A misspelt option and an unknown rule are refused, naming what was expected. */
    CHECK_STATUS(tmo_count_options_set(o, "sets", "2"), TMO_OK);
    CHECK_STATUS(tmo_count_run(&c, p, "wigm", o), TMO_EINVAL);
    CHECK(strstr(tmo_error_last()->message, "no option 'sets'") != NULL);
    CHECK(c == NULL);
    CHECK_STATUS(tmo_count_run(&c, p, "stv", NULL), TMO_ENOTFOUND);
    tmo_count_options_free(o);

    /* Equal rankings are kept as marked and written back as "1=2". */
    CHECK_STATUS(tmo_profile_add_ballot(p, equal, 2, 1), TMO_OK);
    CHECK_STATUS(tmo_profile_to_blt(&blt, p), TMO_OK);
    CHECK(blt.ptr != NULL && strstr(blt.ptr, "1 1=2 0") != NULL);
    tmo_buf_dispose(&blt);
    tmo_profile_free(p);
}

static void bad_input(void) {
    static const char broken[] = "3 1\n1 1 9 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
    tmo_profile *p = (tmo_profile *)&p;
    const char *name = NULL;
    CHECK_STATUS(tmo_profile_parse(&p, broken, sizeof broken - 1, "broken.blt", 0), TMO_EVALUE);
    CHECK(p == NULL);
    CHECK_STR(tmo_error_last()->file, "broken.blt");
    CHECK_INT(tmo_error_last()->line, 2);
    CHECK_STATUS(tmo_profile_parse(&p, "hello", 5, "notes.txt", 0), TMO_ESYNTAX);
    CHECK_STATUS(tmo_profile_parse(&p, broken, sizeof broken - 1, "x.blt", 8u), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_load(&p, "/nonexistent/ward.blt", 0), TMO_EIO);
    for (size_t i = 0; (name = tmo_count_rule_name(i)) != NULL; ++i) CHECK(name[0] != '\0');
    CHECK_STR(tmo_count_rule_name(0), "scottish-stv");
}

/* NULL where a value is required gives TMO_EINVAL and reset outputs, never a crash. */
static void null_arguments(void) {
    const char *names[] = {"Ann", "Bob"};
    const uint32_t one[] = {1};
    tmo_profile *p = NULL, *made = (tmo_profile *)&made;
    tmo_count *c = NULL, *counted = (tmo_count *)&counted;
    tmo_count_options *o = NULL;
    tmo_buf buf = TMO_BUF_INIT;
    uint32_t u32 = 7, u32b = 7;
    uint64_t u64 = 7;
    size_t size = 7;
    int value = 7;

    if (!CHECK_STATUS(tmo_profile_new(&p, names, 2, 1), TMO_OK)) return;
    CHECK_STATUS(tmo_profile_add_ballot(p, one, 1, 1), TMO_OK);
    if (!CHECK_STATUS(tmo_count_run(&c, p, "plurality", NULL), TMO_OK)) return;

    CHECK_STATUS(tmo_profile_parse(NULL, "1 1", 3, NULL, 0), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_parse(&made, NULL, 0, NULL, 0), TMO_EINVAL);
    CHECK(made == NULL);
    CHECK_STATUS(tmo_profile_load(NULL, "x.blt", 0), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_load(&made, NULL, 0), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_new(NULL, names, 2, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_new(&made, NULL, 2, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_new(&made, names, 0, 1), TMO_EVALUE);
    CHECK(made == NULL);
    tmo_profile_free(NULL);
    CHECK_STATUS(tmo_profile_add_ballot(NULL, one, 1, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_add_ballot(p, NULL, 1, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_withdraw(NULL, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_withdraw(p, 3), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_set_seats(NULL, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_set_seats(p, 3), TMO_EVALUE);
    CHECK_STATUS(tmo_profile_size(NULL, &u32b, &u64, p), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_size(&u32, &u32b, &u64, NULL), TMO_EINVAL);
    CHECK(u32 == 0 && u32b == 0 && u64 == 0);
    CHECK(tmo_profile_candidate_name(NULL, 1) == NULL);
    CHECK(tmo_profile_candidate_name(p, 0) == NULL);
    CHECK_INT(tmo_error_last()->code, TMO_EINVAL);
    CHECK(tmo_profile_title(NULL) == NULL);
    CHECK(tmo_profile_format(NULL) == NULL);
    CHECK_STATUS(tmo_profile_warnings(NULL, p), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_warnings(&buf, NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_to_blt(NULL, p), TMO_EINVAL);
    CHECK_STATUS(tmo_profile_to_blt(&buf, NULL), TMO_EINVAL);
    CHECK(buf.ptr == NULL);

    CHECK_STATUS(tmo_count_options_new(NULL), TMO_EINVAL);
    tmo_count_options_free(NULL);
    CHECK_STATUS(tmo_count_options_set(NULL, "seats", "1"), TMO_EINVAL);
    if (CHECK_STATUS(tmo_count_options_new(&o), TMO_OK)) {
        CHECK_STATUS(tmo_count_options_set(o, NULL, "1"), TMO_EINVAL);
        CHECK_STATUS(tmo_count_options_set(o, "seats", NULL), TMO_EINVAL);
        CHECK_STATUS(tmo_count_options_set(o, "", "1"), TMO_EINVAL);
        tmo_count_options_free(o);
    }
    CHECK_STATUS(tmo_count_run(NULL, p, "irv", NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_count_run(&counted, NULL, "irv", NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_count_run(&counted, p, NULL, NULL), TMO_EINVAL);
    CHECK(counted == NULL);
    tmo_count_free(NULL);
    CHECK_STATUS(tmo_count_render(NULL, c, TMO_COUNT_TEXT), TMO_EINVAL);
    CHECK_STATUS(tmo_count_render(&buf, NULL, TMO_COUNT_TEXT), TMO_EINVAL);
    CHECK_STATUS(tmo_count_render(&buf, c, 0), TMO_EINVAL);
    CHECK(tmo_count_summary(NULL) == NULL);
    CHECK_STATUS(tmo_count_elected_count(NULL, c), TMO_EINVAL);
    CHECK_STATUS(tmo_count_elected_count(&size, NULL), TMO_EINVAL);
    CHECK_INT(size, 0);
    CHECK_STATUS(tmo_count_elected(NULL, c, 0), TMO_EINVAL);
    CHECK_STATUS(tmo_count_elected(&u32, c, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_count_stage_count(NULL, c), TMO_EINVAL);
    CHECK_STATUS(tmo_count_stage_action(NULL, &u32, c, 0), TMO_EINVAL);
    CHECK_STATUS(tmo_count_stage_action(&value, &u32, c, 9), TMO_EINVAL);
    CHECK(value == 0 && u32 == 0);
    CHECK(tmo_count_stage_votes(NULL, 0, 1) == NULL);
    CHECK(tmo_count_stage_votes(c, 0, 3) == NULL);
    CHECK_STATUS(tmo_count_stage_state(NULL, c, 0, 1), TMO_EINVAL);
    CHECK_STATUS(tmo_count_stage_state(&value, c, 0, 0), TMO_EINVAL);
    CHECK(tmo_count_stage_figure(NULL, 0, TMO_FIGURE_QUOTA) == NULL);
    CHECK(tmo_count_stage_figure(c, 0, 6) == NULL);
    CHECK(tmo_count_stage_explanation(NULL, 0) == NULL);
    CHECK_STATUS(tmo_count_tie_count(NULL, c), TMO_EINVAL);
    CHECK_STATUS(tmo_count_tie(NULL, &u32, c, 0), TMO_EINVAL);
    CHECK_STATUS(tmo_count_tie(&size, &u32, c, 0), TMO_EINVAL);
    CHECK(tmo_count_tie_method(NULL, 0) == NULL);
    CHECK(tmo_count_tie_explanation(c, 0) == NULL);
    CHECK(tmo_count_rule_name((size_t)-1) == NULL);
    tmo_count_free(c);
    tmo_profile_free(p);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_api_vote <aberdeen_2017_ward1.blt>\n");
        return 2;
    }
    official_ward(argv[1]);
    built_by_hand();
    bad_input();
    null_arguments();
    return check_report("c_api_vote");
}
