/* Entity resolution: which person or organisation a party id stands for
 * (resolve.h gives the rules, docs/resolution.md the reasons).
 *
 * Everything here is a function of the set of mentions, never of their
 * order: the id chosen for an unknown person is the one most often
 * written for its key (ties: the smallest), and each party's resolution
 * depends only on its own record and the tables. */
#include <stdio.h>

#include "diplograph/resolve.h"
#include "model/aliases_int.h"
#include "model/entity_int.h"
#include "common.h"

/* Officials of one name in one country: more are never a real case. */
#define MAX_NAMESAKES 16

typedef struct {
    const char *key;      /* name key (borrowed from the aliases) */
    char country[3];
    size_t root;          /* the merged person's id index */
    const char *where;
    size_t order;         /* position in the files */
} alias_name;

struct dg_entities {
    const dg_gazetteer *gaz;
    const dg_aliases *al;
    const dg_fold *fold;  /* the gazetteer's, or own_fold */
    dg_fold *own_fold;
    int infer;
    alias_name *names;    /* sorted by (key, country, root) */
    size_t n_names;
};

void dg_entity_country(char out[3], const dg_party *p)
{
    const char *id = p->id ? p->id : "";

    out[0] = '\0';
    if (p->country[0]) {
        memcpy(out, p->country, 3);
        return;
    }
    if (strncmp(id, "country:", 8) == 0 && strlen(id) == 10) {
        memcpy(out, id + 8, 3);
        return;
    }
    if (strncmp(id, "person:", 7) == 0 && strlen(id) > 10 && id[9] == ':' &&
        id[7] >= 'A' && id[7] <= 'Z' && id[8] >= 'A' && id[8] <= 'Z') {
        out[0] = id[7];
        out[1] = id[8];
        out[2] = '\0';
    }
}

static const dg_official *official_of(const dg_gazetteer *g, const char *id)
{
    if (!g || !id || strncmp(id, "person:", 7) != 0)
        return NULL;
    return dg_gazetteer_official_by_id(g, id + 7);
}

static int alias_name_cmp(const void *pa, const void *pb)
{
    const alias_name *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);

    if (c)
        return c;
    if ((c = strcmp(a->country, b->country)))
        return c;
    return a->root < b->root ? -1 : a->root > b->root;
}

int dg_entities_new(dg_entities **out, const dg_resolve_opts *opts, dg_error *err)
{
    dg_entities *e = calloc(1, sizeof(*e));
    const dg_aliases *al = opts->aliases;
    size_t i;

    *out = NULL;
    if (!e)
        return dg_error_set(err, DG_ENOMEM, "resolving entities: out of memory");
    e->gaz = opts->gaz;
    e->al = al && al->n_ids ? al : NULL;
    e->infer = opts->infer_titles;
    e->fold = e->gaz ? dg_gazetteer_fold(e->gaz) : NULL;
    if (e->al && e->al->n_names) {
        e->names = malloc(al->n_names * sizeof(*e->names));
        if (!e->names) {
            dg_entities_free(e);
            return dg_error_set(err, DG_ENOMEM, "resolving entities: out of memory");
        }
        for (i = 0; i < al->n_names; i++) {
            const dg_alias_name *an = &al->names[i];
            alias_name *n = &e->names[i];
            n->key = an->key;
            n->root = dg_aliases_root(al, an->id);
            n->where = an->where;
            n->order = i;
            memcpy(n->country, an->country, 3);
            if (!n->country[0]) {
                /* a gazetteer official's names belong to his country */
                const dg_official *o = official_of(e->gaz, al->ids[an->id].id);
                if (o)
                    memcpy(n->country, o->country, 3);
            }
        }
        e->n_names = al->n_names;
        dg_qsort(e->names, e->n_names, sizeof(*e->names), alias_name_cmp);
        for (i = 1; i < e->n_names; i++) {
            const alias_name *a = &e->names[i - 1], *b = &e->names[i];
            if (strcmp(a->key, b->key) == 0 && strcmp(a->country, b->country) == 0 &&
                a->root != b->root) {
                /* named at the later entry, against the earlier one */
                const alias_name *first = a->order < b->order ? a : b;
                const alias_name *later = first == a ? b : a;
                int rc = dg_error_set(err, DG_EINVAL,
                                      "%s: the name is given to %s already (%s): "
                                      "merge the two or give a country",
                                      later->where, al->ids[first->root].id, first->where);
                dg_entities_free(e);
                return rc;
            }
        }
    }
    *out = e;
    return DG_OK;
}

