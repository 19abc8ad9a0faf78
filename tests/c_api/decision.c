/* Decisions through the C API: the Riverside register and roll, its AGM checked against the constitution, a
 * resolution at the exact edges of its threshold and with a casting vote, class ballots from the presets, records.
 * Usage: c_api_decision <riverside_tmo.toml> <register.csv> <agm_2026.toml> */
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int contains(const tmo_buf *buf, const char *part) { return buf->ptr != NULL && strstr(buf->ptr, part) != NULL; }

static void check_register(const tmo_constitution *c, const tmo_register *reg) {
    size_t count = 0;
    uint64_t units = 0;
    int eligible = 7;
    tmo_buf reason = TMO_BUF_INIT;
    tmo_buf record = TMO_BUF_INIT;

    CHECK_STATUS(tmo_register_count(&count, reg), TMO_OK);
    CHECK_INT(count, 88);
    /* 72 on the roll at the AGM: 48 secure tenants, 16 leaseholders. */
    CHECK_STATUS(tmo_register_roll_count(&units, reg, c, "2026-06-25", 0), TMO_OK);
    CHECK_INT(units, 72);
    CHECK_STATUS(tmo_register_roll_count(&units, reg, c, "2026-06-25", TMO_TENURE_SECURE_TENANT), TMO_OK);
    CHECK_INT(units, 48);
    CHECK_STATUS(tmo_register_roll_count(&units, reg, c, "2026-06-25", TMO_TENURE_LONG_LEASEHOLDER), TMO_OK);
    CHECK_INT(units, 16);
    CHECK_STATUS(tmo_register_roll_count(&units, reg, c, "2026-06-25", 9), TMO_EINVAL);
    CHECK_INT(units, 0);
    CHECK_STATUS(tmo_register_roll_count(&units, reg, c, "2026-06-31", 0), TMO_EVALUE);

    CHECK_STATUS(tmo_register_eligible(&eligible, &reason, reg, c, "R004", "2026-06-25"), TMO_OK);
    CHECK_INT(eligible, 1);
    CHECK_STR(reason.ptr, "");
    /* R084 joined on 2026-06-10: 15 days before the AGM, 28 needed. */
    CHECK_STATUS(tmo_register_eligible(&eligible, &reason, reg, c, "R084", "2026-06-25"), TMO_OK);
    CHECK_INT(eligible, 0);
    CHECK_STR(reason.ptr, "a member for 15 days; 28 needed before voting");
    CHECK_STATUS(tmo_register_eligible(&eligible, NULL, reg, c, "R999", "2026-06-25"), TMO_ENOTFOUND);

    CHECK_STATUS(tmo_register_roll_record(&record, reg, c, "2026-06-25", TMO_RECORD_MARKDOWN), TMO_OK);
    CHECK(contains(&record, "72 members may vote"));
    CHECK_STATUS(tmo_register_roll_record(&record, reg, c, "2026-06-25", TMO_RECORD_JSON), TMO_OK);
    CHECK(contains(&record, "\"size\": 72"));
    CHECK_STATUS(tmo_register_roll_record(&record, reg, c, "2026-06-25", 4), TMO_EINVAL);
    CHECK(record.ptr == NULL);
    tmo_buf_dispose(&reason);
    tmo_buf_dispose(&record);
}

