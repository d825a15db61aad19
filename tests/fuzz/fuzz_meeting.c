/* Fuzz target: the JSON Lines meeting reader, then the writer on what it
 * read (which must re-read to the same record, and print what a cJSON
 * tree of it prints). Each line is also read
 * by the direct scanner and by cJSON alone: where the scanner reads a
 * line, cJSON must read the same record. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplograph/meeting.h"
#include "model/meeting_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_meeting_list l = DG_MEETING_LIST_INIT;
    dg_diag diag = DG_DIAG_INIT;
    dg_error err = DG_ERROR_INIT;
    size_t i;

    dg_meeting_read_buf(&l, (const char *)data, size, "fuzz", &diag, &err);
    {
        const char *p = (const char *)data, *end = p + size;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            dg_meeting a, b;
            if (!memchr(p, '\0', n) && dg_meeting_scan(&a, p, n) == 1) {
                dg_buf x = DG_BUF_INIT, y = DG_BUF_INIT;
                if (dg_meeting_parse_cjson(&b, p, n, &err) != DG_OK)
                    abort(); /* the scanner read what cJSON refuses */
                if (dg_meeting_write_json(&x, &a) == DG_OK && dg_meeting_write_json(&y, &b) == DG_OK &&
                    (x.len != y.len || memcmp(x.ptr, y.ptr, x.len) != 0))
                    abort(); /* the two readers disagree */
                dg_buf_destroy(&x);
                dg_buf_destroy(&y);
                dg_meeting_destroy(&a);
                dg_meeting_destroy(&b);
            }
            p += n + (nl != NULL);
        }
    }
    for (i = 0; i < l.len; i++) {
        dg_buf b = DG_BUF_INIT;
        dg_meeting m;
        dg_buf c = DG_BUF_INIT;
        int ok = dg_meeting_write_json(&b, &l.items[i]) == DG_OK;
        if (ok && dg_meeting_write_cjson(&c, &l.items[i]) == DG_OK &&
            (b.len != c.len || memcmp(b.ptr, c.ptr, b.len) != 0))
            abort(); /* the direct writer is not cJSON's print */
        dg_buf_destroy(&c);
        if (ok && dg_meeting_parse_json(&m, b.ptr, b.len - 1, &err) == DG_OK) {
            dg_buf b2 = DG_BUF_INIT;
            if (dg_meeting_write_json(&b2, &m) == DG_OK &&
                (b2.len != b.len || memcmp(b.ptr, b2.ptr, b.len) != 0))
                abort(); /* write -> read -> write must be stable */
            dg_buf_destroy(&b2);
            dg_meeting_destroy(&m);
        }
        dg_buf_destroy(&b);
    }
    dg_meeting_list_destroy(&l);
    return 0;
}
