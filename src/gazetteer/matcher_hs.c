/* The matcher on Hyperscan: all patterns are compiled as byte literals
 * into one block-mode database. Built instead of matcher.c when CMake
 * finds libhs (DG_HAVE_HYPERSCAN); the contract is the same.
 *
 * A Hyperscan scan needs a scratch of its own, and one matcher is shared
 * by the extraction threads, so the matcher keeps a pool of scratches
 * (cloned on demand, one per thread that scans at once) behind a mutex.
 * Hyperscan does not promise matches in order of end, which our contract
 * does, so a scan collects the hits in its pool slot and sorts them when
 * they came out of order. */
#include <assert.h>
#include <limits.h>
#include <pthread.h>

#include <hs.h>

#include "gazetteer/gazetteer_int.h"
#include "common.h"

/* hs_scan takes an unsigned length: longer texts go in chunks of this
 * size that overlap by the longest pattern less one byte */
#define DG_MATCHER_HS_CHUNK ((size_t)1 << 30)

typedef struct {
    size_t end;
    uint32_t id;
} scan_hit;

typedef struct scan_slot {
    hs_scratch_t *scratch;
    scan_hit *hits;
    size_t n_hits, cap_hits;
    struct scan_slot *next;
} scan_slot;

/* Mutable from const scans: reached through a pointer. */
typedef struct {
    pthread_mutex_t mu;
    scan_slot *free;      /* slots not in use, linked by next */
    scan_slot **owned;    /* every slot made, for freeing */
    size_t n_owned, cap_owned;
    hs_scratch_t *proto;  /* never scanned with: the slots are its clones */
    /* used when a clone fails: made at build, one scan at a time */
    pthread_mutex_t spare_mu;
    scan_slot spare;
} scan_pool;

struct dg_matcher {
    char *bytes;            /* every pattern, end to end */
    size_t n_bytes, cap_bytes;
    size_t *pat_off, *pat_len;
    size_t n_pat, cap_pat, cap_len;
    uint32_t *table;        /* open addressing on the bytes: id + 1, 0 free */
    size_t table_cap;       /* a power of two, at most half full */
    size_t max_len;
    hs_database_t *db;      /* NULL when there are no patterns */
    scan_pool *pool;
    int built;
};

dg_matcher *dg_matcher_new(void)
{
    dg_matcher *m = calloc(1, sizeof(*m));

    if (!m)
        return NULL;
    m->pool = calloc(1, sizeof(*m->pool));
    if (!m->pool) {
        free(m);
        return NULL;
    }
    if (pthread_mutex_init(&m->pool->mu, NULL) != 0) {
        free(m->pool);
        free(m);
        return NULL;
    }
    if (pthread_mutex_init(&m->pool->spare_mu, NULL) != 0) {
        pthread_mutex_destroy(&m->pool->mu);
        free(m->pool);
        free(m);
        return NULL;
    }
    return m;
}

