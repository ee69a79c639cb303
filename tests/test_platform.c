#define _DEFAULT_SOURCE /* mkdtemp, symlink, mkfifo, getrusage */
/* test_platform.c — the platform helpers (platform/common.c) without hardware: the
 * backlight found and set in a fake /sys/class/backlight, the attract screen dimming then
 * going off and the waking touch eaten, the DRM card of a connected DSI panel in a fake
 * /sys/class/drm, and the input wait sleeping without spinning in a fake /dev/input of
 * FIFOs. Each test that touches files works in a fresh folder in /tmp. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "../platform/platform.h"
#include "files.h"

/* --- a folder per test ------------------------------------------------------------ */

typedef struct Fixture {
    char dir[64];
} Fixture;

static int setup(void **state)
{
    static Fixture f;
    memset(&f, 0, sizeof(f));
    snprintf(f.dir, sizeof(f.dir), "/tmp/attune-platform-XXXXXX");
    if (!mkdtemp(f.dir))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    char command[128];
    snprintf(command, sizeof(command), "rm -rf '%s'", f->dir);
    return system(command) == 0 ? 0 : -1;
}

/* DIR/NAME, in a buffer that lives until the next call with the same slot. */
static const char *at(const Fixture *f, int slot, const char *name)
{
    static char paths[4][256];
    snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", f->dir, name);
    return paths[slot];
}

static void make_dir(const char *path)
{
    assert_int_equal(mkdir(path, 0755), 0);
}

static long elapsed_ms(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000L + (now.tv_nsec - start->tv_nsec) / 1000000L;
}

/* Voluntary context switches of this process so far: each sleep costs one, so a wait
 * that polls in small steps shows here. */
static long switches(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_nvcsw;
}

/* CPU time used so far, in ms: a wait that spins without sleeping shows here. */
static long cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000L;
}

/* --- backlight ---------------------------------------------------------------------- */

static void make_backlight(const char *dir, const char *brightness, const char *max)
{
    char path[300];
    make_dir(dir);
    snprintf(path, sizeof(path), "%s/brightness", dir);
    if (brightness)
        write_text(path, brightness);
    snprintf(path, sizeof(path), "%s/max_brightness", dir);
    if (max)
        write_text(path, max);
}

/* A fake /sys/class/backlight: entries are symlinks into a devices folder, as in sysfs. */
static const char *fake_backlights(const Fixture *f)
{
    make_dir(at(f, 0, "devices"));
    make_dir(at(f, 0, "backlight"));
    make_backlight(at(f, 0, "devices/broken"), "5", NULL);       /* no max_brightness */
    make_backlight(at(f, 0, "devices/dark"), "0", "0");          /* max 0: no control */
    make_backlight(at(f, 0, "devices/panel"), "255", "255");
    make_backlight(at(f, 0, "devices/small"), "31", "31");
    assert_int_equal(symlink("../devices/broken", at(f, 0, "backlight/0-broken")), 0);
    assert_int_equal(symlink("../devices/dark", at(f, 0, "backlight/1-dark")), 0);
    assert_int_equal(symlink("../devices/panel", at(f, 0, "backlight/10-0045")), 0);
    assert_int_equal(symlink("../devices/small", at(f, 0, "backlight/rpi_backlight")), 0);
    return at(f, 1, "backlight");
}

static void the_first_usable_backlight_is_found_and_set_in_percent(void **state)
{
    Fixture *f = *state;
    const char *root = fake_backlights(f);
    PlatBacklight bl;
    assert_true(plat_backlight_open(&bl, root, ""));
    assert_string_equal(bl.dir, at(f, 0, "backlight/10-0045"));
    assert_int_equal(bl.max, 255);
    assert_int_equal(bl.value, 255);
    const char *file = at(f, 2, "devices/panel/brightness");

    assert_true(plat_backlight_set(&bl, 80));
    assert_string_equal(read_text(file), "204\n");
    assert_true(plat_backlight_set(&bl, 0));
    assert_string_equal(read_text(file), "0\n");
    assert_true(plat_backlight_set(&bl, 150)); /* clamped */
    assert_string_equal(read_text(file), "255\n");
    assert_true(plat_backlight_set(&bl, -5));
    assert_string_equal(read_text(file), "0\n");

    /* the same value again is not written (sysfs writes can be slow on I2C panels) */
    write_text(file, "untouched");
    assert_true(plat_backlight_set(&bl, 0));
    assert_string_equal(read_text(file), "untouched");
}

