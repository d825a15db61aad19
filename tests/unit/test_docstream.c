/* Unit tests: src/text/docstream.c, files cut into documents in chunks.
 * The documents, their indexes, lines and offsets, and the warnings must
 * not depend on where the chunks end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "diplograph/buf.h"
#include "diplograph/reader.h"

/* Every document and warning, as text, in the order they came. */
static int on_doc(void *ctx, const dg_document *d)
{
    dg_buf *log = ctx;

    dg_buf_addf(log, "doc %ld line %ld base %lld len %zu date %s: ", d->index, d->line,
                d->base, d->len, d->date ? d->date : "-");
    dg_buf_add(log, d->text, d->len);
    dg_buf_addc(log, '\n');
    return 0;
}

static void on_warn(void *ctx, const char *file, long line, const char *msg)
{
    dg_buf_addf(ctx, "warn %s:%ld: %s\n", file, line, msg);
}

static void read_mem(dg_buf *log, const char *data, size_t len, const char *name,
                     const dg_reader_opts *ro)
{
    dg_diag diag = { on_warn, log, 0 };
    dg_error err = DG_ERROR_INIT;

    dg_buf_reset(log);
    assert_int_equal(dg_read_documents(data, len, name, ro, on_doc, log, &diag, &err), 0);
}

/* ~200 KB of text with what chunk ends can cut badly: CRLF, blank lines
 * of spaces and tabs, '\r' runs, long lines and blocks, invalid UTF-8,
 * NUL bytes, Chinese text, no final newline. */
static void make_text(dg_buf *b)
{
    unsigned seed = 7;
    int i;

    for (i = 0; i < 1500; i++) {
        int lines, k;
        seed = seed * 1103515245u + 12345u;
        lines = 1 + (int)(seed >> 16) % 4;
        for (k = 0; k < lines; k++) {
            unsigned r = (seed >> (k * 3)) & 7;
            dg_buf_addf(b, "%d.%d 王毅在北京会见拉夫罗夫 met", i, k);
            if (r == 1)
                dg_buf_adds(b, " trailing  \r");
            if (r == 2)
                dg_buf_add(b, "bad \xC3\x28 nul \0 x", 14);
            if (r == 3) {
                int j;
                for (j = 0; j < 40; j++)
                    dg_buf_adds(b, "long line long line ");
            }
            if (r == 4)
                dg_buf_adds(b, "\r\r");
            dg_buf_addc(b, '\n');
        }
        seed = seed * 1103515245u + 12345u;
        switch ((seed >> 16) % 5) {
        case 0: dg_buf_adds(b, "\n"); break;
        case 1: dg_buf_adds(b, " \t \r\n"); break;
        case 2: dg_buf_adds(b, "\r\n\n\n"); break;
        case 3: dg_buf_adds(b, "\n   \n"); break;
        default: break; /* no blank line: the blocks run together */
        }
    }
    dg_buf_adds(b, "last line without a newline");
}

static void make_jsonl(dg_buf *b)
{
    int i;

    for (i = 0; i < 3000; i++) {
        switch (i % 7) {
        case 0: dg_buf_adds(b, "\n"); break;
        case 1: dg_buf_adds(b, "   \r\n"); break;
        case 2: dg_buf_adds(b, "{broken\n"); break;
        case 3: dg_buf_adds(b, "{\"title\":\"no text\"}\n"); break;
        default: break;
        }
        dg_buf_addf(b, "{\"text\":\"%d 王毅会见\\u62c9\\u592b\\u7f57\\u592b %s\",\"date\":\"2021-06-%02d\"}\n",
                    i, i % 11 == 0 ? "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" : "",
                    1 + i % 28);
    }
    dg_buf_adds(b, "{\"text\":\"truncated");
}

static void check_chunks(const char *data, size_t len, const char *name, dg_reader_opts ro)
{
    static const size_t chunks[] = { 1, 3, 7, 61, 4096, 100000 };
    dg_buf want = DG_BUF_INIT, got = DG_BUF_INIT;
    size_t i;

    ro.chunk_bytes = 0; /* all of it in the first chunk */
    read_mem(&want, data, len, name, &ro);
    assert_true(want.len > 50);
    for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
        ro.chunk_bytes = chunks[i];
        read_mem(&got, data, len, name, &ro);
        if (got.len != want.len || memcmp(got.ptr, want.ptr, want.len) != 0) {
            size_t k = 0;
            while (k < got.len && k < want.len && got.ptr[k] == want.ptr[k])
                k++;
            while (k > 0 && want.ptr[k - 1] != '\n')
                k--;
            fail_msg("%s (split %d, cap %zu): chunks of %zu bytes give other documents:\n"
                     "want %.200s\ngot  %.200s", name, (int)ro.split, ro.max_doc_bytes,
                     chunks[i], want.ptr + k, got.ptr + (k < got.len ? k : got.len));
        }
    }
    dg_buf_destroy(&want);
    dg_buf_destroy(&got);
}

