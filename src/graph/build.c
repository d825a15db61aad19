/* Graph construction: events become the nodes and weighted edges of one
 * layer (DESIGN.md, "Graph").
 *
 * Weights follow Newman's collaboration rule: an event with n distinct
 * endpoints in the layer joins each pair with 1/(n-1), so a bilateral
 * meeting weighs 1 and a 20-party summit adds 1 to each member's strength
 * rather than 19. `represents` edges (full layer) weigh 1 each.
 *
 * Edges are gathered as one record per (pair, event) and aggregated after a
 * sort, so the result does not depend on hash order. */
#include <stdio.h>

#include "diplograph/graph.h"
#include "graph/graph_int.h"
#include "common.h"

static const char *const layer_names[] = { "full", "people", "countries", "visits" };
static const char *const node_type_names[] = { "person", "country", "organisation" };
static const char *const edge_type_names[] = { "meeting", "represents", "visit" };

const char *dg_layer_name(dg_layer layer)
{
    return (unsigned)layer < DG_ARRAY_LEN(layer_names) ? layer_names[layer] : "full";
}

int dg_layer_parse(dg_layer *out, const char *name)
{
    size_t i;

    for (i = 0; name && i < DG_ARRAY_LEN(layer_names); i++)
        if (strcmp(name, layer_names[i]) == 0) {
            *out = (dg_layer)i;
            return DG_OK;
        }
    return DG_EINVAL;
}

const char *dg_node_type_name(dg_node_type t)
{
    return (unsigned)t < DG_ARRAY_LEN(node_type_names) ? node_type_names[t] : "person";
}

const char *dg_edge_type_name(dg_edge_type t)
{
    return (unsigned)t < DG_ARRAY_LEN(edge_type_names) ? edge_type_names[t] : "meeting";
}

void dg_graph_init(dg_graph *g)
{
    memset(g, 0, sizeof(*g));
}

static void node_destroy(dg_node *n)
{
    free(n->id);
    free(n->label);
    free(n->name);
    free(n->name_zh);
    free(n->title);
    free(n->title_zh);
    free(n->first_date);
    free(n->last_date);
}

/* An edge's dates, first_date and last_date live in one block: dates. */
static void edge_destroy(dg_edge *e)
{
    free(e->dates);
}

void dg_graph_destroy(dg_graph *g)
{
    size_t i;

    for (i = 0; i < g->n_nodes; i++)
        node_destroy(&g->nodes[i]);
    free(g->nodes);
    for (i = 0; i < g->n_edges; i++)
        edge_destroy(&g->edges[i]);
    free(g->edges);
    dg_graph_init(g);
}

size_t dg_graph_find(const dg_graph *g, const char *id)
{
    size_t lo = 0, hi = g->n_nodes;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->nodes[mid].id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

int dg_graph_date_in(const char *date, const char *from, const char *to)
{
    size_t n;

    if (!from && !to)
        return 1;
    if (!date)
        return 0;
    if (from) {
        n = strlen(date) < strlen(from) ? strlen(date) : strlen(from);
        if (strncmp(date, from, n) < 0)
            return 0;
    }
    if (to) {
        n = strlen(date) < strlen(to) ? strlen(date) : strlen(to);
        if (strncmp(date, to, n) > 0)
            return 0;
    }
    return 1;
}

void dg_graph_party_country(char out[3], const dg_party *p)
{
    const char *id = p->id ? p->id : "";

    out[0] = '\0';
    if (p->country[0]) {
        memcpy(out, p->country, 3);
    } else if (strncmp(id, "country:", 8) == 0 && strlen(id) == 10) {
        memcpy(out, id + 8, 3);
    } else if (strncmp(id, "person:", 7) == 0 && strlen(id) > 10 && id[9] == ':' &&
               id[7] >= 'A' && id[7] <= 'Z' && id[8] >= 'A' && id[8] <= 'Z') {
        out[0] = id[7];
        out[1] = id[8];
        out[2] = '\0';
    }
}

int dg_graph_party_is_person(const dg_party *p)
{
    return p->type == DG_PARTY_PERSON && p->id && strncmp(p->id, "country:", 8) != 0;
}

/* ---- node table: ids hashed to indices while building ---- */

/* What a node keeps of its events while they are added, borrowed from
 * the events (copied into the node once, at the end: events come sorted
 * by date, so copying at every change would copy at nearly every one). */
typedef struct {
    const char *first, *last;  /* first and last meeting date */
    const dg_party *title;     /* the party whose title the node shows */
    const char *title_date;    /* the date of that party's event */
} node_span;

typedef struct {
    dg_node *nodes;
    size_t n, cap;
    size_t *slots;     /* index + 1, 0 = empty */
    size_t n_slots;    /* power of two */
    node_span *span;   /* per node, grown with nodes */
} node_table;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;

    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 0x100000001b3ULL;
    }
    return h;
}

