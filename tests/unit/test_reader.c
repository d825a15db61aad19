/* Unit tests: src/text/reader.c, what a document reader makes of bad
 * input. Each case gives the bytes, the documents that must come out and
 * the warning that must be given: files that are not UTF-8 text are
 * skipped with a message that names what they look like; malformed JSON
 * lines are skipped one by one; deep HTML is read whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diplograph/buf.h"
#include "diplograph/reader.h"

typedef struct {
    dg_buf warn;
    size_t docs;
    dg_buf text; /* the documents, one per line */
} seen;

static int on_doc(void *ctx, const dg_document *d)
{
    seen *s = ctx;

    s->docs++;
    dg_buf_add(&s->text, d->text, d->len);
    dg_buf_addc(&s->text, '\n');
    return 0;
}

static void on_warn(void *ctx, const char *file, long line, const char *msg)
{
    seen *s = ctx;

    dg_buf_addf(&s->warn, "%s:%ld: %s\n", file, line, msg);
}

static void read_bytes(seen *s, const char *data, size_t len, const char *name)
{
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_diag diag = { on_warn, s, 0 };
    dg_error err = DG_ERROR_INIT;

    dg_buf_init(&s->warn);
    dg_buf_init(&s->text);
    s->docs = 0;
    assert_int_equal(dg_read_documents(data, len, name, &ro, on_doc, s, &diag, &err), 0);
}

static void seen_destroy(seen *s)
{
    dg_buf_destroy(&s->warn);
    dg_buf_destroy(&s->text);
}

#define ZH "2021年6月7日，国务委员兼外长王毅在北京会见俄罗斯外长拉夫罗夫。"

static const struct {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen */
    size_t docs;
    const char *warning; /* a substring of the warnings, or "" for none */
} cases[] = {
    { "utf8.txt", ZH "\n", 0, 1, "" },
    { "bom.txt", "\xEF\xBB\xBF" ZH "\n", 0, 1, "" },
    { "overlong.txt", "a \xC0\xAF b\n" ZH "\n", 0, 2,
      "overlong.txt:1: 2 invalid UTF-8 or NUL bytes in document 0 (first at byte 2)" },
    { "surrogate.txt", "a \xED\xA0\x80 b\n", 0, 1, "1: 3 invalid UTF-8 or NUL bytes" },
    { "truncated.txt", "a \xE4\xBD", 0, 1, "1: 2 invalid UTF-8 or NUL bytes" },
    { "nul.txt", "a\0b\n" ZH "\n", 4 + sizeof(ZH), 2, "1: 1 invalid UTF-8 or NUL byte " },
    { "utf16.txt", "\xFF\xFE" "a\0b\0", 6, 0, "not UTF-8 (a UTF-16 byte order mark)" },
    { "utf32.txt", "\xFF\xFE\0\0a\0\0\0", 8, 0, "not UTF-8 (a UTF-32 byte order mark)" },
    { "le.txt", "h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22, 0,
      "not UTF-8 (UTF-16LE without a byte order mark?): skipped; "
      "convert with iconv -f UTF-16LE -t UTF-8" },
    { "be.txt", "\0h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d", 22, 0, "UTF-16BE without" },
    /* 王毅会见拉夫罗夫 in GB18030 and 國務委員 in Big5 */
    { "gb.txt", "\xCD\xF5\xD2\xE3\xBB\xE1\xBC\xFB\xC0\xAD\xB7\xF2\xC2\xDE\xB7\xF2", 0, 0,
      "not UTF-8 (looks like GB18030: 14 invalid bytes in the first 16): skipped; "
      "convert with iconv -f GB18030 -t UTF-8" },
    { "big5.txt", "\xB0\xEA\xB0\xC8\xA9\x65\xAD\xFB", 0, 0,
      "(looks like Big5: " },
    { "gz.txt", "\x1F\x8B\x08\x00\x00\x00", 6, 0,
      "binary file (gzip compressed data): skipped; decompress it first (gunzip)" },
    { "pdf.txt", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", 0, 0, "binary file (a PDF document)" },
    { "bzh.txt", "BZh is not bzip2 here\n", 0, 1, "" },
    { "bin.txt", "\x01\x02\x03\x04\x05\x06\x07\x08 ctrl\n", 0, 0,
      "binary file (8 control bytes in the first 14)" },
    { "nuls.txt", "\0\1\2\3\0\1\2\3\0\1\2\3\0\1\2\3", 16, 0, "binary file (4 NUL bytes" },
    { "latin1.txt", "caf\xE9 au lait, na\xEFve r\xE9sum\xE9 of the talks held today\n", 0, 1,
      "4 invalid UTF-8 or NUL bytes in document 0" },
    { "empty.txt", "", 0, 0, "" },
    { "blank.txt", "  \n\t\n \r\n", 0, 0, "" },
    { "a.jsonl", "{\"text\":\"a\"}\n{\"text\": 7}\n[1]\n{\"body\":\"x\"}\n", 0, 1,
      "a.jsonl:2: field \"text\" is a number, not a string: skipped\n"
      "a.jsonl:3: expected a JSON object, not an array: skipped\n"
      "a.jsonl:4: no field \"text\": skipped; name the text field with --text-field\n" },
    { "dup.jsonl", "{\"text\":\"a\",\"text\":\"b\"}\n{\"text\":\"c\",\"date\":20210607}\n", 0, 1,
      "dup.jsonl:1: field \"text\" given twice: skipped; keep one\n"
      "dup.jsonl:2: field \"date\" is a number, not a string: ignored\n" },
    { "cut.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b", 0, 1,
      "cut.jsonl:2: malformed JSON near byte 10 (a truncated last line?): skipped" },
    { "nul.jsonl", "{\"text\":\"a\0\"}\n{\"text\":\"b\"}\n", 27, 1,
      "nul.jsonl:1: NUL byte in JSON at byte 11: skipped" },
};

static void test_bad_bytes(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        seen s;
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].data);
        read_bytes(&s, cases[i].data, len, cases[i].name);
        if (s.docs != cases[i].docs ||
            (cases[i].warning[0] ? !strstr(dg_buf_cstr(&s.warn), cases[i].warning)
                                 : s.warn.len != 0)) {
            fprintf(stderr, "%s: %zu documents, warnings:\n%s", cases[i].name, s.docs,
                    dg_buf_cstr(&s.warn));
            fail();
        }
        seen_destroy(&s);
    }
}

