/* dg_export, dg_format_parse and the helpers the writers share. */
#include <math.h>
#include <stdio.h>

#include "diplograph/export.h"
#include "export/export_int.h"
#include "common.h"

static const struct {
    const char *name;
    dg_format fmt;
} format_names[] = {
    { "graphml", DG_FORMAT_GRAPHML },
    { "gexf", DG_FORMAT_GEXF },
    { "json", DG_FORMAT_JSON },
    { "csv", DG_FORMAT_CSV_NODES },
    { "csv-nodes", DG_FORMAT_CSV_NODES },
    { "csv-edges", DG_FORMAT_CSV_EDGES },
    { "dot", DG_FORMAT_DOT },
    { "gv", DG_FORMAT_DOT },
};

int dg_format_parse(dg_format *out, const char *name)
{
    size_t i;

    for (i = 0; i < DG_ARRAY_LEN(format_names); i++)
        if (strcmp(name, format_names[i].name) == 0) {
            *out = format_names[i].fmt;
            return DG_OK;
        }
    return DG_EINVAL;
}

int dg_export(dg_buf *out, const dg_graph *g, dg_format fmt, dg_error *err)
{
    switch (fmt) {
    case DG_FORMAT_GRAPHML: return dg_export_graphml(out, g, err);
    case DG_FORMAT_GEXF: return dg_export_gexf(out, g, err);
    case DG_FORMAT_JSON: return dg_export_json(out, g, err);
    case DG_FORMAT_CSV_NODES: return dg_export_csv_nodes(out, g, err);
    case DG_FORMAT_CSV_EDGES: return dg_export_csv_edges(out, g, err);
    case DG_FORMAT_DOT: return dg_export_dot(out, g, err);
    }
    return dg_error_set(err, DG_EINVAL, "unknown export format %d", (int)fmt);
}

/* --- the attribute tables --- */

enum {
    NA_LABEL, NA_NAME, NA_NAME_ZH, NA_TYPE, NA_COUNTRY, NA_TITLE,
    NA_TITLE_ZH, NA_FIRST_DATE, NA_LAST_DATE, NA_MEETINGS, NA_DEGREE,
    NA_STRENGTH, NA_BETWEENNESS, NA_CLOSENESS, NA_HARMONIC, NA_EIGENVECTOR,
    NA_PAGERANK, NA_HUB, NA_AUTHORITY, NA_COMMUNITY, NA_LEIDEN,
    NA_COMPONENT, NA_COUNT
};

static const dg_attr_def node_attrs[NA_COUNT] = {
    { "label", DG_ATTR_STRING },      { "name", DG_ATTR_STRING },
    { "name_zh", DG_ATTR_STRING },    { "type", DG_ATTR_STRING },
    { "country", DG_ATTR_STRING },    { "title", DG_ATTR_STRING },
    { "title_zh", DG_ATTR_STRING },   { "first_date", DG_ATTR_STRING },
    { "last_date", DG_ATTR_STRING },  { "meetings", DG_ATTR_LONG },
    { "degree", DG_ATTR_LONG },       { "strength", DG_ATTR_DOUBLE },
    { "betweenness", DG_ATTR_DOUBLE },{ "closeness", DG_ATTR_DOUBLE },
    { "harmonic", DG_ATTR_DOUBLE },   { "eigenvector", DG_ATTR_DOUBLE },
    { "pagerank", DG_ATTR_DOUBLE },   { "hub", DG_ATTR_DOUBLE },
    { "authority", DG_ATTR_DOUBLE },  { "community", DG_ATTR_LONG },
    { "leiden", DG_ATTR_LONG },       { "component", DG_ATTR_LONG },
};

size_t dg_node_attr_count(void)
{
    return NA_COUNT;
}

const dg_attr_def *dg_node_attr(size_t i)
{
    return i < NA_COUNT ? &node_attrs[i] : NULL;
}

static void set_str(dg_attr_val *v, const char *s)
{
    v->present = s != NULL;
    v->s = s;
}

static void set_long(dg_attr_val *v, long l)
{
    v->present = 1;
    v->l = l;
}

static void set_double(dg_attr_val *v, double d)
{
    v->present = 1;
    v->d = d;
}