static int table_rehash(node_table *t)
{
    size_t ns = t->n_slots ? t->n_slots * 2 : 1024, i;
    size_t *s = calloc(ns, sizeof(size_t));

    if (!s)
        return DG_ENOMEM;
    for (i = 0; i < t->n; i++) {
        size_t h = (size_t)hash_str(t->nodes[i].id) & (ns - 1);
        while (s[h])
            h = (h + 1) & (ns - 1);
        s[h] = i + 1;
    }
    free(t->slots);
    t->slots = s;
    t->n_slots = ns;
    return DG_OK;
}

/* Finds or adds the node id; *idx is its index. */
static int table_get(node_table *t, size_t *idx, const char *id, dg_node_type type,
                     const char *country)
{
    size_t h;
    void *p;
    dg_node *nd;

    if ((t->n + 1) * 2 > t->n_slots && table_rehash(t) < 0)
        return DG_ENOMEM;
    h = (size_t)hash_str(id) & (t->n_slots - 1);
    while (t->slots[h]) {
        if (strcmp(t->nodes[t->slots[h] - 1].id, id) == 0) {
            *idx = t->slots[h] - 1;
            return DG_OK;
        }
        h = (h + 1) & (t->n_slots - 1);
    }
    p = t->nodes;
    if (dg_grow_array(&p, &t->cap, t->n + 1, sizeof(dg_node)) < 0)
        return DG_ENOMEM;
    t->nodes = p;
    {
        size_t cap = t->cap; /* grown in step with nodes */
        node_span *sp = realloc(t->span, cap * sizeof(node_span));
        if (!sp)
            return DG_ENOMEM;
        t->span = sp;
    }
    nd = &t->nodes[t->n];
    memset(nd, 0, sizeof(*nd));
    nd->id = dg_strdup0(id);
    if (!nd->id)
        return DG_ENOMEM;
    nd->type = type;
    if (country)
        memcpy(nd->country, country, 3);
    nd->community = -1;
    nd->leiden = -1;
    nd->component = -1;
    memset(&t->span[t->n], 0, sizeof(node_span));
    t->slots[h] = t->n + 1;
    *idx = t->n++;
    return DG_OK;
}

/* ---- per event ---- */

typedef struct {
    size_t a, b;      /* node indices (build order) */
    dg_edge_type type;
    double w;
    size_t ev;        /* event index */
} erec;

typedef struct {
    size_t node;
    dg_role role;
    const dg_party *party; /* NULL for a node added through a person */
} endpoint;

typedef struct {
    const dg_graph_opts *opts;
    node_table t;
    erec *recs;
    size_t n_recs, cap_recs;
    endpoint *ep;
    size_t n_ep, cap_ep;
    size_t country[26 * 26]; /* node index + 1 of country:XX, 0 unknown */
} builder;

static int add_rec(builder *b, size_t x, size_t y, dg_edge_type type, double w, size_t ev)
{
    void *p = b->recs;

    if (dg_grow_array(&p, &b->cap_recs, b->n_recs + 1, sizeof(erec)) < 0)
        return DG_ENOMEM;
    b->recs = p;
    b->recs[b->n_recs].a = x;
    b->recs[b->n_recs].b = y;
    b->recs[b->n_recs].type = type;
    b->recs[b->n_recs].w = w;
    b->recs[b->n_recs].ev = ev;
    b->n_recs++;
    return DG_OK;
}

