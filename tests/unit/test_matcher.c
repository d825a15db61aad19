/* Unit tests: the gazetteer's multi-literal matcher. The leftmost-longest
 * scan (what every offered candidate looks like, where the scan resumes,
 * word starts, UTF-8, runs of single children, the candidate cap, the
 * vector path against a brute force on random text), one id per distinct
 * pattern, any(), and threads sharing one matcher. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer/gazetteer_int.h"

typedef struct {
    size_t start, end;
    uint32_t id;
} hit;

typedef struct {
    hit v[8192];
    size_t n;
    int take;          /* 1: take the longest; 0: take none */
    size_t offered[8]; /* the candidates of the first offer */
    size_t n_offered;
} hits;

static long take_longest(void *ctx, size_t start, const uint32_t *ids, const size_t *ends,
                         size_t n)
{
    hits *h = ctx;
    size_t i;

    assert_true(n > 0 && n <= DG_MATCHER_MAX_CANDIDATES);
    for (i = 1; i < n; i++)
        assert_true(ends[i - 1] < ends[i]); /* shortest first */
    if (h->n_offered == 0)
        for (i = 0; i < n && i < 8; i++)
            h->offered[h->n_offered++] = ends[i];
    if (!h->take) {
        for (i = 0; i < n; i++) {
            assert_true(h->n < sizeof(h->v) / sizeof(h->v[0]));
            h->v[h->n].start = start;
            h->v[h->n].end = ends[i];
            h->v[h->n++].id = ids[i];
        }
        return -1;
    }
    assert_true(h->n < sizeof(h->v) / sizeof(h->v[0]));
    h->v[h->n].start = start;
    h->v[h->n].end = ends[n - 1];
    h->v[h->n++].id = ids[n - 1];
    return (long)n - 1;
}

static void scan(const dg_matcher *m, const char *s, size_t len, unsigned flags, int take,
                 hits *h)
{
    h->n = 0;
    h->n_offered = 0;
    h->take = take;
    dg_matcher_scan_longest(m, s, len, flags, take_longest, h);
}

static dg_matcher *make(const char *const *pats, size_t n, long *ids)
{
    dg_matcher *m = dg_matcher_new();
    size_t i;

    assert_non_null(m);
    for (i = 0; i < n; i++) {
        ids[i] = dg_matcher_add(m, pats[i], strlen(pats[i]));
        assert_true(ids[i] >= 0);
    }
    assert_int_equal(dg_matcher_build(m, DG_MATCHER_LONGEST | DG_MATCHER_ANY), 0);
    return m;
}

static void expect(const hits *h, size_t i, size_t start, size_t end, long id)
{
    assert_true(i < h->n);
    assert_int_equal(h->v[i].start, start);
    assert_int_equal(h->v[i].end, end);
    assert_int_equal(h->v[i].id, id);
}

static void test_longest_then_on_after_it(void **state)
{
    static const char *const pats[] = { "he", "she", "hers", "his", "a", "ab", "abc" };
    long id[7];
    dg_matcher *m = make(pats, 7, id);
    static hits h;

    (void)state;
    /* "she" at 1 wins over "he" at 2, and the scan goes on after it */
    scan(m, "ushers", 6, 0, 1, &h);
    assert_int_equal(h.n, 1);
    expect(&h, 0, 1, 4, id[1]);
    /* every pattern at a start is offered, shortest first */
    scan(m, "abcd", 4, 0, 1, &h);
    assert_int_equal(h.n_offered, 3);
    assert_int_equal(h.offered[0], 1);
    assert_int_equal(h.offered[1], 2);
    assert_int_equal(h.offered[2], 3);
    expect(&h, 0, 0, 3, id[6]);
    /* taking none moves on one character: every start is offered */
    scan(m, "ushers", 6, 0, 0, &h);
    assert_int_equal(h.n, 3);
    expect(&h, 0, 1, 4, id[1]);
    expect(&h, 1, 2, 4, id[0]);
    expect(&h, 2, 2, 6, id[2]);
    dg_matcher_free(m);
}

