#ifndef DIPLOGRAPH_MEETING_H
#define DIPLOGRAPH_MEETING_H
/* The meeting record (DESIGN.md): one JSON object per line. A mention has
 * one source; an event (after dedup) has several and a mention count. */

#include <stddef.h>

#include "buf.h"
#include "error.h"

typedef enum {
    DG_KIND_MEET = 0,
    DG_KIND_TALKS,
    DG_KIND_CALL,
    DG_KIND_VIDEO_CALL,
    DG_KIND_COCHAIR,
    DG_KIND_MULTILATERAL,
    DG_KIND_VISIT,
    DG_KIND_COUNT
} dg_kind;

typedef enum {
    DG_PARTY_PERSON = 0,
    DG_PARTY_COUNTRY,
    DG_PARTY_ORG
} dg_party_type;

typedef enum {
    DG_ROLE_HOST = 0,
    DG_ROLE_GUEST,
    DG_ROLE_CHAIR,
    DG_ROLE_PARTICIPANT
} dg_role;

#define DG_COUNTRY_LEN 2 /* ISO 3166-1 alpha-2 */

/* All strings are malloc'd and owned by the record; NULL means JSON null. */
typedef struct {
    char *id;        /* "person:wang-yi", "person:PH:洛钦", "country:PH", "org:ASEAN" */
    dg_party_type type;
    char *name;      /* English name */
    char *name_zh;   /* Chinese name (simplified) */
    char country[DG_COUNTRY_LEN + 1]; /* "" when unknown */
    char *title;
    char *title_zh;
    dg_role role;
    int inferred;    /* identity inferred from title and date of office */
} dg_party;

typedef struct {
    char *file;
    long doc;        /* 0-based index of the document in its file */
    long line;       /* 1-based line where the document starts */
    long long byte;  /* evidence span in the file */
    long long length;
    char *lang;      /* "zh-Hans", "zh-Hant", "en" */
} dg_source;

typedef struct {
    char *id;        /* "m-" + 16 hex digits, see dg_meeting_compute_id */
    dg_kind kind;
    char *date;      /* YYYY-MM-DD, YYYY-MM or NULL */
    char *place_name;
    char *place_name_zh;
    char place_country[DG_COUNTRY_LEN + 1];
    char *group;     /* "ASEAN", "LMC", ... or NULL */
    dg_party *parties;
    size_t n_parties;
    dg_source *sources; /* one for a mention */
    size_t n_sources;
    long mentions;   /* 0 for a mention record, >= 1 for an event */
    char *evidence;
    double confidence;
} dg_meeting;

typedef struct {
    dg_meeting *items;
    size_t len;
    size_t cap;
} dg_meeting_list;

#define DG_MEETING_LIST_INIT { NULL, 0, 0 }

const char *dg_kind_name(dg_kind kind);
/* Returns 0 and sets *out, or DG_EINVAL for an unknown name. */
int dg_kind_parse(dg_kind *out, const char *name);
const char *dg_role_name(dg_role role);
int dg_role_parse(dg_role *out, const char *name);
const char *dg_party_type_name(dg_party_type type);
int dg_party_type_parse(dg_party_type *out, const char *name);

void dg_meeting_init(dg_meeting *m);
void dg_meeting_destroy(dg_meeting *m);
/* Deep copy; DG_ENOMEM leaves dst empty. */
int dg_meeting_copy(dg_meeting *dst, const dg_meeting *src);
/* Appends a copy of p (strings duplicated). */
int dg_meeting_add_party(dg_meeting *m, const dg_party *p);
int dg_meeting_add_source(dg_meeting *m, const dg_source *s);
void dg_party_destroy(dg_party *p);
int dg_party_copy(dg_party *dst, const dg_party *src);
void dg_source_destroy(dg_source *s);
int dg_source_copy(dg_source *dst, const dg_source *src);

/* Sets m->id to "m-" and 16 hex digits of a stable 64-bit FNV-1a hash of
 * (date, kind, sorted party ids). */
int dg_meeting_compute_id(dg_meeting *m);

/* Appends m as one JSON line (with "\n") to out. Keys in DESIGN.md's
 * order; events (mentions > 0) carry "sources" and "mentions". */
int dg_meeting_write_json(dg_buf *out, const dg_meeting *m);

/* Parses one JSON line into m (initialised by the callee). DG_EPARSE with
 * a message naming the JSON path of the fault ("parties[1].role: ..."). */
int dg_meeting_parse_json(dg_meeting *m, const char *line, size_t len,
                          dg_error *err);

void dg_meeting_list_init(dg_meeting_list *l);
void dg_meeting_list_destroy(dg_meeting_list *l);
/* Moves *m into the list (m is left empty). */
int dg_meeting_list_push(dg_meeting_list *l, dg_meeting *m);

/* Reads a JSON Lines meeting file ("-" is stdin), appending to out.
 * Malformed lines are reported through diag with file and line and
 * skipped; blank lines are ignored. Returns DG_EIO when the file cannot be
 * read, else DG_OK. */
int dg_meeting_read_file(dg_meeting_list *out, const char *path,
                         dg_diag *diag, dg_error *err);
/* The same from a memory buffer; name labels the diagnostics. */
int dg_meeting_read_buf(dg_meeting_list *out, const char *data, size_t len,
                        const char *name, dg_diag *diag, dg_error *err);

/* Sorts by (date, kind, id, first source file/doc/byte): a total order used
 * wherever output order must not depend on input order. */
void dg_meeting_list_sort(dg_meeting_list *l);
/* The same for n records in place. */
void dg_meeting_sort(dg_meeting *items, size_t n);
int dg_meeting_cmp(const dg_meeting *a, const dg_meeting *b);

#endif
