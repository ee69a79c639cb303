/* lastgood.c — see lastgood.h. Plain POSIX calls, so that every failure is seen: a
 * folder made with mkdtemp, files created exclusively and flushed (safefile_create), then
 * one rename of a link (content) over the old copy; config.ini is replaced by safefile. */
#define _DEFAULT_SOURCE /* mkdtemp, symlink, readlink */
#include "lastgood.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inidoc.h"
#include "safefile.h"

enum {
    LASTGOOD_PATH = 4096,   /* longer paths are refused, not cut */
    LASTGOOD_FILES = 16,    /* room for the bundle's files (bundle_file_name) */
    LASTGOOD_LEFTOVERS = 16 /* old copies swept at once (more go at the next keep) */
};

static const char folder_name[] = "last-good", content_link[] = "content";

static bool join(char *out, size_t size, const char *a, const char *b)
{
    int n = snprintf(out, size, "%s/%s", a, b);
    return n > 0 && (size_t)n < size;
}

/* Reads a regular file whole, at most `max` bytes. Opened without blocking, so that a FIFO
 * or a device put in a file's place is refused rather than waited on. NULL after saying
 * why in `error`; the caller frees the bytes. */
static char *read_regular(const char *path, size_t max, size_t *len, char *error, size_t size)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    const char *why = NULL;
    if (fd < 0 || fstat(fd, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "it is not a regular file";
    else if ((unsigned long long)st.st_size > max)
        why = "it is too large";
    char *data = why ? NULL : malloc(max + 1);
    if (!why && !data)
        why = "out of memory";
    *len = 0;
    while (!why) {
        ssize_t n = read(fd, data + *len, max + 1 - *len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            why = strerror(errno);
        else if (n == 0)
            break;
        else if ((*len += (size_t)n) > max)
            why = "it is too large";
    }
    if (fd >= 0)
        close(fd);
    if (why) {
        snprintf(error, size, "cannot read %s: %s", path, why);
        free(data);
        return NULL;
    }
    return data;
}

/* Whether the file at `path` holds exactly these bytes. */
static bool same_bytes(const char *path, const char *data, size_t len)
{
    char ignored[8];
    size_t have;
    char *old = read_regular(path, INIDOC_MAX_FILE, &have, ignored, sizeof(ignored));
    bool same = old && have == len && memcmp(old, data, len) == 0;
    free(old);
    return same;
}

/* STATE/last-good, made when missing (0700: the config copy holds the staff PIN). */
static bool ready_folder(const char *state, char *folder, size_t fsize, char *error, size_t size)
{
    struct stat st;
    if (!state[0] || stat(state, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(error, size, "the state folder '%s' does not exist", state);
        return false;
    }
    if (!join(folder, fsize, state, folder_name)) {
        snprintf(error, size, "the state folder's path is too long");
        return false;
    }
    if (mkdir(folder, 0700) != 0 && errno != EEXIST) {
        snprintf(error, size, "cannot make %s: %s", folder, strerror(errno));
        return false;
    }
    if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(error, size, "%s is not a folder", folder);
        return false;
    }
    return true;
}

/* Removes a copy folder: the bundle's file names in it, then the folder (which stays if
 * anything else was put there: nothing but our own files is ever removed). */
static void remove_copy(const char *dir)
{
    char path[LASTGOOD_PATH];
    for (int i = 0; bundle_file_name(i); i++)
        if (join(path, sizeof(path), dir, bundle_file_name(i)))
            unlink(path);
    rmdir(dir);
}

/* Removes every content-XXXXXX folder in `folder` but the one `content` links to: the
 * copies it replaced, and copies cut short by a crash. */
static void sweep(const char *folder)
{
    char path[LASTGOOD_PATH], target[NAME_MAX + 1] = "";
    if (join(path, sizeof(path), folder, content_link)) {
        ssize_t n = readlink(path, target, sizeof(target) - 1);
        target[n > 0 ? n : 0] = '\0';
    }
    char found[LASTGOOD_LEFTOVERS][NAME_MAX + 1];
    int count = 0;
    DIR *d = opendir(folder);
    struct dirent *e;
    while (d && count < LASTGOOD_LEFTOVERS && (e = readdir(d)))
        if (strncmp(e->d_name, "content-", 8) == 0 && strcmp(e->d_name, target) != 0)
            snprintf(found[count++], sizeof(found[0]), "%s", e->d_name);
    if (d)
        closedir(d);
    for (int i = 0; i < count; i++)
        if (join(path, sizeof(path), folder, found[i]))
            remove_copy(path);
}

typedef struct Source {
    char *data;
    size_t len;
} Source;

static void free_sources(Source *files, int count)
{
    for (int i = 0; i < count; i++)
        free(files[i].data);
}

/* Reads the bundle's files from `dir`; false after saying why. */
static bool read_sources(const char *dir, Source *files, int *count, char *error, size_t size)
{
    char path[LASTGOOD_PATH];
    for (*count = 0; bundle_file_name(*count); (*count)++) {
        const char *name = bundle_file_name(*count);
        if (*count == LASTGOOD_FILES || !join(path, sizeof(path), dir, name)) {
            snprintf(error, size, "too many files or too long a path in %s", dir);
            return false;
        }
        files[*count].data = NULL;
        files[*count].len = 0;
        if (bundle_file_optional(*count) && access(path, F_OK) != 0 && errno == ENOENT)
            continue; /* left out of this bundle, and so of its copy */
        files[*count].data = read_regular(path, INIDOC_MAX_FILE, &files[*count].len, error, size);
        if (!files[*count].data)
            return false;
    }
    return true;
}

/* Whether the copy `content` links to holds exactly these files. */
static bool copy_is(const char *folder, const Source *files, int count)
{
    char dir[LASTGOOD_PATH], path[LASTGOOD_PATH];
    if (!join(dir, sizeof(dir), folder, content_link))
        return false;
    for (int i = 0; i < count; i++)
        if (!join(path, sizeof(path), dir, bundle_file_name(i)) ||
            (files[i].data ? !same_bytes(path, files[i].data, files[i].len) : access(path, F_OK) == 0))
            return false;
    return true;
}

/* Writes the files into a fresh folder, checks it as the app will read it, then points
 * `content` at it with one rename. */
static bool write_copy(const char *folder, const Source *files, int count, char *error, size_t size)
{
    char temp[LASTGOOD_PATH], path[LASTGOOD_PATH], link_temp[LASTGOOD_PATH], link[LASTGOOD_PATH];
    if (!join(temp, sizeof(temp), folder, "content-XXXXXX") || !join(link, sizeof(link), folder, content_link) ||
        !join(link_temp, sizeof(link_temp), folder, "content.new") || !mkdtemp(temp)) {
        snprintf(error, size, "cannot make a folder in %s: %s", folder, strerror(errno));
        return false;
    }
    for (int i = 0; i < count; i++) {
        if (!files[i].data)
            continue; /* an optional file the bundle leaves out */
        if (!join(path, sizeof(path), temp, bundle_file_name(i)) ||
            !safefile_create(path, files[i].data, files[i].len, 0600)) {
            snprintf(error, size, "cannot write %s: %s", path, strerror(errno));
            remove_copy(temp);
            return false;
        }
    }
    Bundle check;
    Diags diags = { 0 };
    bool passes = safefile_sync_folder(temp) && bundle_load(&check, temp, &diags) && diags.errors == 0;
    bundle_free(&check);
    diag_free(&diags);
    if (!passes) {
        snprintf(error, size, "the copy in %s did not pass the check (was the content changed "
                 "while it was copied?)", temp);
        remove_copy(temp);
        return false;
    }
    unlink(link_temp);
    if (symlink(strrchr(temp, '/') + 1, link_temp) != 0 || rename(link_temp, link) != 0) {
        snprintf(error, size, "cannot put the copy in place as %s: %s", link, strerror(errno));
        unlink(link_temp);
        remove_copy(temp);
        return false;
    }
    safefile_sync_folder(folder);
    return true;
}

LastGoodKept lastgood_keep_content(const char *state, const char *bundle_dir, char *error, size_t size)
{
    char folder[LASTGOOD_PATH];
    Source files[LASTGOOD_FILES] = { { 0 } };
    int count = 0;
    error[0] = '\0';
    if (!ready_folder(state, folder, sizeof(folder), error, size))
        return LASTGOOD_FAILED;
    LastGoodKept kept = LASTGOOD_FAILED;
    if (read_sources(bundle_dir, files, &count, error, size))
        kept = copy_is(folder, files, count) ? LASTGOOD_UNCHANGED
             : write_copy(folder, files, count, error, size) ? LASTGOOD_WRITTEN : LASTGOOD_FAILED;
    free_sources(files, count); /* after a failed read, files[count] is NULL */
    if (kept != LASTGOOD_FAILED)
        sweep(folder);
    return kept;
}

/* Keeps the INI file `path` as STATE/last-good/NAME when it passes the check read over
 * `base` (NULL: over the defaults), as the app reads it. */
static LastGoodKept keep_ini(const char *state, const char *name, const char *base, const char *path,
                             char *error, size_t size)
{
    char folder[LASTGOOD_PATH], copy[LASTGOOD_PATH], temp[LASTGOOD_PATH], temp_name[64];
    error[0] = '\0';
    if (!ready_folder(state, folder, sizeof(folder), error, size))
        return LASTGOOD_FAILED;
    snprintf(temp_name, sizeof(temp_name), "%s.tmp", name);
    if (!join(copy, sizeof(copy), folder, name) || !join(temp, sizeof(temp), folder, temp_name)) {
        snprintf(error, size, "the state folder's path is too long");
        return LASTGOOD_FAILED;
    }
    size_t len;
    char *data = read_regular(path, INIDOC_MAX_FILE, &len, error, size);
    if (!data)
        return LASTGOOD_FAILED;
    LastGoodKept kept = LASTGOOD_UNCHANGED;
    if (!same_bytes(copy, data, len)) {
        Config check;
        Diags diags = { 0 };
        config_defaults(&check);
        if (base)
            config_load(&check, base, &diags);
        int before = diags.errors;
        bool passes = config_load_text(&check, path, data, len, &diags) && diags.errors == before;
        config_free(&check);
        diag_free(&diags);
        unlink(temp); /* never written through a link left there */
        kept = LASTGOOD_FAILED;
        SafeFileResult wrote = passes ? safefile_write(copy, data, len, 0600) : SAFEFILE_FAILED;
        if (!passes)
            snprintf(error, size, "%s did not pass the check when it was copied (was it changed?)", path);
        else if (wrote == SAFEFILE_BAD_PATH)
            snprintf(error, size, "the state folder's path is too long");
        else if (wrote == SAFEFILE_FAILED)
            snprintf(error, size, "cannot write %s: %s", copy, strerror(errno));
        else
            kept = LASTGOOD_WRITTEN; /* SAFEFILE_UNSYNCED too: in place, its folder unflushed */
    }
    free(data);
    return kept;
}

LastGoodKept lastgood_keep_config(const char *state, const char *path, char *error, size_t size)
{
    return keep_ini(state, "config.ini", NULL, path, error, size);
}

LastGoodKept lastgood_keep_overrides(const char *state, const char *base, const char *path, char *error,
                                     size_t size)
{
    return keep_ini(state, "overrides.ini", base, path, error, size);
}

void lastgood_forget_overrides(const char *state)
{
    char copy[LASTGOOD_PATH];
    int n = snprintf(copy, sizeof(copy), "%s/%s/overrides.ini", state, folder_name);
    if (state[0] && n > 0 && (size_t)n < sizeof(copy))
        unlink(copy);
}

void lastgood_content_path(const char *state, char *out, size_t size)
{
    snprintf(out, size, "%s/%s/%s", state, folder_name, content_link);
}

bool lastgood_use_content(Bundle *bundle, const char *state)
{
    char dir[LASTGOOD_PATH];
    struct stat st;
    lastgood_content_path(state, dir, sizeof(dir));
    if (!state[0] || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    Bundle good;
    Diags diags = { 0 };
    bool ok = bundle_load(&good, dir, &diags);
    diag_free(&diags);
    if (!ok) {
        bundle_free(&good);
        return false;
    }
    bundle_free(bundle);
    *bundle = good;
    return true;
}

/* The bytes of STATE/last-good/NAME, or NULL (none kept, or unreadable); freed by the caller. */
static char *kept_ini(const char *state, const char *name, size_t *len)
{
    char copy[LASTGOOD_PATH], error[LASTGOOD_PATH + 64];
    int n = snprintf(copy, sizeof(copy), "%s/%s/%s", state, folder_name, name);
    return state[0] && n > 0 && (size_t)n < sizeof(copy)
           ? read_regular(copy, INIDOC_MAX_FILE, len, error, sizeof(error)) : NULL;
}

bool lastgood_use_config(Config *config, const char *state, const char *path)
{
    size_t len;
    char *data = kept_ini(state, "config.ini", &len);
    if (!data)
        return false;
    Config good;
    Diags diags = { 0 };
    config_defaults(&good);
    bool ok = config_load_text(&good, path, data, len, &diags) && profile_policy(good.profile)->stays_up;
    free(data);
    diag_free(&diags);
    if (!ok) {
        config_free(&good);
        return false;
    }
    config_free(config);
    *config = good;
    return true;
}

bool lastgood_use_overrides(Config *config, const char *state, const char *path)
{
    size_t len;
    char *data = kept_ini(state, "overrides.ini", &len);
    if (!data)
        return false;
    Diags diags = { 0 };
    bool ok = config_load_text(config, path, data, len, &diags);
    free(data);
    diag_free(&diags);
    return ok;
}
