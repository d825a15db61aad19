#ifndef DG_GRAPH_INT_H
#define DG_GRAPH_INT_H
/* Private helpers shared by build.c, analyze.c and stats.c. */

#include <stdlib.h>

#include "diplograph/graph.h"
#include "diplograph/meeting.h"

/* The country a party stands for (its country field, else the code in a
 * "country:XX" or "person:XX:name" id); "" when none. */
void dg_graph_party_country(char out[3], const dg_party *p);

/* A person party (not a bare country, organisation or delegation). */
int dg_graph_party_is_person(const dg_party *p);

/* Estimates betweenness, closeness and harmonic centrality from the k
 * sources src (ascending node indices) into g's nodes (paths.c). */
int dg_graph_sampled_paths(dg_graph *g, const size_t *src, size_t k, dg_timing *tm,
                           dg_error *err);

#endif
