/* The Chinese grammar: trigger-first. Each trigger verb (会见, 会谈,
 * 通电话, 共同主持, 出席 ...) is parsed with the gazetteer matches around
 * it: the subject before, the object after (past relative clauses ending
 * in 的), dates, places, groups; non-events (plans, counts, reported
 * speech, press meetings) are dropped. Works on the folded text: simplified
 * script, ASCII punctuation. */
#include <stdio.h>
#include <pthread.h>

#include "diplograph/utf8.h"
#include "extract/extract_int.h"
#include "common.h"

typedef enum {
    V_HOST = 0,     /* subject hosts, object is the guest: 会见 */
    V_CALL_ON,      /* the subject calls on the object, who hosts: 拜会 */
    V_MUTUAL,       /* both sides: 会谈, 通电话, A同B会面 */
    V_COCHAIR,      /* 共同主持 */
    V_CHAIR,        /* 主持 a group meeting */
    V_ATTEND,       /* 出席 a group meeting */
    V_VISIT,        /* 对X进行国事访问 */
    V_HELD          /* …会议在首尔举行: the meeting named before the verb */
} verb_type;

typedef struct {
    const char *text;
    dg_kind kind;
    verb_type vt;
} trigger;

/* longest first where one contains another */
static const trigger triggers[] = {
    { "视频通话", DG_KIND_VIDEO_CALL, V_MUTUAL },
    { "视频会晤", DG_KIND_VIDEO_CALL, V_MUTUAL },
    { "视频会谈", DG_KIND_VIDEO_CALL, V_MUTUAL },
    { "视频会见", DG_KIND_VIDEO_CALL, V_HOST },
    { "视频连线", DG_KIND_VIDEO_CALL, V_MUTUAL },
    { "视像会晤", DG_KIND_VIDEO_CALL, V_MUTUAL },
    { "通电话", DG_KIND_CALL, V_MUTUAL },
    { "通了电话", DG_KIND_CALL, V_MUTUAL },
    { "通话", DG_KIND_CALL, V_MUTUAL },
    { "共同主持", DG_KIND_COCHAIR, V_COCHAIR },
    { "联合主持", DG_KIND_COCHAIR, V_COCHAIR },
    { "主持", DG_KIND_MULTILATERAL, V_CHAIR },
    { "出席", DG_KIND_MULTILATERAL, V_ATTEND },
    { "举行会谈", DG_KIND_TALKS, V_MUTUAL },
    { "战略对话", DG_KIND_TALKS, V_MUTUAL },
    { "会谈", DG_KIND_TALKS, V_MUTUAL },
    { "会见", DG_KIND_MEET, V_HOST },
    { "拜会", DG_KIND_MEET, V_CALL_ON },
    { "拜见", DG_KIND_MEET, V_CALL_ON },
    { "接见", DG_KIND_MEET, V_HOST },
    { "会晤", DG_KIND_MEET, V_MUTUAL },
    { "会面", DG_KIND_MEET, V_MUTUAL },
    { "见面", DG_KIND_MEET, V_MUTUAL },
    { "国事访问", DG_KIND_VISIT, V_VISIT },
    { "正式访问", DG_KIND_VISIT, V_VISIT },
    { "工作访问", DG_KIND_VISIT, V_VISIT },
    { "友好访问", DG_KIND_VISIT, V_VISIT },
    { "举行", DG_KIND_MULTILATERAL, V_HELD },
};

/* Words that end an unknown name written after a title. */
static const char *const name_stops[] = {
    "在", "和", "与", "同", "及", "的", "表示", "时", "举行", "一行", "说", "指出",
    "强调", "进行", "并", "等", "分别", "共同", "于", "应约", "应邀", "率", "也",
    "还", "就", "对", "称", "是", "将", "已", "已经", "今天", "昨天", "当天", "日前",
    "会见", "会谈", "会晤", "会面", "通电话", "通话", "出席", "主持", "访华", "来华",
    "欢迎", "介绍", "向", "则", "以", "为", "所", "举办", "抵达", "离开", "致", "发表",
    "当地", "近日", "上午", "下午", "晚上", "一起", "前往", "专程", "了", "先生", "女士",
    /* days and times between a subject and its verb (王毅次日会见) */
    "次日", "同日", "当日", "前天", "此前", "随后", "期间", "晚间", "中午",
    /* adverbs before the verb (叙外长首次出席) */
    "首次", "再次", "多次", "亲自", "首先",
    /* bodies and meetings: 外长理事会会议 is no 外长 named 理事会会议 */
    "会议", "理事会", "委员会", "峰会", "论坛", "大会",
};

/* Words after a title that name a place, not a person. */
static const char *const venue_words[] = {
    "府", "官邸", "府邸", "宫", "办公室", "大楼", "官员", "们", "等人", "团",
    /* 外长会期间: the title was part of a meeting's name */
    "会", "期间", "级",
};

/* Verbs of speech: what follows is reported, not reported as news. */
static const char *const speech_verbs[] = {
    "表示", "指出", "强调", "说", "称", "介绍", "认为", "回顾", "提到", "谈到",
};

/* Markers of plans, wishes, negation and hypotheticals before a trigger. */
static const char *const irrealis[] = {
    "将于", "将在", "将同", "将与", "将会", "即将", "拟于", "拟同", "拟与", "拟",
    "计划", "准备", "期待", "希望", "欢迎", "邀请", "没有", "未能", "并未", "不会",
    "如果", "倘若", "有望", "或将", "可能", "愿意", "愿同", "愿与", "商定",
    "约定", "推迟", "取消", "延期", "盼", "何时", "是否", "将", "会与", "会同",
    /* not 随后会/还会/之后会: they would swallow 会见 in 还会见了 */
    "或有机会", "有机会", "还将", "打算", "考虑",
    /* 同意 (agree) is tested in marker_in: as a marker it would hide
     * 意大利 in 同意大利 (with Italy) from the gazetteer */
};

/* The automaton also finds the markers (plans, speech), so checking a
 * clause for them costs a walk over its matches, not a string search at
 * every byte. Indices: triggers, then irrealis markers, then speech verbs. */
#define N_TRIG DG_ARRAY_LEN(triggers)
#define N_IRR DG_ARRAY_LEN(irrealis)
#define N_SPEECH DG_ARRAY_LEN(speech_verbs)

size_t dg_xzh_event_trigger_count(void)
{
    return N_TRIG;
}

size_t dg_xzh_trigger_count(void)
{
    return N_TRIG + N_IRR + N_SPEECH;
}

const char *dg_xzh_trigger(size_t i)
{
    if (i < N_TRIG)
        return triggers[i].text;
    if (i < N_TRIG + N_IRR)
        return irrealis[i - N_TRIG];
    return speech_verbs[i - N_TRIG - N_IRR];
}

/* 应 opens an invitation (应X邀请) in the sentence of the 邀请 at p: not
 * the 应 of 应该, 应当, 应对, 相应 */
static size_t invited(const xdoc *x, size_t p)
{
    size_t i = p >= 240 ? p - 240 : 0, stop;

    while ((stop = dg_xfind(x, i, p, "。")) != (size_t)-1)
        i = stop + 3;
    while ((i = dg_xfind(x, i, p, "应")) != (size_t)-1) {
        if (!dg_xat(x, i + 3, "该") && !dg_xat(x, i + 3, "当") && !dg_xat(x, i + 3, "对") &&
            !(i >= 3 && dg_xat(x, i - 3, "相")))
            return i;
        i += 3;
    }
    return (size_t)-1;
}

/* A marker of the given class (1 irrealis, 2 speech) among the matches in
 * [from, to)? */
static int marker_in(const xdoc *x, size_t from, size_t to, int cls)
{
    size_t i;

    for (i = dg_xmatch_from(x, from); i < x->nm && x->m[i].start < to; i++) {
        uint32_t k = x->m[i].index;
        if (x->m[i].type != DG_ENT_TRIGGER || k < N_TRIG || k >= N_TRIG + N_IRR + N_SPEECH)
            continue;
        if (cls == 1 && k < N_TRIG + N_IRR) {
            /* 将 alone, not in 将军 */
            if (dg_xat(x, x->m[i].start, "将") && dg_xat(x, x->m[i].start + 3, "军"))
                continue;
            /* 应X邀请: at X's invitation, a visit that happened; X may
             * be a list of inviters with their titles */
            if (dg_xat(x, x->m[i].start, "邀请") && invited(x, x->m[i].start) != (size_t)-1)
                continue;
            return 1;
        }
        if (cls == 2 && k >= N_TRIG + N_IRR)
            return 1;
    }
    if (cls == 1) {
        size_t f = from;
        while (f < to && (f = dg_xfind(x, f, to, "同意")) != (size_t)-1) {
            if (!dg_xat(x, f + 3, "意大利"))
                return 1;
            f += 3;
        }
    }
    return 0;
}

