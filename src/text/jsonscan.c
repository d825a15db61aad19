/* Untrusted JSON: cJSON with a depth check first, and helpers for
 * messages. */
#include <stdio.h>

#include "common.h"
#include "text/jsonscan.h"

/* Deepest nesting of arrays and objects in s, outside strings; stops
 * counting past limit. */
static size_t json_depth(const char *s, size_t len, size_t limit)
{
    size_t i, depth = 0, max = 0;
    int in_str = 0;

    for (i = 0; i < len && max <= limit; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"') {
            in_str = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > max)
                max = depth;
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return max;
}

int dg_json_parse(cJSON **out, const char *s, size_t len, dg_error *err)
{
    size_t where;

    return dg_json_parse_at(out, s, len, &where, err);
}

int dg_json_parse_at(cJSON **out, const char *s, size_t len, size_t *where, dg_error *err)
{
    const char *nul = memchr(s, '\0', len), *end = NULL;
    char *copy;

    *out = NULL;
    *where = (size_t)-1;
    if (nul)
        *where = (size_t)(nul - s);
    if (nul)
        return dg_error_set(err, DG_EPARSE, "NUL byte in JSON at byte %zu", (size_t)(nul - s) + 1);
    if (json_depth(s, len, DG_JSON_MAX_DEPTH) > DG_JSON_MAX_DEPTH)
        return dg_error_set(err, DG_EPARSE, "JSON nested deeper than %d levels",
                            DG_JSON_MAX_DEPTH);
    copy = dg_strndup(s, len);
    if (!copy)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    /* the error position comes back through end, not cJSON_GetErrorPtr:
     * that one is a global, shared by the extraction threads */
    *out = cJSON_ParseWithOpts(copy, &end, 1);
    if (!*out) {
        size_t at = end && end >= copy && end <= copy + len ? (size_t)(end - copy) : 0;
        free(copy);
        *where = at;
        return dg_error_set(err, DG_EPARSE, "malformed JSON near byte %zu", at + 1);
    }
    free(copy);
    return DG_OK;
}

const char *dg_json_kind(const cJSON *v)
{
    if (!v)
        return "nothing";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsObject(v))
        return "an object";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsBool(v))
        return "true or false";
    if (cJSON_IsNull(v))
        return "null";
    return "an unknown value";
}

const cJSON *dg_json_get(const cJSON *o, const char *key, int *dups)
{
    const cJSON *it, *found = NULL;

    *dups = 0;
    if (!cJSON_IsObject(o))
        return NULL;
    for (it = o->child; it; it = it->next) {
        if (!it->string || strcmp(it->string, key) != 0)
            continue;
        if (found) {
            *dups = 1;
            break;
        }
        found = it;
    }
    return found;
}
