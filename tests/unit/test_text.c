/* Unit tests: dg_buf, UTF-8, folding, atomic output files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diplograph/buf.h"
#include "diplograph/io.h"
#include "diplograph/normalize.h"
#include "diplograph/timing.h"
#include "diplograph/utf8.h"

static void test_buf_grow_and_cap(void **state)
{
    dg_buf b = DG_BUF_INIT;

    (void)state;
    assert_string_equal(dg_buf_cstr(&b), "");
    assert_int_equal(dg_buf_addf(&b, "%s met %s", "王毅", "Locsin"), DG_OK);
    assert_string_equal(b.ptr, "王毅 met Locsin");
    assert_int_equal(dg_buf_add_xml_escaped(&b, "<&\"'>", 5), DG_OK);
    assert_non_null(strstr(b.ptr, "&lt;&amp;&quot;&apos;&gt;"));
    b.max = b.len + 2;
    assert_int_equal(dg_buf_adds(&b, "abc"), DG_ENOMEM);
    assert_int_equal(dg_buf_adds(&b, "ab"), DG_OK); /* still valid after a failure */
    dg_buf_destroy(&b);
}

static void test_utf8_rejects_bad_sequences(void **state)
{
    const char overlong[] = "\xC0\xAF";
    const char surrogate[] = "\xED\xA0\x80";
    const char truncated[] = "ab\xE4\xBC";
    const char good[] = "王毅 met";
    const char *p = overlong;
    int bad = 0;

    (void)state;
    assert_int_equal(dg_utf8_next(&p, overlong + 2, &bad), DG_UTF8_REPLACEMENT);
    assert_int_equal(bad, 1);
    assert_int_equal(dg_utf8_validate(surrogate, 3), 0);
    assert_int_equal(dg_utf8_validate(truncated, 4), 2);
    assert_int_equal(dg_utf8_validate(good, strlen(good)), strlen(good));
    assert_int_equal(dg_utf8_count(good, strlen(good)), 6);
}

static void test_fold_maps_back(void **state)
{
    dg_fold *f = dg_fold_new();
    dg_folded fd = DG_FOLDED_INIT;
    const char *s = "國务委员ＡＢ　Wang—Yi\xE2\x80\x8B會見";

    (void)state;
    assert_non_null(f);
    assert_int_equal(dg_fold_text(f, &fd, s, strlen(s)), DG_OK);
    assert_string_equal(fd.text.ptr, "国务委员ab wang-yi会见");
    /* every folded byte maps to the start of its original character */
    assert_int_equal(fd.map[0], 0);                 /* 国 <- 國 */
    assert_int_equal(fd.map[12], 12);               /* a <- Ａ */
    assert_int_equal(fd.map[13], 15);               /* b <- Ｂ */
    assert_int_equal(fd.map[fd.text.len], strlen(s));
    assert_int_equal(dg_fold_cp(f, 0x6703), 0x4F1A); /* 會 -> 会 */
    assert_int_equal(dg_fold_cp(f, 0xFEFF), 0);      /* BOM vanishes */
    assert_int_equal(dg_fold_cp(f, 0xE9), 'e');      /* é -> e */
    /* entities left in scraped text fold as their characters */
    s = "Ministers&rsquo; Meeting &amp; &bogus;";
    assert_int_equal(dg_fold_text(f, &fd, s, strlen(s)), DG_OK);
    assert_string_equal(fd.text.ptr, "ministers' meeting & &bogus;");
    assert_int_equal(fd.map[10], 16); /* the space after the entity */
    dg_folded_destroy(&fd);
    dg_fold_free(f);
}

static void test_outfile_is_atomic(void **state)
{
    char dir[] = "/tmp/dg-test-XXXXXX";
    char path[256];
    dg_outfile out = DG_OUTFILE_INIT;
    dg_error err = DG_ERROR_INIT;
    FILE *fp;
    char buf[64] = "";

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    assert_int_equal(dg_write_file_atomic(path, "good\n", 5, &err), DG_OK);
    /* an aborted write leaves the good file in place */
    assert_int_equal(dg_outfile_open(&out, path, &err), DG_OK);
    fputs("half", out.fp);
    dg_outfile_abort(&out);
    fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(buf, sizeof(buf), fp));
    fclose(fp);
    assert_string_equal(buf, "good\n");
    /* a directory that does not exist is an error naming it */
    snprintf(path, sizeof(path), "%s/no/such/a.txt", dir);
    assert_int_equal(dg_write_file_atomic(path, "x", 1, &err), DG_EIO);
    assert_non_null(strstr(err.msg, "no/such"));
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    unlink(path);
    rmdir(dir);
}

static void test_timing_records_steps(void **state)
{
    dg_timing t;
    volatile double x = 0;
    size_t i;

    (void)state;
    dg_timing_init(&t);
    for (i = 0; i < 100000; i++)
        x += (double)i;
    assert_true(x > 0);
    dg_timing_mark(&t, "loop");
    dg_timing_mark(NULL, "ignored"); /* NULL is a no-op */
    dg_timing_restart(&t);
    dg_timing_mark(&t, "nothing");
    assert_int_equal(t.n, 2);
    assert_string_equal(t.steps[0].name, "loop");
    assert_true(t.steps[0].wall >= 0 && t.steps[0].cpu >= 0);
    assert_true(t.steps[0].peak_rss_kb > 0);
    assert_true(t.steps[1].wall >= 0);
    for (i = 0; i < DG_TIMING_MAX_STEPS; i++)
        dg_timing_mark(&t, "more");
    assert_int_equal(t.n, DG_TIMING_MAX_STEPS);
    assert_int_equal(t.dropped, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grow_and_cap),
        cmocka_unit_test(test_utf8_rejects_bad_sequences),
        cmocka_unit_test(test_fold_maps_back),
        cmocka_unit_test(test_outfile_is_atomic),
        cmocka_unit_test(test_timing_records_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
