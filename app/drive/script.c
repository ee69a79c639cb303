/* script.c — see script.h.
 *
 * Read from the bottom up or the top down: script_parse() splits the text into lines;
 * parse_line() checks a line's bytes, cuts it into words (script_scan_words, in
 * script_words.c with the numbers and the messages' quoting) and lets the first word
 * pick a parser from the `commands` table. Each parser checks its own words, fills a
 * ScriptCmd and says how many words it used; whatever follows is reported as trailing.
 * One problem is reported per line, the first found, and parsing goes on at the next. */
#include "script_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/suggest.h"
#include "../core/textfile.h"
#include "../core/utf8.h"

/* ---------------------------------------------------------------------------------- */
/* Commands                                                                           */
/* ---------------------------------------------------------------------------------- */

/* A parser checks words 1.. of the line, fills `cmd`, and returns the number of words
 * the command used (the command word included), or 0 after reporting a problem. */
typedef int (*ParseFn)(Parser *p, ScriptCmd *cmd, const char *usage);

static int usage_error(Parser *p, const char *usage)
{
    script_report(p, DIAG_ERROR, "%s, not '%.*s%s'", usage, SHOWN(script_shown_command(p)));
    return 0;
}

static int parse_tap(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count >= 2 && p->words[1].quoted) {
        if (p->words[1].len == 2) {
            script_report(p, DIAG_ERROR, "'tap \"\"' has an empty label: write the label of a "
                          "button as it shows on screen, like tap \"Start\"");
            return 0;
        }
        cmd->op = SCRIPT_TAP_LABEL;
        cmd->text = script_word_text(p, &p->words[1]);
        return cmd->text ? 2 : 0;
    }
    if (p->count < 3 || p->words[2].quoted) {
        double ignored;
        if (p->count == 2 &&
            script_parse_number(&p->words[1], true, 1e300, &ignored) == NUMBER_BAD) {
            script_report(p, DIAG_ERROR,
                          "%s, not '%.*s%s' (a label goes in quotes: tap \"%.*s%s\")", usage,
                          SHOWN(script_shown_command(p)), SHOWN(script_shown_word(&p->words[1])));
            return 0;
        }
        return usage_error(p, usage);
    }
    double xy[2];
    for (int i = 0; i < 2; i++) {
        const Word *w = &p->words[1 + i];
        Number n = script_parse_number(w, true, SCRIPT_MAX_COORD, &xy[i]);
        if (n == NUMBER_TOO_BIG) {
            script_report(p, DIAG_ERROR, "%c = %.*s%s is out of range: 'tap' takes logical "
                          "pixels from 0 to %d", i ? 'Y' : 'X', SHOWN(script_shown_word(w)),
                          SCRIPT_MAX_COORD);
            return 0;
        }
        if (n != NUMBER_OK)
            return usage_error(p, usage);
    }
    cmd->op = SCRIPT_TAP_AT;
    cmd->x = (float)xy[0];
    cmd->y = (float)xy[1];
    return 3;
}

static int parse_swipe(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 2)
        return usage_error(p, usage);
    if (script_word_is(&p->words[1], "left"))
        cmd->dir = -1;
    else if (script_word_is(&p->words[1], "right"))
        cmd->dir = 1;
    else
        return usage_error(p, usage);
    cmd->op = SCRIPT_SWIPE;
    return 2;
}

static const char *const modifier_names[] = { "ctrl", "alt", "shift", "gui", NULL };

/* [mod+]...NAME: modifiers from the left while a '+' follows them, the rest is the key.
 * "+" alone is the plus key, so `key +` and `key ctrl++` work; an empty part does not. */
