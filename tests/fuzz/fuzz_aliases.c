/* Fuzz target: the alias file loader (--aliases FILE). The input is loaded
 * twice into one set, as two files giving the same entries would be: the
 * second load must fail on its conflicts or add entries, never crash, and
 * a failed load adds nothing. */
#include <stdint.h>
#include <stdlib.h>

#include "diplograph/aliases.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dg_aliases *a = dg_aliases_new();
    dg_error err = DG_ERROR_INIT;
    size_t before;

    if (!a)
        return 0;
    if (dg_aliases_load_buf(a, (const char *)data, size, "fuzz.json", &err) != DG_OK &&
        dg_aliases_count(a) != 0)
        abort(); /* a failed load adds nothing */
    before = dg_aliases_count(a);
    if (dg_aliases_load_buf(a, (const char *)data, size, "again.json", &err) != DG_OK &&
        dg_aliases_count(a) != before)
        abort();
    dg_aliases_free(a);
    return 0;
}
