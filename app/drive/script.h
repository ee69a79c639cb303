/* script.h — the scripts of `attune --headless --script FILE`, parsed into commands.
 *
 * A script is one command a line, as docs/design.md ("The script language") describes:
 *
 *     # a comment; blank lines are fine
 *     tap 400 240              # a touch at logical pixel X Y (decimals allowed)
 *     tap "I’m still here"     # a touch on the target with exactly this label
 *     swipe left               # or right
 *     key Escape               # an SDL key name; ctrl+, alt+, shift+, gui+ in front
 *     key ctrl+alt+F2
 *     key "Left Shift"         # a quoted name is taken whole (spaces, '+', '#')
 *     quit                     # a window-close request
 *     wait 1500                # milliseconds on the virtual clock
 *     shot home-800x480        # saves home-800x480.png in the --shots folder
 *     expect screen result     # a screen id of screen.h, or idle (the overlay)
 *     expect text "Your style"
 *     hold 10 10 3500          # a touch held still for MS milliseconds (a long press)
 *     finger-down 400 240      # a finger put down whose finger-up never comes
 *
 * (The commands are listed once, in script.c's table: the parser, its messages and
 * script_print_commands come from it.)
 *
 * `#` starts a comment anywhere outside a quoted string. Words are separated by spaces or
 * tabs. Quoted strings are UTF-8 text in double quotes, where \" is a quote and \\ a
 * backslash. Lines end with LF or CRLF (a file with only CRs is read too); the last line
 * needs no newline; a UTF-8 byte order mark at the start is skipped.
 *
 * This is the pure half: it knows the words, not the screen. Whether a label or a key
 * name exists, or whether X Y is inside the window, is up to the runner, which knows the
 * current view and maps key names with SDL_GetKeyFromName. Like the other loaders it
 * never prints and never stops at the first problem: each one goes to a Diags list as
 * `path:line: error: …`, saying what was expected. */
#ifndef ATTUNE_SCRIPT_H
#define ATTUNE_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/arena.h"
#include "../core/diag.h"
#include "../core/screen.h"

/* A larger file is not read (one error); a script is a few hundred lines. */
enum { SCRIPT_MAX_FILE = 1024 * 1024 };

/* The ranges a number may take: a tap's X and Y in logical pixels (decimals allowed),
 * a wait in whole milliseconds (one day), and a shot name's length in bytes (so that
 * NAME.png stays a valid file name). */
enum { SCRIPT_MAX_COORD = 100000, SCRIPT_MAX_WAIT_MS = 86400000, SCRIPT_MAX_SHOT_NAME = 200 };

typedef enum ScriptOp {
    SCRIPT_TAP_AT,        /* tap X Y: x, y */
    SCRIPT_TAP_LABEL,     /* tap "Label": text = the label */
    SCRIPT_SWIPE,         /* swipe left|right: dir = -1 (left) or +1 (right) */
    SCRIPT_KEY,           /* key [mods+]NAME: mods, text = the key name */
    SCRIPT_QUIT,          /* quit */
    SCRIPT_WAIT,          /* wait MS: ms */
    SCRIPT_SHOT,          /* shot NAME: text = NAME (without .png) */
    SCRIPT_EXPECT_SCREEN, /* expect screen ID: screen, text = ID */
    SCRIPT_EXPECT_TEXT,   /* expect text "...": text = the text */
    SCRIPT_HOLD,          /* hold X Y MS: x, y, ms (a long press) */
    SCRIPT_FINGER_DOWN,   /* finger-down X Y: x, y (a finger whose finger-up never comes) */
    SCRIPT_RELOAD,        /* reload ["FOLDER"]: text = the folder, or "" (the bundle's) */
    SCRIPT_SAVE,          /* save "FROM" "TO": text = FROM, to = TO (an author's save) */
    SCRIPT_OP_COUNT
} ScriptOp;

/* Modifier bits of a SCRIPT_KEY command. */
enum { SCRIPT_MOD_CTRL = 1, SCRIPT_MOD_ALT = 2, SCRIPT_MOD_SHIFT = 4, SCRIPT_MOD_GUI = 8 };

typedef struct ScriptCmd {
    ScriptOp op;
    int line;           /* 1-based line of the command in the script */
    float x, y;         /* SCRIPT_TAP_AT: 0..SCRIPT_MAX_COORD */
    int dir;            /* SCRIPT_SWIPE: -1 left, +1 right */
    unsigned mods;      /* SCRIPT_KEY: SCRIPT_MOD_* bits */
    Screen screen;      /* SCRIPT_EXPECT_SCREEN: the screen, or SCREEN_COUNT for "idle" */
    long ms;            /* SCRIPT_WAIT: 0..SCRIPT_MAX_WAIT_MS */
    const char *text;   /* label, key name, shot name, screen id or expected text (decoded,
                         * NUL-terminated, valid UTF-8); "" for the other commands, never
                         * NULL. Owned by the Script. */
    const char *to;     /* SCRIPT_SAVE: the file saved over; "" for the others */
} ScriptCmd;

typedef struct Script {
    ScriptCmd *cmds;    /* in file order */
    int count, capacity;
    const char *path;   /* the path given to script_parse/script_load, for messages */
    Arena arena;        /* owns path and every text */
} Script;

/* Parses `len` bytes of script text (not necessarily NUL-terminated; any bytes at all)
 * read from `path`, which is used only in messages and copied. `s` need not be
 * initialised; it is overwritten. Every problem is added to `diags` as path:line, one
 * per line at most, and parsing goes on with the next line. The commands of the valid
 * lines are kept in `s` either way, but a script with errors is not meant to be run.
 *
 * Whole-file problems give a single error and no commands: more than SCRIPT_MAX_FILE
 * bytes, NUL bytes (a binary or UTF-16 file), or running out of memory.
 *
 * Returns true when no error was added (warnings, such as `shot home.png`, do not count).
 * Empty input is a valid script with no commands. Call script_free() afterwards in every
 * case. */
bool script_parse(Script *s, const char *path, const char *text, size_t len, Diags *diags);

/* Reads the file at `path` and parses it as script_parse() does. A missing, unreadable
 * or too large file gives one error about the file (at line 1) and returns false. */
bool script_load(Script *s, const char *path, Diags *diags);

/* Frees the commands and their strings; `s` is empty afterwards and can be reused. */
void script_free(Script *s);

/* The command's word ("tap", "swipe", "key", "quit", "wait", "shot", "expect", "hold",
 * "reload"),
 * for logs; "?" for a value out of range. */
const char *script_op_name(ScriptOp op);

/* Writes the script language for --help: one line per form of a command ("tap X Y",
 * "tap \"Label\"", …), each starting with `indent`, with what it does. From the same
 * table the parser and its messages use. */
void script_print_commands(FILE *out, const char *indent);

#endif
