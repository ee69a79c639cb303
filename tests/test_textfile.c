/* test_textfile.c — the one reader of text a person saved: its line ends, the byte order
 * mark, and the "is this the right file?" errors, as the INI files and scripts see them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/textfile.h"

/* The lines of `text` joined with '|', each marked '!' when it is not UTF-8. */
static void lines_of(const char *text, size_t len, Diags *d, char *out, size_t size)
{
    TextFile t;
    out[0] = '\0';
    assert_true(textfile_start(&t, d, "f.ini", text, len, 100));
    const char *line;
    size_t n;
    bool utf8;
    while (textfile_next(&t, &line, &n, &utf8)) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%.*s%s", t.line > 1 ? "|" : "", (int)n, line,
                 utf8 ? "" : "!");
    }
    textfile_end(&t);
}

static void every_line_end_and_the_byte_order_mark(void **state)
{
    (void)state;
    static const struct { const char *text, *lines; } cases[] = {
        { "a\nb\n", "a|b" },
        { "a\r\nb", "a|b" },
        { "a\rb\r", "a|b" },              /* CRs and no LF: old Mac line ends */
        { "a\r\rb\n", "a\r\rb" },          /* with an LF somewhere, a lone CR is no line end */
        { "\xEF\xBB\xBF" "a\n", "a" },
        { "\n\n", "|" },
        { "x\xE9y\n", "x\xE9y!" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        Diags d = { 0 };
        char out[64];
        lines_of(cases[i].text, strlen(cases[i].text), &d, out, sizeof(out));
        assert_string_equal(out, cases[i].lines);
        diag_free(&d);
    }
}

static void broken_lines_past_the_third_are_counted_once(void **state)
{
    (void)state;
    Diags d = { 0 };
    char out[64];
    lines_of("\xE9\n\xE9\n\xE9\n\xE9\n\xE9\n", 10, &d, out, sizeof(out));
    assert_int_equal(d.errors, 4);
    assert_non_null(strstr(d.items[0].message, "byte 0xE9 at column 1"));
    assert_non_null(strstr(d.items[3].message, "2 more lines"));
    assert_non_null(strstr(d.items[3].message, "Windows-1252"));
    assert_int_equal(d.items[3].line, 3);
    diag_free(&d);
}

static void the_wrong_file_is_one_error(void **state)
{
    (void)state;
    static const struct { const char *text; size_t len; const char *message; } cases[] = {
        { "\xFF\xFEk\0=\0", 6, "saved as UTF-16" },
        { "ok\nthen\0", 8, "a NUL byte: is this a text file?" },
        { "0123456789", 10, "larger than 0 KiB: is it the right file?" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        Diags d = { 0 };
        TextFile t;
        assert_false(textfile_start(&t, &d, "f.ini", cases[i].text, cases[i].len, 9));
        assert_int_equal(d.errors, 1);
        assert_non_null(strstr(d.items[0].message, cases[i].message));
        diag_free(&d);
    }
}

static void an_empty_text_has_no_lines(void **state)
{
    (void)state;
    Diags d = { 0 };
    TextFile t;
    assert_true(textfile_start(&t, &d, "f.ini", NULL, 0, 9));
    const char *line;
    size_t n;
    bool utf8;
    assert_false(textfile_next(&t, &line, &n, &utf8));
    assert_int_equal(d.errors, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_line_end_and_the_byte_order_mark),
        cmocka_unit_test(broken_lines_past_the_third_are_counted_once),
        cmocka_unit_test(the_wrong_file_is_one_error),
        cmocka_unit_test(an_empty_text_has_no_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
