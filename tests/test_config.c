#define _DEFAULT_SOURCE /* mkstemp */
/* test_config.c — kiosk settings: defaults, the shipped desktop profile, and problems
 * named at file:line while every valid setting is still used, the practice's crisis words,
 * couple mode on unless turned off.
 * Run from the project root. */
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
    assert_int_equal(c.idle_warning, 20); /* at least the 20 s WCAG 2.2.1 asks for */
    assert_string_equal(c.staff_pin, "");
    assert_string_equal(c.language, "en");
    assert_string_equal(c.font, "Open Sans");
    assert_int_equal(c.colours[COLOUR_ACCENT], 0x2f6f6a);
    assert_false(c.tally);
    assert_int_equal(c.profile, PROFILE_DESKTOP);
    /* where to turn when unsafe: unset, so each language says its own (test_bundle) */
    assert_string_equal(c.crisis_text, "");
    config_free(&c);
}

/* The practice's own crisis words replace each language's; an empty line keeps those. */
static void the_practice_sets_where_to_turn_in_a_crisis(void **state)
{
    (void)state;
    static const char own[] = "[support]\n"
                              "crisis = In an emergency call 000.\n"
                              "  Lifeline is there at any hour.\n";
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_true(config_load_text(&c, "own.ini", own, sizeof(own) - 1, &d));
    assert_string_equal(c.crisis_text, "In an emergency call 000. Lifeline is there at any hour.");
    config_free(&c);
    diag_free(&d);

    static const char empty[] = "[support]\ncrisis =\n";
    Config e;
    Diags de = { 0 };
    config_defaults(&e);
    config_load_text(&e, "empty.ini", empty, sizeof(empty) - 1, &de);
    assert_true(reported(&de, 2, "'crisis' is empty"));
    assert_string_equal(e.crisis_text, "");
    config_free(&e);
    diag_free(&de);
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
    assert_int_equal(c.profile, PROFILE_DESKTOP);
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

/* Each shipped config names its profile, and the profile's policy follows from it. */
static void each_shipped_profile_reads_as_its_policy(void **state)
{
    (void)state;
    static const struct { const char *path; Profile profile; bool closable, cursor, escape_exits, b_blanks; } shipped[] = {
        { "config/desktop.ini", PROFILE_DESKTOP, true, true, true, false },
        { "config/kiosk.ini", PROFILE_KIOSK, false, false, true, false },
        { "config/workshop.ini", PROFILE_WORKSHOP, true, true, false, true },
    };
    for (size_t i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
        Config c;
        Diags d = { 0 };
        config_defaults(&c);
        config_load(&c, shipped[i].path, &d);
        assert_int_equal(c.profile, shipped[i].profile);
        const ProfilePolicy *p = profile_policy(c.profile);
        assert_int_equal(p->closable, shipped[i].closable);
        assert_int_equal(p->cursor, shipped[i].cursor);
        assert_int_equal(p->escape_exits, shipped[i].escape_exits);
        assert_int_equal(p->b_blanks, shipped[i].b_blanks);
        Profile back;
        assert_true(profile_from_name(p->name, &back));
        assert_int_equal(back, c.profile);
        config_free(&c);
        diag_free(&d);
    }
    Profile none;
    assert_false(profile_from_name("Kiosk", &none));
}

/* The first PINs anyone tries are refused at the PIN's line; others pass. */
static void trivial_staff_pins_are_refused(void **state)
{
    (void)state;
    static const char *const trivial[] = { "0000", "1111", "99999999", "1234", "4321", "0123",
                                           "7890", "3210", "123456", "98765432" };
    static const char *const fine[] = { "2468", "4827", "1235", "0012", "73915" };
    for (size_t i = 0; i < sizeof(trivial) / sizeof(trivial[0]) + sizeof(fine) / sizeof(fine[0]); i++) {
        bool bad = i < sizeof(trivial) / sizeof(trivial[0]);
        const char *pin = bad ? trivial[i] : fine[i - sizeof(trivial) / sizeof(trivial[0])];
        char text[128];
        int n = snprintf(text, sizeof(text), "; a PIN\n[kiosk]\nstaff_pin = %s\n", pin);
        Config c;
        Diags d = { 0 };
        config_defaults(&c);
        fprintf(stderr, "PIN %s\n", pin);
        assert_int_equal(config_load_text(&c, "pin.ini", text, (size_t)n, &d), !bad);
        if (bad) {
            assert_int_equal(d.errors, 1);
            assert_true(reported(&d, 3, "is one of the first PINs anyone tries"));
            assert_string_equal(d.items[0].path, "pin.ini");
        } else {
            assert_int_equal(d.count, 0);
        }
        config_free(&c);
        diag_free(&d);
    }
}

/* [tally] threshold: 10 unless set, never below 5 (an error at its line). */
static void the_tally_threshold_is_never_below_five(void **state)
{
    (void)state;
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_int_equal(c.tally_threshold, 10);
    static const char low[] = "[tally]\nenabled = yes\nthreshold = 4\n";
    assert_false(config_load_text(&c, "low.ini", low, sizeof(low) - 1, &d));
    assert_true(reported(&d, 3, "'threshold' must be a whole number from 5"));
    assert_int_equal(c.tally_threshold, 10);
    config_free(&c);
    diag_free(&d);
    static const char ok[] = "[tally]\nthreshold = 25\n";
    config_defaults(&c);
    assert_true(config_load_text(&c, "ok.ini", ok, sizeof(ok) - 1, &d));
    assert_int_equal(c.tally_threshold, 25);
    config_free(&c);
    diag_free(&d);
}

/* A kiosk that never clears itself breaks the consent screen's promise: a warning at
 * idle_reset's line (the workshop, with a facilitator in the room, may turn it off). */
static void a_kiosk_without_the_idle_reset_is_warned_about(void **state)
{
    (void)state;
    static const char kiosk[] = "[kiosk]\nprofile = kiosk\nidle_reset = no\n";
    static const char workshop[] = "[kiosk]\nprofile = workshop\nidle_reset = no\n";
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_true(config_load_text(&c, "k.ini", kiosk, sizeof(kiosk) - 1, &d)); /* runs */
    assert_int_equal(d.warnings, 1);
    assert_true(reported(&d, 3, "idle_reset = no with profile = kiosk"));
    config_free(&c);
    diag_free(&d);
    config_defaults(&c);
    assert_true(config_load_text(&c, "w.ini", workshop, sizeof(workshop) - 1, &d));
    assert_int_equal(d.count, 0);
    config_free(&c);
    diag_free(&d);
}

/* A kiosk offers the languages listed, in their order, and returns to `language`; a
 * config with `language` only offers that one, as before; a default not offered, a code
 * listed twice and one that is no code are named at their lines. */
static void the_languages_offered_and_the_default(void **state)
{
    (void)state;
    static const char three[] = "[content]\nlanguages = en es ar\nlanguage = es\n";
    static const char first[] = "[content]\nlanguages = ar en\n";
    static const char wrong[] = "[content]\nlanguages = en es es fr/x\nlanguage = esp\n";
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_int_equal(c.language_count, 1);
    assert_string_equal(c.language_codes[0], "en");
    assert_true(config_load_text(&c, "three.ini", three, sizeof(three) - 1, &d));
    assert_int_equal(c.language_count, 3);
    assert_string_equal(c.language_codes[0], "en");
    assert_string_equal(c.language_codes[2], "ar");
    assert_null(c.language_codes[3]);
    assert_int_equal(c.default_language, 1);
    assert_string_equal(c.language, "es");
    config_free(&c);
    config_defaults(&c);
    assert_true(config_load_text(&c, "first.ini", first, sizeof(first) - 1, &d));
    assert_int_equal(c.default_language, 0);
    assert_string_equal(c.language, "ar");
    config_free(&c);
    config_defaults(&c);
    assert_false(config_load_text(&c, "wrong.ini", wrong, sizeof(wrong) - 1, &d));
    assert_true(reported(&d, 2, "'es' is listed twice"));
    assert_true(reported(&d, 2, "'fr/x' is not a language code"));
    assert_true(reported(&d, 3, "language 'esp' (the default) is not one of the languages offered (en es es fr/x); did you mean 'es'?"));
    assert_int_equal(c.language_count, 2);
    assert_string_equal(c.language, "en"); /* the first offered, in its place */
    config_free(&c);
    diag_free(&d);
}

/* Couple mode ([content] couple) is offered unless turned off; a value that is neither yes
 * nor no is named at its line and the default (on) kept. Each shipped profile offers it. */
static void couple_mode_is_on_unless_turned_off(void **state)
{
    (void)state;
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_true(c.couple);
    static const char off[] = "[content]\nlanguage = en\ncouple = no\n";
    assert_true(config_load_text(&c, "off.ini", off, sizeof(off) - 1, &d));
    assert_int_equal(d.count, 0);
    assert_false(c.couple);
    config_free(&c);
    static const char bad[] = "[content]\n; two partners, one screen\ncouple = both\n";
    config_defaults(&c);
    assert_false(config_load_text(&c, "bad.ini", bad, sizeof(bad) - 1, &d));
    assert_int_equal(d.errors, 1);
    assert_true(reported(&d, 3, "[content]: 'couple' must be 'yes' or 'no', not 'both'"));
    assert_string_equal(d.items[0].path, "bad.ini");
    assert_true(c.couple);
    config_free(&c);
    diag_free(&d);
    static const char *const shipped[] = { "config/desktop.ini", "config/kiosk.ini", "config/workshop.ini" };
    for (size_t i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
        config_defaults(&c);
        assert_true(config_load(&c, shipped[i], &d));
        assert_true(c.couple);
        config_free(&c);
    }
    diag_free(&d);
}

/* The owner's overrides (attune.ini) read over the kiosk config: each key they set
 * replaces the config's, every other key keeps the config's value (the languages
 * offered too), and a relative path is beside the file that set it. */
static void overrides_are_laid_over_key_by_key(void **state)
{
    (void)state;
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    static const char base[] = "[kiosk]\nprofile = kiosk\nstaff_pin = 2468\nidle_timeout = 120\n"
                               "[content]\nbundle = content\nlanguages = en es ar\nlanguage = es\n"
                               "[support]\nname = Your practice\ntext = Ask at the desk.\n";
    assert_true(config_load_text(&c, "/etc/attune/kiosk.ini", base, sizeof(base) - 1, &d));
    static const char owner[] = "[support]\r\nname = Harbour Street\r\n[kiosk]\r\nstaff_pin = 5813\r\n"
                                "[tally]\r\nfile = tally.ini\r\n";
    assert_true(config_load_text(&c, "/boot/firmware/attune/attune.ini", owner, sizeof(owner) - 1, &d));
    assert_int_equal(d.count, 0);
    assert_string_equal(c.practice_name, "Harbour Street");
    assert_string_equal(c.staff_pin, "5813");
    assert_string_equal(c.practice_text, "Ask at the desk.");
    assert_int_equal(c.idle_timeout, 120);
    assert_int_equal(c.profile, PROFILE_KIOSK);
    assert_int_equal(c.language_count, 3);
    assert_string_equal(c.language, "es");
    assert_int_equal(c.default_language, 1);
    assert_string_equal(c.bundle, "/etc/attune/content");
    assert_string_equal(c.tally_file, "/boot/firmware/attune/tally.ini");
    assert_string_equal(c.name_at.path, "/boot/firmware/attune/attune.ini");
    assert_int_equal(c.name_at.line, 2);
    /* the languages offered, changed by the overrides alone; the default kept */
    static const char two[] = "[content]\nlanguages = ar es\n";
    assert_true(config_load_text(&c, "/boot/firmware/attune/attune.ini", two, sizeof(two) - 1, &d));
    assert_int_equal(c.language_count, 2);
    assert_string_equal(c.language, "es");
    assert_int_equal(c.default_language, 1);
    config_free(&c);
    diag_free(&d);
}

/* A kiosk is warned, where each was set (else at line 1 of the file to edit), while its
 * practice name is unset or the shipped "Your practice" and while it has no staff PIN;
 * a desktop is not. */
static void a_kiosk_is_told_to_set_its_name_and_pin(void **state)
{
    (void)state;
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    static const char shipped[] = "[kiosk]\nprofile = kiosk\nstaff_pin =\n[support]\nname = Your practice\n";
    assert_true(config_load_text(&c, "kiosk.ini", shipped, sizeof(shipped) - 1, &d));
    config_warn_unset(&c, "attune.ini", &d);
    assert_int_equal(d.warnings, 2);
    assert_true(reported(&d, 5, "[support] name is still \"Your practice\""));
    assert_true(reported(&d, 5, "name = "));
    assert_true(reported(&d, 3, "[kiosk] staff_pin is not set"));
    assert_string_equal(d.items[0].path, "kiosk.ini");
    diag_free(&d);
    config_free(&c);
    static const char bare[] = "[kiosk]\nprofile = kiosk\n";
    assert_true(config_load_text(&c, "kiosk.ini", bare, sizeof(bare) - 1, &d));
    config_warn_unset(&c, "attune.ini", &d);
    assert_int_equal(d.warnings, 2);
    assert_true(reported(&d, 1, "[support] name is not set"));
    assert_true(reported(&d, 1, "staff_pin = "));
    assert_string_equal(d.items[0].path, "attune.ini");
    diag_free(&d);
    static const char set[] = "[kiosk]\nstaff_pin = 5813\n[support]\nname = Harbour Street\n";
    assert_true(config_load_text(&c, "attune.ini", set, sizeof(set) - 1, &d));
    config_warn_unset(&c, "attune.ini", &d);
    assert_int_equal(d.count, 0);
    config_free(&c);
    static const char desktop[] = "[kiosk]\nprofile = desktop\n";
    assert_true(config_load_text(&c, "desktop.ini", desktop, sizeof(desktop) - 1, &d));
    config_warn_unset(&c, "desktop.ini", &d);
    assert_int_equal(d.count, 0);
    config_free(&c);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_a_safe_desktop),
        cmocka_unit_test(the_languages_offered_and_the_default),
        cmocka_unit_test(the_desktop_profile_loads_cleanly),
        cmocka_unit_test(the_practice_sets_where_to_turn_in_a_crisis),
        cmocka_unit_test(bad_settings_are_named_and_keep_their_defaults),
        cmocka_unit_test(each_shipped_profile_reads_as_its_policy),
        cmocka_unit_test(trivial_staff_pins_are_refused),
        cmocka_unit_test(the_tally_threshold_is_never_below_five),
        cmocka_unit_test(a_kiosk_without_the_idle_reset_is_warned_about),
        cmocka_unit_test(couple_mode_is_on_unless_turned_off),
        cmocka_unit_test(overrides_are_laid_over_key_by_key),
        cmocka_unit_test(a_kiosk_is_told_to_set_its_name_and_pin),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
