/* Unit tests: the meeting record, JSON round trip, reader diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diplograph/meeting.h"
#include "model/meeting_int.h"

static const char LINE[] =
    "{\"v\":1,\"id\":\"m-0000000000000001\",\"kind\":\"meet\",\"date\":\"2021-06-07\","
    "\"place\":{\"name\":\"Chongqing\",\"name_zh\":\"重庆\",\"country\":\"CN\"},\"group\":null,"
    "\"parties\":[{\"id\":\"person:wang-yi\",\"type\":\"person\",\"name\":\"Wang Yi\",\"name_zh\":\"王毅\","
    "\"country\":\"CN\",\"title\":\"Foreign Minister\",\"title_zh\":\"外长\",\"role\":\"host\"},"
    "{\"id\":\"person:PH:洛钦\",\"type\":\"person\",\"name\":null,\"name_zh\":\"洛钦\",\"country\":\"PH\","
    "\"title\":\"Foreign Minister\",\"title_zh\":\"外长\",\"role\":\"guest\"}],"
    "\"source\":{\"file\":\"c.txt\",\"doc\":13,\"line\":14,\"byte\":1234,\"length\":87,\"lang\":\"zh-Hans\"},"
    "\"evidence\":\"王毅在重庆会见菲律宾外长洛钦。\",\"confidence\":0.95}\n";

static void test_round_trip(void **state)
{
    dg_meeting m;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT;

    (void)state;
    assert_int_equal(dg_meeting_parse_json(&m, LINE, strlen(LINE) - 1, &err), DG_OK);
    assert_int_equal(m.kind, DG_KIND_MEET);
    assert_int_equal(m.n_parties, 2);
    assert_string_equal(m.parties[1].country, "PH");
    assert_int_equal(m.parties[1].role, DG_ROLE_GUEST);
    assert_int_equal(m.sources[0].byte, 1234);
    assert_int_equal(dg_meeting_write_json(&b, &m), DG_OK);
    assert_string_equal(b.ptr, LINE);
    dg_buf_destroy(&b);
    dg_meeting_destroy(&m);
}

static void test_errors_name_json_path(void **state)
{
    dg_meeting m;
    dg_error err = DG_ERROR_INIT;
    const char *bad_role = "{\"kind\":\"meet\",\"parties\":[{\"id\":\"a\"},{\"id\":\"b\",\"role\":\"boss\"}]}";
    const char *bad_kind = "{\"kind\":\"party\",\"parties\":[]}";
    const char *trunc = "{\"kind\":\"meet\",\"parties\":[";

    (void)state;
    assert_int_equal(dg_meeting_parse_json(&m, bad_role, strlen(bad_role), &err), DG_EPARSE);
    assert_non_null(strstr(err.msg, "parties[1].role"));
    assert_int_equal(dg_meeting_parse_json(&m, bad_kind, strlen(bad_kind), &err), DG_EPARSE);
    assert_non_null(strstr(err.msg, "kind"));
    assert_int_equal(dg_meeting_parse_json(&m, trunc, strlen(trunc), &err), DG_EPARSE);
    assert_non_null(strstr(err.msg, "malformed JSON"));
}

struct warn_log { char text[1024]; };

static void collect(void *ctx, const char *file, long line, const char *msg)
{
    struct warn_log *w = ctx;
    size_t n = strlen(w->text);
    snprintf(w->text + n, sizeof(w->text) - n, "%s:%ld: %s\n", file, line, msg);
}

static void test_reader_skips_bad_lines(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    struct warn_log w = { "" };
    dg_diag diag = { collect, &w, 0 };
    dg_error err = DG_ERROR_INIT;
    char data[4096];

    (void)state;
    snprintf(data, sizeof(data), "%s\n{oops}\n%s{\"kind\":\"meet\"", LINE, LINE);
    assert_int_equal(dg_meeting_read_buf(&l, data, strlen(data), "m.jsonl", &diag, &err), DG_OK);
    assert_int_equal(l.len, 2);
    assert_int_equal(diag.count, 2);
    assert_non_null(strstr(w.text, "m.jsonl:3: malformed JSON"));
    assert_non_null(strstr(w.text, "m.jsonl:5:"));
    assert_non_null(strstr(w.text, "truncated last line"));
    dg_meeting_list_destroy(&l);
}

/* Each fault of a record, with the message the reader gives. */
static void test_reader_messages(void **state)
{
    static const struct {
        const char *line;
        const char *warning; /* "" for none: the record is read */
    } cases[] = {
        { "{\"kind\":7,\"parties\":[]}",
          "kind: expected a string or null, not a number: record skipped" },
        { "{\"kind\":\"meet\",\"parties\":{}}",
          "parties: expected an array, not an object: record skipped" },
        { "{\"kind\":\"meet\"}", "parties: missing: record skipped" },
        { "{\"kind\":\"meet\",\"parties\":[{\"id\":\"a\",\"inferred\":1}]}",
          "parties[0].inferred: expected true or false, not a number: record skipped" },
        { "{\"kind\":\"meet\",\"kind\":\"call\",\"parties\":[]}",
          "kind: given twice (keep one): record skipped" },
        { "{\"kind\":\"meet\",\"parties\":[],\"source\":{\"doc\":1,\"doc\":2}}",
          "source.doc: given twice (keep one): record skipped" },
        { "{\"kind\":\"meet\",\"date\":\"2021-13-01\",\"parties\":[]}",
          "date: expected YYYY-MM-DD, YYYY-MM or null: record skipped" },
        { "{\"kind\":\"meet\",\"confidence\":2,\"parties\":[]}",
          "confidence: expected a number from 0 to 1: record skipped" },
        { "{\"v\":2,\"kind\":\"meet\",\"parties\":[]}",
          "v: record version 2 is newer than this diplograph reads (1); upgrade diplograph: "
          "record skipped" },
        { "[{\"kind\":\"meet\"}]", "expected a JSON object, not an array: record skipped" },
        { "{\"kind\":\"meet\",\"parties\":[{\"id\":\"a\",\"nmae\":\"x\"}]}",
          "unknown field \"parties[0].nmae\" ignored" },
        { "{\"kind\":\"meet\",\"parties\":[],\"date\":\"2021-06\",\"note\":null}",
          "unknown field \"note\" ignored" },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        dg_meeting_list l = DG_MEETING_LIST_INIT;
        struct warn_log w = { "" };
        dg_diag diag = { collect, &w, 0 };
        dg_error err = DG_ERROR_INIT;
        int read = strstr(cases[i].warning, "record skipped") == NULL;
        assert_int_equal(dg_meeting_read_buf(&l, cases[i].line, strlen(cases[i].line), "m.jsonl",
                                             &diag, &err), DG_OK);
        if (!strstr(w.text, cases[i].warning) || l.len != (size_t)read) {
            fprintf(stderr, "case %zu: %zu records, warnings: %s\n", i, l.len, w.text);
            fail();
        }
        dg_meeting_list_destroy(&l);
    }
}

