/* Unit tests: merging mentions into events (dg_resolve_events). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/resolve.h"

#define P_WANG "{\"id\":\"person:wang-yi\",\"type\":\"person\",\"name\":\"Wang Yi\",\"name_zh\":\"王毅\",\"country\":\"CN\",\"role\":\"%s\"}"
#define P_LOCSIN "{\"id\":\"person:PH:洛钦\",\"type\":\"person\",\"name\":null,\"name_zh\":\"洛钦\",\"country\":\"PH\",\"title\":\"Foreign Minister\",\"role\":\"guest\"}"
#define P_OTHER_PH "{\"id\":\"person:PH:马纳罗\",\"type\":\"person\",\"name_zh\":\"马纳罗\",\"country\":\"PH\",\"role\":\"guest\"}"
#define C(cc) "{\"id\":\"country:" cc "\",\"type\":\"country\",\"country\":\"" cc "\",\"role\":\"participant\"}"

static void mention(dg_buf *b, const char *kind, const char *date, const char *group,
                    const char *parties, const char *file, long doc, long byte,
                    const char *evidence)
{
    char d[32], g[32];

    if (date)
        snprintf(d, sizeof(d), "\"%s\"", date);
    else
        snprintf(d, sizeof(d), "null");
    if (group)
        snprintf(g, sizeof(g), "\"%s\"", group);
    else
        snprintf(g, sizeof(g), "null");
    assert_int_equal(dg_buf_addf(b, "{\"v\":1,\"kind\":\"%s\",\"date\":%s,\"place\":null,\"group\":%s,"
                                    "\"parties\":[%s],\"source\":{\"file\":\"%s\",\"doc\":%ld,\"line\":%ld,"
                                    "\"byte\":%ld,\"length\":10,\"lang\":\"zh-Hans\"},"
                                    "\"evidence\":\"%s\",\"confidence\":0.9}\n",
                     kind, d, g, parties, file, doc, doc + 1, byte, evidence),
                     DG_OK);
}

static void load(dg_meeting_list *l, const dg_buf *b)
{
    dg_error err = DG_ERROR_INIT;
    dg_diag diag = DG_DIAG_INIT;

    assert_int_equal(dg_meeting_read_buf(l, b->ptr, b->len, "t", &diag, &err), DG_OK);
    assert_int_equal(diag.count, 0);
}

static void resolve(dg_meeting_list *out, const dg_meeting_list *in)
{
    dg_error err = DG_ERROR_INIT;
    dg_resolve_opts opts = DG_RESOLVE_OPTS_INIT;

    assert_int_equal(dg_resolve_events(out, in, &opts, &err), DG_OK);
}

static char *dump(const dg_meeting_list *l)
{
    dg_buf b = DG_BUF_INIT;
    size_t i;

    for (i = 0; i < l->len; i++)
        assert_int_equal(dg_meeting_write_json(&b, &l->items[i]), DG_OK);
    return dg_buf_detach(&b);
}

static void test_lmc_statement_and_release_merge(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    char wang[256];
    const dg_meeting *ev;

    (void)state;
    snprintf(wang, sizeof(wang), P_WANG, "chair");
    /* L22 first: input order must not matter */
    mention(&b, "multilateral", "2021-06-08", "LMC", wang, "corpus.txt", 9, 9000, "L22");
    mention(&b, "multilateral", "2021-06-08", "LMC",
            C("CN") "," C("KH") "," C("LA") "," C("MM") "," C("TH") "," C("VN"),
            "corpus.txt", 0, 2, "L1");
    load(&in, &b);
    resolve(&out, &in);
    assert_int_equal(out.len, 1);
    ev = &out.items[0];
    assert_int_equal(ev->mentions, 2);
    assert_int_equal(ev->n_sources, 2);
    assert_int_equal(ev->sources[0].doc, 0);
    assert_int_equal(ev->sources[1].doc, 9);
    assert_string_equal(ev->evidence, "L1");
    assert_string_equal(ev->group, "LMC");
    /* Wang Yi replaces the bare country:CN */
    assert_int_equal(ev->n_parties, 6);
    assert_string_equal(ev->parties[0].id, "country:KH");
    assert_string_equal(ev->parties[5].id, "person:wang-yi");
    assert_int_equal(ev->parties[5].role, DG_ROLE_CHAIR);
    assert_non_null(ev->id);
    dg_meeting_list_destroy(&in);
    dg_meeting_list_destroy(&out);
    dg_buf_destroy(&b);
}

