/* Atomic output files: temp file beside the target, then rename. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diplograph/buf.h"
#include "diplograph/io.h"
#include "common.h"

const char *dg_write_error_hint(int e)
{
    switch (e) {
    case ENOSPC:
        return " (is the disk full?)";
#ifdef EDQUOT
    case EDQUOT:
        return " (over the disk quota?)";
#endif
    case EFBIG:
        return " (over the file size limit? see ulimit -f)";
    default:
        return "";
    }
}

static int write_failed(dg_error *err, const char *path, int e)
{
    return dg_error_set(err, DG_EIO, "%s: write failed: %s%s: the file is unchanged", path,
                        strerror(e), dg_write_error_hint(e));
}

/* The directory part of path, for messages ("." when none). */
static void dir_of(char *out, size_t size, const char *path)
{
    const char *slash = strrchr(path, '/');

    if (!slash)
        snprintf(out, size, ".");
    else if (slash == path)
        snprintf(out, size, "/");
    else
        snprintf(out, size, "%.*s", (int)(slash - path), path);
}

static void outfile_release(dg_outfile *out)
{
    free(out->path);
    free(out->tmp_path);
    out->path = NULL;
    out->tmp_path = NULL;
    out->fp = NULL;
}

int dg_outfile_open(dg_outfile *out, const char *path, dg_error *err)
{
    dg_buf tmp = DG_BUF_INIT;
    int fd;

    out->fp = NULL;
    out->tmp_path = NULL;
    out->path = dg_strdup0(path);
    if (!out->path)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    if (strcmp(path, "-") == 0) {
        out->fp = stdout;
        return DG_OK;
    }
    if (dg_buf_addf(&tmp, "%s.tmp.XXXXXX", path) < 0) {
        outfile_release(out);
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    }
    fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        int e = errno;
        char dir[1024];
        dg_buf_destroy(&tmp);
        outfile_release(out);
        dir_of(dir, sizeof(dir), path);
        if (e == EACCES || e == EPERM || e == EROFS)
            return dg_error_set(err, DG_EIO, "%s: directory is not writable (%s): %s not "
                                "written; choose another output or fix the permissions",
                                dir, strerror(e), path);
        return dg_error_set(err, DG_EIO, "%s: cannot create: %s", path, strerror(e));
    }
    out->fp = fdopen(fd, "wb");
    if (!out->fp) {
        int e = errno;
        close(fd);
        unlink(tmp.ptr);
        dg_buf_destroy(&tmp);
        outfile_release(out);
        return dg_error_set(err, DG_EIO, "%s: cannot open: %s", path,
                            strerror(e));
    }
    /* mkstemp creates 0600; an output file is an ordinary file */
    (void)fchmod(fd, 0644);
    out->tmp_path = dg_buf_detach(&tmp);
    return DG_OK;
}

int dg_outfile_close(dg_outfile *out, dg_error *err)
{
    int rc = DG_OK;

    if (!out->fp)
        return dg_error_set(err, DG_EINVAL, "output file not open");
    if (!out->tmp_path) {
        errno = 0;
        if (fflush(out->fp) != 0 || ferror(out->fp)) {
            int e = errno ? errno : EIO;
            rc = dg_error_set(err, DG_EIO, "write error on standard output: %s%s",
                              strerror(e), dg_write_error_hint(e));
        }
        outfile_release(out);
        return rc;
    }
    errno = 0;
    if (fflush(out->fp) != 0 || ferror(out->fp)) {
        rc = write_failed(err, out->path, errno ? errno : EIO);
        fclose(out->fp);
    } else if (fsync(fileno(out->fp)) != 0 && errno != EINVAL && errno != EROFS) {
        /* the data must be on disk before the rename makes it the file */
        rc = write_failed(err, out->path, errno);
        fclose(out->fp);
    } else if (fclose(out->fp) != 0) {
        rc = write_failed(err, out->path, errno);
    }
    out->fp = NULL;
    if (rc < 0) {
        unlink(out->tmp_path);
        outfile_release(out);
    }
    return rc;
}

int dg_outfile_rename(dg_outfile *out, dg_error *err)
{
    int rc = DG_OK;

    if (!out->tmp_path) {
        outfile_release(out);
        return DG_OK;
    }
    if (rename(out->tmp_path, out->path) != 0) {
        rc = dg_error_set(err, DG_EIO, "%s: cannot replace: %s: the file is unchanged",
                          out->path, strerror(errno));
        unlink(out->tmp_path);
    }
    outfile_release(out);
    return rc;
}

int dg_outfile_commit(dg_outfile *out, dg_error *err)
{
    int stdout_only = out->fp && !out->tmp_path;
    int rc = dg_outfile_close(out, err);

    if (rc < 0 || stdout_only)
        return rc;
    return dg_outfile_rename(out, err);
}

void dg_outfile_abort(dg_outfile *out)
{
    if (out->fp && out->tmp_path)
        fclose(out->fp);
    if (out->tmp_path)
        unlink(out->tmp_path);
    outfile_release(out);
}

int dg_write_file_atomic(const char *path, const void *data, size_t len,
                         dg_error *err)
{
    dg_outfile out = DG_OUTFILE_INIT;
    int rc = dg_outfile_open(&out, path, err);

    if (rc < 0)
        return rc;
    errno = 0;
    if (len && fwrite(data, 1, len, out.fp) != len) {
        int e = errno ? errno : EIO;
        dg_outfile_abort(&out);
        return write_failed(err, path, e);
    }
    return dg_outfile_commit(&out, err);
}

int dg_mkdir_p(const char *path, dg_error *err)
{
    char *p = dg_strdup0(path);
    size_t i, n;
    struct stat st;

    if (!p)
        return dg_error_set(err, DG_ENOMEM, "out of memory");
    n = strlen(p);
    for (i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        p[i] = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            return dg_error_set(err, DG_EIO, "%s: cannot create directory: %s: nothing "
                                "written", path, strerror(e));
        }
        if (i < n)
            p[i] = '/';
    }
    free(p);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return dg_error_set(err, DG_EIO, "%s: not a directory: nothing written; choose "
                            "another output directory", path);
    if (access(path, W_OK) != 0)
        return dg_error_set(err, DG_EIO, "%s: directory is not writable (%s): nothing "
                            "written; choose another output or fix the permissions", path,
                            strerror(errno));
    return DG_OK;
}
