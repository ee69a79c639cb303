/* test_inidoc.c — reading INI text through inih with line numbers: continuations,
 * paragraphs, what inih would cut silently (long lines, ` ;`, long section names), and
 * bytes that are not text. Also the schema checks on a tiny table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/inidoc.h"
#include "../app/core/schema.h"
#include "../app/core/utf8.h"

typedef struct Fixture {
    Arena arena;
    Diags diags;
    IniDoc doc;
} Fixture;

static int setup(void **state)
{
    static Fixture f;
    memset(&f, 0, sizeof(f));
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    inidoc_free(&f->doc);
    arena_free(&f->arena);
    diag_free(&f->diags);
    return 0;
}

static bool load(Fixture *f, const char *text)
{
    inidoc_free(&f->doc);
    return inidoc_load_text(&f->doc, "t.ini", text, strlen(text), &f->arena, &f->diags);
}

/* True when some problem at `line` contains `words`. */
static bool reported(const Fixture *f, int line, const char *words)
{
    for (int i = 0; i < f->diags.count; i++)
        if (f->diags.items[i].line == line && strstr(f->diags.items[i].message, words))
            return true;
    return false;
}

static void entries_know_their_lines_and_continuations_join(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "; a comment\n[card.one]\ntitle = Hello\ntext = First line\n"
                        "  goes on here.\n\n  And after a blank line.\ntext = Second paragraph.\n"));
    assert_int_equal(f->diags.count, 0);
    assert_int_equal(f->doc.section_count, 1);
    assert_int_equal(f->doc.sections[0].line, 2);
    const IniEntry *title = inidoc_find(&f->doc, 0, "title");
    assert_int_equal(title->line, 3);
    const IniEntry *text = inidoc_find(&f->doc, 0, "text");
    assert_int_equal(text->line, 4);
    assert_string_equal(text->value, "First line goes on here. And after a blank line.");
    assert_string_equal(schema_text(&f->doc, 0, "text", &f->arena),
                        "First line goes on here. And after a blank line.\nSecond paragraph.");
}

/* `count` copies of `piece` after `head`, then `tail`, into `out`. */
static const char *repeated(char *out, size_t size, const char *head, const char *piece, int count,
                            const char *tail)
{
    size_t n = (size_t)snprintf(out, size, "%s", head);
    for (int i = 0; i < count; i++)
        n += (size_t)snprintf(out + n, size - n, "%s", piece);
    snprintf(out + n, size - n, "%s", tail);
    assert_true(strlen(out) + 1 < size);
    return out;
}

static void a_long_line_in_any_script_reads_whole(void **state)
{
    Fixture *f = *state;
    char text[3000], want[3000];
    /* 150 Arabic characters (270 bytes): 30 words of "سلام" and a space, the last bare */
    repeated(want, sizeof(want), "", "\u0633\u0644\u0627\u0645 ", 29, "\u0633\u0644\u0627\u0645");
    assert_int_equal(utf8_count(want, strlen(want)), 149);
    repeated(text, sizeof(text), "[s]\nk = ", "", 0, "");
    strcat(strcat(strcat(text, want), "!"), "\nnext = 1\n");
    strcat(want, "!");
    assert_true(load(f, text));
    assert_int_equal(f->diags.count, 0);
    assert_string_equal(inidoc_find(&f->doc, 0, "k")->value, want);
    assert_int_equal(inidoc_find(&f->doc, 0, "next")->line, 3);
    /* Japanese has no spaces to cut at: 100 characters (300 bytes), joined back as written */
    repeated(want, sizeof(want), "", "\u3042\u3044\u3046\u3048\u304A\u3002\u3001\u304B\u304D\u304F", 10, "");
    repeated(text, sizeof(text), "[t]\nk = ", want, 1, "\n");
    assert_true(load(f, text));
    assert_int_equal(f->diags.count, 0);
    assert_string_equal(inidoc_find(&f->doc, 0, "k")->value, want);
    /* English, on a continuation line, spaces and all */
    repeated(want, sizeof(want), "Begin", "  closeness  and  fear;", 40, " end."); /* each cut at two spaces */
    repeated(text, sizeof(text), "[u]\nk = first\n  ", want, 1, "\n");
    assert_true(load(f, text));
    assert_int_equal(f->diags.count, 0);
    assert_string_equal(inidoc_find(&f->doc, 0, "k")->value + strlen("first "), want);
}