/* index of an entity of type t named by the match, or -1 */
static long country_of(const xdoc *x, const dg_gaz_match *m)
{
    long c = dg_xref(x, m, DG_ENT_COUNTRY);
    return c >= 0 ? c : dg_xref(x, m, DG_ENT_DEMONYM);
}

static int is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           cp == 0xB7;
}

/* The length of the first of words at pos, or 0. The words are Chinese:
 * their first character, compared byte by byte before anything is
 * measured, rejects nearly all of them (a lead byte alone would not: Han
 * characters share six). */
static int at_any(const xdoc *x, size_t pos, const char *const *words, size_t n)
{
    const char *t = x->fd.text.ptr + pos;
    size_t i, left = pos < x->fd.text.len ? x->fd.text.len - pos : 0;

    if (left == 0)
        return 0;
    for (i = 0; i < n; i++) {
        const char *w = words[i];
        size_t k;
        if (w[0] != t[0])
            continue;
        if (left >= 3 && w[1] && w[2] && (w[1] != t[1] || w[2] != t[2]))
            continue;
        k = strlen(w);
        if (k <= left && memcmp(t, w, k) == 0)
            return (int)k;
    }
    return 0;
}

/* The first characters of name_stops and venue_words, as a bitmap over
 * the Basic Multilingual Plane: unknown_name_end tests every character of
 * a candidate name against both lists, and this rejects most at once.
 * Built once for all threads. */
static uint64_t stop_first[65536 / 64];
static pthread_once_t stop_first_once = PTHREAD_ONCE_INIT;

static void stop_first_add(const char *const *words, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *w = words[i];
        int bad = 0;
        uint32_t cp = dg_utf8_next(&w, words[i] + strlen(words[i]), &bad);
        if (cp < 65536)
            stop_first[cp >> 6] |= (uint64_t)1 << (cp & 63);
    }
}

static void stop_first_init(void)
{
    stop_first_add(name_stops, DG_ARRAY_LEN(name_stops));
    stop_first_add(venue_words, DG_ARRAY_LEN(venue_words));
}

/* 0 when no name stop or venue word starts with the character cp. */
static int may_stop(uint32_t cp)
{
    return cp >= 65536 || (stop_first[cp >> 6] >> (cp & 63)) & 1;
}

/* Inside a transliterated name a title or a trigger ends it, but a
 * country, place or another official's short name does not: 贾纽埃里 holds
 * 纽埃 (Niue), 纳卡拉维 holds 卡拉 (Kalla). */
static int name_ends_at(const xdoc *x, size_t i)
{
    const dg_gaz_match *m = dg_xmatch_at(x, i);

    return m && (dg_xref(x, m, DG_ENT_TITLE) >= 0 || m->type == DG_ENT_TRIGGER);
}

/* Whether Han characters from i run, within a name's length (6 more),
 * into a Latin name in parentheses: 罗培兹欧布拉多(Andres Manuel Lopez
 * Obrador) gives the original of a long transliteration written without
 * a middle dot. */
