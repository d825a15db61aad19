/* Unit tests: graph layers (dg_graph_build) and analysis (dg_graph_analyze). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/graph.h"
#include "graph/graph_int.h"

/* Adds an event: parties "id/role" ("person:CN:a/host"); a "country:XX" id
 * is a country party. */
static void ev(dg_meeting_list *l, dg_kind kind, const char *date, const char *group, ...)
{
    dg_meeting m;
    va_list ap;
    const char *spec;
    dg_source src = { "t.txt", 0, 1, 0, 1, "en" };

    dg_meeting_init(&m);
    m.kind = kind;
    m.date = date ? strdup(date) : NULL;
    m.group = group ? strdup(group) : NULL;
    m.mentions = 1;
    src.doc = (long)l->len;
    assert_int_equal(dg_meeting_add_source(&m, &src), DG_OK);
    va_start(ap, group);
    while ((spec = va_arg(ap, const char *)) != NULL) {
        dg_party p;
        const char *slash = strchr(spec, '/');
        char id[128], role[32];
        memset(&p, 0, sizeof(p));
        snprintf(id, sizeof(id), "%.*s", (int)(slash - spec), spec);
        snprintf(role, sizeof(role), "%s", slash + 1);
        p.id = id;
        p.type = strncmp(id, "country:", 8) == 0 ? DG_PARTY_COUNTRY : DG_PARTY_PERSON;
        assert_int_equal(dg_role_parse(&p.role, role), DG_OK);
        assert_int_equal(dg_meeting_add_party(&m, &p), DG_OK);
    }
    va_end(ap);
    assert_int_equal(dg_meeting_compute_id(&m), DG_OK);
    assert_int_equal(dg_meeting_list_push(l, &m), DG_OK);
}

static void sample(dg_meeting_list *l)
{
    ev(l, DG_KIND_MEET, "2021-06-07", NULL, "person:CN:wang/host", "person:PH:locsin/guest", NULL);
    ev(l, DG_KIND_MULTILATERAL, "2021-06-08", "LMC", "person:CN:wang/chair",
       "country:KH/participant", "country:LA/participant", NULL);
    ev(l, DG_KIND_TALKS, "2021-07-01", NULL, "person:CN:wang/host", "person:PH:locsin/guest", NULL);
    dg_meeting_list_sort(l);
}

static const dg_edge *edge(const dg_graph *g, const char *a, const char *b, dg_edge_type t)
{
    size_t i, x = dg_graph_find(g, a), y = dg_graph_find(g, b);

    assert_true(x != (size_t)-1);
    assert_true(y != (size_t)-1);
    for (i = 0; i < g->n_edges; i++)
        if (g->edges[i].from == x && g->edges[i].to == y && g->edges[i].type == t)
            return &g->edges[i];
    fail_msg("no edge %s - %s", a, b);
    return NULL;
}

static void check_sorted(const dg_graph *g)
{
    size_t i;

    for (i = 1; i < g->n_nodes; i++)
        assert_true(strcmp(g->nodes[i - 1].id, g->nodes[i].id) < 0);
    for (i = 0; i < g->n_edges; i++) {
        const dg_edge *e = &g->edges[i];
        if (!g->directed)
            assert_true(e->from < e->to);
        if (i > 0) {
            const dg_edge *p = &g->edges[i - 1];
            assert_true(p->from < e->from || (p->from == e->from && p->to < e->to) ||
                        (p->from == e->from && p->to == e->to && p->type < e->type));
        }
    }
}

static void build(dg_graph *g, const dg_meeting_list *l, dg_layer layer, const char *from,
                  const char *to)
{
    dg_graph_opts opts = DG_GRAPH_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;

    opts.layer = layer;
    opts.from = from;
    opts.to = to;
    assert_int_equal(dg_graph_build(g, l, &opts, &err), DG_OK);
    check_sorted(g);
}

