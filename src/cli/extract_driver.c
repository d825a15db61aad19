/* Parallel extraction with ordered output, in bounded memory.
 *
 * Files are read one after another in chunks (dg_doc_stream); each chunk's
 * whole documents make a batch, numbered in reading order. Workers take
 * turns reading the next batch (under the lock: reading is cheap next to
 * extracting) and extract it outside the lock; the calling thread hands
 * the batches' meetings and warnings to the sink strictly by number. A
 * ring of DG_MAX_AHEAD_PER_JOB slots per job bounds what is in flight, so
 * memory depends on -j and the chunk size, not on the size or number of
 * the files, and one large file keeps every job busy. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/extract_driver.h"

/* Batches that may wait, extracted, ahead of the one being written, per
 * job: enough to keep the jobs busy while one batch is slow. */
#define DG_MAX_AHEAD_PER_JOB 4

typedef struct {
    size_t file;           /* index in the inputs */
    dg_doc_batch *batch;
    dg_meeting_list list;
    dg_error err;
    int rc;
    int done;
    int last;              /* the file's last slot */
    long long bytes;       /* the file's size, on its last slot */
    /* diagnostics are queued per slot and printed in order */
    char *warnings;
    size_t warn_len;
} slot;

typedef struct {
    const char *cmd;
    const dg_inputs *in;
    const dg_extract_opts *opts;
    dg_reader_opts ro;
    slot *ring;
    size_t nring;
    size_t produced;       /* slots filled (read) */
    size_t written;        /* slots handed to the sink */
    size_t next_file;
    dg_doc_stream *stream; /* the file being read */
    int fd;
    size_t cur_file;
    int all_read;
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} shared;

static int collect_meeting(void *ctx, dg_meeting *m)
{
    slot *r = ctx;

    if (dg_meeting_list_push(&r->list, m) < 0) {
        dg_meeting_destroy(m);
        return 1;
    }
    return 0;
}

static void queue_warning(void *ctx, const char *file, long line, const char *msg)
{
    slot *r = ctx;
    char buf[1024];
    int n;
    char *p;

    if (file && line > 0)
        n = snprintf(buf, sizeof(buf), "%s:%ld: %s\n", file, line, msg);
    else
        n = snprintf(buf, sizeof(buf), "%s: %s\n", file ? file : "", msg);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof(buf))
        n = (int)sizeof(buf) - 1;
    p = realloc(r->warnings, r->warn_len + (size_t)n + 1);
    if (!p)
        return;
    r->warnings = p;
    memcpy(r->warnings + r->warn_len, buf, (size_t)n + 1);
    r->warn_len += (size_t)n;
}

static void close_stream(shared *s)
{
    dg_doc_stream_free(s->stream);
    s->stream = NULL;
    if (s->fd > STDIN_FILENO)
        close(s->fd);
    s->fd = -1;
}

static void slot_clear(slot *r)
{
    dg_doc_batch_free(r->batch);
    dg_meeting_list_destroy(&r->list);
    free(r->warnings);
    memset(r, 0, sizeof(*r));
}

/* Reads the next batch into r (the caller holds the lock): 0 when every
 * file has been read, else 1 (r has a batch, or ends a file, or holds the
 * error that ended it). */
static int produce(shared *s, slot *r)
{
    dg_diag d = { queue_warning, r, 0 };
    int rc;

    slot_clear(r);
    if (!s->stream) {
        const char *path;
        int is_stdin;
        if (s->next_file >= s->in->n)
            return 0;
        s->cur_file = s->next_file++;
        path = s->in->paths[s->cur_file];
        is_stdin = strcmp(path, "-") == 0;
        r->file = s->cur_file;
        s->fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
        if (s->fd < 0) {
            int e = errno;
            r->rc = dg_error_set(&r->err, DG_EIO, "%s: cannot open: %s: skipped%s", path,
                                 strerror(e), e == EACCES ? "; check its permissions" : "");
            r->last = 1;
            return 1;
        }
        rc = dg_doc_stream_open(&s->stream, s->fd, is_stdin ? "<stdin>" : path, &s->ro,
                                &r->err);
        if (rc < 0) {
            r->rc = rc;
            r->last = 1;
            close_stream(s);
            return 1;
        }
    }
    r->file = s->cur_file;
    rc = dg_doc_stream_next(s->stream, &r->batch, &d, &r->err);
    if (rc < 0 || dg_doc_stream_eof(s->stream)) {
        r->rc = rc;
        r->last = 1;
        r->bytes = dg_doc_stream_bytes(s->stream);
        close_stream(s);
    }
    return 1;
}

static void process(shared *s, slot *r)
{
    dg_diag d = { queue_warning, r, 0 };

    if (r->batch && r->rc == DG_OK)
        r->rc = dg_extract_batch(r->batch, s->opts, collect_meeting, r, &d, &r->err);
    dg_doc_batch_free(r->batch);
    r->batch = NULL;
}

