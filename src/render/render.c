/* dg_render: a Graphviz drawing of the graph (or of its most central
 * nodes, or of one node's ego network). Node size follows a centrality,
 * colour a community, region or node type, with a legend as the graph's
 * HTML-like label; edge width grows with the log of the weight. Labels
 * are English, Chinese or both, in a CJK font so PNG and PDF (cairo)
 * show Chinese. Above DG_RENDER_SMALL nodes sfdp lays out, below neato;
 * overlap=prism keeps nodes (and the labels inside them) apart, and only
 * the most central nodes carry a label on large drawings. */
#include <assert.h>
#include <ctype.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "diplograph/render.h"
#include "export/dot_int.h"
#include "export/export_int.h"
#include "common.h"

#define DG_RENDER_SMALL 150      /* neato, every label, up to this size */
#define DG_RENDER_SPLINES_MAX 60 /* curved edges cost too much above this */
#define DG_RENDER_LABELS_MIN 50  /* labels on large drawings: at least */
#define DG_RENDER_LABELS_MAX 120 /* and at most this many nodes */
#define DG_RENDER_LEGEND_MAX 12  /* legend rows (the palette's size) */
#define DG_RENDER_FONT "WenQuanYi Micro Hei"

static const char *const measures[] = {
    "pagerank", "degree", "strength", "betweenness", "closeness", "harmonic",
    "eigenvector", "hub", "authority", "meetings",
};

static const char *const engines[] = { "sfdp", "neato", "fdp", "dot", "circo",
                                       "twopi", "osage" };

