#define _DEFAULT_SOURCE /* mkdtemp, symlink */
/* test_tally.c — the anonymous tally: counting, the file a person can read (and that holds
 * no answers and no times), a first run with no file, broken files named at path:line and
 * kept aside as PATH.broken, and saves that fail cleanly (missing folder, a full disk, a
 * folder that cannot be written, a file size limit) without touching the old file; the
 * counts by style and the couple sessions shown and written only in whole batches of the
 * threshold. Each test works in a fresh folder under /tmp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../app/core/pinlock.h"
#include "../app/core/tally.h"
#include "files.h"

typedef struct Fixture {
    char dir[64];
    char path[128];    /* DIR/tally.ini */
    char broken[160];  /* DIR/tally.ini.broken */
    char temp[160];    /* DIR/tally.ini.tmp */
    Diags diags;
} Fixture;

static int setup(void **state)
{
    static Fixture f;
    memset(&f, 0, sizeof(f));
    if (!make_temp_folder(f.dir, sizeof(f.dir), "tally"))
        return -1;
    snprintf(f.path, sizeof(f.path), "%s/tally.ini", f.dir);
    snprintf(f.broken, sizeof(f.broken), "%s.broken", f.path);
    snprintf(f.temp, sizeof(f.temp), "%s.tmp", f.path);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    diag_free(&f->diags);
    return remove_folder(f->dir) ? 0 : -1;
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static bool reported(const Diags *d, const char *path, int line, const char *words)
{
    for (int i = 0; i < d->count; i++)
        if (strcmp(d->items[i].path, path) == 0 && d->items[i].line == line &&
            strstr(d->items[i].message, words))
            return true;
    return false;
}

static void assert_zero(const Tally *t)
{
    assert_int_equal(t->sessions, 0);
    assert_int_equal(t->completed, 0);
    for (int i = 0; i < STYLE_COUNT; i++)
        assert_int_equal(t->results[i], 0);
    assert_int_equal(t->couples, 0);
    assert_int_equal(t->couples_pending, 0);
}

/* The lowest threshold there is: some_counts() is past it, so its styles are written. */
enum { LOW = TALLY_MIN_THRESHOLD };

static Tally some_counts(void)
{
    Tally t = { .sessions = 12, .completed = 7,
                .results = { [STYLE_SECURE] = 2, [STYLE_ANXIOUS] = 3, [STYLE_AVOIDANT] = 1,
                             [STYLE_DISORGANIZED] = 1 },
                .couples = 5 };
    return t;
}

/* --- counting ------------------------------------------------------------------------ */

static void counting_keeps_completed_the_sum_of_the_styles(void **state)
{
    (void)state;
    Tally t = { 0 };
    tally_count_session(&t);
    tally_count_session(&t);
    tally_count_result(&t, STYLE_ANXIOUS, LOW);
    tally_count_result(&t, STYLE_ANXIOUS, LOW);
    tally_count_result(&t, STYLE_DISORGANIZED, LOW);
    assert_int_equal(t.sessions, 2);
    assert_int_equal(t.completed, 3);
    assert_int_equal(t.pending[STYLE_SECURE], 0);
    assert_int_equal(t.pending[STYLE_ANXIOUS], 2);
    assert_int_equal(t.pending[STYLE_AVOIDANT], 0);
    assert_int_equal(t.pending[STYLE_DISORGANIZED], 1);
    assert_int_equal(tally_sorted(&t), 3);
    assert_int_equal(tally_shown(&t), 0);
    tally_count_result(&t, STYLE_SECURE, LOW);
    tally_count_result(&t, STYLE_SECURE, LOW); /* the fifth: the batch moves whole */
    assert_int_equal(t.completed, 5);
    assert_int_equal(t.results[STYLE_SECURE], 2);
    assert_int_equal(t.results[STYLE_ANXIOUS], 2);
    assert_int_equal(t.results[STYLE_DISORGANIZED], 1);
    for (int i = 0; i < STYLE_COUNT; i++)
        assert_int_equal(t.pending[i], 0);
    tally_reset(&t);
    assert_zero(&t);
}

static void a_full_count_stays_full(void **state)
{
    (void)state;
    Tally t = { .sessions = TALLY_MAX_COUNT, .completed = TALLY_MAX_COUNT,
                .results = { [STYLE_SECURE] = TALLY_MAX_COUNT } };
    tally_count_session(&t);
    tally_count_result(&t, STYLE_AVOIDANT, LOW);
    t.couples = TALLY_MAX_COUNT - 1;
    for (int i = 0; i < 2 * LOW; i++)
        tally_count_couple(&t, LOW);
    assert_int_equal((long long)t.couples + t.couples_pending, TALLY_MAX_COUNT);
    assert_int_equal(t.sessions, TALLY_MAX_COUNT);
    assert_int_equal(t.completed, TALLY_MAX_COUNT);
    assert_int_equal(t.pending[STYLE_AVOIDANT], 0); /* completed is still the sum */
    t.completed = 0;
    tally_count_result(&t, STYLE_SECURE, LOW); /* a style full: neither moves */
    assert_int_equal(t.completed, 0);
    assert_int_equal(t.pending[STYLE_SECURE], 0);
}

/* --- the file ------------------------------------------------------------------------ */

static void the_file_is_plain_counts_with_no_times_or_answers(void **state)
{
    Fixture *f = *state;
    Tally t = some_counts();
    char error[256] = "untouched";
    assert_true(tally_save(&t, LOW, f->path, error, sizeof(error)));
    assert_string_equal(error, "");
    assert_string_equal(read_text(f->path),
                        "; Attune's anonymous tally: counts only, never anyone's answers, never times.\n"
                        "; sessions: people who began; completed: reflections finished. By result below, as\n"
                        "; of the last whole batch of 5 finished since the last reset (later ones wait).\n"
                        "[tally]\n"
                        "sessions = 12\n"
                        "completed = 7\n"
                        "secure = 2\n"
                        "anxious = 3\n"
                        "avoidant = 1\n"
                        "disorganized = 1\n"
                        "; couple sessions begun, as of the last whole batch of 5 (later ones wait)\n"
                        "couples = 5\n");
    assert_false(exists(f->temp));
}

static void saved_counts_load_back(void **state)
{
    Fixture *f = *state;
    Tally t = some_counts(), back;
    t.sessions = TALLY_MAX_COUNT; /* the largest count survives too */
    t.couples = TALLY_MAX_COUNT;
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
    assert_true(tally_load(&back, f->path, &f->diags));
    diag_print(&f->diags, stderr);
    assert_int_equal(f->diags.count, 0);
    assert_memory_equal(&back, &t, sizeof(t));

    /* Saving again replaces the file whole (the style waits for its batch). */
    tally_count_result(&back, STYLE_SECURE, LOW);
    assert_true(tally_save(&back, LOW, f->path, NULL, 0));
    assert_true(tally_load(&t, f->path, &f->diags));
    assert_int_equal(t.completed, 8);
    assert_int_equal(t.results[STYLE_SECURE], 2);
    assert_int_equal(t.pending[STYLE_SECURE], 0);
    assert_false(exists(f->temp));
}

static void no_file_is_a_first_run(void **state)
{
    Fixture *f = *state;
    Tally t = some_counts();
    assert_true(tally_load(&t, f->path, &f->diags));
    assert_zero(&t);
    assert_int_equal(f->diags.count, 0);
    assert_false(exists(f->path));
    assert_false(exists(f->broken));
}

/* A broken file: each problem at path:line, as warnings only (the kiosk still starts),
 * zeros, and the old file kept aside byte for byte. */
typedef struct BrokenCase {
    const char *what;
    const char *text;
    int line;
    const char *words;
} BrokenCase;

static const BrokenCase broken_cases[] = {
    { "garbage", "\x89PNG\r\n\x1a\n\x01\x02\x03 not a tally at all\n", 1, "not UTF-8" },
    { "words, not INI", "twelve people came\nand seven finished\n", 2, "not 'key = value'" },
    { "a negative count",
      "[tally]\nsessions = -3\ncompleted = 0\nsecure = 0\nanxious = 0\navoidant = 0\ndisorganized = 0\n",
      2, "'sessions' must be a whole number from 0 to 2147483647, not '-3'" },
    { "a count that is not a number",
      "[tally]\nsessions = 4\ncompleted = many\nsecure = 0\nanxious = 0\navoidant = 0\ndisorganized = 0\n",
      3, "'completed' must be a whole number from 0 to 2147483647, not 'many'" },
    { "a count past 2^31-1",
      "[tally]\nsessions = 2147483648\ncompleted = 0\nsecure = 0\nanxious = 0\navoidant = 0\ndisorganized = 0\n",
      2, "not '2147483648'" },
    { "a count cut off (no value)",
      "[tally]\nsessions = 4\ncompleted = 1\nsecure = 1\nanxious = 0\navoidant = 0\ndisorganized =\n",
      7, "'disorganized' is empty" },
    { "a file cut short", "; Attune's anonymous tally\n[tally]\nsessions = 4\ncompleted = 1\nsecure = 1\n",
      2, "has no 'anxious'" },
    { "some styles but not all",
      "[tally]\nsessions = 4\ncompleted = 1\nsecure = 1\navoidant = 0\ndisorganized = 0\n",
      1, "[tally] has no 'anxious' (the styles are written all four or none)" },
    { "a couple count that is not a number",
      "[tally]\nsessions = 4\ncompleted = 0\ncouples = ten\n",
      4, "'couples' must be a whole number from 0 to 2147483647, not 'ten'" },
    { "a negative couple count",
      "[tally]\nsessions = 4\ncompleted = 0\nsecure = 0\nanxious = 0\navoidant = 0\ndisorganized = 0\n"
      "couples = -5\n", 8, "'couples' must be a whole number from 0 to 2147483647, not '-5'" },
    { "a couple count past 2^31-1",
      "[tally]\nsessions = 4\ncompleted = 0\ncouples = 99999999999\n", 4, "not '99999999999'" },
    { "a couple count cut off (no value)",
      "[tally]\nsessions = 4\ncompleted = 0\n; couple sessions\ncouples =\n", 5, "'couples' is empty" },
    { "no [tally] section", "; Attune's anonymous tally\n", 1, "missing section [tally]" },
    { "an empty file", "", 1, "empty" },
};

static void a_broken_file_is_reported_kept_aside_and_started_afresh(void **state)
{
    Fixture *f = *state;
    for (size_t i = 0; i < sizeof(broken_cases) / sizeof(broken_cases[0]); i++) {
        const BrokenCase *c = &broken_cases[i];
        fprintf(stderr, "case: %s\n", c->what);
        Diags d = { 0 };
        Tally t = some_counts();
        unlink(f->broken);
        write_text(f->path, c->text);
        assert_false(tally_load(&t, f->path, &d));
        diag_print(&d, stderr);
        assert_zero(&t);
        assert_true(reported(&d, f->path, c->line, c->words));
        char summary[256];
        snprintf(summary, sizeof(summary), "starts again from zero; the old file is kept as %s",
                 f->broken);
        assert_true(reported(&d, f->path, 0, summary));
        assert_int_equal(d.errors, 0);
        assert_false(exists(f->path));
        assert_string_equal(read_text(f->broken), c->text);
        diag_free(&d);
    }
    /* The next save starts a fresh file; the old numbers are still beside it. */
    Tally t = { 0 };
    tally_count_session(&t);
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
    assert_true(exists(f->broken));
}

static void a_file_that_cannot_be_read_is_kept_aside_too(void **state)
{
    Fixture *f = *state;
    assert_int_equal(mkdir(f->path, 0755), 0); /* readable by no one, root included */
    Tally t = some_counts();
    assert_false(tally_load(&t, f->path, &f->diags));
    diag_print(&f->diags, stderr);
    assert_zero(&t);
    assert_true(reported(&f->diags, f->path, 1, "cannot read"));
    assert_true(reported(&f->diags, f->path, 0, "starts again from zero"));
    assert_int_equal(f->diags.errors, 0);
    assert_true(exists(f->broken));
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
}

static void unknown_keys_are_only_warnings(void **state)
{
    Fixture *f = *state;
    write_text(f->path, "[tally]\n"
                        "sessions = 5\n"
                        "completed = 2\n"
                        "secure = 1\n"
                        "anxious = 0\n"
                        "avoidant = 1\n"
                        "disorganized = 0\n"
                        "secur = 4\n"      /* 8 */
                        "visitors = 9\n"); /* 9 */
    Tally t;
    assert_true(tally_load(&t, f->path, &f->diags));
    diag_print(&f->diags, stderr);
    assert_int_equal(t.sessions, 5);
    assert_int_equal(t.completed, 2);
    assert_int_equal(t.results[STYLE_SECURE], 1);
    assert_int_equal(t.results[STYLE_AVOIDANT], 1);
    assert_true(reported(&f->diags, f->path, 8, "unknown key 'secur'; did you mean 'secure'?"));
    assert_true(reported(&f->diags, f->path, 9, "unknown key 'visitors'"));
    assert_int_equal(f->diags.errors, 0);
    assert_int_equal(f->diags.warnings, 2);
    assert_false(exists(f->broken));
    assert_true(exists(f->path));
}

static void counts_that_do_not_add_up_are_named_but_kept(void **state)
{
    Fixture *f = *state;
    write_text(f->path, "[tally]\nsessions = 5\ncompleted = 1\nsecure = 1\nanxious = 0\n"
                        "avoidant = 1\ndisorganized = 0\n");
    Tally t;
    assert_true(tally_load(&t, f->path, &f->diags));
    assert_int_equal(t.completed, 1);
    assert_true(reported(&f->diags, f->path, 3, "completed (1) is less than the sum of the four styles (2)"));
    assert_int_equal(f->diags.errors, 0);
    assert_false(exists(f->broken));
}

/* --- the threshold ------------------------------------------------------------------- */

/* no_style_in(TEXT): the file's text holds no count by style. */
static bool no_style_in(const char *text)
{
    for (int st = 0; st < STYLE_COUNT; st++) {
        char key[32];
        snprintf(key, sizeof(key), "\n%s = ", quiz_style_id((Style)st));
        if (strstr(text, key))
            return false;
    }
    return true;
}

/* Reset, one person, read the file: below the threshold it says how many finished, never
 * which style; at the threshold every style is there. */
static void below_the_threshold_no_style_is_written(void **state)
{
    Fixture *f = *state;
    Tally t = { 0 };
    for (int i = 0; i < 9; i++) {
        tally_count_session(&t);
        tally_count_result(&t, i == 0 ? STYLE_ANXIOUS : STYLE_SECURE, 10);
        assert_false(tally_shows_styles(&t));
        assert_true(tally_save(&t, 10, f->path, NULL, 0));
        const char *text = read_text(f->path);
        assert_non_null(strstr(text, "\ncompleted = "));
        assert_true(no_style_in(text));
    }
    tally_count_session(&t);
    tally_count_result(&t, STYLE_AVOIDANT, 10);
    assert_true(tally_shows_styles(&t));
    assert_int_equal(tally_shown(&t), 10);
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    const char *text = read_text(f->path);
    assert_non_null(strstr(text, "\ncompleted = 10\nsecure = 8\nanxious = 1\navoidant = 1\n"
                                 "disorganized = 0\n"));
    /* a reset hides them again */
    tally_reset(&t);
    tally_count_result(&t, STYLE_ANXIOUS, 10);
    assert_false(tally_shows_styles(&t));
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    assert_true(no_style_in(read_text(f->path)));
}

/* Past the threshold, read before and after one more person: no count by style has moved,
 * on the page (results[]) or in the file; they move only at the batch's end (20, 30…),
 * by the whole batch at once. */
static void past_the_threshold_the_styles_move_only_in_batches(void **state)
{
    Fixture *f = *state;
    Tally t = { 0 };
    for (int i = 0; i < 10; i++)
        tally_count_result(&t, STYLE_SECURE, 10);
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    char before[4096];
    snprintf(before, sizeof(before), "%s", read_text(f->path));
    assert_non_null(strstr(before, "\ncompleted = 10\nsecure = 10\nanxious = 0\n"));
    for (int i = 0; i < 9; i++) { /* one person after another, the first anxious */
        tally_count_result(&t, i == 0 ? STYLE_ANXIOUS : STYLE_AVOIDANT, 10);
        assert_int_equal(t.results[STYLE_SECURE], 10);
        assert_int_equal(t.results[STYLE_ANXIOUS], 0);
        assert_int_equal(t.results[STYLE_AVOIDANT], 0);
        assert_int_equal(tally_shown(&t), 10);
        assert_true(tally_save(&t, 10, f->path, NULL, 0));
        const char *after = read_text(f->path);
        /* all but `completed` is as it was */
        assert_non_null(strstr(after, "\nsecure = 10\nanxious = 0\navoidant = 0\ndisorganized = 0\n"));
        char completed[32];
        snprintf(completed, sizeof(completed), "\ncompleted = %d\n", 11 + i);
        assert_non_null(strstr(after, completed));
    }
    /* a restart now loses the nine held in memory, never `completed` */
    Tally back;
    assert_true(tally_load(&back, f->path, &f->diags));
    assert_int_equal(back.completed, 19);
    assert_int_equal(tally_sorted(&back), 10);
    /* the twentieth ends the batch: the nine and the one move at once */
    tally_count_result(&t, STYLE_DISORGANIZED, 10);
    assert_int_equal(tally_shown(&t), 20);
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    assert_non_null(strstr(read_text(f->path), "\ncompleted = 20\nsecure = 10\nanxious = 1\navoidant = 8\n"
                                               "disorganized = 1\n"));
    for (int i = 0; i < STYLE_COUNT; i++)
        assert_int_equal(t.pending[i], 0);
}

/* A threshold below the least there is counts as the least (the config refuses it). */
static void the_threshold_is_never_below_five(void **state)
{
    (void)state;
    Tally t = { .sessions = 3, .completed = 3, .pending = { [STYLE_SECURE] = 3 } };
    assert_false(tally_shows_styles(&t));
    tally_count_result(&t, STYLE_SECURE, 0); /* the fourth */
    assert_false(tally_shows_styles(&t));
    assert_int_equal(t.results[STYLE_SECURE], 0);
    tally_count_result(&t, STYLE_SECURE, 1); /* the fifth */
    assert_true(tally_shows_styles(&t));
    assert_int_equal(t.results[STYLE_SECURE], 5);
    assert_int_equal(t.pending[STYLE_SECURE], 0);
}

/* After a restart mid-batch, the styles of that batch are gone: the next batch counts only
 * new ones, so the styles shown always move by a whole batch. */
static void a_restart_below_the_threshold_starts_the_styles_again(void **state)
{
    Fixture *f = *state;
    write_text(f->path, "[tally]\nsessions = 9\ncompleted = 7\n");
    Tally t;
    assert_true(tally_load(&t, f->path, &f->diags));
    diag_print(&f->diags, stderr);
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(t.sessions, 9);
    assert_int_equal(t.completed, 7);
    for (int i = 0; i < 9; i++)
        tally_count_result(&t, STYLE_DISORGANIZED, 10);
    assert_int_equal(t.completed, 16);
    assert_false(tally_shows_styles(&t)); /* 9 styles known, of 16 */
    tally_count_result(&t, STYLE_SECURE, 10);
    assert_true(tally_shows_styles(&t));
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    Tally back;
    assert_true(tally_load(&back, f->path, &f->diags));
    assert_int_equal(f->diags.count, 0);
    assert_memory_equal(&back, &t, sizeof(t));
}

/* --- couple sessions ----------------------------------------------------------------- */

/* one_couple(T): two partners begin after one content note and both finish (here one
 * anxious and one avoidant), as couple mode counts them. */
static void one_couple(Tally *t)
{
    tally_count_session(t);
    tally_count_couple(t, 10);
    tally_count_result(t, STYLE_ANXIOUS, 10);
    tally_count_result(t, STYLE_AVOIDANT, 10);
}

/* Reset, one couple, read the page and the file: below the threshold no couple count is
 * shown or written; past it, read before and after one more couple: the count has not
 * moved; it moves only at each batch's end, by the whole batch, and a restart loses only
 * the couples since then. */
static void couple_sessions_move_only_in_batches(void **state)
{
    Fixture *f = *state;
    Tally t = { 0 };
    for (int i = 0; i < 9; i++) {
        one_couple(&t);
        assert_false(tally_shows_couples(&t));
        assert_int_equal(t.couples, 0);
        assert_true(tally_save(&t, 10, f->path, NULL, 0));
        assert_null(strstr(read_text(f->path), "couples"));
    }
    one_couple(&t); /* the tenth: the batch's end */
    assert_true(tally_shows_couples(&t));
    assert_int_equal(t.couples, 10);
    assert_int_equal(t.couples_pending, 0);
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    char before[4096];
    snprintf(before, sizeof(before), "%s", read_text(f->path));
    assert_non_null(strstr(before, "\ndisorganized = 0\n"
                                   "; couple sessions begun, as of the last whole batch of 10 (later ones wait)\n"
                                   "couples = 10\n"));
    for (int i = 0; i < 9; i++) { /* one couple after another: the count stays */
        one_couple(&t);
        assert_int_equal(t.couples, 10);
        assert_true(tally_save(&t, 10, f->path, NULL, 0));
        assert_non_null(strstr(read_text(f->path), "\ncouples = 10\n"));
    }
    /* a restart now loses the nine held in memory, never a whole batch */
    Tally back;
    assert_true(tally_load(&back, f->path, &f->diags));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(back.couples, 10);
    assert_int_equal(back.couples_pending, 0);
    assert_int_equal(back.sessions, 19);
    one_couple(&t); /* the twentieth */
    assert_int_equal(t.couples, 20);
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    assert_non_null(strstr(read_text(f->path), "\ncouples = 20\n"));
    /* a reset hides them again */
    tally_reset(&t);
    one_couple(&t);
    assert_false(tally_shows_couples(&t));
    assert_true(tally_save(&t, 10, f->path, NULL, 0));
    assert_null(strstr(read_text(f->path), "couples"));
}

/* The couples' batches are the threshold's, never below the least, and apart from the
 * reflections': a batch of reflections does not end one of couples. */
static void couple_batches_are_their_own(void **state)
{
    (void)state;
    Tally t = { 0 };
    for (int i = 0; i < TALLY_MIN_THRESHOLD - 1; i++)
        tally_count_couple(&t, 1);
    for (int i = 0; i < 3 * TALLY_MIN_THRESHOLD; i++)
        tally_count_result(&t, STYLE_SECURE, 1);
    assert_true(tally_shows_styles(&t));
    assert_false(tally_shows_couples(&t));
    assert_int_equal(t.couples_pending, TALLY_MIN_THRESHOLD - 1);
    tally_count_couple(&t, 0);
    assert_int_equal(t.couples, TALLY_MIN_THRESHOLD);
    assert_int_equal(t.couples_pending, 0);
}

/* A file saved before couple mode (or before its first batch) has no `couples`: it loads
 * with nothing said, as zero, and the next save adds the line only once a batch ends. */
static void an_older_file_without_couples_loads_as_zero(void **state)
{
    Fixture *f = *state;
    const char *old = "; Attune's anonymous tally: counts only, never anyone's answers, never times.\n"
                      "[tally]\nsessions = 30\ncompleted = 25\nsecure = 10\nanxious = 5\n"
                      "avoidant = 3\ndisorganized = 2\n";
    write_text(f->path, old);
    Tally t;
    assert_true(tally_load(&t, f->path, &f->diags));
    diag_print(&f->diags, stderr);
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(t.sessions, 30);
    assert_int_equal(t.results[STYLE_SECURE], 10);
    assert_int_equal(t.couples, 0);
    assert_false(exists(f->broken));
    tally_count_couple(&t, LOW);
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
    assert_null(strstr(read_text(f->path), "couples"));
}

/* --- failing saves ------------------------------------------------------------------- */

static void saving_into_a_missing_folder_fails_with_a_sentence(void **state)
{
    Fixture *f = *state;
    Tally t = some_counts();
    char path[192], error[256];
    snprintf(path, sizeof(path), "%s/no-such-folder/tally.ini", f->dir);
    assert_false(tally_save(&t, LOW, path, error, sizeof(error)));
    char expected[256];
    snprintf(expected, sizeof(expected),
             "The tally could not be saved to %s: its folder does not exist.", path);
    assert_string_equal(error, expected);
}

static void saving_under_a_file_fails_with_a_sentence(void **state)
{
    Fixture *f = *state;
    Tally t = some_counts();
    char path[192], error[256];
    write_text(f->path, "not a folder\n");
    snprintf(path, sizeof(path), "%s/tally.ini", f->path);
    assert_false(tally_save(&t, LOW, path, error, sizeof(error)));
    assert_non_null(strstr(error, "a part of its path is not a folder."));
    assert_string_equal(read_text(f->path), "not a folder\n");
}

static void a_full_disk_leaves_the_old_tally_whole(void **state)
{
    Fixture *f = *state;
    if (!exists("/dev/full"))
        skip();
    Tally t = some_counts();
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
    char before[4096];
    snprintf(before, sizeof(before), "%s", read_text(f->path));
    /* The temp file leads to /dev/full, where every write fails with ENOSPC. */
    assert_int_equal(symlink("/dev/full", f->temp), 0);
    tally_count_result(&t, STYLE_SECURE, LOW);
    char error[256];
    assert_false(tally_save(&t, LOW, f->path, error, sizeof(error)));
    char expected[256];
    snprintf(expected, sizeof(expected), "The tally could not be saved to %s: the disk is full.",
             f->path);
    assert_string_equal(error, expected);
    assert_string_equal(read_text(f->path), before);
    assert_false(exists(f->temp));
}

static void a_folder_that_cannot_be_written_leaves_the_old_tally_whole(void **state)
{
    Fixture *f = *state;
    if (geteuid() == 0) {
        printf("skipped: running as root, which may write into a folder with mode 555 "
               "(tests/faults.sh checks this as another user)\n");
        skip();
    }
    Tally t = some_counts();
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
    char before[4096];
    snprintf(before, sizeof(before), "%s", read_text(f->path));
    assert_int_equal(chmod(f->dir, 0555), 0);
    tally_count_session(&t);
    char error[256], expected[256];
    bool saved = tally_save(&t, LOW, f->path, error, sizeof(error));
    assert_int_equal(chmod(f->dir, 0755), 0);
    assert_false(saved);
    snprintf(expected, sizeof(expected),
             "The tally could not be saved to %s: its folder cannot be written (permission denied).",
             f->path);
    assert_string_equal(error, expected);
    assert_string_equal(read_text(f->path), before);
    assert_false(exists(f->temp));
}

/* A file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored) makes every write fail with EFBIG,
 * as a full disk makes them fail with ENOSPC: no root needed. */
static void a_file_size_limit_leaves_the_old_tally_whole(void **state)
{
    Fixture *f = *state;
    Tally t = some_counts();
    assert_true(tally_save(&t, LOW, f->path, NULL, 0));
    char before[4096];
    snprintf(before, sizeof(before), "%s", read_text(f->path));
    struct rlimit old, none;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    none = old;
    none.rlim_cur = 0;
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &none), 0);
    tally_count_result(&t, STYLE_ANXIOUS, LOW);
    char error[256], expected[256];
    bool saved = tally_save(&t, LOW, f->path, error, sizeof(error));
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, was);
    assert_false(saved);
    snprintf(expected, sizeof(expected), "The tally could not be saved to %s: the file may not "
             "grow (a file size limit: ulimit -f).", f->path);
    assert_string_equal(error, expected);
    assert_string_equal(read_text(f->path), before);
    assert_false(exists(f->temp));
}