static int latin_paren_ahead(const xdoc *x, size_t i, size_t limit)
{
    size_t k, n;

    for (k = 0; k <= 6 && i < limit; k++) {
        uint32_t cp = dg_xcp(x, i, &n);
        if (cp == '(' && i + 1 < limit) {
            unsigned char c = (unsigned char)x->fd.text.ptr[i + 1];
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        if (!is_han(cp))
            return 0;
        i += n;
    }
    return 0;
}

/* The end of an unknown Chinese name starting at pos, or pos for none. */
static size_t unknown_name_end(const xdoc *x, size_t pos, size_t limit)
{
    size_t i = pos, n, chars = 0;
    uint32_t cp;
    int paren_latin = 0;

    pthread_once(&stop_first_once, stop_first_init);
    while (i < limit && x->fd.text.ptr[i] == ' ')
        i++;
    pos = i;
    /* a venue after a title (总统府, 首相官邸) or a word that cannot start a
     * name: no name here */
    if (pos < limit && may_stop(dg_xcp(x, pos, &n)) &&
        (at_any(x, pos, name_stops, DG_ARRAY_LEN(name_stops)) ||
         at_any(x, pos, venue_words, DG_ARRAY_LEN(venue_words))))
        return pos;
    if (name_ends_at(x, pos))
        return pos;
    {
        /* a country or place may begin a transliteration (米兰达 holds
         * 米兰), but not be all of it */
        const dg_gaz_match *m0 = dg_xmatch_at(x, pos);
        size_t n0;
        if (m0 && (m0->end >= limit || !is_han(dg_xcp(x, m0->end, &n0)) ||
                   at_any(x, m0->end, name_stops, DG_ARRAY_LEN(name_stops))))
            return pos;
    }
    while (i < limit) {
        cp = dg_xcp(x, i, &n);
        /* 让-马克·米勒: a hyphen between Han characters */
        if (cp == '-' && i > pos && i + 1 < limit) {
            size_t n2;
            if (is_han(dg_xcp(x, i + 1, &n2))) {
                i += 1;
                continue;
            }
        }
        if (!is_han(cp))
            break;
        if (i > pos && ((may_stop(cp) && at_any(x, i, name_stops, DG_ARRAY_LEN(name_stops))) ||
                        name_ends_at(x, i)))
            break;
        chars += cp != 0xB7;
        i += n;
        if (chars > 12 || (chars > 6 && dg_xfind(x, pos, i, "·") == (size_t)-1 && !paren_latin))
            return pos; /* too long for a name: not one */
        if (chars == 6 && !paren_latin && dg_xfind(x, pos, i, "·") == (size_t)-1)
            paren_latin = latin_paren_ahead(x, i, limit);
    }
    return i;
}

/* Whether a title ending at pos stands alone, naming no one: what follows
 * ends the phrase (punctuation but 、, a conjunction, a verb). Anything
 * else may be a name the grammar did not take (塞浦路斯总统赫里斯托祖利季斯)
 * or more of a title (总统府, 总统办公厅主任, 总统特别顾问): no party. */
static int title_alone_at(const xdoc *x, size_t pos, size_t limit)
{
    static const char *const ends[] = {
        "，", "。", "；", "：", "！", "？", ",", ".", ";", ":", ")", "）", "\"", "”",
        "举行", "进行", "分别", "共同", "一行", "首次", "再次", "多次", "亲自",
    };
    /* a conjunction only before a country, person, place or title: in
     * 官房长官和田洋子 the 和 begins a name */
    static const char *const joins[] = { "与", "和", "同", "及", "在" };
    const dg_gaz_match *m;
    int n;

    while (pos < limit && x->fd.text.ptr[pos] == ' ')
        pos++;
    if (pos >= limit)
        return 1;
    if (at_any(x, pos, ends, DG_ARRAY_LEN(ends)))
        return 1;
    if ((n = at_any(x, pos, joins, DG_ARRAY_LEN(joins))) != 0) {
        m = dg_xmatch_at(x, pos + (size_t)n);
        return m && m->type != DG_ENT_TRIGGER;
    }
    m = dg_xmatch_at(x, pos);
    return m && m->type == DG_ENT_TRIGGER;
}

/* A person (or a country delegation) at pos: [group 轮值主席国] [country]
 * [title (、|兼 title)*] (official | unknown name) [title]. Returns the end,
 * or pos when nothing parses. */
static size_t parse_party(const xdoc *x, size_t pos, size_t limit, xparty *p)
{
    size_t i = pos;
    const dg_gaz_match *m;

    memset(p, 0, sizeof(*p));
    p->official = p->country = p->title = p->group = -1;
    p->start = pos;
    while (i < limit && x->fd.text.ptr[i] == ' ')
        i++;
    /* "东盟轮值主席国文莱": the group and its chair role qualify the country */
    m = dg_xmatch_at(x, i);
    if (m && m->type == DG_ENT_GROUP && m->end < limit &&
        (dg_xat(x, m->end, "轮值主席国") || dg_xat(x, m->end, "主席国"))) {
        i = m->end + (dg_xat(x, m->end, "轮值主席国") ? 15 : 9);
        m = dg_xmatch_at(x, i);
    }
    if (m && country_of(x, m) >= 0 && dg_xref(x, m, DG_ENT_OFFICIAL) < 0) {
        p->country = country_of(x, m);
        i = m->end;
        m = dg_xmatch_at(x, i);
    }
    /* qualifiers before a title: 第一副总统, 常务副总理, 代理外长 */
    if (!m) {
        static const char *const quals[] = { "第一", "第二", "首席", "常务", "代理", "候任", "现任", "新任" };
        int q = at_any(x, i, quals, DG_ARRAY_LEN(quals));
        const dg_gaz_match *n2 = q ? dg_xmatch_at(x, i + (size_t)q) : NULL;
        if (n2 && dg_xref(x, n2, DG_ENT_TITLE) >= 0)
            m = n2;
    }
    while (m && m->end <= limit && dg_xref(x, m, DG_ENT_TITLE) >= 0 &&
           dg_xref(x, m, DG_ENT_OFFICIAL) < 0) {
        if (p->title < 0) {
            p->title = dg_xref(x, m, DG_ENT_TITLE);
            p->title_start = m->start;
        }
        p->title_end = m->end;
        i = m->end;
        /* 主席团主席: a title's body (团) before another title */
        if (dg_xat(x, i, "团")) {
            const dg_gaz_match *n2 = dg_xmatch_at(x, i + 3);
            if (n2 && dg_xref(x, n2, DG_ENT_TITLE) >= 0) {
                m = n2;
                continue;
            }
        }
        if (dg_xat(x, i, "、") || dg_xat(x, i, "兼")) {
            const dg_gaz_match *n2 = dg_xmatch_at(x, i + 3);
            if (n2 && dg_xref(x, n2, DG_ENT_TITLE) >= 0) {
                m = n2;
                continue;
            }
            /* 中共中央政治局委员、外交部长: a country between titles */
        }
        m = dg_xmatch_at(x, i);
        if (m && country_of(x, m) >= 0 && p->country < 0) {
            const dg_gaz_match *n2 = dg_xmatch_at(x, m->end);
            if (n2 && dg_xref(x, n2, DG_ENT_TITLE) >= 0) {
                p->country = country_of(x, m);
                m = n2;
            }
        }
    }
    while (i < limit && x->fd.text.ptr[i] == ' ')
        i++;
    m = dg_xmatch_at(x, i);
    if (m && m->end <= limit && dg_xref(x, m, DG_ENT_OFFICIAL) >= 0 && p->country >= 0 &&
        strcmp(dg_gazetteer_official(x->gaz, (uint32_t)dg_xref(x, m, DG_ENT_OFFICIAL))->country,
               dg_gazetteer_country(x->gaz, (uint32_t)p->country)->code) != 0) {
        /* 乌兹别克斯坦总理梅列多夫 is not the Turkmen official of that name:
         * the stated country wins, the person is unknown */
        size_t e = m->end, n2;
        /* the name may run on past the official's (达尔 in 达尔维什) */
        while (e < limit && is_han(dg_xcp(x, e, &n2)) && !dg_xmatch_at(x, e) &&
               !at_any(x, e, name_stops, DG_ARRAY_LEN(name_stops)) && e - m->start < 30)
            e += n2;
        p->type = DG_PARTY_PERSON;
        p->name_start = m->start;
        p->name_end = e;
        p->end = e;
        return e;
    }
    if (m && m->end <= limit && dg_xref(x, m, DG_ENT_OFFICIAL) >= 0 && p->title >= 0 &&
        !dg_xtitle_fits(x, p->title, dg_xref(x, m, DG_ENT_OFFICIAL))) {
        /* 意大利副外长孔蒂 is not Prime Minister Conte: a deputy's title on
         * a principal's name (or the reverse) is a namesake */
        size_t e = unknown_name_end(x, m->start, limit);
        if (e <= m->start)
            e = m->end;
        p->type = DG_PARTY_PERSON;
        p->name_start = m->start;
        p->name_end = e;
        p->end = e;
        return e;
    }
    if (m && m->end <= limit && dg_xref(x, m, DG_ENT_OFFICIAL) >= 0) {
        p->type = DG_PARTY_PERSON;
        p->official = dg_xref(x, m, DG_ENT_OFFICIAL);
        i = m->end;
        /* 习近平主席, 洛钦外长 */
        m = dg_xmatch_at(x, i);
        if (m && m->end <= limit && dg_xref(x, m, DG_ENT_TITLE) >= 0 && p->title < 0) {
            p->title = dg_xref(x, m, DG_ENT_TITLE);
            p->title_start = m->start;
            p->title_end = m->end;
            i = m->end;
        }
        p->end = i;
        return i;
    }
    if (p->title < 0 && p->country < 0) {
        /* a name given in full earlier in the document (黄琳丽强调) */
        size_t e = unknown_name_end(x, i, limit);
        if (e > i && dg_xrecall(x, i, e, p)) {
            p->start = pos;
            return e;
        }
    }
    if (p->title >= 0) {
        size_t e = unknown_name_end(x, i, limit);
        if (e > i) {
            p->type = DG_PARTY_PERSON;
            p->name_start = i;
            p->name_end = e;
            /* a trailing title repeats: 洛钦外长 */
            m = dg_xmatch_at(x, e);
            if (m && m->end <= limit && dg_xref(x, m, DG_ENT_TITLE) >= 0)
                e = m->end;
            p->end = e;
            return e;
        }
    }
    if (p->country >= 0) {
        static const char *const delegations[] = {
            "代表团", "官员", "政府", "外交官", "领导人", "方面", "议会代表团", "高级代表团",
        };
        int n = at_any(x, i, delegations, DG_ARRAY_LEN(delegations));
        if (n && p->title < 0) {
            p->type = DG_PARTY_COUNTRY;
            p->end = i + (size_t)n;
            return p->end;
        }
        /* 菲律宾外长 with no name: the country, by its office (the
         * resolver may name the holder from the date) */
        if (p->title >= 0 && title_alone_at(x, p->title_end, limit)) {
            p->type = DG_PARTY_COUNTRY;
            p->end = p->title_end;
            return p->end;
        }
    }
    return pos;
}

/* 巴塞纳(Alicia Barcena): a name in parentheses repeats the person; a
 * gazetteer official there identifies an unknown one. Returns the end past
 * the parentheses, or e. */
static size_t paren_alias(const xdoc *x, size_t e, size_t to, xparty *p)
{
    size_t close, i;

    if (e >= to || x->fd.text.ptr[e] != '(')
        return e;
    close = dg_xfind(x, e, e + 80 < to ? e + 80 : to, ")");
    if (close == (size_t)-1)
        return e;
    for (i = dg_xmatch_from(x, e); i < x->nm && x->m[i].start < close; i++) {
        long o = dg_xref(x, &x->m[i], DG_ENT_OFFICIAL);
        if (o >= 0 && p->official < 0 && p->type == DG_PARTY_PERSON) {
            const dg_official *off = dg_gazetteer_official(x->gaz, (uint32_t)o);
            if (p->country < 0 ||
                strcmp(off->country, dg_gazetteer_country(x->gaz, (uint32_t)p->country)->code) == 0)
                p->official = o;
        }
    }
    return close + 1;
}

/* Persons in [from, to), in order. */
static size_t parse_parties(const xdoc *x, size_t from, size_t to, xparty *out,
                            size_t max)
{
    size_t n = 0, i = from;

    while (i < to && n < max) {
        size_t e = parse_party(x, i, to, &out[n]);
        if (e > i && out[n].type == DG_PARTY_PERSON) {
            e = paren_alias(x, e, to, &out[n]);
            out[n].end = e;
        }
        if (e > i) {
            out[n].start = i;
            if (out[n].title >= 0 || out[n].official >= 0)
                dg_xremember((xdoc *)x, &out[n]);
            n++;
            i = e;
        } else {
            size_t k;
            dg_xcp(x, i, &k);
            i += k ? k : 1;
        }
    }
    return n;
}

static size_t clause_end(const xdoc *x, size_t from, size_t e)
{
    size_t i;

    for (i = from; i < e; i++) {
        char c = x->fd.text.ptr[i];
        if (c == ',' || c == ';' || c == ':' || dg_xat(x, i, "。"))
            return i;
    }
    return e;
}

static size_t clause_start(const xdoc *x, size_t s, size_t p)
{
    size_t i = p;

    while (i > s) {
        char c = x->fd.text.ptr[i - 1];
        if (c == ',' || c == ';' || c == ':')
            return i;
        i--;
    }
    return s;
}

/* A count before the trigger: 100多次电话, 11次会晤, 多次会见. */
/* Whether the 次 or 轮 at q is an ordinal: 第二轮, 第10次, 首轮, 首次 (the
 * second round is one meeting; 两轮, 11次 are counts). */
static int ordinal_at(const xdoc *x, size_t s, size_t q)
{
    static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                            "百", "两", "〇", "零" };
    size_t i = q;

    if (i >= s + 3 && dg_xat(x, i - 3, "首"))
        return 1;
    while (i > s) {
        char c = x->fd.text.ptr[i - 1];
        if (c >= '0' && c <= '9')
            i--;
        else if (i >= s + 3 && at_any(x, i - 3, numerals, DG_ARRAY_LEN(numerals)) == 3)
            i -= 3;
        else
            break;
    }
    return i < q && i >= s + 3 && dg_xat(x, i - 3, "第");
}

