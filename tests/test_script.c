#define _DEFAULT_SOURCE /* mkstemp */
/* test_script.c — the --script format of docs/design.md: every command with its line,
 * comments, quotes and escapes, key modifiers, line ends, and each kind of mistake named
 * at its line with a message that says what was expected, while the lines after it are
 * still read. Ends with a small deterministic fuzz: no input may crash the parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../app/drive/script.h"
#include "../app/core/utf8.h"

/* Parses `text` from an exact-size heap copy (no NUL after it), so that ASan catches
 * any read past the end. */
static bool parse_n(Script *s, const char *text, size_t len, Diags *d)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, text, len);
    bool ok = script_parse(s, "demo.txt", copy, len, d);
    free(copy);
    return ok;
}

static bool parse(Script *s, const char *text, Diags *d)
{
    return parse_n(s, text, strlen(text), d);
}

/* The message reported at `line`, or "" (fails when there are several). */
static const char *message_at(const Diags *d, int line)
{
    const char *found = "";
    int n = 0;
    for (int i = 0; i < d->count; i++)
        if (d->items[i].line == line) {
            found = d->items[i].message;
            n++;
        }
    if (n > 1) {
        print_error("%d messages at line %d\n", n, line);
        fail();
    }
    return found;
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle)) {
        print_error("'%s'\n  does not contain\n'%s'\n", haystack, needle);
        fail();
    }
}

static void every_command_is_parsed_with_its_line(void **state)
{
    (void)state;
    const char *text =
        "tap 400 240\n"
        "tap 12.5 0.25\n"
        "tap \"Start\"\n"
        "swipe left\n"
        "swipe right\n"
        "key Escape\n"
        "quit\n"
        "wait 1500\n"
        "wait 0\n"
        "wait 86400000\n"
        "shot home-800x480_v1.2\n"
        "expect screen result\n"
        "expect screen idle\n"
        "expect text \"Your style\"\n"
        "tap 0 100000\n";
    Script s;
    Diags d = { 0 };
    assert_true(parse(&s, text, &d));
    assert_int_equal(d.count, 0);
    assert_int_equal(s.count, 15);
    assert_string_equal(s.path, "demo.txt");
    for (int i = 0; i < s.count; i++) {
        assert_int_equal(s.cmds[i].line, i + 1);
        assert_non_null(s.cmds[i].text);
    }
    const ScriptCmd *c = s.cmds;
    assert_int_equal(c[0].op, SCRIPT_TAP_AT);
    assert_true(c[0].x == 400.0f && c[0].y == 240.0f);
    assert_int_equal(c[1].op, SCRIPT_TAP_AT);
    assert_true(c[1].x == 12.5f && c[1].y == 0.25f);
    assert_int_equal(c[2].op, SCRIPT_TAP_LABEL);
    assert_string_equal(c[2].text, "Start");
    assert_int_equal(c[3].op, SCRIPT_SWIPE);
    assert_int_equal(c[3].dir, -1);
    assert_int_equal(c[4].dir, 1);
    assert_int_equal(c[5].op, SCRIPT_KEY);
    assert_string_equal(c[5].text, "Escape");
    assert_int_equal(c[5].mods, 0);
    assert_int_equal(c[6].op, SCRIPT_QUIT);
    assert_string_equal(c[6].text, "");
    assert_int_equal(c[7].op, SCRIPT_WAIT);
    assert_int_equal(c[7].ms, 1500);
    assert_int_equal(c[8].ms, 0);
    assert_int_equal(c[9].ms, 86400000);
    assert_int_equal(c[10].op, SCRIPT_SHOT);
    assert_string_equal(c[10].text, "home-800x480_v1.2");
    assert_int_equal(c[11].op, SCRIPT_EXPECT_SCREEN);
    assert_int_equal(c[11].screen, SCREEN_RESULT);
    assert_string_equal(c[11].text, "result");
    assert_int_equal(c[12].screen, SCREEN_COUNT);
    assert_string_equal(c[12].text, "idle");
    assert_int_equal(c[13].op, SCRIPT_EXPECT_TEXT);
    assert_string_equal(c[13].text, "Your style");
    assert_true(c[14].x == 0.0f && c[14].y == 100000.0f);

    assert_string_equal(script_op_name(SCRIPT_TAP_LABEL), "tap");
    assert_string_equal(script_op_name(SCRIPT_EXPECT_TEXT), "expect");
    assert_string_equal(script_op_name(SCRIPT_OP_COUNT), "?");
    script_free(&s);
    assert_null(s.cmds);
    diag_free(&d);
}

