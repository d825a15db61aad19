/* Extraction over files read in chunks (dg_doc_stream): bounded memory
 * for any file size, stdin included. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "diplograph/extract.h"
#include "common.h"

typedef struct {
    const dg_extract_opts *opts;
    dg_meeting_fn fn;
    void *ctx;
    dg_error *err;
} batch_ctx;

static int on_document(void *ctx, const dg_document *doc)
{
    batch_ctx *c = ctx;
    int rc = dg_extract_document(doc, c->opts, c->fn, c->ctx, c->err);

    return rc < 0 ? rc : 0;
}

void dg_extract_reader_opts(dg_reader_opts *ro, const dg_extract_opts *opts)
{
    dg_reader_opts def = DG_READER_OPTS_INIT;

    *ro = def;
    ro->format = opts->format;
    ro->split = opts->split;
    ro->text_field = opts->text_field;
    ro->date_field = opts->date_field;
    ro->max_doc_bytes = opts->max_doc_bytes;
    ro->source_field = opts->source_field;
}

int dg_extract_batch(const dg_doc_batch *b, const dg_extract_opts *opts,
                     dg_meeting_fn fn, void *ctx, dg_diag *diag, dg_error *err)
{
    batch_ctx c;

    c.opts = opts;
    c.fn = fn;
    c.ctx = ctx;
    c.err = err;
    return dg_doc_batch_read(b, on_document, &c, diag, err);
}

int dg_extract_file(const char *path, const dg_extract_opts *opts,
                    dg_meeting_fn fn, void *ctx, dg_diag *diag, dg_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    dg_reader_opts ro;
    batch_ctx c;
    int rc;

    if (fd < 0)
        return dg_error_set(err, DG_EIO, "%s: cannot open: %s", path, strerror(errno));
    dg_extract_reader_opts(&ro, opts);
    c.opts = opts;
    c.fn = fn;
    c.ctx = ctx;
    c.err = err;
    rc = dg_read_documents_fd(fd, is_stdin ? "<stdin>" : path, &ro, on_document, &c, diag, err);
    if (!is_stdin)
        close(fd);
    return rc;
}
