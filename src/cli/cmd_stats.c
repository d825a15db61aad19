/* diplograph stats (under construction) */
#include "cli/cli.h"

int cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("stats", "not built yet");
    return 1;
}
