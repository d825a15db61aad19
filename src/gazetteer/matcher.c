/* Aho-Corasick automaton over bytes: one pass finds every pattern.
 * Transitions are stored sparsely (sorted per state) except the root's,
 * which is a dense table, so a scan that stays near the root (most text)
 * costs one lookup per byte. */
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

int dg_matcher_build(dg_matcher *m)
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
    free(m->trie);
    m->trie = NULL;
    m->built = 1;
    return DG_OK;
}

void dg_matcher_scan(const dg_matcher *m, const char *s, size_t len,
                     dg_matcher_fn fn, void *ctx)
{
    uint32_t st = 0;
    size_t i;

    if (!m->built || !m->states)
        return;
    for (i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        uint32_t d;
        int32_t r = m->row_of[st];
        if (r >= 0) {
            uint32_t v = m->rows[(size_t)r * 256 + b];
            st = v & ROW_STATE;
            if (!(v & ROW_OUT))
                continue;
        } else {
            uint32_t t;
            while ((t = go(m, st, b)) == UINT32_MAX && m->row_of[st] < 0)
                st = m->states[st].fail;
            if (t == UINT32_MAX)
                t = m->rows[(size_t)m->row_of[st] * 256 + b] & ROW_STATE;
            st = t;
            if (!m->has_out[st])
                continue;
        }
        if (m->states[st].out >= 0) {
            uint32_t id = (uint32_t)m->states[st].out;
            fn(ctx, i + 1 - m->pat_len[id], i + 1, id);
        }
        for (d = m->states[st].dict; d != 0; d = m->states[d].dict) {
            uint32_t id = (uint32_t)m->states[d].out;
            fn(ctx, i + 1 - m->pat_len[id], i + 1, id);
        }
    }
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
