/* Fuzz target: the gold reader of dg_eval and the matching behind it. The
 * input is gold JSON Lines, optionally followed by a line "#preds" and
 * prediction records, so the matcher sees fuzzed meetings on both sides.
 * Invariants: the counts add up and the ratios stay in [0, 1]. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char default_preds[] =
    "{\"kind\":\"meet\",\"date\":\"2021-06-07\",\"parties\":["
    "{\"id\":\"a\",\"type\":\"person\",\"name\":\"Wang Yi\",\"name_zh\":\"王毅\",\"country\":\"CN\"},"
    "{\"id\":\"b\",\"type\":\"person\",\"name_zh\":\"洛钦\",\"country\":\"PH\"}],"
    "\"source\":{\"file\":\"corpus/zh_00001.txt\",\"doc\":0,\"line\":14}}\n"
    "{\"kind\":\"multilateral\",\"date\":null,\"group\":\"LMC\",\"parties\":["
    "{\"id\":\"c\",\"type\":\"country\",\"country\":\"CN\"},{\"id\":\"d\",\"type\":\"country\",\"country\":\"LA\"}],"
    "\"source\":{\"file\":\"docs/002.txt\",\"doc\":1,\"line\":1}}\n";

static void check(const dg_eval_result *r)
{
    if (r->matched > r->gold || r->matched > r->predicted || r->precision < 0 ||
        r->precision > 1 || r->recall < 0 || r->recall > 1 || r->f1 < 0 || r->f1 > 1 ||
        r->kind_ok > r->matched || r->place_ok > r->matched || r->date_exact > r->matched ||
        r->ignored > r->outside)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *sep = NULL;
    size_t gold_len = size, i;
    dg_meeting_list preds = DG_MEETING_LIST_INIT;
    dg_diag diag = DG_DIAG_INIT;
    dg_error err = DG_ERROR_INIT;

    for (i = 0; i + 7 <= size; i++)
        if (memcmp(text + i, "#preds\n", 7) == 0 && (i == 0 || text[i - 1] == '\n')) {
            sep = text + i;
            break;
        }
    if (sep) {
        gold_len = (size_t)(sep - text);
        dg_meeting_read_buf(&preds, sep + 7, size - gold_len - 7, "preds", &diag, &err);
    } else {
        dg_meeting_read_buf(&preds, default_preds, sizeof(default_preds) - 1, "preds",
                            &diag, &err);
    }
    for (i = 0; i < 2; i++) {
        dg_eval_opts opts = DG_EVAL_OPTS_INIT;
        dg_eval_result res;
        dg_buf report = DG_BUF_INIT;
        opts.show = 1;
        opts.format = i ? DG_EVAL_JSON : DG_EVAL_TEXT;
        opts.strict_optional = (int)i;
        opts.ignore_unknown = (int)i;
        if (dg_eval_buf(&res, &report, text, gold_len, "fuzz", &preds, &opts, &diag,
                        &err) == DG_OK)
            check(&res);
        dg_buf_destroy(&report);
    }
    dg_meeting_list_destroy(&preds);
    return 0;
}
