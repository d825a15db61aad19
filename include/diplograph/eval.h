#ifndef DIPLOGRAPH_EVAL_H
#define DIPLOGRAPH_EVAL_H
/* Scoring extracted mentions against gold (../shared/eval/README.md). */

#include "buf.h"
#include "error.h"
#include "meeting.h"

typedef struct {
    long gold, predicted, matched;
    long kind_ok, place_ok, date_exact;
    double precision, recall, f1;
    double kind_acc, place_acc, date_rate;
} dg_eval_result;

typedef struct {
    int show;  /* list each miss and false positive in the report */
} dg_eval_opts;

#define DG_EVAL_OPTS_INIT { 0 }

/* Scores predictions against the gold file's text (JSON Lines, either the
 * shared eval format or the generator's format). Appends a readable report
 * to report (may be NULL). */
int dg_eval(dg_eval_result *res, dg_buf *report, const char *gold_path,
            const dg_meeting_list *predicted, const dg_eval_opts *opts,
            dg_diag *diag, dg_error *err);

#endif
