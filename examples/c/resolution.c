/* Checking a resolution against a constitution from C: load the TMO's rules, give the votes counted at a general
 * meeting, and print whether the resolution carried with the one plain sentence tmo writes for the minutes.
 *
 * Build:  cc -std=c99 resolution.c $(pkg-config --cflags --libs tmo)     (or CMake: find_package(tmo), tmo::c)
 * Run:    ./resolution examples/data/riverside_tmo.toml
 *
 * The Riverside rules say a special resolution needs at least 3/4 of the votes cast ([resolutions.special] in the
 * file); abstentions are not votes cast. So 30 for and 10 against is exactly 3/4 and carries, and 29 for and 11
 * against is 29/40 < 3/4 and does not. expected/resolution.txt holds these outcomes, checked by that arithmetic;
 * the sentences have the form docs/decisions.md gives ("Carried: 34 of 48 votes cast (70.8%) against a required 2/3.").
 */
#include <tmo/tmo.h>

#include <stdio.h>

static int fail(const char *what) {
    const tmo_error *e = tmo_error_last();
    fprintf(stderr, "%s: %s:%u:%u: %s\n", what, e->file ? e->file : "", (unsigned)e->line, (unsigned)e->column,
            e->message);
    return 2;
}

/* Evaluates one vote on a special resolution at the AGM of 25 June 2026 and prints the outcome. */
static int vote(const tmo_constitution *rules, uint64_t in_favour, uint64_t against, uint64_t abstained) {
    tmo_resolution_votes votes = TMO_RESOLUTION_VOTES_INIT; /* versioned struct: always start from the INIT value */
    tmo_decision *decision = NULL;
    int carried = 0;

    votes.eligible = 88; /* members entitled to vote (the register) */
    votes.present = in_favour + against + abstained;
    votes.in_favour = in_favour;
    votes.against = against;
    votes.abstained = abstained;
    votes.meeting_kind = TMO_MEETING_GENERAL;
    votes.held = "2026-06-25";
    if (tmo_resolution_evaluate(&decision, rules, "special", &votes) != TMO_OK) return fail("tmo_resolution_evaluate");

    tmo_decision_carried(&carried, decision);
    printf("%llu for, %llu against, %llu abstaining: %s\n", (unsigned long long)in_favour,
           (unsigned long long)against, (unsigned long long)abstained, carried ? "carried" : "not carried");
    printf("  %s\n", tmo_decision_sentence(decision));
    tmo_decision_free(decision);
    return 0;
}

int main(int argc, char **argv) {
    tmo_constitution *rules = NULL;
    int status;

    if (argc != 2) {
        fprintf(stderr, "usage: resolution CONSTITUTION.toml\n");
        return 2;
    }
    /* A constitution file is untrusted input: a mistake in it is an error naming its line and column. */
    if (tmo_constitution_load(&rules, argv[1]) != TMO_OK) return fail("tmo_constitution_load");
    printf("%s\n", tmo_constitution_name(rules));

    status = vote(rules, 30, 10, 2);
    if (status == 0) status = vote(rules, 29, 11, 2);
    tmo_constitution_free(rules);
    return status;
}
