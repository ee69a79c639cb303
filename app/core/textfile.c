/* textfile.c — see textfile.h. */
#define _POSIX_C_SOURCE 200809L /* fdopen, O_CLOEXEC */
#include "textfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"

/* The first lines that are not UTF-8 are reported one by one, the rest counted. */
enum { REPORTED_LINES = 3 };

static void too_large(Diags *diags, const char *path, size_t max)
{
    diag_add(diags, path, 1, DIAG_ERROR, "the file is larger than %zu KiB: is it the right file?",
             max / 1024);
}

/* What a file that is not a regular one is, for the message. */
static const char *kind_of(mode_t mode)
{
    return S_ISDIR(mode)                    ? "a folder"
         : S_ISFIFO(mode)                   ? "a pipe (FIFO)"
         : S_ISCHR(mode) || S_ISBLK(mode)   ? "a device"
         : S_ISSOCK(mode)                   ? "a socket"
                                            : "something else";
}

/* Opens `path` for reading without ever waiting: a pipe or a device in the file's place
 * would block open() or read() for good (a --check that hangs, a reload that stops the
 * loop), so the file is opened non-blocking and only a regular file is read. */
static FILE *open_regular(Diags *diags, const char *path, const char *what)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT)
            diag_add(diags, path, 1, DIAG_ERROR, "%s does not exist", what);
        else
            diag_add(diags, path, 1, DIAG_ERROR, "cannot open %s: %s", what, strerror(errno));
        return NULL;
    }
    struct stat st;
    FILE *f = NULL;
    if (fstat(fd, &st) != 0)
        diag_add(diags, path, 1, DIAG_ERROR, "cannot open %s: %s", what, strerror(errno));
    else if (!S_ISREG(st.st_mode))
        diag_add(diags, path, 1, DIAG_ERROR, "cannot read %s: it is %s, not a regular file", what,
                 kind_of(st.st_mode));
    else if (!(f = fdopen(fd, "rb")))
        diag_add(diags, path, 1, DIAG_ERROR, "cannot open %s: %s", what, strerror(errno));
    if (!f)
        close(fd);
    return f; /* O_NONBLOCK changes nothing for a regular file */
}

char *textfile_read(Diags *diags, const char *path, size_t max, const char *what, size_t *len)
{
    FILE *f = open_regular(diags, path, what);
    if (!f)
        return NULL;
    char *data = malloc(max + 2);
    if (!data) {
        diag_add(diags, path, 1, DIAG_ERROR, "out of memory while reading %s", what);
        fclose(f);
        return NULL;
    }
    *len = fread(data, 1, max + 1, f); /* one byte more tells a file that is too large */
    if (ferror(f)) {
        diag_add(diags, path, 1, DIAG_ERROR, "cannot read %s: %s", what, strerror(errno));
        free(data);
        data = NULL;
    } else if (*len > max) {
        too_large(diags, path, max);
        free(data);
        data = NULL;
    } else {
        data[*len] = '\0';
    }
    fclose(f);
    return data;
}

/* NUL bytes mean UTF-16 ("Unicode") or not text at all: one error, at the first. */
static bool readable(Diags *diags, const char *path, const char *text, size_t len)
{
    const char *nul = memchr(text, '\0', len);
    if (!nul)
        return true;
    bool utf16 = len >= 2 && ((unsigned char)text[0] == 0xFF || (unsigned char)text[0] == 0xFE ||
                              text[0] == '\0' || text[1] == '\0');
    if (utf16) {
        diag_add(diags, path, 1, DIAG_ERROR, "the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8");
    } else {
        int line = 1;
        for (const char *p = text; p < nul; p++)
            line += *p == '\n';
        diag_add(diags, path, line, DIAG_ERROR, "a NUL byte: is this a text file? save it as UTF-8 text");
    }
    return false;
}

bool textfile_start(TextFile *t, Diags *diags, const char *path, const char *text, size_t len,
                    size_t max)
{
    *t = (TextFile){ .diags = diags, .path = path, .text = text, .len = len, .eol = '\n' };
    if (len > max) {
        too_large(diags, path, max);
        return false;
    }
    if (len == 0)
        return true; /* text may be NULL then */
    if (!readable(diags, path, text, len))
        return false;
    if (!memchr(text, '\n', len) && memchr(text, '\r', len))
        t->eol = '\r';
    return true;
}

/* Reports (or counts) a line that is not UTF-8. False when broken. */
static bool check_utf8(TextFile *t, const char *s, size_t len)
{
    size_t bad;
    if (utf8_valid(s, len, &bad))
        return true;
    if (++t->bad_lines <= REPORTED_LINES) {
        t->last_reported = t->line;
        diag_add(t->diags, t->path, t->line, DIAG_ERROR,
                 "a character that is not UTF-8 (byte 0x%02X at column %zu): retype it, or "
                 "save the file as UTF-8", (unsigned char)s[bad], utf8_count(s, bad) + 1);
    }
    return false;
}

bool textfile_next(TextFile *t, const char **line, size_t *len, bool *utf8)
{
    if (t->pos >= t->len)
        return false;
    const char *s = t->text + t->pos;
    const char *end = memchr(s, t->eol, t->len - t->pos);
    size_t n = end ? (size_t)(end - s) : t->len - t->pos;
    t->pos += n + (end ? 1 : 0);
    t->line++;
    if (t->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3; /* the byte order mark some editors write */
        n -= 3;
    }
    if (n > 0 && s[n - 1] == '\r')
        n--;
    *line = s;
    *len = n;
    *utf8 = check_utf8(t, s, n);
    return true;
}

void textfile_end(const TextFile *t)
{
    if (t->bad_lines > REPORTED_LINES)
        diag_add(t->diags, t->path, t->last_reported, DIAG_ERROR,
                 "%d more lines have bytes that are not UTF-8: the file seems to be saved in "
                 "another encoding (such as Windows-1252); save it as UTF-8",
                 t->bad_lines - REPORTED_LINES);
}
