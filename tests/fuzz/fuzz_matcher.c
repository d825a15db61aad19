/* Fuzz target: the gazetteer matcher against a brute force. The input is
 * a flags byte, patterns one per line, an empty line, then the text. On
 * valid UTF-8 (what the matcher is given: folded text and forms) the
 * leftmost-longest scan must equal the brute force, including where
 * choose() declines a start; any() must say whether some pattern occurs.
 * On other bytes it must only stay in bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/utf8.h"
#include "gazetteer/gazetteer_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_PATS = 64, MAX_HITS = 4096 };

typedef struct {
    size_t start, end;
} span;

typedef struct {
    const char *text;
    size_t len;
    span hits[MAX_HITS];
    size_t n;
} scan_ctx;

/* declines some starts, to test the scan's move to the next character */
static int declines(size_t start)
{
    return start % 7 == 3;
}

static long choose(void *ctx, size_t start, const uint32_t *ids, const size_t *ends, size_t n)
{
    scan_ctx *c = ctx;
    size_t i;

    (void)ids;
    if (n == 0 || n > DG_MATCHER_MAX_CANDIDATES || start >= c->len)
        abort();
    for (i = 0; i < n; i++)
        if (ends[i] <= start || ends[i] > c->len || (i > 0 && ends[i] <= ends[i - 1]))
            abort();
    if (declines(start))
        return -1;
    if (c->n < MAX_HITS) {
        c->hits[c->n].start = start;
        c->hits[c->n].end = ends[n - 1];
    }
    c->n++;
    return (long)n - 1;
}

static int word(unsigned char b)
{
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data, *pats[MAX_PATS], *text;
    size_t plen[MAX_PATS], np = 0, i, k, len, p, n;
    unsigned flags;
    int valid = 1;
    scan_ctx c;
    dg_matcher *m;

    if (size < 2)
        return 0;
    flags = data[0] & 1 ? DG_MATCHER_WORD_STARTS : 0;
    i = 1;
    while (i < size && np < MAX_PATS) {
        const char *nl = memchr(in + i, '\n', size - i);
        size_t l = nl ? (size_t)(nl - (in + i)) : size - i;
        if (l == 0) {
            i++;
            break;
        }
        pats[np] = in + i;
        plen[np++] = l > 64 ? 64 : l;
        i += l + 1;
    }
    if (i > size)
        i = size;
    text = in + i;
    len = size - i;
    m = dg_matcher_new();
    if (!m)
        return 0;
    for (k = 0; k < np; k++) {
        if (dg_matcher_add(m, pats[k], plen[k]) < 0)
            abort();
        if (dg_utf8_validate(pats[k], plen[k]) != plen[k])
            valid = 0;
    }
    if (dg_matcher_build(m, DG_MATCHER_LONGEST | DG_MATCHER_ANY) < 0)
        abort();
    if (dg_utf8_validate(text, len) != len)
        valid = 0;
    c.text = text;
    c.len = len;
    c.n = 0;
    dg_matcher_scan_longest(m, text, len, flags, choose, &c);
    {
        int any = 0;
        for (p = 0; p < len && !any; p++)
            for (k = 0; k < np && !any; k++)
                any = plen[k] <= len - p && memcmp(text + p, pats[k], plen[k]) == 0;
        if (any != dg_matcher_any(m, text, len))
            abort();
    }
    if (valid) {
        /* the brute force: the longest pattern at each start, left to right */
        n = 0;
        p = 0;
        while (p < len) {
            size_t best = 0;
            if (!((flags & DG_MATCHER_WORD_STARTS) && p > 0 && word((unsigned char)text[p]) &&
                  word((unsigned char)text[p - 1])))
                for (k = 0; k < np; k++)
                    if (plen[k] <= len - p && plen[k] > best &&
                        memcmp(text + p, pats[k], plen[k]) == 0)
                        best = plen[k];
            if (best && !declines(p)) {
                if (n < MAX_HITS && (c.hits[n].start != p || c.hits[n].end != p + best))
                    abort();
                n++;
                p += best;
            } else {
                p++;
                while (p < len && ((unsigned char)text[p] & 0xc0) == 0x80)
                    p++;
            }
        }
        if (n != c.n)
            abort();
    }
    dg_matcher_free(m);
    return 0;
}
