#ifndef DG_TEST_GRAPH_FIXTURE_H
#define DG_TEST_GRAPH_FIXTURE_H
/* Hand-built dg_graph values for the export and render tests (graph
 * construction lives in another module): a small graph with hostile
 * strings, and a synthetic graph of any size. Freed with fx_graph_free,
 * not dg_graph_destroy, so these tests depend on nothing but the struct. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/graph.h"

static inline char *fx_strdup(const char *s)
{
    char *p;

    if (!s)
        return NULL;
    p = malloc(strlen(s) + 1);
    if (!p)
        abort();
    memcpy(p, s, strlen(s) + 1);
    return p;
}

static inline void *fx_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);

    if (!p)
        abort();
    return p;
}

static inline void fx_graph_free(dg_graph *g)
{
    size_t i, k;

    for (i = 0; i < g->n_nodes; i++) {
        dg_node *n = &g->nodes[i];
        free(n->id);
        free(n->label);
        free(n->name);
        free(n->name_zh);
        free(n->title);
        free(n->title_zh);
        free(n->first_date);
        free(n->last_date);
    }
    for (i = 0; i < g->n_edges; i++) {
        dg_edge *e = &g->edges[i];
        free(e->first_date);
        free(e->last_date);
        for (k = 0; k < e->n_dates; k++)
            free(e->dates[k]);
        free(e->dates);
    }
    free(g->nodes);
    free(g->edges);
    memset(g, 0, sizeof(*g));
}

static inline void fx_node(dg_node *n, const char *id, const char *label,
                           const char *name, const char *name_zh,
                           dg_node_type type, const char *country)
{
    memset(n, 0, sizeof(*n));
    n->id = fx_strdup(id);
    n->label = fx_strdup(label);
    n->name = fx_strdup(name);
    n->name_zh = fx_strdup(name_zh);
    n->type = type;
    if (country)
        memcpy(n->country, country, 3);
    n->community = -1;
}

static inline void fx_edge(dg_edge *e, size_t from, size_t to,
                           dg_edge_type type, double weight,
                           const char *const *dates, size_t n_dates)
{
    size_t k;

    memset(e, 0, sizeof(*e));
    e->from = from;
    e->to = to;
    e->type = type;
    e->weight = weight;
    e->n_dates = n_dates;
    e->dates = n_dates ? fx_calloc(n_dates, sizeof(char *)) : NULL;
    for (k = 0; k < n_dates; k++)
        e->dates[k] = fx_strdup(dates[k]);
    if (n_dates) {
        e->first_date = fx_strdup(dates[0]);
        e->last_date = fx_strdup(dates[n_dates - 1]);
    }
}

/* Six nodes, five edges (tests/tools/export_roundtrip.py knows them):
 *  0 country:CN      China / 中国
 *  1 country:PH      Philippines / 菲律宾
 *  2 org:A&B<C>      A&B <C> "Group"            (XML specials)
 *  3 person:PH:洛钦  no English name            (name NULL)
 *  4 person:back\slash  "Back\slash \x01Ctl\x1f" (backslash, controls)
 *  5 person:wang-yi  Wang Yi / 王毅
 * edges: 0-5 represents, 1-3 represents, 3-5 meeting (2021-06-07, 2021-07),
 * 2-5 multilateral 1/3 (2022-01-15), 4-5 call (undated). */