static void continued_lines_join_as_the_language_writes(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "[s]\nja = \u79C1\u306F\u4FE1\u3058\u3066\u3044\u307E\u3059\u3002\n"
                        "  \u305D\u308C\u3067\u3082\u3001\n  \u6642\u3005\u4E0D\u5B89\n"
                        "en = Secure people\n  trust that\n\n  help comes back.\n"
                        "th = \u0E23\u0E31\u0E01\n  \u0E04\u0E38\u0E13\n"
                        "mixed = \u79C1\u306F\n  Attune\n"));
    assert_int_equal(f->diags.count, 0);
    assert_string_equal(inidoc_find(&f->doc, 0, "ja")->value,
                        "\u79C1\u306F\u4FE1\u3058\u3066\u3044\u307E\u3059\u3002"
                        "\u305D\u308C\u3067\u3082\u3001\u6642\u3005\u4E0D\u5B89");
    assert_string_equal(inidoc_find(&f->doc, 0, "en")->value, "Secure people trust that help comes back.");
    assert_string_equal(inidoc_find(&f->doc, 0, "th")->value, "\u0E23\u0E31\u0E01\u0E04\u0E38\u0E13");
    assert_string_equal(inidoc_find(&f->doc, 0, "mixed")->value, "\u79C1\u306F Attune");
}

static void a_long_line_is_named_with_how_to_continue(void **state)
{
    Fixture *f = *state;
    char text[1600];
    repeated(text, sizeof(text), "[s]\nk = ", "x", 1100, "\nnext = 1\n");
    assert_true(load(f, text));
    assert_int_equal(f->diags.count, 1);
    assert_string_equal(f->diags.items[0].path, "t.ini");
    assert_true(reported(f, 2, "line is 1104 bytes long; at most 1000 fit: continue the text on the next "
                               "line, indented"));
    /* the line after it is still line 3 and still read */
    assert_int_equal(inidoc_find(&f->doc, 0, "next")->line, 3);
}

static void a_long_line_is_cut_on_a_character_boundary(void **state)
{
    Fixture *f = *state;
    char text[1700];
    repeated(text, sizeof(text), "[s]\nk = ", "\xE2\x80\x9C", 400, "\n"); /* “ */
    assert_true(load(f, text));
    assert_int_equal(f->diags.errors, 1);
    size_t bad;
    const char *v = inidoc_find(&f->doc, 0, "k")->value;
    assert_true(utf8_valid(v, strlen(v), &bad) || (printf("bad at %zu\n", bad), 0));
}

static void a_semicolon_comment_is_noticed(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "[s]\nk = words ; lost words\n  more ; shown\nj = fine;here  ; note\n"));
    const IniEntry *k = inidoc_find(&f->doc, 0, "k");
    assert_string_equal(k->value, "words more ; shown");
    assert_int_equal(k->comment_line, 2);
    assert_true(k->comment_cut);
    const IniEntry *j = inidoc_find(&f->doc, 0, "j");
    assert_string_equal(j->value, "fine;here");
    assert_int_equal(j->comment_line, 0);
}

static void broken_bytes_and_lines_are_named(void **state)
{
    Fixture *f = *state;
    const char text[] = "\xEF\xBB\xBF[s]\r\nk = caf\xE9\r\nno equals sign here\r\n[unclosed\r\n"
                        "[aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeff]\r\nz = 1\r\n";
    assert_true(load(f, text));
    assert_true(reported(f, 2, "not UTF-8 (byte 0xE9 at column 8): retype it"));
    assert_true(reported(f, 3, "this line is not 'key = value', a [section] or a note; if it continues"));
    assert_true(reported(f, 4, "no closing ']'; add it"));
    assert_true(reported(f, 5, "section name is 52 bytes long"));
    assert_int_equal(f->diags.errors, 4);
    /* the BOM is not part of the first section name, CR is not part of values */
    assert_string_equal(f->doc.sections[0].name, "s");
    assert_string_equal(f->doc.sections[1].name, "unclosed"); /* mended: read as a section */
    assert_string_equal(inidoc_find(&f->doc, 2, "z")->value, "1");
    assert_string_equal(f->doc.sections[2].name, "aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeff");
}

