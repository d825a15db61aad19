/* diplograph run: the main job. Extracts (or reads) meetings, merges them
 * into events, builds and analyses the graph, and writes every output
 * into a directory, each file whole or not at all. */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/extract_driver.h"
#include "cli/extract_opts.h"
#include "cli/resolve_opts.h"

enum { OPT_MEETINGS = 2000, OPT_LAYER, OPT_ENGINE, OPT_TOP, OPT_NO_RENDER };

static void usage(FILE *fp)
{
    fprintf(fp,
        "usage: diplograph run [OPTIONS] INPUT... -o OUTDIR\n"
        "       diplograph run [OPTIONS] --meetings MEETINGS.jsonl... -o OUTDIR\n"
        "\n"
        "The main job: extracts the meetings that the news texts report, merges the\n"
        "reports of one meeting into one event, builds the graph, analyses it and\n"
        "writes into OUTDIR: meetings.jsonl, events.jsonl, graph.graphml, graph.gexf,\n"
        "graph.json, nodes.csv, edges.csv, graph.dot, stats.json, stats.md,\n"
        "graph.svg, graph.png, graph.pdf and report.html.\n"
        "With --meetings the inputs are meeting files (from extract, or shards of\n"
        "one corpus extracted separately): the outputs are those of one run.\n"
        "\n"
        "  -o, --output DIR        the output directory (created if missing)\n"
        "      --meetings          inputs are meeting JSON Lines files\n"
        "  -j, --jobs N            extract N files at a time\n"
        "      --layer L           layer of the graph files: full (default), people,\n"
        "                          countries, visits\n"
        "      --engine E          Graphviz layout: sfdp, neato, fdp, dot, circo\n"
        "                          (default: by graph size)\n"
        "      --top N             draw only the N most central nodes (default: all\n"
        "                          up to 300, else 300)\n"
        "      --no-render         skip graph.svg/png/pdf and the diagram in the report\n"
        "      --aliases FILE      more names for people and merges of ids (JSON,\n"
        "                          docs/resolution.md; repeatable)\n"
        DG_EXTRACT_OPTS_HELP
        "  -h, --help              show this help\n");
}

typedef struct {
    dg_meeting_list *all;
} collect_ctx;

static int collect_file(void *ctx, const char *path, dg_meeting_list *l)
{
    collect_ctx *c = ctx;
    size_t i;

    (void)path;
    for (i = 0; i < l->len; i++)
        if (dg_meeting_list_push(c->all, &l->items[i]) < 0)
            return 1;
    return 0;
}

/* The outputs of one run, written to temporary files beside their
 * targets and renamed only once all are written: a run that fails or is
 * interrupted half-way leaves the previous outputs as they were, all of
 * them, not a mix of old and new. */
#define DG_RUN_MAX_OUTPUTS 16

typedef struct {
    dg_outfile f[DG_RUN_MAX_OUTPUTS];
    size_t n;
} staged;

static int write_out(staged *st, const char *dir, const char *name, const dg_buf *b,
                     int verbose)
{
    dg_buf path = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_outfile *out;
    int rc = 0;

    if (dg_cli_interrupted())
        return 1;
    assert(st->n < DG_RUN_MAX_OUTPUTS);
    out = &st->f[st->n];
    if (dg_buf_addf(&path, "%s/%s", dir, name) < 0) {
        dg_cli_error("run", "out of memory");
        return 1;
    }
    if (dg_outfile_open(out, path.ptr, &err) < 0) {
        rc = 1;
    } else {
        st->n++;
        errno = 0;
        if (b->len && fwrite(b->ptr, 1, b->len, out->fp) != b->len) {
            int e = errno ? errno : EIO;
            rc = dg_error_set(&err, DG_EIO, "%s: write failed: %s%s: the file is unchanged",
                              path.ptr, strerror(e), dg_write_error_hint(e)) < 0;
        } else if (dg_outfile_close(out, &err) < 0) {
            st->n--; /* closing failed: out is released, its temporary removed */
            rc = 1;
        }
    }
    if (rc)
        dg_cli_error("run", "%s", err.msg);
    else if (verbose)
        fprintf(stderr, "diplograph run: wrote %s (%zu bytes)\n", path.ptr, b->len);
    dg_buf_destroy(&path);
    return rc;
}

