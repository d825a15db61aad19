/* A direct reader for meeting records in their usual form, beside the
 * cJSON one (meeting.c).
 *
 * cJSON builds a tree of some 40 items for each line, each with its key
 * and value copied: 90 allocations per record before ours, most of the
 * time of reading a million meetings. This scanner reads the record's
 * fields straight into a dg_meeting. It handles what diplograph writes
 * and anything shaped like it: known keys once each, in any order,
 * strings without escapes, plain numbers. For anything else (an escape,
 * an unknown or repeated key, a wrong type, a malformed line) it gives up
 * and the cJSON reader parses the line, so results and messages are
 * always cJSON's; tests/fuzz/fuzz_meeting.c checks that both agree. */
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "diplograph/meeting.h"
#include "diplograph/utf8.h"
#include "model/meeting_int.h"
#include "common.h"

/* Parties or sources of one record kept on the stack while scanning */
#define SCAN_MAX_ITEMS 64
/* Digits of an integer field: 15 stay below cJSON's 9e15 limit */
#define SCAN_MAX_DIGITS 15

typedef struct {
    const char *p, *end;
} scan;

enum { NO = 0, YES = 1, NOMEM = -1 };

static void ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
        s->p++;
}

static int lit(scan *s, char c)
{
    ws(s);
    if (s->p < s->end && *s->p == c) {
        s->p++;
        return 1;
    }
    return 0;
}

static int null_at(scan *s)
{
    ws(s);
    if (s->end - s->p >= 4 && memcmp(s->p, "null", 4) == 0) {
        s->p += 4;
        return 1;
    }
    return 0;
}

/* A string without escapes or control characters, valid UTF-8: *out and
 * *n point into the line. */
static int raw_string(scan *s, const char **out, size_t *n)
{
    const char *q;

    ws(s);
    if (s->p >= s->end || *s->p != '"')
        return NO;
    for (q = s->p + 1; q < s->end && *q != '"'; q++)
        if (*q == '\\' || (unsigned char)*q < 0x20)
            return NO;
    if (q >= s->end)
        return NO;
    *out = s->p + 1;
    *n = (size_t)(q - s->p - 1);
    if (dg_utf8_validate(*out, *n) != *n)
        return NO;
    s->p = q + 1;
    return YES;
}

/* Whether the key of bit was seen before (a key given twice is a case
 * for cJSON, whose lookups take the first); marks it seen. */
static int twice(unsigned *seen, unsigned bit)
{
    if (*seen & bit)
        return 1;
    *seen |= bit;
    return 0;
}

/* A string or null into a new copy (NULL for null). */
static int opt_string(scan *s, char **out)
{
    const char *v;
    size_t n;

    if (null_at(s))
        return YES;
    if (raw_string(s, &v, &n) != YES)
        return NO;
    *out = dg_strndup(v, n);
    return *out ? YES : NOMEM;
}

/* A string or null matched against a list of names (kind, role, type). */
static int name_value(scan *s, char *buf, size_t cap)
{
    const char *v;
    size_t n;

    if (raw_string(s, &v, &n) != YES || n >= cap)
        return NO;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return YES;
}

/* An integer field: -?digits, no leading zeros, at most 15 digits. */
static int integer(scan *s, long long *out)
{
    const char *q;
    long long v = 0;
    int neg = 0, digits = 0;

    ws(s);
    q = s->p;
    if (q < s->end && *q == '-') {
        neg = 1;
        q++;
    }
    if (q < s->end && *q == '0' && q + 1 < s->end && q[1] >= '0' && q[1] <= '9')
        return NO;
    while (q < s->end && *q >= '0' && *q <= '9') {
        if (++digits > SCAN_MAX_DIGITS)
            return NO;
        v = v * 10 + (*q++ - '0');
    }
    if (!digits || (q < s->end && (*q == '.' || *q == 'e' || *q == 'E')))
        return NO;
    s->p = q;
    *out = neg ? -v : v;
    return YES;
}

