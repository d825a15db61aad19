/* Graph analysis with igraph: centralities, communities, graph figures.
 *
 * Every measure is computed on all the edges of the layer, with their
 * weights, exactly as the exporters write them (on the full layer that
 * includes the `represents` edges, weight 1): anyone who loads the
 * exported file can recompute the same numbers.
 *
 * - Weights are meeting strengths; shortest-path measures (betweenness,
 *   closeness, harmonic) need distances, so they get 1/weight.
 * - Parallel edges (a meeting edge and a represents edge between the same
 *   person and country) stay parallel for the centralities, as igraph and
 *   networkx's MultiGraph treat them: path measures use the shorter one,
 *   PageRank, strength and eigenvector sum them. Communities, modularity,
 *   transitivity and density use the simple graph with summed weights
 *   (undirected; the visits layer is symmetrised for them).
 * - Closeness and harmonic centrality are normalised (igraph's
 *   normalized=true: closeness is 1/mean distance to the reachable nodes,
 *   0 for an isolated node; harmonic is the mean of 1/distance over the
 *   other n-1 nodes). Betweenness is not normalised; on undirected layers
 *   each pair counts once (as networkx with normalized=False).
 * - On the visits layer PageRank, hub and authority follow the direction
 *   guest -> host; closeness, harmonic and eigenvector ignore it.
 * - Above opts->exact_betweenness_max nodes, betweenness, closeness and
 *   harmonic centrality only follow paths up to opts->betweenness_cutoff
 *   (in distance units: a path of bilateral-meeting edges of length k has
 *   distance k), or, when opts->betweenness_sources > 0, are estimated
 *   from that many sampled sources; g->stats records which was used. */
#include <igraph.h>
#include <math.h>
#include <stdio.h>

#include "diplograph/graph.h"
#include "graph/graph_int.h"
#include "common.h"

/* The one place igraph errors become dg errors. */
static int igraph_fail(dg_error *err, igraph_error_t e, const char *what)
{
    if (e == IGRAPH_ENOMEM)
        return dg_error_set(err, DG_ENOMEM, "%s: out of memory", what);
    return dg_error_set(err, DG_EGRAPH, "%s: igraph: %s", what, igraph_strerror(e));
}

#define IG(call, what)                                    \
    do {                                                  \
        igraph_error_t ig_e_ = (call);                    \
        if (ig_e_ != IGRAPH_SUCCESS) {                    \
            rc = igraph_fail(err, ig_e_, what);           \
            goto out;                                     \
        }                                                 \
    } while (0)

typedef struct {
    size_t a, b;
    double w;
} pair;

static int pair_cmp(const void *pa, const void *pb)
{
    const pair *x = pa, *y = pb;

    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return 0;
}

static int size_cmp(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

    return a < b ? -1 : a > b;
}

static double finite_or_zero(double d)
{
    return isfinite(d) ? d : 0.0;
}

/* splitmix64: a small seeded generator for the sampled sources, so the
 * sample depends on opts->seed only. */
static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Estimates betweenness, closeness and harmonic centrality from k sampled
 * sources (see dg_analyze_opts): the sources drawn with the seed, the
 * paths followed in paths.c. */
static int sampled_paths(dg_graph *g, long k, unsigned long seed, dg_timing *tm, dg_error *err)
{
    size_t n = g->n_nodes, i, *src = malloc((n ? n : 1) * sizeof(size_t));
    uint64_t state = (uint64_t)seed;
    int rc;

    if (!src)
        return dg_error_set(err, DG_ENOMEM, "sampling sources: out of memory");
    for (i = 0; i < n; i++)
        src[i] = i;
    for (i = 0; i < (size_t)k; i++) { /* partial Fisher-Yates */
        size_t r = i + (size_t)(splitmix(&state) % (uint64_t)(n - i));
        size_t t = src[i];
        src[i] = src[r];
        src[r] = t;
    }
    dg_qsort(src, (size_t)k, sizeof(size_t), size_cmp);
    rc = dg_graph_sampled_paths(g, src, (size_t)k, tm, err);
    free(src);
    return rc;
}

/* Renumbers a membership so communities are numbered in order of their
 * first node (nodes are sorted by id): stable labels. */
