/* diplograph run (under construction) */
#include "cli/cli.h"

int cmd_run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("run", "not built yet");
    return 1;
}
