/* diplograph stats: centrality and interaction statistics. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/resolve_opts.h"

static const char usage_text[] =
    "usage: diplograph stats MEETINGS... [--format table|csv|json] [--top N]\n"
    "                        [--layer full|people|countries|visits] [--from DATE] [--to DATE]\n"
    "                        [--gazetteer FILE] [-o FILE] [-v]\n"
    "\n"
    "Reads meeting files (mentions or events, JSON Lines; '-' is stdin), merges\n"
    "the mentions into events, builds the layer, analyses it and writes:\n"
    "  table  Markdown tables (stats.md; the default)\n"
    "  json   stats.json: graph figures, centralities, interaction statistics\n"
    "  csv    one row per node with every centrality\n"
    "\n"
    "options:\n"
    "  -f, --format F     table, csv or json\n"
    "  -n, --top N        rows per table (20)\n"
    "  -l, --layer L      full (default), people, countries or visits\n"
    "      --from DATE    first date (YYYY, YYYY-MM or YYYY-MM-DD) of the window\n"
    "      --to DATE      last date of the window\n"
    "      --exact-betweenness-max N\n"
    "                     exact betweenness up to N nodes (5000); above, paths\n"
    "      --betweenness-cutoff D\n"
    "                     are followed up to distance D (4; 1/weight per edge)\n"
    "      --betweenness-sample K\n"
    "                     instead of the cutoff, estimate betweenness, closeness\n"
    "                     and harmonic centrality from K sampled sources (64;\n"
    "                     0 uses the cutoff)\n"
    "      --seed N       seed for the community detection (42)\n"
    DG_RESOLVE_HELP
    "  -o, --output FILE  write to FILE instead of stdout\n"
    "  -v, --verbose      report counts, timings and the betweenness cutoff on stderr\n"
    "      --strict       exit 1, writing nothing, when a meeting file gave a warning\n"
    "      --quiet        no warnings on stderr\n"
    "  -h, --help         this text\n";

enum { OPT_FROM = 256, OPT_TO, OPT_EXACT, OPT_CUTOFF, OPT_SAMPLE, OPT_SEED, OPT_STRICT,
       OPT_QUIET };

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int parse_long(long *out, const char *s)
{
    char *end;
    long v;

    if (!s || !*s)
        return -1;
    v = strtol(s, &end, 10);
    if (*end)
        return -1;
    *out = v;
    return 0;
}

int cmd_stats(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' },
        { "top", required_argument, NULL, 'n' },
        { "layer", required_argument, NULL, 'l' },
        { "from", required_argument, NULL, OPT_FROM },
        { "to", required_argument, NULL, OPT_TO },
        { "exact-betweenness-max", required_argument, NULL, OPT_EXACT },
        { "betweenness-cutoff", required_argument, NULL, OPT_CUTOFF },
        { "betweenness-sample", required_argument, NULL, OPT_SAMPLE },
        { "seed", required_argument, NULL, OPT_SEED },
        DG_ALIASES_LONGOPT,
        DG_RESOLVE_GAZETTEER_LONGOPT,
        { "output", required_argument, NULL, 'o' },
        { "verbose", no_argument, NULL, 'v' },
        { "strict", no_argument, NULL, OPT_STRICT },
        { "quiet", no_argument, NULL, OPT_QUIET },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *format = "table", *output = "-";
    dg_graph_opts gopts = DG_GRAPH_OPTS_INIT;
    dg_analyze_opts aopts = DG_ANALYZE_OPTS_INIT;
    dg_resolve_opts ropts = DG_RESOLVE_OPTS_INIT;
    dg_stats_opts sopts = DG_STATS_OPTS_INIT;
    dg_meeting_list mentions = DG_MEETING_LIST_INIT, events = DG_MEETING_LIST_INIT;
    dg_graph g;
    dg_buf out = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_diag diag;
    int c, r, verbose = 0, rc = 1, strict = 0, quiet = 0;
    size_t n_mentions;
    long v;
    double t0 = now(), t;
    dg_timing tm;
    dg_cli_resolve_opts res;

    dg_cli_resolve_opts_init(&res);
    dg_timing_init(&tm);
    dg_graph_init(&g);
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:n:l:o:vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = optarg;
            break;
        case 'n':
            if (parse_long(&v, optarg) < 0 || v < 1 || v > 1000000) {
                dg_cli_error("stats", "--top: expected a number from 1 to 1000000, not '%s'", optarg);
                return 2;
            }
            sopts.top = (int)v;
            break;
        case 'l':
            if (dg_layer_parse(&gopts.layer, optarg) < 0) {
                dg_cli_error("stats", "--layer: expected full, people, countries or visits, not '%s'", optarg);
                return 2;
            }
            break;
        case OPT_FROM:
            gopts.from = optarg;
            break;
        case OPT_TO:
            gopts.to = optarg;
            break;
        case OPT_EXACT:
            if (parse_long(&v, optarg) < 0 || v < 0) {
                dg_cli_error("stats", "--exact-betweenness-max: expected a number, not '%s'", optarg);
                return 2;
            }
            aopts.exact_betweenness_max = v;
            break;
        case OPT_CUTOFF: {
            char *end;
            double d = strtod(optarg, &end);
            if (*end || !(d > 0)) {
                dg_cli_error("stats", "--betweenness-cutoff: expected a positive number, not '%s'", optarg);
                return 2;
            }
            aopts.betweenness_cutoff = d;
            break;
        }
        case OPT_SAMPLE:
            if (parse_long(&v, optarg) < 0 || v < 0) {
                dg_cli_error("stats", "--betweenness-sample: expected a number, not '%s'", optarg);
                return 2;
            }
            aopts.betweenness_sources = v;
            break;
        case OPT_SEED:
            if (parse_long(&v, optarg) < 0 || v < 0) {
                dg_cli_error("stats", "--seed: expected a number, not '%s'", optarg);
                return 2;
            }
            aopts.seed = (unsigned long)v;
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
            if ((r = dg_cli_resolve_opt(&res, "stats", c, optarg)) == 0)
                break;
            if (r == 1)
                fputs(usage_text, stderr);
            return 2;
        }
    }
    if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0 &&
        strcmp(format, "json") != 0) {
        dg_cli_error("stats", "--format: expected table, csv or json, not '%s'", format);
        return 2;
    }
    if (optind >= argc) {
        dg_cli_error("stats", "no meeting files given");
        fputs(usage_text, stderr);
        return 2;
    }
    dg_cli_diag_init(&diag, "stats");
    if (verbose) {
        ropts.timing = &tm;
        gopts.timing = &tm;
        aopts.timing = &tm;
    }
    if (dg_cli_resolve_opts_load(&res, "stats", 1, &ropts))
        goto out;
    dg_timing_mark(&tm, "gazetteer, aliases");
    if (quiet)
        diag.fn = NULL;
    if (dg_cli_read_meetings("stats", &mentions, argv + optind, argc - optind, &diag) ||
        dg_cli_strict_fails("stats", &diag, strict))
        goto out;
    dg_timing_mark(&tm, "read meetings");
    t = now();
    n_mentions = mentions.len;
    /* the records become the events: never both in memory */
    if (dg_resolve_events_take(&events, &mentions, &ropts, &err) < 0) {
        dg_cli_error("stats", "%s", err.msg);
        goto out;
    }
    if (verbose)
        fprintf(stderr, "diplograph stats: %zu records -> %zu events (%.2f s read, %.2f s resolve)\n",
                n_mentions, events.len, t - t0, now() - t);
    t = now();
    if (dg_graph_build(&g, &events, &gopts, &err) < 0) {
        dg_cli_error("stats", "%s", err.msg);
        goto out;
    }
    if (dg_graph_name_countries(&g, res.gaz, &err) < 0) {
        dg_cli_error("stats", "%s", err.msg);
        goto out;
    }
    dg_timing_mark(&tm, "name countries");
    if (verbose)
        fprintf(stderr, "diplograph stats: %s layer: %zu nodes, %zu edges (%.2f s)\n",
                dg_layer_name(g.layer), g.n_nodes, g.n_edges, now() - t);
    t = now();
    if (dg_graph_analyze(&g, &aopts, &err) < 0) {
        dg_cli_error("stats", "%s", err.msg);
        goto out;
    }
    if (verbose) {
        if (g.stats.betweenness_exact)
            fprintf(stderr, "diplograph stats: exact betweenness (%.2f s analysis)\n", now() - t);
        else if (g.stats.betweenness_sources > 0)
            fprintf(stderr, "diplograph stats: betweenness, closeness and harmonic centrality "
                            "estimated from %ld sampled sources (%zu nodes > %ld) (%.2f s analysis)\n",
                    g.stats.betweenness_sources, g.n_nodes, aopts.exact_betweenness_max,
                    now() - t);
        else
            fprintf(stderr, "diplograph stats: betweenness, closeness and harmonic centrality "
                            "with path cutoff %g (%zu nodes > %ld) (%.2f s analysis)\n",
                    g.stats.betweenness_cutoff, g.n_nodes, aopts.exact_betweenness_max,
                    now() - t);
    }
    if (strcmp(format, "json") == 0)
        rc = dg_stats_write_json(&out, &g, &events, &sopts, &err);
    else if (strcmp(format, "csv") == 0)
        rc = dg_stats_write_csv(&out, &g, &err);
    else
        rc = dg_stats_write_md(&out, &g, &events, &sopts, &err);
    dg_timing_mark(&tm, "statistics");
    if (rc < 0) {
        dg_cli_error("stats", "%s", err.msg);
        rc = 1;
        goto out;
    }
    rc = dg_cli_write("stats", output, &out);
    dg_timing_mark(&tm, "write");
out:
    dg_buf_destroy(&out);
    dg_graph_destroy(&g);
    dg_meeting_list_destroy(&mentions);
    dg_meeting_list_destroy(&events);
    dg_cli_resolve_opts_destroy(&res);
    if (verbose) {
        dg_timing_mark(&tm, "free");
        dg_cli_print_timing("stats", &tm);
        fprintf(stderr, "diplograph stats: done in %.2f s\n", now() - t0);
    }
    return rc;
}
