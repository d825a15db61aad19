/* The meeting record: memory form, JSON Lines form (cJSON), order. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>

#include "diplograph/meeting.h"
#include "diplograph/utf8.h"
#include "model/meeting_int.h"
#include "common.h"

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

/* Party ids on the stack up to this many parties (almost every meeting),
 * so the reader computes ids without a malloc per record. */
#define ID_STACK_PARTIES 16

int dg_meeting_compute_id(dg_meeting *m)
{
    static const char hex[] = "0123456789abcdef";
    uint64_t h = 0xcbf29ce484222325ULL;
    const char *stack[ID_STACK_PARTIES];
    const char **ids = stack;
    char *out;
    size_t i, j;

    if (m->n_parties > ID_STACK_PARTIES) {
        ids = malloc(m->n_parties * sizeof(*ids));
        if (!ids)
            return DG_ENOMEM;
    }
    for (i = 0; i < m->n_parties; i++)
        ids[i] = m->parties[i].id;
    if (ids == stack) {
        for (i = 1; i < m->n_parties; i++) /* insertion sort: a few ids */
            for (j = i; j > 0 && dg_strcmp0(ids[j - 1], ids[j]) > 0; j--) {
                const char *t = ids[j];
                ids[j] = ids[j - 1];
                ids[j - 1] = t;
            }
    } else {
        qsort(ids, m->n_parties, sizeof(*ids), cmp_cstr_ptr);
    }
    h = fnv1a(h, m->date);
    h = fnv1a(h, dg_kind_name(m->kind));
    for (i = 0; i < m->n_parties; i++)
        h = fnv1a(h, ids[i]);
    if (ids != stack)
        free(ids);
    out = malloc(19); /* "m-" and 16 hex digits */
    if (!out)
        return DG_ENOMEM;
    out[0] = 'm';
    out[1] = '-';
    for (i = 0; i < 16; i++)
        out[2 + i] = hex[(h >> (60 - 4 * i)) & 0xf];
    out[18] = '\0';
    free(m->id);
    m->id = out;
    return DG_OK;
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

int dg_meeting_write_json(dg_buf *out, const dg_meeting *m)
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

/* ---- reading ---- */

typedef struct {
    dg_error *err;
    const char *path; /* JSON path prefix for messages */
    long index;       /* >= 0: the prefix is "path[index]" */
} jctx;

static int jfail(jctx *c, const char *key, const char *what)
{
    char path[64];

    /* the path is formatted only here: the reader's hot path never does */
    if (c->index >= 0)
        snprintf(path, sizeof(path), "%s[%ld]", c->path, c->index);
    else
        snprintf(path, sizeof(path), "%s", c->path);
    return dg_error_set(c->err, DG_EPARSE, "%s%s%s: %s", path,
                        (path[0] && key[0] != '[') ? "." : "", key, what);
}

/* cJSON_GetObjectItemCaseSensitive (the first member of that name),
 * comparing first bytes before calling strcmp: most keys differ there. */
static const cJSON *jget(const cJSON *o, const char *key)
{
    const cJSON *c;

    if (!o || (!cJSON_IsObject(o) && !cJSON_IsArray(o)))
        return NULL;
    for (c = o->child; c; c = c->next)
        if (c->string && c->string[0] == key[0] && strcmp(c->string, key) == 0)
            return c;
    return NULL;
}

/* Optional string: absent or null -> NULL. */
static int get_str(char **out, const cJSON *o, const char *key, jctx *c)
{
    const cJSON *v = jget(o, key);
    size_t n;

    *out = NULL;
    if (!v || cJSON_IsNull(v))
        return DG_OK;
    if (!cJSON_IsString(v))
        return jfail(c, key, "expected a string or null");
    n = strlen(v->valuestring);
    if (dg_utf8_validate(v->valuestring, n) != n)
        return jfail(c, key, "invalid UTF-8");
    *out = dg_strndup(v->valuestring, n);
    return *out ? DG_OK : dg_error_set(c->err, DG_ENOMEM, "out of memory");
}

static int get_long(long long *out, const cJSON *o, const char *key, int required,
                    jctx *c)
{
    const cJSON *v = jget(o, key);

    if (!v || cJSON_IsNull(v)) {
        if (required)
            return jfail(c, key, "missing");
        *out = 0;
        return DG_OK;
    }
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
        v->valuedouble != floor(v->valuedouble) || fabs(v->valuedouble) > 9e15)
        return jfail(c, key, "expected an integer");
    *out = (long long)v->valuedouble;
    return DG_OK;
}

