/* render_demo.c — draws a hand-made DrawList with the renderer and saves it as a PNG, then
 * checks the dirty cells: the same list again presents nothing, one button's new colour
 * redraws only that button's cells, the partial redraw equals a full one pixel for pixel,
 * frames with a warm text cache make no SDL allocation (on a GPU renderer; the software
 * one allocates inside SDL per blended triangle), and laying out again measures nothing
 * anew. Exit status 0 when all hold.
 *
 *   cc -std=c11 -Wall -Wextra -Wpedantic -g tests/render_demo.c app/ui/render.c app/ui/font.c \
 *      app/core/draw.c app/core/config.c app/core/schema.c app/core/inidoc.c app/core/arena.c \
 *      app/core/diag.c app/core/utf8.c app/core/text.c \
 *      $(pkg-config --cflags --libs sdl2 SDL2_ttf SDL2_image fontconfig inih) -lm -o /tmp/render_demo
 *   /tmp/render_demo [out.png]          (headless: dummy video, software renderer)
 *   SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=opengl xvfb-run /tmp/render_demo   (a GPU renderer) */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <string.h>

#include "../app/core/config.h"
#include "../app/core/draw.h"
#include "../app/core/text.h"
#include "../app/ui/render.h"

enum { WIDTH = 800, HEIGHT = 480 };

static Renderer renderer; /* large: keep it off the stack */
static DrawList list;

/* ---- counting SDL's allocations (SDL_SetMemoryFunctions) ---------------------------- */

static SDL_malloc_func real_malloc;
static SDL_calloc_func real_calloc;
static SDL_realloc_func real_realloc;
static SDL_free_func real_free;
static unsigned long allocations;

static void *count_malloc(size_t n) { allocations++; return real_malloc(n); }
static void *count_calloc(size_t n, size_t size) { allocations++; return real_calloc(n, size); }
static void *count_realloc(void *p, size_t n) { allocations++; return real_realloc(p, n); }
static void count_free(void *p) { real_free(p); }

/* ---- the picture -------------------------------------------------------------------- */

static int failures;

