/* Participatory budgeting through the C API: elections loaded, parsed and built part by part, rules run with text
 * options, the outcome read back (winners, exact cost, per-round figures and sentences, JSON), and every error path
 * and NULL argument failing cleanly.
 * Usage: c_api_budget <examples/data/budget/riverside_fund.toml> */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The call failed with `status`, and the last error says so. */
#define CHECK_FAILS(call, status)                       \
    do {                                                \
        CHECK_STATUS((call), (status));                 \
        CHECK_INT(tmo_error_last()->code, (status));    \
        CHECK(tmo_error_last()->message[0] != '\0');    \
    } while (0)

/* A borrowed-string getter returned NULL with `status` recorded. */
#define CHECK_NULL_WITH(call, status)                 \
    do {                                              \
        CHECK((call) == NULL);                        \
        CHECK_INT(tmo_error_last()->code, (status));  \
    } while (0)

/* The outcome funds exactly `count` projects, in this order. */
static void check_selected(const tmo_budget_outcome *r, const char *const *ids, size_t count) {
    size_t n = 99;
    size_t i;
    CHECK_STATUS(tmo_budget_outcome_selected_count(&n, r), TMO_OK);
    CHECK_INT(n, count);
    for (i = 0; i < count && i < n; ++i) CHECK_STR(tmo_budget_outcome_selected_id(r, i), ids[i]);
}

/* Runs `rule` with one option (or none when `name` is NULL) and checks the winners and the exact cost. */
static void check_run(const tmo_budget_election *e, const char *rule, const char *name, const char *value,
                      const char *const *ids, size_t count, const char *cost) {
    tmo_budget_outcome *r = NULL;
    tmo_budget_options *o = NULL;
    CHECK_STATUS(tmo_budget_options_new(&o), TMO_OK);
    if (name != NULL) CHECK_STATUS(tmo_budget_options_set(o, name, value), TMO_OK);
    if (CHECK_STATUS(tmo_budget_run(&r, e, rule, o), TMO_OK)) {
        if (ids != NULL) check_selected(r, ids, count);
        CHECK_STR(tmo_budget_outcome_cost(r), cost);
    }
    tmo_budget_outcome_free(r);
    tmo_budget_options_free(o);
}