/* Renames every staged output over its target, with the signals held
 * off so that the set changes whole; 0 ok, 1 failed (printed). */
static int commit_all(staged *st)
{
    dg_error err = DG_ERROR_INIT;
    sigset_t old;
    size_t i;
    int rc = 0;

    dg_cli_signals_block(&old);
    if (dg_cli_interrupted())
        rc = 1;
    for (i = 0; i < st->n && rc == 0; i++)
        if (dg_outfile_rename(&st->f[i], &err) < 0) {
            dg_cli_error("run", "%s", err.msg);
            rc = 1;
        }
    dg_cli_signals_restore(&old);
    return rc;
}

static void abort_all(staged *st)
{
    size_t i;

    for (i = 0; i < st->n; i++)
        dg_outfile_abort(&st->f[i]);
    st->n = 0;
}

static int write_list(staged *st, const char *dir, const char *name, const dg_meeting_list *l,
                      int verbose)
{
    dg_buf b = DG_BUF_INIT;
    size_t i;
    int rc = 0;

    for (i = 0; i < l->len && rc == 0; i++)
        if (dg_meeting_write_json(&b, &l->items[i]) < 0) {
            dg_cli_error("run", "out of memory");
            rc = 1;
        }
    if (rc == 0)
        rc = write_out(st, dir, name, &b, verbose);
    dg_buf_destroy(&b);
    return rc;
}

/* Mentions in a canonical order (source file, doc, byte): a run over the
 * whole corpus and a merge of its shards write the same bytes. */
static int source_order(const void *a, const void *b)
{
    const dg_meeting *x = a, *y = b;
    const dg_source *s = x->n_sources ? &x->sources[0] : NULL;
    const dg_source *t = y->n_sources ? &y->sources[0] : NULL;
    int c;

    if (s && t) {
        if ((c = strcmp(s->file ? s->file : "", t->file ? t->file : "")) != 0)
            return c;
        if (s->doc != t->doc)
            return s->doc < t->doc ? -1 : 1;
        if (s->byte != t->byte)
            return s->byte < t->byte ? -1 : 1;
        if (s->length != t->length)
            return s->length < t->length ? -1 : 1;
    } else if (s || t) {
        return s ? 1 : -1;
    }
    return dg_meeting_cmp(x, y);
}

static void progress(int on, const char *what)
{
    if (on)
        fprintf(stderr, "diplograph run: %s\n", what);
}

/* The command, with its extraction options in eo (which the caller
 * destroys, whatever the return). */