static void every_screen_id_can_be_expected(void **state)
{
    (void)state;
    for (int i = 0; i < SCREEN_COUNT; i++) {
        char line[64];
        snprintf(line, sizeof(line), "expect screen %s", screen_id((Screen)i));
        Script s;
        Diags d = { 0 };
        assert_true(parse(&s, line, &d));
        assert_int_equal(s.count, 1);
        assert_int_equal(s.cmds[0].screen, i);
        script_free(&s);
        diag_free(&d);
    }
}

static void comments_blank_lines_and_spaces_are_ignored(void **state)
{
    (void)state;
    const char *text =
        "# a demo run\n"
        "\n"
        "   \t\n"
        "   quit   # bye\n"
        "\twait\t5\t\n"
        "tap \"a # not a comment\" # a comment\n"
        "#tap 1 2\n"
        "wait 7#tight\n"
        "    # indented comment\n";
    Script s;
    Diags d = { 0 };
    assert_true(parse(&s, text, &d));
    assert_int_equal(s.count, 4);
    assert_int_equal(s.cmds[0].op, SCRIPT_QUIT);
    assert_int_equal(s.cmds[0].line, 4);
    assert_int_equal(s.cmds[1].ms, 5);
    assert_int_equal(s.cmds[1].line, 5);
    assert_string_equal(s.cmds[2].text, "a # not a comment");
    assert_int_equal(s.cmds[2].line, 6);
    assert_int_equal(s.cmds[3].ms, 7);
    assert_int_equal(s.cmds[3].line, 8);
    script_free(&s);
    diag_free(&d);
}

static void quoted_strings_take_escapes_and_utf8(void **state)
{
    (void)state;
    const char *text =
        "tap \"I’m still here\"\n"
        "expect text \"She said \\\"stay\\\" \\\\ then left\"\n"
        "tap \"\\\\\"\n"
        "expect text \"tab\tinside\"\n"
        "tap \"Ça va ? 🙂\"\n";
    Script s;
    Diags d = { 0 };
    assert_true(parse(&s, text, &d));
    assert_int_equal(s.count, 5);
    assert_string_equal(s.cmds[0].text, "I’m still here");
    assert_string_equal(s.cmds[1].text, "She said \"stay\" \\ then left");
    assert_string_equal(s.cmds[2].text, "\\");
    assert_string_equal(s.cmds[3].text, "tab\tinside");
    assert_string_equal(s.cmds[4].text, "Ça va ? 🙂");
    script_free(&s);
    diag_free(&d);
}

