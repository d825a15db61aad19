/* diplograph extract (under construction) */
#include "cli/cli.h"

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("extract", "not built yet");
    return 1;
}
