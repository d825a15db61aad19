/* Unit tests: merging mentions into events (dg_resolve_events), entity
 * resolution and title-only inference. */
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

/* ---- entity resolution ---- */

/* The test gazetteer, with namesakes in France: two Jean Duponts (a
 * foreign minister, later a prime minister) and two foreign ministers
 * whose terms overlap. */
static dg_gazetteer *gaz(void)
{
    static const char extra[] =
        "{\"officials\": ["
        "{\"id\":\"jean-dupont-1\",\"name_en\":\"Jean Dupont\",\"country\":\"FR\","
        " \"offices\":[{\"title_en\":\"Foreign Minister\",\"from\":\"2010-01-01\",\"to\":\"2014-12-31\"}]},"
        "{\"id\":\"jean-dupont-2\",\"name_en\":\"Jean Dupont\",\"country\":\"FR\","
        " \"offices\":[{\"title_en\":\"Prime Minister\",\"title_zh\":\"总理\",\"from\":\"2016-01-01\",\"to\":\"2019-12-31\"}]},"
        "{\"id\":\"paul-a\",\"name_en\":\"Paul A\",\"country\":\"FR\","
        " \"offices\":[{\"title_en\":\"Foreign Minister\",\"from\":\"2020-01-01\",\"to\":\"2022-12-31\"}]},"
        "{\"id\":\"paul-b\",\"name_en\":\"Paul B\",\"country\":\"FR\","
        " \"offices\":[{\"title_en\":\"Foreign Minister\",\"from\":\"2022-06\",\"to\":\"2024\"}]}]}";
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;

    assert_non_null(g);
    assert_int_equal(dg_gazetteer_load_file(g, DG_SOURCE_DIR "/tests/data/gazetteer/mini.json", &err), DG_OK);
    assert_int_equal(dg_gazetteer_load_buf(g, extra, strlen(extra), "extra", &err), DG_OK);
    assert_int_equal(dg_gazetteer_compile(g, &err), DG_OK);
    return g;
}

/* A person party (name as written, optional title) as JSON. */
static const char *person(char *out, size_t n, const char *cc, const char *name,
                          const char *title, const char *role)
{
    char t[128] = "null";

    if (title)
        snprintf(t, sizeof(t), "\"%s\"", title);
    snprintf(out, n, "{\"id\":\"person:%s:%s\",\"type\":\"person\",\"name\":\"%s\",\"country\":\"%s\","
                     "\"title\":%s,\"role\":\"%s\"}", cc, name, name, cc, t, role);
    return out;
}

/* A country party with a title and no person (菲律宾外长). */
static const char *title_only(char *out, size_t n, const char *cc, const char *title,
                              const char *title_zh)
{
    snprintf(out, n, "{\"id\":\"country:%s\",\"type\":\"country\",\"country\":\"%s\","
                     "\"title\":%s%s%s,\"title_zh\":%s%s%s,\"role\":\"guest\"}", cc, cc,
             title ? "\"" : "", title ? title : "null", title ? "\"" : "",
             title_zh ? "\"" : "", title_zh ? title_zh : "null", title_zh ? "\"" : "");
    return out;
}

/* Resolves one meeting of Wang Yi (the host) with party on date; returns
 * the JSON of the other party of the single event. */
static char *other_party(const dg_resolve_opts *opts, const char *date, const char *party)
{
    dg_buf b = DG_BUF_INIT, out = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, ev = DG_MEETING_LIST_INIT;
    dg_error err = DG_ERROR_INIT;
    char wang[256], parties[1024];
    size_t i;

    snprintf(wang, sizeof(wang), P_WANG, "host");
    snprintf(parties, sizeof(parties), "%s,%s", wang, party);
    mention(&b, "meet", date, NULL, parties, "a.txt", 1, 100, "A");
    load(&in, &b);
    assert_int_equal(dg_resolve_events_take(&ev, &in, opts, &err), DG_OK);
    assert_int_equal(in.len, 0);
    assert_int_equal(ev.len, 1);
    for (i = 0; i < ev.items[0].n_parties; i++) {
        const dg_party *p = &ev.items[0].parties[i];
        if (strcmp(p->id, "person:wang-yi") == 0)
            continue;
        dg_buf_addf(&out, "%s|%s|%s|%s|%s", p->id, dg_party_type_name(p->type),
                    p->name ? p->name : "-", p->country, p->inferred ? "inferred" : "named");
    }
    dg_meeting_list_destroy(&ev);
    dg_buf_destroy(&b);
    return dg_buf_detach(&out);
}

