/* Scoring predicted meetings against gold: the matching rules of
 * ../shared/eval/README.md, per document, one to one. */
#include <cjson/cJSON.h>
#include <math.h>
#include <opencc/opencc.h>
#include <stdio.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "diplograph/eval.h"
#include "diplograph/utf8.h"
#include "common.h"

#define NONE ((size_t)-1)
/* A gold line longer than this is refused: a document's gold is a few KB. */
#define DG_MAX_GOLD_LINE (16u << 20)
/* Source files read to find evidence lines (seed gold) stay below this. */
#define DG_MAX_SOURCE_BYTES ((size_t)1 << 30)
/* Coverage rule for meetings without named persons: the predicted
 * countries cover at least 80% of the gold ones, with at most one extra
 * per five gold countries. */
#define COVER_NUM 8
#define COVER_DEN 10
#define EXTRA_PER 5

typedef enum { KEY_GEN = 0, KEY_LINE = 1, KEY_NAME = 2 } key_type;

typedef struct {
    char *en, *zh;          /* folded names, NULL when absent */
    char *en_words, *zh_words; /* " w1 w2 " Latin words of >= 2 letters */
    char country[3];
} eperson;

typedef struct {
    char *date;
    int kind;
    char *place;
    char *group;            /* folded */
    eperson *persons;
    size_t n_persons;
    char (*countries)[3];   /* sorted, unique */
    size_t n_countries;
    int optional;
    size_t doc;             /* index into docs, NONE when outside */
    long lineno;            /* gold: line in the gold file */
    char *lang;             /* gold only */
    char *who;              /* gold only, with --show: the participants */
    const dg_meeting *src;  /* prediction only */
    size_t match;           /* partner (global index) or NONE */
    int counted;            /* prediction: 0 when ignored or optional */
} emeeting;

typedef struct {
    key_type type;
    const char *file;       /* KEY_GEN: interned gold file */
    long num;               /* KEY_GEN: doc index; KEY_LINE: line */
    char *name;             /* KEY_NAME key; label otherwise (may be NULL) */
    char *lang;
    int negative;
    long lineno;
    size_t g0, ng, p0, np;  /* ranges in gidx / pidx */
} edoc;

typedef struct {
    char *lang;
    dg_eval_count c;
} lang_row;

typedef struct {
    const dg_eval_opts *opts;
    dg_diag *diag;
    dg_error *err;
    const char *name;
    opencc_t cc;
    int cc_tried;
    emeeting *gold;
    size_t n_gold, cap_gold;
    edoc *docs;
    size_t n_docs, cap_docs;
    char **files;           /* interned gold files (generator) */
    char **file_lang;
    size_t n_files, cap_files;
    size_t last_file;       /* cache for interning */
    emeeting *pred;
    size_t n_pred;
    size_t *gidx, *pidx;    /* gold / prediction indices grouped by doc */
    size_t n_out;           /* predictions outside every doc */
    size_t *outidx;
    size_t n_gen, n_line, n_name;
    const char *last_pfile; /* cache for prediction file lookup */
    size_t last_pfile_idx;
    char *lines_file;       /* the source file whose line starts are known */
    long long *line_start;  /* byte offset of each line of lines_file */
    size_t n_line_start;
    int lines_ok;           /* lines_file could be read */
    lang_row *langs;
    size_t n_langs, cap_langs;
} ectx;

/* ---- folding ---- */

static opencc_t get_cc(ectx *c)
{
    if (!c->cc_tried) {
        c->cc_tried = 1;
        c->cc = opencc_open("t2s.json");
        if (c->cc == (opencc_t)-1) {
            c->cc = NULL;
            dg_diag_warn(c->diag, NULL, 0,
                         "cannot open OpenCC t2s.json: traditional names are compared unconverted");
        }
    }
    return c->cc;
}

static int is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* NFKC, case fold and strip accents; returns a malloc'd string or NULL
 * (ENOMEM). Invalid UTF-8 is replaced first. */
static char *norm(const char *s)
{
    size_t len = strlen(s), n;
    char *clean = NULL;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r;

    if (dg_utf8_validate(s, len) != len) {
        clean = dg_utf8_sanitize(s, len, &n);
        if (!clean)
            return NULL;
        s = clean;
        len = n;
    }
    r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                     UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                         UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    free(clean);
    if (r < 0)
        return dg_strdup0(""); /* utf8proc refused it: compare as empty */
    return (char *)out;
}

static int is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