static int parse_key(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 2)
        return usage_error(p, usage);
    const Word *w = &p->words[1];
    cmd->op = SCRIPT_KEY;
    if (w->quoted) {
        if (w->len == 2) {
            script_report(p, DIAG_ERROR, "'key \"\"' names no key: %s", usage);
            return 0;
        }
        cmd->text = script_word_text(p, w);
        return cmd->text ? 2 : 0;
    }
    const char *rest = w->start, *end = w->start + w->len;
    for (;;) {
        size_t left = (size_t)(end - rest);
        if (left == 1 && rest[0] == '+')
            break;
        const char *plus = memchr(rest, '+', left);
        if (!plus)
            break;
        if (plus == rest || plus + 1 == end) {
            script_report(p, DIAG_ERROR, "key '%.*s%s' has an empty part: join modifiers and the "
                          "key name with single '+', like ctrl+q or ctrl+alt+F2",
                          SHOWN(script_shown_word(w)));
            return 0;
        }
        size_t n = (size_t)(plus - rest);
        unsigned bit = 0;
        for (int m = 0; modifier_names[m]; m++)
            if (n == strlen(modifier_names[m]) && suggest_distance(rest, n, modifier_names[m]) == 0)
                bit = 1u << m;
        if (!bit) {
            char hint[64];
            script_report(p, DIAG_ERROR, "unknown modifier '%.*s%s' in '%.*s%s'; modifiers are "
                          "ctrl, alt, shift and gui%s", SHOWN(script_shown(rest, n)),
                          SHOWN(script_shown_word(w)),
                          script_did_you_mean(hint, sizeof(hint), rest, n, modifier_names));
            return 0;
        }
        if (cmd->mods & bit) {
            script_report(p, DIAG_ERROR, "'%.*s' appears twice in '%.*s%s'", (int)n, rest,
                          SHOWN(script_shown_word(w)));
            return 0;
        }
        cmd->mods |= bit;
        rest = plus + 1;
    }
    cmd->text = arena_strndup(&p->s->arena, rest, (size_t)(end - rest));
    if (!cmd->text)
        p->out_of_memory = true;
    return cmd->text ? 2 : 0;
}

static int parse_quit(Parser *p, ScriptCmd *cmd, const char *usage)
{
    (void)p;
    (void)usage;
    cmd->op = SCRIPT_QUIT;
    return 1;
}

static int parse_wait(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 2)
        return usage_error(p, usage);
    double ms;
    Number n = script_parse_number(&p->words[1], false, SCRIPT_MAX_WAIT_MS, &ms);
    if (n == NUMBER_TOO_BIG) {
        script_report(p, DIAG_ERROR, "wait %.*s%s is out of range: 'wait' takes 0 to %d "
                      "milliseconds (one day)", SHOWN(script_shown_word(&p->words[1])),
                      SCRIPT_MAX_WAIT_MS);
        return 0;
    }
    if (n != NUMBER_OK)
        return usage_error(p, usage);
    cmd->op = SCRIPT_WAIT;
    cmd->ms = (long)ms;
    return 2;
}

/* hold X Y MS: a touch held still for MS milliseconds (the staff corner's long press). */
static int parse_hold(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 4)
        return usage_error(p, usage);
    double v[3];
    for (int i = 0; i < 3; i++) {
        Number n = script_parse_number(&p->words[1 + i], i < 2,
                                       i < 2 ? SCRIPT_MAX_COORD : SCRIPT_MAX_WAIT_MS, &v[i]);
        if (n != NUMBER_OK)
            return usage_error(p, usage);
    }
    cmd->op = SCRIPT_HOLD;
    cmd->x = (float)v[0];
    cmd->y = (float)v[1];
    cmd->ms = (long)v[2];
    return 4;
}

/* finger-down X Y: a finger put down and never lifted (a touch controller reset). */
static int parse_finger_down(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 3)
        return usage_error(p, usage);
    double v[2];
    for (int i = 0; i < 2; i++)
        if (script_parse_number(&p->words[1 + i], true, SCRIPT_MAX_COORD, &v[i]) != NUMBER_OK)
            return usage_error(p, usage);
    cmd->op = SCRIPT_FINGER_DOWN;
    cmd->x = (float)v[0];
    cmd->y = (float)v[1];
    return 3;
}

