/* Statistics: graph figures, centralities and interaction statistics as
 * stats.json, stats.md and a per-node CSV table.
 *
 * Written by hand rather than through cJSON so numbers have one fixed
 * format (JSON and Markdown "%.6f", CSV "%.9f": enough digits to recheck
 * PageRank to 1e-9) and keys a fixed order: the bytes are deterministic.
 *
 * Interaction statistics come from the events (not the layer):
 * - a party's country is its country field or the code in its id;
 * - an event is bilateral when exactly two countries take part and it is
 *   not a multilateral/cochair meeting, multilateral when three or more
 *   take part or its kind is multilateral/cochair, else "other" (one
 *   country, or countries unknown);
 * - a country or official "hosted" an event where one of its parties has
 *   the role host, and "paid a visit" where one has the role guest;
 * - partners of a country are the other countries in its events; partners
 *   of an official are the other parties (by id) in its events;
 * - top pairs are pairs of parties (by id) meeting in the same event. */
#include <math.h>
#include <stdio.h>

#include "diplograph/stats.h"
#include "graph/graph_int.h"
#include "common.h"

/* ---- aggregation ---- */

typedef struct {
    const char *key;   /* borrowed */
    char cc[3];        /* the key of a country row */
    long events, partners, hosted, guest;
    const char *label; /* officials: display name */
    const char *country;
} entity_row;

typedef struct {
    const char *a, *b;
    long events;
    double weight;
    const char *first, *last;
} pair_row;

typedef struct {
    const char *key;
    long events;
} count_row;

typedef struct {
    long events, bilateral, multilateral, other, undated;
    long per_kind[DG_KIND_COUNT];
    count_row *months, *places;
    size_t n_months, n_places;
    long no_place;
    char (*month_keys)[8];
    entity_row *countries, *officials;
    size_t n_countries, n_officials;
    pair_row *pairs;  /* by meetings, descending */
    size_t n_pairs, n_pairs_cap;
} interactions;

static int entity_cmp(const void *pa, const void *pb)
{
    const entity_row *x = pa, *y = pb;

    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    return strcmp(x->key ? x->key : x->cc, y->key ? y->key : y->cc);
}

static int count_cmp_desc(const void *pa, const void *pb)
{
    const count_row *x = pa, *y = pb;

    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int cstr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int pair_cmp_top(const void *pa, const void *pb)
{
    const pair_row *x = pa, *y = pb;
    int c;

    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    c = strcmp(x->a, y->a);
    return c ? c : strcmp(x->b, y->b);
}

static int u64_cmp(const void *pa, const void *pb)
{
    uint64_t x = *(const uint64_t *)pa, y = *(const uint64_t *)pb;
    return x < y ? -1 : x > y;
}

/* Counts equal strings in a sorted array into rows. */
static int count_sorted(count_row **out, size_t *n_out, const char **keys, size_t n)
{
    size_t i, j;

    *out = malloc((n ? n : 1) * sizeof(count_row));
    *n_out = 0;
    if (!*out)
        return DG_ENOMEM;
    for (i = 0; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(keys[i], keys[j]) == 0; j++)
            ;
        (*out)[*n_out].key = keys[i];
        (*out)[*n_out].events = (long)(j - i);
        (*n_out)++;
    }
    return DG_OK;
}

static void interactions_destroy(interactions *in)
{
    free(in->months);
    free(in->month_keys);
    free(in->places);
    free(in->countries);
    free(in->officials);
    free(in->pairs);
    memset(in, 0, sizeof(*in));
}

/* Party ids interned to small integers, so the aggregation sorts integers
 * rather than strings (a million events make millions of records). */
typedef struct {
    const char **ids;   /* borrowed from the events */
    size_t n, cap;
    size_t *slots;      /* index + 1, 0 empty; power-of-two size */
    size_t n_slots;
} interner;

static uint64_t hash_id(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;

    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 0x100000001b3ULL;
    }
    return h;
}

static int intern(interner *t, size_t *out, const char *id)
{
    size_t h, i;

    if ((t->n + 1) * 2 > t->n_slots) {
        size_t ns = t->n_slots ? t->n_slots * 2 : 1024;
        size_t *sl = calloc(ns, sizeof(size_t));
        if (!sl)
            return DG_ENOMEM;
        for (i = 0; i < t->n; i++) {
            h = (size_t)hash_id(t->ids[i]) & (ns - 1);
            while (sl[h])
                h = (h + 1) & (ns - 1);
            sl[h] = i + 1;
        }
        free(t->slots);
        t->slots = sl;
        t->n_slots = ns;
    }
    h = (size_t)hash_id(id) & (t->n_slots - 1);
    while (t->slots[h]) {
        if (strcmp(t->ids[t->slots[h] - 1], id) == 0) {
            *out = t->slots[h] - 1;
            return DG_OK;
        }
        h = (h + 1) & (t->n_slots - 1);
    }
    {
        void *p = t->ids;
        if (dg_grow_array(&p, &t->cap, t->n + 1, sizeof(char *)) < 0)
            return DG_ENOMEM;
        t->ids = p;
    }
    t->ids[t->n] = id;
    t->slots[h] = t->n + 1;
    *out = t->n++;
    return DG_OK;
}