static void test_chunk_ends_change_nothing(void **state)
{
    static const dg_split_mode modes[] = { DG_SPLIT_BLANK, DG_SPLIT_LINE, DG_SPLIT_FILE };
    static const size_t caps[] = { DG_DEFAULT_MAX_DOC_BYTES, 300, 40 };
    dg_buf text = DG_BUF_INIT, jl = DG_BUF_INIT;
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    size_t m, c;

    (void)state;
    make_text(&text);
    make_jsonl(&jl);
    assert_true(text.len > 100000);
    for (m = 0; m < 3; m++)
        for (c = 0; c < 3; c++) {
            ro.format = DG_INPUT_TEXT;
            ro.split = modes[m];
            ro.max_doc_bytes = modes[m] == DG_SPLIT_FILE ? text.len - (c * 1000) : caps[c];
            check_chunks(text.ptr, text.len, "t.txt", ro);
        }
    for (c = 0; c < 3; c++) {
        ro.format = DG_INPUT_JSONL;
        ro.max_doc_bytes = caps[c];
        check_chunks(jl.ptr, jl.len, "j.jsonl", ro);
    }
    dg_buf_destroy(&text);
    dg_buf_destroy(&jl);
}

/* A document far larger than a chunk and than the cap: read past, its
 * exact length reported, the documents around it intact. */
static void test_overlong_document_is_read_past(void **state)
{
    dg_buf in = DG_BUF_INIT, log = DG_BUF_INIT;
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    size_t i;

    (void)state;
    dg_buf_adds(&in, "first\n\nsecond\n");
    for (i = 0; i < 300000; i++)
        dg_buf_addc(&in, (char)('a' + i % 26));
    dg_buf_adds(&in, "\r\n\nthird\n");
    ro.split = DG_SPLIT_BLANK;
    ro.max_doc_bytes = 1000;
    ro.chunk_bytes = 4096;
    read_mem(&log, in.ptr, in.len, "big.txt", &ro);
    assert_string_equal(dg_buf_cstr(&log),
                        "doc 0 line 1 base 0 len 5 date -: first\n"
                        "warn big.txt:3: document 1 is 300007 bytes, over --max-doc-bytes 1000: skipped; "
                        "raise --max-doc-bytes to read it\n"
                        "doc 2 line 6 base 300017 len 5 date -: third\n");
    dg_buf_destroy(&in);
    dg_buf_destroy(&log);
}

/* DG_SPLIT_AUTO: a file that fits in the first chunk is judged whole; a
 * longer one by its first chunk. */
static void test_auto_split_rule(void **state)
{
    dg_buf in = DG_BUF_INIT, log = DG_BUF_INIT;
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    const char *paras = "Head\n\nBody one.\n\nBody two.\n";
    size_t n = 0;
    const char *p;

    (void)state;
    read_mem(&log, paras, strlen(paras), "p.txt", &ro);
    assert_non_null(strstr(dg_buf_cstr(&log), "doc 0 line 1 base 0 len 27"));
    assert_null(strstr(dg_buf_cstr(&log), "doc 1 "));
    /* single-line paragraphs past the first chunk: a document each */
    while (in.len <= DG_READ_CHUNK_BYTES + 100)
        dg_buf_adds(&in, "A paragraph of an implausibly long article.\n\n");
    read_mem(&log, in.ptr, in.len, "long.txt", &ro);
    for (p = dg_buf_cstr(&log); (p = strstr(p, "\ndoc ")) != NULL; p++)
        n++;
    assert_int_equal(n + 1, in.len / 45);
    dg_buf_destroy(&in);
    dg_buf_destroy(&log);
}