/* reload ["FOLDER"]: what SIGHUP does, with the files of FOLDER as the content's new
 * files when given (a script cannot edit the bundle between two of its lines). */
static int parse_reload(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count >= 2 && (!p->words[1].quoted || p->words[1].len == 2))
        return usage_error(p, usage);
    cmd->op = SCRIPT_RELOAD;
    if (p->count < 2)
        return 1;
    cmd->text = script_word_text(p, &p->words[1]);
    return cmd->text ? 2 : 0;
}

/* save "FROM" "TO": an author's save, as an editor makes it (a new file beside TO with
 * FROM's bytes, renamed over TO), for the live reload of the desktop profile. */
static int parse_save(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 3 || !p->words[1].quoted || !p->words[2].quoted || p->words[1].len == 2 ||
        p->words[2].len == 2)
        return usage_error(p, usage);
    cmd->op = SCRIPT_SAVE;
    cmd->text = script_word_text(p, &p->words[1]);
    cmd->to = cmd->text ? script_word_text(p, &p->words[2]) : NULL;
    return cmd->to ? 3 : 0;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

static int parse_shot(Parser *p, ScriptCmd *cmd, const char *usage)
{
    if (p->count < 2)
        return usage_error(p, usage);
    const char *name = script_word_text(p, &p->words[1]);
    if (!name)
        return 0;
    size_t len = strlen(name);
    Shown show = script_shown(name, len);
    for (size_t i = 0; i < len; i++) {
        if (!is_name_char(name[i])) {
            /* The name is valid UTF-8 (the line was): show the whole character. */
            unsigned char c = (unsigned char)name[i];
            size_t next = i;
            utf8_decode(name, len, &next);
            int n = (int)(next - i);
            const char *what = c == ' ' ? "a space" : c == '/' || c == '\\' ? "a folder" : NULL;
            if (what)
                script_report(p, DIAG_ERROR, "shot name '%.*s%s' has %s in it: %s", SHOWN(show),
                              what, usage);
            else
                script_report(p, DIAG_ERROR, "shot name '%.*s%s' has '%.*s' in it: %s", SHOWN(show),
                              n, name + i, usage);
            return 0;
        }
    }
    if (len == 0 || name[0] == '.' || strstr(name, "..")) {
        script_report(p, DIAG_ERROR, "shot name '%.*s%s' %s: %s", SHOWN(show),
                      len == 0 ? "is empty" : name[0] == '.' ? "starts with '.'" : "has '..' in it",
                      usage);
        return 0;
    }
    if (len > SCRIPT_MAX_SHOT_NAME) {
        script_report(p, DIAG_ERROR, "shot name '%.*s%s' is %zu characters long; at most %d fit",
                      SHOWN(show), len, SCRIPT_MAX_SHOT_NAME);
        return 0;
    }
    if (len > 4 && strcmp(name + len - 4, ".png") == 0)
        script_report(p, DIAG_WARNING, "'shot %s' saves %s.png: the .png is added, write "
                      "'shot %.*s'", name, name, (int)(len - 4), name);
    cmd->op = SCRIPT_SHOT;
    cmd->text = name;
    return 2;
}

/* "attract, consent, …, staff and idle", from screen.h. */
static void screen_list(char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < SCREEN_COUNT && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s, ", screen_id((Screen)i));
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (used < size)
        snprintf(buf + used - 2, size - used + 2, " and %s", screen_overlay_id);
}

