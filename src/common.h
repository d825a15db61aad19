#ifndef DG_COMMON_H
#define DG_COMMON_H
/* Private helpers shared by the library's modules. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* strdup of n bytes; NULL on ENOMEM. */
char *dg_strndup(const char *s, size_t n);
/* strdup that accepts NULL (returns NULL) */
char *dg_strdup0(const char *s);
/* Grows *ptr (of *cap elements of size elem) to hold at least need
 * elements; checks overflow; returns 0 or DG_ENOMEM. */
int dg_grow_array(void **ptr, size_t *cap, size_t need, size_t elem);
/* qsort that accepts an empty or NULL array (qsort's pointer must not be
 * NULL even for zero elements) */
void dg_qsort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));
/* strcmp that orders NULL before any string */
int dg_strcmp0(const char *a, const char *b);

#include "banned.h"

#endif
