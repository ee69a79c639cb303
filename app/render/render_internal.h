/* render_internal.h — what the renderer's files share with each other and nothing outside
 * app/render uses. render.c opens, resizes and closes; font.c asks fontconfig for font
 * files; faces.c finds and opens the theme's fonts and draws a line in runs of one font
 * each; textcache.c keeps rasterised lines and measured widths; shapes.c draws the
 * anti-aliased shapes; frame.c makes a frame from a DrawList, redrawing only its changed
 * cells, and reads it back. */
#ifndef ATTUNE_RENDER_INTERNAL_H
#define ATTUNE_RENDER_INTERNAL_H

#include "render.h"

/* ---- render.c: small shared helpers --------------------------------------------------- */

/* 0xRRGGBB (higher bits ignored) and an alpha as an SDL_Color. */
SDL_Color render_colour(uint32_t rgb, Uint8 alpha);

/* Zeros a surface's pixels (a line of text, drawn) and frees it; NULL is fine. */
void render_free_surface(SDL_Surface *surface);

/* ---- faces.c: the theme's fonts ------------------------------------------------------- */

/* Fills r->face_path (see render_open); false, with a sentence in `error`, when no font at
 * all opens. */
bool render_faces_find(Renderer *r, const Config *c, char *error, size_t error_size);

/* Opens every role of r->face_path at its size into `fonts` (all or none). */
bool render_fonts_open(const Renderer *r, TTF_Font *fonts[FONT_ROLE_COUNT],
                       const int font_px[FONT_ROLE_COUNT], char *error, size_t error_size);

/* Closes the open ones and sets all to NULL. */
void render_fonts_close(TTF_Font *fonts[FONT_ROLE_COUNT]);

/* Closes the fallback fonts opened at the roles' sizes; `all`: also the fallbacks
 * themselves, what is known about glyphs, and fontconfig. */
void render_fallbacks_close(Renderer *r, bool all);

/* Whether SDL_ttf shapes with HarfBuzz (sets r->shaping); when not, says so on stderr. */
bool render_shaping_check(Renderer *r);

/* The width of `len` bytes of well-formed UTF-8 at `text` in `role`, each run in the font
 * that has its glyphs (text[len] must be writable: it is set to NUL and restored). */
int render_runs_width(Renderer *r, FontRole role, char *text, int len);

/* Rasterises `len` bytes of well-formed UTF-8 (text[len] is NUL) likewise, its runs in
 * visual order; NULL when nothing can be drawn. Both reorder and shape the same way, so
 * a line is as wide as it was measured. */
SDL_Surface *render_runs_draw(Renderer *r, FontRole role, char *text, int len, SDL_Color colour);

/* ---- textcache.c: lines of text ------------------------------------------------------- */

/* The text cache's entry for a line (len < RENDER_LINE_BYTES), rasterised now if new. An
 * entry used by the frame being built is never evicted. */
int render_text_get(Renderer *r, FontRole font, uint32_t colour, const char *text, int len);

/* Empties the text cache and the measured widths. */
void render_text_flush(Renderer *r);
/* Overwrites a texture's pixels with zeros before it is freed, so that what it showed (a
 * line of a result, a whole frame) does not stay in freed memory (the software renderer's
 * textures are in the heap): a piece at a time. */
void render_texture_wipe(SDL_Texture *texture);

/* ---- shapes.c ------------------------------------------------------------------------- */

/* Draws a DRAW_RECT, DRAW_CIRCLE or DRAW_LINE (anything else: nothing). */
void render_shape(Renderer *r, const DrawCmd *c);

/* ---- frame.c -------------------------------------------------------------------------- */

/* Chooses the cells for r->width x r->height; the next frame redraws everything. */
void render_grid(Renderer *r);

#endif