static void check_agm(const tmo_constitution *c, const tmo_register *reg, const char *path) {
    size_t len = 0;
    char *text = read_file(path, &len);
    tmo_decision *d = NULL;
    tmo_buf record = TMO_BUF_INIT;
    int carried = 0;
    const char *election = NULL;
    CHECK(text != NULL);
    if (text == NULL) return;
    /* The [election] names a ballot file, which the C API does not read: the whole file is refused at that table
       (line 74), and the meeting without it is checked. */
    election = strstr(text, "\n[election]");
    CHECK(election != NULL);
    if (election == NULL) return;
    CHECK_STATUS(tmo_meeting_check(&d, c, reg, text, len, "agm_2026.toml"), TMO_EINVAL);
    CHECK(d == NULL);
    CHECK_INT((long long)tmo_error_last()->line, 74);
    len = (size_t)(election - text) + 1;
    CHECK_STATUS(tmo_meeting_check(&d, c, reg, text, len, "agm_2026.toml"), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 1);
    CHECK_STR(tmo_decision_sentence(d),
              "Properly held: notice was given and the meeting was quorate; 3 resolutions carried, 1 not carried.");
    CHECK_STATUS(tmo_decision_record(&record, d, TMO_RECORD_MARKDOWN), TMO_OK);
    CHECK(contains(&record, "R046 by R004: refused, R004 already holds 5 proxies, the most allowed"));
    CHECK(contains(&record, "**Carried: 23 of 29 votes cast (79.3%) against a required 3/4.**"));
    CHECK_STATUS(tmo_decision_record(&record, d, TMO_RECORD_JSON), TMO_OK);
    CHECK(contains(&record, "\"valid\": true"));
    tmo_decision_free(d);

    /* A member id not on the register: an error at its line and column. */
    d = (tmo_decision *)&carried;
    {
        const char *bad = "[meeting]\nkind = \"general\"\ndate = 2026-09-10\nnotice_given = 2026-08-20\n"
                          "register = \"x.csv\"\n[attendance]\npresent = [\"R001\", \"R900\"]\n";
        const tmo_error *e;
        CHECK_STATUS(tmo_meeting_check(&d, c, reg, bad, strlen(bad), "bad.toml"), TMO_EVALUE);
        CHECK(d == NULL);
        e = tmo_error_last();
        CHECK_INT(e->line, 7);
        CHECK_INT(e->column, 20);
        CHECK_STR(e->key_path, "attendance.present[1]");
    }
    tmo_buf_dispose(&record);
    free(text);
}

static void check_resolutions(const tmo_constitution *c) {
    tmo_resolution_votes votes = TMO_RESOLUTION_VOTES_INIT;
    tmo_decision *d = NULL;
    int carried = 7;

    /* Riverside special resolution, at least 3/4 of votes cast: 30 for, 10 against (exactly 75%). */
    votes.eligible = 72;
    votes.present = 42;
    votes.in_favour = 30;
    votes.against = 10;
    votes.abstained = 2;
    votes.held = "2026-06-25";
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "special", &votes), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 1);
    CHECK_STR(tmo_decision_sentence(d), "Carried: 30 of 40 votes cast (75.0%) against a required 3/4.");
    tmo_decision_free(d);
    votes.in_favour = 29;
    votes.against = 11;
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "special", &votes), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 0);
    tmo_decision_free(d);

    /* A committee tie, 4-4, carried on the chair's casting vote (Riverside committee meetings give one). */
    tmo_resolution_votes_init(&votes);
    votes.eligible = 9;
    votes.present = 8;
    votes.in_favour = 4;
    votes.against = 4;
    votes.casting = TMO_CASTING_IN_FAVOUR;
    votes.meeting_kind = TMO_MEETING_COMMITTEE;
    votes.held = "2026-07-01";
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "ordinary", &votes), TMO_OK);
    CHECK_STR(tmo_decision_sentence(d),
              "Carried on the chair's casting vote: 5 of 9 votes cast (55.6%) against a required more than 1/2.");
    tmo_decision_free(d);

    /* Amalgamation confirmed 40 days after the first meeting: outside the window of 14 days to 1 month. */
    tmo_resolution_votes_init(&votes);
    votes.eligible = 150;
    votes.present = 85;
    votes.in_favour = 41;
    votes.against = 40;
    votes.held = "2026-04-11";
    votes.confirming = "2026-03-02";
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "amalgamation", &votes), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 0);
    tmo_decision_free(d);

    d = (tmo_decision *)&carried;
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "no_such_kind", &votes), TMO_ENOTFOUND);
    CHECK(d == NULL);
    votes.version = 99;
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "ordinary", &votes), TMO_EINVAL);
    tmo_resolution_votes_init(&votes);
    votes.in_favour = 5;
    votes.against = 3;
    votes.casting = TMO_CASTING_AGAINST;
    votes.held = "2026-07-01";
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "ordinary", &votes), TMO_EVALUE);
    CHECK_STATUS(tmo_resolution_evaluate(&d, c, "ordinary", NULL), TMO_EINVAL);
}

