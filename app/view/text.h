/* text.h — measuring and wrapping text, against a measure callback.
 *
 * The core cannot rasterise fonts; the renderer can. So the renderer fills a Measure
 * (a width function and each font's line height) and the view wraps every paragraph
 * with it. Tests use a fake measure (a fixed width per character). */
#ifndef ATTUNE_TEXT_H
#define ATTUNE_TEXT_H

#include "draw.h"

typedef struct Measure {
    /* The width in pixels of `len` bytes of UTF-8 text in `font`. */
    int (*width)(void *ctx, FontRole font, const char *text, int len);
    void *ctx;
    int line_height[FONT_ROLE_COUNT];  /* the distance from one line to the next */
    int size[FONT_ROLE_COUNT];         /* the font's pixel size (the height of an em) */
} Measure;

typedef struct TextLine {
    int start, len;   /* bytes of the paragraph */
    int width;        /* measured */
} TextLine;

/* Breaks one paragraph (no '\n' inside) into lines no wider than `max_width`, at spaces
 * and after hyphens;
 * a word wider than a line is broken between characters. Writes at most `max_lines`
 * lines and returns how many the paragraph needs (which may be more). */
int text_wrap(const Measure *m, FontRole font, const char *text, int len, float max_width,
              TextLine *lines, int max_lines);

#endif
