#define _DEFAULT_SOURCE /* mkdtemp, mkfifo */
/* test_lastgood.c — the last good copy of the content and the config: kept whole and read
 * back, written only when it changed, holding nothing but the bundle's files; and never
 * replaced by a copy cut short (a file size limit mid-copy, a crash's leftovers), by
 * content that does not pass the check, by a FIFO in a file's place (refused at once) or
 * by a file too large. Each test works in a fresh folder under /tmp, from a copy of
 * assets/content/en (run from the top of the source tree, as make does). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../app/core/inidoc.h"
#include "../app/core/lastgood.h"
#include "files.h"

typedef struct Fixture {
    char dir[64];
    char state[96];    /* DIR/state: the state folder */
    char source[96];   /* DIR/en: the content being kept */
    char copy[160];    /* DIR/state/last-good/content */
    char error[1024];
} Fixture;

static void run(const char *command)
{
    assert_int_equal(system(command), 0);
}

static int setup(void **state)
{
    static Fixture f;
    memset(&f, 0, sizeof(f));
    if (!make_temp_folder(f.dir, sizeof(f.dir), "lastgood"))
        return -1;
    snprintf(f.state, sizeof(f.state), "%s/state", f.dir);
    snprintf(f.source, sizeof(f.source), "%s/en", f.dir);
    lastgood_content_path(f.state, f.copy, sizeof(f.copy));
    char command[256];
    snprintf(command, sizeof(command), "mkdir '%s' && cp -r assets/content/en '%s'", f.state, f.source);
    *state = &f;
    return system(command) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    return remove_folder(f->dir) ? 0 : -1;
}

/* Sets the attract title of the content at `dir` (screens.ini's first `title =`). */
static void set_title(const char *dir, const char *title)
{
    char command[512];
    snprintf(command, sizeof(command), "sed -i '0,/^title = .*/s//title = %s/' '%s/screens.ini'", title, dir);
    run(command);
}

/* The attract title of the last good content, or "" when there is none that loads. */
static const char *kept_title(Fixture *f)
{
    static char title[256];
    Bundle b = { 0 };
    title[0] = '\0';
    if (lastgood_use_content(&b, f->state))
        snprintf(title, sizeof(title), "%s", bundle_word(&b, WORD_ATTRACT_TITLE));
    bundle_free(&b);
    return title;
}

/* How many entries of `dir` start with `prefix`. */
static int count_named(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    if (d)
        closedir(d);
    return n;
}

static void kept_content_loads_back_as_the_bundle_files_only(void **state)
{
    Fixture *f = *state;
    char notes[200];
    snprintf(notes, sizeof(notes), "%s/notes.txt", f->source);
    write_text(notes, "a note for the author\n");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    assert_string_not_equal(kept_title(f), "");
    int files = 0;
    while (bundle_file_name(files))
        files++;
    assert_int_equal(count_named(f->copy, ""), files + 2); /* the files, "." and ".." */
    assert_int_equal(count_named(f->copy, "notes"), 0);
    struct stat st;
    char folder[200];
    snprintf(folder, sizeof(folder), "%s/last-good", f->state);
    assert_int_equal(stat(folder, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
}

static void the_same_content_again_writes_nothing(void **state)
{
    Fixture *f = *state;
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    char before[200], after[200];
    ssize_t n = readlink(f->copy, before, sizeof(before) - 1);
    assert_true(n > 0);
    before[n] = '\0';
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_UNCHANGED);
    n = readlink(f->copy, after, sizeof(after) - 1);
    assert_true(n > 0);
    after[n] = '\0';
    assert_string_equal(after, before);
    /* changed content replaces it, and the old folder goes */
    set_title(f->source, "Changed");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    assert_string_equal(kept_title(f), "Changed");
    char folder[200];
    snprintf(folder, sizeof(folder), "%s/last-good", f->state);
    assert_int_equal(count_named(folder, "content-"), 1);
}

/* A file size limit (SIGXFSZ ignored) lets the first files be written whole and cuts a
 * later one short, as a full disk would: the copy cut short is not the last good one. */
static void a_copy_cut_short_never_becomes_the_last_good_one(void **state)
{
    Fixture *f = *state;
    set_title(f->source, "Old and good");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    set_title(f->source, "New");
    struct rlimit old, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 3000; /* larger than some files, smaller than others */
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    LastGoodKept kept = lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error));
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, was);
    assert_int_equal(kept, LASTGOOD_FAILED);
    assert_non_null(strstr(f->error, "cannot write"));
    assert_string_equal(kept_title(f), "Old and good");
    char folder[200];
    snprintf(folder, sizeof(folder), "%s/last-good", f->state);
    assert_int_equal(count_named(folder, "content-"), 1); /* the half copy is gone */
}

