/* test_takeaway.c — "Take it home" (app/core/takeaway.c): the text a person takes home is
 * their style's name and summary, "What helps", the three tips the bundle chose (title and
 * first paragraph) and the practice's booking line; a text too long for one code is cut
 * at a blank line into two most even parts, each read as "1 of 2", "2 of 2"; the booking
 * page is a code of its own; a wrong tip named in styles.ini is said at its line. Run
 * from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/takeaway.h"

static Bundle bundle;
static Takeaway take; /* large: not on the stack */

static int setup(void **state)
{
    (void)state;
    Diags d = { 0 };
    bool ok = bundle_load(&bundle, "assets/content/en", &d);
    diag_print(&d, stderr);
    diag_free(&d);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    bundle_free(&bundle);
    return 0;
}

static Config practice(const char *name, const char *text, const char *booking, const char *url)
{
    Config c;
    config_defaults(&c);
    c.practice_name = name;
    c.practice_text = text;
    c.booking = booking;
    c.booking_url = url;
    return c;
}

static void the_text_is_the_style_its_tips_and_the_booking_line(void **state)
{
    (void)state;
    Config c = practice("Harbour Street", "Ask at the desk.", "Call 0161 496 0000.", "");
    char out[TAKEAWAY_MAX_TEXT];
    int len = takeaway_compose(&bundle, &c, STYLE_ANXIOUS, out, sizeof(out));
    assert_int_equal(len, (int)strlen(out));
    const StyleInfo *info = &bundle.styles[STYLE_ANXIOUS];
    char head[512];
    snprintf(head, sizeof(head), "Anxious\n%s\n\nWhat helps\n\nSelf-soothe first\nBefore immediately", info->summary);
    assert_memory_equal(out, head, strlen(head));
    /* the three tips styles.ini names, in its order, each its first paragraph only */
    const char *a = strstr(out, "\n\nSelf-soothe first\n"), *b = strstr(out, "\n\nCreate a post-sex ritual\n"),
               *d = strstr(out, "\n\nDo your own work\n");
    assert_true(a && b && d && a < b && b < d);
    assert_null(strstr(out, "Ask clearly"));  /* a tip not chosen */
    assert_null(strstr(out, "This moment of pause")); /* a second paragraph */
    const char *tail = "\n\nHarbour Street\nCall 0161 496 0000.";
    assert_string_equal(out + len - strlen(tail), tail);
}

static void without_a_booking_line_the_support_text_is_carried(void **state)
{
    (void)state;
    Config c = practice("Harbour Street", "Ask at the desk.", "", "");
    char out[TAKEAWAY_MAX_TEXT];
    takeaway_compose(&bundle, &c, STYLE_COUNT, out, sizeof(out));
    assert_string_equal(out, "Harbour Street\nAsk at the desk.");
    Config none = practice("", "", "", "");
    assert_false(takeaway_has_text(&bundle, &none, STYLE_COUNT));
    assert_true(takeaway_has_text(&bundle, &none, STYLE_SECURE));
    assert_int_equal(takeaway_compose(&bundle, &none, STYLE_COUNT, out, sizeof(out)), 0);
}

static void a_long_text_is_cut_at_the_most_even_blank_line(void **state)
{
    (void)state;
    const char *text = "aaaa\n\nbbbbbbbb\n\ncc\n\ndd";
    int cut = takeaway_split(text, (int)strlen(text));
    assert_int_equal(cut, 14); /* "aaaa\n\nbbbbbbbb" | "cc\n\ndd": 14 and 6, not 4 and 16 */
    assert_int_equal(takeaway_split("no blank line\nhere", 18), -1);
    char out[8];
    Config c = practice("Harbour Street", "", "", "");
    assert_int_equal(takeaway_compose(&bundle, &c, STYLE_COUNT, out, sizeof(out)), 7); /* cut, NUL-ended */
    assert_string_equal(out, "Harbour");
}

