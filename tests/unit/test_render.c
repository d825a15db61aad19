/* Unit tests: dg_render (Graphviz svg/png/pdf, top N, ego networks,
 * options) and dg_report_html (escaping, sections; headless Chromium
 * loads it without console errors: tests/tools/report_chromium.sh).
 *
 * Also a tool: `test_render --bench N M FILE.{svg,png,pdf}` lays out and
 * renders a synthetic graph of N nodes and about M edges and prints the
 * seconds (bench/render_bench.sh); `test_render --sample DIR` writes the
 * drawings and report the tests make into DIR for a look. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diplograph/render.h"
#include "graph_fixture.h"

static GVC_t *gvc;
static const char *sample_dir; /* --sample DIR: keep the outputs */

static void save(const char *name, const dg_buf *b)
{
    char path[1024];
    FILE *fp;

    if (!sample_dir)
        return;
    snprintf(path, sizeof(path), "%s/%s", sample_dir, name);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(b->ptr, 1, b->len, fp), b->len);
    assert_int_equal(fclose(fp), 0);
}

static int render(dg_buf *out, const dg_graph *g, const dg_render_opts *o,
                  dg_error *err)
{
    dg_buf_reset(out);
    return dg_render(out, gvc, g, o, err);
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;

    while ((s = strstr(s, needle)) != NULL) {
        n++;
        s += strlen(needle);
    }
    return n;
}

static void test_svg(void **state)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT, again = DG_BUF_INIT;
    dg_graph g;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    save("small.svg", &b);
    assert_non_null(strstr(b.ptr, "<svg"));
    assert_non_null(strstr(b.ptr, "font-family=\"WenQuanYi Micro Hei"));
    /* lang both: English and Chinese lines */
    assert_non_null(strstr(b.ptr, ">Wang Yi</text>"));
    assert_non_null(strstr(b.ptr, ">王毅</text>"));
    assert_non_null(strstr(b.ptr, ">洛钦</text>"));
    /* escaped by Graphviz, backslash shown once, controls gone */
    assert_non_null(strstr(b.ptr, "A&amp;B &lt;C&gt; &quot;Group&quot;"));
    assert_non_null(strstr(b.ptr, ">Back\\slash "));
    assert_null(strchr(b.ptr, '\x01'));
    /* nodes keyed by id; legend */
    assert_int_equal(count(b.ptr, "class=\"node\""), 6);
    assert_int_equal(count(b.ptr, "class=\"edge\""), 5);
    assert_non_null(strstr(b.ptr, "community (most central member)"));
    assert_int_equal(render(&again, &g, &o, &err), DG_OK);
    assert_true(b.len == again.len && memcmp(b.ptr, again.ptr, b.len) == 0);

    o.lang = "en";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_null(strstr(b.ptr, ">王毅</text>"));
    assert_non_null(strstr(b.ptr, ">洛钦</text>")); /* no English name */
    o.lang = "zh";
    o.color_by = "region";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_null(strstr(b.ptr, ">Wang Yi</text>"));
    assert_non_null(strstr(b.ptr, ">East Asia</text>"));
    assert_non_null(strstr(b.ptr, ">Southeast Asia</text>"));
    o.color_by = "type";
    o.engine = "dot";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_non_null(strstr(b.ptr, ">organisation</text>"));
    dg_buf_destroy(&b);
    dg_buf_destroy(&again);
    fx_graph_free(&g);
}

static void test_png_pdf(void **state)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_graph g;

    (void)state;
    fx_small(&g, DG_LAYER_VISITS);
    o.format = "png";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    save("small.png", &b);
    assert_true(b.len > 1000);
    assert_memory_equal(b.ptr, "\x89PNG\r\n\x1a\n", 8);
    o.format = "pdf";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    save("small.pdf", &b);
    assert_memory_equal(b.ptr, "%PDF-", 5);
    dg_buf_destroy(&b);
    fx_graph_free(&g);
}