/* A power cut mid-copy leaves a folder of some files: it is never read, and the next keep
 * sweeps it away. */
static void a_crash_mid_copy_leaves_the_old_copy(void **state)
{
    Fixture *f = *state;
    set_title(f->source, "Old and good");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    char command[1024], folder[200];
    snprintf(folder, sizeof(folder), "%s/last-good", f->state);
    snprintf(command, sizeof(command), "mkdir '%s/content-CRASH1' && head -c 100 '%s/screens.ini' >'%s/content-CRASH1/screens.ini'",
             folder, f->source, folder);
    run(command);
    assert_string_equal(kept_title(f), "Old and good");
    set_title(f->source, "New and good");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    assert_string_equal(kept_title(f), "New and good");
    assert_int_equal(count_named(folder, "content-"), 1);
}

/* Content broken between its check and the copy (an author saving again) is not kept. */
static void content_that_fails_the_check_is_not_kept(void **state)
{
    Fixture *f = *state;
    set_title(f->source, "Old and good");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    char command[256];
    snprintf(command, sizeof(command), "sed -i 's/^dimension = anxiety/dimension = anxeity/' '%s/quiz.ini'", f->source);
    run(command);
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    assert_non_null(strstr(f->error, "did not pass the check"));
    assert_string_equal(kept_title(f), "Old and good");
}

static void a_fifo_or_a_file_too_large_is_refused(void **state)
{
    Fixture *f = *state;
    set_title(f->source, "Old and good");
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    char path[200];
    snprintf(path, sizeof(path), "%s/quiz.ini", f->source);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkfifo(path, 0600), 0); /* nobody writes: a blocking open would wait for ever */
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    assert_non_null(strstr(f->error, "not a regular file"));
    assert_int_equal(unlink(path), 0);
    FILE *big = fopen(path, "wb");
    assert_non_null(big);
    for (int i = 0; i <= INIDOC_MAX_FILE / 16; i++)
        fputs("; a long note...\n", big);
    assert_int_equal(fclose(big), 0);
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    assert_non_null(strstr(f->error, "too large"));
    assert_string_equal(kept_title(f), "Old and good");
}