/* Countries index directly: 26 * 26 two-letter codes. */
#define N_CC (26 * 26)

static int cc_index(const char cc[3])
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' || cc[2])
        return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

typedef struct {
    uint64_t key;      /* (smaller id index << 32) | larger */
    double w;
    const char *date;
} pair_rec;

static int pair_rec_cmp(const void *pa, const void *pb)
{
    const pair_rec *x = pa, *y = pb;
    return x->key < y->key ? -1 : x->key > y->key;
}

typedef struct {
    long events, hosted, guest;
    const dg_party *first; /* for label and country */
    int person;
} id_stats;

/* Sorts the first `top` pairs of a million into place (the tables show
 * only those): the best top by a heap in one pass, then a sort of them. */
static void top_pairs(pair_row *rows, size_t n, size_t top)
{
    size_t i, k = top < n ? top : n, j;

    if (k == 0)
        return;
    if (k * 4 >= n) {
        dg_qsort(rows, n, sizeof(pair_row), pair_cmp_top);
        return;
    }
    /* rows[0..k) a max-heap by pair_cmp_top (the worst kept on top) */
    for (i = 1; i < k; i++)
        for (j = i; j > 0 && pair_cmp_top(&rows[(j - 1) / 2], &rows[j]) < 0; j = (j - 1) / 2) {
            pair_row t = rows[j];
            rows[j] = rows[(j - 1) / 2];
            rows[(j - 1) / 2] = t;
        }
    for (i = k; i < n; i++) {
        if (pair_cmp_top(&rows[i], &rows[0]) >= 0)
            continue;
        {
            pair_row t = rows[0];
            rows[0] = rows[i];
            rows[i] = t;
        }
        for (j = 0;;) {
            size_t l = 2 * j + 1, r = l + 1, m = j;
            if (l < k && pair_cmp_top(&rows[l], &rows[m]) > 0)
                m = l;
            if (r < k && pair_cmp_top(&rows[r], &rows[m]) > 0)
                m = r;
            if (m == j)
                break;
            {
                pair_row t = rows[j];
                rows[j] = rows[m];
                rows[m] = t;
            }
            j = m;
        }
    }
    dg_qsort(rows, k, sizeof(pair_row), pair_cmp_top);
}

/* Month counts by YYYY-MM as numbers, in order (a million dates need no
 * string sort); returns 0 when a date is in another form (the caller
 * sorts strings then), -1 out of memory. */
