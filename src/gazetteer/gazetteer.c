/* The gazetteer: loading the JSON files, lookups, and the matcher over
 * every form of every entry. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>

#include "diplograph/buf.h"
#include "diplograph/utf8.h"
#include "gazetteer/gazetteer_int.h"
#include "common.h"
#include "text/jsonscan.h"

/* A gazetteer file is a few MB at most; refuse anything absurd. */
#define DG_MAX_GAZETTEER_FILE ((size_t)256 << 20)

typedef struct {
    dg_country pub;
    gaz_forms forms;
    char *abbr_zh;
} country_rec;

typedef struct {
    dg_title pub;
    gaz_forms forms;
} title_rec;

typedef struct {
    dg_place pub;
    gaz_forms forms;
} place_rec;

typedef struct {
    dg_group pub;
    gaz_forms forms;
} group_rec;

typedef struct {
    dg_official pub;
    gaz_forms forms;
} official_rec;

typedef struct {
    uint32_t first_ref, n_refs;
    int acronym; /* matches only when upper case in the original */
    int spelled; /* some form with lower case folds here too (China-CEEC
                  * beside the id CHINA-CEEC): no acronym then */
} form_info;

typedef struct {
    char *text; /* folded */
    size_t len;
    long country;
} abbr_rec;

struct dg_gazetteer {
    dg_fold *fold;
    country_rec *countries;
    size_t n_countries, cap_countries;
    title_rec *titles;
    size_t n_titles, cap_titles;
    place_rec *places;
    size_t n_places, cap_places;
    group_rec *groups;
    size_t n_groups, cap_groups;
    official_rec *officials;
    size_t n_officials, cap_officials;
    /* compiled */
    /* country index + 1 by the two letters of an upper-case code, 0 for
     * none; valid while n_countries is by_code_n */
    int16_t by_code[26 * 26];
    size_t by_code_n;
    dg_matcher *matcher;
    form_info *form_info;
    size_t n_form_info;
    dg_gaz_ref *refs;
    size_t n_refs, cap_refs;
    abbr_rec *abbrs;
    size_t n_abbrs;
    gaz_forms triggers;
    dg_matcher *prescan;
    /* every official's forms, folded and sorted, for lookups by name */
    struct name_entry { char *folded; uint32_t official; } *names;
    size_t n_names;
    /* the files loaded, in order; each form and entry names its own */
    char **files;
    size_t n_files, cap_files;
    /* per ref (compiled): the form as written and its file, for messages */
    const char **ref_text;
    uint32_t *ref_file;
};

/* No file: the extractors' trigger words. */
#define GAZ_NO_FILE UINT32_MAX

static void forms_destroy(gaz_forms *f)
{
    size_t i;
    for (i = 0; i < f->n; i++)
        free(f->forms[i].text);
    free(f->forms);
    memset(f, 0, sizeof(*f));
}

static int forms_add(gaz_forms *f, const char *s, dg_entity_type type, uint32_t file)
{
    size_t i;
    void *p;

    if (!s || !*s)
        return DG_OK;
    for (i = 0; i < f->n; i++)
        if (f->forms[i].type == type && strcmp(f->forms[i].text, s) == 0)
            return DG_OK;
    p = f->forms;
    if (dg_grow_array(&p, &f->cap, f->n + 1, sizeof(gaz_form)) < 0)
        return DG_ENOMEM;
    f->forms = p;
    f->forms[f->n].text = dg_strdup0(s);
    if (!f->forms[f->n].text)
        return DG_ENOMEM;
    f->forms[f->n].type = type;
    f->forms[f->n].file = file;
    f->n++;
    return DG_OK;
}

dg_gazetteer *dg_gazetteer_new(void)
{
    dg_gazetteer *g = calloc(1, sizeof(*g));

    if (!g)
        return NULL;
    g->fold = dg_fold_new();
    if (!g->fold) {
        free(g);
        return NULL;
    }
    return g;
}

static void free_compiled(dg_gazetteer *g)
{
    size_t i;

    dg_matcher_free(g->matcher);
    g->matcher = NULL;
    free(g->form_info);
    g->form_info = NULL;
    g->n_form_info = 0;
    free(g->refs);
    g->refs = NULL;
    g->n_refs = g->cap_refs = 0;
    free(g->ref_text);
    g->ref_text = NULL;
    free(g->ref_file);
    g->ref_file = NULL;
    for (i = 0; i < g->n_abbrs; i++)
        free(g->abbrs[i].text);
    free(g->abbrs);
    g->abbrs = NULL;
    g->n_abbrs = 0;
    for (i = 0; i < g->n_names; i++)
        free(g->names[i].folded);
    free(g->names);
    g->names = NULL;
    g->n_names = 0;
}

void dg_gazetteer_free(dg_gazetteer *g)
{
    size_t i, j;

    if (!g)
        return;
    free_compiled(g);
    for (i = 0; i < g->n_countries; i++) {
        free(g->countries[i].pub.name_en);
        free(g->countries[i].pub.name_zh);
        free(g->countries[i].pub.region);
        free(g->countries[i].abbr_zh);
        forms_destroy(&g->countries[i].forms);
    }
    free(g->countries);
    for (i = 0; i < g->n_titles; i++) {
        free(g->titles[i].pub.id);
        free(g->titles[i].pub.en);
        free(g->titles[i].pub.zh);
        forms_destroy(&g->titles[i].forms);
    }
    free(g->titles);
    for (i = 0; i < g->n_places; i++) {
        free(g->places[i].pub.id);
        free(g->places[i].pub.name_en);
        free(g->places[i].pub.name_zh);
        free(g->places[i].pub.city_en);
        forms_destroy(&g->places[i].forms);
    }
    free(g->places);
    for (i = 0; i < g->n_groups; i++) {
        free(g->groups[i].pub.id);
        free(g->groups[i].pub.name_en);
        free(g->groups[i].pub.name_zh);
        free(g->groups[i].pub.members);
        forms_destroy(&g->groups[i].forms);
    }
    free(g->groups);
    for (i = 0; i < g->n_officials; i++) {
        dg_official *o = &g->officials[i].pub;
        free(o->id);
        free(o->name_en);
        free(o->name_zh);
        for (j = 0; j < o->n_offices; j++) {
            free(o->offices[j].title_en);
            free(o->offices[j].title_zh);
        }
        free(o->offices);
        forms_destroy(&g->officials[i].forms);
    }
    free(g->officials);
    forms_destroy(&g->triggers);
    for (i = 0; i < g->n_files; i++)
        free(g->files[i]);
    free(g->files);
    dg_matcher_free(g->prescan);
    dg_fold_free(g->fold);
    free(g);
}

