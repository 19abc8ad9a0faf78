/* The council's allowance, service-charge shares and the Section 20 check through the C API: the worked examples
 * of governance.md §4.4 (£1,000,000.00 ÷ 13,058 × 39 = £2,986.67; £5,000 + £10 a home; phasing over three years)
 * and contracts.md §7.2 (Greenwich: £13,595.71 × 213 / 121,318 = £23.87 rounded on its own); the points deduction
 * of the grounds contract's April 2026 inside the month's money (tests/unit/contract/report.test.cpp works it).
 * Usage: c_api_allowance <tests/data/contracts directory> */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static char path_buf[4096];

static void allowance(const char *dir) {
    tmo_contract *c = NULL;
    tmo_buf text = TMO_BUF_INIT;
    int64_t payable = -1;

    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, "allowance_agreement.toml");
    CHECK_STATUS(tmo_contract_load(&c, path_buf), TMO_OK);
    /* 2,986.67 + 5,390.00 = 8,376.67 recomputed; the current 2,500.00 indexed by 2% is 2,550.00; the change is
     * phased in thirds: 2,550.00 + 5,826.67 / 3 = 4,492.22 in the first year. */
    CHECK_STATUS(tmo_contract_allowance(&text, &payable, c), TMO_OK);
    CHECK_INT(payable, 449222);
    CHECK(text.ptr != NULL && strstr(text.ptr, "the TMO's 39 homes get \xC2\xA3" "2,986.67.") != NULL);
    CHECK(strstr(text.ptr, "\xC2\xA3" "5,000.00 + \xC2\xA3" "10.00 \xC3\x97 39 homes") != NULL);
    CHECK(strstr(text.ptr, "Payable in 2026/27: \xC2\xA3" "4,492.22.") != NULL);
    CHECK_STATUS(tmo_contract_allowance(NULL, &payable, c), TMO_EINVAL);
    CHECK_INT(payable, 0);
    CHECK_STATUS(tmo_contract_allowance(&text, NULL, c), TMO_EINVAL);
    CHECK_STATUS(tmo_contract_allowance(&text, &payable, NULL), TMO_EINVAL);
    tmo_contract_free(c);

    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, "points_grounds.toml");
    CHECK_STATUS(tmo_contract_load(&c, path_buf), TMO_OK);
    CHECK_STATUS(tmo_contract_allowance(&text, &payable, c), TMO_EMISSINGKEY);
    CHECK(text.ptr == NULL && payable == 0);
    tmo_contract_free(c);
    tmo_buf_dispose(&text);
}

/* 16 performance points, 11 above the threshold of 5 at £25.00: £275.00 off the £2,000.00 fee; VAT £400.00 - £55.00. */
static void points(const char *dir) {
    tmo_contract *c = NULL;
    tmo_contract_month *m = NULL;
    tmo_buf text = TMO_BUF_INIT;
    int64_t credit = -1, net = -1, vat = -1, gross = -1;

    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, "points_grounds.toml");
    CHECK_STATUS(tmo_contract_load(&c, path_buf), TMO_OK);
    CHECK_STATUS(tmo_contract_evaluate(&m, c, "2026-04"), TMO_OK);
    CHECK_STATUS(tmo_contract_month_money(&credit, &net, &vat, &gross, m), TMO_OK);
    CHECK_INT(credit, 27500);
    CHECK_INT(net, 172500);
    CHECK_INT(vat, 34500);
    CHECK_INT(gross, 207000);
    CHECK_STATUS(tmo_contract_month_write(&text, m, TMO_REPORT_TEXT), TMO_OK);
    CHECK(text.ptr != NULL && strstr(text.ptr, "11 chargeable at \xC2\xA3" "25.00 a point, deduction \xC2\xA3" "275.00.") != NULL);
    tmo_contract_month_free(m);
    tmo_contract_free(c);
    tmo_buf_dispose(&text);
}

static void shares(void) {
    const char *rv[] = {"213", "121105"}; /* the flat's RV and the rest of the estate's 121,318 */
    const char *abc[] = {"213", "180", "250"};
    int64_t out[3] = {-1, -1, -1};

    CHECK_STATUS(tmo_apportion_each(out, 1359571, rv, 2, "half_up"), TMO_OK);
    CHECK_INT(out[0], 2387);
    /* Largest remainder: £13,595.71 over 213 / 180 / 250 sums exactly (contracts.md §7.3). */
    CHECK_STATUS(tmo_apportion(out, 1359571, abc, 3), TMO_OK);
    CHECK(out[0] == 450371 && out[1] == 380595 && out[2] == 528605);
    /* Rounded each on its own, floor: 4,503.71 (4,503.711...), 3,805.95 (3,805.953...), 5,286.04 (5,286.045...),
     * a penny short of the total. */
    CHECK_STATUS(tmo_apportion_each(out, 1359571, abc, 3, "floor"), TMO_OK);
    CHECK(out[0] == 450371 && out[1] == 380595 && out[2] == 528604);
    CHECK_STATUS(tmo_apportion_each(out, 1359571, abc, 3, "never"), TMO_EINEXACT);
    CHECK(out[0] == 0 && out[1] == 0 && out[2] == 0);
    CHECK_STATUS(tmo_apportion_each(out, 1359571, abc, 3, "sideways"), TMO_EINVAL);
    CHECK_STATUS(tmo_apportion_each(out, 1359571, abc, 3, NULL), TMO_EINVAL);
    CHECK_STATUS(tmo_apportion_each(NULL, 1359571, abc, 3, "half_up"), TMO_EINVAL);
}

static void section20(void) {
    const int64_t works[] = {25000, 25001, 12000};
    int required = -1;
    int64_t threshold = -1;

    /* £250.01 is more than £250.00: consultation required. */
    CHECK_STATUS(tmo_section20_check(&required, &threshold, works, 3, TMO_CONSULT_WORKS), TMO_OK);
    CHECK_INT(required, 1);
    CHECK_INT(threshold, 25000);
    /* Exactly £250.00 is not more. */
    CHECK_STATUS(tmo_section20_check(&required, &threshold, works, 1, TMO_CONSULT_WORKS), TMO_OK);
    CHECK_INT(required, 0);
    /* A long-term agreement: more than £100.00 a year. */
    CHECK_STATUS(tmo_section20_check(&required, &threshold, works + 2, 1, TMO_CONSULT_LONG_TERM), TMO_OK);
    CHECK_INT(required, 1);
    CHECK_INT(threshold, 10000);
    CHECK_STATUS(tmo_section20_check(&required, &threshold, NULL, 0, TMO_CONSULT_WORKS), TMO_OK);
    CHECK_INT(required, 0);
    CHECK_STATUS(tmo_section20_check(&required, &threshold, works, 3, 7), TMO_EINVAL);
    CHECK(required == 0 && threshold == 0);
    CHECK_STATUS(tmo_section20_check(&required, &threshold, NULL, 2, TMO_CONSULT_WORKS), TMO_EINVAL);
    CHECK_STATUS(tmo_section20_check(NULL, &threshold, works, 3, TMO_CONSULT_WORKS), TMO_EINVAL);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_api_allowance <tests/data/contracts>\n");
        return 2;
    }
    allowance(argv[1]);
    points(argv[1]);
    shares();
    section20();
    return check_report("c_api_allowance");
}