void dg_entities_free(dg_entities *e)
{
    if (!e)
        return;
    free(e->names);
    dg_fold_free(e->own_fold);
    free(e);
}

static const dg_fold *get_fold(dg_entities *e)
{
    if (!e->fold)
        e->fold = e->own_fold = dg_fold_new();
    return e->fold;
}

/* ---- dates ---- */

static int digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int month_days(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return m == 2 ? 28 + leap : days[(m - 1) % 12];
}

/* The first and last day a date may mean, as YYYY-MM-DD strings. 0 for an
 * empty or malformed date. */
static int date_span(char lo[11], char hi[11], const char *d)
{
    size_t n = d ? strlen(d) : 0;

    if (n == 10 && digits(d, 4) && d[4] == '-' && digits(d + 5, 2) && d[7] == '-' &&
        digits(d + 8, 2)) {
        memcpy(lo, d, 11);
        memcpy(hi, d, 11);
        return 1;
    }
    if (n == 7 && digits(d, 4) && d[4] == '-' && digits(d + 5, 2)) {
        int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        int m = (d[5] - '0') * 10 + (d[6] - '0');
        if (m < 1 || m > 12)
            return 0;
        snprintf(lo, 11, "%.7s-01", d);
        snprintf(hi, 11, "%.7s-%02d", d, month_days(y, m));
        return 1;
    }
    if (n == 4 && digits(d, 4)) {
        snprintf(lo, 11, "%.4s-01-01", d);
        snprintf(hi, 11, "%.4s-12-31", d);
        return 1;
    }
    return 0;
}

/* Whether the office [from, to] may have been held at some time of date
 * (*possible) and was certainly held all through it (*certain). Open or
 * malformed ends are open. */
static void in_term(int *possible, int *certain, const char *date, const char *from,
                    const char *to)
{
    char dl[11], dh[11], fl[11], fh[11], tl[11], th[11];
    int d = date_span(dl, dh, date);
    int f = date_span(fl, fh, from), t = date_span(tl, th, to);

    if (!d) {
        *possible = 1;
        *certain = 0;
        return;
    }
    *possible = (!f || strcmp(fl, dh) <= 0) && (!t || strcmp(dl, th) <= 0);
    *certain = (!from[0] || (f && strcmp(fh, dl) <= 0)) && (!to[0] || (t && strcmp(dh, tl) <= 0));
}

/* ---- titles ---- */

static int deputy_title(const char *t)
{
    return t && (strstr(t, "Deputy") || strstr(t, "Vice") || strstr(t, "Assistant") ||
                 strstr(t, "副") || strstr(t, "Under"));
}

/* As the extractor's rule: a deputy's title on a principal's name (or the
 * reverse) is a namesake. Officials without offices, and parties without
 * a title, fit. */
static int title_fits(const dg_party *p, const dg_official *o)
{
    const char *t = p->title ? p->title : p->title_zh;
    size_t i;
    int dep;

    if (!t || o->n_offices == 0)
        return 1;
    dep = deputy_title(t);
    for (i = 0; i < o->n_offices; i++)
        if (deputy_title(o->offices[i].title_en) == dep)
            return 1;
    return 0;
}

enum { OFFICE_FM = 1, OFFICE_HEAD_OF_STATE = 2, OFFICE_HEAD_OF_GOVERNMENT = 4 };

/* The titles that name one office a country has one holder of, folded
 * (lower case, simplified). Acting, interim, deputy and honorary titles
 * are deliberately absent: no inference from them. */