static int counted(const xdoc *x, size_t s, size_t p)
{
    size_t k;

    for (k = 3; k <= 12 && k <= p - s; k += 3) {
        /* 次日 and 轮值 are a day and a rotation, not a count */
        if (((dg_xat(x, p - k, "次") && !dg_xat(x, p - k, "次日")) ||
             (dg_xat(x, p - k, "轮") && !dg_xat(x, p - k, "轮值"))) &&
            !ordinal_at(x, s, p - k))
            return 1;
    }
    return 0;
}

/* End of the last marker of class cls in [from, to), or from. */
static size_t last_marker_end(const xdoc *x, size_t from, size_t to, int cls)
{
    size_t i, end = from;

    for (i = dg_xmatch_from(x, from); i < x->nm && x->m[i].start < to; i++) {
        uint32_t k = x->m[i].index;
        if (x->m[i].type != DG_ENT_TRIGGER || k < N_TRIG)
            continue;
        if ((cls == 2) == (k >= N_TRIG + N_IRR))
            end = x->m[i].end;
    }
    return end;
}

/* Only connectors between two persons: 和 与 同 及 、 跟 or spaces. */
static int joined(const xdoc *x, size_t a, size_t b)
{
    static const char *const conn[] = { "和", "与", "同", "及", "、", "跟", "以及", " ",
                                        ",以及", ",及", ",和" };
    while (a < b) {
        int n = at_any(x, a, conn, DG_ARRAY_LEN(conn));
        if (!n)
            return 0;
        a += (size_t)n;
    }
    return 1;
}

/* The subject is the group of persons nearest the verb: "A、B和C" joined
 * by connectors; persons further back belong to other clauses. Moves the
 * group to the front; returns its size. */
static size_t nearest_group(const xdoc *x, xparty *ps, size_t n)
{
    size_t first;

    if (n == 0)
        return 0;
    first = n - 1;
    while (first > 0 && joined(x, ps[first - 1].end, ps[first].start))
        first--;
    /* "A 8日应约同 B 通电话": the group after 同/与/跟/和 has its partner
     * before, past adverbials of time, place and manner */
    if (first > 0) {
        size_t e = ps[first].start;
        while (e > ps[first - 1].end && x->fd.text.ptr[e - 1] == ' ')
            e--;
        if ((e >= ps[first - 1].end + 3 && dg_xat(x, e - 3, "和")) ||
            dg_xfind(x, ps[first - 1].end, e, "同") != (size_t)-1 ||
            dg_xfind(x, ps[first - 1].end, e, "与") != (size_t)-1 ||
            dg_xfind(x, ps[first - 1].end, e, "跟") != (size_t)-1) {
            /* also past a relative clause: 与来华访问的肯尼亚总统门萨 */
            first--;
            while (first > 0 && joined(x, ps[first - 1].end, ps[first].start))
                first--;
        }
    }
    if (first > 0)
        memmove(ps, ps + first, (n - first) * sizeof(xparty));
    return n - first;
}

/* The subject of the verb at p: the group of parties nearest it in
 * [rs, p), leaving out the inviters of 应X邀请 (应越南国家主席武文赏邀请，
 * 习近平…对越南进行国事访问; 习近平…，应X邀请，对越南进行国事访问) */
static size_t subject_of(const xdoc *x, size_t rs, size_t p, xparty *ps)
{
    size_t q = dg_xfind(x, rs, p, "邀请"), ying;

    if (q != (size_t)-1 && (ying = invited(x, q)) != (size_t)-1 && ying >= rs) {
        size_t n = parse_parties(x, q + 6, p, ps, X_MAX_PARTIES);
        if (n == 0)
            n = parse_parties(x, rs, ying, ps, X_MAX_PARTIES);
        return nearest_group(x, ps, n);
    }
    return nearest_group(x, ps, parse_parties(x, rs, p, ps, X_MAX_PARTIES));
}

/* Whether [s, p) says a meeting was held: a meeting noun, then
 * 举行 ending a clause (…外长对话在伊斯兰堡举行，). */
static int held_before(const xdoc *x, size_t s, size_t p)
{
    static const char *const nouns[] = { "会议", "外长会", "峰会", "对话", "会晤", "论坛" };
    size_t h = dg_xfind(x, s, p, "举行"), j;

    if (h == (size_t)-1 || !(dg_xat(x, h + 6, "，") || dg_xat(x, h + 6, ",")))
        return 0;
    for (j = 0; j < DG_ARRAY_LEN(nouns); j++)
        if (dg_xfind(x, s, h, nouns[j]) != (size_t)-1)
            return 1;
    return 0;
}

/* A means of video between the clause start cs and the verb at p. */
static int by_video(const xdoc *x, size_t cs, size_t p)
{
    static const char *const means[] = { "以视频方式", "以视频形式", "通过视频", "视频连线", "以视频连线方式",
                                         "以线上方式", "以网络视频方式" };
    size_t i;

    for (i = cs; i < p; i++)
        if (at_any(x, i, means, DG_ARRAY_LEN(means)))
            return 1;
    return 0;
}

/* 赴 before the verb at p, and the report tells of a departure just
 * before it (乘专机离开北京, 启程, 离京): the subject is on the way to
 * where the meeting will be. */
static int departing(const xdoc *x, size_t from, size_t p)
{
    static const char *const leave[] = { "离开北京", "离京", "启程", "启动为期", "动身" };
    size_t i, back = p > 600 ? p - 600 : 0;

    if (dg_xfind(x, from, p, "赴") == (size_t)-1)
        return 0;
    for (i = back; i < p; i++)
        if (at_any(x, i, leave, DG_ARRAY_LEN(leave)))
            return 1;
    return 0;
}

static int irrealis_before(const xdoc *x, size_t from, size_t p)
{
    return marker_in(x, from, p, 1);
}

static long find_date(xdoc *x, size_t from, size_t to, xdate *out, int *explicit_date)
{
    size_t i;
    const xdate *ref = x->carry_valid ? &x->carry_date : &x->ref;

    for (i = from; i < to; i++) {
        unsigned char c = (unsigned char)x->fd.text.ptr[i];
        size_t n;
        if ((c >= '0' && c <= '9' && (i == from || !(x->fd.text.ptr[i - 1] >= '0' && x->fd.text.ptr[i - 1] <= '9'))) || c >= 0xE4) {
            xdate d;
            /* 同日/当天/次日 follow the last event; 昨天/今天 and numbers are
             * relative to the report's own date */
            const xdate *r = (c >= '0' && c <= '9') ? &x->ref : ref;
            if (dg_xat(x, i, "昨") || dg_xat(x, i, "今") || dg_xat(x, i, "前天") || dg_xat(x, i, "本日") ||
                dg_xat(x, i, "去年") || dg_xat(x, i, "前年"))
                r = &x->ref;
            n = dg_xdate_zh_at(&d, x->fd.text.ptr + i, x->fd.text.len - i, r);
            /* 新华社北京6月9日电: the dateline dates the report, not the event */
            if (n && dg_xat(x, i + n, "电")) {
                i += n - 1;
                continue;
            }
            if (n) {
                /* 今天（9月4日）: the date in brackets says which day */
                size_t b = i + n;
                xdate d2;
                if (dg_xat(x, b, "(") || dg_xat(x, b, "（")) {
                    b += dg_xat(x, b, "(") ? 1 : 3;
                    if (b < x->fd.text.len && x->fd.text.ptr[b] >= '0' && x->fd.text.ptr[b] <= '9' &&
                        dg_xdate_zh_at(&d2, x->fd.text.ptr + b, x->fd.text.len - b, &x->ref)) {
                        d = d2;
                        c = '0';
                    }
                }
                *out = d;
                /* numbers, or a month of this or last year (今年5月) */
                *explicit_date = (c >= '0' && c <= '9') ||
                                 ((dg_xat(x, i, "今年") || dg_xat(x, i, "去年")) && d.m > 0);
                return (long)i;
            }
        }
    }
    return -1;
}