static void *worker(void *arg)
{
    shared *s = arg;

    pthread_mutex_lock(&s->mu);
    for (;;) {
        slot *r;
        while (!s->stop && !s->all_read && s->produced - s->written >= s->nring)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->stop || s->all_read)
            break;
        if (dg_cli_interrupted()) {
            /* read no more: the writer stops after what is in flight */
            s->all_read = 1;
            pthread_cond_broadcast(&s->cv);
            break;
        }
        r = &s->ring[s->produced % s->nring];
        if (!produce(s, r)) {
            s->all_read = 1;
            pthread_cond_broadcast(&s->cv);
            break;
        }
        s->produced++;
        pthread_mutex_unlock(&s->mu);
        process(s, r);
        pthread_mutex_lock(&s->mu);
        r->done = 1;
        pthread_cond_broadcast(&s->cv);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* Prints the slot's warnings, counts it and hands its meetings on: 0, or
 * 1 when the run must stop. */
static int emit(shared *s, slot *r, dg_diag *diag, dg_file_sink sink, void *ctx,
                dg_extract_totals *tot)
{
    const char *path = s->in->paths[r->file];
    int status = 0;

    if (r->warnings) {
        /* the driver's own warnings, printed in input order */
        char *line = r->warnings, *nl;
        while ((nl = strchr(line, '\n')) != NULL) {
            *nl = '\0';
            dg_diag_warn(diag, NULL, 0, "%s", line);
            line = nl + 1;
        }
        free(r->warnings);
        r->warnings = NULL;
        r->warn_len = 0;
    }
    if (r->last) {
        tot->files++;
        tot->bytes += (size_t)r->bytes;
    }
    if (r->rc < 0) {
        tot->failed_files++;
        if (r->err.code == DG_ENOMEM && strstr(r->err.msg, "out of memory")) {
            dg_cli_error(s->cmd, "%s: %s", path, r->err.msg);
            status = 1;
        } else {
            dg_diag_warn(diag, NULL, 0, "%s", r->err.msg);
        }
    }
    tot->meetings += r->list.len;
    if (status == 0 && r->list.len && sink(ctx, path, &r->list) != 0)
        status = 1;
    dg_meeting_list_destroy(&r->list);
    return status;
}

int dg_cli_extract_files(const char *cmd, const dg_inputs *in,
                         const dg_extract_opts *opts, int jobs, dg_diag *diag,
                         dg_file_sink sink, void *ctx, dg_extract_totals *tot)
{
    shared s;
    pthread_t th[64];
    int nth = 0, t, status = 0;
    size_t i;

    memset(&s, 0, sizeof(s));
    memset(tot, 0, sizeof(*tot));
    s.cmd = cmd;
    s.in = in;
    s.opts = opts;
    s.fd = -1;
    dg_extract_reader_opts(&s.ro, opts);
    if (jobs < 1)
        jobs = 1;
    if (jobs > 64)
        jobs = 64;
    s.nring = jobs > 1 ? (size_t)jobs * DG_MAX_AHEAD_PER_JOB : 1;
    s.ring = calloc(s.nring, sizeof(slot));
    if (!s.ring) {
        dg_cli_error(cmd, "out of memory");
        return 1;
    }
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    if (jobs > 1) {
        for (t = 0; t < jobs; t++)
            if (pthread_create(&th[nth], NULL, worker, &s) == 0)
                nth++;
    }
    if (nth == 0) {
        /* one job: read, extract and write each batch in turn */
        s.nring = 1;
        while (status == 0 && !dg_cli_interrupted() && produce(&s, &s.ring[0])) {
            process(&s, &s.ring[0]);
            status = emit(&s, &s.ring[0], diag, sink, ctx, tot);
        }
    } else {
        for (;;) {
            slot *r;
            pthread_mutex_lock(&s.mu);
            while (!(s.written < s.produced && s.ring[s.written % s.nring].done) &&
                   !(s.all_read && s.written == s.produced))
                pthread_cond_wait(&s.cv, &s.mu);
            if (s.written == s.produced) {
                pthread_mutex_unlock(&s.mu);
                break;
            }
            r = &s.ring[s.written % s.nring];
            pthread_mutex_unlock(&s.mu);
            status = emit(&s, r, diag, sink, ctx, tot);
            if (dg_cli_interrupted())
                status = 1;
            pthread_mutex_lock(&s.mu);
            s.written++;
            if (status)
                s.stop = 1;
            pthread_cond_broadcast(&s.cv);
            pthread_mutex_unlock(&s.mu);
            if (status)
                break;
        }
        for (t = 0; t < nth; t++)
            pthread_join(th[t], NULL);
    }
    if (dg_cli_interrupted())
        status = 1;
    close_stream(&s);
    for (i = 0; i < s.nring; i++)
        slot_clear(&s.ring[i]);
    free(s.ring);
    pthread_mutex_destroy(&s.mu);
    pthread_cond_destroy(&s.cv);
    return status;
}
