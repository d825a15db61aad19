/* Entity resolution and dedup: mentions of one meeting become one event.
 *
 * Order independence comes from processing the mentions in a canonical
 * order that depends only on their content: every decision (which cluster
 * a mention joins) is then a function of the set of mentions, not of the
 * order they were read in.
 *
 * Scale comes from buckets: two mentions can only merge when they share a
 * bucket key (kind family, and either the group of a multilateral meeting
 * or the set of countries taking part), so after one sort each mention is
 * compared only with the few clusters of its bucket whose anchor date is
 * within max_day_gap days.
 *
 * Rules (DESIGN.md, "events"):
 * - kind families: meet/talks/visit, call/video_call, cochair/multilateral;
 * - a multilateral or cochair mention with a group merges with any mention
 *   of that family, group and date;
 * - otherwise parties must match: the same countries take part, and for
 *   each country the same person ids, where a bare "country:XX" party is a
 *   wildcard for the persons of XX; groups must agree when both are given;
 * - a cluster is anchored on its earliest day; a mention within
 *   max_day_gap days of the anchor joins it (no chaining beyond that, so
 *   daily meetings of the same pair stay apart);
 * - a mention dated only by month or year, or not at all, is compatible
 *   with any date with that prefix. It joins a cluster with exactly its
 *   own date if there is one, else the only compatible cluster, and when
 *   several are compatible it stays apart: attaching it to one of them
 *   would be a guess. */
#include <stdio.h>

#include "diplograph/resolve.h"
#include "model/entity_int.h"
#include "common.h"