static int count_months(interactions *in, const char **months, size_t n)
{
    enum { SLOTS = 10000 * 12 };
    long *count;
    size_t *first, i, rows = 0;

    for (i = 0; i < n; i++) {
        const char *d = months[i];
        int m;
        if (!(d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' && d[2] >= '0' &&
              d[2] <= '9' && d[3] >= '0' && d[3] <= '9' && d[4] == '-' && d[5] >= '0' &&
              d[5] <= '9' && d[6] >= '0' && d[6] <= '9' && d[7] == '\0'))
            return 0;
        m = (d[5] - '0') * 10 + (d[6] - '0');
        if (m < 1 || m > 12)
            return 0;
    }
    count = calloc(SLOTS, sizeof(long));
    first = malloc(SLOTS * sizeof(size_t));
    if (!count || !first) {
        free(count);
        free(first);
        return -1;
    }
    for (i = 0; i < n; i++) {
        const char *d = months[i];
        size_t slot = (size_t)((d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
                               (d[3] - '0')) * 12 +
                      (size_t)((d[5] - '0') * 10 + (d[6] - '0') - 1);
        if (count[slot]++ == 0) {
            first[slot] = i;
            rows++;
        }
    }
    in->months = malloc((rows ? rows : 1) * sizeof(count_row));
    if (!in->months) {
        free(count);
        free(first);
        return -1;
    }
    for (i = 0; i < SLOTS; i++) {
        if (!count[i])
            continue;
        in->months[in->n_months].key = months[first[i]];
        in->months[in->n_months].events = count[i];
        in->n_months++;
    }
    free(count);
    free(first);
    return 1;
}

static int compute(interactions *in, const dg_meeting_list *events, size_t top)
{
    interner t = { 0 };
    id_stats *ids = NULL;
    size_t ids_cap = 0;
    long c_events[N_CC] = { 0 }, c_host[N_CC] = { 0 }, c_guest[N_CC] = { 0 };
    long c_partners[N_CC] = { 0 };
    unsigned char *c_met = NULL;
    uint64_t *opart = NULL;
    size_t n_opart = 0, cap_opart = 0;
    pair_rec *pr = NULL;
    size_t n_pr = 0, cap_pr = 0;
    const char **months = NULL, **places = NULL;
    size_t n_months = 0, n_places = 0, i, j, k;
    size_t *pidx = NULL, pcap = 0;
    int *ccs = NULL, rc = DG_ENOMEM;

    memset(in, 0, sizeof(*in));
    c_met = calloc((size_t)N_CC * N_CC, 1);
    months = malloc((events->len ? events->len : 1) * sizeof(char *));
    places = malloc((events->len ? events->len : 1) * sizeof(char *));
    if (!c_met || !months || !places)
        goto out;
    for (i = 0; i < events->len; i++) {
        const dg_meeting *ev = &events->items[i];
        size_t nc = 0, np = ev->n_parties;

        in->events++;
        if ((unsigned)ev->kind < DG_KIND_COUNT)
            in->per_kind[ev->kind]++;
        if (ev->date && strlen(ev->date) >= 7)
            months[n_months++] = ev->date; /* cut to 7 bytes below */
        else
            in->undated++;
        if (ev->place_name || ev->place_name_zh)
            places[n_places++] = ev->place_name ? ev->place_name : ev->place_name_zh;
        else
            in->no_place++;
        if (np > pcap) {
            void *p1 = realloc(pidx, np * sizeof(size_t));
            void *p2 = p1 ? realloc(ccs, np * sizeof(int)) : NULL;
            if (p1)
                pidx = p1;
            if (p2)
                ccs = p2;
            if (!p1 || !p2)
                goto out;
            pcap = np;
        }
        /* countries of the event with roles; ids interned */
        for (j = 0; j < np; j++) {
            const dg_party *p = &ev->parties[j];
            char cc[3];
            int c;
            size_t m;

            pidx[j] = (size_t)-1;
            if (p->id) {
                if (intern(&t, &pidx[j], p->id) < 0)
                    goto out;
                if (t.n > ids_cap) {
                    void *q = ids;
                    size_t old = ids_cap;
                    if (dg_grow_array(&q, &ids_cap, t.n, sizeof(id_stats)) < 0)
                        goto out;
                    ids = q;
                    memset(ids + old, 0, (ids_cap - old) * sizeof(id_stats));
                }
            }
            dg_graph_party_country(cc, p);
            c = cc_index(cc);
            if (c < 0)
                continue;
            for (m = 0; m < nc && ccs[m] != c; m++)
                ;
            if (m == nc) {
                ccs[nc++] = c;
                c_events[c]++;
            }
        }
        /* hosted / visits paid once per country and event */
        for (k = 0; k < nc; k++) {
            int host = 0, guest = 0;
            for (j = 0; j < np; j++) {
                char cc[3];
                dg_graph_party_country(cc, &ev->parties[j]);
                if (cc_index(cc) != ccs[k])
                    continue;
                host |= ev->parties[j].role == DG_ROLE_HOST;
                guest |= ev->parties[j].role == DG_ROLE_GUEST;
            }
            c_host[ccs[k]] += host;
            c_guest[ccs[k]] += guest;
            for (j = 0; j < nc; j++)
                if (j != k)
                    c_met[(size_t)ccs[k] * N_CC + (size_t)ccs[j]] = 1;
        }
        if (ev->kind == DG_KIND_MULTILATERAL || ev->kind == DG_KIND_COCHAIR || nc >= 3)
            in->multilateral++;
        else if (nc == 2)
            in->bilateral++;
        else
            in->other++;
        for (j = 0; j < np; j++) {
            const dg_party *p = &ev->parties[j];
            id_stats *st;
            int dup = 0;

            if (pidx[j] == (size_t)-1)
                continue;
            for (k = 0; k < j && !dup; k++)
                dup = pidx[k] == pidx[j];
            if (dup)
                continue;
            st = &ids[pidx[j]];
            if (dg_graph_party_is_person(p)) {
                st->person = 1;
                st->events++;
                st->hosted += p->role == DG_ROLE_HOST;
                st->guest += p->role == DG_ROLE_GUEST;
                if (!st->first)
                    st->first = p;
                else if ((!st->first->name && !st->first->name_zh && (p->name || p->name_zh)) ||
                         (!st->first->country[0] && p->country[0]))
                    st->first = p; /* a record that names the person */
            }
            for (k = j + 1; k < np; k++) {
                size_t a = pidx[j], b = pidx[k];
                void *q;
                if (b == (size_t)-1 || a == b)
                    continue;
                if (a > b) {
                    size_t x = a;
                    a = b;
                    b = x;
                }
                q = pr;
                if (dg_grow_array(&q, &cap_pr, n_pr + 1, sizeof(pair_rec)) < 0)
                    goto out;
                pr = q;
                pr[n_pr].key = ((uint64_t)a << 32) | (uint64_t)b;
                pr[n_pr].w = 1.0 / (double)(np - 1);
                pr[n_pr].date = ev->date;
                n_pr++;
            }
        }
    }
    /* months: the first 7 bytes of the date ("2021-06"), kept in
     * in->month_keys so the rows can point at them */
    in->month_keys = malloc((n_months ? n_months : 1) * sizeof(*in->month_keys));
    if (!in->month_keys)
        goto out;
    for (i = 0; i < n_months; i++) {
        memcpy(in->month_keys[i], months[i], 7);
        in->month_keys[i][7] = '\0';
        months[i] = in->month_keys[i];
    }
    switch (count_months(in, months, n_months)) {
    case 0:
        dg_qsort(months, n_months, sizeof(char *), cstr_cmp);
        if (count_sorted(&in->months, &in->n_months, months, n_months) < 0)
            goto out;
        break;
    case 1:
        break;
    default:
        goto out;
    }
    dg_qsort(places, n_places, sizeof(char *), cstr_cmp);
    if (count_sorted(&in->places, &in->n_places, places, n_places) < 0)
        goto out;
    dg_qsort(in->places, in->n_places, sizeof(count_row), count_cmp_desc);

    /* countries */
    in->countries = calloc(N_CC, sizeof(entity_row));
    if (!in->countries)
        goto out;
    for (i = 0; i < N_CC; i++) {
        entity_row *r;
        if (!c_events[i])
            continue;
        for (j = 0; j < N_CC; j++)
            c_partners[i] += c_met[i * N_CC + j];
        r = &in->countries[in->n_countries++];
        r->cc[0] = (char)('A' + i / 26);
        r->cc[1] = (char)('A' + i % 26);
        r->cc[2] = '\0';
        r->events = c_events[i];
        r->partners = c_partners[i];
        r->hosted = c_host[i];
        r->guest = c_guest[i];
    }
    dg_qsort(in->countries, in->n_countries, sizeof(entity_row), entity_cmp);

    /* pairs: aggregate by key; the partners of an official are the other
     * ids of its distinct pairs */
    dg_qsort(pr, n_pr, sizeof(pair_rec), pair_rec_cmp);
    for (i = 0; i < n_pr; i = j) {
        pair_rec acc = pr[i];
        const char *first = NULL, *last = NULL;
        long cnt = 0;
        acc.w = 0;
        for (j = i; j < n_pr && pr[j].key == pr[i].key; j++) {
            cnt++;
            acc.w += pr[j].w;
            if (pr[j].date && (!first || strcmp(pr[j].date, first) < 0))
                first = pr[j].date;
            if (pr[j].date && (!last || strcmp(pr[j].date, last) > 0))
                last = pr[j].date;
        }
        {
            size_t a = (size_t)(acc.key >> 32), b = (size_t)(acc.key & 0xffffffffu);
            void *q = opart;
            if (dg_grow_array(&q, &cap_opart, n_opart + 2, sizeof(uint64_t)) < 0)
                goto out;
            opart = q;
            if (ids[a].person)
                opart[n_opart++] = (uint64_t)a;
            if (ids[b].person)
                opart[n_opart++] = (uint64_t)b;
        }
        {
            void *q = in->pairs;
            if (dg_grow_array(&q, &in->n_pairs_cap, in->n_pairs + 1, sizeof(pair_row)) < 0)
                goto out;
            in->pairs = q;
            in->pairs[in->n_pairs].a = t.ids[acc.key >> 32];
            in->pairs[in->n_pairs].b = t.ids[acc.key & 0xffffffffu];
            if (strcmp(in->pairs[in->n_pairs].a, in->pairs[in->n_pairs].b) > 0) {
                const char *x = in->pairs[in->n_pairs].a;
                in->pairs[in->n_pairs].a = in->pairs[in->n_pairs].b;
                in->pairs[in->n_pairs].b = x;
            }
            in->pairs[in->n_pairs].events = cnt;
            in->pairs[in->n_pairs].weight = acc.w;
            in->pairs[in->n_pairs].first = first;
            in->pairs[in->n_pairs].last = last;
            in->n_pairs++;
        }
    }
    top_pairs(in->pairs, in->n_pairs, top); /* only the top rows are shown */

    /* officials */
    dg_qsort(opart, n_opart, sizeof(uint64_t), u64_cmp);
    in->officials = calloc(t.n ? t.n : 1, sizeof(entity_row));
    if (!in->officials)
        goto out;
    for (i = 0, j = 0; i < t.n; i++) {
        entity_row *r;
        long partners = 0;
        while (j < n_opart && opart[j] < (uint64_t)i)
            j++;
        while (j < n_opart && opart[j] == (uint64_t)i) {
            partners++;
            j++;
        }
        if (!ids[i].person)
            continue;
        r = &in->officials[in->n_officials++];
        r->key = t.ids[i];
        r->events = ids[i].events;
        r->hosted = ids[i].hosted;
        r->guest = ids[i].guest;
        r->partners = partners;
        if (ids[i].first) {
            const dg_party *p = ids[i].first;
            r->label = p->name ? p->name : p->name_zh;
            r->country = p->country[0] ? p->country : NULL;
        }
    }
    dg_qsort(in->officials, in->n_officials, sizeof(entity_row), entity_cmp);
    rc = DG_OK;
out:
    free(months);
    free(places);
    free(pr);
    free(opart);
    free(ccs);
    free(pidx);
    free(c_met);
    free(ids);
    free(t.ids);
    free(t.slots);
    if (rc < 0)
        interactions_destroy(in);
    return rc;
}

/* ---- writing helpers ---- */

static int json_str(dg_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int rc;

    if (!s)
        return dg_buf_adds(b, "null");
    if ((rc = dg_buf_addc(b, '"')) < 0)
        return rc;
    for (; *p; p++) {
        if (*p == '"' || *p == '\\')
            rc = dg_buf_addf(b, "\\%c", *p);
        else if (*p == '\n')
            rc = dg_buf_adds(b, "\\n");
        else if (*p == '\t')
            rc = dg_buf_adds(b, "\\t");
        else if (*p == '\r')
            rc = dg_buf_adds(b, "\\r");
        else if (*p < 0x20)
            rc = dg_buf_addf(b, "\\u%04x", *p);
        else
            rc = dg_buf_addc(b, (char)*p);
        if (rc < 0)
            return rc;
    }
    return dg_buf_addc(b, '"');
}

/* A finite number in the fixed format; -0 and non-finite become 0. */
static double clean(double d)
{
    if (!isfinite(d) || fabs(d) < 5e-13)
        return 0.0;
    return d;
}

static size_t top_n(const dg_stats_opts *opts, size_t n)
{
    size_t t = opts && opts->top > 0 ? (size_t)opts->top : 20;
    return n < t ? n : t;
}

typedef struct {
    const dg_graph *g;
    size_t i;
} node_ref;

static int by_pagerank(const void *pa, const void *pb)
{
    const node_ref *x = pa, *y = pb;
    const dg_node *a = &x->g->nodes[x->i], *b = &y->g->nodes[y->i];

    if (a->pagerank != b->pagerank)
        return a->pagerank > b->pagerank ? -1 : 1;
    return strcmp(a->id, b->id);
}

static node_ref *rank_nodes(const dg_graph *g)
{
    node_ref *r = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof(*r));
    size_t i;

    if (!r)
        return NULL;
    for (i = 0; i < g->n_nodes; i++) {
        r[i].g = g;
        r[i].i = i;
    }
    dg_qsort(r, g->n_nodes, sizeof(*r), by_pagerank);
    return r;
}

