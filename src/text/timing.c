/* Step timings: clock_gettime for wall and process CPU, getrusage for the
 * peak resident set. */
#include <sys/resource.h>
#include <time.h>

#include "diplograph/timing.h"
#include "common.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;

    if (clock_gettime(id, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void dg_timing_init(dg_timing *t)
{
    memset(t, 0, sizeof(*t));
    dg_timing_restart(t);
}

void dg_timing_restart(dg_timing *t)
{
    if (!t)
        return;
    t->wall0 = clock_s(CLOCK_MONOTONIC);
    t->cpu0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

void dg_timing_mark(dg_timing *t, const char *name)
{
    double wall, cpu;
    struct rusage ru;

    if (!t)
        return;
    wall = clock_s(CLOCK_MONOTONIC);
    cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    if (t->n < DG_TIMING_MAX_STEPS) {
        dg_timing_step *s = &t->steps[t->n++];
        s->name = name;
        s->wall = wall - t->wall0;
        s->cpu = cpu - t->cpu0;
        s->peak_rss_kb = getrusage(RUSAGE_SELF, &ru) == 0 ? (long)ru.ru_maxrss : 0;
    } else {
        t->dropped++;
    }
    t->wall0 = wall;
    t->cpu0 = cpu;
}