static void test_bilateral_rules(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    char host[512], call[512];
    size_t i, merged = 0;

    (void)state;
    snprintf(host, sizeof(host), P_WANG "," P_LOCSIN, "host");
    snprintf(call, sizeof(call), P_WANG "," P_LOCSIN, "participant");
    mention(&b, "meet", "2021-06-07", NULL, host, "a.txt", 3, 300, "A");
    /* a day later, talks, CN as a bare country: the same event */
    mention(&b, "talks", "2021-06-08", NULL, C("CN") "," P_LOCSIN, "b.txt", 0, 10, "B");
    /* three days later: another event */
    mention(&b, "meet", "2021-06-10", NULL, host, "a.txt", 5, 500, "C");
    /* another Philippine official: another event */
    snprintf(host, sizeof(host), P_WANG "," P_OTHER_PH, "host");
    mention(&b, "meet", "2021-06-07", NULL, host, "a.txt", 4, 400, "D");
    /* a call is not a meeting */
    mention(&b, "call", "2021-06-07", NULL, call, "a.txt", 6, 600, "E");
    load(&in, &b);
    resolve(&out, &in);
    assert_int_equal(out.len, 4);
    for (i = 0; i < out.len; i++) {
        const dg_meeting *ev = &out.items[i];
        if (ev->mentions == 2) {
            merged++;
            assert_int_equal(ev->kind, DG_KIND_TALKS);
            assert_string_equal(ev->date, "2021-06-07");
            assert_string_equal(ev->evidence, "A"); /* a.txt before b.txt */
            assert_int_equal(ev->n_parties, 2);
            assert_string_equal(ev->parties[0].id, "person:PH:洛钦");
            assert_string_equal(ev->parties[1].id, "person:wang-yi");
            assert_int_equal(ev->parties[1].role, DG_ROLE_HOST);
        } else {
            assert_int_equal(ev->mentions, 1);
        }
    }
    assert_int_equal(merged, 1);
    dg_meeting_list_destroy(&in);
    dg_meeting_list_destroy(&out);
    dg_buf_destroy(&b);
}

static void test_vague_dates(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    char host[512];

    (void)state;
    snprintf(host, sizeof(host), P_WANG "," P_LOCSIN, "host");
    /* one dated event in June: the month-only and undated mentions join it */
    mention(&b, "meet", "2021-06-07", NULL, host, "a.txt", 1, 100, "A");
    mention(&b, "meet", "2021-06", NULL, host, "a.txt", 2, 200, "B");
    mention(&b, "meet", NULL, NULL, host, "a.txt", 3, 300, "C");
    load(&in, &b);
    resolve(&out, &in);
    assert_int_equal(out.len, 1);
    assert_int_equal(out.items[0].mentions, 3);
    assert_string_equal(out.items[0].date, "2021-06-07");
    dg_meeting_list_destroy(&out);

    /* a second June event makes the month-only mention ambiguous: it
     * stays apart rather than join one of them by guess */
    dg_buf_reset(&b);
    mention(&b, "meet", "2021-06-07", NULL, host, "a.txt", 1, 100, "A");
    mention(&b, "meet", "2021-06", NULL, host, "a.txt", 2, 200, "B");
    mention(&b, "meet", "2021-06-20", NULL, host, "a.txt", 4, 400, "D");
    dg_meeting_list_destroy(&in);
    load(&in, &b);
    resolve(&out, &in);
    assert_int_equal(out.len, 3);
    assert_string_equal(out.items[0].date, "2021-06");
    dg_meeting_list_destroy(&in);
    dg_meeting_list_destroy(&out);
    dg_buf_destroy(&b);
}

/* A small deterministic generator of overlapping mentions. */
static void many(dg_buf *b, unsigned seed, int n)
{
    static const char *const kinds[] = { "meet", "talks", "visit", "call", "multilateral" };
    static const char *const cc[] = { "PH", "VN", "TH", "KH" };
    unsigned x = seed;
    int i;

    for (i = 0; i < n; i++) {
        char parties[512], date[16];
        int k, c, day, file;
        x = x * 1103515245u + 12345u;
        k = (int)((x >> 16) % 5);
        c = (int)((x >> 8) % 4);
        day = 1 + (int)((x >> 4) % 6);
        file = (int)((x >> 20) % 3);
        snprintf(date, sizeof(date), "2021-06-%02d", day);
        if (k == 4) {
            snprintf(parties, sizeof(parties), C("CN") ",{\"id\":\"country:%s\",\"type\":\"country\",\"role\":\"participant\"}", cc[c]);
            mention(b, kinds[k], date, "LMC", parties, file ? "y.txt" : "x.txt", i, i * 7, "m");
        } else {
            snprintf(parties, sizeof(parties), P_WANG ",{\"id\":\"person:%s:FM\",\"type\":\"person\",\"country\":\"%s\",\"role\":\"guest\"}",
                     "host", cc[c], cc[c]);
            if ((x >> 12) % 5 == 0) /* a bare country now and then */
                snprintf(parties, sizeof(parties), C("CN") ",{\"id\":\"person:%s:FM\",\"type\":\"person\",\"country\":\"%s\",\"role\":\"guest\"}",
                         cc[c], cc[c]);
            if ((x >> 13) % 11 == 0)
                snprintf(date, sizeof(date), "2021-06");
            mention(b, kinds[k], date, NULL, parties, file ? "y.txt" : "x.txt", i, i * 7, "m");
        }
    }
}

