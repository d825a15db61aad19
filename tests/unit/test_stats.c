/* Unit tests: stats.json, stats.md and the node CSV (dg_stats_write_*). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/stats.h"

static void ev(dg_meeting_list *l, dg_kind kind, const char *date, const char *place,
               const char *a, dg_role ra, const char *b, dg_role rb)
{
    dg_meeting m;
    dg_party p;
    dg_source src = { "t.txt", 0, 1, 0, 1, "en" };

    dg_meeting_init(&m);
    m.kind = kind;
    m.date = date ? strdup(date) : NULL;
    m.place_name = place ? strdup(place) : NULL;
    m.mentions = 1;
    src.doc = (long)l->len;
    assert_int_equal(dg_meeting_add_source(&m, &src), DG_OK);
    memset(&p, 0, sizeof(p));
    p.id = (char *)a;
    p.role = ra;
    assert_int_equal(dg_meeting_add_party(&m, &p), DG_OK);
    p.id = (char *)b;
    p.role = rb;
    assert_int_equal(dg_meeting_add_party(&m, &p), DG_OK);
    assert_int_equal(dg_meeting_compute_id(&m), DG_OK);
    assert_int_equal(dg_meeting_list_push(l, &m), DG_OK);
}

static void setup_graph(dg_graph *g, dg_meeting_list *l, dg_layer layer)
{
    dg_graph_opts go = DG_GRAPH_OPTS_INIT;
    dg_analyze_opts ao = DG_ANALYZE_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;

    ev(l, DG_KIND_MEET, "2021-06-07", "Chongqing", "person:CN:wang", DG_ROLE_HOST,
       "person:PH:locsin", DG_ROLE_GUEST);
    ev(l, DG_KIND_TALKS, "2021-06-08", "Chongqing", "person:CN:wang", DG_ROLE_HOST,
       "person:VN:son", DG_ROLE_GUEST);
    ev(l, DG_KIND_VISIT, "2021-09-10", "Hanoi", "person:CN:wang", DG_ROLE_GUEST,
       "person:VN:son", DG_ROLE_HOST);
    ev(l, DG_KIND_CALL, NULL, NULL, "person:PH:locsin", DG_ROLE_PARTICIPANT,
       "person:VN:son", DG_ROLE_PARTICIPANT);
    dg_meeting_list_sort(l);
    go.layer = layer;
    assert_int_equal(dg_graph_build(g, l, &go, &err), DG_OK);
    assert_int_equal(dg_graph_analyze(g, &ao, &err), DG_OK);
}

static void test_json(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    dg_buf a = DG_BUF_INIT, b = DG_BUF_INIT;
    dg_stats_opts opts = DG_STATS_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    cJSON *root, *x, *row;
    double sum = 0;

    (void)state;
    setup_graph(&g, &l, DG_LAYER_PEOPLE);
    assert_int_equal(dg_stats_write_json(&a, &g, &l, &opts, &err), DG_OK);
    assert_int_equal(dg_stats_write_json(&b, &g, &l, &opts, &err), DG_OK);
    assert_string_equal(a.ptr, b.ptr); /* deterministic */
    root = cJSON_Parse(a.ptr);
    assert_non_null(root);
    x = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "graph"), "nodes");
    assert_int_equal((int)x->valuedouble, 3);
    x = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "graph"), "edges");
    assert_int_equal((int)x->valuedouble, 3);
    x = cJSON_GetObjectItem(root, "top_nodes");
    assert_int_equal(cJSON_GetArraySize(x), 3);
    cJSON_ArrayForEach(row, cJSON_GetObjectItem(cJSON_GetObjectItem(root, "nodes"), "rows"))
        sum += cJSON_GetArrayItem(row, 11)->valuedouble; /* pagerank column */
    assert_true(fabs(sum - 1) < 1e-5);
    x = cJSON_GetObjectItem(root, "interactions");
    assert_int_equal((int)cJSON_GetObjectItem(x, "events")->valuedouble, 4);
    assert_int_equal((int)cJSON_GetObjectItem(x, "bilateral")->valuedouble, 4);
    assert_int_equal((int)cJSON_GetObjectItem(x, "undated")->valuedouble, 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(x, "per_month")), 2);
    row = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "per_place"), 0);
    assert_string_equal(cJSON_GetObjectItem(row, "place")->valuestring, "Chongqing");
    assert_int_equal((int)cJSON_GetObjectItem(row, "events")->valuedouble, 2);
    /* VN: 3 events (talks, visit, call), hosted one, partners CN and PH */
    row = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "countries"), 1); /* after CN (3) */
    assert_string_equal(cJSON_GetObjectItem(row, "country")->valuestring, "VN");
    assert_int_equal((int)cJSON_GetObjectItem(row, "meetings")->valuedouble, 3);
    assert_int_equal((int)cJSON_GetObjectItem(row, "hosted")->valuedouble, 1);
    assert_int_equal((int)cJSON_GetObjectItem(row, "visits_paid")->valuedouble, 1);
    assert_int_equal((int)cJSON_GetObjectItem(row, "partners")->valuedouble, 2);
    /* the top pair: wang and son met twice */
    row = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "top_pairs"), 0);
    assert_string_equal(cJSON_GetObjectItem(row, "a")->valuestring, "person:CN:wang");
    assert_string_equal(cJSON_GetObjectItem(row, "b")->valuestring, "person:VN:son");
    assert_int_equal((int)cJSON_GetObjectItem(row, "meetings")->valuedouble, 2);
    assert_string_equal(cJSON_GetObjectItem(row, "first")->valuestring, "2021-06-08");
    assert_string_equal(cJSON_GetObjectItem(row, "last")->valuestring, "2021-09-10");
    cJSON_Delete(root);
    /* --top 1 */
    dg_buf_reset(&a);
    opts.top = 1;
    assert_int_equal(dg_stats_write_json(&a, &g, &l, &opts, &err), DG_OK);
    root = cJSON_Parse(a.ptr);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "top_nodes")), 1);
    cJSON_Delete(root);
    dg_buf_destroy(&a);
    dg_buf_destroy(&b);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_md_and_csv(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    dg_buf b = DG_BUF_INIT;
    dg_stats_opts opts = DG_STATS_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    size_t lines = 0;
    const char *p;

    (void)state;
    setup_graph(&g, &l, DG_LAYER_VISITS);
    assert_int_equal(dg_stats_write_md(&b, &g, &l, &opts, &err), DG_OK);
    assert_non_null(strstr(b.ptr, "## Graph (visits layer)"));
    assert_non_null(strstr(b.ptr, "| reciprocity | 0.666667 |"));
    assert_non_null(strstr(b.ptr, "| Chongqing | 2 |"));
    dg_buf_reset(&b);
    assert_int_equal(dg_stats_write_csv(&b, &g, &err), DG_OK);
    for (p = b.ptr; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, g.n_nodes + 1);
    assert_true(strncmp(b.ptr, "id,label,type,country,meetings,degree,", 38) == 0);
    dg_buf_destroy(&b);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&l);
}

static void test_empty(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_graph g;
    dg_graph_opts go = DG_GRAPH_OPTS_INIT;
    dg_analyze_opts ao = DG_ANALYZE_OPTS_INIT;
    dg_buf b = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    cJSON *root;

    (void)state;
    assert_int_equal(dg_graph_build(&g, &l, &go, &err), DG_OK);
    assert_int_equal(dg_graph_analyze(&g, &ao, &err), DG_OK);
    assert_int_equal(dg_stats_write_json(&b, &g, &l, NULL, &err), DG_OK);
    root = cJSON_Parse(b.ptr);
    assert_non_null(root);
    cJSON_Delete(root);
    dg_buf_reset(&b);
    assert_int_equal(dg_stats_write_md(&b, &g, &l, NULL, &err), DG_OK);
    dg_buf_destroy(&b);
    dg_graph_destroy(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_md_and_csv),
        cmocka_unit_test(test_empty),
    };
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
