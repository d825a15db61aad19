/* Shared by the grammar fuzz targets (fuzz_extract_zh.c, _en.c): the test
 * gazetteer, loaded once per process, and the checks every meeting must
 * pass. The input is cleaned as the readers clean a document (invalid
 * UTF-8 -> '?', NUL -> ' ', same length), since that is the contract the
 * grammars are written to. */
#ifndef DG_FUZZ_EXTRACT_COMMON_H
#define DG_FUZZ_EXTRACT_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/extract.h"
#include "diplograph/utf8.h"
#include "extract/extract_int.h"

static dg_gazetteer *fuzz_gaz; /* loaded once per fuzzing process */

static int fuzz_check_meeting(void *ctx, dg_meeting *m)
{
    size_t len = *(const size_t *)ctx;
    dg_buf b = DG_BUF_INIT;
    size_t i;

    if (!m->evidence || dg_utf8_validate(m->evidence, strlen(m->evidence)) != strlen(m->evidence))
        abort();
    if (m->n_sources != 1 || m->sources[0].byte < 0 || m->sources[0].length < 0 ||
        (size_t)(m->sources[0].byte + m->sources[0].length) > len)
        abort();
    if (m->n_parties == 0)
        abort();
    for (i = 0; i < m->n_parties; i++)
        if (!m->parties[i].id || !m->parties[i].id[0])
            abort();
    if (dg_meeting_write_json(&b, m) != DG_OK)
        abort();
    dg_buf_destroy(&b);
    dg_meeting_destroy(m);
    return 0;
}

static void fuzz_extract_as(const uint8_t *data, size_t size, int grammar, const char *name)
{
    dg_extract_opts opts = DG_EXTRACT_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_document doc;
    char *text;
    const char *p, *end;

    if (!fuzz_gaz) {
        fuzz_gaz = dg_gazetteer_new();
        if (!fuzz_gaz ||
            dg_gazetteer_load_file(fuzz_gaz, DG_SOURCE_DIR "/tests/data/gazetteer/mini.json",
                                   &err) < 0 ||
            dg_extract_prepare(fuzz_gaz, &err) < 0) {
            fprintf(stderr, "%s: %s\n", name, err.msg);
            abort();
        }
    }
    text = malloc(size + 1);
    if (!text)
        return;
    memcpy(text, data, size);
    text[size] = '\0';
    p = text;
    end = text + size;
    while (p < end) {
        const char *at = p;
        int bad = 0;
        if (*p == '\0') {
            text[p - text] = ' ';
            p++;
            continue;
        }
        dg_utf8_next(&p, end, &bad);
        if (bad)
            text[at - text] = '?';
    }
    memset(&doc, 0, sizeof(doc));
    doc.file = name;
    doc.text = text;
    doc.len = size;
    doc.line = 1;
    doc.text_is_slice = 1;
    opts.gaz = fuzz_gaz;
    dg_xextract_document(&doc, &opts, grammar, fuzz_check_meeting, &size, &err);
    free(text);
}

#endif