static int run_main(dg_cli_extract_opts *eo, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { "meetings", no_argument, NULL, OPT_MEETINGS },
        { "layer", required_argument, NULL, OPT_LAYER },
        { "engine", required_argument, NULL, OPT_ENGINE },
        { "top", required_argument, NULL, OPT_TOP },
        { "no-render", no_argument, NULL, OPT_NO_RENDER },
        DG_EXTRACT_LONGOPTS,
        DG_ALIASES_LONGOPT,
        { NULL, 0, NULL, 0 }
    };
    const char *outdir = NULL, *engine = NULL;
    int c, status = 0, from_meetings = 0, top = -1, no_render = 0, show;
    dg_layer layer = DG_LAYER_FULL;
    dg_diag diag;
    dg_inputs in = DG_INPUTS_INIT;
    dg_meeting_list mentions = DG_MEETING_LIST_INIT, events = DG_MEETING_LIST_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_graph g;
    dg_buf b = DG_BUF_INIT, svg = DG_BUF_INIT;
    GVC_t *gvc = NULL;
    staged st;
    dg_cli_resolve_opts res;
    dg_resolve_opts ro = DG_RESOLVE_OPTS_INIT;
    size_t n_mentions;

    memset(&st, 0, sizeof(st));
    dg_cli_resolve_opts_init(&res);
    dg_graph_init(&g);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:j:h", longopts, NULL)) != -1) {
        int r;
        switch (c) {
        case 'o':
            outdir = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case OPT_MEETINGS:
            from_meetings = 1;
            break;
        case OPT_LAYER:
            if (dg_layer_parse(&layer, optarg) < 0) {
                dg_cli_error("run", "--layer wants full, people, countries or visits, not '%s'", optarg);
                return 2;
            }
            break;
        case OPT_ENGINE:
            engine = optarg;
            break;
        case OPT_TOP:
            if (dg_cli_parse_long(optarg, 0, 1000000, &r) < 0) {
                dg_cli_error("run", "--top wants a number, not '%s'", optarg);
                return 2;
            }
            top = r;
            break;
        case OPT_NO_RENDER:
            no_render = 1;
            break;
        default:
            r = dg_cli_extract_opt(eo, "run", c, optarg);
            if (r == 1)
                r = dg_cli_resolve_opt(&res, "run", c, optarg);
            if (r == 0)
                break;
            /* the message (ours or getopt's) said what is wrong */
            fprintf(stderr, "Try 'diplograph run --help'.\n");
            return 2;
        }
    }
    if (!outdir) {
        dg_cli_error("run", "no output directory: give -o OUTDIR");
        usage(stderr);
        return 2;
    }
    if (optind >= argc) {
        dg_cli_error("run", "no input given");
        usage(stderr);
        return 2;
    }
    show = !eo->quiet && (eo->verbose || isatty(2));
    dg_cli_diag_init(&diag, "run");
    if (eo->quiet)
        diag.fn = NULL;
    if (dg_mkdir_p(outdir, &err) < 0) {
        dg_cli_error("run", "%s", err.msg);
        return 1;
    }
    if (dg_inputs_expand(&in, argv + optind, argc - optind, &diag) < 0) {
        dg_cli_error("run", "out of memory");
        dg_inputs_destroy(&in);
        return 1;
    }
    if (in.missing) {
        /* a graph without that input would replace a complete one */
        dg_cli_error("run", "%zu input%s missing: nothing written", in.missing,
                     in.missing == 1 ? "" : "s");
        status = 1;
        goto out;
    }
    if (!dg_cli_extract_opts_load(eo, "run", &diag) ||
        dg_cli_resolve_opts_load(&res, "run", 0, &ro)) {
        status = 1;
        goto out;
    }
    ro.gaz = eo->gaz;
    if (from_meetings) {
        size_t i;
        progress(show, "reading meetings");
        for (i = 0; i < in.n && status == 0; i++)
            if (dg_meeting_read_file(&mentions, in.paths[i], &diag, &err) < 0) {
                dg_cli_error("run", "%s", err.msg);
                status = 1;
            }
    } else {
        collect_ctx cc = { &mentions };
        dg_extract_totals tot;
        progress(show, "extracting meetings");
        status = dg_cli_extract_files("run", &in, &eo->opts, eo->jobs, &diag, collect_file, &cc, &tot);
    }
    /* every warning comes from reading: under --strict, stop here */
    if (status == 0 && dg_cli_strict_fails("run", &diag, eo->strict))
        status = 1;
    if (status)
        goto out;
    if (mentions.len > 1)
        qsort(mentions.items, mentions.len, sizeof(dg_meeting), source_order);
    if (write_list(&st, outdir, "meetings.jsonl", &mentions, eo->verbose)) {
        status = 1;
        goto out;
    }
    progress(show, "merging mentions into events");
    n_mentions = mentions.len;
    /* the mentions become the events: never both in memory */
    if (dg_resolve_events_take(&events, &mentions, &ro, &err) < 0) {
        dg_cli_error("run", "%s", err.msg);
        status = 1;
        goto out;
    }
    if (write_list(&st, outdir, "events.jsonl", &events, eo->verbose)) {
        status = 1;
        goto out;
    }
    progress(show, "building and analysing the graph");
    {
        dg_graph_opts go = DG_GRAPH_OPTS_INIT;
        dg_analyze_opts ao = DG_ANALYZE_OPTS_INIT;
        go.layer = layer;
        if (dg_graph_build(&g, &events, &go, &err) < 0 ||
            dg_graph_name_countries(&g, eo->gaz, &err) < 0 || dg_graph_analyze(&g, &ao, &err) < 0) {
            dg_cli_error("run", "%s", err.msg);
            status = 1;
            goto out;
        }
    }
    {
        static const struct {
            const char *name;
            dg_format fmt;
        } files[] = {
            { "graph.graphml", DG_FORMAT_GRAPHML }, { "graph.gexf", DG_FORMAT_GEXF },
            { "graph.json", DG_FORMAT_JSON },       { "nodes.csv", DG_FORMAT_CSV_NODES },
            { "edges.csv", DG_FORMAT_CSV_EDGES },   { "graph.dot", DG_FORMAT_DOT },
        };
        size_t i;
        progress(show, "writing graph files");
        for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
            dg_buf_reset(&b);
            if (dg_export(&b, &g, files[i].fmt, &err) < 0) {
                dg_cli_error("run", "%s: %s", files[i].name, err.msg);
                status = 1;
                goto out;
            }
            if (write_out(&st, outdir, files[i].name, &b, eo->verbose)) {
                status = 1;
                goto out;
            }
        }
    }
    {
        dg_stats_opts so = DG_STATS_OPTS_INIT;
        dg_buf_reset(&b);
        if (dg_stats_write_json(&b, &g, &events, &so, &err) < 0 ||
            write_out(&st, outdir, "stats.json", &b, eo->verbose)) {
            if (err.code)
                dg_cli_error("run", "stats.json: %s", err.msg);
            status = 1;
            goto out;
        }
        dg_buf_reset(&b);
        if (dg_stats_write_md(&b, &g, &events, &so, &err) < 0 ||
            write_out(&st, outdir, "stats.md", &b, eo->verbose)) {
            if (err.code)
                dg_cli_error("run", "stats.md: %s", err.msg);
            status = 1;
            goto out;
        }
    }
    if (!no_render) {
        static const char *const fmts[] = { "svg", "png", "pdf" };
        size_t i;
        dg_render_opts rop = DG_RENDER_OPTS_INIT;
        rop.engine = engine;
        rop.top = top >= 0 ? top : (g.n_nodes > 300 ? 300 : 0);
        progress(show, "drawing the graph");
        gvc = gvContext();
        if (!gvc) {
            dg_cli_error("run", "cannot start Graphviz");
            status = 1;
            goto out;
        }
        for (i = 0; i < 3; i++) {
            char name[32];
            dg_buf *dst = i == 0 ? &svg : &b;
            dg_buf_reset(&b);
            rop.format = fmts[i];
            snprintf(name, sizeof(name), "graph.%s", fmts[i]);
            if (dg_render(dst, gvc, &g, &rop, &err) < 0) {
                dg_cli_error("run", "%s: %s", name, err.msg);
                status = 1;
                goto out;
            }
            if (write_out(&st, outdir, name, dst, eo->verbose)) {
                status = 1;
                goto out;
            }
        }
    }
    dg_buf_reset(&b);
    if (dg_report_html(&b, &g, &events, svg.len ? svg.ptr : NULL, svg.len, &err) < 0) {
        dg_cli_error("run", "report.html: %s", err.msg);
        status = 1;
        goto out;
    }
    if (write_out(&st, outdir, "report.html", &b, eo->verbose)) {
        status = 1;
        goto out;
    }
    if (commit_all(&st)) {
        status = 1;
        goto out;
    }
    if (!eo->quiet && (eo->verbose || isatty(2)))
        fprintf(stderr, "diplograph run: %zu mentions, %zu events, %zu nodes, %zu edges -> %s\n",
                n_mentions, events.len, g.n_nodes, g.n_edges, outdir);
out:
    abort_all(&st);
    if (gvc)
        gvFreeContext(gvc);
    dg_buf_destroy(&b);
    dg_buf_destroy(&svg);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&mentions);
    dg_meeting_list_destroy(&events);
    dg_cli_resolve_opts_destroy(&res);
    dg_inputs_destroy(&in);
    return status;
}

int cmd_run(int argc, char **argv)
{
    dg_cli_extract_opts eo;
    int rc;

    dg_cli_extract_opts_init(&eo);
    rc = run_main(&eo, argc, argv);
    dg_cli_extract_opts_destroy(&eo);
    return rc;
}