static void a_configured_backlight_is_used_by_name_or_path(void **state)
{
    Fixture *f = *state;
    const char *root = fake_backlights(f);
    PlatBacklight bl;
    const char *file = at(f, 2, "devices/small/brightness");

    assert_true(plat_backlight_open(&bl, root, "rpi_backlight"));
    assert_int_equal(bl.max, 31);
    assert_true(plat_backlight_set(&bl, 1)); /* a dim panel is never off */
    assert_string_equal(read_text(file), "1\n");
    assert_true(plat_backlight_set(&bl, 50));
    assert_string_equal(read_text(file), "16\n");

    /* a full path, even with no root to search (the desktop) */
    assert_true(plat_backlight_open(&bl, NULL, at(f, 0, "backlight/rpi_backlight/")));
    assert_int_equal(bl.max, 31);
    /* a name the config made relative to its own folder: its last part under root */
    assert_true(plat_backlight_open(&bl, root, "/etc/attune/10-0045"));
    assert_int_equal(bl.max, 255);
    /* one that is not there, or not usable, is not replaced by another */
    assert_false(plat_backlight_open(&bl, root, "intel_backlight"));
    assert_false(plat_backlight_open(&bl, root, "1-dark"));
    assert_false(bl.found);
}

/* Most HDMI screens: no backlight. Nothing is written; off is a black picture. */
static void no_backlight_means_a_black_screen(void **state)
{
    Fixture *f = *state;
    make_dir(at(f, 0, "backlight"));
    PlatBacklight bl;
    assert_false(plat_backlight_open(&bl, at(f, 0, "backlight"), ""));
    assert_false(plat_backlight_open(&bl, at(f, 0, "missing"), ""));
    assert_false(plat_backlight_open(&bl, NULL, "")); /* the desktop's root */
    errno = 0;
    assert_false(plat_backlight_set(&bl, 50));
    assert_int_equal(errno, ENODEV);

    PlatShow full = plat_level_show(PLAT_LEVEL_FULL, 80, false);
    PlatShow dim = plat_level_show(PLAT_LEVEL_DIM, 80, false);
    PlatShow off = plat_level_show(PLAT_LEVEL_OFF, 80, false);
    assert_true(full.backlight == -1 && full.shade == 0);
    assert_true(dim.backlight == -1 && dim.shade == 204);
    assert_true(off.backlight == -1 && off.shade == 255);
}

static void a_refused_write_says_why(void **state)
{
    Fixture *f = *state;
    if (geteuid() == 0)
        skip(); /* root writes anyway */
    const char *root = fake_backlights(f);
    PlatBacklight bl;
    assert_true(plat_backlight_open(&bl, root, ""));
    assert_int_equal(chmod(at(f, 0, "devices/panel/brightness"), 0444), 0);
    errno = 0;
    assert_false(plat_backlight_set(&bl, 10));
    assert_int_equal(errno, EACCES);
    assert_int_equal(bl.value, 255); /* nothing pretended */
}

/* --- dimming ------------------------------------------------------------------------ */

