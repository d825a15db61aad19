#ifndef DIPLOGRAPH_EXPORT_H
#define DIPLOGRAPH_EXPORT_H
/* Graph writers. Each appends the whole document to out; deterministic
 * bytes: numbers printed with "%.9g" (NaN as "NaN", null in JSON), nodes
 * and edges in array order. Attributes are the same in every format:
 * node label, name, name_zh, type, country, title, title_zh, first_date,
 * last_date, meetings, degree, strength, betweenness, closeness, harmonic,
 * eigenvector, pagerank, hub, authority, community, leiden, component;
 * edge type, weight, meetings, sources, count_<kind> per kind, first_date,
 * last_date. An absent value (NULL string) is left out. Errors: DG_EINVAL
 * for an edge naming a node out of range or a node without id, DG_ENOMEM
 * (also past out->max). On error out is left as it was. */

#include "buf.h"
#include "error.h"
#include "graph.h"

typedef enum {
    DG_FORMAT_GRAPHML = 0,
    DG_FORMAT_GEXF,
    DG_FORMAT_JSON,
    DG_FORMAT_CSV_NODES,
    DG_FORMAT_CSV_EDGES,
    DG_FORMAT_DOT
} dg_format;

/* "graphml", "gexf", "json", "csv" (= csv-nodes), "csv-nodes",
 * "csv-edges", "dot" (or "gv"); DG_EINVAL for anything else. */
int dg_format_parse(dg_format *out, const char *name);

/* GraphML: typed <key>s (ids v_*, e_*, g_*), edgedefault directed on the
 * visits layer; control characters XML forbids become U+FFFD. */

int dg_export_graphml(dg_buf *out, const dg_graph *g, dg_error *err);
/* GEXF 1.3, mode="dynamic" timeformat="date": edge spells per distinct
 * date (a YYYY-MM date spans its month), node spells first to last date,
 * viz colour by community, size by PageRank, a circle layout. */
int dg_export_gexf(dg_buf *out, const dg_graph *g, dg_error *err);
/* networkx node-link JSON; links carry "dates" too. */
int dg_export_json(dg_buf *out, const dg_graph *g, dg_error *err);
/* Gephi spreadsheet CSV (RFC 4180, CRLF): Id,Label,Type,…,Time Interval
 * and Source,Target,Type,Weight,Kind,…,Time Interval. */
int dg_export_csv_nodes(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export_csv_edges(dg_buf *out, const dg_graph *g, dg_error *err);
/* DOT through cgraph's agwrite (Graphviz does the quoting). */
int dg_export_dot(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export(dg_buf *out, const dg_graph *g, dg_format fmt, dg_error *err);

#endif