static void no_copy_is_no_fallback(void **state)
{
    Fixture *f = *state;
    Bundle b = { 0 };
    Config c;
    config_defaults(&c);
    assert_false(lastgood_use_content(&b, f->state));
    assert_false(lastgood_use_config(&c, f->state, "/etc/attune/kiosk.ini"));
    assert_false(lastgood_use_content(&b, ""));
    assert_int_equal(b.file_count, 0); /* left as it was */
    bundle_free(&b);
    config_free(&c);
    /* and with no state folder there is nowhere to keep anything */
    char missing[200];
    snprintf(missing, sizeof(missing), "%s/none", f->dir);
    assert_int_equal(lastgood_keep_content(missing, f->source, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    assert_non_null(strstr(f->error, "does not exist"));
}

/* The config copy is the app user's alone (it holds the PIN), reads back with relative
 * paths meaning what they meant beside the original, and a broken config is not kept. */
static void the_config_copy(void **state)
{
    Fixture *f = *state;
    char path[200], copy[200];
    snprintf(path, sizeof(path), "%s/kiosk.ini", f->dir);
    snprintf(copy, sizeof(copy), "%s/last-good/config.ini", f->state);
    write_text(path, "[kiosk]\nprofile = kiosk\nstaff_pin = 4827\n[tally]\nfile = tally.ini\n");
    assert_int_equal(lastgood_keep_config(f->state, path, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    assert_int_equal(lastgood_keep_config(f->state, path, f->error, sizeof(f->error)), LASTGOOD_UNCHANGED);
    struct stat st;
    assert_int_equal(stat(copy, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    write_text(path, "[kiosk]\nprofile = kiosk\nstaff_pin = 12ab\n");
    assert_int_equal(lastgood_keep_config(f->state, path, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    Config c;
    config_defaults(&c);
    assert_true(lastgood_use_config(&c, f->state, path));
    assert_string_equal(c.staff_pin, "4827");
    char tally[200];
    snprintf(tally, sizeof(tally), "%s/tally.ini", f->dir);
    assert_string_equal(c.tally_file, tally);
    config_free(&c);
    /* a desktop config is never run from its copy: a desktop app with errors stops */
    write_text(path, "[kiosk]\nprofile = desktop\n");
    assert_int_equal(lastgood_keep_config(f->state, path, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    config_defaults(&c);
    assert_false(lastgood_use_config(&c, f->state, path));
    config_free(&c);
}

/* The owner's overrides (attune.ini on the boot partition) are kept as their own copy,
 * checked read over the config (so a value that only holds with the config's is kept),
 * never replaced by a broken file, a FIFO or a file too large, read back over the config
 * in use (relative paths beside the owner's file), and forgotten when the file is gone. */
static void the_overrides_copy(void **state)
{
    Fixture *f = *state;
    char base[200], path[200], copy[200];
    snprintf(base, sizeof(base), "%s/kiosk.ini", f->dir);
    snprintf(path, sizeof(path), "%s/attune.ini", f->dir);
    snprintf(copy, sizeof(copy), "%s/last-good/overrides.ini", f->state);
    write_text(base, "[kiosk]\nprofile = kiosk\nstaff_pin = 4827\nidle_timeout = 300\n");
    /* 100 s of warning holds only with the config's 300 s timeout, not the default 90 */
    write_text(path, "[support]\r\nname = Harbour Street\r\n[kiosk]\r\nidle_warning = 100\r\n"
                     "[tally]\r\nfile = tally.ini\r\n");
    assert_int_equal(lastgood_keep_overrides(f->state, base, path, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    assert_int_equal(lastgood_keep_overrides(f->state, base, path, f->error, sizeof(f->error)), LASTGOOD_UNCHANGED);
    struct stat st;
    assert_int_equal(stat(copy, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600); /* it may hold the PIN */
    write_text(path, "[support]\nname = Broken\n[kiosk]\nidle_timeout = soon\n");
    assert_int_equal(lastgood_keep_overrides(f->state, base, path, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(lastgood_keep_overrides(f->state, base, path, f->error, sizeof(f->error)), LASTGOOD_FAILED);
    assert_non_null(strstr(f->error, "not a regular file"));
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_true(config_load(&c, base, &d));
    assert_true(lastgood_use_overrides(&c, f->state, path));
    assert_string_equal(c.practice_name, "Harbour Street");
    assert_string_equal(c.staff_pin, "4827"); /* the config's, where the overrides say nothing */
    assert_int_equal(c.idle_warning, 100);
    char tally[200];
    snprintf(tally, sizeof(tally), "%s/tally.ini", f->dir);
    assert_string_equal(c.tally_file, tally);
    config_free(&c);
    diag_free(&d);
    lastgood_forget_overrides(f->state);
    assert_int_not_equal(access(copy, F_OK), 0);
    config_defaults(&c);
    assert_false(lastgood_use_overrides(&c, f->state, path));
    config_free(&c);
}

/* A bundle that leaves out an optional file (pairings.ini, written before there were
 * couple pairings) is kept all the same, without it, and loads back. */
static void content_without_an_optional_file_is_kept(void **state)
{
    Fixture *f = *state;
    char command[256], path[200];
    snprintf(command, sizeof(command), "rm '%s/pairings.ini'", f->source);
    run(command);
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_WRITTEN);
    assert_string_not_equal(kept_title(f), "");
    snprintf(path, sizeof(path), "%s/pairings.ini", f->copy);
    assert_int_not_equal(access(path, F_OK), 0);
    assert_int_equal(lastgood_keep_content(f->state, f->source, f->error, sizeof(f->error)), LASTGOOD_UNCHANGED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(content_without_an_optional_file_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(kept_content_loads_back_as_the_bundle_files_only, setup, teardown),
        cmocka_unit_test_setup_teardown(the_same_content_again_writes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(a_copy_cut_short_never_becomes_the_last_good_one, setup, teardown),
        cmocka_unit_test_setup_teardown(a_crash_mid_copy_leaves_the_old_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(content_that_fails_the_check_is_not_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_or_a_file_too_large_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(no_copy_is_no_fallback, setup, teardown),
        cmocka_unit_test_setup_teardown(the_config_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(the_overrides_copy, setup, teardown),
    };
    return cmocka_run_group_tests_name("lastgood", tests, NULL, NULL);
}
