/* The multi-literal matcher, two ways over one trie of bytes.
 *
 * dg_matcher_scan_longest() finds, left to right, the longest pattern at
 * each position and goes on after it: a double-array trie (two loads a
 * byte, 8 bytes a slot), with runs of single children compared as strings,
 * behind a prefilter that rejects most positions without touching the
 * trie (hashed bitmaps of the patterns' first 6 or 3 bytes) and, on x86,
 * a vector pass that offers only the starts of words and characters.
 *
 * dg_matcher_any() answers whether any pattern occurs anywhere, with an
 * Aho-Corasick automaton: dense rows for the shallow states, sorted sparse
 * edges and failure links below them. */
#include "gazetteer/gazetteer_int.h"
#include "common.h"

typedef struct {
    uint32_t first_edge; /* into edges, sorted by byte */
    uint16_t n_edges;
    uint32_t fail;
    int32_t out;         /* pattern ending here, or -1 */
    uint32_t dict;       /* next state on the fail chain with out >= 0, or 0 */
    uint32_t depth;
} ac_state;

typedef struct {
    unsigned char byte;
    uint32_t to;
} ac_edge;

/* a double-array slot while building: check (parent slot, or DAT_FREE),
 * base (children at base + byte), out (pattern ending here, or -1) */
typedef struct {
    uint32_t check;
    uint32_t base;
    int32_t out;
} dat_slot;

typedef struct jump_entry {
    uint64_t key;  /* 6 bytes */
    uint32_t slot; /* 0: empty */
    uint32_t aux;
} jump_entry;

/* the built slot: 8 bytes, the pattern id apart (read only on a match) */
typedef struct {
    uint32_t check;
    uint32_t base; /* DAT_TAIL | tail offset, or base; DAT_OUT: outs[] has a pattern */
} dat_cell;

#define DAT_FREE UINT32_MAX
#define DAT_RUN 0x80000000u
#define DAT_OUT 0x40000000u
#define DAT_BASE 0x3fffffffu
#define DAT_RUN_MAX 65535

/* build-time trie node: children in a linked list */
typedef struct {
    uint32_t child, sibling;
    unsigned char byte;
    int32_t out;
    uint32_t depth;
} trie_node;

struct dg_matcher {
    trie_node *trie;
    size_t n_trie, cap_trie;
    size_t *pat_len;
    size_t n_pat, cap_pat;
    ac_state *states;
    ac_edge *edges;
    size_t n_edges;
    uint32_t root_next[256];
    /* full transition rows for the shallow states, where a scan spends
     * most of its time: one lookup per byte instead of a binary search
     * and failure links */
    int32_t *row_of;     /* state -> row, or -1 */
    uint32_t *rows;      /* n_rows * 256: target | ROW_OUT when it reports */
    uint8_t *has_out;    /* state reports a pattern (itself or its dict chain) */
    size_t n_rows;
    /* the same trie as a double array, for anchored leftmost-longest
     * scans: a child of slot s on byte b is base[s] + b when its check
     * is s */
    dat_cell *dat;
    int32_t *outs;
    size_t n_dat;
    /* a prefilter in front of the double array: which positions can
     * start a pattern, by the first bytes there (see build_filter) */
    uint64_t *f6;        /* hashed 6-byte prefixes of patterns of 6+ bytes */
    uint64_t *f3;        /* hashed 3-byte prefixes of patterns of 3-5 bytes */
    uint64_t f1[4];      /* 1-byte patterns */
    int has_short;       /* any pattern of 1 byte */
    unsigned char starts[256]; /* 1 where a pattern starts with the byte */
    /* the ASCII bytes other than letters and digits that start a pattern
     * (the apostrophe of "'s meeting with"): a vector scan looks for
     * them besides word starts and lead bytes; more than 4 turn it off */
    unsigned char other_starts[4];
    int n_other_starts;
    /* runs: where a path goes on through single children, the slot's base
     * is DAT_RUN | the offset here of: the run's length (2 bytes), the
     * slot at its end (4 bytes), its bytes */
    unsigned char *runs;
    size_t n_runs, cap_runs;
    /* jumps: the slot at depth 6 by the path's first 6 bytes, with the
     * patterns shorter than 6 bytes on the way (jump_ids/jump_lens from
     * aux >> 4, aux & 15 of them), so a walk takes one probe instead of
     * six dependent steps to get there */
    struct jump_entry *jump;
    size_t jump_mask;
    uint32_t *jump_ids;
    uint8_t *jump_lens;
    int built;
};

/* A row entry's high bit: the target state reports a match, so a scan
 * touches the (large) state array only where something was found. */
#define ROW_OUT 0x80000000u
#define ROW_STATE 0x7fffffffu

/* Shallow states get a dense row, up to this many rows (4 MB). */
#define DG_MATCHER_DENSE_DEPTH 3
#define DG_MATCHER_MAX_ROWS 4096

