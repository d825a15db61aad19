/* Unit tests: gazetteer loading, errors with JSON paths, the matcher. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/buf.h"
#include "diplograph/gazetteer.h"
#include "diplograph/normalize.h"

static dg_gazetteer *mini(void)
{
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;

    assert_non_null(g);
    assert_int_equal(dg_gazetteer_load_file(g, DG_SOURCE_DIR "/tests/data/gazetteer/mini.json", &err), DG_OK);
    assert_int_equal(dg_gazetteer_compile(g, &err), DG_OK);
    return g;
}

typedef struct {
    char text[512];
} seen;

static int record(void *ctx, const dg_gaz_match *m)
{
    seen *s = ctx;
    size_t n = strlen(s->text);
    snprintf(s->text + n, sizeof(s->text) - n, "%d:%zu-%zu ", (int)m->type, m->start, m->end);
    return 0;
}

static void scan(dg_gazetteer *g, const char *text, seen *s)
{
    dg_folded fd = DG_FOLDED_INIT;

    s->text[0] = '\0';
    assert_int_equal(dg_fold_text(dg_gazetteer_fold(g), &fd, text, strlen(text)), DG_OK);
    dg_gazetteer_scan_orig(g, fd.text.ptr, fd.text.len, text, fd.map, record, s);
    dg_folded_destroy(&fd);
}

static void test_longest_match_wins(void **state)
{
    dg_gazetteer *g = mini();
    seen s;

    (void)state;
    /* 菲律宾共和国 (long form) over 菲律宾, then the title 外交部长 */
    scan(g, "菲律宾共和国外交部长洛钦", &s);
    assert_string_equal(s.text, "0:0-18 3:18-30 6:30-36 ");
    /* traditional script folds before matching: 國务委员兼外长 */
    scan(g, "國務委員兼外長王毅", &s);
    assert_string_equal(s.text, "3:0-21 6:21-27 ");
    dg_gazetteer_free(g);
}

static void test_latin_words_and_acronyms(void **state)
{
    dg_gazetteer *g = mini();
    seen s;

    (void)state;
    scan(g, "Blinken met Lavrov", &s);
    assert_string_equal(s.text, "6:0-7 6:12-18 ");
    scan(g, "Blinkenism", &s); /* whole words only */
    assert_string_equal(s.text, "");
    scan(g, "the US said", &s); /* the acronym in capitals */
    assert_string_equal(s.text, "0:4-6 ");
    scan(g, "let us go", &s); /* not the pronoun */
    assert_string_equal(s.text, "");
    dg_gazetteer_free(g);
}

static void test_lookups(void **state)
{
    dg_gazetteer *g = mini();
    const dg_official *o;

    (void)state;
    assert_non_null(dg_gazetteer_country_by_code(g, "PH"));
    assert_string_equal(dg_gazetteer_country_by_code(g, "PH")->name_zh, "菲律宾");
    assert_non_null(dg_gazetteer_group_by_id(g, "LMC"));
    assert_int_equal(dg_gazetteer_group_by_id(g, "LMC")->n_members, 6);
    o = dg_gazetteer_office_holder(g, "PH", "Foreign Minister", "2021-06-07");
    assert_non_null(o);
    assert_string_equal(o->id, "teodoro-locsin-jr");
    assert_null(dg_gazetteer_office_holder(g, "PH", "Foreign Minister", "2015-01-01"));
    assert_true(dg_gazetteer_abbr(g, "菲", 3) >= 0);
    assert_int_equal(dg_gazetteer_abbr(g, "猫", 3), -1);
    dg_gazetteer_free(g);
}