static int is_letter_or_digit(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO
               ? 1
               : (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* Latin letters after accents are stripped: Basic Latin to Latin
 * Extended-B and Latin Extended Additional. */
static int is_latin_letter(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO)
        return 0;
    return cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* Folds s (may be NULL) into *out as the rules say: traditional to
 * simplified, width, case, accents, spaces and punctuation removed.
 * *out is NULL when nothing is left; with words, also the Latin words of
 * two letters or more as " w1 w2 ". */
static int fold(char **out, char **words, const char *s, ectx *c)
{
    char *t = NULL, *n;
    const char *p, *end;
    dg_buf b = DG_BUF_INIT, w = DG_BUF_INIT;
    size_t word_start = 0, word_letters = 0;
    int rc = DG_OK;

    *out = NULL;
    if (words)
        *words = NULL;
    if (!s || !*s)
        return DG_OK;
    if (!is_ascii(s) && get_cc(c) && dg_utf8_validate(s, strlen(s)) == strlen(s))
        t = opencc_convert_utf8(c->cc, s, strlen(s));
    n = norm(t ? t : s);
    if (t)
        opencc_convert_utf8_free(t);
    if (!n)
        return DG_ENOMEM;
    if (words && dg_buf_addc(&w, ' ') < 0)
        rc = DG_ENOMEM;
    word_start = w.len;
    p = n;
    end = n + strlen(n);
    while (rc == DG_OK && p <= end) {
        const char *at = p;
        int32_t cp = 0;
        if (p < end)
            cp = (int32_t)dg_utf8_next(&p, end, NULL);
        else
            p++; /* one pass past the end closes the last word */
        if (at < end && is_letter_or_digit(cp))
            rc = dg_buf_add(&b, at, (size_t)(p - at));
        if (!words || rc < 0)
            continue;
        if (at < end && is_latin_letter(cp)) {
            word_letters++;
            rc = dg_buf_add(&w, at, (size_t)(p - at));
        } else if (word_letters >= 2) {
            rc = dg_buf_addc(&w, ' ');
            word_start = w.len;
            word_letters = 0;
        } else {
            dg_buf_truncate(&w, word_start);
            word_letters = 0;
        }
    }
    free(n);
    if (rc == DG_OK && b.len > 0 && !(*out = dg_buf_detach(&b)))
        rc = DG_ENOMEM;
    if (rc == DG_OK && words && w.len > 1 && !(*words = dg_buf_detach(&w)))
        rc = DG_ENOMEM;
    dg_buf_destroy(&b);
    dg_buf_destroy(&w);
    if (rc < 0) {
        free(*out);
        *out = NULL;
        if (words) {
            free(*words);
            *words = NULL;
        }
    }
    return rc;
}

/* ---- meetings ---- */

static void person_destroy(eperson *p)
{
    free(p->en);
    free(p->zh);
    free(p->en_words);
    free(p->zh_words);
}

static void emeeting_destroy(emeeting *m)
{
    size_t i;

    free(m->date);
    free(m->place);
    free(m->group);
    for (i = 0; i < m->n_persons; i++)
        person_destroy(&m->persons[i]);
    free(m->persons);
    free(m->countries);
    free(m->lang);
    free(m->who);
}

static int valid_country(const char *s)
{
    return s && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && !s[2];
}

static int cmp_country(const void *a, const void *b)
{
    return memcmp(a, b, 2);
}

static int add_country(emeeting *m, const char *cc, size_t *cap)
{
    void *p;

    if (!valid_country(cc))
        return DG_OK;
    p = m->countries;
    if (dg_grow_array(&p, cap, m->n_countries + 1, sizeof(*m->countries)) < 0)
        return DG_ENOMEM;
    m->countries = p;
    memcpy(m->countries[m->n_countries++], cc, 3);
    return DG_OK;
}

static void uniq_countries(emeeting *m)
{
    size_t i, j = 0;

    if (m->n_countries < 2)
        return;
    qsort(m->countries, m->n_countries, sizeof(*m->countries), cmp_country);
    for (i = 1; i < m->n_countries; i++)
        if (memcmp(m->countries[i], m->countries[j], 2) != 0)
            memcpy(m->countries[++j], m->countries[i], 3);
    m->n_countries = j + 1;
}

static int make_person(eperson *p, const char *en, const char *zh,
                       const char *country, ectx *c)
{
    int rc;

    memset(p, 0, sizeof(*p));
    if (valid_country(country))
        memcpy(p->country, country, 3);
    if ((rc = fold(&p->en, &p->en_words, en, c)) < 0 ||
        (rc = fold(&p->zh, &p->zh_words, zh, c)) < 0)
        person_destroy(p);
    return rc;
}

/* The predicted side: persons are parties of type person; countries are
 * every party's country. */
static int pred_from_meeting(emeeting *e, const dg_meeting *m, ectx *c)
{
    size_t i, cap = 0, n = 0;
    int rc;

    memset(e, 0, sizeof(*e));
    e->src = m;
    e->kind = (int)m->kind;
    e->doc = NONE;
    e->match = NONE;
    e->counted = 1;
    if ((m->date && !(e->date = dg_strdup0(m->date))) ||
        (m->place_name && !(e->place = dg_strdup0(m->place_name))))
        return DG_ENOMEM;
    if ((rc = fold(&e->group, NULL, m->group, c)) < 0)
        return rc;
    for (i = 0; i < m->n_parties; i++)
        n += m->parties[i].type == DG_PARTY_PERSON;
    if (n) {
        e->persons = calloc(n, sizeof(*e->persons));
        if (!e->persons)
            return DG_ENOMEM;
    }
    for (i = 0; i < m->n_parties; i++) {
        const dg_party *p = &m->parties[i];
        if (p->type == DG_PARTY_PERSON) {
            if ((rc = make_person(&e->persons[e->n_persons], p->name, p->name_zh,
                                  p->country, c)) < 0)
                return rc;
            e->n_persons++;
        }
        if (add_country(e, p->country, &cap) < 0)
            return DG_ENOMEM;
    }
    uniq_countries(e);
    return DG_OK;
}

/* ---- matching rules ---- */

/* Rule 1: one date is a prefix of the other; a null gold date agrees with
 * anything, a null predicted date only with a null gold date. */
static int dates_agree(const char *gold, const char *pred)
{
    size_t a, b;

    if (!gold)
        return 1;
    if (!pred)
        return 0;
    a = strlen(gold);
    b = strlen(pred);
    return strncmp(gold, pred, a < b ? a : b) == 0;
}

static int shares_word(const char *a, const char *b)
{
    const char *p = a;

    if (!a || !b)
        return 0;
    while (*p == ' ')
        p++;
    while (*p) {
        const char *e = strchr(p, ' ');
        char word[128];
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n + 2 < sizeof(word)) {
            word[0] = ' ';
            memcpy(word + 1, p, n);
            word[n + 1] = ' ';
            word[n + 2] = '\0';
            if (strstr(b, word))
                return 1;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* A Chinese name: only Han characters, at least two of them. */
static int chinese_2(const char *s)
{
    const char *p = s, *end;
    size_t n = 0;

    if (!s)
        return 0;
    end = s + strlen(s);
    while (p < end) {
        if (!is_han((int32_t)dg_utf8_next(&p, end, NULL)))
            return 0;
        n++;
    }
    return n >= 2;
}

static int eq0(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Rule 2 for one pair of persons. */
static int persons_pair(const eperson *g, const eperson *p)
{
    if (g->country[0] && p->country[0] && strcmp(g->country, p->country) != 0)
        return 0;
    if (eq0(g->en, p->en) || eq0(g->en, p->zh) || eq0(g->zh, p->en) ||
        eq0(g->zh, p->zh))
        return 1;
    if (shares_word(g->en_words, p->en_words) || shares_word(g->zh_words, p->zh_words))
        return 1;
    if (chinese_2(g->zh) && chinese_2(p->zh) &&
        (strstr(g->zh, p->zh) || strstr(p->zh, g->zh)))
        return 1;
    return 0;
}

/* Kuhn's augmenting paths over a boolean matrix (rows x cols, row-major);
 * mcol[col] = row or NONE. Rows are tried in order: deterministic. */
static int augment(size_t r, const unsigned char *adj, const size_t *order,
                   size_t cols, size_t *mcol, unsigned char *seen)
{
    size_t k;

    for (k = 0; k < cols; k++) {
        size_t col = order ? order[r * cols + k] : k;
        if (col == NONE)
            break;
        if (!adj[r * cols + col] || seen[col])
            continue;
        seen[col] = 1;
        if (mcol[col] == NONE || augment(mcol[col], adj, order, cols, mcol, seen)) {
            mcol[col] = r;
            return 1;
        }
    }
    return 0;
}

#define MAX_PERSONS_MATCH 64 /* beyond this, persons are paired greedily */

static int persons_agree(const emeeting *g, const emeeting *p)
{
    unsigned char adj[MAX_PERSONS_MATCH * MAX_PERSONS_MATCH];
    unsigned char seen[MAX_PERSONS_MATCH];
    size_t mcol[MAX_PERSONS_MATCH];
    size_t n = g->n_persons, i, j, found = 0;

    if (n != p->n_persons)
        return 0;
    if (n > MAX_PERSONS_MATCH)
        return 0; /* no real meeting names 64 persons: do not match */
    for (i = 0; i < n; i++) {
        mcol[i] = NONE;
        for (j = 0; j < n; j++)
            adj[i * n + j] = (unsigned char)persons_pair(&g->persons[i], &p->persons[j]);
    }
    for (i = 0; i < n; i++) {
        memset(seen, 0, n);
        if (!augment(i, adj, NULL, n, mcol, seen))
            return 0;
        found++;
    }
    return found == n;
}

/* Rule 3: groups equal, or country coverage. */
static int countries_agree(const emeeting *g, const emeeting *p)
{
    size_t i = 0, j = 0, common = 0, extra;

    if (g->group && p->group && strcmp(g->group, p->group) == 0)
        return 1;
    while (i < g->n_countries && j < p->n_countries) {
        int c = memcmp(g->countries[i], p->countries[j], 2);
        if (c == 0) {
            common++;
            i++;
            j++;
        } else if (c < 0) {
            i++;
        } else {
            j++;
        }
    }
    extra = p->n_countries - common;
    if (g->n_countries == 0)
        return 0;
    return common * COVER_DEN >= g->n_countries * COVER_NUM &&
           extra * EXTRA_PER <= g->n_countries;
}

static int meetings_agree(const emeeting *g, const emeeting *p)
{
    if (!dates_agree(g->date, p->date))
        return 0;
    if (g->n_persons > 0)
        return persons_agree(g, p);
    return countries_agree(g, p);
}

static int kinds_equal(int a, int b)
{
    if (a == DG_KIND_COCHAIR)
        a = DG_KIND_MULTILATERAL;
    if (b == DG_KIND_COCHAIR)
        b = DG_KIND_MULTILATERAL;
    return a == b;
}

static int places_equal(const char *a, const char *b)
{
    char *x, *y;
    int eq;

    if (!a || !b)
        return !a && !b;
    x = norm(a);
    y = norm(b);
    eq = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return eq;
}

static int countries_equal(const emeeting *g, const emeeting *p)
{
    return g->n_countries == p->n_countries &&
           (g->n_countries == 0 ||
            memcmp(g->countries, p->countries, g->n_countries * sizeof(*g->countries)) == 0);
}

/* How well a compatible pair agrees beyond the rules: candidates are
 * tried best first, so among maximum matchings the attributes line up. */
static int pair_score(const emeeting *g, const emeeting *p)
{
    return 8 * kinds_equal(g->kind, p->kind) + 4 * countries_equal(g, p) +
           2 * (g->date && p->date && strcmp(g->date, p->date) == 0) +
           places_equal(g->place, p->place);
}

/* ---- reading the gold ---- */

static int jerr(dg_error *e, const char *path, const char *key, const char *what)
{
    return dg_error_set(e, DG_EPARSE, "%s%s%s: %s", path, path[0] ? "." : "", key, what);
}

/* Optional string: absent or null gives NULL; the string is borrowed. */
static int jstr(const char **out, const cJSON *o, const char *key,
                const char *path, dg_error *e)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    *out = NULL;
    if (!v || cJSON_IsNull(v))
        return DG_OK;
    if (!cJSON_IsString(v))
        return jerr(e, path, key, "expected a string or null");
    if (dg_utf8_validate(v->valuestring, strlen(v->valuestring)) !=
        strlen(v->valuestring))
        return jerr(e, path, key, "invalid UTF-8");
    *out = v->valuestring;
    return DG_OK;
}

static int jcountry(const char **out, const cJSON *o, const char *key,
                    const char *path, dg_error *e)
{
    int rc = jstr(out, o, key, path, e);

    if (rc == DG_OK && *out && !valid_country(*out))
        return jerr(e, path, key, "expected a two-letter country code");
    return rc;
}

static int jlong(long *out, int *present, const cJSON *o, const char *key,
                 const char *path, dg_error *e)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    *present = 0;
    *out = 0;
    if (!v || cJSON_IsNull(v))
        return DG_OK;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
        v->valuedouble != floor(v->valuedouble) || v->valuedouble < 0 ||
        v->valuedouble > 2e9)
        return jerr(e, path, key, "expected a non-negative integer");
    *out = (long)v->valuedouble;
    *present = 1;
    return DG_OK;
}

static int who_add(dg_buf *who, const char *name, const char *country)
{
    int rc = DG_OK;

    if (who->len)
        rc = dg_buf_adds(who, ", ");
    if (rc == DG_OK && name)
        rc = dg_buf_addf(who, "%s (%s)", name, country ? country : "?");
    else if (rc == DG_OK)
        rc = dg_buf_addf(who, "[%s]", country ? country : "?");
    return rc;
}

/* One gold meeting object; path prefixes messages ("meetings[1]"). */
static int parse_gold_meeting(emeeting *m, const cJSON *o, const char *path,
                              ectx *c, dg_error *e)
{
    const cJSON *arr, *item;
    const char *s;
    char ppath[96];
    size_t cap = 0, i = 0, np = 0;
    dg_buf who = DG_BUF_INIT;
    int rc;

    memset(m, 0, sizeof(*m));
    m->doc = NONE;
    m->match = NONE;
    if (!cJSON_IsObject(o))
        return dg_error_set(e, DG_EPARSE, "%s: expected an object", path[0] ? path : "line");
    if ((rc = jstr(&s, o, "date", path, e)) < 0)
        return rc;
    if (s && !(m->date = dg_strdup0(s)))
        return DG_ENOMEM;
    if ((rc = jstr(&s, o, "kind", path, e)) < 0)
        return rc;
    if (!s)
        return jerr(e, path, "kind", "missing");
    {
        dg_kind k;
        if (dg_kind_parse(&k, s) < 0)
            return jerr(e, path, "kind", "unknown meeting kind");
        m->kind = (int)k;
    }
    if ((rc = jstr(&s, o, "place", path, e)) < 0)
        return rc;
    if (s && !(m->place = dg_strdup0(s)))
        return DG_ENOMEM;
    if ((rc = jstr(&s, o, "group", path, e)) < 0)
        return rc;
    if ((rc = fold(&m->group, NULL, s, c)) < 0)
        return rc;
    m->optional = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "optional")) ||
                  (!c->opts->strict_optional &&
                   (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "borderline")) ||
                    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "implicit"))));
    arr = cJSON_GetObjectItemCaseSensitive(o, "participants");
    if (arr && !cJSON_IsNull(arr) && !cJSON_IsArray(arr))
        return jerr(e, path, "participants", "expected an array");
    if (cJSON_IsArray(arr)) {
        np = (size_t)cJSON_GetArraySize(arr);
        m->persons = calloc(np ? np : 1, sizeof(*m->persons));
        if (!m->persons)
            return DG_ENOMEM;
    }
    cJSON_ArrayForEach(item, arr) {
        const char *en, *orig, *zh, *country;
        snprintf(ppath, sizeof(ppath), "%s%sparticipants[%zu]", path,
                 path[0] ? "." : "", i++);
        if (!cJSON_IsObject(item))
            return dg_error_set(e, DG_EPARSE, "%s: expected an object", ppath);
        if ((rc = jstr(&en, item, "name_en", ppath, e)) < 0 ||
            (rc = jstr(&orig, item, "name_orig", ppath, e)) < 0 ||
            (rc = jstr(&zh, item, "name_zh", ppath, e)) < 0 ||
            (rc = jcountry(&country, item, "country", ppath, e)) < 0)
            goto out;
        if (en && !*en)
            en = NULL;
        if (!zh || !*zh)
            zh = orig && *orig ? orig : NULL;
        if (en || zh) {
            if ((rc = make_person(&m->persons[m->n_persons], en, zh, country, c)) < 0)
                goto out;
            m->n_persons++;
        }
        if ((rc = add_country(m, country, &cap)) < 0)
            goto out;
        if (c->opts->show && (rc = who_add(&who, en ? en : zh, country)) < 0)
            goto out;
    }
    arr = cJSON_GetObjectItemCaseSensitive(o, "countries");
    if (arr && !cJSON_IsNull(arr) && !cJSON_IsArray(arr)) {
        rc = jerr(e, path, "countries", "expected an array");
        goto out;
    }
    cJSON_ArrayForEach(item, arr) {
        if (!cJSON_IsString(item) || !valid_country(item->valuestring)) {
            rc = jerr(e, path, "countries", "expected two-letter country codes");
            goto out;
        }
        if ((rc = add_country(m, item->valuestring, &cap)) < 0)
            goto out;
    }
    uniq_countries(m);
    if (c->opts->show && !(m->who = dg_buf_detach(&who)))
        rc = DG_ENOMEM;
