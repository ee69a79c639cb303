/* text.c — see text.h. Greedy wrapping: as many pieces as fit, then the next line. Where a
 * line may end is libunibreak's answer (UAX #14), asked for a window of the paragraph at a
 * time in a buffer on the stack. The text need not be NUL-terminated nor well-formed:
 * nothing past `len` is read. */
#include "text.h"

#include <linebreak.h>
#include <string.h>

#include "../core/utf8.h"

enum { TEXT_WINDOW = 1024 }; /* bytes whose break opportunities are known at once */

const char text_hyphen[] = "-";

typedef struct Breaks {
    const char *text, *lang;
    int len;
    int from, to;            /* brk[i] is about the byte from + i, for from <= byte < to */
    char brk[TEXT_WINDOW];   /* LINEBREAK_*: may a line end after this byte */
} Breaks;

void text_init(void)
{
    init_linebreak();
}

static int width_of(const Measure *m, FontRole font, const char *text, int len)
{
    return len > 0 ? m->width(m->ctx, font, text, len) : 0;
}

/* Fills the window from byte `from`, ending on a character boundary. */
static void breaks_fill(Breaks *b, int from)
{
    int n = b->len - from;
    if (n > TEXT_WINDOW) {
        n = (int)utf8_floor(b->text + from, TEXT_WINDOW);
        if (n == 0)
            n = TEXT_WINDOW; /* not UTF-8: cut anywhere */
    }
    b->from = from;
    b->to = from + n;
    memset(b->brk, LINEBREAK_NOBREAK, (size_t)n); /* a cut sequence at the end is left unset */
    set_linebreaks_utf8((const utf8_t *)b->text + from, (size_t)n, b->lang, b->brk);
}

/* A letter of a script whose words are hyphenated when cut: Latin, Greek, Cyrillic. */
static bool hyphenates(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x52F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1FFF);
}

/* An em dash (U+2014) at byte p right after such a letter: UAX #14 lets a line start with
 * it ("failure|—it's"), which these scripts' typography does not; after it is fine. */
static bool dash_after_letter(const Breaks *b, int p)
{
    if (p + 3 > b->len || memcmp(b->text + p, "\xE2\x80\x94", 3) != 0)
        return false;
    int q = p - 1;
    while (q > 0 && ((unsigned char)b->text[q] & 0xC0) == 0x80)
        q--;
    size_t at = (size_t)q;
    return hyphenates(utf8_decode(b->text, (size_t)p, &at));
}

/* True when a line that starts at byte `line` may end before byte `p` (line < p <= len).
 * The last byte of a window that stops short of the text is no answer (libunibreak ends
 * every text there), so the window moves to the line's start; past it, no break. */
static bool may_break(Breaks *b, int line, int p)
{
    if (p >= b->len)
        return true;
    if (p - 1 < b->from || p >= b->to) {
        breaks_fill(b, line);
        if (p >= b->to)
            return false;
    }
    char k = b->brk[p - 1 - b->from];
    return (k == LINEBREAK_ALLOWBREAK || k == LINEBREAK_MUSTBREAK) && !dash_after_letter(b, p);
}

static int skip_spaces(const char *text, int len, int pos)
{
    while (pos < len && text[pos] == ' ')
        pos++;
    return pos;
}