static void test_full_layer(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    const dg_edge *e;
    size_t wang;

    (void)state;
    sample(&l);
    build(&g, &l, DG_LAYER_FULL, NULL, NULL);
    assert_int_equal(g.n_nodes, 6);
    assert_string_equal(g.nodes[0].id, "country:CN");
    assert_int_equal(g.nodes[0].type, DG_NODE_COUNTRY);
    assert_int_equal(g.n_edges, 6);
    e = edge(&g, "person:CN:wang", "person:PH:locsin", DG_EDGE_MEETING);
    assert_true(fabs(e->weight - 2.0) < 1e-12);
    assert_int_equal(e->meetings, 2);
    assert_int_equal(e->count[DG_KIND_MEET], 1);
    assert_int_equal(e->count[DG_KIND_TALKS], 1);
    assert_string_equal(e->first_date, "2021-06-07");
    assert_string_equal(e->last_date, "2021-07-01");
    assert_int_equal(e->n_dates, 2);
    /* three parties: 1/(n-1) each */
    e = edge(&g, "country:KH", "person:CN:wang", DG_EDGE_MEETING);
    assert_true(fabs(e->weight - 0.5) < 1e-12);
    e = edge(&g, "country:KH", "country:LA", DG_EDGE_MEETING);
    assert_true(fabs(e->weight - 0.5) < 1e-12);
    e = edge(&g, "country:CN", "person:CN:wang", DG_EDGE_REPRESENTS);
    assert_true(fabs(e->weight - 1.0) < 1e-12);
    assert_int_equal(e->meetings, 3);
    wang = dg_graph_find(&g, "person:CN:wang");
    assert_int_equal(g.nodes[wang].meetings, 3);
    assert_string_equal(g.nodes[wang].first_date, "2021-06-07");
    assert_string_equal(g.nodes[wang].last_date, "2021-07-01");
    assert_string_equal(g.nodes[wang].label, "person:CN:wang");
    assert_int_equal(g.nodes[dg_graph_find(&g, "country:CN")].meetings, 3);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_other_layers(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    const dg_edge *e;

    (void)state;
    sample(&l);
    build(&g, &l, DG_LAYER_COUNTRIES, NULL, NULL);
    assert_int_equal(g.n_nodes, 4);
    assert_int_equal(g.n_edges, 4);
    e = edge(&g, "country:CN", "country:PH", DG_EDGE_MEETING);
    assert_true(fabs(e->weight - 2.0) < 1e-12);
    e = edge(&g, "country:CN", "country:LA", DG_EDGE_MEETING);
    assert_true(fabs(e->weight - 0.5) < 1e-12);
    dg_graph_destroy(&g);

    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_edges, 1);
    assert_true(fabs(g.edges[0].weight - 2.0) < 1e-12);
    dg_graph_destroy(&g);

    build(&g, &l, DG_LAYER_VISITS, NULL, NULL);
    assert_true(g.directed);
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_edges, 1);
    e = edge(&g, "person:PH:locsin", "person:CN:wang", DG_EDGE_VISIT);
    assert_true(fabs(e->weight - 2.0) < 1e-12);
    dg_graph_destroy(&g);

    /* window: only the LMC meeting */
    build(&g, &l, DG_LAYER_FULL, "2021-06-08", "2021-06-30");
    assert_int_equal(g.n_nodes, 4); /* wang, CN, KH, LA */
    assert_int_equal(g.n_edges, 4);
    dg_graph_destroy(&g);
    /* a month-wide window includes the whole month */
    build(&g, &l, DG_LAYER_PEOPLE, "2021-06", "2021-06");
    assert_int_equal(g.n_edges, 1);
    assert_true(fabs(g.edges[0].weight - 1.0) < 1e-12);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void analyze(dg_graph *g)
{
    dg_analyze_opts opts = DG_ANALYZE_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;

    assert_int_equal(dg_graph_analyze(g, &opts, &err), DG_OK);
    assert_true(g->analyzed);
}

static double pagerank_sum(const dg_graph *g)
{
    double s = 0;
    size_t i;

    for (i = 0; i < g->n_nodes; i++)
        s += g->nodes[i].pagerank;
    return s;
}

