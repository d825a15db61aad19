#ifndef DIPLOGRAPH_ALIASES_H
#define DIPLOGRAPH_ALIASES_H
/* User aliases for entity resolution (--aliases FILE, docs/resolution.md):
 * more names for people, and merges of ids that the gazetteer and the
 * resolver keep apart.
 *
 *   {"aliases": [
 *     {"id": "person:wang-yi", "names": ["FM Wang", "王外长"]},
 *     {"id": "person:PH:洛钦", "country": "PH", "names": ["Locsin"]},
 *     {"merge": ["person:teodoro-locsin-jr", "person:PH:Teddy Locsin"]}]}
 *
 * An entry with "names" makes an unknown person of that name (and of the
 * entry's country: "country", else the id's) the entry's id; "merge" makes
 * its ids one person, named by the id that comes first in the files.
 * Unknown persons are written as in meeting records, person:XX:NAME (or
 * person::NAME without a country), and compared after folding (case,
 * width, traditional/simplified, accents, spaces and punctuation). */

#include <stddef.h>

#include "error.h"

typedef struct dg_aliases dg_aliases;

/* NULL when out of memory; free with dg_aliases_free (NULL is a no-op). */
dg_aliases *dg_aliases_new(void);
void dg_aliases_free(dg_aliases *a);

/* Adds the entries of a file (JSON). Errors: DG_EIO (unreadable),
 * DG_EPARSE naming the file and the JSON path ("a.json: aliases[2].names[0]:
 * expected a string"), DG_ENOMEM. On error the entries of that file are
 * not added. */
int dg_aliases_load_file(dg_aliases *a, const char *path, dg_error *err);
/* The same from memory; name labels the messages. */
int dg_aliases_load_buf(dg_aliases *a, const char *data, size_t len,
                        const char *name, dg_error *err);

/* Entries loaded so far. */
size_t dg_aliases_count(const dg_aliases *a);

#endif