static void keys_take_modifiers(void **state)
{
    (void)state;
    static const struct {
        const char *line, *name;
        unsigned mods;
    } cases[] = {
        { "key Return", "Return", 0 },
        { "key Left", "Left", 0 },
        { "key PageDown", "PageDown", 0 },
        { "key F11", "F11", 0 },
        { "key alt+F4", "F4", SCRIPT_MOD_ALT },
        { "key ctrl+q", "q", SCRIPT_MOD_CTRL },
        { "key ctrl+alt+F2", "F2", SCRIPT_MOD_CTRL | SCRIPT_MOD_ALT },
        { "key CTRL+Shift+Tab", "Tab", SCRIPT_MOD_CTRL | SCRIPT_MOD_SHIFT },
        { "key gui+l", "l", SCRIPT_MOD_GUI },
        /* a modifier key pressed alone (three Shifts): a key name, not a modifier */
        { "key Shift", "Shift", 0 },
        { "key shift", "shift", 0 },
        { "key LShift", "LShift", 0 },
        { "key ctrl+shift", "shift", SCRIPT_MOD_CTRL },
        { "key \"Left Shift\"", "Left Shift", 0 },
        { "key \"Keypad +\"", "Keypad +", 0 },
        { "key \"#\"", "#", 0 },
        { "key +", "+", 0 },
        { "key ctrl++", "+", SCRIPT_MOD_CTRL },
        { "key é", "é", 0 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        Script s;
        Diags d = { 0 };
        bool ok = parse(&s, cases[i].line, &d);
        diag_print(&d, stderr);
        assert_true(ok);
        assert_int_equal(s.count, 1);
        assert_int_equal(s.cmds[0].op, SCRIPT_KEY);
        assert_string_equal(s.cmds[0].text, cases[i].name);
        assert_int_equal(s.cmds[0].mods, cases[i].mods);
        script_free(&s);
        diag_free(&d);
    }
}

/* Each mistake at its own line, valid lines in between: every one is reported, with
 * what was expected, and the valid commands are all kept. */
static void every_mistake_is_named_at_its_line(void **state)
{
    (void)state;
    static const struct {
        const char *line, *message;
    } cases[] = {
        { "tap 10", "'tap' takes X Y (logical pixels, like tap 120 48.5) or a \"Label\" in "
                    "double quotes, not 'tap 10'" },
        { "tap Start", "not 'tap Start' (a label goes in quotes: tap \"Start\")" },
        { "tap -5 10", "'tap' takes X Y (logical pixels, like tap 120 48.5) or a \"Label\" "
                       "in double quotes, not 'tap -5 10'" },
        { "tap 1e3 5", "not 'tap 1e3 5'" },
        { "tap 5. 5", "not 'tap 5. 5'" },
        { "tap 10 \"Start\"", "not 'tap 10 \"Start\"'" },
        { "tap 100001 5", "X = 100001 is out of range: 'tap' takes logical pixels from 0 to "
                          "100000" },
        { "tap 5 99999999999999999999999999", "Y = 99999999999999999999999999 is out of range" },
        { "tap \"\"", "'tap \"\"' has an empty label" },
        { "tap", "not 'tap'" },
        { "tpa 1 2", "unknown command 'tpa'; did you mean 'tap'?" },
        { "Quit", "unknown command 'Quit'; did you mean 'quit'?" },
        { "exepct text \"x\"", "unknown command 'exepct'; did you mean 'expect'?" },
        { "click 1 2", "unknown command 'click'; commands are tap, swipe, key, quit, wait, "
                       "shot and expect" },
        { "\"tap\" 1 2", "a line starts with a command (tap, swipe, key, quit, wait, shot or "
                         "expect), not with a quoted string" },
        { "tap \"Start", "the quote at column 5 is never closed: end the text with \" (a "
                         "quote inside the text is written \\\")" },
        { "tap \"Start\\\"", "the quote at column 5 is never closed" },
        { "tap \"a\\nb\"", "unknown escape '\\n' at column 7 in a quoted string: only \\\" "
                           "(a quote) and \\\\ (a backslash) are escapes" },
        { "quit now", "unexpected 'now' after 'quit': one command a line (a comment starts "
                      "with #)" },
        { "tap 1 2 3", "unexpected '3' after 'tap 1 2'" },
        { "tap \"A\" \"B\"", "unexpected '\"B\"' after 'tap \"A\"'" },
        { "expect screen home now", "unexpected 'now' after 'expect screen home'" },
        { "swipe up", "'swipe' takes left or right, not 'swipe up'" },
        { "swipe Left", "'swipe' takes left or right, not 'swipe Left'" },
        { "swipe", "'swipe' takes left or right, not 'swipe'" },
        { "wait 1.5", "'wait' takes whole milliseconds from 0 to 86400000, like wait 1500, "
                      "not 'wait 1.5'" },
        { "wait -1", "not 'wait -1'" },
        { "wait +1", "not 'wait +1'" },
        { "wait 2s", "not 'wait 2s'" },
        { "wait", "not 'wait'" },
        { "wait 86400001", "wait 86400001 is out of range: 'wait' takes 0 to 86400000 "
                           "milliseconds (one day)" },
        { "wait 99999999999999999999999", "is out of range" },
        { "key", "'key' takes a key name as SDL names it (like Escape, Return, F11), with "
                 "ctrl+, alt+, shift+ or gui+ in front if needed, not 'key'" },
        { "key ctrl+", "key 'ctrl+' has an empty part: join modifiers and the key name with "
                       "single '+', like ctrl+q or ctrl+alt+F2" },
        { "key +q", "key '+q' has an empty part" },
        { "key ctrl++q", "key 'ctrl++q' has an empty part" },
        { "key ctl+q", "unknown modifier 'ctl' in 'ctl+q'; modifiers are ctrl, alt, shift "
                       "and gui; did you mean 'ctrl'?" },
        { "key hyper+q", "unknown modifier 'hyper' in 'hyper+q'; modifiers are ctrl, alt, "
                         "shift and gui" },
        { "key ctrl+CTRL+q", "'CTRL' appears twice in 'ctrl+CTRL+q'" },
        { "key \"\"", "'key \"\"' names no key" },
        { "shot", "'shot' takes a file name of letters, digits, '-', '_' and '.', like shot "
                  "home-800x480, not 'shot'" },
        { "shot ../etc/x", "shot name '../etc/x' has a folder in it" },
        { "shot a/b", "shot name 'a/b' has a folder in it" },
        { "shot a..b", "shot name 'a..b' has '..' in it" },
        { "shot .hidden", "shot name '.hidden' starts with '.'" },
        { "shot \"my shot\"", "shot name 'my shot' has a space in it" },
        { "shot café", "shot name 'café' has 'é' in it" },
        { "shot \"\"", "shot name '' is empty" },
        { "expect screen resuIt", "unknown screen 'resuIt'; screens are attract, consent, "
                                  "home, question, result, guidance, chemistry, partners, "
                                  "calm, support, couple-start, handover, couple-choice, couple-map, staff, unavailable, overview, sample-map, "
                                  "takeaway and idle; did you mean 'result'?" },
        { "expect screen nowhere", "unknown screen 'nowhere'; screens are attract," },
        { "expect screen", "'expect' takes screen ID or text \"...\" in double quotes, not "
                           "'expect screen'" },
        { "expect text Hello", "'expect text' takes the text in double quotes, like expect "
                               "text \"Your style\", not 'expect text Hello'" },
        { "expect text \"\"", "'expect text \"\"' expects no text at all" },
        { "expect scren home", "not 'expect scren home'; did you mean 'screen'?" },
        { "expect", "not 'expect'" },
        { "tap 1 2\x01", "a control character (byte 0x01 at column 8): delete it" },
        { "tap 1\r2", "a carriage return in the middle of the line" },
        { "tap \"caf\xE9\"", "a character that is not UTF-8 (byte 0xE9 at column 9): retype "
                             "it, or save the file as UTF-8" },
    };
    enum { N = sizeof(cases) / sizeof(cases[0]) };
    /* line 2k+1: a mistake; line 2k+2: a valid command */
    size_t size = 1;
    for (int i = 0; i < N; i++)
        size += strlen(cases[i].line) + 16;
    char *text = malloc(size);
    assert_non_null(text);
    size_t used = 0;
    for (int i = 0; i < N; i++)
        used += (size_t)snprintf(text + used, size - used, "%s\nwait %d\n", cases[i].line, i);

    Script s;
    Diags d = { 0 };
    assert_false(parse_n(&s, text, used, &d));
    free(text);
    for (int i = 0; i < N; i++) {
        const char *m = message_at(&d, 2 * i + 1);
        if (!strstr(m, cases[i].message)) {
            print_error("line %d '%s':\n  got      '%s'\n  expected '%s'\n", 2 * i + 1,
                        cases[i].line, m, cases[i].message);
            fail();
        }
        assert_true(utf8_valid(m, strlen(m), NULL));
    }
    assert_int_equal(d.errors, N);
    assert_int_equal(d.warnings, 0);
    /* every valid line in between was kept */
    assert_int_equal(s.count, N);
    for (int i = 0; i < N; i++) {
        assert_int_equal(s.cmds[i].op, SCRIPT_WAIT);
        assert_int_equal(s.cmds[i].ms, i);
        assert_int_equal(s.cmds[i].line, 2 * i + 2);
    }
    script_free(&s);
    diag_free(&d);
}

static void the_brief_example_reads_as_written(void **state)
{
    (void)state;
    Script s;
    Diags d = { 0 };
    assert_false(parse(&s, "wait 5\n\n# x\nquit\ntap 1 1\nshot a\ntap 10\n", &d));
    assert_int_equal(d.count, 1);
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    assert_non_null(f);
    diag_print(&d, f);
    fclose(f);
    assert_string_equal(out, "demo.txt:7: error: 'tap' takes X Y (logical pixels, like tap "
                             "120 48.5) or a \"Label\" in double quotes, not 'tap 10'\n");
    free(out);
    assert_int_equal(s.count, 4);
    script_free(&s);
    diag_free(&d);
}

static void a_shot_named_png_is_a_warning(void **state)
{
    (void)state;
    Script s;
    Diags d = { 0 };
    assert_true(parse(&s, "shot home.png\n", &d));
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].level, DIAG_WARNING);
    assert_string_equal(d.items[0].message,
                        "'shot home.png' saves home.png.png: the .png is added, write 'shot home'");
    assert_int_equal(s.count, 1);
    script_free(&s);
    diag_free(&d);
}

