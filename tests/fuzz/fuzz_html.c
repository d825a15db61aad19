/* Fuzz target: the HTML reader (libxml2's parser with XML_PARSE_HUGE and
 * our iterative tree walks). Every page handed out must be valid UTF-8
 * without NUL, and its date, when it has one, YYYY-MM-DD shaped. The
 * first byte sets the size cap, so that pages over it are read past too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/reader.h"
#include "diplograph/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(void *ctx, const dg_document *d)
{
    (void)ctx;
    if (dg_utf8_validate(d->text, d->len) != d->len || memchr(d->text, '\0', d->len))
        abort();
    if (d->date && (strlen(d->date) != 10 || d->date[4] != '-' || d->date[7] != '-'))
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_diag diag = DG_DIAG_INIT;
    dg_error err = DG_ERROR_INIT;

    if (size < 1)
        return 0;
    ro.format = DG_INPUT_HTML;
    ro.max_doc_bytes = (data[0] & 1) ? 256 : DG_DEFAULT_MAX_DOC_BYTES;
    dg_read_documents((const char *)data + 1, size - 1, "fuzz.html", &ro, check, NULL,
                      &diag, &err);
    return 0;
}