static void only_attract_dims(void **state)
{
    (void)state;
    assert_int_equal(plat_level_wanted(false, 10L * 3600 * 1000, 300, 1800), PLAT_LEVEL_FULL);
    assert_int_equal(plat_level_wanted(true, 299999, 300, 1800), PLAT_LEVEL_FULL);
    assert_int_equal(plat_level_wanted(true, 300000, 300, 1800), PLAT_LEVEL_DIM);
    assert_int_equal(plat_level_wanted(true, 1799999, 300, 1800), PLAT_LEVEL_DIM);
    assert_int_equal(plat_level_wanted(true, 1800000, 300, 1800), PLAT_LEVEL_OFF);
    /* 0 = never, for either */
    assert_int_equal(plat_level_wanted(true, 1000000, 0, 1800), PLAT_LEVEL_FULL);
    assert_int_equal(plat_level_wanted(true, 1800000, 0, 1800), PLAT_LEVEL_OFF);
    assert_int_equal(plat_level_wanted(true, 99999999, 300, 0), PLAT_LEVEL_DIM);
    assert_int_equal(plat_level_wanted(true, 99999999, 0, 0), PLAT_LEVEL_FULL);
}

static void attract_dims_then_goes_off_and_a_touch_wakes_it_without_pressing(void **state)
{
    Fixture *f = *state;
    const char *root = fake_backlights(f);
    const char *file = at(f, 2, "devices/panel/brightness");
    PlatBacklight bl;
    assert_true(plat_backlight_open(&bl, root, ""));
    PlatDimmer d;
    plat_dimmer_init(&d, 300, 1800);
    int brightness = 80;

    /* on attract, untouched: full until dim_after, and the loop knows when to wake */
    assert_false(plat_dimmer_update(&d, true, 0));
    assert_int_equal(plat_dimmer_next_ms(&d, true, 0), 300000);
    assert_int_equal(plat_dimmer_next_ms(&d, true, 120000), 180000);
    assert_int_equal(plat_dimmer_next_ms(&d, false, 120000), -1); /* elsewhere: no timer */

    assert_true(plat_dimmer_update(&d, true, 300000));
    assert_int_equal(d.level, PLAT_LEVEL_DIM);
    PlatShow show = plat_level_show(d.level, brightness, bl.found);
    assert_int_equal(show.backlight, 16);
    assert_int_equal(show.shade, 0);
    assert_true(plat_backlight_set(&bl, show.backlight));
    assert_string_equal(read_text(file), "41\n"); /* 16% of 255 */
    assert_false(plat_dimmer_update(&d, true, 400000));
    assert_int_equal(plat_dimmer_next_ms(&d, true, 400000), 1400000);

    assert_true(plat_dimmer_update(&d, true, 1800000));
    assert_int_equal(d.level, PLAT_LEVEL_OFF);
    show = plat_level_show(d.level, brightness, bl.found);
    assert_true(show.backlight == 0 && show.shade == 255);
    assert_true(plat_backlight_set(&bl, show.backlight));
    assert_string_equal(read_text(file), "0\n");
    assert_int_equal(plat_dimmer_next_ms(&d, true, 1800000), -1); /* nothing more to do */

    /* a touch: it wakes the panel and must press nothing */
    assert_true(plat_dimmer_wake(&d));
    assert_int_equal(d.level, PLAT_LEVEL_FULL);
    show = plat_level_show(d.level, brightness, bl.found);
    assert_true(plat_backlight_set(&bl, show.backlight));
    assert_string_equal(read_text(file), "204\n");
    /* the shell counts it as input, so idle starts again and it stays on */
    assert_false(plat_dimmer_update(&d, true, 0));
    /* the next touch is an ordinary one */
    assert_false(plat_dimmer_wake(&d));

    /* a dim panel wakes the same way */
    assert_true(plat_dimmer_update(&d, true, 300000));
    assert_true(plat_dimmer_wake(&d));
}

static void leaving_attract_brings_full_light(void **state)
{
    (void)state;
    PlatDimmer d;
    plat_dimmer_init(&d, 300, 1800);
    assert_true(plat_dimmer_update(&d, true, 300000));
    /* not updated yet but due: the loop must not sleep */
    assert_int_equal(plat_dimmer_next_ms(&d, false, 300000), 0);
    assert_true(plat_dimmer_update(&d, false, 300000));
    assert_int_equal(d.level, PLAT_LEVEL_FULL);
    PlatShow full = plat_level_show(PLAT_LEVEL_FULL, 80, true);
    assert_true(full.backlight == 80 && full.shade == 0);
    PlatShow low = plat_level_show(PLAT_LEVEL_DIM, 5, true); /* the lowest brightness */
    assert_int_equal(low.backlight, 1);
}

