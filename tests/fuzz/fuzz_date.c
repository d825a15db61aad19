/* Fuzz target: the date parsers (Chinese, English, weekdays), the
 * reference date of a document and the formatter. Whatever the bytes, a
 * parse consumes no more than it was given and yields a real calendar
 * date (or the parts the text gave: month and day 0 when unknown), which
 * formats as YYYY, YYYY-MM or YYYY-MM-DD. The first three bytes make the
 * reference date the relative forms (昨天, last Tuesday) resolve against. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_date(const xdate *d)
{
    char *s;

    if (d->m < 0 || d->m > 12 || d->d < 0 || d->d > 31 || (d->d && !d->m))
        abort();
    s = dg_xdate_format(d);
    if (s) {
        size_t n = strlen(s);
        if (n != 4 && n != 7 && n != 10)
            abort();
        free(s);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xdate ref = { 2021, 6, 9 }, d;
    const char *s;
    size_t i, n, len;
    char meta[11];

    if (size >= 3) {
        ref.y = 1990 + data[0] % 60;
        ref.m = 1 + data[1] % 12;
        ref.d = 1 + data[2] % 28;
        data += 3;
        size -= 3;
    }
    s = (const char *)data;
    /* a parse may start anywhere in a sentence */
    for (i = 0; i < size; i++) {
        len = size - i;
        memset(&d, 0, sizeof(d));
        if ((n = dg_xdate_zh_at(&d, s + i, len, &ref)) > len)
            abort();
        if (n)
            check_date(&d);
        memset(&d, 0, sizeof(d));
        if ((n = dg_xdate_en_at(&d, s + i, len, &ref)) > len)
            abort();
        if (n)
            check_date(&d);
        memset(&d, 0, sizeof(d));
        if ((n = dg_xdate_en_weekday(&d, s + i, len, &ref)) > len)
            abort();
        if (n)
            check_date(&d);
    }
    /* the document's date, from its text and from metadata */
    memset(&d, 0, sizeof(d));
    dg_xdate_reference(&d, s, size, NULL);
    check_date(&d);
    n = size < 10 ? size : 10;
    memcpy(meta, s, n);
    meta[n] = '\0';
    memset(&d, 0, sizeof(d));
    dg_xdate_reference(&d, s, size, meta);
    check_date(&d);
    return 0;
}
