/* tally.c — see tally.h. Reading goes through inidoc and schema like every other file, so
 * problems are named at `path:line`; writing is the classic atomic replace (temp file,
 * fsync, rename, fsync the folder), written out with plain POSIX calls so that every
 * failure is seen and nothing is allocated. */
#define _POSIX_C_SOURCE 200809L /* fsync, open flags */
#include "tally.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "inidoc.h"
#include "schema.h"

_Static_assert(INT_MAX >= TALLY_MAX_COUNT, "a count must fit in an int");

/* Longer paths than this are refused rather than cut (PATH.broken must fit too). */
enum { TALLY_MAX_PATH = 4096, TALLY_MAX_TEXT = 512 };

/* The counts are checked here rather than as VALUE_INT, so that the message can name the
 * range as a person writes it (schema prints ranges with %g: 2.14748e+09). The styles
 * come from QUIZ_STYLES, in Style order. */
static const KeySpec tally_keys[] = {
    SCHEMA_KEY("tally", "sessions", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("tally", "completed", VALUE_LINE, KEY_REQUIRED, NULL),
#define STYLE_KEY(name, id) SCHEMA_KEY("tally", id, VALUE_LINE, KEY_REQUIRED, NULL),
    QUIZ_STYLES(STYLE_KEY)
#undef STYLE_KEY
    SCHEMA_END
};
enum { TALLY_KEYS = 2 + STYLE_COUNT };

/* The count behind each key of [tally], in the order they are written. */
static int *count_for(Tally *t, int key)
{
    return key == 0 ? &t->sessions : key == 1 ? &t->completed : &t->results[key - 2];
}

static const char *key_name(int key)
{
    assert(key < 2 || strcmp(tally_keys[key].key, quiz_style_id((Style)(key - 2))) == 0);
    return tally_keys[key].key;
}

/* --- counting ------------------------------------------------------------------------ */

static void count_one(int *count)
{
    if (*count < TALLY_MAX_COUNT)
        (*count)++;
}

void tally_count_session(Tally *t)
{
    count_one(&t->sessions);
}

void tally_count_result(Tally *t, Style style)
{
    assert(style >= 0 && style < STYLE_COUNT);
    /* Both or neither, so that completed stays the sum of the styles even when full. */
    if (t->completed < TALLY_MAX_COUNT && t->results[style] < TALLY_MAX_COUNT) {
        t->completed++;
        t->results[style]++;
    }
}

void tally_reset(Tally *t)
{
    *t = (Tally){ 0 };
}

/* --- reading ------------------------------------------------------------------------- */

/* Reads each count of a parsed file into *t; problems go to `diags` as errors (the
 * caller decides what they mean). */
static void read_counts(const IniDoc *doc, Tally *t, Diags *diags)
{
    schema_check(doc, tally_keys, DIAG_WARNING, diags);
    int s = inidoc_find_section(doc, "tally");
    if (s < 0)
        return; /* schema_check has said so */
    for (int k = 0; k < TALLY_KEYS; k++) {
        const IniEntry *e = inidoc_find(doc, s, key_name(k));
        long n;
        if (!e || !e->value[0])
            continue; /* missing or empty: reported by schema_check */
        if (schema_parse_int(e->value, &n) && n >= 0 && n <= TALLY_MAX_COUNT)
            *count_for(t, k) = (int)n;
        else
            diag_add(diags, doc->path, e->line, DIAG_ERROR,
                     "[tally]: '%s' must be a whole number from 0 to %d, not '%s'",
                     key_name(k), TALLY_MAX_COUNT, e->value);
    }
    long sum = 0;
    for (int i = 0; i < STYLE_COUNT; i++)
        sum += t->results[i];
    const IniEntry *e = inidoc_find(doc, s, "completed");
    if (diags->errors == 0 && sum != t->completed)
        diag_add(diags, doc->path, e ? e->line : 1, DIAG_WARNING,
                 "[tally]: completed (%d) is not the sum of the four styles (%ld); both are "
                 "kept as they are", t->completed, sum);
}

bool tally_load(Tally *t, const char *path, Diags *diags)
{
    *t = (Tally){ 0 };
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return true; /* the first run */

    /* Read into a list of our own, so that every problem can be passed on as a warning. */
    Diags found = { 0 };
    Arena arena = { 0 };
    IniDoc doc;
    if (inidoc_load(&doc, path, &arena, &found))
        read_counts(&doc, t, &found);
    bool broken = found.errors > 0;
    for (int i = 0; i < found.count; i++)
        diag_add(diags, found.items[i].path, found.items[i].line, DIAG_WARNING, "%s",
                 found.items[i].message);
    inidoc_free(&doc);
    arena_free(&arena);
    diag_free(&found);
    if (!broken)
        return true;

    *t = (Tally){ 0 };
    char aside[TALLY_MAX_PATH];
    int n = snprintf(aside, sizeof(aside), "%s.broken", path);
    if (n < 0 || (size_t)n >= sizeof(aside))
        diag_add(diags, path, 0, DIAG_WARNING,
                 "the tally file is broken, so the tally starts again from zero; the path is "
                 "too long to keep the old file beside it, so it will be replaced");
    else if (rename(path, aside) != 0)
        diag_add(diags, path, 0, DIAG_WARNING,
                 "the tally file is broken, so the tally starts again from zero; the old file "
                 "could not be kept as %s (%s), so it will be replaced", aside, strerror(errno));
    else
        diag_add(diags, path, 0, DIAG_WARNING,
                 "the tally file is broken, so the tally starts again from zero; the old file "
                 "is kept as %s", aside);
    return false;
}

/* --- writing ------------------------------------------------------------------------- */

static size_t format_tally(const Tally *t, char *buf, size_t size)
{
    int n = snprintf(buf, size,
                     "; Attune's anonymous tally: counts only, never anyone's answers, never times.\n"
                     "; sessions: people who began; completed: reflections finished, by result below.\n"
                     "[tally]\n"
                     "sessions = %d\n"
                     "completed = %d\n",
                     t->sessions, t->completed);
    assert(n > 0 && (size_t)n < size);
    size_t used = (size_t)n;
    for (int i = 0; i < STYLE_COUNT; i++) {
        n = snprintf(buf + used, size - used, "%s = %d\n", quiz_style_id((Style)i), t->results[i]);
        assert(n > 0 && (size_t)n < size - used);
        used += (size_t)n;
    }
    return used;
}

/* Why a save failed, in words a member of staff can act on. */
static const char *reason(int err)
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

/* Flushes the folder holding `path`, so that the rename itself survives a power cut. */
static bool sync_folder(const char *path)
{
    char dir[TALLY_MAX_PATH];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof(dir), ".");
    else if (slash == path)
        snprintf(dir, sizeof(dir), "/");
    else
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0 || errno == EINVAL; /* EINVAL: the file system cannot */
    int saved = errno;
    close(fd);
    errno = saved;
    return ok;
}