static const struct {
    const char *form;
    int office;
} office_forms[] = {
    { "foreign minister", OFFICE_FM },
    { "minister of foreign affairs", OFFICE_FM },
    { "minister for foreign affairs", OFFICE_FM },
    { "foreign affairs minister", OFFICE_FM },
    { "secretary of foreign affairs", OFFICE_FM },
    { "foreign secretary", OFFICE_FM },
    { "secretary of state", OFFICE_FM }, /* US; the UK's is Foreign Secretary */
    { "external affairs minister", OFFICE_FM },
    { "minister of external affairs", OFFICE_FM },
    { "minister of external relations", OFFICE_FM },
    { "minister for external relations", OFFICE_FM },
    { "minister for europe and foreign affairs", OFFICE_FM },
    { "minister of europe and foreign affairs", OFFICE_FM },
    { "minister of foreign affairs and international cooperation", OFFICE_FM },
    { "minister of foreign affairs and trade", OFFICE_FM },
    { "minister for foreign affairs and trade", OFFICE_FM },
    { "minister of foreign affairs and cooperation", OFFICE_FM },
    { "secretary of state for foreign and commonwealth affairs", OFFICE_FM },
    { "secretary of state for foreign, commonwealth and development affairs", OFFICE_FM },
    { "foreign and commonwealth secretary", OFFICE_FM },
    { "fm", OFFICE_FM },
    { "外长", OFFICE_FM },
    { "外交部长", OFFICE_FM },
    { "外交部部长", OFFICE_FM },
    { "外交部长官", OFFICE_FM },
    { "外交大臣", OFFICE_FM },
    { "外相", OFFICE_FM },
    { "外务大臣", OFFICE_FM },
    { "国务卿", OFFICE_FM },
    { "欧洲和外交部长", OFFICE_FM },
    { "欧洲与外交部长", OFFICE_FM },
    { "外交与国际合作部长", OFFICE_FM },
    { "外交和国际合作部长", OFFICE_FM },
    { "外交与贸易部长", OFFICE_FM },
    { "外交和贸易部长", OFFICE_FM },
    { "外交与合作部长", OFFICE_FM },
    { "外交与联邦事务大臣", OFFICE_FM },
    { "外交和联邦事务大臣", OFFICE_FM },
    { "president", OFFICE_HEAD_OF_STATE },
    { "state president", OFFICE_HEAD_OF_STATE },
    { "head of state", OFFICE_HEAD_OF_STATE },
    { "president of the people's republic of china", OFFICE_HEAD_OF_STATE },
    { "president of the prc", OFFICE_HEAD_OF_STATE },
    { "总统", OFFICE_HEAD_OF_STATE },
    { "国家主席", OFFICE_HEAD_OF_STATE },
    { "国家元首", OFFICE_HEAD_OF_STATE },
    { "中华人民共和国主席", OFFICE_HEAD_OF_STATE },
    { "prime minister", OFFICE_HEAD_OF_GOVERNMENT },
    { "premier", OFFICE_HEAD_OF_GOVERNMENT },
    { "head of government", OFFICE_HEAD_OF_GOVERNMENT },
    { "premier of the state council", OFFICE_HEAD_OF_GOVERNMENT },
    { "chinese premier", OFFICE_HEAD_OF_GOVERNMENT },
    { "chancellor", OFFICE_HEAD_OF_GOVERNMENT },
    { "federal chancellor", OFFICE_HEAD_OF_GOVERNMENT },
    { "pm", OFFICE_HEAD_OF_GOVERNMENT },
    { "总理", OFFICE_HEAD_OF_GOVERNMENT },
    { "首相", OFFICE_HEAD_OF_GOVERNMENT },
    { "国务院总理", OFFICE_HEAD_OF_GOVERNMENT },
    { "政府首脑", OFFICE_HEAD_OF_GOVERNMENT },
    { "联邦总理", OFFICE_HEAD_OF_GOVERNMENT },
};

static int office_of_form(const char *s, size_t n)
{
    size_t i;

    while (n > 0 && *s == ' ') {
        s++;
        n--;
    }
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n > 4 && memcmp(s, "the ", 4) == 0) {
        s += 4;
        n -= 4;
    }
    for (i = 0; i < DG_ARRAY_LEN(office_forms); i++)
        if (strlen(office_forms[i].form) == n && memcmp(office_forms[i].form, s, n) == 0)
            return office_forms[i].office;
    return 0;
}

/* The offices a title names: the whole title, else each part of a
 * compound (国务委员兼外长, "Deputy Prime Minister and Foreign Minister"). */
