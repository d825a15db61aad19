#ifndef DIPLOGRAPH_UTF8_H
#define DIPLOGRAPH_UTF8_H
/* Bounded UTF-8 decoding and validation. */

#include <stddef.h>
#include <stdint.h>

#define DG_UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point at *p (p < end), advances *p past it and returns
 * it. An invalid or truncated sequence (overlong, surrogate, > U+10FFFF)
 * advances by one byte and returns DG_UTF8_REPLACEMENT with *bad set to 1
 * (bad may be NULL). */
uint32_t dg_utf8_next(const char **p, const char *end, int *bad);

/* Returns the byte offset of the first invalid sequence, or len when the
 * whole buffer is valid UTF-8. */
size_t dg_utf8_validate(const char *s, size_t len);

/* Encodes cp into out (at least 4 bytes); returns the byte count. */
size_t dg_utf8_encode(char out[4], uint32_t cp);

/* Number of code points in s (invalid bytes count one each). */
size_t dg_utf8_count(const char *s, size_t len);

/* Returns a copy of s with invalid sequences replaced by U+FFFD, as a
 * malloc'd NUL-terminated string the caller frees; NULL on ENOMEM. */
char *dg_utf8_sanitize(const char *s, size_t len, size_t *out_len);

#endif
