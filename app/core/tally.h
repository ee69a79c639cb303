/* tally.h — the anonymous tally: how many people began, how many finished the reflection,
 * and how many got each style. Counts only: never an answer, never a time.
 *
 * The tally is off by default ([tally] enabled in the config). When it is on, the app
 * calls tally_load() once at start, then a tally_count_…() and tally_save() after each
 * change (and after tally_reset() from the staff screen). The file is a small INI file a
 * person can read:
 *
 *     ; Attune's anonymous tally: counts only, never anyone's answers, never times.
 *     ; sessions: people who began; completed: reflections finished, by result below.
 *     [tally]
 *     sessions = 12
 *     completed = 7
 *     secure = 2
 *     anxious = 3
 *     avoidant = 1
 *     disorganized = 1
 *
 * A kiosk loses power now and then, so tally_save() never leaves a half-written file: it
 * writes PATH.tmp beside it, flushes it to the disk, renames it over PATH and flushes the
 * folder. A broken file (from a hand edit, a failing card) is reported, kept aside as
 * PATH.broken and the tally starts again from zero; it never stops the app. Neither
 * function prints or allocates beyond what inidoc needs to read the file. */
#ifndef ATTUNE_TALLY_H
#define ATTUNE_TALLY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "quiz.h"

/* Every count runs from 0 to this; counting past it keeps it there. */
enum { TALLY_MAX_COUNT = 2147483647 };

typedef struct Tally {
    int sessions;              /* consent accepted: a person began */
    int completed;             /* reflections finished; always the sum of results[] */
    int results[STYLE_COUNT];  /* finished reflections by style (quiz.h's Style) */
} Tally;

/* Reads the tally in `path` into *t. A missing file is the first run: *t is all zeros,
 * nothing is reported, and the result is true. A file that cannot be read, or holds a
 * count that is missing, not a whole number or out of range, or is not INI at all, is
 * broken: each problem goes to `diags` at `path:line`, then one line saying the tally
 * starts again from zero and the old file is kept as PATH.broken (renamed so; an older
 * PATH.broken is replaced). *t is then all zeros and the result is false. Unknown keys
 * and sections, and a `completed` that is not the sum of the styles, are reported but the
 * counts are used. Everything is reported as a warning, never an error: the tally must
 * not keep the kiosk from starting. */
bool tally_load(Tally *t, const char *path, Diags *diags);

/* Writes *t to `path` atomically (PATH.tmp, fsync, rename over PATH, fsync the folder),
 * so that after a crash or power cut PATH holds either the old tally or the new one,
 * whole. Returns true when the new tally is on the disk. Otherwise (a full disk, a folder
 * that is missing or cannot be written) returns false, leaves PATH as it was (or, when
 * only the last flush of the folder failed, holding the new tally), and writes one
 * sentence saying why into `error` (`size` bytes; `error` may be NULL). *t is not changed:
 * the app keeps counting, and the next save writes every count so far. */
bool tally_save(const Tally *t, const char *path, char *error, size_t size);

/* A person accepted the content note and began. */
void tally_count_session(Tally *t);

/* A person finished the reflection with `style`: counts it and one more completed. */
void tally_count_result(Tally *t, Style style);

/* Every count back to zero (the staff screen's reset; save afterwards). */
void tally_reset(Tally *t);

#endif