/* --- DRM card ----------------------------------------------------------------------- */

static void connector(const Fixture *f, const char *name, const char *status)
{
    char path[300];
    snprintf(path, sizeof(path), "%s/drm/%s", f->dir, name);
    mkdir(path, 0755);
    if (status) {
        snprintf(path, sizeof(path), "%s/drm/%s/status", f->dir, name);
        write_text(path, status);
    }
}

static void the_connected_dsi_panel_card_is_found(void **state)
{
    Fixture *f = *state;
    make_dir(at(f, 0, "drm"));
    const char *root = at(f, 1, "drm");
    /* a Pi 5 after a boot that numbered the DSI panel's card 2 */
    connector(f, "card0", NULL);                         /* v3d: a card, no connectors */
    connector(f, "card1", NULL);
    connector(f, "card1-HDMI-A-1", "disconnected\n");
    connector(f, "card1-HDMI-A-2", "disconnected\n");
    connector(f, "card1-Writeback-1", "unknown\n");
    connector(f, "card2", NULL);
    connector(f, "card2-DSI-1", "connected\n");
    connector(f, "renderD128", NULL);
    write_text(at(f, 0, "drm/version"), "drm 1.1.0 20060810\n");

    char name[64];
    assert_int_equal(plat_drm_card(root, name, sizeof(name)), 2);
    assert_string_equal(name, "card2-DSI-1");

    /* an HDMI screen plugged in as well: the panel still wins */
    write_text(at(f, 0, "drm/card1-HDMI-A-1/status"), "connected\n");
    assert_int_equal(plat_drm_card(root, NULL, 0), 2);

    /* the panel gone: the HDMI screen */
    write_text(at(f, 0, "drm/card2-DSI-1/status"), "disconnected\n");
    assert_int_equal(plat_drm_card(root, name, sizeof(name)), 1);
    assert_string_equal(name, "card1-HDMI-A-1");

    /* among equals the lowest card, by number not by name (card10 sorts before card3) */
    connector(f, "card10-HDMI-A-1", "connected\n");
    connector(f, "card3-HDMI-A-1", "connected\n");
    write_text(at(f, 0, "drm/card1-HDMI-A-1/status"), "disconnected\n");
    assert_int_equal(plat_drm_card(root, NULL, 0), 3);

    /* nothing connected, or no sysfs: leave it to SDL */
    write_text(at(f, 0, "drm/card10-HDMI-A-1/status"), "disconnected\n");
    write_text(at(f, 0, "drm/card3-HDMI-A-1/status"), "disconnected\n");
    assert_int_equal(plat_drm_card(root, name, sizeof(name)), -1);
    assert_string_equal(name, "");
    assert_int_equal(plat_drm_card(at(f, 1, "missing"), NULL, 0), -1);
}

/* --- waiting for input -------------------------------------------------------------- */

static void with_no_devices_it_just_sleeps(void **state)
{
    (void)state;
    PlatInput in;
    char error[256] = "";
    assert_true(plat_input_open(&in, "", error, sizeof(error))); /* headless */
    assert_int_equal(in.count, 0);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long before = switches(), cpu = cpu_ms();
    for (int i = 0; i < 5; i++)
        assert_int_equal(plat_input_wait(&in, 40), 0);
    long cost = switches() - before, took = elapsed_ms(&start);
    assert_true(took >= 195);
    if (cost > 10) /* one per wait, and a little slack for the machine */
        fail_msg("5 waits of 40 ms cost %ld context switches", cost);
    if (cpu_ms() - cpu > 50)
        fail_msg("5 waits of 40 ms used %ld ms of CPU", cpu_ms() - cpu);
    assert_int_equal(in.woken, 0);
    plat_input_close(&in);

    assert_true(plat_input_open(&in, "/nonexistent/input", error, sizeof(error)));
    assert_int_equal(in.count, 0);
    assert_int_equal(plat_input_wait(&in, 10), 0);
    plat_input_close(&in);
}