static long n_communities(const dg_graph *g, int leiden)
{
    long max = -1;
    size_t i;

    for (i = 0; i < g->n_nodes; i++) {
        long c = leiden ? g->nodes[i].leiden : g->nodes[i].community;
        if (c > max)
            max = c;
    }
    return max + 1;
}

static int node_json(dg_buf *b, const dg_node *n)
{
    int rc = 0;

    rc |= dg_buf_adds(b, "{\"id\":");
    rc |= json_str(b, n->id);
    rc |= dg_buf_adds(b, ",\"label\":");
    rc |= json_str(b, n->label);
    rc |= dg_buf_addf(b, ",\"type\":\"%s\",\"country\":", dg_node_type_name(n->type));
    rc |= json_str(b, n->country[0] ? n->country : NULL);
    rc |= dg_buf_addf(b, ",\"meetings\":%ld,\"degree\":%ld,\"strength\":%.6f,"
                         "\"betweenness\":%.6f,\"closeness\":%.6f,\"harmonic\":%.6f,"
                         "\"eigenvector\":%.6f,\"pagerank\":%.6f,\"hub\":%.6f,"
                         "\"authority\":%.6f,\"community\":%ld,\"leiden\":%ld,"
                         "\"component\":%ld}",
                      n->meetings, n->degree, clean(n->strength), clean(n->betweenness),
                      clean(n->closeness), clean(n->harmonic), clean(n->eigenvector),
                      clean(n->pagerank), clean(n->hub), clean(n->authority), n->community,
                      n->leiden, n->component);
    return rc ? DG_ENOMEM : DG_OK;
}

