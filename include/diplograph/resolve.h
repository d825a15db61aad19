#ifndef DIPLOGRAPH_RESOLVE_H
#define DIPLOGRAPH_RESOLVE_H
/* Entity resolution and dedup: mentions of one meeting become one event.
 *
 * Before merging, each party id is resolved (docs/resolution.md):
 * - ids named in the user's aliases (dg_aliases) become the id of their
 *   merged person; unknown persons (person:XX:NAME) named there too;
 * - an unknown person the gazetteer knows by that name in that country
 *   becomes the official, when exactly one of that name fits the date
 *   (in office then) and the title (a deputy's title is not a
 *   principal's): namesakes stay apart;
 * - other unknown persons are one person per country and folded name
 *   (case, width, traditional/simplified, accents, spaces, punctuation),
 *   under the id most often written for them.
 * After merging, a party that is a country with a title but no person
 * (菲律宾外长, "the Foreign Minister of Thailand") becomes the official
 * holding that office on the event's date, marked "inferred": only for
 * foreign ministers, heads of state and heads of government, a date of a
 * day or month certainly inside one term, and exactly one holder. */

#include "aliases.h"
#include "error.h"
#include "gazetteer.h"
#include "meeting.h"
#include "timing.h"

typedef struct {
    const dg_gazetteer *gaz;  /* may be NULL: no officials, no inference */
    int max_day_gap;          /* mentions within this many days merge (1) */
    dg_timing *timing;        /* NULL, or receives each step's seconds */
    const dg_aliases *aliases; /* NULL: none */
    int infer_titles;         /* resolve title-only parties by office (1) */
} dg_resolve_opts;

#define DG_RESOLVE_OPTS_INIT { NULL, 1, NULL, NULL, 1 }

/* Merges the mentions in `mentions` (records with one source each, or
 * events from shards: their sources are pooled) into events appended to
 * out, sorted by dg_meeting_cmp. Order-independent: any permutation or
 * split of the input gives the same bytes out. DG_EINVAL when the aliases
 * contradict each other (one name for two people of one country), with
 * both places in the message. */
int dg_resolve_events(dg_meeting_list *out, const dg_meeting_list *mentions,
                      const dg_resolve_opts *opts, dg_error *err);

/* The same, taking the mentions: their records become the events, so the
 * mentions and the events are never all in memory at once. On return
 * (success or not) mentions is empty. */
int dg_resolve_events_take(dg_meeting_list *out, dg_meeting_list *mentions,
                           const dg_resolve_opts *opts, dg_error *err);

#endif
