/* Expanding command-line inputs: files, directories (recursively, in name
 * order) and "-" for standard input. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/inputs.h"
#include "common.h"

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

/* The directories being walked, outermost first: a directory that is its
 * own ancestor is a symlink loop. */
typedef struct {
    dev_t dev;
    ino_t ino;
    const char *path;
} dir_id;

/* The directories read so far (through a symlink, a directory can be
 * reached twice without a loop: its files must not be read twice). */
typedef struct {
    dir_id *v;
    size_t n, cap;
} dir_set;

static const dir_id *dir_find(const dir_id *v, size_t n, const struct stat *st)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (v[i].dev == st->st_dev && v[i].ino == st->st_ino)
            return &v[i];
    return NULL;
}

/* Why a path cannot be read, with what to do about it. */
static void warn_unreadable(dg_diag *diag, const char *path, int e)
{
    if (e == ELOOP)
        dg_diag_warn(diag, path, 0, "a symlink loop (%s): skipped", strerror(e));
    else if (e == ENOENT)
        dg_diag_warn(diag, path, 0, "cannot read: %s: skipped; check the path", strerror(e));
    else if (e == EACCES)
        dg_diag_warn(diag, path, 0, "cannot read: %s: skipped; check its permissions",
                     strerror(e));
    else
        dg_diag_warn(diag, path, 0, "cannot read: %s: skipped", strerror(e));
}

#define DG_MAX_DIR_DEPTH 64 /* bounds the recursion, whatever the links */

/* Adds the files under dir (whose stat is st); anc holds its ancestors,
 * seen every directory read so far. */
static int walk(dg_inputs *in, const char *dir, const struct stat *st, dir_id *anc,
                int depth, dir_set *seen, dg_diag *diag)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    const dir_id *prev;

    if (depth >= DG_MAX_DIR_DEPTH) {
        dg_diag_warn(diag, dir, 0, "directories nested over %d deep: skipped",
                     DG_MAX_DIR_DEPTH);
        return 0;
    }
    if ((prev = dir_find(anc, (size_t)depth, st)) != NULL) {
        dg_diag_warn(diag, dir, 0, "a symlink loop (back to %s): skipped", prev->path);
        return 0;
    }
    if ((prev = dir_find(seen->v, seen->n, st)) != NULL) {
        dg_diag_warn(diag, dir, 0, "the directory %s again (through a symlink): skipped",
                     prev->path);
        return 0;
    }
    d = opendir(dir);
    if (!d) {
        int er = errno;
        dg_diag_warn(diag, dir, 0, "cannot open directory: %s: skipped%s", strerror(er),
                     er == EACCES ? "; check its permissions" : "");
        return 0;
    }
    {
        void *p = seen->v;
        if (dg_grow_array(&p, &seen->cap, seen->n + 1, sizeof(dir_id)) < 0) {
            closedir(d);
            return -1;
        }
        seen->v = p;
        seen->v[seen->n].dev = st->st_dev;
        seen->v[seen->n].ino = st->st_ino;
        seen->v[seen->n].path = strdup(dir);
        if (!seen->v[seen->n].path) {
            closedir(d);
            return -1;
        }
        seen->n++;
    }
    anc[depth].dev = st->st_dev;
    anc[depth].ino = st->st_ino;
    anc[depth].path = seen->v[seen->n - 1].path;
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
            struct stat sub;
            if (!path) {
                rc = -1;
            } else {
                snprintf(path, len, "%s/%s", dir, names[i]);
                if (stat(path, &sub) != 0)
                    warn_unreadable(diag, path, errno);
                else if (S_ISDIR(sub.st_mode))
                    rc = walk(in, path, &sub, anc, depth + 1, seen, diag);
                else if (S_ISREG(sub.st_mode))
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
    dir_id anc[DG_MAX_DIR_DEPTH];
    dir_set seen = { NULL, 0, 0 };
    size_t k;
    int i, rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (strcmp(args[i], "-") == 0) {
            rc = add(in, "-");
            continue;
        }
        if (stat(args[i], &st) != 0) {
            warn_unreadable(diag, args[i], errno);
            in->missing++;
            continue;
        }
        if (S_ISDIR(st.st_mode))
            rc = walk(in, args[i], &st, anc, 0, &seen, diag);
        else
            rc = add(in, args[i]);
    }
    for (k = 0; k < seen.n; k++)
        free((char *)seen.v[k].path);
    free(seen.v);
    return rc;
}

void dg_inputs_destroy(dg_inputs *in)
{
    size_t i;

    for (i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    memset(in, 0, sizeof(*in));
}
