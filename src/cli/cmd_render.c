/* diplograph render (under construction) */
#include "cli/cli.h"

int cmd_render(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("render", "not built yet");
    return 1;
}
