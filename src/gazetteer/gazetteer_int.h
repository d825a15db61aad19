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

/* Finds byte literals in folded text. Patterns are added, then built
 * for the uses wanted. A built matcher may be scanned from several
 * threads at once. */
dg_matcher *dg_matcher_new(void);
void dg_matcher_free(dg_matcher *m);
/* Adds a pattern; returns its id (dense from 0), or -1 on ENOMEM. The same
 * bytes added twice give the same id. */
long dg_matcher_add(dg_matcher *m, const char *s, size_t len);
#define DG_MATCHER_LONGEST 1u /* dg_matcher_scan_longest() */
#define DG_MATCHER_ANY 2u     /* dg_matcher_any() */
/* Returns 0, or DG_ENOMEM. */
int dg_matcher_build(dg_matcher *m, unsigned uses);
size_t dg_matcher_pattern_len(const dg_matcher *m, uint32_t id);
/* Leftmost-longest scan: from left to right, the patterns that start at
 * a position (ids and their ends, shortest first; at most
 * DG_MATCHER_MAX_CANDIDATES, the longest kept) go to choose(), which
 * returns the index of the one it takes, and the scan resumes at its end,
 * or -1, and the scan moves on to the next character. The text should be
 * valid UTF-8 (folded text is): a pattern starting inside a broken
 * sequence may be missed. With DG_MATCHER_WORD_STARTS no pattern starts
 * between two ASCII letters or digits. */
#define DG_MATCHER_MAX_CANDIDATES 64
#define DG_MATCHER_WORD_STARTS 1u
typedef long (*dg_matcher_choose_fn)(void *ctx, size_t start, const uint32_t *ids,
                                     const size_t *ends, size_t n);
void dg_matcher_scan_longest(const dg_matcher *m, const char *s, size_t len,
                             unsigned flags, dg_matcher_choose_fn choose, void *ctx);
/* Size for reports: trie nodes. */
size_t dg_matcher_states(const dg_matcher *m);
/* 1 when any pattern occurs in s (stops at the first). */
int dg_matcher_any(const dg_matcher *m, const char *s, size_t len);

/* The compiled gazetteer's matcher (NULL before dg_gazetteer_compile), for
 * the benchmark. */
const dg_matcher *dg_gazetteer_matcher(const dg_gazetteer *g);

#endif
