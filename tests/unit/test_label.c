/* Unit tests: naming code-only country nodes from the gazetteer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/gazetteer.h"
#include "diplograph/graph.h"

static void test_country_nodes_get_names(void **state)
{
    dg_gazetteer *gaz = dg_gazetteer_new();
    dg_error err = DG_ERROR_INIT;
    dg_graph g;
    dg_node nodes[2];

    (void)state;
    assert_int_equal(dg_gazetteer_load_file(gaz, DG_SOURCE_DIR "/tests/data/gazetteer/mini.json", &err), DG_OK);
    memset(nodes, 0, sizeof(nodes));
    nodes[0].id = strdup("country:PH");
    nodes[0].label = strdup("country:PH");
    nodes[0].type = DG_NODE_COUNTRY;
    memcpy(nodes[0].country, "PH", 3);
    nodes[1].id = strdup("country:ZZ"); /* unknown code: left alone */
    nodes[1].label = strdup("country:ZZ");
    nodes[1].type = DG_NODE_COUNTRY;
    memcpy(nodes[1].country, "ZZ", 3);
    memset(&g, 0, sizeof(g));
    g.nodes = nodes;
    g.n_nodes = 2;
    assert_int_equal(dg_graph_name_countries(&g, gaz, &err), DG_OK);
    assert_string_equal(nodes[0].label, "Philippines");
    assert_string_equal(nodes[0].name_zh, "菲律宾");
    assert_string_equal(nodes[1].label, "country:ZZ");
    assert_null(nodes[1].name);
    assert_int_equal(dg_graph_name_countries(&g, NULL, &err), DG_OK);
    free(nodes[0].id);
    free(nodes[0].label);
    free(nodes[0].name);
    free(nodes[0].name_zh);
    free(nodes[1].id);
    free(nodes[1].label);
    dg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_country_nodes_get_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
