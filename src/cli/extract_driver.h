#ifndef DG_CLI_EXTRACT_DRIVER_H
#define DG_CLI_EXTRACT_DRIVER_H
/* Runs extraction over input files on N threads, in chunks of whole
 * documents, handing the meetings to a sink strictly in input order (so
 * -j N output equals -j 1 output byte for byte), in memory bounded by N
 * and the chunk size. */

#include "cli/inputs.h"
#include "diplograph/extract.h"

/* Called in input order with the meetings of one chunk of the file path
 * (a file may come in several calls); the sink takes the records (moves
 * them out). Non-zero stops. */
typedef int (*dg_file_sink)(void *ctx, const char *path, dg_meeting_list *meetings);

typedef struct {
    size_t files, failed_files, meetings;
    size_t bytes;
} dg_extract_totals;

/* Returns 0, or 1 after a runtime error (printed with cmd). */
int dg_cli_extract_files(const char *cmd, const dg_inputs *in,
                         const dg_extract_opts *opts, int jobs, dg_diag *diag,
                         dg_file_sink sink, void *ctx, dg_extract_totals *tot);

#endif