static int add_ep(builder *b, size_t node, const dg_party *p)
{
    size_t i;
    void *q;

    for (i = 0; i < b->n_ep; i++)
        if (b->ep[i].node == node) {
            if (p && (!b->ep[i].party || b->ep[i].role == DG_ROLE_PARTICIPANT)) {
                b->ep[i].party = p;
                b->ep[i].role = p->role;
            }
            return DG_OK;
        }
    q = b->ep;
    if (dg_grow_array(&q, &b->cap_ep, b->n_ep + 1, sizeof(endpoint)) < 0)
        return DG_ENOMEM;
    b->ep = q;
    b->ep[b->n_ep].node = node;
    b->ep[b->n_ep].party = p;
    b->ep[b->n_ep].role = p ? p->role : DG_ROLE_PARTICIPANT;
    b->n_ep++;
    return DG_OK;
}

static int set_str(char **dst, const char *src)
{
    char *s;

    if (!src)
        return DG_OK;
    s = dg_strdup0(src);
    if (!s)
        return DG_ENOMEM;
    free(*dst);
    *dst = s;
    return DG_OK;
}

/* Records the event on the node: names, title, dates, count. */
static int touch_node(builder *b, size_t idx, const dg_party *p, const dg_meeting *ev)
{
    dg_node *nd = &b->t.nodes[idx];
    node_span *sp = &b->t.span[idx];
    int rc = DG_OK;

    nd->meetings++;
    if (ev->date) {
        if (!sp->first || strcmp(ev->date, sp->first) < 0)
            sp->first = ev->date;
        if (!sp->last || strcmp(ev->date, sp->last) > 0)
            sp->last = ev->date;
    }
    if (!p)
        return rc;
    /* a person node keeps its own names; a country node takes names only
     * from country parties, not from the persons projected onto it */
    if (nd->type == DG_NODE_ORG ||
        (nd->type == DG_NODE_PERSON) == dg_graph_party_is_person(p)) {
        if (!nd->name && (rc = set_str(&nd->name, p->name)) < 0)
            return rc;
        if (!nd->name_zh && (rc = set_str(&nd->name_zh, p->name_zh)) < 0)
            return rc;
    }
    if (nd->type == DG_NODE_PERSON && (p->title || p->title_zh) &&
        dg_strcmp0(ev->date, sp->title_date) >= 0) {
        sp->title = p;
        sp->title_date = ev->date;
    }
    if (!nd->country[0] && p->country[0] && nd->type != DG_NODE_COUNTRY)
        memcpy(nd->country, p->country, 3);
    return DG_OK;
}

/* Country nodes are looked up for every person of every event: cached by
 * code instead of formatting and hashing "country:XX" each time. */
static int country_node(builder *b, size_t *idx, const char cc[3])
{
    char id[16];
    size_t slot = cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z' && !cc[2]
                      ? (size_t)(cc[0] - 'A') * 26 + (size_t)(cc[1] - 'A') : (size_t)-1;
    int rc;

    if (slot != (size_t)-1 && b->country[slot]) {
        *idx = b->country[slot] - 1;
        return DG_OK;
    }
    snprintf(id, sizeof(id), "country:%s", cc);
    rc = table_get(&b->t, idx, id, DG_NODE_COUNTRY, cc);
    if (rc == DG_OK && slot != (size_t)-1)
        b->country[slot] = *idx + 1;
    return rc;
}

/* The layer's node for a party, or (size_t)-1 when it has none. */
static int party_node(builder *b, size_t *idx, const dg_party *p)
{
    dg_layer layer = b->opts->layer;
    char cc[3];

    *idx = (size_t)-1;
    if (!p->id)
        return DG_OK;
    dg_graph_party_country(cc, p);
    if (layer == DG_LAYER_COUNTRIES) {
        if (!cc[0] || p->type == DG_PARTY_ORG)
            return DG_OK;
        return country_node(b, idx, cc);
    }
    if (dg_graph_party_is_person(p))
        return table_get(&b->t, idx, p->id, DG_NODE_PERSON, cc);
    if (layer == DG_LAYER_PEOPLE)
        return DG_OK;
    if (p->type == DG_PARTY_ORG)
        return table_get(&b->t, idx, p->id, DG_NODE_ORG, cc);
    if (!cc[0])
        return DG_OK;
    return country_node(b, idx, cc);
}