static int canonical_membership(long *out, const igraph_vector_int_t *mem, size_t n)
{
    long *map = malloc((n ? n : 1) * sizeof(long));
    long next = 0;
    size_t i;

    if (!map)
        return DG_ENOMEM;
    for (i = 0; i < n; i++)
        map[i] = -1;
    for (i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(*mem)[(igraph_integer_t)i];
        if (c < 0 || (size_t)c >= n) {
            out[i] = -1;
            continue;
        }
        if (map[c] < 0)
            map[c] = next++;
        out[i] = map[c];
    }
    free(map);
    return DG_OK;
}

int dg_graph_analyze(dg_graph *g, const dg_analyze_opts *opts, dg_error *err)
{
    dg_analyze_opts def = DG_ANALYZE_OPTS_INIT;
    igraph_t ig, simple;
    igraph_vector_int_t edges, sedges, ivec, mem;
    igraph_vector_t w, dist, sw, res, res2, nodew;
    igraph_integer_t n, m, i, ncomp = 0, ncl = 0;
    pair *pairs = NULL;
    size_t np = 0, k;
    double total_w = 0, q = 0, quality = 0;
    int have_ig = 0, have_simple = 0, rc = DG_OK, exact;
    long *tmp = NULL;
    dg_timing *tm;

    if (!opts)
        opts = &def;
    tm = opts->timing;
    n = (igraph_integer_t)g->n_nodes;
    m = (igraph_integer_t)g->n_edges;
    for (k = 0; k < g->n_edges; k++)
        if (!(g->edges[k].weight > 0) || !isfinite(g->edges[k].weight))
            return dg_error_set(err, DG_EGRAPH, "edge %zu (%s - %s) has weight %g; weights must be positive",
                                k, g->nodes[g->edges[k].from].id, g->nodes[g->edges[k].to].id,
                                g->edges[k].weight);
    memset(&g->stats, 0, sizeof(g->stats));
    g->stats.nodes = (long)n;
    g->stats.edges = (long)m;
    g->stats.betweenness_exact = 1;
    g->stats.betweenness_cutoff = -1;
    for (k = 0; k < g->n_nodes; k++) {
        dg_node *nd = &g->nodes[k];
        nd->degree = 0;
        nd->strength = nd->betweenness = nd->closeness = nd->harmonic = 0;
        nd->eigenvector = nd->pagerank = nd->hub = nd->authority = 0;
        nd->community = nd->leiden = nd->component = -1;
    }
    if (n == 0) {
        g->analyzed = 1;
        return DG_OK;
    }

    igraph_vector_int_init(&edges, 0);
    igraph_vector_int_init(&sedges, 0);
    igraph_vector_int_init(&ivec, 0);
    igraph_vector_int_init(&mem, 0);
    igraph_vector_init(&w, 0);
    igraph_vector_init(&dist, 0);
    igraph_vector_init(&sw, 0);
    igraph_vector_init(&res, 0);
    igraph_vector_init(&res2, 0);
    igraph_vector_init(&nodew, 0);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opts->seed);

    IG(igraph_vector_int_resize(&edges, 2 * m), "allocating edges");
    IG(igraph_vector_resize(&w, m), "allocating weights");
    IG(igraph_vector_resize(&dist, m), "allocating distances");
    for (i = 0; i < m; i++) {
        const dg_edge *e = &g->edges[i];
        VECTOR(edges)[2 * i] = (igraph_integer_t)e->from;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)e->to;
        VECTOR(w)[i] = e->weight;
        VECTOR(dist)[i] = 1.0 / e->weight;
    }
    IG(igraph_create(&ig, &edges, n, g->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED),
       "creating the graph");
    have_ig = 1;

    /* the simple undirected graph, weights summed */
    pairs = malloc((g->n_edges ? g->n_edges : 1) * sizeof(*pairs));
    if (!pairs) {
        rc = dg_error_set(err, DG_ENOMEM, "analysis: out of memory");
        goto out;
    }
    for (k = 0; k < g->n_edges; k++) {
        const dg_edge *e = &g->edges[k];
        pairs[k].a = e->from < e->to ? e->from : e->to;
        pairs[k].b = e->from < e->to ? e->to : e->from;
        pairs[k].w = e->weight;
    }
    dg_qsort(pairs, g->n_edges, sizeof(*pairs), pair_cmp);
    for (k = 0; k < g->n_edges; k++) {
        if (pairs[k].a == pairs[k].b)
            continue;
        if (np > 0 && pairs[np - 1].a == pairs[k].a && pairs[np - 1].b == pairs[k].b)
            pairs[np - 1].w += pairs[k].w;
        else
            pairs[np++] = pairs[k];
    }
    IG(igraph_vector_int_resize(&sedges, 2 * (igraph_integer_t)np), "allocating edges");
    IG(igraph_vector_resize(&sw, (igraph_integer_t)np), "allocating weights");
    for (k = 0; k < np; k++) {
        VECTOR(sedges)[2 * k] = (igraph_integer_t)pairs[k].a;
        VECTOR(sedges)[2 * k + 1] = (igraph_integer_t)pairs[k].b;
        VECTOR(sw)[k] = pairs[k].w;
        total_w += pairs[k].w;
    }
    IG(igraph_create(&simple, &sedges, n, IGRAPH_UNDIRECTED), "creating the graph");
    have_simple = 1;
    dg_timing_mark(tm, "analysis: igraph graphs");

    IG(igraph_degree(&ig, &ivec, igraph_vss_all(), IGRAPH_ALL, 1), "degree");
    for (i = 0; i < n; i++)
        g->nodes[i].degree = (long)VECTOR(ivec)[i];
    IG(igraph_strength(&ig, &res, igraph_vss_all(), IGRAPH_ALL, 1, &w), "strength");
    for (i = 0; i < n; i++)
        g->nodes[i].strength = VECTOR(res)[i];
    dg_timing_mark(tm, "analysis: degree, strength");

    exact = (long)n <= opts->exact_betweenness_max;
    if (!exact && opts->betweenness_sources > 0 && opts->betweenness_sources < (long)n) {
        if ((rc = sampled_paths(g, opts->betweenness_sources, opts->seed, tm, err)) < 0)
            goto out;
        g->stats.betweenness_exact = 0;
        g->stats.betweenness_sources = opts->betweenness_sources;
        goto paths_done;
    }
    if (exact)
        IG(igraph_betweenness(&ig, &res, igraph_vss_all(), g->directed, &dist), "betweenness");
    else
        IG(igraph_betweenness_cutoff(&ig, &res, igraph_vss_all(), g->directed, &dist,
                                     opts->betweenness_cutoff),
           "betweenness");
    g->stats.betweenness_exact = exact;
    g->stats.betweenness_cutoff = exact ? -1 : opts->betweenness_cutoff;
    for (i = 0; i < n; i++)
        g->nodes[i].betweenness = finite_or_zero(VECTOR(res)[i]);

    if (exact)
        IG(igraph_closeness(&ig, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &dist, 1),
           "closeness");
    else
        IG(igraph_closeness_cutoff(&ig, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &dist,
                                   1, opts->betweenness_cutoff),
           "closeness");
    for (i = 0; i < n; i++)
        g->nodes[i].closeness = finite_or_zero(VECTOR(res)[i]);
    if (exact)
        IG(igraph_harmonic_centrality(&ig, &res, igraph_vss_all(), IGRAPH_ALL, &dist, 1),
           "harmonic centrality");
    else
        IG(igraph_harmonic_centrality_cutoff(&ig, &res, igraph_vss_all(), IGRAPH_ALL, &dist, 1,
                                             opts->betweenness_cutoff),
           "harmonic centrality");
    for (i = 0; i < n; i++)
        g->nodes[i].harmonic = finite_or_zero(VECTOR(res)[i]);
    dg_timing_mark(tm, "analysis: betweenness, closeness, harmonic");