static void line_ends_of_every_kind(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "tap 1 2\nquit",               /* no newline at the end */
        "tap 1 2\r\nquit\r\n",         /* CRLF */
        "tap 1 2\r\nquit",             /* CRLF, none at the end */
        "tap 1 2\rquit\r",             /* classic Mac */
        "\xEF\xBB\xBFtap 1 2\nquit\n", /* a byte order mark */
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        Script s;
        Diags d = { 0 };
        bool ok = parse(&s, texts[i], &d);
        diag_print(&d, stderr);
        assert_true(ok);
        assert_int_equal(s.count, 2);
        assert_int_equal(s.cmds[0].op, SCRIPT_TAP_AT);
        assert_true(s.cmds[0].y == 2.0f);
        assert_int_equal(s.cmds[1].op, SCRIPT_QUIT);
        assert_int_equal(s.cmds[1].line, 2);
        script_free(&s);
        diag_free(&d);
    }
    /* a CRLF file keeps its line numbers in messages */
    Script s;
    Diags d = { 0 };
    assert_false(parse(&s, "quit\r\n\r\ntpa 1 2\r\n", &d));
    assert_string_equal(message_at(&d, 3), "unknown command 'tpa'; did you mean 'tap'?");
    script_free(&s);
    diag_free(&d);
}

