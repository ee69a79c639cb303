/* test_text.c — where lines break, as a reader sees it: a Japanese line never starts with
 * "。" or "、", a German compound too long for a button is cut with a hyphen (and only where
 * nothing better exists), and English wraps at its spaces and hyphens as it always has.
 * The font is a fake: 10 px a character, whatever the script (a hyphen alone 5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/utf8.h"
#include "../app/view/text.h"

static int ten_a_character(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx, (void)font;
    if (len == 1 && text[0] == '-')
        return 5; /* a hyphen is narrow, as in a real font */
    return 10 * (int)utf8_count(text, (size_t)len);
}

static Measure fake(const char *lang)
{
    Measure m = { .width = ten_a_character, .lang = lang };
    for (int i = 0; i < FONT_ROLE_COUNT; i++)
        m.line_height[i] = m.size[i] = 10;
    return m;
}

/* The lines of `text` at `width`, as "line|line|", a hyphen shown as "-". */
static const char *wrapped(const char *lang, const char *text, float width, char *out, size_t size)
{
    Measure m = fake(lang);
    TextLine lines[64];
    int n = text_wrap(&m, FONT_BODY, text, (int)strlen(text), width, lines, 64);
    assert_true(n <= 64);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        used += (size_t)snprintf(out + used, size - used, "%.*s%s|", lines[i].len, text + lines[i].start,
                                 lines[i].hyphen ? "-" : "");
        assert_true(used < size);
        assert_true(lines[i].width <= width || utf8_count(text + lines[i].start, (size_t)lines[i].len) == 1);
    }
    return out;
}

static void japanese_never_starts_a_line_with_a_closing_mark(void **state)
{
    (void)state;
    const char *text = "私はあなたを信じています。それでも、時々不安になります。"
                       "近くにいたい、でも怖い。";
    Measure m = fake("ja");
    int broke_before_mark = 0; /* widths where a plain cut would have started a line with one */
    for (float width = 20; width <= 200; width += 10) {
        TextLine lines[64];
        int n = text_wrap(&m, FONT_BODY, text, (int)strlen(text), width, lines, 64);
        assert_true(n > 1 && n <= 64);
        int covered = 0;
        for (int i = 0; i < n; i++) {
            const char *start = text + lines[i].start;
            assert_int_equal(lines[i].start, covered); /* nothing lost, nothing twice */
            covered += lines[i].len;
            assert_true(lines[i].width <= width);
            assert_false(lines[i].hyphen); /* Japanese is not hyphenated */
            if (i > 0 && (strncmp(start, "。", 3) == 0 || strncmp(start, "、", 3) == 0))
                fail_msg("at %.0f px line %d starts with a closing mark: %.*s", width, i, lines[i].len, start);
            if (i > 0 && utf8_count(text + lines[i - 1].start, (size_t)lines[i - 1].len) < (size_t)(width / 10))
                broke_before_mark++;
        }
        assert_int_equal(covered, (int)strlen(text));
    }
    assert_true(broke_before_mark > 0); /* the rule had something to do */
    char out[512];
    /* between any two characters otherwise: a line of 5 is full, the mark stays with its word */
    assert_string_equal(wrapped("ja", "私はあなたを信じています。", 50, out, sizeof(out)),
                        "私はあなた|を信じてい|ます。|");
    assert_string_equal(wrapped("ja", "それでも、時々不安", 40, out, sizeof(out)), "それで|も、時々|不安|");
}