static void check(bool ok, const char *what)
{
    printf("%s  %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok)
        failures++;
}

static DrawCmd *text_line(const Measure *m, float x, float y, FontRole font, const char *s,
                          uint32_t colour, uint32_t background)
{
    int len = (int)strlen(s);
    float w = (float)m->width(m->ctx, font, s, len), h = (float)m->line_height[font];
    return draw_text(&list, x, y, w, h, font, s, len, colour, background, (Rect){ x, y, w, h });
}

/* A rounded button with its label centred; returns the fill command. */
static DrawCmd *button(const Measure *m, Rect r, const char *label, uint32_t fill, uint32_t ink,
                       float radius)
{
    DrawCmd *c = draw_rect(&list, r, fill, radius);
    int len = (int)strlen(label);
    float w = (float)m->width(m->ctx, FONT_BUTTON, label, len), h = (float)m->line_height[FONT_BUTTON];
    float x = r.x + (r.w - w) / 2, y = r.y + (r.h - h) / 2;
    draw_text(&list, x, y, w, h, FONT_BUTTON, label, len, ink, fill, r);
    return c;
}

static DrawCmd *build(const Config *config, const Measure *m)
{
    const uint32_t *k = config->colours;
    uint32_t bg = k[COLOUR_BACKGROUND];
    draw_reset(&list);

    /* left column: one line per role, a wrapped paragraph, a quote */
    text_line(m, 32, 20, FONT_DISPLAY, "Attune", k[COLOUR_TEXT], bg);
    text_line(m, 32, 82, FONT_TITLE, "How do you connect?", k[COLOUR_TEXT], bg);
    text_line(m, 32, 128, FONT_HEADING, "Secure — “at ease”", k[COLOUR_ACCENT], bg);
    static const char paragraph[] =
        "Fourteen short statements about closeness. Answer as you usually feel, not as "
        "you would like to feel; there are no right answers, and nothing is stored.";
    TextLine lines[8];
    int n = text_wrap(m, FONT_BODY, paragraph, (int)sizeof(paragraph) - 1, 400, lines, 8);
    float y = 166;
    for (int i = 0; i < n && i < 8; i++, y += (float)m->line_height[FONT_BODY])
        draw_text(&list, 32, y, (float)lines[i].width, (float)m->line_height[FONT_BODY], FONT_BODY,
                  paragraph + lines[i].start, lines[i].len, k[COLOUR_TEXT], bg,
                  (Rect){ 32, 166, 400, 200 });
    y += 8;
    draw_rect(&list, (Rect){ 32, y, 4, 2.0f * (float)m->line_height[FONT_QUOTE] }, k[COLOUR_ACCENT], 2);
    text_line(m, 46, y, FONT_QUOTE, "“I don’t want to be a bother,", k[COLOUR_MUTED], bg);
    text_line(m, 46, y + (float)m->line_height[FONT_QUOTE], FONT_QUOTE, "so I just say I’m fine.”",
              k[COLOUR_MUTED], bg);
    text_line(m, 32, 420, FONT_CAPTION, "Question 4 of 14 · Ünïcödé façade", k[COLOUR_MUTED], bg);
    text_line(m, 32, 442, FONT_CAPTION, "Semi-transparent caption (alpha 128)", k[COLOUR_TEXT], bg)->alpha = 128;

    /* right column: a card with a 1 px outline, a five-point scale, buttons */
    Rect card = { 470, 24, 306, 180 };
    draw_rect(&list, card, k[COLOUR_SURFACE], 16);
    draw_outline(&list, card, k[COLOUR_LINE], 16, 1);
    text_line(m, 490, 40, FONT_HEADING, "Scale", k[COLOUR_TEXT], k[COLOUR_SURFACE]);
    draw_line(&list, 490, 80.5f, 756, 80.5f, k[COLOUR_LINE], 1); /* crisp 1 px rule */
    for (int i = 0; i < 5; i++) {
        Rect dot = { 494.0f + (float)i * 54, 100, 40, 40 };
        if (i == 2)
            draw_circle(&list, dot, k[COLOUR_ACCENT]);
        else
            draw_circle(&list, dot, k[COLOUR_ACCENT])->thickness = 2;
        const char *digit = draw_printf(&list, "%d", i + 1);
        text_line(m, dot.x + 15, 150, FONT_CAPTION, digit, k[COLOUR_MUTED], k[COLOUR_SURFACE]);
    }
    DrawCmd *start = button(m, (Rect){ 470, 224, 306, 64 }, "Start", k[COLOUR_ACCENT],
                            k[COLOUR_ACCENT_TEXT], 14);
    draw_outline(&list, (Rect){ 470, 300, 148, 56 }, k[COLOUR_ACCENT], 12, 2);
    text_line(m, 500, 314, FONT_BUTTON, "Not now", k[COLOUR_ACCENT], bg);
    button(m, (Rect){ 628, 300, 148, 56 }, "Pill", k[COLOUR_TEXT], bg, 28);

    /* shapes: small and sharp, fractional, slanted, thin; a translucent veil */
    draw_circle(&list, (Rect){ 470, 380, 8, 8 }, k[COLOUR_TEXT]);
    draw_circle(&list, (Rect){ 484.5f, 378.5f, 12, 12 }, k[COLOUR_ACCENT]);
    draw_outline(&list, (Rect){ 505, 374, 24, 24 }, k[COLOUR_TEXT], 0, 1);
    draw_outline(&list, (Rect){ 537.3f, 374.6f, 24, 24 }, k[COLOUR_TEXT], 0, 1);
    draw_line(&list, 575, 398, 625, 372, k[COLOUR_TEXT], 2);
    draw_line(&list, 635, 398, 685, 384, k[COLOUR_TEXT], 0.5f);
    draw_line(&list, 695, 372, 695, 398, k[COLOUR_TEXT], 1);
    draw_line(&list, 705, 372.25f, 705, 398, k[COLOUR_TEXT], 3);
    draw_circle(&list, (Rect){ 716, 366, 60, 60 }, k[COLOUR_ACCENT]);
    draw_rect(&list, (Rect){ 700, 400, 90, 60 }, 0x000000, 10)->alpha = 96;
    draw_rect(&list, (Rect){ 470, 436, 200, 24 }, k[COLOUR_ACCENT], 12)->alpha = 64;
    return start;
}

/* ---- checks ------------------------------------------------------------------------- */

static bool same_png(const char *a, const char *b)
{
    SDL_Surface *x = IMG_Load(a), *y = IMG_Load(b);
    bool same = x && y && x->w == y->w && x->h == y->h && x->format->format == y->format->format;
    for (int row = 0; same && row < x->h; row++)
        same = memcmp((char *)x->pixels + row * x->pitch, (char *)y->pixels + row * y->pitch,
                      (size_t)x->w * x->format->BytesPerPixel) == 0;
    SDL_FreeSurface(x);
    SDL_FreeSurface(y);
    return same;
}

int main(int argc, char **argv)
{
    const char *out = argc > 1 ? argv[1] : "/tmp/render_demo.png";
    char partial[1024], full[1024], error[512];
    snprintf(partial, sizeof(partial), "%s.partial.png", out);
    snprintf(full, sizeof(full), "%s.full.png", out);

    SDL_GetMemoryFunctions(&real_malloc, &real_calloc, &real_realloc, &real_free);
    SDL_SetMemoryFunctions(count_malloc, count_calloc, count_realloc, count_free);
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);          /* the environment wins */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");    /* unless SDL_RENDER_DRIVER is set */
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "render_demo: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *window = SDL_CreateWindow("render_demo", 0, 0, WIDTH, HEIGHT, 0);
    SDL_Renderer *sdl = window ? SDL_CreateRenderer(window, -1, 0) : NULL;
    SDL_RendererInfo info;
    if (!sdl || SDL_GetRendererInfo(sdl, &info) != 0) {
        fprintf(stderr, "render_demo: %s\n", SDL_GetError());
        return 1;
    }
    int ow, oh;
    SDL_GetRendererOutputSize(sdl, &ow, &oh);
    printf("renderer %s, output %dx%d, sizeof(Renderer) %zu bytes\n", info.name, ow, oh, sizeof(Renderer));

    Config config;
    config_defaults(&config);
    int s = config.size_title, b = config.size_body, c = config.size_caption;
    int font_px[FONT_ROLE_COUNT] = {
        [FONT_DISPLAY] = s * 3 / 2, [FONT_TITLE] = s, [FONT_HEADING] = (s + b) / 2,
        [FONT_BODY] = b, [FONT_QUOTE] = b, [FONT_BUTTON] = b, [FONT_CAPTION] = c,
    };
    Uint64 t0 = SDL_GetPerformanceCounter();
    if (!render_open(&renderer, sdl, &config, ow, oh, font_px, error, sizeof(error))) {
        fprintf(stderr, "render_demo: %s\n", error);
        return 1;
    }
    double open_ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    printf("render_open: %.1f ms (fontconfig and 7 fonts)\n", open_ms);
    Measure m = render_measure(&renderer);
    uint32_t bg = config.colours[COLOUR_BACKGROUND];
    RenderStats st;

    /* 1. The first frame draws everything. */
    DrawCmd *start = build(&config, &m);
    printf("draw list: %d commands\n", list.count);
    t0 = SDL_GetPerformanceCounter();
    check(render_frame(&renderer, &list, bg), "the first frame presents");
    printf("      first frame %.1f ms\n",
           (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency());
    render_stats(&renderer, &st);
    printf("      grid %dx%d cells of %d px; dirty %d cells in %d rects; text %lu misses\n",
           st.cells_x, st.cells_y, st.cell_size, st.dirty_cells, st.dirty_rects, st.text_misses);
    check(st.dirty_cells == st.cells_x * st.cells_y, "the first frame redraws every cell");
    check(render_save_png(&renderer, out), "saved the frame");
    printf("      %s\n", out);

    /* 2. The same list again: nothing to do, and nothing measured again. */
    unsigned long measured = st.width_misses;
    build(&config, &m);
    render_stats(&renderer, &st);
    check(st.width_misses == measured, "laying the same list out again measures nothing anew");
    check(!render_frame(&renderer, &list, bg), "the same list again does not present");
    render_stats(&renderer, &st);
    check(st.dirty_cells == 0, "and no cell is dirty");

    /* 3. One button changes colour: only its cells. */
    start = build(&config, &m);
    start->colour = 0x2E7D32;
    check(render_frame(&renderer, &list, bg), "a changed button presents");
    render_stats(&renderer, &st);
    printf("      dirty %d of %d cells in %d rects, %d pixels\n", st.dirty_cells,
           st.cells_x * st.cells_y, st.dirty_rects, st.dirty_pixels);
    /* the button 470..776 x 224..288 (+2 px feather) touches columns 7..12, rows 3..4 */
    check(st.dirty_cells == 6 * 2 && st.dirty_rects == 1, "only the button's 6x2 cells redraw");
    check(render_save_png(&renderer, partial), "saved the partial redraw");
    render_invalidate(&renderer);
    start = build(&config, &m);
    start->colour = 0x2E7D32;
    check(render_frame(&renderer, &list, bg), "render_invalidate forces a frame");
    check(render_save_png(&renderer, full), "saved a full redraw of the same list");
    check(same_png(partial, full), "the partial redraw equals the full redraw, pixel for pixel");

    /* 4. A changed background repaints everything. */
    build(&config, &m);
    check(render_frame(&renderer, &list, 0x202020), "a new background presents");
    render_stats(&renderer, &st);
    check(st.dirty_cells == st.cells_x * st.cells_y, "and redraws every cell");

    /* 5. Allocations once warm: idle frames, then redraws of every cell with cached text. */
    build(&config, &m);
    render_frame(&renderer, &list, bg);
    unsigned long before = allocations;
    for (int i = 0; i < 100; i++)
        render_frame(&renderer, &list, bg);
    check(allocations == before, "100 unchanged frames allocate nothing");
    render_stats(&renderer, &st);
    unsigned long misses = st.text_misses;
    before = allocations;
    t0 = SDL_GetPerformanceCounter();
    for (int i = 0; i < 20; i++) {
        start->colour = i % 2 ? 0x2E7D32 : config.colours[COLOUR_ACCENT];
        render_invalidate(&renderer);
        render_frame(&renderer, &list, bg);
    }
    double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency() / 20;
    render_stats(&renderer, &st);
    printf("      20 full redraws: %.1f ms each, %lu SDL allocations, %lu text misses\n", ms,
           allocations - before, st.text_misses - misses);
    check(st.text_misses == misses, "redraws with known text rasterise nothing");
    if (renderer.software)
        printf("      (the software renderer allocates a scratch surface per blended triangle"
               " inside SDL; GPU renderers do not)\n");
    else
        check(allocations == before, "redraws allocate nothing");

    /* 6. A new size and new font sizes. */
    int bigger[FONT_ROLE_COUNT];
    for (int i = 0; i < FONT_ROLE_COUNT; i++)
        bigger[i] = font_px[i] + 2;
    check(render_resize(&renderer, ow, oh, bigger), "render_resize with new font sizes");
    m = render_measure(&renderer);
    build(&config, &m);
    check(render_frame(&renderer, &list, bg), "the frame after a resize presents");
    render_stats(&renderer, &st);
    check(st.dirty_cells == st.cells_x * st.cells_y, "and redraws every cell");

    render_stats(&renderer, &st);
    printf("stats: %lu presented, %lu skipped, text %lu hits / %lu misses, %d entries, %zu KB;"
           " widths %lu hits / %lu misses\n",
           st.frames_presented, st.frames_skipped, st.text_hits, st.text_misses, st.text_entries,
           st.text_bytes / 1024, st.width_hits, st.width_misses);
    render_close(&renderer);
    render_close(&renderer); /* twice is harmless */
    config_free(&config);
    SDL_DestroyRenderer(sdl);
    SDL_DestroyWindow(window);
    IMG_Quit();
    SDL_Quit();
    printf("%s\n", failures ? "FAILED" : "all checks passed");
    return failures ? 1 : 0;
}
