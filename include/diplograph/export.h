#ifndef DIPLOGRAPH_EXPORT_H
#define DIPLOGRAPH_EXPORT_H
/* Graph writers. Each appends the whole document to out; deterministic
 * bytes (fixed float format "%.6g" unless stated, sorted ids). */

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

int dg_format_parse(dg_format *out, const char *name);

int dg_export_graphml(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export_gexf(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export_json(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export_csv_nodes(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export_csv_edges(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export_dot(dg_buf *out, const dg_graph *g, dg_error *err);
int dg_export(dg_buf *out, const dg_graph *g, dg_format fmt, dg_error *err);

#endif