bool tally_save(const Tally *t, const char *path, char *error, size_t size)
{
    char fallback[8];
    if (!error || size == 0) {
        error = fallback;
        size = sizeof(fallback);
    }
    error[0] = '\0';
    assert(t->sessions >= 0 && t->completed >= 0);
    for (int i = 0; i < STYLE_COUNT; i++)
        assert(t->results[i] >= 0);

    char text[TALLY_MAX_TEXT];
    size_t len = format_tally(t, text, sizeof(text));
    char temp[TALLY_MAX_PATH];
    int n = snprintf(temp, sizeof(temp), "%s.tmp", path);
    if (!path[0] || n < 0 || (size_t)n >= sizeof(temp)) {
        snprintf(error, size, "The tally could not be saved: the file name '%s' is %s.", path,
                 path[0] ? "too long" : "empty");
        return false;
    }

    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        goto fail;
    if (!write_all(fd, text, len) || fsync(fd) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        goto fail_written;
    }
    if (close(fd) != 0 || rename(temp, path) != 0)
        goto fail_written;
    if (!sync_folder(path)) {
        snprintf(error, size, "The tally was written to %s but its folder could not be "
                 "flushed to the disk (%s), so a power cut now may lose it.", path, reason(errno));
        return false;
    }
    return true;

fail_written: {
        int saved = errno;
        unlink(temp);
        errno = saved;
    }
fail:
    snprintf(error, size, "The tally could not be saved to %s: %s.", path, reason(errno));
    return false;
}
