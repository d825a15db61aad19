#ifndef DIPLOGRAPH_IO_H
#define DIPLOGRAPH_IO_H
/* Output files written whole or not at all: data goes to a temporary file
 * beside the target, which replaces the target only on commit. */

#include <stdio.h>

#include "error.h"

typedef struct {
    FILE *fp;        /* write here between open and commit */
    char *path;      /* the target ("-" is stdout) */
    char *tmp_path;  /* the temporary file, NULL for stdout */
} dg_outfile;

#define DG_OUTFILE_INIT { NULL, NULL, NULL }

/* Opens a temporary file in the target's directory. DG_EIO names the
 * directory when it cannot be written. */
int dg_outfile_open(dg_outfile *out, const char *path, dg_error *err);
/* Flushes, checks for write errors (disk full), and renames the temporary
 * file over the target. On failure the target is untouched and the
 * temporary file removed. Always releases out. */
int dg_outfile_commit(dg_outfile *out, dg_error *err);
/* dg_outfile_commit in two steps, for several files that should change
 * together: close them all (write errors show here; a failed close
 * removes its temporary file and releases out), then rename them all.
 * Between the two, dg_outfile_abort still discards a closed file. */
int dg_outfile_close(dg_outfile *out, dg_error *err);
int dg_outfile_rename(dg_outfile *out, dg_error *err);
/* Discards the temporary file; the target is untouched. No-op when not
 * open. */
void dg_outfile_abort(dg_outfile *out);

/* Writes len bytes to path atomically (as above). */
int dg_write_file_atomic(const char *path, const void *data, size_t len,
                         dg_error *err);

/* What a failed write's errno means, to append to its message: " (is the
 * disk full?)" for ENOSPC, the file size limit for EFBIG, or "". Static
 * string. */
const char *dg_write_error_hint(int errnum);

/* Creates a directory and its parents (mkdir -p). */
int dg_mkdir_p(const char *path, dg_error *err);

#endif
