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

/* Frees every message; the list is empty afterwards. */
void diag_free(Diags *diags);

#endif
