/* test_bidi.c — a line of mixed English and Arabic cut into runs of one direction and one
 * script, in the order a reader sees them from left to right (app/core/bidi.c; no fonts).
 *
 * What a person would notice: an Arabic word drawn backwards or on the wrong side of the
 * English next to it, a number that jumps to the wrong end of a sentence, a space that
 * splits an Arabic phrase so it cannot be joined, or a shaper told the wrong script. Each
 * line is described as its runs, left to right: "text" <R or L> script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/bidi.h"

static BidiWork work; /* 16 KB: not on the stack */

#define SALAM "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"                          /* سلام */
#define QUICK_EXIT "\xD8\xAE\xD8\xB1\xD9\x88\xD8\xAC \xD8\xB3\xD8\xB1\xD9\x8A\xD8\xB9" /* خروج سريع */
#define MARHABA "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"                /* مرحبا */
#define ALAM "\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"                           /* عالم */
#define UMRI "\xD8\xB9\xD9\x85\xD8\xB1\xD9\x8A"                           /* عمري */
#define SANA "\xD8\xB3\xD9\x86\xD8\xA9"                                   /* سنة */

/* The runs of `text` in a paragraph of direction `base`, left to right, as
 * `"text" D Script` joined by " | ". */
static const char *describe(const char *text, BidiDir base)
{
    static char out[1024];
    BidiRun runs[BIDI_MAX_RUNS];
    int count = bidi_runs(&work, text, (int)strlen(text), base, runs, BIDI_MAX_RUNS);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < count; i++)
        used += (size_t)snprintf(out + used, sizeof(out) - used, "%s\"%.*s\" %c %s",
                                 i ? " | " : "", runs[i].len, text + runs[i].start,
                                 runs[i].dir == BIDI_RTL ? 'R' : 'L', runs[i].script);
    return out;
}

static void plain_english_is_one_left_to_right_run(void **state)
{
    (void)state;
    const char *text = "Take the reflection, 3 minutes (or less).";
    assert_int_equal(bidi_first_strong(text, (int)strlen(text), BIDI_RTL), BIDI_LTR);
    assert_false(bidi_needed(text, (int)strlen(text), BIDI_LTR));
    assert_string_equal(describe(text, BIDI_LTR),
                        "\"Take the reflection, 3 minutes (or less).\" L Latn");
}

static void an_arabic_sentence_is_one_right_to_left_run(void **state)
{
    (void)state;
    const char *text = QUICK_EXIT;
    BidiDir base = bidi_first_strong(text, (int)strlen(text), BIDI_LTR);
    assert_int_equal(base, BIDI_RTL);
    /* one run, so HarfBuzz joins the letters of both words and lays them right to left */
    assert_string_equal(describe(text, base), "\"" QUICK_EXIT "\" R Arab");
    /* an Arabic question mark and a full stop stay in the Arabic run */
    assert_string_equal(describe(QUICK_EXIT "\xD8\x9F.", base),
                        "\"" QUICK_EXIT "\xD8\x9F.\" R Arab");
}

/* In a left-to-right paragraph "Hi", then the Arabic phrase "سلام 123" read from the
 * right: a number after Arabic letters belongs to the Arabic phrase (Unicode's rules W2,
 * N1: it is an Arabic number, and the space between takes the Arabic side), so 123 sits
 * to the LEFT of سلام, as in any browser. */
static void mixed_line_in_a_left_to_right_paragraph(void **state)
{
    (void)state;
    const char *text = "Hi " SALAM " 123";
    assert_int_equal(bidi_first_strong(text, (int)strlen(text), BIDI_RTL), BIDI_LTR);
    assert_string_equal(describe(text, BIDI_LTR),
                        "\"Hi \" L Latn | \"123\" L Zyyy | \"" SALAM " \" R Arab");
    /* with a word after it the number is English again, and comes last */
    assert_string_equal(describe("Hi " SALAM " and 123", BIDI_LTR),
                        "\"Hi \" L Latn | \"" SALAM "\" R Arab | \" and 123\" L Latn");
}

/* An Arabic paragraph: read from the right, مرحبا then "Hello 42" (left to right inside)
 * then عالم; so on screen, from the left: عالم, Hello 42, مرحبا. */
static void english_and_a_number_in_an_arabic_paragraph(void **state)
{
    (void)state;
    const char *text = MARHABA " Hello 42 " ALAM;
    BidiDir base = bidi_first_strong(text, (int)strlen(text), BIDI_LTR);
    assert_int_equal(base, BIDI_RTL);
    assert_string_equal(describe(text, base), "\" " ALAM "\" R Arab | \"Hello 42\" L Latn | \""
                        MARHABA " \" R Arab");
    /* "I am 25 years old": the number between the words, its digits left to right */
    assert_string_equal(describe(UMRI " 25 " SANA, BIDI_RTL),
                        "\" " SANA "\" R Arab | \"25\" L Zyyy | \"" UMRI " \" R Arab");
}

/* The bundle's direction forces the base: an English word first in an Arabic bundle's
 * line is still read first, from the right, and the full stop ends the Arabic sentence on
 * its left; in an English paragraph the same line reads from the left. */
static void the_bundle_direction_forces_the_base(void **state)
{
    (void)state;
    const char *text = "Attune " SALAM ".";
    assert_string_equal(describe(text, BIDI_RTL),
                        "\" " SALAM ".\" R Arab | \"Attune\" L Latn");
    assert_string_equal(describe(text, BIDI_LTR),
                        "\"Attune \" L Latn | \"" SALAM "\" R Arab | \".\" L Zyyy");
}

/* A line longer than the work memory: the part past BIDI_MAX_CHARS is one last run, and
 * every byte is in exactly one run. */
static void a_line_past_the_limit_is_cut_clearly(void **state)
{
    (void)state;
    static char text[3 * BIDI_MAX_CHARS];
    size_t used = 0;
    while (used + sizeof(SALAM " ") < sizeof(text))
        used += (size_t)snprintf(text + used, sizeof(text) - used, SALAM " ");
    BidiRun runs[BIDI_MAX_RUNS];
    int count = bidi_runs(&work, text, (int)used, BIDI_RTL, runs, BIDI_MAX_RUNS);
    assert_int_equal(count, 2);
    assert_int_equal(runs[0].start, runs[1].len); /* the rest, leftmost */
    assert_int_equal(runs[0].len + runs[1].len, (int)used);
    assert_int_equal(runs[1].start, 0);
    assert_string_equal(runs[1].script, "Arab");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_english_is_one_left_to_right_run),
        cmocka_unit_test(an_arabic_sentence_is_one_right_to_left_run),
        cmocka_unit_test(mixed_line_in_a_left_to_right_paragraph),
        cmocka_unit_test(english_and_a_number_in_an_arabic_paragraph),
        cmocka_unit_test(the_bundle_direction_forces_the_base),
        cmocka_unit_test(a_line_past_the_limit_is_cut_clearly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
