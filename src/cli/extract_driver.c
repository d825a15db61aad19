/* Parallel extraction with ordered output. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/extract_driver.h"

/* How many files may wait, finished, ahead of the one being written: bounds
 * the memory -j N adds. */
#define DG_MAX_AHEAD_PER_JOB 4

typedef struct {
    dg_meeting_list list;
    dg_error err;
    int rc;
    int done;
    size_t bytes;
    /* diagnostics are queued per file and printed in order */
    char *warnings;
    size_t warn_len;
    size_t warn_count;
} file_result;

typedef struct {
    const char *cmd;
    const dg_inputs *in;
    const dg_extract_opts *opts;
    file_result *res;
    size_t next;         /* next file to take */
    size_t written;      /* files handed to the sink */
    size_t ahead;
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} shared;

static int collect_meeting(void *ctx, dg_meeting *m)
{
    file_result *r = ctx;

    if (dg_meeting_list_push(&r->list, m) < 0) {
        dg_meeting_destroy(m);
        return 1;
    }
    return 0;
}

static void queue_warning(void *ctx, const char *file, long line, const char *msg)
{
    file_result *r = ctx;
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

static void process(shared *s, size_t i)
{
    file_result *r = &s->res[i];
    dg_diag d = { queue_warning, r, 0 };
    dg_buf b = DG_BUF_INIT;
    const char *path = s->in->paths[i];

    r->err.code = DG_OK;
    r->err.msg[0] = '\0';
    r->rc = dg_buf_read_file(&b, path, SIZE_MAX - 1, &r->err);
    if (r->rc == DG_OK) {
        r->bytes = b.len;
        r->rc = dg_extract_buffer(dg_buf_cstr(&b), b.len,
                                  strcmp(path, "-") == 0 ? "<stdin>" : path, s->opts,
                                  collect_meeting, r, &d, &r->err);
    }
    r->warn_count = d.count;
    dg_buf_destroy(&b);
}

static void *worker(void *arg)
{
    shared *s = arg;

    for (;;) {
        size_t i;
        pthread_mutex_lock(&s->mu);
        while (!s->stop && s->next < s->in->n && s->ahead >= DG_MAX_AHEAD_PER_JOB * 4)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->stop || s->next >= s->in->n) {
            pthread_mutex_unlock(&s->mu);
            return NULL;
        }
        i = s->next++;
        s->ahead++;
        pthread_mutex_unlock(&s->mu);
        process(s, i);
        pthread_mutex_lock(&s->mu);
        s->res[i].done = 1;
        pthread_cond_broadcast(&s->cv);
        pthread_mutex_unlock(&s->mu);
    }
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
    s.res = calloc(in->n + 1, sizeof(file_result));
    if (!s.res) {
        dg_cli_error(cmd, "out of memory");
        return 1;
    }
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    if (jobs < 1)
        jobs = 1;
    if (jobs > 64)
        jobs = 64;
    if (jobs > 1) {
        for (t = 0; t < jobs; t++)
            if (pthread_create(&th[nth], NULL, worker, &s) == 0)
                nth++;
    }
    for (i = 0; i < in->n; i++) {
        file_result *r = &s.res[i];
        if (nth == 0) {
            process(&s, i);
        } else {
            pthread_mutex_lock(&s.mu);
            while (!r->done)
                pthread_cond_wait(&s.cv, &s.mu);
            pthread_mutex_unlock(&s.mu);
        }
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
        }
        tot->files++;
        tot->bytes += r->bytes;
        if (r->rc < 0) {
            tot->failed_files++;
            if (r->err.code == DG_ENOMEM && strstr(r->err.msg, "out of memory")) {
                dg_cli_error(cmd, "%s: %s", in->paths[i], r->err.msg);
                status = 1;
            } else {
                dg_diag_warn(diag, NULL, 0, "%s", r->err.msg);
            }
        }
        tot->meetings += r->list.len;
        if (status == 0 && sink(ctx, in->paths[i], &r->list) != 0)
            status = 1;
        dg_meeting_list_destroy(&r->list);
        pthread_mutex_lock(&s.mu);
        if (nth > 0)
            s.ahead--;
        if (status)
            s.stop = 1;
        pthread_cond_broadcast(&s.cv);
        pthread_mutex_unlock(&s.mu);
        if (status)
            break;
    }
    for (t = 0; t < nth; t++)
        pthread_join(th[t], NULL);
    for (i = 0; i < in->n; i++) {
        dg_meeting_list_destroy(&s.res[i].list);
        free(s.res[i].warnings);
    }
    free(s.res);
    pthread_mutex_destroy(&s.mu);
    pthread_cond_destroy(&s.cv);
    return status;
}
