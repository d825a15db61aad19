#ifndef DIPLOGRAPH_EXTRACT_H
#define DIPLOGRAPH_EXTRACT_H
/* Meeting extraction from news text (Chinese and English), and the input
 * readers that split files into documents. */

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "gazetteer.h"
#include "meeting.h"

typedef enum {
    DG_INPUT_AUTO = 0,  /* by extension: .html/.htm, .jsonl/.ndjson, else text */
    DG_INPUT_TEXT,
    DG_INPUT_HTML,
    DG_INPUT_JSONL
} dg_input_format;

/* Default cap on one document: past it the document is skipped with a
 * warning (64 MiB: far above any article, low enough to bound memory). */
#define DG_DEFAULT_MAX_DOC_BYTES ((size_t)64 << 20)

typedef struct {
    const dg_gazetteer *gaz;    /* required, compiled */
    dg_input_format format;
    const char *text_field;     /* JSONL: "text" */
    const char *date_field;     /* JSONL: "date" */
    const char *title_field;    /* JSONL: "title" */
    size_t max_doc_bytes;
    double min_confidence;
} dg_extract_opts;

#define DG_EXTRACT_OPTS_INIT \
    { NULL, DG_INPUT_AUTO, "text", "date", "title", DG_DEFAULT_MAX_DOC_BYTES, 0.0 }

/* One document of an input file, as the extractor sees it. */
typedef struct {
    const char *file;        /* name recorded in source.file */
    long index;              /* 0-based document index in the file */
    long line;               /* 1-based line where it starts */
    long long base;          /* byte offset of text within the file */
    const char *text;        /* the document's bytes (borrowed) */
    size_t len;
    const char *date;        /* metadata date (YYYY-MM-DD...) or NULL */
    /* For HTML and JSONL the text is not a slice of the file: offsets of
     * evidence are then relative to the document text, and base is the
     * byte where the document (line/element) starts. */
    int text_is_slice;
} dg_document;

/* Called for each meeting found; the callee takes the record (it must
 * dg_meeting_destroy it or keep it). Non-zero return stops. */
typedef int (*dg_meeting_fn)(void *ctx, dg_meeting *m);

/* Extracts meetings from one document. */
int dg_extract_document(const dg_document *doc, const dg_extract_opts *opts,
                        dg_meeting_fn fn, void *ctx, dg_error *err);

/* Splits a file's bytes into documents (format from opts and name) and
 * extracts from each; problems with single documents (bad UTF-8, a
 * document over the cap, a bad JSON line) go to diag and the rest is
 * processed. */
int dg_extract_buffer(const char *data, size_t len, const char *name,
                      const dg_extract_opts *opts, dg_meeting_fn fn,
                      void *ctx, dg_diag *diag, dg_error *err);

/* Reads a file ("-" for stdin) and extracts as dg_extract_buffer. */
int dg_extract_file(const char *path, const dg_extract_opts *opts,
                    dg_meeting_fn fn, void *ctx, dg_diag *diag,
                    dg_error *err);

#endif