dg_matcher *dg_matcher_new(void)
{
    dg_matcher *m = calloc(1, sizeof(*m));

    if (!m)
        return NULL;
    m->trie = calloc(64, sizeof(trie_node));
    if (!m->trie) {
        free(m);
        return NULL;
    }
    m->cap_trie = 64;
    m->n_trie = 1;
    m->trie[0].out = -1;
    return m;
}

void dg_matcher_free(dg_matcher *m)
{
    if (!m)
        return;
    free(m->trie);
    free(m->pat_len);
    free(m->states);
    free(m->edges);
    free(m->row_of);
    free(m->rows);
    free(m->has_out);
    free(m->dat);
    free(m->outs);
    free(m->f6);
    free(m->f3);
    free(m->runs);
    free(m->jump);
    free(m->jump_ids);
    free(m->jump_lens);
    free(m);
}

static long trie_child(dg_matcher *m, uint32_t node, unsigned char b, int create)
{
    uint32_t c = m->trie[node].child;
    void *p;

    while (c) {
        if (m->trie[c].byte == b)
            return c;
        c = m->trie[c].sibling;
    }
    if (!create)
        return 0;
    p = m->trie;
    if (dg_grow_array(&p, &m->cap_trie, m->n_trie + 1, sizeof(trie_node)) < 0)
        return -1;
    m->trie = p;
    c = (uint32_t)m->n_trie++;
    m->trie[c].child = 0;
    m->trie[c].byte = b;
    m->trie[c].out = -1;
    m->trie[c].depth = m->trie[node].depth + 1;
    m->trie[c].sibling = m->trie[node].child;
    m->trie[node].child = c;
    return c;
}

long dg_matcher_add(dg_matcher *m, const char *s, size_t len)
{
    uint32_t node = 0;
    size_t i;
    void *p;

    if (len == 0 || m->built)
        return -1;
    for (i = 0; i < len; i++) {
        long c = trie_child(m, node, (unsigned char)s[i], 1);
        if (c < 0)
            return -1;
        node = (uint32_t)c;
    }
    if (m->trie[node].out >= 0)
        return m->trie[node].out;
    p = m->pat_len;
    if (dg_grow_array(&p, &m->cap_pat, m->n_pat + 1, sizeof(size_t)) < 0)
        return -1;
    m->pat_len = p;
    m->pat_len[m->n_pat] = len;
    m->trie[node].out = (int32_t)m->n_pat;
    return (long)m->n_pat++;
}

size_t dg_matcher_pattern_len(const dg_matcher *m, uint32_t id)
{
    return id < m->n_pat ? m->pat_len[id] : 0;
}

size_t dg_matcher_states(const dg_matcher *m)
{
    return m->n_trie;
}

static uint32_t go(const dg_matcher *m, uint32_t s, unsigned char b)
{
    const ac_state *st = &m->states[s];
    const ac_edge *e = m->edges + st->first_edge;
    size_t lo = 0, hi = st->n_edges;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].byte == b)
            return e[mid].to;
        if (e[mid].byte < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return UINT32_MAX;
}

static int cmp_edge(const void *a, const void *b)
{
    const ac_edge *x = a, *y = b;
    return (int)x->byte - (int)y->byte;
}

/* Free slots of the double array under construction, in a doubly linked
 * list: a placement tries only free slots, and a slot that failed as a
 * first child too often leaves the list (it stays free), so the search
 * does not rescan the crowded front for every node. */
typedef struct {
    dat_slot *d;
    uint32_t *next, *prev; /* list links; the head is slot cap (a sentinel) */
    uint8_t *fails;        /* 255: not in the list */
    size_t cap;
} dat_build;

#define DAT_GIVE_UP 16

static void free_unlink(dat_build *b, size_t i)
{
    if (b->fails[i] == 255)
        return;
    b->next[b->prev[i]] = b->next[i];
    b->prev[b->next[i]] = b->prev[i];
    b->fails[i] = 255;
}

static int dat_grow(dat_build *b, size_t want)
{
    size_t ncap = b->cap, i, head;
    dat_slot *d;
    uint32_t *nx, *pv;
    uint8_t *f;

    while (ncap <= want)
        ncap *= 2;
    if (ncap == b->cap)
        return DG_OK;
    if (ncap >= UINT32_MAX - 1)
        return DG_ENOMEM;
    d = realloc(b->d, ncap * sizeof(*d));
    if (d)
        b->d = d;
    nx = realloc(b->next, (ncap + 1) * sizeof(*nx));
    if (nx)
        b->next = nx;
    pv = realloc(b->prev, (ncap + 1) * sizeof(*pv));
    if (pv)
        b->prev = pv;
    f = realloc(b->fails, ncap);
    if (f)
        b->fails = f;
    if (!d || !nx || !pv || !f)
        return DG_ENOMEM;
    /* move the sentinel from the old cap to the new one */
    head = ncap;
    b->next[head] = b->next[b->cap];
    b->prev[head] = b->prev[b->cap];
    if (b->next[head] == b->cap) { /* empty list */
        b->next[head] = (uint32_t)head;
        b->prev[head] = (uint32_t)head;
    } else {
        b->prev[b->next[head]] = (uint32_t)head;
        b->next[b->prev[head]] = (uint32_t)head;
    }
    for (i = b->cap; i < ncap; i++) {
        b->d[i].check = DAT_FREE;
        b->d[i].base = 0;
        b->d[i].out = -1;
        b->fails[i] = 0;
        /* append at the tail */
        b->prev[i] = b->prev[head];
        b->next[i] = (uint32_t)head;
        b->next[b->prev[head]] = (uint32_t)i;
        b->prev[head] = (uint32_t)i;
    }
    b->cap = ncap;
    return DG_OK;
}