static int add_event(builder *b, const dg_meeting *ev, size_t evi)
{
    dg_layer layer = b->opts->layer;
    size_t i, j, n, idx;
    int rc;

    b->n_ep = 0;
    if (layer == DG_LAYER_VISITS) {
        /* only receptions and visits (a guest and a host) make nodes here */
        int guest = 0, host = 0;
        for (i = 0; i < ev->n_parties; i++) {
            guest |= ev->parties[i].role == DG_ROLE_GUEST;
            host |= ev->parties[i].role == DG_ROLE_HOST;
        }
        if (!guest || !host)
            return DG_OK;
    }
    for (i = 0; i < ev->n_parties; i++) {
        if ((rc = party_node(b, &idx, &ev->parties[i])) < 0)
            return rc;
        if (idx != (size_t)-1 && (rc = add_ep(b, idx, &ev->parties[i])) < 0)
            return rc;
    }
    n = b->n_ep;
    if (layer == DG_LAYER_VISITS) {
        size_t ng = 0, nh = 0, k = 0;
        for (i = 0; i < n; i++) {
            ng += b->ep[i].role == DG_ROLE_GUEST;
            nh += b->ep[i].role == DG_ROLE_HOST;
        }
        if (!ng || !nh)
            return DG_OK;
        for (i = 0; i < n; i++)
            if (b->ep[i].role == DG_ROLE_GUEST || b->ep[i].role == DG_ROLE_HOST)
                b->ep[k++] = b->ep[i];
        n = b->n_ep = k;
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                if (b->ep[i].role == DG_ROLE_GUEST && b->ep[j].role == DG_ROLE_HOST &&
                    (rc = add_rec(b, b->ep[i].node, b->ep[j].node, DG_EDGE_VISIT,
                                  1.0 / (double)(n - 1), evi)) < 0)
                    return rc;
    } else {
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
                if ((rc = add_rec(b, b->ep[i].node, b->ep[j].node, DG_EDGE_MEETING,
                                  1.0 / (double)(n - 1), evi)) < 0)
                    return rc;
    }
    if (layer == DG_LAYER_FULL) {
        for (i = 0; i < n; i++) {
            const dg_party *p = b->ep[i].party;
            char cc[3];
            if (!p || !dg_graph_party_is_person(p))
                continue;
            dg_graph_party_country(cc, p);
            if (!cc[0])
                continue;
            if ((rc = country_node(b, &idx, cc)) < 0 ||
                (rc = add_rec(b, b->ep[i].node, idx, DG_EDGE_REPRESENTS, 1.0, evi)) < 0 ||
                (rc = add_ep(b, idx, NULL)) < 0)
                return rc;
        }
    }
    for (i = 0; i < b->n_ep; i++)
        if ((rc = touch_node(b, b->ep[i].node, b->ep[i].party, ev)) < 0)
            return rc;
    return DG_OK;
}

/* ---- finishing ---- */

typedef struct {
    const dg_node *nodes;
    size_t i;
} nref;

static int nref_cmp(const void *a, const void *b)
{
    const nref *x = a, *y = b;
    return strcmp(x->nodes[x->i].id, y->nodes[y->i].id);
}

static int erec_cmp(const void *pa, const void *pb)
{
    const erec *x = pa, *y = pb;

    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->ev != y->ev)
        return x->ev < y->ev ? -1 : 1;
    return 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int name_nodes(dg_graph *g)
{
    size_t i;

    for (i = 0; i < g->n_nodes; i++) {
        dg_node *nd = &g->nodes[i];
        const char *label = nd->name ? nd->name : nd->name_zh ? nd->name_zh : nd->id;

        if (set_str(&nd->label, label) < 0)
            return DG_ENOMEM;
    }
    return DG_OK;
}

/* Sorts the records into erec_cmp order: they were appended in event
 * order, so a stable sort by (a, b, type) gives it. A radix sort on that
 * key (16 bits a pass, passes where all records share the digit skipped)
 * instead of qsort with a comparator: millions of records. DG_ENOMEM
 * leaves them as they were. */
