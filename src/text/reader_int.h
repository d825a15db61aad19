#ifndef DG_TEXT_READER_INT_H
#define DG_TEXT_READER_INT_H
/* Shared by reader.c (documents to their consumer) and docstream.c (files
 * cut into documents, in chunks). */

#include "diplograph/reader.h"

/* The first bytes of a file that decide whether it is text at all. */
#define DG_READER_SAMPLE ((size_t)65536)

typedef struct {
    const char *name;
    const dg_reader_opts *opts;
    dg_document_fn fn;
    void *ctx;
    dg_diag *diag;
    dg_error *err;
    long index;      /* the index the next document gets */
} dg_rctx;

/* 1 when the file is not text (a UTF-16 byte order mark, binary, another
 * encoding), judged from its first bytes; the warning went to diag. */
int dg_reader_refuse(const char *data, size_t len, const char *name, dg_diag *diag);
/* 1 when the line holds only spaces, tabs and carriage returns. */
int dg_reader_is_blank(const char *s, size_t len);
/* Checks the size, cleans the bytes (invalid UTF-8, NUL) and calls fn. */
int dg_reader_deliver(dg_rctx *r, dg_document *doc, long line);
/* One non-blank JSON line (without its newline). */
int dg_reader_jsonl_line(dg_rctx *r, const char *line, size_t len, long lineno,
                         long long base, int has_nl);
/* A whole HTML page. */
int dg_reader_html(dg_rctx *r, const char *data, size_t len);

#endif
