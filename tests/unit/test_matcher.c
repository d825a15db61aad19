/* Unit tests: the gazetteer's multi-literal matcher, whichever backend the
 * build chose (Hyperscan or Aho-Corasick): every occurrence, overlapping
 * ones included, in order of end; one id per distinct pattern; any(). */
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
    hit v[4096];
    size_t n;
    int order_ok;
} hits;

static void record(void *ctx, size_t start, size_t end, uint32_t id)
{
    hits *h = ctx;

    if (h->n && h->v[h->n - 1].end > end)
        h->order_ok = 0;
    if (h->n < sizeof(h->v) / sizeof(h->v[0])) {
        h->v[h->n].start = start;
        h->v[h->n].end = end;
        h->v[h->n].id = id;
    }
    h->n++;
}

static int cmp_hit(const void *a, const void *b)
{
    const hit *x = a, *y = b;

    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static void scan(const dg_matcher *m, const char *s, size_t len, hits *h)
{
    h->n = 0;
    h->order_ok = 1;
    dg_matcher_scan(m, s, len, record, h);
    assert_true(h->order_ok);
    assert_true(h->n <= sizeof(h->v) / sizeof(h->v[0]));
    /* the order among matches that end together is free */
    qsort(h->v, h->n, sizeof(hit), cmp_hit);
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
    assert_int_equal(dg_matcher_build(m), 0);
    return m;
}

static void test_overlapping_and_suffixes(void **state)
{
    /* "he" is a suffix of "she", "国" of "中国" */
    static const char *const pats[] = { "he", "she", "his", "hers", "中国", "国" };
    long id[6];
    dg_matcher *m = make(pats, 6, id);
    static hits h;
    const char *text = "ushers 中国";

    (void)state;
    scan(m, text, strlen(text), &h);
    assert_int_equal(h.n, 5);
    /* she 1-4, he 2-4, hers 2-6, 中国 7-13, 国 10-13 */
    assert_int_equal(h.v[0].start, 1);
    assert_int_equal(h.v[0].end, 4);
    assert_int_equal(h.v[0].id, id[1]);
    assert_int_equal(h.v[1].start, 2);
    assert_int_equal(h.v[1].end, 4);
    assert_int_equal(h.v[1].id, id[0]);
    assert_int_equal(h.v[2].start, 2);
    assert_int_equal(h.v[2].end, 6);
    assert_int_equal(h.v[2].id, id[3]);
    assert_int_equal(h.v[3].start, 7);
    assert_int_equal(h.v[3].end, 13);
    assert_int_equal(h.v[3].id, id[4]);
    assert_int_equal(h.v[4].start, 10);
    assert_int_equal(h.v[4].end, 13);
    assert_int_equal(h.v[4].id, id[5]);
    /* repeats of one pattern, overlapping itself */
    scan(m, "hehehe", 6, &h);
    assert_int_equal(h.n, 3);
    assert_int_equal(h.v[2].start, 4);
    assert_int_equal(h.v[2].end, 6);
    scan(m, "", 0, &h);
    assert_int_equal(h.n, 0);
    dg_matcher_free(m);
}

static void test_duplicates_share_an_id(void **state)
{
    dg_matcher *m = dg_matcher_new();
    long a, b, c, a2;

    (void)state;
    assert_non_null(m);
    a = dg_matcher_add(m, "abc", 3);
    b = dg_matcher_add(m, "ab", 2);
    a2 = dg_matcher_add(m, "abc", 3);
    c = dg_matcher_add(m, "abcd", 4);
    assert_int_equal(a, 0);
    assert_int_equal(b, 1);
    assert_int_equal(a2, a);
    assert_int_equal(c, 2);
    assert_int_equal(dg_matcher_add(m, "ab", 2), b);
    assert_int_equal(dg_matcher_add(m, "x", 0), -1);
    assert_int_equal(dg_matcher_build(m), 0);
    assert_int_equal(dg_matcher_pattern_len(m, (uint32_t)a), 3);
    assert_int_equal(dg_matcher_pattern_len(m, (uint32_t)c), 4);
    assert_int_equal(dg_matcher_pattern_len(m, 99), 0);
    /* closed after build */
    assert_int_equal(dg_matcher_add(m, "new", 3), -1);
    dg_matcher_free(m);
    dg_matcher_free(NULL);
}

static void test_any_bytes(void **state)
{
    /* patterns are bytes: NUL and bytes that are not UTF-8 included */
    static const char p1[] = { 'a', '\0', 'b' }, p2[] = { '\xff', '\xfe' };
    static const char text[] = { 'x', 'a', '\0', 'b', '\xff', '\xfe', 'y' };
    dg_matcher *m = dg_matcher_new();
    static hits h;

    (void)state;
    assert_non_null(m);
    assert_int_equal(dg_matcher_add(m, p1, sizeof(p1)), 0);
    assert_int_equal(dg_matcher_add(m, p2, sizeof(p2)), 1);
    assert_int_equal(dg_matcher_build(m), 0);
    scan(m, text, sizeof(text), &h);
    assert_int_equal(h.n, 2);
    assert_int_equal(h.v[0].start, 1);
    assert_int_equal(h.v[0].end, 4);
    assert_int_equal(h.v[1].start, 4);
    assert_int_equal(h.v[1].end, 6);
    dg_matcher_free(m);
}

static void test_any(void **state)
{
    static const char *const pats[] = { "会见", "meets" };
    long id[2];
    dg_matcher *m = make(pats, 2, id), *none;

    (void)state;
    assert_int_equal(dg_matcher_any(m, "王毅会见了", strlen("王毅会见了")), 1);
    assert_int_equal(dg_matcher_any(m, "Wang meets", 10), 1);
    assert_int_equal(dg_matcher_any(m, "Wang meet", 9), 0);
    assert_int_equal(dg_matcher_any(m, "会", strlen("会")), 0);
    assert_int_equal(dg_matcher_any(m, "", 0), 0);
    dg_matcher_free(m);
    /* no patterns at all: builds, finds nothing */
    none = dg_matcher_new();
    assert_non_null(none);
    assert_int_equal(dg_matcher_build(none), 0);
    assert_int_equal(dg_matcher_any(none, "abc", 3), 0);
    dg_matcher_free(none);
}

/* every occurrence of every pattern, by brute force */
static size_t naive(const char *const *pats, size_t n_pats, const long *ids,
                    const char *s, size_t len, hit *out, size_t cap)
{
    size_t n = 0, end, k;

    for (end = 1; end <= len; end++)
        for (k = 0; k < n_pats; k++) {
            size_t pl = strlen(pats[k]);
            int dup = 0;
            size_t j;
            for (j = 0; j < k; j++)
                dup |= strcmp(pats[j], pats[k]) == 0;
            if (dup || pl > end || memcmp(s + end - pl, pats[k], pl) != 0)
                continue;
            if (n < cap) {
                out[n].start = end - pl;
                out[n].end = end;
                out[n].id = (uint32_t)ids[k];
            }
            n++;
        }
    return n;
}

static void test_random_text_against_brute_force(void **state)
{
    static const char *const pats[] = { "a", "ab", "aba", "bab", "bb", "abba",
                                        "ab", "babab", "aaaa", "ba" };
    enum { N = 10, LEN = 600 };
    long id[N];
    dg_matcher *m = make(pats, N, id);
    static hits h;
    static hit want[4096];
    char text[LEN];
    unsigned seed = 12345;
    size_t i, n;
    int round;

    (void)state;
    assert_int_equal(id[6], id[1]);
    for (round = 0; round < 20; round++) {
        for (i = 0; i < LEN; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = (seed >> 16) % 3 == 0 ? 'b' : ((seed >> 16) % 7 == 0 ? 'c' : 'a');
        }
        n = naive(pats, N, id, text, LEN, want, 4096);
        assert_true(n <= 4096);
        scan(m, text, LEN, &h);
        assert_int_equal(h.n, n);
        qsort(want, n, sizeof(hit), cmp_hit);
        for (i = 0; i < n; i++) {
            assert_int_equal(h.v[i].start, want[i].start);
            assert_int_equal(h.v[i].end, want[i].end);
            assert_int_equal(h.v[i].id, want[i].id);
        }
    }
    dg_matcher_free(m);
}

/* extraction threads share one matcher */
typedef struct {
    const dg_matcher *m;
    size_t found;
} thread_arg;

static void count(void *ctx, size_t start, size_t end, uint32_t id)
{
    (void)start;
    (void)end;
    (void)id;
    (*(size_t *)ctx)++;
}

static void *scan_many(void *p)
{
    thread_arg *a = p;
    const char *text = "she sells sea shells; he hears hers";
    int i;

    for (i = 0; i < 500; i++) {
        dg_matcher_scan(a->m, text, strlen(text), count, &a->found);
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
    dg_matcher_scan(m, "she sells sea shells; he hears hers", 35, count, &one);
    assert_int_equal(one, 9);
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
        cmocka_unit_test(test_overlapping_and_suffixes),
        cmocka_unit_test(test_duplicates_share_an_id),
        cmocka_unit_test(test_any_bytes),
        cmocka_unit_test(test_any),
        cmocka_unit_test(test_random_text_against_brute_force),
        cmocka_unit_test(test_threads_share_a_matcher),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
