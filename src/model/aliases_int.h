#ifndef DG_ALIASES_INT_H
#define DG_ALIASES_INT_H
/* Private: the alias tables the resolver reads, and the keys that compare
 * person names and ids. */

#include "diplograph/aliases.h"
#include "diplograph/buf.h"
#include "diplograph/normalize.h"

typedef struct {
    char *id;        /* as first written */
    char *key;       /* dg_party_key of id */
    size_t parent;   /* union-find over merges; the root comes first */
    char *where;     /* "FILE: aliases[2].merge[0]", for messages */
} dg_alias_id;

typedef struct {
    char *key;       /* dg_name_key of the name */
    char country[3]; /* the entry's "country", else the id's, else "" */
    size_t id;       /* the entry's id (index into ids) */
    char *where;
} dg_alias_name;

struct dg_aliases {
    dg_alias_id *ids;       /* in order of first appearance */
    size_t n_ids, cap_ids;
    size_t *by_key;         /* indices into ids, sorted by key */
    dg_alias_name *names;
    size_t n_names, cap_names;
    size_t entries;
    dg_fold *fold;
};

/* The root of id i (the merged person's id index). */
size_t dg_aliases_root(const dg_aliases *a, size_t i);
/* Index of the id whose key is key, or (size_t)-1. */
size_t dg_aliases_find(const dg_aliases *a, const char *key);

/* An unknown person's id: "person:XX:NAME" (XX two capitals) or
 * "person::NAME". Sets cc ("" for none) and *name; returns 1, else 0. */
int dg_unknown_person(const char *id, char cc[3], const char **name);
/* Appends the comparison key of a name: folded (dg_fold_append), without
 * spaces, dots, commas, hyphens, apostrophes, quotes and middle dots. */
int dg_name_key(dg_buf *out, const dg_fold *f, const char *name, size_t len);
/* Appends the key of a party id: an unknown person's is "person:XX:" and
 * the key of the name; any other id is itself. */
int dg_party_key(dg_buf *out, const dg_fold *f, const char *id);

#endif
