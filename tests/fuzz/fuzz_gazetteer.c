/* Fuzz target: the gazetteer loader, compiler and matcher. The input is
 * loaded as a gazetteer file; when it loads, it is compiled and scanned
 * over itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/gazetteer.h"
#include "diplograph/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_match(void *ctx, const dg_gaz_match *m)
{
    size_t *len = ctx;
    if (m->start >= m->end || m->end > *len)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    dg_diag diag = DG_DIAG_INIT;

    if (!g)
        return 0;
    if (dg_gazetteer_load_buf(g, (const char *)data, size, "fuzz.json", &err) == DG_OK &&
        dg_gazetteer_compile(g, &err) == DG_OK) {
        dg_folded fd = DG_FOLDED_INIT;
        dg_gazetteer_check(g, &diag);
        if (dg_fold_text(dg_gazetteer_fold(g), &fd, (const char *)data, size) == DG_OK) {
            size_t len = fd.text.len;
            dg_gazetteer_scan_orig(g, fd.text.ptr, fd.text.len, (const char *)data, fd.map,
                                   on_match, &len);
        }
        dg_folded_destroy(&fd);
    }
    dg_gazetteer_free(g);
    return 0;
}