/* A fake /dev/input: FIFOs stand in for event devices (a regular file would always be
 * readable, so it is skipped, as are other names). */
static void input_wakes_the_wait_and_is_drained(void **state)
{
    Fixture *f = *state;
    make_dir(at(f, 0, "input"));
    assert_int_equal(mkfifo(at(f, 0, "input/event0"), 0600), 0);
    assert_int_equal(mkfifo(at(f, 0, "input/mouse0"), 0600), 0);
    write_text(at(f, 0, "input/event1"), "a regular file");
    make_dir(at(f, 0, "input/by-id"));

    PlatInput in;
    char error[256] = "";
    assert_true(plat_input_open(&in, at(f, 1, "input"), error, sizeof(error)));
    assert_int_equal(in.count, 1);
    int touch = open(at(f, 0, "input/event0"), O_WRONLY | O_NONBLOCK);
    assert_true(touch >= 0);

    /* idle: a 300 ms sleep in one go, not a spin */
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long before = switches(), cpu = cpu_ms();
    assert_int_equal(plat_input_wait(&in, 300), 0);
    long cost = switches() - before, took = elapsed_ms(&start);
    assert_true(took >= 295);
    if (cost > 3)
        fail_msg("an idle 300 ms wait cost %ld context switches", cost);
    if (cpu_ms() - cpu > 50)
        fail_msg("an idle 300 ms wait used %ld ms of CPU", cpu_ms() - cpu);

    /* a touch: the wait ends at once, and what woke it is read */
    char event[24] = { 0 };
    assert_int_equal(write(touch, event, sizeof(event)), (ssize_t)sizeof(event));
    clock_gettime(CLOCK_MONOTONIC, &start);
    assert_int_equal(plat_input_wait(&in, 5000), 1);
    assert_true(elapsed_ms(&start) < 1000);
    assert_int_equal(in.woken, 1);
    assert_int_equal(plat_input_wait(&in, 50), 0); /* drained: no second wakeup */

    /* a device plugged in: the wait ends, and the new one is watched from then on */
    assert_int_equal(mkfifo(at(f, 0, "input/event2"), 0600), 0);
    assert_int_equal(plat_input_wait(&in, 5000), 1);
    assert_int_equal(in.count, 2);
    int keys = open(at(f, 0, "input/event2"), O_WRONLY | O_NONBLOCK);
    assert_true(keys >= 0);
    assert_int_equal(write(keys, event, sizeof(event)), (ssize_t)sizeof(event));
    assert_int_equal(plat_input_wait(&in, 5000), 1);
    assert_int_equal(plat_input_wait(&in, 50), 0);

    close(keys);
    close(touch);
    plat_input_close(&in);
    assert_int_equal(in.count, 0);
    plat_input_close(&in); /* twice is harmless */

    /* one that was only zeroed with the struct around it closes nothing (not stdin) */
    PlatInput zeroed;
    memset(&zeroed, 0, sizeof(zeroed));
    plat_input_close(&zeroed);
    assert_int_not_equal(fcntl(0, F_GETFD), -1);
}

/* SIGTERM, SIGINT and SIGHUP arrive as something to read, and end a wait on the input
 * devices at once (the kiosk's loop sleeps there), without being taken by the wait. */
static void signals_are_read_and_end_the_wait(void **state)
{
    (void)state;
    int fd = plat_signals_open();
    assert_true(fd >= 0);
    assert_int_equal(plat_signals_read(fd), 0);
    PlatInput in;
    char error[256] = "";
    assert_true(plat_input_open(&in, "", error, sizeof(error)));
    in.signals = fd;
    assert_int_equal(plat_input_wait(&in, 20), 0);
    assert_int_equal(raise(SIGHUP), 0); /* blocked: it waits in the descriptor, not fatal */
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    assert_int_equal(plat_input_wait(&in, 5000), 2);
    assert_true(elapsed_ms(&start) < 1000);
    assert_int_equal(plat_input_wait(&in, 5000), 2); /* still there until read */
    assert_int_equal(plat_signals_read(fd), SIGHUP);
    assert_int_equal(plat_signals_read(fd), 0);
    assert_int_equal(raise(SIGTERM), 0);
    assert_int_equal(plat_signals_read(fd), SIGTERM);
    assert_int_equal(raise(SIGINT), 0);
    plat_input_close(&in);
    plat_signals_close(fd); /* takes the pending SIGINT, so closing does not end the test */
}