static void empty_input_is_a_valid_empty_script(void **state)
{
    (void)state;
    static const char *const texts[] = { "", "\n\n", "# only a comment", "  \t \r\n" };
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        Script s;
        Diags d = { 0 };
        assert_true(parse(&s, texts[i], &d));
        assert_int_equal(s.count, 0);
        assert_int_equal(d.count, 0);
        script_free(&s);
        diag_free(&d);
    }
    /* NULL text with length 0 is fine too */
    Script s;
    Diags d = { 0 };
    assert_true(script_parse(&s, "empty.txt", NULL, 0, &d));
    script_free(&s);
    diag_free(&d);
}

static void only_len_bytes_are_read(void **state)
{
    (void)state;
    const char text[] = "wait 1234";
    Script s;
    Diags d = { 0 };
    assert_true(script_parse(&s, "demo.txt", text, 7, &d)); /* "wait 12" */
    assert_int_equal(s.cmds[0].ms, 12);
    script_free(&s);
    diag_free(&d);
}

static void nul_bytes_and_utf16_are_refused_whole(void **state)
{
    (void)state;
    Script s;
    Diags d = { 0 };
    assert_false(parse_n(&s, "quit\nwait 5\nta\0p 1 2\n", 20, &d));
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_string_equal(d.items[0].message, "a NUL byte: is this a text file? save it as UTF-8 text");
    assert_int_equal(s.count, 0);
    script_free(&s);
    diag_free(&d);

    const char utf16[] = "\xFF\xFEq\0u\0i\0t\0";
    assert_false(parse_n(&s, utf16, sizeof(utf16) - 1, &d));
    assert_int_equal(d.count, 1);
    assert_contains(d.items[0].message, "UTF-16");
    script_free(&s);
    diag_free(&d);
}

