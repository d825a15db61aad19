/* Fuzz target: the document readers (text, HTML, JSON Lines). The first
 * byte picks the format and split mode; every document handed out must be
 * valid UTF-8 without NUL and lie inside the input when it is a slice. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/reader.h"
#include "diplograph/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    const char *base;
    size_t len;
} span;

static int check(void *ctx, const dg_document *d)
{
    span *s = ctx;

    if (dg_utf8_validate(d->text, d->len) != d->len || memchr(d->text, '\0', d->len))
        abort();
    if (d->text_is_slice && (d->base < 0 || (size_t)d->base + d->len > s->len))
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_diag diag = DG_DIAG_INIT;
    dg_error err = DG_ERROR_INIT;
    span s;

    if (size < 1)
        return 0;
    ro.format = (dg_input_format)(data[0] % 4);
    ro.split = (dg_split_mode)((data[0] / 4) % 4);
    ro.max_doc_bytes = (data[0] & 0x80) ? 64 : DG_DEFAULT_MAX_DOC_BYTES;
    s.base = (const char *)data + 1;
    s.len = size - 1;
    dg_read_documents((const char *)data + 1, size - 1, "fuzz.txt", &ro, check, &s, &diag, &err);
    return 0;
}