static void test_word_starts(void **state)
{
    static const char *const pats[] = { "un", "'s talks", "eu" };
    long id[3];
    dg_matcher *m = make(pats, 3, id);
    static hits h;
    const char *t = "fun un europe's talks";

    (void)state;
    scan(m, t, strlen(t), DG_MATCHER_WORD_STARTS, 1, &h);
    assert_int_equal(h.n, 3);
    expect(&h, 0, 4, 6, id[0]);
    expect(&h, 1, 7, 9, id[2]);
    expect(&h, 2, 13, 21, id[1]); /* a pattern may start with an apostrophe */
    scan(m, t, strlen(t), 0, 1, &h);
    assert_int_equal(h.n, 4); /* "un" inside "fun" too */
    expect(&h, 0, 1, 3, id[0]);
    dg_matcher_free(m);
}

static void test_utf8(void **state)
{
    static const char *const pats[] = { "中国", "中国人民", "国人", "银行", "é" };
    long id[5];
    dg_matcher *m = make(pats, 5, id);
    static hits h;
    const char *t = "在中国人民银行，café";

    (void)state;
    scan(m, t, strlen(t), DG_MATCHER_WORD_STARTS, 1, &h);
    assert_int_equal(h.n, 3);
    expect(&h, 0, 3, 15, id[1]);
    expect(&h, 1, 15, 21, id[3]);
    expect(&h, 2, strlen(t) - 2, strlen(t), id[4]);
    /* taking none: the next character, never a continuation byte */
    scan(m, t, strlen(t), DG_MATCHER_WORD_STARTS, 0, &h);
    assert_int_equal(h.n, 5);
    expect(&h, 2, 6, 12, id[2]);
    dg_matcher_free(m);
}

