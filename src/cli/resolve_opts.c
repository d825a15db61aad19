/* Options of the commands that resolve entities. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/resolve_opts.h"

void dg_cli_resolve_opts_init(dg_cli_resolve_opts *o)
{
    memset(o, 0, sizeof(*o));
}

void dg_cli_resolve_opts_destroy(dg_cli_resolve_opts *o)
{
    dg_aliases_free(o->aliases);
    dg_gazetteer_free(o->gaz);
    memset(o, 0, sizeof(*o));
}

static int push(const char **list, int *n, const char *cmd, const char *opt, const char *arg)
{
    if (*n >= DG_CLI_MAX_OPTION_FILES) {
        dg_cli_error(cmd, "%s: more than %d files", opt, DG_CLI_MAX_OPTION_FILES);
        return 2;
    }
    list[(*n)++] = arg;
    return 0;
}

int dg_cli_resolve_opt(dg_cli_resolve_opts *o, const char *cmd, int c, const char *arg)
{
    if (c == OPT_ALIASES)
        return push(o->alias_files, &o->n_alias_files, cmd, "--aliases", arg);
    if (c == OPT_RESOLVE_GAZETTEER)
        return push(o->gaz_files, &o->n_gaz_files, cmd, "--gazetteer", arg);
    return 1;
}

int dg_cli_resolve_opts_load(dg_cli_resolve_opts *o, const char *cmd, int load_gaz,
                             dg_resolve_opts *ropts)
{
    dg_error err = DG_ERROR_INIT;
    int i;

    if (o->n_alias_files) {
        o->aliases = dg_aliases_new();
        if (!o->aliases) {
            dg_cli_error(cmd, "out of memory");
            return 1;
        }
        for (i = 0; i < o->n_alias_files; i++)
            if (dg_aliases_load_file(o->aliases, o->alias_files[i], &err) < 0) {
                dg_cli_error(cmd, "%s", err.msg);
                return 1;
            }
        ropts->aliases = o->aliases;
    }
    if (load_gaz) {
        /* the bundled gazetteer names officials and their offices; the
         * graph can still be built without it, unless files were added */
        o->gaz = dg_cli_load_gazetteer(cmd, (char **)o->gaz_files, o->n_gaz_files, NULL);
        if (!o->gaz && o->n_gaz_files)
            return 1;
        ropts->gaz = o->gaz;
    }
    return 0;
}
