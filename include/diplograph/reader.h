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
    /* bytes per read of a dg_doc_stream; 0: DG_READ_CHUNK_BYTES. The first
     * read takes at least 64 KiB (the bytes that decide whether a file is
     * text). Small values are for tests of the chunk boundaries. */
    size_t chunk_bytes;
    /* JSON Lines: a field naming the document (a URL, an id) or NULL. A
     * line with that string field is recorded as document 0 at line 1 of
     * the file it names, so where the line sat in the input (a shard, a
     * pipe) leaves no trace: provenance for input read from stdin. */
    const char *source_field;
} dg_reader_opts;

#define DG_READER_OPTS_INIT \
    { DG_INPUT_AUTO, DG_SPLIT_AUTO, "text", "date", DG_DEFAULT_MAX_DOC_BYTES, 0, NULL }

/* Called per document; non-zero stops the reading (returned as is). */
typedef int (*dg_document_fn)(void *ctx, const dg_document *doc);

/* Splits a file's bytes into documents. Invalid UTF-8 and NUL bytes are
 * replaced byte for byte ('?', ' ') so offsets stay exact, with a warning
 * naming file and line; binary and UTF-16 files are refused with a
 * warning; documents over max_doc_bytes are skipped with a warning. */
int dg_read_documents(const char *data, size_t len, const char *name,
                      const dg_reader_opts *opts, dg_document_fn fn,
                      void *ctx, dg_diag *diag, dg_error *err);

/* Reads a file descriptor in chunks and hands over its documents as
 * dg_read_documents does, in memory bounded by the chunk size and the
 * largest document (see dg_doc_stream). Does not close fd. */
int dg_read_documents_fd(int fd, const char *name, const dg_reader_opts *opts,
                         dg_document_fn fn, void *ctx, dg_diag *diag,
                         dg_error *err);

/* ---- streaming: a file in batches of whole documents ----
 *
 * A dg_doc_stream reads a file in chunks of DG_READ_CHUNK_BYTES and cuts
 * them at document boundaries (plain text: blank-line blocks or lines;
 * JSON Lines: lines); a document cut by a chunk boundary is carried over
 * to the next batch, so offsets and line numbers are those of the whole
 * file. A document over max_doc_bytes is read past without being kept
 * (a JSON line over 2 * max_doc_bytes + 1024 bytes likewise). HTML is
 * read whole, up to max_doc_bytes.
 *
 * DG_SPLIT_AUTO decides from the first chunk (its complete lines): blank lines and a block of
 * several lines there mean DG_SPLIT_BLANK; a file that fits in the first
 * chunk is decided from all of it (no blank line: a document per line;
 * blank lines but single-line blocks only: one document); a longer file
 * with no block of several lines in its first chunk is split by blank
 * lines if it has one there, else by lines.
 *
 * Batches are independent: dg_doc_batch_read may run on another thread
 * than the stream, and batches of one stream may be read in any order
 * (their documents carry their own indexes, lines and offsets). */

/* Bytes per read: the unit of work and of memory per batch (1 MiB: large
 * enough that a batch amortizes the hand-over between threads, small
 * enough that -j N batches in flight stay a few MB). */
#define DG_READ_CHUNK_BYTES ((size_t)1 << 20)

typedef struct dg_doc_stream dg_doc_stream;
typedef struct dg_doc_batch dg_doc_batch;

/* Starts reading fd (not closed by the stream) as the file name (borrowed,
 * must outlive the stream and its batches; also picks the format under
 * DG_INPUT_AUTO). opts is copied; its strings are borrowed. Free with
 * dg_doc_stream_free. */
int dg_doc_stream_open(dg_doc_stream **out, int fd, const char *name,
                       const dg_reader_opts *opts, dg_error *err);
/* The same over len bytes of memory (borrowed until the stream is freed). */
int dg_doc_stream_open_mem(dg_doc_stream **out, const char *data, size_t len,
                           const char *name, const dg_reader_opts *opts,
                           dg_error *err);
/* Reads on to the next batch of whole documents: *out is the batch (free
 * it with dg_doc_batch_free), or NULL at the end of the file. Warnings
 * about the file as a whole (binary, not UTF-8) go to diag. DG_EIO on a
 * read error, DG_ENOMEM. */
int dg_doc_stream_next(dg_doc_stream *s, dg_doc_batch **out, dg_diag *diag,
                       dg_error *err);
/* 1 once the stream has read to the end of the file (the last batch may
 * still be pending in *out of the call that got there). */
int dg_doc_stream_eof(const dg_doc_stream *s);
/* Bytes read so far. */
long long dg_doc_stream_bytes(const dg_doc_stream *s);
void dg_doc_stream_free(dg_doc_stream *s);

/* Hands the batch's documents to fn, in order, as dg_read_documents does;
 * documents that were read past go to diag as skipped. */
int dg_doc_batch_read(const dg_doc_batch *b, dg_document_fn fn, void *ctx,
                      dg_diag *diag, dg_error *err);
/* Bytes the batch holds. */
size_t dg_doc_batch_size(const dg_doc_batch *b);
void dg_doc_batch_free(dg_doc_batch *b);

/* The format a file name implies under DG_INPUT_AUTO. */
dg_input_format dg_input_format_for(const char *name);

#endif