static void a_file_in_another_encoding_is_summed_up(void **state)
{
    (void)state;
    Script s;
    Diags d = { 0 };
    const char *text = "tap \"\xE9\"\ntap \"\xE9\"\ntap \"\xE9\"\ntap \"\xE9\"\ntap \"\xE9\"\nquit\n";
    assert_false(parse(&s, text, &d));
    assert_int_equal(d.count, 4);
    /* the summary follows the third line reported (which has its own message), as in the
     * content files */
    const char *summary = "2 more lines have bytes that are not UTF-8: the file seems to be "
                          "saved in another encoding (such as Windows-1252); save it as UTF-8";
    int found = 0;
    for (int i = 0; i < d.count; i++)
        found += d.items[i].line == 3 && strcmp(d.items[i].message, summary) == 0;
    assert_int_equal(found, 1);
    assert_int_equal(s.count, 1);
    script_free(&s);
    diag_free(&d);
}

static void long_lines_are_read_and_quoted_short(void **state)
{
    (void)state;
    enum { LONG = 100000 };
    char *text = malloc(LONG + 64);
    assert_non_null(text);
    /* a long label is fine */
    memcpy(text, "tap \"", 5);
    for (int i = 0; i < LONG; i++)
        text[5 + i] = (char)('a' + i % 26);
    memcpy(text + 5 + LONG, "\"\n", 2);
    Script s;
    Diags d = { 0 };
    assert_true(parse_n(&s, text, LONG + 7, &d));
    assert_int_equal(strlen(s.cmds[0].text), LONG);
    script_free(&s);
    diag_free(&d);

    /* a long unknown word of two-byte characters is cut on a character boundary */
    size_t n = 0;
    for (int i = 0; i < 500; i++) {
        memcpy(text + n, "é", 2);
        n += 2;
    }
    assert_false(parse_n(&s, text, n, &d));
    const char *m = message_at(&d, 1);
    assert_true(utf8_valid(m, strlen(m), NULL));
    assert_true(strlen(m) < 200);
    assert_contains(m, "…'; commands are tap");
    script_free(&s);
    diag_free(&d);
    free(text);
}

static void many_mistakes_never_stop_the_parser(void **state)
{
    (void)state;
    enum { LINES = 2000 };
    char *text = malloc(LINES * 8);
    assert_non_null(text);
    size_t n = 0;
    for (int i = 0; i < LINES; i++) {
        memcpy(text + n, i % 2 ? "quit\n" : "tpa\n", i % 2 ? 5 : 4);
        n += i % 2 ? 5 : 4;
    }
    Script s;
    Diags d = { 0 };
    assert_false(parse_n(&s, text, n, &d));
    assert_int_equal(d.errors, LINES / 2);
    assert_int_equal(s.count, LINES / 2);
    assert_int_equal(s.cmds[LINES / 2 - 1].line, LINES);
    script_free(&s);
    diag_free(&d);
    free(text);
}

static void files_are_loaded_or_named(void **state)
{
    (void)state;
    char path[] = "/tmp/attune-script-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("# demo\ntap \"Start\"\nwait 500\nexpect screen consent\n", f);
    fclose(f);
    Script s;
    Diags d = { 0 };
    assert_true(script_load(&s, path, &d));
    assert_int_equal(s.count, 3);
    assert_string_equal(s.path, path);
    assert_int_equal(s.cmds[2].screen, SCREEN_CONSENT);
    assert_int_equal(s.cmds[2].line, 4);
    script_free(&s);

    /* too large: one error, nothing read */
    f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < SCRIPT_MAX_FILE / 8 + 1; i++)
        fputs("wait 10\n", f);
    fclose(f);
    assert_false(script_load(&s, path, &d));
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].message, "the file is larger than 1024 KiB: is it the right file?");
    assert_int_equal(s.count, 0);
    script_free(&s);
    diag_free(&d);
    unlink(path);

    assert_false(script_load(&s, path, &d));
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].message, "the script does not exist");
    assert_int_equal(d.items[0].line, 1);
    script_free(&s);
    diag_free(&d);

    assert_false(script_load(&s, "/", &d)); /* a folder */
    assert_int_equal(d.count, 1);
    assert_contains(d.items[0].message, "the script: ");
    script_free(&s);
    diag_free(&d);
}

/* A small, repeatable fuzz: valid lines cut, mixed and sprinkled with the bytes that
 * matter (quotes, backslashes, '#', '+', CR, high bytes). Under ASan+UBSan this catches
 * reads past `len` and overflows; the messages must stay valid UTF-8. `make fuzz` is for
 * the long runs. */
