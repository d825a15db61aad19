#ifndef DIPLOGRAPH_TIMING_H
#define DIPLOGRAPH_TIMING_H
/* Seconds and memory per step of a long job: the library marks the end of
 * each step in a caller-owned record, the caller prints it (stats -v,
 * bench/graph_bench.sh). Never part of any output file: timings are not
 * deterministic. */

#include <stddef.h>

#define DG_TIMING_MAX_STEPS 48

typedef struct {
    const char *name;  /* a string literal (borrowed) */
    double wall;       /* seconds of the clock */
    double cpu;        /* seconds of CPU of the process (all threads) */
    long peak_rss_kb;  /* the process's peak resident set so far */
} dg_timing_step;

typedef struct {
    dg_timing_step steps[DG_TIMING_MAX_STEPS];
    size_t n;
    size_t dropped;    /* steps past DG_TIMING_MAX_STEPS, not recorded */
    double wall0, cpu0; /* start of the current step */
} dg_timing;

/* Empties t and starts the first step now. */
void dg_timing_init(dg_timing *t);
/* Ends the current step as name and starts the next. t may be NULL (a
 * no-op, so callers pass their opts' pointer through unchecked). */
void dg_timing_mark(dg_timing *t, const char *name);
/* Restarts the current step's clock without recording (time spent in
 * code the caller does not want counted). t may be NULL. */
void dg_timing_restart(dg_timing *t);

#endif
