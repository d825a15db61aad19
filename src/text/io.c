/* Atomic output files: temp file beside the target, then rename. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diplograph/buf.h"
#include "diplograph/io.h"
#include "common.h"

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
        dg_buf_destroy(&tmp);
        outfile_release(out);
        return dg_error_set(err, DG_EIO, "%s: cannot create: %s", path,
                            strerror(e));
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

int dg_outfile_commit(dg_outfile *out, dg_error *err)
{
    int rc = DG_OK;

    if (!out->fp)
        return dg_error_set(err, DG_EINVAL, "output file not open");
    if (!out->tmp_path) {
        if (fflush(out->fp) != 0 || ferror(out->fp))
            rc = dg_error_set(err, DG_EIO, "write error on standard output: %s",
                              strerror(errno));
        outfile_release(out);
        return rc;
    }
    if (fflush(out->fp) != 0 || ferror(out->fp)) {
        rc = dg_error_set(err, DG_EIO, "%s: write failed: %s (is the disk full?)",
                          out->path, strerror(errno));
        fclose(out->fp);
    } else if (fclose(out->fp) != 0) {
        rc = dg_error_set(err, DG_EIO, "%s: write failed: %s (is the disk full?)",
                          out->path, strerror(errno));
    } else if (rename(out->tmp_path, out->path) != 0) {
        rc = dg_error_set(err, DG_EIO, "%s: cannot replace: %s", out->path,
                          strerror(errno));
    }
    if (rc < 0)
        unlink(out->tmp_path);
    outfile_release(out);
    return rc;
}

void dg_outfile_abort(dg_outfile *out)
{
    if (out->fp && out->tmp_path) {
        fclose(out->fp);
        unlink(out->tmp_path);
    }
    outfile_release(out);
}

int dg_write_file_atomic(const char *path, const void *data, size_t len,
                         dg_error *err)
{
    dg_outfile out = DG_OUTFILE_INIT;
    int rc = dg_outfile_open(&out, path, err);

    if (rc < 0)
        return rc;
    if (len && fwrite(data, 1, len, out.fp) != len) {
        int e = errno;
        dg_outfile_abort(&out);
        return dg_error_set(err, DG_EIO, "%s: write failed: %s (is the disk full?)",
                            path, strerror(e));
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
            return dg_error_set(err, DG_EIO, "%s: cannot create directory: %s",
                                path, strerror(e));
        }
        if (i < n)
            p[i] = '/';
    }
    free(p);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return dg_error_set(err, DG_EIO, "%s: not a directory", path);
    if (access(path, W_OK) != 0)
        return dg_error_set(err, DG_EIO, "%s: directory is not writable", path);
    return DG_OK;
}
