#ifndef DG_ENTITY_INT_H
#define DG_ENTITY_INT_H
/* Private: the resolver's entity step (entity.c) as resolve.c uses it:
 * party ids resolved before mentions are merged, title-only parties
 * inferred after. */

#include "diplograph/resolve.h"

typedef struct dg_entities dg_entities;

/* Prepares the tables opts asks for (aliases, gazetteer). DG_EINVAL with
 * both places when two alias entries give one name to two people. */
int dg_entities_new(dg_entities **out, const dg_resolve_opts *opts, dg_error *err);
void dg_entities_free(dg_entities *e);

/* Resolves the party ids of items[0..n) in place (and the names of
 * parties that become gazetteer officials). */
int dg_entities_resolve(dg_entities *e, dg_meeting *items, size_t n, dg_error *err);

/* The country a party stands for: its country field, else the code in a
 * "country:XX" or "person:XX:name" id; "" when none. */
void dg_entity_country(char out[3], const dg_party *p);

/* A country party with a title and no person: becomes the official who
 * held that office on ev's date, when exactly one did (see resolve.h).
 * Returns DG_OK (also when nothing is inferred) or DG_ENOMEM. */
int dg_entities_infer(const dg_entities *e, dg_meeting *ev);

#endif