/* The lowest base, among free first-child slots, where every child fits. */
static long dat_place(dat_build *b, const unsigned char *bytes, size_t k)
{
    size_t f, j;

    for (;;) {
        size_t head = b->cap;
        for (f = b->next[head]; f != head;) {
            size_t nf = b->next[f], base;
            if (f > bytes[0]) {
                base = f - bytes[0];
                if (base + 256 >= b->cap)
                    break; /* grow first */
                for (j = 1; j < k && b->d[base + bytes[j]].check == DAT_FREE; j++)
                    ;
                if (j == k)
                    return (long)base;
                if (++b->fails[f] >= DAT_GIVE_UP)
                    free_unlink(b, f);
            }
            f = nf;
        }
        if (dat_grow(b, b->cap + 256) < 0)
            return -1;
    }
}

/* The prefilter: a position can start a pattern only if the 6 bytes there
 * are a 6-byte prefix of a long pattern, or the 3 bytes there begin a
 * pattern of 2 to 5 bytes, or the byte there is a whole pattern.
 * Hashed bitmaps (false positives only cost a walk): 32 KB and 8 KB, to
 * stay in the first-level cache. */
#define DG_F6_LOG 18
#define DG_F3_LOG 16
#define DG_F6_BITS ((size_t)1 << DG_F6_LOG)
#define DG_F3_BITS ((size_t)1 << DG_F3_LOG)
#define MASK6 0xffffffffffffull
#define MASK3 0xffffffull

static inline size_t hash6(uint64_t x)
{
    return (size_t)(((x & MASK6) * 0x9e3779b97f4a7c15ull) >> (64 - DG_F6_LOG));
}

static inline size_t hash3(uint64_t x)
{
    return (size_t)(((x & MASK3) * 0x9e3779b97f4a7c15ull) >> (64 - DG_F3_LOG));
}

#define BIT_SET(v, i) ((v)[(i) >> 6] |= (uint64_t)1 << ((i) & 63))
#define BIT_GET(v, i) (((v)[(i) >> 6] >> ((i) & 63)) & 1)

static void filter_add(dg_matcher *m, uint64_t prefix, size_t len)
{
    if (len >= 6)
        BIT_SET(m->f6, hash6(prefix));
    else if (len >= 3)
        BIT_SET(m->f3, hash3(prefix));
    else if (len == 2) {
        /* whatever byte follows: every 3-byte key that starts with it */
        uint64_t b;
        for (b = 0; b < 256; b++)
            BIT_SET(m->f3, hash3((prefix & 0xffff) | b << 16));
    } else {
        BIT_SET(m->f1, (size_t)(prefix & 0xff));
        m->has_short = 1;
    }
}

