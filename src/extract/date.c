#define _GNU_SOURCE /* memmem */
/* Dates in Chinese and English news, resolved against the document's own
 * date. A year the text does not give is never invented. */
#include <stdio.h>

#include "extract/extract_int.h"
#include "common.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads 1..maxd ASCII digits; returns count, value in *v. */
static size_t read_num(const char *s, size_t len, int maxd, int *v)
{
    size_t i = 0;
    int n = 0;

    while (i < len && (int)i < maxd && is_digit(s[i])) {
        n = n * 10 + (s[i] - '0');
        i++;
    }
    if (i < len && is_digit(s[i]))
        return 0; /* too many digits */
    *v = n;
    return i;
}

static int starts(const char *s, size_t len, const char *lit)
{
    size_t n;

    if (len == 0 || s[0] != lit[0])
        return 0;
    n = strlen(lit);
    return len >= n && memcmp(s, lit, n) == 0;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return (m >= 1 && m <= 12) ? dm[m - 1] : 31;
}

static int valid(const xdate *d)
{
    if (d->y && (d->y < 1900 || d->y > 2100))
        return 0;
    if (d->m && (d->m < 1 || d->m > 12))
        return 0;
    if (d->d && (d->d < 1 || d->d > (d->m ? days_in_month(d->y ? d->y : 2000, d->m) : 31)))
        return 0;
    return 1;
}

/* shifts a full date by delta days */
static void add_days(xdate *d, int delta)
{
    while (delta < 0) {
        if (--d->d < 1) {
            if (--d->m < 1) {
                d->m = 12;
                d->y--;
            }
            d->d = days_in_month(d->y, d->m);
        }
        delta++;
    }
    while (delta > 0) {
        if (++d->d > days_in_month(d->y, d->m)) {
            d->d = 1;
            if (++d->m > 12) {
                d->m = 1;
                d->y++;
            }
        }
        delta--;
    }
}

/* "7日" alone takes month and year from the reference, but only when the
 * day is not after the reference day (news reports the past). */
static void complete_from_ref(xdate *d, const xdate *ref)
{
    if (!d->y && ref->y) {
        if (d->m) {
            d->y = (ref->m && d->m > ref->m) ? ref->y - 1 : ref->y;
        } else if (ref->m) {
            d->m = ref->m;
            d->y = ref->y;
            if (ref->d && d->d > ref->d) {
                if (--d->m < 1) {
                    d->m = 12;
                    d->y--;
                }
            }
        }
    } else if (!d->m && d->d && ref->m && !d->y) {
        d->m = ref->m;
    }
}

static const struct {
    const char *word;
    int delta;
} zh_rel[] = {
    { "当天", 0 }, { "当日", 0 }, { "同日", 0 }, { "同天", 0 }, { "今天", 0 },
    { "今日", 0 }, { "昨天", -1 }, { "昨日", -1 }, { "前天", -2 }, { "次日", 1 },
    { "翌日", 1 }, { "本日", 0 },
};

