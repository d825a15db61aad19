/* GEXF 1.3 with time: mode="dynamic", timeformat="date", spells from the
 * meeting dates (one per distinct date on an edge, first to last date on
 * a node), and viz: colour by community, size by PageRank, a deterministic
 * circle layout with communities side by side (Gephi re-lays out anyway;
 * the positions only make the file open in a readable state). */
#include <libxml/xmlwriter.h>
#include <math.h>

#include "diplograph/export.h"
#include "export/export_int.h"
#include "common.h"

#define X(s) ((const xmlChar *)(s))
#define CHK(call) do { if ((call) < 0) goto fail; } while (0)

#define GEXF_NS "http://gexf.net/1.3"
#define GEXF_VIZ_NS "http://gexf.net/1.3/viz"
#define GEXF_MIN_SIZE 4.0   /* viz:size of the least central node */
#define GEXF_SIZE_RANGE 36.0
#define GEXF_NODE_SPACING 20.0 /* circumference per node */
#define GEXF_MIN_RADIUS 100.0

static const char *gexf_type(dg_attr_type t)
{
    switch (t) {
    case DG_ATTR_LONG: return "long";
    case DG_ATTR_DOUBLE: return "double";
    default: return "string";
    }
}

/* label is the node's label attribute and weight the edge's: no attvalue */
static int skip_node_attr(size_t k)
{
    return k == 0;
}

static int skip_edge_attr(size_t k)
{
    return k == 1;
}

