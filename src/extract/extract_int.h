#ifndef DG_EXTRACT_INT_H
#define DG_EXTRACT_INT_H
/* Private: what the readers, the date parser and the two grammars share. */

#include "diplograph/extract.h"
#include "diplograph/normalize.h"

#define X_MAX_REMEMBERED 32

/* A calendar date as precise as the text gives it: 0 = unknown part. */
typedef struct {
    int y, m, d;
} xdate;

/* A party as parsed from a phrase. */
typedef struct {
    dg_party_type type;
    long official;      /* gazetteer index, -1 */
    long country;       /* gazetteer index, -1 */
    long title;         /* first title index, -1 */
    size_t title_start, title_end; /* folded span of the title chain */
    size_t name_start, name_end;   /* folded span of an unknown name */
    size_t start, end;  /* the whole phrase */
    long group;         /* for organisation parties */
} xparty;

typedef struct {
    xparty p[2];
} xparty_pair;

/* The document being extracted: the original bytes, their folded copy
 * with its map, every gazetteer match, and the context the sentences
 * share (dateline date and place, the last event's date/place/group). */
typedef struct {
    const dg_document *doc;
    const dg_extract_opts *opts;
    const dg_gazetteer *gaz;
    dg_folded fd;
    dg_gaz_match *m;
    size_t nm, cap_m;
    uint64_t *m_starts; /* a bit for each byte where a match starts */
    xdate ref;          /* the document's own date (metadata/dateline) */
    long ref_place;     /* dateline city (place index), -1 */
    xdate carry_date;   /* date of the last reported event */
    long carry_place;
    long carry_group;
    int carry_valid;
    long visit_country; /* country of a visit the document reports, -1 */
    long last_place;    /* place of the last meeting emitted, -1 */
    int speech_para;    /* the current paragraph is reported speech */
    size_t para_start;
    const char *lang;
    dg_meeting_fn fn;
    void *ctx;
    dg_error *err;
    int stop;
    int grammar;        /* X_GRAMMAR_*: which grammar reads each sentence */
    /* meetings found so far in this document, for in-document dedup */
    dg_meeting_list found;
    /* the two parties of the last two-party meeting, which "the two
     * leaders" in a later sentence refers to */
    xparty_pair last_pair;
    int has_last_pair;
    /* the pair of the last two-party meeting reported as news, not
     * recalled in someone's words: who speaks to whom in the report of
     * it (我同总统先生, 同你); reported: the grammar is reading words
     * someone said */
    xparty_pair talk_pair;
    int has_talk_pair;
    int reported;
    /* persons named in full earlier in the document (title + name), so a
     * later bare surname ("Cai also held talks") or name resolves */
    struct xremember {
        size_t name_start, name_end;
        long country, title, official;
    } mem[X_MAX_REMEMBERED];
    size_t n_mem;
} xdoc;

#define X_MAX_PARTIES 32

/* Which grammar reads a sentence: by its script (extraction), or always
 * one of them (the fuzz targets drive each grammar with any text). */
enum { X_GRAMMAR_AUTO = 0, X_GRAMMAR_ZH, X_GRAMMAR_EN };

/* dg_extract_document with the grammar chosen (X_GRAMMAR_*). */
int dg_xextract_document(const dg_document *doc, const dg_extract_opts *opts, int grammar,
                         dg_meeting_fn fn, void *ctx, dg_error *err);

/* date.c */
/* Parses a date expression starting exactly at s (folded text); on success
 * returns bytes consumed (> 0) and fills *out, resolving relative forms
 * against ref. Returns 0 when nothing parses there. */
size_t dg_xdate_zh_at(xdate *out, const char *s, size_t len, const xdate *ref);
size_t dg_xdate_en_at(xdate *out, const char *s, size_t len, const xdate *ref);
/* The length of an English month name at s (folded), its number in *mon;
 * 0 when none. */
size_t dg_xdate_en_month_at(int *mon, const char *s, size_t len);
/* "Tuesday", "today", "yesterday" at s: the day relative to ref (a
 * weekday: its last one on or before ref); 0 when none is there. */