out:
    dg_buf_destroy(&who);
    if (rc == DG_ENOMEM)
        dg_error_set(e, DG_ENOMEM, "out of memory");
    return rc;
}

static int push_gold(ectx *c, emeeting *m)
{
    void *p = c->gold;

    if (dg_grow_array(&p, &c->cap_gold, c->n_gold + 1, sizeof(*c->gold)) < 0)
        return DG_ENOMEM;
    c->gold = p;
    c->gold[c->n_gold++] = *m;
    return DG_OK;
}

static int push_doc(ectx *c, const edoc *d)
{
    void *p = c->docs;

    if (dg_grow_array(&p, &c->cap_docs, c->n_docs + 1, sizeof(*c->docs)) < 0)
        return DG_ENOMEM;
    c->docs = p;
    c->docs[c->n_docs++] = *d;
    return DG_OK;
}

static int intern_file(const char **out, ectx *c, const char *file, const char *lang)
{
    size_t i;
    void *p;

    if (c->last_file < c->n_files && strcmp(c->files[c->last_file], file) == 0) {
        *out = c->files[c->last_file];
        return DG_OK;
    }
    for (i = 0; i < c->n_files; i++)
        if (strcmp(c->files[i], file) == 0)
            break;
    if (i == c->n_files) {
        size_t cap = c->cap_files;
        p = c->files;
        if (dg_grow_array(&p, &cap, c->n_files + 1, sizeof(char *)) < 0)
            return DG_ENOMEM;
        c->files = p;
        p = c->file_lang;
        if (dg_grow_array(&p, &c->cap_files, c->n_files + 1, sizeof(char *)) < 0)
            return DG_ENOMEM;
        c->file_lang = p;
        c->files[i] = dg_strdup0(file);
        c->file_lang[i] = dg_strdup0(lang);
        if (!c->files[i] || (lang && !c->file_lang[i])) {
            free(c->files[i]);
            free(c->file_lang[i]);
            return DG_ENOMEM;
        }
        c->n_files++;
    }
    c->last_file = i;
    *out = c->files[i];
    return DG_OK;
}

static void doc_free(edoc *d)
{
    free(d->name);
    free(d->lang);
}

/* One gold line: a document (eval or seed layout) or one generator meeting.
 * The line is all or nothing: on error nothing of it is kept. */