void dg_node_attr_get(dg_attr_val *v, const dg_node *n, size_t i)
{
    memset(v, 0, sizeof(*v));
    switch (i) {
    case NA_LABEL: set_str(v, n->label ? n->label : n->id); break;
    case NA_NAME: set_str(v, n->name); break;
    case NA_NAME_ZH: set_str(v, n->name_zh); break;
    case NA_TYPE: set_str(v, dg_node_type_name(n->type)); break;
    case NA_COUNTRY: set_str(v, n->country[0] ? n->country : NULL); break;
    case NA_TITLE: set_str(v, n->title); break;
    case NA_TITLE_ZH: set_str(v, n->title_zh); break;
    case NA_FIRST_DATE: set_str(v, n->first_date); break;
    case NA_LAST_DATE: set_str(v, n->last_date); break;
    case NA_MEETINGS: set_long(v, n->meetings); break;
    case NA_DEGREE: set_long(v, n->degree); break;
    case NA_STRENGTH: set_double(v, n->strength); break;
    case NA_BETWEENNESS: set_double(v, n->betweenness); break;
    case NA_CLOSENESS: set_double(v, n->closeness); break;
    case NA_HARMONIC: set_double(v, n->harmonic); break;
    case NA_EIGENVECTOR: set_double(v, n->eigenvector); break;
    case NA_PAGERANK: set_double(v, n->pagerank); break;
    case NA_HUB: set_double(v, n->hub); break;
    case NA_AUTHORITY: set_double(v, n->authority); break;
    case NA_COMMUNITY: set_long(v, n->community); break;
    case NA_LEIDEN: set_long(v, n->leiden); break;
    case NA_COMPONENT: set_long(v, n->component); break;
    default: break;
    }
}

enum { EA_TYPE, EA_WEIGHT, EA_MEETINGS, EA_SOURCES, EA_COUNT0 };
#define EA_FIRST_DATE (EA_COUNT0 + DG_KIND_COUNT)
#define EA_LAST_DATE (EA_FIRST_DATE + 1)
#define EA_N (EA_LAST_DATE + 1)

/* count_<kind>, in dg_kind order (meeting.c's names) */
static const dg_attr_def edge_attrs[EA_N] = {
    { "type", DG_ATTR_STRING },        { "weight", DG_ATTR_DOUBLE },
    { "meetings", DG_ATTR_LONG },      { "sources", DG_ATTR_LONG },
    { "count_meet", DG_ATTR_LONG },    { "count_talks", DG_ATTR_LONG },
    { "count_call", DG_ATTR_LONG },    { "count_video_call", DG_ATTR_LONG },
    { "count_cochair", DG_ATTR_LONG }, { "count_multilateral", DG_ATTR_LONG },
    { "count_visit", DG_ATTR_LONG },   { "first_date", DG_ATTR_STRING },
    { "last_date", DG_ATTR_STRING },
};

size_t dg_edge_attr_count(void)
{
    return EA_N;
}

const dg_attr_def *dg_edge_attr(size_t i)
{
    return i < EA_N ? &edge_attrs[i] : NULL;
}

void dg_edge_attr_get(dg_attr_val *v, const dg_edge *e, size_t i)
{
    memset(v, 0, sizeof(*v));
    if (i >= EA_COUNT0 && i < EA_FIRST_DATE) {
        set_long(v, e->count[i - EA_COUNT0]);
        return;
    }
    switch (i) {
    case EA_TYPE: set_str(v, dg_edge_type_name(e->type)); break;
    case EA_WEIGHT: set_double(v, e->weight); break;
    case EA_MEETINGS: set_long(v, e->meetings); break;
    case EA_SOURCES: set_long(v, e->sources); break;
    case EA_FIRST_DATE: set_str(v, e->first_date); break;
    case EA_LAST_DATE: set_str(v, e->last_date); break;
    default: break;
    }
}

/* --- numbers, text, dates, colours --- */

const char *dg_long(char out[DG_NUM_MAX], long v)
{
    char tmp[DG_NUM_MAX];
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    size_t n = 0, i = 0;

    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        out[i++] = '-';
    while (n)
        out[i++] = tmp[--n];
    out[i] = '\0';
    return out;
}

/* Whole numbers below 1e9 print the same under %.9g as in decimal. */
#define DG_NUM_INT_MAX 1e9

const char *dg_num(char out[DG_NUM_MAX], double x)
{
    if (x > -DG_NUM_INT_MAX && x < DG_NUM_INT_MAX && x == (double)(long)x && x != 0.0)
        return dg_long(out, (long)x);
    if (isnan(x))
        snprintf(out, DG_NUM_MAX, "NaN");
    else if (isinf(x))
        snprintf(out, DG_NUM_MAX, "%s", x > 0 ? "INF" : "-INF");
    else if (x == 0.0)
        snprintf(out, DG_NUM_MAX, "0"); /* no "-0" */
    else
        snprintf(out, DG_NUM_MAX, DG_NUM_FMT, x);
    return out;
}