static int parse_expect(Parser *p, ScriptCmd *cmd, const char *usage)
{
    static const char *const subjects[] = { "screen", "text", NULL };
    if (p->count < 3)
        return usage_error(p, usage);
    const Word *what = &p->words[1], *arg = &p->words[2];
    if (script_word_is(what, "screen")) {
        const char *id = script_word_text(p, arg);
        if (!id)
            return 0;
        Screen screen = strcmp(id, screen_overlay_id) == 0 ? SCREEN_COUNT : screen_from_id(id);
        if (screen == SCREEN_COUNT && strcmp(id, screen_overlay_id) != 0) {
            const char *names[SCREEN_COUNT + 2];
            for (int i = 0; i < SCREEN_COUNT; i++)
                names[i] = screen_id((Screen)i);
            names[SCREEN_COUNT] = screen_overlay_id;
            names[SCREEN_COUNT + 1] = NULL;
            char list[512], hint[64];
            screen_list(list, sizeof(list));
            script_report(p, DIAG_ERROR, "unknown screen '%.*s%s'; screens are %s%s",
                          SHOWN(script_shown(id, strlen(id))), list,
                          script_did_you_mean(hint, sizeof(hint), id, strlen(id), names));
            return 0;
        }
        cmd->op = SCRIPT_EXPECT_SCREEN;
        cmd->screen = screen;
        cmd->text = id;
        return 3;
    }
    if (script_word_is(what, "text")) {
        if (!arg->quoted) {
            script_report(p, DIAG_ERROR, "'expect text' takes the text in double quotes, like "
                          "expect text \"Your style\", not '%.*s%s'",
                          SHOWN(script_shown_command(p)));
            return 0;
        }
        if (arg->len == 2) {
            script_report(p, DIAG_ERROR, "'expect text \"\"' expects no text at all: write the "
                          "text that should be visible between the quotes");
            return 0;
        }
        cmd->op = SCRIPT_EXPECT_TEXT;
        cmd->text = script_word_text(p, arg);
        return cmd->text ? 3 : 0;
    }
    char hint[64];
    script_report(p, DIAG_ERROR, "%s, not '%.*s%s'%s", usage, SHOWN(script_shown_command(p)),
                  what->quoted ? "" : script_did_you_mean(hint, sizeof(hint), what->start,
                                                          what->len, subjects));
    return 0;
}

/* The script language, listed once: one row per form of a command, in ScriptOp order.
 * The parser picks the first row whose name is the line's first word, and its `parse`
 * checks every form of that command; `usage` starts the message for words that do not
 * fit. The messages that name every command, the suggestions and script_print_commands
 * (for --help) are made from the rows. `listed` is false for hold, finger-down and reload,
 * which go beyond the contract's list of commands and are named only in their own
 * messages. */
typedef struct Command {
    const char *name, *args, *help;
    ParseFn parse;          /* on the first form of a command only */
    const char *usage;
    bool listed;
} Command;