/* 1 for ASCII letters and digits */
static const unsigned char word_tab[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* The run of single children below u: its length in bytes, 0 when u has
 * other than one child, and in *x the node that ends it: the first with a
 * pattern, or other than one child. */
static size_t run_from(const dg_matcher *m, uint32_t u, uint32_t *x)
{
    uint32_t c = m->trie[u].child;
    size_t k = 0;

    if (!c || m->trie[c].sibling)
        return 0;
    for (;;) {
        k++;
        if (m->trie[c].out >= 0 || !m->trie[c].child ||
            m->trie[m->trie[c].child].sibling || k >= DAT_RUN_MAX)
            break;
        c = m->trie[c].child;
    }
    *x = c;
    return k;
}

/* Appends the run of k bytes below u (its slot patched in later) and
 * returns its offset, or -1; extends *prefix with its bytes. Eight zero
 * bytes stay past the last run, so a scan may read 8 bytes of any run. */
static long run_add(dg_matcher *m, uint32_t u, size_t k, uint64_t *prefix)
{
    size_t off = m->n_runs, depth = m->trie[u].depth, i;
    uint32_t c = u;
    unsigned char *r;
    void *p = m->runs;

    if (dg_grow_array(&p, &m->cap_runs, off + 6 + k + 8, 1) < 0)
        return -1;
    m->runs = p;
    r = m->runs + off;
    r[0] = (unsigned char)(k & 0xff);
    r[1] = (unsigned char)(k >> 8);
    for (i = 0; i < k; i++) {
        c = m->trie[c].child;
        r[6 + i] = m->trie[c].byte;
        if (depth < 8)
            *prefix |= (uint64_t)m->trie[c].byte << (8 * depth);
        depth++;
    }
    memset(r + 6 + k, 0, 8);
    m->n_runs = off + 6 + k;
    return (long)off;
}

static int j6_add(jump_entry **v, size_t *n, size_t *cap, uint64_t key, uint32_t slot)
{
    void *p = *v;

    if (dg_grow_array(&p, cap, *n + 1, sizeof(jump_entry)) < 0)
        return -1;
    *v = p;
    (*v)[*n].key = key & MASK6;
    (*v)[*n].slot = slot;
    (*v)[*n].aux = 0;
    (*n)++;
    return 0;
}

static inline size_t jump_hash(uint64_t key, size_t mask)
{
    return (size_t)((key * 0x9e3779b97f4a7c15ull) >> 40) & mask;
}

static size_t walk_from(const dg_matcher *m, const unsigned char *u, size_t len, uint32_t st,
                        size_t q, uint32_t *ids, size_t *ends, size_t n);

/* The jump table over the depth-6 slots, built on the finished double
 * array: each entry's shorter patterns come from walking its 6 bytes. */
static int build_jumps(dg_matcher *m, const jump_entry *j6, size_t n)
{
    size_t size = 16, i, n_aux = 0;

    if (n == 0)
        return DG_OK;
    while (size < 2 * n)
        size *= 2;
    m->jump = calloc(size, sizeof(jump_entry));
    m->jump_ids = malloc(n * 5 * sizeof(uint32_t));
    m->jump_lens = malloc(n * 5);
    if (!m->jump || !m->jump_ids || !m->jump_lens)
        return DG_ENOMEM;
    m->jump_mask = size - 1;
    for (i = 0; i < n; i++) {
        unsigned char key[6];
        uint32_t ids[DG_MATCHER_MAX_CANDIDATES];
        size_t ends[DG_MATCHER_MAX_CANDIDATES], k, c, h;
        uint32_t root = m->dat[0].base & DAT_BASE;

        for (k = 0; k < 6; k++)
            key[k] = (unsigned char)(j6[i].key >> (8 * k));
        /* the patterns of 1 to 5 bytes on the way: a walk of the 6 bytes
         * gives them (and the one of 6, which the slot itself reports) */
        c = 0;
        if (m->dat[root + key[0]].check == 0)
            c = walk_from(m, key, 6, root + key[0], 1, ids, ends, 0);
        h = jump_hash(j6[i].key, m->jump_mask);
        while (m->jump[h].slot)
            h = (h + 1) & m->jump_mask;
        m->jump[h] = j6[i];
        for (k = 0; k < c && ends[k] < 6; k++) {
            m->jump_ids[n_aux + k] = ids[k];
            m->jump_lens[n_aux + k] = (uint8_t)ends[k];
        }
        m->jump[h].aux = (uint32_t)n_aux << 4 | (uint32_t)k;
        n_aux += k;
    }
    return DG_OK;
}

/* Lays the trie out as a double array, breadth first. The array keeps 256
 * free slots past the highest base, so a scan never checks bounds. */
static int build_dat(dg_matcher *m)
{
    size_t n = m->n_trie, qt = 0, top = 0, bi;
    uint32_t *slot_of = malloc(n * sizeof(uint32_t));
    uint32_t *queue = malloc(n * sizeof(uint32_t));
    uint64_t *prefix = malloc(n * sizeof(uint64_t)); /* first 8 bytes of the path */
    jump_entry *j6 = NULL; /* the slots at depth 6 */
    size_t n_j6 = 0, cap_j6 = 0;
    dat_build b;
    int rc = DG_ENOMEM;

    memset(&b, 0, sizeof(b));
    b.cap = 1;
    b.next = malloc(2 * sizeof(uint32_t));
    b.prev = malloc(2 * sizeof(uint32_t));
    b.d = malloc(sizeof(dat_slot));
    b.fails = malloc(1);
    if (!slot_of || !queue || !prefix || !b.next || !b.prev || !b.d || !b.fails)
        goto out;
    m->f6 = calloc(DG_F6_BITS / 64, sizeof(uint64_t));
    m->f3 = calloc(DG_F3_BITS / 64, sizeof(uint64_t));
    if (!m->f6 || !m->f3)
        goto out;
    memset(prefix, 0, n * sizeof(uint64_t));
    /* slot 0 is the root: taken, nobody's child; the list starts empty */
    b.d[0].check = DAT_FREE - 1;
    b.d[0].base = 0;
    b.d[0].out = m->trie[0].out;
    b.fails[0] = 255;
    b.next[1] = b.prev[1] = 1;
    if (dat_grow(&b, n + n / 4 + 512) < 0)
        goto out;
    slot_of[0] = 0;
    queue[qt++] = 0;
    while (qt > 0) { /* depth first: a path's slots lie close together */
        uint32_t u = queue[--qt], c, x = 0, kids[256];
        unsigned char bytes[256];
        size_t k = 0, j, run;
        long base;

        for (c = m->trie[u].child; c; c = m->trie[c].sibling) {
            kids[k] = c;
            bytes[k++] = m->trie[c].byte;
        }
        if (k == 0)
            continue; /* base 0: no slot names this one as its parent */
        if (m->trie[u].depth >= 6 && (run = run_from(m, u, &x)) >= 2 && m->n_runs < DAT_BASE) {
            /* a run: its end gets a slot of its own, reached without a check */
            static const unsigned char zero = 0;
            uint32_t xs;
            long off = run_add(m, u, run, &prefix[x]);
            if (off < 0 || (base = dat_place(&b, &zero, 1)) < 0)
                goto out;
            xs = (uint32_t)base;
            prefix[x] |= prefix[u];
            free_unlink(&b, xs);
            b.d[xs].check = DAT_FREE - 1;
            b.d[xs].out = m->trie[x].out;
            memcpy(m->runs + off + 2, &xs, 4);
            b.d[slot_of[u]].base = DAT_RUN | (uint32_t)off;
            slot_of[x] = xs;
            if (m->trie[x].depth == 6 && j6_add(&j6, &n_j6, &cap_j6, prefix[x], xs) < 0)
                goto out;
            queue[qt++] = x;
            if (m->trie[x].out >= 0)
                filter_add(m, prefix[x], m->trie[x].depth);
            if (xs > top)
                top = xs;
            continue;
        }
        if ((base = dat_place(&b, bytes, k)) < 0)
            goto out;
        b.d[slot_of[u]].base = (uint32_t)base;
        for (j = 0; j < k; j++) {
            size_t t = (size_t)base + bytes[j];
            free_unlink(&b, t);
            b.d[t].check = slot_of[u];
            b.d[t].out = m->trie[kids[j]].out;
            slot_of[kids[j]] = (uint32_t)t;
            queue[qt++] = kids[j];
            prefix[kids[j]] = prefix[u];
            if (m->trie[u].depth < 8)
                prefix[kids[j]] |= (uint64_t)bytes[j] << (8 * m->trie[u].depth);
            if (m->trie[kids[j]].depth == 6 && j6_add(&j6, &n_j6, &cap_j6, prefix[kids[j]], (uint32_t)t) < 0)
                goto out;
            if (m->trie[kids[j]].out >= 0)
                filter_add(m, prefix[kids[j]], m->trie[kids[j]].depth);
            if (t > top)
                top = t;
        }
    }
    m->n_other_starts = 0;
    for (bi = 0; bi < 256; bi++) {
        m->starts[bi] = b.d[b.d[0].base + bi].check == 0;
        if (m->starts[bi] && bi < 0xc0 && !word_tab[bi]) {
            if (m->n_other_starts < 4)
                m->other_starts[m->n_other_starts] = (unsigned char)bi;
            m->n_other_starts++;
        }
    }
    m->n_dat = top + 257 < b.cap ? top + 257 : b.cap;
    if (m->n_dat > DAT_BASE)
        goto out;
    m->dat = malloc(m->n_dat * sizeof(dat_cell));
    m->outs = malloc(m->n_dat * sizeof(int32_t));
    if (!m->dat || !m->outs)
        goto out;
    for (bi = 0; bi < m->n_dat; bi++) {
        m->dat[bi].check = b.d[bi].check;
        m->dat[bi].base = b.d[bi].base | (b.d[bi].out >= 0 ? DAT_OUT : 0);
        m->outs[bi] = b.d[bi].out;
    }
    if (build_jumps(m, j6, n_j6) < 0)
        goto out;
    rc = DG_OK;
out:
    free(j6);
    free(slot_of);
    free(queue);
    free(prefix);
    free(b.d);
    free(b.next);
    free(b.prev);
    free(b.fails);
    return rc;
}

/* The Aho-Corasick automaton, for dg_matcher_any(). */
static int build_ac(dg_matcher *m)
{
    size_t n = m->n_trie, i, qh = 0, qt = 0;
    uint32_t *queue;

    m->states = calloc(n, sizeof(ac_state));
    m->edges = calloc(n, sizeof(ac_edge));
    queue = malloc(n * sizeof(uint32_t));
    if (!m->states || !m->edges || !queue) {
        free(queue);
        return DG_ENOMEM;
    }
    /* edges: each trie node's children, sorted by byte */
    m->n_edges = 0;
    for (i = 0; i < n; i++) {
        uint32_t c = m->trie[i].child;
        m->states[i].first_edge = (uint32_t)m->n_edges;
        while (c) {
            m->edges[m->n_edges].byte = m->trie[c].byte;
            m->edges[m->n_edges].to = c;
            m->n_edges++;
            c = m->trie[c].sibling;
        }
        m->states[i].n_edges = (uint16_t)(m->n_edges - m->states[i].first_edge);
        qsort(m->edges + m->states[i].first_edge, m->states[i].n_edges,
              sizeof(ac_edge), cmp_edge);
        m->states[i].out = m->trie[i].out;
        m->states[i].depth = m->trie[i].depth;
    }
    for (i = 0; i < 256; i++) {
        uint32_t t = go(m, 0, (unsigned char)i);
        m->root_next[i] = t == UINT32_MAX ? 0 : t;
    }
    /* BFS for failure and dictionary links */
    for (i = 0; i < m->states[0].n_edges; i++) {
        uint32_t c = m->edges[m->states[0].first_edge + i].to;
        m->states[c].fail = 0;
        m->states[c].dict = 0;
        queue[qt++] = c;
    }
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (i = 0; i < m->states[s].n_edges; i++) {
            const ac_edge *e = &m->edges[m->states[s].first_edge + i];
            uint32_t f = m->states[s].fail, t;
            for (;;) {
                t = f == 0 ? m->root_next[e->byte] : go(m, f, e->byte);
                if (t != UINT32_MAX || f == 0)
                    break;
                f = m->states[f].fail;
            }
            if (t == UINT32_MAX || t == e->to)
                t = 0;
            m->states[e->to].fail = t;
            m->states[e->to].dict = m->states[t].out >= 0 ? t : m->states[t].dict;
            queue[qt++] = e->to;
        }
    }
    /* dense rows in breadth-first order (queue holds it), so a state's
     * failure target already has its row when it is shallower */
    m->row_of = malloc(n * sizeof(int32_t));
    if (!m->row_of) {
        free(queue);
        return DG_ENOMEM;
    }
    for (i = 0; i < n; i++)
        m->row_of[i] = -1;
    {
        size_t want = 1, j;
        for (j = 0; j < qt; j++)
            if (m->states[queue[j]].depth <= DG_MATCHER_DENSE_DEPTH || n <= DG_MATCHER_MAX_ROWS)
                want++;
        if (want > DG_MATCHER_MAX_ROWS)
            want = DG_MATCHER_MAX_ROWS;
        m->rows = malloc(want * 256 * sizeof(uint32_t));
        if (!m->rows) {
            free(queue);
            return DG_ENOMEM;
        }
        m->row_of[0] = 0;
        memcpy(m->rows, m->root_next, sizeof(m->root_next));
        m->n_rows = 1;
        for (j = 0; j < qt && m->n_rows < want; j++) {
            uint32_t st = queue[j];
            uint32_t *row;
            int b;
            /* a small automaton is dense throughout */
            if (m->states[st].depth > DG_MATCHER_DENSE_DEPTH && n > DG_MATCHER_MAX_ROWS)
                continue;
            row = m->rows + m->n_rows * 256;
            for (b = 0; b < 256; b++) {
                uint32_t t = go(m, st, (unsigned char)b);
                if (t == UINT32_MAX) {
                    uint32_t f = m->states[st].fail;
                    /* f is shallower: its row exists unless past the cap */
                    while (m->row_of[f] < 0 && (t = go(m, f, (unsigned char)b)) == UINT32_MAX)
                        f = m->states[f].fail;
                    if (m->row_of[f] >= 0)
                        t = m->rows[(size_t)m->row_of[f] * 256 + (size_t)b];
                }
                row[b] = t;
            }
            m->row_of[st] = (int32_t)m->n_rows++;
        }
    }
    free(queue);
    m->has_out = malloc(n);
    if (!m->has_out)
        return DG_ENOMEM;
    for (i = 0; i < n; i++)
        m->has_out[i] = m->states[i].out >= 0 || m->states[i].dict != 0;
    for (i = 0; i < m->n_rows * 256; i++)
        if (m->has_out[m->rows[i]])
            m->rows[i] |= ROW_OUT;
    return DG_OK;
}