int dg_xml_clean(dg_buf *b, const char *s)
{
    static const char repl[] = "\xEF\xBF\xBD"; /* U+FFFD */
    size_t i, start = 0;
    int rc;

    dg_buf_reset(b);
    if (!s)
        return dg_buf_add(b, "", 0);
    for (i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t skip = 1;
        /* U+FFFE and U+FFFF are valid UTF-8 but not XML characters */
        int nonchar = c == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
                      ((unsigned char)s[i + 2] == 0xBE ||
                       (unsigned char)s[i + 2] == 0xBF);
        if (nonchar)
            skip = 3;
        if (nonchar || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            rc = dg_buf_add(b, s + start, i - start);
            if (rc == DG_OK)
                rc = dg_buf_add(b, repl, sizeof(repl) - 1);
            if (rc < 0)
                return rc;
            start = i + skip;
            i += skip - 1;
        }
    }
    return dg_buf_add(b, s + start, i - start);
}

static int sink_write(void *ctx, const char *data, int len)
{
    dg_xml_sink *sink = ctx;

    if (!sink->failed && dg_buf_add(sink->out, data, (size_t)len) < 0)
        sink->failed = 1;
    return len;
}

xmlTextWriterPtr dg_xml_writer_new(dg_xml_sink *sink)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, sink, NULL);
    xmlTextWriterPtr w;

    if (!ob)
        return NULL;
    w = xmlNewTextWriter(ob); /* owns ob from here on */
    if (!w) {
        xmlOutputBufferClose(ob);
        return NULL;
    }
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
    return w;
}

int dg_graph_check(const dg_graph *g, const char *what, dg_error *err)
{
    size_t i;

    if (g->n_nodes && !g->nodes)
        return dg_error_set(err, DG_EINVAL, "%s: graph has no node array", what);
    if (g->n_edges && !g->edges)
        return dg_error_set(err, DG_EINVAL, "%s: graph has no edge array", what);
    for (i = 0; i < g->n_nodes; i++)
        if (!g->nodes[i].id)
            return dg_error_set(err, DG_EINVAL, "%s: node %zu has no id", what, i);
    for (i = 0; i < g->n_edges; i++)
        if (g->edges[i].from >= g->n_nodes || g->edges[i].to >= g->n_nodes)
            return dg_error_set(err, DG_EINVAL,
                                "%s: edge %zu names a node out of range", what, i);
    return DG_OK;
}

int dg_graph_is_directed(const dg_graph *g)
{
    return g->directed || g->layer == DG_LAYER_VISITS;
}

static int parse_digits(const char *s, size_t n, int *out)
{
    size_t i;
    int v = 0;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return m == 2 && leap ? 29 : days[m - 1];
}

/* out = "YYYY-MM-DD" from the year's four digits, month and day */
static void put_date(char out[11], const char *year, int m, int d)
{
    memcpy(out, year, 4);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

int dg_date_span(char start[11], char end[11], const char *date)
{
    int y, m = 0, d = 0;
    size_t len;

    if (!date)
        return -1;
    len = strlen(date);
    if (len < 4 || parse_digits(date, 4, &y) < 0)
        return -1;
    if (len == 4) {
        put_date(start, date, 1, 1);
        put_date(end, date, 12, 31);
        return 0;
    }
    if ((len != 7 && len != 10) || date[4] != '-' ||
        parse_digits(date + 5, 2, &m) < 0 || m < 1 || m > 12)
        return -1;
    if (len == 7) {
        put_date(start, date, m, 1);
        put_date(end, date, m, days_in_month(y, m));
        return 0;
    }
    if (date[7] != '-' || parse_digits(date + 8, 2, &d) < 0 || d < 1 ||
        d > days_in_month(y, m))
        return -1;
    put_date(start, date, m, d);
    put_date(end, date, m, d);
    return 0;
}

static const unsigned char palette[][3] = {
    { 31, 119, 180 }, { 255, 127, 14 }, { 44, 160, 44 },  { 214, 39, 40 },
    { 148, 103, 189 }, { 140, 86, 75 }, { 227, 119, 194 }, { 23, 190, 207 },
    { 188, 189, 34 }, { 174, 199, 232 }, { 255, 187, 120 }, { 152, 223, 138 },
};

size_t dg_palette_size(void)
{
    return DG_ARRAY_LEN(palette);
}

void dg_palette_rgb(unsigned char rgb[3], long index)
{
    if (index < 0) {
        rgb[0] = rgb[1] = rgb[2] = 160;
        return;
    }
    memcpy(rgb, palette[(size_t)index % DG_ARRAY_LEN(palette)], 3);
}
