/* tests/c_api/null_fixture.h: one valid handle of every type the C API has, for the generated NULL-argument test
 * (null_all.py writes null_all.c, which includes this). Each field is named after its type without the tmo_ prefix
 * (tmo_register: reg), so the generator can pass a valid handle for every parameter but the one under test. */
#ifndef TMO_TESTS_C_API_NULL_FIXTURE_H
#define TMO_TESTS_C_API_NULL_FIXTURE_H

#include "check.h"

struct fixture {
    tmo_constitution *constitution;
    tmo_profile *profile;
    tmo_count_options *count_options;
    tmo_count *count;
    tmo_register *reg;
    tmo_budget_election *budget_election;
    tmo_budget_options *budget_options;
    tmo_budget_outcome *budget_outcome;
    tmo_contract *contract;
    tmo_contract_month *contract_month;
    tmo_decision *decision;
    tmo_store *store;
    tmo_service_charges *service_charges;
    tmo_resolution_votes votes;
    tmo_class_tally tally;
};

/* The path `dir`/`name` in a static buffer (one at a time). */
static const char *fixture_path(const char *dir, const char *name) {
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* Makes every handle from the example data in `data_dir` (examples/data); the store is a fresh database in
 * `scratch_dir`. @return 1, or 0 (after printing what failed) if one could not be made. */
static int fixture_make(struct fixture *f, const char *data_dir, const char *scratch_dir) {
    static const char *const names[] = {"Ash", "Birch", "Cedar"};
    const uint32_t first[] = {1, 2};
    const uint32_t second[] = {2, 3};
    memset(f, 0, sizeof *f);
    CHECK_STATUS(tmo_constitution_load(&f->constitution, fixture_path(data_dir, "riverside_tmo.toml")), TMO_OK);
    CHECK_STATUS(tmo_profile_new(&f->profile, names, 3, 1), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(f->profile, first, 2, 3), TMO_OK);
    CHECK_STATUS(tmo_profile_add_ballot(f->profile, second, 2, 2), TMO_OK);
    CHECK_STATUS(tmo_count_options_new(&f->count_options), TMO_OK);
    CHECK_STATUS(tmo_count_run(&f->count, f->profile, "irv", f->count_options), TMO_OK);
    CHECK_STATUS(tmo_register_load(&f->reg, fixture_path(data_dir, "riverside/register.csv")), TMO_OK);
    CHECK_STATUS(tmo_budget_election_load(&f->budget_election, fixture_path(data_dir, "budget/riverside_fund.toml")),
                 TMO_OK);
    CHECK_STATUS(tmo_budget_options_new(&f->budget_options), TMO_OK);
    CHECK_STATUS(tmo_budget_run(&f->budget_outcome, f->budget_election, "greedy", f->budget_options), TMO_OK);
    CHECK_STATUS(tmo_contract_load(&f->contract, fixture_path(data_dir, "contracts/riverside_repairs.toml")), TMO_OK);
    CHECK_STATUS(tmo_contract_evaluate(&f->contract_month, f->contract, "2025-08"), TMO_OK);
    CHECK_STATUS(tmo_service_charges_load(&f->service_charges,
                                         fixture_path(data_dir, "contracts/service_charges_2026.toml")),
                 TMO_OK);
    remove(fixture_path(scratch_dir, "null_all.db"));
    CHECK_STATUS(tmo_store_open(&f->store, fixture_path(scratch_dir, "null_all.db")), TMO_OK);
    tmo_resolution_votes_init(&f->votes);
    f->votes.eligible = 72;
    f->votes.present = 42;
    f->votes.in_favour = 30;
    f->votes.against = 10;
    f->votes.abstained = 2;
    f->votes.held = "2026-06-25";
    CHECK_STATUS(tmo_resolution_evaluate(&f->decision, f->constitution, "special", &f->votes), TMO_OK);
    f->tally.tenure_class = TMO_TENURE_SECURE_TENANT;
    f->tally.eligible = 10;
    f->tally.in_favour = 6;
    f->tally.against = 2;
    f->tally.spoilt = 0;
    return check_failed == 0;
}

static void fixture_free(struct fixture *f) {
    tmo_store_free(f->store);
    tmo_service_charges_free(f->service_charges);
    tmo_decision_free(f->decision);
    tmo_contract_month_free(f->contract_month);
    tmo_contract_free(f->contract);
    tmo_budget_outcome_free(f->budget_outcome);
    tmo_budget_options_free(f->budget_options);
    tmo_budget_election_free(f->budget_election);
    tmo_register_free(f->reg);
    tmo_count_free(f->count);
    tmo_count_options_free(f->count_options);
    tmo_profile_free(f->profile);
    tmo_constitution_free(f->constitution);
}

#endif
