/* Money, apportionment and exact fractions, against the worked examples of contracts.md section 7.3. */
#include "check.h"

#include <stdint.h>
#include <string.h>

#define POUND "\xC2\xA3" /* U+00A3 in UTF-8 */

static void check_parse(const char *text, int64_t expected) {
    int64_t pence = -1;
    if (!CHECK_STATUS(tmo_money_parse(&pence, text), TMO_OK)) fprintf(stderr, "  text: \"%s\"\n", text);
    CHECK_INT(pence, expected);
}

static void check_parse_fails(const char *text, int expected) {
    int64_t pence = -1;
    if (!CHECK_STATUS(tmo_money_parse(&pence, text), expected)) fprintf(stderr, "  text: \"%s\"\n", text);
    CHECK_INT(pence, 0);
}

static void check_format(int64_t pence, unsigned flags, const char *expected) {
    char buf[64];
    CHECK_INT(tmo_money_format(buf, sizeof buf, pence, flags), (long long)strlen(expected));
    CHECK_STR(buf, expected);
}

static void check_normalise(const char *text, const char *expected) {
    tmo_buf out = TMO_BUF_INIT;
    CHECK_STATUS(tmo_fraction_normalise(&out, text), TMO_OK);
    CHECK_STR(out.ptr, expected);
    tmo_buf_dispose(&out);
}

static void test_parse(void) {
    check_parse("1234.56", 123456);
    check_parse("1,234.56", 123456);
    check_parse(POUND "1,234.56", 123456);
    check_parse("-0.05", -5);
    check_parse("-" POUND "5", -500);
    check_parse("5.5", 550);
    check_parse("  13,595.71 ", 1359571);
    check_parse("92233720368547758.07", INT64_MAX);
    check_parse("-92233720368547758.08", INT64_MIN);

    check_parse_fails("", TMO_ESYNTAX);
    check_parse_fails("12,34.00", TMO_ESYNTAX);
    check_parse_fails("1.2.3", TMO_ESYNTAX);
    check_parse_fails("0.125", TMO_EINEXACT);
    check_parse_fails("92233720368547758.08", TMO_EOVERFLOW);
    check_parse_fails("99999999999999999999999999", TMO_EOVERFLOW);
}

static void test_format(void) {
    char small[5];
    check_format(123456, TMO_MONEY_SYMBOL | TMO_MONEY_THOUSANDS, POUND "1,234.56");
    check_format(123456, TMO_MONEY_THOUSANDS, "1,234.56");
    check_format(123456, TMO_MONEY_SYMBOL, POUND "1234.56");
    check_format(123456, 0, "1234.56");
    check_format(-5, 0, "-0.05");
    check_format(-5, TMO_MONEY_SYMBOL, "-" POUND "0.05");
    check_format(0, 0, "0.00");
    check_format(INT64_MAX, TMO_MONEY_THOUSANDS, "92,233,720,368,547,758.07");
    check_format(INT64_MIN, TMO_MONEY_SYMBOL | TMO_MONEY_THOUSANDS, "-" POUND "92,233,720,368,547,758.08");

    /* snprintf convention: the length needed, whatever fits, always NUL-terminated. */
    CHECK_INT(tmo_money_format(NULL, 0, 123456, 0), 7);
    CHECK_INT(tmo_money_format(small, sizeof small, 123456, 0), 7);
    CHECK_STR(small, "1234");
    CHECK_INT(tmo_money_format(small, 1, 123456, 0), 7);
    CHECK_STR(small, "");

    CHECK_STATUS(tmo_money_format(small, sizeof small, 1, 0x4u), TMO_EINVAL);
    CHECK_STR(small, "");
}