/* ---- loading ---- */

typedef struct {
    const char *file;
    uint32_t file_index;
    char path[160];
    dg_error *err;
} lctx;

static int lfail(lctx *c, const char *key, const char *what)
{
    return dg_error_set(c->err, DG_EPARSE, "%s: %s%s%s: %s", c->file, c->path,
                        key[0] && c->path[0] ? "." : "", key, what);
}

static int lfail_kind(lctx *c, const char *key, const char *want, const cJSON *v)
{
    char what[96];

    snprintf(what, sizeof(what), "expected %s, not %s", want, dg_json_kind(v));
    return lfail(c, key, what);
}

/* The member key of o, NULL when absent or null; DG_EPARSE when the key
 * is given twice (which one would win is a guess). */
static int lget(const cJSON **out, const cJSON *o, const char *key, lctx *c)
{
    int dups;
    const cJSON *v = dg_json_get(o, key, &dups);

    *out = NULL;
    if (dups)
        return lfail(c, key, "given twice (keep one)");
    if (v && !cJSON_IsNull(v))
        *out = v;
    return DG_OK;
}

/* Replaces *dst with the string at key when present (absent keeps it). */
static int take_str(char **dst, const cJSON *o, const char *key, int required,
                    lctx *c)
{
    const cJSON *v;
    char *s;
    int rc = lget(&v, o, key, c);

    if (rc < 0)
        return rc;
    if (!v) {
        if (required && !*dst)
            return lfail(c, key, "missing");
        return DG_OK;
    }
    if (!cJSON_IsString(v))
        return lfail_kind(c, key, "a string", v);
    if (dg_utf8_validate(v->valuestring, strlen(v->valuestring)) !=
        strlen(v->valuestring))
        return lfail(c, key, "invalid UTF-8");
    s = dg_strdup0(v->valuestring);
    if (!s)
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    free(*dst);
    *dst = s;
    return DG_OK;
}

static int take_code(char *dst, size_t n, const cJSON *o, const char *key,
                     int required, lctx *c)
{
    const cJSON *v;
    size_t i, len;
    int rc = lget(&v, o, key, c);

    if (rc < 0)
        return rc;
    if (!v) {
        if (required && !dst[0])
            return lfail(c, key, "missing");
        return DG_OK;
    }
    if (!cJSON_IsString(v))
        return lfail_kind(c, key, "a string", v);
    len = strlen(v->valuestring);
    if (len != n)
        return lfail(c, key, n == 2 ? "expected a two-letter code" : "expected a three-letter code");
    for (i = 0; i < n; i++)
        if (v->valuestring[i] < 'A' || v->valuestring[i] > 'Z')
            return lfail(c, key, "expected upper-case letters");
    memcpy(dst, v->valuestring, n + 1);
    return DG_OK;
}

static int take_date(char dst[11], const cJSON *o, const char *key, lctx *c)
{
    const cJSON *v;
    size_t len, i;
    int rc = lget(&v, o, key, c);

    if (rc < 0 || !v)
        return rc;
    if (!cJSON_IsString(v))
        return lfail_kind(c, key, "a date string", v);
    len = strlen(v->valuestring);
    if (len != 4 && len != 7 && len != 10)
        return lfail(c, key, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    for (i = 0; i < len; i++) {
        char ch = v->valuestring[i];
        if ((i == 4 || i == 7) ? ch != '-' : (ch < '0' || ch > '9'))
            return lfail(c, key, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    memcpy(dst, v->valuestring, len + 1);
    return DG_OK;
}

/* Adds each string of the array at key to forms. */
static int take_forms(gaz_forms *f, const cJSON *o, const char *key,
                      dg_entity_type type, lctx *c)
{
    const cJSON *arr, *it;
    size_t i = 0;
    int rc = lget(&arr, o, key, c);

    if (rc < 0 || !arr)
        return rc;
    if (cJSON_IsString(arr))
        return forms_add(f, arr->valuestring, type, c->file_index);
    if (!cJSON_IsArray(arr))
        return lfail_kind(c, key, "an array of strings", arr);
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it)) {
            char k[64];
            snprintf(k, sizeof(k), "%s[%zu]", key, i);
            return lfail_kind(c, k, "a string", it);
        }
        if (dg_utf8_validate(it->valuestring, strlen(it->valuestring)) !=
            strlen(it->valuestring)) {
            char k[64];
            snprintf(k, sizeof(k), "%s[%zu]", key, i);
            return lfail(c, k, "invalid UTF-8");
        }
        if (forms_add(f, it->valuestring, type, c->file_index) < 0)
            return dg_error_set(c->err, DG_ENOMEM, "out of memory");
        i++;
    }
    return DG_OK;
}

#define FIND_OR_ADD(arr, n, cap, keyexpr, key, out)                         \
    do {                                                                    \
        size_t i_;                                                          \
        void *p_;                                                           \
        (out) = NULL;                                                       \
        for (i_ = 0; i_ < (n); i_++)                                        \
            if (strcmp((arr)[i_].keyexpr, (key)) == 0) {                    \
                (out) = &(arr)[i_];                                         \
                break;                                                      \
            }                                                               \
        if (!(out)) {                                                       \
            p_ = (arr);                                                     \
            if (dg_grow_array(&p_, &(cap), (n) + 1, sizeof(*(arr))) < 0)    \
                return dg_error_set(c->err, DG_ENOMEM, "out of memory");    \
            (arr) = p_;                                                     \
            (out) = &(arr)[(n)++];                                          \
            memset((out), 0, sizeof(*(out)));                               \
        }                                                                   \
    } while (0)

/* The string at key, the entry's key or rank: NULL when absent; an error
 * when it is given twice or is not a string. */
static int get_key(const char **out, const cJSON *o, const char *key, lctx *c)
{
    const cJSON *v;
    int rc = lget(&v, o, key, c);

    *out = NULL;
    if (rc < 0 || !v)
        return rc;
    if (!cJSON_IsString(v))
        return lfail_kind(c, key, "a string", v);
    *out = v->valuestring;
    return DG_OK;
}