static void test_top_and_focus(void **state)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_graph g;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    /* top 2 by PageRank: 王毅 (5) and person:back\slash (4), one edge */
    o.top = 2;
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_int_equal(count(b.ptr, "class=\"node\""), 2);
    assert_int_equal(count(b.ptr, "class=\"edge\""), 1);
    assert_non_null(strstr(b.ptr, "<title>person:wang&#45;yi</title>"));
    o.top = 0;
    /* ego network of 洛钦 (by Chinese name): PH, 王毅 at depth 1 */
    o.focus = "洛钦";
    o.depth = 1;
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_int_equal(count(b.ptr, "class=\"node\""), 3);
    o.depth = 2;
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_int_equal(count(b.ptr, "class=\"node\""), 6);
    o.focus = "country:PH"; /* by id, depth 0: the node alone */
    o.depth = 0;
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_int_equal(count(b.ptr, "class=\"node\""), 1);
    o.focus = "wang yi"; /* English names: ASCII case ignored */
    o.depth = 1;
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_int_equal(count(b.ptr, "class=\"node\""), 5);
    o.focus = "Nobody";
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    assert_string_equal(err.msg, "no node matches 'Nobody'");
    dg_buf_destroy(&b);
    fx_graph_free(&g);
}

static void test_bad_options(void **state)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_graph g;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    o.format = "gif";
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    assert_non_null(strstr(err.msg, "unknown format 'gif'"));
    o.format = "svg";
    o.engine = "spring";
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    o.engine = NULL;
    o.size_by = "fame";
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    o.size_by = "betweenness";
    o.color_by = "party";
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    o.color_by = "community";
    o.lang = "fr";
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    o.lang = "en";
    o.top = -1;
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    o.top = 0;
    g.edges[0].from = 42;
    assert_int_equal(render(&b, &g, &o, &err), DG_EINVAL);
    g.edges[0].from = 0;
    assert_int_equal(b.len, 0);
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    dg_buf_destroy(&b);
    fx_graph_free(&g);

    memset(&g, 0, sizeof(g)); /* an empty graph still draws */
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_non_null(strstr(b.ptr, "<svg"));
    dg_buf_destroy(&b);
}

/* 500 nodes: sfdp, labels only on the most central (look at the PNG with
 * --sample: no pile-ups). */
static void test_large(void **state)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_graph g;

    (void)state;
    fx_synthetic(&g, 500, 1500);
    o.format = sample_dir ? "png" : "svg";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    save("large.png", &b);
    if (!sample_dir) {
        assert_int_equal(count(b.ptr, "class=\"node\""), 500);
        /* 50 labelled nodes, two lines each */
        assert_int_equal(count(b.ptr, "官员"), 50 + 50 /* tooltips */ + 450);
    }
    dg_buf_destroy(&b);
    fx_graph_free(&g);
}

static int bench(int argc, char **argv)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_graph g;
    struct timespec t0, t1;
    const char *ext;
    char *end;
    unsigned long n, m;
    FILE *fp;

    if (argc != 5) {
        fprintf(stderr, "usage: test_render --bench NODES EDGES FILE\n");
        return 2;
    }
    n = strtoul(argv[2], &end, 10);
    m = strtoul(argv[3], &end, 10);
    ext = strrchr(argv[4], '.');
    o.format = ext ? ext + 1 : "svg";
    fx_synthetic(&g, n, m);
    gvc = gvContext();
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (dg_render(&b, gvc, &g, &o, &err) < 0) {
        fprintf(stderr, "test_render: %s\n", err.msg);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%lu nodes, %zu edges, %s: %.2f s\n", n, g.n_edges, o.format,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    fp = fopen(argv[4], "wb");
    if (!fp || fwrite(b.ptr, 1, b.len, fp) != b.len || fclose(fp) != 0) {
        fprintf(stderr, "test_render: cannot write %s\n", argv[4]);
        return 1;
    }
    dg_buf_destroy(&b);
    fx_graph_free(&g);
    gvFreeContext(gvc);
    return 0;
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg),
        cmocka_unit_test(test_png_pdf),
        cmocka_unit_test(test_top_and_focus),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_large),
    };
    int rc;

    if (argc > 1 && strcmp(argv[1], "--bench") == 0)
        return bench(argc, argv);
    if (argc > 2 && strcmp(argv[1], "--sample") == 0)
        sample_dir = argv[2];
    gvc = gvContext();
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    gvFreeContext(gvc);
    return rc;
}