static int parse_gold_line(ectx *c, const cJSON *o, long lineno, dg_error *e)
{
    const cJSON *arr, *item, *v;
    const char *lang, *file;
    edoc d;
    size_t first = c->n_gold, i = 0;
    char path[64];
    int rc, has;

    memset(&d, 0, sizeof(d));
    d.lineno = lineno;
    if (!cJSON_IsObject(o))
        return dg_error_set(e, DG_EPARSE, "expected a JSON object");
    if ((rc = jstr(&lang, o, "lang", "", e)) < 0)
        return rc;
    if (lang && !(d.lang = dg_strdup0(lang)))
        return DG_ENOMEM;
    if ((rc = jstr(&file, o, "file", "", e)) < 0)
        goto fail;
    if (file) {
        emeeting m;
        d.type = KEY_GEN;
        if ((rc = jlong(&d.num, &has, o, "doc", "", e)) < 0)
            goto fail;
        if (!has) {
            rc = jerr(e, "", "doc", "missing");
            goto fail;
        }
        if ((rc = intern_file(&d.file, c, file, lang)) < 0)
            goto fail;
        rc = parse_gold_meeting(&m, o, "", c, e);
        if (rc == DG_OK && lang && !(m.lang = dg_strdup0(lang)))
            rc = DG_ENOMEM;
        m.lineno = lineno;
        m.doc = c->n_docs;
        if (rc == DG_OK && (rc = push_gold(c, &m)) == DG_OK) {
            if ((rc = push_doc(c, &d)) == DG_OK)
                return DG_OK;
            c->n_gold--;
        }
        emeeting_destroy(&m);
        goto fail;
    }
    arr = cJSON_GetObjectItemCaseSensitive(o, "meetings");
    if (!cJSON_IsArray(arr)) {
        rc = dg_error_set(e, DG_EPARSE, "neither \"file\" (generator gold) nor a \"meetings\" array");
        goto fail;
    }
    if ((rc = jlong(&d.num, &has, o, "line", "", e)) < 0)
        goto fail;
    d.type = has ? KEY_LINE : KEY_NAME;
    v = cJSON_GetObjectItemCaseSensitive(o, "doc");
    if (cJSON_IsString(v) && v->valuestring[0]) {
        if (dg_utf8_validate(v->valuestring, strlen(v->valuestring)) != strlen(v->valuestring)) {
            rc = jerr(e, "", "doc", "invalid UTF-8");
            goto fail;
        }
        d.name = dg_strdup0(v->valuestring);
    } else if (cJSON_IsNumber(v) && isfinite(v->valuedouble) && fabs(v->valuedouble) < 1e15) {
        char num[32];
        snprintf(num, sizeof(num), "%.0f", v->valuedouble);
        d.name = dg_strdup0(num);
    } else if (d.type == KEY_NAME) {
        rc = jerr(e, "", "doc", "expected a document name (or a \"line\")");
        goto fail;
    }
    if (v && !d.name && (cJSON_IsString(v) || cJSON_IsNumber(v))) {
        rc = DG_ENOMEM;
        goto fail;
    }
    d.negative = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "negative"));
    cJSON_ArrayForEach(item, arr) {
        emeeting m;
        snprintf(path, sizeof(path), "meetings[%zu]", i++);
        rc = parse_gold_meeting(&m, item, path, c, e);
        if (rc == DG_OK && d.lang && !(m.lang = dg_strdup0(d.lang)))
            rc = DG_ENOMEM;
        m.lineno = lineno;
        m.doc = c->n_docs;
        if (rc == DG_OK)
            rc = push_gold(c, &m);
        if (rc < 0) {
            emeeting_destroy(&m);
            goto fail;
        }
    }
    if ((rc = push_doc(c, &d)) == DG_OK)
        return DG_OK;
fail:
    while (c->n_gold > first)
        emeeting_destroy(&c->gold[--c->n_gold]);
    doc_free(&d);
    if (rc == DG_ENOMEM)
        dg_error_set(e, DG_ENOMEM, "out of memory");
    return rc;
}

static int read_gold(ectx *c, const char *data, size_t len, dg_eval_result *res)
{
    size_t pos = 0;
    long lineno = 0;

    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        size_t a = pos, b = end;
        dg_error e = DG_ERROR_INIT;
        const char *jend = NULL;
        char *copy;
        cJSON *o;
        int rc;

        lineno++;
        pos = nl ? end + 1 : len;
        while (a < b && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r'))
            a++;
        while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
            b--;
        if (a == b)
            continue;
        if (b - a > DG_MAX_GOLD_LINE || memchr(data + a, '\0', b - a)) {
            dg_diag_warn(c->diag, c->name, lineno, "%s",
                         b - a > DG_MAX_GOLD_LINE ? "line too long" : "NUL byte in JSON line");
            res->skipped_lines++;
            continue;
        }
        copy = dg_strndup(data + a, b - a);
        if (!copy)
            return dg_error_set(c->err, DG_ENOMEM, "%s:%ld: out of memory", c->name, lineno);
        o = cJSON_ParseWithOpts(copy, &jend, 1);
        if (!o) {
            size_t at = jend && jend >= copy ? (size_t)(jend - copy) : 0;
            dg_diag_warn(c->diag, c->name, lineno, "malformed JSON at byte %zu", at + 1);
            res->skipped_lines++;
            free(copy);
            continue;
        }
        rc = parse_gold_line(c, o, lineno, &e);
        cJSON_Delete(o);
        free(copy);
        if (rc == DG_ENOMEM)
            return dg_error_set(c->err, DG_ENOMEM, "%s:%ld: out of memory", c->name, lineno);
        if (rc < 0) {
            dg_diag_warn(c->diag, c->name, lineno, "%s (line skipped)", e.msg);
            res->skipped_lines++;
        }
    }
    return DG_OK;
}

/* ---- documents ---- */

static int doc_key_cmp(const edoc *a, const edoc *b)
{
    int r;

    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if (a->type == KEY_GEN && (r = strcmp(a->file, b->file)) != 0)
        return r;
    if (a->type != KEY_NAME)
        return a->num < b->num ? -1 : a->num > b->num;
    return strcmp(a->name, b->name);
}

/* qsort has no context argument: the order is computed on a copy of the
 * keys with their original index, so no state outlives the call. */
typedef struct {
    edoc d;
    size_t idx;
} doc_ref;