static int get_country(char out[3], const cJSON *o, const char *key, jctx *c)
{
    const cJSON *v = jget(o, key);

    out[0] = '\0';
    if (!v || cJSON_IsNull(v))
        return DG_OK;
    if (!cJSON_IsString(v) || strlen(v->valuestring) != 2 ||
        !(v->valuestring[0] >= 'A' && v->valuestring[0] <= 'Z') ||
        !(v->valuestring[1] >= 'A' && v->valuestring[1] <= 'Z'))
        return jfail(c, key, "expected a two-letter country code");
    memcpy(out, v->valuestring, 3);
    return DG_OK;
}

static int parse_source(dg_source *s, const cJSON *o, jctx *c)
{
    long long v;
    int rc;

    memset(s, 0, sizeof(*s));
    if (!cJSON_IsObject(o))
        return jfail(c, "", "expected an object");
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

static int parse_party(dg_party *p, const cJSON *o, jctx *c)
{
    char *s = NULL;
    const cJSON *inf;
    int rc;

    memset(p, 0, sizeof(*p));
    if (!cJSON_IsObject(o))
        return jfail(c, "", "expected an object");
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
    inf = jget(o, "inferred");
    if (inf && !cJSON_IsBool(inf) && !cJSON_IsNull(inf))
        return jfail(c, "inferred", "expected true or false");
    p->inferred = cJSON_IsTrue(inf);
    return DG_OK;
}

static int parse_meeting(dg_meeting *m, const cJSON *o, dg_error *err)
{
    jctx c = { err, "", -1 };
    const cJSON *v, *arr, *item;
    char *s = NULL;
    long long n;
    int rc;

    if (!cJSON_IsObject(o))
        return dg_error_set(err, DG_EPARSE, "expected a JSON object");
    if ((rc = get_long(&n, o, "v", 0, &c)) < 0)
        return rc;
    if (n > 1)
        return dg_error_set(err, DG_EPARSE, "v: record version %lld is newer than this diplograph reads (1)", n);
    if ((rc = get_str(&m->id, o, "id", &c)) < 0)
        return rc;
    if ((rc = get_str(&s, o, "kind", &c)) < 0)
        return rc;
    if (!s) {
        return jfail(&c, "kind", "missing");
    }
    if (dg_kind_parse(&m->kind, s) < 0) {
        free(s);
        return jfail(&c, "kind", "unknown meeting kind");
    }
    free(s);
    if ((rc = get_str(&m->date, o, "date", &c)) < 0)
        return rc;
    v = jget(o, "place");
    if (v && !cJSON_IsNull(v)) {
        jctx pc = { err, "place", -1 };
        if (!cJSON_IsObject(v))
            return jfail(&c, "place", "expected an object or null");
        if ((rc = get_str(&m->place_name, v, "name", &pc)) < 0 ||
            (rc = get_str(&m->place_name_zh, v, "name_zh", &pc)) < 0 ||
            (rc = get_country(m->place_country, v, "country", &pc)) < 0)
            return rc;
    }
    if ((rc = get_str(&m->group, o, "group", &c)) < 0)
        return rc;
    arr = jget(o, "parties");
    if (!cJSON_IsArray(arr))
        return jfail(&c, "parties", "expected an array");
    m->parties = calloc(arr->child ? (size_t)cJSON_GetArraySize(arr) : 1, sizeof(dg_party));
    if (!m->parties)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    cJSON_ArrayForEach(item, arr) {
        jctx pc = { err, "parties", (long)m->n_parties };
        rc = parse_party(&m->parties[m->n_parties], item, &pc);
        m->n_parties++;
        if (rc < 0)
            return rc;
    }
    arr = jget(o, "sources");
    if (arr && !cJSON_IsNull(arr)) {
        if (!cJSON_IsArray(arr))
            return jfail(&c, "sources", "expected an array");
        m->sources = calloc(arr->child ? (size_t)cJSON_GetArraySize(arr) : 1, sizeof(dg_source));
        if (!m->sources)
            return dg_error_set(err, DG_ENOMEM, "out of memory");
        cJSON_ArrayForEach(item, arr) {
            jctx sc = { err, "sources", (long)m->n_sources };
            rc = parse_source(&m->sources[m->n_sources], item, &sc);
            m->n_sources++;
            if (rc < 0)
                return rc;
        }
        if ((rc = get_long(&n, o, "mentions", 0, &c)) < 0)
            return rc;
        m->mentions = n > 0 ? (long)n : (long)m->n_sources;
        if (m->mentions <= 0)
            m->mentions = 1;
    } else {
        v = jget(o, "source");
        if (v && !cJSON_IsNull(v)) {
            jctx sc = { err, "source", -1 };
            m->sources = calloc(1, sizeof(dg_source));
            if (!m->sources)
                return dg_error_set(err, DG_ENOMEM, "out of memory");
            m->n_sources = 1;
            if ((rc = parse_source(&m->sources[0], v, &sc)) < 0)
                return rc;
        }
    }
    if ((rc = get_str(&m->evidence, o, "evidence", &c)) < 0)
        return rc;
    v = jget(o, "confidence");
    if (v && !cJSON_IsNull(v)) {
        if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
            return jfail(&c, "confidence", "expected a number");
        m->confidence = v->valuedouble;
    }
    if (!m->id && (rc = dg_meeting_compute_id(m)) < 0)
        return dg_error_set(err, rc, "out of memory");
    return DG_OK;
}

int dg_meeting_parse_cjson(dg_meeting *m, const char *line, size_t len, dg_error *err)
{
    const char *end = NULL;
    cJSON *o;
    int rc;

    dg_meeting_init(m);
    /* parsed in place, bounded by len (no copy to NUL-terminate); what
     * follows the value may only be white space (as cJSON skips it) */
    o = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!o) {
        size_t at = end && end >= line ? (size_t)(end - line) : 0;
        const char *ep = cJSON_GetErrorPtr();
        if (ep && ep >= line && ep <= line + len)
            at = (size_t)(ep - line);
        return dg_error_set(err, DG_EPARSE, "malformed JSON at byte %zu", at + 1);
    }
    while (end && end < line + len && (unsigned char)*end <= 32)
        end++;
    if (end && end != line + len) {
        cJSON_Delete(o);
        return dg_error_set(err, DG_EPARSE, "malformed JSON at byte %zu",
                            (size_t)(end - line) + 1);
    }
    rc = parse_meeting(m, o, err);
    cJSON_Delete(o);
    if (rc < 0)
        dg_meeting_destroy(m);
    return rc;
}