/* 在 + [country] + place (a venue names its city) before the trigger */
static long find_place(const xdoc *x, size_t from, size_t to)
{
    size_t i = dg_xmatch_from(x, from);

    for (; i < x->nm && x->m[i].start < to; i++) {
        long pl = dg_xref(x, &x->m[i], DG_ENT_PLACE);
        if (pl < 0 || dg_xref(x, &x->m[i], DG_ENT_OFFICIAL) >= 0)
            continue;
        if (x->m[i].start >= 3 && (dg_xat(x, x->m[i].start - 3, "在") ||
                                   dg_xat(x, x->m[i].start - 3, "于") ||
                                   dg_xat(x, x->m[i].start - 3, "赴") ||
                                   dg_xat(x, x->m[i].start - 3, "抵")))
            return pl;
        /* 在中国重庆, 在北京人民大会堂 */
        if (i > 0 && x->m[i - 1].end == x->m[i].start && x->m[i - 1].start >= 3 &&
            dg_xat(x, x->m[i - 1].start - 3, "在"))
            return pl;
        if (i > 0 && x->m[i - 1].end == x->m[i].start &&
            dg_xref(x, &x->m[i - 1], DG_ENT_PLACE) >= 0)
            return pl; /* 北京人民大会堂: the venue wins */
    }
    /* 在京 (in Beijing; not 京津冀, 京沪) */
    {
        size_t k = dg_xfind(x, from, to, "在京");
        if (k != (size_t)-1 && !dg_xat(x, k + 6, "津") && !dg_xat(x, k + 6, "沪") &&
            !dg_xat(x, k + 6, "冀") && !dg_xat(x, k + 6, "剧")) {
            size_t np = dg_gazetteer_count(x->gaz, DG_ENT_PLACE), j;
            for (j = 0; j < np; j++) {
                const dg_place *pl = dg_gazetteer_place(x->gaz, (uint32_t)j);
                if (!pl->city_en && pl->name_en && strcmp(pl->name_en, "Beijing") == 0)
                    return (long)j;
            }
        }
    }
    return -1;
}

/* A group meeting named in [from, to): a group followed by a meeting noun. */
static long group_meeting(const xdoc *x, size_t from, size_t to, int own_name);

static long find_group_meeting(const xdoc *x, size_t from, size_t to)
{
    return group_meeting(x, from, to, 1);
}

/* A group named before one of its meeting nouns in [from, to), or, with
 * own_name, by a name that holds one (中国—中亚外长会晤). */
static long group_meeting(const xdoc *x, size_t from, size_t to, int own_name)
{
    size_t i = dg_xmatch_from(x, from);
    static const char *const nouns[] = { "会议", "峰会", "外长会", "会", "对话", "论坛", "首脑会" };
    static const char *const own[] = { "会晤", "会议", "峰会", "外长会", "对话", "论坛" };

    for (; i < x->nm && x->m[i].start < to; i++) {
        long g = dg_xref(x, &x->m[i], DG_ENT_GROUP);
        size_t k, lim = x->m[i].end + 90 < to ? x->m[i].end + 90 : to;
        if (g < 0)
            continue;
        for (k = 0; k < DG_ARRAY_LEN(nouns); k++)
            if (dg_xfind(x, x->m[i].end, lim, nouns[k]) != (size_t)-1)
                return g;
        /* the group's name for its meeting: 中国—中亚外长会晤 */
        for (k = 0; own_name && k < DG_ARRAY_LEN(own); k++) {
            size_t n = strlen(own[k]);
            if (x->m[i].end >= x->m[i].start + n && dg_xat(x, x->m[i].end - n, own[k]))
                return g;
        }
    }
    return -1;
}

static int paragraph_is_speech(const xdoc *x, size_t s)
{
    if (s != x->para_start)
        return x->speech_para;
    return marker_in(x, s, s + 40 < x->fd.text.len ? s + 40 : x->fd.text.len, 2);
}

/* host/guest from the place: the party of the place's country hosts */
static void roles_by_place(const xdoc *x, long place, xparty *ps, dg_role *roles,
                           size_t n, size_t n_subject)
{
    const char *pc = place >= 0 ? dg_gazetteer_place(x->gaz, (uint32_t)place)->country : "";
    size_t i, hosts = 0;

    /* no place, but the document reports a visit to a country: "访问期间，
     * X会见了叙利亚总理" happens there */
    if (!pc[0] && x->visit_country >= 0)
        pc = dg_gazetteer_country(x->gaz, (uint32_t)x->visit_country)->code;
    for (i = 0; pc[0] && i < n; i++)
        hosts += strcmp(dg_xparty_country(x, &ps[i]), pc) == 0;
    for (i = 0; i < n; i++) {
        if (hosts > 0 && hosts < n)
            roles[i] = strcmp(dg_xparty_country(x, &ps[i]), pc) == 0 ? DG_ROLE_HOST : DG_ROLE_GUEST;
        else if (place >= 0 && pc[0])
            roles[i] = DG_ROLE_PARTICIPANT; /* a third country */
        else
            roles[i] = i < n_subject ? DG_ROLE_HOST : DG_ROLE_GUEST;
    }
}

/* A time other than the day of the report or of the last event is named
 * in [s, p) without a date: 3年前, 去年底, 上个月, 不久前 */
static int other_time(const xdoc *x, size_t s, size_t p)
{
    static const char *const words[] = { "年前", "去年", "前年", "年底", "年初", "上个月", "上月",
                                         "不久前", "此前", "曾" };
    size_t k;

    for (k = 0; k < DG_ARRAY_LEN(words); k++)
        if (dg_xfind(x, s, p, words[k]) != (size_t)-1)
            return 1;
    return 0;
}

/* The length of a form of address to the counterpart at i (你, 您,
 * 总统先生, 阁下), or 0 */
static size_t addressee_at(const xdoc *x, size_t i)
{
    static const char *const forms[] = {
        "你", "您", "阁下", "总统先生", "总理先生", "首相先生", "主席先生", "部长先生", "外长先生",
        "总统女士", "总理女士", "首相女士", "主席女士", "部长女士", "外长女士",
    };
    size_t k;

    for (k = 0; k < DG_ARRAY_LEN(forms); k++)
        if (dg_xat(x, i, forms[k]))
            return strlen(forms[k]);
    return 0;
}

/* q opens a clause of the sentence region from rs: nothing, or a
 * punctuation mark, before it (在 aside: 在与X会谈时) */
static int opens_clause(const xdoc *x, size_t rs, size_t q)
{
    const char *t = x->fd.text.ptr;

    if (q >= rs + 3 && dg_xat(x, q - 3, "在"))
        q -= 3;
    if (q <= rs)
        return 1;
    return t[q - 1] == ',' || t[q - 1] == ';' || t[q - 1] == ':' || t[q - 1] == ' ' ||
           (q >= 3 && (dg_xat(x, q - 3, "，") || dg_xat(x, q - 3, "。") || dg_xat(x, q - 3, "；") ||
                       dg_xat(x, q - 3, "：")));
}

/* 会谈时，赵乐际说: the subject of a fronted clause ending at q (时 and a
 * comma, then the party at once) */
static int fronted_subject(const xdoc *x, size_t q, size_t e, xparty *subj)
{
    if (!dg_xat(x, q, "时"))
        return 0;
    q += 3;
    if (dg_xat(x, q, "，"))
        q += 3;
    else if (q < e && x->fd.text.ptr[q] == ',')
        q++;
    else
        return 0;
    if (q >= e || parse_party(x, q, e, subj) <= q)
        return 0;
    subj->start = q;
    return 1;
}

/* Object start: past a relative clause "…的" that precedes the guest. */
static size_t object_start(const xdoc *x, size_t from, size_t to)
{
    size_t i;

    for (i = from; i < to; i++) {
        if (dg_xat(x, i, "的")) {
            xparty tmp;
            size_t e = parse_party(x, i + 3, to, &tmp);
            if (e > i + 3)
                return i + 3;
        }
    }
    return from;
}

