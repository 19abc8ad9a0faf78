/* Counting an election from C: read a BLT ballot file, count it by the Scottish STV rules and print the result.
 *
 * Build:  cc -std=c99 count.c $(pkg-config --cflags --libs tmo)     (or CMake: find_package(tmo), tmo::c)
 * Run:    ./count examples/data/riverside_committee_2026.blt
 *
 * expected/count.txt was checked, not copied from the program: the 143 papers, the quota of 24 (Droop, whole:
 * floor(143 / (5 + 1)) + 1) and every first preference (31, 6, 23, 25, 16, 14, 9, 13, 6) were counted by hand from
 * the file's first column; the stages and the five elected (Amina Yusuf and Delroy Campbell at stage 1 with 31 and 25,
 * then Chen Wei, Eleanor Price, Fatima Begum) are those of `tmo count examples/data/riverside_committee_2026.blt`,
 * whose Scottish STV reproduces the published figures of 658 Scottish council wards (docs/counting.md).
 *
 * The pattern of every tmo C call: it returns TMO_OK (0) or an error status; on error tmo_error_last() says what went
 * wrong and where (file, line, column). Objects the library creates ("[owned]" in the headers) are released with
 * their own _free function; strings it lends ("[borrowed]") live as long as the object they came from.
 */
#include <tmo/tmo.h>

#include <stdio.h>

/* Prints the last error as "file:line:column: message" and gives the process exit status 2 (bad input). */
static int fail(const char *what) {
    const tmo_error *e = tmo_error_last();
    fprintf(stderr, "%s: %s:%u:%u: %s\n", what, e->file ? e->file : "", (unsigned)e->line, (unsigned)e->column,
            e->message);
    return 2;
}

int main(int argc, char **argv) {
    tmo_profile *ballots = NULL;
    tmo_count_options *options = NULL;
    tmo_count *count = NULL;
    uint32_t candidates = 0, seats = 0, c;
    uint64_t papers = 0;
    size_t elected = 0, stages = 0, i;
    int status = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: count FILE.blt\n");
        return 2;
    }

    /* 1. Read the ballots. The format (BLT, CSV, NIST CDF JSON) is told apart by content; 0 = lenient BLT. */
    if (tmo_profile_load(&ballots, argv[1], 0) != TMO_OK) return fail("tmo_profile_load");
    tmo_profile_size(&candidates, &seats, &papers, ballots);
    printf("%s\n", tmo_profile_title(ballots));
    printf("%u candidates, %u seats, %llu papers\n", (unsigned)candidates, (unsigned)seats,
           (unsigned long long)papers);

    /* 2. Count. Options are key/value text ("seats", "ties", "seed", ...; docs/counting.md); none are needed here:
     *    the seats come from the file and ties, if any, are settled by the rule's default chain. */
    if (tmo_count_options_new(&options) != TMO_OK) {
        status = fail("tmo_count_options_new");
        goto done;
    }
    if (tmo_count_run(&count, ballots, "scottish-stv", options) != TMO_OK) {
        status = fail("tmo_count_run");
        goto done;
    }

    /* 3. Read the result: the quota and first preferences of stage 1 (stages are 0-based here) ... */
    printf("quota: %s\n", tmo_count_stage_figure(count, 0, TMO_FIGURE_QUOTA));
    printf("first preferences:\n");
    for (c = 1; c <= candidates; ++c)
        printf("  %-36s %s\n", tmo_profile_candidate_name(ballots, c), tmo_count_stage_votes(count, 0, c));

    /* ... what each stage did, in one plain sentence ... */
    tmo_count_stage_count(&stages, count);
    for (i = 0; i < stages; ++i) printf("stage %u: %s\n", (unsigned)(i + 1), tmo_count_stage_explanation(count, i));

    /* ... and who was elected, in order of election (1-based candidate numbers, as in the BLT file). */
    tmo_count_elected_count(&elected, count);
    printf("elected:\n");
    for (i = 0; i < elected; ++i) {
        uint32_t who = 0;
        tmo_count_elected(&who, count, i);
        printf("  %u. %s\n", (unsigned)(i + 1), tmo_profile_candidate_name(ballots, who));
    }

done:
    /* Every _free accepts NULL, so one clean-up path serves success and failure alike. */
    tmo_count_free(count);
    tmo_count_options_free(options);
    tmo_profile_free(ballots);
    return status;
}
