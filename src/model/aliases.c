/* User aliases: loading the JSON file into an id table with union-find
 * over merges, and a name table; the resolver reads both (resolve.c).
 *
 * Every id written in the files gets a record, repeats included; records
 * with the same key are merged like a "merge" entry, so the root of a set
 * is always its earliest record, whose id names the merged person. */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>

#include "diplograph/aliases.h"
#include "diplograph/utf8.h"
#include "model/aliases_int.h"
#include "common.h"

/* An alias file is a few thousand entries; 64 MB is corrupt input. */
#define DG_MAX_ALIAS_FILE ((size_t)64 << 20)
/* Longest JSON path kept for a message ("aliases[12345].names[678]"). */
#define WHERE_MAX 96

dg_aliases *dg_aliases_new(void)
{
    return calloc(1, sizeof(dg_aliases));
}

static void truncate_to(dg_aliases *a, size_t n_ids, size_t n_names)
{
    while (a->n_ids > n_ids) {
        dg_alias_id *r = &a->ids[--a->n_ids];
        free(r->id);
        free(r->key);
        free(r->where);
    }
    while (a->n_names > n_names) {
        dg_alias_name *r = &a->names[--a->n_names];
        free(r->key);
        free(r->where);
    }
}

void dg_aliases_free(dg_aliases *a)
{
    if (!a)
        return;
    truncate_to(a, 0, 0);
    free(a->ids);
    free(a->names);
    free(a->by_key);
    dg_fold_free(a->fold);
    free(a);
}

size_t dg_aliases_count(const dg_aliases *a)
{
    return a ? a->entries : 0;
}

/* ---- keys ---- */

int dg_unknown_person(const char *id, char cc[3], const char **name)
{
    cc[0] = '\0';
    if (!id || strncmp(id, "person:", 7) != 0)
        return 0;
    id += 7;
    if (id[0] == ':' && id[1]) {
        *name = id + 1;
        return 1;
    }
    if (id[0] >= 'A' && id[0] <= 'Z' && id[1] >= 'A' && id[1] <= 'Z' && id[2] == ':' && id[3]) {
        cc[0] = id[0];
        cc[1] = id[1];
        cc[2] = '\0';
        *name = id + 3;
        return 1;
    }
    return 0;
}

int dg_name_key(dg_buf *out, const dg_fold *f, const char *name, size_t len)
{
    size_t start = out->len, i, j;
    int rc = dg_fold_append(f, out, name, len);

    if (rc < 0)
        return rc;
    for (i = j = start; i < out->len; i++) {
        unsigned char c = (unsigned char)out->ptr[i];
        if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '\'' || c == '"')
            continue;
        /* U+00B7 MIDDLE DOT, what folding makes of every name dot */
        if (c == 0xC2 && i + 1 < out->len && (unsigned char)out->ptr[i + 1] == 0xB7) {
            i++;
            continue;
        }
        out->ptr[j++] = out->ptr[i];
    }
    out->len = j;
    out->ptr[j] = '\0';
    return DG_OK;
}

int dg_party_key(dg_buf *out, const dg_fold *f, const char *id)
{
    char cc[3];
    const char *name;

    if (!dg_unknown_person(id, cc, &name))
        return dg_buf_adds(out, id);
    if (dg_buf_addf(out, "person:%s:", cc) < 0)
        return DG_ENOMEM;
    return dg_name_key(out, f, name, strlen(name));
}

/* ---- lookups ---- */

size_t dg_aliases_root(const dg_aliases *a, size_t i)
{
    while (a->ids[i].parent != i)
        i = a->ids[i].parent;
    return i;
}

size_t dg_aliases_find(const dg_aliases *a, const char *key)
{
    size_t lo = 0, hi = a->n_ids;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(a->ids[a->by_key[mid]].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->n_ids && strcmp(a->ids[a->by_key[lo]].key, key) == 0)
        return a->by_key[lo];
    return (size_t)-1;
}