int dg_meeting_parse_json(dg_meeting *m, const char *line, size_t len,
                          dg_error *err)
{
    int rc;

    dg_meeting_init(m);
    if (len > DG_MAX_JSON_LINE)
        return dg_error_set(err, DG_EPARSE, "line longer than %u bytes",
                            DG_MAX_JSON_LINE);
    /* strings are NUL-terminated after parsing; a NUL inside is an error */
    if (memchr(line, '\0', len))
        return dg_error_set(err, DG_EPARSE, "NUL byte in JSON line");
    /* the usual form directly; anything else through cJSON */
    rc = dg_meeting_scan(m, line, len);
    if (rc > 0)
        return DG_OK;
    if (rc < 0)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    return dg_meeting_parse_cjson(m, line, len, err);
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

/* One line of a meeting file: parsed and appended to out, or reported
 * through diag and skipped. last: the file ended without a newline. */
static int read_line(dg_meeting_list *out, const char *data, size_t len, const char *name,
                     long lineno, int last, dg_diag *diag, dg_error *err)
{
    size_t a = 0, b = len;
    dg_meeting m;
    dg_error e = DG_ERROR_INIT;

    while (a < b && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r'))
        a++;
    while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
        b--;
    if (a == b)
        return DG_OK;
    if (dg_meeting_parse_json(&m, data + a, b - a, &e) < 0) {
        if (e.code == DG_ENOMEM)
            return dg_error_set(err, DG_ENOMEM, "%s:%ld: out of memory", name, lineno);
        dg_diag_warn(diag, name, lineno, "%s%s", e.msg, last ? " (truncated last line?)" : "");
        return DG_OK;
    }
    if (dg_meeting_list_push(out, &m) < 0) {
        dg_meeting_destroy(&m);
        return dg_error_set(err, DG_ENOMEM, "%s:%ld: out of memory", name, lineno);
    }
    return DG_OK;
}

int dg_meeting_read_buf(dg_meeting_list *out, const char *data, size_t len,
                        const char *name, dg_diag *diag, dg_error *err)
{
    size_t pos = 0;
    long lineno = 0;
    int rc;

    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;

        lineno++;
        rc = read_line(out, data + pos, end - pos, name, lineno, !nl, diag, err);
        if (rc < 0)
            return rc;
        pos = nl ? end + 1 : len;
    }
    return DG_OK;
}

/* Meeting files are read in chunks of this size, never whole: a file of a
 * million meetings (500 MB) costs its records, not its bytes as well. */
#define DG_MEETING_READ_CHUNK (1u << 20)

int dg_meeting_read_file(dg_meeting_list *out, const char *path,
                         dg_diag *diag, dg_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    dg_buf pending = DG_BUF_INIT; /* the unfinished line of the last chunk */
    char *chunk = NULL;
    long lineno = 0;
    int rc = DG_OK, too_long = 0;
    size_t n;

    if (!fp)
        return dg_error_set(err, DG_EIO, "%s: cannot open: %s", path, strerror(errno));
    chunk = malloc(DG_MEETING_READ_CHUNK);
    if (!chunk) {
        rc = dg_error_set(err, DG_ENOMEM, "%s: out of memory", path);
        goto out;
    }
    while (rc == DG_OK && (n = fread(chunk, 1, DG_MEETING_READ_CHUNK, fp)) > 0) {
        size_t pos = 0;
        while (rc == DG_OK && pos < n) {
            const char *nl = memchr(chunk + pos, '\n', n - pos);
            size_t end = nl ? (size_t)(nl - chunk) : n;
            if (!nl) {
                /* the line goes on in the next chunk; a line past the cap
                 * is not kept, only reported where it ends */
                if (!too_long && pending.len + (end - pos) > DG_MAX_JSON_LINE) {
                    too_long = 1;
                    dg_buf_reset(&pending);
                }
                if (!too_long && dg_buf_add(&pending, chunk + pos, end - pos) < 0)
                    rc = dg_error_set(err, DG_ENOMEM, "%s: out of memory", path);
                break;
            }
            lineno++;
            if (too_long || pending.len + (end - pos) > DG_MAX_JSON_LINE) {
                dg_diag_warn(diag, name, lineno, "line longer than %u bytes", DG_MAX_JSON_LINE);
                too_long = 0;
                dg_buf_reset(&pending);
            } else if (pending.len) {
                if (dg_buf_add(&pending, chunk + pos, end - pos) < 0)
                    rc = dg_error_set(err, DG_ENOMEM, "%s: out of memory", path);
                else
                    rc = read_line(out, pending.ptr, pending.len, name, lineno, 0, diag, err);
                dg_buf_reset(&pending);
            } else {
                rc = read_line(out, chunk + pos, end - pos, name, lineno, 0, diag, err);
            }
            pos = end + 1;
        }
    }
    if (rc == DG_OK && ferror(fp))
        rc = dg_error_set(err, DG_EIO, "%s: read error: %s", path, strerror(errno));
    if (rc == DG_OK && (pending.len || too_long)) {
        lineno++;
        if (too_long)
            dg_diag_warn(diag, name, lineno, "line longer than %u bytes (truncated last line?)",
                         DG_MAX_JSON_LINE);
        else
            rc = read_line(out, pending.ptr, pending.len, name, lineno, 1, diag, err);
    }
out:
    if (!is_stdin)
        fclose(fp);
    free(chunk);
    dg_buf_destroy(&pending);
    return rc;
}
