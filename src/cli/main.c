/* diplograph: the command table. Each command lives in cmd_<name>.c. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct dg_cmd {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} cmds[] = {
    { "run", cmd_run, "extract, resolve, build, analyse, export and draw into a directory" },
    { "extract", cmd_extract, "find meetings in news text (JSON Lines out)" },
    { "build", cmd_build, "build the meeting graph and export it" },
    { "stats", cmd_stats, "centrality and interaction statistics" },
    { "render", cmd_render, "draw the graph with Graphviz (svg, png, pdf)" },
    { "eval", cmd_eval, "score extracted meetings against gold annotations" },
    { "gazetteer", cmd_gazetteer, "check gazetteer files" },
    { NULL, NULL, NULL }
};

static void usage(FILE *fp)
{
    size_t i;

    fprintf(fp, "usage: diplograph COMMAND [OPTIONS] [ARGS]\n\n"
                "Turns diplomatic news into a relationship graph.\n\ncommands:\n");
    for (i = 0; cmds[i].name; i++)
        fprintf(fp, "  %-10s %s\n", cmds[i].name, cmds[i].summary);
    fprintf(fp, "\n'diplograph COMMAND --help' describes each command.\n"
                "exit status: 0 ok, 1 runtime or data error, 2 usage error\n");
}

int main(int argc, char **argv)
{
    size_t i;

    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("diplograph %s\n", DG_VERSION);
        return 0;
    }
    for (i = 0; cmds[i].name; i++)
        if (strcmp(argv[1], cmds[i].name) == 0) {
            int rc, sig;
            dg_cli_init();
            dg_cli_signals_init();
            rc = cmds[i].run(argc - 1, argv + 1);
            /* the command stopped at its next check and wrote nothing more */
            if ((sig = dg_cli_interrupted()) != 0) {
                fprintf(stderr, "diplograph %s: interrupted by %s: no output file was "
                        "replaced\n", cmds[i].name, sig == SIGINT ? "SIGINT"
                        : sig == SIGTERM ? "SIGTERM" : "SIGHUP");
                return 128 + sig;
            }
            return rc;
        }
    fprintf(stderr, "diplograph: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