void dg_matcher_free(dg_matcher *m)
{
    size_t i;

    if (!m)
        return;
    for (i = 0; i < m->pool->n_owned; i++) {
        hs_free_scratch(m->pool->owned[i]->scratch);
        free(m->pool->owned[i]->hits);
        free(m->pool->owned[i]);
    }
    free(m->pool->owned);
    hs_free_scratch(m->pool->proto);
    hs_free_scratch(m->pool->spare.scratch);
    free(m->pool->spare.hits);
    pthread_mutex_destroy(&m->pool->mu);
    pthread_mutex_destroy(&m->pool->spare_mu);
    free(m->pool);
    hs_free_database(m->db);
    free(m->bytes);
    free(m->pat_off);
    free(m->pat_len);
    free(m->table);
    free(m);
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* the table slot holding s, or the free slot where it goes */
static size_t table_find(const dg_matcher *m, const char *s, size_t len)
{
    size_t mask = m->table_cap - 1, i = (size_t)hash_bytes(s, len) & mask;

    for (;;) {
        uint32_t v = m->table[i];
        if (v == 0)
            return i;
        if (m->pat_len[v - 1] == len && memcmp(m->bytes + m->pat_off[v - 1], s, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

static int table_grow(dg_matcher *m)
{
    size_t cap = m->table_cap ? m->table_cap * 2 : 64, i;
    uint32_t *old = m->table;
    size_t old_cap = m->table_cap;

    if (cap > SIZE_MAX / sizeof(uint32_t))
        return DG_ENOMEM;
    m->table = calloc(cap, sizeof(uint32_t));
    if (!m->table) {
        m->table = old;
        return DG_ENOMEM;
    }
    m->table_cap = cap;
    for (i = 0; i < old_cap; i++)
        if (old[i]) {
            uint32_t id = old[i] - 1;
            m->table[table_find(m, m->bytes + m->pat_off[id], m->pat_len[id])] = old[i];
        }
    free(old);
    return DG_OK;
}

long dg_matcher_add(dg_matcher *m, const char *s, size_t len)
{
    size_t slot;
    void *p;

    if (len == 0 || m->built || m->n_pat >= UINT_MAX - 1)
        return -1;
    if ((m->n_pat + 1) * 2 > m->table_cap && table_grow(m) < 0)
        return -1;
    slot = table_find(m, s, len);
    if (m->table[slot])
        return (long)(m->table[slot] - 1);
    if (len > SIZE_MAX - m->n_bytes)
        return -1;
    p = m->bytes;
    if (dg_grow_array(&p, &m->cap_bytes, m->n_bytes + len, 1) < 0)
        return -1;
    m->bytes = p;
    p = m->pat_off;
    if (dg_grow_array(&p, &m->cap_pat, m->n_pat + 1, sizeof(size_t)) < 0)
        return -1;
    m->pat_off = p;
    p = m->pat_len;
    if (dg_grow_array(&p, &m->cap_len, m->n_pat + 1, sizeof(size_t)) < 0)
        return -1;
    m->pat_len = p;
    memcpy(m->bytes + m->n_bytes, s, len);
    m->pat_off[m->n_pat] = m->n_bytes;
    m->pat_len[m->n_pat] = len;
    m->n_bytes += len;
    if (len > m->max_len)
        m->max_len = len;
    m->table[slot] = (uint32_t)m->n_pat + 1;
    return (long)m->n_pat++;
}

size_t dg_matcher_pattern_len(const dg_matcher *m, uint32_t id)
{
    return id < m->n_pat ? m->pat_len[id] : 0;
}

/* Hyperscan has no states to count: the patterns stand in for them. */
size_t dg_matcher_states(const dg_matcher *m)
{
    return m->n_pat;
}

int dg_matcher_build(dg_matcher *m)
{
    const char **expr = NULL;
    unsigned *flags = NULL, *ids = NULL;
    hs_compile_error_t *cerr = NULL;
    size_t i;
    int rc = DG_ENOMEM;

    if (m->built)
        return DG_OK;
    if (m->n_pat == 0) {
        m->built = 1;
        return DG_OK;
    }
    expr = calloc(m->n_pat, sizeof(*expr));
    flags = calloc(m->n_pat, sizeof(*flags));
    ids = calloc(m->n_pat, sizeof(*ids));
    if (!expr || !flags || !ids)
        goto out;
    for (i = 0; i < m->n_pat; i++) {
        expr[i] = m->bytes + m->pat_off[i];
        ids[i] = (unsigned)i;
    }
    /* literals: any byte, NUL included; no start of match needed, as
     * start = end - length */
    if (hs_compile_lit_multi(expr, flags, ids, m->pat_len, (unsigned)m->n_pat,
                             HS_MODE_BLOCK, NULL, &m->db, &cerr) != HS_SUCCESS) {
        /* only resource limits fail a literal set; ENOMEM is our nearest */
        hs_free_compile_error(cerr);
        m->db = NULL;
        goto out;
    }
    if (hs_alloc_scratch(m->db, &m->pool->proto) != HS_SUCCESS ||
        hs_clone_scratch(m->pool->proto, &m->pool->spare.scratch) != HS_SUCCESS)
        goto out;
    free(m->table);
    m->table = NULL;
    m->table_cap = 0;
    m->built = 1;
    rc = DG_OK;
out:
    free(expr);
    free(flags);
    free(ids);
    return rc;
}

static scan_slot *slot_get(const dg_matcher *m)
{
    scan_pool *pool = m->pool;
    scan_slot *s;
    void *p;

    pthread_mutex_lock(&pool->mu);
    s = pool->free;
    if (s)
        pool->free = s->next;
    pthread_mutex_unlock(&pool->mu);
    if (s)
        return s;
    s = calloc(1, sizeof(*s));
    if (!s)
        goto spare;
    if (hs_clone_scratch(pool->proto, &s->scratch) != HS_SUCCESS) {
        free(s);
        goto spare;
    }
    pthread_mutex_lock(&pool->mu);
    p = pool->owned;
    if (dg_grow_array(&p, &pool->cap_owned, pool->n_owned + 1, sizeof(scan_slot *)) < 0) {
        pthread_mutex_unlock(&pool->mu);
        hs_free_scratch(s->scratch);
        free(s);
        goto spare;
    }
    pool->owned = p;
    pool->owned[pool->n_owned++] = s;
    pthread_mutex_unlock(&pool->mu);
    return s;
spare:
    /* out of memory: scan with the spare, one thread at a time */
    pthread_mutex_lock(&pool->spare_mu);
    return &pool->spare;
}

static void slot_put(const dg_matcher *m, scan_slot *s)
{
    scan_pool *pool = m->pool;

    if (s == &pool->spare) {
        pthread_mutex_unlock(&pool->spare_mu);
        return;
    }
    pthread_mutex_lock(&pool->mu);
    s->next = pool->free;
    pool->free = s;
    pthread_mutex_unlock(&pool->mu);
}

typedef struct {
    const dg_matcher *m;
    scan_slot *slot;
    dg_matcher_fn fn;
    void *ctx;
    size_t base;     /* offset of the chunk in the text */
    size_t min_end;  /* ends up to here were reported by the chunk before */
    size_t last_end;
    int unordered;
    int direct;      /* the hit buffer could not grow: report as found */
} scan_ctx;

static int cmp_hit(const void *a, const void *b)
{
    const scan_hit *x = a, *y = b;

    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static void flush_hits(scan_ctx *c)
{
    scan_slot *s = c->slot;
    size_t i;

    if (c->unordered && s->n_hits > 1)
        qsort(s->hits, s->n_hits, sizeof(scan_hit), cmp_hit);
    for (i = 0; i < s->n_hits; i++)
        c->fn(c->ctx, s->hits[i].end - c->m->pat_len[s->hits[i].id], s->hits[i].end,
              s->hits[i].id);
    s->n_hits = 0;
    c->unordered = 0;
}

static int on_hit(unsigned int id, unsigned long long from, unsigned long long to,
                  unsigned int flags, void *ctx)
{
    scan_ctx *c = ctx;
    scan_slot *s = c->slot;
    size_t end = c->base + (size_t)to;
    void *p;

    (void)from;
    (void)flags;
    if (end <= c->min_end)
        return 0;
    if (c->direct) {
        c->fn(c->ctx, end - c->m->pat_len[id], end, id);
        return 0;
    }
    p = s->hits;
    if (dg_grow_array(&p, &s->cap_hits, s->n_hits + 1, sizeof(scan_hit)) < 0) {
        /* keep scanning: the gazetteer sorts matches itself */
        flush_hits(c);
        c->direct = 1;
        c->fn(c->ctx, end - c->m->pat_len[id], end, id);
        return 0;
    }
    s->hits = p;
    if (end < c->last_end)
        c->unordered = 1;
    c->last_end = end;
    s->hits[s->n_hits].end = end;
    s->hits[s->n_hits].id = id;
    s->n_hits++;
    return 0;
}

static int on_any(unsigned int id, unsigned long long from, unsigned long long to,
                  unsigned int flags, void *ctx)
{
    (void)id;
    (void)from;
    (void)to;
    (void)flags;
    *(int *)ctx = 1;
    return 1; /* stop the scan */
}

void dg_matcher_scan(const dg_matcher *m, const char *s, size_t len,
                     dg_matcher_fn fn, void *ctx)
{
    scan_ctx c;
    size_t off = 0;

    if (!m->built || !m->db || len == 0)
        return;
    memset(&c, 0, sizeof(c));
    c.m = m;
    c.fn = fn;
    c.ctx = ctx;
    c.slot = slot_get(m);
    c.slot->n_hits = 0;
    for (;;) {
        size_t n = len - off < DG_MATCHER_HS_CHUNK ? len - off : DG_MATCHER_HS_CHUNK;
        hs_error_t rc;
        c.base = off;
        rc = hs_scan(m->db, s + off, (unsigned)n, 0, c.slot->scratch, on_hit, &c);
        assert(rc == HS_SUCCESS);
        (void)rc;
        if (off + n >= len)
            break;
        /* a match ending past this chunk starts at most max_len - 1
         * bytes before its end */
        c.min_end = off + n;
        off = off + n - (m->max_len - 1);
    }
    flush_hits(&c);
    slot_put(m, c.slot);
}

int dg_matcher_any(const dg_matcher *m, const char *s, size_t len)
{
    scan_slot *slot;
    size_t off = 0;
    int found = 0;

    if (!m->built || !m->db || len == 0)
        return 0;
    slot = slot_get(m);
    for (;;) {
        size_t n = len - off < DG_MATCHER_HS_CHUNK ? len - off : DG_MATCHER_HS_CHUNK;
        hs_error_t rc = hs_scan(m->db, s + off, (unsigned)n, 0, slot->scratch, on_any, &found);
        assert(rc == HS_SUCCESS || rc == HS_SCAN_TERMINATED);
        (void)rc;
        if (found || off + n >= len)
            break;
        off = off + n - (m->max_len - 1);
    }
    slot_put(m, slot);
    return found;
}
