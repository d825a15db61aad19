/* node-link JSON (networkx's node_link_data layout) written with cJSON.
 * Absent values (a NULL name) are left out, as in GraphML; numbers are
 * rounded to DG_NUM_FMT's precision so the bytes match the XML formats;
 * NaN becomes null (cJSON's choice, and JSON has no NaN). */
#include <cjson/cJSON.h>
#include <math.h>

#include "diplograph/export.h"
#include "export/export_int.h"
#include "common.h"

/* A double as DG_NUM_FMT prints it, kept a JSON float even when whole
 * ("2.0", not "2": readers such as networkx and pandas type by the
 * token); NaN and infinities as null. */
static cJSON *create_double(double d)
{
    char num[DG_NUM_MAX + 2];

    if (!isfinite(d))
        return cJSON_CreateNull();
    dg_num(num, d);
    if (!strpbrk(num, ".e"))
        strncat(num, ".0", sizeof(num) - strlen(num) - 1);
    return cJSON_CreateRaw(num);
}

static int add_val(cJSON *obj, const char *name, const dg_attr_val *v,
                   dg_attr_type type)
{
    cJSON *item;

    if (!v->present)
        return 0;
    switch (type) {
    case DG_ATTR_STRING: item = cJSON_CreateString(v->s); break;
    case DG_ATTR_LONG: item = cJSON_CreateNumber((double)v->l); break;
    default: item = create_double(v->d); break;
    }
    if (!item)
        return -1;
    if (!cJSON_AddItemToObject(obj, name, item)) {
        cJSON_Delete(item);
        return -1;
    }
    return 0;
}

static int add_double(cJSON *o, const char *name, double d)
{
    cJSON *item = create_double(d);

    if (!item || !cJSON_AddItemToObject(o, name, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static cJSON *graph_object(const dg_graph *g)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o != NULL;

    ok = ok && cJSON_AddStringToObject(o, "layer", dg_layer_name(g->layer));
    ok = ok && cJSON_AddNumberToObject(o, "nodes", (double)g->n_nodes);
    ok = ok && cJSON_AddNumberToObject(o, "edges", (double)g->n_edges);
    if (ok && g->analyzed) {
        ok = ok && cJSON_AddNumberToObject(o, "components", (double)g->stats.components);
        ok = ok && add_double(o, "density", g->stats.density);
        ok = ok && add_double(o, "transitivity", g->stats.transitivity);
        ok = ok && add_double(o, "modularity", g->stats.modularity);
        ok = ok && add_double(o, "leiden_modularity", g->stats.leiden_modularity);
        if (dg_graph_is_directed(g))
            ok = ok && add_double(o, "reciprocity", g->stats.reciprocity);
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *build(const dg_graph *g)
{
    cJSON *root = cJSON_CreateObject(), *nodes, *links, *graph;
    size_t i, k;
    dg_attr_val v;

    if (!root)
        return NULL;
    if (!cJSON_AddBoolToObject(root, "directed", dg_graph_is_directed(g)) ||
        !cJSON_AddBoolToObject(root, "multigraph", 0))
        goto fail;
    graph = graph_object(g);
    if (!graph || !cJSON_AddItemToObject(root, "graph", graph)) {
        cJSON_Delete(graph);
        goto fail;
    }
    nodes = cJSON_AddArrayToObject(root, "nodes");
    links = cJSON_AddArrayToObject(root, "links");
    if (!nodes || !links)
        goto fail;
    for (i = 0; i < g->n_nodes; i++) {
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(nodes, o)) {
            cJSON_Delete(o);
            goto fail;
        }
        if (!cJSON_AddStringToObject(o, "id", g->nodes[i].id))
            goto fail;
        for (k = 0; k < dg_node_attr_count(); k++) {
            dg_node_attr_get(&v, &g->nodes[i], k);
            if (add_val(o, dg_node_attr(k)->name, &v, dg_node_attr(k)->type) < 0)
                goto fail;
        }
    }
    for (i = 0; i < g->n_edges; i++) {
        const dg_edge *e = &g->edges[i];
        cJSON *o = cJSON_CreateObject(), *dates;
        if (!o || !cJSON_AddItemToArray(links, o)) {
            cJSON_Delete(o);
            goto fail;
        }
        if (!cJSON_AddStringToObject(o, "source", g->nodes[e->from].id) ||
            !cJSON_AddStringToObject(o, "target", g->nodes[e->to].id))
            goto fail;
        for (k = 0; k < dg_edge_attr_count(); k++) {
            dg_edge_attr_get(&v, e, k);
            if (add_val(o, dg_edge_attr(k)->name, &v, dg_edge_attr(k)->type) < 0)
                goto fail;
        }
        dates = cJSON_AddArrayToObject(o, "dates");
        if (!dates)
            goto fail;
        for (k = 0; k < e->n_dates; k++) {
            cJSON *d = cJSON_CreateString(e->dates[k]);
            if (!d || !cJSON_AddItemToArray(dates, d)) {
                cJSON_Delete(d);
                goto fail;
            }
        }
    }
    return root;
fail:
    cJSON_Delete(root);
    return NULL;
}

int dg_export_json(dg_buf *out, const dg_graph *g, dg_error *err)
{
    cJSON *root;
    char *text;
    size_t start;
    int rc = dg_graph_check(g, "json", err);

    if (rc < 0)
        return rc;
    root = build(g);
    if (!root)
        return dg_error_set(err, DG_ENOMEM, "json: out of memory");
    text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return dg_error_set(err, DG_ENOMEM, "json: out of memory");
    start = out->len;
    rc = dg_buf_adds(out, text);
    if (rc == DG_OK)
        rc = dg_buf_addc(out, '\n');
    cJSON_free(text);
    if (rc < 0) {
        dg_buf_truncate(out, start);
        return dg_error_set(err, DG_ENOMEM, "json: out of memory");
    }
    return DG_OK;
}
