/* diag.h — the problems found in content and config, reported GCC-style.
 *
 * Loaders never print and never stop at the first problem: they add every problem they
 * find to a Diags list, each with the file and line it is about, and the caller prints
 * them all as `path:line: error: message` so that editors can jump to them. */
#ifndef ATTUNE_DIAG_H
#define ATTUNE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Problems past this many are counted but not kept: fix the first ones first. */
enum { DIAG_MAX_KEPT = 300 };

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_LEVEL_COUNT } DiagLevel;

typedef struct Diag {
    char *path;      /* owned copy */
    int line;        /* 1-based; 0 when the problem is about the file as a whole */
    DiagLevel level;
    char *message;   /* owned copy, no trailing newline */
    int order;       /* the order of the path's first problem, then insertion order */
} Diag;

typedef struct Diags {
    Diag *items;
    int count, capacity;
    int errors, warnings;
    int dropped;     /* counted but not kept (past DIAG_MAX_KEPT) */
} Diags;

/* Adds one problem. `fmt` is printf-style. Out of memory drops the message but still
 * counts the error, so a failing load never looks clean. */
void diag_add(Diags *diags, const char *path, int line, DiagLevel level, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Sorts the problems by file (in the order files were first reported) and line, keeping
 * the order of problems on one line, then writes one line each to `out`. */
void diag_print(Diags *diags, FILE *out);

/* Reads the whole file at `path`, at most `max` bytes (a larger file is read only that
 * far: the caller decides what that means). On failure adds one error at path:1 naming the
 * file as `what` ("the file", "the script") and returns NULL. Otherwise returns the bytes
 * with a NUL after them, *len set; the caller frees them. */
char *diag_read_file(Diags *diags, const char *path, size_t max, const char *what, size_t *len);

/* Text a person saved (the INI files, scripts): the problems of its encoding, said the
 * same way for every kind of file. */
typedef struct DiagText {
    int bad_lines;       /* lines that are not UTF-8 */
    int last_reported;   /* the last of them reported one by one: the summary follows it */
} DiagText;

/* Whole-file problems: NUL bytes, which mean UTF-16 ("Unicode") or not text at all. Adds
 * one error and returns false when the text should not be read further. */
bool diag_text_readable(Diags *diags, const char *path, const char *text, size_t len);

/* Checks that line `line` (`len` bytes) is UTF-8; the first three broken lines are
 * reported with the column, the rest counted for diag_text_end. False when broken. */
bool diag_text_line(Diags *diags, DiagText *t, const char *path, int line, const char *s, size_t len);

/* After the last line: one error for the broken lines not reported one by one. */
void diag_text_end(Diags *diags, const DiagText *t, const char *path);

/* Frees every message; the list is empty afterwards. */
void diag_free(Diags *diags);

#endif