#define EXPECT_PARTY(opts, date, party, want)             \
    do {                                                  \
        char *got_ = other_party((opts), (date), (party)); \
        assert_string_equal(got_, (want));                \
        free(got_);                                       \
    } while (0)

static void test_take_equals_copy(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, a = DG_MEETING_LIST_INIT, t = DG_MEETING_LIST_INIT;
    dg_error err = DG_ERROR_INIT;
    char *x, *y;

    (void)state;
    many(&b, 3, 150);
    load(&in, &b);
    resolve(&a, &in);
    assert_int_equal(dg_resolve_events_take(&t, &in, NULL, &err), DG_OK);
    assert_int_equal(in.len, 0);
    assert_null(in.items);
    x = dump(&a);
    y = dump(&t);
    assert_string_equal(x, y);
    free(x);
    free(y);
    dg_meeting_list_destroy(&a);
    dg_meeting_list_destroy(&t);
    dg_buf_destroy(&b);
}

static void test_unknown_persons_by_folded_name(void **state)
{
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    char p1[256], p2[256], p3[256], p4[512];
    size_t i;

    (void)state;
    person(p1, sizeof(p1), "FR", "Jean-Yves Le Drian", NULL, "guest");
    person(p2, sizeof(p2), "FR", "JEAN-YVES LE DRIAN", NULL, "guest");
    person(p3, sizeof(p3), "FR", "讓-伊夫·勒德里昂", NULL, "guest");
    /* three spellings, one person; the one written most names him */
    snprintf(p4, sizeof(p4), P_WANG ",%s", "host", p1);
    mention(&b, "meet", "2019-01-01", NULL, p4, "a.txt", 1, 100, "A");
    mention(&b, "meet", "2019-03-01", NULL, p4, "a.txt", 2, 200, "B");
    snprintf(p4, sizeof(p4), P_WANG ",%s", "host", p2);
    mention(&b, "meet", "2019-05-01", NULL, p4, "a.txt", 3, 300, "C");
    snprintf(p4, sizeof(p4), P_WANG ",%s", "host", p3);
    mention(&b, "meet", "2019-07-01", NULL, p4, "a.txt", 4, 400, "D");
    load(&in, &b);
    resolve(&out, &in);
    assert_int_equal(out.len, 4);
    for (i = 0; i < 3; i++)
        assert_string_equal(out.items[i].parties[0].id, "person:FR:Jean-Yves Le Drian");
    /* another script is another key: the gazetteer or an alias joins them */
    assert_string_equal(out.items[3].parties[0].id, "person:FR:讓-伊夫·勒德里昂");
    dg_meeting_list_destroy(&in);
    dg_meeting_list_destroy(&out);
    dg_buf_destroy(&b);
}

