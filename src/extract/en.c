#define _GNU_SOURCE /* memmem */
/* The English grammar: trigger-first like the Chinese one. Each trigger
 * ("met with", "held talks with", "had a phone call with", "co-chaired",
 * "attended", "... Meeting was held in") is parsed with the gazetteer
 * matches around it and capitalised name runs from the original text.
 * Works on the folded text (lower case), looking at the original for
 * capitals. */
#include <stdio.h>

#include "extract/extract_int.h"
#include "common.h"

typedef enum {
    E_HOST = 0,    /* X met Y: X hosts unless the place says otherwise */
    E_MUTUAL,      /* X held talks with Y; X and Y met */
    E_PASSIVE,     /* Y was received by X */
    E_CALLED_ON,   /* Y called on X: X hosts */
    E_COCHAIR,
    E_ATTEND,      /* X attended the ... Meeting */
    E_HELD,        /* the ... Meeting was held */
    E_BETWEEN,     /* talks between X and Y */
    E_CHAIR,       /* X chaired the ... Meeting */
    E_VISIT,       /* X visited Country: the country hosts */
    E_JOIN,        /* the meeting was inaugurated by X: X joins the last one */
    E_FRONT        /* When meeting with Y, X said: the subject after the clause */
} en_type;

typedef struct {
    const char *text;
    dg_kind kind;
    en_type t;
} en_trigger;

static const en_trigger triggers[] = {
    { "held a video call with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "had a video call with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "held a virtual meeting with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "held a video conference with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "held virtual talks with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "held video talks with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "video call with ", DG_KIND_VIDEO_CALL, E_MUTUAL },
    { "received a phone call from ", DG_KIND_CALL, E_MUTUAL },
    { "received a telephone call from ", DG_KIND_CALL, E_MUTUAL },
    { "received a call from ", DG_KIND_CALL, E_MUTUAL },
    { "took a phone call from ", DG_KIND_CALL, E_MUTUAL },
    { "had a phone call with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke over the phone", DG_KIND_CALL, E_MUTUAL },
    { "spoke on the phone", DG_KIND_CALL, E_MUTUAL },
    { "spoke by phone", DG_KIND_CALL, E_MUTUAL },
    { "talked by phone", DG_KIND_CALL, E_MUTUAL },
    { "talked over the phone", DG_KIND_CALL, E_MUTUAL },
    { "held a phone call ", DG_KIND_CALL, E_MUTUAL },
    { "had a phone call ", DG_KIND_CALL, E_MUTUAL },
    { "held a telephone call ", DG_KIND_CALL, E_MUTUAL },
    { "spoke today with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke yesterday with ", DG_KIND_CALL, E_MUTUAL },
    { "had a telephone call with ", DG_KIND_CALL, E_MUTUAL },
    { "held a phone call with ", DG_KIND_CALL, E_MUTUAL },
    { "held a telephone conversation with ", DG_KIND_CALL, E_MUTUAL },
    { "had a telephone conversation with ", DG_KIND_CALL, E_MUTUAL },
    { "had a phone conversation with ", DG_KIND_CALL, E_MUTUAL },
    { "held phone talks with ", DG_KIND_CALL, E_MUTUAL },
    { "held telephone talks with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke by phone with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke by telephone with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke on the phone with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke over the phone with ", DG_KIND_CALL, E_MUTUAL },
    { "talked over the phone with ", DG_KIND_CALL, E_MUTUAL },
    { "talked on the phone with ", DG_KIND_CALL, E_MUTUAL },
    { "talked by phone with ", DG_KIND_CALL, E_MUTUAL },
    { "spoke with ", DG_KIND_CALL, E_MUTUAL },
    { "'s call with ", DG_KIND_CALL, E_MUTUAL },
    { "phone call with ", DG_KIND_CALL, E_MUTUAL },
    { "held talks with ", DG_KIND_TALKS, E_MUTUAL },
    { "held a meeting ", DG_KIND_MEET, E_MUTUAL },
    { "held the first round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the second round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the third round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the fourth round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the fifth round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the sixth round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the seventh round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the eighth round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the ninth round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the tenth round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held a new round of ", DG_KIND_TALKS, E_MUTUAL },
    { "held the latest round of ", DG_KIND_TALKS, E_MUTUAL },
    { "had talks with ", DG_KIND_TALKS, E_MUTUAL },
    { "holds talks with ", DG_KIND_TALKS, E_MUTUAL },
    { "held talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held extensive talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held in-depth talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held wide-ranging talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held delegation-level talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held bilateral talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held formal talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held official talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held restricted talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held fruitful talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held productive talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held cordial talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held comprehensive talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held detailed talks ", DG_KIND_TALKS, E_MUTUAL },
    { "held substantive talks ", DG_KIND_TALKS, E_MUTUAL },
    { "headed delegation-level bilateral talks ", DG_KIND_TALKS, E_MUTUAL },
    { "headed delegation-level talks ", DG_KIND_TALKS, E_MUTUAL },
    { "talks between ", DG_KIND_TALKS, E_BETWEEN },
    { "summit between ", DG_KIND_MEET, E_BETWEEN },
    { "meeting between ", DG_KIND_MEET, E_BETWEEN },
    { "phone call between ", DG_KIND_CALL, E_BETWEEN },
    { "video call between ", DG_KIND_VIDEO_CALL, E_BETWEEN },
    { "co-chaired ", DG_KIND_COCHAIR, E_COCHAIR },
    { "chaired ", DG_KIND_MULTILATERAL, E_CHAIR },
    { "presided over ", DG_KIND_MULTILATERAL, E_CHAIR },
    { "co-chair ", DG_KIND_COCHAIR, E_COCHAIR },
    { "cochaired ", DG_KIND_COCHAIR, E_COCHAIR },
    { "when meeting with ", DG_KIND_MEET, E_FRONT },
    { "while meeting with ", DG_KIND_MEET, E_FRONT },
    { "in meeting with ", DG_KIND_MEET, E_FRONT },
    { "during his meeting with ", DG_KIND_MEET, E_FRONT },
    { "during her meeting with ", DG_KIND_MEET, E_FRONT },
    { "during the meeting with ", DG_KIND_MEET, E_FRONT },
    { "during a meeting with ", DG_KIND_MEET, E_FRONT },
    { "in his meeting with ", DG_KIND_MEET, E_FRONT },
    { "in her meeting with ", DG_KIND_MEET, E_FRONT },
    { "at his meeting with ", DG_KIND_MEET, E_FRONT },
    { "at her meeting with ", DG_KIND_MEET, E_FRONT },
    { "when holding talks with ", DG_KIND_TALKS, E_FRONT },
    { "while holding talks with ", DG_KIND_TALKS, E_FRONT },
    { "during talks with ", DG_KIND_TALKS, E_FRONT },
    { "during his talks with ", DG_KIND_TALKS, E_FRONT },
    { "during her talks with ", DG_KIND_TALKS, E_FRONT },
    { "in talks with ", DG_KIND_TALKS, E_FRONT },
    { "in his talks with ", DG_KIND_TALKS, E_FRONT },
    { "in her talks with ", DG_KIND_TALKS, E_FRONT },
    { "during a phone call with ", DG_KIND_CALL, E_FRONT },
    { "during the phone call with ", DG_KIND_CALL, E_FRONT },
    { "during his phone call with ", DG_KIND_CALL, E_FRONT },
    { "during her phone call with ", DG_KIND_CALL, E_FRONT },
    { "in a phone call with ", DG_KIND_CALL, E_FRONT },
    { "in his phone call with ", DG_KIND_CALL, E_FRONT },
    { "in her phone call with ", DG_KIND_CALL, E_FRONT },
    { "in a telephone conversation with ", DG_KIND_CALL, E_FRONT },
    { "during a telephone conversation with ", DG_KIND_CALL, E_FRONT },
    { "in a video call with ", DG_KIND_VIDEO_CALL, E_FRONT },
    { "during a video call with ", DG_KIND_VIDEO_CALL, E_FRONT },
    { "'s meeting with ", DG_KIND_MEET, E_MUTUAL },
    { "his meeting with ", DG_KIND_MEET, E_MUTUAL },
    { "her meeting with ", DG_KIND_MEET, E_MUTUAL },
    { "had in-depth exchanges", DG_KIND_MEET, E_MUTUAL },
    { "met with ", DG_KIND_MEET, E_HOST },
    { "met today with ", DG_KIND_MEET, E_HOST },
    { "met yesterday with ", DG_KIND_MEET, E_HOST },
    { "meets with ", DG_KIND_MEET, E_HOST },
    { "meet with ", DG_KIND_MEET, E_HOST },
    { "met ", DG_KIND_MEET, E_HOST },
    { "meets ", DG_KIND_MEET, E_HOST },
    { "was received by ", DG_KIND_MEET, E_PASSIVE },
    { "were received by ", DG_KIND_MEET, E_PASSIVE },
    { "received ", DG_KIND_MEET, E_HOST },
    { "receives ", DG_KIND_MEET, E_HOST },
    { "hosted ", DG_KIND_MEET, E_HOST },
    { "paid a courtesy call on ", DG_KIND_MEET, E_CALLED_ON },
    { "called on ", DG_KIND_MEET, E_CALLED_ON },
    { "paid a state visit to ", DG_KIND_VISIT, E_VISIT },
    { "paid an official visit to ", DG_KIND_VISIT, E_VISIT },
    { "paid a working visit to ", DG_KIND_VISIT, E_VISIT },
    { "'s visit to ", DG_KIND_VISIT, E_VISIT },
    { "visited ", DG_KIND_VISIT, E_VISIT },
    { "official visit to ", DG_KIND_VISIT, E_VISIT },
    { "state visit to ", DG_KIND_VISIT, E_VISIT },
    { "working visit to ", DG_KIND_VISIT, E_VISIT },
    { "official goodwill visit to ", DG_KIND_VISIT, E_VISIT },
    { "attended ", DG_KIND_MULTILATERAL, E_ATTEND },
    { "took part in ", DG_KIND_MULTILATERAL, E_ATTEND },
    { "participated in ", DG_KIND_MULTILATERAL, E_ATTEND },
    { "was held ", DG_KIND_MULTILATERAL, E_HELD },
    { "took place ", DG_KIND_MULTILATERAL, E_HELD },
    { "was inaugurated by ", DG_KIND_MULTILATERAL, E_JOIN },
    { "was opened by ", DG_KIND_MULTILATERAL, E_JOIN },
    { "was addressed by ", DG_KIND_MULTILATERAL, E_JOIN },
    { "opened ", DG_KIND_MULTILATERAL, E_HELD },
};

