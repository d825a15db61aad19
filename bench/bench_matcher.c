/* Benchmark: the gazetteer matcher. Loads the bundled gazetteer (or
 * DIPLOGRAPH_DATA), prepares it as extraction does, folds each file given
 * and concatenates the folded text, then times, best of ROUNDS:
 *   matcher   the one-pass leftmost-longest scan alone, taking the longest
 *             pattern at each start (no gazetteer work on the hits);
 *   scan      dg_gazetteer_scan: the same pass with the gazetteer's choice
 *             (whole Latin words, forms that refer to something) and its
 *             callback, what extraction runs.
 * MB/s are 10^6 input bytes (before folding) per second of CPU time of
 * this process (CLOCK_PROCESS_CPUTIME_ID, so other jobs on a shared
 * machine do not count) and per second of wall time. Built as
 * bench_matcher. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diplograph/diplograph.h"
#include "diplograph/normalize.h"
#include "gazetteer/gazetteer_int.h"

#define ROUNDS 3

typedef struct {
    double cpu, wall;
} stamp;

static stamp now(void)
{
    struct timespec c, w;
    stamp s;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    clock_gettime(CLOCK_MONOTONIC, &w);
    s.cpu = (double)c.tv_sec + (double)c.tv_nsec / 1e9;
    s.wall = (double)w.tv_sec + (double)w.tv_nsec / 1e9;
    return s;
}

static int count(void *ctx, const dg_gaz_match *m)
{
    (void)m;
    (*(size_t *)ctx)++;
    return 0;
}

static long take_longest(void *ctx, size_t start, const uint32_t *ids, const size_t *ends,
                         size_t n)
{
    (void)start;
    (void)ids;
    (void)ends;
    (*(size_t *)ctx)++;
    return (long)n - 1;
}

static void report(const char *what, size_t bytes, stamp best, size_t found)
{
    printf("%-8s %7.3f s cpu %8.1f MB/s cpu %8.1f MB/s wall %10zu matches\n", what, best.cpu,
           (double)bytes / 1e6 / (best.cpu > 0 ? best.cpu : 1e-9),
           (double)bytes / 1e6 / (best.wall > 0 ? best.wall : 1e-9), found);
}

int main(int argc, char **argv)
{
    const char *env = getenv("DIPLOGRAPH_DATA");
    char dir[4096];
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    dg_folded fd = DG_FOLDED_INIT;
    dg_buf text = DG_BUF_INIT;
    stamp t0, t1, fold = { 0, 0 }, best_m = { 1e9, 1e9 }, best_s = { 1e9, 1e9 };
    size_t bytes = 0, found_m = 0, found_s = 0;
    int i, r;

    if (argc < 2) {
        fprintf(stderr, "usage: bench_matcher FILE...\n");
        return 2;
    }
    snprintf(dir, sizeof(dir), "%s/gazetteer", env && *env ? env : DG_SOURCE_DIR "/data");
    /* loading and building the matchers: what every process pays first */
    t0 = now();
    if (!g || dg_gazetteer_load_dir(g, dir, &err) < 0 || dg_extract_prepare(g, &err) < 0) {
        fprintf(stderr, "bench_matcher: %s\n", err.msg);
        return 1;
    }
    t1 = now();
    printf("prepare  %7.3f s cpu (loading the gazetteer, building the matchers)\n",
           t1.cpu - t0.cpu);
    for (i = 1; i < argc; i++) {
        dg_buf b = DG_BUF_INIT;
        if (dg_buf_read_file(&b, argv[i], (size_t)1 << 32, &err) < 0) {
            fprintf(stderr, "bench_matcher: %s\n", err.msg);
            return 1;
        }
        t0 = now();
        dg_fold_text(dg_gazetteer_fold(g), &fd, dg_buf_cstr(&b), b.len);
        t1 = now();
        fold.cpu += t1.cpu - t0.cpu;
        fold.wall += t1.wall - t0.wall;
        if (dg_buf_add(&text, fd.text.ptr, fd.text.len) < 0) {
            fprintf(stderr, "bench_matcher: out of memory\n");
            return 1;
        }
        bytes += b.len;
        dg_buf_destroy(&b);
    }
    printf("input    %zu bytes in %d files, %zu bytes folded\n", bytes, argc - 1, text.len);
    report("fold", bytes, fold, 0);
    for (r = 0; r < ROUNDS; r++) {
        found_m = found_s = 0;
        t0 = now();
        dg_matcher_scan_longest(dg_gazetteer_matcher(g), text.ptr, text.len,
                                DG_MATCHER_WORD_STARTS, take_longest, &found_m);
        t1 = now();
        if (t1.cpu - t0.cpu < best_m.cpu) {
            best_m.cpu = t1.cpu - t0.cpu;
            best_m.wall = t1.wall - t0.wall;
        }
        t0 = now();
        dg_gazetteer_scan(g, text.ptr, text.len, count, &found_s);
        t1 = now();
        if (t1.cpu - t0.cpu < best_s.cpu) {
            best_s.cpu = t1.cpu - t0.cpu;
            best_s.wall = t1.wall - t0.wall;
        }
    }
    report("matcher", bytes, best_m, found_m);
    report("scan", bytes, best_s, found_s);
    dg_buf_destroy(&text);
    dg_folded_destroy(&fd);
    dg_gazetteer_free(g);
    return 0;
}
