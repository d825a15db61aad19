/* diplograph eval: score extracted meetings against gold annotations. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage_text[] =
    "usage: diplograph eval --gold GOLD.jsonl [OPTIONS] MEETINGS.jsonl...\n"
    "\n"
    "Scores extracted meetings (the mention records of `diplograph extract`)\n"
    "against gold annotations in one of three layouts:\n"
    "  {\"doc\":\"NNN\",\"meetings\":[...]}   shared eval: document = file NNN.txt\n"
    "  {\"doc\":\"L14\",\"line\":14,...}    example corpus: the meetings whose\n"
    "      evidence starts on line 14 (from source.file and source.byte when\n"
    "      the file is readable, else source.line)\n"
    "  {\"file\":F,\"doc\":N,...}           generator: one meeting a line, document\n"
    "      N (0-based) of file F, matched to source.file by path suffix\n"
    "\n"
    "Matching follows ../shared/eval/README.md: dates agree by prefix,\n"
    "persons one to one by folded name, shared Latin word or Chinese\n"
    "containment, countries by group or 80% coverage; each gold and each\n"
    "predicted meeting is used once.\n"
    "\n"
    "options:\n"
    "  -g, --gold FILE        the gold annotations (JSON Lines; - is stdin)\n"
    "  -s, --show             list each miss, false positive and attribute\n"
    "                         difference\n"
    "  -f, --format FMT       text (default) or json\n"
    "      --strict-optional  score borderline and implicit gold meetings\n"
    "                         (only \"optional\": true stays optional)\n"
    "      --ignore-unknown   drop predictions from files the gold does not\n"
    "                         know instead of counting them as false positives\n"
    "  -o, --output FILE      write the report to FILE (default stdout)\n"
    "      --strict           exit 1, writing nothing, when a file gave a warning\n"
    "      --quiet            no warnings on stderr\n"
    "  -h, --help             show this help\n"
    "\n"
    "The first lines of the text report are precision, recall and F1, then\n"
    "counts and attribute accuracies. Exit status: 0 ok, 1 unreadable file,\n"
    "2 usage error.\n";

enum { OPT_STRICT_OPTIONAL = 256, OPT_IGNORE_UNKNOWN, OPT_STRICT, OPT_QUIET };

int cmd_eval(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "gold", required_argument, NULL, 'g' },
        { "show", no_argument, NULL, 's' },
        { "format", required_argument, NULL, 'f' },
        { "strict-optional", no_argument, NULL, OPT_STRICT_OPTIONAL },
        { "ignore-unknown", no_argument, NULL, OPT_IGNORE_UNKNOWN },
        { "strict", no_argument, NULL, OPT_STRICT },
        { "quiet", no_argument, NULL, OPT_QUIET },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    dg_eval_opts opts = DG_EVAL_OPTS_INIT;
    dg_meeting_list preds = DG_MEETING_LIST_INIT;
    dg_eval_result res;
    dg_buf report = DG_BUF_INIT;
    dg_error err = DG_ERROR_INIT;
    dg_diag diag;
    const char *gold = NULL, *output = "-";
    int c, rc = 1, strict = 0, quiet = 0;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":g:sf:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'g':
            gold = optarg;
            break;
        case 's':
            opts.show = 1;
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0) {
                opts.format = DG_EVAL_TEXT;
            } else if (strcmp(optarg, "json") == 0) {
                opts.format = DG_EVAL_JSON;
            } else {
                dg_cli_error("eval", "unknown format '%s' (text or json)", optarg);
                return 2;
            }
            break;
        case OPT_STRICT_OPTIONAL:
            opts.strict_optional = 1;
            break;
        case OPT_IGNORE_UNKNOWN:
            opts.ignore_unknown = 1;
            break;
        case OPT_STRICT:
            strict = 1;
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
        case ':':
            dg_cli_error("eval", "option '%s' needs a value", argv[optind - 1]);
            fputs(usage_text, stderr);
            return 2;
        default:
            dg_cli_error("eval", "unknown option '%s'", argv[optind - 1]);
            fputs(usage_text, stderr);
            return 2;
        }
    }
    if (!gold) {
        dg_cli_error("eval", "--gold GOLD.jsonl is required");
        fputs(usage_text, stderr);
        return 2;
    }
    if (optind >= argc) {
        dg_cli_error("eval", "no meeting files given (use - for stdin)");
        fputs(usage_text, stderr);
        return 2;
    }
    dg_cli_diag_init(&diag, "eval");
    if (quiet)
        diag.fn = NULL;
    if (dg_cli_read_meetings("eval", &preds, argv + optind, argc - optind, &diag) != 0)
        goto out;
    if (dg_eval(&res, &report, gold, &preds, &opts, &diag, &err) < 0) {
        dg_cli_error("eval", "%s", err.msg);
        goto out;
    }
    if (dg_cli_strict_fails("eval", &diag, strict))
        goto out;
    rc = dg_cli_write("eval", output, &report);
    if (rc == 0 && strcmp(output, "-") == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        dg_cli_error("eval", "cannot write the report to stdout");
        rc = 1;
    }
out:
    dg_buf_destroy(&report);
    dg_meeting_list_destroy(&preds);
    return rc;
}