static const char *const irrealis[] = {
    "will ", "would ", "to meet", "to hold", "plans to", "planned to", "plan to",
    "is expected", "are expected", "was expected", "is scheduled", "are scheduled",
    "is set to", "are set to", "could ", "might ", "did not", "didn't",
    "never ", "has not", "have not", "hasn't", "haven't", "refused", "declined",
    "if ", "hopes to", "hope to", "looks forward", "look forward", "invited ",
    "invitation", "should ", "wants to", "intends to", "last met", "has met",
    "have met", "had met", "had previously", "previously met", "once met",
    "to visit", "to attend", "to co-chair", "to talk", "to speak", "ahead of",
    "no plan", "not meet", "denied", "whether ",
};

static long country_of(const xdoc *x, const dg_gaz_match *m)
{
    long c = dg_xref(x, m, DG_ENT_DEMONYM);
    return c >= 0 ? c : dg_xref(x, m, DG_ENT_COUNTRY);
}

/* Is pos inside a gazetteer match ("Qaboos bin Said")? */
static int inside_match(const xdoc *x, size_t pos)
{
    size_t i = dg_xmatch_from(x, pos > 64 ? pos - 64 : 0);

    for (; i < x->nm && x->m[i].start <= pos; i++)
        if (x->m[i].end > pos && x->m[i].type != DG_ENT_TRIGGER)
            return 1;
    return 0;
}

static char orig_at(const xdoc *x, size_t pos)
{
    return x->doc->text[x->fd.map[pos]];
}

