/* PLACEHOLDER for the export branch only: minimal stand-ins for the graph
 * module so this branch links. The lead deletes this file when the graph
 * branch (build.c, analyze.c) is merged. */
#include "diplograph/graph.h"
#include "diplograph/resolve.h"
#include "common.h"

static const char *const layer_names[] = { "full", "people", "countries", "visits" };
static const char *const node_type_names[] = { "person", "country", "organisation" };
static const char *const edge_type_names[] = { "meeting", "represents", "visit" };

const char *dg_layer_name(dg_layer layer)
{
    return (unsigned)layer < DG_ARRAY_LEN(layer_names) ? layer_names[layer] : "full";
}

int dg_layer_parse(dg_layer *out, const char *name)
{
    size_t i;

    for (i = 0; i < DG_ARRAY_LEN(layer_names); i++)
        if (strcmp(name, layer_names[i]) == 0) {
            *out = (dg_layer)i;
            return DG_OK;
        }
    return DG_EINVAL;
}

const char *dg_node_type_name(dg_node_type t)
{
    return (unsigned)t < DG_ARRAY_LEN(node_type_names) ? node_type_names[t] : "person";
}

const char *dg_edge_type_name(dg_edge_type t)
{
    return (unsigned)t < DG_ARRAY_LEN(edge_type_names) ? edge_type_names[t] : "meeting";
}

void dg_graph_init(dg_graph *g)
{
    memset(g, 0, sizeof(*g));
}

void dg_graph_destroy(dg_graph *g)
{
    (void)g;
}

int dg_resolve_events(dg_meeting_list *out, const dg_meeting_list *mentions,
                      const dg_resolve_opts *opts, dg_error *err)
{
    (void)out;
    (void)mentions;
    (void)opts;
    return dg_error_set(err, DG_EINVAL, "event resolution not built in this branch");
}

int dg_graph_build(dg_graph *g, const dg_meeting_list *events,
                   const dg_graph_opts *opts, dg_error *err)
{
    (void)g;
    (void)events;
    (void)opts;
    return dg_error_set(err, DG_EINVAL, "graph construction not built in this branch");
}

int dg_graph_analyze(dg_graph *g, const dg_analyze_opts *opts, dg_error *err)
{
    (void)g;
    (void)opts;
    return dg_error_set(err, DG_EINVAL, "graph analysis not built in this branch");
}

size_t dg_graph_find(const dg_graph *g, const char *id)
{
    size_t i;

    for (i = 0; i < g->n_nodes; i++)
        if (strcmp(g->nodes[i].id, id) == 0)
            return i;
    return (size_t)-1;
}
