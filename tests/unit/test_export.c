/* Unit tests: the exporters (GraphML, GEXF, node-link JSON, CSV, DOT) on
 * hand-built graphs, plus clients reading the files back: xmllint for
 * well-formedness, networkx and python-igraph (tests/tools/
 * export_roundtrip.py) for attributes and types, dot for DOT. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diplograph/export.h"
#include "export/export_int.h"
#include "graph_fixture.h"

typedef int (*export_fn)(dg_buf *, const dg_graph *, dg_error *);

static char *export_str(export_fn fn, const dg_graph *g)
{
    dg_buf b = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    int rc = fn(&b, g, &err);

    if (rc != DG_OK)
        fail_msg("export failed: %s", err.msg);
    return dg_buf_detach(&b);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *fp;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
}

static int run(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    int st;

    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    st = system(cmd);
    if (st != 0)
        print_error("command failed (%d): %s\n", st, cmd);
    return st;
}

/* Every writer, run twice: the same bytes. */
static void test_deterministic(void **state)
{
    export_fn fns[] = { dg_export_graphml, dg_export_gexf, dg_export_json,
                        dg_export_csv_nodes, dg_export_csv_edges, dg_export_dot };
    dg_graph g;
    size_t i;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
        char *a = export_str(fns[i], &g), *b = export_str(fns[i], &g);
        assert_string_equal(a, b);
        assert_true(strlen(a) > 100);
        free(a);
        free(b);
    }
    fx_graph_free(&g);
}

static void test_graphml(void **state)
{
    dg_graph g;
    char *s;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    s = export_str(dg_export_graphml, &g);
    assert_non_null(strstr(s, "<key id=\"v_pagerank\" for=\"node\" "
                              "attr.name=\"pagerank\" attr.type=\"double\"/>"));
    assert_non_null(strstr(s, "<key id=\"v_degree\" for=\"node\" "
                              "attr.name=\"degree\" attr.type=\"long\"/>"));
    assert_non_null(strstr(s, "<key id=\"e_type\" for=\"edge\""));
    assert_non_null(strstr(s, "<key id=\"v_type\" for=\"node\""));
    assert_non_null(strstr(s, "<key id=\"e_count_video_call\""));
    assert_null(strstr(s, "attr.name=\"id\""));
    assert_non_null(strstr(s, "edgedefault=\"undirected\""));
    assert_non_null(strstr(s, "<node id=\"org:A&amp;B&lt;C&gt;\">"));
    assert_non_null(strstr(s, "A&amp;B &lt;C&gt; &quot;Group&quot;"));
    assert_non_null(strstr(s, "<data key=\"v_name_zh\">王毅</data>"));
    assert_non_null(strstr(s, "<data key=\"v_pagerank\">0.161728395</data>"));
    assert_non_null(strstr(s, "<data key=\"e_weight\">0.333333333</data>"));
    assert_non_null(strstr(s, "<data key=\"v_closeness\">NaN</data>"));
    /* control characters replaced by U+FFFD; the tab kept */
    assert_null(strchr(s, '\x01'));
    assert_null(strchr(s, '\x1f'));
    assert_non_null(strstr(s, "Back\\slash \xEF\xBF\xBD" "Ctl\xEF\xBF\xBD"));
    assert_non_null(strstr(s, "Envoy\tof &lt;x&gt; &amp; 'y'"));
    /* absent values are left out: no empty name for 洛钦 */
    assert_null(strstr(s, "<data key=\"v_name\"></data>"));
    free(s);
    fx_graph_free(&g);

    fx_small(&g, DG_LAYER_VISITS);
    s = export_str(dg_export_graphml, &g);
    assert_non_null(strstr(s, "edgedefault=\"directed\""));
    assert_non_null(strstr(s, "<data key=\"g_layer\">visits</data>"));
    free(s);
    fx_graph_free(&g);
}