/* qsort that accepts an empty (NULL) array */
static void sort_any(void *base, size_t n, size_t size,
                     int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

enum { DCLASS_DAY = 0, DCLASS_MONTH, DCLASS_YEAR, DCLASS_NONE };

typedef struct {
    const dg_meeting *m;
    char *bucket;     /* bucket key (in the slots' block) */
    size_t bucket_rank; /* rank of the key among all keys (rank_buckets) */
    char **slots;     /* per bucket slot: person ids or NULL; one malloc'd
                       * block with the key and the ids (make_keys) */
    size_t n_slots;
    int dclass;
    long day;         /* days since 1970-01-01 for DCLASS_DAY */
    int group_mode;   /* bucketed by group: no party check */
    size_t wild;      /* slots that are bare countries */
    const dg_source *first; /* earliest source, or NULL */
    size_t cluster;
} mref;

typedef struct {
    size_t anchor;    /* mref index of the first member */
    const char **slots; /* merged slot persons (borrowed from members) */
    const char *group;
} cluster;

/* ---- dates ---- */

static int digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static long num(const char *s, size_t n)
{
    long v = 0;
    size_t i;

    for (i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(long y, long m, long d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int date_class(const char *d, long *day)
{
    size_t n = d ? strlen(d) : 0;

    *day = 0;
    if (n == 10 && digits(d, 4) && d[4] == '-' && digits(d + 5, 2) && d[7] == '-' &&
        digits(d + 8, 2)) {
        *day = days_from_civil(num(d, 4), num(d + 5, 2), num(d + 8, 2));
        return DCLASS_DAY;
    }
    if (n == 7 && digits(d, 4) && d[4] == '-' && digits(d + 5, 2))
        return DCLASS_MONTH;
    if (n == 4 && digits(d, 4))
        return DCLASS_YEAR;
    return DCLASS_NONE;
}

/* ---- keys ---- */

static int kind_family(dg_kind k)
{
    switch (k) {
    case DG_KIND_CALL:
    case DG_KIND_VIDEO_CALL:
        return 1;
    case DG_KIND_COCHAIR:
    case DG_KIND_MULTILATERAL:
        return 2;
    default:
        return 0;
    }
}

/* Merged kind: the most specific one seen. */
static int kind_rank(dg_kind k)
{
    static const int rank[DG_KIND_COUNT] = {
        [DG_KIND_VISIT] = 0, [DG_KIND_MEET] = 1, [DG_KIND_TALKS] = 2,
        [DG_KIND_CALL] = 3, [DG_KIND_VIDEO_CALL] = 4,
        [DG_KIND_MULTILATERAL] = 5, [DG_KIND_COCHAIR] = 6
    };
    return (unsigned)k < DG_KIND_COUNT ? rank[k] : 0;
}

static int role_rank(dg_role r)
{
    switch (r) {
    case DG_ROLE_CHAIR:
        return 3;
    case DG_ROLE_HOST:
    case DG_ROLE_GUEST:
        return 2;
    default:
        return 1;
    }
}

static void party_country(char out[3], const dg_party *p)
{
    dg_entity_country(out, p);
}

static int is_bare_country(const dg_party *p)
{
    return p->type == DG_PARTY_COUNTRY ||
           (p->id && strncmp(p->id, "country:", 8) == 0);
}

typedef struct {
    char key[3];       /* country code, or "" for an identity slot */
    const char *id;    /* the party id */
    int bare;
} slot_item;

static int slot_item_cmp(const void *a, const void *b)
{
    const slot_item *x = a, *y = b;
    int c;

    /* identity slots ("" key) are keyed by id */
    if ((c = strcmp(x->key[0] ? x->key : x->id, y->key[0] ? y->key : y->id)))
        return c;
    if (x->bare != y->bare)
        return x->bare - y->bare;
    return strcmp(x->id, y->id);
}

static int source_cmp(const dg_source *a, const dg_source *b)
{
    int c;

    if (!a || !b)
        return (a == NULL) - (b == NULL); /* sourceless records last */
    if ((c = dg_strcmp0(a->file, b->file)))
        return c;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->byte != b->byte)
        return a->byte < b->byte ? -1 : 1;
    if (a->length != b->length)
        return a->length < b->length ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return dg_strcmp0(a->lang, b->lang);
}

/* What make_keys reuses from one mention to the next. */
typedef struct {
    slot_item *items;
    size_t cap;
    dg_buf key, persons;   /* the bucket key; the slots' texts, NUL-separated */
    long *slot_at;         /* per slot: offset in persons, or -1 (wild) */
    size_t slot_cap;
} keys_scratch;

static void keys_scratch_destroy(keys_scratch *k)
{
    free(k->items);
    free(k->slot_at);
    dg_buf_destroy(&k->key);
    dg_buf_destroy(&k->persons);
}

/* Builds r's bucket key and slots, in one allocation (the slot pointers,
 * the key, the slots' texts): a million mentions, a million blocks. */
static int make_keys(mref *r, const dg_meeting *m, keys_scratch *k)
{
    slot_item *items;
    size_t n = 0, i, j, ns = 0, size;
    int fam = kind_family(m->kind);
    char *block;

    r->m = m;
    r->dclass = date_class(m->date, &r->day);
    r->first = NULL;
    for (i = 0; i < m->n_sources; i++)
        if (!r->first || source_cmp(&m->sources[i], r->first) < 0)
            r->first = &m->sources[i];
    r->group_mode = fam == 2 && m->group && m->group[0];
    dg_buf_reset(&k->key);
    dg_buf_reset(&k->persons);
    if (r->group_mode) {
        if (dg_buf_addf(&k->key, "%d|G|%s", fam, m->group) < 0)
            return DG_ENOMEM;
    } else {
        void *p = k->items;
        if (dg_grow_array(&p, &k->cap, m->n_parties ? m->n_parties : 1, sizeof(slot_item)) < 0)
            return DG_ENOMEM;
        k->items = items = p;
        p = k->slot_at;
        if (dg_grow_array(&p, &k->slot_cap, m->n_parties ? m->n_parties : 1, sizeof(long)) < 0)
            return DG_ENOMEM;
        k->slot_at = p;
        for (i = 0; i < m->n_parties; i++) {
            const dg_party *pt = &m->parties[i];
            if (!pt->id)
                continue;
            party_country(items[n].key, pt);
            if (pt->type == DG_PARTY_ORG)
                items[n].key[0] = '\0';
            items[n].id = pt->id;
            /* a person inferred from a title (an event read back) stands
             * for his country's office as the title-only party did */
            items[n].bare = (is_bare_country(pt) || pt->inferred) && items[n].key[0];
            n++;
        }
        sort_any(items, n, sizeof(*items), slot_item_cmp);
        if (dg_buf_addf(&k->key, "%d|P", fam) < 0)
            return DG_ENOMEM;
        for (i = 0; i < n; i = j) {
            const char *key = items[i].key[0] ? items[i].key : items[i].id;
            size_t start = k->persons.len;
            int has_person = 0;
            for (j = i; j < n; j++) {
                const char *kj = items[j].key[0] ? items[j].key : items[j].id;
                if (strcmp(key, kj) != 0)
                    break;
                if (items[j].bare)
                    continue;
                /* sorted by id within the slot; skip duplicates */
                if (has_person && j > i && !items[j - 1].bare &&
                    strcmp(items[j - 1].id, items[j].id) == 0)
                    continue;
                if ((has_person && dg_buf_addc(&k->persons, '\n') < 0) ||
                    dg_buf_adds(&k->persons, items[j].id) < 0)
                    return DG_ENOMEM;
                has_person = 1;
            }
            if (dg_buf_addc(&k->key, '|') < 0 || dg_buf_adds(&k->key, key) < 0)
                return DG_ENOMEM;
            if (has_person) {
                if (dg_buf_addc(&k->persons, '\0') < 0)
                    return DG_ENOMEM;
                k->slot_at[ns] = (long)start;
            } else {
                k->slot_at[ns] = -1;
                r->wild++;
            }
            ns++;
        }
    }
    size = ns * sizeof(char *) + k->key.len + 1 + k->persons.len;
    block = malloc(size);
    if (!block)
        return DG_ENOMEM;
    r->slots = (char **)(void *)block;
    r->n_slots = ns;
    r->bucket = block + ns * sizeof(char *);
    memcpy(r->bucket, dg_buf_cstr(&k->key), k->key.len + 1);
    if (k->persons.len)
        memcpy(r->bucket + k->key.len + 1, k->persons.ptr, k->persons.len);
    for (i = 0; i < ns; i++)
        r->slots[i] = k->slot_at[i] < 0 ? NULL : r->bucket + k->key.len + 1 + k->slot_at[i];
    return DG_OK;
}

static void mref_destroy(mref *r)
{
    free(r->slots); /* the block: slots, key and texts */
    r->slots = NULL;
}

/* ---- bucket ranks ---- */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;

    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 0x100000001b3ULL;
    }
    return h;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Ranks each bucket key among the distinct keys (in string order, so the
 * order does not depend on the input's): the sort then compares integers.
 * (The keys stay until the end: freeing a million small strings here
 * left the heap in pieces, and the peak 170 MB higher.) */
static int rank_buckets(mref *refs, size_t n)
{
    size_t cap = 16, n_keys = 0, i, *slot = NULL, *rank = NULL;
    char **keys = NULL;
    int rc = DG_ENOMEM;

    while (cap < 2 * n)
        cap *= 2;
    slot = calloc(cap, sizeof(size_t)); /* key index + 1, 0 empty */
    keys = malloc(n * sizeof(char *));
    if (!slot || !keys)
        goto out;
    for (i = 0; i < n; i++) {
        size_t h = (size_t)hash_str(refs[i].bucket) & (cap - 1);
        while (slot[h] && strcmp(keys[slot[h] - 1], refs[i].bucket) != 0)
            h = (h + 1) & (cap - 1);
        if (!slot[h]) {
            keys[n_keys++] = refs[i].bucket;
            slot[h] = n_keys;
        }
        refs[i].bucket_rank = slot[h] - 1; /* the key's index, for now */
    }
    /* index -> rank: sort the distinct keys, remember where each went */
    {
        char **sorted = malloc((n_keys ? n_keys : 1) * sizeof(char *));
        rank = malloc((n_keys ? n_keys : 1) * sizeof(size_t));
        if (!sorted || !rank) {
            free(sorted);
            goto out;
        }
        memcpy(sorted, keys, n_keys * sizeof(char *));
        sort_any(sorted, n_keys, sizeof(char *), cmp_str_ptr);
        /* find each key's index again through the table */
        for (i = 0; i < n_keys; i++) {
            size_t h = (size_t)hash_str(sorted[i]) & (cap - 1);
            while (strcmp(keys[slot[h] - 1], sorted[i]) != 0)
                h = (h + 1) & (cap - 1);
            rank[slot[h] - 1] = i;
        }
        free(sorted);
    }
    for (i = 0; i < n; i++)
        refs[i].bucket_rank = rank[refs[i].bucket_rank];
    rc = DG_OK;
out:
    free(slot);
    free(keys);
    free(rank);
    return rc;
}

/* ---- canonical order ---- */

static int party_cmp(const dg_party *a, const dg_party *b)
{
    int c;

    if ((c = dg_strcmp0(a->id, b->id)) || (c = (int)a->type - (int)b->type) ||
        (c = (int)a->role - (int)b->role) || (c = strcmp(a->country, b->country)) ||
        (c = dg_strcmp0(a->name, b->name)) || (c = dg_strcmp0(a->name_zh, b->name_zh)) ||
        (c = dg_strcmp0(a->title, b->title)) || (c = dg_strcmp0(a->title_zh, b->title_zh)))
        return c;
    return a->inferred - b->inferred;
}

/* A total order on record content (ties are identical records, which are
 * interchangeable). */
static int content_cmp(const mref *x, const mref *y)
{
    const dg_meeting *a = x->m, *b = y->m;
    size_t i;
    int c;

    if ((c = source_cmp(x->first, y->first)))
        return c;
    if ((c = dg_strcmp0(a->date, b->date)) || (c = (int)a->kind - (int)b->kind) ||
        (c = dg_strcmp0(a->group, b->group)))
        return c;
    if (a->n_parties != b->n_parties)
        return a->n_parties < b->n_parties ? -1 : 1;
    for (i = 0; i < a->n_parties; i++)
        if ((c = party_cmp(&a->parties[i], &b->parties[i])))
            return c;
    if (a->n_sources != b->n_sources)
        return a->n_sources < b->n_sources ? -1 : 1;
    for (i = 0; i < a->n_sources; i++)
        if ((c = source_cmp(&a->sources[i], &b->sources[i])))
            return c;
    if ((c = dg_strcmp0(a->evidence, b->evidence)) ||
        (c = dg_strcmp0(a->place_name, b->place_name)) ||
        (c = dg_strcmp0(a->place_name_zh, b->place_name_zh)) ||
        (c = strcmp(a->place_country, b->place_country)))
        return c;
    if (a->confidence != b->confidence)
        return a->confidence < b->confidence ? -1 : 1;
    if (a->mentions != b->mentions)
        return a->mentions < b->mentions ? -1 : 1;
    return dg_strcmp0(a->id, b->id);
}

static int mref_order(const void *pa, const void *pb)
{
    const mref *x = pa, *y = pb;
    int c;

    if (x->bucket_rank != y->bucket_rank)
        return x->bucket_rank < y->bucket_rank ? -1 : 1;
    if (x->dclass != y->dclass)
        return x->dclass - y->dclass;
    if (x->dclass == DCLASS_DAY && x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if ((c = dg_strcmp0(x->m->date, y->m->date)))
        return c;
    if (x->wild != y->wild)
        return x->wild < y->wild ? -1 : 1;
    return content_cmp(x, y);
}

/* Members of one event: by cluster, then by earliest source. */
static int member_order(const void *pa, const void *pb)
{
    const mref *x = *(const mref *const *)pa, *y = *(const mref *const *)pb;

    if (x->cluster != y->cluster)
        return x->cluster < y->cluster ? -1 : 1;
    return content_cmp(x, y);
}

/* ---- clustering ---- */

static int parties_fit(const mref *r, const cluster *c)
{
    size_t i;

    if (r->group_mode)
        return 1;
    if (r->m->group && c->group && strcmp(r->m->group, c->group) != 0)
        return 0;
    for (i = 0; i < r->n_slots; i++)
        if (r->slots[i] && c->slots[i] && strcmp(r->slots[i], c->slots[i]) != 0)
            return 0;
    return 1;
}

static void join(cluster *c, mref *r, size_t ci)
{
    size_t i;

    r->cluster = ci;
    if (!c->group)
        c->group = r->m->group;
    for (i = 0; i < r->n_slots; i++)
        if (!c->slots[i])
            c->slots[i] = r->slots[i];
}

static int vague_fits(const mref *r, const mref *anchor)
{
    const char *d = r->m->date, *a = anchor->m->date;

    if (r->dclass == DCLASS_NONE)
        return 1;
    if (anchor->dclass == DCLASS_NONE || anchor->dclass > r->dclass)
        return 0;
    return strncmp(a, d, strlen(d)) == 0;
}

static int same_date(const mref *r, const mref *anchor)
{
    return r->dclass == anchor->dclass && dg_strcmp0(r->m->date, anchor->m->date) == 0;
}

/* Clusters refs[a..b) (one bucket); cluster ids continue from *next. */
static int cluster_bucket(mref *refs, size_t a, size_t b, long gap,
                          cluster **cl, size_t *cl_cap, size_t *next)
{
    size_t nc = 0, i, k;

    for (i = a; i < b; i++) {
        mref *r = &refs[i];
        size_t pick = (size_t)-1, found = 0, same = (size_t)-1;
        long g = r->group_mode ? 0 : gap;

        if (r->dclass == DCLASS_DAY) {
            for (k = nc; k-- > 0;) {
                const mref *an = &refs[(*cl)[k].anchor];
                if (r->day - an->day > g)
                    break;
                if (parties_fit(r, &(*cl)[k])) {
                    pick = k;
                    break;
                }
            }
        } else {
            for (k = 0; k < nc; k++) {
                const mref *an = &refs[(*cl)[k].anchor];
                if (!vague_fits(r, an) || !parties_fit(r, &(*cl)[k]))
                    continue;
                if (same_date(r, an)) {
                    same = k;
                    break;
                }
                found++;
                pick = k;
            }
            if (same != (size_t)-1)
                pick = same;
            else if (found != 1)
                pick = (size_t)-1;
        }
        if (pick == (size_t)-1) {
            void *p = *cl;
            if (dg_grow_array(&p, cl_cap, nc + 1, sizeof(cluster)) < 0)
                return DG_ENOMEM;
            *cl = p;
            pick = nc++;
            (*cl)[pick].anchor = i;
            (*cl)[pick].group = NULL;
            (*cl)[pick].slots = calloc(r->n_slots ? r->n_slots : 1, sizeof(char *));
            if (!(*cl)[pick].slots) {
                nc--;
                for (k = 0; k < nc; k++)
                    free((void *)(*cl)[k].slots);
                return DG_ENOMEM;
            }
        }
        join(&(*cl)[pick], r, *next + pick);
    }
    for (k = 0; k < nc; k++)
        free((void *)(*cl)[k].slots);
    *next += nc;
    return DG_OK;
}

/* ---- merging ---- */

/* Moves *src into *dst when dst has none (first wins, as a copy would). */
static void take_str(char **dst, char **src)
{
    if (!*dst && *src) {
        *dst = *src;
        *src = NULL;
    }
}

static int cmp_party_id(const void *a, const void *b)
{
    return dg_strcmp0(((const dg_party *)a)->id, ((const dg_party *)b)->id);
}

static int cmp_source(const void *a, const void *b)
{
    return source_cmp(a, b);
}

/* q (kept) absorbs p, a party with the same id: the stronger role, the
 * fields q lacks; inferred only if both were. p is left to destroy. */
static void absorb_party(dg_party *q, dg_party *p)
{
    if (role_rank(p->role) > role_rank(q->role))
        q->role = p->role;
    if (!q->country[0])
        memcpy(q->country, p->country, sizeof(q->country));
    if (!p->inferred)
        q->inferred = 0;
    take_str(&q->name, &p->name);
    take_str(&q->name_zh, &p->name_zh);
    take_str(&q->title, &p->title);
    take_str(&q->title_zh, &p->title_zh);
}

/* Adds the parties of src to ev (union by id, taking them from src). */
static int merge_parties(dg_meeting *ev, dg_meeting *src)
{
    size_t i, j;

    for (i = 0; i < src->n_parties; i++) {
        dg_party *p = &src->parties[i];
        dg_party *q = NULL;

        if (!p->id)
            continue;
        for (j = 0; j < ev->n_parties; j++)
            if (strcmp(ev->parties[j].id, p->id) == 0) {
                q = &ev->parties[j];
                break;
            }
        if (q) {
            absorb_party(q, p);
            continue;
        }
        {
            dg_party *np = realloc(ev->parties, (ev->n_parties + 1) * sizeof(*np));
            if (!np)
                return DG_ENOMEM;
            ev->parties = np;
            ev->parties[ev->n_parties++] = *p;
            memset(p, 0, sizeof(*p));
        }
    }
    return DG_OK;
}

/* One party per id (the first keeps its place and absorbs the others);
 * parties without an id go. */
static void dedup_parties(dg_meeting *ev)
{
    size_t i, j, n = 0;

    for (i = 0; i < ev->n_parties; i++) {
        dg_party *p = &ev->parties[i];
        dg_party *q = NULL;

        for (j = 0; p->id && j < n; j++)
            if (strcmp(ev->parties[j].id, p->id) == 0) {
                q = &ev->parties[j];
                break;
            }
        if (q)
            absorb_party(q, p);
        if (q || !p->id)
            dg_party_destroy(p);
        else
            ev->parties[n++] = *p;
    }
    ev->n_parties = n;
}

/* How surely a party names its country's person: 2 a person by name, 1 a
 * person inferred from a title, 0 a bare country. */
static int person_strength(const dg_party *p)
{
    if (is_bare_country(p))
        return 0;
    if (p->type != DG_PARTY_PERSON)
        return -1;
    return p->inferred ? 1 : 2;
}

/* Drops bare country parties whose country has a person in the event,
 * and inferred persons whose country has a person named. */
static void drop_covered_countries(dg_meeting *ev)
{
    size_t i, j, n = 0;

    for (i = 0; i < ev->n_parties; i++) {
        dg_party *p = &ev->parties[i];
        int s = person_strength(p), covered = 0;
        char cc[3];

        party_country(cc, p);
        if ((s == 0 || s == 1) && cc[0]) {
            for (j = 0; j < ev->n_parties && !covered; j++) {
                char cj[3];
                const dg_party *q = &ev->parties[j];
                party_country(cj, q);
                covered = person_strength(q) > s && strcmp(cc, cj) == 0;
            }
        }
        if (covered)
            dg_party_destroy(p);
        else
            ev->parties[n++] = *p;
    }
    ev->n_parties = n;
}

/* Merges the members of one cluster into ev, taking their records: the
 * first member's record becomes the event. */
static int merge_event(dg_meeting *ev, mref *const *mem, size_t n, const mref *anchor,
                       const dg_entities *ent)
{
    dg_meeting *first = (dg_meeting *)mem[0]->m;
    size_t i, j, total = 0, extra = 0;
    int rc = DG_ENOMEM, best_kind;

    for (i = 0; i < n; i++)
        total += mem[i]->m->n_sources;
    if (anchor->m->date != first->date) {
        char *d = anchor->m->date ? dg_strdup0(anchor->m->date) : NULL;
        if (anchor->m->date && !d)
            return DG_ENOMEM;
        free(first->date);
        first->date = d;
    }
    if (first->n_sources == 0)
        extra += (size_t)(first->mentions > 0 ? first->mentions : 1);
    *ev = *first;
    dg_meeting_init(first);
    if (!ev->place_name && !ev->place_name_zh)
        ev->place_country[0] = '\0';
    best_kind = kind_rank(ev->kind);
    dedup_parties(ev);
    if (total > ev->n_sources) {
        dg_source *s = realloc(ev->sources, total * sizeof(dg_source));
        if (!s)
            goto fail;
        ev->sources = s;
    }
    for (i = 1; i < n; i++) {
        dg_meeting *m = (dg_meeting *)mem[i]->m;

        if (kind_rank(m->kind) > best_kind) {
            best_kind = kind_rank(m->kind);
            ev->kind = m->kind;
        }
        if (m->confidence > ev->confidence)
            ev->confidence = m->confidence;
        if (!ev->place_name && !ev->place_name_zh && (m->place_name || m->place_name_zh)) {
            take_str(&ev->place_name, &m->place_name);
            take_str(&ev->place_name_zh, &m->place_name_zh);
            memcpy(ev->place_country, m->place_country, sizeof(ev->place_country));
        }
        take_str(&ev->group, &m->group);
        take_str(&ev->evidence, &m->evidence);
        if (merge_parties(ev, m) < 0)
            goto fail;
        for (j = 0; j < m->n_sources; j++)
            ev->sources[ev->n_sources++] = m->sources[j];
        free(m->sources);
        m->sources = NULL;
        if (m->n_sources == 0)
            extra += (size_t)(m->mentions > 0 ? m->mentions : 1);
        m->n_sources = 0;
        dg_meeting_destroy(m);
    }
    drop_covered_countries(ev);
    if (dg_entities_infer(ent, ev) < 0)
        goto fail;
    dedup_parties(ev); /* an inferred person may be one already present */
    sort_any(ev->parties, ev->n_parties, sizeof(dg_party), cmp_party_id);
    sort_any(ev->sources, ev->n_sources, sizeof(dg_source), cmp_source);
    /* the same source read twice (a shard and its merge) counts once */
    for (i = 0, j = 0; i < ev->n_sources; i++) {
        if (j > 0 && source_cmp(&ev->sources[j - 1], &ev->sources[i]) == 0) {
            dg_source_destroy(&ev->sources[i]);
            continue;
        }
        ev->sources[j++] = ev->sources[i];
    }
    ev->n_sources = j;
    ev->mentions = (long)(ev->n_sources + extra);
    if (dg_meeting_compute_id(ev) < 0)
        goto fail;
    return DG_OK;
fail:
    dg_meeting_destroy(ev);
    return rc;
}

int dg_resolve_events(dg_meeting_list *out, const dg_meeting_list *mentions,
                      const dg_resolve_opts *opts, dg_error *err)
{
    dg_meeting_list copy = DG_MEETING_LIST_INIT;
    size_t i;

    if (mentions->len) {
        copy.items = malloc(mentions->len * sizeof(dg_meeting));
        if (!copy.items)
            return dg_error_set(err, DG_ENOMEM, "resolving events: out of memory");
        copy.cap = mentions->len;
    }
    for (i = 0; i < mentions->len; i++) {
        if (dg_meeting_copy(&copy.items[i], &mentions->items[i]) < 0) {
            dg_meeting_list_destroy(&copy);
            return dg_error_set(err, DG_ENOMEM, "resolving events: out of memory");
        }
        copy.len++;
    }
    return dg_resolve_events_take(out, &copy, opts, err);
}

int dg_resolve_events_take(dg_meeting_list *out, dg_meeting_list *mentions,
                           const dg_resolve_opts *opts, dg_error *err)
{
    dg_resolve_opts def = DG_RESOLVE_OPTS_INIT;
    size_t n = mentions->len, i, j, start = out->len, n_clusters = 0, cl_cap = 0;
    mref *refs = NULL;
    mref **order = NULL;
    cluster *cl = NULL;
    size_t *anchor = NULL;
    dg_entities *ent = NULL;
    long gap;
    int rc = DG_ENOMEM;

    if (!opts)
        opts = &def;
    gap = opts->max_day_gap < 0 ? 0 : opts->max_day_gap;
    if (n == 0) {
        dg_meeting_list_destroy(mentions);
        return DG_OK;
    }
    if ((rc = dg_entities_new(&ent, opts, err)) < 0) {
        dg_meeting_list_destroy(mentions);
        return rc;
    }
    if ((rc = dg_entities_resolve(ent, mentions->items, n, err)) < 0)
        goto out_quiet;
    dg_timing_mark(opts->timing, "resolve: entities");
    rc = DG_ENOMEM;
    refs = calloc(n, sizeof(*refs));
    order = malloc(n * sizeof(*order));
    if (!refs || !order)
        goto out;
    {
        keys_scratch ks = { NULL, 0, DG_BUF_INIT, DG_BUF_INIT, NULL, 0 };
        for (i = 0; i < n; i++)
            if (make_keys(&refs[i], &mentions->items[i], &ks) < 0) {
                keys_scratch_destroy(&ks);
                goto out;
            }
        keys_scratch_destroy(&ks);
    }
    if (rank_buckets(refs, n) < 0)
        goto out;
    dg_timing_mark(opts->timing, "resolve: keys");
    sort_any(refs, n, sizeof(*refs), mref_order);
    dg_timing_mark(opts->timing, "resolve: sort");
    for (i = 0; i < n; i = j) {
        for (j = i + 1; j < n && refs[i].bucket_rank == refs[j].bucket_rank; j++)
            ;
        if (cluster_bucket(refs, i, j, gap, &cl, &cl_cap, &n_clusters) < 0)
            goto out;
    }
    dg_timing_mark(opts->timing, "resolve: cluster");
    for (i = 0; i < n; i++)
        order[i] = &refs[i];
    /* the anchor of each cluster is its first member in refs order */
    anchor = malloc((n_clusters ? n_clusters : 1) * sizeof(size_t));
    if (!anchor)
        goto out;
    for (i = n; i-- > 0;)
        anchor[refs[i].cluster] = i;
    sort_any(order, n, sizeof(*order), member_order);
    for (i = 0; i < n; i = j) {
        dg_meeting ev;
        for (j = i + 1; j < n && order[j]->cluster == order[i]->cluster; j++)
            ;
        if (merge_event(&ev, order + i, j - i, &refs[anchor[order[i]->cluster]], ent) < 0)
            goto out;
        if (dg_meeting_list_push(out, &ev) < 0) {
            dg_meeting_destroy(&ev);
            goto out;
        }
    }
    dg_timing_mark(opts->timing, "resolve: merge");
    /* the keys are done with: free them before the sort needs its own */
    for (i = 0; i < n; i++)
        mref_destroy(&refs[i]);
    free(refs);
    refs = NULL;
    free(order);
    order = NULL;
    dg_meeting_sort(out->items + start, out->len - start);
    dg_timing_mark(opts->timing, "resolve: sort events");
    rc = DG_OK;
out:
    if (rc < 0)
        dg_error_set(err, rc, "resolving events: out of memory");
out_quiet:
    if (refs)
        for (i = 0; i < n; i++)
            mref_destroy(&refs[i]);
    free(refs);
    free(order);
    free(cl);
    free(anchor);
    dg_entities_free(ent);
    /* what was not merged (an error) goes with the list */
    dg_meeting_list_destroy(mentions);
    return rc;
}