static void test_star(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    size_t c, i;

    (void)state;
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:c/host", "person:CN:l1/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-02", NULL, "person:CN:c/host", "person:CN:l2/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-03", NULL, "person:CN:c/host", "person:CN:l3/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-04", NULL, "person:CN:c/host", "person:CN:l4/guest", NULL);
    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    analyze(&g);
    c = dg_graph_find(&g, "person:CN:c");
    assert_int_equal(g.nodes[c].degree, 4);
    assert_true(fabs(g.nodes[c].strength - 4) < 1e-12);
    assert_true(fabs(g.nodes[c].betweenness - 6) < 1e-9); /* C(4,2) pairs */
    assert_true(fabs(g.nodes[c].closeness - 1) < 1e-9);
    assert_true(fabs(g.nodes[c].harmonic - 1) < 1e-9);
    assert_true(fabs(g.nodes[c].eigenvector - 1) < 1e-9);
    for (i = 0; i < g.n_nodes; i++)
        if (i != c) {
            assert_true(fabs(g.nodes[i].betweenness) < 1e-12);
            assert_true(g.nodes[i].pagerank < g.nodes[c].pagerank);
            assert_true(fabs(g.nodes[i].harmonic - (1 + 0.5 * 3) / 4) < 1e-9);
        }
    assert_true(fabs(pagerank_sum(&g) - 1) < 1e-9);
    assert_int_equal(g.stats.components, 1);
    assert_true(fabs(g.stats.density - 0.4) < 1e-12);
    assert_true(fabs(g.stats.transitivity) < 1e-12);
    assert_true(g.stats.betweenness_exact);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_path_and_weights(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    dg_analyze_opts opts = DG_ANALYZE_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;

    (void)state;
    /* a - b - c - d, and a - d met twice: a-d distance 1/2 beats a-b-c-d
     * (3) and also c-d-a-b... */
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:a/host", "person:CN:b/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-02", NULL, "person:CN:b/host", "person:CN:c/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-03", NULL, "person:CN:c/host", "person:CN:d/guest", NULL);
    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    analyze(&g);
    assert_true(fabs(g.nodes[0].betweenness - 0) < 1e-9);
    assert_true(fabs(g.nodes[1].betweenness - 2) < 1e-9);
    assert_true(fabs(g.nodes[2].betweenness - 2) < 1e-9);
    assert_true(fabs(g.nodes[3].betweenness - 0) < 1e-9);
    assert_true(fabs(g.nodes[0].closeness - 3.0 / 6.0) < 1e-9);
    assert_true(fabs(pagerank_sum(&g) - 1) < 1e-9);
    dg_graph_destroy(&g);
    /* two meetings a-d: the ring a-b-c-d-a, with a-d at distance 0.5:
     * b-d goes through a (1.5 < 2), a-c ties (2 via b, 1.5 via d: d) */
    ev(&l, DG_KIND_MEET, "2021-01-04", NULL, "person:CN:a/host", "person:CN:d/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-05", NULL, "person:CN:a/host", "person:CN:d/guest", NULL);
    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    analyze(&g);
    assert_true(fabs(g.nodes[0].betweenness - 1) < 1e-9); /* b-d */
    assert_true(fabs(g.nodes[3].betweenness - 1) < 1e-9); /* a-c */
    assert_true(fabs(g.nodes[1].betweenness) < 1e-9);
    assert_true(fabs(g.nodes[2].betweenness) < 1e-9);
    /* the cutoff path is taken above exact_betweenness_max */
    opts.exact_betweenness_max = 2;
    opts.betweenness_cutoff = 1.0;
    assert_int_equal(dg_graph_analyze(&g, &opts, &err), DG_OK);
    assert_false(g.stats.betweenness_exact);
    assert_true(fabs(g.stats.betweenness_cutoff - 1.0) < 1e-12);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_sampled_paths(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    dg_analyze_opts opts = DG_ANALYZE_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    double sum = 0;
    size_t i;

    (void)state;
    /* a 6-cycle: every source sees the same dependencies, so the scaled
     * sample gives the exact total (12: 2 per node) whichever 3 sources */
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:a/host", "person:CN:b/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:b/host", "person:CN:c/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:c/host", "person:CN:d/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:d/host", "person:CN:e/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:e/host", "person:CN:f/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:f/host", "person:CN:a/guest", NULL);
    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    opts.exact_betweenness_max = 2;
    opts.betweenness_sources = 3;
    assert_int_equal(dg_graph_analyze(&g, &opts, &err), DG_OK);
    assert_false(g.stats.betweenness_exact);
    assert_int_equal(g.stats.betweenness_sources, 3);
    for (i = 0; i < g.n_nodes; i++) {
        sum += g.nodes[i].betweenness;
        assert_true(g.nodes[i].closeness > 0);
        assert_true(g.nodes[i].harmonic > 0);
    }
    assert_true(fabs(sum - 12) < 1e-9);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

/* The sampled path measures (paths.c) agree with igraph's
 * betweenness_subset and distances_dijkstra, which they replace: random
 * graphs with parallel edges and many ties in path length, undirected and
 * directed. */
static void check_paths_against_igraph(int directed, unsigned seed)
{
    static const double weights[] = { 1.0, 0.5, 2.0, 1.0 / 3.0, 1.5 };
    size_t n = 60, m = 240, k = 9, i, j;
    size_t src[9];
    dg_graph g;
    igraph_t ig;
    igraph_vector_int_t ev, vs;
    igraph_vector_t dist, res;
    igraph_matrix_t d;
    dg_error err = DG_ERROR_INIT;
    unsigned x = seed;

    memset(&g, 0, sizeof(g));
    g.directed = directed;
    g.n_nodes = n;
    g.nodes = calloc(n, sizeof(dg_node));
    g.n_edges = m;
    g.edges = calloc(m, sizeof(dg_edge));
    assert_non_null(g.nodes);
    assert_non_null(g.edges);
    igraph_vector_int_init(&ev, (igraph_integer_t)(2 * m));
    igraph_vector_init(&dist, (igraph_integer_t)m);
    for (i = 0; i < m; i++) {
        size_t a, b;
        do {
            x = x * 1103515245u + 12345u;
            a = (x >> 8) % n;
            x = x * 1103515245u + 12345u;
            b = (x >> 8) % (i < 10 ? 5 : n); /* a few parallel edges */
        } while (a == b);
        if (!directed && a > b) {
            size_t t = a;
            a = b;
            b = t;
        }
        g.edges[i].from = a;
        g.edges[i].to = b;
        g.edges[i].weight = weights[(x >> 4) % 5];
        VECTOR(ev)[2 * i] = (igraph_integer_t)a;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)b;
        VECTOR(dist)[i] = 1.0 / g.edges[i].weight;
    }
    for (i = 0; i < k; i++)
        src[i] = i * 6 + (seed % 5);
    assert_int_equal(dg_graph_sampled_paths(&g, src, k, NULL, &err), DG_OK);
    assert_int_equal(igraph_create(&ig, &ev, (igraph_integer_t)n, directed), IGRAPH_SUCCESS);
    igraph_vector_int_init(&vs, (igraph_integer_t)k);
    for (i = 0; i < k; i++)
        VECTOR(vs)[i] = (igraph_integer_t)src[i];
    igraph_vector_init(&res, 0);
    igraph_matrix_init(&d, 0, 0);
    assert_int_equal(igraph_betweenness_subset(&ig, &res, igraph_vss_all(), directed,
                                               igraph_vss_vector(&vs), igraph_vss_all(), &dist),
                     IGRAPH_SUCCESS);
    assert_int_equal(igraph_distances_dijkstra(&ig, &d, igraph_vss_vector(&vs), igraph_vss_all(),
                                               &dist, IGRAPH_ALL),
                     IGRAPH_SUCCESS);
    for (j = 0; j < n; j++) {
        double want = VECTOR(res)[j] * (double)n / (double)k, sum = 0, inv = 0;
        long reach = 0, others = 0;
        for (i = 0; i < k; i++) {
            double y = MATRIX(d, i, j);
            if (src[i] == j)
                continue;
            others++;
            if (isfinite(y) && y > 0) {
                reach++;
                sum += y;
                inv += 1.0 / y;
            }
        }
        if (fabs(g.nodes[j].betweenness - want) > 1e-9 * (1 + fabs(want)))
            fail_msg("%s seed %u node %zu: betweenness %.12g, igraph %.12g",
                     directed ? "directed" : "undirected", seed, j, g.nodes[j].betweenness, want);
        assert_true(fabs(g.nodes[j].closeness - (reach ? (double)reach / sum : 0)) < 1e-12);
        assert_true(fabs(g.nodes[j].harmonic - (others ? inv / (double)others : 0)) < 1e-12);
    }
    igraph_destroy(&ig);
    igraph_vector_int_destroy(&ev);
    igraph_vector_int_destroy(&vs);
    igraph_vector_destroy(&dist);
    igraph_vector_destroy(&res);
    igraph_matrix_destroy(&d);
    free(g.nodes);
    free(g.edges);
}

static void test_sampled_paths_match_igraph(void **state)
{
    unsigned seed;

    (void)state;
    for (seed = 1; seed <= 20; seed++) {
        check_paths_against_igraph(0, seed);
        check_paths_against_igraph(1, seed);
    }
}

static void test_communities(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    size_t i;

    (void)state;
    /* two triangles joined by one edge */
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:a/host", "person:CN:b/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:b/host", "person:CN:c/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:a/host", "person:CN:c/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:x/host", "person:CN:y/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:y/host", "person:CN:z/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:x/host", "person:CN:z/guest", NULL);
    ev(&l, DG_KIND_MEET, "2021-01-01", NULL, "person:CN:c/host", "person:CN:x/guest", NULL);
    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    analyze(&g);
    for (i = 0; i < 3; i++) {
        assert_int_equal(g.nodes[i].community, 0);
        assert_int_equal(g.nodes[i + 3].community, 1);
        assert_int_equal(g.nodes[i].leiden, 0);
        assert_int_equal(g.nodes[i + 3].leiden, 1);
    }
    /* Q = 2 * (3/7 - (7/14)^2) */
    assert_true(fabs(g.stats.modularity - 2 * (3.0 / 7 - 0.25)) < 1e-9);
    assert_true(fabs(g.stats.leiden_modularity - g.stats.modularity) < 1e-9);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_degenerate(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;

    (void)state;
    build(&g, &l, DG_LAYER_FULL, NULL, NULL);
    assert_int_equal(g.n_nodes, 0);
    analyze(&g);
    dg_graph_destroy(&g);
    /* one person, no edge */
    ev(&l, DG_KIND_MULTILATERAL, "2021-01-01", "X", "person:CN:a/chair", NULL);
    build(&g, &l, DG_LAYER_PEOPLE, NULL, NULL);
    assert_int_equal(g.n_nodes, 1);
    assert_int_equal(g.n_edges, 0);
    analyze(&g);
    assert_true(fabs(g.nodes[0].pagerank - 1) < 1e-9);
    assert_int_equal(g.nodes[0].community, 0);
    dg_graph_destroy(&g);
    /* directed with no edges */
    build(&g, &l, DG_LAYER_VISITS, NULL, NULL);
    analyze(&g);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_visits_hubs(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    size_t h;

    (void)state;
    ev(&l, DG_KIND_VISIT, "2021-01-01", NULL, "person:PH:a/guest", "person:CN:h/host", NULL);
    ev(&l, DG_KIND_VISIT, "2021-01-02", NULL, "person:VN:b/guest", "person:CN:h/host", NULL);
    ev(&l, DG_KIND_VISIT, "2021-01-03", NULL, "person:CN:h/guest", "person:VN:b/host", NULL);
    build(&g, &l, DG_LAYER_VISITS, NULL, NULL);
    analyze(&g);
    h = dg_graph_find(&g, "person:CN:h");
    assert_true(fabs(g.nodes[h].authority - 1) < 1e-9);
    assert_true(g.stats.reciprocity > 0.6 && g.stats.reciprocity < 0.7); /* 2 of 3 */
    assert_true(fabs(pagerank_sum(&g) - 1) < 1e-9);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_layer),
        cmocka_unit_test(test_other_layers),
        cmocka_unit_test(test_star),
        cmocka_unit_test(test_path_and_weights),
        cmocka_unit_test(test_sampled_paths),
        cmocka_unit_test(test_sampled_paths_match_igraph),
        cmocka_unit_test(test_communities),
        cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_visits_hubs),
    };
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