static int load_country(dg_gazetteer *g, const cJSON *o, lctx *c)
{
    const char *code;
    country_rec *r;
    int rc = get_key(&code, o, "code", c);

    if (rc < 0)
        return rc;
    if (!code || strlen(code) != 2)
        return lfail(c, "code", "missing or not a two-letter code");
    FIND_OR_ADD(g->countries, g->n_countries, g->cap_countries, pub.code, code, r);
    if ((rc = take_code(r->pub.code, 2, o, "code", 1, c)) < 0 ||
        (rc = take_code(r->pub.alpha3, 3, o, "alpha3", 0, c)) < 0 ||
        (rc = take_str(&r->pub.name_en, o, "name_en", 1, c)) < 0 ||
        (rc = take_str(&r->pub.name_zh, o, "name_zh", 0, c)) < 0 ||
        (rc = take_str(&r->pub.region, o, "region", 0, c)) < 0 ||
        (rc = take_str(&r->abbr_zh, o, "abbr_zh", 0, c)) < 0)
        return rc;
    if ((rc = take_forms(&r->forms, o, "name_en", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "long_en", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_en", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "demonyms", DG_ENT_DEMONYM, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "name_zh", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "long_zh", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "name_zh_hant", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "long_zh_hant", DG_ENT_COUNTRY, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh_hant", DG_ENT_COUNTRY, c)) < 0)
        return rc;
    return DG_OK;
}

static const char *const rank_names[] = {
    "head_of_state", "head_of_government", "deputy_head", "minister",
    "deputy_minister", "diplomat", "party", "legislature", "organisation", "other"
};

static int load_title(dg_gazetteer *g, const cJSON *o, lctx *c)
{
    const char *id, *rank;
    title_rec *r;
    size_t i;
    int rc = get_key(&id, o, "id", c);

    if (rc < 0)
        return rc;
    if (!id)
        return lfail(c, "id", "missing");
    FIND_OR_ADD(g->titles, g->n_titles, g->cap_titles, pub.id, id, r);
    if ((rc = take_str(&r->pub.id, o, "id", 1, c)) < 0 ||
        (rc = take_str(&r->pub.en, o, "en", 1, c)) < 0 ||
        (rc = take_str(&r->pub.zh, o, "zh", 0, c)) < 0 ||
        (rc = take_code(r->pub.country, 2, o, "country", 0, c)) < 0)
        return rc;
    if ((rc = get_key(&rank, o, "rank", c)) < 0)
        return rc;
    if (rank) {
        for (i = 0; i < DG_ARRAY_LEN(rank_names); i++)
            if (strcmp(rank, rank_names[i]) == 0)
                break;
        if (i == DG_ARRAY_LEN(rank_names))
            return lfail(c, "rank", "unknown rank (see docs/gazetteer.md)");
        r->pub.rank = (dg_rank)i;
    }
    if ((rc = take_forms(&r->forms, o, "en", DG_ENT_TITLE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "zh", DG_ENT_TITLE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "forms_en", DG_ENT_TITLE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "forms_zh", DG_ENT_TITLE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "forms_zh_hant", DG_ENT_TITLE, c)) < 0)
        return rc;
    return DG_OK;
}