size_t dg_xdate_zh_at(xdate *out, const char *s, size_t len, const xdate *ref)
{
    xdate d = { 0, 0, 0 };
    size_t i = 0, n;
    int v;

    for (n = 0; n < DG_ARRAY_LEN(zh_rel); n++) {
        if (starts(s, len, zh_rel[n].word)) {
            if (!ref->y || !ref->m || !ref->d) {
                *out = d; /* known relative day, unknown reference */
                return strlen(zh_rel[n].word);
            }
            d = *ref;
            add_days(&d, zh_rel[n].delta);
            *out = d;
            return strlen(zh_rel[n].word);
        }
    }
    if (starts(s, len, "去年")) {
        size_t k = 6;
        n = read_num(s + k, len - k, 2, &v);
        if (n && starts(s + k + n, len - k - n, "月")) {
            if (v == 0)
                return 0; /* 0 would read as "no month" */
            d.m = v;
            d.y = ref->y ? ref->y - 1 : 0;
            k += n + 3;
            n = read_num(s + k, len - k, 2, &v);
            if (n && (starts(s + k + n, len - k - n, "日") || starts(s + k + n, len - k - n, "号"))) {
                if (v == 0)
                    return 0;
                d.d = v;
                k += n + 3;
            }
            if (!d.y) {
                d.m = d.d = 0; /* no year: nothing precise to say */
            }
            if (!valid(&d))
                return 0;
            *out = d;
            return k;
        }
        return 0;
    }
    n = read_num(s, len, 4, &v);
    if (n == 4 && starts(s + 4, len - 4, "年")) {
        d.y = v;
        i = 7;
        n = read_num(s + i, len - i, 2, &v);
        if (n && starts(s + i + n, len - i - n, "月")) {
            if (v == 0)
                return 0;
            d.m = v;
            i += n + 3;
            n = read_num(s + i, len - i, 2, &v);
            if (n && (starts(s + i + n, len - i - n, "日") || starts(s + i + n, len - i - n, "号"))) {
                if (v == 0)
                    return 0;
                d.d = v;
                i += n + 3;
            }
        } else {
            return 0; /* a bare year is no event date */
        }
    } else if (n >= 1 && n <= 2 && starts(s + n, len - n, "月")) {
        if (v == 0)
            return 0;
        d.m = v;
        i = n + 3;
        n = read_num(s + i, len - i, 2, &v);
        if (n && (starts(s + i + n, len - i - n, "日") || starts(s + i + n, len - i - n, "号"))) {
            if (v == 0)
                return 0;
            d.d = v;
            i += n + 3;
        }
        complete_from_ref(&d, ref);
    } else if (n >= 1 && n <= 2 && (starts(s + n, len - n, "日") || starts(s + n, len - n, "号"))) {
        if (v == 0)
            return 0;
        d.d = v;
        i = n + 3;
        complete_from_ref(&d, ref);
        if (!d.m)
            d.d = 0;
    } else {
        return 0;
    }
    if (!valid(&d))
        return 0;
    /* a range "6月7日至9日" is dated by its start: skip the tail */
    if (d.d && (starts(s + i, len - i, "至") || starts(s + i, len - i, "-"))) {
        size_t k = i + (s[i] == '-' ? 1 : 3);
        xdate tmp;
        size_t m2 = dg_xdate_zh_at(&tmp, s + k, len - k, &d);
        if (m2)
            i = k + m2;
    }
    *out = d;
    return i;
}

static const char *const months_en[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"
};

/* "june", "jun", "jun." -> month number; bytes consumed in *n */
static const unsigned char month_len_en[] = { 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8 };

static int word_end(const char *s, size_t len, size_t k)
{
    return len == k || !(s[k] >= 'a' && s[k] <= 'z');
}

/* The month named at s (folded text: lower case): its full name, its
 * first three letters, "sept", each with an optional dot after the short
 * forms. Called at every word of English text: the first three letters
 * pick the one month that can match, or none. */
static int month_en(const char *s, size_t len, size_t *n)
{
    uint32_t key;
    int i;

    if (len < 3)
        return 0;
    key = (uint32_t)(unsigned char)s[0] | (uint32_t)(unsigned char)s[1] << 8 |
          (uint32_t)(unsigned char)s[2] << 16;
    for (i = 0; i < 12; i++) {
        const char *m = months_en[i];
        if (key == ((uint32_t)(unsigned char)m[0] | (uint32_t)(unsigned char)m[1] << 8 |
                    (uint32_t)(unsigned char)m[2] << 16))
            break;
    }
    if (i == 12)
        return 0;
    if (len >= month_len_en[i] && memcmp(s, months_en[i], month_len_en[i]) == 0 &&
        word_end(s, len, month_len_en[i])) {
        *n = month_len_en[i];
        return i + 1;
    }
    if (i == 8 && len >= 4 && s[3] == 't' && word_end(s, len, 4)) { /* "sept" */
        *n = (len > 4 && s[4] == '.') ? 5 : 4;
        return 9;
    }
    if (i != 4 && word_end(s, len, 3)) {
        *n = (len > 3 && s[3] == '.') ? 4 : 3;
        return i + 1;
    }
    return 0;
}

