/* Unit tests: the matching rules of shared/eval/README.md, one by one, and
 * the three gold layouts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diplograph/eval.h"

/* Predicted parties and meetings (the mention record of DESIGN.md). */
#define PP(name, zh, cc)                                                      \
    "{\"id\":\"p\",\"type\":\"person\",\"name\":" name ",\"name_zh\":" zh     \
    ",\"country\":" cc "}"
#define PC(cc) "{\"id\":\"country:" cc "\",\"type\":\"country\",\"country\":\"" cc "\"}"
#define PRED_AT(src, date, kind, group, parties)                              \
    "{\"kind\":\"" kind "\",\"date\":" date ",\"group\":" group               \
    ",\"parties\":[" parties "],\"source\":" src "}\n"
#define LINE_SRC(n) "{\"file\":\"c.txt\",\"doc\":0,\"line\":" #n "}"
#define PRED(date, kind, parties) PRED_AT(LINE_SRC(1), date, kind, "null", parties)

/* Gold participants, meetings and seed-style documents (line 1). */
#define GP(en, orig, cc) "{\"name_en\":" en ",\"name_orig\":" orig ",\"country\":" cc "}"
#define GC(cc) "{\"name_en\":null,\"name_orig\":null,\"country\":\"" cc "\"}"
#define GM(date, kind, parts)                                                 \
    "{\"date\":" date ",\"kind\":\"" kind "\",\"place\":null,\"participants\":[" parts "]}"
#define GDOC(meetings)                                                        \
    "{\"doc\":\"L1\",\"line\":1,\"lang\":\"zh-Hans\",\"meetings\":[" meetings "]}\n"

#define WANG GP("\"Wang Yi\"", "\"王毅\"", "\"CN\"")
#define LOCSIN GP("\"Teodoro Locsin Jr.\"", "\"洛钦\"", "\"PH\"")
#define P_WANG PP("\"Wang Yi\"", "\"王毅\"", "\"CN\"")
#define P_LOCSIN PP("\"Locsin\"", "null", "\"PH\"")

static int warnings_seen;

static void count_warn(void *ctx, const char *file, long line, const char *msg)
{
    (void)file;
    (void)line;
    (void)msg;
    ++*(int *)ctx;
}

static dg_eval_result score_opts(const char *gold, const char *preds,
                                 const dg_eval_opts *opts, dg_buf *report)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_eval_result res;
    dg_error err = DG_ERROR_INIT;
    int warned = 0;
    dg_diag diag = { count_warn, &warned, 0 };

    assert_int_equal(dg_meeting_read_buf(&l, preds, strlen(preds), "pred", &diag, &err), DG_OK);
    assert_int_equal(diag.count, 0); /* the test's predictions are well formed */
    memset(&res, 0xff, sizeof(res));
    assert_int_equal(dg_eval_buf(&res, report, gold, strlen(gold), "gold", &l, opts,
                                 &diag, &err),
                     DG_OK);
    warnings_seen = warned;
    dg_meeting_list_destroy(&l);
    return res;
}

static dg_eval_result score(const char *gold, const char *preds)
{
    return score_opts(gold, preds, NULL, NULL);
}

static long matches(const char *gold, const char *preds)
{
    return score(gold, preds).matched;
}

static void test_date_prefix(void **state)
{
    const char *gold = GDOC(GM("\"2021-06-07\"", "meet", WANG "," LOCSIN));
    const char *month = GDOC(GM("\"2021-06\"", "meet", WANG "," LOCSIN));

    (void)state;
    assert_int_equal(matches(gold, PRED("\"2021-06-07\"", "meet", P_WANG "," P_LOCSIN)), 1);
    assert_int_equal(matches(gold, PRED("\"2021-06\"", "meet", P_WANG "," P_LOCSIN)), 1);
    assert_int_equal(matches(gold, PRED("\"2021\"", "meet", P_WANG "," P_LOCSIN)), 1);
    assert_int_equal(matches(gold, PRED("\"2021-06-08\"", "meet", P_WANG "," P_LOCSIN)), 0);
    assert_int_equal(matches(month, PRED("\"2021-06-30\"", "meet", P_WANG "," P_LOCSIN)), 1);
    assert_int_equal(matches(month, PRED("\"2021-07-01\"", "meet", P_WANG "," P_LOCSIN)), 0);
    /* null is a prefix of nothing: a null prediction misses a dated gold */
    assert_int_equal(matches(gold, PRED("null", "meet", P_WANG "," P_LOCSIN)), 0);
}

