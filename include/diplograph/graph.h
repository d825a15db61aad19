#ifndef DIPLOGRAPH_GRAPH_H
#define DIPLOGRAPH_GRAPH_H
/* The meeting graph: our own node and edge arrays (names, attributes,
 * analysis results) indexed by vertex and edge id; igraph holds the
 * structure and computes. */

#include <stddef.h>

#include "error.h"
#include "meeting.h"
#include "timing.h"

typedef enum {
    DG_LAYER_FULL = 0,   /* persons and countries, meeting + represents */
    DG_LAYER_PEOPLE,     /* persons only */
    DG_LAYER_COUNTRIES,  /* projection onto countries */
    DG_LAYER_VISITS      /* directed guest -> host */
} dg_layer;

typedef enum {
    DG_NODE_PERSON = 0,
    DG_NODE_COUNTRY,
    DG_NODE_ORG
} dg_node_type;

typedef enum {
    DG_EDGE_MEETING = 0,
    DG_EDGE_REPRESENTS,
    DG_EDGE_VISIT
} dg_edge_type;

typedef struct {
    char *id;        /* "person:wang-yi", "country:PH" */
    char *label;     /* display name (English, else Chinese, else id) */
    char *name;      /* English name or NULL */
    char *name_zh;   /* Chinese name or NULL */
    dg_node_type type;
    char country[3]; /* "" when unknown */
    char *title;     /* latest title seen, or NULL */
    char *title_zh;
    char *first_date; /* first/last meeting date, NULL if none dated */
    char *last_date;
    long meetings;   /* events the node takes part in */
    /* analysis, filled by dg_graph_analyze */
    long degree;
    double strength;
    double betweenness;
    double closeness;
    double harmonic;
    double eigenvector;
    double pagerank;
    double hub;       /* visits layer only, else 0 */
    double authority;
    long community;   /* Louvain, 0-based; -1 before analysis */
    long leiden;      /* Leiden (modularity), 0-based */
    long component;
} dg_node;

typedef struct {
    size_t from, to;  /* node indices; from < to on undirected layers */
    dg_edge_type type;
    double weight;    /* sum of 1/(n-1) per meeting (1 per bilateral) */
    long count[DG_KIND_COUNT]; /* meetings per kind */
    long meetings;
    long sources;     /* sources behind those meetings */
    char *first_date; /* dates[0] and dates[n_dates - 1], or NULL */
    char *last_date;
    char **dates;     /* sorted distinct dates (for GEXF spells); one block
                       * with the strings, freed by dg_graph_destroy */
    size_t n_dates;
} dg_edge;

typedef struct {
    long nodes, edges, components;
    double density, transitivity, modularity, leiden_modularity, reciprocity;
    int betweenness_exact; /* 0 when the cutoff approximation was used */
    double betweenness_cutoff; /* path-length cutoff used, or -1 */
    long betweenness_sources;  /* sampled sources when estimated, else 0 */
} dg_graph_stats;

typedef struct {
    dg_layer layer;
    int directed;
    dg_node *nodes;
    size_t n_nodes;
    dg_edge *edges;
    size_t n_edges;
    dg_graph_stats stats;
    int analyzed;
} dg_graph;

typedef struct {
    dg_layer layer;
    const char *from;   /* inclusive date window, NULL for open */
    const char *to;
    dg_timing *timing;  /* NULL, or receives the seconds of each step */
} dg_graph_opts;

#define DG_GRAPH_OPTS_INIT { DG_LAYER_FULL, NULL, NULL, NULL }

typedef struct {
    unsigned long seed;          /* RNG seed for communities (42) */
    long exact_betweenness_max;  /* nodes up to which betweenness is exact */
    double betweenness_cutoff;   /* cutoff above that size */
    /* above exact_betweenness_max, when > 0: estimate betweenness from
     * this many sampled sources (Brandes-Pich, scaled by n/k) and
     * closeness and harmonic centrality from the distances to them
     * (Eppstein-Wang), instead of the path cutoff; for dense graphs where
     * even short cutoffs reach most of the graph */
    long betweenness_sources;
    dg_timing *timing;           /* NULL, or receives each step's seconds */
} dg_analyze_opts;

/* Above 5,000 nodes, 64 sampled sources: the path cutoff reaches most of a
 * dense meeting graph anyway and takes minutes (bench/graph_bench.sh). */
#define DG_ANALYZE_OPTS_INIT { 42UL, 5000L, 4.0, 64L, NULL }

const char *dg_layer_name(dg_layer layer);
int dg_layer_parse(dg_layer *out, const char *name);
const char *dg_node_type_name(dg_node_type t);
const char *dg_edge_type_name(dg_edge_type t);

void dg_graph_init(dg_graph *g);
void dg_graph_destroy(dg_graph *g);

/* Builds the layer from events (records after dg_resolve_events). Nodes
 * are sorted by id, edges by (from, to, type): deterministic. */
int dg_graph_build(dg_graph *g, const dg_meeting_list *events,
                   const dg_graph_opts *opts, dg_error *err);

/* Gives country nodes known only by their code (CN) the gazetteer's
 * English and Chinese names and label. gaz may be NULL (nothing done). */
struct dg_gazetteer;
int dg_graph_name_countries(dg_graph *g, const struct dg_gazetteer *gaz,
                            dg_error *err);

/* Runs the igraph analysis and fills the node fields and g->stats. */
int dg_graph_analyze(dg_graph *g, const dg_analyze_opts *opts,
                     dg_error *err);

/* Whether an event date falls in the window [from, to] (either may be
 * NULL: open). Dates compare as prefixes, so "2021-06" is inside a window
 * from "2021-06-07" and "2021-06-30" is inside one to "2021-06"; an
 * undated event is inside only a window open at both ends. */
int dg_graph_date_in(const char *date, const char *from, const char *to);

/* Index of the node with this id, or (size_t)-1. */
size_t dg_graph_find(const dg_graph *g, const char *id);

#endif
