/* Files cut into documents, a chunk at a time (reader.h: dg_doc_stream).
 *
 * The stream scans each chunk line by line and keeps, per line, only
 * whether it holds a non-blank byte and where its last byte other than
 * '\r' is: that decides every document boundary of the plain text and
 * JSON Lines formats, so a line or a document longer than a chunk is
 * handled as one that fits, and one longer than max_doc_bytes is read past
 * (its bytes dropped) with its exact length still counted. The bytes of
 * the documents finished in a chunk go out as a batch; the unfinished one
 * is copied to the front of the next buffer. When the file can be read
 * again (a regular file, or memory), a document is not held past
 * DG_SPILL_CHUNKS chunks either: it is read again once its end is known,
 * so a document over the cap costs nothing and one under it costs its own
 * size, once. From a pipe, the bytes of such a document go to a temporary
 * file instead, up to the cap. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diplograph/reader.h"
#include "common.h"
#include "text/reader_int.h"

/* Chunks of one unfinished document (or line) held in the buffer before
 * it is dropped, to be read again at its end (re-readable files only). */
#define DG_SPILL_CHUNKS 4

enum {
    D_DOC,          /* a text document: a slice of the batch */
    D_SKIP,         /* a text document over the cap, read past */
    D_JSONL,        /* a non-blank JSON line */
    D_JSONL_LONG,   /* a JSON line over the cap, read past */
    D_HTML,         /* a whole HTML page */
    D_HTML_LONG     /* an HTML page over the cap, read past */
};

typedef struct {
    int kind;
    int has_nl;       /* JSON Lines: the line ended with '\n' */
    size_t off;       /* in the batch's bytes */
    long long len;    /* bytes of the document (or line, page) */
    long long base;   /* its offset in the file */
    long line;
    long index;
    char *own;        /* a document read again: its own bytes */
} ddesc;

struct dg_doc_batch {
    const char *name;
    dg_reader_opts opts;
    char *buf;
    size_t len;
    ddesc *d;
    size_t n, cap;
};

struct dg_doc_stream {
    int fd;
    long long fd_start;   /* the fd's offset when the stream began */
    int rereadable;       /* a regular file or memory: spill long documents */
    long long size_hint;  /* a regular file's size when opened, or -1 */
    FILE *spill;          /* not rereadable: the dropped bytes of a long document */
    long long spill_from, spill_end; /* file offsets of the bytes in spill */
    const char *mem;      /* or read from memory */
    size_t mem_len, mem_pos;
    const char *name;
    dg_reader_opts opts;
    dg_input_format fmt;
    dg_split_mode mode;
    int started, eof, finished, done;
    char *buf;            /* bytes [base, base + len) of the file */
    size_t len, cap;
    long long base;
    size_t scan;          /* buf[0, scan) has been looked at */
    long long total;      /* bytes read */
    /* the line being scanned */
    long long line_start, last_end;  /* last_end: after its last non-'\r' byte */
    long line_no;
    int nonblank, line_skip, line_spill;
    /* the text document being read */
    int in_doc, doc_skip, doc_spill;
    long long doc_start, doc_end;
    long doc_line, doc_index;
    long next_index;
    dg_doc_batch *batch;  /* documents finished in this buffer */
};

static int batch_new(dg_doc_stream *s, dg_error *err)
{
    s->batch = calloc(1, sizeof(*s->batch));
    if (!s->batch)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    s->batch->name = s->name;
    s->batch->opts = s->opts;
    return DG_OK;
}

void dg_doc_batch_free(dg_doc_batch *b)
{
    size_t i;

    if (!b)
        return;
    for (i = 0; i < b->n; i++)
        free(b->d[i].own);
    free(b->buf);
    free(b->d);
    free(b);
}

size_t dg_doc_batch_size(const dg_doc_batch *b)
{
    return b->len;
}

