/* Contracts and tenders through the C API, on the Riverside examples (examples/data/contracts).
 * Usage: c_api_contract <examples/data/contracts directory> */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char path_buf[4096];

static const char *in_dir(const char *dir, const char *name) {
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
    return path_buf;
}

static void check_money(const tmo_contract_month *m, int64_t credit, int64_t net, int64_t vat, int64_t gross) {
    int64_t c = -1, n = -1, v = -1, g = -1;
    CHECK_STATUS(tmo_contract_month_money(&c, &n, &v, &g, m), TMO_OK);
    CHECK_INT(c, credit);
    CHECK_INT(n, net);
    CHECK_INT(v, vat);
    CHECK_INT(g, gross);
}

/* The cleaning contract's April 2025: the worked example of contracts.md §4.4 (91.5% against 95%, a 2% credit of
 * £96.00, net £4,704.00, VAT £940.80, £5,644.80 in all). */
static void cleaning(const char *dir) {
    tmo_contract *c = NULL;
    tmo_contract_month *m = NULL;
    tmo_buf text = TMO_BUF_INIT;
    const char *id = NULL;
    const char *value = NULL;
    int rating = 0;
    size_t count = 0;

    CHECK_STATUS(tmo_contract_load(&c, in_dir(dir, "riverside_cleaning.toml")), TMO_OK);
    CHECK_STR(tmo_contract_reference(c), "RTMO-CLN-2025");
    CHECK_STATUS(tmo_contract_evaluate(&m, c, "2025-04"), TMO_OK);
    tmo_contract_free(c); /* the month outlives its contract */
    CHECK_STATUS(tmo_contract_month_kpi_count(&count, m), TMO_OK);
    CHECK_INT(count, 2);
    CHECK_STATUS(tmo_contract_month_kpi(&id, &value, &rating, m, 0), TMO_OK);
    CHECK_STR(id, "CLN1");
    CHECK_STR(value, "91.5");
    CHECK_INT(rating, TMO_RATING_REQUIRES_IMPROVEMENT);
    CHECK_STATUS(tmo_contract_month_kpi(&id, &value, &rating, m, 1), TMO_OK);
    CHECK_STR(value, "100");
    CHECK_INT(rating, TMO_RATING_GOOD);
    CHECK_STATUS(tmo_contract_month_kpi(&id, &value, &rating, m, 2), TMO_EINVAL);
    CHECK(id == NULL && value == NULL && rating == 0);
    check_money(m, 9600, 470400, 94080, 564480);

    CHECK_STATUS(tmo_contract_month_write(&text, m, TMO_REPORT_TEXT), TMO_OK);
    CHECK(text.ptr != NULL && strstr(text.ptr, "Net \xC2\xA3" "4,704.00, VAT \xC2\xA3" "940.80") != NULL);
    CHECK_STATUS(tmo_contract_month_write(&text, m, TMO_REPORT_JSON), TMO_OK);
    CHECK(text.ptr != NULL && strstr(text.ptr, "\"credit\": \"96.00\"") != NULL);
    CHECK_STATUS(tmo_contract_month_write(&text, m, TMO_REPORT_OCDS), TMO_OK);
    CHECK(text.ptr != NULL && strstr(text.ptr, "\"amount\": 4704.00,") != NULL);
    CHECK_STATUS(tmo_contract_month_write(&text, m, 9), TMO_EINVAL);
    CHECK(text.ptr == NULL && text.size == 0);
    tmo_buf_dispose(&text);
    tmo_contract_month_free(m);
}

/* Repairs, August 2025: 3 of 4 emergencies on time (75%) -> the 10% tier of £1,250.00 = £125.00, the monthly cap;
 * net £1,250.00 + £3,454.00 of jobs - £125.00 = £4,579.00, VAT £915.80. */
