#ifndef DIPLOGRAPH_STATS_H
#define DIPLOGRAPH_STATS_H
/* Interaction statistics and their tables (stats.json, stats.md). */

#include "buf.h"
#include "error.h"
#include "graph.h"
#include "meeting.h"

typedef struct {
    int top;  /* rows per table (20) */
} dg_stats_opts;

#define DG_STATS_OPTS_INIT { 20 }

/* stats.json: graph-level figures, per-node centralities (top rows) and
 * interaction statistics from the events. Deterministic bytes. */
int dg_stats_write_json(dg_buf *out, const dg_graph *g,
                        const dg_meeting_list *events,
                        const dg_stats_opts *opts, dg_error *err);
/* stats.md: the same as Markdown tables. */
int dg_stats_write_md(dg_buf *out, const dg_graph *g,
                      const dg_meeting_list *events,
                      const dg_stats_opts *opts, dg_error *err);
/* Per-node table as CSV (all nodes). */
int dg_stats_write_csv(dg_buf *out, const dg_graph *g, dg_error *err);

#endif
