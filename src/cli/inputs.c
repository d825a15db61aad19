/* Expanding command-line inputs: files, directories (recursively, in name
 * order) and "-" for standard input. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/inputs.h"

static int add(dg_inputs *in, const char *path)
{
    char **p;

    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        p = realloc(in->paths, cap * sizeof(*p));
        if (!p)
            return -1;
        in->paths = p;
        in->cap = cap;
    }
    in->paths[in->n] = strdup(path);
    if (!in->paths[in->n])
        return -1;
    in->n++;
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* depth bounds recursion through symlink loops */
static int walk(dg_inputs *in, const char *dir, int depth, dg_diag *diag)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;

    if (depth > 64) {
        dg_diag_warn(diag, dir, 0, "directories nested over 64 deep (a symlink loop?): skipped");
        return 0;
    }
    d = opendir(dir);
    if (!d) {
        dg_diag_warn(diag, dir, 0, "cannot open directory: %s", strerror(errno));
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p;
            cap = cap ? cap * 2 : 64;
            p = realloc(names, cap * sizeof(*p));
            if (!p) {
                rc = -1;
                break;
            }
            names = p;
        }
        names[n] = strdup(e->d_name);
        if (!names[n]) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == 0)
        qsort(names, n, sizeof(*names), cmp);
    for (i = 0; i < n; i++) {
        if (rc == 0) {
            size_t len = strlen(dir) + strlen(names[i]) + 2;
            char *path = malloc(len);
            struct stat st;
            if (!path) {
                rc = -1;
            } else {
                snprintf(path, len, "%s/%s", dir, names[i]);
                if (stat(path, &st) != 0)
                    dg_diag_warn(diag, path, 0, "cannot read: %s", strerror(errno));
                else if (S_ISDIR(st.st_mode))
                    rc = walk(in, path, depth + 1, diag);
                else if (S_ISREG(st.st_mode))
                    rc = add(in, path);
                free(path);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int dg_inputs_expand(dg_inputs *in, char **args, int n, dg_diag *diag)
{
    int i;

    for (i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(args[i], "-") == 0) {
            if (add(in, "-") < 0)
                return -1;
            continue;
        }
        if (stat(args[i], &st) != 0) {
            dg_diag_warn(diag, args[i], 0, "cannot read: %s", strerror(errno));
            in->missing++;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (walk(in, args[i], 0, diag) < 0)
                return -1;
        } else if (add(in, args[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

void dg_inputs_destroy(dg_inputs *in)
{
    size_t i;

    for (i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    memset(in, 0, sizeof(*in));
}