static int in_list(const char *s, const char *const *list, size_t n)
{
    size_t i;

    for (i = 0; s && i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}

static double measure(const dg_node *n, const char *name)
{
    double v = 0;

    if (strcmp(name, "degree") == 0) v = (double)n->degree;
    else if (strcmp(name, "strength") == 0) v = n->strength;
    else if (strcmp(name, "betweenness") == 0) v = n->betweenness;
    else if (strcmp(name, "closeness") == 0) v = n->closeness;
    else if (strcmp(name, "harmonic") == 0) v = n->harmonic;
    else if (strcmp(name, "eigenvector") == 0) v = n->eigenvector;
    else if (strcmp(name, "hub") == 0) v = n->hub;
    else if (strcmp(name, "authority") == 0) v = n->authority;
    else if (strcmp(name, "meetings") == 0) v = (double)n->meetings;
    else v = n->pagerank;
    return isfinite(v) && v > 0 ? v : 0;
}

/* --- regions: ISO 3166-1 alpha-2 codes by UN-style region --- */

static const struct {
    const char *name;
    const char *codes;
} regions[] = {
    { "East Asia", "CN JP KR KP MN TW HK MO" },
    { "Southeast Asia", "BN KH ID LA MY MM PH SG TH TL VN" },
    { "South Asia", "AF BD BT IN MV NP PK LK" },
    { "Central Asia", "KZ KG TJ TM UZ" },
    { "West Asia", "AM AZ BH CY GE IR IQ IL JO KW LB OM PS QA SA SY TR AE YE" },
    { "Europe", "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK "
                "LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES "
                "SE CH UA GB VA FO GI GG IM JE AX" },
    { "Africa", "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET "
                "GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW "
                "ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH" },
    { "Americas", "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT "
                  "HN JM MX NI PA PY PE KN LC VC SR TT US UY VE PR AI AW BM VG "
                  "KY CW GF GP MQ MS BL MF PM SX TC VI FK GL" },
    { "Oceania", "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU CK NU NC PF GU AS MP" },
};

/* Region index for a country code, -1 when unknown. */
static long region_of(const char *cc)
{
    size_t i;
    const char *p;

    if (!cc || strlen(cc) != 2)
        return -1;
    for (i = 0; i < DG_ARRAY_LEN(regions); i++)
        for (p = regions[i].codes; *p; p += p[2] ? 3 : 2)
            if (p[0] == cc[0] && p[1] == cc[1])
                return (long)i;
    return -1;
}

/* The colour class of a node under opts->color_by, and its legend name
 * (written into name when not NULL). */
static long color_class(const dg_node *n, const char *by)
{
    if (strcmp(by, "type") == 0)
        return (long)n->type;
    if (strcmp(by, "region") == 0)
        return n->type == DG_NODE_ORG ? (long)DG_ARRAY_LEN(regions)
                                      : region_of(n->country);
    return n->community;
}

/* --- node selection: ego network, top N --- */

typedef struct {
    size_t *adj;   /* neighbours, grouped per node */
    size_t *start; /* adj[start[i] .. start[i+1]) */
} adjacency;

static int adjacency_build(adjacency *a, const dg_graph *g)
{
    size_t i, *fill;

    a->start = calloc(g->n_nodes + 1, sizeof(size_t));
    a->adj = calloc(2 * g->n_edges + 1, sizeof(size_t));
    fill = calloc(g->n_nodes + 1, sizeof(size_t));
    if (!a->start || !a->adj || !fill) {
        free(fill);
        return DG_ENOMEM;
    }
    for (i = 0; i < g->n_edges; i++) {
        a->start[g->edges[i].from + 1]++;
        a->start[g->edges[i].to + 1]++;
    }
    for (i = 0; i < g->n_nodes; i++)
        a->start[i + 1] += a->start[i];
    for (i = 0; i < g->n_edges; i++) {
        size_t f = g->edges[i].from, t = g->edges[i].to;
        a->adj[a->start[f] + fill[f]++] = t;
        a->adj[a->start[t] + fill[t]++] = f;
    }
    free(fill);
    return DG_OK;
}

static int ascii_caseeq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* The focus node: by id, then English, Chinese or display name (English
 * names without regard to ASCII case). (size_t)-1 when none matches. */
static size_t find_focus(const dg_graph *g, const char *focus)
{
    size_t i;

    for (i = 0; i < g->n_nodes; i++)
        if (strcmp(g->nodes[i].id, focus) == 0)
            return i;
    for (i = 0; i < g->n_nodes; i++) {
        const dg_node *n = &g->nodes[i];
        if ((n->name_zh && strcmp(n->name_zh, focus) == 0) ||
            (n->name && ascii_caseeq(n->name, focus)) ||
            (n->label && ascii_caseeq(n->label, focus)))
            return i;
    }
    return (size_t)-1;
}

/* Marks keep[] with the nodes within depth hops of root (breadth first). */
static int ego(unsigned char *keep, const dg_graph *g, size_t root, int depth)
{
    adjacency a = { NULL, NULL };
    size_t *queue = NULL, *dist = NULL, head = 0, tail = 0, k;
    int rc = adjacency_build(&a, g);

    if (rc == DG_OK) {
        queue = calloc(g->n_nodes, sizeof(size_t));
        dist = calloc(g->n_nodes, sizeof(size_t));
        if (!queue || !dist)
            rc = DG_ENOMEM;
    }
    if (rc == DG_OK) {
        memset(keep, 0, g->n_nodes);
        keep[root] = 1;
        queue[tail++] = root;
        while (head < tail) {
            size_t u = queue[head++];
            if (dist[u] >= (size_t)depth)
                continue;
            for (k = a.start[u]; k < a.start[u + 1]; k++) {
                size_t v = a.adj[k];
                if (!keep[v]) {
                    keep[v] = 1;
                    dist[v] = dist[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
    }
    free(queue);
    free(dist);
    free(a.adj);
    free(a.start);
    return rc;
}

typedef struct {
    double value;
    size_t index;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;

    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The kept nodes ranked by the size measure, most central first. */
static ranked *rank_nodes(const dg_graph *g, const unsigned char *keep,
                          const char *by, size_t *n_out)
{
    ranked *r = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(*r));
    size_t i, n = 0;

    if (!r)
        return NULL;
    for (i = 0; i < g->n_nodes; i++)
        if (keep[i]) {
            r[n].value = measure(&g->nodes[i], by);
            r[n].index = i;
            n++;
        }
    qsort(r, n, sizeof(*r), ranked_cmp);
    *n_out = n;
    return r;
}

/* --- drawing --- */

typedef struct {
    const dg_graph *g;
    const dg_render_opts *opts;
    unsigned char *keep;     /* per node: drawn */
    unsigned char *labelled; /* per node: drawn with its label */
    Agnode_t **agn;
    size_t n_kept;
    double max_measure;
    dg_buf tmp, text;
} drawing;

/* "Wang Yi\n王毅" (a Graphviz escString) for lang "both" */
static int node_label(dg_buf *b, const dg_node *n, const char *lang)
{
    const char *fallback = n->label ? n->label : n->id;
    int rc = DG_OK;

    /* a country known only by its id ("country:PH") reads better as "PH" */
    if (n->type == DG_NODE_COUNTRY && strcmp(fallback, n->id) == 0 && n->country[0])
        fallback = n->country;

    dg_buf_reset(b);
    if (strcmp(lang, "en") == 0)
        return dg_dot_label_escape(b, n->name ? n->name : fallback);
    if (strcmp(lang, "zh") == 0)
        return dg_dot_label_escape(b, n->name_zh ? n->name_zh : fallback);
    if (n->name && n->name_zh && strcmp(n->name, n->name_zh) != 0) {
        rc = dg_dot_label_escape(b, n->name);
        if (rc == DG_OK)
            rc = dg_buf_adds(b, "\\n");
        if (rc == DG_OK)
            rc = dg_dot_label_escape(b, n->name_zh);
        return rc;
    }
    return dg_dot_label_escape(b, fallback);
}

static void color_hex(char out[10], long cls, int light)
{
    unsigned char rgb[3];
    int k;

    dg_palette_rgb(rgb, cls);
    if (light) /* halfway to white: dark text stays readable */
        for (k = 0; k < 3; k++)
            rgb[k] = (unsigned char)((rgb[k] + 255) / 2);
    snprintf(out, 10, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

#define SET(obj, name, value) \
    do { if (dg_dot_set((obj), (name), (value), &d->tmp) < 0) return DG_ENOMEM; } while (0)

static int set_num(drawing *d, void *obj, const char *name, double v)
{
    char num[DG_NUM_MAX];

    snprintf(num, sizeof(num), "%.3f", v);
    return dg_dot_set(obj, name, num, &d->tmp) < 0 ? DG_ENOMEM : DG_OK;
}

static int add_nodes(drawing *d, Agraph_t *ag)
{
    const dg_graph *g = d->g;
    size_t i;
    char fill[10], line[10];

    for (i = 0; i < g->n_nodes; i++) {
        const dg_node *n = &g->nodes[i];
        double norm;
        long cls;
        Agnode_t *an;

        if (!d->keep[i])
            continue;
        if (dg_xml_clean(&d->tmp, n->id) < 0)
            return DG_ENOMEM;
        an = d->agn[i] = agnode(ag, (char *)dg_buf_cstr(&d->tmp), 1);
        if (!an)
            return DG_ENOMEM;
        norm = d->max_measure > 0 ? sqrt(measure(n, d->opts->size_by) / d->max_measure) : 0;
        cls = color_class(n, d->opts->color_by);
        color_hex(fill, cls, 1);
        color_hex(line, cls, 0);
        SET(an, "fillcolor", fill);
        SET(an, "color", line);
        if (node_label(&d->text, n, d->opts->lang) < 0)
            return DG_ENOMEM;
        SET(an, "tooltip", dg_buf_cstr(&d->text));
        if (d->labelled[i]) {
            SET(an, "label", dg_buf_cstr(&d->text));
            if (set_num(d, an, "fontsize", 9.0 + 13.0 * norm) < 0 ||
                set_num(d, an, "width", 0.3 + 0.9 * norm) < 0 ||
                set_num(d, an, "height", 0.2 + 0.5 * norm) < 0)
                return DG_ENOMEM;
            if (n->type == DG_NODE_COUNTRY)
                SET(an, "shape", "box");
            else if (n->type == DG_NODE_ORG)
                SET(an, "shape", "hexagon");
        } else {
            SET(an, "label", "");
            SET(an, "shape", "circle");
            SET(an, "fixedsize", "true");
            SET(an, "fillcolor", line);
            if (set_num(d, an, "width", 0.06 + 0.25 * norm) < 0)
                return DG_ENOMEM;
        }
    }
    return DG_OK;
}

static int add_edges(drawing *d, Agraph_t *ag)
{
    const dg_graph *g = d->g;
    double max_w = 0;
    size_t i;

    for (i = 0; i < g->n_edges; i++)
        if (d->keep[g->edges[i].from] && d->keep[g->edges[i].to] &&
            isfinite(g->edges[i].weight) && g->edges[i].weight > max_w)
            max_w = g->edges[i].weight;
    for (i = 0; i < g->n_edges; i++) {
        const dg_edge *e = &g->edges[i];
        double w = isfinite(e->weight) && e->weight > 0 ? e->weight : 0;
        Agedge_t *ae;

        if (!d->keep[e->from] || !d->keep[e->to])
            continue;
        ae = agedge(ag, d->agn[e->from], d->agn[e->to], NULL, 1);
        if (!ae)
            return DG_ENOMEM;
        if (set_num(d, ae, "penwidth",
                    0.4 + 3.6 * (max_w > 0 ? log1p(w) / log1p(max_w) : 0)) < 0)
            return DG_ENOMEM;
        if (e->type == DG_EDGE_REPRESENTS) {
            SET(ae, "style", "dashed");
            SET(ae, "color", "#b0b0b080");
        }
    }
    return DG_OK;
}

static const char *class_name(drawing *d, long cls, dg_buf *b)
{
    const char *by = d->opts->color_by;

    dg_buf_reset(b);
    if (strcmp(by, "type") == 0)
        return dg_node_type_name((dg_node_type)cls);
    if (strcmp(by, "region") == 0) {
        if (cls < 0)
            return "unknown";
        return (size_t)cls < DG_ARRAY_LEN(regions) ? regions[cls].name : "organisations";
    }
    return NULL; /* community: named by its most central drawn member */
}

static int long_cmp(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;

    return a < b ? -1 : a > b;
}

/* Number of distinct colour classes among the drawn nodes. */
static size_t count_classes(drawing *d, const ranked *r, size_t n_r)
{
    long *cls = calloc(n_r ? n_r : 1, sizeof(long));
    size_t i, n = 0;

    if (!cls)
        return 0;
    for (i = 0; i < n_r; i++)
        cls[i] = color_class(&d->g->nodes[r[i].index], d->opts->color_by);
    qsort(cls, n_r, sizeof(long), long_cmp);
    for (i = 0; i < n_r; i++)
        if (i == 0 || cls[i] != cls[i - 1])
            n++;
    free(cls);
    return n;
}

/* The legend: an HTML-like table as the graph label, one row per colour
 * class (most central classes first, as many as the palette holds). */
static int add_legend(drawing *d, Agraph_t *ag, const ranked *r, size_t n_r)
{
    long seen[DG_RENDER_LEGEND_MAX];
    size_t n_seen = 0, i, k, more = 0;
    dg_buf html = DG_BUF_INIT, name = DG_BUF_INIT;
    char *s;
    int rc = DG_OK;

    rc = dg_buf_addf(&html, "<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
                     "<tr><td colspan=\"2\" align=\"left\"><b>%s</b></td></tr>",
                     strcmp(d->opts->color_by, "community") == 0
                         ? "community (most central member)" : d->opts->color_by);
    for (i = 0; i < n_r && rc == DG_OK; i++) {
        const dg_node *n = &d->g->nodes[r[i].index];
        long cls = color_class(n, d->opts->color_by);
        const char *cname;
        char hex[10];

        for (k = 0; k < n_seen && seen[k] != cls; k++)
            ;
        if (k < n_seen)
            continue;
        if (n_seen == DG_RENDER_LEGEND_MAX)
            break;
        seen[n_seen++] = cls;
        color_hex(hex, cls, 1);
        cname = class_name(d, cls, &name);
        rc = dg_buf_addf(&html, "<tr><td bgcolor=\"%s\" width=\"14\" height=\"14\">"
                         "</td><td align=\"left\">", hex);
        if (rc == DG_OK && !cname) {
            if (cls < 0)
                rc = dg_buf_adds(&html, "none: ");
            else
                rc = dg_buf_addf(&html, "%ld: ", cls);
            if (rc == DG_OK)
                rc = dg_xml_clean(&name, n->label ? n->label : n->id);
            cname = dg_buf_cstr(&name);
        }
        if (rc == DG_OK)
            rc = dg_buf_add_xml_escaped(&html, cname, strlen(cname));
        if (rc == DG_OK)
            rc = dg_buf_adds(&html, "</td></tr>");
    }
    more = count_classes(d, r, n_r) - n_seen;
    if (rc == DG_OK && more)
        rc = dg_buf_addf(&html, "<tr><td></td><td align=\"left\">and %zu more"
                         "</td></tr>", more);
    if (rc == DG_OK)
        rc = dg_buf_adds(&html, "</table>");
    if (rc == DG_OK) {
        s = agstrdup_html(ag, html.ptr);
        if (!s || agsafeset(ag, (char *)"label", s, (char *)"") < 0)
            rc = DG_ENOMEM;
        if (s)
            agstrfree(ag, s);
    }
    dg_buf_destroy(&html);
    dg_buf_destroy(&name);
    return rc;
}

static int set_defaults(drawing *d, Agraph_t *ag, const char *engine)
{
    int small = d->n_kept <= DG_RENDER_SMALL;

    SET(ag, "fontname", DG_RENDER_FONT);
    /* the legend grows with the drawing, or it is unreadable when fitted */
    if (set_num(d, ag, "fontsize", 14.0 + 14.0 * fmin(1.0, (double)d->n_kept / 2000.0)) < 0)
        return DG_ENOMEM;
    SET(ag, "labelloc", "b");
    SET(ag, "labeljust", "l");
    SET(ag, "bgcolor", "white");
    SET(ag, "pad", "0.3");
    SET(ag, "outputorder", "edgesfirst");
    if (strcmp(engine, "dot") != 0 && strcmp(engine, "circo") != 0 &&
        strcmp(engine, "twopi") != 0) {
        SET(ag, "overlap", "prism");
        SET(ag, "sep", "+4");
    }
    SET(ag, "splines", d->n_kept <= DG_RENDER_SPLINES_MAX ? "true" : "false");
    if (!small && strcmp(engine, "sfdp") == 0)
        SET(ag, "K", "1.2"); /* a little more room than sfdp's 0.3 default */
    if (!agattr(ag, AGNODE, (char *)"fontname", (char *)DG_RENDER_FONT) ||
        !agattr(ag, AGNODE, (char *)"style", (char *)"filled") ||
        !agattr(ag, AGNODE, (char *)"shape", (char *)"ellipse") ||
        !agattr(ag, AGNODE, (char *)"margin", (char *)"0.04,0.02") ||
        !agattr(ag, AGNODE, (char *)"penwidth", (char *)"0.8") ||
        !agattr(ag, AGEDGE, (char *)"fontname", (char *)DG_RENDER_FONT) ||
        !agattr(ag, AGEDGE, (char *)"color", (char *)"#60606070") ||
        !agattr(ag, AGEDGE, (char *)"arrowsize", (char *)"0.6"))
        return DG_ENOMEM;
    return DG_OK;
}

int dg_render_check_opts(const dg_render_opts *o, dg_error *err)
{
    static const char *const formats[] = { "svg", "png", "pdf" };
    static const char *const colors[] = { "community", "region", "type" };
    static const char *const langs[] = { "en", "zh", "both" };

    if (!in_list(o->format, formats, DG_ARRAY_LEN(formats)))
        return dg_error_set(err, DG_EINVAL, "unknown format '%s' (svg, png, pdf)",
                            o->format ? o->format : "");
    if (o->engine && !in_list(o->engine, engines, DG_ARRAY_LEN(engines)))
        return dg_error_set(err, DG_EINVAL, "unknown layout engine '%s' "
                            "(sfdp, neato, fdp, dot, circo, twopi, osage)", o->engine);
    if (!in_list(o->size_by, measures, DG_ARRAY_LEN(measures)))
        return dg_error_set(err, DG_EINVAL, "unknown measure '%s' for node size",
                            o->size_by ? o->size_by : "");
    if (!in_list(o->color_by, colors, DG_ARRAY_LEN(colors)))
        return dg_error_set(err, DG_EINVAL, "unknown colouring '%s' "
                            "(community, region, type)", o->color_by ? o->color_by : "");
    if (!in_list(o->lang, langs, DG_ARRAY_LEN(langs)))
        return dg_error_set(err, DG_EINVAL, "unknown label language '%s' (en, zh, both)",
                            o->lang ? o->lang : "");
    if (o->top < 0)
        return dg_error_set(err, DG_EINVAL, "--top must be 0 or more");
    if (o->depth < 0)
        return dg_error_set(err, DG_EINVAL, "--depth must be 0 or more");
    return DG_OK;
}

/* Chooses the nodes to draw and which of them carry labels. */
static int select_nodes(drawing *d, ranked **r_out, size_t *n_r, dg_error *err)
{
    const dg_graph *g = d->g;
    const dg_render_opts *o = d->opts;
    ranked *r;
    size_t i, n_labels;
    int rc;

    memset(d->keep, 1, g->n_nodes);
    if (o->focus) {
        size_t root = find_focus(g, o->focus);
        if (root == (size_t)-1)
            return dg_error_set(err, DG_EINVAL, "no node matches '%s'", o->focus);
        rc = ego(d->keep, g, root, o->depth);
        if (rc < 0)
            return dg_error_set(err, rc, "out of memory");
    }
    r = rank_nodes(g, d->keep, o->size_by, n_r);
    if (!r)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    if (o->top > 0 && (size_t)o->top < *n_r) {
        for (i = (size_t)o->top; i < *n_r; i++)
            d->keep[r[i].index] = 0;
        *n_r = (size_t)o->top;
    }
    d->n_kept = *n_r;
    d->max_measure = *n_r ? r[0].value : 0;
    n_labels = *n_r;
    if (n_labels > DG_RENDER_SMALL) {
        n_labels = *n_r / 10;
        if (n_labels < DG_RENDER_LABELS_MIN)
            n_labels = DG_RENDER_LABELS_MIN;
        if (n_labels > DG_RENDER_LABELS_MAX)
            n_labels = DG_RENDER_LABELS_MAX;
    }
    for (i = 0; i < n_labels; i++)
        d->labelled[r[i].index] = 1;
    *r_out = r;
    return DG_OK;
}

/* cairo stamps the PDF with the time of rendering; the same graph must
 * give the same bytes, so the stamp becomes SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) or 1970-01-01, same length, so the
 * cross-reference offsets stay right. */
static void pdf_fixed_date(char *pdf, size_t len)
{
    static const char key[] = "/CreationDate (D:";
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char stamp[32];
    time_t t = 0;
    struct tm tm;
    size_t i, k = sizeof(key) - 1;

    if (env && *env) {
        char *end;
        long long v = strtoll(env, &end, 10);
        if (*end == '\0' && v >= 0)
            t = (time_t)v;
    }
    if (!gmtime_r(&t, &tm))
        return;
    strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
    for (i = 0; i + k + 14 <= len; i++) {
        if (memcmp(pdf + i, key, k) == 0) {
            size_t j;
            for (j = 0; j < 14; j++)
                if (pdf[i + k + j] < '0' || pdf[i + k + j] > '9')
                    return;
            memcpy(pdf + i + k, stamp, 14);
            return;
        }
    }
}

int dg_render(dg_buf *out, void *gvc, const dg_graph *g,
              const dg_render_opts *opts, dg_error *err)
{
    drawing d;
    ranked *r = NULL;
    size_t n_r = 0;
    Agraph_t *ag = NULL;
    const char *engine;
    char *data = NULL;
    unsigned int len = 0;
    int rc, laid_out = 0;
    char format[16];

    assert(gvc && g && opts);
    rc = dg_render_check_opts(opts, err);
    if (rc < 0)
        return rc;
    rc = dg_graph_check(g, "render", err);
    if (rc < 0)
        return rc;
    memset(&d, 0, sizeof(d));
    d.g = g;
    d.opts = opts;
    dg_buf_init(&d.tmp);
    dg_buf_init(&d.text);
    d.keep = calloc(g->n_nodes + 1, 1);
    d.labelled = calloc(g->n_nodes + 1, 1);
    d.agn = calloc(g->n_nodes + 1, sizeof(Agnode_t *));
    if (!d.keep || !d.labelled || !d.agn) {
        rc = dg_error_set(err, DG_ENOMEM, "out of memory");
        goto out;
    }
    rc = select_nodes(&d, &r, &n_r, err);
    if (rc < 0)
        goto out;
    engine = opts->engine ? opts->engine
                          : d.n_kept <= DG_RENDER_SMALL ? "neato" : "sfdp";
    ag = agopen((char *)"diplograph",
                dg_graph_is_directed(g) ? Agdirected : Agundirected, NULL);
    if (!ag) {
        rc = dg_error_set(err, DG_ENOMEM, "cannot create the Graphviz graph");
        goto out;
    }
    rc = set_defaults(&d, ag, engine);
    if (rc == DG_OK)
        rc = add_nodes(&d, ag);
    if (rc == DG_OK)
        rc = add_edges(&d, ag);
    if (rc == DG_OK && n_r)
        rc = add_legend(&d, ag, r, n_r);
    if (rc < 0) {
        rc = dg_error_set(err, DG_ENOMEM, "out of memory building the drawing");
        goto out;
    }
    if (gvLayout(gvc, ag, engine) != 0) {
        rc = dg_error_set(err, DG_EGRAPH, "graphviz layout with %s failed", engine);
        goto out;
    }
    laid_out = 1;
    /* cairo for png and pdf: the gd renderer drops CJK glyphs */
    snprintf(format, sizeof(format), "%s%s", opts->format,
             strcmp(opts->format, "svg") == 0 ? "" : ":cairo");
    if (gvRenderData(gvc, ag, format, &data, &len) != 0 || !data) {
        rc = dg_error_set(err, DG_EGRAPH, "graphviz could not render %s", opts->format);
        goto out;
    }
    {
        size_t start = out->len;
        if (dg_buf_add(out, data, len) < 0)
            rc = dg_error_set(err, DG_ENOMEM, "out of memory");
        else if (strcmp(opts->format, "pdf") == 0)
            pdf_fixed_date(out->ptr + start, len);
    }
out:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, ag);
    if (ag)
        agclose(ag);
    free(r);
    free(d.keep);
    free(d.labelled);
    free(d.agn);
    dg_buf_destroy(&d.tmp);
    dg_buf_destroy(&d.text);
    return rc;
}