static void test_null_gold_date(void **state)
{
    const char *gold = GDOC(GM("null", "meet", WANG "," LOCSIN));

    (void)state;
    assert_int_equal(matches(gold, PRED("\"2021-06-07\"", "meet", P_WANG "," P_LOCSIN)), 1);
    assert_int_equal(matches(gold, PRED("null", "meet", P_WANG "," P_LOCSIN)), 1);
}

static void test_fold_traditional_width_case(void **state)
{
    const char *gold = GDOC(GM("null", "meet",
                               GP("\"Wang Yi\"", "\"王毅\"", "\"CN\"") ","
                               GP("\"Sergey Lavrov\"", "\"拉夫羅夫\"", "\"RU\"")));

    (void)state;
    /* traditional 羅 in the gold, simplified 罗 predicted, no English */
    assert_int_equal(matches(gold, PRED("null", "meet",
                                        PP("null", "\"王毅\"", "\"CN\"") ","
                                        PP("null", "\"拉夫罗夫\"", "\"RU\""))), 1);
    /* full width, case and spaces */
    assert_int_equal(matches(gold, PRED("null", "meet",
                                        PP("\"ＷＡＮＧ　ＹＩ\"", "null", "\"CN\"") ","
                                        PP("\"LAVROV, sergey\"", "null", "\"RU\""))), 1);
    /* a different name of the same country does not pair */
    assert_int_equal(matches(gold, PRED("null", "meet",
                                        PP("null", "\"王毅\"", "\"CN\"") ","
                                        PP("null", "\"普京\"", "\"RU\""))), 0);
}

static void test_latin_word(void **state)
{
    const char *gold = GDOC(GM("null", "meet", WANG "," LOCSIN));
    const char *initials = GDOC(GM("null", "meet", GP("\"A Smith\"", "null", "\"GB\"")));

    (void)state;
    assert_int_equal(matches(gold, PRED("null", "meet", P_WANG "," P_LOCSIN)), 1);
    assert_int_equal(matches(gold, PRED("null", "meet",
                                        P_WANG "," PP("\"Teddy Boy Locsin\"", "null", "\"PH\""))),
                     1);
    /* a one-letter word is not enough */
    assert_int_equal(matches(initials, PRED("null", "meet", PP("\"A Jones\"", "null", "\"GB\""))), 0);
    /* the same word in another country's name does not pair */
    assert_int_equal(matches(gold, PRED("null", "meet", P_WANG "," PP("\"Locsin\"", "null", "\"US\""))), 0);
}

static void test_chinese_containment(void **state)
{
    const char *gold = GDOC(GM("null", "meet", WANG "," GP("null", "\"洛钦\"", "\"PH\"")));
    const char *one = GDOC(GM("null", "meet", WANG "," GP("null", "\"敦\"", "\"TH\"")));

    (void)state;
    assert_int_equal(matches(gold, PRED("null", "meet",
                                        P_WANG "," PP("null", "\"特奥多罗·洛钦\"", "\"PH\""))), 1);
    /* one character is too short to contain */
    assert_int_equal(matches(one, PRED("null", "meet",
                                       P_WANG "," PP("null", "\"巴拉敦\"", "\"TH\""))), 0);
    assert_int_equal(matches(one, PRED("null", "meet",
                                       P_WANG "," PP("null", "\"敦\"", "\"TH\""))), 1);
}

