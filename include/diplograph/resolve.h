#ifndef DIPLOGRAPH_RESOLVE_H
#define DIPLOGRAPH_RESOLVE_H
/* Entity resolution and dedup: mentions of one meeting become one event. */

#include "error.h"
#include "gazetteer.h"
#include "meeting.h"
#include "timing.h"

typedef struct {
    const dg_gazetteer *gaz;  /* may be NULL: ids are taken as they are */
    int max_day_gap;          /* mentions within this many days merge (1) */
    dg_timing *timing;        /* NULL, or receives each step's seconds */
} dg_resolve_opts;

#define DG_RESOLVE_OPTS_INIT { NULL, 1, NULL }

/* Merges the mentions in `mentions` (records with one source each, or
 * events from shards: their sources are pooled) into events appended to
 * out, sorted by dg_meeting_cmp. Order-independent: any permutation or
 * split of the input gives the same bytes out. */
int dg_resolve_events(dg_meeting_list *out, const dg_meeting_list *mentions,
                      const dg_resolve_opts *opts, dg_error *err);

#endif