static const Command commands[SCRIPT_OP_COUNT] = {
    [SCRIPT_TAP_AT] = { "tap", "X Y", "a touch at logical pixel X Y (decimals allowed)",
                        parse_tap, "'tap' takes X Y (logical pixels, like tap 120 48.5) or a "
                        "\"Label\" in double quotes", true },
    [SCRIPT_TAP_LABEL] = { "tap", "\"Label\"", "a touch on the target with exactly this label",
                           NULL, NULL, true },
    [SCRIPT_SWIPE] = { "swipe", "left|right", "a swipe to the left or right", parse_swipe,
                       "'swipe' takes left or right", true },
    [SCRIPT_KEY] = { "key", "NAME", "a key as SDL names it; ctrl+, alt+, shift+, gui+ in front",
                     parse_key, "'key' takes a key name as SDL names it (like Escape, Return, "
                     "F11), with ctrl+, alt+, shift+ or gui+ in front if needed", true },
    [SCRIPT_QUIT] = { "quit", "", "a window-close request", parse_quit, "'quit' takes nothing",
                      true },
    [SCRIPT_WAIT] = { "wait", "MS", "MS milliseconds on the virtual clock", parse_wait,
                      "'wait' takes whole milliseconds from 0 to 86400000, like wait 1500", true },
    [SCRIPT_SHOT] = { "shot", "NAME", "saves NAME.png in the --shots folder", parse_shot,
                      "'shot' takes a file name of letters, digits, '-', '_' and '.', like "
                      "shot home-800x480", true },
    [SCRIPT_EXPECT_SCREEN] = { "expect", "screen ID", "fails unless screen ID (or idle, the "
                               "overlay) is showing", parse_expect, "'expect' takes screen ID "
                               "or text \"...\" in double quotes", true },
    [SCRIPT_EXPECT_TEXT] = { "expect", "text \"...\"", "fails unless this text is visible",
                             NULL, NULL, true },
    [SCRIPT_HOLD] = { "hold", "X Y MS", "a touch at X Y held still for MS milliseconds "
                      "(a long press)", parse_hold, "'hold' takes X Y MS: a touch at logical "
                      "pixel X Y held for MS milliseconds, like hold 10 10 3500", false },
    [SCRIPT_FINGER_DOWN] = { "finger-down", "X Y", "a finger put down at X Y whose finger-up "
                             "never comes (a touch controller reset)", parse_finger_down,
                             "'finger-down' takes X Y: logical pixels, like finger-down 400 240",
                             false },
    [SCRIPT_RELOAD] = { "reload", "[\"FOLDER\"]", "what SIGHUP does: the content checked "
                        "and reloaded (from FOLDER when given)", parse_reload, "'reload' takes "
                        "nothing, or a content folder in double quotes, like reload \"new/en\"",
                        false },
    [SCRIPT_SAVE] = { "save", "\"FROM\" \"TO\"", "an author's save: TO gets FROM's bytes (a new "
                      "file renamed over it, as editors save)", parse_save, "'save' takes two "
                      "files in double quotes, like save \"edits/quiz.ini\" \"en/quiz.ini\"", false },
};

const char *script_op_name(ScriptOp op)
{
    return op >= 0 && op < SCRIPT_OP_COUNT ? commands[op].name : "?";
}

/* The command of the first form named like the word, or NULL. */
static const Command *find_command(const Word *w)
{
    for (int c = 0; c < SCRIPT_OP_COUNT; c++)
        if (commands[c].parse && script_word_is(w, commands[c].name))
            return &commands[c];
    return NULL;
}

/* Every command word once, in table order (NULL-terminated); with `listed_only`, only
 * the listed ones. Returns how many. */
static int command_names(const char **names, bool listed_only)
{
    int n = 0;
    for (int c = 0; c < SCRIPT_OP_COUNT; c++)
        if (commands[c].parse && (commands[c].listed || !listed_only))
            names[n++] = commands[c].name;
    names[n] = NULL;
    return n;
}

/* "tap, swipe, … and expect": the listed commands, the last after `last` (" and "). */
static const char *listed_commands(char *buf, size_t size, const char *last)
{
    const char *names[SCRIPT_OP_COUNT + 1];
    int n = command_names(names, true);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : i == n - 1 ? last : ", ",
                 names[i]);
    }
    return buf;
}