static size_t skip_sp(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

size_t dg_xdate_en_at(xdate *out, const char *s, size_t len, const xdate *ref)
{
    xdate d = { 0, 0, 0 };
    size_t i = 0, n;
    int v, mon;

    /* 2021-06-07 */
    n = read_num(s, len, 4, &v);
    if (n == 4 && len >= 10 && s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) &&
        s[7] == '-' && is_digit(s[8]) && is_digit(s[9]) && (len == 10 || !is_digit(s[10]))) {
        d.y = v;
        d.m = (s[5] - '0') * 10 + (s[6] - '0');
        d.d = (s[8] - '0') * 10 + (s[9] - '0');
        if (!d.m || !d.d || !valid(&d))
            return 0;
        *out = d;
        return 10;
    }
    /* 7 June 2021 / 7 June / 02nd Apr, 2020 */
    if (n >= 1 && n <= 2) {
        size_t k = n;
        if (k + 2 <= len && (starts(s + k, len - k, "st") || starts(s + k, len - k, "nd") ||
                             starts(s + k, len - k, "rd") || starts(s + k, len - k, "th")))
            k += 2;
        k = skip_sp(s, len, k);
        size_t mn;
        if (k > n && (mon = month_en(s + k, len - k, &mn)) != 0) {
            if (v == 0)
                return 0; /* "0 June" */
            d.d = v;
            d.m = mon;
            k += mn;
            i = k;
            {
                size_t k2 = skip_sp(s, len, k);
                int y;
                if (k2 < len && s[k2] == ',')
                    k2 = skip_sp(s, len, k2 + 1);
                if (read_num(s + k2, len - k2, 4, &y) == 4 && y >= 1900 && y <= 2100) {
                    d.y = y;
                    i = k2 + 4;
                }
            }
            if (!d.y)
                complete_from_ref(&d, ref);
            if (!valid(&d))
                return 0;
            *out = d;
            return i;
        }
        return 0;
    }
    /* June 7, 2021 / June 7 / June 2021 */
    if ((mon = month_en(s, len, &n)) != 0) {
        size_t k = skip_sp(s, len, n);
        int dd, y;
        size_t m2;
        d.m = mon;
        if (k > n && (m2 = read_num(s + k, len - k, 2, &dd)) > 0 &&
            !(k + m2 < len && is_digit(s[k + m2]))) {
            if (dd == 0)
                return 0; /* "June 0" */
            d.d = dd;
            i = k + m2;
            if (i + 2 <= len && (starts(s + i, len - i, "st") || starts(s + i, len - i, "nd") ||
                                 starts(s + i, len - i, "rd") || starts(s + i, len - i, "th")))
                i += 2;
            k = i;
            if (k < len && s[k] == ',')
                k++;
            k = skip_sp(s, len, k);
            if (read_num(s + k, len - k, 4, &y) == 4 && y >= 1900 && y <= 2100) {
                d.y = y;
                i = k + 4;
            }
        } else if (k > n && read_num(s + k, len - k, 4, &y) == 4 && y >= 1900 && y <= 2100) {
            d.y = y;
            i = k + 4;
        } else {
            return 0; /* a bare month name ("may") is not a date */
        }
        if (!d.y)
            complete_from_ref(&d, ref);
        if (!valid(&d))
            return 0;
        *out = d;
        return i;
    }
    return 0;
}

size_t dg_xdate_en_month_at(int *mon, const char *s, size_t len)
{
    size_t n = 0;

    *mon = month_en(s, len, &n);
    return *mon ? n : 0;
}

