/* A contract's month from C: load a contract file, evaluate one month and print each KPI with its rating, the
 * service credit and the payment due. Money crosses the C ABI as whole pence (int64_t), never as floating point.
 *
 * Build:  cc -std=c99 contract.c $(pkg-config --cflags --libs tmo)     (or CMake: find_package(tmo), tmo::c)
 * Run:    ./contract examples/data/contracts/riverside_cleaning.toml 2025-04
 *
 * The contract's performance data (inspections, readings) are CSV files named in the contract, beside it.
 *
 * expected/contract.txt is the worked example of the spec (contracts.md §4.4), not the program's say-so: 183 of 200
 * inspections acceptable is 91.5% against a target of 95%, 3.5 points short, "requires improvement", earning a 2%
 * credit on the £4,800.00 fee = £96.00; net £4,800.00 - £96.00 = £4,704.00, VAT at 20% £940.80, £5,644.80 due.
 */
#include <tmo/tmo.h>

#include <stdio.h>

static int fail(const char *what) {
    const tmo_error *e = tmo_error_last();
    fprintf(stderr, "%s: %s:%u:%u: %s\n", what, e->file ? e->file : "", (unsigned)e->line, (unsigned)e->column,
            e->message);
    return 2;
}

/* The name of a TMO_RATING_... value, for printing. */
static const char *rating_name(int rating) {
    switch (rating) {
    case TMO_RATING_GOOD: return "good";
    case TMO_RATING_APPROACHING_TARGET: return "approaching target";
    case TMO_RATING_REQUIRES_IMPROVEMENT: return "requires improvement";
    case TMO_RATING_INADEQUATE: return "inadequate";
    default: return "no figure";
    }
}

/* Prints "label: £1,234.56 (123456 pence)". */
static void print_money(const char *label, int64_t pence) {
    char text[32];
    tmo_money_format(text, sizeof text, pence, TMO_MONEY_SYMBOL | TMO_MONEY_THOUSANDS);
    printf("%-14s %s (%lld pence)\n", label, text, (long long)pence);
}

int main(int argc, char **argv) {
    tmo_contract *contract = NULL;
    tmo_contract_month *month = NULL;
    size_t kpis = 0, i;
    int64_t credit = 0, net = 0, vat = 0, gross = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: contract CONTRACT.toml YYYY-MM\n");
        return 2;
    }
    if (tmo_contract_load(&contract, argv[1]) != TMO_OK) return fail("tmo_contract_load");
    if (tmo_contract_evaluate(&month, contract, argv[2]) != TMO_OK) {
        tmo_contract_free(contract);
        return fail("tmo_contract_evaluate");
    }
    printf("%s, %s\n", tmo_contract_reference(contract), argv[2]);
    tmo_contract_free(contract); /* the month keeps what it needs: it may outlive its contract */

    /* Each KPI's value is exact text ("91.5", "100/3"), rated against the target in force that month. */
    tmo_contract_month_kpi_count(&kpis, month);
    for (i = 0; i < kpis; ++i) {
        const char *id = NULL, *value = NULL;
        int rating = 0;
        tmo_contract_month_kpi(&id, &value, &rating, month, i);
        printf("%-6s %-6s %s\n", id, value, rating_name(rating));
    }

    /* The credit is taken off the month's fees before VAT; each figure is rounded once, by the contract's policy. */
    tmo_contract_month_money(&credit, &net, &vat, &gross, month);
    print_money("service credit", credit);
    print_money("net", net);
    print_money("VAT", vat);
    print_money("total due", gross);

    tmo_contract_month_free(month);
    return 0;
}