void dg_xzh_sentence(xdoc *x, size_t s, size_t e)
{
    size_t p = s, consumed = s, last_trigger_end = s;
    int speech = paragraph_is_speech(x, s);
    long sent_group = find_group_meeting(x, s, e);

    if (s == x->para_start)
        x->speech_para = speech;
    /* a sentence announcing a group meeting ("…特别外长会于…在重庆举行")
     * sets the context the next sentences refer to (共同主持会议); one
     * that plans it (X将于11月16日出席…会议) names the meeting but dates
     * nothing that happened (当天, 次日 after it) */
    if (sent_group >= 0) {
        xdate d;
        int ex = 0;
        /* a relative day (次日) moves from the last event once, when the
         * sentence's meeting is dated, not here as well */
        if (!marker_in(x, s, e, 1) && find_date(x, s, e, &d, &ex) >= 0 && d.y && ex) {
            x->carry_date = d;
            x->carry_valid = 1;
        }
        x->carry_group = sent_group;
        x->carry_place = find_place(x, s, e);
    }
    size_t mi;

    for (mi = dg_xmatch_from(x, s); mi < x->nm && x->m[mi].start < e && !x->stop; mi++) {
        const trigger *tr = NULL;
        size_t k, tend, cs, ce, n_subj, n_obj = 0, n = 0;
        xparty ps[X_MAX_PARTIES];
        dg_role roles[X_MAX_PARTIES];
        xdate date = { 0, 0, 0 };
        int explicit_date = 0, has_date, fronted = 0;
        long date_at;
        xparty subj;
        long place, group = -1;
        dg_kind kind;
        size_t sep, rs;

        if (x->m[mi].type != DG_ENT_TRIGGER || x->m[mi].index >= N_TRIG)
            continue;
        tr = &triggers[x->m[mi].index];
        p = x->m[mi].start;
        tend = p + strlen(tr->text);
        kind = tr->kind;
        if (p < consumed || (tr->vt == V_CHAIR && p >= 6 && dg_xat(x, p - 6, "共同"))) {
            p = tend;
            continue;
        }
        cs = clause_start(x, s, p);
        ce = clause_end(x, tend, e);
        /* 以视频方式会见, 通过视频连线同…会谈: a meeting held by video */
        if ((kind == DG_KIND_MEET || kind == DG_KIND_TALKS) && by_video(x, cs, p))
            kind = DG_KIND_VIDEO_CALL;
        /* relative clause (来华出席…的, 访问的) or a noun (会谈中, 会见时) */
        if (dg_xfind(x, tend, ce, "的") != (size_t)-1 && tr->vt != V_HOST && tr->vt != V_CALL_ON &&
            tr->vt != V_MUTUAL && tr->vt != V_COCHAIR) {
            p = tend;
            continue;
        }
        /* 访问的…; 在对X进行正式访问期间，会见…: the visit is the setting
         * of what follows, whose subject is the visitor */
        if (tr->vt == V_VISIT && (dg_xat(x, tend, "的") || dg_xat(x, tend, "期间"))) {
            /* the visited country still decides who hosts what follows */
            size_t d = dg_xfind(x, s, p, "对");
            const dg_gaz_match *vm = d != (size_t)-1 ? dg_xmatch_at(x, d + 3) : NULL;
            if (dg_xat(x, tend, "期间") && vm && country_of(x, vm) >= 0)
                x->visit_country = country_of(x, vm);
            p = tend;
            continue;
        }
        if (counted(x, s, p) || dg_xat(x, tend, "记者") || dg_xat(x, tend, "媒体") ||
            dg_xfind(x, tend, ce, "推迟") != (size_t)-1 || dg_xfind(x, tend, ce, "取消") != (size_t)-1 ||
            dg_xfind(x, tend, ce, "延期") != (size_t)-1 ||
            dg_xat(x, tend, "可能") || dg_xat(x, tend, "的可能") || dg_xat(x, tend, "事宜") ||
            dg_xat(x, tend, "的安排")) {
            p = tend;
            continue;
        }
        /* the subject's region: after an earlier trigger of this sentence
         * and after a verb of speech ("柯比表示，布林肯与王毅通电话") */
        rs = last_trigger_end > s ? last_trigger_end : s;
        {
            size_t sv = last_marker_end(x, rs, p, 2);
            if (sv > rs)
                rs = sv;
        }
        /* a later sentence of a paragraph of reported speech ("王毅表示，…。
         * 习近平主席会见西哈莫尼国王"): only with a date of its own */
        date_at = find_date(x, rs, e, &date, &explicit_date);
        has_date = date_at >= 0;
        x->reported = (speech && s != x->para_start) || rs > (last_trigger_end > s ? last_trigger_end : s);
        if (x->reported) {
            /* reported speech: a meeting it mentions is news only when the
             * speaker anchors it in time (日前, 上周, 8日) */
            static const char *const anchors[] = {
                "日前", "近日", "上周", "上月", "昨天", "昨日", "前天", "当天", "刚刚", "今天",
                "本周", "此前", "当日", "同日", "上午", "下午", "晚", "前不久", "次日",
                "期间", "随后", "前夕",
            };
            size_t i;
            int anchored = has_date && explicit_date;
            for (i = rs; i < p && !anchored; i++)
                anchored = at_any(x, i, anchors, DG_ARRAY_LEN(anchors)) != 0;
            /* or in space: 在旧金山举行会晤 is a meeting that happened */
            if (!anchored)
                anchored = find_place(x, rs, p) >= 0;
            if (!anchored) {
                p = tend;
                continue;
            }
        }
        n_subj = subject_of(x, rs, p, ps);
        /* a plan or wish attaches to the predicate: between the subject (or
         * the start of its region) and the verb */
        if (irrealis_before(x, n_subj ? (ps[0].start > rs + 9 ? ps[0].start - 9 : rs) : rs, p)) {
            p = tend;
            continue;
        }
        /* 离开北京，…赴金边出席峰会: the purpose of a trip that has just
         * begun, not yet an attendance */
        if ((tr->vt == V_ATTEND || tr->vt == V_VISIT) && departing(x, rs, p)) {
            p = tend;
            continue;
        }
        /* the frame of something else: 结束出席峰会后回到北京, 主持峰会前夕,
         * 出席峰会之际, 抵达阿斯塔纳，出席峰会 (the purpose of an arrival) */
        if ((tr->vt == V_ATTEND || tr->vt == V_CHAIR) &&
            (dg_xfind(x, cs > rs ? cs : rs, p, "结束") != (size_t)-1 || dg_xfind(x, s, p, "抵达") != (size_t)-1 ||
             dg_xfind(x, tend, ce, "前夕") != (size_t)-1 || dg_xfind(x, tend, ce, "之际") != (size_t)-1)) {
            p = tend;
            continue;
        }
        /* a visit too, but for the arrival, which begins it: 结束…访问后回国,
         * 进行国事访问之际 */
        if (tr->vt == V_VISIT &&
            (dg_xfind(x, cs > rs ? cs : rs, p, "结束") != (size_t)-1 ||
             dg_xfind(x, tend, ce, "之际") != (size_t)-1)) {
            p = tend;
            continue;
        }
        /* A同B会谈: the counterpart sits between 同/与/和 and the verb */
        sep = (size_t)-1;
        if (n_subj >= 1 && tr->vt != V_COCHAIR && tr->vt != V_CHAIR && tr->vt != V_ATTEND) {
            size_t i;
            for (i = ps[0].end; i < p; i++)
                if (dg_xat(x, i, "同") || dg_xat(x, i, "与") || dg_xat(x, i, "和") ||
                    dg_xat(x, i, "跟")) {
                    sep = i;
                    break;
                }
        }
        n = n_subj;
        if (sep != (size_t)-1) {
            size_t i, first_obj = n_subj;
            for (i = 0; i < n_subj; i++)
                if (ps[i].start >= sep) {
                    first_obj = i;
                    break;
                }
            n_subj = first_obj;
        }
        /* 前不久习近平主席同你通了电话, said to the counterpart of the
         * meeting reported: 你/您 is that counterpart, the one of the
         * pair from another country than the subject */
        if (sep != (size_t)-1 && n == n_subj && n_subj >= 1 && n < X_MAX_PARTIES &&
            addressee_at(x, sep + 3) && dg_xcounterpart(x, &ps[n_subj - 1], sep + 3, sep + 3, &ps[n])) {
            n++;
            n_obj = 1;
        }
        /* 我同总统先生视频会晤, said by one of the pair just reported to
         * the other: that pair */
        if (n_subj == 0 && x->has_talk_pair && p >= rs + 6) {
            size_t i;
            for (i = rs; (i = dg_xfind(x, i, p, "我")) != (size_t)-1; i += 3)
                if ((dg_xat(x, i + 3, "同") || dg_xat(x, i + 3, "与") ||
                                           dg_xat(x, i + 3, "和")) &&
                    addressee_at(x, i + 6) && i + 6 + addressee_at(x, i + 6) + 12 >= p) {
                    ps[0] = x->talk_pair.p[0];
                    ps[1] = x->talk_pair.p[1];
                    ps[0].start = ps[0].end = i;
                    ps[1].start = ps[1].end = i + 6;
                    n = 2;
                    n_subj = 1;
                    n_obj = 1;
                    fronted = 1; /* no object after the verb */
                    break;
                }
        }
        (void)cs;
        /* 与阿拉米、哈宁分别会谈时，赵乐际说: the clause names the
         * counterparts, its subject follows 时， */
        fronted = 0;
        if (n_subj >= 1 && n == n_subj && ps[0].start >= 3 && n_subj < X_MAX_PARTIES &&
            (dg_xat(x, ps[0].start - 3, "与") || dg_xat(x, ps[0].start - 3, "同")) &&
            opens_clause(x, rs, ps[0].start - 3) && fronted_subject(x, tend, e, &subj)) {
            memmove(ps + 1, ps, n_subj * sizeof(xparty));
            ps[0] = subj;
            n_obj = n_subj;
            n = n_subj + 1;
            n_subj = 1;
            fronted = 1;
        }
        if (!fronted &&
            (tr->vt == V_HOST || tr->vt == V_CALL_ON || (tr->vt == V_MUTUAL && n == n_subj))) {
            size_t os = object_start(x, tend, ce);
            n_obj = parse_parties(x, os, ce, ps + n, X_MAX_PARTIES - n);
            n += n_obj;
            if (n_obj)
                consumed = ps[n - 1].end;
            /* 在会见冈萨雷斯-奥莱切亚时，韩正表示 */
            if (n_subj == 0 && n_obj > 0 && n < X_MAX_PARTIES &&
                opens_clause(x, rs, p) && fronted_subject(x, consumed, e, &subj)) {
                memmove(ps + 1, ps, n * sizeof(xparty));
                ps[0] = subj;
                n++;
                n_subj = 1;
                fronted = 1;
            }
        }
        /* 会见阿迪昂时，赵乐际表示，昨天（3月25日），…: a date in what the
         * subject says is not the meeting's */
        if (fronted && has_date && (size_t)date_at >= ps[0].start)
            has_date = 0;
        if (tr->vt == V_HELD) {
            /* 第六次中日韩领导人会议在韩国首尔举行: the countries of the
             * meeting's name (a group, or bilateral abbreviations 中日韩) */
            static const char *const nouns[] = { "领导人会议", "外长会", "峰会", "会议" };
            size_t j, noun = (size_t)-1, q;
            long grp;
            for (j = 0; j < DG_ARRAY_LEN(nouns) && noun == (size_t)-1; j++)
                noun = dg_xfind(x, cs, p, nouns[j]);
            if (noun == (size_t)-1 || irrealis_before(x, cs, p)) {
                p = tend;
                continue;
            }
            /* a group's meeting is reported by who chaired or attended it;
             * here only meetings named by their members' abbreviations */
            grp = group_meeting(x, cs, p, 0);
            if (grp >= 0) {
                p = tend;
                continue;
            }
            n = 0;
            {
                /* abbreviations right before the noun: 中日韩, 中俄印 */
                q = noun;
                while (q >= cs + 3 && n < X_MAX_PARTIES) {
                    long c = dg_gazetteer_abbr(x->gaz, x->fd.text.ptr + q - 3, 3);
                    if (c < 0)
                        break;
                    memset(&ps[n], 0, sizeof(xparty));
                    ps[n].type = DG_PARTY_COUNTRY;
                    ps[n].official = ps[n].title = ps[n].group = -1;
                    ps[n].country = c;
                    n++;
                    q -= 3;
                }
                if (n < 3) {
                    p = tend;
                    continue;
                }
            }
            place = find_place(x, s, e);
            for (k = 0; k < n; k++)
                roles[k] = place >= 0 &&
                                   strcmp(dg_gazetteer_place(x->gaz, (uint32_t)place)->country,
                                          dg_xparty_country(x, &ps[k])) == 0
                               ? DG_ROLE_HOST : DG_ROLE_PARTICIPANT;
            if (grp >= 0)
                dg_xadd_group_members(x, grp, has_date ? &date : NULL, ps, roles, &n);
            if (n >= 2)
                dg_xemit(x, DG_KIND_MULTILATERAL, has_date ? &date : NULL, place, grp, ps, roles, n,
                         s, e, 0.7);
            p = tend;
            continue;
        }
        if (tr->vt == V_VISIT) {
            /* 对X进行国事访问: X hosts; 飞抵X，过境并进行友好访问: where
             * the visitor arrived */
            size_t d = dg_xfind(x, s, p, "对"), at = d == (size_t)-1 ? (size_t)-1 : d + 3;
            if (at == (size_t)-1) {
                size_t a = dg_xfind(x, s, p, "抵达");
                if (a == (size_t)-1 && (a = dg_xfind(x, s, p, "飞抵")) == (size_t)-1)
                    a = dg_xfind(x, s, p, "到达");
                if (a != (size_t)-1) {
                    size_t mi3 = dg_xmatch_from(x, a + 6);
                    if (mi3 < x->nm && x->m[mi3].start < p && x->m[mi3].start <= a + 6 + 60)
                        at = x->m[mi3].start;
                }
            }
            if (at == (size_t)-1 || n_subj == 0) {
                p = tend;
                continue;
            }
            {
                const dg_gaz_match *m = dg_xmatch_at(x, at);
                long c = country_of(x, m);
                if (c < 0) {
                    p = tend;
                    continue;
                }
                x->visit_country = c;
                size_t ying = dg_xfind(x, s, p, "应");
                xparty inviter;
                n = n_subj < X_MAX_PARTIES - 1 ? n_subj : X_MAX_PARTIES - 1;
                /* 应X总统Y邀请: the inviter hosts the visit */
                if (ying != (size_t)-1 && parse_party(x, ying + 3, p, &inviter) > ying + 3 &&
                    inviter.type == DG_PARTY_PERSON) {
                    ps[n] = inviter;
                } else {
                    memset(&ps[n], 0, sizeof(xparty));
                    ps[n].type = DG_PARTY_COUNTRY;
                    ps[n].official = ps[n].title = ps[n].group = -1;
                    ps[n].country = c;
                }
                n++;
            }
        }
        place = (kind == DG_KIND_CALL || kind == DG_KIND_VIDEO_CALL) ? -1 : find_place(x, s, e);
        /* a Xinhua dateline for a meeting in that city */
        if (place < 0 && kind != DG_KIND_CALL && kind != DG_KIND_VIDEO_CALL && x->ref_place >= 0 &&
            (x->visit_country < 0 ||
             strcmp(dg_gazetteer_place(x->gaz, (uint32_t)x->ref_place)->country,
                    dg_gazetteer_country(x->gaz, (uint32_t)x->visit_country)->code) == 0) &&
            x->last_place < 0)
            place = x->ref_place;
        /* 同日，X还会见了…: where the last meeting was */
        if (place < 0 && kind != DG_KIND_CALL && kind != DG_KIND_VIDEO_CALL &&
            (dg_xfind(x, rs, p, "还") != (size_t)-1 || dg_xfind(x, s, p, "同日") != (size_t)-1 ||
             dg_xfind(x, s, p, "期间") != (size_t)-1))
            place = x->last_place;
        /* "王毅、何立峰等出席会晤": they took part in the meeting reported
         * before; they join it */
        if (tr->vt == V_ATTEND && x->found.len > 0 && n_subj > 0 &&
            (dg_xat(x, tend, "会晤") || dg_xat(x, tend, "会谈") || dg_xat(x, tend, "会见") ||
             dg_xat(x, tend, "视频会晤") || dg_xat(x, tend, "上述活动"))) {
            dg_xjoin_last(x, ps, n_subj, !dg_xat(x, tend, "上述活动"));
            last_trigger_end = tend + 6;
            consumed = tend + 6;
            p = tend;
            continue;
        }
        if (tr->vt == V_CHAIR || tr->vt == V_ATTEND || tr->vt == V_COCHAIR) {
            group = find_group_meeting(x, tend, e);
            /* "…外长会在萨格勒布举行，A、B等外长出席": the meeting is named
             * before the verb */
            if (group < 0 && tr->vt == V_ATTEND)
                group = find_group_meeting(x, s, p);
            /* 共同主持会议, 主持召开外长会议: the meeting a previous sentence
             * of the document named */
            if (group < 0 && (tr->vt == V_COCHAIR ||
                              dg_xfind(x, tend, ce, "会议") != (size_t)-1 ||
                              dg_xfind(x, tend, ce, "外长会") != (size_t)-1 ||
                              dg_xfind(x, tend, ce, "峰会") != (size_t)-1))
                group = x->carry_group;
            if (group < 0 && (tr->vt == V_ATTEND || tr->vt == V_CHAIR) && n_subj > 0) {
                /* 出席中俄印外长第三次会晤，俄罗斯、印度外长出席: a meeting
                 * of no known group, its other members named after it,
                 * as persons (日本外务大臣佐藤康弘和韩国外长尹俊峰出席)
                 * or by country */
                static const char *const nouns[] = { "会晤", "会议", "峰会", "外长会", "对话", "论坛" };
                size_t j, mi2, nouns_at = (size_t)-1, attend = (size_t)-1;
                for (j = 0; j < DG_ARRAY_LEN(nouns) && nouns_at == (size_t)-1; j++)
                    nouns_at = dg_xfind(x, tend, ce, nouns[j]);
                if (ce < e)
                    attend = dg_xfind(x, ce, e, "出席");
                /* 主持会议 alone is mostly a domestic meeting (国务院常务会议):
                 * chairing counts with members who attend (…出席) */
                if (tr->vt == V_CHAIR && attend == (size_t)-1)
                    nouns_at = (size_t)-1;
                if (nouns_at != (size_t)-1) {
                    size_t before = n, np2 = 0;
                    xparty named[X_MAX_PARTIES];
                    if (attend != (size_t)-1)
                        np2 = parse_parties(x, ce, attend, named, X_MAX_PARTIES);
                    for (j = 0; j < np2 && n < X_MAX_PARTIES; j++)
                        if (named[j].type == DG_PARTY_PERSON && named[j].country >= 0)
                            ps[n++] = named[j];
                    for (mi2 = dg_xmatch_from(x, ce); n == before && mi2 < x->nm &&
                                                      x->m[mi2].start < e && n < X_MAX_PARTIES;
                         mi2++) {
                        long c = country_of(x, &x->m[mi2]);
                        size_t q;
                        if (c < 0 || dg_xref(x, &x->m[mi2], DG_ENT_OFFICIAL) >= 0)
                            continue;
                        for (q = 0; q < n && !(ps[q].country == c && ps[q].type == DG_PARTY_COUNTRY);
                             q++)
                            ;
                        if (q < n)
                            continue; /* named twice */
                        memset(&ps[n], 0, sizeof(xparty));
                        ps[n].type = DG_PARTY_COUNTRY;
                        ps[n].official = ps[n].title = ps[n].group = -1;
                        ps[n].country = c;
                        n++;
                    }
                    /* 主持中俄印外长第十四次会晤，俄印两国外长出席: a
                     * ministerial chaired, its members unnamed */
                    if (n > before ||
                        (attend != (size_t)-1 && tr->vt == V_CHAIR &&
                         dg_xfind(x, tend, ce, "外长") != (size_t)-1)) {
                        consumed = e; /* the 会晤 of the name is no trigger */
                        for (k = 0; k < n; k++)
                            roles[k] = k < n_subj && tr->vt == V_CHAIR ? DG_ROLE_CHAIR
                                                                       : DG_ROLE_PARTICIPANT;
                        if (!has_date)
                            memset(&date, 0, sizeof(date));
                        dg_xemit(x, DG_KIND_MULTILATERAL, has_date ? &date : NULL, place, -1, ps,
                                 roles, n, s, e, 0.8);
                        last_trigger_end = tend;
                        p = tend;
                        continue;
                    }
                }
            }
            /* 第五次中阿巴三方外长对话在伊斯兰堡举行，王毅、A和B出席: a
             * meeting of no known group said to be held, the three or more
             * persons who attend it named before the verb */
            if (group < 0 && tr->vt == V_ATTEND && n_subj >= 3 && held_before(x, s, p) &&
                (tend >= e || dg_xat(x, tend, "。") || dg_xat(x, tend, ",") ||
                 dg_xat(x, tend, "，"))) {
                size_t j, persons = 0;
                for (j = 0; j < n_subj; j++)
                    persons += ps[j].type == DG_PARTY_PERSON;
                if (persons == n_subj) {
                    for (k = 0; k < n_subj; k++)
                        roles[k] = DG_ROLE_PARTICIPANT;
                    dg_xemit(x, DG_KIND_MULTILATERAL, has_date ? &date : NULL, place, -1, ps,
                             roles, n_subj, s, e, 0.75);
                    last_trigger_end = tend;
                    p = tend;
                    continue;
                }
            }
            if (group < 0 && tr->vt != V_COCHAIR) {
                p = tend;
                continue; /* 主持/出席 something that is not a meeting of a group */
            }
            /* 出席…会议期间会见: the meeting is the setting of a bilateral one */
            if (tr->vt != V_COCHAIR && dg_xfind(x, tend, ce, "期间") != (size_t)-1) {
                p = tend;
                continue;
            }
            /* 3年前，…出席了…峰会, 去年底…: another time than the day
             * just reported */
            if (!has_date && x->carry_valid && group == x->carry_group &&
                !other_time(x, s, p)) {
                date = x->carry_date;
                has_date = 1;
            }
            if (place < 0 && group == x->carry_group)
                place = x->carry_place;
        }
        if (!has_date) {
            memset(&date, 0, sizeof(date));
        }
        /* roles */
        if (tr->vt == V_COCHAIR || tr->vt == V_CHAIR) {
            for (k = 0; k < n; k++)
                roles[k] = DG_ROLE_CHAIR;
        } else if (tr->vt == V_ATTEND || kind == DG_KIND_CALL || kind == DG_KIND_VIDEO_CALL) {
            for (k = 0; k < n; k++)
                roles[k] = DG_ROLE_PARTICIPANT;
        } else if (tr->vt == V_VISIT) {
            for (k = 0; k < n; k++)
                roles[k] = k + 1 < n ? DG_ROLE_GUEST : DG_ROLE_HOST;
        } else {
            roles_by_place(x, place, ps, roles, n, n_subj);
            if (tr->vt == V_CALL_ON && place < 0 && x->visit_country < 0)
                for (k = 0; k < n; k++)
                    roles[k] = k < n_subj ? DG_ROLE_GUEST : DG_ROLE_HOST;
        }
        /* 分别会见A、B / A和B分别会见C: one meeting per pair */
        if (group < 0 && n >= 3 && (n_subj == 1 || n_subj == n - 1) &&
            dg_xfind(x, n_subj && !fronted ? ps[0].end : rs, p, "分别") != (size_t)-1) {
            size_t j, many = n_subj == 1 ? n - 1 : n_subj;
            for (j = 0; j < many; j++) {
                xparty pair[2];
                dg_role r2[2];
                pair[0] = n_subj == 1 ? ps[0] : ps[j];
                pair[1] = n_subj == 1 ? ps[1 + j] : ps[n - 1];
                r2[0] = n_subj == 1 ? roles[0] : roles[j];
                r2[1] = n_subj == 1 ? roles[1 + j] : roles[n - 1];
                dg_xemit(x, kind, has_date ? &date : NULL, place, -1, pair, r2, 2, s, e, 0.85);
            }
            last_trigger_end = tend;
            p = tend;
            continue;
        }
        if (group >= 0)
            dg_xadd_group_members(x, group, has_date ? &date : NULL, ps, roles, &n);
        dg_xemit(x, kind, has_date ? &date : NULL, place, group, ps, roles, n, s, e,
                 n_obj || n_subj ? 0.9 : 0.6);
        last_trigger_end = tend;
        if (has_date && date.y) {
            x->carry_date = date;
            x->carry_valid = 1;
        }
        p = tend;
    }
}