static void test_gexf(void **state)
{
    dg_graph g;
    char *s;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    s = export_str(dg_export_gexf, &g);
    assert_non_null(strstr(s, "<gexf xmlns=\"http://gexf.net/1.3\" "
                              "xmlns:viz=\"http://gexf.net/1.3/viz\""));
    assert_non_null(strstr(s, "version=\"1.3\""));
    assert_non_null(strstr(s, "mode=\"dynamic\""));
    assert_non_null(strstr(s, "timeformat=\"date\""));
    assert_non_null(strstr(s, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>"));
    /* edge 3-5: one spell per distinct date, a month as its days */
    assert_non_null(strstr(s, "<spell start=\"2021-06-07\" end=\"2021-06-07\"/>\n"
                              "          <spell start=\"2021-07-01\" end=\"2021-07-31\"/>"));
    /* node 王毅: first to last date */
    assert_non_null(strstr(s, "<spell start=\"2021-06-07\" end=\"2022-01-15\"/>"));
    assert_non_null(strstr(s, "<viz:color r=\"44\" g=\"160\" b=\"44\""));
    assert_non_null(strstr(s, "<viz:size value=\"40\"/>")); /* max PageRank */
    assert_non_null(strstr(s, "<viz:position x=\""));
    assert_non_null(strstr(s, "kind=\"represents\""));
    assert_null(strchr(s, '\x01'));
    free(s);
    fx_graph_free(&g);
}

static void test_json(void **state)
{
    dg_graph g;
    char *s;
    cJSON *root, *nodes, *links, *n0, *l3;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    s = export_str(dg_export_json, &g);
    root = cJSON_Parse(s);
    assert_non_null(root);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "directed")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "multigraph")));
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "graph"),
                                            "layer")->valuestring, "full");
    nodes = cJSON_GetObjectItem(root, "nodes");
    links = cJSON_GetObjectItem(root, "links");
    assert_int_equal(cJSON_GetArraySize(nodes), 6);
    assert_int_equal(cJSON_GetArraySize(links), 5);
    n0 = cJSON_GetArrayItem(nodes, 0);
    assert_string_equal(cJSON_GetObjectItem(n0, "id")->valuestring, "country:CN");
    assert_string_equal(cJSON_GetObjectItem(n0, "name_zh")->valuestring, "中国");
    assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(nodes, 3), "name"));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(nodes, 4),
                                                 "closeness")));
    l3 = cJSON_GetArrayItem(links, 3);
    assert_string_equal(cJSON_GetObjectItem(l3, "source")->valuestring, "person:PH:洛钦");
    assert_string_equal(cJSON_GetObjectItem(l3, "target")->valuestring, "person:wang-yi");
    assert_int_equal(cJSON_GetObjectItem(l3, "count_talks")->valueint, 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(l3, "dates")), 2);
    assert_non_null(strstr(s, "0.333333333,"));
    cJSON_Delete(root);
    free(s);
    fx_graph_free(&g);
}

static void test_csv(void **state)
{
    const char *hdr;
    dg_graph g;
    char *s;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    s = export_str(dg_export_csv_nodes, &g);
    hdr = "Id,Label,Type,name,name_zh,country,title,title_zh,"
                           "first_date,last_date,meetings,degree,strength,"
                           "betweenness,closeness,harmonic,eigenvector,pagerank,"
                           "hub,authority,community,leiden,component,"
                           "Time Interval\r\n";
    assert_true(strncmp(s, hdr, strlen(hdr)) == 0);
    assert_non_null(strstr(s, "\r\norg:A&B<C>,\"A&B <C> \"\"Group\"\"\","
                              "organisation,\"A&B <C> \"\"Group\"\"\",,,"));
    assert_non_null(strstr(s, ",\"<[2021-06-07, 2021-07-31]>\"\r\n"));
    free(s);
    s = export_str(dg_export_csv_edges, &g);
    assert_non_null(strstr(s, "Source,Target,Type,Weight,Kind,meetings,sources,"
                              "count_meet,"));
    assert_non_null(strstr(s, "\r\nperson:PH:洛钦,person:wang-yi,Undirected,2,meeting,2,3,1,1,"));
    assert_non_null(strstr(s, ",\"<[2021-06-07, 2021-06-07]; [2021-07-01, 2021-07-31]>\"\r\n"));
    free(s);
    fx_graph_free(&g);
    fx_small(&g, DG_LAYER_VISITS);
    s = export_str(dg_export_csv_edges, &g);
    assert_non_null(strstr(s, ",Directed,"));
    free(s);
    fx_graph_free(&g);
}

