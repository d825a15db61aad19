/* The meeting record: memory form, JSON Lines form (cJSON), order. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "diplograph/buf.h"
#include "diplograph/meeting.h"
#include "diplograph/utf8.h"
#include "common.h"
#include "model/meeting_int.h"
#include "text/jsonscan.h"

/* A JSON line longer than this is refused rather than parsed: a meeting
 * record is a few KB; a 10 MB one is corrupt input. */
#define DG_MAX_JSON_LINE (16u << 20)

static const char *const kind_names[DG_KIND_COUNT] = {
    "meet", "talks", "call", "video_call", "cochair", "multilateral", "visit"
};
static const char *const role_names[] = { "host", "guest", "chair", "participant" };
static const char *const party_type_names[] = { "person", "country", "organisation" };

const char *dg_kind_name(dg_kind kind)
{
    return (unsigned)kind < DG_KIND_COUNT ? kind_names[kind] : "meet";
}

static int parse_name(int *out, const char *name, const char *const *names,
                      size_t n)
{
    size_t i;

    for (i = 0; name && i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return DG_OK;
        }
    }
    return DG_EINVAL;
}

int dg_kind_parse(dg_kind *out, const char *name)
{
    int v = 0;
    int rc = parse_name(&v, name, kind_names, DG_KIND_COUNT);
    if (rc == DG_OK)
        *out = (dg_kind)v;
    return rc;
}

const char *dg_role_name(dg_role role)
{
    return (unsigned)role < DG_ARRAY_LEN(role_names) ? role_names[role] : "participant";
}

int dg_role_parse(dg_role *out, const char *name)
{
    int v = 0;
    int rc = parse_name(&v, name, role_names, DG_ARRAY_LEN(role_names));
    if (rc == DG_OK)
        *out = (dg_role)v;
    return rc;
}

const char *dg_party_type_name(dg_party_type type)
{
    return (unsigned)type < DG_ARRAY_LEN(party_type_names) ? party_type_names[type]
                                                           : "person";
}

int dg_party_type_parse(dg_party_type *out, const char *name)
{
    int v = 0;
    int rc = parse_name(&v, name, party_type_names, DG_ARRAY_LEN(party_type_names));
    if (rc != DG_OK && name && strcmp(name, "org") == 0) {
        v = DG_PARTY_ORG;
        rc = DG_OK;
    }
    if (rc == DG_OK)
        *out = (dg_party_type)v;
    return rc;
}

void dg_meeting_init(dg_meeting *m)
{
    memset(m, 0, sizeof(*m));
}

void dg_party_destroy(dg_party *p)
{
    free(p->id);
    free(p->name);
    free(p->name_zh);
    free(p->title);
    free(p->title_zh);
    memset(p, 0, sizeof(*p));
}

void dg_source_destroy(dg_source *s)
{
    free(s->file);
    free(s->lang);
    memset(s, 0, sizeof(*s));
}

void dg_meeting_destroy(dg_meeting *m)
{
    size_t i;

    free(m->id);
    free(m->date);
    free(m->place_name);
    free(m->place_name_zh);
    free(m->group);
    free(m->evidence);
    for (i = 0; i < m->n_parties; i++)
        dg_party_destroy(&m->parties[i]);
    free(m->parties);
    for (i = 0; i < m->n_sources; i++)
        dg_source_destroy(&m->sources[i]);
    free(m->sources);
    memset(m, 0, sizeof(*m));
}

/* Duplicates a string field: 0 on success (including NULL -> NULL). */
static int dup_field(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return 0;
    *dst = dg_strdup0(src);
    return *dst ? 0 : -1;
}

int dg_party_copy(dg_party *dst, const dg_party *src)
{
    memset(dst, 0, sizeof(*dst));
    dst->type = src->type;
    dst->role = src->role;
    dst->inferred = src->inferred;
    memcpy(dst->country, src->country, sizeof(dst->country));
    if (dup_field(&dst->id, src->id) || dup_field(&dst->name, src->name) ||
        dup_field(&dst->name_zh, src->name_zh) || dup_field(&dst->title, src->title) ||
        dup_field(&dst->title_zh, src->title_zh)) {
        dg_party_destroy(dst);
        return DG_ENOMEM;
    }
    return DG_OK;
}

int dg_source_copy(dg_source *dst, const dg_source *src)
{
    *dst = *src;
    dst->file = NULL;
    dst->lang = NULL;
    if (dup_field(&dst->file, src->file) || dup_field(&dst->lang, src->lang)) {
        dg_source_destroy(dst);
        return DG_ENOMEM;
    }
    return DG_OK;
}

int dg_meeting_add_party(dg_meeting *m, const dg_party *p)
{
    dg_party *np = realloc(m->parties, (m->n_parties + 1) * sizeof(*np));

    if (!np)
        return DG_ENOMEM;
    m->parties = np;
    if (dg_party_copy(&m->parties[m->n_parties], p) < 0)
        return DG_ENOMEM;
    m->n_parties++;
    return DG_OK;
}

