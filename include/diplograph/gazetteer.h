#ifndef DIPLOGRAPH_GAZETTEER_H
#define DIPLOGRAPH_GAZETTEER_H
/* The bilingual gazetteer (data/gazetteer/ JSON files, DESIGN.md) and the
 * one-pass multi-pattern matcher over normalized text. */

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum {
    DG_ENT_COUNTRY = 0,  /* name, long form, short form */
    DG_ENT_DEMONYM,      /* "Philippine": a country used before a title */
    DG_ENT_ABBR,         /* one-character bilateral abbreviation: 菲 */
    DG_ENT_TITLE,
    DG_ENT_PLACE,
    DG_ENT_GROUP,
    DG_ENT_OFFICIAL,
    DG_ENT_TRIGGER,      /* an extractor's trigger word (dg_gazetteer_set_triggers) */
    DG_ENT_COUNT
} dg_entity_type;

typedef struct {
    char code[3];
    char alpha3[4];
    char *name_en;
    char *name_zh;
    char *region;   /* "Asia", "Europe", ... or NULL */
} dg_country;

typedef enum {
    DG_RANK_HEAD_OF_STATE = 0,
    DG_RANK_HEAD_OF_GOVERNMENT,
    DG_RANK_DEPUTY_HEAD,
    DG_RANK_MINISTER,
    DG_RANK_DEPUTY_MINISTER,
    DG_RANK_DIPLOMAT,
    DG_RANK_PARTY,
    DG_RANK_LEGISLATURE,
    DG_RANK_ORGANISATION,
    DG_RANK_OTHER
} dg_rank;

typedef struct {
    char *id;
    char *en;        /* normalized English title */
    char *zh;        /* normalized Chinese title */
    dg_rank rank;
    char country[3]; /* title used by one country only (国务卿), or "" */
} dg_title;

typedef struct {
    char *id;
    char *name_en;
    char *name_zh;
    char country[3];
    char *city_en;   /* a venue names its city: 人民大会堂 -> Beijing */
} dg_place;

typedef struct {
    char country[3];
    char from[11];   /* YYYY-MM-DD or "" */
    char to[11];
} dg_member;

typedef struct {
    char *id;        /* "ASEAN" */
    char *name_en;
    char *name_zh;
    dg_member *members;
    size_t n_members;
} dg_group;

typedef struct {
    char *title_en;
    char *title_zh;
    char from[11];
    char to[11];
} dg_office;

typedef struct {
    char *id;        /* "wang-yi" (the party id is "person:" + id) */
    char *name_en;
    char *name_zh;
    char country[3];
    dg_office *offices;
    size_t n_offices;
} dg_official;

typedef struct dg_gazetteer dg_gazetteer;

/* One entity a form names. */
typedef struct {
    dg_entity_type type;
    uint32_t index;        /* into the table of that type */
} dg_gaz_ref;

/* A match of a gazetteer form in normalized text. type/index give the
 * form's first entity in priority order (official, country, group, place,
 * title, demonym); dg_gazetteer_form_refs lists all of them. */
typedef struct {
    size_t start, end;     /* byte offsets in the normalized text */
    dg_entity_type type;
    uint32_t index;
    uint32_t form;
} dg_gaz_match;

dg_gazetteer *dg_gazetteer_new(void);
void dg_gazetteer_free(dg_gazetteer *g);

/* Loads every *.json under dir (sorted by name; *.override.json after the
 * base files, overriding entries with the same key). DG_EPARSE names the
 * file and JSON path. */
int dg_gazetteer_load_dir(dg_gazetteer *g, const char *dir, dg_error *err);
/* Loads one file (any mix of the top-level arrays "countries", "titles",
 * "places", "groups", "officials"); later entries extend or override. */
int dg_gazetteer_load_file(dg_gazetteer *g, const char *path, dg_error *err);
int dg_gazetteer_load_buf(dg_gazetteer *g, const char *data, size_t len,
                          const char *name, dg_error *err);
/* Words the extractors look for (会见, "met with") compiled into the same
 * automaton, so one pass over a document finds entities and triggers; they
 * match as DG_ENT_TRIGGER with index = position in forms (folded forms:
 * simplified, lower case). Replaces earlier triggers; call before
 * dg_gazetteer_compile. */