/* A mark drawn on the character before it (a line is never cut in front of one). */
static bool is_mark(uint32_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || (c >= 0x591 && c <= 0x5C7) ||
           (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) || c == 0x670 ||
           (c >= 0x6D6 && c <= 0x6ED) || c == 0xE31 || (c >= 0xE34 && c <= 0xE3A) ||
           (c >= 0xE47 && c <= 0xE4E) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           c == 0x200C || c == 0x200D || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

/* The character that ends before byte q (q > from), and where it starts. */
static uint32_t char_before(const char *text, int from, int q, int *start)
{
    int s = q - 1;
    while (s > from && ((unsigned char)text[s] & 0xC0) == 0x80)
        s--;
    size_t at = (size_t)s;
    *start = s;
    return utf8_decode(text, (size_t)q, &at);
}

static bool is_vowel(uint32_t c)
{
    if (c < 0x80)
        return c != 0 && strchr("aeiouyAEIOUY", (int)c) != NULL;
    if (c >= 0xC0 && c <= 0xDE)
        c += 0x20; /* Latin-1's capitals, lowered */
    return (c >= 0xE0 && c <= 0xE6) || (c >= 0xE8 && c <= 0xEF) || (c >= 0xF2 && c <= 0xF6) ||
           (c >= 0xF8 && c <= 0xFD) || c == 0xFF;
}

static bool is_consonant(uint32_t c)
{
    return hyphenates(c) && !is_vowel(c) && !is_mark(c) && c != 'h'; /* never c|h, s|ch, t|h */
}

/* Whether a hyphen at byte q of [pos, stop) falls where a reader expects one, between
 * syllables by the plain rules of most Latin-script languages: a consonant between two
 * vowels starts the next (Bindungsvermei-dung), and so does the second of two consonants
 * (Verhal-tens, er-kennen: after a vowel, before one). Not a dictionary; a better place
 * than anywhere. At least two letters stay on each side. */
static bool syllable_break(const char *text, int pos, int stop, int q)
{
    int a_at, d_at;
    if (q - pos < 2 || stop - q < 2)
        return false;
    uint32_t a = char_before(text, pos, q, &a_at);
    if (a_at <= pos)
        return false;
    uint32_t d = char_before(text, pos, a_at, &d_at);
    size_t at = (size_t)q;
    uint32_t b = utf8_decode(text, (size_t)stop, &at);
    if ((int)at >= stop)
        return false;
    uint32_t c = utf8_decode(text, (size_t)stop, &at);
    if (!is_consonant(b) || !is_vowel(c))
        return false;
    return is_vowel(a) || (is_consonant(a) && is_vowel(d) && !(a == 'c' && b == 'k'));
}

/* A cut at `cut` moved back, by at most a few characters, to a syllable boundary, else so
 * that at least two characters go to the next line. */
static int better_cut(const char *text, int pos, int stop, int cut)
{
    int q = cut;
    for (int back = 0; back < 6 && q > pos; back++) {
        if (syllable_break(text, pos, stop, q))
            return q;
        char_before(text, pos, q, &q);
    }
    int start;
    if (utf8_count(text + cut, (size_t)(stop - cut)) >= 2 || cut <= pos)
        return cut;
    uint32_t a = char_before(text, pos, cut, &start);
    if (utf8_count(text + pos, (size_t)(start - pos)) < 2)
        return cut; /* two characters stay on this line too */
    uint32_t b = char_before(text, pos, start, &q);
    return hyphenates(a) && !is_mark(a) && hyphenates(b) ? start : cut;
}

/* The longest start of [pos, stop) that fits in `max_width` with its hyphen (at least one
 * character, so that every line holds something), moved back to a better place to hyphenate
 * when there is one near; its hyphen's width goes to *hyphen. */
static int cut_piece(const Measure *m, FontRole font, const char *text, int pos, int stop,
                     float max_width, int *hyphen)
{
    int dash = -1; /* the hyphen's width, measured when first needed */
    int cut = pos;
    size_t next = (size_t)pos;
    uint32_t before = 0;
    *hyphen = 0;
    while ((int)next < stop) {
        uint32_t c = utf8_decode(text, (size_t)stop, &next);
        uint32_t after = 0;
        for (size_t probe = next; (int)probe < stop; next = probe) { /* marks stay with it */
            after = utf8_decode(text, (size_t)stop, &probe);
            if (!is_mark(after))
                break;
        }
        if (!is_mark(c))
            before = c;
        int h = 0;
        if ((int)next < stop && hyphenates(before) && hyphenates(after)) {
            if (dash < 0)
                dash = width_of(m, font, text_hyphen, 1);
            h = dash;
        }
        if (cut > pos && width_of(m, font, text + pos, (int)next - pos) + h > max_width)
            break;
        cut = (int)next;
        *hyphen = h;
    }
    if (*hyphen > 0)
        cut = better_cut(text, pos, stop, cut);
    return cut;
}

int text_wrap(const Measure *m, FontRole font, const char *text, int len, float max_width,
              TextLine *lines, int max_lines)
{
    Breaks b;
    b.text = text;
    b.lang = m->lang;
    b.len = len;
    b.from = b.to = 0;
    int count = 0;
    int pos = skip_spaces(text, len, 0);
    while (pos < len) {
        int end = pos, next = pos; /* where the line's text ends, and where the next starts */
        int width = 0;
        for (int p = pos + 1; p <= len; p++) {
            if (!may_break(&b, pos, p))
                continue;
            int shown = p;
            while (shown > pos && text[shown - 1] == ' ')
                shown--;
            int w = width_of(m, font, text + pos, shown - pos);
            if (end > pos && w > max_width)
                break;
            end = shown;
            next = p;
            width = w;
            if (w > max_width)
                break; /* a first piece wider than the line: cut below */
        }
        int hyphen = 0;
        if (width > max_width) {
            end = next = cut_piece(m, font, text, pos, end, max_width, &hyphen);
            width = width_of(m, font, text + pos, end - pos);
        }
        if (count < max_lines)
            lines[count] = (TextLine){ pos, end - pos, width + hyphen, hyphen };
        count++;
        pos = skip_spaces(text, len, next);
    }
    return count;
}

DrawCmd *text_draw_line(DrawList *out, float x, float y, float h, FontRole font, const char *text,
                        const TextLine *l, uint32_t colour, uint32_t background, Rect clip)
{
    float w = (float)(l->width - l->hyphen);
    DrawCmd *c = draw_text(out, x, y, w, h, font, text + l->start, l->len, colour, background, clip);
    if (l->hyphen > 0)
        draw_text(out, x + w, y, (float)l->hyphen, h, font, text_hyphen, 1, colour, background, clip);
    return c;
}

const char *text_language(const char *dir)
{
    if (!dir)
        return "";
    size_t n = strlen(dir);
    while (n > 0 && dir[n - 1] == '/')
        n--;
    while (n > 0 && dir[n - 1] != '/')
        n--;
    return dir + n;
}