static void test_persons_one_to_one(void **state)
{
    const char *two = GDOC(GM("null", "meet", WANG "," LOCSIN));
    const char *same_country = GDOC(GM("null", "talks",
                                       WANG "," GP("\"Li Qiang\"", "\"李强\"", "\"CN\"")));

    (void)state;
    /* 2 gold persons vs 3 predicted */
    assert_int_equal(matches(two, PRED("null", "meet",
                                       P_WANG "," P_LOCSIN "," PP("\"Retno Marsudi\"", "null", "\"ID\""))),
                     0);
    /* 2 vs 1 */
    assert_int_equal(matches(two, PRED("null", "meet", P_WANG)), 0);
    /* both gold persons cannot pair with the same predicted one */
    assert_int_equal(matches(same_country, PRED("null", "talks", P_WANG "," P_WANG)), 0);
    /* country-only parties are not persons */
    assert_int_equal(matches(two, PRED("null", "meet", P_WANG "," P_LOCSIN "," PC("ID"))), 1);
}

#define LMC6_P PC("CN") "," PC("KH") "," PC("LA") "," PC("MM") "," PC("TH") "," PC("VN")
#define LMC6 GC("CN") "," GC("KH") "," GC("LA") "," GC("MM") "," GC("TH") "," GC("VN")

static void test_country_coverage(void **state)
{
    const char *gold = GDOC(GM("null", "multilateral", LMC6));

    (void)state;
    assert_int_equal(matches(gold, PRED("null", "multilateral",
                                        PC("CN") "," PC("KH") "," PC("LA") "," PC("MM") ","
                                        PC("TH") "," PC("VN"))), 1);
    /* 5 of 6 = 83% */
    assert_int_equal(matches(gold, PRED("null", "multilateral",
                                        PC("CN") "," PC("KH") "," PC("LA") "," PC("MM") "," PC("TH"))),
                     1);
    /* 4 of 6 = 67% */
    assert_int_equal(matches(gold, PRED("null", "multilateral",
                                        PC("CN") "," PC("KH") "," PC("LA") "," PC("MM"))), 0);
    /* one extra for six gold: 1 <= 6/5 */
    assert_int_equal(matches(gold, PRED("null", "multilateral",
                                        LMC6_P "," PC("JP"))), 1);
    /* two extra: too many */
    assert_int_equal(matches(gold, PRED("null", "multilateral",
                                        LMC6_P "," PC("JP") "," PC("KR"))), 0);
    /* a person's country counts as a predicted country */
    assert_int_equal(matches(gold, PRED("null", "multilateral",
                                        P_WANG "," PC("KH") "," PC("LA") "," PC("MM") "," PC("TH"))),
                     1);
}

static void test_group_equal(void **state)
{
    const char *gold = "{\"doc\":\"L1\",\"line\":1,\"meetings\":[{\"date\":null,\"kind\":\"multilateral\","
                       "\"group\":\"ASEAN\",\"participants\":[" GC("CN") "]}]}\n";

    (void)state;
    /* coverage fails (four extra countries) but the groups are equal */
    assert_int_equal(matches(gold, PRED_AT(LINE_SRC(1), "null", "multilateral", "\"asean\"",
                                           PC("CN") "," PC("PH") "," PC("ID") "," PC("MY") "," PC("TH"))),
                     1);
    assert_int_equal(matches(gold, PRED_AT(LINE_SRC(1), "null", "multilateral", "\"LMC\"",
                                           PC("CN") "," PC("PH") "," PC("ID") "," PC("MY") "," PC("TH"))),
                     0);
}

