#ifndef DG_CLI_H
#define DG_CLI_H
/* Shared pieces of the command-line front end. */

#include <signal.h>
#include <stdio.h>

#include "diplograph/diplograph.h"

int cmd_run(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);

/* Process-wide library setup (igraph error handler); main() calls it. */
void dg_cli_init(void);

/* signals.c: SIGINT, SIGTERM and SIGHUP set a flag (main() installs the
 * handlers); dg_cli_interrupted returns the signal caught, or 0. The
 * commands check it between steps, remove their temporary files and
 * return 128 + the signal. Blocking them keeps a set of renames whole. */
void dg_cli_signals_init(void);
int dg_cli_interrupted(void);
void dg_cli_signals_block(sigset_t *old);
void dg_cli_signals_restore(const sigset_t *old);

/* Prints "diplograph CMD: msg" on stderr. */
void dg_cli_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A dg_diag that prints "diplograph CMD: file:line: msg" (ctx = cmd name). */
void dg_cli_diag_init(dg_diag *d, const char *cmd);

/* Loads the bundled gazetteer (DIPLOGRAPH_DATA, the source tree, or the
 * installed data directory), then each extra file. NULL on error (printed).
 * With extra files and a diag, their conflicts (a form naming two
 * officials) go to diag as warnings. */
dg_gazetteer *dg_cli_load_gazetteer(const char *cmd, char **extra, int n_extra,
                                    dg_diag *diag);

/* --strict: 1 (printed: "--strict: N warnings: nothing written") when
 * strict is set and diag counted a warning, else 0. */
int dg_cli_strict_fails(const char *cmd, const dg_diag *diag, int strict);

/* Reads meeting files (JSON Lines) into out; 0 ok, 1 error (printed). */
int dg_cli_read_meetings(const char *cmd, dg_meeting_list *out, char **paths,
                         int n, dg_diag *diag);

/* Prints each step of t on stderr ("diplograph CMD: step NAME: wall s,
 * cpu s CPU, peak RSS MB"), then their total. */
void dg_cli_print_timing(const char *cmd, const dg_timing *t);

/* Writes buf to path ("-" stdout) atomically; 0 ok, 1 error (printed). */
int dg_cli_write(const char *cmd, const char *path, const dg_buf *buf);

#endif
