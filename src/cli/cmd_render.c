/* diplograph render: meetings -> events -> graph -> a Graphviz drawing
 * (svg, png or pdf), and optionally the HTML report beside it. */
#include <errno.h>
#include <getopt.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/resolve_opts.h"

static const char CMD[] = "render";

#define DEPTH_MAX 1000000 /* fits an int; far beyond any graph's diameter */

static void usage(FILE *fp)
{
    fprintf(fp,
        "usage: diplograph render MEETINGS... [-o FILE] [options]\n\n"
        "Draws the meeting graph of the meetings files (JSON Lines) with Graphviz.\n\n"
        "  -o, --output FILE    graph.svg, graph.png or graph.pdf ('-' stdout, the default)\n"
        "  -f, --format F       svg, png or pdf (default: from -o's extension, else svg)\n"
        "      --engine E       sfdp, neato, fdp, dot, circo, twopi, osage\n"
        "                       (default: neato up to 150 nodes, sfdp above)\n"
        "      --top N          only the N most central nodes (by --size-by) and their edges\n"
        "      --focus NAME     only NAME's ego network: a node id, English or Chinese name\n"
        "      --depth K        ego network radius in hops (default 1)\n"
        "      --size-by M      pagerank (default), degree, strength, betweenness,\n"
        "                       closeness, harmonic, eigenvector, hub, authority, meetings\n"
        "      --color-by C     community (default), region, type\n"
        "      --lang L         labels in en, zh or both (default both)\n"
        "      --layer L        full (default), people, countries, visits\n"
        "      --from DATE      only meetings on or after DATE (YYYY-MM-DD)\n"
        "      --to DATE        only meetings on or before DATE\n"
        "      --report FILE    also write the self-contained HTML report\n"
        "      --aliases FILE   more names for people and merges of ids (JSON,\n"
        "                       docs/resolution.md; repeatable)\n"
        "      --gazetteer FILE add or override gazetteer entries (repeatable)\n"
        "      --strict         exit 1, writing nothing, when a meeting file gave a warning\n"
        "      --quiet          no warnings on stderr\n"
        "  -h, --help           this help\n\n"
        "exit status: 0 ok, 1 runtime or data error, 2 usage error\n");
}

typedef struct {
    const char *output;
    const char *format;
    const char *report;
    dg_render_opts render;
    dg_graph_opts graph;
    dg_cli_resolve_opts resolve;
    int strict, quiet;
} options;

static const char *format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');

    if (!dot || strchr(dot, '/'))
        return NULL;
    if (strcmp(dot, ".svg") == 0)
        return "svg";
    if (strcmp(dot, ".png") == 0)
        return "png";
    if (strcmp(dot, ".pdf") == 0)
        return "pdf";
    return NULL;
}

static int parse_long(long *out, const char *s, const char *opt)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0) {
        dg_cli_error(CMD, "%s: expected a number of 0 or more, not '%s'", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

/* 0 ok, 2 usage error (printed), -1 --help */
static int parse_args(options *o, int argc, char **argv)
{
    enum { O_ENGINE = 256, O_TOP, O_FOCUS, O_DEPTH, O_SIZE_BY, O_COLOR_BY,
           O_LANG, O_LAYER, O_FROM, O_TO, O_REPORT, O_STRICT, O_QUIET };
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "engine", required_argument, NULL, O_ENGINE },
        { "top", required_argument, NULL, O_TOP },
        { "focus", required_argument, NULL, O_FOCUS },
        { "depth", required_argument, NULL, O_DEPTH },
        { "size-by", required_argument, NULL, O_SIZE_BY },
        { "color-by", required_argument, NULL, O_COLOR_BY },
        { "lang", required_argument, NULL, O_LANG },
        { "layer", required_argument, NULL, O_LAYER },
        { "from", required_argument, NULL, O_FROM },
        { "to", required_argument, NULL, O_TO },
        { "report", required_argument, NULL, O_REPORT },
        { "strict", no_argument, NULL, O_STRICT },
        { "quiet", no_argument, NULL, O_QUIET },
        { "help", no_argument, NULL, 'h' },
        DG_ALIASES_LONGOPT,
        DG_RESOLVE_GAZETTEER_LONGOPT,
        { NULL, 0, NULL, 0 }
    };
    dg_error err = DG_ERROR_INIT;
    long v;
    int c, r;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'f': o->format = optarg; break;
        case O_ENGINE: o->render.engine = optarg; break;
        case O_TOP:
            if (parse_long(&v, optarg, "--top") < 0)
                return 2;
            o->render.top = v;
            break;
        case O_FOCUS: o->render.focus = optarg; break;
        case O_DEPTH:
            if (parse_long(&v, optarg, "--depth") < 0)
                return 2;
            if (v > DEPTH_MAX) {
                dg_cli_error(CMD, "--depth: %ld is more than %d", v, DEPTH_MAX);
                return 2;
            }
            o->render.depth = (int)v;
            break;
        case O_SIZE_BY: o->render.size_by = optarg; break;
        case O_COLOR_BY: o->render.color_by = optarg; break;
        case O_LANG: o->render.lang = optarg; break;
        case O_LAYER:
            if (dg_layer_parse(&o->graph.layer, optarg) < 0) {
                dg_cli_error(CMD, "--layer: unknown layer '%s' "
                             "(full, people, countries, visits)", optarg);
                return 2;
            }
            break;
        case O_FROM: o->graph.from = optarg; break;
        case O_TO: o->graph.to = optarg; break;
        case O_REPORT: o->report = optarg; break;
        case O_STRICT: o->strict = 1; break;
        case O_QUIET: o->quiet = 1; break;
        case 'h': return -1;
        default:
            if ((r = dg_cli_resolve_opt(&o->resolve, CMD, c, optarg)) == 0)
                break;
            if (r == 1)
                fprintf(stderr, "Try 'diplograph render --help'.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        dg_cli_error(CMD, "no meetings file given");
        usage(stderr);
        return 2;
    }
    if (!o->format)
        o->format = format_from_path(o->output);
    if (!o->format) {
        if (strcmp(o->output, "-") != 0) {
            dg_cli_error(CMD, "cannot tell the format from '%s': name it .svg, "
                         ".png or .pdf, or give --format", o->output);
            return 2;
        }
        o->format = "svg";
    }
    o->render.format = o->format;
    if (dg_render_check_opts(&o->render, &err) < 0) {
        dg_cli_error(CMD, "%s", err.msg);
        return 2;
    }
    return 0;
}

