/* GraphML, written with libxml2's xmlTextWriter: every attribute declared
 * with a typed <key>, strings escaped by libxml2. Node keys are "v_<name>",
 * edge keys "e_<name>", graph keys "g_<name>": distinct ids even where a
 * node and an edge attribute share a name (igraph's writer does not). */
#include <libxml/xmlwriter.h>

#include "diplograph/export.h"
#include "export/export_int.h"
#include "common.h"

#define X(s) ((const xmlChar *)(s))
#define CHK(call) do { if ((call) < 0) goto fail; } while (0)

static const char *graphml_type(dg_attr_type t)
{
    switch (t) {
    case DG_ATTR_LONG: return "long";
    case DG_ATTR_DOUBLE: return "double";
    default: return "string";
    }
}

static int write_key(xmlTextWriterPtr w, const char *prefix, const char *dom,
                     const char *name, dg_attr_type type)
{
    CHK(xmlTextWriterStartElement(w, X("key")));
    CHK(xmlTextWriterWriteFormatAttribute(w, X("id"), "%s_%s", prefix, name));
    CHK(xmlTextWriterWriteAttribute(w, X("for"), X(dom)));
    CHK(xmlTextWriterWriteAttribute(w, X("attr.name"), X(name)));
    CHK(xmlTextWriterWriteAttribute(w, X("attr.type"), X(graphml_type(type))));
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

/* <data key="prefix_name">value</data>; nothing when the value is absent */
static int write_data(xmlTextWriterPtr w, dg_buf *tmp, dg_buf *keybuf,
                      const char *prefix,
                      const char *name, const dg_attr_val *v,
                      dg_attr_type type)
{
    char num[DG_NUM_MAX];

    if (!v->present)
        return 0;
    CHK(xmlTextWriterStartElement(w, X("data")));
    dg_buf_reset(keybuf);
    if (dg_buf_adds(keybuf, prefix) < 0 || dg_buf_addc(keybuf, '_') < 0 ||
        dg_buf_adds(keybuf, name) < 0)
        goto fail;
    CHK(xmlTextWriterWriteAttribute(w, X("key"), X(keybuf->ptr)));
    switch (type) {
    case DG_ATTR_STRING:
        if (dg_xml_clean(tmp, v->s) < 0)
            goto fail;
        CHK(xmlTextWriterWriteString(w, X(dg_buf_cstr(tmp))));
        break;
    case DG_ATTR_LONG:
        CHK(xmlTextWriterWriteString(w, X(dg_long(num, v->l))));
        break;
    case DG_ATTR_DOUBLE:
        CHK(xmlTextWriterWriteString(w, X(dg_num(num, v->d))));
        break;
    }
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

static const struct {
    const char *name;
    dg_attr_type type;
} graph_keys[] = {
    { "layer", DG_ATTR_STRING },      { "nodes", DG_ATTR_LONG },
    { "edges", DG_ATTR_LONG },        { "components", DG_ATTR_LONG },
    { "density", DG_ATTR_DOUBLE },    { "transitivity", DG_ATTR_DOUBLE },
    { "modularity", DG_ATTR_DOUBLE }, { "leiden_modularity", DG_ATTR_DOUBLE },
    { "reciprocity", DG_ATTR_DOUBLE },
};

static void graph_val(dg_attr_val *v, const dg_graph *g, size_t i)
{
    memset(v, 0, sizeof(*v));
    v->present = 1;
    switch (i) {
    case 0: v->s = dg_layer_name(g->layer); break;
    case 1: v->l = (long)g->n_nodes; break;
    case 2: v->l = (long)g->n_edges; break;
    case 3: v->l = g->stats.components; v->present = g->analyzed; break;
    case 4: v->d = g->stats.density; v->present = g->analyzed; break;
    case 5: v->d = g->stats.transitivity; v->present = g->analyzed; break;
    case 6: v->d = g->stats.modularity; v->present = g->analyzed; break;
    case 7: v->d = g->stats.leiden_modularity; v->present = g->analyzed; break;
    case 8: v->d = g->stats.reciprocity;
        v->present = g->analyzed && dg_graph_is_directed(g); break;
    default: v->present = 0; break;
    }
}

static int write_graphml(xmlTextWriterPtr w, dg_buf *tmp, const dg_graph *g)
{
    size_t i, k;
    dg_attr_val v;
    dg_buf key = DG_BUF_INIT;

    CHK(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    CHK(xmlTextWriterStartElement(w, X("graphml")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns"),
                                    X("http://graphml.graphdrawing.org/xmlns")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
                                    X("http://www.w3.org/2001/XMLSchema-instance")));
    CHK(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
        X("http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")));
    for (k = 0; k < DG_ARRAY_LEN(graph_keys); k++)
        CHK(write_key(w, "g", "graph", graph_keys[k].name, graph_keys[k].type));
    for (k = 0; k < dg_node_attr_count(); k++)
        CHK(write_key(w, "v", "node", dg_node_attr(k)->name, dg_node_attr(k)->type));
    for (k = 0; k < dg_edge_attr_count(); k++)
        CHK(write_key(w, "e", "edge", dg_edge_attr(k)->name, dg_edge_attr(k)->type));

    CHK(xmlTextWriterStartElement(w, X("graph")));
    CHK(xmlTextWriterWriteAttribute(w, X("id"), X("G")));
    CHK(xmlTextWriterWriteAttribute(w, X("edgedefault"),
        X(dg_graph_is_directed(g) ? "directed" : "undirected")));
    for (k = 0; k < DG_ARRAY_LEN(graph_keys); k++) {
        graph_val(&v, g, k);
        CHK(write_data(w, tmp, &key, "g", graph_keys[k].name, &v, graph_keys[k].type));
    }
    for (i = 0; i < g->n_nodes; i++) {
        const dg_node *n = &g->nodes[i];
        CHK(xmlTextWriterStartElement(w, X("node")));
        if (dg_xml_clean(tmp, n->id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(dg_buf_cstr(tmp))));
        for (k = 0; k < dg_node_attr_count(); k++) {
            dg_node_attr_get(&v, n, k);
            CHK(write_data(w, tmp, &key, "v", dg_node_attr(k)->name, &v,
                           dg_node_attr(k)->type));
        }
        CHK(xmlTextWriterEndElement(w));
    }
    for (i = 0; i < g->n_edges; i++) {
        const dg_edge *e = &g->edges[i];
        CHK(xmlTextWriterStartElement(w, X("edge")));
        CHK(xmlTextWriterWriteFormatAttribute(w, X("id"), "e%zu", i));
        if (dg_xml_clean(tmp, g->nodes[e->from].id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("source"), X(dg_buf_cstr(tmp))));
        if (dg_xml_clean(tmp, g->nodes[e->to].id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("target"), X(dg_buf_cstr(tmp))));
        for (k = 0; k < dg_edge_attr_count(); k++) {
            dg_edge_attr_get(&v, e, k);
            CHK(write_data(w, tmp, &key, "e", dg_edge_attr(k)->name, &v,
                           dg_edge_attr(k)->type));
        }
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterEndDocument(w)); /* closes graph and graphml */
    dg_buf_destroy(&key);
    return 0;
fail:
    dg_buf_destroy(&key);
    return -1;
}

int dg_export_graphml(dg_buf *out, const dg_graph *g, dg_error *err)
{
    size_t start = out->len;
    dg_xml_sink sink = { out, 0 };
    xmlTextWriterPtr w;
    dg_buf tmp = DG_BUF_INIT;
    int rc = dg_graph_check(g, "graphml", err), ok;

    if (rc < 0)
        return rc;
    w = dg_xml_writer_new(&sink);
    if (!w)
        return dg_error_set(err, DG_ENOMEM, "graphml: out of memory");
    ok = write_graphml(w, &tmp, g) == 0;
    xmlFreeTextWriter(w); /* flushes into out */
    dg_buf_destroy(&tmp);
    if (!ok || sink.failed) {
        dg_buf_truncate(out, start);
        return dg_error_set(err, DG_ENOMEM, "graphml: writing the document failed");
    }
    return DG_OK;
}
