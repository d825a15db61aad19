#define _GNU_SOURCE /* memmem */
/* Extraction driver: documents in, meetings out. Folds each document once,
 * finds every gazetteer entry in one pass, splits sentences, and hands the
 * sentences to the Chinese or English grammar. */
#include <stdio.h>

#include "diplograph/utf8.h"
#include "extract/extract_int.h"
#include "common.h"

size_t dg_xmatch_from(const xdoc *x, size_t pos)
{
    size_t lo = 0, hi = x->nm;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x->m[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int dg_xat(const xdoc *x, size_t pos, const char *lit)
{
    size_t n;

    /* most calls fail on the first byte: test it before measuring lit */
    if (pos >= x->fd.text.len || x->fd.text.ptr[pos] != lit[0])
        return 0;
    n = strlen(lit);
    return pos + n <= x->fd.text.len && memcmp(x->fd.text.ptr + pos, lit, n) == 0;
}

size_t dg_xfind(const xdoc *x, size_t from, size_t to, const char *lit)
{
    size_t n = strlen(lit);
    const char *p;

    if (to > x->fd.text.len)
        to = x->fd.text.len;
    if (from >= to || to - from < n)
        return (size_t)-1;
    p = memmem(x->fd.text.ptr + from, to - from, lit, n);
    return p ? (size_t)(p - x->fd.text.ptr) : (size_t)-1;
}

uint32_t dg_xcp(const xdoc *x, size_t pos, size_t *n)
{
    const char *p = x->fd.text.ptr + pos;
    const char *end = x->fd.text.ptr + x->fd.text.len;
    uint32_t cp;

    if (pos >= x->fd.text.len) {
        *n = 0;
        return 0;
    }
    cp = dg_utf8_next(&p, end, NULL);
    *n = (size_t)(p - (x->fd.text.ptr + pos));
    return cp;
}

void dg_xremember(xdoc *x, const xparty *p)
{
    size_t i;

    size_t ns = p->name_start, ne = p->name_end;

    if (p->type != DG_PARTY_PERSON)
        return;
    if (p->official >= 0) {
        /* a known official: remember the span of the name as written */
        const dg_gaz_match *m = NULL;
        size_t k;
        for (k = dg_xmatch_from(x, p->start); !m && k < x->nm && x->m[k].start < p->end; k++)
            if (dg_xref(x, &x->m[k], DG_ENT_OFFICIAL) == p->official)
                m = &x->m[k];
        if (!m)
            return;
        ns = m->start;
        ne = m->end;
    }
    if (ne <= ns)
        return;
    for (i = 0; i < x->n_mem; i++)
        if (x->mem[i].name_end - x->mem[i].name_start == ne - ns &&
            memcmp(x->fd.text.ptr + x->mem[i].name_start, x->fd.text.ptr + ns, ne - ns) == 0)
            return;
    if (x->n_mem == X_MAX_REMEMBERED)
        return;
    x->mem[x->n_mem].name_start = ns;
    x->mem[x->n_mem].name_end = ne;
    x->mem[x->n_mem].country = p->country;
    x->mem[x->n_mem].title = p->title;
    x->mem[x->n_mem].official = p->official;
    x->n_mem++;
}

/* The known official off as a person party at [s, e); returns 1 */
static int official_party(const xdoc *x, long off, size_t s, size_t e, xparty *p)
{
    memset(p, 0, sizeof(*p));
    p->type = DG_PARTY_PERSON;
    p->group = -1;
    p->official = off;
    p->title = -1;
    p->country = dg_gazetteer_country_index(
        x->gaz, dg_gazetteer_official(x->gaz, (uint32_t)off)->country);
    p->start = s;
    p->end = e;
    return 1;
}

int dg_xrecall(const xdoc *x, size_t s, size_t e, xparty *p)
{
    size_t i, len = e - s;
    const char *w = x->fd.text.ptr + s;
    long found = -1;

    if (len == 0)
        return 0;
    for (i = 0; i < x->n_mem; i++) {
        size_t a = x->mem[i].name_start, b = x->mem[i].name_end;
        const char *nm = x->fd.text.ptr + a;
        int same = (b - a == len && memcmp(nm, w, len) == 0);
        /* a Latin surname: the last word of the full name */
        if (!same && (unsigned char)w[0] < 0x80 && b - a > len &&
            memcmp(nm + (b - a) - len, w, len) == 0 && nm[(b - a) - len - 1] == ' ')
            same = 1;
        /* Chinese, Korean, Vietnamese names in English: the family name
         * comes first (Fu Zhenfeng -> Fu) */
        if (!same && (unsigned char)w[0] < 0x80 && b - a > len &&
            memcmp(nm, w, len) == 0 && nm[len] == ' ')
            same = 1;
        if (same) {
            if (found >= 0)
                return 0; /* two persons of that name: ambiguous */
            found = (long)i;
        }
    }
    if (found < 0 && (unsigned char)w[0] < 0x80) {
        /* a known official named in full anywhere in the document: "Mr
         * Aziz and Secretary Kerry met" after "John Kerry" */
        long off = -1;
        for (i = 0; i < x->nm; i++) {
            const char *nm = x->fd.text.ptr + x->m[i].start;
            size_t n = x->m[i].end - x->m[i].start;
            long o = dg_xref(x, &x->m[i], DG_ENT_OFFICIAL);
            if (o < 0 || n <= len || x->m[i].start == s)
                continue;
            if ((memcmp(nm + n - len, w, len) == 0 && nm[n - len - 1] == ' ') ||
                (memcmp(nm, w, len) == 0 && nm[len] == ' ')) {
                if (off >= 0 && off != o)
                    return 0; /* two officials of that name */
                off = o;
            }
        }
        return off >= 0 ? official_party(x, off, s, e, p) : 0;
    }
    if (found < 0)
        return 0;
    memset(p, 0, sizeof(*p));
    p->type = DG_PARTY_PERSON;
    p->group = -1;
    p->country = x->mem[found].country;
    p->title = x->mem[found].title;
    p->official = x->mem[found].official;
    p->name_start = x->mem[found].name_start;
    p->name_end = x->mem[found].name_end;
    p->start = s;
    p->end = e;
    return 1;
}

int dg_xofficial_of(const xdoc *x, long country, size_t s, size_t e, xparty *p)
{
    size_t i;
    long off = -1;

    for (i = 0; i < x->nm; i++) {
        long o = dg_xref(x, &x->m[i], DG_ENT_OFFICIAL);
        if (o < 0 || o == off ||
            dg_gazetteer_country_index(x->gaz, dg_gazetteer_official(x->gaz, (uint32_t)o)->country) !=
                country)
            continue;
        if (off >= 0)
            return 0; /* two of that country */
        off = o;
    }
    return off >= 0 ? official_party(x, off, s, e, p) : 0;
}

int dg_xcounterpart(const xdoc *x, const xparty *subj, size_t s, size_t e, xparty *out)
{
    const char *sc = dg_xparty_country(x, subj);
    int k;

    if (!x->has_talk_pair)
        return 0;
    for (k = 0; k < 2; k++)
        if (strcmp(dg_xparty_country(x, &x->talk_pair.p[k]), sc) != 0 &&
            strcmp(dg_xparty_country(x, &x->talk_pair.p[1 - k]), sc) == 0) {
            *out = x->talk_pair.p[k];
            out->start = s;
            out->end = e;
            return 1;
        }
    return 0;
}

/* ---- shared by the grammars ---- */

const dg_gaz_match *dg_xmatch_at(const xdoc *x, size_t pos)
{
    size_t i;

    /* the grammars ask at most positions, where nothing starts */
    if (x->m_starts && (pos >= x->fd.text.len || !((x->m_starts[pos >> 6] >> (pos & 63)) & 1)))
        return NULL;
    i = dg_xmatch_from(x, pos);
    return (i < x->nm && x->m[i].start == pos) ? &x->m[i] : NULL;
}

long dg_xref(const xdoc *x, const dg_gaz_match *m, dg_entity_type t)
{
    size_t n, i;
    const dg_gaz_ref *r;

    if (!m)
        return -1;
    r = dg_gazetteer_form_refs(x->gaz, m->form, &n);
    for (i = 0; i < n; i++)
        if (r[i].type == t)
            return (long)r[i].index;
    return -1;
}

const char *dg_xparty_country(const xdoc *x, const xparty *p)
{
    if (p->official >= 0)
        return dg_gazetteer_official(x->gaz, (uint32_t)p->official)->country;
    if (p->country >= 0)
        return dg_gazetteer_country(x->gaz, (uint32_t)p->country)->code;
    if (p->title >= 0)
        return dg_gazetteer_title(x->gaz, (uint32_t)p->title)->country;
    return "";
}

void dg_xadd_group_members(const xdoc *x, long group, const xdate *date,
                              xparty *ps, dg_role *roles, size_t *n)
{
    const dg_group *g = dg_gazetteer_group(x->gaz, (uint32_t)group);
    char ds[11] = "";
    size_t i, k;

    if (date && date->y)
        snprintf(ds, sizeof(ds), "%04d-%02d-%02d", date->y, date->m ? date->m : 1, date->d ? date->d : 1);
    for (i = 0; i < g->n_members && *n < X_MAX_PARTIES; i++) {
        const dg_member *mb = &g->members[i];
        long c = dg_gazetteer_country_index(x->gaz, mb->country);
        int seen = 0;
        if (c < 0)
            continue;
        if (ds[0] && ((mb->from[0] && strncmp(ds, mb->from, strlen(mb->from)) < 0) ||
                      (mb->to[0] && strncmp(ds, mb->to, strlen(mb->to)) > 0)))
            continue;
        for (k = 0; k < *n; k++)
            if (strcmp(dg_xparty_country(x, &ps[k]), mb->country) == 0)
                seen = 1;
        if (seen)
            continue;
        memset(&ps[*n], 0, sizeof(xparty));
        ps[*n].type = DG_PARTY_COUNTRY;
        ps[*n].official = ps[*n].title = ps[*n].group = -1;
        ps[*n].country = c;
        roles[*n] = DG_ROLE_PARTICIPANT;
        (*n)++;
    }
}

static int deputy_title(const char *t)
{
    return t && (strstr(t, "Deputy") || strstr(t, "Vice") || strstr(t, "Assistant") ||
                 strstr(t, "副") || strstr(t, "Under"));
}

static int title_fits(const xdoc *x, long title, const dg_official *o)
{
    const dg_title *t = dg_gazetteer_title(x->gaz, (uint32_t)title);
    size_t i;
    int dep;

    if (!t || !o || o->n_offices == 0)
        return 1;
    dep = deputy_title(t->en);
    for (i = 0; i < o->n_offices; i++)
        if (deputy_title(o->offices[i].title_en) == dep)
            return 1;
    return 0;
}

int dg_xtitle_fits(const xdoc *x, long title, long official)
{
    return title_fits(x, title, dg_gazetteer_official(x->gaz, (uint32_t)official));
}

/* ---- building the record ---- */

static char *folded_dup(const xdoc *x, size_t s, size_t e)
{
    while (s < e && x->fd.text.ptr[s] == ' ')
        s++;
    while (e > s && x->fd.text.ptr[e - 1] == ' ')
        e--;
    return dg_strndup(x->fd.text.ptr + s, e - s);
}

static char *orig_dup(const xdoc *x, size_t s, size_t e)
{
    size_t a = x->fd.map[s], b = x->fd.map[e];
    char *out, *r;
    size_t i, j = 0;

    /* original bytes, with runs of white space collapsed to one space */
    r = dg_strndup(x->doc->text + a, b - a);
    if (!r)
        return NULL;
    out = r;
    for (i = 0; r[i]; i++) {
        char c = r[i] == '\t' || r[i] == '\n' || r[i] == '\r' ? ' ' : r[i];
        if (c == ' ' && (j == 0 || out[j - 1] == ' '))
            continue;
        out[j++] = c;
    }
    while (j > 0 && out[j - 1] == ' ')
        j--;
    out[j] = '\0';
    return out;
}

/* "person:PH:洛钦": the unknown person's id from country and folded name */
static char *unknown_id(const char *country, const char *name)
{
    dg_buf b = DG_BUF_INIT;
    const char *p;

    /* no country known: "person::Name" (XX would read as a country) */
    if (dg_buf_addf(&b, "person:%s:", country) < 0)
        return NULL;
    /* Chinese names lose their spaces (王 毅); Latin ones keep one */
    for (p = name; *p; p++)
        if ((*p != ' ' || (unsigned char)name[0] < 0x80) && dg_buf_addc(&b, *p) < 0) {
            dg_buf_destroy(&b);
            return NULL;
        }
    return dg_buf_detach(&b);
}

static int is_latin(const char *s)
{
    return s && (unsigned char)s[0] < 0x80;
}

/* A title used by one country names it (国务卿 -> US), unless the form is
 * shared by titles of several countries ("Premier": China, Taiwan). */
static int title_country_certain(const xdoc *x, const xparty *xp)
{
    const dg_gaz_match *m = xp->title_end > xp->title_start ? dg_xmatch_at(x, xp->title_start) : NULL;
    const dg_gaz_ref *r;
    size_t n, i;
    const char *first = NULL;

    if (!m)
        return 1;
    r = dg_gazetteer_form_refs(x->gaz, m->form, &n);
    for (i = 0; i < n; i++) {
        const dg_title *t;
        if (r[i].type != DG_ENT_TITLE)
            continue;
        t = dg_gazetteer_title(x->gaz, r[i].index);
        if (!first)
            first = t->country;
        else if (strcmp(first, t->country) != 0)
            return 0;
    }
    return 1;
}

static int fill_party(const xdoc *x, dg_party *p, const xparty *xp, dg_role role)
{
    const dg_gazetteer *g = x->gaz;
    const dg_country *c = xp->country >= 0 ? dg_gazetteer_country(g, (uint32_t)xp->country) : NULL;
    dg_buf id = DG_BUF_INIT;

    memset(p, 0, sizeof(*p));
    p->type = xp->type;
    p->role = role;
    if (c)
        memcpy(p->country, c->code, 3);
    if (xp->title >= 0) {
        const dg_title *t = dg_gazetteer_title(g, (uint32_t)xp->title);
        if (t) {
            /* a chain of titles (国务委员兼外长): the English of each part */
            if (xp->title_end > xp->title_start) {
                size_t i = dg_xmatch_from(x, xp->title_start);
                dg_buf en = DG_BUF_INIT;
                for (; i < x->nm && x->m[i].start < xp->title_end; i++) {
                    size_t nr, k;
                    const dg_gaz_ref *refs = dg_gazetteer_form_refs(g, x->m[i].form, &nr);
                    for (k = 0; k < nr; k++)
                        if (refs[k].type == DG_ENT_TITLE)
                            break;
                    if (k == nr)
                        continue;
                    if (en.len)
                        dg_buf_adds(&en, " and ");
                    dg_buf_adds(&en, dg_gazetteer_title(g, refs[k].index)->en);
                }
                p->title = en.len ? dg_buf_detach(&en) : dg_strdup0(t->en);
                dg_buf_destroy(&en);
                if (!is_latin(x->fd.text.ptr + xp->title_start))
                    p->title_zh = folded_dup(x, xp->title_start, xp->title_end);
            } else {
                p->title = dg_strdup0(t->en);
                p->title_zh = dg_strdup0(t->zh);
            }
            if (!c && t->country[0] && title_country_certain(x, xp))
                memcpy(p->country, t->country, 3);
        }
    }
    if (xp->type == DG_PARTY_PERSON && xp->official >= 0) {
        const dg_official *o = dg_gazetteer_official(g, (uint32_t)xp->official);
        memcpy(p->country, o->country, 3);
        p->name = dg_strdup0(o->name_en);
        p->name_zh = dg_strdup0(o->name_zh);
        dg_buf_addf(&id, "person:%s", o->id);
        p->id = dg_buf_detach(&id);
    } else if (xp->type == DG_PARTY_PERSON) {
        char *name;
        if (is_latin(x->fd.text.ptr + xp->name_start)) {
            name = orig_dup(x, xp->name_start, xp->name_end);
            p->name = name;
        } else {
            name = folded_dup(x, xp->name_start, xp->name_end);
            p->name_zh = name;
        }
        {
            /* a name too short to match on its own (敦) still resolves when
             * the gazetteer knows an official of that country by it */
            const dg_official *o = name && p->country[0]
                ? dg_gazetteer_official_by_name(g, p->country, name) : NULL;
            /* 意大利副外长孔蒂 is not Prime Minister Conte (孔蒂): a vice
             * minister's title on the name of no vice minister */
            if (o && xp->title >= 0 &&
                dg_gazetteer_title(g, (uint32_t)xp->title)->rank == DG_RANK_DEPUTY_MINISTER &&
                !title_fits(x, xp->title, o))
                o = NULL;
            if (o) {
                free(name);
                p->name = dg_strdup0(o->name_en);
                p->name_zh = dg_strdup0(o->name_zh);
                dg_buf_addf(&id, "person:%s", o->id);
                p->id = dg_buf_detach(&id);
            } else {
                p->id = name ? unknown_id(p->country, name) : NULL;
            }
        }
    } else if (xp->type == DG_PARTY_ORG && xp->group >= 0) {
        const dg_group *gr = dg_gazetteer_group(g, (uint32_t)xp->group);
        dg_buf_addf(&id, "org:%s", gr->id);
        p->id = dg_buf_detach(&id);
        p->name = dg_strdup0(gr->name_en);
        p->name_zh = dg_strdup0(gr->name_zh);
    } else {
        if (!p->country[0])
            return DG_EINVAL; /* a country party needs its country */
        dg_buf_addf(&id, "country:%s", p->country);
        p->id = dg_buf_detach(&id);
        if (c) {
            p->name = dg_strdup0(c->name_en);
            p->name_zh = dg_strdup0(c->name_zh);
        }
    }
    dg_buf_destroy(&id);
    return p->id ? DG_OK : DG_ENOMEM;
}

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

/* The last word of a Latin name ("Antony J. Blinken" -> "Blinken"). */
static const char *last_word(const char *s)
{
    const char *sp = s ? strrchr(s, ' ') : NULL;
    return sp ? sp + 1 : s;
}

/* A country named by an office and no person (菲律宾外长). */
static int title_only(const dg_party *p)
{
    return p->type == DG_PARTY_COUNTRY && (p->title || p->title_zh);
}

/* One person named two ways in one document: the gazetteer's official and
 * an unknown name of the same country sharing the family name, or a
 * headline's 德国总统 and the body's 施泰因迈尔. */
static int same_person(const dg_party *a, const dg_party *b)
{
    const char *x, *y;

    if (strcmp(a->id, b->id) == 0)
        return 1;
    if ((title_only(a) && b->type == DG_PARTY_PERSON) ||
        (title_only(b) && a->type == DG_PARTY_PERSON))
        return a->country[0] && strcmp(a->country, b->country) == 0;
    if (a->type != DG_PARTY_PERSON || b->type != DG_PARTY_PERSON ||
        strcmp(a->country, b->country) != 0)
        return 0;
    if (a->name_zh && b->name_zh &&
        (strstr(a->name_zh, b->name_zh) || strstr(b->name_zh, a->name_zh)) &&
        strlen(a->name_zh) >= 6 && strlen(b->name_zh) >= 6)
        return 1;
    x = last_word(a->name);
    y = last_word(b->name);
    if (x && y && strlen(x) >= 3 && strcmp(x, y) == 0)
        return 1;
    /* "Pongsak" in a headline, "Pongsak Silaporn" in the body: a one-word
     * name that is a word of the other */
    if (a->name && b->name && (!strchr(a->name, ' ') || !strchr(b->name, ' '))) {
        const char *one = strchr(a->name, ' ') ? b->name : a->name;
        const char *full = one == a->name ? b->name : a->name;
        size_t n = strlen(one);
        const char *f = strstr(full, one);
        return n >= 3 && f && (f == full || f[-1] == ' ') && (f[n] == ' ' || f[n] == '\0');
    }
    return 0;
}

static int has_party_like(const dg_meeting *m, const dg_party *p)
{
    size_t i;
    for (i = 0; i < m->n_parties; i++)
        if (same_person(&m->parties[i], p))
            return 1;
    return 0;
}

/* A country party and a person of that country: "met with leaders of
 * South Korea, ..." and, later, "meets with South Korean President Park
 * Geun-hye" are one meeting told twice, the second time more precisely. */
static int country_of_person(const dg_party *c, const dg_party *p)
{
    return c->type == DG_PARTY_COUNTRY && p->type == DG_PARTY_PERSON && c->country[0] &&
           strcmp(c->country, p->country) == 0;
}

/* p is in m, as itself, as the country of one of m's persons, or as a
 * person of one of m's country parties */
static int covers_party(const dg_meeting *m, const dg_party *p)
{
    size_t i;
    for (i = 0; i < m->n_parties; i++)
        if (same_person(&m->parties[i], p) || country_of_person(&m->parties[i], p) ||
            country_of_person(p, &m->parties[i]))
            return 1;
    return 0;
}



/* Same meeting reported twice in one document (headline and body)? */
static int same_meeting(const dg_meeting *a, const dg_meeting *b)
{
    size_t i, common = 0, exact = 0;

    if (kind_family(a->kind) != kind_family(b->kind))
        return 0;
    /* two places: two meetings (Beijing now, Lima last year) */
    if (a->place_name && b->place_name && strcmp(a->place_name, b->place_name) != 0)
        return 0;
    if (a->date && b->date && strncmp(a->date, b->date, 10) != 0 &&
        strncmp(a->date, b->date, strlen(a->date) < strlen(b->date) ? strlen(a->date) : strlen(b->date)) != 0)
        return 0;
    if (kind_family(a->kind) == 2 && a->group && b->group && strcmp(a->group, b->group) == 0)
        return 1;
    /* a visit to one country is no meeting held in another (Modi's visit
     * to Australia is not his meeting with its premier in Delhi) */
    if ((a->kind == DG_KIND_VISIT) != (b->kind == DG_KIND_VISIT)) {
        const dg_meeting *v = a->kind == DG_KIND_VISIT ? a : b, *o = v == a ? b : a;
        for (i = 0; i < v->n_parties; i++)
            if (v->parties[i].role == DG_ROLE_HOST && v->parties[i].country[0] &&
                o->place_country[0] && strcmp(v->parties[i].country, o->place_country) != 0)
                return 0;
    }
    for (i = 0; i < a->n_parties; i++) {
        common += (size_t)covers_party(b, &a->parties[i]);
        exact += (size_t)has_party_like(b, &a->parties[i]);
    }
    /* one party set contains the other, and one party at least is the
     * same (not just a person for a country: Abbott's visit to India is
     * not Modi's to Australia) */
    return common >= 2 && exact >= 1 && (common == a->n_parties || common == b->n_parties);
}

static const int kind_rank[DG_KIND_COUNT] = {
    /* meet talks call video cochair multilateral visit */
    2, 3, 4, 4, 6, 5, 1
};

static void merge_into(dg_meeting *old, dg_meeting *nw)
{
    size_t i;
    int better = (!old->date && nw->date) ||
                 (old->date && nw->date && strlen(nw->date) > strlen(old->date));

    if (kind_rank[nw->kind] > kind_rank[old->kind])
        old->kind = nw->kind;
    if (better) {
        dg_meeting tmp = *old;
        /* keep the dated report as the record, with the union of parties */
        *old = *nw;
        *nw = tmp;
        if (kind_rank[nw->kind] > kind_rank[old->kind])
            old->kind = nw->kind;
    }
    if (!old->place_name && nw->place_name) {
        old->place_name = nw->place_name;
        old->place_name_zh = nw->place_name_zh;
        memcpy(old->place_country, nw->place_country, 3);
        nw->place_name = nw->place_name_zh = NULL;
    }
    for (i = 0; i < nw->n_parties; i++) {
        const dg_party *np = &nw->parties[i];
        size_t k;
        if (has_party_like(old, np))
            continue;
        /* a person replaces their country, or their country's office named
         * without a name; a country adds nothing to one of its persons */
        for (k = 0; k < old->n_parties; k++)
            if (country_of_person(&old->parties[k], np) || country_of_person(np, &old->parties[k]) ||
                (np->type == DG_PARTY_PERSON && title_only(&old->parties[k]) &&
                 strcmp(old->parties[k].country, np->country) == 0))
                break;
        if (k == old->n_parties) {
            dg_meeting_add_party(old, np);
        } else if (np->type == DG_PARTY_PERSON) {
            dg_party person;
            if (dg_party_copy(&person, np) == DG_OK) {
                person.role = old->parties[k].role;
                dg_party_destroy(&old->parties[k]);
                old->parties[k] = person;
            }
        }
    }
    dg_meeting_compute_id(old);
}

void dg_xemit(xdoc *x, dg_kind kind, const xdate *date, long place,
              long group, xparty *parties, const dg_role *roles, size_t n,
              size_t s, size_t e, double confidence)
{
    dg_meeting m;
    dg_source src;
    size_t i, k;
    const dg_document *doc = x->doc;

    if (x->stop)
        return;
    dg_meeting_init(&m);
    m.kind = kind;
    m.confidence = confidence;
    m.date = date ? dg_xdate_format(date) : NULL;
    if (place >= 0) {
        const dg_place *pl = dg_gazetteer_place(x->gaz, (uint32_t)place);
        m.place_name = dg_strdup0(pl->city_en ? pl->city_en : pl->name_en);
        if (pl->city_en) {
            /* a venue: the Chinese name of its city when the gazetteer has it */
            size_t np = dg_gazetteer_count(x->gaz, DG_ENT_PLACE), j;
            for (j = 0; j < np; j++) {
                const dg_place *c = dg_gazetteer_place(x->gaz, (uint32_t)j);
                if (!c->city_en && c->name_en && strcmp(c->name_en, pl->city_en) == 0) {
                    m.place_name_zh = dg_strdup0(c->name_zh);
                    break;
                }
            }
        } else {
            m.place_name_zh = dg_strdup0(pl->name_zh);
        }
        memcpy(m.place_country, pl->country, 3);
    }
    if (group >= 0)
        m.group = dg_strdup0(dg_gazetteer_group(x->gaz, (uint32_t)group)->id);
    for (i = 0; i < n; i++) {
        dg_party p;
        if (fill_party(x, &p, &parties[i], roles[i]) < 0) {
            dg_party_destroy(&p);
            continue;
        }
        /* a country named only by an office counts when the meeting is
         * dated to the day or month: then the resolver may name the
         * holder; undated, it is mostly a headline restating a meeting
         * the body names, and would stand for no one */
        if (title_only(&p) && (!m.date || strlen(m.date) < 7)) {
            dg_party_destroy(&p);
            continue;
        }
        /* one party once: the same person named twice in a sentence */
        for (k = 0; k < m.n_parties; k++)
            if (strcmp(m.parties[k].id, p.id) == 0)
                break;
        if (k == m.n_parties)
            dg_meeting_add_party(&m, &p);
        dg_party_destroy(&p);
    }
    /* a meeting needs two parties, or a group meeting one party */
    if (m.n_parties < 2 && !(m.group && m.n_parties >= 1)) {
        dg_meeting_destroy(&m);
        return;
    }
    /* the context later sentences refer to (同日, 'also met', 'the two
     * leaders') */
    if (place >= 0)
        x->last_place = place;
    if (n == 2 && m.n_parties == 2 && !m.group) {
        x->last_pair.p[0] = parties[0];
        x->last_pair.p[1] = parties[1];
        x->has_last_pair = 1;
        if (!x->reported) {
            x->talk_pair = x->last_pair;
            x->has_talk_pair = 1;
        }
    }
    if (date && date->y) {
        x->carry_date = *date;
        x->carry_valid = 1;
    }
    memset(&src, 0, sizeof(src));
    src.file = (char *)doc->file;
    src.doc = doc->index;
    src.line = doc->line;
    src.lang = (char *)x->lang;
    if (doc->text_is_slice) {
        src.byte = doc->base + (long long)x->fd.map[s];
        src.length = (long long)(x->fd.map[e] - x->fd.map[s]);
    } else {
        src.byte = (long long)x->fd.map[s];
        src.length = (long long)(x->fd.map[e] - x->fd.map[s]);
    }
    dg_meeting_add_source(&m, &src);
    m.evidence = orig_dup(x, s, e);
    dg_meeting_compute_id(&m);
    if (m.confidence < x->opts->min_confidence) {
        dg_meeting_destroy(&m);
        return;
    }
    for (i = 0; i < x->found.len; i++) {
        /* a call recalled in someone's words as a video meeting (我同总统
         * 先生视频会晤), or the reverse, is an earlier one than the call
         * the report is about */
        if (x->reported && x->found.items[i].kind != m.kind &&
            kind_family(m.kind) == 1 && kind_family(x->found.items[i].kind) == 1)
            continue;
        if (same_meeting(&x->found.items[i], &m)) {
            merge_into(&x->found.items[i], &m);
            dg_meeting_destroy(&m);
            return;
        }
    }
    if (dg_meeting_list_push(&x->found, &m) < 0) {
        dg_meeting_destroy(&m);
        x->stop = 1;
        dg_error_set(x->err, DG_ENOMEM, "out of memory");
    }
}

/* ---- the document ---- */

static int collect(void *ctx, const dg_gaz_match *m)
{
    xdoc *x = ctx;
    void *p = x->m;

    if (dg_grow_array(&p, &x->cap_m, x->nm + 1, sizeof(dg_gaz_match)) < 0) {
        x->stop = 1;
        return 1;
    }
    x->m = p;
    x->m[x->nm++] = *m;
    return 0;
}

static int is_cjk(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* Script of the document: zh-Hant when many of its Han characters fold to
 * a different simplified one. */
static const char *doc_lang(const xdoc *x, int *has_cjk)
{
    const char *p = x->doc->text, *end = p + x->doc->len;
    const dg_fold *f = dg_gazetteer_fold(x->gaz);
    size_t han = 0, trad = 0, latin = 0;

    while (p < end) {
        uint32_t cp;
        if ((unsigned char)*p < 0x80) {
            latin += ((*p | 32) >= 'a' && (*p | 32) <= 'z');
            p++;
            continue;
        }
        cp = dg_utf8_next(&p, end, NULL);
        if (is_cjk(cp)) {
            han++;
            if (dg_fold_cp(f, cp) != cp)
                trad++;
        }
    }
    *has_cjk = han > 0;
    if (han * 3 < latin / 2 || han == 0)
        return "en";
    return trad * 8 > han ? "zh-Hant" : "zh-Hans";
}

/* a sentence is Chinese when it holds Han characters */
static int sentence_is_zh(const xdoc *x, size_t s, size_t e)
{
    size_t i, han = 0, latin = 0;
    const unsigned char *t = (const unsigned char *)x->fd.text.ptr;

    for (i = s; i < e; i++) {
        if (t[i] >= 0xE3 && t[i] <= 0xE9)
            han++;
        else if (t[i] >= 'a' && t[i] <= 'z')
            latin++;
    }
    return han * 4 >= latin / 2 && han > 0;
}

/* English sentence ends: ". " unless after an abbreviation or initial */
static int en_period_ends(const xdoc *x, size_t i)
{
    const char *t = x->fd.text.ptr;
    size_t n = x->fd.text.len, w;
    static const char *const abbr[] = {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "prof", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "h.e", "u.s", "u.k", "u.n", "e.u", "vs", "sen", "rep", "gov", "amb", "mt",
        "p.m", "a.m"
    };
    size_t k;

    if (i + 1 < n && t[i + 1] != ' ' && t[i + 1] != '\n')
        return 0;
    w = i;
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '(')
        w--;
    if (i - w == 1)
        return 0; /* an initial: "Antony J. Blinken" */
    for (k = 0; k < DG_ARRAY_LEN(abbr); k++)
        if (i - w == strlen(abbr[k]) && memcmp(t + w, abbr[k], i - w) == 0)
            return 0;
    return 1;
}

static int has_trigger(const xdoc *x, size_t s, size_t e)
{
    size_t i;

    for (i = dg_xmatch_from(x, s); i < x->nm && x->m[i].start < e; i++)
        if (x->m[i].type == DG_ENT_TRIGGER || x->m[i].type == DG_ENT_GROUP)
            return 1; /* a group meeting sets the context later sentences use */
    return 0;
}

/* A lead byte of a character in U+4000-U+9FFF (most Han) */
static int han_lead(char c)
{
    unsigned char u = (unsigned char)c;
    return u >= 0xE4 && u <= 0xE9;
}

static void run_sentences(xdoc *x)
{
    const char *t = x->fd.text.ptr;
    size_t n = x->fd.text.len, i = 0, s = 0;

    x->para_start = 0;
    while (i <= n && !x->stop) {
        size_t next = i + 1, e = i;
        int end = 0, para = 0;
        if (i == n) {
            end = 1;
        } else if (t[i] == '\n') {
            end = para = 1;
        } else if ((unsigned char)t[i] == 0xE3 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
                   (unsigned char)t[i + 2] == 0x82) { /* 。 (！？ fold to ASCII) */
            end = 1;
            next = i + 3;
            e = next;
        } else if (t[i] == '!' || t[i] == '?' || t[i] == ';') {
            end = 1;
            e = next;
        } else if (t[i] == '.' && en_period_ends(x, i)) {
            end = 1;
            e = next;
        } else if (t[i] == ' ' && i + 1 < n && t[i + 1] == ' ' && i > s) {
            /* two spaces: a paragraph break in collapsed text */
            end = para = 1;
        } else if (t[i] == ' ' && i >= s + 3 && i + 1 < n && han_lead(t[i - 3]) &&
                   han_lead(t[i + 1])) {
            /* a space between Han characters parts a headline from its
             * subtitle or the story ("李强晤耶伦 称中方… 国务院总理李强…");
             * Chinese prose has none */
            end = 1;
        }
        if (end) {
            if (e > s && has_trigger(x, s, e)) {
                if (x->grammar == X_GRAMMAR_ZH ||
                    (x->grammar == X_GRAMMAR_AUTO && sentence_is_zh(x, s, e)))
                    dg_xzh_sentence(x, s, e);
                else
                    dg_xen_sentence(x, s, e);
            }
            while (next < n && (t[next] == ' ' || t[next] == '\n' || t[next] == '\r')) {
                /* a line break, or two spaces in text whose lines were
                 * joined, starts a paragraph */
                if (t[next] == '\n' || (t[next] == ' ' && next + 1 < n && t[next + 1] == ' '))
                    para = 1;
                next++;
            }
            s = next;
            if (para) {
                x->para_start = s;
                x->speech_para = 0;
            }
            i = next;
            continue;
        }
        i++;
    }
}

/* The dateline's city: 新华社北京12月21日电, 本报惠灵顿10月6日电,
 * "BEIJING, June 7 (Xinhua) --". -1 when the document has none. */
static long dateline_place(const xdoc *x)
{
    size_t i, lim = x->fd.text.len < 600 ? x->fd.text.len : 600;

    for (i = 0; i < x->nm && x->m[i].start < lim; i++) {
        size_t e = x->m[i].end, k;
        long pl = dg_xref(x, &x->m[i], DG_ENT_PLACE);
        if (pl < 0)
            continue;
        /* Chinese: the city, a month-day, 电 */
        k = e;
        while (k < x->fd.text.len && k < e + 16 && x->fd.text.ptr[k] != '\n' && !dg_xat(x, k, "电"))
            k++;
        if (dg_xat(x, k, "电") && k > e && x->fd.text.ptr[e] >= '0' && x->fd.text.ptr[e] <= '9')
            return pl;
        /* English: "CITY, Month Day (Xinhua) --" at a line start */
        if ((x->m[i].start == 0 || x->fd.text.ptr[x->m[i].start - 1] == '\n') && e < x->fd.text.len &&
            x->fd.text.ptr[e] == ',' && dg_xfind(x, e, e + 30 < x->fd.text.len ? e + 30 : x->fd.text.len, "--") != (size_t)-1)
            return pl;
    }
    return -1;
}

/* Dates of one trip: the same month, as far as both say (a state visit
 * from the 2nd to the 6th, its talks on the 3rd) */
static int same_month(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;

    return strncmp(a, b, n < 7 ? n : 7) == 0;
}

/* The visit rule: a visit is its own record only when the document
 * reports no meeting of the visitor with the visited country. */
static void drop_covered_visits(xdoc *x)
{
    size_t i, j, k, out = 0;

    for (i = 0; i < x->found.len; i++) {
        dg_meeting *v = &x->found.items[i];
        int covered = 0;
        if (v->kind == DG_KIND_VISIT && v->n_parties == 2) {
            const dg_party *guest = v->parties[0].role == DG_ROLE_GUEST ? &v->parties[0] : &v->parties[1];
            const dg_party *host = guest == &v->parties[0] ? &v->parties[1] : &v->parties[0];
            /* a visit hosted by a named person (the inviter) is covered
             * only by a meeting with that person */
            int host_person = host->type == DG_PARTY_PERSON;
            for (j = 0; j < x->found.len && !covered; j++) {
                const dg_meeting *m = &x->found.items[j];
                int has_guest = 0, has_host = 0;
                if (j == i || m->kind == DG_KIND_VISIT)
                    continue;
                /* of the same trip: not held elsewhere, not on another date
                 * (Modi's 2014 visit to Australia and his talks with its
                 * premier in Delhi in 2017) */
                if ((m->place_country[0] && host->country[0] &&
                     strcmp(m->place_country, host->country) != 0) ||
                    (m->date && v->date && !same_month(m->date, v->date)))
                    continue;
                for (k = 0; k < m->n_parties; k++) {
                    if (same_person(&m->parties[k], guest))
                        has_guest = 1;
                    else if (host_person ? same_person(&m->parties[k], host)
                                         : (host->country[0] &&
                                            (strcmp(m->parties[k].country, host->country) == 0 ||
                                             /* a person of no stated country met in
                                              * the host country: its own */
                                             (!m->parties[k].country[0] && m->date && v->date &&
                                              m->parties[k].type == DG_PARTY_PERSON &&
                                              strcmp(m->place_country, host->country) == 0))))
                        has_host = 1;
                }
                covered = has_guest && has_host;
            }
        }
        if (covered)
            dg_meeting_destroy(v);
        else
            x->found.items[out++] = *v;
    }
    x->found.len = out;
}

int dg_extract_document(const dg_document *doc, const dg_extract_opts *opts,
                        dg_meeting_fn fn, void *ctx, dg_error *err)
{
    return dg_xextract_document(doc, opts, X_GRAMMAR_AUTO, fn, ctx, err);
}

int dg_xextract_document(const dg_document *doc, const dg_extract_opts *opts, int grammar,
                         dg_meeting_fn fn, void *ctx, dg_error *err)
{
    xdoc x;
    int has_cjk = 0, rc = DG_OK;
    size_t i;

    if (!opts || !opts->gaz)
        return dg_error_set(err, DG_EINVAL, "extraction needs a compiled gazetteer");
    if (dg_gazetteer_trigger_count(opts->gaz) == 0)
        return dg_error_set(err, DG_EINVAL, "gazetteer not prepared for extraction (dg_extract_prepare)");
    memset(&x, 0, sizeof(x));
    x.doc = doc;
    x.opts = opts;
    x.gaz = opts->gaz;
    x.fn = fn;
    x.ctx = ctx;
    x.err = err;
    x.grammar = grammar;
    x.ref_place = -1;
    x.carry_place = -1;
    x.carry_group = -1;
    x.visit_country = -1;
    x.last_place = -1;
    dg_meeting_list_init(&x.found);
    dg_buf_init(&x.fd.text);
    if (doc->len >= UINT32_MAX)
        return dg_error_set(err, DG_EINVAL, "document too large");
    if (!dg_gazetteer_prescan(x.gaz, doc->text, doc->len))
        return DG_OK; /* no trigger in any script: nothing to find */
    if (dg_fold_text(dg_gazetteer_fold(x.gaz), &x.fd, doc->text, doc->len) < 0) {
        dg_folded_destroy(&x.fd);
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    x.lang = doc_lang(&x, &has_cjk);
    dg_gazetteer_scan_orig(x.gaz, x.fd.text.ptr, x.fd.text.len, doc->text,
                           x.fd.map, collect, &x);
    x.m_starts = calloc(x.fd.text.len / 64 + 1, sizeof(uint64_t));
    if (!x.m_starts) {
        free(x.m);
        dg_folded_destroy(&x.fd);
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    for (i = 0; i < x.nm; i++)
        x.m_starts[x.m[i].start >> 6] |= (uint64_t)1 << (x.m[i].start & 63);
    dg_xdate_reference(&x.ref, x.fd.text.ptr, x.fd.text.len, doc->date);
    x.ref_place = dateline_place(&x);
    run_sentences(&x);
    drop_covered_visits(&x);
    if (x.stop && err && err->code == DG_ENOMEM)
        rc = DG_ENOMEM;
    for (i = 0; i < x.found.len; i++) {
        if (rc == DG_OK && fn(ctx, &x.found.items[i]) != 0)
            rc = 1;
        else if (rc != DG_OK)
            dg_meeting_destroy(&x.found.items[i]);
    }
    free(x.found.items);
    free(x.m);
    free(x.m_starts);
    dg_folded_destroy(&x.fd);
    return rc < 0 ? rc : DG_OK;
}

/* Every trigger of both grammars contains one of these stems (Chinese in
 * both scripts, English in three cases), so a document without any holds
 * no meeting and is skipped before folding: most news is not diplomacy. */
static int set_prescan(dg_gazetteer *g, dg_error *err)
{
    /* two-character stems, each character in either script: mixed text
     * (访問, 會见) must pass too */
    static const char *const zh[][2][2] = {
        { { "会", "會" }, { "见", "見" } }, { { "会", "會" }, { "谈", "談" } },
        { { "会", "會" }, { "晤", "晤" } }, { { "会", "會" }, { "面", "面" } },
        { { "见", "見" }, { "面", "面" } }, { { "接", "接" }, { "见", "見" } },
        { { "通", "通" }, { "话", "話" } }, { { "电", "電" }, { "话", "話" } },
        { { "视", "視" }, { "频", "頻" } }, { { "视", "視" }, { "像", "像" } },
        { { "视", "視" }, { "讯", "訊" } }, { { "主", "主" }, { "持", "持" } },
        { { "出", "出" }, { "席", "席" } }, { { "访", "訪" }, { "问", "問" } },
        { { "举", "舉" }, { "行", "行" } }, { { "拜", "拜" }, { "会", "會" } },
        { { "拜", "拜" }, { "见", "見" } }, { { "对", "對" }, { "话", "話" } },
    };
    static const char *const en[] = {
        "met", "meet", "talks", "call", "phone", "receiv", "visit", "attend", "chair",
        "spoke", "talked", "held", "host", "took part", "participat", "exchanges",
        "took place", "opened", "presided", "video", "virtual", "telephone", "co-chair",
        "cochair", "Meeting", "summit", "inaugurated", "addressed by",
    };
    const char *forms[4 * DG_ARRAY_LEN(zh) + 3 * DG_ARRAY_LEN(en)];
    char up[DG_ARRAY_LEN(en)][2][32];
    char mix[DG_ARRAY_LEN(zh)][4][8];
    size_t n = 0, i, k;

    for (i = 0; i < DG_ARRAY_LEN(zh); i++)
        for (k = 0; k < 4; k++) {
            snprintf(mix[i][k], sizeof(mix[i][k]), "%s%s", zh[i][0][k / 2], zh[i][1][k % 2]);
            forms[n++] = mix[i][k];
        }
    for (i = 0; i < DG_ARRAY_LEN(en); i++) {
        size_t len = strlen(en[i]);
        forms[n++] = en[i];
        /* Capitalised and UPPER CASE forms */
        for (k = 0; k <= len && k < 31; k++) {
            char c = en[i][k];
            up[i][0][k] = (k == 0 && c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
            up[i][1][k] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
        }
        up[i][0][31] = up[i][1][31] = '\0';
        forms[n++] = up[i][0];
        forms[n++] = up[i][1];
    }
    return dg_gazetteer_set_prescan(g, forms, n, err);
}

void dg_xjoin_last(xdoc *x, xparty *ps, size_t n, int not_call)
{
    size_t j = x->found.len - 1, i, k;
    dg_meeting *m;

    /* 王毅、何立峰等出席会晤 after a call recalled in between: the meeting */
    while (not_call && j > 0 && x->found.items[j].kind == DG_KIND_CALL)
        j--;
    m = &x->found.items[j];

    for (i = 0; i < n; i++) {
        dg_party p;
        dg_role role = DG_ROLE_PARTICIPANT;
        if (fill_party(x, &p, &ps[i], role) < 0) {
            dg_party_destroy(&p);
            continue;
        }
        for (k = 0; k < m->n_parties; k++)
            if (p.country[0] && strcmp(m->parties[k].country, p.country) == 0 &&
                m->parties[k].role != DG_ROLE_CHAIR) {
                p.role = m->parties[k].role; /* the side of their country */
                break;
            }
        if (!has_party_like(m, &p))
            dg_meeting_add_party(m, &p);
        dg_party_destroy(&p);
    }
    dg_meeting_compute_id(m);
}

int dg_extract_prepare(dg_gazetteer *g, dg_error *err)
{
    size_t nz = dg_xzh_trigger_count(), ne = dg_xen_trigger_count(), i;
    const char **forms = malloc((nz + ne) * sizeof(*forms));
    int rc;

    if (!forms)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    for (i = 0; i < nz; i++)
        forms[i] = dg_xzh_trigger(i);
    for (i = 0; i < ne; i++)
        forms[nz + i] = dg_xen_trigger(i);
    rc = dg_gazetteer_set_triggers(g, forms, nz + ne, err);
    free(forms);
    if (rc == DG_OK)
        rc = set_prescan(g, err);
    if (rc == DG_OK)
        rc = dg_gazetteer_compile(g, err);
    return rc;
}

/* ---- files ---- */

typedef struct {
    const dg_extract_opts *opts;
    dg_meeting_fn fn;
    void *ctx;
    dg_error *err;
} file_ctx;

static int on_document(void *ctx, const dg_document *doc)
{
    file_ctx *c = ctx;
    int rc = dg_extract_document(doc, c->opts, c->fn, c->ctx, c->err);

    return rc < 0 ? rc : 0;
}

int dg_extract_buffer(const char *data, size_t len, const char *name,
                      const dg_extract_opts *opts, dg_meeting_fn fn,
                      void *ctx, dg_diag *diag, dg_error *err)
{
    dg_reader_opts ro;
    file_ctx c;

    dg_extract_reader_opts(&ro, opts);
    c.opts = opts;
    c.fn = fn;
    c.ctx = ctx;
    c.err = err;
    return dg_read_documents(data, len, name, &ro, on_document, &c, diag, err);
}