static void test_runs_and_their_ends(void **state)
{
    static const char *const pats[] = { "abcdefgh", "abcdefghij", "abcdefghijklmnopqrstuvwxyz",
                                        "abx", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" };
    long id[5];
    dg_matcher *m = make(pats, 5, id);
    static hits h;
    char buf[128];
    size_t i;

    (void)state;
    /* each prefix of the longest pattern, cut at every length, alone in a
     * buffer (runs compared near the end of the text) */
    for (i = 1; i <= 26; i++) {
        memcpy(buf, pats[2], i);
        scan(m, buf, i, 0, 1, &h);
        if (i < 8) {
            assert_int_equal(h.n, 0);
        } else {
            assert_int_equal(h.n, 1);
            expect(&h, 0, 0, i == 26 ? 26 : i >= 10 ? 10 : 8,
                   i == 26 ? id[2] : i >= 10 ? id[1] : id[0]);
        }
    }
    /* a run that differs in its last byte, with text after it */
    memcpy(buf, "abcdefghijklmnopqrstuvwxyZ and more text to pass 8 bytes", 57);
    scan(m, buf, 57, 0, 1, &h);
    assert_int_equal(h.n, 1);
    expect(&h, 0, 0, 10, id[1]);
    for (i = 0; i < 40; i++)
        buf[i] = 'z';
    scan(m, buf, 40, 0, 1, &h);
    assert_int_equal(h.n, 1);
    expect(&h, 0, 0, 36, id[4]);
    dg_matcher_free(m);
}

static void test_candidate_cap_keeps_the_longest(void **state)
{
    enum { N = 70 };
    dg_matcher *m = dg_matcher_new();
    char a[N + 10];
    long last = -1;
    static hits h;
    size_t i;

    (void)state;
    memset(a, 'a', sizeof(a));
    for (i = 1; i <= N; i++)
        assert_true((last = dg_matcher_add(m, a, i)) >= 0);
    assert_int_equal(dg_matcher_build(m, DG_MATCHER_LONGEST), 0);
    scan(m, a, sizeof(a), 0, 1, &h);
    assert_int_equal(h.offered[0], N - DG_MATCHER_MAX_CANDIDATES + 1);
    expect(&h, 0, 0, N, last);
    dg_matcher_free(m);
}

static void test_duplicates_share_an_id(void **state)
{
    dg_matcher *m = dg_matcher_new();
    long a, b, c;

    (void)state;
    a = dg_matcher_add(m, "wang yi", 7);
    b = dg_matcher_add(m, "王毅", strlen("王毅"));
    c = dg_matcher_add(m, "wang yi", 7);
    assert_true(a >= 0 && b >= 0);
    assert_int_equal(a, c);
    assert_true(a != b);
    assert_int_equal(dg_matcher_add(m, "", 0), -1);
    assert_int_equal(dg_matcher_build(m, DG_MATCHER_LONGEST), 0);
    assert_int_equal(dg_matcher_pattern_len(m, (uint32_t)b), strlen("王毅"));
    assert_int_equal(dg_matcher_add(m, "late", 4), -1); /* built: closed */
    dg_matcher_free(m);
}

static void test_any(void **state)
{
    static const char *const pats[] = { "会见", "met", "talks" };
    long id[3];
    dg_matcher *m = make(pats, 3, id);
    dg_matcher *empty = dg_matcher_new();

    (void)state;
    assert_true(dg_matcher_any(m, "他们会见了", strlen("他们会见了")));
    assert_true(dg_matcher_any(m, "gometry", 7)); /* anywhere, inside words too */
    assert_false(dg_matcher_any(m, "nothing here", 12));
    assert_false(dg_matcher_any(m, "", 0));
    assert_int_equal(dg_matcher_build(empty, DG_MATCHER_ANY | DG_MATCHER_LONGEST), 0);
    assert_false(dg_matcher_any(empty, "met", 3));
    dg_matcher_free(m);
    dg_matcher_free(empty);
}

/* ---- the scan against a brute force on random text ---- */

static const char *const alphabet[] = { "a", "b", " ", "'", "é", "中", "国", "1", "," };
enum { ALPHA = sizeof(alphabet) / sizeof(alphabet[0]) };

static unsigned rnd(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static size_t random_string(char *out, size_t max_chars, unsigned *seed, int allow_space)
{
    size_t n = 1 + rnd(seed) % max_chars, i, len = 0;

    for (i = 0; i < n; i++) {
        const char *c = alphabet[rnd(seed) % ALPHA];
        if (!allow_space && c[0] == ' ')
            c = "a";
        memcpy(out + len, c, strlen(c));
        len += strlen(c);
    }
    return len;
}

static int word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

static size_t brute(char pats[][64], const size_t *plen, const long *ids, size_t np,
                    const char *t, size_t len, unsigned flags, hit *out)
{
    size_t p = 0, n = 0, k;

    while (p < len) {
        size_t best = 0;
        long bid = -1;
        if (!((flags & DG_MATCHER_WORD_STARTS) && p > 0 && word((unsigned char)t[p]) &&
              word((unsigned char)t[p - 1])))
            for (k = 0; k < np; k++)
                if (plen[k] <= len - p && plen[k] > best && memcmp(t + p, pats[k], plen[k]) == 0) {
                    best = plen[k];
                    bid = ids[k];
                }
        if (bid >= 0) {
            out[n].start = p;
            out[n].end = p + best;
            out[n++].id = (uint32_t)bid;
            p += best;
        } else {
            p++;
            while (p < len && ((unsigned char)t[p] & 0xc0) == 0x80)
                p++;
        }
    }
    return n;
}

static void test_random_text_against_brute_force(void **state)
{
    enum { NP = 60, LEN = 3000 };
    static char pats[NP][64];
    static char text[LEN + 8];
    static hit want[LEN];
    static hits h;
    size_t plen[NP], i, n, len;
    long ids[NP];
    unsigned seed = 2024;
    int round;

    (void)state;
    for (round = 0; round < 40; round++) {
        dg_matcher *m = dg_matcher_new();
        unsigned flags = round % 2 ? DG_MATCHER_WORD_STARTS : 0;
        size_t np = 1 + rnd(&seed) % NP;
        for (i = 0; i < np; i++) {
            /* short and long patterns, some sharing long prefixes */
            if (i > 0 && rnd(&seed) % 3 == 0) {
                size_t keep = plen[i - 1] / 2 + 1;
                memcpy(pats[i], pats[i - 1], keep);
                plen[i] = keep + random_string(pats[i] + keep, 4, &seed, 0);
            } else {
                plen[i] = random_string(pats[i], rnd(&seed) % 4 ? 3 : 12, &seed, 0);
            }
            /* a pattern starts with a letter, a digit, an apostrophe or a
             * character, never a space or a comma */
            if (pats[i][0] == ' ' || pats[i][0] == ',')
                pats[i][0] = 'b';
            ids[i] = dg_matcher_add(m, pats[i], plen[i]);
            assert_true(ids[i] >= 0);
        }
        assert_int_equal(dg_matcher_build(m, DG_MATCHER_LONGEST), 0);
        for (len = 0; len < LEN - 40;)
            len += random_string(text + len, 12, &seed, 1);
        /* lengths around the vector blocks' edges too */
        len -= (size_t)(round % 7) * 13;
        while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
            len--;
        n = brute(pats, plen, ids, np, text, len, flags, want);
        scan(m, text, len, flags, 1, &h);
        assert_int_equal(h.n, n);
        for (i = 0; i < n; i++) {
            assert_int_equal(h.v[i].start, want[i].start);
            assert_int_equal(h.v[i].end, want[i].end);
            assert_int_equal(h.v[i].id, want[i].id);
        }
        dg_matcher_free(m);
    }
}

/* extraction threads share one matcher */
typedef struct {
    const dg_matcher *m;
    size_t found;
} thread_arg;

static long count(void *ctx, size_t start, const uint32_t *ids, const size_t *ends, size_t n)
{
    (void)start;
    (void)ids;
    (void)ends;
    (*(size_t *)ctx)++;
    return (long)n - 1;
}

static void *scan_many(void *p)
{
    thread_arg *a = p;
    const char *text = "she sells sea shells; he hears hers";
    int i;

    for (i = 0; i < 500; i++) {
        dg_matcher_scan_longest(a->m, text, strlen(text), DG_MATCHER_WORD_STARTS, count,
                                &a->found);
        a->found += (size_t)dg_matcher_any(a->m, text, strlen(text));
    }
    return NULL;
}

static void test_threads_share_a_matcher(void **state)
{
    static const char *const pats[] = { "he", "she", "hers", "sea" };
    enum { T = 4 };
    long id[4];
    dg_matcher *m = make(pats, 4, id);
    pthread_t th[T];
    thread_arg arg[T];
    size_t one = 0;
    int t;

    (void)state;
    dg_matcher_scan_longest(m, "she sells sea shells; he hears hers", 35,
                            DG_MATCHER_WORD_STARTS, count, &one);
    assert_int_equal(one, 6); /* she, sea, she(lls), he, he(ars), hers */
    for (t = 0; t < T; t++) {
        arg[t].m = m;
        arg[t].found = 0;
        assert_int_equal(pthread_create(&th[t], NULL, scan_many, &arg[t]), 0);
    }
    for (t = 0; t < T; t++) {
        pthread_join(th[t], NULL);
        assert_int_equal(arg[t].found, 500 * (one + 1));
    }
    dg_matcher_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest_then_on_after_it),
        cmocka_unit_test(test_word_starts),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_runs_and_their_ends),
        cmocka_unit_test(test_candidate_cap_keeps_the_longest),
        cmocka_unit_test(test_duplicates_share_an_id),
        cmocka_unit_test(test_any),
        cmocka_unit_test(test_random_text_against_brute_force),
        cmocka_unit_test(test_threads_share_a_matcher),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
