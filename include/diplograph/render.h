#ifndef DIPLOGRAPH_RENDER_H
#define DIPLOGRAPH_RENDER_H
/* Diagrams with Graphviz (cgraph/gvc) and the HTML report. The caller
 * owns the GVC_t context (created once in main()). */

#include "buf.h"
#include "error.h"
#include "graph.h"
#include "meeting.h"

typedef struct {
    const char *engine;  /* "sfdp", "neato", ...; NULL picks by size */
    const char *format;  /* "svg", "png", "pdf" */
    long top;            /* keep the N most central nodes; 0 = all */
    const char *focus;   /* node id or name for an ego network, or NULL */
    int depth;           /* ego network radius (1) */
    const char *size_by; /* "pagerank", "degree", "betweenness", ... */
    const char *color_by;/* "community", "region", "type" */
    const char *lang;    /* labels: "en", "zh", "both" */
} dg_render_opts;

#define DG_RENDER_OPTS_INIT { NULL, "svg", 0, NULL, 1, "pagerank", "community", "both" }

/* Lays out and renders g into out (bytes of the chosen format). gvc is a
 * GVC_t* (void* to keep Graphviz headers out of ours). */
int dg_render(dg_buf *out, void *gvc, const dg_graph *g,
              const dg_render_opts *opts, dg_error *err);

/* A self-contained report.html: the SVG diagram inline, top tables,
 * a per-month timeline and the events with evidence and sources. */
int dg_report_html(dg_buf *out, const dg_graph *g,
                   const dg_meeting_list *events, const char *svg,
                   size_t svg_len, dg_error *err);

#endif
