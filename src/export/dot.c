/* DOT written through cgraph (agwrite), so quoting is Graphviz's own.
 * cgraph writes through an I/O discipline whose putstr appends to our
 * dg_buf: no temporary file, no FILE*. Nodes are keyed by id; the display
 * name goes in label, with backslashes doubled because Graphviz reads
 * \N, \n, \l in labels as escapes. */
#include <graphviz/cgraph.h>
#include <stdio.h>

#include "diplograph/export.h"
#include "export/export_int.h"
#include "export/dot_int.h"
#include "common.h"

static int buf_putstr(void *chan, const char *s)
{
    return dg_buf_adds(chan, s) == DG_OK ? 0 : -1;
}

static int buf_flush(void *chan)
{
    (void)chan;
    return 0;
}

int dg_dot_label_escape(dg_buf *b, const char *s)
{
    int rc = DG_OK;

    for (; s && *s && rc == DG_OK; s++)
        rc = *s == '\\' ? dg_buf_add(b, "\\\\", 2) : dg_buf_addc(b, *s);
    return rc;
}

/* agsafeset with a value cleaned of what XML-based renderers reject */
int dg_dot_set(void *obj, const char *name, const char *value, dg_buf *tmp)
{
    if (dg_xml_clean(tmp, value) < 0)
        return -1;
    return agsafeset(obj, (char *)name, (char *)dg_buf_cstr(tmp), (char *)"");
}

static int set_val(void *obj, const char *name, const dg_attr_val *v,
                   dg_attr_type type, dg_buf *tmp)
{
    char num[DG_NUM_MAX];

    if (!v->present)
        return 0;
    switch (type) {
    case DG_ATTR_STRING: return dg_dot_set(obj, name, v->s, tmp);
    case DG_ATTR_LONG: dg_long(num, v->l); break;
    default: dg_num(num, v->d); break;
    }
    return dg_dot_set(obj, name, num, tmp);
}

static int build(Agraph_t *ag, const dg_graph *g, dg_buf *tmp)
{
    Agnode_t **nodes = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(*nodes));
    dg_buf label = DG_BUF_INIT;
    dg_attr_val v;
    size_t i, k;
    int rc = -1;
    char num[64];

    if (!nodes)
        return -1;
    /* comment, not "layer": layer is a Graphviz drawing attribute */
    snprintf(num, sizeof(num), "diplograph %s layer", dg_layer_name(g->layer));
    if (dg_dot_set(ag, "comment", num, tmp) < 0)
        goto out;
    /* declare every attribute up front: a stable order in the output */
    for (k = 0; k < dg_node_attr_count(); k++)
        if (!agattr(ag, AGNODE, (char *)dg_node_attr(k)->name, (char *)""))
            goto out;
    for (k = 0; k < dg_edge_attr_count(); k++)
        if (!agattr(ag, AGEDGE, (char *)dg_edge_attr(k)->name, (char *)""))
            goto out;
    for (i = 0; i < g->n_nodes; i++) {
        const dg_node *n = &g->nodes[i];
        if (dg_xml_clean(tmp, n->id) < 0)
            goto out;
        nodes[i] = agnode(ag, (char *)dg_buf_cstr(tmp), 1);
        if (!nodes[i])
            goto out;
        for (k = 0; k < dg_node_attr_count(); k++) {
            dg_node_attr_get(&v, n, k);
            if (k == 0) { /* label: an escString */
                dg_buf_reset(&label);
                if (dg_dot_label_escape(&label, v.s) < 0 ||
                    dg_dot_set(nodes[i], "label", dg_buf_cstr(&label), tmp) < 0)
                    goto out;
                continue;
            }
            if (set_val(nodes[i], dg_node_attr(k)->name, &v,
                        dg_node_attr(k)->type, tmp) < 0)
                goto out;
        }
    }
    for (i = 0; i < g->n_edges; i++) {
        const dg_edge *e = &g->edges[i];
        Agedge_t *ae = agedge(ag, nodes[e->from], nodes[e->to], NULL, 1);
        if (!ae)
            goto out;
        for (k = 0; k < dg_edge_attr_count(); k++) {
            dg_edge_attr_get(&v, e, k);
            if (set_val(ae, dg_edge_attr(k)->name, &v, dg_edge_attr(k)->type,
                        tmp) < 0)
                goto out;
        }
    }
    rc = 0;
out:
    dg_buf_destroy(&label);
    free(nodes);
    return rc;
}

int dg_export_dot(dg_buf *out, const dg_graph *g, dg_error *err)
{
    Agiodisc_t io = { AgIoDisc.afread, buf_putstr, buf_flush };
    Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &io };
    dg_buf tmp = DG_BUF_INIT;
    size_t start = out->len;
    Agraph_t *ag;
    int rc = dg_graph_check(g, "dot", err);

    if (rc < 0)
        return rc;
    ag = agopen((char *)"diplograph",
                dg_graph_is_directed(g) ? Agdirected : Agundirected, &disc);
    if (!ag)
        return dg_error_set(err, DG_ENOMEM, "dot: cannot create the graph");
    if (build(ag, g, &tmp) < 0)
        rc = dg_error_set(err, DG_ENOMEM, "dot: building the graph failed");
    else if (agwrite(ag, out) != 0) {
        dg_buf_truncate(out, start);
        rc = dg_error_set(err, DG_ENOMEM, "dot: writing the graph failed");
    }
    agclose(ag);
    dg_buf_destroy(&tmp);
    return rc;
}
