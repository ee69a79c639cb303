/* script_words.c — the script parser's view of one line: its bytes checked, cut into
 * words (plain or "quoted", up to a # comment), a word's text and number, and the messages
 * that quote short pieces of it (SHOWN) with a suggestion for a near miss. script.c reads
 * the words as commands. */
#include "script_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/suggest.h"
#include "../core/utf8.h"

/* ---------------------------------------------------------------------------------- */
/* Words                                                                              */
/* ---------------------------------------------------------------------------------- */

/* Adds one problem at the current line. Messages quote only short pieces of the line
 * (see SHOWN), so diag_add's own 1024-byte limit never cuts one. */
void script_report(Parser *p, DiagLevel level, const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    diag_add(p->diags, p->path, p->line, level, "%s", message);
}

Shown script_shown(const char *s, size_t len)
{
    Shown r = { (int)len, s, "" };
    if (len > SHOWN_MAX) {
        r.len = (int)utf8_floor(s, SHOWN_MAX); /* s[SHOWN_MAX] exists: len is larger */
        r.more = "…";
    }
    return r;
}

Shown script_shown_word(const Word *w)
{
    return script_shown(w->start, w->len);
}

/* Words first..last-1 as written, with what lies between them (spaces, tabs). */
Shown script_shown_words(const Parser *p, int first, int last)
{
    if (last > p->count)
        last = p->count;
    if (last > KEPT_WORDS)
        last = KEPT_WORDS; /* words past these were counted, not kept */
    if (first >= last)
        return script_shown("", 0);
    const Word *a = &p->words[first], *b = &p->words[last - 1];
    return script_shown(a->start, (size_t)(b->start + b->len - a->start));
}

/* Everything of the command, from its first word to its last, for "not '…'" messages. */
Shown script_shown_command(const Parser *p)
{
    return script_shown_words(p, 0, p->count);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The 1-based column (in characters) of byte `offset` of the line. */
static size_t column(const Parser *p, size_t offset)
{
    return utf8_count(p->text, offset < p->len ? offset : p->len) + 1;
}

/* Bytes that cannot be typed into a script: control characters (broken UTF-8 has been
 * reported by the line reader). */
bool script_check_bytes(Parser *p)
{
    for (size_t i = 0; i < p->len; i++) {
        unsigned char c = (unsigned char)p->text[i];
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            script_report(p, DIAG_ERROR, "a control character (byte 0x%02X at column %zu)%s: "
                          "delete it", c, column(p, i),
                          c == '\r' ? ", a carriage return in the middle of the line" : "");
            return false;
        }
    }
    return true;
}

/* Cuts the line into words up to its comment. Returns false after reporting a quoted
 * string that is not closed or has an escape other than \" and \\. */
bool script_scan_words(Parser *p)
{
    const char *t = p->text;
    size_t len = p->len, i = 0;
    p->count = 0;
    for (;;) {
        while (i < len && is_blank(t[i]))
            i++;
        if (i == len || t[i] == '#')
            return true;
        Word w = { t + i, 0, t[i] == '"' };
        if (w.quoted) {
            size_t open = i++;
            while (i < len && t[i] != '"') {
                if (t[i] == '\\' && i + 1 < len) {
                    if (t[i + 1] != '"' && t[i + 1] != '\\') {
                        /* The line is valid UTF-8: show the whole character after '\'. */
                        size_t next = i + 1;
                        utf8_decode(t, len, &next);
                        size_t n = next - (i + 1);
                        script_report(p, DIAG_ERROR,
                                      "unknown escape '\\%.*s' at column %zu in a quoted string: "
                                      "only \\\" (a quote) and \\\\ (a backslash) are escapes",
                                      (int)n, t + i + 1, column(p, i));
                        return false;
                    }
                    i += 2;
                } else
                    i++;
            }
            if (i == len) {
                script_report(p, DIAG_ERROR,
                              "the quote at column %zu is never closed: end the text with \" "
                              "(a quote inside the text is written \\\")", column(p, open));
                return false;
            }
            i++; /* the closing quote */
            w.len = i - open;
        } else {
            while (i < len && !is_blank(t[i]) && t[i] != '#' && t[i] != '"')
                i++;
            w.len = (size_t)(t + i - w.start);
        }
        if (p->count < KEPT_WORDS)
            p->words[p->count] = w;
        p->count++;
    }
}

/* A word's text: a quoted one decoded into the script's arena, a plain one copied.
 * NULL when out of memory (noted in the parser). */
const char *script_word_text(Parser *p, const Word *w)
{
    const char *src = w->quoted ? w->start + 1 : w->start;
    size_t n = w->quoted ? w->len - 2 : w->len;
    char *out = arena_alloc(&p->s->arena, n + 1);
    if (!out) {
        p->out_of_memory = true;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (w->quoted && src[i] == '\\')
            i++; /* script_scan_words let only \" and \\ through, never a lone '\' at the end */
        out[o++] = src[i];
    }
    out[o] = '\0';
    return out;
}

bool script_word_is(const Word *w, const char *s)
{
    return !w->quoted && w->len == strlen(s) && memcmp(w->start, s, w->len) == 0;
}

/* ---------------------------------------------------------------------------------- */
/* Suggestions (the distance and the rule are core/suggest.h's)                      */
/* ---------------------------------------------------------------------------------- */

/* "; did you mean 'x'?" or "" — to follow a message. `buf` holds at least 64 bytes. */
const char *script_did_you_mean(char *buf, size_t size, const char *word, size_t len,
                                       const char *const *names)
{
    const char *s = suggest_near(word, len, names);
    if (!s)
        return "";
    snprintf(buf, size, "; did you mean '%s'?", s);
    return buf;
}

/* ---------------------------------------------------------------------------------- */
/* Numbers                                                                            */
/* ---------------------------------------------------------------------------------- */

/* digits, or digits '.' digits when `decimals`; a leading '-' makes NUMBER_NEGATIVE (when
 * the rest is a number). Parsed by hand: strtod follows the locale's decimal point. */
Number script_parse_number(const Word *w, bool decimals, double max, double *out)
{
    const char *s = w->start;
    size_t len = w->len, i = 0;
    if (w->quoted || len == 0)
        return NUMBER_BAD;
    bool negative = s[0] == '-';
    if (negative)
        i++;
    double value = 0;
    bool too_big = false;
    size_t digits = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
        if (!too_big)
            value = value * 10 + (s[i] - '0');
        too_big = value > max;
    }
    if (digits == 0)
        return NUMBER_BAD;
    if (decimals && i < len && s[i] == '.') {
        i++;
        double scale = 0.1;
        size_t fraction = 0;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, fraction++) {
            value += (s[i] - '0') * scale;
            scale *= 0.1;
        }
        if (fraction == 0)
            return NUMBER_BAD;
        too_big = too_big || value > max;
    }
    if (i != len)
        return NUMBER_BAD;
    if (negative)
        return NUMBER_NEGATIVE;
    if (too_big)
        return NUMBER_TOO_BIG;
    *out = value;
    return NUMBER_OK;
}