static const char *const weekdays_en[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

/* day of week, 0 = Monday (Sakamoto) */
static int weekday(int y, int m, int d)
{
    static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    int w;
    if (m < 3)
        y -= 1;
    w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7; /* 0 = Sunday */
    return (w + 6) % 7;
}

size_t dg_xdate_en_weekday(xdate *out, const char *s, size_t len, const xdate *ref)
{
    int i;

    /* monday..sunday, today, yesterday */
    if (len < 5 || !(s[0] == 'm' || s[0] == 't' || s[0] == 'w' || s[0] == 'f' || s[0] == 's' ||
                     s[0] == 'y'))
        return 0;
    for (i = 0; i < 7; i++) {
        size_t n = strlen(weekdays_en[i]);
        if (len >= n && memcmp(s, weekdays_en[i], n) == 0) {
            xdate d = *ref;
            int back;
            if (!ref->y || !ref->m || !ref->d) {
                out->y = out->m = out->d = 0;
                return n;
            }
            back = (weekday(ref->y, ref->m, ref->d) - i + 7) % 7;
            add_days(&d, -back);
            *out = d;
            return n;
        }
    }
    if (len >= 5 && memcmp(s, "today", 5) == 0) {
        *out = *ref;
        if (!ref->d)
            out->y = out->m = out->d = 0;
        return 5;
    }
    if (len >= 9 && memcmp(s, "yesterday", 9) == 0) {
        xdate d = *ref;
        if (!ref->y || !ref->m || !ref->d) {
            out->y = out->m = out->d = 0;
            return 9;
        }
        add_days(&d, -1);
        *out = d;
        return 9;
    }
    return 0;
}

void dg_xdate_add_days(xdate *d, int delta)
{
    add_days(d, delta);
}

void dg_xdate_reference(xdate *out, const char *s, size_t len,
                        const char *meta)
{
    size_t i, lim = len < 600 ? len : 600;
    xdate none = { 0, 0, 0 }, d;

    *out = none;
    if (meta && strlen(meta) >= 4) {
        int y = 0, m = 0, dd = 0;
        size_t ml = strlen(meta);
        if (read_num(meta, ml, 4, &y) == 4) {
            out->y = y;
            /* "2021-00-20": a month of 0 would read as "no month" */
            if (ml >= 7 && meta[4] == '-' && read_num(meta + 5, ml - 5, 2, &m) == 2 && m > 0) {
                out->m = m;
                if (ml >= 10 && meta[7] == '-' && read_num(meta + 8, ml - 8, 2, &dd) == 2 &&
                    dd > 0)
                    out->d = dd;
            }
            if (!valid(out))
                *out = none;
            else if (out->d)
                return;
        }
    }
    /* the first full date in the opening lines */
    for (i = 0; i < lim; i++) {
        size_t n;
        if (i > 0 && is_digit(s[i - 1]))
            continue;
        if (is_digit(s[i]) && (n = dg_xdate_zh_at(&d, s + i, len - i, &none)) > 0 && d.y && d.m) {
            if (!out->y || (d.y == out->y && (!out->m || d.m == out->m)))
                *out = d;
            return;
        }
        if (!((s[i] >= 'a' && s[i] <= 'z') || is_digit(s[i])) ||
            (i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z'))
            continue; /* English dates start a word */
        if ((n = dg_xdate_en_at(&d, s + i, len - i, &none)) > 0 && d.y && d.m && d.d) {
            {
                *out = d;
                return;
            }
        }
    }
    /* a publication line anywhere, as scraped pages end ("Published in
     * Dawn, February 16th, 2016"): its full date */
    if (!out->y) {
        const char *pub = NULL, *q = s, *end = s + len;
        while ((q = memmem(q, (size_t)(end - q), "published", 9)) != NULL) {
            pub = q;
            q += 9;
        }
        for (i = pub ? (size_t)(pub - s) + 9 : len; i < len && i < (size_t)(pub - s) + 80; i++) {
            if (s[i] == '\n')
                break;
            if ((i > 0 && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || is_digit(s[i - 1]))) ||
                !((s[i] >= 'a' && s[i] <= 'z') || is_digit(s[i])))
                continue;
            if (dg_xdate_en_at(&d, s + i, len - i, &none) > 0 && d.y && d.m && d.d) {
                *out = d;
                return;
            }
        }
    }
    /* a dateline without a year: month and day against a metadata year */
    for (i = 0; out->y && !out->d && i < lim; i++) {
        size_t n;
        if (i > 0 && is_digit(s[i - 1]))
            continue;
        if (is_digit(s[i]) && (n = dg_xdate_zh_at(&d, s + i, len - i, out)) > 0 && d.m && d.d &&
            d.y == out->y) {
            *out = d;
            return;
        }
    }
}

char *dg_xdate_format(const xdate *d)
{
    char b[16];

    if (!d->y || !d->m)
        return NULL;
    if (d->d)
        snprintf(b, sizeof(b), "%04d-%02d-%02d", d->y, d->m, d->d);
    else
        snprintf(b, sizeof(b), "%04d-%02d", d->y, d->m);
    return dg_strdup0(b);
}
