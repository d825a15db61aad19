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
    /* a country node known only by its id is labelled with its code */
    free(g.nodes[1].label);
    g.nodes[1].label = fx_strdup("country:PH");
    free(g.nodes[1].name);
    g.nodes[1].name = NULL;
    o.focus = NULL;
    o.lang = "en";
    assert_int_equal(render(&b, &g, &o, &err), DG_OK);
    assert_non_null(strstr(b.ptr, ">PH</text>"));
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

/* Events as the resolver writes them, with hostile text. */
static const char EVENTS[] =
    "{\"v\":1,\"id\":\"m-0000000000000001\",\"kind\":\"talks\",\"date\":\"2021-06-07\","
    "\"place\":{\"name\":\"Chongqing\",\"name_zh\":\"重庆\",\"country\":\"CN\"},\"group\":null,"
    "\"parties\":[{\"id\":\"person:wang-yi\",\"type\":\"person\",\"name\":\"Wang Yi\","
    "\"name_zh\":\"王毅\",\"country\":\"CN\",\"title\":null,\"title_zh\":null,\"role\":\"host\"},"
    "{\"id\":\"person:PH:洛钦\",\"type\":\"person\",\"name\":null,\"name_zh\":\"洛钦\","
    "\"country\":\"PH\",\"title\":null,\"title_zh\":null,\"role\":\"guest\"}],"
    "\"sources\":[{\"file\":\"corpus <1>.txt\",\"doc\":13,\"line\":14,\"byte\":1234,"
    "\"length\":87,\"lang\":\"zh-Hans\"},{\"file\":\"news&more.jsonl\",\"doc\":2,\"line\":3,"
    "\"byte\":99,\"length\":120,\"lang\":\"en\"}],\"mentions\":2,"
    "\"evidence\":\"王毅在重庆会见菲律宾外长洛钦。<script>alert(1)</script> \\\"q\\\" & \\u0001\","
    "\"confidence\":0.95}\n"
    "{\"v\":1,\"id\":\"m-0000000000000002\",\"kind\":\"multilateral\",\"date\":\"2022-01\","
    "\"place\":null,\"group\":\"A&B\","
    "\"parties\":[{\"id\":\"person:wang-yi\",\"type\":\"person\",\"name\":\"Wang Yi\","
    "\"name_zh\":\"王毅\",\"country\":\"CN\",\"title\":null,\"title_zh\":null,\"role\":\"participant\"},"
    "{\"id\":\"org:A&B<C>\",\"type\":\"organisation\",\"name\":\"A&B <C>\",\"name_zh\":null,"
    "\"country\":null,\"title\":null,\"title_zh\":null,\"role\":\"participant\"},"
    "{\"id\":\"person:PH:洛钦\",\"type\":\"person\",\"name\":null,\"name_zh\":\"洛钦\","
    "\"country\":\"PH\",\"title\":null,\"title_zh\":null,\"role\":\"participant\"}],"
    "\"sources\":[{\"file\":\"c.txt\",\"doc\":0,\"line\":1,\"byte\":0,\"length\":10,"
    "\"lang\":\"en\"}],\"mentions\":1,\"evidence\":\"Ministers met.\",\"confidence\":0.9}\n"
    "{\"v\":1,\"id\":\"m-0000000000000003\",\"kind\":\"call\",\"date\":null,"
    "\"place\":null,\"group\":null,"
    "\"parties\":[{\"id\":\"person:wang-yi\",\"type\":\"person\",\"name\":\"Wang Yi\","
    "\"name_zh\":\"王毅\",\"country\":\"CN\",\"title\":null,\"title_zh\":null,\"role\":\"host\"},"
    "{\"id\":\"person:PH:洛钦\",\"type\":\"person\",\"name\":null,\"name_zh\":\"洛钦\","
    "\"country\":\"PH\",\"title\":null,\"title_zh\":null,\"role\":\"guest\"}],"
    "\"sources\":[{\"file\":\"c.txt\",\"doc\":1,\"line\":5,\"byte\":50,\"length\":10,"
    "\"lang\":\"en\"}],\"mentions\":1,\"evidence\":\"They spoke.\",\"confidence\":0.9}\n";

static void load_events(dg_meeting_list *ev)
{
    dg_error err = DG_ERROR_INIT;
    dg_diag diag = DG_DIAG_INIT;

    dg_meeting_list_init(ev);
    assert_int_equal(dg_meeting_read_buf(ev, EVENTS, strlen(EVENTS), "events",
                                         &diag, &err), DG_OK);
    assert_int_equal(diag.count, 0);
    assert_int_equal(ev->len, 3);
}

static void make_report(dg_buf *html, const dg_graph *g, const dg_meeting_list *ev)
{
    dg_render_opts o = DG_RENDER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_buf svg = DG_BUF_INIT;

    assert_int_equal(dg_render(&svg, gvc, g, &o, &err), DG_OK);
    assert_int_equal(dg_report_html(html, g, ev, svg.ptr, svg.len, &err), DG_OK);
    dg_buf_destroy(&svg);
}

