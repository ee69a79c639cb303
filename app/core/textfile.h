/* textfile.h — text a person saved (the INI files, the scripts): read whole, checked, and
 * cut into lines, with the "is this the right file?" problems said the same way for every
 * kind of file.
 *
 * Whole-file problems give one error and stop the reading: a file too large to be the
 * right one, NUL bytes (UTF-16, "Unicode", or not text at all). Lines end with LF, CRLF,
 * or CR alone in a file that has no LF (old Mac files); the last line needs no line end,
 * and a UTF-8 byte order mark before the first line is skipped. Each line is checked to
 * be UTF-8: the first three broken lines are reported with the column, the rest counted
 * into one closing error that names the likely cause (Windows-1252 or the like). */
#ifndef ATTUNE_TEXTFILE_H
#define ATTUNE_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef struct TextFile {
    Diags *diags;
    const char *path;
    const char *text;
    size_t len, pos;
    char eol;            /* '\n', or '\r' in a file with CRs and no LF */
    int line;            /* the line last handed out, counted from 1 */
    int bad_lines;       /* lines that are not UTF-8 */
    int last_reported;   /* the last of them reported one by one */
} TextFile;

/* Reads the whole file at `path`, at most `max` bytes: a larger one gives one error
 * ("is it the right file?"). Only a regular file is read: a pipe (FIFO), a device or a
 * folder in its place is refused at once, never waited on ("cannot read the file: it is
 * a pipe (FIFO), not a regular file"). On any failure adds one error at path:1 naming
 * the file as `what` ("the file", "the script") and returns NULL. Otherwise returns the bytes with a
 * NUL after them, *len set; the caller frees them. */
char *textfile_read(Diags *diags, const char *path, size_t max, const char *what, size_t *len);

/* Starts reading the `len` bytes at `text` (any bytes; no NUL needed after them) as the
 * file `path`, which must outlive `t`. Adds one error and returns false when the text is
 * more than `max` bytes or holds a NUL byte: it should not be read further. */
bool textfile_start(TextFile *t, Diags *diags, const char *path, const char *text, size_t len,
                    size_t max);

/* The next line, without its line end: *line points into the text, *len bytes. *utf8 says
 * whether the line is UTF-8 (a broken one has been reported or counted). Returns false
 * after the last line. */
bool textfile_next(TextFile *t, const char **line, size_t *len, bool *utf8);

/* After the last line: one error for the broken lines not reported one by one. */
void textfile_end(const TextFile *t);

#endif