/* --- the staff PIN's lock, kept beside the tally ------------------------------------- */

/* A lock saved at one start is read back at the next (a new app clock, later on the wall
 * clock) with the time that was left, and the file holds three numbers only. */
static void the_pin_lock_survives_a_restart(void **state)
{
    Fixture *f = *state;
    char path[192];
    assert_true(pinlock_path(f->path, path, sizeof(path)));
    char expected[192];
    snprintf(expected, sizeof(expected), "%s/staff-lock.ini", f->dir);
    assert_string_equal(path, expected);
    PinLock lock = { 0 }, back;
    for (int i = 0; i < 2 * PINLOCK_TRIES; i++, lock.until = 0)
        pinlock_wrong(&lock, 5000);
    pinlock_wrong(&lock, 5000);
    assert_int_equal(lock.locks, 2);
    assert_int_equal(lock.failures, 1);
    lock.until = 5000 + pinlock_duration_ms(2); /* 2 min from 5 s on the old clock */
    char error[256];
    assert_true(pinlock_save(&lock, path, 5000, 1800000000LL, error, sizeof(error)));
    const char *text = read_text(path);
    assert_non_null(strstr(text, "[lock]\nfailures = 1\nlocks = 2\n"));
    assert_non_null(strstr(text, "until = 1800000120\n"));
    /* restarted 30 s later, the new clock at 200 ms: 90 s are left */
    assert_true(pinlock_load(&back, path, 200, 1800000030LL, &f->diags));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(back.locks, 2);
    assert_int_equal(back.failures, 1);
    assert_int_equal(back.until, 200 + 90000);
    /* restarted after the end: not locked, but the next lock is the third */
    assert_true(pinlock_load(&back, path, 200, 1800000500LL, &f->diags));
    assert_false(pinlock_locked(&back, 200));
    assert_int_equal(back.locks, 2);
    /* a wall clock set back by a day does not stretch the lock past its length */
    assert_true(pinlock_load(&back, path, 200, 1800000000LL - 86400, &f->diags));
    assert_int_equal(back.until, 200 + pinlock_duration_ms(2));
    assert_false(exists(f->temp));
}