paths_done:

    if (m > 0) {
        IG(igraph_eigenvector_centrality(&ig, &res, NULL, 0, 1, &w, NULL),
           "eigenvector centrality");
        for (i = 0; i < n; i++)
            g->nodes[i].eigenvector = finite_or_zero(VECTOR(res)[i]);
        dg_timing_mark(tm, "analysis: eigenvector");
    }
    IG(igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL, igraph_vss_all(),
                       g->directed, 0.85, &w, NULL),
       "pagerank");
    for (i = 0; i < n; i++)
        g->nodes[i].pagerank = finite_or_zero(VECTOR(res)[i]);
    dg_timing_mark(tm, "analysis: pagerank");
    if (g->directed && m > 0) {
        IG(igraph_hub_and_authority_scores(&ig, &res, &res2, NULL, 1, &w, NULL),
           "hub and authority scores");
        for (i = 0; i < n; i++) {
            g->nodes[i].hub = finite_or_zero(VECTOR(res)[i]);
            g->nodes[i].authority = finite_or_zero(VECTOR(res2)[i]);
        }
        dg_timing_mark(tm, "analysis: hubs, authorities");
    }

    tmp = malloc((size_t)n * sizeof(long));
    if (!tmp) {
        rc = dg_error_set(err, DG_ENOMEM, "analysis: out of memory");
        goto out;
    }
    IG(igraph_connected_components(&ig, &mem, NULL, &ncomp, IGRAPH_WEAK), "components");
    g->stats.components = (long)ncomp;
    if (canonical_membership(tmp, &mem, (size_t)n) < 0)
        goto nomem;
    for (i = 0; i < n; i++)
        g->nodes[i].component = tmp[i];
    dg_timing_mark(tm, "analysis: components");

    /* Louvain */
    IG(igraph_community_multilevel(&simple, np ? &sw : NULL, 1.0, &mem, NULL, NULL),
       "louvain communities");
    if (canonical_membership(tmp, &mem, (size_t)n) < 0)
        goto nomem;
    for (i = 0; i < n; i++) {
        g->nodes[i].community = tmp[i];
        VECTOR(mem)[i] = (igraph_integer_t)tmp[i];
    }
    if (np > 0) {
        IG(igraph_modularity(&simple, &mem, &sw, 1.0, 0, &q), "modularity");
        g->stats.modularity = finite_or_zero(q);
    }
    dg_timing_mark(tm, "analysis: louvain");

    /* Leiden optimising modularity: node weights = strength, resolution
     * 1/(2 * total weight) (DEPENDENCIES.md) */
    if (np > 0) {
        IG(igraph_strength(&simple, &nodew, igraph_vss_all(), IGRAPH_ALL, 1, &sw),
           "strength");
        IG(igraph_community_leiden(&simple, &sw, &nodew, 1.0 / (2.0 * total_w), 0.01, 0, -1,
                                   &mem, &ncl, &quality),
           "leiden communities");
    } else {
        IG(igraph_vector_int_resize(&mem, n), "allocating membership");
        for (i = 0; i < n; i++)
            VECTOR(mem)[i] = i;
    }
    if (canonical_membership(tmp, &mem, (size_t)n) < 0)
        goto nomem;
    for (i = 0; i < n; i++) {
        g->nodes[i].leiden = tmp[i];
        VECTOR(mem)[i] = (igraph_integer_t)tmp[i];
    }
    if (np > 0) {
        IG(igraph_modularity(&simple, &mem, &sw, 1.0, 0, &q), "modularity");
        g->stats.leiden_modularity = finite_or_zero(q);
    }
    dg_timing_mark(tm, "analysis: leiden");

    if (n > 1) {
        double pairs_possible = (double)n * (double)(n - 1);
        g->stats.density = g->directed ? (double)m / pairs_possible
                                       : (double)np / (pairs_possible / 2.0);
    }
    IG(igraph_transitivity_undirected(&simple, &q, IGRAPH_TRANSITIVITY_ZERO), "transitivity");
    g->stats.transitivity = finite_or_zero(q);
    dg_timing_mark(tm, "analysis: transitivity");
    if (g->directed && m > 0) {
        IG(igraph_reciprocity(&ig, &q, 1, IGRAPH_RECIPROCITY_DEFAULT), "reciprocity");
        g->stats.reciprocity = finite_or_zero(q);
    }
    g->analyzed = 1;
    goto out;
nomem:
    rc = dg_error_set(err, DG_ENOMEM, "analysis: out of memory");
out:
    if (have_ig)
        igraph_destroy(&ig);
    if (have_simple)
        igraph_destroy(&simple);
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&sedges);
    igraph_vector_int_destroy(&ivec);
    igraph_vector_int_destroy(&mem);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&dist);
    igraph_vector_destroy(&sw);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&res2);
    igraph_vector_destroy(&nodew);
    free(pairs);
    free(tmp);
    return rc;
}
