/* render.h — the renderer: executes a DrawList with SDL_Renderer and SDL_ttf.
 *
 * The one place that draws. It keeps the last frame in a texture (on the software renderer
 * in the window's own surface, which keeps its pixels between presents), hashes every draw
 * command into the screen cells it touches, and redraws only the cells whose hash changed
 * (the idea of rxi/lite's rencache.c): an unchanged frame costs a hash and presents
 * nothing. Shapes are triangles with a feathered edge (SDL_RenderGeometry), text is
 * rasterised once per (font, colour, bytes) and kept as a texture. Once warm, a frame
 * allocates nothing here.
 *
 * Start with render_open, call render_measure for the view's text wrapping, then
 * render_frame each time the view has built a DrawList. The work is split by job over
 * app/render (render_internal.h lists the files): fonts, the text cache, shapes, the frame. */
#ifndef ATTUNE_RENDER_H
#define ATTUNE_RENDER_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/bidi.h"
#include "../core/config.h"
#include "../view/draw.h"
#include "../view/text.h"
#include "font.h"

enum {
    RENDER_CELL_SIZE = 64,       /* pixels; doubled while the grid would exceed the maximum */
    RENDER_MAX_CELLS_X = 64,
    RENDER_MAX_CELLS_Y = 64,
    RENDER_MAX_RECTS = 32,       /* dirty cells are merged into at most this many rectangles */
    RENDER_TEXT_CACHE = DRAW_MAX_CMDS, /* entries: a full frame of distinct lines fits */
    RENDER_TEXT_TABLE = 2 * RENDER_TEXT_CACHE, /* hash slots, a power of two */
    RENDER_TEXT_KEY = 256,       /* bytes of a line kept to compare keys exactly */
    RENDER_TEXT_BUDGET_MIN = 2 << 20, /* texture bytes cached lines are trimmed to: half a
                                       * frame's bytes, at least this (LRU first; the lines of
                                       * the frame being drawn are always kept) */
    RENDER_LINE_BYTES = 2048,    /* a line longer than this is drawn cut at a character */
    RENDER_WIDTH_CACHE = 4096,   /* measured widths kept, a power of two */
    RENDER_ARC_MAX = 64,         /* segments per quarter circle at most */
    RENDER_MAX_VERTICES = 4 * 4 * (RENDER_ARC_MAX + 1) + 1, /* four contours, a centre */
    RENDER_MAX_INDICES = 3 * 6 * 4 * (RENDER_ARC_MAX + 1),
    RENDER_PATH_BYTES = 1024,
    RENDER_FALLBACKS = 6,        /* fonts used for glyphs the theme's font lacks, at most */
    RENDER_GLYPH_MEMO = 256,     /* code points whose font was looked up, kept (by hash) */
    RENDER_MAX_RUNS = 32         /* pieces of one line in different directions, scripts or
                                  * fonts; the rest joins the last piece of its direction */
};

/* The faces the roles use: FONT_BODY and FONT_CAPTION regular, FONT_QUOTE italic, the
 * others "strong" (semibold, else bold, else regular). */
typedef enum RenderFace {
    RENDER_FACE_REGULAR,
    RENDER_FACE_STRONG,
    RENDER_FACE_ITALIC,
    RENDER_FACE_COUNT
} RenderFace;

/* The base direction of the lines drawn (render_set_base): each line's own first letter
 * (an Arabic letter: right to left), or forced by the bundle's direction. */
typedef enum RenderBase { RENDER_BASE_AUTO, RENDER_BASE_LTR, RENDER_BASE_RTL } RenderBase;

typedef struct RenderStats {
    unsigned long frames_presented;  /* render_frame calls that drew and presented */
    unsigned long frames_skipped;    /* render_frame calls that found nothing changed */
    unsigned long text_hits;         /* text lines found in the cache */
    unsigned long text_misses;       /* text lines rasterised */
    unsigned long width_hits;        /* render_measure widths found in the cache */
    unsigned long width_misses;      /* widths measured with SDL_ttf */
    int text_entries;                /* lines cached now */
    size_t text_bytes;               /* their texture memory, 4 bytes a pixel */
    size_t frame_bytes;              /* the frame texture's (0: the software renderer has none) */
    int cells_x, cells_y, cell_size; /* the grid of the current size */
    int dirty_cells;                 /* cells redrawn by the last render_frame */
    int dirty_rects;                 /* rectangles they were merged into */
    int dirty_pixels;                /* pixels those rectangles cover */
} RenderStats;

