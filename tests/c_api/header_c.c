/* The C headers compile as strict C99 (-std=c99 -pedantic, warnings as errors): a module header on its own (it
 * brings in tmo.h), then tmo.h twice in a row. */
#include <tmo/constitution.h>
#include <tmo/tmo.h>
#include <tmo/tmo.h>

int main(void) {
    tmo_buf buf = TMO_BUF_INIT;
    tmo_error none = {TMO_OK, "", "", 0, 0, ""};
    enum tmo_status status = TMO_EINTERNAL;
    const char *(*strerror_function)(int) = tmo_strerror;
    int ok = buf.ptr == NULL && buf.size == 0 && none.code == TMO_OK && status == -14 &&
             strerror_function != NULL && TMO_DATE_SIZE == 11 && TMO_VERSION_NUMBER >= 100 &&
             (TMO_MONEY_SYMBOL & TMO_MONEY_THOUSANDS) == 0;
    return ok ? 0 : 1;
}