/* JSON nested past cJSON's limit is named as such, and the next line is
 * read. */
static void test_deep_json_line(void **state)
{
    dg_buf b = DG_BUF_INIT;
    seen s;
    int i;

    (void)state;
    dg_buf_adds(&b, "{\"a\":");
    for (i = 0; i < 2000; i++)
        dg_buf_addc(&b, '[');
    for (i = 0; i < 2000; i++)
        dg_buf_addc(&b, ']');
    dg_buf_adds(&b, "}\n{\"text\":\"next\"}\n");
    read_bytes(&s, b.ptr, b.len, "deep.jsonl");
    assert_int_equal(s.docs, 1);
    assert_string_equal(dg_buf_cstr(&s.warn),
                        "deep.jsonl:1: JSON nested deeper than 1000 levels: skipped\n");
    seen_destroy(&s);
    dg_buf_destroy(&b);
}

/* libxml2 stops at 256 open elements unless told otherwise: the text
 * inside 1,000 and 100,000 levels of nesting must still come out. */
static void test_deep_html(void **state)
{
    static const int depths[] = { 1000, 100000 };
    size_t k;

    (void)state;
    for (k = 0; k < 2; k++) {
        dg_buf b = DG_BUF_INIT;
        seen s;
        int i;
        dg_buf_adds(&b, "<html><body>");
        for (i = 0; i < depths[k]; i++)
            dg_buf_adds(&b, "<div>");
        dg_buf_adds(&b, "<p>" ZH "</p>");
        for (i = 0; i < depths[k] / 2; i++)
            dg_buf_adds(&b, "</div>");
        dg_buf_adds(&b, "</span></body>");
        read_bytes(&s, b.ptr, b.len, "deep.html");
        assert_int_equal(s.docs, 1);
        assert_non_null(strstr(dg_buf_cstr(&s.text), ZH));
        assert_int_equal(s.warn.len, 0);
        seen_destroy(&s);
        dg_buf_destroy(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_deep_json_line),
        cmocka_unit_test(test_deep_html),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