/* One cached line of text. */
typedef struct RenderText {
    uint64_t hash;                   /* of font, colour and all the bytes */
    uint32_t colour;
    FontRole font;
    int len;
    char key[RENDER_TEXT_KEY];       /* the first bytes (all of a short line) */
    SDL_Texture *texture;            /* NULL: nothing to draw (or rasterising failed) */
    int w, h;
    unsigned long used;              /* the frame that last used it, for LRU eviction */
    bool live;
} RenderText;

/* Which fallback font draws a code point the theme's font lacks, in one face. */
typedef struct RenderGlyph {
    uint32_t c;                      /* 0: empty slot */
    int8_t face;                     /* RenderFace */
    int8_t font;                     /* index into the fallbacks, -1: no font has it */
} RenderGlyph;

/* One measured width: the hash covers the font and the bytes. */
typedef struct RenderWidth {
    uint64_t hash;
    int len;                         /* 0: empty slot */
    int width;
} RenderWidth;

/* The renderer's state. Its fields are private: read them through render_stats. It is
 * large (about 520 KB, mostly the text cache's keys and the cell hashes), so keep it in
 * static storage or inside the App struct, not on a thread's stack. */
typedef struct Renderer {
    SDL_Renderer *sdl;                    /* borrowed */
    SDL_Texture *frame;                   /* the last frame, a render target; NULL on the
                                           * software renderer (the window surface keeps it) */
    int width, height;
    bool software;                        /* the software renderer snaps vertices to pixels */
    bool ttf_started;
    char face_path[RENDER_FACE_COUNT][RENDER_PATH_BYTES];
    TTF_Font *fonts[FONT_ROLE_COUNT];
    int font_px[FONT_ROLE_COUNT];

    /* dirty cells */
    int cell_size, cells_x, cells_y;
    uint64_t cells[2][RENDER_MAX_CELLS_X * RENDER_MAX_CELLS_Y];
    int current;                          /* which of `cells` holds the last frame */
    bool full;                            /* redraw everything next frame */
    uint32_t background;
    SDL_Rect rects[RENDER_MAX_RECTS];
    SDL_Rect bounds[DRAW_MAX_CMDS];       /* of each command this frame; w = 0: draws nothing */
    int text_of[DRAW_MAX_CMDS];           /* DRAW_TEXT: its entry in `texts` */

    /* text cache: entries, and an open-addressing table of entry numbers + 1 */
    RenderText texts[RENDER_TEXT_CACHE];
    int16_t table[RENDER_TEXT_TABLE];
    int text_count;
    size_t text_bytes;
    size_t text_budget;                   /* see RENDER_TEXT_BUDGET_MIN */
    unsigned long frame_number;
    char line[3 * RENDER_LINE_BYTES];     /* a NUL-terminated, well-formed copy for SDL_ttf
                                           * (each broken byte becomes 3 bytes of U+FFFD) */
    RenderWidth widths[RENDER_WIDTH_CACHE]; /* direct-mapped by hash */

    /* one shape's triangles */
    SDL_Vertex vertices[RENDER_MAX_VERTICES];
    int indices[RENDER_MAX_INDICES];

    /* glyphs the theme's font lacks (emoji, another script): fonts fontconfig offers */
    FontSearch glyph_search;              /* loaded at the first such glyph */
    bool glyph_search_tried;
    int fallback_count;
    char fallback_path[RENDER_FALLBACKS][RENDER_PATH_BYTES];
    TTF_Font *fallback_probe[RENDER_FALLBACKS];             /* to ask which glyphs it has */
    TTF_Font *fallback_fonts[RENDER_FALLBACKS][FONT_ROLE_COUNT]; /* opened when first used */
    uint16_t fallback_uses[RENDER_FALLBACKS]; /* the scripts and faces it was chosen for
                                               * (faces.c's script_fonts) */
    RenderGlyph glyphs[RENDER_GLYPH_MEMO];
    int glyph_notes;                      /* lines said about them on stderr (capped) */
    bool glyph_say;                       /* say them: only render_glyphs_check does */

    /* right to left: a line's runs in visual order, each shaped with its direction and
     * script (false: SDL_ttf has no HarfBuzz; runs are drawn unshaped, reversed by hand) */
    BidiWork bidi;
    bool shaping;
    RenderBase base;

    RenderStats stats;
    int rotation, panel_w, panel_h;       /* render_set_rotation: how the frame meets the panel */
} Renderer;