static int title_offices(const dg_fold *f, const char *title)
{
    static const char *const joins[] = { " and ", "兼", "、", ",", "/", ";" };
    dg_buf b = DG_BUF_INIT;
    size_t i, j, start;
    int office;

    if (!title || !f || dg_fold_append(f, &b, title, strlen(title)) < 0 || !b.len) {
        dg_buf_destroy(&b);
        return 0;
    }
    /* runs of spaces as one */
    for (i = j = 0; i < b.len; i++)
        if (b.ptr[i] != ' ' || (j > 0 && b.ptr[j - 1] != ' '))
            b.ptr[j++] = b.ptr[i];
    b.len = j;
    office = office_of_form(b.ptr, b.len);
    if (office == 0) {
        for (i = start = 0; i <= b.len; i++) {
            size_t k, n = 0;
            for (k = 0; i < b.len && k < DG_ARRAY_LEN(joins) && !n; k++)
                if (strncmp(b.ptr + i, joins[k], strlen(joins[k])) == 0)
                    n = strlen(joins[k]);
            if (i == b.len || n) {
                office |= office_of_form(b.ptr + start, i - start);
                if (n) {
                    i += n - 1;
                    start = i + 1;
                }
            }
        }
    }
    dg_buf_destroy(&b);
    return office;
}

/* The official of country cc who certainly held every office in offices
 * all through date, when he is the only one who may have held them then;
 * else NULL. */
static const dg_official *office_holder(const dg_entities *e, const char *cc, int offices,
                                        const char *date)
{
    const dg_official *found = NULL;
    size_t i, j, n = dg_gazetteer_count(e->gaz, DG_ENT_OFFICIAL), possible = 0;
    int bit;

    for (i = 0; i < n; i++) {
        const dg_official *o = dg_gazetteer_official(e->gaz, (uint32_t)i);
        int all_certain = 1, all_possible = 1;
        if (strcmp(o->country, cc) != 0)
            continue;
        for (bit = 1; bit <= offices; bit <<= 1) {
            int certain = 0, poss = 0;
            if (!(offices & bit))
                continue;
            for (j = 0; j < o->n_offices; j++) {
                const dg_office *of = &o->offices[j];
                int p, c;
                if (!((title_offices(e->fold, of->title_en) | title_offices(e->fold, of->title_zh)) & bit))
                    continue;
                in_term(&p, &c, date, of->from, of->to);
                poss |= p;
                certain |= c;
            }
            all_certain &= certain;
            all_possible &= poss;
        }
        if (all_possible)
            possible++;
        if (all_certain) {
            if (found)
                return NULL;
            found = o;
        }
    }
    return found && possible == 1 ? found : NULL;
}

/* ---- setting a party ---- */

static int set_id(dg_party *p, const char *id)
{
    char *s;

    if (p->id && strcmp(p->id, id) == 0)
        return DG_OK;
    s = dg_strdup0(id);
    if (!s)
        return DG_ENOMEM;
    free(p->id);
    p->id = s;
    return DG_OK;
}

/* The party becomes the official: his id, names and country. */
static int become_official(dg_party *p, const dg_official *o)
{
    dg_buf id = DG_BUF_INIT;
    char *name = dg_strdup0(o->name_en), *name_zh = dg_strdup0(o->name_zh);
    int rc = DG_ENOMEM;

    if ((o->name_en && !name) || (o->name_zh && !name_zh) ||
        dg_buf_addf(&id, "person:%s", o->id) < 0)
        goto out;
    free(p->id);
    p->id = dg_buf_detach(&id);
    if (!p->id)
        goto out;
    if (name) {
        free(p->name);
        p->name = name;
        name = NULL;
    }
    if (name_zh) {
        free(p->name_zh);
        p->name_zh = name_zh;
        name_zh = NULL;
    }
    memcpy(p->country, o->country, 3);
    p->type = DG_PARTY_PERSON;
    rc = DG_OK;
out:
    free(name);
    free(name_zh);
    dg_buf_destroy(&id);
    return rc;
}

/* The id the aliases merge id into (borrowed), or NULL. */
static const char *alias_root(const dg_entities *e, const char *key)
{
    size_t i;

    if (!e->al)
        return NULL;
    i = dg_aliases_find(e->al, key);
    return i == (size_t)-1 ? NULL : e->al->ids[dg_aliases_root(e->al, i)].id;
}

/* Sets p to id (from the aliases): a gazetteer official takes his names. */
static int set_alias(const dg_entities *e, dg_party *p, const char *id)
{
    const dg_official *o = official_of(e->gaz, id);
    char cc[3];
    const char *name;

    if (o)
        return become_official(p, o);
    if (set_id(p, id) < 0)
        return DG_ENOMEM;
    if (dg_unknown_person(id, cc, &name) && cc[0])
        memcpy(p->country, cc, 3);
    if (strncmp(id, "person:", 7) == 0)
        p->type = DG_PARTY_PERSON;
    return DG_OK;
}

