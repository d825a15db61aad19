#ifndef DIPLOGRAPH_ERROR_H
#define DIPLOGRAPH_ERROR_H
/* Status codes and the error record every fallible call fills in. */

#include <stddef.h>

typedef enum {
    DG_OK = 0,
    DG_ENOMEM = -1,  /* out of memory or past a buffer's cap */
    DG_EIO = -2,     /* reading or writing a file failed */
    DG_EPARSE = -3,  /* malformed input */
    DG_EINVAL = -4,  /* bad argument or option value */
    DG_EGRAPH = -5   /* igraph or Graphviz reported an error */
} dg_status;

#define DG_ERROR_MSG_MAX 256

typedef struct {
    dg_status code;
    char msg[DG_ERROR_MSG_MAX];
} dg_error;

#define DG_ERROR_INIT { DG_OK, { 0 } }

/* Sets err (if not NULL) to code and a printf-formatted message; returns
 * code so callers can write `return dg_error_set(...)`. */
int dg_error_set(dg_error *err, dg_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prefixes the message already in err with a printf-formatted context
 * ("corpus.txt: " + msg). Returns err->code. */
int dg_error_prefix(dg_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A diagnostic sink: the library never prints; it reports recoverable
 * problems (a malformed line that was skipped) through this callback.
 * file may be NULL; line is 1-based or 0 when unknown. */
typedef void (*dg_warn_fn)(void *ctx, const char *file, long line,
                           const char *msg);

typedef struct {
    dg_warn_fn fn;  /* NULL: warnings are dropped (but still counted) */
    void *ctx;
    size_t count;   /* incremented on every warning */
} dg_diag;

#define DG_DIAG_INIT { NULL, NULL, 0 }

/* Reports a warning through diag (which may be NULL). */
void dg_diag_warn(dg_diag *diag, const char *file, long line,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