static int doc_ref_cmp(const void *a, const void *b)
{
    const doc_ref *x = a, *y = b;
    int r = doc_key_cmp(&x->d, &y->d);

    if (r)
        return r;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sorts documents by key and merges equal keys (the generator writes one
 * line per meeting; a document listed twice is reported). */
static int group_docs(ectx *c)
{
    doc_ref *refs;
    size_t *map, i, n = 0, *cnt = NULL;
    edoc *docs;

    refs = calloc(c->n_docs ? c->n_docs : 1, sizeof(*refs));
    map = calloc(c->n_docs ? c->n_docs : 1, sizeof(*map));
    docs = calloc(c->n_docs ? c->n_docs : 1, sizeof(*docs));
    if (!refs || !map || !docs)
        goto oom;
    for (i = 0; i < c->n_docs; i++) {
        refs[i].d = c->docs[i];
        refs[i].idx = i;
    }
    qsort(refs, c->n_docs, sizeof(*refs), doc_ref_cmp);
    for (i = 0; i < c->n_docs; i++) {
        edoc *d = &c->docs[refs[i].idx];
        if (n > 0 && doc_key_cmp(&docs[n - 1], d) == 0) {
            edoc *m = &docs[n - 1];
            if (d->type != KEY_GEN)
                dg_diag_warn(c->diag, c->name, d->lineno,
                             "document %s already listed on line %ld: meetings merged",
                             d->name ? d->name : "?", m->lineno);
            m->negative |= d->negative;
            if (!m->lang) {
                m->lang = d->lang;
                d->lang = NULL;
            }
            doc_free(d);
        } else {
            docs[n++] = *d;
        }
        map[refs[i].idx] = n - 1;
    }
    free(c->docs);
    c->docs = docs;
    c->n_docs = n;
    c->cap_docs = n;
    docs = NULL;
    for (i = 0; i < c->n_gold; i++)
        c->gold[i].doc = map[c->gold[i].doc];
    /* gold indices grouped by document, in gold order */
    cnt = calloc(n + 1, sizeof(*cnt));
    c->gidx = malloc((c->n_gold ? c->n_gold : 1) * sizeof(*c->gidx));
    if (!cnt || !c->gidx)
        goto oom;
    for (i = 0; i < c->n_gold; i++)
        c->docs[c->gold[i].doc].ng++;
    for (i = 0; i < n; i++) {
        c->docs[i].g0 = cnt[n];
        cnt[n] += c->docs[i].ng;
        cnt[i] = c->docs[i].g0;
        c->n_gen += c->docs[i].type == KEY_GEN;
        c->n_line += c->docs[i].type == KEY_LINE;
        c->n_name += c->docs[i].type == KEY_NAME;
    }
    for (i = 0; i < c->n_gold; i++)
        c->gidx[cnt[c->gold[i].doc]++] = i;
    for (i = 0; i < n; i++)
        if (c->docs[i].negative && c->docs[i].ng > 0)
            dg_diag_warn(c->diag, c->name, c->docs[i].lineno,
                         "negative document lists %zu meetings: they are scored",
                         c->docs[i].ng);
    free(cnt);
    free(refs);
    free(map);
    return DG_OK;
oom:
    free(cnt);
    free(refs);
    free(map);
    free(docs);
    return dg_error_set(c->err, DG_ENOMEM, "out of memory");
}

static size_t find_key(const ectx *c, const edoc *key)
{
    size_t lo = 0, hi = c->n_docs;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = doc_key_cmp(&c->docs[mid], key);
        if (r == 0)
            return mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NONE;
}

/* One path is a suffix of the other at a directory boundary. */
static int path_tail_eq(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    const char *l = la >= lb ? a : b, *s = la >= lb ? b : a;
    size_t ll = la >= lb ? la : lb, ls = la >= lb ? lb : la;

    while (ls > 2 && s[0] == '.' && s[1] == '/') {
        s += 2;
        ls -= 2;
    }
    if (ls == 0 || strcmp(l + ll - ls, s) != 0)
        return 0;
    return ll == ls || l[ll - ls - 1] == '/';
}

static size_t find_gold_file(ectx *c, const char *file)
{
    size_t i, best = NONE;

    if (!file)
        return NONE;
    if (c->last_pfile && strcmp(c->last_pfile, file) == 0)
        return c->last_pfile_idx;
    for (i = 0; i < c->n_files; i++) {
        if (strcmp(c->files[i], file) == 0) {
            best = i;
            break;
        }
        if (best == NONE && path_tail_eq(c->files[i], file))
            best = i;
    }
    c->last_pfile = file;
    c->last_pfile_idx = best;
    return best;
}

/* Seed gold keys a document by the line where its evidence starts. That
 * is source.line when the reader makes a document of each line; when it
 * does not (a file without blank lines read as one document), the line
 * of source.byte in source.file says it, so the file is read once (when
 * it can be: else source.line stands). */
static long evidence_line(ectx *c, const dg_source *s)
{
    size_t lo, hi;

    if (!s->file || s->byte < 0)
        return s->line;
    if (!c->lines_file || strcmp(c->lines_file, s->file) != 0) {
        dg_buf b = DG_BUF_INIT;
        dg_error e = DG_ERROR_INIT;
        struct stat st;
        size_t i, cap = 0;
        void *p = NULL;

        free(c->lines_file);
        free(c->line_start);
        c->line_start = NULL;
        c->n_line_start = 0;
        c->lines_ok = 0;
        c->lines_file = dg_strdup0(s->file);
        if (!c->lines_file)
            return s->line;
        /* only regular files: never stdin ("-"), a FIFO or a device */
        if (strcmp(s->file, "-") != 0 && stat(s->file, &st) == 0 && S_ISREG(st.st_mode) &&
            (unsigned long long)st.st_size <= DG_MAX_SOURCE_BYTES &&
            dg_buf_read_file(&b, s->file, DG_MAX_SOURCE_BYTES, &e) == DG_OK &&
            dg_grow_array(&p, &cap, 1, sizeof(long long)) == DG_OK) {
            c->line_start = p;
            c->line_start[c->n_line_start++] = 0;
            c->lines_ok = 1;
            for (i = 0; i < b.len && c->lines_ok; i++) {
                if (b.ptr[i] != '\n' || i + 1 == b.len)
                    continue;
                p = c->line_start;
                if (dg_grow_array(&p, &cap, c->n_line_start + 1, sizeof(long long)) < 0) {
                    c->lines_ok = 0;
                    break;
                }
                c->line_start = p;
                c->line_start[c->n_line_start++] = (long long)(i + 1);
            }
            c->lines_ok = c->lines_ok && b.len > 0;
            p = c->line_start;
            if (c->lines_ok &&
                dg_grow_array(&p, &cap, c->n_line_start + 1, sizeof(long long)) == DG_OK) {
                c->line_start = p;
                c->line_start[c->n_line_start] = (long long)b.len; /* end sentinel */
            } else {
                c->lines_ok = 0;
            }
        }
        if (!c->lines_ok) {
            free(c->line_start);
            c->line_start = NULL;
            c->n_line_start = 0;
        }
        dg_buf_destroy(&b);
    }
    if (!c->lines_ok || s->byte >= c->line_start[c->n_line_start])
        return s->line;
    lo = 0;
    hi = c->n_line_start;
    while (hi - lo > 1) { /* last line start <= byte */
        size_t mid = lo + (hi - lo) / 2;
        if (c->line_start[mid] <= s->byte)
            lo = mid;
        else
            hi = mid;
    }
    return (long)lo + 1;
}

/* The document a prediction belongs to, or NONE; *known tells whether the
 * gold knows the prediction's file at all. */
static size_t find_doc(ectx *c, const dg_meeting *m, int *known, const char **lang)
{
    const dg_source *s = m->n_sources ? &m->sources[0] : NULL;
    edoc key;
    size_t d;

    *known = 0;
    *lang = s && s->lang ? s->lang : "?";
    if (!s)
        return NONE;
    memset(&key, 0, sizeof(key));
    if (c->n_gen) {
        size_t f = find_gold_file(c, s->file);
        if (f != NONE) {
            *known = 1;
            if (c->file_lang[f])
                *lang = c->file_lang[f];
            key.type = KEY_GEN;
            key.file = c->files[f];
            key.num = s->doc;
            if ((d = find_key(c, &key)) != NONE)
                return d;
        }
    }
    if (c->n_line) {
        /* line-keyed gold annotates one file: every line of it is known */
        *known = 1;
        key.type = KEY_LINE;
        key.num = evidence_line(c, s);
        if ((d = find_key(c, &key)) != NONE)
            return d;
    }
    if (c->n_name && s->file) {
        const char *base = strrchr(s->file, '/');
        const char *dot;
        char name[256];
        size_t n;
        base = base ? base + 1 : s->file;
        dot = strrchr(base, '.');
        n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
        if (n < sizeof(name)) {
            memcpy(name, base, n);
            name[n] = '\0';
            key.type = KEY_NAME;
            key.name = name;
            if ((d = find_key(c, &key)) != NONE) {
                *known = 1;
                return d;
            }
        }
    }
    return NONE;
}

/* ---- matching ---- */

typedef struct {
    int score;
    size_t col;
} cand;

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

/* Maximum matching between the document's gold and predicted meetings:
 * first the counted gold, then the optional gold over the predictions
 * left, so an optional meeting never takes a match from a counted one. */
static int match_doc(ectx *c, const edoc *d)
{
    size_t ng = d->ng, np = d->np, r, k, n;
    unsigned char *adj = NULL, *seen = NULL;
    size_t *order = NULL, *mcol = NULL;
    cand *cands = NULL;
    int pass, rc = DG_OK;

    if (ng == 0 || np == 0)
        return DG_OK;
    if (ng > SIZE_MAX / np / sizeof(size_t))
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    adj = calloc(ng * np, 1);
    order = malloc(ng * np * sizeof(*order));
    mcol = malloc(np * sizeof(*mcol));
    seen = malloc(np);
    cands = malloc(np * sizeof(*cands));
    if (!adj || !order || !mcol || !seen || !cands) {
        rc = dg_error_set(c->err, DG_ENOMEM, "out of memory");
        goto out;
    }
    for (r = 0; r < ng; r++) {
        const emeeting *g = &c->gold[c->gidx[d->g0 + r]];
        n = 0;
        for (k = 0; k < np; k++) {
            const emeeting *p = &c->pred[c->pidx[d->p0 + k]];
            if (meetings_agree(g, p)) {
                adj[r * np + k] = 1;
                cands[n].score = pair_score(g, p);
                cands[n++].col = k;
            }
        }
        qsort(cands, n, sizeof(*cands), cand_cmp);
        for (k = 0; k < np; k++)
            order[r * np + k] = k < n ? cands[k].col : NONE;
    }
    for (k = 0; k < np; k++)
        mcol[k] = NONE;
    for (pass = 0; pass < 2; pass++) {
        for (r = 0; r < ng; r++) {
            if (c->gold[c->gidx[d->g0 + r]].optional != pass)
                continue;
            memset(seen, 0, np);
            if (pass == 1) /* counted matches stay */
                for (k = 0; k < np; k++)
                    if (mcol[k] != NONE && !c->gold[c->gidx[d->g0 + mcol[k]]].optional)
                        seen[k] = 1;
            augment(r, adj, order, np, mcol, seen);
        }
    }
    for (k = 0; k < np; k++) {
        if (mcol[k] != NONE) {
            size_t gi = c->gidx[d->g0 + mcol[k]], pi = c->pidx[d->p0 + k];
            c->gold[gi].match = pi;
            c->pred[pi].match = gi;
            if (c->gold[gi].optional)
                c->pred[pi].counted = 0;
        }
    }
out:
    free(adj);
    free(order);
    free(mcol);
    free(seen);
    free(cands);
    return rc;
}

/* Predictions into emeetings, grouped by document. */
static int place_predictions(ectx *c, const dg_meeting_list *pl, dg_eval_result *res)
{
    size_t i, *cnt = NULL;
    int rc = DG_OK;

    c->n_pred = pl ? pl->len : 0;
    c->pred = calloc(c->n_pred ? c->n_pred : 1, sizeof(*c->pred));
    c->pidx = malloc((c->n_pred ? c->n_pred : 1) * sizeof(*c->pidx));
    c->outidx = malloc((c->n_pred ? c->n_pred : 1) * sizeof(*c->outidx));
    cnt = calloc(c->n_docs + 1, sizeof(*cnt));
    if (!c->pred || !c->pidx || !c->outidx || !cnt) {
        free(cnt);
        return dg_error_set(c->err, DG_ENOMEM, "out of memory");
    }
    for (i = 0; i < c->n_pred; i++) {
        const dg_meeting *m = &pl->items[i];
        emeeting *e = &c->pred[i];
        const char *lang;
        int known;
        size_t d = find_doc(c, m, &known, &lang);

        if ((rc = pred_from_meeting(e, m, c)) < 0) {
            rc = dg_error_set(c->err, DG_ENOMEM, "out of memory");
            break;
        }
        e->doc = d;
        if (d != NONE) {
            const edoc *doc = &c->docs[d];
            if (doc->lang)
                lang = doc->lang;
            else if (doc->ng && c->gold[c->gidx[doc->g0]].lang)
                lang = c->gold[c->gidx[doc->g0]].lang;
            c->docs[d].np++;
        } else {
            res->outside++;
            if (!known && c->opts->ignore_unknown) {
                e->counted = 0;
                res->ignored++;
            }
            c->outidx[c->n_out++] = i;
        }
        if (!(e->lang = dg_strdup0(lang))) {
            rc = dg_error_set(c->err, DG_ENOMEM, "out of memory");
            break;
        }
    }
    if (rc == DG_OK) {
        size_t total = 0;
        for (i = 0; i < c->n_docs; i++) {
            c->docs[i].p0 = total;
            cnt[i] = total;
            total += c->docs[i].np;
        }
        for (i = 0; i < c->n_pred; i++)
            if (c->pred[i].doc != NONE)
                c->pidx[cnt[c->pred[i].doc]++] = i;
    }
    free(cnt);
    return rc;
}

static dg_eval_count *lang_count(ectx *c, const char *lang)
{
    size_t i;
    void *p;

    if (!lang)
        lang = "?";
    for (i = 0; i < c->n_langs; i++)
        if (strcmp(c->langs[i].lang, lang) == 0)
            return &c->langs[i].c;
    p = c->langs;
    if (dg_grow_array(&p, &c->cap_langs, c->n_langs + 1, sizeof(*c->langs)) < 0)
        return NULL;
    c->langs = p;
    memset(&c->langs[c->n_langs], 0, sizeof(*c->langs));
    if (!(c->langs[c->n_langs].lang = dg_strdup0(lang)))
        return NULL;
    return &c->langs[c->n_langs++].c;
}

static double ratio(long a, long b)
{
    return b > 0 ? (double)a / (double)b : 0.0;
}

static int tally(ectx *c, dg_eval_result *res)
{
    size_t i;

    for (i = 0; i < c->n_gold; i++) {
        const emeeting *g = &c->gold[i];
        dg_eval_count *lc;
        if (g->optional) {
            res->optional_gold++;
            continue;
        }
        if (!(lc = lang_count(c, g->lang)))
            return dg_error_set(c->err, DG_ENOMEM, "out of memory");
        res->gold++;
        res->by_kind[g->kind].gold++;
        lc->gold++;
        if (g->match != NONE) {
            const emeeting *p = &c->pred[g->match];
            res->matched++;
            res->by_kind[g->kind].gold_matched++;
            lc->gold_matched++;
            res->kind_ok += kinds_equal(g->kind, p->kind);
            res->place_ok += places_equal(g->place, p->place);
            res->date_exact += (!g->date && !p->date) ||
                               (g->date && p->date && strcmp(g->date, p->date) == 0);
        }
    }
    for (i = 0; i < c->n_pred; i++) {
        const emeeting *p = &c->pred[i];
        dg_eval_count *lc;
        if (!p->counted) {
            if (p->match != NONE)
                res->optional_matched++;
            continue;
        }
        if (!(lc = lang_count(c, p->lang)))
            return dg_error_set(c->err, DG_ENOMEM, "out of memory");
        res->predicted++;
        res->by_kind[p->kind].predicted++;
        lc->predicted++;
        if (p->match != NONE) {
            res->by_kind[p->kind].predicted_matched++;
            lc->predicted_matched++;
        }
    }
    for (i = 0; i < c->n_docs; i++) {
        res->gold_docs++;
        res->negative_docs += c->docs[i].negative || c->docs[i].ng == 0;
    }
    res->precision = ratio(res->matched, res->predicted);
    res->recall = ratio(res->matched, res->gold);
    res->f1 = res->precision + res->recall > 0
                  ? 2 * res->precision * res->recall / (res->precision + res->recall)
                  : 0.0;
    res->kind_acc = ratio(res->kind_ok, res->matched);
    res->place_acc = ratio(res->place_ok, res->matched);
    res->date_rate = ratio(res->date_exact, res->matched);
    return DG_OK;
}

/* ---- the report ---- */

static int doc_label(dg_buf *b, const ectx *c, const emeeting *m)
{
    const dg_source *s;

    if (m->doc != NONE) {
        const edoc *d = &c->docs[m->doc];
        if (d->type == KEY_GEN)
            return dg_buf_addf(b, "%s#%ld", d->file, d->num);
        if (d->name)
            return dg_buf_adds(b, d->name);
        return dg_buf_addf(b, "line %ld", d->num);
    }
    s = m->src && m->src->n_sources ? &m->src->sources[0] : NULL;
    if (!s)
        return dg_buf_adds(b, "(no source)");
    if (s->line > 0)
        return dg_buf_addf(b, "%s:%ld#%ld", s->file ? s->file : "?", s->line, s->doc);
    return dg_buf_addf(b, "%s#%ld", s->file ? s->file : "?", s->doc);
}

static int pred_who(dg_buf *b, const dg_meeting *m)
{
    size_t i;
    int rc = DG_OK;

    for (i = 0; rc == DG_OK && i < m->n_parties; i++) {
        const dg_party *p = &m->parties[i];
        const char *name = p->name ? p->name : p->name_zh;
        if (i)
            rc = dg_buf_adds(b, ", ");
        if (rc < 0)
            break;
        if (p->type == DG_PARTY_PERSON)
            rc = dg_buf_addf(b, "%s (%s)", name ? name : "?", p->country[0] ? p->country : "?");
        else if (p->type == DG_PARTY_COUNTRY || !name)
            rc = dg_buf_addf(b, "[%s]", p->country[0] ? p->country : (p->id ? p->id : "?"));
        else
            rc = dg_buf_addf(b, "[%s]", name);
    }
    return rc;
}

/* "doc  date  kind  who" for one meeting (gold when gold != 0). */
static int meeting_line(dg_buf *b, const ectx *c, const emeeting *m, int gold)
{
    int rc = dg_buf_adds(b, "  ");

    if (rc == DG_OK)
        rc = doc_label(b, c, m);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "  %s  %s  ", m->date ? m->date : "-", dg_kind_name((dg_kind)m->kind));
    if (rc == DG_OK)
        rc = gold ? dg_buf_adds(b, m->who ? m->who : "") : pred_who(b, m->src);
    if (rc == DG_OK)
        rc = dg_buf_addc(b, '\n');
    return rc;
}