int dg_meeting_add_source(dg_meeting *m, const dg_source *s)
{
    dg_source *ns = realloc(m->sources, (m->n_sources + 1) * sizeof(*ns));

    if (!ns)
        return DG_ENOMEM;
    m->sources = ns;
    if (dg_source_copy(&m->sources[m->n_sources], s) < 0)
        return DG_ENOMEM;
    m->n_sources++;
    return DG_OK;
}

int dg_meeting_copy(dg_meeting *dst, const dg_meeting *src)
{
    size_t i;

    dg_meeting_init(dst);
    dst->kind = src->kind;
    dst->mentions = src->mentions;
    dst->confidence = src->confidence;
    memcpy(dst->place_country, src->place_country, sizeof(dst->place_country));
    if (dup_field(&dst->id, src->id) || dup_field(&dst->date, src->date) ||
        dup_field(&dst->place_name, src->place_name) ||
        dup_field(&dst->place_name_zh, src->place_name_zh) ||
        dup_field(&dst->group, src->group) || dup_field(&dst->evidence, src->evidence))
        goto fail;
    for (i = 0; i < src->n_parties; i++)
        if (dg_meeting_add_party(dst, &src->parties[i]) < 0)
            goto fail;
    for (i = 0; i < src->n_sources; i++)
        if (dg_meeting_add_source(dst, &src->sources[i]) < 0)
            goto fail;
    return DG_OK;
fail:
    dg_meeting_destroy(dst);
    return DG_ENOMEM;
}

/* 64-bit FNV-1a: small, stable across platforms and versions. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");

    while (*p) {
        h ^= *p++;
        h *= 0x100000001b3ULL;
    }
    h ^= 0x1f; /* field separator */
    h *= 0x100000001b3ULL;
    return h;
}

static int cmp_cstr_ptr(const void *a, const void *b)
{
    return dg_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

int dg_meeting_compute_id(dg_meeting *m)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    const char **ids;
    char out[32];
    size_t i;

    ids = malloc((m->n_parties ? m->n_parties : 1) * sizeof(*ids));
    if (!ids)
        return DG_ENOMEM;
    for (i = 0; i < m->n_parties; i++)
        ids[i] = m->parties[i].id;
    qsort(ids, m->n_parties, sizeof(*ids), cmp_cstr_ptr);
    h = fnv1a(h, m->date);
    h = fnv1a(h, dg_kind_name(m->kind));
    for (i = 0; i < m->n_parties; i++)
        h = fnv1a(h, ids[i]);
    free(ids);
    snprintf(out, sizeof(out), "m-%016llx", (unsigned long long)h);
    free(m->id);
    m->id = dg_strdup0(out);
    return m->id ? DG_OK : DG_ENOMEM;
}

/* ---- writing ---- */

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static int add_str(cJSON *obj, const char *key, const char *s)
{
    cJSON *v = str_or_null(s);
    if (!v)
        return -1;
    cJSON_AddItemToObject(obj, key, v);
    return 0;
}

static int add_num(cJSON *obj, const char *key, double d)
{
    return cJSON_AddNumberToObject(obj, key, d) ? 0 : -1;
}