/* JSON nested past cJSON's limit, and a line past the record cap read
 * from a file: named as such, and the next line is read. */
static void test_reader_deep_and_long(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    struct warn_log w = { "" };
    dg_diag diag = { collect, &w, 0 };
    dg_error err = DG_ERROR_INIT;
    char path[] = "/tmp/dg-test-meeting.XXXXXX";
    int fd = mkstemp(path), i;
    FILE *fp;

    (void)state;
    assert_true(fd >= 0);
    fp = fdopen(fd, "wb");
    assert_non_null(fp);
    fputs("{\"a\":", fp);
    for (i = 0; i < 2000; i++)
        fputc('[', fp);
    for (i = 0; i < 2000; i++)
        fputc(']', fp);
    fputs("}\n\"", fp);
    for (i = 0; i < (17 << 20); i++)
        fputc('x', fp);
    fputs("\"\n", fp);
    fputs(LINE, fp);
    fclose(fp);
    assert_int_equal(dg_meeting_read_file(&l, path, &diag, &err), DG_OK);
    unlink(path);
    assert_int_equal(l.len, 1);
    assert_non_null(strstr(w.text, ":1: JSON nested deeper than 1000 levels: record skipped\n"));
    assert_non_null(strstr(w.text, ":2: line of 17825794 bytes, longer than a meeting record "
                                   "can be (16777216): record skipped\n"));
    dg_meeting_list_destroy(&l);
}

static void test_id_is_order_independent(void **state)
{
    dg_meeting a, b;
    dg_error err = DG_ERROR_INIT;
    dg_party tmp;

    (void)state;
    assert_int_equal(dg_meeting_parse_json(&a, LINE, strlen(LINE) - 1, &err), DG_OK);
    assert_int_equal(dg_meeting_copy(&b, &a), DG_OK);
    tmp = b.parties[0];
    b.parties[0] = b.parties[1];
    b.parties[1] = tmp;
    assert_int_equal(dg_meeting_compute_id(&a), DG_OK);
    assert_int_equal(dg_meeting_compute_id(&b), DG_OK);
    assert_string_equal(a.id, b.id);
    assert_int_equal(strlen(a.id), 18);
    free(b.date);
    b.date = strdup("2021-06-08");
    assert_int_equal(dg_meeting_compute_id(&b), DG_OK);
    assert_string_not_equal(a.id, b.id);
    dg_meeting_destroy(&a);
    dg_meeting_destroy(&b);
}

