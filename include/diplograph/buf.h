#ifndef DIPLOGRAPH_BUF_H
#define DIPLOGRAPH_BUF_H
/* A growable byte buffer: the one way strings are built in diplograph. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct {
    char *ptr;  /* NUL-terminated when not NULL */
    size_t len;
    size_t cap;
    size_t max; /* growth beyond max bytes fails with DG_ENOMEM */
} dg_buf;

#define DG_BUF_INIT { NULL, 0, 0, SIZE_MAX }

void dg_buf_init(dg_buf *b);
/* Frees the storage; the buffer is then empty and reusable. */
void dg_buf_destroy(dg_buf *b);
/* Empties the buffer but keeps its storage. */
void dg_buf_reset(dg_buf *b);
/* Ensures room for extra more bytes (plus NUL). DG_ENOMEM on overflow or
 * past b->max; the buffer stays valid. */
int dg_buf_grow(dg_buf *b, size_t extra);
int dg_buf_add(dg_buf *b, const void *data, size_t len);
int dg_buf_adds(dg_buf *b, const char *s);
int dg_buf_addc(dg_buf *b, char c);
int dg_buf_addf(dg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int dg_buf_vaddf(dg_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
/* Appends data with &<>"' escaped for XML text and attributes. */
int dg_buf_add_xml_escaped(dg_buf *b, const char *data, size_t len);
/* Never NULL: "" for an empty buffer. Borrowed. */
const char *dg_buf_cstr(const dg_buf *b);
/* Hands the storage to the caller (free with free()); never NULL on
 * success; the buffer is left empty. NULL only when out of memory. */
char *dg_buf_detach(dg_buf *b);
/* Shortens the buffer to len bytes (len <= b->len). */
void dg_buf_truncate(dg_buf *b, size_t len);

/* Reads a whole file (path "-" is stdin) into b, refusing files larger
 * than max_bytes with DG_ENOMEM. DG_EIO names the file and the reason. */
int dg_buf_read_file(dg_buf *b, const char *path, size_t max_bytes,
                     dg_error *err);

#endif