static void test_optional(void **state)
{
    const char *gold =
        "{\"doc\":\"L1\",\"line\":1,\"meetings\":["
        GM("\"2021-06-07\"", "meet", WANG "," LOCSIN) ","
        "{\"optional\":true,\"date\":null,\"kind\":\"meet\",\"participants\":["
        GP("\"Xi Jinping\"", "\"习近平\"", "\"CN\"") "," LOCSIN "]},"
        "{\"borderline\":true,\"date\":null,\"kind\":\"call\",\"participants\":["
        WANG "," GP("\"Retno Marsudi\"", "\"蕾特诺\"", "\"ID\"") "]}]}\n";
    const char *preds = PRED("\"2021-06-07\"", "meet", P_WANG "," P_LOCSIN)
        PRED("null", "meet", PP("null", "\"习近平\"", "\"CN\"") "," P_LOCSIN)
        PRED("null", "call", P_WANG "," PP("\"Retno\"", "null", "\"ID\""));
    dg_eval_opts strict = DG_EVAL_OPTS_INIT;
    dg_eval_result r;

    (void)state;
    r = score(gold, preds);
    assert_int_equal(r.gold, 1);
    assert_int_equal(r.predicted, 1);
    assert_int_equal(r.matched, 1);
    assert_int_equal(r.optional_gold, 2);
    assert_int_equal(r.optional_matched, 2);
    strict.strict_optional = 1;
    r = score_opts(gold, preds, &strict, NULL);
    assert_int_equal(r.gold, 2);
    assert_int_equal(r.predicted, 2);
    assert_int_equal(r.matched, 2);
    assert_int_equal(r.optional_gold, 1);
    /* an optional gold never takes a prediction a counted gold needs */
    r = score(gold, PRED("null", "meet", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 0); /* null date misses the dated gold */
    r = score("{\"doc\":\"L1\",\"line\":1,\"meetings\":["
              "{\"optional\":true,\"date\":null,\"kind\":\"meet\",\"participants\":[" WANG "," LOCSIN "]},"
              GM("null", "meet", WANG "," LOCSIN) "]}\n",
              PRED("null", "meet", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 1);
    assert_int_equal(r.predicted, 1);
    assert_int_equal(r.optional_matched, 0);
}

static void test_negative_and_outside(void **state)
{
    const char *gold =
        "{\"doc\":\"046\",\"lang\":\"en\",\"negative\":true,\"meetings\":[]}\n"
        "{\"doc\":\"047\",\"lang\":\"en\",\"negative\":false,\"meetings\":["
        GM("null", "meet", WANG "," LOCSIN) "]}\n";
    const char *preds =
        PRED_AT("{\"file\":\"docs/046.txt\",\"doc\":0,\"line\":1}", "null", "meet", "null", P_WANG "," P_LOCSIN)
        PRED_AT("{\"file\":\"/abs/docs/047.txt\",\"doc\":0,\"line\":1}", "null", "meet", "null", P_WANG "," P_LOCSIN)
        PRED_AT("{\"file\":\"docs/999.txt\",\"doc\":0,\"line\":1}", "null", "meet", "null", P_WANG "," P_LOCSIN);
    dg_eval_opts ign = DG_EVAL_OPTS_INIT;
    dg_eval_result r;

    (void)state;
    r = score(gold, preds);
    assert_int_equal(r.gold, 1);
    assert_int_equal(r.matched, 1);
    assert_int_equal(r.predicted, 3); /* negative doc and unknown doc: FPs */
    assert_int_equal(r.outside, 1);
    assert_int_equal(r.ignored, 0);
    assert_int_equal(r.gold_docs, 2);
    assert_int_equal(r.negative_docs, 1);
    ign.ignore_unknown = 1;
    r = score_opts(gold, preds, &ign, NULL);
    assert_int_equal(r.predicted, 2); /* the negative doc still counts */
    assert_int_equal(r.ignored, 1);
}

static void test_generator_format(void **state)
{
    const char *gold =
        "{\"file\":\"corpus/zh_00001.txt\",\"doc\":0,\"date\":\"2015-03-18\",\"kind\":\"meet\","
        "\"place\":\"Jerusalem\",\"participants\":[{\"name_en\":\"Benjamin Regev\",\"name_zh\":\"雷格夫\","
        "\"country\":\"IL\"},{\"name_en\":\"Du Yuhong\",\"name_zh\":\"杜宇洪\",\"country\":\"CN\"}],"
        "\"lang\":\"zh\",\"countries\":[\"IL\",\"CN\"],\"id\":1}\n"
        "{\"file\":\"corpus/zh_00001.txt\",\"doc\":1,\"date\":\"2020-07-03\",\"kind\":\"call\",\"place\":null,"
        "\"participants\":[],\"lang\":\"zh\",\"countries\":[\"CN\",\"BR\"],\"id\":2}\n";
    const char *preds =
        PRED_AT("{\"file\":\"/tmp/b/corpus/zh_00001.txt\",\"doc\":0,\"line\":1}", "\"2015-03-18\"", "meet",
                "null", PP("null", "\"雷格夫\"", "\"IL\"") "," PP("null", "\"杜宇洪\"", "\"CN\""))
        PRED_AT("{\"file\":\"/tmp/b/corpus/zh_00001.txt\",\"doc\":1,\"line\":5}", "\"2020-07-03\"", "call",
                "null", PC("CN") "," PC("BR"))
        /* doc 2 of a known file has no gold meeting: a false positive */
        PRED_AT("{\"file\":\"/tmp/b/corpus/zh_00001.txt\",\"doc\":2,\"line\":9}", "null", "meet",
                "null", P_WANG "," P_LOCSIN)
        /* a file the gold does not know */
        PRED_AT("{\"file\":\"/tmp/b/corpus/en_00002.txt\",\"doc\":0,\"line\":1}", "null", "meet",
                "null", P_WANG "," P_LOCSIN)
        /* the same file name in another directory is not the same file */
        PRED_AT("{\"file\":\"/tmp/b/other_zh_00001.txt\",\"doc\":0,\"line\":1}", "null", "meet",
                "null", P_WANG "," P_LOCSIN);
    dg_eval_opts ign = DG_EVAL_OPTS_INIT;
    dg_eval_result r;

    (void)state;
    r = score(gold, preds);
    assert_int_equal(r.gold, 2);
    assert_int_equal(r.matched, 2);
    assert_int_equal(r.predicted, 5);
    assert_int_equal(r.outside, 3);
    assert_int_equal(r.place_ok, 1); /* Jerusalem vs null */
    assert_int_equal(r.date_exact, 2);
    ign.ignore_unknown = 1;
    r = score_opts(gold, preds, &ign, NULL);
    assert_int_equal(r.predicted, 3);
    assert_int_equal(r.ignored, 2);
}

static void test_seed_format_by_line(void **state)
{
    const char *gold =
        "{\"doc\":\"L14\",\"line\":14,\"lang\":\"zh-Hans\",\"meetings\":[" GM("null", "meet", WANG "," LOCSIN) "]}\n"
        "{\"doc\":\"L15\",\"line\":15,\"lang\":\"zh-Hans\",\"meetings\":["
        GM("null", "meet", WANG "," GP("\"Erywan Yusof\"", "\"艾瑞万\"", "\"BN\"")) "]}\n";
    dg_eval_result r;

    (void)state;
    /* right meeting, wrong line: it belongs to L15's document */
    r = score(gold, PRED_AT(LINE_SRC(15), "null", "meet", "null", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 0);
    assert_int_equal(r.predicted, 1);
    r = score(gold, PRED_AT(LINE_SRC(14), "null", "meet", "null", P_WANG "," P_LOCSIN)
                    PRED_AT(LINE_SRC(2), "null", "meet", "null", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 1);
    assert_int_equal(r.predicted, 2);
    assert_int_equal(r.outside, 1);
}

static void test_seed_evidence_line(void **state)
{
    /* a three-line file read as one document: every mention has line 1,
     * and the evidence's byte says which gold line it belongs to */
    char path[] = "/tmp/dg-test-eval-XXXXXX";
    const char text[] = "statement\n王毅会见洛钦。\n王毅会见艾瑞万。\n";
    const char *gold =
        "{\"doc\":\"L2\",\"line\":2,\"meetings\":[" GM("null", "meet", WANG "," LOCSIN) "]}\n"
        "{\"doc\":\"L3\",\"line\":3,\"meetings\":["
        GM("null", "meet", WANG "," GP("\"Erywan Yusof\"", "\"艾瑞万\"", "\"BN\"")) "]}\n";
    char preds[2048];
    dg_eval_result r;
    int fd = mkstemp(path);

    (void)state;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, sizeof(text) - 1), (ssize_t)(sizeof(text) - 1));
    close(fd);
    snprintf(preds, sizeof(preds),
             "{\"kind\":\"meet\",\"date\":null,\"parties\":[%s,%s],"
             "\"source\":{\"file\":\"%s\",\"doc\":0,\"line\":1,\"byte\":10}}\n"
             "{\"kind\":\"meet\",\"date\":null,\"parties\":[%s,%s],"
             "\"source\":{\"file\":\"%s\",\"doc\":0,\"line\":1,\"byte\":%zu}}\n",
             P_WANG, P_LOCSIN, path, P_WANG, PP("null", "\"艾瑞万\"", "\"BN\""), path,
             strlen("statement\n王毅会见洛钦。\n") + 3);
    r = score(gold, preds);
    assert_int_equal(r.matched, 2);
    assert_int_equal(r.outside, 0);
    unlink(path);
    /* the file is gone: source.line (1) stands, and line 1 has no gold */
    r = score(gold, preds);
    assert_int_equal(r.matched, 0);
    assert_int_equal(r.outside, 2);
}

static void test_each_meeting_used_once(void **state)
{
    const char *gold = GDOC(GM("null", "meet", WANG "," LOCSIN) ","
                            GM("\"2021-06-07\"", "talks", WANG "," LOCSIN));
    dg_eval_result r;

    (void)state;
    /* two identical predictions for one gold: one TP, one FP */
    r = score(GDOC(GM("null", "meet", WANG "," LOCSIN)),
              PRED("null", "meet", P_WANG "," P_LOCSIN) PRED("null", "meet", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 1);
    assert_int_equal(r.predicted, 2);
    /* the dated prediction suits both golds, the other only the undated
     * one: a maximum matching pairs both */
    r = score(gold, PRED("\"2021-06-07\"", "meet", P_WANG "," P_LOCSIN)
                    PRED("\"2021-06-08\"", "meet", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 2);
    assert_int_equal(r.gold, 2);
}

static void test_attributes(void **state)
{
    const char *gold =
        "{\"doc\":\"L1\",\"line\":1,\"meetings\":["
        "{\"date\":\"2021-06\",\"kind\":\"cochair\",\"place\":\"Chongqing\",\"participants\":[" WANG "," LOCSIN "]},"
        "{\"date\":null,\"kind\":\"talks\",\"place\":null,\"participants\":[" WANG "," GP("\"Retno Marsudi\"", "null", "\"ID\"") "]}]}\n";
    const char *preds =
        "{\"kind\":\"multilateral\",\"date\":\"2021-06-07\",\"place\":{\"name\":\"CHONGQING\"},"
        "\"parties\":[" P_WANG "," P_LOCSIN "],\"source\":" LINE_SRC(1) "}\n"
        "{\"kind\":\"meet\",\"date\":null,\"place\":{\"name\":\"Beijing\"},"
        "\"parties\":[" P_WANG "," PP("\"Retno Marsudi\"", "null", "\"ID\"") "],\"source\":" LINE_SRC(1) "}\n";
    dg_buf report = DG_BUF_INIT;
    dg_eval_opts opts = DG_EVAL_OPTS_INIT;
    dg_eval_result r;

    (void)state;
    opts.show = 1;
    r = score_opts(gold, preds, &opts, &report);
    assert_int_equal(r.matched, 2);
    assert_int_equal(r.kind_ok, 1);    /* cochair = multilateral; talks != meet */
    assert_int_equal(r.place_ok, 1);   /* case folded; null != Beijing */
    assert_int_equal(r.date_exact, 1); /* 2021-06 != 2021-06-07; null = null */
    assert_int_equal(r.by_kind[DG_KIND_COCHAIR].gold, 1);
    assert_int_equal(r.by_kind[DG_KIND_MULTILATERAL].predicted, 1);
    assert_true(strncmp(report.ptr, "precision 1.000  recall 1.000  F1 1.000\n", 40) == 0);
    assert_non_null(strstr(report.ptr, "kind talks / meet"));
    assert_non_null(strstr(report.ptr, "date 2021-06 / 2021-06-07"));
    dg_buf_destroy(&report);
}

static void test_bad_gold_lines(void **state)
{
    const char *gold =
        "{\"doc\":\"L1\",\"line\":1,\"meetings\":[" GM("null", "meet", WANG "," LOCSIN) "]}\n"
        "{oops\n"
        "{\"doc\":\"L2\",\"line\":2,\"meetings\":[{\"kind\":\"party\",\"participants\":[]}]}\n"
        "{\"doc\":\"L3\",\"line\":3,\"meetings\":[{\"kind\":\"meet\",\"participants\":[{\"country\":7}]}]}\n"
        "[1,2]\n"
        "\n"
        "{\"doc\":\"L4\",\"line\":4}\n";
    dg_eval_result r;

    (void)state;
    r = score(gold, PRED("null", "meet", P_WANG "," P_LOCSIN));
    assert_int_equal(r.matched, 1);
    assert_int_equal(r.gold, 1);
    assert_int_equal(r.skipped_lines, 5);
    assert_int_equal(warnings_seen, 5);
}

static void test_json_report(void **state)
{
    dg_buf report = DG_BUF_INIT;
    dg_eval_opts opts = DG_EVAL_OPTS_INIT;
    cJSON *o;

    (void)state;
    opts.format = DG_EVAL_JSON;
    opts.show = 1;
    score_opts(GDOC(GM("null", "meet", WANG "," LOCSIN)),
               PRED("null", "talks", P_WANG "," P_LOCSIN) PRED("null", "call", P_WANG), &opts, &report);
    o = cJSON_Parse(report.ptr);
    assert_non_null(o);
    assert_true(cJSON_GetObjectItem(o, "precision")->valuedouble == 0.5);
    assert_true(cJSON_GetObjectItem(o, "recall")->valuedouble == 1.0);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(o, "false_positive_meetings")), 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(o, "missed_meetings")), 0);
    cJSON_Delete(o);
    dg_buf_destroy(&report);
}

static void test_unreadable_gold(void **state)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_eval_result r;
    dg_error err = DG_ERROR_INIT;

    (void)state;
    assert_int_equal(dg_eval(&r, NULL, "/nonexistent/gold.jsonl", &l, NULL, NULL, &err), DG_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/gold.jsonl"));
}

static void test_empty(void **state)
{
    dg_eval_result r;
    dg_buf report = DG_BUF_INIT;

    (void)state;
    r = score_opts("", "", NULL, &report);
    assert_int_equal(r.gold, 0);
    assert_int_equal(r.predicted, 0);
    assert_true(r.f1 == 0.0);
    assert_true(strncmp(report.ptr, "precision -  recall -  F1 -\n", 28) == 0);
    dg_buf_destroy(&report);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_prefix),
        cmocka_unit_test(test_null_gold_date),
        cmocka_unit_test(test_fold_traditional_width_case),
        cmocka_unit_test(test_latin_word),
        cmocka_unit_test(test_chinese_containment),
        cmocka_unit_test(test_persons_one_to_one),
        cmocka_unit_test(test_country_coverage),
        cmocka_unit_test(test_group_equal),
        cmocka_unit_test(test_optional),
        cmocka_unit_test(test_negative_and_outside),
        cmocka_unit_test(test_generator_format),
        cmocka_unit_test(test_seed_format_by_line),
        cmocka_unit_test(test_seed_evidence_line),
        cmocka_unit_test(test_each_meeting_used_once),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_bad_gold_lines),
        cmocka_unit_test(test_json_report),
        cmocka_unit_test(test_unreadable_gold),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