static int is_upper_at(const xdoc *x, size_t pos)
{
    unsigned char c = (unsigned char)orig_at(x, pos);
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

static size_t skip_sp(const xdoc *x, size_t i, size_t lim)
{
    while (i < lim && x->fd.text.ptr[i] == ' ')
        i++;
    return i;
}

static size_t word_end(const xdoc *x, size_t i, size_t lim)
{
    while (i < lim && (is_alpha(x->fd.text.ptr[i]) || x->fd.text.ptr[i] == '-' ||
                       x->fd.text.ptr[i] == '\'' || x->fd.text.ptr[i] == '.'))
        i++;
    /* a final period ends the sentence, not the word, unless an initial */
    if (i > 0 && x->fd.text.ptr[i - 1] == '.' && i >= 2 && is_alpha(x->fd.text.ptr[i - 2]) &&
        !(i >= 3 && (x->fd.text.ptr[i - 3] == ' ' || x->fd.text.ptr[i - 3] == '.')))
        i--;
    return i;
}

static int word_is(const xdoc *x, size_t i, size_t lim, const char *w)
{
    size_t n = strlen(w);
    return i + n <= lim && memcmp(x->fd.text.ptr + i, w, n) == 0 &&
           (i + n == lim || !is_alpha(x->fd.text.ptr[i + n]));
}

/* Lower-case words allowed inside a name: Retno Marsudi, Jean-Yves Le Drian,
 * Mohammed bin Salman, Ursula von der Leyen. */
static int name_particle(const xdoc *x, size_t i, size_t lim)
{
    static const char *const parts[] = { "bin", "binti", "al", "van", "von", "der", "de", "da", "la", "le", "du", "dos" };
    size_t k;
    for (k = 0; k < DG_ARRAY_LEN(parts); k++)
        if (word_is(x, i, lim, parts[k]))
            return 1;
    return 0;
}

/* A run of capitalised words (an unknown name) at i; returns its end. */
static size_t name_run(const xdoc *x, size_t i, size_t lim)
{
    size_t words = 0, end = i, j = i;

    while (j < lim) {
        size_t we;
        if (!is_alpha(x->fd.text.ptr[j]))
            break;
        if (dg_xmatch_at(x, j) && words > 0) {
            const dg_gaz_match *m = dg_xmatch_at(x, j);
            if (dg_xref(x, m, DG_ENT_OFFICIAL) < 0)
                break; /* a country or title ends the name */
        }
        we = word_end(x, j, lim);
        if (!is_upper_at(x, j)) {
            if (!(words > 0 && name_particle(x, j, lim)))
                break;
        }
        words++;
        end = we;
        if (words > 5)
            return i;
        j = we;
        if (j < lim && x->fd.text.ptr[j] == ' ')
            j++;
        else
            break;
    }
    /* a trailing particle is no part of a name */
    return words ? end : i;
}

/* The rest of a minister's portfolio after a title the gazetteer knows:
 * "Minister of Foreign Affairs[, European Union] and Cooperation",
 * "...and Expatriates". Returns where the name may start. */
static size_t skip_portfolios(const xdoc *x, size_t i, size_t lim)
{
    static const char *const portfolios[] = {
        "expatriates", "cooperation", "international cooperation", "european union",
        "european affairs", "foreign trade", "international trade", "external trade", "trade",
        "development cooperation", "development", "regional integration", "african integration",
        "integration", "worship", "emigrants", "diaspora", "the diaspora", "francophonie",
        "religious affairs", "tourism", "investment", "commonwealth affairs",
        "communities abroad", "nationals abroad", "immigration", "international relations",
    };

    for (;;) {
        size_t at = i, j, best = 0;
        if (dg_xat(x, at, ", "))
            at += 2;
        if (dg_xat(x, at, "and "))
            at += 4;
        if (at == i)
            return i;
        for (j = 0; j < DG_ARRAY_LEN(portfolios); j++) {
            size_t n = strlen(portfolios[j]);
            /* a whole word: a space or a comma after it */
            if (n > best && at + n < lim && dg_xat(x, at, portfolios[j]) &&
                (x->fd.text.ptr[at + n] == ' ' || x->fd.text.ptr[at + n] == ','))
                best = n;
        }
        if (!best)
            return i;
        i = skip_sp(x, at + best, lim);
    }
}

/* [the|his|her] [Country's|demonym] [counterpart] [title (and title)*]
 * [of Country] (official | Name) [, Jr.] */
/* Whether the n bytes at w occur in s as whole words: "rahim" is in
 * "anwar ibrahim" only inside a word. */
static int whole_words_in(const char *s, size_t len, const char *w, size_t n)
{
    const char *q = s, *end = s + len, *f;

    while (n && (f = memmem(q, (size_t)(end - q), w, n)) != NULL) {
        if ((f == s || f[-1] == ' ') && (f + n == end || f[n] == ' '))
            return 1;
        q = f + 1;
    }
    return 0;
}

static size_t parse_party(const xdoc *x, size_t pos, size_t lim, xparty *p)
{
    size_t i = skip_sp(x, pos, lim);
    const dg_gaz_match *m;
    int honorific = 0, counterpart = 0;

    memset(p, 0, sizeof(*p));
    p->official = p->country = p->title = p->group = -1;
    for (;;) {
        /* determiners, then honorifics (from H.E. on): a name after an
         * honorific is a person's */
        static const char *const dets[] = { "the ", "his ", "her ", "their ", "visiting ", "h.e. ", "mr. ", "mrs. ", "ms. ", "dr. ", "mr ", "ms ", "dr " };
        size_t k;
        if (dg_xmatch_at(x, i))
            break; /* "DR Congolese" is a demonym, not Dr. */
        for (k = 0; k < DG_ARRAY_LEN(dets); k++)
            if (dg_xat(x, i, dets[k]) && i + strlen(dets[k]) <= lim)
                break;
        if (k == DG_ARRAY_LEN(dets))
            break;
        i += strlen(dets[k]);
        if (k >= 5)
            honorific = 1;
    }
    m = dg_xmatch_at(x, i);
    if (!m && i < lim && is_upper_at(x, i)) {
        /* "Secretary Kerry", "Chancellor Merkel": a capitalised word the
         * gazetteer does not know as a title, before a known official */
        size_t we = word_end(x, i, lim);
        const dg_gaz_match *o = we < lim && x->fd.text.ptr[we] == ' ' ? dg_xmatch_at(x, we + 1) : NULL;
        if (o && o->end <= lim && dg_xref(x, o, DG_ENT_OFFICIAL) >= 0) {
            i = we + 1;
            m = o;
        }
    }
    if (m && m->end <= lim && country_of(x, m) >= 0 && dg_xref(x, m, DG_ENT_OFFICIAL) < 0) {
        p->country = country_of(x, m);
        i = m->end;
        if (dg_xat(x, i, "'s "))
            i += 3;
        else if (dg_xat(x, i, "' ")) /* the United Arab Emirates' President */
            i += 2;
        else if (dg_xat(x, i, " "))
            i += 1;
        m = dg_xmatch_at(x, i);
    }
    if (dg_xat(x, i, "counterpart ") || dg_xat(x, i, "counterpart, ")) {
        /* "his Chilean counterpart(,) Rodrigo Miranda": the subject's
         * peer, as good as a title before a name */
        i += 11;
        i += x->fd.text.ptr[i] == ',' ? 2 : 1;
        counterpart = 1;
        m = dg_xmatch_at(x, i);
    }
    /* qualifiers before a title: State Minister, Senior Minister, First
     * Vice President, Acting Foreign Minister */
    if (!m) {
        static const char *const quals[] = { "state ", "senior ", "first ", "second ", "acting ",
                                             "chief ", "executive " };
        size_t k;
        for (k = 0; k < DG_ARRAY_LEN(quals); k++)
            if (dg_xat(x, i, quals[k])) {
                const dg_gaz_match *n2 = dg_xmatch_at(x, i + strlen(quals[k]));
                if (n2 && dg_xref(x, n2, DG_ENT_TITLE) >= 0)
                    m = n2;
                break;
            }
    }
    while (m && m->end <= lim && dg_xref(x, m, DG_ENT_TITLE) >= 0 && dg_xref(x, m, DG_ENT_OFFICIAL) < 0) {
        /* "President Sultan bin Abdulaziz": a title word followed by a
         * name particle begins the name */
        if (p->title >= 0 && m->end + 1 < lim && x->fd.text.ptr[m->end] == ' ' &&
            name_particle(x, m->end + 1, lim))
            break;
        if (p->title < 0) {
            p->title = dg_xref(x, m, DG_ENT_TITLE);
            p->title_start = m->start;
        }
        p->title_end = m->end;
        i = skip_portfolios(x, skip_sp(x, m->end, lim), lim);
        if (dg_xat(x, i, "of ")) {
            const dg_gaz_match *c = dg_xmatch_at(x, i + 3);
            if (!c && dg_xat(x, i + 3, "the "))
                c = dg_xmatch_at(x, i + 7);
            if (c && country_of(x, c) >= 0 && p->country < 0) {
                p->country = country_of(x, c);
                i = skip_sp(x, c->end, lim);
            } else if (c && dg_xat(x, i + 3, "the ") && dg_xref(x, c, DG_ENT_TITLE) >= 0 &&
                       dg_xref(x, c, DG_ENT_OFFICIAL) < 0 && c->end <= lim) {
                /* "Special Envoy of the Prime Minister": whose envoy, not
                 * another title */
                i = skip_sp(x, c->end, lim);
            }
        }
        if (dg_xat(x, i, "and ")) {
            const dg_gaz_match *n2 = dg_xmatch_at(x, i + 4);
            if (n2 && dg_xref(x, n2, DG_ENT_TITLE) >= 0) {
                m = n2;
                continue;
            }
        }
        m = dg_xmatch_at(x, i);
    }
    i = skip_sp(x, i, lim);
    m = dg_xmatch_at(x, i);
    if (m && m->end <= lim && dg_xref(x, m, DG_ENT_OFFICIAL) >= 0) {
        const dg_official *o = dg_gazetteer_official(x->gaz, (uint32_t)dg_xref(x, m, DG_ENT_OFFICIAL));
        size_t after = m->end + 1;
        p->type = DG_PARTY_PERSON;
        /* "Retno Sadikin" is not Retno Marsudi: a known first name or
         * surname followed by more of a name, or an official of another
         * country than the one stated, is an unknown person */
        size_t run = (m->end < lim && x->fd.text.ptr[m->end] == ' ' && after < lim &&
                      is_upper_at(x, after) && !dg_xmatch_at(x, after))
                         ? name_run(x, after, lim) : after;
        /* "President Xi Jinping": the rest is part of the official's name */
        if (run > after && o->name_en) {
            dg_buf rest = DG_BUF_INIT;
            dg_fold_append(dg_gazetteer_fold(x->gaz), &rest, o->name_en, strlen(o->name_en));
            if (rest.ptr && whole_words_in(rest.ptr, rest.len, x->fd.text.ptr + after, run - after))
                run = after;
            dg_buf_destroy(&rest);
        }
        const dg_title *tt = p->title >= 0 ? dg_gazetteer_title(x->gaz, (uint32_t)p->title) : NULL;
        /* "Deputy Secretary of State Bennett" is not Israel's Prime
         * Minister: a title of another country, or a deputy's title on a
         * principal's name (or the reverse), makes a namesake */
        if (run > after ||
            (p->country >= 0 &&
             strcmp(o->country, dg_gazetteer_country(x->gaz, (uint32_t)p->country)->code) != 0) ||
            (tt && tt->country[0] && strcmp(tt->country, o->country) != 0) ||
            (p->title >= 0 && !dg_xtitle_fits(x, p->title, dg_xref(x, m, DG_ENT_OFFICIAL)))) {
            p->name_start = m->start;
            p->name_end = name_run(x, m->start, lim);
            if (p->name_end <= m->end)
                p->name_end = m->end;
            p->end = p->name_end;
            return p->end;
        }
        p->official = dg_xref(x, m, DG_ENT_OFFICIAL);
        p->end = m->end;
        return p->end;
    }
    if (p->title < 0 && p->country < 0) {
        /* "Cai also held talks": a surname named in full earlier */
        size_t e = name_run(x, i, lim);
        if (e > i && dg_xrecall(x, i, e, p)) {
            p->start = pos;
            return e;
        }
    }
    if (p->title >= 0 || p->country >= 0 || honorific || counterpart) {
        size_t e = name_run(x, i, lim);
        /* "Secretary Kerry", "Mr Aziz": a surname of someone the document
         * names in full */
        if (e > i && (p->title >= 0 || honorific) && !memchr(x->fd.text.ptr + i, ' ', e - i)) {
            xparty r;
            if (dg_xrecall(x, i, e, &r)) {
                if (r.title < 0) {
                    r.title = p->title;
                    r.title_start = p->title_start;
                    r.title_end = p->title_end;
                }
                if (p->country >= 0 && r.country >= 0 && r.country != p->country)
                    goto unknown; /* another country's namesake */
                r.start = pos;
                *p = r;
                return e;
            }
        }
unknown:
        if (e > i && (p->title >= 0 || honorific || counterpart)) {
            p->type = DG_PARTY_PERSON;
            p->name_start = i;
            p->name_end = e;
            p->end = e;
            return e;
        }
        /* "his French counterpart" and no name: the French official the
         * document names, if only one */
        if (counterpart && e <= i && p->country >= 0 && i > pos) {
            size_t end = i <= lim ? i - 1 : lim;
            xparty r;
            if (dg_xofficial_of(x, p->country, pos, end, &r)) {
                *p = r;
                return end;
            }
        }
    }
    return pos;
}

/* Only "and", commas and spaces between two persons. */
static int joined(const xdoc *x, size_t a, size_t b)
{
    while (a < b) {
        if (x->fd.text.ptr[a] == ' ' || x->fd.text.ptr[a] == ',')
            a++;
        else if (dg_xat(x, a, "and "))
            a += 4;
        else
            return 0;
    }
    return 1;
}

/* The subject is the group of persons nearest the verb. */
static size_t nearest_group(const xdoc *x, xparty *ps, size_t n)
{
    size_t first;

    if (n == 0)
        return 0;
    first = n - 1;
    while (first > 0 && joined(x, ps[first - 1].end, ps[first].start))
        first--;
    if (first > 0)
        memmove(ps, ps + first, (n - first) * sizeof(xparty));
    return n - first;
}

static size_t parse_parties(const xdoc *x, size_t from, size_t to, xparty *out, size_t max)
{
    size_t n = 0, i = from;

    while (i < to && n < max) {
        size_t e = parse_party(x, i, to, &out[n]);
        if (e > i) {
            out[n].start = i;
            if (out[n].title >= 0 || out[n].official >= 0)
                dg_xremember((xdoc *)x, &out[n]);
            n++;
            i = e;
        } else {
            /* next word */
            while (i < to && x->fd.text.ptr[i] != ' ')
                i++;
            while (i < to && x->fd.text.ptr[i] == ' ')
                i++;
        }
    }
    return n;
}

/* The object of a verb ends at the clause: a period, semicolon, a comma
 * before a lower-case word, or a preposition introducing place or time. */
static size_t object_end(const xdoc *x, size_t from, size_t e)
{
    size_t i;
    static const char *const stops[] = {
        " on ", " in ", " at ", " during ", " to discuss", " and discussed", " and exchanged",
        " who ", " which ", " where ", " when ", " after ", " before ", " as ",
        " here ", " via ", " over ", " for ", " about ", " ahead ", " amid ",
    };

    for (i = from; i < e; i++) {
        size_t k;
        char c = x->fd.text.ptr[i];
        if (c == ';' || c == '(' || c == ':')
            return i;
        if (c == ',' && !(i + 2 < e && is_upper_at(x, i + 2)))
            return i;
        if (c != ' ' || i == from)
            continue; /* every stop word starts with a space */
        for (k = 0; k < DG_ARRAY_LEN(stops); k++)
            if (dg_xat(x, i, stops[k]) && !inside_match(x, i + 1))
                return i; /* not the "for" of "Minister for Foreign Affairs" */
    }
    return e;
}

static int irrealis_before(const xdoc *x, size_t s, size_t p)
{
    size_t i, k;

    for (i = s; i < p; i++) {
        char c = x->fd.text.ptr[i];
        if ((i > s && is_alpha(x->fd.text.ptr[i - 1])) || c < 'a' || c > 'y')
            continue;
        for (k = 0; k < DG_ARRAY_LEN(irrealis); k++)
            if (irrealis[k][0] == c && dg_xat(x, i, irrealis[k])) {
                /* "At the invitation of X, Y paid a visit": done, not planned */
                if (c == 'i' && i >= s + 7 && (dg_xat(x, i - 7, "at the ") || dg_xat(x, i - 7, "on the ")) &&
                    dg_xat(x, i, "invitation of"))
                    continue;
                return 1;
            }
    }
    return 0;
}

/* The year (1990-2100) named in [s, e) as a number of its own, when there
 * is exactly one; else 0. */
static int sentence_year(const xdoc *x, size_t s, size_t e)
{
    size_t i;
    int year = 0;

    for (i = s; i + 4 <= e; i++) {
        const char *t = x->fd.text.ptr + i;
        int y;
        if ((i > s && ((t[-1] >= '0' && t[-1] <= '9') || is_alpha(t[-1]))) ||
            !(t[0] >= '1' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' && t[2] >= '0' &&
              t[2] <= '9' && t[3] >= '0' && t[3] <= '9') ||
            (i + 4 < e && ((t[4] >= '0' && t[4] <= '9') || is_alpha(t[4]))))
            continue;
        y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
        if (y < 1990 || y > 2100)
            continue;
        if (year && year != y)
            return 0;
        year = y;
    }
    return year;
}

/* Whether the verb at p (ending at tend) is done by video: "virtually"
 * just before it, or a video means in the words after it, up to the end
 * of its clause. */
static int by_video(const xdoc *x, size_t p, size_t tend, size_t e)
{
    static const char *const means[] = { "virtually", "via video", "by video", "through video",
                                         "via a video", "by a video", "over video", "via videoconference",
                                         "by videoconference" };
    size_t i, lim = tend + 80 < e ? tend + 80 : e;

    if (p >= 10 && dg_xat(x, p - 10, "virtually "))
        return 1;
    for (i = tend > 0 ? tend - 1 : 0; i < lim; i++) {
        char c = x->fd.text.ptr[i];
        size_t j;
        if (c == ',' || c == ';' || c == '.')
            break;
        if (c != ' ')
            continue;
        for (j = 0; j < DG_ARRAY_LEN(means); j++)
            if (dg_xat(x, i + 1, means[j]))
                return 1;
    }
    return 0;
}

/* Whether the n bytes at t hold a year of four digits. */
static int names_year(const char *t, size_t n)
{
    size_t i, run = 0;

    for (i = 0; i < n; i++) {
        run = (t[i] >= '0' && t[i] <= '9') ? run + 1 : 0;
        if (run == 4)
            return 1;
    }
    return 0;
}

/* The date of [s, e), the clause of an event in the sentence from s0 */
static int find_date(const xdoc *x, size_t s0, size_t s, size_t e, xdate *out)
{
    size_t i;

    /* "later the same day", "on the same day": the last event's date */
    if (x->carry_valid && (dg_xfind(x, s, e, "the same day") != (size_t)-1 ||
                           dg_xfind(x, s, e, "that day") != (size_t)-1 ||
                           /* "Later, X called on Y": the day of the last */
                           dg_xat(x, skip_sp(x, s0, e), "later, ") ||
                           dg_xat(x, skip_sp(x, s0, e), "later on, "))) {
        *out = x->carry_date;
        return 1;
    }
    /* "the following day", "the next day": after the last event's */
    if (x->carry_valid && x->carry_date.d &&
        (dg_xfind(x, s, e, "the following day") != (size_t)-1 ||
         dg_xfind(x, s, e, "the next day") != (size_t)-1 ||
         dg_xfind(x, s, e, "a day later") != (size_t)-1)) {
        *out = x->carry_date;
        dg_xdate_add_days(out, 1);
        return 1;
    }

    for (i = s; i < e; i++) {
        xdate d;
        const char *t = x->fd.text.ptr + i;
        if (i > s && (is_alpha(t[-1]) || (t[-1] >= '0' && t[-1] <= '9')))
            continue;
        if (!(is_alpha(t[0]) || (t[0] >= '0' && t[0] <= '9')))
            continue;
        {
            size_t n = dg_xdate_en_at(&d, t, x->fd.text.len - i, &x->ref);
            /* "resumed in 2014 ... when they met on Jan 27": the one year
             * the sentence names before a month and day */
            if (n && d.m && d.d && !names_year(t, n)) {
                int sy = sentence_year(x, s0, i);
                if (!d.y || sy)
                    d.y = sy;
            }
            /* "on March 19 last year", "last year on March 19": the year
             * before the report's */
            if (n && d.m && x->ref.y && !names_year(t, n) &&
                (dg_xat(x, i + n, " last year") || dg_xat(x, i + n, ", last year") ||
                 (i >= 13 && (dg_xat(x, i - 13, "last year on ") || dg_xat(x, i - 13, "last year in ")))))
                d.y = x->ref.y - 1;
            /* "in November that year": the year the sentence named */
            if (!n) {
                int mon;
                size_t k = dg_xdate_en_month_at(&mon, t, x->fd.text.len - i);
                if (k && (dg_xat(x, i + k, " that year") || dg_xat(x, i + k, " the same year") ||
                          dg_xat(x, i + k, " of that year") || dg_xat(x, i + k, " of the same year"))) {
                    d.y = sentence_year(x, s0, i);
                    d.m = mon;
                    d.d = 0;
                    n = d.y ? k : 0;
                }
            }
            if (n && d.y) {
                /* "BEIJING, June 7 (Xinhua) --" dates the report */
                size_t k = i + n;
                while (k < x->fd.text.len && x->fd.text.ptr[k] == ' ')
                    k++;
                if (dg_xat(x, k, "(xinhua)") || dg_xat(x, k, "--") || dg_xat(x, k, "(reuters)") ||
                    dg_xat(x, k, "(ap)") || dg_xat(x, k, "(afp)")) {
                    i = k;
                    continue;
                }
                *out = d;
                return 1;
            }
        }
        if (dg_xdate_en_weekday(&d, t, x->fd.text.len - i, &x->ref) && d.y) {
            *out = d;
            return 1;
        }
    }
    return 0;
}

static long find_place(const xdoc *x, size_t s, size_t e)
{
    size_t i = dg_xmatch_from(x, s);

    for (; i < x->nm && x->m[i].start < e; i++) {
        long pl = dg_xref(x, &x->m[i], DG_ENT_PLACE);
        size_t st = x->m[i].start;
        if (pl < 0)
            continue;
        if ((st >= 3 && dg_xat(x, st - 3, "in ")) || (st >= 3 && dg_xat(x, st - 3, "at ")) ||
            (st >= 7 && dg_xat(x, st - 7, "at the ")) || (st >= 7 && dg_xat(x, st - 7, "in the ")))
            return pl;
    }
    return -1;
}

static long find_group_meeting(const xdoc *x, size_t s, size_t e)
{
    size_t i = dg_xmatch_from(x, s);
    static const char *const nouns[] = { "meeting", "summit", "forum", "dialogue", "conference", "ministerial" };

    for (; i < x->nm && x->m[i].start < e; i++) {
        long g = dg_xref(x, &x->m[i], DG_ENT_GROUP);
        size_t k, lim = x->m[i].end + 80 < e ? x->m[i].end + 80 : e;
        /* "the Ministerial Conference of the Forum on ...": the noun may
         * come before the group's name */
        size_t before = x->m[i].start > s + 60 ? x->m[i].start - 60 : s;
        if (g < 0)
            continue;
        for (k = 0; k < DG_ARRAY_LEN(nouns); k++)
            if (dg_xfind(x, x->m[i].end, lim, nouns[k]) != (size_t)-1 ||
                dg_xfind(x, before, x->m[i].start, nouns[k]) != (size_t)-1)
                return g;
    }
    return -1;
}

static size_t countries_of(const xdoc *x, size_t from, size_t to, xparty *out, size_t max);

/* Whether the sentence at s opens with a session of a series: "The
 * first dialogue", "The fifth session", "The last round". */
static int series_session(const xdoc *x, size_t s, size_t p)
{
    static const char *const ordinals[] = {
        "first ", "second ", "third ", "fourth ", "fifth ", "sixth ", "seventh ", "eighth ",
        "ninth ", "tenth ", "last ", "previous ", "latest ",
    };
    static const char *const nouns[] = { "session", "round", "dialogue", "meeting" };
    size_t i = skip_sp(x, s, p), j;
    int n;

    if (!dg_xat(x, i, "the "))
        return 0;
    i += 4;
    for (j = 0, n = 0; j < DG_ARRAY_LEN(ordinals) && !n; j++)
        if (dg_xat(x, i, ordinals[j]))
            n = (int)strlen(ordinals[j]);
    if (!n && i + 4 < p && x->fd.text.ptr[i] >= '1' && x->fd.text.ptr[i] <= '9') {
        /* 5th, 21st */
        size_t k = i;
        while (k < p && x->fd.text.ptr[k] >= '0' && x->fd.text.ptr[k] <= '9')
            k++;
        if (dg_xat(x, k, "th ") || dg_xat(x, k, "st ") || dg_xat(x, k, "nd ") || dg_xat(x, k, "rd "))
            n = (int)(k + 3 - i);
    }
    if (!n)
        return 0;
    i += (size_t)n;
    for (j = 0; j < DG_ARRAY_LEN(nouns); j++)
        if (dg_xat(x, i, nouns[j]))
            return 1;
    return 0;
}

/* The two countries of the dialogue named last before s ("the
 * China-Pakistan Foreign Ministers' Strategic Dialogue", "the United
 * States and Pakistan will hold the sixth strategic dialogue"): 2 when a
 * sentence names one with exactly two countries. */
static size_t dialogue_pair(const xdoc *x, size_t s, xparty *out)
{
    size_t d = (size_t)-1, i, a, b, n;

    for (i = dg_xfind(x, 0, s, "dialogue"); i != (size_t)-1; i = dg_xfind(x, i + 8, s, "dialogue"))
        d = i;
    if (d == (size_t)-1)
        return 0;
    /* the sentence of that mention */
    for (a = d; a > 0 && !(x->fd.text.ptr[a - 1] == '.' || x->fd.text.ptr[a - 1] == '\n'); a--)
        ;
    for (b = d; b < s && !(x->fd.text.ptr[b] == '.' || x->fd.text.ptr[b] == '\n'); b++)
        ;
    n = countries_of(x, a, b, out, 3);
    return n == 2 && out[0].country != out[1].country ? 2 : 0;
}

/* "leaders of South Korea, Indonesia and Cambodia": one country party each */
static size_t countries_of(const xdoc *x, size_t from, size_t to, xparty *out, size_t max)
{
    size_t n = 0, i = dg_xmatch_from(x, from);

    for (; i < x->nm && x->m[i].start < to && n < max; i++) {
        long c = dg_xref(x, &x->m[i], DG_ENT_COUNTRY);
        if (c < 0)
            continue;
        memset(&out[n], 0, sizeof(xparty));
        out[n].type = DG_PARTY_COUNTRY;
        out[n].official = out[n].title = out[n].group = -1;
        out[n].country = c;
        out[n].start = x->m[i].start;
        out[n].end = x->m[i].end;
        n++;
    }
    return n;
}

/* "The foreign ministers of China, Iran and Russia" before p: one
 * country party each, or 0. */
static size_t whose_countries(const xdoc *x, size_t s, size_t p, xparty *ps)
{
    static const char *const whose[] = { "ministers of ", "leaders of ", "heads of state of ",
                                         "representatives of " };
    size_t j, at = (size_t)-1;

    for (j = 0; j < DG_ARRAY_LEN(whose) && at == (size_t)-1; j++)
        at = dg_xfind(x, s, p, whose[j]);
    return at != (size_t)-1 ? countries_of(x, at, p, ps, X_MAX_PARTIES) : 0;
}

size_t dg_xen_trigger_count(void)
{
    return DG_ARRAY_LEN(triggers);
}

const char *dg_xen_trigger(size_t i)
{
    return triggers[i].text;
}

/* "the two leaders" (heads of state, presidents, ministers, sides...)
 * as the subject between from and the verb at p */
static int the_two(const xdoc *x, size_t from, size_t p)
{
    static const char *const heads[] = {
        "the two leaders ", "the two heads of state ", "the two presidents ",
        "the two ministers ", "the two foreign ministers ", "the two prime ministers ",
        "the two premiers ", "the two sides ", "the two officials ", "the two top diplomats ",
        "both leaders ", "both sides ", "both ministers ",
    };
    size_t j, at;

    for (j = 0; j < DG_ARRAY_LEN(heads); j++) {
        at = dg_xfind(x, from, p, heads[j]);
        /* the subject: nothing but a time phrase between it and the verb */
        if (at != (size_t)-1 && at + strlen(heads[j]) + 24 >= p)
            return 1;
    }
    return 0;
}

/* Roles of a meeting of subjects ps[0..n_subj) and objects after them:
 * the place's country hosts; else the subject hosts "met", the object
 * "was received by" / "called on"; calls have no host. */
static void assign_roles(const xdoc *x, const en_trigger *tr, long place, const xparty *ps,
                         size_t n, size_t n_subj, dg_role *roles)
{
    const char *pc = place >= 0 ? dg_gazetteer_place(x->gaz, (uint32_t)place)->country : "";
    size_t hosts = 0, k;

    for (k = 0; pc[0] && k < n; k++)
        hosts += strcmp(dg_xparty_country(x, &ps[k]), pc) == 0;
    for (k = 0; k < n; k++) {
        if (tr->kind == DG_KIND_CALL || tr->kind == DG_KIND_VIDEO_CALL)
            roles[k] = DG_ROLE_PARTICIPANT;
        else if (hosts > 0 && hosts < n)
            roles[k] = strcmp(dg_xparty_country(x, &ps[k]), pc) == 0 ? DG_ROLE_HOST : DG_ROLE_GUEST;
        else if (pc[0])
            roles[k] = DG_ROLE_PARTICIPANT;
        else if (tr->t == E_PASSIVE || tr->t == E_CALLED_ON)
            roles[k] = k < n_subj ? DG_ROLE_GUEST : DG_ROLE_HOST;
        else
            roles[k] = k < n_subj ? DG_ROLE_HOST : DG_ROLE_GUEST;
    }
}

/* The clause at p opens its sentence: nothing but a dateline ("-- ") or a
 * short time phrase ending in a comma ("On Thursday, ") comes before. */
static int opens_sentence(const xdoc *x, size_t s, size_t p)
{
    const char *t = x->fd.text.ptr;
    size_t i, from = s;

    for (i = s; i + 3 <= p; i++)
        if (dg_xat(x, i, "-- "))
            from = i + 3;
    /* spaces, quotes, and the dash or bullet of a list item */
    while (from < p && (t[from] == ' ' || t[from] == '"' || t[from] == '\'' || t[from] == '-' ||
                        t[from] == '*' || dg_xat(x, from, "\u2022")))
        from += dg_xat(x, from, "\u2022") ? 3 : 1;
    if (from == p)
        return 1;
    return p - from <= 40 && p >= from + 2 && t[p - 2] == ',' && t[p - 1] == ' ';
}

/* "When meeting with Indonesian President X, Li noted ...": the clause's
 * object is the counterpart, the subject follows its comma. Returns the
 * parties in ps (the subject first), or 0. */
/* The day another sentence of the document gives to what the known
 * official subj said or did: "Wang on Tuesday implored ...". A fronted
 * call or meeting ("In a phone call with X, Wang Yi said") is when he
 * said it. */
static int speaker_day(const xdoc *x, const xparty *subj, xdate *out)
{
    const dg_official *o;
    const char *name, *sp;
    size_t k;

    if (subj->official < 0 || !x->ref.d)
        return 0;
    o = dg_gazetteer_official(x->gaz, (uint32_t)subj->official);
    name = o->name_en;
    if (!name)
        return 0;
    sp = strrchr(name, ' ');
    for (k = 0; k < 2; k++) {
        /* the family name first for a Chinese name, last for others */
        const char *w = (k == 0) == (strcmp(o->country, "CN") == 0) ? name : (sp ? sp + 1 : name);
        size_t wn = (w == name && strchr(name, ' ')) ? (size_t)(strchr(name, ' ') - name) : strlen(w);
        char key[64];
        size_t i, kn;
        if (wn < 2 || wn + 5 >= sizeof(key))
            continue;
        for (i = 0; i < wn; i++)
            key[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
        memcpy(key + wn, " on ", 5);
        kn = wn + 4;
        for (i = dg_xfind(x, 0, x->fd.text.len, key); i != (size_t)-1;
             i = dg_xfind(x, i + 1, x->fd.text.len, key)) {
            if (i > 0 && is_alpha(x->fd.text.ptr[i - 1]))
                continue;
            if (dg_xdate_en_weekday(out, x->fd.text.ptr + i + kn, x->fd.text.len - i - kn, &x->ref) &&
                out->y)
                return 1;
        }
    }
    return 0;
}

static size_t fronted(const xdoc *x, size_t s, size_t p, size_t tend, size_t e, xparty *ps)
{
    size_t c, n_obj;
    xparty subj;

    if (!opens_sentence(x, s, p))
        return 0;
    /* the comma the subject follows at once ("on June 7, 2021, Wang Yi
     * said": not the date's) */
    for (c = tend; c < e; c++) {
        if (x->fd.text.ptr[c] != ',' || parse_parties(x, c + 1, e, &subj, 1) != 1 ||
            subj.start > c + 2)
            continue;
        if ((n_obj = parse_parties(x, tend, c, ps + 1, X_MAX_PARTIES - 1)) == 0)
            return 0;
        ps[0] = subj;
        return 1 + n_obj;
    }
    return 0;
}

void dg_xen_sentence(xdoc *x, size_t s, size_t e)
{
    size_t p = s, mi, nz = dg_xzh_trigger_count(), last_end = s;

    for (mi = dg_xmatch_from(x, s); mi < x->nm && x->m[mi].start < e && !x->stop; mi++) {
        const en_trigger *tr = NULL;
        en_trigger video;
        size_t k, tend, n = 0, n_subj, oe;
        xparty ps[X_MAX_PARTIES];
        dg_role roles[X_MAX_PARTIES];
        xdate date = { 0, 0, 0 };
        int has_date;
        long place, group = -1;

        if (x->m[mi].type != DG_ENT_TRIGGER || x->m[mi].index < nz ||
            x->m[mi].index - nz >= DG_ARRAY_LEN(triggers))
            continue;
        tr = &triggers[x->m[mi].index - nz];
        p = x->m[mi].start;
        tend = p + strlen(tr->text);
        if (tend > e)
            tend = e;
        /* "met virtually with", "held talks via video link": by video */
        if ((tr->kind == DG_KIND_MEET || tr->kind == DG_KIND_TALKS) && tr->t != E_HELD &&
            tr->t != E_VISIT && by_video(x, p, tend, e)) {
            video = *tr;
            video.kind = DG_KIND_VIDEO_CALL;
            tr = &video;
        }
        if (irrealis_before(x, s, p) ||
            dg_xat(x, tend, "the press") || dg_xat(x, tend, "reporters") ||
            dg_xat(x, tend, "journalists") || dg_xat(x, tend, "the media") ||
            dg_xat(x, tend, "more than") || dg_xat(x, tend, "dozens") ||
            dg_xat(x, tend, "many ")) {
            p = tend;
            continue;
        }
        /* a second event of the sentence takes the date of its own clause
         * ("Abbott visited India in September 2014 and this was followed
         * by Modi's visit to Australia in November that year") */
        {
            size_t cs = s, i;
            if (last_end > s)
                for (i = last_end; i < p; i++)
                    if (dg_xat(x, i, " and ") || dg_xat(x, i, "; "))
                        cs = i;
            has_date = (cs > s && find_date(x, s, cs, e, &date)) || find_date(x, s, s, e, &date);
        }
        place = (tr->kind == DG_KIND_CALL || tr->kind == DG_KIND_VIDEO_CALL) ? -1 : find_place(x, s, e);
        /* a dateline ("BEIJING, June 7 (Xinhua) --") for a meeting there */
        if (place < 0 && tr->kind != DG_KIND_CALL && tr->kind != DG_KIND_VIDEO_CALL &&
            x->ref_place >= 0 && x->last_place < 0 && x->visit_country < 0)
            place = x->ref_place;
        /* "Fu also met ...", "during the visit": where the last one was */
        if (place < 0 && tr->kind != DG_KIND_CALL && tr->kind != DG_KIND_VIDEO_CALL &&
            (dg_xfind(x, s, p, " also ") != (size_t)-1 || dg_xfind(x, s, p, "during the visit") != (size_t)-1))
            place = x->last_place;
        {
            /* the subject follows a dateline ("-- ") or an attribution
             * ("Spokesperson X: ") and an earlier verb of this sentence */
            size_t rs = last_end > s ? last_end : s, i;
            for (i = rs; i < p; i++)
                if ((x->fd.text.ptr[i] == ':' || (dg_xat(x, i, "-- ")) || dg_xat(x, i, " said ") ||
                     dg_xat(x, i, " told ")) && !inside_match(x, i + 1))
                    rs = i + (x->fd.text.ptr[i] == ':' ? 1 : 3);
            n_subj = nearest_group(x, ps, parse_parties(x, rs, p, ps, X_MAX_PARTIES));
        }
        oe = object_end(x, tend, e);
        if (tr->t == E_JOIN) {
            /* "The meeting was inaugurated by Mr. X, the Vice-President
             * of Iran": X took part in the group meeting just reported */
            const dg_meeting *last = x->found.len ? &x->found.items[x->found.len - 1] : NULL;
            static const char *const nouns[] = { "meeting", "summit", "dialogue", "conference", "forum" };
            size_t j, n_obj;
            int noun = 0;
            for (j = 0; j < DG_ARRAY_LEN(nouns) && !noun; j++)
                noun = dg_xfind(x, s, p, nouns[j]) != (size_t)-1;
            if (noun && last && last->kind == DG_KIND_MULTILATERAL &&
                (n_obj = parse_parties(x, tend, oe, ps, X_MAX_PARTIES)) > 0)
                dg_xjoin_last(x, ps, n_obj, 0);
            last_end = tend;
            p = tend;
            continue;
        }
        if (tr->t == E_FRONT) {
            n = fronted(x, s, p, tend, e, ps);
            if (n >= 2 && !has_date)
                has_date = speaker_day(x, &ps[0], &date);
            if (n >= 2) {
                assign_roles(x, tr, place, ps, n, 1, roles);
                dg_xemit(x, tr->kind, has_date ? &date : NULL, place, -1, ps, roles, n, s, e, 0.8);
            }
            last_end = tend;
            p = tend;
            continue;
        }
        /* "The first dialogue was held in Beijing last year on March 19":
         * a past session of the two countries' dialogue the report is
         * about */
        if (tr->t == E_HELD && n_subj == 0 && has_date && place >= 0 && series_session(x, s, p) &&
            (n = dialogue_pair(x, s, ps)) == 2) {
            const char *pc = dg_gazetteer_place(x->gaz, (uint32_t)place)->country;
            for (k = 0; k < 2; k++)
                roles[k] = strcmp(dg_xparty_country(x, &ps[k]), pc) == 0 ? DG_ROLE_HOST : DG_ROLE_GUEST;
            if (roles[0] != roles[1])
                dg_xemit(x, DG_KIND_TALKS, &date, place, -1, ps, roles, 2, s, e, 0.6);
            last_end = tend;
            p = tend;
            continue;
        }
        switch (tr->t) {
        case E_HELD:
        case E_ATTEND: {
            static const char *const with[] = { "along with ", "together with ", "attended by ", "joined by " };
            size_t w = (size_t)-1, j;
            group = find_group_meeting(x, s, e);
            for (j = 0; j < DG_ARRAY_LEN(with) && w == (size_t)-1; j++) {
                w = dg_xfind(x, tend, e, with[j]);
                if (w != (size_t)-1)
                    w += strlen(with[j]);
            }
            size_t cb = dg_xfind(x, tend, e, "chaired by ");
            int chaired = 0;
            if (cb == (size_t)-1)
                cb = dg_xfind(x, tend, e, "presided over by ");
            /* "..., which was chaired by X": a named chair makes a group
             * meeting of a meeting noun even without a known group */
            if (cb != (size_t)-1 && group < 0) {
                static const char *const nouns[] = { "meeting", "summit", "dialogue", "forum", "conference" };
                for (j = 0; j < DG_ARRAY_LEN(nouns) && !chaired; j++)
                    chaired = dg_xfind(x, tend, cb, nouns[j]) != (size_t)-1;
            }
            /* a meeting of no known group counts when others are named */
            if (group < 0 && !chaired && (tr->t != E_ATTEND || w == (size_t)-1)) {
                p = tend;
                continue;
            }
            n = tr->t == E_ATTEND ? n_subj : 0;
            if (tr->t == E_ATTEND && n_subj == 0) {
                /* "the foreign ministers of Pakistan, Iran and Russia
                 * attended": their countries */
                n = whose_countries(x, s, p, ps);
            }
            if (w != (size_t)-1) {
                size_t got = parse_parties(x, w, e, ps + n, X_MAX_PARTIES - n);
                /* "along with the foreign ministers of Afghanistan and
                 * Pakistan": their countries */
                if (got == 0)
                    got = countries_of(x, w, e, ps + n, X_MAX_PARTIES - n);
                n += got;
            }
            for (k = 0; k < n; k++)
                roles[k] = DG_ROLE_PARTICIPANT;
            if (cb != (size_t)-1) {
                size_t at = cb + (dg_xat(x, cb, "chaired by ") ? 11 : 17);
                size_t m2 = parse_parties(x, at, e, ps + n, 1);
                if (m2 == 1)
                    roles[n++] = DG_ROLE_CHAIR;
            }
            if (group < 0 && n < 3 && !chaired) {
                p = tend;
                continue; /* two persons: not a multilateral meeting */
            }
            break;
        }
        case E_CHAIR: {
            size_t ab;
            group = find_group_meeting(x, s, e);
            ab = dg_xfind(x, tend, e, "attended by ");
            n = n_subj;
            for (k = 0; k < n; k++)
                roles[k] = DG_ROLE_CHAIR;
            /* "..., which was attended by A, B and other ministers" */
            if (ab != (size_t)-1) {
                size_t m2 = parse_parties(x, ab + 12, e, ps + n, X_MAX_PARTIES - n);
                for (k = n; k < n + m2; k++)
                    roles[k] = DG_ROLE_PARTICIPANT;
                n += m2;
            }
            /* a meeting of no known group counts when the chair and two
             * attendees are named ("chaired the 16th Russia-India-China
             * Foreign Ministers' Meeting ..., attended by A and B") */
            if (group < 0) {
                static const char *const nouns[] = { "meeting", "summit", "dialogue", "forum",
                                                     "conference" };
                size_t j;
                int noun = 0;
                for (j = 0; j < DG_ARRAY_LEN(nouns) && ab != (size_t)-1 && !noun; j++)
                    noun = dg_xfind(x, tend, ab, nouns[j]) != (size_t)-1;
                if (!noun || n_subj == 0 || n < 3) {
                    p = tend;
                    continue;
                }
            }
            break;
        }
        case E_COCHAIR:
            group = find_group_meeting(x, s, e);
            n = n_subj;
            n += parse_parties(x, tend, e, ps + n, X_MAX_PARTIES - n);
            for (k = 0; k < n; k++)
                roles[k] = DG_ROLE_CHAIR;
            break;
        case E_VISIT: {
            /* the visited country follows the verb; a person visitor */
            size_t mi2 = dg_xmatch_from(x, tend);
            long c = -1;
            while (mi2 < x->nm && x->m[mi2].start < oe && x->fd.text.ptr[x->m[mi2].start] == ' ')
                mi2++;
            if (mi2 < x->nm && x->m[mi2].start <= tend + 4 && x->m[mi2].end <= oe)
                c = dg_xref(x, &x->m[mi2], DG_ENT_COUNTRY);
            if (c < 0 || n_subj == 0 || ps[n_subj - 1].type != DG_PARTY_PERSON) {
                p = tend;
                continue;
            }
            ps[0] = ps[n_subj - 1];
            {
                /* "at the invitation of X": the inviter hosts the visit */
                size_t inv = dg_xfind(x, s, e, "at the invitation of ");
                if (inv == (size_t)-1 ||
                    parse_parties(x, inv + 21, e, ps + 1, 1) != 1 || ps[1].type != DG_PARTY_PERSON) {
                    memset(&ps[1], 0, sizeof(xparty));
                    ps[1].type = DG_PARTY_COUNTRY;
                    ps[1].official = ps[1].title = ps[1].group = -1;
                    ps[1].country = c;
                }
            }
            n = 2;
            roles[0] = DG_ROLE_GUEST;
            roles[1] = DG_ROLE_HOST;
            x->visit_country = c;
            {
                /* "visited Laos and Cambodia": one visit each */
                size_t prev_end = x->m[mi2].end, j = mi2 + 1;
                dg_xemit(x, tr->kind, has_date ? &date : NULL, place, -1, ps, roles, n, s, e, 0.8);
                for (; j < x->nm && x->m[j].start < oe && joined(x, prev_end, x->m[j].start); j++) {
                    long c2 = dg_xref(x, &x->m[j], DG_ENT_COUNTRY);
                    if (c2 < 0)
                        break;
                    memset(&ps[1], 0, sizeof(xparty));
                    ps[1].type = DG_PARTY_COUNTRY;
                    ps[1].official = ps[1].title = ps[1].group = -1;
                    ps[1].country = c2;
                    ps[1].start = x->m[j].start;
                    ps[1].end = x->m[j].end;
                    dg_xemit(x, tr->kind, has_date ? &date : NULL, -1, -1, ps, roles, n, s, e, 0.8);
                    prev_end = x->m[j].end;
                }
            }
            last_end = tend;
            p = tend;
            continue;
        }
        case E_BETWEEN:
            /* "the meeting between X and Y will ...": a plan */
            if (irrealis_before(x, tend, e)) {
                p = tend;
                continue;
            }
            n = parse_parties(x, tend, oe, ps, X_MAX_PARTIES);
            for (k = 0; k < n; k++)
                roles[k] = DG_ROLE_PARTICIPANT;
            break;
        default: {
            size_t n_obj;
            if (n_subj == 0 && tr->t == E_MUTUAL) {
                /* "The Foreign Ministers of China, Iran, ... held a meeting":
                 * the countries meet; three or more make a group meeting */
                {
                    n = whose_countries(x, s, p, ps);
                    if (n >= 2) {
                        const char *pc = place >= 0 ? dg_gazetteer_place(x->gaz, (uint32_t)place)->country : "";
                        for (k = 0; k < n; k++)
                            roles[k] = pc[0] && strcmp(dg_xparty_country(x, &ps[k]), pc) == 0
                                           ? DG_ROLE_HOST : DG_ROLE_PARTICIPANT;
                        dg_xemit(x, n >= 3 ? DG_KIND_MULTILATERAL : tr->kind,
                                 has_date ? &date : NULL, place, -1, ps, roles, n, s, e, 0.7);
                        last_end = tend;
                        p = tend;
                        continue;
                    }
                }
            }
            if (n_subj == 0 && tr->t == E_MUTUAL && x->has_last_pair && the_two(x, s, p)) {
                /* "the two heads of state held a meeting": the pair of
                 * the last meeting */
                const char *pc = place >= 0 ? dg_gazetteer_place(x->gaz, (uint32_t)place)->country : "";
                ps[0] = x->last_pair.p[0];
                ps[1] = x->last_pair.p[1];
                n = 2;
                for (k = 0; k < 2; k++)
                    roles[k] = tr->kind == DG_KIND_CALL || tr->kind == DG_KIND_VIDEO_CALL || !pc[0]
                                   ? DG_ROLE_PARTICIPANT
                               : strcmp(dg_xparty_country(x, &ps[k]), pc) == 0 ? DG_ROLE_HOST
                                                                              : DG_ROLE_GUEST;
                dg_xemit(x, tr->kind, has_date ? &date : NULL, place, -1, ps, roles, n, s, e, 0.7);
                last_end = tend;
                p = tend;
                continue;
            }
            if ((tr->t == E_MUTUAL || tr->t == E_HOST) && n_subj >= 2 && tend >= 1 &&
                dg_xfind(x, s, p, " and ") != (size_t)-1 && !dg_xat(x, tend - 5, "with ") &&
                parse_parties(x, tend, oe, ps + n_subj, X_MAX_PARTIES - n_subj) == 0) {
                n = n_subj; /* X and Y held talks; X and Y met */
            } else {
                n_obj = parse_parties(x, tend, oe, ps + n_subj, X_MAX_PARTIES - n_subj);
                if (n_obj == 0 && (dg_xat(x, tend, "leaders of ") || dg_xat(x, tend, "the leaders of ")))
                    n_obj = countries_of(x, tend, oe, ps + n_subj, X_MAX_PARTIES - n_subj);
                /* "called on the visiting dignitary": the visitor of the
                 * meeting just reported, the one from another country */
                if (n_obj == 0 && n_subj >= 1 && n_subj < X_MAX_PARTIES &&
                    (dg_xat(x, tend, "the visiting ") || dg_xat(x, tend, "the visiting, ")) &&
                    name_run(x, skip_sp(x, tend + 13, oe), oe) == skip_sp(x, tend + 13, oe) &&
                    dg_xcounterpart(x, &ps[n_subj - 1], tend, oe, &ps[n_subj]))
                    n_obj = 1;
                /* keep only the last subject: "Chinese Premier Li Keqiang" */
                if (n_subj > 1) {
                    ps[0] = ps[n_subj - 1];
                    memmove(ps + 1, ps + n_subj, n_obj * sizeof(xparty));
                    n_subj = 1;
                }
                n = n_subj + n_obj;
                if (n_obj > 1 && n_subj == 1 &&
                    (ps[1].type == DG_PARTY_COUNTRY || dg_xfind(x, s, e, "separately") != (size_t)-1 ||
                     dg_xfind(x, s, e, "respectively") != (size_t)-1)) {
                    /* one meeting per counterpart */
                    size_t j;
                    for (j = 0; j < n_obj; j++) {
                        xparty pair[2];
                        dg_role r2[2];
                        const char *pc;
                        pair[0] = ps[0];
                        pair[1] = ps[1 + j];
                        pc = place >= 0 ? dg_gazetteer_place(x->gaz, (uint32_t)place)->country : "";
                        if (tr->kind == DG_KIND_CALL || tr->kind == DG_KIND_VIDEO_CALL ||
                            (pc[0] && strcmp(dg_xparty_country(x, &pair[0]), pc) != 0 &&
                             strcmp(dg_xparty_country(x, &pair[1]), pc) != 0)) {
                            r2[0] = r2[1] = DG_ROLE_PARTICIPANT;
                        } else if (pc[0] && strcmp(dg_xparty_country(x, &pair[1]), pc) == 0) {
                            r2[0] = DG_ROLE_GUEST;
                            r2[1] = DG_ROLE_HOST;
                        } else {
                            r2[0] = DG_ROLE_HOST;
                            r2[1] = DG_ROLE_GUEST;
                        }
                        dg_xemit(x, tr->kind, has_date ? &date : NULL, place, -1, pair, r2, 2,
                                 s, e, 0.8);
                    }
                    p = tend;
                    continue;
                }
            }
            assign_roles(x, tr, place, ps, n, n_subj, roles);
            break;
        }
        }
        if (group >= 0)
            dg_xadd_group_members(x, group, has_date ? &date : NULL, ps, roles, &n);
        dg_xemit(x, tr->kind, has_date ? &date : NULL, place, group, ps, roles, n, s, e, 0.8);
        last_end = tend;
        p = tend;
    }
}