static void a_long_compound_is_cut_with_a_hyphen(void **state)
{
    (void)state;
    char out[512];
    /* a button 15 characters wide: the hyphen fits in it */
    assert_string_equal(wrapped("de", "Bindungsvermeidung", 150, out, sizeof(out)), "Bindungsvermei-|dung|");
    /* narrower: cut between syllables, not just anywhere ("Bindungsverme-|idung") */
    assert_string_equal(wrapped("de", "Bindungsvermeidung", 140, out, sizeof(out)), "Bindungsver-|meidung|");
    /* wider: at a syllable too ("Bindungsvermeidu-|ng" would fit) */
    assert_string_equal(wrapped("de", "Bindungsvermeidung", 170, out, sizeof(out)), "Bindungsvermei-|dung|");
    assert_string_equal(wrapped("de", "Angstgefühlsbewältigung", 220, out, sizeof(out)),
                        "Angstgefühlsbewälti-|gung|");
    /* without a syllable near, two letters still go down ("xzqwrtpkmn-|b" would fit) */
    assert_string_equal(wrapped("de", "xzqwrtpkmnb", 105, out, sizeof(out)), "xzqwrtpkm-|nb|");
    /* never cut where a space will do: the short word goes first, whole */
    assert_string_equal(wrapped("de", "Die Bindungsvermeidung", 150, out, sizeof(out)),
                        "Die|Bindungsvermei-|dung|");
    /* nor where a hyphen will: "Nähe-Distanz-Konflikt" breaks after its own hyphens */
    assert_string_equal(wrapped("de", "Nähe-Distanz-Konflikt", 150, out, sizeof(out)), "Nähe-Distanz-|Konflikt|");
    /* the hyphen's width is the line's: "Bindungsvermei" is 140 px, the line 145 */
    Measure m = fake("de");
    TextLine lines[4];
    assert_int_equal(text_wrap(&m, FONT_BODY, "Bindungsvermeidung", 18, 150, lines, 4), 2);
    assert_int_equal(lines[0].width, 145);
    assert_int_equal(lines[0].hyphen, 5);
    assert_int_equal(lines[1].hyphen, 0);
    /* a script that does not hyphenate is cut plainly: Arabic letters */
    assert_string_equal(wrapped("ar", "ممممم", 30, out, sizeof(out)), "ممم|مم|");
}

/* What a reader sees of a cut line: its letters, then the hyphen right after them. */
static void a_cut_line_is_drawn_with_its_hyphen(void **state)
{
    (void)state;
    static DrawList list;
    draw_reset(&list);
    const char *text = "Die Bindungsvermeidung";
    Measure m = fake("de");
    TextLine lines[4];
    assert_int_equal(text_wrap(&m, FONT_BODY, text, (int)strlen(text), 150, lines, 4), 3);
    Rect clip = { 0, 0, 150, 100 };
    for (int i = 0; i < 3; i++)
        text_draw_line(&list, 0, 20.0f * (float)i, 20, FONT_BODY, text, &lines[i], 0, 0xFFFFFF, clip);
    assert_int_equal(list.count, 4); /* three lines and one hyphen */
    const DrawCmd *word = &list.cmds[1], *dash = &list.cmds[2];
    assert_int_equal(word->len, 14);
    assert_memory_equal(word->text, "Bindungsvermei", 14);
    assert_true(word->rect.w == 140.0f);
    assert_true(dash->kind == DRAW_TEXT && dash->text == text_hyphen && dash->len == 1);
    assert_true(dash->rect.x == 140.0f && dash->rect.y == 20.0f && dash->rect.w == 5.0f);
    assert_memory_equal(list.cmds[3].text, "dung", 4);
}

static void english_wraps_as_before(void **state)
{
    (void)state;
    char out[512];
    const char *text = "When you feel close, you may fear being left; fearful-avoidant people want "
                       "closeness and fear it.";
    assert_string_equal(wrapped("en", text, 200, out, sizeof(out)),
                        "When you feel close,|you may fear being|left; fearful-|avoidant people want|"
                        "closeness and fear|it.|");
    assert_string_equal(wrapped("en", text, 300, out, sizeof(out)),
                        "When you feel close, you may|fear being left; fearful-|"
                        "avoidant people want closeness|and fear it.|");
    /* an em dash ends a line, never starts one ("a sign of failure" alone would fit) */
    assert_string_equal(wrapped("en", "a sign of failure\u2014it\u2019s a sign", 170, out, sizeof(out)),
                        "a sign of|failure\u2014it\u2019s a|sign|");
    /* spaces at either end and between words take no room of a line */
    assert_string_equal(wrapped("en", "  two   words  ", 50, out, sizeof(out)), "two|words|");
    /* a word wider than the line, in English too, shows its hyphen */
    assert_string_equal(wrapped("en", "antidisestablishment", 100, out, sizeof(out)), "antidises-|tablishme-|nt|");
    /* the language comes from a bundle's folder */
    assert_string_equal(text_language("assets/content/ja/"), "ja/");
    assert_string_equal(text_language("ja"), "ja");
    assert_string_equal(text_language(NULL), "");
}

int main(void)
{
    text_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(japanese_never_starts_a_line_with_a_closing_mark),
        cmocka_unit_test(a_long_compound_is_cut_with_a_hyphen),
        cmocka_unit_test(a_cut_line_is_drawn_with_its_hyphen),
        cmocka_unit_test(english_wraps_as_before),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