static void no_lock_file_no_tally_file_and_a_broken_lock(void **state)
{
    Fixture *f = *state;
    char path[192];
    assert_false(pinlock_path("", path, sizeof(path)));
    assert_string_equal(path, "");
    assert_true(pinlock_path(f->path, path, sizeof(path)));
    PinLock lock = { .locks = 3, .until = 99 };
    assert_true(pinlock_load(&lock, path, 0, 1800000000LL, &f->diags)); /* never locked */
    assert_int_equal(lock.locks, 0);
    assert_false(pinlock_locked(&lock, 0));
    write_text(path, "[lock]\nfailures = 2\nlocks = lots\nuntil = 0\n");
    assert_false(pinlock_load(&lock, path, 0, 1800000000LL, &f->diags));
    assert_true(reported(&f->diags, path, 3, "'locks' must be a whole number"));
    assert_int_equal(f->diags.errors, 0);
    assert_int_equal(lock.locks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counting_keeps_completed_the_sum_of_the_styles),
        cmocka_unit_test(a_full_count_stays_full),
        cmocka_unit_test_setup_teardown(the_file_is_plain_counts_with_no_times_or_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(saved_counts_load_back, setup, teardown),
        cmocka_unit_test_setup_teardown(no_file_is_a_first_run, setup, teardown),
        cmocka_unit_test_setup_teardown(a_broken_file_is_reported_kept_aside_and_started_afresh, setup, teardown),
        cmocka_unit_test_setup_teardown(a_file_that_cannot_be_read_is_kept_aside_too, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_keys_are_only_warnings, setup, teardown),
        cmocka_unit_test_setup_teardown(counts_that_do_not_add_up_are_named_but_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(below_the_threshold_no_style_is_written, setup, teardown),
        cmocka_unit_test_setup_teardown(past_the_threshold_the_styles_move_only_in_batches, setup, teardown),
        cmocka_unit_test(the_threshold_is_never_below_five),
        cmocka_unit_test_setup_teardown(a_restart_below_the_threshold_starts_the_styles_again, setup, teardown),
        cmocka_unit_test_setup_teardown(couple_sessions_move_only_in_batches, setup, teardown),
        cmocka_unit_test(couple_batches_are_their_own),
        cmocka_unit_test_setup_teardown(an_older_file_without_couples_loads_as_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(saving_into_a_missing_folder_fails_with_a_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(saving_under_a_file_fails_with_a_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(a_full_disk_leaves_the_old_tally_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(a_folder_that_cannot_be_written_leaves_the_old_tally_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(a_file_size_limit_leaves_the_old_tally_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(the_pin_lock_survives_a_restart, setup, teardown),
        cmocka_unit_test_setup_teardown(no_lock_file_no_tally_file_and_a_broken_lock, setup, teardown),
    };
    return cmocka_run_group_tests_name("tally", tests, NULL, NULL);
}