/* Prepares `r` to draw with `sdl` into an output of `width` x `height` pixels (pass
 * SDL_GetRendererOutputSize; the DrawList must be laid out for the same size). Finds the
 * theme's fonts: config->font_regular and config->font_bold when set, otherwise the family
 * config->font through fontconfig (its semibold for the strong roles, else its bold; its
 * italic for FONT_QUOTE, else regular). When font_regular is set, fontconfig is not asked
 * at all: the strong roles use font_bold (or, unset, the regular file) and FONT_QUOTE the
 * regular file. Opens every FontRole at font_px[role] pixels, which
 * must be positive. `sdl` must support render targets and SDL_RenderGeometry (SDL 2.0.18;
 * every built-in renderer does) and stays borrowed until render_close.
 *
 * A configured font that cannot be found or opened is not fatal: a warning naming the
 * config's path:line (Config.font_line and the like) goes to stderr, and font_regular falls
 * back to the family `font`, the family to any font fontconfig offers, font_bold to the
 * regular face. Glyphs the theme's font lacks (emoji, another script) are drawn with a
 * font fontconfig finds for them (render_glyphs_check says which); text is sanitized first (each
 * broken UTF-8 byte, and NUL, becomes U+FFFD), for drawing and measuring alike.
 *
 * Returns true on success. On failure returns false with one sentence in `error` (for
 * example, no font at all can be opened) and holds nothing: there is nothing to
 * close. Calls TTF_Init itself (and TTF_Quit in render_close). */
bool render_open(Renderer *r, SDL_Renderer *sdl, const Config *config, int width, int height,
                 const int font_px[FONT_ROLE_COUNT], char *error, size_t error_size);

/* Chooses the renderer that fits the machine (pick.h: software where /dev/dri has no GPU
 * render node and the video driver has a window surface of its own; GLES or GL where there
 * is a GPU; SDL_RENDER_DRIVER wins) and sets SDL's hints for it. Call it after SDL_Init
 * (it asks SDL which video driver opened) and before the window is made: SDL reads
 * SDL_HINT_RENDER_DRIVER in SDL_CreateRenderer and SDL_HINT_FRAMEBUFFER_ACCELERATION at
 * the window's first surface, once for the whole process. Fills `line` with what it chose
 * and why, for the journal ("software (no GPU render node in /dev/dri)"). */
void render_pick(char *line, size_t size);

/* For a new output size: makes a new frame texture (not on the software renderer) and,
 * when font_px changed, reopens the fonts and empties the text cache. The next
 * render_frame redraws everything. Call it after SDL_WINDOWEVENT_SIZE_CHANGED with the new
 * output size, and call render_measure again: line heights change with font_px. Returns
 * false, with the reason in SDL_GetError(), when the texture or a font cannot be made; `r`
 * then still draws at the old size. */
bool render_resize(Renderer *r, int width, int height, const int font_px[FONT_ROLE_COUNT]);

/* The same output at other font sizes (larger text and back): when font_px differs from
 * the open fonts', opens the new ones, then closes the old ones, the fallbacks opened at
 * their sizes, and the text cache made with them; the next render_frame draws everything.
 * Call render_measure again. False, with the reason in SDL_GetError(), when a font cannot
 * be opened: the old ones stay. */
bool render_set_fonts(Renderer *r, const int font_px[FONT_ROLE_COUNT]);

/* How tall a capital H is in `role`'s font as open now, in pixels (from the baseline to
 * the top of its glyph), or 0 when the font has no H. */
int render_cap_height(Renderer *r, FontRole role);