/* The direct scanner and cJSON read the same record from every line the
 * scanner takes, and the scanner leaves to cJSON what it cannot take. */
static void both_readers(const char *line, int scanned)
{
    dg_meeting a, b;
    dg_error err = DG_ERROR_INIT;
    dg_buf x = DG_BUF_INIT, y = DG_BUF_INIT;
    int rc = dg_meeting_scan(&a, line, strlen(line));

    if (rc != scanned)
        fail_msg("scanner %d, want %d: %s", rc, scanned, line);
    if (rc != 1)
        return;
    assert_int_equal(dg_meeting_parse_cjson(&b, line, strlen(line), &err), DG_OK);
    assert_int_equal(dg_meeting_write_json(&x, &a), DG_OK);
    assert_int_equal(dg_meeting_write_json(&y, &b), DG_OK);
    assert_string_equal(x.ptr, y.ptr);
    assert_int_equal(a.n_sources, b.n_sources);
    assert_int_equal(a.mentions, b.mentions);
    assert_true(a.confidence == b.confidence);
    dg_buf_destroy(&x);
    dg_buf_destroy(&y);
    dg_meeting_destroy(&a);
    dg_meeting_destroy(&b);
}

static void test_scanner_agrees_with_cjson(void **state)
{
    static const char *const taken[] = {
        "{\"kind\":\"meet\",\"parties\":[]}",
        " { \"kind\" : \"talks\" , \"date\" : null , \"parties\" : [ { \"id\" : \"person:a\" } ] } ",
        "{\"parties\":[{\"role\":\"host\",\"id\":\"person:b\",\"type\":\"org\",\"inferred\":true}],"
        "\"kind\":\"call\",\"v\":1,\"confidence\":0.95,\"source\":{\"lang\":\"en\",\"doc\":-3}}",
        "{\"kind\":\"meet\",\"parties\":[],\"sources\":[],\"mentions\":0}",
        "{\"kind\":\"meet\",\"parties\":[],\"sources\":[{\"file\":\"a\"},{\"file\":\"b\",\"byte\":7}],"
        "\"mentions\":5,\"source\":null,\"place\":{\"name\":\"巴黎\",\"country\":\"FR\"}}",
        "{\"kind\":\"meet\",\"parties\":[],\"confidence\":1,\"id\":\"m-00000000000000ff\"}",
        "{\"kind\":\"meet\",\"parties\":[{\"id\":\"x\",\"country\":null,\"inferred\":false}],\"v\":-2}",
    };
    static const char *const left[] = {
        "{\"kind\":\"meet\",\"parties\":[],\"evidence\":\"a \\\"quote\\\"\"}", /* an escape */
        "{\"kind\":\"meet\",\"parties\":[],\"extra\":1}",                     /* unknown key */
        "{\"kind\":\"meet\",\"kind\":\"talks\",\"parties\":[]}",              /* repeated */
        "{\"kind\":\"meet\",\"parties\":[],\"date\":null,\"date\":\"2021\"}",
        "{\"kind\":\"meet\",\"parties\":[],\"confidence\":1e-2}",             /* exponent */
        "{\"kind\":\"meet\",\"parties\":[],\"v\":2}",                         /* newer */
        "{\"kind\":\"meet\",\"parties\":[],\"source\":{\"doc\":007}}",         /* leading 0 */
        "{\"kind\":\"meet\",\"parties\":[],\"source\":{\"doc\":1.5}}",
        "{\"kind\":\"dinner\",\"parties\":[]}",
        "{\"kind\":\"meet\"}",
        "{\"kind\":\"meet\",\"parties\":[{\"id\":\"\"}]}",
        "{\"kind\":\"meet\",\"parties\":[{\"id\":\"a\",\"role\":\"boss\"}]}",
        "{\"kind\":\"meet\",\"parties\":[{\"id\":\"a\",\"country\":\"ph\"}]}",
        "{\"kind\":\"meet\",\"parties\":[],\"sources\":[],\"source\":{}}",
        "{\"kind\":\"meet\",\"parties\":[]} x",
        "{\"kind\":\"meet\",\"parties\":[]",
        "{\"kind\":\"meet\",\"parties\":[],\"group\":\"\xff\"}",
        "[]",
    };
    const char *files[] = {
        DG_SOURCE_DIR "/graphs/lmc-2021/out/meetings.jsonl",
        DG_SOURCE_DIR "/graphs/lmc-2021/out/events.jsonl",
        DG_SOURCE_DIR "/tests/e2e/stats-small/meetings.jsonl",
        DG_SOURCE_DIR "/tests/e2e/resolve-aliases/meetings.jsonl",
        DG_SOURCE_DIR "/tests/e2e/resolve-aliases/expected/events.jsonl",
    };
    size_t i, lines = 0, n_scanned = 0;

    (void)state;
    for (i = 0; i < sizeof(taken) / sizeof(taken[0]); i++)
        both_readers(taken[i], 1);
    for (i = 0; i < sizeof(left) / sizeof(left[0]); i++)
        both_readers(left[i], 0);
    /* the records diplograph writes: the scanner takes those without
     * escapes, and reads them as cJSON does */
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        FILE *fp = fopen(files[i], "r");
        char line[65536];
        assert_non_null(fp);
        while (fgets(line, sizeof(line), fp)) {
            dg_meeting m;
            size_t n = strlen(line);
            int rc;
            while (n && line[n - 1] == '\n')
                line[--n] = '\0';
            rc = dg_meeting_scan(&m, line, n);
            if (rc == 1)
                dg_meeting_destroy(&m);
            both_readers(line, rc);
            lines++;
            n_scanned += rc == 1;
        }
        fclose(fp);
    }
    assert_true(lines > 30);
    assert_true(n_scanned > lines / 2);
}

