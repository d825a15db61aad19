/* Folding for matching; see normalize.h. */
#include <utf8proc.h>

#include "diplograph/normalize.h"
#include "diplograph/utf8.h"
#include "common.h"
#include "text/t2s_table.h"

/* Code points below this fold through the table; above they stay. */
#define FOLD_TABLE_SIZE 0x10000u
#define FOLD_DELETE 0xFFFFFFFFu

struct dg_fold {
    uint32_t *table; /* 0: unchanged; FOLD_DELETE: removed */
};

static void set_range(uint32_t *t, uint32_t lo, uint32_t hi, uint32_t to)
{
    uint32_t c;
    for (c = lo; c <= hi; c++)
        t[c] = to;
}

/* Latin letters with diacritics fold to their base letter (ö -> o), so a
 * text with stripped accents still matches the gazetteer. */
static void add_accent_folds(uint32_t *t)
{
    uint32_t c;

    for (c = 0xC0; c <= 0x24F; c++) {
        utf8proc_int32_t buf[8];
        int rc;
        utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 8,
                                                     UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                     UTF8PROC_CASEFOLD, &rc);
        if (n == 1 && buf[0] < 0x80 && (uint32_t)buf[0] != c)
            t[c] = (uint32_t)buf[0];
    }
    t[0xDF] = 's';  /* ß */
    t[0xD8] = 'o';  /* Ø */
    t[0xF8] = 'o';
    t[0x141] = 'l'; /* Ł */
    t[0x142] = 'l';
    t[0x110] = 'd'; /* Đ (Vietnamese) */
    t[0x111] = 'd';
}

dg_fold *dg_fold_new(void)
{
    dg_fold *f = malloc(sizeof(*f));
    uint32_t *t;
    size_t i;
    uint32_t c;

    if (!f)
        return NULL;
    t = calloc(FOLD_TABLE_SIZE, sizeof(*t));
    if (!t) {
        free(f);
        return NULL;
    }
    for (c = 'A'; c <= 'Z'; c++)
        t[c] = c + 32;
    for (c = 0xFF01; c <= 0xFF5E; c++) {
        uint32_t a = c - 0xFF01 + 0x21;
        t[c] = (a >= 'A' && a <= 'Z') ? a + 32 : a;
    }
    add_accent_folds(t);
    for (i = 0; i < DG_ARRAY_LEN(dg_t2s_pairs); i++)
        if (dg_t2s_pairs[i][0] < FOLD_TABLE_SIZE)
            t[dg_t2s_pairs[i][0]] = dg_t2s_pairs[i][1];
    /* spaces */
    t[0x00A0] = ' ';
    t[0x3000] = ' ';
    set_range(t, 0x2000, 0x200A, ' ');
    t[0x202F] = ' ';
    t[0x205F] = ' ';
    t['\t'] = ' ';
    /* zero-width characters and the BOM vanish */
    set_range(t, 0x200B, 0x200D, FOLD_DELETE);
    t[0x2060] = FOLD_DELETE;
    t[0xFEFF] = FOLD_DELETE;
    /* dashes */
    set_range(t, 0x2010, 0x2015, '-');
    t[0x2212] = '-';
    t[0xFE58] = '-';
    t[0xFE63] = '-';
    /* quotes */
    t[0x2018] = '\'';
    t[0x2019] = '\'';
    t[0x2032] = '\'';
    t[0x201C] = '"';
    t[0x201D] = '"';
    /* middle dots in transliterated names (特奥多罗·洛钦) */
    t[0x30FB] = 0xB7;
    t[0x2022] = 0xB7;
    t[0x2027] = 0xB7;
    t[0xFF65] = 0xB7;
    t[0x2219] = 0xB7;
    f->table = t;
    return f;
}

void dg_fold_free(dg_fold *f)
{
    if (!f)
        return;
    free(f->table);
    free(f);
}

uint32_t dg_fold_cp(const dg_fold *f, uint32_t cp)
{
    uint32_t v;

    if (cp >= FOLD_TABLE_SIZE)
        return cp;
    v = f->table[cp];
    if (v == FOLD_DELETE)
        return 0;
    return v ? v : cp;
}