int dg_matcher_build(dg_matcher *m, unsigned uses)
{
    if (m->built)
        return DG_OK;
    if ((uses & DG_MATCHER_ANY) && build_ac(m) < 0)
        return DG_ENOMEM;
    if ((uses & DG_MATCHER_LONGEST) && build_dat(m) < 0)
        return DG_ENOMEM;
    free(m->trie);
    m->trie = NULL;
    m->built = 1;
    return DG_OK;
}

int dg_matcher_any(const dg_matcher *m, const char *s, size_t len)
{
    uint32_t st = 0;
    size_t i;

    if (!m->built || !m->states)
        return 0;
    for (i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        int32_t r = m->row_of[st];
        if (r >= 0) {
            uint32_t v = m->rows[(size_t)r * 256 + b];
            st = v & ROW_STATE;
            if (v & ROW_OUT)
                return 1;
        } else {
            uint32_t t;
            while ((t = go(m, st, b)) == UINT32_MAX && m->row_of[st] < 0)
                st = m->states[st].fail;
            if (t == UINT32_MAX)
                t = m->rows[(size_t)m->row_of[st] * 256 + b] & ROW_STATE;
            st = t;
            if (m->has_out[st])
                return 1;
        }
    }
    return 0;
}

/* From a byte to the next character: patterns are UTF-8 and start on a
 * character, so a scan of valid UTF-8 (folded text is) need not try the
 * continuation bytes. On invalid text the scan may step over the start
 * of a match inside a broken sequence, never past the end. */