static int lang_row_cmp(const void *a, const void *b)
{
    return strcmp(((const lang_row *)a)->lang, ((const lang_row *)b)->lang);
}

static const char *fmt_ratio(char *buf, size_t n, long a, long b)
{
    if (b <= 0)
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.3f", (double)a / (double)b);
    return buf;
}

static int count_row(dg_buf *b, const char *label, const dg_eval_count *k)
{
    char r1[16], r2[16];

    return dg_buf_addf(b, "  %-12s %5ld %6ld %6s %6ld %6ld %6s\n", label, k->gold,
                       k->gold_matched, fmt_ratio(r1, sizeof(r1), k->gold_matched, k->gold),
                       k->predicted, k->predicted_matched,
                       fmt_ratio(r2, sizeof(r2), k->predicted_matched, k->predicted));
}

static const char *gold_format(const ectx *c)
{
    int kinds = (c->n_gen > 0) + (c->n_line > 0) + (c->n_name > 0);

    if (kinds > 1)
        return "mixed";
    if (c->n_gen)
        return "generator";
    if (c->n_line)
        return "seed";
    return kinds ? "eval" : "empty";
}

static int text_report(dg_buf *b, ectx *c, const dg_eval_result *r)
{
    char x[3][16];
    size_t i, j;
    int rc;

    rc = dg_buf_addf(b, "precision %s  recall %s  F1 %s\n",
                     fmt_ratio(x[0], 16, r->matched, r->predicted),
                     fmt_ratio(x[1], 16, r->matched, r->gold),
                     r->predicted > 0 && r->gold > 0 ? (snprintf(x[2], 16, "%.3f", r->f1), x[2]) : "-");
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "matched %ld  predicted %ld  gold %ld\n", r->matched,
                         r->predicted, r->gold);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "false positives %ld  misses %ld\n", r->predicted - r->matched,
                         r->gold - r->matched);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "kind accuracy %s (%ld/%ld, cochair = multilateral)\n",
                         fmt_ratio(x[0], 16, r->kind_ok, r->matched), r->kind_ok, r->matched);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "place accuracy %s (%ld/%ld)\n",
                         fmt_ratio(x[0], 16, r->place_ok, r->matched), r->place_ok, r->matched);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "exact dates %s (%ld/%ld)\n",
                         fmt_ratio(x[0], 16, r->date_exact, r->matched), r->date_exact, r->matched);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "optional gold %ld, predictions matching them %ld (not counted)\n",
                         r->optional_gold, r->optional_matched);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "predictions outside gold documents %ld (ignored %ld, the rest are false positives)\n",
                         r->outside, r->ignored);
    if (rc == DG_OK)
        rc = dg_buf_addf(b, "gold: %s format, %ld documents (%ld without meetings), %ld lines skipped\n",
                         gold_format(c), r->gold_docs, r->negative_docs, r->skipped_lines);
    if (rc == DG_OK)
        rc = dg_buf_adds(b, "\nby kind         gold  found recall   pred  right   prec\n");
    for (i = 0; rc == DG_OK && i < DG_KIND_COUNT; i++)
        if (r->by_kind[i].gold || r->by_kind[i].predicted)
            rc = count_row(b, dg_kind_name((dg_kind)i), &r->by_kind[i]);
    if (rc == DG_OK)
        rc = dg_buf_adds(b, "by language     gold  found recall   pred  right   prec\n");
    for (i = 0; rc == DG_OK && i < c->n_langs; i++)
        rc = count_row(b, c->langs[i].lang, &c->langs[i].c);
    if (rc < 0 || !c->opts->show)
        return rc;
    rc = dg_buf_adds(b, "\nmisses:\n");
    for (i = 0; rc == DG_OK && i < c->n_docs; i++)
        for (j = 0; rc == DG_OK && j < c->docs[i].ng; j++) {
            const emeeting *g = &c->gold[c->gidx[c->docs[i].g0 + j]];
            if (!g->optional && g->match == NONE)
                rc = meeting_line(b, c, g, 1);
        }
    if (rc == DG_OK)
        rc = dg_buf_adds(b, "false positives:\n");
    for (i = 0; rc == DG_OK && i < c->n_docs; i++)
        for (j = 0; rc == DG_OK && j < c->docs[i].np; j++) {
            const emeeting *p = &c->pred[c->pidx[c->docs[i].p0 + j]];
            if (p->counted && p->match == NONE)
                rc = meeting_line(b, c, p, 0);
        }
    for (i = 0; rc == DG_OK && i < c->n_out; i++) {
        const emeeting *p = &c->pred[c->outidx[i]];
        if (p->counted)
            rc = meeting_line(b, c, p, 0);
    }
    if (rc == DG_OK)
        rc = dg_buf_adds(b, "differences in matched pairs (gold / predicted):\n");
    for (i = 0; rc == DG_OK && i < c->n_docs; i++)
        for (j = 0; rc == DG_OK && j < c->docs[i].ng; j++) {
            const emeeting *g = &c->gold[c->gidx[c->docs[i].g0 + j]], *p;
            if (g->optional || g->match == NONE)
                continue;
            p = &c->pred[g->match];
            if (kinds_equal(g->kind, p->kind) && places_equal(g->place, p->place) &&
                dg_strcmp0(g->date, p->date) == 0)
                continue;
            rc = dg_buf_adds(b, "  ");
            if (rc == DG_OK)
                rc = doc_label(b, c, g);
            if (rc == DG_OK && !kinds_equal(g->kind, p->kind))
                rc = dg_buf_addf(b, "  kind %s / %s", dg_kind_name((dg_kind)g->kind),
                                 dg_kind_name((dg_kind)p->kind));
            if (rc == DG_OK && !places_equal(g->place, p->place))
                rc = dg_buf_addf(b, "  place %s / %s", g->place ? g->place : "-",
                                 p->place ? p->place : "-");
            if (rc == DG_OK && dg_strcmp0(g->date, p->date) != 0)
                rc = dg_buf_addf(b, "  date %s / %s", g->date ? g->date : "-",
                                 p->date ? p->date : "-");
            if (rc == DG_OK)
                rc = dg_buf_addc(b, '\n');
        }
    return rc;
}