size_t dg_xdate_en_weekday(xdate *out, const char *s, size_t len, const xdate *ref);
/* Moves a full date by delta days. */
void dg_xdate_add_days(xdate *d, int delta);
/* Finds the document's reference date in its first bytes (datelines,
 * "2021年6月7日", "June 7, 2021", "2021-06-07") or from metadata. */
void dg_xdate_reference(xdate *out, const char *folded, size_t len,
                        const char *meta_date);
/* Writes "YYYY-MM-DD", "YYYY-MM" or NULL (returns malloc'd or NULL). */
char *dg_xdate_format(const xdate *d);

/* zh.c / en.c: extract from the sentence [s, e) of the folded text */
void dg_xzh_sentence(xdoc *x, size_t s, size_t e);
void dg_xen_sentence(xdoc *x, size_t s, size_t e);

/* the trigger words of each grammar (compiled into the gazetteer's
 * automaton by dg_extract_prepare: zh first, then en) */
size_t dg_xzh_trigger_count(void);
/* the first ones of dg_xzh_trigger: the verbs of meetings (then markers
 * of plans and of speech) */
size_t dg_xzh_event_trigger_count(void);
const char *dg_xzh_trigger(size_t i);
size_t dg_xen_trigger_count(void);
const char *dg_xen_trigger(size_t i);

/* extract.c: helpers the grammars use */
/* Can the official have held the title? False when one is a deputy's
 * title (Deputy, Vice, 副) and none of the official's offices is, or the
 * reverse. Officials without offices fit any title. */
int dg_xtitle_fits(const xdoc *x, long title, long official);
/* Adds persons who attended the meeting reported last in the document
 * (出席会晤) to it, on the side of their country or as participants. */
void dg_xjoin_last(xdoc *x, xparty *ps, size_t n, int not_call);
/* The gazetteer match starting exactly at pos, or NULL. */
const dg_gaz_match *dg_xmatch_at(const xdoc *x, size_t pos);
/* Index of an entity of type t the match names, or -1. */
long dg_xref(const xdoc *x, const dg_gaz_match *m, dg_entity_type t);
/* The country code a parsed party belongs to, or "". */
const char *dg_xparty_country(const xdoc *x, const xparty *p);
/* Appends the group's members on the date (those not already present) as
 * country participants. */
void dg_xadd_group_members(const xdoc *x, long group, const xdate *date,
                           xparty *ps, dg_role *roles, size_t *n);
/* Remembers an unknown person parsed with a title (for later mentions). */
void dg_xremember(xdoc *x, const xparty *p);
/* A remembered person whose name equals [s, e) or, for Latin names, whose
 * last word does; fills p and returns 1. */
int dg_xrecall(const xdoc *x, size_t s, size_t e, xparty *p);
/* The one known official of the country the document names anywhere
 * ("his French counterpart" after "Jean-Yves Le Drian"), as a party at
 * [s, e); 0 when none or several. */
int dg_xofficial_of(const xdoc *x, long country, size_t s, size_t e, xparty *p);
/* The subject's counterpart in the pair of the meeting just reported as
 * news (talk_pair): the one from another country than the subject's,
 * whose partner is of the subject's country; as a party at [s, e). 0
 * when there is no such pair. */
int dg_xcounterpart(const xdoc *x, const xparty *subj, size_t s, size_t e, xparty *out);
/* Index of the first match with start >= pos (binary search). */
size_t dg_xmatch_from(const xdoc *x, size_t pos);
/* Emits a meeting (in-document dedup), evidence = original of [s, e). */
void dg_xemit(xdoc *x, dg_kind kind, const xdate *date, long place,
              long group, xparty *parties, const dg_role *roles, size_t n,
              size_t s, size_t e, double confidence);
/* True when the folded text at pos starts with lit. */
int dg_xat(const xdoc *x, size_t pos, const char *lit);
/* Position of lit in [from, to), or (size_t)-1 */
size_t dg_xfind(const xdoc *x, size_t from, size_t to, const char *lit);
/* The code point at pos and its length */
uint32_t dg_xcp(const xdoc *x, size_t pos, size_t *n);

#endif