static void test_errors_name_file_and_path(void **state)
{
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    const char *bad_type = "{\"officials\":[{\"id\":\"a\",\"name_en\":\"A\",\"country\":\"CN\"},"
                           "{\"id\":\"b\",\"name_en\":7,\"country\":\"CN\"}]}";
    const char *bad_code = "{\"countries\":[{\"code\":\"PHL\",\"name_en\":\"x\"}]}";
    const char *bad_json = "{\"countries\":[\n{\"code\":\"PH\",}\n]}";
    const char *bad_date = "{\"groups\":[{\"id\":\"G\",\"members\":[{\"country\":\"CN\",\"from\":\"June\"}]}]}";

    (void)state;
    assert_int_equal(dg_gazetteer_load_buf(g, bad_type, strlen(bad_type), "o.json", &err), DG_EPARSE);
    assert_string_equal(err.msg, "o.json: officials[1].name_en: expected a string, not a number");
    assert_int_equal(dg_gazetteer_load_buf(g, bad_code, strlen(bad_code), "c.json", &err), DG_EPARSE);
    assert_non_null(strstr(err.msg, "countries[0].code"));
    assert_int_equal(dg_gazetteer_load_buf(g, bad_json, strlen(bad_json), "j.json", &err), DG_EPARSE);
    assert_string_equal(err.msg, "j.json:2: malformed JSON near column 15");
    assert_int_equal(dg_gazetteer_load_buf(g, bad_date, strlen(bad_date), "g.json", &err), DG_EPARSE);
    assert_non_null(strstr(err.msg, "groups[0].members[0].from"));
    dg_gazetteer_free(g);
}

/* A key given twice and JSON nested past cJSON's limit are named. */
static void test_duplicate_keys_and_depth(void **state)
{
    dg_gazetteer *g = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    const char *dup = "{\"officials\":[{\"id\":\"a\",\"name_en\":\"A\",\"name_en\":\"B\","
                      "\"country\":\"CN\"}]}";
    const char *dup_id = "{\"titles\":[{\"id\":\"a\",\"id\":\"b\",\"en\":\"A\"}]}";
    dg_buf deep = DG_BUF_INIT;
    int i;

    (void)state;
    assert_int_equal(dg_gazetteer_load_buf(g, dup, strlen(dup), "d.json", &err), DG_EPARSE);
    assert_string_equal(err.msg, "d.json: officials[0].name_en: given twice (keep one)");
    assert_int_equal(dg_gazetteer_load_buf(g, dup_id, strlen(dup_id), "i.json", &err), DG_EPARSE);
    assert_string_equal(err.msg, "i.json: titles[0].id: given twice (keep one)");
    dg_buf_adds(&deep, "{\"places\":\n");
    for (i = 0; i < 2000; i++)
        dg_buf_addc(&deep, '[');
    for (i = 0; i < 2000; i++)
        dg_buf_addc(&deep, ']');
    dg_buf_adds(&deep, "}");
    assert_int_equal(dg_gazetteer_load_buf(g, deep.ptr, deep.len, "n.json", &err), DG_EPARSE);
    assert_string_equal(err.msg, "n.json: JSON nested deeper than 1000 levels");
    dg_buf_destroy(&deep);
    dg_gazetteer_free(g);
}

static void on_warn(void *ctx, const char *file, long line, const char *msg)
{
    (void)line;
    dg_buf_addf(ctx, "%s: %s\n", file ? file : "-", msg);
}

static void test_override_and_conflicts(void **state)
{
    dg_buf log = DG_BUF_INIT;
    dg_gazetteer *g = mini();
    dg_error err = DG_ERROR_INIT;
    dg_diag diag = DG_DIAG_INIT;
    /* a user file renames an entry and adds an alias that clashes */
    const char *extra = "{\"countries\":[{\"code\":\"PH\",\"name_en\":\"The Philippines\"}],"
                        "\"officials\":[{\"id\":\"someone\",\"name_en\":\"Someone\",\"country\":\"CN\","
                        "\"aliases_zh\":[\"王毅\"]}]}";

    (void)state;
    assert_int_equal(dg_gazetteer_load_buf(g, extra, strlen(extra), "user.json", &err), DG_OK);
    assert_int_equal(dg_gazetteer_compile(g, &err), DG_OK);
    assert_string_equal(dg_gazetteer_country_by_code(g, "PH")->name_en, "The Philippines");
    diag.fn = on_warn;
    diag.ctx = &log;
    assert_int_equal(dg_gazetteer_check(g, &diag), 1);
    assert_int_equal(diag.count, 1);
    assert_string_equal(dg_buf_cstr(&log),
                        "user.json: \"王毅\" names two officials, wang-yi (" DG_SOURCE_DIR
                        "/tests/data/gazetteer/mini.json) and someone: the first is taken; "
                        "drop the form from one of them\n");
    dg_buf_destroy(&log);
    dg_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest_match_wins),
        cmocka_unit_test(test_latin_words_and_acronyms),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_errors_name_file_and_path),
        cmocka_unit_test(test_duplicate_keys_and_depth),
        cmocka_unit_test(test_override_and_conflicts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