static void test_dot(void **state)
{
    dg_graph g;
    char *s;

    (void)state;
    fx_small(&g, DG_LAYER_FULL);
    s = export_str(dg_export_dot, &g);
    assert_non_null(strstr(s, "graph diplograph {"));
    assert_non_null(strstr(s, "\"person:wang-yi\""));
    assert_non_null(strstr(s, "name_zh=王毅"));
    /* the label's backslash doubled, the node name's kept */
    assert_non_null(strstr(s, "label=\"Back\\\\slash"));
    assert_non_null(strstr(s, "\"person:back\\slash\""));
    assert_non_null(strstr(s, "\"org:A&B<C>\" -- \"person:wang-yi\""));
    assert_null(strchr(s, '\x01'));
    free(s);
    fx_graph_free(&g);
    fx_small(&g, DG_LAYER_VISITS);
    s = export_str(dg_export_dot, &g);
    assert_non_null(strstr(s, "digraph diplograph {"));
    assert_non_null(strstr(s, "\"person:PH:洛钦\" -> \"person:wang-yi\""));
    free(s);
    fx_graph_free(&g);
}

static void test_errors(void **state)
{
    dg_graph g;
    dg_buf b = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_format f;
    char s[11], e[11];

    (void)state;
    assert_int_equal(dg_format_parse(&f, "gexf"), DG_OK);
    assert_int_equal(f, DG_FORMAT_GEXF);
    assert_int_equal(dg_format_parse(&f, "xml"), DG_EINVAL);
    fx_small(&g, DG_LAYER_FULL);
    g.edges[2].to = 99;
    assert_int_equal(dg_export_graphml(&b, &g, &err), DG_EINVAL);
    assert_string_equal(err.msg, "graphml: edge 2 names a node out of range");
    assert_int_equal(dg_export(&b, &g, DG_FORMAT_DOT, &err), DG_EINVAL);
    assert_int_equal(b.len, 0);
    g.edges[2].to = 5;
    assert_int_equal(dg_export(&b, &g, DG_FORMAT_CSV_EDGES, &err), DG_OK);
    fx_graph_free(&g);
    dg_buf_destroy(&b);
    /* a capped buffer: DG_ENOMEM, not a crash */
    fx_small(&g, DG_LAYER_FULL);
    assert_int_equal(dg_buf_adds(&b, "kept"), DG_OK);
    b.max = 100;
    assert_int_equal(dg_export_graphml(&b, &g, &err), DG_ENOMEM);
    assert_string_equal(b.ptr, "kept"); /* nothing half-written */
    assert_int_equal(dg_export_gexf(&b, &g, &err), DG_ENOMEM);
    assert_string_equal(b.ptr, "kept");
    assert_int_equal(dg_export_json(&b, &g, &err), DG_ENOMEM);
    assert_string_equal(b.ptr, "kept");
    assert_int_equal(dg_export_csv_nodes(&b, &g, &err), DG_ENOMEM);
    assert_string_equal(b.ptr, "kept");
    assert_int_equal(dg_export_csv_edges(&b, &g, &err), DG_ENOMEM);
    assert_string_equal(b.ptr, "kept");
    assert_int_equal(dg_export_dot(&b, &g, &err), DG_ENOMEM);
    assert_string_equal(b.ptr, "kept");
    dg_buf_destroy(&b);
    fx_graph_free(&g);

    assert_int_equal(dg_date_span(s, e, "2024-02"), 0);
    assert_string_equal(s, "2024-02-01");
    assert_string_equal(e, "2024-02-29");
    assert_int_equal(dg_date_span(s, e, "2021"), 0);
    assert_string_equal(e, "2021-12-31");
    assert_int_equal(dg_date_span(s, e, "2021-02-30"), -1);
    assert_int_equal(dg_date_span(s, e, "2021-13"), -1);
    assert_int_equal(dg_date_span(s, e, NULL), -1);
}

