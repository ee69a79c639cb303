/* tally.c — see tally.h. Reading goes through inidoc and schema like every other file, so
 * problems are named at `path:line`; writing is safefile's atomic replace (temp file,
 * fsync, rename, fsync the folder), with the per-style counts and the couple sessions of
 * the last whole batch only, and none before the first. */
#define _POSIX_C_SOURCE 200809L /* stat */
#include "tally.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "inidoc.h"
#include "safefile.h"
#include "schema.h"

_Static_assert(INT_MAX >= TALLY_MAX_COUNT, "a count must fit in an int");

/* Longer paths than this are refused rather than cut (PATH.broken must fit too). */
enum { TALLY_MAX_PATH = SAFEFILE_MAX_PATH, TALLY_MAX_TEXT = 768 };

/* The counts are checked here rather than as VALUE_INT, so that the message can name the
 * range as a person writes it (schema prints ranges with %g: 2.14748e+09). The styles
 * come from QUIZ_STYLES, in Style order; the couples last (a file from before couple mode,
 * or from before the first batch of couples, has none). */
static const KeySpec tally_keys[] = {
    SCHEMA_KEY("tally", "sessions", VALUE_LINE, KEY_REQUIRED, NULL),
    SCHEMA_KEY("tally", "completed", VALUE_LINE, KEY_REQUIRED, NULL),
#define STYLE_KEY(name, id) SCHEMA_KEY("tally", id, VALUE_LINE, 0, NULL), /* before a batch: none */
    QUIZ_STYLES(STYLE_KEY)
#undef STYLE_KEY
    SCHEMA_KEY("tally", "couples", VALUE_LINE, 0, NULL),
    SCHEMA_END
};
enum { TALLY_KEYS = 3 + STYLE_COUNT, KEY_COUPLES = TALLY_KEYS - 1 };

/* The count behind each key of [tally], in the order they are written. */
static int *count_for(Tally *t, int key)
{
    return key == 0 ? &t->sessions : key == 1 ? &t->completed
         : key == KEY_COUPLES ? &t->couples : &t->results[key - 2];
}

