/* A minimal vendor program: checks the library's version, loads a preset constitution and splits a bill. */
#include <tmo/tmo.h>

#include <stdio.h>
#include <string.h>

static int failed(const char *what, int status) {
    const tmo_error *e = tmo_error_last();
    fprintf(stderr, "c_consumer: %s failed: %s (%d): %s\n", what, tmo_strerror(status), status, e->message);
    return 1;
}

int main(void) {
    tmo_constitution *rules = NULL;
    const char *weights[] = {"213", "180", "250"};
    int64_t shares[3];
    char text[32];
    size_t i;
    int status;

    if (tmo_version_number() != TMO_VERSION_NUMBER) {
        fprintf(stderr, "c_consumer: header %s but library %s\n", TMO_VERSION_STRING, tmo_version_string());
        return 1;
    }

    status = tmo_constitution_preset(&rules, "ccbs_act_2014");
    if (status != TMO_OK) return failed("tmo_constitution_preset", status);
    printf("preset: %s\n", tmo_constitution_name(rules));
    tmo_constitution_free(rules);

    status = tmo_apportion(shares, 1359571, weights, 3);
    if (status != TMO_OK) return failed("tmo_apportion", status);
    for (i = 0; i < 3; ++i) {
        if (tmo_money_format(text, sizeof text, shares[i], TMO_MONEY_THOUSANDS) < 0) return 1;
        printf("unit %u: %s\n", (unsigned)(i + 1), text);
    }
    if (shares[0] != 450371 || shares[1] != 380595 || shares[2] != 528605) {
        fprintf(stderr, "c_consumer: unexpected shares %lld %lld %lld\n", (long long)shares[0], (long long)shares[1],
                (long long)shares[2]);
        return 1;
    }
    return 0;
}
