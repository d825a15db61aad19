/* Unit tests: extraction of Chinese and English sentences, non-events,
 * dates, documents and readers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/extract.h"
#include "extract/extract_int.h"

static dg_gazetteer *gaz;

static int setup(void **state)
{
    dg_error err = DG_ERROR_INIT;

    (void)state;
    gaz = dg_gazetteer_new();
    if (!gaz || dg_gazetteer_load_file(gaz, DG_SOURCE_DIR "/tests/data/gazetteer/mini.json", &err) < 0 ||
        dg_extract_prepare(gaz, &err) < 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dg_gazetteer_free(gaz);
    return 0;
}

static int collect(void *ctx, dg_meeting *m)
{
    return dg_meeting_list_push(ctx, m);
}

/* Extracts text (one document) and returns a one-line summary per meeting:
 * "kind date place group | id/role id/role ..." */
static char *run(const char *text, const char *date)
{
    dg_extract_opts opts = DG_EXTRACT_OPTS_INIT;
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_document doc;
    dg_error err = DG_ERROR_INIT;
    dg_buf out = DG_BUF_INIT;
    size_t i, k;

    opts.gaz = gaz;
    memset(&doc, 0, sizeof(doc));
    doc.file = "t.txt";
    doc.text = text;
    doc.len = strlen(text);
    doc.line = 1;
    doc.date = date;
    doc.text_is_slice = 1;
    assert_int_equal(dg_extract_document(&doc, &opts, collect, &l, &err), DG_OK);
    for (i = 0; i < l.len; i++) {
        const dg_meeting *m = &l.items[i];
        dg_buf_addf(&out, "%s %s %s %s |", dg_kind_name(m->kind), m->date ? m->date : "-",
                    m->place_name ? m->place_name : "-", m->group ? m->group : "-");
        for (k = 0; k < m->n_parties; k++)
            dg_buf_addf(&out, " %s/%s", m->parties[k].id, dg_role_name(m->parties[k].role));
        dg_buf_addc(&out, '\n');
        /* evidence is the original bytes of the span */
        assert_int_equal(m->n_sources, 1);
        assert_memory_equal(text + m->sources[0].byte, m->evidence, 3);
    }
    dg_meeting_list_destroy(&l);
    return dg_buf_detach(&out);
}

#define EXPECT(text, date, want)               \
    do {                                       \
        char *got_ = run((text), (date));      \
        assert_string_equal(got_, (want));     \
        free(got_);                            \
    } while (0)

static void test_zh_meet_with_relative_clause(void **state)
{
    (void)state;
    EXPECT("2021年6月8日,國务委员兼外长王毅在重庆会见来华工作访问的缅甸外长温纳貌伦。",
           NULL,
           "meet 2021-06-08 Chongqing - | person:wang-yi/host person:wunna-maung-lwin/guest\n");
    /* an unknown name after country + title, kept as written */
    EXPECT("2021年6月8日，王毅在北京会见越南副总理阮春福。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:VN:阮春福/guest\n");
    /* a short name the gazetteer knows (敦, the Thai foreign minister)
     * under a vice minister's title is someone else */
    EXPECT("2021年6月8日，王毅在北京会见泰国外长敦。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:don-pramudwinai/guest\n");
    EXPECT("2021年6月8日，王毅在北京会见泰国副外长敦。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:TH:敦/guest\n");
    /* a long transliteration with no middle dot is a name when its Latin
     * original follows in parentheses, which also identifies it */
    EXPECT("2021年6月8日，习近平在北京会见国务卿安东尼约翰布林肯(Antony J. Blinken)。", NULL,
           "meet 2021-06-08 Beijing - | person:xi-jinping/host person:antony-blinken/guest\n");
    EXPECT("2021年6月8日，习近平在北京会见国务卿亚历山大汉密尔顿斯。", NULL, "");
}

static void test_zh_group_context_and_cochair(void **state)
{
    (void)state;
    EXPECT("纪念中国—东盟建立对话关系30周年特别外长会于2021年6月7日在中国重庆举行。"
           "中华人民共和国国务委员兼外交部长王毅和菲律宾共和国外交部长洛钦共同主持会议。",
           NULL,
           "cochair 2021-06-07 Chongqing ASEAN | person:wang-yi/chair person:teodoro-locsin-jr/chair"
           " country:BN/participant country:KH/participant country:ID/participant"
           " country:LA/participant country:MM/participant country:TH/participant country:VN/participant\n");
}

