/* UTF-8 decoding with bounds and strict validity (no overlongs, no
 * surrogates, nothing past U+10FFFF). */
#include <string.h>

#include "diplograph/utf8.h"
#include "common.h"

uint32_t dg_utf8_next(const char **pp, const char *end, int *bad)
{
    const unsigned char *p = (const unsigned char *)*pp;
    const unsigned char *e = (const unsigned char *)end;
    uint32_t cp, min;
    int n, i;

    if (p[0] < 0x80) {
        *pp += 1;
        return p[0];
    }
    /* the usual case of Chinese text: three bytes, well formed */
    if ((p[0] & 0xF0) == 0xE0 && e - p > 2 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3Fu);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *pp += 3;
            return cp;
        }
        goto invalid;
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        n = 1; cp = p[0] & 0x1Fu; min = 0x80;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 2; cp = p[0] & 0x0Fu; min = 0x800;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 3; cp = p[0] & 0x07u; min = 0x10000;
    } else {
        goto invalid;
    }
    if (e - p <= n)
        goto invalid;
    for (i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            goto invalid;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        goto invalid;
    *pp += n + 1;
    return cp;
invalid:
    if (bad)
        *bad = 1;
    *pp += 1;
    return DG_UTF8_REPLACEMENT;
}

size_t dg_utf8_validate(const char *s, size_t len)
{
    const char *p = s, *end = s + len;

    while (p < end) {
        const char *at = p;
        const unsigned char *u = (const unsigned char *)p;
        int bad = 0;
        uint64_t w;
        /* ASCII eight bytes at a time */
        if (end - p >= 8) {
            memcpy(&w, p, 8);
            if (!(w & 0x8080808080808080ull)) {
                p += 8;
                continue;
            }
        }
        if (u[0] < 0x80) {
            p++;
            continue;
        }
        /* the common three-byte case (all of CJK) without a decode:
         * E1-EC and EE-EF take any continuation byte pair; E0 (overlong)
         * and ED (surrogates) go the long way */
        if (end - p >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED &&
            (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
            p += 3;
            continue;
        }
        dg_utf8_next(&p, end, &bad);
        if (bad)
            return (size_t)(at - s);
    }
    return len;
}

size_t dg_utf8_encode(char out[4], uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t dg_utf8_count(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    size_t n = 0;

    while (p < end) {
        dg_utf8_next(&p, end, NULL);
        n++;
    }
    return n;
}

char *dg_utf8_sanitize(const char *s, size_t len, size_t *out_len)
{
    const char *p = s, *end = s + len;
    char *out, *o;

    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    /* each invalid byte becomes 3 bytes of U+FFFD at most */
    out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    o = out;
    while (p < end) {
        const char *at = p;
        int bad = 0;
        uint32_t cp = dg_utf8_next(&p, end, &bad);
        if (bad) {
            o += dg_utf8_encode(o, cp);
        } else {
            memcpy(o, at, (size_t)(p - at));
            o += p - at;
        }
    }
    *o = '\0';
    if (out_len)
        *out_len = (size_t)(o - out);
    return out;
}