static int sort_recs(erec *r, size_t n)
{
    enum { DIGIT = 16, BUCKETS = 1 << DIGIT };
    erec *tmp;
    size_t *count, i, pass;

    if (n < 2)
        return DG_OK;
    for (i = 0; i < n; i++)
        if (r[i].a >= ((size_t)1 << 31) || r[i].b >= ((size_t)1 << 31))
            return DG_EINVAL; /* beyond the key: the comparator sorts */
    tmp = malloc(n * sizeof(erec));
    count = malloc((BUCKETS + 1) * sizeof(size_t));
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return DG_ENOMEM;
    }
    for (pass = 0; pass < 64 / DIGIT; pass++) {
        unsigned shift = (unsigned)(pass * DIGIT);
        size_t sum = 0;
        erec *from = r, *to = tmp;
        memset(count, 0, (BUCKETS + 1) * sizeof(size_t));
        for (i = 0; i < n; i++)
            count[((((uint64_t)from[i].a << 33) | ((uint64_t)from[i].b << 2) |
                    (uint64_t)from[i].type) >> shift) & (BUCKETS - 1)]++;
        for (i = 0; i < BUCKETS && count[i] != n; i++)
            ;
        if (i < BUCKETS)
            continue; /* one digit for all: nothing to do */
        for (i = 0; i < BUCKETS; i++) {
            size_t c = count[i];
            count[i] = sum;
            sum += c;
        }
        for (i = 0; i < n; i++) {
            uint64_t key = ((uint64_t)from[i].a << 33) | ((uint64_t)from[i].b << 2) |
                           (uint64_t)from[i].type;
            to[count[(key >> shift) & (BUCKETS - 1)]++] = from[i];
        }
        memcpy(r, tmp, n * sizeof(erec));
    }
    free(tmp);
    free(count);
    return DG_OK;
}

static int make_edges(dg_graph *g, builder *b, const dg_meeting_list *events)
{
    size_t i, j, k, ne = 0;
    char **dates = NULL;

    if (sort_recs(b->recs, b->n_recs) < 0)
        dg_qsort(b->recs, b->n_recs, sizeof(erec), erec_cmp);
    for (i = 0; i < b->n_recs; i = j) {
        for (j = i + 1; j < b->n_recs && b->recs[j].a == b->recs[i].a &&
                        b->recs[j].b == b->recs[i].b && b->recs[j].type == b->recs[i].type;
             j++)
            ;
        ne++;
    }
    g->edges = calloc(ne ? ne : 1, sizeof(dg_edge));
    dates = malloc((b->n_recs ? b->n_recs : 1) * sizeof(char *));
    if (!g->edges || !dates)
        goto fail;
    for (i = 0; i < b->n_recs; i = j) {
        dg_edge *e = &g->edges[g->n_edges++];
        size_t nd = 0;

        e->from = b->recs[i].a;
        e->to = b->recs[i].b;
        e->type = b->recs[i].type;
        for (j = i; j < b->n_recs && b->recs[j].a == e->from && b->recs[j].b == e->to &&
                    b->recs[j].type == e->type;
             j++) {
            const dg_meeting *ev = &events->items[b->recs[j].ev];
            e->weight += b->recs[j].w;
            e->meetings++;
            if ((unsigned)ev->kind < DG_KIND_COUNT)
                e->count[ev->kind]++;
            e->sources += (long)(ev->mentions > 0 ? (size_t)ev->mentions : ev->n_sources);
            if (ev->date)
                dates[nd++] = ev->date;
        }
        if (e->type == DG_EDGE_REPRESENTS)
            e->weight = 1.0;
        /* events come sorted by date: sort only when they did not */
        for (k = 1; k < nd && strcmp(dates[k - 1], dates[k]) <= 0; k++)
            ;
        if (k < nd)
            dg_qsort(dates, nd, sizeof(char *), cmp_cstr);
        /* the distinct dates, with their strings, in one block */
        {
            size_t distinct = 0, bytes = 0;
            char *at;
            for (k = 0; k < nd; k++)
                if (k == 0 || strcmp(dates[k], dates[k - 1]) != 0) {
                    distinct++;
                    bytes += strlen(dates[k]) + 1;
                }
            e->dates = malloc((distinct ? distinct : 1) * sizeof(char *) + bytes);
            if (!e->dates)
                goto fail;
            at = (char *)(e->dates + (distinct ? distinct : 1));
            for (k = 0; k < nd; k++) {
                size_t len;
                if (k > 0 && strcmp(dates[k], dates[k - 1]) == 0)
                    continue;
                len = strlen(dates[k]) + 1;
                memcpy(at, dates[k], len);
                e->dates[e->n_dates++] = at;
                at += len;
            }
        }
        if (e->n_dates) {
            e->first_date = e->dates[0];
            e->last_date = e->dates[e->n_dates - 1];
        }
    }
    free(dates);
    return DG_OK;
fail:
    free(dates);
    return DG_ENOMEM;
}

