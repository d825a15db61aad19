/* Fuzz target: the Chinese grammar alone (zh.c), fed every sentence with
 * a trigger whatever its script, through the test gazetteer. Every
 * meeting must carry valid UTF-8 evidence inside the input and parties
 * with ids (extract_common.h). */
#include "extract_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_extract_as(data, size, X_GRAMMAR_ZH, "fuzz_extract_zh");
    return 0;
}
