/* tally.h — the anonymous tally: how many people began, how many finished the reflection,
 * how many got each style, and how many couple sessions began. Counts only: never an
 * answer, never a time, never who shared.
 *
 * The tally is off by default ([tally] enabled in the config). When it is on, the app
 * calls tally_load() once at start, counts with tally_count_…(), and saves with
 * tally_save() on a coarse schedule that does not follow the sessions (kiosk.h: at most
 * once an hour, and when the app closes), and after tally_reset() from the staff screen.
 * The file is a small INI file a person can read:
 *
 *     ; Attune's anonymous tally: counts only, never anyone's answers, never times.
 *     ; sessions: people who began; completed: reflections finished. By result below, as
 *     ; of the last whole batch of 10 finished since the last reset (later ones wait).
 *     [tally]
 *     sessions = 34
 *     completed = 41
 *     secure = 14
 *     anxious = 11
 *     avoidant = 9
 *     disorganized = 6
 *     ; couple sessions begun, as of the last whole batch of 10 (later ones wait)
 *     couples = 10
 *
 * So that nobody can learn one person's result from it (reset, wait for one person, read
 * "anxious = 1", or read the counts before and after one person), the counts by style move
 * only in batches: they are a snapshot taken each time another `threshold` reflections
 * ([tally] threshold, never below TALLY_MIN_THRESHOLD) have finished, the first at the
 * threshold, then at twice it, three times… since the last reset. Only the snapshot is
 * shown on the staff screen and written; before the first the file holds sessions and
 * completed only. The styles since the last snapshot (fewer than the threshold) live in
 * memory only, so a restart loses them (never `completed`): `completed` may then be more
 * than the sum of the styles, and the next batch counts only new ones.
 *
 * Couple sessions (flow.h's couple mode, counted when both partners agree to begin) move
 * in batches of the same size, counted apart from the reflections: `couples` is written
 * only once `threshold` couple sessions have begun since the last reset, then at twice
 * it…; those since the last batch live in memory only (couples_pending). So reading the
 * page or the file before and after one couple shows no couple count move (unless a whole
 * batch ends), and no count says which reflections were a couple's. A couple's partners
 * began after one content note (one session); each reflection they finish counts in
 * `completed` and by style like anyone's; who chose to share is never counted. A file
 * without `couples` (saved before the first batch, or before couple mode) reads as zero.
 * Above, 34 sessions began: 10 couples, both partners finishing (20 reflections), and 24
 * people alone, 21 of whom finished; the styles are as of 40 reflections.
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

/* The size of a batch: the counts by style are brought up to date each time this many
 * more reflections have finished. The config's [tally] threshold may not be lower (an
 * error at --check), and defaults to TALLY_DEFAULT_THRESHOLD. */
enum { TALLY_MIN_THRESHOLD = 5, TALLY_DEFAULT_THRESHOLD = 10 };

typedef struct Tally {
    int sessions;              /* consent accepted: a person began */
    int completed;             /* reflections finished since the last reset */
    int results[STYLE_COUNT];  /* finished reflections by style (quiz.h's Style) as of the
                                * last batch's end: what is shown and written */
    int pending[STYLE_COUNT];  /* by style since then, fewer than a batch: in memory only;
                                * results + pending is `completed` less those a restart
                                * lost */
    int couples;               /* couple sessions begun, as of the last batch's end: shown */
    int couples_pending;       /* begun since then, fewer than a batch: in memory only */
} Tally;

/* Reads the tally in `path` into *t. A missing file is the first run: *t is all zeros,
 * nothing is reported, and the result is true. A file that cannot be read, or holds a
 * count that is missing, not a whole number or out of range, or is not INI at all, is
 * broken: each problem goes to `diags` at `path:line`, then one line saying the tally
 * starts again from zero and the old file is kept as PATH.broken (renamed so; an older
 * PATH.broken is replaced). *t is then all zeros and the result is false. Unknown keys
 * and sections, and a `completed` less than the sum of the styles, are reported but the
 * counts are used; so is a file without the styles (saved before the first batch's end:
 * they are zero), or without `couples` (zero too).
 * pending[] and couples_pending are always zero after a load. Everything is reported as a warning, never an error: the tally must
 * not keep the kiosk from starting. */
bool tally_load(Tally *t, const char *path, Diags *diags);

/* Writes *t to `path` atomically (safefile.h), so that after a crash or power cut PATH
 * holds either the old tally or the new one, whole: results[] (never pending[]) only when
 * tally_shows_styles(t), couples (never couples_pending) only when tally_shows_couples(t);
 * `threshold` is named in the file's comments. Returns true when
 * the new tally is on the disk. Otherwise (a full disk, a folder that is missing or cannot be written, a file size
 * limit) returns false, leaves PATH as it was (or, when only the last flush of the folder
 * failed, holding the new tally) with no PATH.tmp left, and writes one sentence saying why
 * into `error` (`size` bytes; `error` may be NULL). *t is not changed: the app keeps
 * counting, and the next save writes every count so far (but never pending[]). */
bool tally_save(const Tally *t, int threshold, const char *path, char *error, size_t size);

/* The reflections whose style is counted, shown or pending (results[] + pending[]). */
int tally_sorted(const Tally *t);

/* The reflections the counts by style are shown as of (the sum of results[]). */
int tally_shown(const Tally *t);

/* Whether there are counts by style to show and write: a batch has ended since the last
 * reset (or a file with them was loaded). */
bool tally_shows_styles(const Tally *t);

/* Whether there is a count of couple sessions to show and write: a batch of them has ended
 * since the last reset (or a file with it was loaded). */
bool tally_shows_couples(const Tally *t);

/* A person accepted the content note and began. */
void tally_count_session(Tally *t);

/* A person finished the reflection with `style`: one more completed, and the style held in
 * pending[] until `threshold` (never less than TALLY_MIN_THRESHOLD) are held; then they
 * all move into results[] at once, and that is the batch's end. */
void tally_count_result(Tally *t, Style style, int threshold);

/* Two partners began couple mode: held in couples_pending until `threshold` (never less
 * than TALLY_MIN_THRESHOLD) are held, then moved into couples at once (as styles are). */
void tally_count_couple(Tally *t, int threshold);

/* Every count back to zero (the staff screen's reset; save afterwards). */
void tally_reset(Tally *t);

#endif
