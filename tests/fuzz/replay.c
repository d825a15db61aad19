/* Standalone driver: replays every file of a corpus directory through the
 * target's LLVMFuzzerTestOneInput, so the corpora run under ctest in every
 * build (without libFuzzer). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;

    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p;
            cap = cap ? cap * 2 : 64;
            p = realloc(names, cap * sizeof(*names));
            if (!p)
                return 1;
            names = p;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), cmp);
    for (i = 0; i < n; i++) {
        char path[4096];
        FILE *fp;
        uint8_t *buf;
        long len;
        snprintf(path, sizeof(path), "%s/%s", argv[1], names[i]);
        fp = fopen(path, "rb");
        if (!fp) {
            perror(path);
            return 1;
        }
        fseek(fp, 0, SEEK_END);
        len = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        buf = malloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, fp) != (size_t)len) {
            fclose(fp);
            return 1;
        }
        fclose(fp);
        LLVMFuzzerTestOneInput(buf, (size_t)len);
        free(buf);
        free(names[i]);
    }
    free(names);
    printf("replayed %zu inputs from %s\n", n, argv[1]);
    return n > 0 ? 0 : 1;
}
