#ifndef DIPLOGRAPH_NORMALIZE_H
#define DIPLOGRAPH_NORMALIZE_H
/* Folding text for matching: ASCII case, full width to ASCII, traditional
 * to simplified (one character each, from OpenCC's table), accents
 * stripped, dashes, quotes, spaces and middle dots unified. The folded
 * copy carries a map back to the original bytes, so evidence and offsets
 * always come from the original text. */

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef struct dg_fold dg_fold;

/* Builds the folding table (about 256 KB). NULL when out of memory.
 * Free with dg_fold_free. */
dg_fold *dg_fold_new(void);
void dg_fold_free(dg_fold *f);

/* The folded form of one code point (itself when unchanged). Returns 0
 * for characters that folding deletes (zero-width spaces, BOM). */
uint32_t dg_fold_cp(const dg_fold *f, uint32_t cp);

/* A folded text and its map: map[i] is the byte offset in the original of
 * the character that produced folded byte i; map[len] is the original
 * length. Invalid UTF-8 folds to U+FFFD. */
typedef struct {
    dg_buf text;
    uint32_t *map;
    size_t map_cap;
} dg_folded;

#define DG_FOLDED_INIT { DG_BUF_INIT, NULL, 0 }

void dg_folded_destroy(dg_folded *fd);
/* Folds s into fd (replacing what it held). DG_ENOMEM, or DG_EINVAL for
 * inputs of 4 GiB or more (offsets are 32-bit). */
int dg_fold_text(const dg_fold *f, dg_folded *fd, const char *s, size_t len);
/* Folds s and appends to out without a map (for gazetteer forms). */
int dg_fold_append(const dg_fold *f, dg_buf *out, const char *s, size_t len);

#endif