static void unite(dg_aliases *a, size_t i, size_t j)
{
    size_t ri = dg_aliases_root(a, i), rj = dg_aliases_root(a, j);

    if (ri < rj)
        a->ids[rj].parent = ri;
    else if (rj < ri)
        a->ids[ri].parent = rj;
}

typedef struct {
    const char *key;
    size_t i;
} key_ref;

static int key_ref_cmp(const void *x, const void *y)
{
    const key_ref *p = x, *q = y;
    int c = strcmp(p->key, q->key);

    return c ? c : (p->i < q->i ? -1 : p->i > q->i);
}

/* Sorts the key index, unites records of one key, flattens the sets. */
static int index_ids(dg_aliases *a)
{
    size_t *idx = realloc(a->by_key, (a->n_ids ? a->n_ids : 1) * sizeof(size_t));
    key_ref *refs = malloc((a->n_ids ? a->n_ids : 1) * sizeof(key_ref));
    size_t i;

    if (idx)
        a->by_key = idx;
    if (!idx || !refs) {
        free(refs);
        return DG_ENOMEM;
    }
    for (i = 0; i < a->n_ids; i++) {
        refs[i].key = a->ids[i].key;
        refs[i].i = i;
    }
    dg_qsort(refs, a->n_ids, sizeof(key_ref), key_ref_cmp);
    for (i = 0; i < a->n_ids; i++)
        idx[i] = refs[i].i;
    free(refs);
    for (i = 1; i < a->n_ids; i++)
        if (strcmp(a->ids[idx[i - 1]].key, a->ids[idx[i]].key) == 0)
            unite(a, idx[i - 1], idx[i]);
    for (i = 0; i < a->n_ids; i++)
        a->ids[i].parent = dg_aliases_root(a, i);
    return DG_OK;
}

/* ---- loading ---- */

typedef struct {
    dg_aliases *a;
    const char *file;
    dg_error *err;
} lctx;

