/* Error records and diagnostics. */
#include <stdarg.h>
#include <stdio.h>

#include "diplograph/error.h"
#include "common.h"

int dg_error_set(dg_error *err, dg_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        va_end(ap);
    }
    return code;
}

int dg_error_prefix(dg_error *err, const char *fmt, ...)
{
    char prefix[DG_ERROR_MSG_MAX];
    char old[DG_ERROR_MSG_MAX];
    va_list ap;

    if (!err)
        return DG_OK;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof(prefix), fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof(old));
    {
        /* truncation is acceptable: the message is capped by design */
        size_t n = strlen(prefix);
        memcpy(err->msg, prefix, n);
        if (n < sizeof(err->msg) - 1) {
            size_t m = strlen(old);
            if (m > sizeof(err->msg) - 1 - n)
                m = sizeof(err->msg) - 1 - n;
            memcpy(err->msg + n, old, m);
            n += m;
        } else {
            n = sizeof(err->msg) - 1;
        }
        err->msg[n] = '\0';
    }
    return err->code;
}

void dg_diag_warn(dg_diag *diag, const char *file, long line,
                  const char *fmt, ...)
{
    char msg[DG_ERROR_MSG_MAX * 2];
    va_list ap;

    if (!diag)
        return;
    diag->count++;
    if (!diag->fn)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag->fn(diag->ctx, file, line, msg);
}

char *dg_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dg_strdup0(const char *s)
{
    return s ? dg_strndup(s, strlen(s)) : NULL;
}

int dg_grow_array(void **ptr, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return DG_OK;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return DG_ENOMEM;
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem)
        return DG_ENOMEM;
    p = realloc(*ptr, ncap * elem);
    if (!p)
        return DG_ENOMEM;
    *ptr = p;
    *cap = ncap;
    return DG_OK;
}

int dg_strcmp0(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

void dg_qsort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
    if (base && n > 1)
        qsort(base, n, size, cmp);
}
