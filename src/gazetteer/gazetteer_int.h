#ifndef DG_GAZETTEER_INT_H
#define DG_GAZETTEER_INT_H
/* Private: the gazetteer's tables and the multi-literal matcher. */

#include "diplograph/gazetteer.h"
#include "diplograph/normalize.h"

typedef struct {
    char *text;            /* as written in the file */
    dg_entity_type type;   /* DG_ENT_COUNTRY or DG_ENT_DEMONYM for countries */
    uint32_t file;         /* the file that gave it (dg_gazetteer's files) */
} gaz_form;

typedef struct {
    gaz_form *forms;
    size_t n, cap;
} gaz_forms;

typedef struct dg_matcher dg_matcher;

/* Finds byte literals in folded text. Patterns are added, then built.
 * Two backends with one contract: Hyperscan (matcher_hs.c, when the build
 * finds libhs) or Aho-Corasick (matcher.c). A built matcher may be
 * scanned from several threads at once. */
dg_matcher *dg_matcher_new(void);
void dg_matcher_free(dg_matcher *m);
/* Adds a pattern; returns its id (dense from 0), or -1 on ENOMEM. The same
 * bytes added twice give the same id. */
long dg_matcher_add(dg_matcher *m, const char *s, size_t len);
/* Returns 0, or DG_ENOMEM (a Hyperscan compile failure included). */
int dg_matcher_build(dg_matcher *m);
size_t dg_matcher_pattern_len(const dg_matcher *m, uint32_t id);
/* Calls fn(ctx, start, end, id) for every occurrence, in order of end. */
typedef void (*dg_matcher_fn)(void *ctx, size_t start, size_t end, uint32_t id);
void dg_matcher_scan(const dg_matcher *m, const char *s, size_t len,
                     dg_matcher_fn fn, void *ctx);
/* Size for reports: automaton states, or patterns under Hyperscan. */
size_t dg_matcher_states(const dg_matcher *m);
/* 1 when any pattern occurs in s (stops at the first). */
int dg_matcher_any(const dg_matcher *m, const char *s, size_t len);

#endif