/* From a file descriptor, as the CLI reads; the same as from memory. */
static void test_fd_equals_memory(void **state)
{
    dg_buf text = DG_BUF_INIT, want = DG_BUF_INIT, got = DG_BUF_INIT;
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_diag diag = { on_warn, &got, 0 };
    dg_error err = DG_ERROR_INIT;
    FILE *fp = tmpfile();

    (void)state;
    assert_non_null(fp);
    make_text(&text);
    assert_int_equal(fwrite(text.ptr, 1, text.len, fp), text.len);
    fflush(fp);
    rewind(fp);
    ro.chunk_bytes = 5000;
    read_mem(&want, text.ptr, text.len, "t.txt", &ro);
    assert_int_equal(dg_read_documents_fd(fileno(fp), "t.txt", &ro, on_doc, &got, &diag, &err), 0);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.ptr, want.ptr, want.len);
    fclose(fp);
    dg_buf_destroy(&text);
    dg_buf_destroy(&want);
    dg_buf_destroy(&got);
}

/* From a pipe, which cannot be read again: long documents go through a
 * temporary file and come out the same. */
static void test_pipe_equals_memory(void **state)
{
    static const size_t caps[] = { DG_DEFAULT_MAX_DOC_BYTES, 3000 };
    dg_buf text = DG_BUF_INIT, want = DG_BUF_INIT, got = DG_BUF_INIT;
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_diag diag = { on_warn, &got, 0 };
    dg_error err = DG_ERROR_INIT;
    size_t c, i;

    (void)state;
    make_text(&text);
    dg_buf_adds(&text, "\n\nshort\n\n");
    for (i = 0; i < 20000; i++)
        dg_buf_addc(&text, (char)('a' + i % 26)); /* spilled, and over the cap */
    dg_buf_adds(&text, "\n\nend\n");
    ro.chunk_bytes = 500;
    ro.split = DG_SPLIT_BLANK;
    for (c = 0; c < 2; c++) {
        int fds[2];
        pid_t pid;
        ro.max_doc_bytes = caps[c];
        read_mem(&want, text.ptr, text.len, "t.txt", &ro);
        assert_int_equal(pipe(fds), 0);
        pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            size_t off = 0;
            close(fds[0]);
            while (off < text.len) {
                ssize_t n = write(fds[1], text.ptr + off, text.len - off < 777 ? text.len - off : 777);
                if (n <= 0)
                    _exit(1);
                off += (size_t)n;
            }
            _exit(0);
        }
        close(fds[1]);
        dg_buf_reset(&got);
        assert_int_equal(dg_read_documents_fd(fds[0], "t.txt", &ro, on_doc, &got, &diag, &err), 0);
        close(fds[0]);
        waitpid(pid, NULL, 0);
        assert_int_equal(got.len, want.len);
        assert_memory_equal(got.ptr, want.ptr, want.len);
    }
    dg_buf_destroy(&text);
    dg_buf_destroy(&want);
    dg_buf_destroy(&got);
}

/* Batches carry their own indexes and offsets: read in reverse order,
 * they give the same documents. */
static void test_batches_are_independent(void **state)
{
    dg_buf text = DG_BUF_INIT, log = DG_BUF_INIT;
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_diag diag = { on_warn, &log, 0 };
    dg_error err = DG_ERROR_INIT;
    dg_doc_stream *s;
    dg_doc_batch *b[4096];
    size_t n = 0, i, total = 0;

    (void)state;
    make_text(&text);
    ro.chunk_bytes = 100;
    ro.split = DG_SPLIT_BLANK;
    assert_int_equal(dg_doc_stream_open_mem(&s, text.ptr, text.len, "t.txt", &ro, &err), 0);
    for (;;) {
        assert_true(n < 4096);
        assert_int_equal(dg_doc_stream_next(s, &b[n], &diag, &err), 0);
        if (!b[n])
            break;
        total += dg_doc_batch_size(b[n]);
        n++;
    }
    assert_true(dg_doc_stream_eof(s));
    assert_int_equal(dg_doc_stream_bytes(s), (long long)text.len);
    assert_true(n > 100);
    assert_true(total <= text.len);
    for (i = n; i > 0; i--) {
        assert_int_equal(dg_doc_batch_read(b[i - 1], on_doc, &log, &diag, &err), 0);
        dg_doc_batch_free(b[i - 1]);
    }
    assert_non_null(strstr(dg_buf_cstr(&log), "doc 0 line 1 base 0 "));
    dg_doc_stream_free(s);
    dg_buf_destroy(&text);
    dg_buf_destroy(&log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chunk_ends_change_nothing),
        cmocka_unit_test(test_overlong_document_is_read_past),
        cmocka_unit_test(test_auto_split_rule),
        cmocka_unit_test(test_fd_equals_memory),
        cmocka_unit_test(test_pipe_equals_memory),
        cmocka_unit_test(test_batches_are_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