static void test_gazetteer_names_keep_namesakes_apart(void **state)
{
    dg_resolve_opts opts = DG_RESOLVE_OPTS_INIT;
    char p[512];

    (void)state;
    opts.gaz = gaz();
    /* two Jean Duponts: the date tells them apart */
    EXPECT_PARTY(&opts, "2012-05-01", person(p, sizeof(p), "FR", "Jean Dupont", NULL, "guest"),
                 "person:jean-dupont-1|person|Jean Dupont|FR|named");
    EXPECT_PARTY(&opts, "2017-03", person(p, sizeof(p), "FR", "Jean Dupont", NULL, "guest"),
                 "person:jean-dupont-2|person|Jean Dupont|FR|named");
    /* neither in office, or no date: no guess */
    EXPECT_PARTY(&opts, "2015-06-01", person(p, sizeof(p), "FR", "Jean Dupont", NULL, "guest"),
                 "person:FR:Jean Dupont|person|Jean Dupont|FR|named");
    EXPECT_PARTY(&opts, NULL, person(p, sizeof(p), "FR", "Jean Dupont", NULL, "guest"),
                 "person:FR:Jean Dupont|person|Jean Dupont|FR|named");
    /* one of that name: across spellings and scripts, any date */
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "PH", "洛欽", "Foreign Minister", "guest"),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|named");
    EXPECT_PARTY(&opts, "2030-01-01", person(p, sizeof(p), "PH", "LOCSIN", NULL, "guest"),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|named");
    /* a deputy's title on a minister's name is a namesake; so is another
     * country's person of that name */
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "PH", "洛钦", "Deputy Foreign Minister", "guest"),
                 "person:PH:洛钦|person|洛钦|PH|named");
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "VN", "洛钦", NULL, "guest"),
                 "person:VN:洛钦|person|洛钦|VN|named");
    dg_gazetteer_free((dg_gazetteer *)opts.gaz);
}

static void test_aliases_name_and_merge(void **state)
{
    static const char json[] =
        "{\"aliases\": ["
        "{\"id\": \"person:antony-blinken\", \"names\": [\"布卿\"]},"
        "{\"merge\": [\"person:teodoro-locsin-jr\", \"person:PH:Teddy Boy\"]},"
        "{\"id\": \"person:FR:Jean Dupont\", \"names\": [\"J.D.\"]},"
        "{\"id\": \"person:mystery\", \"names\": [\"M\"]}]}";
    dg_resolve_opts opts = DG_RESOLVE_OPTS_INIT;
    dg_aliases *al = dg_aliases_new();
    dg_error err = DG_ERROR_INIT;
    char p[512];

    (void)state;
    assert_int_equal(dg_aliases_load_buf(al, json, strlen(json), "al.json", &err), DG_OK);
    opts.gaz = gaz();
    opts.aliases = al;
    /* a name of a gazetteer official: his country, his id and names */
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "US", "布卿", NULL, "guest"),
                 "person:antony-blinken|person|Antony Blinken|US|named");
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "PH", "teddy boy", NULL, "guest"),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|named");
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "FR", "JD", NULL, "guest"),
                 "person:FR:Jean Dupont|person|JD|FR|named");
    /* the name belongs to a French person, not to an American */
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "US", "JD", NULL, "guest"),
                 "person:US:JD|person|JD|US|named");
    /* an id outside the gazetteer without a country: any country's M */
    EXPECT_PARTY(&opts, "2021-06-07", person(p, sizeof(p), "US", "M", NULL, "guest"),
                 "person:mystery|person|M|US|named");
    dg_gazetteer_free((dg_gazetteer *)opts.gaz);
    dg_aliases_free(al);
}

static void test_aliases_conflict(void **state)
{
    static const char json[] =
        "{\"aliases\": [{\"id\": \"person:a\", \"country\": \"FR\", \"names\": [\"Dupont\"]},"
        "{\"id\": \"person:b\", \"country\": \"FR\", \"names\": [\"X\", \"dupont\"]}]}";
    dg_resolve_opts opts = DG_RESOLVE_OPTS_INIT;
    dg_aliases *al = dg_aliases_new();
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    char wang[256];

    (void)state;
    assert_int_equal(dg_aliases_load_buf(al, json, strlen(json), "al.json", &err), DG_OK);
    opts.aliases = al;
    snprintf(wang, sizeof(wang), P_WANG, "host");
    mention(&b, "meet", "2021-06-07", NULL, wang, "a.txt", 1, 100, "A");
    load(&in, &b);
    assert_int_equal(dg_resolve_events_take(&out, &in, &opts, &err), DG_EINVAL);
    assert_non_null(strstr(err.msg, "al.json: aliases[1].names[1]: the name is given to person:a"));
    assert_non_null(strstr(err.msg, "(al.json: aliases[0].names[0])"));
    assert_int_equal(in.len, 0);
    assert_int_equal(out.len, 0);
    dg_aliases_free(al);
    dg_buf_destroy(&b);
}