static int lfail(lctx *c, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int lfail(lctx *c, const char *where, const char *fmt, ...)
{
    char what[160];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    return dg_error_set(c->err, DG_EPARSE, "%s: %s: %s", c->file, where, what);
}

/* "FILE: aliases[2].names[0]": where a record came from */
static char *where_dup(const lctx *c, const char *where)
{
    dg_buf b = DG_BUF_INIT;

    if (dg_buf_addf(&b, "%s: %s", c->file, where) < 0) {
        dg_buf_destroy(&b);
        return NULL;
    }
    return dg_buf_detach(&b);
}

static int valid_string(const cJSON *v)
{
    size_t n;

    if (!cJSON_IsString(v) || !v->valuestring[0])
        return 0;
    n = strlen(v->valuestring);
    return dg_utf8_validate(v->valuestring, n) == n;
}

/* person:... or org:..., with something after the prefix; an unknown
 * person's country is two capitals or empty */
static int valid_id(const char *s)
{
    char cc[3];
    const char *name;

    if (strncmp(s, "org:", 4) == 0)
        return s[4] != '\0';
    if (strncmp(s, "person:", 7) != 0 || !s[7])
        return 0;
    if (dg_unknown_person(s, cc, &name))
        return 1;
    /* person:ph:x or person:P:x would read as a mistyped unknown */
    return strchr(s + 7, ':') == NULL;
}

static int add_id(lctx *c, size_t *out, const cJSON *v, const char *where)
{
    dg_aliases *a = c->a;
    dg_buf key = DG_BUF_INIT;
    dg_alias_id *r;
    void *p = a->ids;

    if (!valid_string(v))
        return lfail(c, where, "expected a non-empty string");
    if (!valid_id(v->valuestring))
        return lfail(c, where, "'%s' is not a person or organisation id "
                     "(person:ID, person:XX:NAME, person::NAME, org:ID)", v->valuestring);
    if (dg_grow_array(&p, &a->cap_ids, a->n_ids + 1, sizeof(dg_alias_id)) < 0)
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    a->ids = p;
    if (dg_party_key(&key, a->fold, v->valuestring) < 0) {
        dg_buf_destroy(&key);
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    }
    r = &a->ids[a->n_ids];
    r->id = dg_strdup0(v->valuestring);
    r->key = dg_buf_detach(&key);
    r->where = where_dup(c, where);
    r->parent = a->n_ids;
    if (!r->id || !r->key || !r->where) {
        free(r->id);
        free(r->key);
        free(r->where);
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    }
    *out = a->n_ids++;
    return DG_OK;
}

static int add_name(lctx *c, const cJSON *v, const char *cc, size_t id, const char *where)
{
    dg_aliases *a = c->a;
    dg_buf key = DG_BUF_INIT;
    dg_alias_name *r;
    void *p = a->names;

    if (!valid_string(v))
        return lfail(c, where, "expected a non-empty string");
    if (dg_name_key(&key, a->fold, v->valuestring, strlen(v->valuestring)) < 0) {
        dg_buf_destroy(&key);
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    }
    if (key.len == 0) {
        dg_buf_destroy(&key);
        return lfail(c, where, "'%s' is no name (nothing left after folding)", v->valuestring);
    }
    if (dg_grow_array(&p, &a->cap_names, a->n_names + 1, sizeof(dg_alias_name)) < 0) {
        dg_buf_destroy(&key);
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    }
    a->names = p;
    r = &a->names[a->n_names];
    r->key = dg_buf_detach(&key);
    r->where = where_dup(c, where);
    memcpy(r->country, cc, 3);
    r->id = id;
    if (!r->key || !r->where) {
        free(r->key);
        free(r->where);
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    }
    a->n_names++;
    return DG_OK;
}

static int load_entry(lctx *c, const cJSON *e, size_t i)
{
    char where[WHERE_MAX], sub[WHERE_MAX + 32];
    const cJSON *k, *id = NULL, *names = NULL, *country = NULL, *merge = NULL, *v;
    char cc[3] = "";
    size_t first = 0, idx, j;
    int rc;

    snprintf(where, sizeof(where), "aliases[%zu]", i);
    if (!cJSON_IsObject(e))
        return lfail(c, where, "expected an object");
    for (k = e->child; k; k = k->next) {
        const cJSON **slot = strcmp(k->string, "id") == 0        ? &id
                             : strcmp(k->string, "names") == 0   ? &names
                             : strcmp(k->string, "country") == 0 ? &country
                             : strcmp(k->string, "merge") == 0   ? &merge
                                                                  : NULL;
        if (strcmp(k->string, "comment") == 0)
            continue;
        if (!slot) {
            snprintf(sub, sizeof(sub), "%s.%s", where, k->string);
            return lfail(c, sub, "unknown key (id, names, country, merge or comment)");
        }
        if (*slot) {
            snprintf(sub, sizeof(sub), "%s.%s", where, k->string);
            return lfail(c, sub, "given twice");
        }
        *slot = k;
    }
    if (merge) {
        snprintf(sub, sizeof(sub), "%s.merge", where);
        if (id || names || country)
            return lfail(c, where, "an entry gives either id and names, or merge");
        if (!cJSON_IsArray(merge) || cJSON_GetArraySize(merge) < 2)
            return lfail(c, sub, "expected an array of two or more ids");
        j = 0;
        cJSON_ArrayForEach(v, merge) {
            snprintf(sub, sizeof(sub), "%s.merge[%zu]", where, j);
            if ((rc = add_id(c, &idx, v, sub)) < 0)
                return rc;
            if (j++ == 0)
                first = idx;
            else
                unite(c->a, first, idx);
        }
        return DG_OK;
    }
    if (!id)
        return lfail(c, where, "expected \"id\" and \"names\", or \"merge\"");
    snprintf(sub, sizeof(sub), "%s.id", where);
    if ((rc = add_id(c, &idx, id, sub)) < 0)
        return rc;
    if (country && !cJSON_IsNull(country)) {
        const char *s = cJSON_IsString(country) ? country->valuestring : "";
        snprintf(sub, sizeof(sub), "%s.country", where);
        if (strlen(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
            return lfail(c, sub, "expected a two-letter country code (PH)");
        memcpy(cc, s, 3);
    } else {
        const char *name;
        dg_unknown_person(id->valuestring, cc, &name);
    }
    snprintf(sub, sizeof(sub), "%s.names", where);
    if (!cJSON_IsArray(names) || !names->child)
        return lfail(c, sub, "expected an array of names");
    j = 0;
    cJSON_ArrayForEach(v, names) {
        snprintf(sub, sizeof(sub), "%s.names[%zu]", where, j++);
        if ((rc = add_name(c, v, cc, idx, sub)) < 0)
            return rc;
    }
    return DG_OK;
}

static int load_root(lctx *c, const cJSON *root)
{
    const cJSON *k, *list = NULL, *e;
    size_t i = 0;
    int rc;

    if (!cJSON_IsObject(root))
        return dg_error_set(c->err, DG_EPARSE, "%s: expected a JSON object at the top", c->file);
    for (k = root->child; k; k = k->next) {
        if (strcmp(k->string, "aliases") == 0 && !list)
            list = k;
        else if (strcmp(k->string, "comment") != 0)
            return lfail(c, k->string, "unknown key (aliases or comment)");
    }
    if (!cJSON_IsArray(list))
        return lfail(c, "aliases", "%s", list ? "expected an array" : "missing");
    cJSON_ArrayForEach(e, list) {
        if ((rc = load_entry(c, e, i++)) < 0)
            return rc;
        c->a->entries++;
    }
    return DG_OK;
}

int dg_aliases_load_buf(dg_aliases *a, const char *data, size_t len, const char *name,
                        dg_error *err)
{
    lctx c = { a, name, err };
    size_t n_ids = a->n_ids, n_names = a->n_names, entries = a->entries, i;
    size_t *parents = NULL;
    const char *end = NULL;
    cJSON *root;
    int rc;

    if (memchr(data, '\0', len))
        return dg_error_set(err, DG_EPARSE, "%s: NUL byte in JSON", name);
    if (dg_utf8_validate(data, len) != len)
        return dg_error_set(err, DG_EPARSE, "%s: invalid UTF-8 at byte %zu", name,
                            dg_utf8_validate(data, len) + 1);
    if (!a->fold && !(a->fold = dg_fold_new()))
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
    if (root) {
        while (end && end < data + len && (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
            end++;
        if (end && end != data + len) {
            cJSON_Delete(root);
            root = NULL;
        }
    } else {
        const char *ep = cJSON_GetErrorPtr();
        end = ep && ep >= data && ep <= data + len ? ep : data;
    }
    if (!root) {
        long line = 1;
        const char *p;
        for (p = data; end && p < end; p++)
            line += *p == '\n';
        return dg_error_set(err, DG_EPARSE, "%s:%ld: malformed JSON", name, line);
    }
    /* the sets as they were, to undo this file's merges on error */
    parents = malloc((n_ids ? n_ids : 1) * sizeof(size_t));
    if (!parents) {
        cJSON_Delete(root);
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    for (i = 0; i < n_ids; i++)
        parents[i] = a->ids[i].parent;
    rc = load_root(&c, root);
    cJSON_Delete(root);
    if (rc == DG_OK && (rc = index_ids(a)) < 0)
        dg_error_set(err, rc, "out of memory");
    if (rc < 0) {
        truncate_to(a, n_ids, n_names);
        a->entries = entries;
        for (i = 0; i < n_ids; i++)
            a->ids[i].parent = parents[i];
        if (index_ids(a) < 0 && rc == DG_OK)
            rc = dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    free(parents);
    return rc;
}

int dg_aliases_load_file(dg_aliases *a, const char *path, dg_error *err)
{
    dg_buf b = DG_BUF_INIT;
    int rc = dg_buf_read_file(&b, path, DG_MAX_ALIAS_FILE, err);

    if (rc == DG_OK)
        rc = dg_aliases_load_buf(a, dg_buf_cstr(&b), b.len, path, err);
    dg_buf_destroy(&b);
    return rc;
}