static int starts_with(const char *s, const char *prefix) {
    return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The worked example of budgeting.md 3.6 and 4.9, in each form the API takes. */
static const char worked_toml[] =
    "budget = \"10,000\"\n"
    "[[projects]]\nid = \"1\"\ncost = 6000\n"
    "[[projects]]\nid = \"2\"\ncost = 2500\n"
    "[[projects]]\nid = \"3\"\ncost = 1500\n"
    "[[projects]]\nid = \"4\"\ncost = 3000\n"
    "[ballots]\nv1 = [\"1\", \"3\"]\nv2 = [\"1\", \"2\"]\nv3 = [\"1\", \"3\"]\nv4 = [\"2\", \"3\"]\nv5 = [\"4\"]\n";
static const char worked_pb[] =
    "META\nkey;value\nbudget;10000\nvote_type;approval\n"
    "PROJECTS\nproject_id;cost\n1;6000\n2;2500\n3;1500\n4;3000\n"
    "VOTES\nvoter_id;vote\nv1;1,3\nv2;1,2\nv3;1,3\nv4;2,3\nv5;4\n";
static const char worked_csv[] =
    "budget,10000\nvoter,1,2,3,4\ncost,6000,2500,1500,3000\nv1,x,,x,\nv2,x,x,,\nv3,x,,x,\nv4,,x,x,\nv5,,,,x\n";

/* MES with lower-cost-first ties funds 3 then 2 (4,000); with id ties 1 then 3 (7,500); Add1 all three (10,000). */
static void check_worked_example(const tmo_budget_election *e) {
    static const char *const mes_cost_first[] = {"3", "2"};
    static const char *const mes_by_id[] = {"1", "3"};
    uint64_t voters = 0;
    size_t projects = 0;

    CHECK_STATUS(tmo_budget_election_voter_count(&voters, e), TMO_OK);
    CHECK_INT(voters, 5);
    CHECK_STATUS(tmo_budget_election_project_count(&projects, e), TMO_OK);
    CHECK_INT(projects, 4);

    check_run(e, "mes", NULL, NULL, mes_cost_first, 2, "4000");
    check_run(e, "mes", "ties", "id", mes_by_id, 2, "7500");
    check_run(e, "mes-add1", NULL, NULL, NULL, 0, "10000");
}

/* The Riverside fund example: its own rule (mes-add1) and the options. The expected winners come from a separate
 * exact implementation of the rules (see tests/tool/CMakeLists.txt). */
static void riverside_fund(const char *path) {
    static const char *const add1[] = {"play", "benches", "lights", "garden", "bins"};
    static const char *const over_budget[] = {"play", "hall", "cctv", "benches"};
    tmo_budget_election *e = NULL;
    tmo_budget_outcome *r = NULL;
    tmo_budget_options *o = NULL;
    tmo_buf json = TMO_BUF_INIT;

    if (!CHECK_STATUS(tmo_budget_election_load(&e, path), TMO_OK)) return;
    CHECK_STATUS(tmo_budget_run(&r, e, NULL, NULL), TMO_OK);
    check_selected(r, add1, 5);
    CHECK_STR(tmo_budget_outcome_cost(r), "22300.5");
    /* Round 1: all 27 supporters of the play area pay 9800/27 each, so rho = 1/27. */
    CHECK_STR(tmo_budget_outcome_round_measure(r, 0), "1/27");
    CHECK(starts_with(tmo_budget_outcome_round_explanation(r, 0), "Funded in round 1: its 27 supporters"));
    CHECK(starts_with(tmo_budget_outcome_project_explanation(r, "cctv"), "Not funded"));
    CHECK(starts_with(tmo_budget_outcome_project_explanation(r, "bins"), "Funded in round 5"));
    CHECK_STATUS(tmo_budget_outcome_to_json(&json, r), TMO_OK);
    CHECK(json.ptr != NULL && strstr(json.ptr, "\"selected\":[\"play\",\"benches\",\"lights\",\"garden\",\"bins\"]"));
    CHECK(json.ptr != NULL && strstr(json.ptr, "\"endowment\":\"1355/3\""));
    CHECK_STATUS(tmo_budget_outcome_to_text(&json, r), TMO_OK);
    CHECK(json.ptr != NULL && strstr(json.ptr, "total cost 22,300.50"));
    tmo_buf_dispose(&json);

    /* Index out of range and unknown projects. */
    CHECK_NULL_WITH(tmo_budget_outcome_selected_id(r, 5), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_round_measure(r, 5), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_round_explanation(r, 99), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_project_explanation(r, "swimming pool"), TMO_ENOTFOUND);
    tmo_budget_outcome_free(r);

    check_run(e, "mes-add1", "add1-stop", "over-budget", over_budget, 4, "22750.5");
    CHECK_STATUS(tmo_budget_run(&r, e, "mes-add1", NULL), TMO_OK);
    /* The outcome keeps what it needs: the election may go first. */
    tmo_budget_election_free(e);
    CHECK_STR(tmo_budget_outcome_selected_id(r, 4), "bins");
    tmo_budget_outcome_free(r);

    /* Options refuse what they do not know. */
    CHECK_STATUS(tmo_budget_options_new(&o), TMO_OK);
    CHECK_FAILS(tmo_budget_options_set(o, "add1-steps", "1"), TMO_EUNKNOWNKEY);
    CHECK_STR(tmo_error_last()->key_path, "add1-steps");
    CHECK_FAILS(tmo_budget_options_set(o, "add1-stop", "never"), TMO_EVALUE);
    CHECK_FAILS(tmo_budget_options_set(o, "add1-step", "-1"), TMO_EVALUE);
    CHECK_FAILS(tmo_budget_options_set(o, "ties", "cheapest"), TMO_EVALUE);
    tmo_budget_options_free(o);
}

static void parsed_and_built(void) {
    static const char *const ballots[5][2] = {{"1", "3"}, {"1", "2"}, {"1", "3"}, {"2", "3"}, {"4", NULL}};
    static const size_t lengths[5] = {2, 2, 2, 2, 1};
    static const char *const ids[4] = {"1", "2", "3", "4"};
    static const char *const costs[4] = {"6000", "2,500", "1500.00", "3000"};
    tmo_budget_election *e = NULL;
    size_t i;

    CHECK_STATUS(tmo_budget_election_parse(&e, worked_toml, strlen(worked_toml), TMO_BUDGET_FORMAT_TOML, "w.toml"),
                 TMO_OK);
    check_worked_example(e);
    tmo_budget_election_free(e);
    CHECK_STATUS(tmo_budget_election_parse(&e, worked_pb, strlen(worked_pb), TMO_BUDGET_FORMAT_PB, NULL), TMO_OK);
    check_worked_example(e);
    tmo_budget_election_free(e);
    CHECK_STATUS(tmo_budget_election_parse(&e, worked_csv, strlen(worked_csv), TMO_BUDGET_FORMAT_CSV, "w.csv"), TMO_OK);
    check_worked_example(e);
    tmo_budget_election_free(e);

    /* Project by project, ballot by ballot. */
    CHECK_STATUS(tmo_budget_election_new(&e), TMO_OK);
    CHECK_STATUS(tmo_budget_election_set(e, "budget", "10,000"), TMO_OK);
    CHECK_STATUS(tmo_budget_election_set(e, "vote_type", "approval"), TMO_OK);
    for (i = 0; i < 4; ++i) CHECK_STATUS(tmo_budget_election_add_project(e, ids[i], NULL, costs[i]), TMO_OK);
    for (i = 0; i < 5; ++i) CHECK_STATUS(tmo_budget_election_add_ballot(e, NULL, ballots[i], NULL, lengths[i]), TMO_OK);
    CHECK_FAILS(tmo_budget_run(NULL, e, "mes", NULL), TMO_EINVAL);
    {
        tmo_budget_outcome *r = (tmo_budget_outcome *)&r;
        CHECK_FAILS(tmo_budget_run(&r, e, "mes", NULL), TMO_EINVAL); /* not finished yet */
        CHECK(r == NULL);
    }
    CHECK_FAILS(tmo_budget_election_set(e, "max_length", "3"), TMO_EINVAL); /* after the first project */
    CHECK_STATUS(tmo_budget_election_finish(e), TMO_OK);
    CHECK_FAILS(tmo_budget_election_finish(e), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_add_project(e, "5", NULL, "1"), TMO_EINVAL);
    check_worked_example(e);
    tmo_budget_election_free(e);
}

static void errors(void) {
    static const char *const unknown[] = {"1", "9"};
    static const char *const two[] = {"a", "b"};
    static const char bad_toml[] = "budget = \"25,000\"\n[[projects]]\nid = \"play\"\ncost = 9800.5\n";
    tmo_budget_election *e = (tmo_budget_election *)&e;
    tmo_budget_outcome *r = NULL;
    tmo_budget_options *o = NULL;
    uint64_t u64 = 7;
    size_t size = 7;

    /* Bad input names the file, line, column and key. */
    CHECK_FAILS(tmo_budget_election_parse(&e, bad_toml, strlen(bad_toml), TMO_BUDGET_FORMAT_TOML, "bad.toml"),
                TMO_EWRONGTYPE);
    CHECK(e == NULL);
    CHECK_STR(tmo_error_last()->file, "bad.toml");
    CHECK_INT(tmo_error_last()->line, 4);
    CHECK_INT(tmo_error_last()->column, 8);
    CHECK_STR(tmo_error_last()->key_path, "projects[0].cost");
    CHECK_FAILS(tmo_budget_election_parse(&e, worked_pb, strlen(worked_pb), 7, NULL), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_parse(&e, "budget,1\n", 9, TMO_BUDGET_FORMAT_CSV, NULL), TMO_EMISSINGKEY);
    CHECK_FAILS(tmo_budget_election_load(&e, "no_such_election.toml"), TMO_EIO);
    CHECK_FAILS(tmo_budget_election_load(&e, "election.json"), TMO_EVALUE);

    /* Building: each mistake is refused where it is made. */
    CHECK_STATUS(tmo_budget_election_new(&e), TMO_OK);
    CHECK_FAILS(tmo_budget_election_add_project(e, "1", NULL, "100"), TMO_EMISSINGKEY); /* no budget yet */
    CHECK_FAILS(tmo_budget_election_set(e, "budjet", "100"), TMO_EUNKNOWNKEY);
    CHECK_STR(tmo_error_last()->key_path, "budjet");
    CHECK_FAILS(tmo_budget_election_set(e, "budget", "12.345"), TMO_EINEXACT);
    CHECK_FAILS(tmo_budget_election_set(e, "budget", "lots"), TMO_ESYNTAX);
    CHECK_STATUS(tmo_budget_election_set(e, "budget", "100"), TMO_OK);
    CHECK_FAILS(tmo_budget_election_set(e, "budget", "200"), TMO_EVALUE);
    CHECK_STATUS(tmo_budget_election_set(e, "vote_type", "cumulative"), TMO_OK);
    CHECK_STATUS(tmo_budget_election_add_project(e, "a", "A", "60"), TMO_OK);
    CHECK_STATUS(tmo_budget_election_add_project(e, "b", "B", "50"), TMO_OK);
    CHECK_FAILS(tmo_budget_election_add_project(e, "a", NULL, "10"), TMO_EVALUE);
    CHECK_FAILS(tmo_budget_election_add_project(e, "c", NULL, "0"), TMO_EVALUE);
    CHECK_FAILS(tmo_budget_election_add_ballot(e, "v1", two, NULL, 2), TMO_EINVAL); /* cumulative needs points */
    {
        static const int64_t points[] = {3, 1};
        static const int64_t negative[] = {3, -1};
        CHECK_FAILS(tmo_budget_election_add_ballot(e, "v1", unknown, points, 2), TMO_EVALUE);
        CHECK_FAILS(tmo_budget_election_add_ballot(e, "v1", two, negative, 2), TMO_EVALUE);
        CHECK_STATUS(tmo_budget_election_add_ballot(e, "v1", two, points, 2), TMO_OK);
        CHECK_FAILS(tmo_budget_election_add_ballot(e, "v1", two, points, 2), TMO_EVALUE); /* v1 again */
    }
    CHECK_STATUS(tmo_budget_election_finish(e), TMO_OK);
    CHECK_FAILS(tmo_budget_run(&r, e, "mes-add2", NULL), TMO_EVALUE);
    CHECK(strstr(tmo_error_last()->message, "mes-add1u") != NULL);
    CHECK_FAILS(tmo_budget_run(&r, e, "greedy-threshold", NULL), TMO_EVALUE);
    /* A drawn order naming an unknown project is refused when the rule runs (it needs the election). */
    CHECK_STATUS(tmo_budget_options_new(&o), TMO_OK);
    CHECK_STATUS(tmo_budget_options_set(o, "drawn-order", "b, zz"), TMO_OK);
    CHECK_FAILS(tmo_budget_run(&r, e, "greedy", o), TMO_EVALUE);
    CHECK(r == NULL);
    tmo_budget_options_free(o);
    tmo_budget_election_free(e);

    /* An unfinished election that could not be finished (no project) is unusable. */
    CHECK_STATUS(tmo_budget_election_new(&e), TMO_OK);
    CHECK_STATUS(tmo_budget_election_set(e, "budget", "100"), TMO_OK);
    CHECK_FAILS(tmo_budget_election_finish(e), TMO_EMISSINGKEY);
    CHECK_FAILS(tmo_budget_election_add_project(e, "a", NULL, "1"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_project_count(&size, e), TMO_EINVAL);
    CHECK_INT(size, 0);
    CHECK_FAILS(tmo_budget_election_voter_count(&u64, e), TMO_EINVAL);
    CHECK_INT(u64, 0);
    tmo_budget_election_free(e);

    /* An unresolved tie is reported, never broken silently: in the first round of MES projects 1 and 3 have the
     * same price per unit of benefit (1/3) and the same votes (3). */
    CHECK_STATUS(tmo_budget_election_parse(&e, worked_pb, strlen(worked_pb), TMO_BUDGET_FORMAT_PB, NULL), TMO_OK);
    CHECK_STATUS(tmo_budget_options_new(&o), TMO_OK);
    CHECK_STATUS(tmo_budget_options_set(o, "ties", "max-votes"), TMO_OK);
    CHECK_FAILS(tmo_budget_run(&r, e, "mes", o), TMO_EVALUE);
    CHECK(strstr(tmo_error_last()->message, "unresolved tie between projects 1 and 3") != NULL);
    tmo_budget_options_free(o);
    tmo_budget_election_free(e);
}

/* NULL for every pointer argument gives TMO_EINVAL (or a documented no-op), and outputs are reset. */
static void null_arguments(void) {
    static const char *const ids[] = {"1", NULL};
    tmo_budget_election *e = (tmo_budget_election *)&e;
    tmo_budget_options *o = (tmo_budget_options *)&o;
    tmo_budget_outcome *r = (tmo_budget_outcome *)&r;
    tmo_buf buf = TMO_BUF_INIT;
    size_t size = 7;
    uint64_t u64 = 7;

    CHECK_FAILS(tmo_budget_election_parse(NULL, "x", 1, TMO_BUDGET_FORMAT_TOML, NULL), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_parse(&e, NULL, 0, TMO_BUDGET_FORMAT_TOML, NULL), TMO_EINVAL);
    CHECK(e == NULL);
    e = (tmo_budget_election *)&e;
    CHECK_FAILS(tmo_budget_election_load(NULL, "x.toml"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_load(&e, NULL), TMO_EINVAL);
    CHECK(e == NULL);
    CHECK_FAILS(tmo_budget_election_new(NULL), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_set(NULL, "budget", "1"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_add_project(NULL, "a", NULL, "1"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_add_ballot(NULL, "v", ids, NULL, 1), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_finish(NULL), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_project_count(NULL, e), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_project_count(&size, NULL), TMO_EINVAL);
    CHECK_INT(size, 0);
    CHECK_FAILS(tmo_budget_election_voter_count(NULL, e), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_voter_count(&u64, NULL), TMO_EINVAL);
    CHECK_INT(u64, 0);
    tmo_budget_election_free(NULL);

    CHECK_STATUS(tmo_budget_election_new(&e), TMO_OK);
    CHECK_FAILS(tmo_budget_election_set(e, NULL, "1"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_set(e, "budget", NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_budget_election_set(e, "budget", "10"), TMO_OK);
    CHECK_FAILS(tmo_budget_election_add_project(e, NULL, NULL, "1"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_add_project(e, "1", NULL, NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_budget_election_add_project(e, "1", NULL, "1"), TMO_OK);
    CHECK_FAILS(tmo_budget_election_add_ballot(e, "v", NULL, NULL, 1), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_election_add_ballot(e, "v", ids, NULL, 2), TMO_EINVAL); /* ids[1] is NULL */
    CHECK_STR(tmo_error_last()->message, "tmo_budget_election_add_ballot: a required argument is NULL: project_ids[1]");
    CHECK_STATUS(tmo_budget_election_add_ballot(e, "v", ids, NULL, 1), TMO_OK);
    CHECK_STATUS(tmo_budget_election_finish(e), TMO_OK);

    CHECK_FAILS(tmo_budget_options_new(NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_budget_options_new(&o), TMO_OK);
    CHECK_FAILS(tmo_budget_options_set(NULL, "ties", "id"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_options_set(o, NULL, "id"), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_options_set(o, "ties", NULL), TMO_EINVAL);
    tmo_budget_options_free(NULL);

    CHECK_FAILS(tmo_budget_run(NULL, e, NULL, o), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_run(&r, NULL, NULL, o), TMO_EINVAL);
    CHECK(r == NULL);
    CHECK_STATUS(tmo_budget_run(&r, e, NULL, o), TMO_OK); /* NULL rule: greedy, the default */
    CHECK_FAILS(tmo_budget_outcome_selected_count(NULL, r), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_outcome_selected_count(&size, NULL), TMO_EINVAL);
    CHECK_INT(size, 0);
    CHECK_NULL_WITH(tmo_budget_outcome_selected_id(NULL, 0), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_cost(NULL), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_round_measure(NULL, 0), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_round_explanation(NULL, 0), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_project_explanation(NULL, "1"), TMO_EINVAL);
    CHECK_NULL_WITH(tmo_budget_outcome_project_explanation(r, NULL), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_outcome_to_json(NULL, r), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_outcome_to_json(&buf, NULL), TMO_EINVAL);
    CHECK(buf.ptr == NULL);
    CHECK_FAILS(tmo_budget_outcome_to_text(NULL, r), TMO_EINVAL);
    CHECK_FAILS(tmo_budget_outcome_to_text(&buf, NULL), TMO_EINVAL);
    CHECK(buf.ptr == NULL);
    CHECK_STR(tmo_budget_outcome_selected_id(r, 0), "1");
    tmo_budget_outcome_free(NULL);
    tmo_budget_outcome_free(r);
    tmo_budget_options_free(o);
    tmo_budget_election_free(e);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <riverside_fund.toml>\n", argv[0]);
        return 2;
    }
    riverside_fund(argv[1]);
    parsed_and_built();
    errors();
    null_arguments();
    return check_report("c_api_budget");
}