int dg_graph_build(dg_graph *g, const dg_meeting_list *events,
                   const dg_graph_opts *opts, dg_error *err)
{
    dg_graph_opts def = DG_GRAPH_OPTS_INIT;
    builder b;
    nref *order = NULL;
    size_t *remap = NULL, i;
    int rc = DG_ENOMEM;

    if (!opts)
        opts = &def;
    dg_graph_init(g);
    memset(&b, 0, sizeof(b));
    b.opts = opts;
    g->layer = opts->layer;
    g->directed = opts->layer == DG_LAYER_VISITS;
    if ((unsigned)opts->layer > DG_LAYER_VISITS)
        return dg_error_set(err, DG_EINVAL, "unknown layer %d", (int)opts->layer);
    for (i = 0; i < events->len; i++) {
        const dg_meeting *ev = &events->items[i];
        if (!dg_graph_date_in(ev->date, opts->from, opts->to))
            continue;
        if (add_event(&b, ev, i) < 0)
            goto out;
    }
    dg_timing_mark(opts->timing, "build: nodes and edge records");
    /* the kept dates and titles become the nodes' own */
    for (i = 0; i < b.t.n; i++) {
        dg_node *nd = &b.t.nodes[i];
        const node_span *sp = &b.t.span[i];
        if (set_str(&nd->first_date, sp->first) < 0 || set_str(&nd->last_date, sp->last) < 0 ||
            (sp->title && (set_str(&nd->title, sp->title->title) < 0 ||
                           set_str(&nd->title_zh, sp->title->title_zh) < 0)))
            goto out;
    }
    /* nodes sorted by id; edges renumbered, from < to when undirected */
    order = malloc((b.t.n ? b.t.n : 1) * sizeof(*order));
    remap = malloc((b.t.n ? b.t.n : 1) * sizeof(*remap));
    g->nodes = malloc((b.t.n ? b.t.n : 1) * sizeof(dg_node));
    if (!order || !remap || !g->nodes)
        goto out;
    for (i = 0; i < b.t.n; i++) {
        order[i].nodes = b.t.nodes;
        order[i].i = i;
    }
    dg_qsort(order, b.t.n, sizeof(*order), nref_cmp);
    for (i = 0; i < b.t.n; i++) {
        g->nodes[i] = b.t.nodes[order[i].i];
        remap[order[i].i] = i;
    }
    g->n_nodes = b.t.n;
    b.t.n = 0; /* the nodes now belong to g */
    for (i = 0; i < b.n_recs; i++) {
        erec *r = &b.recs[i];
        r->a = remap[r->a];
        r->b = remap[r->b];
        if (!g->directed && r->a > r->b) {
            size_t t = r->a;
            r->a = r->b;
            r->b = t;
        }
    }
    dg_timing_mark(opts->timing, "build: nodes sorted");
    if (name_nodes(g) < 0 || make_edges(g, &b, events) < 0)
        goto out;
    dg_timing_mark(opts->timing, "build: edges aggregated");
    g->stats.nodes = (long)g->n_nodes;
    g->stats.edges = (long)g->n_edges;
    g->stats.betweenness_cutoff = -1;
    g->stats.betweenness_exact = 1;
    rc = DG_OK;
out:
    for (i = 0; i < b.t.n; i++)
        node_destroy(&b.t.nodes[i]);
    free(b.t.nodes);
    free(b.t.slots);
    free(b.t.span);
    free(b.recs);
    free(b.ep);
    free(order);
    free(remap);
    if (rc < 0) {
        dg_graph_destroy(g);
        g->layer = opts->layer;
        return dg_error_set(err, rc, "building the %s graph: out of memory",
                            dg_layer_name(opts->layer));
    }
    return DG_OK;
}
