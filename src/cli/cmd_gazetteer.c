/* diplograph gazetteer check: validate gazetteer files and report
 * conflicts. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *fp)
{
    fprintf(fp,
        "usage: diplograph gazetteer check [FILE...]\n"
        "\n"
        "Loads the bundled gazetteer and then each FILE (same format, see\n"
        "docs/gazetteer.md), reports errors with file and JSON path, and conflicts:\n"
        "one form naming two entities, one abbreviation for two countries. Prints the\n"
        "number of entries of each kind. Exit 1 on an error or a conflict.\n"
        "\n"
        "  -h, --help    show this help\n");
}

int cmd_gazetteer(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    dg_gazetteer *g;
    dg_diag diag;
    size_t conflicts;
    int c;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            usage(stdout);
            return 0;
        }
        usage(stderr);
        return 2;
    }
    if (optind >= argc || strcmp(argv[optind], "check") != 0) {
        dg_cli_error("gazetteer", "unknown or missing subcommand (try 'check')");
        usage(stderr);
        return 2;
    }
    optind++;
    dg_cli_diag_init(&diag, "gazetteer");
    g = dg_cli_load_gazetteer("gazetteer", argv + optind, argc - optind, NULL);
    if (!g)
        return 1;
    conflicts = dg_gazetteer_check(g, &diag);
    printf("countries %zu\ntitles %zu\nplaces %zu\ngroups %zu\nofficials %zu\nconflicts %zu\n",
           dg_gazetteer_count(g, DG_ENT_COUNTRY), dg_gazetteer_count(g, DG_ENT_TITLE),
           dg_gazetteer_count(g, DG_ENT_PLACE), dg_gazetteer_count(g, DG_ENT_GROUP),
           dg_gazetteer_count(g, DG_ENT_OFFICIAL), conflicts);
    dg_gazetteer_free(g);
    if (fflush(stdout) != 0 || ferror(stdout))
        return 1;
    return conflicts ? 1 : 0;
}
