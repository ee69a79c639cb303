/* tally.h — the anonymous tally: how many people began, how many finished the reflection,
 * and how many got each style. Counts only: never an answer, never a time.
 *
 * The tally is off by default ([tally] enabled in the config). When it is on, the app
 * calls tally_load() once at start, counts with tally_count_…(), and saves with
 * tally_save() on a coarse schedule that does not follow the sessions (kiosk.h: at most
 * once an hour, and when the app closes), and after tally_reset() from the staff screen.
 * The file is a small INI file a person can read:
 *
 *     ; Attune's anonymous tally: counts only, never anyone's answers, never times.
 *     ; sessions: people who began; completed: reflections finished, by result below
 *     ; once at least 10 have finished since the last reset.
 *     [tally]
 *     sessions = 14
 *     completed = 11
 *     secure = 4
 *     anxious = 3
 *     avoidant = 2
 *     disorganized = 2
 *
 * So that nobody can learn one person's result from it (reset, wait for one person, read
 * "anxious = 1"), the counts by style are written, and shown on the staff screen, only once
 * at least a threshold of reflections ([tally] threshold, never below
 * TALLY_MIN_THRESHOLD) have finished since the last reset; below it the file holds
 * sessions and completed only. The styles counted below the threshold live in memory
 * only, so a restart before the threshold loses them (never `completed`): `completed` may
 * then be more than the sum of the styles, and the threshold counts only the styles kept.
 *
 * tally_save() never leaves a half-written file (safefile.h). A broken file (from a hand
 * edit, a failing card) is reported, kept aside as PATH.broken and the tally starts again
 * from zero; it never stops the app. Neither function prints or allocates beyond what
 * inidoc needs to read the file. */
#ifndef ATTUNE_TALLY_H
#define ATTUNE_TALLY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "quiz.h"

/* Every count runs from 0 to this; counting past it keeps it there. */
enum { TALLY_MAX_COUNT = 2147483647 };

/* The fewest finished reflections (since the last reset) that the counts by style are
 * shown and written for: the config's [tally] threshold may not be lower (an error at
 * --check), and defaults to TALLY_DEFAULT_THRESHOLD. */
enum { TALLY_MIN_THRESHOLD = 5, TALLY_DEFAULT_THRESHOLD = 10 };

typedef struct Tally {
    int sessions;              /* consent accepted: a person began */
    int completed;             /* reflections finished since the last reset */
    int results[STYLE_COUNT];  /* finished reflections by style (quiz.h's Style); their sum
                                * is `completed` less those lost to a restart below the
                                * threshold */
} Tally;

/* Reads the tally in `path` into *t. A missing file is the first run: *t is all zeros,
 * nothing is reported, and the result is true. A file that cannot be read, or holds a
 * count that is missing, not a whole number or out of range, or is not INI at all, is
 * broken: each problem goes to `diags` at `path:line`, then one line saying the tally
 * starts again from zero and the old file is kept as PATH.broken (renamed so; an older
 * PATH.broken is replaced). *t is then all zeros and the result is false. Unknown keys
 * and sections, and a `completed` less than the sum of the styles, are reported but the
 * counts are used; so is a file without the styles (saved below the threshold: they are
 * zero). Everything is reported as a warning, never an error: the tally must
 * not keep the kiosk from starting. */
bool tally_load(Tally *t, const char *path, Diags *diags);

/* Writes *t to `path` atomically (safefile.h), so that after a crash or power cut PATH
 * holds either the old tally or the new one, whole: the counts by style only when
 * tally_shows_styles(t, threshold). Returns true when the new tally is on the disk.
 * Otherwise (a full disk, a folder that is missing or cannot be written, a file size
 * limit) returns false, leaves PATH as it was (or, when only the last flush of the folder
 * failed, holding the new tally) with no PATH.tmp left, and writes one sentence saying why
 * into `error` (`size` bytes; `error` may be NULL). *t is not changed: the app keeps
 * counting, and the next save writes every count so far. */
bool tally_save(const Tally *t, int threshold, const char *path, char *error, size_t size);

/* The reflections whose style is counted (the sum of results[]). */
int tally_sorted(const Tally *t);

/* Whether the counts by style may be shown and written: at least `threshold` (never less
 * than TALLY_MIN_THRESHOLD) reflections with their style counted since the last reset. */
bool tally_shows_styles(const Tally *t, int threshold);

/* A person accepted the content note and began. */
void tally_count_session(Tally *t);

/* A person finished the reflection with `style`: counts it and one more completed. */
void tally_count_result(Tally *t, Style style);

/* Every count back to zero (the staff screen's reset; save afterwards). */
void tally_reset(Tally *t);

#endif
