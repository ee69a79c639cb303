/* text.c — see text.h. Greedy wrapping: as many words as fit, then the next line. The text
 * need not be NUL-terminated nor well-formed: nothing past `len` is read. */
#include "text.h"

#include "../core/utf8.h"

static int width_of(const Measure *m, FontRole font, const char *text, int len)
{
    return len > 0 ? m->width(m->ctx, font, text, len) : 0;
}

int text_wrap(const Measure *m, FontRole font, const char *text, int len, float max_width,
              TextLine *lines, int max_lines)
{
    int count = 0;
    int pos = 0;
    while (pos < len && text[pos] == ' ')
        pos++;
    while (pos < len) {
        int line_end = pos;   /* end of the last word that fits */
        int scan = pos;
        while (scan < len) {
            int word_end = scan;
            while (word_end < len && text[word_end] != ' ') {
                word_end++;
                if (text[word_end - 1] == '-' && word_end < len && text[word_end] != ' ' &&
                    word_end - scan > 1)
                    break; /* a line may break after a hyphen: fearful-|avoidant */
            }
            if (width_of(m, font, text + pos, word_end - pos) > max_width && line_end > pos)
                break;
            line_end = word_end;
            scan = word_end;
            while (scan < len && text[scan] == ' ')
                scan++;
            if (width_of(m, font, text + pos, line_end - pos) > max_width)
                break; /* a single word wider than the line */
        }
        if (width_of(m, font, text + pos, line_end - pos) > max_width) {
            /* break the word between characters */
            size_t cut = (size_t)pos, next = (size_t)pos;
            while ((int)next < line_end) {
                size_t probe = next;
                utf8_decode(text, (size_t)line_end, &probe); /* never past the word */
                if (cut > (size_t)pos && width_of(m, font, text + pos, (int)probe - pos) > max_width)
                    break;
                cut = next = probe;
            }
            line_end = (int)cut;
        }
        if (count < max_lines)
            lines[count] = (TextLine){ pos, line_end - pos, width_of(m, font, text + pos, line_end - pos) };
        count++;
        pos = line_end;
        while (pos < len && text[pos] == ' ')
            pos++;
    }
    return count;
}