/* An editor's save: a swap file, a lock file and a backup beside the file count for
 * nothing, the new file renamed over the old counts, and the watch wakes the input wait,
 * left unread. */
static void a_save_to_the_content_folder_is_seen_and_wakes_the_wait(void **state)
{
    Fixture *f = *state;
    int fd = plat_files_watch(f->dir);
    assert_true(fd >= 0);
    assert_int_equal(plat_files_changed(fd), 0);
    write_text(at(f, 0, ".quiz.ini.swp"), "x");
    write_text(at(f, 0, ".#quiz.ini"), "x"); /* an editor's lock file */
    write_text(at(f, 0, "quiz.ini~"), "x");
    assert_int_equal(plat_files_changed(fd), 0);
    PlatInput in;
    char error[256] = "";
    assert_true(plat_input_open(&in, "", error, sizeof(error)));
    in.files = fd;
    assert_int_equal(plat_input_wait(&in, 20), 0);
    write_text(at(f, 0, "quiz.ini.tmp"), "[scale]\npoints = 5\n");
    assert_int_equal(rename(at(f, 0, "quiz.ini.tmp"), at(f, 1, "quiz.ini")), 0);
    assert_int_equal(plat_input_wait(&in, 5000), 1);
    assert_int_equal(plat_input_wait(&in, 5000), 1); /* still there until read */
    assert_true(plat_files_changed(fd) > 0);
    assert_int_equal(plat_files_changed(fd), 0);
    assert_int_equal(plat_input_wait(&in, 20), 0);
    plat_input_close(&in);
    close(fd);
    assert_int_equal(plat_files_watch(at(f, 0, "no-such-folder")), -1);
}

static void refused_devices_name_the_groups(void **state)
{
    Fixture *f = *state;
    if (geteuid() == 0)
        skip(); /* root opens anything */
    make_dir(at(f, 0, "input"));
    assert_int_equal(mkfifo(at(f, 0, "input/event0"), 0000), 0);
    PlatInput in;
    char error[512] = "";
    assert_false(plat_input_open(&in, at(f, 1, "input"), error, sizeof(error)));
    assert_non_null(strstr(error, "Permission denied"));
    assert_non_null(strstr(error, "video, render and input groups"));
    plat_input_close(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_first_usable_backlight_is_found_and_set_in_percent, setup, teardown),
        cmocka_unit_test_setup_teardown(a_configured_backlight_is_used_by_name_or_path, setup, teardown),
        cmocka_unit_test_setup_teardown(no_backlight_means_a_black_screen, setup, teardown),
        cmocka_unit_test_setup_teardown(a_refused_write_says_why, setup, teardown),
        cmocka_unit_test(only_attract_dims),
        cmocka_unit_test_setup_teardown(attract_dims_then_goes_off_and_a_touch_wakes_it_without_pressing, setup, teardown),
        cmocka_unit_test(leaving_attract_brings_full_light),
        cmocka_unit_test_setup_teardown(the_connected_dsi_panel_card_is_found, setup, teardown),
        cmocka_unit_test(with_no_devices_it_just_sleeps),
        cmocka_unit_test_setup_teardown(input_wakes_the_wait_and_is_drained, setup, teardown),
        cmocka_unit_test_setup_teardown(refused_devices_name_the_groups, setup, teardown),
        cmocka_unit_test(signals_are_read_and_end_the_wait),
        cmocka_unit_test_setup_teardown(a_save_to_the_content_folder_is_seen_and_wakes_the_wait, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