/* The person the alias names give this name key in country cc, or NULL
 * (also when names of several people match and none is of cc). */
static const char *alias_by_name(const dg_entities *e, const char *cc, const char *key)
{
    size_t lo = 0, hi = e->n_names, i, root = (size_t)-1;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e->names[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* the entry of the party's country, else one without a country, else
     * (a party without a country) the only person of that name */
    for (i = lo; i < e->n_names && strcmp(e->names[i].key, key) == 0; i++)
        if (cc[0] && strcmp(e->names[i].country, cc) == 0)
            return e->al->ids[e->names[i].root].id;
    for (i = lo; i < e->n_names && strcmp(e->names[i].key, key) == 0; i++)
        if (!e->names[i].country[0])
            return e->al->ids[e->names[i].root].id;
    if (cc[0])
        return NULL;
    for (i = lo; i < e->n_names && strcmp(e->names[i].key, key) == 0; i++) {
        if (root != (size_t)-1 && root != e->names[i].root)
            return NULL;
        root = e->names[i].root;
    }
    return root == (size_t)-1 ? NULL : e->al->ids[root].id;
}

/* The gazetteer official an unknown person is, or NULL: the only one of
 * that name and country, or of his namesakes the only one whose title
 * fits and who was in office on the date. */
static const dg_official *official_by_name(const dg_entities *e, const dg_party *p,
                                           const char *cc, const char *name, const char *date)
{
    const dg_official *c[MAX_NAMESAKES], *found = NULL;
    size_t n, i, j;

    if (!e->gaz)
        return NULL;
    n = dg_gazetteer_officials_by_name(e->gaz, cc[0] ? cc : NULL, name, c, MAX_NAMESAKES);
    if (n == 0 || n > MAX_NAMESAKES)
        return NULL;
    for (i = 0; i < n; i++) {
        int in_office = n == 1 || c[i]->n_offices == 0;
        if (!title_fits(p, c[i]))
            continue;
        for (j = 0; j < c[i]->n_offices && !in_office; j++) {
            int possible, certain;
            in_term(&possible, &certain, date, c[i]->offices[j].from, c[i]->offices[j].to);
            in_office = possible;
        }
        if (!in_office)
            continue;
        if (found)
            return NULL;
        found = c[i];
    }
    return found;
}

/* ---- resolving ---- */

typedef struct {
    char *key;            /* dg_party_key of the id */
    dg_party *p;
    const dg_meeting *m;
    size_t canon;         /* index of the key's chosen id */
} uref;

static int uref_cmp(const void *pa, const void *pb)
{
    const uref *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);

    return c ? c : strcmp(a->p->id, b->p->id);
}

/* For each key, the id written most often (ties: the smallest); *canon
 * receives one per key (*n_canon of them), u[i].canon indexes them. */
static int choose_ids(uref *u, size_t n, char ***canon, size_t *n_canon)
{
    size_t i, j, k, groups = 0;
    char **ids;

    dg_qsort(u, n, sizeof(*u), uref_cmp);
    for (i = 0; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(u[i].key, u[j].key) == 0; j++)
            ;
        groups++;
    }
    ids = calloc(groups ? groups : 1, sizeof(char *));
    if (!ids)
        return DG_ENOMEM;
    *canon = ids;
    *n_canon = groups;
    groups = 0;
    for (i = 0; i < n; i = j) {
        size_t best = i, best_n = 0;
        for (j = i + 1; j < n && strcmp(u[i].key, u[j].key) == 0; j++)
            ;
        for (k = i; k < j;) {
            size_t r = k;
            while (r < j && strcmp(u[r].p->id, u[k].p->id) == 0)
                r++;
            if (r - k > best_n) {
                best_n = r - k;
                best = k;
            }
            k = r;
        }
        ids[groups] = dg_strdup0(u[best].p->id);
        if (!ids[groups])
            return DG_ENOMEM;
        for (k = i; k < j; k++)
            u[k].canon = groups;
        groups++;
    }
    return DG_OK;
}

