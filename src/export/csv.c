/* Gephi spreadsheet CSV: nodes.csv (Id,Label,Type,attributes…,Time
 * Interval) and edges.csv (Source,Target,Type,Weight,Kind,attributes…,
 * Time Interval). RFC 4180: CRLF line ends, fields with a comma, quote,
 * CR or LF (or edge spaces) in double quotes, the time interval always, quotes doubled. Time
 * intervals in Gephi's interval-set syntax: <[2021-06-07, 2021-06-07];
 * [2021-07-01, 2021-07-31]>. */
#include "diplograph/export.h"
#include "export/export_int.h"
#include "common.h"

#define CRLF "\r\n"

static int add_field(dg_buf *b, const char *s)
{
    size_t i, n;
    int quote = 0, rc;

    if (!s)
        return DG_OK;
    n = strlen(s);
    if (n && (s[0] == ' ' || s[n - 1] == ' '))
        quote = 1;
    for (i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            quote = 1;
    if (!quote)
        return dg_buf_add(b, s, n);
    rc = dg_buf_addc(b, '"');
    for (i = 0; i < n && rc == DG_OK; i++)
        rc = s[i] == '"' ? dg_buf_add(b, "\"\"", 2) : dg_buf_addc(b, s[i]);
    if (rc == DG_OK)
        rc = dg_buf_addc(b, '"');
    return rc;
}

static int add_val(dg_buf *b, const dg_attr_val *v, dg_attr_type type)
{
    char num[DG_NUM_MAX];

    if (!v->present)
        return DG_OK;
    switch (type) {
    case DG_ATTR_STRING: return add_field(b, v->s);
    case DG_ATTR_LONG: return dg_buf_adds(b, dg_long(num, v->l));
    default: return dg_buf_adds(b, dg_num(num, v->d));
    }
}

/* Appends "[start, end]" to an interval set being built in iv. */
static int add_interval(dg_buf *iv, const char *start, const char *end)
{
    return dg_buf_addf(iv, "%s[%s, %s]", iv->len ? "; " : "", start, end);
}

/* The interval set as one field (quoted: it holds commas) */
static int add_time_interval(dg_buf *b, dg_buf *iv)
{
    int rc;

    if (!iv->len)
        return DG_OK;
    rc = dg_buf_addc(iv, '>');
    if (rc == DG_OK)
        rc = dg_buf_addc(b, '"');
    if (rc == DG_OK)
        rc = dg_buf_addc(b, '<');
    if (rc == DG_OK)
        rc = dg_buf_add(b, iv->ptr, iv->len);
    if (rc == DG_OK)
        rc = dg_buf_addc(b, '"');
    return rc;
}

/* label and type are Gephi's Label and Type columns */
static int is_gephi_column(size_t k)
{
    return strcmp(dg_node_attr(k)->name, "label") == 0 ||
           strcmp(dg_node_attr(k)->name, "type") == 0;
}

int dg_export_csv_nodes(dg_buf *out, const dg_graph *g, dg_error *err)
{
    size_t start = out->len;
    dg_buf iv = DG_BUF_INIT;
    dg_attr_val v;
    size_t i, k;
    int rc = dg_graph_check(g, "csv", err);

    if (rc < 0)
        return rc;
    rc = dg_buf_adds(out, "Id,Label,Type");
    for (k = 0; k < dg_node_attr_count() && rc == DG_OK; k++)
        if (!is_gephi_column(k))
            rc = dg_buf_addf(out, ",%s", dg_node_attr(k)->name);
    if (rc == DG_OK)
        rc = dg_buf_adds(out, ",Time Interval" CRLF);
    for (i = 0; i < g->n_nodes && rc == DG_OK; i++) {
        const dg_node *n = &g->nodes[i];
        char s0[11], e0[11], s1[11], e1[11];

        rc = add_field(out, n->id);
        if (rc == DG_OK)
            rc = dg_buf_addc(out, ',');
        if (rc == DG_OK)
            rc = add_field(out, n->label ? n->label : n->id);
        if (rc == DG_OK)
            rc = dg_buf_addf(out, ",%s", dg_node_type_name(n->type));
        for (k = 0; k < dg_node_attr_count() && rc == DG_OK; k++) {
            if (is_gephi_column(k))
                continue;
            dg_node_attr_get(&v, n, k);
            rc = dg_buf_addc(out, ',');
            if (rc == DG_OK)
                rc = add_val(out, &v, dg_node_attr(k)->type);
        }
        dg_buf_reset(&iv);
        if (rc == DG_OK && dg_date_span(s0, e0, n->first_date) == 0 &&
            dg_date_span(s1, e1, n->last_date ? n->last_date : n->first_date) == 0)
            rc = add_interval(&iv, s0, strcmp(e1, e0) < 0 ? e0 : e1);
        if (rc == DG_OK)
            rc = dg_buf_addc(out, ',');
        if (rc == DG_OK)
            rc = add_time_interval(out, &iv);
        if (rc == DG_OK)
            rc = dg_buf_adds(out, CRLF);
    }
    dg_buf_destroy(&iv);
    if (rc < 0) {
        dg_buf_truncate(out, start);
        return dg_error_set(err, DG_ENOMEM, "csv: out of memory");
    }
    return DG_OK;
}

int dg_export_csv_edges(dg_buf *out, const dg_graph *g, dg_error *err)
{
    size_t start = out->len;
    dg_buf iv = DG_BUF_INIT;
    dg_attr_val v;
    char num[DG_NUM_MAX], s[11], t[11];
    size_t i, k, d;
    int rc = dg_graph_check(g, "csv", err);
    const char *type = dg_graph_is_directed(g) ? "Directed" : "Undirected";

    if (rc < 0)
        return rc;
    /* edge attribute 0 is the edge type (Kind), 1 the weight (Weight) */
    rc = dg_buf_adds(out, "Source,Target,Type,Weight,Kind");
    for (k = 2; k < dg_edge_attr_count() && rc == DG_OK; k++)
        rc = dg_buf_addf(out, ",%s", dg_edge_attr(k)->name);
    if (rc == DG_OK)
        rc = dg_buf_adds(out, ",Time Interval" CRLF);
    for (i = 0; i < g->n_edges && rc == DG_OK; i++) {
        const dg_edge *e = &g->edges[i];

        rc = add_field(out, g->nodes[e->from].id);
        if (rc == DG_OK)
            rc = dg_buf_addc(out, ',');
        if (rc == DG_OK)
            rc = add_field(out, g->nodes[e->to].id);
        if (rc == DG_OK)
            rc = dg_buf_addf(out, ",%s,%s,%s", type, dg_num(num, e->weight),
                             dg_edge_type_name(e->type));
        for (k = 2; k < dg_edge_attr_count() && rc == DG_OK; k++) {
            dg_edge_attr_get(&v, e, k);
            rc = dg_buf_addc(out, ',');
            if (rc == DG_OK)
                rc = add_val(out, &v, dg_edge_attr(k)->type);
        }
        dg_buf_reset(&iv);
        for (d = 0; d < e->n_dates && rc == DG_OK; d++)
            if (dg_date_span(s, t, e->dates[d]) == 0)
                rc = add_interval(&iv, s, t);
        if (rc == DG_OK)
            rc = dg_buf_addc(out, ',');
        if (rc == DG_OK)
            rc = add_time_interval(out, &iv);
        if (rc == DG_OK)
            rc = dg_buf_adds(out, CRLF);
    }
    dg_buf_destroy(&iv);
    if (rc < 0) {
        dg_buf_truncate(out, start);
        return dg_error_set(err, DG_ENOMEM, "csv: out of memory");
    }
    return DG_OK;
}
