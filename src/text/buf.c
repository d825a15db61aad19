/* dg_buf: growable byte buffers with an optional cap. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "diplograph/buf.h"
#include "common.h"

void dg_buf_init(dg_buf *b)
{
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = SIZE_MAX;
}

void dg_buf_destroy(dg_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
}

void dg_buf_reset(dg_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

int dg_buf_grow(dg_buf *b, size_t extra)
{
    size_t need, ncap;
    char *p;

    if (extra > SIZE_MAX - b->len - 1)
        return DG_ENOMEM;
    need = b->len + extra + 1;
    if (need - 1 > b->max)
        return DG_ENOMEM;
    if (need <= b->cap)
        return DG_OK;
    ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    p = realloc(b->ptr, ncap);
    if (!p)
        return DG_ENOMEM;
    b->ptr = p;
    b->cap = ncap;
    return DG_OK;
}

int dg_buf_add(dg_buf *b, const void *data, size_t len)
{
    int rc = dg_buf_grow(b, len);

    if (rc < 0)
        return rc;
    if (len)
        memcpy(b->ptr + b->len, data, len);
    b->len += len;
    b->ptr[b->len] = '\0';
    return DG_OK;
}

int dg_buf_adds(dg_buf *b, const char *s)
{
    return dg_buf_add(b, s, strlen(s));
}

int dg_buf_addc(dg_buf *b, char c)
{
    return dg_buf_add(b, &c, 1);
}

int dg_buf_vaddf(dg_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    int n;
    int rc;

    va_copy(cp, ap);
    n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return DG_EINVAL;
    rc = dg_buf_grow(b, (size_t)n);
    if (rc < 0)
        return rc;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return DG_OK;
}

int dg_buf_addf(dg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = dg_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return rc;
}

int dg_buf_add_xml_escaped(dg_buf *b, const char *data, size_t len)
{
    size_t i, start = 0;
    int rc = DG_OK;

    for (i = 0; i < len && rc == DG_OK; i++) {
        const char *rep = NULL;
        switch (data[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default: break;
        }
        if (rep) {
            rc = dg_buf_add(b, data + start, i - start);
            if (rc == DG_OK)
                rc = dg_buf_adds(b, rep);
            start = i + 1;
        }
    }
    if (rc == DG_OK)
        rc = dg_buf_add(b, data + start, len - start);
    return rc;
}

const char *dg_buf_cstr(const dg_buf *b)
{
    return b->ptr ? b->ptr : "";
}

char *dg_buf_detach(dg_buf *b)
{
    char *p = b->ptr;

    if (!p)
        p = dg_strndup("", 0);
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}

void dg_buf_truncate(dg_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->ptr[len] = '\0';
    }
}

int dg_buf_read_file(dg_buf *b, const char *path, size_t max_bytes,
                     dg_error *err)
{
    FILE *fp;
    char chunk[65536];
    size_t n;
    int is_stdin = strcmp(path, "-") == 0;

    fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return dg_error_set(err, DG_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
        if (b->len + n > max_bytes) {
            if (!is_stdin)
                fclose(fp);
            return dg_error_set(err, DG_ENOMEM,
                                "%s: larger than the limit of %zu bytes",
                                path, max_bytes);
        }
        if (dg_buf_add(b, chunk, n) < 0) {
            if (!is_stdin)
                fclose(fp);
            return dg_error_set(err, DG_ENOMEM, "%s: out of memory", path);
        }
    }
    if (ferror(fp)) {
        int e = errno;
        if (!is_stdin)
            fclose(fp);
        return dg_error_set(err, DG_EIO, "%s: read error: %s", path,
                            strerror(e));
    }
    if (!is_stdin)
        fclose(fp);
    if (!b->ptr && dg_buf_grow(b, 0) < 0)
        return dg_error_set(err, DG_ENOMEM, "%s: out of memory", path);
    return DG_OK;
}