static void test_zh_calls_and_dates(void **state)
{
    (void)state;
    /* 同…通电话, a day of the dateline's month, no place for a call */
    EXPECT("新华社北京6月9日电 国家主席习近平8日应约同俄罗斯外长拉夫罗夫通电话。", "2021-06-09",
           "call 2021-06-08 - - | person:xi-jinping/participant person:sergey-lavrov/participant\n");
    /* 次日 is the day after the last meeting, once, also in a sentence
     * that names a group meeting */
    EXPECT("新华社北京6月9日电 6月7日,王毅在出席东盟外长会期间会见俄罗斯外长拉夫罗夫。"
           "王毅次日在出席东盟外长会期间会见了越南外长裴青山。", "2021-06-09",
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:bui-thanh-son/guest\n");
    /* no year anywhere: the date stays unknown rather than invented */
    EXPECT("习近平8日在北京会见拉夫罗夫。", NULL,
           "meet - Beijing - | person:xi-jinping/host person:sergey-lavrov/guest\n");
}

static void test_zh_non_events(void **state)
{
    (void)state;
    EXPECT("王毅将于下周在北京会见拉夫罗夫。", NULL, "");             /* a plan */
    EXPECT("两国外长去年通了100多次电话，11次会晤。", NULL, "");     /* counts */
    EXPECT("2021年6月7日，王毅在北京会见记者。", NULL, "");          /* the press */
    EXPECT("王毅表示，习近平主席会见西哈莫尼国王，推动两国关系。", NULL, ""); /* speech */
    EXPECT("王毅欢迎洛钦外长来华共同主持会议。", NULL, "");          /* a welcome */
}

static void test_zh_separately_and_partners(void **state)
{
    (void)state;
    /* 分别会见: one meeting per counterpart */
    EXPECT("2021年6月8日，王毅在北京分别会见俄罗斯外长拉夫罗夫和越南外长裴青山。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:bui-thanh-son/guest\n");
    /* the partner after 与 past a relative clause; a stated country wins
     * over a gazetteer official of another country */
    EXPECT("2021年6月8日，王毅在北京与来华访问的越南外长阮明月举行会谈。", NULL,
           "talks 2021-06-08 Beijing - | person:wang-yi/host person:VN:阮明月/guest\n");
    EXPECT("2021年6月8日，王毅在北京与越南外长拉夫罗夫举行会谈。", NULL,
           "talks 2021-06-08 Beijing - | person:wang-yi/host person:VN:拉夫罗夫/guest\n");
}

static void test_zh_headline_and_body_are_one(void **state)
{
    (void)state;
    EXPECT("王毅会见拉夫罗夫\n2021年6月7日，国务委员兼外长王毅在北京会见俄罗斯外长拉夫罗夫。", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
}

static void test_zh_title_only_parties(void **state)
{
    (void)state;
    /* a country named by its office: a country party with the title */
    EXPECT("2021年6月7日，王毅同菲律宾外长通电话。", NULL,
           "call 2021-06-07 - - | person:wang-yi/participant country:PH/participant\n");
    EXPECT("2023年9月21日，俄罗斯外长与越南外长举行会谈。", NULL,
           "talks 2023-09-21 - - | country:RU/host country:VN/guest\n");
    /* more of a title (总统府): no party of its own */
    EXPECT("2021年6月7日，王毅在菲律宾总统府会见洛钦。", NULL,
           "meet 2021-06-07 - - | person:wang-yi/host person:teodoro-locsin-jr/guest\n");
    /* the headline's office and the body's name: one meeting, the name */
    EXPECT("王毅会见俄罗斯外长\n2021年6月7日，王毅在北京会见俄罗斯外长拉夫罗夫。", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    EXPECT("2021年6月7日，王毅在北京会见俄罗斯外长拉夫罗夫。\n王毅会见俄罗斯外长。", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
}

static void test_en_forms(void **state)
{
    (void)state;
    EXPECT("Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergey Lavrov in Beijing on June 7, 2021.",
           NULL, "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    EXPECT("Secretary of State Antony J. Blinken held talks with French Foreign Minister Jean-Yves Le Drian in Paris on 7 June 2021.",
           NULL, "talks 2021-06-07 Paris - | person:antony-blinken/guest person:FR:Jean-Yves Le Drian/host\n");
    EXPECT("Wang Yi had a phone call with Blinken on Tuesday.", "2021-06-10",
           "call 2021-06-08 - - | person:wang-yi/participant person:antony-blinken/participant\n");
    EXPECT("The Sixth Lancang-Mekong Cooperation (LMC) Foreign Ministers' Meeting was held in Chongqing, "
           "the People's Republic of China, on 8 June 2021.", NULL,
           "multilateral 2021-06-08 Chongqing LMC | country:CN/participant country:KH/participant"
           " country:LA/participant country:MM/participant country:TH/participant country:VN/participant\n");
}

/* rules of this kind: a segmentation trap, a setting, a day word, bodies,
 * attendees named after the meeting, a headline on the story's line */
static void test_zh_traps(void **state)
{
    (void)state;
    /* 同意大利 is 同 + 意大利 (with Italy), not 同意 (agree) */
    EXPECT("2021年6月8日,王毅在北京同意大利外长拉夫罗夫举行会谈。", NULL,
           "talks 2021-06-08 Beijing - | person:wang-yi/host person:IT:拉夫罗夫/guest\n");
    EXPECT("2021年6月8日,双方同意在北京举行会谈。", NULL, "");
    /* a visit followed by 期间 is the setting of the meeting after it */
    EXPECT("2021年6月8日,王毅在对越南进行正式访问期间,在河内会见越南外长裴青山。", NULL,
           "meet 2021-06-08 - - | person:wang-yi/guest person:bui-thanh-son/host\n");
    /* 次日 is a day, not a count (11次会晤) */
    EXPECT("2021年6月7日,王毅在北京会见拉夫罗夫。王毅次日会见了越南外长裴青山。", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "meet 2021-06-08 - - | person:wang-yi/host person:bui-thanh-son/guest\n");
    /* named attendees of a meeting of no known group; 理事会 is no name */
    EXPECT("2021年6月8日,王毅出席中俄越外长第三次会晤,俄罗斯外长拉夫罗夫和越南外长裴青山出席。", NULL,
           "multilateral 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant"
           " person:bui-thanh-son/participant\n");
    /* 在京 is in Beijing, 京津冀 is not */
    EXPECT("2021年6月8日,王毅在京会见俄罗斯外长拉夫罗夫。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    EXPECT("2021年6月8日,王毅在京津冀会见俄罗斯外长拉夫罗夫。", NULL,
           "meet 2021-06-08 - - | person:wang-yi/host person:sergey-lavrov/guest\n");
    /* a space between Han characters ends the headline's sentence */
    EXPECT("王毅晤拉夫罗夫 称中方希望加强合作 2021年6月8日,王毅在北京会见俄罗斯外长拉夫罗夫。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
}

static void test_zh_fronted_and_invited(void **state)
{
    (void)state;
    /* 与X、Y分别会谈时，Z说: the counterparts in the clause, the subject
     * after 时，, one meeting each */
    EXPECT("2021年6月8日,与拉夫罗夫、布林肯分别会谈时,王毅说,双方要加强合作。", NULL,
           "talks 2021-06-08 - - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "talks 2021-06-08 - - | person:wang-yi/host person:antony-blinken/guest\n");
    /* 在会见X时，Z表示; a date in what Z says is not the meeting's */
    EXPECT("在会见拉夫罗夫时,王毅表示,昨天(6月7日),两国元首举行了会晤。", "2021-06-08",
           "meet - - - | person:wang-yi/host person:sergey-lavrov/guest\n");
    /* the inviters of 应X邀请 are not the visitor */
    EXPECT("2021年6月8日,国家主席习近平乘专机抵达河内,应越南国家主席阮春福邀请,对越南进行国事访问。",
           NULL, "visit 2021-06-08 - - | person:xi-jinping/guest person:VN:阮春福/host\n");
    /* 你 in what is said to the counterpart of the meeting reported;
     * those who 出席会晤 join that meeting, not the call recalled */
    EXPECT("2021年6月8日,习近平在北京会见俄罗斯外长拉夫罗夫。习近平表示,前不久王毅同你通了电话。"
           "王毅等出席会晤。", NULL,
           "meet 2021-06-08 Beijing - | person:xi-jinping/host person:sergey-lavrov/guest"
           " person:wang-yi/host\n"
           "call - - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* 总统先生 and 我同总统先生: the pair just reported; the date in
     * brackets after 今天 says which day */
    EXPECT("2021年6月8日,王毅在北京会见俄罗斯外长拉夫罗夫。王毅表示,前天(6月6日)习近平主席同外长先生"
           "通了电话。昨天我同外长先生通了电话。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "call 2021-06-06 - - | person:xi-jinping/participant person:sergey-lavrov/participant\n"
           "call 2021-06-07 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* leaving for a meeting is not yet attending it, nor the visit */
    EXPECT("2021年6月8日上午,王毅乘专机离开北京,赴金边出席东盟外长会,并对柬埔寨进行正式访问。",
           NULL, "");
    EXPECT("2021年6月8日上午,王毅在金边出席东盟外长会。", NULL,
           "multilateral 2021-06-08 - ASEAN | person:wang-yi/participant country:BN/participant"
           " country:KH/participant country:ID/participant country:LA/participant"
           " country:MM/participant country:PH/participant country:TH/participant"
           " country:VN/participant\n");
    /* a group's name for its meeting (东盟外长会议) names the meeting
     * attended; finishing it, arriving for it, its eve or occasion frame
     * something else on another day */
    EXPECT("2021年6月8日上午,王毅在金边出席东盟外长会议。", NULL,
           "multilateral 2021-06-08 - ASEAN | person:wang-yi/participant country:BN/participant"
           " country:KH/participant country:ID/participant country:LA/participant"
           " country:MM/participant country:PH/participant country:TH/participant"
           " country:VN/participant\n");
    EXPECT("2021年6月9日,王毅在结束出席东盟外长会议后回到北京。", NULL, "");
    EXPECT("2021年6月7日晚,王毅抵达金边,出席东盟外长会议。", NULL, "");
    EXPECT("2021年6月7日,在王毅出席东盟外长会议之际,两国举办展览。", NULL, "");
    EXPECT("2021年6月7日,王毅在主持东盟外长会议前夕听取汇报。", NULL, "");
    /* a meeting of no known group said to be held, its attendants named
     * before 出席 */
    EXPECT("2020年1月3日,第五次中俄越三方外长对话在北京举行,王毅、俄罗斯外长拉夫罗夫和越南外长裴青山出席。",
           NULL,
           "multilateral 2020-01-03 Beijing - | person:wang-yi/participant"
           " person:sergey-lavrov/participant person:bui-thanh-son/participant\n");
    /* the end of a visit, or its occasion, is no visit that day; the
     * arrival begins one */
    EXPECT("2021年6月9日,王毅结束对越南的正式访问回到北京。", NULL, "");
    EXPECT("2021年6月8日,在王毅对越南进行正式访问之际,两国举办展览。", NULL, "");
    EXPECT("2021年6月7日,王毅抵达河内,对越南进行正式访问。", NULL,
           "visit 2021-06-07 - - | person:wang-yi/guest country:VN/host\n");
    /* a video meeting recalled during a call is an earlier meeting */
    EXPECT("2021年6月8日,王毅应约同俄罗斯外长拉夫罗夫通电话。王毅表示,春节前夕我同外长先生视频会晤。",
           NULL,
           "call 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant\n"
           "video_call - - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* 3年前 names no day: not the one just reported */
    EXPECT("2021年6月8日,王毅在北京会见俄罗斯外长拉夫罗夫。3年前,王毅出席了东盟外长会。", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "multilateral - - ASEAN | person:wang-yi/participant country:BN/participant"
           " country:KH/participant country:ID/participant country:LA/participant"
           " country:MM/participant country:PH/participant country:TH/participant"
           " country:VN/participant\n");
    /* a visit to where the visitor arrived */
    EXPECT("2021年6月7日晚,王毅飞抵越南,进行正式访问。", NULL,
           "visit 2021-06-07 - - | person:wang-yi/guest country:VN/host\n");
    /* a place anchors a recollection in reported speech as a date does */
    EXPECT("拉夫罗夫表示,两国关系发展良好。王毅同布林肯在北京举行会晤,达成重要共识。", "2024-03-01",
           "meet - Beijing - | person:wang-yi/host person:antony-blinken/guest\n");
    EXPECT("拉夫罗夫表示,两国关系发展良好。王毅同布林肯举行会晤,达成重要共识。", "2024-03-01", "");
    /* a month of last year in reported speech is a date of its own */
    EXPECT("拉夫罗夫表示,两国关系发展良好。去年11月,王毅同布林肯在北京举行会晤。", "2024-03-01",
           "meet 2023-11 Beijing - | person:wang-yi/host person:antony-blinken/guest\n");
}

static void test_en_anaphora_and_counterparts(void **state)
{
    (void)state;
    /* "his Chilean counterpart" stands for a title before an unknown name */
    EXPECT("Wang Yi held talks with his Vietnamese counterpart, Tran Van Nam, in Beijing on June 7, 2021.",
           NULL, "talks 2021-06-07 Beijing - | person:wang-yi/host person:VN:Tran Van Nam/guest\n");
    /* an honorific makes an unknown name a person */
    EXPECT("Wang Yi met Mr. Tran Van Nam in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person::Tran Van Nam/guest\n");
    /* a portfolio after a known title, a possessive of a plural country,
     * 'visiting', a title word that begins a name (Sultan bin ...) */
    EXPECT("French Foreign Minister Tran Van Nam met Vietnam's Minister of Foreign Affairs and "
           "Expatriates Le Hoai in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person:FR:Tran Van Nam/participant person:VN:Le Hoai/participant\n");
    EXPECT("Wang Yi met visiting Vietnamese President Sultan bin Nam in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:VN:Sultan bin Nam/guest\n");
    /* a surname after an honorific or an unknown title word: an official
     * named in full elsewhere in the document */
    EXPECT("Wang Yi met Vietnamese Foreign Minister Bui Thanh Son in Beijing on June 7, 2021. "
           "On June 8, 2021, Ambassador Lavrov and Mr Bui met in Paris.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:bui-thanh-son/guest\n"
           "meet 2021-06-08 Paris - | person:sergey-lavrov/participant person:bui-thanh-son/participant\n");
    /* the one year a sentence names completes a month and day */
    EXPECT("It resumed in 2019 when Lavrov and Blinken met in Paris on Jan 27.", NULL,
           "meet 2019-01-27 Paris - | person:sergey-lavrov/participant person:antony-blinken/participant\n");
    EXPECT("From 2018 to 2019 Lavrov and Blinken met in Paris on Jan 27.", NULL,
           "meet - Paris - | person:sergey-lavrov/participant person:antony-blinken/participant\n");
    /* a meeting told by country, then by person: one meeting, the person
     * kept; a visit each way is no such pair */
    EXPECT("Wang Yi met with leaders of Russia and Vietnam on June 7, 2021. Wang Yi met with "
           "Vietnamese Foreign Minister Bui Thanh Son in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 - - | person:wang-yi/host country:RU/guest\n"
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:bui-thanh-son/guest\n");
    /* "the two heads of state": the pair of the last meeting */
    EXPECT("Xi Jinping held talks with Sergey Lavrov in Beijing on June 9, 2021. "
           "On Tuesday, the two heads of state held a meeting in Beijing.", NULL,
           "talks 2021-06-09 Beijing - | person:xi-jinping/host person:sergey-lavrov/guest\n"
           "meet 2021-06-08 Beijing - | person:xi-jinping/host person:sergey-lavrov/guest\n");
}

static void test_en_unnamed_group_meetings(void **state)
{
    (void)state;
    /* chaired, with named attendees, of no known group */
    EXPECT("Wang Yi chaired the 16th Russia-China-Vietnam Foreign Ministers' Meeting in Beijing on "
           "June 7, 2021, which was attended by Sergey Lavrov and Vietnamese Foreign Minister Bui Thanh Son.",
           NULL,
           "multilateral 2021-06-07 Beijing - | person:wang-yi/chair person:sergey-lavrov/participant"
           " person:bui-thanh-son/participant\n");
    /* attended, along with ministers named by country */
    EXPECT("Wang Yi attended the second China-Russia-Vietnam Foreign Ministers' Dialogue on June 7, 2021, "
           "along with the foreign ministers of Russia and Vietnam.", NULL,
           "multilateral 2021-06-07 - - | person:wang-yi/participant country:RU/participant"
           " country:VN/participant\n");
    /* whoever opens the meeting just reported joins it */
    EXPECT("The Foreign Ministers of China, Russia and Vietnam held a meeting in Paris on June 7, 2021. "
           "The meeting was inaugurated by Mr. Tran Van Nam.", NULL,
           "multilateral 2021-06-07 Paris - | country:CN/participant country:RU/participant"
           " country:VN/participant person::Tran Van Nam/participant\n");
    /* a chaired meeting with one attendee is no group meeting */
    EXPECT("Wang Yi chaired a meeting in Beijing on June 7, 2021, attended by Sergey Lavrov.", NULL, "");
}

/* the prescan lets through every document with a trigger of either
 * grammar: a trigger it misses could never fire */
static void test_prescan_passes_every_trigger(void **state)
{
    size_t i, missed = 0;

    (void)state;
    for (i = 0; i < dg_xen_trigger_count() + dg_xzh_event_trigger_count(); i++) {
        const char *t = i < dg_xen_trigger_count() ? dg_xen_trigger(i)
                                                   : dg_xzh_trigger(i - dg_xen_trigger_count());
        if (!dg_gazetteer_prescan(gaz, t, strlen(t))) {
            print_message("the prescan misses \"%s\"\n", t);
            missed++;
        }
    }
    assert_int_equal(missed, 0);
}

static void test_meetings_by_video(void **state)
{
    (void)state;
    /* a meeting or talks held by video is a video call, with no place */
    EXPECT("2021年6月8日,王毅在北京以视频方式会见俄罗斯外长拉夫罗夫。", NULL,
           "video_call 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    EXPECT("2021年6月8日,王毅通过视频连线同俄罗斯外长拉夫罗夫举行会谈。", NULL,
           "video_call 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    EXPECT("On June 8, 2021, Wang Yi met virtually with Russian Foreign Minister Sergey Lavrov.", NULL,
           "video_call 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    EXPECT("On June 8, 2021, Wang Yi held talks with Sergey Lavrov via video link.", NULL,
           "video_call 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* the video is someone else's: a meeting */
    EXPECT("On June 8, 2021, Wang Yi met Sergey Lavrov in Beijing, and watched a video on trade.", NULL,
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
}

static void test_dialogue_rounds(void **state)
{
    (void)state;
    /* the Nth round of a strategic dialogue is talks; an ordinal (第二轮,
     * 首轮) is one meeting, a number of rounds (两轮) a count */
    EXPECT("2019年11月18日,王毅同俄罗斯外长拉夫罗夫在北京举行第二轮中俄战略对话。", NULL,
           "talks 2019-11-18 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    EXPECT("2019年11月18日,王毅同拉夫罗夫在北京举行首轮战略对话。", NULL,
           "talks 2019-11-18 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    EXPECT("两国外长去年举行了两轮战略对话。", NULL, "");
    EXPECT("On November 18, 2019, Wang Yi and Russian Foreign Minister Sergey Lavrov held the first "
           "round of the China-Russia Strategic Dialogue in Beijing.", NULL,
           "talks 2019-11-18 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    /* an adverb after a title is no name: 外长首次出席 */
    EXPECT("2021年6月8日,俄罗斯外长首次出席东盟外长会。", NULL,
           "multilateral 2021-06-08 - ASEAN | country:RU/participant country:BN/participant"
           " country:KH/participant country:ID/participant country:LA/participant"
           " country:MM/participant country:PH/participant country:TH/participant"
           " country:VN/participant\n");
}

static void test_en_dialogue_sessions(void **state)
{
    (void)state;
    /* a known first name followed by more of a name is someone else, even
     * when that is inside a word of the official's name (Marsudi) */
    EXPECT("Wang Yi met Indonesian Foreign Minister Retno Arsudi in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:ID:Retno Arsudi/guest\n");
    EXPECT("Wang Yi met Indonesian Foreign Minister Retno Marsudi in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:retno-marsudi/guest\n");
    /* a visitor met in the host country by someone of no stated country:
     * the meeting covers the visit */
    EXPECT("Deputy Foreign Minister Li Kebo met with Russian Foreign Minister Sergey Lavrov, who is "
           "on an official visit to China, in Beijing on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person::Li Kebo/participant person:sergey-lavrov/participant\n");
    /* a fronted call is when the subject said what the document dates
     * elsewhere ("Wang on Tuesday urged") */
    EXPECT("BEIJING, June 9, 2021 -- Wang on Tuesday urged all sides to show restraint.\n"
           "In a phone call with Russian Foreign Minister Sergey Lavrov, Wang Yi said that ...", NULL,
           "call 2021-06-08 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* the attendants given as "the foreign ministers of" countries */
    EXPECT("On June 7, 2021, the foreign ministers of Russia, Vietnam and Thailand attended the first "
           "Foreign Ministers' Meeting on Afghanistan in Beijing, which was chaired by Wang Yi.", NULL,
           "multilateral 2021-06-07 Beijing - | country:RU/participant country:VN/participant"
           " country:TH/participant person:wang-yi/chair\n");
    /* a title of another country on a known surname: a namesake */
    EXPECT("Secretary of State Lavrov met with Foreign Minister Wang Yi in Washington on June 7, 2021.",
           NULL, "meet 2021-06-07 - - | person:US:Lavrov/host person:wang-yi/guest\n");
    /* whose envoy: "of the Prime Minister" is part of the title */
    EXPECT("Wang Yi and Indonesian Special Envoy of the Prime Minister Budi Santoso held talks in "
           "Beijing on June 7, 2021.", NULL,
           "talks 2021-06-07 Beijing - | person:wang-yi/host person:ID:Budi Santoso/guest\n");
    /* "the following day": the day after the last meeting */
    EXPECT("Wang Yi met Sergey Lavrov in Beijing on June 7, 2021. Wang also met with Vietnamese "
           "Foreign Minister Bui Thanh Son the following day.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "meet 2021-06-08 Beijing - | person:wang-yi/host person:bui-thanh-son/guest\n");
    /* a past session of the dialogue the report names: the two countries,
     * the host by the place; "last year" against the dateline */
    EXPECT("PARIS, June 7, 2021 -- China and France will hold the second strategic dialogue in "
           "Beijing on June 20. The first dialogue was held in Paris last year on March 19.",
           NULL, "talks 2020-03-19 Paris - | country:CN/guest country:FR/host\n");
    EXPECT("PARIS, June 7, 2021 -- China and France will hold the second strategic dialogue. "
           "The first session was held in Paris on March 19 last year.",
           NULL, "talks 2020-03-19 Paris - | country:CN/guest country:FR/host\n");
    /* no date or no place of its own, or a plan: nothing */
    EXPECT("PARIS, June 7, 2021 -- China and France will hold the second strategic dialogue. "
           "The first dialogue was held in Paris.", NULL, "");
    EXPECT("PARIS, June 7, 2021 -- China and France will hold the second strategic dialogue. "
           "The second dialogue will be held in Paris on March 19.", NULL, "");
    /* a publication line at the end dates the report; the year the
     * sentence names dates its month and day */
    EXPECT("It resumed in 2014 when Wang Yi and Sergey Lavrov met in Paris on Jan 27.\n"
           "Published in Le Monde, February 16th, 2016", NULL,
           "meet 2014-01-27 Paris - | person:wang-yi/participant person:sergey-lavrov/participant\n");
}

static void test_en_fronted_clauses(void **state)
{
    (void)state;
    /* the clause's object is the counterpart, the subject follows it */
    EXPECT("On June 7, 2021, when meeting with Russian Foreign Minister Sergey Lavrov in Beijing, "
           "Wang Yi said the two countries should deepen cooperation.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    EXPECT("During a phone call with Sergey Lavrov on June 7, 2021, Wang Yi said that ...", NULL,
           "call 2021-06-07 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* a list item; "his Russian counterpart" unnamed: the one Russian
     * official the document names */
    EXPECT("Wang Yi met Sergey Lavrov in Beijing on June 7, 2021.\n"
           "- In a phone call with his Russian counterpart on June 9, 2021, Wang Yi said ...", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "call 2021-06-09 - - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    /* a visit is covered only by a meeting of the same trip; the second
     * event of a sentence takes its own clause's date */
    EXPECT("Wang Yi visited Russia in May 2019 and this was followed by Lavrov's visit to China in "
           "June that year. On June 7, 2021, Wang Yi met Sergey Lavrov in Beijing.", NULL,
           "visit 2019-05 - - | person:wang-yi/guest country:RU/host\n"
           "visit 2019-06 - - | person:sergey-lavrov/guest country:CN/host\n"
           "meet 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n");
    /* "the visiting dignitary" is the visitor just reported; "Later," is
     * the same day */
    EXPECT("On June 7, 2021, Wang Yi held talks with Sergey Lavrov in Beijing. Later, Xi Jinping "
           "called on the visiting dignitary.", NULL,
           "talks 2021-06-07 Beijing - | person:wang-yi/host person:sergey-lavrov/guest\n"
           "meet 2021-06-07 - - | person:xi-jinping/guest person:sergey-lavrov/host\n");
    /* visits to a list of countries: one each */
    EXPECT("On June 7, 2021, Antony Blinken visited Vietnam and Cambodia.", NULL,
           "visit 2021-06-07 - - | person:antony-blinken/guest country:VN/host\n"
           "visit 2021-06-07 - - | person:antony-blinken/guest country:KH/host\n");
    /* a meeting named by a noun: "the summit between X and Y" */
    EXPECT("They built on the progress made at the summit between Wang Yi and Sergey Lavrov in Beijing "
           "on June 7, 2021.", NULL,
           "meet 2021-06-07 Beijing - | person:wang-yi/participant person:sergey-lavrov/participant\n");
    EXPECT("The meeting between Wang Yi and Sergey Lavrov will take place in Beijing.", NULL, "");
    /* not at the start of the sentence, or no subject right after it */
    EXPECT("Wang Yi is in talks with Sergey Lavrov about the visit on June 7, 2021.", NULL, "");
    EXPECT("When meeting with Sergey Lavrov on June 7, 2021, he said that Wang Yi agreed.", NULL, "");
}

static void test_en_non_events(void **state)
{
    (void)state;
    /* at someone's invitation is done; an invitation to come is a plan */
    EXPECT("At the invitation of Sergey Lavrov, Wang Yi paid an official visit to Russia on June 7, 2021.",
           NULL, "visit 2021-06-07 - - | person:wang-yi/guest person:sergey-lavrov/host\n");
    EXPECT("Wang Yi accepted an invitation to pay an official visit to Russia on June 7, 2021.", NULL, "");
    EXPECT("Wang Yi will meet Lavrov in Beijing next week.", NULL, "");
    EXPECT("Blinken is expected to hold talks with Wang Yi.", NULL, "");
    EXPECT("Wang Yi met the press in Beijing on June 7, 2021.", NULL, "");
    EXPECT("Lavrov and Wang Yi last met in 2019.", NULL, "");
}

static void test_dates(void **state)
{
    xdate d, ref = { 2021, 6, 9 };

    (void)state;
    assert_int_equal(dg_xdate_zh_at(&d, "2021年6月7日", strlen("2021年6月7日"), &ref), strlen("2021年6月7日"));
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20210607);
    assert_true(dg_xdate_zh_at(&d, "7日", strlen("7日"), &ref) > 0);
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20210607);
    assert_true(dg_xdate_zh_at(&d, "昨天", strlen("昨天"), &ref) > 0);
    assert_int_equal(d.d, 8);
    assert_true(dg_xdate_zh_at(&d, "去年12月", strlen("去年12月"), &ref) > 0);
    assert_int_equal(d.y * 100 + d.m, 202012);
    assert_true(dg_xdate_zh_at(&d, "6月7日至9日", strlen("6月7日至9日"), &ref) > 0);
    assert_int_equal(d.d, 7);
    assert_int_equal(dg_xdate_zh_at(&d, "2021年", strlen("2021年"), &ref), 0); /* a year is no date */
    assert_int_equal(dg_xdate_zh_at(&d, "2月30日", strlen("2月30日"), &ref), 0);
    assert_true(dg_xdate_en_at(&d, "jun. 7, 2021", 12, &ref) > 0);
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20210607);
    assert_true(dg_xdate_en_at(&d, "2021-06-07", 10, &ref) > 0);
    assert_int_equal(dg_xdate_en_at(&d, "may i", 5, &ref), 0);
    /* a month or day of 0 is no date (it read as "unknown", and 0月30日
     * took the reference's month: fuzz_date) */
    assert_int_equal(dg_xdate_zh_at(&d, "2020年0月30日", strlen("2020年0月30日"), &ref), 0);
    assert_int_equal(dg_xdate_zh_at(&d, "0月30日", strlen("0月30日"), &ref), 0);
    assert_int_equal(dg_xdate_zh_at(&d, "6月0日", strlen("6月0日"), &ref), 0);
    assert_int_equal(dg_xdate_zh_at(&d, "00日", strlen("00日"), &ref), 0);
    assert_int_equal(dg_xdate_en_at(&d, "2021-00-07", 10, &ref), 0);
    assert_int_equal(dg_xdate_en_at(&d, "0 june 2021", 11, &ref), 0);
    assert_int_equal(dg_xdate_en_at(&d, "june 0, 2021", 12, &ref), 0);
    dg_xdate_reference(&d, "", 0, "2021-00-20");
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20210000);
    {
        char *s = dg_xdate_format(&(xdate){ 2021, 6, 0 });
        assert_string_equal(s, "2021-06");
        free(s);
        assert_null(dg_xdate_format(&(xdate){ 0, 6, 7 }));
    }
}

typedef struct {
    char log[1024];
    long starts[16];
    long lines[16];
    int n;
} docs_seen;

static int on_doc(void *ctx, const dg_document *d)
{
    docs_seen *s = ctx;
    if (s->n < 16) {
        s->starts[s->n] = (long)d->base;
        s->lines[s->n] = d->line;
    }
    s->n++;
    return 0;
}

static void on_warn(void *ctx, const char *file, long line, const char *msg)
{
    docs_seen *s = ctx;
    size_t n = strlen(s->log);
    snprintf(s->log + n, sizeof(s->log) - n, "%s:%ld: %s\n", file, line, msg);
}

static void test_reader_splits(void **state)
{
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    docs_seen s;
    dg_diag diag = { on_warn, &s, 0 };
    const char *lines = "one\ntwo\nthree\n";
    const char *blocks = "a1\na2\n\nb1\nb2\n";
    const char *paras = "Head\n\nBody one.\n\nBody two.\n";
    const char *bad = "ok\nbad \xC3\x28 byte\n";

    (void)state;
    memset(&s, 0, sizeof(s));
    dg_read_documents(lines, strlen(lines), "l.txt", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.lines[2], 3);
    memset(&s, 0, sizeof(s));
    dg_read_documents(blocks, strlen(blocks), "b.txt", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.lines[1], 4);
    assert_int_equal(s.starts[1], 7);
    memset(&s, 0, sizeof(s));
    dg_read_documents(paras, strlen(paras), "p.txt", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 1); /* one article with blank lines between paragraphs */
    memset(&s, 0, sizeof(s));
    dg_read_documents(bad, strlen(bad), "u.txt", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 2);
    assert_non_null(strstr(s.log, "u.txt:2: 1 invalid UTF-8"));
    memset(&s, 0, sizeof(s));
    dg_read_documents("\xFF\xFE" "a\0b\0", 6, "w.txt", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 0);
    assert_non_null(strstr(s.log, "not UTF-8"));
}

static void test_reader_jsonl_and_html(void **state)
{
    dg_reader_opts ro = DG_READER_OPTS_INIT;
    dg_error err = DG_ERROR_INIT;
    docs_seen s;
    dg_diag diag = { on_warn, &s, 0 };
    const char *jl = "{\"text\":\"a\",\"date\":\"2021-06-07\"}\n{bad\n{\"title\":\"no text\"}\n{\"text\":\"b\"}\n";
    const char *html = "<html><head><title>T</title><meta property=\"article:published_time\" "
                       "content=\"2021-06-07T10:00\"></head><body><div><p>王毅会见<b>洛钦</b></p>"
                       "<script>x()</script></div></body></html>";

    (void)state;
    memset(&s, 0, sizeof(s));
    dg_read_documents(jl, strlen(jl), "x.jsonl", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 2);
    assert_non_null(strstr(s.log, "x.jsonl:2: malformed JSON near byte 3: skipped"));
    assert_non_null(strstr(s.log, "x.jsonl:3: no field \"text\": skipped"));
    memset(&s, 0, sizeof(s));
    dg_read_documents(html, strlen(html), "p.html", &ro, on_doc, &s, &diag, &err);
    assert_int_equal(s.n, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zh_meet_with_relative_clause),
        cmocka_unit_test(test_zh_group_context_and_cochair),
        cmocka_unit_test(test_zh_calls_and_dates),
        cmocka_unit_test(test_zh_non_events),
        cmocka_unit_test(test_zh_separately_and_partners),
        cmocka_unit_test(test_zh_headline_and_body_are_one),
        cmocka_unit_test(test_zh_traps),
        cmocka_unit_test(test_en_anaphora_and_counterparts),
        cmocka_unit_test(test_en_unnamed_group_meetings),
        cmocka_unit_test(test_prescan_passes_every_trigger),
        cmocka_unit_test(test_en_fronted_clauses),
        cmocka_unit_test(test_en_dialogue_sessions),
        cmocka_unit_test(test_dialogue_rounds),
        cmocka_unit_test(test_meetings_by_video),
        cmocka_unit_test(test_zh_fronted_and_invited),
        cmocka_unit_test(test_zh_title_only_parties),
        cmocka_unit_test(test_en_forms),
        cmocka_unit_test(test_en_non_events),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_reader_splits),
        cmocka_unit_test(test_reader_jsonl_and_html),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