static const char *key_name(int key)
{
    assert(key < 2 || key == KEY_COUPLES ||
           strcmp(tally_keys[key].key, quiz_style_id((Style)(key - 2))) == 0);
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

static int batch_size(int threshold)
{
    return threshold < TALLY_MIN_THRESHOLD ? TALLY_MIN_THRESHOLD : threshold;
}

static int sum_of(const int counts[STYLE_COUNT])
{
    long long sum = 0;
    for (int i = 0; i < STYLE_COUNT; i++)
        sum += counts[i];
    return sum > TALLY_MAX_COUNT ? TALLY_MAX_COUNT : (int)sum;
}

void tally_count_result(Tally *t, Style style, int threshold)
{
    assert(style >= 0 && style < STYLE_COUNT);
    /* Both or neither, so that completed stays at least the sum of the styles when full. */
    if (t->completed >= TALLY_MAX_COUNT ||
        (long long)t->results[style] + t->pending[style] >= TALLY_MAX_COUNT)
        return;
    t->completed++;
    t->pending[style]++;
    if (sum_of(t->pending) < batch_size(threshold))
        return;
    /* the batch's end: the counts by style move, all of the batch at once */
    for (int i = 0; i < STYLE_COUNT; i++) {
        t->results[i] += t->pending[i];
        t->pending[i] = 0;
    }
}

void tally_count_couple(Tally *t, int threshold)
{
    if ((long long)t->couples + t->couples_pending >= TALLY_MAX_COUNT)
        return;
    if (++t->couples_pending < batch_size(threshold))
        return;
    t->couples += t->couples_pending; /* the batch's end */
    t->couples_pending = 0;
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
    /* the styles come all four (after a batch's end) or none (before the first) */
    int styles = 0;
    for (int i = 0; i < STYLE_COUNT; i++)
        styles += inidoc_find(doc, s, quiz_style_id((Style)i)) != NULL;
    for (int i = 0; styles > 0 && styles < STYLE_COUNT && i < STYLE_COUNT; i++)
        if (!inidoc_find(doc, s, quiz_style_id((Style)i)))
            diag_add(diags, doc->path, doc->sections[s].line, DIAG_ERROR,
                     "[tally] has no '%s' (the styles are written all four or none)",
                     quiz_style_id((Style)i));
    long sum = 0;
    for (int i = 0; i < STYLE_COUNT; i++)
        sum += t->results[i];
    const IniEntry *e = inidoc_find(doc, s, "completed");
    /* fewer styles than completed is normal: a restart loses those of an unfinished batch */
    if (diags->errors == 0 && sum > t->completed)
        diag_add(diags, doc->path, e ? e->line : 1, DIAG_WARNING,
                 "[tally]: completed (%d) is less than the sum of the four styles (%ld); both "
                 "are kept as they are", t->completed, sum);
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

int tally_sorted(const Tally *t)
{
    long long sum = (long long)sum_of(t->results) + sum_of(t->pending);
    return sum > TALLY_MAX_COUNT ? TALLY_MAX_COUNT : (int)sum;
}

int tally_shown(const Tally *t)
{
    return sum_of(t->results);
}

bool tally_shows_styles(const Tally *t)
{
    return tally_shown(t) > 0;
}

bool tally_shows_couples(const Tally *t)
{
    return t->couples > 0;
}

static size_t format_tally(const Tally *t, int threshold, char *buf, size_t size)
{
    int n = snprintf(buf, size,
                     "; Attune's anonymous tally: counts only, never anyone's answers, never times.\n"
                     "; sessions: people who began; completed: reflections finished. By result below, as\n"
                     "; of the last whole batch of %d finished since the last reset (later ones wait).\n"
                     "[tally]\n"
                     "sessions = %d\n"
                     "completed = %d\n",
                     batch_size(threshold),
                     t->sessions, t->completed);
    assert(n > 0 && (size_t)n < size);
    size_t used = (size_t)n;
    for (int i = 0; tally_shows_styles(t) && i < STYLE_COUNT; i++) {
        n = snprintf(buf + used, size - used, "%s = %d\n", quiz_style_id((Style)i), t->results[i]);
        assert(n > 0 && (size_t)n < size - used);
        used += (size_t)n;
    }
    if (tally_shows_couples(t)) {
        n = snprintf(buf + used, size - used,
                     "; couple sessions begun, as of the last whole batch of %d (later ones wait)\n"
                     "couples = %d\n", batch_size(threshold), t->couples);
        assert(n > 0 && (size_t)n < size - used);
        used += (size_t)n;
    }
    return used;
}

bool tally_save(const Tally *t, int threshold, const char *path, char *error, size_t size)
{
    char fallback[8];
    if (!error || size == 0) {
        error = fallback;
        size = sizeof(fallback);
    }
    error[0] = '\0';
    assert(t->sessions >= 0 && t->completed >= 0);
    for (int i = 0; i < STYLE_COUNT; i++)
        assert(t->results[i] >= 0 && t->pending[i] >= 0);
    assert(t->couples >= 0 && t->couples_pending >= 0);

    char text[TALLY_MAX_TEXT];
    size_t len = format_tally(t, threshold, text, sizeof(text));
    switch (safefile_write(path, text, len, 0644)) {
    case SAFEFILE_OK:
        return true;
    case SAFEFILE_BAD_PATH:
        snprintf(error, size, "The tally could not be saved: the file name '%s' is %s.", path,
                 path[0] ? "too long" : "empty");
        return false;
    case SAFEFILE_UNSYNCED:
        snprintf(error, size, "The tally was written to %s but its folder could not be "
                 "flushed to the disk (%s), so a power cut now may lose it.", path,
                 safefile_reason(errno));
        return false;
    case SAFEFILE_FAILED:
        break;
    }
    snprintf(error, size, "The tally could not be saved to %s: %s.", path, safefile_reason(errno));
    return false;
}