static int entity_json(dg_buf *b, const entity_row *r, int official)
{
    int rc = 0;

    if (official) {
        rc |= dg_buf_adds(b, "{\"id\":");
        rc |= json_str(b, r->key);
        rc |= dg_buf_adds(b, ",\"label\":");
        rc |= json_str(b, r->label ? r->label : r->key);
        rc |= dg_buf_adds(b, ",\"country\":");
        rc |= json_str(b, r->country);
    } else {
        rc |= dg_buf_adds(b, "{\"country\":");
        rc |= json_str(b, r->cc);
    }
    rc |= dg_buf_addf(b, ",\"meetings\":%ld,\"partners\":%ld,\"hosted\":%ld,"
                         "\"visits_paid\":%ld}",
                      r->events, r->partners, r->hosted, r->guest);
    return rc ? DG_ENOMEM : DG_OK;
}

int dg_stats_write_json(dg_buf *out, const dg_graph *g,
                        const dg_meeting_list *events,
                        const dg_stats_opts *opts, dg_error *err)
{
    interactions in;
    node_ref *rank = NULL;
    size_t i, n;
    int rc = 0;
    const dg_graph_stats *s = &g->stats;
    long shared = 0;

    if (compute(&in, events, top_n(opts, SIZE_MAX)) < 0)
        return dg_error_set(err, DG_ENOMEM, "statistics: out of memory");
    rank = rank_nodes(g);
    if (!rank) {
        rc = -1;
        goto out;
    }
    rc |= dg_buf_addf(out, "{\n  \"layer\": \"%s\",\n  \"directed\": %s,\n  \"graph\": {\n",
                      dg_layer_name(g->layer), g->directed ? "true" : "false");
    rc |= dg_buf_addf(out, "    \"nodes\": %ld,\n    \"edges\": %ld,\n    \"components\": %ld,\n"
                           "    \"density\": %.6f,\n    \"transitivity\": %.6f,\n"
                           "    \"reciprocity\": %.6f,\n    \"modularity\": %.6f,\n"
                           "    \"communities\": %ld,\n    \"leiden_modularity\": %.6f,\n"
                           "    \"leiden_communities\": %ld,\n",
                      (long)g->n_nodes, (long)g->n_edges, s->components, clean(s->density),
                      clean(s->transitivity), clean(s->reciprocity), clean(s->modularity),
                      n_communities(g, 0), clean(s->leiden_modularity), n_communities(g, 1));
    if (s->betweenness_exact)
        rc |= dg_buf_adds(out, "    \"betweenness\": {\"exact\": true, \"cutoff\": null, "
                               "\"sampled_sources\": null}\n  },\n");
    else if (s->betweenness_sources > 0)
        rc |= dg_buf_addf(out, "    \"betweenness\": {\"exact\": false, \"cutoff\": null, "
                               "\"sampled_sources\": %ld}\n  },\n",
                          s->betweenness_sources);
    else
        rc |= dg_buf_addf(out, "    \"betweenness\": {\"exact\": false, \"cutoff\": %.6f, "
                               "\"sampled_sources\": null}\n  },\n",
                          clean(s->betweenness_cutoff));
    /* top nodes by PageRank */
    rc |= dg_buf_adds(out, "  \"top_nodes\": [");
    n = top_n(opts, g->n_nodes);
    for (i = 0; i < n; i++) {
        rc |= dg_buf_adds(out, i ? ",\n    " : "\n    ");
        rc |= node_json(out, &g->nodes[rank[i].i]);
    }
    rc |= dg_buf_adds(out, n ? "\n  ],\n" : "],\n");
    /* all nodes, compact */
    rc |= dg_buf_adds(out, "  \"nodes\": {\n    \"columns\": [\"id\", \"label\", \"type\", "
                           "\"country\", \"meetings\", \"degree\", \"strength\", \"betweenness\", "
                           "\"closeness\", \"harmonic\", \"eigenvector\", \"pagerank\", \"hub\", "
                           "\"authority\", \"community\", \"leiden\", \"component\"],\n"
                           "    \"rows\": [");
    for (i = 0; i < g->n_nodes; i++) {
        const dg_node *nd = &g->nodes[i];
        rc |= dg_buf_adds(out, i ? ",\n      [" : "\n      [");
        rc |= json_str(out, nd->id);
        rc |= dg_buf_adds(out, ", ");
        rc |= json_str(out, nd->label);
        rc |= dg_buf_addf(out, ", \"%s\", ", dg_node_type_name(nd->type));
        rc |= json_str(out, nd->country[0] ? nd->country : NULL);
        rc |= dg_buf_addf(out, ", %ld, %ld, %.6f, %.6f, %.6f, %.6f, %.6f, %.6f, %.6f, %.6f, "
                               "%ld, %ld, %ld]",
                          nd->meetings, nd->degree, clean(nd->strength), clean(nd->betweenness),
                          clean(nd->closeness), clean(nd->harmonic), clean(nd->eigenvector),
                          clean(nd->pagerank), clean(nd->hub), clean(nd->authority),
                          nd->community, nd->leiden, nd->component);
    }
    rc |= dg_buf_adds(out, g->n_nodes ? "\n    ]\n  },\n" : "]\n  },\n");
    /* interactions */
    shared = in.bilateral + in.multilateral;
    rc |= dg_buf_addf(out, "  \"interactions\": {\n    \"events\": %ld,\n    \"bilateral\": %ld,\n"
                           "    \"multilateral\": %ld,\n    \"other\": %ld,\n"
                           "    \"bilateral_share\": %.6f,\n    \"undated\": %ld,\n"
                           "    \"per_kind\": {",
                      in.events, in.bilateral, in.multilateral, in.other,
                      shared ? (double)in.bilateral / (double)shared : 0.0, in.undated);
    for (i = 0; i < DG_KIND_COUNT; i++)
        rc |= dg_buf_addf(out, "%s\"%s\": %ld", i ? ", " : "", dg_kind_name((dg_kind)i),
                          in.per_kind[i]);
    rc |= dg_buf_adds(out, "},\n    \"per_month\": [");
    for (i = 0; i < in.n_months; i++)
        rc |= dg_buf_addf(out, "%s{\"month\": \"%s\", \"events\": %ld}",
                          i ? ",\n      " : "\n      ", in.months[i].key, in.months[i].events);
    rc |= dg_buf_adds(out, in.n_months ? "\n    ],\n    \"per_place\": [" : "],\n    \"per_place\": [");
    n = top_n(opts, in.n_places);
    for (i = 0; i < n; i++) {
        rc |= dg_buf_adds(out, i ? ",\n      {\"place\": " : "\n      {\"place\": ");
        rc |= json_str(out, in.places[i].key);
        rc |= dg_buf_addf(out, ", \"events\": %ld}", in.places[i].events);
    }
    rc |= dg_buf_addf(out, "%s    \"no_place\": %ld,\n    \"countries\": [",
                      n ? "\n    ],\n" : "],\n", in.no_place);
    n = top_n(opts, in.n_countries);
    for (i = 0; i < n; i++) {
        rc |= dg_buf_adds(out, i ? ",\n      " : "\n      ");
        rc |= entity_json(out, &in.countries[i], 0);
    }
    rc |= dg_buf_adds(out, n ? "\n    ],\n    \"officials\": [" : "],\n    \"officials\": [");
    n = top_n(opts, in.n_officials);
    for (i = 0; i < n; i++) {
        rc |= dg_buf_adds(out, i ? ",\n      " : "\n      ");
        rc |= entity_json(out, &in.officials[i], 1);
    }
    rc |= dg_buf_adds(out, n ? "\n    ],\n    \"top_pairs\": [" : "],\n    \"top_pairs\": [");
    n = top_n(opts, in.n_pairs);
    for (i = 0; i < n; i++) {
        const pair_row *p = &in.pairs[i];
        rc |= dg_buf_adds(out, i ? ",\n      {\"a\": " : "\n      {\"a\": ");
        rc |= json_str(out, p->a);
        rc |= dg_buf_adds(out, ", \"b\": ");
        rc |= json_str(out, p->b);
        rc |= dg_buf_addf(out, ", \"meetings\": %ld, \"weight\": %.6f, \"first\": ", p->events,
                          clean(p->weight));
        rc |= json_str(out, p->first);
        rc |= dg_buf_adds(out, ", \"last\": ");
        rc |= json_str(out, p->last);
        rc |= dg_buf_addc(out, '}');
    }
    rc |= dg_buf_adds(out, n ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
out:
    free(rank);
    interactions_destroy(&in);
    if (rc)
        return dg_error_set(err, DG_ENOMEM, "statistics: out of memory");
    return DG_OK;
}

/* ---- Markdown ---- */

/* Table cells: '|' and newlines would break the row. */
static int md_cell(dg_buf *b, const char *s)
{
    int rc = 0;

    if (!s)
        return dg_buf_adds(b, "–");
    for (; *s; s++) {
        if (*s == '|')
            rc |= dg_buf_adds(b, "\\|");
        else if (*s == '\n' || *s == '\r')
            rc |= dg_buf_addc(b, ' ');
        else
            rc |= dg_buf_addc(b, *s);
    }
    return rc ? DG_ENOMEM : DG_OK;
}

int dg_stats_write_md(dg_buf *out, const dg_graph *g,
                      const dg_meeting_list *events,
                      const dg_stats_opts *opts, dg_error *err)
{
    interactions in;
    node_ref *rank = NULL;
    const dg_graph_stats *s = &g->stats;
    size_t i, n;
    int rc = 0;
    long shared;

    if (compute(&in, events, top_n(opts, SIZE_MAX)) < 0)
        return dg_error_set(err, DG_ENOMEM, "statistics: out of memory");
    rank = rank_nodes(g);
    if (!rank) {
        rc = -1;
        goto out;
    }
    rc |= dg_buf_addf(out, "# Meeting graph statistics\n\n## Graph (%s layer)\n\n"
                           "| measure | value |\n|---|---:|\n",
                      dg_layer_name(g->layer));
    rc |= dg_buf_addf(out, "| nodes | %zu |\n| edges | %zu |\n| components | %ld |\n"
                           "| density | %.6f |\n| transitivity | %.6f |\n",
                      g->n_nodes, g->n_edges, s->components, clean(s->density),
                      clean(s->transitivity));
    if (g->directed)
        rc |= dg_buf_addf(out, "| reciprocity | %.6f |\n", clean(s->reciprocity));
    rc |= dg_buf_addf(out, "| Louvain communities | %ld |\n| Louvain modularity | %.6f |\n"
                           "| Leiden communities | %ld |\n| Leiden modularity | %.6f |\n",
                      n_communities(g, 0), clean(s->modularity), n_communities(g, 1),
                      clean(s->leiden_modularity));
    if (s->betweenness_exact)
        rc |= dg_buf_adds(out, "| betweenness | exact |\n");
    else if (s->betweenness_sources > 0)
        rc |= dg_buf_addf(out, "| betweenness | estimated from %ld sampled sources |\n",
                          s->betweenness_sources);
    else
        rc |= dg_buf_addf(out, "| betweenness | paths up to distance %.6f |\n",
                          clean(s->betweenness_cutoff));
    n = top_n(opts, g->n_nodes);
    rc |= dg_buf_addf(out, "\n## Top %zu nodes by PageRank\n\n"
                           "| node | type | meetings | degree | strength | betweenness | "
                           "eigenvector | pagerank | community |\n"
                           "|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
                      n);
    for (i = 0; i < n; i++) {
        const dg_node *nd = &g->nodes[rank[i].i];
        rc |= dg_buf_adds(out, "| ");
        rc |= md_cell(out, nd->label);
        rc |= dg_buf_addf(out, " | %s | %ld | %ld | %.6f | %.6f | %.6f | %.6f | %ld |\n",
                          dg_node_type_name(nd->type), nd->meetings, nd->degree,
                          clean(nd->strength), clean(nd->betweenness), clean(nd->eigenvector),
                          clean(nd->pagerank), nd->community);
    }
    shared = in.bilateral + in.multilateral;
    rc |= dg_buf_addf(out, "\n## Interactions\n\n| measure | value |\n|---|---:|\n"
                           "| events | %ld |\n| bilateral | %ld |\n| multilateral | %ld |\n"
                           "| other | %ld |\n| bilateral share | %.6f |\n| undated | %ld |\n",
                      in.events, in.bilateral, in.multilateral, in.other,
                      shared ? (double)in.bilateral / (double)shared : 0.0, in.undated);
    rc |= dg_buf_adds(out, "\n### Per kind\n\n| kind | events |\n|---|---:|\n");
    for (i = 0; i < DG_KIND_COUNT; i++)
        rc |= dg_buf_addf(out, "| %s | %ld |\n", dg_kind_name((dg_kind)i), in.per_kind[i]);
    rc |= dg_buf_adds(out, "\n### Per month\n\n| month | events |\n|---|---:|\n");
    for (i = 0; i < in.n_months; i++)
        rc |= dg_buf_addf(out, "| %s | %ld |\n", in.months[i].key, in.months[i].events);
    rc |= dg_buf_adds(out, "\n### Per place\n\n| place | events |\n|---|---:|\n");
    n = top_n(opts, in.n_places);
    for (i = 0; i < n; i++) {
        rc |= dg_buf_adds(out, "| ");
        rc |= md_cell(out, in.places[i].key);
        rc |= dg_buf_addf(out, " | %ld |\n", in.places[i].events);
    }
    rc |= dg_buf_addf(out, "| (no place) | %ld |\n", in.no_place);
    rc |= dg_buf_adds(out, "\n### Countries\n\n| country | meetings | partners | hosted | "
                           "visits paid |\n|---|---:|---:|---:|---:|\n");
    n = top_n(opts, in.n_countries);
    for (i = 0; i < n; i++) {
        const entity_row *r = &in.countries[i];
        rc |= dg_buf_addf(out, "| %s | %ld | %ld | %ld | %ld |\n", r->cc, r->events,
                          r->partners, r->hosted, r->guest);
    }
    rc |= dg_buf_adds(out, "\n### Officials\n\n| official | country | meetings | partners | "
                           "hosted | visits paid |\n|---|---|---:|---:|---:|---:|\n");
    n = top_n(opts, in.n_officials);
    for (i = 0; i < n; i++) {
        const entity_row *r = &in.officials[i];
        rc |= dg_buf_adds(out, "| ");
        rc |= md_cell(out, r->label ? r->label : r->key);
        rc |= dg_buf_adds(out, " | ");
        rc |= md_cell(out, r->country);
        rc |= dg_buf_addf(out, " | %ld | %ld | %ld | %ld |\n", r->events, r->partners,
                          r->hosted, r->guest);
    }
    rc |= dg_buf_adds(out, "\n### Top pairs\n\n| party | party | meetings | weight | first | "
                           "last |\n|---|---|---:|---:|---|---|\n");
    n = top_n(opts, in.n_pairs);
    for (i = 0; i < n; i++) {
        const pair_row *p = &in.pairs[i];
        rc |= dg_buf_adds(out, "| ");
        rc |= md_cell(out, p->a);
        rc |= dg_buf_adds(out, " | ");
        rc |= md_cell(out, p->b);
        rc |= dg_buf_addf(out, " | %ld | %.6f | ", p->events, clean(p->weight));
        rc |= md_cell(out, p->first);
        rc |= dg_buf_adds(out, " | ");
        rc |= md_cell(out, p->last);
        rc |= dg_buf_adds(out, " |\n");
    }
out:
    free(rank);
    interactions_destroy(&in);
    if (rc)
        return dg_error_set(err, DG_ENOMEM, "statistics: out of memory");
    return DG_OK;
}

/* ---- CSV ---- */

static int csv_field(dg_buf *b, const char *s)
{
    int rc = 0;

    if (!s)
        return DG_OK;
    if (!strpbrk(s, ",\"\n\r"))
        return dg_buf_adds(b, s);
    rc |= dg_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            rc |= dg_buf_addc(b, '"');
        rc |= dg_buf_addc(b, *s);
    }
    rc |= dg_buf_addc(b, '"');
    return rc ? DG_ENOMEM : DG_OK;
}