static int write_attr_decl(xmlTextWriterPtr w, const char *cls, int node)
{
    size_t k, n = node ? dg_node_attr_count() : dg_edge_attr_count();

    CHK(xmlTextWriterStartElement(w, X("attributes")));
    CHK(xmlTextWriterWriteAttribute(w, X("class"), X(cls)));
    CHK(xmlTextWriterWriteAttribute(w, X("mode"), X("static")));
    for (k = 0; k < n; k++) {
        const dg_attr_def *a = node ? dg_node_attr(k) : dg_edge_attr(k);
        if (node ? skip_node_attr(k) : skip_edge_attr(k))
            continue;
        CHK(xmlTextWriterStartElement(w, X("attribute")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(a->name)));
        CHK(xmlTextWriterWriteAttribute(w, X("title"), X(a->name)));
        CHK(xmlTextWriterWriteAttribute(w, X("type"), X(gexf_type(a->type))));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

static int write_attvalue(xmlTextWriterPtr w, dg_buf *tmp, const char *name,
                          const dg_attr_val *v, dg_attr_type type)
{
    char num[DG_NUM_MAX];

    if (!v->present)
        return 0;
    CHK(xmlTextWriterStartElement(w, X("attvalue")));
    CHK(xmlTextWriterWriteAttribute(w, X("for"), X(name)));
    switch (type) {
    case DG_ATTR_STRING:
        if (dg_xml_clean(tmp, v->s) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("value"), X(dg_buf_cstr(tmp))));
        break;
    case DG_ATTR_LONG:
        CHK(xmlTextWriterWriteAttribute(w, X("value"), X(dg_long(num, v->l))));
        break;
    case DG_ATTR_DOUBLE:
        CHK(xmlTextWriterWriteAttribute(w, X("value"), X(dg_num(num, v->d))));
        break;
    }
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

static int write_spell(xmlTextWriterPtr w, const char *start, const char *end)
{
    CHK(xmlTextWriterStartElement(w, X("spell")));
    CHK(xmlTextWriterWriteAttribute(w, X("start"), X(start)));
    CHK(xmlTextWriterWriteAttribute(w, X("end"), X(end)));
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

static int write_node_spells(xmlTextWriterPtr w, const dg_node *n)
{
    char s0[11], e0[11], s1[11], e1[11];

    if (dg_date_span(s0, e0, n->first_date) < 0 ||
        dg_date_span(s1, e1, n->last_date ? n->last_date : n->first_date) < 0)
        return 0;
    if (strcmp(e1, e0) < 0) /* last before first: keep the wider span */
        memcpy(e1, e0, sizeof(e1));
    CHK(xmlTextWriterStartElement(w, X("spells")));
    CHK(write_spell(w, s0, e1));
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

static int write_edge_spells(xmlTextWriterPtr w, const dg_edge *e)
{
    char s[11], t[11];
    size_t i;
    int open = 0;

    for (i = 0; i < e->n_dates; i++) {
        if (dg_date_span(s, t, e->dates[i]) < 0)
            continue;
        if (!open) {
            CHK(xmlTextWriterStartElement(w, X("spells")));
            open = 1;
        }
        CHK(write_spell(w, s, t));
    }
    if (open)
        CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

typedef struct {
    long community;
    size_t index;
} slot;

static int slot_cmp(const void *a, const void *b)
{
    const slot *x = a, *y = b;

    if (x->community != y->community)
        return x->community < y->community ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int write_viz(xmlTextWriterPtr w, const dg_node *n, double max_pr,
                     double angle, double radius)
{
    unsigned char rgb[3];
    char num[DG_NUM_MAX];
    double size = GEXF_MIN_SIZE;

    dg_palette_rgb(rgb, n->community);
    if (max_pr > 0 && isfinite(n->pagerank) && n->pagerank > 0)
        size += GEXF_SIZE_RANGE * n->pagerank / max_pr;
    CHK(xmlTextWriterStartElement(w, X("viz:color")));
    CHK(xmlTextWriterWriteFormatAttribute(w, X("r"), "%u", rgb[0]));
    CHK(xmlTextWriterWriteFormatAttribute(w, X("g"), "%u", rgb[1]));
    CHK(xmlTextWriterWriteFormatAttribute(w, X("b"), "%u", rgb[2]));
    CHK(xmlTextWriterWriteAttribute(w, X("a"), X("1.0")));
    CHK(xmlTextWriterEndElement(w));
    CHK(xmlTextWriterStartElement(w, X("viz:position")));
    CHK(xmlTextWriterWriteAttribute(w, X("x"), X(dg_num(num, radius * cos(angle)))));
    CHK(xmlTextWriterWriteAttribute(w, X("y"), X(dg_num(num, radius * sin(angle)))));
    CHK(xmlTextWriterWriteAttribute(w, X("z"), X("0.0")));
    CHK(xmlTextWriterEndElement(w));
    CHK(xmlTextWriterStartElement(w, X("viz:size")));
    CHK(xmlTextWriterWriteAttribute(w, X("value"), X(dg_num(num, size))));
    CHK(xmlTextWriterEndElement(w));
    return 0;
fail:
    return -1;
}

static int write_gexf(xmlTextWriterPtr w, dg_buf *tmp, const dg_graph *g,
                      const double *angle)
{
    size_t i, k;
    dg_attr_val v;
    double max_pr = 0, radius;
    char num[DG_NUM_MAX];

    for (i = 0; i < g->n_nodes; i++)
        if (isfinite(g->nodes[i].pagerank) && g->nodes[i].pagerank > max_pr)
            max_pr = g->nodes[i].pagerank;
    radius = GEXF_NODE_SPACING * (double)g->n_nodes / (2 * M_PI);
    if (radius < GEXF_MIN_RADIUS)
        radius = GEXF_MIN_RADIUS;

    CHK(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    CHK(xmlTextWriterStartElement(w, X("gexf")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns"), X(GEXF_NS)));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns:viz"), X(GEXF_VIZ_NS)));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
                                    X("http://www.w3.org/2001/XMLSchema-instance")));
    CHK(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
                                    X(GEXF_NS " " GEXF_NS "/gexf.xsd")));
    CHK(xmlTextWriterWriteAttribute(w, X("version"), X("1.3")));
    CHK(xmlTextWriterStartElement(w, X("meta")));
    CHK(xmlTextWriterWriteElement(w, X("creator"), X("diplograph")));
    CHK(xmlTextWriterWriteFormatElement(w, X("description"),
        "meetings between officials and countries, %s layer",
        dg_layer_name(g->layer)));
    CHK(xmlTextWriterEndElement(w));

    CHK(xmlTextWriterStartElement(w, X("graph")));
    CHK(xmlTextWriterWriteAttribute(w, X("mode"), X("dynamic")));
    CHK(xmlTextWriterWriteAttribute(w, X("defaultedgetype"),
        X(dg_graph_is_directed(g) ? "directed" : "undirected")));
    CHK(xmlTextWriterWriteAttribute(w, X("timeformat"), X("date")));
    CHK(xmlTextWriterWriteAttribute(w, X("timerepresentation"), X("interval")));
    CHK(write_attr_decl(w, "node", 1));
    CHK(write_attr_decl(w, "edge", 0));

    CHK(xmlTextWriterStartElement(w, X("nodes")));
    for (i = 0; i < g->n_nodes; i++) {
        const dg_node *n = &g->nodes[i];
        CHK(xmlTextWriterStartElement(w, X("node")));
        if (dg_xml_clean(tmp, n->id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(dg_buf_cstr(tmp))));
        if (dg_xml_clean(tmp, n->label ? n->label : n->id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("label"), X(dg_buf_cstr(tmp))));
        CHK(xmlTextWriterStartElement(w, X("attvalues")));
        for (k = 0; k < dg_node_attr_count(); k++) {
            if (skip_node_attr(k))
                continue;
            dg_node_attr_get(&v, n, k);
            CHK(write_attvalue(w, tmp, dg_node_attr(k)->name, &v,
                               dg_node_attr(k)->type));
        }
        CHK(xmlTextWriterEndElement(w));
        CHK(write_node_spells(w, n));
        CHK(write_viz(w, n, max_pr, angle[i], radius));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterEndElement(w));

    CHK(xmlTextWriterStartElement(w, X("edges")));
    for (i = 0; i < g->n_edges; i++) {
        const dg_edge *e = &g->edges[i];
        CHK(xmlTextWriterStartElement(w, X("edge")));
        CHK(xmlTextWriterWriteFormatAttribute(w, X("id"), "%zu", i));
        if (dg_xml_clean(tmp, g->nodes[e->from].id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("source"), X(dg_buf_cstr(tmp))));
        if (dg_xml_clean(tmp, g->nodes[e->to].id) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("target"), X(dg_buf_cstr(tmp))));
        CHK(xmlTextWriterWriteAttribute(w, X("kind"), X(dg_edge_type_name(e->type))));
        CHK(xmlTextWriterWriteAttribute(w, X("weight"), X(dg_num(num, e->weight))));
        CHK(xmlTextWriterStartElement(w, X("attvalues")));
        for (k = 0; k < dg_edge_attr_count(); k++) {
            if (skip_edge_attr(k))
                continue;
            dg_edge_attr_get(&v, e, k);
            CHK(write_attvalue(w, tmp, dg_edge_attr(k)->name, &v,
                               dg_edge_attr(k)->type));
        }
        CHK(xmlTextWriterEndElement(w));
        CHK(write_edge_spells(w, e));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterEndDocument(w));
    return 0;
fail:
    return -1;
}

/* Angle of each node on the circle: communities in order, then node order. */
static double *circle_angles(const dg_graph *g)
{
    slot *slots = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(*slots));
    double *angle = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(*angle));
    size_t i;

    if (!slots || !angle) {
        free(slots);
        free(angle);
        return NULL;
    }
    for (i = 0; i < g->n_nodes; i++) {
        slots[i].community = g->nodes[i].community;
        slots[i].index = i;
    }
    dg_qsort(slots, g->n_nodes, sizeof(*slots), slot_cmp);
    for (i = 0; i < g->n_nodes; i++)
        angle[slots[i].index] = 2 * M_PI * (double)i / (double)g->n_nodes;
    free(slots);
    return angle;
}

int dg_export_gexf(dg_buf *out, const dg_graph *g, dg_error *err)
{
    size_t start = out->len;
    dg_xml_sink sink = { out, 0 };
    xmlTextWriterPtr w;
    dg_buf tmp = DG_BUF_INIT;
    double *angle;
    int rc = dg_graph_check(g, "gexf", err), ok;

    if (rc < 0)
        return rc;
    angle = circle_angles(g);
    w = angle ? dg_xml_writer_new(&sink) : NULL;
    if (!w) {
        free(angle);
        return dg_error_set(err, DG_ENOMEM, "gexf: out of memory");
    }
    ok = write_gexf(w, &tmp, g, angle) == 0;
    xmlFreeTextWriter(w); /* flushes into out */
    free(angle);
    dg_buf_destroy(&tmp);
    if (!ok || sink.failed) {
        dg_buf_truncate(out, start);
        return dg_error_set(err, DG_ENOMEM, "gexf: writing the document failed");
    }
    return DG_OK;
}
