/* Helpers shared by the commands: messages, gazetteer, meeting files. */
#include <igraph.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

void dg_cli_init(void)
{
    /* igraph's default handler aborts; we check every return code */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void dg_cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;

    /* what failed after a ^C failed because of it: main() says so once */
    if (dg_cli_interrupted())
        return;
    fprintf(stderr, "diplograph %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void print_diag(void *ctx, const char *file, long line, const char *msg)
{
    const char *cmd = ctx;

    if (file && line > 0)
        fprintf(stderr, "diplograph %s: %s:%ld: %s\n", cmd, file, line, msg);
    else if (file)
        fprintf(stderr, "diplograph %s: %s: %s\n", cmd, file, msg);
    else
        fprintf(stderr, "diplograph %s: %s\n", cmd, msg);
}

void dg_cli_diag_init(dg_diag *d, const char *cmd)
{
    d->fn = print_diag;
    d->ctx = (void *)(uintptr_t)cmd;
    d->count = 0;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

dg_gazetteer *dg_cli_load_gazetteer(const char *cmd, char **extra, int n_extra,
                                    dg_diag *diag)
{
    const char *env = getenv("DIPLOGRAPH_DATA");
    char dir[4096];
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    int i;

    if (!g) {
        dg_cli_error(cmd, "out of memory");
        return NULL;
    }
    if (env && *env)
        snprintf(dir, sizeof(dir), "%s/gazetteer", env);
    else if (is_dir(DG_SOURCE_DATA_DIR "/gazetteer"))
        snprintf(dir, sizeof(dir), "%s", DG_SOURCE_DATA_DIR "/gazetteer");
    else
        snprintf(dir, sizeof(dir), "%s", DG_DATA_DIR "/gazetteer");
    if (dg_gazetteer_load_dir(g, dir, &err) < 0)
        goto fail;
    for (i = 0; i < n_extra; i++)
        if (dg_gazetteer_load_file(g, extra[i], &err) < 0)
            goto fail;
    if (dg_extract_prepare(g, &err) < 0)
        goto fail;
    if (n_extra > 0 && diag)
        dg_gazetteer_check(g, diag);
    return g;
fail:
    /* a gazetteer is configuration: no extraction with half of it */
    dg_cli_error(cmd, "%s: nothing done; fix the gazetteer file", err.msg);
    dg_gazetteer_free(g);
    return NULL;
}

int dg_cli_strict_fails(const char *cmd, const dg_diag *diag, int strict)
{
    if (!strict || diag->count == 0)
        return 0;
    dg_cli_error(cmd, "--strict: %zu warning%s: nothing written", diag->count,
                 diag->count == 1 ? "" : "s");
    return 1;
}

int dg_cli_read_meetings(const char *cmd, dg_meeting_list *out, char **paths,
                         int n, dg_diag *diag)
{
    dg_error err = DG_ERROR_INIT;
    int i;

    for (i = 0; i < n; i++) {
        if (dg_meeting_read_file(out, paths[i], diag, &err) < 0) {
            dg_cli_error(cmd, "%s", err.msg);
            return 1;
        }
    }
    return 0;
}

int dg_cli_write(const char *cmd, const char *path, const dg_buf *buf)
{
    dg_error err = DG_ERROR_INIT;

    if (dg_cli_interrupted())
        return 1;
    if (dg_write_file_atomic(path, dg_buf_cstr(buf), buf->len, &err) < 0) {
        dg_cli_error(cmd, "%s", err.msg);
        return 1;
    }
    return 0;
}

void dg_cli_print_timing(const char *cmd, const dg_timing *t)
{
    double wall = 0, cpu = 0;
    long peak = 0;
    size_t i;

    for (i = 0; i < t->n; i++) {
        const dg_timing_step *s = &t->steps[i];
        fprintf(stderr, "diplograph %s: step %-44s %8.2f s %8.2f s CPU %7.0f MB\n", cmd,
                s->name, s->wall, s->cpu, (double)s->peak_rss_kb / 1024.0);
        wall += s->wall;
        cpu += s->cpu;
        if (s->peak_rss_kb > peak)
            peak = s->peak_rss_kb;
    }
    fprintf(stderr, "diplograph %s: step %-44s %8.2f s %8.2f s CPU %7.0f MB\n", cmd, "total",
            wall, cpu, (double)peak / 1024.0);
}
