/* The order of meeting records (dg_meeting_cmp) and sorting by it: a
 * million events sort by small integer keys, their records moved in
 * place (see meeting.h). */
#include <stdint.h>

#include "diplograph/meeting.h"
#include "common.h"

static int source_cmp(const dg_source *a, const dg_source *b)
{
    int c = dg_strcmp0(a->file, b->file);

    if (c)
        return c;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->byte != b->byte)
        return a->byte < b->byte ? -1 : 1;
    return 0;
}

int dg_meeting_cmp(const dg_meeting *a, const dg_meeting *b)
{
    int c = dg_strcmp0(a->date, b->date);
    size_t i;

    if (c)
        return c;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if ((c = dg_strcmp0(a->id, b->id)))
        return c;
    for (i = 0; i < a->n_sources && i < b->n_sources; i++)
        if ((c = source_cmp(&a->sources[i], &b->sources[i])))
            return c;
    if (a->n_sources != b->n_sources)
        return a->n_sources < b->n_sources ? -1 : 1;
    return dg_strcmp0(a->evidence, b->evidence);
}

static int meeting_qcmp(const void *a, const void *b)
{
    return dg_meeting_cmp(a, b);
}

/* The leading fields of dg_meeting_cmp as numbers, so a million events
 * sort by integers rather than strings: a date YYYY[-MM[-DD]] as
 * YYYYMMDD with 0 for what it lacks (ordered as strcmp orders such
 * strings; -1 for none), the id's 16 hex digits as a number. */
typedef struct {
    long long date;
    int kind;
    uint64_t id;
    const dg_meeting *m;
    size_t index;
} sort_key;

static int two_digits(const char *s, int lo, int hi, int *out)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return 0;
    *out = (s[0] - '0') * 10 + (s[1] - '0');
    return *out >= lo && *out <= hi;
}

static int date_key(long long *out, const char *d)
{
    size_t n = d ? strlen(d) : 0;
    int y, m = 0, day = 0, i;

    if (!d) {
        *out = -1;
        return 1;
    }
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (i = 0, y = 0; i < 4; i++) {
        if (d[i] < '0' || d[i] > '9')
            return 0;
        y = y * 10 + (d[i] - '0');
    }
    if (n >= 7 && (d[4] != '-' || !two_digits(d + 5, 1, 12, &m)))
        return 0;
    if (n == 10 && (d[7] != '-' || !two_digits(d + 8, 1, 31, &day)))
        return 0;
    *out = (long long)y * 10000 + m * 100 + day;
    return 1;
}

static int id_key(uint64_t *out, const char *id)
{
    int i;

    if (!id || strlen(id) != 18 || id[0] != 'm' || id[1] != '-')
        return 0;
    *out = 0;
    for (i = 2; i < 18; i++) {
        char c = id[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0)
            return 0;
        *out = (*out << 4) | (uint64_t)v;
    }
    return 1;
}

static int sort_key_cmp(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;

    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    return dg_meeting_cmp(a->m, b->m);
}

void dg_meeting_sort(dg_meeting *items, size_t n)
{
    sort_key *k = n > 1 ? malloc(n * sizeof(*k)) : NULL;
    size_t i;

    if (n < 2)
        return;
    for (i = 0; k && i < n; i++) {
        if (!date_key(&k[i].date, items[i].date) || !id_key(&k[i].id, items[i].id))
            break;
        k[i].kind = (int)items[i].kind;
        k[i].m = &items[i];
        k[i].index = i;
    }
    if (!k || i < n) {
        /* a record in another form (or no memory for keys): the plain sort */
        free(k);
        qsort(items, n, sizeof(dg_meeting), meeting_qcmp);
        return;
    }
    qsort(k, n, sizeof(*k), sort_key_cmp);
    /* put items in that order, in place, cycle by cycle: position i
     * receives the record that was at k[i].index */
    for (i = 0; i < n; i++) {
        size_t j = i, from;
        dg_meeting tmp;
        if (k[i].index == i || k[i].index == (size_t)-1)
            continue;
        tmp = items[i];
        while ((from = k[j].index) != i) {
            items[j] = items[from];
            k[j].index = (size_t)-1;
            j = from;
        }
        items[j] = tmp;
        k[j].index = (size_t)-1;
    }
    free(k);
}

void dg_meeting_list_sort(dg_meeting_list *l)
{
    dg_meeting_sort(l->items, l->len);
}