static int load_place(dg_gazetteer *g, const cJSON *o, lctx *c)
{
    const char *id;
    place_rec *r;
    int rc = get_key(&id, o, "id", c);

    if (rc == DG_OK && !id)
        rc = get_key(&id, o, "name_en", c);
    if (rc < 0)
        return rc;
    if (!id)
        return lfail(c, "id", "missing");
    FIND_OR_ADD(g->places, g->n_places, g->cap_places, pub.id, id, r);
    if (!r->pub.id && !(r->pub.id = dg_strdup0(id)))
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    if ((rc = take_str(&r->pub.name_en, o, "name_en", 1, c)) < 0 ||
        (rc = take_str(&r->pub.name_zh, o, "name_zh", 0, c)) < 0 ||
        (rc = take_code(r->pub.country, 2, o, "country", 0, c)) < 0 ||
        (rc = take_str(&r->pub.city_en, o, "city", 0, c)) < 0)
        return rc;
    if ((rc = take_forms(&r->forms, o, "name_en", DG_ENT_PLACE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "name_zh", DG_ENT_PLACE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_en", DG_ENT_PLACE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh", DG_ENT_PLACE, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh_hant", DG_ENT_PLACE, c)) < 0)
        return rc;
    return DG_OK;
}

static int load_group(dg_gazetteer *g, const cJSON *o, lctx *c)
{
    const char *id;
    const cJSON *mem, *it;
    group_rec *r;
    size_t i = 0;
    int rc = get_key(&id, o, "id", c);

    if (rc < 0)
        return rc;
    if (!id)
        return lfail(c, "id", "missing");
    FIND_OR_ADD(g->groups, g->n_groups, g->cap_groups, pub.id, id, r);
    if ((rc = take_str(&r->pub.id, o, "id", 1, c)) < 0 ||
        (rc = take_str(&r->pub.name_en, o, "name_en", 0, c)) < 0 ||
        (rc = take_str(&r->pub.name_zh, o, "name_zh", 0, c)) < 0)
        return rc;
    if ((rc = lget(&mem, o, "members", c)) < 0)
        return rc;
    if (mem) {
        if (!cJSON_IsArray(mem))
            return lfail_kind(c, "members", "an array", mem);
        free(r->pub.members);
        r->pub.n_members = 0;
        r->pub.members = calloc((size_t)cJSON_GetArraySize(mem) + 1, sizeof(dg_member));
        if (!r->pub.members)
            return dg_error_set(c->err, DG_ENOMEM, "out of memory");
        cJSON_ArrayForEach(it, mem) {
            dg_member *mb = &r->pub.members[r->pub.n_members];
            size_t plen = strlen(c->path);
            snprintf(c->path + plen, sizeof(c->path) - plen, ".members[%zu]", i);
            if (cJSON_IsString(it)) {
                cJSON tmp;
                memset(&tmp, 0, sizeof(tmp));
                if (strlen(it->valuestring) != 2) {
                    rc = lfail(c, "", "expected a two-letter code");
                } else {
                    memcpy(mb->country, it->valuestring, 3);
                    rc = DG_OK;
                }
            } else if (cJSON_IsObject(it)) {
                if ((rc = take_code(mb->country, 2, it, "country", 1, c)) == DG_OK &&
                    (rc = take_date(mb->from, it, "from", c)) == DG_OK)
                    rc = take_date(mb->to, it, "to", c);
            } else {
                rc = lfail_kind(c, "", "an object or a code", it);
            }
            c->path[plen] = '\0';
            if (rc < 0)
                return rc;
            r->pub.n_members++;
            i++;
        }
    }
    if ((rc = take_forms(&r->forms, o, "id", DG_ENT_GROUP, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "name_en", DG_ENT_GROUP, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "name_zh", DG_ENT_GROUP, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_en", DG_ENT_GROUP, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh", DG_ENT_GROUP, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh_hant", DG_ENT_GROUP, c)) < 0)
        return rc;
    return DG_OK;
}

static int load_official(dg_gazetteer *g, const cJSON *o, lctx *c)
{
    const char *id;
    const cJSON *offs, *it;
    official_rec *r;
    size_t i = 0;
    int rc = get_key(&id, o, "id", c);

    if (rc < 0)
        return rc;
    if (!id)
        return lfail(c, "id", "missing");
    FIND_OR_ADD(g->officials, g->n_officials, g->cap_officials, pub.id, id, r);
    if ((rc = take_str(&r->pub.id, o, "id", 1, c)) < 0 ||
        (rc = take_str(&r->pub.name_en, o, "name_en", 1, c)) < 0 ||
        (rc = take_str(&r->pub.name_zh, o, "name_zh", 0, c)) < 0 ||
        (rc = take_code(r->pub.country, 2, o, "country", 1, c)) < 0)
        return rc;
    if ((rc = lget(&offs, o, "offices", c)) < 0)
        return rc;
    if (offs) {
        if (!cJSON_IsArray(offs))
            return lfail_kind(c, "offices", "an array", offs);
        cJSON_ArrayForEach(it, offs) {
            dg_office *of;
            void *p = r->pub.offices;
            size_t cap = r->pub.n_offices, plen = strlen(c->path);
            if (dg_grow_array(&p, &cap, r->pub.n_offices + 1, sizeof(dg_office)) < 0)
                return dg_error_set(c->err, DG_ENOMEM, "out of memory");
            r->pub.offices = p;
            of = &r->pub.offices[r->pub.n_offices];
            memset(of, 0, sizeof(*of));
            snprintf(c->path + plen, sizeof(c->path) - plen, ".offices[%zu]", i);
            if (!cJSON_IsObject(it))
                rc = lfail_kind(c, "", "an object", it);
            else if ((rc = take_str(&of->title_en, it, "title_en", 1, c)) == DG_OK &&
                     (rc = take_str(&of->title_zh, it, "title_zh", 0, c)) == DG_OK &&
                     (rc = take_date(of->from, it, "from", c)) == DG_OK)
                rc = take_date(of->to, it, "to", c);
            c->path[plen] = '\0';
            r->pub.n_offices++;
            if (rc < 0)
                return rc;
            i++;
        }
    }
    if ((rc = take_forms(&r->forms, o, "name_en", DG_ENT_OFFICIAL, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "name_zh", DG_ENT_OFFICIAL, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_en", DG_ENT_OFFICIAL, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh", DG_ENT_OFFICIAL, c)) < 0 ||
        (rc = take_forms(&r->forms, o, "aliases_zh_hant", DG_ENT_OFFICIAL, c)) < 0)
        return rc;
    return DG_OK;
}

typedef int (*load_fn)(dg_gazetteer *g, const cJSON *o, lctx *c);

static int load_array(dg_gazetteer *g, const cJSON *root, const char *key,
                      load_fn fn, lctx *c)
{
    const cJSON *arr, *it;
    size_t i = 0;
    int rc;

    c->path[0] = '\0';
    if ((rc = lget(&arr, root, key, c)) < 0 || !arr)
        return rc;
    if (!cJSON_IsArray(arr))
        return lfail_kind(c, key, "an array", arr);
    cJSON_ArrayForEach(it, arr) {
        snprintf(c->path, sizeof(c->path), "%s[%zu]", key, i);
        if (!cJSON_IsObject(it))
            return lfail_kind(c, "", "an object", it);
        if ((rc = fn(g, it, c)) < 0)
            return rc;
        i++;
    }
    return DG_OK;
}

/* The index of name in g->files, added if new; -1 on ENOMEM. */
static long intern_file(dg_gazetteer *g, const char *name)
{
    size_t i;
    void *p = g->files;

    for (i = 0; i < g->n_files; i++)
        if (strcmp(g->files[i], name) == 0)
            return (long)i;
    if (g->n_files >= GAZ_NO_FILE || dg_grow_array(&p, &g->cap_files, g->n_files + 1,
                                                   sizeof(char *)) < 0)
        return -1;
    g->files = p;
    g->files[g->n_files] = dg_strdup0(name);
    if (!g->files[g->n_files])
        return -1;
    return (long)g->n_files++;
}

int dg_gazetteer_load_buf(dg_gazetteer *g, const char *data, size_t len,
                          const char *name, dg_error *err)
{
    lctx c;
    cJSON *root;
    size_t where;
    long file = intern_file(g, name);
    int rc;

    if (file < 0)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    c.file = name;
    c.file_index = (uint32_t)file;
    c.path[0] = '\0';
    c.err = err;
    if ((rc = dg_json_parse_at(&root, data, len, &where, err)) < 0) {
        long line = 1, col = 1;
        size_t i;
        if (rc == DG_ENOMEM || where == (size_t)-1)
            return dg_error_prefix(err, "%s: ", name);
        for (i = 0; i < where && i < len; i++) {
            if (data[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        if (strncmp(err->msg, "malformed JSON", 14) == 0)
            return dg_error_set(err, DG_EPARSE, "%s:%ld: malformed JSON near column %ld", name,
                                line, col);
        return dg_error_prefix(err, "%s:%ld: ", name, line);
    }
    if (!cJSON_IsObject(root)) {
        rc = dg_error_set(err, DG_EPARSE, "%s: expected a JSON object at the top, not %s",
                          name, dg_json_kind(root));
        cJSON_Delete(root);
        return rc;
    }
    free_compiled(g);
    rc = load_array(g, root, "countries", load_country, &c);
    if (rc == DG_OK)
        rc = load_array(g, root, "titles", load_title, &c);
    if (rc == DG_OK)
        rc = load_array(g, root, "places", load_place, &c);
    if (rc == DG_OK)
        rc = load_array(g, root, "groups", load_group, &c);
    if (rc == DG_OK)
        rc = load_array(g, root, "officials", load_official, &c);
    cJSON_Delete(root);
    return rc;
}

int dg_gazetteer_load_file(dg_gazetteer *g, const char *path, dg_error *err)
{
    dg_buf b = DG_BUF_INIT;
    int rc = dg_buf_read_file(&b, path, DG_MAX_GAZETTEER_FILE, err);

    if (rc == DG_OK)
        rc = dg_gazetteer_load_buf(g, dg_buf_cstr(&b), b.len, path, err);
    dg_buf_destroy(&b);
    return rc;
}

static int cmp_name(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    int ox = strstr(x, ".override.json") != NULL;
    int oy = strstr(y, ".override.json") != NULL;

    if (ox != oy)
        return ox - oy;
    return strcmp(x, y);
}

int dg_gazetteer_load_dir(dg_gazetteer *g, const char *dir, dg_error *err)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = DG_OK;

    if (!d)
        return dg_error_set(err, DG_EIO, "%s: cannot open gazetteer directory: %s",
                            dir, strerror(errno));
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        void *p = names;
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        if (dg_grow_array(&p, &cap, n + 1, sizeof(char *)) < 0) {
            rc = dg_error_set(err, DG_ENOMEM, "out of memory");
            break;
        }
        names = p;
        names[n] = dg_strdup0(e->d_name);
        if (!names[n]) {
            rc = dg_error_set(err, DG_ENOMEM, "out of memory");
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == DG_OK)
        qsort(names, n, sizeof(char *), cmp_name);
    for (i = 0; i < n; i++) {
        if (rc == DG_OK) {
            dg_buf path = DG_BUF_INIT;
            if (dg_buf_addf(&path, "%s/%s", dir, names[i]) < 0)
                rc = dg_error_set(err, DG_ENOMEM, "out of memory");
            else
                rc = dg_gazetteer_load_file(g, path.ptr, err);
            dg_buf_destroy(&path);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int dg_gazetteer_set_triggers(dg_gazetteer *g, const char *const *forms,
                              size_t n, dg_error *err)
{
    size_t i;

    forms_destroy(&g->triggers);
    for (i = 0; i < n; i++) {
        void *p = g->triggers.forms;
        /* kept even when equal to another: the index is the caller's */
        if (dg_grow_array(&p, &g->triggers.cap, g->triggers.n + 1, sizeof(gaz_form)) < 0)
            return dg_error_set(err, DG_ENOMEM, "out of memory");
        g->triggers.forms = p;
        g->triggers.forms[g->triggers.n].text = dg_strdup0(forms[i]);
        if (!g->triggers.forms[g->triggers.n].text)
            return dg_error_set(err, DG_ENOMEM, "out of memory");
        g->triggers.forms[g->triggers.n].type = DG_ENT_TRIGGER;
        g->triggers.forms[g->triggers.n].file = GAZ_NO_FILE;
        g->triggers.n++;
    }
    return DG_OK;
}

size_t dg_gazetteer_trigger_count(const dg_gazetteer *g)
{
    return g->triggers.n;
}

int dg_gazetteer_set_prescan(dg_gazetteer *g, const char *const *forms,
                             size_t n, dg_error *err)
{
    size_t i;

    dg_matcher_free(g->prescan);
    g->prescan = dg_matcher_new();
    if (!g->prescan)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    for (i = 0; i < n; i++)
        if (dg_matcher_add(g->prescan, forms[i], strlen(forms[i])) < 0) {
            dg_matcher_free(g->prescan);
            g->prescan = NULL;
            return dg_error_set(err, DG_ENOMEM, "out of memory");
        }
    if (dg_matcher_build(g->prescan, DG_MATCHER_ANY) < 0) {
        dg_matcher_free(g->prescan);
        g->prescan = NULL;
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    return DG_OK;
}

int dg_gazetteer_prescan(const dg_gazetteer *g, const char *text, size_t len)
{
    if (!g->prescan)
        return 1;
    return dg_matcher_any(g->prescan, text, len);
}

/* ---- compiling the matcher ---- */

typedef struct {
    uint32_t pattern;
    uint32_t seq;   /* insertion order = priority */
    dg_gaz_ref ref;
    int acronym;
    const gaz_form *form;
} pending_ref;

typedef struct {
    pending_ref *v;
    size_t n, cap;
} pending;

static int is_acronym(const char *s)
{
    int upper = 0;

    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch >= 'a' && ch <= 'z')
            return 0;
        if (ch >= 'A' && ch <= 'Z')
            upper++;
        if (ch >= 0x80)
            return 0;
    }
    return upper >= 2;
}

/* A form that would fire inside ordinary words is not matched on its own:
 * one Chinese character, or one Latin letter. */
static int form_too_short(const char *folded, size_t len)
{
    if (len == 0)
        return 1;
    if ((unsigned char)folded[0] >= 0x80)
        return dg_utf8_count(folded, len) < 2;
    return len < 2;
}

static int add_forms(dg_gazetteer *g, pending *pd, const gaz_forms *f,
                     dg_entity_type override_type, uint32_t index, dg_buf *tmp)
{
    size_t i;

    for (i = 0; i < f->n; i++) {
        long id;
        void *p;
        dg_buf_reset(tmp);
        if (dg_fold_append(g->fold, tmp, f->forms[i].text, strlen(f->forms[i].text)) < 0)
            return DG_ENOMEM;
        /* trim spaces the folding produced at the ends */
        while (tmp->len && tmp->ptr[tmp->len - 1] == ' ')
            dg_buf_truncate(tmp, tmp->len - 1);
        if (override_type != DG_ENT_TRIGGER && form_too_short(dg_buf_cstr(tmp), tmp->len))
            continue;
        id = dg_matcher_add(g->matcher, tmp->ptr, tmp->len);
        if (id < 0)
            return DG_ENOMEM;
        p = pd->v;
        if (dg_grow_array(&p, &pd->cap, pd->n + 1, sizeof(pending_ref)) < 0)
            return DG_ENOMEM;
        pd->v = p;
        pd->v[pd->n].pattern = (uint32_t)id;
        pd->v[pd->n].seq = (uint32_t)pd->n;
        pd->v[pd->n].ref.type = override_type == DG_ENT_COUNT ? f->forms[i].type : override_type;
        pd->v[pd->n].ref.index = index;
        pd->v[pd->n].acronym = is_acronym(f->forms[i].text);
        pd->v[pd->n].form = &f->forms[i];
        pd->n++;
    }
    return DG_OK;
}

static int cmp_pending(const void *a, const void *b)
{
    const pending_ref *x = a, *y = b;

    if (x->pattern != y->pattern)
        return x->pattern < y->pattern ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_name_entry(const void *a, const void *b)
{
    const struct name_entry *x = a, *y = b;
    int c = strcmp(x->folded, y->folded);
    return c ? c : (x->official < y->official ? -1 : x->official > y->official);
}

static int build_name_index(dg_gazetteer *g, dg_buf *tmp)
{
    size_t i, k, n = 0;

    for (i = 0; i < g->n_officials; i++)
        n += g->officials[i].forms.n;
    g->names = calloc(n + 1, sizeof(*g->names));
    if (!g->names)
        return DG_ENOMEM;
    for (i = 0; i < g->n_officials; i++) {
        const gaz_forms *f = &g->officials[i].forms;
        for (k = 0; k < f->n; k++) {
            dg_buf_reset(tmp);
            if (dg_fold_append(g->fold, tmp, f->forms[k].text, strlen(f->forms[k].text)) < 0)
                return DG_ENOMEM;
            g->names[g->n_names].folded = dg_buf_detach(tmp);
            if (!g->names[g->n_names].folded)
                return DG_ENOMEM;
            g->names[g->n_names].official = (uint32_t)i;
            g->n_names++;
        }
    }
    if (g->n_names > 1)
        qsort(g->names, g->n_names, sizeof(*g->names), cmp_name_entry);
    return DG_OK;
}

static int code_slot(const char *code)
{
    if (code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' || code[2])
        return -1;
    return (code[0] - 'A') * 26 + (code[1] - 'A');
}

/* the table of dg_gazetteer_country_index: extraction asks it for every
 * party and group member */
static void index_codes(dg_gazetteer *g)
{
    size_t i;

    memset(g->by_code, 0, sizeof(g->by_code));
    g->by_code_n = 0;
    if (g->n_countries >= INT16_MAX)
        return;
    for (i = g->n_countries; i-- > 0;) { /* the first of a code wins */
        int k = code_slot(g->countries[i].pub.code);
        if (k >= 0)
            g->by_code[k] = (int16_t)(i + 1);
    }
    g->by_code_n = g->n_countries;
}

int dg_gazetteer_compile(dg_gazetteer *g, dg_error *err)
{
    pending pd = { NULL, 0, 0 };
    dg_buf tmp = DG_BUF_INIT;
    size_t i, n_pat;
    int rc = DG_OK;

    free_compiled(g);
    index_codes(g);
    g->matcher = dg_matcher_new();
    if (!g->matcher)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    /* priority: officials, countries, groups, places, titles; triggers
     * last (a form that is both a name and a trigger names first) */
    for (i = 0; rc == DG_OK && i < g->n_officials; i++)
        rc = add_forms(g, &pd, &g->officials[i].forms, DG_ENT_OFFICIAL, (uint32_t)i, &tmp);
    for (i = 0; rc == DG_OK && i < g->n_countries; i++)
        rc = add_forms(g, &pd, &g->countries[i].forms, DG_ENT_COUNT, (uint32_t)i, &tmp);
    for (i = 0; rc == DG_OK && i < g->n_groups; i++)
        rc = add_forms(g, &pd, &g->groups[i].forms, DG_ENT_GROUP, (uint32_t)i, &tmp);
    for (i = 0; rc == DG_OK && i < g->n_places; i++)
        rc = add_forms(g, &pd, &g->places[i].forms, DG_ENT_PLACE, (uint32_t)i, &tmp);
    for (i = 0; rc == DG_OK && i < g->n_titles; i++)
        rc = add_forms(g, &pd, &g->titles[i].forms, DG_ENT_TITLE, (uint32_t)i, &tmp);
    for (i = 0; rc == DG_OK && i < g->triggers.n; i++) {
        gaz_forms one;
        one.forms = &g->triggers.forms[i];
        one.n = one.cap = 1;
        rc = add_forms(g, &pd, &one, DG_ENT_TRIGGER, (uint32_t)i, &tmp);
    }
    if (rc == DG_OK)
        rc = dg_matcher_build(g->matcher, DG_MATCHER_LONGEST);
    if (rc < 0)
        goto out;
    /* group the refs by pattern, keeping priority order, dropping repeats */
    if (pd.n > 1)
        qsort(pd.v, pd.n, sizeof(pending_ref), cmp_pending);
    n_pat = 0;
    for (i = 0; i < pd.n; i++)
        if (pd.v[i].pattern + 1 > n_pat)
            n_pat = pd.v[i].pattern + 1;
    g->form_info = calloc(n_pat + 1, sizeof(form_info));
    g->refs = calloc(pd.n + 1, sizeof(dg_gaz_ref));
    g->ref_text = calloc(pd.n + 1, sizeof(char *));
    g->ref_file = calloc(pd.n + 1, sizeof(uint32_t));
    if (!g->form_info || !g->refs || !g->ref_text || !g->ref_file) {
        rc = DG_ENOMEM;
        goto out;
    }
    g->n_form_info = n_pat;
    for (i = 0; i < pd.n; i++) {
        form_info *fi = &g->form_info[pd.v[i].pattern];
        size_t k;
        int dup = 0;
        if (fi->n_refs == 0)
            fi->first_ref = (uint32_t)g->n_refs;
        if (!pd.v[i].acronym)
            fi->spelled = 1;
        for (k = fi->first_ref; k < fi->first_ref + fi->n_refs; k++)
            if (g->refs[k].type == pd.v[i].ref.type && g->refs[k].index == pd.v[i].ref.index)
                dup = 1;
        if (dup)
            continue;
        g->ref_text[g->n_refs] = pd.v[i].form->text;
        g->ref_file[g->n_refs] = pd.v[i].form->file;
        g->refs[g->n_refs++] = pd.v[i].ref;
        fi->n_refs++;
        /* an acronym form (US, UK, EU, LMC) must be upper case in the text */
        if (pd.v[i].acronym)
            fi->acronym = 1;
    }
    for (i = 0; i < n_pat; i++)
        if (g->form_info[i].spelled)
            g->form_info[i].acronym = 0;
    /* bilateral abbreviations */
    g->abbrs = calloc(g->n_countries + 1, sizeof(abbr_rec));
    if (!g->abbrs) {
        rc = DG_ENOMEM;
        goto out;
    }
    for (i = 0; i < g->n_countries; i++) {
        if (!g->countries[i].abbr_zh || !g->countries[i].abbr_zh[0])
            continue;
        dg_buf_reset(&tmp);
        if (dg_fold_append(g->fold, &tmp, g->countries[i].abbr_zh,
                           strlen(g->countries[i].abbr_zh)) < 0) {
            rc = DG_ENOMEM;
            goto out;
        }
        g->abbrs[g->n_abbrs].text = dg_buf_detach(&tmp);
        if (!g->abbrs[g->n_abbrs].text) {
            rc = DG_ENOMEM;
            goto out;
        }
        g->abbrs[g->n_abbrs].len = strlen(g->abbrs[g->n_abbrs].text);
        g->abbrs[g->n_abbrs].country = (long)i;
        g->n_abbrs++;
    }
    rc = build_name_index(g, &tmp);
out:
    free(pd.v);
    dg_buf_destroy(&tmp);
    if (rc < 0) {
        free_compiled(g);
        return dg_error_set(err, DG_ENOMEM, "out of memory while compiling the gazetteer");
    }
    return DG_OK;
}

/* ---- scanning ---- */

typedef struct {
    const dg_gazetteer *g;
    const char *text, *orig;
    const uint32_t *map;
    size_t len;
    dg_gaz_match_fn fn;
    void *ctx;
    int stop;
} scan_ctx;

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

/* The longest form starting here that is a whole word where it is Latin,
 * refers to something, and, as an acronym, is upper case in the original.
 * (The matcher already skips starts inside a word.) */
static long choose_match(void *ctx, size_t start, const uint32_t *ids,
                         const size_t *ends, size_t n)
{
    scan_ctx *a = ctx;
    size_t i = n;

    if (a->stop)
        return -1;
    while (i-- > 0) {
        const form_info *fi = &a->g->form_info[ids[i]];
        size_t end = ends[i], k;
        dg_gaz_match m;

        if (fi->n_refs == 0)
            continue;
        if (is_word_byte((unsigned char)a->text[end - 1]) && end < a->len &&
            is_word_byte((unsigned char)a->text[end]))
            continue;
        if (a->orig && a->map && fi->acronym) {
            for (k = start; k < end; k++) {
                unsigned char c = (unsigned char)a->orig[a->map[k]];
                if (c >= 'a' && c <= 'z')
                    break;
            }
            if (k < end)
                continue;
        }
        m.start = start;
        m.end = end;
        m.form = ids[i];
        m.type = a->g->refs[fi->first_ref].type;
        m.index = a->g->refs[fi->first_ref].index;
        if (a->fn(a->ctx, &m))
            a->stop = 1;
        return (long)i;
    }
    return -1;
}

void dg_gazetteer_scan_orig(const dg_gazetteer *g, const char *text, size_t len,
                            const char *orig, const uint32_t *map,
                            dg_gaz_match_fn fn, void *ctx)
{
    scan_ctx a;

    if (!g->matcher)
        return;
    a.g = g;
    a.text = text;
    a.orig = orig;
    a.map = map;
    a.len = len;
    a.fn = fn;
    a.ctx = ctx;
    a.stop = 0;
    dg_matcher_scan_longest(g->matcher, text, len, DG_MATCHER_WORD_STARTS, choose_match, &a);
}

void dg_gazetteer_scan(const dg_gazetteer *g, const char *text, size_t len,
                       dg_gaz_match_fn fn, void *ctx)
{
    dg_gazetteer_scan_orig(g, text, len, NULL, NULL, fn, ctx);
}

/* ---- lookups ---- */

const dg_gaz_ref *dg_gazetteer_form_refs(const dg_gazetteer *g, uint32_t form,
                                         size_t *n)
{
    if (!g->form_info || form >= g->n_form_info) {
        *n = 0;
        return NULL;
    }
    *n = g->form_info[form].n_refs;
    return g->refs + g->form_info[form].first_ref;
}

const struct dg_fold *dg_gazetteer_fold(const dg_gazetteer *g)
{
    return g->fold;
}

long dg_gazetteer_abbr(const dg_gazetteer *g, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < g->n_abbrs; i++)
        if (g->abbrs[i].len == len && memcmp(g->abbrs[i].text, s, len) == 0)
            return g->abbrs[i].country;
    return -1;
}

long dg_gazetteer_country_index(const dg_gazetteer *g, const char *code)
{
    size_t i;
    int k;

    if (code && g->by_code_n == g->n_countries && g->n_countries > 0 &&
        (k = code_slot(code)) >= 0)
        return (long)g->by_code[k] - 1;
    for (i = 0; code && i < g->n_countries; i++)
        if (strcmp(g->countries[i].pub.code, code) == 0)
            return (long)i;
    return -1;
}

size_t dg_gazetteer_count(const dg_gazetteer *g, dg_entity_type t)
{
    switch (t) {
    case DG_ENT_COUNTRY:
    case DG_ENT_DEMONYM:
    case DG_ENT_ABBR:
        return g->n_countries;
    case DG_ENT_TITLE:
        return g->n_titles;
    case DG_ENT_PLACE:
        return g->n_places;
    case DG_ENT_GROUP:
        return g->n_groups;
    case DG_ENT_OFFICIAL:
        return g->n_officials;
    default:
        return 0;
    }
}

const dg_country *dg_gazetteer_country(const dg_gazetteer *g, uint32_t i)
{
    return i < g->n_countries ? &g->countries[i].pub : NULL;
}

const dg_country *dg_gazetteer_country_by_code(const dg_gazetteer *g,
                                               const char *code)
{
    long i = dg_gazetteer_country_index(g, code);
    return i >= 0 ? &g->countries[i].pub : NULL;
}

const dg_title *dg_gazetteer_title(const dg_gazetteer *g, uint32_t i)
{
    return i < g->n_titles ? &g->titles[i].pub : NULL;
}

const dg_place *dg_gazetteer_place(const dg_gazetteer *g, uint32_t i)
{
    return i < g->n_places ? &g->places[i].pub : NULL;
}

const dg_group *dg_gazetteer_group(const dg_gazetteer *g, uint32_t i)
{
    return i < g->n_groups ? &g->groups[i].pub : NULL;
}

const dg_group *dg_gazetteer_group_by_id(const dg_gazetteer *g, const char *id)
{
    size_t i;

    for (i = 0; id && i < g->n_groups; i++)
        if (strcmp(g->groups[i].pub.id, id) == 0)
            return &g->groups[i].pub;
    return NULL;
}

const dg_official *dg_gazetteer_official(const dg_gazetteer *g, uint32_t i)
{
    return i < g->n_officials ? &g->officials[i].pub : NULL;
}

const dg_official *dg_gazetteer_official_by_id(const dg_gazetteer *g,
                                               const char *id)
{
    size_t i;

    for (i = 0; id && i < g->n_officials; i++)
        if (strcmp(g->officials[i].pub.id, id) == 0)
            return &g->officials[i].pub;
    return NULL;
}

const dg_official *dg_gazetteer_official_by_name(const dg_gazetteer *g,
                                                 const char *country,
                                                 const char *name)
{
    const dg_official *out[2];

    /* two officials of that name: not resolved */
    return dg_gazetteer_officials_by_name(g, country, name, out, 2) == 1 ? out[0] : NULL;
}

size_t dg_gazetteer_officials_by_name(const dg_gazetteer *g, const char *country,
                                      const char *name, const dg_official **out,
                                      size_t max)
{
    dg_buf want = DG_BUF_INIT;
    size_t lo = 0, hi = g->n_names, n = 0;
    uint32_t last = UINT32_MAX;

    if (!name || dg_fold_append(g->fold, &want, name, strlen(name)) < 0) {
        dg_buf_destroy(&want);
        return 0;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(g->names[mid].folded, want.ptr) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* entries of one name are sorted by official: repeats are adjacent */
    for (; lo < g->n_names && strcmp(g->names[lo].folded, want.ptr) == 0; lo++) {
        const dg_official *o = &g->officials[g->names[lo].official].pub;
        if ((country && strcmp(o->country, country) != 0) || g->names[lo].official == last)
            continue;
        last = g->names[lo].official;
        if (n < max)
            out[n] = o;
        n++;
    }
    dg_buf_destroy(&want);
    return n;
}

/* date within [from, to], comparing by the shorter precision */
static int date_in(const char *date, const char *from, const char *to)
{
    size_t n;

    if (!date || !*date)
        return 0;
    if (from[0]) {
        n = strlen(from) < strlen(date) ? strlen(from) : strlen(date);
        if (strncmp(date, from, n) < 0)
            return 0;
    }
    if (to[0]) {
        n = strlen(to) < strlen(date) ? strlen(to) : strlen(date);
        if (strncmp(date, to, n) > 0)
            return 0;
    }
    return 1;
}

const dg_official *dg_gazetteer_office_holder(const dg_gazetteer *g,
                                              const char *country,
                                              const char *title_en,
                                              const char *date)
{
    const dg_official *found = NULL;
    size_t i, j;

    for (i = 0; country && title_en && i < g->n_officials; i++) {
        const dg_official *o = &g->officials[i].pub;
        if (strcmp(o->country, country) != 0)
            continue;
        for (j = 0; j < o->n_offices; j++) {
            if (strcmp(o->offices[j].title_en, title_en) == 0 &&
                date_in(date, o->offices[j].from, o->offices[j].to)) {
                if (found && found != o)
                    return NULL; /* ambiguous: two holders */
                found = o;
            }
        }
    }
    return found;
}

static const char *file_name(const dg_gazetteer *g, uint32_t file)
{
    return file < g->n_files ? g->files[file] : "built in";
}

size_t dg_gazetteer_check(const dg_gazetteer *g, dg_diag *diag)
{
    size_t i, k, conflicts = 0;

    if (!g->form_info)
        return 0;
    for (i = 0; i < g->n_form_info; i++) {
        const form_info *fi = &g->form_info[i];
        size_t n = fi->n_refs;
        for (k = 1; k < n; k++) {
            size_t ia = fi->first_ref, ib = fi->first_ref + k;
            const dg_gaz_ref *a = &g->refs[ia], *b = &g->refs[ib];
            const char *what, *ida, *idb;
            if (a->type != b->type || a->index == b->index)
                continue;
            if (a->type == DG_ENT_OFFICIAL) {
                what = "officials";
                ida = g->officials[a->index].pub.id;
                idb = g->officials[b->index].pub.id;
            } else if (a->type == DG_ENT_COUNTRY) {
                what = "countries";
                ida = g->countries[a->index].pub.code;
                idb = g->countries[b->index].pub.code;
            } else {
                continue;
            }
            /* reported under the file that added the second form */
            dg_diag_warn(diag, file_name(g, g->ref_file[ib]), 0,
                         "\"%s\" names two %s, %s (%s) and %s: the first is taken; "
                         "drop the form from one of them", g->ref_text[ib], what, ida,
                         file_name(g, g->ref_file[ia]), idb);
            conflicts++;
        }
    }
    for (i = 0; i < g->n_countries; i++) {
        const char *ab = g->countries[i].abbr_zh;
        for (k = i + 1; ab && k < g->n_countries; k++)
            if (g->countries[k].abbr_zh && strcmp(ab, g->countries[k].abbr_zh) == 0) {
                dg_diag_warn(diag, NULL, 0, "abbreviation %s names two countries, %s and %s: "
                             "the first is taken; drop it from one of them",
                             ab, g->countries[i].pub.code, g->countries[k].pub.code);
                conflicts++;
            }
    }
    return conflicts;
}
const dg_matcher *dg_gazetteer_matcher(const dg_gazetteer *g)
{
    return g->matcher;
}