static const unsigned char utf8_step[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), /* ASCII */
    R16(1), R16(1), R16(1), R16(1),                                 /* continuation */
    R16(2), R16(2),                                                 /* C0-DF */
    R16(3),                                                         /* E0-EF */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,                 /* F0-FF */
#undef R16
};

/* bytes in memory order, whatever the host's */
static inline uint64_t le64(uint64_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(x);
#else
    return x;
#endif
}


#if defined(__SSE2__) && !defined(DG_MATCHER_NO_SIMD)
#include <emmintrin.h>
#define DG_MATCHER_SIMD 1

/* The positions among 64 bytes where a pattern may start, when no
 * the lead bytes of UTF-8 characters, the first letter or digit of each
 * word (prev_word: the byte before the block is one) and the other ASCII
 * bytes that start a pattern. */
static inline uint64_t candidates64(const dg_matcher *m, const unsigned char *b,
                                    unsigned prev_word)
{
    const __m128i bias = _mm_set1_epi8((char)0x80), zero = _mm_setzero_si128();
    uint64_t lead = 0, word = 0;
    int i, j;

    for (i = 0; i < 4; i++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * i));
        /* C0-FF: signed, above 0xBF (-65) and below zero */
        __m128i ld = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65)), _mm_cmplt_epi8(v, zero));
        for (j = 0; j < m->n_other_starts; j++)
            ld = _mm_or_si128(ld, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)m->other_starts[j])));
        /* letters: (v | 0x20) - 'a' below 26 unsigned; digits: v - '0' below 10 */
        __m128i lt = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
        __m128i dg = _mm_sub_epi8(v, _mm_set1_epi8('0'));
        __m128i wd = _mm_or_si128(_mm_cmplt_epi8(_mm_xor_si128(lt, bias), _mm_set1_epi8(-128 + 26)),
                                  _mm_cmplt_epi8(_mm_xor_si128(dg, bias), _mm_set1_epi8(-128 + 10)));
        lead |= (uint64_t)(unsigned)_mm_movemask_epi8(ld) << (16 * i);
        word |= (uint64_t)(unsigned)_mm_movemask_epi8(wd) << (16 * i);
    }
    return lead | (word & ~((word << 1) | (uint64_t)prev_word));
}
#else
#define DG_MATCHER_SIMD 0
#endif