static void test_empty_graph(void **state)
{
    dg_graph g;
    char *s;

    (void)state;
    memset(&g, 0, sizeof(g));
    s = export_str(dg_export_graphml, &g);
    assert_non_null(strstr(s, "<graph id=\"G\" edgedefault=\"undirected\">"));
    free(s);
    s = export_str(dg_export_gexf, &g);
    free(s);
    s = export_str(dg_export_json, &g);
    assert_non_null(strstr(s, "\"nodes\":\t[]"));
    free(s);
    s = export_str(dg_export_dot, &g);
    free(s);
}

/* The files as clients see them: xmllint, dot, networkx, python-igraph. */
static void test_clients_read_back(void **state)
{
    export_fn fns[] = { dg_export_graphml, dg_export_gexf, dg_export_json,
                        dg_export_csv_nodes, dg_export_csv_edges, dg_export_dot };
    const char *names[] = { "graph.graphml", "graph.gexf", "graph.json",
                            "nodes.csv", "edges.csv", "graph.dot" };
    char dir[] = "/tmp/dg-export-XXXXXX";
    dg_graph g;
    size_t i;

    (void)state;
    assert_non_null(mkdtemp(dir));
    fx_small(&g, DG_LAYER_FULL);
    for (i = 0; i < 6; i++) {
        char *s = export_str(fns[i], &g);
        write_file(dir, names[i], s);
        free(s);
    }
    fx_graph_free(&g);
    assert_int_equal(run("xmllint --noout %s/graph.graphml %s/graph.gexf", dir, dir), 0);
    assert_int_equal(run("dot -Tsvg %s/graph.dot -o %s/graph.svg", dir, dir), 0);
    assert_int_equal(run("xmllint --noout %s/graph.svg", dir), 0);
    assert_int_equal(run("grep -q 'Back\\\\slash' %s/graph.svg", dir), 0);
    assert_int_equal(run("/usr/bin/python3 %s/tests/tools/export_roundtrip.py %s",
                         DG_SOURCE_DIR, dir), 0);
    assert_int_equal(run("rm -rf %s", dir), 0);
}

/* test_export --write DIR: the fixture's files, for the golden e2e case
 * tests/e2e/export-fixture (byte-for-byte output checks). */
static int write_all(const char *dir)
{
    export_fn fns[] = { dg_export_graphml, dg_export_gexf, dg_export_json,
                        dg_export_csv_nodes, dg_export_csv_edges, dg_export_dot };
    const char *names[] = { "graph.graphml", "graph.gexf", "graph.json",
                            "nodes.csv", "edges.csv", "graph.dot" };
    dg_graph g;
    size_t i;

    for (i = 0; i < 2; i++) {
        dg_layer layer = i ? DG_LAYER_VISITS : DG_LAYER_FULL;
        size_t k;
        fx_small(&g, layer);
        for (k = 0; k < 6; k++) {
            dg_buf b = DG_BUF_INIT;
            dg_error err = DG_ERROR_INIT;
            char path[1024];
            FILE *fp;
            snprintf(path, sizeof(path), "%s/%s%s", dir, i ? "visits-" : "",
                     names[k]);
            if (fns[k](&b, &g, &err) < 0 || !(fp = fopen(path, "wb"))) {
                fprintf(stderr, "test_export: %s: %s\n", path, err.msg);
                return 1;
            }
            if (fwrite(b.ptr, 1, b.len, fp) != b.len || fclose(fp) != 0)
                return 1;
            dg_buf_destroy(&b);
        }
        fx_graph_free(&g);
    }
    return 0;
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_graphml),
        cmocka_unit_test(test_gexf),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_dot),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_empty_graph),
        cmocka_unit_test(test_clients_read_back),
    };
    if (argc == 3 && strcmp(argv[1], "--write") == 0)
        return write_all(argv[2]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