void dg_folded_destroy(dg_folded *fd)
{
    dg_buf_destroy(&fd->text);
    free(fd->map);
    fd->map = NULL;
    fd->map_cap = 0;
}

/* The character entities that scraped plain text keeps (Ministers&rsquo;
 * Meeting), folded as the characters they stand for; the length of the
 * one at p, its folded byte in *c, or 0. */
static size_t entity_at(const char *p, const char *end, char *c)
{
    static const struct {
        const char *name;
        char c;
    } ents[] = {
        { "&rsquo;", '\'' }, { "&lsquo;", '\'' }, { "&apos;", '\'' }, { "&#39;", '\'' },
        { "&#8217;", '\'' }, { "&quot;", '"' },   { "&ldquo;", '"' },  { "&rdquo;", '"' },
        { "&#34;", '"' },     { "&amp;", '&' },    { "&nbsp;", ' ' },   { "&#160;", ' ' },
        { "&mdash;", '-' },   { "&ndash;", '-' },
    };
    size_t i, n;

    for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
        n = strlen(ents[i].name);
        if ((size_t)(end - p) >= n && memcmp(p, ents[i].name, n) == 0) {
            *c = ents[i].c;
            return n;
        }
    }
    return 0;
}

static int fold_core(const dg_fold *f, dg_buf *out, uint32_t **map,
                     size_t *map_cap, const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    size_t base = out->len;
    int rc;

    /* folding never grows ASCII and grows nothing by more than 3x (an
     * invalid byte becomes U+FFFD) */
    if (len > (SIZE_MAX - 8) / 3)
        return DG_ENOMEM;
    rc = dg_buf_grow(out, len * 3 + 4);
    if (rc < 0)
        return rc;
    if (map) {
        void *m = *map;
        rc = dg_grow_array(&m, map_cap, base + len * 3 + 4, sizeof(uint32_t));
        *map = m;
        if (rc < 0)
            return rc;
    }
    {
        char *o = out->ptr + out->len;
        uint32_t *mp = map ? *map + out->len : NULL;
        const uint32_t *t = f->table;

        while (p < end) {
            unsigned char ch = (unsigned char)*p;
            uint32_t at = (uint32_t)(p - s);
            uint32_t cp, v;
            size_t n, k;
            if (ch < 0x80) {
                char c;
                size_t en = ch == '&' ? entity_at(p, end, &c) : 0;
                if (en) {
                    *o++ = c;
                    if (mp)
                        *mp++ = at;
                    p += en;
                    continue;
                }
                *o++ = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : (ch == '\t' ? ' ' : (char)ch);
                if (mp)
                    *mp++ = at;
                p++;
                continue;
            }
            {
                const char *q = p;
                int bad = 0;
                cp = dg_utf8_next(&q, end, &bad);
                v = cp < FOLD_TABLE_SIZE ? t[cp] : 0;
                if (v == FOLD_DELETE) {
                    p = q;
                    continue;
                }
                if (!bad && v == 0) {
                    n = (size_t)(q - p); /* unchanged: the original bytes */
                    memcpy(o, p, n);
                } else {
                    n = dg_utf8_encode(o, v ? v : cp);
                }
                if (mp)
                    for (k = 0; k < n; k++)
                        *mp++ = at;
                o += n;
                p = q;
            }
        }
        out->len = (size_t)(o - out->ptr);
        out->ptr[out->len] = '\0';
        if (mp)
            *mp = (uint32_t)len;
    }
    return DG_OK;
}

int dg_fold_text(const dg_fold *f, dg_folded *fd, const char *s, size_t len)
{
    if (len >= UINT32_MAX)
        return DG_EINVAL;
    dg_buf_reset(&fd->text);
    return fold_core(f, &fd->text, &fd->map, &fd->map_cap, s, len);
}

int dg_fold_append(const dg_fold *f, dg_buf *out, const char *s, size_t len)
{
    return fold_core(f, out, NULL, NULL, s, len);
}