static inline size_t push_candidate(uint32_t *ids, size_t *ends, size_t n,
                                    uint32_t id, size_t end)
{
    if (n == DG_MATCHER_MAX_CANDIDATES) { /* keep the longest */
        memmove(ids, ids + 1, (n - 1) * sizeof(ids[0]));
        memmove(ends, ends + 1, (n - 1) * sizeof(ends[0]));
        n--;
    }
    ids[n] = id;
    ends[n] = end;
    return n + 1;
}

#define BIT(v, i) ((unsigned)((v)[(i) >> 6] >> ((i) & 63)) & 1u)

/* 1 when a pattern may start at p. Most positions start none; the tests
 * are combined without branches, so the caller's one branch is nearly
 * always predicted. */
static inline unsigned may_start(const dg_matcher *m, const unsigned char *u, size_t len,
                                 size_t p, unsigned ws)
{
    unsigned c = u[p], ok = m->starts[c];

    if (p > 0)
        ok &= ~(ws & word_tab[c] & word_tab[u[p - 1]]);
    if (p + 8 <= len) {
        uint64_t x;
        unsigned f;
        memcpy(&x, u + p, 8);
        x = le64(x);
        f = BIT(m->f6, hash6(x)) | BIT(m->f3, hash3(x));
        if (m->has_short)
            f |= BIT(m->f1, (size_t)(x & 0xff));
        ok &= f;
    }
    return ok;
}

#if DG_MATCHER_SIMD
/* may_start() where the vector pass already chose a word or character
 * start, 8 bytes remain, and the caller handles a 1-byte pattern set */
static inline unsigned may_start8(const dg_matcher *m, const unsigned char *u)
{
    uint64_t x;

    memcpy(&x, u, 8);
    x = le64(x);
    return BIT(m->f6, hash6(x)) | BIT(m->f3, hash3(x));
}
#endif

/* The walk from slot st, reached at q: every pattern on the way goes to
 * ids/ends (n there already); returns their number. */
