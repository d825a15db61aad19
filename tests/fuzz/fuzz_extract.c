/* Fuzz target: both grammars and the date parsers, through
 * dg_extract_buffer with the test gazetteer. Every meeting must carry
 * valid UTF-8 evidence that lies inside the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/extract.h"
#include "diplograph/utf8.h"
#include "extract/extract_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dg_gazetteer *gaz; /* loaded once per fuzzing process */

typedef struct {
    size_t len;
} ctx_t;

static int check(void *ctx, dg_meeting *m)
{
    ctx_t *c = ctx;
    dg_buf b = DG_BUF_INIT;

    if (!m->evidence || dg_utf8_validate(m->evidence, strlen(m->evidence)) != strlen(m->evidence))
        abort();
    if (m->n_sources != 1 || m->sources[0].byte < 0 ||
        (size_t)(m->sources[0].byte + m->sources[0].length) > c->len)
        abort();
    if (dg_meeting_write_json(&b, m) != DG_OK)
        abort();
    dg_buf_destroy(&b);
    dg_meeting_destroy(m);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_extract_opts opts = DG_EXTRACT_OPTS_INIT;
    dg_diag diag = DG_DIAG_INIT;
    dg_error err = DG_ERROR_INIT;
    ctx_t c;

    if (!gaz) {
        gaz = dg_gazetteer_new();
        if (!gaz || dg_gazetteer_load_file(gaz, DG_SOURCE_DIR "/tests/data/gazetteer/mini.json", &err) < 0 ||
            dg_extract_prepare(gaz, &err) < 0) {
            fprintf(stderr, "fuzz_extract: %s\n", err.msg);
            abort();
        }
    }
    /* the date parsers on their own, against a fixed reference */
    if (size > 0) {
        xdate d, ref = { 2021, 6, 9 };
        size_t n = dg_xdate_zh_at(&d, (const char *)data, size, &ref);
        if (n > size)
            abort();
        n = dg_xdate_en_at(&d, (const char *)data, size, &ref);
        if (n > size)
            abort();
    }
    opts.gaz = gaz;
    opts.split = DG_SPLIT_BLANK;
    c.len = size;
    dg_extract_buffer((const char *)data, size, "fuzz.txt", &opts, check, &c, &diag, &err);
    return 0;
}
