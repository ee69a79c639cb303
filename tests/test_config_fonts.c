/* test_config_fonts.c — the config remembers the lines where the fonts are set, so that a
 * font that cannot be found or opened is named at path:line; a font
 * left at its default has line 0 and is named by its family. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/config.h"

static void font_lines_are_kept(void **state)
{
    (void)state;
    const char *text = "; fonts\n[display]\nwidth = 800\n[theme]\nfont = No Such Font\n"
                       "font_regular = fonts/a.ttf\nfont_bold = /b.ttf\n";
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_true(config_load_text(&c, "conf/k.ini", text, strlen(text), &d));
    assert_int_equal(c.font_line, 5);
    assert_int_equal(c.font_regular_line, 6);
    assert_int_equal(c.font_bold_line, 7);
    assert_string_equal(c.font, "No Such Font");
    assert_string_equal(c.font_regular, "conf/fonts/a.ttf");
    assert_string_equal(c.path, "conf/k.ini");
    config_free(&c);
    diag_free(&d);
}

static void default_fonts_have_no_line(void **state)
{
    (void)state;
    const char *text = "[display]\nwidth = 800\n";
    Config c;
    Diags d = { 0 };
    config_defaults(&c);
    assert_int_equal(c.font_line, 0);
    assert_true(config_load_text(&c, "k.ini", text, strlen(text), &d));
    assert_int_equal(c.font_line, 0);
    assert_int_equal(c.font_regular_line, 0);
    assert_int_equal(c.font_bold_line, 0);
    assert_string_equal(c.font, "Open Sans");
    config_free(&c);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(font_lines_are_kept),
        cmocka_unit_test(default_fonts_have_no_line),
    };
    return cmocka_run_group_tests_name("config fonts", tests, NULL, NULL);
}
