/* script_internal.h — what script.c (the commands, the lines, the files) shares with
 * script_words.c (a line's bytes and words, the numbers in them, the messages that quote
 * them), and nothing outside the script parser uses. */
#ifndef ATTUNE_SCRIPT_INTERNAL_H
#define ATTUNE_SCRIPT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "script.h"

/* A word as written: a run of characters up to a space, a tab, '#' or '"', or a quoted
 * string including its quotes. Both point into the line; quoted ones are decoded on use. */
typedef struct Word {
    const char *start;
    size_t len;
    bool quoted;
} Word;

/* No command takes more than four words (hold X Y MS); a fifth is enough to report as
 * trailing. */
enum { KEPT_WORDS = 5 };

typedef struct Parser {
    Script *s;
    Diags *diags;
    const char *path;
    int line;
    const char *text;        /* the current line, without its line end */
    size_t len;
    Word words[KEPT_WORDS];
    int count;               /* words on the line; only the first KEPT_WORDS are kept */
    bool out_of_memory;
} Parser;

/* A piece of the line for a message: at most SHOWN_MAX bytes, cut on a character
 * boundary, with "…" when cut. Use as printf("'%.*s%s'", SHOWN(piece)). */
enum { SHOWN_MAX = 60 };
typedef struct Shown {
    int len;
    const char *s;
    const char *more;
} Shown;
#define SHOWN(x) (x).len, (x).s, (x).more

typedef enum Number { NUMBER_OK, NUMBER_BAD, NUMBER_NEGATIVE, NUMBER_TOO_BIG } Number;

/* Adds one problem at the current line. */
void script_report(Parser *p, DiagLevel level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Pieces of the line for a message (see SHOWN): any text, a word, words first..last-1,
 * the whole command. */
Shown script_shown(const char *s, size_t len);
Shown script_shown_word(const Word *w);
Shown script_shown_words(const Parser *p, int first, int last);
Shown script_shown_command(const Parser *p);

/* False after reporting a control character in the line. */
bool script_check_bytes(Parser *p);

/* Cuts the line into p->words up to its comment; false after reporting a bad quote. */
bool script_scan_words(Parser *p);

/* A word's text, in the script's arena (NULL when out of memory). */
const char *script_word_text(Parser *p, const Word *w);

/* Whether the word is `s`, unquoted. */
bool script_word_is(const Word *w, const char *s);

/* "; did you mean 'x'?" or "". */
const char *script_did_you_mean(char *buf, size_t size, const char *word, size_t len,
                                const char *const *names);

/* The word as a number up to `max` (with decimals when `decimals`). */
Number script_parse_number(const Word *w, bool decimals, double max, double *out);

#endif
