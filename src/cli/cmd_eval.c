/* diplograph eval (under construction) */
#include "cli/cli.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("eval", "not built yet");
    return 1;
}
