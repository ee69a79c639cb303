/* safefile.c — see safefile.h. The classic atomic replace (temp file, fsync, rename,
 * fsync the folder), written out with plain POSIX calls so that every failure is seen and
 * nothing is allocated. */
#define _POSIX_C_SOURCE 200809L /* fsync, open flags (O_NOFOLLOW) */
#include "safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *safefile_reason(int err)
{
    switch (err) {
    case ENOSPC:
    case EDQUOT: return "the disk is full";
    case ENOENT: return "its folder does not exist";
    case ENOTDIR: return "a part of its path is not a folder";
    case EACCES:
    case EPERM: return "its folder cannot be written (permission denied)";
    case EROFS: return "the disk is read-only";
    case EFBIG: return "the file may not grow (a file size limit: ulimit -f)";
    default: return strerror(err);
    }
}

static bool write_all(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        text += n;
        len -= (size_t)n;
    }
    return true;
}

/* Writes `text` to the file `fd` opened, flushes it and closes it; errno says why not. */
static bool write_flushed(int fd, const char *text, size_t len)
{
    bool ok = write_all(fd, text, len) && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    errno = saved;
    return ok;
}

bool safefile_sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0 || errno == EINVAL; /* EINVAL: the file system cannot */
    int saved = errno;
    close(fd);
    errno = saved;
    return ok;
}

/* Flushes the folder holding `path`. */
static bool sync_folder_of(const char *path)
{
    char dir[SAFEFILE_MAX_PATH];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof(dir), ".");
    else if (slash == path)
        snprintf(dir, sizeof(dir), "/");
    else
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
    return safefile_sync_folder(dir);
}

bool safefile_create(const char *path, const char *text, size_t len, int mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, (mode_t)mode);
    if (fd < 0)
        return false;
    if (write_flushed(fd, text, len))
        return true;
    int saved = errno;
    unlink(path);
    errno = saved;
    return false;
}

SafeFileResult safefile_write(const char *path, const char *text, size_t len, int mode)
{
    char temp[SAFEFILE_MAX_PATH];
    int n = snprintf(temp, sizeof(temp), "%s.tmp", path);
    if (!path[0] || n < 0 || (size_t)n >= sizeof(temp))
        return SAFEFILE_BAD_PATH;
    /* a temp file left by an earlier run that was killed mid-write goes first */
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (mode_t)mode);
    if (fd < 0)
        return SAFEFILE_FAILED;
    bool ok = write_flushed(fd, text, len) && rename(temp, path) == 0;
    if (!ok) {
        int saved = errno;
        unlink(temp); /* a 0-byte or cut temp file helps nobody */
        errno = saved;
        return SAFEFILE_FAILED;
    }
    return sync_folder_of(path) ? SAFEFILE_OK : SAFEFILE_UNSYNCED;
}
