#define _DEFAULT_SOURCE /* mkstemp */
/* test_config.c — kiosk settings: defaults, the shipped desktop profile, and problems
 * named at file:line while every valid setting is still used. Run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../app/core/config.h"

static bool reported(const Diags *d, int line, const char *words)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].line == line && strstr(d->items[i].message, words))
            return true;
    return false;
}

static void defaults_are_a_safe_desktop(void **state)
{
    (void)state;
    Config c;
    config_defaults(&c);
    assert_int_equal(c.width, 800);
    assert_int_equal(c.height, 480);
    assert_false(c.fullscreen);
    assert_int_equal(c.rotation, 0);
    assert_true(c.idle_reset);
    assert_int_equal(c.idle_timeout, 90);
    assert_int_equal(c.idle_warning, 15);
    assert_string_equal(c.staff_pin, "");
    assert_string_equal(c.language, "en");
    assert_string_equal(c.font, "Open Sans");
    assert_int_equal(c.colours[COLOUR_ACCENT], 0x2f6f6a);
    assert_false(c.tally);
    config_free(&c);
}

static void the_desktop_profile_loads_cleanly(void **state)
{
    (void)state;
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    bool ok = config_load(&c, "config/desktop.ini", &d);
    diag_print(&d, stderr);
    assert_true(ok);
    assert_int_equal(d.count, 0);
    assert_string_equal(c.profile, "desktop");
    assert_string_equal(c.practice_name, "Your practice");
    config_free(&c);
    diag_free(&d);
}

static void bad_settings_are_named_and_keep_their_defaults(void **state)
{
    (void)state;
    char path[] = "/tmp/attune-config-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "[display]\n"          /* 1 */
                        "width = 1024\n"       /* 2: valid, used */
                        "height = tall\n"      /* 3 */
                        "rotation = 45\n"      /* 4 */
                        "fulscreen = yes\n"    /* 5 */
                        "[kiosk]\n"            /* 6 */
                        "idle_timeout = 20\n"  /* 7 */
                        "idle_warning = 30\n"  /* 8 */
                        "staff_pin = 12a4\n"   /* 9 */
                        "[theme]\n"            /* 10 */
                        "accent = teal\n"      /* 11 */
                        "[content]\n"          /* 12 */
                        "bundle = ../content\n"; /* 13 */
    assert_int_equal(write(fd, text, sizeof(text) - 1), (ssize_t)(sizeof(text) - 1));
    close(fd);
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_false(config_load(&c, path, &d));
    unlink(path);
    assert_true(reported(&d, 3, "'height' must be a whole number from 240 to 7680, not 'tall'"));
    assert_true(reported(&d, 4, "rotation must be '0', '90', '180' or '270', not '45'"));
    assert_true(reported(&d, 5, "did you mean 'fullscreen'?"));
    assert_true(reported(&d, 8, "idle_warning (30 s) must be shorter than idle_timeout (20 s)"));
    assert_true(reported(&d, 9, "staff_pin must be 4 to 8 digits"));
    assert_true(reported(&d, 11, "#rrggbb"));
    assert_int_equal(d.errors, 5);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(c.width, 1024);
    assert_int_equal(c.height, 480);
    assert_int_equal(c.rotation, 0);
    assert_int_equal(c.colours[COLOUR_ACCENT], 0x2f6f6a);
    assert_string_equal(c.bundle, "/tmp/../content"); /* relative to the file's folder */
    config_free(&c);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_a_safe_desktop),
        cmocka_unit_test(the_desktop_profile_loads_cleanly),
        cmocka_unit_test(bad_settings_are_named_and_keep_their_defaults),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
