/* Options shared by extract and run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/extract_opts.h"

void dg_cli_extract_opts_init(dg_cli_extract_opts *o)
{
    dg_extract_opts def = DG_EXTRACT_OPTS_INIT;

    memset(o, 0, sizeof(*o));
    o->opts = def;
    o->jobs = 1;
}

void dg_cli_extract_opts_destroy(dg_cli_extract_opts *o)
{
    free(o->gazetteers);
    dg_gazetteer_free(o->gaz);
    o->gazetteers = NULL;
    o->gaz = NULL;
}

int dg_cli_parse_long(const char *s, long lo, long hi, int *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

int dg_cli_extract_opt(dg_cli_extract_opts *o, const char *cmd, int c, const char *arg)
{
    char *end;

    switch (c) {
    case 'j': {
        int r;
        if (dg_cli_parse_long(arg, 1, 64, &r) < 0) {
            dg_cli_error(cmd, "-j wants a number from 1 to 64, not '%s'", arg);
            return 2;
        }
        o->jobs = r;
        return 0;
    }
    case OPT_GAZETTEER: {
        char **p = realloc(o->gazetteers, (size_t)(o->n_gazetteers + 1) * sizeof(char *));
        if (!p)
            return 2;
        o->gazetteers = p;
        o->gazetteers[o->n_gazetteers++] = (char *)arg;
        return 0;
    }
    case OPT_FORMAT_IN:
        if (strcmp(arg, "auto") == 0)
            o->opts.format = DG_INPUT_AUTO;
        else if (strcmp(arg, "text") == 0)
            o->opts.format = DG_INPUT_TEXT;
        else if (strcmp(arg, "html") == 0)
            o->opts.format = DG_INPUT_HTML;
        else if (strcmp(arg, "jsonl") == 0)
            o->opts.format = DG_INPUT_JSONL;
        else {
            dg_cli_error(cmd, "--input-format wants auto, text, html or jsonl, not '%s'", arg);
            return 2;
        }
        return 0;
    case OPT_SPLIT:
        if (strcmp(arg, "auto") == 0)
            o->opts.split = DG_SPLIT_AUTO;
        else if (strcmp(arg, "blank") == 0)
            o->opts.split = DG_SPLIT_BLANK;
        else if (strcmp(arg, "line") == 0)
            o->opts.split = DG_SPLIT_LINE;
        else if (strcmp(arg, "file") == 0)
            o->opts.split = DG_SPLIT_FILE;
        else {
            dg_cli_error(cmd, "--split wants auto, blank, line or file, not '%s'", arg);
            return 2;
        }
        return 0;
    case OPT_TEXT_FIELD:
        o->opts.text_field = arg;
        return 0;
    case OPT_DATE_FIELD:
        o->opts.date_field = arg;
        return 0;
    case OPT_SOURCE_FIELD:
        o->opts.source_field = arg;
        return 0;
    case OPT_MAX_DOC: {
        unsigned long long v;
        errno = 0;
        v = strtoull(arg, &end, 10);
        if (errno || end == arg || *end || v == 0) {
            dg_cli_error(cmd, "--max-doc-bytes wants a positive number, not '%s'", arg);
            return 2;
        }
        o->opts.max_doc_bytes = (size_t)v;
        return 0;
    }
    case OPT_MIN_CONF: {
        double v;
        errno = 0;
        v = strtod(arg, &end);
        if (errno || end == arg || *end || v < 0 || v > 1) {
            dg_cli_error(cmd, "--min-confidence wants a number from 0 to 1, not '%s'", arg);
            return 2;
        }
        o->opts.min_confidence = v;
        return 0;
    }
    case OPT_STRICT:
        o->strict = 1;
        return 0;
    case OPT_QUIET:
        o->quiet = 1;
        return 0;
    case OPT_VERBOSE:
        o->verbose = 1;
        return 0;
    default:
        return 1;
    }
}

int dg_cli_extract_opts_load(dg_cli_extract_opts *o, const char *cmd, dg_diag *diag)
{
    o->gaz = dg_cli_load_gazetteer(cmd, o->gazetteers, o->n_gazetteers, diag);
    if (!o->gaz)
        return 0;
    o->opts.gaz = o->gaz;
    return 1;
}