static void whole_file_mistakes_get_one_message(void **state)
{
    Fixture *f = *state;
    const char nul[] = "[s]\nk = a\0b\n";
    assert_false(inidoc_load_text(&f->doc, "t.ini", nul, sizeof(nul) - 1, &f->arena, &f->diags));
    assert_true(reported(f, 2, "NUL byte"));
    const char utf16[] = "\xFF\xFE[\0s\0]\0\n\0k\0=\0v\0\n\0";
    assert_false(inidoc_load_text(&f->doc, "t.ini", utf16, sizeof(utf16) - 1, &f->arena, &f->diags));
    assert_true(reported(f, 1, "saved as UTF-16"));
    assert_false(load(f, "  \n\n"));
    assert_true(reported(f, 1, "the file is empty"));
    assert_false(inidoc_load(&f->doc, "tests/no-such-file.ini", &f->arena, &f->diags));
    assert_true(reported(f, 1, "the file does not exist"));
    assert_int_equal(f->diags.count, 4);
    /* Windows-1252: the first three lines, then one line about the encoding */
    assert_true(load(f, "[s]\na = \x93one\x94\nb = \x93two\x94\nc = \x93three\x94\nd = \x93" "four\x94\ne = \x96\n"));
    assert_true(reported(f, 4, "2 more lines have bytes that are not UTF-8")); /* after the third */
    assert_int_equal(f->diags.count, 4 + 4);
    inidoc_free(&f->doc);
    /* old Mac line endings are read as lines */
    assert_true(load(f, "[s]\rk = v\rj = w\r"));
    assert_string_equal(inidoc_find(&f->doc, 0, "j")->value, "w");
    assert_int_equal(inidoc_find(&f->doc, 0, "j")->line, 3);
}

static void mistakes_are_mended_so_one_gives_one_message(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "[a]\nk = text\n  [b]\nk = 1\n[c\nk = 2\nlost text: with a colon\n  more\n"));
    assert_true(reported(f, 3, "this [section] line is indented"));
    assert_true(reported(f, 5, "no closing ']'"));
    assert_true(reported(f, 7, "this line is not 'key = value'"));
    assert_int_equal(f->diags.count, 3);
    assert_int_equal(f->doc.section_count, 3);
    assert_string_equal(f->doc.sections[1].name, "b");
    assert_string_equal(f->doc.sections[2].name, "c");
    assert_string_equal(inidoc_find(&f->doc, 0, "k")->value, "text");
    assert_string_equal(inidoc_find(&f->doc, 2, "k")->value, "2 more");
}

static const KeySpec table[] = {
    SCHEMA_RANGE("scale", "points", VALUE_INT, KEY_REQUIRED, 2, 11),
    SCHEMA_KEY("scale", "label#", VALUE_LINE, 0, NULL),
    SCHEMA_KEY("item.", "text", VALUE_LINE, KEY_REQUIRED, "n|total"),
    SCHEMA_KEY("item.", "dimension", VALUE_CHOICE, KEY_REQUIRED, "anxiety|avoidance"),
    SCHEMA_KEY("item.", "reverse", VALUE_BOOL, 0, NULL),
    SCHEMA_END
};

static void the_schema_names_every_problem(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "[scale]\npoints = 12\nlable1 = Disagree\n"      /* 1-3 */
                        "[item.q1]\ntext = {n} of {count}\ndimension = anxeity\n" /* 4-6 */
                        "reverse = maybe\nreverse = no\n"                 /* 7-8 */
                        "[item.q1]\ntext = again\n"                       /* 9-10 */
                        "[itme.q2]\ntext = x\n"                          /* 11-12 */
                        "[item.q3]\ntext = a\n  dimension = avoidance\n"));/* 13-15 */
    schema_check(&f->doc, table, DIAG_WARNING, &f->diags);
    assert_true(reported(f, 2, "'points' must be a whole number from 2 to 11, not '12'"));
    assert_true(reported(f, 3, "unknown key 'lable1'; did you mean 'label1'?"));
    assert_true(reported(f, 5, "unknown placeholder {count}"));
    assert_true(reported(f, 6, "item 'q1': dimension must be 'anxiety' or 'avoidance', not 'anxeity'"));
    assert_true(reported(f, 7, "'reverse' must be 'yes' or 'no', not 'maybe'"));
    assert_true(reported(f, 8, "'reverse' is set twice (first on line 7)"));
    assert_true(reported(f, 9, "[item.q1] appears twice (first on line 4)"));
    assert_true(reported(f, 9, "item 'q1' has no 'dimension'"));
    assert_true(reported(f, 11, "unknown section [itme.q2], so its lines are not used; did you mean [item.q2]?"));
    assert_true(reported(f, 13, "item 'q3' has no 'dimension'"));
    assert_true(reported(f, 15, "this indented line continues 'text'"));
    assert_int_equal(f->diags.count, 11);
}

