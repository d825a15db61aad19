/* Names for country nodes that the meetings give only as codes (a person's
 * country joins the full layer through a represents edge). */
#include "diplograph/gazetteer.h"
#include "diplograph/graph.h"
#include "common.h"

static int set(char **dst, const char *src)
{
    char *c;

    if (!src)
        return DG_OK;
    c = dg_strdup0(src);
    if (!c)
        return DG_ENOMEM;
    free(*dst);
    *dst = c;
    return DG_OK;
}

int dg_graph_name_countries(dg_graph *g, const dg_gazetteer *gaz, dg_error *err)
{
    size_t i;

    if (!gaz)
        return DG_OK;
    for (i = 0; i < g->n_nodes; i++) {
        dg_node *n = &g->nodes[i];
        const dg_country *c;
        if (n->type != DG_NODE_COUNTRY || (n->name && n->name_zh))
            continue;
        c = dg_gazetteer_country_by_code(gaz, n->country);
        if (!c)
            continue;
        if ((!n->name && set(&n->name, c->name_en) < 0) ||
            (!n->name_zh && set(&n->name_zh, c->name_zh) < 0) ||
            set(&n->label, n->name ? n->name : n->name_zh ? n->name_zh : n->id) < 0)
            return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    return DG_OK;
}