static void two_codes_each_say_which_and_the_booking_page_follows(void **state)
{
    (void)state;
    Config c = practice("Harbour Street", "", "Call 0161 496 0000.", "https://harbour.example/book");
    assert_true(takeaway_build(&take, &bundle, &c, STYLE_ANXIOUS));
    assert_int_equal(take.count, 3);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(take.codes[i].kind, TAKEAWAY_TEXT);
        assert_int_equal(take.codes[i].part, i + 1);
        assert_int_equal(take.codes[i].parts, 2);
        assert_true(take.codes[i].side >= 21 && take.codes[i].side <= TAKEAWAY_MAX_SIDE);
    }
    assert_int_equal(take.codes[2].kind, TAKEAWAY_BOOKING);
    assert_true(take.codes[2].side < take.codes[0].side);
    /* a finder pattern's corner is dark, the module inside its ring light */
    assert_int_equal(take.codes[0].dark[0], 1);
    assert_int_equal(take.codes[0].dark[1 * take.codes[0].side + 1], 0);
    assert_true(take.len > 0 && strstr(take.text, "Anxious\n") == take.text);

    Config short_one = practice("Harbour Street", "", "Call us.", "");
    assert_true(takeaway_build(&take, &bundle, &short_one, STYLE_COUNT));
    assert_int_equal(take.count, 1);
    assert_int_equal(take.codes[0].parts, 1);

    takeaway_wipe(&take);
    const unsigned char *p = (const unsigned char *)&take;
    for (size_t i = 0; i < sizeof(take); i++)
        assert_int_equal(p[i], 0);
}

static void the_same_text_is_not_encoded_again(void **state)
{
    (void)state;
    Config c = practice("Harbour Street", "", "Call us.", "");
    takeaway_wipe(&take);
    assert_int_equal(takeaway_update(&take, &bundle, &c, STYLE_SECURE), 1);
    uint64_t key = take.key;
    take.codes[0].dark[0] = 7; /* marked: an update that encodes again would overwrite it */
    assert_int_equal(takeaway_update(&take, &bundle, &c, STYLE_SECURE), 1);
    assert_int_equal(take.codes[0].dark[0], 7);
    takeaway_update(&take, &bundle, &c, STYLE_AVOIDANT);
    assert_true(take.key != key);
    assert_int_equal(take.codes[0].dark[0], 1);
}

static void a_text_too_long_for_two_codes_makes_none(void **state)
{
    (void)state;
    static char longer[1800];
    memset(longer, 'x', sizeof(longer) - 1); /* one paragraph, no blank line to cut at */
    Config c = practice("Harbour Street", "", longer, "");
    assert_false(takeaway_build(&take, &bundle, &c, STYLE_COUNT));
    assert_int_equal(take.count, 0);
    assert_true(take.too_long);
}

static void a_tip_that_is_not_the_styles_is_said_at_its_line(void **state)
{
    (void)state;
    Bundle b = { 0 };
    Diags d = { 0 };
    const char styles[] = "[style.secure]\nname = Secure\n\ntakeaway = patience nope\n";
    const char guidance[] = "[tip.secure.patience]\ntitle = Be patient\ntext = Wait.\n";
    bundle_load_text(&b, "styles.ini", styles, sizeof(styles) - 1, &d);
    bundle_load_text(&b, "guidance.ini", guidance, sizeof(guidance) - 1, &d);
    bool said = false;
    for (int i = 0; i < d.count; i++)
        said = said || (d.items[i].level == DIAG_ERROR && strcmp(d.items[i].path, "styles.ini") == 0 &&
                        d.items[i].line == 4 && strstr(d.items[i].message, "'nope' is not one of its tips"));
    assert_true(said);
    assert_int_equal(b.styles[STYLE_SECURE].takeaway_count, 1);
    bundle_free(&b);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_text_is_the_style_its_tips_and_the_booking_line),
        cmocka_unit_test(without_a_booking_line_the_support_text_is_carried),
        cmocka_unit_test(a_long_text_is_cut_at_the_most_even_blank_line),
        cmocka_unit_test(two_codes_each_say_which_and_the_booking_page_follows),
        cmocka_unit_test(the_same_text_is_not_encoded_again),
        cmocka_unit_test(a_text_too_long_for_two_codes_makes_none),
        cmocka_unit_test(a_tip_that_is_not_the_styles_is_said_at_its_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
