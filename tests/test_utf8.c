/* test_utf8.c — text that slipped past validation: decoding and
 * wrapping never read past the end of a buffer that is not NUL-terminated, and
 * utf8_sanitize turns every broken byte (and NUL) into U+FFFD without cutting a character.
 * Inputs live in heap buffers of exactly their length, so ASan sees any overread. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../app/view/text.h"
#include "../app/core/utf8.h"

#define FFFD UTF8_REPLACEMENT

/* `len` bytes copied into a heap block of exactly that size: no NUL after them. */
static char *exact(const char *bytes, size_t len)
{
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    memcpy(p, bytes, len);
    return p;
}

static void decoding_stops_at_the_end_of_the_buffer(void **state)
{
    (void)state;
    /* the first two bytes of the euro sign, then the buffer ends */
    char *s = exact("\xE2\x82", 2);
    size_t pos = 0;
    assert_int_equal(utf8_decode(s, 2, &pos), 0xFFFD);
    assert_int_equal(pos, 1);
    assert_int_equal(utf8_decode(s, 2, &pos), 0xFFFD);
    assert_int_equal(pos, 2);
    free(s);

    s = exact("a\xE2\x82\xAC", 4);
    pos = 0;
    assert_int_equal(utf8_decode(s, 4, &pos), 'a');
    assert_int_equal(utf8_decode(s, 4, &pos), 0x20AC);
    assert_int_equal(pos, 4);
    free(s);
}

static void broken_bytes_become_replacement_characters(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t len;
        const char *out;
    } cases[] = {
        { "plain", 5, "plain" },
        { "a\xFF" "b", 3, "a" FFFD "b" },                 /* never valid */
        { "caf\xC3", 4, "caf" FFFD },                     /* cut at the end */
        { "\xC0\xAF", 2, FFFD FFFD },                     /* overlong '/' */
        { "\xED\xA0\x80", 3, FFFD FFFD FFFD },            /* a surrogate */
        { "a\0b", 3, "a" FFFD "b" },                      /* NUL would end the line early */
        { "\xF0\x9F\x98\x80!", 5, "\xF0\x9F\x98\x80!" },  /* an emoji is fine */
        { "\x80\x80", 2, FFFD FFFD },                     /* lone continuation bytes */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *in = exact(cases[i].in, cases[i].len);
        char out[64];
        size_t used = 99;
        size_t n = utf8_sanitize(in, cases[i].len, out, sizeof(out), &used);
        assert_string_equal(out, cases[i].out);
        assert_int_equal(n, strlen(cases[i].out));
        assert_int_equal(used, cases[i].len);
        assert_true(utf8_valid(out, n, NULL));
        free(in);
    }
}

static void sanitizing_never_cuts_a_character(void **state)
{
    (void)state;
    char *in = exact("ab\xFF\xE2\x82\xAC", 6);
    char out[6];
    size_t used;
    /* "ab" (2) + U+FFFD (3) = 5 bytes and the NUL: the euro sign does not fit */
    assert_int_equal(utf8_sanitize(in, 6, out, sizeof(out), &used), 5);
    assert_string_equal(out, "ab" FFFD);
    assert_int_equal(used, 3);
    assert_int_equal(utf8_sanitize(in, 6, out, 4, &used), 2);
    assert_string_equal(out, "ab");
    assert_int_equal(utf8_sanitize(in, 6, out, 1, &used), 0);
    assert_string_equal(out, "");
    assert_int_equal(used, 0);
    free(in);
}

/* A fake font: 10 px a byte. */
static int ten_a_byte(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx, (void)font, (void)text;
    return 10 * len;
}

static void wrapping_broken_text_reads_nothing_past_its_end(void **state)
{
    (void)state;
    Measure m = { .width = ten_a_byte };
    for (int i = 0; i < FONT_ROLE_COUNT; i++)
        m.line_height[i] = m.size[i] = 10;
    /* one long "word" of broken and cut sequences, broken between characters at 25 px */
    static const char word[] = "x\xE2\x82\xFF\xC3\xA9\xF0\x9F\x98";
    size_t len = sizeof(word) - 1;
    char *s = exact(word, len);
    TextLine lines[16];
    int count = text_wrap(&m, FONT_BODY, s, (int)len, 25.0f, lines, 16);
    assert_true(count > 1 && count <= 16);
    int covered = 0;
    for (int i = 0; i < count; i++) {
        assert_int_equal(lines[i].start, covered);
        assert_true(lines[i].len > 0);
        covered += lines[i].len;
    }
    assert_int_equal(covered, (int)len);
    free(s);
}

/* The one cutter: never in the middle of a character, and never empties a text that
 * is not UTF-8 at all. */
static void cutting_keeps_whole_characters(void **state)
{
    (void)state;
    const char *euros = "\xE2\x82\xAC\xE2\x82\xAC"; /* two euro signs, 6 bytes */
    assert_int_equal(utf8_cut(euros, 6, 6), 6);
    assert_int_equal(utf8_cut(euros, 6, 5), 3);
    assert_int_equal(utf8_cut(euros, 6, 3), 3);
    assert_int_equal(utf8_cut(euros, 6, 2), 2); /* no boundary before 2: cut anyway */
    assert_int_equal(utf8_floor(euros, 2), 0);
    assert_int_equal(utf8_cut("abc", 3, 10), 3);
    assert_int_equal(utf8_count(euros, 6), 2);
    assert_int_equal(utf8_count(euros, 4), 2); /* a cut character still counts once */
    assert_int_equal(utf8_count("a\xC3\xA9" "b", 4), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decoding_stops_at_the_end_of_the_buffer),
        cmocka_unit_test(cutting_keeps_whole_characters),
        cmocka_unit_test(broken_bytes_become_replacement_characters),
        cmocka_unit_test(sanitizing_never_cuts_a_character),
        cmocka_unit_test(wrapping_broken_text_reads_nothing_past_its_end),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
