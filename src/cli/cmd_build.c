/* diplograph build: build the meeting graph and export it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/resolve_opts.h"

static const char usage_text[] =
    "usage: diplograph build MEETINGS... [--layer full|people|countries|visits]\n"
    "                        [--format graphml|gexf|json|csv|dot] [--from DATE] [--to DATE]\n"
    "                        [--per year|quarter|month] [--gazetteer FILE] [-o FILE] [-v]\n"
    "\n"
    "Reads meeting files (mentions or events, JSON Lines; '-' is stdin), merges\n"
    "the mentions into events, builds one layer of the graph, analyses it (the\n"
    "centralities become node attributes) and exports it.\n"
    "\n"
    "options:\n"
    "  -l, --layer L      full (default: persons, countries, meeting and\n"
    "                     represents edges), people, countries, visits (guest -> host)\n"
    "  -f, --format F     graphml (default), gexf, json, csv (nodes to FILE, edges to\n"
    "                     FILE with -edges before the extension), dot\n"
    "      --from DATE    first date (YYYY, YYYY-MM or YYYY-MM-DD) of the window\n"
    "      --to DATE      last date of the window\n"
    "      --per P        one graph per year, quarter or month: FILE with the period\n"
    "                     before the extension (graph-2021.graphml); needs -o\n"
    DG_RESOLVE_HELP
    "  -o, --output FILE  write to FILE instead of stdout\n"
    "  -v, --verbose      report counts and the betweenness cutoff on stderr\n"
    "      --strict       exit 1, writing nothing, when a meeting file gave a warning\n"
    "      --quiet        no warnings on stderr\n"
    "  -h, --help         this text\n";

enum { OPT_FROM = 256, OPT_TO, OPT_PER, OPT_STRICT, OPT_QUIET };
enum { PER_NONE = 0, PER_YEAR, PER_QUARTER, PER_MONTH };

static const struct {
    const char *name;
    dg_format fmt;
} formats[] = {
    { "graphml", DG_FORMAT_GRAPHML }, { "gexf", DG_FORMAT_GEXF },
    { "json", DG_FORMAT_JSON },       { "csv", DG_FORMAT_CSV_NODES },
    { "dot", DG_FORMAT_DOT },         { NULL, DG_FORMAT_GRAPHML }
};

/* path with insert placed before the extension: graph.graphml + "-2021"
 * -> graph-2021.graphml. Caller frees. */
static char *with_suffix(const char *path, const char *insert)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    dg_buf b = DG_BUF_INIT;

    if (!dot || (slash && dot < slash) || dot == path || (slash && dot == slash + 1))
        dot = path + strlen(path);
    if (dg_buf_add(&b, path, (size_t)(dot - path)) < 0 || dg_buf_adds(&b, insert) < 0 ||
        dg_buf_adds(&b, dot) < 0) {
        dg_buf_destroy(&b);
        return NULL;
    }
    return dg_buf_detach(&b);
}

/* Period key of a date ("2021", "2021-Q2", "2021-06"), or "" when the date
 * is not precise enough. */
static void period_key(char out[16], const char *date, int per)
{
    size_t n = date ? strlen(date) : 0;

    out[0] = '\0';
    if (per == PER_YEAR && n >= 4)
        snprintf(out, 16, "%.4s", date);
    else if (per == PER_MONTH && n >= 7)
        snprintf(out, 16, "%.7s", date);
    else if (per == PER_QUARTER && n >= 7 && date[5] >= '0' && date[5] <= '1' &&
             date[6] >= '0' && date[6] <= '9') {
        int month = (date[5] - '0') * 10 + (date[6] - '0');
        if (month >= 1 && month <= 12)
            snprintf(out, 16, "%.4s-Q%d", date, (month - 1) / 3 + 1);
    }
}

/* The window [from, to] of a period key. */
static void period_window(char from[16], char to[16], const char *key, int per)
{
    if (per == PER_QUARTER) {
        int q = key[6] - '0';
        snprintf(from, 16, "%.4s-%02d", key, (q - 1) * 3 + 1);
        snprintf(to, 16, "%.4s-%02d", key, q * 3);
    } else {
        snprintf(from, 16, "%s", key);
        snprintf(to, 16, "%s", key);
    }
}