static void comments_after_values_need_two_spaces(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "[scale]\npoints = 7   ; 2 to 11\nlabel1 = Strongly disagree  ; a comment\n"
                        "label7 = Agree ; or not\n"                      /* 4: words lost */
                        "[item.q1]\ntext = I feel close\n  and then ; scared\n" /* 7: kept as text */
                        "  more  ; a note\ndimension = anxiety\n"));    /* 8: would show */
    schema_check(&f->doc, table, DIAG_WARNING, &f->diags);
    assert_string_equal(inidoc_find(&f->doc, 0, "label1")->value, "Strongly disagree");
    assert_true(reported(f, 4, "so \"or not\" is dropped from 'label7'; if it is text, remove the space"));
    assert_true(reported(f, 8, "is not a comment, so \"; a note\" would be shown as text"));
    assert_string_equal(inidoc_find(&f->doc, 1, "text")->value, "I feel close and then ; scared more  ; a note");
    assert_int_equal(f->diags.count, 2);
}

/* A long key line's note is dropped like a short one's, wherever it starts: before or
 * after the point where the line is handed to inih in pieces; one space before it is
 * still the trap it always is. */
static void a_long_line_keeps_its_note_off_the_screen(void **state)
{
    Fixture *f = *state;
    char want[3000], text[4000];
    for (int words = 10; words <= 25; words += 15) { /* the note starts at 204, 489 bytes */
        repeated(want, sizeof(want), "Begin", " closeness and fear", words, " end.");
        snprintf(text, sizeof(text), "[s]\nk = %s  ; an editor's note, %s\nnext = 1\n", want,
                 "long enough to reach well past where inih's two hundred bytes of a line end, so "
                 "that the note itself is cut into pieces too");
        assert_true(load(f, text));
        assert_int_equal(f->diags.count, 0);
        assert_string_equal(inidoc_find(&f->doc, 0, "k")->value, want);
        assert_int_equal(inidoc_find(&f->doc, 0, "next")->line, 3);
    }
    snprintf(text, sizeof(text), "[item.q1]\ntext = %s ; dropped, though it looks like text\n", want);
    assert_true(load(f, text));
    assert_string_equal(inidoc_find(&f->doc, 0, "text")->value, want);
    schema_check(&f->doc, table, DIAG_WARNING, &f->diags);
    assert_true(reported(f, 2, "is dropped from 'text'"));
}

static void a_missing_required_section_is_named(void **state)
{
    Fixture *f = *state;
    assert_true(load(f, "[item.q1]\ntext = a\ndimension = anxiety\n"));
    schema_check(&f->doc, table, DIAG_WARNING, &f->diags);
    assert_true(reported(f, 1, "missing section [scale]"));
    assert_int_equal(f->diags.count, 1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_long_line_in_any_script_reads_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(continued_lines_join_as_the_language_writes, setup, teardown),
        T(entries_know_their_lines_and_continuations_join),
        T(a_long_line_is_named_with_how_to_continue),
        T(a_long_line_is_cut_on_a_character_boundary),
        T(a_semicolon_comment_is_noticed),
        T(broken_bytes_and_lines_are_named),
        T(whole_file_mistakes_get_one_message),
        T(mistakes_are_mended_so_one_gives_one_message),
        T(the_schema_names_every_problem),
        T(comments_after_values_need_two_spaces),
        T(a_missing_required_section_is_named),
        T(a_long_line_keeps_its_note_off_the_screen),
    };
    return cmocka_run_group_tests_name("inidoc", tests, NULL, NULL);
}
