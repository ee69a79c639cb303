/* text.h — measuring and wrapping text, against a measure callback.
 *
 * The core cannot rasterise fonts; the renderer can. So the renderer fills a Measure
 * (a width function and each font's line height) and the view wraps every paragraph
 * with it, where libunibreak says a line may end in the text's language. Tests use a fake
 * measure (a fixed width per character). */
#ifndef ATTUNE_TEXT_H
#define ATTUNE_TEXT_H

#include "draw.h"

typedef struct Measure {
    /* The width in pixels of `len` bytes of UTF-8 text in `font`. */
    int (*width)(void *ctx, FontRole font, const char *text, int len);
    void *ctx;
    int line_height[FONT_ROLE_COUNT];  /* the distance from one line to the next */
    int size[FONT_ROLE_COUNT];         /* the font's pixel size (the height of an em) */
    /* The language of the text, a code like "ja" (what follows it is ignored, so a
     * bundle's folder name does), or NULL: the rules for where lines may break differ
     * a little between languages. The view sets it from the bundle (text_language). */
    const char *lang;
} Measure;

typedef struct TextLine {
    int start, len;   /* bytes of the paragraph */
    int width;        /* measured, the hyphen included */
    int hyphen;       /* the width of a hyphen drawn after the line (a cut word), or 0 */
} TextLine;

/* Once, before any wrapping: indexes libunibreak's tables (wrapping works without it, only
 * slower, most of all for Chinese and Japanese). */
void text_init(void);

/* Breaks one paragraph (no '\n' inside) into lines no wider than `max_width`, where the
 * Unicode line breaking rules (UAX #14, libunibreak) allow, for m->lang: at spaces, after
 * hyphens, between ideographs, never before a closing mark such as "。" or "、". Where
 * even one piece is wider than a line it is cut between characters, and in a script that
 * hyphenates (Latin, Greek, Cyrillic) the line shows a hyphen ("Bindungsvermei-"), which
 * its width includes. Writes at most `max_lines` lines and returns how many the paragraph
 * needs (which may be more). Allocates nothing. */
int text_wrap(const Measure *m, FontRole font, const char *text, int len, float max_width,
              TextLine *lines, int max_lines);

/* Draws line `l` of `text` at (x, y), `h` tall, with its hyphen, if any, after it (a second
 * command, whose text is text_hyphen: it is no part of the paragraph, so a caller that
 * gives commands a place in their paragraph (DrawCmd.at) leaves it out); returns the
 * text's command (or NULL when the list is full). */
DrawCmd *text_draw_line(DrawList *out, float x, float y, float h, FontRole font, const char *text,
                        const TextLine *l, uint32_t colour, uint32_t background, Rect clip);

extern const char text_hyphen[];

/* The language code of a bundle in folder `dir`: its last component ("assets/content/ja/"
 * gives "ja/", which Measure.lang reads as "ja"). Points into `dir`; never NULL. */
const char *text_language(const char *dir);

#endif