int dg_stats_write_csv(dg_buf *out, const dg_graph *g, dg_error *err)
{
    size_t i;
    int rc = 0;

    rc |= dg_buf_adds(out, "id,label,type,country,meetings,degree,strength,betweenness,"
                           "closeness,harmonic,eigenvector,pagerank,hub,authority,community,"
                           "leiden,component\n");
    for (i = 0; i < g->n_nodes && !rc; i++) {
        const dg_node *nd = &g->nodes[i];
        rc |= csv_field(out, nd->id);
        rc |= dg_buf_addc(out, ',');
        rc |= csv_field(out, nd->label);
        rc |= dg_buf_addf(out, ",%s,%s,%ld,%ld,%.9f,%.9f,%.9f,%.9f,%.9f,%.9f,%.9f,%.9f,"
                               "%ld,%ld,%ld\n",
                          dg_node_type_name(nd->type), nd->country, nd->meetings, nd->degree,
                          clean(nd->strength), clean(nd->betweenness), clean(nd->closeness),
                          clean(nd->harmonic), clean(nd->eigenvector), clean(nd->pagerank),
                          clean(nd->hub), clean(nd->authority), nd->community, nd->leiden,
                          nd->component);
    }
    if (rc)
        return dg_error_set(err, DG_ENOMEM, "statistics: out of memory");
    return DG_OK;
}