/* Ratios rounded to 4 decimals so the JSON text is stable; null when the
 * denominator is 0. */
static cJSON *jratio(long a, long b)
{
    return b > 0 ? cJSON_CreateNumber(round((double)a / (double)b * 1e4) / 1e4)
                 : cJSON_CreateNull();
}

static cJSON *count_json(const dg_eval_count *k)
{
    cJSON *o = cJSON_CreateObject();

    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "gold", (double)k->gold);
    cJSON_AddNumberToObject(o, "found", (double)k->gold_matched);
    cJSON_AddItemToObject(o, "recall", jratio(k->gold_matched, k->gold));
    cJSON_AddNumberToObject(o, "predicted", (double)k->predicted);
    cJSON_AddNumberToObject(o, "right", (double)k->predicted_matched);
    cJSON_AddItemToObject(o, "precision", jratio(k->predicted_matched, k->predicted));
    return o;
}

static cJSON *meeting_json(const ectx *c, const emeeting *m, int gold)
{
    cJSON *o = cJSON_CreateObject();
    dg_buf b = DG_BUF_INIT;
    int ok;

    if (!o)
        return NULL;
    ok = doc_label(&b, c, m) == DG_OK;
    cJSON_AddItemToObject(o, "doc", cJSON_CreateString(dg_buf_cstr(&b)));
    cJSON_AddItemToObject(o, "date", m->date ? cJSON_CreateString(m->date) : cJSON_CreateNull());
    cJSON_AddStringToObject(o, "kind", dg_kind_name((dg_kind)m->kind));
    dg_buf_reset(&b);
    ok = ok && (gold ? dg_buf_adds(&b, m->who ? m->who : "") : pred_who(&b, m->src)) == DG_OK;
    cJSON_AddItemToObject(o, "participants", cJSON_CreateString(dg_buf_cstr(&b)));
    if (gold)
        cJSON_AddNumberToObject(o, "gold_line", (double)m->lineno);
    dg_buf_destroy(&b);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static int json_report(dg_buf *b, ectx *c, const dg_eval_result *r)
{
    cJSON *o = cJSON_CreateObject(), *k, *a;
    char *text = NULL;
    size_t i, j;
    int rc = DG_ENOMEM;

    if (!o)
        return DG_ENOMEM;
    cJSON_AddItemToObject(o, "precision", jratio(r->matched, r->predicted));
    cJSON_AddItemToObject(o, "recall", jratio(r->matched, r->gold));
    cJSON_AddItemToObject(o, "f1", r->predicted > 0 && r->gold > 0
                                       ? cJSON_CreateNumber(round(r->f1 * 1e4) / 1e4)
                                       : cJSON_CreateNull());
    cJSON_AddNumberToObject(o, "matched", (double)r->matched);
    cJSON_AddNumberToObject(o, "predicted", (double)r->predicted);
    cJSON_AddNumberToObject(o, "gold", (double)r->gold);
    cJSON_AddNumberToObject(o, "false_positives", (double)(r->predicted - r->matched));
    cJSON_AddNumberToObject(o, "misses", (double)(r->gold - r->matched));
    cJSON_AddItemToObject(o, "kind_accuracy", jratio(r->kind_ok, r->matched));
    cJSON_AddItemToObject(o, "place_accuracy", jratio(r->place_ok, r->matched));
    cJSON_AddItemToObject(o, "exact_date_rate", jratio(r->date_exact, r->matched));
    cJSON_AddNumberToObject(o, "kind_ok", (double)r->kind_ok);
    cJSON_AddNumberToObject(o, "place_ok", (double)r->place_ok);
    cJSON_AddNumberToObject(o, "date_exact", (double)r->date_exact);
    cJSON_AddNumberToObject(o, "optional_gold", (double)r->optional_gold);
    cJSON_AddNumberToObject(o, "optional_matched", (double)r->optional_matched);
    cJSON_AddNumberToObject(o, "outside", (double)r->outside);
    cJSON_AddNumberToObject(o, "ignored", (double)r->ignored);
    cJSON_AddStringToObject(o, "gold_format", gold_format(c));
    cJSON_AddNumberToObject(o, "gold_docs", (double)r->gold_docs);
    cJSON_AddNumberToObject(o, "gold_docs_without_meetings", (double)r->negative_docs);
    cJSON_AddNumberToObject(o, "skipped_lines", (double)r->skipped_lines);
    k = cJSON_AddObjectToObject(o, "by_kind");
    for (i = 0; k && i < DG_KIND_COUNT; i++)
        if (r->by_kind[i].gold || r->by_kind[i].predicted)
            cJSON_AddItemToObject(k, dg_kind_name((dg_kind)i), count_json(&r->by_kind[i]));
    k = cJSON_AddObjectToObject(o, "by_lang");
    for (i = 0; k && i < c->n_langs; i++)
        cJSON_AddItemToObject(k, c->langs[i].lang, count_json(&c->langs[i].c));
    if (c->opts->show) {
        a = cJSON_AddArrayToObject(o, "missed_meetings");
        for (i = 0; a && i < c->n_docs; i++)
            for (j = 0; j < c->docs[i].ng; j++) {
                const emeeting *g = &c->gold[c->gidx[c->docs[i].g0 + j]];
                if (!g->optional && g->match == NONE)
                    cJSON_AddItemToArray(a, meeting_json(c, g, 1));
            }
        a = cJSON_AddArrayToObject(o, "false_positive_meetings");
        for (i = 0; a && i < c->n_docs; i++)
            for (j = 0; j < c->docs[i].np; j++) {
                const emeeting *p = &c->pred[c->pidx[c->docs[i].p0 + j]];
                if (p->counted && p->match == NONE)
                    cJSON_AddItemToArray(a, meeting_json(c, p, 0));
            }
        for (i = 0; a && i < c->n_out; i++)
            if (c->pred[c->outidx[i]].counted)
                cJSON_AddItemToArray(a, meeting_json(c, &c->pred[c->outidx[i]], 0));
    }
    text = cJSON_PrintUnformatted(o);
    if (text && (rc = dg_buf_adds(b, text)) == DG_OK)
        rc = dg_buf_addc(b, '\n');
    if (text)
        cJSON_free(text);
    cJSON_Delete(o);
    return rc;
}

/* ---- entry points ---- */

static void ctx_destroy(ectx *c)
{
    size_t i;

    for (i = 0; i < c->n_gold; i++)
        emeeting_destroy(&c->gold[i]);
    free(c->gold);
    for (i = 0; i < c->n_pred; i++)
        emeeting_destroy(&c->pred[i]);
    free(c->pred);
    for (i = 0; i < c->n_docs; i++)
        doc_free(&c->docs[i]);
    free(c->docs);
    for (i = 0; i < c->n_files; i++) {
        free(c->files[i]);
        free(c->file_lang[i]);
    }
    free(c->files);
    free(c->file_lang);
    free(c->gidx);
    free(c->pidx);
    free(c->outidx);
    for (i = 0; i < c->n_langs; i++)
        free(c->langs[i].lang);
    free(c->langs);
    free(c->lines_file);
    free(c->line_start);
    if (c->cc)
        opencc_close(c->cc);
}

int dg_eval_buf(dg_eval_result *res, dg_buf *report, const char *gold,
                size_t gold_len, const char *name,
                const dg_meeting_list *predicted, const dg_eval_opts *opts,
                dg_diag *diag, dg_error *err)
{
    static const dg_eval_opts defaults = DG_EVAL_OPTS_INIT;
    dg_eval_result r;
    ectx c;
    size_t i;
    int rc;

    memset(&r, 0, sizeof(r));
    memset(&c, 0, sizeof(c));
    c.opts = opts ? opts : &defaults;
    c.diag = diag;
    c.err = err;
    c.name = name ? name : "gold";
    c.last_file = NONE;
    rc = read_gold(&c, gold ? gold : "", gold ? gold_len : 0, &r);
    if (rc == DG_OK)
        rc = group_docs(&c);
    if (rc == DG_OK)
        rc = place_predictions(&c, predicted, &r);
    for (i = 0; rc == DG_OK && i < c.n_docs; i++)
        rc = match_doc(&c, &c.docs[i]);
    if (rc == DG_OK)
        rc = tally(&c, &r);
    if (rc == DG_OK && c.n_langs > 1)
        qsort(c.langs, c.n_langs, sizeof(*c.langs), lang_row_cmp);
    if (rc == DG_OK && report) {
        rc = c.opts->format == DG_EVAL_JSON ? json_report(report, &c, &r)
                                            : text_report(report, &c, &r);
        if (rc < 0)
            rc = dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    if (rc == DG_OK)
        *res = r;
    ctx_destroy(&c);
    return rc;
}

int dg_eval(dg_eval_result *res, dg_buf *report, const char *gold_path,
            const dg_meeting_list *predicted, const dg_eval_opts *opts,
            dg_diag *diag, dg_error *err)
{
    dg_buf b = DG_BUF_INIT;
    int rc = dg_buf_read_file(&b, gold_path, SIZE_MAX - 1, err);

    if (rc == DG_OK)
        rc = dg_eval_buf(res, report, dg_buf_cstr(&b), b.len,
                         strcmp(gold_path, "-") == 0 ? "<stdin>" : gold_path,
                         predicted, opts, diag, err);
    dg_buf_destroy(&b);
    return rc;
}