static void test_report(void **state)
{
    dg_buf html = DG_BUF_INIT, again = DG_BUF_INIT;
    dg_meeting_list ev;
    dg_graph g;
    const char *svg;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    load_events(&ev);
    make_report(&html, &g, &ev);
    save("report.html", &html);
    assert_true(strncmp(html.ptr, "<!DOCTYPE html>\n", 16) == 0);
    svg = strstr(html.ptr, "<svg");
    assert_non_null(svg);
    assert_null(strstr(html.ptr, "<?xml")); /* the SVG's prolog is dropped */
    /* self-contained: nothing fetched */
    assert_null(strstr(html.ptr, "<script"));
    assert_null(strstr(html.ptr, "src=\""));
    assert_null(strstr(html.ptr, "<link"));
    assert_null(strstr(html.ptr, "@import"));
    /* escaped evidence, control character dropped */
    assert_non_null(strstr(html.ptr, "&lt;script&gt;alert(1)&lt;/script&gt; "
                                     "&quot;q&quot; &amp; \xEF\xBF\xBD</td>"));
    assert_null(strchr(html.ptr, '\x01'));
    assert_non_null(strstr(html.ptr, "corpus &lt;1&gt;.txt · doc 13 · line 14 · "
                                     "byte 1234+87 · zh-Hans<br>news&amp;more.jsonl"));
    /* sections */
    assert_non_null(strstr(html.ptr, "<h3>PageRank</h3>"));
    assert_non_null(strstr(html.ptr, "<h3>Betweenness</h3>"));
    assert_non_null(strstr(html.ptr, "<h3>Degree</h3>"));
    assert_non_null(strstr(html.ptr, "<td>PH Philippines</td><td class=\"n\">3</td>"));
    assert_non_null(strstr(html.ptr, "<td>CN China</td><td class=\"n\">3</td>"));
    assert_non_null(strstr(html.ptr, "<td>洛钦 – Wang Yi</td><td class=\"n\">3</td>"));
    assert_non_null(strstr(html.ptr, "<td>multilateral</td><td class=\"n\">1</td>"));
    assert_non_null(strstr(html.ptr, "<title>2021-06: 1</title>"));
    assert_non_null(strstr(html.ptr, "<title>2021-09: 0</title>"));
    assert_non_null(strstr(html.ptr, "<title>2022-01: 1</title>"));
    assert_non_null(strstr(html.ptr, "1 event without a month."));
    assert_non_null(strstr(html.ptr, "<h2>Events (3)</h2>"));
    assert_non_null(strstr(html.ptr, "multilateral (A&amp;B)"));
    assert_non_null(strstr(html.ptr, "Chongqing <span class=\"zh\">重庆</span>, CN"));
    make_report(&again, &g, &ev);
    assert_true(html.len == again.len && memcmp(html.ptr, again.ptr, html.len) == 0);
    dg_buf_destroy(&html);
    dg_buf_destroy(&again);
    dg_meeting_list_destroy(&ev);
    fx_graph_free(&g);
}

static void test_report_empty(void **state)
{
    dg_buf html = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_graph g;

    (void)state;
    memset(&g, 0, sizeof(g));
    assert_int_equal(dg_report_html(&html, &g, NULL, NULL, 0, &err), DG_OK);
    assert_non_null(strstr(html.ptr, "No diagram."));
    assert_non_null(strstr(html.ptr, "No dated events."));
    assert_non_null(strstr(html.ptr, "</html>\n"));
    dg_buf_destroy(&html);
    html.max = 200; /* out of room: DG_ENOMEM and nothing half-written */
    fx_small(&g, DG_LAYER_FULL);
    assert_int_equal(dg_report_html(&html, &g, NULL, NULL, 0, &err), DG_ENOMEM);
    assert_int_equal(html.len, 0);
    dg_buf_destroy(&html);
    fx_graph_free(&g);
}

/* The report in a real browser: no console errors (fails when Chromium
 * is missing: see tests/tools/report_chromium.sh). */
static void test_report_in_chromium(void **state)
{
    char dir[] = "/tmp/dg-report-XXXXXX", path[256], cmd[1024];
    dg_buf html = DG_BUF_INIT;
    dg_meeting_list ev;
    dg_graph g;
    FILE *fp;

    (void)state;
    assert_non_null(mkdtemp(dir));
    fx_small(&g, DG_LAYER_FULL);
    load_events(&ev);
    make_report(&html, &g, &ev);
    snprintf(path, sizeof(path), "%s/report.html", dir);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(html.ptr, 1, html.len, fp), html.len);
    assert_int_equal(fclose(fp), 0);
    snprintf(cmd, sizeof(cmd), "bash %s/tests/tools/report_chromium.sh %s %s%s",
             DG_SOURCE_DIR, path, sample_dir ? sample_dir : "",
             sample_dir ? "/report.png" : "");
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    dg_buf_destroy(&html);
    dg_meeting_list_destroy(&ev);
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
        cmocka_unit_test(test_report),
        cmocka_unit_test(test_report_empty),
        cmocka_unit_test(test_report_in_chromium),
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
