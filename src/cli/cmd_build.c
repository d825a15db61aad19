/* diplograph build (under construction) */
#include "cli/cli.h"

int cmd_build(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("build", "not built yet");
    return 1;
}