static void check_ballots(const tmo_constitution *c) {
    tmo_decision *d = NULL;
    tmo_buf record = TMO_BUF_INIT;
    int carried = 7;
    /* governance.md §5.4 example 3: 200 eligible, 90 vote, 80 in favour: 75% is met, 50% turnout is not. */
    const tmo_class_tally conversion[] = {{TMO_TENURE_SECURE_TENANT, 200, 80, 10, 0}};
    /* Passes overall (60 of 100) and fails among secure tenants (25 of 55). */
    const tmo_class_tally rtm[] = {{TMO_TENURE_SECURE_TENANT, 70, 25, 30, 0}, {TMO_TENURE_LONG_LEASEHOLDER, 60, 35, 10, 0}};
    const tmo_class_tally twice[] = {{TMO_TENURE_SECURE_TENANT, 70, 25, 30, 0}, {TMO_TENURE_SECURE_TENANT, 1, 0, 0, 0}};

    CHECK_STATUS(tmo_ballot_evaluate(&d, "ccbs_conversion", NULL, conversion, 1), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 0);
    CHECK_STR(tmo_decision_sentence(d), "Not carried: a turnout of 90 of 200 eligible (45.0%) against a required 1/2.");
    tmo_decision_free(d);

    /* Riverside's own rtm ballot is the double-majority reading. */
    CHECK_STATUS(tmo_ballot_evaluate(&d, "rtm", c, rtm, 2), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 0);
    CHECK_STATUS(tmo_decision_record(&record, d, TMO_RECORD_MARKDOWN), TMO_OK);
    CHECK(contains(&record, "| Secure tenants | 70 | 25 | 30 | 0 | 55 (78.6%) |"));
    tmo_decision_free(d);
    CHECK_STATUS(tmo_ballot_evaluate(&d, "rtm_ballot", NULL, rtm, 2), TMO_OK);
    CHECK_STATUS(tmo_decision_carried(&carried, d), TMO_OK);
    CHECK_INT(carried, 1);
    tmo_decision_free(d);

    d = (tmo_decision *)&carried;
    CHECK_STATUS(tmo_ballot_evaluate(&d, "no_such_rule", NULL, rtm, 2), TMO_ENOTFOUND);
    CHECK(d == NULL);
    CHECK_STATUS(tmo_ballot_evaluate(&d, "rtm_ballot", NULL, twice, 2), TMO_EINVAL);
    CHECK_STATUS(tmo_ballot_evaluate(&d, "rtm_ballot", NULL, rtm, 0), TMO_EINVAL);
    tmo_buf_dispose(&record);
}

int main(int argc, char **argv) {
    tmo_constitution *c = NULL;
    tmo_register *reg = NULL;
    if (argc != 4) {
        fprintf(stderr, "usage: %s <riverside_tmo.toml> <register.csv> <agm_2026.toml>\n", argv[0]);
        return 2;
    }
    CHECK_STATUS(tmo_constitution_load(&c, argv[1]), TMO_OK);
    CHECK_STATUS(tmo_register_load(&reg, argv[2]), TMO_OK);
    if (c != NULL && reg != NULL) {
        check_register(c, reg);
        check_agm(c, reg, argv[3]);
        check_resolutions(c);
        check_ballots(c);
    }
    {
        /* A duplicate member id: an error naming the line and column. */
        const char *csv = "id,name,household,tenure,born,joined\nR1,A,H1,secure_tenant,1970-01-01,2020-01-01\n"
                          "R1,B,H2,secure_tenant,1970-01-01,2020-01-01\n";
        tmo_register *bad = (tmo_register *)&argc;
        const tmo_error *e;
        CHECK_STATUS(tmo_register_parse(&bad, csv, strlen(csv), "dup.csv"), TMO_EVALUE);
        CHECK(bad == NULL);
        e = tmo_error_last();
        CHECK_STR(e->file, "dup.csv");
        CHECK_INT(e->line, 3);
        CHECK_INT(e->column, 1);
        CHECK_STATUS(tmo_register_load(&bad, "/no/such/register.csv"), TMO_EIO);
    }
    tmo_register_free(reg);
    tmo_register_free(NULL);
    tmo_decision_free(NULL);
    tmo_constitution_free(c);
    return check_report("c_api_decision");
}