static void test_order_independent(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    char *ref, *got;
    unsigned r = 7;
    int round;
    size_t i;

    (void)state;
    many(&b, 1, 200);
    load(&in, &b);
    resolve(&out, &in);
    ref = dump(&out);
    assert_true(out.len < in.len);
    dg_meeting_list_destroy(&out);
    for (round = 0; round < 20; round++) {
        for (i = in.len - 1; i > 0; i--) {
            size_t j;
            dg_meeting t;
            r = r * 1103515245u + 12345u;
            j = (r >> 8) % (i + 1);
            t = in.items[i];
            in.items[i] = in.items[j];
            in.items[j] = t;
        }
        resolve(&out, &in);
        got = dump(&out);
        assert_string_equal(got, ref);
        free(got);
        dg_meeting_list_destroy(&out);
    }
    /* idempotent: events resolve to themselves */
    resolve(&out, &in);
    {
        dg_meeting_list again = DG_MEETING_LIST_INIT;
        resolve(&again, &out);
        got = dump(&again);
        assert_string_equal(got, ref);
        free(got);
        dg_meeting_list_destroy(&again);
    }
    dg_meeting_list_destroy(&out);
    free(ref);
    dg_meeting_list_destroy(&in);
    dg_buf_destroy(&b);
}

static void test_split_shards(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    dg_meeting_list s1 = DG_MEETING_LIST_INIT, s2 = DG_MEETING_LIST_INIT;
    dg_meeting_list e = DG_MEETING_LIST_INIT, fin = DG_MEETING_LIST_INIT;
    char host[512], *ref, *got;
    size_t i;

    (void)state;
    snprintf(host, sizeof(host), P_WANG "," P_LOCSIN, "host");
    mention(&b, "meet", "2021-06-07", NULL, host, "a.txt", 1, 100, "A");
    mention(&b, "talks", "2021-06-08", NULL, host, "b.txt", 1, 100, "B");
    mention(&b, "meet", "2021-06-09", NULL, host, "c.txt", 1, 100, "C");
    mention(&b, "meet", "2021-06-20", NULL, host, "c.txt", 2, 200, "D");
    mention(&b, "meet", "2021-06-20", NULL, C("CN") "," P_LOCSIN, "a.txt", 9, 900, "E");
    load(&in, &b);
    resolve(&out, &in);
    ref = dump(&out);
    for (i = 0; i < in.len; i++) {
        dg_meeting m;
        assert_int_equal(dg_meeting_copy(&m, &in.items[i]), DG_OK);
        assert_int_equal(dg_meeting_list_push(i % 2 ? &s1 : &s2, &m), DG_OK);
    }
    resolve(&e, &s1);
    resolve(&e, &s2);
    resolve(&fin, &e);
    got = dump(&fin);
    assert_string_equal(got, ref);
    free(got);
    free(ref);
    dg_meeting_list_destroy(&in);
    dg_meeting_list_destroy(&out);
    dg_meeting_list_destroy(&s1);
    dg_meeting_list_destroy(&s2);
    dg_meeting_list_destroy(&e);
    dg_meeting_list_destroy(&fin);
    dg_buf_destroy(&b);
}

static void test_empty(void **state)
{
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    dg_error err = DG_ERROR_INIT;

    (void)state;
    assert_int_equal(dg_resolve_events(&out, &in, NULL, &err), DG_OK);
    assert_int_equal(out.len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lmc_statement_and_release_merge),
        cmocka_unit_test(test_bilateral_rules),
        cmocka_unit_test(test_vague_dates),
        cmocka_unit_test(test_order_independent),
        cmocka_unit_test(test_split_shards),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