static int add_desc(dg_doc_stream *s, int kind, long long start, long long len, long line,
                    long index, dg_error *err)
{
    dg_doc_batch *b = s->batch;
    ddesc *d;

    if (dg_grow_array((void **)&b->d, &b->cap, b->n + 1, sizeof(ddesc)) < 0)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    d = &b->d[b->n++];
    memset(d, 0, sizeof(*d));
    d->kind = kind;
    d->base = start;
    d->len = len;
    d->line = line;
    d->index = index;
    /* slices stay valid: the buffer is never moved while it has any */
    if ((kind == D_DOC || kind == D_JSONL || kind == D_HTML) && start >= s->base)
        d->off = (size_t)(start - s->base);
    return DG_OK;
}

static int common_open(dg_doc_stream **out, const char *name, const dg_reader_opts *opts,
                       dg_error *err)
{
    dg_doc_stream *s = calloc(1, sizeof(*s));

    *out = NULL;
    if (!s)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    s->fd = -1;
    s->size_hint = -1;
    s->name = name;
    s->opts = *opts;
    s->fmt = opts->format == DG_INPUT_AUTO ? dg_input_format_for(name) : opts->format;
    s->mode = opts->split;
    s->line_no = 1;
    if (batch_new(s, err) < 0) {
        free(s);
        return DG_ENOMEM;
    }
    *out = s;
    return DG_OK;
}

int dg_doc_stream_open(dg_doc_stream **out, int fd, const char *name,
                       const dg_reader_opts *opts, dg_error *err)
{
    int rc = common_open(out, name, opts, err);

    if (rc == DG_OK) {
        struct stat st;
        off_t at = lseek(fd, 0, SEEK_CUR);
        (*out)->fd = fd;
        if (at >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            (*out)->fd_start = (long long)at;
            (*out)->rereadable = 1;
            (*out)->size_hint = (long long)st.st_size - (long long)at;
        }
    }
    return rc;
}

int dg_doc_stream_open_mem(dg_doc_stream **out, const char *data, size_t len,
                           const char *name, const dg_reader_opts *opts,
                           dg_error *err)
{
    int rc = common_open(out, name, opts, err);

    if (rc == DG_OK) {
        (*out)->mem = data;
        (*out)->mem_len = len;
        (*out)->rereadable = 1;
    }
    return rc;
}

void dg_doc_stream_free(dg_doc_stream *s)
{
    if (!s)
        return;
    dg_doc_batch_free(s->batch);
    free(s->buf);
    if (s->spill)
        fclose(s->spill);
    free(s);
}

int dg_doc_stream_eof(const dg_doc_stream *s)
{
    return s->done;
}

long long dg_doc_stream_bytes(const dg_doc_stream *s)
{
    return s->total;
}

static size_t chunk_size(const dg_doc_stream *s)
{
    return s->opts.chunk_bytes ? s->opts.chunk_bytes : DG_READ_CHUNK_BYTES;
}

/* Bytes of an unfinished document held before it is spilled. */
static long long spill_at(const dg_doc_stream *s)
{
    size_t c = chunk_size(s);

    return c > SIZE_MAX / DG_SPILL_CHUNKS ? LLONG_MAX : (long long)(c * DG_SPILL_CHUNKS);
}

/* Starts keeping the bytes of a long unfinished document (or line) from
 * offset from out of memory: 1, or 0 when it must stay in memory (no
 * temporary file could be made). */
static int start_spill(dg_doc_stream *s, long long from)
{
    if (s->rereadable)
        return 1;
    if (!s->spill)
        s->spill = tmpfile();
    if (!s->spill || fseek(s->spill, 0, SEEK_SET) != 0 || ftruncate(fileno(s->spill), 0) != 0)
        return 0;
    s->spill_from = from;
    s->spill_end = from;
    return 1;
}