static void repairs(const char *dir) {
    tmo_contract *c = NULL;
    tmo_contract_month *m = NULL;
    const char *id = NULL;
    const char *value = NULL;
    int rating = 0;

    CHECK_STATUS(tmo_contract_load(&c, in_dir(dir, "riverside_repairs.toml")), TMO_OK);
    CHECK_STATUS(tmo_contract_evaluate(&m, c, "2025-08"), TMO_OK);
    CHECK_STATUS(tmo_contract_month_kpi(&id, &value, &rating, m, 0), TMO_OK);
    CHECK_STR(value, "75");
    CHECK_INT(rating, TMO_RATING_INADEQUATE);
    CHECK_STATUS(tmo_contract_month_kpi(&id, &value, &rating, m, 2), TMO_OK);
    CHECK_STR(id, "REP3");
    CHECK_STR(value, "643/53"); /* 643 days over 53 jobs */
    check_money(m, 12500, 457900, 91580, 549480);
    tmo_contract_month_free(m);

    CHECK_STATUS(tmo_contract_evaluate(&m, c, "2025-8"), TMO_ESYNTAX);
    CHECK(m == NULL);
    CHECK_STR(tmo_error_last()->key_path, "month");
    CHECK_STATUS(tmo_contract_evaluate(&m, c, "2024-12"), TMO_EVALUE);
    CHECK_STATUS(tmo_contract_evaluate(&m, c, NULL), TMO_EINVAL);
    tmo_contract_free(c);
}

static void errors(const char *dir) {
    static const char bad[] = "[contract]\nreference = \"C\"\ntitle = \"T\"\nkind = \"cleaning\"\n";
    tmo_contract *c = NULL;
    tmo_buf text = TMO_BUF_INIT;
    CHECK_STATUS(tmo_contract_parse(&c, bad, sizeof bad - 1, "bad.toml"), TMO_EVALUE);
    CHECK(c == NULL);
    CHECK_STR(tmo_error_last()->file, "bad.toml");
    CHECK_INT(tmo_error_last()->line, 4);
    CHECK_INT(tmo_error_last()->column, 8);
    CHECK_STR(tmo_error_last()->key_path, "contract.kind");
    CHECK_STATUS(tmo_contract_load(&c, in_dir(dir, "no_such_contract.toml")), TMO_EIO);
    CHECK_STATUS(tmo_contract_load(NULL, "x"), TMO_EINVAL);
    CHECK_STATUS(tmo_contract_month_kpi_count(NULL, NULL), TMO_EINVAL);
    CHECK(tmo_contract_reference(NULL) == NULL);
    CHECK_STATUS(tmo_tender_evaluate(&text, bad, sizeof bad - 1, "bad.toml", TMO_REPORT_TEXT), TMO_EUNKNOWNKEY);
    CHECK_STATUS(tmo_tender_evaluate(&text, bad, sizeof bad - 1, "bad.toml", TMO_REPORT_OCDS), TMO_EINVAL);
    tmo_contract_free(NULL);
    tmo_contract_month_free(NULL);
}

/* The cleaning tender: Sparkle 87.5 (quality 50, price 37.5) ahead of CleanCo 83 and Brightway 76. */
static void tender(const char *dir) {
    size_t size = 0;
    char *toml = read_file(in_dir(dir, "riverside_cleaning_tender.toml"), &size);
    tmo_buf out = TMO_BUF_INIT;
    CHECK(toml != NULL);
    if (toml == NULL) return;
    CHECK_STATUS(tmo_tender_evaluate(&out, toml, size, "tender.toml", TMO_REPORT_TEXT), TMO_OK);
    CHECK(out.ptr != NULL && strstr(out.ptr, "Sparkle Estate Services Ltd, 87.5 points (quality 50, price 37.5)") != NULL);
    CHECK_STATUS(tmo_tender_evaluate(&out, toml, size, "tender.toml", TMO_REPORT_JSON), TMO_OK);
    CHECK(out.ptr != NULL && strstr(out.ptr, "\"total\": \"76\"") != NULL);
    tmo_buf_dispose(&out);
    free(toml);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_api_contract <examples/data/contracts>\n");
        return 2;
    }
    cleaning(argv[1]);
    repairs(argv[1]);
    errors(argv[1]);
    tender(argv[1]);
    return check_report("c_api_contract");
}
