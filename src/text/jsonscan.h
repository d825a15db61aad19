#ifndef DG_TEXT_JSONSCAN_H
#define DG_TEXT_JSONSCAN_H
/* Private: parsing untrusted JSON with cJSON, and reading its values with
 * messages that say what was found. Shared by the JSON Lines reader, the
 * meeting reader and the gazetteer loader. */

#include <cjson/cJSON.h>
#include <stddef.h>

#include "diplograph/error.h"

/* cJSON's compiled-in nesting limit (CJSON_NESTING_LIMIT). */
#define DG_JSON_MAX_DEPTH 1000

/* Parses len bytes (no NUL needed at s[len]) into *out, which the caller
 * frees with cJSON_Delete. The whole text must be one JSON value. On
 * failure *out is NULL and err (DG_EPARSE, or DG_ENOMEM) says why without
 * naming the file: "NUL byte in JSON at byte 12", "JSON nested deeper
 * than 1000 levels", "malformed JSON near byte 40" (bytes counted from 1). */
int dg_json_parse(cJSON **out, const char *s, size_t len, dg_error *err);
/* The same, and *where gets the 0-based offset of the fault (the NUL
 * byte, the parse error; (size_t)-1 for the nesting). */
int dg_json_parse_at(cJSON **out, const char *s, size_t len, size_t *where, dg_error *err);

/* "a string", "a number", "an object", "an array", "true or false",
 * "null": what a value is, for "expected X, not Y" messages. */
const char *dg_json_kind(const cJSON *v);

/* The member key of object o (case-sensitive), or NULL; *dups is set to
 * 1 when o holds key more than once (cJSON keeps both; which one a reader
 * takes would be a guess). */
const cJSON *dg_json_get(const cJSON *o, const char *key, int *dups);

#endif
