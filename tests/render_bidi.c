/* render_bidi.c — right-to-left text through the real renderer, saved as pictures for
 * tests/bidi.sh to compare with the references in tests/golden/bidi/:
 *
 *     render_bidi OUTDIR
 *
 * draws, each alone on a white 480x64 frame with the default theme's fonts, the Arabic
 * button "خروج سريع" (Quick exit), an Arabic sentence, the mixed line "Hi سلام 123" in a
 * left-to-right paragraph and an Arabic paragraph with an English word and a number, and
 * saves OUTDIR/NAME.png. It also checks that each line is drawn exactly as wide as it was
 * measured (text_wrap relies on it). One line per check, "ok" or "FAIL"; exit 1 when any
 * fails, 2 when it cannot draw at all. */
#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "../app/core/config.h"
#include "../app/view/draw.h"
#include "../app/render/render.h"

enum { W = 480, H = 64 };

static Renderer renderer; /* large: keep it off the stack */
static DrawList list;

static const struct {
    const char *name, *text;
    FontRole font;
    RenderBase base;
} lines[] = {
    /* خروج سريع */
    { "quick_exit", "\xD8\xAE\xD8\xB1\xD9\x88\xD8\xAC \xD8\xB3\xD8\xB1\xD9\x8A\xD8\xB9",
      FONT_BUTTON, RENDER_BASE_RTL },
    /* خذ وقتك، لا توجد إجابة خاطئة. (Take your time, there is no wrong answer.) */
    { "sentence", "\xD8\xAE\xD8\xB0 \xD9\x88\xD9\x82\xD8\xAA\xD9\x83\xD8\x8C \xD9\x84\xD8\xA7 "
      "\xD8\xAA\xD9\x88\xD8\xAC\xD8\xAF \xD8\xA5\xD8\xAC\xD8\xA7\xD8\xA8\xD8\xA9 "
      "\xD8\xAE\xD8\xA7\xD8\xB7\xD8\xA6\xD8\xA9.", FONT_BODY, RENDER_BASE_RTL },
    /* Hi سلام 123, in an English paragraph */
    { "mixed_ltr", "Hi \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 123", FONT_BODY, RENDER_BASE_AUTO },
    /* مرحبا Hello 42 عالم, in an Arabic paragraph */
    { "mixed_rtl", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 Hello 42 "
      "\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85", FONT_BODY, RENDER_BASE_RTL },
    /* an English line in a right-to-left bundle (the config's words): its full stop at its
     * end, on the right */
    { "english_in_rtl", "Please ask a member of staff.", FONT_BODY, RENDER_BASE_RTL },
};

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: render_bidi OUTDIR\n", stderr);
        return 2;
    }
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 0);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    char error[512], path[1024];
    SDL_Window *window = SDL_Init(SDL_INIT_VIDEO) == 0 ? SDL_CreateWindow("render_bidi", 0, 0, W, H, 0)
                                                        : NULL;
    SDL_Renderer *sdl = window ? SDL_CreateRenderer(window, -1, 0) : NULL;
    Config config;
    config_defaults(&config);
    int font_px[FONT_ROLE_COUNT] = { 51, 34, 28, 22, 22, 22, 17 };
    if (!sdl || !render_open(&renderer, sdl, &config, W, H, font_px, error, sizeof(error))) {
        fprintf(stderr, "render_bidi: %s\n", sdl ? error : SDL_GetError());
        return 2;
    }
    Measure m = render_measure(&renderer);
    int failed = 0;
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        int len = (int)strlen(lines[i].text);
        render_set_base(&renderer, lines[i].base);
        int width = m.width(m.ctx, lines[i].font, lines[i].text, len);
        draw_reset(&list);
        Rect clip = { 0, 0, W, H };
        draw_text(&list, 10, 8, W - 20, H - 16, lines[i].font, lines[i].text, len, 0x202020,
                  0xffffff, clip);
        render_invalidate(&renderer);
        snprintf(path, sizeof(path), "%s/%s.png", argv[1], lines[i].name);
        bool drawn = render_frame(&renderer, &list, 0xffffff) && render_save_png(&renderer, path);
        const RenderText *t = &renderer.texts[renderer.text_of[0]];
        bool same = drawn && t->texture && t->w == width;
        printf("%s render_bidi: %s drawn to %s, %d px wide as measured (%d)\n",
               same ? "ok  " : "FAIL", lines[i].name, path, t->w, width);
        failed += !same;
    }
    render_close(&renderer);
    SDL_DestroyRenderer(sdl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return failed ? 1 : 0;
}