int dg_gazetteer_set_triggers(dg_gazetteer *g, const char *const *forms,
                              size_t n, dg_error *err);
size_t dg_gazetteer_trigger_count(const dg_gazetteer *g);

/* A quick test over raw (unfolded) text: forms that every document with a
 * trigger contains in some script and case (会见, 會見, met, Met, MET).
 * dg_gazetteer_prescan returns 1 when one occurs (or when no forms were
 * set), 0 when the text can hold no meeting. */
int dg_gazetteer_set_prescan(dg_gazetteer *g, const char *const *forms,
                             size_t n, dg_error *err);
int dg_gazetteer_prescan(const dg_gazetteer *g, const char *text, size_t len);

/* Builds the matcher after loading; required before dg_gazetteer_scan. */
int dg_gazetteer_compile(dg_gazetteer *g, dg_error *err);

/* Reports conflicts (one form naming two entities, one-character forms
 * that fire inside words) through diag. Returns the number found. */
size_t dg_gazetteer_check(const dg_gazetteer *g, dg_diag *diag);

/* Finds all matches in normalized text, longest-leftmost, non-overlapping
 * per position; calls fn for each in order of start. fn returning
 * non-zero stops the scan. */
typedef int (*dg_gaz_match_fn)(void *ctx, const dg_gaz_match *m);
void dg_gazetteer_scan(const dg_gazetteer *g, const char *text, size_t len,
                       dg_gaz_match_fn fn, void *ctx);

/* All entities the form names; *n receives the count. */
const dg_gaz_ref *dg_gazetteer_form_refs(const dg_gazetteer *g, uint32_t form,
                                         size_t *n);
/* The folding table the gazetteer matches with (borrowed). */
const struct dg_fold *dg_gazetteer_fold(const dg_gazetteer *g);
/* The country whose bilateral abbreviation (中菲 -> 菲) is the folded text
 * s[0..len), as an index, or -1. */
long dg_gazetteer_abbr(const dg_gazetteer *g, const char *s, size_t len);
/* Index of a country by alpha-2 code, or -1. */
long dg_gazetteer_country_index(const dg_gazetteer *g, const char *code);

/* As dg_gazetteer_scan, and where orig and map (from dg_fold_text) are
 * given, acronym forms (US, UK, EU, LMC) match only when upper case in
 * the original text. */
void dg_gazetteer_scan_orig(const dg_gazetteer *g, const char *text,
                            size_t len, const char *orig,
                            const uint32_t *map, dg_gaz_match_fn fn,
                            void *ctx);

size_t dg_gazetteer_count(const dg_gazetteer *g, dg_entity_type t);
const dg_country *dg_gazetteer_country(const dg_gazetteer *g, uint32_t i);
const dg_country *dg_gazetteer_country_by_code(const dg_gazetteer *g,
                                               const char *code);
const dg_title *dg_gazetteer_title(const dg_gazetteer *g, uint32_t i);
const dg_place *dg_gazetteer_place(const dg_gazetteer *g, uint32_t i);
const dg_group *dg_gazetteer_group(const dg_gazetteer *g, uint32_t i);
const dg_group *dg_gazetteer_group_by_id(const dg_gazetteer *g,
                                         const char *id);
const dg_official *dg_gazetteer_official(const dg_gazetteer *g, uint32_t i);
const dg_official *dg_gazetteer_official_by_id(const dg_gazetteer *g,
                                               const char *id);
/* The official of the country (alpha-2; NULL for any) with a name or alias
 * equal to name after folding, including forms too short for the matcher
 * (敦); NULL when none or ambiguous. */
const dg_official *dg_gazetteer_official_by_name(const dg_gazetteer *g,
                                                 const char *country,
                                                 const char *name);

/* Every official of the country (NULL for any) with a name or alias equal
 * to name after folding, namesakes included: up to max of them into out
 * (borrowed), in gazetteer order. Returns how many there are (which may
 * exceed max). */
size_t dg_gazetteer_officials_by_name(const dg_gazetteer *g, const char *country,
                                      const char *name, const dg_official **out,
                                      size_t max);

/* The official of country holding a title matching title_en on date (or
 * NULL): resolves title-only mentions. */
const dg_official *dg_gazetteer_office_holder(const dg_gazetteer *g,
                                              const char *country,
                                              const char *title_en,
                                              const char *date);

#endif
