#ifndef DIPLOGRAPH_EVAL_H
#define DIPLOGRAPH_EVAL_H
/* Scoring extracted mentions against gold (../shared/eval/README.md).
 *
 * Three gold layouts are read, line by line, and may even be mixed:
 *  - eval:      {"doc":"NNN","meetings":[...]}   document = file NNN.txt
 *  - seed:      {"doc":"L14","line":14,"meetings":[...]}
 *               the meetings whose evidence starts on line 14: the line
 *               of source.byte in source.file when that file can be read
 *               (from the working directory), else source.line
 *  - generator: {"file":"corpus/zh_00001.txt","doc":0,...one meeting...}
 *               document = (file by path suffix, source.doc)
 * A prediction belongs to the first gold document whose key it matches
 * (generator, then seed, then eval). Predictions in no gold document are
 * false positives, unless opts.ignore_unknown drops those whose file the
 * gold does not know (see dg_eval_opts). An event record (with sources)
 * is placed by its first source.
 *
 * Points the rules leave open, as decided here:
 *  - a null predicted date agrees only with a null gold date (null is no
 *    prefix of anything); "exact date" counts equal strings, both null
 *    included;
 *  - names fold with OpenCC t2s, NFKC, case folding and accent stripping,
 *    then keep letters and digits only; folded names are equal when any
 *    gold name (name_en, name_orig/name_zh) equals any predicted one
 *    (name, name_zh); Latin words compare name_en with name and
 *    name_orig/name_zh with name_zh; containment needs two or more Han
 *    characters on both sides;
 *  - coverage: common >= 80% of gold countries and extra <= gold / 5;
 *    groups compare folded;
 *  - per document a maximum matching of the counted gold first, then of
 *    the optional gold over the predictions left; candidates are tried
 *    best first (kind, countries, exact date, place agreeing), so the
 *    result is deterministic for a given input order;
 *  - place accuracy compares case-folded English names, both null equal. */

#include "buf.h"
#include "error.h"
#include "meeting.h"

/* Per meeting kind: gold meetings by their gold kind, predictions by
 * their predicted kind. */
typedef struct {
    long gold, gold_matched;
    long predicted, predicted_matched;
} dg_eval_count;

typedef struct {
    long gold, predicted, matched;          /* optional gold excluded */
    long kind_ok, place_ok, date_exact;     /* over matched pairs */
    double precision, recall, f1;           /* 0 when the denominator is 0 */
    double kind_acc, place_acc, date_rate;
    /* added with the first implementation */
    long optional_gold;     /* gold meetings that count neither way */
    long optional_matched;  /* predictions absorbed by optional gold */
    long outside;           /* predictions in no gold document (FP unless ignored) */
    long ignored;           /* of those, dropped by opts.ignore_unknown */
    long gold_docs, negative_docs;
    long skipped_lines;     /* malformed gold lines reported through diag */
    dg_eval_count by_kind[DG_KIND_COUNT];
} dg_eval_result;

typedef enum {
    DG_EVAL_TEXT = 0,
    DG_EVAL_JSON
} dg_eval_format;

typedef struct {
    int show;  /* list each miss and false positive in the report */
    /* added with the first implementation */
    dg_eval_format format;  /* of the report */
    int strict_optional;    /* only "optional": true is optional; borderline
                               and implicit meetings count */
    int ignore_unknown;     /* drop predictions whose file the gold does not
                               know (eval format: no gold doc of that name;
                               generator format: no gold line for that file)
                               instead of counting them as false positives */
} dg_eval_opts;

#define DG_EVAL_OPTS_INIT { 0, DG_EVAL_TEXT, 0, 0 }

/* Scores predictions against the gold file's text (JSON Lines, either the
 * shared eval format or the generator's format). Appends a readable report
 * to report (may be NULL). Malformed gold lines are reported through diag
 * (file and line) and skipped. Returns DG_EIO when the gold file cannot be
 * read (err names it), DG_ENOMEM, else DG_OK. res is filled in on DG_OK. */
int dg_eval(dg_eval_result *res, dg_buf *report, const char *gold_path,
            const dg_meeting_list *predicted, const dg_eval_opts *opts,
            dg_diag *diag, dg_error *err);

/* The same with the gold text in memory; name labels the diagnostics.
 * opts may be NULL (defaults). */
int dg_eval_buf(dg_eval_result *res, dg_buf *report, const char *gold,
                size_t gold_len, const char *name,
                const dg_meeting_list *predicted, const dg_eval_opts *opts,
                dg_diag *diag, dg_error *err);

#endif
