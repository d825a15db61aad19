/* Benchmark: the gazetteer matcher alone. Loads the bundled gazetteer (or
 * DIPLOGRAPH_DATA), prepares it as extraction does, then folds and scans
 * each file given, printing the time to prepare the gazetteer (the
 * matchers' build; Hyperscan's compile is most of it) and MB/s for
 * folding and for the one-pass scan. Built as bench_matcher. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diplograph/diplograph.h"
#include "diplograph/normalize.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count(void *ctx, const dg_gaz_match *m)
{
    (void)m;
    (*(size_t *)ctx)++;
    return 0;
}

int main(int argc, char **argv)
{
    const char *env = getenv("DIPLOGRAPH_DATA");
    char dir[4096];
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    dg_folded fd = DG_FOLDED_INIT;
    double t_fold = 0, t_scan = 0, t_prep, t0;
    size_t bytes = 0, matches = 0;
    int i;

    snprintf(dir, sizeof(dir), "%s/gazetteer", env && *env ? env : DG_SOURCE_DIR "/data");
    /* loading and building the matchers: what every process pays first */
    t0 = now();
    if (!g || dg_gazetteer_load_dir(g, dir, &err) < 0 || dg_extract_prepare(g, &err) < 0) {
        fprintf(stderr, "bench_matcher: %s\n", err.msg);
        return 1;
    }
    t_prep = now() - t0;
    for (i = 1; i < argc; i++) {
        dg_buf b = DG_BUF_INIT;
        if (dg_buf_read_file(&b, argv[i], (size_t)1 << 32, &err) < 0) {
            fprintf(stderr, "bench_matcher: %s\n", err.msg);
            return 1;
        }
        t0 = now();
        dg_fold_text(dg_gazetteer_fold(g), &fd, dg_buf_cstr(&b), b.len);
        t_fold += now() - t0;
        t0 = now();
        dg_gazetteer_scan(g, fd.text.ptr, fd.text.len, count, &matches);
        t_scan += now() - t0;
        bytes += b.len;
        dg_buf_destroy(&b);
    }
    printf("files %d  bytes %zu  matches %zu\n", argc - 1, bytes, matches);
    printf("prepare %.3f s\n", t_prep);
    printf("fold  %.3f s  %.1f MB/s\n", t_fold, (double)bytes / 1e6 / (t_fold > 0 ? t_fold : 1e-9));
    printf("scan  %.3f s  %.1f MB/s\n", t_scan, (double)bytes / 1e6 / (t_scan > 0 ? t_scan : 1e-9));
    dg_folded_destroy(&fd);
    dg_gazetteer_free(g);
    return 0;
}