static int cmp_meetings(const void *a, const void *b)
{
    return dg_meeting_cmp(a, b);
}

/* dg_meeting_sort (integer keys, records moved in place) orders as a
 * plain sort by dg_meeting_cmp does; dates in another form fall back. */
static void test_sort_by_keys(void **state)
{
    static const char *const dates[] = { NULL, "2021", "2021-06", "2021-06-07", "2021-06-30",
                                         "2020-12-31", "2021-05" };
    dg_meeting_list a = DG_MEETING_LIST_INIT, b = DG_MEETING_LIST_INIT;
    dg_buf x = DG_BUF_INIT, y = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    unsigned r = 5;
    size_t i;
    int round;

    (void)state;
    for (round = 0; round < 2; round++) {
        for (i = 0; i < 300; i++) {
            dg_meeting m, c;
            char line[512];
            r = r * 1103515245u + 12345u;
            snprintf(line, sizeof(line),
                     "{\"kind\":\"%s\",\"date\":%s%s%s,\"parties\":[{\"id\":\"person:p%u\"},"
                     "{\"id\":\"person:q%u\"}],\"source\":{\"file\":\"f\",\"doc\":%zu}}",
                     (r >> 9) % 2 ? "meet" : "talks", dates[(r >> 4) % 7] ? "\"" : "",
                     dates[(r >> 4) % 7] ? dates[(r >> 4) % 7] : "null",
                     dates[(r >> 4) % 7] ? "\"" : "", (r >> 12) % 4, (r >> 14) % 3, i % 50);
            if (round == 1 && i == 150) /* a date of another form */
                snprintf(line, sizeof(line), "{\"kind\":\"meet\",\"date\":null,\"parties\":[]}");
            assert_int_equal(dg_meeting_parse_json(&m, line, strlen(line), &err), DG_OK);
            assert_int_equal(dg_meeting_copy(&c, &m), DG_OK);
            assert_int_equal(dg_meeting_list_push(&a, &m), DG_OK);
            assert_int_equal(dg_meeting_list_push(&b, &c), DG_OK);
        }
        dg_meeting_list_sort(&a);
        qsort(b.items, b.len, sizeof(dg_meeting), cmp_meetings);
        for (i = 0; i < a.len; i++) {
            dg_buf_reset(&x);
            dg_buf_reset(&y);
            assert_int_equal(dg_meeting_write_json(&x, &a.items[i]), DG_OK);
            assert_int_equal(dg_meeting_write_json(&y, &b.items[i]), DG_OK);
            /* records equal under the order may swap: compare keys */
            assert_int_equal(dg_meeting_cmp(&a.items[i], &b.items[i]), 0);
        }
        dg_meeting_list_destroy(&a);
        dg_meeting_list_destroy(&b);
    }
    dg_buf_destroy(&x);
    dg_buf_destroy(&y);
}