void script_print_commands(FILE *out, const char *indent)
{
    for (int c = 0; c < SCRIPT_OP_COUNT; c++) {
        char form[32];
        snprintf(form, sizeof(form), "%s%s%s", commands[c].name, commands[c].args[0] ? " " : "",
                 commands[c].args);
        fprintf(out, "%s%-18s %s\n", indent, form, commands[c].help);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Lines                                                                              */
/* ---------------------------------------------------------------------------------- */


static bool add_command(Parser *p, const ScriptCmd *cmd)
{
    Script *s = p->s;
    if (s->count == s->capacity) {
        int capacity = s->capacity ? s->capacity * 2 : 64;
        ScriptCmd *cmds = realloc(s->cmds, (size_t)capacity * sizeof(*cmds));
        if (!cmds) {
            p->out_of_memory = true;
            return false;
        }
        s->cmds = cmds;
        s->capacity = capacity;
    }
    s->cmds[s->count++] = *cmd;
    return true;
}

static void parse_line(Parser *p, const char *text, size_t len, bool utf8)
{
    p->text = text;
    p->len = len;
    if (!utf8 || !script_check_bytes(p) || !script_scan_words(p) || p->count == 0)
        return;
    const Word *first = &p->words[0];
    char list[128];
    if (first->quoted) {
        script_report(p, DIAG_ERROR, "a line starts with a command (%s), not with a quoted string",
                      listed_commands(list, sizeof(list), " or "));
        return;
    }
    const Command *command = find_command(first);
    if (!command) {
        const char *names[SCRIPT_OP_COUNT + 1];
        command_names(names, false);
        const char *s = suggest_near(first->start, first->len, names);
        if (s)
            script_report(p, DIAG_ERROR, "unknown command '%.*s%s'; did you mean '%s'?",
                          SHOWN(script_shown_word(first)), s);
        else
            script_report(p, DIAG_ERROR, "unknown command '%.*s%s'; commands are %s",
                          SHOWN(script_shown_word(first)),
                          listed_commands(list, sizeof(list), " and "));
        return;
    }
    ScriptCmd cmd = { .line = p->line, .text = "", .to = "", .screen = SCREEN_COUNT };
    int used = command->parse(p, &cmd, command->usage);
    if (used == 0)
        return;
    if (p->count > used && used < KEPT_WORDS) {
        script_report(p, DIAG_ERROR, "unexpected '%.*s%s' after '%.*s%s': one command a line "
                      "(a comment starts with #)", SHOWN(script_shown_word(&p->words[used])),
                      SHOWN(script_shown_words(p, 0, used)));
        return;
    }
    add_command(p, &cmd);
}

/* ---------------------------------------------------------------------------------- */
/* Files                                                                              */
/* ---------------------------------------------------------------------------------- */

static bool start(Script *s, const char *path, Diags *diags)
{
    *s = (Script){ 0 };
    s->path = arena_strdup(&s->arena, path);
    if (!s->path) {
        diag_add(diags, path, 1, DIAG_ERROR, "out of memory while reading the script");
        return false;
    }
    return true;
}

static bool parse_text(Script *s, const char *text, size_t len, Diags *diags)
{
    TextFile file;
    if (!textfile_start(&file, diags, s->path, text, len, SCRIPT_MAX_FILE))
        return false;
    Parser p = { .s = s, .diags = diags, .path = s->path };
    const char *line;
    size_t n;
    bool utf8;
    while (!p.out_of_memory && textfile_next(&file, &line, &n, &utf8)) {
        p.line = file.line;
        parse_line(&p, line, n, utf8);
    }
    textfile_end(&file);
    if (p.out_of_memory) {
        diag_add(diags, s->path, 1, DIAG_ERROR, "out of memory while reading the script");
        free(s->cmds);
        s->cmds = NULL;
        s->count = s->capacity = 0;
        return false;
    }
    return true;
}

bool script_parse(Script *s, const char *path, const char *text, size_t len, Diags *diags)
{
    int errors = diags->errors;
    if (!start(s, path, diags))
        return false;
    parse_text(s, text, len, diags);
    return diags->errors == errors;
}

bool script_load(Script *s, const char *path, Diags *diags)
{
    int errors = diags->errors;
    char *data = NULL;
    if (!start(s, path, diags))
        goto done;
    size_t len;
    data = textfile_read(diags, path, SCRIPT_MAX_FILE, "the script", &len);
    if (data)
        parse_text(s, data, len, diags);
done:
    free(data);
    return diags->errors == errors;
}

void script_free(Script *s)
{
    free(s->cmds);
    arena_free(&s->arena);
    *s = (Script){ 0 };
}
