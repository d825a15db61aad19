/* diplograph extract: find meetings in news text, JSON Lines out. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/extract_driver.h"
#include "cli/extract_opts.h"

static void usage(FILE *fp)
{
    fprintf(fp,
        "usage: diplograph extract [OPTIONS] INPUT... [-o meetings.jsonl]\n"
        "\n"
        "Finds the meetings that news texts report (Chinese and English) and writes\n"
        "one JSON record per report (a mention) to meetings.jsonl, or stdout.\n"
        "INPUT is a file, a directory (read recursively, in name order) or - (stdin).\n"
        "\n"
        "  -o, --output FILE       write here (atomically) instead of stdout\n"
        "  -j, --jobs N            extract N files at a time (output is identical)\n"
        DG_EXTRACT_OPTS_HELP
        "  -h, --help              show this help\n");
}

typedef struct {
    FILE *fp;
    dg_buf line;
    int failed;
    int err;   /* errno of the failed write */
} sink_ctx;

static int write_meetings(void *ctx, const char *path, dg_meeting_list *l)
{
    sink_ctx *s = ctx;
    size_t i;

    (void)path;
    for (i = 0; i < l->len; i++) {
        dg_buf_reset(&s->line);
        if (dg_meeting_write_json(&s->line, &l->items[i]) < 0) {
            s->failed = 1;
            s->err = ENOMEM;
            return 1;
        }
        errno = 0;
        if (fwrite(s->line.ptr, 1, s->line.len, s->fp) != s->line.len) {
            s->failed = 1;
            s->err = errno ? errno : EIO;
            return 1;
        }
    }
    return 0;
}

/* The command, with its extraction options in eo (which the caller
 * destroys, whatever the return). */
static int extract_main(dg_cli_extract_opts *eo, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        DG_EXTRACT_LONGOPTS,
        { NULL, 0, NULL, 0 }
    };
    const char *out_path = "-";
    int c, status = 0;
    dg_diag diag;
    dg_inputs in = DG_INPUTS_INIT;
    dg_outfile out = DG_OUTFILE_INIT;
    dg_error err = DG_ERROR_INIT;
    sink_ctx sc;
    dg_extract_totals tot;

    optind = 1;
    while ((c = getopt_long(argc, argv, "o:j:h", longopts, NULL)) != -1) {
        int r;
        switch (c) {
        case 'o':
            out_path = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            r = dg_cli_extract_opt(eo, "extract", c, optarg);
            if (r == 0)
                break;
            /* the message (ours or getopt's) said what is wrong */
            fprintf(stderr, "Try 'diplograph extract --help'.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        dg_cli_error("extract", "no input given");
        usage(stderr);
        return 2;
    }
    dg_cli_diag_init(&diag, "extract");
    if (eo->quiet)
        diag.fn = NULL;
    if (dg_inputs_expand(&in, argv + optind, argc - optind, &diag) < 0) {
        dg_cli_error("extract", "out of memory");
        dg_inputs_destroy(&in);
        return 1;
    }
    if (!dg_cli_extract_opts_load(eo, "extract", &diag)) {
        dg_inputs_destroy(&in);
        return 1;
    }
    if (dg_outfile_open(&out, out_path, &err) < 0) {
        dg_cli_error("extract", "%s", err.msg);
        dg_inputs_destroy(&in);
        return 1;
    }
    sc.fp = out.fp;
    dg_buf_init(&sc.line);
    sc.failed = 0;
    sc.err = 0;
    status = dg_cli_extract_files("extract", &in, &eo->opts, eo->jobs, &diag, write_meetings, &sc, &tot);
    dg_buf_destroy(&sc.line);
    if (sc.failed) {
        dg_cli_error("extract", "%s: write failed: %s%s%s", out_path, strerror(sc.err),
                     dg_write_error_hint(sc.err),
                     strcmp(out_path, "-") == 0 ? "" : ": the file is unchanged");
        status = 1;
    }
    if (status == 0 && eo->strict && diag.count) {
        dg_cli_error("extract", "--strict: %zu warning%s%s%s", diag.count,
                     diag.count == 1 ? "" : "s", strcmp(out_path, "-") == 0 ? "" : ": nothing "
                     "written to ", strcmp(out_path, "-") == 0 ? "" : out_path);
        status = 1;
        if (strcmp(out_path, "-") == 0)
            dg_outfile_commit(&out, &err);
        else
            dg_outfile_abort(&out);
    } else if (status == 0) {
        if (dg_outfile_commit(&out, &err) < 0) {
            dg_cli_error("extract", "%s", err.msg);
            status = 1;
        }
    } else {
        dg_outfile_abort(&out);
    }
    if (status == 0 && in.missing)
        status = 1;
    if (eo->verbose)
        fprintf(stderr, "diplograph extract: %zu files, %zu bytes, %zu meetings, %zu warnings\n",
                tot.files, tot.bytes, tot.meetings, diag.count);
    dg_inputs_destroy(&in);
    return status;
}

int cmd_extract(int argc, char **argv)
{
    dg_cli_extract_opts eo;
    int rc;

    dg_cli_extract_opts_init(&eo);
    rc = extract_main(&eo, argc, argv);
    dg_cli_extract_opts_destroy(&eo);
    return rc;
}
