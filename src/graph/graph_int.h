#ifndef DG_GRAPH_INT_H
#define DG_GRAPH_INT_H
/* Private helpers shared by build.c, analyze.c and stats.c. */

#include "diplograph/graph.h"
#include "diplograph/meeting.h"

/* Whether an event date falls in the window [from, to]; dates compare as
 * prefixes ("2021-06" is inside a window starting "2021-06-07"). An
 * undated event is outside any window but inside an open one. */
int dg_graph_date_in(const char *date, const char *from, const char *to);

/* The country a party stands for (its country field, else the code in a
 * "country:XX" or "person:XX:name" id); "" when none. */
void dg_graph_party_country(char out[3], const dg_party *p);

/* A person party (not a bare country, organisation or delegation). */
int dg_graph_party_is_person(const dg_party *p);

#endif
