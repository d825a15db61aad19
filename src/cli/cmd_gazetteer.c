/* diplograph gazetteer (under construction) */
#include "cli/cli.h"

int cmd_gazetteer(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    dg_cli_error("gazetteer", "not built yet");
    return 1;
}