/* Builds, analyses and exports one graph to path; 0 ok, 1 error. */
static int build_one(const dg_meeting_list *events, const dg_graph_opts *gopts,
                     const dg_gazetteer *gaz, dg_format fmt, const char *path, int verbose)
{
    dg_analyze_opts aopts = DG_ANALYZE_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_graph g;
    dg_buf out = DG_BUF_INIT;
    int rc = 1;

    if (dg_graph_build(&g, events, gopts, &err) < 0 || dg_graph_analyze(&g, &aopts, &err) < 0) {
        dg_cli_error("build", "%s", err.msg);
        goto out;
    }
    if (dg_graph_name_countries(&g, gaz, &err) < 0) {
        dg_cli_error("build", "%s", err.msg);
        goto out;
    }
    if (verbose) {
        fprintf(stderr, "diplograph build: %s: %s layer, %zu nodes, %zu edges", path,
                dg_layer_name(g.layer), g.n_nodes, g.n_edges);
        if (!g.stats.betweenness_exact)
            fprintf(stderr, ", betweenness with path cutoff %g", g.stats.betweenness_cutoff);
        fputc('\n', stderr);
    }
    if (dg_export(&out, &g, fmt, &err) < 0) {
        dg_cli_error("build", "%s", err.msg);
        goto out;
    }
    if (fmt == DG_FORMAT_CSV_NODES) {
        /* the edge table goes beside the node table (or after it on stdout) */
        dg_buf edges = DG_BUF_INIT;
        char *epath = NULL;
        int erc;

        if (strcmp(path, "-") == 0)
            erc = dg_buf_addc(&out, '\n');
        else
            erc = dg_export(&edges, &g, DG_FORMAT_CSV_EDGES, &err);
        if (erc == 0 && strcmp(path, "-") == 0)
            erc = dg_export(&out, &g, DG_FORMAT_CSV_EDGES, &err);
        if (erc < 0) {
            dg_cli_error("build", "%s", err.msg);
            dg_buf_destroy(&edges);
            goto out;
        }
        if (strcmp(path, "-") != 0) {
            epath = with_suffix(path, "-edges");
            if (!epath || dg_cli_write("build", epath, &edges)) {
                if (!epath)
                    dg_cli_error("build", "out of memory");
                free(epath);
                dg_buf_destroy(&edges);
                goto out;
            }
            free(epath);
        }
        dg_buf_destroy(&edges);
    }
    rc = dg_cli_write("build", path, &out);
out:
    dg_buf_destroy(&out);
    dg_graph_destroy(&g);
    return rc;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "layer", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "from", required_argument, NULL, OPT_FROM },
        { "to", required_argument, NULL, OPT_TO },
        { "per", required_argument, NULL, OPT_PER },
        { "output", required_argument, NULL, 'o' },
        { "verbose", no_argument, NULL, 'v' },
        { "strict", no_argument, NULL, OPT_STRICT },
        { "quiet", no_argument, NULL, OPT_QUIET },
        { "help", no_argument, NULL, 'h' },
        DG_ALIASES_LONGOPT,
        DG_RESOLVE_GAZETTEER_LONGOPT,
        { NULL, 0, NULL, 0 }
    };
    const char *output = "-";
    dg_format fmt = DG_FORMAT_GRAPHML;
    dg_graph_opts gopts = DG_GRAPH_OPTS_INIT;
    dg_resolve_opts ropts = DG_RESOLVE_OPTS_INIT;
    dg_meeting_list mentions = DG_MEETING_LIST_INIT, events = DG_MEETING_LIST_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_diag diag;
    char (*keys)[16] = NULL;
    size_t n_keys = 0, i;
    int c, r, verbose = 0, per = PER_NONE, rc = 1, strict = 0, quiet = 0;
    dg_cli_resolve_opts res;

    dg_cli_resolve_opts_init(&res);
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:f:o:vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'l':
            if (dg_layer_parse(&gopts.layer, optarg) < 0) {
                dg_cli_error("build", "--layer: expected full, people, countries or visits, not '%s'", optarg);
                return 2;
            }
            break;
        case 'f':
            for (i = 0; formats[i].name && strcmp(formats[i].name, optarg) != 0; i++)
                ;
            if (!formats[i].name) {
                dg_cli_error("build", "--format: expected graphml, gexf, json, csv or dot, not '%s'", optarg);
                return 2;
            }
            fmt = formats[i].fmt;
            break;
        case OPT_FROM:
            gopts.from = optarg;
            break;
        case OPT_TO:
            gopts.to = optarg;
            break;
        case OPT_PER:
            if (strcmp(optarg, "year") == 0)
                per = PER_YEAR;
            else if (strcmp(optarg, "quarter") == 0)
                per = PER_QUARTER;
            else if (strcmp(optarg, "month") == 0)
                per = PER_MONTH;
            else {
                dg_cli_error("build", "--per: expected year, quarter or month, not '%s'", optarg);
                return 2;
            }
            break;
        case 'o':
            output = optarg;
            break;
        case 'v':
            verbose = 1;
            break;
        case OPT_STRICT:
            strict = 1;
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
        default:
            if ((r = dg_cli_resolve_opt(&res, "build", c, optarg)) == 0)
                break;
            if (r == 1)
                fputs(usage_text, stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        dg_cli_error("build", "no meeting files given");
        fputs(usage_text, stderr);
        return 2;
    }
    if (per != PER_NONE && strcmp(output, "-") == 0) {
        dg_cli_error("build", "--per writes one file per period: give -o FILE");
        return 2;
    }
    dg_cli_diag_init(&diag, "build");
    if (dg_cli_resolve_opts_load(&res, "build", 1, &ropts))
        goto out;
    if (quiet)
        diag.fn = NULL;
    if (dg_cli_read_meetings("build", &mentions, argv + optind, argc - optind, &diag) ||
        dg_cli_strict_fails("build", &diag, strict))
        goto out;
    if (dg_resolve_events_take(&events, &mentions, &ropts, &err) < 0) {
        dg_cli_error("build", "%s", err.msg);
        goto out;
    }
    if (per == PER_NONE) {
        rc = build_one(&events, &gopts, res.gaz, fmt, output, verbose);
        goto out;
    }
    /* the periods that hold dated events inside the window */
    keys = malloc((events.len ? events.len : 1) * sizeof(*keys));
    if (!keys) {
        dg_cli_error("build", "out of memory");
        goto out;
    }
    for (i = 0; i < events.len; i++) {
        const char *d = events.items[i].date;
        if (!d || !dg_graph_date_in(d, gopts.from, gopts.to))
            continue;
        period_key(keys[n_keys], d, per);
        if (keys[n_keys][0])
            n_keys++;
    }
    if (n_keys > 1)
        qsort(keys, n_keys, sizeof(*keys), cmp_cstr);
    rc = 0;
    for (i = 0; i < n_keys && rc == 0; i++) {
        dg_meeting_list sub = DG_MEETING_LIST_INIT;
        dg_graph_opts po = gopts;
        char from[16], to[16], insert[24];
        char *path;
        size_t j;

        if (i > 0 && strcmp(keys[i], keys[i - 1]) == 0)
            continue;
        period_window(from, to, keys[i], per);
        po.from = from;
        po.to = to;
        /* the global window still applies: keep only its events (shallow
         * copies, owned by events) */
        sub.items = malloc((events.len ? events.len : 1) * sizeof(dg_meeting));
        if (!sub.items) {
            dg_cli_error("build", "out of memory");
            rc = 1;
            break;
        }
        for (j = 0; j < events.len; j++)
            if (dg_graph_date_in(events.items[j].date, gopts.from, gopts.to))
                sub.items[sub.len++] = events.items[j];
        snprintf(insert, sizeof(insert), "-%s", keys[i]);
        path = with_suffix(output, insert);
        if (!path) {
            dg_cli_error("build", "out of memory");
            rc = 1;
        } else {
            rc = build_one(&sub, &po, res.gaz, fmt, path, verbose);
        }
        free(path);
        free(sub.items);
    }
out:
    free(keys);
    dg_meeting_list_destroy(&mentions);
    dg_meeting_list_destroy(&events);
    dg_cli_resolve_opts_destroy(&res);
    return rc;
}