static inline void fx_small(dg_graph *g, dg_layer layer)
{
    static const char *const d35[] = { "2021-06-07", "2021-07" };
    static const char *const d25[] = { "2022-01-15" };
    dg_node *n;
    dg_edge *e;
    size_t i;

    memset(g, 0, sizeof(*g));
    g->layer = layer;
    g->directed = layer == DG_LAYER_VISITS;
    g->n_nodes = 6;
    g->nodes = n = fx_calloc(6, sizeof(dg_node));
    fx_node(&n[0], "country:CN", "China", "China", "中国", DG_NODE_COUNTRY, "CN");
    fx_node(&n[1], "country:PH", "Philippines", "Philippines", "菲律宾",
            DG_NODE_COUNTRY, "PH");
    fx_node(&n[2], "org:A&B<C>", "A&B <C> \"Group\"", "A&B <C> \"Group\"", NULL,
            DG_NODE_ORG, NULL);
    fx_node(&n[3], "person:PH:洛钦", "洛钦", NULL, "洛钦", DG_NODE_PERSON, "PH");
    n[3].title = fx_strdup("Foreign Minister");
    n[3].title_zh = fx_strdup("外长");
    fx_node(&n[4], "person:back\\slash", "Back\\slash \x01" "Ctl\x1f",
            "Back\\slash \x01" "Ctl\x1f", NULL, DG_NODE_PERSON, "XX");
    n[4].title = fx_strdup("Envoy\tof <x> & 'y'");
    fx_node(&n[5], "person:wang-yi", "Wang Yi", "Wang Yi", "王毅",
            DG_NODE_PERSON, "CN");
    n[5].title = fx_strdup("State Councilor and Foreign Minister");
    n[5].title_zh = fx_strdup("国务委员兼外长");
    for (i = 0; i < 6; i++) {
        n[i].meetings = (long)i;
        n[i].degree = (long)(i % 3) + 1;
        n[i].strength = 0.5 * (double)i;
        n[i].betweenness = 1.5 * (double)i;
        n[i].closeness = 1.0 / (double)(i + 1);
        n[i].harmonic = 0.25 * (double)i;
        n[i].eigenvector = (double)i / 5.0;
        n[i].pagerank = 0.1 + 0.0123456789 * (double)i;
        n[i].community = (long)(i % 3);
        n[i].leiden = (long)(i % 2);
        n[i].component = 0;
    }
    n[4].closeness = NAN; /* igraph's value for an unreachable node */
    n[5].degree = 4;
    n[5].meetings = 3;
    n[3].first_date = fx_strdup("2021-06-07");
    n[3].last_date = fx_strdup("2021-07");
    n[5].first_date = fx_strdup("2021-06-07");
    n[5].last_date = fx_strdup("2022-01-15");
    n[2].first_date = fx_strdup("2022-01-15");
    n[2].last_date = fx_strdup("2022-01-15");

    g->n_edges = 5;
    g->edges = e = fx_calloc(5, sizeof(dg_edge));
    fx_edge(&e[0], 0, 5, DG_EDGE_REPRESENTS, 1.0, NULL, 0);
    fx_edge(&e[1], 1, 3, DG_EDGE_REPRESENTS, 1.0, NULL, 0);
    fx_edge(&e[2], 2, 5, DG_EDGE_MEETING, 1.0 / 3.0, d25, 1);
    e[2].count[DG_KIND_MULTILATERAL] = 1;
    e[2].meetings = 1;
    e[2].sources = 1;
    fx_edge(&e[3], 3, 5, DG_EDGE_MEETING, 2.0, d35, 2);
    e[3].count[DG_KIND_MEET] = 1;
    e[3].count[DG_KIND_TALKS] = 1;
    e[3].meetings = 2;
    e[3].sources = 3;
    fx_edge(&e[4], 4, 5, DG_EDGE_MEETING, 1.0, NULL, 0);
    e[4].count[DG_KIND_CALL] = 1;
    e[4].meetings = 1;
    e[4].sources = 1;
    if (layer == DG_LAYER_VISITS) { /* guest -> host: 3 visited 5 */
        e[3].type = DG_EDGE_VISIT;
        e[3].count[DG_KIND_VISIT] = 1;
    }
    g->stats.nodes = 6;
    g->stats.edges = 5;
    g->stats.components = 1;
    g->stats.density = 1.0 / 3.0;
    g->stats.transitivity = 0;
    g->stats.modularity = 0.125;
    g->stats.leiden_modularity = 0.125;
    g->stats.betweenness_exact = 1;
    g->stats.betweenness_cutoff = -1;
    g->analyzed = 1;
}

/* A deterministic pseudo-random generator (no global state). */
static inline unsigned long fx_rand(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return (*state >> 33);
}

/* n nodes in communities of 25, about m edges (80% inside a community),
 * degrees, strengths and a PageRank-like score from the degrees. Node
 * ids sort in array order ("person:s00000"...). */
static inline void fx_synthetic(dg_graph *g, size_t n, size_t m)
{
    unsigned long st = 42;
    size_t i, k, kept = 0;
    char buf[64];
    double total = 0;

    memset(g, 0, sizeof(*g));
    g->layer = DG_LAYER_PEOPLE;
    g->n_nodes = n;
    g->nodes = fx_calloc(n, sizeof(dg_node));
    for (i = 0; i < n; i++) {
        char name[64], zh[64];
        snprintf(buf, sizeof(buf), "person:s%05zu", i);
        snprintf(name, sizeof(name), "Official %zu", i);
        snprintf(zh, sizeof(zh), "官员%zu号", i);
        fx_node(&g->nodes[i], buf, name, name, zh, DG_NODE_PERSON, "CN");
        g->nodes[i].community = (long)(i / 25);
        g->nodes[i].component = 0;
    }
    g->edges = fx_calloc(m, sizeof(dg_edge));
    for (k = 0; k < m && n > 1; k++) {
        size_t a = fx_rand(&st) % n, b;
        if (fx_rand(&st) % 10 < 8) {
            size_t base = a - a % 25, size = n - base < 25 ? n - base : 25;
            b = base + fx_rand(&st) % size;
        } else {
            b = fx_rand(&st) % n;
        }
        if (a == b)
            continue;
        fx_edge(&g->edges[kept], a < b ? a : b, a < b ? b : a, DG_EDGE_MEETING,
                1.0 + (double)(fx_rand(&st) % 5), NULL, 0);
        g->edges[kept].meetings = (long)g->edges[kept].weight;
        g->edges[kept].count[DG_KIND_MEET] = g->edges[kept].meetings;
        g->nodes[a].degree++;
        g->nodes[b].degree++;
        g->nodes[a].strength += g->edges[kept].weight;
        g->nodes[b].strength += g->edges[kept].weight;
        kept++;
    }
    g->n_edges = kept;
    for (i = 0; i < n; i++)
        total += g->nodes[i].strength;
    for (i = 0; i < n; i++) {
        /* skew the scores so a few nodes stand out, as in real data */
        double s = g->nodes[i].strength * (i % 97 == 0 ? 8.0 : 1.0);
        g->nodes[i].pagerank = total > 0 ? s / total : 0;
        g->nodes[i].betweenness = s * s;
        g->nodes[i].meetings = (long)g->nodes[i].strength;
    }
    g->analyzed = 1;
    g->stats.nodes = (long)n;
    g->stats.edges = (long)kept;
}

#endif