/* A plain decimal (-?digits[.digits]) read as cJSON reads numbers: strtod
 * with the locale's decimal point. */
static int decimal(scan *s, double *out)
{
    char buf[40];
    const char *q;
    char *end;
    size_t n = 0;
    int digits = 0;

    ws(s);
    q = s->p;
    if (q < s->end && *q == '-')
        buf[n++] = *q++;
    while (q < s->end && *q >= '0' && *q <= '9' && n < sizeof(buf) - 2) {
        buf[n++] = *q++;
        digits++;
    }
    if (q < s->end && *q == '.' && n < sizeof(buf) - 2) {
        buf[n++] = localeconv()->decimal_point[0];
        q++;
        while (q < s->end && *q >= '0' && *q <= '9' && n < sizeof(buf) - 1) {
            buf[n++] = *q++;
            digits++;
        }
    }
    if (!digits || n >= sizeof(buf) - 1 ||
        (q < s->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E')))
        return NO;
    buf[n] = '\0';
    *out = strtod(buf, &end);
    if (*end || !isfinite(*out))
        return NO;
    s->p = q;
    return YES;
}

static int country(scan *s, char out[3])
{
    const char *v;
    size_t n;

    if (null_at(s))
        return YES;
    if (raw_string(s, &v, &n) != YES || n != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' ||
        v[1] > 'Z')
        return NO;
    out[0] = v[0];
    out[1] = v[1];
    out[2] = '\0';
    return YES;
}

/* Calls field(s, key, len, ctx) for each member of an object. */
static int members(scan *s, int (*field)(scan *, const char *, size_t, void *), void *ctx)
{
    if (!lit(s, '{'))
        return NO;
    if (lit(s, '}'))
        return YES;
    for (;;) {
        const char *k;
        size_t n;
        int rc;
        if (raw_string(s, &k, &n) != YES || !lit(s, ':'))
            return NO;
        if ((rc = field(s, k, n, ctx)) != YES)
            return rc;
        if (lit(s, ','))
            continue;
        return lit(s, '}') ? YES : NO;
    }
}

#define KEY(name) (n == sizeof(name) - 1 && memcmp(k, name, sizeof(name) - 1) == 0)

typedef struct {
    dg_party *p;
    unsigned seen;
} party_ctx;

static int party_field(scan *s, const char *k, size_t n, void *ctx)
{
    party_ctx *c = ctx;
    dg_party *p = c->p;
    char name[32];

    if (KEY("id"))
        return twice(&c->seen, 1) ? NO : opt_string(s, &p->id);
    if (KEY("name"))
        return twice(&c->seen, 2) ? NO : opt_string(s, &p->name);
    if (KEY("name_zh"))
        return twice(&c->seen, 4) ? NO : opt_string(s, &p->name_zh);
    if (KEY("title"))
        return twice(&c->seen, 8) ? NO : opt_string(s, &p->title);
    if (KEY("title_zh"))
        return twice(&c->seen, 16) ? NO : opt_string(s, &p->title_zh);
    if (KEY("type")) {
        if (twice(&c->seen, 32))
            return NO;
        if (null_at(s))
            return YES;
        return name_value(s, name, sizeof(name)) == YES && dg_party_type_parse(&p->type, name) == DG_OK
                   ? YES : NO;
    }
    if (KEY("role")) {
        if (twice(&c->seen, 64))
            return NO;
        if (null_at(s))
            return YES;
        return name_value(s, name, sizeof(name)) == YES && dg_role_parse(&p->role, name) == DG_OK
                   ? YES : NO;
    }
    if (KEY("country"))
        return twice(&c->seen, 128) ? NO : country(s, p->country);
    if (KEY("inferred")) {
        if (twice(&c->seen, 256))
            return NO;
        ws(s);
        if (s->end - s->p >= 4 && memcmp(s->p, "true", 4) == 0) {
            p->inferred = 1;
            s->p += 4;
            return YES;
        }
        if (s->end - s->p >= 5 && memcmp(s->p, "false", 5) == 0) {
            s->p += 5;
            return YES;
        }
        return null_at(s) ? YES : NO;
    }
    return NO;
}

typedef struct {
    dg_source *src;
    unsigned seen;
} source_ctx;

static int source_field(scan *s, const char *k, size_t n, void *ctx)
{
    source_ctx *c = ctx;
    long long v = 0;
    int bit, rc;

    if (KEY("file"))
        return twice(&c->seen, 16) ? NO : opt_string(s, &c->src->file);
    if (KEY("lang"))
        return twice(&c->seen, 32) ? NO : opt_string(s, &c->src->lang);
    bit = KEY("doc") ? 1 : KEY("line") ? 2 : KEY("byte") ? 4 : KEY("length") ? 8 : 0;
    if (!bit || (c->seen & (unsigned)bit))
        return NO;
    c->seen |= (unsigned)bit;
    if (null_at(s))
        return YES;
    if ((rc = integer(s, &v)) != YES)
        return rc;
    if (bit == 1)
        c->src->doc = (long)v;
    else if (bit == 2)
        c->src->line = (long)v;
    else if (bit == 4)
        c->src->byte = v;
    else
        c->src->length = v;
    return YES;
}

typedef struct {
    dg_meeting *m;
    unsigned seen;
    int have_kind, have_parties, have_sources, source_null;
    long long mentions;
    dg_party parties[SCAN_MAX_ITEMS];
    size_t n_parties;
    dg_source sources[SCAN_MAX_ITEMS];
    size_t n_sources;
} meeting_ctx;

static int place_field(scan *s, const char *k, size_t n, void *ctx)
{
    meeting_ctx *c = ctx;

    if (KEY("name"))
        return twice(&c->seen, 0x10000) ? NO : opt_string(s, &c->m->place_name);
    if (KEY("name_zh"))
        return twice(&c->seen, 0x20000) ? NO : opt_string(s, &c->m->place_name_zh);
    if (KEY("country"))
        return twice(&c->seen, 0x40000) ? NO : country(s, c->m->place_country);
    return NO;
}

static int array_of(scan *s, int (*item)(scan *, meeting_ctx *), meeting_ctx *c)
{
    int rc;

    if (!lit(s, '['))
        return NO;
    if (lit(s, ']'))
        return YES;
    for (;;) {
        if ((rc = item(s, c)) != YES)
            return rc;
        if (lit(s, ','))
            continue;
        return lit(s, ']') ? YES : NO;
    }
}

static int party_item(scan *s, meeting_ctx *c)
{
    party_ctx pc;
    int rc;

    if (c->n_parties >= SCAN_MAX_ITEMS)
        return NO;
    memset(&c->parties[c->n_parties], 0, sizeof(dg_party));
    c->parties[c->n_parties].role = DG_ROLE_PARTICIPANT;
    memset(&pc, 0, sizeof(pc));
    pc.p = &c->parties[c->n_parties];
    c->n_parties++; /* counted now, so a failure frees what it holds */
    rc = members(s, party_field, &pc);
    if (rc == YES && (!pc.p->id || !pc.p->id[0]))
        return NO;
    return rc;
}

static int source_item(scan *s, meeting_ctx *c)
{
    source_ctx sc;

    if (c->n_sources >= SCAN_MAX_ITEMS)
        return NO;
    memset(&c->sources[c->n_sources], 0, sizeof(dg_source));
    sc.src = &c->sources[c->n_sources];
    sc.seen = 0;
    c->n_sources++;
    return members(s, source_field, &sc);
}

static int meeting_field(scan *s, const char *k, size_t n, void *ctx)
{
    meeting_ctx *c = ctx;
    dg_meeting *m = c->m;
    char name[32];
    long long v;
    int bit, rc;

    if (KEY("id"))
        return twice(&c->seen, 0x100) ? NO : opt_string(s, &m->id);
    if (KEY("date"))
        return twice(&c->seen, 0x200) ? NO : opt_string(s, &m->date);
    if (KEY("group"))
        return twice(&c->seen, 0x400) ? NO : opt_string(s, &m->group);
    if (KEY("evidence"))
        return twice(&c->seen, 0x800) ? NO : opt_string(s, &m->evidence);
    bit = KEY("v") ? 1 : KEY("kind") ? 2 : KEY("place") ? 4 : KEY("parties") ? 8
        : KEY("sources") ? 16 : KEY("source") ? 32 : KEY("mentions") ? 64
        : KEY("confidence") ? 128 : 0;
    if (!bit || (c->seen & (unsigned)bit))
        return NO;
    c->seen |= (unsigned)bit;
    switch (bit) {
    case 1: /* a newer record version: cJSON's reader says so */
        if (null_at(s))
            return YES;
        return integer(s, &v) == YES && v <= 1 ? YES : NO;
    case 2:
        if (name_value(s, name, sizeof(name)) != YES || dg_kind_parse(&m->kind, name) != DG_OK)
            return NO;
        c->have_kind = 1;
        return YES;
    case 4:
        return null_at(s) ? YES : members(s, place_field, c);
    case 8:
        c->have_parties = 1;
        return array_of(s, party_item, c);
    case 16:
        if (null_at(s))
            return YES;
        c->have_sources = 1;
        return array_of(s, source_item, c);
    case 32:
        if (null_at(s)) {
            c->source_null = 1;
            return YES;
        }
        if ((rc = source_item(s, c)) != YES)
            return rc;
        return YES;
    case 64:
        if (null_at(s))
            return YES;
        return integer(s, &c->mentions);
    default:
        if (null_at(s))
            return YES;
        return decimal(s, &m->confidence);
    }
}

int dg_meeting_scan(dg_meeting *m, const char *line, size_t len)
{
    meeting_ctx *c = malloc(sizeof(*c));
    scan s = { line, line + len };
    size_t i;
    int rc;

    dg_meeting_init(m);
    if (!c)
        return NOMEM;
    memset(c, 0, sizeof(*c));
    c->m = m;
    rc = members(&s, meeting_field, c);
    ws(&s);
    if (rc == YES && (s.p != s.end || !c->have_kind || !c->have_parties))
        rc = NO;
    /* "sources" wins over "source", as in the cJSON reader: both given
     * is a case for it */
    if (rc == YES && c->have_sources && (c->seen & 32) && !c->source_null)
        rc = NO;
    if (rc == YES) {
        m->parties = calloc(c->n_parties ? c->n_parties : 1, sizeof(dg_party));
        m->sources = c->n_sources || c->have_sources
                         ? calloc(c->n_sources ? c->n_sources : 1, sizeof(dg_source)) : NULL;
        if (!m->parties || ((c->n_sources || c->have_sources) && !m->sources))
            rc = NOMEM;
    }
    if (rc != YES) {
        for (i = 0; i < c->n_parties; i++)
            dg_party_destroy(&c->parties[i]);
        for (i = 0; i < c->n_sources; i++)
            dg_source_destroy(&c->sources[i]);
        free(c);
        dg_meeting_destroy(m);
        return rc;
    }
    memcpy(m->parties, c->parties, c->n_parties * sizeof(dg_party));
    m->n_parties = c->n_parties;
    if (c->n_sources)
        memcpy(m->sources, c->sources, c->n_sources * sizeof(dg_source));
    m->n_sources = c->n_sources;
    if (c->have_sources) {
        m->mentions = c->mentions > 0 ? (long)c->mentions : (long)m->n_sources;
        if (m->mentions <= 0)
            m->mentions = 1;
    }
    free(c);
    /* the checked reader's checks on values: anything it would refuse is
     * its case, so that it says why */
    if (!dg_meeting_values_ok(m)) {
        dg_meeting_destroy(m);
        return NO;
    }
    if (!m->id && dg_meeting_compute_id(m) < 0) {
        dg_meeting_destroy(m);
        return NOMEM;
    }
    return YES;
}
