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

/* Checks the option values (format, engine, size_by, color_by, lang,
 * top, depth) without drawing: DG_EINVAL naming the bad value. */
int dg_render_check_opts(const dg_render_opts *opts, dg_error *err);

/* Lays out and renders g into out (bytes of the chosen format). gvc is a
 * GVC_t* (void* to keep Graphviz headers out of ours), created by the
 * caller with gvContext(). Engine NULL: neato up to 150 drawn nodes,
 * sfdp above (with labels only on the 50-120 most central nodes).
 * Errors: DG_EINVAL for a bad option, a malformed graph or a focus that
 * matches no node ("no node matches 'X'"); DG_EGRAPH when Graphviz fails
 * to lay out or render; DG_ENOMEM. Graphviz itself may print warnings on
 * stderr. out is appended to only on success. */
int dg_render(dg_buf *out, void *gvc, const dg_graph *g,
              const dg_render_opts *opts, dg_error *err);

/* A self-contained report.html: the SVG diagram inline (svg may be NULL),
 * top tables, interaction statistics from the events (may be NULL), a
 * per-month timeline and the events (the first 5,000) with evidence and
 * sources. No scripts; every text escaped. DG_ENOMEM leaves out as it
 * was. */
int dg_report_html(dg_buf *out, const dg_graph *g,
                   const dg_meeting_list *events, const char *svg,
                   size_t svg_len, dg_error *err);

#endif