static void test_apportion(void) {
    const char *equal[] = {"1", "1", "1"};
    const char *rateable[] = {"213", "180", "250"};
    const char *forms[] = {"1/3", "12.5", "5%", "0"};
    const char *bad_syntax[] = {"1", "one", "1"};
    const char *negative[] = {"1", "-1"};
    const char *zeros[] = {"0", "0/7"};
    const char *zero_denominator[] = {"1", "1/0"};
    int64_t shares[4] = {7, 7, 7, 7};

    /* contracts.md 7.3: 1,000.00 over three equal units; the leftover penny goes to the first unit. */
    CHECK_STATUS(tmo_apportion(shares, 100000, equal, 3), TMO_OK);
    CHECK_INT(shares[0], 33334);
    CHECK_INT(shares[1], 33333);
    CHECK_INT(shares[2], 33333);

    /* contracts.md 7.3: 13,595.71 over rateable values 213 / 180 / 250. */
    CHECK_STATUS(tmo_apportion(shares, 1359571, rateable, 3), TMO_OK);
    CHECK_INT(shares[0], 450371);
    CHECK_INT(shares[1], 380595);
    CHECK_INT(shares[2], 528605);
    CHECK_INT(shares[0] + shares[1] + shares[2], 1359571);

    /* A refund is split as its magnitude, each share negated. */
    CHECK_STATUS(tmo_apportion(shares, -100000, equal, 3), TMO_OK);
    CHECK_INT(shares[0], -33334);
    CHECK_INT(shares[1], -33333);
    CHECK_INT(shares[2], -33333);

    /* The extremes of the range stay exact. */
    CHECK_STATUS(tmo_apportion(shares, INT64_MIN, equal, 2), TMO_OK);
    CHECK_INT(shares[0], INT64_MIN / 2);
    CHECK_INT(shares[1], INT64_MIN / 2);
    CHECK_STATUS(tmo_apportion(shares, INT64_MAX, equal, 1), TMO_OK);
    CHECK_INT(shares[0], INT64_MAX);

    /* Weights as a fraction, a decimal, a percentage and zero: 1/3, 25/2, 1/20, 0 (sum 773/60). The exact shares
     * of 100.00 are 258.73..., 9702.45..., 38.80... and 0 pence; the two leftover pence go to the largest
     * remainders, 0.80... and 0.73... */
    CHECK_STATUS(tmo_apportion(shares, 10000, forms, 4), TMO_OK);
    CHECK_INT(shares[0], 259);
    CHECK_INT(shares[1], 9702);
    CHECK_INT(shares[2], 39);
    CHECK_INT(shares[3], 0);

    /* Failures name the weight and leave every share 0. */
    CHECK_STATUS(tmo_apportion(shares, 100, bad_syntax, 3), TMO_ESYNTAX);
    CHECK_STR(tmo_error_last()->key_path, "weights[1]");
    CHECK_INT(shares[0], 0);
    CHECK_INT(shares[2], 0);
    shares[0] = 7;
    CHECK_STATUS(tmo_apportion(shares, 100, negative, 2), TMO_EVALUE);
    CHECK_INT(shares[0], 0);
    CHECK_STATUS(tmo_apportion(shares, 100, zeros, 2), TMO_EDOMAIN);
    CHECK_STATUS(tmo_apportion(shares, 100, zero_denominator, 2), TMO_EDOMAIN);
    CHECK_STR(tmo_error_last()->key_path, "weights[1]");
    CHECK_STATUS(tmo_apportion(shares, 100, equal, 0), TMO_EINVAL);
}

static void test_fractions(void) {
    tmo_buf out = TMO_BUF_INIT;
    check_normalise("4/6", "2/3");
    check_normalise("12.5", "25/2");
    check_normalise("75%", "3/4");
    check_normalise("-10/5", "-2");
    check_normalise("0.1", "1/10");
    check_normalise(" 213 ", "213");

    CHECK_STATUS(tmo_fraction_normalise(&out, "1/0"), TMO_EDOMAIN);
    CHECK(out.ptr == NULL);
    CHECK_STATUS(tmo_fraction_normalise(&out, "1e3"), TMO_ESYNTAX);
    CHECK(out.ptr == NULL);
    CHECK_INT(out.size, 0);
}

int main(void) {
    test_parse();
    test_format();
    test_apportion();
    test_fractions();
    return check_report("money");
}