/* Everything after parsing: 0 ok, 1 failed (printed), 2 bad option value. */
static int run(options *o, char **paths, int n_paths)
{
    dg_meeting_list mentions = DG_MEETING_LIST_INIT, events = DG_MEETING_LIST_INIT;
    dg_resolve_opts ropts = DG_RESOLVE_OPTS_INIT;
    dg_analyze_opts aopts = DG_ANALYZE_OPTS_INIT;
    dg_render_opts svg_opts = o->render;
    dg_error err = DG_ERROR_INIT;
    dg_buf out = DG_BUF_INIT, svg = DG_BUF_INIT, html = DG_BUF_INIT;
    dg_diag diag;
    dg_graph g;
    GVC_t *gvc = NULL;
    int status = 1, rc;

    dg_graph_init(&g);
    dg_cli_diag_init(&diag, CMD);
    if (dg_cli_resolve_opts_load(&o->resolve, CMD, 1, &ropts))
        goto out;
    if (o->quiet)
        diag.fn = NULL;
    if (dg_cli_read_meetings(CMD, &mentions, paths, n_paths, &diag) != 0 ||
        dg_cli_strict_fails(CMD, &diag, o->strict))
        goto out;
    if (dg_resolve_events_take(&events, &mentions, &ropts, &err) < 0 ||
        dg_graph_build(&g, &events, &o->graph, &err) < 0 ||
        dg_graph_analyze(&g, &aopts, &err) < 0 ||
        dg_graph_name_countries(&g, o->resolve.gaz, &err) < 0) {
        dg_cli_error(CMD, "%s", err.msg);
        goto out;
    }
    gvc = gvContext(); /* process-wide Graphviz setup: the CLI's job */
    if (!gvc) {
        dg_cli_error(CMD, "cannot start Graphviz");
        goto out;
    }
    rc = dg_render(&out, gvc, &g, &o->render, &err);
    if (rc < 0) {
        dg_cli_error(CMD, "%s", err.msg);
        goto out;
    }
    if (o->report) {
        const dg_buf *diagram = &out;
        if (strcmp(o->format, "svg") != 0) {
            svg_opts.format = "svg";
            if (dg_render(&svg, gvc, &g, &svg_opts, &err) < 0) {
                dg_cli_error(CMD, "%s", err.msg);
                goto out;
            }
            diagram = &svg;
        }
        if (dg_report_html(&html, &g, &events, diagram->ptr, diagram->len, &err) < 0) {
            dg_cli_error(CMD, "%s", err.msg);
            goto out;
        }
    }
    if (dg_cli_write(CMD, o->output, &out) != 0)
        goto out;
    if (o->report && dg_cli_write(CMD, o->report, &html) != 0)
        goto out;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        dg_cli_error(CMD, "writing to stdout failed");
        goto out;
    }
    status = 0;
out:
    if (gvc)
        gvFreeContext(gvc);
    dg_buf_destroy(&out);
    dg_buf_destroy(&svg);
    dg_buf_destroy(&html);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&events);
    dg_meeting_list_destroy(&mentions);
    dg_cli_resolve_opts_destroy(&o->resolve);
    return status;
}

int cmd_render(int argc, char **argv)
{
    options o;
    dg_render_opts ro = DG_RENDER_OPTS_INIT;
    dg_graph_opts go = DG_GRAPH_OPTS_INIT;
    int rc;

    memset(&o, 0, sizeof(o));
    o.output = "-";
    o.render = ro;
    o.graph = go;
    dg_cli_resolve_opts_init(&o.resolve);
    rc = parse_args(&o, argc, argv);
    if (rc < 0) {
        usage(stdout);
        rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
    } else if (rc == 0) {
        rc = run(&o, argv + optind, argc - optind);
    }
    return rc;
}