static int resolve_unknown(const dg_entities *e, uref *u, const char *canon)
{
    dg_party *p = u->p;
    char cc[3];
    const char *name, *to;
    const dg_official *o;

    dg_unknown_person(p->id, cc, &name);
    if ((to = alias_root(e, u->key)) != NULL)
        return set_alias(e, p, to);
    /* the key past "person:XX:" is the name's key */
    if (e->n_names && (to = alias_by_name(e, cc, strchr(u->key + 7, ':') + 1)) != NULL)
        return set_alias(e, p, to);
    if ((o = official_by_name(e, p, cc, name, u->m->date)) != NULL) {
        dg_buf id = DG_BUF_INIT;
        int rc;
        if (dg_buf_addf(&id, "person:%s", o->id) < 0) {
            dg_buf_destroy(&id);
            return DG_ENOMEM;
        }
        to = alias_root(e, id.ptr);
        rc = to ? set_alias(e, p, to) : become_official(p, o);
        dg_buf_destroy(&id);
        return rc;
    }
    return set_id(p, canon);
}

int dg_entities_resolve(dg_entities *e, dg_meeting *items, size_t n, dg_error *err)
{
    uref *u = NULL;
    char **canon = NULL;
    size_t nu = 0, cap = 0, i, j, n_canon = 0;
    dg_buf key = DG_BUF_INIT;
    int rc = DG_ENOMEM;

    for (i = 0; i < n; i++) {
        for (j = 0; j < items[i].n_parties; j++) {
            dg_party *p = &items[i].parties[j];
            char cc[3];
            const char *name;
            void *q = u;
            if (!dg_unknown_person(p->id, cc, &name))
                continue;
            if (dg_grow_array(&q, &cap, nu + 1, sizeof(*u)) < 0)
                goto out;
            u = q;
            dg_buf_reset(&key);
            if (!get_fold(e) || dg_party_key(&key, e->fold, p->id) < 0)
                goto out;
            u[nu].key = dg_buf_detach(&key);
            if (!u[nu].key)
                goto out;
            u[nu].p = p;
            u[nu].m = &items[i];
            u[nu].canon = 0;
            nu++;
        }
    }
    if (nu && choose_ids(u, nu, &canon, &n_canon) < 0)
        goto out;
    for (i = 0; i < nu; i++)
        if (resolve_unknown(e, &u[i], canon[u[i].canon]) < 0)
            goto out;
    /* known ids (gazetteer officials, organisations) change only by merges */
    for (i = 0; e->al && i < n; i++) {
        for (j = 0; j < items[i].n_parties; j++) {
            dg_party *p = &items[i].parties[j];
            char cc[3];
            const char *name, *to;
            if (!p->id || dg_unknown_person(p->id, cc, &name))
                continue;
            to = alias_root(e, p->id);
            if (to && strcmp(to, p->id) != 0 && set_alias(e, p, to) < 0)
                goto out;
        }
    }
    rc = DG_OK;
out:
    for (i = 0; i < nu; i++)
        free(u[i].key);
    free(u);
    for (i = 0; i < n_canon; i++)
        free(canon[i]);
    free(canon);
    dg_buf_destroy(&key);
    if (rc < 0)
        dg_error_set(err, rc, "resolving entities: out of memory");
    return rc;
}

/* ---- inference ---- */

int dg_entities_infer(const dg_entities *e, dg_meeting *ev)
{
    size_t i, n = ev->date ? strlen(ev->date) : 0;

    if (!e || !e->gaz || !e->infer || (n != 10 && n != 7))
        return DG_OK;
    for (i = 0; i < ev->n_parties; i++) {
        dg_party *p = &ev->parties[i];
        const dg_official *o;
        const char *to;
        char cc[3];
        int offices, rc;
        dg_buf id = DG_BUF_INIT;

        if (!(p->type == DG_PARTY_COUNTRY || (p->id && strncmp(p->id, "country:", 8) == 0)) ||
            (!p->title && !p->title_zh))
            continue;
        dg_entity_country(cc, p);
        offices = title_offices(e->fold, p->title) | title_offices(e->fold, p->title_zh);
        if (!cc[0] || !offices)
            continue;
        o = office_holder(e, cc, offices, ev->date);
        if (!o)
            continue;
        if (dg_buf_addf(&id, "person:%s", o->id) < 0) {
            dg_buf_destroy(&id);
            return DG_ENOMEM;
        }
        to = alias_root(e, id.ptr);
        rc = to ? set_alias(e, p, to) : become_official(p, o);
        dg_buf_destroy(&id);
        if (rc < 0)
            return rc;
        p->inferred = 1;
    }
    return DG_OK;
}
