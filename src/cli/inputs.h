#ifndef DG_CLI_INPUTS_H
#define DG_CLI_INPUTS_H
#include <stddef.h>

#include "diplograph/error.h"

typedef struct {
    char **paths;
    size_t n, cap;
    size_t missing;  /* arguments that could not be read */
} dg_inputs;

#define DG_INPUTS_INIT { NULL, 0, 0, 0 }

/* Appends the files named by args (directories walked in name order);
 * unreadable paths are reported through diag and counted in missing.
 * -1 on out of memory. */
int dg_inputs_expand(dg_inputs *in, char **args, int n, dg_diag *diag);
void dg_inputs_destroy(dg_inputs *in);

#endif
