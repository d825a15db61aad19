#ifndef DIPLOGRAPH_READER_H
#define DIPLOGRAPH_READER_H
/* Input files to documents: plain text, HTML (libxml2) and JSON Lines. */

#include <stddef.h>

#include "error.h"

typedef enum {
    DG_INPUT_AUTO = 0,  /* by extension: .html/.htm, .jsonl/.ndjson, else text */
    DG_INPUT_TEXT,
    DG_INPUT_HTML,
    DG_INPUT_JSONL
} dg_input_format;

typedef enum {
    /* blank-line-separated blocks are documents; a file with no blank line
     * is a document per line; a file whose blocks are all single lines is
     * one document of paragraphs (an article with blank lines between its
     * paragraphs) */
    DG_SPLIT_AUTO = 0,
    DG_SPLIT_BLANK,     /* always by blank lines */
    DG_SPLIT_LINE,      /* a document per non-empty line */
    DG_SPLIT_FILE       /* the whole file is one document */
} dg_split_mode;

/* Default cap on one document: past it the document is skipped with a
 * warning (64 MiB: far above any article, low enough to bound memory). */
#define DG_DEFAULT_MAX_DOC_BYTES ((size_t)64 << 20)

/* One document of an input file. */
typedef struct {
    const char *file;        /* name recorded in source.file */
    long index;              /* 0-based document index in the file */
    long line;               /* 1-based line where it starts */
    long long base;          /* byte offset of the document in the file */
    const char *text;        /* the document's bytes: valid UTF-8, no NUL */
    size_t len;
    const char *date;        /* metadata date (YYYY-MM-DD...) or NULL */
    /* 1: text is a slice of the file at base, so evidence offsets are
     * file offsets. 0 (HTML, JSON Lines): the text was decoded, evidence
     * offsets are relative to the decoded document text. */
    int text_is_slice;
} dg_document;

typedef struct {
    dg_input_format format;
    dg_split_mode split;
    const char *text_field;  /* JSON Lines: "text" */
    const char *date_field;  /* JSON Lines: "date" */
    size_t max_doc_bytes;
} dg_reader_opts;

#define DG_READER_OPTS_INIT \
    { DG_INPUT_AUTO, DG_SPLIT_AUTO, "text", "date", DG_DEFAULT_MAX_DOC_BYTES }

/* Called per document; non-zero stops the reading (returned as is). */
typedef int (*dg_document_fn)(void *ctx, const dg_document *doc);

/* Splits a file's bytes into documents. Invalid UTF-8 and NUL bytes are
 * replaced byte for byte ('?', ' ') so offsets stay exact, with a warning
 * naming file and line; binary and UTF-16 files are refused with a
 * warning; documents over max_doc_bytes are skipped with a warning. */
int dg_read_documents(const char *data, size_t len, const char *name,
                      const dg_reader_opts *opts, dg_document_fn fn,
                      void *ctx, dg_diag *diag, dg_error *err);

/* The format a file name implies under DG_INPUT_AUTO. */
dg_input_format dg_input_format_for(const char *name);

#endif
