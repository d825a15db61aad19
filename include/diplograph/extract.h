#ifndef DIPLOGRAPH_EXTRACT_H
#define DIPLOGRAPH_EXTRACT_H
/* Meeting extraction from news text (Chinese and English), and the input
 * readers that split files into documents. */

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "gazetteer.h"
#include "meeting.h"
#include "reader.h"


typedef struct {
    const dg_gazetteer *gaz;    /* required, compiled */
    dg_input_format format;
    dg_split_mode split;        /* plain text: how files split into documents */
    const char *text_field;     /* JSONL: "text" */
    const char *date_field;     /* JSONL: "date" */
    const char *title_field;    /* JSONL: "title" */
    size_t max_doc_bytes;
    double min_confidence;
    const char *source_field;   /* JSONL: source.file from this field (reader.h) */
} dg_extract_opts;

#define DG_EXTRACT_OPTS_INIT \
    { NULL, DG_INPUT_AUTO, DG_SPLIT_AUTO, "text", "date", "title", DG_DEFAULT_MAX_DOC_BYTES, 0.0, \
      NULL }

/* Called for each meeting found; the callee takes the record (it must
 * dg_meeting_destroy it or keep it). Non-zero return stops. */
typedef int (*dg_meeting_fn)(void *ctx, dg_meeting *m);

/* Registers the extractors' trigger words with the gazetteer and compiles
 * it: call once after loading, before extracting. */
int dg_extract_prepare(dg_gazetteer *g, dg_error *err);

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

/* Reads a file ("-" for stdin) in chunks (dg_doc_stream) and extracts as
 * dg_extract_buffer, in memory bounded by the chunk size and the largest
 * document. DG_EIO when it cannot be opened or read. */
int dg_extract_file(const char *path, const dg_extract_opts *opts,
                    dg_meeting_fn fn, void *ctx, dg_diag *diag,
                    dg_error *err);

/* The reader options that opts implies. */
void dg_extract_reader_opts(dg_reader_opts *ro, const dg_extract_opts *opts);

/* Extracts from the documents of one batch of a dg_doc_stream: may run on
 * any thread, batches in any order (meetings are handed over per batch in
 * document order). */
int dg_extract_batch(const dg_doc_batch *b, const dg_extract_opts *opts,
                     dg_meeting_fn fn, void *ctx, dg_diag *diag,
                     dg_error *err);

#endif