/* 1 while the bytes being dropped must go to the temporary file. */
static int spilling(const dg_doc_stream *s)
{
    if (s->rereadable)
        return 0;
    if (s->in_doc)
        return s->doc_spill && !s->doc_skip;
    return s->line_spill && !s->line_skip;
}

/* A spilled document from a pipe: [off, spill_end) from the temporary
 * file, the rest still in the buffer. */
static int reread_spill(dg_doc_stream *s, char *p, long long off, size_t len, dg_error *err)
{
    size_t part = s->spill_end > off ? (size_t)(s->spill_end - off) : 0, got = 0;

    if (part > len)
        part = len;
    if (fflush(s->spill) != 0)
        return dg_error_set(err, DG_EIO, "%s: temporary file: %s", s->name, strerror(errno));
    while (got < part) {
        ssize_t r = pread(fileno(s->spill), p + got, part - got,
                          (off_t)(off - s->spill_from + (long long)got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return dg_error_set(err, DG_EIO, "%s: temporary file: %s", s->name,
                                r < 0 ? strerror(errno) : "short read");
        got += (size_t)r;
    }
    memcpy(p + part, s->buf + (off + (long long)part - s->base), len - part);
    return DG_OK;
}

/* Reads len bytes at offset off of the stream again (a spilled document). */
static int reread(dg_doc_stream *s, char **out, long long off, size_t len, dg_error *err)
{
    char *p = malloc(len ? len : 1);
    size_t got = 0;

    *out = NULL;
    if (!p)
        return dg_error_set(err, DG_ENOMEM, "%s: out of memory", s->name);
    if (!s->rereadable) {
        int rc = reread_spill(s, p, off, len, err);
        if (rc < 0) {
            free(p);
            return rc;
        }
        *out = p;
        return DG_OK;
    }
    if (s->mem) {
        memcpy(p, s->mem + off, len);
        got = len;
    }
    while (got < len) {
        ssize_t r = pread(s->fd, p + got, len - got, (off_t)(s->fd_start + off + (long long)got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            free(p);
            return dg_error_set(err, DG_EIO, "%s: read error at byte %lld: %s", s->name,
                                off + (long long)got,
                                r < 0 ? strerror(errno) : "the file shrank while read");
        }
        got += (size_t)r;
    }
    *out = p;
    return DG_OK;
}

/* Reads a chunk more (fewer only at the end of the file). */
static int fill(dg_doc_stream *s, dg_error *err)
{
    size_t want = chunk_size(s), got = 0;

    if (!s->started && want < DG_READER_SAMPLE)
        want = DG_READER_SAMPLE;
    if (s->size_hint >= s->total && (unsigned long long)(s->size_hint - s->total) < want)
        want = (size_t)(s->size_hint - s->total) + 1; /* a small file: no 1 MiB buffer */

    if (s->cap - s->len < want) {
        size_t cap = s->len + want;
        char *p;
        if (cap < s->len)
            return dg_error_set(err, DG_ENOMEM, "%s: out of memory", s->name);
        p = realloc(s->buf, cap);
        if (!p)
            return dg_error_set(err, DG_ENOMEM, "%s: out of memory", s->name);
        s->buf = p;
        s->cap = cap;
    }
    while (got < want && !s->eof) {
        size_t n;
        if (s->mem) {
            n = s->mem_len - s->mem_pos < want - got ? s->mem_len - s->mem_pos : want - got;
            memcpy(s->buf + s->len, s->mem + s->mem_pos, n);
            s->mem_pos += n;
        } else {
            ssize_t r = read(s->fd, s->buf + s->len, want - got);
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                return dg_error_set(err, DG_EIO, "%s: read error: %s", s->name,
                                    strerror(errno));
            }
            n = (size_t)r;
        }
        if (n == 0)
            s->eof = 1;
        s->len += n;
        got += n;
        s->total += (long long)n;
    }
    return DG_OK;
}

/* DG_SPLIT_AUTO: the rule of reader.h, from the bytes of the first chunk. */
static dg_split_mode sniff_split(const dg_doc_stream *s)
{
    const char *data = s->buf;
    size_t len = s->len, p = 0;
    int blank = 0, multi = 0, prev_text = 0, run = 0;

    while (p < len && !(blank && multi)) {
        const char *nl = memchr(data + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - data) : len;
        if (!nl && !s->eof)
            break; /* an unfinished line tells nothing yet */
        if (dg_reader_is_blank(data + p, e - p)) {
            if (prev_text)
                blank = 1;
            run = 0;
        } else {
            prev_text = 1;
            if (++run >= 2)
                multi = 1;
        }
        p = nl ? e + 1 : len;
    }
    if (blank && multi)
        return DG_SPLIT_BLANK;
    if (s->eof)
        return !blank ? DG_SPLIT_LINE : DG_SPLIT_FILE;
    return blank ? DG_SPLIT_BLANK : DG_SPLIT_LINE;
}

static size_t jsonl_cap(const dg_doc_stream *s)
{
    size_t m = s->opts.max_doc_bytes;

    /* escapes (\uXXXX) at most double a text: the decoded text is checked
     * against max_doc_bytes itself */
    return m > (SIZE_MAX - 1024) / 2 ? SIZE_MAX : m * 2 + 1024;
}

/* A document whose bytes were dropped: read again. */
static int add_spilled(dg_doc_stream *s, int kind, long long start, long long len, long line,
                       long index, dg_error *err)
{
    char *p;
    int rc = reread(s, &p, start, (size_t)len, err);

    if (rc == DG_OK)
        rc = add_desc(s, kind, start, len, line, index, err);
    if (rc < 0) {
        free(p);
        return rc;
    }
    s->batch->d[s->batch->n - 1].own = p;
    s->batch->d[s->batch->n - 1].off = 0;
    return DG_OK;
}

static int emit_doc(dg_doc_stream *s, dg_error *err)
{
    long long len = s->doc_end - s->doc_start;
    int rc;

    if (s->doc_skip || len > (long long)s->opts.max_doc_bytes)
        rc = add_desc(s, D_SKIP, s->doc_start, len, s->doc_line, s->doc_index, err);
    else if (s->doc_spill)
        rc = add_spilled(s, D_DOC, s->doc_start, len, s->doc_line, s->doc_index, err);
    else
        rc = add_desc(s, D_DOC, s->doc_start, len, s->doc_line, s->doc_index, err);
    s->in_doc = 0;
    s->doc_skip = 0;
    s->doc_spill = 0;
    return rc;
}

/* A whole line: [line_start, cur) without its '\n'. */
static int line_done(dg_doc_stream *s, long long cur, int has_nl, dg_error *err)
{
    long long max = (long long)s->opts.max_doc_bytes;

    if (s->fmt == DG_INPUT_JSONL) {
        long long len = cur - s->line_start;
        int rc;
        if (!s->nonblank)
            return DG_OK;
        if (s->line_skip || len > (long long)jsonl_cap(s))
            return add_desc(s, D_JSONL_LONG, s->line_start, len, s->line_no,
                            s->next_index++, err);
        if (s->line_spill)
            rc = add_spilled(s, D_JSONL, s->line_start, len, s->line_no, s->next_index++, err);
        else
            rc = add_desc(s, D_JSONL, s->line_start, len, s->line_no, s->next_index++, err);
        if (rc == DG_OK)
            s->batch->d[s->batch->n - 1].has_nl = has_nl;
        return rc;
    }
    if (!s->in_doc) {
        if (!s->nonblank)
            return DG_OK; /* blank lines between documents */
        s->in_doc = 1;
        s->doc_start = s->line_start;
        s->doc_line = s->line_no;
        s->doc_index = s->next_index++;
        s->doc_skip = s->line_skip;
        s->doc_spill = s->line_spill;
        s->doc_end = s->last_end;
        if (s->mode == DG_SPLIT_LINE)
            return emit_doc(s, err);
    } else {
        if (!s->nonblank)
            return emit_doc(s, err);
        s->doc_end = s->last_end;
    }
    if (s->doc_end - s->doc_start > max)
        s->doc_skip = 1;
    return DG_OK;
}

/* Past max_doc_bytes the bytes of the unfinished line or document are no
 * longer kept. Exact, but for one case: a line that ends in more than
 * max_doc_bytes spaces, tabs or '\r' makes its document an overlong one
 * even when those bytes would not count (memory stays bounded). */
static void check_partial(dg_doc_stream *s)
{
    long long cur = s->base + (long long)s->scan;
    long long max = (long long)s->opts.max_doc_bytes;

    long long spill = spill_at(s);

    if (s->fmt == DG_INPUT_JSONL) {
        if (cur - s->line_start > (long long)jsonl_cap(s))
            s->line_skip = 1;
        else if (!s->line_spill && cur - s->line_start > spill)
            s->line_spill = start_spill(s, s->line_start);
        return;
    }
    if (s->in_doc) {
        if (!s->doc_skip && ((s->nonblank && s->last_end - s->doc_start > max) ||
                             cur - s->line_start > max))
            s->doc_skip = 1;
        else if (!s->doc_spill && cur - s->doc_start > spill)
            s->doc_spill = start_spill(s, s->doc_start);
    } else if (cur - s->line_start > max) {
        s->line_skip = 1;
    } else if (!s->line_spill && cur - s->line_start > spill) {
        s->line_spill = start_spill(s, s->line_start);
    }
}

static void note_segment(dg_doc_stream *s, const char *p, size_t n)
{
    size_t i;

    if (!s->nonblank)
        for (i = 0; i < n; i++)
            if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
                s->nonblank = 1;
                break;
            }
    for (i = n; i > 0; i--)
        if (p[i - 1] != '\r') {
            s->last_end = s->base + (long long)(p + i - s->buf);
            break;
        }
}

/* Plain text and JSON Lines: the lines of the buffer not yet looked at. */
static int scan_lines(dg_doc_stream *s, dg_error *err)
{
    int rc = DG_OK;

    while (s->scan < s->len && rc == DG_OK) {
        const char *p = s->buf + s->scan;
        const char *nl = memchr(p, '\n', s->len - s->scan);
        size_t seg = nl ? (size_t)(nl - p) : s->len - s->scan;

        note_segment(s, p, seg);
        s->scan += seg;
        if (!nl)
            break;
        rc = line_done(s, s->base + (long long)s->scan, 1, err);
        s->scan++;
        s->line_start = s->base + (long long)s->scan;
        s->line_no++;
        s->nonblank = 0;
        s->line_skip = 0;
        s->line_spill = 0;
    }
    if (rc == DG_OK)
        check_partial(s);
    if (rc == DG_OK && s->eof && !s->finished) {
        s->finished = 1;
        if (s->line_start < s->base + (long long)s->len)
            rc = line_done(s, s->base + (long long)s->len, 0, err);
        if (rc == DG_OK && s->in_doc)
            rc = emit_doc(s, err);
    }
    return rc;
}

/* DG_SPLIT_FILE: the whole file after its leading line breaks. */
static int scan_file(dg_doc_stream *s, dg_error *err)
{
    int rc = DG_OK;

    while (!s->in_doc && s->scan < s->len) {
        char c = s->buf[s->scan];
        if (c != '\n' && c != '\r') {
            s->in_doc = 1;
            s->doc_start = s->base + (long long)s->scan;
            s->doc_line = s->line_no;
            s->doc_index = s->next_index++;
            break;
        }
        s->line_no += c == '\n';
        s->scan++;
        s->line_start = s->base + (long long)s->scan;
    }
    s->scan = s->len;
    if (s->in_doc && s->total - s->doc_start > (long long)s->opts.max_doc_bytes)
        s->doc_skip = 1;
    else if (s->in_doc && !s->doc_spill && s->total - s->doc_start > spill_at(s))
        s->doc_spill = start_spill(s, s->doc_start);
    if (s->eof && !s->finished) {
        s->finished = 1;
        if (s->in_doc) {
            s->doc_end = s->total;
            rc = emit_doc(s, err);
        }
    }
    return rc;
}

/* HTML: the whole page, unless it is over the cap. */
static int scan_html(dg_doc_stream *s, dg_error *err)
{
    s->scan = s->len;
    /* a regular file says its size: a page over the cap is not held */
    if (s->total > (long long)s->opts.max_doc_bytes ||
        s->size_hint > (long long)s->opts.max_doc_bytes)
        s->doc_skip = 1;
    if (s->eof && !s->finished) {
        s->finished = 1;
        if (s->doc_skip)
            return add_desc(s, D_HTML_LONG, 0, s->total, 1, 0, err);
        return add_desc(s, D_HTML, 0, s->total, 1, 0, err);
    }
    return DG_OK;
}

/* The first byte the stream still needs. */
static long long keep_from(const dg_doc_stream *s)
{
    long long cur = s->base + (long long)s->scan;

    if (s->fmt == DG_INPUT_HTML)
        return s->doc_skip ? cur : 0;
    if (s->fmt != DG_INPUT_JSONL && s->in_doc)
        return s->doc_skip || s->doc_spill ? cur : s->doc_start;
    if (s->fmt != DG_INPUT_JSONL && s->mode == DG_SPLIT_FILE)
        return cur;
    return s->line_skip || s->line_spill ? cur : s->line_start;
}

/* Moves buf[0, keep) into the batch (or drops it when the batch is empty)
 * and keeps the rest as the start of the next buffer. */
static int cut(dg_doc_stream *s, dg_error *err)
{
    size_t keep = (size_t)(keep_from(s) - s->base), tail = s->len - keep;

    if (spilling(s) && s->base + (long long)keep > s->spill_end) {
        size_t from = (size_t)(s->spill_end - s->base);
        if (fwrite(s->buf + from, 1, keep - from, s->spill) != keep - from)
            return dg_error_set(err, DG_EIO, "%s: temporary file: %s", s->name,
                                strerror(errno));
        s->spill_end = s->base + (long long)keep;
    }
    if (s->batch->n == 0) {
        memmove(s->buf, s->buf + keep, tail);
    } else {
        size_t cap = tail + chunk_size(s);
        char *p = malloc(cap);
        if (!p)
            return dg_error_set(err, DG_ENOMEM, "%s: out of memory", s->name);
        memcpy(p, s->buf + keep, tail);
        s->batch->buf = s->buf;
        s->batch->len = keep;
        s->buf = p;
        s->cap = cap;
    }
    s->base += (long long)keep;
    s->len = tail;
    s->scan -= keep;
    return DG_OK;
}

int dg_doc_stream_next(dg_doc_stream *s, dg_doc_batch **out, dg_diag *diag,
                       dg_error *err)
{
    int rc;

    *out = NULL;
    if (s->done)
        return DG_OK;
    if (!s->started) {
        rc = fill(s, err);
        s->started = 1;
        if (rc < 0)
            return rc;
        if (s->len == 0 || dg_reader_refuse(s->buf, s->len, s->name, diag)) {
            s->done = 1;
            return DG_OK;
        }
        if (s->fmt == DG_INPUT_TEXT && s->mode == DG_SPLIT_AUTO)
            s->mode = sniff_split(s);
    }
    for (;;) {
        if (s->fmt == DG_INPUT_HTML)
            rc = scan_html(s, err);
        else if (s->fmt == DG_INPUT_TEXT && s->mode == DG_SPLIT_FILE)
            rc = scan_file(s, err);
        else
            rc = scan_lines(s, err);
        if (rc == DG_OK)
            rc = cut(s, err);
        if (rc < 0)
            return rc;
        if (s->batch->n) {
            *out = s->batch;
            s->batch = NULL;
            if (s->finished)
                s->done = 1;
            return batch_new(s, err);
        }
        if (s->finished) {
            s->done = 1;
            return DG_OK;
        }
        if ((rc = fill(s, err)) < 0)
            return rc;
    }
}

int dg_doc_batch_read(const dg_doc_batch *b, dg_document_fn fn, void *ctx,
                      dg_diag *diag, dg_error *err)
{
    dg_rctx r;
    size_t i;
    int rc = 0;

    r.name = b->name;
    r.opts = &b->opts;
    r.fn = fn;
    r.ctx = ctx;
    r.diag = diag;
    r.err = err;
    for (i = 0; i < b->n && rc == 0; i++) {
        const ddesc *d = &b->d[i];
        dg_document doc;

        r.index = d->index;
        switch (d->kind) {
        case D_DOC:
            memset(&doc, 0, sizeof(doc));
            doc.text = d->own ? d->own : b->buf + d->off;
            doc.len = (size_t)d->len;
            doc.base = d->base;
            doc.line = d->line;
            doc.text_is_slice = 1;
            rc = dg_reader_deliver(&r, &doc, d->line);
            break;
        case D_SKIP:
            dg_diag_warn(diag, b->name, d->line,
                         "document %ld is %lld bytes, over --max-doc-bytes %zu: skipped; "
                         "raise --max-doc-bytes to read it",
                         d->index, d->len, b->opts.max_doc_bytes);
            break;
        case D_JSONL:
            rc = dg_reader_jsonl_line(&r, d->own ? d->own : b->buf + d->off, (size_t)d->len,
                                      d->line, d->base, d->has_nl);
            break;
        case D_JSONL_LONG:
            dg_diag_warn(diag, b->name, d->line,
                         "JSON line of %lld bytes, over twice --max-doc-bytes %zu: skipped; "
                         "raise --max-doc-bytes to read it", d->len, b->opts.max_doc_bytes);
            break;
        case D_HTML:
            rc = dg_reader_html(&r, b->buf + d->off, (size_t)d->len);
            break;
        default:
            dg_diag_warn(diag, b->name, 1,
                         "HTML file of %lld bytes, over --max-doc-bytes %zu: skipped; "
                         "raise --max-doc-bytes to read it", d->len, b->opts.max_doc_bytes);
            break;
        }
    }
    return rc;
}

static int read_all(dg_doc_stream *s, dg_document_fn fn, void *ctx, dg_diag *diag,
                    dg_error *err)
{
    int rc;

    for (;;) {
        dg_doc_batch *b;
        rc = dg_doc_stream_next(s, &b, diag, err);
        if (rc < 0 || !b)
            break;
        rc = dg_doc_batch_read(b, fn, ctx, diag, err);
        dg_doc_batch_free(b);
        if (rc != 0)
            break;
    }
    dg_doc_stream_free(s);
    return rc;
}

int dg_read_documents(const char *data, size_t len, const char *name,
                      const dg_reader_opts *opts, dg_document_fn fn,
                      void *ctx, dg_diag *diag, dg_error *err)
{
    dg_doc_stream *s;
    int rc = dg_doc_stream_open_mem(&s, data, len, name, opts, err);

    return rc < 0 ? rc : read_all(s, fn, ctx, diag, err);
}

int dg_read_documents_fd(int fd, const char *name, const dg_reader_opts *opts,
                         dg_document_fn fn, void *ctx, dg_diag *diag,
                         dg_error *err)
{
    dg_doc_stream *s;
    int rc = dg_doc_stream_open(&s, fd, name, opts, err);

    return rc < 0 ? rc : read_all(s, fn, ctx, diag, err);
}