static cJSON *source_json(const dg_source *s)
{
    cJSON *o = cJSON_CreateObject();

    if (!o || add_str(o, "file", s->file) || add_num(o, "doc", (double)s->doc) ||
        add_num(o, "line", (double)s->line) || add_num(o, "byte", (double)s->byte) ||
        add_num(o, "length", (double)s->length) || add_str(o, "lang", s->lang)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *party_json(const dg_party *p)
{
    cJSON *o = cJSON_CreateObject();

    if (!o || add_str(o, "id", p->id) ||
        add_str(o, "type", dg_party_type_name(p->type)) ||
        add_str(o, "name", p->name) || add_str(o, "name_zh", p->name_zh) ||
        add_str(o, "country", p->country[0] ? p->country : NULL) ||
        add_str(o, "title", p->title) || add_str(o, "title_zh", p->title_zh) ||
        add_str(o, "role", dg_role_name(p->role)))
        goto fail;
    if (p->inferred && !cJSON_AddTrueToObject(o, "inferred"))
        goto fail;
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

/* Confidence is rounded to 2 decimals so the text form is stable. */
static double round2(double d)
{
    return round(d * 100.0) / 100.0;
}

int dg_meeting_write_cjson(dg_buf *out, const dg_meeting *m)
{
    cJSON *o = cJSON_CreateObject(), *arr, *place;
    char *text = NULL;
    size_t i;
    int rc = DG_ENOMEM;

    if (!o || add_num(o, "v", 1) || add_str(o, "id", m->id) ||
        add_str(o, "kind", dg_kind_name(m->kind)) || add_str(o, "date", m->date))
        goto out;
    if (m->place_name || m->place_name_zh) {
        place = cJSON_CreateObject();
        if (!place)
            goto out;
        cJSON_AddItemToObject(o, "place", place);
        if (add_str(place, "name", m->place_name) ||
            add_str(place, "name_zh", m->place_name_zh) ||
            add_str(place, "country", m->place_country[0] ? m->place_country : NULL))
            goto out;
    } else if (!cJSON_AddNullToObject(o, "place")) {
        goto out;
    }
    if (add_str(o, "group", m->group))
        goto out;
    arr = cJSON_AddArrayToObject(o, "parties");
    if (!arr)
        goto out;
    for (i = 0; i < m->n_parties; i++) {
        cJSON *p = party_json(&m->parties[i]);
        if (!p)
            goto out;
        cJSON_AddItemToArray(arr, p);
    }
    if (m->mentions > 0) {
        arr = cJSON_AddArrayToObject(o, "sources");
        if (!arr)
            goto out;
        for (i = 0; i < m->n_sources; i++) {
            cJSON *s = source_json(&m->sources[i]);
            if (!s)
                goto out;
            cJSON_AddItemToArray(arr, s);
        }
        if (add_num(o, "mentions", (double)m->mentions))
            goto out;
    } else if (m->n_sources > 0) {
        cJSON *s = source_json(&m->sources[0]);
        if (!s)
            goto out;
        cJSON_AddItemToObject(o, "source", s);
    } else if (!cJSON_AddNullToObject(o, "source")) {
        goto out;
    }
    if (add_str(o, "evidence", m->evidence) ||
        add_num(o, "confidence", round2(m->confidence)))
        goto out;
    text = cJSON_PrintUnformatted(o);
    if (!text)
        goto out;
    rc = dg_buf_adds(out, text);
    if (rc == DG_OK)
        rc = dg_buf_addc(out, '\n');
out:
    if (text)
        cJSON_free(text);
    cJSON_Delete(o);
    return rc;
}

/* The same record written directly, byte for byte what cJSON prints
 * (dg_meeting_write_cjson, which the tests and the meeting fuzz target
 * compare it with): building and printing a cJSON tree took a quarter of
 * extraction's time on meeting-dense text. */

/* a string as cJSON prints one: ", \\, \b \f \n \r \t and the other
 * control characters escaped (\u00xx), every other byte as it is.
 * jw_extra: how many bytes a byte's escape adds */
static const unsigned char jw_extra[256] = {
    5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 5, 1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

static int jw_str(dg_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0, extra = 0, i;
    char *o;

    if (!s)
        return dg_buf_add(b, "null", 4);
    for (; u[n]; n++)
        extra += jw_extra[u[n]];
    if (dg_buf_grow(b, n + extra + 2) < 0)
        return DG_ENOMEM;
    o = b->ptr + b->len;
    *o++ = '"';
    if (!extra) {
        memcpy(o, s, n);
        o += n;
    } else {
        for (i = 0; i < n; i++) {
            unsigned char c = u[i];
            if (!jw_extra[c]) {
                *o++ = (char)c;
                continue;
            }
            *o++ = '\\';
            switch (c) {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            default:
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = hex[c >> 4];
                *o++ = hex[c & 15];
            }
        }
    }
    *o++ = '"';
    *o = '\0';
    b->len = (size_t)(o - b->ptr);
    return DG_OK;
}

/* a number as cJSON prints one: an integer that fits an int as one, a
 * hundredth (a rounded confidence) as its digits, anything else the way
 * cJSON does (15 significant digits, 17 when 15 do not read back) */
static int jw_num(dg_buf *b, double d)
{
    char tmp[32];
    int n;

    if (d >= (double)INT_MIN && d <= (double)INT_MAX && d == (double)(int)d) {
        int v = (int)d;
        char *e = tmp + sizeof(tmp), *q = e;
        unsigned long long a = v < 0 ? 0ull - (unsigned long long)(long long)v : (unsigned long long)v;
        do {
            *--q = (char)('0' + a % 10);
            a /= 10;
        } while (a);
        if (v < 0)
            *--q = '-';
        return dg_buf_add(b, q, (size_t)(e - q));
    }
    if (d > 0 && d < 1) {
        double k = round(d * 100.0);
        if (k / 100.0 == d) {
            int c = (int)k;
            tmp[0] = '0';
            tmp[1] = '.';
            tmp[2] = (char)('0' + c / 10);
            tmp[3] = (char)('0' + c % 10);
            return dg_buf_add(b, tmp, c % 10 ? 4 : 3);
        }
    }
    if (isnan(d) || isinf(d))
        return dg_buf_add(b, "null", 4);
    n = snprintf(tmp, sizeof(tmp), "%1.15g", d);
    {
        double back = strtod(tmp, NULL);
        double mag = fabs(back) > fabs(d) ? fabs(back) : fabs(d);
        if (!(fabs(back - d) <= mag * DBL_EPSILON))
            n = snprintf(tmp, sizeof(tmp), "%1.17g", d);
    }
    return n > 0 ? dg_buf_add(b, tmp, (size_t)n) : DG_ENOMEM;
}

/* "key": with the separator before it */
static int jw_key(dg_buf *b, const char *key, int first)
{
    if (!first && dg_buf_addc(b, ',') < 0)
        return DG_ENOMEM;
    if (jw_str(b, key) < 0)
        return DG_ENOMEM;
    return dg_buf_addc(b, ':');
}

static int jw_kstr(dg_buf *b, const char *key, const char *s, int first)
{
    return jw_key(b, key, first) < 0 ? DG_ENOMEM : jw_str(b, s);
}

static int jw_knum(dg_buf *b, const char *key, double d, int first)
{
    return jw_key(b, key, first) < 0 ? DG_ENOMEM : jw_num(b, d);
}

static int jw_source(dg_buf *b, const dg_source *s)
{
    if (dg_buf_addc(b, '{') < 0 || jw_kstr(b, "file", s->file, 1) < 0 ||
        jw_knum(b, "doc", (double)s->doc, 0) < 0 || jw_knum(b, "line", (double)s->line, 0) < 0 ||
        jw_knum(b, "byte", (double)s->byte, 0) < 0 ||
        jw_knum(b, "length", (double)s->length, 0) < 0 || jw_kstr(b, "lang", s->lang, 0) < 0)
        return DG_ENOMEM;
    return dg_buf_addc(b, '}');
}

static int jw_party(dg_buf *b, const dg_party *p)
{
    if (dg_buf_addc(b, '{') < 0 || jw_kstr(b, "id", p->id, 1) < 0 ||
        jw_kstr(b, "type", dg_party_type_name(p->type), 0) < 0 ||
        jw_kstr(b, "name", p->name, 0) < 0 || jw_kstr(b, "name_zh", p->name_zh, 0) < 0 ||
        jw_kstr(b, "country", p->country[0] ? p->country : NULL, 0) < 0 ||
        jw_kstr(b, "title", p->title, 0) < 0 || jw_kstr(b, "title_zh", p->title_zh, 0) < 0 ||
        jw_kstr(b, "role", dg_role_name(p->role), 0) < 0)
        return DG_ENOMEM;
    if (p->inferred && (jw_key(b, "inferred", 0) < 0 || dg_buf_add(b, "true", 4) < 0))
        return DG_ENOMEM;
    return dg_buf_addc(b, '}');
}

static int write_json(dg_buf *b, const dg_meeting *m)
{
    size_t i;

    if (dg_buf_addc(b, '{') < 0 || jw_knum(b, "v", 1, 1) < 0 || jw_kstr(b, "id", m->id, 0) < 0 ||
        jw_kstr(b, "kind", dg_kind_name(m->kind), 0) < 0 || jw_kstr(b, "date", m->date, 0) < 0 ||
        jw_key(b, "place", 0) < 0)
        return DG_ENOMEM;
    if (m->place_name || m->place_name_zh) {
        if (dg_buf_addc(b, '{') < 0 || jw_kstr(b, "name", m->place_name, 1) < 0 ||
            jw_kstr(b, "name_zh", m->place_name_zh, 0) < 0 ||
            jw_kstr(b, "country", m->place_country[0] ? m->place_country : NULL, 0) < 0 ||
            dg_buf_addc(b, '}') < 0)
            return DG_ENOMEM;
    } else if (dg_buf_add(b, "null", 4) < 0) {
        return DG_ENOMEM;
    }
    if (jw_kstr(b, "group", m->group, 0) < 0 || jw_key(b, "parties", 0) < 0 ||
        dg_buf_addc(b, '[') < 0)
        return DG_ENOMEM;
    for (i = 0; i < m->n_parties; i++)
        if ((i && dg_buf_addc(b, ',') < 0) || jw_party(b, &m->parties[i]) < 0)
            return DG_ENOMEM;
    if (dg_buf_addc(b, ']') < 0)
        return DG_ENOMEM;
    if (m->mentions > 0) {
        if (jw_key(b, "sources", 0) < 0 || dg_buf_addc(b, '[') < 0)
            return DG_ENOMEM;
        for (i = 0; i < m->n_sources; i++)
            if ((i && dg_buf_addc(b, ',') < 0) || jw_source(b, &m->sources[i]) < 0)
                return DG_ENOMEM;
        if (dg_buf_addc(b, ']') < 0 || jw_knum(b, "mentions", (double)m->mentions, 0) < 0)
            return DG_ENOMEM;
    } else if (m->n_sources > 0) {
        if (jw_key(b, "source", 0) < 0 || jw_source(b, &m->sources[0]) < 0)
            return DG_ENOMEM;
    } else if (jw_key(b, "source", 0) < 0 || dg_buf_add(b, "null", 4) < 0) {
        return DG_ENOMEM;
    }
    if (jw_kstr(b, "evidence", m->evidence, 0) < 0 ||
        jw_knum(b, "confidence", round2(m->confidence), 0) < 0 || dg_buf_add(b, "}\n", 2) < 0)
        return DG_ENOMEM;
    return DG_OK;
}

int dg_meeting_write_json(dg_buf *out, const dg_meeting *m)
{
    size_t mark = out->len;
    int rc = write_json(out, m);

    if (rc != DG_OK)
        dg_buf_truncate(out, mark); /* nothing of a record half written */
    return rc;
}

/* ---- reading ---- */

typedef struct {
    dg_error *err;
    const char *path;  /* JSON path prefix for messages */
    char *unknown;     /* the first unknown field met, as a JSON path */
    size_t unknown_size;
} jctx;

static int jfail(jctx *c, const char *key, const char *what)
{
    return dg_error_set(c->err, DG_EPARSE, "%s%s%s: %s", c->path,
                        (c->path[0] && key[0] && key[0] != '[') ? "." : "", key, what);
}

static int jfail_kind(jctx *c, const char *key, const char *want, const cJSON *v)
{
    char what[96];

    snprintf(what, sizeof(what), "expected %s, not %s", want, dg_json_kind(v));
    return jfail(c, key, what);
}

/* The member key of o: NULL when absent or null; DG_EPARSE when given
 * twice (cJSON keeps both, and which one to read would be a guess). */
static int jget(const cJSON **out, const cJSON *o, const char *key, jctx *c)
{
    int dups;
    const cJSON *v = dg_json_get(o, key, &dups);

    *out = NULL;
    if (dups)
        return jfail(c, key, "given twice (keep one)");
    if (v && !cJSON_IsNull(v))
        *out = v;
    return DG_OK;
}

/* Notes the first member of o whose key is not in known (NULL-ended):
 * such fields are ignored, but a misspelt one loses data silently. */
static void jknown(const cJSON *o, const char *const *known, jctx *c)
{
    const cJSON *it;
    size_t i;

    if (!c->unknown || c->unknown[0])
        return;
    for (it = o->child; it; it = it->next) {
        for (i = 0; known[i]; i++)
            if (it->string && strcmp(it->string, known[i]) == 0)
                break;
        if (!known[i]) {
            snprintf(c->unknown, c->unknown_size, "%s%s%s", c->path, c->path[0] ? "." : "",
                     it->string ? it->string : "");
            return;
        }
    }
}

/* Optional string: absent or null -> NULL. */
static int get_str(char **out, const cJSON *o, const char *key, jctx *c)
{
    const cJSON *v;
    int rc = jget(&v, o, key, c);

    *out = NULL;
    if (rc < 0 || !v)
        return rc;
    if (!cJSON_IsString(v))
        return jfail_kind(c, key, "a string or null", v);
    if (dg_utf8_validate(v->valuestring, strlen(v->valuestring)) !=
        strlen(v->valuestring))
        return jfail(c, key, "invalid UTF-8");
    *out = dg_strdup0(v->valuestring);
    return *out ? DG_OK : dg_error_set(c->err, DG_ENOMEM, "out of memory");
}

static int get_long(long long *out, const cJSON *o, const char *key, int required,
                    jctx *c)
{
    const cJSON *v;
    int rc = jget(&v, o, key, c);

    if (rc < 0)
        return rc;
    if (!v) {
        if (required)
            return jfail(c, key, "missing");
        *out = 0;
        return DG_OK;
    }
    if (!cJSON_IsNumber(v))
        return jfail_kind(c, key, "an integer", v);
    if (!isfinite(v->valuedouble) || v->valuedouble != floor(v->valuedouble) ||
        fabs(v->valuedouble) > 9e15)
        return jfail(c, key, "expected an integer");
    *out = (long long)v->valuedouble;
    return DG_OK;
}

static int get_country(char out[3], const cJSON *o, const char *key, jctx *c)
{
    const cJSON *v;
    int rc = jget(&v, o, key, c);

    out[0] = '\0';
    if (rc < 0 || !v)
        return rc;
    if (!cJSON_IsString(v))
        return jfail_kind(c, key, "a two-letter country code", v);
    if (strlen(v->valuestring) != 2 ||
        !(v->valuestring[0] >= 'A' && v->valuestring[0] <= 'Z') ||
        !(v->valuestring[1] >= 'A' && v->valuestring[1] <= 'Z'))
        return jfail(c, key, "expected a two-letter country code");
    memcpy(out, v->valuestring, 3);
    return DG_OK;
}

/* YYYY-MM-DD, YYYY-MM or YYYY with a real month and day: a date the
 * time windows and the GEXF spells can compare as text. */
static int valid_date(const char *s)
{
    size_t len = strlen(s), i;
    int m, d;

    if (len != 4 && len != 7 && len != 10)
        return 0;
    for (i = 0; i < len; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    if (len >= 7) {
        m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12)
            return 0;
    }
    if (len == 10) {
        d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > 31)
            return 0;
    }
    return 1;
}

static int country_ok(const char *cc)
{
    return !cc[0] || (cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z' && !cc[2]);
}

static int utf8_ok(const char *s)
{
    return !s || dg_utf8_validate(s, strlen(s)) == strlen(s);
}

int dg_meeting_values_ok(const dg_meeting *m)
{
    size_t i;

    if ((m->date && !valid_date(m->date)) || !(m->confidence >= 0 && m->confidence <= 1) ||
        !country_ok(m->place_country) || !utf8_ok(m->id) || !utf8_ok(m->date) ||
        !utf8_ok(m->place_name) || !utf8_ok(m->place_name_zh) || !utf8_ok(m->group) ||
        !utf8_ok(m->evidence))
        return 0;
    for (i = 0; i < m->n_parties; i++) {
        const dg_party *p = &m->parties[i];
        if (!country_ok(p->country) || !utf8_ok(p->id) || !utf8_ok(p->name) ||
            !utf8_ok(p->name_zh) || !utf8_ok(p->title) || !utf8_ok(p->title_zh))
            return 0;
    }
    for (i = 0; i < m->n_sources; i++)
        if (!utf8_ok(m->sources[i].file) || !utf8_ok(m->sources[i].lang))
            return 0;
    return 1;
}

static const char *const source_keys[] = { "file", "doc", "line", "byte", "length", "lang",
                                           NULL };

static int parse_source(dg_source *s, const cJSON *o, jctx *c)
{
    long long v;
    int rc;

    memset(s, 0, sizeof(*s));
    if (!cJSON_IsObject(o))
        return jfail_kind(c, "", "an object", o);
    jknown(o, source_keys, c);
    if ((rc = get_str(&s->file, o, "file", c)) < 0)
        return rc;
    if ((rc = get_long(&v, o, "doc", 0, c)) < 0)
        return rc;
    s->doc = (long)v;
    if ((rc = get_long(&v, o, "line", 0, c)) < 0)
        return rc;
    s->line = (long)v;
    if ((rc = get_long(&s->byte, o, "byte", 0, c)) < 0)
        return rc;
    if ((rc = get_long(&s->length, o, "length", 0, c)) < 0)
        return rc;
    return get_str(&s->lang, o, "lang", c);
}

static const char *const party_keys[] = { "id", "type", "name", "name_zh", "country", "title",
                                          "title_zh", "role", "inferred", NULL };

static int parse_party(dg_party *p, const cJSON *o, jctx *c)
{
    char *s = NULL;
    const cJSON *inf;
    int rc;

    memset(p, 0, sizeof(*p));
    if (!cJSON_IsObject(o))
        return jfail_kind(c, "", "an object", o);
    jknown(o, party_keys, c);
    if ((rc = get_str(&p->id, o, "id", c)) < 0)
        return rc;
    if (!p->id || !p->id[0])
        return jfail(c, "id", "missing");
    if ((rc = get_str(&s, o, "type", c)) < 0)
        return rc;
    if (s && dg_party_type_parse(&p->type, s) < 0) {
        free(s);
        return jfail(c, "type", "expected person, country or organisation");
    }
    free(s);
    s = NULL;
    if ((rc = get_str(&s, o, "role", c)) < 0)
        return rc;
    if (s && dg_role_parse(&p->role, s) < 0) {
        free(s);
        return jfail(c, "role", "expected host, guest, chair or participant");
    }
    if (!s)
        p->role = DG_ROLE_PARTICIPANT;
    free(s);
    if ((rc = get_str(&p->name, o, "name", c)) < 0 ||
        (rc = get_str(&p->name_zh, o, "name_zh", c)) < 0 ||
        (rc = get_country(p->country, o, "country", c)) < 0 ||
        (rc = get_str(&p->title, o, "title", c)) < 0 ||
        (rc = get_str(&p->title_zh, o, "title_zh", c)) < 0)
        return rc;
    if ((rc = jget(&inf, o, "inferred", c)) < 0)
        return rc;
    if (inf && !cJSON_IsBool(inf))
        return jfail_kind(c, "inferred", "true or false", inf);
    p->inferred = cJSON_IsTrue(inf);
    return DG_OK;
}

static const char *const meeting_keys[] = { "v", "id", "kind", "date", "place", "group",
                                            "parties", "source", "sources", "mentions",
                                            "evidence", "confidence", NULL };
static const char *const place_keys[] = { "name", "name_zh", "country", NULL };

static int parse_meeting(dg_meeting *m, const cJSON *o, jctx *c)
{
    char path[64];
    const cJSON *v, *arr, *item;
    char *s = NULL;
    long long n;
    int rc;

    if (!cJSON_IsObject(o))
        return dg_error_set(c->err, DG_EPARSE, "expected a JSON object, not %s",
                            dg_json_kind(o));
    jknown(o, meeting_keys, c);
    if ((rc = get_long(&n, o, "v", 0, c)) < 0)
        return rc;
    if (n > 1)
        return dg_error_set(c->err, DG_EPARSE,
                            "v: record version %lld is newer than this diplograph reads (1); "
                            "upgrade diplograph", n);
    if ((rc = get_str(&m->id, o, "id", c)) < 0)
        return rc;
    if ((rc = get_str(&s, o, "kind", c)) < 0)
        return rc;
    if (!s)
        return jfail(c, "kind", "missing");
    if (dg_kind_parse(&m->kind, s) < 0) {
        free(s);
        return jfail(c, "kind", "unknown meeting kind (meet, talks, call, video_call, cochair, "
                                "multilateral or visit)");
    }
    free(s);
    if ((rc = get_str(&m->date, o, "date", c)) < 0)
        return rc;
    if (m->date && !valid_date(m->date))
        return jfail(c, "date", "expected YYYY-MM-DD, YYYY-MM or null");
    if ((rc = jget(&v, o, "place", c)) < 0)
        return rc;
    if (v) {
        jctx pc = *c;
        pc.path = "place";
        if (!cJSON_IsObject(v))
            return jfail_kind(c, "place", "an object or null", v);
        jknown(v, place_keys, &pc);
        if ((rc = get_str(&m->place_name, v, "name", &pc)) < 0 ||
            (rc = get_str(&m->place_name_zh, v, "name_zh", &pc)) < 0 ||
            (rc = get_country(m->place_country, v, "country", &pc)) < 0)
            return rc;
    }
    if ((rc = get_str(&m->group, o, "group", c)) < 0)
        return rc;
    if ((rc = jget(&arr, o, "parties", c)) < 0)
        return rc;
    if (!cJSON_IsArray(arr))
        return arr ? jfail_kind(c, "parties", "an array", arr) : jfail(c, "parties", "missing");
    m->parties = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(dg_party));
    if (!m->parties)
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    cJSON_ArrayForEach(item, arr) {
        jctx pc = *c;
        pc.path = path;
        snprintf(path, sizeof(path), "parties[%zu]", m->n_parties);
        rc = parse_party(&m->parties[m->n_parties], item, &pc);
        m->n_parties++;
        if (rc < 0)
            return rc;
    }
    if ((rc = jget(&arr, o, "sources", c)) < 0)
        return rc;
    if (arr) {
        if (!cJSON_IsArray(arr))
            return jfail_kind(c, "sources", "an array", arr);
        m->sources = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(dg_source));
        if (!m->sources)
            return dg_error_set(c->err, DG_ENOMEM, "out of memory");
        cJSON_ArrayForEach(item, arr) {
            jctx sc = *c;
            sc.path = path;
            snprintf(path, sizeof(path), "sources[%zu]", m->n_sources);
            rc = parse_source(&m->sources[m->n_sources], item, &sc);
            m->n_sources++;
            if (rc < 0)
                return rc;
        }
        if ((rc = get_long(&n, o, "mentions", 0, c)) < 0)
            return rc;
        m->mentions = n > 0 ? (long)n : (long)m->n_sources;
        if (m->mentions <= 0)
            m->mentions = 1;
    } else {
        if ((rc = jget(&v, o, "source", c)) < 0)
            return rc;
        if (v) {
            jctx sc = *c;
            sc.path = "source";
            m->sources = calloc(1, sizeof(dg_source));
            if (!m->sources)
                return dg_error_set(c->err, DG_ENOMEM, "out of memory");
            m->n_sources = 1;
            if ((rc = parse_source(&m->sources[0], v, &sc)) < 0)
                return rc;
        }
    }
    if ((rc = get_str(&m->evidence, o, "evidence", c)) < 0)
        return rc;
    if ((rc = jget(&v, o, "confidence", c)) < 0)
        return rc;
    if (v) {
        if (!cJSON_IsNumber(v))
            return jfail_kind(c, "confidence", "a number", v);
        if (!isfinite(v->valuedouble) || v->valuedouble < 0 || v->valuedouble > 1)
            return jfail(c, "confidence", "expected a number from 0 to 1");
        m->confidence = v->valuedouble;
    }
    if (!m->id && (rc = dg_meeting_compute_id(m)) < 0)
        return dg_error_set(c->err, rc, "out of memory");
    return DG_OK;
}

/* dg_meeting_parse_json, noting the first unknown field in unknown. */
static int parse_cjson(dg_meeting *m, const char *line, size_t len, char *unknown,
                       size_t unknown_size, dg_error *err)
{
    jctx c = { err, "", unknown, unknown_size };
    cJSON *o;
    int rc;

    dg_meeting_init(m);
    if ((rc = dg_json_parse(&o, line, len, err)) < 0)
        return rc;
    rc = parse_meeting(m, o, &c);
    cJSON_Delete(o);
    if (rc < 0)
        dg_meeting_destroy(m);
    return rc;
}

int dg_meeting_parse_cjson(dg_meeting *m, const char *line, size_t len, dg_error *err)
{
    return parse_cjson(m, line, len, NULL, 0, err);
}

static int parse_json(dg_meeting *m, const char *line, size_t len, char *unknown,
                      size_t unknown_size, dg_error *err)
{
    int rc;

    dg_meeting_init(m);
    if (len > DG_MAX_JSON_LINE)
        return dg_error_set(err, DG_EPARSE, "line of %zu bytes, longer than a meeting record "
                            "can be (%u)", len, DG_MAX_JSON_LINE);
    /* the usual form (what diplograph writes) directly; anything else,
     * and every fault, through cJSON and its checks */
    if (!memchr(line, '\0', len)) {
        rc = dg_meeting_scan(m, line, len);
        if (rc > 0)
            return DG_OK;
        if (rc < 0)
            return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    return parse_cjson(m, line, len, unknown, unknown_size, err);
}

int dg_meeting_parse_json(dg_meeting *m, const char *line, size_t len,
                          dg_error *err)
{
    return parse_json(m, line, len, NULL, 0, err);
}

void dg_meeting_list_init(dg_meeting_list *l)
{
    l->items = NULL;
    l->len = 0;
    l->cap = 0;
}

void dg_meeting_list_destroy(dg_meeting_list *l)
{
    size_t i;

    for (i = 0; i < l->len; i++)
        dg_meeting_destroy(&l->items[i]);
    free(l->items);
    dg_meeting_list_init(l);
}

int dg_meeting_list_push(dg_meeting_list *l, dg_meeting *m)
{
    void *p = l->items;
    int rc = dg_grow_array(&p, &l->cap, l->len + 1, sizeof(dg_meeting));

    l->items = p;
    if (rc < 0)
        return rc;
    l->items[l->len++] = *m;
    dg_meeting_init(m);
    return DG_OK;
}

/* Reads meeting lines, one at a time, reporting the faults of each. */
typedef struct {
    dg_meeting_list *out;
    const char *name;
    dg_diag *diag;
    dg_error *err;
    long lineno;
    char unknown[64]; /* the first unknown field of the file, once reported */
} line_reader;

static int read_line(line_reader *lr, const char *data, size_t len, int has_nl)
{
    size_t a = 0, b = len;
    char unknown[64];
    dg_meeting m;
    dg_error e = DG_ERROR_INIT;

    while (a < b && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r'))
        a++;
    while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
        b--;
    if (a == b)
        return DG_OK;
    unknown[0] = '\0';
    if (parse_json(&m, data + a, b - a, lr->unknown[0] ? NULL : unknown, sizeof(unknown),
                   &e) < 0) {
        if (e.code == DG_ENOMEM)
            return dg_error_set(lr->err, DG_ENOMEM, "%s:%ld: out of memory", lr->name,
                                lr->lineno);
        /* a line cut short fails to parse at its end */
        dg_diag_warn(lr->diag, lr->name, lr->lineno, "%s%s: record skipped", e.msg,
                     has_nl || strncmp(e.msg, "malformed", 9) != 0
                         ? "" : " (a truncated last line?)");
        return DG_OK;
    }
    if (unknown[0]) {
        memcpy(lr->unknown, unknown, sizeof(unknown));
        dg_diag_warn(lr->diag, lr->name, lr->lineno, "unknown field \"%s\" ignored (a misspelt "
                     "name? later ones in this file are not reported)", unknown);
    }
    if (dg_meeting_list_push(lr->out, &m) < 0) {
        dg_meeting_destroy(&m);
        return dg_error_set(lr->err, DG_ENOMEM, "%s:%ld: out of memory", lr->name, lr->lineno);
    }
    return DG_OK;
}

int dg_meeting_read_buf(dg_meeting_list *out, const char *data, size_t len,
                        const char *name, dg_diag *diag, dg_error *err)
{
    line_reader lr;
    size_t pos = 0;
    int rc = DG_OK;

    memset(&lr, 0, sizeof(lr));
    lr.out = out;
    lr.name = name;
    lr.diag = diag;
    lr.err = err;
    while (pos < len && rc == DG_OK) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;

        lr.lineno++;
        rc = read_line(&lr, data + pos, end - pos, nl != NULL);
        pos = nl ? end + 1 : len;
    }
    return rc;
}

/* Reads the file in chunks, a line at a time: memory holds one line (up
 * to DG_MAX_JSON_LINE; a longer one is read past) and the records. */
int dg_meeting_read_file(dg_meeting_list *out, const char *path,
                         dg_diag *diag, dg_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    char chunk[65536];
    dg_buf line = DG_BUF_INIT;
    long long over = -1; /* bytes of a line past the cap, or -1 */
    line_reader lr;
    size_t n;
    int rc = DG_OK;

    if (!fp)
        return dg_error_set(err, DG_EIO, "%s: cannot open: %s", path, strerror(errno));
    memset(&lr, 0, sizeof(lr));
    lr.out = out;
    lr.name = is_stdin ? "<stdin>" : path;
    lr.diag = diag;
    lr.err = err;
    lr.lineno = 1;
    while (rc == DG_OK && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
        size_t pos = 0;
        while (pos < n && rc == DG_OK) {
            const char *nl = memchr(chunk + pos, '\n', n - pos);
            size_t end = nl ? (size_t)(nl - chunk) : n;
            if (over >= 0)
                over += (long long)(end - pos);
            else if (line.len + (end - pos) > DG_MAX_JSON_LINE)
                over = (long long)(line.len + (end - pos));
            else if (dg_buf_add(&line, chunk + pos, end - pos) < 0)
                rc = dg_error_set(err, DG_ENOMEM, "%s: out of memory", lr.name);
            if (over >= 0 && (nl || line.len)) {
                dg_buf_reset(&line);
            }
            if (nl && rc == DG_OK) {
                if (over >= 0)
                    dg_diag_warn(diag, lr.name, lr.lineno, "line of %lld bytes, longer than a "
                                 "meeting record can be (%u): record skipped", over,
                                 DG_MAX_JSON_LINE);
                else
                    rc = read_line(&lr, line.ptr ? line.ptr : "", line.len, 1);
                over = -1;
                dg_buf_reset(&line);
                lr.lineno++;
            }
            pos = nl ? end + 1 : n;
        }
    }
    if (rc == DG_OK && ferror(fp))
        rc = dg_error_set(err, DG_EIO, "%s: read error: %s", lr.name, strerror(errno));
    if (rc == DG_OK && over >= 0)
        dg_diag_warn(diag, lr.name, lr.lineno, "line of %lld bytes, longer than a meeting "
                     "record can be (%u): record skipped", over, DG_MAX_JSON_LINE);
    else if (rc == DG_OK && line.len)
        rc = read_line(&lr, line.ptr, line.len, 0);
    if (!is_stdin)
        fclose(fp);
    dg_buf_destroy(&line);
    return rc;
}

/* dg_meeting_cmp and dg_meeting_list_sort: meeting_order.c */