static void test_names(void **state)
{
    dg_kind k;
    dg_role r;

    (void)state;
    assert_int_equal(dg_kind_parse(&k, "video_call"), DG_OK);
    assert_int_equal(k, DG_KIND_VIDEO_CALL);
    assert_string_equal(dg_kind_name(DG_KIND_COCHAIR), "cochair");
    assert_int_equal(dg_kind_parse(&k, "dinner"), DG_EINVAL);
    assert_int_equal(dg_role_parse(&r, "chair"), DG_OK);
    assert_int_equal(r, DG_ROLE_CHAIR);
}

/* The direct writer prints what a cJSON tree of the record prints, on
 * every value the record can hold: escapes, nulls, big and negative
 * numbers, confidences that are and are not hundredths. */
static void test_writer_agrees_with_cjson(void **state)
{
    static char texts[][24] = {
        "plain", "q\"uo\\te/", "\b\f\n\r\t", "\x01\x1f\x7f end", "王毅 \xff\xfe broken", "",
    };
    static const double confidences[] = { 0, 0.05, 0.1, 0.35, 0.5, 0.99, 1, 0.333, 0.005, 2.5, -0.25, 1e300 };
    static const long long numbers[] = { 0, 1, -1, 2147483647LL, 2147483648LL, -2147483649LL,
                                         3000000000LL, 1000000000000000LL, 9007199254740993LL };
    size_t t, k;

    (void)state;
    for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
        for (k = 0; k < sizeof(confidences) / sizeof(confidences[0]); k++) {
            dg_meeting m;
            dg_party p;
            dg_source src;
            dg_buf x = DG_BUF_INIT, y = DG_BUF_INIT;
            size_t j;

            dg_meeting_init(&m);
            memset(&p, 0, sizeof(p));
            memset(&src, 0, sizeof(src));
            m.kind = (dg_kind)(k % DG_KIND_COUNT);
            m.date = k % 2 ? texts[t] : NULL;
            m.place_name_zh = k % 3 ? texts[t] : NULL;
            m.place_name = k % 4 == 1 ? texts[t] : NULL;
            if (k % 5)
                memcpy(m.place_country, "CN", 3);
            m.group = k % 2 ? NULL : texts[t];
            m.evidence = texts[t];
            m.confidence = confidences[k];
            m.id = k % 3 == 2 ? NULL : texts[t];
            p.id = texts[t];
            p.name = k % 2 ? texts[t] : NULL;
            p.name_zh = texts[t];
            p.title = k % 3 ? NULL : texts[t];
            p.role = (dg_role)(k % 4);
            p.inferred = (int)(k % 2);
            if (k % 2)
                memcpy(p.country, "PH", 3);
            for (j = 0; j < k % 3; j++)
                assert_int_equal(dg_meeting_add_party(&m, &p), DG_OK);
            for (j = 0; j < (k + t) % 4; j++) {
                const long long n = numbers[(j + k + t) % (sizeof(numbers) / sizeof(numbers[0]))];
                src.file = texts[(t + j) % 6];
                src.lang = j % 2 ? NULL : texts[t];
                src.doc = (long)(n % 1000000);
                src.line = (long)j - 1;
                src.byte = n;
                src.length = -n;
                assert_int_equal(dg_meeting_add_source(&m, &src), DG_OK);
            }
            m.mentions = (long)(k % 3 == 1 ? 0 : (long)k * 1000003L);
            assert_int_equal(dg_meeting_write_json(&x, &m), DG_OK);
            assert_int_equal(dg_meeting_write_cjson(&y, &m), DG_OK);
            assert_int_equal(x.len, y.len);
            assert_memory_equal(x.ptr, y.ptr, x.len);
            dg_buf_destroy(&x);
            dg_buf_destroy(&y);
            /* the strings are the test's own */
            for (j = 0; j < m.n_parties; j++)
                dg_party_destroy(&m.parties[j]);
            free(m.parties);
            for (j = 0; j < m.n_sources; j++)
                dg_source_destroy(&m.sources[j]);
            free(m.sources);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_errors_name_json_path),
        cmocka_unit_test(test_reader_skips_bad_lines),
        cmocka_unit_test(test_reader_messages),
        cmocka_unit_test(test_reader_deep_and_long),
        cmocka_unit_test(test_id_is_order_independent),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_sort_by_keys),
        cmocka_unit_test(test_scanner_agrees_with_cjson),
        cmocka_unit_test(test_writer_agrees_with_cjson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