static size_t walk_from(const dg_matcher *m, const unsigned char *u, size_t len, uint32_t st,
                        size_t q, uint32_t *ids, size_t *ends, size_t n)
{
    const dat_cell *d = m->dat;
    uint32_t t;

    for (;;) {
        t = d[st].base;
        if (t & DAT_OUT)
            n = push_candidate(ids, ends, n, (uint32_t)m->outs[st], q);
        if (q >= len)
            break;
        if (t & DAT_RUN) {
            const unsigned char *r = m->runs + (t & DAT_BASE);
            size_t rn = (size_t)r[0] | (size_t)r[1] << 8;
            if (rn > len - q)
                break;
            if (rn <= 8 && q + 8 <= len) {
                uint64_t a, bb;
                memcpy(&a, u + q, 8);
                memcpy(&bb, r + 6, 8);
                if ((le64(a) ^ le64(bb)) & (~(uint64_t)0 >> (64 - 8 * rn)))
                    break;
            } else if (memcmp(u + q, r + 6, rn) != 0) {
                break;
            }
            memcpy(&st, r + 2, 4);
            q += rn;
            continue;
        }
        t = (t & DAT_BASE) + u[q];
        if (d[t].check != st)
            break;
        st = t;
        q++;
    }
    return n;
}

/* Walks the patterns starting at p: returns where the one choose() takes
 * ends, or 0 (none starts here, or choose() took none). */
static size_t walk_at(const dg_matcher *m, const unsigned char *u, size_t len, size_t p,
                      dg_matcher_choose_fn choose, void *ctx)
{
    const dat_cell *d = m->dat;
    uint32_t ids[DG_MATCHER_MAX_CANDIDATES];
    size_t ends[DG_MATCHER_MAX_CANDIDATES];
    uint32_t st;
    size_t n = 0;

    if (m->jump && p + 8 <= len) {
        uint64_t x;
        size_t h;
        memcpy(&x, u + p, 8);
        x = le64(x) & MASK6;
        for (h = jump_hash(x, m->jump_mask); m->jump[h].slot; h = (h + 1) & m->jump_mask) {
            if (m->jump[h].key == x) {
                uint32_t aux = m->jump[h].aux, k;
                for (k = 0; k < (aux & 15); k++)
                    n = push_candidate(ids, ends, n, m->jump_ids[(aux >> 4) + k],
                                       p + m->jump_lens[(aux >> 4) + k]);
                n = walk_from(m, u, len, m->jump[h].slot, p + 6, ids, ends, n);
                goto chosen;
            }
        }
    }
    st = (d[0].base & DAT_BASE) + u[p];
    if (d[st].check != 0)
        return 0;
    n = walk_from(m, u, len, st, p + 1, ids, ends, 0);
chosen:
    if (n) {
        long k = choose(ctx, p, ids, ends, n);
        if (k >= 0 && (size_t)k < n)
            return ends[k];
    }
    return 0;
}

void dg_matcher_scan_longest(const dg_matcher *m, const char *s, size_t len,
                             unsigned flags, dg_matcher_choose_fn choose, void *ctx)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned ws = (flags & DG_MATCHER_WORD_STARTS) ? 1u : 0u;
    size_t p = 0, e;

    if (!m->built || !m->dat)
        return;
#if DG_MATCHER_SIMD
    /* 64 bytes at a time: only the positions that start a word, a
     * character or one of the other start bytes are tried, in order of
     * the mask's bits, which depend on nothing the tries load */
    if (ws && m->n_other_starts <= 4 && !m->has_short) {
        size_t blk;
        for (blk = 0; blk + 64 + 8 <= len; blk += 64) {
            uint64_t mask, pass;
            if (p >= blk + 64)
                continue; /* inside a match */
            mask = candidates64(m, u + blk, blk > 0 ? word_tab[u[blk - 1]] : 0u);
            if (p > blk)
                mask &= ~(uint64_t)0 << (p - blk);
            /* the prefilter over all the block's candidates first: no
             * branch on its outcome, so the tries overlap in the pipeline */
            pass = 0;
            while (mask) {
                unsigned i = (unsigned)__builtin_ctzll(mask);
                mask &= mask - 1;
                pass |= (uint64_t)may_start8(m, u + blk + i) << i;
            }
            while (pass) {
                size_t pos = blk + (size_t)__builtin_ctzll(pass);
                pass &= pass - 1;
                if (pos < p)
                    continue;
                if ((e = walk_at(m, u, len, pos, choose, ctx)) != 0) {
                    p = e;
                    if (p >= blk + 64)
                        break;
                }
            }
        }
        if (p < blk)
            p = blk;
    }
#endif
    while (p < len) {
        if (may_start(m, u, len, p, ws) && (e = walk_at(m, u, len, p, choose, ctx)) != 0)
            p = e;
        else
            p += utf8_step[u[p]];
    }
}