static void test_title_only_parties_inferred(void **state)
{
    dg_resolve_opts opts = DG_RESOLVE_OPTS_INIT;
    char p[512];

    (void)state;
    opts.gaz = gaz();
    /* 菲律宾外长 on a day of Locsin's term */
    EXPECT_PARTY(&opts, "2021-06-07", title_only(p, sizeof(p), "PH", "Foreign Minister", "外长"),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|inferred");
    /* the forms of the office: zh only, Secretary of State, a compound */
    EXPECT_PARTY(&opts, "2021-06-07", title_only(p, sizeof(p), "US", NULL, "国务卿"),
                 "person:antony-blinken|person|Antony Blinken|US|inferred");
    EXPECT_PARTY(&opts, "2021-06", title_only(p, sizeof(p), "ID", "Minister of Foreign Affairs", NULL),
                 "person:retno-marsudi|person|Retno Marsudi|ID|inferred");
    EXPECT_PARTY(&opts, "2021-06-07", title_only(p, sizeof(p), "PH", NULL, "副总理兼外长"),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|inferred");
    EXPECT_PARTY(&opts, "2017-06-07", title_only(p, sizeof(p), "FR", "Premier", NULL),
                 "person:jean-dupont-2|person|Jean Dupont|FR|inferred");
    /* the first day of a term is inside it; its month is not wholly */
    EXPECT_PARTY(&opts, "2018-10-17", title_only(p, sizeof(p), "PH", "Foreign Minister", NULL),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|inferred");
    EXPECT_PARTY(&opts, "2018-10", title_only(p, sizeof(p), "PH", "Foreign Minister", NULL),
                 "country:PH|country|-|PH|named");
    /* a term to the last day of a month of 30 days holds all that month */
    EXPECT_PARTY(&opts, "2022-06", title_only(p, sizeof(p), "PH", "Foreign Minister", NULL),
                 "person:teodoro-locsin-jr|person|Teodoro Locsin Jr.|PH|inferred");
    /* a year, no date, nobody in office, a deputy, an unknown office */
    EXPECT_PARTY(&opts, "2021", title_only(p, sizeof(p), "PH", "Foreign Minister", NULL),
                 "country:PH|country|-|PH|named");
    EXPECT_PARTY(&opts, NULL, title_only(p, sizeof(p), "PH", "Foreign Minister", NULL),
                 "country:PH|country|-|PH|named");
    EXPECT_PARTY(&opts, "2015-01-01", title_only(p, sizeof(p), "PH", "Foreign Minister", NULL),
                 "country:PH|country|-|PH|named");
    EXPECT_PARTY(&opts, "2021-06-07", title_only(p, sizeof(p), "PH", "Deputy Foreign Minister", NULL),
                 "country:PH|country|-|PH|named");
    EXPECT_PARTY(&opts, "2021-06-07", title_only(p, sizeof(p), "KH", "King", "国王"),
                 "country:KH|country|-|KH|named");
    /* two holders at once (one may have been): no inference */
    EXPECT_PARTY(&opts, "2021-03-01", title_only(p, sizeof(p), "FR", "Foreign Minister", NULL),
                 "person:paul-a|person|Paul A|FR|inferred");
    EXPECT_PARTY(&opts, "2022-05", title_only(p, sizeof(p), "FR", "Foreign Minister", NULL),
                 "person:paul-a|person|Paul A|FR|inferred");
    EXPECT_PARTY(&opts, "2022-06-15", title_only(p, sizeof(p), "FR", "Foreign Minister", NULL),
                 "country:FR|country|-|FR|named");
    EXPECT_PARTY(&opts, "2022-12-31", title_only(p, sizeof(p), "FR", "Foreign Minister", NULL),
                 "country:FR|country|-|FR|named");
    /* off when asked */
    opts.infer_titles = 0;
    EXPECT_PARTY(&opts, "2021-06-07", title_only(p, sizeof(p), "PH", "Foreign Minister", "外长"),
                 "country:PH|country|-|PH|named");
    dg_gazetteer_free((dg_gazetteer *)opts.gaz);
}

/* A named report of the meeting wins over the inference; events read
 * back (shards) infer the same again. */
static void test_inference_merges_like_a_country(void **state)
{
    dg_resolve_opts opts = DG_RESOLVE_OPTS_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_meeting_list in = DG_MEETING_LIST_INIT, out = DG_MEETING_LIST_INIT;
    dg_meeting_list s1 = DG_MEETING_LIST_INIT, s2 = DG_MEETING_LIST_INIT;
    dg_meeting_list e = DG_MEETING_LIST_INIT, fin = DG_MEETING_LIST_INIT;
    dg_error err = DG_ERROR_INIT;
    char wang[256], t[512], n[512], parties[1024], *ref, *got;
    size_t i;

    (void)state;
    opts.gaz = gaz();
    snprintf(wang, sizeof(wang), P_WANG, "host");
    title_only(t, sizeof(t), "PH", "Foreign Minister", "外长");
    person(n, sizeof(n), "PH", "Manalo", "Foreign Minister", "guest");
    snprintf(parties, sizeof(parties), "%s,%s", wang, t);
    mention(&b, "meet", "2021-06-07", NULL, parties, "a.txt", 1, 100, "A");
    mention(&b, "talks", "2021-06-08", NULL, parties, "b.txt", 1, 100, "B");
    mention(&b, "meet", "2021-06-20", NULL, parties, "a.txt", 2, 200, "C");
    snprintf(parties, sizeof(parties), "%s,%s", wang, n);
    mention(&b, "meet", "2021-06-20", NULL, parties, "c.txt", 1, 100, "D");
    load(&in, &b);
    assert_int_equal(dg_resolve_events(&out, &in, &opts, &err), DG_OK);
    assert_int_equal(out.len, 2);
    assert_string_equal(out.items[0].parties[0].id, "person:teodoro-locsin-jr");
    assert_int_equal(out.items[0].parties[0].inferred, 1);
    assert_int_equal(out.items[0].mentions, 2);
    /* the text named someone else on the 20th: no Locsin there */
    assert_string_equal(out.items[1].parties[0].id, "person:PH:Manalo");
    assert_int_equal(out.items[1].parties[0].inferred, 0);
    assert_int_equal(out.items[1].n_parties, 2);
    ref = dump(&out);
    for (i = 0; i < in.len; i++) {
        dg_meeting m;
        assert_int_equal(dg_meeting_copy(&m, &in.items[i]), DG_OK);
        assert_int_equal(dg_meeting_list_push(i % 2 ? &s1 : &s2, &m), DG_OK);
    }
    assert_int_equal(dg_resolve_events(&e, &s1, &opts, &err), DG_OK);
    assert_int_equal(dg_resolve_events(&e, &s2, &opts, &err), DG_OK);
    {
        /* through JSON, as run --meetings reads them */
        dg_meeting_list back = DG_MEETING_LIST_INIT;
        char *text = dump(&e);
        assert_int_equal(dg_meeting_read_buf(&back, text, strlen(text), "e", NULL, &err), DG_OK);
        assert_non_null(strstr(text, "\"inferred\":true"));
        assert_int_equal(dg_resolve_events_take(&fin, &back, &opts, &err), DG_OK);
        free(text);
    }
    got = dump(&fin);
    assert_string_equal(got, ref);
    free(got);
    free(ref);
    dg_gazetteer_free((dg_gazetteer *)opts.gaz);
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
        cmocka_unit_test(test_take_equals_copy),
        cmocka_unit_test(test_unknown_persons_by_folded_name),
        cmocka_unit_test(test_gazetteer_names_keep_namesakes_apart),
        cmocka_unit_test(test_aliases_name_and_merge),
        cmocka_unit_test(test_aliases_conflict),
        cmocka_unit_test(test_title_only_parties_inferred),
        cmocka_unit_test(test_inference_merges_like_a_country),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
