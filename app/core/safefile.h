/* safefile.h — replacing a small file whole or not at all: the tally, the staff PIN's
 * lock and the last good config are written so, because a kiosk loses power now and then;
 * the last good content's files are written with safefile_create().
 *
 * safefile_write() writes PATH.tmp beside PATH, flushes it to the disk, renames it over
 * PATH and flushes the folder. Any failure removes PATH.tmp and leaves PATH as it was.
 * A file size limit (RLIMIT_FSIZE) is a failure like a full disk (EFBIG), provided the
 * process ignores SIGXFSZ, as the app does (main.c): otherwise the kernel ends it. */
#ifndef ATTUNE_SAFEFILE_H
#define ATTUNE_SAFEFILE_H

#include <stdbool.h>
#include <stddef.h>

/* Longer paths than this are refused rather than cut. */
enum { SAFEFILE_MAX_PATH = 4096 };

typedef enum SafeFileResult {
    SAFEFILE_OK,        /* PATH holds `text`, flushed */
    SAFEFILE_FAILED,    /* PATH is as it was, no PATH.tmp; errno says why */
    SAFEFILE_UNSYNCED,  /* PATH holds `text` but its folder could not be flushed (errno) */
    SAFEFILE_BAD_PATH,  /* PATH is empty or too long: nothing was written */
} SafeFileResult;

/* Replaces `path` with the `len` bytes of `text` (see above). A new file gets `mode` (0644;
 * 0600 for a copy only the app reads) less the umask; PATH.tmp is replaced if it is there. */
SafeFileResult safefile_write(const char *path, const char *text, size_t len, int mode);

/* Creates `path`, which must not exist (and is never followed if it is a link), with
 * `mode`, writes the `len` bytes of `text` and flushes them to the disk: for the files of a
 * fresh folder that is then put in place whole. On failure removes what it made and
 * returns false, errno saying why. */
bool safefile_create(const char *path, const char *text, size_t len, int mode);

/* Flushes the folder `dir`, so that a rename in it survives a power cut (true where the
 * file system cannot: EINVAL). */
bool safefile_sync_folder(const char *dir);

/* Why a write failed (an errno), in words a member of staff can act on. */
const char *safefile_reason(int err);

#endif
