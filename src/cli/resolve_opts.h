#ifndef DG_CLI_RESOLVE_OPTS_H
#define DG_CLI_RESOLVE_OPTS_H
/* The options of the commands that resolve entities (build, stats,
 * render, run): --aliases FILE, and (but for run, which has it among the
 * extraction options) --gazetteer FILE. */

#include <getopt.h>

#include "diplograph/diplograph.h"

enum { OPT_ALIASES = 1100, OPT_RESOLVE_GAZETTEER };

#define DG_ALIASES_LONGOPT { "aliases", required_argument, NULL, OPT_ALIASES }
#define DG_RESOLVE_GAZETTEER_LONGOPT { "gazetteer", required_argument, NULL, OPT_RESOLVE_GAZETTEER }

/* Help lines, descriptions from column 21 (build, stats) */
#define DG_RESOLVE_HELP \
    "      --aliases FILE more names for people and merges of ids (JSON,\n" \
    "                     docs/resolution.md; repeatable)\n" \
    "      --gazetteer FILE\n" \
    "                     add or override gazetteer entries (repeatable)\n"

/* Files per option: far more than anyone gives, and no allocation before
 * the options are all read (a usage error returns at once). */
#define DG_CLI_MAX_OPTION_FILES 64

typedef struct {
    const char *alias_files[DG_CLI_MAX_OPTION_FILES];
    int n_alias_files;
    const char *gaz_files[DG_CLI_MAX_OPTION_FILES];
    int n_gaz_files;
    dg_aliases *aliases;  /* NULL until loaded, or without --aliases */
    dg_gazetteer *gaz;    /* owned, or NULL (borrowed from run's) */
} dg_cli_resolve_opts;

void dg_cli_resolve_opts_init(dg_cli_resolve_opts *o);
void dg_cli_resolve_opts_destroy(dg_cli_resolve_opts *o);
/* Handles --aliases and --gazetteer; 0 ok, 1 not one of them, 2 too many
 * files (printed). */
int dg_cli_resolve_opt(dg_cli_resolve_opts *o, const char *cmd, int c, const char *arg);
/* Loads the aliases (and, when load_gaz, the gazetteer with the extra
 * files: without them a missing bundled gazetteer is only reported) and
 * points ropts at them. 0 ok, 1 failed (printed). */
int dg_cli_resolve_opts_load(dg_cli_resolve_opts *o, const char *cmd, int load_gaz,
                             dg_resolve_opts *ropts);

#endif