static void no_input_crashes_the_parser(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "tap ", "\"", "\\", "#", "+", "ctrl", "key ", "1", ".", "-", " ", "\t", "\r", "\n",
        "expect ", "screen ", "text ", "shot ", "wait ", "swipe ", "left", "quit", "é",
        "\xE2\x80", "\xFF", "99999999999", "idle", "result", "..", "/", "\xEF\xBB\xBF",
    };
    enum { PIECES = sizeof(pieces) / sizeof(pieces[0]) };
    uint32_t seed = 12345;
    char buf[512];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)(seed >> 16) % 40;
        for (int i = 0; i < count; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % PIECES];
            size_t l = strlen(p);
            if (n + l > sizeof(buf))
                break;
            memcpy(buf + n, p, l);
            n += l;
        }
        Script s;
        Diags d = { 0 };
        bool ok = parse_n(&s, buf, n, &d);
        assert_true(ok == (d.errors == 0));
        for (int i = 0; i < s.count; i++) {
            assert_non_null(s.cmds[i].text);
            assert_true(s.cmds[i].line >= 1);
            assert_true(utf8_valid(s.cmds[i].text, strlen(s.cmds[i].text), NULL));
        }
        for (int i = 0; i < d.count; i++)
            assert_true(utf8_valid(d.items[i].message, strlen(d.items[i].message), NULL));
        script_free(&s);
        diag_free(&d);
    }
}

/* found by the fuzzer: a word after the four of `hold` was read past the words kept */
static void a_word_after_hold_is_reported_not_overrun(void **state)
{
    (void)state;
    Script s;
    Diags d = { 0 };
    const char text[] = "hold 10 10 3500 x y z\nhold 1 2 3\n";
    assert_false(script_parse(&s, "t.txt", text, sizeof(text) - 1, &d));
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.items[0].line, 1);
    assert_non_null(strstr(d.items[0].message, "unexpected 'x'"));
    assert_int_equal(s.count, 1);
    assert_int_equal(s.cmds[0].op, SCRIPT_HOLD);
    assert_int_equal(s.cmds[0].ms, 3);
    script_free(&s);
    diag_free(&d);
}

/* The help comes from the parser's own table: every form, each on its line. */
static void the_help_lists_every_form(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    script_print_commands(f, "  ");
    rewind(f);
    char text[2048] = "";
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = '\0';
    static const char *const forms[] = { "  tap X Y ", "  tap \"Label\" ", "  swipe left|right ",
                                         "  key NAME ", "  quit ", "  wait MS ", "  shot NAME ",
                                         "  expect screen ID ", "  expect text \"...\" ",
                                         "  hold X Y MS " };
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
        assert_non_null(strstr(text, forms[i]));
    int lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, SCRIPT_OP_COUNT);
    for (int op = 0; op < SCRIPT_OP_COUNT; op++)
        assert_string_not_equal(script_op_name((ScriptOp)op), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_help_lists_every_form),
        cmocka_unit_test(a_word_after_hold_is_reported_not_overrun),
        cmocka_unit_test(every_command_is_parsed_with_its_line),
        cmocka_unit_test(every_screen_id_can_be_expected),
        cmocka_unit_test(comments_blank_lines_and_spaces_are_ignored),
        cmocka_unit_test(quoted_strings_take_escapes_and_utf8),
        cmocka_unit_test(keys_take_modifiers),
        cmocka_unit_test(every_mistake_is_named_at_its_line),
        cmocka_unit_test(the_brief_example_reads_as_written),
        cmocka_unit_test(a_shot_named_png_is_a_warning),
        cmocka_unit_test(line_ends_of_every_kind),
        cmocka_unit_test(empty_input_is_a_valid_empty_script),
        cmocka_unit_test(only_len_bytes_are_read),
        cmocka_unit_test(nul_bytes_and_utf16_are_refused_whole),
        cmocka_unit_test(a_file_in_another_encoding_is_summed_up),
        cmocka_unit_test(long_lines_are_read_and_quoted_short),
        cmocka_unit_test(many_mistakes_never_stop_the_parser),
        cmocka_unit_test(files_are_loaded_or_named),
        cmocka_unit_test(no_input_crashes_the_parser),
    };
    return cmocka_run_group_tests_name("script", tests, NULL, NULL);
}
