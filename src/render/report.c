/* report.html: one self-contained page (inline CSS and SVG, no scripts,
 * fonts or images from elsewhere) with the graph's figures, the diagram,
 * centrality tables, interaction statistics from the events, a timeline
 * of meetings per month and every event with its evidence and sources.
 * All text from the data goes through html_text: control characters
 * dropped as for XML, then &<>"' escaped. */
#include <math.h>
#include <stdio.h>

#include "diplograph/render.h"
#include "export/export_int.h"
#include "common.h"

#define DG_REPORT_TOP 15           /* rows in each ranking table */
#define DG_REPORT_MAX_EVENTS 5000  /* event rows; a note says how many more */
#define DG_REPORT_CHART_W 900.0    /* timeline width in px */
#define DG_REPORT_CHART_H 160.0

#define ADD(call) do { if ((rc = (call)) < 0) goto out; } while (0)

typedef struct {
    dg_buf *out;
    dg_buf tmp;
} page;

static int html_text(page *p, const char *s)
{
    int rc = dg_xml_clean(&p->tmp, s ? s : "");

    if (rc == DG_OK)
        rc = dg_buf_add_xml_escaped(p->out, p->tmp.ptr, p->tmp.len);
    return rc;
}

static const char CSS[] =
    "body{font-family:\"WenQuanYi Micro Hei\",\"Noto Sans CJK SC\",\"PingFang SC\","
    "\"Microsoft YaHei\",system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}"
    "header{background:#1f3b57;color:#fff;padding:18px 32px}"
    "header h1{margin:0;font-size:24px}header p{margin:4px 0 0;color:#c8d6e5}"
    "main{padding:8px 32px 32px;max-width:1400px}"
    "section{background:#fff;border:1px solid #dde2e8;border-radius:6px;"
    "padding:12px 18px;margin:16px 0}"
    "h2{font-size:18px;margin:4px 0 12px;color:#1f3b57}"
    "h3{font-size:15px;margin:6px 0}"
    ".figures{display:flex;flex-wrap:wrap;gap:12px;margin:0}"
    ".figures div{background:#eef2f6;border-radius:4px;padding:8px 14px;min-width:110px}"
    ".figures dt{font-size:12px;color:#5a6776}.figures dd{margin:0;font-size:20px;"
    "font-weight:bold}"
    ".diagram{overflow:auto;text-align:center}.diagram svg{max-width:100%;height:auto}"
    ".cols{display:flex;flex-wrap:wrap;gap:24px}.cols>div{flex:1 1 300px}"
    "table{border-collapse:collapse;font-size:13px;width:100%}"
    "th,td{border-bottom:1px solid #e3e7ec;padding:4px 6px;text-align:left;"
    "vertical-align:top}th{background:#f0f3f6}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".zh{color:#5a6776}.ev{max-width:480px}.src{font-size:12px;color:#5a6776;"
    "white-space:nowrap}.note{color:#5a6776;font-size:13px}"
    ".chart{max-height:260px;display:block}.chart rect{fill:#4e79a7}.chart text{font-size:11px;fill:#5a6776}";

/* --- figures --- */

static int figure(page *p, const char *name, const char *value)
{
    int rc = dg_buf_adds(p->out, "<div><dt>");

    if (rc == DG_OK)
        rc = html_text(p, name);
    if (rc == DG_OK)
        rc = dg_buf_adds(p->out, "</dt><dd>");
    if (rc == DG_OK)
        rc = html_text(p, value);
    if (rc == DG_OK)
        rc = dg_buf_adds(p->out, "</dd></div>");
    return rc;
}

static int figure_num(page *p, const char *name, double v)
{
    char num[DG_NUM_MAX];

    if (isfinite(v) && fabs(v) < 1e15 && v == floor(v))
        snprintf(num, sizeof(num), "%.0f", v);
    else
        snprintf(num, sizeof(num), "%.4g", v);
    return figure(p, name, num);
}

static void date_range(const dg_meeting_list *ev, const char **lo, const char **hi)
{
    size_t i;

    *lo = *hi = NULL;
    for (i = 0; ev && i < ev->len; i++) {
        const char *d = ev->items[i].date;
        if (!d)
            continue;
        if (!*lo || strcmp(d, *lo) < 0)
            *lo = d;
        if (!*hi || strcmp(d, *hi) > 0)
            *hi = d;
    }
}

static int write_summary(page *p, const dg_graph *g, const dg_meeting_list *ev)
{
    const char *lo, *hi;
    long sources = 0, mentions = 0;
    size_t i;
    int rc;

    for (i = 0; ev && i < ev->len; i++) {
        sources += (long)ev->items[i].n_sources;
        mentions += ev->items[i].mentions;
    }
    date_range(ev, &lo, &hi);
    ADD(dg_buf_adds(p->out, "<section id=\"summary\"><h2>Summary</h2><dl class=\"figures\">"));
    ADD(figure(p, "layer", dg_layer_name(g->layer)));
    ADD(figure_num(p, "nodes", (double)g->n_nodes));
    ADD(figure_num(p, "edges", (double)g->n_edges));
    ADD(figure_num(p, "events", ev ? (double)ev->len : 0));
    ADD(figure_num(p, "mentions", (double)mentions));
    ADD(figure_num(p, "sources", (double)sources));
    if (lo) {
        ADD(figure(p, "first meeting", lo));
        ADD(figure(p, "last meeting", hi));
    }
    if (g->analyzed) {
        ADD(figure_num(p, "components", (double)g->stats.components));
        ADD(figure_num(p, "density", g->stats.density));
        ADD(figure_num(p, "transitivity", g->stats.transitivity));
        ADD(figure_num(p, "modularity", g->stats.modularity));
    }
    ADD(dg_buf_adds(p->out, "</dl></section>\n"));
out:
    return rc;
}

/* --- the diagram: the SVG from its <svg element on (no XML prolog) --- */

static int write_diagram(page *p, const char *svg, size_t len)
{
    const char *start = NULL;
    size_t i;
    int rc;

    ADD(dg_buf_adds(p->out, "<section id=\"diagram\"><h2>Diagram</h2><div class=\"diagram\">"));
    for (i = 0; svg && i + 4 <= len; i++)
        if (memcmp(svg + i, "<svg", 4) == 0) {
            start = svg + i;
            break;
        }
    if (start)
        ADD(dg_buf_add(p->out, start, len - (size_t)(start - svg)));
    else
        ADD(dg_buf_adds(p->out, "<p class=\"note\">No diagram.</p>"));
    ADD(dg_buf_adds(p->out, "</div></section>\n"));
out:
    return rc;
}

/* --- centrality tables --- */

typedef struct {
    double v;
    size_t i;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;

    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static double node_value(const dg_node *n, int which)
{
    double v = which == 0 ? n->pagerank : which == 1 ? n->betweenness : (double)n->degree;

    return isfinite(v) ? v : 0;
}

static int node_name(page *p, const dg_node *n)
{
    int rc = html_text(p, n->label ? n->label : n->id);

    if (rc == DG_OK && n->name_zh && (!n->label || strcmp(n->name_zh, n->label) != 0)) {
        rc = dg_buf_adds(p->out, " <span class=\"zh\">");
        if (rc == DG_OK)
            rc = html_text(p, n->name_zh);
        if (rc == DG_OK)
            rc = dg_buf_adds(p->out, "</span>");
    }
    return rc;
}

static int write_rank_table(page *p, const dg_graph *g, int which, ranked *r)
{
    static const char *const titles[] = { "PageRank", "Betweenness", "Degree" };
    char num[DG_NUM_MAX];
    size_t i, n = g->n_nodes < DG_REPORT_TOP ? g->n_nodes : DG_REPORT_TOP;
    int rc;

    for (i = 0; i < g->n_nodes; i++) {
        r[i].v = node_value(&g->nodes[i], which);
        r[i].i = i;
    }
    qsort(r, g->n_nodes, sizeof(*r), ranked_cmp);
    ADD(dg_buf_addf(p->out, "<div><h3>%s</h3><table><tr><th>#</th><th>node</th>"
                    "<th>type</th><th>%s</th></tr>", titles[which], titles[which]));
    for (i = 0; i < n; i++) {
        const dg_node *nd = &g->nodes[r[i].i];
        if (which == 2)
            snprintf(num, sizeof(num), "%ld", nd->degree);
        else
            snprintf(num, sizeof(num), "%.6g", r[i].v);
        ADD(dg_buf_addf(p->out, "<tr><td class=\"n\">%zu</td><td>", i + 1));
        ADD(node_name(p, nd));
        ADD(dg_buf_addf(p->out, "</td><td>%s</td><td class=\"n\">%s</td></tr>",
                        dg_node_type_name(nd->type), num));
    }
    ADD(dg_buf_adds(p->out, "</table></div>"));
out:
    return rc;
}

static int write_centrality(page *p, const dg_graph *g)
{
    ranked *r = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(*r));
    int rc = DG_ENOMEM, which;

    if (!r)
        return DG_ENOMEM;
    ADD(dg_buf_adds(p->out, "<section id=\"centrality\"><h2>Most central</h2>"));
    if (!g->analyzed)
        ADD(dg_buf_adds(p->out, "<p class=\"note\">The graph was not analysed.</p>"));
    ADD(dg_buf_adds(p->out, "<div class=\"cols\">"));
    for (which = 0; which < 3; which++)
        ADD(write_rank_table(p, g, which, r));
    ADD(dg_buf_adds(p->out, "</div></section>\n"));
out:
    free(r);
    return rc;
}

/* --- interaction statistics from the events --- */

typedef struct {
    const char *key;   /* country code, or "a\tb" pair key in keybuf */
    const char *a, *b; /* display names */
    long count;
} tally;

static int tally_key_cmp(const void *pa, const void *pb)
{
    const tally *a = pa, *b = pb;

    return strcmp(a->key, b->key);
}

static int tally_count_cmp(const void *pa, const void *pb)
{
    const tally *a = pa, *b = pb;

    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* Sorts t by key, merges equal keys (summing counts), then sorts by
 * count, most first. Returns the new length. */
static size_t tally_reduce(tally *t, size_t n)
{
    size_t i, m = 0;

    if (!n)
        return 0;
    qsort(t, n, sizeof(*t), tally_key_cmp);
    for (i = 1; i < n; i++) {
        if (strcmp(t[i].key, t[m].key) == 0)
            t[m].count += t[i].count;
        else
            t[++m] = t[i];
    }
    qsort(t, m + 1, sizeof(*t), tally_count_cmp);
    return m + 1;
}

static const char *party_name(const dg_party *pt)
{
    return pt->name ? pt->name : pt->name_zh ? pt->name_zh : pt->id ? pt->id : "?";
}

static const char *country_label(const dg_graph *g, const char *cc)
{
    size_t i;

    for (i = 0; i < g->n_nodes; i++)
        if (strncmp(g->nodes[i].id, "country:", 8) == 0 &&
            strcmp(g->nodes[i].id + 8, cc) == 0)
            return g->nodes[i].label;
    return NULL;
}

static int write_countries(page *p, const dg_graph *g, const dg_meeting_list *ev)
{
    tally *t = NULL;
    size_t n = 0, cap = 0, i, k, j;
    int rc = DG_OK;

    for (i = 0; i < ev->len; i++) {
        const dg_meeting *m = &ev->items[i];
        for (k = 0; k < m->n_parties; k++) {
            const char *cc = m->parties[k].country;
            if (!cc[0])
                continue;
            for (j = 0; j < k && strcmp(m->parties[j].country, cc) != 0; j++)
                ;
            if (j < k) /* a country counts once per event */
                continue;
            ADD(dg_grow_array((void **)&t, &cap, n + 1, sizeof(*t)));
            t[n].key = cc;
            t[n].count = 1;
            n++;
        }
    }
    n = tally_reduce(t, n);
    ADD(dg_buf_adds(p->out, "<div><h3>Meetings per country</h3><table>"
                    "<tr><th>country</th><th>events</th></tr>"));
    for (i = 0; i < n && i < DG_REPORT_TOP; i++) {
        const char *label = country_label(g, t[i].key);
        ADD(dg_buf_adds(p->out, "<tr><td>"));
        ADD(html_text(p, t[i].key));
        if (label) {
            ADD(dg_buf_adds(p->out, " "));
            ADD(html_text(p, label));
        }
        ADD(dg_buf_addf(p->out, "</td><td class=\"n\">%ld</td></tr>", t[i].count));
    }
    ADD(dg_buf_adds(p->out, "</table></div>"));
out:
    free(t);
    return rc;
}

static int write_pairs(page *p, const dg_meeting_list *ev)
{
    tally *t = NULL;
    dg_buf keys = DG_BUF_INIT;
    size_t *offs = NULL, n = 0, cap = 0, ocap = 0, i, a, b;
    int rc = DG_OK;

    /* keys are built in one buffer (which moves as it grows): keep offsets */
    for (i = 0; i < ev->len; i++) {
        const dg_meeting *m = &ev->items[i];
        for (a = 0; a < m->n_parties; a++)
            for (b = 0; b < m->n_parties; b++) {
                const dg_party *x = &m->parties[a], *y = &m->parties[b];
                if (!x->id || !y->id || strcmp(x->id, y->id) >= 0)
                    continue;
                ADD(dg_grow_array((void **)&t, &cap, n + 1, sizeof(*t)));
                ADD(dg_grow_array((void **)&offs, &ocap, n + 1, sizeof(*offs)));
                offs[n] = keys.len;
                ADD(dg_buf_addf(&keys, "%s\t%s", x->id, y->id));
                ADD(dg_buf_addc(&keys, '\0'));
                t[n].a = party_name(x);
                t[n].b = party_name(y);
                t[n].count = 1;
                n++;
            }
    }
    for (i = 0; i < n; i++)
        t[i].key = keys.ptr + offs[i];
    n = tally_reduce(t, n);
    ADD(dg_buf_adds(p->out, "<div><h3>Top pairs</h3><table>"
                    "<tr><th>pair</th><th>events</th></tr>"));
    for (i = 0; i < n && i < DG_REPORT_TOP; i++) {
        ADD(dg_buf_adds(p->out, "<tr><td>"));
        ADD(html_text(p, t[i].a));
        ADD(dg_buf_adds(p->out, " – "));
        ADD(html_text(p, t[i].b));
        ADD(dg_buf_addf(p->out, "</td><td class=\"n\">%ld</td></tr>", t[i].count));
    }
    ADD(dg_buf_adds(p->out, "</table></div>"));
out:
    free(t);
    free(offs);
    dg_buf_destroy(&keys);
    return rc;
}

static int write_kinds(page *p, const dg_meeting_list *ev)
{
    long count[DG_KIND_COUNT] = { 0 };
    size_t i;
    int rc, k;

    for (i = 0; i < ev->len; i++)
        if ((unsigned)ev->items[i].kind < DG_KIND_COUNT)
            count[ev->items[i].kind]++;
    ADD(dg_buf_adds(p->out, "<div><h3>Per kind</h3><table>"
                    "<tr><th>kind</th><th>events</th></tr>"));
    for (k = 0; k < DG_KIND_COUNT; k++)
        ADD(dg_buf_addf(p->out, "<tr><td>%s</td><td class=\"n\">%ld</td></tr>",
                        dg_kind_name((dg_kind)k), count[k]));
    ADD(dg_buf_adds(p->out, "</table></div>"));
out:
    return rc;
}

static int write_interactions(page *p, const dg_graph *g, const dg_meeting_list *ev)
{
    int rc;

    ADD(dg_buf_adds(p->out, "<section id=\"interactions\"><h2>Interactions</h2>"
                    "<div class=\"cols\">"));
    ADD(write_countries(p, g, ev));
    ADD(write_pairs(p, ev));
    ADD(write_kinds(p, ev));
    ADD(dg_buf_adds(p->out, "</div></section>\n"));
out:
    return rc;
}

/* --- timeline: meetings per month as inline SVG bars --- */

/* months since year 0 for "YYYY-MM…", or -1 */
static long month_index(const char *d)
{
    long y = 0, m = 0;
    int i;

    if (!d || strlen(d) < 7 || d[4] != '-')
        return -1;
    for (i = 0; i < 4; i++) {
        if (d[i] < '0' || d[i] > '9')
            return -1;
        y = y * 10 + (d[i] - '0');
    }
    if (d[5] < '0' || d[5] > '1' || d[6] < '0' || d[6] > '9')
        return -1;
    m = (d[5] - '0') * 10 + (d[6] - '0');
    if (m < 1 || m > 12)
        return -1;
    return y * 12 + m - 1;
}

static int write_timeline(page *p, const dg_meeting_list *ev)
{
    long lo = -1, hi = -1, undated = 0, max = 0, span, k;
    long *count = NULL;
    size_t i;
    double bw, h;
    int rc = DG_OK;

    for (i = 0; i < ev->len; i++) {
        long mi = month_index(ev->items[i].date);
        if (mi < 0) {
            undated++;
            continue;
        }
        if (lo < 0 || mi < lo)
            lo = mi;
        if (mi > hi)
            hi = mi;
    }
    ADD(dg_buf_adds(p->out, "<section id=\"timeline\"><h2>Meetings per month</h2>"));
    if (lo < 0) {
        ADD(dg_buf_adds(p->out, "<p class=\"note\">No dated events.</p>"));
        goto end;
    }
    span = hi - lo + 1;
    count = calloc((size_t)span, sizeof(long));
    if (!count) {
        rc = DG_ENOMEM;
        goto out;
    }
    for (i = 0; i < ev->len; i++) {
        long mi = month_index(ev->items[i].date);
        if (mi >= 0 && ++count[mi - lo] > max)
            max = count[mi - lo];
    }
    bw = DG_REPORT_CHART_W / (double)span;
    ADD(dg_buf_addf(p->out, "<svg class=\"chart\" role=\"img\" width=\"100%%\" "
                    "viewBox=\"0 0 %.0f %.0f\" xmlns=\"http://www.w3.org/2000/svg\">"
                    "<title>meetings per month</title>",
                    DG_REPORT_CHART_W + 40, DG_REPORT_CHART_H + 40));
    ADD(dg_buf_addf(p->out, "<text x=\"0\" y=\"12\">%ld</text>", max));
    for (k = 0; k < span; k++) {
        long mi = lo + k;
        h = max ? DG_REPORT_CHART_H * (double)count[k] / (double)max : 0;
        ADD(dg_buf_addf(p->out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                        "height=\"%.2f\"><title>%04ld-%02ld: %ld</title></rect>",
                        30 + bw * (double)k, 10 + DG_REPORT_CHART_H - h,
                        bw > 2 ? bw - 1 : bw, h, mi / 12, mi % 12 + 1, count[k]));
        /* a tick per year (January), and the first month */
        if (k == 0 || mi % 12 == 0)
            ADD(dg_buf_addf(p->out, "<text x=\"%.2f\" y=\"%.0f\">%04ld-%02ld</text>",
                            30 + bw * (double)k, DG_REPORT_CHART_H + 28, mi / 12,
                            mi % 12 + 1));
    }
    ADD(dg_buf_adds(p->out, "</svg>"));
end:
    if (undated)
        ADD(dg_buf_addf(p->out, "<p class=\"note\">%ld event%s without a month.</p>",
                        undated, undated == 1 ? "" : "s"));
    ADD(dg_buf_adds(p->out, "</section>\n"));
out:
    free(count);
    return rc;
}

/* --- the events with their evidence and sources --- */

static int write_event(page *p, const dg_meeting *m)
{
    size_t k;
    int rc;

    ADD(dg_buf_adds(p->out, "<tr><td>"));
    ADD(html_text(p, m->date ? m->date : "–"));
    ADD(dg_buf_addf(p->out, "</td><td>%s", dg_kind_name(m->kind)));
    if (m->group) {
        ADD(dg_buf_adds(p->out, " ("));
        ADD(html_text(p, m->group));
        ADD(dg_buf_adds(p->out, ")"));
    }
    ADD(dg_buf_adds(p->out, "</td><td>"));
    if (m->place_name || m->place_name_zh) {
        ADD(html_text(p, m->place_name ? m->place_name : m->place_name_zh));
        if (m->place_name && m->place_name_zh) {
            ADD(dg_buf_adds(p->out, " <span class=\"zh\">"));
            ADD(html_text(p, m->place_name_zh));
            ADD(dg_buf_adds(p->out, "</span>"));
        }
        if (m->place_country[0]) {
            ADD(dg_buf_adds(p->out, ", "));
            ADD(html_text(p, m->place_country));
        }
    }
    ADD(dg_buf_adds(p->out, "</td><td>"));
    for (k = 0; k < m->n_parties; k++) {
        const dg_party *pt = &m->parties[k];
        if (k)
            ADD(dg_buf_adds(p->out, "<br>"));
        ADD(html_text(p, party_name(pt)));
        if (pt->name && pt->name_zh) {
            ADD(dg_buf_adds(p->out, " <span class=\"zh\">"));
            ADD(html_text(p, pt->name_zh));
            ADD(dg_buf_adds(p->out, "</span>"));
        }
        if (pt->country[0]) {
            ADD(dg_buf_adds(p->out, " ("));
            ADD(html_text(p, pt->country));
            ADD(dg_buf_adds(p->out, ")"));
        }
        ADD(dg_buf_addf(p->out, " <i>%s</i>", dg_role_name(pt->role)));
    }
    ADD(dg_buf_adds(p->out, "</td><td class=\"ev\">"));
    ADD(html_text(p, m->evidence));
    ADD(dg_buf_adds(p->out, "</td><td class=\"src\">"));
    for (k = 0; k < m->n_sources; k++) {
        const dg_source *s = &m->sources[k];
        if (k)
            ADD(dg_buf_adds(p->out, "<br>"));
        ADD(html_text(p, s->file ? s->file : "?"));
        ADD(dg_buf_addf(p->out, " · doc %ld · line %ld · byte %lld+%lld", s->doc,
                        s->line, s->byte, s->length));
        if (s->lang) {
            ADD(dg_buf_adds(p->out, " · "));
            ADD(html_text(p, s->lang));
        }
    }
    ADD(dg_buf_adds(p->out, "</td></tr>\n"));
out:
    return rc;
}

static int write_events(page *p, const dg_meeting_list *ev)
{
    size_t i, n = ev->len < DG_REPORT_MAX_EVENTS ? ev->len : DG_REPORT_MAX_EVENTS;
    int rc;

    ADD(dg_buf_addf(p->out, "<section id=\"events\"><h2>Events (%zu)</h2>", ev->len));
    if (n < ev->len)
        ADD(dg_buf_addf(p->out, "<p class=\"note\">The first %zu events of %zu; "
                        "events.jsonl has them all.</p>", n, ev->len));
    ADD(dg_buf_adds(p->out, "<table><tr><th>date</th><th>kind</th><th>place</th>"
                    "<th>parties</th><th>evidence</th><th>sources (file · doc · "
                    "line · byte+length)</th></tr>\n"));
    for (i = 0; i < n; i++)
        ADD(write_event(p, &ev->items[i]));
    ADD(dg_buf_adds(p->out, "</table></section>\n"));
out:
    return rc;
}

int dg_report_html(dg_buf *out, const dg_graph *g,
                   const dg_meeting_list *events, const char *svg,
                   size_t svg_len, dg_error *err)
{
    static const dg_meeting_list none = DG_MEETING_LIST_INIT;
    page p;
    size_t start = out->len;
    int rc = dg_graph_check(g, "report", err);

    if (rc < 0)
        return rc;
    if (!events)
        events = &none;
    p.out = out;
    dg_buf_init(&p.tmp);
    ADD(dg_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"));
    ADD(dg_buf_addf(out, "<title>diplograph report: %s layer</title>\n",
                    dg_layer_name(g->layer)));
    ADD(dg_buf_addf(out, "<style>%s</style>\n</head>\n<body>\n", CSS));
    ADD(dg_buf_addf(out, "<header><h1>Meetings between officials and countries</h1>"
                    "<p>diplograph report · %s layer · %zu events</p></header>\n<main>\n",
                    dg_layer_name(g->layer), events->len));
    ADD(write_summary(&p, g, events));
    ADD(write_diagram(&p, svg, svg_len));
    ADD(write_centrality(&p, g));
    ADD(write_interactions(&p, g, events));
    ADD(write_timeline(&p, events));
    ADD(write_events(&p, events));
    ADD(dg_buf_adds(out, "</main>\n<footer class=\"note\" style=\"padding:0 32px 24px\">"
                    "Made by diplograph. Each event lists the sentence it was read "
                    "from and where: file, document, line, byte offset and length."
                    "</footer>\n</body>\n</html>\n"));
out:
    dg_buf_destroy(&p.tmp);
    if (rc < 0) {
        dg_buf_truncate(out, start);
        return dg_error_set(err, rc, "report: out of memory");
    }
    return DG_OK;
}