/* A Measure for text_wrap with the open fonts: width() measures with TTF_SizeUTF8,
 * line_height is TTF_FontLineSkip and size is font_px. The Measure points at `r` and is
 * valid until render_resize, render_set_fonts or render_close. Widths of text longer than a kilobyte are
 * summed from pieces cut after a space (or, failing that, between characters).
 *
 * Widths are remembered (RENDER_WIDTH_CACHE of them, by a 64-bit hash of font and bytes),
 * so laying the same screen out again, as an animation does every frame, neither shapes
 * text again nor allocates: SDL_ttf's HarfBuzz shaping allocates on every call. */
Measure render_measure(Renderer *r);

/* Draws `list` over `background` (0xRRGGBB) and presents it. Only the cells whose commands
 * changed since the last frame are redrawn; when none did, nothing is drawn or presented
 * and it returns false. Returns true when it presented. Each DRAW_TEXT is drawn at its
 * (x, y) rounded to whole pixels, with its natural size; its `clip` is not applied (that
 * is the layout check's business). A command with alpha 0 or an empty rect draws nothing.
 * `list` is only read during the call. */
bool render_frame(Renderer *r, const DrawList *list, uint32_t background);

/* Makes the next render_frame redraw and present everything, for when the picture on the
 * screen was lost: SDL_WINDOWEVENT_EXPOSED, SDL_RENDER_TARGETS_RESET. (After
 * SDL_RENDER_DEVICE_RESET every texture is gone: render_close and render_open again.) */
void render_invalidate(Renderer *r);

/* For the soak: does to the picture what SDL_RENDER_DEVICE_RESET does on a GPU, which the
 * software renderer never does by itself. The frame and the window are wiped (magenta),
 * and every text texture in the cache is spoiled (drawn as an opaque box), so a renderer
 * that is not rebuilt, or that redraws only part of the screen, shows afterwards. */
void render_lose_contents(Renderer *r);

/* Copies the current frame (what the last render_frame drew, width x height) into `pixels`
 * in SDL pixel `format`, `pitch` bytes a row. Returns false, with the reason in
 * SDL_GetError(), when it cannot be read. */
bool render_read_pixels(Renderer *r, Uint32 format, void *pixels, int pitch);

/* Saves the current frame (what the last render_frame drew) as a PNG at `path`. Returns
 * false, with the reason in SDL_GetError(), when it cannot be read or written. Allocates a
 * surface of the frame's size for the duration of the call. */
bool render_save_png(Renderer *r, const char *path);

/* The panel is turned: the logical frame (drawn upright) is shown rotated by `rotation`
 * degrees (0, 90, 180, 270) onto a panel of panel_w x panel_h. A turned picture keeps a
 * frame texture even on the software renderer. */
void render_set_rotation(Renderer *r, int rotation, int panel_w, int panel_h);

/* Sets the base direction of every line drawn and measured from now on (RENDER_BASE_RTL
 * for a right-to-left bundle); forgets the lines drawn and measured before when it
 * changes. After render_open it is RENDER_BASE_AUTO. */
void render_set_base(Renderer *r, RenderBase base);

struct Bundle;

/* Looks up every character of every text of `bundle` in the faces that draw it, and says
 * on stderr, now, the ones the theme's font lacks (drawn with another font) and the ones
 * no installed font has (drawn as a box). Drawing never says so: a line in the journal
 * when a screen is shown would tell when that text (a result) was shown. Call it when
 * the bundle is loaded or reloaded. render_glyphs_text does the same for one text. */
void render_glyphs_check(Renderer *r, const struct Bundle *bundle);
void render_glyphs_text(Renderer *r, const char *text, size_t len);

/* A session ended: forgets every line it drew or measured (the text cache's lines, their
 * textures overwritten before they are freed, the measured widths) and where the last
 * frame's shapes were; the next render_frame draws everything anew. Safe when not open. */
void render_forget(Renderer *r);

/* Copies the counters into `out`. */
void render_stats(const Renderer *r, RenderStats *out);

/* Frees the fonts, the cached text and the frame texture. The SDL_Renderer stays open
 * (it is the caller's). Safe on a Renderer that failed to open or was closed. */
void render_close(Renderer *r);

#endif
